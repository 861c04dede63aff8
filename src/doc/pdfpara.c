/* pdfpara.c: a PDF's lines in reading order into paragraphs (pdfpage.h). Lines are joined; a
 * hyphen at a line end before a lower-case letter is undone; a gap wider than the usual leading,
 * an indent, a change of type size, a sentence that ends a line short of its column although the
 * next line's first word would have fitted (a list item whose bullet is drawn, not written), or
 * a table cell beside or below the last one starts a new paragraph; at a column or page change
 * only a line that ends a sentence does. A table's cell wrapped over lines is read whole before
 * the cells beside it (lift_wrapped_cells); a caption or a page's notes between a paragraph's
 * lines are read after it (defer_interruptions). */
#include <glib.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "docbuf.h"
#include "pdfpage.h"

#define NEAR_LINES 6        /* lines either side looked at for a column's right edge */
#define SIZE_CHANGE 0.12    /* line heights differing by more than this share: another type size */

/* The offset of the character after the one at s[i], in a line of n bytes that need not end
 * with a NUL (the raw text: a line may end the buffer, in a sequence cut short). */
static size_t next_in(const char *s, size_t i, size_t n)
{
	for (i++; i < n && (*(const unsigned char *)(s + i) & 0xC0) == 0x80; i++)
		;
	return i;
}

static int ends_sentence(const char *s, size_t n)
{
	static const char *const ends[] = {".", "!", "?", ":", "\"", ")", "\xE2\x80\x9D", "\xE2\x80\x99"};
	for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
		size_t e = strlen(ends[i]);
		if (n >= e && !memcmp(s + n - e, ends[i], e))
			return 1;
	}
	return 0;
}

/* The usual gap between two lines of a paragraph: the median of the gaps between a line and the
 * next one below it on the page (negative where their boxes overlap, as a browser's leading makes
 * them: counting only the positive gaps would take the paragraph spacing for the leading). */
static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double type_size(const pline *l);

/* The median of the values g[0..m), sorted in place; 0 when there are none. */
static double median(double *g, size_t m)
{
	if (!m)
		return 0;
	qsort(g, m, sizeof *g, cmp_double);
	return g[m / 2];
}

static int near(double a, double b, double slack)
{
	return a - b <= slack && b - a <= slack;
}

/* The usual gap between a line and the next in the body's type (the commonest size, the median
 * line's): an index or notes set smaller, with a leading of their own, do not move it (read in
 * its columns, a two-column index of small type moved it enough to join a manual's paragraphs). */
static double usual_gap(pline **v, size_t n)
{
	double *g = malloc((n ? n : 1) * sizeof *g), med = 0;
	size_t m = 0;
	if (!g)
		return 0;
	for (size_t i = 0; i < n; i++)
		g[i] = type_size(v[i]);
	double body = median(g, n);
	for (size_t i = 1; i < n; i++) {
		double ha = type_size(v[i - 1]), hb = type_size(v[i]);
		if (v[i]->page == v[i - 1]->page && v[i]->y1 > v[i - 1]->y1 &&
		    near(ha, body, SIZE_CHANGE * body) && near(hb, body, SIZE_CHANGE * body))
			g[m++] = v[i]->y1 - v[i - 1]->y2;
	}
	med = median(g, m);
	free(g);
	return med;
}

/* A bullet that opens a paragraph ("•", "◦", "▪", "‣"), or stands alone on its line with its
 * item's text to its right (groff's and LaTeX's lists set the text at an indent, a cell's gap
 * away): its length in bytes, or 0. */
static size_t bullet(const char *s, size_t n)
{
	static const char *const marks[] = {"\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA",
	                                    "\xE2\x80\xA3"};
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (n >= 3 && !memcmp(s, marks[i], 3))
			return 3;
	return 0;
}

/* The number of a list item's mark opening s[0, n) ("2. ", "14) "), or 0. */
static unsigned item_number(const char *s, size_t n)
{
	unsigned v = 0;
	size_t i = 0;
	while (i < n && i < 3 && s[i] >= '0' && s[i] <= '9')
		v = v * 10 + (unsigned)(s[i++] - '0');
	return i && i + 1 < n && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ' ? v : 0;
}

/* Does line b open a numbered list item after line a, a browser's or a word processor's list
 * whose numbers are text? Either a's item is numbered one less and b stands where a does, or a
 * is the hanging line of an item (right of b's number, by a mark's width) and ends a sentence.
 * A sentence seldom opens with a number and a stop; that is a list's shape. */
static int number_item(const pdoc *d, const pline *a, const pline *b, double h, int sentence)
{
	unsigned nb = item_number(d->raw + b->off, b->len), na = item_number(d->raw + a->off, a->len);
	if (!nb || b->page != a->page)
		return 0;
	if (na && na + 1 == nb && b->x1 < a->x1 + 0.5 * h &&
	    b->x1 > a->x1 - 0.5 * h)
		return 1;
	return sentence && b->x1 < a->x1 - 0.5 * h && b->x1 > a->x1 - 4 * h;
}

static int same_size(const pline *a, const pline *b);

#define ITEM_LOOKAHEAD 12  /* lines after a list's first item looked at for its second */

/* Does v[j] open a numbered list's first item, "1." (or "1)"), below the line before it: is an
 * item numbered 2 below it, where it stands, in its type, on its page, within ITEM_LOOKAHEAD
 * lines? After a line that runs to its column's edge and ends a sentence, where the number
 * stands (a word processor's list), nothing else tells: no gap, no indent, no short line. A
 * sentence seldom opens a line with "1. ", and "2. " under it seldom. */
static int first_item(const pdoc *d, pline **v, size_t n, size_t j)
{
	const pline *b = v[j];
	double h = b->y2 - b->y1;
	if (j == 0 || item_number(d->raw + b->off, b->len) != 1 || v[j - 1]->page != b->page ||
	    v[j - 1]->y1 >= b->y1)
		return 0;
	for (size_t k = j + 1; k < n && k <= j + ITEM_LOOKAHEAD && v[k]->page == b->page; k++)
		if (item_number(d->raw + v[k]->off, v[k]->len) == 2 && near(v[k]->x1, b->x1, 0.5 * h) &&
		    v[k]->y1 > b->y1 && same_size(v[k], b))
			return 1;
	return 0;
}

/* Is line a a bullet alone, and line b its item's text on the same baseline to its right? */
static int bullet_then_item(const pdoc *d, const pline *a, const pline *b, double h)
{
	double ma = (a->y1 + a->y2) / 2, mb = (b->y1 + b->y2) / 2;
	return a->len == bullet(d->raw + a->off, a->len) && a->len && b->page == a->page &&
	       b->x1 >= a->x2 && b->x1 - a->x2 < 4 * h && mb > ma - 0.3 * h && mb < ma + 0.3 * h;
}

/* Do two lines have the same type size (their boxes' heights within SIZE_CHANGE)? */
static double type_size(const pline *l)
{
	return l->hn ? l->hsum / l->hn : l->y2 - l->y1;
}

static int same_size(const pline *a, const pline *b)
{
	double ha = type_size(a), hb = type_size(b), h = ha > hb ? ha : hb;
	return ha - hb <= SIZE_CHANGE * h && hb - ha <= SIZE_CHANGE * h;
}

/* The right edge of the column of lines v[i] and v[i + 1]: the furthest right that the lines
 * near them on the page, starting where they start and of their type size, reach (a title over
 * both columns starts where the left one does). */
static double column_right(pline **v, size_t n, size_t i)
{
	const pline *a = v[i];
	double h = a->y2 - a->y1, right = a->x2;
	size_t lo = i > NEAR_LINES ? i - NEAR_LINES : 0, hi = i + 1 + NEAR_LINES;
	for (size_t k = lo; k < n && k <= hi; k++) {
		const pline *l = v[k];
		if (l->page == a->page && l->x1 > a->x1 - 3 * h && l->x1 < a->x1 + 3 * h &&
		    l->x2 > right && same_size(l, a))
			right = l->x2;
	}
	return right;
}

/* Would the first word of line b have fitted at the end of line a, short of the column's right
 * edge? Then a was ended on purpose (a list item, a line break): b starts a paragraph. The
 * word's width is told from b's average character width. */
static int ends_short(const pdoc *d, const pline *a, const pline *b, double right)
{
	const char *s = d->raw + b->off;
	size_t chars = 0, word = 0;
	for (size_t i = 0; i < b->len; i = next_in(s, i, b->len)) {
		chars++;
		word += word + 1 == chars && s[i] != ' ';
	}
	if (chars == 0)
		return 0;
	double cw = (b->x2 - b->x1) / (double)chars;
	return a->x2 + cw * (double)(word + 1) < right - cw * 0.5;
}

/* A table's cell wrapped over two lines or more, the row's other cells one line each: sorted by
 * their tops, the cells beside it came between its lines ("Runner beans, a climbing", "40",
 * "8.00", "variety that needs tall canes"), and its second line was read with the row's last
 * cell and the next row's first ("8.00 variety that needs tall canes Compost"); in a column
 * aligned right, its first line came before the row's first cell ("18.00 an hour, or", "Main
 * hall", "120.00 for a whole day"). A word processor sets the other cells on the row's first
 * line, a browser centres them on the row (between the lines). Such a line b is read right
 * after the line a above it, and the row's cells left of it before its first line, when b
 * starts or ends where a does (within CELL_ALIGN), one line below, in the same type; the lines
 * between are wholly right or wholly left of both, set on the cell's first line or centred on
 * the row (cell_beside); a ran to its cell's edge (b's first word would not have fitted: a row's
 * one-line cell, "Onion sets" above the next row's first line, ends short); and no line stands
 * beside b on its row (lines wrapped alike side by side, a term and its definition of two lines
 * each, are read as they were). */
#define CELL_LOOKBACK 16  /* a row's other cells, at most */
#define LEAD_SLACK 0.05   /* a cell's lines are set at one leading: gaps within this share of a
                           * line height (the next row is a cell's padding further) */

static int same_row(const pline *a, const pline *b, double h);
static int joins_as_pair(const pdoc *d, const pline *a, const pline *b, double right);

/* Is b one line below a, starting or ending where it does, in the same type: the next line of
 * a cell (aligned left or justified, or aligned right)? */
static int next_line_of(const pline *a, const pline *b)
{
	double h = a->y2 - a->y1;
	int starts = b->x1 - a->x1 <= CELL_ALIGN && a->x1 - b->x1 <= CELL_ALIGN;
	int ends = b->x2 - a->x2 <= CELL_ALIGN && a->x2 - b->x2 <= CELL_ALIGN;
	return h > 0 && b->page == a->page && (starts || ends) && same_size(a, b) &&
	       b->y1 >= a->y1 + 0.5 * h && b->y1 <= a->y2 + 0.5 * h;
}

/* Is c wholly right (1) or wholly left (-1) of both a and b, or neither (0)? */
static int side_of(const pline *a, const pline *b, const pline *c)
{
	if (c->x1 >= a->x2 && c->x1 >= b->x2)
		return 1;
	return c->x2 <= a->x1 && c->x2 <= b->x1 ? -1 : 0;
}

/* Is c a cell beside the wrapped cell whose lines run from top to b: set on top's line (by a
 * word processor), or centred on the row (by a browser), so between top's line and b's and no
 * higher than the middle of top's top and b's foot: the cell has b's line at least. A cell
 * centred on the row above, between a lifted line and the next row's first line ("8.00" above
 * "Compost, peat free"), is higher. On b's line when b is the middle one of three (more: the
 * cell goes on under b, more_below). */
static int cell_beside(const pline *top, const pline *b, const pline *c, int more_below)
{
	double h = top->y2 - top->y1, mid = (c->y1 + c->y2) / 2;
	if (c->page != top->page)
		return 0;
	return near(mid, (top->y1 + top->y2) / 2, 0.3 * h) ||
	       (more_below && near(mid, (b->y1 + b->y2) / 2, 0.3 * h)) ||
	       (mid > (top->y1 + top->y2) / 2 + 0.3 * h && mid < (b->y1 + b->y2) / 2 - 0.3 * h &&
	        mid > (top->y1 + b->y2) / 2 - 0.3 * h);
}

/* The first line of the cell whose line v[i] is: the lines above it in v, each the next line of
 * the one before, no further apart than a and b (lead; a cell's lines are set at one leading,
 * the next row a cell's padding further: "6.50" above "4.00 an hour in" is another row). */
static size_t cell_top(pline **v, size_t i, double lead)
{
	size_t k = i;
	while (k > 0 && i - k < CELL_LOOKBACK && next_line_of(v[k - 1], v[k]) &&
	       near(v[k]->y1 - v[k - 1]->y2, lead, LEAD_SLACK * (v[k]->y2 - v[k]->y1)))
		k--;
	return k;
}

static int wrapped_cell(const pdoc *d, pline **v, size_t n, size_t i, size_t j)
{
	const pline *a = v[i], *b = v[j];
	if (!next_line_of(a, b))
		return 0;
	double lead = b->y1 - a->y2, slack = LEAD_SLACK * (b->y2 - b->y1);
	/* a's cell set closer than a and b are: b opens the next row (a column aligned right
	 * ends all its lines at one place, "day" then "6.50") */
	if (i > 0 && next_line_of(v[i - 1], a) && a->y1 - v[i - 1]->y2 < lead - slack)
		return 0;
	const pline *top = v[cell_top(v, i, lead)];
	int more_below = j + 1 < n && next_line_of(b, v[j + 1]) &&
	                 near(v[j + 1]->y1 - b->y2, lead, slack);
	for (size_t k = i + 1; k < j; k++)
		if (!side_of(a, b, v[k]) || !cell_beside(top, b, v[k], more_below))
			return 0;
	for (size_t k = j + 1; k < n && k <= j + CELL_LOOKBACK; k++)
		if (same_row(b, v[k], b->y2 - b->y1) || same_row(v[k], b, b->y2 - b->y1))
			return 0;
	/* a cell beside b right after it, starting below b's top and above its foot: b opens a
	 * row whose cells are centred on it (a one-line cell as wide as its column above it, "Onion
	 * sets, red and white kinds"); the next row's first cell starts below b's foot */
	if (j + 1 < n && v[j + 1]->page == b->page && side_of(b, b, v[j + 1]) && v[j + 1]->y1 < b->y2)
		return 0;
	/* a justified line of two words is one line, not a cell and the cell beside it (wordy.pdf:
	 * "infrastructure" and "were", then "characteristically") */
	double edge = column_right(v, n, i);
	return !ends_short(d, a, b, edge) && !joins_as_pair(d, a, v[i + 1], edge);
}

/* v[t..j] becomes: the cells left of the wrapped cell, its lines v[t..i] and v[j], the cells
 * right of it. A lifted line and a cell read before the wrapped one are marked: what follows
 * right of them is the next cell (new_paragraph). */
static void read_row(pline **v, size_t t, size_t i, size_t j)
{
	pline *row[2 * CELL_LOOKBACK + 2];
	size_t m = 0;
	for (size_t k = i + 1; k < j; k++)
		if (side_of(v[i], v[j], v[k]) < 0) {
			v[k]->wrapped = 1;
			row[m++] = v[k];
		}
	for (size_t k = t; k <= i; k++)
		row[m++] = v[k];
	v[j]->wrapped = 1;
	row[m++] = v[j];
	for (size_t k = i + 1; k < j; k++)
		if (side_of(v[i], v[j], v[k]) > 0)
			row[m++] = v[k];
	memcpy(v + t, row, m * sizeof *row);
}

void rl_pdf_lift_wrapped_cells(const pdoc *d, pline **v, size_t n)
{
	for (size_t j = 2; j < n; j++) {
		size_t i = j - 1;
		while (i > 0 && j - i < CELL_LOOKBACK &&
		       (v[i]->x1 >= v[j]->x2 || v[i]->x2 <= v[j]->x1))
			i--;
		if (j - i < 2 || !wrapped_cell(d, v, n, i, j))
			continue;
		read_row(v, cell_top(v, i, v[j]->y1 - v[i]->y2), i, j);
	}
}

/* Could line v[i] be a list item whose bullet is drawn? It stands indented from a line of its
 * type size near it in its column (a list is indented from the text around it), or where the
 * last drawn bullet's item started (mark_x: its left edge, or a negative number). Only then is a
 * strip rendered: the test is cheap, the render is not. */
static int item_candidate(pline **v, size_t n, size_t i, double mark_x)
{
	const pline *l = v[i];
	double h = l->y2 - l->y1;
	if (mark_x >= 0 && l->x1 > mark_x - 0.5 * h && l->x1 < mark_x + 0.5 * h)
		return 1;
	size_t lo = i > NEAR_LINES ? i - NEAR_LINES : 0, hi = i + NEAR_LINES;
	for (size_t k = lo; k < n && k <= hi; k++) {
		const pline *o = v[k];
		if (o->page == l->page && o->x1 < l->x1 - 0.5 * h && o->x1 > l->x1 - 4 * h &&
		    o->x2 > l->x1 && same_size(o, l))
			return 1;
	}
	return 0;
}

/* Is b on a's baseline, right of it (a table's next cell, or a justified line's next word)? */
static int same_row(const pline *a, const pline *b, double h)
{
	double ma = (a->y1 + a->y2) / 2, mb = (b->y1 + b->y2) / 2;
	return b->page == a->page && b->x1 >= a->x2 && mb > ma - 0.3 * h && mb < ma + 0.3 * h;
}

/* Two words on one baseline, b right of a: a justified line of two words whose space grew wide
 * (three or more are told by their equal gaps, justified_run), not two cells of a table? It
 * runs to its column's right edge as a justified line does, and reads on: a ends no sentence
 * and b starts with a lower-case letter ("infrastructure / were"), where a table's next cell
 * seldom does. */
static int justified_pair(const pdoc *d, const pline *a, const pline *b, double h, double right)
{
	const char *sa = d->raw + a->off, *sb = d->raw + b->off;
	if (memchr(sa, ' ', a->len) || memchr(sb, ' ', b->len) || ends_sentence(sa, a->len) ||
	    b->x2 < right - JUSTIFIED_GAP_ABS || b->x1 - a->x2 > h * 8)
		return 0;
	gunichar c = g_utf8_get_char_validated(sb, (gssize)b->len);
	return c != (gunichar)-1 && c != (gunichar)-2 && g_unichar_islower(c);
}

/* Are v[k] and v[k + 1] (another row) on one row, starting where v[i] and v[i + 1] start: a row
 * of the same table's columns? */
static int aligned_row(pline **v, size_t n, size_t k, size_t i)
{
	if (k + 1 >= n)
		return 0;
	const pline *a = v[i], *b = v[i + 1], *c = v[k], *e = v[k + 1];
	double h = a->y2 - a->y1;
	double dl = c->x1 - a->x1, dr = e->x1 - b->x1;
	return h > 0 && c->page == a->page && same_row(c, e, h) && dl <= CELL_ALIGN &&
	       -dl <= CELL_ALIGN && dr <= CELL_ALIGN && -dr <= CELL_ALIGN;
}

/* Are v[i] and v[i + 1] two cells of a table's row rather than a justified line of two words
 * (stop 25)? The row above or below has cells starting where they start: a justified line's
 * second word starts where its width puts it, a table's column at one place (one-word cells,
 * the right ones in lower case and ending at the column's edge, were read as one line). */
static int table_row(pline **v, size_t n, size_t i)
{
	return (i >= 2 && aligned_row(v, n, i - 2, i)) || aligned_row(v, n, i + 2, i);
}

/* justified_pair, for lines of one type size on one row. */
static int joins_as_pair(const pdoc *d, const pline *a, const pline *b, double right)
{
	double ha = a->y2 - a->y1, hb = b->y2 - b->y1, h = ha > hb ? ha : hb;
	return h > 0 && same_size(a, b) && same_row(a, b, h) && justified_pair(d, a, b, h, right);
}

/* Is b the next line below a short line a, starting right of a's end by less than a few line
 * heights: a term of a <dl> printed, then its definition's first line at the definitions'
 * indent? Not a column change (the next column's first line is above a): the indent rules
 * tell it. */
static int indented_below(const pline *a, const pline *b, double gap, double h)
{
	return b->page == a->page && b->y1 >= a->y2 - 0.3 * h && b->y1 - a->y2 <= gap + 0.4 * h &&
	       b->x1 >= a->x2 && b->x1 - a->x2 < 4 * h;
}

/* b stands left of a by an indent or more: does a end a block set at that indent (a definition
 * of a <dl> printed), b the next term? a stops short where b's first word would have fitted, and
 * the line before a, prev, stands where a does (a's block has two lines or more), or is a term:
 * it stands where b does and stops short, ending no sentence. Not a paragraph's indented first
 * line, which runs to the column's edge and follows a paragraph's last line or a heading of
 * another type size (a hand-wrapped first line may stop short: bridge1.pdf). */
static int block_ends(pdoc *d, const pline *prev, const pline *a, const pline *b, double right)
{
	double h = a->y2 - a->y1;
	if (!prev || prev->page != a->page || prev->y1 >= a->y1 || !same_size(prev, a) ||
	    !ends_short(d, a, b, right))
		return 0;
	if (near(prev->x1, a->x1, 0.5 * h))
		return 1;
	return near(prev->x1, b->x1, 0.5 * h) && !ends_sentence(d->raw + prev->off, prev->len) &&
	       ends_short(d, prev, a, right);
}

/* new_paragraph's answer for a table's next cell on the same row: the row reads as one
 * paragraph, its cells apart (formats.h, RL_CELL_SEP), as the other readers read a row. */
#define NEXT_CELL 2

/* Does line b start a paragraph after line a (and prev, the line before a, or NULL)? 1, or
 * NEXT_CELL for a cell beside a on its row. item: b may be a list item with a drawn bullet
 * (item_candidate). */
static int new_paragraph(pdoc *d, const pline *prev, const pline *a, const pline *b, double gap,
                         double right, int item)
{
	double ha = a->y2 - a->y1, hb = b->y2 - b->y1, h = ha > hb ? ha : hb;
	if (h <= 0)
		return 0;
	/* A bullet alone, of any size (DocBook's is set smaller than its item), and its item. */
	if (bullet_then_item(d, a, b, h) && !b->note)
		return 0;
	if (!same_size(a, b) || b->note)
		return 1;
	if (bullet(d->raw + b->off, b->len))
		return 1;
	/* a table's next cell on the same row, or the first of the next row (below, all of it left
	 * of the last cell) */
	if (same_row(a, b, h))
		return justified_pair(d, a, b, h, right) ? 0 : NEXT_CELL;
	if (a->wrapped && b->page == a->page && b->x1 >= a->x2)
		return NEXT_CELL;  /* after a cell lifted or read first, the cell right of it (read_row) */
	if (b->page == a->page && b->x2 <= a->x1 && b->y1 >= a->y2 - 0.3 * h)
		return 1;
	int below = b->page == a->page && b->y1 > a->y1 && b->x1 < a->x2 && b->x2 > a->x1;
	if (!below && !indented_below(a, b, gap, h))
		return ends_sentence(d->raw + a->off, a->len);
	if (b->y1 - a->y2 > gap + 0.4 * h)
		return 1;
	/* A line centred over a wider one (a title's version line over its copyright line): both
	 * its ends well inside the next line's, as no line of a paragraph stands. */
	if (a->x1 > b->x1 + 2 * h && a->x2 < b->x2 - 2 * h)
		return 1;
	/* A sentence that ends a line short of its column, where the next word would have fitted: a
	 * list item whose bullet is drawn, not written, or a paragraph with no space after it. (Not
	 * any short line: a line wrapped by hand before its column's edge goes on.) */
	int sentence = ends_sentence(d->raw + a->off, a->len);
	if (sentence && ends_short(d, a, b, right))
		return 1;
	if (number_item(d, a, b, h, sentence))
		return 1;
	if (b->x1 < a->x1 - 0.8 * h && block_ends(d, prev, a, b, right))
		return 1;
	/* An indent after a line that ends a sentence is a paragraph's first line; after one that
	 * does not, it is the hanging indent of a list item's second line. */
	if (b->x1 > a->x1 + 0.8 * h && sentence)
		return 1;
	/* An indented first line after a line that stops short with no sentence end, where the
	 * next word would have fitted: a heading in the body's type ("1. Summary of the year", as
	 * groff's -ms sets it), then its paragraph. (An item's hanging indent follows a line that
	 * runs to the column's edge, or hangs under a written bullet.) */
	if (b->x1 > a->x1 + 0.8 * h && !bullet(d->raw + a->off, a->len) && ends_short(d, a, b, right))
		return 1;
	/* A list item whose bullet is drawn, after an item that ends a sentence at its column's
	 * edge, or ends short, or stands at another indent (a nested list, or its end): only the
	 * mark drawn left of it tells (a render, so asked last). */
	return item &&
	       (sentence || b->x1 > a->x1 + 0.5 * h || b->x1 < a->x1 - 0.5 * h ||
	        ends_short(d, a, b, right)) &&
	       rl_pdf_drawn_mark(d, b);
}

/* Does the line end with a hyphen that breaks a word ("infor-" before "mation")? Returns the
 * bytes to drop (1 for '-', 2 for a soft hyphen, 3 for U+2010 and 5 for it after a soft hyphen,
 * as Chromium prints a break at one), or 0; *glue is set when the hyphen is a compound's, kept,
 * and the next line follows it without a space ("closed-" / "source"). */
static size_t broken_word(pdoc *d, const pline *a, const pline *b, int *glue)
{
	const char *s = d->raw + a->off;
	size_t n = a->len, cut = 0;
	if (n >= 2 && s[n - 1] == '-')
		cut = 1;
	else if (n >= 3 && !memcmp(s + n - 2, "\xC2\xAD", 2))
		cut = 2;
	else if (n >= 4 && !memcmp(s + n - 3, "\xE2\x80\x90", 3))
		cut = n >= 6 && !memcmp(s + n - 5, "\xC2\xAD", 2) ? 5 : 3;
	if (!cut)
		return 0;
	gunichar before = g_utf8_get_char(g_utf8_find_prev_char(s, s + n - cut));
	gunichar after = g_utf8_get_char_validated(d->raw + b->off, (gssize)b->len);  /* no NUL */
	if (!g_unichar_isalpha(before) || !g_unichar_islower(after))
		return 0;
	*glue = cut == 1 && rl_pdf_compound_break(d, a, b);  /* a soft hyphen, U+2010 break it */
	return *glue ? 0 : cut;
}

#define INTERRUPTION_LINES 8  /* a caption's or a page's notes' lines, at most */

/* Are lines v[i + 1 .. j) a page's notes at its foot, below v[i], the last line of the page's
 * text before them, and v[j] the next page's first line? */
static int page_foot(pline **v, size_t i, size_t j)
{
	if (v[j]->page != v[i]->page + 1 || v[j - 1]->page != v[i]->page)
		return 0;
	for (size_t k = i + 1; k < j; k++)
		if (v[k]->y1 < v[i]->y2)
			return 0;
	return 1;
}

/* Lines v[i + 1 .. j) of a smaller type that come between two lines of one paragraph: v[i]
 * ends no sentence, and v[j], of its size, is its next line (where it starts, one line below;
 * or the next page's first, after notes at the foot of v[i]'s page: page_foot) and goes on in
 * lower case. Returns j, or 0. (A heading is larger; a listing's lines keep
 * their order.) */
static size_t interruption(const pdoc *d, pline **v, size_t n, size_t i, double gap)
{
	if (i + 2 >= n || same_size(v[i], v[i + 1]) || type_size(v[i + 1]) > type_size(v[i]) ||
	    ends_sentence(d->raw + v[i]->off, v[i]->len))
		return 0;
	size_t j = i + 2;
	while (j < n && j - i <= INTERRUPTION_LINES && !same_size(v[i], v[j]))
		if (type_size(v[j++]) > type_size(v[i]))
			return 0;
	if (j >= n || j - i > INTERRUPTION_LINES || !v[j]->len)
		return 0;
	gunichar c = g_utf8_get_char_validated(d->raw + v[j]->off, (gssize)v[j]->len);
	if (v[j]->page != v[i]->page)
		return page_foot(v, i, j) && g_unichar_islower(c) ? j : 0;
	double h = v[i]->y2 - v[i]->y1;
	if (v[j]->x1 > v[i]->x1 + 0.5 * h || v[j]->x1 < v[i]->x1 - 0.5 * h || v[j]->y1 < v[i]->y1 ||
	    v[j]->y1 - v[i]->y2 > gap + 0.4 * h)
		return 0;
	return g_unichar_islower(c) ? j : 0;
}

/* A caption beside a picture that a paragraph flows around (a float), or a page's notes between
 * a paragraph's lines: read after the paragraph, not inside its sentence ("… due to" / "Figure
 * 2. …" / "underwhelming …"). The lines v[i + 1 .. j) move after the paragraph's last line. */
static void defer_interruptions(pdoc *d, pline **v, size_t n, double gap)
{
	for (size_t i = 0; i < n; i++) {
		size_t j = interruption(d, v, n, i, gap), m = j;
		if (!j)
			continue;
		while (m + 1 < n && !new_paragraph(d, m ? v[m - 1] : NULL, v[m], v[m + 1], gap,
		                                       column_right(v, n, m), 0))
			m++;
		pline *moved[INTERRUPTION_LINES];
		size_t k = j - i - 1;
		memcpy(moved, v + i + 1, k * sizeof *moved);
		memmove(v + i + 1, v + j, (m + 1 - j) * sizeof *v);
		memcpy(v + m + 1 - k, moved, k * sizeof *moved);
		i = m;
	}
}

int rl_pdf_write_text(pdoc *d, pline **v, size_t n, rl_docbuf *b)
{
	double gap = usual_gap(v, n);
	defer_interruptions(d, v, n, gap);
	int starts = 1;     /* does line i start a paragraph? */
	double mark_x = -1; /* where the last item with a drawn bullet started */
	pline pair;         /* a justified line of two words, as one line (justified_pair) */
	int paired = 0;     /* line i is the second word of such a line */
	for (size_t i = 0; i < n; i++) {
		const pline *l = v[i], *a = l;
		size_t cut = 0, skip = 0;
		int glue = 0;       /* a compound's hyphen ends the line: no space after it */
		if (paired) {
			pair = *l;
			pair.x1 = v[i - 1]->x1;
			a = &pair;
		}
		int next = i + 1 < n ? new_paragraph(d, i > (size_t)paired ? v[i - 1 - paired] : NULL, a,
		                                     v[i + 1], gap, column_right(v, n, i),
		                                     item_candidate(v, n, i + 1, mark_x))
		                     : 0;
		if (!next && !paired && i + 1 < n && joins_as_pair(d, l, v[i + 1], column_right(v, n, i)) &&
		    table_row(v, n, i))
			next = NEXT_CELL;  /* a table's two cells, not a justified line of two words */
		if (!next && i + 1 < n && first_item(d, v, n, i + 1))
			next = 1;
		paired = i + 1 < n && !next && joins_as_pair(d, l, v[i + 1], column_right(v, n, i));
		if (i + 1 < n && !next)
			cut = broken_word(d, l, v[i + 1], &glue);
		int here = starts;
		starts = next;
		if (here == NEXT_CELL) {
			rl_breaks_ask(&b->br, RL_BREAK_CELL);
		} else if (here) {
			rl_docbuf_para(b);
			/* A list item, written as formats.h says: its bullet written, or drawn. */
			skip = bullet(d->raw + l->off, l->len);
			int drawn = !skip && item_candidate(v, n, i, mark_x) &&
			            rl_pdf_drawn_mark(d, l);
			mark_x = drawn ? l->x1 : mark_x;
			if ((skip || drawn) && rl_docbuf_text(b, "- ", 2) != 0)
				return -1;
		}
		if (rl_docbuf_text(b, d->raw + l->off + skip, l->len - cut - skip) != 0)
			return -1;
		if (!cut && !glue && l->len > skip)  /* a bullet alone: its "- " has its space */
			rl_docbuf_space(b);
	}
	return 0;
}
