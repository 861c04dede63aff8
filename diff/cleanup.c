/* cleanup.c: dissolving coincidental equalities, and sliding edits to boundaries. */
#include "cleanup.h"

#include <stdlib.h>
#include <string.h>

#include "quote.h"
#include "status.h"
#include "rewrite.h"
#include "structure.h"

/* A replace of at most this many words a side is a swap (cleanup.h); the function words between
 * swaps are the text's own and stay. */
#define SWAP_WORDS RL_SWAP_WORDS
/* A sentence that keeps at least this share of its words is otherwise unchanged: nothing in it
 * is dissolved. */
#define UNCHANGED_SHARE 0.6
/* A sentence that keeps less than this share of its words is rewritten: a heavy change in it
 * dissolves every coincidence out to its anchors. */
#define REWRITTEN_SHARE 0.3

/* Kept words per unit, for the units a list of ops covers. */
typedef struct shares {
	uint32_t lo[2], hi[2];  /* the token ranges covered */
	uint32_t u0[2];         /* first unit */
	uint32_t *kept[2];      /* per unit from u0: words inside equal ops */
} shares;

static void shares_free(shares *sh)
{
	free(sh->kept[0]);
	free(sh->kept[1]);
}

static int shares_init(const rl_ctx *c, const rl_opvec *ops, shares *sh)
{
	memset(sh, 0, sizeof *sh);
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c->side[s];
		sh->lo[s] = rl_lo(&ops->v[0], s);
		sh->hi[s] = rl_hi(&ops->v[ops->n - 1], s);
		sh->u0[s] = sh->lo[s] < sd->n ? rl_unit_of(sd, sh->lo[s]) : 0;
		uint32_t u1 = sh->hi[s] > sh->lo[s] ? rl_unit_of(sd, sh->hi[s] - 1) + 1 : sh->u0[s];
		sh->kept[s] = calloc((size_t)(u1 - sh->u0[s]) + 1, sizeof *sh->kept[s]);
		if (!sh->kept[s])
			return RL_ENOMEM;
	}
	for (int s = 0; s < 2; s++)
		rl_count_kept(c, ops->v, ops->n, s, sh->u0[s], sh->kept[s]);
	return RL_OK;
}

/* Share of the words kept in the unit of token t (side s), leaving out `own` kept words. The unit
 * is clipped to the covered range. */
static double share(const rl_ctx *c, const shares *sh, int s, uint32_t t, uint32_t own)
{
	const rl_side *sd = &c->side[s];
	uint32_t u = rl_unit_of(sd, t);
	uint32_t lo = sd->ustart[u] > sh->lo[s] ? sd->ustart[u] : sh->lo[s];
	uint32_t hi = sd->ustart[u + 1] < sh->hi[s] ? sd->ustart[u + 1] : sh->hi[s];
	uint32_t total = rl_words(c, s, lo, hi), kept = sh->kept[s][u - sh->u0[s]];
	if (total <= own)
		return 0.0;
	return (double)(kept - own) / (double)(total - own);
}

/* A run of consecutive change ops, or one equal op. */
typedef struct item {
	uint32_t first, count;  /* its ops in the output list (20 bytes an item, not 32: one item per
	                         * op is held, at the peak of the comparison) */
	uint32_t w[2];        /* words on each side */
	bool change;
	bool heavy;           /* more than swaps (heavy_neighbour) somewhere in it */
	bool heavy_end[2];    /* its first (0) or last (1) op is more than swaps */
} item;

/* Is equal op e the tail of a word and nothing more on both sides, a hyphen or an apostrophe
 * and the part glued after it ("-built" of "hand-built" and "town-built", "’s" of "Halloway’s"
 * and "Brannock’s"), the word's head being in the change before it on both sides? A
 * tail kept while both heads changed is a coincidence of spelling, as weak as "the". */
static bool glued_tail(const rl_ctx *c, const rl_op *e)
{
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c->side[s];
		uint32_t lo = rl_lo(e, s), hi = rl_hi(e, s);
		if (lo == 0 || hi != lo + 2 || sd->tok[lo].gap != RL_GAP_NONE ||
		    sd->tok[lo].cls == RL_TOK_WORD || sd->tok[lo - 1].cls != RL_TOK_WORD ||
		    sd->tok[lo + 1].gap != RL_GAP_NONE || sd->tok[lo + 1].cls != RL_TOK_WORD ||
		    (hi < sd->n && sd->tok[hi].gap == RL_GAP_NONE && sd->tok[hi].cls == RL_TOK_WORD))
			return false;
	}
	return true;
}

/* Is equal op e one stop that ends a sentence on one side and, on the other, is the dot of an
 * abbreviation or an initial before a space ("Dr. Helen", "vs. Closed")? It ends nothing a
 * reader would keep there: a coincidence, as "the" is. (A dot inside a word, "cProfile.Profile",
 * is left alone: the unit split reads those either way, and the words around it are kept.) */
static bool stray_stop(const rl_ctx *c, const rl_op *e)
{
	const rl_token *tk = &c->side[RL_OLD].tok[e->a0];
	if (e->a1 != e->a0 + 1 || !(rl_tok_idf(c, RL_OLD, e->a0) & RL_IDF_STOP) || tk->len != 1 ||
	    c->side[RL_OLD].text[tk->off] != '.')
		return false;  /* a dot only: "!" starts a table's header cell in wiki markup */
	bool ends[2], spaced[2];
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c->side[s];
		uint32_t t = rl_lo(e, s), u = t + 1;
		while (u < sd->n && sd->tok[u].gap == RL_GAP_NONE && sd->tok[u].cls != RL_TOK_WORD)
			u++;  /* closing marks after it: "… said.”" */
		ends[s] = u >= sd->n || rl_unit_of(sd, u) != rl_unit_of(sd, t);
		spaced[s] = u < sd->n && sd->tok[u].gap != RL_GAP_NONE;
	}
	return ends[0] != ends[1] && spaced[ends[0] ? RL_NEW : RL_OLD];
}

/* Is equal op e short, made of function words and punctuation, and inside one sentence (or a
 * word's tail alone: glued_tail; a stray stop: stray_stop)? */
static bool weak(const rl_ctx *c, const rl_op *e)
{
	if (rl_op_words(c, e, RL_OLD) > RL_WEAK_WORDS || e->a1 == e->a0 || e->b1 == e->b0)
		return false;
	if (glued_tail(c, e))
		return true;
	if (stray_stop(c, e))
		return true;
	for (uint32_t t = e->a0; t < e->a1; t++) {
		const rl_token *tk = &c->side[RL_OLD].tok[t];
		unsigned f = rl_tok_idf(c, RL_OLD, t);
		if (tk->cls == RL_TOK_WORD ? !(f & RL_IDF_FUNCTION) : (f & RL_IDF_STOP) != 0)
			return false;
	}
	/* The equality and the tokens on either side of it belong to one unit on each side: a
	 * sentence end is never dissolved, nor is the start of a sentence. */
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c->side[s];
		uint32_t lo = rl_lo(e, s), hi = rl_hi(e, s);
		uint32_t from = lo > 0 ? lo - 1 : lo, to = hi < sd->n ? hi : hi - 1;
		if (rl_unit_of(sd, from) != rl_unit_of(sd, to))
			return false;
	}
	return true;
}

static uint32_t max_side(const item *it)
{
	return it->w[0] > it->w[1] ? it->w[0] : it->w[1];
}

/* May the equal op e between change runs l and r be dissolved into one rewrite? */
static bool dissolvable(const rl_ctx *c, const shares *sh, const item *l, const rl_op *e,
                        const item *r)
{
	if (!weak(c, e))
		return false;
	uint32_t own = rl_op_words(c, e, RL_OLD), size = own ? own : 1;
	if (size >= max_side(l) || size >= max_side(r))
		return false;  /* strictly smaller than both: "the" between two one-word edits stays */
	double sa = share(c, sh, RL_OLD, e->a0, own), sb = share(c, sh, RL_NEW, e->b0, own);
	if (sa >= UNCHANGED_SHARE || sb >= UNCHANGED_SHARE)
		return false;
	/* A heavy change next to it: "the" beside a dropped clause goes with it. In a sentence that
	 * keeps little, so does every function word out to the next anchor; in one that keeps much
	 * (a spun sentence, about half its words swapped) the "of" two swaps away stays. */
	if (l->heavy_end[1] || r->heavy_end[0])
		return true;
	return (l->heavy || r->heavy) && sa < REWRITTEN_SHARE && sb < REWRITTEN_SHARE;
}

/* Is op heavy beside an equality: more than a chain of swaps? Adjacent swaps come out of the exact
 * script as one replace ("can open" -> "is able to unlock"): a side of at most SWAP_WORDS words,
 * each word of it turned into at most SWAP_WORDS, is swaps, and the function word beside it is the
 * text's own ("is able to unlock a tiny gate"). */
static bool heavy_neighbour(const rl_ctx *c, const rl_op *op)
{
	uint32_t wa = rl_op_words(c, op, RL_OLD), wb = rl_op_words(c, op, RL_NEW);
	if (op->kind != RL_OP_REPLACE)
		return wa + wb > 0;
	uint32_t lo = wa < wb ? wa : wb, hi = wa < wb ? wb : wa;
	return lo > SWAP_WORDS || hi > SWAP_WORDS * lo;
}

/* Replace the last three items (run, equal, run) by one rewrite covering them. */
static void merge_last(rl_opvec *out, item *st, size_t *nst, item *run)
{
	item *l = &st[*nst - 2], *e = &st[*nst - 1];
	rl_op m = {out->v[l->first].a0, out->v[out->n - 1].a1, out->v[l->first].b0,
	           out->v[out->n - 1].b1, 0, 0, 0};
	m.kind = rl_change_kind(m.a1 > m.a0, m.b1 > m.b0);
	for (int s = 0; s < 2; s++)
		run->w[s] += l->w[s] + e->w[s];
	run->first = l->first;
	run->count = 1;
	run->heavy = true;
	run->heavy_end[0] = l->heavy_end[0];
	out->n = l->first;
	out->v[out->n++] = m;  /* room: three or more ops were there */
	*nst -= 2;
}

int rl_cleanup(rl_ctx *c, rl_opvec *ops)
{
	if (ops->n < 3)
		return RL_OK;
	if (ops->n >= UINT32_MAX)
		return RL_ETOOBIG;
	shares sh = {{0, 0}, {0, 0}, {0, 0}, {NULL, NULL}};
	rl_opvec out = rl_ctx_scratch(c, ops->n);
	item *st = malloc(ops->n * sizeof *st);
	size_t nst = 0;
	int rc = RL_ENOMEM;

	if (!st || shares_init(c, ops, &sh) != RL_OK)
		goto out;
	for (size_t k = 0; k < ops->n;) {
		const rl_op *op = &ops->v[k];
		if (op->kind == RL_OP_EQUAL || op->move) {
			item e = {(uint32_t)out.n, 1, {rl_op_words(c, op, 0), rl_op_words(c, op, 1)}, false, false,
			          {false, false}};
			if (rl_opvec_push(&out, op) != RL_OK)
				goto out;
			st[nst++] = e;
			k++;
			continue;
		}
		item run = {(uint32_t)out.n, 0, {0, 0}, true, false, {false, false}};
		for (; k < ops->n && ops->v[k].kind != RL_OP_EQUAL && !ops->v[k].move; k++) {
			if (rl_opvec_push(&out, &ops->v[k]) != RL_OK)
				goto out;
			run.count++;
			run.w[0] += rl_op_words(c, &ops->v[k], RL_OLD);
			run.w[1] += rl_op_words(c, &ops->v[k], RL_NEW);
			bool h = heavy_neighbour(c, &ops->v[k]);
			if (run.count == 1)
				run.heavy_end[0] = h;
			run.heavy_end[1] = h;
			run.heavy |= h;
		}
		while (nst >= 2 && !st[nst - 1].change && st[nst - 2].change &&
		       dissolvable(c, &sh, &st[nst - 2], &out.v[st[nst - 1].first], &run))
			merge_last(&out, st, &nst, &run);
		st[nst++] = run;
	}
	rl_opvec_swap(ops, &out);
	rc = RL_OK;
out:
	shares_free(&sh);
	rl_ctx_recycle(c, &out);
	free(st);
	return rc;
}

/* ------------------------------------------------------------------ sliding */

/* How good a place the point before token t of side s is for an edit to start or end. */
static int boundary_score(const rl_ctx *c, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	if (t == 0 || t >= sd->n)
		return 6;
	switch (sd->tok[t].gap) {
	case RL_GAP_PARA: return 5;
	case RL_GAP_BREAK: return 4;
	default: break;
	}
	if (rl_unit_of(sd, t) != rl_unit_of(sd, t - 1))
		return 3;
	return sd->tok[t].gap == RL_GAP_NONE ? 0 : 1;
}

static bool same_id(const rl_side *sd, uint32_t x, uint32_t y)
{
	return sd->ids[x] != RL_ID_NONE && sd->ids[x] == sd->ids[y];
}

/* Slide the one-sided op k (tokens [lo, hi) on side s) between equal ops k-1 and k+1 to the best
 * boundary. Sliding left by one moves the equal pair before it to after it: possible when the
 * token before the edit equals the edit's last token. Both neighbours keep at least one token. */
static void slide_one(const rl_ctx *c, rl_op *prev, rl_op *op, rl_op *next, int s)
{
	const rl_side *sd = &c->side[s];
	uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s);
	uint32_t left = 0, right = 0;

	while (lo - left - 1 > rl_lo(prev, s) && same_id(sd, lo - left - 1, hi - left - 1))
		left++;
	while (hi + right + 1 < rl_hi(next, s) && same_id(sd, lo + right, hi + right))
		right++;
	if (left == 0 && right == 0)
		return;
	int best = -1;
	int32_t shift = 0;
	for (int32_t d = -(int32_t)left; d <= (int32_t)right; d++) {
		int sc = boundary_score(c, s, (uint32_t)((int32_t)lo + d)) +
		         boundary_score(c, s, (uint32_t)((int32_t)hi + d));
		if (sc > best)
			best = sc, shift = d;
	}
	/* Every token the edit passes over moves from one equal op to the other, on both sides. */
	prev->a1 = (uint32_t)((int32_t)prev->a1 + shift);
	prev->b1 = (uint32_t)((int32_t)prev->b1 + shift);
	next->a0 = (uint32_t)((int32_t)next->a0 + shift);
	next->b0 = (uint32_t)((int32_t)next->b0 + shift);
	if (s == RL_OLD) {
		op->a0 = prev->a1, op->a1 = next->a0;
		op->b0 = op->b1 = prev->b1;
	} else {
		op->b0 = prev->b1, op->b1 = next->b0;
		op->a0 = op->a1 = prev->a1;
	}
}

/* Do tokens [x, x + n) and [y, y + n) of side s have the same ids? */
static bool same_run(const rl_side *sd, uint32_t x, uint32_t y, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if (!same_id(sd, x + i, y + i))
			return false;
	return true;
}

static bool plain_change(const rl_op *op)
{
	return op->kind != RL_OP_EQUAL && !op->move;
}

static bool plain_equal(const rl_op *op)
{
	return op->kind == RL_OP_EQUAL && !op->move;
}

/* boundary_score, where a soft line end (in wrapped text, a row of a table drawn in it) ranks
 * above a space: a shift never moves a change's edge off the start of a line. */
static int edge_score(const rl_ctx *c, int s, uint32_t t)
{
	bool line = t < c->side[s].n && c->side[s].tok[t].gap == RL_GAP_LINE;
	return 2 * boundary_score(c, s, t) + line;
}

/* Is the point before token t of side s as good a place for an edit's edge as either end of the
 * equal op e (which a shift_merge takes away), and are e and its ends inside one line? The change
 * that swallows them would otherwise run over a line's end: "]" at the end of a list item joined
 * to the next item inserted whole, "， |" to the "|" opening the next row of a table. */
static bool edge_as_good(const rl_ctx *c, int s, uint32_t t, const rl_op *e)
{
	const rl_side *sd = &c->side[s];
	for (uint32_t k = rl_lo(e, s); k <= rl_hi(e, s) && k < sd->n; k++)
		if (sd->tok[k].gap >= RL_GAP_LINE)
			return false;
	int here = edge_score(c, s, t);
	return here >= edge_score(c, s, rl_lo(e, s)) && here >= edge_score(c, s, rl_hi(e, s));
}

/* Does a line a reader sees start inside [lo, hi) of side s (not at lo)? */
static bool breaks_inside(const rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	for (uint32_t k = lo + 1; k < hi; k++)
		if (c->side[s].tok[k].gap >= RL_GAP_BREAK)
			return true;
	return false;
}

/* Is token t of side s inside a quotation (marks included)? */
static bool quoted(const rl_side *sd, uint32_t t)
{
	return rl_quote_innermost(sd, t) >= 0;
}

/* Would moving equal tokens from [from, from + n) to [to, to + n) of side s take a word into or
 * out of a quotation? Then the shift would trade which copy of a word a quotation keeps, and the
 * quote stage reads the quotation as kept or removed by it ("all" of "override-all" kept, and
 * then "override" with it, for NEW's "override all": the words between lost). A mark is no such
 * copy. */
static bool crosses_quote(const rl_side *sd, uint32_t from, uint32_t to, uint32_t n)
{
	for (uint32_t i = 0; i < n && sd->nquotes; i++)
		if (sd->tok[from + i].cls == RL_TOK_WORD && quoted(sd, from + i) != quoted(sd, to + i))
			return true;
	return false;
}

/* Ops x, e, y (change, equality, change) at the end of the list: shift e over a one-sided change
 * beside it that ends (or, before it, starts) with e's own tokens, so that the two changes meet and
 * become one. "A {+X+} in {+Y in+} B" is "A {+X in Y+} in B": as many tokens kept, one edit where
 * there were two around a stray match (a character of Chinese, "在", matched at the start of a
 * long insertion that ends with it). Not when the edge the change then has is a worse boundary
 * than an end of e ("id:" kept at the start of a line stays there), nor when x and y are a
 * deletion and an insertion: the merge would be a replace of two texts that nothing paired, nor
 * when the part of the one-sided change that joins the other holds a line start ("The vote" and
 * the next line inserted whole stay apart from the rewrite after them), nor when it would take e
 * into or out of a quotation (crosses_quote). Returns whether it merged. */
static bool shift_merge(const rl_ctx *c, rl_op *v, size_t *n)
{
	rl_op *x = &v[*n - 3], *e = &v[*n - 2], *y = &v[*n - 1];
	if (!plain_change(x) || !plain_equal(e) || !plain_change(y))
		return false;
	int sy = rl_one_side(y), sx = rl_one_side(x);
	if (sx >= 0 && sy >= 0 && sx != sy)
		return false;  /* a deletion and an insertion made one would pair what no diff paired */
	if (sy >= 0) {  /* y ends with e: the change grows leftwards over e */
		const rl_side *sd = &c->side[sy];
		uint32_t L = rl_hi(e, sy) - rl_lo(e, sy), hi = rl_hi(y, sy);
		if (hi - rl_lo(y, sy) >= L && same_run(sd, rl_lo(e, sy), hi - L, L) &&
		    edge_as_good(c, sy, hi - L, e) && !breaks_inside(c, sy, rl_lo(y, sy), hi - L) &&
		    !crosses_quote(sd, rl_lo(e, sy), hi - L, L)) {
			rl_op m = *x, k = *e;
			if (sy == RL_OLD)
				m.a1 = hi - L, k.a0 = hi - L, k.a1 = hi;
			else
				m.b1 = hi - L, k.b0 = hi - L, k.b1 = hi;
			m.kind = rl_change_kind(m.a1 > m.a0, m.b1 > m.b0);
			*x = m, *e = k;
			--*n;
			return true;
		}
	}
	if (sx >= 0) {  /* x starts with e: the change grows rightwards over e */
		const rl_side *sd = &c->side[sx];
		uint32_t L = rl_hi(e, sx) - rl_lo(e, sx), lo = rl_lo(x, sx);
		if (rl_hi(x, sx) - lo >= L && same_run(sd, lo, rl_lo(e, sx), L) &&
		    edge_as_good(c, sx, lo + L, e) && !breaks_inside(c, sx, lo + L, rl_hi(x, sx)) &&
		    !crosses_quote(sd, rl_lo(e, sx), lo, L)) {
			rl_op m = *y, k = *e;
			if (sx == RL_OLD)
				k.a0 = lo, k.a1 = lo + L, m.a0 = lo + L;
			else
				k.b0 = lo, k.b1 = lo + L, m.b0 = lo + L;
			m.kind = rl_change_kind(m.a1 > m.a0, m.b1 > m.b0);
			*x = k, *e = m;
			--*n;
			return true;
		}
	}
	return false;
}

/* Every equality that shift_merge can shift away, in place (the list only shrinks); a shifted
 * equality that meets the equal op beside it joins it. */
static void merge_shifted(const rl_ctx *c, rl_opvec *ops)
{
	size_t w = 0;
	bool merged = false;
	for (size_t k = 0; k < ops->n; k++) {
		ops->v[w++] = ops->v[k];
		while (w >= 3 && shift_merge(c, ops->v, &w))
			merged = true;
	}
	ops->n = w;
	if (!merged)
		return;
	w = 0;
	for (size_t k = 0; k < ops->n; k++) {
		rl_op *last = w > 0 ? &ops->v[w - 1] : NULL, *op = &ops->v[k];
		if (last && plain_equal(last) && plain_equal(op) && last->a1 == op->a0 &&
		    last->b1 == op->b0)
			last->a1 = op->a1, last->b1 = op->b1;
		else
			ops->v[w++] = *op;
	}
	ops->n = w;
}

int rl_slide(rl_ctx *c, rl_opvec *ops)
{
	/* Uncompared tokens would break the one-to-one walk of equal ops. */
	if (c->opts.key.ignore_punct)
		return RL_OK;
	merge_shifted(c, ops);
	for (size_t k = 1; k + 1 < ops->n; k++) {
		rl_op *prev = &ops->v[k - 1], *op = &ops->v[k], *next = &ops->v[k + 1];
		if (prev->kind != RL_OP_EQUAL || next->kind != RL_OP_EQUAL || prev->move || next->move ||
		    op->move || (op->kind != RL_OP_DELETE && op->kind != RL_OP_INSERT))
			continue;
		slide_one(c, prev, op, next, op->kind == RL_OP_DELETE ? RL_OLD : RL_NEW);
	}
	return RL_OK;
}

/* ------------------------------------------------------------------ rewrites at unit edges */

/* Cut replace op k where it runs over unit starts on one side and stays in one unit on the other.
 * The rewrite is the part that shares its sentence with the equal text next to it; the whole
 * units before (or after) it were deleted (inserted) and stand as an op of their own, so that a
 * dropped dateline is not drawn as the first words of the next paragraph's rewrite
 * ("[-Boston | July 15 Despite-]{+Regardless of+}"). Returns false when op k is not such a
 * replace (*done false, nothing written). */
static int split_one(const rl_ctx *c, const rl_opvec *ops, size_t k, rl_opvec *out, bool *done)
{
	const rl_op *op = &ops->v[k];
	*done = false;
	if (op->kind != RL_OP_REPLACE || op->move)
		return RL_OK;
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c->side[s], *so = &c->side[!s];
		uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s), olo = rl_lo(op, !s), ohi = rl_hi(op, !s);
		if (rl_unit_of(sd, lo) == rl_unit_of(sd, hi - 1) || rl_unit_of(so, olo) != rl_unit_of(so, ohi - 1))
			continue;
		bool before = k > 0 && ops->v[k - 1].kind == RL_OP_EQUAL && !ops->v[k - 1].move &&
		              rl_inside_unit(c, s, lo);
		bool after = k + 1 < ops->n && ops->v[k + 1].kind == RL_OP_EQUAL &&
		             !ops->v[k + 1].move && rl_inside_unit(c, s, hi);
		if (before == after || (after && rl_inside_unit(c, s, lo)) || (before && rl_inside_unit(c, s, hi)))
			continue;  /* tied to neither neighbour or to both, or the rest is no whole unit
			            * (". The company" -> ", and the light": sentences joined) */
		uint32_t cut = after ? sd->ustart[rl_unit_of(sd, hi - 1)] : sd->ustart[rl_unit_of(sd, lo) + 1];
		rl_op head = *op, tail = *op;
		if (s == RL_OLD)
			head.a1 = tail.a0 = cut;
		else
			head.b1 = tail.b0 = cut;
		rl_op *alone = after ? &head : &tail;  /* the whole units: one-sided */
		if (s == RL_OLD)
			alone->b0 = alone->b1 = after ? op->b0 : op->b1;
		else
			alone->a0 = alone->a1 = after ? op->a0 : op->a1;
		alone->kind = s == RL_OLD ? RL_OP_DELETE : RL_OP_INSERT;
		*done = true;
		if (rl_opvec_push(out, &head) != RL_OK || rl_opvec_push(out, &tail) != RL_OK)
			return RL_ENOMEM;
		return RL_OK;
	}
	return RL_OK;
}

/* Do side s's tokens [lo, hi) end with a sentence's stop (closing marks after it left out)? A
 * unit that a line break alone ends ("Additionally" on a line of its own in text wrapped by hand)
 * is no whole sentence. */
static bool ends_stop(const rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	const rl_side *sd = &c->side[s];
	uint32_t j = hi - 1;
	while (j > lo && sd->tok[j].gap == RL_GAP_NONE &&
	       rl_is_closer(sd->text + sd->tok[j].off, sd->tok[j].len))
		j--;
	return (rl_tok_idf(c, s, j) & RL_IDF_STOP) != 0;
}

/* A replace whose one side is whole units and whose other side is the head of a sentence that
 * goes on in the equal op after it ("[-A-]{+The plans are only that - plans.+} Harbour": NEW's
 * sentence ends before "Harbour", OLD's "A" starts the sentence "Harbour" goes on in) pairs text
 * that shares no sentence: the whole units are inserted (deleted), then the head deleted
 * (inserted) on its own, before the rest of its sentence. When op k is no such replace, *done
 * stays false and nothing is written; returns RL_OK or RL_ENOMEM. */
static int head_off(const rl_ctx *c, const rl_opvec *ops, size_t k, rl_opvec *out, bool *done)
{
	const rl_op *op = &ops->v[k], *next = k + 1 < ops->n ? &ops->v[k + 1] : NULL;
	*done = false;
	if (op->kind != RL_OP_REPLACE || op->move || !next || next->kind != RL_OP_EQUAL ||
	    next->move)
		return RL_OK;
	for (int s = 0; s < 2; s++) {
		uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s), olo = rl_lo(op, !s), ohi = rl_hi(op, !s);
		if (rl_inside_unit(c, s, lo) || !rl_inside_unit(c, s, hi) ||
		    rl_inside_unit(c, !s, olo) || rl_inside_unit(c, !s, ohi) || !ends_stop(c, !s, olo, ohi))
			continue;
		rl_op whole = *op, head = *op;
		if (s == RL_OLD)  /* the head stands after the whole units on the other side */
			whole.a0 = whole.a1 = lo, head.b0 = head.b1 = ohi;
		else
			whole.b0 = whole.b1 = lo, head.a0 = head.a1 = ohi;
		whole.kind = s == RL_OLD ? RL_OP_INSERT : RL_OP_DELETE;
		head.kind = s == RL_OLD ? RL_OP_DELETE : RL_OP_INSERT;
		*done = true;
		int rc = rl_opvec_push(out, &whole);
		return rc == RL_OK ? rl_opvec_push(out, &head) : rc;
	}
	return RL_OK;
}

/* Content words looked at on each side of a replace for a shared one; a longer replace is taken
 * to share some (it is left as it is). */
#define SHARED_SCAN_MAX 256

/* Do the two sides of op share a content word, the same or a variant ("sale", "sales")? */
static bool shares_content(const rl_ctx *c, const rl_op *op)
{
	uint32_t wa = rl_op_words(c, op, RL_OLD), wb = rl_op_words(c, op, RL_NEW);
	if (wa > SHARED_SCAN_MAX || wb > SHARED_SCAN_MAX)
		return true;
	for (uint32_t i = op->a0; i < op->a1; i++) {
		if (!rl_is_content(c, RL_OLD, i))
			continue;
		size_t nx;
		const char *kx = rl_interner_key(c->in, c->side[RL_OLD].ids[i], &nx);
		for (uint32_t j = op->b0; j < op->b1; j++) {
			if (!rl_is_content(c, RL_NEW, j))
				continue;
			if (c->side[RL_OLD].ids[i] == c->side[RL_NEW].ids[j])
				return true;
			size_t ny;
			const char *ky = rl_interner_key(c->in, c->side[RL_NEW].ids[j], &ny);
			if (rl_similar_words(kx, nx, ky, ny))
				return true;
		}
	}
	return false;
}

/* Is the equal op e right before op (after it, unless `before`) and in the same sentence as op's
 * edge, on both sides? */
static bool same_sentence(const rl_ctx *c, const rl_op *e, bool before, const rl_op *op)
{
	if (e->kind != RL_OP_EQUAL || e->move)
		return false;
	for (int s = 0; s < 2; s++) {
		uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s);
		if (before ? !(rl_inside_unit(c, s, lo) && rl_hi(e, s) == lo)
		           : !(rl_inside_unit(c, s, hi) && rl_lo(e, s) == hi))
			return false;
	}
	return true;
}

/* Do both sides of op cover whole units of about the same length (a sentence reworded in its
 * place: "See also feature." -> "View as well function.")? */
static bool whole_units_facing(const rl_ctx *c, const rl_op *op)
{
	for (int s = 0; s < 2; s++)
		if (rl_inside_unit(c, s, rl_lo(op, s)) || rl_inside_unit(c, s, rl_hi(op, s)))
			return false;
	double wa = rl_op_words(c, op, RL_OLD), wb = rl_op_words(c, op, RL_NEW);
	return wa >= RL_FACING_RATIO * wb && wb >= RL_FACING_RATIO * wa;
}

/* A replace pairs text only where its two sides share a content word or stand in the same
 * sentence slot (inside one sentence on each side, an equal neighbour in the same sentence on
 * both sides, or whole sentences facing each other); otherwise it is a deletion and an
 * insertion: a page's menu lines are not a rewrite of the sentence the new text put there. */
static bool unrelated(const rl_ctx *c, const rl_opvec *ops, size_t k)
{
	const rl_op *op = &ops->v[k];
	if (op->kind != RL_OP_REPLACE || op->move || rl_op_words(c, op, RL_OLD) == 0 ||
	    rl_op_words(c, op, RL_NEW) == 0)
		return false;
	bool one_unit = true;  /* inside one unit on each side: a swap or a reworded clause */
	for (int s = 0; s < 2; s++)
		one_unit &= rl_unit_of(&c->side[s], rl_lo(op, s)) == rl_unit_of(&c->side[s], rl_hi(op, s) - 1);
	if (one_unit || (k > 0 && same_sentence(c, &ops->v[k - 1], true, op)) ||
	    (k + 1 < ops->n && same_sentence(c, &ops->v[k + 1], false, op)) ||
	    whole_units_facing(c, op))
		return false;
	return !shares_content(c, op);
}

int rl_split_at_units(rl_ctx *c, rl_opvec *ops)
{
	rl_opvec out = rl_ctx_scratch(c, ops->n);
	bool any = false;
	for (size_t k = 0; k < ops->n; k++) {
		bool done = false;
		int rc = RL_OK;
		if (unrelated(c, ops, k)) {
			rc = rl_opvec_push_split(&out, &ops->v[k]);
			done = true;
		} else {
			rc = split_one(c, ops, k, &out, &done);
			if (rc == RL_OK && !done)
				rc = head_off(c, ops, k, &out, &done);
		}
		if (rc == RL_OK && !done)
			rc = rl_opvec_push(&out, &ops->v[k]);
		if (rc != RL_OK) {
			rl_ctx_recycle(c, &out);
			return rc;
		}
		any |= done;
	}
	if (any)
		rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	return RL_OK;
}

/* ------------------------------------------------------------------ a word out of a URL */

/* Tokens of a URL looked at around a word matched in it, and ops looked at on either
 * side of that word for the URL's other words kept. */
#define URL_TOKENS_MAX 96
#define URL_OPS_MAX 16

/* Words of side s in [x0, x1) that equal ops or moves of v[0, n) keep. */
static uint32_t kept_in(const rl_ctx *c, const rl_op *v, size_t n, int s, uint32_t x0, uint32_t x1)
{
	uint32_t w = 0;
	for (size_t k = 0; k < n; k++) {
		if (v[k].kind != RL_OP_EQUAL && !v[k].move)
			continue;
		uint32_t lo = rl_lo(&v[k], s) > x0 ? rl_lo(&v[k], s) : x0;
		uint32_t hi = rl_hi(&v[k], s) < x1 ? rl_hi(&v[k], s) : x1;
		w += hi > lo ? rl_words(c, s, lo, hi) : 0;
	}
	return w;
}

/* Is token t of side s the one-character mark ch? */
static bool is_mark(const rl_side *sd, uint32_t t, char ch)
{
	return sd->tok[t].cls == RL_TOK_PUNCT && sd->tok[t].len == 1 && sd->text[sd->tok[t].off] == ch;
}

/* Is [lo, hi) of side s inside a URL: an ASCII run of tokens with no space that holds a "://"
 * (not a path nor names joined by a slash, "OpenOffice.org/LibreOffice", whose parts a spun text
 * swaps one by one)? Sets [*c0, *c1) to the run. */
static bool in_url(const rl_side *sd, uint32_t lo, uint32_t hi, uint32_t *c0, uint32_t *c1)
{
	uint32_t x0 = lo, x1 = hi;
	while (x0 > 0 && sd->tok[x0].gap == RL_GAP_NONE && hi - x0 < URL_TOKENS_MAX)
		x0--;
	while (x1 < sd->n && sd->tok[x1].gap == RL_GAP_NONE && x1 - x0 < URL_TOKENS_MAX)
		x1++;
	bool scheme = false;
	for (uint32_t t = x0; t < x1; t++) {
		if (!(sd->tok[t].flags & RL_TF_ASCII))
			return false;
		scheme |= t > x0 && t + 1 < x1 && is_mark(sd, t - 1, ':') && is_mark(sd, t, '/') &&
		          is_mark(sd, t + 1, '/');
	}
	*c0 = x0, *c1 = x1;
	return scheme;
}

/* Is ops[k], an equal op, a word or two inside a URL on side s (its tokens glued on both ends)
 * whose other words, two or more, none kept (by the URL_OPS_MAX ops on either side), all
 * changed, and in no URL on the other side? A URL rewritten part by part keeps its parts
 * ("[-raku-] {+rakus+}.org/"), as does a number ("5.26.[-1-]{+2+}"). */
static bool url_stray(const rl_ctx *c, const rl_op *ops, size_t n, size_t k, int s)
{
	const rl_side *sd = &c->side[s];
	uint32_t lo = rl_lo(&ops[k], s), hi = rl_hi(&ops[k], s), c0, c1, o0, o1;
	if (sd->tok[lo].gap != RL_GAP_NONE || hi >= sd->n || sd->tok[hi].gap != RL_GAP_NONE)
		return false;
	for (uint32_t t = lo; t < hi; t++)
		if (sd->tok[t].flags & RL_TF_DIGIT)
			return false;
	if (!in_url(sd, lo, hi, &c0, &c1) || rl_words(c, s, c0, c1) < rl_words(c, s, lo, hi) + 2 ||
	    in_url(&c->side[!s], rl_lo(&ops[k], !s), rl_hi(&ops[k], !s), &o0, &o1))
		return false;
	size_t b0 = k > URL_OPS_MAX ? k - URL_OPS_MAX : 0, a1 = n - k > URL_OPS_MAX ? k + URL_OPS_MAX : n;
	return kept_in(c, ops + b0, k - b0, s, c0, lo) == 0 &&
	       kept_in(c, ops + k + 1, a1 - k - 1, s, hi, c1) == 0;
}

/* Is op a change that a stray may join (no part of a move)? */
int rl_url_strays(rl_ctx *c, rl_opvec *ops)
{
	rl_op *v = ops->v;
	size_t n = ops->n, w = 0;
	for (size_t k = 0; k < n; k++) {
		rl_op *e = &v[k];
		uint32_t words = rl_op_words(c, e, RL_OLD);
		if (w > 0 && k + 1 < n && e->kind == RL_OP_EQUAL && !e->move && words > 0 &&
		    words <= RL_WEAK_WORDS && plain_change(&v[w - 1]) && plain_change(&v[k + 1]) &&
		    (url_stray(c, v, n, k, RL_OLD) || url_stray(c, v, n, k, RL_NEW))) {
			rl_op *l = &v[w - 1];
			l->a1 = v[k + 1].a1, l->b1 = v[k + 1].b1;
			l->kind = rl_change_kind(l->a1 > l->a0, l->b1 > l->b0);
			l->quote = 0;
			k++;
			continue;
		}
		v[w++] = *e;
	}
	ops->n = w;
	return RL_OK;
}
