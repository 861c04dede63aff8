/* quote_stage.h: the parts of the quote flag stage, rl_quotes_flag (quote.h), internal to its
 * four files:
 *
 *   quote_owner.c  the index the stage asks: which op holds a token, which tokens are quoted,
 *                  which outermost quotation holds a token, where quotations start and end
 *   quote_edges.c  the ops reshaped at the quotation marks before anything is judged: marks kept
 *                  in their roles, kept words slid out of a quotation, changes cut at its edges
 *   quote_gone.c   the judging of one quotation: is it gone as a whole (stranded, left between
 *                  changes), in site chrome, reworded where it stood?
 *   quote_flag.c   the stage itself: the ops refolded and split by those answers, quotations
 *                  restated, and the flags set
 *
 * The index reads the ops as of its last rl_qo_build: rebuild it after the ops change. */
#ifndef REDLINE_QUOTE_STAGE_H
#define REDLINE_QUOTE_STAGE_H

#include "ctx.h"

/* ---------------------------------------------------------------- the index (quote_owner.c) */

/* Per side, the op that holds each token, and where the quotations are, as short lists rather
 * than arrays per token (on a long text those were 13 bytes a token, the peak of the whole
 * comparison; then the op of each token, 4 bytes a token, was the peak on Chinese, a token a
 * character): the ops with tokens on the side by their first token (rl_qo_op_of searches them);
 * the stretches inside any quotation (merged, in order) with the quoted tokens before each, so
 * that a range holds quoted text when rl_qo_inq(hi) > rl_qo_inq(lo); the outermost quotations in
 * order; and the token positions where one starts or ends.
 *
 * Its fields are written by quote_owner.c only; the other files read them through the queries
 * below, inline because they run for every token looked at (as calls across files they cost the
 * stage 5 to 10 % more instructions, doc/performance.md). */
struct rl_qowner {
	uint32_t *lo[2], *k[2];  /* op k[i] starts at token lo[i], ascending; nk of them */
	size_t nk[2], capk[2];
	uint64_t *mv;            /* rl_qo_build's scratch: moved ops on OLD, a0 << 32 | op */
	size_t nmv, capmv;
	uint32_t *span0[2], *span1[2], *before[2];  /* merged quoted stretches [span0, span1) */
	size_t nspans[2];
	uint32_t *outer[2];  /* indices of the outermost quotations (depth 0), in order */
	size_t nouter[2];
	uint32_t *edges[2];  /* positions where a quotation starts or ends, ascending */
	size_t nedges[2];
	uint32_t *qix[2];    /* per token, only when outermost quotations overlap: the last one
	                      * holding it, or UINT32_MAX; NULL otherwise (found in outer[]) */
	size_t (*near)[4];   /* per side, where the last search in spans, outer, edges and lo ended
	                      * (rl_qo_count_at_most): near_at, written through a const rl_qowner */
	size_t near_at[2][4];
};

typedef struct rl_qowner rl_qowner;

/* A new index of c's quotations into *out (no ops yet: rl_qo_build before asking for any). */
int rl_qo_new(const rl_ctx *c, rl_qowner **out);
void rl_qo_free(rl_qowner *ow);

/* Index the ops with tokens on each side, by their first token there (again after a rewrite). */
int rl_qo_build(const rl_opvec *ops, rl_qowner *ow);


/* qsort's order of uint32_t. */
int rl_qo_cmp_u32(const void *x, const void *y);

/* Does op keep its tokens (equal, or moved)? */
static inline bool rl_qo_kept(const rl_op *op)
{
	return op->kind == RL_OP_EQUAL || op->kind == RL_OP_MOVE;
}

/* The ops holding the tokens of quotation q on side s, each once, in order: the kept ones (kept)
 * or the changes (!kept). Start with w = {q->t0, UINT32_MAX}; each rl_qo_next_op returns the
 * index of the next such op, UINT32_MAX when none is left. */
typedef struct rl_qo_walk {
	uint32_t t, last;  /* the next token to look at; the op returned last */
} rl_qo_walk;

/* Value i of an ascending list: v[i], or the start of quotation ix[i] when ix is given. */
static inline uint32_t rl_qo_sorted_at(const uint32_t *v, const uint32_t *ix,
                                       const rl_quotation *q, size_t i)
{
	return ix ? q[ix[i]].t0 : v[i];
}
/* How many of the list's n values are at most t, looked for from *near, the answer of the search
 * before (kept there): the ops come in order, so the answer is most often the same or one near
 * it, and the search gallops out from it before it halves (halving from scratch over the
 * quotations of a long text was a third of this stage's instructions). */
static inline size_t rl_qo_count_at_most(const uint32_t *v, const uint32_t *ix,
                                         const rl_quotation *q, size_t n, uint32_t t, size_t *near)
{
	size_t c = *near < n ? *near : n, lo = c, hi = c, step = 1;
	if (c < n && rl_qo_sorted_at(v, ix, q, c) <= t) {  /* more than c: gallop up */
		lo = c + 1;
		while (lo + step <= n && rl_qo_sorted_at(v, ix, q, lo + step - 1) <= t)
			lo += step, step *= 2;
		hi = lo + step <= n ? lo + step - 1 : n;
	} else if (c > 0 && rl_qo_sorted_at(v, ix, q, c - 1) > t) {  /* fewer: gallop down */
		hi = c - 1;
		while (hi >= step && rl_qo_sorted_at(v, ix, q, hi - step) > t)
			hi -= step, step *= 2;
		lo = hi >= step ? hi - step + 1 : 0;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (rl_qo_sorted_at(v, ix, q, mid) <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	*near = lo;
	return lo;
}
/* The last of v[0..n) at most t, as an index, or n when none is; *near as rl_qo_count_at_most's. */
static inline size_t rl_qo_last_at_most(const uint32_t *v, size_t n, uint32_t t, size_t *near)
{
	size_t lo = rl_qo_count_at_most(v, NULL, NULL, n, t, near);
	return lo ? lo - 1 : n;
}
/* Tokens before t inside a quotation of side s. */
static inline uint32_t rl_qo_inq(const rl_qowner *ow, int s, uint32_t t)
{
	size_t j = rl_qo_last_at_most(ow->span0[s], ow->nspans[s], t, &ow->near[s][0]);
	if (j == ow->nspans[s])
		return 0;
	uint32_t end = ow->span1[s][j] < t ? ow->span1[s][j] : t;
	return ow->before[s][j] + (end - ow->span0[s][j]);
}
/* The outermost quotation of side s holding token t, or UINT32_MAX. */
static inline uint32_t rl_qo_qix(const rl_ctx *c, const rl_qowner *ow, int s, uint32_t t)
{
	if (ow->qix[s])
		return ow->qix[s][t];
	const rl_quotation *q = c->side[s].quotes;
	/* the first outermost quotation starting after t */
	size_t lo = rl_qo_count_at_most(NULL, ow->outer[s], q, ow->nouter[s], t, &ow->near[s][1]);
	return lo && t < q[ow->outer[s][lo - 1]].t1 ? ow->outer[s][lo - 1] : UINT32_MAX;
}
/* Is token t of side s inside a quotation? */
static inline bool rl_qo_quoted_tok(const rl_qowner *ow, int s, uint32_t t)
{
	return rl_qo_inq(ow, s, t + 1) > rl_qo_inq(ow, s, t);
}
/* The edges of quotations strictly inside [lo, hi) of side s, in order, into cut[]
 * (at most max); returns their count. Inline with the other queries: the quotation flags ask it
 * of every change op on both sides (92,432 calls on a 1 MB wrapped pair), most finding none. */
static inline size_t rl_qo_edges_in(const rl_qowner *ow, int s, uint32_t lo, uint32_t hi,
                                    uint32_t *cut, size_t max)
{
	size_t n = 0, k = rl_qo_last_at_most(ow->edges[s], ow->nedges[s], lo, &ow->near[s][2]);
	for (k = k == ow->nedges[s] ? 0 : k + 1; k < ow->nedges[s] && ow->edges[s][k] < hi && n < max;
	     k++)
		cut[n++] = ow->edges[s][k];
	return n;
}
/* The op holding token t of side s (as of the last rl_qo_build). Most calls come in token order,
 * so the search starts where the one before ended. */
static inline uint32_t rl_qo_op_of(const rl_qowner *ow, int s, uint32_t t)
{
	const uint32_t *lo = ow->lo[s];
	size_t i = ow->near[s][3], n = ow->nk[s];
	if (i > 0 && i <= n && lo[i - 1] <= t && (i == n || lo[i] > t))
		return ow->k[s][i - 1];  /* the op the search before found */
	i = rl_qo_count_at_most(lo, NULL, NULL, n, t, &ow->near[s][3]);
	return ow->k[s][i ? i - 1 : 0];
}
static inline uint32_t rl_qo_next_op(const rl_qowner *ow, const rl_opvec *ops, int s,
                                     const rl_quotation *q, bool kept, rl_qo_walk *w)
{
	while (w->t < q->t1) {
		uint32_t k = rl_qo_op_of(ow, s, w->t);
		uint32_t hi = rl_hi(&ops->v[k], s);  /* the op's other tokens are its own */
		w->t = hi > w->t ? hi : w->t + 1;
		if (k == w->last || rl_qo_kept(&ops->v[k]) != kept)
			continue;
		w->last = k;
		return k;
	}
	return UINT32_MAX;
}
/* Is op inside quotation q on side s (its tokens there, or its place when it has none)? */
static inline bool rl_qo_op_inside(const rl_op *op, int s, const rl_quotation *q)
{
	uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s);
	return hi > lo ? lo >= q->t0 && hi <= q->t1 : lo > q->t0 && lo < q->t1;
}

/* ---------------------------------------------------------------- the judging (quote_gone.c) */

/* Is quotation q of side s gone as a whole: removed (OLD) or added (NEW), the few words it keeps
 * kept by coincidence? */
bool rl_qo_gone(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, int s,
                const rl_quotation *q);

/* Are the few words quotation q of side s keeps matched by coincidence, stranded among changed
 * words on the other side (one of the ways rl_qo_gone finds a quotation gone)? */
bool rl_qo_stranded(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, int s,
                    const rl_quotation *q);

/* Do the words quotation q of side s keeps stand inside a quotation on the other side too? */
bool rl_qo_quoted_there(const rl_qowner *ow, const rl_opvec *ops, int s, const rl_quotation *q);

/* Does quotation q of side s stand in site chrome (short lines that are no sentences) that
 * shares nothing with the other side? Then it is not flagged. */
bool rl_qo_in_chrome(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, int s,
                     const rl_quotation *q);

/* Does quotation q of NEW, gone as a whole, stand where OLD had about as many unquoted words
 * (speech reworded and put in marks: no quotation added)? */
bool rl_qo_rewords_unquoted(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops,
                            const rl_quotation *q);

/* Was quotation q of side s, gone as a whole, reworded where it stood: as many quoted words put
 * there on the other side (one quotation altered, not one removed and another added)? */
bool rl_qo_requoted(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, int s,
                    const rl_quotation *q);

/* ---------------------------------------------------------------- the ops reshaped (quote_edges.c) */

/* Every equal op whose first or last token is a mark kept in the other role, with a change
 * beside it that holds the mark in the right one, keeps the mark in its role. */
int rl_qo_marks_in_role(rl_ctx *c, rl_opvec *ops);

/* Kept words at the end of a quotation that a change just before it holds too, outside it: the
 * copy outside is kept, so that the quotation goes as a whole. */
void rl_qo_slide_out(const rl_ctx *c, const rl_qowner *ow, rl_opvec *ops);

/* Kept words that end a quotation and stand again just after it, in the change that follows,
 * outside it: the copy outside is kept, so that the quotation goes as a whole. */
int rl_qo_slide_past(rl_ctx *c, const rl_qowner *ow, rl_opvec *ops);

/* The changes cut at the edges of the quotations they cover in part. */
int rl_qo_cut_at_quotes(rl_ctx *c, const rl_qowner *ow, rl_opvec *ops);

#endif
