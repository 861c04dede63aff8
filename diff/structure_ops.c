/* structure_ops.c: the ops reshaped where the structure of a text shows (list markers, renumbered
 * items, the edges of words, numbers and units); the units themselves are found in structure.c. */
#include "structure.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "status.h"
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
 * tokens of their own for the exact diff (ctx.c keys them by their role), so a number written
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

/* Tokens [lo, hi) of side s start with closing marks glued to the token before ("87." "it,”"):
 * how many of them lead, or 0 when the first is none. */
static uint32_t glued_marks(const rl_side *sd, uint32_t lo, uint32_t hi)
{
	uint32_t t = lo;
	while (t < hi && closing_mark(sd, t))
		t++;
	return t - lo;
}

/* Deleted words between a word and its mark that put the mark rows apart (a side-by-side pane
 * holds about ten words a row). */
#define GLUED_FAR 10

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
	uint32_t m = glued_marks(&c->side[RL_NEW], p->b0, p->b1);
	uint32_t last = p->kind == RL_OP_EQUAL ? p->a0 : ops->v[j - 1].a1 - 1;
	if (p->move || p->b0 != eq->b1 || !m || (p->kind != RL_OP_INSERT && p->kind != RL_OP_EQUAL) ||
	    rl_unit_of(so, ops->v[k + 1].a0) == rl_unit_of(so, last) ||
	    rl_words(c, RL_OLD, ops->v[k + 1].a0, last + 1) < GLUED_FAR ||
	    (p->kind == RL_OP_EQUAL &&
	     (glued_marks(so, p->a0, p->a1) < m || ops->v[j - 1].a1 != p->a0)))
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

/* The end (exclusive) of the run of ops from k on that are whole units of side s, one after
 * another there: ops with tokens on side s only (inserted or deleted units), and on NEW the ops
 * of moved passages too (their OLD side stands elsewhere); k when there is no such run. A
 * summary's inserted sentences and a passage moved in among them are one run. */
static size_t units_run(const rl_ctx *c, const rl_opvec *ops, size_t k, int s)
{
	if (s < 0 || k >= ops->n)
		return k;
	uint32_t lo = rl_lo(&ops->v[k], s), at = lo;
	size_t m = k;
	for (; m < ops->n; m++) {
		const rl_op *d = &ops->v[m];
		bool fits = d->move ? s == RL_NEW : rl_one_side(d) == s;
		if (!fits || rl_lo(d, s) != at)
			break;
		at = rl_hi(d, s);
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

/* A mark glued to a word is listed next to it: the change of the other side that stood between
 * them comes first ("[-- Ann-] {+“+}{!We!}"), so that no printer draws the mark on a line of its
 * own above the change, its word below. */
static void marks_to_their_words(const rl_ctx *c, rl_opvec *ops)
{
	for (size_t k = 0; k + 2 < ops->n; k++) {
		if (!mark_apart(c, ops, k))
			continue;
		rl_op m = ops->v[k], d = ops->v[k + 1];
		int s = rl_one_side(&m);
		place_at(&d, s, rl_lo(&m, s));
		place_at(&m, !s, rl_hi(&d, !s));
		ops->v[k] = d;
		ops->v[k + 1] = m;
		k++;
	}
}

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

/* Issue 10: where the ops end a paragraph on one side only and a one-sided change opens the
 * next block there ("[-## Next-]") while the other side's paragraph goes on ("{+It was turned
 * down.+}"), that end is listed first: it is drawn with its paragraph, not below a heading of
 * the other text. The rest of the change (its own heading) stays after. */
static int block_ends_first(rl_ctx *c, rl_opvec *ops)
{
	rl_opvec out = rl_ctx_scratch(c, ops->n + 8);
	int rc = RL_OK;
	for (size_t k = 0; k < ops->n && rc == RL_OK; k++) {
		uint32_t p = k > 0 && k + 1 < ops->n ? block_end_after(c, ops, k) : 0;
		if (p == 0) {
			rc = rl_opvec_push(&out, &ops->v[k]);
			continue;
		}
		rl_op d = ops->v[k], t = ops->v[k + 1], head = t;
		int s = rl_one_side(&d), o = !s;
		if (o == RL_NEW)
			head.b1 = t.b0 = p;
		else
			head.a1 = t.a0 = p;
		place_at(&head, s, rl_lo(&d, s));
		place_at(&d, o, p);
		rc = rl_opvec_push(&out, &head);
		if (rc == RL_OK)
			rc = rl_opvec_push(&out, &d);
		if (rc == RL_OK && rl_hi(&t, o) > p)
			rc = rl_opvec_push(&out, &t);
		k++;
	}
	if (rc == RL_OK)
		rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	return rc;
}

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
 * there, or hold GLUED_FAR words? Within a row ("plan. [-Gone.-]{+”+}") the mark stays beside its
 * word as it is, and a change glued to the word too ("87[-, most…-]") keeps its place. */
static bool rows_of_its_own(const rl_ctx *c, const rl_opvec *out, size_t i, int o)
{
	const rl_side *sd = &c->side[o];
	uint32_t lo = rl_lo(&out->v[i], o), hi = rl_hi(&out->v[out->n - 1], o);
	return sd->tok[lo].gap >= RL_GAP_BREAK || rl_words(c, o, lo, hi) >= GLUED_FAR;
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
	uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s), m = glued_marks(sd, lo, hi);
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

/* Issue 10 point 3: a mark is never drawn apart from the word it is glued to. A closing mark
 * inserted (deleted) after a kept word, listed after a deletion (insertion) of whole paragraphs
 * or leading an insertion (deletion) that goes on to lines of its own, stood on a row of its
 * own below them: it is listed right after its word instead (marks_left_behind). */
static int marks_after_words(rl_ctx *c, rl_opvec *ops)
{
	rl_opvec out = rl_ctx_scratch(c, ops->n + 16);
	int rc = RL_OK;
	for (size_t k = 0; k < ops->n && rc == RL_OK; k++) {
		size_t j;
		uint32_t m = marks_left_behind(c, &out, &ops->v[k], &j);
		rc = m ? mark_after_word(&out, j, ops->v[k], m) : rl_opvec_push(&out, &ops->v[k]);
	}
	if (rc == RL_OK)
		rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	return rc;
}

int rl_tails_first(rl_ctx *c, rl_opvec *ops)
{
	for (size_t k = 1; k + 1 < ops->n; k++) {
		int s = rl_one_side(&ops->v[k]);
		if (s < 0 && ops->v[k].move)
			s = RL_NEW;
		size_t m = units_run(c, ops, k, s);
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
		} else if (joins || whole_tail) {
			tail_before_run(c, ops, k, m);
			k = m;
		}
	}
	size_t w = 0;
	for (size_t k = 0; k < ops->n; k++)
		if (ops->v[k].a1 > ops->v[k].a0 || ops->v[k].b1 > ops->v[k].b0)
			ops->v[w++] = ops->v[k];
	ops->n = w;
	marks_to_their_words(c, ops);
	int rc = marks_after_words(c, ops);
	return rc == RL_OK ? block_ends_first(c, ops) : rc;
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
