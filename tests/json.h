/* json.h: a small, strict JSON reader for the tests (RFC 8259).
 *
 * The tests read the peer vectors with it and check that redline's own --json output is valid
 * JSON. It accepts exactly the grammar of RFC 8259: no comments, no trailing commas, no bare
 * control characters in strings, only valid UTF-8, escapes decoded (surrogate pairs joined; a lone
 * surrogate is an error, since it has no UTF-8 form), nesting limited to JSON_MAX_DEPTH. */
#ifndef REDLINE_TEST_JSON_H
#define REDLINE_TEST_JSON_H

#include <stdbool.h>
#include <stddef.h>

#define JSON_MAX_DEPTH 256

typedef enum json_type {
	JSON_NULL,
	JSON_FALSE,
	JSON_TRUE,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
} json_type;

typedef struct json json;
struct json {
	json_type type;
	double num;         /* JSON_NUMBER */
	bool is_int;        /* a number written without fraction or exponent that fits a long long */
	long long i;        /* ... and its exact value */
	char *str;          /* JSON_STRING: the decoded UTF-8, NUL-terminated; it may hold NUL bytes */
	size_t len;         /* ... so this is its length */
	char *key;          /* a member of an object: its key (decoded, NUL-terminated) */
	size_t keylen;
	json *kids;         /* JSON_ARRAY: the elements; JSON_OBJECT: the members, in input order */
	size_t nkids;
};

/* Parse text[0..n) as one JSON value with nothing but whitespace around it. Returns a new tree
 * (free it with json_free), or NULL with a message naming the byte offset written into err. */
json *json_parse(const char *text, size_t n, char *err, size_t errlen);
void json_free(json *v);

/* The value of the first member named key, or NULL (also when obj is NULL or not an object). */
const json *json_get(const json *obj, const char *key);
/* Element i of an array, or NULL (also when arr is NULL or not an array). */
const json *json_at(const json *arr, size_t i);
/* The string of a JSON_STRING, or NULL for anything else. */
const char *json_str(const json *v);

#endif
