/* The hostile-input corpus through every output format of the real binary.
 *
 * Every file in tests/hostile/ is compared with a normal text (both ways), with itself and with
 * other hostile files, in every format, with and without colour. The large hostile inputs (a
 * 10 MB line, 100,000 paragraphs, a 1 MB word, and texts that defeat the diff's shortcuts) are
 * written into the build directory when the test runs, never committed. Expected of each run:
 *   - it ends, within HANG_SECONDS of CPU time, by exit 0 or 1 (2 only with a one-line message);
 *   - text output is safe for a terminal (term_check.c) and side-by-side lines fit the width;
 *   - --json output is one valid JSON text keeping the contract's shape (json_contract.c);
 *   - a file compared with itself is no difference (exit 0). */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_contract.h"
#include "large.h"
#include "run.h"
#include "term_check.h"

#define NORMAL "examples/lighthouse-1-original.txt"
/* A run that takes more CPU time than this is too slow (CPU, not wall-clock: a loaded machine
 * does not fail it; a hang is bounded in minutes by run.c). The sanitizer build (-O0, ASan,
 * UBSan) runs the same program 5 to 10 times slower, so it allows proportionally more: the 10 s
 * promise is checked on the optimized build. */
#ifdef REDLINE_SANITIZED
#define HANG_SECONDS 60
#else
#define HANG_SECONDS 10
#endif
#define WIDTH 100           /* COLUMNS for the runs that give no --width */
#define NARROWEST 23        /* two panes of RL_LAYOUT_MIN_WIDTH and the gutter */

/* The formats, each an argument list ending in NULL: width, colour, -a. */
static const char *const formats[][5] = {
	{"--side-by-side", "--color=never", NULL},
	{"--side-by-side", "--color=always", "--width=37", NULL},
	{"--inline", "--color=never", NULL},
	{"--inline", "--color=always", NULL},
	{"--json", NULL},
	{"--stat", NULL},
	{"--stat", "--color=always", "--minimal", NULL},
	{"-a", "--side-by-side", "--width=1", NULL},
	{"-a", "--inline", "--color=always", "-i", "-p"},
	{"-a", "--json", "--nfkc", "--strict", NULL},
	{"-a", "--side-by-side", "-U1", "--color=always", NULL},
	{"-a", "--inline", "-U0", NULL},
	{"-a", "--changes", NULL},
};
#define NFORMATS (sizeof formats / sizeof *formats)

static bool has_arg(const char *const *argv, const char *arg)
{
	for (size_t i = 0; argv[i]; i++)
		if (strcmp(argv[i], arg) == 0)
			return true;
	return false;
}

static unsigned width_of(const char *const *argv)
{
	for (size_t i = 0; argv[i]; i++)
		if (strncmp(argv[i], "--width=", 8) == 0)
			return (unsigned)atoi(argv[i] + 8);
	return WIDTH;
}

/* Does a file (or the stdin buffer) look binary to redline: a NUL in its first 8 KiB? */
static bool looks_binary(const char *path, const char *in, size_t in_len)
{
	char buf[8192], full[1024];
	size_t n;
	if (strcmp(path, "-") == 0) {
		n = in_len < sizeof buf ? in_len : sizeof buf;
		memcpy(buf, in, n);
	} else {
		snprintf(full, sizeof full, "%s%s%s", path[0] == '/' ? "" : SOURCE_DIR,
		         path[0] == '/' ? "" : "/", path);
		FILE *fp = fopen(full, "rb");
		cr_assert_not_null(fp, "%s", full);
		n = fread(buf, 1, sizeof buf, fp);
		fclose(fp);
	}
	return memchr(buf, '\0', n) != NULL;
}

/* One run's verdict; what names the run in a failure message. */
static void check_run(const char *const *argv, const run_result *r, bool same, bool binary,
                      const char *what)
{
	size_t at = 0;
	const char *why;

	cr_assert(!r->timed_out, "%s: still running after minutes", what);
	cr_assert_lt(r->cpu, HANG_SECONDS, "%s: %.1f s of CPU", what, r->cpu);
	cr_assert(r->status >= 0 && r->status <= 2, "%s: exit %d (a crash?)\n%s", what, r->status,
	          r->err);
	why = term_check(r->err, r->err_len, false, &at);
	cr_assert_null(why, "%s: stderr: %s at %zu", what, why, at);
	if (r->status == 2) {
		cr_assert_eq(r->out_len, 0, "%s: output and trouble", what);
		cr_assert(r->err_len > 0 && strchr(r->err, '\n') == r->err + r->err_len - 1,
		          "%s: trouble must be one line: %s", what, r->err);
		cr_assert_eq(strncmp(r->err, "redline: ", 9), 0, "%s: %s", what, r->err);
		return;
	}
	cr_assert_eq(r->err_len, 0, "%s: exit %d with a message: %s", what, r->status, r->err);
	if (same)
		cr_assert_eq(r->status, 0, "%s: a file differs from itself", what);
	if (binary && !has_arg(argv, "-a") && has_arg(argv, "--json")) {
		/* Binary inputs (a NUL in the first 8 KiB) are not compared: --json says so in a JSON
		 * document, whether the bytes differ or not. */
		char reason[300];
		why = json_contract_check(r->out, r->out_len, NULL, reason, sizeof reason);
		cr_assert_null(why, "%s: --json: %s", what, why);
		cr_assert_not_null(strstr(r->out, "\"binary\": true"), "%s: %s", what, r->out);
		cr_assert_not_null(strstr(r->out, r->status ? "\"identical\": false"
		                                            : "\"identical\": true"),
		                   "%s: exit %d: %s", what, r->status, r->out);
		return;
	}
	if (binary && !has_arg(argv, "-a")) {
		/* The other formats get diff's verdict: one line when they differ, nothing when they do
		 * not. */
		cr_assert(r->out_len == 0 || (strncmp(r->out, "Binary files ", 13) == 0 &&
		                              strchr(r->out, '\n') == r->out + r->out_len - 1),
		          "%s: %s", what, r->out);
		cr_assert_eq(r->status, r->out_len ? 1 : 0, "%s: a binary verdict", what);
		why = term_check(r->out, r->out_len, false, &at);
		cr_assert_null(why, "%s: %s at byte %zu of the verdict", what, why, at);
		return;
	}
	if (has_arg(argv, "--json")) {
		char reason[300];
		why = json_contract_check(r->out, r->out_len, NULL, reason, sizeof reason);
		cr_assert_null(why, "%s: --json: %s", what, why);
		return;
	}
	why = term_check(r->out, r->out_len, has_arg(argv, "--color=always"), &at);
	cr_assert_null(why, "%s: %s at byte %zu of the output", what, why, at);
	if (has_arg(argv, "--side-by-side")) {
		unsigned w = width_of(argv);
		size_t widest = term_max_line_width(r->out, r->out_len);
		cr_assert_leq(widest, w > NARROWEST ? w : NARROWEST, "%s: a line of %zu columns", what,
		              widest);
	}
}

/* Run redline in one format on old and new (a path, or "-" with stdin). */
static void run_format(size_t f, const char *old, const char *new_, const char *in, size_t in_len,
                       bool same)
{
	const char *argv[12] = {"redline"};
	size_t k = 1;
	for (size_t i = 0; i < 5 && formats[f][i]; i++)
		argv[k++] = formats[f][i];
	argv[k++] = old;
	argv[k++] = new_;
	argv[k] = NULL;
	char what[512];
	snprintf(what, sizeof what, "redline %s %s %s %s %s", formats[f][0],
	         formats[f][1] ? formats[f][1] : "", formats[f][1] && formats[f][2] ? formats[f][2] : "",
	         old, new_);
	run_result r;
	run_redline(&r, argv, in, in_len, (const char *const[]){"COLUMNS=100", NULL}, HANG_SECONDS);
	bool binary = looks_binary(old, in, in_len) || looks_binary(new_, in, in_len);
	check_run(argv, &r, same, binary, what);
	run_free(&r);
}

static void run_all_formats(const char *old, const char *new_, bool same)
{
	for (size_t f = 0; f < NFORMATS; f++)
		run_format(f, old, new_, NULL, 0, same);
}


Test(hostile, against_a_normal_text, .timeout = 600)
{
	size_t n;
	char **v = hostile_files(&n);
	for (size_t i = 0; i < n; i++) {
		run_all_formats(v[i], NORMAL, false);
		run_all_formats(NORMAL, v[i], false);
	}
	free_files(v, n);
}

Test(hostile, against_itself, .timeout = 600)
{
	size_t n;
	char **v = hostile_files(&n);
	for (size_t i = 0; i < n; i++)
		run_all_formats(v[i], v[i], true);
	free_files(v, n);
}

/* Two hostile texts against each other: what this adds to the tests above is the engine on two
 * hostile sides, so the formats are those that change the comparison (-i -p, --nfkc --strict,
 * --minimal) and one printer of each kind; every printer has read each hostile file on both
 * sides above. (All 13 cost 1,040 runs, a sixth of the sanitizer phase's CPU.) */
static const size_t pair_formats[] = {0, 3, 4, 6, 8, 9, 12};

static void run_pair_formats(const char *old, const char *new_)
{
	for (size_t k = 0; k < sizeof pair_formats / sizeof *pair_formats; k++)
		run_format(pair_formats[k], old, new_, NULL, 0, false);
}

Test(hostile, against_each_other, .timeout = 600)
{
	size_t n;
	char **v = hostile_files(&n);
	for (size_t i = 0; i < n; i++) {
		run_pair_formats(v[i], v[(i + 1) % n]);
		run_pair_formats(v[(i + 7) % n], v[i]);
	}
	free_files(v, n);
}

/* Standard input is read the same way whatever the format (src/input/source.c): these formats cover
 * the printers of each kind and the comparison switches; every format reads the same bytes from
 * files in the tests above. (All 13 cost 1,040 runs here, a fifth of the sanitizer phase.) */
static const size_t stdin_formats[] = {0, 3, 4, 9};

Test(hostile, on_standard_input, .timeout = 600)
{
	size_t n;
	char **v = hostile_files(&n);
	for (size_t i = 0; i < n; i++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", SOURCE_DIR, v[i]);
		FILE *fp = fopen(path, "rb");
		cr_assert_not_null(fp);
		char buf[8192];
		size_t len = fread(buf, 1, sizeof buf, fp);
		fclose(fp);
		for (size_t k = 0; k < sizeof stdin_formats / sizeof *stdin_formats; k++) {
			run_format(stdin_formats[k], "-", NORMAL, buf, len, false);
			run_format(stdin_formats[k], v[i], "-", buf, len, true);
		}
	}
	free_files(v, n);
}

/* ------------------------------------------------------------------ large inputs */

/* Write a generated file into the build directory; returns its path (static storage per slot). */
static const char *generate(const char *name, large_gen gen, uint64_t seed)
{
	static char paths[16][512];
	static int slot;
	char *path = paths[slot++ % 16];
	return large_write(path, 512, HOSTILE_BUILD_DIR, name, gen, seed);
}

/* The large-input formats: no colour or colour, every printer. */
static const size_t large_formats[] = {0, 1, 3, 4, 5};

static void run_large(const char *old, const char *new_, bool same)
{
	for (size_t k = 0; k < sizeof large_formats / sizeof *large_formats; k++)
		run_format(large_formats[k], old, new_, NULL, 0, same);
}

/* A large file against itself: the diff is trivial, so one printer of each kind is enough. */
static void run_large_same(const char *path)
{
	run_format(0, path, path, NULL, 0, true);  /* side by side */
	run_format(4, path, path, NULL, 0, true);  /* JSON */
}

Test(hostile_large, a_ten_megabyte_line, .timeout = 600)
{
	const char *a = generate("long-line-a.txt", large_long_line, 0);
	const char *b = generate("long-line-b.txt", large_long_line, 1);
	run_large(a, b, false);
	run_large_same(a);
	run_large(a, NORMAL, false);
}

Test(hostile_large, a_hundred_thousand_paragraphs, .timeout = 600)
{
	const char *a = generate("paragraphs-a.txt", large_paragraphs, 0);
	const char *b = generate("paragraphs-b.txt", large_paragraphs, 1);
	run_large(a, b, false);
	run_large(NORMAL, a, false);
}

Test(hostile_large, a_megabyte_word, .timeout = 600)
{
	const char *a = generate("long-word-a.txt", large_long_word, 0);
	const char *b = generate("long-word-b.txt", large_long_word, 1);
	run_large(a, b, false);
	run_large_same(b);
	run_large(a, NORMAL, false);
}

/* A fifth of the sentences moved, each on its own: found as moves, in time linear in the text
 * (a scan of every unit per short sentence tried, and of every move per moved word when copies
 * were tried, took 15 s of CPU here; 1.5 s now). */
Test(hostile_large, short_sentences_moved_one_by_one, .timeout = 600)
{
	const char *a = generate("moved-sentences-a.txt", large_moved_sentences, 0);
	const char *b = generate("moved-sentences-b.txt", large_moved_sentences, 1);
	run_format(4, a, b, NULL, 0, false);  /* JSON */
	run_result r;
	run_redline(&r, (const char *const[]){"redline", "--stat", a, b, NULL}, NULL, 0, NULL,
	            HANG_SECONDS);
	cr_assert_eq(r.status, 1);
	cr_assert_lt(r.cpu, HANG_SECONDS, "%.1f s of CPU", r.cpu);
	const char *moved = strstr(r.out, "moved ");
	cr_assert_not_null(moved, "%s", r.out);
	cr_assert_gt(atol(moved + 6), 80000, "most of the 102,400 moved words found: %s", r.out);
	run_free(&r);
}

/* The cost bound and the work budget stop the search, and the outputs say so. */
Test(hostile_large, the_worst_case_is_bounded_and_reported, .timeout = 600)
{
	const char *a = generate("two-words-a.txt", large_two_words, 1);
	const char *b = generate("two-words-b.txt", large_two_words, 2);
	run_large(a, b, false);
	run_result r;
	run_redline(&r, (const char *const[]){"redline", "--stat", a, b, NULL}, NULL, 0, NULL,
	            HANG_SECONDS);
	cr_assert_eq(r.status, 1);
	cr_assert_not_null(strstr(r.out, "(coarse: "), "--stat says the result is coarse: %s", r.out);
	run_free(&r);
	run_redline(&r, (const char *const[]){"redline", "--json", a, b, NULL}, NULL, 0, NULL,
	            HANG_SECONDS);
	cr_assert_eq(r.status, 1);
	const char *hits = strstr(r.out, "\"bound_hits\": ");
	cr_assert_not_null(hits);
	cr_assert_gt(atol(hits + 14), 0, "--json counts the searches cut short");
	run_free(&r);
}

/* ------------------------------------------------------------------ documents */

/* A page's scripts and styles are code: no output of any format shows them. */
Test(hostile_documents, script_text_never_shows, .timeout = 600)
{
	for (size_t f = 0; f < NFORMATS; f++) {
		const char *argv[12] = {"redline"};
		size_t k = 1;
		for (size_t i = 0; i < 5 && formats[f][i]; i++)
			argv[k++] = formats[f][i];
		argv[k++] = "tests/hostile/html-script.txt";
		argv[k++] = NORMAL;
		argv[k] = NULL;
		run_result r;
		run_redline(&r, argv, NULL, 0, NULL, HANG_SECONDS);
		cr_assert_eq(r.status, 1, "%s: %s", formats[f][0], r.err);
		cr_assert_null(strstr(r.out, "MUST-NOT-APPEAR"), "%s shows a script", formats[f][0]);
		cr_assert_null(strstr(r.out, "NOSCRIPT"), "%s shows a noscript", formats[f][0]);
		run_free(&r);
	}
}

static void nested_tags(FILE *fp, uint64_t seed)
{
	fputs("<!DOCTYPE html><html><body>", fp);
	for (int k = 0; k < 100000; k++)
		fputs(seed ? "<b>" : "<div>", fp);
	fputs("the bottom", fp);
	for (int k = 0; k < 100000; k++)
		fputs(seed ? "</b>" : "</div>", fp);
}

static void nested_quotes(FILE *fp, uint64_t seed)
{
	fputs("# A Markdown file\n\nWith a [link](x) in it.\n\n", fp);
	for (int k = 0; k < 100000; k++)
		fputs(seed ? "- " : ">", fp);
	fputs(" the bottom\n", fp);
}

/* 100,000 nested elements: refused in one line (libxml2 stops at 256 levels), in every format;
 * Markdown nested as deep is read. */
Test(hostile_documents, nested_a_hundred_thousand_deep, .timeout = 600)
{
	const char *html[2] = {generate("nested-div.html", nested_tags, 0),
	                       generate("nested-b.html", nested_tags, 1)};
	for (int h = 0; h < 2; h++) {
		for (size_t k = 0; k < sizeof large_formats / sizeof *large_formats; k++) {
			run_format(large_formats[k], html[h], NORMAL, NULL, 0, false);
			const char *argv[] = {"redline", formats[large_formats[k]][0], html[h], NORMAL, NULL};
			run_result r;
			run_redline(&r, argv, NULL, 0, NULL, HANG_SECONDS);
			cr_assert_eq(r.status, 2);
			cr_assert_not_null(strstr(r.err, "nested more than 256 deep"), "%s", r.err);
			run_free(&r);
		}
	}
	const char *md[2] = {generate("nested-quotes.md", nested_quotes, 0),
	                     generate("nested-list.md", nested_quotes, 1)};
	for (int m = 0; m < 2; m++) {
		run_large(md[m], NORMAL, false);
		run_large_same(md[m]);
	}
}
