/* json_check.c: a recursive-descent JSON validator, written from RFC 8259's grammar. */
#include "json_check.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef struct parser {
	const unsigned char *s;
	size_t n, pos;
	int depth;
	const char *err;
} parser;

static bool fail(parser *p, const char *why)
{
	if (!p->err)
		p->err = why;
	return false;
}

static int peek(const parser *p)
{
	return p->pos < p->n ? p->s[p->pos] : -1;
}

static void skip_ws(parser *p)
{
	while (p->pos < p->n) {
		unsigned char c = p->s[p->pos];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		p->pos++;
	}
}

static bool expect(parser *p, const char *word)
{
	size_t len = strlen(word);
	if (p->n - p->pos < len || memcmp(p->s + p->pos, word, len) != 0)
		return fail(p, "unknown literal");
	p->pos += len;
	return true;
}

static bool is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static bool number(parser *p)
{
	if (peek(p) == '-')
		p->pos++;
	if (peek(p) == '0') {
		p->pos++;
		if (is_digit(peek(p)))
			return fail(p, "leading zero");
	} else if (is_digit(peek(p))) {
		while (is_digit(peek(p)))
			p->pos++;
	} else {
		return fail(p, "digit expected");
	}
	if (peek(p) == '.') {
		p->pos++;
		if (!is_digit(peek(p)))
			return fail(p, "digit expected after '.'");
		while (is_digit(peek(p)))
			p->pos++;
	}
	if (peek(p) == 'e' || peek(p) == 'E') {
		p->pos++;
		if (peek(p) == '+' || peek(p) == '-')
			p->pos++;
		if (!is_digit(peek(p)))
			return fail(p, "digit expected in exponent");
		while (is_digit(peek(p)))
			p->pos++;
	}
	return true;
}

static int hex4(parser *p)
{
	int v = 0;
	if (p->n - p->pos < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		int c = p->s[p->pos + (size_t)i], d;
		if (is_digit(c))
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -1;
		v = v * 16 + d;
	}
	p->pos += 4;
	return v;
}

/* After a backslash: one escape; a \u high surrogate must be followed by a \u low one. */
static bool escape(parser *p)
{
	int c = peek(p);
	if (c < 0)
		return fail(p, "unterminated escape");
	p->pos++;
	if (strchr("\"\\/bfnrt", c) && c != 0)
		return true;
	if (c != 'u')
		return fail(p, "invalid escape");
	int v = hex4(p);
	if (v < 0)
		return fail(p, "invalid \\u escape");
	if (v >= 0xDC00 && v <= 0xDFFF)
		return fail(p, "lone low surrogate");
	if (v >= 0xD800 && v <= 0xDBFF) {
		if (p->n - p->pos < 2 || p->s[p->pos] != '\\' || p->s[p->pos + 1] != 'u')
			return fail(p, "lone high surrogate");
		p->pos += 2;
		int lo = hex4(p);
		if (lo < 0xDC00 || lo > 0xDFFF)
			return fail(p, "high surrogate without its low half");
	}
	return true;
}

/* One UTF-8 sequence of 2 to 4 bytes; the lead byte is at p->pos. */
static bool utf8_seq(parser *p)
{
	unsigned char c = p->s[p->pos];
	size_t len;
	uint32_t v, min;

	if (c >= 0xC2 && c <= 0xDF)
		len = 2, v = c & 0x1Fu, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, v = c & 0x0Fu, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, v = c & 0x07u, min = 0x10000;
	else
		return fail(p, "invalid UTF-8 lead byte");
	if (p->n - p->pos < len)
		return fail(p, "truncated UTF-8");
	for (size_t i = 1; i < len; i++) {
		unsigned char k = p->s[p->pos + i];
		if ((k & 0xC0) != 0x80)
			return fail(p, "invalid UTF-8 continuation");
		v = (v << 6) | (k & 0x3Fu);
	}
	if (v < min || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)
		return fail(p, "overlong, surrogate or out-of-range UTF-8");
	p->pos += len;
	return true;
}

static bool string(parser *p)
{
	p->pos++;  /* the opening quote */
	for (;;) {
		int c = peek(p);
		if (c < 0)
			return fail(p, "unterminated string");
		if (c == '"') {
			p->pos++;
			return true;
		}
		if (c < 0x20)
			return fail(p, "raw control character in string");
		if (c == '\\') {
			p->pos++;
			if (!escape(p))
				return false;
		} else if (c >= 0x80) {
			if (!utf8_seq(p))
				return false;
		} else {
			p->pos++;
		}
	}
}

static bool value(parser *p);

static bool array(parser *p)
{
	p->pos++;
	skip_ws(p);
	if (peek(p) == ']') {
		p->pos++;
		return true;
	}
	for (;;) {
		if (!value(p))
			return false;
		skip_ws(p);
		int c = peek(p);
		p->pos++;
		if (c == ']')
			return true;
		if (c != ',')
			return fail(p, "',' or ']' expected");
		skip_ws(p);
	}
}

static bool object(parser *p)
{
	p->pos++;
	skip_ws(p);
	if (peek(p) == '}') {
		p->pos++;
		return true;
	}
	for (;;) {
		if (peek(p) != '"')
			return fail(p, "member name expected");
		if (!string(p))
			return false;
		skip_ws(p);
		if (peek(p) != ':')
			return fail(p, "':' expected");
		p->pos++;
		if (!value(p))
			return false;
		skip_ws(p);
		int c = peek(p);
		p->pos++;
		if (c == '}')
			return true;
		if (c != ',')
			return fail(p, "',' or '}' expected");
		skip_ws(p);
	}
}

static bool value(parser *p)
{
	bool ok;

	skip_ws(p);
	if (++p->depth > JSON_CHECK_MAX_DEPTH)
		return fail(p, "nested too deeply");
	switch (peek(p)) {
	case '{': ok = object(p); break;
	case '[': ok = array(p); break;
	case '"': ok = string(p); break;
	case 't': ok = expect(p, "true"); break;
	case 'f': ok = expect(p, "false"); break;
	case 'n': ok = expect(p, "null"); break;
	case -1: ok = fail(p, "value expected, end of text found"); break;
	default: ok = number(p); break;
	}
	p->depth--;
	return ok;
}

const char *json_check(const char *s, size_t n, size_t *at)
{
	parser p = {(const unsigned char *)s, n, 0, 0, NULL};

	if (value(&p)) {
		skip_ws(&p);
		if (p.pos < p.n)
			fail(&p, "text after the value");
	}
	if (p.err && at)
		*at = p.pos > n ? n : p.pos;
	return p.err;
}
