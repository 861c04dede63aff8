/* The viewer under a real user's hands (issue 15): a signal or q while it compares again, keys
 * that pile up behind comparisons, bytes from the keyboard that are not UTF-8, and search on a
 * large text. No bound here is a wall-clock speed: waits are hang bounds in minutes, and "at
 * once" is measured in the viewer's own CPU time (/proc/PID/stat), against what one comparison
 * of the same pair cost it. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "large.h"
#include "tmux.h"

#define ORIGINAL "examples/lighthouse-1-original.txt"
#define SPUN "examples/lighthouse-2-spun.txt"

/* A hang bound, never a speed: the machine may be busy and the viewer under ASan. */
#define WAIT 300.0

TestSuite(tui_reliability, .init = tmux_suite_init, .fini = tmux_suite_fini,
          .timeout = 1800);

static pid_t redline_pid(const tmux *t)
{
	char *pid = NULL;
	for (int i = 0; i < 3000 && !(pid = tmux_read(t, "pid")); i++)
		usleep(100000);
	cr_assert_not_null(pid);
	pid_t p = (pid_t)atol(pid);
	free(pid);
	cr_assert_gt(p, 1);
	return p;
}

/* The CPU time (user + system) process pid has used, in seconds; -1 once it is gone. */
static double cpu_of(pid_t pid)
{
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	FILE *fp = fopen(path, "r");
	if (!fp)
		return -1;
	size_t n = fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	/* Fields after the command name (in parentheses, which may hold spaces): state is field 3,
	 * utime 14, stime 15. */
	const char *p = strrchr(buf, ')');
	unsigned long long ut = 0, st = 0;
	char state = 0;
	if (!p || sscanf(p + 2, "%c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &state, &ut,
	                 &st) != 3 || state == 'Z')
		return -1;
	return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

/* Wait until the viewer has used `more` seconds of CPU beyond `from` (it is comparing). */
static void wait_cpu(pid_t pid, double from, double more)
{
	for (int i = 0; i < (int)(WAIT * 100); i++) {
		double c = cpu_of(pid);
		cr_assert_geq(c, 0, "the viewer ended before comparing again");
		if (c >= from + more)
			return;
		usleep(10000);
	}
	cr_assert_fail("the viewer did not start comparing again");
}

/* Wait until the viewer is gone; returns the last CPU time seen while it lived. */
static double cpu_until_gone(pid_t pid)
{
	double last = cpu_of(pid);
	for (int i = 0; i < (int)(WAIT * 100); i++) {
		double c = cpu_of(pid);
		if (c < 0)
			return last;
		last = c;
		usleep(10000);
	}
	cr_assert_fail("the viewer did not end (last CPU time %.2f s)", last);
	return last;
}

/* About 4 MB of two-letter words, twice a differently seeded 2 MB: a pair that takes the engine
 * a long time (seconds under ASan) however fast the machine. */
static void two_words_twice(FILE *fp, uint64_t seed)
{
	large_two_words(fp, seed);
	large_two_words(fp, seed + 100);
}

/* The viewer on the slow pair; *cost is the CPU time its first comparison took (with reading and
 * starting, which only makes the bound below more generous). */
static pid_t start_slow(tmux *t, double *cost)
{
	char a[512], b[512], args[1100];
	tmux_prepare(t);
	large_write(a, sizeof a, t->dir, "slow-a.txt", two_words_twice, 1);
	large_write(b, sizeof b, t->dir, "slow-b.txt", two_words_twice, 2);
	snprintf(args, sizeof args, "%s %s", a, b);
	tmux_redline(t, 120, 30, SOURCE_DIR, TMUX_UTF8_ENV, args);
	tmux_expect_frame(t, 120, 30, WAIT);
	pid_t pid = redline_pid(t);
	*cost = cpu_of(pid);
	cr_assert_gt(*cost, 0.1, "the pair compared too fast to test anything (%.2f s)", *cost);
	return pid;
}

/* SIGTERM, Ctrl-C and q while the viewer compares again after i: it ends at once, the terminal
 * restored, having spent far less than a comparison's CPU time after the signal. (It used to
 * finish the comparison and then wait for a key before it looked at the signal.) */
Test(tui_reliability, a_signal_or_q_cuts_a_comparison_short)
{
	const struct {
		const char *key;  /* NULL: SIGTERM */
		const char *exit_line;
	} cases[] = {{NULL, "exit=143"}, {"C-c", "exit=130"}, {"q", "exit=1"}};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		tmux t = {0};
		double cost;
		pid_t pid = start_slow(&t, &cost);
		tmux_keys(&t, false, "i");
		wait_cpu(pid, cost, cost / 10);
		double at = cpu_of(pid);
		if (cases[k].key)
			tmux_keys(&t, false, cases[k].key);
		else
			cr_assert_eq(kill(pid, SIGTERM), 0);
		double last = cpu_until_gone(pid);
		cr_assert_lt(last - at, cost / 2,
		             "case %zu: %.2f s of CPU after the signal (a comparison costs %.2f s)", k,
		             last - at, cost);
		tmux_expect_restored(&t, cases[k].exit_line, WAIT);
		tmux_stop(&t);
	}
}

/* Twenty i then q, typed faster than the viewer compares: the toggles are coalesced (an even
 * number compares nothing) and q is honoured at once; it used to compare twenty times first. */
Test(tui_reliability, keys_do_not_pile_up_behind_comparisons)
{
	tmux t = {0};
	double cost;
	pid_t pid = start_slow(&t, &cost);
	tmux_keys(&t, false, "i i i i i i i i i i i i i i i i i i i i q");
	double last = cpu_until_gone(pid);
	cr_assert_lt(last - cost, 2 * cost, "%.2f s of CPU for twenty i and q (one comparison: %.2f s)",
	             last - cost, cost);
	tmux_expect_restored(&t, "exit=1", WAIT);
	tmux_stop(&t);
}

/* An odd number of toggles still compares, once: the last state is the one shown. */
Test(tui_reliability, the_last_toggle_state_is_compared)
{
	tmux t = {0};
	tmux_redline(&t, 120, 30, SOURCE_DIR, TMUX_UTF8_ENV, ORIGINAL " " SPUN);
	tmux_expect_frame(&t, 120, 30, WAIT);
	tmux_keys(&t, false, "i i i");
	tmux_expect(&t, "ignoring case: on", WAIT);
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=1", WAIT);
	tmux_stop(&t);
}

/* One byte that is not UTF-8 (a Latin-1 paste, an 8-bit Meta key) is dropped at once: the keys
 * after it work, in the view and in the / prompt. It used to swallow the next ~144 keys. */
Test(tui_reliability, a_byte_that_is_not_utf8_is_dropped)
{
	tmux t = {0};
	tmux_redline(&t, 100, 24, SOURCE_DIR, TMUX_UTF8_ENV, ORIGINAL " " SPUN);
	tmux_expect_frame(&t, 100, 24, WAIT);
	/* in the prompt: 0xFF, a Latin-1 "é" (0xE9) before a letter, then a word */
	tmux_keys(&t, false, "/");
	tmux_bytes(&t, "\xff", 1);
	tmux_bytes(&t, "\xe9" "x", 2);
	tmux_keys(&t, false, "BSpace");
	tmux_keys(&t, true, "harbor");
	cr_assert(tmux_wait_line(&t, 23, "/harbor", WAIT), "the prompt lost keys");
	tmux_keys(&t, false, "Escape");
	cr_assert(tmux_wait_gone(&t, "/harbor", WAIT), "Esc did not close the prompt");
	/* in the view: 0xFF then q */
	tmux_bytes(&t, "\xff", 1);
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=1", WAIT);
	tmux_stop(&t);
}

/* About 2 MB of prose words without a "z", on short lines; seed changes a word in 5,000. */
static void words_without_z(FILE *fp, uint64_t seed)
{
	static const char *words[] = {"the", "lighthouse", "keeper", "voted", "at", "night", "then",
	                              "sea", "board", "sold"};
	uint64_t s = 88172645463325252ULL;
	for (int i = 0; i < 300000; i++) {
		s ^= s << 13, s ^= s >> 7, s ^= s << 17;
		fputs(seed && i % 5000 == 0 ? "changed" : words[s % 10], fp);
		fputc(i % 12 == 11 ? '\n' : ' ', fp);
	}
}

/* A search that finds nothing reads the whole text (both sides, then again from the start):
 * one linear pass each, a few milliseconds of CPU. It used to take seconds
 * on a megabyte (the first letter, ignoring case, looked for in upper case from every candidate
 * to the end of the text). */
Test(tui_reliability, search_on_a_large_text_is_one_pass)
{
	tmux t = {0};
	char a[512], b[512], args[1100];
	tmux_prepare(&t);
	large_write(a, sizeof a, t.dir, "words-a.txt", words_without_z, 0);
	large_write(b, sizeof b, t.dir, "words-b.txt", words_without_z, 1);
	snprintf(args, sizeof args, "%s %s", a, b);
	tmux_redline(&t, 120, 30, SOURCE_DIR, TMUX_UTF8_ENV, args);
	tmux_expect_frame(&t, 120, 30, WAIT);
	pid_t pid = redline_pid(&t);
	double cost = cpu_of(pid);
	tmux_keys(&t, true, "/tz");
	tmux_keys(&t, false, "Enter");
	tmux_expect(&t, "not found: tz", WAIT);
	double used = cpu_of(pid) - cost;
	/* CPU, not wall-clock: a few milliseconds here, tens under ASan; the old search 6.5 s */
	cr_assert_lt(used, 2.0 + cost, "%.2f s of CPU for one search (the comparison: %.2f s)", used,
	             cost);
	/* and a match is found and shown */
	tmux_keys(&t, true, "/changed");
	tmux_keys(&t, false, "Enter");
	tmux_expect(&t, "changed", WAIT);
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=1", WAIT);
	tmux_stop(&t);
}
