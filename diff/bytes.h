/* bytes.h: small helpers over raw bytes shared by the passes that find lines both texts hold
 * (skip.c copies NEW's unchanged lines, wordbreak.c finds the lines and runs the texts share), and
 * the qsort order of 64-bit keys the stages sort their indexes by (key << 32 | index). */
#ifndef REDLINE_BYTES_H
#define REDLINE_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* A hash of s[0..n), eight bytes at a time (not the interner's: that one may read past n). */
static inline uint64_t rl_hash_bytes(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15u ^ n;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 32;
	}
	uint64_t w = 0;
	memcpy(&w, s + i, n - i);
	h = (h ^ w) * 0xC4CEB9FE1A85EC53u;
	return h ^ (h >> 29);
}

/* qsort's order of uint64_t values, ascending. */
static inline int rl_cmp_u64(const void *x, const void *y)
{
	uint64_t p = *(const uint64_t *)x, q = *(const uint64_t *)y;
	return (p > q) - (p < q);
}

/* The ASCII whitespace a line's ends may carry. */
static inline bool rl_ascii_space(char ch)
{
	return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
}

#endif
