/* view.c: the viewer's state machine: geometry, scrolling, toggles, pairs, the status facts. */
#include "view.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"
#include "theme.h"
#include "view_nav.h"

/* Lines a page key scrolls the help overlay. */
#define RL_VIEW_HELP_PAGE 10

static rl_geom geometry(unsigned cols, unsigned lines, bool unified)
{
	rl_geom g;
	if (cols < RL_VIEW_MIN_COLS)
		cols = RL_VIEW_MIN_COLS;
	if (lines < RL_VIEW_MIN_LINES)
		lines = RL_VIEW_MIN_LINES;
	g.unified = unified || cols < RL_VIEW_SBS_COLS;
	g.body = lines - 1;
	if (g.unified) {
		g.gutter = 0;
		g.left = g.right = RL_VIEW_UGUTTER;
		g.pane = cols - RL_VIEW_UGUTTER;
	} else {
		g.pane = (cols - RL_VIEW_GUTTER) / 2;
		g.left = 0;
		g.gutter = g.pane;
		g.right = g.pane + RL_VIEW_GUTTER;
	}
	return g;
}

/* ------------------------------------------------------------------ anchors */

/* The text at the top of the screen, as a byte of one side: what re-laying out keeps in view. */
rl_anchor rl_view_top_anchor(rl_view *v)
{
	rl_anchor a = {false, 0, 0, false};
	const rl_layout *lay = rl_model_layout(v->model);
	const rl_blockrows *br;
	if (!v->rows || rl_layout_blocks(lay) == 0 ||
	    rl_rows_get(v->rows, v->vp.top.block, &br) != RL_OK)
		return a;
	const rl_line *l = &br->lines[v->vp.top.line];
	const rl_row *row = &br->buf.rows[l->row];
	for (int k = 0; k < 2; k++) {
		int side = k == 0 ? RL_NEW : RL_OLD;
		if (!rl_line_shows(l, side))
			continue;
		for (uint16_t i = 0; i < row->nrun[side]; i++) {
			const rl_run *run = &br->buf.runs[row->run[side] + i];
			if (run->type == RL_RUN_TEXT)
				return (rl_anchor){true, side, run->off, v->vp.top.line == 0};
		}
	}
	/* A blank or filler line: the start of its block. */
	const rl_block *b = rl_layout_block(lay, v->vp.top.block);
	int side = b->b1 > b->b0 ? RL_NEW : RL_OLD;
	const rl_token *t = rl_tokens_array(rl_alignment_tokens(rl_model_alignment(v->model), side));
	return (rl_anchor){true, side, t[side ? b->b0 : b->a0].off, v->vp.top.line == 0};
}

int rl_view_goto_anchor(rl_view *v, rl_anchor a)
{
	if (!a.on || rl_rows_blocks(v->rows) == 0) {
		rl_vp_home(&v->vp);
		return RL_OK;
	}
	uint32_t t = rl_model_token_at(v->model, a.side, a.byte);
	size_t b = rl_model_block_of(v->model, a.side, t);
	uint32_t line;
	int rc = rl_rows_line_of(v->rows, b, a.side, a.byte, &line);
	if (rc != RL_OK)
		return rc;
	/* A block that started the screen starts it again: the unified view puts OLD's lines before
	 * NEW's, and they belong on screen too. */
	if (line == RL_ROWS_NOLINE || a.block_top)
		line = 0;
	return rl_vp_place(&v->vp, v->rows, (rl_pos){(uint32_t)b, line}, 0);
}

/* New lines for the current geometry and model, with the anchor back at the top. */
static int relayout(rl_view *v, rl_anchor a)
{
	rl_rows *r;
	int rc = rl_rows_new(&r, rl_model_layout(v->model), v->geom.pane, v->geom.unified);
	if (rc != RL_OK)
		return rc;
	rl_rows_set_furniture(r, rl_model_furniture(v->model, RL_OLD, NULL),
	                      rl_model_furniture(v->model, RL_NEW, NULL));
	if (v->folded && (rc = rl_rows_fold(r, v->geom.body, NULL)) != RL_OK) {
		rl_rows_free(r);
		return rc;
	}
	rl_rows_free(v->rows);
	v->rows = r;
	v->frame.n = 0;  /* it pointed into the old rows */
	v->vp.height = v->geom.body;
	rc = rl_view_goto_anchor(v, a);
	if (rc == RL_OK && v->match.on)
		rc = rl_view_count_matches(v);  /* the unified view shows fewer */
	return rc;
}

/* ------------------------------------------------------------------ life */

int rl_view_init(rl_view *v, rl_model *m, unsigned cols, unsigned lines)
{
	memset(v, 0, sizeof *v);
	v->model = m;
	v->sel_op = UINT32_MAX;
	v->cur_block = UINT32_MAX;
	v->listing = !rl_model_is_open(m);
	rl_listnav_init(&v->list, rl_model_npairs(m), 1);
	if (!v->listing)
		rl_listnav_goto(&v->list, rl_model_current(m));
	int rc = v->listing ? RL_OK : rl_view_refresh_changes(v);
	return rc == RL_OK ? rl_view_resize(v, cols, lines) : rc;
}

void rl_view_release(rl_view *v)
{
	rl_rows_free(v->rows);
	rl_frame_free(&v->frame);
	free(v->lframe);
	free(v->hits);
	free(v->mc.v);
	v->rows = NULL;
	v->lframe = NULL;
	v->hits = NULL;
}

int rl_view_resize(rl_view *v, unsigned cols, unsigned lines)
{
	rl_geom g = geometry(cols, lines, v->unified_wanted);
	v->cols = cols;
	v->lines = lines;
	v->too_small = cols < RL_VIEW_MIN_COLS || lines < RL_VIEW_MIN_LINES;
	rl_listnav_resize(&v->list, g.body);
	if (!rl_model_is_open(v->model)) {
		v->geom = g;  /* the list alone: nothing to lay out */
		return RL_OK;
	}
	if (v->rows && g.pane == v->geom.pane && g.unified == v->geom.unified) {
		v->geom = g;
		v->vp.height = g.body;
		return rl_vp_clamp(&v->vp, v->rows);
	}
	rl_anchor a = rl_view_top_anchor(v);
	bool keep = false;
	if (v->selected && v->frame.n > 0)
		keep = v->frame.v[0].pos.block <= v->sel_block &&
		       v->sel_block <= v->frame.v[v->frame.n - 1].pos.block;
	v->geom = g;
	int rc = relayout(v, a);
	/* The selected change was on screen: it stays there, so that "change k of n" is still it. */
	if (rc == RL_OK && keep)
		rc = rl_view_keep_visible(v, v->sel_block);
	return rc;
}

static size_t change_on_screen(const rl_view *v);

int rl_view_frame(rl_view *v)
{
	if (v->listing)
		return rl_view_list_frame(v);
	int rc = rl_vp_frame(&v->vp, v->rows, &v->frame);
	if (rc != RL_OK)
		return rc;
	v->cur_change = change_on_screen(v);
	v->cur_block = v->cur_change ? v->changes[v->cur_change - 1] : UINT32_MAX;
	return rl_view_screen_hits(v);
}

/* ------------------------------------------------------------------ actions */

/* After a new comparison: the old selection and change list mean nothing any more. */
static int recompared(rl_view *v, rl_anchor a)
{
	v->selected = false;
	v->sel_op = UINT32_MAX;
	int rc = rl_view_refresh_changes(v);
	return rc == RL_OK ? relayout(v, a) : rc;
}

static int toggle_fold(rl_view *v, rl_action act)
{
	rl_keyopts k = rl_model_opts(v->model)->key;
	const char *what;
	bool on;
	switch (act) {
	case RL_ACT_FOLD_CASE: on = k.fold_case = !k.fold_case, what = "ignoring case"; break;
	case RL_ACT_FOLD_PUNCT: on = k.ignore_punct = !k.ignore_punct, what = "ignoring punctuation"; break;
	default: on = k.fold_typography = !k.fold_typography, what = "folding typography"; break;
	}
	/* Still where the last toggle left the screen: its anchor again, so that p on and off comes
	 * back to the very place (a new anchor each time would drift by a line or two). */
	bool again = v->toggled && rl_model_is_open(v->model) && !v->listing &&
	             v->toggle_pair == rl_model_current(v->model) &&
	             rl_pos_cmp(v->vp.top, v->toggle_top) == 0;
	rl_anchor a = again ? v->toggle_anchor : rl_view_top_anchor(v);
	int rc = rl_model_set_keyopts(v->model, &k);
	if (rc == RL_OK && rl_model_is_open(v->model)) {
		rc = recompared(v, a);
		v->toggled = rc == RL_OK;
		v->toggle_anchor = a;
		v->toggle_top = v->vp.top;
		v->toggle_pair = rl_model_current(v->model);
	}
	if (rc == RL_OK && v->listing)
		rl_view_message(v, false, "%s: %s (files are compared again)", what, on ? "on" : "off");
	else if (rc == RL_OK)
		rl_view_message(v, false, "%s: %s (compared again: %zu change%s)", what, on ? "on" : "off",
		                v->nchanges, v->nchanges == 1 ? "" : "s");
	return rc;
}

/* The anchor on the side of the new pair that shows the same document (the pairs v1→v2 and
 * v2→v3 share v2; carry says which side that is), so that stepping keeps the same text on screen;
 * off when the new pair does not show it. */
static rl_anchor carried(rl_anchor a, const int carry[2])
{
	if (a.on && carry[a.side] >= 0)
		a.side = carry[a.side];
	else
		a.on = false;
	return a;
}

/* The pair (file) on view is now pair i of the model: lay it out with anchor a at the top. */
int rl_view_opened(rl_view *v, size_t i, rl_anchor a)
{
	v->match.on = false;
	v->searching = false;
	rl_listnav_goto(&v->list, i);
	return recompared(v, a);
}

/* [ and ]: the next pair that can be compared; a file list passes over the files it cannot
 * compare (binary, submodules, unmerged), a list of versions stops at one. */
static int step_pair(rl_view *v, int dir)
{
	size_t cur = rl_model_current(v->model), n = rl_model_npairs(v->model), skipped = 0;
	bool files = rl_model_file_list(v->model);
	const char *what = files ? "file" : "pair";
	if (n == 1) {
		rl_view_message(v, false, files ? "the only file in the list"
		                                : "one pair of versions: give more files to step through them");
		return RL_OK;
	}
	rl_anchor a = rl_view_top_anchor(v);
	for (size_t to = cur; dir > 0 ? to + 1 < n : to > 0;) {
		to = dir > 0 ? to + 1 : to - 1;
		int carry[2];
		int rc = rl_model_open(v->model, to, carry);
		if (rc == RL_MODEL_CLOSED && files) {
			skipped++;
			continue;
		}
		if (rc == RL_MODEL_CLOSED) {
			rl_view_message(v, true, "%s", rl_model_error(v->model));
			return RL_OK;
		}
		if (rc == RL_OK)
			rc = rl_view_opened(v, to, carried(a, carry));
		if (rc == RL_OK && skipped)
			rl_view_message(v, false, "passed over %zu file%s that cannot be compared", skipped,
			                skipped == 1 ? "" : "s");
		return rc;
	}
	if (skipped)
		rl_view_message(v, false, "no file %s this one can be compared", dir > 0 ? "after" : "before");
	else
		rl_view_message(v, false, "this is the %s %s", dir > 0 ? "last" : "first", what);
	return RL_OK;
}

static int cycle_filter(rl_view *v)
{
	v->filter = (v->filter + 1) % rl_view_filter_count();
	int rc = rl_view_refresh_changes(v);
	if (v->selected && !(rl_model_block_roles(v->model, v->sel_block) & rl_view_mask(v))) {
		v->selected = false;
		v->sel_op = UINT32_MAX;
	}
	if (rc == RL_OK)
		rl_view_message(v, false, "highlighting %s (%zu change%s)",
		                rl_view_filter_name(v) ? rl_view_filter_name(v) : "every change",
		                v->nchanges, v->nchanges == 1 ? "" : "s");
	return rc;
}

static int toggle_unified(rl_view *v)
{
	v->unified_wanted = !v->unified_wanted;
	int rc = rl_view_resize(v, v->cols, v->lines);
	if (rc == RL_OK && !v->unified_wanted && v->geom.unified)
		rl_view_message(v, false, "side by side needs %d columns: staying unified",
		                RL_VIEW_SBS_COLS);
	return rc;
}

/* While the help overlay is up, scrolling keys scroll it and the keys that leave close it; any
 * other action closes it and then happens. Returns true when the action was for the overlay. */
static bool help_act(rl_view *v, rl_action a)
{
	size_t n = rl_view_help_count();
	switch (a) {
	case RL_ACT_LINE_DOWN: case RL_ACT_PAGE_DOWN: {
		unsigned step = a == RL_ACT_LINE_DOWN ? 1 : RL_VIEW_HELP_PAGE;
		v->help_top = v->help_top + step < n ? v->help_top + step : (unsigned)(n - 1);
		return true;
	}
	case RL_ACT_LINE_UP: case RL_ACT_PAGE_UP: {
		unsigned step = a == RL_ACT_LINE_UP ? 1 : RL_VIEW_HELP_PAGE;
		v->help_top = v->help_top > step ? v->help_top - step : 0;
		return true;
	}
	case RL_ACT_HELP: case RL_ACT_CLEAR: case RL_ACT_QUIT: case RL_ACT_REDRAW:
		v->help = a == RL_ACT_REDRAW;
		v->redraw = a == RL_ACT_REDRAW;
		return true;
	default:
		v->help = false;
		return false;
	}
}

/* z: fold every unchanged stretch longer than a screen, or unfold them all. */
static int fold_act(rl_view *v)
{
	if (rl_rows_folds(v->rows) > 0) {
		rl_rows_unfold_all(v->rows);
		v->folded = false;
		v->frame.n = 0;
		rl_view_message(v, false, "unfolded");
		return rl_vp_clamp(&v->vp, v->rows);
	}
	size_t n;
	int rc = rl_rows_fold(v->rows, v->geom.body, &n);
	if (rc != RL_OK)
		return rc;
	v->folded = true;
	v->frame.n = 0;
	if (n)
		rl_view_message(v, false, "folded %zu unchanged stretch%s (Enter: unfold one, z: all)", n,
		                n == 1 ? "" : "es");
	else
		rl_view_message(v, false, "no unchanged stretch is longer than a screen");
	return rl_vp_clamp(&v->vp, v->rows);
}

/* Enter: unfold the first fold on screen. */
static int unfold_act(rl_view *v)
{
	int rc = rl_view_frame(v);
	if (rc != RL_OK)
		return rc;
	for (size_t i = 0; i < v->frame.n; i++) {
		const rl_frame_line *fl = &v->frame.v[i];
		if (fl->side != RL_LINE_FOLD)
			continue;
		return rl_view_unfold(v, fl->pos.block, fl->br->fold_lines);
	}
	if (rl_model_file_list(v->model))
		rl_view_message(v, false, "q: back to the file list");
	else if (rl_rows_folds(v->rows) > 0)
		rl_view_message(v, false, "no fold on screen");
	return RL_OK;
}

static int scroll_act(rl_view *v, rl_action a)
{
	switch (a) {
	case RL_ACT_LINE_DOWN: return rl_vp_scroll(&v->vp, v->rows, 1);
	case RL_ACT_LINE_UP: return rl_vp_scroll(&v->vp, v->rows, -1);
	case RL_ACT_PAGE_DOWN: return rl_vp_page(&v->vp, v->rows, 1);
	case RL_ACT_PAGE_UP: return rl_vp_page(&v->vp, v->rows, -1);
	case RL_ACT_TOP: rl_vp_home(&v->vp); return RL_OK;
	default: return rl_vp_end(&v->vp, v->rows);
	}
}

int rl_view_act(rl_view *v, rl_action a)
{
	v->msg[0] = '\0';
	v->msg_error = false;
	if (v->help && help_act(v, a))
		return RL_OK;
	/* What the list and the documents do alike. */
	switch (a) {
	case RL_ACT_SEARCH: case RL_ACT_SEARCH_BACK:
		v->prompt = true;
		v->prompt_back = a == RL_ACT_SEARCH_BACK;
		v->ilen = 0;
		return RL_OK;
	case RL_ACT_FOLD_CASE: case RL_ACT_FOLD_PUNCT: case RL_ACT_FOLD_TYPO:
		return toggle_fold(v, a);
	case RL_ACT_UNIFIED: return toggle_unified(v);
	case RL_ACT_HELP: v->help = true, v->help_top = 0; return RL_OK;
	case RL_ACT_REDRAW: v->redraw = true; return RL_OK;
	case RL_ACT_MOUSE: v->mouse_toggle = true; return RL_OK;
	case RL_ACT_EXIT: v->quit = true; return RL_OK;
	default: break;
	}
	if (v->listing)
		return rl_view_list_act(v, a);
	switch (a) {
	case RL_ACT_LINE_DOWN: case RL_ACT_LINE_UP: case RL_ACT_PAGE_DOWN: case RL_ACT_PAGE_UP:
	case RL_ACT_TOP: case RL_ACT_BOTTOM:
		return scroll_act(v, a);
	case RL_ACT_NEXT: case RL_ACT_PREV:
		if (v->searching)
			return rl_view_search_step(v, (a == RL_ACT_NEXT) != v->search_back);
		return rl_view_goto_change(v, a == RL_ACT_NEXT ? 1 : -1);
	case RL_ACT_NEXT_CHANGE: return rl_view_goto_change(v, 1);
	case RL_ACT_PREV_CHANGE: return rl_view_goto_change(v, -1);
	case RL_ACT_CLEAR:
		v->searching = v->match.on = v->selected = v->at_source = false;
		return RL_OK;
	case RL_ACT_MOVE_END: return rl_view_goto_move_end(v);
	case RL_ACT_SOURCE: return rl_view_goto_source(v);
	case RL_ACT_FILTER: return cycle_filter(v);
	case RL_ACT_NEXT_PAIR: return step_pair(v, 1);
	case RL_ACT_PREV_PAIR: return step_pair(v, -1);
	case RL_ACT_QUIT:
		/* A file opened from the list goes back to it, its line under the cursor. */
		if (rl_model_file_list(v->model))
			return rl_view_list_show(v);
		v->quit = true;
		return RL_OK;
	case RL_ACT_OPEN: return unfold_act(v);
	case RL_ACT_FOLD: return fold_act(v);
	default: return RL_OK;  /* the mouse has its own calls */
	}
}

int rl_view_wheel(rl_view *v, int notches)
{
	v->msg[0] = '\0';
	if (v->listing) {
		rl_listnav_scroll(&v->list, (long)notches * RL_LIST_WHEEL);
		return RL_OK;
	}
	return rl_vp_scroll(&v->vp, v->rows, (long)notches * RL_VIEW_WHEEL);
}

int rl_view_click(rl_view *v, unsigned y, unsigned x)
{
	v->msg[0] = '\0';
	if (v->listing)
		return v->too_small ? RL_OK : rl_view_list_click(v, y);
	int rc = rl_view_frame(v);
	if (rc != RL_OK || y >= v->frame.n || v->too_small)
		return rc;
	return rl_view_nav_click(v, y, x);
}

int rl_view_search(rl_view *v, const char *pat, size_t n, bool backward)
{
	return rl_view_nav_search(v, pat, n, backward);
}

/* ------------------------------------------------------------------ prompt */

void rl_view_prompt_insert(rl_view *v, const char *utf8, size_t n)
{
	if (v->ilen + n < sizeof v->input) {
		memcpy(v->input + v->ilen, utf8, n);
		v->ilen += n;
	}
}

void rl_view_prompt_erase(rl_view *v)
{
	/* Back over one whole UTF-8 sequence. */
	while (v->ilen > 0 && ((unsigned char)v->input[v->ilen - 1] & 0xC0) == 0x80)
		v->ilen--;
	if (v->ilen > 0)
		v->ilen--;
}

void rl_view_prompt_cancel(rl_view *v)
{
	v->prompt = false;
	v->ilen = 0;
}

int rl_view_prompt_submit(rl_view *v)
{
	v->prompt = false;
	if (v->ilen > 0)
		return rl_view_search(v, v->input, v->ilen, v->prompt_back);
	if (v->plen == 0)
		return RL_OK;
	/* An empty pattern repeats the last search, in the direction just typed. */
	v->search_back = v->prompt_back;
	v->searching = true;
	return rl_view_search_step(v, !v->search_back);
}

/* ------------------------------------------------------------------ status */

/* The change on screen: the selected one when visible, else the first one shown. */
static size_t change_on_screen(const rl_view *v)
{
	if (v->frame.n == 0 || v->nchanges == 0)
		return 0;
	uint32_t first = v->frame.v[0].pos.block, last = v->frame.v[v->frame.n - 1].pos.block;
	if (v->selected && v->sel_block >= first && v->sel_block <= last) {
		size_t k = rl_view_change_index(v, v->sel_block);
		if (k < v->nchanges && v->changes[k] == v->sel_block)
			return k + 1;
	}
	size_t k = rl_view_change_index(v, first);
	return k < v->nchanges && v->changes[k] <= last ? k + 1 : 0;
}

static unsigned percent_at(const rl_view *v)
{
	const rl_alignment *al = rl_model_alignment(v->model);
	const rl_layout *lay = rl_model_layout(v->model);
	size_t total = rl_tokens_count(rl_alignment_tokens(al, RL_OLD)) +
	               rl_tokens_count(rl_alignment_tokens(al, RL_NEW));
	if (total == 0 || rl_layout_blocks(lay) == 0)
		return 100;
	const rl_block *b = rl_layout_block(lay, v->vp.top.block);
	return (unsigned)((100.0 * (double)(b->a0 + b->b0)) / (double)total);
}

void rl_view_status(const rl_view *v, rl_status_info *s)
{
	const rl_keyopts *k = &rl_model_opts(v->model)->key;
	memset(s, 0, sizeof *s);
	s->fold_case = k->fold_case;
	s->ignore_punct = k->ignore_punct;
	s->fold_typography = k->fold_typography;
	s->unified = v->geom.unified;
	if (v->listing) {
		s->listing = true;
		s->cursor = v->list.cursor;
		s->count = v->list.count;
		s->title = rl_model_title(v->model);
		s->at_top = v->list.top == 0;
		s->at_end = v->list.top + v->list.height >= v->list.count;
		s->percent = v->list.count ? (unsigned)(100 * v->list.top / v->list.count) : 100;
		return;
	}
	s->pair = rl_model_current(v->model);
	s->npairs = rl_model_npairs(v->model);
	s->p = rl_model_pair(v->model);
	s->nchanges = v->nchanges;
	s->change = change_on_screen(v);
	s->searching = v->searching && v->match.on;
	s->match = v->match_k;
	s->nmatches = v->match_n;
	s->folds = v->rows ? rl_rows_folds(v->rows) : 0;
	rl_model_furniture(v->model, RL_OLD, &s->furniture[0]);
	rl_model_furniture(v->model, RL_NEW, &s->furniture[1]);
	s->summary = *rl_model_summary(v->model);
	s->at_top = v->vp.top.block == 0 && v->vp.top.line == 0;
	s->at_end = v->frame.at_end;
	s->percent = s->at_end ? 100 : percent_at(v);
	s->filter = rl_view_filter_name(v);
}

/* A bounded appender for the status text. */
typedef struct sbuf {
	char *buf;
	size_t n, len;
} sbuf;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void sadd(sbuf *b, const char *fmt, ...)
{
	if (b->len + 1 >= b->n)
		return;
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(b->buf + b->len, b->n - b->len, fmt, ap);
	va_end(ap);
	if (k > 0)
		b->len = b->len + (size_t)k < b->n ? b->len + (size_t)k : b->n - 1;
}

/* Similarity in whole percent from permille: 100 only when every word was kept (a rounded
 * "100%" for texts that differ would say they do not). */
static unsigned sim_percent(unsigned permille)
{
	unsigned pct = (permille + 5) / 10;
	return permille < 1000 && pct > 99 ? 99 : pct;
}

static void status_mode(sbuf *b, const rl_status_info *s)
{
	size_t start = b->len;
	sadd(b, "[");
	if (s->unified)
		sadd(b, "unified ");
	if (s->filter)
		sadd(b, "%s only ", s->filter);
	if (s->fold_case)
		sadd(b, "-i ");
	if (s->ignore_punct)
		sadd(b, "-p ");
	if (!s->fold_typography)
		sadd(b, "--strict ");
	if (b->len == start + 1)
		b->len = start;  /* nothing to say */
	else
		b->buf[b->len - 1] = ']', sadd(b, " ");
	b->buf[b->len] = '\0';
}

size_t rl_status_format(const rl_status_info *s, unsigned detail, char *buf, size_t n)
{
	sbuf b = {buf, n, 0};
	if (n == 0)
		return 0;
	buf[0] = '\0';
	if (detail < 3)
		status_mode(&b, s);
	if (s->searching && s->nmatches && detail < 3)
		sadd(&b, "match %zu/%zu  ", s->match, s->nmatches);
	if (s->folds && detail < 2)
		sadd(&b, "%zu folded  ", s->folds);
	if (s->listing)
		sadd(&b, "file %zu/%zu", s->count ? s->cursor + 1 : 0, s->count);
	else if (s->nchanges == 0)
		sadd(&b, "no changes");
	else if (s->change)
		sadd(&b, "change %zu/%zu", s->change, s->nchanges);
	else
		sadd(&b, "change -/%zu", s->nchanges);
	if (detail < 1 && !s->listing)
		sadd(&b, "  ~%zu -%zu +%zu m%zu q%zu", s->summary.rewrites, s->summary.deletions,
		     s->summary.insertions, s->summary.moves, s->summary.quotes);
	if (detail < 1 && !s->listing && s->summary.formats)
		sadd(&b, " f%zu", s->summary.formats);  /* only where formatting is read (Markdown) */
	if (detail < 2 && !s->listing)
		sadd(&b, "  sim %u%%", sim_percent(s->summary.similarity));
	if (detail < 2 && !s->listing && (s->furniture[0] || s->furniture[1]))
		sadd(&b, "  furniture %zu|%zu", s->furniture[0], s->furniture[1]);
	/* The engine's bound cut a search short (a pathological input): say that what is shown is
	 * coarser than the exact alignment, as --stat does. Kept until the narrowest detail. */
	if (detail < 3 && !s->listing && s->summary.bound_hits)
		sadd(&b, "  coarse");
	if (s->at_top && s->at_end)
		sadd(&b, "  All");
	else if (s->at_top)
		sadd(&b, "  Top");
	else if (s->at_end)
		sadd(&b, "  End");
	else
		sadd(&b, "  %u%%", s->percent);
	return b.len;
}

/* ------------------------------------------------------------------ help */

/* The legend after the keys: each kind's colour and marker (a sample drawn in its role), then
 * the gutter and the status line. */
static const struct {
	const char *sample;  /* drawn in the role's colour; NULL: a plain line */
	int role;
	const char *text;
} legend[] = {
	{NULL, 0, ""},
	{NULL, 0, "Colours, and the markers that replace them without colour:"},
	{"[-deleted-]", RL_ROLE_DELETE, "words of OLD only (red)"},
	{"{+inserted+}", RL_ROLE_INSERT, "words of NEW only (green)"},
	{"[-old-]{+new+}", RL_ROLE_REWRITE, "rewritten: OLD's words left, NEW's right (yellow)"},
	{"[<moved>]{>moved<}", RL_ROLE_MOVE, "a moved passage where it left and arrived (cyan)"},
	{"[!quote!]{!quote!}", RL_ROLE_QUOTE, "a quotation removed, added, altered, elided (magenta)"},
	{"[*same*]{*same*}", RL_ROLE_FORMAT, "the same words, formatting changed: emphasis, a link's"},
	{NULL, 0, "                    target (Markdown; dim underline)"},
	{"{=derived=}\xe2\x9f\xa8\xc2\xb6""3\xe2\x9f\xa9", RL_ROLE_DERIVED,
	 "a summary line drawn from old \xc2\xb6""3 elsewhere (blue; s jumps there)"},
	{NULL, 0, "Gutter: | both sides changed   < OLD only   > NEW only   ~ a paragraph break"},
	{NULL, 0, "        on one side only. Status line: ~rewrites -deletions +insertions"},
	{NULL, 0, "        m moved passages q quotation changes, f formatting changes (only"},
	{NULL, 0, "        when there are any), and the share of words kept."},
};

size_t rl_view_help_count(void)
{
	return (RL_ACT_COUNT - 1) + sizeof legend / sizeof *legend;
}

void rl_view_help_line(size_t i, const char **keys, const char **text)
{
	if (i < RL_ACT_COUNT - 1) {
		*keys = rl_action_keys((rl_action)(i + 1));
		*text = rl_action_help((rl_action)(i + 1));
		return;
	}
	i -= RL_ACT_COUNT - 1;
	*keys = NULL;
	*text = i < sizeof legend / sizeof *legend ? legend[i].text : "";
}

bool rl_view_help_sample(size_t i, const char **sample, int *role)
{
	if (i < RL_ACT_COUNT - 1 || i - (RL_ACT_COUNT - 1) >= sizeof legend / sizeof *legend)
		return false;
	i -= RL_ACT_COUNT - 1;
	*sample = legend[i].sample;
	*role = legend[i].role;
	return legend[i].sample != NULL;
}
