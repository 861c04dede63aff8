/* cleanup_strays.h: a word or two of a unit kept far from the rest of its kept words (internal
 * to diff/). A stage of the pipeline, after the units cleanup and before moves: it reads the ops
 * as one script in order on both sides, which the moves stage no longer leaves. */
#ifndef REDLINE_CLEANUP_STRAYS_H
#define REDLINE_CLEANUP_STRAYS_H

#include "ctx.h"

/* A unit of NEW whose kept words stand in OLD paragraphs far apart keeps the run that carries
 * it; a word or two kept after that run, paragraphs further on in OLD (a bullet's "public"
 * paired with a "public pier" three paragraphs past its source), become inserted, drawn with
 * the rest of the unit's new words, and their OLD words deleted. For the whole texts. */
int rl_cleanup_strays(rl_ctx *c, rl_opvec *ops);
#endif
