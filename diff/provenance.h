/* provenance.h: provenance of summary lines (internal to diff/; the public table is in align.h).
 *
 * A summary restates sentences of OLD out of their order: only the in-order part can stand beside
 * its source. This stage, run after pairing, finds for each unit of NEW (sentence, list item,
 * heading) that draws its words from OLD text other than the text it stands beside the OLD
 * sentences it draws them from. */
#ifndef REDLINE_PROVENANCE_H
#define REDLINE_PROVENANCE_H

#include "ctx.h"

/* The provenance links of ops (the final list, in reading order) into *out, sorted by NEW
 * position; *n their count (0 and NULL when none). Insert and replace ops are then cut where a
 * linked unit starts or ends in NEW, so that each carries the link of one unit. Linear in the texts:
 * OLD's sentences are found through an index of their rarer word stems, and the work is charged
 * to the context's shared budget (past it, later units get no link). */
int rl_sources_find(rl_ctx *c, rl_opvec *ops, rl_link **out, size_t *n);

/* Undo the pairings inside the linked units that apart[0..n) flags (v: the links, by NEW
 * position; ops already cut at them): each op over such a unit gives its OLD words as a deletion,
 * listed first, and its NEW words as an insertion (provenance_apart.c). RL_ENOMEM. */
int rl_sources_apart(rl_ctx *c, rl_opvec *ops, const rl_link *v, size_t n, const uint8_t *apart);

/* Might rl_sources_find link a unit of these ops: is there a unit of NEW that keeps less than
 * half of its words in place, holds enough content words to be linked, and two of them outside
 * the ops that keep words in place? (A window of two
 * long texts is compared alone only when not: the sources may be anywhere in OLD, window.h.)
 * *rc: RL_ENOMEM. */
bool rl_sources_wanted(const rl_ctx *c, const rl_opvec *ops, int *rc);

#endif
