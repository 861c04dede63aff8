/* End-to-end tests of the binary for issue 11's part here: `--base ORIG v1 v2...`, and the
 * DOCX, ODT, EPUB and PDF pairs of tests/documents/ in every output format. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "run.h"

#define ORIGINAL "examples/lighthouse-1-original.txt"
#define SPUN "examples/lighthouse-2-spun.txt"
#define SUMMARY "examples/lighthouse-3-summary.txt"
#define REWRITE "examples/lighthouse-4-rewrite.txt"

#define RUN(r, ...) run_redline((r), (const char *const[]){"redline", __VA_ARGS__, NULL}, NULL, 0, NULL, 120)

static size_t count_lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* ---- --base ---- */

Test(base, each_version_is_compared_with_the_original)
{
	run_result r;
	RUN(&r, "--inline", "--color=never", "--base", ORIGINAL, SUMMARY, REWRITE);
	cr_assert_eq(r.status, 1, "%s", r.err);
	const char first[] = "redline " ORIGINAL " " SUMMARY "\n";
	cr_assert_eq(strncmp(r.out, first, sizeof first - 1), 0, "%s", r.out);
	/* The second pair is ORIG against the second version, not the first version against it. */
	cr_assert_not_null(strstr(r.out, "\n\nredline " ORIGINAL " " REWRITE "\n"), "%s", r.out);
	cr_assert_null(strstr(r.out, "redline " SUMMARY " " REWRITE), "%s", r.out);
	run_free(&r);
	/* --base=ORIG is the same. */
	RUN(&r, "--inline", "--color=never", "--base=" ORIGINAL, SUMMARY);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_eq(strncmp(r.out, first, sizeof first - 1), 0, "%s", r.out);
	run_free(&r);
}

Test(base, stat_is_one_line_per_version_to_rank_the_copies)
{
	run_result r;
	RUN(&r, "--stat", "--color=never", "--base", ORIGINAL, SPUN, SUMMARY, ORIGINAL);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_eq(count_lines(r.out), 3, "%s", r.out);
	cr_assert_eq(strncmp(r.out, SPUN ": old 753 words, new ", strlen(SPUN) + 21), 0, "%s", r.out);
	cr_assert_not_null(strstr(r.out, "\n" SUMMARY ": old 753 words, "), "%s", r.out);
	/* The original against itself: all of it kept. */
	cr_assert_not_null(strstr(r.out, "\n" ORIGINAL ": old 753 words, new 753 words: kept 753 "
	                                 "(100.0% of old)"), "%s", r.out);
	run_free(&r);
	/* A version identical to the original: no difference, exit 0. */
	RUN(&r, "--stat", "--base", ORIGINAL, ORIGINAL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(count_lines(r.out), 1, "%s", r.out);
	run_free(&r);
}

Test(base, json_is_an_array_of_the_pairs)
{
	run_result r;
	RUN(&r, "--json", "--base", ORIGINAL, SPUN, SUMMARY);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_eq(strncmp(r.out, "[\n{", 3), 0, "%s", r.out);
	/* Both documents name ORIG as their old side. */
	const char *second = strstr(r.out, "}\n,\n{");
	cr_assert_not_null(second, "%s", r.out);
	cr_assert_not_null(strstr(r.out, "\"" ORIGINAL "\""));
	cr_assert_not_null(strstr(second, "\"" ORIGINAL "\""), "%s", second);
	cr_assert_null(strstr(second, "\"" SPUN "\""), "%s", second);
	run_free(&r);
}

Test(base, errors)
{
	run_result r;
	RUN(&r, "--base", ORIGINAL);
	cr_assert_eq(r.status, 2);
	cr_assert_not_null(strstr(r.err, "redline: missing operand: --base ORIG needs a VERSION"), "%s", r.err);
	run_free(&r);
	RUN(&r, "--base", ORIGINAL, "--git");
	cr_assert_eq(r.status, 2);
	cr_assert_not_null(strstr(r.err, "--base compares files"), "%s", r.err);
	run_free(&r);
	RUN(&r, "--stat", "--base", "no-such-original.txt", SPUN);
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "redline: no-such-original.txt: No such file or directory\n");
	cr_assert_eq(r.out_len, 0);
	run_free(&r);
}
