/* statusline.c: the status line, the search prompt, messages, and the too-small notice. */
#include "statusline.h"

#include <stdio.h>
#include <string.h>

/* Room the names keep before the right-hand part gives up detail; the share of the line they
 * may take from it (in eighths) when they need more. */
#define NAMES_MIN 24
#define NAMES_SHARE 6

/* The columns the names would like: their whole width, between NAMES_MIN and NAMES_SHARE
 * eighths of the line. */
static unsigned names_want(const rl_status_info *s, unsigned cols)
{
	if (s->listing || !s->p)
		return NAMES_MIN;
	unsigned wd = rl_term_width(s->p->doc[0].name) + rl_term_width(s->p->doc[1].name) + 12;
	if (s->p->label)
		wd += rl_term_width(s->p->label);
	unsigned most = cols / 8 * NAMES_SHARE;
	return wd < NAMES_MIN ? NAMES_MIN : wd > most ? (most > NAMES_MIN ? most : NAMES_MIN) : wd;
}

static void fill(WINDOW *w, int y, unsigned cols, attr_t a)
{
	wattrset(w, a);
	mvwhline(w, y, 0, ' ', (int)cols);
}

/* "2/3: old -> new" in `room` columns. */
static void draw_names(WINDOW *w, const rl_term *t, const rl_status_info *s, unsigned room,
                       attr_t a)
{
	char pre[64] = "";
	wmove(w, getcury(w), 1);
	if (s->p->label)
		room -= rl_term_text(w, t, s->p->label, strlen(s->p->label), room, a | A_BOLD);
	else if (s->npairs > 1)
		snprintf(pre, sizeof pre, "%zu/%zu", s->pair + 1, s->npairs);
	if (*pre)
		room -= rl_term_text(w, t, pre, strlen(pre), room, a | A_BOLD);
	if ((s->p->label || *pre) && room > 2) {
		waddstr(w, ": ");
		room -= 2;
	}
	rl_term_names(w, t, s->p->doc[0].name, s->p->doc[1].name, room, a);
}

/* The file list's title and how many files it holds. */
static void draw_title(WINDOW *w, const rl_term *t, const rl_status_info *s, unsigned room,
                       attr_t a)
{
	char count[64];
	snprintf(count, sizeof count, "%s%zu file%s", s->title ? ": " : "", s->count,
	         s->count == 1 ? "" : "s");
	unsigned cw = (unsigned)strlen(count);
	wmove(w, getcury(w), 1);
	if (s->title && room > cw)
		room -= rl_term_name(w, t, s->title, room - cw, a | A_BOLD);
	wattrset(w, a);
	waddnstr(w, count, (int)(cw < room ? cw : room));
}

static void draw_prompt(WINDOW *w, const rl_term *t, const rl_view *v, int y)
{
	attr_t a = t->face[RL_FACE_STATUS];
	fill(w, y, v->cols, a);
	wattrset(w, a | A_BOLD);
	mvwaddch(w, y, 0, v->prompt_back ? '?' : '/');
	/* Show the end of a long pattern, where the typing happens. */
	size_t from = 0;
	while (rl_text_width(v->input + from, v->ilen - from) + 2 > v->cols && from < v->ilen) {
		rl_grapheme g;
		rl_grapheme_next(v->input + from, v->ilen - from, &g);
		from += g.len;
	}
	rl_term_text(w, t, v->input + from, v->ilen - from, v->cols - 2, a);
	wattrset(w, A_NORMAL);
}

void rl_statusline_draw(WINDOW *w, const rl_term *t, const rl_view *v)
{
	int y = (int)v->lines - 1;
	if (v->prompt) {
		draw_prompt(w, t, v, y);
		return;
	}
	rl_status_info s;
	char right[256];
	size_t rlen = 0;
	rl_view_status(v, &s);
	attr_t a = t->face[RL_FACE_STATUS];
	fill(w, y, v->cols, a);
	/* As much detail as leaves room for the names (all of them, up to NAMES_SHARE of the line),
	 * or for the whole message. */
	unsigned want = v->msg[0] ? rl_term_width(v->msg) + 1 : names_want(&s, v->cols);
	for (unsigned d = 0; d < RL_STATUS_DETAILS; d++) {
		rlen = rl_status_format(&s, d, right, sizeof right);
		/* Long names give up the counts and the similarity, never the mode. */
		unsigned need = !v->msg[0] && d >= 2 && want > NAMES_MIN ? NAMES_MIN : want;
		if (rlen + need + 2 <= v->cols)
			break;
	}
	unsigned room = rlen + 2 < v->cols ? v->cols - (unsigned)rlen - 2 : 0;
	if (rlen + 1 <= v->cols) {
		wattrset(w, a);
		mvwaddstr(w, y, (int)(v->cols - rlen - 1), right);
	}
	wmove(w, y, 1);
	if (v->msg[0]) {
		attr_t m = t->face[v->msg_error ? RL_FACE_ERROR : RL_FACE_MESSAGE];
		rl_term_text(w, t, v->msg, strlen(v->msg), room > 1 ? room - 1 : 0, m);
	} else if (room > 1 && s.listing) {
		draw_title(w, t, &s, room - 1, a);
	} else if (room > 1) {
		draw_names(w, t, &s, room - 1, a);
	}
	wattrset(w, A_NORMAL);
}

void rl_statusline_too_small(WINDOW *w, const rl_term *t, unsigned cols, unsigned lines)
{
	static const char *const words[] = {"Terminal", "too", "small", "for", "redline", "(needs",
	                                    "20x6).", "q", "quits."};
	unsigned x = 0, y = 0;
	wattrset(w, t->face[RL_FACE_MESSAGE]);
	for (size_t i = 0; i < sizeof words / sizeof *words && y < lines; i++) {
		unsigned n = (unsigned)strlen(words[i]);
		if (x > 0 && x + 1 + n > cols)
			x = 0, y++;
		if (y >= lines)
			break;
		if (x > 0)
			mvwaddch(w, (int)y, (int)x++, ' ');
		mvwaddnstr(w, (int)y, (int)x, words[i], (int)(n < cols ? n : cols));
		x += n;
	}
	wattrset(w, A_NORMAL);
}
