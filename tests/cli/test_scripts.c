/* End-to-end tests of scripts other than the Latin one: Thai split into words by libthai, Chinese
 * vocabulary swaps. The fixtures (tests/scripts/) are our own short texts. */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixtures.h"
#include "json.h"
#include "run.h"

#define RUN(r, ...) run_redline((r), (const char *const[]){"redline", __VA_ARGS__, NULL}, NULL, 0, NULL, 60)

#define THAI_OLD "tests/scripts/thai-old.txt"
#define THAI_NEW "tests/scripts/thai-new.txt"

/* Byte offset of the first occurrence of needle in the fixture rel. */
static long offset_in(const char *rel, const char *needle)
{
	char *text = fixture_read(rel, NULL);
	const char *at = strstr(text, needle);
	cr_assert_not_null(at, "%s not in %s", needle, rel);
	long off = at - text;
	free(text);
	return off;
}

/* The ops of `redline --json a b` that are not equal, as parsed JSON (the caller frees *doc). */
static const json *changed_ops(json **doc, const char *a, const char *b, size_t *n)
{
	run_result r;
	char err[256];
	RUN(&r, "--json", a, b);
	cr_assert_eq(r.status, 1, "exit %d: %s", r.status, r.err);
	*doc = json_parse(r.out, r.out_len, err, sizeof err);
	cr_assert_not_null(*doc, "%s", err);
	run_free(&r);
	const json *ops = json_get(*doc, "ops");
	cr_assert_not_null(ops);
	*n = 0;
	static const json *changed[64];
	for (size_t k = 0; k < ops->nkids && *n < 64; k++)
		if (strcmp(json_str(json_get(&ops->kids[k], "kind")), "equal") != 0)
			changed[(*n)++] = &ops->kids[k];
	return changed[0];
}

static long at(const json *op, const char *side, size_t i)
{
	return json_at(json_get(op, side), i)->i;
}

Test(scripts, one_changed_thai_word_is_one_change_not_the_phrase)
{
	/* Line 2: ...โรงเรียนใกล้บ้าน ("near home") becomes ...โรงเรียนไกลบ้าน ("far from home"): the
	 * words share graphemes (ก, ล), which a per-grapheme diff keeps. */
	json *doc;
	size_t n;
	const json *op = changed_ops(&doc, THAI_OLD, THAI_NEW, &n);
	cr_assert_eq(n, 1, "one change, not %zu", n);
	cr_assert_str_eq(json_str(json_get(op, "kind")), "replace");
	long a0 = offset_in(THAI_OLD, "ใกล้"), b0 = offset_in(THAI_NEW, "ไกล");
	cr_assert_eq(at(op, "a", 0), a0);
	cr_assert_eq(at(op, "a", 1), a0 + (long)strlen("ใกล้"));
	cr_assert_eq(at(op, "b", 0), b0);
	cr_assert_eq(at(op, "b", 1), b0 + (long)strlen("ไกล"));
	/* Only the changed line is broken into dictionary words (8); the two lines both texts
	 * share count one word a phrase (2 + 1). */
	cr_assert_eq(json_get(json_get(doc, "stats"), "old_words")->i, 11);
	json_free(doc);
	/* --minimal breaks every line: the three lines hold 28 dictionary words. */
	run_result m;
	RUN(&m, "--minimal", "--stat", THAI_OLD, THAI_NEW);
	cr_assert_not_null(strstr(m.out, "old 28 words, new 28 words"), "%s", m.out);
	run_free(&m);

	run_result r;
	RUN(&r, "--inline", THAI_OLD, THAI_NEW);
	cr_assert_not_null(strstr(r.out, "โรงเรียน[-ใกล้-]{+ไกล+}บ้าน"), "%s", r.out);
	run_free(&r);
}

/* Does `redline --stat a b` open libthai's dictionary? Seen with strace; -1 when strace cannot
 * run here. */
static bool on_path(const char *prog)
{
	const char *path = getenv("PATH");
	char dir[1024];
	for (const char *p = path ? path : ""; *p;) {
		size_t n = strcspn(p, ":");
		snprintf(dir, sizeof dir, "%.*s/%s", (int)n, p, prog);
		if (n && access(dir, X_OK) == 0)
			return true;
		p += n + (p[n] == ':');
	}
	return false;
}

static int opens_dictionary(const char *a, const char *b)
{
	if (!on_path("strace"))
		return -1;
	char log[] = "/tmp/redline-thai-XXXXXX";
	int fd = mkstemp(log);
	cr_assert_geq(fd, 0);
	close(fd);
	run_result r;
	run_program(&r, (const char *const[]){"strace", "-f", "-e", "trace=open,openat", "-o", log,
	                                      REDLINE_BIN, "--stat", a, b, NULL},
	            SOURCE_DIR, NULL, 0, NULL, 60);
	int status = r.status;
	run_free(&r);
	char *text = NULL;
	FILE *fp = fopen(log, "rb");
	if (fp) {
		text = calloc(1, 1 << 20);
		cr_assert_not_null(text);
		size_t n = fread(text, 1, (1 << 20) - 1, fp);
		text[n] = '\0';
		fclose(fp);
	}
	unlink(log);
	int found = status != 1 || !text || !strstr(text, "openat") ? -1
	          : strstr(text, "thbrk") != NULL;
	free(text);
	return found;
}

/* Lines NEW shares with OLD are not broken into words: a revision whose only change is in an
 * English line never loads the dictionary (issue 13), one that changes a Thai line does. */
Test(scripts, an_english_edit_loads_no_thai_dictionary)
{
	char *thai = fixture_read(THAI_OLD, NULL);
	char a[] = "/tmp/redline-thai-a-XXXXXX", b[] = "/tmp/redline-thai-b-XXXXXX";
	const char *end[2] = {"The harbour opened at dawn.\n", "The harbour opened at noon.\n"};
	char *path[2] = {a, b};
	for (int s = 0; s < 2; s++) {
		int fd = mkstemp(path[s]);
		cr_assert_geq(fd, 0);
		FILE *fp = fdopen(fd, "wb");
		fputs(thai, fp);
		fputs(end[s], fp);
		fclose(fp);
	}
	free(thai);
	char old_abs[1024], new_abs[1024];
	snprintf(old_abs, sizeof old_abs, "%s/%s", SOURCE_DIR, THAI_OLD);
	snprintf(new_abs, sizeof new_abs, "%s/%s", SOURCE_DIR, THAI_NEW);
	int thai_edit = opens_dictionary(old_abs, new_abs);
	int english_edit = opens_dictionary(a, b);
	unlink(a);
	unlink(b);
	if (thai_edit < 0)
		cr_skip_test("strace cannot trace redline here");
	cr_assert_eq(thai_edit, 1, "a Thai edit loads the dictionary (else this test proves nothing)");
	cr_assert_eq(english_edit, 0, "an English edit loaded the Thai dictionary");
}
