/* refine.c: the readable script between two ranges: their exact diff, then the swap and cleanup
 * stages that are on. */
#include "refine.h"

#include <stdlib.h>
#include <string.h>

#include "cjk.h"
#include "cleanup.h"
#include "quote.h"
#include "rewrite.h"
#include "status.h"

/* Count n compared tokens of side s from token t on; returns the position after the n-th (t
 * itself when n is 0). */
static uint32_t skip_compared(const rl_ctx *c, int s, uint32_t t, uint32_t hi, uint32_t n)
{
	const uint32_t *ids = c->side[s].ids;
	while (n > 0 && t < hi) {
		n -= ids[t] != RL_ID_NONE;
		t++;
	}
	return t;
}

static uint32_t count_compared(const rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	uint32_t n = 0;
	for (uint32_t t = lo; t < hi; t++)
		n += c->side[s].ids[t] != RL_ID_NONE;
	return n;
}

/* The token of side !s that equal op `op` pairs with token t of side s. Every token compared, it
 * is at the same offset. Under ignore_punct punctuation has no id and no partner, and the two
 * sides of an equal op may differ in length: its compared tokens pair in order, counted from the
 * op's nearer end (the cleanup asks of words near an op's end: a unit that keeps a word or two,
 * and the units their partners stand in). False: no partner. */
bool rl_partner(const rl_ctx *c, const rl_op *op, int s, uint32_t t, uint32_t *out)
{
	int o = !s;
	const uint32_t *ids = c->side[s].ids, *oids = c->side[o].ids;
	uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s), olo = rl_lo(op, o), ohi = rl_hi(op, o);
	if (!c->opts.key.ignore_punct) {
		*out = olo + (t - lo);
		return true;
	}
	if (ids[t] == RL_ID_NONE)
		return false;
	uint32_t n = 0;
	if (t - lo <= hi - t) {
		for (uint32_t x = lo; x < t; x++)
			n += ids[x] != RL_ID_NONE;
		for (uint32_t y = olo; y < ohi; y++)
			if (oids[y] != RL_ID_NONE && n-- == 0)
				return *out = y, true;
		return false;
	}
	for (uint32_t x = t + 1; x < hi; x++)
		n += ids[x] != RL_ID_NONE;
	for (uint32_t y = ohi; y-- > olo;)
		if (oids[y] != RL_ID_NONE && n-- == 0)
			return *out = y, true;
	return false;
}

/* Where the point before token t of side s, inside equal op `op`, falls on side !s: at the same
 * offset when every token is compared; under ignore_punct, before the partner of the next compared
 * token (or at the op's end), less as many uncompared marks as stand between t and it on side s
 * when side !s has them there ("| clubs1 =" against "| clubs1 =": before the "|"). */
uint32_t rl_point_across(const rl_ctx *c, const rl_op *op, int s, uint32_t t)
{
	int o = !s;
	uint32_t hi = rl_hi(op, s), n = t, p = rl_hi(op, o);
	if (!c->opts.key.ignore_punct)
		return rl_lo(op, o) + (t - rl_lo(op, s));
	while (n < hi && c->side[s].ids[n] == RL_ID_NONE)
		n++;
	if (n < hi && !rl_partner(c, op, s, n, &p))
		p = rl_hi(op, o);
	const uint32_t *oids = c->side[o].ids;
	for (uint32_t back = n - t; back > 0 && p > rl_lo(op, o) && oids[p - 1] == RL_ID_NONE; back--)
		p--;
	return p;
}

/* Line starts among the uncompared tokens of side s from t on, up to the first compared token or
 * hi (back: among those before t, down to the last compared token or lo). */
static uint32_t mark_lines(const rl_ctx *c, int s, uint32_t lo, uint32_t t, uint32_t hi, bool back)
{
	const rl_side *sd = &c->side[s];
	uint32_t n = 0;
	for (uint32_t x = t; back ? x > lo && sd->ids[x - 1] == RL_ID_NONE
	                          : x < hi && sd->ids[x] == RL_ID_NONE; back ? x-- : x++)
		n += sd->tok[back ? x - 1 : x].gap >= RL_GAP_LINE;
	return n;
}

/* Where the other side of an equal op [x0, x1) of side hs holding the hole [h0, h1) splits, under
 * ignore_punct, among the uncompared marks from p (after the last token paired before the hole) to
 * its next compared token: the marks on p's line go before the hole (the stop of "in fog."); of
 * the lines of marks after it ("|", "|-" of a wiki table), as many as the hole's side has before
 * the hole go before it, and as many as it has after the hole go after; those left over face the
 * hole. Else marks a row apart from their words, or from their like on the other side. */
static uint32_t marks_split(const rl_ctx *c, int hs, uint32_t x0, uint32_t h0, uint32_t h1,
                            uint32_t x1, uint32_t p, uint32_t y1)
{
	const rl_side *so = &c->side[!hs];
	uint32_t before = mark_lines(c, hs, x0, h0, x1, true);
	uint32_t after = mark_lines(c, hs, x0, h1, x1, false);
	uint32_t mine = mark_lines(c, !hs, p, p, y1, false);
	uint32_t keep = mine > after && mine - after > before ? mine - after : before, lines = 0;
	for (; p < y1 && so->ids[p] == RL_ID_NONE; p++)
		if (so->tok[p].gap >= RL_GAP_LINE && lines++ == keep)
			break;
	return p;
}

/* The exact script of a range with a hole on side hs, [h0, h1): the hole took no part in the diff
 * (its tokens were uncompared, so they joined the op before them); cut it out of that op as an
 * op of its own, the deleted (or inserted) unit it is. */
static int split_hole(const rl_ctx *c, rl_opvec *ops, size_t first, int hs, uint32_t h0,
                      uint32_t h1)
{
	int os = !hs;
	size_t k = first;
	while (k < ops->n && !(rl_lo(&ops->v[k], hs) <= h0 && rl_hi(&ops->v[k], hs) >= h1 &&
	                       rl_hi(&ops->v[k], hs) > rl_lo(&ops->v[k], hs)))
		k++;
	if (k == ops->n)
		return RL_OK;
	rl_op x = ops->v[k], parts[3];
	uint32_t x0 = rl_lo(&x, hs), x1 = rl_hi(&x, hs), y0 = rl_lo(&x, os), y1 = rl_hi(&x, os);
	/* The other side's split: an equal op pairs compared tokens one to one; a change keeps its
	 * other side with the part before the hole, or after it when nothing comes before. */
	uint32_t n = x.kind == RL_OP_EQUAL ? count_compared(c, hs, x0, h0) : 0;
	uint32_t p = x.kind == RL_OP_EQUAL ? skip_compared(c, os, y0, y1, n) : h0 > x0 ? y1 : y0;
	if (n > 0)
		p = marks_split(c, hs, x0, h0, h1, x1, p, y1);
	uint32_t r0[3][2] = {{x0, h0}, {h0, h1}, {h1, x1}};
	uint32_t r1[3][2] = {{y0, p}, {p, p}, {p, y1}};
	for (int i = 0; i < 3; i++) {
		rl_op *q = &parts[i];
		*q = (rl_op){0, 0, 0, 0, 0, 0, 0};
		if (hs == RL_OLD)
			q->a0 = r0[i][0], q->a1 = r0[i][1], q->b0 = r1[i][0], q->b1 = r1[i][1];
		else
			q->b0 = r0[i][0], q->b1 = r0[i][1], q->a0 = r1[i][0], q->a1 = r1[i][1];
		bool ha = q->a1 > q->a0, hb = q->b1 > q->b0;
		q->kind = i != 1 && x.kind == RL_OP_EQUAL && ha && hb ? RL_OP_EQUAL
		                                                      : rl_change_kind(ha, hb);
	}
	/* Make room for two more ops after k. */
	if (rl_opvec_append(ops, parts, 2) != RL_OK)
		return RL_ENOMEM;
	memmove(ops->v + k + 3, ops->v + k + 1, (ops->n - 2 - k - 1) * sizeof *ops->v);
	memcpy(ops->v + k, parts, sizeof parts);
	/* Drop parts that came out empty. */
	size_t w = first;
	for (size_t i = first; i < ops->n; i++)
		if (ops->v[i].a1 > ops->v[i].a0 || ops->v[i].b1 > ops->v[i].b0)
			ops->v[w++] = ops->v[i];
	ops->n = w;
	return RL_OK;
}

/* Blank (or, with `saved` filled, restore) the ids of every hole; `saved` holds them end to end. */
static void holes_blank(rl_ctx *c, const rl_hole *holes, size_t n, uint32_t *saved, bool restore)
{
	for (size_t i = 0; i < n; i++) {
		uint32_t *ids = c->side[holes[i].s].ids + holes[i].h0, len = holes[i].h1 - holes[i].h0;
		if (restore) {
			memcpy(ids, saved, (size_t)len * sizeof *ids);
		} else {
			memcpy(saved, ids, (size_t)len * sizeof *ids);
			for (uint32_t t = 0; t < len; t++)
				ids[t] = RL_ID_NONE;
		}
		saved += len;
	}
}

/* The exact script with the holes left out, each cut out as an op of its own. */
static int exact_holes(rl_ctx *c, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1,
                       const rl_hole *holes, size_t n, rl_opvec *ops)
{
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		len += holes[i].h1 - holes[i].h0;
	if (len == 0)
		return rl_ctx_exact(c, a0, a1, b0, b1, ops);
	uint32_t *saved = malloc(len * sizeof *saved);
	if (!saved)
		return RL_ENOMEM;
	bool all[2] = {c->side[0].all_compared, c->side[1].all_compared};
	holes_blank(c, holes, n, saved, false);
	for (size_t i = 0; i < n; i++)
		if (holes[i].h1 > holes[i].h0)
			c->side[holes[i].s].all_compared = false;  /* the hole is not compared (ctx.h) */
	int rc = rl_ctx_exact(c, a0, a1, b0, b1, ops);
	c->side[0].all_compared = all[0], c->side[1].all_compared = all[1];
	holes_blank(c, holes, n, saved, true);
	free(saved);
	for (size_t i = 0; rc == RL_OK && i < n; i++)
		if (holes[i].h1 > holes[i].h0)
			rc = split_hole(c, ops, 0, holes[i].s, holes[i].h0, holes[i].h1);
	return rc;
}

int rl_ctx_refine_holes(rl_ctx *c, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1,
                        const rl_hole *holes, size_t nholes, rl_opvec *out)
{
	rl_opvec ops = {0};
	int rc = exact_holes(c, a0, a1, b0, b1, holes, nholes, &ops);
	if (rc == RL_OK && (c->stages & RL_STAGE_QUOTES) && nholes == 0)
		rc = rl_quote_ties(c, &ops, 0);
	if (rc == RL_OK && (c->stages & RL_STAGE_SWAPS))
		rc = rl_swaps(c, &ops);
	if (rc == RL_OK && (c->stages & RL_STAGE_CLEANUP))
		rc = rl_cleanup(c, &ops);
	if (rc == RL_OK && (c->stages & RL_STAGE_CLEANUP))
		rc = rl_cjk_cleanup(c, &ops);
	if (rc == RL_OK && (c->stages & RL_STAGE_CLEANUP))
		rc = rl_split_breaks(c, &ops);
	if (rc == RL_OK && (c->stages & RL_STAGE_CLEANUP))
		rc = rl_slide(c, &ops);
	if (rc == RL_OK && (c->stages & RL_STAGE_CLEANUP))
		rc = rl_split_at_units(c, &ops);
	if (rc == RL_OK && out->n == 0)
		rl_opvec_swap(out, &ops);  /* nothing to append to: hand the list over */
	else if (rc == RL_OK)
		rc = rl_opvec_append(out, ops.v, ops.n);
	rl_opvec_free(&ops);
	return rc;
}

int rl_ctx_refine_hole(rl_ctx *c, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1, int hs,
                       uint32_t h0, uint32_t h1, rl_opvec *out)
{
	rl_hole h = {hs, h0, h1};
	return rl_ctx_refine_holes(c, a0, a1, b0, b1, &h, hs >= 0 && h1 > h0 ? 1 : 0, out);
}

int rl_ctx_refine(rl_ctx *c, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1, rl_opvec *out)
{
	return rl_ctx_refine_hole(c, a0, a1, b0, b1, -1, 0, 0, out);
}
