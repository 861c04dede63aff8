/* pdfbullet.c: a list item's bullet that a browser or a word processor drew as a shape (a disc, a
 * square) instead of writing it, so that the page's text does not hold it: the strip left of a
 * line is looked at in a render of its page (rendered once, and a document's renders bounded). */
#include <poppler.h>
#include <stddef.h>

#include "pdfpage.h"

#define MAX_RENDERS 2000    /* pages rendered to look for drawn bullets, per document */
#define INK_SCALE 1.0       /* pixels per point of those renders... */
#define INK_PIXELS 16e6     /* ...or fewer, to keep a page in this many pixels */

/* The lines of d on page p: [*lo, *hi) of d->v (read page by page, so in page order). */
static void page_lines(const pdoc *d, unsigned p, size_t *lo, size_t *hi)
{
	size_t a = 0, b = d->n;
	while (a < b) {
		size_t m = a + (b - a) / 2;
		if (d->v[m].page < p)
			a = m + 1;
		else
			b = m;
	}
	*lo = a;
	for (b = a; b < d->n && d->v[b].page == p; b++)
		;
	*hi = b;
}

/* The page's ink, rendered once when a line of it is first asked about (the lines are asked
 * about in reading order, page by page). */
static int page_ink(pdoc *d, unsigned p)
{
	if (d->ink_tried && d->ink_page == p)
		return d->ink ? 0 : -1;
	if (d->ink)
		cairo_surface_destroy(d->ink);
	d->ink = NULL;
	d->ink_tried = 1;
	d->ink_page = p;
	if (d->renders >= MAX_RENDERS)
		return -1;
	d->renders++;
	PopplerPage *page = poppler_document_get_page(d->doc, (int)p);
	if (!page)
		return -1;
	double w, h;
	poppler_page_get_size(page, &w, &h);
	/* A huge page (a poster, or a hostile MediaBox) is rendered coarser, in INK_PIXELS at most. */
	d->ink_scale = INK_SCALE;
	while (w * h * d->ink_scale * d->ink_scale > INK_PIXELS && d->ink_scale > 1e-3)
		d->ink_scale /= 2;
	if (!(w > 0 && h > 0 && w * d->ink_scale < 32000 && h * d->ink_scale < 32000)) {
		g_object_unref(page);
		return -1;
	}
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, (int)(w * d->ink_scale) + 1,
	                                                (int)(h * d->ink_scale) + 1);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		g_object_unref(page);
		return -1;
	}
	cairo_t *cr = cairo_create(s);
	cairo_scale(cr, d->ink_scale, d->ink_scale);
	poppler_page_render(page, cr);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	g_object_unref(page);
	d->ink = s;
	return 0;
}

/* Is a mark drawn just left of line l, where no text is: a bullet a browser or a word processor
 * drew as a shape (a disc, a square), which the page's text does not hold? In the strip from two
 * line heights left of the line to its start, ink that is small both ways and clear of the
 * strip's top and bottom is a mark (a rule, a box's edge or a shaded ground crosses the strip). */
static int render_mark(pdoc *d, const pline *l)
{
	double h = l->y2 - l->y1;
	if (h <= 0 || l->x1 - 2.0 * h < 0 || !d->doc)
		return 0;
	size_t lo, hi;
	page_lines(d, l->page, &lo, &hi);
	for (size_t k = lo; k < hi; k++) {
		const pline *o = &d->v[k];
		if (o != l && o->x2 > l->x1 - 2.0 * h && o->x1 < l->x1 && o->y2 > l->y1 + 0.3 * h &&
		    o->y1 < l->y2 - 0.3 * h)
			return 0;  /* text in the strip (not the lines above and below, whose boxes a
			            * browser's leading makes overlap this one's a little) */
	}
	if (page_ink(d, l->page) != 0)
		return 0;
	const unsigned char *px = cairo_image_surface_get_data(d->ink);
	int stride = cairo_image_surface_get_stride(d->ink);
	int pw = cairo_image_surface_get_width(d->ink), ph = cairo_image_surface_get_height(d->ink);
	double sc = d->ink_scale;
	if (h * sc < 4)
		return 0;  /* too coarse to tell a mark */
	int x0 = (int)((l->x1 - 2.0 * h) * sc), x1 = (int)((l->x1 - 0.1 * h) * sc);
	int y0 = (int)(l->y1 * sc), y1 = (int)(l->y2 * sc);
	if (!px || x0 < 0 || y0 < 0 || x1 > pw || y1 > ph || x1 <= x0 || y1 <= y0)
		return 0;
	int minx = x1, maxx = -1, miny = y1, maxy = -1;
	for (int y = y0; y < y1; y++)
		for (int x = x0; x < x1; x++)
			if (px[(size_t)y * (size_t)stride + (size_t)x] > 96) {
				minx = x < minx ? x : minx, maxx = x > maxx ? x : maxx;
				miny = y < miny ? y : miny, maxy = y > maxy ? y : maxy;
			}
	/* A bullet: small, about as wide as high (not an underscore or a rule), standing clear of
	 * the strip's top and bottom, around the middle of the line. */
	double most = 0.8 * h * sc, bw = maxx - minx + 1, bh = maxy - miny + 1;
	double mid = (miny + maxy) / 2.0, top = y0 + 0.2 * (y1 - y0), bottom = y1 - 0.2 * (y1 - y0);
	return maxx >= 0 && bw <= most && bh <= most && bh >= 0.15 * h * sc && bw <= 2.5 * bh &&
	       bh <= 2.5 * bw && miny > y0 && maxy < y1 - 1 && mid > top && mid < bottom;
}

int rl_pdf_drawn_mark(pdoc *d, const pline *l)
{
	if (d->asked != l) {
		d->asked = l;
		d->answer = render_mark(d, l);
	}
	return d->answer;
}
