/* align.c: the pipeline from two texts to an alignment, and the alignment's accessors.
 *
 * tokens -> ids -> exact script (myers) -> swaps and cleanup (rewrite, cleanup) -> moves (move)
 * -> sentence pairing (pair) -> quotation flags (quote). Each stage after the exact script is
 * switched by rl_diff_opts.stages; --minimal stops at the exact script. */
#include "align.h"

#include <stdlib.h>
#include <string.h>

#include "cleanup.h"
#include "move.h"
#include "pair.h"
#include "quote.h"
#include "stage.h"
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

/* The figures, from the ops and the contexts' word counts (a compound's parts are one word). */
static void count_stats(rl_alignment *al, const rl_ctx *c)
{
	rl_stats *st = &al->stats;
	uint32_t last_move = 0;

	st->words[0] = rl_words(c, RL_OLD, 0, c->side[RL_OLD].n);
	st->words[1] = rl_words(c, RL_NEW, 0, c->side[RL_NEW].n);
	for (size_t k = 0; k < al->nops; k++) {
		const rl_op *op = &al->ops[k];
		size_t wa = rl_op_words(c, op, RL_OLD), wb = rl_op_words(c, op, RL_NEW);
		st->ops[op->kind]++;
		st->quotes += op->quote != RL_QUOTE_NONE;
		st->quote_ops[op->quote < RL_QUOTE_KINDS ? op->quote : 0]++;
		if (op->move) {
			st->moved += wa;
			/* The ops of one move are listed together. */
			st->moves += op->move != last_move;
			last_move = op->move;
		}
		switch (op->kind) {
		case RL_OP_EQUAL: case RL_OP_MOVE: st->kept += wa; break;
		case RL_OP_DELETE: st->deleted += wa; break;
		case RL_OP_INSERT: st->inserted += wb; break;
		case RL_OP_REPLACE: st->replaced[0] += wa, st->replaced[1] += wb; break;
		default: break;
		}
	}
}

/* RL_ECANCELED when the caller asked to stop (checked between stages; the exact engine, where
 * the time goes, also checks as it works). */
static int go_on(const rl_diff_opts *o)
{
	const rl_cancel *k = o->myers.cancel;
	return k && k->asked(k->ctx) ? RL_ECANCELED : RL_OK;
}

/* The exact script, then each readability stage that is on. */
static int align_texts(rl_alignment *al)
{
	rl_ctx c;
	rl_opvec ops = {0};
	int rc = rl_ctx_init(&c, al->toks[0], al->toks[1], &al->opts);

	if (rc == RL_OK)
		rc = rl_ctx_refine(&c, 0, c.side[0].n, 0, c.side[1].n, &ops);
	if (rc == RL_OK && (c.stages & RL_STAGE_CLEANUP) && (rc = go_on(&al->opts)) == RL_OK)
		rc = rl_cleanup_units(&c, &ops);
	if (rc == RL_OK && (c.stages & RL_STAGE_MOVES) && (rc = go_on(&al->opts)) == RL_OK)
		rc = rl_moves(&c, &ops);
	if (rc == RL_OK && (c.stages & RL_STAGE_SENTENCES) && (rc = go_on(&al->opts)) == RL_OK)
		rc = rl_pair_sentences(&c, &ops);
	if (rc == RL_OK && (c.stages & RL_STAGE_QUOTES) && (rc = go_on(&al->opts)) == RL_OK)
		rc = rl_quotes_flag(&c, &ops);
	if (rc == RL_OK && c.stages)
		rc = rl_normalize(&ops);
	if (rc == RL_OK) {
		al->ops = ops.v;
		al->nops = ops.n;
		ops.v = NULL;
		al->stats.anchors = c.anchors;
		al->stats.bound_hits = c.bound_hits;
		al->stats.quotations[0] = c.side[0].nquotes;
		al->stats.quotations[1] = c.side[1].nquotes;
		count_stats(al, &c);
	}
	rl_opvec_free(&ops);
	rl_ctx_release(&c);
	return rc;
}

int rl_diff(rl_alignment **out, const char *old_text, size_t old_len, const char *new_text,
            size_t new_len, const rl_diff_opts *opts)
{
	rl_alignment *al = calloc(1, sizeof *al);
	int rc;

	if (!al)
		return RL_ENOMEM;
	al->opts = *opts;
	if ((rc = rl_tokenize_wb(&al->toks[0], old_text, old_len, &opts->wordbreak)) != RL_OK ||
	    (rc = rl_tokenize_like(&al->toks[1], new_text, new_len, &opts->wordbreak,
	                           opts->minimal || opts->no_skip ? NULL : al->toks[0])) != RL_OK ||
	    (rc = align_texts(al)) != RL_OK) {
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
	static const char *const names[RL_OP_KINDS] = {"equal", "delete", "insert", "replace", "move"};
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
