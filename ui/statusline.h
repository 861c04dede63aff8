/* statusline.h: the bottom line (pair, names, change i of n, counts, similarity, position; or a
 * message; or the search prompt) and the "too small" notice. One of the files that call curses. */
#ifndef REDLINE_STATUSLINE_H
#define REDLINE_STATUSLINE_H

#include "terminal.h"
#include "view.h"

void rl_statusline_draw(WINDOW *w, const rl_term *t, const rl_view *v);

/* Instead of everything, on a screen below RL_VIEW_MIN_COLS × RL_VIEW_MIN_LINES. */
void rl_statusline_too_small(WINDOW *w, const rl_term *t, unsigned cols, unsigned lines);

#endif
