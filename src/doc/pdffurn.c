/* pdffurn.c: the PDF reader's page furniture: running heads and feet, and the marks a printer
 * adds to a page (pdfpage.h). */
#include "pdfpage.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

/* ---- running headers and footers ---- */

typedef struct {
	char *key;
	unsigned page;
	size_t line;
} fkey;

static int cmp_fkey(const void *a, const void *b)
{
	const fkey *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->page > y->page) - (x->page < y->page);
}

/* The line's text with each run of digits as one '#': "Page 3" and "Page 14" are the same foot. */
static char *furniture_key(const char *s, size_t n)
{
	char *k = malloc(n + 1), *o = k;
	if (!k)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			if (o == k || o[-1] != '#')
				*o++ = '#';
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	return k;
}

/* ---- marks a printer adds to every page, one page enough to tell ---- */

/* The digits at *s (at most 9), as a number; *s moved past them. -1 when there are none. */
static long digits(const char **s, const char *end)
{
	long v = 0;
	int k = 0;
	for (; *s < end && **s >= '0' && **s <= '9' && k < 9; (*s)++, k++)
		v = v * 10 + (**s - '0');
	return k ? v : -1;
}

/* Does [s, end) start with the word w (ASCII, any case)? Moves past it and the spaces after. */
static int word(const char **s, const char *end, const char *w)
{
	size_t n = strlen(w);
	if ((size_t)(end - *s) < n || g_ascii_strncasecmp(*s, w, n) != 0)
		return 0;
	for (*s += n; *s < end && **s == ' '; (*s)++)
		;
	return 1;
}

/* Is the line the page's own number: "N/M" (Chromium's foot), "Page N of M", "N of M", "Page N",
 * "- N -" or N alone, N this page's number and M the document's pages? A printer writes these;
 * a text that happens to hold one has it on the page it names only by chance, and in the margin
 * besides. */
static int page_counter(const char *s, size_t n, unsigned page, unsigned npages)
{
	const char *end = s + n;
	int dash = word(&s, end, "-");
	word(&s, end, "page");
	long at = digits(&s, end), of = -2;
	while (s < end && *s == ' ')
		s++;
	if (!dash && (word(&s, end, "/") || word(&s, end, "of")))
		of = digits(&s, end);
	if (dash && !word(&s, end, "-"))
		return 0;
	return s == end && at == (long)page + 1 && (of == -2 || of == (long)npages);
}

/* Is the line a date and time stamp as a browser prints it in the page's head ("12/5/26, 5:21
 * AM", "05.12.26, 05:21"): numbers joined by "/", "." or "-", then a time? */
static int print_stamp(const char *s, size_t n)
{
	const char *end = s + n;
	for (int part = 0; part < 3; part++) {
		if (digits(&s, end) < 0 || (part < 2 && (s == end || !strchr("/.-", *s++))))
			return 0;
	}
	if (s < end && *s == ',')
		s++;
	while (s < end && *s == ' ')
		s++;
	if (digits(&s, end) < 0 || s == end || *s++ != ':' || digits(&s, end) < 0)
		return 0;
	while (s < end && *s == ' ')
		s++;
	if (end - s == 2 && (s[1] == 'M' || s[1] == 'm') && strchr("AaPp", s[0]))
		s += 2;
	return s == end;
}

/* Is the line one address and nothing else ("file:///home/…/report.html", the page's URL a
 * browser prints in its foot)? */
static int lone_url(const char *s, size_t n)
{
	const char *colon = memchr(s, ':', n);
	if (!colon || colon == s || n - (size_t)(colon - s) < 4 || memcmp(colon, "://", 3) != 0 ||
	    memchr(s, ' ', n))
		return 0;
	for (const char *c = s; c < colon; c++)
		if (!g_ascii_isalpha(*c))
			return 0;
	return 1;
}

/* In the top or bottom tenth of a page, what a printer adds: the page's number, a stamp of the
 * date and time, the document's address, and the text beside a stamp on its baseline (the title
 * Chromium centres between the date and the margin). Found on one page, so that a document of
 * one page loses them too (the rule below needs most pages to agree). */
static void drop_print_marks(pdoc *d, unsigned npages)
{
	for (size_t i = 0; i < d->n; i++) {
		pline *l = &d->v[i];
		double mid = (l->y1 + l->y2) / 2;
		const char *s = d->raw + l->off;
		int top = mid < d->page_h * FURNITURE_ZONE;
		if (!top && mid <= d->page_h * (1 - FURNITURE_ZONE))
			continue;
		if (page_counter(s, l->len, l->page, npages) || lone_url(s, l->len) ||
		    (top && print_stamp(s, l->len)))
			l->drop = 1;
	}
	for (size_t i = 0; i < d->n; i++) {
		const pline *st = &d->v[i];
		if (!st->drop || !print_stamp(d->raw + st->off, st->len))
			continue;
		double mid = (st->y1 + st->y2) / 2;
		for (size_t j = 0; j < d->n; j++)
			if (d->v[j].page == st->page && d->v[j].y1 < mid && d->v[j].y2 > mid)
				d->v[j].drop = 1;
	}
}

void rl_pdf_drop_furniture(pdoc *d, unsigned npages)
{
	drop_print_marks(d, npages);
	if (npages < 2)
		return;
	fkey *keys = malloc((d->n ? d->n : 1) * sizeof *keys);
	size_t nk = 0;
	if (!keys)
		return;
	for (size_t i = 0; i < d->n; i++) {
		const pline *l = &d->v[i];
		double mid = (l->y1 + l->y2) / 2;
		if (mid > d->page_h * FURNITURE_ZONE && mid < d->page_h * (1 - FURNITURE_ZONE))
			continue;
		char *k = furniture_key(d->raw + l->off, l->len);
		if (k)
			keys[nk++] = (fkey){k, l->page, i};
	}
	qsort(keys, nk, sizeof *keys, cmp_fkey);
	for (size_t i = 0, j; i < nk; i = j) {
		unsigned pages = 0;
		for (j = i; j < nk && !strcmp(keys[j].key, keys[i].key); j++)
			pages += j == i || keys[j].page != keys[j - 1].page;
		if (pages * 2 > npages)
			for (size_t m = i; m < j; m++)
				d->v[keys[m].line].drop = 1;
	}
	for (size_t i = 0; i < nk; i++)
		free(keys[i].key);
	free(keys);
}
