/* layout_impl.h: the layout's insides, shared by its three files: layout.c cuts the alignment
 * into pieces and blocks (once per alignment), layout_slots.c holds the rules that say whether a
 * piece goes on in the open block or starts one (the rows a reader sees side by side),
 * layout_rows.c wraps a block into rows (per block and width). Not for other modules: they go
 * through layout.h. */
#ifndef REDLINE_LAYOUT_IMPL_H
#define REDLINE_LAYOUT_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "align.h"
#include "layout_types.h"

typedef struct piecevec {
	rl_piece *v;
	size_t n, cap;
} piecevec;

struct rl_layout {
	const rl_alignment *al;
	rl_layout_opts opts;
	const rl_op *ops;
	size_t nops;
	const rl_token *tok[2];
	const char *text[2];
	bool words_only;  /* punctuation is not compared: equal ops correspond word by word */
	piecevec pieces;  /* final pieces, sliced at block edges */
	rl_block *blocks;
	size_t nblocks, capblocks;
	uint32_t ntok[2];
	size_t cols[2];   /* columns the open block takes on each side, about (see piece_cols) */
};

/* ---------------------------------------------------------- the text, as the layout reads it */

static inline const rl_token *tok_at(const rl_layout *lay, int side, uint32_t t)
{
	return &lay->tok[side][t];
}

/* Does token t start a line or paragraph a reader sees on this side? The end of the text (t
 * == ntok, where a piece with no token on this side stands) starts none: there is no token to
 * read there. */
static inline bool starts_line(const rl_layout *lay, int side, uint32_t t)
{
	return t == 0 || (t < lay->ntok[side] && tok_at(lay, side, t)->gap >= RL_GAP_BREAK);
}

/* Words (and tokens) a sentence's head may have to be drawn on the row of the line it goes on
 * in: "A", "Under the agreement,", "The". */
#define RL_LY_HEAD_WORDS 3
#define RL_LY_HEAD_TOKENS 8

/* Does a sentence end just before token t? */
bool rl_ly_sentence_end_before(const rl_layout *lay, int side, uint32_t t);
/* Does a sentence (2) or a clause (1) start at token t? 0 where none does. */
int rl_ly_sentence_start(const rl_layout *lay, int side, uint32_t t);
/* The words among tokens [lo, hi) of a side. */
size_t rl_ly_words_in(const rl_layout *lay, int side, uint32_t lo, uint32_t hi);
/* Is one-sided piece p a passage (blocks of its own, facing padding)? */
bool rl_ly_is_passage(const rl_layout *lay, const rl_piece *p);
/* Does passage p end with a sentence's head that goes on in piece n? */
bool rl_ly_ends_with_head(const rl_layout *lay, const rl_piece *p, const rl_piece *n);

/* ---------------------------------------------------------------- the rules (layout_slots.c) */

/* Does piece p go on in the open block although it starts a line (add_piece asks): glued to the
 * block's last word, after a list marker alone, beside a change that leads its paragraph (which
 * also restarts the drift count), a mark whose line starts beside the block's, or the rest of a
 * sentence whose head the block is? */
bool rl_ly_glued_to_block(const rl_layout *lay, const rl_piece *p);
bool rl_ly_marker_before(const rl_layout *lay, const rl_piece *p);
bool rl_ly_leads_paragraph(const rl_layout *lay, const rl_piece *p);
bool rl_ly_mark_beside_line(const rl_layout *lay, const rl_piece *p);
bool rl_ly_head_before_line(const rl_layout *lay, const rl_piece *p);

/* Where piece k of the pieces raw starts (make_blocks asks, before the piece is added): a block
 * of its own for a mark that heads the line of piece n (heads_line) or a sentence's head cut off
 * by a passage (head_before_passage); the open block for a unit that stands in the slot of the
 * one before (same_slot). */
bool rl_ly_heads_line(const rl_layout *lay, const rl_piece *p, const rl_piece *n);
bool rl_ly_head_before_passage(const rl_layout *lay, const piecevec *raw, size_t k);
bool rl_ly_same_slot(const rl_layout *lay, const piecevec *raw, size_t k);

#endif
