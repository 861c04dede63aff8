/* Signals and the viewer, in a private tmux server: whatever a signal does, the terminal is the
 * shell's again when the viewer is not on it, and the viewer repaints and answers keys when it
 * is back. (SIGTERM, SIGHUP, Ctrl-C and a crash are in test_tui.c.) */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "tmux.h"

#define ORIGINAL "examples/lighthouse-1-original.txt"
#define SPUN "examples/lighthouse-2-spun.txt"

/* Generous: the machine running the tests may be busy (and the viewer may be under ASan). */
#define WAIT 20.0
#define PROMPT "shell$ "
#define PROMPT_SHOWN "shell$"  /* trailing spaces are not captured */

TestSuite(tui_signals, .init = tmux_suite_init, .fini = tmux_suite_fini,
          .timeout = 1800);

static pid_t redline_pid(const tmux *t)
{
	char *pid = tmux_read(t, "pid");
	cr_assert_not_null(pid);
	pid_t p = (pid_t)atol(pid);
	free(pid);
	cr_assert_gt(p, 1);
	return p;
}

/* The first line of the right pane at width w starts with `text` (side by side: the panes
 * split what the gutter leaves). */
static void expect_right_pane(const tmux *t, unsigned w, const char *text)
{
	char *l0 = tmux_line(t, 0);
	unsigned right = (w - 3) / 2 + 3;
	cr_assert(strlen(l0) >= right + strlen(text) &&
	          strncmp(l0 + right, text, strlen(text)) == 0,
	          "not side by side at %u columns: %s", w, l0);
	free(l0);
}

/* A key still works: j scrolls away from the top. */
static void expect_responsive(const tmux *t)
{
	tmux_keys(t, false, "j");
	cr_assert(tmux_wait_gone(t, "Top", WAIT), "j did not scroll");
}

Test(tui_signals, sigint_restores_the_terminal)
{
	tmux t = {0};
	tmux_redline(&t, 100, 24, SOURCE_DIR, TMUX_UTF8_ENV, ORIGINAL " " SPUN);
	tmux_expect_frame(&t, 100, 24, WAIT);
	cr_assert_eq(kill(redline_pid(&t), SIGINT), 0);
	tmux_expect_restored(&t, "exit=130", WAIT);
	tmux_stop(&t);
}

/* Several versions, and a list of files, end by a signal the same way: the exit status says so
 * (it said 0 when main read the signal before the runner had set it). */
Test(tui_signals, sigint_ends_several_versions_and_a_list_with_130)
{
	const char *operands[] = {ORIGINAL " " SPUN " " ORIGINAL, "examples tests/hostile"};
	for (size_t k = 0; k < sizeof operands / sizeof *operands; k++) {
		tmux t = {0};
		tmux_redline(&t, 100, 24, SOURCE_DIR, TMUX_UTF8_ENV, operands[k]);
		if (k == 0)
			tmux_expect_frame(&t, 100, 24, WAIT);
		else
			cr_assert(tmux_wait(&t, " files", WAIT), "no file list");
		cr_assert_eq(kill(redline_pid(&t), SIGINT), 0);
		tmux_expect_restored(&t, "exit=130", WAIT);
		tmux_stop(&t);
	}
}

/* Wait for the shell's prompt after `after` on the screen. */
static void expect_prompt_after(const tmux *t, const char *after)
{
	if (!tmux_wait_after(t, after, PROMPT_SHOWN, WAIT)) {
		char *s = tmux_screen(t, false);
		cr_assert_fail("no prompt after '%s':\n%s", after, s);
	}
}

/* Ctrl-Z in an interactive shell with job control: the shell gets a sane terminal (normal
 * screen, cursor, no keypad or mouse mode, its own terminal modes); the window is resized while
 * the viewer is stopped; fg brings it back painted at the new size, and keys (an arrow too:
 * keypad mode is back) work. */
Test(tui_signals, ctrl_z_stops_and_fg_resumes)
{
	tmux t = {0};
	char cmd[512], line[1024];
	tmux_prepare(&t);
	/* HISTFILE empty: the shell saves no history in $D when tmux_stop's SIGHUP ends it, where it
	 * raced with the removal of $D ("Directory not empty"). */
	snprintf(cmd, sizeof cmd,
	         "exec env -i PATH=\"$PATH\" HOME=\"$D\" D=\"$D\" HISTFILE= " TMUX_UTF8_ENV
	         " PS1='" PROMPT "' bash --norc --noprofile -i");
	tmux_start(&t, 100, 24, cmd);
	tmux_expect(&t, PROMPT_SHOWN, WAIT);
	snprintf(line, sizeof line, "stty -g > \"$D/before\"; %s %s %s; echo \"exit=$?\"",
	         REDLINE_BIN, ORIGINAL, SPUN);
	tmux_keys(&t, true, line);
	tmux_keys(&t, false, "Enter");
	tmux_expect_frame(&t, 100, 24, WAIT);
	tmux_expect(&t, "change 1/", WAIT);

	tmux_keys(&t, false, "C-z");
	expect_prompt_after(&t, "Stopped");
	tmux_expect_modes(&t);
	tmux_keys(&t, true, "stty -g > \"$D/during\"; "
	                    "echo modes-$(cmp -s \"$D/before\" \"$D/during\" && echo same || echo differ)");
	tmux_keys(&t, false, "Enter");
	tmux_expect(&t, "modes-same", WAIT);

	tmux_resize(&t, 120, 30);
	tmux_keys(&t, true, "fg");
	tmux_keys(&t, false, "Enter");
	tmux_expect_frame(&t, 120, 30, WAIT);
	tmux_expect(&t, "change 1/", WAIT);
	expect_right_pane(&t, 120, "Board votes");
	char *alt = tmux_format(&t, "#{alternate_on}");
	cr_assert_str_eq(alt, "1", "the viewer is back on the alternate screen");
	free(alt);
	tmux_keys(&t, false, "Down");
	cr_assert(tmux_wait_gone(&t, "Top", WAIT), "the Down arrow did not scroll after fg");

	tmux_keys(&t, false, "q");
	tmux_expect(&t, "exit=1", WAIT);
	expect_prompt_after(&t, "exit=1");
	tmux_expect_modes(&t);
	tmux_stop(&t);
}

/* SIGSTOP cannot be caught: the viewer stops with the terminal as it is, and something else
 * writes on the screen meanwhile. SIGCONT repaints every cell. */
Test(tui_signals, sigcont_repaints_after_sigstop)
{
	tmux t = {0};
	char tty[64];
	tmux_redline(&t, 100, 24, SOURCE_DIR, TMUX_UTF8_ENV, ORIGINAL " " SPUN);
	tmux_expect_frame(&t, 100, 24, WAIT);
	pid_t pid = redline_pid(&t);
	cr_assert_eq(kill(pid, SIGSTOP), 0);
	int fd = open(tmux_pane_tty(&t, tty, sizeof tty), O_WRONLY | O_NOCTTY);
	cr_assert_geq(fd, 0, "%s", tty);
	static const char scribble[] = "\033[5;5HSCRIBBLED-WHILE-STOPPED\033[20;40HSCRIBBLED";
	cr_assert_eq(write(fd, scribble, sizeof scribble - 1), (ssize_t)(sizeof scribble - 1));
	close(fd);
	tmux_expect(&t, "SCRIBBLED-WHILE-STOPPED", WAIT);
	cr_assert_eq(kill(pid, SIGCONT), 0);
	cr_assert(tmux_wait_gone(&t, "SCRIBBLED", WAIT), "SIGCONT did not repaint the screen");
	tmux_expect_frame(&t, 100, 24, WAIT);
	expect_responsive(&t);
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=1", WAIT);
	tmux_stop(&t);
}

/* xorshift32: the same storm on every run. */
static uint32_t next_rand(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

#define STORM 1000
#define BURST 50

/* A storm of 1,000 resizes with random sizes, 1×1 among them, without a pause. tmux coalesces
 * the resizes of its windows (it tells the program at most a few times a second), so the
 * terminal's size is also changed underneath it, with TIOCSWINSZ on the pane's terminal: each
 * change sends the viewer a SIGWINCH. Afterwards the viewer is alive, paints a frame of the final
 * size and answers keys. */
Test(tui_signals, a_storm_of_resizes)
{
	tmux t = {0};
	char tty[64];
	static unsigned sizes[STORM][2];
	uint32_t seed = 20250304;
	tmux_redline(&t, 100, 30, SOURCE_DIR, TMUX_UTF8_ENV, ORIGINAL " " SPUN);
	tmux_expect_frame(&t, 100, 30, WAIT);
	pid_t pid = redline_pid(&t);
	for (size_t i = 0; i < STORM; i++) {
		sizes[i][0] = i % 100 == 7 ? 1 : 1 + next_rand(&seed) % 250;
		sizes[i][1] = i % 100 == 7 ? 1 : 1 + next_rand(&seed) % 80;
	}
	int fd = open(tmux_pane_tty(&t, tty, sizeof tty), O_RDWR | O_NOCTTY);
	cr_assert_geq(fd, 0, "%s", tty);
	for (size_t i = 0; i < STORM; i += BURST) {
		tmux_resize_many(&t, &sizes[i], BURST);
		for (size_t k = i; k < i + BURST; k++) {
			struct winsize ws = {.ws_row = (unsigned short)sizes[STORM - 1 - k][1],
			                     .ws_col = (unsigned short)sizes[STORM - 1 - k][0]};
			cr_assert_eq(ioctl(fd, TIOCSWINSZ, &ws), 0);
		}
	}
	/* The final size, the same for tmux and the terminal. */
	tmux_resize(&t, 97, 29);
	struct winsize final = {.ws_row = 29, .ws_col = 97};
	cr_assert_eq(ioctl(fd, TIOCSWINSZ, &final), 0);
	close(fd);
	cr_assert_eq(kill(pid, 0), 0, "the viewer died in the storm");
	tmux_expect_frame(&t, 97, 29, WAIT);
	tmux_expect(&t, "change 1/", WAIT);
	expect_right_pane(&t, 97, "Board votes");
	expect_responsive(&t);
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=1", WAIT);
	tmux_stop(&t);
}
