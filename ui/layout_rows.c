/* layout_rows.c: rows by wrapping each side of a block (the blocks: layout.c). */
#include "layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout_impl.h"
#include "status.h"
#include "text.h"

#define MIN_WIDTH RL_LAYOUT_MIN_WIDTH
#define MAX_WIDTH RL_LAYOUT_MAX_WIDTH
_Static_assert(RL_LAYOUT_MIN_WIDTH >= RL_ESCAPE_MAX, "an escape must fit on one row");

static int push_run(rl_rowbuf *buf, const rl_run *run)
{
	if (buf->nruns == buf->capruns) {
		size_t c = buf->capruns ? buf->capruns * 2 : 256;
		rl_run *v = realloc(buf->runs, c * sizeof *v);
		if (!v)
			return RL_ENOMEM;
		buf->runs = v;
		buf->capruns = c;
	}
	buf->runs[buf->nruns++] = *run;
	return RL_OK;
}

/* Make sure row base + r exists; new rows start as filler on both sides. */
static int ensure_row(rl_rowbuf *buf, size_t row, uint32_t block)
{
	while (buf->nrows <= row) {
		if (buf->nrows == buf->caprows) {
			size_t c = buf->caprows ? buf->caprows * 2 : 64;
			rl_row *v = realloc(buf->rows, c * sizeof *v);
			if (!v)
				return RL_ENOMEM;
			buf->rows = v;
			buf->caprows = c;
		}
		rl_row *r = &buf->rows[buf->nrows++];
		memset(r, 0, sizeof *r);
		r->flags[0] = r->flags[1] = RL_ROW_FILLER;
		r->block = block;
	}
	return RL_OK;
}

/* Wrapping one side of one block into rows. */
typedef struct flow {
	const rl_layout *lay;
	rl_rowbuf *buf;
	int side;
	unsigned width;
	uint32_t block;
	size_t row;        /* the row being filled */
	unsigned cols;     /* columns used in it */
	bool started;      /* the row holds something (it is not a filler) */
} flow;

static int open_row(flow *f)
{
	if (ensure_row(f->buf, f->row, f->block) != RL_OK)
		return RL_ENOMEM;
	rl_row *r = &f->buf->rows[f->row];
	if (!f->started) {
		r->run[f->side] = (uint32_t)f->buf->nruns;
		r->nrun[f->side] = 0;
		r->cols[f->side] = 0;
		r->flags[f->side] &= (uint8_t)~RL_ROW_FILLER;
		f->started = true;
	}
	return RL_OK;
}

static int emit(flow *f, const rl_run *run)
{
	if (open_row(f) != RL_OK || push_run(f->buf, run) != RL_OK)
		return RL_ENOMEM;
	rl_row *r = &f->buf->rows[f->row];
	r->nrun[f->side]++;
	r->cols[f->side] = (uint16_t)(r->cols[f->side] + run->cols);
	if (run->kind != RL_OP_EQUAL || run->moved)
		r->flags[f->side] |= RL_ROW_CHANGE;
	f->cols += run->cols;
	return RL_OK;
}

static int next_row(flow *f)
{
	if (open_row(f) != RL_OK)
		return RL_ENOMEM;
	f->row++;
	f->cols = 0;
	f->started = false;
	return RL_OK;
}

/* Emit a token's text, cut at grapheme boundaries when it is wider than what is left of the row.
 * Every grapheme fits an empty row: the layout's width is at least MIN_WIDTH. */
static int emit_text(flow *f, const rl_token *tk, const rl_run *proto)
{
	const char *text = f->lay->text[f->side];
	uint32_t off = tk->off, end = tk->off + tk->len;

	size_t width = rl_token_width(text, tk);
	if (f->cols + width <= f->width) {
		rl_run run = *proto;
		run.off = off, run.len = tk->len, run.cols = (uint16_t)width;
		return emit(f, &run);
	}
	while (off < end) {
		uint32_t start = off, cols = 0;
		while (off < end) {
			rl_grapheme g;
			rl_grapheme_next(text + off, end - off, &g);
			if (f->cols + cols + g.width > f->width)
				break;
			cols += g.width;
			off += g.len;
		}
		if (off > start) {
			rl_run run = *proto;
			run.off = start, run.len = off - start, run.cols = (uint16_t)cols;
			if (emit(f, &run) != RL_OK)
				return RL_ENOMEM;
		}
		if (off < end && next_row(f) != RL_OK)
			return RL_ENOMEM;
	}
	return RL_OK;
}

static bool side_changed(const rl_op *op, int side)
{
	if (op->move)
		return true;
	switch (op->kind) {
	case RL_OP_DELETE: return side == RL_OLD;
	case RL_OP_INSERT: return side == RL_NEW;
	case RL_OP_REPLACE: case RL_OP_MOVE: case RL_OP_FORMAT: return true;
	default: return false;
	}
}

/* Are token t and the one before it both characters of a script written without spaces? */
static bool both_solo(const rl_layout *lay, int side, uint32_t t)
{
	return t > 0 && (lay->tok[side][t].flags & RL_TF_SOLO) &&
	       (lay->tok[side][t - 1].flags & RL_TF_SOLO);
}

/* May the row not break between tokens t and u (u follows t)? Tokens touching each other stay
 * together ("$3.1", "said,”"), except in scripts written without spaces, where a line may break
 * between any two characters, though not before the punctuation that closes a clause. */
static bool glued(const rl_layout *lay, int side, uint32_t t, uint32_t u)
{
	const rl_token *a = &lay->tok[side][t], *b = &lay->tok[side][u];
	if (b->gap != RL_GAP_NONE)
		return false;
	if (b->flags & RL_TF_SOLO)
		return false;
	return !(a->flags & RL_TF_SOLO) || b->cls == RL_TOK_PUNCT;
}

/* The columns of the tag "⟨¶N⟩": every character of it is one column wide. */
static unsigned tag_cols(uint32_t para)
{
	unsigned digits = 1;
	for (uint32_t p = para; p >= 10; p /= 10)
		digits++;
	return 3 + digits;
}

/* The columns of the tag that follows NEW's token t (the last of a linked unit), else 0. */
static unsigned tag_after(const rl_layout *lay, int side, uint32_t t)
{
	const rl_link *ln = side == RL_NEW ? rl_source_at(lay->al, t) : NULL;
	return ln && t + 1 == ln->b1 && ln->para ? tag_cols(ln->para) : 0;
}

/* After the last token of a linked unit: where its source is, "⟨¶N⟩", glued to the unit (the
 * unit's last word was flowed with the tag's width, so that the tag never starts a row alone). */
static int emit_tag(flow *f, const rl_run *proto, const rl_link *ln, uint32_t para)
{
	rl_run tag = *proto;
	size_t n;
	tag.type = RL_RUN_TAG, tag.len = para;
	tag.off = (uint32_t)(ln - rl_alignment_sources(f->lay->al, &n));  /* the link's index */
	tag.kind = RL_OP_INSERT, tag.quote = RL_QUOTE_NONE, tag.moved = 0, tag.derived = 1;
	tag.cols = (uint16_t)tag_cols(para);
	if (f->cols > 0 && f->cols + tag.cols > f->width && next_row(f) != RL_OK)
		return RL_ENOMEM;
	return emit(f, &tag);
}

/* One token to flow, with its op and whether a change span opens or closes at it; `outer_open`
 * and `outer_close`: a moved passage's brackets open before the span's own marker or close after
 * it (an edit at the edge of the passage: "{>{+However+} the storm …<}"). */
typedef struct item {
	uint32_t t, op;
	bool open, close, outer_open, outer_close;
} item;

/* Columns of item it with its change markers and the provenance tag after it. */
static unsigned item_width(const flow *f, const item *it)
{
	unsigned m = f->lay->opts.markers ? 2 : 0;
	return (unsigned)rl_token_width(f->lay->text[f->side], &f->lay->tok[f->side][it->t]) +
	       (it->open ? m : 0) + (it->close ? m : 0) + (it->outer_open ? m : 0) +
	       (it->outer_close ? m : 0) + tag_after(f->lay, f->side, it->t);
}

/* A change marker run: the span's own, or (`outer`) the bracket of the moved passage around an
 * edit inside it, drawn as the passage's ("{>" "<}") whatever the edit's kind. */
static int emit_marker(flow *f, const rl_run *proto, uint8_t type, bool outer)
{
	rl_run m = *proto;
	m.type = type, m.cols = 2;
	if (outer)
		m.kind = RL_OP_MOVE, m.quote = RL_QUOTE_NONE, m.derived = 0;
	return emit(f, &m);
}

/* Flow one token: the whitespace before it, the change markers around it, its text. `unit` is
 * the width of the unbreakable unit it starts (tokens not separated by whitespace, as "$3.1" or
 * "said,”"), 0 inside a unit: units move to the next row whole when they do not fit. */
static int flow_token(flow *f, const item *it, bool first, unsigned unit)
{
	const rl_layout *lay = f->lay;
	const rl_token *tk = &lay->tok[f->side][it->t];
	const rl_op *op = &lay->ops[it->op];
	bool changed = side_changed(op, f->side);
	rl_run proto = {0, 0, it->op, 0, RL_RUN_TEXT, changed ? op->kind : RL_OP_EQUAL,
	                changed ? rl_op_side_quote(op, f->side) : RL_QUOTE_NONE, op->move != 0, 0};
	const rl_link *ln = f->side == RL_NEW ? rl_source_at(lay->al, it->t) : NULL;
	proto.derived = changed && ln && (op->kind == RL_OP_INSERT || op->kind == RL_OP_REPLACE);
	unsigned open_w = it->open && lay->opts.markers ? 2 : 0;
	unsigned close_w = it->close && lay->opts.markers ? 2 : 0;
	unsigned outer_w = lay->opts.markers ? 2 : 0;  /* a moved passage's bracket, if any */
	unsigned sep = 0;

	if (!first) {
		if (tk->gap >= RL_GAP_BREAK) {
			if (next_row(f) != RL_OK)
				return RL_ENOMEM;
			if (tk->gap == RL_GAP_PARA && (open_row(f) != RL_OK || next_row(f) != RL_OK))
				return RL_ENOMEM;
		} else if (tk->gap == RL_GAP_SPACE ||
		           (tk->gap == RL_GAP_LINE && !both_solo(lay, f->side, it->t))) {
			sep = 1;  /* a soft line end between two ideographs is not a space */
		}
	}
	unsigned need = unit ? unit : item_width(f, it);
	if (f->cols > 0 && f->cols + sep + need > f->width && next_row(f) != RL_OK)
		return RL_ENOMEM;
	if (f->cols == 0)
		sep = 0;
	if (sep) {
		/* A space inside a change is part of it: the highlight does not break between words. */
		rl_run space = proto;
		space.type = RL_RUN_SPACE, space.cols = 1;
		if (it->open || it->outer_open)
			space.kind = RL_OP_EQUAL, space.quote = RL_QUOTE_NONE, space.moved = 0;
		if (emit(f, &space) != RL_OK)
			return RL_ENOMEM;
	}
	if (outer_w && it->outer_open && emit_marker(f, &proto, RL_RUN_OPEN, true) != RL_OK)
		return RL_ENOMEM;
	if (open_w && emit_marker(f, &proto, RL_RUN_OPEN, false) != RL_OK)
		return RL_ENOMEM;
	if (emit_text(f, tk, &proto) != RL_OK)
		return RL_ENOMEM;
	unsigned after = close_w + (it->outer_close ? outer_w : 0);
	if (after && f->cols + after > f->width && next_row(f) != RL_OK)
		return RL_ENOMEM;
	if (close_w && emit_marker(f, &proto, RL_RUN_CLOSE, false) != RL_OK)
		return RL_ENOMEM;
	if (outer_w && it->outer_close && emit_marker(f, &proto, RL_RUN_CLOSE, true) != RL_OK)
		return RL_ENOMEM;
	if (ln && it->t + 1 == ln->b1 && ln->para)
		return emit_tag(f, &proto, ln, ln->para);
	return RL_OK;
}

/* The move id of the first piece from p on that has tokens on the side, within block b (0: none,
 * or not moved). */
static uint32_t next_move(const rl_layout *lay, const rl_block *b, uint32_t p, int side)
{
	for (; p < b->piece1; p++) {
		const rl_piece *pc = &lay->pieces.v[p];
		if (side ? pc->b1 > pc->b0 : pc->a1 > pc->a0)
			return lay->ops[pc->op].move;
	}
	return 0;
}

unsigned rl_passage_marks(const rl_op *op, int side, bool first, bool last)
{
	if (op->kind == RL_OP_MOVE && rl_op_side_quote(op, side) == RL_QUOTE_NONE)
		return (first ? RL_MARK_OPEN : 0) | (last ? RL_MARK_CLOSE : 0);
	return RL_MARK_OPEN | RL_MARK_CLOSE | (first ? RL_MARK_OUTER_OPEN : 0) |
	       (last ? RL_MARK_OUTER_CLOSE : 0);
}

/* Two changes of the same kind that touch inside one word ("didn’" and "t", paired with "did"
 * and "not" when punctuation is not compared) are drawn as one span: "{+didn’t+}", not
 * "{+didn’+}{+t+}", a bracket in the middle of a word. Moved passages keep their own marks. */
static void join_glued_spans(const rl_layout *lay, int side, item *v, size_t n)
{
	for (size_t k = 1; k < n; k++) {
		const rl_op *x = &lay->ops[v[k - 1].op], *y = &lay->ops[v[k].op];
		if (!v[k - 1].close || !v[k].open || x->move || y->move || x->kind != y->kind ||
		    rl_op_side_quote(x, side) != rl_op_side_quote(y, side) ||
		    lay->tok[side][v[k].t].gap != RL_GAP_NONE)
			continue;
		v[k - 1].close = v[k].open = false;
	}
}

/* The tokens of one side of block bi, in order, with their span edges. */
static int block_items(const rl_layout *lay, size_t bi, int side, item **out, size_t *n)
{
	const rl_block *b = &lay->blocks[bi];
	size_t count = side ? b->b1 - b->b0 : b->a1 - b->a0, k = 0;
	item *v = malloc((count + 1) * sizeof *v);

	if (!v)
		return RL_ENOMEM;
	uint32_t prev = 0;  /* the move id of the last piece with tokens on this side */
	for (uint32_t p = b->piece0; p < b->piece1; p++) {
		const rl_piece *pc = &lay->pieces.v[p];
		uint32_t lo = side ? pc->b0 : pc->a0, hi = side ? pc->b1 : pc->a1;
		if (lo >= hi)
			continue;
		const rl_op *op = &lay->ops[pc->op];
		bool changed = side_changed(op, side);
		unsigned e = changed ? RL_MARK_OPEN | RL_MARK_CLOSE : 0;
		if (op->move)
			e = rl_passage_marks(op, side, op->move != prev,
			                     op->move != next_move(lay, b, p + 1, side));
		prev = op->move;
		for (uint32_t t = lo; t < hi && k < count; t++)
			v[k++] = (item){t, pc->op, (e & RL_MARK_OPEN) && t == lo,
			                (e & RL_MARK_CLOSE) && t + 1 == hi,
			                (e & RL_MARK_OUTER_OPEN) && t == lo,
			                (e & RL_MARK_OUTER_CLOSE) && t + 1 == hi};
	}
	join_glued_spans(lay, side, v, k);
	*out = v;
	*n = k;
	return RL_OK;
}

/* Wrap one side of block bi into rows from row `base` on. Returns the rows used through *used. */
static int flow_side(const rl_layout *lay, size_t bi, int side, unsigned width, rl_rowbuf *buf,
                     size_t base, size_t *used)
{
	flow f = {lay, buf, side, width, (uint32_t)bi, base, 0, false};
	item *items;
	size_t n;

	if (block_items(lay, bi, side, &items, &n) != RL_OK)
		return RL_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		unsigned unit = 0;
		if (i == 0 || !glued(lay, side, items[i - 1].t, items[i].t)) {
			unit = item_width(&f, &items[i]);
			for (size_t j = i + 1; j < n && glued(lay, side, items[j - 1].t, items[j].t); j++)
				unit += item_width(&f, &items[j]);
		}
		if (flow_token(&f, &items[i], i == 0, unit) != RL_OK) {
			free(items);
			return RL_ENOMEM;
		}
	}
	free(items);
	*used = f.started ? f.row - base + 1 : f.row - base;
	return RL_OK;
}

int rl_layout_rows(const rl_layout *lay, size_t bi, unsigned width, rl_rowbuf *buf)
{
	const rl_block *b = &lay->blocks[bi];
	size_t base = buf->nrows, used[2];

	if (width < MIN_WIDTH)
		width = MIN_WIDTH;
	if (width > MAX_WIDTH)
		width = MAX_WIDTH;
	if (b->flags & RL_BLOCK_PARA) {
		/* Paragraphs are set apart by a blank row on both sides. */
		if (ensure_row(buf, base, (uint32_t)bi) != RL_OK)
			return RL_ENOMEM;
		buf->rows[base].flags[0] = buf->rows[base].flags[1] = 0;
		buf->rows[base].run[0] = buf->rows[base].run[1] = (uint32_t)buf->nruns;
		base++;
	}
	for (int s = 0; s < 2; s++)
		if (flow_side(lay, bi, s, width, buf, base, &used[s]) != RL_OK)
			return RL_ENOMEM;
	for (int s = 0; s < 2; s++) {
		bool has = s ? b->b1 > b->b0 : b->a1 > b->a0;
		if (has && !b->starts[s] && b->starts[!s] && used[s] > 0)
			buf->rows[base].flags[s] |= RL_ROW_SOFT;
	}
	return RL_OK;
}

const char *rl_marker_text(int side, const rl_run *run)
{
	bool open = run->type == RL_RUN_OPEN;
	if (run->quote != RL_QUOTE_NONE)
		return side ? (open ? "{!" : "!}") : (open ? "[!" : "!]");
	if (run->kind == RL_OP_MOVE)
		return side ? (open ? "{>" : "<}") : (open ? "[<" : ">]");
	if (run->kind == RL_OP_FORMAT)
		return side ? (open ? "{*" : "*}") : (open ? "[*" : "*]");
	if (run->derived)
		return open ? "{=" : "=}";
	return side ? (open ? "{+" : "+}") : (open ? "[-" : "-]");
}

const char *rl_tag_text(const rl_run *run, char buf[RL_TAG_MAX])
{
	snprintf(buf, RL_TAG_MAX, "\xe2\x9f\xa8\xc2\xb6%u\xe2\x9f\xa9", (unsigned)run->len);
	return buf;
}

void rl_rowbuf_clear(rl_rowbuf *buf)
{
	buf->nrows = 0;
	buf->nruns = 0;
}

void rl_rowbuf_free(rl_rowbuf *buf)
{
	free(buf->rows);
	free(buf->runs);
	memset(buf, 0, sizeof *buf);
}
