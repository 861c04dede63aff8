/* view.h: the viewer's state and what each action does to it, without a terminal.
 *
 * Pure: no curses. The loop reads a key, looks up its action and calls rl_view_act; the painters
 * read the view (const) and draw. Everything a person can do is testable here: scrolling, change
 * and search navigation, toggles that compare again, resizing, stepping between pairs, and the
 * file list of a model whose source is one (Enter opens a file, q comes back to the list). */
#ifndef REDLINE_VIEW_H
#define REDLINE_VIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "view_state.h"

/* A view of the model on a terminal of cols × lines. The model is borrowed. A model with no pair
 * open (a file list) starts on the list. */
int rl_view_init(rl_view *v, rl_model *m, unsigned cols, unsigned lines);
void rl_view_release(rl_view *v);

/* The terminal changed size: lay out again, keeping the text at the top of the screen there. */
int rl_view_resize(rl_view *v, unsigned cols, unsigned lines);

/* Do what an action does (the mouse actions take their own calls below). */
int rl_view_act(rl_view *v, rl_action a);
/* The wheel: notches > 0 scroll down. */
int rl_view_wheel(rl_view *v, int notches);
/* A click at screen cell (y, x): selects the change there. */
int rl_view_click(rl_view *v, unsigned y, unsigned x);

/* The search prompt (opened by the / and ? actions). */
void rl_view_prompt_insert(rl_view *v, const char *utf8, size_t n);
void rl_view_prompt_erase(rl_view *v);
void rl_view_prompt_cancel(rl_view *v);
int rl_view_prompt_submit(rl_view *v);

/* Search for a pattern from the current position (and make it what n and N repeat). */
int rl_view_search(rl_view *v, const char *pat, size_t n, bool backward);

/* Refresh v->frame (or, on the list, v->lframe): the lines on screen. Call before painting. */
int rl_view_frame(rl_view *v);

/* Work the viewer can do while no key is waiting: on the file list, compare one file on screen
 * whose counts are not known yet. rl_view_idle_work says whether there is any. */
bool rl_view_idle_work(const rl_view *v);
int rl_view_idle(rl_view *v);

/* What the status line says, computed from the view and its frame. */
typedef struct rl_status_info {
	bool listing;              /* the file list: its cursor, count and title (below) */
	size_t cursor, count;
	const char *title;
	size_t pair, npairs;       /* the pair on view (0-based) and how many */
	const rl_pair *p;
	size_t change, nchanges;   /* change `change` of `nchanges` (0: none on screen) */
	rl_summary summary;
	unsigned percent;          /* how far down the top of the screen is */
	bool at_top, at_end;
	const char *filter;        /* which kinds are highlighted, NULL for all */
	bool unified;
	bool fold_case, ignore_punct, fold_typography;
	bool searching;            /* a search's match is on: match `match` of `nmatches` */
	size_t match, nmatches;
	size_t folds;              /* stretches folded by z */
	size_t furniture[2];       /* lines of page furniture dropped from each side */
} rl_status_info;

void rl_view_status(const rl_view *v, rl_status_info *s);

/* The right-hand part of the status line, in ASCII: "[unified -i] match 2/9  4 folded  change
 * 3/13  ~47 -3 +5 m0 q1  sim 89%  furniture 12|4  12%" ("match k/N" while a search has a match,
 * "N folded" while z folds N stretches, "furniture OLD|NEW" the lines of page furniture dropped; on the file list: "[-i] file 3/13  Top"), with "  coarse" after the
 * similarity when the engine's cost bound cut a search short. Higher details leave out, in turn, the counts,
 * the similarity, and the mode and the coarse note, for narrow screens. Returns the length
 * written (truncated to fit n). */
#define RL_STATUS_DETAILS 4
size_t rl_status_format(const rl_status_info *s, unsigned detail, char *buf, size_t n);


/* The help overlay's lines: keys (NULL for a line of prose) and text. */
size_t rl_view_help_count(void);
void rl_view_help_line(size_t i, const char **keys, const char **text);
/* A legend line's sample, to draw in a role's colour (rl_role) before its text: false for a
 * line without one. */
bool rl_view_help_sample(size_t i, const char **sample, int *role);

#endif
