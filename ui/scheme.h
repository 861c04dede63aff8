/* scheme.h: how the viewer shows each role and each piece of its own chrome, per colour scheme.
 *
 * Pure: styles are colour numbers and attribute bits; the terminal module turns them into curses
 * colour pairs. Roles come from theme.h (the layout's vocabulary); faces are the viewer's own
 * (status line, search match, selection...). Every scheme, monochrome included, keeps each kind
 * of change distinguishable: without colour by attributes, and by the layout's change markers. */
#ifndef REDLINE_SCHEME_H
#define REDLINE_SCHEME_H

#include <stdbool.h>
#include <stdint.h>

#include "theme.h"

typedef enum rl_scheme {
	RL_SCHEME_MONO,  /* no colour: attributes and markers */
	RL_SCHEME_8,     /* the eight ANSI colours */
	RL_SCHEME_256,   /* the xterm 256-colour palette */
} rl_scheme;

/* Attribute bits. */
enum {
	RL_A_BOLD = 1 << 0,
	RL_A_UNDERLINE = 1 << 1,
	RL_A_REVERSE = 1 << 2,
	RL_A_DIM = 1 << 3,
};

/* A colour is a palette number, or RL_COLOR_DEFAULT for the terminal's own. */
#define RL_COLOR_DEFAULT (-1)

typedef struct rl_style {
	int16_t fg, bg;
	uint8_t attrs;  /* RL_A_* */
} rl_style;

typedef enum rl_face {
	RL_FACE_TEXT,      /* plain document text and blank space */
	RL_FACE_STATUS,    /* the status line */
	RL_FACE_MESSAGE,   /* a transient message in the status line */
	RL_FACE_ERROR,     /* a transient error message */
	RL_FACE_MATCH,     /* the current search match */
	RL_FACE_HIT,       /* the other matches on screen */
	RL_FACE_FOLD,      /* the one line of a fold, and page furniture */
	RL_FACE_SELECT,    /* the gutter beside the selected change */
	RL_FACE_ESCAPE,    /* a control character drawn as a visible escape (^[, <U+202E>) */
	RL_FACE_HELP,      /* the help overlay */
	RL_FACE_HELP_KEY,  /* key names in the help overlay */
	RL_FACE_CURSOR,    /* the line under the cursor in the file list */
	RL_FACE_COUNT
} rl_face;

/* The scheme for a terminal with `colors` colours (terminfo's count; <= 0 none). no_color: the
 * user asked for none (NO_COLOR, --color=never). */
rl_scheme rl_scheme_pick(int colors, bool no_color);

/* Does the scheme need the layout's change markers to keep changes readable? */
bool rl_scheme_markers(rl_scheme s);

rl_style rl_scheme_role(rl_scheme s, rl_role role);
rl_style rl_scheme_face(rl_scheme s, rl_face face);

#endif
