/* move_copies.c: a move tried against the near-identical copies next to its OLD place
 * (move_stage.h). */
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "move_stage.h"
#include "refine.h"
#include "status.h"

/* A list of near-identical paragraphs ("If this is set to a non-empty string it is equivalent to
 * specifying the -u option.", then -v, -d ...) of which one moved: the exact diff may pair the
 * moved one in place with its neighbour's new wording (at equal cost: the copy's words match as
 * well), which orphans the neighbour, and the move stage then takes the neighbour to the moved
 * paragraph's new place (and what the neighbour faced to a passage of its own elsewhere). Once
 * every move is found, each is tried against the copies next to its OLD place (COPY_REACH groups
 * of as many units as it has, on each side): a copy that matches the move's NEW place better (more
 * words) takes it, and the move's OLD words go back in place, when that matches more words, moved
 * and in place counted together (the moves that took NEW words of that stretch, at most
 * COPY_DROP, are given up for it). */
#define COPY_REACH 3
#define COPY_DROP 2

/* Words of the equal ops in OLD tokens [lo, hi) whose tokens no move took (ops: no moves yet;
 * an equal op pairs its tokens one to one). */
static uint32_t kept_free(const rl_ctx *c, const rl_opvec *ops, const taken *tk, uint32_t lo,
                          uint32_t hi)
{
	uint32_t n = 0;
	size_t k0 = rl_mv_first_op_after(ops, RL_OLD, lo);
	for (size_t k = k0; k < ops->n && ops->v[k].a0 < hi; k++) {
		const rl_op *op = &ops->v[k];
		if (op->kind != RL_OP_EQUAL)
			continue;
		for (uint32_t i = op->a0 > lo ? op->a0 : lo; i < op->a1 && i < hi; i++)
			if (!tk->moved[RL_OLD][i] && !tk->moved[RL_NEW][op->b0 + (i - op->a0)])
				n += rl_words(c, RL_OLD, i, i + 1);
	}
	return n;
}

/* Words of the equal ops of a list. */
static uint32_t equal_words(const rl_ctx *c, const rl_opvec *d)
{
	uint32_t n = 0;
	for (size_t k = 0; k < d->n; k++)
		if (d->v[k].kind == RL_OP_EQUAL)
			n += rl_op_words(c, &d->v[k], RL_OLD);
	return n;
}

/* A copy weighed: the stretch of ops it stands in (ops k0 to k1), the moves it gives up, the
 * stretch diffed again without the copy, and the words matched more that way. */
typedef struct copy_try {
	size_t k0, k1;
	size_t drop[COPY_DROP], ndrop;
	rl_opvec alt;
	int64_t gain;
} copy_try;

/* The accepted moves by their NEW places, for move_at: looking through every move for each NEW
 * token moved made this step quadratic in moves (6,400 short sentences moved to other paragraphs:
 * 37 % of the instructions). The NEW places do not change while copies are tried, and a move
 * given up (count 0) stays listed; so when the places of the moves live as the index is made do
 * not overlap, the one that starts last at or before a token is the only one that can hold it.
 * Else (places that overlap, or more moves than 32 bits count) every move is looked at. */
typedef struct by_new {
	uint64_t *v;  /* sp.b0 << 32 | index of a live move, ascending */
	size_t n;
	bool all;     /* look at every move */
} by_new;

static int by_new_build(const accepts *acc, by_new *ix)
{
	ix->n = 0;
	if ((ix->all = acc->n > UINT32_MAX))
		return RL_OK;
	if (!(ix->v = malloc((acc->n + 1) * sizeof *ix->v)))
		return RL_ENOMEM;
	for (size_t j = 0; j < acc->n; j++)
		if (acc->v[j].count)
			ix->v[ix->n++] = (uint64_t)acc->v[j].sp.b0 << 32 | j;
	qsort(ix->v, ix->n, sizeof *ix->v, rl_cmp_u64);
	for (size_t k = 1; k < ix->n && !ix->all; k++)
		ix->all = acc->v[(uint32_t)ix->v[k - 1]].sp.b1 > (ix->v[k] >> 32);
	return RL_OK;
}

/* The accepted move other than m that took NEW token t, or acc->n. */
static size_t move_at(const accepts *acc, const by_new *ix, size_t m, uint32_t t)
{
	if (ix->all) {
		for (size_t j = 0; j < acc->n; j++)
			if (j != m && acc->v[j].count && acc->v[j].sp.b0 <= t && t < acc->v[j].sp.b1)
				return j;
		return acc->n;
	}
	uint64_t key = (uint64_t)t << 32 | UINT32_MAX;
	size_t lo = 0, hi = ix->n;
	while (lo < hi) {  /* the first entry past t */
		size_t mid = lo + (hi - lo) / 2;
		if (ix->v[mid] <= key)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return acc->n;
	size_t j = (uint32_t)ix->v[lo - 1];
	return j != m && acc->v[j].count && t < acc->v[j].sp.b1 ? j : acc->n;
}

/* The stretch of ops from copy [u0, u1) to move m's OLD place, widened over the NEW places of the
 * moves that took NEW words in it (listed in ct->drop). Whether it can be tried: the copy at one
 * edge of it, and no other move's OLD words in it. */
static bool copy_stretch(const rl_opvec *ops, const taken *tk, const accepts *acc,
                         const by_new *ix, size_t m, uint32_t u0, uint32_t u1, copy_try *ct)
{
	const rl_span *sp = &acc->v[m].sp;
	bool before = u1 <= sp->a0;
	ct->ndrop = 0;
	ct->k0 = rl_mv_first_op_after(ops, RL_OLD, before ? u0 : sp->a0);
	ct->k1 = rl_mv_last_op_before(ops, RL_OLD, before ? sp->a1 : u1);
	if (ct->k0 >= ops->n || ct->k1 < ct->k0 ||
	    (before ? ops->v[ct->k0].a0 != u0 : ops->v[ct->k1].a1 != u1))
		return false;
	for (uint32_t t = ops->v[ct->k0].b0; t < ops->v[ct->k1].b1; t++) {
		if (!tk->moved[RL_NEW][t])
			continue;
		size_t j = move_at(acc, ix, m, t);
		if (j == acc->n || ct->ndrop == COPY_DROP || acc->v[j].sp.b0 < ops->v[ct->k0].b0)
			return false;
		ct->drop[ct->ndrop++] = j;
		if (acc->v[j].sp.b1 > ops->v[ct->k1].b1) {
			size_t l = rl_mv_last_op_before(ops, RL_NEW, acc->v[j].sp.b1);
			if (!before || ops->v[l].b1 != acc->v[j].sp.b1)
				return false;  /* (the stretch ends at that move's end) */
			ct->k1 = l;
		}
		t = acc->v[j].sp.b1 - 1;
	}
	uint32_t ra0 = ops->v[ct->k0].a0, ra1 = ops->v[ct->k1].a1;
	for (uint32_t t = ra0; t < ra1; t++)
		if (tk->moved[RL_OLD][t] && (t < sp->a0 || t >= sp->a1))
			return false;
	return true;
}

/* Does side s hold a list item in tokens [lo, hi)? A bullet that restates one of the copies is
 * derived from it (provenance's), and diffed again in place it would pair with it. */
static bool items_in(const rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	const rl_side *sd = &c->side[s];
	for (uint32_t t = lo; t < hi; t = sd->ustart[sd->unit[t] + 1])
		if (rl_mv_list_item(c, s, t))
			return true;
	return false;
}

/* One copy tried: OLD units [u0, u1) move to move m's NEW place instead of its OLD words
 * (moved_eq of them matched). ct->gain: 0 when it cannot be tried. */
static int copy_gain(rl_ctx *c, const rl_opvec *ops, const taken *tk, const accepts *acc,
                     const by_new *ix, size_t m, uint32_t u0, uint32_t u1, uint32_t moved_eq,
                     copy_try *ct)
{
	const rl_span *sp = &acc->v[m].sp;
	ct->gain = 0;
	ct->alt.n = 0;
	if (rl_mv_any_moved(tk, RL_OLD, u0, u1) ||
	    2 * kept_free(c, ops, tk, u0, u1) < rl_words(c, RL_OLD, u0, u1) ||
	    !copy_stretch(ops, tk, acc, ix, m, u0, u1, ct) ||
	    items_in(c, RL_NEW, ops->v[ct->k0].b0, ops->v[ct->k1].b1) ||
	    items_in(c, RL_OLD, ops->v[ct->k0].a0, ops->v[ct->k1].a1))
		return RL_OK;  /* (a copy kept in place, mostly; no list) */
	uint32_t copy_eq, drop_eq = 0, eq;
	int rc = rl_mv_matched(c, &(rl_span){u0, u1, sp->b0, sp->b1}, &copy_eq);
	/* Strictly better: a copy that matches the NEW place only as well as the move's own words
	 * has nothing of its own there ("during decoding" and "during translating" against "during
	 * encoding"), and taking it trades one guess for another. */
	if (rc != RL_OK || copy_eq <= moved_eq)
		return rc;
	for (size_t k = 0; k < ct->ndrop; k++) {
		if ((rc = rl_mv_matched(c, &acc->v[ct->drop[k]].sp, &eq)) != RL_OK)
			return rc;
		drop_eq += eq;
	}
	bool before = u1 <= sp->a0;
	uint32_t ra0 = ops->v[ct->k0].a0, ra1 = ops->v[ct->k1].a1;
	if ((rc = rl_mv_realign_run(c, before ? u1 : ra0, before ? ra1 : u0, ops->v[ct->k0].b0,
	                      ops->v[ct->k1].b1, &ct->alt)) != RL_OK)
		return rc;
	int64_t now = (int64_t)kept_free(c, ops, tk, ra0, ra1) + moved_eq + drop_eq;
	ct->gain = (int64_t)equal_words(c, &ct->alt) + copy_eq - now;
	return RL_OK;
}

/* Put the ops of d in place of moved's ops [first, first + count), and shift the accepted moves
 * listed after them. */
static int replace_ops(rl_opvec *moved, accepts *acc, size_t m, const rl_opvec *d)
{
	size_t first = acc->v[m].first, count = acc->v[m].count, tail = moved->n - first - count;
	if (d->n > count && rl_opvec_append(moved, d->v, d->n - count) != RL_OK)
		return RL_ENOMEM;
	memmove(moved->v + first + d->n, moved->v + first + count, tail * sizeof *moved->v);
	if (d->n)
		memcpy(moved->v + first, d->v, d->n * sizeof *moved->v);
	moved->n = first + d->n + tail;
	for (size_t j = 0; j < acc->n; j++)
		if (acc->v[j].first > first)
			acc->v[j].first = acc->v[j].first + d->n - count;
	acc->v[m].count = d->n;
	return RL_OK;
}

/* Give up accepted move j: its ops leave moved, its tokens go back to the ops they stand in. */
static int drop_move(taken *tk, accepts *acc, size_t j, rl_opvec *moved)
{
	rl_span sp = acc->v[j].sp;
	rl_opvec none = {0};
	int rc = replace_ops(moved, acc, j, &none);
	memset(tk->moved[RL_OLD] + sp.a0, 0, sp.a1 - sp.a0);
	memset(tk->moved[RL_NEW] + sp.b0, 0, sp.b1 - sp.b0);
	return rc;
}

/* Put alt's ops and gone (before them, or after) in place of ops [k0, k1), in place: a copy of
 * the whole list (24 bytes an op) grown by doubling was the moves stage's peak on a text rewritten
 * at rate 0.3 (+27 MiB at 10 MB, the new list and the old at once). ops is unchanged when out of
 * memory. */
static int splice(rl_opvec *ops, size_t k0, size_t k1, const rl_opvec *alt, const rl_op *gone,
                  bool before)
{
	size_t put = alt->n + 1, tail = ops->n - k1;
	if (rl_opvec_reserve(ops, k0 + put + tail) != RL_OK)
		return RL_ENOMEM;
	memmove(ops->v + k0 + put, ops->v + k1, tail * sizeof *ops->v);
	rl_op *at = ops->v + k0;
	if (before)
		*at++ = *gone;
	if (alt->n)
		memcpy(at, alt->v, alt->n * sizeof *at);
	if (!before)
		at[alt->n] = *gone;
	ops->n = k0 + put + tail;
	return RL_OK;
}

/* Make the exchange copy_gain weighed: copy [u0, u1) becomes accepted move m (its ops diffed
 * anew), the moves that took NEW words of the stretch are given up, ops k0 to k1 become the
 * copy's deletion and the stretch diffed again, and the tokens change hands. */
static int take_copy(rl_ctx *c, rl_opvec *ops, taken *tk, accepts *acc, size_t m, rl_opvec *moved,
                     uint32_t u0, uint32_t u1, const copy_try *ct)
{
	rl_span sp = acc->v[m].sp, to = {u0, u1, sp.b0, sp.b1};
	uint32_t id = moved->v[acc->v[m].first].move;
	rl_opvec inner = {0};
	int rc = rl_ctx_refine(c, to.a0, to.a1, to.b0, to.b1, &inner);
	if (rc != RL_OK)
		goto out;
	rl_mv_dissolve_fragments(c, &inner);
	for (size_t k = 0; k < inner.n; k++) {
		inner.v[k].move = id;
		if (inner.v[k].kind == RL_OP_EQUAL)
			inner.v[k].kind = RL_OP_MOVE;
	}
	if ((rc = replace_ops(moved, acc, m, &inner)) != RL_OK)
		goto out;
	acc->v[m].sp = to;
	for (size_t k = 0; k < ct->ndrop; k++)
		if ((rc = drop_move(tk, acc, ct->drop[k], moved)) != RL_OK)
			goto out;
	bool before = u1 <= sp.a0;
	rl_op gone = {u0, u1, 0, 0, 0, RL_OP_DELETE, 0};
	gone.b0 = gone.b1 = before ? ops->v[ct->k0].b0 : ops->v[ct->k1].b1;
	if ((rc = splice(ops, ct->k0, ct->k1 + 1, &ct->alt, &gone, before)) != RL_OK)
		goto out;
	memset(tk->moved[RL_OLD] + sp.a0, 0, sp.a1 - sp.a0);
	memset(tk->free_tok[RL_OLD] + sp.a0, 0, sp.a1 - sp.a0);
	memset(tk->moved[RL_OLD] + u0, 1, u1 - u0);
	memset(tk->free_tok[RL_OLD] + u0, 0, u1 - u0);
out:
	rl_opvec_free(&inner);
	return rc;
}

/* The OLD units of the group j groups away from sp's OLD place (j < 0: before it), as many units
 * as it spans, in *u0, *u1. Whether there is one. */
static bool copy_units(const rl_ctx *c, const rl_span *sp, int j, uint32_t *u0, uint32_t *u1)
{
	const rl_side *sd = &c->side[RL_OLD];
	uint32_t first = sd->unit[sp->a0], last = sd->unit[sp->a1 - 1], n = last - first + 1;
	int64_t lo = j < 0 ? (int64_t)first + (int64_t)j * n : (int64_t)last + 1 + (int64_t)(j - 1) * n;
	if (lo < 0 || lo + n > sd->nunits)
		return false;
	*u0 = sd->ustart[lo];
	*u1 = sd->ustart[lo + n];
	return *u0 < *u1 && (j < 0 ? *u1 <= sp->a0 : *u0 >= sp->a1);
}

/* Try the copies next to each accepted move; the best exchange is taken. Moves given up stay in
 * the list with no ops (count 0), which the steps after this one pass over. */
int rl_mv_swap_copies(rl_ctx *c, rl_opvec *ops, taken *tk, accepts *acc, rl_opvec *moved)
{
	copy_try try = {0}, best = {0};
	by_new ix = {NULL, 0, false};
	int rc = by_new_build(acc, &ix);
	for (size_t m = 0; m < acc->n && rc == RL_OK; m++) {
		rl_span sp = acc->v[m].sp;
		uint32_t eq, u0, u1, b0 = 0, b1 = 0;
		if (!acc->v[m].count || (rc = rl_mv_matched(c, &sp, &eq)) != RL_OK)
			continue;
		best.gain = 0;
		for (int j = -COPY_REACH; j <= COPY_REACH && rc == RL_OK; j++) {
			if (j == 0 || !copy_units(c, &sp, j, &u0, &u1))
				continue;
			rc = copy_gain(c, ops, tk, acc, &ix, m, u0, u1, eq, &try);
			if (rc != RL_OK || try.gain <= best.gain)
				continue;
			bool away;
			rl_span copy = {u0, u1, sp.b0, sp.b1};
			if ((rc = rl_mv_moved_away(c, ops, &copy, eq, &away)) != RL_OK || !away)
				continue;
			b0 = u0, b1 = u1;
			copy_try t = best;
			best = try, try = t;
		}
		if (rc == RL_OK && best.gain > 0)
			rc = take_copy(c, ops, tk, acc, m, moved, b0, b1, &best);
	}
	rl_opvec_free(&try.alt);
	rl_opvec_free(&best.alt);
	free(ix.v);
	return rc;
}
