/* layout_impl.h: the layout's insides, shared by its two halves: layout.c cuts the alignment
 * into pieces and blocks (once per alignment), layout_rows.c wraps a block into rows (per block
 * and width). Not for other modules: they go through layout.h. */
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

#endif
