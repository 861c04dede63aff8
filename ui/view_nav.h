/* view_nav.h: private to the view module (view.c, view_nav.c, view_list.c), not for other
 * callers.
 *
 * view.c keeps the state and the simple actions; view_nav.c finds things: changes, the other end
 * of a move, search matches, what a click points at; view_list.c is the file list screen. */
#ifndef REDLINE_VIEW_NAV_H
#define REDLINE_VIEW_NAV_H

#include "view.h"

/* A place in one side's text: what stays on screen across a new layout or comparison. */
typedef struct rl_anchor {
	bool on;
	int side;
	size_t byte;
	bool block_top;  /* the block started the screen: keep its start at the top */
} rl_anchor;

rl_anchor rl_view_top_anchor(rl_view *v);
int rl_view_goto_anchor(rl_view *v, rl_anchor a);

int rl_view_refresh_changes(rl_view *v);
/* The index of the first change block at or after block b (nchanges when none). */
size_t rl_view_change_index(const rl_view *v, uint32_t b);

int rl_view_goto_change(rl_view *v, int dir);
int rl_view_goto_move_end(rl_view *v);
/* s: from the summary line selected or first on screen to the OLD sentence it restates,
 * highlighted; pressed again there, back to the line. */
int rl_view_goto_source(rl_view *v);
/* Go to the next match of the pattern after (forward) or before the current one. */
int rl_view_search_step(rl_view *v, bool forward);

/* Pair i is now open in the model: leave the list, lay it out with a at the top. */
int rl_view_opened(rl_view *v, size_t i, rl_anchor a);

/* The file list: back to it (the open file under the cursor), its actions, its lines on screen,
 * its search (file names) and its clicks. */
int rl_view_list_show(rl_view *v);
int rl_view_list_act(rl_view *v, rl_action a);
int rl_view_list_frame(rl_view *v);
int rl_view_list_search_step(rl_view *v, bool forward);
int rl_view_list_click(rl_view *v, unsigned y);

#endif
