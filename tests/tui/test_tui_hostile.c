/* The hostile-input corpus in the viewer: every file of tests/hostile/ and the large inputs
 * (tests/large.c), in a private tmux server, at 80×24, at the smallest size that shows the
 * documents (20×6), below it (10×3 and 1×1), and large (200×50). At each size:
 *   - the pane's title is still the one the test gave it (OSC 0 and 2 would change it);
 *   - tmux holds no paste buffer (the server takes OSC 52 from applications here);
 *   - the screen, captured with its attributes, is safe for a terminal (term_check.c: text, and
 *     no escape but SGR). (Widths are tmux's business here: it keeps every line within the
 *     window, and may count a zero-width joiner otherwise than redline does.)
 * Each file is viewed as OLD against a normal text and, after ], as NEW; the terminal is
 * restored at the end. A canary shows that the checks see an attack: the same files written to
 * the terminal raw change the title and leave a paste buffer. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "large.h"
#include "term_check.h"
#include "tmux.h"

#define NORMAL "examples/lighthouse-1-original.txt"
/* A viewer that shows nothing after this long hangs: minutes, a hang bound and never a speed
 * (it once failed at 10 s on a loaded machine; tmux.c waits at least this long anyway). */
#define HANG_SECONDS 300.0
/* Waiting for a frame after a key or a resize: generous, the machine may be busy. */
#define WAIT 20.0
#define SLICES 4

TestSuite(tui_hostile, .init = tmux_suite_init, .fini = tmux_suite_fini,
          .timeout = 1800);

/* What must hold of the terminal whatever the viewer shows. */
static void check_terminal(const tmux *t, const char *what)
{
	char *title = tmux_format(t, "#{pane_title}");
	cr_assert_str_eq(title, TMUX_TITLE, "%s: the title was changed to '%s'", what, title);
	free(title);
	char *bufs = tmux_buffers(t);
	cr_assert_str_empty(bufs, "%s: a paste buffer appeared: %s", what, bufs);
	free(bufs);
	char *s = tmux_screen(t, true);
	size_t at = 0, n = strlen(s);
	const char *why = term_check(s, n, true, &at);
	cr_assert_null(why, "%s: %s at byte %zu of the screen:\n%s", what, why, at, s);
	free(s);
}

/* Resize to w×h and check the frame painted there. */
static void frame_at(const tmux *t, unsigned w, unsigned h, const char *what)
{
	char msg[600];
	snprintf(msg, sizeof msg, "%s at %ux%u", what, w, h);
	tmux_resize(t, w, h);
	tmux_expect_frame(t, w, h, WAIT);
	check_terminal(t, msg);
}

/* Below 20×6 the viewer shows a notice; at 10×3 its second line is "too small" (a screen tmux
 * only cropped has other words there). At 1×1 nothing tells a frame apart: the checks hold for
 * whatever is there. */
static void too_small(const tmux *t, const char *what)
{
	char msg[600];
	snprintf(msg, sizeof msg, "%s at 10x3", what);
	tmux_resize(t, 10, 3);
	cr_assert(tmux_wait_line(t, 1, "too small", WAIT), "%s: no notice", msg);
	check_terminal(t, msg);
	snprintf(msg, sizeof msg, "%s at 1x1", what);
	tmux_resize(t, 1, 1);
	cr_assert(tmux_wait_format(t, "#{pane_width}", "1", WAIT));
	check_terminal(t, msg);
}

/* The viewer on `args` (two or three files), the first frame within HANG_SECONDS, showing
 * `expect` if not NULL; every size; ] to the second pair when there is one; G to the end; q. */
static void view(tmux *t, const char *dir, const char *args, bool pairs, const char *expect,
                 const char *what)
{
	char msg[600];
	tmux_redline(t, 80, 24, dir, TMUX_UTF8_ENV, args);
	if (!tmux_wait_frame(t, 80, 24, HANG_SECONDS)) {
		char *s = tmux_screen(t, false);
		cr_assert_fail("%s: no first frame within %.0f s:\n%s", what, HANG_SECONDS, s);
	}
	if (pairs)
		tmux_expect(t, "1/2: ", WAIT);
	if (expect)
		tmux_expect(t, expect, WAIT);
	snprintf(msg, sizeof msg, "%s at 80x24", what);
	check_terminal(t, msg);
	frame_at(t, 20, 6, what);
	too_small(t, what);
	frame_at(t, 200, 50, what);
	if (pairs) {
		tmux_keys(t, false, "]");
		tmux_expect(t, "2/2: ", WAIT);
		tmux_expect_frame(t, 200, 50, WAIT);
		snprintf(msg, sizeof msg, "%s as NEW at 200x50", what);
		check_terminal(t, msg);
	}
	/* The end: "Top" leaves the status line (for End), unless the text fits (All). */
	tmux_keys(t, false, "G");
	cr_assert(tmux_wait_gone(t, "Top", WAIT), "%s: G", what);
	tmux_expect_frame(t, 200, 50, WAIT);
	snprintf(msg, sizeof msg, "%s at its end", what);
	check_terminal(t, msg);
	frame_at(t, 80, 24, what);
	tmux_keys(t, false, "q");
	tmux_expect_restored(t, "exit=1", WAIT);
	check_terminal(t, what);
}


/* Slice k of the corpus (every SLICES-th file), so that the slices run side by side. -a opens
 * the files with NUL bytes too. */
static void view_slice(unsigned k)
{
	size_t n;
	char **v = hostile_files(&n);
	for (size_t i = k; i < n; i += SLICES) {
		tmux t = {0};
		char args[1024];
		snprintf(args, sizeof args, "-a %s %s %s", v[i], NORMAL, v[i]);
		view(&t, SOURCE_DIR, args, true, NULL, v[i]);
		tmux_stop(&t);
	}
	free_files(v, n);
}

Test(tui_hostile, corpus_slice_1) { view_slice(0); }
Test(tui_hostile, corpus_slice_2) { view_slice(1); }
Test(tui_hostile, corpus_slice_3) { view_slice(2); }
Test(tui_hostile, corpus_slice_4) { view_slice(3); }

/* A large pair, generated into the server's directory. */
static void view_large(const char *name, large_gen gen, uint64_t seed_a, uint64_t seed_b,
                       const char *expect)
{
	tmux t = {0};
	char a[256], b[256], fa[64], fb[64], args[600];
	tmux_prepare(&t);
	snprintf(fa, sizeof fa, "%s-a.txt", name);
	snprintf(fb, sizeof fb, "%s-b.txt", name);
	large_write(a, sizeof a, t.dir, fa, gen, seed_a);
	large_write(b, sizeof b, t.dir, fb, gen, seed_b);
	snprintf(args, sizeof args, "%s %s", a, b);
	view(&t, SOURCE_DIR, args, false, expect, name);
	tmux_stop(&t);
}

Test(tui_hostile, a_ten_megabyte_line)
{
	view_large("long-line", large_long_line, 0, 1, NULL);
}

Test(tui_hostile, a_hundred_thousand_paragraphs)
{
	view_large("paragraphs", large_paragraphs, 0, 1, NULL);
}

Test(tui_hostile, a_megabyte_word)
{
	view_large("long-word", large_long_word, 0, 1, NULL);
}

/* The diff's worst case: the cost bound cuts searches short, and the status line says the
 * alignment is coarse. */
Test(tui_hostile, the_worst_case_says_coarse)
{
	view_large("two-words", large_two_words, 1, 2, "coarse");
}

/* The canary: the same hostile bytes written to the terminal raw do change the title, leave a
 * paste buffer and put a bidi override on the screen, so the checks above can see an attack. */
Test(tui_hostile, raw_hostile_bytes_are_seen_by_the_checks)
{
	tmux t = {0};
	tmux_start(&t, 80, 24,
	           "cat tests/hostile/osc-title.txt tests/hostile/osc-clipboard.txt "
	           "tests/hostile/bidi-controls.txt; exec sleep 600");
	cr_assert(tmux_wait_format(&t, "#{pane_title}", "also pwned", WAIT),
	          "tmux did not take the title from OSC 2");
	if (!tmux_wait_buffer(&t, "echo pwned", WAIT)) {
		char *bufs = tmux_buffers(&t);
		cr_assert_fail("no paste buffer from OSC 52: '%s'", bufs);
	}
	tmux_expect(&t, "English", WAIT);
	char *s = tmux_screen(&t, true);
	size_t at;
	cr_assert_not_null(term_check(s, strlen(s), true, &at), "the raw screen passes:\n%s", s);
	free(s);
	tmux_stop(&t);
}
