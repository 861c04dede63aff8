/* scheme.c: the styles of roles and faces in each scheme. */
#include "scheme.h"

/* The eight ANSI colours, by number (the same in every terminal that has colour). */
enum { BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE };

#define D RL_COLOR_DEFAULT
#define STYLE(fg, bg, attrs) ((rl_style){(int16_t)(fg), (int16_t)(bg), (uint8_t)(attrs)})

rl_scheme rl_scheme_pick(int colors, bool no_color)
{
	if (no_color || colors < 8)
		return RL_SCHEME_MONO;
	return colors >= 256 ? RL_SCHEME_256 : RL_SCHEME_8;
}

bool rl_scheme_markers(rl_scheme s)
{
	return s == RL_SCHEME_MONO;
}

/* Without colour: deletions and insertions in reverse video (each sits on its own side),
 * rewrites underlined, moves bold and underlined, quotations bold in reverse, formatting
 * changes dim and underlined (quiet: the words are the same), derived summary lines reversed
 * and underlined. */
static rl_style mono_role(rl_role role)
{
	switch (role) {
	case RL_ROLE_DELETE: case RL_ROLE_INSERT: return STYLE(D, D, RL_A_REVERSE);
	case RL_ROLE_REWRITE: return STYLE(D, D, RL_A_UNDERLINE);
	case RL_ROLE_MOVE: return STYLE(D, D, RL_A_BOLD | RL_A_UNDERLINE);
	case RL_ROLE_QUOTE: return STYLE(D, D, RL_A_BOLD | RL_A_REVERSE);
	case RL_ROLE_FORMAT: return STYLE(D, D, RL_A_DIM | RL_A_UNDERLINE);
	case RL_ROLE_DERIVED: return STYLE(D, D, RL_A_REVERSE | RL_A_UNDERLINE);
	case RL_ROLE_GUTTER: return STYLE(D, D, RL_A_BOLD);
	case RL_ROLE_SOFT: return STYLE(D, D, RL_A_DIM);
	default: return STYLE(D, D, 0);
	}
}

/* Eight colours: black text on a coloured ground reads on dark and light terminals alike. */
static rl_style ansi_role(rl_role role)
{
	switch (role) {
	case RL_ROLE_DELETE: return STYLE(BLACK, RED, 0);
	case RL_ROLE_INSERT: return STYLE(BLACK, GREEN, 0);
	case RL_ROLE_REWRITE: return STYLE(BLACK, YELLOW, 0);
	case RL_ROLE_MOVE: return STYLE(BLACK, CYAN, 0);
	case RL_ROLE_QUOTE: return STYLE(WHITE, MAGENTA, RL_A_BOLD);
	case RL_ROLE_FORMAT: return STYLE(D, D, RL_A_DIM | RL_A_UNDERLINE);  /* no ground: quiet */
	case RL_ROLE_DERIVED: return STYLE(WHITE, BLUE, 0);
	case RL_ROLE_GUTTER: return STYLE(D, D, RL_A_BOLD);
	case RL_ROLE_SOFT: return STYLE(BLUE, D, 0);
	default: return STYLE(D, D, 0);
	}
}

/* 256 colours: light text on dark, muted grounds, so that a paragraph with twenty changes still
 * reads as prose. */
static rl_style xterm_role(rl_role role)
{
	switch (role) {
	case RL_ROLE_DELETE: return STYLE(224, 88, 0);
	case RL_ROLE_INSERT: return STYLE(194, 22, 0);
	case RL_ROLE_REWRITE: return STYLE(230, 58, 0);
	case RL_ROLE_MOVE: return STYLE(195, 24, 0);
	case RL_ROLE_QUOTE: return STYLE(225, 90, RL_A_BOLD);
	case RL_ROLE_FORMAT: return STYLE(110, D, RL_A_UNDERLINE);  /* muted blue, underlined */
	case RL_ROLE_DERIVED: return STYLE(189, 60, 0);
	case RL_ROLE_GUTTER: return STYLE(214, D, RL_A_BOLD);
	case RL_ROLE_SOFT: return STYLE(244, D, 0);
	default: return STYLE(D, D, 0);
	}
}

rl_style rl_scheme_role(rl_scheme s, rl_role role)
{
	switch (s) {
	case RL_SCHEME_256: return xterm_role(role);
	case RL_SCHEME_8: return ansi_role(role);
	default: return mono_role(role);
	}
}

static rl_style mono_face(rl_face face)
{
	switch (face) {
	case RL_FACE_STATUS: return STYLE(D, D, RL_A_REVERSE);
	case RL_FACE_MESSAGE: return STYLE(D, D, RL_A_REVERSE | RL_A_BOLD);
	case RL_FACE_ERROR: return STYLE(D, D, RL_A_REVERSE | RL_A_BOLD | RL_A_UNDERLINE);
	case RL_FACE_MATCH: return STYLE(D, D, RL_A_REVERSE | RL_A_BOLD | RL_A_UNDERLINE);
	case RL_FACE_HIT: return STYLE(D, D, RL_A_BOLD | RL_A_UNDERLINE);
	case RL_FACE_FOLD: return STYLE(D, D, RL_A_DIM);
	case RL_FACE_SELECT: return STYLE(D, D, RL_A_REVERSE | RL_A_BOLD);
	case RL_FACE_ESCAPE: return STYLE(D, D, RL_A_BOLD);
	case RL_FACE_HELP_KEY: return STYLE(D, D, RL_A_BOLD);
	case RL_FACE_CURSOR: return STYLE(D, D, RL_A_REVERSE);
	default: return STYLE(D, D, 0);
	}
}

static rl_style ansi_face(rl_face face)
{
	switch (face) {
	case RL_FACE_STATUS: return STYLE(BLACK, WHITE, 0);
	case RL_FACE_MESSAGE: return STYLE(BLACK, WHITE, RL_A_BOLD);
	case RL_FACE_ERROR: return STYLE(RED, WHITE, RL_A_BOLD);
	case RL_FACE_MATCH: return STYLE(BLACK, WHITE, RL_A_BOLD | RL_A_UNDERLINE);
	case RL_FACE_HIT: return STYLE(WHITE, BLUE, RL_A_BOLD);
	case RL_FACE_FOLD: return STYLE(BLUE, D, 0);
	case RL_FACE_SELECT: return STYLE(BLACK, YELLOW, RL_A_BOLD);
	case RL_FACE_ESCAPE: return STYLE(MAGENTA, D, RL_A_BOLD);
	case RL_FACE_HELP: return STYLE(D, D, 0);
	case RL_FACE_HELP_KEY: return STYLE(YELLOW, D, RL_A_BOLD);
	case RL_FACE_CURSOR: return STYLE(BLACK, WHITE, RL_A_BOLD);
	default: return STYLE(D, D, 0);
	}
}

static rl_style xterm_face(rl_face face)
{
	switch (face) {
	case RL_FACE_STATUS: return STYLE(252, 237, 0);
	case RL_FACE_MESSAGE: return STYLE(231, 237, RL_A_BOLD);
	case RL_FACE_ERROR: return STYLE(210, 237, RL_A_BOLD);
	case RL_FACE_MATCH: return STYLE(16, 214, RL_A_BOLD);
	case RL_FACE_HIT: return STYLE(16, 180, 0);
	case RL_FACE_FOLD: return STYLE(244, 236, 0);
	case RL_FACE_SELECT: return STYLE(16, 214, RL_A_BOLD);
	case RL_FACE_ESCAPE: return STYLE(213, D, RL_A_BOLD);
	case RL_FACE_HELP: return STYLE(252, 235, 0);
	case RL_FACE_HELP_KEY: return STYLE(214, 235, RL_A_BOLD);
	case RL_FACE_CURSOR: return STYLE(231, 239, RL_A_BOLD);
	default: return STYLE(D, D, 0);
	}
}

rl_style rl_scheme_face(rl_scheme s, rl_face face)
{
	switch (s) {
	case RL_SCHEME_256: return xterm_face(face);
	case RL_SCHEME_8: return ansi_face(face);
	default: return mono_face(face);
	}
}
