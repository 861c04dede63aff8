/* breaks.h: the break a reader owes between two pieces of its text, and a table's rows
 * (internal to src/doc/). Both text buffers (docbuf.h for the zipped and PDF readers, textbuf.h
 * for HTML and Markdown) embed one, so that a table reads the same in every format.
 *
 * A stronger break absorbs a weaker one, and a break is written only between two pieces of text.
 * A table's row is a paragraph of its own: inside it the paragraphs and line breaks of its cells
 * are spaces, and each cell but the first (or an empty one) opens with RL_CELL_SEP. Rows nest (a
 * table in a cell); only the outermost row makes the paragraph.
 *
 * Inline, because both document modules (redline-doc and redline-pdf) take it and the functions
 * are a line or two each. */
#ifndef REDLINE_DOC_BREAKS_H
#define REDLINE_DOC_BREAKS_H

#include <stdbool.h>

#include "formats.h"

typedef enum rl_break {
	RL_BREAK_NONE,
	RL_BREAK_SPACE,      /* words apart */
	RL_BREAK_LINE,       /* a line break inside a paragraph (<br>, <w:br/>) */
	RL_BREAK_CELL,       /* between two cells of a row (RL_CELL_SEP): rl_breaks_cell */
	RL_BREAK_PARAGRAPH,  /* a blank line */
} rl_break;

typedef struct rl_breaks {
	rl_break pending;  /* the strongest break owed since the last text */
	unsigned rows;     /* table rows open */
	bool row_text;     /* text was written in the outermost row open */
} rl_breaks;

/* Owe b before the next text, as it is. */
static inline void rl_breaks_owe(rl_breaks *k, rl_break b)
{
	if (b > k->pending)
		k->pending = b;
}

/* A reader's break: inside a row, anything stronger than a space is a space. */
static inline void rl_breaks_ask(rl_breaks *k, rl_break b)
{
	rl_breaks_owe(k, k->rows && b > RL_BREAK_SPACE ? RL_BREAK_SPACE : b);
}

static inline void rl_breaks_row_enter(rl_breaks *k)
{
	if (k->rows++ == 0) {
		rl_breaks_owe(k, RL_BREAK_PARAGRAPH);
		k->row_text = false;
	}
}

static inline void rl_breaks_cell(rl_breaks *k)
{
	if (k->rows && k->row_text)
		rl_breaks_owe(k, RL_BREAK_CELL);
}

static inline void rl_breaks_row_leave(rl_breaks *k)
{
	if (k->rows && --k->rows == 0)
		rl_breaks_owe(k, RL_BREAK_PARAGRAPH);
}

/* Text is about to be written: the separator owed before it ("" when nothing was written
 * before, text_before false), the debt paid. */
static inline const char *rl_breaks_take(rl_breaks *k, bool text_before)
{
	static const char *const sep[] = {"", " ", "\n", RL_CELL_SEP, "\n\n"};
	rl_break b = k->pending;
	k->pending = RL_BREAK_NONE;
	k->row_text = true;
	return text_before ? sep[b] : "";
}

#endif
