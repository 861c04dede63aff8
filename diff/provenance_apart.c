/* provenance_apart.c: the words a linked unit keeps by chance where it stands, set apart.
 *
 * The sources stage links a unit of NEW to the OLD sentences it restates elsewhere; the word diff
 * may still have kept a few of its words against the sentence it happens to stand beside (the
 * story's common words, a function word or two). provenance.c decides which units keep them by
 * chance (kept_by_chance); here their ops are undone: the OLD words of every op over such a unit
 * are a deletion, listed first, and its NEW words an insertion, so that the unit is drawn as
 * derived from its source, not as a rewrite of its neighbour. */
#include "provenance.h"

#include "opvec.h"
#include "status.h"

/* Cut equal op *op at NEW token b (op->b0 < b < op->b1): its part before b goes to out, *op is
 * the rest. The compared tokens of both sides are walked in step to find OLD's token facing b
 * (a compound written apart on one side, hyphenated on the other, holds a token the other has
 * not; punctuation is not compared under --ignore-punct). */
static int cut_equal(const rl_ctx *c, rl_opvec *out, rl_op *op, uint32_t b)
{
	const uint32_t *ia = c->side[RL_OLD].ids, *ib = c->side[RL_NEW].ids;
	uint32_t i = op->a0, j = op->b0;
	for (;;) {
		while (i < op->a1 && ia[i] == RL_ID_NONE)
			i++;
		while (j < b && ib[j] == RL_ID_NONE)
			j++;
		if (j >= b || i >= op->a1)
			break;
		i++, j++;
	}
	return rl_opvec_cut(out, op, i, b);
}

/* The ops of one unit set apart, while they are gathered: the deletions and the insertions
 * they become, each in its side's order. */
typedef struct group {
	rl_opvec del, ins;
	size_t link;  /* the unit's link, or SIZE_MAX when none is gathered */
} group;

/* Append op to v, merged into the last op when it continues it on its side with the same flag. */
static int push_merged(rl_opvec *v, rl_op op)
{
	rl_op *last = v->n ? &v->v[v->n - 1] : NULL;
	if (last && last->quote == op.quote && op.kind == RL_OP_DELETE && last->a1 == op.a0) {
		last->a1 = op.a1;
		return RL_OK;
	}
	if (last && last->quote == op.quote && op.kind == RL_OP_INSERT && last->b1 == op.b0) {
		last->b1 = op.b1;
		return RL_OK;
	}
	return rl_opvec_push(v, &op);
}

/* Gather op, one of a unit set apart: its OLD words as a deletion, its NEW words as an
 * insertion (a quotation's flag stays on both). */
static int gather_op(group *g, const rl_op *op)
{
	int rc = RL_OK;
	if (op->a1 > op->a0) {
		rl_op d = *op;
		d.kind = RL_OP_DELETE, d.b1 = d.b0;
		rc = push_merged(&g->del, d);
	}
	if (rc == RL_OK && op->b1 > op->b0) {
		rl_op in = *op;
		in.kind = RL_OP_INSERT, in.a0 = in.a1;
		rc = push_merged(&g->ins, in);
	}
	return rc;
}

/* Write the gathered unit to out: its deletions at the unit's start in NEW, then its insertions
 * after the last OLD word deleted. */
static int flush(group *g, rl_opvec *out, const rl_link *v)
{
	if (g->link == SIZE_MAX)
		return RL_OK;
	uint32_t b = v[g->link].b0, a = g->del.n ? g->del.v[g->del.n - 1].a1 : UINT32_MAX;
	int rc = RL_OK;
	for (size_t k = 0; k < g->del.n && rc == RL_OK; k++) {
		g->del.v[k].b0 = g->del.v[k].b1 = b;
		rc = rl_opvec_push(out, &g->del.v[k]);
	}
	for (size_t k = 0; k < g->ins.n && rc == RL_OK; k++) {
		if (a != UINT32_MAX)
			g->ins.v[k].a0 = g->ins.v[k].a1 = a;
		rc = rl_opvec_push(out, &g->ins.v[k]);
	}
	g->del.n = g->ins.n = 0;
	g->link = SIZE_MAX;
	return rc;
}

/* Is op, which starts at or after link i's start, inside that unit? A deletion at the unit's
 * first token stands before it. */
static bool inside(const rl_op *op, const rl_link *ln)
{
	if (op->b0 < ln->b0 || op->b1 > ln->b1)
		return false;
	return op->b1 > op->b0 || op->b0 > ln->b0;
}

/* Does op, a deletion, go on with the deletions gathered (the rest of the OLD sentence the unit
 * stood beside, whose words the unit no longer keeps)? It is deleted with them, before the unit,
 * not cut from them by it. */
static bool continues(const group *g, const rl_op *op)
{
	return g->link != SIZE_MAX && g->del.n && !op->move && op->b0 == op->b1 &&
	       op->a0 == g->del.v[g->del.n - 1].a1;
}

/* One op (already cut at the units' ends), link i the first that ends after its start. (A unit
 * set apart holds no moved passage: kept_by_chance.) */
static int place(group *g, rl_opvec *out, const rl_op *op, const rl_link *v, size_t n, size_t i,
                 const uint8_t *apart)
{
	bool in = !op->move && i < n && apart[i] && inside(op, &v[i]);
	if (!in && continues(g, op))
		return gather_op(g, op);
	if (in) {
		int rc = g->link == i ? RL_OK : flush(g, out, v);
		g->link = i;
		return rc == RL_OK ? gather_op(g, op) : rc;
	}
	int rc = flush(g, out, v);
	return rc == RL_OK ? rl_opvec_push(out, op) : rc;
}

/* The first end of a unit set apart (its first token, or the one after its last) strictly
 * inside op's NEW range, looking from link i on; UINT32_MAX when none. */
static uint32_t first_end(rl_op op, const rl_link *v, size_t n, size_t i, const uint8_t *apart)
{
	for (size_t j = i; j < n && v[j].b0 < op.b1; j++) {
		if (!apart[j])
			continue;
		if (v[j].b0 > op.b0)
			return v[j].b0;
		if (v[j].b1 > op.b0 && v[j].b1 < op.b1)
			return v[j].b1;
	}
	return UINT32_MAX;
}

/* Cut equal op *op where a unit set apart starts or ends inside it; each piece is placed. */
static int place_cut(const rl_ctx *c, group *g, rl_opvec *out, rl_op op, const rl_link *v,
                     size_t n, size_t *i, const uint8_t *apart)
{
	rl_opvec head = {0};
	int rc = RL_OK;
	while (rc == RL_OK) {
		while (*i < n && v[*i].b1 <= op.b0)
			++*i;
		if (op.kind != RL_OP_EQUAL || op.move)
			break;
		uint32_t cut = first_end(op, v, n, *i, apart);
		if (cut == UINT32_MAX)
			break;
		head.n = 0;
		rc = cut_equal(c, &head, &op, cut);
		if (rc == RL_OK)
			rc = place(g, out, &head.v[0], v, n, *i, apart);
	}
	rl_opvec_free(&head);
	return rc == RL_OK ? place(g, out, &op, v, n, *i, apart) : rc;
}

int rl_sources_apart(rl_ctx *c, rl_opvec *ops, const rl_link *v, size_t n, const uint8_t *apart)
{
	rl_opvec out = {0};
	group g = {.link = SIZE_MAX};
	int rc = rl_opvec_reserve(&out, ops->n + 2 * n);
	size_t i = 0;
	for (size_t k = 0; k < ops->n && rc == RL_OK; k++)
		rc = place_cut(c, &g, &out, ops->v[k], v, n, &i, apart);
	if (rc == RL_OK)
		rc = flush(&g, &out, v);
	if (rc == RL_OK)
		rl_opvec_swap(ops, &out);
	rl_opvec_free(&out);
	rl_opvec_free(&g.del);
	rl_opvec_free(&g.ins);
	return rc;
}
