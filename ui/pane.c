/* pane.c: the documents on screen, run by run, as the layout made them. */
#include "pane.h"

#include <stdio.h>
#include <string.h>

/* Is a run highlighted under the Tab filter, and in which attribute is it drawn? The current
 * change (the one the status line counts) stands out: bold and underlined on its colour. */
static attr_t run_attr(const rl_term *t, const rl_view *v, const rl_frame_line *fl,
                       const rl_run *run, bool *lit)
{
	rl_role r = rl_role_of_run(run);
	*lit = r != RL_ROLE_PLAIN && (rl_view_mask(v) & (1u << r));
	attr_t a = t->role[*lit ? r : RL_ROLE_PLAIN];
	if (*lit && fl->pos.block == v->cur_block)
		a |= A_BOLD | A_UNDERLINE;
	return a;
}

static bool plain_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
			return false;
	return true;
}

/* The first match on screen on this side that ends after byte lo (v->hits is by side, then
 * byte), or NULL. */
static const rl_hit *first_hit(const rl_view *v, int side, size_t lo)
{
	for (size_t i = 0; i < v->nhits; i++)
		if (v->hits[i].side == side && v->hits[i].off + v->hits[i].len > lo)
			return &v->hits[i];
	return NULL;
}

/* A text run: document bytes, grapheme by grapheme, with the search's matches picked out (the
 * current one apart). Plain printable ASCII, the common case, goes out in one call. */
static void draw_text(WINDOW *w, const rl_term *t, const rl_view *v, int side, const char *text,
                      const rl_run *run, attr_t attr, bool lit)
{
	const rl_match *m = &v->match;
	size_t lo = run->off, hi = (size_t)run->off + run->len;
	bool in_match = m->on && m->side == side && m->off < hi && m->off + m->len > lo;
	const rl_hit *h = first_hit(v, side, lo);
	bool in_hit = h && h->off < hi;
	attr_t esc = lit ? attr : t->face[RL_FACE_ESCAPE];

	if (!in_match && !in_hit && plain_ascii(text + lo, run->len)) {
		wattrset(w, attr);
		waddnstr(w, text + lo, (int)run->len);
		return;
	}
	const rl_hit *end = v->hits + v->nhits;
	for (size_t pos = lo; pos < hi;) {
		rl_grapheme g;
		rl_grapheme_next(text + pos, hi - pos, &g);
		while (h && h < end && (h->side != side || h->off + h->len <= pos))
			h = h + 1 < end && h[1].side == side ? h + 1 : NULL;
		bool cur = in_match && pos >= m->off && pos < m->off + m->len;
		bool other = h && h < end && pos >= h->off && pos < h->off + h->len;
		attr_t a = cur ? t->face[RL_FACE_MATCH] : other ? t->face[RL_FACE_HIT] : attr;
		rl_term_put(w, t, text + pos, &g, a, cur || other ? a : esc);
		pos += g.len;
	}
}

static void draw_side(WINDOW *w, const rl_term *t, const rl_view *v, const rl_frame_line *fl,
                      int side, int y, unsigned x)
{
	size_t len;
	const char *text = rl_model_text(v->model, side, &len);
	const rl_row *row = fl->row;

	wmove(w, y, (int)x);
	for (uint16_t k = 0; k < row->nrun[side]; k++) {
		const rl_run *run = &fl->br->buf.runs[row->run[side] + k];
		bool lit;
		attr_t a = run_attr(t, v, fl, run, &lit);
		switch (run->type) {
		case RL_RUN_TEXT:
			draw_text(w, t, v, side, text, run, a, lit);
			break;
		case RL_RUN_SPACE:
			wattrset(w, a);
			for (unsigned i = 0; i < run->cols; i++)
				waddch(w, ' ');
			break;
		case RL_RUN_TAG: {
			char tag[RL_TAG_MAX];
			wattrset(w, a);
			waddstr(w, rl_tag_text(run, tag));
			break;
		}
		default:
			wattrset(w, a);
			waddstr(w, rl_marker_text(side, run));
			break;
		}
	}
	wattrset(w, A_NORMAL);
}

/* Does this side of the line show a change of a highlighted kind? */
static bool side_lit(const rl_view *v, const rl_frame_line *fl, int side)
{
	const rl_row *row = fl->row;
	for (uint16_t k = 0; k < row->nrun[side]; k++) {
		const rl_run *run = &fl->br->buf.runs[row->run[side] + k];
		rl_role r = rl_role_of_run(run);
		if (r != RL_ROLE_PLAIN && (rl_view_mask(v) & (1u << r)))
			return true;
	}
	return false;
}

/* Is the line part of the current change (the one the status line counts)? */
static bool is_selected(const rl_view *v, const rl_frame_line *fl)
{
	return fl->pos.block == v->cur_block;
}

/* A fold's one line, across the screen: "… 214 unchanged lines (Enter unfolds) …". */
static void draw_fold(WINDOW *w, const rl_term *t, const rl_view *v, const rl_frame_line *fl,
                      int y)
{
	char text[128];
	const char *dots = t->ascii ? "..." : "\xe2\x80\xa6";
	unsigned n = fl->br->fold_lines;
	snprintf(text, sizeof text, "%s %u unchanged line%s (Enter unfolds) %s", dots, n,
	         n == 1 ? "" : "s", dots);
	wattrset(w, t->face[RL_FACE_FOLD]);
	mvwhline(w, y, 0, ' ', (int)v->cols);
	unsigned width = rl_term_width(text);
	unsigned x = v->cols > width ? (v->cols - width) / 2 : 0;
	wmove(w, y, (int)x);
	rl_term_text(w, t, text, strlen(text), v->cols - x, t->face[RL_FACE_FOLD]);
	wattrset(w, A_NORMAL);
}

/* The side-by-side gutter: " | " and friends, as the printer marks rows. */
static void draw_gutter(WINDOW *w, const rl_term *t, const rl_view *v, const rl_frame_line *fl,
                        int y)
{
	bool l = side_lit(v, fl, RL_OLD), r = side_lit(v, fl, RL_NEW);
	bool soft = (fl->row->flags[0] | fl->row->flags[1]) & RL_ROW_SOFT;
	char mark = l && r ? '|' : l ? '<' : r ? '>' : soft ? '~' : ' ';
	attr_t a = is_selected(v, fl)   ? t->face[RL_FACE_SELECT]
	           : mark == '~'        ? t->role[RL_ROLE_SOFT]
	           : mark != ' '        ? t->role[RL_ROLE_GUTTER]
	                                : A_NORMAL;
	char cells[RL_VIEW_GUTTER + 1] = "   ";
	cells[1] = mark;
	wattrset(w, a);
	mvwaddnstr(w, y, (int)v->geom.gutter, cells, RL_VIEW_GUTTER);
	wattrset(w, A_NORMAL);
}

/* The unified gutter: '-' beside OLD's lines and '+' beside NEW's in a changed block. */
static void draw_ugutter(WINDOW *w, const rl_term *t, const rl_view *v, const rl_frame_line *fl,
                         int y)
{
	bool changed = rl_model_block_roles(v->model, fl->pos.block) & rl_view_mask(v);
	char mark = !changed || fl->side == RL_LINE_BOTH ? ' ' : fl->side == RL_OLD ? '-' : '+';
	bool lit = fl->side != RL_LINE_BOTH && side_lit(v, fl, fl->side);
	attr_t a = is_selected(v, fl) ? t->face[RL_FACE_SELECT]
	           : lit              ? t->role[RL_ROLE_GUTTER]
	                              : t->role[RL_ROLE_SOFT];
	char cells[RL_VIEW_UGUTTER + 1] = "  ";
	cells[0] = mark;
	wattrset(w, a);
	mvwaddnstr(w, y, (int)v->geom.gutter, cells, RL_VIEW_UGUTTER);
	wattrset(w, A_NORMAL);
}

/* Where page furniture was dropped: "12 lines of page furniture" in the pane of each side that
 * lost some (unified: one line for both). The lines themselves were never compared and are not
 * shown: redline --extract prints the whole text. */
static void draw_furniture(WINDOW *w, const rl_term *t, const rl_view *v, const rl_frame_line *fl,
                           int y)
{
	const rl_geom *g = &v->geom;
	int at = fl->side == RL_LINE_FURNITURE_END;
	uint32_t n[2] = {fl->br->furniture[0][at], fl->br->furniture[1][at]};
	char text[128];
	attr_t a = t->face[RL_FACE_FOLD];
	wattrset(w, A_NORMAL);
	mvwhline(w, y, 0, ' ', (int)v->cols);
	if (g->unified) {
		if (n[0] && n[1])
			snprintf(text, sizeof text, "page furniture: %u line%s of OLD, %u of NEW", n[0],
			         n[0] == 1 ? "" : "s", n[1]);
		else
			snprintf(text, sizeof text, "%u line%s of page furniture (%s)", n[0] + n[1],
			         n[0] + n[1] == 1 ? "" : "s", n[0] ? "OLD" : "NEW");
		wmove(w, y, (int)g->left);
		rl_term_text(w, t, text, strlen(text), g->pane, a);
		return;
	}
	for (int s = 0; s < 2; s++) {
		if (!n[s])
			continue;
		snprintf(text, sizeof text, "%u line%s of page furniture", n[s], n[s] == 1 ? "" : "s");
		wmove(w, y, (int)(s ? g->right : g->left));
		rl_term_text(w, t, text, strlen(text), g->pane, a);
	}
	wattrset(w, A_NORMAL);
}

void rl_pane_draw(WINDOW *w, const rl_term *t, const rl_view *v)
{
	const rl_geom *g = &v->geom;
	for (size_t i = 0; i < v->frame.n && i < g->body; i++) {
		const rl_frame_line *fl = &v->frame.v[i];
		int y = (int)i;
		if (fl->side == RL_LINE_FOLD) {
			draw_fold(w, t, v, fl, y);
			continue;
		}
		if (RL_LINE_NOTE(fl->side)) {
			draw_furniture(w, t, v, fl, y);
			continue;
		}
		if (g->unified) {
			draw_ugutter(w, t, v, fl, y);
			if (fl->side != RL_LINE_BOTH)
				draw_side(w, t, v, fl, fl->side, y, g->left);
			continue;
		}
		draw_side(w, t, v, fl, RL_OLD, y, g->left);
		draw_gutter(w, t, v, fl, y);
		draw_side(w, t, v, fl, RL_NEW, y, g->right);
	}
	if (rl_rows_blocks(v->rows) == 0) {
		wattrset(w, t->role[RL_ROLE_SOFT]);
		mvwaddstr(w, 0, 0, "(both texts are empty)");
		wattrset(w, A_NORMAL);
	}
}

/* ------------------------------------------------------------------ the file list */

/* Columns a path keeps before the note at the end of its line gives way. */
#define PATH_MIN 24

/* git's letter coloured as the kind of change it is most like. */
static rl_role change_role(char c)
{
	switch (c) {
	case 'A': return RL_ROLE_INSERT;
	case 'D': return RL_ROLE_DELETE;
	case 'R': case 'C': return RL_ROLE_MOVE;
	case 'U': return RL_ROLE_QUOTE;
	default: return RL_ROLE_REWRITE;
	}
}

/* " M  path/to/story.md                     ~3 -1 +2  sim 87%" */
static void draw_entry(WINDOW *w, const rl_term *t, const rl_view *v, const rl_list_line *l,
                       int y)
{
	bool cur = l->index == v->list.cursor;
	attr_t base = cur ? t->face[RL_FACE_CURSOR] : A_NORMAL;
	char letter[4] = {' ', l->entry.change ? l->entry.change : ' ', ' ', '\0'};
	char note[96];
	unsigned nlen = (unsigned)rl_list_note(&l->entry, l->known ? &l->summary : NULL, note,
	                                       sizeof note);

	wattrset(w, base);
	mvwhline(w, y, 0, ' ', (int)v->cols);
	wattrset(w, l->entry.change ? t->role[change_role(l->entry.change)] : base);
	mvwaddstr(w, y, 0, letter);
	/* A narrow screen keeps the path readable and leaves the note out. */
	const rl_entry *e = &l->entry;
	unsigned pw = rl_term_width(e->path ? e->path : "") +
	              (e->old_path ? rl_term_width(e->old_path) + 4 : 0);
	unsigned want = pw < PATH_MIN ? pw : PATH_MIN;
	if (nlen && v->cols < 4 + want + nlen + 3)
		nlen = 0;
	unsigned right = nlen ? nlen + 3 : 1;
	if (v->cols > 4 + right) {
		wmove(w, y, 4);
		if (l->entry.old_path)
			rl_term_names(w, t, l->entry.old_path, l->entry.path, v->cols - 4 - right, base);
		else
			rl_term_name(w, t, l->entry.path ? l->entry.path : "", v->cols - 4 - right, base);
	}
	if (nlen) {
		attr_t a = cur ? base : l->entry.mark ? t->role[RL_ROLE_SOFT] : A_NORMAL;
		wattrset(w, a);
		mvwaddstr(w, y, (int)(v->cols - 1 - nlen), note);
	}
	wattrset(w, A_NORMAL);
}

void rl_pane_list(WINDOW *w, const rl_term *t, const rl_view *v)
{
	for (size_t i = 0; i < v->nlframe && i < v->geom.body; i++)
		draw_entry(w, t, v, &v->lframe[i], (int)i);
}

/* ------------------------------------------------------------------ help */

static unsigned keys_width(void)
{
	unsigned most = 0;
	for (size_t i = 0; i < rl_view_help_count(); i++) {
		const char *keys, *text;
		rl_view_help_line(i, &keys, &text);
		if (keys && strlen(keys) > most)
			most = (unsigned)strlen(keys);
	}
	return most;
}

static void help_border(WINDOW *w, const rl_term *t, int y0, int x0, unsigned bw, unsigned bh,
                        bool more)
{
	attr_t a = t->face[RL_FACE_HELP];
	wattrset(w, a);
	mvwaddch(w, y0, x0, ACS_ULCORNER);
	whline(w, ACS_HLINE, (int)bw - 2);
	mvwaddch(w, y0, x0 + (int)bw - 1, ACS_URCORNER);
	mvwvline(w, y0 + 1, x0, ACS_VLINE, (int)bh - 2);
	mvwvline(w, y0 + 1, x0 + (int)bw - 1, ACS_VLINE, (int)bh - 2);
	mvwaddch(w, y0 + (int)bh - 1, x0, ACS_LLCORNER);
	whline(w, ACS_HLINE, (int)bw - 2);
	mvwaddch(w, y0 + (int)bh - 1, x0 + (int)bw - 1, ACS_LRCORNER);
	const char *title = " redline keys (h or Esc closes) ";
	if (strlen(title) + 4 <= bw)
		mvwaddstr(w, y0, x0 + 2, title);
	const char *hint = " j/k: more ";
	if (more && strlen(hint) + 4 <= bw)
		mvwaddstr(w, y0 + (int)bh - 1, x0 + (int)bw - 2 - (int)strlen(hint), hint);
}

void rl_pane_help(WINDOW *w, const rl_term *t, const rl_view *v)
{
	size_t count = rl_view_help_count();
	unsigned kw = keys_width(), body = v->geom.body;
	unsigned bw = v->cols > 82 ? 80 : v->cols - 2, bh = body < count + 2 ? body : (unsigned)count + 2;
	if (bh < 3 || bw < kw + 8)
		return;
	int x0 = (int)(v->cols - bw) / 2, y0 = (int)(body - bh) / 2;
	size_t top = v->help_top + (bh - 2) > count ? (count > bh - 2 ? count - (bh - 2) : 0)
	                                            : v->help_top;
	for (unsigned i = 0; i + 2 < bh; i++) {
		int y = y0 + 1 + (int)i;
		wattrset(w, t->face[RL_FACE_HELP]);
		mvwhline(w, y, x0 + 1, ' ', (int)bw - 2);
		if (top + i >= count)
			continue;
		const char *keys, *text, *sample;
		int role;
		rl_view_help_line(top + i, &keys, &text);
		unsigned x = (unsigned)x0 + 2, room = bw - 4;
		if (rl_view_help_sample(top + i, &sample, &role) && role >= 0 && role < RL_ROLE_COUNT) {
			/* the kind's own colour, as the panes draw it */
			unsigned n = (unsigned)strlen(sample) < room ? (unsigned)strlen(sample) : room;
			wattrset(w, t->role[role]);
			mvwaddnstr(w, y, (int)x, sample, (int)n);
			unsigned step = n + 2 > 20 ? n + 2 : 20;
			x += step;
			room = room > step ? room - step : 0;
		} else if (keys) {
			wattrset(w, t->face[RL_FACE_HELP_KEY]);
			mvwaddnstr(w, y, (int)x, keys, (int)(kw < room ? kw : room));
			x += kw + 2;
			room = room > kw + 2 ? room - kw - 2 : 0;
		}
		wattrset(w, t->face[RL_FACE_HELP]);
		mvwaddnstr(w, y, (int)x, text, (int)room);
	}
	help_border(w, t, y0, x0, bw, bh, top + (bh - 2) < count);
	wattrset(w, A_NORMAL);
}
