/* hunks.h: changes with context (-U N): which stretches of a printed output to show, and where
 * each stands in the two texts.
 *
 * A printer cuts its output into units (a row of the side-by-side output, a block of the inline
 * one), says which units show a change, and gets back the hunks: each change with up to N unchanged
 * units either side, hunks that touch or overlap merged, as git diff does with lines. The header
 * of a hunk names its paragraphs and lines on each side: "@@ ¶12–14 · lines 40–52 | ¶11–13 ·
 * lines 38–49 @@". */
#ifndef REDLINE_HUNKS_H
#define REDLINE_HUNKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "out.h"
#include "token.h"

/* How much unchanged text a printer shows around changes: everything, or N units. */
#define RL_CONTEXT_ALL (-1)

/* A hunk: units [lo, hi). */
typedef struct rl_hunk {
	size_t lo, hi;
} rl_hunk;

/* What a unit is to the selection. A blank unit (the empty row between paragraphs) is shown
 * between others but not counted as context, so that -U1 shows a line of text, not a blank. */
enum { RL_UNIT_SAME, RL_UNIT_CHANGED, RL_UNIT_BLANK };

/* The hunks of n units (units[u]: RL_UNIT_*): every changed unit with ctx unchanged units kept
 * either side. *out (owned by the caller, free()) is set only on success; no change gives no
 * hunk. Returns RL_OK or RL_ENOMEM. */
int rl_hunks_select(rl_hunk **out, size_t *nout, const uint8_t *units, size_t n, unsigned ctx);

/* Where a byte of a text is: its line and paragraph numbers, from 1. */
typedef struct rl_where {
	uint32_t *lines;  /* byte offset of each line's start */
	size_t nlines;
	uint32_t *paras;  /* byte offset of the first token of each paragraph after the first */
	size_t nparas;
	size_t len;       /* the text's bytes: an empty text has no line 1 */
} rl_where;

/* Index a text's lines (ends: \n, \r\n or a lone \r) and paragraphs (the tokens' paragraph
 * gaps; in a text with none, its hard line breaks: one paragraph a line, as diff/provenance.c
 * numbers them). Returns RL_OK or RL_ENOMEM (w left empty, safe to release). */
int rl_where_init(rl_where *w, const rl_tokens *toks);
void rl_where_release(rl_where *w);
uint32_t rl_where_line(const rl_where *w, uint32_t off);
uint32_t rl_where_para(const rl_where *w, uint32_t off);

/* The bytes of one side a hunk shows, [lo, hi); when it shows none of that side's text, lo == hi
 * is the place it stands. */
typedef struct rl_extent {
	uint32_t lo, hi;
	bool text;  /* some text of the side is shown */
} rl_extent;

#define RL_EXTENT_INIT ((rl_extent){UINT32_MAX, UINT32_MAX, false})

/* Grow e by the bytes [lo, hi) of a unit (text or not). */
void rl_extent_add(rl_extent *e, uint32_t lo, uint32_t hi, bool text);

/* The header line of a hunk, with its newline; "empty" for an empty side. ASCII stand-ins when
 * o->ascii ("para 12-14, lines 40-52"). */
void rl_print_hunk_header(rl_out *o, const rl_where w[2], const rl_extent e[2]);

#endif
