/* End-to-end tests of compounds written apart, hyphenated or joined (diff/typo.h): no change in
 * every output under the default typography folding, the edit it is under --strict. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "json.h"
#include "run.h"

#define RUN(r, ...) run_redline((r), (const char *const[]){"redline", __VA_ARGS__, NULL}, NULL, 0, NULL, 20)

/* Two versions of a notice: three compounds written otherwise and one real edit. */
static const char OLD[] = "The harbour office will e-mail the new timetable to-day.\n"
                          "Our open source tools ran the ferry all winter.\n\n"
                          "The old pier closed in March.\n";
static const char NEW[] = "The harbour office will email the new timetable today.\n"
                          "Our open-source tools ran the ferry all winter.\n\n"
                          "The old pier reopened in March.\n";
/* The same but for the compounds. */
static const char NEW_SAME[] = "The harbour office will email the new timetable today.\n"
                               "Our open-source tools ran the ferry all winter.\n\n"
                               "The old pier closed in March.\n";

static void temp_file(char path[64], const char *data)
{
	snprintf(path, 64, "/tmp/redline-typo-XXXXXX");
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	size_t len = strlen(data);
	cr_assert_eq(write(fd, data, len), (ssize_t)len);
	close(fd);
}

static size_t count(const char *s, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

Test(typo_cli, printed_outputs_show_no_change_unless_strict)
{
	char a[64], b[64];
	temp_file(a, OLD);
	temp_file(b, NEW);
	run_result r;
	RUN(&r, "--inline", "--color=never", a, b);
	cr_assert_eq(r.status, 1, "the pier's edit is a change");
	cr_assert_str_eq(r.out, "The harbour office will email the new timetable today.\n"
	                        "Our open-source tools ran the ferry all winter.\n\n"
	                        "The old pier [-closed-] {+reopened+} in March.\n");
	run_free(&r);
	RUN(&r, "-W", "140", "--color=never", a, b);
	cr_assert_eq(count(r.out, "[-"), 1, "%s", r.out);
	cr_assert_eq(count(r.out, "{+"), 1, "%s", r.out);
	cr_assert_not_null(strstr(r.out, "e-mail"), "each side as it is written: %s", r.out);
	cr_assert_not_null(strstr(r.out, "open-source"), "%s", r.out);
	run_free(&r);
	RUN(&r, "--strict", "--inline", "--color=never", a, b);
	cr_assert_not_null(strstr(r.out, "[-e-mail-] {+email+}"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "[-to-day-] {+today+}"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "open{+-+}source"), "%s", r.out);
	run_free(&r);
	RUN(&r, "--minimal", "--inline", "--color=never", a, b);
	cr_assert_not_null(strstr(r.out, "open{+-+}source"), "--minimal folds no compound: %s", r.out);
	run_free(&r);
	unlink(a);
	unlink(b);
}

Test(typo_cli, only_compounds_differ_exit_0)
{
	char a[64], b[64];
	temp_file(a, OLD);
	temp_file(b, NEW_SAME);
	run_result r;
	RUN(&r, "--stat", a, b);
	cr_assert_eq(r.status, 0, "%s", r.out);
	cr_assert_not_null(strstr(r.out, "kept 24 (100.0% of old), rewritten 0 -> 0"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "; compounds written otherwise (no change; --strict shows "
	                              "them): 3"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "similarity 100.0%"), "not above, not below: %s", r.out);
	run_free(&r);
	RUN(&r, "--stat", "--strict", a, b);
	cr_assert_eq(r.status, 1, "%s", r.out);
	cr_assert_null(strstr(r.out, "compounds"), "%s", r.out);
	run_free(&r);
	RUN(&r, "--changes", a, b);
	cr_assert_eq(r.status, 0, "%s", r.out);
	cr_assert_str_eq(r.out, "No changes.\n");
	run_free(&r);
	RUN(&r, "--html", a, b);
	cr_assert_eq(r.status, 0);
	cr_assert_not_null(strstr(r.out, "<td>compounds written otherwise</td><td class=\"n\">3</td>"));
	cr_assert_null(strstr(r.out, "<span class=\"r\">e-mail"), "not drawn as a rewrite");
	run_free(&r);
	unlink(a);
	unlink(b);
}

Test(typo_cli, json_flags_the_joined_ones)
{
	char a[64], b[64];
	temp_file(a, OLD);
	temp_file(b, NEW);
	run_result r;
	RUN(&r, "--json", a, b);
	cr_assert_eq(r.status, 1);
	char err[256];
	json *doc = json_parse(r.out, r.out_len, err, sizeof err);
	cr_assert_not_null(doc, "%s", err);
	const json *ops = json_get(doc, "ops");
	size_t typo = 0, equal_hyphen = 0;
	for (size_t k = 0; k < ops->nkids; k++) {
		const json *op = json_at(ops, k), *t = json_get(op, "typographic");
		const char *kind = json_str(json_get(op, "kind"));
		const json *ra = json_get(op, "a"), *rb = json_get(op, "b");
		if (t) {
			cr_assert_str_eq(kind, "replace", "a typographic op is a replace to the contract");
			long long a0 = json_at(ra, 0)->i, a1 = json_at(ra, 1)->i;
			long long b0 = json_at(rb, 0)->i, b1 = json_at(rb, 1)->i;
			char x[32], y[32];
			snprintf(x, sizeof x, "%.*s", (int)(a1 - a0), OLD + a0);
			snprintf(y, sizeof y, "%.*s", (int)(b1 - b0), NEW + b0);
			cr_assert(strcmp(x, "e-mail") == 0 || strcmp(x, "to-day") == 0, "%s", x);
			cr_assert(strcmp(y, "email") == 0 || strcmp(y, "today") == 0, "%s", y);
			typo++;
		}
		if (strcmp(kind, "equal") == 0) {
			long long b0 = json_at(rb, 0)->i, b1 = json_at(rb, 1)->i;
			equal_hyphen += (b1 - b0 > 4 && memcmp(NEW + b1 - 5, "open-", 5) == 0);
		}
		cr_assert_str_neq(kind, "insert", "the hyphen of open-source is no insertion");
	}
	cr_assert_eq(typo, 2);
	cr_assert_eq(equal_hyphen, 1, "the hyphen ends an equal op");
	const json *st = json_get(json_get(doc, "stats"), "typographic");
	cr_assert_not_null(st);
	cr_assert_eq(json_get(st, "compounds")->i, 3);
	cr_assert_eq(json_get(st, "ops")->i, 2);
	json_free(doc);
	run_free(&r);
	RUN(&r, "--json", "--strict", a, b);
	cr_assert_null(strstr(r.out, "typographic"), "%s", r.out);
	run_free(&r);
	RUN(&r, "--changes", a, b);
	cr_assert_eq(count(r.out, "\n- "), 0, "only the pier's one-word edit, not listed: %s", r.out);
	cr_assert_not_null(strstr(r.out, "\n3 compounds written otherwise"), "%s", r.out);
	run_free(&r);

	/* The scorer of ../shared agrees: an equal op holds the same words, as it counts them. */
	char scorer[1024], out[64], cmd[2048];
	snprintf(scorer, sizeof scorer, "%s/bench/score.py", SHARED_DIR);
	if (access(scorer, R_OK) == 0 && system("command -v python3 >/dev/null 2>&1") == 0) {
		for (int strict = 0; strict < 2; strict++) {
			if (strict)
				RUN(&r, "--json", "--strict", a, b);
			else
				RUN(&r, "--json", a, b);
			temp_file(out, r.out);
			snprintf(cmd, sizeof cmd, "python3 %s --check %s %s %s >/dev/null", scorer, a, b, out);
			cr_assert_eq(system(cmd), 0, "score.py --check fails (strict %d)", strict);
			unlink(out);
			run_free(&r);
		}
	}
	unlink(a);
	unlink(b);
}

/* The corpus article against its summary (when ../shared is there): "open source" written
 * "open-source" in the summary is no edit, and --strict shows it. */
Test(typo_cli, corpus_summary)
{
	const char *a = SHARED_DIR "/corpus/000_3fa101df193a3c06.txt";
	const char *b = SHARED_DIR "/corpus/002_e2a3f2d9f00da069.txt";
	if (access(a, R_OK) != 0 || access(b, R_OK) != 0)
		cr_skip_test("no corpus under %s", SHARED_DIR);
	run_result r;
	RUN(&r, "--inline", "--color=never", "-W", "200", a, b);
	cr_assert_eq(count(r.out, "open{+-+}source"), 0, "%s", r.out);
	cr_assert_geq(count(r.out, "open-source"), 3, "%s", r.out);
	run_free(&r);
	RUN(&r, "--inline", "--color=never", "--strict", "-W", "200", a, b);
	cr_assert_geq(count(r.out, "open{+-+}source"), 3, "%s", r.out);
	run_free(&r);
}

/* A compound written otherwise inside an altered quotation is no change of it: the quotation's
 * two edits on either side are one change. */
Test(typo_cli, inside_a_quotation)
{
	char a[64], b[64];
	temp_file(a, "The clerk wrote: \xe2\x80\x9cPlease send every e-mail quickly to the master."
	             "\xe2\x80\x9d\n");
	temp_file(b, "The clerk wrote: \xe2\x80\x9cPlease post every email slowly to the master."
	             "\xe2\x80\x9d\n");
	run_result r;
	RUN(&r, "--changes", a, b);
	cr_assert_eq(count(r.out, "\n- ") + (strncmp(r.out, "- ", 2) == 0), 1, "%s", r.out);
	cr_assert_not_null(strstr(r.out, "quotation altered: \xe2\x80\x9csend\xe2\x80\x9d \xe2\x86\x92 "
	                                 "\xe2\x80\x9cpost\xe2\x80\x9d; \xe2\x80\x9cquickly\xe2\x80\x9d"),
	                   "%s", r.out);
	run_free(&r);
	RUN(&r, "--json", a, b);
	cr_assert_null(strstr(r.out, "\"typographic\": true, \"quote\""), "%s", r.out);
	run_free(&r);
	unlink(a);
	unlink(b);
}
