/* layout_types.h: the blocks and pieces of a layout and its options (part of the public model,
 * through layout.h). Apart from layout.h so that layout_impl.h, the layout's insides shared by
 * layout.c and layout_rows.c, uses them without depending on layout.h. */
#ifndef REDLINE_LAYOUT_TYPES_H
#define REDLINE_LAYOUT_TYPES_H

#include <stdbool.h>
#include <stdint.h>

/* Block flags. */
enum {
	RL_BLOCK_CHANGE = 1 << 0,  /* holds a change: change navigation stops here */
	RL_BLOCK_PARA = 1 << 1,    /* starts a paragraph on at least one side (a blank row first) */
};

typedef struct rl_block {
	uint32_t a0, a1, b0, b1;  /* token ranges of OLD and NEW */
	uint32_t piece0, piece1;  /* its pieces (op slices), see rl_layout_piece */
	uint8_t flags;            /* RL_BLOCK_* */
	uint8_t starts[2];        /* the side starts a paragraph or line here (else a soft start) */
} rl_block;

/* A piece: an op, or a slice of one, as it stands in reading order. A moved op gives two pieces,
 * one at its place in OLD (nothing in NEW) and one at its place in NEW. */
typedef struct rl_piece {
	uint32_t a0, a1, b0, b1;
	uint32_t op;
} rl_piece;

typedef struct rl_layout_opts {
	bool markers;  /* show changes with [- -] and {+ +} (for output without colour) */
} rl_layout_opts;

#endif
