/* textbuf.h: the text a document reader writes (internal to src/doc/), in the shape formats.h
 * describes: white space collapsed, one paragraph a line, a blank line between paragraphs, and
 * never more than the size limit. */
#ifndef REDLINE_DOC_TEXTBUF_H
#define REDLINE_DOC_TEXTBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef enum rl_break {
	RL_BREAK_NONE,
	RL_BREAK_SPACE,      /* words apart */
	RL_BREAK_LINE,       /* a line break inside a paragraph (<br>) */
	RL_BREAK_CELL,       /* between two cells of a table's row (RL_CELL_SEP): rl_textbuf_cell */
	RL_BREAK_PARAGRAPH,  /* a blank line */
} rl_break;

typedef struct rl_textbuf {
	char *data;
	size_t len, cap, max;
	rl_break pending;    /* the strongest break asked for since the last text */
	unsigned rows;       /* table rows open (docbuf.h's rows) */
	bool row_text;       /* text was written in the outermost row open */
	/* Block quotations: per level, must the next text open it, and was a mark opened? */
	unsigned quote_depth;
	unsigned long long quote_opening, quote_opened;
	bool over;           /* the limit was reached */
	bool nomem;
} rl_textbuf;

void rl_textbuf_init(rl_textbuf *tb, size_t max);

/* Ask for a break before the next text; breaks at the start and the end are dropped. */
void rl_textbuf_break(rl_textbuf *tb, rl_break b);

/* A table's row, read as docbuf.h's rl_docbuf_row_enter reads one: a paragraph, inside which
 * a cell's paragraphs and line breaks are spaces, its cells apart by RL_CELL_SEP. */
void rl_textbuf_row_enter(rl_textbuf *tb);
void rl_textbuf_cell(rl_textbuf *tb);
void rl_textbuf_row_leave(rl_textbuf *tb);

/* Text whose runs of white space become one space (their edges become pending breaks). */
void rl_textbuf_text(rl_textbuf *tb, const char *s, size_t n);

/* Text as it is (code), after the pending break. */
void rl_textbuf_verbatim(rl_textbuf *tb, const char *s, size_t n);

/* A block quotation begins: its text is wrapped in “ ” unless it begins with a quotation mark
 * of its own. Levels past 64 are not marked (their text is kept). */
void rl_textbuf_quote_enter(rl_textbuf *tb);
void rl_textbuf_quote_leave(rl_textbuf *tb);

/* Text stuck to the last text written (a closing quotation mark), before any pending break. */
void rl_textbuf_attach(rl_textbuf *tb, const char *s, size_t n);

/* Does the text written since the last paragraph break begin so far? */
bool rl_textbuf_at_paragraph_start(const rl_textbuf *tb);

/* The numbers of ordered list items, found in one pass: a reader visits a list's items in
 * order, so the number of the next item of each of the lists seen last is remembered (counting
 * the items before each one would be quadratic in a list of 100,000). */
#define RL_LISTS_KEPT 16

typedef struct rl_list_numbers {
	const void *list[RL_LISTS_KEPT];
	size_t next[RL_LISTS_KEPT];
	unsigned slot;  /* where the next list is remembered (the oldest is forgotten) */
} rl_list_numbers;

/* The next item's number for list, if it is remembered (then counted as used). */
bool rl_list_numbers_next(rl_list_numbers *ln, const void *list, size_t *n);
/* Remember that list's next item is numbered next. */
void rl_list_numbers_add(rl_list_numbers *ln, const void *list, size_t next);

/* Hand the text over (*out NUL-terminated, malloc'd). Returns 0, or -1 with the reason in err
 * (the limit, or memory); the buffer is released either way. */
int rl_textbuf_finish(rl_textbuf *tb, char **out, size_t *out_len, char *err, size_t errlen);
void rl_textbuf_release(rl_textbuf *tb);

#endif
