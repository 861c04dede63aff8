/* pdforder.c: a page's lines in reading order, rebuilt from their boxes (poppler's own order
 * interleaves the columns of simple two-column layouts). A vertical gutter that no narrow line
 * crosses splits the page into columns (a narrow one, under two line heights, only where few
 * lines at all cross it); lines that cross it (a title over both columns) cut the page into
 * sections read top to bottom, each section's columns left to right, the same again inside a
 * column, a few levels deep. */
#include <stdlib.h>
#include <string.h>

#include "pdfpage.h"

#define MAX_DEPTH 6         /* columns within columns, at most */
#define GUTTER_WIDE 2.0 /* a gutter this many line heights wide splits columns crossed by titles */
#define GUTTER_MIN 0.8  /* ...one this wide only a page that few lines cross (12 pt between three
                         * columns of 9 pt type, Chromium's columns with a gap of 1em: 0.86) */
#define NARROW_CROSSERS 10 /* few: one line in this many */

static int cmp_y(const void *a, const void *b)
{
	const pline *x = *(const pline *const *)a, *y = *(const pline *const *)b;
	if (x->y1 != y->y1)
		return x->y1 < y->y1 ? -1 : 1;
	return (x->x1 > y->x1) - (x->x1 < y->x1);
}

static int cmp_x(const void *a, const void *b)
{
	const pline *x = *(const pline *const *)a, *y = *(const pline *const *)b;
	return (x->x1 > y->x1) - (x->x1 < y->x1);
}

/* Are the lines on each side of the gutter [gx1, gx2] columns of text: two lines or more, as wide
 * as six line heights on average? (A column of section numbers or of table figures is not.) */
static int text_columns(pline **v, size_t n, double gx1, double gx2, double h)
{
	double w[2] = {0, 0};
	size_t c[2] = {0, 0};
	for (size_t i = 0; i < n; i++) {
		int side = v[i]->x1 >= gx2 ? 1 : v[i]->x2 <= gx1 ? 0 : -1;
		if (side >= 0) {
			w[side] += v[i]->x2 - v[i]->x1;
			c[side]++;
		}
	}
	return c[0] >= 2 && c[1] >= 2 && w[0] / (double)c[0] >= 6 * h && w[1] / (double)c[1] >= 6 * h;
}

/* Do at most one line in NARROW_CROSSERS cross the gutter [gx1, gx2]? A narrow gutter splits only
 * a page of columns, that a title or two may cross; a page of prose with a list of terms and
 * their definitions in it, or a table, is crossed by its prose at every paragraph. */
static int few_cross(pline **v, size_t n, double gx1, double gx2)
{
	size_t cross = 0;
	for (size_t i = 0; i < n; i++)
		cross += v[i]->x1 < gx2 && v[i]->x2 > gx1;
	return cross * NARROW_CROSSERS <= n;
}

static int find_gutter(pline **v, size_t n, double *gx1, double *gx2, int tables);

/* Is one side of the gutter [gx1, gx2] (right: right of gx2, else left of gx1) a table's cells
 * rather than a column of prose: most of its lines share their baseline with another line of
 * that side (cells side by side), and no gutter of its own splits it into columns of text (as
 * the two right columns of a three-column page do)? A browser's print of a table whose last
 * column holds sentences ("Notes") had the gap before that column taken for the page's gutter:
 * every other cell read first, then the notes all together. */
static int table_side(pline **v, size_t n, double gx1, double gx2, int right)
{
	pline **side = malloc((n ? n : 1) * sizeof *side);
	if (!side)
		return 0;
	size_t m = 0, shared = 0;
	for (size_t i = 0; i < n; i++)
		if (right ? v[i]->x1 >= gx2 : v[i]->x2 <= gx1)
			side[m++] = v[i];
	qsort(side, m, sizeof *side, cmp_y);
	for (size_t i = 0; i < m; i++) {
		double mid = (side[i]->y1 + side[i]->y2) / 2, h = side[i]->y2 - side[i]->y1;
		int beside = 0;
		for (size_t j = i; j-- > 0 && !beside;) {
			if (mid - (side[j]->y1 + side[j]->y2) / 2 > 0.3 * h)
				break;
			beside = side[j]->page == side[i]->page;
		}
		for (size_t j = i + 1; j < m && !beside; j++) {
			if ((side[j]->y1 + side[j]->y2) / 2 - mid > 0.3 * h)
				break;
			beside = side[j]->page == side[i]->page;
		}
		shared += beside;
	}
	double a, b;
	int table = m && 2 * shared > m && !find_gutter(side, m, &a, &b, 0);
	free(side);
	return table;
}

/* The widest gutter between the lines narrower than half their span: a gap of at least two line
 * heights that none of them crosses, or of GUTTER_MIN that few lines at all cross, with text
 * columns on both sides (and, with tables set, neither side a table's cells: table_side, which
 * asks this without it, so that the question does not recurse). Returns 0 when there is none. */
static int find_gutter(pline **v, size_t n, double *gx1, double *gx2, int tables)
{
	double lo = 1e300, hi = -1e300, h = 0;
	for (size_t i = 0; i < n; i++) {
		lo = v[i]->x1 < lo ? v[i]->x1 : lo;
		hi = v[i]->x2 > hi ? v[i]->x2 : hi;
		h += v[i]->y2 - v[i]->y1;
	}
	if (n < 2)
		return 0;
	h /= (double)n;
	pline **narrow = malloc(n * sizeof *narrow);
	if (!narrow)
		return 0;
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i]->x2 - v[i]->x1 < (hi - lo) / 2)
			narrow[m++] = v[i];
	qsort(narrow, m, sizeof *narrow, cmp_x);
	double best = 0, reach = -1e300;
	int found = 0;
	for (size_t i = 0; i < m; i++) {
		if (i && narrow[i]->x1 - reach >= GUTTER_MIN * h && narrow[i]->x1 - reach > best) {
			best = narrow[i]->x1 - reach;
			*gx1 = reach;
			*gx2 = narrow[i]->x1;
			found = 1;
		}
		reach = narrow[i]->x2 > reach ? narrow[i]->x2 : reach;
	}
	free(narrow);
	return found && text_columns(v, n, *gx1, *gx2, h) &&
	       (best >= GUTTER_WIDE * h || few_cross(v, n, *gx1, *gx2)) &&
	       (!tables || (!table_side(v, n, *gx1, *gx2, 0) && !table_side(v, n, *gx1, *gx2, 1)));
}

static int order(pline **v, size_t n, pline **out, size_t *k, int depth);

/* Lines [from, to) of v between two spanning lines: the left column, then the right one. */
static int order_section(pline **v, size_t n, double top, double bottom, double gx1, pline **out,
                         size_t *k, int depth)
{
	pline **side = malloc((n ? n : 1) * sizeof *side);
	if (!side)
		return -1;
	for (int right = 0; right < 2; right++) {
		size_t m = 0;
		for (size_t i = 0; i < n; i++) {
			double mid = (v[i]->y1 + v[i]->y2) / 2;
			int is_right = v[i]->x1 >= gx1;
			if (mid >= top && mid < bottom && is_right == right)
				side[m++] = v[i];
		}
		if (order(side, m, out, k, depth + 1) != 0) {
			free(side);
			return -1;
		}
	}
	free(side);
	return 0;
}

/* Lines sorted by their tops, a row's read left to right: a line on the same baseline as the
 * one before it (their middles within 0.3 line heights) and wholly left of it goes first. A
 * bullet set smaller than its item's text has a lower top (DocBook's "•" 1.4 pt below the
 * item's capitals in the shared MIME-info spec), so it sorted after its item and was read as a
 * bullet alone under it ("A standard way…", "-"), each item's bullet under the item. */
#define ROW_SWAPS 8  /* a line moves at most this many places left: no quadratic page */

static void sort_rows(pline **v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_y);
	for (size_t i = 1; i < n; i++) {
		for (size_t j = i; j > 0 && i - j < ROW_SWAPS; j--) {
			pline *a = v[j - 1], *b = v[j];
			double ha = a->y2 - a->y1, hb = b->y2 - b->y1, h = ha > hb ? ha : hb;
			double ma = (a->y1 + a->y2) / 2, mb = (b->y1 + b->y2) / 2;
			if (b->page != a->page || b->x2 > a->x1 || mb < ma - 0.3 * h || mb > ma + 0.3 * h)
				break;
			v[j - 1] = b;
			v[j] = a;
		}
	}
}

/* Do most lines on one side of a gutter (right: those right of gx2, else left of gx1) run to
 * near that side's right edge, as a column of prose's lines do? A table's cells (a program's
 * options and what each does, a dump's offsets and bytes) stop where their words do. */
#define FILLED 0.8 /* a line filled runs this share of its column's width, at least */

static int filled(pline **v, size_t n, double gx1, double gx2, int right)
{
	double lo = 1e300, hi = -1e300;
	size_t lines = 0, full = 0;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++) {
			if (right ? v[i]->x1 < gx2 : v[i]->x2 > gx1)
				continue;
			if (!pass) {
				lo = v[i]->x1 < lo ? v[i]->x1 : lo;
				hi = v[i]->x2 > hi ? v[i]->x2 : hi;
				lines++;
			} else {
				full += v[i]->x2 - lo >= FILLED * (hi - lo);
			}
		}
	return lines && 2 * full >= lines;
}

/* Is the band of lines v[0..n) (sorted by top) in columns of prose: a gutter, most lines on
 * each side filled, and no line crossing the gutter but above the columns' first line (a title
 * over them)? A letter's band of its address on the right, "Dear Treasurer," on the left and
 * its first paragraph across is not. */
static int in_columns(pline **v, size_t n)
{
	double gx1, gx2;
	if (!find_gutter(v, n, &gx1, &gx2, 1) || !filled(v, n, gx1, gx2, 0) ||
	    !filled(v, n, gx1, gx2, 1))
		return 0;
	int below = 0;  /* a column's line was met */
	for (size_t i = 0; i < n; i++) {
		int cross = v[i]->x1 < gx2 && v[i]->x2 > gx1;
		if (cross && below)
			return 0;
		below |= !cross;
	}
	return 1;
}

/* Where to cut a page that no gutter splits whole into a band above and one below, when one of
 * them is in columns: two columns above a table whose cells cross their gutter (a browser's
 * print of an article in CSS columns, then a full-width table), read across row by row before.
 * Candidates are the clean gaps (no line's box spans them) of at least half a line height; the
 * widest few are tried, widest first, so a gap between a section and the next is taken before
 * one that both columns happen to share. Returns the first line below the cut, or 0 for none.
 * v is sorted by top. */
#define CUT_TRIES 8

static size_t find_cut(pline **v, size_t n)
{
	size_t best[CUT_TRIES];
	double gap[CUT_TRIES], h = 0, reach = -1e300;
	size_t nb = 0;
	for (size_t i = 0; i < n; i++)
		h += v[i]->y2 - v[i]->y1;
	h = n ? h / (double)n : 0;
	for (size_t i = 0; i < n; i++) {
		double g = v[i]->y1 - reach;
		if (i && g >= 0.5 * h) {  /* keep the CUT_TRIES widest, widest first */
			size_t j = nb < CUT_TRIES ? nb++ : CUT_TRIES;
			for (; j > 0 && gap[j - 1] < g; j--)
				if (j < CUT_TRIES) {
					gap[j] = gap[j - 1];
					best[j] = best[j - 1];
				}
			if (j < CUT_TRIES) {
				gap[j] = g;
				best[j] = i;
			}
		}
		reach = v[i]->y2 > reach ? v[i]->y2 : reach;
	}
	for (size_t t = 0; t < nb; t++)
		if (in_columns(v, best[t]) || in_columns(v + best[t], n - best[t]))
			return best[t];
	return 0;
}

/* Put the lines v (one page's) in reading order into out at *k. */
static int order(pline **v, size_t n, pline **out, size_t *k, int depth)
{
	double gx1 = 0, gx2 = 0;
	if (depth >= MAX_DEPTH)
		goto rows;
	if (!find_gutter(v, n, &gx1, &gx2, 1)) {
		qsort(v, n, sizeof *v, cmp_y);
		size_t cut = find_cut(v, n);
		if (!cut)
			goto rows;
		if (order(v, cut, out, k, depth + 1) != 0)
			return -1;
		return order(v + cut, n - cut, out, k, depth + 1);
	}
	/* Lines crossing the gutter (titles, wide figures' captions) cut the page into sections. */
	pline **span = malloc(n * sizeof *span), **rest = malloc(n * sizeof *rest);
	size_t ns = 0, nr = 0;
	int rc = -1;
	if (!span || !rest)
		goto done;
	for (size_t i = 0; i < n; i++) {
		if (v[i]->x1 < gx2 && v[i]->x2 > gx1)
			span[ns++] = v[i];
		else
			rest[nr++] = v[i];
	}
	qsort(span, ns, sizeof *span, cmp_y);
	double top = -1e300;
	for (size_t s = 0; s <= ns; s++) {
		double bottom = s < ns ? (span[s]->y1 + span[s]->y2) / 2 : 1e300;
		if (order_section(rest, nr, top, bottom, (gx1 + gx2) / 2, out, k, depth) != 0)
			goto done;
		if (s < ns)
			out[(*k)++] = span[s];
		top = bottom;
	}
	rc = 0;
done:
	free(span);
	free(rest);
	return rc;
rows:
	sort_rows(v, n);
	memcpy(out + *k, v, n * sizeof *v);
	*k += n;
	return 0;
}

int rl_pdf_reading_order(pline **v, size_t n, pline **out, size_t *k)
{
	return order(v, n, out, k, 0);
}
