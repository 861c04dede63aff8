/* filelist.c: the file list's cursor and scrolling, and the note at the end of each line. */
#include "filelist.h"

#include <stdio.h>
#include <string.h>

#include "search.h"

/* Keep the cursor on screen, moving the screen as little as possible. */
static void follow(rl_listnav *l)
{
	if (l->cursor < l->top)
		l->top = l->cursor;
	else if (l->cursor >= l->top + l->height)
		l->top = l->cursor - l->height + 1;
	/* No blank lines below the last entry while earlier entries are off the screen. */
	size_t last_top = l->count > l->height ? l->count - l->height : 0;
	if (l->top > last_top)
		l->top = last_top;
}

void rl_listnav_init(rl_listnav *l, size_t count, size_t height)
{
	*l = (rl_listnav){.count = count, .height = height ? height : 1};
}

void rl_listnav_resize(rl_listnav *l, size_t height)
{
	l->height = height ? height : 1;
	follow(l);
}

long rl_listnav_move(rl_listnav *l, long delta)
{
	size_t was = l->cursor;
	if (l->count == 0)
		return 0;
	if (delta < 0)
		l->cursor = (size_t)-delta > l->cursor ? 0 : l->cursor - (size_t)-delta;
	else
		l->cursor = (size_t)delta >= l->count - l->cursor ? l->count - 1 : l->cursor + (size_t)delta;
	follow(l);
	return (long)l->cursor - (long)was;
}

void rl_listnav_page(rl_listnav *l, int dir)
{
	size_t step = l->height > 1 ? l->height - 1 : 1;
	size_t last_top = l->count > l->height ? l->count - l->height : 0;
	if (dir > 0)
		l->top = l->top + step < last_top ? l->top + step : last_top;
	else
		l->top = l->top > step ? l->top - step : 0;
	rl_listnav_move(l, dir > 0 ? (long)step : -(long)step);
}

void rl_listnav_goto(rl_listnav *l, size_t i)
{
	if (l->count == 0)
		return;
	l->cursor = i < l->count ? i : l->count - 1;
	follow(l);
}

void rl_listnav_scroll(rl_listnav *l, long delta)
{
	size_t last_top = l->count > l->height ? l->count - l->height : 0;
	if (delta < 0)
		l->top = (size_t)-delta > l->top ? 0 : l->top - (size_t)-delta;
	else
		l->top = (size_t)delta > last_top - l->top ? last_top : l->top + (size_t)delta;
	if (l->count == 0)
		return;
	if (l->cursor < l->top)
		l->cursor = l->top;
	else if (l->cursor >= l->top + l->height)
		l->cursor = l->top + l->height - 1;
}

bool rl_listnav_at(const rl_listnav *l, size_t y, size_t *i)
{
	if (y >= l->height || l->top + y >= l->count)
		return false;
	*i = l->top + y;
	return true;
}

size_t rl_list_note(const rl_entry *e, const rl_summary *s, char *buf, size_t n)
{
	int k;
	if (n == 0)
		return 0;
	switch (e->mark) {
	case RL_MARK_BINARY: k = snprintf(buf, n, "binary"); break;
	case RL_MARK_SUBMODULE: k = snprintf(buf, n, "submodule"); break;
	case RL_MARK_UNMERGED: k = snprintf(buf, n, "unmerged"); break;
	case RL_MARK_UNREADABLE: k = snprintf(buf, n, "unreadable"); break;
	default:
		if (!s)
			k = snprintf(buf, n, "%s", "");
		else if (s->same)
			k = snprintf(buf, n, "same words");
		else if (s->words[0] == 0)
			k = snprintf(buf, n, "+%zu word%s", s->words[1], s->words[1] == 1 ? "" : "s");
		else if (s->words[1] == 0)
			k = snprintf(buf, n, "-%zu word%s", s->words[0], s->words[0] == 1 ? "" : "s");
		else
			k = snprintf(buf, n, "~%zu -%zu +%zu  sim %u%%", s->rewrites, s->deletions,
			             s->insertions, (s->similarity + 5) / 10);
		break;
	}
	return k < 0 ? 0 : (size_t)k < n ? (size_t)k : n - 1;
}

static bool holds(const char *s, const char *pat, size_t plen, bool icase)
{
	size_t at;
	return s && rl_search_find(s, strlen(s), pat, plen, 0, true, icase, &at);
}

bool rl_list_match(const rl_entry *e, const char *pat, size_t plen)
{
	bool icase = rl_search_smartcase(pat, plen);
	return holds(e->path, pat, plen, icase) || holds(e->old_path, pat, plen, icase);
}
