/* search.c: byte-wise pattern search with smart case. */
#include "search.h"

#include <stdlib.h>
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

/* The pattern in scan order (reversed when scanning backward), folded when ignoring case. */
static void scan_pattern(const char *pat, size_t plen, bool rev, bool icase, unsigned char *out)
{
	for (size_t i = 0; i < plen; i++) {
		unsigned char c = (unsigned char)pat[rev ? plen - 1 - i : i];
		out[i] = icase ? fold(c) : c;
	}
}

/* Knuth-Morris-Pratt: fail[q] is the length of the longest proper border of p[0..q]. */
static void kmp_table(const unsigned char *p, size_t plen, size_t *fail)
{
	fail[0] = 0;
	for (size_t i = 1, k = 0; i < plen; i++) {
		while (k > 0 && p[k] != p[i])
			k = fail[k - 1];
		if (p[k] == p[i])
			k++;
		fail[i] = k;
	}
}

/* Where a match can start: the next (forward) occurrence of the pattern's first byte in either
 * case, each found with memchr and kept until the scan passes it, so that the text is searched
 * once per case (the old search looked for the upper-case byte from each candidate to the end of
 * the text, again and again: seconds on a megabyte). */
typedef struct starts {
	unsigned char c[2];  /* the byte, and its other case (or the byte again) */
	size_t next[2];      /* the next occurrence of each at or after the scan, or hi */
} starts;

static void starts_init(starts *st, unsigned char p0, bool icase, size_t lo)
{
	st->c[0] = p0;
	st->c[1] = icase && p0 >= 'a' && p0 <= 'z' ? (unsigned char)(p0 - 'a' + 'A') : p0;
	st->next[0] = st->next[1] = lo;
}

static size_t starts_next(starts *st, const char *text, size_t i, size_t hi)
{
	for (int k = 0; k < 2; k++) {
		if (st->next[k] < i) {
			const char *q = memchr(text + i, st->c[k], hi - i);
			st->next[k] = q ? (size_t)(q - text) : hi;
		}
	}
	return st->next[0] < st->next[1] ? st->next[0] : st->next[1];
}

/* Backward, the same without memrchr (not C11): the last occurrence of either byte before i,
 * found with memchr over chunks taken from the end, the first short and each next twice as long
 * up to CHUNK, so that a start near i costs little (a chunk of CHUNK from the first made counting
 * every match backward cost CHUNK bytes a match: seconds on 8 MB). Returns the position just
 * after it, or lo. */
#define FIRST_CHUNK 64
#define CHUNK 4096

static size_t start_before(const char *text, size_t i, size_t lo, const starts *st)
{
	for (size_t span = FIRST_CHUNK; i > lo; span = span < CHUNK ? 2 * span : CHUNK) {
		size_t c0 = i - lo > span ? i - span : lo, found = lo;
		for (int k = 0; k < 2; k++) {
			const char *q = text + c0, *end = text + i, *hit;
			while (q < end && (hit = memchr(q, st->c[k], (size_t)(end - q)))) {
				if ((size_t)(hit - text) + 1 > found)
					found = (size_t)(hit - text) + 1;
				q = hit + 1;
			}
		}
		if (found > lo)
			return found;
		i = c0;
	}
	return lo;
}

/* Byte c of the text read in scan order against the pattern (p, plen, its table fail), q bytes
 * of it matched so far (updated): true when the whole pattern now is. */
static bool kmp_step(const unsigned char *p, size_t plen, const size_t *fail, bool icase,
                     unsigned char c, size_t *q)
{
	c = icase ? fold(c) : c;
	while (*q > 0 && p[*q] != c)
		*q = fail[*q - 1];
	return p[*q] == c && ++*q == plen;
}

/* One pass over the text, each byte looked at a bounded number of times: linear in the text
 * whatever the pattern (p in scan order, fail its table). Forward over text[lo..hi); backward
 * from hi down to lo. */
static bool kmp_scan(const char *text, size_t lo, size_t hi, const unsigned char *p, size_t plen,
                     bool forward, bool icase, const size_t *fail, size_t *at)
{
	size_t q = 0;
	starts st;
	starts_init(&st, p[0], icase, forward ? lo : hi);
	if (forward) {
		for (size_t i = lo; i < hi; i++) {
			if (q == 0 && (i = starts_next(&st, text, i, hi)) == hi)
				return false;
			if (kmp_step(p, plen, fail, icase, (unsigned char)text[i], &q)) {
				*at = i + 1 - plen;
				return true;
			}
		}
		return false;
	}
	for (size_t i = hi; i > lo;) {
		if (q == 0 && (i = start_before(text, i, lo, &st)) == lo)
			return false;
		if (kmp_step(p, plen, fail, icase, (unsigned char)text[--i], &q)) {
			*at = i;
			return true;
		}
	}
	return false;
}

/* A pattern's scan form and table on the stack, or (longer) on the heap. */
#define ON_STACK 256

bool rl_search_find(const char *text, size_t len, const char *pat, size_t plen, size_t from,
                    bool forward, bool icase, size_t *at)
{
	if (plen == 0 || plen > len)
		return false;
	size_t last = len - plen;  /* the last position a match can start at */
	size_t lo = 0, hi = len;    /* the bytes a match may lie in */
	if (forward && from > last)
		return false;
	if (forward)
		lo = from;
	else
		hi = (from < last ? from : last) + plen;
	size_t stack_fail[ON_STACK];
	unsigned char stack_p[ON_STACK];
	bool heap = plen > ON_STACK;
	size_t *fail = heap ? malloc(plen * sizeof *fail) : stack_fail;
	unsigned char *p = heap ? malloc(plen) : stack_p;
	bool found = false;
	if (fail && p) {
		scan_pattern(pat, plen, !forward, icase, p);
		kmp_table(p, plen, fail);
		found = kmp_scan(text, lo, hi, p, plen, forward, icase, fail, at);
	}
	if (heap) {
		bool failed = !fail || !p;
		free(fail);
		free(p);
		if (failed)  /* no memory for the table: a pattern this long is a paste; say no match */
			return false;
	}
	return found;
}

size_t rl_search_each(const char *text, size_t len, const char *pat, size_t plen, bool icase,
                      bool (*found)(void *ctx, size_t at), void *ctx)
{
	if (plen == 0 || plen > len || plen > ON_STACK)
		return 0;
	size_t fail[ON_STACK], q = 0, n = 0;
	unsigned char p[ON_STACK];
	starts st;
	scan_pattern(pat, plen, false, icase, p);
	kmp_table(p, plen, fail);
	starts_init(&st, p[0], icase, 0);
	for (size_t i = 0; i < len; i++) {
		if (q == 0 && (i = starts_next(&st, text, i, len)) == len)
			break;
		unsigned char c = (unsigned char)text[i];
		c = icase ? fold(c) : c;
		while (q > 0 && p[q] != c)
			q = fail[q - 1];
		if (p[q] == c && ++q == plen) {
			n++;
			if (!found(ctx, i + 1 - plen))
				break;
			q = fail[q - 1];  /* on to the next match, overlapping ones included */
		}
	}
	return n;
}
