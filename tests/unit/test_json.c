/* Tests for the tests' JSON reader (tests/json.c): it must accept JSON and nothing else, since the
 * CLI tests trust it to say that redline's --json output is valid. */
#include <criterion/criterion.h>
#include <string.h>

#include "json.h"

static json *parse(const char *s)
{
	char err[128];
	return json_parse(s, strlen(s), err, sizeof err);
}

Test(json, values_and_structure)
{
	json *v = parse(" {\"a\": [1, -2.5e1, true, false, null, \"x\"], \"b\": {}, \"c\": []} ");
	cr_assert_not_null(v);
	cr_assert_eq(v->type, JSON_OBJECT);
	cr_assert_eq(v->nkids, 3);
	const json *a = json_get(v, "a");
	cr_assert_eq(a->nkids, 6);
	cr_assert(json_at(a, 0)->is_int && json_at(a, 0)->i == 1);
	cr_assert(!json_at(a, 1)->is_int && json_at(a, 1)->num == -25.0);
	cr_assert_eq(json_at(a, 2)->type, JSON_TRUE);
	cr_assert_eq(json_at(a, 3)->type, JSON_FALSE);
	cr_assert_eq(json_at(a, 4)->type, JSON_NULL);
	cr_assert_str_eq(json_str(json_at(a, 5)), "x");
	cr_assert_null(json_at(a, 6));
	cr_assert_eq(json_get(v, "b")->nkids, 0);
	cr_assert_eq(json_get(v, "c")->type, JSON_ARRAY);
	cr_assert_null(json_get(v, "d"));
	cr_assert_null(json_get(a, "a"), "not an object");
	json_free(v);
}

Test(json, string_escapes_decode_to_utf8)
{
	json *v = parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\u20AC \\ud83d\\ude00 \\u0000.\"");
	cr_assert_not_null(v);
	const char want[] = "q\" b\\ s/ \b\f\n\r\t \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \0.";
	cr_assert_eq(v->len, sizeof want - 1);
	cr_assert(memcmp(v->str, want, v->len) == 0);
	json_free(v);
	v = parse("\"caf\xc3\xa9 \xe4\xb8\xad\"");
	cr_assert_not_null(v, "raw UTF-8 passes");
	cr_assert_str_eq(v->str, "caf\xc3\xa9 \xe4\xb8\xad");
	json_free(v);
}

Test(json, rejects_what_is_not_json)
{
	const char *bad[] = {
		"", " ", "{", "[1,]", "{\"a\":1,}", "[1 2]", "{\"a\" 1}", "{a:1}", "'x'",
		"01", "1.", ".5", "-", "1e", "+1", "0x10", "NaN", "Infinity", "tru", "nul",
		"\"unterminated", "\"bad \\x escape\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"",
		"\"\\ud800\\u0041\"", "\"tab\tinside\"", "\"nl\ninside\"", "\"\xff\"",
		"\"\xc0\xaf\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"\xe2\x82\"",
		"1 2", "[] x", "{} {}", "// c\n1",
	};
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
		char err[128];
		json *v = json_parse(bad[k], strlen(bad[k]), err, sizeof err);
		cr_assert_null(v, "accepted case %zu: %s", k, bad[k]);
		cr_assert_neq(err[0], '\0', "case %zu has a message", k);
	}
	/* a NUL after the value is not whitespace */
	char err[128];
	cr_assert_null(json_parse("[1]\0", 4, err, sizeof err));
	cr_assert_not_null(strstr(err, "byte 3"), "%s", err);
}

Test(json, nesting_is_bounded)
{
	char deep[2 * JSON_MAX_DEPTH + 8];
	size_t n = 0;
	for (int i = 0; i < JSON_MAX_DEPTH; i++)
		deep[n++] = '[';
	for (int i = 0; i < JSON_MAX_DEPTH; i++)
		deep[n++] = ']';
	char err[128];
	json *v = json_parse(deep, n, err, sizeof err);
	cr_assert_not_null(v, "%d levels are fine: %s", JSON_MAX_DEPTH, err);
	json_free(v);
	memmove(deep + 1, deep, n);
	deep[0] = '[';
	deep[n + 1] = ']';
	cr_assert_null(json_parse(deep, n + 2, err, sizeof err));
	cr_assert_not_null(strstr(err, "deep"), "%s", err);
}

Test(json, large_integers)
{
	json *v = parse("[9007199254740993, 99999999999999999999]");
	cr_assert_not_null(v);
	cr_assert(json_at(v, 0)->is_int && json_at(v, 0)->i == 9007199254740993LL);
	cr_assert(!json_at(v, 1)->is_int, "out of range for long long");
	json_free(v);
}
