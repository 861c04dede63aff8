/* restyle.h: words kept whose formatting changed, and code compared verbatim (internal to diff/).
 *
 * The last step of the pipeline, and only when the caller gives styles (align.h, rl_diff_styled):
 * the alignment is made as for plain text, then each equal op and each kept run of a moved
 * passage (RL_OP_MOVE) is cut where its paired compared tokens differ: in style (the stretch
 * becomes an RL_OP_FORMAT op), or, for a token of an exact span, in its bytes (an RL_OP_REPLACE
 * op: the key's folding does not apply to code). Inside a moved passage the stretches keep its
 * move id, as the edits inside it do. Nothing else changes: a rewrite stays a rewrite whatever
 * its styles. */
#ifndef REDLINE_RESTYLE_H
#define REDLINE_RESTYLE_H

#include "ctx.h"

/* Bit 31 of a token's style word: the token lies in an exact span. */
#define RL_STYLE_EXACT 0x80000000u

/* Per token of side s, its style with RL_STYLE_EXACT: out[t] for t < c->side[s].n (the caller
 * allocates). Styles are compared without the bit. */
void rl_token_styles(const rl_ctx *c, int s, const rl_styles *st, uint32_t *out);

/* Rewrite ops with the restyled stretches of equal ops as RL_OP_FORMAT ops and the code tokens
 * whose bytes differ as RL_OP_REPLACE ops. sty[s]: rl_token_styles of side s. */
int rl_restyle(rl_ctx *c, const uint32_t *const sty[2], rl_opvec *ops);

#endif
