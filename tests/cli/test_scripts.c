/* End-to-end tests of scripts other than the Latin one: Thai split into words by libthai, Chinese
 * vocabulary swaps. The fixtures (tests/scripts/) are our own short texts. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	/* Words are dictionary words: the three lines hold 28. */
	cr_assert_eq(json_get(json_get(doc, "stats"), "old_words")->i, 28);
	json_free(doc);

	run_result r;
	RUN(&r, "--inline", THAI_OLD, THAI_NEW);
	cr_assert_not_null(strstr(r.out, "โรงเรียน[-ใกล้-]{+ไกล+}บ้าน"), "%s", r.out);
	run_free(&r);
}
