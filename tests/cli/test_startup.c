/* Start-up: libgit2 is loaded only when a command needs a repository (src/input/gitlib.h).
 * Comparing two files must neither load it nor fail without it; a REV:path operand loads it, and
 * says in one line what is missing when it cannot. glibc's LD_DEBUG=files lists every shared
 * object the loader opens, at start-up and through dlopen, on standard error. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "run.h"

#define OLD "examples/lighthouse-1-original.txt"
#define NEW "examples/lighthouse-2-spun.txt"

/* Run redline in a fresh empty directory outside any repository (sources named from SOURCE_DIR). */
static void run_outside(run_result *r, const char *const *argv, const char *const *env)
{
	char dir[] = "/tmp/redline-startup-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	const char *args[8] = {REDLINE_BIN};
	for (size_t i = 1; argv[i]; i++)
		args[i] = argv[i];
	const char *envs[8] = {"GIT_CEILING_DIRECTORIES=/tmp"};
	for (size_t i = 0; env && env[i]; i++)
		envs[i + 1] = env[i];
	run_program(r, args, dir, NULL, 0, envs, 60);
	rmdir(dir);
	cr_assert_not(r->timed_out);
}

Test(startup, two_files_do_not_load_libgit2)
{
	run_result r;
	const char *argv[] = {"redline", "--stat", SOURCE_DIR "/" OLD, SOURCE_DIR "/" NEW, NULL};
	const char *env[] = {"LD_DEBUG=files", NULL};
	run_outside(&r, argv, env);
	cr_assert_eq(r.status, 1, "stderr: %s", r.err);
	/* The loader's log is there (so its silence about libgit2 means something)... */
	cr_assert_not_null(strstr(r.err, "libutf8proc"), "no loader log: %s", r.err);
	cr_assert_null(strstr(r.err, "libgit2"), "libgit2 loaded for two files");
	run_free(&r);
}

Test(startup, two_files_need_no_libgit2)
{
	run_result r;
	const char *argv[] = {"redline", "--stat", SOURCE_DIR "/" OLD, SOURCE_DIR "/" NEW, NULL};
	const char *env[] = {"REDLINE_LIBGIT2=/nonexistent/libgit2.so.0", NULL};
	run_outside(&r, argv, env);
	cr_assert_eq(r.status, 1, "stderr: %s", r.err);
	cr_assert_eq(r.err_len, 0, "stderr: %s", r.err);
	run_free(&r);
}

Test(startup, revision_loads_libgit2)
{
	run_result r;
	const char *argv[] = {"redline", "HEAD:story.txt", SOURCE_DIR "/" NEW, NULL};
	const char *env[] = {"LD_DEBUG=files", NULL};
	run_outside(&r, argv, env);
	cr_assert_eq(r.status, 2);
	cr_assert_not_null(strstr(r.err, "libgit2"), "libgit2 not loaded: %s", r.err);
	cr_assert_not_null(strstr(r.err, "is not inside a git repository"), "%s", r.err);
	run_free(&r);
}

/* Without the library: one line naming the operand and the library, exit 2. */
static void missing_library(const char *const *argv, const char *subject)
{
	run_result r;
	const char *env[] = {"REDLINE_LIBGIT2=/nonexistent/libgit2.so.0", NULL};
	run_outside(&r, argv, env);
	cr_assert_eq(r.status, 2);
	char want[256];
	snprintf(want, sizeof want,
	         "redline: %s: git support needs /nonexistent/libgit2.so.0, which cannot be loaded (",
	         subject);
	cr_assert_eq(strncmp(r.err, want, strlen(want)), 0, "stderr: %s", r.err);
	cr_assert_eq(strchr(r.err, '\n'), r.err + r.err_len - 1, "not one line: %s", r.err);
	cr_assert_eq(r.out_len, 0);
	run_free(&r);
}

Test(startup, revision_without_libgit2)
{
	const char *argv[] = {"redline", "HEAD:story.txt", SOURCE_DIR "/" NEW, NULL};
	missing_library(argv, "HEAD:story.txt");
}

Test(startup, git_mode_without_libgit2)
{
	const char *argv[] = {"redline", "--git", NULL};
	missing_library(argv, "--git");
}

Test(startup, history_without_libgit2)
{
	const char *argv[] = {"redline", "--history", "story.txt", NULL};
	missing_library(argv, "--history");
}

/* A library that is there but is not libgit2: the first function looked up is missing. */
Test(startup, wrong_library)
{
	run_result r;
	const char *argv[] = {"redline", "--git", NULL};
	const char *env[] = {"REDLINE_LIBGIT2=libutf8proc.so.2", NULL};
	run_outside(&r, argv, env);
	cr_assert_eq(r.status, 2);
	cr_assert_not_null(strstr(r.err, "libutf8proc.so.2 has no git_"), "stderr: %s", r.err);
	run_free(&r);
}
