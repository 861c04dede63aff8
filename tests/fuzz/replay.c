/* replay.c: a libFuzzer harness as a Criterion test. Built with the ordinary compiler (no
 * libFuzzer), it runs the harness named by HARNESS on every seed in tests/fuzz/corpus/HARNESS/ and
 * on every input a fuzzer ever broke it with, kept in tests/fuzz/regressions/HARNESS/. A broken
 * invariant aborts inside the harness, which Criterion reports as a crash of the test. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Run the harness on every file of SOURCE_DIR/rel; returns how many there were. */
static size_t replay_dir(const char *rel)
{
	char dir[1024];
	snprintf(dir, sizeof dir, "%s/%s", SOURCE_DIR, rel);
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	size_t count = 0;
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		char path[2048];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		FILE *fp = fopen(path, "rb");
		cr_assert_not_null(fp, "%s", path);
		fseek(fp, 0, SEEK_END);
		long n = ftell(fp);
		fseek(fp, 0, SEEK_SET);
		/* An exact-size copy, as libFuzzer passes it, so that ASan sees overreads. */
		uint8_t *buf = malloc(n > 0 ? (size_t)n : 1);
		cr_assert_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
		fclose(fp);
		cr_log_info("%s", path);
		LLVMFuzzerTestOneInput(buf, (size_t)n);
		free(buf);
		count++;
	}
	closedir(d);
	return count;
}

Test(replay, seed_corpus)
{
	cr_assert_gt(replay_dir("tests/fuzz/corpus/" HARNESS), 0, "no seeds for " HARNESS);
}

Test(replay, past_findings)
{
	size_t n = replay_dir("tests/fuzz/regressions/" HARNESS);
	cr_log_info("%zu past findings of " HARNESS " replayed", n);
}
