/* cleanup_units.h: the cleanup of whole units, a stage of the pipeline (internal to diff/). Apart
 * from cleanup.h because it re-diffs regions (refine.h), and refine runs the cleanup of cleanup.h:
 * this one calls refine, refine never calls it. */
#ifndef REDLINE_CLEANUP_UNITS_H
#define REDLINE_CLEANUP_UNITS_H

#include "ctx.h"

/* Sentences deleted (or inserted) as a whole but still matched by coincidence in a word or two,
 * or merged into a neighbouring rewrite, are cut out as plain deletions (insertions) and the text
 * around them diffed again without them. For the whole texts, before moves. */
int rl_cleanup_units(rl_ctx *c, rl_opvec *ops);

/* The same for the script of one region re-diffed by a later stage (the moves' leftovers,
 * move.c): contiguous on both sides, no moves; parts of units at its edges count as units. */
int rl_cleanup_region(rl_ctx *c, rl_opvec *ops);
#endif
