/* End-to-end tests of the redline command: outputs, exit status, errors, hostile bytes. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_examples.h"
#include "expect.h"
#include "fixtures.h"
#include "json.h"
#include "run.h"
#include "temp.h"

Test(cli, help_and_version)
{
	run_result r;
	RUN(&r, "--help");
	cr_assert_eq(r.status, 0);
	cr_assert_not_null(strstr(r.out, "Usage: redline [OPTION]... OLD NEW"));
	/* Every line fits an 80-column terminal (characters, not bytes: the help shows … and ﬁ). */
	for (const char *line = r.out; *line;) {
		const char *end = strchr(line, '\n');
		size_t cols = 0;
		for (const char *p = line; p < (end ? end : line + strlen(line)); p++)
			cols += ((unsigned char)*p & 0xC0) != 0x80;
		cr_assert_leq(cols, 80, "--help line of %zu columns: %.*s", cols,
		              (int)((end ? end : line + strlen(line)) - line), line);
		line = end ? end + 1 : line + strlen(line);
	}
	run_free(&r);
	RUN(&r, "--version");
	cr_assert_eq(r.status, 0);
	cr_assert_eq(strncmp(r.out, "redline ", 8), 0);
	run_free(&r);
}

/* Does the man page name option opt (a "-" written "\\-" in roff)? */
static bool man_names(const char *man, const char *opt)
{
	char roff[128];
	size_t n = 0;
	for (const char *p = opt; *p && n + 3 < sizeof roff; p++) {
		if (*p == '-')
			roff[n++] = '\\';
		roff[n++] = *p;
	}
	roff[n] = '\0';
	return strstr(man, roff) != NULL;
}

/* --help, the README and the man page tell one story: every long option --help names is in the
 * README (its option table or its common uses) and in the man page (before: --colour and the
 * README's missing long forms had drifted apart). */
Test(cli, help_readme_and_man_page_name_the_same_options)
{
	run_result r;
	RUN(&r, "--help");
	size_t n;
	char *readme = fixture_read("README.md", &n), *man = fixture_read("doc/redline.1", &n);
	size_t seen = 0;
	for (const char *p = r.out; (p = strstr(p, "--")) != NULL;) {
		size_t len = 2;
		while ((p[len] >= 'a' && p[len] <= 'z') || (p[len] == '-' && p[len + 1] != '-'))
			len++;
		if (len > 3 && p[2] >= 'a' && p[2] <= 'z') {
			char opt[64], code[66], used[66];
			snprintf(opt, sizeof opt, "%.*s", (int)len, p);
			snprintf(code, sizeof code, "`%s", opt);  /* the option table */
			snprintf(used, sizeof used, " %s", opt);  /* a command of the common uses */
			cr_expect(strstr(readme, code) || strstr(readme, used), "README.md lacks %s", opt);
			cr_expect(man_names(man, opt), "doc/redline.1 lacks %s", opt);
			seen++;
		}
		p += len;
	}
	cr_assert_geq(seen, 40, "only %zu long options found in --help", seen);
	free(readme);
	free(man);
	run_free(&r);
}

/* A write that fails is trouble, however short the output: the help text is longer than one
 * stdio buffer, so its first write fails while the last flush succeeds. */
Test(cli, a_failed_write_exits_2)
{
	if (access("/dev/full", W_OK) != 0)
		cr_skip_test("no /dev/full");
	const char *opts[] = {"--help", "--version", "-h"};
	for (size_t i = 0; i < sizeof opts / sizeof *opts; i++) {
		run_result r;
		run_program(&r, (const char *const[]){"sh", "-c", "exec \"$0\" \"$1\" >/dev/full",
		                                      REDLINE_BIN, opts[i], NULL},
		            SOURCE_DIR, NULL, 0, NULL, 120);
		cr_assert_eq(r.status, 2, "%s > /dev/full exits %d", opts[i], r.status);
		cr_assert_not_null(strstr(r.err, "write error"), "%s: %s", opts[i], r.err);
		run_free(&r);
	}
}

Test(cli, usage_errors_exit_2_with_one_line)
{
	const char *const cases[][5] = {
		{"redline", ORIGINAL, NULL, NULL},
		{"redline", "--bogus", ORIGINAL, SPUN},
		{"redline", "--width=0", ORIGINAL, SPUN},
		{"redline", "--color=sometimes", ORIGINAL, SPUN},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		run_result r;
		run_redline(&r, cases[i], NULL, 0, NULL, 10);
		cr_assert_eq(r.status, 2, "case %zu", i);
		cr_assert_eq(r.out_len, 0, "case %zu: nothing on stdout", i);
		cr_assert_eq(strncmp(r.err, "redline: ", 9), 0, "case %zu: %s", i, r.err);
		cr_assert_not_null(strstr(r.err, "Try 'redline --help'"));
		run_free(&r);
	}
}

/* More than two files: each compared with the next, each comparison under a header. */
Test(cli, several_versions_print_each_pair)
{
	run_result r;
	RUN(&r, "--stat", ORIGINAL, SPUN, SUMMARY);
	cr_assert_eq(r.status, 1);
	const char first[] = "redline " ORIGINAL " " SPUN "\nold ";
	cr_assert_eq(strncmp(r.out, first, sizeof first - 1), 0, "%s", r.out);
	cr_assert_not_null(strstr(r.out, "\n\nredline " SPUN " " SUMMARY "\nold "), "%s", r.out);
	run_free(&r);
	RUN(&r, "--stat", SPUN, SPUN, SPUN);
	cr_assert_eq(r.status, 0, "no pair differs");
	run_free(&r);
	RUN(&r, "--json", ORIGINAL, SPUN, SPUN);
	cr_assert_eq(r.status, 1);
	cr_assert_eq(strncmp(r.out, "[\n{", 3), 0, "a JSON array of comparisons");
	const char *end = "\"unlisted_edits\": 0\n}\n]\n";  /* the last pair does not differ */
	cr_assert_str_eq(r.out + r.out_len - strlen(end), end);
	cr_assert_not_null(strstr(r.out, "}\n,\n{"), "two objects, separated");
	run_free(&r);
	RUN(&r, "--stat", ORIGINAL, SPUN, "no-such-file.txt");
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "redline: no-such-file.txt: No such file or directory\n");
	run_free(&r);
}

Test(cli, file_errors_name_the_file_and_reason)
{
	run_result r;
	RUN(&r, "no-such-file.txt", SPUN);
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "redline: no-such-file.txt: No such file or directory\n");
	run_free(&r);

	RUN(&r, ORIGINAL, "examples");
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "redline: examples: Is a directory\n");
	run_free(&r);

	RUN(&r, ORIGINAL, "examples/README.md/x");
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "redline: examples/README.md/x: Not a directory\n");
	run_free(&r);

	if (geteuid() != 0) {
		char path[64];
		temp_file(path, "x", 1);
		chmod(path, 0);
		RUN(&r, path, SPUN);
		cr_assert_eq(r.status, 2);
		cr_assert_not_null(strstr(r.err, "Permission denied"));
		run_free(&r);
		unlink(path);
	}
}

Test(cli, exit_status_like_diff)
{
	run_result r;
	RUN(&r, ORIGINAL, ORIGINAL);
	cr_assert_eq(r.status, 0);
	run_free(&r);
	RUN(&r, ORIGINAL, SPUN);
	cr_assert_eq(r.status, 1);
	run_free(&r);
	RUN(&r, "--stat", ORIGINAL, REWRITE);
	cr_assert_eq(r.status, 1);
	run_free(&r);
}

Test(cli, comparison_options_decide_sameness)
{
	char a[64], b[64];
	temp_pair(a, b, "Hello, World \xe2\x80\x94 it\xe2\x80\x99s me.\n", 26,
	          "hello world -- it's me\n", 23);
	run_result r;
	RUN(&r, "--stat", a, b);
	cr_assert_eq(r.status, 1);
	run_free(&r);
	RUN(&r, "--stat", "-i", "-p", a, b);
	cr_assert_eq(r.status, 0, "%s", r.out);
	run_free(&r);
	RUN(&r, "--stat", "-i", "--strict", a, b);
	cr_assert_eq(r.status, 1, "--strict sees the curly apostrophe");
	run_free(&r);
	RUN(&r, "--stat", "-i", "-p", "--strict", a, b);
	cr_assert_eq(r.status, 0, "the apostrophe is punctuation of its own: -p ignores it");
	run_free(&r);
	unlink_pair(a, b);
}

/* Text copied out of a PDF keeps its ligatures: "The ﬁrst oﬃce ﬂoor" is "The first office
 * floor" (exit 0, every word kept), as curly quotes are straight ones; --strict tells them apart
 * (stop 22: before, three words were rewritten unless --nfkc was given). */
Test(cli, ligatures_are_their_letters)
{
	char a[64], b[64];
	temp_pair(a, b, "The \xef\xac\x81rst o\xef\xac\x83" "ce \xef\xac\x82oor.\n", 26,
	          "The first office floor.\n", 24);
	run_result r;
	RUN(&r, "--stat", a, b);
	cr_assert_eq(r.status, 0, "%s", r.out);
	cr_assert_not_null(strstr(r.out, "kept 4 (100.0% of old)"), "%s", r.out);
	run_free(&r);
	RUN(&r, "--stat", "--strict", a, b);
	cr_assert_eq(r.status, 1, "%s", r.out);
	run_free(&r);
	unlink_pair(a, b);
}

/* 1 word of 2,001 changed: 99.95% rounds to 100.0%, but texts that differ are never 100%. */
Test(cli, similarity_is_100_percent_only_for_the_same_words)
{
	char a[] = "/tmp/redline-sim-a-XXXXXX", b[] = "/tmp/redline-sim-b-XXXXXX";
	int fa = mkstemp(a), fb = mkstemp(b);
	cr_assert(fa >= 0 && fb >= 0);
	for (int k = 0; k < 2001; k++) {
		cr_assert_eq(write(fa, "word ", 5), 5);
		cr_assert_eq(write(fb, k == 1000 ? "other " : "word ", k == 1000 ? 6 : 5),
		             k == 1000 ? 6 : 5);
	}
	close(fa);
	close(fb);
	run_result r;
	run_redline(&r, (const char *const[]){"redline", "--stat", a, b, NULL}, NULL, 0, NULL, 20);
	cr_assert_eq(r.status, 1);
	out_has(&r, "kept 2000 (99.9% of old)");
	out_has(&r, "similarity 99.9%");
	run_free(&r);
	unlink_pair(a, b);
}

/* OLD `old` in a file named after `tag`, NEW `new` on standard input: --inline differs and prints
 * `want`; side by side at width 80 prints `side_want` too, unless it is NULL. */
static void inline_reads(const char *tag, const char *old, const char *new, const char *want,
                         const char *side_want)
{
	char a[96];
	temp_named(a, tag, old, strlen(old));
	run_result r;
	RUN_IN(&r, new, "--inline", "--color=never", a, "-");
	cr_assert_eq(r.status, 1);
	out_has(&r, want);
	run_free(&r);
	if (side_want) {
		RUN_IN(&r, new, "-y", "-W", "80", "--color=never", a, "-");
		cr_assert_eq(r.status, 1);
		out_has(&r, side_want);
		run_free(&r);
	}
	unlink(a);
}

/* Under --ignore-punct (-p), punctuation is not compared, and three things went wrong on a spun
 * copy written one paragraph a line against the original's blank lines: a paragraph opening with
 * a quotation mark started on the row after the paragraph before on NEW's side, a row above
 * OLD's (the layout cut paragraphs only at compared tokens); the mark opening a quotation after a
 * rewritten "said." was drawn deleted and inserted ("[-said.-] [-“-]We", an op "“" -> "“" left
 * by the quotation stage's cut); and "didn’t", two words when the apostrophe is not compared,
 * was printed "{+didn’+}{+t+}" side by side and "[-did-] {+didn’+} [-not-] {+t+}" inline. */
#define PIER_OLD                                                                                   \
	"The harbour board met on Monday and said that the long awaited new pier for the fishing "     \
	"fleet, which was promised years ago, is “unchanged.”\n\n“We plan to continue building the " \
	"pier this year,” the chair said. “We have not finished the work, but the money is there.”"    \
	"\n\nThe mayor did not comment on the plan, and the board did not say when it opens.\n"
#define PIER_NEW                                                                                   \
	"The harbour board met on Monday and stated that the lengthy awaited brand new pier for the "  \
	"fishing fleet, which was promised years in the past, is “unchanged.”\n“We plan to proceed "  \
	"constructing the pier this year,” the chair mentioned. “We haven’t completed the work, "      \
	"however the cash is there.”\nThe mayor didn’t touch upon the plan, and the board didn’t "    \
	"say when it opens, as the board has said before.\n"

Test(cli, ignore_punct_keeps_paragraphs_rows_and_words_whole)
{
	char a[96];
	temp_named(a, "pier-a", PIER_OLD, strlen(PIER_OLD));
	run_result r;
	RUN_IN(&r, PIER_NEW, "-p", "--inline", "--color=never", a, "-");
	cr_assert_eq(r.status, 1);
	out_has(&r, "the chair [-said.-] {+mentioned.+} “We");
	out_has(&r, "The mayor [-did not comment on-] {+didn’t touch upon+} the plan");
	run_free(&r);

	RUN_IN(&r, PIER_NEW, "-p", "-y", "-W", "120", "--color=never", a, "-");
	cr_assert_eq(r.status, 1);
	const char *const unseen[] = {"[-“-]", "{+“+}", "{+didn’+}{+t+}", "{!haven’!}{!t!}"};
	out_lacks(&r, unseen, sizeof unseen / sizeof *unseen, "-p -y");
	/* the paragraph starts on one row on both sides, after a blank row on both */
	const char *row = strstr(r.out, "“We plan to");
	cr_assert_not_null(row, "%s", r.out);
	const char *eol = strchr(row, '\n');
	const char *again = strstr(row + 1, "“We plan to");
	cr_assert(again && eol && again < eol, "“We plan to” starts on different rows:\n%s", r.out);
	cr_assert(row - r.out >= 2 && row[-1] == '\n', "%s", r.out);
	const char *blank = row - 1;
	while (blank > r.out && blank[-1] != '\n')
		blank--;
	cr_assert_eq(strspn(blank, " "), (size_t)(row - 1 - blank), "no blank row above:\n%s", r.out);
	run_free(&r);
	unlink(a);
}

/* --inline prints a rewrite as OLD's words then NEW's: where NEW glues its words to the word
 * before ("two-year" for "two winters"), OLD's keep their space. Before: "two[-winters shut-]",
 * which reads "twowinters". */
Test(cli, inline_rewrite_keeps_old_spacing_where_new_glues)
{
	/* (Not "two-year": a rewrite takes a compound's first part with it, structure_ops.c.) */
	inline_reads("glue-a", "The walkway reopens after two winters shut, the company said.\n",
	             "The walkway reopens after two/three closures, the company said.\n",
	             "after two [-winters shut-] {+/three closures+}, the", NULL);
}

/* A sentence dropped from the top of the text, before a word NEW starts with: the deletion and
 * the word keep OLD's space. Before: "[-… a stream.-]tidewrap is", as if glued. */
Test(cli, a_deletion_before_new_texts_first_word_keeps_its_space)
{
	inline_reads("top-a", "It reads tide tables from a stream. tidewrap is a script.\n",
	             "tidewrap is a script.\n",
	             "[-It reads tide tables from a stream.-] tidewrap is a script.", NULL);
}

/* A byline that loses its first word ("By Ann Quell" -> "Ann Quell"): the deletion leads the
 * paragraph. Before: "[-By-]" printed as a paragraph of its own above the byline, inline and side
 * by side (the break printed before the deletion and again before NEW's paragraph). */
Test(cli, a_deletion_that_starts_a_paragraph_stays_in_it)
{
	inline_reads("lead-a",
	             "Mill to turn again\n\nBy Ann Quell, heritage reporter\n\nThe mill will "
	             "grind again.\n",
	             "Mill to turn again\n\nAnn Quell, reporter\n\nThe mill will grind again.\n",
	             "again\n\n[-By-] Ann Quell, [-heritage-] reporter\n\nThe",
	             "\n[-By-] Ann Quell, [-heritage-]");
}

Test(cli, standard_input)
{
	size_t len;
	char *text = fixture_read(SPUN, &len);
	run_result r;
	run_redline(&r, (const char *const[]){"redline", "--stat", ORIGINAL, "-", NULL}, text, len,
	            NULL, 20);
	cr_assert_eq(r.status, 1);
	cr_assert_not_null(strstr(r.out, "similarity"));
	run_free(&r);
	run_redline(&r, (const char *const[]){"redline", "--stat", "-", "-", NULL}, text, len, NULL, 20);
	cr_assert_eq(r.status, 0, "standard input compared with itself");
	run_free(&r);
	free(text);
}

Test(cli, binary_files_are_not_diffed)
{
	char a[64], b[64];
	temp_pair(a, b, "text\0with nul", 13, "text\0with null", 14);
	run_result r;
	RUN(&r, a, b);
	cr_assert_eq(r.status, 1);
	char want[256];
	snprintf(want, sizeof want, "Binary files %s and %s differ\n", a, b);
	cr_assert_str_eq(r.out, want);
	run_free(&r);
	RUN(&r, a, a);
	cr_assert_eq(r.status, 0);
	cr_assert_eq(r.out_len, 0);
	run_free(&r);
	RUN(&r, "--text", "--inline", a, b);
	cr_assert_eq(r.status, 1);
	cr_assert_not_null(strstr(r.out, "^@"), "NUL drawn as ^@: %s", r.out);
	run_free(&r);
	/* --stat keeps diff's one line */
	RUN(&r, "--stat", a, b);
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.out, want);
	run_free(&r);
	unlink_pair(a, b);
}

/* A JSON consumer gets JSON for binary files too: the sides, "binary": true, whether the bytes
 * are identical, and no ops; the exit status is the same as without --json. */
Test(cli, json_on_binary_files)
{
	char a[64], b[64], want[512];
	temp_pair(a, b, "text\0with nul", 13, "text\0with null", 14);
	run_result r;
	RUN(&r, "--json", a, b);
	cr_assert_eq(r.status, 1);
	snprintf(want, sizeof want,
	         "{\n  \"redline\": 1,\n  \"old\": {\"path\": \"%s\", \"size\": 13},\n"
	         "  \"new\": {\"path\": \"%s\", \"size\": 14},\n  \"binary\": true,\n"
	         "  \"identical\": false\n}\n", a, b);
	cr_assert_str_eq(r.out, want);
	cr_assert_eq(r.err_len, 0);
	char err[256];
	json *doc = json_parse(r.out, r.out_len, err, sizeof err);
	cr_assert_not_null(doc, "%s", err);
	cr_assert_eq(json_get(doc, "binary")->type, JSON_TRUE);
	cr_assert_eq(json_get(doc, "identical")->type, JSON_FALSE);
	cr_assert_null(json_get(doc, "ops"));
	json_free(doc);
	run_free(&r);
	RUN(&r, "--json", a, a);
	cr_assert_eq(r.status, 0);
	out_has(&r, "\"binary\": true,\n  \"identical\": true\n}\n");
	run_free(&r);
	/* one side binary is enough; -a compares them as text, with ops */
	RUN(&r, "--json", a, ORIGINAL);
	cr_assert_eq(r.status, 1);
	cr_assert_not_null(strstr(r.out, "\"identical\": false"));
	cr_assert_null(strstr(r.out, "\"ops\""));
	run_free(&r);
	RUN(&r, "--json", "-a", a, b);
	cr_assert_eq(r.status, 1);
	cr_assert_null(strstr(r.out, "\"binary\""));
	cr_assert_not_null(strstr(r.out, "\"ops\": ["));
	run_free(&r);
	/* several versions: an array of documents, the binary pair's among them */
	RUN(&r, "--json", ORIGINAL, a, b);
	cr_assert_eq(r.status, 1);
	cr_assert_eq(strncmp(r.out, "[\n{\n", 4), 0, "%s", r.out);
	cr_assert_not_null(strstr(r.out, "}\n,\n{\n"), "two documents: %s", r.out);
	cr_assert_not_null(strstr(r.out, "\"binary\": true,\n  \"identical\": false"));
	run_free(&r);
	unlink_pair(a, b);
}

/* A text run into one line: "count 'em!" and, 200 words on, "the sailors' boats" are
 * apostrophes, no quotation between them, so the one word changed between them is a plain
 * replace in --json, flagged nothing (it was flagged "altered"). */
Test(cli, json_a_stray_apostrophe_flags_nothing_in_one_line_text)
{
	char old[4096] = "Mend the nets and count 'em! ", new[4096], a[64], b[64];
	for (int k = 0; k < 20; k++)
		strcat(old, k == 10 ? "The keeper lit the lamp at dusk every day. "
		                    : "The keeper lit the lamp at dusk every night. ");
	strcpy(new, old);
	char *day = strstr(new, "every day.");
	memcpy(day, "every eve.", 10);
	strcat(old, "The sailors' boats came home late.\n");
	strcat(new, "The sailors' boats came home late.\n");
	temp_pair(a, b, old, strlen(old), new, strlen(new));
	run_result r;
	RUN(&r, "--json", a, b);
	cr_assert_eq(r.status, 1);
	cr_assert_null(strstr(r.out, "\"quote\""), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "\"kind\": \"replace\""), "%s", r.out);
	run_free(&r);
	unlink_pair(a, b);
}

Test(cli, size_limit)
{
	run_result r;
	RUN(&r, "--max-size=100", ORIGINAL, SPUN);
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "redline: " ORIGINAL ": larger than the input limit of 100 bytes "
	                        "(see --max-size)\n");
	run_free(&r);
	RUN(&r, "--max-size=1M", "--stat", ORIGINAL, SPUN);
	cr_assert_eq(r.status, 1);
	run_free(&r);
}

/* No byte of the output may act on a terminal: no C0 control but newline, no DEL, no C1 control
 * (raw or encoded), no bidi control; with colour, only our own SGR sequences. */
static void assert_terminal_safe(const run_result *r, bool color)
{
	const unsigned char *s = (const unsigned char *)r->out;
	for (size_t i = 0; i < r->out_len; i++) {
		if (color && s[i] == 0x1b) {
			cr_assert_eq(s[i + 1], '[', "ESC not starting an SGR at %zu", i);
			size_t j = i + 2;
			while (j < r->out_len && ((s[j] >= '0' && s[j] <= '9') || s[j] == ';'))
				j++;
			cr_assert_eq(s[j], 'm', "not an SGR sequence at %zu", i);
			i = j;
			continue;
		}
		cr_assert(s[i] >= 0x20 || s[i] == '\n', "control byte %02x at %zu", s[i], i);
		cr_assert_neq(s[i], 0x7f, "DEL at %zu", i);
		if (s[i] == 0xc2 && i + 1 < r->out_len)
			cr_assert(s[i + 1] < 0x80 || s[i + 1] > 0x9f, "encoded C1 at %zu", i);
		if (s[i] == 0xe2 && i + 2 < r->out_len && s[i + 1] == 0x80)
			cr_assert(s[i + 2] < 0xaa || s[i + 2] > 0xae, "bidi embedding/override at %zu", i);
		if (s[i] == 0xe2 && i + 2 < r->out_len && s[i + 1] == 0x81)
			cr_assert(s[i + 2] < 0xa6 || s[i + 2] > 0xa9, "bidi isolate at %zu", i);
	}
}

Test(cli, hostile_bytes_never_reach_the_terminal)
{
	const char hostile[] =
		"Title \x1b]0;pwned\x07 here \x1b]52;c;ZXZpbA==\x07 and \x1b[2J\x1b[H cleared.\n"
		"C1 raw \x9b" "31m and encoded \xc2\x9b" "31m, bidi \xe2\x80\xae" "txet\xe2\x80\xac and "
		"\xe2\x81\xa6isolate\xe2\x81\xa9, DEL \x7f, bell \x07, nul-free.\r\n";
	char a[64], b[64];
	temp_pair(a, b, hostile, sizeof hostile - 1,
	          "Title here and cleared. C1 raw and encoded, bidi and isolate.\n", 62);
	const char *formats[][2] = {{"--side-by-side", "--color=never"}, {"--inline", "--color=never"},
	                            {"--side-by-side", "--color=always"}, {"--inline", "--color=always"},
	                            {"--stat", "--color=always"}};
	for (size_t k = 0; k < sizeof formats / sizeof *formats; k++) {
		run_result r;
		RUN(&r, formats[k][0], formats[k][1], a, b);
		cr_assert_eq(r.status, 1, "%s %s", formats[k][0], formats[k][1]);
		assert_terminal_safe(&r, strcmp(formats[k][1], "--color=always") == 0);
		if (strcmp(formats[k][0], "--stat") != 0) {
			cr_assert_not_null(strstr(r.out, "^[]0;pwned^G"), "OSC shown as text");
			cr_assert_not_null(strstr(r.out, "\\x9b"), "raw C1 shown as text");
			cr_assert_not_null(strstr(r.out, "<U+009B>"));
			cr_assert_not_null(strstr(r.out, "<U+202E>"));
		}
		run_free(&r);
	}
	unlink_pair(a, b);
}

Test(cli, error_messages_are_safe_too)
{
	run_result r;
	RUN(&r, "evil\x1b]0;x\x07name", SPUN);
	cr_assert_eq(r.status, 2);
	cr_assert_null(strchr(r.err, '\x1b'), "%s", r.err);
	cr_assert_not_null(strstr(r.err, "evil^[]0;x^Gname"));
	run_free(&r);
}

Test(cli, colour_and_markers)
{
	run_result r;
	RUN(&r, "--side-by-side", "--color=always", ORIGINAL, SPUN);
	cr_assert_not_null(strstr(r.out, "\x1b[0;33m"), "rewrites in yellow");
	cr_assert_null(strstr(r.out, "[-"), "no markers with colour");
	run_free(&r);
	RUN(&r, "--side-by-side", "--color=never", ORIGINAL, SPUN);
	cr_assert_null(strchr(r.out, '\x1b'));
	cr_assert_not_null(strstr(r.out, "[-"), "markers without colour");
	run_free(&r);
	/* auto: not a terminal, so no colour; NO_COLOR is honoured but cannot matter here */
	run_redline(&r, (const char *const[]){"redline", ORIGINAL, SPUN, NULL}, NULL, 0,
	            (const char *const[]){"NO_COLOR=1", NULL}, 20);
	cr_assert_null(strchr(r.out, '\x1b'));
	run_free(&r);
}

Test(cli, side_by_side_respects_the_width)
{
	const unsigned widths[] = {40, 72, 100, 161};
	for (size_t k = 0; k < 4; k++) {
		char opt[32];
		snprintf(opt, sizeof opt, "--width=%u", widths[k]);
		run_result r;
		RUN(&r, "--side-by-side", opt, ORIGINAL, REWRITE);
		cr_assert_eq(r.status, 1);
		size_t lines = 0;
		for (char *p = r.out, *nl; (nl = strchr(p, '\n')); p = nl + 1, lines++)
			cr_assert_leq(printed_width(p, (size_t)(nl - p)), widths[k], "width %u line %zu",
			              widths[k], lines);
		cr_assert_gt(lines, 10);
		run_free(&r);
	}
	/* COLUMNS is the default width off a terminal */
	run_result r;
	run_redline(&r, (const char *const[]){"redline", ORIGINAL, SPUN, NULL}, NULL, 0,
	            (const char *const[]){"COLUMNS=50", NULL}, 20);
	for (char *p = r.out, *nl; (nl = strchr(p, '\n')); p = nl + 1)
		cr_assert_leq(printed_width(p, (size_t)(nl - p)), 50);
	run_free(&r);
}

Test(cli, golden_outputs)
{
	struct {
		const char *name;
		const char *argv[6];
	} cases[] = {
		{"spun.sbs.txt", {"redline", "--width=120", ORIGINAL, SPUN, NULL}},
		{"spun.inline.txt", {"redline", "--inline", ORIGINAL, SPUN, NULL}},
		{"spun.json", {"redline", "--json", ORIGINAL, SPUN, NULL}},
		{"summary.sbs.txt", {"redline", "--width=120", ORIGINAL, SUMMARY, NULL}},
		{"rewrite.sbs.txt", {"redline", "--width=120", ORIGINAL, REWRITE, NULL}},
		{"rewrite.inline.txt", {"redline", "--inline", ORIGINAL, REWRITE, NULL}},
		{"summary.inline.txt", {"redline", "--inline", ORIGINAL, SUMMARY, NULL}},
		{"stat.txt", {"redline", "--stat", ORIGINAL, REWRITE, NULL}},
		{"spun.U3.sbs.txt", {"redline", "--width=120", "-U3", ORIGINAL, SPUN, NULL}},
		{"summary.U1.sbs.txt", {"redline", "-W100", "--context=1", ORIGINAL, SUMMARY, NULL}},
		{"spun.U0.inline.txt", {"redline", "--inline", "-U0", ORIGINAL, SPUN, NULL}},
		{"rewrite.changes.md", {"redline", "--changes", ORIGINAL, REWRITE, NULL}},
		{"summary.changes.md", {"redline", "--changes", ORIGINAL, SUMMARY, NULL}},
		/* Markdown whose emphasis and link targets changed: formatting changes */
		{"readme.sbs.txt", {"redline", "--width=120", README1, README2, NULL}},
		{"readme.inline.txt", {"redline", "--inline", README1, README2, NULL}},
		{"readme.json", {"redline", "--json", README1, README2, NULL}},
		{"readme.stat.txt", {"redline", "--stat", README1, README2, NULL}},
		{"readme.changes.md", {"redline", "--changes", README1, README2, NULL}},
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		run_result r;
		run_redline(&r, cases[k].argv, NULL, 0, NULL, 20);
		cr_assert_eq(r.status, 1, "%s", cases[k].name);
		golden(cases[k].name, &r);
		run_free(&r);
	}
}

/* The JSON contract, checked by the bench's own scorer when ../shared is here. */
Test(cli, json_validates_with_the_scorer)
{
	char scorer[1024];
	if (!scorer_found(scorer))
		cr_skip_test("no scorer (%s) or no python3", scorer);
	const char *pairs[][2] = {{ORIGINAL, SPUN}, {ORIGINAL, SUMMARY}, {ORIGINAL, REWRITE},
	                          {SUMMARY, REWRITE}};
	for (size_t k = 0; k < 4; k++) {
		for (int minimal = 0; minimal < 2; minimal++) {
			run_result r;
			if (minimal)
				RUN(&r, "--json", "--minimal", pairs[k][0], pairs[k][1]);
			else
				RUN(&r, "--json", pairs[k][0], pairs[k][1]);
			char out[64];
			temp_file(out, r.out, r.out_len);
			char cmd[2048];
			snprintf(cmd, sizeof cmd, "cd %s && python3 %s --check %s %s %s >/dev/null", SOURCE_DIR,
			         scorer, pairs[k][0], pairs[k][1], out);
			cr_assert_eq(system(cmd), 0, "score.py --check fails on %s %s", pairs[k][0],
			             pairs[k][1]);
			unlink(out);
			run_free(&r);
		}
	}
}

/* ---- the --json contract (../shared/bench/README.md), checked by our own reader, so that it is
 * checked with or without ../shared and on hostile input too */

/* Marks the bytes of data that belong to whitespace code points (Python's str.isspace, as the
 * scorer decides): ASCII spaces and controls \t..\r, \x1c..\x1f, NEL, NBSP and the Unicode
 * spaces. Invalid bytes are not whitespace. */
static bool *whitespace_mask(const char *data, size_t len)
{
	bool *ws = calloc(len + 1, 1);
	cr_assert_not_null(ws);
	const unsigned char *u = (const unsigned char *)data;
	for (size_t i = 0; i < len;) {
		uint32_t cp = u[i];
		size_t n = 1;
		if (u[i] >= 0xC2 && u[i] <= 0xDF && i + 1 < len && (u[i + 1] & 0xC0) == 0x80)
			cp = ((u[i] & 0x1Fu) << 6) | (u[i + 1] & 0x3F), n = 2;
		else if (u[i] >= 0xE0 && u[i] <= 0xEF && i + 2 < len && (u[i + 1] & 0xC0) == 0x80 &&
		         (u[i + 2] & 0xC0) == 0x80)
			cp = ((u[i] & 0x0Fu) << 12) | ((u[i + 1] & 0x3Fu) << 6) | (u[i + 2] & 0x3F), n = 3;
		bool space = (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 ||
		             cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
		             cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
		for (size_t k = 0; k < n; k++)
			ws[i + k] = space;
		i += n;
	}
	return ws;
}

/* A file as redline read it: absolute, or relative to the source directory it runs in. */
static char *read_input(const char *path, size_t *len)
{
	if (path[0] != '/')
		return fixture_read(path, len);
	FILE *fp = fopen(path, "rb");
	cr_assert_not_null(fp, "cannot open %s", path);
	char *buf = malloc(1 << 16);
	cr_assert_not_null(buf);
	*len = fread(buf, 1, 1 << 16, fp);
	cr_assert(feof(fp), "%s: only small files here", path);
	fclose(fp);
	return buf;
}

/* An op's range on one side: [s, e) within size, or a test failure. */
static void op_range(const json *op, const char *side, size_t size, size_t *s, size_t *e,
                     size_t k)
{
	const json *r = json_get(op, side);
	cr_assert(r && r->type == JSON_ARRAY && r->nkids == 2, "op %zu: \"%s\" is not a pair", k, side);
	const json *r0 = json_at(r, 0), *r1 = json_at(r, 1);
	cr_assert(r0->is_int && r1->is_int, "op %zu: \"%s\" holds non-integers", k, side);
	cr_assert(r0->i >= 0 && r0->i <= r1->i && (size_t)r1->i <= size,
	          "op %zu: \"%s\" [%lld, %lld] outside 0..%zu", k, side, r0->i, r1->i, size);
	*s = (size_t)r0->i;
	*e = (size_t)r1->i;
}

/* The non-whitespace bytes of data[s..e), appended to out (a buffer of at least e - s bytes). */
static size_t content(const char *data, const bool *ws, size_t s, size_t e, char *out)
{
	size_t n = 0;
	for (size_t i = s; i < e; i++)
		if (!ws[i])
			out[n++] = data[i];
	return n;
}

/* Run redline --json (with extra options) on two files and check the output against the
 * contract: valid JSON, the two files named with their sizes, ops of known kinds with the ranges
 * their kind calls for, every non-whitespace byte of each file in exactly one op, and (when
 * `strict`, so that no folding makes equal words differ in bytes) equal ops holding the same
 * words. --minimal output must use the four kinds of an exact diff only. */
static void check_json_contract(const char *opt1, const char *opt2, const char *oldp,
                                const char *newp, bool strict, bool minimal)
{
	run_result r;
	const char *argv[8] = {"redline", "--json"};
	size_t argc = 2;
	if (opt1)
		argv[argc++] = opt1;
	if (opt2)
		argv[argc++] = opt2;
	argv[argc++] = oldp;
	argv[argc++] = newp;
	argv[argc] = NULL;
	run_redline(&r, argv, NULL, 0, NULL, 20);
	cr_assert(r.status == 0 || r.status == 1, "%s %s: exit %d: %s", oldp, newp, r.status, r.err);

	char err[256];
	json *doc = json_parse(r.out, r.out_len, err, sizeof err);
	cr_assert_not_null(doc, "%s %s: not JSON: %s", oldp, newp, err);
	const json *version = json_get(doc, "redline");
	cr_assert(version && version->is_int && version->i == 1, "\"redline\": 1");
	cr_assert_not_null(json_get(doc, "stats"));

	const char *paths[2] = {oldp, newp}, *names[2] = {"old", "new"}, *sides[2] = {"a", "b"};
	char *data[2];
	size_t size[2];
	bool *ws[2];
	for (int k = 0; k < 2; k++) {
		const json *f = json_get(doc, names[k]);
		cr_assert_str_eq(json_str(json_get(f, "path")), paths[k], "%s.path", names[k]);
		data[k] = read_input(paths[k], &size[k]);
		const json *sz = json_get(f, "size");
		cr_assert(sz && sz->is_int && (size_t)sz->i == size[k], "%s.size", names[k]);
		ws[k] = whitespace_mask(data[k], size[k]);
	}

	const json *ops = json_get(doc, "ops");
	cr_assert(ops && ops->type == JSON_ARRAY, "ops is a list");
	unsigned char *cover[2] = {calloc(size[0] + 1, 1), calloc(size[1] + 1, 1)};
	char *wa = malloc(size[0] + 1), *wb = malloc(size[1] + 1);
	cr_assert(cover[0] && cover[1] && wa && wb);
	static const char *const kinds[] = {"equal", "delete", "insert", "replace", "move"};
	for (size_t k = 0; k < ops->nkids; k++) {
		const json *op = json_at(ops, k);
		const char *kind = json_str(json_get(op, "kind"));
		cr_assert_not_null(kind, "op %zu has a kind", k);
		size_t which = 0;
		while (which < 5 && strcmp(kind, kinds[which]) != 0)
			which++;
		cr_assert_lt(which, 5, "op %zu: unknown kind %s", k, kind);
		cr_assert(!minimal || which < 4, "--minimal: op %zu is a %s", k, kind);
		bool has[2] = {which != 2, which != 1};
		size_t s[2] = {0, 0}, e[2] = {0, 0};
		for (int side = 0; side < 2; side++) {
			cr_assert_eq(json_get(op, sides[side]) != NULL, has[side],
			             "op %zu (%s): \"%s\" %s", k, kind, sides[side],
			             has[side] ? "missing" : "not allowed");
			if (!has[side])
				continue;
			op_range(op, sides[side], size[side], &s[side], &e[side], k);
			for (size_t i = s[side]; i < e[side]; i++)
				if (!ws[side][i] && cover[side][i]++)
					cr_assert_fail("%s byte %zu is in two ops (op %zu)", names[side], i, k);
		}
		const json *mv = json_get(op, "move"), *q = json_get(op, "quote");
		cr_assert(!mv || mv->is_int, "op %zu: move is an integer", k);
		cr_assert(!q || (json_str(q) && strstr(" removed added altered elided ", json_str(q))),
		          "op %zu: quote", k);
		if (strict && (which == 0 || which == 4)) {
			size_t na = content(data[0], ws[0], s[0], e[0], wa);
			size_t nb = content(data[1], ws[1], s[1], e[1], wb);
			cr_assert(na == nb && memcmp(wa, wb, na) == 0, "op %zu (%s): %.*s | %.*s", k, kind,
			          (int)na, wa, (int)nb, wb);
		}
	}
	for (int side = 0; side < 2; side++)
		for (size_t i = 0; i < size[side]; i++)
			cr_assert(ws[side][i] || cover[side][i] == 1, "%s byte %zu (0x%02x) is in no op",
			          names[side], i, (unsigned char)data[side][i]);
	for (int k = 0; k < 2; k++) {
		free(data[k]);
		free(ws[k]);
		free(cover[k]);
	}
	free(wa);
	free(wb);
	json_free(doc);
	run_free(&r);
}

Test(cli, json_output_keeps_the_contract)
{
	const char *pairs[][2] = {{ORIGINAL, SPUN}, {ORIGINAL, SUMMARY}, {ORIGINAL, REWRITE},
	                          {SUMMARY, REWRITE}, {SPUN, SPUN}};
	for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++) {
		check_json_contract(NULL, NULL, pairs[k][0], pairs[k][1], false, false);
		check_json_contract("--minimal", "--strict", pairs[k][0], pairs[k][1], true, true);
	}
}

Test(cli, json_output_keeps_the_contract_on_hostile_input)
{
	/* A BOM, CRLF, NBSP and an ideographic space, NUL (with --text), an escape sequence, a C1
	 * control, a bidi override, an invalid byte, CJK, an emoji ZWJ sequence, combining marks. */
	const char old[] = "\xef\xbb\xbfTitle:\x1b]0;x\x07 caf\xc3\xa9\xc2\xa0" "and\xe3\x80\x80tea\r\n"
	                   "\r\nnul\0here \xff bytes \xc2\x9b" "31m \xe2\x80\xae" "evil "
	                   "\xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb" " e\xcc\x81.";
	const char new[] = "Title: cafe\xcc\x81 and tea\n\nnul\0there \xfe bytes "
	                   "\xe4\xb8\xad\xe5\x9b\xbd \xf0\x9f\x91\xa9 e\xcc\x81!\n";
	char a[96], b[96], empty[96];
	temp_named(a, "q\"uote", old, sizeof old - 1);
	temp_named(b, "back\\slash\x1b", new, sizeof new - 1);
	temp_named(empty, "empty", "", 0);
	check_json_contract("--text", NULL, a, b, false, false);
	check_json_contract("--text", "--minimal", a, b, false, true);
	/* not `strict`: NFC makes "caf\xc3\xa9" and "cafe\xcc\x81" equal words in different bytes */
	check_json_contract("--text", "--strict", b, a, false, false);
	check_json_contract(NULL, NULL, empty, ORIGINAL, true, false);
	check_json_contract(NULL, NULL, ORIGINAL, empty, true, false);
	check_json_contract(NULL, NULL, empty, empty, true, false);
	unlink_pair(a, b);
	unlink(empty);
}
