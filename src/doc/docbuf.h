/* docbuf.h: the text a document reader builds, in the shape formats.h describes (internal to
 * src/doc/). Readers append text and ask for breaks; the buffer collapses runs of white space,
 * writes a break only between two pieces of text (never at the start or twice), and stops at its
 * limit so that no reader holds more than --max-size bytes of text. */
#ifndef REDLINE_DOC_DOCBUF_H
#define REDLINE_DOC_DOCBUF_H

#include <stdbool.h>
#include <stddef.h>

#include "breaks.h"



typedef struct {
	char *s;
	size_t len, cap, max;
	rl_breaks br;    /* the break owed, and the table rows open (breaks.h) */
	bool over;  /* the text went past max */
	bool oom;   /* an allocation failed */
} rl_docbuf;

void rl_docbuf_init(rl_docbuf *b, size_t max);
void rl_docbuf_release(rl_docbuf *b);
/* Append text: each run of spaces, tabs and line ends becomes one owed space. Returns -1 once the
 * buffer has failed (over its limit or out of memory), 0 otherwise. */
int rl_docbuf_text(rl_docbuf *b, const char *s, size_t n);
/* Append text verbatim, white space included (a closing quotation mark right after a word). */
int rl_docbuf_glue(rl_docbuf *b, const char *s, size_t n);
/* Owe a break before the next text (breaks.h: a space inside a table's row). */
#define rl_docbuf_space(b) rl_breaks_ask(&(b)->br, RL_BREAK_SPACE)
#define rl_docbuf_line(b) rl_breaks_ask(&(b)->br, RL_BREAK_LINE)
#define rl_docbuf_para(b) rl_breaks_ask(&(b)->br, RL_BREAK_PARAGRAPH)
/* A table's row: rl_breaks_row_enter(&b->br), rl_breaks_cell, rl_breaks_row_leave. */
/* Is the text, so far, ending at a break (nothing was written since the last paragraph)? */
bool rl_docbuf_at_para(const rl_docbuf *b);
bool rl_docbuf_failed(const rl_docbuf *b);
/* Hand the text over (NUL-terminated, ending with one line end unless empty) and reset the
 * buffer; on failure the reason goes to err and -1 is returned. */
int rl_docbuf_finish(rl_docbuf *b, char **out, size_t *out_len, char *err, size_t errlen);

#endif
