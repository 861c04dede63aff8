/* pdfcells.c: a page's lines cut where a table's cell starts after a wide space (pdfpage.h,
 * rl_pdf_split_cells). */
#include <stdlib.h>
#include <string.h>

#include "pdfpage.h"

#define ROWS_ALIGNED 2  /* lines of other rows that must start where the cell does */
#define ALIGN_LOOKS 64  /* lines looked at for one space, at most: no quadratic page */

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

typedef struct {
	double x1, mid;
} start;

static int cmp_start(const void *a, const void *b)
{
	return cmp_double(&((const start *)a)->x1, &((const start *)b)->x1);
}

/* Do ROWS_ALIGNED lines of other rows than line l start at x (within CELL_ALIGN)? s holds the
 * page's lines' starts, sorted. */
static int cell_start(const start *s, size_t n, const pline *l, double x)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {  /* the first start at x - CELL_ALIGN or right of it */
		size_t m = lo + (hi - lo) / 2;
		if (s[m].x1 < x - CELL_ALIGN)
			lo = m + 1;
		else
			hi = m;
	}
	double mid = (l->y1 + l->y2) / 2, h = l->y2 - l->y1;
	unsigned found = 0;
	for (size_t i = lo, looks = 0; i < n && s[i].x1 <= x + CELL_ALIGN && looks < ALIGN_LOOKS;
	     i++, looks++)
		found += s[i].mid < mid - 0.3 * h || s[i].mid > mid + 0.3 * h;
	return found >= ROWS_ALIGNED;
}

/* Line l cut at the space w: the text before it into *left, after it into *right (which may
 * be l). */
static void cut(const pdoc *d, const pline *l, const pdf_wide_space *w, pline *left, pline *right)
{
	*left = *l;
	left->len = w->at - l->off;
	while (left->len && d->raw[left->off + left->len - 1] == ' ')
		left->len--;
	left->x2 = w->x2;
	left->hsum = w->hsum;
	left->hn = w->hn;
	pline r = *l;  /* (right may be l) */
	r.off = w->at;
	r.len = l->off + l->len - w->at;
	r.x1 = w->x1;
	r.hsum = l->hsum - w->hsum;
	r.hn = l->hn - w->hn;
	*right = r;
}

int rl_pdf_split_cells(pdoc *d, size_t first, const pdf_wide_space *w, size_t nw)
{
	size_t n = d->n - first;
	start *s = malloc((n ? n : 1) * sizeof *s);
	pline *out = malloc((n + nw + 1) * sizeof *out);
	if (!s || !out) {
		free(s);
		free(out);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		s[i] = (start){d->v[first + i].x1, (d->v[first + i].y1 + d->v[first + i].y2) / 2};
	qsort(s, n, sizeof *s, cmp_start);
	size_t k = 0, j = 0;
	for (size_t i = first; i < d->n; i++) {
		pline rest = d->v[i];
		for (; j < nw && w[j].line < i; j++) {
		}
		for (; j < nw && w[j].line == i; j++) {
			const pdf_wide_space *sp = &w[j];
			if (sp->at <= rest.off || sp->at >= rest.off + rest.len || sp->hn > rest.hn ||
			    !cell_start(s, n, &rest, sp->x1))
				continue;
			pdf_wide_space rel = *sp;  /* the heights before it, within what is left */
			rel.hsum -= d->v[i].hsum - rest.hsum;
			rel.hn -= d->v[i].hn - rest.hn;
			cut(d, &rest, &rel, &out[k++], &rest);
		}
		out[k++] = rest;
	}
	free(s);
	d->n = first;
	int rc = 0;
	for (size_t i = 0; i < k && rc == 0; i++)
		rc = rl_pdf_add_line(d, &out[i]);
	free(out);
	return rc;
}
