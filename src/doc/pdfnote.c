/* pdfnote.c: footnote marks, dropped as the docx reader drops a note's reference: a mark set
 * small and raised after a word ("lifeboat.¹"), skipped as a page's characters are read into
 * lines, and a mark alone on its line left of its note's text, dropped once a page is read. */
#include <poppler.h>
#include <string.h>

#include "pdfpage.h"

/* A footnote's mark in the text ("lifeboat.¹"): digits, "*", "†" or "‡" set smaller and raised,
 * glued to what stands before them. */
#define MARK_SIZE 0.85   /* a mark's height is under this share of its line's type size... */
#define MARK_RISE 0.25   /* ...and its foot above the line's by more than this share of it */
#define MARK_MAX 3       /* characters in a mark, at most */

static int mark_char(const char *s)
{
	return (*s >= '0' && *s <= '9') || *s == '*' || strncmp(s, "\xE2\x80\xA0", 3) == 0 ||
	       strncmp(s, "\xE2\x80\xA1", 3) == 0;  /* † ‡ */
}

/* The length of a note's mark character (mark_char) at s[i] in a line of n bytes that need not
 * end with a NUL (the raw text), or 0. */
static size_t mark_in(const char *s, size_t i, size_t n)
{
	if ((s[i] >= '0' && s[i] <= '9') || s[i] == '*')
		return 1;
	if (n - i >= 3 && (memcmp(s + i, "\xE2\x80\xA0", 3) == 0 || memcmp(s + i, "\xE2\x80\xA1", 3) == 0))
		return 3;
	return 0;
}

/* Does a note's mark stand after this text of a line: a word of three letters or more (not the
 * "m" of "m²", a unit's power), or a stop, a comma, a closing bracket or quotation mark? */
static int mark_may_follow(const char *s, size_t n)
{
	if (!n)
		return 0;
	unsigned char c = (unsigned char)s[n - 1];
	if (strchr(".,;:!?)]\"'", c) || (n >= 3 && (strncmp(s + n - 3, "\xE2\x80\x99", 3) == 0 ||
	                                              strncmp(s + n - 3, "\xE2\x80\x9D", 3) == 0)))
		return 1;
	size_t letters = 0;
	for (size_t i = n; i-- > 0 && letters < 3;) {
		unsigned char b = (unsigned char)s[i];
		if (b >= 0x80 ? (b & 0xC0) != 0x80 : ((b | 0x20) >= 'a' && (b | 0x20) <= 'z'))
			letters++;
		else if (b < 0x80)
			break;
	}
	return letters >= 3;
}

/* The characters of a footnote's mark that start at s (character k of the page) right after
 * line l's text, or 0: the docx reader drops a note's reference, and so does this one, or the
 * mark ran into the word ("lifeboat.1") and a renumbered note was a rewrite of it. */
guint rl_pdf_note_mark(const pdoc *d, const pline *l, const char *s, const PopplerRectangle *r,
                       guint k, guint nrects)
{
	if (!l->len || !l->hn || d->raw[l->off + l->len - 1] == ' ' ||
	    !mark_may_follow(d->raw + l->off, l->len))
		return 0;
	double h = l->hsum / l->hn;
	guint n = 0;
	for (; k + n < nrects && n <= MARK_MAX && *s && mark_char(s); n++, s = rl_pdf_next_char(s))
		if (r[k + n].y2 - r[k + n].y1 >= h * MARK_SIZE || l->y2 - r[k + n].y2 <= h * MARK_RISE)
			break;
	/* What follows the mark is no more of a word: a space, a line's end, punctuation. */
	int apart = !*s || *s == ' ' || *s == '\n' || *s == '\r' || strchr(".,;:!?)", *s);
	return n && n <= MARK_MAX && apart ? n : 0;
}

/* A line that is a note's mark alone, set smaller and raised just left of the note's text on its
 * baseline ("¹ County records…", the mark a line of its own in poppler's order): dropped, as a
 * mark in the text is. Lines [from, to) are a page's. */
void rl_pdf_drop_note_marks(pdoc *d, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		pline *m = &d->v[i];
		const char *s = d->raw + m->off;
		size_t len = 0, k;
		while (len < m->len && (k = mark_in(s, len, m->len)) > 0)
			len += k;
		if (len != m->len || m->len > MARK_MAX * 3 || !m->hn)
			continue;
		for (size_t j = from; j < to && !m->drop; j++) {
			pline *l = &d->v[j];
			double h = l->hn ? l->hsum / l->hn : 0, mid = (m->y1 + m->y2) / 2;
			m->drop = j != i && h > 0 && m->hsum / m->hn < h * MARK_SIZE && mid > l->y1 &&
			          mid < l->y2 && l->y2 - m->y2 > h * MARK_RISE && m->x2 <= l->x1 + h * 0.1 &&
			          l->x1 - m->x2 < h * 3;
			l->note = l->note || m->drop;
		}
	}
}
