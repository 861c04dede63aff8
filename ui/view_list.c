/* view_list.c: the file list screen: a cursor over the files that differ, Enter to open one, q
 * to leave, / to find a file by name; counts filled in while no key is waiting. */
#include <stdlib.h>
#include <string.h>

#include "status.h"
#include "view.h"
#include "view_nav.h"

int rl_view_list_show(rl_view *v)
{
	v->listing = true;
	v->searching = v->match.on = v->selected = false;
	if (rl_model_is_open(v->model))
		rl_listnav_goto(&v->list, rl_model_current(v->model));
	return RL_OK;
}

/* Enter: the file under the cursor, or a message saying why it is not compared. The file that
 * was open last opens where it was left. */
static int open_cursor(rl_view *v)
{
	size_t i = v->list.cursor;
	if (v->list.count == 0)
		return RL_OK;
	if (rl_model_is_open(v->model) && rl_model_current(v->model) == i) {
		v->listing = false;
		v->searching = false;
		return RL_OK;
	}
	int rc = rl_model_open(v->model, i, NULL);
	if (rc == RL_MODEL_CLOSED) {
		rl_view_message(v, true, "%s", rl_model_error(v->model));
		return RL_OK;
	}
	if (rc != RL_OK)
		return rc;
	v->listing = false;
	return rl_view_opened(v, i, (rl_anchor){0});
}

/* n and N without a search, and [ ]: the next or previous file. */
static int step(rl_view *v, int dir)
{
	if (rl_listnav_move(&v->list, dir) == 0 && v->list.count > 1)
		rl_view_message(v, false, "this is the %s file", dir > 0 ? "last" : "first");
	return RL_OK;
}

int rl_view_list_act(rl_view *v, rl_action a)
{
	rl_listnav *l = &v->list;
	switch (a) {
	case RL_ACT_LINE_DOWN: case RL_ACT_NEXT_PAIR: return step(v, 1);
	case RL_ACT_LINE_UP: case RL_ACT_PREV_PAIR: return step(v, -1);
	case RL_ACT_PAGE_DOWN: rl_listnav_page(l, 1); return RL_OK;
	case RL_ACT_PAGE_UP: rl_listnav_page(l, -1); return RL_OK;
	case RL_ACT_TOP: rl_listnav_goto(l, 0); return RL_OK;
	case RL_ACT_BOTTOM: rl_listnav_goto(l, l->count ? l->count - 1 : 0); return RL_OK;
	case RL_ACT_NEXT: case RL_ACT_PREV:
		if (v->searching)
			return rl_view_list_search_step(v, (a == RL_ACT_NEXT) != v->search_back);
		return step(v, a == RL_ACT_NEXT ? 1 : -1);
	case RL_ACT_CLEAR: v->searching = false; return RL_OK;
	case RL_ACT_OPEN: return open_cursor(v);
	case RL_ACT_QUIT: v->quit = true; return RL_OK;
	case RL_ACT_NONE: case RL_ACT_WHEEL: case RL_ACT_CLICK: return RL_OK;
	default:
		rl_view_message(v, false, "in a file, that key does something: Enter opens one");
		return RL_OK;
	}
}

int rl_view_list_frame(rl_view *v)
{
	size_t h = v->list.height;
	if (h > v->lframe_cap) {
		rl_list_line *p = realloc(v->lframe, h * sizeof *p);
		if (!p)
			return RL_ENOMEM;
		v->lframe = p;
		v->lframe_cap = h;
	}
	size_t n = 0, i;
	for (size_t y = 0; y < h && rl_listnav_at(&v->list, y, &i); y++) {
		rl_list_line *line = &v->lframe[n++];
		line->index = i;
		rl_model_entry(v->model, i, true, &line->entry);
		line->known = rl_model_measured(v->model, i, &line->summary);
	}
	v->nlframe = n;
	return RL_OK;
}

/* File names, from the entry after the cursor, wrapping around. */
int rl_view_list_search_step(rl_view *v, bool forward)
{
	size_t n = v->list.count, cur = v->list.cursor;
	if (v->plen == 0 || n == 0)
		return RL_OK;
	for (size_t k = 1; k <= n; k++) {
		size_t i = forward ? (cur + k) % n : (cur + n - k) % n;
		rl_entry e;
		rl_model_entry(v->model, i, false, &e);
		if (!rl_list_match(&e, v->pattern, v->plen))
			continue;
		if (forward ? i <= cur : i >= cur)
			rl_view_message(v, false, "search wrapped to the %s", forward ? "start" : "end");
		rl_listnav_goto(&v->list, i);
		return RL_OK;
	}
	rl_view_message(v, true, "no file name holds: %.*s", (int)v->plen, v->pattern);
	return RL_OK;
}

/* A click selects a file; a click on the file under the cursor opens it. */
int rl_view_list_click(rl_view *v, unsigned y)
{
	size_t i;
	if (!rl_listnav_at(&v->list, y, &i))
		return RL_OK;
	if (i == v->list.cursor)
		return open_cursor(v);
	rl_listnav_goto(&v->list, i);
	return RL_OK;
}

/* The next file on screen whose counts are not known: the one under the cursor first. */
static bool unsettled(const rl_view *v, size_t *out)
{
	size_t i;
	if (!v->listing || v->too_small)
		return false;
	if (v->list.count && !rl_model_settled(v->model, v->list.cursor)) {
		*out = v->list.cursor;
		return true;
	}
	for (size_t y = 0; rl_listnav_at(&v->list, y, &i); y++) {
		if (!rl_model_settled(v->model, i)) {
			*out = i;
			return true;
		}
	}
	return false;
}

bool rl_view_idle_work(const rl_view *v)
{
	size_t i;
	return unsettled(v, &i);
}

int rl_view_idle(rl_view *v)
{
	size_t i;
	return unsettled(v, &i) ? rl_model_measure(v->model, i) : RL_OK;
}
