/* align.c: two texts to an alignment (tokens, then the stages in order: pipeline.c), and the
 * alignment's accessors. */
#include "align.h"

#include <stdlib.h>
#include <string.h>

#include "pipeline.h"
#include "status.h"

struct rl_alignment {
	rl_diff_opts opts;
	rl_tokens *toks[2];
	rl_op *ops;
	size_t nops;
	rl_stats stats;
};

const char *rl_strerror(int status)
{
	switch (status) {
	case RL_OK: return "success";
	case RL_ENOMEM: return "out of memory";
	case RL_ETOOBIG: return "input too large";
	case RL_EINVAL: return "invalid argument";
	case RL_ECANCELED: return "canceled";
	default: return "unknown error";
	}
}

int rl_diff(rl_alignment **out, const char *old_text, size_t old_len, const char *new_text,
            size_t new_len, const rl_diff_opts *opts)
{
	return rl_diff_styled(out, old_text, old_len, new_text, new_len, opts, NULL);
}

int rl_diff_styled(rl_alignment **out, const char *old_text, size_t old_len, const char *new_text,
                   size_t new_len, const rl_diff_opts *opts, const rl_styles *styles)
{
	rl_alignment *al = calloc(1, sizeof *al);
	int rc;

	if (!al)
		return RL_ENOMEM;
	al->opts = *opts;
	if ((rc = rl_tokenize_wb(&al->toks[0], old_text, old_len, &opts->wordbreak)) != RL_OK ||
	    (rc = rl_tokenize_wb(&al->toks[1], new_text, new_len, &opts->wordbreak)) != RL_OK ||
	    (rc = rl_pipeline(al->toks, &al->opts, styles, &al->ops, &al->nops, &al->stats)) != RL_OK) {
		rl_alignment_free(al);
		return rc;
	}
	*out = al;
	return RL_OK;
}

void rl_alignment_free(rl_alignment *al)
{
	if (!al)
		return;
	rl_tokens_free(al->toks[0]);
	rl_tokens_free(al->toks[1]);
	free(al->ops);
	free(al);
}

const rl_tokens *rl_alignment_tokens(const rl_alignment *al, int side)
{
	return al->toks[side ? 1 : 0];
}

const rl_op *rl_alignment_ops(const rl_alignment *al, size_t *n)
{
	*n = al->nops;
	return al->ops;
}

const rl_stats *rl_alignment_stats(const rl_alignment *al)
{
	return &al->stats;
}

const rl_diff_opts *rl_alignment_opts(const rl_alignment *al)
{
	return &al->opts;
}

bool rl_alignment_same(const rl_alignment *al)
{
	return al->stats.ops[RL_OP_EQUAL] == al->nops;
}

void rl_op_bytes(const rl_alignment *al, const rl_op *op, int side, size_t *start, size_t *end)
{
	const rl_tokens *t = al->toks[side ? 1 : 0];
	const rl_token *v = rl_tokens_array(t);
	uint32_t lo = side ? op->b0 : op->a0, hi = side ? op->b1 : op->a1;

	if (lo >= hi) {
		size_t at = lo < rl_tokens_count(t) ? v[lo].off : rl_tokens_text_len(t);
		*start = *end = at;
		return;
	}
	*start = v[lo].off;
	*end = (size_t)v[hi - 1].off + v[hi - 1].len;
}

const char *rl_kind_name(rl_kind kind)
{
	static const char *const names[RL_OP_KINDS] = {"equal", "delete", "insert", "replace", "move",
	                                                "format"};
	return kind < RL_OP_KINDS ? names[kind] : "?";
}

rl_quote rl_op_side_quote(const rl_op *op, int side)
{
	if ((op->quote == RL_QUOTE_ADDED && side == RL_OLD) ||
	    (op->quote == RL_QUOTE_REMOVED && side == RL_NEW))
		return RL_QUOTE_NONE;
	return op->quote;
}

const char *rl_quote_name(rl_quote quote)
{
	switch (quote) {
	case RL_QUOTE_REMOVED: return "removed";
	case RL_QUOTE_ADDED: return "added";
	case RL_QUOTE_ALTERED: return "altered";
	case RL_QUOTE_ELIDED: return "elided";
	default: return NULL;
	}
}
