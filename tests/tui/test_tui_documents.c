/* The viewer on documents: a web page pair opens on its article, n lands on the article's first
 * change, and the status line counts the page furniture --body dropped. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "tmux.h"

#define WAIT 15.0

TestSuite(tui_documents, .init = tmux_suite_init, .fini = tmux_suite_fini,
          .timeout = 150);

Test(tui_documents, web_page_pair_opens_on_the_article)
{
	tmux t = {0};
	tmux_redline(&t, 140, 30, SOURCE_DIR, TMUX_UTF8_ENV,
	             "tests/documents/news-v1.html tests/documents/news-v2.html");
	/* The article's first change is on the first screen: it is change 1. */
	tmux_expect(&t, "change 1/", WAIT);
	tmux_expect(&t, "nearly", WAIT);
	char *l0 = tmux_line(&t, 0), *status = tmux_line(&t, 29);
	cr_assert_eq(strncmp(l0, "Library reopens after flood repairs", 35), 0, "%s", l0);
	cr_assert_not_null(strstr(status, "news-v1.html"), "%s", status);
	free(l0);
	free(status);
	char *screen = tmux_screen(&t, false);
	const char *absent[] = {"Skip to content", "Most read", "Weather", "SECRET", "<p>"};
	for (size_t k = 0; k < sizeof absent / sizeof *absent; k++)
		cr_assert_null(strstr(screen, absent[k]), "%s on screen:\n%s", absent[k], screen);
	free(screen);
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=1", WAIT);
	tmux_stop(&t);
}

/* The memo written for issue 10 (Markdown): an item added to a numbered list and a table. The
 * first screen pairs each paragraph with its counterpart on one row, and the table comes row by
 * row (cell by cell before stop 36), an edited figure beside its new value (before stop 25: the
 * table was one paragraph of pipes). */
Test(tui_documents, memo_pairs_paragraphs_and_table_cells)
{
	tmux t = {0};
	tmux_redline(&t, 160, 90, SOURCE_DIR, TMUX_UTF8_ENV,
	             "tests/documents/memo-v1.md tests/documents/memo-v2.md");
	tmux_expect(&t, "change 1/", WAIT);
	tmux_expect(&t, "Next steps", WAIT);
	char *screen = tmux_screen(&t, false);
	cr_assert_null(strstr(screen, "|---"), "%s", screen);
	const char *rows[][2] = {{"Staff costs are", "Staff costs are"},
	                         {"3. Move the Thursday", "3. Move the Thursday"},
	                         {"Branch | Hours now | Hours proposed", "Branch | Hours now"},
	                         {"Eastfold | 20 | 17 ", "Eastfold | 20 | 18"}};
	for (size_t k = 0; k < sizeof rows / sizeof *rows; k++) {
		const char *line = screen;
		while (line && strncmp(line, rows[k][0], strlen(rows[k][0])) != 0)
			line = (line = strchr(line, '\n')) ? line + 1 : NULL;
		cr_assert_not_null(line, "no row starts with %s:\n%s", rows[k][0], screen);
		const char *end = strchr(line, '\n');
		const char *right = strstr(line + strlen(rows[k][0]), rows[k][1]);
		cr_assert(right && (!end || right < end), "%s not beside %s:\n%s", rows[k][1],
		          rows[k][0], screen);
	}
	free(screen);
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=1", WAIT);
	tmux_stop(&t);
}

Test(tui_documents, status_line_counts_dropped_furniture_and_the_panes_show_where)
{
	tmux t = {0};
	tmux_redline(&t, 200, 30, SOURCE_DIR, TMUX_UTF8_ENV,
	             "--body tests/documents/page-v1.txt tests/documents/page-v2.txt");
	tmux_expect(&t, "16 lines of furniture dropped", WAIT);
	/* Where it was dropped, a line says how much (the menu above the headline: 5 lines). */
	char *l0 = tmux_line(&t, 0), *l1 = tmux_line(&t, 1);
	cr_assert_eq(strncmp(l0, "5 lines of page furniture", 25), 0, "%s", l0);
	cr_assert_eq(strncmp(l1, "Ferry timetable changes from Monday", 35), 0, "%s", l1);
	free(l0);
	free(l1);
	tmux_expect(&t, "6 lines of page furniture", WAIT);
	tmux_expect(&t, "furniture 16|16", WAIT);
	/* The first change is the article's, not the menu's. */
	tmux_keys(&t, false, "n");
	tmux_expect(&t, "change 1/1", WAIT);
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=1", WAIT);
	tmux_stop(&t);
}

/* Markdown whose emphasis and link targets changed: the viewer draws the formatting changes
 * quietly (underlined, no coloured ground), counts them on the status line, lets Tab pick them
 * out, and without colour marks them {*…*}. */
Test(tui_documents, formatting_changes_drawn_quietly)
{
	tmux t = {0};
	tmux_redline(&t, 140, 30, SOURCE_DIR, TMUX_UTF8_ENV,
	             "tests/documents/readme-v1.md tests/documents/readme-v2.md");
	tmux_expect(&t, "f3", WAIT);
	char *status = tmux_line(&t, 29);
	cr_assert_not_null(strstr(status, "~2 -0 +0 m0 q0 f3"), "%s", status);
	free(status);
	/* Underlined in a muted blue, on no ground, on both sides. */
	char *screen = tmux_screen(&t, true);
	const char *quiet = "\x1b[4m\x1b[38;5;110mproject page";
	const char *first = strstr(screen, quiet);
	cr_assert_not_null(first, "no quiet formatting change on the screen");
	cr_assert_not_null(strstr(first + 1, quiet), "a quiet formatting change on one side only");
	free(screen);
	/* Tab: all, deletions and insertions, rewrites, moves, quotations, formatting. */
	for (int k = 0; k < 5; k++)
		tmux_keys(&t, false, "Tab");
	tmux_expect(&t, "highlighting formatting (3 changes)", WAIT);
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=1", WAIT);
	tmux_stop(&t);

	/* Without colour: the markers of the printed output. */
	tmux m = {0};
	tmux_redline(&m, 140, 30, SOURCE_DIR, "TERM=xterm-256color NO_COLOR=1 LC_ALL=C.UTF-8",
	             "tests/documents/readme-v1.md tests/documents/readme-v2.md");
	tmux_expect(&m, "{*project page*}", WAIT);
	tmux_expect(&m, "[*project page*]", WAIT);
	tmux_keys(&m, false, "q");
	tmux_expect_restored(&m, "exit=1", WAIT);
	tmux_stop(&m);
}
