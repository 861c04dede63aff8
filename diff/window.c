/* window.c: the pipeline on the windows around the changes of two long texts (window.h). */
#include "window.h"

#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "move.h"
#include "pipeline.h"
#include "status.h"

/* Texts shorter than this (tokens, both sides together) are compared whole: the windows would
 * save little, and the short texts of the tests and goldens keep one path. */
#define MIN_TOKENS 1024

/* A window may start where a line starts a paragraph on both sides. */
#define CUT_GAP RL_GAP_PARA

#define NONE RL_WIN_NONE

/* A side's lines: tokens from l[i].t0 to the next line's (line_end), and a hash of their
 * bytes (l[i].h; width unused). The tokenizer's own when LF alone ends lines (no copy: copying
 * them was 0.4 M instructions on a 1 MB pair, stop 37), else own's. */
typedef struct side {
	const rl_token *v;
	const char *text;
	uint32_t n;
	const rl_tokline *l;
	rl_tokline *own;
	uint32_t nl;
} side;

/* The token after line i's last: the next line's first, or the count. */
static inline uint32_t line_end(const side *s, uint32_t i)
{
	return i + 1 < s->nl ? s->l[i + 1].t0 : s->n;
}

/* The first token after t0 that starts after byte pos, or n: a galloping search from t0 (whose
 * token starts at or before pos), a line being a few tokens. */
static uint32_t first_after(const rl_token *v, uint32_t n, uint32_t t0, size_t pos)
{
	uint32_t lo = t0, hi = t0 + 1, step = 1;
	while (hi < n && v[hi].off <= pos) {
		lo = hi;
		step *= 2;
		hi = n - t0 > step ? t0 + step : n;
	}
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (v[mid].off <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return hi;
}

/* The lines of a side: the tokens between two line feeds (a form feed or a line separator does
 * not end one here: such lines are longer, and compared all the same). */
static int lines_of(side *s, const rl_tokens *toks)
{
	const rl_token *v = s->v = rl_tokens_array(toks);
	const char *text = s->text = rl_tokens_text(toks);
	uint32_t n = s->n = (uint32_t)rl_tokens_count(toks);
	size_t len = rl_tokens_text_len(toks), cap = 1024;
	uint32_t k = 0;
	/* The tokenizer's lines are these when LF alone ends lines, hashed the same way. */
	size_t ntl;
	bool lf_only;
	const rl_tokline *tl = rl_tokens_lines(toks, &ntl, &lf_only);
	if (lf_only) {
		s->l = tl;
		s->nl = (uint32_t)ntl;
		return RL_OK;
	}
	if (!(s->own = malloc(cap * sizeof *s->own)))
		return RL_ENOMEM;
	for (uint32_t t0 = 0, t1; t0 < n; t0 = t1) {
		const char *nl = memchr(text + v[t0].off, '\n', len - v[t0].off);
		t1 = nl ? first_after(v, n, t0, (size_t)(nl - text)) : n;
		if (k == cap) {
			rl_tokline *l = realloc(s->own, 2 * cap * sizeof *l);
			if (!l)
				return RL_ENOMEM;
			s->own = l, cap *= 2;
		}
		size_t off = v[t0].off, end = (size_t)v[t1 - 1].off + v[t1 - 1].len;
		s->own[k++] = (rl_tokline){rl_hash_bytes(text + off, end - off), t0, 0};
	}
	s->l = s->own;
	s->nl = k;
	return RL_OK;
}

/* Are line i of a and line j of b the same tokens of the same bytes? The tokens of a line are
 * made from its bytes alone (their whitespace before the first aside, which is not compared),
 * so the same bytes in as many tokens are the same tokens: a line's last token ends where the
 * tokenizer's look at what follows let it (a combining mark after it would join it and make
 * the bytes differ). */
static bool line_eq(const side *a, uint32_t i, const side *b, uint32_t j)
{
	const rl_tokline *x = &a->l[i], *y = &b->l[j];
	uint32_t n = line_end(a, i) - x->t0;
	if (x->h != y->h || n != line_end(b, j) - y->t0)
		return false;
	const rl_token *p = a->v + x->t0, *q = b->v + y->t0;
	uint32_t po = p[0].off, qo = q[0].off;
	size_t len = (size_t)p[n - 1].off + p[n - 1].len - po;
	return (size_t)q[n - 1].off + q[n - 1].len - qo == len &&
	       memcmp(a->text + po, b->text + qo, len) == 0;
}

/* OLD's lines by hash: how often each occurs on each side. */
typedef struct entry {
	uint64_t h;
	uint32_t line;     /* OLD's line with it (the last one) */
	uint32_t na, nb;   /* occurrences in OLD and NEW */
} entry;

/* May a window start at line i of a and line j of b (both start a paragraph)? */
static bool cut_at(const void *sa, uint32_t i, const void *sb, uint32_t j)
{
	const side *a = sa, *b = sb;
	return a->v[a->l[i].t0].gap >= CUT_GAP && b->v[b->l[j].t0].gap >= CUT_GAP;
}

/* A unique line matched out of order: OLD's line i is NEW's line j. */
typedef rl_win_pair moved;

/* The matched lines (mo[j]: NEW's line j is OLD's line mo[j], or NONE), as patience diff matches
 * them: the unique lines that keep their order, then their equal neighbours. The unique lines
 * matched out of order (moved lines) into *mv (malloc'd, *nmv of them, NULL when none). */
static int match_lines(const side *a, const side *b, uint32_t *mo, moved **mv, uint32_t *nmv)
{
	size_t cap = 16;
	while (cap < 2 * (size_t)a->nl)
		cap *= 2;
	entry *tab = calloc(cap, sizeof *tab);
	uint32_t *slot = malloc(((size_t)b->nl + 1) * sizeof *slot);
	moved *p = malloc(((size_t)b->nl + 1) * sizeof *p);
	uint32_t *prev = malloc(((size_t)b->nl + 1) * sizeof *prev);
	uint32_t *tail = malloc(((size_t)b->nl + 1) * sizeof *tail);
	uint8_t *keep = malloc((size_t)b->nl + 1);
	*mv = NULL, *nmv = 0;
	if (!tab || !slot || !p || !prev || !tail || !keep) {
		free(tab), free(slot), free(p), free(prev), free(tail), free(keep);
		return RL_ENOMEM;
	}
	size_t mask = cap - 1;
	for (uint32_t i = 0; i < a->nl; i++) {
		uint64_t h = a->l[i].h;
		size_t k = h & mask;
		while (tab[k].na && tab[k].h != h)
			k = (k + 1) & mask;
		tab[k].h = h, tab[k].line = i, tab[k].na++;
	}
	for (uint32_t j = 0; j < b->nl; j++) {
		uint64_t h = b->l[j].h;
		size_t k = h & mask;
		while (tab[k].na && tab[k].h != h)
			k = (k + 1) & mask;
		slot[j] = tab[k].na ? (uint32_t)k : NONE;
		if (tab[k].na)
			tab[k].nb++;
	}
	/* The unique lines' pairs in NEW's order, and those that keep their order. */
	uint32_t np = 0;
	for (uint32_t j = 0; j < b->nl; j++) {
		const entry *e = slot[j] == NONE ? NULL : &tab[slot[j]];
		if (e && e->na == 1 && e->nb == 1 && line_eq(a, e->line, b, j))
			p[np++] = (moved){e->line, j};
	}
	rl_win_in_order(p, np, prev, tail, keep);
	/* Those in order, each extended over its equal neighbours: backwards down to the last
	 * line matched, forwards up to the next unique line. */
	for (uint32_t j = 0; j < b->nl; j++)
		mo[j] = NONE;
	uint32_t pi = 0, pj = 0;  /* lines before these are matched or passed */
	for (uint32_t k = 0; k < np; k++) {
		uint32_t i = p[k].i, j = p[k].j;
		if (!keep[k] || mo[j] != NONE || i < pi) {
			keep[k] = 0;
			continue;
		}
		mo[j] = i;
		for (uint32_t x = i, y = j;
		     x > pi && y > pj && mo[y - 1] == NONE && line_eq(a, x - 1, b, y - 1); x--, y--)
			mo[y - 1] = x - 1;
		uint32_t x = i + 1, y = j + 1;
		for (; x < a->nl && y < b->nl && line_eq(a, x, b, y); x++, y++) {
			/* Stop before the next unique line: it is matched on its own. */
			if (slot[y] != NONE && tab[slot[y]].na == 1 && tab[slot[y]].nb == 1)
				break;
			mo[y] = x;
		}
		pi = x, pj = y;
	}
	/* The moved lines: the pairs left out (unless a neighbour's match took them as they are). */
	uint32_t n = 0;
	for (uint32_t k = 0; k < np; k++)
		if (!keep[k] && mo[p[k].j] != p[k].i)
			p[n++] = p[k];
	free(tab), free(slot), free(prev), free(tail), free(keep);
	if (n == 0)
		free(p);
	else
		*mv = p, *nmv = n;
	return RL_OK;
}

/* The window of w[0..nw) holding token t of side s (0: OLD, 1: NEW), or nw. */
static size_t window_at(const rl_window *w, size_t nw, int s, uint32_t t)
{
	size_t lo = 0, hi = nw;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if ((s ? w[mid].b1 : w[mid].a1) <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nw && (s ? w[lo].b0 : w[lo].a0) <= t ? lo : nw;
}

/* Join the windows w[0..*nw) so that each moved unit's two places (its first tokens: OLD's
 * mv[k].i, NEW's mv[k].j) fall in one window, with what lies between them (windows and kept
 * stretches), so that the moves stage sees both ends. *nw 0 when a moved unit is in no window
 * (which cannot be: it is not matched); RL_ENOMEM. */
static int join_moved(const rl_win_pair *mv, uint32_t nmv, rl_window *w, size_t *nw)
{
	/* joins[k] > 0 after the sum: windows k and k + 1 are one (a difference array over k). */
	int32_t *joins = calloc(*nw + 1, sizeof *joins);
	if (!joins)
		return RL_ENOMEM;
	for (uint32_t k = 0; k < nmv; k++) {
		size_t x = window_at(w, *nw, 0, mv[k].i);
		size_t y = window_at(w, *nw, 1, mv[k].j);
		if (x == *nw || y == *nw) {
			free(joins);
			*nw = 0;
			return RL_OK;
		}
		size_t lo = x < y ? x : y, hi = x < y ? y : x;
		joins[lo]++, joins[hi]--;
	}
	size_t n = 0, nw0 = *nw;
	int32_t open = 0;
	for (size_t k = 0; k < nw0; k++) {
		if (k > 0 && open > 0)
			w[n - 1].a1 = w[k].a1, w[n - 1].b1 = w[k].b1;
		else
			w[n++] = w[k];
		open += joins[k];
	}
	free(joins);
	*nw = n;
	return RL_OK;
}

/* Do windows w[0..nw) keep at least half of each text (na and nb tokens) in their kept
 * stretches (as many tokens on both sides)? */
static bool keep_half(const rl_window *w, size_t nw, uint32_t na, uint32_t nb)
{
	return rl_win_keeps(w, nw, na, nb, 1, 2);
}

/* Are the moved lines too short to be a move on their own: fewer than RL_MOVE_MIN_WORDS words
 * in them all, and none a line that moves alone (rl_move_line_alone: a one-word template line
 * moved from the end of a page to its top is a move since stop 35; a stray "Yes" is not)? */
static bool short_moves(const side *a, const moved *mv, uint32_t nmv, bool lines_move)
{
	uint32_t words = 0;
	for (uint32_t k = 0; k < nmv; k++) {
		uint32_t t0 = a->l[mv[k].i].t0, t1 = line_end(a, mv[k].i);
		if (lines_move && rl_move_line_alone(a->v, a->text, a->n, t0, t1))
			return false;
		for (uint32_t t = t0; t < t1; t++)
			words += a->v[t].cls == RL_TOK_WORD && !(a->v[t].flags & RL_TF_GLUED);
	}
	return words < RL_MOVE_MIN_WORDS;
}

/* The windows of the paragraphs equal once whitespace is collapsed (window_para.c), joined
 * over their moves, into *out (malloc'd, *nw of them) when they keep RL_WIN_PARA_KEEP_NUM/DEN
 * of each text (worth running: window_para.h); else *out NULL. */
static int by_paras(const rl_tokens *old_toks, const rl_tokens *new_toks, rl_window **out,
                    size_t *nw)
{
	rl_win_pair *mv;
	uint32_t nmv;
	int rc = rl_windows_paras(old_toks, new_toks, out, nw, &mv, &nmv);
	if (rc == RL_OK && nmv > 0)
		rc = join_moved(mv, nmv, *out, nw);
	free(mv);
	if (rc != RL_OK || !rl_win_keeps(*out, *nw, (uint32_t)rl_tokens_count(old_toks),
	                                 (uint32_t)rl_tokens_count(new_toks), RL_WIN_PARA_KEEP_NUM,
	                                 RL_WIN_PARA_KEEP_DEN)) {
		free(*out);
		*out = NULL, *nw = 0;
	}
	return rc;
}

int rl_windows_find(const rl_tokens *old_toks, const rl_tokens *new_toks, rl_window **out,
                    size_t *n, rl_window **apart, size_t *napart, bool lines_move)
{
	side a = {0}, b = {0};
	uint32_t *mo = NULL;
	rl_window *w = NULL;
	size_t nw = 0;
	moved *mv = NULL;
	uint32_t nmv = 0;
	*out = NULL, *n = 0;
	if (apart)
		*apart = NULL, *napart = 0;
	if (rl_tokens_count(old_toks) + rl_tokens_count(new_toks) < MIN_TOKENS)
		return RL_OK;
	int rc = lines_of(&a, old_toks);
	if (rc == RL_OK)
		rc = lines_of(&b, new_toks);
	if (rc == RL_OK && !(mo = malloc(((size_t)b.nl + 1) * sizeof *mo)))
		rc = RL_ENOMEM;
	if (rc == RL_OK)
		rc = match_lines(&a, &b, mo, &mv, &nmv);
	/* At most one window more than the stretches. */
	if (rc == RL_OK && !(w = malloc(((size_t)b.nl + 2) * sizeof *w)))
		rc = RL_ENOMEM;
	if (rc != RL_OK)
		goto done;
	/* The stretches' kept parts, in order; a window is what lies between two. */
	uint32_t wa = 0, wb = 0;  /* where the next window starts */
	for (uint32_t j = 0; j < b.nl;) {
		if (mo[j] == NONE) {
			j++;
			continue;
		}
		uint32_t i0 = mo[j], j0 = j, len = 1;
		while (j0 + len < b.nl && mo[j0 + len] == i0 + len)
			len++;
		j = j0 + len;
		uint32_t m0, m1;
		rl_win_core(cut_at, &a, a.nl, &b, b.nl, i0, j0, len, &m0, &m1);
		if (m0 == m1)
			continue;
		uint32_t ka0 = a.l[i0 + m0].t0, kb0 = b.l[j0 + m0].t0;
		uint32_t ka1 = line_end(&a, i0 + m1 - 1), kb1 = line_end(&b, j0 + m1 - 1);
		if (ka0 > wa || kb0 > wb)
			w[nw++] = (rl_window){wa, ka0, wb, kb0};
		wa = ka1, wb = kb1;
	}
	if (wa < a.n || wb < b.n)
		w[nw++] = (rl_window){wa, a.n, wb, b.n};
	/* Short moved lines: the windows with their places apart too, which the caller tries first
	 * (a move between two of them is then ruled out by their orphans: rl_pipeline_windows). */
	if (nmv > 0 && apart && short_moves(&a, mv, nmv, lines_move) && keep_half(w, nw, a.n, b.n)) {
		if (!(*apart = malloc(nw * sizeof **apart))) {
			rc = RL_ENOMEM;
			goto done;
		}
		memcpy(*apart, w, nw * sizeof *w);
		*napart = nw;
	}
	for (uint32_t k = 0; k < nmv; k++)  /* the moved lines by their first tokens */
		mv[k] = (moved){a.l[mv[k].i].t0, b.l[mv[k].j].t0};
	if (nmv > 0 && (rc = join_moved(mv, nmv, w, &nw)) != RL_OK)
		goto done;
	if (!keep_half(w, nw, a.n, b.n)) {
		/* Too few lines the same byte for byte: the paragraphs, re-wrapped perhaps. */
		free(w);
		w = NULL;
		if ((rc = by_paras(old_toks, new_toks, &w, &nw)) != RL_OK || !w)
			goto done;
	}
	*out = w, *n = nw;
	w = NULL;
done:
	if (rc != RL_OK && apart) {
		free(*apart);
		*apart = NULL, *napart = 0;
	}
	free(a.own);
	free(b.own);
	free(mo);
	free(mv);
	free(w);
	return rc;
}

/* ------------------------------------------------------------------ the pipeline on them */

/* Words of tokens [lo, hi) (a compound's parts are one word: ctx.h). */
static size_t words_of(const rl_token *v, uint32_t lo, uint32_t hi)
{
	size_t w = 0;
	for (uint32_t t = lo; t < hi; t++)
		w += v[t].cls == RL_TOK_WORD && !(v[t].flags & RL_TF_GLUED);
	return w;
}

/* The figures of the joined ops over the whole texts (pipeline.c's count_stats). The ops tile
 * both texts, so the words kept are the words less those deleted and replaced: the long equal
 * ops are never counted token by token. */
static void count_stats(rl_stats *st, const rl_op *ops, size_t nops, rl_tokens *const toks[2])
{
	const rl_token *va = rl_tokens_array(toks[0]), *vb = rl_tokens_array(toks[1]);
	uint32_t last_move = 0;
	st->words[0] = rl_tokens_words(toks[0]);
	st->words[1] = rl_tokens_words(toks[1]);
	for (size_t k = 0; k < nops; k++) {
		const rl_op *op = &ops[k];
		st->ops[op->kind]++;
		st->quotes += op->quote != RL_QUOTE_NONE;
		st->quote_ops[op->quote < RL_QUOTE_KINDS ? op->quote : 0]++;
		if (op->kind == RL_OP_EQUAL && !op->move)
			continue;
		size_t wa = words_of(va, op->a0, op->a1), wb = words_of(vb, op->b0, op->b1);
		if (op->move) {
			st->moved += wa;
			st->moves += op->move != last_move;
			last_move = op->move;
		}
		switch (op->kind) {
		case RL_OP_FORMAT: st->formatted += wa; break;
		case RL_OP_DELETE: st->deleted += wa; break;
		case RL_OP_INSERT: st->inserted += wb; break;
		case RL_OP_REPLACE: st->replaced[0] += wa, st->replaced[1] += wb; break;
		default: break;
		}
	}
	st->kept = st->words[0] - st->deleted - st->replaced[0];
	st->kept_new = st->words[1] - st->inserted - st->replaced[1];
}

/* Append op; a kept stretch (keep) joins the plain equal op before it, and the plain equal op
 * after it joins it (*joins: the last op is a kept stretch), as one equal op of the whole
 * pipeline would stand there. Equal ops of a window stay as the window left them (typography
 * folding leaves some side by side). */
static int push_op(rl_opvec *ov, const rl_op *op, bool keep, bool *joins)
{
	rl_op *last = ov->n ? &ov->v[ov->n - 1] : NULL;
	bool join = keep || *joins;
	*joins = keep;
	if (join && last && op->kind == RL_OP_EQUAL && last->kind == RL_OP_EQUAL && !op->move &&
	    !last->move && !op->quote && !last->quote && last->a1 == op->a0 && last->b1 == op->b0) {
		last->a1 = op->a1, last->b1 = op->b1;
		return RL_OK;
	}
	if (op->a0 == op->a1 && op->b0 == op->b1) {
		*joins = false;
		return RL_OK;
	}
	return rl_opvec_push(ov, op);
}

/* The sources stage of the joined ops (the whole texts') for NEW's tokens [b0, b1) (the windows
 * that want sources, and what lies between them), searched over the whole of OLD. The ops there
 * (an equal op cut at b0 and b1 on NEW's side alone: where it stands beside in OLD is the same)
 * go to rl_pipeline_sources numbered from b0, and come back cut at the links. */
static int sources_of(rl_tokens *const toks[2], const rl_diff_opts *opts, rl_opvec *ops,
                      uint32_t b0, uint32_t b1, rl_link **links, size_t *nlinks)
{
	size_t k0 = 0, k1;
	while (k0 < ops->n && ops->v[k0].b1 <= b0 && !(ops->v[k0].b0 == b0 && ops->v[k0].b1 == b0))
		k0++;
	for (k1 = k0; k1 < ops->n && ops->v[k1].b0 < b1; k1++)
		;
	rl_opvec mid = {0};
	int rc = RL_OK;
	for (size_t k = k0; k < k1 && rc == RL_OK; k++) {
		rl_op op = ops->v[k];
		op.b0 = (op.b0 > b0 ? op.b0 : b0) - b0;
		op.b1 = (op.b1 < b1 ? op.b1 : b1) - b0;
		rc = rl_opvec_push(&mid, &op);
	}
	uint32_t span[4] = {0, (uint32_t)rl_tokens_count(toks[0]), b0, b1};
	if (rc == RL_OK)
		rc = rl_pipeline_sources(toks, span, opts, &mid, links, nlinks);
	rl_opvec out = {0};
	for (size_t k = 0; k < k0 && rc == RL_OK; k++)
		rc = rl_opvec_push(&out, &ops->v[k]);
	for (size_t k = 0; k < mid.n && rc == RL_OK; k++) {
		rl_op op = mid.v[k];
		op.b0 += b0, op.b1 += b0;
		/* the ops cut at b0 and b1: equal ops, never cut at a link */
		if (k == 0)
			op.b0 = ops->v[k0].b0;
		if (k + 1 == mid.n)
			op.b1 = ops->v[k1 - 1].b1;
		rc = rl_opvec_push(&out, &op);
	}
	for (size_t k = k1; k < ops->n && rc == RL_OK; k++)
		rc = rl_opvec_push(&out, &ops->v[k]);
	rl_opvec_free(&mid);
	if (rc != RL_OK) {
		rl_opvec_free(&out);
		free(*links);
		*links = NULL, *nlinks = 0;
		return rc;
	}
	for (size_t k = 0; k < *nlinks; k++)
		(*links)[k].b0 += b0, (*links)[k].b1 += b0;
	rl_opvec_swap(&out, ops);
	rl_opvec_free(&out);
	return RL_OK;
}

/* The windows' results, joined over the whole texts. */
typedef struct joined {
	rl_opvec ops;
	rl_link *links;
	size_t nlinks;
	rl_stats st;
} joined;

/* Could a passage have moved from one window to another (x to y, x != y), which the windows,
 * each on its own, cannot see: OLD orphans of x and NEW orphans of y enough for a move (a move
 * matches RL_MOVE_MIN_WORDS words of OLD; its NEW side may count half as many, a compound's
 * parts being one word)? */
static bool may_cross(const rl_beyond *by, size_t nw)
{
	size_t big_old = 0, big_new = 0, both = 0;
	for (size_t k = 0; k < nw; k++) {
		bool o = by[k].orphans[RL_OLD] >= RL_MOVE_MIN_WORDS;
		bool n = 2 * by[k].orphans[RL_NEW] >= RL_MOVE_MIN_WORDS;
		big_old += o, big_new += n, both += o && n;
	}
	/* Some x and y apart: unless the one window with both is all there is of either. */
	return big_old > 0 && big_new > 0 && !(big_old == 1 && big_new == 1 && both == 1);
}

/* The pipeline on windows w[0..nw), its results joined into *j; *crossed (when not NULL) says
 * whether a move could have crossed between two windows (may_cross), and then nothing is set. */
static int run_windows(rl_tokens *const toks[2], const rl_diff_opts *opts, const rl_window *w,
                       size_t nw, bool *crossed, joined *j)
{
	rl_opvec ops = {0};
	size_t folded = 0;
	uint32_t moves = 0;
	bool joins = false;  /* the last op is a kept stretch */
	bool wanted = false; /* a window's unit of NEW wants sources */
	uint32_t wb0 = 0, wb1 = 0;  /* the NEW tokens of the first and the last such window */
	rl_stats st = {0};
	rl_beyond *by = calloc(nw, sizeof *by);
	int rc = by ? RL_OK : RL_ENOMEM;
	for (size_t k = 0; k < nw && rc == RL_OK; k++) {
		const rl_window *x = &w[k];
		uint32_t span[4] = {x->a0, x->a1, x->b0, x->b1};
		rl_op *v = NULL;
		rl_link *l = NULL;
		size_t nv = 0, nl = 0;
		rl_stats ws = {0};
		/* The kept stretch before it. */
		uint32_t pa = k ? w[k - 1].a1 : 0, pb = k ? w[k - 1].b1 : 0;
		rl_op keep = {pa, x->a0, pb, x->b0, 0, RL_OP_EQUAL, RL_QUOTE_NONE};
		if ((rc = push_op(&ops, &keep, true, &joins)) != RL_OK)
			break;
		rc = rl_pipeline_span(toks, span, opts, NULL, &v, &nv, &l, &nl, &ws, &by[k]);
		if (by[k].far) {  /* its NEW tokens want sources */
			wb0 = wanted ? wb0 : x->b0, wb1 = x->b1;
			wanted = true;
		}
		uint32_t top = 0;
		for (size_t i = 0; i < nv && rc == RL_OK; i++) {
			rl_op op = v[i];
			op.a0 += x->a0, op.a1 += x->a0, op.b0 += x->b0, op.b1 += x->b0;
			if (op.move) {
				top = op.move > top ? op.move : top;
				op.move += moves;
			}
			rc = push_op(&ops, &op, false, &joins);
		}
		moves += top;
		free(v);
		free(l);
		st.anchors += ws.anchors;
		st.bound_hits += ws.bound_hits;
		st.quotations[0] += ws.quotations[0];
		st.quotations[1] += ws.quotations[1];
		folded += ws.typographic;
	}
	if (rc == RL_OK) {
		uint32_t na = (uint32_t)rl_tokens_count(toks[0]), nb = (uint32_t)rl_tokens_count(toks[1]);
		rl_op keep = {w[nw - 1].a1, na, w[nw - 1].b1, nb, 0, RL_OP_EQUAL, RL_QUOTE_NONE};
		rc = push_op(&ops, &keep, true, &joins);
	}
	if (rc == RL_OK && crossed)
		*crossed = may_cross(by, nw);
	free(by);
	/* Provenance over the whole of OLD, as the whole pipeline's last stage finds it. */
	j->links = NULL, j->nlinks = 0;
	if (rc == RL_OK && wanted && !(crossed && *crossed))
		rc = sources_of(toks, opts, &ops, wb0, wb1, &j->links, &j->nlinks);
	if (rc != RL_OK || (crossed && *crossed)) {
		rl_opvec_free(&ops);
		return rc;
	}
	count_stats(&st, ops.v, ops.n, toks);
	st.typographic = folded;
	st.windows = nw;
	j->st = st;
	j->ops = ops;
	return RL_OK;
}

int rl_pipeline_windows(rl_tokens *const toks[2], const rl_diff_opts *opts,
                        const rl_styles *styles, bool *done, rl_op **out, size_t *nout,
                        rl_link **srcs, size_t *nsrcs, rl_stats *stats)
{
	rl_window *w, *apart;
	size_t nw, napart;
	joined j;
	*done = false;
	if (opts->minimal || opts->no_window || rl_styled(styles))
		return RL_OK;
	/* (A line of markup moves alone when the moves stage runs and compares its marks.) */
	bool lines_move = (opts->stages & RL_STAGE_MOVES) && !opts->key.ignore_punct;
	int rc = rl_windows_find(toks[0], toks[1], &w, &nw, &apart, &napart, lines_move);
	bool crossed = true;
	/* A short moved line's places apart first; joined (or the whole texts) when a move could
	 * have crossed between them. */
	if (rc == RL_OK && apart)
		rc = run_windows(toks, opts, apart, napart, &crossed, &j);
	free(apart);
	if (rc == RL_OK && crossed && nw > 0)
		rc = run_windows(toks, opts, w, nw, NULL, &j), crossed = false;
	free(w);
	if (rc != RL_OK || crossed)
		return rc;
	*stats = j.st;
	*out = j.ops.v;
	*nout = j.ops.n;
	*srcs = j.links;
	*nsrcs = j.nlinks;
	*done = true;
	return RL_OK;
}
