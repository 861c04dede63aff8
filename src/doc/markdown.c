/* markdown.c: Markdown through cmark (CommonMark, the Debian-packaged reference parser).
 *
 * The structure becomes the shape of the text (formats.h) and is not compared as words:
 * headings lose their #, list items become "- " or "1. ", block quotations are wrapped in
 * quotation marks, emphasis and links keep their words only (a link's target is not text).
 * Code spans and blocks are kept verbatim. Raw HTML in the Markdown is left out. The tree is
 * walked with cmark's iterator, so a deeply nested document costs no stack.
 *
 * Two extensions CommonMark does not know are read as the sites that use them render them:
 * front matter (a YAML block between `---` lines, or TOML between `+++`, opening the file: a
 * page's metadata for Jekyll, Hugo and GitHub, never shown as text) is left out, and footnotes
 * (GitHub's `[^label]` marks, `[^label]: text` notes) lose their marks, as a note's reference is
 * no word in the other readers, each note a paragraph of its own where it is written.
 *
 * Pipe tables (GitHub's extension, which CommonMark reads as one paragraph of lines): a
 * paragraph whose first line has cells split by `|` and whose second line is the delimiter row
 * (`|---|:--:|`, as many cells) is read as the other readers read a table: each row a paragraph,
 * its cells apart by RL_CELL_SEP (formats.h), the delimiter row dropped.
 *
 * The formatting that is not words is recorded beside the text, when asked (rl_doc_styles):
 * each stretch of text under emphasis, strong emphasis, a link or an image (with its target),
 * in a heading (with its level) or in code, is a span whose description names them from the
 * outermost in ("strong, link https://example.org/", "heading 2"), so that a change only of
 * formatting can be shown as one. */
#include "formats.h"

#include <cmark.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mdext.h"
#include "mdfront.h"
#include "mdnotes.h"
#include "textbuf.h"

/* Formatting being read: the description of the open elements, and the spans written. */
#define STYLE_DEPTH 32      /* elements named; deeper ones are counted, not named */
#define STYLE_NAME_MAX 480  /* bytes of a description (a long target is cut) */
#define STYLE_SEEN 64       /* descriptions remembered, so that one is stored once */

typedef struct md_styles {
	rl_doc_styles *out;     /* NULL: not asked */
	size_t cap, names_cap;
	char name[STYLE_NAME_MAX + 16];
	size_t len;
	size_t mark[STYLE_DEPTH];
	unsigned depth, unnamed;
	uint32_t seen_hash[STYLE_SEEN], seen_off[STYLE_SEEN];
	unsigned nseen, next_seen;
	bool plain;             /* words without formatting were written since the last span */
	bool nomem;
} md_styles;

typedef struct md_state {
	rl_textbuf tb;
	rl_list_numbers numbers;
	md_styles sty;
	bool footnotes;      /* the source defines a footnote: [^label] marks are not words */
	rl_md_notes notes;   /* where each note was written, and the labels referred to */
	bool para_top;       /* in a paragraph of the document itself (a note may go on past it) */
	size_t note_until;   /* the last line the open note goes on over */
	bool note_nested;    /* the open note is in a list item or a quotation: its paragraph */
	unsigned long long note_quotes;  /* the quotation marks still to open after that note */
	bool table;          /* in a pipe table's paragraph */
	bool cell_text;      /* text written in the table's line being read */
	unsigned table_row;  /* its line being read: 0 the header, 1 the delimiter row */
} md_state;

static void style_push(md_styles *y, const char *what, const char *target)
{
	if (y->depth >= STYLE_DEPTH) {
		y->unnamed++;
		return;
	}
	y->mark[y->depth++] = y->len;
	char part[STYLE_NAME_MAX];
	int n = snprintf(part, sizeof part, "%s%s%s%s", y->len ? ", " : "", what,
	                 target && *target ? " " : "", target ? target : "");
	size_t k = n < 0 ? 0 : (size_t)n < sizeof part ? (size_t)n : sizeof part - 1;
	if (k > STYLE_NAME_MAX - y->len)
		k = STYLE_NAME_MAX - y->len;
	memcpy(y->name + y->len, part, k);
	y->len += k;
	y->name[y->len] = '\0';
}

static void style_pop(md_styles *y)
{
	if (y->unnamed) {
		y->unnamed--;
	} else if (y->depth) {
		y->len = y->mark[--y->depth];
		y->name[y->len] = '\0';
	}
}

/* FNV-1a; never 0, which means no style. */
static uint32_t style_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h ? h : 1;
}

/* The capacity that holds need entries: cap, or doubled from it until it does. */
static size_t grown(size_t cap, size_t need)
{
	size_t c = cap ? cap : 64;
	while (c < need)
		c *= 2;
	return c;
}

/* The offset of the description name[0..n) in the names, stored once. */
static bool style_name_offset(md_styles *y, const char *name, size_t n, uint32_t hash,
                              uint32_t *off)
{
	rl_doc_styles *o = y->out;
	for (unsigned k = 0; k < y->nseen; k++) {
		if (y->seen_hash[k] == hash && strcmp(o->names + y->seen_off[k], name) == 0) {
			*off = y->seen_off[k];
			return true;
		}
	}
	if (o->names_len + n + 1 > UINT32_MAX)
		return false;
	if (o->names_len + n + 1 > y->names_cap) {
		size_t cap = grown(y->names_cap, o->names_len + n + 1);
		char *names = realloc(o->names, cap);
		if (!names)
			return false;
		o->names = names;
		y->names_cap = cap;
	}
	memcpy(o->names + o->names_len, name, n + 1);
	*off = (uint32_t)o->names_len;
	o->names_len += n + 1;
	y->seen_hash[y->next_seen] = hash;
	y->seen_off[y->next_seen] = *off;
	y->next_seen = (y->next_seen + 1) % STYLE_SEEN;
	if (y->nseen < STYLE_SEEN)
		y->nseen++;
	return true;
}

/* Text [start, end) of the output was written under the current formatting (and in a code
 * span); exact: code, compared byte for byte. */
static void style_record(md_state *st, size_t start, size_t end, bool code, bool exact)
{
	md_styles *y = &st->sty;
	if (!y->out || y->nomem)
		return;
	while (start < end && (st->tb.data[start] == ' ' || st->tb.data[start] == '\n'))
		start++;
	if (start >= end)
		return;
	if (!y->len && !code) {
		y->plain = true;
		return;
	}
	char name[sizeof y->name + 16];
	size_t n = (size_t)snprintf(name, sizeof name, "%s%s%s", y->name,
	                            code && y->len ? ", " : "", code ? "code" : "");
	uint32_t hash = style_hash(name, n), off;
	rl_doc_styles *o = y->out;
	bool goes_on = !y->plain;
	y->plain = false;
	if (goes_on && o->n && o->v[o->n - 1].style == hash && o->v[o->n - 1].exact == exact &&
	    o->v[o->n - 1].end <= start) {
		o->v[o->n - 1].end = end;  /* the same formatting goes on (one word after another) */
		return;
	}
	if (!style_name_offset(y, name, n, hash, &off)) {
		y->nomem = true;
		return;
	}
	if (o->n == y->cap) {  /* the spans and their descriptions' offsets grow together */
		size_t cap = grown(y->cap, o->n + 1);
		rl_style_span *v = realloc(o->v, cap * sizeof *v);
		if (v)
			o->v = v;
		uint32_t *names = v ? realloc(o->name, cap * sizeof *names) : NULL;
		if (!names) {
			y->nomem = true;
			return;
		}
		o->name = names;
		y->cap = cap;
	}
	o->v[o->n] = (rl_style_span){start, end, hash, exact};
	o->name[o->n++] = off;
}

static void text(md_state *st, const char *s, bool verbatim)
{
	if (!s || !*s)
		return;
	size_t start = st->tb.len;
	if (verbatim)
		rl_textbuf_verbatim(&st->tb, s, strlen(s));
	else
		rl_textbuf_text(&st->tb, s, strlen(s));
	style_record(st, start, st->tb.len, verbatim, verbatim);
}

/* The length of a footnote mark at s, `[^label]` (a label of letters, digits, `-` or `_`, as
 * GitHub's), or 0. */
static size_t footnote_mark(const char *s)
{
	if (s[0] != '[' || s[1] != '^')
		return 0;
	size_t i = 2;
	while (s[i] && (s[i] == '-' || s[i] == '_' || (unsigned char)s[i] >= 0x80 ||
	                ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') || (s[i] >= '0' && s[i] <= '9')))
		i++;
	return i > 2 && s[i] == ']' ? i + 1 : 0;
}

/* Prose text with its footnote marks left out; at a line's start, `[^label]:` opens a note,
 * which starts a paragraph. */
static void prose(md_state *st, const char *s, bool line_start)
{
	if (!s || !st->footnotes) {
		text(st, s, false);
		return;
	}
	size_t m = footnote_mark(s);
	if (line_start && m && s[m] == ':') {
		rl_textbuf_break(&st->tb, RL_BREAK_PARAGRAPH);
		/* gathered at the end: its formatting starts a span afresh. One in a list item or a
		 * quotation is gathered too (stop 28), as GitHub shows it; it ends with its paragraph,
		 * before the quotation's closing mark. */
		if (!st->para_top && !(st->notes.open && st->note_nested)) {
			/* a quotation's opening mark is the quotation's, not the note's: it stays */
			st->note_quotes = st->tb.quote_opening;
			st->tb.quote_opening = 0;
		}
		rl_md_notes_open(&st->notes, s + 2, m - 3, st->tb.len);
		st->note_until = 0;  /* its paragraph's lines say, when it is left */
		st->note_nested = !st->para_top;
		st->sty.plain = true;
		s += m + 1;
	}
	for (const char *at = strstr(s, "[^"); at; at = strstr(at + 1, "[^")) {
		if ((m = footnote_mark(at)) == 0)
			continue;
		rl_md_notes_ref(&st->notes, at + 2, m - 3);
		size_t start = st->tb.len;
		rl_textbuf_text(&st->tb, s, (size_t)(at - s));
		style_record(st, start, st->tb.len, false, false);
		s = at + m;
		at = s - 1;
	}
	text(st, s, false);
}

/* Does the source define a footnote? Then its `[^label]` marks are footnotes. */
static bool has_footnotes(const char *data, size_t len)
{
	const char *end = data + len;
	for (const char *s = data; s < end;) {
		const char *eol = memchr(s, '\n', (size_t)(end - s));
		if (!eol)
			eol = end;
		if (rl_md_contained_definition(s, eol))
			return true;
		s = eol + 1;
	}
	return false;
}

/* A line of a pipe table as read so far: its cells are counted from its pipes. */
typedef struct row_shape {
	size_t pipes;
	char first, last;  /* its first and last characters that are not white space */
	bool dashes;       /* a delimiter row: a dash seen, and nothing but | : - and spaces */
} row_shape;

static void shape_add(row_shape *r, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t')
			continue;
		r->pipes += c == '|';
		r->dashes = r->dashes && (c == '|' || c == ':' || c == '-');
		if (!r->first)
			r->first = c;
		r->last = c;
	}
}

static size_t shape_cells(const row_shape *r)
{
	size_t n = r->pipes + 1;
	n -= r->first == '|';
	n -= r->last == '|' && r->pipes > (r->first == '|');
	return n;
}

/* Is the paragraph a pipe table: a header line with a pipe, then a delimiter row of as many
 * cells, each with a dash? Only text is in the delimiter row. */
static bool is_pipe_table(cmark_node *para)
{
	row_shape row[2] = {{.dashes = true}, {.dashes = true}};
	size_t dashed = 0;  /* delimiter cells holding a dash so far, and whether the cell has one */
	bool cell_dash = false;
	unsigned line = 0;
	for (cmark_node *n = cmark_node_first_child(para); n && line < 2; n = cmark_node_next(n)) {
		cmark_node_type t = cmark_node_get_type(n);
		if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
			line++;
			continue;
		}
		if (t != CMARK_NODE_TEXT) {
			if (line == 1)
				return false;
			shape_add(&row[0], "x", 1);
			continue;
		}
		const char *s = cmark_node_get_literal(n);
		size_t len = s ? strlen(s) : 0;
		shape_add(&row[line], s, len);
		for (size_t i = 0; line == 1 && i < len; i++) {
			if (s[i] == '|') {
				dashed += cell_dash;
				cell_dash = false;
			} else if (s[i] == '-') {
				cell_dash = true;
			}
		}
	}
	dashed += cell_dash;
	if (line < 1 || row[0].pipes == 0 || row[1].pipes == 0 || !row[1].dashes ||
	    !row[1].first)
		return false;
	size_t cells = shape_cells(&row[1]);
	return cells == shape_cells(&row[0]) && dashed == cells;
}

/* Text of a pipe table's line, a row a paragraph: RL_CELL_SEP between cells with text (the
 * line's own pipes at its ends are no cells); the delimiter row is dropped. */
static void table_text(md_state *st, const char *s)
{
	if (!s || st->table_row == 1)
		return;
	for (;;) {
		const char *bar = strchr(s, '|');
		size_t n = bar ? (size_t)(bar - s) : strlen(s);
		/* a cell's own spaces are no text ("| a |": "a" after a bullet, not " a") */
		while (!st->cell_text && n && (*s == ' ' || *s == '\t'))
			s++, n--;
		while (bar && n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (n) {
			size_t start = st->tb.len;
			rl_textbuf_text(&st->tb, s, n);
			style_record(st, start, st->tb.len, false, false);
			st->cell_text = true;
		}
		if (!bar)
			return;
		/* a line's leading pipe opens no cell: in a list item the first cell follows the
		 * bullet */
		if (st->cell_text)
			rl_textbuf_break(&st->tb, RL_BREAK_CELL);
		st->cell_text = false;
		s = bar + 1;
	}
}

/* Does the item open with a note's definition (`- [^w]: text`)? The note is gathered at the end,
 * and nothing of the item is left where it was written. */
static bool note_item(const md_state *st, cmark_node *item)
{
	cmark_node *para = cmark_node_first_child(item);
	if (!st->footnotes || !para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH)
		return false;
	cmark_node *first = cmark_node_first_child(para);
	const char *s = first && cmark_node_get_type(first) == CMARK_NODE_TEXT
	                    ? cmark_node_get_literal(first)
	                    : NULL;
	size_t m = s ? footnote_mark(s) : 0;
	return m && s[m] == ':';
}

static void list_item(md_state *st, cmark_node *item)
{
	cmark_node *list = cmark_node_parent(item);
	char prefix[32] = "- ";
	if (list && cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
		size_t n;
		if (!rl_list_numbers_next(&st->numbers, list, &n)) {
			int start = cmark_node_get_list_start(list);
			n = start > 0 ? (size_t)start : 0;
			for (cmark_node *p = cmark_node_previous(item); p; p = cmark_node_previous(p))
				n++;
			rl_list_numbers_add(&st->numbers, list, n + 1);
		}
		snprintf(prefix, sizeof prefix, "%zu. ", n);
	}
	if (note_item(st, item))
		return;  /* (counted all the same: the next item keeps its number) */
	rl_textbuf_break(&st->tb, RL_BREAK_PARAGRAPH);
	/* Written as it is, but not code: a list's number is structure, and compared byte for byte
	 * it made a renumbered item ("4." now "5.") a rewrite the plain-text path does not show. */
	size_t start = st->tb.len;
	rl_textbuf_verbatim(&st->tb, prefix, strlen(prefix));
	style_record(st, start, st->tb.len, false, false);
}

static bool top_level(cmark_node *node)
{
	return cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT;
}

static void note_close(md_state *st)
{
	rl_md_notes_close(&st->notes, st->tb.len);
	st->sty.plain = true;  /* gathered apart: a span never runs over its edge */
	if (st->note_nested) {
		/* the quotation's opening mark, held back while the note was written, is its own */
		st->note_nested = false;
		st->tb.quote_opening |= st->note_quotes;
		st->note_quotes = 0;
	}
}

static bool is_block(cmark_node_type t)
{
	return t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING || t == CMARK_NODE_LIST ||
	       t == CMARK_NODE_ITEM || t == CMARK_NODE_BLOCK_QUOTE || t == CMARK_NODE_CODE_BLOCK ||
	       t == CMARK_NODE_THEMATIC_BREAK || t == CMARK_NODE_HTML_BLOCK;
}

/* A note in a list item or a quotation ends with its paragraph, or, when it goes on over
 * paragraphs indented under it there, with the last of them; it ends with its container too. */
static void nested_note_block(md_state *st, cmark_node *node, bool entered)
{
	if (!st->notes.open || !st->note_nested)
		return;
	cmark_node_type t = cmark_node_get_type(node);
	int first = cmark_node_get_start_line(node), last = cmark_node_get_end_line(node);
	if (first < 1 || last < first)  /* (never: cmark counts every block's lines) */
		first = last = 1;
	if (entered) {
		if (is_block(t) && (size_t)first > st->note_until)
			note_close(st);
	} else if (t == CMARK_NODE_PARAGRAPH) {
		size_t until = rl_md_notes_until(&st->notes, (size_t)first, (size_t)last);
		if (until)
			st->note_until = until;
		if ((size_t)last >= st->note_until)
			note_close(st);
	} else if (t == CMARK_NODE_ITEM || t == CMARK_NODE_BLOCK_QUOTE) {
		note_close(st);
	}
}

/* A note's text ends with the paragraph that defines it, or, when it goes on over paragraphs
 * indented under it (as GitHub reads a note), with the last of them: a top-level block left at
 * or past the note's last line, or one entered beyond it, ends it. */
static void note_block(md_state *st, cmark_node *node, bool entered)
{
	if (!st->notes.open || !top_level(node))
		return;
	int first = cmark_node_get_start_line(node), last = cmark_node_get_end_line(node);
	if (first < 1 || last < first)  /* (never: cmark counts every block's lines) */
		first = last = 1;
	if (entered) {
		if ((size_t)first > st->note_until)
			note_close(st);
		return;
	}
	if (cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH) {
		size_t until = rl_md_notes_until(&st->notes, (size_t)first, (size_t)last);
		if (until)
			st->note_until = until;
	}
	if ((size_t)last >= st->note_until)
		note_close(st);
}

static void enter(md_state *st, cmark_node *node)
{
	note_block(st, node, true);
	nested_note_block(st, node, true);
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_PARAGRAPH:
		/* A list item's first paragraph follows its bullet (a table's first cell too). */
		if (cmark_node_get_type(cmark_node_parent(node)) != CMARK_NODE_ITEM ||
		    cmark_node_previous(node))
			rl_textbuf_break(&st->tb, RL_BREAK_PARAGRAPH);
		st->table = is_pipe_table(node);
		st->para_top = cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT;
		st->table_row = 0;
		st->cell_text = false;
		break;
	case CMARK_NODE_HEADING: {
		/* Its level is formatting: "## Plans" → "### Plans" is the same words restyled. */
		char level[16];
		snprintf(level, sizeof level, "heading %d", cmark_node_get_heading_level(node));
		rl_textbuf_break(&st->tb, RL_BREAK_PARAGRAPH);
		style_push(&st->sty, level, NULL);
		break;
	}
	case CMARK_NODE_THEMATIC_BREAK:
	case CMARK_NODE_LIST:
		rl_textbuf_break(&st->tb, RL_BREAK_PARAGRAPH);
		break;
	case CMARK_NODE_ITEM:
		list_item(st, node);
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		rl_textbuf_quote_enter(&st->tb);
		break;
	case CMARK_NODE_CODE_BLOCK: {
		const char *code = cmark_node_get_literal(node);
		size_t n = code ? strlen(code) : 0;
		while (n && code[n - 1] == '\n')
			n--;
		rl_textbuf_break(&st->tb, RL_BREAK_PARAGRAPH);
		size_t start = st->tb.len;
		rl_textbuf_verbatim(&st->tb, code, n);
		style_push(&st->sty, "code block", NULL);
		style_record(st, start, st->tb.len, false, true);
		style_pop(&st->sty);
		rl_textbuf_break(&st->tb, RL_BREAK_PARAGRAPH);
		break;
	}
	case CMARK_NODE_TEXT: {
		cmark_node *prev = cmark_node_previous(node);
		cmark_node_type pt = prev ? cmark_node_get_type(prev) : CMARK_NODE_NONE;
		if (st->table)
			table_text(st, cmark_node_get_literal(node));
		else
			prose(st, cmark_node_get_literal(node),
			      cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_PARAGRAPH &&
			          (!prev || pt == CMARK_NODE_SOFTBREAK || pt == CMARK_NODE_LINEBREAK));
		break;
	}
	case CMARK_NODE_CODE: {
		const char *code = cmark_node_get_literal(node);
		text(st, code, true);
		/* a code span is a cell's text too: the pipe after it ends the cell ("| `--rate` |") */
		if (st->table && code && *code)
			st->cell_text = true;
		break;
	}
	case CMARK_NODE_SOFTBREAK:
		st->table_row += st->table;
		st->cell_text = false;
		rl_textbuf_break(&st->tb, st->table ? RL_BREAK_PARAGRAPH : RL_BREAK_SPACE);
		break;
	case CMARK_NODE_LINEBREAK:
		st->table_row += st->table;
		st->cell_text = false;
		rl_textbuf_break(&st->tb, st->table ? RL_BREAK_PARAGRAPH : RL_BREAK_LINE);
		break;
	/* Emphasis, links and images: their words, and their formatting on the side. */
	case CMARK_NODE_EMPH:
		style_push(&st->sty, "emphasis", NULL);
		break;
	case CMARK_NODE_STRONG:
		style_push(&st->sty, "strong", NULL);
		break;
	case CMARK_NODE_LINK:
		style_push(&st->sty, "link", cmark_node_get_url(node));
		break;
	case CMARK_NODE_IMAGE:
		style_push(&st->sty, "image", cmark_node_get_url(node));
		break;
	default:  /* raw HTML: nothing */
		break;
	}
}

static void leave(md_state *st, cmark_node *node)
{
	note_block(st, node, false);
	nested_note_block(st, node, false);
	cmark_node_type t = cmark_node_get_type(node);
	if (t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG || t == CMARK_NODE_LINK ||
	    t == CMARK_NODE_IMAGE) {
		style_pop(&st->sty);
	} else if (t == CMARK_NODE_HEADING) {
		style_pop(&st->sty);
		rl_textbuf_break(&st->tb, RL_BREAK_PARAGRAPH);
	} else if (t == CMARK_NODE_BLOCK_QUOTE) {
		rl_textbuf_quote_leave(&st->tb);
	} else if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING || t == CMARK_NODE_ITEM) {
		st->table = false;
		rl_textbuf_break(&st->tb, RL_BREAK_PARAGRAPH);
	}
}

int rl_read_markdown(const char *data, size_t len, size_t max_out, char **out, size_t *out_len,
                     char *err, size_t errlen)
{
	return rl_read_markdown_styled(data, len, max_out, out, out_len, NULL, err, errlen);
}

/* The words of heading (its text and code), up to cap bytes; false past them. */
static bool heading_words(cmark_node *heading, char *buf, size_t cap, size_t *n)
{
	cmark_iter *it = cmark_iter_new(heading);
	bool fits = it != NULL;
	*n = 0;
	for (cmark_event_type ev; fits && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(node);
		const char *s = ev == CMARK_EVENT_ENTER && (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)
		                    ? cmark_node_get_literal(node) : NULL;
		size_t k = s ? strlen(s) : 0;
		fits = k + 1 <= cap - *n;
		if (s && fits) {
			memcpy(buf + *n, s, k);
			buf[*n + k] = ' ';
			*n += k + 1;
		}
	}
	cmark_iter_free(it);
	return fits;
}

/* Does the text open with a heading of the title's words (raw HTML, comments, before it)? */
static bool heading_repeats(cmark_node *doc, const char *title)
{
	cmark_node *first = cmark_node_first_child(doc);
	while (first && cmark_node_get_type(first) == CMARK_NODE_HTML_BLOCK)
		first = cmark_node_next(first);
	if (!first || cmark_node_get_type(first) != CMARK_NODE_HEADING)
		return false;
	size_t tl = strlen(title), cap = 4 * tl + 64, n;  /* more than that is other words */
	char *buf = malloc(cap);
	bool same = buf && heading_words(first, buf, cap, &n) && rl_md_same_words(buf, n, title, tl);
	free(buf);
	return same;
}

/* The front matter's title, fm[0, len), read as the first paragraph (stop 25): Jekyll and Hugo
 * show it as the page's headline, so its change is one a reader sees. A post that opens with a
 * heading of the same words would read it twice; then the heading alone is read. */
static void front_title(md_state *st, cmark_node *doc, const char *fm, size_t len)
{
	if (!len)
		return;
	char *title = malloc(len + 1);
	if (!title) {
		st->tb.nomem = true;
		return;
	}
	if (rl_md_front_title(fm, len, title, len + 1) && !heading_repeats(doc, title)) {
		text(st, title, false);
		rl_textbuf_break(&st->tb, RL_BREAK_PARAGRAPH);
	}
	free(title);
}

/* The length of a title block opening data (pandoc's, and rustdoc's for a page of its own:
 * `% Title`, then `% Authors` and `% Date`, a line going on with one opening with a space), or
 * 0. Shown as the page's title, not as lines of text: the `%` is no word (stop 27: Rust's
 * release notes opened with the word "%"). */
static size_t title_block(const char *data, size_t len)
{
	const char *end = data + len, *s = data;
	if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		s += 3;
	if (s == end || *s != '%')
		return 0;
	for (unsigned lines = 0; s < end && lines < 3 && (*s == '%' || (*s == ' ' && lines));) {
		lines += *s == '%';
		const char *eol = memchr(s, '\n', (size_t)(end - s));
		s = eol ? eol + 1 : end;
	}
	return (size_t)(s - data);
}

/* The title block's words, each `%` line a paragraph (its going-on lines joined to it). */
static void title_lines(md_state *st, const char *data, size_t len)
{
	const char *end = data + len, *s = data;
	if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		s += 3;
	while (s < end) {
		const char *eol = memchr(s, '\n', (size_t)(end - s));
		eol = eol ? eol : end;
		if (*s == '%')
			rl_textbuf_break(&st->tb, RL_BREAK_PARAGRAPH), s++;
		size_t start = st->tb.len;
		rl_textbuf_text(&st->tb, s, (size_t)(eol - s));
		style_record(st, start, st->tb.len, false, false);
		rl_textbuf_break(&st->tb, RL_BREAK_SPACE);
		s = eol < end ? eol + 1 : end;
	}
	rl_textbuf_break(&st->tb, RL_BREAK_PARAGRAPH);
}

/* The tree of the Markdown in data; notes (or NULL: it defines none) learn where each note lies,
 * their definitions escaped and their paragraphs indented under them dedented first
 * (rl_md_escape_note_definitions). */
static cmark_node *parse(const char *data, size_t len, rl_md_notes *notes)
{
	char *escaped = NULL;
	if (notes && !(escaped = rl_md_escape_note_definitions(notes, data, len, &len)))
		return NULL;
	/* Invalid UTF-8 becomes U+FFFD, as everywhere the text is shown. */
	cmark_node *doc = cmark_parse_document(escaped ? escaped : data, len, CMARK_OPT_VALIDATE_UTF8);
	free(escaped);
	if (doc)  /* one text node a run of text, "[^1]" included, rather than "[", "^1", "]" */
		cmark_consolidate_text_nodes(doc);
	return doc;
}

static void walk(md_state *st, cmark_iter *it)
{
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE && !st->tb.over && !st->tb.nomem &&
	       !st->sty.nomem) {
		cmark_node *node = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER)
			enter(st, node);
		else
			leave(st, node);
	}
	if (st->notes.open)
		note_close(st);
	/* the notes after the rest, as GitHub shows them (the labels are the tree's: before it goes) */
	if (!rl_md_notes_gather(&st->notes, &st->tb, st->sty.out))
		st->sty.nomem = true;
}

int rl_read_markdown_styled(const char *data, size_t len, size_t max_out, char **out,
                            size_t *out_len, rl_doc_styles *styles, char *err, size_t errlen)
{
	size_t skip = rl_md_front_matter(data, len), titled = skip ? 0 : title_block(data, len);
	skip += titled;
	md_state st = {.footnotes = has_footnotes(data + skip, len - skip)};
	cmark_node *doc = parse(data + skip, len - skip, st.footnotes ? &st.notes : NULL);
	cmark_iter *it = doc ? cmark_iter_new(doc) : NULL;
	if (!it) {
		cmark_node_free(doc);
		rl_md_notes_release(&st.notes);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	rl_textbuf_init(&st.tb, max_out);
	if (styles) {
		memset(styles, 0, sizeof *styles);
		st.sty.out = styles;
	}
	if (titled)
		title_lines(&st, data, titled);
	else
		front_title(&st, doc, data, skip);
	walk(&st, it);
	cmark_iter_free(it);
	cmark_node_free(doc);
	rl_md_notes_release(&st.notes);
	if (st.sty.nomem) {
		rl_textbuf_release(&st.tb);
		snprintf(err, errlen, "out of memory");
	}
	int rc = st.sty.nomem ? -1 : rl_textbuf_finish(&st.tb, out, out_len, err, errlen);
	if (rc != 0 && styles)
		rl_doc_styles_release(styles);  /* inline (source.h): the module calls no program */
	return rc;
}
