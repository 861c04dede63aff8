/* textbuf.h: the text a document reader writes (internal to src/doc/), in the shape formats.h
 * describes: white space collapsed, one paragraph a line, a blank line between paragraphs, and
 * never more than the size limit. */
#ifndef REDLINE_DOC_TEXTBUF_H
#define REDLINE_DOC_TEXTBUF_H

#include <stdbool.h>
#include <stddef.h>

#include "breaks.h"


typedef struct rl_textbuf {
	char *data;
	size_t len, cap, max;
	rl_breaks br;        /* the break owed, and the table rows open (breaks.h) */
	/* Block quotations: per level, must the next text open it, and was a mark opened? */
	unsigned quote_depth;
	unsigned long long quote_opening, quote_opened;
	bool over;           /* the limit was reached */
	bool nomem;
} rl_textbuf;

void rl_textbuf_init(rl_textbuf *tb, size_t max);

/* Ask for a break before the next text; breaks at the start and the end are dropped. A table's
 * row: rl_breaks_row_enter(&tb->br), rl_breaks_cell, rl_breaks_row_leave (breaks.h). */
#define rl_textbuf_break(tb, b) rl_breaks_ask(&(tb)->br, (b))


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
