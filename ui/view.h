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

#include "filelist.h"
#include "keymap.h"
#include "model.h"
#include "rows.h"
#include "viewport.h"

/* Below this the viewer shows a notice instead of the documents. */
#define RL_VIEW_MIN_COLS 20
#define RL_VIEW_MIN_LINES 6
/* Below this width the two panes give way to one unified column. */
#define RL_VIEW_SBS_COLS 80
/* Columns between the panes (" | ") and before the unified column ("- "). */
#define RL_VIEW_GUTTER 3
#define RL_VIEW_UGUTTER 2
/* Lines the wheel scrolls per notch. */
#define RL_VIEW_WHEEL 3
#define RL_VIEW_PATTERN_MAX 256
#define RL_VIEW_MSG_MAX 256

/* Where things are on the screen. */
typedef struct rl_geom {
	bool unified;
	unsigned pane;     /* text columns of a pane */
	unsigned left;     /* first column of the left (or only) pane */
	unsigned gutter;   /* first column of the gutter */
	unsigned right;    /* first column of the right pane (side by side) */
	unsigned body;     /* lines of text: all but the status line */
} rl_geom;

/* The current search match, in one side's text. */
typedef struct rl_match {
	bool on;
	int side;
	size_t off, len;
} rl_match;

typedef struct rl_view {
	rl_model *model;       /* borrowed */
	rl_rows *rows;         /* owned: the lines at the current geometry */
	rl_viewport vp;
	rl_frame frame;        /* the lines on screen, refreshed by rl_view_frame */
	unsigned cols, lines;  /* the terminal's size */
	rl_geom geom;
	bool too_small;
	bool unified_wanted;   /* the u toggle (narrow terminals are unified anyway) */
	unsigned filter;       /* position in the Tab cycle of highlighted kinds */
	const uint32_t *changes;  /* change blocks under the filter (borrowed from the model) */
	size_t nchanges;
	/* the selected change: a block, and the op clicked or jumped to (UINT32_MAX: none) */
	bool selected;
	uint32_t sel_block, sel_op;
	/* search: the pattern n and N repeat while `searching` */
	char pattern[RL_VIEW_PATTERN_MAX];
	size_t plen;
	bool searching, search_back;
	rl_match match;
	/* s: the summary line jumped from (its NEW tokens), while its source is shown */
	bool at_source;
	uint32_t src_b0, src_b1;
	/* the search prompt being typed */
	bool prompt, prompt_back;
	char input[RL_VIEW_PATTERN_MAX];
	size_t ilen;
	/* the help overlay and its scroll position */
	bool help;
	unsigned help_top;
	/* a message for the status line until the next key */
	char msg[RL_VIEW_MSG_MAX];
	bool msg_error;
	bool redraw;           /* the next frame repaints every cell (Ctrl-L) */
	bool mouse_toggle;     /* M: the loop turns mouse reporting off or on */
	bool quit;
	/* the file list, on screen while `listing` (the model's pair, if one is open, waits) */
	bool listing;
	rl_listnav list;
	rl_list_line *lframe;  /* the list's lines on screen, refreshed by rl_view_frame */
	size_t nlframe, lframe_cap;
} rl_view;

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
} rl_status_info;

void rl_view_status(const rl_view *v, rl_status_info *s);

/* The right-hand part of the status line, in ASCII: "[unified -i] change 3/13  ~47 -3 +5 m0 q1
 * sim 89%  12%" (on the file list: "[-i] file 3/13  Top"), with "  coarse" after the similarity
 * when the engine's cost bound cut a search short. Higher details leave out, in turn, the counts,
 * the similarity, and the mode and the coarse note, for narrow screens. Returns the length
 * written (truncated to fit n). */
#define RL_STATUS_DETAILS 4
size_t rl_status_format(const rl_status_info *s, unsigned detail, char *buf, size_t n);

/* Set the status line's message (until the next action). */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void rl_view_message(rl_view *v, bool error, const char *fmt, ...);

/* The role bits the Tab filter highlights now. */
unsigned rl_view_mask(const rl_view *v);

/* The help overlay's lines: keys (NULL for a line of prose) and text. */
size_t rl_view_help_count(void);
void rl_view_help_line(size_t i, const char **keys, const char **text);
/* A legend line's sample, to draw in a role's colour (rl_role) before its text: false for a
 * line without one. */
bool rl_view_help_sample(size_t i, const char **sample, int *role);

#endif
