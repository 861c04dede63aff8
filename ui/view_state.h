/* view_state.h: the viewer's state, the one home of what view.c, view_nav.c and view_list.c
 * share, and the few helpers every part of the view uses (view_state.c).
 *
 * Pure: no curses. view.h is the public face (the actions, the status facts); view_nav.h the
 * finding of things; both build on this header and neither includes the other's. */
#ifndef REDLINE_VIEW_STATE_H
#define REDLINE_VIEW_STATE_H

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

/* A match of the pattern on screen (every one is highlighted, the current one apart). */
typedef struct rl_hit {
	int side;
	size_t off, len;
} rl_hit;
/* Matches highlighted on one screen at most. */
#define RL_VIEW_HITS_MAX 4096

/* A place in one side's text: what stays on screen across a new layout or comparison. */
typedef struct rl_anchor {
	bool on;
	int side;
	size_t byte;
	bool block_top;  /* the block started the screen: keep its start at the top */
} rl_anchor;

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
	size_t match_k, match_n;   /* the current match is match k of n (1-based; 0: not known) */
	rl_hit *hits;              /* the matches on screen, by side then byte (rl_view_frame) */
	size_t nhits, caphits;
	/* every shown match of the pattern, sorted by block, for match k/N: found once per pattern,
	 * mode and alignment (the key below), so that n and N stay cheap on a long text */
	struct rl_match_cache {
		char pattern[RL_VIEW_PATTERN_MAX];
		size_t plen;
		bool unified, valid;
		const void *al, *layout;  /* the alignment and layout they were found in */
		struct rl_match_at {
			uint32_t block;
			int side;
			size_t at;
		} *v;
		size_t n, cap;
	} mc;
	/* the current change: the selected one when on screen, else the first on screen; what the
	 * status line counts and the panes pick out (UINT32_MAX: none), refreshed by rl_view_frame */
	uint32_t cur_block;
	size_t cur_change;         /* its number, 1-based (0: none) */
	/* s: the summary line jumped from (its NEW tokens), while its source is shown */
	bool at_source;
	uint32_t src_b0, src_b1;
	/* z: unchanged stretches longer than a screen are folded (rows.h) */
	bool folded;
	/* p, i, t on and off come back to the same place: the anchor of the first toggle, kept while
	 * the screen stays where the last toggle put it */
	bool toggled;
	rl_anchor toggle_anchor;
	rl_pos toggle_top;
	size_t toggle_pair;
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

/* Set the status line's message (until the next action). */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void rl_view_message(rl_view *v, bool error, const char *fmt, ...);

/* The role bits the Tab filter highlights now. */
unsigned rl_view_mask(const rl_view *v);
/* The name of the Tab filter's kinds now, NULL for every change; how many filters the cycle
 * has. */
const char *rl_view_filter_name(const rl_view *v);
unsigned rl_view_filter_count(void);
/* The change blocks under the filter, from the model (after a comparison or a Tab). */
int rl_view_refresh_changes(rl_view *v);

#endif
