/* tmux.h: driving the real redline inside a private tmux server, as a person at a terminal.
 *
 * Each test gets its own server (tmux -L redline-test-PID), so tests run in parallel and never
 * touch a user's tmux. Screens are polled with a deadline, never read after a fixed sleep: the
 * machine may be loaded. A screen read after a wait shows what the wait waited for, and perhaps
 * no more: a frame reaches tmux in pieces, and a status line that lost a word may be a screen
 * being cleared before its repaint. So wait for what is then asserted, not for a sign of it. */
#ifndef REDLINE_TEST_TMUX_H
#define REDLINE_TEST_TMUX_H

#include <stdbool.h>
#include <stddef.h>

/* The title every pane starts with: a document's OSC 0 or 2 would change it. */
#define TMUX_TITLE "redline-test-title"

typedef struct tmux {
	char sock[64];    /* the -L socket name */
	char dir[64];     /* a private temporary directory (files the shell writes) */
} tmux;

/* Is tmux installed? */
bool tmux_available(void);
/* A viewer suite's init and fini: skip each test where tmux is not installed; stop every server
 * after it (TestSuite(name, .init = tmux_suite_init, .fini = tmux_suite_fini, ...)). */
void tmux_suite_init(void);
void tmux_suite_fini(void);
/* The terminal and locale most tests run the viewer in. */
#define TMUX_UTF8_ENV "TERM=xterm-256color LC_ALL=C.UTF-8"

/* Name the server and make the directory (tmux_start does it when not done yet). */
void tmux_prepare(tmux *t);
/* Start a server with one w×h window running the shell command `cmd` in the source directory.
 * The command runs under /bin/sh with $D set to t->dir. The pane's title is TMUX_TITLE, and the
 * server takes the clipboard from applications (set-clipboard on): OSC 52 makes a paste buffer. */
void tmux_start(tmux *t, unsigned w, unsigned h, const char *cmd);
/* The same in another directory. */
void tmux_start_in(tmux *t, unsigned w, unsigned h, const char *dir, const char *cmd);
/* Kill the server and remove the directory. */
void tmux_stop(tmux *t);
/* Stop every server this process started and has not stopped (for a test's teardown, which
 * runs after a failed assertion too). */
void tmux_stop_all(void);

/* The screen as text (escapes: with the SGR attributes, as capture-pane -e). Caller frees. */
char *tmux_screen(const tmux *t, bool escapes);
/* Line y of the screen (without attributes). Caller frees. */
char *tmux_line(const tmux *t, int y);
/* A tmux format about the pane ("#{alternate_on}"). Caller frees; trailing newline removed. */
char *tmux_format(const tmux *t, const char *fmt);

/* The paste buffers (list-buffers), "" when there is none. Caller frees. */
char *tmux_buffers(const tmux *t);
/* The terminal of the pane (/dev/pts/N) into buf. */
const char *tmux_pane_tty(const tmux *t, char *buf, size_t n);

/* Wait until the screen holds `needle` (true), or timeout_s seconds pass (false). */
bool tmux_wait(const tmux *t, const char *needle, double timeout_s);
/* The same on the screen with its attributes (capture-pane -e): "48;5;214mword". */
bool tmux_wait_escaped(const tmux *t, const char *needle, double timeout_s);
/* Wait until line y of the screen is `want`. */
bool tmux_wait_line(const tmux *t, int y, const char *want, double timeout_s);
/* Wait until line y of the screen starts with `prefix`. */
bool tmux_wait_line_starts(const tmux *t, int y, const char *prefix, double timeout_s);
/* Wait until a paste buffer holds `needle` (list-buffers shows its start). */
bool tmux_wait_buffer(const tmux *t, const char *needle, double timeout_s);
/* Wait until the screen holds `then` somewhere after `first`. */
bool tmux_wait_after(const tmux *t, const char *first, const char *then, double timeout_s);
/* Wait until the screen no longer holds `needle`. */
bool tmux_wait_gone(const tmux *t, const char *needle, double timeout_s);
/* Wait until a format's value equals `want`. */
bool tmux_wait_format(const tmux *t, const char *fmt, const char *want, double timeout_s);

/* Wait until the viewer shows a frame painted at w×h: h lines, the last its status line, as
 * wide as the terminal and ending with the position (Top, End, All, N%). A screen tmux merely
 * cropped to the new size does not pass. */
bool tmux_wait_frame(const tmux *t, unsigned w, unsigned h, double timeout_s);
/* The same, failing the test (showing the screen) when it does not come. */
void tmux_expect_frame(const tmux *t, unsigned w, unsigned h, double timeout_s);

/* send-keys: each argument a tmux key name ("n", "Enter", "Escape") or, with literal, text. */
void tmux_keys(const tmux *t, bool literal, const char *keys);
/* send-keys -H: raw bytes, for mouse reports. */
void tmux_bytes(const tmux *t, const char *bytes, size_t n);
/* Resize the window. */
void tmux_resize(const tmux *t, unsigned w, unsigned h);
/* Resize it n times, to sizes[i] = {w, h}, in one tmux command list (no pause between them). */
void tmux_resize_many(const tmux *t, const unsigned (*sizes)[2], size_t n);

/* Run a shell command in a w×h terminal, in dir, inside a shell that records the terminal modes
 * before and after, prints "exit=N" and then "modes-same" or "modes-differ" when the command
 * ends, and stays so that the screen can be read. Ctrl-C reaches the command, not that shell. */
void tmux_wrapped(tmux *t, unsigned w, unsigned h, const char *dir, const char *cmd);
/* The same for redline with `args` (shell words) under `env` (VAR=value words); its pid goes to
 * $D/pid. */
void tmux_redline(tmux *t, unsigned w, unsigned h, const char *dir, const char *env,
                  const char *args);

/* Wait for needle on the screen; fail the test, showing the screen, when it does not come. */
void tmux_expect(const tmux *t, const char *needle, double timeout_s);
/* The wrapped command ended with exit_line ("exit=1") and gave the terminal back as it was: the
 * normal screen, the cursor, no keypad or mouse mode, the same terminal modes. */
void tmux_expect_restored(const tmux *t, const char *exit_line, double timeout_s);
/* The terminal's modes as a shell expects them (the tmux side of tmux_expect_restored): the
 * normal screen, the cursor shown, keypad, mouse, insert and origin modes off, autowrap on, the
 * scrolling region the whole screen, and "exit=" (if shown) in plain attributes. */
void tmux_expect_modes(const tmux *t);

/* Write a file into t->dir; returns its path in buf. */
const char *tmux_file(const tmux *t, const char *name, const char *data, size_t len, char *buf,
                      size_t n);
/* Read a file of t->dir (NULL if absent). Caller frees. */
char *tmux_read(const tmux *t, const char *name);

#endif
