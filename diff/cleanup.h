/* cleanup.h: the readability cleanup of an op list (internal to diff/).
 *
 * A minimal word diff of rewritten prose is a comb: "the", "of", a comma matched by coincidence
 * between real changes. rl_cleanup dissolves such equalities into one rewrite, the way
 * diff-match-patch's semantic cleanup does for characters, but keeps what a reader relies on:
 * runs of three words or more, names, numbers, sentence ends, anything in a sentence that is
 * otherwise unchanged, and the function words between the one-word swaps of a spun text (which are
 * true, and which the classic rule erases). rl_slide then shifts away an equality between two
 * changes that a one-sided change beside it repeats ("{+X+} in {+Y in+}" is "{+X in Y+} in"), and
 * moves each insertion or deletion, where the text allows it, so that it starts and ends at a
 * sentence or line boundary. */
#ifndef REDLINE_CLEANUP_H
#define REDLINE_CLEANUP_H

#include "ctx.h"

/* An equal run of at most this many words can be a coincidence; longer runs are anchors. */
#define RL_WEAK_WORDS 2

/* A unit faces a unit of the other side only if neither is longer than the other by more than
 * this factor (in words). */
#define RL_FACING_RATIO (2.0 / 3.0)

/* A replace of at most this many words a side is a swap ("Top" -> "High", "instead" -> "as an
 * alternative"). */
#define RL_SWAP_WORDS 3

/* A change bigger than a swap: a replace of more than a few words on a side, or a one-sided change
 * with any words. Inline: the units stage asks it of every change op of the list on each side
 * (136,624 calls on a 1 MB wrapped pair, where a call across files cost half its work). */
static inline bool rl_heavy_op(const rl_ctx *c, const rl_op *op)
{
	uint32_t wa = rl_op_words(c, op, RL_OLD), wb = rl_op_words(c, op, RL_NEW);
	if (op->kind != RL_OP_REPLACE)
		return wa + wb > 0;
	return wa > RL_SWAP_WORDS || wb > RL_SWAP_WORDS;
}

/* Rewrite ops (no moves yet) covering contiguous ranges of both texts. */
int rl_cleanup(rl_ctx *c, rl_opvec *ops);
int rl_slide(rl_ctx *c, rl_opvec *ops);

/* A replace that runs over sentence or line starts on one side while the other stays in one unit
 * is cut there: the whole units deleted (inserted) before or after the rewrite are an op of their
 * own, and the rewrite keeps only the part in the sentence it shares with its neighbour. */
int rl_split_at_units(rl_ctx *c, rl_opvec *ops);

/* A word or two matched out of a URL whose other words all changed, with a word outside any
 * URL, joins the changes on either side of it into one rewrite: the "tools" of a deleted
 * "http://tools.kali.org/tools-listing" paired with the "tools" of an added
 * <ref name="tools" />. It runs once the moves and the sentence pairs are found (on the final
 * list, no region left to re-diff): a rewrite there would have handed the moves stage a deleted
 * citation to carry, piece by piece, onto a citation rewritten in place. */
int rl_url_strays(rl_ctx *c, rl_opvec *ops);

#endif
