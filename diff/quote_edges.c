/* quote_edges.c: the ops reshaped at the quotation marks before the quote flag stage judges
 * them (quote_stage.h): a mark kept in its role, kept words slid out of a quotation, changes cut
 * at its edges, so that a flag can mark the quotation and nothing around it. */
#include "quote_stage.h"

#include <stdlib.h>
#include <string.h>

#include "status.h"

/* ------------------------------------------------------------------ cutting at quotations */

/* Cuts looked for in one op, a side: more edges than this and the op is left whole. */
#define CUTS_MAX 64

/* Push a piece of op: tokens [lo[s], hi[s]) of each side. */
static int push_piece(const rl_op *op, const uint32_t lo[2], const uint32_t hi[2], rl_opvec *out)
{
	rl_op p = *op;
	p.a0 = lo[0], p.a1 = hi[0], p.b0 = lo[1], p.b1 = hi[1];
	p.kind = rl_change_kind(p.a1 > p.a0, p.b1 > p.b0);
	return rl_opvec_push(out, &p);
}

/* Emit op cut at the edges of both sides, whose counts differ (‘“y” z’ against ‘w “v” x “u”’):
 * the pieces are paired in order where both are quoted or both are not, and a piece with no
 * partner of its kind is a deletion or insertion of its own; when the next pieces differ in kind,
 * the side with more pieces left gives one alone (OLD on a tie). Cutting one side only would let
 * the other side's quotation end inside a piece that faces text outside any quotation, and the
 * flag of its quotation would then cover that text (a bullet's words after its closing mark,
 * paired with the end of a spoken sentence). */
static int cut_both(const rl_qowner *ow, const rl_op *op, uint32_t cut[2][CUTS_MAX],
                    const size_t n[2], rl_opvec *out)
{
	size_t i[2] = {0, 0};
	uint32_t at[2] = {rl_lo(op, 0), rl_lo(op, 1)};
	while (i[0] <= n[0] || i[1] <= n[1]) {
		uint32_t end[2], lo[2] = {at[0], at[1]};
		bool left[2], quoted[2];
		for (int s = 0; s < 2; s++) {
			left[s] = i[s] <= n[s];
			end[s] = !left[s] ? at[s] : i[s] < n[s] ? cut[s][i[s]] : rl_hi(op, s);
			quoted[s] = left[s] && rl_qo_quoted_tok(ow, s, at[s]);
		}
		bool both = left[0] && left[1] && quoted[0] == quoted[1];
		int alone = !left[1] ? RL_OLD : !left[0] ? RL_NEW : n[1] - i[1] > n[0] - i[0];
		for (int s = 0; s < 2; s++)
			if (both || s == alone)
				at[s] = end[s], i[s]++;
		uint32_t hi[2] = {at[0], at[1]};
		if (hi[0] > lo[0] || hi[1] > lo[1]) {
			int rc = push_piece(op, lo, hi, out);
			if (rc != RL_OK)
				return rc;
		}
	}
	return RL_OK;
}

/* Emit op cut at the quotation edges of each side. When both sides have as many edges, the pieces
 * pair in order (‘x “y” z’ → ‘x2 “y2” z2’: the quoted part with the quoted part); when both have
 * edges, in other numbers, by kind (cut_both). Otherwise the side with edges is cut and the other
 * side goes with its first piece outside a quotation (the text around the quotation), so the
 * quoted piece is a deletion or insertion of its own. */
static int cut_op(const rl_qowner *ow, const rl_op *op, rl_opvec *out)
{
	uint32_t cut[2][CUTS_MAX];
	size_t n[2];
	for (int s = 0; s < 2; s++) {
		n[s] = rl_qo_edges_in(ow, s, rl_lo(op, s), rl_hi(op, s), cut[s], CUTS_MAX);
		if (n[s] == CUTS_MAX)
			return rl_opvec_push(out, op);
	}
	if (n[0] + n[1] == 0)
		return rl_opvec_push(out, op);
	if (n[0] > 0 && n[1] > 0 && n[0] != n[1])
		return cut_both(ow, op, cut, n, out);
	bool paired = n[0] == n[1];
	int s = n[0] >= n[1] ? RL_OLD : RL_NEW;  /* the side cut alone */
	size_t pieces = (paired ? n[0] : n[s]) + 1;
	bool placed = false;
	for (size_t i = 0; i < pieces; i++) {
		rl_op p = *op;
		uint32_t lo[2], hi[2];
		for (int x = 0; x < 2; x++) {
			lo[x] = i == 0 ? rl_lo(op, x) : cut[x][i - 1];
			hi[x] = i + 1 == pieces ? rl_hi(op, x) : cut[x][i];
		}
		if (!paired) {
			int o = !s;
			bool outside = !rl_qo_quoted_tok(ow, s, lo[s]);
			bool take = !placed && (outside || i + 1 == pieces);
			lo[o] = take ? rl_lo(op, o) : placed ? rl_hi(op, o) : rl_lo(op, o);
			hi[o] = take ? rl_hi(op, o) : lo[o];
			placed |= take;
		}
		p.a0 = lo[0], p.a1 = hi[0], p.b0 = lo[1], p.b1 = hi[1];
		p.kind = rl_change_kind(p.a1 > p.a0, p.b1 > p.b0);
		if (rl_opvec_push(out, &p) != RL_OK)
			return RL_ENOMEM;
	}
	return RL_OK;
}

/* Cut the changes at the edges of the quotations they cover in part, so that a flag marks the
 * quotation and nothing around it: a menu line or a sentence of site furniture that holds a
 * quoted headline is not flagged with it, nor is "she said" after a removed quotation. */
int rl_qo_cut_at_quotes(rl_ctx *c, const rl_qowner *ow, rl_opvec *ops)
{
	rl_opvec out = rl_ctx_scratch(c, ops->n);
	for (size_t k = 0; k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		int rc = rl_qo_kept(op) || op->move ? rl_opvec_push(&out, op) : cut_op(ow, op, &out);
		if (rc != RL_OK) {
			rl_ctx_recycle(c, &out);
			return rc;
		}
	}
	rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	return RL_OK;
}

/* ------------------------------------------------------------------ sliding out of quotations */

static void set_side(rl_op *op, int s, uint32_t lo, uint32_t hi)
{
	if (s == RL_OLD)
		op->a0 = lo, op->a1 = hi;
	else
		op->b0 = lo, op->b1 = hi;
}

/* Does equal op e, after change d of side s only, keep words at the end of a quotation that d
 * starts with outside it (and the other side keeps them outside every quotation)? */
static bool slides(const rl_ctx *c, const rl_qowner *ow, const rl_op *d, const rl_op *e, int s)
{
	int o = !s;
	const uint32_t *ids = c->side[s].ids;
	if (rl_hi(d, o) != rl_lo(d, o) || rl_hi(d, s) != rl_lo(e, s))
		return false;
	uint32_t d0 = rl_lo(d, s), k0 = rl_lo(e, s), k1 = rl_hi(e, s), m = k1 - k0;
	uint32_t x = rl_qo_qix(c, ow, s, k0);
	if (m == 0 || m > k0 - d0 || x == UINT32_MAX || rl_qo_qix(c, ow, s, k1 - 1) != x ||
	    rl_qo_qix(c, ow, s, d0) == x ||
	    rl_qo_inq(ow, o, rl_hi(e, o)) > rl_qo_inq(ow, o, rl_lo(e, o)))
		return false;
	bool same = true;
	for (uint32_t i = 0; i < m && same; i++)
		same = ids[d0 + i] != RL_ID_NONE && ids[d0 + i] == ids[k0 + i];
	return same;
}

/* Kept words at the end of a quotation, right after a change of one side that starts with the
 * same words outside it ("arguments into “positional arguments”" where the other side has one
 * "arguments", unquoted): the diff could keep either copy. Keep the one outside the quotation,
 * so that the quotation goes as a whole and is flagged. */
void rl_qo_slide_out(const rl_ctx *c, const rl_qowner *ow, rl_opvec *ops)
{
	for (size_t k = 1; k < ops->n; k++) {
		rl_op *d = &ops->v[k - 1], *e = &ops->v[k];
		if (e->kind != RL_OP_EQUAL || e->move || d->move)
			continue;
		for (int s = 0; s < 2; s++) {
			if (!slides(c, ow, d, e, s))
				continue;
			int o = !s;
			uint32_t d0 = rl_lo(d, s), k1 = rl_hi(e, s), m = k1 - rl_lo(e, s);
			rl_op kept = *e, gone_op = *d;
			set_side(&kept, s, d0, d0 + m);
			set_side(&gone_op, s, d0 + m, k1);
			set_side(&gone_op, o, rl_hi(e, o), rl_hi(e, o));
			*d = kept, *e = gone_op;
			break;
		}
	}
}

/* Tokens after a quotation's end looked at for the copy of the words it keeps last. */
#define PAST_REACH 16

/* Do tokens [k0, k1) of side s end the words of quotation q (only marks and signs after them)? */
static bool ends_words(const rl_side *sd, const rl_quotation *q, uint32_t k1)
{
	for (uint32_t t = k1; t < q->t1; t++)
		if (sd->tok[t].cls == RL_TOK_WORD)
			return false;
	return true;
}

/* Does [p, p + m) of side s hold the m tokens from k0, outside every quotation, in the unit of
 * k0? */
static bool copy_at(const rl_ctx *c, const rl_qowner *ow, int s, uint32_t k0, uint32_t m,
                    uint32_t p)
{
	const rl_side *sd = &c->side[s];
	if (rl_qo_inq(ow, s, p + m) > rl_qo_inq(ow, s, p) ||
	    (rl_has_units(sd) && rl_unit_of(sd, p + m - 1) != rl_unit_of(sd, k0)))
		return false;
	for (uint32_t i = 0; i < m; i++)
		if (sd->ids[p + i] == RL_ID_NONE || sd->ids[p + i] != sd->ids[k0 + i])
			return false;
	return true;
}

/* Where the words that equal op ops[k] keeps at the end of a quotation of side s (the other side
 * keeps them outside every quotation) stand again right after it, outside it, in its sentence:
 * in the change *f, after changes of side s only. Returns the copy's first token there, or
 * UINT32_MAX. */
static uint32_t copy_past(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, size_t k,
                          int s, size_t *f)
{
	const rl_op *e = &ops->v[k];
	int o = !s;
	uint32_t k0 = rl_lo(e, s), k1 = rl_hi(e, s), m = k1 - k0;
	uint32_t x = rl_qo_qix(c, ow, s, k0);
	if (m == 0 || x == UINT32_MAX || rl_qo_qix(c, ow, s, k1 - 1) != x ||
	    rl_qo_inq(ow, o, rl_hi(e, o)) > rl_qo_inq(ow, o, rl_lo(e, o)))
		return UINT32_MAX;
	const rl_quotation *q = &c->side[s].quotes[x];
	if (!ends_words(&c->side[s], q, k1))
		return UINT32_MAX;
	for (size_t j = k + 1; j < ops->n; j++) {
		const rl_op *g = &ops->v[j];
		if (rl_qo_kept(g) || g->move || rl_lo(g, o) != rl_hi(e, o))
			return UINT32_MAX;
		uint32_t lo = rl_lo(g, s) > q->t1 ? rl_lo(g, s) : q->t1;
		for (uint32_t p = lo; p + m <= rl_hi(g, s) && p <= k1 + PAST_REACH; p++)
			if (copy_at(c, ow, s, k0, m, p)) {
				*f = j;
				return p;
			}
		if (rl_hi(g, o) > rl_lo(g, o) || rl_hi(g, s) > k1 + PAST_REACH)
			return UINT32_MAX;  /* the other side's text after it: no further */
	}
	return UINT32_MAX;
}

/* Push [lo, hi) of side s and [plo, phi) of the other side as one change, unless empty. */
static int push_change(rl_opvec *out, int s, uint32_t lo, uint32_t hi, uint32_t plo, uint32_t phi)
{
	if (hi <= lo && phi <= plo)
		return RL_OK;
	rl_op op = {0};
	set_side(&op, s, lo, hi);
	set_side(&op, !s, plo, phi);
	op.kind = rl_change_kind(op.a1 > op.a0, op.b1 > op.b0);
	return rl_opvec_push(out, &op);
}

/* Equal op ops[k] slid to the copy at p of side s in change ops[f] (copy_past): the text it left
 * joins the change before it (one of side s only when none is), the changes between and the rest
 * of ops[f] become one change after it. */
static int slide_past(const rl_opvec *ops, size_t k, size_t f, int s, uint32_t p, rl_opvec *out)
{
	int o = !s;
	const rl_op *e = &ops->v[k], *g = &ops->v[f];
	uint32_t k0 = rl_lo(e, s), m = rl_hi(e, s) - k0, eo0 = rl_lo(e, o), eo1 = rl_hi(e, o);
	rl_op *d = out->n > 0 ? &out->v[out->n - 1] : NULL;
	int rc;
	if (d && !rl_qo_kept(d) && !d->move && rl_hi(d, s) == k0 && rl_hi(d, o) == eo0) {
		set_side(d, s, rl_lo(d, s), p);
		d->kind = rl_change_kind(d->a1 > d->a0, d->b1 > d->b0);
		rc = RL_OK;
	} else {
		rc = push_change(out, s, k0, p, eo0, eo0);
	}
	rl_op kept = *e;
	set_side(&kept, s, p, p + m);
	if (rc == RL_OK)
		rc = rl_opvec_push(out, &kept);
	if (rc == RL_OK)
		rc = push_change(out, s, p + m, rl_hi(g, s), eo1, rl_hi(g, o));
	return rc;
}

/* Kept words that end a quotation, where the same words stand again a few tokens after it, in
 * its sentence, inside the change that follows ("“reusable, but not shared” lock holders, since
 * shared lock holders" against "locks holder, as shared locks holder": the diff kept the quoted
 * "shared"). Keep the copy outside, so that the quotation goes as a whole and is flagged. */
int rl_qo_slide_past(rl_ctx *c, const rl_qowner *ow, rl_opvec *ops)
{
	rl_opvec out = rl_ctx_scratch(c, ops->n + 4);
	bool any = false;
	int rc = RL_OK;
	for (size_t k = 0; k < ops->n && rc == RL_OK; k++) {
		const rl_op *e = &ops->v[k];
		size_t f = 0;
		uint32_t p = UINT32_MAX;
		int s = RL_OLD;
		if (e->kind == RL_OP_EQUAL && !e->move) {
			p = copy_past(c, ow, ops, k, RL_OLD, &f);
			if (p == UINT32_MAX)
				s = RL_NEW, p = copy_past(c, ow, ops, k, RL_NEW, &f);
		}
		if (p == UINT32_MAX) {
			rc = rl_opvec_push(&out, e);
			continue;
		}
		rc = slide_past(ops, k, f, s, p, &out);
		k = f;
		any = true;
	}
	if (rc == RL_OK && any)
		rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	return rc;
}

/* ------------------------------------------------------------------ marks in their roles */

/* Per side, the opening marks of the quotations (t0) and their closing marks (t1 - 1),
 * ascending; where the last search in each ended (count_at_most: the ops come in order). */
typedef struct roles {
	uint32_t *open[2], *close[2];
	size_t (*near)[2];
	size_t near_at[2][2];
} roles;

static int roles_build(const rl_ctx *c, roles *r)
{
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c->side[s];
		r->open[s] = malloc((sd->nquotes + 1) * sizeof *r->open[s]);
		r->close[s] = malloc((sd->nquotes + 1) * sizeof *r->close[s]);
		if (!r->open[s] || !r->close[s])
			return RL_ENOMEM;
		for (size_t x = 0; x < sd->nquotes; x++) {
			r->open[s][x] = sd->quotes[x].t0;  /* (in order of their start already) */
			r->close[s][x] = sd->quotes[x].t1 - 1;
		}
		qsort(r->close[s], sd->nquotes, sizeof *r->close[s], rl_qo_cmp_u32);
	}
	return RL_OK;
}

/* Is t one of v[0..n) (ascending)? *near as count_at_most's. */
static bool holds(const uint32_t *v, size_t n, uint32_t t, size_t *near)
{
	size_t j = rl_qo_last_at_most(v, n, t, near);
	return j < n && v[j] == t;
}

/* What token t of side s is to the quotations: 1 an opening mark, 2 a closing mark, 0 neither
 * (or both: a mark that ends one quotation and opens the next is told by neither). */
static int role(const rl_ctx *c, const roles *r, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	if (sd->tok[t].cls != RL_TOK_PUNCT)
		return 0;  /* a word is no mark (most tokens: no search) */
	bool opens = holds(r->open[s], sd->nquotes, t, &r->near[s][0]);
	bool closes = holds(r->close[s], sd->nquotes, t, &r->near[s][1]);
	return opens == closes ? 0 : opens ? 1 : 2;
}

/* Token x of side s may stand for the mark at t of side !s, kept beside mark y of side s: the
 * same key, and the role of t where y has the other one. */
static bool takes_role(const rl_ctx *c, const roles *r, int s, uint32_t x, uint32_t y, uint32_t t)
{
	const uint32_t *ids = c->side[s].ids;
	int want = role(c, r, !s, t);
	return want != 0 && ids[x] != RL_ID_NONE && ids[x] == ids[y] && role(c, r, s, y) == 3 - want &&
	       role(c, r, s, x) == want;
}

/* Push an op of one side s only ([lo, hi) there, at place p of the other side), unless empty. */
static int push_one_side(rl_opvec *out, int s, uint32_t lo, uint32_t hi, uint32_t p)
{
	if (hi <= lo)
		return RL_OK;
	rl_op op = {0};
	set_side(&op, s, lo, hi);
	set_side(&op, !s, p, p);
	op.kind = s == RL_OLD ? RL_OP_DELETE : RL_OP_INSERT;
	return rl_opvec_push(out, &op);
}

/* Push an equal op of [a0, a1) and [b0, b1), unless empty. */
static int push_equal(rl_opvec *out, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1)
{
	if (a1 <= a0 && b1 <= b0)
		return RL_OK;
	rl_op op = {a0, a1, b0, b1, 0, RL_OP_EQUAL, RL_QUOTE_NONE};
	return rl_opvec_push(out, &op);
}

/* Is op a change of side s only (a deletion of OLD, an insertion of NEW), not moved? */
static bool one_sided(const rl_op *op, int s)
{
	return !op->move && op->kind == (s == RL_OLD ? RL_OP_DELETE : RL_OP_INSERT);
}

/* Push the mark kept: token i of side s as token p of the other side. */
static int push_mark(rl_opvec *out, int s, uint32_t i, uint32_t p)
{
	uint32_t a[2];
	a[s] = i, a[!s] = p;
	return push_equal(out, a[0], a[0] + 1, a[1], a[1] + 1);
}

/* mark_in_role with the change before equal op e, the last op of out: true when it held the
 * mark (*rc: how pushing the pieces went). */
static bool mark_before(const rl_ctx *c, const roles *r, const rl_op *e, rl_opvec *out, int *rc)
{
	const rl_op *d = out->n > 0 ? &out->v[out->n - 1] : NULL;
	for (int s = 0; s < 2 && d; s++) {  /* the change before it, on side s */
		int o = !s;
		uint32_t es = rl_lo(e, s), eo = rl_lo(e, o);
		if (!one_sided(d, s) || rl_hi(d, s) != es || rl_lo(d, o) != eo)
			continue;
		for (uint32_t i = rl_hi(d, s); i-- > rl_lo(d, s);) {
			if (!takes_role(c, r, s, i, es, eo))
				continue;
			rl_op e0 = *e, d0 = *d;
			out->n--;
			*rc = push_one_side(out, s, rl_lo(&d0, s), i, eo);
			if (*rc == RL_OK)
				*rc = push_mark(out, s, i, eo);
			if (*rc == RL_OK)
				*rc = push_one_side(out, s, i + 1, es + 1, eo + 1);
			if (*rc == RL_OK)
				*rc = push_equal(out, e0.a0 + 1, e0.a1, e0.b0 + 1, e0.b1);
			return true;
		}
	}
	return false;
}

/* mark_in_role with change f right after equal op e: true when it held the mark (*rc as
 * mark_before's). */
static bool mark_after(const rl_ctx *c, const roles *r, const rl_op *e, const rl_op *f,
                       rl_opvec *out, int *rc)
{
	for (int s = 0; s < 2; s++) {  /* the change after it, on side s */
		int o = !s;
		uint32_t es = rl_hi(e, s) - 1, eo = rl_hi(e, o) - 1;
		if (!one_sided(f, s) || rl_lo(f, s) != es + 1 || rl_lo(f, o) != eo + 1)
			continue;
		for (uint32_t i = rl_lo(f, s); i < rl_hi(f, s); i++) {
			if (!takes_role(c, r, s, i, es, eo))
				continue;
			*rc = push_equal(out, e->a0, e->a1 - 1, e->b0, e->b1 - 1);
			if (*rc == RL_OK)
				*rc = push_one_side(out, s, es, i, eo);
			if (*rc == RL_OK)
				*rc = push_mark(out, s, i, eo);
			if (*rc == RL_OK)
				*rc = push_one_side(out, s, i + 1, rl_hi(f, s), eo + 1);
			return true;
		}
	}
	return false;
}

/* An equal op that keeps a closing mark as an opening one (typography folds ” and “ into one
 * key: "“unchanged” - Meta plans" against "“unchanged.” They stated, “We plan" keeps OLD's ” as
 * NEW's “, and NEW's own ” is inserted) when the insertion (or deletion) right before it, or
 * right after it, holds the mark in that role: the diff could keep either. Keep the mark in its
 * role; the insertion takes the other. *k: the op at hand in ops, moved past the one after it
 * when that was used; *moved: whether a mark was. */
static int mark_in_role(const rl_ctx *c, const roles *r, const rl_opvec *ops, size_t *k,
                        rl_opvec *out, bool *moved)
{
	const rl_op *e = &ops->v[*k];
	int rc = RL_OK;
	if (mark_before(c, r, e, out, &rc)) {
		*moved = true;
		return rc;
	}
	if (*k + 1 < ops->n && mark_after(c, r, e, &ops->v[*k + 1], out, &rc)) {
		++*k;
		*moved = true;
		return rc;
	}
	return rl_opvec_push(out, e);
}

/* Does equal op e keep a mark as one in the other role at its first or last token? */
static bool other_role_at_end(const rl_ctx *c, const roles *r, const rl_op *e)
{
	if (e->kind != RL_OP_EQUAL || e->move || e->a1 <= e->a0 || e->b1 <= e->b0)
		return false;
	int ra = role(c, r, RL_OLD, e->a0);
	bool first = ra && role(c, r, RL_NEW, e->b0) == 3 - ra;
	ra = role(c, r, RL_OLD, e->a1 - 1);
	bool last = ra && role(c, r, RL_NEW, e->b1 - 1) == 3 - ra;
	return first || last;
}

/* Every equal op whose first or last token is a mark kept in the other role, with a change
 * beside it that holds the mark in the right one (mark_in_role). */
int rl_qo_marks_in_role(rl_ctx *c, rl_opvec *ops)
{
	roles r;
	memset(&r, 0, sizeof r);
	r.near = r.near_at;
	int rc = roles_build(c, &r);
	rl_opvec out = rl_ctx_scratch(c, ops->n + 16);
	bool any = false;
	for (size_t k = 0; k < ops->n && rc == RL_OK; k++) {
		const rl_op *e = &ops->v[k];
		if (!other_role_at_end(c, &r, e)) {
			rc = rl_opvec_push(&out, e);
			continue;
		}
		rc = mark_in_role(c, &r, ops, &k, &out, &any);
	}
	if (rc == RL_OK && any)
		rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	free(r.open[0]);
	free(r.open[1]);
	free(r.close[0]);
	free(r.close[1]);
	return rc;
}

