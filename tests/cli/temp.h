/* temp.h: temporary input files for the end-to-end tests, under /tmp with a random name. Each
 * fails the test when the file cannot be written. */
#ifndef REDLINE_TEST_TEMP_H
#define REDLINE_TEST_TEMP_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* A file "/tmp/redline-TAG-XXXXXX" holding data; its name in path (size bytes). */
static inline void temp_in(char *path, size_t size, const char *tag, const char *data, size_t len)
{
	snprintf(path, size, "/tmp/redline-%s-XXXXXX", tag);
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, data, len), (ssize_t)len);
	close(fd);
}

/* A temporary file holding data; the path is written to path (64 bytes). */
static inline void temp_file(char path[64], const char *data, size_t len)
{
	temp_in(path, 64, "test", data, len);
}

/* A file whose name carries `tag` (a quote, a backslash, an escape); path is 96 bytes. */
static inline void temp_named(char path[96], const char *tag, const char *data, size_t len)
{
	temp_in(path, 96, tag, data, len);
}

/* OLD and NEW for one comparison: a holds da (na bytes), b holds db (nb bytes). */
static inline void temp_pair(char a[64], char b[64], const char *da, size_t na, const char *db,
                             size_t nb)
{
	temp_file(a, da, na);
	temp_file(b, db, nb);
}

static inline void unlink_pair(const char *a, const char *b)
{
	unlink(a);
	unlink(b);
}

#endif
