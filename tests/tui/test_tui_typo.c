/* The viewer and compounds written otherwise (diff/typo.h): "e-mail" / "email" and "open source"
 * / "open-source" are drawn as kept text and are no change to step to; t (typography folding
 * off, as --strict) compares again and shows them. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "tmux.h"

#define WAIT 15.0
#define UTF8_ENV "TERM=xterm-256color LC_ALL=C.UTF-8"

static void setup(void)
{
	if (!tmux_available())
		cr_skip_test("tmux is not installed");
}

static void teardown(void)
{
	tmux_stop_all();
}

TestSuite(tui_typo, .init = setup, .fini = teardown, .timeout = 600);

static const char OLD[] = "The harbour office will e-mail the new timetable to-day.\n"
                          "Our open source tools ran the ferry all winter.\n\n"
                          "The old pier closed in March.\n";
static const char NEW[] = "The harbour office will email the new timetable today.\n"
                          "Our open-source tools ran the ferry all winter.\n\n"
                          "The old pier reopened in March.\n";

Test(tui_typo, compounds_are_plain_text_until_t)
{
	tmux t = {0};
	char path[512];
	tmux_prepare(&t);
	tmux_file(&t, "old.txt", OLD, sizeof OLD - 1, path, sizeof path);
	tmux_file(&t, "new.txt", NEW, sizeof NEW - 1, path, sizeof path);
	tmux_redline(&t, 120, 12, t.dir, UTF8_ENV, "old.txt new.txt");
	tmux_expect(&t, "change 1/1", WAIT);
	/* no attribute between the words and the compounds: drawn as kept text */
	char *s = tmux_screen(&t, true);
	cr_assert_not_null(strstr(s, "will e-mail the new timetable to-day."), "%s", s);
	cr_assert_not_null(strstr(s, "will email the new timetable today."), "%s", s);
	cr_assert_not_null(strstr(s, "open-source tools"), "%s", s);
	free(s);
	/* typography folding off: compared again, the compounds are edits */
	tmux_keys(&t, false, "t");
	tmux_expect(&t, "change 1/2", WAIT);
	s = tmux_screen(&t, true);
	cr_assert_null(strstr(s, "will e-mail"), "e-mail is marked: %s", s);
	cr_assert_null(strstr(s, "open-source tools"), "the hyphen is marked: %s", s);
	free(s);
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=1", WAIT);
}
