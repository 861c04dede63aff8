/* End-to-end tests of the viewer: the real binary in a private tmux server, driven with keys,
 * read back with capture-pane (-e for attributes). */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tmux.h"

#define ORIGINAL "examples/lighthouse-1-original.txt"
#define SPUN "examples/lighthouse-2-spun.txt"
#define SUMMARY "examples/lighthouse-3-summary.txt"
#define REWRITE "examples/lighthouse-4-rewrite.txt"

/* Generous: the machine running the tests may be busy. */
#define WAIT 15.0

/* Run redline with `args` (shell words) under environment `env` in a w×h terminal, in `dir`. */
static void start_in(tmux *t, unsigned w, unsigned h, const char *dir, const char *env,
                     const char *args)
{
	tmux_redline(t, w, h, dir, env, args);
}

static void start(tmux *t, unsigned w, unsigned h, const char *env, const char *args)
{
	start_in(t, w, h, SOURCE_DIR, env, args);
}

static void assert_screen(const tmux *t, const char *needle)
{
	tmux_expect(t, needle, WAIT);
}

static void assert_restored(const tmux *t, const char *exit_line)
{
	tmux_expect_restored(t, exit_line, WAIT);
}

/* Press a key (tmux's name for it) and wait for `needle` on the screen. */
static void press(const tmux *t, const char *key, const char *needle)
{
	tmux_keys(t, false, key);
	assert_screen(t, needle);
}

/* The alternate screen is on ("1", the viewer) or off ("0", printed). */
static void assert_alternate(const tmux *t, const char *want, const char *why)
{
	char *alt = tmux_format(t, "#{alternate_on}");
	cr_assert_str_eq(alt, want, "%s", why);
	free(alt);
}

/* Quit and check the terminal is as it was. */
static void quit(const tmux *t, const char *exit_line)
{
	tmux_keys(t, false, "q");
	assert_restored(t, exit_line);
}

/* Start redline and wait for its first frame (the changes are counted). */
static void open_viewer(tmux *t, unsigned w, unsigned h, const char *env, const char *args)
{
	start(t, w, h, env, args);
	assert_screen(t, "change 1/");
}

/* Quit a comparison that found changes and stop the server. */
static void quit_and_stop(tmux *t)
{
	quit(t, "exit=1");
	tmux_stop(t);
}

/* Write a and b to the test's directory and compare them. */
static void start_on_texts(tmux *t, unsigned w, unsigned h, const char *a, size_t alen,
                           const char *b, size_t blen)
{
	char pa[256], pb[256], args[600];
	tmux_prepare(t);
	tmux_file(t, "a.txt", a, alen, pa, sizeof pa);
	tmux_file(t, "b.txt", b, blen, pb, sizeof pb);
	snprintf(args, sizeof args, "%s %s", pa, pb);
	start(t, w, h, TMUX_UTF8_ENV, args);
}

TestSuite(tui, .init = tmux_suite_init, .fini = tmux_suite_fini,
          .timeout = 1800);

Test(tui, both_panes_show_their_first_rows)
{
	tmux t = {0};
	open_viewer(&t, 120, 30, TMUX_UTF8_ENV, ORIGINAL " " SPUN);
	char *l0 = tmux_line(&t, 0), *l2 = tmux_line(&t, 3);
	unsigned right = (120 - 3) / 2 + 3;
	cr_assert_eq(strncmp(l0, "Council votes 5-2 to sell century-old", 37), 0, "%s", l0);
	cr_assert_geq(strlen(l0), right + 15);
	cr_assert_eq(strncmp(l0 + right, "Board votes 5-2", 15), 0, "%s", l0);
	cr_assert_eq(l0[right - 2], '|', "the gutter marks a change on both sides: %s", l0);
	cr_assert_eq(strncmp(l2, "By Nora Castellane", 18), 0, "%s", l2);
	char *status = tmux_line(&t, 29);
	cr_assert_not_null(strstr(status, "lighthouse-1-original.txt"), "%s", status);
	cr_assert_not_null(strstr(status, "lighthouse-2-spun.txt"));
	cr_assert_not_null(strstr(status, "Top"));
	free(l0);
	free(l2);
	free(status);
	assert_alternate(&t, "1", "the viewer uses the alternate screen");
	quit_and_stop(&t);
}

/* A change far below the first screen: n brings it up. */
Test(tui, n_lands_on_the_first_change)
{
	tmux t = {0};
	char a[8192] = "", b[8192] = "";
	for (int i = 0; i < 60; i++) {
		char p[128];
		snprintf(p, sizeof p, "Paragraph %d stays the same in both versions.\n\n", i);
		strcat(a, p);
		if (i == 45)
			snprintf(p, sizeof p, "Paragraph %d was rewritten for the second draft.\n\n", i);
		strcat(b, p);
	}
	start_on_texts(&t, 100, 24, a, strlen(a), b, strlen(b));
	assert_screen(&t, "change -/1");
	press(&t, "n", "change 1/1");
	assert_screen(&t, "rewritten for the second draft");
	cr_assert(tmux_wait_line_starts(&t, 1, "Paragraph 45 stays the same", WAIT));
	char *l1 = tmux_line(&t, 1);
	cr_assert_eq(strncmp(l1, "Paragraph 45 stays the same", 27), 0, "at the top: %s", l1);
	free(l1);
	quit_and_stop(&t);
}

Test(tui, search_finds_a_word_and_highlights_it)
{
	tmux t = {0};
	open_viewer(&t, 120, 30, TMUX_UTF8_ENV, ORIGINAL " " SPUN);
	tmux_keys(&t, true, "/Marchetti");
	assert_screen(&t, "/Marchetti");
	press(&t, "Enter", "Dr. Evelyn Marchetti");
	/* The match in the search face (black on orange in 256 colours): the words may be on the
	 * screen before their face is. */
	cr_assert(tmux_wait_escaped(&t, "48;5;214mMarchetti", WAIT), "no match face");
	char *s = tmux_screen(&t, true);
	char *m = strstr(s, "Marchetti");
	cr_assert_not_null(m);
	size_t back = (size_t)(m - s) < 40 ? (size_t)(m - s) : 40;
	char before[64] = {0};
	memcpy(before, m - back, back);
	cr_assert_not_null(strstr(before, "48;5;214"), "no highlight before the match: %s", before);
	free(s);
	quit_and_stop(&t);
}

Test(tui, resize_lays_out_again)
{
	tmux t = {0};
	open_viewer(&t, 120, 30, TMUX_UTF8_ENV, ORIGINAL " " SPUN);
	tmux_resize(&t, 70, 30);
	assert_screen(&t, "[unified]");
	cr_assert(tmux_wait_line_starts(&t, 0, "- Council votes", WAIT));
	tmux_resize(&t, 150, 30);
	/* Not "[unified]" gone (a screen cleared for the repaint has lost it too): the two columns'
	 * first row, then the whole frame at the new size (its status line is painted last). */
	cr_assert(tmux_wait_line_starts(&t, 0, "Council votes", WAIT));
	tmux_expect_frame(&t, 150, 30, WAIT);
	cr_assert(tmux_wait_gone(&t, "[unified]", WAIT));
	char *l0 = tmux_line(&t, 0);
	unsigned right = (150 - 3) / 2 + 3;
	cr_assert_geq(strlen(l0), right + 5);
	cr_assert_eq(strncmp(l0 + right, "Board votes", 11), 0, "%s", l0);
	free(l0);
	tmux_resize(&t, 15, 5);
	assert_screen(&t, "Terminal");
	assert_screen(&t, "small");
	tmux_resize(&t, 100, 20);
	cr_assert(tmux_wait_gone(&t, "Terminal", WAIT));
	assert_screen(&t, "change 1/");
	quit_and_stop(&t);
}

Test(tui, a_hostile_file_leaves_the_screen_and_title_alone)
{
	static const char hostile[] =
		"Title \x1b]0;pwned\x07 here \x1b]52;c;ZXZpbA==\x07 and \x1b[2J\x1b[H cleared.\n\n"
		"C1 raw \x9b" "31m and encoded \xc2\x9b" "31m, bidi \xe2\x80\xae" "txet\xe2\x80\xac done.\n";
	static const char plain[] = "Title here and cleared.\n\nC1 raw and encoded, bidi done.\n";
	tmux t = {0};
	start_on_texts(&t, 140, 20, hostile, sizeof hostile - 1, plain, sizeof plain - 1);
	assert_screen(&t, "change ");
	char *s = tmux_screen(&t, false);
	cr_assert_not_null(strstr(s, "^[]0;pwned^G"), "the OSC shown as text:\n%s", s);
	cr_assert_not_null(strstr(s, "^[[2J^[[H"), "the clear shown as text");
	cr_assert_not_null(strstr(s, "\\x9b"), "raw C1 shown as text");
	cr_assert_not_null(strstr(s, "<U+009B>"), "encoded C1 shown as text");
	cr_assert_not_null(strstr(s, "<U+202E>"), "the bidi override shown as text");
	cr_assert_not_null(strstr(s, "Title here and cleared."), "the other pane is intact");
	free(s);
	char *title = tmux_format(&t, "#{pane_title}");
	cr_assert_null(strstr(title, "pwned"), "the title was changed: %s", title);
	free(title);
	quit_and_stop(&t);
}

Test(tui, q_restores_the_terminal)
{
	tmux t = {0};
	start(&t, 100, 24, TMUX_UTF8_ENV, SPUN " " SPUN);
	assert_screen(&t, "no changes");
	quit(&t, "exit=0");
	tmux_stop(&t);
}

static void signal_test(int sig, const char *exit_line)
{
	tmux t = {0};
	open_viewer(&t, 100, 24, TMUX_UTF8_ENV, ORIGINAL " " SPUN);
	char *pid = tmux_read(&t, "pid");
	cr_assert_not_null(pid);
	cr_assert_eq(kill((pid_t)atol(pid), sig), 0);
	free(pid);
	assert_restored(&t, exit_line);
	tmux_stop(&t);
}

Test(tui, sigterm_restores_the_terminal)
{
	signal_test(SIGTERM, "exit=143");
}

Test(tui, sighup_restores_the_terminal)
{
	signal_test(SIGHUP, "exit=129");
}

/* A crash: the handler gives the terminal back, then the process dies as it would have. */
Test(tui, a_fatal_signal_restores_the_terminal)
{
	tmux t = {0};
	open_viewer(&t, 100, 24, TMUX_UTF8_ENV, ORIGINAL " " SPUN);
	char *pid = tmux_read(&t, "pid");
	cr_assert_not_null(pid);
	cr_assert_eq(kill((pid_t)atol(pid), SIGSEGV), 0);
	free(pid);
	assert_restored(&t, "exit=");
	char *s = tmux_screen(&t, false);
	char *e = strstr(s, "exit=");
	cr_assert_gt(atoi(e + 5), 128, "died of a signal: %s", e);
	free(s);
	tmux_stop(&t);
}

Test(tui, ctrl_c_restores_the_terminal)
{
	tmux t = {0};
	open_viewer(&t, 100, 24, TMUX_UTF8_ENV, ORIGINAL " " SPUN);
	tmux_keys(&t, false, "C-c");
	assert_restored(&t, "exit=130");
	tmux_stop(&t);
}

Test(tui, dumb_terminals_and_pipes_get_printed_output)
{
	tmux t = {0};
	start(&t, 120, 30, "TERM=dumb LC_ALL=C.UTF-8", "--width=100 " ORIGINAL " " SPUN);
	assert_screen(&t, "exit=1");
	char *s = tmux_screen(&t, false);
	cr_assert_not_null(strstr(s, "from [-altering-] the"), "printed with markers:\n%s", s);
	cr_assert_not_null(strstr(s, "from {+modifying+} the"));
	free(s);
	tmux_stop(&t);

	tmux u = {0};
	start(&u, 120, 30, TMUX_UTF8_ENV, ORIGINAL " " SPUN " | head -n 3");
	assert_screen(&u, "exit=0");
	s = tmux_screen(&u, false);
	cr_assert_not_null(strstr(s, "[-Council-] votes 5-2"), "printed:\n%s", s);
	free(s);
	tmux_stop(&u);

	tmux v = {0};
	start(&v, 120, 30, "-u TERM LC_ALL=C.UTF-8", "--width=100 " ORIGINAL " " SPUN);
	assert_screen(&v, "exit=1");
	assert_screen(&v, "from [-altering-] the");
	tmux_stop(&v);

	tmux w = {0};
	start(&w, 120, 30, "TERM=no-such-terminal LC_ALL=C.UTF-8", "--width=100 " ORIGINAL " " SPUN);
	assert_screen(&w, "exit=1");
	assert_screen(&w, "The purchase is expected to close");
	assert_alternate(&w, "0", "printed, no viewer");
	tmux_stop(&w);
}

/* ncursesw is loaded only when the viewer starts (ui/curseslib.h): without it the comparison is
 * printed, after one line that says why. */
Test(tui, without_ncurses_printed_with_one_line)
{
	tmux t = {0};
	start(&t, 220, 30, TMUX_UTF8_ENV " REDLINE_LIBNCURSES=/nonexistent/libncursesw.so.6",
	      "tests/scripts/thai-old.txt tests/scripts/thai-new.txt");
	assert_screen(&t, "exit=1");
	assert_screen(&t, "redline: the viewer needs /nonexistent/libncursesw.so.6, which cannot be "
	                  "loaded (/nonexistent/libncursesw.so.6: ");
	assert_screen(&t, "): printing instead\n");
	assert_screen(&t, "ไกลบ้าน");
	assert_alternate(&t, "0", "printed, no viewer");
	tmux_stop(&t);

	/* The library found: the viewer. */
	tmux u = {0};
	open_viewer(&u, 120, 30, TMUX_UTF8_ENV,
	            "tests/scripts/thai-old.txt tests/scripts/thai-new.txt");
	quit(&u, "exit=1");
	char *s = tmux_screen(&u, false);
	cr_assert_null(strstr(s, "viewer needs"), "%s", s);
	free(s);
	tmux_stop(&u);
}

Test(tui, help_overlay)
{
	tmux t = {0};
	open_viewer(&t, 120, 40, TMUX_UTF8_ENV, ORIGINAL " " SPUN);
	press(&t, "h", "redline keys");
	assert_screen(&t, "scroll down a line");
	assert_screen(&t, "select the change under the pointer");
	/* the legend at its end: each kind's marker in its own colour */
	tmux_keys(&t, false, "NPage");
	tmux_keys(&t, false, "NPage");
	press(&t, "NPage", "[!quote!]{!quote!}");
	char *s = tmux_screen(&t, true);
	const char *samples[] = {"[-deleted-]", "{+inserted+}", "[-old-]{+new+}",
	                         "[<moved>]{>moved<}", "[!quote!]{!quote!}"};
	char sgr[5][64];
	for (int k = 0; k < 5; k++) {
		const char *at = strstr(s, samples[k]);
		cr_assert_not_null(at, "%s in %s", samples[k], s);
		/* the attributes in force: the last SGR before the sample, on its line */
		const char *esc = NULL;
		for (const char *p = at; p > s && p[-1] != '\n'; p--)
			if (p[-1] == '\x1b') {
				esc = p - 1;
				break;
			}
		cr_assert_not_null(esc, "%s is drawn in a colour of its own", samples[k]);
		snprintf(sgr[k], sizeof sgr[k], "%.*s", (int)strcspn(esc, "m") + 1, esc);
		for (int j = 0; j < k; j++)
			cr_assert_str_neq(sgr[j], sgr[k], "%s and %s in the same colour", samples[j],
			                  samples[k]);
	}
	free(s);
	tmux_keys(&t, false, "Escape");
	cr_assert(tmux_wait_gone(&t, "redline keys", WAIT));
	quit_and_stop(&t);
}

Test(tui, without_colour_the_markers_carry_the_meaning)
{
	tmux t = {0};
	open_viewer(&t, 120, 30, TMUX_UTF8_ENV " NO_COLOR=1", ORIGINAL " " SPUN);
	char *s = tmux_screen(&t, false);
	cr_assert_not_null(strstr(s, "[-Council-] votes"), "%s", s);
	cr_assert_not_null(strstr(s, "{+Board+} votes"));
	free(s);
	s = tmux_screen(&t, true);
	cr_assert_null(strstr(s, "38;5;"), "no colour");
	cr_assert_null(strstr(s, "48;5;"), "no colour");
	free(s);
	quit_and_stop(&t);
}

Test(tui, brackets_step_between_versions)
{
	tmux t = {0};
	start(&t, 120, 30, TMUX_UTF8_ENV, ORIGINAL " " SPUN " " SUMMARY);
	assert_screen(&t, "1/2: ");
	press(&t, "]", "2/2: ");
	assert_screen(&t, "lighthouse-3-summary.txt");
	press(&t, "[", "1/2: ");
	/* ]c is the next change, not a pair step: the first, then the second */
	tmux_keys(&t, true, "]c");
	tmux_keys(&t, true, "]c");
	assert_screen(&t, "change 2/");
	char *s = tmux_line(&t, 29);
	cr_assert_not_null(strstr(s, "1/2: "), "%s", s);
	free(s);
	quit_and_stop(&t);
}

/* --base: [ and ] step through the pairs, each version against the original. */
Test(tui, base_steps_through_each_version_against_the_original)
{
	tmux t = {0};
	start(&t, 160, 30, TMUX_UTF8_ENV, "--base " ORIGINAL " " SPUN " " SUMMARY);
	assert_screen(&t, "1/2: ");
	assert_screen(&t, ORIGINAL " \xe2\x86\x92 " SPUN);
	press(&t, "]", "2/2: ");
	/* The second pair is the original against the summary, not the spun copy against it. */
	assert_screen(&t, ORIGINAL " \xe2\x86\x92 " SUMMARY);
	press(&t, "[", "1/2: ");
	quit_and_stop(&t);
}

Test(tui, standard_input_is_a_document_and_keys_come_from_the_terminal)
{
	tmux t = {0};
	open_viewer(&t, 120, 30, TMUX_UTF8_ENV, "- " SPUN " < " ORIGINAL);
	assert_screen(&t, "- \xe2\x86\x92 " SPUN);
	tmux_keys(&t, false, "j");
	cr_assert(tmux_wait_gone(&t, "Top", WAIT), "keys are read from the terminal");
	quit_and_stop(&t);
}

/* --history in the viewer: it opens on the latest change; [ steps back. */
Test(tui, history_steps_through_versions)
{
	tmux t = {0};
	char cmd[2048];
	tmux_prepare(&t);
	snprintf(cmd, sizeof cmd,
	         "cd '%s' && git init -q && for v in 1-original 2-spun 4-rewrite; do "
	         "cp '%s'/examples/lighthouse-$v.txt story.txt && git add story.txt && "
	         "git -c user.name='Nora Castellane' -c user.email=n@example.org commit -qm $v; done",
	         t.dir, SOURCE_DIR);
	if (system(cmd) != 0)
		cr_skip_test("git cannot make a repository here");
	start_in(&t, 140, 30, t.dir, TMUX_UTF8_ENV, "--history story.txt");
	assert_screen(&t, "2/2: ");
	assert_screen(&t, "Nora Castellane");
	assert_screen(&t, "Halloway Harbor council approves");
	press(&t, "[", "1/2: ");
	quit_and_stop(&t);
}

Test(tui, the_mouse_wheel_scrolls_both_panes)
{
	tmux t = {0};
	open_viewer(&t, 120, 30, TMUX_UTF8_ENV, ORIGINAL " " SPUN);
	static const char wheel_down[] = "\033[<65;10;5M", wheel_up[] = "\033[<64;10;5M";
	tmux_bytes(&t, wheel_down, sizeof wheel_down - 1);
	cr_assert(tmux_wait_gone(&t, "Top", WAIT), "the wheel did not scroll");
	/* The status line may change before the rows are repainted: wait for the row. */
	cr_assert(tmux_wait_line_starts(&t, 0, "By Nora", WAIT), "three lines down");
	char *l0 = tmux_line(&t, 0);
	cr_assert_eq(strncmp(l0, "By Nora", 7), 0, "three lines down: %s", l0);
	free(l0);
	tmux_bytes(&t, wheel_up, sizeof wheel_up - 1);
	assert_screen(&t, "Top");
	/* button 1 on a changed word ("Council", top left) selects its change */
	static const char click[] = "\033[<0;3;1M\033[<0;3;1m";
	tmux_bytes(&t, click, sizeof click - 1);
	assert_screen(&t, "change 1 of 14 selected");
	quit_and_stop(&t);
}

/* Every terminal type the issue names: the first rows appear and q restores. */
Test(tui, common_terminal_types)
{
	const char *terms[] = {"xterm-256color", "tmux-256color", "screen", "linux", "vt100"};
	for (size_t i = 0; i < sizeof terms / sizeof *terms; i++) {
		tmux t = {0};
		char env[128];
		snprintf(env, sizeof env, "TERM=%s LC_ALL=C.UTF-8", terms[i]);
		open_viewer(&t, 120, 30, env, ORIGINAL " " SPUN);
		char *l0 = tmux_line(&t, 0);
		cr_assert(strstr(l0, "Council") && strstr(l0, "Board"), "%s: %s", terms[i], l0);
		free(l0);
		tmux_keys(&t, false, "j");
		cr_assert(tmux_wait_gone(&t, "Top", WAIT), "%s: j scrolls", terms[i]);
		quit_and_stop(&t);
	}
}

Test(tui, lang_c_draws_ascii_stand_ins)
{
	tmux t = {0};
	open_viewer(&t, 120, 30, "TERM=xterm-256color LC_ALL=C", ORIGINAL " " SPUN);
	char *s = tmux_screen(&t, false);
	cr_assert_not_null(strstr(s, "HALLOWAY HARBOR - The Town"), "the em dash as '-':\n%s", s);
	cr_assert_not_null(strstr(s, "keeper's house"), "the curly apostrophe as '");
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		cr_assert_lt(*p, 0x80, "only ASCII in a C locale");
	free(s);
	quit_and_stop(&t);
}

Test(tui, toggles_and_views)
{
	tmux t = {0};
	open_viewer(&t, 120, 30, TMUX_UTF8_ENV, ORIGINAL " " SPUN);
	press(&t, "i", "ignoring case: on");
	assert_screen(&t, "[-i]");
	press(&t, "u", "[unified -i]");
	press(&t, "Tab", "highlighting deletions and insertions");
	press(&t, "G", "End");
	quit_and_stop(&t);
}

/* m from inside a moved passage scrolled to by hand, while n's selection is elsewhere. */
Test(tui, m_from_anywhere_in_a_moved_passage)
{
	tmux t = {0};
	open_viewer(&t, 120, 30, TMUX_UTF8_ENV, ORIGINAL " " REWRITE);
	tmux_keys(&t, false, "n");  /* selects change 1, a rewrite */
	tmux_keys(&t, false, "n");  /* then change 2, an insertion */
	assert_screen(&t, "change 2/");
	tmux_keys(&t, false, "g");  /* back to the top: scrolling keeps the selection */
	assert_screen(&t, "Top");
	for (int k = 0; k < 35; k++)
		tmux_keys(&t, false, "j");
	assert_screen(&t, "seawall below would cost roughly $3.1 million");
	press(&t, "m", "the moved passage where it stands in NEW");
	press(&t, "m", "the moved passage where it stands in OLD");
	quit_and_stop(&t);
}

/* The widest line of a file of the test's directory, in characters. */
static size_t widest_line(const tmux *t, const char *name)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", t->dir, name);
	FILE *fp = fopen(path, "rb");
	cr_assert_not_null(fp, "%s", path);
	size_t most = 0, cur = 0;
	for (int c; (c = fgetc(fp)) != EOF;) {
		if (c == '\n') {
			most = cur > most ? cur : most;
			cur = 0;
		} else if ((c & 0xc0) != 0x80) {
			cur++;
		}
	}
	fclose(fp);
	return most;
}

/* Printed output piped (to a pager, a file) takes the controlling terminal's width, as git does;
 * COLUMNS and -W still win. */
Test(tui, piped_output_fits_the_controlling_terminal)
{
	tmux t = {0};
	tmux_prepare(&t);
	char cmd[1024];
	snprintf(cmd, sizeof cmd,
	         "unset COLUMNS; '%s' " ORIGINAL " " SPUN " > \"$D/tty.txt\"; "
	         "COLUMNS=50 '%s' " ORIGINAL " " SPUN " > \"$D/columns.txt\"; "
	         "COLUMNS=50 '%s' -W 70 " ORIGINAL " " SPUN " > \"$D/w.txt\"; echo done-$?; sleep 600",
	         REDLINE_BIN, REDLINE_BIN, REDLINE_BIN);
	tmux_start(&t, 90, 20, cmd);
	assert_screen(&t, "done-1");
	size_t tty = widest_line(&t, "tty.txt");
	cr_assert(tty <= 90 && tty > 80, "the terminal is 90 wide, the widest line %zu", tty);
	cr_assert_leq(widest_line(&t, "columns.txt"), 50);
	size_t w = widest_line(&t, "w.txt");
	cr_assert(w <= 70 && w > 60, "-W 70: %zu", w);
	tmux_stop(&t);
}

/* The mouse: clicks and the wheel only (button events, SGR), never all-motion tracking; M turns
 * it off so that the terminal's selection works, and on again. */
Test(tui, mouse_reports_clicks_only_and_M_turns_it_off)
{
	tmux t = {0};
	open_viewer(&t, 120, 30, TMUX_UTF8_ENV, ORIGINAL " " SPUN);
	cr_assert(tmux_wait_format(&t, "#{mouse_any_flag}", "1", WAIT), "the mouse is on");
	char *f = tmux_format(&t, "#{mouse_all_flag}#{mouse_button_flag}#{mouse_sgr_flag}");
	cr_assert_str_eq(f, "001", "no motion or drag tracking, SGR encoding: %s", f);
	free(f);
	press(&t, "M", "mouse off");
	cr_assert(tmux_wait_format(&t, "#{mouse_any_flag}", "0", WAIT), "M: the mouse is off");
	press(&t, "M", "mouse on");
	cr_assert(tmux_wait_format(&t, "#{mouse_any_flag}", "1", WAIT), "M again: on");
	quit_and_stop(&t);
}

/* Is the background in effect where `word` first stands on an escaped screen (tmux capture-pane
 * -e) the 256-colour `bg`? tmux writes a face only where it changes, so the last background set
 * (or reset) before the word decides, even one written at the end of the row above. */
static bool background_at(const char *esc, const char *word, const char *bg)
{
	const char *w = strstr(esc, word);
	if (!w)
		return false;
	for (const char *p = w; p > esc; p--) {
		if (p[-1] != 'm')
			continue;
		const char *q = p - 1;
		while (q > esc && q[-1] != '\x1b')
			q--;
		if (q == esc || q[0] != '[')
			continue;
		size_t len = (size_t)(p - q);
		char sgr[64];
		if (len >= sizeof sgr)
			continue;
		memcpy(sgr, q, len);
		sgr[len] = '\0';
		if (strstr(sgr, "48;5;"))
			return strstr(sgr, bg) != NULL;
		if (strcmp(sgr, "[0m") == 0 || strcmp(sgr, "[m") == 0 || strstr(sgr, "49m"))
			return false;
		p = q;
	}
	return false;
}

/* s on a summary line drawn from elsewhere: its source in OLD, highlighted as a search match is,
 * and back; none on a copy whose lines stand beside their own. */
Test(tui, s_jumps_from_a_summary_line_to_its_source)
{
	tmux t = {0};
	start(&t, 140, 30, TMUX_UTF8_ENV, ORIGINAL " examples/lighthouse-5-digest.txt");
	assert_screen(&t, "voters for a referendum.\xe2\x9f\xa8\xc2\xb6" "14\xe2\x9f\xa9");
	tmux_keys(&t, false, "s");
	assert_screen(&t, "its source in OLD, \xc2\xb6" "14 (s: back)");
	assert_screen(&t, "Opponents said they are weighing a petition");
	/* The sentence is drawn in the match face (256 colours: black on orange), word by word. */
	cr_assert(tmux_wait_escaped(&t, "48;5;214mweighing", WAIT), "no match face");
	char *esc = tmux_screen(&t, true);
	cr_assert(background_at(esc, "Opponents", "48;5;214"), "%s", esc);
	cr_assert(background_at(esc, "weighing", "48;5;214"), "%s", esc);
	cr_assert_not(background_at(esc, "Walt Prentiss", "48;5;214"), "only the source: %s", esc);
	free(esc);
	press(&t, "s", "the summary line (s: its source again)");
	assert_screen(&t, "- Opponents have 30 days");
	quit_and_stop(&t);

	tmux u = {0};
	open_viewer(&u, 140, 30, TMUX_UTF8_ENV, ORIGINAL " " SPUN);
	press(&u, "s", "no summary line drawn from elsewhere here");
	quit_and_stop(&u);
}
