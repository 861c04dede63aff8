/* restyle.c: equal ops cut where their words' formatting changed, or where code differs. */
#include "restyle.h"

#include <string.h>

#include "status.h"

void rl_token_styles(const rl_ctx *c, int s, const rl_styles *st, uint32_t *out)
{
	const rl_side *sd = &c->side[s];
	size_t k = 0;
	for (uint32_t t = 0; t < sd->n; t++) {
		size_t off = sd->tok[t].off;
		while (k < st->n && st->v[k].end <= off)
			k++;
		bool in = k < st->n && st->v[k].start <= off;
		out[t] = in ? (st->v[k].style & ~RL_STYLE_EXACT) | (st->v[k].exact ? RL_STYLE_EXACT : 0)
		            : 0;
	}
}

/* What a pair of compared tokens (OLD's i, NEW's j) of an equal op is. */
static uint8_t pair_kind(const rl_ctx *c, const uint32_t *const sty[2], uint32_t i, uint32_t j)
{
	uint32_t x = sty[0][i], y = sty[1][j];
	if ((x | y) & RL_STYLE_EXACT) {
		const rl_token *a = &c->side[0].tok[i], *b = &c->side[1].tok[j];
		if (a->len != b->len ||
		    memcmp(c->side[0].text + a->off, c->side[1].text + b->off, a->len) != 0)
			return RL_OP_REPLACE;
	}
	return (x & ~RL_STYLE_EXACT) != (y & ~RL_STYLE_EXACT) ? RL_OP_FORMAT : RL_OP_EQUAL;
}

/* One equal op, or a kept run of a moved passage: its compared tokens walked in step (they pair
 * one to one), cut where the kind of the pairs changes. A stretch runs from its first pair to the
 * next stretch's first pair (tokens that are not compared join the stretch before them, as in
 * every op); the first one from the op's start. Stretches keep the op's move id: inside a moved
 * passage, a restyled stretch is an edit of the move as a rewrite inside it is. */
static int cut_equal(rl_ctx *c, const uint32_t *const sty[2], const rl_op *op, rl_opvec *out)
{
	const uint32_t *ida = c->side[0].ids, *idb = c->side[1].ids;
	uint32_t i = op->a0, j = op->b0;
	rl_op cur = *op;  /* the stretch being gathered: from (cur.a0, cur.b0), of kind cur.kind */
	bool any = false;

	for (;;) {
		while (i < op->a1 && ida[i] == RL_ID_NONE)
			i++;
		while (j < op->b1 && idb[j] == RL_ID_NONE)
			j++;
		if (i >= op->a1 || j >= op->b1)
			break;
		uint8_t kind = pair_kind(c, sty, i, j);
		if (kind == RL_OP_EQUAL)
			kind = op->kind;  /* kept: equal, or moved */
		if (!any) {
			cur.kind = kind;
			any = true;
		} else if (kind != cur.kind) {
			cur.a1 = i, cur.b1 = j;
			if (rl_opvec_push(out, &cur) != RL_OK)
				return RL_ENOMEM;
			cur.a0 = i, cur.b0 = j, cur.kind = kind;
		}
		i++, j++;
	}
	cur.a1 = op->a1, cur.b1 = op->b1;
	return rl_opvec_push(out, &cur);
}

int rl_restyle(rl_ctx *c, const uint32_t *const sty[2], rl_opvec *ops)
{
	rl_opvec out = rl_ctx_scratch(c, ops->n);
	for (size_t k = 0; k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		bool kept = (op->kind == RL_OP_EQUAL && !op->move) || op->kind == RL_OP_MOVE;
		int rc = kept ? cut_equal(c, sty, op, &out) : rl_opvec_push(&out, op);
		if (rc != RL_OK) {
			rl_opvec_free(&out);
			return RL_ENOMEM;
		}
	}
	rl_opvec_swap(&out, ops);
	rl_ctx_recycle(c, &out);
	return RL_OK;
}
