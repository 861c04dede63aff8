/* End-to-end tests of the viewer's skimming aids (issue 12): z folds and Enter unfolds, search
 * counts its matches and highlights every one on screen, the current change stands out, the
 * status line names --history versions at 80 columns, p on and off and a resize keep the place. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tmux.h"

#define ORIGINAL "examples/lighthouse-1-original.txt"
#define SPUN "examples/lighthouse-2-spun.txt"
#define WAIT 15.0

TestSuite(tui_view, .init = tmux_suite_init, .fini = tmux_suite_fini,
          .timeout = 1800);

/* 200 sections alike but for their numbers; the new one changes a word in sections 2 and 150.
 * Written to $D/old.txt and $D/new.txt. */
static void write_sections(const tmux *t)
{
	size_t cap = 200 * 160, lo = 0, ln = 0;
	char *a = malloc(cap), *b = malloc(cap), path[512];
	for (int i = 0; i < 200; i++) {
		lo += (size_t)snprintf(a + lo, cap - lo, "Section %d: the tide turned at the pier before "
		                       "the gulls came back.\n\n", i);
		ln += (size_t)snprintf(b + ln, cap - ln, "Section %d: the %s turned at the pier before "
		                       "the gulls came back.\n\n", i, i == 2 || i == 150 ? "ferry" : "tide");
	}
	tmux_file(t, "old.txt", a, lo, path, sizeof path);
	tmux_file(t, "new.txt", b, ln, path, sizeof path);
	free(a);
	free(b);
}

/* The viewer on the sections in a 120-column terminal h lines high, at its first change. */
static void view_sections(tmux *t, unsigned h)
{
	tmux_prepare(t);
	write_sections(t);
	tmux_redline(t, 120, h, t->dir, TMUX_UTF8_ENV, "old.txt new.txt");
	tmux_expect(t, "change 1/2", WAIT);
}

static size_t count(const char *s, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void quit(const tmux *t)
{
	tmux_keys(t, false, "q");
	tmux_expect_restored(t, "exit=1", WAIT);
}

Test(tui_view, z_folds_and_enter_unfolds)
{
	tmux t = {0};
	view_sections(&t, 30);
	tmux_keys(&t, false, "z");
	tmux_expect(&t, "290 unchanged lines (Enter unfolds)", WAIT);
	tmux_expect(&t, "2 folded", WAIT);
	tmux_expect(&t, "Section 150: the ferry", WAIT);
	char *s = tmux_screen(&t, false);
	cr_assert_null(strstr(s, "Section 77:"), "%s", s);
	free(s);
	/* n goes to the second change across the fold */
	tmux_keys(&t, false, "n");
	tmux_keys(&t, false, "n");
	tmux_expect(&t, "change 2/2", WAIT);
	tmux_keys(&t, false, "g");
	tmux_keys(&t, false, "Enter");
	tmux_expect(&t, "unfolded 290 unchanged lines", WAIT);
	tmux_expect(&t, "Section 5:", WAIT);
	tmux_expect(&t, "1 folded", WAIT);
	tmux_keys(&t, false, "z");
	tmux_expect(&t, " unfolded ", WAIT);
	cr_assert(tmux_wait_gone(&t, "unchanged lines (Enter", WAIT));
	quit(&t);
	tmux_stop(&t);
}

Test(tui_view, search_counts_and_highlights_every_match)
{
	tmux t = {0};
	view_sections(&t, 30);
	tmux_keys(&t, false, "z");
	tmux_expect(&t, "2 folded", WAIT);
	/* a match inside a fold unfolds it */
	tmux_keys(&t, true, "/Section 77:");
	tmux_keys(&t, false, "Enter");
	tmux_expect(&t, "match 1/2", WAIT);
	tmux_expect(&t, "Section 77:", WAIT);
	tmux_keys(&t, false, "n");
	tmux_expect(&t, "match 2/2", WAIT);
	/* a word on every line: the current match in orange, the others in a paler ground */
	tmux_keys(&t, false, "g");
	tmux_keys(&t, true, "/gulls");
	tmux_keys(&t, false, "Enter");
	tmux_expect(&t, "match 1/400", WAIT);
	char *s = tmux_screen(&t, true);
	cr_assert_eq(count(s, "48;5;214mgulls"), 1, "%s", s);
	cr_assert_geq(count(s, "48;5;180mgulls"), 10, "%s", s);
	free(s);
	tmux_keys(&t, false, "n");
	tmux_expect(&t, "match 2/400", WAIT);
	tmux_keys(&t, false, "Escape");
	cr_assert(tmux_wait_gone(&t, "match 2/400", WAIT));
	s = tmux_screen(&t, true);
	cr_assert_eq(count(s, "48;5;180m"), 0, "Esc clears the highlights");
	free(s);
	quit(&t);
	tmux_stop(&t);
}

/* The escapes of the screen's text just before the first `word` after `after`. */
static void sgr_before(const char *s, const char *after, const char *word, char *out, size_t n)
{
	const char *p = strstr(s, after);
	cr_assert_not_null(p);
	const char *w = strstr(p, word);
	cr_assert_not_null(w, "%s", s);
	size_t back = (size_t)(w - p) < n - 1 ? (size_t)(w - p) : n - 1;
	memcpy(out, w - back, back);
	out[back] = '\0';
}

Test(tui_view, the_current_change_stands_out)
{
	tmux t = {0};
	view_sections(&t, 60);
	char *s = tmux_screen(&t, true), before[48];
	/* change 1 (section 2) is the one counted: bold and underlined; nothing else is */
	sgr_before(s, "Section 2:", "ferry", before, sizeof before);
	cr_assert(strstr(before, "\x1b[4m") || strstr(before, ";4m"), "not underlined: %s", before);
	free(s);
	/* Tab to a kind the change is not (moves): it is no longer picked out */
	for (int i = 0; i < 3; i++)
		tmux_keys(&t, false, "Tab");
	tmux_expect(&t, "highlighting moves", WAIT);
	s = tmux_screen(&t, true);
	sgr_before(s, "Section 2:", "ferry", before, sizeof before);
	cr_assert(!strstr(before, "\x1b[4m") && !strstr(before, ";4m"), "still underlined: %s",
	          before);
	free(s);
	quit(&t);
	tmux_stop(&t);
}

Test(tui_view, p_on_and_off_comes_back_and_a_resize_keeps_the_change)
{
	tmux t = {0};
	tmux_prepare(&t);
	tmux_redline(&t, 120, 30, SOURCE_DIR, TMUX_UTF8_ENV, ORIGINAL " " SPUN);
	tmux_expect(&t, "change 1/", WAIT);
	for (int i = 0; i < 23; i++)
		tmux_keys(&t, false, "j");
	tmux_expect(&t, "%  ", WAIT);
	char *l0 = tmux_line(&t, 0);
	tmux_keys(&t, false, "p");
	tmux_expect(&t, "ignoring punctuation: on", WAIT);
	tmux_keys(&t, false, "p");
	tmux_expect(&t, "ignoring punctuation: off", WAIT);
	cr_assert(tmux_wait_line(&t, 0, l0, WAIT), "p on and off moved the screen from '%s'", l0);
	free(l0);
	/* the fourth change selected, then a smaller terminal: still change 4 */
	tmux_keys(&t, false, "g");
	for (int i = 0; i < 4; i++)
		tmux_keys(&t, false, "n");
	tmux_expect(&t, "change 4/", WAIT);
	tmux_resize(&t, 90, 12);
	tmux_expect_frame(&t, 90, 12, WAIT);
	tmux_expect(&t, "change 4/", WAIT);
	tmux_resize(&t, 160, 40);
	tmux_expect_frame(&t, 160, 40, WAIT);
	tmux_expect(&t, "change 4/", WAIT);
	quit(&t);
	tmux_stop(&t);
}

/* --history at 80 columns: the old version by its commit, the new one with its date, author and
 * subject line. */
Test(tui_view, history_names_fit_80_columns)
{
	tmux t = {0};
	char cmd[4096];
	tmux_prepare(&t);
	snprintf(cmd, sizeof cmd,
	         "cd '%s' && export GIT_CONFIG_NOSYSTEM=1 HOME='%s' && git init -q && "
	         "for v in 1-original 2-spun; do cp '%s'/examples/lighthouse-$v.txt story.txt && "
	         "git add story.txt && git -c user.name='Nora Castellane' -c user.email=n@example.org "
	         "commit -qm \"Pass $v of the harbour story\"; done",
	         t.dir, t.dir, SOURCE_DIR);
	if (system(cmd) != 0)
		cr_skip_test("git cannot make a repository here");
	char id0[16] = "", id1[16] = "", line[64];
	snprintf(cmd, sizeof cmd, "cd '%s' && git log --format=%%h -n2 | tr '\\n' ' '", t.dir);
	FILE *p = popen(cmd, "r");
	cr_assert_not_null(p);
	cr_assert_not_null(fgets(line, sizeof line, p));
	pclose(p);
	cr_assert_eq(sscanf(line, "%15s %15s", id1, id0), 2);
	tmux_redline(&t, 80, 24, t.dir, TMUX_UTF8_ENV, "--history story.txt");
	char want[128];
	snprintf(want, sizeof want, "%s \xe2\x86\x92 %s", id0, id1);
	tmux_expect(&t, want, WAIT);
	tmux_expect(&t, "Nora Castellane: Pass 2-spun", WAIT);
	quit(&t);
	tmux_stop(&t);
}

/* The status line tells the story --stat tells: q counts the quotations changed (one altered with
 * three words swapped inside, one removed: q2), not the ops flagged inside them. */
Test(tui_view, the_status_line_counts_quotations_as_stat_does)
{
	tmux t = {0};
	char path[512];
	static const char a[] =
	    "The harbour master spoke first. \xe2\x80\x9cWe have patched that sea wall for years, "
	    "and this grant finally pays for a proper repair,\xe2\x80\x9d she told the meeting.\n\n"
	    "The treasurer was brief. \xe2\x80\x9cNot one penny more than we budgeted,\xe2\x80\x9d "
	    "he said, and sat down.\n";
	static const char b[] =
	    "The harbour master spoke first. \xe2\x80\x9cWe have mended that sea wall for decades, "
	    "and this award finally pays for a proper repair,\xe2\x80\x9d she told the meeting.\n\n"
	    "The treasurer was brief, and sat down.\n";
	tmux_prepare(&t);
	tmux_file(&t, "old.txt", a, sizeof a - 1, path, sizeof path);
	tmux_file(&t, "new.txt", b, sizeof b - 1, path, sizeof path);
	tmux_redline(&t, 160, 20, t.dir, TMUX_UTF8_ENV, "old.txt new.txt");
	tmux_expect(&t, "sim ", WAIT);
	char *status = tmux_line(&t, 19);
	cr_assert_not_null(strstr(status, " m0 q2 "), "%s", status);
	free(status);
	quit(&t);
	tmux_stop(&t);
}
