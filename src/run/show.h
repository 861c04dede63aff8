/* show.h: one comparison shown, the way both runners (run_pair.h, run_list.h) show it: printed in
 * the format asked for, one pair of a printed list under its header, or in the viewer; and the
 * error line and exit statuses they share.
 *
 * The runners decide what to compare and in which order; this is what they have in common, kept
 * in one place so that a pair printed alone and the same pair printed in a list cannot drift
 * apart. Nothing here exits: functions return an exit status (RL_EXIT_*) for main to use, having
 * printed the one-line message a failure deserves. */
#ifndef REDLINE_SHOW_H
#define REDLINE_SHOW_H

#include <stdbool.h>
#include <stddef.h>

#include "align.h"
#include "cli/cli.h"
#include "input/input.h"
#include "tty.h"

/* Exit statuses, as diff's. */
#define RL_EXIT_SAME 0
#define RL_EXIT_DIFFERENT 1
#define RL_EXIT_TROUBLE 2

/* "redline: MSG" on standard error, MSG made safe to print (it may hold a file name). */
void rl_error_line(const char *msg);

/* Is this pair one not to diff: a binary side, unless -a? */
bool rl_binary_pair(const rl_cli *cli, const rl_source *a, const rl_source *b);

/* Binary inputs are not diffed, as diff does: a one-line verdict, exit 0 or 1. --json gets a
 * JSON document saying so (print.h), whether or not the bytes differ. */
int rl_show_binary(const rl_cli *cli, const rl_source src[2]);

/* The alignment of src in the format of the command line, to standard output. Returns 0, or -1
 * after an error line. */
int rl_show_alignment(const rl_cli *cli, const rl_alignment *al, const rl_source src[2]);

/* The viewer's result as an exit status, or -1 when curses could not start on this terminal or
 * the first pair cannot be compared (the caller prints instead). */
int rl_show_view_status(int rc, bool differ);

/* Consecutive sources in the viewer as pairs of documents: (0, 1), (1, 2), ...; label: the status
 * line's name for a single pair (NULL: none). Returns the exit status, or -1 (the caller prints
 * instead). *sig: a signal that ended the viewer. */
int rl_show_view(const rl_cli *cli, const rl_source *src, size_t n, const char *label,
                 const rl_vterm *vt, int *sig);

/* Each source after the first against the first, in the viewer: (0, 1), (0, 2), ... (--base).
 * Returns as rl_show_view. */
int rl_show_view_base(const rl_cli *cli, const rl_source *src, size_t n, const rl_vterm *vt,
                      int *sig);

/* A list being printed: JSON documents need separators, and the exit status is the worst
 * pair's. */
typedef struct rl_listing {
	const rl_cli *cli;
	bool one_line_stat;  /* --stat: "NEW: figures", one line a pair, no header (--base) */
	size_t shown;    /* JSON documents written */
	size_t headers;  /* pair headers written (a blank line goes before all but the first) */
	int status;      /* RL_EXIT_SAME, RL_EXIT_DIFFERENT or RL_EXIT_TROUBLE */
	struct rl_report *report;  /* --html: the page being put together (print.h), or NULL */
} rl_listing;

/* A list run. When git runs redline once per file, the files after the first (its counter says
 * which) also get a blank line before their header. */
rl_listing rl_listing_start(const rl_cli *cli);

/* Make status the list's if it is worse. */
void rl_listing_worst(rl_listing *run, int status);

/* One pair of a list, read: its header, then its comparison in the chosen format; texts that do
 * not differ get one line saying so. version: the commit of NEW (--history), or NULL. */
void rl_listing_show(rl_listing *run, const rl_source src[2], const rl_version *version);

/* A pair of a list that is not compared (a submodule, an unmerged path, a side that cannot be
 * read): --html lists it in its contents with `what`; the other formats have said it already. */
void rl_listing_note(rl_listing *run, const char *old_name, const char *new_name,
                     const rl_version *version, const char *what);

/* The end of a list: the --html page (its contents, then every section), or JSON's closing bracket ("[]" when nothing was shown), standard output
 * flushed. Returns the list's exit status. */
int rl_listing_end(rl_listing *run);

#endif
