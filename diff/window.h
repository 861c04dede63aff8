/* window.h: the pipeline only around the changed stretches of two long texts with few edits
 * (issue 13, "skip what did not change").
 *
 * The lines both texts have byte for byte (the same tokens) are matched as patience diff does:
 * the lines that occur once on each side and keep their order (the longest such run), then their
 * equal neighbours. Runs of matched lines are kept stretches. Each stretch between two changes
 * loses, at each end, the paragraph the change is in and RL_WINDOW_CONTEXT more (cut at lines
 * that start a paragraph on both sides); what is left of it is kept: one equal op, its tokens
 * never interned, never walked for units or quotations. The rest, the windows, go through the
 * whole pipeline (pipeline.h, rl_pipeline_span), each on its own, and their ops are shifted and
 * joined with the kept stretches. A unique line matched out of order (a moved line) joins the
 * windows of its two places, and all between, into one, so that the moves stage sees both ends;
 * but when the moved lines hold fewer words than a move (RL_MOVE_MIN_WORDS), their places are
 * first tried as windows apart, kept when no window has enough words the moves stage could take
 * (its orphans) on OLD's side while another has enough on NEW's (a short line of prose moved
 * from the end of a page to its top, and a word changed: two small windows, not the page); not
 * when one is a line of markup that moves alone (a one-word template line: stop 35).
 * The sources stage (provenance), which looks for a NEW unit's sources anywhere in OLD, runs once
 * on the joined ops of the whole texts, when a window has a unit that wants sources
 * (rl_pipeline_sources). The figures are those of the whole texts (word counts, kept, ...), but
 * for the quotations found and the exact engine's anchors, which count the windows'.
 *
 * What may differ from the pipeline on the whole texts: only what a stage that looks beyond a
 * window would have found there (a passage moved from one window to another that no unique line
 * ties, cleanup's word frequencies, a quotation across the cut; provenance's work budget, which
 * the whole pipeline's stages spend before it, is whole here). The whole texts are compared
 * instead when the kept part is less than half of either text (also after the windows of a
 * moved line are joined), for short texts, styles, --minimal and rl_diff_opts.no_window. */
#ifndef REDLINE_WINDOW_H
#define REDLINE_WINDOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ops.h"
#include "token.h"
#include "window_para.h"

/* RL_WINDOW_CONTEXT and rl_window (one window: OLD's tokens [a0, a1) and NEW's [b0, b1)) are
 * in window_para.h, with what the two ways of finding windows share. */

/* The windows of two tokenized texts (in order, apart, separated by kept stretches of as many
 * tokens on both sides): RL_OK with *out (malloc'd, *n of them, n >= 1), or RL_OK with *out NULL
 * and *n 0 when the whole texts should be compared instead; RL_ENOMEM. When apart is not NULL
 * and the moved lines hold fewer than RL_MOVE_MIN_WORDS words (move.h), *apart (malloc'd,
 * *napart) receives the windows with each moved line's two places left apart, when they keep
 * half of each text (else NULL): a move between two of them must be ruled out by the caller.
 * lines_move: a moved line of markup may move alone (move.h, rl_move_line_alone: the moves stage
 * runs and compares marks), and then leaves no places apart. */
int rl_windows_find(const rl_tokens *old_toks, const rl_tokens *new_toks, rl_window **out,
                    size_t *n, rl_window **apart, size_t *napart, bool lines_move);

/* rl_pipeline on the windows rl_windows_find gives (when opts and styles allow them): RL_OK with
 * *done true and the results as rl_pipeline gives them, stats->windows the number of windows;
 * RL_OK with *done false when the whole texts must be compared (nothing is set); an error. */
int rl_pipeline_windows(rl_tokens *const toks[2], const rl_diff_opts *opts,
                        const rl_styles *styles, bool *done, rl_op **out, size_t *nout,
                        rl_link **srcs, size_t *nsrcs, rl_stats *stats);

#endif
