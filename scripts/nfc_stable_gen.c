/* nfc_stable_gen.c: prints the ranges of diff/nfc_stable.h (read its comment) from utf8proc.
 *
 *   cc -O2 scripts/nfc_stable_gen.c -lutf8proc -o /tmp/nfc_stable_gen && /tmp/nfc_stable_gen
 *
 * A code point is listed when it is assigned, of combining class 0, not the second code point of
 * any canonical decomposition (nor a Hangul vowel or trailing consonant), not folded by
 * typography (intern_key.c's fold_typography), and its key alone (NFC, folded) is itself; then,
 * after a blank line, the marks of nfc_stable_marks (stable_mark) with their combining class. */
#include <stdio.h>
#include <string.h>
#include <utf8proc.h>
#include "../diff/fold.h"

static utf8proc_int32_t fold(utf8proc_int32_t cp, void *data)
{
	(void)data;
	return rl_fold_typography(cp);
}

static unsigned char second[0x110000];

/* Assigned, no surrogate, not the second code point of any canonical decomposition, not folded
 * by typography: what both lists ask first. */
static const utf8proc_property_t *candidate(utf8proc_int32_t c)
{
	if (c >= 0xD800 && c <= 0xDFFF)
		return NULL;
	const utf8proc_property_t *p = utf8proc_get_property(c);
	if (p->category == UTF8PROC_CATEGORY_CN || p->category == UTF8PROC_CATEGORY_CO || second[c] ||
	    fold(c, NULL) != c)
		return NULL;
	return p;
}

/* c's key decomposed (stable, folded) into u[64], its UTF-8 in s (*n bytes); the code points, or
 * 0 or less on failure. */
static utf8proc_ssize_t decomposed(utf8proc_int32_t c, utf8proc_int32_t *u, utf8proc_uint8_t *s,
                                   utf8proc_ssize_t *n)
{
	*n = utf8proc_encode_char(c, s);
	return utf8proc_decompose_custom(s, *n, u, 64, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE, fold,
	                                 NULL);
}

static int stable(utf8proc_int32_t c)
{
	const utf8proc_property_t *p = candidate(c);
	if (!p || p->combining_class != 0)
		return 0;
	utf8proc_int32_t u[64];
	utf8proc_uint8_t s[8];
	utf8proc_ssize_t n, k = decomposed(c, u, s, &n);
	if (k <= 0)
		return 0;
	utf8proc_ssize_t len =
		utf8proc_reencode(u, k, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_COMPOSE);
	return len == n && memcmp(u, s, (size_t)n) == 0;
}

/* A mark a key leaves as it is where the marks around it stand in canonical order: assigned, of
 * combining class ccc > 0, not the second code point of any canonical decomposition (it composes
 * with nothing before it), not folded by typography, its own NFC. */
static int stable_mark(utf8proc_int32_t c)
{
	const utf8proc_property_t *p = candidate(c);
	if (!p || p->combining_class == 0)
		return 0;
	utf8proc_int32_t u[64];
	utf8proc_uint8_t s[8];
	utf8proc_ssize_t n, k = decomposed(c, u, s, &n);
	if (k != 1 || u[0] != c)
		return 0;
	return p->combining_class;
}

int main(void)
{
	for (utf8proc_int32_t c = 0; c < 0x110000; c++) {
		utf8proc_int32_t d[32];
		int last;
		utf8proc_ssize_t k = utf8proc_decompose_char(c, d, 32, UTF8PROC_DECOMPOSE, &last);
		for (utf8proc_ssize_t i = 1; i < k; i++)
			second[d[i]] = 1;
	}
	for (utf8proc_int32_t c = 0x1161; c <= 0x11C2; c++)
		second[c] = 1;
	int in = 0, start = 0;
	for (utf8proc_int32_t c = 0x80; c <= 0x10000; c++) {
		int ok = c < 0x10000 && stable(c);
		if (ok && !in)
			in = 1, start = c;
		else if (!ok && in)
			in = 0, printf("{0x%04X, 0x%04X},\n", start, c - 1);
	}
	/* The marks (nfc_stable_marks): ranges of one combining class, printed after a blank line. */
	printf("\n");
	int cls = 0;
	for (utf8proc_int32_t c = 0x80; c <= 0x10000; c++) {
		int k = c < 0x10000 ? stable_mark(c) : 0;
		if (k != cls && cls)
			printf("{0x%04X, 0x%04X, %d},\n", start, c - 1, cls);
		if (k != cls && k)
			start = c;
		cls = k;
	}
	return 0;
}
