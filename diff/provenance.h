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
 * position; *n their count (0 and NULL when none). asked: the caller has asked
 * rl_sources_may_link of these ops already (else it is asked here, before the set-up over OLD). Insert and replace ops are then cut where a
 * linked unit starts or ends in NEW, so that each carries the link of one unit. Linear in the texts:
 * OLD's sentences are found through an index of their rarer word stems, and the work is charged
 * to the context's shared budget (past it, later units get no link). */
int rl_sources_find(rl_ctx *c, rl_opvec *ops, bool asked, rl_link **out, size_t *n);

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

/* Might any unit of NEW's tokens [b0, b1) be linked to OLD at all, read from the tokens alone (no
 * context, no interner)? A link wants two stems of the unit's words outside the equal and moved
 * ops (ops: numbered from b0) that its source holds (free_shared), so not when fewer than two
 * stems of those words of NEW are the stem of any word of OLD. Asked before the stage builds its
 * set-up over the whole of OLD: false means rl_sources_find would find no link. The words
 * counted are a superset of the stage's (every word of OLD, every word of NEW but a function
 * word): a false is exact. *rc: RL_ENOMEM (then true). */
bool rl_sources_may_link(const rl_token *otok, uint32_t on, const char *otext,
                         const rl_token *ntok, uint32_t nn, const char *ntext, uint32_t b0,
                         uint32_t b1, const rl_op *ops, size_t nops, int *rc);

#endif
