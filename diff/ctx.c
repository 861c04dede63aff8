/* ctx.c: the context the stages share, and exact diffs of token ranges: the scratch of those
 * diffs and the context's spare op lists, lent, trimmed and freed; equal ops cut at units; kept
 * words counted per unit. The context is made in ctx_init.c (one walk over each side's tokens). */
#include "ctx.h"

#include <stdlib.h>
#include <string.h>

#include "bigmem.h"
#include "myers.h"
#include "status.h"

/* The renumbering of the ids in the diffs of ranges (gather), made for the first such diff: the
 * sources stage diffs no range. */
static int local_ready(rl_ctx *c)
{
	if (c->local)
		return RL_OK;
	c->local = malloc((c->nids + 1) * sizeof *c->local);
	if (!c->local)
		return RL_ENOMEM;
	for (size_t id = 0; id < c->nids; id++)
		c->local[id] = RL_ID_NONE;
	return RL_OK;
}

/* The scratch of one exact diff, for ranges of up to na and nb tokens (their contents need not
 * survive: every diff fills them afresh). */
static int scratch_reserve(rl_ctx *c, size_t na, size_t nb)
{
	if (na + 1 > c->scratch_na) {
		free(c->xa), free(c->pa), free(c->ma);
		c->xa = malloc((na + 1) * sizeof *c->xa);
		c->pa = malloc((na + 1) * sizeof *c->pa);
		c->ma = malloc(na + 1);
		c->scratch_na = c->xa && c->pa && c->ma ? na + 1 : 0;
	}
	if (nb + 1 > c->scratch_nb) {
		free(c->xb), free(c->pb), free(c->mb);
		c->xb = malloc((nb + 1) * sizeof *c->xb);
		c->pb = malloc((nb + 1) * sizeof *c->pb);
		c->mb = malloc(nb + 1);
		c->scratch_nb = c->xb && c->pb && c->mb ? nb + 1 : 0;
	}
	return c->scratch_na > na && c->scratch_nb > nb ? RL_OK : RL_ENOMEM;
}

/* Give the scratch back. After the diff of the whole texts: the diffs the stages run later are
 * of passages, and the pages of a scratch as large as the texts would otherwise stay resident
 * through every stage (9 bytes a token, a seventh of the peak). */
static void scratch_release(rl_ctx *c)
{
	free(c->xa), free(c->pa), free(c->ma);
	free(c->xb), free(c->pb), free(c->mb);
	c->xa = c->pa = c->xb = c->pb = NULL;
	c->ma = c->mb = NULL;
	c->scratch_na = c->scratch_nb = 0;
}

#define NSPARE (sizeof ((rl_ctx *)0)->spare / sizeof ((rl_ctx *)0)->spare[0])

/* Below this many ops a list is cheap to make afresh. */
#define SCRATCH_SMALL 4096

uint64_t rl_ctx_tries_end(const rl_ctx *c, uint32_t per_token, uint64_t min)
{
	return c->rediffed + (uint64_t)per_token * ((uint64_t)c->side[0].n + c->side[1].n) + min;
}

rl_opvec rl_ctx_scratch(rl_ctx *c, size_t want)
{
	size_t x = NSPARE, big = 0;
	bool small = want < SCRATCH_SMALL;
	for (size_t k = 0; k < NSPARE; k++) {
		size_t cap = c->spare[k].cap;
		if (cap >= want && (!small || cap <= 4 * SCRATCH_SMALL) &&
		    (x == NSPARE || cap < c->spare[x].cap))
			x = k;  /* the smallest that holds them */
		if (c->spare[k].cap > c->spare[big].cap)
			big = k;
	}
	if (x == NSPARE && small)
		return (rl_opvec){NULL, 0, 0};
	if (x == NSPARE)
		x = big;
	rl_opvec ov = c->spare[x];
	memset(&c->spare[x], 0, sizeof c->spare[x]);
	ov.n = 0;
	return ov;
}

void rl_ctx_recycle(rl_ctx *c, rl_opvec *ov)
{
	size_t x = 0;  /* the smallest spare */
	for (size_t k = 1; k < NSPARE; k++)
		if (c->spare[k].cap < c->spare[x].cap)
			x = k;
	if (ov->cap > c->spare[x].cap)
		rl_opvec_swap(ov, &c->spare[x]);
	rl_opvec_free(ov);
}

void rl_ctx_trim(rl_ctx *c, size_t keep)
{
	bool drop[NSPARE];
	for (size_t k = 0; k < NSPARE; k++) {
		size_t bigger = 0;  /* spares ranked before this one (ties by position) */
		for (size_t j = 0; j < NSPARE; j++)
			bigger += c->spare[j].cap > c->spare[k].cap ||
			          (c->spare[j].cap == c->spare[k].cap && j < k);
		drop[k] = bigger >= keep;
	}
	for (size_t k = 0; k < NSPARE; k++)
		if (drop[k])
			rl_opvec_free(&c->spare[k]);
	scratch_release(c);
}

void rl_ctx_unlist(rl_side *sd)
{
	free(sd->ucand.v);
	free(sd->qcand.v);
	memset(&sd->ucand, 0, sizeof sd->ucand);
	memset(&sd->qcand, 0, sizeof sd->qcand);
	sd->listed = false;
}

void rl_ctx_release(rl_ctx *c)
{
	for (size_t k = 0; k < NSPARE; k++)
		rl_opvec_free(&c->spare[k]);
	for (int s = 0; s < 2; s++) {
		rl_side *sd = &c->side[s];
		free(sd->ids);
		free(sd->wbase);
		rl_map_free_from(sd->wlow, (size_t)sd->n + 1, rl_side_map_from(sd->n));
		free(sd->ubase);
		rl_map_free_from(sd->ugrp, rl_ugrp_bytes(sd->n), rl_side_map_from(sd->n));
		free(sd->ustart);
		free(sd->uflags);
		free(sd->quotes);
		rl_ctx_unlist(sd);
	}
	free(c->idf);
	free(c->freq);
	free(c->names);
	free(c->local);
	scratch_release(c);
	rl_interner_free(c->in);
	memset(c, 0, sizeof *c);
}

/* Cut equal ops where a unit starts on either side, so that each lies in one unit a side. */
/* An equal op pairs its tokens one to one (every token compared): cut it at the unit starts of
 * both sides, found unit by unit rather than token by token. */
static int split_equal_fast(const rl_ctx *c, rl_op op, rl_opvec *out)
{
	const rl_side *sa = &c->side[0], *sb = &c->side[1];
	uint32_t ua = rl_unit_of(sa, op.a0) + 1, ub = rl_unit_of(sb, op.b0) + 1;  /* next unit starts */
	for (;;) {
		uint32_t ca = ua <= sa->nunits ? sa->ustart[ua] - op.a0 : UINT32_MAX;
		uint32_t cb = ub <= sb->nunits ? sb->ustart[ub] - op.b0 : UINT32_MAX;
		uint32_t d = ca < cb ? ca : cb;  /* offset of the next cut */
		if (d >= op.a1 - op.a0)
			break;
		if (rl_opvec_cut(out, &op, op.a0 + d, op.b0 + d) != RL_OK)
			return RL_ENOMEM;
		ua += ca == d, ub += cb == d;
	}
	return rl_opvec_push(out, &op);
}

/* Does token t start a unit of sd? *next is where the unit after the last token asked of starts
 * (0 at first): tokens are asked of in order, and one before *next starts none. */
static bool starts_unit(const rl_side *sd, uint32_t t, uint32_t *next)
{
	if (t < *next)
		return false;
	uint32_t u = rl_unit_of(sd, t);
	*next = sd->ustart[u + 1];
	return sd->ustart[u] == t;
}

int rl_split_equals(const rl_ctx *c, const rl_opvec *ops, rl_opvec *out)
{
	for (size_t k = 0; k < ops->n; k++) {
		rl_op op = ops->v[k];
		if (op.kind != RL_OP_EQUAL || op.move) {
			if (rl_opvec_push(out, &op) != RL_OK)
				return RL_ENOMEM;
			continue;
		}
		if (!c->opts.key.ignore_punct && op.a1 > op.a0 && op.a1 - op.a0 == op.b1 - op.b0) {
			if (split_equal_fast(c, op, out) != RL_OK)
				return RL_ENOMEM;
			continue;
		}
		/* Walk the compared tokens of both sides in step; na, nb: where the unit after the
		 * last token looked at starts. */
		uint32_t i = op.a0, j = op.b0, na = 0, nb = 0;
		for (;;) {
			while (i < op.a1 && c->side[0].ids[i] == RL_ID_NONE)
				i++;
			while (j < op.b1 && c->side[1].ids[j] == RL_ID_NONE)
				j++;
			if (i >= op.a1 || j >= op.b1)
				break;
			bool cut = (i > op.a0 && starts_unit(&c->side[0], i, &na)) ||
			           (j > op.b0 && starts_unit(&c->side[1], j, &nb));
			if (cut && rl_opvec_cut(out, &op, i, j) != RL_OK)
				return RL_ENOMEM;
			i++, j++;
		}
		if (rl_opvec_push(out, &op) != RL_OK)
			return RL_ENOMEM;
	}
	return RL_OK;
}

/* rl_count_kept for one side, s a constant where it is inlined (the op's bounds are then read
 * without a test of the side per op: the whole list is walked, on a long text 2 x 0.5 M ops).
 * An op inside one unit (most of them) adds its words at once; one over several adds its part of
 * the first and the last unit and the whole of those between, without clamping each. */
__attribute__((always_inline))
static inline void count_kept_side(const rl_side *sd, const rl_op *v, size_t n, int s, uint32_t u0,
                                   uint32_t *kept)
{
	for (size_t k = 0; k < n; k++) {
		const rl_op *op = &v[k];
		uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s);
		if (lo == hi || (op->kind != RL_OP_EQUAL && op->kind != RL_OP_MOVE &&
		                 op->kind != RL_OP_TYPO))
			continue;
		uint32_t u = rl_unit_of(sd, lo), ulast = rl_unit_of(sd, hi - 1);
		if (u == ulast) {
			kept[u - u0] += rl_side_words(sd, lo, hi);
			continue;
		}
		kept[u - u0] += rl_side_words(sd, lo, sd->ustart[u + 1]);
		for (u++; u < ulast; u++)
			kept[u - u0] += rl_side_words(sd, sd->ustart[u], sd->ustart[u + 1]);
		kept[ulast - u0] += rl_side_words(sd, sd->ustart[ulast], hi);
	}
}

void rl_count_kept(const rl_ctx *c, const rl_op *v, size_t n, int s, uint32_t u0, uint32_t *kept)
{
	if (s == RL_OLD)
		count_kept_side(&c->side[RL_OLD], v, n, RL_OLD, u0, kept);
	else
		count_kept_side(&c->side[RL_NEW], v, n, RL_NEW, u0, kept);
}

/* ------------------------------------------------------------------ exact diffs of ranges */

/* Collect the compared tokens of side s in [lo, hi) into x (ids) and p (token positions). Unless
 * `whole`, ids are renumbered densely from *nlocal on, so that the engine's per-id tables stay as
 * small as the ranges. Returns the count. */
static size_t gather(rl_ctx *c, int s, uint32_t lo, uint32_t hi, bool whole, uint32_t *nlocal)
{
	const uint32_t *ids = c->side[s].ids;
	uint32_t *x = s ? c->xb : c->xa, *p = s ? c->pb : c->pa;
	size_t k = 0;

	for (uint32_t t = lo; t < hi; t++) {
		uint32_t id = ids[t];
		if (id == RL_ID_NONE)
			continue;
		if (!whole) {
			if (c->local[id] == RL_ID_NONE)
				c->local[id] = (*nlocal)++;
			id = c->local[id];
		}
		x[k] = id;
		p[k] = t;
		k++;
	}
	return k;
}

static void forget_local(rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	const uint32_t *ids = c->side[s].ids;
	for (uint32_t t = lo; t < hi; t++)
		if (ids[t] != RL_ID_NONE)
			c->local[ids[t]] = RL_ID_NONE;
}

/* A range with nothing compared on at least one side. An uncompared side (only punctuation, under
 * ignore_punct) gets an equal op of its own in front: there was nothing to compare. */
static int exact_bare(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1, size_t na, size_t nb,
                      rl_opvec *out)
{
	bool bare_a = na == 0 && a1 > a0, bare_b = nb == 0 && b1 > b0;
	rl_op eq = {a0, bare_a ? a1 : a0, b0, bare_b ? b1 : b0, 0, RL_OP_EQUAL, 0};

	if ((bare_a || bare_b) && rl_opvec_push(out, &eq) != RL_OK)
		return RL_ENOMEM;
	if (na > 0 || nb > 0) {
		rl_op ch = {eq.a1, a1, eq.b1, b1, 0, rl_change_kind(na > 0, nb > 0), 0};
		if (rl_opvec_push(out, &ch) != RL_OK)
			return RL_ENOMEM;
	}
	return RL_OK;
}

/* Change marks over compared positions -> ops over those positions (kept runs are equal; the
 * changes between two kept runs form one op). */
static int marks_to_ops(const rl_ctx *c, size_t na, size_t nb, rl_opvec *out)
{
	size_t i = 0, j = 0;

	while (i < na || j < nb) {
		rl_op op = {(uint32_t)i, 0, (uint32_t)j, 0, 0, RL_OP_EQUAL, 0};
		if (i < na && j < nb && !c->ma[i] && !c->mb[j]) {
			/* Kept runs are long: eight marks a side at a time first. */
			uint64_t x, y;
			for (; i + 8 <= na && j + 8 <= nb; i += 8, j += 8) {
				memcpy(&x, c->ma + i, 8);
				memcpy(&y, c->mb + j, 8);
				if (x | y)
					break;
			}
			while (i < na && j < nb && !c->ma[i] && !c->mb[j])
				i++, j++;
		} else {
			while (i < na && c->ma[i])
				i++;
			while (j < nb && c->mb[j])
				j++;
			op.kind = rl_change_kind(i > op.a0, j > op.b0);
		}
		op.a1 = (uint32_t)i, op.b1 = (uint32_t)j;
		if (rl_opvec_push(out, &op) != RL_OK)
			return RL_ENOMEM;
	}
	return RL_OK;
}

/* Where the equal op whose first compared token is t starts on side s: at t, or, under
 * ignore_punct, at the punctuation before t past the last line end among it ("2024.\n\n## 1.
 * Name": the "##" of a heading, the "-" of a list item, a line's opening mark). Drawn with the op
 * before, such a mark stood on that op's row, away from its words, and took that op's change (an
 * insertion before a heading drew the heading's "##" inserted). Only an equal op takes them, and
 * only when it starts a line on both sides: in a change, a mark the same on both sides (a wiki
 * heading's "===" before a changed word) would be drawn changed, and a line that starts with a
 * deleted word on one side only (": [-word-] kept" against ": kept") drew its kept words a row
 * below the deleted one. */
static uint32_t line_head(const rl_ctx *c, int s, uint32_t lo, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	uint32_t x = t;
	if (!c->opts.key.ignore_punct)
		return t;
	while (x > lo && sd->ids[x - 1] == RL_ID_NONE && sd->tok[x - 1].cls == RL_TOK_PUNCT)
		x--;
	for (uint32_t y = t; y > x; y--)
		if (sd->tok[y].gap >= RL_GAP_LINE)
			return y;
	return x < t && sd->tok[x].gap >= RL_GAP_LINE ? x : t;
}

/* Ops over compared positions -> ops over token ranges that tile [a0, a1) and [b0, b1). Each op
 * starts at its first compared token (an op with nothing on a side starts where the next one
 * does) and runs to where the next op starts, so uncompared tokens join the op before them,
 * but those that start a line join an equal op after (line_head); those before the first
 * compared token join the first op that has tokens on their side. */
static void to_tokens(const rl_ctx *c, rl_op *v, size_t n, uint32_t a0, uint32_t a1, uint32_t b0,
                      uint32_t b1)
{
	uint32_t next_a = a1, next_b = b1;

	for (size_t k = n; k-- > 0;) {
		rl_op *op = &v[k];
		/* No positions: the compared positions are the tokens' (marks_reserve). */
		uint32_t sa = op->a1 > op->a0 ? (c->pa ? c->pa[op->a0] : op->a0) : next_a;
		uint32_t sb = op->b1 > op->b0 ? (c->pb ? c->pb[op->b0] : op->b0) : next_b;
		if (k > 0 && op->kind == RL_OP_EQUAL) {
			/* Both sides start a line here, or neither moves (line_head). */
			uint32_t ha = line_head(c, RL_OLD, a0, sa), hb = line_head(c, RL_NEW, b0, sb);
			if (ha < sa && hb < sb)
				sa = ha, sb = hb;
		}
		op->a0 = sa, op->a1 = next_a;
		op->b0 = sb, op->b1 = next_b;
		next_a = sa, next_b = sb;
	}
	for (size_t k = 0; k < n && next_a > a0; k++) {
		bool has = v[k].a1 > v[k].a0;
		v[k].a0 = a0;
		if (has)
			break;
		v[k].a1 = a0;
	}
	for (size_t k = 0; k < n && next_b > b0; k++) {
		bool has = v[k].b1 > v[k].b0;
		v[k].b0 = b0;
		if (has)
			break;
		v[k].b1 = b0;
	}
}

/* The change marks alone, for the diff of the whole texts when every token is compared: the
 * engine then reads the ids in place and compared positions are token positions, so the copies
 * of the ids and of the positions (8 bytes a token, at the peak of the comparison) are not made. */
static int marks_reserve(rl_ctx *c, size_t na, size_t nb)
{
	scratch_release(c);
	c->ma = malloc(na + 1);
	c->mb = malloc(nb + 1);
	return c->ma && c->mb ? RL_OK : RL_ENOMEM;
}

int rl_ctx_exact(rl_ctx *c, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1, rl_opvec *out)
{
	bool whole = a0 == 0 && b0 == 0 && a1 == c->side[0].n && b1 == c->side[1].n;
	bool direct = whole && c->side[RL_OLD].all_compared && c->side[RL_NEW].all_compared;
	uint32_t nlocal = 0;
	int rc = direct ? marks_reserve(c, a1, b1) : scratch_reserve(c, a1 - a0, b1 - b0);
	if (rc == RL_OK && !whole)
		rc = local_ready(c);
	if (rc != RL_OK)
		return rc;
	size_t na = direct ? a1 : gather(c, RL_OLD, a0, a1, whole, &nlocal);
	size_t nb = direct ? b1 : gather(c, RL_NEW, b0, b1, whole, &nlocal);
	size_t first = out->n;

	if (!whole) {
		c->rediffed += (uint64_t)(a1 - a0) + (b1 - b0);
		forget_local(c, RL_OLD, a0, a1);
		forget_local(c, RL_NEW, b0, b1);
	}
	if (na == 0 || nb == 0) {
		if (whole)
			scratch_release(c);
		return exact_bare(a0, a1, b0, b1, na, nb, out);
	}

	rl_myers_opts mo = c->opts.myers;
	rl_myers_stats ms;
	mo.minimal = mo.minimal || c->opts.minimal;
	if (!whole) {
		/* What is left of the shared budget (1, not 0: 0 asks for the automatic one). */
		uint64_t left = c->rediff_work > 0 ? c->rediff_work : 1;
		mo.max_work = mo.max_work && mo.max_work < left ? mo.max_work : left;
	}
	rc = rl_myers(direct ? c->side[RL_OLD].ids : c->xa, na, direct ? c->side[RL_NEW].ids : c->xb,
	              nb, whole ? c->nids : nlocal, &mo, c->ma, c->mb, &ms);
	if (rc != RL_OK)
		return rc;
	if (whole)
		c->anchors = ms.anchors;
	else
		c->rediff_work -= ms.work < c->rediff_work ? ms.work : c->rediff_work;
	c->bound_hits += ms.bound_hits;
	if ((rc = marks_to_ops(c, na, nb, out)) != RL_OK)
		return rc;
	to_tokens(c, out->v + first, out->n - first, a0, a1, b0, b1);
	if (whole)
		scratch_release(c);
	return RL_OK;
}
