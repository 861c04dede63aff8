/* fixtures.h: reading the project's fixture files in tests. */
#ifndef REDLINE_TEST_FIXTURES_H
#define REDLINE_TEST_FIXTURES_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

/* Read dir/rel whole, or NULL when it cannot be opened; *len gets its size when not NULL. */
static inline char *file_read_in(const char *dir, const char *rel, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, rel);
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	cr_assert_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	if (len)
		*len = (size_t)n;
	return buf;
}

/* Read SOURCE_DIR/rel whole; *len gets its size when not NULL. Fails the test when missing. */
static inline char *fixture_read(const char *rel, size_t *len)
{
	char *buf = file_read_in(SOURCE_DIR, rel, len);
	cr_assert_not_null(buf, "cannot open %s/%s", SOURCE_DIR, rel);
	return buf;
}

#ifdef SHARED_DIR
/* Read SHARED_DIR/rel (../shared: the corpus, the peers' files) whole, or NULL when it is not
 * there: a test that needs it skips then, it does not fail. The text stays out of the project. */
static inline char *shared_read(const char *rel, size_t *len)
{
	return file_read_in(SHARED_DIR, rel, len);
}
#endif

/* How many rounds a randomized test runs: n, divided by $REDLINE_ROUNDS_DIVISOR when set (the
 * valgrind run sets it, being some 30 times slower), never fewer than 1: scaled down, never
 * skipped. */
static inline int test_rounds(int n)
{
	const char *d = getenv("REDLINE_ROUNDS_DIVISOR");
	int div = d ? atoi(d) : 1;
	if (div < 1)
		div = 1;
	return n / div > 0 ? n / div : 1;
}

#endif
