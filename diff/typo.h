/* typo.h: compounds written otherwise, no change under typography folding (internal to diff/).
 *
 * A compound may be written apart, hyphenated or joined: "open source" / "open-source",
 * "e-mail" / "email", "to-day" / "today". The tokenizer splits a compound at its hyphen, so the
 * exact script sees a hyphen inserted or deleted, or a rewrite of the words; under typography
 * folding (the default; --strict switches it off) this stage, run on the final op list, says
 * that the text did not change:
 *
 *  - written apart against hyphenated: a hyphen inserted or deleted between two kept words, the
 *    other side having whitespace there, joins the equal op before it, which then holds the
 *    hyphen on one side only (the same words on both sides, as a reader counts them);
 *  - joined against hyphenated: a replace whose compounds, hyphens left out, have the same keys
 *    on both sides, pair by pair, becomes one RL_OP_TYPO op per compound (the words
 *    differ as a word splitter counts them, so it cannot be an equal op); when only its
 *    first or last compounds are such, those are cut off it. Kept words of the same op become
 *    equal ops.
 *
 * Inside a moved passage, a hyphen written apart joins the move op before it in the same way;
 * replaces inside moves are left alone. */
#ifndef REDLINE_TYPO_H
#define REDLINE_TYPO_H

#include "ctx.h"

/* Rewrite ops as above; *folded receives how many compounds were folded. */
int rl_typo_fold(rl_ctx *c, rl_opvec *ops, size_t *folded);

#endif
