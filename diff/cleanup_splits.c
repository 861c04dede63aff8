/* cleanup_splits.c: a line split by a stray, the first pass of the cleanup of whole units
 * (rl_cleanup_units, cleanup_units.c): a word or two kept on their own that carry the rest of a
 * line on one side into another line on the other, diffed again without them. */
#include "cleanup_units_stage.h"

#include <stdint.h>

#include "cleanup.h"
#include "refine.h"
#include "status.h"
#include "structure.h"

/* Does a paragraph or a line a reader sees start between units u0 (excluded) and u1 of side s? */
static bool line_between(const rl_side *sd, uint32_t u0, uint32_t u1)
{
	for (uint32_t u = u0 + 1; u <= u1; u++)
		if (sd->uflags[u] & (RL_UNIT_PARA | RL_UNIT_LINE))
			return true;
	return false;
}

/* Does the weak equal op e (words, at most RL_WEAK_WORDS) stay in the unit of the equal op p on
 * one side but go on into another paragraph or line on the other (p before e, or after it when
 * after)? (Sentences merged or split inside a paragraph are rewrites, not this.) */
static bool splits(const rl_ctx *c, const rl_op *p, const rl_op *e, bool after)
{
	const rl_side *sa = &c->side[RL_OLD], *sb = &c->side[RL_NEW];
	const rl_op *x = after ? e : p, *y = after ? p : e;
	uint32_t ua0 = rl_unit_of(sa, x->a1 - 1), ua1 = rl_unit_of(sa, y->a0);
	uint32_t ub0 = rl_unit_of(sb, x->b1 - 1), ub1 = rl_unit_of(sb, y->b0);
	if (ua0 == ua1)
		return ub0 != ub1 && line_between(sb, ub0, ub1);
	return ub0 == ub1 && line_between(sa, ua0, ua1);
}

static uint32_t words_kept(const rl_ctx *c, const rl_op *v, size_t n)
{
	uint32_t w = 0;
	for (size_t k = 0; k < n; k++)
		if (v[k].kind == RL_OP_EQUAL)
			w += rl_op_words(c, &v[k], RL_OLD);
	return w;
}

/* Equal ops with words in v[0..n) (between the ops before and after, NULL: none) that stay in one
 * unit on one side but not on the other from one to the next. */
static uint32_t count_splits(const rl_ctx *c, const rl_op *before, const rl_op *v, size_t n,
                             const rl_op *after)
{
	uint32_t splits_n = 0;
	/* The op before counts only as the ops it is compared with do: an equal op with words. An
	 * insertion at OLD's start (a1 == 0) has no last token to look up. */
	const rl_op *p = before && before->kind == RL_OP_EQUAL && rl_op_words(c, before, RL_OLD) > 0
	                     ? before
	                     : NULL;
	for (size_t k = 0; k <= n; k++) {
		const rl_op *e = k < n ? &v[k] : after;
		if (!e || e->kind != RL_OP_EQUAL || rl_op_words(c, e, RL_OLD) == 0)
			continue;
		if (p)
			splits_n += splits(c, p, e, false);
		p = e;
	}
	return splits_n;
}

/* Is script d (for ops v[r0, r1) of the list) better: more words kept, or as many (and as many
 * content words) with fewer splits? */
static bool fewer_splits(const rl_ctx *c, const rl_opvec *ops, size_t r0, size_t r1,
                         const rl_opvec *d)
{
	const rl_op *before = r0 > 0 ? &ops->v[r0 - 1] : NULL, *after = r1 < ops->n ? &ops->v[r1] : NULL;
	uint32_t w0 = words_kept(c, ops->v + r0, r1 - r0), w1 = words_kept(c, d->v, d->n);
	if (w1 < w0 || rl_cu_content_kept(c, d->v, d->n) < rl_cu_content_kept(c, ops->v + r0, r1 - r0))
		return false;
	return w1 > w0 || count_splits(c, before, d->v, d->n, after) <
	                      count_splits(c, before, ops->v + r0, r1 - r0, after);
}

/* A word or two kept on their own that carry the rest of a line on one side into another line
 * on the other ("November 2002" of a title page kept with the "2002" of the copyright line below
 * it, which a unique-word anchor of the exact engine had fixed there, or the exact diff chose
 * among equals): the region between the solid equal ops around it is diffed again without them;
 * the new script is taken when it keeps more words, or as many (as many content words) with
 * fewer such splits. */
int rl_cu_mend_splits(rl_ctx *c, rl_opvec *ops, uint64_t end)
{
	rl_opvec out = {0}, d = {0};
	size_t next = 0, prev_eq = SIZE_MAX;
	int rc = RL_OK;
	for (size_t k = 0; rc == RL_OK && k < ops->n && c->rediffed < end; k++) {
		const rl_op *e = &ops->v[k];
		if (e->kind != RL_OP_EQUAL || e->a1 == e->a0)
			continue;
		uint32_t w = rl_op_words(c, e, RL_OLD);
		size_t p = prev_eq, q = k + 1;
		if (w > 0)
			prev_eq = k;
		if (w == 0 || w > RL_WEAK_WORDS || k < next)
			continue;
		while (q < ops->n && (ops->v[q].kind != RL_OP_EQUAL || rl_op_words(c, &ops->v[q], RL_OLD) == 0))
			q++;
		if (!(p != SIZE_MAX && splits(c, &ops->v[p], e, false)) &&
		    !(q < ops->n && splits(c, &ops->v[q], e, true)))
			continue;
		size_t r0 = k, r1 = k + 1;
		while (r0 > next && k - r0 < RL_CU_REGION_OPS_MAX && !rl_cu_solid(c, &ops->v[r0 - 1]))
			r0--;
		while (r1 < ops->n && r1 - k < RL_CU_REGION_OPS_MAX && !rl_cu_solid(c, &ops->v[r1]))
			r1++;
		uint32_t a0 = ops->v[r0].a0, a1 = ops->v[r1 - 1].a1, b0 = ops->v[r0].b0, b1 = ops->v[r1 - 1].b1;
		/* The region diffed again (the engine's anchors may have chosen worse), then without the
		 * word or two (the exact diff may have chosen among equals). */
		d.n = 0;
		rc = rl_ctx_refine(c, a0, a1, b0, b1, &d);
		bool better = rc == RL_OK && fewer_splits(c, ops, r0, r1, &d);
		if (rc == RL_OK && !better) {
			d.n = 0;
			rc = rl_ctx_refine_hole(c, a0, a1, b0, b1, RL_OLD, e->a0, e->a1, &d);
			better = rc == RL_OK && fewer_splits(c, ops, r0, r1, &d);
		}
		if (!better)
			continue;
		if (!out.v)
			out = rl_ctx_scratch(c, ops->n);
		rc = rl_opvec_append(&out, ops->v + next, r0 - next);
		if (rc == RL_OK)
			rc = rl_opvec_append(&out, d.v, d.n);
		next = r1;
		prev_eq = SIZE_MAX;
		k = r1 - 1;
	}
	if (rc == RL_OK && next > 0) {
		rc = rl_opvec_append(&out, ops->v + next, ops->n - next);
		if (rc == RL_OK)
			rl_opvec_swap(ops, &out);
	}
	if (out.v)
		rl_ctx_recycle(c, &out);
	rl_opvec_free(&d);
	return rc;
}
