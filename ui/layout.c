/* layout.c: the alignment cut into pieces, and the pieces into blocks at sync points (the rows
 * of a block: layout_rows.c). */
#include "layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout_impl.h"
#include "status.h"
#include "text.h"

/* An insertion, deletion or move of this many words or more is a passage of its own: it gets its
 * own block and faces padding. Smaller ones stay inline in the prose around them. */
#define PASSAGE_WORDS 8
/* Blocks of unchanged text are cut at the first sentence end after this many tokens, and
 * unconditionally at twice as many, so that laying out one block stays cheap. */
#define BLOCK_TOKENS 400
/* Inside a paragraph, where a sentence starts on both sides and one side of the open block has
 * grown this many columns longer than the other (a long rewritten stretch: a retranslation), a new
 * block starts, so that the shorter side waits with padding instead of running a sentence ahead. */
#define DRIFT_COLS 40

/* ------------------------------------------------------------------ pieces */

static int push_piece(piecevec *pv, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1,
                      uint32_t op)
{
	if (pv->n == pv->cap) {
		size_t c = pv->cap ? pv->cap * 2 : 64;
		rl_piece *v = realloc(pv->v, c * sizeof *v);
		if (!v)
			return RL_ENOMEM;
		pv->v = v;
		pv->cap = c;
	}
	pv->v[pv->n++] = (rl_piece){a0, a1, b0, b1, op};
	return RL_OK;
}

/* Where an op stands on one side. */
static uint32_t op_start(const rl_op *op, int side)
{
	return side ? op->b0 : op->a0;
}

/* A move op and where it stands on one side, for sorting. */
typedef struct placed {
	uint32_t at, op;
} placed;

static int cmp_placed(const void *x, const void *y)
{
	const placed *p = x, *q = y;
	if (p->at != q->at)
		return (p->at > q->at) - (p->at < q->at);
	return (p->op > q->op) - (p->op < q->op);
}

/* Sort move op indices by where they stand on one side (a moved passage may be many ops). */
static int sort_moves(uint32_t *v, size_t n, const rl_op *ops, int side)
{
	placed *pl = malloc((n + 1) * sizeof *pl);
	if (!pl)
		return RL_ENOMEM;
	for (size_t i = 0; i < n; i++)
		pl[i] = (placed){op_start(&ops[v[i]], side), v[i]};
	if (n > 1)
		qsort(pl, n, sizeof *pl, cmp_placed);
	for (size_t i = 0; i < n; i++)
		v[i] = pl[i].op;
	free(pl);
	return RL_OK;
}

/* Ops in reading order as pieces. Ops outside moves advance through both texts together; a moved
 * op is split into its OLD half, placed where it stands in OLD, and its NEW half, placed where it
 * stands in NEW. */
static int make_pieces(const rl_layout *lay, piecevec *out)
{
	const uint32_t na = (uint32_t)rl_tokens_count(rl_alignment_tokens(lay->al, RL_OLD));
	const uint32_t nb = (uint32_t)rl_tokens_count(rl_alignment_tokens(lay->al, RL_NEW));
	size_t m = 0;
	for (size_t k = 0; k < lay->nops; k++)
		m += lay->ops[k].move != 0;
	uint32_t *left = malloc((m + 1) * sizeof *left);
	uint32_t *right = malloc((m + 1) * sizeof *right);
	int rc = RL_ENOMEM;
	if (!left || !right)
		goto out;
	m = 0;
	for (size_t k = 0; k < lay->nops; k++)
		if (lay->ops[k].move)
			left[m] = right[m] = (uint32_t)k, m++;
	if (sort_moves(left, m, lay->ops, RL_OLD) != RL_OK ||
	    sort_moves(right, m, lay->ops, RL_NEW) != RL_OK)
		goto out;

	size_t li = 0, ri = 0;
	for (size_t k = 0; k <= lay->nops; k++) {
		const rl_op *op = k < lay->nops ? &lay->ops[k] : NULL;
		if (op && op->move)
			continue;
		uint32_t a_here = op ? op->a0 : na, b_here = op ? op->b0 : nb;
		/* Moved text that left OLD here stands in NEW before whatever arrives here, so that
		 * both sides' positions only grow from piece to piece. */
		uint32_t b_left = b_here;
		if (ri < m && (!op || lay->ops[right[ri]].b0 < b_here))
			b_left = lay->ops[right[ri]].b0;
		for (; li < m && (!op || lay->ops[left[li]].a0 < a_here); li++) {
			const rl_op *mv = &lay->ops[left[li]];
			if (mv->a1 > mv->a0 &&
			    push_piece(out, mv->a0, mv->a1, b_left, b_left, left[li]) != RL_OK)
				goto out;
		}
		for (; ri < m && (!op || lay->ops[right[ri]].b0 < b_here); ri++) {
			const rl_op *mv = &lay->ops[right[ri]];
			if (mv->b1 > mv->b0 &&
			    push_piece(out, a_here, a_here, mv->b0, mv->b1, right[ri]) != RL_OK)
				goto out;
		}
		if (op && push_piece(out, op->a0, op->a1, op->b0, op->b1, (uint32_t)k) != RL_OK)
			goto out;
	}
	rc = RL_OK;
out:
	free(left);
	free(right);
	return rc;
}

/* ------------------------------------------------------------------ blocks */

/* Does a sentence end just before token t? */
bool rl_ly_sentence_end_before(const rl_layout *lay, int side, uint32_t t)
{
	if (t == 0 || t >= lay->ntok[side])
		return false;
	const rl_token *p = tok_at(lay, side, t - 1);
	char c = lay->text[side][p->off + p->len - 1];
	return (c == '.' || c == '!' || c == '?') && tok_at(lay, side, t)->gap != RL_GAP_NONE;
}

/* Is token k the stop of a list or heading number that starts a line ("1." "12." "b."): the stop
 * ends no sentence, and the words after it are the item's own. */
static bool list_number_before(const rl_layout *lay, int side, uint32_t k)
{
	const rl_token *dot = tok_at(lay, side, k);
	if (k == 0 || dot->len != 1 || dot->gap != RL_GAP_NONE || !starts_line(lay, side, k - 1))
		return false;
	const rl_token *m = tok_at(lay, side, k - 1);
	return m->cls == RL_TOK_WORD && ((m->flags & RL_TF_DIGIT) ? m->len <= 3 : m->len == 1);
}

/* Does a sentence (2) or a clause (1) start at token t: after ".", "!" or "?" (2), ";", ":" or ","
 * (1), and any closing marks glued to it ("years.” The")? 0 where none does. */
int rl_ly_sentence_start(const rl_layout *lay, int side, uint32_t t)
{
	if (t == 0 || t >= lay->ntok[side] || tok_at(lay, side, t)->gap == RL_GAP_NONE)
		return 0;
	uint32_t k = t - 1;
	for (;;) {
		const rl_token *p = tok_at(lay, side, k);
		const char *s = lay->text[side] + p->off;
		bool closer = (p->len == 1 && strchr("\")]'", s[0])) ||
		              (p->len == 3 && (memcmp(s, "\xe2\x80\x9d", 3) == 0 ||
		                               memcmp(s, "\xe2\x80\x99", 3) == 0));
		if (!closer || k == 0 || p->gap != RL_GAP_NONE)
			break;
		k--;
	}
	const rl_token *p = tok_at(lay, side, k);
	const char *s = lay->text[side] + p->off;
	char c = s[p->len - 1];
	if (c == ';' || c == ':' || c == ',')
		return 1;
	if (c != '.' && c != '!' && c != '?')
		return 0;
	if (c == '.' && list_number_before(lay, side, k))
		return 0;
	/* An abbreviation ("U.S. Coast", "Dr. Evelyn") ends no sentence: a period inside the word, or
	 * a period after a short capitalised word. */
	if (c == '.' && (memchr(s, '.', p->len - 1) ||
	                 (p->len == 1 && k > 0 && p->gap == RL_GAP_NONE &&
	                  (tok_at(lay, side, k - 1)->flags & RL_TF_UPPER) &&
	                  (tok_at(lay, side, k - 1)->width <= 3 ||
	                   memchr(lay->text[side] + tok_at(lay, side, k - 1)->off, '.',
	                          tok_at(lay, side, k - 1)->len)))))
		return 0;
	return 2;
}

/* The columns tokens [t0, t1) of a side take: their widths and the spaces between, and the
 * markers around a change when they are shown. */
static size_t piece_cols(const rl_layout *lay, int side, uint32_t t0, uint32_t t1, bool changed)
{
	size_t n = changed && lay->opts.markers && t1 > t0 ? 4 : 0;
	for (uint32_t t = t0; t < t1; t++) {
		const rl_token *tk = tok_at(lay, side, t);
		n += rl_token_width(lay->text[side], tk) + (tk->gap != RL_GAP_NONE);
	}
	return n;
}

/* Do both sides start a sentence at tokens i and j, with one side of the open block DRIFT_COLS
 * ahead of the other, and both of them at least that long (a short paragraph next to a long one
 * stays one block): a sync point. Where it is twice as far ahead, a clause start on either side
 * (a sentence that one side ends with ";" or ",", the other with ".") is enough. */
static bool drift_sync(const rl_layout *lay, uint32_t i, uint32_t j)
{
	size_t a = lay->cols[RL_OLD], b = lay->cols[RL_NEW], d = a > b ? a - b : b - a;
	if (d < DRIFT_COLS || (a < b ? a : b) < DRIFT_COLS || i >= lay->ntok[RL_OLD] ||
	    j >= lay->ntok[RL_NEW])
		return false;
	int si = rl_ly_sentence_start(lay, RL_OLD, i), sj = rl_ly_sentence_start(lay, RL_NEW, j);
	return si + sj == 4 || (d >= 2 * DRIFT_COLS && si && sj);
}

/* Is the size cap reached at token t, count tokens into the block? */
static bool cut_here(const rl_layout *lay, int side, uint32_t t, size_t count)
{
	return count >= 2 * BLOCK_TOKENS ||
	       (count >= BLOCK_TOKENS && rl_ly_sentence_end_before(lay, side, t));
}

static bool is_compared(const rl_layout *lay, int side, uint32_t t)
{
	return !lay->words_only || tok_at(lay, side, t)->cls == RL_TOK_WORD;
}

static bool piece_changed(const rl_layout *lay, const rl_piece *p)
{
	const rl_op *op = &lay->ops[p->op];
	return !rl_op_unchanged(op);
}

static int new_block(rl_layout *lay)
{
	if (lay->nblocks == lay->capblocks) {
		size_t c = lay->capblocks ? lay->capblocks * 2 : 64;
		rl_block *v = realloc(lay->blocks, c * sizeof *v);
		if (!v)
			return RL_ENOMEM;
		lay->blocks = v;
		lay->capblocks = c;
	}
	rl_block *b = &lay->blocks[lay->nblocks++];
	memset(b, 0, sizeof *b);
	b->piece0 = b->piece1 = (uint32_t)lay->pieces.n;
	lay->cols[0] = lay->cols[1] = 0;
	return RL_OK;
}

size_t rl_ly_words_in(const rl_layout *lay, int side, uint32_t lo, uint32_t hi)
{
	size_t w = 0;
	for (uint32_t t = lo; t < hi; t++)
		w += tok_at(lay, side, t)->cls == RL_TOK_WORD;
	return w;
}

/* Where add_piece puts a piece: in the open block or a new one as the rules below decide
 * (PIECE_FREE), in a new block (PIECE_NEW), or in the open block whatever starts there
 * (PIECE_JOIN: same_slot's sentence inserted beside the one deleted). */
typedef enum { PIECE_FREE, PIECE_NEW, PIECE_JOIN } piece_place;

/* Add a piece to the open block, or to a new one when forced, when none is open, or when the piece
 * starts a line on either side (unless it is glued to the block's last word, goes on from a
 * list marker alone, from a change that leads its paragraph or from a sentence's head, or is a
 * mark that starts its line beside the block's). */
static int add_piece(rl_layout *lay, const rl_piece *p, piece_place place, bool *open)
{
	bool force_new = place == PIECE_NEW;
	bool line = (p->a1 > p->a0 && starts_line(lay, RL_OLD, p->a0)) ||
	            (p->b1 > p->b0 && starts_line(lay, RL_NEW, p->b0));
	if (line && *open && !force_new &&
	    (rl_ly_glued_to_block(lay, p) || rl_ly_marker_before(lay, p) ||
	     rl_ly_mark_beside_line(lay, p) || rl_ly_head_before_line(lay, p)))
		line = false;
	if (line && *open && !force_new && rl_ly_leads_paragraph(lay, p)) {
		/* the paragraph's drift is counted from here, as from a block of its own */
		lay->cols[RL_OLD] = lay->cols[RL_NEW] = 0;
		line = false;
	}
	bool sync = *open && drift_sync(lay, p->a0, p->b0);
	if (place == PIECE_JOIN && *open)
		line = sync = false;
	if (!*open || force_new || line || sync) {
		if (new_block(lay) != RL_OK)
			return RL_ENOMEM;
		*open = true;
	}
	if (push_piece(&lay->pieces, p->a0, p->a1, p->b0, p->b1, p->op) != RL_OK)
		return RL_ENOMEM;
	rl_block *b = &lay->blocks[lay->nblocks - 1];
	if (b->piece1 == b->piece0)
		b->a0 = p->a0, b->b0 = p->b0;
	b->piece1 = (uint32_t)lay->pieces.n;
	b->a1 = p->a1;
	b->b1 = p->b1;
	bool changed = piece_changed(lay, p);
	if (changed)
		b->flags |= RL_BLOCK_CHANGE;
	lay->cols[RL_OLD] += piece_cols(lay, RL_OLD, p->a0, p->a1, changed);
	lay->cols[RL_NEW] += piece_cols(lay, RL_NEW, p->b0, p->b1, changed);
	return RL_OK;
}

/* The first token of [lo, hi] on a side that starts a line, else UINT32_MAX. */
static uint32_t line_start_in(const rl_layout *lay, int side, uint32_t lo, uint32_t hi)
{
	for (uint32_t t = lo; t <= hi; t++)
		if (starts_line(lay, side, t))
			return t;
	return UINT32_MAX;
}

/* Where an unchanged stretch is cut on the side that starts no line between two compared words:
 * at the first of the uncompared tokens [lo, hi) set apart by a space, so that a mark glued to
 * the word before stays with it and one glued to the word after goes with that ("said. “We"
 * facing "said.¶“We" is cut before "“"); at hi when every one is glued to the word before. */
static uint32_t loose_start_in(const rl_layout *lay, int side, uint32_t lo, uint32_t hi)
{
	for (uint32_t t = lo; t < hi; t++)
		if (tok_at(lay, side, t)->gap != RL_GAP_NONE)
			return t;
	return hi;
}

/* An unchanged stretch, cut where a line starts on either side and where it grows too long. Its
 * two sides hold the same compared tokens in the same order; the walk pairs them up. A line may
 * start at a token that is not compared (under --ignore-punct, a quotation mark opening a
 * paragraph): the cut is there, not at the word after it, or the paragraph would start on the
 * previous paragraph's last row on the side that had no blank line. */
static int add_equal(rl_layout *lay, const rl_piece *p, piece_place first, bool *open)
{
	uint32_t i = p->a0, j = p->b0, si = p->a0, sj = p->b0;
	size_t count = 0;

	for (;;) {
		uint32_t gi = i, gj = j;  /* the uncompared tokens before the next pair: [gi, i) */
		while (i < p->a1 && !is_compared(lay, RL_OLD, i))
			i++;
		while (j < p->b1 && !is_compared(lay, RL_NEW, j))
			j++;
		if (i >= p->a1 || j >= p->b1)
			break;
		uint32_t li = line_start_in(lay, RL_OLD, gi, i), lj = line_start_in(lay, RL_NEW, gj, j);
		bool line = li != UINT32_MAX || lj != UINT32_MAX;
		uint32_t ci = li != UINT32_MAX ? li : line ? loose_start_in(lay, RL_OLD, gi, i) : i;
		uint32_t cj = lj != UINT32_MAX ? lj : line ? loose_start_in(lay, RL_NEW, gj, j) : j;
		bool cut = (ci > si || cj > sj) && line;
		bool cap = (i > si || j > sj) && cut_here(lay, RL_OLD, i, count);
		bool sync = (i > si || j > sj) && *open && drift_sync(lay, i, j);
		if (cut || cap || sync) {
			if (!cut)
				ci = i, cj = j;
			rl_piece slice = {si, ci, sj, cj, p->op};
			if (add_piece(lay, &slice, first, open) != RL_OK)
				return RL_ENOMEM;
			first = PIECE_FREE;
			*open = !cap && !sync;  /* a size or drift cut starts a new block mid-line */
			si = ci, sj = cj, count = 0;
		}
		i++, j++, count++;
	}
	rl_piece rest = {si, p->a1, sj, p->b1, p->op};
	return add_piece(lay, &rest, first, open);
}

/* Does piece p continue the passage of piece q on the same side: the next piece of one moved
 * passage (a moved paragraph with edits inside is several ops, read as one passage)? */
static bool continues_passage(const rl_layout *lay, const rl_piece *q, const rl_piece *p)
{
	if (!q || !lay->ops[p->op].move || lay->ops[q->op].move != lay->ops[p->op].move)
		return false;
	return (p->a1 > p->a0 && q->a1 > q->a0 && q->a1 == p->a0) ||
	       (p->b1 > p->b0 && q->b1 > q->b0 && q->b1 == p->b0);
}

/* Does piece p go on from piece q on the same line of one side, both changes of that side only
 * and inside one sentence, one of them a quotation (an added quotation cut from the insertion
 * it starts: {+"CC-BY-SA"+} {+means the …+})? A quotation is never drawn on a row apart from
 * the sentence it is part of. */
static bool continues_change(const rl_layout *lay, const rl_piece *q, const rl_piece *p)
{
	if (!q || lay->ops[p->op].move || lay->ops[q->op].move ||
	    (!lay->ops[p->op].quote && !lay->ops[q->op].quote))
		return false;
	bool qa = q->a1 > q->a0, qb = q->b1 > q->b0, pa = p->a1 > p->a0, pb = p->b1 > p->b0;
	if (qa == qb || pa == pb || qa != pa)
		return false;
	int s = pb ? RL_NEW : RL_OLD;
	uint32_t p0 = s ? p->b0 : p->a0;
	return (s ? q->b1 == p->b0 && q->a1 == p->a0 : q->a1 == p->a0 && q->b1 == p->b0) &&
	       !starts_line(lay, s, p0) && rl_ly_sentence_start(lay, s, p0) < 2;
}

/* Where passage p of one side ends with the head of a sentence that goes on in the next piece n
 * on the same line, n holding words of both sides at the passage's place ("{+… just talk. A+}
 * Meta spokesperson", "Meta" kept): the head's first token, else the passage's end. (The
 * passage's blocks end with it: the head would stand at the end of its last row, its sentence
 * on the rows below.) At most RL_LY_HEAD_TOKENS tokens are looked at. */
static uint32_t sentence_head(const rl_layout *lay, const rl_piece *p, const rl_piece *n)
{
	int s = p->b1 > p->b0 ? RL_NEW : RL_OLD, o = !s;
	uint32_t lo = s ? p->b0 : p->a0, hi = s ? p->b1 : p->a1;
	if (!n || lay->ops[p->op].move || lay->ops[n->op].move)
		return hi;
	uint32_t n0 = s ? n->b0 : n->a0, n1 = s ? n->b1 : n->a1;
	uint32_t m0 = o ? n->b0 : n->a0, m1 = o ? n->b1 : n->a1;
	if (n0 != hi || m0 != (o ? p->b0 : p->a0) || starts_line(lay, s, n0) ||
	    rl_ly_words_in(lay, s, n0, n1) == 0 || rl_ly_words_in(lay, o, m0, m1) == 0)
		return hi;
	size_t words = 0;
	for (uint32_t t = hi; t-- > lo + 1 && hi - t <= RL_LY_HEAD_TOKENS;) {
		words += tok_at(lay, s, t)->cls == RL_TOK_WORD;
		if (words > RL_LY_HEAD_WORDS || starts_line(lay, s, t) ||
		    rl_ly_sentence_end_before(lay, s, t + 1))
			return hi;
		if (rl_ly_sentence_start(lay, s, t) == 2)
			return t;
	}
	return hi;
}

/* Does passage p end with a sentence's head that goes on in piece n (sentence_head)? */
bool rl_ly_ends_with_head(const rl_layout *lay, const rl_piece *p, const rl_piece *n)
{
	return sentence_head(lay, p, n) < (p->b1 > p->b0 ? p->b1 : p->a1);
}

/* A passage on one side only (a large insertion or deletion, or half of a move): blocks of its
 * own, cut at its own line starts and when too long; the other side faces padding. A moved
 * passage's later pieces go on in the block of the one before. A sentence's head that ends it
 * and goes on in the next piece n (sentence_head) is a block of its own, left open for n. */
static int add_passage(rl_layout *lay, const rl_piece *p, const rl_piece *n, piece_place first,
                       bool *open)
{
	int side = p->a1 > p->a0 ? RL_OLD : RL_NEW;
	uint32_t lo = side ? p->b0 : p->a0, hi = side ? p->b1 : p->a1, start = lo;
	uint32_t head = sentence_head(lay, p, n);
	size_t count = 0;

	for (uint32_t t = lo; t <= hi; t++) {
		bool end = t == hi;
		if (!end && !(t > start && (t == head || starts_line(lay, side, t) ||
		                            cut_here(lay, side, t, count)))) {
			count++;
			continue;
		}
		rl_piece slice = *p;
		if (side)
			slice.b0 = start, slice.b1 = t;
		else
			slice.a0 = start, slice.a1 = t;
		if (add_piece(lay, &slice, start == lo ? first : PIECE_NEW, open) != RL_OK)
			return RL_ENOMEM;
		start = t;
		count = 1;
	}
	/* A moved passage may go on in its next piece, and so may a sentence's head; anything else
	 * starts afresh. */
	*open = lay->ops[p->op].move != 0 || head < hi;
	return RL_OK;
}

/* A rewrite stays one block, unless it is so long that laying it out at once would be slow: then
 * both sides are cut in proportion. */
static int add_rewrite(rl_layout *lay, const rl_piece *p, piece_place first, bool *open)
{
	size_t na = p->a1 - p->a0, nb = p->b1 - p->b0, most = na > nb ? na : nb;
	size_t chunks = most > 2 * BLOCK_TOKENS ? (most + BLOCK_TOKENS - 1) / BLOCK_TOKENS : 1;

	for (size_t c = 0; c < chunks; c++) {
		rl_piece slice = {
			p->a0 + (uint32_t)(na * c / chunks), p->a0 + (uint32_t)(na * (c + 1) / chunks),
			p->b0 + (uint32_t)(nb * c / chunks), p->b0 + (uint32_t)(nb * (c + 1) / chunks), p->op,
		};
		if (add_piece(lay, &slice, c > 0 ? PIECE_NEW : first, open) != RL_OK)
			return RL_ENOMEM;
	}
	return RL_OK;
}

/* A one-sided piece large enough to stand as a passage: PASSAGE_WORDS words, a line start inside,
 * or any part of a move. */
bool rl_ly_is_passage(const rl_layout *lay, const rl_piece *p)
{
	bool has_a = p->a1 > p->a0, has_b = p->b1 > p->b0;
	if (lay->ops[p->op].move)
		return has_a != has_b || lay->ops[p->op].kind == RL_OP_MOVE;
	if (has_a == has_b)
		return false;
	int side = has_a ? RL_OLD : RL_NEW;
	uint32_t lo = has_a ? p->a0 : p->b0, hi = has_a ? p->a1 : p->b1;
	for (uint32_t t = lo + 1; t < hi; t++)
		if (starts_line(lay, side, t))
			return true;
	/* A long change glued to the words around it (", and then some clause" before ".") stays
	 * inline: cutting there would leave the glued punctuation alone on a row. */
	uint32_t n = (uint32_t)rl_tokens_count(rl_alignment_tokens(lay->al, side));
	bool glued = tok_at(lay, side, lo)->gap == RL_GAP_NONE ||
	             (hi < n && tok_at(lay, side, hi)->gap == RL_GAP_NONE);
	return !glued && rl_ly_words_in(lay, side, lo, hi) >= PASSAGE_WORDS;
}

static void finish_blocks(rl_layout *lay)
{
	for (size_t i = 0; i < lay->nblocks; i++) {
		rl_block *b = &lay->blocks[i];
		uint32_t lo[2] = {b->a0, b->b0}, hi[2] = {b->a1, b->b1};
		for (int s = 0; s < 2; s++) {
			if (hi[s] <= lo[s])
				continue;
			b->starts[s] = starts_line(lay, s, lo[s]);
			if (lo[s] > 0 && tok_at(lay, s, lo[s])->gap == RL_GAP_PARA)
				b->flags |= RL_BLOCK_PARA;
		}
	}
}

static int make_blocks(rl_layout *lay, const piecevec *raw)
{
	bool open = false;
	const rl_piece *last = NULL;

	for (size_t k = 0; k < raw->n; k++) {
		const rl_piece *p = &raw->v[k], *n = k + 1 < raw->n ? &raw->v[k + 1] : NULL;
		const rl_op *op = &lay->ops[p->op];
		int rc;
		if (p->a0 == p->a1 && p->b0 == p->b1)
			continue;
		bool joins = lay->nblocks > 0 && continues_change(lay, last, p);
		bool go_on = (open && continues_passage(lay, last, p)) || joins;
		if (joins)
			open = true;
		bool join = !go_on && rl_ly_same_slot(lay, raw, k);
		if (join)
			go_on = open = true;
		if (last && lay->ops[last->op].move && !go_on)
			open = false;  /* a moved passage ended: what follows starts afresh */
		if (!go_on &&
		    (rl_ly_heads_line(lay, p, n) || (open && rl_ly_head_before_passage(lay, raw, k))))
			open = false;
		/* the piece's first part goes where same_slot put it, or where the rules say */
		piece_place first = join ? PIECE_JOIN : PIECE_FREE;
		if (rl_ly_is_passage(lay, p))
			rc = add_passage(lay, p, n, go_on ? first : PIECE_NEW, &open);
		else if (rl_op_unchanged(op))
			rc = add_equal(lay, p, first, &open);
		else
			rc = add_rewrite(lay, p, first, &open);
		if (rc != RL_OK)
			return rc;
		/* "[!“…”!] [-she said.-]": the passage ends with what joined it (unless that ends
		 * with a sentence's head, left open for its sentence) */
		if (joins && rl_ly_is_passage(lay, last) &&
		    !(rl_ly_is_passage(lay, p) && rl_ly_ends_with_head(lay, p, n)))
			open = false;
		last = p;
	}
	finish_blocks(lay);
	return RL_OK;
}

int rl_layout_new(rl_layout **out, const rl_alignment *al, const rl_layout_opts *opts)
{
	rl_layout *lay = calloc(1, sizeof *lay);
	piecevec raw = {0};
	int rc;

	if (!lay)
		return RL_ENOMEM;
	lay->al = al;
	lay->opts = *opts;
	lay->ops = rl_alignment_ops(al, &lay->nops);
	for (int s = 0; s < 2; s++) {
		lay->tok[s] = rl_tokens_array(rl_alignment_tokens(al, s));
		lay->text[s] = rl_tokens_text(rl_alignment_tokens(al, s));
		lay->ntok[s] = (uint32_t)rl_tokens_count(rl_alignment_tokens(al, s));
	}
	lay->words_only = rl_alignment_opts(al)->key.ignore_punct;
	if ((rc = make_pieces(lay, &raw)) != RL_OK || (rc = make_blocks(lay, &raw)) != RL_OK) {
		free(raw.v);
		rl_layout_free(lay);
		return rc;
	}
	free(raw.v);
	*out = lay;
	return RL_OK;
}

void rl_layout_free(rl_layout *lay)
{
	if (!lay)
		return;
	free(lay->pieces.v);
	free(lay->blocks);
	free(lay);
}

size_t rl_layout_blocks(const rl_layout *lay)
{
	return lay->nblocks;
}

const rl_block *rl_layout_block(const rl_layout *lay, size_t i)
{
	return &lay->blocks[i];
}

const rl_piece *rl_layout_piece(const rl_layout *lay, size_t i)
{
	return &lay->pieces.v[i];
}

const rl_alignment *rl_layout_alignment(const rl_layout *lay)
{
	return lay->al;
}
