/* pipeline.h: the stages run in order (internal to diff/; the public face is align.h, whose rl_diff
 * tokenizes and calls rl_pipeline). */
#ifndef REDLINE_PIPELINE_H
#define REDLINE_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "ctx.h"

/* The context of two tokenized texts with their structure: rl_ctx_init, then, unless every stage
 * is off, the units of both sides and, when the quote stage is on, their quotations. Release it
 * with rl_ctx_release (also after a failure). */
int rl_pipeline_ctx(rl_ctx *c, const rl_tokens *old_toks, const rl_tokens *new_toks,
                    const rl_diff_opts *opts);

/* The exact script of toks[0] (OLD) and toks[1] (NEW), then each readability stage that is on,
 * then, when styles (two entries or NULL) say anything, the restyled words (restyle.h): the ops
 * into *out (malloc'd, *nout of them), the provenance links into *srcs (malloc'd, *nsrcs) and their figures into *stats, which the caller zeroed.
 * Returns RL_OK, or an error status (RL_ENOMEM, RL_ECANCELED) leaving *out untouched. */
int rl_pipeline(rl_tokens *const toks[2], const rl_diff_opts *opts, const rl_styles *styles,
                rl_op **out, size_t *nout, rl_link **srcs, size_t *nsrcs, rl_stats *stats);

/* Do the styles (two entries, or NULL) say anything (a span with a style, or an exact one)? */
bool rl_styled(const rl_styles *styles);

/* What the pipeline on a window tells its caller of what lies beyond the window. */
typedef struct rl_beyond {
	bool far;             /* a unit of NEW wants sources (anywhere in OLD) */
	/* The words of each side the moves stage could take (rl_orphan_ops), as it starts: a
	 * passage moved from one window to another matches RL_MOVE_MIN_WORDS of them on OLD's side
	 * at least (0 when the moves stage is off). */
	uint32_t orphans[2];
} rl_beyond;

/* The same on OLD's tokens [span[0], span[1]) and NEW's [span[2], span[3]) alone (a window:
 * window.h; NULL: the whole texts): the ops, links and figures are the window's, its tokens
 * numbered from its start. by (NULL on the whole texts): the sources stage is not run on a
 * window (it looks beyond it: a unit of NEW mostly new may have its sources anywhere in OLD);
 * by->far says whether a unit wants them (then the caller runs rl_pipeline_sources on the whole
 * texts' ops), and no link is given; by->orphans what a move out of the window or into it could
 * take. */
int rl_pipeline_span(rl_tokens *const toks[2], const uint32_t *span, const rl_diff_opts *opts,
                     const rl_styles *styles, rl_op **out, size_t *nout, rl_link **srcs,
                     size_t *nsrcs, rl_stats *stats, rl_beyond *by);

/* The sources stage alone (provenance.h) on OLD's tokens [span[0], span[1]) and NEW's
 * [span[2], span[3]) (the whole of OLD and the windows of NEW that want sources: window.h): their
 * context with their units (no quotations, no exact script), then rl_sources_find on ops (those
 * of the whole pipeline over those tokens, numbered from the span's start; an equal op may reach
 * beyond it on OLD's side), which cuts them at the links. */
int rl_pipeline_sources(rl_tokens *const toks[2], const uint32_t span[4],
                        const rl_diff_opts *opts, rl_opvec *ops, rl_link **srcs, size_t *nsrcs);

#endif
