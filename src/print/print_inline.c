/* print_inline.c: one column, wdiff style, in the order the layout reads the pieces. */
#include <stdlib.h>
#include <string.h>

#include "hunks.h"
#include "layout.h"
#include "print.h"
#include "status.h"

typedef struct inline_state {
	rl_out *o;
	const rl_alignment *al;
	const rl_token *tok[2];
	const char *text[2];
	bool started;   /* something was printed: gaps apply */
	bool closed;    /* the last thing printed is a closing marker */
	bool tight;     /* the last token printed is of a script written without spaces */
	unsigned width; /* -W: wrap lines at this many columns (0: NEW's lines as they are) */
	unsigned col;   /* columns printed on the current line */
} inline_state;

/* The whitespace before a token, as its own text has it: NEW's line structure is kept; inside
 * deleted OLD text a soft line end is just a space. */
static const char *gap_text(const inline_state *st, int side, uint8_t gap)
{
	if (!st->started)
		return "";
	switch (gap) {
	case RL_GAP_NONE: return "";
	case RL_GAP_SPACE: return " ";
	case RL_GAP_LINE: return side == RL_NEW ? "\n" : " ";
	case RL_GAP_BREAK: return "\n";
	default: return "\n\n";
	}
}

/* A token of a script written without spaces between words (Chinese, Japanese, Thai...: the
 * tokenizer's solo words), or the full-width punctuation of such text (U+3000-U+303F, U+FF00-
 * U+FF65). Two changes that meet between two such tokens are printed without a space between
 * their markers, as the text has none there: 我喜欢[-苹果-]{+香蕉+}. */
static bool tight(const rl_token *tk, const char *text)
{
	const unsigned char *b = (const unsigned char *)text + tk->off;
	if (tk->flags & RL_TF_SOLO)
		return true;
	return tk->cls == RL_TOK_PUNCT && tk->len == 3 &&
	       ((b[0] == 0xE3 && b[1] == 0x80) || (b[0] == 0xEF && (b[1] == 0xBC || b[1] == 0xBD)));
}

static void put(inline_state *st, const char *s, unsigned cols)
{
	rl_out_str(st->o, s);
	st->col = *s == '\n' ? 0 : st->col + cols;
}

/* The markers of a span drawn on its own: its opening and closing ones. */
#define OWN_MARKS (RL_MARK_OPEN | RL_MARK_CLOSE)

/* Print tokens [lo, hi) of a side; `gap` is the whitespace of NEW to print before the first one
 * (-1: the token's own); `marks`: the markers at its edges when changed (RL_MARK_*, layout.h). */
static void print_span(inline_state *st, int side, uint32_t lo, uint32_t hi, const rl_op *op,
                       bool changed, int gap, unsigned marks)
{
	rl_run probe = {.kind = changed ? op->kind : RL_OP_EQUAL,
	                .quote = changed ? rl_op_side_quote(op, side) : RL_QUOTE_NONE,
	                .moved = op->move != 0};
	const rl_link *ln = side == RL_NEW && lo < hi ? rl_source_at(st->al, lo) : NULL;
	probe.derived = changed && ln && (op->kind == RL_OP_INSERT || op->kind == RL_OP_REPLACE);
	rl_role role = rl_role_of_run(&probe);
	/* In one column a rewrite's OLD and NEW words stand next to each other: coloured alike
	 * (yellow), "Under From the Monday" told the old words from the new by nothing. OLD's are
	 * drawn as deleted (red) and NEW's as inserted (green), as git's coloured word diff does and
	 * as the markers without colour say ([-…-] {+…+}). */
	if (role == RL_ROLE_REWRITE)
		role = side == RL_OLD ? RL_ROLE_DELETE : RL_ROLE_INSERT;
	unsigned m = changed && !st->o->color ? marks : 0;
	unsigned before = (m & RL_MARK_OUTER_OPEN ? 2 : 0) + (m & RL_MARK_OPEN ? 2 : 0);
	unsigned after = (m & RL_MARK_OUTER_CLOSE ? 2 : 0) + (m & RL_MARK_CLOSE ? 2 : 0);
	rl_run bracket = {.kind = RL_OP_MOVE};  /* a moved passage's, around an edit inside it */

	for (uint32_t t = lo; t < hi; t++) {
		const rl_token *tk = &st->tok[side][t];
		/* NEW's whitespace, read NEW's way, before a rewrite */
		const char *g = t == lo && gap >= 0 ? gap_text(st, RL_NEW, (uint8_t)gap)
		                                    : gap_text(st, side, tk->gap);
		/* what must fit after the space: the token and what is glued to it in this span */
		size_t need = rl_token_width(st->text[side], tk) + (t == lo ? before : 0);
		uint32_t u = t + 1;
		for (; u < hi && st->tok[side][u].gap == RL_GAP_NONE; u++)
			need += rl_token_width(st->text[side], &st->tok[side][u]);
		need += u == hi ? after : 0;
		/* two changes side by side keep a space between their markers: [-a-] {+b+}; not in
		 * a text without spaces between its words */
		if (t == lo && before && st->closed && !*g &&
		    !(st->tight && tight(tk, st->text[side])))
			g = " ";
		/* -W: a space that would overflow the line becomes a line end */
		if (st->width && *g == ' ' && st->col > 0 && st->col + 1 + need > st->width)
			g = "\n";
		put(st, g, (unsigned)strlen(g));
		if (t == lo) {
			bracket.type = probe.type = RL_RUN_OPEN;
			if (m & RL_MARK_OUTER_OPEN)
				put(st, rl_marker_text(side, &bracket), 2);
			if (m & RL_MARK_OPEN)
				put(st, rl_marker_text(side, &probe), 2);
			rl_out_role(st->o, role);
		}
		rl_out_text(st->o, st->text[side] + tk->off, tk->len);
		st->col += rl_token_width(st->text[side], tk);
		st->started = true;
		st->closed = false;
		st->tight = tight(tk, st->text[side]);
	}
	if (hi > lo) {
		rl_out_role(st->o, RL_ROLE_PLAIN);
		bracket.type = probe.type = RL_RUN_CLOSE;
		if (m & RL_MARK_CLOSE)
			put(st, rl_marker_text(side, &probe), 2);
		if (m & RL_MARK_OUTER_CLOSE)
			put(st, rl_marker_text(side, &bracket), 2);
		st->closed = after > 0;
	}
	/* The end of a linked unit: where its source is. */
	ln = side == RL_NEW && hi > lo ? rl_source_at(st->al, hi - 1) : NULL;
	if (ln && ln->b1 == hi && ln->para) {
		char tag[RL_TAG_MAX];
		rl_run t = {.type = RL_RUN_TAG, .len = ln->para, .derived = 1};
		rl_out_role(st->o, RL_ROLE_DERIVED);
		rl_tag_text(&t, tag);
		put(st, tag, (unsigned)strlen(tag) - 6);  /* ⟨ ¶ ⟩: 8 bytes, 3 columns */
		rl_out_role(st->o, RL_ROLE_PLAIN);
	}
}

/* A deletion that starts a line of OLD and piece p, which goes on from it within OLD's line but
 * starts a paragraph of NEW ("[-By-] Marta Quennell"): the deletion printed the break, so p's
 * first word takes OLD's space, not a second break (the paragraph is not cut in two). -1: p keeps
 * its own whitespace. */
static int lead_gap(const inline_state *st, const rl_piece *q, const rl_piece *p)
{
	if (!q || q->b1 > q->b0 || q->a1 <= q->a0 || q->a1 != p->a0 || p->a1 <= p->a0 ||
	    p->b1 <= p->b0)
		return -1;
	const rl_token *old = st->tok[RL_OLD], *new = st->tok[RL_NEW];
	if (old[q->a0].gap < RL_GAP_BREAK || old[p->a0].gap >= RL_GAP_BREAK ||
	    new[p->b0].gap < RL_GAP_BREAK)
		return -1;
	return old[p->a0].gap == RL_GAP_NONE ? RL_GAP_NONE : RL_GAP_SPACE;
}

/* The whitespace before unchanged piece p after piece q: lead_gap's, or, where p starts NEW's
 * text right after a deletion (a sentence dropped from the top), OLD's space, which NEW's first
 * word does not have: "[-… a stream.-] tidewrap is", not "stream.-]tidewrap". */
static int kept_gap(const inline_state *st, const rl_piece *q, const rl_piece *p)
{
	int gap = lead_gap(st, q, p);
	if (gap < 0 && q && p->b0 == 0 && q->a1 > q->a0 && p->a1 > p->a0 &&
	    st->tok[RL_OLD][p->a0].gap != RL_GAP_NONE)
		gap = RL_GAP_SPACE;
	return gap;
}

/* Is piece p a plain rewrite: both sides, not moved, no quotation flag, no source link? */
static bool plain_rewrite(const inline_state *st, const rl_op *ops, const rl_piece *p)
{
	const rl_op *op = &ops[p->op];
	return op->kind == RL_OP_REPLACE && !op->move && p->a1 > p->a0 && p->b1 > p->b0 &&
	       rl_op_side_quote(op, RL_OLD) == RL_QUOTE_NONE &&
	       rl_op_side_quote(op, RL_NEW) == RL_QUOTE_NONE && !rl_source_at(st->al, p->b0);
}

/* Does plain rewrite p follow plain rewrite prev straight on both sides, a space between? */
static bool goes_on(const inline_state *st, const rl_op *ops, const rl_piece *prev,
                    const rl_piece *p)
{
	return plain_rewrite(st, ops, p) && p->a0 == prev->a1 && p->b0 == prev->b1 &&
	       st->tok[RL_OLD][p->a0].gap == RL_GAP_SPACE && st->tok[RL_NEW][p->b0].gap == RL_GAP_SPACE;
}

/* Does rewrite p follow rewrite prev straight on both sides, glued to it on one side at least
 * ("didn’" and "t" for "did" and "not", paired one to one when punctuation is not compared), with
 * the same kind and quotation flags? Then it is printed with it, or a word would be cut in two:
 * "[-did not-] {+didn’t+}", not "[-did-] {+didn’+} [-not-] {+t+}". */
static bool glued_on(const inline_state *st, const rl_op *ops, const rl_piece *prev,
                     const rl_piece *p)
{
	const rl_op *x = &ops[prev->op], *y = &ops[p->op];
	return y->kind == RL_OP_REPLACE && x->kind == RL_OP_REPLACE && !x->move && !y->move &&
	       p->a1 > p->a0 && p->b1 > p->b0 && p->a0 == prev->a1 && p->b0 == prev->b1 &&
	       x->quote == y->quote && rl_source_at(st->al, prev->b0) == rl_source_at(st->al, p->b0) &&
	       (st->tok[RL_OLD][p->a0].gap == RL_GAP_NONE || st->tok[RL_NEW][p->b0].gap == RL_GAP_NONE) &&
	       st->tok[RL_OLD][p->a0].gap <= RL_GAP_SPACE && st->tok[RL_NEW][p->b0].gap <= RL_GAP_SPACE;
}

/* Is piece p a change of one side only that starts a line there, and piece n marks alone of the
 * other side that start a line there, glued to the word after them ("[-- Ann-]" and "{+“+}We",
 * which the layout puts on one row)? Then the two lines start once: p takes the larger break,
 * and the mark a space ("[-- Ann-] {+“+}{!We!}", not the mark and its word on another line). */
static bool mark_beside(const inline_state *st, const rl_piece *p, const rl_piece *n)
{
	bool pa = p->a1 > p->a0, pb = p->b1 > p->b0, na = n->a1 > n->a0, nb = n->b1 > n->b0;
	if (pa == pb || na == nb || pa == na)
		return false;
	int s = pb ? RL_NEW : RL_OLD, o = !s;
	uint32_t lo = s ? p->b0 : p->a0, m0 = o ? n->b0 : n->a0, m1 = o ? n->b1 : n->a1;
	return st->tok[s][lo].gap >= RL_GAP_BREAK && st->tok[o][m0].gap >= RL_GAP_BREAK &&
	       rl_tokens_glued_marks(rl_alignment_tokens(st->al, o), m0, m1);
}

/* Does piece n go on with one-sided piece p of the same op (side `side`, printed up to hi) inside a
 * line? The layout cuts an insertion or a deletion into blocks of its own (a sentence's head
 * left open for the sentence it starts, layout.c); in one column it is one span, not
 * "{+… talks.+} {+A+} Meta". Cut at a line's start it stays cut, as the lines are. */
static bool same_span(const inline_state *st, const rl_piece *p, const rl_piece *n, int side,
                      uint32_t hi)
{
	bool na = n->a1 > n->a0, nb = n->b1 > n->b0;
	return n->op == p->op && na != nb && nb == (side == RL_NEW) &&
	       (side ? n->b0 : n->a0) == hi && st->tok[side][hi].gap <= RL_GAP_SPACE;
}

/* Does piece n stand right after piece p on side `side`, both of one moved passage? */
static bool same_passage(const rl_op *ops, const rl_piece *p, const rl_piece *n, int side)
{
	return ops[p->op].move == ops[n->op].move &&
	       (side ? n->b1 > n->b0 && n->b0 == p->b1 : n->a1 > n->a0 && n->a0 == p->a1);
}

/* The markers of moved piece p, one side's, between pieces q and n of the stream (NULL: none):
 * a passage with edits inside is drawn in one pair of brackets (rl_passage_marks). Only pieces
 * printed one after the other are one passage: a deletion printed between two of its pieces
 * cuts it. */
static unsigned passage_marks(const rl_op *ops, const rl_piece *p, const rl_piece *q,
                              const rl_piece *n)
{
	int side = p->b1 > p->b0 ? RL_NEW : RL_OLD;
	bool first = !q || !same_passage(ops, q, p, side);
	bool last = !n || !same_passage(ops, p, n, side);
	return rl_passage_marks(&ops[p->op], side, first, last);
}

/* The pieces of blocks [b0, b1). */
static void print_blocks(inline_state *st, const rl_layout *lay, const rl_op *ops, size_t b0,
                         size_t b1)
{
	size_t k0 = b0 < b1 ? rl_layout_block(lay, b0)->piece0 : 0;
	size_t k1 = b0 < b1 ? rl_layout_block(lay, b1 - 1)->piece1 : 0;

	for (size_t k = k0; k < k1; k++) {
		const rl_piece *p = rl_layout_piece(lay, k);
		const rl_piece *q = k > k0 ? rl_layout_piece(lay, k - 1) : NULL;
		const rl_op *op = &ops[p->op];
		if (rl_op_unchanged(op)) {
			/* a compound written otherwise (RL_OP_TYPO) reads as NEW writes it */
			print_span(st, RL_NEW, p->b0, p->b1, op, false, kept_gap(st, q, p), 0);
			continue;
		}
		if (op->kind == RL_OP_FORMAT && !op->move) {
			/* The same words: once, NEW's, marked quietly ({*words*}). */
			print_span(st, RL_NEW, p->b0, p->b1, op, true, -1, OWN_MARKS);
			continue;
		}
		const rl_piece *n = k + 1 < k1 ? rl_layout_piece(lay, k + 1) : NULL;
		if (n && !op->move && !ops[n->op].move && mark_beside(st, p, n)) {
			uint8_t g[2] = {st->tok[RL_OLD][p->a1 > p->a0 ? p->a0 : n->a0].gap,
			                st->tok[RL_NEW][p->b1 > p->b0 ? p->b0 : n->b0].gap};
			int side = p->b1 > p->b0;
			print_span(st, side, side ? p->b0 : p->a0, side ? p->b1 : p->a1, op, true,
			           g[0] > g[1] ? g[0] : g[1], OWN_MARKS);
			print_span(st, !side, side ? n->a0 : n->b0, side ? n->a1 : n->b1, &ops[n->op], true,
			           RL_GAP_SPACE, OWN_MARKS);
			k++;
			continue;
		}
		if (!op->move && (p->a1 > p->a0) != (p->b1 > p->b0)) {
			int side = p->b1 > p->b0 ? RL_NEW : RL_OLD;
			uint32_t hi = side ? p->b1 : p->a1;
			for (; k + 1 < k1 && same_span(st, p, rl_layout_piece(lay, k + 1), side, hi); k++)
				hi = side ? rl_layout_piece(lay, k + 1)->b1 : rl_layout_piece(lay, k + 1)->a1;
			print_span(st, side, side ? p->b0 : p->a0, hi, op, true, -1, OWN_MARKS);
			continue;
		}
		/* A rewrite reads in NEW's order: NEW's whitespace before it, then the old words, a
		 * space, the new words. Between the markers of two words of a script without spaces,
		 * no space (in colour, where nothing else tells the old words from the new, it stays). */
		bool both = p->a1 > p->a0 && p->b1 > p->b0;
		bool join = both && !st->o->color && tight(&st->tok[RL_OLD][p->a1 - 1], st->text[RL_OLD]) &&
		            tight(&st->tok[RL_NEW][p->b0], st->text[RL_NEW]);
		/* ...unless NEW glues its words to the word before ("two-year" for "two winters"):
		 * the old words keep their own space, or OLD would read "two[-winters". */
		int gap = both ? st->tok[RL_NEW][p->b0].gap : -1;
		if (gap == RL_GAP_NONE && st->tok[RL_OLD][p->a0].gap != RL_GAP_NONE)
			gap = -1;
		/* A run of rewrites next to each other (swaps paired one to one) reads as one: its old
		 * words, then its new words ("[-under the new timetable-] {+from Monday to Friday+}",
		 * not "[-under-] {+from+} [-the-] {+Monday+} ..."); --json keeps the pairs. */
		const rl_piece *last = p;
		while (both && !join && k + 1 < k1 &&
		       ((plain_rewrite(st, ops, p) && goes_on(st, ops, last, rl_layout_piece(lay, k + 1))) ||
		        glued_on(st, ops, last, rl_layout_piece(lay, k + 1))))
			last = rl_layout_piece(lay, ++k);
		unsigned marks = op->move ? passage_marks(ops, p, q, n) : OWN_MARKS;
		print_span(st, RL_OLD, p->a0, last->a1, op, true, gap, marks);
		print_span(st, RL_NEW, p->b0, last->b1, op, true,
		           both ? (join ? RL_GAP_NONE : RL_GAP_SPACE) : -1, marks);
	}
}

/* Where blocks [b0, b1) stand on each side. */
static void block_extents(const rl_layout *lay, size_t b0, size_t b1, rl_extent e[2])
{
	const rl_alignment *al = rl_layout_alignment(lay);

	for (int s = 0; s < 2; s++) {
		const rl_tokens *tks = rl_alignment_tokens(al, s);
		const rl_token *tk = rl_tokens_array(tks);
		size_t ntk = rl_tokens_count(tks);
		e[s] = RL_EXTENT_INIT;
		for (size_t b = b0; b < b1; b++) {
			const rl_block *bl = rl_layout_block(lay, b);
			uint32_t t0 = s ? bl->b0 : bl->a0, t1 = s ? bl->b1 : bl->a1;
			uint32_t at = t0 < ntk ? tk[t0].off : (uint32_t)rl_tokens_text_len(tks);
			if (t1 > t0)
				rl_extent_add(&e[s], at, tk[t1 - 1].off + tk[t1 - 1].len, true);
			else
				rl_extent_add(&e[s], at, at, false);
		}
	}
}

/* Only the blocks near changes, each hunk under its header. */
static int print_hunks(inline_state *st, const rl_layout *lay, const rl_op *ops,
                       unsigned context)
{
	const rl_alignment *al = rl_layout_alignment(lay);
	size_t nblocks = rl_layout_blocks(lay), nhunks = 0;
	uint8_t *changed = malloc(nblocks ? nblocks : 1);
	rl_where w[2] = {{0}, {0}};
	rl_hunk *hunks = NULL;
	int rc = RL_ENOMEM;

	if (!changed)
		return rc;
	for (size_t b = 0; b < nblocks; b++)
		changed[b] = (rl_layout_block(lay, b)->flags & RL_BLOCK_CHANGE) != 0;
	if ((rc = rl_hunks_select(&hunks, &nhunks, changed, nblocks, context)) != RL_OK ||
	    (rc = rl_where_init(&w[0], rl_alignment_tokens(al, RL_OLD))) != RL_OK ||
	    (rc = rl_where_init(&w[1], rl_alignment_tokens(al, RL_NEW))) != RL_OK)
		goto out;
	for (size_t k = 0; k < nhunks; k++) {
		rl_extent e[2];
		block_extents(lay, hunks[k].lo, hunks[k].hi, e);
		rl_print_hunk_header(st->o, w, e);
		st->started = false;  /* no whitespace before a hunk's first word */
		st->closed = false;
		st->col = 0;
		print_blocks(st, lay, ops, hunks[k].lo, hunks[k].hi);
		if (st->started)
			rl_out_raw(st->o, "\n", 1);
	}
out:
	rl_where_release(&w[0]);
	rl_where_release(&w[1]);
	free(hunks);
	free(changed);
	return rc;
}

int rl_print_inline(rl_out *o, const rl_alignment *al)
{
	return rl_print_inline_context(o, al, RL_CONTEXT_ALL, 0);
}

int rl_print_inline_context(rl_out *o, const rl_alignment *al, int context, unsigned width)
{
	rl_layout_opts lo = {.markers = false};
	rl_layout *lay;
	inline_state st = {o, al, {NULL, NULL}, {NULL, NULL}, false, false, false, width, 0};
	size_t nops;
	const rl_op *ops = rl_alignment_ops(al, &nops);
	int rc;

	if ((rc = rl_layout_new(&lay, al, &lo)) != RL_OK)
		return rc;
	for (int s = 0; s < 2; s++) {
		st.tok[s] = rl_tokens_array(rl_alignment_tokens(al, s));
		st.text[s] = rl_tokens_text(rl_alignment_tokens(al, s));
	}
	if (context >= 0) {
		rc = print_hunks(&st, lay, ops, (unsigned)context);
	} else {
		print_blocks(&st, lay, ops, 0, rl_layout_blocks(lay));
		if (st.started)
			rl_out_raw(o, "\n", 1);
	}
	rl_layout_free(lay);
	return rc;
}
