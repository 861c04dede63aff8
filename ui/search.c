/* search.c: byte-wise pattern search with smart case. */
#include "search.h"

#include <string.h>

static unsigned char fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

bool rl_search_smartcase(const char *pat, size_t plen)
{
	for (size_t i = 0; i < plen; i++)
		if (pat[i] >= 'A' && pat[i] <= 'Z')
			return false;
	return true;
}

static bool match_at(const char *text, const char *pat, size_t plen, bool icase)
{
	if (!icase)
		return memcmp(text, pat, plen) == 0;
	for (size_t i = 0; i < plen; i++)
		if (fold((unsigned char)text[i]) != fold((unsigned char)pat[i]))
			return false;
	return true;
}

/* The next position at or after `from` where the pattern's first byte occurs. */
static const char *first_byte(const char *text, size_t from, size_t last, unsigned char c,
                              bool icase)
{
	const char *p = memchr(text + from, c, last - from + 1);
	if (icase && c >= 'a' && c <= 'z') {
		const char *q = memchr(text + from, c - 'a' + 'A', last - from + 1);
		if (!p || (q && q < p))
			p = q;
	}
	return p;
}

bool rl_search_find(const char *text, size_t len, const char *pat, size_t plen, size_t from,
                    bool forward, bool icase, size_t *at)
{
	if (plen == 0 || plen > len)
		return false;
	size_t last = len - plen;  /* the last position a match can start at */
	unsigned char c0 = icase ? fold((unsigned char)pat[0]) : (unsigned char)pat[0];
	if (forward) {
		while (from <= last) {
			const char *p = first_byte(text, from, last, c0, icase);
			if (!p)
				return false;
			size_t i = (size_t)(p - text);
			if (match_at(p, pat, plen, icase)) {
				*at = i;
				return true;
			}
			from = i + 1;
		}
		return false;
	}
	for (size_t i = from < last ? from : last;; i--) {
		if (match_at(text + i, pat, plen, icase)) {
			*at = i;
			return true;
		}
		if (i == 0)
			return false;
	}
}
