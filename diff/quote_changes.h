/* quote_changes.h: the quotations an alignment changes, as a reader counts them (public, over
 * the ops of align.h).
 *
 * The quotes stage flags ops (rl_op.quote); a quotation with forty synonyms swapped inside holds
 * forty flagged ops but is one altered quotation. Grouping the flagged ops into quotations is
 * alignment knowledge that every view needs the same: the change list (--changes, --stat,
 * --html, --json) and the viewer's status line count the same quotations through these. */
#ifndef REDLINE_QUOTE_CHANGES_H
#define REDLINE_QUOTE_CHANGES_H

#include <stddef.h>

#include "align.h"

/* Equal text between two flagged ops of one quotation is shorter than this (in NEW tokens);
 * longer, or across a paragraph break of NEW, and they are two quotations. A quotation rarely
 * runs past a long sentence. */
#define RL_QUOTE_GAP_TOKENS 40

/* The quotation change starting at op k (ops[k].quote set and not moved: a moved passage is a
 * change of its own): returns the op after it. Its ops are the flagged ops of ops[k]'s kind with
 * only short unchanged text between them in one paragraph, or changes with no word on the side
 * the quotation stands on (OLD deleted inside a new quotation: a change of its own, listed
 * apart). For any other op: k + 1. */
size_t rl_quote_change_end(const rl_alignment *al, size_t k);

/* How many quotations are changed, by kind: counts[q] for each rl_quote q (counts[0]: 0).
 * Returns their total. */
size_t rl_quote_changes_count(const rl_alignment *al, size_t counts[RL_QUOTE_KINDS]);

#endif
