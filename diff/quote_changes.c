/* quote_changes.c: flagged ops grouped into the quotations they change (quote_changes.h). */
#include "quote_changes.h"

#include <string.h>

/* Does NEW start a paragraph anywhere in tokens (b0, b1]? */
static bool para_inside(const rl_token *tok, size_t ntok, uint32_t b0, uint32_t b1)
{
	for (uint32_t t = b0 + 1; t <= b1 && t < ntok; t++)
		if (tok[t].gap == RL_GAP_PARA)
			return true;
	return false;
}

/* Does side s hold a word in tokens [t0, t1)? */
static bool has_word(const rl_token *tok, uint32_t t0, uint32_t t1)
{
	for (uint32_t t = t0; t < t1; t++)
		if (tok[t].cls == RL_TOK_WORD)
			return true;
	return false;
}

static bool starts_change(const rl_op *op)
{
	return !op->move && op->quote != RL_QUOTE_NONE && op->quote < RL_QUOTE_KINDS;
}

size_t rl_quote_change_end(const rl_alignment *al, size_t k)
{
	size_t nops;
	const rl_op *ops = rl_alignment_ops(al, &nops);
	if (k >= nops || !starts_change(&ops[k]))
		return k + 1;
	const rl_tokens *nt = rl_alignment_tokens(al, RL_NEW);
	const rl_token *tok = rl_tokens_array(nt);
	size_t ntok = rl_tokens_count(nt), last = k;
	/* The side the quotation stands on: a change with no word there (OLD text deleted inside a
	 * new quotation, a full stop put inside it) does not end it. */
	bool in_old = ops[k].quote == RL_QUOTE_REMOVED;
	const rl_token *qtok = rl_tokens_array(rl_alignment_tokens(al, in_old ? RL_OLD : RL_NEW));
	for (size_t j = k + 1; j < nops; j++) {
		const rl_op *op = &ops[j];
		if (op->move)
			break;
		if (op->quote == ops[k].quote) {
			last = j;
			continue;
		}
		bool aside = !rl_op_unchanged(op) && !(in_old ? has_word(qtok, op->a0, op->a1)
		                                               : has_word(qtok, op->b0, op->b1));
		if (op->quote != RL_QUOTE_NONE || (!rl_op_unchanged(op) && !aside) ||
		    op->b1 - op->b0 >= RL_QUOTE_GAP_TOKENS || para_inside(tok, ntok, op->b0, op->b1))
			break;
	}
	return last + 1;
}

size_t rl_quote_changes_count(const rl_alignment *al, size_t counts[RL_QUOTE_KINDS])
{
	size_t nops, total = 0;
	const rl_op *ops = rl_alignment_ops(al, &nops);
	memset(counts, 0, RL_QUOTE_KINDS * sizeof *counts);
	/* An op that starts no change is passed here, not by a call that would say k + 1 (most ops:
	 * 85,905 calls on a 1 MB wrapped pair). */
	for (size_t k = 0; k < nops;) {
		if (!starts_change(&ops[k])) {
			k++;
			continue;
		}
		counts[ops[k].quote]++;
		total++;
		k = rl_quote_change_end(al, k);
	}
	return total;
}
