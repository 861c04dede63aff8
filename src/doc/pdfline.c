/* pdfline.c: a PDF page's characters into lines (pdfpage.h), as poppler gives them with their
 * boxes: runs of characters on one baseline; a jump back, or a gap wider than a table's cells
 * are apart, starts a new line; a gap with no space in the text is a word space; a justified
 * line whose spaces grew wide, written by poppler as one-word lines, is one line
 * (justified_run). Footnote marks after a word are skipped (pdfnote.c), a c in a drawn circle
 * is © (pdfcirc.c). A space wider than CELL_SPACE is noted: a table's cell may start after it
 * (pdfcells.c). */
#include <glib.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "pdfpage.h"

#define WORD_GAP 0.2        /* a gap between characters wider than this (in line heights) with no
                             * space in the text is a word space... */
#define CELL_GAP 0.6        /* ...and wider than this, the gap between two cells of a table */
#define CELL_SPACE 0.4      /* a space (poppler's) wider than this may part two cells: when the
                             * word after it starts where other rows' cells do (pdfcells.c); a
                             * word space is 0.2-0.3 line heights, a justified line's up to 0.85 */

int rl_pdf_add_line(pdoc *d, const pline *l)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 256;
		pline *v = realloc(d->v, cap * sizeof *v);
		if (!v)
			return -1;
		d->v = v;
		d->cap = cap;
	}
	d->v[d->n++] = *l;
	return 0;
}

int rl_pdf_add_raw(pdoc *d, const char *s, size_t n)
{
	if (n > d->raw_max - d->raw_len) {
		d->over = 1;
		return -1;
	}
	if (d->raw_len + n > d->raw_cap) {
		size_t cap = d->raw_cap ? d->raw_cap : 4096;
		while (cap < d->raw_len + n)
			cap *= 2;
		char *r = realloc(d->raw, cap);
		if (!r)
			return -1;
		d->raw = r;
		d->raw_cap = cap;
	}
	memcpy(d->raw + d->raw_len, s, n);
	d->raw_len += n;
	return 0;
}

/* Does the character box r continue line l (same baseline, a little to the right)? */
static int continues(const pline *l, const PopplerRectangle *r)
{
	double h = l->y2 - l->y1, rh = r->y2 - r->y1;
	double mid = (r->y1 + r->y2) / 2;
	if (h <= 0)
		h = rh > 0 ? rh : 1;
	return mid > l->y1 && mid < l->y2 && r->x1 > l->x1 - h * 0.2 && r->x1 - l->x2 < h * 2;
}

static void finish_line(pdoc *d, pline *l, int *failed)
{
	/* Trim the spaces at both ends; a line of spaces is no line. */
	while (l->len && d->raw[l->off] == ' ')
		l->off++, l->len--;
	while (l->len && d->raw[l->off + l->len - 1] == ' ')
		l->len--;
	if (l->len && rl_pdf_add_line(d, l) != 0)
		*failed = 1;
	l->len = 0;
}

/* A justified line whose spaces grew wide (a narrow column, long words, no hyphenation) is one
 * that poppler writes as several one-word lines on one baseline, which would be read as a
 * table's cells, each word a paragraph ("in / response / to"). Justification spreads a line's
 * spaces evenly, so the gaps between its words are equal; a table's cells seldom are (a cell's
 * text is as long as it is, and two cells are too few to tell). */
#define JUSTIFIED_MIN_WORDS 3   /* one-word pieces of a line, at least */
#define JUSTIFIED_GAP_SLACK 0.1 /* the gaps between them within this share of their mean... */

/* At the line break `at` (character k) that ends line cur, a word alone: the index of the last
 * character of a justified line's run that goes on from cur (its line breaks to be read as
 * spaces, its words as the line's, however wide the gaps), or 0 when the line ends here. */
static guint justified_run(const pline *cur, const char *raw_cur, const char *at,
                           const PopplerRectangle *rects, guint k, guint nrects)
{
	if (!cur->len || memchr(raw_cur, ' ', cur->len))
		return 0;
	double h = cur->y2 - cur->y1, right = cur->x2, gmin = 1e9, gmax = -1, gsum = 0;
	guint words = 1, last = 0;
	const char *s = at;
	while (*s == '\n' && k + 1 < nrects) {
		const char *w = rl_pdf_next_char(s);
		guint j = k + 1;
		const PopplerRectangle *r = &rects[j];
		double mid = (r->y1 + r->y2) / 2;
		if (!*w || *w == '\n' || mid <= cur->y1 || mid >= cur->y2 || r->x1 <= right ||
		    r->x1 - right > h * 8)
			break;
		double x1 = r->x1, x2 = r->x2;
		for (; *w && *w != '\n' && j < nrects; w = rl_pdf_next_char(w), j++) {
			if (*w == ' ' || *w == '\r')
				break;  /* more than a word: the run ends before it */
			x2 = rects[j].x2 > x2 ? rects[j].x2 : x2;
		}
		if (*w && *w != '\n')
			break;
		double gap = x1 - right;
		gmin = gap < gmin ? gap : gmin;
		gmax = gap > gmax ? gap : gmax;
		gsum += gap;
		words++, last = j - 1, right = x2;
		s = w, k = j;
	}
	if (words < JUSTIFIED_MIN_WORDS)
		return 0;
	double slack = gsum / (words - 1) * JUSTIFIED_GAP_SLACK;
	return gmax - gmin <= (slack > JUSTIFIED_GAP_ABS ? slack : JUSTIFIED_GAP_ABS) ? last : 0;
}

/* A space wider than a table's cells are apart, inside line cur before the word at x1: where
 * a cell may start (rl_pdf_split_cells decides). -1 when out of memory. */
static int note_wide_space(pdf_spaces *w, const pdoc *d, const pline *cur, double x1)
{
	if (w->n == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 16;
		pdf_wide_space *v = realloc(w->v, cap * sizeof *v);
		if (!v)
			return -1;
		w->v = v;
		w->cap = cap;
	}
	w->v[w->n++] = (pdf_wide_space){d->n, d->raw_len, cur->x2, x1, cur->hsum, cur->hn};
	return 0;
}

/* One page's characters into lines. */
int rl_pdf_read_page(pdoc *d, PopplerPage *page, unsigned pageno)
{
	char *text = poppler_page_get_text(page);
	PopplerRectangle *rects = NULL;
	guint nrects = 0;
	int failed = 0;
	if (!text)
		return 0;
	if (!poppler_page_get_text_layout(page, &rects, &nrects))
		nrects = 0;
	pline cur = {0};
	pdf_spaces wide = {0};
	size_t first = d->n;
	guint k = 0, joined = 0;  /* characters up to `joined` are a justified line's (justified_run) */
	for (const char *s = text; *s && k < nrects && !failed; s = rl_pdf_next_char(s), k++) {
		const PopplerRectangle *r = &rects[k];
		size_t clen = (size_t)(rl_pdf_next_char(s) - s);
		if (*s == '\n' && k > joined)
			joined = justified_run(&cur, d->raw + cur.off, s, rects, k, nrects);
		int in_run = k <= joined;
		if (*s == '\n' && in_run) {
			if (rl_pdf_add_raw(d, " ", 1) != 0) {
				failed = 1;
				break;
			}
			cur.len++;
			continue;
		}
		if (*s == '\n' || *s == '\r') {
			finish_line(d, &cur, &failed);
			continue;
		}
		guint mark = rl_pdf_note_mark(d, &cur, s, rects, k, nrects);
		if (mark) {
			while (--mark)  /* the mark's characters but its last, which the loop steps over */
				s = rl_pdf_next_char(s), k++;
			continue;
		}
		/* A gap poppler put no space in: a word space, or (wider) the gap between two cells
		 * of a table, which are lines of their own ("Eastfold20" was one word). */
		double h = cur.y2 - cur.y1, gap = r->x1 - cur.x2;
		int spaced = cur.len && d->raw[cur.off + cur.len - 1] == ' ';
		if (spaced && *s != ' ' && !in_run && gap > h * CELL_SPACE && continues(&cur, r) &&
		    note_wide_space(&wide, d, &cur, r->x1) != 0) {
			failed = 1;
			break;
		}
		if (cur.len && ((!in_run && !continues(&cur, r)) ||
		                (*s != ' ' && !spaced && gap > h * CELL_GAP)))
			finish_line(d, &cur, &failed);
		else if (cur.len && *s != ' ' && !spaced && gap > h * WORD_GAP) {
			if (rl_pdf_add_raw(d, " ", 1) != 0) {
				failed = 1;
				break;
			}
			cur.len++;
		}
		if (!cur.len)
			cur = (pline){r->x1, r->y1, r->x2, r->y2, d->raw_len, 0, pageno, 0, 0, 0, 0, 0};
		/* Tabs and other controls become spaces: the text is prose. A c in a drawn circle is ©. */
		int ctl = (unsigned char)*s < 0x20 || *s == 0x7F;
		int sign = !ctl && rl_pdf_circled_c(d, &cur, s, rects, k, pageno);
		const char *put = ctl ? " " : sign ? "\xC2\xA9" : s;
		size_t put_len = ctl ? 1 : sign ? 2 : clen;
		if (rl_pdf_add_raw(d, put, put_len) != 0) {
			failed = 1;
			break;
		}
		cur.len += put_len;
		if (*s != ' ') {
			cur.hsum += r->y2 - r->y1;
			cur.hn++;
			cur.x1 = r->x1 < cur.x1 ? r->x1 : cur.x1;
			cur.x2 = r->x2 > cur.x2 ? r->x2 : cur.x2;
			cur.y1 = r->y1 < cur.y1 ? r->y1 : cur.y1;
			cur.y2 = r->y2 > cur.y2 ? r->y2 : cur.y2;
		}
	}
	if (!failed)
		finish_line(d, &cur, &failed);
	if (!failed && wide.n && rl_pdf_split_cells(d, first, wide.v, wide.n) != 0)
		failed = 1;
	free(wide.v);
	g_free(rects);
	g_free(text);
	return failed ? -1 : 0;
}
