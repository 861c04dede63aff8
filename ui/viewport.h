/* viewport.h: scroll arithmetic over the lines of rl_rows, and the lines of one screen.
 *
 * Pure: no curses. A position is a block and a line inside it, so that moving never needs the
 * lines of blocks it does not pass: scrolling a 10 MB document lays out what is shown and what is
 * walked past, nothing more. Both panes share one position; they are in step by construction. */
#ifndef REDLINE_VIEWPORT_H
#define REDLINE_VIEWPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rows.h"

typedef struct rl_pos {
	uint32_t block, line;
} rl_pos;

typedef struct rl_viewport {
	rl_pos top;       /* the first line on screen */
	unsigned height;  /* lines on screen, at least 1 */
} rl_viewport;

/* <0, 0, >0 as a is before, at or after b. */
int rl_pos_cmp(rl_pos a, rl_pos b);

/* Move *p by delta lines (negative: up), stopping at the first and the last line. *moved (may be
 * NULL) gets how far it went. A document without blocks has only (0, 0). */
int rl_pos_step(rl_rows *r, rl_pos *p, long delta, long *moved);

/* The last line of the document. */
int rl_pos_last(rl_rows *r, rl_pos *p);

/* Keep the top at or before the last full screen (a short document: its first line). */
int rl_vp_clamp(rl_viewport *vp, rl_rows *r);
/* Scroll by delta lines and clamp. */
int rl_vp_scroll(rl_viewport *vp, rl_rows *r, long delta);
/* A page down (dir > 0) or up, keeping RL_VP_OVERLAP lines of the previous page in view. */
int rl_vp_page(rl_viewport *vp, rl_rows *r, int dir);
#define RL_VP_OVERLAP 2
void rl_vp_home(rl_viewport *vp);
int rl_vp_end(rl_viewport *vp, rl_rows *r);
/* Put target `context` lines below the top (fewer at the start of the document), clamped. */
int rl_vp_place(rl_viewport *vp, rl_rows *r, rl_pos target, unsigned context);
/* Is p on screen? */
int rl_vp_visible(const rl_viewport *vp, rl_rows *r, rl_pos p, bool *yes);

/* One line of a screen. `br` and `row` stay valid until the rows are asked for other blocks. */
typedef struct rl_frame_line {
	const rl_blockrows *br;
	const rl_row *row;
	rl_pos pos;
	uint8_t side;  /* RL_LINE_* */
} rl_frame_line;

typedef struct rl_frame {
	rl_frame_line *v;
	size_t n, cap;
	bool at_end;  /* the document's last line is on screen */
} rl_frame;

/* The lines on screen, top to bottom (fewer than the height at the end of a short document). */
int rl_vp_frame(const rl_viewport *vp, rl_rows *r, rl_frame *f);
void rl_frame_free(rl_frame *f);

#endif
