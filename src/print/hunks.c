/* hunks.c: hunk selection and the positions in their headers. */
#include "hunks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"

/* The first unit of the context before unit u: ctx units back, blank ones passed over and not
 * counted (blanks with no text beyond them are left out). Walks stop at the nearest change, so
 * that each unit is walked over at most twice whatever ctx is. */
static size_t context_start(const uint8_t *units, size_t u, unsigned ctx)
{
	for (unsigned k = 0; k < ctx; k++) {
		size_t t = u;
		while (t > 0 && units[t - 1] == RL_UNIT_BLANK)
			t--;
		if (t == 0)
			break;
		if (units[t - 1] == RL_UNIT_CHANGED)
			return t;  /* the hunk of that change reaches here: walk no further */
		u = t - 1;
	}
	return u;
}

/* One past the last unit of the context after unit u. */
static size_t context_end(const uint8_t *units, size_t n, size_t u, unsigned ctx)
{
	u++;
	for (unsigned k = 0; k < ctx; k++) {
		size_t t = u;
		while (t < n && units[t] == RL_UNIT_BLANK)
			t++;
		if (t == n)
			break;
		if (units[t] == RL_UNIT_CHANGED)
			return t;  /* the next change's own context goes on from there */
		u = t + 1;
	}
	return u;
}

int rl_hunks_select(rl_hunk **out, size_t *nout, const uint8_t *units, size_t n, unsigned ctx)
{
	rl_hunk *h = NULL;
	size_t nh = 0, cap = 0;

	for (size_t u = 0; u < n; u++) {
		if (units[u] != RL_UNIT_CHANGED)
			continue;
		size_t lo = context_start(units, u, ctx), hi = context_end(units, n, u, ctx);
		/* Touching or overlapping the last hunk: one hunk, as git diff joins them. */
		if (nh > 0 && lo <= h[nh - 1].hi) {
			h[nh - 1].hi = hi;
			continue;
		}
		if (nh == cap) {
			size_t ncap = cap ? 2 * cap : 16;
			rl_hunk *p = realloc(h, ncap * sizeof *p);
			if (!p) {
				free(h);
				return RL_ENOMEM;
			}
			h = p;
			cap = ncap;
		}
		h[nh++] = (rl_hunk){lo, hi};
	}
	*out = h;
	*nout = nh;
	return RL_OK;
}

/* Append v to a growing array of offsets. */
static int push(uint32_t **a, size_t *n, size_t *cap, uint32_t v)
{
	if (*n == *cap) {
		size_t ncap = *cap ? 2 * *cap : 64;
		uint32_t *p = realloc(*a, ncap * sizeof *p);
		if (!p)
			return RL_ENOMEM;
		*a = p;
		*cap = ncap;
	}
	(*a)[(*n)++] = v;
	return RL_OK;
}

int rl_where_init(rl_where *w, const rl_tokens *toks)
{
	const char *text = rl_tokens_text(toks);
	size_t len = rl_tokens_text_len(toks), cap = 0, pcap = 0;
	const rl_token *tk = rl_tokens_array(toks);
	size_t ntk = rl_tokens_count(toks);

	*w = (rl_where){.len = len};
	if (push(&w->lines, &w->nlines, &cap, 0) != RL_OK)
		goto fail;
	/* Up to the first CR, a line starts after each LF: found by memchr, not byte by byte. */
	const char *cr = len ? memchr(text, '\r', len) : NULL;
	size_t plain = cr ? (size_t)(cr - text) : len;
	for (const char *p = text, *e = text + plain; p < e && (p = memchr(p, '\n', (size_t)(e - p)));
	     p++)
		if ((size_t)(p - text) + 1 < len &&
		    push(&w->lines, &w->nlines, &cap, (uint32_t)(p - text + 1)) != RL_OK)
			goto fail;
	for (size_t i = plain; i < len; i++) {
		bool end = text[i] == '\n' || (text[i] == '\r' && (i + 1 == len || text[i + 1] != '\n'));
		if (end && i + 1 < len && push(&w->lines, &w->nlines, &cap, (uint32_t)(i + 1)) != RL_OK)
			goto fail;
	}
	/* Paragraphs start after a blank line; a text with no blank line at all is written one
	 * paragraph a line (a saved page, a spun copy), and each line a reader sees is one. Both
	 * start a line: the tokenizer's lines (token.h) are all the tokens to look at. */
	size_t nl;
	bool lf_only;
	const rl_tokline *l = rl_tokens_lines(toks, &nl, &lf_only);
	uint8_t starts = ntk > 1 ? RL_GAP_BREAK : RL_GAP_PARA;
	for (size_t k = 1; k < nl; k++)
		if (tk[l[k].t0].gap == RL_GAP_PARA)
			starts = RL_GAP_PARA;
	for (size_t k = 0; k < nl; k++) {
		uint32_t t = l[k].t0;
		if (t > 0 && tk[t].gap >= starts &&
		    push(&w->paras, &w->nparas, &pcap, tk[t].off) != RL_OK)
			goto fail;
	}
	return RL_OK;
fail:
	rl_where_release(w);
	return RL_ENOMEM;
}

void rl_where_release(rl_where *w)
{
	free(w->lines);
	free(w->paras);
	*w = (rl_where){0};
}

/* How many of the sorted offsets a[0..n) are at or before off. */
static size_t count_upto(const uint32_t *a, size_t n, uint32_t off)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (a[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

uint32_t rl_where_line(const rl_where *w, uint32_t off)
{
	size_t n = count_upto(w->lines, w->nlines, off);
	return (uint32_t)(n ? n : 1);
}

uint32_t rl_where_para(const rl_where *w, uint32_t off)
{
	return (uint32_t)(count_upto(w->paras, w->nparas, off) + 1);
}

void rl_extent_add(rl_extent *e, uint32_t lo, uint32_t hi, bool text)
{
	if (text) {
		if (!e->text)
			*e = (rl_extent){lo, hi, true};
		else if (hi > e->hi)
			e->hi = hi;
	} else if (!e->text && e->lo == UINT32_MAX) {
		e->lo = e->hi = lo;
	}
}

/* "¶12–14 · lines 40–52", or one number when first and last are the same. */
static void print_range(rl_out *o, const rl_where *w, const rl_extent *e)
{
	uint32_t lo = e->lo == UINT32_MAX ? 0 : e->lo;
	uint32_t last = e->text && e->hi > lo ? e->hi - 1 : lo;
	uint32_t p0 = rl_where_para(w, lo), p1 = rl_where_para(w, last);
	uint32_t l0 = rl_where_line(w, lo), l1 = rl_where_line(w, last);
	const char *para = o->ascii ? "para " : "\xc2\xb6", *dash = o->ascii ? "-" : "\xe2\x80\x93";
	const char *dot = o->ascii ? ", " : " \xc2\xb7 ";

	if (w->len == 0) {
		rl_out_str(o, "empty");
		return;
	}

	if (p1 > p0)
		fprintf(o->fp, "%s%u%s%u", para, (unsigned)p0, dash, (unsigned)p1);
	else
		fprintf(o->fp, "%s%u", para, (unsigned)p0);
	if (l1 > l0)
		fprintf(o->fp, "%slines %u%s%u", dot, (unsigned)l0, dash, (unsigned)l1);
	else
		fprintf(o->fp, "%sline %u", dot, (unsigned)l0);
}

void rl_print_hunk_header(rl_out *o, const rl_where w[2], const rl_extent e[2])
{
	rl_out_role(o, RL_ROLE_HEADER);
	rl_out_str(o, "@@ ");
	print_range(o, &w[0], &e[0]);
	rl_out_str(o, " | ");
	print_range(o, &w[1], &e[1]);
	rl_out_str(o, " @@");
	rl_out_role(o, RL_ROLE_PLAIN);
	rl_out_raw(o, "\n", 1);
}
