/* align.c: two texts to an alignment (tokens, then the stages in order: pipeline.c), and the
 * alignment's accessors. */
#include "align.h"

#include <stdlib.h>
#include <string.h>

#include "pipeline.h"
#include "status.h"
#include "window.h"
#include "wordbreak.h"

struct rl_alignment {
	rl_diff_opts opts;
	rl_tokens *toks[2];
	rl_op *ops;
	size_t nops;
	rl_link *srcs;  /* provenance links, in order of NEW */
	size_t nsrcs;
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
	/* The word breaker asked only about the lines that changed (wordbreak.h); --minimal, which
	 * is exact, has every run broken. */
	rl_wb_lines lines;
	rl_wordbreak wb[2] = {opts->wordbreak, opts->wordbreak};
	bool by_line = opts->wordbreak.fn && !opts->minimal;
	if (by_line) {
		rl_wb_lines_init(&lines, &opts->wordbreak, old_text, old_len, new_text, new_len);
		wb[0] = rl_wb_lines_side(&lines, 0);
		wb[1] = rl_wb_lines_side(&lines, 1);
	}
	rc = rl_tokenize_wb(&al->toks[0], old_text, old_len, &wb[0]);
	if (rc == RL_OK)
		rc = rl_tokenize_like(&al->toks[1], new_text, new_len, &wb[1],
		                      opts->minimal || opts->no_skip ? NULL : al->toks[0]);
	if (by_line)
		rl_wb_lines_free(&lines);
	/* Around the changes of a long text alone when it can be (window.h), else the whole. */
	bool done = false;
	if (rc == RL_OK)
		rc = rl_pipeline_windows(al->toks, &al->opts, styles, &done, &al->ops, &al->nops,
		                         &al->srcs, &al->nsrcs, &al->stats);
	if (rc != RL_OK ||
	    (!done && (rc = rl_pipeline(al->toks, &al->opts, styles, &al->ops, &al->nops, &al->srcs,
	                                &al->nsrcs, &al->stats)) != RL_OK)) {
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
	free(al->srcs);
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

const rl_link *rl_alignment_sources(const rl_alignment *al, size_t *n)
{
	*n = al->nsrcs;
	return al->srcs;
}

size_t rl_op_sources(const rl_alignment *al, const rl_op *op, const rl_link **first)
{
	*first = NULL;
	if (op->b1 <= op->b0 || al->nsrcs == 0)
		return 0;
	/* The first link that ends after the op starts. */
	size_t lo = 0, hi = al->nsrcs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (al->srcs[mid].b1 <= op->b0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t k = lo;
	while (k < al->nsrcs && al->srcs[k].b0 < op->b1)
		k++;
	if (k > lo)
		*first = &al->srcs[lo];
	return k - lo;
}

const rl_link *rl_source_at(const rl_alignment *al, uint32_t t)
{
	size_t lo = 0, hi = al->nsrcs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (al->srcs[mid].b1 <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < al->nsrcs && al->srcs[lo].b0 <= t ? &al->srcs[lo] : NULL;
}

void rl_range_bytes(const rl_alignment *al, int side, uint32_t t0, uint32_t t1, size_t *start,
                    size_t *end)
{
	rl_op op = {t0, t1, t0, t1, 0, RL_OP_EQUAL, 0};
	rl_op_bytes(al, &op, side, start, end);
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
	return al->stats.ops[RL_OP_EQUAL] + al->stats.ops[RL_OP_TYPO] == al->nops;
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
	                                                "format", "typographic"};
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
