/* pair.h: sentence pairing for heavy rewrites (internal to diff/).
 *
 * A bullet-point summary shares almost no word sequence with its source: the word diff matches
 * names and numbers across unrelated sentences and leaves the rest as one long change.
 * rl_pair_sentences finds the regions where the changes dominate (runs of ops between sentences
 * that are mostly kept), pairs the units of NEW there with the units of OLD they draw the most
 * content words from (weighted by rarity; a monotone chain, one OLD unit to several NEW ones and
 * several OLD units to one NEW allowed), then diffs word by word inside each pair. Unpaired units
 * are plain deletions and insertions.
 *
 * Never quadratic: candidate pairs come from an inverted index of each region's OLD words, a
 * word found in too many units is not followed, and each NEW unit keeps its few best candidates;
 * the chain is a longest-path search over the candidates in O(C log C). */
#ifndef REDLINE_PAIR_H
#define REDLINE_PAIR_H

#include "ctx.h"

int rl_pair_sentences(rl_ctx *c, rl_opvec *ops);

/* Merge neighbouring ops that read as one: equal ops, deletions or insertions (or one move's move
 * ops) that continue each other (insertions that follow each other in NEW wherever each stood
 * in OLD, deletions likewise), and empty ops dropped. Outside moves, the place of an op on a
 * side it has no tokens on never goes back before the end of the op before it there (a stage
 * that gave a passage to a move and had it settled back in place may leave one behind), nor, in
 * NEW, before the end of a move group listed before it. */
int rl_normalize(rl_opvec *ops);

/* Under ignore_punct, make equal every op that holds no compared token on either side: there
 * was nothing to compare, as the exact diff says of such a range. A stage may cut one out of a
 * change (the quotation stage cuts "said. “" → "mentioned. “" where the quotation starts, leaving
 * "“" → "“", drawn as a deletion and an insertion of the same mark). Before rl_normalize, which
 * merges it with the equal ops beside it. */
void rl_bare_equal(const rl_ctx *c, rl_opvec *ops);

#endif
