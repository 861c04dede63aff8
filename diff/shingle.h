/* shingle.h: where a moved passage may be, before anything is diffed (internal to diff/; the move
 * stage that uses it is move.h).
 *
 * A passage that moved leaves a deletion in one place and an insertion in another with most of
 * its words alike. Diffing every deletion against every insertion would be quadratic; this module
 * finds the few pairs of places worth diffing, in time linear in the size of the changed text.
 * The words of the ops that may give tokens to a move (the orphans) are cut into shingles, runs
 * of three words with a content word among them, content words taken by their stems ("cron"
 * and "crons" alike: a moved passage reworded at a high rate keeps few runs of exact words, and
 * whatever a stem lets through is only a candidate); NEW's shingles go into a hash table, OLD's are
 * looked up there, and hits that keep to one diagonal (the same passage, give or take the edits
 * inside it) are chained into candidates. A shingle found more than a few times is too common to
 * place and is not used, so a recurring phrase makes no candidate and no long list of hits.
 *
 * Whether a candidate is a move is for move.c to decide, with an exact diff of its two places:
 * this module only proposes. It is separate so that the search (hashing, the table, the chains)
 * and the verification (units, shares, carving the ops) can each be read on their own; neither
 * needs the other's internals beyond the two functions below. */
#ifndef REDLINE_SHINGLE_H
#define REDLINE_SHINGLE_H

#include <stddef.h>
#include <stdint.h>

#include "ctx.h"

/* Which ops of a list (no moves yet) may give tokens to a move: big changes (an insertion, a
 * deletion, a replace of more than a few words a side), the swaps next to them, and short equal
 * islands between two changes one of which is big. Never the runs between the swaps of a
 * paragraph spun in place, which stays where it is. *out: one byte per op, nonzero when it may;
 * RL_ORPHAN_OLD when only its OLD tokens may (OLD prose paired with a NEW list item: the bullet
 * that restates a paragraph which moved away keeps its words from the move, and is no move's
 * NEW half itself). The caller frees it. Set only on success. */
#define RL_ORPHAN_OLD 3
int rl_orphan_ops(const rl_ctx *c, const rl_opvec *ops, uint8_t **out);

/* The unit that starts the list item holding token t of side s (an item on a line of its own,
 * and the sentences that follow on in it), or UINT32_MAX when t is in no list item. */
uint32_t rl_item_of(const rl_ctx *c, int s, uint32_t t);

/* A candidate passage: OLD tokens [a0, a1) facing NEW tokens [b0, b1). */
typedef struct rl_span {
	uint32_t a0, a1, b0, b1;
} rl_span;

/* The candidate passages among the words of the ops that orphan (from rl_orphan_ops) marks
 * (shingles of three words, content words by their stems), each from its first shingle hit to
 * the end of its last, spanning at least min_words orphan words on each side; the biggest first (by the OLD orphan words a chain spans plus its hits), which is
 * the order move.c tries them in. None when either side has fewer than min_words orphan words.
 * *out (NULL when there are none) and *n are set only on success; the caller frees *out. */
int rl_move_candidates(const rl_ctx *c, const rl_opvec *ops, const uint8_t *orphan,
                       uint32_t min_words, rl_span **out, size_t *n);

/* The same with shingles of `width` words (2 or 3; rl_move_candidates takes 3), among the orphan
 * words that free_tok (per side, 1 where a token is still free; NULL: all) leaves: the second,
 * narrower pass over what the first pass's moves did not take. With stems, content words are
 * taken by their stems (rl_stem_hash: "cron" meets "crons", "execute" "executes"): a sentence
 * moved with most of its nouns and verbs inflected otherwise keeps no pair of words alike
 * (move.c's verify counts such variants as matched, so a candidate they place can pass). */
#define RL_SHINGLE_NARROW 2
int rl_move_candidates_in(const rl_ctx *c, const rl_opvec *ops, const uint8_t *orphan,
                          const uint8_t *const free_tok[2], unsigned width, bool stems,
                          uint32_t min_words, rl_span **out, size_t *n);

#endif
