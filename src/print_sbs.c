/* print_sbs.c: the side-by-side printer, which prints the layout's rows as they are. */
#include <string.h>

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

int rl_print_side_by_side(rl_out *o, const rl_alignment *al, unsigned width)
{
	rl_layout_opts lo = {.markers = !o->color};
	rl_layout *lay;
	rl_rowbuf buf = {0};
	const char *text[2] = {rl_tokens_text(rl_alignment_tokens(al, RL_OLD)),
	                       rl_tokens_text(rl_alignment_tokens(al, RL_NEW))};
	unsigned pane = width > GUTTER ? (width - GUTTER) / 2 : 0;
	int rc;

	if (pane < RL_LAYOUT_MIN_WIDTH)
		pane = RL_LAYOUT_MIN_WIDTH;
	if (pane > RL_LAYOUT_MAX_WIDTH)
		pane = RL_LAYOUT_MAX_WIDTH;
	if ((rc = rl_layout_new(&lay, al, &lo)) != RL_OK)
		return rc;
	for (size_t b = 0; b < rl_layout_blocks(lay); b++) {
		rl_rowbuf_clear(&buf);
		if ((rc = rl_layout_rows(lay, b, pane, &buf)) != RL_OK)
			break;
		for (size_t r = 0; r < buf.nrows; r++)
			print_row(o, &buf, &buf.rows[r], pane, text);
	}
	rl_rowbuf_free(&buf);
	rl_layout_free(lay);
	return rc;
}
