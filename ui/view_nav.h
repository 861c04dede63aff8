/* view_nav.h: private to the view module (view.c, view_nav.c, view_list.c), not for other
 * callers.
 *
 * view_state.h keeps the state; view.c the simple actions; view_nav.c finds things: changes, the
 * other end of a move, search matches, what a click points at; view_list.c is the file list
 * screen. This header builds on view_state.h, never on view.h (view.c includes this one). */
#ifndef REDLINE_VIEW_NAV_H
#define REDLINE_VIEW_NAV_H

#include "view_state.h"

rl_anchor rl_view_top_anchor(rl_view *v);
int rl_view_goto_anchor(rl_view *v, rl_anchor a);

/* The index of the first change block at or after block b (nchanges when none). */
size_t rl_view_change_index(const rl_view *v, uint32_t b);

int rl_view_goto_change(rl_view *v, int dir);
int rl_view_goto_move_end(rl_view *v);
/* s: from the summary line selected or first on screen to the OLD sentence it restates,
 * highlighted; pressed again there, back to the line. */
int rl_view_goto_source(rl_view *v);
/* Go to the next match of the pattern after (forward) or before the current one. */
int rl_view_search_step(rl_view *v, bool forward);
/* What rl_view_search and rl_view_click (view.h) do. The click's frame is fresh. */
int rl_view_nav_search(rl_view *v, const char *pat, size_t n, bool backward);
int rl_view_nav_click(rl_view *v, unsigned y, unsigned x);

/* Bring block b on screen when it is not (with a line of context above it). */
int rl_view_keep_visible(rl_view *v, uint32_t b);
/* Undo the fold hiding block b (its `lines` lines of text are said in the message). */
int rl_view_unfold(rl_view *v, size_t b, uint32_t lines);
/* The matches of the pattern on screen (v->hits), and the current match's number (match_k of
 * match_n): after a search step and for each frame. */
int rl_view_screen_hits(rl_view *v);
int rl_view_count_matches(rl_view *v);

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
