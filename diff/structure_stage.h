/* structure_stage.h: what the two files that reshape the ops by a text's structure (structure.h's
 * rl_markers_apart ... rl_items_apart) share, internal to them:
 *
 *   structure_ops.c  list markers and renumbered items apart, the edges a reader sees
 *                    (rl_edges_tidy: compounds, numbers, marks), inserted items one change each
 *   op_order.c       the order of the ops where one side's change stands beside whole units or
 *                    blocks of the other (rl_tails_first: its four passes, why in that order)
 *
 * Not a public face: only these two files include it; the stages' callers include structure.h.
 * Both place a closing mark by its word: rl_edges_tidy a stop after deletions that run past a
 * sentence ("87{+.+}[-, most … fitted.-]"), rl_tails_first a mark listed after a change of the
 * other side on rows of its own ("predict.{+”+}"). */
#ifndef REDLINE_STRUCTURE_STAGE_H
#define REDLINE_STRUCTURE_STAGE_H

#include <stdint.h>

#include "ctx.h"

/* Words of the other side between a word and its mark that put the mark rows apart (a
 * side-by-side pane holds about ten words a row). */
#define RL_SO_GLUED_FAR 10

/* Tokens [lo, hi) of side s start with closing marks glued to the token before ("87." "it,”"):
 * how many of them lead, or 0 when the first is none. A closing mark ends what stands before it
 * (. , ; : ! ? ” ’ » …); markup ("=", "/", "]]") does not, nor a bracket (it pairs with its
 * opener). */
uint32_t rl_so_glued_marks(const rl_side *sd, uint32_t lo, uint32_t hi);

#endif
