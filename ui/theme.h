/* theme.h: what a run of text means to a reader (its role), and how printed output shows it.
 *
 * Roles are the one vocabulary between the layout and anything that draws: the viewer maps them
 * to curses attributes, the printers to SGR sequences or markers. No drawing code names a colour. */
#ifndef REDLINE_THEME_H
#define REDLINE_THEME_H

#include "layout.h"

typedef enum rl_role {
	RL_ROLE_PLAIN,    /* unchanged text */
	RL_ROLE_DELETE,   /* deleted words (OLD side) */
	RL_ROLE_INSERT,   /* inserted words (NEW side) */
	RL_ROLE_REWRITE,  /* rewritten words (both sides) */
	RL_ROLE_MOVE,     /* a moved passage, at either end */
	RL_ROLE_QUOTE,    /* a quotation removed, added, altered or elided */
	RL_ROLE_FORMAT,   /* the same words, formatted otherwise (emphasis, a link's target) */
	RL_ROLE_DERIVED,  /* NEW's words of a unit drawn from OLD's text elsewhere (a summary line),
	                   * and the tag naming where */
	RL_ROLE_GUTTER,   /* the change marks between the panes */
	RL_ROLE_SOFT,     /* the quiet mark of a paragraph break on the other side only */
	RL_ROLE_HEADER,   /* the line naming each pair of a list (--git, --history) */
	RL_ROLE_COUNT
} rl_role;

/* The role of a run. */
rl_role rl_role_of_run(const rl_run *run);

/* The SGR parameters ("1;31") that show a role in printed colour output; "" for plain. */
const char *rl_role_sgr(rl_role role);

#endif
