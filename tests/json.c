/* json.c: a recursive-descent JSON reader, strict, for the tests. */
#include "json.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct parser {
	const char *s;
	size_t n, pos;
	int depth;
	char *err;
	size_t errlen;
} parser;

/* Record the first error (with where it happened) and return false, for `return fail(...)`. */
static bool fail(parser *p, const char *what)
{
	if (p->err && p->errlen && !p->err[0])
		snprintf(p->err, p->errlen, "byte %zu: %s", p->pos, what);
	return false;
}

static void skip_ws(parser *p)
{
	while (p->pos < p->n && (p->s[p->pos] == ' ' || p->s[p->pos] == '\t' ||
	                         p->s[p->pos] == '\n' || p->s[p->pos] == '\r'))
		p->pos++;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A growing, always NUL-terminated byte buffer. */
typedef struct buf {
	char *s;
	size_t len, cap;
} buf;

static bool buf_put(buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 32;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *t = realloc(b->s, cap);
		if (!t)
			return false;
		b->s = t;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return true;
}

/* Length of the valid UTF-8 sequence at u[0..n) (1 to 4), or 0 when it is not one: no overlong
 * form, no surrogate, nothing past U+10FFFF (RFC 3629, table 3-7 of Unicode). */
static size_t utf8_len(const unsigned char *u, size_t n)
{
	unsigned char c = u[0], lo = 0x80, hi = 0xBF;
	size_t len;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
	else
		return 0;
	if (n < len || u[1] < lo || u[1] > hi)
		return 0;
	for (size_t i = 2; i < len; i++)
		if (u[i] < 0x80 || u[i] > 0xBF)
			return 0;
	return len;
}

static size_t utf8_put(char out[4], uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* The four hex digits of a \u escape at s[0..4), or -1. */
static long hex4(const char *s)
{
	long v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		int d = is_digit(c) ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		      : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* A \u escape at p->pos (the backslash), joined with its low surrogate when it is a high one. */
static bool parse_u_escape(parser *p, uint32_t *cp)
{
	long hi = p->pos + 6 <= p->n ? hex4(p->s + p->pos + 2) : -1;
	if (hi < 0)
		return fail(p, "bad \\u escape");
	p->pos += 6;
	if (hi >= 0xDC00 && hi <= 0xDFFF)
		return fail(p, "lone low surrogate");
	if (hi < 0xD800 || hi > 0xDBFF) {
		*cp = (uint32_t)hi;
		return true;
	}
	long lo = p->pos + 6 <= p->n && p->s[p->pos] == '\\' && p->s[p->pos + 1] == 'u'
	              ? hex4(p->s + p->pos + 2) : -1;
	if (lo < 0xDC00 || lo > 0xDFFF)
		return fail(p, "high surrogate without its low half");
	p->pos += 6;
	*cp = 0x10000 + (((uint32_t)hi - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
	return true;
}

/* A string at p->pos (the opening quote), decoded into *out (NUL-terminated) and *len. */
static bool parse_string(parser *p, char **out, size_t *len)
{
	buf b = {0};
	char tmp[4];

	p->pos++;
	if (!buf_put(&b, "", 0))
		return fail(p, "out of memory");
	for (;;) {
		if (p->pos >= p->n)
			goto bad_end;
		unsigned char c = (unsigned char)p->s[p->pos];
		size_t k;
		if (c == '"') {
			p->pos++;
			break;
		}
		if (c < 0x20) {
			fail(p, "control character in a string");
			goto bad;
		}
		if (c != '\\') {
			if (!(k = utf8_len((const unsigned char *)p->s + p->pos, p->n - p->pos))) {
				fail(p, "invalid UTF-8 in a string");
				goto bad;
			}
			if (!buf_put(&b, p->s + p->pos, k))
				goto oom;
			p->pos += k;
			continue;
		}
		if (p->pos + 1 >= p->n)
			goto bad_end;
		const char *plain = strchr("\"\\/bfnrt", p->s[p->pos + 1]);
		if (p->s[p->pos + 1] == 'u') {
			uint32_t cp;
			if (!parse_u_escape(p, &cp))
				goto bad;
			k = utf8_put(tmp, cp);
		} else if (plain && *plain) {
			tmp[0] = "\"\\/\b\f\n\r\t"[plain - "\"\\/bfnrt"];
			k = 1;
			p->pos += 2;
		} else {
			fail(p, "unknown escape");
			goto bad;
		}
		if (!buf_put(&b, tmp, k))
			goto oom;
	}
	*out = b.s;
	*len = b.len;
	return true;
bad_end:
	fail(p, "unterminated string");
	goto bad;
oom:
	fail(p, "out of memory");
bad:
	free(b.s);
	return false;
}

/* A number, checked against the grammar, then converted by strtod (and strtoll when integral). */
static bool parse_number(parser *p, json *out)
{
	const char *s = p->s;
	size_t i = p->pos, n = p->n;
	bool integral = true;

	if (i < n && s[i] == '-')
		i++;
	if (i < n && s[i] == '0')
		i++;
	else if (i < n && s[i] >= '1' && s[i] <= '9')
		while (i < n && is_digit(s[i]))
			i++;
	else
		return fail(p, "invalid number");
	if (i < n && s[i] == '.') {
		integral = false;
		if (++i >= n || !is_digit(s[i]))
			return fail(p, "invalid number: no digit after the point");
		while (i < n && is_digit(s[i]))
			i++;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		integral = false;
		if (++i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i >= n || !is_digit(s[i]))
			return fail(p, "invalid number: no digit in the exponent");
		while (i < n && is_digit(s[i]))
			i++;
	}
	/* strtod needs a terminated copy: the input need not be NUL-terminated. */
	char *copy = malloc(i - p->pos + 1);
	if (!copy)
		return fail(p, "out of memory");
	memcpy(copy, s + p->pos, i - p->pos);
	copy[i - p->pos] = '\0';
	out->type = JSON_NUMBER;
	out->num = strtod(copy, NULL);
	if (integral) {
		errno = 0;
		long long v = strtoll(copy, NULL, 10);
		out->is_int = errno == 0;
		out->i = v;
	}
	free(copy);
	p->pos = i;
	return true;
}

static bool parse_literal(parser *p, const char *word, json_type type, json *out)
{
	size_t len = strlen(word);
	if (p->n - p->pos < len || memcmp(p->s + p->pos, word, len) != 0)
		return fail(p, "unexpected characters");
	p->pos += len;
	out->type = type;
	return true;
}

static void json_clear(json *v)
{
	for (size_t k = 0; k < v->nkids; k++)
		json_clear(&v->kids[k]);
	free(v->kids);
	free(v->str);
	free(v->key);
}

static bool push_kid(json *v, json *kid, size_t *cap)
{
	if (v->nkids == *cap) {
		size_t c = *cap ? *cap * 2 : 8;
		json *k = realloc(v->kids, c * sizeof *k);
		if (!k)
			return false;
		v->kids = k;
		*cap = c;
	}
	v->kids[v->nkids++] = *kid;
	return true;
}

static bool parse_value(parser *p, json *out);

/* An array or an object at p->pos; on failure *out holds what was read, for json_clear. */
static bool parse_container(parser *p, json *out, bool object)
{
	const char close = object ? '}' : ']';
	size_t cap = 0;

	out->type = object ? JSON_OBJECT : JSON_ARRAY;
	if (++p->depth > JSON_MAX_DEPTH)
		return fail(p, "nested too deep");
	p->pos++;
	skip_ws(p);
	if (p->pos < p->n && p->s[p->pos] == close) {
		p->pos++;
		p->depth--;
		return true;
	}
	for (;;) {
		json kid = {0};
		if (object) {
			skip_ws(p);
			if (p->pos >= p->n || p->s[p->pos] != '"')
				return fail(p, "expected a member name");
			if (!parse_string(p, &kid.key, &kid.keylen))
				return false;
			skip_ws(p);
			if (p->pos >= p->n || p->s[p->pos] != ':') {
				free(kid.key);
				return fail(p, "expected ':'");
			}
			p->pos++;
		}
		bool ok = parse_value(p, &kid);
		if (!ok || !push_kid(out, &kid, &cap)) {
			json_clear(&kid);
			return ok ? fail(p, "out of memory") : false;
		}
		skip_ws(p);
		if (p->pos < p->n && p->s[p->pos] == ',') {
			p->pos++;
			continue;
		}
		if (p->pos < p->n && p->s[p->pos] == close) {
			p->pos++;
			p->depth--;
			return true;
		}
		return fail(p, object ? "expected ',' or '}'" : "expected ',' or ']'");
	}
}

static bool parse_value(parser *p, json *out)
{
	skip_ws(p);
	if (p->pos >= p->n)
		return fail(p, "unexpected end of input");
	switch (p->s[p->pos]) {
	case '{':
		return parse_container(p, out, true);
	case '[':
		return parse_container(p, out, false);
	case '"':
		out->type = JSON_STRING;
		return parse_string(p, &out->str, &out->len);
	case 't':
		return parse_literal(p, "true", JSON_TRUE, out);
	case 'f':
		return parse_literal(p, "false", JSON_FALSE, out);
	case 'n':
		return parse_literal(p, "null", JSON_NULL, out);
	default:
		return parse_number(p, out);
	}
}

json *json_parse(const char *text, size_t n, char *err, size_t errlen)
{
	parser p = {text, n, 0, 0, err, errlen};
	json *root = calloc(1, sizeof *root);

	if (err && errlen)
		err[0] = '\0';
	if (!root) {
		fail(&p, "out of memory");
		return NULL;
	}
	bool ok = parse_value(&p, root);
	if (ok) {
		skip_ws(&p);
		if (p.pos != p.n)
			ok = fail(&p, "characters after the value");
	}
	if (!ok) {
		json_free(root);
		return NULL;
	}
	return root;
}

void json_free(json *v)
{
	if (!v)
		return;
	json_clear(v);
	free(v);
}

const json *json_get(const json *obj, const char *key)
{
	if (!obj || obj->type != JSON_OBJECT)
		return NULL;
	size_t len = strlen(key);
	for (size_t k = 0; k < obj->nkids; k++)
		if (obj->kids[k].keylen == len && memcmp(obj->kids[k].key, key, len) == 0)
			return &obj->kids[k];
	return NULL;
}

const json *json_at(const json *arr, size_t i)
{
	if (!arr || arr->type != JSON_ARRAY || i >= arr->nkids)
		return NULL;
	return &arr->kids[i];
}

const char *json_str(const json *v)
{
	return v && v->type == JSON_STRING ? v->str : NULL;
}
