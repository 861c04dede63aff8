/* order.c: where the groups of a move stand among the other ops. */
#include "order.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"

/* Ops outside moves advance through both texts together. A move group goes before the first of
 * them that starts after the group in NEW (its NEW half is read there). */
int rl_order_ops(rl_ctx *c, rl_opvec *ops)
{
	size_t nm = 0;
	for (size_t k = 0; k < ops->n; k++)
		nm += ops->v[k].move != 0;
	if (nm == 0)
		return RL_OK;
	rl_op *mv = malloc(nm * sizeof *mv);
	if (!mv)
		return RL_ENOMEM;
	rl_opvec out = rl_ctx_scratch(c, ops->n);  /* the same ops, reordered */
	size_t m = 0, mi = 0;
	for (size_t k = 0; k < ops->n; k++)
		if (ops->v[k].move)
			mv[m++] = ops->v[k];
	int rc = RL_OK;
	for (size_t k = 0; k <= ops->n && rc == RL_OK; k++) {
		const rl_op *op = k < ops->n ? &ops->v[k] : NULL;
		if (op && op->move)
			continue;
		/* Groups whose NEW start lies before this op's: their whole group, in order. */
		while (mi < m && rc == RL_OK && (!op || mv[mi].b0 < op->b0 ||
		                                 (mv[mi].b0 == op->b0 && op->b1 > op->b0))) {
			uint32_t id = mv[mi].move;
			while (mi < m && mv[mi].move == id && rc == RL_OK)
				rc = rl_opvec_push(&out, &mv[mi++]);
		}
		if (op && rc == RL_OK)
			rc = rl_opvec_push(&out, op);
	}
	free(mv);
	if (rc == RL_OK)
		rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	return rc;
}

/* Ops outside moves before which a move's OLD (NEW) half stands: the number of them that end
 * at or before its start on that side (binary search; they advance on both sides). */
static size_t place_of(const rl_opvec *ops, int s, uint32_t at)
{
	size_t lo = 0, hi = ops->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (rl_hi(&ops->v[mid], s) <= at && rl_lo(&ops->v[mid], s) < at + 1)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A "move" whose two halves stand at the same place among the other ops did not move: it is
 * text rewritten in place that the exact diff had scattered. Its ops join the others there, as
 * ordinary ops. `moved` holds the groups, each contiguous; `rest` the other ops in order. The
 * settled groups are merged into `rest` in one pass (their places found in `rest` as it was). */
typedef struct settled {
	size_t at;            /* place in rest */
	uint32_t a0;          /* OLD start: groups at one place go in reading order */
	size_t first, count;  /* its ops in the copy */
} settled;

static int cmp_settled(const void *x, const void *y)
{
	const settled *p = x, *q = y;
	if (p->at != q->at)
		return (p->at > q->at) - (p->at < q->at);
	if (p->a0 != q->a0)
		return (p->a0 > q->a0) - (p->a0 < q->a0);
	return (p->first > q->first) - (p->first < q->first);
}

/* A group that may settle: where it would stand, and its extent on both sides. */
typedef struct candidate {
	size_t group;         /* its number among the groups, in their order */
	size_t at;            /* place in rest, or SIZE_MAX: its halves stand at different places */
	uint32_t a0, a1, b0, b1;
	bool ok;
} candidate;

static int cmp_candidate_place(const void *x, const void *y)
{
	const candidate *p = x, *q = y;
	if (p->at != q->at)
		return (p->at > q->at) - (p->at < q->at);
	return (p->a0 > q->a0) - (p->a0 < q->a0);
}

static int cmp_candidate_group(const void *x, const void *y)
{
	const candidate *p = x, *q = y;
	return (p->group > q->group) - (p->group < q->group);
}

/* Which groups settle. Standing at the same place is not enough: a group must also end before
 * the op of rest that follows it, and two groups at one place must follow each other on both
 * sides (two passages that swapped places both stand between the same two ops, but one of them
 * moved; settling both crossed the ops). The first in OLD's order settles, the other stays a
 * move. cv comes back in group order. */
static void choose_settled(const rl_opvec *rest, candidate *cv, size_t nc)
{
	qsort(cv, nc, sizeof *cv, cmp_candidate_place);
	uint32_t end_a = 0, end_b = 0;
	for (size_t i = 0; i < nc; i++) {
		candidate *g = &cv[i];
		if (g->at == SIZE_MAX)
			break;
		if (i == 0 || g->at != cv[i - 1].at)
			end_a = end_b = 0;
		const rl_op *next = g->at < rest->n ? &rest->v[g->at] : NULL;
		bool fits = !next || ((next->a1 == next->a0 || g->a1 <= next->a0) &&
		                      (next->b1 == next->b0 || g->b1 <= next->b0));
		g->ok = fits && g->a0 >= end_a && g->b0 >= end_b;
		if (g->ok)
			end_a = g->a1, end_b = g->b1;
	}
	qsort(cv, nc, sizeof *cv, cmp_candidate_group);
}

/* Where a group whose halves stand before ops pa (OLD) and pb (NEW) of rest would settle:
 * there when they are one place, or past the ops between them when those have no tokens on the
 * side that puts them after the group (a summary's sentences inserted before a passage that
 * stands where it stood: in OLD they are nowhere, so the passage did not cross them); else
 * SIZE_MAX, it moved. */
static size_t same_place(const rl_opvec *rest, size_t pa, size_t pb)
{
	size_t lo = pa < pb ? pa : pb, hi = pa < pb ? pb : pa;
	int s = pa < pb ? RL_OLD : RL_NEW;
	for (size_t k = lo; k < hi; k++)
		if (rl_hi(&rest->v[k], s) > rl_lo(&rest->v[k], s))
			return SIZE_MAX;
	return hi;
}

/* The ops of rest just before a settled group g that have no tokens on a side stand there at
 * its start at the latest, so that the list still advances through both texts. */
static void points_before(rl_opvec *rest, const candidate *g)
{
	for (size_t k = g->at; k-- > 0;) {
		rl_op *op = &rest->v[k];
		bool a = op->a1 > op->a0, b = op->b1 > op->b0;
		if (a == b)
			break;
		if (!a && op->a0 > g->a0)
			op->a0 = op->a1 = g->a0;
		if (!b && op->b0 > g->b0)
			op->b0 = op->b1 = g->b0;
	}
}

static int settle_in_place(rl_ctx *c, rl_opvec *rest, rl_opvec *moved)
{
	size_t w = 0, ns = 0, nops = 0, ng = 0;
	settled *sv = malloc((moved->n + 1) * sizeof *sv);
	rl_op *keep = malloc((moved->n + 1) * sizeof *keep);
	candidate *cv = malloc((moved->n + 1) * sizeof *cv);
	if (!sv || !keep || !cv) {
		free(sv);
		free(keep);
		free(cv);
		return RL_ENOMEM;
	}
	for (size_t k = 0; k < moved->n; ng++) {
		size_t e = k;
		while (e < moved->n && moved->v[e].move == moved->v[k].move)
			e++;
		size_t pa = place_of(rest, RL_OLD, moved->v[k].a0);
		size_t pb = place_of(rest, RL_NEW, moved->v[k].b0);
		cv[ng] = (candidate){ng, same_place(rest, pa, pb), moved->v[k].a0, moved->v[e - 1].a1,
		                     moved->v[k].b0, moved->v[e - 1].b1, false};
		k = e;
	}
	choose_settled(rest, cv, ng);
	for (size_t g = 0; g < ng; g++)
		if (cv[g].ok)
			points_before(rest, &cv[g]);
	ng = 0;
	for (size_t k = 0; k < moved->n; ng++) {
		size_t e = k;
		while (e < moved->n && moved->v[e].move == moved->v[k].move)
			e++;
		size_t pa = cv[ng].at;
		if (!cv[ng].ok) {
			memmove(moved->v + w, moved->v + k, (e - k) * sizeof *moved->v);
			w += e - k;
		} else {
			sv[ns++] = (settled){pa, moved->v[k].a0, nops, e - k};
			for (size_t x = k; x < e; x++) {
				rl_op op = moved->v[x];
				op.move = 0;
				if (op.kind == RL_OP_MOVE)
					op.kind = RL_OP_EQUAL;
				keep[nops++] = op;
			}
		}
		k = e;
	}
	moved->n = w;
	int rc = RL_OK;
	if (ns > 0) {
		qsort(sv, ns, sizeof *sv, cmp_settled);
		rl_opvec out = rl_ctx_scratch(c, rest->n + nops);
		size_t from = 0;
		/* (rest may be empty, its array NULL: no pointer arithmetic on it then) */
		for (size_t g = 0; rc == RL_OK && g < ns; g++) {
			if (sv[g].at > from)
				rc = rl_opvec_append(&out, rest->v + from, sv[g].at - from);
			if (rc == RL_OK)
				rc = rl_opvec_append(&out, keep + sv[g].first, sv[g].count);
			from = sv[g].at;
		}
		if (rc == RL_OK && rest->n > from)
			rc = rl_opvec_append(&out, rest->v + from, rest->n - from);
		if (rc == RL_OK)
			rl_opvec_swap(rest, &out);
		rl_ctx_recycle(c, &out);
	}
	free(sv);
	free(keep);
	free(cv);
	return rc;
}

/* Move groups were appended in the order they were accepted: sort the groups by NEW start. */
typedef struct group {
	uint32_t b0;          /* NEW start */
	size_t first, count;  /* its ops */
} group;

static int cmp_group(const void *x, const void *y)
{
	const group *p = x, *q = y;
	return (p->b0 > q->b0) - (p->b0 < q->b0);
}

static int sort_groups(rl_opvec *moved)
{
	size_t ng = 0;
	for (size_t k = 0; k < moved->n; k++)
		ng += k == 0 || moved->v[k].move != moved->v[k - 1].move;
	group *g = malloc((ng + 1) * sizeof *g);
	rl_op *copy = malloc((moved->n + 1) * sizeof *copy);
	if (!g || !copy) {
		free(g);
		free(copy);
		return RL_ENOMEM;
	}
	ng = 0;
	for (size_t k = 0; k < moved->n; k++) {
		if (k == 0 || moved->v[k].move != moved->v[k - 1].move)
			g[ng++] = (group){moved->v[k].b0, k, 0};
		g[ng - 1].count++;
	}
	if (ng > 1)
		qsort(g, ng, sizeof *g, cmp_group);
	if (moved->n)
		memcpy(copy, moved->v, moved->n * sizeof *copy);
	size_t at = 0;
	for (size_t x = 0; x < ng; x++)
		for (size_t k = 0; k < g[x].count; k++)
			moved->v[at++] = copy[g[x].first + k];
	free(g);
	free(copy);
	return RL_OK;
}

/* One side of a move group: tokens [lo, hi), all of them the group's. */
typedef struct half {
	uint32_t lo, hi;
} half;

static int cmp_half(const void *x, const void *y)
{
	const half *p = x, *q = y;
	return (p->lo > q->lo) - (p->lo < q->lo);
}

/* The halves on side s of the groups of `moved` that are all the group's (no token between
 * its ops is another op's), sorted, into *out; returns their count, or SIZE_MAX out of memory. */
static size_t whole_halves(const rl_opvec *moved, int s, half **out)
{
	half *h = malloc((moved->n + 1) * sizeof *h);
	if (!h)
		return SIZE_MAX;
	size_t n = 0;
	for (size_t k = 0; k < moved->n;) {
		uint32_t lo = UINT32_MAX, hi = 0, len = 0, id = moved->v[k].move;
		for (; k < moved->n && moved->v[k].move == id; k++) {
			const rl_op *op = &moved->v[k];
			if (rl_hi(op, s) == rl_lo(op, s))
				continue;
			lo = rl_lo(op, s) < lo ? rl_lo(op, s) : lo;
			hi = rl_hi(op, s) > hi ? rl_hi(op, s) : hi;
			len += rl_hi(op, s) - rl_lo(op, s);
		}
		if (hi > lo && hi - lo == len)
			h[n++] = (half){lo, hi};
	}
	if (n > 1)
		qsort(h, n, sizeof *h, cmp_half);
	*out = h;
	return n;
}

/* An op of `rest` with no tokens on a side stands there at a place; when that place is inside
 * the half a passage moved away from (a stop inserted after "said" given the place before the
 * moved sentence's own stop), the op is drawn after that half, rows away from the words it
 * follows on the other side. Such places go to the start of the half: the passage is elsewhere
 * on the other side, and what stands in its place follows the text before it. */
static int out_of_halves(rl_opvec *rest, const rl_opvec *moved)
{
	for (int s = 0; s < 2; s++) {
		half *h;
		size_t n = whole_halves(moved, s, &h), i = 0;
		if (n == SIZE_MAX)
			return RL_ENOMEM;
		for (size_t k = 0; k < rest->n && i < n; k++) {
			rl_op *op = &rest->v[k];
			uint32_t at = rl_lo(op, s);
			while (i < n && h[i].hi <= at)
				i++;
			if (i == n || rl_hi(op, s) > at || at <= h[i].lo)
				continue;
			if (s == RL_OLD)
				op->a0 = op->a1 = h[i].lo;
			else
				op->b0 = op->b1 = h[i].lo;
		}
		free(h);
	}
	return RL_OK;
}

int rl_merge_moves(rl_ctx *c, rl_opvec *rest, rl_opvec *moved)
{
	int rc = settle_in_place(c, rest, moved);
	if (rc == RL_OK)
		rc = sort_groups(moved);
	if (rc == RL_OK)
		rc = out_of_halves(rest, moved);
	if (rc == RL_OK)
		rc = rl_opvec_append(rest, moved->v, moved->n);
	return rc;
}
