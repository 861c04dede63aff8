/* filelist.h: the file list screen's arithmetic and words, without a terminal.
 *
 * Pure: no curses, no I/O. `--git` and two directories open the viewer on a list of the files that
 * differ, one a line: a cursor moves over it (j/k, pages, g/G, the wheel, a click) and the screen
 * scrolls to keep the cursor in view. Each line says what happened to the file (git's letter), its
 * path, why it is not compared (binary, submodule, unmerged) or, once it has been compared, its
 * counts of changes and similarity. */
#ifndef REDLINE_FILELIST_H
#define REDLINE_FILELIST_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/* Lines of the list the wheel scrolls per notch. */
#define RL_LIST_WHEEL 3

typedef struct rl_listnav {
	size_t count;    /* entries */
	size_t cursor;   /* the entry under the cursor (0 when empty) */
	size_t top;      /* the first entry on screen */
	size_t height;   /* entries on screen, at least 1 */
} rl_listnav;

void rl_listnav_init(rl_listnav *l, size_t count, size_t height);
/* A screen of another height: the cursor stays in view. */
void rl_listnav_resize(rl_listnav *l, size_t height);
/* Move the cursor by delta entries (negative: up), stopping at both ends; scroll to keep it in
 * view. Returns how far it moved. */
long rl_listnav_move(rl_listnav *l, long delta);
/* A page down (dir > 0) or up: the cursor moves a screen, the screen with it. */
void rl_listnav_page(rl_listnav *l, int dir);
/* The cursor onto entry i (clamped), scrolling as little as keeps it in view. */
void rl_listnav_goto(rl_listnav *l, size_t i);
/* Scroll the screen by delta lines (the wheel), the cursor pulled along to stay on it. */
void rl_listnav_scroll(rl_listnav *l, long delta);
/* The entry on screen line y: true and *i, or false for a line below the last entry. */
bool rl_listnav_at(const rl_listnav *l, size_t y, size_t *i);

/* One line of the list on screen: the entry, and its summary when it has been compared. */
typedef struct rl_list_line {
	size_t index;
	rl_entry entry;
	bool known;
	rl_summary summary;
} rl_list_line;

/* The words a list line ends with: why an entry is not compared ("binary"), or when it has been
 * compared (s not NULL) what changed: "~3 -1 +2  sim 87%", "+412 words" for an added file,
 * "-96 words" for a deleted one, "same words" when only the bytes differ. Empty when nothing is
 * known yet. ASCII; returns the length written (truncated to fit n). */
size_t rl_list_note(const rl_entry *e, const rl_summary *s, char *buf, size_t n);

/* Does an entry's path (or old path) hold the pattern (smart case, as the text search)? */
bool rl_list_match(const rl_entry *e, const char *pat, size_t plen);

#endif
