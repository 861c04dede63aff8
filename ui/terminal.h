/* terminal.h: the terminal: starting and ending curses, colours, input, signals, and the one routine
 * that puts document text on the screen.
 *
 * One of the four files that call curses (terminal, pane, statusline, loop), through the table of
 * curseslib.h (ncursesw is loaded when the viewer starts). Every byte that came
 * from a document or a file name reaches the screen through rl_term_put, which draws controls,
 * escape sequences, bidi overrides and invalid bytes as visible escapes. The terminal is restored
 * on every way out: rl_term_end, a terminating signal (handled by the loop), and fatal signals
 * (restored from the handler with async-signal-safe calls only), and for the time of a stop
 * (Ctrl-Z, handled by the loop too). */
#ifndef REDLINE_TERMINAL_H
#define REDLINE_TERMINAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "curseslib.h"
#include "scheme.h"
#include "text.h"
#include "theme.h"

typedef struct rl_term {
	SCREEN *screen;
	int fd;                 /* the terminal drawn on */
	FILE *in;               /* keys come from here: stdin when it is a terminal, else /dev/tty */
	bool own_in;            /* we opened `in` */
	rl_scheme scheme;
	bool ascii;             /* the locale cannot show UTF-8: ASCII stand-ins of equal width */
	bool mouse;
	attr_t role[RL_ROLE_COUNT];
	attr_t face[RL_FACE_COUNT];
} rl_term;

/* Can the viewer run on fd: a terminal, TERM set and not dumb, ncursesw loaded (rl_curses_load:
 * it is tried here, once a terminal is found), a terminfo entry with cursor addressing, and a
 * terminal to read keys from (for stdout: stdin or /dev/tty; another out_fd is read itself)?
 * *colors gets terminfo's colour count. */
bool rl_term_usable(int out_fd, int *colors);

/* Enter curses on out (a terminal), reading keys from in (NULL: stdin if it is a terminal, else
 * /dev/tty). Installs the signal handlers first. Returns 0, or -1 leaving the terminal as it was. */
int rl_term_start(rl_term *t, FILE *out, FILE *in, rl_scheme scheme, bool ascii, bool mouse);
/* Leave curses and restore the terminal and the signal handlers. Safe to call twice. */
void rl_term_end(rl_term *t);

/* Turn mouse reporting on (clicks and the wheel only: button presses, SGR encoding, never motion)
 * or off, so that the terminal's own selection works. */
void rl_term_set_mouse(rl_term *t, bool on);

/* The terminal's size now. */
void rl_term_size(unsigned *cols, unsigned *rows);

/* A terminating signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) that arrived since rl_term_start, or 0.
 * The handler only records it; the loop leaves and main re-raises it after cleaning up. */
int rl_term_signal(void);

/* Should a long comparison stop now: a terminating signal came, or (keys) Ctrl-Z or a key is
 * waiting to be read? Cheap enough to ask every few milliseconds (one poll(2)). */
bool rl_term_interrupted(const rl_term *t, bool keys);

/* Job control, acted on here rather than in the handlers (which only set flags): after Ctrl-Z
 * (SIGTSTP) the terminal is given back and the process stops; once continued (SIGCONT: the
 * shell's fg, or a kill after SIGSTOP) curses takes the terminal again at its current size.
 * Returns true when that happened: the caller lays out for rl_term_size and paints a frame, which
 * repaints every cell. */
bool rl_term_job_control(rl_term *t);

/* Input, one event at a time. */
typedef enum rl_input_kind {
	RL_IN_NONE,    /* nothing within the timeout (or an interrupted read) */
	RL_IN_CHAR,    /* a character: `key` is its code point (control characters included) */
	RL_IN_KEY,     /* a function key: `key` is a KEY_* code */
	RL_IN_WHEEL,   /* `wheel` notches, > 0 down */
	RL_IN_CLICK,   /* a button 1 press at (y, x) */
	RL_IN_RESIZE,
} rl_input_kind;

typedef struct rl_input {
	rl_input_kind kind;
	int key;
	int wheel;
	int y, x;
} rl_input;

/* Wait at most timeout_ms (< 0: until something happens) for one event. */
void rl_term_read(rl_input *in, int timeout_ms);

/* Draw one grapheme of document text s (g as rl_grapheme_next read it) at the cursor of w, in
 * exactly g->width columns: escapes as their visible form in esc_attr, text the locale or the
 * terminal's character widths cannot show as an ASCII stand-in. */
void rl_term_put(WINDOW *w, const rl_term *t, const char *s, const rl_grapheme *g, attr_t attr,
                 attr_t esc_attr);
/* Draw document-derived text s[0..n) at the cursor, at most maxcols columns (whole graphemes).
 * Returns the columns drawn. */
unsigned rl_term_text(WINDOW *w, const rl_term *t, const char *s, size_t n, unsigned maxcols,
                      attr_t attr);

/* Columns document-derived text s takes when drawn (escapes included). */
unsigned rl_term_width(const char *s);
/* A name (a path) in at most `room` columns: its end, which tells files apart, behind a mark
 * when cut. Whole leading directories go first; the file name itself is cut only when it must
 * be. Returns the columns drawn. */
unsigned rl_term_name(WINDOW *w, const rl_term *t, const char *name, unsigned room, attr_t a);
/* "old -> new" (an arrow in UTF-8) in at most `room` columns, each name cut as above, the room
 * shared so that the shorter one stays whole when it can. */
void rl_term_names(WINDOW *w, const rl_term *t, const char *old_name, const char *new_name,
                   unsigned room, attr_t a);

#endif
