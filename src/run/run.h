/* run.h: the run room's face, the one header main includes. A runner takes the parsed command line
 * (cli/cli.h), reads the sides (input/input.h, doc/doc.h), compares them (diff/), and shows the
 * result: in the viewer (ui/) when the terminal can, else printed (print/print.h).
 *
 *   run_pair.h  OLD NEW, and --extract FILE
 *   run_list.h  lists of pairs (--git, --history, two directories, git's external diff) and
 *               more than two versions (--base)
 *   show.h      what both runners share: one comparison printed or viewed, a printed list, the
 *               error line and the exit statuses
 *   thai.h      Thai words from libthai's dictionary, the word breaker rl_run_cli hands to diff/
 *
 * Private to the room: pairsrc.h (a list of pairs as the viewer's pair source). tty.h (the
 * terminal and what it can take) comes in with show.h's declarations; only the runners use it. */
#ifndef REDLINE_RUN_H
#define REDLINE_RUN_H

#include "run_list.h"
#include "run_pair.h"
#include "show.h"
#include "thai.h"

/* Compare and show what the command line asks for, with the runner that fits it (--extract, more
 * than two versions or --base, a list, one pair), Thai broken into words by libthai. Returns the
 * exit status; *sig is the signal that ended the viewer (0 if none), for main to re-raise. */
int rl_run_cli(const rl_cli *cli, int *sig);

#endif
