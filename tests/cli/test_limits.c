/* Resource limits and the promise that inputs are read only, on the real binary. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run.h"

#ifndef REDLINE_BIN
#error "REDLINE_BIN is the binary under test"
#endif

#define SPUN "examples/lighthouse-2-spun.txt"

/* A file of exactly len bytes of text (sparse when sparse is set: a size without the bytes). */
static void sized_file(char path[64], size_t len, bool sparse)
{
	snprintf(path, 64, "/tmp/redline-limit-XXXXXX");
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	if (sparse) {
		cr_assert_eq(ftruncate(fd, (off_t)len), 0);
	} else {
		char *buf = malloc(len + 1);
		for (size_t i = 0; i < len; i++)
			buf[i] = i % 6 == 5 ? ' ' : (char)('a' + i % 26);
		cr_assert_eq(write(fd, buf, len), (ssize_t)len);
		free(buf);
	}
	close(fd);
}

static void expect_refused(const run_result *r, const char *name, const char *limit)
{
	char want[256];
	snprintf(want, sizeof want, "redline: %s: larger than the input limit of %s (see --max-size)\n",
	         name, limit);
	cr_assert_eq(r->status, 2, "%s", r->err);
	cr_assert_str_eq(r->err, want);
	cr_assert_eq(r->out_len, 0);
}

Test(limits, a_file_exactly_at_the_limit_is_read_one_byte_more_is_refused)
{
	char at[64], over[64], small[64];
	sized_file(at, 1000, false);
	sized_file(over, 1001, false);
	sized_file(small, 500, false);
	run_result r;
	run_redline(&r, (const char *const[]){"redline", "--stat", "--max-size=1000", at, small, NULL},
	            NULL, 0, NULL, 20);
	cr_assert_eq(r.status, 1, "%s", r.err);
	run_free(&r);
	run_redline(&r, (const char *const[]){"redline", "--stat", "--max-size=1000", small, over, NULL},
	            NULL, 0, NULL, 20);
	expect_refused(&r, over, "1000 bytes");
	run_free(&r);
	/* With a suffix: 1K is 1024 bytes. */
	run_redline(&r, (const char *const[]){"redline", "--stat", "--max-size=1K", at, at, NULL},
	            NULL, 0, NULL, 20);
	cr_assert_eq(r.status, 0);
	run_free(&r);
	unlink(at);
	unlink(over);
	unlink(small);
}

Test(limits, standard_input_has_the_same_limit)
{
	char text[1001];
	for (int i = 0; i < 1001; i++)
		text[i] = i % 5 == 4 ? ' ' : 'w';
	char small[64];
	sized_file(small, 500, false);
	run_result r;
	run_redline(&r, (const char *const[]){"redline", "--stat", "--max-size=1000", "-", small, NULL},
	            text, 1000, NULL, 20);
	cr_assert_eq(r.status, 1, "1000 bytes on stdin, limit 1000: %s", r.err);
	run_free(&r);
	run_redline(&r, (const char *const[]){"redline", "--stat", "--max-size=1000", small, "-", NULL},
	            text, 1001, NULL, 20);
	expect_refused(&r, "-", "1000 bytes");
	run_free(&r);
	unlink(small);
}

Test(limits, an_endless_input_is_refused_at_the_limit)
{
	run_result r;
	run_redline(&r, (const char *const[]){"redline", "--max-size=1M", "/dev/zero", SPUN, NULL},
	            NULL, 0, NULL, 20);
	expect_refused(&r, "/dev/zero", "1M");
	run_free(&r);
}

/* The default limit, 256 MiB, on sparse files: one byte over is refused before anything is read;
 * exactly 256 MiB (of NUL bytes) is read, and is binary. */
Test(limits, the_default_limit_is_256_mebibytes, .timeout = 900)
{
	char at[64], over[64];
	sized_file(at, (size_t)256 << 20, true);
	sized_file(over, ((size_t)256 << 20) + 1, true);
	run_result r;
	run_redline(&r, (const char *const[]){"redline", over, SPUN, NULL}, NULL, 0, NULL, 20);
	expect_refused(&r, over, "256M");
	run_free(&r);
	run_redline(&r, (const char *const[]){"redline", at, SPUN, NULL}, NULL, 0, NULL, 60);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_eq(strncmp(r.out, "Binary files ", 13), 0);
	run_free(&r);
	unlink(at);
	unlink(over);
}

/* ------------------------------------------------------------------ read only */

typedef struct snapshot {
	struct stat st;
	char *data;
} snapshot;

static void take(snapshot *s, const char *path)
{
	cr_assert_eq(stat(path, &s->st), 0);
	s->data = malloc((size_t)s->st.st_size + 1);
	FILE *fp = fopen(path, "rb");
	cr_assert_eq(fread(s->data, 1, (size_t)s->st.st_size, fp), (size_t)s->st.st_size);
	fclose(fp);
}

static void same_as(const snapshot *s, const char *path)
{
	snapshot now;
	take(&now, path);
	cr_assert_eq(now.st.st_size, s->st.st_size, "%s changed size", path);
	cr_assert(memcmp(now.data, s->data, (size_t)s->st.st_size) == 0, "%s changed", path);
	cr_assert(now.st.st_mtim.tv_sec == s->st.st_mtim.tv_sec &&
	          now.st.st_mtim.tv_nsec == s->st.st_mtim.tv_nsec, "%s: mtime changed", path);
	cr_assert(now.st.st_ctim.tv_sec == s->st.st_ctim.tv_sec &&
	          now.st.st_ctim.tv_nsec == s->st.st_ctim.tv_nsec, "%s: ctime changed", path);
	cr_assert_eq(now.st.st_mode, s->st.st_mode, "%s: mode changed", path);
	free(now.data);
}

/* Run redline with the open spy (open_spy.c) on two writable inputs, in every format, and check
 * that both were opened, that every open of anything was read only, and that the inputs are
 * unchanged byte for byte, with the same mtime, ctime and mode. */
Test(read_only, inputs_are_opened_read_only_and_never_changed)
{
	char a[64], b[64], log[64];
	sized_file(a, 3000, false);
	sized_file(b, 2000, false);
	snprintf(log, sizeof log, "/tmp/redline-openlog-XXXXXX");
	close(mkstemp(log));
	chmod(a, 0644);
	chmod(b, 0666);
	snapshot sa, sb;
	take(&sa, a);
	take(&sb, b);
	char preload[1100], logenv[100];
	snprintf(preload, sizeof preload, "LD_PRELOAD=%s", OPEN_SPY);
	snprintf(logenv, sizeof logenv, "REDLINE_OPEN_LOG=%s", log);
	/* The sanitizer runtime must come first in the library list; it lets us go first here. */
	const char *env[] = {preload, logenv, "ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=1",
	                     NULL};
	const char *formats[] = {"--side-by-side", "--inline", "--json", "--stat", "-a"};
	for (size_t f = 0; f < 5; f++) {
		run_result r;
		run_redline(&r, (const char *const[]){"redline", formats[f], a, b, NULL}, NULL, 0, env, 20);
		cr_assert_eq(r.status, 1, "%s: %s", formats[f], r.err);
		run_free(&r);
	}

	FILE *fp = fopen(log, "r");
	cr_assert_not_null(fp);
	char line[4200];
	int seen_a = 0, seen_b = 0;
	while (fgets(line, sizeof line, fp)) {
		unsigned flags;
		char path[4100];
		cr_assert_eq(sscanf(line, "%o %4099[^\n]", &flags, path), 2, "log line: %s", line);
		cr_assert_eq(flags & O_ACCMODE, O_RDONLY, "%s opened with flags %o", path, flags);
		cr_assert_eq(flags & (O_CREAT | O_TRUNC | O_APPEND), 0, "%s opened with flags %o", path,
		             flags);
		seen_a += strcmp(path, a) == 0;
		seen_b += strcmp(path, b) == 0;
	}
	fclose(fp);
	cr_assert_eq(seen_a, 5, "the spy saw %d opens of OLD in 5 runs (is it working?)", seen_a);
	cr_assert_eq(seen_b, 5, "the spy saw %d opens of NEW in 5 runs", seen_b);
	same_as(&sa, a);
	same_as(&sb, b);
	free(sa.data);
	free(sb.data);
	unlink(a);
	unlink(b);
	unlink(log);
}

/* Every open logged by the spy is read only; returns how many opens named a path containing
 * `part`. */
static int check_open_log(const char *log, const char *part)
{
	FILE *fp = fopen(log, "r");
	cr_assert_not_null(fp);
	char line[4200];
	int seen = 0;
	while (fgets(line, sizeof line, fp)) {
		unsigned flags;
		char path[4100];
		cr_assert_eq(sscanf(line, "%o %4099[^\n]", &flags, path), 2, "log line: %s", line);
		cr_assert_eq(flags & O_ACCMODE, O_RDONLY, "%s opened with flags %o", path, flags);
		cr_assert_eq(flags & (O_CREAT | O_TRUNC | O_APPEND), 0, "%s opened with flags %o", path,
		             flags);
		seen += strstr(path, part) != NULL;
	}
	fclose(fp);
	return seen;
}

/* Every file under dir with its size, mtime, ctime, mode and content hash, as one string. */
static char *manifest(const char *dir)
{
	run_result r;
	run_program(&r, (const char *const[]){"sh", "-c",
	            "find . -type f -printf '%P %s %T@ %C@ %m\\n' | LC_ALL=C sort && "
	            "find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha1sum", NULL},
	            dir, NULL, 0, NULL, 20);
	cr_assert_eq(r.status, 0, "%s", r.err);
	free(r.err);
	return r.out;
}

static void git(const char *dir, const char *const *args)
{
	const char *argv[12] = {"git", "-c", "user.name=Redline Test", "-c", "user.email=t@example.invalid"};
	size_t k = 5;
	for (size_t i = 0; args[i] && k < 11; i++)
		argv[k++] = args[i];
	argv[k] = NULL;
	run_result r;
	run_program(&r, argv, dir, NULL, 0, (const char *const[]){"GIT_CONFIG_NOSYSTEM=1",
	            "GIT_CONFIG_GLOBAL=/dev/null", NULL}, 20);
	cr_assert_eq(r.status, 0, "git %s: %s", args[0], r.err);
	run_free(&r);
}

static void write_text(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *fp = fopen(path, "w");
	cr_assert_not_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* Reading revisions goes through libgit2, which opens the repository's files itself: they are
 * opened read only too, and nothing in the repository (objects, refs, the index, the working
 * tree) changes, not even a timestamp. */
Test(read_only, git_objects_and_the_index_are_not_touched, .timeout = 900)
{
	char dir[64] = "/tmp/redline-ro-git-XXXXXX", log[64];
	cr_assert_not_null(mkdtemp(dir));
	git(dir, (const char *const[]){"init", "-q", NULL});
	write_text(dir, "story.txt", "The harbor board voted to sell the light.\n");
	git(dir, (const char *const[]){"add", "story.txt", NULL});
	git(dir, (const char *const[]){"commit", "-qm", "one", NULL});
	write_text(dir, "story.txt", "The harbour council voted to sell the old light.\n");
	git(dir, (const char *const[]){"commit", "-qam", "two", NULL});
	write_text(dir, "story.txt", "The council voted on Monday to sell the old light.\n");
	char *before = manifest(dir);

	snprintf(log, sizeof log, "/tmp/redline-openlog-XXXXXX");
	close(mkstemp(log));
	char preload[1100], logenv[100];
	snprintf(preload, sizeof preload, "LD_PRELOAD=%s", OPEN_SPY);
	snprintf(logenv, sizeof logenv, "REDLINE_OPEN_LOG=%s", log);
	const char *env[] = {preload, logenv, "ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=1",
	                     "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", NULL};
	const char *const runs[][6] = {
		{REDLINE_BIN, "--stat", "HEAD~1:story.txt", "story.txt", NULL},
		{REDLINE_BIN, "--json", ":story.txt", "HEAD:story.txt", NULL},
		{REDLINE_BIN, "--git", NULL},
		{REDLINE_BIN, "--git", "HEAD~1", "HEAD", NULL},
		{REDLINE_BIN, "--git", "--cached", NULL},
		{REDLINE_BIN, "--history", "story.txt", NULL},
	};
	for (size_t k = 0; k < sizeof runs / sizeof *runs; k++) {
		run_result r;
		run_program(&r, runs[k], dir, NULL, 0, env, 20);
		cr_assert(r.status == 0 || r.status == 1, "%s %s: exit %d: %s", runs[k][1],
		          runs[k][2] ? runs[k][2] : "", r.status, r.err);
		run_free(&r);
	}
	cr_assert_gt(check_open_log(log, ".git/"), 0, "the spy saw libgit2 open nothing (working?)");
	char *after = manifest(dir);
	cr_assert_str_eq(after, before, "the repository changed");
	free(before);
	free(after);
	unlink(log);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}
