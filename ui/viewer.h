/* viewer.h: the interactive viewer, as the program and the benchmark use it.
 *
 * rl_viewer_run is the whole thing: compare, take over the terminal, answer keys until q or a
 * signal, give the terminal back. The steps are public too, so that a benchmark can time the
 * first frame and each key's redraw on a terminal of its own. */
#ifndef REDLINE_VIEWER_H
#define REDLINE_VIEWER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "align.h"
#include "keymap.h"
#include "model.h"

typedef struct rl_viewer_opts {
	rl_diff_opts diff;
	int colors;      /* the terminal's colours (rl_viewer_usable says) */
	bool no_color;   /* NO_COLOR or --color=never: attributes and change markers only */
	bool ascii;      /* the locale cannot show UTF-8: ASCII stand-ins */
	bool mouse;      /* take the wheel and clicks */
	FILE *out, *in;  /* the terminal to draw on and read keys from (NULL: stdout, and keys from
	                    stdin when it is a terminal, else /dev/tty) */
	const char *notice;  /* said in the status line of the first frame (a --history cut short by
	                        a shallow clone); may be NULL */
} rl_viewer_opts;

typedef struct rl_viewer rl_viewer;

/* Can the viewer run here (stdout a usable terminal, keys readable)? *colors: its colours. */
bool rl_viewer_usable(int *colors);
/* Can it run on this terminal (opened by the caller: /dev/tty, for git's external diff)? */
bool rl_viewer_usable_on(FILE *tty, int *colors);
/* NULL, or why the viewer cannot run anywhere: ncursesw was looked for (once a usable terminal
 * was found) and cannot be loaded. One line, without "redline: " or a newline. */
const char *rl_viewer_missing(void);

/* Compare pairs[first] (before touching the terminal, so that an error leaves it alone). The
 * pairs are borrowed and must outlive the viewer. */
int rl_viewer_new(rl_viewer **out, const rl_pair *pairs, size_t npairs, size_t first,
                  const rl_viewer_opts *opts);
/* The same over a pair source (model.h): pairs read when shown, or a file list. The source's
 * ctx must outlive the viewer. RL_MODEL_CLOSED: its start pair cannot be compared. */
int rl_viewer_new_src(rl_viewer **out, const rl_pairsrc *src, const rl_viewer_opts *opts);
/* Take over the terminal on out (keys from in; NULL: stdin or /dev/tty) and paint the first
 * frame (opts->out and opts->in are for rl_viewer_run). Returns RL_OK; RL_EINVAL when curses
 * cannot start here (nothing was changed). */
int rl_viewer_start(rl_viewer *vw, FILE *out, FILE *in);
/* Answer keys until q or a terminating signal. */
int rl_viewer_loop(rl_viewer *vw);
/* One action and its frame, as a key would (for benchmarks). */
int rl_viewer_act(rl_viewer *vw, rl_action a);
/* Search forward for pat, as "/" pat Enter does, and paint (for benchmarks); n then steps. */
int rl_viewer_search(rl_viewer *vw, const char *pat, size_t n);
/* Give the terminal back as it was. */
void rl_viewer_stop(rl_viewer *vw);
void rl_viewer_free(rl_viewer *vw);

/* The signal that ended the loop (to re-raise once everything is cleaned up), or 0. */
int rl_viewer_signal(const rl_viewer *vw);
/* Does any pair differ (the exit status)? Compares pairs not yet compared. */
int rl_viewer_verdict(rl_viewer *vw, bool *differ);
/* Blocks laid out so far at the current geometry: what scrolling cost. */
size_t rl_viewer_laid_out(const rl_viewer *vw);

/* All of it, opening on pairs[first]: new, start, loop, stop, verdict. *signal gets the signal
 * that ended it, or 0. RL_EINVAL: curses could not start here (nothing was shown). */
int rl_viewer_run(const rl_pair *pairs, size_t npairs, size_t first, const rl_viewer_opts *opts,
                  bool *differ, int *signal);
int rl_viewer_run_src(const rl_pairsrc *src, const rl_viewer_opts *opts, bool *differ,
                      int *signal);

#endif
