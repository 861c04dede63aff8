/* tty.h: the terminal redline writes to, and what it can take: columns, colour, UTF-8, the viewer.
 *
 * Every question the program asks of its environment (isatty, the window size, TERM, NO_COLOR,
 * COLUMNS, the locale, git's pager) is answered here, once, so that the runners (run_pair.h,
 * run_list.h) only decide what to show and the printers only how. Nothing here prints or exits. */
#ifndef REDLINE_TTY_H
#define REDLINE_TTY_H

#include <stdbool.h>
#include <stdio.h>

#include "cli/cli.h"
#include "viewer.h"

/* Columns for printed output: --width, standard output's terminal, $COLUMNS, the controlling
 * terminal's (output piped to a pager), or 160. */
unsigned rl_tty_width(const rl_cli *cli);

/* Colour in printed output: --color, else none under NO_COLOR or TERM=dumb, else when standard
 * output is a terminal or git's pager (which shows colour: less -R). */
bool rl_tty_color(const rl_cli *cli);

/* ASCII stand-ins: a terminal whose locale is not UTF-8 gets them; files and pipes get UTF-8. */
bool rl_tty_ascii(void);

/* The terminal the viewer runs on: standard output, or (--viewer) the controlling terminal. */
typedef struct rl_vterm {
	FILE *out, *in;  /* NULL: standard output, keys from stdin or /dev/tty; else owned */
	int colors;
	bool ascii;
} rl_vterm;

/* Should this comparison open the viewer: no output format asked for, a terminal that can show
 * it? With --viewer, the terminal is /dev/tty when standard output is not one (git's external
 * diff writes into git), unless git's pager holds the terminal. On true, *vt is the terminal and
 * rl_vterm_close releases it; on false there is nothing to release. */
bool rl_vterm_open(rl_vterm *vt, const rl_cli *cli);
void rl_vterm_close(rl_vterm *vt);

/* The viewer's options for this command line on that terminal (no colour under --color=never,
 * or NO_COLOR with auto). */
rl_viewer_opts rl_vterm_opts(const rl_vterm *vt, const rl_cli *cli);

#endif
