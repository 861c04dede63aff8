/* window.c: the pipeline on the windows around the changes of two long texts (window.h). */
#include "window.h"

#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "pipeline.h"
#include "status.h"

/* Texts shorter than this (tokens, both sides together) are compared whole: the windows would
 * save little, and the short texts of the tests and goldens keep one path. */
#define MIN_TOKENS 1024

/* A window may start where a line starts a paragraph on both sides. */
#define CUT_GAP RL_GAP_PARA

#define NONE UINT32_MAX

/* A line: tokens [t0, t1) between two line ends, and a hash of its bytes. */
typedef struct line {
	uint64_t h;
	uint32_t t0, t1;
} line;

typedef struct side {
	const rl_token *v;
	const char *text;
	uint32_t n;
	line *l;
	uint32_t nl;
} side;

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
		if (!(s->l = malloc((ntl ? ntl : 1) * sizeof *s->l)))
			return RL_ENOMEM;
		for (size_t i = 0; i < ntl; i++)
			s->l[i] = (line){tl[i].h, tl[i].t0, i + 1 < ntl ? tl[i + 1].t0 : n};
		s->nl = (uint32_t)ntl;
		return RL_OK;
	}
	if (!(s->l = malloc(cap * sizeof *s->l)))
		return RL_ENOMEM;
	for (uint32_t t0 = 0, t1; t0 < n; t0 = t1) {
		const char *nl = memchr(text + v[t0].off, '\n', len - v[t0].off);
		t1 = nl ? first_after(v, n, t0, (size_t)(nl - text)) : n;
		if (k == cap) {
			line *l = realloc(s->l, 2 * cap * sizeof *l);
			if (!l)
				return RL_ENOMEM;
			s->l = l, cap *= 2;
		}
		size_t off = v[t0].off, end = (size_t)v[t1 - 1].off + v[t1 - 1].len;
		s->l[k++] = (line){rl_hash_bytes(text + off, end - off), t0, t1};
	}
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
	const line *x = &a->l[i], *y = &b->l[j];
	uint32_t n = x->t1 - x->t0;
	if (x->h != y->h || n != y->t1 - y->t0)
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
static bool cut_at(const side *a, uint32_t i, const side *b, uint32_t j)
{
	return a->v[a->l[i].t0].gap >= CUT_GAP && b->v[b->l[j].t0].gap >= CUT_GAP;
}

/* The matched lines (mo[j]: NEW's line j is OLD's line mo[j], or NONE), as patience diff matches
 * them; *in_order false (and the match left unfinished) when a unique line matches out of
 * order. */
static int match_lines(const side *a, const side *b, uint32_t *mo, bool *in_order)
{
	size_t cap = 16;
	while (cap < 2 * (size_t)a->nl)
		cap *= 2;
	entry *tab = calloc(cap, sizeof *tab);
	uint32_t *slot = malloc(((size_t)b->nl + 1) * sizeof *slot);
	if (!tab || !slot) {
		free(tab), free(slot);
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
	/* The unique lines, in NEW's order, each extended over its equal neighbours: backwards
	 * down to the last line matched, forwards up to the next unique one. */
	for (uint32_t j = 0; j < b->nl; j++)
		mo[j] = NONE;
	*in_order = true;
	uint32_t pi = 0, pj = 0;  /* lines before these are matched or passed */
	for (uint32_t j = 0; j < b->nl; j++) {
		if (slot[j] == NONE || mo[j] != NONE)
			continue;
		const entry *e = &tab[slot[j]];
		if (e->na != 1 || e->nb != 1 || !line_eq(a, e->line, b, j))
			continue;
		uint32_t i = e->line;
		if (i < pi) {
			*in_order = false;
			break;
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
	free(tab);
	free(slot);
	return RL_OK;
}

/* The kept part of the stretch of matched lines a[i0..i0+len) = b[j0..j0+len): lines [*m0, *m1)
 * of it, after the paragraph of the change before it and RL_WINDOW_CONTEXT more, and before
 * those of the change after it. */
static void core_of(const side *a, const side *b, uint32_t i0, uint32_t j0, uint32_t len,
                    uint32_t *m0, uint32_t *m1)
{
	uint32_t lo = 0, hi = len;
	if (i0 > 0 || j0 > 0) {
		lo = len;
		for (uint32_t m = 1, cuts = 0; m < len; m++)
			if (cut_at(a, i0 + m, b, j0 + m) && ++cuts > RL_WINDOW_CONTEXT) {
				lo = m;
				break;
			}
	}
	if (i0 + len < a->nl || j0 + len < b->nl) {
		hi = 0;
		for (uint32_t m = len - 1, cuts = 0; m > 0; m--)
			if (cut_at(a, i0 + m, b, j0 + m) && ++cuts > RL_WINDOW_CONTEXT) {
				hi = m;
				break;
			}
	}
	*m0 = lo, *m1 = hi > lo ? hi : lo;
}

int rl_windows_find(const rl_tokens *old_toks, const rl_tokens *new_toks, rl_window **out,
                    size_t *n)
{
	side a = {0}, b = {0};
	uint32_t *mo = NULL;
	rl_window *w = NULL;
	size_t nw = 0;
	bool in_order = false;
	*out = NULL, *n = 0;
	if (rl_tokens_count(old_toks) + rl_tokens_count(new_toks) < MIN_TOKENS)
		return RL_OK;
	int rc = lines_of(&a, old_toks);
	if (rc == RL_OK)
		rc = lines_of(&b, new_toks);
	if (rc == RL_OK && !(mo = malloc(((size_t)b.nl + 1) * sizeof *mo)))
		rc = RL_ENOMEM;
	if (rc == RL_OK)
		rc = match_lines(&a, &b, mo, &in_order);
	/* At most one window more than the stretches. */
	if (rc == RL_OK && in_order && !(w = malloc(((size_t)b.nl + 2) * sizeof *w)))
		rc = RL_ENOMEM;
	if (rc != RL_OK || !in_order)
		goto done;
	/* The stretches' kept parts, in order; a window is what lies between two. */
	uint64_t kept = 0;
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
		core_of(&a, &b, i0, j0, len, &m0, &m1);
		if (m0 == m1)
			continue;
		uint32_t ka0 = a.l[i0 + m0].t0, kb0 = b.l[j0 + m0].t0;
		uint32_t ka1 = a.l[i0 + m1 - 1].t1, kb1 = b.l[j0 + m1 - 1].t1;
		if (ka0 > wa || kb0 > wb)
			w[nw++] = (rl_window){wa, ka0, wb, kb0};
		kept += ka1 - ka0;
		wa = ka1, wb = kb1;
	}
	if (wa < a.n || wb < b.n)
		w[nw++] = (rl_window){wa, a.n, wb, b.n};
	if (nw == 0 || 2 * kept < a.n || 2 * kept < b.n)
		goto done;
	*out = w, *n = nw;
	w = NULL;
done:
	free(a.l);
	free(b.l);
	free(mo);
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

int rl_pipeline_windows(rl_tokens *const toks[2], const rl_diff_opts *opts,
                        const rl_styles *styles, bool *done, rl_op **out, size_t *nout,
                        rl_link **srcs, size_t *nsrcs, rl_stats *stats)
{
	rl_window *w;
	size_t nw;
	*done = false;
	if (opts->minimal || opts->no_window || rl_styled(styles))
		return RL_OK;
	int rc = rl_windows_find(toks[0], toks[1], &w, &nw);
	if (rc != RL_OK || nw == 0)
		return rc;
	rl_opvec ops = {0};
	size_t folded = 0;
	uint32_t moves = 0;
	bool joins = false;  /* the last op is a kept stretch */
	rl_stats st = {0};
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
		bool far = false;
		rc = rl_pipeline_span(toks, span, opts, NULL, &v, &nv, &l, &nl, &ws, &far);
		if (rc == RL_OK && (far || nl > 0)) {
			/* A stage would look beyond the window: the whole texts, then. (A window that
			 * gives provenance links wanted them: far is set before they are searched.) */
			free(v);
			free(l);
			free(w);
			rl_opvec_free(&ops);
			return RL_OK;
		}
		uint32_t top = 0;
		for (size_t j = 0; j < nv && rc == RL_OK; j++) {
			rl_op op = v[j];
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
	free(w);
	if (rc != RL_OK) {
		rl_opvec_free(&ops);
		return rc;
	}
	count_stats(&st, ops.v, ops.n, toks);
	st.typographic = folded;
	st.windows = nw;
	*stats = st;
	*out = ops.v;
	*nout = ops.n;
	*srcs = NULL;
	*nsrcs = 0;
	*done = true;
	return RL_OK;
}
