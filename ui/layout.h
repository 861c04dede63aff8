/* layout.h: an alignment laid out as rows of two panes that stay in step.
 *
 * Pure: no curses, no I/O. The same rows feed the viewer's panes and the printed --side-by-side
 * output, so the printer is the golden oracle for what the viewer shows.
 *
 * Two levels, so that a viewer on a 10 MB document only wraps what it shows:
 *   - blocks (width-independent, built once per alignment): both texts cut at sync points, each
 *     block a token range of OLD facing a token range of NEW. Sync points are paragraph and line
 *     starts on either side, carried across through the alignment, and the edges of large
 *     insertions, deletions and moves, so that an added passage faces padding instead of pushing
 *     the rest out of step. Long unchanged stretches are cut at sentence ends to bound a block.
 *   - rows (per block and pane width): each side of a block wrapped at word boundaries, the
 *     shorter side padded with filler rows, so every block starts on the same row on both sides. */
#ifndef REDLINE_LAYOUT_H
#define REDLINE_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "align.h"
#include "layout_types.h"

/* A run: one stretch of one row on one side. */
enum {
	RL_RUN_TEXT,   /* bytes [off, off+len) of the side's text */
	RL_RUN_SPACE,  /* cols blank columns between words */
	RL_RUN_OPEN,   /* an opening change marker, "[-" or "{+" (marker style only) */
	RL_RUN_CLOSE,  /* a closing change marker, "-]" or "+}" */
	RL_RUN_TAG,    /* after a unit of NEW linked to its source: "⟨¶N⟩", N (OLD's paragraph)
	                * in len, the link's index (rl_alignment_sources) in off */
};

typedef struct rl_run {
	uint32_t off, len;  /* RL_RUN_TEXT: bytes of the side's text */
	uint32_t op;        /* index of the op this run belongs to */
	uint16_t cols;      /* display columns */
	uint8_t type;       /* RL_RUN_* */
	uint8_t kind;       /* rl_kind of its op (RL_OP_EQUAL for plain text) */
	uint8_t quote;      /* rl_quote of its op */
	uint8_t moved;      /* the op belongs to a moved passage */
	uint8_t derived;    /* NEW's side of a change in a unit linked to its source elsewhere in
	                     * OLD (align.h rl_op_sources): a summary line, not plain new text */
} rl_run;

/* Row flags, per side. */
enum {
	RL_ROW_FILLER = 1 << 0,  /* padding: this side has nothing here */
	RL_ROW_SOFT = 1 << 1,    /* a paragraph starts here on the other side only */
	RL_ROW_CHANGE = 1 << 2,  /* this side of the row shows part of a change */
};

typedef struct rl_row {
	uint32_t run[2];   /* first run of each side, an index into the row buffer's runs */
	uint16_t nrun[2];  /* runs of each side */
	uint16_t cols[2];  /* columns used on each side */
	uint8_t flags[2];  /* RL_ROW_* of each side */
	uint32_t block;    /* the block this row belongs to */
} rl_row;

/* Rows and their runs, appended by rl_layout_rows. */
typedef struct rl_rowbuf {
	rl_row *rows;
	size_t nrows, caprows;
	rl_run *runs;
	size_t nruns, capruns;
} rl_rowbuf;

typedef struct rl_layout rl_layout;

/* Cut an alignment into blocks. The alignment is borrowed and must outlive the layout. */
int rl_layout_new(rl_layout **out, const rl_alignment *al, const rl_layout_opts *opts);
void rl_layout_free(rl_layout *lay);

size_t rl_layout_blocks(const rl_layout *lay);
const rl_block *rl_layout_block(const rl_layout *lay, size_t i);
const rl_piece *rl_layout_piece(const rl_layout *lay, size_t i);
const rl_alignment *rl_layout_alignment(const rl_layout *lay);

/* Narrowest and widest pane width rl_layout_rows fills: the widest escape ("<U+10FFFF>") must fit
 * one row, and column counts are 16-bit. Other widths are clamped to these. */
#define RL_LAYOUT_MIN_WIDTH 10
#define RL_LAYOUT_MAX_WIDTH 4096

/* Append the rows of block i, each side wrapped to `width` columns, to buf. */
int rl_layout_rows(const rl_layout *lay, size_t i, unsigned width, rl_rowbuf *buf);

/* The text of a change marker run (RL_RUN_OPEN/RL_RUN_CLOSE) on a side: "[-" "-]" and "{+" "+}"
 * for a change, "[<" ">]" and "{>" "<}" for moved text where it left and where it arrived (edits
 * inside a moved passage are changes), "[!" "!]" and "{!" "!}" for a change to a quotation,
 * "[*" "*]" and "{*" "*}" for the same words formatted otherwise (RL_OP_FORMAT);
 * "{=" "=}" for NEW's words of a unit drawn from OLD's text elsewhere (derived). */
const char *rl_marker_text(int side, const rl_run *run);

/* The markers at the edges of a span of moved op `op` on a side (RL_MARK_*). A moved passage with
 * edits inside is several ops of one move id, drawn inside one pair of brackets, the edits with
 * their own markers: "{>could {+signal+} that openness was<}", not "{>could<} {+signal+} {>that
 * openness was<}". `first` and `last`: the span starts or ends the passage there. */
enum {
	RL_MARK_OPEN = 1 << 0,         /* the span's own opening marker */
	RL_MARK_CLOSE = 1 << 1,        /* its own closing marker */
	RL_MARK_OUTER_OPEN = 1 << 2,   /* the passage's "[<" / "{>" before its own (an edit) */
	RL_MARK_OUTER_CLOSE = 1 << 3,  /* the passage's ">]" / "<}" after its own */
};
unsigned rl_passage_marks(const rl_op *op, int side, bool first, bool last);

/* The text of a tag run (RL_RUN_TAG): "⟨¶N⟩", written into buf, which it returns. */
#define RL_TAG_MAX 24
const char *rl_tag_text(const rl_run *run, char buf[RL_TAG_MAX]);

void rl_rowbuf_clear(rl_rowbuf *buf);
void rl_rowbuf_free(rl_rowbuf *buf);

#endif
