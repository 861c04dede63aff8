/* mdfront.c: the title of a Markdown file's front matter, and the words it is compared by.
 *
 * Only what the sites write is read: a `title` key at the start of a line (a nested key, `seo:`
 * then `  title:`, is some other title), its value a YAML scalar (plain, "double-" or
 * 'single-quoted', or a `|` / `>` block of the indented lines below it) or a TOML string ("basic",
 * 'literal', or either tripled over lines). The reader's text collapses white space, so the
 * lines of a value are joined here by line ends and folded there into spaces. */
#include "mdfront.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

typedef struct sink {
	char *out;
	size_t cap, n;
} sink;

static void put(sink *k, const char *s, size_t n)
{
	if (k->n + 1 >= k->cap)
		return;
	if (n > k->cap - 1 - k->n)
		n = k->cap - 1 - k->n;
	memcpy(k->out + k->n, s, n);
	k->n += n;
	k->out[k->n] = '\0';
}

/* A \uXXXX escape's code point as UTF-8 (an invalid one is dropped). */
static void put_code_point(sink *k, const char *hex, size_t n)
{
	uint32_t cp = 0;  /* unsigned: eight digits reach past INT32_MAX, \UFFFFFFFF */
	for (size_t i = 0; i < n; i++) {
		char c = hex[i], l = (char)(c | 0x20);
		int v = c >= '0' && c <= '9' ? c - '0' : l >= 'a' && l <= 'f' ? l - 'a' + 10 : -1;
		if (v < 0)
			return;
		cp = cp * 16 + (uint32_t)v;
	}
	utf8proc_uint8_t buf[4];
	if (cp <= 0x10FFFF && utf8proc_codepoint_valid((utf8proc_int32_t)cp))
		put(k, (const char *)buf, (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, buf));
}

/* A double-quoted YAML scalar or a basic TOML string from s (past its opening mark) to its
 * closing `close` (`"` or `"""`), its escapes read; returns false when it is never closed. */
static bool read_escaped(const char *s, const char *end, const char *close, sink *k)
{
	size_t cn = strlen(close);
	while (s < end) {
		if ((size_t)(end - s) >= cn && memcmp(s, close, cn) == 0)
			return true;
		if (*s != '\\' || s + 1 >= end) {
			put(k, s++, 1);
			continue;
		}
		char e = s[1];
		size_t hex = e == 'u' ? 4 : e == 'U' ? 8 : 0;
		if (hex && (size_t)(end - s) >= 2 + hex) {
			put_code_point(k, s + 2, hex);
			s += 2 + hex;
			continue;
		}
		/* \n and \t are white space to the reader; \" \\ \/ and the rest are their character */
		put(k, e == 'n' || e == 't' || e == 'r' ? " " : &s[1], 1);
		s += 2;
	}
	return false;
}

/* A single-quoted YAML scalar ('' is a quotation mark) or a literal TOML string (`'` or `'''`,
 * no escapes). */
static bool read_literal(const char *s, const char *end, const char *close, bool doubled, sink *k)
{
	size_t cn = strlen(close);
	while (s < end) {
		if (doubled && end - s >= 2 && s[0] == '\'' && s[1] == '\'') {
			put(k, s, 1);
			s += 2;
			continue;
		}
		if ((size_t)(end - s) >= cn && memcmp(s, close, cn) == 0)
			return true;
		put(k, s++, 1);
	}
	return false;
}

static const char *line_end(const char *s, const char *end)
{
	const char *eol = memchr(s, '\n', (size_t)(end - s));
	return eol ? eol : end;
}

static bool indented_or_blank(const char *s, const char *eol)
{
	if (s < eol && (*s == ' ' || *s == '\t'))
		return true;
	while (s < eol && (*s == '\r' || *s == ' '))
		s++;
	return s == eol;
}

/* A plain YAML scalar: the rest of the line up to a comment (" #"), then the indented lines
 * below it (a plain scalar may go on over them); a block scalar (| or >) is only those lines. */
static void read_plain(const char *v, const char *end, bool block, sink *k)
{
	const char *eol = line_end(v, end), *stop = eol;
	for (const char *p = v; p < eol; p++)
		if (*p == '#' && (p == v || p[-1] == ' ' || p[-1] == '\t')) {
			stop = p;
			break;
		}
	if (!block)
		put(k, v, (size_t)(stop - v));
	for (const char *s = eol + (eol < end); s < end; s = eol + 1) {
		eol = line_end(s, end);
		if (!indented_or_blank(s, eol))
			return;
		put(k, "\n", 1);
		put(k, s, (size_t)(eol - s));
		if (eol == end)
			return;
	}
}

/* The value v (the line's rest, past the key's `:` or `=` and spaces), up to end. */
static void read_value(const char *v, const char *end, bool toml, sink *k)
{
	if (toml) {
		if (end - v >= 3 && !memcmp(v, "\"\"\"", 3))
			read_escaped(v + 3, end, "\"\"\"", k);
		else if (end - v >= 3 && !memcmp(v, "'''", 3))
			read_literal(v + 3, end, "'''", false, k);
		else if (*v == '"')
			read_escaped(v + 1, line_end(v, end), "\"", k);
		else if (*v == '\'')
			read_literal(v + 1, line_end(v, end), "'", false, k);
		return;  /* a TOML title is a string; anything else is no title */
	}
	if (*v == '"')
		read_escaped(v + 1, end, "\"", k);
	else if (*v == '\'')
		read_literal(v + 1, end, "'", true, k);
	else
		read_plain(v, end, *v == '|' || *v == '>', k);
}

/* Is the line at s a `title` key at its start, and where does its value begin? */
static const char *title_key(const char *s, const char *eol, bool toml)
{
	static const char key[] = "title";
	if (eol - s < 6)
		return NULL;
	for (size_t i = 0; i < 5; i++)
		if ((s[i] | 0x20) != key[i])
			return NULL;
	s += 5;
	while (s < eol && (*s == ' ' || *s == '\t'))
		s++;
	if (s == eol || *s != (toml ? '=' : ':'))
		return NULL;
	if (!toml && s + 1 < eol && s[1] != ' ' && s[1] != '\t' && s[1] != '\r')
		return NULL;  /* "title:x" is no key (YAML wants a space) */
	for (s++; s < eol && (*s == ' ' || *s == '\t'); s++)
		;
	return s;
}

static bool has_word(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return true;
	return false;
}

bool rl_md_front_title(const char *fm, size_t len, char *out, size_t cap)
{
	if (!cap)
		return false;
	out[0] = '\0';
	const char *end = fm + len, *s = line_end(fm, end);
	bool toml = s - fm >= 3 && memchr(fm, '+', (size_t)(s - fm)) != NULL;
	/* the closing fence is the block's last line: values end before it */
	const char *last = end;
	while (last > fm && (last[-1] == '\n' || last[-1] == '\r'))
		last--;
	while (last > fm && last[-1] != '\n')
		last--;
	for (s += s < end; s < last; s = line_end(s, last) + 1) {
		const char *eol = line_end(s, last), *v = title_key(s, eol, toml);
		if (v) {
			read_value(v, last, toml, &(sink){out, cap, 0});
			return has_word(out);
		}
		if (eol == last)
			break;
	}
	return false;
}

/* The next word's first letter or digit at or after *at, or -1 at the end; *at moves past it. */
static utf8proc_int32_t next_letter(const char **at, const char *end)
{
	while (*at < end) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)*at, end - *at, &cp);
		if (n <= 0) {
			(*at)++;
			continue;
		}
		*at += n;
		utf8proc_category_t c = utf8proc_category(cp);
		if (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO)
			return utf8proc_tolower(cp);
	}
	return -1;
}

bool rl_md_same_words(const char *a, size_t alen, const char *b, size_t blen)
{
	const char *ae = a + alen, *be = b + blen;
	for (;;) {
		utf8proc_int32_t x = next_letter(&a, ae), y = next_letter(&b, be);
		if (x != y)
			return false;
		if (x < 0)
			return true;
	}
}
