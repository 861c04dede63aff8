/* myers.c: linear-space Myers with trimming, one-sided discards, anchors and a cost bound. */
#include "myers.h"

#include <stdlib.h>
#include <string.h>

#include "bitlcs.h"
#include "status.h"

/* Below this many edits a search never takes the bound: an ordinary paragraph-sized rewrite is
 * always diffed exactly. The bound only exists for pathological inputs. */
#define MAX_COST_MIN 256

/* Pieces larger than this (tokens of both sides) are cut at their anchors before any search;
 * smaller ones are diffed exactly. */
#define ANCHOR_MIN 1024

/* A large piece with no id found once on each side is cut at ids found c times on each side, the
 * r-th occurrence with the r-th, for c up to this. Stop 36: a 30 MB pair whose paragraphs recur
 * every 15 MB (make bench's 100 MB row is made so) had not one anchor at the top; the search ran
 * into the cost bound 250,055 times, and the moves stage then moved 4.7 million words (the truth:
 * 94,000). All such counts in one pass (the 100 MB row's base recurs six or seven times, NEW's
 * as often); an id paired by its rank must have a neighbour matching too. */
#define ANCHOR_REPEAT_MAX 16

/* The work all searches of one call may do, in diagonals visited and snake steps taken:
 * WORK_PER_ELEM per element, and never less than WORK_MIN (a few tenths of a second). The cost
 * bound alone is not enough: a bounded search spends about max_cost² to advance about max_cost,
 * so a long text over a tiny vocabulary (every id common, no anchor, no long snake) costs
 * O(N·√N): 106 s of CPU for two random 10 MB texts of "a" and "b". Past the budget, every search
 * stops at SPENT_COST edits, which costs a constant per element: the rest is linear. (On those two
 * texts: 3 s, keeping 4.17 million words where the unbounded search kept 4.25 million; stopping
 * at the first edit instead kept 3.35 million.) Ordinary documents stay far below the budget. */
#define WORK_MIN (UINT64_C(1) << 26)
#define WORK_PER_ELEM 16
#define SPENT_COST 32

/* Largest n + m handled: positions and diagonals must fit an int32_t with room to spare. */
#define SIZE_MAX_ELEMS (1u << 30)

/* A search turns to the bit-parallel split (bitlcs.h) once its own work on a piece passes
 * 1/BIT_AFTER_DEN of what that split would cost there (rl_bitlcs_cost counts word operations of
 * a few instructions; a diagonal visit of the search costs several times more). Few edits: Myers
 * meets long before, and the alignment is its own; many: the split costs ceil(M/64) words a row
 * instead of N + M diagonals an edit. The search done before the turn is lost, a fraction of the
 * split's cost. Measured on the real revision hi40 (callgrind, whole run): 1/1 24.7 M
 * instructions, 1/2 19.9 M, 1/4 17.2 M, 1/8 15.7 M, the split at once 13.9 M (Myers alone 73 M);
 * the later the turn, the fewer pieces align differently from Myers (16 of the 500 comparisons
 * of the wikidiff2 pairs at 1/1, 20 at 1/8). A floor on the piece's size instead (only pieces
 * whose split costs 2,048 or more) was dearer than Myers alone: small pieces with many edits are
 * where Myers' N·D is worst. */
#define BIT_AFTER_DEN 8
#ifndef BIT_MYERS_MIN
#define BIT_MYERS_MIN 64
#endif
#ifndef BIT_DENSE_DEN
#define BIT_DENSE_DEN 64
#endif

/* The split's masks may take this many 64-bit words, or one a token of the call if more. */
#define BIT_WORDS_MIN (UINT64_C(1) << 16)

#define UNREACHED_F (-1)
#define UNREACHED_B INT32_MAX

typedef struct seg {
	int32_t x0, x1, y0, y1;
	bool dense;  /* a half of a bit-parallel split: likely as heavily edited */
} seg;

typedef struct search {
	const uint32_t *a, *b;  /* the compacted sequences */
	uint8_t *ca, *cb;       /* their change marks */
	int32_t *fv, *bv;       /* furthest x on each diagonal k = x - y, forward and backward */
	bool minimal;
	int32_t max_cost;
	uint64_t work, max_work;  /* work done so far, and the budget (see WORK_MIN) */
	size_t bound_hits;
	seg *stack;
	size_t nstack, capstack;
	const rl_cancel *cancel;  /* the caller's, or NULL */
	uint64_t next_poll;       /* the work at which to ask it again */
	bool canceled;
	int8_t bit_mode;          /* rl_myers_opts.bitlcs */
	rl_bitlcs bit;            /* the bit-parallel splits' scratch */
	size_t bit_words;         /* most words their masks may take */
	size_t bit_splits;
	int rc;                   /* RL_ENOMEM from a split, else RL_OK */
} search;

/* Work between two questions to the caller's rl_cancel: a few milliseconds on a 2020s core,
 * short enough for a key or a signal to cut a comparison at once, long enough that asking (a
 * poll(2) in the viewer) costs nothing measurable. */
#define POLL_WORK (UINT64_C(1) << 20)

/* Should the search stop, as the caller asked? */
static bool stop_asked(search *s)
{
	if (!s->cancel || s->work < s->next_poll)
		return s->canceled;
	s->next_poll = s->work + POLL_WORK;
	if (s->cancel->asked(s->cancel->ctx))
		s->canceled = true;
	return s->canceled;
}

static int push_seg(search *s, int32_t x0, int32_t x1, int32_t y0, int32_t y1, bool dense)
{
	if (s->nstack == s->capstack) {
		size_t c = s->capstack ? s->capstack * 2 : 64;
		seg *st = realloc(s->stack, c * sizeof *st);
		if (!st)
			return RL_ENOMEM;
		s->stack = st;
		s->capstack = c;
	}
	s->stack[s->nstack++] = (seg){x0, x1, y0, y1, dense};
	return RL_OK;
}

/* Lowest diagonal of parity (mid + d) at or above lo. */
static int32_t clip_lo(int32_t want, int32_t lo)
{
	return want >= lo ? want : lo + ((lo - want) & 1);
}

static int32_t clip_hi(int32_t want, int32_t hi)
{
	return want <= hi ? want : hi - ((want - hi) & 1);
}

/* One forward step at cost d. Returns true and sets the split point when the forward path meets
 * the backward one (only checked when the total cost is odd). */
static bool forward_step(search *s, const seg *g, int32_t d, int32_t *flo, int32_t *fhi,
                         int32_t blo, int32_t bhi, bool odd, int32_t *sx, int32_t *sy)
{
	int32_t *fv = s->fv;
	const int32_t *bv = s->bv;
	const int32_t mid = g->x0 - g->y0;
	const int32_t lo = clip_lo(mid - d, g->x0 - g->y1), hi = clip_hi(mid + d, g->x1 - g->y0);

	s->work += (uint64_t)(hi - lo) / 2 + 1;
	for (int32_t k = lo; k <= hi; k += 2) {
		/* Down from diagonal k+1 (an insertion) or right from k-1 (a deletion), whichever
		 * reaches further without leaving the rectangle. */
		int32_t down = k + 1 <= *fhi && k + 1 >= *flo ? fv[k + 1] : UNREACHED_F;
		int32_t right = k - 1 >= *flo && k - 1 <= *fhi && fv[k - 1] != UNREACHED_F
		                    ? fv[k - 1] + 1 : UNREACHED_F;
		if (down != UNREACHED_F && down - k > g->y1)
			down = UNREACHED_F;
		if (right > g->x1)
			right = UNREACHED_F;
		int32_t x = down > right ? down : right;
		if (x == UNREACHED_F) {
			fv[k] = UNREACHED_F;
			continue;
		}
		int32_t y = x - k, x_start = x;
		while (x < g->x1 && y < g->y1 && s->a[x] == s->b[y])
			x++, y++;
		s->work += (uint64_t)(x - x_start);
		fv[k] = x;
		if (odd && k >= blo && k <= bhi && bv[k] != UNREACHED_B && bv[k] <= x) {
			*sx = x;
			*sy = y;
			return true;
		}
	}
	*flo = lo;
	*fhi = hi;
	return false;
}

/* One backward step at cost d, from the bottom-right corner towards the top-left. */
static bool backward_step(search *s, const seg *g, int32_t d, int32_t *blo, int32_t *bhi,
                          int32_t flo, int32_t fhi, bool odd, int32_t *sx, int32_t *sy)
{
	int32_t *bv = s->bv;
	const int32_t *fv = s->fv;
	const int32_t mid = g->x1 - g->y1;
	const int32_t lo = clip_lo(mid - d, g->x0 - g->y1), hi = clip_hi(mid + d, g->x1 - g->y0);

	s->work += (uint64_t)(hi - lo) / 2 + 1;
	for (int32_t k = lo; k <= hi; k += 2) {
		/* Up from diagonal k-1 (an insertion undone) or left from k+1 (a deletion undone),
		 * whichever reaches further back. */
		int32_t up = k - 1 >= *blo && k - 1 <= *bhi ? bv[k - 1] : UNREACHED_B;
		int32_t left = k + 1 <= *bhi && k + 1 >= *blo && bv[k + 1] != UNREACHED_B
		                   ? bv[k + 1] - 1 : UNREACHED_B;
		if (up != UNREACHED_B && up - k < g->y0)
			up = UNREACHED_B;
		if (left < g->x0)
			left = UNREACHED_B;
		int32_t x = up < left ? up : left;
		if (x == UNREACHED_B) {
			bv[k] = UNREACHED_B;
			continue;
		}
		int32_t y = x - k, x_start = x;
		while (x > g->x0 && y > g->y0 && s->a[x - 1] == s->b[y - 1])
			x--, y--;
		s->work += (uint64_t)(x_start - x);
		bv[k] = x;
		if (!odd && k >= flo && k <= fhi && fv[k] != UNREACHED_F && fv[k] >= x) {
			*sx = x;
			*sy = y;
			return true;
		}
	}
	*blo = lo;
	*bhi = hi;
	return false;
}

/* The cost bound: split at whichever of the forward and backward fronts got further from its
 * corner, measured along the anti-diagonal. Returns false when neither front offers a point
 * strictly inside the rectangle (the search then simply goes on). */
static bool bounded_split(const search *s, const seg *g, int32_t flo, int32_t fhi, int32_t blo,
                          int32_t bhi, int32_t *sx, int32_t *sy)
{
	int64_t best = -1;

	for (int32_t k = flo; k <= fhi; k += 2) {
		int32_t x = s->fv[k];
		if (x == UNREACHED_F)
			continue;
		int32_t y = x - k;
		if (x == g->x1 && y == g->y1)
			continue;
		int64_t progress = (int64_t)x + y - g->x0 - g->y0;
		if (progress > best)
			best = progress, *sx = x, *sy = y;
	}
	for (int32_t k = blo; k <= bhi; k += 2) {
		int32_t x = s->bv[k];
		if (x == UNREACHED_B)
			continue;
		int32_t y = x - k;
		if (x == g->x0 && y == g->y0)
			continue;
		int64_t progress = (int64_t)g->x1 + g->y1 - x - y;
		if (progress > best)
			best = progress, *sx = x, *sy = y;
	}
	return best > 0;
}

/* The work of Myers' search on g after which the bit-parallel split is tried; UINT64_MAX: never
 * (turned off, a single row, or beyond the budget). */
static uint64_t bit_threshold(const search *s, const seg *g)
{
	const int32_t rows = g->x1 - g->x0, cols = g->y1 - g->y0;
	if (s->bit_mode < 0 || rows < 2)
		return UINT64_MAX;
	uint64_t cost = rl_bitlcs_cost(rows, cols);
	if (!s->minimal && s->work + cost > s->max_work)
		return UINT64_MAX;
	if (s->bit_mode > 0)
		return 0;
	uint64_t after = g->dense ? cost / BIT_DENSE_DEN : cost / BIT_AFTER_DEN;
	return after > BIT_MYERS_MIN ? after : BIT_MYERS_MIN;
}

/* A split is left unused when the search would meet within this many times the split's cost:
 * the point is then Myers' own. A split's point is one of a minimal alignment, not always the
 * one the search finds, and the pieces it leaves are diffed otherwise: in the real revision en02
 * (OLD b, NEW a), a timeline's "drums" was kept beside a "Drums" three lines down and its line
 * shown as moved, from a split of a 353 x 482 piece the search would have met at about 1.5 times
 * the split's cost. 2 fixes it (1 does not); on hi40, where the split pays, 4 costs 3 M
 * instructions more than 2, 8 costs 11 M. */
#define SEARCH_MEETS_MAX 2

/* Would the search on g meet at a minimal point within SEARCH_MEETS_MAX times the split's cost?
 * It meets at about D/2 edits from each corner (D = rows + cols - 2 LCS), having visited about
 * (D/2)² diagonals and read the piece's snakes; the bound or the budget would stop it short of
 * minimal. */
static bool search_meets(const search *s, const seg *g, int32_t lcs)
{
	const int64_t rows = g->x1 - g->x0, cols = g->y1 - g->y0;
	const int64_t half = (rows + cols - 2 * (int64_t)lcs) / 2 + 1;
	const uint64_t est = (uint64_t)(half * half + rows + cols);
	if (!s->minimal && (half >= s->max_cost || s->work + est > s->max_work))
		return false;
	return est <= SEARCH_MEETS_MAX * rl_bitlcs_cost((int32_t)rows, (int32_t)cols);
}

/* Hirschberg's split of g by bit-parallel rows: true with a point of a minimal path in sx, sy;
 * false when the masks would not fit (or memory failed: s->rc), or when the automatic split
 * finds that the search, which it interrupted, is near its own point (search_meets). */
static bool bit_split(search *s, const seg *g, int32_t *sx, int32_t *sy)
{
	int32_t x, y, lcs;
	int rc = rl_bitlcs_split(&s->bit, s->a + g->x0, g->x1 - g->x0, s->b + g->y0, g->y1 - g->y0,
	                         s->bit_words, &x, &y, &lcs, &s->work);
	if (rc != RL_OK) {
		if (rc == RL_ENOMEM)
			s->rc = rc;
		return false;
	}
	if (s->bit_mode == 0 && search_meets(s, g, lcs))
		return false;
	*sx = g->x0 + x;
	*sy = g->y0 + y;
	s->bit_splits++;
	return true;
}

/* Find a point on a shortest path through g (both sides non-empty) and return it in sx, sy. */
static void split(search *s, const seg *g, int32_t *sx, int32_t *sy)
{
	const int32_t fmid = g->x0 - g->y0, bmid = g->x1 - g->y1;
	const bool odd = ((fmid - bmid) & 1) != 0;
	int32_t flo = fmid, fhi = fmid, blo = bmid, bhi = bmid;
	const uint64_t w0 = s->work;
	uint64_t bit_at = bit_threshold(s, g);

	if (bit_at == 0) {
		if (bit_split(s, g, sx, sy) || s->rc != RL_OK)
			return;
		bit_at = UINT64_MAX;
	}

	/* Cost 0 cannot meet: the caller trimmed the common ends, so both corners start with a
	 * mismatch. */
	s->fv[fmid] = g->x0;
	s->bv[bmid] = g->x1;
	for (int32_t d = 1;; d++) {
		if (forward_step(s, g, d, &flo, &fhi, blo, bhi, odd, sx, sy))
			return;
		if (backward_step(s, g, d, &blo, &bhi, flo, fhi, odd, sx, sy))
			return;
		if (stop_asked(s)) {
			*sx = g->x0, *sy = g->y0;  /* a valid point; the caller drops the result */
			return;
		}
		if (s->work - w0 >= bit_at) {
			if (bit_split(s, g, sx, sy) || s->rc != RL_OK)
				return;
			bit_at = UINT64_MAX;
		}
		bool over = d >= s->max_cost || (s->work > s->max_work && d >= SPENT_COST);
		if (!s->minimal && over && bounded_split(s, g, flo, fhi, blo, bhi, sx, sy)) {
			s->bound_hits++;
			return;
		}
	}
}

/* Diff every segment on the stack until it is empty. */
static int run(search *s)
{
	while (s->nstack > 0) {
		seg g = s->stack[--s->nstack];
		while (g.x0 < g.x1 && g.y0 < g.y1 && s->a[g.x0] == s->b[g.y0])
			g.x0++, g.y0++;
		while (g.x0 < g.x1 && g.y0 < g.y1 && s->a[g.x1 - 1] == s->b[g.y1 - 1])
			g.x1--, g.y1--;
		if (g.x0 == g.x1) {
			memset(s->cb + g.y0, 1, (size_t)(g.y1 - g.y0));
			continue;
		}
		if (g.y0 == g.y1) {
			memset(s->ca + g.x0, 1, (size_t)(g.x1 - g.x0));
			continue;
		}
		int32_t sx, sy;
		size_t splits = s->bit_splits;
		split(s, &g, &sx, &sy);
		bool dense = s->bit_splits > splits;
		if (s->canceled)
			return RL_ECANCELED;
		if (s->rc != RL_OK)
			return s->rc;
		if (push_seg(s, sx, g.x1, sy, g.y1, dense) != RL_OK ||
		    push_seg(s, g.x0, sx, g.y0, sy, dense) != RL_OK)
			return RL_ENOMEM;
	}
	return RL_OK;
}

/* Integer square root (Newton), for a bound that grows slowly with the input. */
static uint32_t isqrt(uint64_t v)
{
	if (v < 2)
		return (uint32_t)v;
	uint64_t x = v, y = (x + 1) / 2;
	while (y < x) {
		x = y;
		y = (x + v / x) / 2;
	}
	return (uint32_t)x;
}

/* Everything rl_myers allocates, freed in one place. The arrays sized by the call come in two
 * blocks, the counts (zeroed) and the rest (work_alloc): the stages diff thousands of ranges a
 * comparison, each a call, and twelve allocations and frees a call were 0.9 % of the
 * instructions of a 1 MB pair. */
typedef struct work {
	uint32_t *cnt_a, *cnt_b; /* per id: occurrences in the piece at hand (zero between pieces) */
	uint32_t *pos_b;         /* per id: its position in b, for the anchors */
	seg *todo;               /* pieces still to diff, in real positions; a stack */
	size_t ntodo, captodo;
	uint32_t *ca, *cb;       /* one piece, compacted (touched only as far as a piece that
	                          * had ids to set aside: one that had none is searched in place) */
	uint8_t *ma, *mb;        /* compacted change marks */
	int32_t *diag;           /* fv and bv, side by side */
	int32_t *ia, *jb, *tail, *prev;  /* the anchors' candidates and their patience piles */
	bool anchored;           /* cut large pieces at their anchors */
	size_t anchors;
	void *block;             /* ca, cb, diag, pos_b, ia, jb, tail, prev, ma, mb */
} work;

static void work_free(work *w, search *s)
{
	free(w->cnt_a);  /* and cnt_b */
	free(w->block);
	free(w->todo);
	free(s->stack);
	rl_bitlcs_free(&s->bit);
}

/* The arrays of a call on n and m tokens, nids ids, the shorter side `small` long: the counts in
 * one zeroed block, the rest cut from one more, four-byte arrays first. */
static int work_alloc(work *w, size_t n, size_t m, size_t nids, size_t small)
{
	/* Diagonals run from -m to n; one spare slot on each end. */
	size_t ndiag = 2 * (n + m + 3), nanch = w->anchored ? nids + 4 * small : 0;
	w->cnt_a = calloc(2 * nids, sizeof *w->cnt_a);
	w->block = malloc((n + m + ndiag + nanch) * sizeof(uint32_t) + n + m);
	if (!w->cnt_a || !w->block)
		return RL_ENOMEM;
	w->cnt_b = w->cnt_a + nids;
	uint32_t *u = w->block;
	w->ca = u, u += n;
	w->cb = u, u += m;
	w->diag = (int32_t *)u, u += ndiag;
	if (w->anchored) {
		w->pos_b = u, u += nids;
		w->ia = (int32_t *)u, u += small;
		w->jb = (int32_t *)u, u += small;
		w->tail = (int32_t *)u, u += small;
		w->prev = (int32_t *)u, u += small;
	}
	w->ma = (uint8_t *)u;
	w->mb = w->ma + n;
	return RL_OK;
}

static int push_piece(work *w, int32_t x0, int32_t x1, int32_t y0, int32_t y1)
{
	if (w->ntodo == w->captodo) {
		size_t c = w->captodo ? w->captodo * 2 : 64;
		seg *t = realloc(w->todo, c * sizeof *t);
		if (!t)
			return RL_ENOMEM;
		w->todo = t;
		w->captodo = c;
	}
	w->todo[w->ntodo++] = (seg){x0, x1, y0, y1, false};
	return RL_OK;
}

/* Keep the ids of x[0..n) that occur on the other side (count in other > 0) in cx; the rest are
 * changed by necessity and marked in chg[] (whose other marks are 0: a piece's tokens are marked
 * only once, here or by its search). Returns the compacted length. No map from compacted index
 * back to the piece is kept (4 bytes an element): spread_marks() walks chg[] instead. */
static int32_t compact(const uint32_t *x, int32_t n, const uint32_t *other, uint32_t *cx,
                       uint8_t *chg)
{
	int32_t k = 0;
	for (int32_t i = 0; i < n; i++) {
		if (other[x[i]] == 0) {
			chg[i] = 1;
			continue;
		}
		cx[k++] = x[i];
	}
	return k;
}

/* Does every id of x[0..n) occur on the other side? Then the piece (the common case, one where
 * no word is new) is searched where it lies, with no copy. */
static bool all_shared(const uint32_t *x, int32_t n, const uint32_t *other)
{
	for (int32_t i = 0; i < n; i++)
		if (other[x[i]] == 0)
			return false;
	return true;
}

/* The compacted marks m[] back to the piece's chg[0..n): the k-th element left unmarked by
 * compact() is the k-th compacted one. */
static void spread_marks(uint8_t *chg, int32_t n, const uint8_t *m)
{
	int32_t k = 0;
	for (int32_t i = 0; i < n; i++)
		if (!chg[i])
			chg[i] = m[k++];
}

/* An id found once on each side whose neighbours do not match too is an anchor only when its
 * diagonal lies within STRAY_MARGIN of the diagonal of the nearest confirmed candidate (one whose
 * neighbour matches) before it or after it, or of the piece's end on that side: alone it is as
 * likely a word of a deleted sentence that recurs in an inserted one far away, and a cut there
 * misaligns everything between (a 40 KB generated pair on one line lost 1.7% of its kept words
 * to a few; a looser test, within the band of the two diagonals, or 32 off, kept some). The k
 * candidates of w (ia, jb, and prev[] 1 where confirmed) are compacted in place; returns how
 * many remain. */
#define STRAY_MARGIN 8

static size_t drop_strays(work *w, seg p, size_t k)
{
	/* tail[] as scratch: the diagonal of the next confirmed candidate. */
	int32_t next = p.y1 - p.x1;
	for (size_t c = k; c-- > 0;) {
		w->tail[c] = next;
		if (w->prev[c])
			next = w->jb[c] - w->ia[c];
	}
	int32_t last = p.y0 - p.x0;
	size_t n = 0;
	for (size_t c = 0; c < k; c++) {
		int32_t d = w->jb[c] - w->ia[c];
		int64_t to_last = (int64_t)d - last, to_next = (int64_t)d - w->tail[c];
		if (w->prev[c])
			last = d;
		else if ((to_last < -STRAY_MARGIN || to_last > STRAY_MARGIN) &&
		         (to_next < -STRAY_MARGIN || to_next > STRAY_MARGIN))
			continue;
		w->ia[n] = w->ia[c], w->jb[n] = w->jb[c], n++;
	}
	return n;
}

/* Is id x a candidate of the pass `once` (found once on each side) or of the other (found as
 * often on each side, from twice to ANCHOR_REPEAT_MAX times)? */
static inline bool ranked(const work *w, uint32_t x, bool once)
{
	uint32_t n = w->cnt_a[x];
	return once ? n == 1 && w->cnt_b[x] == 1 : n == w->cnt_b[x] && n - 2 <= ANCHOR_REPEAT_MAX - 2;
}

/* The candidates of piece p for anchors, of ids found once on each side or (once false) as often
 * on each side, the r-th occurrence on a paired with the r-th on b, into ia, jb (prev[] 1 where a
 * neighbour matches too), strays dropped (drop_strays). Returns how many. Repeated ids'
 * occurrences on b are chained through w->cb (free until the piece is compacted, which happens
 * only when no anchor is found), so the pass needs no memory of its own. */
static size_t anchor_candidates(work *w, const uint32_t *a, const uint32_t *b, seg p, bool once)
{
	uint32_t *next_b = w->cb;  /* next_b[j - y0]: the next position of b[j]'s id in the piece */
	for (int32_t j = p.y1; j-- > p.y0;) {
		if (!ranked(w, b[j], once))
			continue;
		if (!once)
			next_b[j - p.y0] = w->pos_b[b[j]];
		w->pos_b[b[j]] = (uint32_t)j;
	}
	size_t k = 0;
	for (int32_t i = p.x0; i < p.x1; i++) {
		if (!ranked(w, a[i], once))
			continue;
		int32_t j = (int32_t)w->pos_b[a[i]];
		if (!once)
			w->pos_b[a[i]] = next_b[j - p.y0];
		w->ia[k] = i, w->jb[k] = j;
		/* prev[] is free until the patience piles: 1 where a neighbour matches too. */
		w->prev[k] = (i > p.x0 && j > p.y0 && a[i - 1] == b[j - 1]) ||
		             (i + 1 < p.x1 && j + 1 < p.y1 && a[i + 1] == b[j + 1]);
		/* An id found more than once is paired by its rank alone: only with a neighbour
		 * matching too (two unrelated texts share a few words twice each, by chance). */
		k += once || w->prev[k];
	}
	return drop_strays(w, p, k);
}

/* The anchors of piece p (its per-id counts in w): ids that occur exactly once on each side of
 * it (with none, twice, and so on up to ANCHOR_REPEAT_MAX times), kept where their positions
 * increase on both sides (a longest increasing subsequence, by patience sorting in O(k log k)).
 * They are matched outright, and the stretches between them are pushed as pieces of their own.
 * Sets *found to the number of anchors; with none, the piece is left to the caller. */
static int cut_at_anchors(work *w, const uint32_t *a, const uint32_t *b, seg p, size_t *found)
{
	size_t k = 0, len = 0;

	*found = 0;
	/* Ids found once on each side first; where there are none (a text whose paragraphs all
	 * recur: two copies of a report, a book's chapters against themselves), ids found as often
	 * on each side, paired in order. Only then: wherever once-only ids exist, the anchors are
	 * what they always were. */
	k = anchor_candidates(w, a, b, p, true);
	if (k == 0)
		k = anchor_candidates(w, a, b, p, false);
	if (k == 0)
		return RL_OK;

	/* tail[l]: the candidate ending the best increasing run of length l + 1 so far. */
	for (size_t c = 0; c < k; c++) {
		size_t lo = 0, hi = len;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (w->jb[w->tail[mid]] < w->jb[c])
				lo = mid + 1;
			else
				hi = mid;
		}
		w->prev[c] = lo > 0 ? w->tail[lo - 1] : -1;
		w->tail[lo] = (int32_t)c;
		if (lo == len)
			len++;
	}

	/* Walk the run backwards from the end of the piece; the stack then gives the pieces back
	 * in reading order. */
	int32_t x1 = p.x1, y1 = p.y1;
	for (int32_t c = w->tail[len - 1]; c >= 0; c = w->prev[c]) {
		int32_t x = w->ia[c], y = w->jb[c];
		if (push_piece(w, x + 1, x1, y + 1, y1) != RL_OK)
			return RL_ENOMEM;
		x1 = x;
		y1 = y;
	}
	if (push_piece(w, p.x0, x1, p.y0, y1) != RL_OK)
		return RL_ENOMEM;
	*found = len;
	return RL_OK;
}

/* Diff one piece a[p.x0..p.x1) against b[p.y0..p.y1). Its common ends are trimmed; a large piece
 * is then cut at its anchors (the stretches between go on the stack). Any other is searched,
 * exactly up to the cost bound, once the ids that occur on one side of the piece only are set
 * aside: an id absent from the other side of a piece can never be matched inside it, however
 * often it occurs elsewhere, so this keeps the piece's script minimal and shrinks the search a
 * great deal where a passage was rewritten. The per-id counts in w are zero before and after. */
static int solve_piece(search *s, work *w, const uint32_t *a, const uint32_t *b, uint8_t *chg_a,
                       uint8_t *chg_b, seg p)
{
	while (p.x0 < p.x1 && p.y0 < p.y1 && a[p.x0] == b[p.y0])
		p.x0++, p.y0++;
	while (p.x0 < p.x1 && p.y0 < p.y1 && a[p.x1 - 1] == b[p.y1 - 1])
		p.x1--, p.y1--;
	if (p.x0 == p.x1 || p.y0 == p.y1) {
		memset(chg_a + p.x0, 1, (size_t)(p.x1 - p.x0));
		memset(chg_b + p.y0, 1, (size_t)(p.y1 - p.y0));
		return RL_OK;
	}
	for (int32_t i = p.x0; i < p.x1; i++)
		w->cnt_a[a[i]]++;
	for (int32_t j = p.y0; j < p.y1; j++)
		w->cnt_b[b[j]]++;
	size_t found = 0;
	int rc = RL_OK;
	int32_t na = 0, nb = 0;
	/* The counting passes are work too: pieces cut again and again at nested anchors would
	 * otherwise cost O(n) a level, unbounded. Past the budget a piece is searched directly. */
	s->work += (uint64_t)(p.x1 - p.x0) + (uint64_t)(p.y1 - p.y0);
	if (w->anchored && (p.x1 - p.x0) + (p.y1 - p.y0) > ANCHOR_MIN && s->work <= s->max_work)
		rc = cut_at_anchors(w, a, b, p, &found);
	bool in_a = false, in_b = false;  /* searched in place: no id set aside */
	if (rc == RL_OK && found == 0) {
		in_a = all_shared(a + p.x0, p.x1 - p.x0, w->cnt_b);
		in_b = all_shared(b + p.y0, p.y1 - p.y0, w->cnt_a);
		na = in_a ? p.x1 - p.x0 : compact(a + p.x0, p.x1 - p.x0, w->cnt_b, w->ca, chg_a + p.x0);
		nb = in_b ? p.y1 - p.y0 : compact(b + p.y0, p.y1 - p.y0, w->cnt_a, w->cb, chg_b + p.y0);
	}
	for (int32_t i = p.x0; i < p.x1; i++)
		w->cnt_a[a[i]] = 0;
	for (int32_t j = p.y0; j < p.y1; j++)
		w->cnt_b[b[j]] = 0;
	if (rc != RL_OK || found > 0) {
		w->anchors += found;
		return rc;
	}

	/* In place, the search marks the piece's own chg[] (all 0 so far). */
	s->a = in_a ? a + p.x0 : w->ca;
	s->b = in_b ? b + p.y0 : w->cb;
	s->ca = in_a ? chg_a + p.x0 : w->ma;
	s->cb = in_b ? chg_b + p.y0 : w->mb;
	if (!in_a)
		memset(w->ma, 0, (size_t)na);
	if (!in_b)
		memset(w->mb, 0, (size_t)nb);
	rc = push_seg(s, 0, na, 0, nb, false);
	if (rc == RL_OK)
		rc = run(s);
	if (rc != RL_OK)
		return rc;
	if (!in_a)
		spread_marks(chg_a + p.x0, p.x1 - p.x0, w->ma);
	if (!in_b)
		spread_marks(chg_b + p.y0, p.y1 - p.y0, w->mb);
	return RL_OK;
}

int rl_myers(const uint32_t *a, size_t n, const uint32_t *b, size_t m, size_t nids,
             const rl_myers_opts *opts, uint8_t *chg_a, uint8_t *chg_b, rl_myers_stats *stats)
{
	if (n + m > SIZE_MAX_ELEMS)
		return RL_ETOOBIG;
	if (stats)
		*stats = (rl_myers_stats){0, 0, 0, 0};
	memset(chg_a, 0, n);
	memset(chg_b, 0, m);

	size_t pre = 0, suf = 0;
	while (pre < n && pre < m && a[pre] == b[pre])
		pre++;
	while (suf < n - pre && suf < m - pre && a[n - 1 - suf] == b[m - 1 - suf])
		suf++;
	a += pre, b += pre, chg_a += pre, chg_b += pre;
	n -= pre + suf, m -= pre + suf;
	if (n == 0 || m == 0) {
		memset(chg_a, 1, n);
		memset(chg_b, 1, m);
		return RL_OK;
	}

	work w = {0};
	search s = {0};
	int rc = RL_ENOMEM;
	size_t small = n < m ? n : m;
	w.anchored = !opts->minimal && opts->anchors;
	if (work_alloc(&w, n, m, nids, small) != RL_OK)
		goto out;
	s.fv = w.diag + m + 1;
	s.bv = w.diag + (n + m + 3) + m + 1;
	s.minimal = opts->minimal;
	if (opts->max_cost) {
		s.max_cost = (int32_t)(opts->max_cost < INT32_MAX ? opts->max_cost : INT32_MAX);
	} else {
		s.max_cost = (int32_t)isqrt((uint64_t)n + (uint64_t)m);
		if (s.max_cost < MAX_COST_MIN)
			s.max_cost = MAX_COST_MIN;
	}
	s.max_work = opts->max_work ? opts->max_work
	                            : WORK_PER_ELEM * ((uint64_t)n + (uint64_t)m) + WORK_MIN;
	s.cancel = opts->cancel;
	s.bit_mode = opts->bitlcs;
	s.bit.nids = nids;
	s.bit_words = (size_t)(n + m > BIT_WORDS_MIN ? n + m : BIT_WORDS_MIN);

	rc = push_piece(&w, 0, (int32_t)n, 0, (int32_t)m);
	while (rc == RL_OK && w.ntodo > 0) {
		seg p = w.todo[--w.ntodo];
		rc = solve_piece(&s, &w, a, b, chg_a, chg_b, p);
	}
	if (rc == RL_OK && stats) {
		stats->anchors = w.anchors;
		stats->bound_hits = s.bound_hits;
		stats->work = s.work;
		stats->bitlcs_splits = s.bit_splits;
	}
out:
	work_free(&w, &s);
	return rc;
}
