/* quote_ties.c: the exact script's ties around quotations, broken by the marks.
 *
 * The exact diff keeps as many words as it can; among the scripts that keep as many it takes
 * whichever its search meets first. Around quotations that choice can merge two of them, or pair
 * a quotation's words with text outside it: OLD `(called “wheels” or “wheel files”`, NEW `(called
 * or “wheels files”` (the first quotation dropped, "wheel" made "wheels") keeps `“wheels` of the
 * first quotation and `files”` of the second, at the cost of keeping "or" and the second
 * quotation whole; the quote stage then finds no quotation removed.
 *
 * Each kept pair of tokens has a place on each side: the innermost quotation that holds it, or
 * none. Two kept pairs in a row `break` when they stay in one place on one side and change place
 * on the other: a quotation's words paired with those of another quotation, or of none. Around
 * each break, the stretch between the kept pairs before and after the quotations involved is
 * diffed again by dynamic programming: the most kept tokens first, then the fewest breaks (or
 * the most kept words first, when the fewest breaks cost a word), then the most pairs the exact
 * script had. Its script replaces the exact one's only when it keeps as many tokens (the cost is
 * the same: a tie broken, nothing more), as many words at least, with fewer breaks. Marks have
 * no place of their own (a break is between kept words): keeping a lone full stop of another
 * sentence is no tie worth breaking, and the stages after read such a change apart.
 *
 * It runs on every exact diff of the stages (refine.c) when the quote stage is on; --minimal runs
 * no stage, so never this. */
#include "quote.h"

#include <stdlib.h>

#include "lexicon.h"
#include "status.h"

/* Places one side may have in a region (quotations and none); a region with more is left. */
#define TIE_PLACES 4
/* Tokens a side of a region at most, and cells of its table (tokens x tokens x states): a
 * quotation of a few sentences fits, a long one is left as the exact diff wrote it. */
#define TIE_SIDE_MAX 1000u
#define TIE_CELLS (1u << 21)
/* Cells all the tables of one call may fill: TIE_CELLS_FLOOR and this many a token of the range.
 * The stretches are apart, but a long text with a broken tie every few hundred words would
 * otherwise fill a table of up to TIE_CELLS for each, and the stages' many short re-diffs one
 * each (issue 13: no stage above n log n). Past it, the stretches are left as the exact diff
 * wrote them. */
#define TIE_CELLS_PER_TOKEN 64u
#define TIE_CELLS_FLOOR (1u << 18)
/* Weights of the table's score: kept tokens first (the cost), then the fewest breaks and the most
 * kept words (in either order: rediff), then the most pairs of the exact script. Each weight is
 * above the most the figures after it can add (1,000 pairs; 1,001 breaks or 1,000 words, of
 * 2^10; of 2^21). */
#define W_KEPT ((int64_t)1 << 32)
#define W_SECOND ((int64_t)1 << 21)
#define W_THIRD ((int64_t)1 << 10)
#define NEG (INT64_MIN / 4)

/* A kept pair of tokens and its places. */
typedef struct kept {
	uint32_t i, j;
	int32_t qo, qn;
} kept;

/* Is the kept pair at OLD token t a word (its partner has the same id)? Marks and other
 * punctuation have no place of their own: a break is between words. */
static bool word_at(const rl_ctx *c, uint32_t t)
{
	return !(c->idf[c->side[RL_OLD].ids[t]] & RL_IDF_PUNCT);
}

static bool breaks(const kept *p, const kept *q)
{
	return (p->qo == q->qo) != (p->qn == q->qn);
}

/* A stretch to diff again: from (sa, sb) to (ea, eb), two points of the script; lead and tail
 * are the places (per side) of the last kept word before it and the first after it (-2: none
 * near). */
typedef struct region {
	uint32_t sa, sb, ea, eb;
	int32_t lead[2], tail[2];
	size_t first;  /* its new ops in the list of replacements, once it has some */
	size_t n;
} region;

typedef struct tiewalk {
	rl_ctx *c;
	const rl_opvec *ops;
	size_t first;          /* the ops of the range start here */
	uint32_t *edge[2];     /* per side, where a quotation starts or ends, ascending */
	size_t nedge[2];
	size_t opened[2];      /* per side, find_breaks' place in the quotations (innermost_walk) */
	region *rg;            /* the stretches, in order, apart */
	size_t nrg, caprg;
	kept lead, tail;       /* the places around the range (qo -2: none, at a text's end) */
	size_t cells_left;     /* the tables' budget (TIE_CELLS_PER_TOKEN) */
} tiewalk;

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return (a > b) - (a < b);
}

/* The first quotation of sd opening at or after t. */
static size_t first_from(const rl_side *sd, uint32_t t)
{
	size_t lo = 0, hi = sd->nquotes;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sd->quotes[mid].t0 < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Where a quotation starts or ends in tokens [lo, hi] of side s, into w->edge[s] (none there:
 * NULL). The range is often a short one that the stages diff again: only the quotations near it
 * are looked at. */
static int edges_make(tiewalk *w, int s, uint32_t lo, uint32_t hi)
{
	const rl_side *sd = &w->c->side[s];
	size_t x0 = first_from(sd, lo), x1 = x0, n = 0, back = x0;
	w->opened[s] = x0;  /* the quotations opening before the range: where its walk starts */
	while (x1 < sd->nquotes && sd->quotes[x1].t0 <= hi)
		x1++;
	while (back > 0) {  /* those open at lo: the last outermost one is the first of them */
		back--;
		if (sd->quotes[back].depth == 0)
			break;
	}
	if (x1 == x0 && (x0 == 0 || sd->quotes[back].t1 < lo))
		return RL_OK;  /* no quotation near the range */
	w->edge[s] = malloc(2 * (x1 - back) * sizeof *w->edge[s]);
	if (!w->edge[s])
		return RL_ENOMEM;
	for (size_t x = back; x < x1; x++) {
		const rl_quotation *q = &sd->quotes[x];
		if (q->t0 >= lo && q->t0 <= hi)
			w->edge[s][n++] = q->t0;
		if (q->t1 >= lo && q->t1 <= hi)
			w->edge[s][n++] = q->t1;
	}
	w->nedge[s] = n;
	qsort(w->edge[s], n, sizeof *w->edge[s], cmp_u32);
	return RL_OK;
}

static kept kept_at(const rl_ctx *c, uint32_t i, uint32_t j)
{
	return (kept){i, j, rl_quote_innermost(&c->side[RL_OLD], i),
	              rl_quote_innermost(&c->side[RL_NEW], j)};
}

/* Kept pairs (and ops) looked at for the word next to a stretch, at most. */
#define NEAR_PAIRS 64

/* The places of the kept word nearest to offset d of ops[m] (an equal op), before it (dir < 0)
 * or at or after it, into pl (-2 when none is near). */
static void word_near(const tiewalk *w, size_t m, uint32_t d, int dir, int32_t pl[2])
{
	pl[0] = pl[1] = -2;
	for (unsigned seen = 0, hops = 0; seen < NEAR_PAIRS && hops < NEAR_PAIRS && m < w->ops->n;
	     hops++) {
		const rl_op *op = &w->ops->v[m];
		uint32_t len = op->kind == RL_OP_EQUAL ? op->a1 - op->a0 : 0;
		for (; seen < NEAR_PAIRS && (dir < 0 ? d > 0 : d < len); seen++) {
			uint32_t x = dir < 0 ? --d : d++;
			if (word_at(w->c, op->a0 + x)) {
				kept k = kept_at(w->c, op->a0 + x, op->b0 + x);
				pl[0] = k.qo, pl[1] = k.qn;
				return;
			}
		}
		if (dir < 0 && m == w->first)
			break;
		m += dir < 0 ? (size_t)-1 : 1;
		if (m < w->ops->n)
			d = dir < 0 ? (w->ops->v[m].kind == RL_OP_EQUAL ? w->ops->v[m].a1 - w->ops->v[m].a0
			                                                : 0)
			            : 0;
	}
}

/* The stretch a break from p to q asks for: the quotations of both pairs, widened to the kept
 * pairs before and after them (ops[k] holds q). False when it is too long to diff again. */
static bool stretch(const tiewalk *w, size_t k, const kept *p, const kept *q, region *r)
{
	const rl_ctx *c = w->c;
	uint32_t lo[2] = {q->i, q->j}, hi[2] = {p->i + 1, p->j + 1};
	int32_t qs[2][2] = {{p->qo, q->qo}, {p->qn, q->qn}};
	for (int s = 0; s < 2; s++)
		for (int e = 0; e < 2; e++) {
			if (qs[s][e] < 0 || (uint32_t)qs[s][e] >= c->side[s].nquotes)
				continue;
			const rl_quotation *x = &c->side[s].quotes[qs[s][e]];
			lo[s] = x->t0 < lo[s] ? x->t0 : lo[s];
			hi[s] = x->t1 > hi[s] ? x->t1 : hi[s];
		}
	const rl_op *v = w->ops->v;
	*r = (region){v[w->first].a0, v[w->first].b0, v[w->ops->n - 1].a1, v[w->ops->n - 1].b1,
	              {w->lead.qo, w->lead.qn}, {w->tail.qo, w->tail.qn}, 0, 0};
	for (size_t m = k + 1; m-- > w->first;) {  /* the last kept pair before both starts */
		const rl_op *op = &v[m];
		if (op->kind == RL_OP_EQUAL && op->a0 < lo[0] && op->b0 < lo[1]) {
			uint32_t d = lo[0] - op->a0 < lo[1] - op->b0 ? lo[0] - op->a0 : lo[1] - op->b0;
			d = d < op->a1 - op->a0 ? d : op->a1 - op->a0;
			r->sa = op->a0 + d, r->sb = op->b0 + d;
			word_near(w, m, d, -1, r->lead);
			break;
		}
		if (op->a1 + TIE_SIDE_MAX < lo[0] || op->b1 + TIE_SIDE_MAX < lo[1])
			return false;
	}
	for (size_t m = k; m < w->ops->n; m++) {  /* the first kept pair after both ends */
		const rl_op *op = &v[m];
		if (op->kind == RL_OP_EQUAL && op->a1 > hi[0] && op->b1 > hi[1]) {
			uint32_t d = hi[0] > op->a0 ? hi[0] - op->a0 : 0;
			uint32_t e = hi[1] > op->b0 ? hi[1] - op->b0 : 0;
			d = d > e ? d : e;
			if (d < op->a1 - op->a0) {
				r->ea = op->a0 + d, r->eb = op->b0 + d;
				word_near(w, m, d, 1, r->tail);
				break;
			}
		}
		if (op->a0 > hi[0] + TIE_SIDE_MAX || op->b0 > hi[1] + TIE_SIDE_MAX)
			return false;
	}
	return r->ea - r->sa <= TIE_SIDE_MAX && r->eb - r->sb <= TIE_SIDE_MAX;
}

/* Is path point (a, b) before (x, y)? (Points of one script: a smaller a has no larger b.) */
static bool before(uint32_t a, uint32_t b, uint32_t x, uint32_t y)
{
	return a < x || (a == x && b < y);
}

/* Add the stretch of a break, joined to those before it that it overlaps (a joined stretch
 * too long to diff again stays, so that the breaks inside it start no other). */
static int region_add(tiewalk *w, const region *r)
{
	if (w->nrg == w->caprg) {
		size_t cap = w->caprg ? 2 * w->caprg : 8;
		region *v = realloc(w->rg, cap * sizeof *v);
		if (!v)
			return RL_ENOMEM;
		w->rg = v, w->caprg = cap;
	}
	w->rg[w->nrg++] = *r;
	while (w->nrg >= 2) {
		region *l = &w->rg[w->nrg - 2], *x = &w->rg[w->nrg - 1];
		if (!(x->sa < l->ea || x->sb < l->eb))
			break;
		if (before(x->sa, x->sb, l->sa, l->sb))
			l->sa = x->sa, l->sb = x->sb, l->lead[0] = x->lead[0], l->lead[1] = x->lead[1];
		if (before(l->ea, l->eb, x->ea, x->eb))
			l->ea = x->ea, l->eb = x->eb, l->tail[0] = x->tail[0], l->tail[1] = x->tail[1];
		w->nrg--;
	}
	return RL_OK;
}

/* A kept pair followed another: a stretch to diff again when they break. */
static int step(tiewalk *w, size_t k, kept *prev, bool *any, const kept *q)
{
	int rc = RL_OK;
	region r;
	bool inside = w->nrg > 0 && q->i < w->rg[w->nrg - 1].ea;
	if (*any && !inside && breaks(prev, q) && stretch(w, k, prev, q, &r))
		rc = region_add(w, &r);
	*prev = *q, *any = true;
	return rc;
}

/* The kept pair (i, j) of find_breaks' walk, which goes forward on both sides: its places
 * looked up from where the last one's were (rl_quote_innermost_walk), not searched for. */
static kept kept_next(tiewalk *w, uint32_t i, uint32_t j)
{
	const rl_ctx *c = w->c;
	return (kept){i, j, rl_quote_innermost_walk(&c->side[RL_OLD], i, &w->opened[RL_OLD]),
	              rl_quote_innermost_walk(&c->side[RL_NEW], j, &w->opened[RL_NEW])};
}

/* Walk the kept words of the ops, looking only where a place may change: the first kept word
 * of an equal op, and the first after each edge of a quotation. */
static int find_breaks(tiewalk *w)
{
	size_t e[2] = {0, 0};
	kept prev = w->lead;
	bool any = w->lead.qo != -2;
	for (size_t k = w->first; k < w->ops->n; k++) {
		const rl_op *op = &w->ops->v[k];
		if (op->kind != RL_OP_EQUAL || op->a1 == op->a0)
			continue;
		uint32_t at[2] = {op->a0, op->b0}, len = op->a1 - op->a0;
		for (uint32_t d = 0; d < len;) {
			uint32_t next = len;  /* the next pair at an edge, on either side */
			for (int s = 0; s < 2; s++) {
				while (e[s] < w->nedge[s] && w->edge[s][e[s]] <= at[s] + d)
					e[s]++;
				if (e[s] < w->nedge[s] && w->edge[s][e[s]] - at[s] < next)
					next = w->edge[s][e[s]] - at[s];
			}
			uint32_t x = d;  /* the first word of the stretch of one place */
			while (x < next && !word_at(w->c, at[0] + x))
				x++;
			if (x < next) {
				kept q = kept_next(w, at[0] + x, at[1] + x);
				int rc = step(w, k, &prev, &any, &q);
				if (rc != RL_OK)
					return rc;
				prev.i = at[0] + next - 1, prev.j = at[1] + next - 1;
			}
			d = next;
		}
	}
	if (w->tail.qo == -2)
		return RL_OK;
	return step(w, w->ops->n - 1, &prev, &any, &w->tail);
}

/* ------------------------------------------------------------------ one stretch diffed again */

typedef struct table {
	uint32_t na, nb;
	int32_t place[2][TIE_PLACES];  /* the places met on each side (quotation or -1) */
	int np[2];
	uint8_t *po, *pn;    /* per token of the stretch, its place's number */
	int32_t *partner;    /* per OLD token of the stretch, its NEW partner in the exact script */
	int start, end;      /* the states before and after the stretch; start == nstates: none */
	int nstates;
	int64_t w_word, w_break;  /* the weights of a kept word and of a break in the score */
} table;

static int place_of(table *t, int s, int32_t q)
{
	for (int k = 0; k < t->np[s]; k++)
		if (t->place[s][k] == q)
			return k;
	if (t->np[s] == TIE_PLACES)
		return -1;
	t->place[s][t->np[s]] = q;
	return t->np[s]++;
}

static bool state_breaks(const table *t, int x, int y)
{
	int nn = t->np[RL_NEW];
	if (x >= t->nstates || y >= t->nstates)
		return false;
	return (x / nn == y / nn) != (x % nn == y % nn);
}

/* The places of the stretch's tokens and of the kept pairs around it; false when a side has
 * too many. */
static bool places(const tiewalk *w, const region *r, table *t)
{
	const rl_ctx *c = w->c;
	int32_t ctx[2][2] = {{r->lead[0], r->tail[0]}, {r->lead[1], r->tail[1]}};  /* -2: none */
	int at[2][2] = {{0, 0}, {0, 0}};
	for (int s = 0; s < 2; s++) {
		uint32_t lo = s ? r->sb : r->sa, n = s ? t->nb : t->na;
		uint8_t *p = s ? t->pn : t->po;
		for (uint32_t x = 0; x < n; x++) {
			int k = place_of(t, s, rl_quote_innermost(&c->side[s], lo + x));
			if (k < 0)
				return false;
			p[x] = (uint8_t)k;
		}
		for (int e = 0; e < 2; e++)
			if (ctx[s][e] != -2 && (at[s][e] = place_of(t, s, ctx[s][e])) < 0)
				return false;
	}
	t->nstates = t->np[0] * t->np[1];
	t->start = r->lead[0] != -2 ? at[0][0] * t->np[1] + at[1][0] : t->nstates;
	t->end = r->tail[0] != -2 ? at[0][1] * t->np[1] + at[1][1] : t->nstates;
	return true;
}

/* What a script of the stretch keeps, given as its pairs (stretch positions). */
typedef struct tally {
	size_t kept, words, breaks;
} tally;

static tally score(const rl_ctx *c, const region *r, const table *t, const uint32_t *mi,
                   const uint32_t *mj, size_t n)
{
	tally y = {n, 0, 0};
	int s = t->start;
	for (size_t k = 0; k < n; k++) {
		if (!word_at(c, r->sa + mi[k]))
			continue;  /* a mark keeps the place */
		int x = t->po[mi[k]] * t->np[1] + t->pn[mj[k]];
		y.breaks += state_breaks(t, s, x);
		y.words++;
		s = x;
	}
	y.breaks += state_breaks(t, s, t->end);
	return y;
}

/* The table filled row by row (scores of two rows, the way back of every cell); returns the
 * scores of the last row. */
static const int64_t *fill(const rl_ctx *c, const region *r, const table *t, uint8_t *back,
                           int64_t *row)
{
	const uint32_t *ia = c->side[RL_OLD].ids + r->sa, *ib = c->side[RL_NEW].ids + r->sb;
	int ns = t->nstates + 1, nn = t->np[1];
	size_t w = (size_t)(t->nb + 1) * ns;
	int64_t *prev = row, *cur = row + w;

	for (size_t x = 0; x < w; x++)
		prev[x] = NEG;
	prev[t->start] = 0;
	for (uint32_t j = 1; j <= t->nb; j++)
		for (int s = 0; s < ns; s++)
			prev[j * ns + s] = prev[(j - 1) * ns + s], back[j * ns + s] = 1;
	for (uint32_t i = 1; i <= t->na; i++) {
		uint8_t *bk = back + (size_t)i * w;
		for (int s = 0; s < ns; s++)
			cur[s] = prev[s], bk[s] = 0;
		for (uint32_t j = 1; j <= t->nb; j++) {
			int64_t *f = cur + (size_t)j * ns;
			const int64_t *up = prev + (size_t)j * ns, *left = cur + (size_t)(j - 1) * ns,
			              *diag = prev + (size_t)(j - 1) * ns;
			uint8_t *b = bk + (size_t)j * ns;
			for (int s = 0; s < ns; s++) {
				f[s] = up[s], b[s] = 0;
				if (left[s] > f[s])
					f[s] = left[s], b[s] = 1;
			}
			if (ia[i - 1] != ib[j - 1])
				continue;
			int64_t gain = W_KEPT + (t->partner[i - 1] == (int32_t)(j - 1));
			if (c->idf[ia[i - 1]] & RL_IDF_PUNCT) {  /* a mark keeps the place */
				for (int s = 0; s < ns; s++)
					if (diag[s] != NEG && diag[s] + gain > f[s])
						f[s] = diag[s] + gain, b[s] = (uint8_t)(2 + s);
				continue;
			}
			int x = t->po[i - 1] * nn + t->pn[j - 1];
			gain += t->w_word;
			for (int s = 0; s < ns; s++) {
				if (diag[s] == NEG)
					continue;
				int64_t v = diag[s] + gain - (state_breaks(t, s, x) ? t->w_break : 0);
				if (v > f[x])
					f[x] = v, b[x] = (uint8_t)(2 + s);
			}
		}
		int64_t *tmp = prev;
		prev = cur, cur = tmp;
	}
	return prev;
}

/* The pairs of the best script, back from the end (into mi, mj, in order); returns their count. */
static size_t trace(const table *t, const uint8_t *back, const int64_t *last, uint32_t *mi,
                    uint32_t *mj)
{
	int ns = t->nstates + 1, best = -1;
	int64_t top = NEG;
	for (int s = 0; s < ns; s++) {
		int64_t v = last[(size_t)t->nb * ns + s];
		if (v == NEG)
			continue;
		v -= state_breaks(t, s, t->end) ? t->w_break : 0;
		if (v > top)
			top = v, best = s;
	}
	size_t n = 0;
	uint32_t i = t->na, j = t->nb;
	int s = best;
	while (s >= 0 && (i > 0 || j > 0)) {
		uint8_t b = back[((size_t)i * (t->nb + 1) + j) * ns + s];
		if (b == 0)
			i--;
		else if (b == 1)
			j--;
		else
			i--, j--, mi[n] = i, mj[n] = j, n++, s = b - 2;
	}
	for (size_t k = 0; k < n / 2; k++) {  /* found backwards */
		uint32_t x = mi[k], y = mj[k];
		mi[k] = mi[n - 1 - k], mj[k] = mj[n - 1 - k];
		mi[n - 1 - k] = x, mj[n - 1 - k] = y;
	}
	return n;
}

/* Does op follow l, so that emit joins them (both equal or both changes, neither moved)? */
static bool joins(const rl_op *l, const rl_op *op)
{
	return !l->move && !op->move && l->a1 == op->a0 && l->b1 == op->b0 &&
	       (l->kind == RL_OP_EQUAL) == (op->kind == RL_OP_EQUAL);
}

/* Append op to out, joined to the last op when both are equal or both changes. */
static int emit(rl_opvec *out, rl_op op)
{
	if (op.a0 == op.a1 && op.b0 == op.b1)
		return RL_OK;
	rl_op *l = out->n ? &out->v[out->n - 1] : NULL;
	bool eq = op.kind == RL_OP_EQUAL;
	if (l && joins(l, &op)) {
		l->a1 = op.a1, l->b1 = op.b1;
		if (!eq)
			l->kind = rl_change_kind(l->a1 > l->a0, l->b1 > l->b0);
		return RL_OK;
	}
	return rl_opvec_push(out, &op);
}

/* The ops of the stretch from its pairs, appended to out. */
static int pairs_to_ops(const region *r, const uint32_t *mi, const uint32_t *mj, size_t n,
                        rl_opvec *out)
{
	uint32_t a = r->sa, b = r->sb;
	int rc = RL_OK;
	for (size_t k = 0; k <= n && rc == RL_OK; k++) {
		uint32_t i = k < n ? r->sa + mi[k] : r->ea, j = k < n ? r->sb + mj[k] : r->eb;
		rl_op ch = {a, i, b, j, 0, rl_change_kind(i > a, j > b), 0};
		rc = emit(out, ch);
		if (k < n && rc == RL_OK)
			rc = emit(out, (rl_op){i, i + 1, j, j + 1, 0, RL_OP_EQUAL, 0});
		a = i + 1, b = j + 1;
	}
	return rc;
}

/* The exact script's pairs inside the stretch, per OLD token (-1: none). */
static void partners(const tiewalk *w, const region *r, size_t *from, table *t, uint32_t *mi,
                     uint32_t *mj, size_t *n)
{
	*n = 0;
	for (uint32_t x = 0; x < t->na; x++)
		t->partner[x] = -1;
	while (*from < w->ops->n && w->ops->v[*from].a1 <= r->sa && w->ops->v[*from].b1 <= r->sb)
		++*from;  /* the stretches come in order: the ops before this one are done */
	for (size_t k = *from; k < w->ops->n; k++) {
		const rl_op *op = &w->ops->v[k];
		if (op->kind != RL_OP_EQUAL || op->a1 <= r->sa || op->b1 <= r->sb)
			continue;
		if (op->a0 >= r->ea)
			break;
		for (uint32_t i = op->a0, j = op->b0; i < op->a1; i++, j++)
			if (i >= r->sa && i < r->ea && j >= r->sb && j < r->eb) {
				t->partner[i - r->sa] = (int32_t)(j - r->sb);
				mi[*n] = i - r->sa, mj[*n] = j - r->sb, (*n)++;
			}
	}
}

/* Diff one stretch again; its new ops into out (r->first, r->n) when they break the tie. */
static int rediff(tiewalk *w, region *r, size_t *from, rl_opvec *out)
{
	table t = {r->ea - r->sa, r->eb - r->sb, {{0}}, {0, 0}, NULL, NULL, NULL, 0, 0, 0,
	           W_THIRD, W_SECOND};
	size_t cells = (size_t)(t.na + 1) * (t.nb + 1);  /* (times the states, once known) */
	if (t.na == 0 || t.nb == 0 || cells > TIE_CELLS)
		return RL_OK;
	size_t most = t.na < t.nb ? t.na : t.nb;
	t.po = malloc(t.na), t.pn = malloc(t.nb);
	t.partner = malloc(t.na * sizeof *t.partner);
	uint32_t *mi = malloc(2 * most * sizeof *mi), *mj = mi ? mi + most : NULL;
	uint8_t *back = NULL;
	int64_t *row = NULL;
	int rc = t.po && t.pn && t.partner && mi ? RL_OK : RL_ENOMEM;
	if (rc != RL_OK || !places(w, r, &t))
		goto done;
	cells = (size_t)(t.na + 1) * (t.nb + 1) * (t.nstates + 1);
	if (cells > TIE_CELLS || cells > w->cells_left)
		goto done;
	w->cells_left -= cells;
	size_t n0;
	partners(w, r, from, &t, mi, mj, &n0);
	tally y0 = score(w->c, r, &t, mi, mj, n0);
	if (y0.breaks == 0)
		goto done;  /* no break inside after all (a join of stretches) */
	back = malloc(cells);
	row = malloc(2 * (size_t)(t.nb + 1) * (t.nstates + 1) * sizeof *row);
	if (!back || !row) {
		rc = RL_ENOMEM;
		goto done;
	}
	/* The fewest breaks first; when they cost a kept word, the most words first (a tie is never
	 * broken by keeping a mark for a word: corpus 002 against 001, `Meta plans to “continue`
	 * against `“We plan to proceed`, where the stages after took both quotations apart). */
	size_t n1 = trace(&t, back, fill(w->c, r, &t, back, row), mi, mj);
	tally y1 = score(w->c, r, &t, mi, mj, n1);
	if (y1.kept == y0.kept && y1.words < y0.words) {
		t.w_word = W_SECOND, t.w_break = W_THIRD;
		n1 = trace(&t, back, fill(w->c, r, &t, back, row), mi, mj);
		y1 = score(w->c, r, &t, mi, mj, n1);
	}
	if (y1.kept == y0.kept && y1.words >= y0.words && y1.breaks < y0.breaks) {
		r->first = out->n;
		rc = pairs_to_ops(r, mi, mj, n1, out);
		r->n = out->n - r->first;
	}
done:
	free(t.po), free(t.pn), free(t.partner), free(mi), free(back), free(row);
	return rc;
}

/* The end of the ops from v[k] that emit would append to out as they are, one at a time: each
 * not empty, wholly before region g (if any) and not joining the one before it (out's last for
 * v[k]). Between the stretches that changed that is nearly all of them, copied at once. */
static size_t as_they_are(const rl_opvec *out, const rl_op *v, size_t k, size_t n,
                          const region *g)
{
	const rl_op *l = out->n ? &out->v[out->n - 1] : NULL;
	for (; k < n; l = &v[k++]) {
		const rl_op *op = &v[k];
		if ((op->a0 == op->a1 && op->b0 == op->b1) || (l && joins(l, op)) ||
		    (g && (op->a1 > g->sa || op->b1 > g->sb)))
			break;
	}
	return k;
}

/* The ops with the stretches that changed put in (the rest as they were). */
static int splice(const tiewalk *w, const rl_opvec *repl, rl_opvec *out)
{
	size_t r = 0;
	bool inside = false;
	int rc = RL_OK;
	while (r < w->nrg && w->rg[r].n == 0)
		r++;
	for (size_t k = w->first; k < w->ops->n && rc == RL_OK; k++) {
		if (!inside) {
			size_t m = as_they_are(out, w->ops->v, k, w->ops->n, r < w->nrg ? &w->rg[r] : NULL);
			if (m > k && (rc = rl_opvec_append(out, w->ops->v + k, m - k)) != RL_OK)
				break;
			if ((k = m) == w->ops->n)
				break;
		}
		rl_op cur = w->ops->v[k];
		for (;;) {
			const region *g = r < w->nrg ? &w->rg[r] : NULL;
			if (!inside) {
				if (!g || (cur.a1 <= g->sa && cur.b1 <= g->sb)) {
					rc = emit(out, cur);
					break;
				}
				rl_op head = cur;  /* cut at the start (an equal op; or nothing before) */
				head.a1 = g->sa, head.b1 = g->sb;
				cur.a0 = g->sa, cur.b0 = g->sb;
				if ((rc = emit(out, head)) != RL_OK)
					break;
				for (size_t x = 0; x < g->n && rc == RL_OK; x++)
					rc = emit(out, repl->v[g->first + x]);
				inside = true;
				continue;
			}
			if (cur.a1 <= g->ea && cur.b1 <= g->eb)
				break;  /* replaced */
			cur.a0 = g->ea > cur.a0 ? g->ea : cur.a0;  /* the rest after the end */
			cur.b0 = g->eb > cur.b0 ? g->eb : cur.b0;
			inside = false;
			for (r++; r < w->nrg && w->rg[r].n == 0; r++)
				;
		}
	}
	return rc;
}

/* The quotation of side s that runs on over the boundary before token t (-1: none; -2: t is at
 * an end of the text). A quotation that closes or opens at the boundary does not run over it.
 * (An outer one around such a quotation is taken for none: rare, and only a tie-break.) */
static int32_t over(const rl_side *sd, uint32_t t)
{
	if (t == 0 || t >= sd->n)
		return -2;
	int32_t q = rl_quote_innermost(sd, t - 1);
	return q >= 0 && sd->quotes[q].t1 > t ? q : -1;
}

/* The places just outside a range (before it, or after it): a range the stages diff again lies
 * between kept text, whose place a kept word in the range may break from. */
static kept around(const rl_ctx *c, uint32_t a, uint32_t b, bool before_it)
{
	kept k = {before_it ? a - 1 : a, before_it ? b - 1 : b, over(&c->side[RL_OLD], a),
	          over(&c->side[RL_NEW], b)};
	if (k.qo == -2 || k.qn == -2)
		k.qo = k.qn = -2;
	return k;
}

int rl_quote_ties(rl_ctx *c, rl_opvec *ops, size_t first)
{
	if (ops->n <= first || !(c->side[0].nquotes || c->side[1].nquotes) ||
	    !c->side[0].all_compared || !c->side[1].all_compared)
		return RL_OK;
	const rl_op *v0 = &ops->v[first], *v1 = &ops->v[ops->n - 1];
	tiewalk w = {c, ops, first, {NULL, NULL}, {0, 0}, {0, 0}, NULL, 0, 0,
	             around(c, v0->a0, v0->b0, true), around(c, v1->a1, v1->b1, false),
	             TIE_CELLS_FLOOR +
	                 (size_t)TIE_CELLS_PER_TOKEN * ((v1->a1 - v0->a0) + (v1->b1 - v0->b0))};
	rl_opvec repl = {0}, out = {0};
	int rc = edges_make(&w, RL_OLD, v0->a0, v1->a1);
	if (rc == RL_OK)
		rc = edges_make(&w, RL_NEW, v0->b0, v1->b1);
	if (rc == RL_OK && (w.nedge[RL_OLD] || w.nedge[RL_NEW]))
		rc = find_breaks(&w);
	size_t changed = 0, from = first;
	for (size_t k = 0; k < w.nrg && rc == RL_OK; k++) {
		rc = rediff(&w, &w.rg[k], &from, &repl);
		changed += w.rg[k].n > 0;
	}
	if (rc == RL_OK && changed) {
		rc = rl_opvec_append(&out, ops->v, first);
		if (rc == RL_OK)
			rc = splice(&w, &repl, &out);
		if (rc == RL_OK)
			rl_opvec_swap(ops, &out);
	}
	rl_opvec_free(&out);
	rl_opvec_free(&repl);
	free(w.edge[0]), free(w.edge[1]), free(w.rg);
	return rc;
}
