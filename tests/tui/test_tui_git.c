/* End-to-end tests of the viewer with git: real repositories built by the test with the git
 * command, the real redline (and real git difftool and git diff calling it) in a private tmux
 * server, driven with keys as a person would. HOME is the test's own directory, so no user or
 * system git configuration takes part. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tmux.h"

/* Generous: the machine running the tests may be busy. */
#define WAIT 15.0

/* What every command here runs under: git isolated in the test's directory, redline first on
 * PATH (as after make install), a UTF-8 terminal. */
static void env_words(const tmux *t, char *buf, size_t n)
{
	char bin[512];
	snprintf(bin, sizeof bin, "%s", REDLINE_BIN);
	*strrchr(bin, '/') = '\0';
	snprintf(buf, n,
	         "HOME='%s' XDG_CONFIG_HOME='%s/.config' GIT_CONFIG_NOSYSTEM=1 PATH='%s':\"$PATH\" "
	         "TERM=xterm-256color LC_ALL=C.UTF-8 GIT_PAGER=cat",
	         t->dir, t->dir, bin);
}

/* Run a shell script in t->dir under those words; skip the test when git cannot do it here. */
static void script(const tmux *t, const char *body)
{
	char env[2048], cmd[16384];
	env_words(t, env, sizeof env);
	snprintf(cmd, sizeof cmd, "cd '%s' && export %s && (%s) >/dev/null 2>&1", t->dir, env, body);
	if (system(cmd) != 0)
		cr_skip_test("git cannot make a repository here");
}

/* One line a shell command prints, run in dir/repo. */
static char *output(const tmux *t, const char *cmd)
{
	char full[4096], *line = calloc(1, 256);
	snprintf(full, sizeof full, "cd '%s/repo' && %s", t->dir, cmd);
	FILE *p = popen(full, "r");
	cr_assert_not_null(p);
	if (!fgets(line, 256, p))
		line[0] = '\0';
	pclose(p);
	line[strcspn(line, "\n")] = '\0';
	return line;
}

/* A commit by `who` on day `day` of January 2026 (fixed, so that ids are the same every run). */
#define COMMIT(who, day, msg)                                                                    \
	"git add -A && GIT_AUTHOR_NAME='" who "' GIT_AUTHOR_EMAIL=x@example.org "                     \
	"GIT_COMMITTER_NAME='" who "' GIT_COMMITTER_EMAIL=x@example.org "                             \
	"GIT_AUTHOR_DATE='2026-01-0" day "T10:00:00+00:00' "                                          \
	"GIT_COMMITTER_DATE='2026-01-0" day "T10:00:00+00:00' git commit -qm '" msg "'"

/* The story in two commits: a text file rewritten, a file added, a file deleted, a binary file
 * changed. */
static void small_repo(const tmux *t)
{
	char body[4096];
	snprintf(body, sizeof body,
	         "git init -q repo && cd repo && "
	         "cp '%s/examples/lighthouse-1-original.txt' story.txt && "
	         "echo 'The keeper kept a log of every ship.' > old.md && "
	         "printf 'PNG\\0\\1\\2' > logo.png && " COMMIT("Ann Writer", "1", "first") " && "
	         "cp '%s/examples/lighthouse-2-spun.txt' story.txt && git rm -q old.md && "
	         "echo 'A new page about the harbor.' > new.md && "
	         "printf 'PNG\\0\\3\\4' > logo.png && " COMMIT("Bob Editor", "2", "second"),
	         SOURCE_DIR, SOURCE_DIR);
	script(t, body);
}

static void start(tmux *t, unsigned w, unsigned h, const char *cmd)
{
	char env[2048], full[8192], repo[256];
	env_words(t, env, sizeof env);
	snprintf(full, sizeof full, "export %s; %s", env, cmd);
	snprintf(repo, sizeof repo, "%s/repo", t->dir);
	tmux_wrapped(t, w, h, repo, full);
}

static void expect(const tmux *t, const char *needle)
{
	tmux_expect(t, needle, WAIT);
}

/* The whole screen does not hold needle. */
static void expect_not(const tmux *t, const char *needle)
{
	char *s = tmux_screen(t, false);
	cr_assert_null(strstr(s, needle), "'%s' on the screen:\n%s", needle, s);
	free(s);
}

TestSuite(tui_git, .init = tmux_suite_init, .fini = tmux_suite_fini,
          .timeout = 1800);

/* redline --git: the file list, Enter into a file side by side, q back to the list, q out. */
Test(tui_git, the_file_list_opens_files_and_q_comes_back)
{
	tmux t = {0};
	tmux_prepare(&t);
	small_repo(&t);
	start(&t, 120, 24, "redline --git HEAD~1");
	expect(&t, "--git HEAD~1: 4 files");
	expect(&t, "file 1/4");
	char *l0 = tmux_line(&t, 0), *l3 = tmux_line(&t, 3);
	cr_assert_eq(strncmp(l0, " M  logo.png", 12), 0, "%s", l0);
	cr_assert_eq(strncmp(l3, " M  story.txt", 13), 0, "%s", l3);
	free(l0);
	free(l3);
	expect(&t, " A  new.md");
	expect(&t, " D  old.md");
	/* the counts come while no key is pressed */
	expect(&t, "+6 words");
	expect(&t, "-8 words");
	expect(&t, "sim 90%");
	tmux_keys(&t, false, "G");
	expect(&t, "file 4/4");
	tmux_keys(&t, false, "Enter");
	expect(&t, "4/4: HEAD~1:story.txt \xe2\x86\x92 story.txt");
	expect(&t, "change 1/");
	char *row = tmux_line(&t, 0);
	unsigned right = (120 - 3) / 2 + 3;
	cr_assert_eq(strncmp(row, "Council votes 5-2", 17), 0, "side by side: %s", row);
	cr_assert_geq(strlen(row), right + 11);
	cr_assert_eq(strncmp(row + right, "Board votes", 11), 0, "%s", row);
	free(row);
	tmux_keys(&t, false, "q");
	expect(&t, "--git HEAD~1: 4 files");
	expect(&t, "file 4/4");
	expect_not(&t, "Council votes");
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=1", WAIT);
	tmux_stop(&t);
}

/* A binary file is listed and marked; Enter says so instead of opening it; ] steps over it. */
Test(tui_git, a_binary_file_is_marked_and_not_opened)
{
	tmux t = {0};
	tmux_prepare(&t);
	small_repo(&t);
	start(&t, 120, 24, "redline --git HEAD~1");
	expect(&t, "binary");
	char *l0 = tmux_line(&t, 0);
	cr_assert_not_null(strstr(l0, "logo.png"), "%s", l0);
	cr_assert_not_null(strstr(l0, "binary"), "the mark on its line: %s", l0);
	free(l0);
	tmux_keys(&t, false, "Enter");
	expect(&t, "logo.png: a binary file: not compared");
	expect(&t, "file 1/4");
	/* the next file, then [ does not land on the binary one */
	tmux_keys(&t, false, "j");
	tmux_keys(&t, false, "Enter");
	expect(&t, "2/4: /dev/null \xe2\x86\x92 new.md");
	tmux_keys(&t, false, "[");
	expect(&t, "no file before this one can be compared");
	tmux_keys(&t, false, "]");
	expect(&t, "3/4: HEAD~1:old.md \xe2\x86\x92 /dev/null");
	tmux_keys(&t, false, "q");
	expect(&t, "file 3/4");
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=1", WAIT);
	tmux_stop(&t);
}

/* --history over six versions of a story, one of them a rename: [ and ] step through every
 * change, the status line naming each side's commit, date and author. */
Test(tui_git, history_steps_through_six_versions_and_a_rename)
{
	tmux t = {0};
	char body[8192];
	tmux_prepare(&t);
	snprintf(body, sizeof body,
	         "git init -q repo && cd repo && E='%s/examples' && "
	         "cp $E/lighthouse-1-original.txt story.txt && " COMMIT("Ann Writer", "1", "draft")
	         " && cp $E/lighthouse-2-spun.txt story.txt && " COMMIT("Bob Editor", "2", "spin")
	         " && git mv story.txt lighthouse.txt && sed -i 's/Monday/Tuesday/' lighthouse.txt && "
	         COMMIT("Cy Reporter", "3", "rename")
	         " && echo 'Unrelated notes.' > notes.md && " COMMIT("Cy Reporter", "4", "notes")
	         " && cp $E/lighthouse-3-summary.txt lighthouse.txt && "
	         COMMIT("Dee Desk", "5", "summary")
	         " && cp $E/lighthouse-4-rewrite.txt lighthouse.txt && "
	         COMMIT("Eve Rewrite", "6", "rewrite")
	         " && sed -i 's/Halloway/Hallowell/' lighthouse.txt && "
	         COMMIT("Fay Fixer", "7", "names"),
	         SOURCE_DIR);
	script(&t, body);
	char *head = output(&t, "git rev-parse --short=7 HEAD");
	char *first = output(&t, "git rev-list --max-parents=0 HEAD | cut -c1-7");
	cr_assert_eq(strlen(head), 7);
	start(&t, 160, 30, "redline --history lighthouse.txt");
	expect(&t, "5/5: ");
	char want[128];
	snprintf(want, sizeof want, "%s 2026-01-07 Fay Fixer", head);
	expect(&t, want);
	expect(&t, "2026-01-06 Eve Rewrite");
	expect(&t, "Hallowell");
	const char *steps[] = {"4/5: ", "3/5: ", "2/5: ", "1/5: "};
	const char *who[] = {"2026-01-05 Dee Desk", "2026-01-03 Cy Reporter", "2026-01-02 Bob Editor",
	                     "2026-01-01 Ann Writer (story.txt)"};
	for (size_t i = 0; i < 4; i++) {
		tmux_keys(&t, false, "[");
		expect(&t, steps[i]);
		expect(&t, who[i]);
	}
	snprintf(want, sizeof want, "%s 2026-01-01 Ann Writer (story.txt)", first);
	expect(&t, want);
	expect(&t, "Bob Editor (story.txt)");
	expect_not(&t, "Cy Reporter");
	tmux_keys(&t, false, "[");
	expect(&t, "this is the first pair");
	tmux_keys(&t, false, "]");
	expect(&t, "2/5: ");
	expect(&t, "Bob Editor (story.txt)");
	expect(&t, "2026-01-03 Cy Reporter");
	expect(&t, "Tuesday");
	free(head);
	free(first);
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=1", WAIT);
	tmux_stop(&t);
}

/* git difftool with the README's configuration: the viewer once per file, on the terminal, named
 * by the real path; an added or deleted file against /dev/null. */
Test(tui_git, git_difftool_opens_the_viewer_for_each_file)
{
	tmux t = {0};
	tmux_prepare(&t);
	small_repo(&t);
	script(&t, "git config --global difftool.redline.cmd "
	           "'redline -L \"a/$MERGED\" -L \"b/$MERGED\" \"$LOCAL\" \"$REMOTE\"'");
	start(&t, 120, 24, "git difftool -y -t redline HEAD~1");
	/* logo.png is binary: printed, not viewed; then new.md, old.md, story.txt */
	expect(&t, "2/4: /dev/null \xe2\x86\x92 b/new.md");
	expect(&t, "A new page about the harbor.");
	expect(&t, "change 1/1  ~0 -0 +1");
	char *alt = tmux_format(&t, "#{alternate_on}");
	cr_assert_str_eq(alt, "1", "the viewer, not printed output");
	free(alt);
	tmux_keys(&t, false, "q");
	expect(&t, "3/4: a/old.md \xe2\x86\x92 /dev/null");
	expect(&t, "~0 -1 +0");
	tmux_keys(&t, false, "q");
	expect(&t, "4/4: a/story.txt \xe2\x86\x92 b/story.txt");
	expect_not(&t, "git-blob");
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=0", WAIT);
	expect(&t, "Binary files a/logo.png and b/logo.png differ");
	tmux_stop(&t);
}

/* git difftool --dir-diff: two directories, the file list of what differs. */
Test(tui_git, git_difftool_dir_diff_opens_the_file_list)
{
	tmux t = {0};
	tmux_prepare(&t);
	small_repo(&t);
	script(&t, "git config --global difftool.redline.cmd "
	           "'redline -L \"a/$MERGED\" -L \"b/$MERGED\" \"$LOCAL\" \"$REMOTE\"'");
	start(&t, 120, 24, "git difftool -d -t redline HEAD~1");
	expect(&t, "a/ \xe2\x86\x92 b/: 4 files");
	expect(&t, " A  new.md");
	expect(&t, " D  old.md");
	tmux_keys(&t, false, "/");
	tmux_keys(&t, true, "story");
	tmux_keys(&t, false, "Enter");
	expect(&t, "file 4/4");
	tmux_keys(&t, false, "Enter");
	expect(&t, "4/4: a/story.txt \xe2\x86\x92 b/story.txt");
	tmux_keys(&t, false, "q");
	expect(&t, "4 files");
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=0", WAIT);
	tmux_stop(&t);
}

/* git's external diff with --viewer: the viewer on the terminal while git's output goes to a
 * file; without --viewer it prints. */
Test(tui_git, external_diff_with_viewer_opens_on_the_terminal)
{
	tmux t = {0};
	tmux_prepare(&t);
	small_repo(&t);
	start(&t, 120, 24,
	      "git -c diff.external='redline --viewer' diff HEAD~1 -- story.txt > \"$D/out\"");
	expect(&t, "a/story.txt \xe2\x86\x92 b/story.txt");
	expect(&t, "change 1/");
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=0", WAIT);
	char *out = tmux_read(&t, "out");
	cr_assert_not_null(out);
	cr_assert_str_eq(out, "", "nothing printed: it was viewed");
	free(out);
	tmux_stop(&t);

	/* Without --viewer, and with it under git's pager (which holds the terminal): printed. */
	const char *cmds[] = {
		"git -c diff.external=redline diff HEAD~1 -- story.txt > \"$D/out\"",
		"GIT_PAGER_IN_USE=true git -c diff.external='redline --viewer' diff HEAD~1 -- story.txt "
		"> \"$D/out\""};
	for (size_t i = 0; i < 2; i++) {
		tmux t2 = {0};
		tmux_prepare(&t2);
		small_repo(&t2);
		start(&t2, 120, 24, cmds[i]);
		tmux_expect(&t2, "exit=0", WAIT);
		out = tmux_read(&t2, "out");
		cr_assert_not_null(strstr(out, "redline a/story.txt b/story.txt"), "%s:\n%s", cmds[i], out);
		free(out);
		tmux_stop(&t2);
	}
}

/* File names are untrusted too: escape sequences in a path are shown, never obeyed, on the list
 * and in the status line of the file opened from it. */
Test(tui_git, a_hostile_file_name_is_shown_not_obeyed)
{
	tmux t = {0};
	tmux_prepare(&t);
	script(&t, "git init -q repo && cd repo && echo 'One harbor.' > plain.md && "
	           "echo 'One harbor.' > \"$(printf 'evil\\033]0;pwned\\007\\033[2J.md')\" && "
	           COMMIT("Ann Writer", "1", "first")
	           " && echo 'Two harbors.' > plain.md && "
	           "echo 'Two harbors.' > \"$(printf 'evil\\033]0;pwned\\007\\033[2J.md')\"");
	start(&t, 120, 24, "redline --git");
	expect(&t, "--git: 2 files");
	expect(&t, "evil^[]0;pwned^G^[[2J.md");
	expect(&t, "sim ");
	tmux_keys(&t, false, "Enter");
	expect(&t, "1/2: :evil^[]0;pwned^G^[[2J.md");
	char *title = tmux_format(&t, "#{pane_title}");
	cr_assert_null(strstr(title, "pwned"), "the title was changed: %s", title);
	free(title);
	expect(&t, "Two harbors.");
	tmux_keys(&t, false, "q");
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=1", WAIT);
	tmux_stop(&t);
}

/* A merge that stopped on a conflict: the unmerged path is listed and marked, not opened. */
Test(tui_git, an_unmerged_path_is_marked_and_not_opened)
{
	tmux t = {0};
	tmux_prepare(&t);
	script(&t, "git init -q -b main repo && cd repo && echo 'The harbor council met.' > story.md && "
	           "echo 'Notes.' > notes.md && " COMMIT("Ann Writer", "1", "first")
	           " && git checkout -qb side && echo 'The town council met.' > story.md && "
	           COMMIT("Bob Editor", "2", "side")
	           " && git checkout -q main && echo 'The city council met.' > story.md && "
	           COMMIT("Ann Writer", "3", "main")
	           " && (GIT_COMMITTER_NAME=A GIT_COMMITTER_EMAIL=a@example.org git merge -q side "
	           "|| true) && echo 'More notes.' > notes.md");
	start(&t, 120, 24, "redline --git");
	expect(&t, " U  story.md");
	expect(&t, "unmerged");
	tmux_keys(&t, false, "G");
	tmux_keys(&t, false, "Enter");
	expect(&t, "story.md: unmerged (a conflict in the index): not compared");
	tmux_keys(&t, false, "g");
	tmux_keys(&t, false, "Enter");
	expect(&t, "1/2: :notes.md \xe2\x86\x92 notes.md");
	tmux_keys(&t, false, "]");
	expect(&t, "no file after this one can be compared");
	tmux_keys(&t, false, "q");
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=1", WAIT);
	tmux_stop(&t);
}

/* --history in a shallow clone (most CI checkouts): the viewer opens on the versions the clone
 * holds and its status line says the history stops at the boundary; it used to fail with
 * "object not found". */
Test(tui_git, history_in_a_shallow_clone_says_so)
{
	tmux t = {0};
	tmux_prepare(&t);
	small_repo(&t);
	script(&t, "cd repo && cp '" SOURCE_DIR "/examples/lighthouse-4-rewrite.txt' story.txt && "
	           COMMIT("Cy Reporter", "3", "third") " && cd .. && "
	           "git clone -q --depth 2 \"file://$PWD/repo\" shallow && rm -rf repo && "
	           "mv shallow repo");
	start(&t, 120, 30, "redline --history story.txt");
	expect(&t, "shallow clone: the history stops at commit");
	tmux_keys(&t, false, "q");
	tmux_expect_restored(&t, "exit=1", WAIT);
	tmux_stop(&t);
}
