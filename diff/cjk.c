/* cjk.c: joining the changes inside a run of Chinese or Japanese characters. */
#include "cjk.h"

#include <stdlib.h>

#include "status.h"
#include "text.h"

/* Is token t of side s a Han or Kana character (a token of its own, RL_TF_SOLO)? */
static bool is_cjk(const rl_ctx *c, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	const rl_token *tk = &sd->tok[t];
	int32_t cp;

	if (!(tk->flags & RL_TF_SOLO))
		return false;
	rl_utf8_decode(sd->text + tk->off, tk->len, &cp);
	return (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0x3040 && cp <= 0x31FF) ||
	       (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF66 && cp <= 0xFF9F) ||
	       (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* Does token t of side s touch the one before it: no space, at most a soft line end (hard-wrapped
 * Chinese breaks its lines anywhere inside a sentence)? */
static bool touches(const rl_ctx *c, int s, uint32_t t)
{
	uint8_t gap = c->side[s].tok[t].gap;
	return gap == RL_GAP_NONE || gap == RL_GAP_LINE;
}

/* Are all tokens of op CJK characters touching each other, on both sides? */
static bool cjk_op(const rl_ctx *c, const rl_op *op)
{
	if (op->move || op->quote)
		return false;
	for (int s = 0; s < 2; s++)
		for (uint32_t t = rl_lo(op, s); t < rl_hi(op, s); t++)
			if (!is_cjk(c, s, t) || (t > rl_lo(op, s) && !touches(c, s, t)))
				return false;
	return true;
}

static bool is_change(const rl_op *op)
{
	return op->kind != RL_OP_EQUAL && !op->move;
}

/* Does op y continue op x in the text on each side where both have tokens? */
static bool joined(const rl_ctx *c, const rl_op *x, const rl_op *y)
{
	for (int s = 0; s < 2; s++)
		if (rl_hi(x, s) > rl_lo(x, s) && rl_hi(y, s) > rl_lo(y, s) && !touches(c, s, rl_lo(y, s)))
			return false;
	return true;
}

/* More than a one-to-one swap of characters: one side empty, or not as long as the other. */
static bool heavy(const rl_op *op)
{
	uint32_t na = op->a1 - op->a0, nb = op->b1 - op->b0;
	return na != nb || na == 0;
}

/* Is e a single CJK character kept between changes l and r of one run, with one of them heavy? */
static bool coincidental(const rl_ctx *c, const rl_op *l, const rl_op *e, const rl_op *r)
{
	if (e->kind != RL_OP_EQUAL || e->move || e->a1 - e->a0 != 1 || e->b1 - e->b0 != 1 ||
	    !cjk_op(c, e) || !cjk_op(c, l) || !cjk_op(c, r))
		return false;
	return joined(c, l, e) && joined(c, e, r) && (heavy(l) || heavy(r));
}

/* Extend the last op of out (a change) over op y. */
static void absorb(rl_op *x, const rl_op *y)
{
	x->a1 = y->a1;
	x->b1 = y->b1;
	x->kind = rl_change_kind(x->a1 > x->a0, x->b1 > x->b0);
}

/* Is the point before token t of side s the edge of a run of CJK characters (no CJK character
 * touching it on one side)? */
static bool run_edge(const rl_ctx *c, int s, uint32_t t)
{
	return t == 0 || t >= c->side[s].n || !is_cjk(c, s, t) || !is_cjk(c, s, t - 1) ||
	       !touches(c, s, t);
}

/* Are ops [x, y] (in text order, touching) a whole run of CJK characters on both sides? */
static bool whole_run(const rl_ctx *c, const rl_op *x, const rl_op *y)
{
	for (int s = 0; s < 2; s++)
		if (!run_edge(c, s, rl_lo(x, s)) || !run_edge(c, s, rl_hi(y, s)))
			return false;
	return true;
}

/* A run of CJK characters of at most this many on each side may be one word: most words of
 * Chinese are one to three characters; a longer run is a phrase ("用户用", "user" + "use"),
 * whose last character is a word of its own or the same word converted ("依次执行" -> "執行"). */
#define WORD_CHARS_MAX 3

/* Is the first character of equal op e, right after the replace ch, kept by coincidence: it and
 * the replace are a whole run on each side, a word (WORD_CHARS_MAX), the replace more than a
 * one-to-one swap? That run is one word changed for another with the same last character
 * ("{{印度教}}" -> "{{道教}}": Hinduism -> Taoism, not "印度" -> "道" with "教" kept). Only the
 * last: a compound of Chinese puts its head last, so two words that share only that are two
 * words (印度教, 道教); a shared first character is more often the same word grown or written
 * otherwise ("近衛" -> "近衛天"). */
static bool coincidental_end(const rl_ctx *c, const rl_op *ch, const rl_op *e)
{
	if (e->kind != RL_OP_EQUAL || e->move || ch->kind != RL_OP_REPLACE || !heavy(ch) ||
	    ch->a1 - ch->a0 >= WORD_CHARS_MAX || ch->b1 - ch->b0 >= WORD_CHARS_MAX || !cjk_op(c, ch))
		return false;
	rl_op one = *e;  /* the character alone */
	one.a1 = one.a0 + 1, one.b1 = one.b0 + 1;
	return cjk_op(c, &one) && joined(c, ch, &one) && whole_run(c, ch, &one);
}

/* Dissolve each character coincidental_end finds into its replace, in place (the list only
 * shrinks: an equal op of one character goes, a longer one loses it). */
static void dissolve_ends(const rl_ctx *c, rl_opvec *ops)
{
	size_t w = 0;
	for (size_t k = 0; k < ops->n; k++) {
		rl_op op = ops->v[k];
		rl_op *last = w > 0 ? &ops->v[w - 1] : NULL;
		if (last && coincidental_end(c, last, &op)) {
			last->a1++, last->b1++;
			op.a0++, op.b0++;
		}
		if (op.a1 > op.a0 || op.b1 > op.b0)
			ops->v[w++] = op;
	}
	ops->n = w;
}

/* Could the stage change the list: an op empty on both sides (dissolve_ends drops it), or a
 * change that may be all CJK characters (every join and dissolve takes one that cjk_op passes;
 * its first token on a side that has one is a token of its own then)? Most lists of most texts
 * hold neither, and the stage runs after every diff of a range. */
static bool may_change(const rl_ctx *c, const rl_opvec *ops)
{
	for (size_t k = 0; k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		int s = op->a1 > op->a0 ? RL_OLD : RL_NEW;
		if (rl_hi(op, s) == rl_lo(op, s))
			return true;
		if (op->kind != RL_OP_EQUAL && !op->move && !op->quote &&
		    (c->side[s].tok[rl_lo(op, s)].flags & RL_TF_SOLO))
			return true;
	}
	return false;
}

int rl_cjk_cleanup(rl_ctx *c, rl_opvec *ops)
{
	size_t w = 0;

	if (!may_change(c, ops))
		return RL_OK;

	/* In place: the list only shrinks. */
	for (size_t k = 0; k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		rl_op *last = w > 0 ? &ops->v[w - 1] : NULL;
		if (last && is_change(op) && is_change(last) && cjk_op(c, last) && cjk_op(c, op) &&
		    joined(c, last, op)) {
			absorb(last, op);
		} else {
			ops->v[w++] = *op;
		}
		/* change, kept character, change: one rewrite; the result may dissolve the character
		 * before it in turn. */
		while (w >= 3 && is_change(&ops->v[w - 1]) &&
		       coincidental(c, &ops->v[w - 3], &ops->v[w - 2], &ops->v[w - 1])) {
			rl_op r = ops->v[w - 1];
			absorb(&ops->v[w - 3], &r);
			w -= 2;
		}
	}
	ops->n = w;
	dissolve_ends(c, ops);
	return RL_OK;
}

/* ------------------------------------------------------------------ line ends */

/* The next token after t in [t, hi) of side s that starts a line a reader sees, or hi. */
static uint32_t next_break(const rl_ctx *c, int s, uint32_t t, uint32_t hi)
{
	while (t < hi && c->side[s].tok[t].gap < RL_GAP_BREAK)
		t++;
	return t;
}

int rl_split_breaks(rl_ctx *c, rl_opvec *ops)
{
	rl_opvec out = {0};
	size_t first = 0;

	/* Most lists have nothing to split: no copy then. */
	for (; first < ops->n; first++) {
		const rl_op *op = &ops->v[first];
		if (op->kind == RL_OP_REPLACE && !op->move &&
		    next_break(c, RL_OLD, op->a0 + 1, op->a1) < op->a1 &&
		    next_break(c, RL_NEW, op->b0 + 1, op->b1) < op->b1)
			break;
	}
	if (first == ops->n)
		return RL_OK;
	out = rl_ctx_scratch(c, ops->n + 8);
	if (rl_opvec_append(&out, ops->v, first) != RL_OK)
		goto nomem;
	for (size_t k = first; k < ops->n; k++) {
		rl_op op = ops->v[k];
		while (op.kind == RL_OP_REPLACE && !op.move) {
			uint32_t a = next_break(c, RL_OLD, op.a0 + 1, op.a1);
			uint32_t b = next_break(c, RL_NEW, op.b0 + 1, op.b1);
			if (a == op.a1 || b == op.b1)
				break;
			if (rl_opvec_cut(&out, &op, a, b) != RL_OK)
				goto nomem;
		}
		if (rl_opvec_push(&out, &op) != RL_OK)
			goto nomem;
	}
	rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	return RL_OK;
nomem:
	rl_ctx_recycle(c, &out);
	return RL_ENOMEM;
}
