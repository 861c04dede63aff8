/* typo.c: compounds written apart, hyphenated or joined, as no change (typo.h). */
#include "typo.h"

#include "lexicon.h"
#include "status.h"

/* Is token t of side s glued to the next one, which is the second part of a compound (the
 * hyphen or apostrophe of "open-source", "keeper’s")? Only when that part lies below hi. */
static bool connector(const rl_side *sd, uint32_t t, uint32_t hi)
{
	return t + 1 < hi && sd->tok[t].cls == RL_TOK_PUNCT && sd->tok[t].gap == RL_GAP_NONE &&
	       (sd->tok[t + 1].flags & RL_TF_GLUED);
}

/* Is token t a hyphen joining two words of one compound: - ‐ ‑ (not a dash, not an
 * apostrophe)? */
static bool joining_hyphen(const rl_side *sd, uint32_t t)
{
	const rl_token *tk = &sd->tok[t];
	if (t == 0 || !connector(sd, t, sd->n) || sd->tok[t - 1].cls != RL_TOK_WORD)
		return false;
	const unsigned char *b = (const unsigned char *)sd->text + tk->off;
	return (tk->len == 1 && b[0] == '-') ||
	       (tk->len == 3 && b[0] == 0xE2 && b[1] == 0x80 && (b[2] == 0x90 || b[2] == 0x91));
}

/* Does side s hold a joining hyphen in [lo, hi)? */
static bool any_hyphen(const rl_side *sd, uint32_t lo, uint32_t hi)
{
	for (uint32_t t = lo; t < hi; t++)
		if (sd->tok[t].cls == RL_TOK_PUNCT && joining_hyphen(sd, t))
			return true;
	return false;
}

/* Does the compound of side s go on at token t (below hi)? */
static bool goes_on(const rl_side *sd, uint32_t t, uint32_t hi)
{
	return (sd->tok[t].flags & RL_TF_GLUED) || connector(sd, t, hi);
}

/* The end of the compound (or single token) starting at t, below hi. */
static uint32_t unit_end(const rl_side *sd, uint32_t t, uint32_t hi)
{
	uint32_t e = t + 1;
	while (e < hi && goes_on(sd, e, hi))
		e++;
	return e;
}

/* The start of the compound (or single token) ending at e, not before lo. */
static uint32_t unit_start(const rl_side *sd, uint32_t lo, uint32_t e, uint32_t hi)
{
	uint32_t s = e - 1;
	while (s > lo && goes_on(sd, s, hi))
		s--;
	return s;
}

/* The bytes of a compound's keys, its joining hyphens left out, one at a time. */
typedef struct keys {
	const rl_ctx *c;
	const rl_side *sd;
	uint32_t t, hi;
	const char *k;
	size_t n;
} keys;

/* The next byte, or -1 at the end. */
static int key_byte(keys *u)
{
	while (u->n == 0) {
		if (u->t >= u->hi)
			return -1;
		uint32_t t = u->t++, id = u->sd->ids[t];
		if (id != RL_ID_NONE && !joining_hyphen(u->sd, t))
			u->k = rl_interner_key(u->c->in, id, &u->n);
	}
	u->n--;
	return (unsigned char)*u->k++;
}

/* How OLD's tokens [a0, a1) and NEW's [b0, b1), one compound each, compare. */
enum { DIFFERENT, IDENTICAL, TYPOGRAPHIC };

static int compare(const rl_ctx *c, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1)
{
	const rl_side *sa = &c->side[RL_OLD], *sb = &c->side[RL_NEW];
	if (a1 - a0 == b1 - b0) {
		uint32_t k = 0;
		while (k < a1 - a0 && sa->ids[a0 + k] == sb->ids[b0 + k])
			k++;
		if (k == a1 - a0)
			return IDENTICAL;
	}
	if (sa->tok[a0].cls != RL_TOK_WORD || sb->tok[b0].cls != RL_TOK_WORD)
		return DIFFERENT;
	if (!any_hyphen(sa, a0, a1) && !any_hyphen(sb, b0, b1))
		return DIFFERENT;
	keys x = {c, sa, a0, a1, NULL, 0}, y = {c, sb, b0, b1, NULL, 0};
	for (;;) {
		int p = key_byte(&x), q = key_byte(&y);
		if (p != q)
			return DIFFERENT;
		if (p < 0)
			return TYPOGRAPHIC;
	}
}

static int push(rl_opvec *out, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1, uint8_t kind,
                uint8_t quote)
{
	if (a0 == a1 && b0 == b1)
		return RL_OK;
	rl_op op = {a0, a1, b0, b1, 0, kind, quote};
	return rl_opvec_push(out, &op) == 0 ? RL_OK : RL_ENOMEM;
}

/* Ops for the compounds from (a, b) to (a1, b1), paired one to one and each identical or
 * typographic: equal ops for runs of identical ones, an RL_OP_TYPO op for each other. */
static int emit_pairs(const rl_ctx *c, uint32_t a, uint32_t a1, uint32_t b, uint32_t b1,
                      rl_opvec *out, size_t *folded)
{
	const rl_side *sa = &c->side[RL_OLD], *sb = &c->side[RL_NEW];
	uint32_t ea0 = a, eb0 = b;  /* the run of identical compounds being gathered */
	while (a < a1 && b < b1) {
		uint32_t ea = unit_end(sa, a, a1), eb = unit_end(sb, b, b1);
		if (compare(c, a, ea, b, eb) == TYPOGRAPHIC) {
			if (push(out, ea0, a, eb0, b, RL_OP_EQUAL, RL_QUOTE_NONE) != RL_OK ||
			    push(out, a, ea, b, eb, RL_OP_TYPO, RL_QUOTE_NONE) != RL_OK)
				return RL_ENOMEM;
			ea0 = ea, eb0 = eb;
			(*folded)++;
		}
		a = ea, b = eb;
	}
	return push(out, ea0, a, eb0, b, RL_OP_EQUAL, RL_QUOTE_NONE);
}

/* A replace: whole, or cut where its compounds are written otherwise (typo.h). */
static int split_replace(const rl_ctx *c, const rl_op *op, rl_opvec *out, size_t *folded)
{
	const rl_side *sa = &c->side[RL_OLD], *sb = &c->side[RL_NEW];
	uint32_t a = op->a0, b = op->b0;
	bool typo = false;

	if (!any_hyphen(sa, op->a0, op->a1) && !any_hyphen(sb, op->b0, op->b1))
		return rl_opvec_push(out, op) == 0 ? RL_OK : RL_ENOMEM;  /* the common case */
	/* Every compound identical or typographic, pair by pair? */
	while (a < op->a1 && b < op->b1) {
		uint32_t ea = unit_end(sa, a, op->a1), eb = unit_end(sb, b, op->b1);
		int how = compare(c, a, ea, b, eb);
		if (how == DIFFERENT)
			break;
		typo |= how == TYPOGRAPHIC;
		a = ea, b = eb;
	}
	if (a == op->a1 && b == op->b1)
		return typo ? emit_pairs(c, op->a0, op->a1, op->b0, op->b1, out, folded)
		            : rl_opvec_push(out, op) == 0 ? RL_OK : RL_ENOMEM;
	/* Else typographic compounds at either end are cut off. */
	uint32_t fa = op->a0, fb = op->b0;
	while (fa < op->a1 && fb < op->b1) {
		uint32_t ea = unit_end(sa, fa, op->a1), eb = unit_end(sb, fb, op->b1);
		if (compare(c, fa, ea, fb, eb) != TYPOGRAPHIC)
			break;
		fa = ea, fb = eb;
	}
	uint32_t la = op->a1, lb = op->b1;
	while (la > fa && lb > fb) {
		uint32_t sa0 = unit_start(sa, fa, la, op->a1), sb0 = unit_start(sb, fb, lb, op->b1);
		if (compare(c, sa0, la, sb0, lb) != TYPOGRAPHIC)
			break;
		la = sa0, lb = sb0;
	}
	if (emit_pairs(c, op->a0, fa, op->b0, fb, out, folded) != RL_OK ||
	    push(out, fa, la, fb, lb, rl_change_kind(la > fa, lb > fb), op->quote) != RL_OK ||
	    emit_pairs(c, la, op->a1, lb, op->b1, out, folded) != RL_OK)
		return RL_ENOMEM;
	return RL_OK;
}

/* Does x keep its words beside op: an equal op, or for an op inside a move, a move op of the
 * same move ("private water-taxi" moved as "private water taxi": the hyphen left between two
 * moved pieces split the move in three). */
static bool kept_beside(const rl_op *x, const rl_op *op)
{
	return op->move ? x->kind == RL_OP_MOVE && x->move == op->move
	                : x->kind == RL_OP_EQUAL && !x->move;
}

/* Is ops[k] a joining hyphen inserted (or deleted) between two kept words that the other side
 * writes apart, right after the kept op last in out? Then on which side. */
static bool hyphen_apart(const rl_ctx *c, const rl_opvec *ops, size_t k, const rl_opvec *out,
                         int *side)
{
	const rl_op *op = &ops->v[k];
	if (out->n == 0 || k + 1 >= ops->n ||
	    (op->kind != RL_OP_INSERT && op->kind != RL_OP_DELETE))
		return false;
	int s = op->kind == RL_OP_INSERT ? RL_NEW : RL_OLD, o = !s;
	const rl_op *prev = &out->v[out->n - 1], *next = &ops->v[k + 1];
	uint32_t t = rl_lo(op, s);
	if (rl_hi(op, s) != t + 1 || !joining_hyphen(&c->side[s], t))
		return false;
	if (!kept_beside(prev, op) || !kept_beside(next, op) ||
	    rl_hi(prev, s) != t || rl_lo(next, s) != t + 1 || rl_hi(prev, o) != rl_lo(next, o) ||
	    rl_hi(prev, o) == rl_lo(prev, o) || rl_hi(next, o) == rl_lo(next, o))
		return false;
	const rl_token *after = &c->side[o].tok[rl_lo(next, o)];
	const rl_token *before = &c->side[o].tok[rl_hi(prev, o) - 1];
	if (before->cls != RL_TOK_WORD || after->cls != RL_TOK_WORD ||
	    (after->gap != RL_GAP_SPACE && after->gap != RL_GAP_LINE))
		return false;
	*side = s;
	return true;
}

/* Is a replace the marker of one list item written otherwise, "-" against "•" (each side an
 * unordered item's marker and nothing else)? A list whose bullets were restyled is the same
 * list. */
static bool marker_restyled(const rl_ctx *c, const rl_op *op)
{
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c->side[s];
		bool unordered = false;
		uint32_t lo = rl_lo(op, s), len = rl_list_marker(sd->tok, sd->text, sd->n, lo, &unordered);
		if (len == 0 || !unordered || lo + len != rl_hi(op, s))
			return false;
	}
	return true;
}

int rl_typo_fold(rl_ctx *c, rl_opvec *ops, size_t *folded)
{
	rl_opvec out = rl_ctx_scratch(c, ops->n);
	*folded = 0;
	for (size_t k = 0; k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		int rc = RL_OK, s;
		if (hyphen_apart(c, ops, k, &out, &s)) {
			rl_op *prev = &out.v[out.n - 1];
			if (s == RL_NEW)
				prev->b1++;
			else
				prev->a1++;
			(*folded)++;
		} else if (op->kind == RL_OP_REPLACE && !op->move && marker_restyled(c, op)) {
			rc = push(&out, op->a0, op->a1, op->b0, op->b1, RL_OP_TYPO, RL_QUOTE_NONE);
			(*folded)++;
		} else if (op->kind == RL_OP_REPLACE && !op->move) {
			rc = split_replace(c, op, &out, folded);
		} else {
			rc = rl_opvec_push(&out, op) == 0 ? RL_OK : RL_ENOMEM;
		}
		if (rc != RL_OK) {
			rl_opvec_free(&out);
			return rc;
		}
	}
	rl_opvec_swap(&out, ops);
	rl_ctx_recycle(c, &out);
	return RL_OK;
}
