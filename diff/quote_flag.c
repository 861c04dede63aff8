/* quote_flag.c: flagging the ops that change quotations (rl_quotes_flag, quote.h). The
 * quotations were found by quote.c. */
#include "quote.h"

#include <stdlib.h>
#include <string.h>

#include "status.h"

/* A quotation that keeps less than one word in this many was removed (or added) as a whole; the
 * odd word matched by coincidence inside it does not save it. */
#define GONE_RATIO 5

/* How much a flag matters: a stronger one wins when an op touches several quotations. */
static int strength(uint8_t q)
{
	static const int rank[RL_QUOTE_KINDS] = {
		[RL_QUOTE_NONE] = 0, [RL_QUOTE_ADDED] = 1, [RL_QUOTE_ALTERED] = 2,
		[RL_QUOTE_ELIDED] = 3, [RL_QUOTE_REMOVED] = 4,
	};
	return q < RL_QUOTE_KINDS ? rank[q] : 0;
}

static void flag(rl_op *op, uint8_t q)
{
	if (strength(q) > strength(op->quote))
		op->quote = q;
}

static bool is_kept(const rl_op *op)
{
	return op->kind == RL_OP_EQUAL || op->kind == RL_OP_MOVE;
}

/* Per side, the op that holds each token, and where the quotations are, as short lists rather
 * than arrays per token (on a long text those were 13 bytes a token, the peak of the whole
 * comparison; then the op of each token, 4 bytes a token, was the peak on Chinese, a token a
 * character): the ops with tokens on the side by their first token (op_of searches them); the
 * stretches inside any quotation (merged, in order) with the quoted tokens before each, so that a
 * range holds quoted text when inq(hi) > inq(lo); the outermost quotations in order; and the
 * token positions where one starts or ends. */
typedef struct owner {
	uint32_t *lo[2], *k[2];  /* op k[i] starts at token lo[i], ascending; nk of them */
	size_t nk[2], capk[2];
	uint64_t *mv;            /* owner_build's scratch: moved ops on OLD, a0 << 32 | op */
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
	                      * (count_at_most): near_at, written through a const owner */
	size_t near_at[2][4];
} owner;

static void owner_free(owner *ow)
{
	for (int s = 0; s < 2; s++) {
		free(ow->lo[s]), free(ow->k[s]);
		free(ow->span0[s]), free(ow->span1[s]), free(ow->before[s]);
		free(ow->outer[s]);
		free(ow->edges[s]);
		free(ow->qix[s]);
	}
	free(ow->mv);
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t p = *(const uint32_t *)x, q = *(const uint32_t *)y;
	return (p > q) - (p < q);
}

/* Value i of an ascending list: v[i], or the start of quotation ix[i] when ix is given. */
static inline uint32_t sorted_at(const uint32_t *v, const uint32_t *ix, const rl_quotation *q,
                                 size_t i)
{
	return ix ? q[ix[i]].t0 : v[i];
}

/* How many of the list's n values are at most t, looked for from *near, the answer of the search
 * before (kept there): the ops come in order, so the answer is most often the same or one near
 * it, and the search gallops out from it before it halves (halving from scratch over the
 * quotations of a long text was a third of this stage's instructions). */
static size_t count_at_most(const uint32_t *v, const uint32_t *ix, const rl_quotation *q,
                            size_t n, uint32_t t, size_t *near)
{
	size_t c = *near < n ? *near : n, lo = c, hi = c, step = 1;
	if (c < n && sorted_at(v, ix, q, c) <= t) {  /* more than c: gallop up */
		lo = c + 1;
		while (lo + step <= n && sorted_at(v, ix, q, lo + step - 1) <= t)
			lo += step, step *= 2;
		hi = lo + step <= n ? lo + step - 1 : n;
	} else if (c > 0 && sorted_at(v, ix, q, c - 1) > t) {  /* fewer: gallop down */
		hi = c - 1;
		while (hi >= step && sorted_at(v, ix, q, hi - step) > t)
			hi -= step, step *= 2;
		lo = hi >= step ? hi - step + 1 : 0;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sorted_at(v, ix, q, mid) <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	*near = lo;
	return lo;
}

/* The last of v[0..n) at most t, as an index, or n when none is; *near as count_at_most's. */
static size_t last_at_most_near(const uint32_t *v, size_t n, uint32_t t, size_t *near)
{
	size_t lo = count_at_most(v, NULL, NULL, n, t, near);
	return lo ? lo - 1 : n;
}

/* The same without a search before it to start from. */
static inline size_t last_at_most(const uint32_t *v, size_t n, uint32_t t)
{
	size_t near = 0;
	return last_at_most_near(v, n, t, &near);
}

/* Tokens before t inside a quotation of side s. */
static uint32_t inq(const owner *ow, int s, uint32_t t)
{
	size_t j = last_at_most_near(ow->span0[s], ow->nspans[s], t, &ow->near[s][0]);
	if (j == ow->nspans[s])
		return 0;
	uint32_t end = ow->span1[s][j] < t ? ow->span1[s][j] : t;
	return ow->before[s][j] + (end - ow->span0[s][j]);
}

/* The outermost quotation of side s holding token t, or UINT32_MAX. */
static uint32_t qix(const rl_ctx *c, const owner *ow, int s, uint32_t t)
{
	if (ow->qix[s])
		return ow->qix[s][t];
	const rl_quotation *q = c->side[s].quotes;
	/* the first outermost quotation starting after t */
	size_t lo = count_at_most(NULL, ow->outer[s], q, ow->nouter[s], t, &ow->near[s][1]);
	return lo && t < q[ow->outer[s][lo - 1]].t1 ? ow->outer[s][lo - 1] : UINT32_MAX;
}

static int quoted_build(const rl_ctx *c, owner *ow)
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
		/* The quotations are in order of their start: merge them into stretches. */
		size_t n = 0;
		uint32_t quoted = 0;
		for (size_t x = 0; x < nq; x++) {
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
		/* The outermost ones and whether two of them overlap; the edges of all. */
		size_t no = 0, ne = 0;
		bool overlap = false;
		for (size_t x = 0; x < nq; x++) {
			if (sd->quotes[x].depth != 0)
				continue;
			if (no && sd->quotes[x].t0 < sd->quotes[ow->outer[s][no - 1]].t1)
				overlap = true;
			ow->outer[s][no++] = (uint32_t)x;
		}
		for (size_t x = 0; x < nq; x++) {  /* nested ones too: each flag over its own span */
			ow->edges[s][ne++] = sd->quotes[x].t0;
			ow->edges[s][ne++] = sd->quotes[x].t1;
		}
		ow->nouter[s] = no;
		qsort(ow->edges[s], ne, sizeof *ow->edges[s], cmp_u32);
		size_t u = 0;
		for (size_t k = 0; k < ne; k++)
			if (u == 0 || ow->edges[s][k] != ow->edges[s][u - 1])
				ow->edges[s][u++] = ow->edges[s][k];
		ow->nedges[s] = u;
		if (!overlap)
			continue;
		uint32_t *qx = malloc(((size_t)sd->n + 1) * sizeof *qx);
		if (!qx)
			return RL_ENOMEM;
		ow->qix[s] = qx;
		memset(qx, 0xff, ((size_t)sd->n + 1) * sizeof *qx);
		for (size_t k = 0; k < no; k++)
			for (uint32_t t = sd->quotes[ow->outer[s][k]].t0; t < sd->quotes[ow->outer[s][k]].t1; t++)
				qx[t] = ow->outer[s][k];
	}
	return RL_OK;
}

static bool quoted_tok(const owner *ow, int s, uint32_t t)
{
	return inq(ow, s, t + 1) > inq(ow, s, t);
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t p = *(const uint64_t *)x, q = *(const uint64_t *)y;
	return (p > q) - (p < q);
}

/* Add op x starting at token lo to the list of moved ones (a0 << 32 | x), grown as needed. */
static int moved_push(owner *ow, uint32_t lo, size_t x)
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
static int merge_moved(owner *ow, int s, size_t n, bool sorted)
{
	uint32_t *lo = ow->lo[s], *k = ow->k[s];
	for (size_t i = 0; !sorted && i < n; i++)
		if (moved_push(ow, lo[i], k[i]) != RL_OK)
			return RL_ENOMEM;
	n = sorted ? n : 0;
	size_t nm = ow->nmv;
	qsort(ow->mv, nm, sizeof *ow->mv, cmp_u64);
	/* From the back (lo[] and k[] have room for all), the others moved a block at a time: the
	 * moved ops are few. */
	for (size_t i = n, j = nm; j-- > 0;) {
		uint32_t at = (uint32_t)(ow->mv[j] >> 32);
		size_t near = i, pos = count_at_most(lo, NULL, NULL, i, at, &near);
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
static int owner_build(const rl_opvec *ops, owner *ow)
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

/* The op holding token t of side s (as of the last owner_build). Most calls come in token order,
 * so the search starts where the one before ended. */
static uint32_t op_of(const owner *ow, int s, uint32_t t)
{
	const uint32_t *lo = ow->lo[s];
	size_t i = ow->near[s][3], n = ow->nk[s];
	if (i > 0 && i <= n && lo[i - 1] <= t && (i == n || lo[i] > t))
		return ow->k[s][i - 1];  /* the op the search before found */
	i = count_at_most(lo, NULL, NULL, n, t, &ow->near[s][3]);
	return ow->k[s][i ? i - 1 : 0];
}

/* The ops holding the tokens of quotation q on side s, each once, in order: the kept ones (kept)
 * or the changes (!kept). Start with w = {q->t0, UINT32_MAX}; each call returns the index of the
 * next such op, UINT32_MAX when none is left. */
typedef struct op_walk {
	uint32_t t, last;  /* the next token to look at; the op returned last */
} op_walk;

static uint32_t next_op(const owner *ow, const rl_opvec *ops, int s, const rl_quotation *q,
                        bool kept, op_walk *w)
{
	while (w->t < q->t1) {
		uint32_t k = op_of(ow, s, w->t);
		uint32_t hi = rl_hi(&ops->v[k], s);  /* the op's other tokens are its own */
		w->t = hi > w->t ? hi : w->t + 1;
		if (k == w->last || is_kept(&ops->v[k]) != kept)
			continue;
		w->last = k;
		return k;
	}
	return UINT32_MAX;
}

/* Words of quotation q (side s) that are kept in NEW (or come from OLD); *content: how many of
 * them are content words, *has_content: whether q holds any. */
static uint32_t kept_words(const rl_ctx *c, const owner *ow, const rl_opvec *ops, int s,
                           const rl_quotation *q, uint32_t *content, bool *has_content)
{
	uint32_t k = 0;
	*content = 0;
	*has_content = false;
	for (uint32_t t = q->t0; t < q->t1; t++) {
		if (c->side[s].tok[t].cls != RL_TOK_WORD)
			continue;
		bool is_content = rl_is_content(c, s, t);
		*has_content |= is_content;
		if (is_kept(&ops->v[op_of(ow, s, t)]))
			k++, *content += is_content;
	}
	return k;
}

/* Is quotation q of side s a quotation on the other side too: do the words it keeps stand inside
 * a quotation there? When they do not, marks were only added (or dropped) around kept words: a
 * translation that quotes speech its original gave without marks changes no quotation. */
static bool quoted_there(const owner *ow, const rl_opvec *ops, int s, const rl_quotation *q)
{
	int o = !s;
	op_walk w = {q->t0, UINT32_MAX};
	for (uint32_t k; (k = next_op(ow, ops, s, q, true, &w)) != UINT32_MAX;) {
		const rl_op *op = &ops->v[k];
		uint32_t lo = rl_lo(op, s) > q->t0 ? rl_lo(op, s) : q->t0;
		uint32_t hi = rl_hi(op, s) < q->t1 ? rl_hi(op, s) : q->t1;
		uint32_t olo = rl_lo(op, o), ohi = rl_hi(op, o);
		uint32_t x0 = olo + (lo - rl_lo(op, s)), x1 = olo + (hi - rl_lo(op, s));
		x0 = x0 < ohi ? x0 : ohi;  /* an equal op under ignore_punct may differ in length */
		x1 = x1 < ohi ? x1 : ohi;
		if (inq(ow, o, x1) > inq(ow, o, x0))
			return true;
	}
	return false;
}

/* Is op inside quotation q on side s (its tokens there, or its place when it has none)? */
static bool op_inside(const rl_op *op, int s, const rl_quotation *q)
{
	uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s);
	return hi > lo ? lo >= q->t0 && hi <= q->t1 : lo > q->t0 && lo < q->t1;
}

/* The word nearest to token t of side o, looking back (dir < 0, from the token before t) or
 * ahead (from t), inside its paragraph: 0 there is none, 1 it is kept, 2 it is in a rewording, 3
 * it is new text (a change that holds no word of the other side). */
static int near_word(const rl_ctx *c, const owner *ow, const rl_opvec *ops, int o, uint32_t t,
                     int dir)
{
	const rl_side *sd = &c->side[o];
	uint32_t x = t;
	if (dir < 0) {
		while (x > 0 && sd->tok[x].gap != RL_GAP_PARA && sd->tok[x - 1].cls != RL_TOK_WORD)
			x--;
		if (x == 0 || sd->tok[x].gap == RL_GAP_PARA)
			return 0;
		x--;
	} else {
		while (x < sd->n && (x == 0 || sd->tok[x].gap != RL_GAP_PARA) &&
		       sd->tok[x].cls != RL_TOK_WORD)
			x++;
		if (x == sd->n || (x > 0 && sd->tok[x].gap == RL_GAP_PARA))
			return 0;
	}
	const rl_op *op = &ops->v[op_of(ow, o, x)];
	return is_kept(op) ? 1 : rl_op_words(c, op, !o) > 0 ? 2 : 3;
}

/* Are tokens [lo, hi) of a side glued between two words ("." in "X.509", "-" in "e-mail")? */
static bool glued_inside(const rl_side *sd, uint32_t lo, uint32_t hi)
{
	return lo > 0 && hi < sd->n && hi > lo && sd->tok[lo].gap == RL_GAP_NONE &&
	       sd->tok[hi].gap == RL_GAP_NONE && sd->tok[lo - 1].cls == RL_TOK_WORD &&
	       sd->tok[hi].cls == RL_TOK_WORD;
}

/* Tokens looked at for a paragraph break between two places: further apart, they are apart. */
#define PARA_REACH 2000

/* Does a paragraph start between tokens t0 and t1 of a side (t0 < t1, or none is)? */
static bool para_apart(const rl_side *sd, uint32_t t0, uint32_t t1)
{
	if (t1 <= t0)
		return false;
	if (t1 - t0 > PARA_REACH)
		return true;
	for (uint32_t t = t0 + 1; t <= t1 && t < sd->n; t++)
		if (sd->tok[t].gap == RL_GAP_PARA)
			return true;
	return false;
}

/* The paragraph of a side around the place before token t (t itself when it starts none),
 * [*p0, *p1), looked for inside [lo, hi) only (the tokens the caller counts). */
static void para_around(const rl_side *sd, uint32_t t, uint32_t lo, uint32_t hi, uint32_t *p0,
                        uint32_t *p1)
{
	uint32_t x = t < sd->n ? t : sd->n;
	while (x > lo && (x == sd->n || sd->tok[x].gap != RL_GAP_PARA))
		x--;
	*p0 = x;
	x = t + 1;
	while (x < hi && x < sd->n && sd->tok[x].gap != RL_GAP_PARA)
		x++;
	*p1 = x < sd->n ? x : sd->n;
}

/* Words a quotation may keep by coincidence and still be gone (see stranded()). */
#define STRANDED_WORDS 3

/* Tokens of a sentence looked at for its kept words: a longer one is no sentence to judge. */
#define SENTENCE_REACH 400

/* Is the sentence around quotation q of OLD gone: does the text of the units it stands in keep
 * less than one word in GONE_RATIO outside the quotation, of four at least? The few words the
 * quotation keeps are then coincidence whatever stands around them on the other side ("Writes X
 * into the entry of the “warm buckets” table." against "- First check the buckets index": two
 * rewordings around "buckets", or "the" kept before it, and nothing else of the sentence). */
static bool sentence_gone(const rl_ctx *c, const owner *ow, const rl_opvec *ops, int s,
                          const rl_quotation *q)
{
	const rl_side *sd = &c->side[s];
	if (s != RL_OLD || !sd->unit || !sd->ustart || sd->nunits == 0)
		return false;
	uint32_t lo = sd->ustart[sd->unit[q->t0]], hi = sd->ustart[sd->unit[q->t1 - 1] + 1];
	if (hi - lo > SENTENCE_REACH)
		return false;
	uint32_t words = 0, kept = 0;
	for (uint32_t t = lo; t < hi; t++) {
		if (t == q->t0)
			t = q->t1;
		if (t >= hi)
			break;
		if (sd->tok[t].cls != RL_TOK_WORD)
			continue;
		words++;
		kept += is_kept(&ops->v[op_of(ow, s, t)]);
	}
	return words >= 4 && kept * GONE_RATIO < words;
}

/* Are the few words quotation q of side s keeps (STRANDED_WORDS at most, in runs that do not
 * reach past its marks; more, under half its words, when all stand in another paragraph than
 * where it stood) matched by coincidence: does each run stand on the other side between
 * changed words, inserted ones on one side at least, outside every quotation ("not “Transparent”
 * is called" against a bullet "- Transparent. An image format"), or in another paragraph than
 * the one where the quotation's changed opening mark went (a bullet list below that repeats
 * "509 certificates" of "“X.509 certificates”"), or anywhere when the sentence around the
 * quotation is gone too (sentence_gone)? Punctuation kept inside a word ("X.509")
 * counts for nothing. Marks taken from words that stay have those words' neighbours kept around
 * them, and a quotation reworded where it stood (a translation that quotes speech) has
 * rewordings around them. */
static bool stranded(const rl_ctx *c, const owner *ow, const rl_opvec *ops, int s,
                     const rl_quotation *q)
{
	int o = !s;
	uint32_t kept = 0, near = 0;  /* words kept; of them, in the paragraph where it stood */
	/* Where the quotation starts on the other side, when its opening mark was changed. */
	const rl_op *first = &ops->v[op_of(ow, s, q->t0)];
	uint32_t from_o = is_kept(first) ? UINT32_MAX : rl_lo(first, o);
	bool one_para = !para_apart(&c->side[s], q->t0, q->t1 - 1);
	op_walk w = {q->t0, UINT32_MAX};
	for (uint32_t k; (k = next_op(ow, ops, s, q, true, &w)) != UINT32_MAX;) {
		const rl_op *op = &ops->v[k];
		if (op->move || !op_inside(op, s, q))
			return false;
		uint32_t words = rl_op_words(c, op, s);
		if (words == 0 && glued_inside(&c->side[s], rl_lo(op, s), rl_hi(op, s)))
			continue;  /* the full stop of "X.509" kept tells nothing */
		kept += words;
		if (one_para && from_o != UINT32_MAX && para_apart(&c->side[o], from_o, rl_lo(op, o)))
			continue;  /* matched in another paragraph than where the quotation stood */
		near += words;
		if (kept > STRANDED_WORDS)
			return false;
		int before = near_word(c, ow, ops, o, rl_lo(op, o), -1);
		int after = near_word(c, ow, ops, o, rl_hi(op, o), 1);
		if ((before < 2 || after < 2 || (before < 3 && after < 3)) &&
		    !sentence_gone(c, ow, ops, s, q))
			return false;
	}
	/* More words, all restated in another paragraph (a bullet below that repeats part of a
	 * quoted message the link above lost): the quotation left its place, when it kept less than
	 * half its words. */
	if (kept > STRANDED_WORDS && (near > 0 || kept * 2 >= rl_words(c, s, q->t0, q->t1)))
		return false;
	return kept > 0 && !quoted_there(ow, ops, s, q);
}

/* Is quotation q gone as a whole: less than one word in GONE_RATIO kept, or, for a quotation of
 * OLD, only function words ("a", "of") matched by coincidence where it had content words, or a
 * few words stranded among new text on the other side? (A quotation of NEW that keeps "here" of
 * "Lo here" is a rewording, not a new quotation.) */
static bool gone(const rl_ctx *c, const owner *ow, const rl_opvec *ops, int s,
                 const rl_quotation *q)
{
	uint32_t w = rl_words(c, s, q->t0, q->t1), content;
	bool has_content;
	uint32_t kept = kept_words(c, ow, ops, s, q, &content, &has_content);
	return w > 0 && (kept * GONE_RATIO < w || (s == RL_OLD && has_content && content == 0) ||
	                 stranded(c, ow, ops, s, q));
}

/* A quotation gone as a whole is one removed (or added) quotation, and counts once: the ops
 * inside it (a word matched by coincidence, "the", among them, or a deletion and a replace that
 * the diff cut apart) are folded into one change. The ops [*k0, *k1] inside quotation q of side
 * s, when there are several, none moved, each continuing the one before. */
static bool gone_run(const rl_ctx *c, const rl_opvec *ops, const owner *ow, int s,
                     const rl_quotation *q, size_t *out0, size_t *out1, bool *apart,
                     bool *clean_out)
{
	if (!gone(c, ow, ops, s, q))
		return false;
	*apart = stranded(c, ow, ops, s, q);
	size_t k0 = op_of(ow, s, q->t0), k1 = op_of(ow, s, q->t1 - 1);
	while (k0 < k1 && !op_inside(&ops->v[k0], s, q))
		k0++;
	while (k1 > k0 && !op_inside(&ops->v[k1], s, q))
		k1--;
	/* Marks and signs kept at its edges ("“-" of "“-64”") stay kept: no word of it is there. */
	while (k0 < k1 && is_kept(&ops->v[k0]) && rl_op_words(c, &ops->v[k0], s) == 0)
		k0++;
	while (k1 > k0 && is_kept(&ops->v[k1]) && rl_op_words(c, &ops->v[k1], s) == 0)
		k1--;
	bool clean = k0 < k1;
	for (size_t k = k0; k <= k1 && clean; k++) {
		const rl_op *op = &ops->v[k];
		clean = !op->move && op_inside(op, s, q) &&
		        (k == k0 || (op->a0 == ops->v[k - 1].a1 && op->b0 == ops->v[k - 1].b1));
	}
	*out0 = k0, *out1 = k1;
	*clean_out = clean;
	if (!clean)  /* other changes between its ops: its stranded words are split one by one */
		return *apart && k0 < k1;
	/* New words the diff paired only with the quotation's marks or punctuation (“x.” against
	 * ".\n- A bullet below") are no rewording of it: a change of their own. */
	uint32_t new_words = 0, reworded = 0;
	for (size_t k = k0; k <= k1 && clean; k++) {
		uint32_t nw = rl_op_words(c, &ops->v[k], !s);
		new_words += nw;
		if (!is_kept(&ops->v[k]) && rl_op_words(c, &ops->v[k], s) > 0)
			reworded += nw;
	}
	if (new_words > 0 && reworded == 0)
		*apart = true;
	return true;
}

static int fold_gone(rl_ctx *c, rl_opvec *ops, owner *ow)
{
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c->side[s];
		rl_opvec out = rl_ctx_scratch(c, ops->n);
		size_t next = 0;  /* ops before it are in out */
		int rc = RL_OK;
		for (size_t x = 0; x < sd->nquotes && rc == RL_OK; x++) {
			size_t k0, k1;
			bool apart, clean;
			const rl_quotation *q = &sd->quotes[x];
			if (!gone_run(c, ops, ow, s, q, &k0, &k1, &apart, &clean) || k0 < next)
				continue;
			rc = rl_opvec_append(&out, ops->v + next, k0 - next);
			next = k0;
			if (!clean) {
				/* Words restated in another paragraph, with moved or new text between:
				 * each kept op of the quotation becomes its deletion and an insertion. */
				for (size_t k = k0; k <= k1 && rc == RL_OK; k++) {
					const rl_op *op = &ops->v[k];
					if (is_kept(op) && !op->move && op_inside(op, s, q) &&
					    rl_op_words(c, op, s) > 0)
						rc = rl_opvec_push_split(&out, op);
					else
						rc = rl_opvec_push(&out, op);
				}
				next = k1 + 1;
				continue;
			}
			rl_op m = {ops->v[k0].a0, ops->v[k1].a1, ops->v[k0].b0, ops->v[k1].b1, 0, 0, 0};
			m.kind = rl_change_kind(m.a1 > m.a0, m.b1 > m.b0);
			if (rc == RL_OK && apart && m.a1 > m.a0 && m.b1 > m.b0) {
				/* The other side's words were new text around a coincidence: no part of
				 * the quotation, a change of their own. */
				rc = rl_opvec_push_split(&out, &m);
			} else if (rc == RL_OK) {
				rc = rl_opvec_push(&out, &m);
			}
			next = k1 + 1;
		}
		if (rc == RL_OK && next > 0) {
			rc = rl_opvec_append(&out, ops->v + next, ops->n - next);
			if (rc == RL_OK) {
				rl_opvec_swap(ops, &out);
				rc = owner_build(ops, ow);
			}
		}
		rl_ctx_recycle(c, &out);
		if (rc != RL_OK)
			return rc;
	}
	return RL_OK;
}

/* Does op put an ellipsis in NEW where OLD had words? */
static bool has_ellipsis(const rl_ctx *c, const rl_op *op)
{
	for (uint32_t t = op->b0; t < op->b1; t++)
		if (rl_tok_idf(c, RL_NEW, t) & RL_IDF_ELLIPSIS)
			return true;
	return false;
}

/* Do op k and the changes right next to it drop words of OLD and put an ellipsis in NEW (the
 * ellipsis may stand in a neighbouring op: "we do[.]{…} [I'm basically ... innovations.]")? */
static bool elides(const rl_ctx *c, const rl_opvec *ops, size_t k)
{
	size_t lo = k > 0 && !is_kept(&ops->v[k - 1]) ? k - 1 : k;
	size_t hi = k + 1 < ops->n && !is_kept(&ops->v[k + 1]) ? k + 1 : k;
	bool dropped = false, ellipsis = false;
	for (size_t x = lo; x <= hi; x++) {
		dropped |= rl_op_words(c, &ops->v[x], RL_OLD) > 0;
		ellipsis |= has_ellipsis(c, &ops->v[x]);
	}
	return dropped && ellipsis;
}

/* Old words a rewording may stand for, at most, per new word (and a few more): a long passage
 * deleted beside a short quotation is no speech put in marks. */
#define REWORD_SPREAD 2
#define REWORD_SLACK 2

/* Does NEW quotation q, gone as a whole, stand where OLD had about as many words, none of them
 * quoted? Then speech given without marks was reworded and put in marks ("Weep not." → "“Don’t
 * cry.”"): no quotation was added. The place is the run of changes around the quotation, from
 * the kept words before it to those after it, inside the paragraph of OLD where it stands: the
 * diff often takes the old words in a deletion of their own beside the quotation ("answered
 * him[-and said, Thou sayest it-] {+,+} [-.-]{+“So you say.”+}"). */
static bool rewords_unquoted(const rl_ctx *c, const owner *ow, const rl_opvec *ops,
                             const rl_quotation *q)
{
	const rl_side *old = &c->side[RL_OLD];
	size_t k0 = op_of(ow, RL_NEW, q->t0), k1 = op_of(ow, RL_NEW, q->t1 - 1);
	while (k0 > 0 && !is_kept(&ops->v[k0 - 1]))
		k0--;
	while (k1 + 1 < ops->n && !is_kept(&ops->v[k1 + 1]))
		k1++;
	uint32_t u0 = 0, u1 = 0, v0 = 0, v1 = 0;
	para_around(old, ops->v[op_of(ow, RL_NEW, q->t0)].a0, ops->v[k0].a0, ops->v[k1].a1, &u0, &v0);
	para_around(old, ops->v[op_of(ow, RL_NEW, q->t1 - 1)].a1, ops->v[k0].a0, ops->v[k1].a1, &v1,
	            &u1);
	uint32_t old_words = 0, new_words = 0;
	for (size_t x = k0; x <= k1; x++) {
		const rl_op *op = &ops->v[x];
		if (is_kept(op))
			continue;
		new_words += rl_op_words(c, op, RL_NEW);
		uint32_t a0 = op->a0 > u0 ? op->a0 : u0, a1 = op->a1 < u1 ? op->a1 : u1;
		if (a1 <= a0)
			continue;
		if (inq(ow, RL_OLD, a1) > inq(ow, RL_OLD, a0))
			return false;
		old_words += rl_words(c, RL_OLD, a0, a1);
	}
	return old_words > 0 && 2 * old_words >= new_words &&
	       old_words <= REWORD_SPREAD * new_words + REWORD_SLACK;
}

/* Was quotation q of side s, gone as a whole, reworded where it stood: do the changes that took
 * its words put at least as many quoted words there on the other side ("“用户和组”" →
 * "「使用者和組」", a conversion that leaves no character of a short quotation)? Then one
 * quotation was altered, not one removed and another added. */
static bool requoted(const rl_ctx *c, const owner *ow, const rl_opvec *ops, int s,
                     const rl_quotation *q)
{
	int o = !s;
	uint32_t quoted = 0, words = 0;
	op_walk w = {q->t0, UINT32_MAX};
	for (uint32_t k; (k = next_op(ow, ops, s, q, false, &w)) != UINT32_MAX;) {
		const rl_op *op = &ops->v[k];
		for (uint32_t x = rl_lo(op, o); x < rl_hi(op, o); x++)
			if (quoted_tok(ow, o, x) && c->side[o].tok[x].cls == RL_TOK_WORD)
				quoted++;
		words += rl_words(c, s, rl_lo(op, s), rl_hi(op, s));
	}
	return quoted > 0 && 2 * quoted >= words;
}

/* Does op take words of a quotation of side s that the other side keeps as a quotation, and put
 * text outside every quotation there in their place? ("This" of a quotation whose other words a
 * summary still quotes, against "- Mayor Okafor, who backed the sale, said the" before it.) */
static bool leaves_quotation(const rl_ctx *c, const owner *ow, const rl_opvec *ops,
                             const rl_op *op, int s, uint8_t *kept_quoted)
{
	int o = !s;
	uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s), olo = rl_lo(op, o), ohi = rl_hi(op, o);
	if (hi <= lo || ohi <= olo)
		return false;
	/* (Most replaces are in no quotation: that is asked first.) */
	uint32_t x = qix(c, ow, s, lo);
	if (x == UINT32_MAX || qix(c, ow, s, hi - 1) != x || rl_words(c, o, olo, ohi) == 0 ||
	    inq(ow, o, ohi) > inq(ow, o, olo))
		return false;
	/* Whether the quotation is kept and quoted on the other side reads all of it: once per
	 * quotation (kept_quoted[x]: 0 not known yet, 1 yes, 2 no), not once per op inside it. */
	if (!kept_quoted[x]) {
		const rl_quotation *q = &c->side[s].quotes[x];
		kept_quoted[x] = !gone(c, ow, ops, s, q) && quoted_there(ow, ops, s, q) ? 1 : 2;
	}
	return kept_quoted[x] == 1;
}

/* A replace that pairs words of a quotation with text outside the other side's quotation is a
 * deletion and an insertion: the quotation lost words (a flag on its side), and the new text is
 * no part of it (no flag there). */
static int split_leaving(rl_ctx *c, owner *ow, rl_opvec *ops)
{
	uint8_t *kept_quoted[2] = {calloc(c->side[0].nquotes + 1, 1),
	                           calloc(c->side[1].nquotes + 1, 1)};
	if (!kept_quoted[0] || !kept_quoted[1]) {
		free(kept_quoted[0]);
		free(kept_quoted[1]);
		return RL_ENOMEM;
	}
	rl_opvec out = rl_ctx_scratch(c, ops->n);
	int rc = RL_OK;
	bool any = false;
	for (size_t k = 0; k < ops->n && rc == RL_OK; k++) {
		rl_op op = ops->v[k];
		bool cut = op.kind == RL_OP_REPLACE &&
		           (leaves_quotation(c, ow, ops, &op, RL_OLD, kept_quoted[RL_OLD]) ||
		            leaves_quotation(c, ow, ops, &op, RL_NEW, kept_quoted[RL_NEW]));
		if (!cut) {
			rc = rl_opvec_push(&out, &op);
			continue;
		}
		rc = rl_opvec_push_split(&out, &op);
		any = true;
	}
	if (rc == RL_OK && any) {
		rl_opvec_swap(ops, &out);
		rc = owner_build(ops, ow);
	}
	rl_ctx_recycle(c, &out);
	free(kept_quoted[0]);
	free(kept_quoted[1]);
	return rc;
}

/* A quotation gone as a whole (judged[s][x] & 2) whose words a replace pairs with words outside every quotation of
 * the other side ("“It containeth that which aideth the growth of plants.”" against the next
 * sentence, "In-place upgrade of the value."): the quotation was removed (or added), and the
 * other side's words are a change of their own, no part of it. Such replaces become a deletion
 * and an insertion, so that the flag stays on the quotation. (A quotation reworded in marks,
 * requoted(), or speech put in marks, rewords_unquoted(), keeps its replaces.) */
static int split_gone(rl_ctx *c, owner *ow, rl_opvec *ops, uint8_t *const judged[2])
{
	uint8_t *cut = calloc(ops->n + 1, 1);
	if (!cut)
		return RL_ENOMEM;
	bool any = false;
	for (int s = 0; s < 2; s++) {
		int o = !s;
		for (size_t x = 0; x < c->side[s].nquotes; x++) {
			const rl_quotation *q = &c->side[s].quotes[x];
			bool first = true;
			if (!(judged[s][x] & 2))
				continue;
			op_walk w = {q->t0, UINT32_MAX};
			for (uint32_t k; (k = next_op(ow, ops, s, q, false, &w)) != UINT32_MAX;) {
				const rl_op *op = &ops->v[k];
				if (op->kind != RL_OP_REPLACE || !op_inside(op, s, q) ||
				    rl_op_words(c, op, o) == 0 ||
				    inq(ow, o, rl_hi(op, o)) > inq(ow, o, rl_lo(op, o)))
					continue;
				if (first) {  /* neither reworded in marks nor put in them? */
					first = false;
					if (requoted(c, ow, ops, s, q) ||
					    (s == RL_NEW && rewords_unquoted(c, ow, ops, q)))
						break;
				}
				cut[k] = 1;
				any = true;
			}
		}
	}
	int rc = RL_OK;
	if (any) {
		rl_opvec out = rl_ctx_scratch(c, ops->n + 16);
		for (size_t k = 0; k < ops->n && rc == RL_OK; k++) {
			rl_op op = ops->v[k];
			if (!cut[k]) {
				rc = rl_opvec_push(&out, &op);
				continue;
			}
			rc = rl_opvec_push_split(&out, &op);
		}
		if (rc == RL_OK) {
			rl_opvec_swap(ops, &out);
			rc = owner_build(ops, ow);
		}
		rl_ctx_recycle(c, &out);
	}
	free(cut);
	return rc;
}

/* The change that took one mark of quotation q of side s away with words of it, the other mark
 * kept ("“I can’t boot it. We’ll wait for Greg.”" → "We’ll wait for Greg.”": the first
 * sentence went with the opening mark), or UINT32_MAX. Part of the quotation was removed, though
 * what stays of it is quoted no more. A mark taken alone, or with words the other side rewords
 * (a translation that drops the marks of speech), is no such cut. */
static uint32_t cut_with_mark(const rl_ctx *c, const owner *ow, const rl_opvec *ops, int s,
                              const rl_quotation *q)
{
	if (q->t1 - q->t0 < 2)
		return UINT32_MAX;
	uint32_t ends[2] = {q->t0, q->t1 - 1};
	for (int e = 0; e < 2; e++) {
		uint32_t k = op_of(ow, s, ends[e]);
		const rl_op *op = &ops->v[k];
		uint32_t lo = rl_lo(op, s) > q->t0 ? rl_lo(op, s) : q->t0;
		uint32_t hi = rl_hi(op, s) < q->t1 ? rl_hi(op, s) : q->t1;
		if (!is_kept(op) && rl_hi(op, !s) == rl_lo(op, !s) && rl_words(c, s, lo, hi) > 0 &&
		    is_kept(&ops->v[op_of(ow, s, ends[!e])]))
			return k;
	}
	return UINT32_MAX;
}

/* Flag the ops touching quotation q of side s (gone as a whole when `whole`). */
static void flag_quotation(const rl_ctx *c, const owner *ow, rl_opvec *ops, int s,
                           const rl_quotation *q, bool whole)
{
	if (!whole && !quoted_there(ow, ops, s, q)) {
		/* Marks put around (or taken from) words that stay change no quotation; a mark taken
		 * with words of it alters it. */
		uint32_t k = cut_with_mark(c, ow, ops, s, q);
		if (k != UINT32_MAX)
			flag(&ops->v[k], RL_QUOTE_ALTERED);
		return;
	}
	if (whole && s == RL_NEW && rewords_unquoted(c, ow, ops, q))
		return;
	bool reworded = whole && requoted(c, ow, ops, s, q);
	if (reworded && s == RL_NEW)
		return;  /* the quotation of OLD it rewords counts it, once */
	op_walk w = {q->t0, UINT32_MAX};
	for (uint32_t k; (k = next_op(ow, ops, s, q, false, &w)) != UINT32_MAX;) {
		rl_op *op = &ops->v[k];
		if ((whole || reworded) && q->depth > 0 && !op_inside(op, s, q))
			continue;  /* ops are cut at the outermost quotations only: the text around a
			            * nested one is the business of the quotation holding it */
		if (reworded) {
			flag(op, RL_QUOTE_ALTERED);
			continue;
		}
		if (whole) {
			flag(op, s == RL_OLD ? RL_QUOTE_REMOVED : RL_QUOTE_ADDED);
			continue;
		}
		/* Only a change of words inside the quotation alters it. */
		uint32_t lo = rl_lo(op, s) > q->t0 ? rl_lo(op, s) : q->t0;
		uint32_t hi = rl_hi(op, s) < q->t1 ? rl_hi(op, s) : q->t1;
		bool elided = elides(c, ops, k);
		if (rl_words(c, s, lo, hi) > 0 || (elided && has_ellipsis(c, op)))
			flag(op, elided ? RL_QUOTE_ELIDED : RL_QUOTE_ALTERED);
	}
}

/* ------------------------------------------------------------------ cutting at quotations */

/* The edges of quotations strictly inside [lo, hi) of side s, in order, into cut[]
 * (at most max); returns their count. */
static size_t edges_in(const owner *ow, int s, uint32_t lo, uint32_t hi, uint32_t *cut,
                       size_t max)
{
	size_t n = 0, k = last_at_most_near(ow->edges[s], ow->nedges[s], lo, &ow->near[s][2]);
	for (k = k == ow->nedges[s] ? 0 : k + 1; k < ow->nedges[s] && ow->edges[s][k] < hi && n < max; k++)
		cut[n++] = ow->edges[s][k];
	return n;
}

/* Cuts looked for in one op, a side: more edges than this and the op is left whole. */
#define CUTS_MAX 64

/* Emit op cut at the quotation edges of each side. When both sides have as many edges, the pieces
 * pair in order (‘x “y” z’ → ‘x2 “y2” z2’: the quoted part with the quoted part). Otherwise the
 * side with edges is cut and the other side goes with its first piece outside a quotation (the
 * text around the quotation), so the quoted piece is a deletion or insertion of its own. */
static int cut_op(const owner *ow, const rl_op *op, rl_opvec *out)
{
	uint32_t cut[2][CUTS_MAX];
	size_t n[2];
	for (int s = 0; s < 2; s++) {
		n[s] = edges_in(ow, s, rl_lo(op, s), rl_hi(op, s), cut[s], CUTS_MAX);
		if (n[s] == CUTS_MAX)
			return rl_opvec_push(out, op);
	}
	if (n[0] + n[1] == 0)
		return rl_opvec_push(out, op);
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
			bool outside = !quoted_tok(ow, s, lo[s]);
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
static int cut_at_quotes(rl_ctx *c, const owner *ow, rl_opvec *ops)
{
	rl_opvec out = rl_ctx_scratch(c, ops->n);
	for (size_t k = 0; k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		int rc = is_kept(op) || op->move ? rl_opvec_push(&out, op) : cut_op(ow, op, &out);
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

/* Kept words at the end of a quotation, right after a change of one side that starts with the
 * same words outside it ("arguments into “positional arguments”" where the other side has one
 * "arguments", unquoted): the diff could keep either copy. Keep the one outside the quotation,
 * so that the quotation goes as a whole and is flagged. */
static void slide_out_of_quotes(const rl_ctx *c, const owner *ow, rl_opvec *ops)
{
	for (size_t k = 1; k < ops->n; k++) {
		rl_op *d = &ops->v[k - 1], *e = &ops->v[k];
		if (e->kind != RL_OP_EQUAL || e->move || d->move)
			continue;
		for (int s = 0; s < 2; s++) {
			int o = !s;
			const uint32_t *ids = c->side[s].ids;
			if (rl_hi(d, o) != rl_lo(d, o) || rl_hi(d, s) != rl_lo(e, s))
				continue;
			uint32_t d0 = rl_lo(d, s), k0 = rl_lo(e, s), k1 = rl_hi(e, s), m = k1 - k0;
			uint32_t x = qix(c, ow, s, k0);
			if (m == 0 || m > k0 - d0 || x == UINT32_MAX || qix(c, ow, s, k1 - 1) != x ||
			    qix(c, ow, s, d0) == x || inq(ow, o, rl_hi(e, o)) > inq(ow, o, rl_lo(e, o)))
				continue;
			bool same = true;
			for (uint32_t i = 0; i < m && same; i++)
				same = ids[d0 + i] != RL_ID_NONE && ids[d0 + i] == ids[k0 + i];
			if (!same)
				continue;
			rl_op kept = *e, gone_op = *d;
			set_side(&kept, s, d0, d0 + m);
			set_side(&gone_op, s, d0 + m, k1);
			set_side(&gone_op, o, rl_hi(e, o), rl_hi(e, o));
			*d = kept, *e = gone_op;
			break;
		}
	}
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
		qsort(r->close[s], sd->nquotes, sizeof *r->close[s], cmp_u32);
	}
	return RL_OK;
}

/* Is t one of v[0..n) (ascending)? *near as count_at_most's. */
static bool holds(const uint32_t *v, size_t n, uint32_t t, size_t *near)
{
	size_t j = last_at_most_near(v, n, t, near);
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
	const rl_op *d = out->n > 0 ? &out->v[out->n - 1] : NULL;
	for (int s = 0; s < 2 && d; s++) {  /* the change before it, on side s */
		int o = !s;
		uint32_t es = rl_lo(e, s), eo = rl_lo(e, o);
		if (d->move || d->kind != (s == RL_OLD ? RL_OP_DELETE : RL_OP_INSERT) ||
		    rl_hi(d, s) != es || rl_lo(d, o) != eo)
			continue;
		for (uint32_t i = rl_hi(d, s); i-- > rl_lo(d, s);) {
			if (!takes_role(c, r, s, i, es, eo))
				continue;
			rl_op e0 = *e, d0 = *d;
			out->n--;
			int rc = push_one_side(out, s, rl_lo(&d0, s), i, eo);
			uint32_t a[2];  /* the mark kept */
			a[s] = i, a[o] = eo;
			if (rc == RL_OK)
				rc = push_equal(out, a[0], a[0] + 1, a[1], a[1] + 1);
			if (rc == RL_OK)
				rc = push_one_side(out, s, i + 1, es + 1, eo + 1);
			if (rc == RL_OK)
				rc = push_equal(out, e0.a0 + 1, e0.a1, e0.b0 + 1, e0.b1);
			*moved = true;
			return rc;
		}
	}
	const rl_op *f = *k + 1 < ops->n ? &ops->v[*k + 1] : NULL;
	for (int s = 0; s < 2 && f; s++) {  /* the change after it, on side s */
		int o = !s;
		uint32_t es = rl_hi(e, s) - 1, eo = rl_hi(e, o) - 1;
		if (f->move || f->kind != (s == RL_OLD ? RL_OP_DELETE : RL_OP_INSERT) ||
		    rl_lo(f, s) != es + 1 || rl_lo(f, o) != eo + 1)
			continue;
		for (uint32_t i = rl_lo(f, s); i < rl_hi(f, s); i++) {
			if (!takes_role(c, r, s, i, es, eo))
				continue;
			int rc = push_equal(out, e->a0, e->a1 - 1, e->b0, e->b1 - 1);
			if (rc == RL_OK)
				rc = push_one_side(out, s, es, i, eo);
			uint32_t a[2];
			a[s] = i, a[o] = eo;
			if (rc == RL_OK)
				rc = push_equal(out, a[0], a[0] + 1, a[1], a[1] + 1);
			if (rc == RL_OK)
				rc = push_one_side(out, s, i + 1, rl_hi(f, s), eo + 1);
			++*k;
			*moved = true;
			return rc;
		}
	}
	return rl_opvec_push(out, e);
}

/* Every equal op whose first or last token is a mark kept in the other role, with a change
 * beside it that holds the mark in the right one (mark_in_role). */
static int marks_in_role(rl_ctx *c, rl_opvec *ops)
{
	roles r;
	memset(&r, 0, sizeof r);
	r.near = r.near_at;
	int rc = roles_build(c, &r);
	rl_opvec out = rl_ctx_scratch(c, ops->n + 16);
	bool any = false;
	for (size_t k = 0; k < ops->n && rc == RL_OK; k++) {
		const rl_op *e = &ops->v[k];
		bool first = false, last = false;
		if (e->kind == RL_OP_EQUAL && !e->move && e->a1 > e->a0 && e->b1 > e->b0) {
			int ra = role(c, &r, RL_OLD, e->a0);
			first = ra && role(c, &r, RL_NEW, e->b0) == 3 - ra;
			ra = role(c, &r, RL_OLD, e->a1 - 1);
			last = ra && role(c, &r, RL_NEW, e->b1 - 1) == 3 - ra;
		}
		if (!first && !last) {
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

/* ------------------------------------------------------------------ quotations restated */

/* Tokens of NEW looked at, each way, for the restatement of a quotation gone from OLD. */
#define RESTATE_REACH 64
/* Nearer than this on the same line, the words need not be rare. */
#define RESTATE_NEAR 12

/* Do quotations qo of OLD and qn of NEW hold the same words, one of them found in neither text
 * but there (a term quoted again and again, "outer", is no one quotation restated), unless they
 * stand `near` (a quoted term moved a few characters inside a table cell, not a bullet below
 * that happens to quote it too)? */
static bool same_words(const rl_ctx *c, const rl_quotation *qo, const rl_quotation *qn,
                       bool near)
{
	const rl_side *so = &c->side[RL_OLD], *sn = &c->side[RL_NEW];
	uint32_t t = qo->t0, u = qn->t0;
	bool rare = near;  /* a word of it found nowhere else in either text */
	for (;;) {
		while (t < qo->t1 && so->tok[t].cls != RL_TOK_WORD)
			t++;
		while (u < qn->t1 && sn->tok[u].cls != RL_TOK_WORD)
			u++;
		if (t == qo->t1 || u == qn->t1)
			return rare && t == qo->t1 && u == qn->t1;
		if (so->ids[t] == RL_ID_NONE || so->ids[t] != sn->ids[u])
			return false;
		rare |= c->freq[so->ids[t]] <= 2;
		t++, u++;
	}
}

/* Mark in skip[s][x] the quotations gone from OLD that NEW quotes a few words away, where the
 * diff matched nothing of that one either (nor paired it with this one in a replace), with the
 * same words (under the active comparison
 * options): the quotation stands in another sentence of NEW (a summary that restates
 * “unchanged.” a line below), neither removed nor added. */
static int restated(const rl_ctx *c, const rl_opvec *ops, const owner *ow, uint8_t *skip[2])
{
	const rl_side *so = &c->side[RL_OLD], *sn = &c->side[RL_NEW];
	for (size_t x = 0; x < so->nquotes; x++) {
		const rl_quotation *q = &so->quotes[x];
		if (!(skip[RL_OLD][x] & 2))
			continue;
		uint32_t p = rl_lo(&ops->v[op_of(ow, RL_OLD, q->t0)], RL_NEW);
		uint32_t lo = p > RESTATE_REACH ? p - RESTATE_REACH : 0;
		size_t y = 0, hi = sn->nquotes;
		while (y < hi) {  /* the first quotation of NEW starting at lo or after */
			size_t mid = y + (hi - y) / 2;
			if (sn->quotes[mid].t0 < lo)
				y = mid + 1;
			else
				hi = mid;
		}
		for (; y < sn->nquotes && sn->quotes[y].t0 <= p + RESTATE_REACH; y++) {
			uint32_t t0 = sn->quotes[y].t0, dist = t0 > p ? t0 - p : p - t0;
			bool near = dist <= RESTATE_NEAR;
			for (uint32_t t = (t0 < p ? t0 : p) + 1; near && t <= (t0 > p ? t0 : p); t++)
				near = t >= sn->n || sn->tok[t].gap < RL_GAP_BREAK;  /* on the same line */
			if ((skip[RL_NEW][y] & 1) || !(skip[RL_NEW][y] & 2) ||
			    op_of(ow, RL_NEW, t0) == op_of(ow, RL_OLD, q->t0) ||
			    !same_words(c, q, &sn->quotes[y], near))
				continue;  /* (a replace that pairs the two found them different) */
			skip[RL_OLD][x] |= 1;
			skip[RL_NEW][y] |= 1;
			break;
		}
	}
	return RL_OK;
}

int rl_quotes_flag(rl_ctx *c, rl_opvec *ops)
{
	owner ow;
	memset(&ow, 0, sizeof ow);
	ow.near = ow.near_at;
	uint8_t *skip[2] = {NULL, NULL};
	int rc = RL_OK;

	if (c->side[0].nquotes + c->side[1].nquotes == 0 || ops->n == 0)
		return RL_OK;
	if ((rc = quoted_build(c, &ow)) != RL_OK || (rc = marks_in_role(c, ops)) != RL_OK)
		goto out;
	slide_out_of_quotes(c, &ow, ops);
	if ((rc = cut_at_quotes(c, &ow, ops)) != RL_OK ||
	    (rc = owner_build(ops, &ow)) != RL_OK || (rc = fold_gone(c, ops, &ow)) != RL_OK ||
	    (rc = split_leaving(c, &ow, ops)) != RL_OK)
		goto out;
	/* skip[s][x]: bit 2 the quotation is gone as a whole, bit 4 it is not, bit 1 it is restated
	 * (not flagged). Each quotation is judged once: splitting a replace in two (split_gone)
	 * keeps every word kept or changed as it was. */
	skip[0] = calloc(c->side[0].nquotes + 1, 1);
	skip[1] = calloc(c->side[1].nquotes + 1, 1);
	if (!skip[0] || !skip[1]) {
		rc = RL_ENOMEM;
		goto out;
	}
	for (int s = 0; s < 2; s++)
		for (size_t x = 0; x < c->side[s].nquotes; x++)
			skip[s][x] = gone(c, &ow, ops, s, &c->side[s].quotes[x]) ? 2 : 4;
	if ((rc = split_gone(c, &ow, ops, skip)) != RL_OK ||
	    (rc = restated(c, ops, &ow, skip)) != RL_OK)
		goto out;
	for (int s = 0; s < 2; s++)
		for (size_t x = 0; x < c->side[s].nquotes; x++)
			if (!(skip[s][x] & 1))
				flag_quotation(c, &ow, ops, s, &c->side[s].quotes[x], skip[s][x] & 2);
out:
	free(skip[0]);
	free(skip[1]);
	owner_free(&ow);
	return rc;
}
