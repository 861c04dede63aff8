/* pdfpage.h: the PDF reader's lines and document as it reads them, shared by its files (pdfdoc.c:
 * the document; pdfline.c: a page's lines; pdfpara.c: paragraphs; pdforder.c: reading order,
 * columns; pdffurn.c: page furniture; pdfcirc.c: the circled c; pdfhyph.c: a hyphen at a
 * line's end; pdfnote.c: footnote marks; pdfbullet.c: drawn bullets). Not a face of the
 * readers: only these files include it. */
#ifndef REDLINE_PDFPAGE_H
#define REDLINE_PDFPAGE_H

#include <poppler.h>
#include <stddef.h>

#include "docbuf.h"

typedef struct {
	double x1, y1, x2, y2;
	size_t off, len;    /* bytes into the document's raw text */
	unsigned page;
	unsigned char drop; /* page furniture */
	double hsum;        /* the heights of its characters (not spaces), summed, and their count: */
	unsigned hn;        /* its type size, which one tall glyph (a logo, an accent) does not move */
	unsigned char note; /* the text of a note whose mark, left of it, was dropped: a paragraph */
	unsigned char wrapped; /* a table cell's next line, read before the cells beside its first */
} pline;

typedef struct {
	pline *v;
	size_t n, cap;
	char *raw;          /* every page's text, one after the other */
	size_t raw_len, raw_cap, raw_max;
	int over;           /* the raw text passed raw_max */
	double page_w, page_h;
	PopplerDocument *doc;  /* for the marks drawn left of a line (rl_pdf_drawn_mark) */
	cairo_surface_t *ink;  /* page ink_page rendered, or NULL, at ink_scale pixels a point */
	unsigned ink_page;
	int ink_tried;         /* ink_page was rendered (or failed to be) */
	double ink_scale;
	unsigned renders;      /* pages rendered, at most MAX_RENDERS */
	unsigned rings;        /* lone c's rendered around (a circled c is ©), at most MAX_RINGS */
	const pline *asked;    /* the line rl_pdf_drawn_mark last answered for, and its answer */
	int answer;
	GHashTable *compounds; /* words written with a hyphen on a line, casefolded (pdfhyph.c) */
	int browser;           /* printed by a browser (pdfhyph.c): 0 not asked yet, 1 yes, 2 no */
} pdoc;

/* The next UTF-8 character; never past the NUL, even in a sequence cut short (and
 * g_utf8_next_char casts const away). */
static inline const char *rl_pdf_next_char(const char *s)
{
	s++;
	while ((*(const unsigned char *)s & 0xC0) == 0x80)
		s++;
	return s;
}

#define CELL_ALIGN 0.5        /* points apart that cells of one column start (pdfpara.c) */

/* A space wider than CELL_SPACE line heights inside a line (pdfline.c): line is its index in d->v,
 * at the raw offset of the word after it, x2 the right edge of the text before it, x1 the word's
 * left edge, hsum and hn the line's character heights before it (pline's). */
typedef struct {
	size_t line, at;
	double x2, x1, hsum;
	unsigned hn;
} pdf_wide_space;

typedef struct {
	pdf_wide_space *v;
	size_t n, cap;
} pdf_spaces;

/* Cut the lines d->v[first..] of one page at the wide spaces w (in the lines' order) where a
 * table's cell starts: the word after the space starts where lines of two other rows of the
 * page start (within CELL_ALIGN). A browser prints a cell and the next on one baseline, and
 * poppler writes a space between them when the gap is narrow ("Hawthorn and blackthorn £412",
 * the Cost column's "£412" starting where "£180" and "£96" do); a justified line's wide spaces
 * have no such alignment. 0, or -1 when out of memory. */
int rl_pdf_split_cells(pdoc *d, size_t first, const pdf_wide_space *w, size_t nw);
#define JUSTIFIED_GAP_ABS 0.5 /* points apart that a justified line's gaps may differ (pdfline.c) */

#define FURNITURE_ZONE 0.10 /* the top and bottom tenth of a page hold running heads and feet */

/* Mark the page furniture of d's lines dropped: what a printer writes in a page's margins (its
 * number, a date stamp and the title beside it, a lone address), found on any page; and, with
 * two pages or more, a line in the top or bottom tenth whose text, digits aside, comes back on
 * most pages (a running head or foot). */
void rl_pdf_drop_furniture(pdoc *d, unsigned npages);

/* Append line l to d's lines; -1 when out of memory. */
int rl_pdf_add_line(pdoc *d, const pline *l);

/* Append n bytes to d's raw text; -1 when out of memory or past raw_max (d->over set). */
int rl_pdf_add_raw(pdoc *d, const char *s, size_t n);

/* Is the character at s (box rects[k] on page p) a c standing alone as a word (opening the line
 * cur, or a gap wider than a word space after the word before it; before a space or the line's
 * end) in a drawn circle, a © (at most MAX_RINGS such c's rendered a document)? */
int rl_pdf_circled_c(pdoc *d, const pline *cur, const char *s, const PopplerRectangle *rects,
                     guint k, unsigned p);

/* The ©s standing alone among page lines [lo, hi), joined with the lines beside them on their
 * row. 0, or -1 when out of memory. */
int rl_pdf_circled_marks(pdoc *d, size_t lo, size_t hi);

/* Line a ends with '-' between letters and line b goes on in lower case: is the hyphen a
 * compound's, kept and the two lines joined without a space ("closed-" / "source" where the
 * document writes closed-source on a line, "best-in-" / "class", "up-" / "to-date", or any in a
 * page a browser printed)? Else a word was broken. */
int rl_pdf_compound_break(pdoc *d, const pline *a, const pline *b);

/* The characters of a footnote's mark that start at s (character k of the page's nrects, boxes
 * r) right after line l's text, to be skipped, or 0: a mark set smaller and raised after a word
 * or a stop, followed by no more of a word. */
guint rl_pdf_note_mark(const pdoc *d, const pline *l, const char *s, const PopplerRectangle *r,
                       guint k, guint nrects);

/* Mark dropped each line of lines [from, to) (one page's) that is a note's mark alone, set
 * smaller and raised just left of its note's text, and that text's line a note (pline.note). */
void rl_pdf_drop_note_marks(pdoc *d, size_t from, size_t to);

/* Put the lines v (one page's, not dropped) in reading order into out at *k (*k moved past them;
 * v is reordered). 0, or -1 when out of memory. */
int rl_pdf_reading_order(pline **v, size_t n, pline **out, size_t *k);

/* Is a bullet drawn just left of line l, where no text is (a render of l's page, at most
 * MAX_RENDERS pages a document)? The answer for the last line asked is kept. */
int rl_pdf_drawn_mark(pdoc *d, const pline *l);

/* One page's characters (page number pageno) into lines appended to d. 0, or -1 when out of
 * memory or past the raw text's limit (d->over). */
int rl_pdf_read_page(pdoc *d, PopplerPage *page, unsigned pageno);

/* A table's cell wrapped over lines, read apart from the cells beside it in the lines v (in
 * reading order), is moved together: the row's cells left of it, its lines, the cells right. */
void rl_pdf_lift_wrapped_cells(const pdoc *d, pline **v, size_t n);

/* The lines v (in reading order) as paragraphs into b. 0, or -1 when b failed. */
int rl_pdf_write_text(pdoc *d, pline **v, size_t n, rl_docbuf *b);

#endif
