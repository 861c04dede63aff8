/* restyle.h: words kept whose formatting changed (internal to diff/).
 *
 * The last step of the pipeline, and only when the caller gives styles (align.h, rl_diff_styled):
 * the alignment is made as for plain text, then each equal op that is not part of a move is cut
 * where the styles of its paired compared tokens differ, and those stretches become
 * RL_OP_FORMAT ops. Nothing else changes: a rewrite stays a rewrite whatever its styles. */
#ifndef REDLINE_RESTYLE_H
#define REDLINE_RESTYLE_H

#include "align.h"
#include "stage.h"

/* Per token of side s, its style: out[t] for t < c->side[s].n (the caller allocates). */
void rl_token_styles(const rl_ctx *c, int s, const rl_styles *st, uint32_t *out);

/* Rewrite ops with the restyled stretches of equal ops as RL_OP_FORMAT ops. sty[s]: the style
 * of each token of side s (rl_token_styles). */
int rl_restyle(rl_ctx *c, const uint32_t *const sty[2], rl_opvec *ops);

#endif
