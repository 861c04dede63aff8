/* refine.h: the readable script between two token ranges (internal to diff/): the exact script
 * (rl_ctx_exact), then the swap and cleanup stages that are on. Used by the pipeline for the whole
 * texts and by the later stages (cleanup of units, moves, sentence pairs) inside regions, sentence
 * pairs and moved passages; it calls the stages that rewrite one list (rewrite, cleanup, cjk), never
 * one that calls it back. */
#ifndef REDLINE_REFINE_H
#define REDLINE_REFINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctx.h"

/* The readable script between two ranges: the exact script, then the swap and cleanup stages that
 * are on. Used for the whole texts and again inside sentence pairs and moved passages. */
int rl_ctx_refine(rl_ctx *c, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1, rl_opvec *out);

/* The same with a hole: tokens [h0, h1) of side hs (a unit known to be deleted, or inserted)
 * take no part in the diff and come out as one op of their own. hs < 0: no hole. */
int rl_ctx_refine_hole(rl_ctx *c, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1, int hs,
                       uint32_t h0, uint32_t h1, rl_opvec *out);

/* A hole: tokens [h0, h1) of side s left out of a diff. */
typedef struct rl_hole {
	int s;
	uint32_t h0, h1;
} rl_hole;

/* The same with several holes, on either side, none overlapping another: a region mended once
 * keeps its first hole out when it is diffed again for the next (rl_cleanup_region). */
int rl_ctx_refine_holes(rl_ctx *c, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1,
                        const rl_hole *holes, size_t nholes, rl_opvec *out);

/* The token of side !s that equal op `op` pairs with token t of side s (*out): at the same offset
 * when every token is compared; under ignore_punct, where an equal op's two sides may differ in
 * length, its compared tokens in order (punctuation has no partner: false). */
bool rl_partner(const rl_ctx *c, const rl_op *op, int s, uint32_t t, uint32_t *out);

/* Where the point before token t of side s, inside equal op `op`, falls on the other side (under
 * ignore_punct: before the next compared token's partner, with the marks that lead to it). */
uint32_t rl_point_across(const rl_ctx *c, const rl_op *op, int s, uint32_t t);

#endif
