/* run_list.h: the runners for lists of pairs: --git, --history, two directories, git's external
 * diff, and more than two versions on the command line.
 *
 * Each builds its list (pairs.h: sides read only when shown), then opens the viewer on it when
 * the terminal can show it (tty.h), else prints every pair under its header (show.h), or with
 * --list names them. Apart from main.c so that main stays "parse, pick a runner, exit"; apart from
 * run_pair.c because a list has a title, a file list and a worst status to keep. Nothing here
 * exits: each returns an exit status (RL_EXIT_*) for main, and *sig, the signal that ended the
 * viewer, or 0. */
#ifndef REDLINE_RUN_LIST_H
#define REDLINE_RUN_LIST_H

#include "cli/cli.h"

/* --git, --history, two directories, git's external diff (RL_MODE_EXTDIFF: printed unless
 * --viewer, and exit status 0 for a difference, as git expects of an external diff). */
int rl_run_list(const rl_cli *cli, int *sig);

/* More than two files: consecutive versions, (1, 2), (2, 3)...; with --base ORIG, each version
 * against ORIG: (ORIG, 1), (ORIG, 2)... Each read once ("-" once too, standing for every "-"). */
int rl_run_versions(const rl_cli *cli, int *sig);

#endif
