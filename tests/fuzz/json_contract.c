/* json_contract.c: the shape of redline's --json output. */
#include "json_contract.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "json.h"

static const char *const kinds[] = {"equal", "delete", "insert", "replace", "move"};

/* A range [start, end] of integers within size; false with a reason otherwise. */
static bool range_ok(const json *r, long long size, size_t k, const char *side, char *why,
                     size_t whylen)
{
	const json *r0 = json_at(r, 0), *r1 = json_at(r, 1);
	if (!r || r->type != JSON_ARRAY || r->nkids != 2 || !r0->is_int || !r1->is_int) {
		snprintf(why, whylen, "op %zu: \"%s\" is not a pair of integers", k, side);
		return false;
	}
	if (r0->i < 0 || r0->i > r1->i || r1->i > size) {
		snprintf(why, whylen, "op %zu: \"%s\" [%lld, %lld] outside 0..%lld", k, side, r0->i,
		         r1->i, size);
		return false;
	}
	return true;
}

/* A binary pair: "binary": true, "identical" true or false, and neither ops nor stats. */
static const char *check_binary(const json *doc, char *why, size_t whylen)
{
	const json *b = json_get(doc, "binary"), *same = json_get(doc, "identical");
	if (b->type != JSON_TRUE)
		return snprintf(why, whylen, "\"binary\" is not true"), why;
	if (!same || (same->type != JSON_TRUE && same->type != JSON_FALSE))
		return snprintf(why, whylen, "a binary pair without \"identical\""), why;
	if (json_get(doc, "ops") || json_get(doc, "stats"))
		return snprintf(why, whylen, "a binary pair with ops or stats"), why;
	return NULL;
}

static const char *check_doc(const json *doc, const size_t *sizes, char *why, size_t whylen)
{
	const json *version = json_get(doc, "redline");
	if (!version || !version->is_int || version->i != 1)
		return snprintf(why, whylen, "no \"redline\": 1"), why;
	bool binary = json_get(doc, "binary") != NULL;
	if (binary && check_binary(doc, why, whylen))
		return why;
	if (!binary && (!json_get(doc, "stats") || json_get(doc, "stats")->type != JSON_OBJECT))
		return snprintf(why, whylen, "no \"stats\" object"), why;
	long long size[2];
	const char *names[2] = {"old", "new"}, *sides[2] = {"a", "b"};
	for (int s = 0; s < 2; s++) {
		const json *f = json_get(doc, names[s]), *sz = json_get(f, "size");
		if (!json_str(json_get(f, "path")) || !sz || !sz->is_int || sz->i < 0)
			return snprintf(why, whylen, "\"%s\" needs a path and a size", names[s]), why;
		if (sizes && (size_t)sz->i != sizes[s])
			return snprintf(why, whylen, "%s.size %lld, the input has %zu", names[s], sz->i,
			                sizes[s]), why;
		size[s] = sz->i;
	}
	if (binary)
		return NULL;
	const json *ops = json_get(doc, "ops");
	if (!ops || ops->type != JSON_ARRAY)
		return snprintf(why, whylen, "\"ops\" is not a list"), why;
	for (size_t k = 0; k < ops->nkids; k++) {
		const json *op = json_at(ops, k);
		const char *kind = json_str(json_get(op, "kind"));
		size_t which = 0;
		while (kind && which < 5 && strcmp(kind, kinds[which]) != 0)
			which++;
		if (!kind || which == 5)
			return snprintf(why, whylen, "op %zu: no known kind", k), why;
		bool has[2] = {which != 2, which != 1};
		for (int s = 0; s < 2; s++) {
			const json *r = json_get(op, sides[s]);
			if ((r != NULL) != has[s])
				return snprintf(why, whylen, "op %zu (%s): \"%s\" %s", k, kind, sides[s],
				                has[s] ? "missing" : "not allowed"), why;
			if (r && !range_ok(r, size[s], k, sides[s], why, whylen))
				return why;
		}
	}
	return NULL;
}

const char *json_contract_check(const char *out, size_t n, const size_t *sizes, char *why,
                                size_t whylen)
{
	char err[256];
	json *doc = json_parse(out, n, err, sizeof err);
	if (!doc) {
		snprintf(why, whylen, "not JSON: %s", err);
		return why;
	}
	const char *r = check_doc(doc, sizes, why, whylen);
	json_free(doc);
	return r;
}
