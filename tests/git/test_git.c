/* Tests of the git sources: REV:path, --git lists, --history, two directories, and the command
 * line forms that reach them. Each test builds a real repository with libgit2 in a temporary
 * directory (fixture.c) and works inside it. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "fixture.h"
#include "input/input.h"

#define MAX ((size_t)1 << 20)

/* Five versions of an invented story, and a note that changes once. */
#define V1 "The harbor council met on Monday.\n\nIt voted to sell the lighthouse.\n"
#define V2 "The harbor council met on Monday night.\n\nIt voted to sell the lighthouse.\n"
#define V3 "The harbor council met on Monday night.\n\n" \
	"It voted five to two to sell the lighthouse.\n"
#define V4 "The town council met on Monday night.\n\n" \
	"It voted five to two to sell the old lighthouse.\n"
#define V5 "The town council met on Monday night.\n\n" \
	"It voted 5-2 to sell the old lighthouse to a developer.\n"
#define INTRO "An introduction that nobody reads.\n"

/* 2026-01-01 10:00 UTC, and one day. */
#define T0 1767261600LL
#define DAY 86400LL

/* The history most tests start from (HEAD~6 .. HEAD):
 *   1 First draft   Ann Writer   draft.md V1, notes.txt, docs/intro.md
 *   2 Add night     Ann Writer   draft.md V2
 *   3 Rename        Ann Writer   draft.md -> story.md (same text)
 *   4 Vote count    Bob Editor   story.md V3
 *   5 Notes         Cy Reporter  notes.txt
 *   6 Town, old     Ann Writer   story.md V4   (tag v1.0)
 *   7 Developer     Bob Editor   story.md V5 */
static void story_repo(fx_repo *r)
{
	fx_init(r);
	fx_commit_files(r, "Ann Writer", T0, "First draft", "draft.md", V1, "notes.txt", "Notes.\n",
	                "docs/intro.md", INTRO, NULL);
	fx_commit_files(r, "Ann Writer", T0 + DAY, "Add night", "draft.md", V2, NULL);
	fx_commit_files(r, "Ann Writer", T0 + 2 * DAY, "Rename", "draft.md", NULL, "story.md", V2,
	                NULL);
	fx_commit_files(r, "Bob Editor", T0 + 3 * DAY, "Vote count", "story.md", V3, NULL);
	fx_commit_files(r, "Cy Reporter", T0 + 4 * DAY, "Notes", "notes.txt", "More notes.\n", NULL);
	fx_commit_files(r, "Ann Writer", T0 + 5 * DAY, "Town, old", "story.md", V4, NULL);
	fx_tag(r, "v1.0");
	fx_commit_files(r, "Bob Editor", T0 + 6 * DAY, "Developer\n\nLonger message.\n", "story.md",
	                V5, NULL);
	fx_chdir(r, NULL);
}

/* Read spec, expecting success and these bytes. */
static void expect_read(const char *spec, const char *want)
{
	rl_source src;
	char err[512] = "";
	cr_assert_eq(rl_source_read(&src, spec, MAX, err, sizeof err), 0, "%s: %s", spec, err);
	cr_assert_eq(src.len, strlen(want), "%s: %zu bytes", spec, src.len);
	cr_assert(memcmp(src.data, want, src.len) == 0, "%s: %s", spec, src.data);
	cr_assert_str_eq(src.name, spec);
	rl_source_release(&src);
}

/* Read spec, expecting failure with exactly this message. */
static void expect_error(const char *spec, const char *want)
{
	rl_source src;
	char err[512] = "";
	cr_assert_neq(rl_source_read(&src, spec, MAX, err, sizeof err), 0, "%s read", spec);
	cr_assert_str_eq(err, want);
}

Test(git, revision_inputs)
{
	fx_repo r;
	story_repo(&r);
	expect_read("HEAD:story.md", V5);
	expect_read("HEAD~1:story.md", V4);
	expect_read("HEAD~2:story.md", V3);
	expect_read("HEAD~3:story.md", V3);
	expect_read("HEAD~5:draft.md", V2);
	expect_read("v1.0:story.md", V4);
	expect_read("main~6:docs/intro.md", INTRO);
	expect_read("HEAD^{commit}:notes.txt", "More notes.\n");
	/* the index, which a staged change makes differ from HEAD and the working tree */
	fx_write(&r, "story.md", "Staged text.\n", (size_t)-1);
	fx_stage(&r, "story.md");
	fx_write(&r, "story.md", "Working text.\n", (size_t)-1);
	expect_read(":story.md", "Staged text.\n");
	expect_read(":0:story.md", "Staged text.\n");
	/* mixed with a plain file */
	expect_read("story.md", "Working text.\n");
	fx_free(&r);
}

Test(git, revision_paths_from_a_subdirectory)
{
	fx_repo r;
	char want[512];
	story_repo(&r);
	fx_chdir(&r, "docs");
	expect_read("HEAD:docs/intro.md", INTRO);  /* from the top, as in git */
	expect_read("HEAD:./intro.md", INTRO);     /* ./ and ../ from here */
	expect_read("HEAD:../story.md", V5);
	expect_read(":./intro.md", INTRO);
	expect_error("HEAD:intro.md", "HEAD:intro.md: path 'intro.md' does not exist in 'HEAD'");
	snprintf(want, sizeof want, "HEAD:../../x: '../../x' leads outside the working tree %s",
	         r.dir);
	expect_error("HEAD:../../x", want);
	fx_free(&r);
}

Test(git, an_existing_file_with_a_colon_wins)
{
	fx_repo r;
	story_repo(&r);
	fx_write(&r, "HEAD:story.md", "A file with a colon in its name.\n", (size_t)-1);
	expect_read("HEAD:story.md", "A file with a colon in its name.\n");
	expect_read("HEAD~1:story.md", V4);
	fx_free(&r);
}

Test(git, revision_errors_name_what_and_where)
{
	fx_repo r;
	char head[41], want[512];
	story_repo(&r);
	fx_head(&r, head);
	fx_gitlink(&r, "lib", head);
	fx_commit(&r, "Ann Writer", T0 + 7 * DAY, "Submodule", NULL);
	expect_error("HEAD~9:story.md", "HEAD~9:story.md: unknown revision 'HEAD~9'");
	expect_error("nosuch:story.md", "nosuch:story.md: unknown revision 'nosuch'");
	expect_error("HEAD~6:story.md", "HEAD~6:story.md: path 'story.md' does not exist in 'HEAD~6'");
	expect_error("HEAD:docs", "HEAD:docs: 'docs' is a directory in 'HEAD', not a file");
	expect_error("HEAD:", "HEAD:: the top of 'HEAD' is a directory");
	expect_error("HEAD:lib", "HEAD:lib: 'lib' is a submodule in 'HEAD', not a file");
	expect_error(":lib", ":lib: 'lib' is a submodule in the index, not a file");
	expect_error(":nope.md", ":nope.md: path 'nope.md' is not in the index");
	expect_error("HEAD:notes.txt:x",
	             "HEAD:notes.txt:x: path 'notes.txt:x' does not exist in 'HEAD'");
	/* outside any repository (discovery stops above the temporary directory) */
	cr_assert_eq(chdir(r.root), 0);
	snprintf(want, sizeof want, "HEAD:story.md: no such file, and %s is not inside a git "
	         "repository to read it as REV:path", r.root);
	expect_error("HEAD:story.md", want);
	fx_free(&r);
}

Test(git, an_empty_repository_has_no_revisions)
{
	fx_repo r;
	fx_init(&r);
	fx_chdir(&r, NULL);
	expect_error("HEAD:story.md",
	             "HEAD:story.md: unknown revision 'HEAD' (the repository has no commits yet)");
	fx_free(&r);
}

Test(git, binary_blobs_follow_the_binary_rule)
{
	fx_repo r;
	rl_source src;
	char err[512];
	fx_init(&r);
	fx_write(&r, "img.bin", "GIF\0\1\2", 6);
	fx_stage(&r, "img.bin");
	fx_commit(&r, "Ann Writer", T0, "Image", NULL);
	fx_chdir(&r, NULL);
	cr_assert_eq(rl_source_read(&src, "HEAD:img.bin", MAX, err, sizeof err), 0, "%s", err);
	cr_assert_eq(src.len, 6);
	cr_assert(rl_source_is_binary(&src));
	rl_source_release(&src);
	cr_assert_neq(rl_source_read(&src, "HEAD:img.bin", 4, err, sizeof err), 0);
	cr_assert_str_eq(err, "HEAD:img.bin: larger than the input limit of 4 bytes (see --max-size)");
	fx_free(&r);
}

/* --- lists --- */

static rl_repo *open_repo(void)
{
	rl_repo *repo = NULL;
	char err[512] = "";
	cr_assert_eq(rl_repo_open(&repo, err, sizeof err), 0, "%s", err);
	return repo;
}

typedef struct git_args {
	char *args[4];
	char *paths[4];
	bool dashdash, cached;
} git_args;

static size_t count(char *const *v)
{
	size_t n = 0;
	while (n < 4 && v[n])
		n++;
	return n;
}

/* rl_changes_list with these operands; NULL and the message in err on failure. */
static rl_pairs *changes(rl_repo *repo, const git_args *a, char *err, size_t errlen)
{
	rl_pairs *list = NULL;
	rl_changes_opts o = {.args = a->args, .nargs = count(a->args), .paths = a->paths,
	                     .npaths = count(a->paths), .dashdash = a->dashdash,
	                     .cached = a->cached};
	return rl_changes_list(&list, repo, &o, err, errlen) == 0 ? list : NULL;
}

static rl_pairs *changes_ok(rl_repo *repo, const git_args *a)
{
	char err[512] = "";
	rl_pairs *list = changes(repo, a, err, sizeof err);
	cr_assert_not_null(list, "%s", err);
	return list;
}

static void changes_fail(rl_repo *repo, const git_args *a, const char *want)
{
	char err[512] = "";
	cr_assert_null(changes(repo, a, err, sizeof err), "expected: %s", want);
	cr_assert_str_eq(err, want);
}

/* Pair i: its change letter and the names of its sides. */
static void expect_pair(const rl_pairs *list, size_t i, char change, const char *old_name,
                        const char *new_name)
{
	cr_assert_lt(i, rl_pairs_count(list), "no pair %zu", i);
	const rl_pair_info *p = rl_pairs_pair(list, i);
	cr_assert_eq(p->change, change, "pair %zu: %c", i, p->change);
	cr_assert_str_eq(rl_pairs_side(list, p->side[0])->name, old_name);
	cr_assert_str_eq(rl_pairs_side(list, p->side[1])->name, new_name);
}

/* Side `s` of pair i holds these bytes. */
static void expect_side(const rl_pairs *list, size_t i, int s, const char *want)
{
	rl_source src;
	char err[512] = "";
	const rl_pair_info *p = rl_pairs_pair(list, i);
	cr_assert_eq(rl_pairs_read(list, p->side[s], &src, MAX, err, sizeof err), 0, "%s", err);
	cr_assert_eq(src.len, strlen(want), "pair %zu side %d: %s", i, s, src.data);
	cr_assert(memcmp(src.data, want, src.len) == 0, "pair %zu side %d: %s", i, s, src.data);
	rl_source_release(&src);
}

Test(git, files_between_two_commits)
{
	fx_repo r;
	story_repo(&r);
	rl_repo *repo = open_repo();

	rl_pairs *list = changes_ok(repo, &(git_args){.args = {"HEAD~2", "HEAD"}});
	cr_assert_eq(rl_pairs_count(list), 1);
	expect_pair(list, 0, 'M', "HEAD~2:story.md", "HEAD:story.md");
	expect_side(list, 0, 0, V3);
	expect_side(list, 0, 1, V5);
	rl_pairs_free(list);

	/* the same as a range, whose empty end is HEAD */
	list = changes_ok(repo, &(git_args){.args = {"HEAD~2..HEAD"}});
	cr_assert_eq(rl_pairs_count(list), 1);
	expect_pair(list, 0, 'M', "HEAD~2:story.md", "HEAD:story.md");
	rl_pairs_free(list);
	list = changes_ok(repo, &(git_args){.args = {"HEAD~2.."}});
	cr_assert_eq(rl_pairs_count(list), 1);
	expect_pair(list, 0, 'M', "HEAD~2:story.md", "HEAD:story.md");
	rl_pairs_free(list);

	/* added, deleted, modified; sorted by path */
	list = changes_ok(repo, &(git_args){.args = {"HEAD~6", "HEAD"}});
	cr_assert_eq(rl_pairs_count(list), 3);
	expect_pair(list, 0, 'D', "HEAD~6:draft.md", "/dev/null");
	expect_pair(list, 1, 'M', "HEAD~6:notes.txt", "HEAD:notes.txt");
	expect_pair(list, 2, 'A', "/dev/null", "HEAD:story.md");
	expect_side(list, 0, 1, "");
	expect_side(list, 2, 0, "");
	expect_side(list, 2, 1, V5);
	cr_assert(rl_pairs_side(list, rl_pairs_pair(list, 0)->side[1])->absent);
	rl_pairs_free(list);

	/* a pure rename, found */
	list = changes_ok(repo, &(git_args){.args = {"HEAD~5", "HEAD~4"}});
	cr_assert_eq(rl_pairs_count(list), 1);
	expect_pair(list, 0, 'R', "HEAD~5:draft.md", "HEAD~4:story.md");
	rl_pairs_free(list);

	/* a pathspec, and the merge base of A...B (v1.0 itself) named by its id */
	list = changes_ok(repo, &(git_args){.args = {"HEAD~6", "HEAD"}, .paths = {"notes.txt"},
	                                    .dashdash = true});
	cr_assert_eq(rl_pairs_count(list), 1);
	expect_pair(list, 0, 'M', "HEAD~6:notes.txt", "HEAD:notes.txt");
	rl_pairs_free(list);
	list = changes_ok(repo, &(git_args){.args = {"v1.0...HEAD"}});
	cr_assert_eq(rl_pairs_count(list), 1);
	const char *base = rl_pairs_side(list, rl_pairs_pair(list, 0)->side[0])->name;
	cr_assert_eq(strlen(base), strlen("1234567:story.md"), "%s", base);
	cr_assert_str_eq(base + 7, ":story.md");
	rl_pairs_free(list);

	/* nothing between a commit and itself */
	list = changes_ok(repo, &(git_args){.args = {"HEAD", "HEAD"}});
	cr_assert_eq(rl_pairs_count(list), 0);
	rl_pairs_free(list);
	rl_repo_free(repo);
	fx_free(&r);
}

/* The working tree and index states: story.md staged then changed again, new.md staged, notes.txt
 * deleted from the working tree only. */
static void work_in_progress(fx_repo *r)
{
	fx_write(r, "story.md", "Staged text.\n", (size_t)-1);
	fx_stage(r, "story.md");
	fx_write(r, "story.md", "Working text.\n", (size_t)-1);
	fx_write(r, "new.md", "A new page.\n", (size_t)-1);
	fx_stage(r, "new.md");
	fx_write(r, "notes.txt", NULL, 0);
	fx_write(r, "untracked.md", "Not listed.\n", (size_t)-1);
}

Test(git, files_in_the_index_and_the_working_tree)
{
	fx_repo r;
	story_repo(&r);
	work_in_progress(&r);
	rl_repo *repo = open_repo();

	/* no revision: the index and the working tree */
	rl_pairs *list = changes_ok(repo, &(git_args){0});
	cr_assert_eq(rl_pairs_count(list), 2);
	expect_pair(list, 0, 'D', ":notes.txt", "/dev/null");
	expect_pair(list, 1, 'M', ":story.md", "story.md");
	expect_side(list, 1, 0, "Staged text.\n");
	expect_side(list, 1, 1, "Working text.\n");
	rl_pairs_free(list);

	/* --cached: HEAD and the index */
	list = changes_ok(repo, &(git_args){.cached = true});
	cr_assert_eq(rl_pairs_count(list), 2);
	expect_pair(list, 0, 'A', "/dev/null", ":new.md");
	expect_pair(list, 1, 'M', "HEAD:story.md", ":story.md");
	expect_side(list, 1, 1, "Staged text.\n");
	rl_pairs_free(list);

	/* one revision: it and the working tree */
	list = changes_ok(repo, &(git_args){.args = {"HEAD~1"}});
	cr_assert_eq(rl_pairs_count(list), 3);
	expect_pair(list, 0, 'A', "/dev/null", "new.md");
	expect_pair(list, 1, 'D', "HEAD~1:notes.txt", "/dev/null");
	expect_pair(list, 2, 'M', "HEAD~1:story.md", "story.md");
	expect_side(list, 2, 0, V4);
	expect_side(list, 2, 1, "Working text.\n");
	rl_pairs_free(list);

	/* a path without "--", as git allows */
	list = changes_ok(repo, &(git_args){.args = {"HEAD", "story.md"}});
	cr_assert_eq(rl_pairs_count(list), 1);
	expect_pair(list, 0, 'M', "HEAD:story.md", "story.md");
	rl_pairs_free(list);
	rl_repo_free(repo);

	/* from a subdirectory: pathspecs and working tree names are relative to it */
	fx_chdir(&r, "docs");
	fx_write(&r, "docs/intro.md", "A changed introduction.\n", (size_t)-1);
	repo = open_repo();
	list = changes_ok(repo, &(git_args){.args = {"HEAD"}, .paths = {"../story.md", "intro.md"},
	                                    .dashdash = true});
	cr_assert_eq(rl_pairs_count(list), 2);
	expect_pair(list, 0, 'M', "HEAD:docs/intro.md", "intro.md");
	expect_pair(list, 1, 'M', "HEAD:story.md", "../story.md");
	expect_side(list, 0, 1, "A changed introduction.\n");
	rl_pairs_free(list);
	rl_repo_free(repo);
	fx_free(&r);
}

Test(git, binary_files_and_submodules_are_listed_and_marked)
{
	fx_repo r;
	char head[41];
	story_repo(&r);
	fx_head(&r, head);
	fx_gitlink(&r, "lib", head);
	fx_write(&r, "img.bin", "GIF\0\1\2", 6);
	fx_stage(&r, "img.bin");
	fx_commit(&r, "Ann Writer", T0 + 7 * DAY, "Image and submodule", NULL);
	rl_repo *repo = open_repo();
	rl_pairs *list = changes_ok(repo, &(git_args){.args = {"HEAD~1", "HEAD"}});
	cr_assert_eq(rl_pairs_count(list), 2);
	expect_pair(list, 0, 'A', "/dev/null", "HEAD:img.bin");
	expect_pair(list, 1, 'A', "/dev/null", "HEAD:lib");
	cr_assert(!rl_pairs_pair(list, 0)->submodule);
	cr_assert(rl_pairs_pair(list, 1)->submodule);
	rl_source src;
	char err[512];
	cr_assert_eq(rl_pairs_read(list, rl_pairs_pair(list, 0)->side[1], &src, MAX, err, sizeof err),
	             0);
	cr_assert(rl_source_is_binary(&src));
	rl_source_release(&src);
	rl_pairs_free(list);
	rl_repo_free(repo);
	fx_free(&r);
}

Test(git, operand_errors)
{
	fx_repo r;
	story_repo(&r);
	rl_repo *repo = open_repo();
	changes_fail(repo, &(git_args){.args = {"nosuch"}, .dashdash = true},
	             "--git: unknown revision 'nosuch'");
	changes_fail(repo, &(git_args){.args = {"nosuch"}},
	             "--git: 'nosuch': unknown revision or path not in the working tree (put -- "
	             "before paths that no longer exist)");
	changes_fail(repo, &(git_args){.args = {"HEAD", "HEAD~1", "HEAD~2"}},
	             "--git: too many revisions at 'HEAD~2' (at most two)");
	changes_fail(repo, &(git_args){.args = {"HEAD", "HEAD~1"}, .cached = true},
	             "--cached compares the index with one revision, not two");
	changes_fail(repo, &(git_args){.args = {"HEAD:story.md"}},
	             "--git: 'HEAD:story.md' is not a commit or a tree");
	fx_write(&r, "main", "A file named like the branch.\n", (size_t)-1);
	changes_fail(repo, &(git_args){.args = {"main"}},
	             "--git: 'main' is both a revision and a file (put -- before the paths)");
	rl_pairs *list = changes_ok(repo, &(git_args){.args = {"main"}, .dashdash = true});
	rl_pairs_free(list);
	rl_repo_free(repo);
	fx_free(&r);
}

Test(git, bare_repository)
{
	fx_repo r;
	char bare[160], want[512], err[512] = "";
	story_repo(&r);
	fx_bare_clone(&r, bare);
	cr_assert_eq(chdir(bare), 0);
	expect_read("HEAD:story.md", V5);
	snprintf(want, sizeof want, ":story.md: %s is a bare repository: no index", bare);
	expect_error(":story.md", want);
	rl_repo *repo = open_repo();
	cr_assert(rl_repo_is_bare(repo));
	snprintf(want, sizeof want, "--git: %s is a bare repository: no working tree (name two "
	         "revisions to compare)", bare);
	changes_fail(repo, &(git_args){0}, want);
	changes_fail(repo, &(git_args){.args = {"HEAD"}}, want);
	rl_pairs *list = changes_ok(repo, &(git_args){.args = {"HEAD~1", "HEAD"}});
	cr_assert_eq(rl_pairs_count(list), 1);
	rl_pairs_free(list);
	cr_assert_eq(rl_history_list(&list, repo, "story.md", err, sizeof err), 0, "%s", err);
	cr_assert_eq(rl_pairs_sides(list), 5);
	rl_pairs_free(list);
	rl_repo_free(repo);
	fx_free(&r);
}

/* --- history --- */

static rl_pairs *history_ok(rl_repo *repo, const char *arg)
{
	rl_pairs *list = NULL;
	char err[512] = "";
	cr_assert_eq(rl_history_list(&list, repo, arg, err, sizeof err), 0, "%s", err);
	return list;
}

static void expect_version(const rl_pairs *list, size_t i, const char *path, const char *author,
                           const char *date, const char *subject)
{
	const rl_side_info *s = rl_pairs_side(list, i);
	char name[256];
	cr_assert_not_null(s, "no version %zu", i);
	cr_assert_str_eq(s->path, path, "version %zu", i);
	cr_assert_str_eq(s->version.author, author, "version %zu", i);
	cr_assert_str_eq(s->version.date, date, "version %zu", i);
	cr_assert_str_eq(s->version.subject, subject, "version %zu", i);
	cr_assert_geq(strlen(s->version.commit), 7);
	snprintf(name, sizeof name, "%s:%s", s->version.commit, path);
	cr_assert_str_eq(s->name, name);
}

Test(git, history_of_a_file_with_a_rename)
{
	fx_repo r;
	story_repo(&r);
	rl_repo *repo = open_repo();
	rl_pairs *list = history_ok(repo, "story.md");

	/* five versions, oldest first; the rename and the unrelated commit are passed over */
	cr_assert_eq(rl_pairs_sides(list), 5);
	expect_version(list, 0, "draft.md", "Ann Writer", "2026-01-01", "First draft");
	expect_version(list, 1, "draft.md", "Ann Writer", "2026-01-02", "Add night");
	expect_version(list, 2, "story.md", "Bob Editor", "2026-01-04", "Vote count");
	expect_version(list, 3, "story.md", "Ann Writer", "2026-01-06", "Town, old");
	expect_version(list, 4, "story.md", "Bob Editor", "2026-01-07", "Developer");
	/* consecutive pairs, each reading the right texts */
	cr_assert_eq(rl_pairs_count(list), 4);
	const char *texts[] = {V1, V2, V3, V4, V5};
	for (size_t i = 0; i < 4; i++) {
		const rl_pair_info *p = rl_pairs_pair(list, i);
		cr_assert_eq(p->side[0], i);
		cr_assert_eq(p->side[1], i + 1);
		expect_side(list, i, 0, texts[i]);
		expect_side(list, i, 1, texts[i + 1]);
	}
	/* each name is a valid REV:path operand */
	expect_read(rl_pairs_side(list, 0)->name, V1);
	expect_read(rl_pairs_side(list, 3)->name, V4);
	rl_pairs_free(list);

	/* from a revision; and the old name before the rename */
	list = history_ok(repo, "v1.0:story.md");
	cr_assert_eq(rl_pairs_sides(list), 4);
	expect_version(list, 3, "story.md", "Ann Writer", "2026-01-06", "Town, old");
	rl_pairs_free(list);
	list = history_ok(repo, "HEAD~5:draft.md");
	cr_assert_eq(rl_pairs_sides(list), 2);
	rl_pairs_free(list);
	rl_repo_free(repo);

	/* a path relative to the current directory */
	fx_chdir(&r, "docs");
	repo = open_repo();
	list = history_ok(repo, "../story.md");
	cr_assert_eq(rl_pairs_sides(list), 5);
	rl_pairs_free(list);
	list = history_ok(repo, "intro.md");
	cr_assert_eq(rl_pairs_sides(list), 1);
	cr_assert_eq(rl_pairs_count(list), 0, "one version: nothing to compare");
	rl_pairs_free(list);
	rl_repo_free(repo);
	fx_free(&r);
}

/* A rename with an edit in the same commit is followed when the texts stay similar. */
Test(git, history_follows_a_rename_with_an_edit)
{
	static const char a[] =
		"Line one of a longer text.\nLine two of it.\nLine three of it.\nLine four of it.\n"
		"Line five of it.\nLine six of it.\nLine seven of it.\nLine eight of it.\n";
	static const char b[] =
		"Line one of a longer text.\nLine two of it.\nLine three of it.\nLine four of it.\n"
		"Line five of it.\nLine six of it.\nLine seven of it.\nLine eight, edited.\n";
	fx_repo r;
	fx_init(&r);
	fx_commit_files(&r, "Ann Writer", T0, "Start", "old.md", a, NULL);
	fx_commit_files(&r, "Ann Writer", T0 + DAY, "Move and edit", "old.md", NULL, "new/place.md",
	                b, NULL);
	fx_chdir(&r, NULL);
	rl_repo *repo = open_repo();
	rl_pairs *list = history_ok(repo, "new/place.md");
	cr_assert_eq(rl_pairs_sides(list), 2);
	expect_version(list, 0, "old.md", "Ann Writer", "2026-01-01", "Start");
	expect_version(list, 1, "new/place.md", "Ann Writer", "2026-01-02", "Move and edit");
	expect_side(list, 0, 0, a);
	expect_side(list, 0, 1, b);
	rl_pairs_free(list);
	rl_repo_free(repo);
	fx_free(&r);
}

static void history_fail(rl_repo *repo, const char *arg, const char *want)
{
	rl_pairs *list = NULL;
	char err[512] = "";
	cr_assert_neq(rl_history_list(&list, repo, arg, err, sizeof err), 0, "%s", arg);
	cr_assert_str_eq(err, want);
}

Test(git, history_errors)
{
	fx_repo r;
	char head[41], want[512];
	story_repo(&r);
	fx_head(&r, head);
	fx_gitlink(&r, "lib", head);
	fx_commit(&r, "Ann Writer", T0 + 7 * DAY, "Submodule", NULL);
	fx_head(&r, head);
	rl_repo *repo = open_repo();
	snprintf(want, sizeof want, "--history: path 'nope.md' does not exist in commit %.7s", head);
	history_fail(repo, "nope.md", want);
	history_fail(repo, "docs", "--history: 'docs' is a directory, not a file");
	history_fail(repo, "lib", "--history: 'lib' is a submodule, not a file");
	history_fail(repo, "nosuch:story.md", "--history: unknown revision 'nosuch'");
	rl_repo_free(repo);
	fx_free(&r);
}

/* --- two directories --- */

Test(git, two_directories)
{
	fx_repo r;
	char a[256], b[256], file[300];
	fx_init(&r);
	snprintf(a, sizeof a, "%s/left", r.root);
	snprintf(b, sizeof b, "%s/right", r.root);
	const char *files[][3] = {
		{"same.txt", "Same.\n", "Same.\n"},
		{"changed.txt", "Before.\n", "After.\n"},
		{"gone.txt", "Gone.\n", NULL},
		{"new.txt", NULL, "New.\n"},
		{"sub/deep.txt", "Deep.\n", "Deeper.\n"},
	};
	for (size_t i = 0; i < 5; i++) {
		for (int s = 0; s < 2; s++) {
			if (!files[i][1 + s])
				continue;
			snprintf(file, sizeof file, "%s/%s", s ? "right" : "left", files[i][0]);
			char rel[320];
			snprintf(rel, sizeof rel, "../%s", file);
			fx_write(&r, rel, files[i][1 + s], (size_t)-1);
		}
	}
	/* a fifo is never opened; a link to a file is followed */
	snprintf(file, sizeof file, "%s/fifo", b);
	cr_assert_eq(mkfifo(file, 0600), 0);
	snprintf(file, sizeof file, "%s/link.txt", b);
	cr_assert_eq(symlink("changed.txt", file), 0);

	const char *dirs[2] = {a, b}, *labels[2] = {"a/", "b/"}, *none[2] = {NULL, NULL};
	rl_pairs *list = NULL;
	char err[512] = "";
	cr_assert(rl_dirs_both(a, b));
	cr_assert(!rl_dirs_both(a, file));
	cr_assert_eq(rl_dirs_list(&list, dirs, labels, MAX, err, sizeof err), 0, "%s", err);
	cr_assert_eq(rl_pairs_count(list), 5);
	expect_pair(list, 0, 'M', "a/changed.txt", "b/changed.txt");
	expect_pair(list, 1, 'D', "a/gone.txt", "/dev/null");
	expect_pair(list, 2, 'A', "/dev/null", "b/link.txt");
	expect_pair(list, 3, 'A', "/dev/null", "b/new.txt");
	expect_pair(list, 4, 'M', "a/sub/deep.txt", "b/sub/deep.txt");
	expect_side(list, 2, 1, "After.\n");
	rl_pairs_free(list);
	cr_assert_eq(rl_dirs_list(&list, dirs, none, MAX, err, sizeof err), 0, "%s", err);
	char want[300];
	snprintf(want, sizeof want, "%s/changed.txt", a);
	cr_assert_str_eq(rl_pairs_side(list, rl_pairs_pair(list, 0)->side[0])->name, want);
	rl_pairs_free(list);
	fx_free(&r);
}

/* Renames between two directories, by --git's measure (git difftool --dir-diff passes two). */
static const char minutes_old[] =
	"Minutes of the harbor meeting, kept by the clerk.\n"
	"The council met at noon in the old customs house.\n"
	"It voted on the budget for the breakwater repairs.\n"
	"The harbor master asked for a second crane.\n"
	"It adjourned at two after a short recess.\n"
	"Nobody objected to the minutes of the last meeting.\n";
static const char minutes_new[] =
	"Minutes of the harbor meeting, kept by the clerk.\n"
	"The council met at one in the old customs house.\n"
	"It voted on the budget for the breakwater repairs.\n"
	"The harbor master asked for a second crane.\n"
	"It adjourned at two after a short recess.\n"
	"Nobody objected to the minutes of the last meeting.\n";
static const char unrelated[] =
	"A recipe for fish stew, written on the back of a ferry ticket.\n"
	"Take three onions and a pound of cod from the morning boat.\n"
	"Simmer them slowly with saffron until the kitchen smells of it.\n"
	"Serve with bread that is at least a day old.\n"
	"Wash the pot before the cat finds it.\n"
	"Do not tell the neighbours where the saffron came from.\n";

Test(git, similarity_is_git_s)
{
	rl_textsig *a = NULL, *b = NULL, *c = NULL, *tiny = NULL;
	cr_assert_eq(rl_textsig_new(&a, minutes_old, sizeof minutes_old - 1), RL_OK);
	cr_assert_eq(rl_textsig_new(&b, minutes_new, sizeof minutes_new - 1), RL_OK);
	cr_assert_eq(rl_textsig_new(&c, unrelated, sizeof unrelated - 1), RL_OK);
	cr_assert_eq(rl_textsig_new(&tiny, "One line.\n", 10), RL_OK);
	cr_assert(a && b && c);
	cr_assert_null(tiny, "a one-line text has no signature, as in libgit2");
	int edited = rl_similarity(a, minutes_old, sizeof minutes_old - 1, b, minutes_new,
	                           sizeof minutes_new - 1);
	cr_assert(edited >= RL_RENAME_THRESHOLD && edited < 100, "one line of six edited: %d", edited);
	cr_assert_lt(rl_similarity(a, minutes_old, sizeof minutes_old - 1, c, unrelated,
	                           sizeof unrelated - 1), RL_RENAME_THRESHOLD);
	cr_assert_eq(rl_similarity(tiny, "One line.\n", 10, NULL, "One line.\n", 10), 100,
	             "the same bytes, however small");
	cr_assert_eq(rl_similarity(tiny, "One line.\n", 10, NULL, "Two lines.\n", 11), 0);
	rl_textsig_free(a);
	rl_textsig_free(b);
	rl_textsig_free(c);
}

Test(git, two_directories_renames)
{
	fx_repo r;
	char a[256], b[256];
	fx_init(&r);
	snprintf(a, sizeof a, "%s/left", r.root);
	snprintf(b, sizeof b, "%s/right", r.root);
	fx_write(&r, "../left/minutes.md", minutes_old, (size_t)-1);
	fx_write(&r, "../right/archive/record.md", minutes_new, (size_t)-1);  /* renamed, edited */
	fx_write(&r, "../left/recipe.md", unrelated, (size_t)-1);             /* deleted */
	fx_write(&r, "../right/fresh.md", "A line of its own.\nAnd another.\n", (size_t)-1);
	fx_write(&r, "../left/tiny.txt", "Small.\n", (size_t)-1);              /* renamed, as is */
	fx_write(&r, "../right/small.txt", "Small.\n", (size_t)-1);
	const char *dirs[2] = {a, b}, *labels[2] = {"a/", "b/"};
	rl_pairs *list = NULL;
	char err[512] = "";
	cr_assert_eq(rl_dirs_list(&list, dirs, labels, MAX, err, sizeof err), 0, "%s", err);
	cr_assert_eq(rl_pairs_count(list), 4);
	/* in the new side's order: a rename stands where its new name does */
	expect_pair(list, 0, 'R', "a/minutes.md", "b/archive/record.md");
	expect_pair(list, 1, 'A', "/dev/null", "b/fresh.md");
	expect_pair(list, 2, 'D', "a/recipe.md", "/dev/null");
	expect_pair(list, 3, 'R', "a/tiny.txt", "b/small.txt");
	expect_side(list, 0, 0, minutes_old);
	expect_side(list, 0, 1, minutes_new);
	rl_pairs_free(list);
	fx_free(&r);
}

/* --- the command line --- */

static int parse(rl_cli *cli, char **argv, char *err)
{
	int argc = 0;
	while (argv[argc])
		argc++;
	return rl_cli_parse(cli, argc, argv, err, 256);
}

Test(git, command_line_forms)
{
	rl_cli cli;
	char err[256] = "";

	char *git[] = {"redline", "--git", "HEAD~1", "--width", "80", "--", "story.md", "-odd", NULL};
	cr_assert_eq(parse(&cli, git, err), 0, "%s", err);
	cr_assert_eq(cli.mode, RL_MODE_GIT);
	cr_assert_eq(cli.width, 80);
	cr_assert_eq(cli.noperands, 3);
	cr_assert_eq(cli.nbefore, 1);
	cr_assert(cli.dashdash);
	cr_assert_str_eq(cli.operands[0], "HEAD~1");
	cr_assert_str_eq(cli.operands[1], "story.md");
	cr_assert_str_eq(cli.operands[2], "-odd");

	/* "--" as the value of an option is not the end of the options */
	char *label[] = {"redline", "-L", "--", "--label=b/x", "old", "new", NULL};
	cr_assert_eq(parse(&cli, label, err), 0, "%s", err);
	cr_assert_eq(cli.mode, RL_MODE_PAIR);
	cr_assert_eq(cli.nlabels, 2);
	cr_assert_str_eq(cli.labels[0], "--");
	cr_assert_str_eq(cli.labels[1], "b/x");
	cr_assert_str_eq(cli.paths[0], "old");

	char *history[] = {"redline", "--history", "story.md", "--list", NULL};
	cr_assert_eq(parse(&cli, history, err), 0, "%s", err);
	cr_assert_eq(cli.mode, RL_MODE_HISTORY);
	cr_assert(cli.list);

	char *ext[] = {"redline", "--width=90", "story.md", "/tmp/git-blob-x/story.md",
	               "ce013625030ba8dba906f756967f9e9ca394464a", "100644", "story.md",
	               "0000000000000000000000000000000000000000", "100644", NULL};
	cr_assert_eq(parse(&cli, ext, err), 0, "%s", err);
	cr_assert_eq(cli.mode, RL_MODE_EXTDIFF);
	cr_assert_str_eq(cli.ext.path, "story.md");
	cr_assert_str_eq(cli.ext.file[0], "/tmp/git-blob-x/story.md");
	cr_assert_null(cli.ext.new_path);

	char *added[] = {"redline", "new.md", "/dev/null", ".", ".", "new.md",
	                 "3e757656cf36eca53338e520d134963a44f793f8", "100644", NULL};
	cr_assert_eq(parse(&cli, added, err), 0, "%s", err);
	cr_assert_eq(cli.mode, RL_MODE_EXTDIFF);
	cr_assert_str_eq(cli.ext.hex[0], ".");

	char *renamed[] = {"redline", "a.md", "/tmp/a", "1a1b9074bb3b8d5b0b4489d833b3fd9e074dbcde",
	                   "100644", "/tmp/b", "1a1b9074bb3b8d5b0b4489d833b3fd9e074dbcde", "100644",
	                   "b.md", "similarity index 100%\nrename from a.md\nrename to b.md\n", NULL};
	cr_assert_eq(parse(&cli, renamed, err), 0, "%s", err);
	cr_assert_eq(cli.mode, RL_MODE_EXTDIFF);
	cr_assert_str_eq(cli.ext.new_path, "b.md");

	/* seven files that are not git's form stay seven operands: versions, each compared with
	 * the next */
	char *seven[] = {"redline", "a", "b", "c", "d", "e", "f", "g", NULL};
	cr_assert_eq(parse(&cli, seven, err), 0, "%s", err);
	cr_assert_eq(cli.mode, RL_MODE_PAIR);
	cr_assert_eq(cli.noperands, 7);
}

Test(git, command_line_errors)
{
	rl_cli cli;
	char err[256] = "";
	struct {
		char *argv[6];
		const char *want;
	} cases[] = {
		{{"redline", "--git", "--history", "x", NULL}, "--git and --history cannot be combined"},
		{{"redline", "--cached", "a", "b", NULL}, "--cached goes with --git"},
		{{"redline", "--history", NULL}, "--history takes one PATH"},
		{{"redline", "--history", "a", "b", NULL}, "--history takes one PATH"},
		{{"redline", "--git", "-L", "x", NULL},
		 "--label names the sides of two files or two directories"},
		{{"redline", "-La", "-Lb", "-Lc", "x", NULL}, "too many labels (one for OLD, one for NEW)"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		cr_assert_neq(parse(&cli, cases[i].argv, err), 0, "case %zu", i);
		cr_assert_str_eq(err, cases[i].want, "case %zu", i);
	}
}
