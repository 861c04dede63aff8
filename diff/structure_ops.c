/* structure_ops.c: the ops reshaped where the structure of a text shows (list markers, renumbered
 * items, the edges of words, numbers and marks, list items); the units themselves are found in
 * structure.c, the order of the ops beside whole units and blocks is op_order.c's. */
#include "structure.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "status.h"
#include "structure_stage.h"
#include "text.h"

/* ------------------------------------------------------------------ list markers apart */

/* Tokens of the list marker that starts side s's range [lo, hi), or 0. */
static uint32_t marker_at(const rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	const rl_side *sd = &c->side[s];
	if (hi <= lo || (lo > 0 && sd->tok[lo].gap == RL_GAP_NONE))
		return 0;
	bool unordered;
	uint32_t m = rl_list_marker(sd->tok, sd->text, sd->n, lo, &unordered);
	return m <= hi - lo ? m : 0;
}

/* A change that pairs a list marker with text (a dateline with the "-" of a bullet, a deleted
 * clause with a summary's dash) puts the marker beside words it has nothing to do with: the
 * marker (ma tokens of OLD or mb of NEW, one of them 0) is inserted or deleted on its own,
 * before the rest of the change. */
static int split_markers(const rl_op *op, uint32_t ma, uint32_t mb, rl_opvec *out)
{
	rl_op mark = *op, rest = *op;
	mark.a1 = op->a0 + ma, mark.b1 = op->b0 + mb;
	rest.a0 = mark.a1, rest.b0 = mark.b1;
	mark.kind = rl_change_kind(mark.a1 > mark.a0, mark.b1 > mark.b0);
	rest.kind = rl_change_kind(rest.a1 > rest.a0, rest.b1 > rest.b0);
	if (rest.a1 == rest.a0 && rest.b1 == rest.b0)
		return rl_opvec_push(out, &mark);
	/* The marker stays glued to the words it starts: when the rest of the change has nothing on
	 * the marker's side (a dateline deleted where a bullet starts), the rest comes first and the
	 * marker right before the text that follows it. */
	bool rest_first = ma ? rest.a1 == rest.a0 : rest.b1 == rest.b0;
	if (rest_first) {
		rest.a0 = op->a0, rest.b0 = op->b0;
		rest.a1 = ma ? op->a0 : op->a1, rest.b1 = mb ? op->b0 : op->b1;
		mark.a0 = rest.a1, mark.b0 = rest.b1;
		mark.a1 = mark.a0 + ma, mark.b1 = mark.b0 + mb;
	}
	int rc = rl_opvec_push(out, rest_first ? &rest : &mark);
	return rc == RL_OK ? rl_opvec_push(out, rest_first ? &mark : &rest) : rc;
}

int rl_markers_apart(rl_ctx *c, rl_opvec *ops)
{
	rl_opvec out = rl_ctx_scratch(c, ops->n);
	int rc = RL_OK;
	bool any = false;
	for (size_t k = 0; k < ops->n && rc == RL_OK; k++) {
		const rl_op *op = &ops->v[k];
		uint32_t ma = 0, mb = 0;
		if (op->kind == RL_OP_REPLACE && !op->move) {
			ma = marker_at(c, RL_OLD, op->a0, op->a1);
			mb = marker_at(c, RL_NEW, op->b0, op->b1);
			/* Markers on both sides pair as they are (a bullet for a bullet); a marker that
			 * starts a rewrite ("- Only" for "A survey found that") is drawn with its words.
			 * Only a side that is a marker and nothing else is cut off, also when the other
			 * side starts with a marker of its own: "5." of a deleted heading and its section
			 * is no bullet for a summary's lone "-". */
			bool only_a = ma && ma == op->a1 - op->a0, only_b = mb && mb == op->b1 - op->b0;
			if (only_a != only_b)
				ma = only_a ? ma : 0, mb = only_b ? mb : 0;
			else
				ma = mb = 0;
		}
		if (ma || mb) {
			rc = split_markers(op, ma, mb, &out);
			any = true;
		} else {
			rc = rl_opvec_push(&out, op);
		}
	}
	if (rc == RL_OK && any)
		rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	return rc;
}

/* ------------------------------------------------------------------ renumbered list items */

/* Scratch of the ordinal comparison: the two tokens' keys under the comparison options. */
typedef struct keybufs {
	char *buf[2];
	size_t cap[2];
} keybufs;

/* Do OLD token i and NEW token j, both an ordered marker's number or letter (they share one id),
 * differ under the comparison options ("1" and "2"; "a" and "A" unless case is folded)? -1 when
 * out of memory. */
static int ordinals_differ(const rl_ctx *c, uint32_t i, uint32_t j, keybufs *kb)
{
	const uint32_t at[2] = {i, j};
	long len[2];
	for (int s = 0; s < 2; s++) {
		const rl_token *tk = &c->side[s].tok[at[s]];
		len[s] = rl_key(&c->opts.key, c->side[s].text + tk->off, tk->len, tk->cls, &kb->buf[s],
		                &kb->cap[s]);
		if (len[s] < 0)
			return -1;
	}
	return len[0] != len[1] || memcmp(kb->buf[0], kb->buf[1], (size_t)len[0]) != 0;
}

/* Push op (an equal or a move) with each pair of ordinals that differ cut out of it as a
 * replace of its own (carrying the move's id): the markers pair, their numbers do not. */
static int push_ordinals(const rl_ctx *c, rl_op op, keybufs *kb, rl_opvec *out)
{
	const rl_side *sa = &c->side[RL_OLD], *sb = &c->side[RL_NEW];
	uint32_t i = op.a0, j = op.b0;
	while (i < op.a1 && j < op.b1) {
		if (sa->ids[i] == RL_ID_NONE || sb->ids[j] == RL_ID_NONE) {
			i += sa->ids[i] == RL_ID_NONE, j += sb->ids[j] == RL_ID_NONE;
			continue;
		}
		int d = (c->idf[sa->ids[i]] & RL_IDF_ORDINAL) ? ordinals_differ(c, i, j, kb) : 0;
		if (d < 0)
			return RL_ENOMEM;
		if (d) {
			int rc = i > op.a0 ? rl_opvec_cut(out, &op, i, j) : RL_OK;
			rl_op num = op;
			num.a1 = i + 1, num.b1 = j + 1, num.kind = RL_OP_REPLACE;
			if (rc != RL_OK || (rc = rl_opvec_push(out, &num)) != RL_OK)
				return rc;
			op.a0 = i + 1, op.b0 = j + 1;
		}
		i++, j++;
	}
	return op.a0 < op.a1 || op.b0 < op.b1 ? rl_opvec_push(out, &op) : RL_OK;
}

int rl_ordinals_apart(rl_ctx *c, rl_opvec *ops)
{
	rl_opvec out = rl_ctx_scratch(c, ops->n + 16);
	keybufs kb = {{NULL, NULL}, {0, 0}};
	int rc = RL_OK;
	for (size_t k = 0; k < ops->n && rc == RL_OK; k++) {
		const rl_op *op = &ops->v[k];
		bool kept = op->kind == RL_OP_EQUAL || op->kind == RL_OP_MOVE;
		rc = kept ? push_ordinals(c, *op, &kb, &out) : rl_opvec_push(&out, op);
	}
	if (rc == RL_OK)
		rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	free(kb.buf[0]);
	free(kb.buf[1]);
	return rc;
}

/* ------------------------------------------------------------------ edges a reader sees */

/* Is token t of side s a hyphen glued to the word before it ("-" of "closed-source")? */
static bool glued_hyphen(const rl_side *sd, uint32_t t)
{
	const rl_token *tk = &sd->tok[t];
	if (t == 0 || t >= sd->n || tk->cls != RL_TOK_PUNCT || tk->gap != RL_GAP_NONE ||
	    sd->tok[t - 1].cls != RL_TOK_WORD)
		return false;
	int32_t cp;
	if (rl_utf8_decode(sd->text + tk->off, tk->len, &cp) != tk->len)
		return false;
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* Op k (a replace outside moves) starts, on one side, at the hyphen of a compound whose first
 * part ends the equal op before it, and on the other side at a word of its own: the first part
 * goes into the replace on both sides. */
static void compound_whole(const rl_ctx *c, rl_op *eq, rl_op *op)
{
	if (op->kind != RL_OP_REPLACE || op->move || eq->kind != RL_OP_EQUAL || eq->move ||
	    eq->a1 != op->a0 || eq->b1 != op->b0 || eq->a1 == eq->a0 || eq->b1 == eq->b0)
		return;
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c->side[s], *so = &c->side[!s];
		uint32_t lo = rl_lo(op, s), olo = rl_lo(op, !s);
		if (!glued_hyphen(sd, lo) || so->tok[olo].gap == RL_GAP_NONE)
			continue;
		eq->a1--, eq->b1--;
		op->a0--, op->b0--;
		return;
	}
}

/* Op (a replace outside moves) ends, on one side, at the hyphen of a compound whose second part
 * starts equal op eq after it ("its long-" rewritten, "delayed" kept), and on the other side
 * before a word of its own: the second part goes into the replace on both sides, so that no
 * change ends at a hyphen with its word's tail kept ("[-its long--]delayed"). */
static void compound_tail(const rl_ctx *c, rl_op *op, rl_op *eq)
{
	if (op->kind != RL_OP_REPLACE || op->move || eq->kind != RL_OP_EQUAL || eq->move ||
	    eq->a0 != op->a1 || eq->b0 != op->b1 || eq->a1 == eq->a0 || eq->b1 == eq->b0)
		return;
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c->side[s], *so = &c->side[!s];
		uint32_t hi = rl_hi(op, s), ohi = rl_hi(op, !s);
		if (hi < 2 || !glued_hyphen(sd, hi - 1) || sd->tok[hi].gap != RL_GAP_NONE ||
		    sd->tok[hi].cls != RL_TOK_WORD || so->tok[ohi].gap == RL_GAP_NONE)
			continue;
		eq->a0++, eq->b0++;
		op->a1++, op->b1++;
		return;
	}
}

/* Is token t of side s the mark . , or : inside a number written in digits: glued between two
 * of its digit parts ("," of "1,260", "." of "4.12.1", ":" of "06:45"; not the "." of "five.26",
 * nor a stop after a year, "in 2020. Then")? */
static bool number_mark(const rl_side *sd, uint32_t t)
{
	if (t == 0 || t + 1 >= sd->n)
		return false;
	const rl_token *tk = &sd->tok[t], *prev = &sd->tok[t - 1], *next = &sd->tok[t + 1];
	if (tk->len != 1 || tk->cls != RL_TOK_PUNCT || tk->gap != RL_GAP_NONE ||
	    next->gap != RL_GAP_NONE || !(prev->flags & RL_TF_DIGIT) || !(next->flags & RL_TF_DIGIT) ||
	    prev->cls != RL_TOK_WORD || next->cls != RL_TOK_WORD)
		return false;
	char ch = sd->text[tk->off];
	return ch == '.' || ch == ',' || ch == ':';
}

/* Does the point before token t of side s fall inside a number ("1,|260", "1|,260")? */
static bool inside_number(const rl_side *sd, uint32_t t)
{
	return t < sd->n && (number_mark(sd, t) || (t > 0 && number_mark(sd, t - 1)));
}

/* Does op, a change outside moves, start (at_end false) or end (true) inside a number on every
 * side where it has tokens, and on at least one? */
static bool cuts_number(const rl_ctx *c, const rl_op *op, bool at_end)
{
	bool any = false;
	for (int s = 0; s < 2; s++) {
		uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s);
		if (hi == lo)
			continue;
		if (!inside_number(&c->side[s], at_end ? hi : lo))
			return false;
		any = true;
	}
	return any;
}

/* Equal op eq then op, a change (or op then eq: eq_first false), meet inside a number on the
 * change's sides ("1,[-260-]{+520+}", "[-3-]{+4+}.5"): the number's parts in eq go into the
 * change, on both sides, so that a changed number is shown whole ("[-1,260-] {+1,520+}"); a
 * reader reads a number whole, and its unchanged part means nothing alone. The parts stay
 * tokens of their own for the exact diff (ctx_init.c keys them by their role), so a number written
 * out before its marks ("five.26" for "5.26") still keeps the parts it shares. */
static void number_whole(const rl_ctx *c, rl_op *eq, rl_op *op, bool eq_first)
{
	if (op->kind == RL_OP_EQUAL || op->move || eq->kind != RL_OP_EQUAL || eq->move ||
	    (eq_first ? eq->a1 != op->a0 || eq->b1 != op->b0 : op->a1 != eq->a0 || op->b1 != eq->b0) ||
	    !cuts_number(c, op, !eq_first))
		return;
	const rl_side *sd = &c->side[RL_OLD];
	uint32_t k = 0;
	if (eq_first)
		while (eq->a1 - k > eq->a0 && inside_number(sd, eq->a1 - k))
			k++;
	else
		while (eq->a0 + k < eq->a1 && inside_number(sd, eq->a0 + k))
			k++;
	if (!k)
		return;
	if (eq_first)
		eq->a1 -= k, eq->b1 -= k, op->a0 -= k, op->b0 -= k;
	else
		eq->a0 += k, eq->b0 += k, op->a1 += k, op->b1 += k;
	op->kind = RL_OP_REPLACE;
}

/* Two changes outside moves that meet inside a number on both sides (what is left of
 * "[-3-]{+4+}.[-5-]{+6+}" once number_whole gave the changes the dot): one rewrite of the
 * number, "[-3.5-] {+4.6+}". Returns whether op went into last. */
static bool number_join(const rl_ctx *c, rl_op *last, const rl_op *op)
{
	if (last->kind == RL_OP_EQUAL || op->kind == RL_OP_EQUAL || last->move || op->move ||
	    last->a1 != op->a0 || last->b1 != op->b0 || !inside_number(&c->side[RL_OLD], op->a0) ||
	    !inside_number(&c->side[RL_NEW], op->b0))
		return false;
	last->a1 = op->a1, last->b1 = op->b1;
	last->kind = rl_change_kind(last->a1 > last->a0, last->b1 > last->b0);
	return true;
}

/* Is token t of side s (inside a change, t > its start) the marker of a list item? */
static bool item_starts(const rl_ctx *c, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	if (rl_unit_of(sd, t) == rl_unit_of(sd, t - 1) || sd->ustart[rl_unit_of(sd, t)] != t)
		return false;
	bool unordered;
	return rl_list_marker(sd->tok, sd->text, sd->n, t, &unordered) > 0;
}

/* A replace (outside moves) that runs into a list item on one side while its other side stays in
 * one unit: push the rewrite up to the item's marker, and leave in *op the items, one-sided
 * ("[-the mayor said.-]{+alongside a bus \n-+} The council" puts the next item's dash at the end
 * of this one). Not when the equal op `next` starts with a mark glued to the rewrite's other
 * side: the items would stand between that mark and its word. Returns false when op is no such
 * replace. */
static bool replace_items(const rl_ctx *c, rl_op *op, const rl_op *next, rl_opvec *out, int *rc)
{
	if (op->kind != RL_OP_REPLACE || op->move)
		return false;
	for (int s = 0; s < 2; s++) {
		const rl_side *so = &c->side[!s];
		uint32_t ohi = rl_hi(op, !s);
		if (rl_unit_of(so, rl_lo(op, !s)) != rl_unit_of(so, ohi - 1) ||
		    (next && next->kind == RL_OP_EQUAL && ohi < so->n && rl_lo(next, !s) == ohi &&
		     so->tok[ohi].gap == RL_GAP_NONE))
			continue;
		for (uint32_t t = rl_lo(op, s) + 1; t < rl_hi(op, s); t++) {
			if (!item_starts(c, s, t))
				continue;
			rl_op head = *op;
			if (s == RL_OLD)
				head.a1 = op->a0 = t, op->b0 = op->b1, op->kind = RL_OP_DELETE;
			else
				head.b1 = op->b0 = t, op->a0 = op->a1, op->kind = RL_OP_INSERT;
			*rc = rl_opvec_push(out, &head);
			return true;
		}
	}
	return false;
}

/* Push op (an insertion or a deletion outside moves, or what replace_items leaves of a replace;
 * next is the op after it, if any) cut at each list item it holds after its start. */
static int push_items(const rl_ctx *c, rl_op op, const rl_op *next, rl_opvec *out)
{
	int rc = RL_OK;
	if (replace_items(c, &op, next, out, &rc) && rc != RL_OK)
		return rc;
	int s = op.kind == RL_OP_DELETE ? RL_OLD : RL_NEW;
	if (op.move || (op.kind != RL_OP_DELETE && op.kind != RL_OP_INSERT))
		return rl_opvec_push(out, &op);
	for (uint32_t t = rl_lo(&op, s) + 1; t < rl_hi(&op, s); t++) {
		if (!item_starts(c, s, t))
			continue;
		rc = rl_opvec_cut(out, &op, s == RL_OLD ? t : op.a0, s == RL_NEW ? t : op.b0);
		if (rc != RL_OK)
			return rc;
	}
	return rl_opvec_push(out, &op);
}

/* Is token t of side s a mark that ends what stands before it (a stop, a comma, a closing
 * quotation mark), glued to it? Markup ("=", "/", "]]") is not, nor a bracket (it pairs with
 * its opener). */
static bool closing_mark(const rl_side *sd, uint32_t t)
{
	const rl_token *tk = &sd->tok[t];
	int32_t cp;
	if (t == 0 || tk->cls != RL_TOK_PUNCT || tk->gap != RL_GAP_NONE ||
	    rl_utf8_decode(sd->text + tk->off, tk->len, &cp) == 0)
		return false;
	return (cp < 0x80 && strchr(".,;:!?", (int)cp)) || cp == 0x201d || cp == 0x2019 ||
	       cp == 0xbb || cp == 0x2026;
}

/* How many closing marks lead [lo, hi) (structure_stage.h). */
uint32_t rl_so_glued_marks(const rl_side *sd, uint32_t lo, uint32_t hi)
{
	uint32_t t = lo;
	while (t < hi && closing_mark(sd, t))
		t++;
	return t - lo;
}

/* At ops[k] (an equal op) starts: the equal op, deletions that cross a unit boundary of OLD
 * ("87[-, most at Dunmore. Cameras are fitted…-]"), then NEW's mark glued to the equal op's last
 * word, inserted or paired with OLD's mark at the deletions' far end ("."). Drawn so, the mark
 * stands rows below its word. It is inserted right after its word instead, and OLD's mark (if
 * paired) deleted with its sentence: "87{+.+}[-, most … fitted.-]". Returns the ops consumed
 * (0: not this case). */
static size_t mark_to_word(const rl_ctx *c, const rl_opvec *ops, size_t k, rl_opvec *out, int *rc)
{
	const rl_op *eq = &ops->v[k];
	size_t j = k + 1;
	while (j < ops->n && ops->v[j].kind == RL_OP_DELETE && !ops->v[j].move)
		j++;
	if (eq->kind != RL_OP_EQUAL || eq->move || eq->b1 == eq->b0 || j == k + 1 || j == ops->n)
		return 0;
	const rl_op *p = &ops->v[j];
	const rl_side *so = &c->side[RL_OLD];
	uint32_t m = rl_so_glued_marks(&c->side[RL_NEW], p->b0, p->b1);
	uint32_t last = p->kind == RL_OP_EQUAL ? p->a0 : ops->v[j - 1].a1 - 1;
	if (p->move || p->b0 != eq->b1 || !m || (p->kind != RL_OP_INSERT && p->kind != RL_OP_EQUAL) ||
	    rl_unit_of(so, ops->v[k + 1].a0) == rl_unit_of(so, last) ||
	    rl_words(c, RL_OLD, ops->v[k + 1].a0, last + 1) < RL_SO_GLUED_FAR ||
	    (p->kind == RL_OP_EQUAL &&
	     (rl_so_glued_marks(so, p->a0, p->a1) < m || ops->v[j - 1].a1 != p->a0)))
		return 0;
	rl_op mark = *p, rest = *p;
	mark.kind = RL_OP_INSERT, mark.b1 = p->b0 + m;
	mark.a0 = mark.a1 = ops->v[k + 1].a0;
	*rc = rl_opvec_push(out, eq);
	if (*rc == RL_OK)
		*rc = rl_opvec_push(out, &mark);
	for (size_t d = k + 1; d < j && *rc == RL_OK; d++) {
		rl_op del = ops->v[d];
		del.b0 = del.b1 = mark.b1;
		if (d == j - 1 && p->kind == RL_OP_EQUAL)
			del.a1 = p->a0 + m;  /* OLD's mark goes with the sentence it ends */
		*rc = rl_opvec_push(out, &del);
	}
	rest.b0 = mark.b1;
	rest.a0 = p->kind == RL_OP_EQUAL ? p->a0 + m : p->a0;
	if (*rc == RL_OK && (rest.b1 > rest.b0 || rest.a1 > rest.a0))
		*rc = rl_opvec_push(out, &rest);
	return j + 1 - k;
}

/* Every glued mark back beside its word (mark_to_word). */
static int marks_to_words(rl_ctx *c, rl_opvec *ops)
{
	rl_opvec out = rl_ctx_scratch(c, ops->n + 16);
	int rc = RL_OK;
	bool any = false;
	for (size_t k = 0; k < ops->n && rc == RL_OK;) {
		size_t used = mark_to_word(c, ops, k, &out, &rc);
		any |= used > 0;
		if (!used)
			rc = rl_opvec_push(&out, &ops->v[k]);
		k += used ? used : 1;
	}
	if (rc == RL_OK && any)
		rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	return rc;
}

int rl_edges_tidy(rl_ctx *c, rl_opvec *ops)
{
	rl_opvec out = rl_ctx_scratch(c, ops->n + 16);
	int rc = RL_OK;
	for (size_t k = 0; k < ops->n && rc == RL_OK; k++) {
		rl_op op = ops->v[k];
		if (op.kind == RL_OP_DELETE && !op.move) {
			/* The ops of moved passages, then a deletion that continues this one in OLD. */
			size_t j = k + 1;
			while (j < ops->n && ops->v[j].move)
				j++;
			if (j > k + 1 && j < ops->n && ops->v[j].kind == RL_OP_DELETE && !ops->v[j].move &&
			    ops->v[j].a0 == op.a1) {
				ops->v[j].a0 = op.a0;
				continue;
			}
		}
		if (op.a0 == op.a1 && op.b0 == op.b1)
			continue;  /* an equal op that was a compound's tail alone (compound_tail) */
		if (k + 1 < ops->n) {
			compound_tail(c, &op, &ops->v[k + 1]);
			number_whole(c, &ops->v[k + 1], &op, false);
		}
		if (out.n > 0) {
			rl_op *eq = &out.v[out.n - 1];
			compound_whole(c, eq, &op);
			number_whole(c, eq, &op, true);
			if (eq->a0 == eq->a1 && eq->b0 == eq->b1)
				out.n--;  /* the equal op was that word alone */
			if (out.n > 0 && number_join(c, &out.v[out.n - 1], &op))
				continue;
		}
		rc = rl_opvec_push(&out, &op);
	}
	if (rc == RL_OK)
		rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	return rc == RL_OK ? marks_to_words(c, ops) : rc;
}


int rl_items_apart(rl_ctx *c, rl_opvec *ops)
{
	rl_opvec out = rl_ctx_scratch(c, ops->n + 16);
	int rc = RL_OK;
	for (size_t k = 0; k < ops->n && rc == RL_OK; k++)
		rc = push_items(c, ops->v[k], k + 1 < ops->n ? &ops->v[k + 1] : NULL, &out);
	if (rc == RL_OK)
		rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	return rc;
}
