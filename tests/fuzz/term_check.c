/* term_check.c: the terminal-safety check shared by the end-to-end tests and the fuzzers. */
#include "term_check.h"

#include <stdint.h>
#include <utf8proc.h>

#include "text.h"

/* Length of the SGR sequence at s[0..n) (ESC [ [0-9;]* m), or 0 when it is not one. */
static size_t sgr_len(const char *s, size_t n)
{
	size_t i = 2;
	if (n < 3 || s[0] != '\x1b' || s[1] != '[')
		return 0;
	while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == ';'))
		i++;
	return i < n && s[i] == 'm' ? i + 1 : 0;
}

static const char *bad_code_point(int32_t cp)
{
	if (cp < 0x20 && cp != '\n')
		return "C0 control";
	if (cp == 0x7F)
		return "DEL";
	if (cp >= 0x80 && cp <= 0x9F)
		return "C1 control";
	if (cp == 0x2028 || cp == 0x2029)
		return "line or paragraph separator";
	if (cp >= 0x80 && cp != 0x200C && cp != 0x200D &&
	    utf8proc_category(cp) == UTF8PROC_CATEGORY_CF)
		return "format character (bidi control, BOM, ...)";
	return NULL;
}

const char *term_check(const char *s, size_t n, bool sgr_allowed, size_t *at)
{
	size_t pos = 0;

	while (pos < n) {
		size_t sgr = sgr_allowed ? sgr_len(s + pos, n - pos) : 0;
		if (sgr) {
			pos += sgr;
			continue;
		}
		int32_t cp;
		size_t len = rl_utf8_decode(s + pos, n - pos, &cp);
		const char *why = cp < 0 ? "invalid UTF-8" : bad_code_point(cp);
		if (why) {
			if (at)
				*at = pos;
			return why;
		}
		pos += len;
	}
	return NULL;
}

size_t term_max_line_width(const char *s, size_t n)
{
	size_t widest = 0, pos = 0;

	while (pos < n) {
		size_t w = 0;
		while (pos < n && s[pos] != '\n') {
			size_t sgr = sgr_len(s + pos, n - pos);
			if (sgr) {
				pos += sgr;
				continue;
			}
			rl_grapheme g;
			rl_grapheme_next(s + pos, n - pos, &g);
			if (g.kind == RL_G_NEWLINE)
				break;
			w += g.width;
			pos += g.len;
		}
		if (w > widest)
			widest = w;
		pos++;
	}
	return widest;
}
