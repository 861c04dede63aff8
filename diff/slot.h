/* slot.h: a unit replaced in its own slot is one rewrite (internal to diff/).
 *
 * Issue 10 point 7: "A rewrite pairs text only where the two sides share content words or stand
 * in the same sentence slot; otherwise they are a deletion and an insertion." The stages before
 * leave a heading renamed ("## What happens next" now "## Next steps") or an item rewritten as a
 * deletion of the old unit next to an insertion of the new one: each stage judged its words alone.
 * Where the two stand in one slot and share a content word, a reader sees one replaced by the
 * other, and so do the figures and --json. */
#ifndef REDLINE_SLOT_H
#define REDLINE_SLOT_H

#include "ctx.h"

/* A deletion and an insertion listed next to each other become one replace op when
 * - each is whole units of its side, and they stand in one slot: either one block each (from a
 *   block's start to the next one's), of one kind with one mark byte for byte (two items with
 *   the same bullet, two headings with the same "##"), the kept text before them in the block
 *   before each and the kept text after in the block after each; or sentences inside a paragraph
 *   that goes on, right between two kept ops on both sides;
 * - and they share a content word (by its stem).
 * The blocks' mark stays an equal op. Moves, flagged quotations and the texts' edges (no kept
 * text before or after) are left alone. After rl_tails_first (the ops in their final order),
 * before the sources stage: a replaced unit wants no source. */
int rl_slot_rewrites(rl_ctx *c, rl_opvec *ops);

#endif
