/* rows.h: the lines a viewer shows for a layout at one pane width, laid out block by block on
 * demand and kept in a small cache.
 *
 * Pure: no curses, no I/O. A viewer never lays out a whole document: it asks for the blocks it
 * shows (and those it walks past while scrolling), and the cache forgets the least recently used
 * ones. Two shapes of line:
 *   - side by side: one line per layout row, both panes at once;
 *   - unified (one column): per block, OLD's rows then NEW's rows when the block changed both
 *     sides, else the rows of the one side that has text. Filler rows are left out. */
#ifndef REDLINE_ROWS_H
#define REDLINE_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "layout.h"

/* Which side a line shows. RL_LINE_FOLD: the one line of a fold (below), neither side's text;
 * RL_LINE_FURNITURE and _END: where page furniture was dropped (rl_rows_set_furniture), before
 * the block and after the text (the last block). */
enum {
	RL_LINE_OLD = 0,
	RL_LINE_NEW = 1,
	RL_LINE_BOTH = 2,
	RL_LINE_FOLD = 3,
	RL_LINE_FURNITURE = 4,
	RL_LINE_FURNITURE_END = 5,
};
/* Does a line show a note (a fold or page furniture) rather than text? */
#define RL_LINE_NOTE(side) ((side) >= RL_LINE_FOLD)

typedef struct rl_line {
	uint32_t row;  /* index into the block's rows */
	uint8_t side;  /* RL_LINE_* */
} rl_line;

/* The laid-out lines of one block. Read-only for callers. */
typedef struct rl_blockrows {
	rl_rowbuf buf;     /* the block's rows and runs, as rl_layout_rows made them */
	rl_line *lines;    /* what is shown, top to bottom; never empty */
	size_t nlines;
	size_t caplines;
	uint32_t block;    /* which block this is */
	uint64_t used;     /* cache clock of the last use */
	/* A fold: blocks [block, fold_end) shown as one line (RL_LINE_FOLD) that stands for
	 * fold_lines lines of text; fold_lines is 0 for a block shown as it is. */
	uint32_t fold_end;
	uint32_t fold_lines;
	/* Page furniture dropped before the block and after the text, per side (lines of text). */
	uint32_t furniture[2][2];
} rl_blockrows;

typedef struct rl_rows rl_rows;

/* Lines of lay at pane width `width` (clamped as rl_layout_rows clamps it), side by side or
 * unified. The layout is borrowed and must outlive the rows. */
int rl_rows_new(rl_rows **out, const rl_layout *lay, unsigned width, bool unified);
void rl_rows_free(rl_rows *r);

const rl_layout *rl_rows_layout(const rl_rows *r);
unsigned rl_rows_width(const rl_rows *r);
bool rl_rows_unified(const rl_rows *r);
size_t rl_rows_blocks(const rl_rows *r);

/* Keep at least n blocks cached at once, so that n consecutive rl_rows_get calls return pointers
 * that all stay valid (a screen of n lines shows at most n blocks). */
int rl_rows_reserve(rl_rows *r, size_t n);

/* The lines of block b (b < rl_rows_blocks), laid out now unless cached. The pointer stays valid
 * until the cache evicts the block: at the earliest after as many other blocks as reserved. */
int rl_rows_get(rl_rows *r, size_t b, const rl_blockrows **out);

/* How many blocks this cache has laid out since it was made: what scrolling cost. */
size_t rl_rows_laid_out(const rl_rows *r);

/* The first line of block b that shows byte `byte` of side `side` (or, when the byte is
 * whitespace, the text after it). *line gets RL_ROWS_NOLINE when no line of the block shows that
 * side (the OLD side of an unchanged block in the unified view). */
#define RL_ROWS_NOLINE UINT32_MAX
int rl_rows_line_of(rl_rows *r, size_t b, int side, size_t byte, uint32_t *line);

/* ------------------------------------------------------------------ folds
 *
 * The z key: every stretch of unchanged blocks longer than a screen shown as one line ("… 214
 * unchanged lines …"). A fold spans blocks [b0, b1): its first block (the head) has the fold's
 * one line, the others have none and are passed over by rl_rows_next and rl_rows_prev. Deciding
 * the folds lays out nothing: a stretch's height is estimated from its bytes and newlines at the
 * pane width. Positions stay (block, line): a fold's line is (b0, 0). */

/* Fold every unchanged stretch whose estimated height is over min_rows (a screen), keeping the
 * block next to a change on each side as context. Folds already made are undone first. Returns
 * how many folds were made in *nfolds (may be NULL). */
int rl_rows_fold(rl_rows *r, unsigned min_rows, size_t *nfolds);
/* Undo every fold. */
void rl_rows_unfold_all(rl_rows *r);
/* Undo the fold that hides block b, if one does: true when one was undone. */
bool rl_rows_unfold(rl_rows *r, size_t b);
/* How many folds there are now. */
size_t rl_rows_folds(const rl_rows *r);
/* The block shown for block b: the head of the fold that hides b, else b itself. */
size_t rl_rows_shown(const rl_rows *r, size_t b);
/* Is block b inside a fold (its head included)? */
bool rl_rows_folded(const rl_rows *r, size_t b);
/* The block shown after b (rl_rows_blocks when none) and before b (b itself when none). */
size_t rl_rows_next(const rl_rows *r, size_t b);
size_t rl_rows_prev(const rl_rows *r, size_t b);

/* Page furniture, per side (NULL: none): lines dropped before each block, and at index
 * rl_rows_blocks after the text (rl_model_furniture); borrowed. Each block with some gets one
 * line more, RL_LINE_FURNITURE, before its lines (or after them, for the end). Call before the
 * first rl_rows_get. */
void rl_rows_set_furniture(rl_rows *r, const uint32_t *old_side, const uint32_t *new_side);

/* Does line `l` of br show side `side` (RL_OLD or RL_NEW)? */
bool rl_line_shows(const rl_line *l, int side);

#endif
