/* rows.c: lazy lines of a layout, with a least-recently-used cache of laid-out blocks. */
#include "rows.h"

#include <stdlib.h>
#include <string.h>

#include "status.h"

/* Blocks kept laid out when nobody asked for more: a few screens of short paragraphs. */
#define MIN_SLOTS 64

struct rl_rows {
	const rl_layout *lay;
	unsigned width;
	bool unified;
	size_t nblocks;
	int32_t *slot_of;      /* per block: its slot, or -1 */
	rl_blockrows *slots;
	size_t nslots, capslots;
	uint64_t clock;
	size_t laid_out;
	/* folds (NULL until the first): per block, the head of the fold hiding it or NO_FOLD; per
	 * head, the fold's end and its lines of text */
	uint32_t *fold_head, *fold_end, *fold_lines;
	size_t nfolds;
	const uint32_t *furniture[2];  /* per block (and the end), per side; borrowed */
};

#define NO_FOLD UINT32_MAX

int rl_rows_new(rl_rows **out, const rl_layout *lay, unsigned width, bool unified)
{
	rl_rows *r = calloc(1, sizeof *r);
	if (!r)
		return RL_ENOMEM;
	r->lay = lay;
	r->width = width < RL_LAYOUT_MIN_WIDTH   ? RL_LAYOUT_MIN_WIDTH
	           : width > RL_LAYOUT_MAX_WIDTH ? RL_LAYOUT_MAX_WIDTH
	                                         : width;
	r->unified = unified;
	r->nblocks = rl_layout_blocks(lay);
	r->slot_of = malloc((r->nblocks + 1) * sizeof *r->slot_of);
	if (!r->slot_of || rl_rows_reserve(r, MIN_SLOTS) != RL_OK) {
		rl_rows_free(r);
		return RL_ENOMEM;
	}
	for (size_t b = 0; b <= r->nblocks; b++)
		r->slot_of[b] = -1;
	*out = r;
	return RL_OK;
}

void rl_rows_free(rl_rows *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->nslots; i++) {
		rl_rowbuf_free(&r->slots[i].buf);
		free(r->slots[i].lines);
	}
	free(r->slots);
	free(r->slot_of);
	free(r->fold_head);
	free(r->fold_end);
	free(r->fold_lines);
	free(r);
}

const rl_layout *rl_rows_layout(const rl_rows *r)
{
	return r->lay;
}

unsigned rl_rows_width(const rl_rows *r)
{
	return r->width;
}

bool rl_rows_unified(const rl_rows *r)
{
	return r->unified;
}

size_t rl_rows_blocks(const rl_rows *r)
{
	return r->nblocks;
}

size_t rl_rows_laid_out(const rl_rows *r)
{
	return r->laid_out;
}

int rl_rows_reserve(rl_rows *r, size_t n)
{
	n += 2;  /* room for the block being fetched and one spare */
	if (n <= r->capslots)
		return RL_OK;
	rl_blockrows *v = realloc(r->slots, n * sizeof *v);
	if (!v)
		return RL_ENOMEM;
	r->slots = v;
	r->capslots = n;
	return RL_OK;
}

bool rl_line_shows(const rl_line *l, int side)
{
	return l->side == RL_LINE_BOTH || l->side == side;
}

static int push_line(rl_blockrows *br, uint32_t row, uint8_t side)
{
	if (br->nlines == br->caplines) {
		size_t c = br->caplines ? br->caplines * 2 : 16;
		rl_line *v = realloc(br->lines, c * sizeof *v);
		if (!v)
			return RL_ENOMEM;
		br->lines = v;
		br->caplines = c;
	}
	br->lines[br->nlines++] = (rl_line){row, side};
	return RL_OK;
}

/* Unified: the rows of one side that hold something, from row `from` on. */
static int push_side(rl_blockrows *br, int side, size_t from)
{
	for (size_t i = from; i < br->buf.nrows; i++) {
		const rl_row *row = &br->buf.rows[i];
		if (!(row->flags[side] & RL_ROW_FILLER) &&
		    push_line(br, (uint32_t)i, (uint8_t)side) != RL_OK)
			return RL_ENOMEM;
	}
	return RL_OK;
}

/* A fold's one line: a row with nothing on either side. */
static int make_fold(const rl_rows *r, rl_blockrows *br)
{
	rl_rowbuf *buf = &br->buf;
	if (buf->caprows < 1) {
		rl_row *v = realloc(buf->rows, sizeof *v);
		if (!v)
			return RL_ENOMEM;
		buf->rows = v;
		buf->caprows = 1;
	}
	buf->rows[0] = (rl_row){{0, 0}, {0, 0}, {0, 0}, {RL_ROW_FILLER, RL_ROW_FILLER}, br->block};
	buf->nrows = 1;
	br->fold_end = r->fold_end[br->block];
	br->fold_lines = r->fold_lines[br->block];
	memset(br->furniture, 0, sizeof br->furniture);
	br->nlines = 0;
	return push_line(br, 0, RL_LINE_FOLD);
}

void rl_rows_set_furniture(rl_rows *r, const uint32_t *old_side, const uint32_t *new_side)
{
	r->furniture[0] = old_side;
	r->furniture[1] = new_side;
}

static int make_block_lines(const rl_rows *r, rl_blockrows *br);

/* A block's lines, with a line for the page furniture dropped before it (and, for the last
 * block, after the text). */
static int make_lines(const rl_rows *r, rl_blockrows *br)
{
	bool before = false, after = false, last = br->block + 1 == r->nblocks;
	for (int s = 0; s < 2; s++) {
		const uint32_t *f = r->furniture[s];
		br->furniture[s][0] = f ? f[br->block] : 0;
		br->furniture[s][1] = f && last ? f[r->nblocks] : 0;
		before = before || br->furniture[s][0];
		after = after || br->furniture[s][1];
	}
	br->nlines = 0;
	if (before && push_line(br, 0, RL_LINE_FURNITURE) != RL_OK)
		return RL_ENOMEM;
	int rc = make_block_lines(r, br);
	if (rc == RL_OK && after)
		rc = push_line(br, 0, RL_LINE_FURNITURE_END);
	return rc;
}

static int make_block_lines(const rl_rows *r, rl_blockrows *br)
{
	const rl_block *b = rl_layout_block(r->lay, br->block);
	br->fold_end = br->block + 1;
	br->fold_lines = 0;
	if (!r->unified) {
		for (size_t i = 0; i < br->buf.nrows; i++)
			if (push_line(br, (uint32_t)i, RL_LINE_BOTH) != RL_OK)
				return RL_ENOMEM;
		return RL_OK;
	}
	size_t from = 0;
	if ((b->flags & RL_BLOCK_PARA) && br->buf.nrows > 0) {
		/* The blank row that sets a paragraph apart: once, not once per side. */
		if (push_line(br, 0, RL_LINE_BOTH) != RL_OK)
			return RL_ENOMEM;
		from = 1;
	}
	bool has_old = b->a1 > b->a0, has_new = b->b1 > b->b0;
	if (has_old && (!has_new || (b->flags & RL_BLOCK_CHANGE)) && push_side(br, RL_OLD, from) != RL_OK)
		return RL_ENOMEM;
	if (has_new && push_side(br, RL_NEW, from) != RL_OK)
		return RL_ENOMEM;
	if (br->nlines == 0 || (br->nlines == 1 && br->lines[0].side == RL_LINE_FURNITURE))
		return push_line(br, 0, RL_LINE_BOTH);
	return RL_OK;
}

/* The slot to fill next: a fresh one while there is room, else the least recently used. */
static rl_blockrows *free_slot(rl_rows *r)
{
	if (r->nslots < r->capslots) {
		rl_blockrows *br = &r->slots[r->nslots++];
		memset(br, 0, sizeof *br);
		return br;
	}
	rl_blockrows *lru = &r->slots[0];
	for (size_t i = 1; i < r->nslots; i++)
		if (r->slots[i].used < lru->used)
			lru = &r->slots[i];
	r->slot_of[lru->block] = -1;
	return lru;
}

int rl_rows_get(rl_rows *r, size_t b, const rl_blockrows **out)
{
	if (b >= r->nblocks)
		return RL_EINVAL;
	b = rl_rows_shown(r, b);
	if (r->slot_of[b] >= 0) {
		rl_blockrows *br = &r->slots[r->slot_of[b]];
		br->used = ++r->clock;
		*out = br;
		return RL_OK;
	}
	rl_blockrows *br = free_slot(r);
	rl_rowbuf_clear(&br->buf);
	br->nlines = 0;
	br->block = (uint32_t)b;
	int rc;
	if (rl_rows_folded(r, b))
		rc = make_fold(r, br);
	else if ((rc = rl_layout_rows(r->lay, b, r->width, &br->buf)) == RL_OK)
		rc = make_lines(r, br);
	if (rc != RL_OK) {
		/* Leave the slot empty but usable; it is not registered for any block. */
		rl_rowbuf_clear(&br->buf);
		br->nlines = 0;
		br->used = 0;
		return rc;
	}
	r->laid_out++;
	br->used = ++r->clock;
	r->slot_of[b] = (int32_t)(br - r->slots);
	*out = br;
	return RL_OK;
}

int rl_rows_line_of(rl_rows *r, size_t b, int side, size_t byte, uint32_t *line)
{
	const rl_blockrows *br;
	int rc = rl_rows_get(r, b, &br);
	if (rc != RL_OK)
		return rc;
	long after = -1, last = -1;
	for (size_t l = 0; l < br->nlines; l++) {
		if (!rl_line_shows(&br->lines[l], side))
			continue;
		last = (long)l;
		const rl_row *row = &br->buf.rows[br->lines[l].row];
		for (uint16_t k = 0; k < row->nrun[side]; k++) {
			const rl_run *run = &br->buf.runs[row->run[side] + k];
			if (run->type != RL_RUN_TEXT)
				continue;
			if (byte >= run->off && byte < (size_t)run->off + run->len) {
				*line = (uint32_t)l;
				return RL_OK;
			}
			if (after < 0 && run->off > byte)
				after = (long)l;
		}
	}
	/* Whitespace before text: the text's line; past the block's last text: its last line. */
	*line = after >= 0 ? (uint32_t)after : last >= 0 ? (uint32_t)last : RL_ROWS_NOLINE;
	return RL_OK;
}

/* ------------------------------------------------------------------ folds */

size_t rl_rows_folds(const rl_rows *r)
{
	return r->nfolds;
}

bool rl_rows_folded(const rl_rows *r, size_t b)
{
	return r->fold_head && b < r->nblocks && r->fold_head[b] != NO_FOLD;
}

size_t rl_rows_shown(const rl_rows *r, size_t b)
{
	return rl_rows_folded(r, b) ? r->fold_head[b] : b;
}

size_t rl_rows_next(const rl_rows *r, size_t b)
{
	if (b >= r->nblocks)
		return r->nblocks;
	return rl_rows_folded(r, b) ? r->fold_end[r->fold_head[b]] : b + 1;
}

size_t rl_rows_prev(const rl_rows *r, size_t b)
{
	b = rl_rows_shown(r, b);
	return b == 0 ? 0 : rl_rows_shown(r, b - 1);
}

/* Forget the cached lines of block b (its fold changed). */
static void forget(rl_rows *r, size_t b)
{
	if (r->slot_of[b] < 0)
		return;
	rl_blockrows *br = &r->slots[r->slot_of[b]];
	br->used = 0;
	br->block = (uint32_t)r->nblocks;  /* the spare entry of slot_of: evicting it clears nothing */
	r->slot_of[b] = -1;
}

static void unfold_span(rl_rows *r, size_t head)
{
	for (size_t b = head; b < r->fold_end[head]; b++) {
		r->fold_head[b] = NO_FOLD;
		forget(r, b);
	}
	r->nfolds--;
}

void rl_rows_unfold_all(rl_rows *r)
{
	for (size_t b = 0; r->nfolds && b < r->nblocks; b++)
		if (r->fold_head[b] == b)
			unfold_span(r, b);
}

bool rl_rows_unfold(rl_rows *r, size_t b)
{
	if (!rl_rows_folded(r, b))
		return false;
	unfold_span(r, r->fold_head[b]);
	return true;
}

/* The side of blocks [s, e) to measure (NEW unless it is empty there) and its byte range. */
static void stretch_bytes(const rl_rows *r, size_t s, size_t e, const char **text, size_t *lo,
                          size_t *hi)
{
	const rl_alignment *al = rl_layout_alignment(r->lay);
	const rl_block *first = rl_layout_block(r->lay, s), *last = rl_layout_block(r->lay, e - 1);
	int side = last->b1 > first->b0 ? RL_NEW : RL_OLD;
	const rl_tokens *toks = rl_alignment_tokens(al, side);
	const rl_token *t = rl_tokens_array(toks);
	size_t n = rl_tokens_count(toks), len = rl_tokens_text_len(toks);
	uint32_t t0 = side ? first->b0 : first->a0, t1 = side ? last->b1 : last->a1;
	*text = rl_tokens_text(toks);
	*lo = t0 < n ? t[t0].off : len;
	*hi = t1 < n ? t[t1].off : len;
	if (*hi < *lo)
		*hi = *lo;
}

/* Make the fold [s, e) if its estimated height passes min_rows. */
static void try_fold(rl_rows *r, size_t s, size_t e, unsigned min_rows)
{
	if (e <= s)
		return;
	const char *text;
	size_t lo, hi, newlines = 0;
	stretch_bytes(r, s, e, &text, &lo, &hi);
	for (const char *p = text + lo, *end = text + hi; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			break;
		newlines++;
		p = nl + 1;
	}
	/* Each line wraps to at least one row, and its bytes fill rows of the pane's width. */
	size_t rows = newlines + (hi - lo) / r->width + 1;
	if (rows <= min_rows)
		return;
	for (size_t b = s; b < e; b++) {
		r->fold_head[b] = (uint32_t)s;
		forget(r, b);
	}
	r->fold_end[s] = (uint32_t)e;
	r->fold_lines[s] = (uint32_t)(newlines ? newlines : 1);
	r->nfolds++;
}

int rl_rows_fold(rl_rows *r, unsigned min_rows, size_t *nfolds)
{
	if (!r->fold_head && r->nblocks) {
		r->fold_head = malloc(r->nblocks * sizeof *r->fold_head);
		r->fold_end = malloc(r->nblocks * sizeof *r->fold_end);
		r->fold_lines = malloc(r->nblocks * sizeof *r->fold_lines);
		if (!r->fold_head || !r->fold_end || !r->fold_lines) {
			free(r->fold_head), free(r->fold_end), free(r->fold_lines);
			r->fold_head = r->fold_end = r->fold_lines = NULL;
			return RL_ENOMEM;
		}
		for (size_t b = 0; b < r->nblocks; b++)
			r->fold_head[b] = NO_FOLD;
	}
	rl_rows_unfold_all(r);
	for (size_t b = 0; b < r->nblocks;) {
		if (rl_layout_block(r->lay, b)->flags & RL_BLOCK_CHANGE) {
			b++;
			continue;
		}
		size_t e = b;
		while (e < r->nblocks && !(rl_layout_block(r->lay, e)->flags & RL_BLOCK_CHANGE))
			e++;
		/* The block next to a change stays as context. */
		try_fold(r, b > 0 ? b + 1 : b, e < r->nblocks ? e - 1 : e, min_rows);
		b = e;
	}
	if (nfolds)
		*nfolds = r->nfolds;
	return RL_OK;
}
