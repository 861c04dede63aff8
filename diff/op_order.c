/* op_order.c: the order of the ops, where one side's change stands beside whole units or blocks
 * of the other (rl_tails_first, structure.h). No pass changes a move's ranges, nor an equal op
 * but a stop kept between two changes (pass 3): each moves one-sided changes past each other where they meet at one place of the other side
 * (an op with no tokens on a side has a place there, place_at), cuts such a change in two, or
 * gives its part to the change it goes on from, so that the order of the list is the order a
 * reader is shown. Four passes, in this order:
 *
 *   1. the units (ends_beside_units): where a run of whole units of one side (deleted or inserted
 *      sentences, a passage moved in among them) cuts a unit of the other side's change, the
 *      unit's tail is listed before the run (a rewrite takes it as its own) and its head after
 *      the run, with its kept words: a unit is not drawn apart from its own ends;
 *   2. opening marks (marks_to_their_words): a mark alone that leads the word of the op after
 *      next is listed after the change of the other side between them ("[-- Ann-] {+“+}{!We!}");
 *   3. closing marks (marks_after_words): marks glued to the word before, that a change of the
 *      other side on rows of its own (or a line after them) would draw apart, are listed right
 *      after the op of their word ("predict.{+”+}"); and an equal op of marks alone, glued on
 *      each side to a word that the other side's paragraphs stand between (equal_marks_apart),
 *      is the one equal op a pass changes: each side's mark goes with its own word
 *      ("mentioned{+.+}", "(AGI)[-.-]"), not a lone "." on a row below both;
 *   4. blocks (block_ends_first): where one side's change of whole blocks (a heading, paragraphs)
 *      follows an op with words on the other side, and the op after goes on with that side's
 *      paragraph, the paragraph's end is listed first, with its paragraph.
 *
 * Why in this order: the units pass is the only one that moves an op over a run of several and
 * joins ops; it drops the ops it leaves empty, and the three after it read an op's neighbours
 * (the ops after it, or those written so far), which must be the order it settled. The two mark
 * passes pick different ops (an opening mark has a space before it and is glued to the word
 * after; a closing mark is glued to the word before), so neither moves what the other placed.
 * The blocks go last (marks first, then blocks, as stop 31 merged them): the blocks pass moves a
 * paragraph's end up to the op before it, nearer the words it goes on from, and so never draws a
 * mark away from its word.
 *
 * Passes 2 to 4 are one walk (reorder): each op in turn written into a fresh list, alone or with
 * the op after it (a swap, a cut), by the pass's step, which reads the ops ahead and what it wrote
 * so far. */
#include "structure.h"

#include <stdint.h>
#include <string.h>

#include "status.h"
#include "structure_stage.h"

/* One step of an op-order pass: ops[k] (and the op after it when the step sets *used to 2)
 * written into out, which holds what the pass wrote before it. */
typedef int (*order_step)(const rl_ctx *c, const rl_opvec *ops, size_t k, rl_opvec *out,
                          size_t *used);

/* The walk of passes 2 to 4: ops rewritten in order by step into a fresh list of room ops (it
 * grows past that as needed), then swapped in. */
static int reorder(rl_ctx *c, rl_opvec *ops, size_t room, order_step step)
{
	rl_opvec out = rl_ctx_scratch(c, room);
	int rc = RL_OK;
	for (size_t k = 0; k < ops->n && rc == RL_OK;) {
		size_t used = 1;
		rc = step(c, ops, k, &out, &used);
		k += used;
	}
	if (rc == RL_OK)
		rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	return rc;
}

/* Point op (no move) at place x on side s, where it has no tokens. */
static void place_at(rl_op *op, int s, uint32_t x)
{
	if (op->move || rl_hi(op, s) > rl_lo(op, s))
		return;
	if (s == RL_OLD)
		op->a0 = op->a1 = x;
	else
		op->b0 = op->b1 = x;
}

/* ------------------------------------------------------------------ 1. the units */

/* The last run units_run scanned: every op inside it is on the same side, and the run from any of
 * them ends where it ended, so asking again from each op of a run of n ops costs n, not n^2 (a
 * long run of inserted units, each one its own op, that ends inside a unit). */
typedef struct run_memo {
	int s;
	size_t m;     /* the run's end (exclusive); 0: none */
	uint32_t at;  /* its end on side s */
} run_memo;

/* The end (exclusive) of the run of ops from k on that are whole units of side s, one after
 * another there: ops with tokens on side s only (inserted or deleted units), and on NEW the ops
 * of moved passages too (their OLD side stands elsewhere); k when there is no such run. A
 * summary's inserted sentences and a passage moved in among them are one run. */
static size_t units_run(const rl_ctx *c, const rl_opvec *ops, size_t k, int s, run_memo *memo)
{
	if (s < 0 || k >= ops->n)
		return k;
	uint32_t lo = rl_lo(&ops->v[k], s), at = lo;
	size_t m = k;
	if (memo->m > k && memo->s == s) {
		m = memo->m, at = memo->at;
	} else {
		for (; m < ops->n; m++) {
			const rl_op *d = &ops->v[m];
			bool fits = d->move ? s == RL_NEW : rl_one_side(d) == s;
			if (!fits || rl_lo(d, s) != at)
				break;
			at = rl_hi(d, s);
		}
		*memo = (run_memo){s, m, at};
	}
	if (at == lo || rl_inside_unit(c, s, lo) || rl_inside_unit(c, s, at))
		return k;
	return m;
}

/* Ops k-1, run [k, m), op m: does k-1 (a change with tokens on side o) go on with m (one-sided,
 * on o) inside one unit of side o, while the run is whole units of the other side? */
static bool tail_after_units(const rl_ctx *c, const rl_opvec *ops, size_t k, size_t m)
{
	const rl_op *x = &ops->v[k - 1], *t = &ops->v[m];
	int o = rl_one_side(t);
	return o >= 0 && m > k && !x->move && x->kind != RL_OP_EQUAL && rl_hi(x, o) > rl_lo(x, o) &&
	       rl_hi(x, o) == rl_lo(t, o) && rl_inside_unit(c, o, rl_lo(t, o));
}

/* Ops k-1, run [k, m), op m: is k-1 (one-sided, on side o) the head of a unit of o that op m
 * goes on with (a list marker inserted before the item's kept words, "But" deleted before its
 * sentence's kept words), while the run is whole units of the other side? */
static bool head_before_units(const rl_ctx *c, const rl_opvec *ops, size_t k, size_t m)
{
	const rl_op *h = &ops->v[k - 1], *n = &ops->v[m];
	int o = rl_one_side(h);
	return o >= 0 && m > k && !n->move && rl_hi(n, o) > rl_lo(n, o) &&
	       rl_hi(h, o) == rl_lo(n, o) && rl_inside_unit(c, o, rl_hi(h, o));
}

/* Op k-1 (one-sided on o) moved after the run [k, m) of whole units of the other side. */
static void head_after_run(rl_opvec *ops, size_t k, size_t m)
{
	rl_op h = ops->v[k - 1];
	int o = rl_one_side(&h), s = !o;
	uint32_t x = rl_lo(&h, o), end = rl_hi(&ops->v[m - 1], s);
	for (size_t i = k; i < m; i++) {
		ops->v[i - 1] = ops->v[i];
		place_at(&ops->v[i - 1], o, x);
	}
	place_at(&h, s, end);
	ops->v[m - 1] = h;
}

/* The end of the unit of side s that token lo is in, at most hi. */
static uint32_t unit_end(const rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	const rl_side *sd = &c->side[s];
	uint32_t u = rl_unit_of(sd, lo) + 1;
	uint32_t e = u < sd->nunits ? sd->ustart[u] : sd->n;
	return e < hi ? e : hi;
}

/* Is op d (one-sided on side o) within one unit there: no unit starts inside it? */
static bool in_one_unit(const rl_ctx *c, int o, const rl_op *d)
{
	return unit_end(c, o, rl_lo(d, o), rl_hi(d, o)) == rl_hi(d, o) &&
	       rl_unit_of(&c->side[o], rl_lo(d, o)) == rl_unit_of(&c->side[o], rl_hi(d, o) - 1);
}

/* Op m (one-sided on o), the tail of the change k-1, taken before the run [k, m): a rewrite (or
 * a change of the same kind and flag) takes it as its own, one change, not two brackets; else
 * it is listed before the run. */
static void tail_before_run(const rl_ctx *c, rl_opvec *ops, size_t k, size_t m)
{
	rl_op *x = &ops->v[k - 1], *t = &ops->v[m];
	int o = rl_one_side(t), s = !o;
	uint32_t end = unit_end(c, o, rl_lo(t, o), rl_hi(t, o));
	if ((x->kind == RL_OP_REPLACE || x->kind == t->kind) && x->quote == t->quote) {
		/* the tail up to its unit's end; the units after it stay where they were */
		if (o == RL_NEW)
			x->b1 = t->b0 = end;
		else
			x->a1 = t->a0 = end;
		for (size_t i = k; i < m; i++)
			place_at(&ops->v[i], o, end);
		return;
	}
	rl_op tail = *t;
	uint32_t start = rl_lo(&ops->v[k], s);
	for (size_t i = m; i > k; i--) {
		ops->v[i] = ops->v[i - 1];
		place_at(&ops->v[i], o, end);
	}
	place_at(&tail, s, start);
	ops->v[k] = tail;
}

/* Pass 1: each unit of one side back beside its own ends, where a run of whole units of the
 * other side stood between them (the first two points of rl_tails_first, structure.h); then the
 * ops this left with no tokens are dropped. */
static void ends_beside_units(const rl_ctx *c, rl_opvec *ops)
{
	run_memo memo = {-1, 0, 0};
	for (size_t k = 1; k + 1 < ops->n; k++) {
		int s = rl_one_side(&ops->v[k]);
		if (s < 0 && ops->v[k].move)
			s = RL_NEW;
		size_t m = units_run(c, ops, k, s, &memo);
		if (m == k || m >= ops->n)
			continue;
		const rl_op *x = &ops->v[k - 1], *t = &ops->v[m];
		bool tail = tail_after_units(c, ops, k, m) && rl_one_side(t) == !s;
		bool whole_tail = tail && in_one_unit(c, !s, t);
		/* A head whose unit goes on in a change of the same kind is that change's head too:
		 * the two are one change ("[-akin to Ann-]" and "[-’s fleet.-]"), before the run. */
		bool joins = tail && (x->kind == RL_OP_REPLACE || x->kind == t->kind) &&
		             x->quote == t->quote;
		/* A tail that holds whole units of its own too is left where it is, or gives the
		 * change before the run only its unit's end. */
		if (!joins && head_before_units(c, ops, k, m) && rl_one_side(x) == !s) {
			head_after_run(ops, k, m);  /* the head joins its unit's words */
			k = m;
			memo.m = 0;  /* the ops moved */
		} else if (joins || whole_tail) {
			tail_before_run(c, ops, k, m);
			k = m;
			memo.m = 0;
		}
	}
	size_t w = 0;
	for (size_t k = 0; k < ops->n; k++)
		if (ops->v[k].a1 > ops->v[k].a0 || ops->v[k].b1 > ops->v[k].b0)
			ops->v[w++] = ops->v[k];
	ops->n = w;
}

/* ------------------------------------------------------------------ 2. opening marks */

/* Ops k, k+1, k+2: is op k marks alone on side s (an opening quotation mark inserted), glued to
 * the first token of op k+2 there and not to the token before ("{+“+}…{!We!}"), with op k+1 a
 * change of the other side only between them ("[-- Ann-]", a deleted list marker and name)? */
static bool mark_apart(const rl_ctx *c, const rl_opvec *ops, size_t k)
{
	const rl_op *m = &ops->v[k], *d = &ops->v[k + 1], *w = &ops->v[k + 2];
	int s = rl_one_side(m);
	if (s < 0 || rl_one_side(d) != !s || w->move || rl_lo(w, s) != rl_hi(m, s) ||
	    rl_hi(w, s) <= rl_lo(w, s))
		return false;
	const rl_side *sd = &c->side[s];
	/* it leads its word: glued to it, not to the word before (a compound's hyphen) */
	if (sd->tok[rl_hi(m, s)].gap != RL_GAP_NONE || sd->tok[rl_lo(m, s)].gap == RL_GAP_NONE)
		return false;
	for (uint32_t t = rl_lo(m, s); t < rl_hi(m, s); t++)
		if (sd->tok[t].cls != RL_TOK_PUNCT)
			return false;
	return true;
}

/* Pass 2, a step: a mark glued to a word is listed next to it: the change of the other side that
 * stood between them comes first ("[-- Ann-] {+“+}{!We!}"), so that no printer draws the mark on
 * a line of its own above the change, its word below. */
static int marks_to_their_words(const rl_ctx *c, const rl_opvec *ops, size_t k, rl_opvec *out,
                                size_t *used)
{
	if (k + 2 >= ops->n || !mark_apart(c, ops, k))
		return rl_opvec_push(out, &ops->v[k]);
	rl_op m = ops->v[k], d = ops->v[k + 1];
	int s = rl_one_side(&m);
	place_at(&d, s, rl_lo(&m, s));
	place_at(&m, !s, rl_hi(&d, !s));
	*used = 2;
	int rc = rl_opvec_push(out, &d);
	return rc == RL_OK ? rl_opvec_push(out, &m) : rc;
}

/* ------------------------------------------------------------------ 3. closing marks */

/* The op of out that holds side s's token before lo, past ops of the other side only listed
 * between (a deleted paragraph before an insertion); SIZE_MAX when a move or nothing is there. */
static size_t word_op_before(const rl_opvec *out, int s, uint32_t lo)
{
	for (size_t j = out->n; j-- > 0;) {
		const rl_op *d = &out->v[j];
		if (d->move)
			return SIZE_MAX;
		if (rl_hi(d, s) > rl_lo(d, s))
			return rl_hi(d, s) == lo ? j : SIZE_MAX;
	}
	return SIZE_MAX;
}

/* Do the changes of side o listed in out from i on stand on rows of their own: they start a line
 * there, or hold RL_SO_GLUED_FAR words? Within a row ("plan. [-Gone.-]{+”+}") the mark stays
 * beside its word as it is, and a change glued to the word too ("87[-, most…-]") keeps its
 * place. */
static bool rows_of_its_own(const rl_ctx *c, const rl_opvec *out, size_t i, int o)
{
	const rl_side *sd = &c->side[o];
	uint32_t lo = rl_lo(&out->v[i], o), hi = rl_hi(&out->v[out->n - 1], o);
	return sd->tok[lo].gap >= RL_GAP_BREAK || rl_words(c, o, lo, hi) >= RL_SO_GLUED_FAR;
}

/* Op (one-sided on s) starts with closing marks glued to the word before ("predict.{+”+}"):
 * how many, when it would draw them apart from that word: a change of the other side only is
 * listed between (a paragraph deleted after the quotation, a row of its own), or the op goes on
 * to a line of its own (the marks would lead it); else 0. *j: the op in out with the word. */
static uint32_t marks_left_behind(const rl_ctx *c, const rl_opvec *out, const rl_op *op,
                                  size_t *j)
{
	int s = rl_one_side(op);
	if (s < 0)
		return 0;
	const rl_side *sd = &c->side[s];
	uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s), m = rl_so_glued_marks(sd, lo, hi);
	/* the marks end a word ("’" of "’s" does not) */
	if (!m || (lo + m < hi && sd->tok[lo + m].gap == RL_GAP_NONE))
		return 0;
	*j = word_op_before(out, s, lo);
	if (*j == SIZE_MAX)
		return 0;
	bool between = *j + 1 < out->n && rows_of_its_own(c, out, *j + 1, !s);
	bool line_after = lo + m < hi && sd->tok[lo + m].gap >= RL_GAP_BREAK;
	return between || line_after ? m : 0;
}

/* Op's first m tokens on its side s (glued marks) listed right after out's op j, which holds
 * their word (joining it when it is a rewrite or a change of the same kind: one bracket),
 * before the changes of the other side listed since; the rest of op, if any, after them. */
static int mark_after_word(rl_opvec *out, size_t j, rl_op op, uint32_t m)
{
	int s = rl_one_side(&op), o = !s;
	rl_op mark = op, *w = &out->v[j];
	uint32_t end = rl_lo(&op, s) + m;
	if (s == RL_OLD)
		mark.a1 = op.a0 = end;
	else
		mark.b1 = op.b0 = end;
	for (size_t i = j + 1; i < out->n; i++)
		place_at(&out->v[i], s, end);
	if (w->quote == op.quote &&
	    (w->kind == RL_OP_REPLACE || (w->kind == op.kind && rl_one_side(w) == s))) {
		if (s == RL_OLD)
			w->a1 = end;
		else
			w->b1 = end;
	} else {
		place_at(&mark, o, rl_hi(w, o));
		int rc = rl_opvec_push(out, &mark);  /* room at the end, then shifted to j + 1 */
		if (rc != RL_OK)
			return rc;
		memmove(&out->v[j + 2], &out->v[j + 1], (out->n - j - 2) * sizeof *out->v);
		out->v[j + 1] = mark;
	}
	return rl_hi(&op, s) > rl_lo(&op, s) ? rl_opvec_push(out, &op) : RL_OK;
}

/* Op (an equal op, no move) is closing marks alone on both sides ("."), glued to a word of side s
 * listed before changes of the other side that start a line of their own (*j: that word's op),
 * and on the other side to the last op listed, a change of that side only ("(AGI)[.]" after
 * deleted paragraphs, "mentioned[.]" before them)? Kept, the mark stood on a row of its own below
 * those changes, apart from its word on both sides. Returns s, or -1. */
static int equal_marks_apart(const rl_ctx *c, const rl_opvec *out, const rl_op *op, size_t *j)
{
	if (op->kind != RL_OP_EQUAL || op->move || out->n < 2)
		return -1;
	for (int s = RL_OLD; s <= RL_NEW; s++) {
		const rl_side *sd = &c->side[s];
		uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s);
		/* marks alone that end a word ("’" of "’s" does not), compared (punctuation left
		 * out of the comparison is equal to any: its place is the layout's, not a change) */
		if (hi == lo || rl_so_glued_marks(sd, lo, hi) != hi - lo ||
		    (hi < sd->n && sd->tok[hi].gap == RL_GAP_NONE) || sd->ids[lo] == RL_ID_NONE)
			return -1;
	}
	for (int s = RL_OLD; s <= RL_NEW; s++) {
		*j = word_op_before(out, s, rl_lo(op, s));
		if (*j < out->n - 1 && word_op_before(out, !s, rl_lo(op, !s)) == out->n - 1 &&
		    c->side[!s].tok[rl_lo(&out->v[*j + 1], !s)].gap >= RL_GAP_BREAK)
			return s;
	}
	return -1;
}

/* The equal marks of equal_marks_apart given to their words: side o's (!s) join the last op
 * listed (a change of o only) or follow it, side s's follow their word at out's op j (as
 * mark_after_word does). Neither is kept: a stop paired across two changes is coincidence. */
static int marks_to_both_words(rl_opvec *out, size_t j, const rl_op *op, int s)
{
	int o = !s;
	rl_op mo = *op, ms = *op, *w = &out->v[out->n - 1];
	mo.kind = o == RL_OLD ? RL_OP_DELETE : RL_OP_INSERT;
	ms.kind = s == RL_OLD ? RL_OP_DELETE : RL_OP_INSERT;
	/* each holds its own side's marks; on the other side, the place where they stood */
	if (s == RL_OLD)
		mo.a1 = mo.a0, ms.b1 = ms.b0;
	else
		mo.b1 = mo.b0, ms.a1 = ms.a0;
	if (w->kind == mo.kind && w->quote == mo.quote && !w->move) {
		if (o == RL_OLD)
			w->a1 = mo.a1;
		else
			w->b1 = mo.b1;
	} else {
		int rc = rl_opvec_push(out, &mo);
		if (rc != RL_OK)
			return rc;
	}
	return mark_after_word(out, j, ms, rl_hi(op, s) - rl_lo(op, s));
}

/* Pass 3, a step (issue 10 point 3): a mark is never drawn apart from the word it is glued to.
 * A closing mark inserted (deleted) after a kept word, listed after a deletion (insertion) of
 * whole paragraphs or leading an insertion (deletion) that goes on to lines of its own, stood on
 * a row of its own below them: it is listed right after its word instead (marks_left_behind). */
static int marks_after_words(const rl_ctx *c, const rl_opvec *ops, size_t k, rl_opvec *out,
                             size_t *used)
{
	(void)used;
	size_t j;
	uint32_t m = marks_left_behind(c, out, &ops->v[k], &j);
	if (m)
		return mark_after_word(out, j, ops->v[k], m);
	int s = equal_marks_apart(c, out, &ops->v[k], &j);
	return s >= 0 ? marks_to_both_words(out, j, &ops->v[k], s) : rl_opvec_push(out, &ops->v[k]);
}

/* ------------------------------------------------------------------ 4. blocks */

/* Does a block a reader sees start at token t of side s, or the text start or end there: a
 * paragraph, a line that is not hard-wrapped (a list item, a heading), or in text flattened to
 * one line, a heading or a list item run into it? */
static bool block_at(const rl_ctx *c, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	if (t == 0 || t >= sd->n || sd->tok[t].gap >= RL_GAP_BREAK)
		return true;
	uint32_t u = rl_unit_of(sd, t);
	return sd->ustart[u] == t && ((sd->uflags[u] & RL_UNIT_RUN_IN) || rl_unit_heading(c, s, u));
}

/* Ops k, k+1: one-sided on the two sides, nothing between them, neither moved. The first is
 * whole blocks of its side (a heading, paragraphs: the block before ended where it starts, and
 * the next starts where it ends); the second goes on with the block before on its own side,
 * right after the op before (k > 0) ends there.
 * That block's end is its whole units up to the first block start in it: the end of those (or 0
 * when there are none) is what should be listed first. A unit that the op after goes on with (a
 * sentence's head, "{+A+} Meta") stays where it is. */
static uint32_t block_end_after(const rl_ctx *c, const rl_opvec *ops, size_t k)
{
	const rl_op *d = &ops->v[k], *t = &ops->v[k + 1], *x = &ops->v[k - 1];
	int s = rl_one_side(d), o = rl_one_side(t);
	/* the op before has words on the second's side, and ends where the second starts: what is
	 * drawn above goes on */
	if (s < 0 || o != !s || x->move || rl_hi(x, o) != rl_lo(t, o) || rl_lo(x, o) == rl_hi(x, o) ||
	    !block_at(c, s, rl_lo(d, s)) || !block_at(c, s, rl_hi(d, s)) || block_at(c, o, rl_lo(t, o)))
		return 0;
	const rl_side *sd = &c->side[o];
	uint32_t lo = rl_lo(t, o), p = lo + 1;
	while (p < rl_hi(t, o) && !block_at(c, o, p))
		p++;
	if (rl_inside_unit(c, o, p))
		p = sd->ustart[rl_unit_of(sd, p)];
	return p > lo ? p : 0;
}

/* Pass 4, a step (issue 10): where the ops end a paragraph on one side only and a one-sided
 * change opens the next block there ("[-## Next-]") while the other side's paragraph goes on
 * ("{+It was turned down.+}"), that end is listed first: it is drawn with its paragraph, not
 * below a heading of the other text. The rest of the change (its own heading) stays after. */
static int block_ends_first(const rl_ctx *c, const rl_opvec *ops, size_t k, rl_opvec *out,
                            size_t *used)
{
	uint32_t p = k > 0 && k + 1 < ops->n ? block_end_after(c, ops, k) : 0;
	if (p == 0)
		return rl_opvec_push(out, &ops->v[k]);
	rl_op d = ops->v[k], t = ops->v[k + 1], head = t;
	int s = rl_one_side(&d), o = !s;
	if (o == RL_NEW)
		head.b1 = t.b0 = p;
	else
		head.a1 = t.a0 = p;
	place_at(&head, s, rl_lo(&d, s));
	place_at(&d, o, p);
	*used = 2;
	int rc = rl_opvec_push(out, &head);
	if (rc == RL_OK)
		rc = rl_opvec_push(out, &d);
	if (rc == RL_OK && rl_hi(&t, o) > p)
		rc = rl_opvec_push(out, &t);
	return rc;
}

int rl_tails_first(rl_ctx *c, rl_opvec *ops)
{
	ends_beside_units(c, ops);
	int rc = reorder(c, ops, ops->n, marks_to_their_words);
	if (rc == RL_OK)
		rc = reorder(c, ops, ops->n + 16, marks_after_words);
	return rc == RL_OK ? reorder(c, ops, ops->n + 8, block_ends_first) : rc;
}
