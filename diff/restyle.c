/* restyle.c: equal ops cut where their words' formatting changed. */
#include "restyle.h"

#include "status.h"

void rl_token_styles(const rl_ctx *c, int s, const rl_styles *st, uint32_t *out)
{
	const rl_side *sd = &c->side[s];
	size_t k = 0;
	for (uint32_t t = 0; t < sd->n; t++) {
		size_t off = sd->tok[t].off;
		while (k < st->n && st->v[k].end <= off)
			k++;
		out[t] = k < st->n && st->v[k].start <= off ? st->v[k].style : 0;
	}
}

static int push(rl_opvec *out, const rl_op *proto, uint8_t kind, uint32_t a0,
                uint32_t a1, uint32_t b0, uint32_t b1)
{
	if (a0 == a1 && b0 == b1)
		return RL_OK;
	rl_op op = *proto;
	op.kind = kind, op.a0 = a0, op.a1 = a1, op.b0 = b0, op.b1 = b1;
	return rl_opvec_push(out, &op);
}

/* One equal op: its compared tokens walked in step (they pair one to one). A restyled stretch
 * runs from the first token of the first pair whose styles differ to the end of the last such
 * pair (the punctuation glued after it stays with the kept text). */
static int cut_equal(rl_ctx *c, const uint32_t *const sty[2], const rl_op *op, rl_opvec *out)
{
	const uint32_t *ida = c->side[0].ids, *idb = c->side[1].ids;
	uint32_t i = op->a0, j = op->b0;
	uint32_t ea = op->a0, eb = op->b0;   /* the start of the stretch being written */
	bool in = false;                     /* is it a restyled one? */
	uint32_t la = 0, lb = 0;             /* the end of the last restyled pair */

	for (;;) {
		while (i < op->a1 && ida[i] == RL_ID_NONE)
			i++;
		while (j < op->b1 && idb[j] == RL_ID_NONE)
			j++;
		if (i >= op->a1 || j >= op->b1)
			break;
		bool differ = sty[0][i] != sty[1][j];
		if (differ && !in) {
			if (push(out, op, RL_OP_EQUAL, ea, i, eb, j) != RL_OK)
				return RL_ENOMEM;
			ea = i, eb = j, in = true;
		} else if (!differ && in) {
			if (push(out, op, RL_OP_FORMAT, ea, la, eb, lb) != RL_OK)
				return RL_ENOMEM;
			ea = la, eb = lb, in = false;
		}
		if (differ)
			la = i + 1, lb = j + 1;
		i++, j++;
	}
	if (in) {
		if (push(out, op, RL_OP_FORMAT, ea, la, eb, lb) != RL_OK)
			return RL_ENOMEM;
		ea = la, eb = lb;
	}
	return push(out, op, RL_OP_EQUAL, ea, op->a1, eb, op->b1);
}

int rl_restyle(rl_ctx *c, const uint32_t *const sty[2], rl_opvec *ops)
{
	rl_opvec out = rl_ctx_scratch(c, ops->n);
	for (size_t k = 0; k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		int rc = op->kind == RL_OP_EQUAL && !op->move ? cut_equal(c, sty, op, &out)
		                                              : rl_opvec_push(&out, op);
		if (rc != RL_OK) {
			rl_opvec_free(&out);
			return RL_ENOMEM;
		}
	}
	rl_opvec_swap(&out, ops);
	rl_ctx_recycle(c, &out);
	return RL_OK;
}
