/* pdfcirc.c: a c in a drawn circle read as ©, as LaTeX and Texinfo print their copyright sign
 * (their \copyright is a c and a circle that is a path or a glyph poppler has no character for,
 * so the page's text holds the c alone). A lone c is rendered around and searched for a thin
 * ring; a © poppler gave as a line of its own is joined with the words beside it on its row. */
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "pdfpage.h"

#define RING_SCALE 4.0      /* pixels per point of the render around a lone "c" (circled) */
#define RING_RAYS 16        /* rays from its middle looking for a circle drawn around it */
#define MAX_RINGS 32        /* lone c's rendered around, per document (each renders its page) */

/* Is the pixel at (x, y) of a side × side render inked? */
static int inked(const unsigned char *px, int stride, int side, double x, double y)
{
	int i = (int)x, j = (int)y;
	return i >= 0 && j >= 0 && i < side && j < side && px[(size_t)j * (size_t)stride + (size_t)i] > 96;
}

/* Where a ray from mid, direction (dx, dy), meets a ring: the start of the outermost run of ink
 * that starts between 0.3 and 0.75 of h from mid (past the c's own strokes, or some of them: a
 * c's ends reach further) and is thin (clear again within a fifth of h); -1 if none. */
static double ray_ring(const unsigned char *px, int stride, int side, double mid, double h,
                       double dx, double dy)
{
	double found = -1, start = -1;
	for (double r = 0.3 * h; r < 0.95 * h; r += 0.5) {
		int ink = inked(px, stride, side, mid + r * dx, mid + r * dy);
		if (ink && start < 0 && r < 0.75 * h)
			start = r;
		else if (!ink && start >= 0) {
			found = r - start < 0.2 * h ? start : -1;
			start = -1;
		}
	}
	return start >= 0 ? -1 : found;  /* (ink to the edge: a ground, not a ring) */
}

/* Does the render (2h points square at RING_SCALE, the c in its middle) hold a circle around
 * its middle? Each ray meets a ring (ray_ring), and the points met lie at one distance from
 * their centre, within a fifth (a box's corners are 1.41 times as far as its sides' middles). */
static int ring(cairo_surface_t *s, int side)
{
	static const double ray[RING_RAYS][2] = {
		{1, 0}, {0.924, 0.383}, {0.707, 0.707}, {0.383, 0.924}, {0, 1}, {-0.383, 0.924},
		{-0.707, 0.707}, {-0.924, 0.383}, {-1, 0}, {-0.924, -0.383}, {-0.707, -0.707},
		{-0.383, -0.924}, {0, -1}, {0.383, -0.924}, {0.707, -0.707}, {0.924, -0.383}};
	const unsigned char *px = cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s);
	double mid = side / 2.0, h = side / 2.0, hx[RING_RAYS], hy[RING_RAYS], sx = 0, sy = 0;
	if (!px)
		return 0;
	for (int k = 0; k < RING_RAYS; k++) {
		double r = ray_ring(px, stride, side, mid, h, ray[k][0], ray[k][1]);
		if (r < 0)
			return 0;
		hx[k] = mid + r * ray[k][0], hy[k] = mid + r * ray[k][1];
		sx += hx[k], sy += hy[k];
	}
	sx /= RING_RAYS, sy /= RING_RAYS;
	double lo = 1e300, hi = 0;
	for (int k = 0; k < RING_RAYS; k++) {
		double d2 = (hx[k] - sx) * (hx[k] - sx) + (hy[k] - sy) * (hy[k] - sy);
		lo = d2 < lo ? d2 : lo, hi = d2 > hi ? d2 : hi;
	}
	return hi <= lo * 1.2 * 1.2;
}

/* Is the c of box r on page p set in a circle drawn around it: the © of LaTeX and Texinfo (their
 * \copyright is a c and a circle that is a path or a glyph poppler has no character for, so
 * the page's text holds the c alone)? The page is rendered around the c, finely (RING_SCALE),
 * and searched for a ring; MAX_RINGS c's a document at most (a listing of single-letter
 * variables is not rendered all over). */
static int circled(pdoc *d, const PopplerRectangle *r, unsigned p)
{
	double h = r->y2 - r->y1, cx = (r->x1 + r->x2) / 2, cy = (r->y1 + r->y2) / 2;
	if (!(h > 1 && h < 100) || !d->doc || d->rings >= MAX_RINGS)
		return 0;
	d->rings++;
	PopplerPage *page = poppler_document_get_page(d->doc, (int)p);
	if (!page)
		return 0;
	int side = (int)(2 * h * RING_SCALE);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, side, side);
	int found = 0;
	if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS) {
		cairo_t *cr = cairo_create(s);
		cairo_scale(cr, RING_SCALE, RING_SCALE);
		cairo_translate(cr, h - cx, h - cy);
		poppler_page_render(page, cr);
		cairo_destroy(cr);
		cairo_surface_flush(s);
		found = ring(s, side);
	}
	cairo_surface_destroy(s);
	g_object_unref(page);
	return found;
}

/* (pdfpage.h) */
int rl_pdf_circled_c(pdoc *d, const pline *cur, const char *s, const PopplerRectangle *rects,
                     guint k, unsigned p)
{
	if (*s != 'c' || (s[1] && s[1] != ' ' && s[1] != '\n' && s[1] != '\r'))
		return 0;
	if (cur->len && d->raw[cur->off + cur->len - 1] != ' ')
		return 0;
	/* the circle stands between it and the word before: a gap wider than a word space */
	if (cur->len && rects[k].x1 - cur->x2 < 0.4 * (rects[k].y2 - rects[k].y1))
		return 0;
	return circled(d, &rects[k], p);
}

/* The line of [lo, hi) on l's row nearest l on one side (right: after it), within a line height
 * and a half, or NULL. */
static pline *row_neighbour(pdoc *d, size_t lo, size_t hi, const pline *l, int right)
{
	double h = l->y2 - l->y1, mid = (l->y1 + l->y2) / 2, best = 1.5 * h;
	pline *near_one = NULL;
	for (size_t k = lo; k < hi; k++) {
		pline *o = &d->v[k];
		double om = (o->y1 + o->y2) / 2, gap = right ? o->x1 - l->x2 : l->x1 - o->x2;
		double oh = o->y2 - o->y1 > h ? o->y2 - o->y1 : h;  /* (the c may be set smaller) */
		if (o != l && !o->drop && om > mid - 0.3 * oh && om < mid + 0.3 * oh && gap >= 0 &&
		    gap < best)
			best = gap, near_one = o;
	}
	return near_one;
}

/* Line l, a © alone (a circled c, circled_c), one line with its neighbours on its row: it stood a
 * cell's gap from them, the circle's width ("Copyright © 2000", where poppler gave "Copyright",
 * "c", "2000" as three lines). */
static int join_circled(pdoc *d, size_t lo, size_t hi, size_t i)
{
	pline *l = &d->v[i], *part[2] = {row_neighbour(d, lo, hi, l, 0), row_neighbour(d, lo, hi, l, 1)};
	size_t na = part[0] ? part[0]->len + 1 : 0, nb = part[1] ? part[1]->len + 1 : 0;
	char *t = malloc(na + 2 + nb);  /* (a copy: d->raw moves as it grows) */
	if (!t)
		return -1;
	if (part[0])
		memcpy(t, d->raw + part[0]->off, na - 1), t[na - 1] = ' ';
	memcpy(t + na, "\xC2\xA9", 2);
	if (part[1])
		t[na + 2] = ' ', memcpy(t + na + 3, d->raw + part[1]->off, nb - 1);
	if (!part[0] && !part[1]) {
		free(t);
		return 0;
	}
	pline joined = *l;
	joined.off = d->raw_len;
	joined.len = na + 2 + nb;
	int rc = rl_pdf_add_raw(d, t, joined.len);
	free(t);
	for (int k = 0; k < 2 && rc == 0; k++) {
		const pline *o = part[k];
		if (!o)
			continue;
		joined.x1 = o->x1 < joined.x1 ? o->x1 : joined.x1;
		joined.x2 = o->x2 > joined.x2 ? o->x2 : joined.x2;
		joined.y1 = o->y1 < joined.y1 ? o->y1 : joined.y1;
		joined.y2 = o->y2 > joined.y2 ? o->y2 : joined.y2;
		joined.hsum += o->hsum, joined.hn += o->hn;
		part[k]->drop = 1;
	}
	if (rc == 0)
		*l = joined;
	return rc;
}

/* (pdfpage.h) */
int rl_pdf_circled_marks(pdoc *d, size_t lo, size_t hi)
{
	for (size_t i = lo; i < hi; i++)
		if (d->v[i].len == 2 && !memcmp(d->raw + d->v[i].off, "\xC2\xA9", 2) && !d->v[i].drop &&
		    join_circled(d, lo, hi, i) != 0)
			return -1;
	return 0;
}
