/* expect.h: checks on a captured run (run.h) that the end-to-end tests share: what standard
 * output holds, and the golden files it is compared with. */
#ifndef REDLINE_TEST_EXPECT_H
#define REDLINE_TEST_EXPECT_H

#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixtures.h"
#include "run.h"

/* needle is in standard output (shown whole when it is not). */
static inline void out_has(const run_result *r, const char *needle)
{
	cr_assert_not_null(strstr(r->out, needle), "%s", r->out);
}

/* None of unseen[0, n) is in standard output (what names the run in the message). */
static inline void out_lacks(const run_result *r, const char *const *unseen, size_t n,
                             const char *what)
{
	for (size_t k = 0; k < n; k++)
		cr_assert_null(strstr(r->out, unseen[k]), "%s shows \"%s\":\n%s", what, unseen[k], r->out);
}

/* Standard output is tests/golden/name to the byte; with UPDATE_GOLDEN set, it is written there
 * instead. */
static inline void golden(const char *name, const run_result *r)
{
	char path[1024], rel[256];
	snprintf(path, sizeof path, "%s/tests/golden/%s", SOURCE_DIR, name);
	if (getenv("UPDATE_GOLDEN")) {
		FILE *fp = fopen(path, "wb");
		cr_assert_not_null(fp);
		fwrite(r->out, 1, r->out_len, fp);
		fclose(fp);
		return;
	}
	size_t len;
	snprintf(rel, sizeof rel, "tests/golden/%s", name);
	char *want = fixture_read(rel, &len);
	cr_assert_eq(r->out_len, len, "%s: %zu bytes, golden has %zu (UPDATE_GOLDEN=1 to refresh)",
	             name, r->out_len, len);
	cr_assert(memcmp(r->out, want, len) == 0,
	          "%s differs from the golden output (UPDATE_GOLDEN=1 to refresh):\n%s", name, r->out);
	free(want);
}

/* Display width of a printed UTF-8 line (no escapes in our examples): wide CJK does not occur
 * there. */
static inline size_t printed_width(const char *s, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		w += ((unsigned char)s[i] & 0xC0) != 0x80;
	return w;
}

#ifdef SHARED_DIR
/* ../shared's bench scorer, its path in path (1024 bytes): is it there, with python3 to run it? */
static inline bool scorer_found(char path[1024])
{
	snprintf(path, 1024, "%s/bench/score.py", SHARED_DIR);
	return access(path, R_OK) == 0 && system("command -v python3 >/dev/null 2>&1") == 0;
}
#endif

#endif
