/* End-to-end tests of redline with git: real repositories made with the git command, real
 * `git difftool` and `git diff` calling the real binary, and what a person sees on standard output.
 * Every test runs in its own temporary directory with HOME pointing there, so no user or system
 * git configuration takes part. (The interactive viewer's tests run in tmux elsewhere.) */
#include <criterion/criterion.h>
#include <ftw.h>
#include <libgen.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "expect.h"
#include "fixtures.h"
#include "run.h"

typedef struct sandbox {
	char root[128];   /* the temporary directory, also HOME */
	char repo[160];   /* root/repo */
	char *env[32];    /* NULL-terminated */
} sandbox;

static char *env_entry(const char *name, const char *value)
{
	size_t n = strlen(name) + strlen(value) + 2;
	char *s = malloc(n);
	snprintf(s, n, "%s=%s", name, value);
	return s;
}

/* A fresh directory and an environment that isolates git and fixes what varies: the people and
 * dates of commits, the width, the pager, colour. redline's directory comes first on PATH, as
 * after `make install`. */
static void sb_init(sandbox *sb)
{
	char bin[512], path[4096], xdg[200];
	size_t n = 0;

	memset(sb, 0, sizeof *sb);
	snprintf(sb->root, sizeof sb->root, "/tmp/redline-gitcli-XXXXXX");
	cr_assert_not_null(mkdtemp(sb->root));
	snprintf(sb->repo, sizeof sb->repo, "%s/repo", sb->root);
	snprintf(bin, sizeof bin, "%s", REDLINE_BIN);
	snprintf(path, sizeof path, "%s:%s", dirname(bin),
	         getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
	snprintf(xdg, sizeof xdg, "%s/.config", sb->root);
	sb->env[n++] = env_entry("HOME", sb->root);
	sb->env[n++] = env_entry("XDG_CONFIG_HOME", xdg);
	sb->env[n++] = env_entry("PATH", path);
	sb->env[n++] = env_entry("GIT_CONFIG_NOSYSTEM", "1");
	sb->env[n++] = env_entry("GIT_AUTHOR_NAME", "Ann Writer");
	sb->env[n++] = env_entry("GIT_AUTHOR_EMAIL", "ann@example.org");
	sb->env[n++] = env_entry("GIT_COMMITTER_NAME", "Ann Writer");
	sb->env[n++] = env_entry("GIT_COMMITTER_EMAIL", "ann@example.org");
	sb->env[n++] = env_entry("GIT_PAGER", "cat");
	sb->env[n++] = env_entry("COLUMNS", "80");
	sb->env[n++] = env_entry("LANG", "C.UTF-8");
	sb->env[n++] = env_entry("TERM", "xterm");
	char parent[128];
	snprintf(parent, sizeof parent, "%s", sb->root);
	*strrchr(parent, '/') = '\0';
	sb->env[n++] = env_entry("GIT_CEILING_DIRECTORIES", parent);
	const char *unset[] = {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_EXTERNAL_DIFF",
	                       "GIT_DIFF_PATH_COUNTER", "GIT_DIFF_PATH_TOTAL", "GIT_PAGER_IN_USE",
	                       "NO_COLOR", "GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE", "LC_ALL"};
	for (size_t i = 0; i < sizeof unset / sizeof *unset; i++) {
		sb->env[n] = malloc(strlen(unset[i]) + 1);
		strcpy(sb->env[n++], unset[i]);
	}
	sb->env[n] = NULL;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

static void sb_free(sandbox *sb)
{
	for (size_t i = 0; sb->env[i]; i++)
		free(sb->env[i]);
	if (chdir("/") == 0)
		nftw(sb->root, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* Run argv ("redline" means the binary under test) in root/sub, with the sandbox's environment
 * plus `extra` (may be NULL). */
static void sb_run(sandbox *sb, run_result *r, const char *sub, const char *const *argv,
                   const char *const *extra)
{
	const char *env[48];
	size_t n = 0, argc = 0;
	char cwd[256];

	for (size_t i = 0; sb->env[i]; i++) {
		size_t len = strcspn(sb->env[i], "=");
		bool overridden = false;
		for (size_t j = 0; extra && extra[j]; j++)
			overridden |= strncmp(extra[j], sb->env[i], len) == 0 && extra[j][len] == '=';
		if (!overridden)
			env[n++] = sb->env[i];
	}
	for (size_t i = 0; extra && extra[i]; i++)
		env[n++] = extra[i];
	env[n] = NULL;
	while (argv[argc])
		argc++;
	const char **args = calloc(argc + 1, sizeof *args);
	for (size_t i = 0; i < argc; i++)
		args[i] = argv[i];
	if (strcmp(args[0], "redline") == 0)
		args[0] = REDLINE_BIN;
	snprintf(cwd, sizeof cwd, "%s%s%s", sb->root, sub ? "/" : "", sub ? sub : "");
	run_program(r, args, cwd, NULL, 0, env, 30);
	free(args);
	cr_assert(!r->timed_out, "%s timed out", argv[0]);
}

/* Run a shell script in the root; it must succeed. */
static void sb_sh(sandbox *sb, const char *script)
{
	run_result r;
	sb_run(sb, &r, NULL, (const char *const[]){"sh", "-ec", script, NULL}, NULL);
	cr_assert_eq(r.status, 0, "script failed: %s\n%s", r.err, script);
	run_free(&r);
}

#define RUN(sb, r, sub, ...) \
	sb_run((sb), (r), (sub), (const char *const[]){__VA_ARGS__, NULL}, NULL)

/* A repository with two commits, at fixed dates so that commit ids do not change:
 *   First draft: story.md, gone.md, notes.txt, img.bin
 *   Edit:        story.md reworded, gone.md deleted, new.md added, img.bin changed */
static const char story_script[] =
	"git init -q -b main repo\n"
	"cd repo\n"
	"printf 'The harbor council met on Monday.\\n\\n"
	"It voted to sell the lighthouse.\\n' > story.md\n"
	"printf 'This page will go.\\n' > gone.md\n"
	"printf 'Plain notes.\\n' > notes.txt\n"
	"printf 'GIF\\000\\001' > img.bin\n"
	"git add .\n"
	"GIT_AUTHOR_DATE='2026-01-01T10:00:00+0100' GIT_COMMITTER_DATE='2026-01-01T10:00:00+0100' "
	"git commit -qm 'First draft'\n"
	"printf 'The town council met on Monday night.\\n\\n"
	"It voted to sell the old lighthouse.\\n' > story.md\n"
	"git rm -q gone.md\n"
	"printf 'A new page about the harbor.\\n' > new.md\n"
	"printf 'GIF\\000\\002' > img.bin\n"
	"git add .\n"
	"GIT_AUTHOR_NAME='Bob Editor' GIT_AUTHOR_DATE='2026-01-02T10:00:00+0100' "
	"GIT_COMMITTER_DATE='2026-01-02T10:00:00+0100' git commit -qm 'Edit'\n";

/* The README's configuration, as it stands there. */
static const char readme_config[] =
	"cd repo\n"
	"git config difftool.redline.cmd "
	"'redline -L \"a/$MERGED\" -L \"b/$MERGED\" \"$LOCAL\" \"$REMOTE\"'\n";

static void story(sandbox *sb)
{
	sb_init(sb);
	sb_sh(sb, story_script);
}

/* The story repository, then `script` run by the shell in the sandbox. */
static void story_with(sandbox *sb, const char *script)
{
	story(sb);
	sb_sh(sb, script);
}

static void no_escape(const run_result *r)
{
	cr_assert_null(memchr(r->out, '\x1b', r->out_len), "escape in stdout");
	cr_assert_null(memchr(r->err, '\x1b', r->err_len), "escape in stderr");
}

Test(gitcli, difftool_with_the_readme_config)
{
	sandbox sb;
	run_result r;
	story_with(&sb, readme_config);
	RUN(&sb, &r, "repo", "git", "difftool", "-y", "-t", "redline", "HEAD~1", "HEAD");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(r.err_len, 0, "%s", r.err);
	no_escape(&r);
	/* every file with a header naming its real path; added and deleted files all-inserted and
	 * all-deleted against /dev/null; the binary file as diff reports it */
	golden("git-difftool.txt", &r);
	run_free(&r);
	sb_free(&sb);
}

/* doc/git.md's line for renames: both names, from $MERGED (the old path) and $REMOTE's last
 * component (the new one), for committed and working-tree renames, in a directory or not. */
static const char rename_config[] =
	"cd repo\n"
	"git config difftool.redline.cmd 'n=$(basename \"$REMOTE\"); case $MERGED in */*) "
	"n=${MERGED%/*}/$n;; esac; redline -L \"a/$MERGED\" -L \"b/$n\" \"$LOCAL\" \"$REMOTE\"'\n";

Test(gitcli, difftool_labels_a_rename_with_both_names)
{
	sandbox sb;
	run_result r;
	story_with(&sb, rename_config);
	sb_sh(&sb, "cd repo && mkdir docs\n"
	           "printf 'One line of the page.\\nTwo lines of it.\\nThree lines now.\\n"
	           "Four lines here.\\nFive and done.\\n' > docs/page.md\n"
	           "git add . && git commit -qm page\n"
	           "git mv story.md tale.md && git mv docs/page.md docs/leaf.md\n"
	           "sed -i 's/Two/2/' docs/leaf.md\n");
	/* the working tree against HEAD: $REMOTE is the file itself */
	RUN(&sb, &r, "repo", "git", "difftool", "-y", "-t", "redline", "HEAD");
	cr_assert_eq(r.status, 0, "%s", r.err);
	no_escape(&r);
	out_has(&r, "redline a/docs/page.md b/docs/leaf.md\n");
	out_has(&r, "redline a/story.md b/tale.md\n");
	run_free(&r);
	/* two commits: $REMOTE is git's temporary copy, named after the new file */
	sb_sh(&sb, "cd repo && git commit -qam renames\n");
	RUN(&sb, &r, "repo", "git", "difftool", "-y", "-t", "redline", "HEAD~1", "HEAD");
	cr_assert_eq(r.status, 0, "%s", r.err);
	out_has(&r, "redline a/docs/page.md b/docs/leaf.md\n");
	out_has(&r, "redline a/story.md b/tale.md\n");
	out_has(&r, "{+2+}");
	run_free(&r);
	sb_free(&sb);
}

Test(gitcli, difftool_with_the_minimal_config)
{
	sandbox sb;
	run_result r;
	story_with(&sb, "cd repo && git config difftool.redline.cmd 'redline \"$LOCAL\" \"$REMOTE\"'\n"
	                "printf 'The town council met on Tuesday night.\\n\\nIt voted.\\n' "
	                "> story.md\n");
	/* the working tree: git passes the file itself as $REMOTE, and a temporary copy as $LOCAL */
	RUN(&sb, &r, "repo", "git", "difftool", "-y", "-t", "redline", "--", "story.md");
	cr_assert_eq(r.status, 0, "%s", r.err);
	out_has(&r, " story.md\n");
	out_has(&r, "[-Monday-]");
	out_has(&r, "{+Tuesday+}");
	run_free(&r);
	sb_free(&sb);
}

Test(gitcli, difftool_dir_diff)
{
	sandbox sb;
	run_result r;
	story_with(&sb, readme_config);
	RUN(&sb, &r, "repo", "git", "difftool", "-d", "-y", "-t", "redline", "HEAD~1", "HEAD");
	cr_assert_eq(r.status, 0, "%s", r.err);
	no_escape(&r);
	golden("git-dir-diff.txt", &r);
	run_free(&r);
	sb_free(&sb);
}

/* git difftool --dir-diff with a file renamed and edited: one pair old -> new, as --git shows it,
 * not a deletion and an addition. */
Test(gitcli, difftool_dir_diff_renames)
{
	sandbox sb;
	run_result r;
	story_with(&sb, readme_config);
	sb_sh(&sb, "cd repo\n"
	           "printf 'Minutes of the harbor meeting, kept by the clerk.\\n"
	           "The council met at noon in the old customs house.\\n"
	           "It voted on the budget for the breakwater repairs.\\n"
	           "The harbor master asked for a second crane.\\n"
	           "It adjourned at two after a short recess.\\n' > minutes.md\n"
	           "git add . && git commit -qm minutes\n"
	           "git mv minutes.md record.md\n"
	           "sed -i 's/at noon/at one/' record.md\n"
	           "git commit -qam renamed\n");
	RUN(&sb, &r, "repo", "git", "difftool", "-d", "-y", "-t", "redline", "HEAD~1", "HEAD");
	cr_assert_eq(r.status, 0, "%s", r.err);
	no_escape(&r);
	out_has(&r, "redline a/minutes.md b/record.md\n");
	out_has(&r, "[-noon-]");
	out_has(&r, "{+one+}");
	cr_assert_null(strstr(r.out, "/dev/null"), "no deletion and addition: %s", r.out);
	run_free(&r);
	/* git's own --git agrees */
	RUN(&sb, &r, "repo", "redline", "--git", "--list", "HEAD~1", "HEAD");
	out_has(&r, "R minutes.md -> record.md");
	run_free(&r);
	sb_free(&sb);
}

Test(gitcli, external_diff)
{
	sandbox sb;
	run_result r;
	story(&sb);
	RUN(&sb, &r, "repo", "git", "-c", "diff.external=redline", "diff", "HEAD~1", "HEAD");
	cr_assert_eq(r.status, 0, "git needs 0 from an external diff: %s", r.err);
	cr_assert_eq(r.err_len, 0, "%s", r.err);
	no_escape(&r);
	golden("git-external-diff.txt", &r);
	run_free(&r);

	/* the environment variable, and git log -p, which asks for --ext-diff */
	RUN(&sb, &r, "repo", "git", "log", "-p", "--ext-diff", "--format=commit %s", "-1", "--",
	    "story.md");
	cr_assert_eq(r.status, 0);
	cr_assert_not_null(strstr(r.out, "@@ -"), "without GIT_EXTERNAL_DIFF, git's own patch");
	run_free(&r);
	sb_run(&sb, &r, "repo",
	       (const char *const[]){"git", "log", "-p", "--ext-diff", "--format=commit %s", "-1",
	                             "--", "story.md", NULL},
	       (const char *const[]){"GIT_EXTERNAL_DIFF=redline", NULL});
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(strncmp(r.out, "commit Edit\n\nredline a/story.md b/story.md\n", 43), 0, "%s",
	             r.out);
	out_has(&r, "{+town+}");
	/* redline's hunk headers ("@@ ¶1"), not git's ("@@ -1,3") */
	cr_assert_null(strstr(r.out, "@@ -"), "%s", r.out);
	run_free(&r);
	sb_free(&sb);
}

/* --viewer where no terminal can be had (setsid: no controlling terminal, as in CI): git's
 * external diff still prints, the same bytes as without it. */
Test(gitcli, external_diff_with_viewer_and_no_terminal_prints)
{
	sandbox sb;
	run_result r, plain;
	story(&sb);
	RUN(&sb, &plain, "repo", "git", "-c", "diff.external=redline", "diff", "HEAD~1", "HEAD");
	RUN(&sb, &r, "repo", "setsid", "-w", "git", "-c", "diff.external=redline --viewer", "diff",
	    "HEAD~1", "HEAD");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(r.err_len, 0, "%s", r.err);
	cr_assert_str_eq(r.out, plain.out);
	run_free(&r);
	run_free(&plain);
	/* an output format says what to print: no viewer to ask for */
	RUN(&sb, &r, "repo", "redline", "--viewer", "--inline", "story.md", "notes.txt");
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "redline: --viewer cannot go with an output format or --list\n"
	                        "Try 'redline --help' for more information.\n");
	run_free(&r);
	sb_free(&sb);
}

Test(gitcli, external_diff_for_prose_files_only)
{
	sandbox sb;
	run_result r;
	story_with(&sb, "cd repo && echo '*.md diff=prose' > .git/info/attributes && "
	                "git config diff.prose.command redline\n");
	RUN(&sb, &r, "repo", "git", "diff", "HEAD~1", "HEAD");
	cr_assert_eq(r.status, 0, "%s", r.err);
	out_has(&r, "redline a/story.md b/story.md\n");
	out_has(&r, "redline /dev/null b/new.md\n");
	/* not a .md file: git's own diff */
	out_has(&r, "diff --git a/img.bin b/img.bin\n");
	cr_assert_null(strstr(r.out, "redline a/img.bin"), "%s", r.out);
	run_free(&r);
	sb_free(&sb);
}

Test(gitcli, external_diff_renames_and_trouble)
{
	sandbox sb;
	run_result r;
	story_with(&sb, "cd repo && git mv notes.txt renamed.txt && git commit -qm Rename\n");
	/* a pure rename: git passes nine operands */
	RUN(&sb, &r, "repo", "git", "-c", "diff.external=redline", "diff", "-M", "HEAD~1", "HEAD");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_str_eq(r.out, "redline a/notes.txt b/renamed.txt\n(no difference in the words)\n");
	run_free(&r);
	/* trouble: one line from redline, and git stops */
	RUN(&sb, &r, "repo", "git", "-c", "diff.external=redline --max-size=4", "diff", "HEAD~2",
	    "HEAD~1", "--", "story.md");
	cr_assert_neq(r.status, 0);
	cr_assert_not_null(strstr(r.err, "redline: a/story.md: larger than the input limit of 4 "
	                                 "bytes (see --max-size)\n"), "%s", r.err);
	cr_assert_not_null(strstr(r.err, "external diff died"), "%s", r.err);
	run_free(&r);
	sb_free(&sb);
}

Test(gitcli, colour_under_git_s_pager)
{
	sandbox sb;
	run_result r;
	story(&sb);
	const char *const ext[] = {"redline", "story.md", "/dev/null", ".", ".", "story.md",
	                           "0000000000000000000000000000000000000000", "100644", NULL};
	sb_run(&sb, &r, "repo", ext, (const char *const[]){"GIT_PAGER_IN_USE=true", NULL});
	cr_assert_eq(r.status, 0);
	out_has(&r, "\x1b[0;1mredline /dev/null b/story.md");
	cr_assert_not_null(strstr(r.out, "\x1b[0;32m"), "insertions in green");
	run_free(&r);
	sb_run(&sb, &r, "repo", ext,
	       (const char *const[]){"GIT_PAGER_IN_USE=true", "NO_COLOR=1", NULL});
	no_escape(&r);
	run_free(&r);
	sb_run(&sb, &r, "repo", ext, (const char *const[]){"GIT_PAGER_IN_USE=true", "TERM=dumb", NULL});
	no_escape(&r);
	out_has(&r, "{+The town council");
	run_free(&r);
	sb_free(&sb);
}

Test(gitcli, unmerged_path_form)
{
	sandbox sb;
	run_result r;
	story(&sb);
	sb_run(&sb, &r, "repo", (const char *const[]){"redline", "story.md", NULL},
	       (const char *const[]){"GIT_DIFF_PATH_COUNTER=1", "GIT_DIFF_PATH_TOTAL=1", NULL});
	cr_assert_eq(r.status, 0);
	cr_assert_str_eq(r.out, "* Unmerged path story.md\n");
	run_free(&r);
	sb_free(&sb);
}

Test(gitcli, git_and_history_from_the_command_line)
{
	sandbox sb;
	run_result r;
	story_with(&sb, "cd repo && printf 'The town council met on Monday night.\\n\\n"
	                "It voted five to two to sell the old lighthouse.\\n' > story.md && "
	                "GIT_AUTHOR_NAME='Cy Reporter' GIT_AUTHOR_DATE='2026-01-03T10:00:00+0100' "
	                "GIT_COMMITTER_DATE='2026-01-03T10:00:00+0100' git commit -qam 'Vote count'\n");

	RUN(&sb, &r, "repo", "redline", "--git", "--list", "HEAD~2", "HEAD");
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.out, "D gone.md\nM img.bin (binary)\nA new.md\nM story.md\n");
	run_free(&r);

	RUN(&sb, &r, "repo", "redline", "--git", "HEAD~2", "HEAD", "--width=80");
	cr_assert_eq(r.status, 1);
	golden("git-revisions.txt", &r);
	run_free(&r);

	/* --json: one document per file, the binary one saying so (and counted as differing) */
	RUN(&sb, &r, "repo", "redline", "--git", "--json", "HEAD~2", "HEAD", "--", "img.bin");
	cr_assert_eq(r.status, 1);
	cr_assert_eq(strncmp(r.out, "[\n{\n  \"redline\": 1,\n  \"old\": {\"path\": \"HEAD~2:img.bin\"", 50),
	             0, "%s", r.out);
	out_has(&r, "\"binary\": true,\n  \"identical\": false\n}\n]\n");
	run_free(&r);

	RUN(&sb, &r, "repo", "redline", "--git", "--stat", "HEAD~1");
	cr_assert_eq(r.status, 1);
	cr_assert_eq(strncmp(r.out, "redline HEAD~1:story.md story.md\nold 14 words", 45), 0, "%s",
	             r.out);
	run_free(&r);

	RUN(&sb, &r, "repo", "redline", "--git");
	cr_assert_eq(r.status, 0, "a clean working tree: %s", r.out);
	cr_assert_eq(r.out_len, 0);
	run_free(&r);

	RUN(&sb, &r, "repo", "redline", "--history", "--list", "story.md");
	cr_assert_eq(r.status, 1);
	golden("git-history-list.txt", &r);
	run_free(&r);

	RUN(&sb, &r, "repo", "redline", "--history", "story.md", "--width=80");
	cr_assert_eq(r.status, 1);
	golden("git-history.txt", &r);
	run_free(&r);

	/* JSON of a list: an array with one document per compared pair */
	RUN(&sb, &r, "repo", "redline", "--history", "story.md", "--json");
	cr_assert_eq(r.status, 1);
	cr_assert_eq(strncmp(r.out, "[\n{\n  \"redline\": 1,\n", 20), 0, "%s", r.out);
	cr_assert_not_null(strstr(r.out, "}\n,\n{\n"), "two documents");
	cr_assert_eq(strcmp(r.out + r.out_len - 4, "}\n]\n"), 0);
	run_free(&r);
	sb_free(&sb);
}

Test(gitcli, every_error_is_one_line_and_exit_2)
{
	sandbox sb;
	run_result r;
	char want[512];
	story_with(&sb, "cd repo && git update-index --add --cacheinfo "
	                "160000,1234567890123456789012345678901234567890,lib && git commit -qm Sub && "
	                "cd .. && git clone -q --bare repo bare.git\n");
	struct {
		const char *sub;
		const char *argv[6];
		const char *want;  /* after "redline: "; %s is the sandbox root */
	} cases[] = {
		{NULL, {"redline", "--git", NULL}, "--git: %s is not inside a git repository"},
		{NULL, {"redline", "--history", "story.md", NULL},
		 "--history: %s is not inside a git repository"},
		{NULL, {"redline", "HEAD:story.md", "x", NULL},
		 "HEAD:story.md: no such file, and %s is not inside a git repository to read it as "
		 "REV:path"},
		{"repo", {"redline", "HEAD~9:story.md", "story.md", NULL},
		 "HEAD~9:story.md: unknown revision 'HEAD~9'"},
		{"repo", {"redline", "HEAD~2:new.md", "new.md", NULL},
		 "HEAD~2:new.md: path 'new.md' does not exist in 'HEAD~2'"},
		{"repo", {"redline", "HEAD:lib", "story.md", NULL},
		 "HEAD:lib: 'lib' is a submodule in 'HEAD', not a file"},
		{"repo", {"redline", "--history", "lib", NULL},
		 "--history: 'lib' is a submodule, not a file"},
		{"repo", {"redline", "--git", "nosuch", NULL},
		 "--git: 'nosuch': unknown revision or path not in the working tree (put -- before "
		 "paths that no longer exist)"},
		{"bare.git", {"redline", "--git", NULL},
		 "--git: %s/bare.git is a bare repository: no working tree (name two revisions to "
		 "compare)"},
		{"bare.git", {"redline", ":story.md", "HEAD:story.md", NULL},
		 ":story.md: %s/bare.git is a bare repository: no index"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		sb_run(&sb, &r, cases[i].sub, cases[i].argv, NULL);
		/* "redline: " + the message with %s replaced by the root + "\n" */
		const char *hole = strstr(cases[i].want, "%s");
		if (hole)
			snprintf(want, sizeof want, "redline: %.*s%s%s\n", (int)(hole - cases[i].want),
			         cases[i].want, sb.root, hole + 2);
		else
			snprintf(want, sizeof want, "redline: %s\n", cases[i].want);
		cr_assert_eq(r.status, 2, "case %zu: %d %s", i, r.status, r.err);
		cr_assert_str_eq(r.err, want, "case %zu", i);
		cr_assert_eq(r.out_len, 0, "case %zu: %s", i, r.out);
		run_free(&r);
	}
	/* a binary blob: diff's verdict and status, not an error */
	RUN(&sb, &r, "repo", "redline", "HEAD~2:img.bin", "HEAD:img.bin");
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.out, "Binary files HEAD~2:img.bin and HEAD:img.bin differ\n");
	run_free(&r);
	/* the bare repository still reads revisions */
	RUN(&sb, &r, "bare.git", "redline", "--stat", "HEAD~2:story.md", "HEAD:story.md");
	cr_assert_eq(r.status, 1, "%s", r.err);
	run_free(&r);
	sb_free(&sb);
}

/* File names, authors and subjects come from repositories nobody vetted: shown, never obeyed. */
Test(gitcli, hostile_names_and_authors)
{
	sandbox sb;
	run_result r;
	story_with(&sb, "cd repo && name=$(printf 'evil\\033]0;pwned\\007.md') && "
	                "printf 'Some text.\\n' > \"$name\" && git add . && "
	                "GIT_AUTHOR_NAME=$(printf 'Mallory\\033[2J') "
	                "git commit -qm \"$(printf 'Subject \\033]52;c;eA==\\007')\" && "
	                "printf 'Other text.\\n' > \"$name\" && git commit -qam second\n");
	RUN(&sb, &r, "repo", "redline", "--git", "HEAD~1", "HEAD");
	cr_assert_eq(r.status, 1, "%s", r.err);
	no_escape(&r);
	/* a control character in a name: quoted as git quotes it, a shell word bash reads back */
	out_has(&r, "redline $'HEAD~1:evil\\033]0;pwned\\a.md' "
	            "$'HEAD:evil\\033]0;pwned\\a.md'\n");
	run_free(&r);
	RUN(&sb, &r, "repo", "redline", "--history", "--list", "--", "evil\x1b]0;pwned\x07.md");
	cr_assert_eq(r.status, 1, "%s", r.err);
	no_escape(&r);
	out_has(&r, "Mallory^[[2J");
	out_has(&r, "Subject ^[]52;c;eA==^G");
	run_free(&r);
	RUN(&sb, &r, "repo", "redline", "--git", "--list", "HEAD~2", "HEAD");
	no_escape(&r);
	out_has(&r, "A \"evil\\033]0;pwned\\a.md\"\n");
	run_free(&r);
	sb_free(&sb);
}

/* A shallow clone (git clone --depth, most CI checkouts): --history stops at its boundary, as
 * git log does, and says so; it used to fail with "object not found". */
Test(gitcli, history_in_a_shallow_clone)
{
	sandbox sb;
	run_result r;
	story_with(&sb, "cd repo && printf 'The town council met on Monday night.\\n\\n"
	                "It voted five to two to sell the old lighthouse.\\n' > story.md && "
	                "git commit -qam 'Vote count' && cd .. && "
	                "git clone -q --depth 2 \"file://$PWD/repo\" shallow\n");
	RUN(&sb, &r, "shallow", "redline", "--history", "--list", "story.md");
	cr_assert_eq(r.status, 1, "%d %s", r.status, r.err);
	/* the two versions the clone holds, and a note that older ones were not fetched */
	out_has(&r, "Edit\n");
	out_has(&r, "Vote count\n");
	cr_assert_null(strstr(r.out, "First draft"), "%s", r.out);
	cr_assert_not_null(strstr(r.err, "redline: --history: shallow clone: the history stops at "
	                                 "commit "), "%s", r.err);
	run_free(&r);
	RUN(&sb, &r, "shallow", "redline", "--history", "story.md", "--width=80");
	cr_assert_eq(r.status, 1, "%d %s", r.status, r.err);
	out_has(&r, "{+five to two+}");
	cr_assert_not_null(strstr(r.err, "shallow clone"), "%s", r.err);
	run_free(&r);
	/* the full repository says nothing of the kind */
	RUN(&sb, &r, "repo", "redline", "--history", "--list", "story.md");
	cr_assert_eq(r.status, 1);
	out_has(&r, "First draft");
	cr_assert_eq(r.err_len, 0, "%s", r.err);
	run_free(&r);
	sb_free(&sb);
}

/* --list reads no file over --max-size: it is listed and marked, and the list is no failure. */
Test(gitcli, list_marks_a_file_over_the_size_limit)
{
	sandbox sb;
	run_result r;
	story(&sb);
	RUN(&sb, &r, "repo", "redline", "--git", "--list", "--max-size=40", "HEAD~1", "HEAD");
	cr_assert_eq(r.status, 1, "%d %s", r.status, r.err);
	cr_assert_str_eq(r.out, "D gone.md\nM img.bin (binary)\nA new.md\n"
	                        "M story.md (over --max-size)\n");
	cr_assert_eq(r.err_len, 0, "%s", r.err);
	run_free(&r);
	/* comparing it is still refused, with the reason */
	RUN(&sb, &r, "repo", "redline", "--git", "--max-size=40", "HEAD~1", "HEAD", "--", "story.md");
	cr_assert_eq(r.status, 2);
	cr_assert_not_null(strstr(r.err, "larger than the input limit"), "%s", r.err);
	run_free(&r);
	sb_free(&sb);
}

/* A line end in a file name is quoted as git quotes it, in --list and in the header command,
 * which stays one line that a shell runs to show that file. */
Test(gitcli, a_newline_in_a_file_name_is_quoted)
{
	sandbox sb;
	run_result r;
	story_with(&sb, "cd repo && printf 'Two lines of a name.\\n' > \"$(printf 'a\\nb.txt')\" && "
	                "git add . && git commit -qm name\n");
	RUN(&sb, &r, "repo", "redline", "--git", "--list", "HEAD~1", "HEAD");
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_str_eq(r.out, "A \"a\\nb.txt\"\n");
	run_free(&r);
	RUN(&sb, &r, "repo", "redline", "--git", "HEAD~1", "HEAD", "--width=60");
	cr_assert_eq(r.status, 1, "%s", r.err);
	const char *header = "redline /dev/null $'HEAD:a\\nb.txt'\n";
	cr_assert_eq(strncmp(r.out, header, strlen(header)), 0, "%s", r.out);
	run_free(&r);
	/* the header line, run by a shell, shows that file */
	RUN(&sb, &r, "repo", "bash", "-c",
	    "redline --git HEAD~1 HEAD > ../out; eval \"$(head -n 1 ../out) --stat\"");
	cr_assert_eq(r.status, 1, "%s", r.err);
	out_has(&r, "inserted 5");
	run_free(&r);
	sb_free(&sb);
}

/* A commit whose tree object is damaged: the message names the corruption, not a mistyped
 * revision. */
Test(gitcli, a_corrupt_tree_is_named)
{
	sandbox sb;
	run_result r;
	story_with(&sb, "cd repo && t=$(printf '100644 story.md\\000short' | "
	                "git hash-object -t tree --literally -w --stdin) && "
	                "c=$(printf 'tree %s\\nparent %s\\nauthor A <a@example.org> 1767261600 +0000\\n"
	                "committer A <a@example.org> 1767261600 +0000\\n\\nBroken\\n' "
	                "$t $(git rev-parse HEAD) | git hash-object -t commit -w --stdin) && "
	                "git update-ref refs/heads/main $c\n");
	const char *const cases[][4] = {
		{"redline", "--git", "HEAD~1", "HEAD"},
		{"redline", "HEAD:story.md", "story.md", NULL},
		{"redline", "--history", "story.md", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		sb_run(&sb, &r, "repo", cases[i], NULL);
		cr_assert_eq(r.status, 2, "case %zu: %d", i, r.status);
		cr_assert_not_null(strstr(r.err, "is corrupt (failed to parse tree"), "case %zu: %s", i,
		                   r.err);
		cr_assert_null(strstr(r.err, "not a commit or a tree"), "case %zu: %s", i, r.err);
		run_free(&r);
	}
	sb_free(&sb);
}
