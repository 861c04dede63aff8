/* layout_slots.c: whether a piece goes on in the open block or starts a block of its own, beyond
 * the line starts, sync points and size caps that layout.c cuts at: the rules that keep on one
 * row what a reader reads together (a mark and its word, a list marker and its item, a sentence's
 * head and its sentence, a unit and the one it replaced in its slot).
 *
 *   add_piece asks, of the open block and the piece   glued_to_block, marker_before,
 *                                                       leads_paragraph, mark_beside_line,
 *                                                       head_before_line
 *   make_blocks asks, of the pieces around piece k     heads_line, head_before_passage,
 *                                                       same_slot (with same_mark)
 *
 * They read the layout and change nothing. */
#include "layout.h"

#include <string.h>

#include "layout_impl.h"

/* ------------------------------------------------------------------ the open block goes on */

/* Does piece p touch the end of the open block on a side, with no space between (a quotation mark
 * inserted before the word that starts a paragraph: "{+“+}We’re")? A mark is never drawn apart
 * from the word it is glued to, so p goes on in that block even where a line starts on the other
 * side. */
bool rl_ly_glued_to_block(const rl_layout *lay, const rl_piece *p)
{
	if (lay->nblocks == 0)
		return false;
	const rl_block *b = &lay->blocks[lay->nblocks - 1];
	if (b->piece1 == b->piece0)
		return false;
	return (p->a1 > p->a0 && b->a1 > b->a0 && b->a1 == p->a0 &&
	        tok_at(lay, RL_OLD, p->a0)->gap == RL_GAP_NONE) ||
	       (p->b1 > p->b0 && b->b1 > b->b0 && b->b1 == p->b0 &&
	        tok_at(lay, RL_NEW, p->b0)->gap == RL_GAP_NONE);
}

/* The open block when it holds pieces and text on one side only, that side in *side; else NULL. */
static const rl_block *open_one_sided(const rl_layout *lay, int *side)
{
	if (lay->nblocks == 0)
		return NULL;
	const rl_block *b = &lay->blocks[lay->nblocks - 1];
	bool old = b->a1 > b->a0, new = b->b1 > b->b0;
	if (b->piece1 == b->piece0 || old == new)
		return NULL;
	*side = old ? RL_OLD : RL_NEW;
	return b;
}

/* The open one-sided block (open_one_sided) and piece p: s the block's side and o the other; the
 * block's tokens [lo, hi) on s and its place at_o on o; p's tokens [p0, p1) on s, [q0, q1) on o. */
typedef struct beside {
	int s, o;
	uint32_t lo, hi, at_o, p0, p1, q0, q1;
} beside;

/* Fill x for piece p when the open block is one-sided; false when it is not. */
static bool open_beside(const rl_layout *lay, const rl_piece *p, beside *x)
{
	const rl_block *b = open_one_sided(lay, &x->s);
	if (!b)
		return false;
	int s = x->s, o = !s;
	x->o = o;
	x->lo = s ? b->b0 : b->a0, x->hi = s ? b->b1 : b->a1, x->at_o = o ? b->b0 : b->a0;
	x->p0 = s ? p->b0 : p->a0, x->p1 = s ? p->b1 : p->a1;
	x->q0 = o ? p->b0 : p->a0, x->q1 = o ? p->b1 : p->a1;
	return true;
}

/* Is the open block a list marker alone on one side ("{+-+}", "{+4.+}": a bullet inserted before
 * the words of a paragraph that was there), which piece p goes on from on the same line? Then p
 * goes on in that block: a marker is never drawn on a row of its own above its words. */
bool rl_ly_marker_before(const rl_layout *lay, const rl_piece *p)
{
	beside x;
	if (!open_beside(lay, p, &x))
		return false;
	int s = x.s;
	uint32_t lo = x.lo, hi = x.hi, p0 = x.p0;
	if (x.p1 <= p0 || p0 != hi || hi - lo > 2 || tok_at(lay, s, p0)->gap >= RL_GAP_BREAK ||
	    !starts_line(lay, s, lo))
		return false;
	const rl_token *m = tok_at(lay, s, lo);
	if (m->cls == RL_TOK_WORD)  /* a number or a letter, then its stop or bracket: "4." "b)" */
		return hi - lo == 2 && tok_at(lay, s, lo + 1)->cls == RL_TOK_PUNCT &&
		       tok_at(lay, s, lo + 1)->gap == RL_GAP_NONE &&
		       ((m->flags & RL_TF_DIGIT) ? m->len <= 3 : m->len == 1);
	return hi - lo == 1;  /* a bullet: "-", "*", "•" */
}

/* Is the open block a change on one side only that starts a line there ("[-By-]", "{+The trust's
 * chair,+}"), and does piece p go on from it on that side within the line, while on the other
 * side p starts the paragraph? The change leads that paragraph: p goes on in its block, so that
 * the paragraph is not cut in two with its first words on a row of their own. */
bool rl_ly_leads_paragraph(const rl_layout *lay, const rl_piece *p)
{
	beside x;
	if (!open_beside(lay, p, &x))
		return false;
	return x.p1 > x.p0 && x.q1 > x.q0 && x.p0 == x.hi && x.q0 == x.at_o &&
	       starts_line(lay, x.s, x.lo) && !starts_line(lay, x.s, x.p0) && starts_line(lay, x.o, x.q0);
}

/* Is the open block a change on one side only that starts a line there ("[-- Ann-]", a deleted
 * list item's head), and piece p marks alone on the other side that start a line there, glued
 * to the word after them ("{+“+}We")? Both lines start on this row: p goes on in the block, and
 * its word after it (glued_to_block), instead of the mark on a row of its own. */
bool rl_ly_mark_beside_line(const rl_layout *lay, const rl_piece *p)
{
	int s;
	const rl_block *b = open_one_sided(lay, &s);
	if (!b || !starts_line(lay, s, s ? b->b0 : b->a0))
		return false;
	int o = !s;
	uint32_t lo = s ? p->a0 : p->b0, hi = s ? p->a1 : p->b1;
	return !(s ? p->b1 > p->b0 : p->a1 > p->a0) && hi > lo && starts_line(lay, o, lo) &&
	       rl_tokens_glued_marks(rl_alignment_tokens(lay->al, o), lo, hi);
}

/* Is the open block the head of a sentence on one side only, a few words after a sentence's
 * stop within a line ("{+A+}" cut from "{+… just talk. A+}", sentence_head), and does piece p
 * go on from it on that line, with words at the block's place on the other side too ("Meta …"),
 * though it starts a line there? Then p goes on in that block: the head is drawn with its
 * sentence, not at the end of the row above. */
bool rl_ly_head_before_line(const rl_layout *lay, const rl_piece *p)
{
	beside x;
	if (!open_beside(lay, p, &x))
		return false;
	int s = x.s;
	uint32_t lo = x.lo, hi = x.hi;
	if (x.p1 <= x.p0 || x.q1 <= x.q0 || x.p0 != hi || x.q0 != x.at_o ||
	    hi - lo > RL_LY_HEAD_TOKENS || starts_line(lay, s, lo) || starts_line(lay, s, x.p0) ||
	    rl_ly_sentence_start(lay, s, lo) < 2)
		return false;
	for (uint32_t t = lo; t < hi; t++)
		if (rl_ly_sentence_end_before(lay, s, t + 1))
			return false;
	return rl_ly_words_in(lay, s, lo, hi) <= RL_LY_HEAD_WORDS;
}

/* ------------------------------------------------------------------ where a piece starts */

/* Is piece p a mark (or a few words) on one side only, glued to the start of piece n, which starts
 * a line on the other side ("he {+once stated, “+}We’re …" facing a paragraph "We’re …")? Then
 * p starts the block that n goes on in: the kept words face each other on one row, the mark
 * glued to its word, instead of running on from the line before on one side only. */
bool rl_ly_heads_line(const rl_layout *lay, const rl_piece *p, const rl_piece *n)
{
	bool pa = p->a1 > p->a0, pb = p->b1 > p->b0;
	if (!n || pa == pb || lay->ops[p->op].move || lay->ops[n->op].move)
		return false;
	int s = pb ? RL_NEW : RL_OLD, o = !s;
	uint32_t p0 = s ? p->b0 : p->a0, p1 = s ? p->b1 : p->a1;
	uint32_t n0 = s ? n->b0 : n->a0, n1 = s ? n->b1 : n->a1;
	uint32_t m0 = o ? n->b0 : n->a0, m1 = o ? n->b1 : n->a1;
	return n0 == p1 && n1 > n0 && m1 > m0 && tok_at(lay, s, n0)->gap == RL_GAP_NONE &&
	       !starts_line(lay, s, p0) && starts_line(lay, o, m0) &&
	       tok_at(lay, s, p0)->gap != RL_GAP_NONE;
}

/* Does piece k of raw start a sentence's head on both sides (a few words after a stop, within a
 * line: "discussions. Meta" facing "discussions. {+A+} Meta") that a passage on one side cuts off
 * from the rest of its sentence ("Meta [-CEO … would still need to sign off, and a company-]
 * spokesperson")? Then the head starts a block of its own: left in the block before, it would
 * stand at the end of the other sentence's row on one side and on a row of its own on the side
 * that wraps, its sentence going on below the passage. (sentence_head is the same head at the
 * end of a passage.) */
bool rl_ly_head_before_passage(const rl_layout *lay, const piecevec *raw, size_t k)
{
	const rl_piece *p = &raw->v[k];
	if (p->a0 >= lay->ntok[RL_OLD] || p->b0 >= lay->ntok[RL_NEW] ||
	    rl_ly_sentence_start(lay, RL_OLD, p->a0) < 2 ||
	    rl_ly_sentence_start(lay, RL_NEW, p->b0) < 2 ||
	    starts_line(lay, RL_OLD, p->a0) || starts_line(lay, RL_NEW, p->b0))
		return false;
	size_t words[2] = {0, 0};
	for (size_t m = k; m < raw->n; m++) {
		const rl_piece *q = &raw->v[m];
		if (lay->ops[q->op].move)
			return false;
		if (m > k && rl_ly_is_passage(lay, q))
			return words[RL_OLD] > 0 && words[RL_NEW] > 0 && m + 1 < raw->n &&
			       !lay->ops[raw->v[m + 1].op].move &&
			       !starts_line(lay, RL_OLD, raw->v[m + 1].a0) &&
			       !starts_line(lay, RL_NEW, raw->v[m + 1].b0);
		if ((m > k && (starts_line(lay, RL_OLD, q->a0) || starts_line(lay, RL_NEW, q->b0))) ||
		    q->a1 - p->a0 > RL_LY_HEAD_TOKENS || q->b1 - p->b0 > RL_LY_HEAD_TOKENS)
			return false;
		words[RL_OLD] += rl_ly_words_in(lay, RL_OLD, q->a0, q->a1);
		words[RL_NEW] += rl_ly_words_in(lay, RL_NEW, q->b0, q->b1);
		if (words[RL_OLD] > RL_LY_HEAD_WORDS || words[RL_NEW] > RL_LY_HEAD_WORDS)
			return false;
	}
	return false;
}

/* Is piece p of side s whole units there: it starts a line or a sentence, and it ends one
 * (before a line start, a sentence's stop or the text's end), or ends with the head of the
 * sentence that goes on in piece n (sentence_head), and no line starts inside it? */
static bool whole_units(const rl_layout *lay, const rl_piece *p, const rl_piece *n, int s)
{
	uint32_t lo = s ? p->b0 : p->a0, hi = s ? p->b1 : p->a1;
	if (!starts_line(lay, s, lo) && rl_ly_sentence_start(lay, s, lo) < 2)
		return false;
	for (uint32_t t = lo + 1; t < hi; t++)
		if (starts_line(lay, s, t))
			return false;
	return hi >= lay->ntok[s] || starts_line(lay, s, hi) ||
	       rl_ly_sentence_end_before(lay, s, hi) || (n && rl_ly_ends_with_head(lay, p, n));
}

/* Is piece p text kept in place (no change, no move)? */
static bool kept(const rl_layout *lay, const rl_piece *p)
{
	return rl_op_unchanged(&lay->ops[p->op]) && !lay->ops[p->op].move;
}

/* Is piece k + 1 of raw a few words on one side only that start a sentence there and go on in
 * kept text ("[-A-] Meta"), the head of the next sentence? */
static bool head_after(const rl_layout *lay, const piecevec *raw, size_t k)
{
	if (k + 2 >= raw->n)
		return false;
	const rl_piece *h = &raw->v[k + 1];
	bool ha = h->a1 > h->a0, hb = h->b1 > h->b0;
	int s = ha ? RL_OLD : RL_NEW;
	uint32_t lo = ha ? h->a0 : h->b0, hi = ha ? h->a1 : h->b1;
	return ha != hb && !lay->ops[h->op].move && kept(lay, &raw->v[k + 2]) &&
	       rl_ly_sentence_start(lay, s, lo) == 2 && !starts_line(lay, s, lo) &&
	       hi - lo <= RL_LY_HEAD_TOKENS && rl_ly_words_in(lay, s, lo, hi) <= RL_LY_HEAD_WORDS;
}

/* Do pieces q and p (one side each) both start a line with the same mark, a list item's bullet
 * or a heading's "##" ("[-- Residents can send …-]" and "{+- Until 31 January: …+}")? Two
 * items or two headings, one for the other, stand in one slot even where a change stands
 * before them. */
static bool same_mark(const rl_layout *lay, const rl_piece *q, const rl_piece *p)
{
	int s = q->a1 > q->a0 ? RL_OLD : RL_NEW, o = !s;
	uint32_t a = s ? q->b0 : q->a0, b = o ? p->b0 : p->a0;
	const rl_token *x = tok_at(lay, s, a), *y = tok_at(lay, o, b);
	if (!starts_line(lay, s, a) || !starts_line(lay, o, b) || x->cls != RL_TOK_PUNCT ||
	    y->cls != RL_TOK_PUNCT || x->len != y->len)
		return false;
	return memcmp(lay->text[s] + x->off, lay->text[o] + y->off, x->len) == 0;
}

/* Does piece k of raw, whole units on one side only, stand in the slot of piece k - 1, whole
 * units on the other side only, the block before holding that piece alone, with text kept before
 * the one and after the other (at the text's edge, a page's links added at the end are no
 * replacement of the story's last paragraph): a sentence deleted and the sentence
 * inserted in its place ("[-The talks are just that.-]" and "{+It is worth noting that these
 * are only talks.+}")? Then k goes on in that block: a reader sees the two side by side on one
 * row, not one below the other, each facing padding. They stay a deletion and an insertion. */
bool rl_ly_same_slot(const rl_layout *lay, const piecevec *raw, size_t k)
{
	if (k == 0 || lay->nblocks == 0)
		return false;
	const rl_piece *q = &raw->v[k - 1], *p = &raw->v[k];
	const rl_piece *n = k + 1 < raw->n ? &raw->v[k + 1] : NULL;
	const rl_block *b = &lay->blocks[lay->nblocks - 1];
	bool qa = q->a1 > q->a0, qb = q->b1 > q->b0, pa = p->a1 > p->a0, pb = p->b1 > p->b0;
	if (qa == qb || pa == pb || qa == pa || lay->ops[q->op].move || lay->ops[p->op].move ||
	    b->a0 != q->a0 || b->a1 != q->a1 || b->b0 != q->b0 || b->b1 != q->b1 ||
	    q->a1 != p->a0 || q->b1 != p->b0)
		return false;
	if (k < 2 || !(kept(lay, &raw->v[k - 2]) || (!lay->ops[raw->v[k - 2].op].move &&
	                                            same_mark(lay, q, p))) ||
	    !n || !(kept(lay, n) || head_after(lay, raw, k)))
		return false;
	int s = pa ? RL_OLD : RL_NEW;
	return whole_units(lay, q, p, !s) && whole_units(lay, p, n, s);
}
