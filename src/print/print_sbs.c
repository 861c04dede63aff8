/* print_sbs.c: the side-by-side printer, which prints the layout's rows as they are. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hunks.h"

#include "layout.h"
#include "print.h"
#include "status.h"

/* " x " between the panes: a space, the change mark, a space. */
#define GUTTER 3

static void print_runs(rl_out *o, const rl_rowbuf *buf, const rl_row *row, int side,
                       const char *text)
{
	for (uint16_t k = 0; k < row->nrun[side]; k++) {
		const rl_run *run = &buf->runs[row->run[side] + k];
		rl_out_role(o, rl_role_of_run(run));
		switch (run->type) {
		case RL_RUN_TEXT: rl_out_text(o, text + run->off, run->len); break;
		case RL_RUN_SPACE: rl_out_spaces(o, run->cols); break;
		case RL_RUN_TAG: {
			char tag[RL_TAG_MAX];
			rl_out_str(o, rl_tag_text(run, tag));
			break;
		}
		default: rl_out_str(o, rl_marker_text(side, run)); break;
		}
	}
	rl_out_role(o, RL_ROLE_PLAIN);
}

/* The gutter mark: which sides of the row show a change; '~' for a paragraph break that only
 * the other side has. */
static char gutter_mark(const rl_row *row)
{
	bool l = row->flags[0] & RL_ROW_CHANGE, r = row->flags[1] & RL_ROW_CHANGE;
	if (l && r)
		return '|';
	if (l)
		return '<';
	if (r)
		return '>';
	if ((row->flags[0] | row->flags[1]) & RL_ROW_SOFT)
		return '~';
	return ' ';
}

static void print_row(rl_out *o, const rl_rowbuf *buf, const rl_row *row, unsigned pane,
                      const char *const text[2])
{
	char mark = gutter_mark(row);
	bool right = row->nrun[1] > 0;

	print_runs(o, buf, row, 0, text[0]);
	if (right || mark != ' ') {
		rl_out_spaces(o, pane - row->cols[0] + 1);
		rl_out_role(o, mark == ' ' ? RL_ROLE_PLAIN : mark == '~' ? RL_ROLE_SOFT : RL_ROLE_GUTTER);
		rl_out_raw(o, &mark, 1);
		rl_out_role(o, RL_ROLE_PLAIN);
		if (right) {
			rl_out_spaces(o, 1);
			print_runs(o, buf, row, 1, text[1]);
		}
	}
	rl_out_raw(o, "\n", 1);
}

/* Where each row stands, for the hunks' headers. */
typedef struct row_pos {
	uint32_t lo[2], hi[2];  /* bytes of each side's text on the row, or its place (lo == hi) */
	uint32_t block;
	uint8_t text[2];        /* the side has text on the row */
} row_pos;

/* The rows of all blocks, measured: what each shows and where. */
typedef struct sbs_rows {
	uint8_t *changed;
	row_pos *pos;
	size_t n, cap;
	size_t *first;  /* first row of each block, and the total after the last */
} sbs_rows;

/* Byte offset of token t of a side (the end of the text past the last token). */
static uint32_t token_off(const rl_tokens *tk, uint32_t t)
{
	return t < rl_tokens_count(tk) ? rl_tokens_array(tk)[t].off
	                               : (uint32_t)rl_tokens_text_len(tk);
}

static void measure_row(const rl_layout *lay, const rl_rowbuf *buf, const rl_row *row,
                        row_pos *pos)
{
	const rl_alignment *al = rl_layout_alignment(lay);
	const rl_block *b = rl_layout_block(lay, row->block);

	pos->block = row->block;
	for (int s = 0; s < 2; s++) {
		uint32_t at = token_off(rl_alignment_tokens(al, s), s ? b->b0 : b->a0);
		pos->lo[s] = pos->hi[s] = at;
		pos->text[s] = 0;
		for (uint16_t k = 0; k < row->nrun[s]; k++) {
			const rl_run *run = &buf->runs[row->run[s] + k];
			if (run->type != RL_RUN_TEXT)
				continue;
			if (!pos->text[s])
				pos->lo[s] = run->off;
			pos->hi[s] = run->off + run->len;
			pos->text[s] = 1;
		}
	}
}

static int measure_rows(const rl_layout *lay, unsigned pane, rl_rowbuf *buf, sbs_rows *m)
{
	size_t nblocks = rl_layout_blocks(lay);
	int rc;

	if (!(m->first = malloc((nblocks + 1) * sizeof *m->first)))
		return RL_ENOMEM;
	for (size_t b = 0; b < nblocks; b++) {
		rl_rowbuf_clear(buf);
		if ((rc = rl_layout_rows(lay, b, pane, buf)) != RL_OK)
			return rc;
		m->first[b] = m->n;
		if (m->n + buf->nrows > m->cap) {
			size_t cap = 2 * (m->n + buf->nrows) + 64;
			uint8_t *c = realloc(m->changed, cap);
			if (c)
				m->changed = c;
			row_pos *p = realloc(m->pos, cap * sizeof *p);
			if (!c || !p)
				return RL_ENOMEM;
			m->pos = p;
			m->cap = cap;
		}
		for (size_t r = 0; r < buf->nrows; r++, m->n++) {
			const rl_row *row = &buf->rows[r];
			row_pos *pos = &m->pos[m->n];
			measure_row(lay, buf, row, pos);
			m->changed[m->n] = (row->flags[0] | row->flags[1]) & RL_ROW_CHANGE ? RL_UNIT_CHANGED
			                   : pos->text[0] || pos->text[1]           ? RL_UNIT_SAME
			                                                            : RL_UNIT_BLANK;
		}
	}
	m->first[nblocks] = m->n;
	return RL_OK;
}

static bool blank_row(const sbs_rows *m, size_t r)
{
	return m->changed[r] == RL_UNIT_BLANK;
}

/* One hunk: its header, then its rows, laid out again block by block. */
static int print_hunk(rl_out *o, const rl_layout *lay, unsigned pane, const sbs_rows *m,
                      rl_hunk h, const rl_where w[2], const char *const text[2], rl_rowbuf *buf,
                      size_t *cur)
{
	rl_extent e[2] = {RL_EXTENT_INIT, RL_EXTENT_INIT};
	int rc;

	/* A paragraph's blank row at either edge says nothing. */
	while (h.lo < h.hi && blank_row(m, h.lo))
		h.lo++;
	while (h.hi > h.lo && blank_row(m, h.hi - 1))
		h.hi--;
	for (size_t r = h.lo; r < h.hi; r++)
		for (int s = 0; s < 2; s++)
			rl_extent_add(&e[s], m->pos[r].lo[s], m->pos[r].hi[s], m->pos[r].text[s]);
	rl_print_hunk_header(o, w, e);
	for (size_t r = h.lo; r < h.hi; r++) {
		size_t b = m->pos[r].block;
		if (b != *cur) {
			rl_rowbuf_clear(buf);
			if ((rc = rl_layout_rows(lay, b, pane, buf)) != RL_OK)
				return rc;
			*cur = b;
		}
		print_row(o, buf, &buf->rows[r - m->first[b]], pane, text);
	}
	return RL_OK;
}

/* Only the changes, with context rows around them, each hunk under its header. */
static int print_hunks(rl_out *o, const rl_layout *lay, unsigned pane, unsigned context,
                       const char *const text[2], rl_rowbuf *buf)
{
	const rl_alignment *al = rl_layout_alignment(lay);
	sbs_rows m = {0};
	rl_where w[2] = {{0}, {0}};
	rl_hunk *hunks = NULL;
	size_t nhunks = 0, cur = SIZE_MAX;
	int rc;

	if ((rc = measure_rows(lay, pane, buf, &m)) != RL_OK ||
	    (rc = rl_hunks_select(&hunks, &nhunks, m.changed, m.n, context)) != RL_OK ||
	    (rc = rl_where_init(&w[0], rl_alignment_tokens(al, RL_OLD))) != RL_OK ||
	    (rc = rl_where_init(&w[1], rl_alignment_tokens(al, RL_NEW))) != RL_OK)
		goto out;
	for (size_t k = 0; k < nhunks && rc == RL_OK; k++)
		rc = print_hunk(o, lay, pane, &m, hunks[k], w, text, buf, &cur);
out:
	rl_where_release(&w[0]);
	rl_where_release(&w[1]);
	free(hunks);
	free(m.changed);
	free(m.pos);
	free(m.first);
	return rc;
}

int rl_print_side_by_side(rl_out *o, const rl_alignment *al, unsigned width)
{
	return rl_print_side_by_side_context(o, al, width, RL_CONTEXT_ALL);
}

int rl_print_side_by_side_context(rl_out *o, const rl_alignment *al, unsigned width, int context)
{
	rl_layout_opts lo = {.markers = !o->color};
	rl_layout *lay;
	rl_rowbuf buf = {0};
	const char *text[2] = {rl_tokens_text(rl_alignment_tokens(al, RL_OLD)),
	                       rl_tokens_text(rl_alignment_tokens(al, RL_NEW))};
	unsigned pane = width > GUTTER ? (width - GUTTER) / 2 : 0;
	int rc = RL_OK;

	if (pane < RL_LAYOUT_MIN_WIDTH)
		pane = RL_LAYOUT_MIN_WIDTH;
	if (pane > RL_LAYOUT_MAX_WIDTH)
		pane = RL_LAYOUT_MAX_WIDTH;
	if ((rc = rl_layout_new(&lay, al, &lo)) != RL_OK)
		return rc;
	if (context >= 0) {
		rc = print_hunks(o, lay, pane, (unsigned)context, text, &buf);
	} else {
		for (size_t b = 0; b < rl_layout_blocks(lay) && rc == RL_OK; b++) {
			rl_rowbuf_clear(&buf);
			if ((rc = rl_layout_rows(lay, b, pane, &buf)) != RL_OK)
				break;
			for (size_t r = 0; r < buf.nrows; r++)
				print_row(o, &buf, &buf.rows[r], pane, text);
		}
	}
	rl_rowbuf_free(&buf);
	rl_layout_free(lay);
	return rc;
}
