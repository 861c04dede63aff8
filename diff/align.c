/* align.c: the pipeline from two texts to an alignment, and the alignment's accessors. */
#include "align.h"

#include <stdlib.h>
#include <string.h>

#include "status.h"

struct rl_alignment {
	rl_diff_opts opts;
	rl_tokens *toks[2];
	rl_op *ops;
	size_t nops, capops;
	rl_stats stats;
};

const char *rl_strerror(int status)
{
	switch (status) {
	case RL_OK: return "success";
	case RL_ENOMEM: return "out of memory";
	case RL_ETOOBIG: return "input too large";
	case RL_EINVAL: return "invalid argument";
	default: return "unknown error";
	}
}

/* The compared tokens of one side: their ids, and for each its real token index. Tokens that are
 * not compared (RL_ID_NONE) are left out here and folded into neighbouring ops afterwards. */
typedef struct cside {
	uint32_t *ids;   /* per token */
	uint32_t *cids;  /* compared ids */
	uint32_t *tok;   /* compared position -> token index */
	uint8_t *chg;    /* per compared position */
	size_t n, nc;
} cside;

static void side_free(cside *s)
{
	free(s->ids);
	free(s->cids);
	free(s->tok);
	free(s->chg);
}

static int side_init(cside *s, rl_interner *in, const rl_tokens *toks)
{
	s->n = rl_tokens_count(toks);
	int rc = rl_intern(in, toks, &s->ids);
	if (rc != RL_OK)
		return rc;
	s->cids = malloc((s->n + 1) * sizeof *s->cids);
	s->tok = malloc((s->n + 1) * sizeof *s->tok);
	s->chg = malloc(s->n + 1);
	if (!s->cids || !s->tok || !s->chg)
		return RL_ENOMEM;
	for (size_t i = 0; i < s->n; i++) {
		if (s->ids[i] == RL_ID_NONE)
			continue;
		s->cids[s->nc] = s->ids[i];
		s->tok[s->nc] = (uint32_t)i;
		s->nc++;
	}
	return RL_OK;
}

static int push_op(rl_alignment *al, const rl_op *op)
{
	if (al->nops == al->capops) {
		size_t c = al->capops ? al->capops * 2 : 64;
		rl_op *v = realloc(al->ops, c * sizeof *v);
		if (!v)
			return RL_ENOMEM;
		al->ops = v;
		al->capops = c;
	}
	al->ops[al->nops++] = *op;
	return RL_OK;
}

/* Turn the change marks into ops over compared positions: runs kept on both sides are equal, and
 * the changed positions between two kept runs form one delete, insert or replace. */
static int build_ops(rl_alignment *al, const cside *a, const cside *b)
{
	size_t i = 0, j = 0;

	while (i < a->nc || j < b->nc) {
		rl_op op = {0};
		op.a0 = (uint32_t)i, op.b0 = (uint32_t)j;
		if (i < a->nc && j < b->nc && !a->chg[i] && !b->chg[j]) {
			while (i < a->nc && j < b->nc && !a->chg[i] && !b->chg[j])
				i++, j++;
			op.kind = RL_OP_EQUAL;
		} else {
			while (i < a->nc && a->chg[i])
				i++;
			while (j < b->nc && b->chg[j])
				j++;
			op.kind = i == op.a0 ? RL_OP_INSERT : j == op.b0 ? RL_OP_DELETE : RL_OP_REPLACE;
		}
		op.a1 = (uint32_t)i, op.b1 = (uint32_t)j;
		if (push_op(al, &op) != RL_OK)
			return RL_ENOMEM;
	}
	return RL_OK;
}

/* Map op ranges from compared positions to token indices. Each op starts at its first compared
 * token (an op with nothing on a side starts where the next op does) and runs up to where the next
 * op starts, so uncompared tokens join the op before them and the ops tile both texts. */
static void to_token_ranges(rl_alignment *al, const cside *a, const cside *b)
{
	uint32_t next_a = (uint32_t)a->n, next_b = (uint32_t)b->n;

	for (size_t k = al->nops; k-- > 0;) {
		rl_op *op = &al->ops[k];
		uint32_t sa = op->a1 > op->a0 ? a->tok[op->a0] : next_a;
		uint32_t sb = op->b1 > op->b0 ? b->tok[op->b0] : next_b;
		op->a0 = sa, op->a1 = next_a;
		op->b0 = sb, op->b1 = next_b;
		next_a = sa, next_b = sb;
	}
	/* Uncompared tokens before everything join the first op that has tokens on their side. */
	for (size_t k = 0; k < al->nops && next_a > 0; k++) {
		if (al->ops[k].a1 > al->ops[k].a0) {
			al->ops[k].a0 = 0;
			break;
		}
		al->ops[k].a0 = al->ops[k].a1 = 0;
	}
	for (size_t k = 0; k < al->nops && next_b > 0; k++) {
		if (al->ops[k].b1 > al->ops[k].b0) {
			al->ops[k].b0 = 0;
			break;
		}
		al->ops[k].b0 = al->ops[k].b1 = 0;
	}
}

/* A side whose tokens are all uncompared (only punctuation, under ignore_punct) has no op of its
 * own yet: give its tokens to an equal op in front, with nothing on the other side, so that the ops
 * still tile it. The texts compare equal there: there was nothing to compare. */
static int cover_uncompared(rl_alignment *al, const cside *a, const cside *b)
{
	bool bare_a = a->nc == 0 && a->n > 0, bare_b = b->nc == 0 && b->n > 0;

	if (!bare_a && !bare_b)
		return RL_OK;
	if (push_op(al, &(rl_op){0}) != RL_OK)
		return RL_ENOMEM;
	memmove(al->ops + 1, al->ops, (al->nops - 1) * sizeof *al->ops);
	rl_op *first = &al->ops[0];
	*first = (rl_op){.kind = RL_OP_EQUAL};
	if (bare_a)
		first->a1 = (uint32_t)a->n;
	if (bare_b)
		first->b1 = (uint32_t)b->n;
	for (size_t k = 1; k < al->nops; k++) {
		if (bare_a)
			al->ops[k].a0 = al->ops[k].a1 = (uint32_t)a->n;
		if (bare_b)
			al->ops[k].b0 = al->ops[k].b1 = (uint32_t)b->n;
	}
	return RL_OK;
}

static size_t words_in(const rl_tokens *t, uint32_t lo, uint32_t hi)
{
	const rl_token *v = rl_tokens_array(t);
	size_t w = 0;
	for (uint32_t i = lo; i < hi; i++)
		w += v[i].cls == RL_TOK_WORD;
	return w;
}

static void count_stats(rl_alignment *al)
{
	rl_stats *st = &al->stats;

	st->words[0] = rl_tokens_words(al->toks[0]);
	st->words[1] = rl_tokens_words(al->toks[1]);
	for (size_t k = 0; k < al->nops; k++) {
		const rl_op *op = &al->ops[k];
		size_t wa = words_in(al->toks[0], op->a0, op->a1);
		size_t wb = words_in(al->toks[1], op->b0, op->b1);
		st->ops[op->kind]++;
		st->quotes += op->quote != RL_QUOTE_NONE;
		if (op->move)
			st->moved += wa;
		switch (op->kind) {
		case RL_OP_EQUAL: case RL_OP_MOVE: st->kept += wa; break;
		case RL_OP_DELETE: st->deleted += wa; break;
		case RL_OP_INSERT: st->inserted += wb; break;
		case RL_OP_REPLACE: st->replaced[0] += wa, st->replaced[1] += wb; break;
		default: break;
		}
	}
}

static int align_exact(rl_alignment *al)
{
	rl_interner *in = NULL;
	cside a = {0}, b = {0};
	rl_myers_opts mo = al->opts.myers;
	rl_myers_stats ms;
	int rc;

	mo.minimal = mo.minimal || al->opts.minimal;
	if ((rc = rl_interner_new(&in, &al->opts.key)) != RL_OK)
		return rc;
	if ((rc = side_init(&a, in, al->toks[0])) != RL_OK ||
	    (rc = side_init(&b, in, al->toks[1])) != RL_OK)
		goto out;
	rc = rl_myers(a.cids, a.nc, b.cids, b.nc, rl_interner_count(in), &mo, a.chg, b.chg, &ms);
	if (rc != RL_OK)
		goto out;
	if ((rc = build_ops(al, &a, &b)) != RL_OK)
		goto out;
	to_token_ranges(al, &a, &b);
	if ((rc = cover_uncompared(al, &a, &b)) != RL_OK)
		goto out;
	al->stats.anchors = ms.anchors;
	al->stats.bound_hits = ms.bound_hits;
out:
	side_free(&a);
	side_free(&b);
	rl_interner_free(in);
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
	if ((rc = rl_tokenize(&al->toks[0], old_text, old_len)) != RL_OK ||
	    (rc = rl_tokenize(&al->toks[1], new_text, new_len)) != RL_OK ||
	    (rc = align_exact(al)) != RL_OK) {
		rl_alignment_free(al);
		return rc;
	}
	count_stats(al);
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
