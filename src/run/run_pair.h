/* run_pair.h: the runner for one pair of files (OLD NEW: files, "-", REV:path).
 *
 * It reads both sides, then shows them in the viewer when the terminal can (tty.h), else prints
 * them in the format asked for (show.h): a binary verdict, or the comparison. When git difftool
 * runs redline once per file, the comparison gets a header as in a list, and the viewer's status
 * line says which file of how many. Apart from main.c so that main stays "parse, pick a runner,
 * exit". Nothing here exits. */
#ifndef REDLINE_RUN_PAIR_H
#define REDLINE_RUN_PAIR_H

#include "cli/cli.h"

/* Compare cli->paths[0] and [1] (named by cli->labels when given). Returns the exit status
 * (RL_EXIT_*); *sig: the signal that ended the viewer, or left as it was. */
int rl_run_pair(const rl_cli *cli, int *sig);

/* --extract FILE: the text extracted from the file (its bytes, for plain text) to standard
 * output; control characters are shown as '?' when that is a terminal. Returns the exit
 * status. */
int rl_run_extract(const rl_cli *cli);

#endif
