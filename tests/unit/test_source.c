/* Tests for src/input/source.c: a file read whole. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input/input.h"
#include "smaps.h"

/* A file of 6 MB is read into one buffer sized to it, advised for large pages (the kernel maps
 * it 2 MiB at a time as read() fills it: reading the 10 MB pair faulted 5,100 pages of 4 KiB
 * before, stop 36), and read exactly. The advice shows as "hg" in the mapping's VmFlags (Linux
 * with transparent huge pages; skipped elsewhere). */
Test(source, a_large_file_is_read_into_large_pages)
{
	if (!large_pages_here())
		cr_skip_test("no transparent huge pages here");
	char path[] = "/tmp/redline-test-source-XXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	size_t n = 6u << 20;
	char *bytes = malloc(n);
	for (size_t i = 0; i < n; i++)
		bytes[i] = i % 61 == 60 ? '\n' : (char)('a' + i % 26);
	FILE *f = fdopen(fd, "wb");
	cr_assert_eq(fwrite(bytes, 1, n, f), n);
	fclose(f);
	rl_source src;
	char err[256];
	int rc = rl_source_read(&src, path, n + 1, err, sizeof err);
	unlink(path);
	cr_assert_eq(rc, 0, "%s", err);
	cr_assert_eq(src.len, n);
	cr_assert(memcmp(src.data, bytes, n) == 0);
	char flags[256];
	mapping_flags(src.data + n / 2, flags, sizeof flags);
	cr_assert(strstr(flags, " hg") != NULL, "the buffer's mapping: %s", flags);
	rl_source_release(&src);
	free(bytes);
}
