/* move_cross.c: of two passages that changed places, the one that keeps fewer words is the move.
 *
 * Where two neighbouring passages swapped (OLD "K G", NEW "G K"), either may be read as the move.
 * The exact diff's anchors decide which stays: patience diff keeps the chain with more words
 * found once on each side, so a short line of rare words ("As a consequence of the changes in
 * those lower level APIs ...") stays and the two longer paragraphs it changed places with
 * become the move. The minimal diff (and a reader) keeps the longer passage in place: what
 * stays should be what keeps the most words. The moves stage has then found the longer passage
 * as a move G that crosses exactly one stretch K of ops outside moves; when K is itself a
 * passage a move could be (whole units, enough words matched) and keeps fewer words than G moves,
 * the two change roles. The ops are the same and stay in NEW's order: only their kinds and ids
 * change. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "move.h"
#include "move_stage.h"

/* The stretch of ops a move group crossed: ops [k0, k1) of the list, outside moves. */
typedef struct crossed {
	size_t k0, k1;
} crossed;

/* Words of OLD that the ops [k0, k1) of kind `kind` keep; *styled when one of them keeps words
 * formatted otherwise (RL_OP_FORMAT: a move of those is not this pass's to make). */
static uint32_t kept_words(const rl_ctx *c, const rl_opvec *ops, size_t k0, size_t k1,
                           uint8_t kind, bool *styled)
{
	uint32_t n = 0;
	for (size_t k = k0; k < k1; k++) {
		if (ops->v[k].kind == kind)
			n += rl_op_words(c, &ops->v[k], RL_OLD);
		*styled |= ops->v[k].kind == RL_OP_FORMAT;
	}
	return n;
}

/* The ops [g0, g1) of one move group, and its OLD and NEW extents. */
static void group_extent(const rl_opvec *ops, size_t g0, size_t g1, rl_span *sp)
{
	*sp = (rl_span){UINT32_MAX, 0, UINT32_MAX, 0};
	for (size_t k = g0; k < g1; k++) {
		const rl_op *op = &ops->v[k];
		sp->a0 = op->a0 < sp->a0 ? op->a0 : sp->a0;
		sp->a1 = op->a1 > sp->a1 ? op->a1 : sp->a1;
		sp->b0 = op->b0 < sp->b0 ? op->b0 : sp->b0;
		sp->b1 = op->b1 > sp->b1 ? op->b1 : sp->b1;
	}
}

/* The stretch a group [g0, g1) with extent g crossed, when it crossed exactly one: OLD "K G" and
 * NEW "G K" (moved up), or OLD "G K" and NEW "K G" (moved down), K ops outside moves that touch
 * G on both sides, no other group among them. */
static bool crossed_stretch(const rl_opvec *ops, size_t g0, size_t g1, const rl_span *g,
                            crossed *x)
{
	size_t k = g1;
	while (k < ops->n && !ops->v[k].move && ops->v[k].a1 <= g->a0)
		k++;
	if (k > g1 && (k == ops->n || !ops->v[k].move) && ops->v[k - 1].a1 == g->a0 &&
	    ops->v[g1].b0 == g->b1) {
		*x = (crossed){g1, k};
		return true;
	}
	k = g0;
	while (k > 0 && !ops->v[k - 1].move && ops->v[k - 1].a0 >= g->a1)
		k--;
	if (k < g0 && (k == 0 || !ops->v[k - 1].move) && ops->v[k].a0 == g->a1 &&
	    ops->v[g0 - 1].b1 == g->b0) {
		*x = (crossed){k, g0};
		return true;
	}
	return false;
}

/* Could the crossed stretch be a move itself: one passage on each side (its ops follow each
 * other: no token of another move's place among them), equal ops at both ends (a group's ends
 * are its matched runs), whole units on both sides, at least RL_MOVE_MIN_WORDS words kept and
 * RL_MV_SHARE of its words on each side? */
static bool movable(const rl_ctx *c, const rl_opvec *ops, const crossed *x, uint32_t kept)
{
	const rl_op *first = &ops->v[x->k0], *last = &ops->v[x->k1 - 1];
	if (first->kind != RL_OP_EQUAL || last->kind != RL_OP_EQUAL || kept < RL_MOVE_MIN_WORDS)
		return false;
	for (size_t k = x->k0 + 1; k < x->k1; k++)
		if (ops->v[k].a0 != ops->v[k - 1].a1 || ops->v[k].b0 != ops->v[k - 1].b1)
			return false;
	for (int s = 0; s < 2; s++) {
		uint32_t lo = rl_lo(first, s), hi = rl_hi(last, s);
		if (rl_inside_unit(c, s, lo) || rl_inside_unit(c, s, hi) ||
		    kept < RL_MV_SHARE * rl_words(c, s, lo, hi))
			return false;
	}
	return true;
}

/* Give the move of group [g0, g1) (id) to the stretch it crossed: the group's ops join the ops
 * outside moves (its matched runs become equal), the stretch's become the group, its fragments
 * dissolved as a move's are (one bracket a swapped word read as fragments). The list's ops after
 * the stretch move down over the ops dissolved; the index past both, afterwards. */
static size_t exchange(const rl_ctx *c, rl_opvec *ops, size_t g0, size_t g1, const crossed *x,
                       uint32_t id)
{
	for (size_t k = g0; k < g1; k++) {
		rl_op *op = &ops->v[k];
		op->move = 0;
		if (op->kind == RL_OP_MOVE)
			op->kind = RL_OP_EQUAL;
	}
	rl_opvec view = {ops->v + x->k0, x->k1 - x->k0, x->k1 - x->k0};
	rl_mv_dissolve_fragments(c, &view);
	for (size_t k = 0; k < view.n; k++) {
		view.v[k].move = id;
		if (view.v[k].kind == RL_OP_EQUAL)
			view.v[k].kind = RL_OP_MOVE;
	}
	size_t gone = x->k1 - x->k0 - view.n;
	memmove(ops->v + x->k0 + view.n, ops->v + x->k1, (ops->n - x->k1) * sizeof *ops->v);
	ops->n -= gone;
	return (x->k1 > g1 ? x->k1 : g1) - gone;
}

void rl_mv_swap_crossed(const rl_ctx *c, rl_opvec *ops)
{
	for (size_t g0 = 0; g0 < ops->n;) {
		uint32_t id = ops->v[g0].move;
		size_t g1 = g0 + 1;
		if (!id) {
			g0 = g1;
			continue;
		}
		while (g1 < ops->n && ops->v[g1].move == id)
			g1++;
		rl_span g;
		crossed x;
		group_extent(ops, g0, g1, &g);
		if (crossed_stretch(ops, g0, g1, &g, &x)) {
			bool styled = false;
			uint32_t kept = kept_words(c, ops, x.k0, x.k1, RL_OP_EQUAL, &styled);
			uint32_t moved = kept_words(c, ops, g0, g1, RL_OP_MOVE, &styled);
			if (!styled && kept < moved && movable(c, ops, &x, kept)) {
				/* The stretch, now the group, is not tried again: go past both. */
				g1 = exchange(c, ops, g0, g1, &x, id);
			}
		}
		g0 = g1;
	}
}
