/* move_lines.c: a short line moved whole, found once on each side (a template line moved from the
 * foot of a wiki page to its head): too short for any shingle or any floor of a passage, it is
 * found here, by the line's comparison ids, among the lines no move took. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "lexicon.h"
#include "move.h"
#include "move_stage.h"
#include "status.h"

/* A line looked at holds at most LINE_MAX_TOKENS tokens and fewer than RL_MOVE_MIN_WORDS words
 * (a longer one is the passes' business), a word at least, and LINE_MIN_BYTES bytes that are
 * no space, and starts with a mark: a line of markup, `{{Stub}}`, `</gallery>`, `== Notes ==`.
 * Not a line of prose: a short heading that two texts share ("The opposition", over two digests
 * of one story) moved alone, and the bullets around it paired anew, out of step. Not a line
 * that starts with a mark of a list item or a table (wiki's `#`, `*`, `:`, `;`, `|`, `!`, a
 * dash): short items reordered are provenance's, and a table's cells recur. */
#define LINE_MAX_TOKENS 32
#define LINE_MIN_BYTES 8
#define NOT_FIRST "#*:;|!-"
/* A line moved joins a move that ends (or starts) at most JOIN_LINES lines and JOIN_WORDS words
 * from it, deleted or inserted, on each side: a gallery moved whose last files were deleted (and
 * one added) moves with its closing `</gallery>`, one passage, not two. */
#define JOIN_LINES 3
#define JOIN_WORDS 40

/* A line of a side: its tokens [t0, t1) and the hash of their ids. */
typedef struct line {
	uint64_t h;
	uint32_t t0, t1;
} line;

typedef struct lines {
	line *v;
	size_t n, cap;
} lines;

static int lines_push(lines *l, const line *x)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		line *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return RL_ENOMEM;
		l->v = v, l->cap = cap;
	}
	l->v[l->n++] = *x;
	return RL_OK;
}

static int cmp_line(const void *x, const void *y)
{
	const line *a = x, *b = y;
	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	return (a->t0 > b->t0) - (a->t0 < b->t0);
}

/* The end of the line that starts at token t of sd: the next token after a line end. */
static uint32_t line_end(const rl_side *sd, uint32_t t)
{
	for (t++; t < sd->n && sd->tok[t].gap < RL_GAP_LINE; t++)
		;
	return t;
}

bool rl_move_line_alone(const rl_token *tok, const char *text, uint32_t n, uint32_t t0,
                        uint32_t t1)
{
	uint32_t words = 0, bytes = 0;
	if (t1 - t0 > LINE_MAX_TOKENS)
		return false;
	for (uint32_t t = t0; t < t1; t++) {
		words += tok[t].cls == RL_TOK_WORD && !(tok[t].flags & RL_TF_GLUED);
		bytes += tok[t].len;
	}
	if (words == 0 || words >= RL_MOVE_MIN_WORDS || bytes < LINE_MIN_BYTES)
		return false;
	char first = text[tok[t0].off];
	bool unordered;
	return tok[t0].cls == RL_TOK_PUNCT && !strchr(NOT_FIRST, first) &&
	       rl_list_marker(tok, text, n, t0, &unordered) == 0;
}

/* Is line [t0, t1) of side s a short line that may move alone (above), every token compared? */
static bool short_line(const rl_ctx *c, int s, uint32_t t0, uint32_t t1)
{
	const rl_side *sd = &c->side[s];
	for (uint32_t t = t0; t < t1; t++)
		if (sd->ids[t] == RL_ID_NONE)
			return false;
	return rl_move_line_alone(sd->tok, sd->text, sd->n, t0, t1);
}

/* The short lines of side s (all of them, or only those every token of which is free), sorted
 * by hash. */
static int lines_of(const rl_ctx *c, const taken *tk, int s, bool only_free, lines *out)
{
	const rl_side *sd = &c->side[s];
	int rc = RL_OK;
	for (uint32_t t = 0; t < sd->n && rc == RL_OK;) {
		uint32_t end = line_end(sd, t);
		bool ok = short_line(c, s, t, end);
		for (uint32_t u = t; ok && only_free && u < end; u++)
			ok = tk->free_tok[s][u];
		if (ok) {
			size_t nb = (end - t) * sizeof *sd->ids;
			line x = {rl_hash_bytes((const char *)(sd->ids + t), nb), t, end};
			rc = lines_push(out, &x);
		}
		t = end;
	}
	if (rc == RL_OK && out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, cmp_line);
	return rc;
}

static bool same_ids(const rl_ctx *c, const line *x, int sx, const line *y, int sy)
{
	uint32_t n = x->t1 - x->t0;
	return n == y->t1 - y->t0 &&
	       memcmp(c->side[sx].ids + x->t0, c->side[sy].ids + y->t0, n * sizeof(uint32_t)) == 0;
}

/* How many lines of l (side sl) are line x (side sx), id for id: 0, 1 or 2 (two or more). */
static int copies(const rl_ctx *c, const lines *l, int sl, const line *x, int sx)
{
	size_t lo = 0, hi = l->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->v[mid].h < x->h)
			lo = mid + 1;
		else
			hi = mid;
	}
	int n = 0;
	for (; lo < l->n && l->v[lo].h == x->h && n < 2; lo++)
		n += same_ids(c, &l->v[lo], sl, x, sx);
	return n;
}

/* The index of the one free line of l (side RL_NEW) that is x (OLD), or l->n. */
static size_t partner(const rl_ctx *c, const lines *l, const line *x)
{
	size_t lo = 0, hi = l->n, found = l->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->v[mid].h < x->h)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < l->n && l->v[lo].h == x->h; lo++)
		if (same_ids(c, &l->v[lo], RL_NEW, x, RL_OLD)) {
			if (found != l->n)
				return l->n;
			found = lo;
		}
	return found;
}

static int spans_add(rl_span **v, size_t *n, size_t *cap, const rl_span *sp)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 16;
		rl_span *p = realloc(*v, nc * sizeof *p);
		if (!p)
			return RL_ENOMEM;
		*v = p, *cap = nc;
	}
	(*v)[(*n)++] = *sp;
	return RL_OK;
}

/* The pairs of free short lines, OLD's and NEW's the same ids, found once as a line on each side
 * (among all its short lines, free or not): *out (malloc'd, *n of them, in OLD's order of the
 * free lines' hashes), whole lines as rl_mv_whole_lines finds them. RL_ENOMEM. */
static int line_pairs(const rl_ctx *c, const taken *tk, rl_span **out, size_t *n)
{
	lines fa = {0}, fb = {0}, all[2] = {{0}, {0}};
	size_t cap = 0;
	*out = NULL, *n = 0;
	int rc = lines_of(c, tk, RL_OLD, true, &fa);
	if (rc == RL_OK && fa.n)
		rc = lines_of(c, tk, RL_NEW, true, &fb);
	for (size_t k = 0; rc == RL_OK && k < fa.n && fb.n; k++) {
		size_t j = partner(c, &fb, &fa.v[k]);
		if (j == fb.n)
			continue;
		for (int s = 0; s < 2 && rc == RL_OK; s++)
			if (!all[s].v)
				rc = lines_of(c, tk, s, false, &all[s]);
		if (rc != RL_OK || copies(c, &all[RL_OLD], RL_OLD, &fa.v[k], RL_OLD) != 1 ||
		    copies(c, &all[RL_NEW], RL_NEW, &fa.v[k], RL_OLD) != 1)
			continue;
		rl_span sp = {fa.v[k].t0, fa.v[k].t1, fb.v[j].t0, fb.v[j].t1};
		if (rl_mv_whole_lines(c, &sp))
			rc = spans_add(out, n, &cap, &sp);
	}
	free(fa.v);
	free(fb.v);
	free(all[0].v);
	free(all[1].v);
	if (rc != RL_OK) {
		free(*out);
		*out = NULL, *n = 0;
	}
	return rc;
}

/* ------------------------------------------------------------------ joined to a move beside it */

static bool line_edge(const rl_side *sd, uint32_t t)
{
	return t == 0 || t >= sd->n || sd->tok[t].gap >= RL_GAP_LINE;
}

/* Are tokens [lo, hi) of side s free whole lines, JOIN_LINES and JOIN_WORDS at most (none at
 * all: lo == hi at a line edge)? */
static bool small_gap(const rl_ctx *c, const taken *tk, int s, uint32_t lo, uint32_t hi)
{
	const rl_side *sd = &c->side[s];
	if (lo > hi || !line_edge(sd, lo) || !line_edge(sd, hi) ||
	    rl_words(c, s, lo, hi) > JOIN_WORDS || !rl_mv_all_free(tk, s, lo, hi))
		return false;
	uint32_t nl = 0;
	for (uint32_t t = lo; t < hi && nl <= JOIN_LINES; t++)
		nl += line_edge(sd, t);
	return nl <= JOIN_LINES;
}

/* The accepted move (an index into acc, or SIZE_MAX) that line sp joins, and whether the line
 * comes after it (*after): the move before it in OLD ending a small gap from it on both sides,
 * else the move after it starting a small gap after it. by: acc's first n moves by OLD start
 * (its start << 32 | its index: they never overlap, so a move joined keeps its rank). */
static size_t join_to(const rl_ctx *c, const taken *tk, const accepts *acc, const uint64_t *by,
                      size_t n, const rl_span *sp, bool *after)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (acc->v[(uint32_t)by[mid]].sp.a0 < sp->a1)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > 0) {
		const rl_span *m = &acc->v[(uint32_t)by[lo - 1]].sp;
		if (m->a1 <= sp->a0 && m->b1 <= sp->b0 && small_gap(c, tk, RL_OLD, m->a1, sp->a0) &&
		    small_gap(c, tk, RL_NEW, m->b1, sp->b0))
			return *after = true, (uint32_t)by[lo - 1];
	}
	if (lo < n) {
		const rl_span *m = &acc->v[(uint32_t)by[lo]].sp;
		if (m->b0 >= sp->b1 && small_gap(c, tk, RL_OLD, sp->a1, m->a0) &&
		    small_gap(c, tk, RL_NEW, sp->b1, m->b0))
			return *after = false, (uint32_t)by[lo];
	}
	return SIZE_MAX;
}

/* The ops of the gap OLD [a0, a1), NEW [b0, b1) between a move and a line joining it, with the
 * move's id, appended to d: a deletion and an insertion, not diffed. The lines there are other
 * lines (files deleted from a gallery and one added), and diffed they kept the marks they share
 * ("File:{+Wood butterflies+} ({+1773+}).jpg|") as moved pieces of unrelated lines. */
static int gap_ops(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1, uint32_t id, rl_opvec *d)
{
	int rc = RL_OK;
	if (a0 < a1) {
		rl_op del = {a0, a1, b0, b0, id, RL_OP_DELETE, RL_QUOTE_NONE};
		rc = rl_opvec_push(d, &del);
	}
	if (rc == RL_OK && b0 < b1) {
		rl_op ins = {a1, a1, b0, b1, id, RL_OP_INSERT, RL_QUOTE_NONE};
		rc = rl_opvec_push(d, &ins);
	}
	return rc;
}

static void take(taken *tk, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1)
{
	memset(tk->free_tok[RL_OLD] + a0, 0, a1 - a0);
	memset(tk->free_tok[RL_NEW] + b0, 0, b1 - b0);
	memset(tk->moved[RL_OLD] + a0, 1, a1 - a0);
	memset(tk->moved[RL_NEW] + b0, 1, b1 - b0);
}

/* Line sp joins accepted move m (after it, or before it): the gap between them and the line
 * become ops of m, in NEW's order, inserted among m's; the later moves' ops shift. */
static int join(taken *tk, rl_opvec *moved, accepts *acc, size_t m, bool after,
                const rl_span *sp)
{
	accepted *x = &acc->v[m];
	uint32_t id = moved->v[x->first].move;
	rl_op mv = {sp->a0, sp->a1, sp->b0, sp->b1, id, RL_OP_MOVE, RL_QUOTE_NONE};
	rl_opvec d = {0};
	int rc = after ? gap_ops(x->sp.a1, sp->a0, x->sp.b1, sp->b0, id, &d)
	               : rl_opvec_push(&d, &mv);
	if (rc == RL_OK)
		rc = after ? rl_opvec_push(&d, &mv)
		           : gap_ops(sp->a1, x->sp.a0, sp->b1, x->sp.b0, id, &d);
	size_t pos = after ? x->first + x->count : x->first;
	if (rc == RL_OK)
		rc = rl_mv_insert_ops(moved, pos, &d);
	if (rc == RL_OK) {
		for (size_t k = 0; k < acc->n; k++)
			if (k != m && acc->v[k].first >= pos)
				acc->v[k].first += d.n;
		x->count += d.n;
		if (after) {
			take(tk, x->sp.a1, sp->a1, x->sp.b1, sp->b1);
			x->sp.a1 = sp->a1, x->sp.b1 = sp->b1;
		} else {
			take(tk, sp->a0, x->sp.a0, sp->b0, x->sp.b0);
			x->sp.a0 = sp->a0, x->sp.b0 = sp->b0;
		}
	}
	rl_opvec_free(&d);
	return rc;
}

/* A line on its own: one move op of a new id. */
static int alone(rl_ctx *c, taken *tk, rl_opvec *moved, accepts *acc, const rl_span *sp)
{
	rl_op op = {sp->a0, sp->a1, sp->b0, sp->b1, c->next_move++, RL_OP_MOVE, RL_QUOTE_NONE};
	size_t first = moved->n;
	int rc = rl_opvec_push(moved, &op);
	if (rc == RL_OK)
		rc = rl_mv_accepted_push(acc, sp, first, 1);
	if (rc == RL_OK)
		take(tk, sp->a0, sp->a1, sp->b0, sp->b1);
	return rc;
}

int rl_mv_accept_lines(rl_ctx *c, const rl_opvec *ops, taken *tk, rl_opvec *moved, accepts *acc)
{
	rl_span *v;
	size_t n, nby = acc->n;
	int rc = line_pairs(c, tk, &v, &n);
	if (rc != RL_OK || n == 0)
		return rc;
	uint64_t *by = malloc((nby + 1) * sizeof *by);
	rc = by ? RL_OK : RL_ENOMEM;
	for (size_t k = 0; rc == RL_OK && k < nby; k++)
		by[k] = (uint64_t)acc->v[k].sp.a0 << 32 | (uint32_t)k;
	if (rc == RL_OK)
		qsort(by, nby, sizeof *by, rl_cmp_u64);
	for (size_t k = 0; k < n && rc == RL_OK; k++) {
		rl_span sp = v[k];
		bool away, after;
		if (!rl_mv_all_free(tk, RL_OLD, sp.a0, sp.a1) ||
		    !rl_mv_all_free(tk, RL_NEW, sp.b0, sp.b1))
			continue;
		uint32_t w = rl_words(c, RL_OLD, sp.a0, sp.a1);
		if ((rc = rl_mv_moved_away(c, ops, &sp, w, &away)) != RL_OK || !away)
			continue;
		size_t m = join_to(c, tk, acc, by, nby, &sp, &after);
		rc = m == SIZE_MAX ? alone(c, tk, moved, acc, &sp)
		                   : join(tk, moved, acc, m, after, &sp);
	}
	free(by);
	free(v);
	return rc;
}
