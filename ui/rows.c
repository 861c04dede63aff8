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
};

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
	for (size_t b = 0; b < r->nblocks; b++)
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

static int make_lines(const rl_rows *r, rl_blockrows *br)
{
	const rl_block *b = rl_layout_block(r->lay, br->block);
	br->nlines = 0;
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
	if (br->nlines == 0)
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
	int rc = rl_layout_rows(r->lay, b, r->width, &br->buf);
	if (rc == RL_OK)
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
