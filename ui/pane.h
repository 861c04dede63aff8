/* pane.h: painting the documents: both panes and the gutter (or the unified column), the file
 * list, and the help overlay. Reads the view and changes nothing; one of the files that call
 * curses. */
#ifndef REDLINE_PANE_H
#define REDLINE_PANE_H

#include "terminal.h"
#include "view.h"

/* The lines of v->frame (refreshed by rl_view_frame) into w, from its top row. */
void rl_pane_draw(WINDOW *w, const rl_term *t, const rl_view *v);

/* The file list: the lines of v->lframe (refreshed by rl_view_frame), the cursor's line lit. */
void rl_pane_list(WINDOW *w, const rl_term *t, const rl_view *v);

/* The help overlay, when v->help: the action table, over the panes. */
void rl_pane_help(WINDOW *w, const rl_term *t, const rl_view *v);

#endif
