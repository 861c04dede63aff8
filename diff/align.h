/* align.h: the engine's public interface. Two texts in, one alignment out.
 *
 * An alignment is a list of ops in reading order. Each op covers a token range of OLD and of NEW;
 * together the ops tile both texts (every token lies in exactly one op on its side), and apart from
 * moves they advance through both texts in step. The ops of a moved passage share a move id: its
 * kept runs are RL_OP_MOVE ops, the edits inside it ordinary ops with the id; they are listed
 * where the passage stands in NEW. This is the model: the JSON printer writes it, the layout lays
 * it out, the viewer walks it. The model's types (rl_op, rl_diff_opts, rl_stats) are in ops.h,
 * which this header includes. */
#ifndef REDLINE_ALIGN_H
#define REDLINE_ALIGN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ops.h"

/* Provenance links (rl_link, in ops.h): a unit of NEW drawn from OLD text elsewhere. */

typedef struct rl_alignment rl_alignment;

/* Align old_text[0..old_len) with new_text[0..new_len). Both buffers are borrowed and must outlive
 * *out. Returns RL_OK and sets *out, or an error status leaving *out untouched. */
int rl_diff(rl_alignment **out, const char *old_text, size_t old_len, const char *new_text,
            size_t new_len, const rl_diff_opts *opts);
void rl_alignment_free(rl_alignment *al);

/* Styles (rl_style_span, rl_styles in ops.h): what the caller knows of a text's formatting. */

/* rl_diff, then the equal ops (not moved) are cut where their paired words differ in style:
 * those stretches become RL_OP_FORMAT ops (same words, formatting changed); and where a word of
 * an exact span differs in its bytes from its pair, it becomes a RL_OP_REPLACE op (code is
 * compared verbatim). Words that changed stay what they were (a rewrite re-emphasised is a
 * rewrite). styles: two entries, OLD and NEW, or NULL (then this is rl_diff). The spans are
 * read during the call only. */
int rl_diff_styled(rl_alignment **out, const char *old_text, size_t old_len, const char *new_text,
                   size_t new_len, const rl_diff_opts *opts, const rl_styles *styles);

/* The tokens of RL_OLD or RL_NEW, borrowed from the alignment. */
const rl_tokens *rl_alignment_tokens(const rl_alignment *al, int side);
/* The ops in reading order, borrowed; *n receives their count. */
const rl_op *rl_alignment_ops(const rl_alignment *al, size_t *n);
const rl_stats *rl_alignment_stats(const rl_alignment *al);
/* The options the alignment was made with. */
const rl_diff_opts *rl_alignment_opts(const rl_alignment *al);
/* True when the texts do not differ under the comparison options (every op is equal, or a
 * compound written otherwise: RL_OP_TYPO). */
bool rl_alignment_same(const rl_alignment *al);

/* The bytes an op covers on one side: [*start, *end). Empty ranges give start == end. */
void rl_op_bytes(const rl_alignment *al, const rl_op *op, int side, size_t *start, size_t *end);

/* The provenance links in order of NEW, borrowed; *n receives their count (0 when the sources
 * stage is off or found none). Units never overlap. */
const rl_link *rl_alignment_sources(const rl_alignment *al, size_t *n);
/* The links of the units an op's NEW range overlaps: returns their count and sets *first to the
 * first (they are consecutive in the table); 0 for an op with no NEW token. */
size_t rl_op_sources(const rl_alignment *al, const rl_op *op, const rl_link **first);
/* The link of the NEW unit holding NEW token t, or NULL. */
const rl_link *rl_source_at(const rl_alignment *al, uint32_t t);
/* The bytes of tokens [t0, t1) of one side: [*start, *end). */
void rl_range_bytes(const rl_alignment *al, int side, uint32_t t0, uint32_t t1, size_t *start,
                    size_t *end);

/* Does an op show no change to a reader: kept in place, or a compound written otherwise
 * (RL_OP_TYPO, made only under typography folding)? */
static inline bool rl_op_unchanged(const rl_op *op)
{
	return (op->kind == RL_OP_EQUAL || op->kind == RL_OP_TYPO) && !op->move;
}

/* Name of a kind as the JSON contract spells it: "equal", "delete", ... */
const char *rl_kind_name(rl_kind kind);
/* Name of a quote flag: "removed", "added", "altered", "elided" (NULL for none). */
const char *rl_quote_name(rl_quote quote);
/* The quote flag of op as drawn on one side (RL_OLD or RL_NEW): an added quotation is not one on
 * OLD's side of a replace, a removed one not on NEW's. */
rl_quote rl_op_side_quote(const rl_op *op, int side);

#endif
