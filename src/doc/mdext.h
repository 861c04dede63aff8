/* mdext.h: two Markdown extensions CommonMark does not know, for the Markdown reader and for
 * detection (internal to src/doc/; header-only, as detection is part of the program and the
 * reader of the module): front matter, a YAML block between `---` lines (TOML between `+++`)
 * opening the file, a page's metadata for Jekyll, Hugo and GitHub; and GitHub's footnotes, a
 * `[^label]: text` line defining a note. */
#ifndef REDLINE_DOC_MDEXT_H
#define REDLINE_DOC_MDEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* Does a line at s (up to 3 spaces in) define a footnote, `[^label]:`? */
static inline bool rl_md_footnote_definition(const char *s, const char *end)
{
	for (int k = 0; k < 3 && s < end && *s == ' '; k++)
		s++;
	if (end - s < 5 || s[0] != '[' || s[1] != '^')
		return false;
	const char *close = memchr(s, ']', (size_t)(end - s));
	return close && close + 1 < end && close[1] == ':' && close > s + 2;
}

/* The line at s past the marks of the quotations it is in (up to 3 spaces, `>` and the space
 * after it, each), their number in *quotes. */
static inline const char *rl_md_past_quotes(const char *s, const char *end, size_t *quotes)
{
	*quotes = 0;
	for (;;) {
		const char *p = s;
		for (int k = 0; k < 3 && p < end && *p == ' '; k++)
			p++;
		if (p >= end || *p != '>')
			return s;
		s = p + 1 + (p + 1 < end && p[1] == ' ');
		++*quotes;
	}
}

/* The line at s past a list item's mark (up to 3 spaces, a bullet or a number of up to nine
 * digits with `.` or `)`, and the one to four spaces after it), or s when it opens no item. */
static inline const char *rl_md_past_item(const char *s, const char *end)
{
	const char *p = s;
	for (int k = 0; k < 3 && p < end && *p == ' '; k++)
		p++;
	if (p < end && (*p == '-' || *p == '*' || *p == '+')) {
		p++;
	} else {
		const char *d = p;
		while (p < end && p - d < 9 && *p >= '0' && *p <= '9')
			p++;
		if (p == d || p >= end || (*p != '.' && *p != ')'))
			return s;
		p++;
	}
	const char *after = p;
	while (p < end && p - after < 4 && *p == ' ')
		p++;
	return p > after ? p : s;
}

/* Does the line at s define a footnote inside its quotations and list item (`> [^q]: Heard.`,
 * `- [^w]: text`)? Where its `[` stands, or NULL. */
static inline const char *rl_md_contained_definition(const char *s, const char *end)
{
	size_t quotes;
	const char *p = rl_md_past_item(rl_md_past_quotes(s, end, &quotes), end);
	if (!rl_md_footnote_definition(p, end))
		return NULL;
	return memchr(p, '[', (size_t)(end - p));
}

/* Is the text at s, a line ending before end, exactly the fence (trailing spaces aside)? */
static inline bool rl_md_fence_line(const char *s, const char *end, const char *fence)
{
	size_t n = strlen(fence);
	if ((size_t)(end - s) < n || memcmp(s, fence, n) != 0)
		return false;
	for (s += n; s < end && (*s == ' ' || *s == '\t' || *s == '\r'); s++)
		;
	return s == end;
}

/* The length of the front matter opening data, or 0: a `---` line, lines of which one at least
 * is a `key:` (so that a thematic break over a setext heading is not taken for it), and a `---`
 * or `...` line (`+++` around TOML, whose lines are `key =`). */
static inline size_t rl_md_front_matter(const char *data, size_t len)
{
	const char *end = data + len, *s = data;
	if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		s += 3;
	const char *eol = memchr(s, '\n', (size_t)(end - s));
	bool toml = eol && rl_md_fence_line(s, eol, "+++");
	if (!eol || (!toml && !rl_md_fence_line(s, eol, "---")))
		return 0;
	bool keyed = false;
	for (s = eol + 1; s < end; s = eol + 1) {
		eol = memchr(s, '\n', (size_t)(end - s));
		if (!eol)
			eol = end;
		if (toml ? rl_md_fence_line(s, eol, "+++")
		         : rl_md_fence_line(s, eol, "---") || rl_md_fence_line(s, eol, "..."))
			return keyed ? (size_t)(eol - data) + (eol < end) : 0;
		const char *after = s;  /* past a key's name: letters, digits, - and _ */
		while (after < eol && (((*after | 0x20) >= 'a' && (*after | 0x20) <= 'z') ||
		                       (*after >= '0' && *after <= '9') || *after == '_' || *after == '-'))
			after++;
		bool named = after > s;
		while (after < eol && *after == ' ')
			after++;
		keyed = keyed || (named && after < eol && *after == (toml ? '=' : ':'));
		if (eol == end)
			break;
	}
	return 0;
}

#endif
