/* move_carve.c: the ops outside moves rebuilt once the moves stage has taken its passages, and
 * their leftovers aligned again with their neighbours (move.c calls both); the stage's flags of
 * which tokens are free and which moved. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bigmem.h"
#include "cleanup_units.h"
#include "move_stage.h"
#include "refine.h"
#include "status.h"

/* The next stretch of [*t, hi) on side s that no move took: [*start, *end). */
static bool next_piece(const taken *tk, int s, uint32_t *t, uint32_t hi, uint32_t *start,
                       uint32_t *end)
{
	while (*t < hi && tk->moved[s][*t])
		(*t)++;
	if (*t >= hi)
		return false;
	*start = *t;
	while (*t < hi && !tk->moved[s][*t])
		(*t)++;
	*end = *t;
	return true;
}

/* Rebuild the ops outside moves without the moved tokens. A change op that lost tokens to a
 * move keeps what is left, the k-th stretch of OLD facing the k-th stretch of NEW; cut[k] marks
 * the ops of out that are such leftovers. */
int rl_mv_carve(const rl_opvec *ops, const taken *tk, rl_opvec *out, uint8_t **cut)
{
	*cut = calloc(ops->n * 2 + 16, 1);
	size_t capcut = ops->n * 2 + 16;
	if (!*cut)
		return RL_ENOMEM;
	for (size_t k = 0; k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		bool touched = rl_mv_any_moved(tk, RL_OLD, op->a0, op->a1) ||
		               rl_mv_any_moved(tk, RL_NEW, op->b0, op->b1);
		if (!touched) {
			if (rl_opvec_push(out, op) != RL_OK)
				return RL_ENOMEM;
			continue;
		}
		uint32_t ta = op->a0, tb = op->b0, at_a = op->a0, at_b = op->b0;
		for (;;) {
			uint32_t sa, ea, sb, eb;
			bool has_a = next_piece(tk, RL_OLD, &ta, op->a1, &sa, &ea);
			bool has_b = next_piece(tk, RL_NEW, &tb, op->b1, &sb, &eb);
			if (!has_a && !has_b)
				break;
			rl_op piece = {has_a ? sa : at_a, has_a ? ea : at_a, has_b ? sb : at_b,
			               has_b ? eb : at_b, 0, rl_change_kind(has_a, has_b), 0};
			at_a = piece.a1, at_b = piece.b1;
			if (out->n >= capcut) {
				uint8_t *nc = realloc(*cut, capcut * 2);
				if (!nc)
					return RL_ENOMEM;
				memset(nc + capcut, 0, capcut);
				*cut = nc;
				capcut *= 2;
			}
			(*cut)[out->n] = 1;
			if (rl_opvec_push(out, &piece) != RL_OK)
				return RL_ENOMEM;
		}
	}
	return RL_OK;
}

/* One run of leftovers diffed anew, then cleaned as the whole texts were before moves (a heading
 * whose first words stayed in place kept its last word by coincidence in a sentence twenty rows
 * below, once the moved paragraph that faced it was gone). */
int rl_mv_realign_run(rl_ctx *c, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1, rl_opvec *out)
{
	rl_opvec d = {0};
	int rc = rl_ctx_refine(c, a0, a1, b0, b1, &d);
	if (rc == RL_OK)
		rc = rl_cleanup_region(c, &d);
	if (rc == RL_OK)
		rc = rl_opvec_append(out, d.v, d.n);
	rl_opvec_free(&d);
	return rc;
}

/* Only tokens a move took lie in [lo, hi) of side s (none at all: lo == hi). */
static bool moved_gap(const taken *tk, int s, uint32_t lo, uint32_t hi)
{
	for (uint32_t t = lo; t < hi; t++)
		if (!tk->moved[s][t])
			return false;
	return lo <= hi;
}

/* The tokens of side s that ops [k, e) cover, [*lo, *hi): from the first op with tokens there to
 * the last (an insert's empty OLD range may sit anywhere in the passage that moved away). */
static void run_span(const rl_opvec *ops, int s, size_t k, size_t e, uint32_t *lo, uint32_t *hi)
{
	*lo = *hi = rl_lo(&ops->v[k], s);
	bool any = false;
	for (size_t i = k; i < e; i++) {
		const rl_op *op = &ops->v[i];
		if (rl_hi(op, s) == rl_lo(op, s))
			continue;
		if (!any)
			*lo = rl_lo(op, s);
		*hi = rl_hi(op, s);
		any = true;
	}
}

/* Does op n go on the run of changes whose last op is p? Only moved tokens lie between them on
 * both sides (none: they follow one another). */
static bool goes_on(const taken *tk, const rl_op *p, const rl_op *n)
{
	return n->kind != RL_OP_EQUAL && moved_gap(tk, RL_OLD, p->a1, n->a0) &&
	       moved_gap(tk, RL_NEW, p->b1, n->b0);
}

/* The end of the run of changes that starts at op k. A paragraph that moved away leaves the
 * words on either side of its old place side by side: "Knuth began TeX because" is diffed with
 * "Knuths begans TeX as a result of", not cut where the exact diff had paired NEW's "TeX" with a
 * "TeX" of the moved paragraph. Each side of a run stays one stretch: where tokens of a side
 * would resume past moved ones, the run ends after the last op with tokens of that side, and
 * the ops left in the gap (empty there) open the next run, with the tokens after the gap. */
static size_t run_end(const rl_opvec *ops, const taken *tk, size_t k)
{
	uint32_t hi[2] = {UINT32_MAX, UINT32_MAX};
	size_t last[2] = {k, k};
	for (size_t e = k;; e++) {
		const rl_op *op = &ops->v[e];
		for (int s = 0; s < 2; s++) {
			if (rl_hi(op, s) == rl_lo(op, s))
				continue;
			if (hi[s] != UINT32_MAX && hi[s] != rl_lo(op, s))
				return last[s] + 1;
			hi[s] = rl_hi(op, s);
			last[s] = e;
		}
		if (e + 1 >= ops->n || !goes_on(tk, op, &ops->v[e + 1]))
			return e + 1;
	}
}

/* Do ops [k, e) leave moved tokens between two of them? Such a run is what stood on both sides
 * of a passage that moved away. */
static bool gap_in(const rl_opvec *ops, size_t k, size_t e)
{
	for (size_t i = k + 1; i < e; i++)
		if (ops->v[i].a0 != ops->v[i - 1].a1 || ops->v[i].b0 != ops->v[i - 1].b1)
			return true;
	return false;
}

/* A run across a moved passage's old place, [a0, a1) against [b0, b1), widened to the equal ops
 * on either side of it that touch it (the one before is taken back off out; the end of the run,
 * e, is returned past the one after): the region cleanup judges the part of a sentence inside
 * its region as a whole sentence, and "Knuths begans TeX as a result of" alone keeps one word of
 * seven, so "TeX" went, although the sentence keeps "he had … annoyed at the declining" after
 * the run. */
static size_t widen_gap(const rl_opvec *ops, rl_opvec *out, size_t e, uint32_t *a0, uint32_t *a1,
                    uint32_t *b0, uint32_t *b1)
{
	const rl_op *p = out->n ? &out->v[out->n - 1] : NULL;
	if (p && p->kind == RL_OP_EQUAL && p->a1 == *a0 && p->b1 == *b0) {
		*a0 = p->a0, *b0 = p->b0;
		out->n--;
	}
	const rl_op *n = e < ops->n ? &ops->v[e] : NULL;
	if (n && n->kind == RL_OP_EQUAL && n->a0 == *a1 && n->b0 == *b1) {
		*a1 = n->a1, *b1 = n->b1;
		e++;
	}
	return e;
}

/* The end of the run of changes that starts at op k, the ops following one another on both
 * sides. */
static size_t strict_end(const rl_opvec *ops, size_t k)
{
	size_t e = k + 1;
	while (e < ops->n && ops->v[e].kind != RL_OP_EQUAL && ops->v[e].a0 == ops->v[e - 1].a1 &&
	       ops->v[e].b0 == ops->v[e - 1].b1)
		e++;
	return e;
}

/* Does equal op q, which holds words, go on the sentence that token t ends (before, true: q ends
 * where t starts) on side s? */
static bool goes_on_sentence(const rl_ctx *c, const rl_op *q, int s, uint32_t t, bool before)
{
	const rl_side *sd = &c->side[s];
	uint32_t in = before ? rl_hi(q, s) - 1 : rl_lo(q, s), own = before ? t : t - 1;
	return rl_op_words(c, q, s) > 0 && rl_unit_of(sd, in) == rl_unit_of(sd, own);
}

/* Is a run across a moved passage's old place, [a0, a1) against [b0, b1), inside one sentence on
 * each side, and part of a sentence kept on both sides: the words of the equal op before it
 * (out's last) or after it (ops' e-th) in the run's sentence on both sides? Only then is it
 * diffed across the gap: runs over whole sentences and headings ("Under the arrangement … a
 * year." against "sale in brief", "What happens next", "- Opponents have 30 days … for a
 * referendum.") kept only "a" and "." of them, as the examples read. */
static bool in_kept_sentence(const rl_ctx *c, const rl_opvec *ops, const rl_opvec *out, size_t e,
                             uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1)
{
	const rl_side *so = &c->side[RL_OLD], *sn = &c->side[RL_NEW];
	if (a1 <= a0 || b1 <= b0 || rl_unit_of(so, a0) != rl_unit_of(so, a1 - 1) ||
	    rl_unit_of(sn, b0) != rl_unit_of(sn, b1 - 1))
		return false;
	const rl_op *p = out->n ? &out->v[out->n - 1] : NULL;
	const rl_op *n = e < ops->n ? &ops->v[e] : NULL;
	if (p && p->kind == RL_OP_EQUAL && p->a1 == a0 && p->b1 == b0 &&
	    goes_on_sentence(c, p, RL_OLD, a0, true) && goes_on_sentence(c, p, RL_NEW, b0, true))
		return true;
	return n && n->kind == RL_OP_EQUAL && n->a0 == a1 && n->b0 == b1 &&
	       goes_on_sentence(c, n, RL_OLD, a1, false) && goes_on_sentence(c, n, RL_NEW, b1, false);
}

/* Every op of a run of changes that follow one another on both sides is marked cut when one of
 * them is: such a run is aligned again as a whole, also where run_end parts it in two. */
static void spread_cut(const rl_opvec *ops, uint8_t *cut)
{
	for (size_t k = 0; k < ops->n;) {
		size_t e = k + 1;
		bool any = cut[k];
		while (ops->v[k].kind != RL_OP_EQUAL && e < ops->n && ops->v[e].kind != RL_OP_EQUAL &&
		       ops->v[e].a0 == ops->v[e - 1].a1 && ops->v[e].b0 == ops->v[e - 1].b1)
			any |= cut[e++];
		if (any)
			memset(cut + k, 1, e - k);
		k = e;
	}
}

/* The leftovers of ops that gave tokens to a move are aligned again with their neighbours: the
 * run of changes they belong to is diffed anew ("This level" -> "This degree" is a swap again
 * once the moved paragraph that the exact diff had aligned with it is gone). */
int rl_mv_realign_cut(rl_ctx *c, const rl_opvec *ops, uint8_t *cut, const taken *tk,
                      rl_opvec *out)
{
	spread_cut(ops, cut);
	for (size_t k = 0; k < ops->n;) {
		const rl_op *op = &ops->v[k];
		if (op->kind == RL_OP_EQUAL) {
			if (rl_opvec_push(out, op) != RL_OK)
				return RL_ENOMEM;
			k++;
			continue;
		}
		size_t e = run_end(ops, tk, k);
		bool any = false;
		for (size_t i = k; i < e; i++)
			any |= cut[i];
		uint32_t a0, a1, b0, b1;
		run_span(ops, RL_OLD, k, e, &a0, &a1);
		run_span(ops, RL_NEW, k, e, &b0, &b1);
		if (any && gap_in(ops, k, e) && !in_kept_sentence(c, ops, out, e, a0, a1, b0, b1)) {
			e = strict_end(ops, k);
			run_span(ops, RL_OLD, k, e, &a0, &a1);
			run_span(ops, RL_NEW, k, e, &b0, &b1);
		} else if (any && gap_in(ops, k, e)) {
			e = widen_gap(ops, out, e, &a0, &a1, &b0, &b1);
		}
		int rc = !any ? rl_opvec_append(out, ops->v + k, e - k)
		              : rl_mv_realign_run(c, a0, a1, b0, b1, out);
		if (rc != RL_OK)
			return rc;
		k = e;
	}
	return RL_OK;
}

/* Mapped, not from malloc: move_stage.h says why. */
int rl_mv_flags_alloc(const rl_ctx *c, taken *tk)
{
	for (int s = 0; s < 2; s++) {
		tk->free_tok[s] = rl_map_alloc((size_t)c->side[s].n + 1);
		tk->moved[s] = rl_map_alloc((size_t)c->side[s].n + 1);
		if (!tk->free_tok[s] || !tk->moved[s])
			return RL_ENOMEM;
	}
	return RL_OK;
}

void rl_mv_flags_free(const rl_ctx *c, taken *tk)
{
	for (int s = 0; s < 2; s++) {
		rl_map_free(tk->free_tok[s], (size_t)c->side[s].n + 1);
		rl_map_free(tk->moved[s], (size_t)c->side[s].n + 1);
	}
}
