/* pdfdoc.c: PDF to text through poppler-glib: the document, its pages read in turn.
 *
 * poppler gives each page's characters with their boxes; the reading order is rebuilt here from
 * the boxes, because poppler's own order interleaves the columns of simple two-column layouts:
 *   1. lines (pdfline.c): runs of characters on one baseline (a jump back or a wide gap starts a
 *      new one; not the equal wide gaps of a justified line, which poppler writes as one-word
 *      lines: justified_run);
 *   2. page furniture (pdffurn.c): a line in the top or bottom tenth of the page whose text
 *      (digits aside) comes back on most pages is a running header or footer, and is dropped;
 *      so is, on any page, what a printer writes there (the page's number, a date and time
 *      stamp and the title beside it, a lone address: drop_print_marks), which one page is
 *      enough to tell;
 *   3. columns (pdforder.c): a vertical gutter that no narrow line crosses splits the page (a
 *      narrow one, under two line heights, only where few lines at all cross it); lines that
 *      cross it (a title over both columns) cut the page into sections read top to bottom, each
 *      section's columns left to right (the same again inside a column, a few levels deep);
 *   4. paragraphs (pdfpara.c): lines are joined, a hyphen at a line end before a lower-case
 *      letter is undone; a gap wider than the usual leading, an indent, a change of type size, a
 *      sentence that ends a line short of its column although the next line's first word would
 *      have fitted (a list item whose bullet is drawn, not written), or a table cell beside or
 *      below the last one starts a new paragraph; at a column or page change only a line that
 *      ends a sentence does. A gap between characters with no space in the text is a space, or
 *      between cells of a table (wider) a line end;
 *   5. footnote marks, set small and raised after a word or alone left of their note, dropped
 *      (pdfnote.c). A list item's bullet drawn as a shape, not written, is found in a render of
 *      the page (pdfbullet.c). */
#include "formats.h"

#include <glib.h>
#include <poppler.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docbuf.h"
#include "pdfpage.h"

static void silence(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer data)
{
	(void)domain; (void)level; (void)msg; (void)data;
}

/* poppler reports damaged objects through GLib's log: the terminal must not see them. */
static void quiet_logs(void)
{
	static gsize done = 0;
	if (g_once_init_enter(&done)) {
		g_log_set_handler("Poppler", G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
		                  silence, NULL);
		g_log_set_handler(NULL, G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO |
		                  G_LOG_LEVEL_DEBUG, silence, NULL);
		g_once_init_leave(&done, 1);
	}
}

static int open_error(GError *e, char *err, size_t errlen)
{
	if (e && e->domain == POPPLER_ERROR && e->code == POPPLER_ERROR_ENCRYPTED)
		snprintf(err, errlen, "the PDF is encrypted (it needs a password)");
	else
		snprintf(err, errlen, "not a valid PDF (poppler cannot open it)");
	return -1;
}

/* Every page's lines in reading order, furniture left out. */
static int collect(PopplerDocument *doc, pdoc *d, pline ***ordered, size_t *n)
{
	int npages = poppler_document_get_n_pages(doc);
	size_t *first = malloc(((size_t)npages + 1) * sizeof *first);
	if (!first)
		return -1;
	for (int p = 0; p < npages; p++) {
		PopplerPage *page = poppler_document_get_page(doc, p);
		first[p] = d->n;
		if (!page)
			continue;
		double w, h;
		poppler_page_get_size(page, &w, &h);
		d->page_w = w > d->page_w ? w : d->page_w;
		d->page_h = h > d->page_h ? h : d->page_h;
		int rc = rl_pdf_read_page(d, page, (unsigned)p);
		g_object_unref(page);
		if (rc == 0)
			rc = rl_pdf_circled_marks(d, first[p], d->n);
		if (rc != 0) {
			free(first);
			return -1;
		}
	}
	first[npages] = d->n;
	rl_pdf_drop_furniture(d, (unsigned)npages);
	for (int p = 0; p < npages; p++)
		rl_pdf_drop_note_marks(d, first[p], first[p + 1]);
	size_t cap = d->n ? d->n : 1;
	pline **keep = malloc(cap * sizeof *keep), **out = malloc(cap * sizeof *out);
	size_t k = 0;
	int rc = keep && out ? 0 : -1;
	for (int p = 0; p < npages && rc == 0; p++) {
		size_t m = 0;
		for (size_t i = first[p]; i < first[p + 1]; i++)
			if (!d->v[i].drop)
				keep[m++] = &d->v[i];
		rc = rl_pdf_reading_order(keep, m, out, &k);
	}
	free(first);
	free(keep);
	if (rc != 0) {
		free(out);
		return -1;
	}
	rl_pdf_lift_wrapped_cells(d, out, k);
	*ordered = out;
	*n = k;
	return 0;
}

/* A PDF ends with %%EOF (give or take a few bytes of padding): without it the file was cut
 * short, and poppler would quietly rebuild what is left. */
static int truncated(const char *data, size_t len)
{
	size_t tail = len < 1024 ? len : 1024;
	const char *s = data + len - tail;
	for (size_t i = 0; i + 5 <= tail; i++)
		if (!memcmp(s + i, "%%EOF", 5))
			return 0;
	return 1;
}

int rl_read_pdf(const char *data, size_t len, size_t max_out, char **out, size_t *out_len,
                char *err, size_t errlen)
{
	quiet_logs();
	if (len < 5 || memcmp(data, "%PDF-", 5) != 0) {
		snprintf(err, errlen, "not a valid PDF (no %%PDF- header)");
		return -1;
	}
	if (truncated(data, len)) {
		snprintf(err, errlen, "the PDF is truncated (no %%%%EOF at its end)");
		return -1;
	}
	GError *e = NULL;
	GBytes *bytes = g_bytes_new_static(data, len);
	PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &e);
	g_bytes_unref(bytes);
	if (!doc) {
		open_error(e, err, errlen);
		g_clear_error(&e);
		return -1;
	}
	/* The raw page text may hold furniture the result drops: some room beyond max_out. */
	size_t raw_max = max_out > SIZE_MAX / 2 - (1u << 20) ? SIZE_MAX / 2 : max_out * 2 + (1u << 20);
	pdoc d = {.raw_max = raw_max, .doc = doc};
	rl_docbuf b;
	rl_docbuf_init(&b, max_out);
	pline **v = NULL;
	size_t n = 0;
	int rc = -1;
	if (collect(doc, &d, &v, &n) != 0)
		snprintf(err, errlen, d.over ? "extracted text is over the size limit" : "out of memory");
	else if (rl_pdf_write_text(&d, v, n, &b) == 0 || rl_docbuf_failed(&b))
		rc = rl_docbuf_finish(&b, out, out_len, err, errlen);  /* says why it failed */
	free(v);
	free(d.v);
	free(d.raw);
	if (d.compounds)
		g_hash_table_destroy(d.compounds);
	if (d.ink)
		cairo_surface_destroy(d.ink);
	rl_docbuf_release(&b);
	g_object_unref(doc);
	return rc;
}
