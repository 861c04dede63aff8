/* slot.c: a unit replaced in its own slot is one rewrite (issue 10 point 7: "a rewrite pairs text
 * only where the two sides share content words or stand in the same sentence slot; otherwise they
 * are a deletion and an insertion"). See slot.h. */
#include "slot.h"

#include <string.h>

#include "stems.h"
#include "structure.h"

/* The most tokens a side of a candidate may hold: a heading, an item or a few sentences. The
 * content test compares every word of one side with every word of the other. */
#define SLOT_TOKENS 160

enum { BLOCK_START = RL_UNIT_PARA | RL_UNIT_LINE };

/* The flags of the unit token t starts on side s, or -1 when t starts none (or is the text's
 * end). */
static int starts_unit(const rl_side *sd, uint32_t t)
{
	if (t >= sd->n)
		return -1;
	uint32_t u = rl_unit_of(sd, t);
	return sd->ustart[u] == t ? sd->uflags[u] : -1;
}

/* The first unit of the block (a paragraph, a line a reader sees) token t lies in. */
static uint32_t block_of(const rl_side *sd, uint32_t t)
{
	uint32_t u = rl_unit_of(sd, t);
	while (u > 0 && !(sd->uflags[u] & BLOCK_START))
		u--;
	return u;
}

/* An op whose words stand on both sides unchanged: an anchor of a slot. */
static bool kept(const rl_op *op)
{
	return !op->move && (op->kind == RL_OP_EQUAL || op->kind == RL_OP_TYPO ||
	                     op->kind == RL_OP_FORMAT);
}

/* The tokens of the mark a block starts with ("-", "##": the punctuation before its first word),
 * 0 when it starts with a word. */
static uint32_t mark_len(const rl_side *sd, uint32_t t0, uint32_t t1)
{
	uint32_t t = t0;
	while (t < t1 && sd->tok[t].cls == RL_TOK_PUNCT)
		t++;
	return t < t1 ? t - t0 : 0;
}

/* Do blocks a (OLD tokens [a0, a1)) and b (NEW's [b0, b1)) start with one mark, byte for byte,
 * and are they one kind of block (two items, two headings)? *m: the mark's tokens. */
static bool same_mark(const rl_ctx *c, const rl_op *d, const rl_op *i, uint32_t *m)
{
	const rl_side *so = &c->side[RL_OLD], *sn = &c->side[RL_NEW];
	uint32_t n = mark_len(so, d->a0, d->a1);
	if (n == 0 || n != mark_len(sn, i->b0, i->b1))
		return false;
	for (uint32_t k = 0; k < n; k++) {
		const rl_token *x = &so->tok[d->a0 + k], *y = &sn->tok[i->b0 + k];
		if (x->len != y->len || memcmp(so->text + x->off, sn->text + y->off, x->len) != 0)
			return false;
	}
	bool ua, ub;
	if ((rl_list_marker(so->tok, so->text, so->n, d->a0, &ua) > 0) !=
	    (rl_list_marker(sn->tok, sn->text, sn->n, i->b0, &ub) > 0) ||
	    rl_unit_heading(c, RL_OLD, rl_unit_of(so, d->a0)) !=
	    rl_unit_heading(c, RL_NEW, rl_unit_of(sn, i->b0)))
		return false;
	*m = n;
	return true;
}

/* Do the deleted OLD tokens of d and the inserted NEW tokens of i share a content word (by its
 * stem: "Next" and "next", "comments" and "comment")? */
static bool share_content(const rl_ctx *c, const rl_op *d, const rl_op *i)
{
	const rl_side *so = &c->side[RL_OLD], *sn = &c->side[RL_NEW];
	if (d->a1 - d->a0 > SLOT_TOKENS || i->b1 - i->b0 > SLOT_TOKENS)
		return false;
	for (uint32_t t = d->a0; t < d->a1; t++) {
		if (!rl_is_content(c, RL_OLD, t))
			continue;
		uint32_t h = rl_stem_hash(so->text, &so->tok[t]);
		for (uint32_t x = i->b0; x < i->b1; x++)
			if (rl_is_content(c, RL_NEW, x) && rl_stem_hash(sn->text, &sn->tok[x]) == h)
				return true;
	}
	return false;
}

/* Whole blocks, one a side, one kind with one mark, in one slot: the kept text before lies in the
 * block before each (one-sided changes may stand between: a paragraph's inserted end), the kept
 * text after in the block after each. */
static bool block_slot(const rl_ctx *c, const rl_op *k1, const rl_op *d, const rl_op *i,
                       const rl_op *k2, uint32_t *m)
{
	const rl_side *so = &c->side[RL_OLD], *sn = &c->side[RL_NEW];
	int fa = starts_unit(so, d->a0), fb = starts_unit(sn, i->b0);
	int ea = starts_unit(so, d->a1), eb = starts_unit(sn, i->b1);
	if (fa < 0 || fb < 0 || ea < 0 || eb < 0 || !(fa & fb & ea & eb & BLOCK_START) ||
	    d->a0 == 0 || i->b0 == 0)
		return false;
	if (block_of(so, d->a1 - 1) != rl_unit_of(so, d->a0) ||
	    block_of(sn, i->b1 - 1) != rl_unit_of(sn, i->b0))
		return false;  /* more than one block */
	return block_of(so, k1->a1 - 1) == block_of(so, d->a0 - 1) &&
	       block_of(sn, k1->b1 - 1) == block_of(sn, i->b0 - 1) &&
	       block_of(so, k2->a0) == block_of(so, d->a1) &&
	       block_of(sn, k2->b0) == block_of(sn, i->b1) && same_mark(c, d, i, m);
}

/* Whole sentences inside a paragraph that goes on, right between two kept ops on both sides. */
static bool sentence_slot(const rl_ctx *c, const rl_op *k1, const rl_op *d, const rl_op *i,
                          const rl_op *k2)
{
	const rl_side *so = &c->side[RL_OLD], *sn = &c->side[RL_NEW];
	int f[4] = {starts_unit(so, d->a0), starts_unit(sn, i->b0), starts_unit(so, d->a1),
	            starts_unit(sn, i->b1)};
	for (int k = 0; k < 4; k++)
		if (f[k] < 0 || (f[k] & BLOCK_START))
			return false;
	return k1->a1 == d->a0 && k1->b1 == i->b0 && k2->a0 == d->a1 && k2->b0 == i->b1;
}

/* The kept op before ops[k] (past one-sided changes), or NULL. */
static const rl_op *kept_before(const rl_opvec *ops, size_t k)
{
	while (k > 0 && rl_one_side(&ops->v[k - 1]) >= 0)
		k--;
	return k > 0 && kept(&ops->v[k - 1]) ? &ops->v[k - 1] : NULL;
}

static const rl_op *kept_after(const rl_opvec *ops, size_t k)
{
	while (k < ops->n && rl_one_side(&ops->v[k]) >= 0)
		k++;
	return k < ops->n && kept(&ops->v[k]) ? &ops->v[k] : NULL;
}

/* Are ops[k] and ops[k + 1] a deletion and an insertion (either order) of one slot? *d, *i: which
 * is which; *m: the tokens of the mark both blocks start with, kept (0: none). */
static bool one_slot(const rl_ctx *c, const rl_opvec *ops, size_t k, const rl_op **d,
                     const rl_op **i, uint32_t *m)
{
	const rl_op *p = &ops->v[k], *q = &ops->v[k + 1];
	int sp = rl_one_side(p), sq = rl_one_side(q);
	if (sp < 0 || sq < 0 || sp == sq || p->quote || q->quote)
		return false;
	*d = sp == RL_OLD ? p : q;
	*i = sp == RL_OLD ? q : p;
	const rl_op *k1 = kept_before(ops, k), *k2 = kept_after(ops, k + 2);
	if (!k1 || !k2)
		return false;  /* a text's edge is no anchor */
	*m = 0;
	if (!block_slot(c, k1, *d, *i, k2, m) && !sentence_slot(c, k1, *d, *i, k2))
		return false;
	return share_content(c, *d, *i);
}

/* The rewrite of d by i, its mark kept when both sides' tokens are one id. */
static int push_rewrite(const rl_ctx *c, const rl_op *d, const rl_op *i, uint32_t m,
                        rl_opvec *out)
{
	rl_op r = {d->a0, d->a1, i->b0, i->b1, 0, RL_OP_REPLACE, RL_QUOTE_NONE};
	for (uint32_t k = 0; k < m; k++)  /* (not compared, under -p: no equal op of its own) */
		if (c->side[RL_OLD].ids[d->a0 + k] != c->side[RL_NEW].ids[i->b0 + k] ||
		    c->side[RL_OLD].ids[d->a0 + k] == RL_ID_NONE)
			m = 0;
	if (m > 0) {
		rl_op e = {d->a0, d->a0 + m, i->b0, i->b0 + m, 0, RL_OP_EQUAL, RL_QUOTE_NONE};
		int rc = rl_opvec_push(out, &e);
		if (rc != RL_OK)
			return rc;
		r.a0 += m, r.b0 += m;
	}
	return rl_opvec_push(out, &r);
}

int rl_slot_rewrites(rl_ctx *c, rl_opvec *ops)
{
	if (!rl_has_units(&c->side[RL_OLD]) || !rl_has_units(&c->side[RL_NEW]))
		return RL_OK;
	rl_opvec out = rl_ctx_scratch(c, ops->n);
	int rc = RL_OK;
	bool any = false;
	for (size_t k = 0; k < ops->n && rc == RL_OK; k++) {
		const rl_op *d, *i;
		uint32_t m;
		if (k + 1 < ops->n && one_slot(c, ops, k, &d, &i, &m)) {
			rc = push_rewrite(c, d, i, m, &out);
			any = true;
			k++;
		} else {
			rc = rl_opvec_push(&out, &ops->v[k]);
		}
	}
	if (rc == RL_OK && any)
		rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	return rc;
}
