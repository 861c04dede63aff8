/* cleanup_units_stage.h: what the two files of the cleanup of whole units (cleanup_units.h)
 * share, internal to them:
 *
 *   cleanup_units.c   units gone: sentences deleted or inserted as a whole but matched by
 *                     coincidence, cut out and the text around them diffed again; rewritten
 *                     neighbours paired; the same inside a region re-diffed (rl_cleanup_region);
 *                     rl_cleanup_units, which runs the passes
 *   cleanup_splits.c  a line split by a stray: a word or two kept on their own that carry the
 *                     rest of a line into another line on the other side (rl_cu_mend_splits)
 *
 * Not a public face: only these two files include it. Both re-diff a region between solid equal
 * ops and take the new script by the content words it keeps; those tests are inline here, as
 * they were in the one file. */
#ifndef REDLINE_CLEANUP_UNITS_STAGE_H
#define REDLINE_CLEANUP_UNITS_STAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctx.h"

/* A region re-diffed around a gone unit reaches out to an equal op of this many words on each
 * side (an anchor the coincidences cannot have displaced), or this many ops at most. */
#define RL_CU_SOLID_WORDS 3
#define RL_CU_REGION_OPS_MAX 64

/* Is op an equal op of RL_CU_SOLID_WORDS words or more: an anchor a region stops at? */
static inline bool rl_cu_solid(const rl_ctx *c, const rl_op *op)
{
	return op->kind == RL_OP_EQUAL && rl_op_words(c, op, RL_OLD) >= RL_CU_SOLID_WORDS;
}

/* Content words matched in a list of ops. */
static inline uint32_t rl_cu_content_kept(const rl_ctx *c, const rl_op *v, size_t n)
{
	uint32_t w = 0;
	for (size_t k = 0; k < n; k++)
		if (v[k].kind == RL_OP_EQUAL)
			for (uint32_t t = v[k].a0; t < v[k].a1; t++)
				w += rl_is_content(c, RL_OLD, t);
	return w;
}

/* The lines split by a stray mended, before the round's tries reach `end` (rl_ctx_tries_end):
 * each such word or two's region between solid equal ops diffed again, then without them, the
 * new script taken when it keeps more words, or as many (as many content words) with fewer
 * splits. */
int rl_cu_mend_splits(rl_ctx *c, rl_opvec *ops, uint64_t end);

#endif
