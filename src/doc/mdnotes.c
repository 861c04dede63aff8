/* mdnotes.c: footnotes gathered at the end of a Markdown file's text (mdnotes.h).
 *
 * Labels are matched without ASCII case, as GitHub matches them (`[^Note]` refers to
 * `[^note]:`). The order is found by sorting, not by looking each label up, so that a file of
 * 100,000 notes costs n log n. A note defined twice is referred to by its first definition; the
 * second, like a note nobody refers to, follows the referred ones in the order written (GitHub
 * does not show them, but they are words the author wrote, and a reader comparing drafts should
 * see them change). */
#include "mdnotes.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mdext.h"

/* Is the line at s (up to 3 spaces in) a code fence, ``` or ~~~? Its mark and length. */
static size_t fence(const char *s, const char *eol, char *mark)
{
	for (int k = 0; k < 3 && s < eol && *s == ' '; k++)
		s++;
	if (s >= eol || (*s != '`' && *s != '~'))
		return 0;
	size_t n = 0;
	while (s + n < eol && s[n] == *s)
		n++;
	*mark = *s;
	return n >= 3 ? n : 0;
}

/* The bytes of up to four columns of indentation at s (a tab runs to the next multiple of
 * four), and in *col the columns they make. */
static size_t indent4(const char *s, const char *eol, size_t *col)
{
	size_t i = 0;
	*col = 0;
	for (; *col < 4 && s + i < eol && (s[i] == ' ' || s[i] == '\t'); i++)
		*col = s[i] == '\t' ? (*col / 4 + 1) * 4 : *col + 1;
	return i;
}

static bool blank_line(const char *s, const char *eol)
{
	while (s < eol && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
		s++;
	return s == eol;
}

/* Could the line at s, right under a line of a note's paragraph, go on with that paragraph
 * (a lazy line to CommonMark)? Not when it opens a block of its own: a heading, a quotation, a
 * list item, a rule or an underline, raw HTML, a fence. */
static bool lazy_line(const char *s, const char *eol)
{
	while (s < eol && *s == ' ')
		s++;
	if (s == eol || strchr("#>-*+_=<~`", *s))
		return false;
	const char *d = s;
	while (d < eol && *d >= '0' && *d <= '9')
		d++;
	return d == s || d == eol || (*d != '.' && *d != ')');
}

static bool push_lines(rl_md_notes *nt, size_t line, size_t *cap)
{
	if (nt->nlines == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		rl_md_note_lines *g = realloc(nt->lines, c * sizeof *g);
		if (!g)
			return false;
		nt->lines = g;
		*cap = c;
	}
	nt->lines[nt->nlines++] = (rl_md_note_lines){line, line};
	return true;
}

/* The columns from a to p (a tab runs to the next multiple of four). */
static size_t columns(const char *a, const char *p)
{
	size_t col = 0;
	for (; a < p; a++)
		col = *a == '\t' ? (col / 4 + 1) * 4 : col + 1;
	return col;
}

/* The first byte at s past col columns of white space (or the first that is not white). */
static const char *past_columns(const char *s, const char *eol, size_t col)
{
	size_t c = 0;
	for (; c < col && s < eol && (*s == ' ' || *s == '\t'); s++)
		c = *s == '\t' ? (c / 4 + 1) * 4 : c + 1;
	return s;
}

/* Escaping and dedenting, line by line. */
typedef struct note_scan {
	size_t line, cap;     /* the line being read (1 the first); nt->lines' capacity */
	bool in_note, after_blank;
	size_t quotes, base;  /* the note's quotations, and its container's column inside them */
	size_t fence;         /* the length of the fence we are in, 0 outside code */
	char fence_mark;
	bool fence_in_note;   /* opened inside a note: it ends with the note */
	/* The list item last opened: a note written in it goes on at its content's column. */
	bool item, blank;     /* an item is open; the line before was blank */
	size_t item_quotes, item_col;
} note_scan;

/* Follow the list items the lines open and leave: an item's mark opens one, a line less
 * indented than its content after a blank line (or in fewer quotations) leaves it. */
static void track_item(note_scan *sc, const char *s, const char *eol)
{
	size_t q;
	const char *r = rl_md_past_quotes(s, eol, &q);
	if (blank_line(r, eol)) {
		sc->blank = true;
		return;
	}
	const char *c = rl_md_past_item(r, eol);
	if (c != r) {
		sc->item = true, sc->item_quotes = q, sc->item_col = columns(r, c);
	} else if (q < sc->item_quotes ||
	           (sc->blank && columns(r, past_columns(r, eol, SIZE_MAX)) < sc->item_col)) {
		sc->item = false;
	}
	sc->blank = false;
}

/* A note defined at br (its `[`) in the line at s: its quotations, and the column inside them
 * where its container's content starts (a list item's: its further paragraphs are indented
 * four columns past it; 0 at the top level). */
static void note_base(note_scan *sc, const char *s, const char *br, const char *eol)
{
	const char *r = rl_md_past_quotes(s, eol, &sc->quotes);
	size_t col = columns(r, br);
	if (rl_md_past_item(r, eol) != r)
		sc->base = col;  /* defined on its item's first line */
	else if (sc->item && sc->item_quotes == sc->quotes && col >= sc->item_col)
		sc->base = sc->item_col;
	else
		sc->base = 0;
}

/* Where the line at s goes on in the output: past four columns beyond its container's when it
 * goes on with the note being read (its quotation marks and the columns up to the container's
 * are written to out first); the note ends before a line that does not. */
static const char *note_line(rl_md_notes *nt, note_scan *sc, const char *s, const char *eol,
                             char *out, size_t *n)
{
	if (!sc->in_note)
		return s;
	size_t q;
	const char *r = rl_md_past_quotes(s, eol, &q);
	if (q == sc->quotes && blank_line(r, eol)) {
		sc->after_blank = true;
		return s;
	}
	const char *in = q == sc->quotes ? past_columns(r, eol, sc->base) : r;
	size_t col, skip = indent4(in, eol, &col);
	bool inside = q == sc->quotes && columns(r, in) == sc->base;
	bool lazy = !sc->after_blank && !sc->fence && !rl_md_contained_definition(s, eol) &&
	            lazy_line(q == sc->quotes ? r : s, eol);
	if ((inside && col >= 4) || lazy) {
		nt->lines[nt->nlines - 1].last = sc->line;
		sc->after_blank = false;
		if (!inside || col < 4)
			return s;
		memcpy(out + *n, s, (size_t)(in - s));
		*n += (size_t)(in - s);
		return in + skip;
	}
	sc->in_note = false;
	if (sc->fence_in_note)
		sc->fence = 0;  /* closed with the note that held it */
	return s;
}

/* A note's definition at from (in the line at s): pushed, and its `[` escaped into out. */
static const char *open_note(rl_md_notes *nt, note_scan *sc, const char *s, const char *from,
                             const char *eol, char *out, size_t *n)
{
	const char *br = rl_md_contained_definition(from, eol);
	if (!push_lines(nt, sc->line, &sc->cap))
		return NULL;
	if (from == s)
		note_base(sc, s, br, eol);  /* (one in a note's indented lines keeps the note's) */
	sc->in_note = true;
	sc->after_blank = false;
	memcpy(out + *n, from, (size_t)(br - from));
	*n += (size_t)(br - from);
	out[(*n)++] = '\\';
	return br;
}

char *rl_md_escape_note_definitions(rl_md_notes *nt, const char *data, size_t len,
                                    size_t *out_len)
{
	size_t defs = 0;
	const char *end = data + len;
	for (const char *s = data; s < end; s++)
		defs += *s == '[';  /* a bound: each definition adds one byte */
	char *out = malloc(len + defs + 1);
	if (!out)
		return NULL;
	size_t n = 0;
	note_scan sc = {0};
	for (const char *s = data; s < end;) {
		const char *eol = memchr(s, '\n', (size_t)(end - s));
		eol = eol ? eol + 1 : end;
		sc.line++;
		if (!sc.fence)
			track_item(&sc, s, eol);
		const char *from = note_line(nt, &sc, s, eol, out, &n);
		char mark;
		size_t f = fence(from, eol, &mark);
		if (sc.fence && f >= sc.fence && mark == sc.fence_mark) {
			sc.fence = 0;
		} else if (!sc.fence && f) {
			sc.fence = f, sc.fence_mark = mark;
			sc.fence_in_note = sc.in_note;
		} else if (!sc.fence && rl_md_contained_definition(from, eol) &&
		           !(from = open_note(nt, &sc, s, from, eol, out, &n))) {
			free(out);
			return NULL;
		}
		memcpy(out + n, from, (size_t)(eol - from));
		n += (size_t)(eol - from);
		s = eol;
	}
	out[n] = '\0';
	*out_len = n;
	return out;
}

size_t rl_md_notes_until(const rl_md_notes *nt, size_t first, size_t last)
{
	size_t lo = 0, hi = nt->nlines;  /* the notes defined up to last: [0, lo) */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (nt->lines[mid].first <= last)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0 || nt->lines[lo - 1].first < first)
		return 0;
	return nt->lines[lo - 1].last > last ? nt->lines[lo - 1].last : last;
}

static bool push(rl_md_label **v, size_t *n, size_t *cap, rl_md_label l)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;
		rl_md_label *g = realloc(*v, c * sizeof *g);
		if (!g)
			return false;
		*v = g;
		*cap = c;
	}
	(*v)[(*n)++] = l;
	return true;
}

void rl_md_notes_ref(rl_md_notes *nt, const char *label, size_t n)
{
	rl_md_label l = {.s = label, .n = n, .seq = nt->nref};
	if (!nt->nomem && !push(&nt->ref, &nt->nref, &nt->ref_cap, l))
		nt->nomem = true;
}

void rl_md_notes_open(rl_md_notes *nt, const char *label, size_t n, size_t at)
{
	rl_md_notes_close(nt, at);
	rl_md_label l = {.s = label, .n = n, .seq = nt->nnote, .start = at, .end = at, .key = SIZE_MAX};
	if (!nt->nomem && !push(&nt->note, &nt->nnote, &nt->note_cap, l))
		nt->nomem = true;
	nt->open = !nt->nomem;
}

void rl_md_notes_close(rl_md_notes *nt, size_t at)
{
	if (nt->open)
		nt->note[nt->nnote - 1].end = at;
	nt->open = false;
}

static int label_cmp(const rl_md_label *a, const rl_md_label *b)
{
	size_t n = a->n < b->n ? a->n : b->n;
	for (size_t i = 0; i < n; i++) {
		unsigned char x = (unsigned char)a->s[i], y = (unsigned char)b->s[i];
		x = x >= 'A' && x <= 'Z' ? x | 0x20 : x;
		y = y >= 'A' && y <= 'Z' ? y | 0x20 : y;
		if (x != y)
			return x < y ? -1 : 1;
	}
	return a->n < b->n ? -1 : a->n > b->n;
}

static int by_label(const void *x, const void *y)
{
	const rl_md_label *a = x, *b = y;
	int c = label_cmp(a, b);
	return c ? c : a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int by_key(const void *x, const void *y)
{
	const rl_md_label *a = x, *b = y;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Each note's key: the seq of the first reference to its label, for the label's first note. */
static void order_notes(rl_md_notes *nt)
{
	if (nt->nref > 1)  /* (qsort wants an array, and there may be no reference at all) */
		qsort(nt->ref, nt->nref, sizeof *nt->ref, by_label);
	qsort(nt->note, nt->nnote, sizeof *nt->note, by_label);
	size_t r = 0;
	for (size_t k = 0; k < nt->nnote; k++) {
		rl_md_label *note = &nt->note[k];
		if (k && label_cmp(note, &nt->note[k - 1]) == 0)
			continue;  /* defined again: not the note referred to */
		while (r < nt->nref && label_cmp(&nt->ref[r], note) < 0)
			r++;
		if (r < nt->nref && label_cmp(&nt->ref[r], note) == 0)
			note->key = nt->ref[r].seq;  /* sorted by seq within a label: the first */
	}
}

/* A stretch of the old text and where it now starts. */
typedef struct piece {
	size_t from, to, at;
} piece;

typedef struct span_named {
	rl_style_span v;
	uint32_t name;
} span_named;

static int by_start(const void *x, const void *y)
{
	const span_named *a = x, *b = y;
	return a->v.start < b->v.start ? -1 : a->v.start > b->v.start;
}

/* The spans moved as the pieces (sorted by from) moved, and sorted again. A span lies inside one
 * piece: the reader starts a span afresh at each note's edge. */
static bool move_spans(rl_doc_styles *st, const piece *p, size_t np)
{
	span_named *t = malloc((st->n ? st->n : 1) * sizeof *t);
	if (!t)
		return false;
	size_t m = 0;
	for (size_t k = 0; k < st->n; k++) {
		size_t lo = 0, hi = np;  /* the last piece starting at or before the span */
		while (hi - lo > 1) {
			size_t mid = (lo + hi) / 2;
			if (p[mid].from <= st->v[k].start)
				lo = mid;
			else
				hi = mid;
		}
		const piece *q = &p[lo];
		if (st->v[k].start < q->from || st->v[k].end > q->to)
			continue;  /* across a note's edge (never): dropped rather than misplaced */
		t[m].v = st->v[k];
		t[m].v.start = q->at + (st->v[k].start - q->from);
		t[m].v.end = q->at + (st->v[k].end - q->from);
		t[m++].name = st->name[k];
	}
	qsort(t, m, sizeof *t, by_start);
	for (size_t k = 0; k < m; k++) {
		st->v[k] = t[k].v;
		st->name[k] = t[k].name;
	}
	st->n = m;
	free(t);
	return true;
}

static void copy_piece(char *out, size_t *n, const char *data, piece *p)
{
	p->at = *n;
	memcpy(out + *n, data + p->from, p->to - p->from);
	*n += p->to - p->from;
}

static int by_seq(const void *x, const void *y)
{
	const rl_md_label *a = x, *b = y;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The text with the notes (nt->note, in the order written) after the rest. pieces[] (2 nnote +
 * 1, in the order written: the rest before the first note, the note, ...) says what moved where. */
static char *rearrange(const rl_md_notes *nt, const rl_textbuf *tb, piece *pieces, size_t *len)
{
	const char *d = tb->data;
	rl_md_label *order = malloc(nt->nnote * sizeof *order);
	char *out = order ? malloc(tb->len + 2 * nt->nnote + 1) : NULL;
	if (!out) {
		free(order);
		return NULL;
	}
	size_t n = 0, prev = 0;
	for (size_t k = 0; k <= nt->nnote; k++) {  /* the rest: between the notes, as written */
		piece *body = &pieces[2 * k];
		*body = (piece){prev, k < nt->nnote ? nt->note[k].start : tb->len, 0};
		while (n == 0 && body->from < body->to && d[body->from] == '\n')
			body->from++;  /* a note opened the text: the break after it opens nothing now */
		copy_piece(out, &n, d, body);
		if (k == nt->nnote)
			break;
		piece *note = &pieces[2 * k + 1];
		*note = (piece){nt->note[k].start, nt->note[k].end, 0};
		while (note->from < note->to && d[note->from] == '\n')
			note->from++;  /* its paragraph break: written anew before it below */
		prev = nt->note[k].end;
	}
	memcpy(order, nt->note, nt->nnote * sizeof *order);
	qsort(order, nt->nnote, sizeof *order, by_key);
	for (size_t k = 0; k < nt->nnote; k++) {
		piece *note = &pieces[2 * order[k].seq + 1];
		if (note->from == note->to)
			continue;
		if (n)
			memcpy(out + n, "\n\n", 2), n += 2;
		copy_piece(out, &n, d, note);
	}
	free(order);
	*len = n;
	return out;
}

bool rl_md_notes_gather(rl_md_notes *nt, rl_textbuf *tb, rl_doc_styles *styles)
{
	if (nt->nomem)
		return false;
	if (!nt->nnote || tb->over || tb->nomem)
		return true;
	order_notes(nt);
	qsort(nt->note, nt->nnote, sizeof *nt->note, by_seq);  /* back to the order written */
	piece *pieces = malloc((2 * nt->nnote + 1) * sizeof *pieces);
	size_t len = 0;
	char *text = pieces ? rearrange(nt, tb, pieces, &len) : NULL;
	bool ok = text && (!styles || move_spans(styles, pieces, 2 * nt->nnote + 1));
	if (ok) {
		free(tb->data);
		tb->cap = tb->len + 2 * nt->nnote + 1;
		tb->data = text;
		tb->len = len;
		/* never longer, each note's paragraph break moving with it; the limit still holds */
		tb->over = len > tb->max;
	} else {
		free(text);
	}
	free(pieces);
	return ok;
}
void rl_md_notes_release(rl_md_notes *nt)
{
	free(nt->note);
	free(nt->ref);
	free(nt->lines);
	*nt = (rl_md_notes){0};
}
