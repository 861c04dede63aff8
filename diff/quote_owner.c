/* quote_owner.c: the index the quote flag stage asks (quote_stage.h): the op that holds a token,
 * the quoted tokens, the outermost quotation that holds a token, the edges of the quotations. */
#include "quote_stage.h"

#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "status.h"

void rl_qo_free(rl_qowner *ow)
{
	if (!ow)
		return;
	for (int s = 0; s < 2; s++) {
		free(ow->lo[s]), free(ow->k[s]);
		free(ow->span0[s]), free(ow->span1[s]), free(ow->before[s]);
		free(ow->outer[s]);
		free(ow->edges[s]);
		free(ow->qix[s]);
	}
	free(ow->mv);
	free(ow);
}

int rl_qo_cmp_u32(const void *x, const void *y)
{
	uint32_t p = *(const uint32_t *)x, q = *(const uint32_t *)y;
	return (p > q) - (p < q);
}

/* Side s's quotations, in order of their start, merged into stretches, with the quoted tokens
 * before each. */
static void spans_build(const rl_side *sd, rl_qowner *ow, int s)
{
	size_t n = 0;
	uint32_t quoted = 0;
	for (size_t x = 0; x < sd->nquotes; x++) {
		const rl_quotation *q = &sd->quotes[x];
		if (q->t1 <= q->t0)
			continue;
		if (n && q->t0 <= ow->span1[s][n - 1]) {
			if (q->t1 > ow->span1[s][n - 1]) {
				quoted += q->t1 - ow->span1[s][n - 1];
				ow->span1[s][n - 1] = q->t1;
			}
			continue;
		}
		ow->span0[s][n] = q->t0, ow->span1[s][n] = q->t1, ow->before[s][n] = quoted;
		quoted += q->t1 - q->t0;
		n++;
	}
	ow->nspans[s] = n;
}

/* Side s's outermost quotations, in order; returns whether two of them overlap. */
static bool outer_build(const rl_side *sd, rl_qowner *ow, int s)
{
	size_t no = 0;
	bool overlap = false;
	for (size_t x = 0; x < sd->nquotes; x++) {
		if (sd->quotes[x].depth != 0)
			continue;
		if (no && sd->quotes[x].t0 < sd->quotes[ow->outer[s][no - 1]].t1)
			overlap = true;
		ow->outer[s][no++] = (uint32_t)x;
	}
	ow->nouter[s] = no;
	return overlap;
}

/* The edges of all side s's quotations, nested ones too (each flag over its own span), sorted,
 * each once. */
static void edges_build(const rl_side *sd, rl_qowner *ow, int s)
{
	size_t ne = 0;
	for (size_t x = 0; x < sd->nquotes; x++) {
		ow->edges[s][ne++] = sd->quotes[x].t0;
		ow->edges[s][ne++] = sd->quotes[x].t1;
	}
	qsort(ow->edges[s], ne, sizeof *ow->edges[s], rl_qo_cmp_u32);
	size_t u = 0;
	for (size_t k = 0; k < ne; k++)
		if (u == 0 || ow->edges[s][k] != ow->edges[s][u - 1])
			ow->edges[s][u++] = ow->edges[s][k];
	ow->nedges[s] = u;
}

/* The outermost quotation holding each token of side s, for when two of them overlap (the
 * search in outer[] assumes they do not). */
static int qix_build(const rl_side *sd, rl_qowner *ow, int s)
{
	uint32_t *qx = malloc(((size_t)sd->n + 1) * sizeof *qx);
	if (!qx)
		return RL_ENOMEM;
	ow->qix[s] = qx;
	memset(qx, 0xff, ((size_t)sd->n + 1) * sizeof *qx);
	for (size_t k = 0; k < ow->nouter[s]; k++)
		for (uint32_t t = sd->quotes[ow->outer[s][k]].t0; t < sd->quotes[ow->outer[s][k]].t1; t++)
			qx[t] = ow->outer[s][k];
	return RL_OK;
}

static int quoted_build(const rl_ctx *c, rl_qowner *ow)
{
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c->side[s];
		size_t nq = sd->nquotes;
		ow->span0[s] = malloc((nq + 1) * sizeof *ow->span0[s]);
		ow->span1[s] = malloc((nq + 1) * sizeof *ow->span1[s]);
		ow->before[s] = malloc((nq + 1) * sizeof *ow->before[s]);
		ow->outer[s] = malloc((nq + 1) * sizeof *ow->outer[s]);
		ow->edges[s] = malloc((2 * nq + 1) * sizeof *ow->edges[s]);
		if (!ow->span0[s] || !ow->span1[s] || !ow->before[s] || !ow->outer[s] || !ow->edges[s])
			return RL_ENOMEM;
		spans_build(sd, ow, s);
		bool overlap = outer_build(sd, ow, s);
		edges_build(sd, ow, s);
		if (overlap && qix_build(sd, ow, s) != RL_OK)
			return RL_ENOMEM;
	}
	return RL_OK;
}

int rl_qo_new(const rl_ctx *c, rl_qowner **out)
{
	rl_qowner *ow = calloc(1, sizeof *ow);
	if (!ow)
		return RL_ENOMEM;
	ow->near = ow->near_at;
	int rc = quoted_build(c, ow);
	if (rc != RL_OK) {
		rl_qo_free(ow);
		return rc;
	}
	*out = ow;
	return RL_OK;
}

/* Add op x starting at token lo to the list of moved ones (a0 << 32 | x), grown as needed. */
static int moved_push(rl_qowner *ow, uint32_t lo, size_t x)
{
	if (ow->nmv == ow->capmv) {
		size_t cap = ow->capmv ? 2 * ow->capmv : 64;
		uint64_t *v = realloc(ow->mv, cap * sizeof *v);
		if (!v)
			return RL_ENOMEM;
		ow->mv = v, ow->capmv = cap;
	}
	ow->mv[ow->nmv++] = (uint64_t)lo << 32 | x;
	return RL_OK;
}

/* Side s's n entries of lo[] and k[] with the moved ones (mv) merged in by lo, all sorted first
 * when the others were not in order (distinct starts: the ops tile the side). */
static int merge_moved(rl_qowner *ow, int s, size_t n, bool sorted)
{
	uint32_t *lo = ow->lo[s], *k = ow->k[s];
	for (size_t i = 0; !sorted && i < n; i++)
		if (moved_push(ow, lo[i], k[i]) != RL_OK)
			return RL_ENOMEM;
	n = sorted ? n : 0;
	size_t nm = ow->nmv;
	qsort(ow->mv, nm, sizeof *ow->mv, rl_cmp_u64);
	/* From the back (lo[] and k[] have room for all), the others moved a block at a time: the
	 * moved ops are few. */
	for (size_t i = n, j = nm; j-- > 0;) {
		uint32_t at = (uint32_t)(ow->mv[j] >> 32);
		size_t near = i, pos = rl_qo_count_at_most(lo, NULL, NULL, i, at, &near);
		memmove(lo + pos + j + 1, lo + pos, (i - pos) * sizeof *lo);
		memmove(k + pos + j + 1, k + pos, (i - pos) * sizeof *k);
		lo[pos + j] = at, k[pos + j] = (uint32_t)ow->mv[j];
		i = pos;
	}
	ow->nk[s] = n + nm;
	ow->nmv = 0;
	return RL_OK;
}

/* The ops with tokens on each side, by their first token there. The ops advance through both
 * sides in step but for moved passages, listed where they stand in NEW: those are taken out on
 * OLD, sorted and merged back, so that the stage's rebuilds (one after each rewrite) cost no sort
 * of the whole list. */
int rl_qo_build(const rl_opvec *ops, rl_qowner *ow)
{
	for (int s = 0; s < 2; s++) {
		/* Rebuilt in place: kept for the next build when big enough. */
		if (ops->n + 1 > ow->capk[s]) {
			free(ow->lo[s]), free(ow->k[s]);
			ow->lo[s] = malloc((ops->n + 1) * sizeof *ow->lo[s]);
			ow->k[s] = malloc((ops->n + 1) * sizeof *ow->k[s]);
			ow->capk[s] = ow->lo[s] && ow->k[s] ? ops->n + 1 : 0;
			if (!ow->capk[s])
				return RL_ENOMEM;
		}
	}
	uint32_t *la = ow->lo[0], *ka = ow->k[0], *lb = ow->lo[1], *kb = ow->k[1];
	size_t na = 0, nb = 0;
	bool sa = true, sb = true;
	for (size_t x = 0; x < ops->n; x++) {
		const rl_op *op = &ops->v[x];
		if (op->b1 > op->b0) {
			sb &= nb == 0 || lb[nb - 1] < op->b0;
			lb[nb] = op->b0, kb[nb++] = (uint32_t)x;
		}
		if (op->a1 <= op->a0)
			continue;
		if (op->move) {
			if (moved_push(ow, op->a0, x) != RL_OK)
				return RL_ENOMEM;
			continue;
		}
		sa &= na == 0 || la[na - 1] < op->a0;
		la[na] = op->a0, ka[na++] = (uint32_t)x;
	}
	ow->near[0][3] = ow->near[1][3] = 0;
	ow->nk[0] = na, ow->nk[1] = nb;
	if ((ow->nmv || !sa) && merge_moved(ow, 0, na, sa) != RL_OK)
		return RL_ENOMEM;
	if (!sb && merge_moved(ow, 1, nb, false) != RL_OK)
		return RL_ENOMEM;
	return RL_OK;
}
