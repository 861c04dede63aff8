/* changelist.c: the changes of substance, from the ops in reading order. */
#include "changelist.h"

#include <stdlib.h>
#include <string.h>

#include "hunks.h"
#include "quote_changes.h"
#include "status.h"

typedef struct move_span {
	size_t first, last;  /* its first and last op */
	uint32_t r[4];       /* token ranges a0 a1 b0 b1 */
	bool reworded;
} move_span;

typedef struct ctx {
	const rl_alignment *al;
	const rl_op *ops;
	size_t nops;
	const rl_token *tok[2];
	const char *text[2];
	rl_where where[2];
	move_span *moves;  /* by move id */
	rl_changelist *cl;
	size_t cap;
	size_t quote_end;  /* flagged ops before it belong to a quotation already listed */
	size_t tail_end;   /* plain ops before it are the tail of a passage already listed */
} ctx;

static bool sentence_end(const ctx *c, int s, uint32_t t)
{
	const rl_token *tk = &c->tok[s][t];
	const char *p = c->text[s] + tk->off;
	if (tk->cls != RL_TOK_PUNCT)
		return false;
	/* not an ellipsis: it marks a cut inside a sentence as often as an end */
	if (tk->len != 1 || !p[0] || !strchr(".!?", p[0]))
		return false;
	/* nor the stop of a list item's number at the start of its line ("4. Add a session") */
	const rl_token *prev = t > 0 ? &c->tok[s][t - 1] : NULL;
	return !(p[0] == '.' && prev && tk->gap == RL_GAP_NONE && prev->cls == RL_TOK_WORD &&
	         (t == 1 || prev->gap >= RL_GAP_BREAK) &&
	         ((prev->flags & RL_TF_DIGIT) ? prev->len <= 3 : prev->len == 1));
}

/* Words and sentence ends of tokens [t0, t1) of a side. */
static void count(const ctx *c, int s, uint32_t t0, uint32_t t1, uint32_t *words,
                  uint32_t *sentences)
{
	for (uint32_t t = t0; t < t1; t++) {
		const rl_token *tk = &c->tok[s][t];
		if (tk->cls == RL_TOK_WORD && !(tk->flags & RL_TF_GLUED))
			(*words)++;
		else if (sentence_end(c, s, t) && !(t + 1 < t1 && (c->tok[s][t + 1].flags & RL_TF_GLUED)))
			(*sentences)++;  /* not the dot of a number ("5.26": its later part glued) */
	}
}

/* Append a change spanning token ranges [a0, a1) and [b0, b1); fills its counts and places. */
static int add(ctx *c, rl_edit_kind kind, size_t op0, size_t op1, const uint32_t r[4])
{
	rl_changelist *cl = c->cl;
	if (cl->n == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 32;
		rl_edit *p = realloc(cl->items, cap * sizeof *p);
		if (!p)
			return RL_ENOMEM;
		cl->items = p;
		c->cap = cap;
	}
	rl_edit *ch = &cl->items[cl->n++];
	*ch = (rl_edit){.op0 = (uint32_t)op0, .op1 = (uint32_t)op1, .a0 = r[0], .a1 = r[1],
	                  .b0 = r[2], .b1 = r[3], .kind = (uint8_t)kind};
	for (int s = 0; s < 2; s++) {
		uint32_t t0 = r[2 * s], t1 = r[2 * s + 1];
		if (t1 > t0)
			ch->para[s] = rl_where_para(&c->where[s], c->tok[s][t0].off);
		count(c, s, t0, t1, &ch->words[s], &ch->sentences[s]);
	}
	return RL_OK;
}

/* What each moved passage spans, gathered in one pass over the ops. */
static int gather_moves(ctx *c)
{
	uint32_t max = 0;
	for (size_t k = 0; k < c->nops; k++)
		max = c->ops[k].move > max ? c->ops[k].move : max;
	if (max == 0)
		return RL_OK;
	if (!(c->moves = malloc(((size_t)max + 1) * sizeof *c->moves)))
		return RL_ENOMEM;
	for (uint32_t id = 0; id <= max; id++)
		c->moves[id] = (move_span){SIZE_MAX, 0, {UINT32_MAX, 0, UINT32_MAX, 0}, false};
	for (size_t k = 0; k < c->nops; k++) {
		const rl_op *op = &c->ops[k];
		move_span *m = &c->moves[op->move];
		if (!op->move)
			continue;
		if (m->first == SIZE_MAX)
			m->first = k;
		m->last = k;
		m->reworded |= op->kind != RL_OP_MOVE && op->kind != RL_OP_FORMAT;
		for (int s = 0; s < 2; s++) {
			uint32_t t0 = s ? op->b0 : op->a0, t1 = s ? op->b1 : op->a1;
			if (t1 > t0) {
				m->r[2 * s] = t0 < m->r[2 * s] ? t0 : m->r[2 * s];
				m->r[2 * s + 1] = t1 > m->r[2 * s + 1] ? t1 : m->r[2 * s + 1];
			}
		}
	}
	return RL_OK;
}

/* A moved passage, once, where it first appears in reading order. */
static int add_move(ctx *c, size_t k)
{
	uint32_t id = c->ops[k].move, r[4];
	const move_span *m = &c->moves[id];

	if (m->first != k)
		return RL_OK;
	memcpy(r, m->r, sizeof r);
	for (int s = 0; s < 2; s++)
		if (r[2 * s] == UINT32_MAX)
			r[2 * s] = r[2 * s + 1] = 0;
	int rc = add(c, RL_CH_MOVED, k, m->last + 1, r);
	if (rc == RL_OK) {
		c->cl->items[c->cl->n - 1].move = id;
		c->cl->items[c->cl->n - 1].reworded = m->reworded;
	}
	return rc;
}

static const rl_edit_kind quote_kinds[RL_QUOTE_KINDS] = {
	[RL_QUOTE_REMOVED] = RL_CH_QUOTE_REMOVED,
	[RL_QUOTE_ADDED] = RL_CH_QUOTE_ADDED,
	[RL_QUOTE_ALTERED] = RL_CH_QUOTE_ALTERED,
	[RL_QUOTE_ELIDED] = RL_CH_QUOTE_ELIDED,
};

/* The paragraph of side s that op k starts in. */
static uint32_t op_para(const ctx *c, size_t k, int s)
{
	const rl_op *op = &c->ops[k];
	return rl_where_para(&c->where[s], c->tok[s][s ? op->b0 : op->a0].off);
}

/* Where the passage that plain insertion (or deletion) k opens ends: past the ops of a quotation
 * added (removed) inside it, the plain ops of its kind after them in its paragraph are its tail
 * ("- He said he might hold back models deemed “unsafe” to release": the quotation's ops cut the
 * insertion in three). The passage is listed whole, the quotation on its own after it. */
static size_t passage_end(const ctx *c, size_t k)
{
	const rl_op *op = &c->ops[k];
	int s = op->kind == RL_OP_INSERT;
	size_t end = k + 1, j = k + 1;
	uint32_t para = op_para(c, k, s);
	while (j < c->nops) {
		size_t q = j;
		while (q < c->nops && c->ops[q].kind == op->kind && !c->ops[q].move &&
		       c->ops[q].quote != RL_QUOTE_NONE)
			q++;
		if (q == j || q >= c->nops || c->ops[q].kind != op->kind || c->ops[q].move ||
		    c->ops[q].quote != RL_QUOTE_NONE || op_para(c, q, s) != para)
			break;
		end = j = q + 1;
	}
	return end;
}

/* The change starting at op k, if any; *next: the op after it. */
static int visit(ctx *c, size_t k, size_t *next)
{
	const rl_op *op = &c->ops[k];
	*next = k + 1;
	if (op->move) {
		/* A restyled stretch inside a moved passage is listed too, after the passage. */
		int rc = add_move(c, k);
		if (rc == RL_OK && op->kind == RL_OP_FORMAT)
			rc = add(c, RL_CH_FORMAT, k, k + 1, (uint32_t[4]){op->a0, op->a1, op->b0, op->b1});
		return rc;
	}
	if (op->quote != RL_QUOTE_NONE && op->quote < RL_QUOTE_KINDS) {
		if (k < c->quote_end)
			return RL_OK;  /* a part of the quotation listed */
		/* the quotation's ops, grouped as the viewer's status line counts them; the changes
		 * beside it inside that run (OLD text deleted inside a new quotation) are listed on
		 * their own after it */
		size_t end = rl_quote_change_end(c->al, k);
		c->quote_end = end;
		uint32_t r[4] = {op->a0, op->a1, op->b0, op->b1};
		for (size_t j = k + 1; j < end; j++) {
			const rl_op *o = &c->ops[j];
			if (o->quote != op->quote && !rl_op_unchanged(o))
				continue;  /* no part of it: its range stays out of the quotation's */
			r[1] = o->a1 > r[1] ? o->a1 : r[1];
			r[3] = o->b1 > r[3] ? o->b1 : r[3];
		}
		return add(c, quote_kinds[op->quote], k, end, r);
	}
	if (op->kind == RL_OP_EQUAL || op->kind == RL_OP_TYPO || k < c->tail_end)
		return RL_OK;
	if (op->kind == RL_OP_FORMAT)
		return add(c, RL_CH_FORMAT, k, k + 1, (uint32_t[4]){op->a0, op->a1, op->b0, op->b1});
	uint32_t words[2] = {0, 0}, sentences[2] = {0, 0};
	count(c, RL_OLD, op->a0, op->a1, &words[0], &sentences[0]);
	count(c, RL_NEW, op->b0, op->b1, &words[1], &sentences[1]);
	if (words[0] < RL_EDIT_MIN_WORDS && words[1] < RL_EDIT_MIN_WORDS) {
		c->cl->minor++;
		return RL_OK;
	}
	rl_edit_kind kind = op->kind == RL_OP_DELETE   ? RL_CH_DELETED
	                      : op->kind == RL_OP_INSERT ? RL_CH_INSERTED
	                                                 : RL_CH_REWRITTEN;
	size_t end = kind == RL_CH_REWRITTEN ? k + 1 : passage_end(c, k);
	const rl_op *last = &c->ops[end - 1];
	c->tail_end = end;
	return add(c, kind, k, end, (uint32_t[4]){op->a0, last->a1, op->b0, last->b1});
}

int rl_changelist_build(rl_changelist *out, const rl_alignment *al)
{
	rl_changelist cl = {0};
	ctx c = {.al = al, .cl = &cl};
	int rc = RL_OK;

	c.ops = rl_alignment_ops(al, &c.nops);
	for (int s = 0; s < 2; s++) {
		const rl_tokens *tk = rl_alignment_tokens(al, s);
		c.tok[s] = rl_tokens_array(tk);
		c.text[s] = rl_tokens_text(tk);
		if (rc == RL_OK)
			rc = rl_where_init(&c.where[s], tk);
	}
	if (rc == RL_OK)
		rc = gather_moves(&c);
	for (size_t k = 0, next; k < c.nops && rc == RL_OK; k = next)
		rc = visit(&c, k, &next);
	free(c.moves);
	rl_where_release(&c.where[0]);
	rl_where_release(&c.where[1]);
	if (rc != RL_OK) {
		free(cl.items);
		return rc;
	}
	*out = cl;
	return RL_OK;
}

void rl_changelist_free(rl_changelist *cl)
{
	free(cl->items);
	*cl = (rl_changelist){0};
}

const char *rl_edit_label(rl_edit_kind kind)
{
	static const char *const labels[RL_CH_KINDS] = {
		"quotation removed", "quotation added", "quotation altered", "quotation elided",
		"passage moved", "deleted", "inserted", "rewritten", "formatting changed",
	};
	return kind < RL_CH_KINDS ? labels[kind] : "?";
}

const char *rl_edit_name(rl_edit_kind kind)
{
	static const char *const names[RL_CH_KINDS] = {
		"quote_removed", "quote_added", "quote_altered", "quote_elided",
		"moved", "deleted", "inserted", "rewritten", "format",
	};
	return kind < RL_CH_KINDS ? names[kind] : "?";
}
