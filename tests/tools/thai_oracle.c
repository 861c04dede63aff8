/* thai_oracle.c: our Thai breaker (src/run/thdict.h) against libthai's on real text: a tool, not a
 * test (tests/unit/test_thdict.c is the test).
 *
 *   thai_oracle [-v] FILE...
 *
 * Breaks every line of each UTF-8 file, and every run of Thai letters in it (as the tokenizer
 * hands them to the breaker), with both, over the same dictionary (LIBTHAI_DICTDIR or libthai's
 * own), and counts the texts whose breaks differ; -v prints each difference. Exit 1 if any. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <thai/thbrk.h>
#include <thai/thwbrk.h>
#include <wchar.h>

#include "run/thdict.h"

static size_t decode(const char *s, size_t n, int32_t *cp)
{
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		int32_t v;
		size_t len;
		if (c < 0x80) {
			v = c, len = 1;
		} else if ((c & 0xE0) == 0xC0 && i + 1 < n) {
			v = (c & 0x1F) << 6 | (s[i + 1] & 0x3F), len = 2;
		} else if ((c & 0xF0) == 0xE0 && i + 2 < n) {
			v = (c & 0x0F) << 12 | (s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F), len = 3;
		} else if ((c & 0xF8) == 0xF0 && i + 3 < n) {
			v = (c & 0x07) << 18 | (s[i + 1] & 0x3F) << 12 | (s[i + 2] & 0x3F) << 6 |
			    (s[i + 3] & 0x3F);
			len = 4;
		} else {
			v = 0xFFFD, len = 1;
		}
		if (v == 0)
			v = 0xFFFD;
		cp[k++] = v;
		i += len;
	}
	return k;
}

static long texts, differ, chars;
static bool verbose;

static void put(const int32_t *cp, size_t n, const int *pos, int k)
{
	int b = 0;
	for (size_t i = 0; i < n; i++) {
		if (b < k && pos[b] == (int)i) {
			fputc('|', stdout);
			b++;
		}
		int32_t v = cp[i];
		char u[4];
		int len = v < 0x80 ? (u[0] = (char)v, 1)
		          : v < 0x800 ? (u[0] = (char)(0xC0 | v >> 6), u[1] = (char)(0x80 | (v & 0x3F)), 2)
		                      : (u[0] = (char)(0xE0 | v >> 12), u[1] = (char)(0x80 | ((v >> 6) & 0x3F)),
		                         u[2] = (char)(0x80 | (v & 0x3F)), 3);
		fwrite(u, 1, (size_t)len, stdout);
	}
	fputc('\n', stdout);
}

static void compare(ThBrk *brk, const rl_thdict *d, const int32_t *cp, size_t n)
{
	if (n == 0)
		return;
	wchar_t *w = malloc((n + 1) * sizeof *w);
	int *a = malloc((n + 1) * sizeof *a), *b = malloc((n + 1) * sizeof *b);
	for (size_t i = 0; i < n; i++)
		w[i] = (wchar_t)cp[i];
	w[n] = 0;
	int ka = th_brk_wc_find_breaks(brk, w, a, n + 1);
	int kb = rl_thdict_breaks(d, cp, n, b, n + 1);
	texts++;
	chars += (long)n;
	if (ka != kb || memcmp(a, b, (size_t)(ka > 0 ? ka : 0) * sizeof *a) != 0) {
		differ++;
		if (verbose) {
			printf("libthai: ");
			put(cp, n, a, ka);
			printf("ours:    ");
			put(cp, n, b, kb);
		}
	}
	free(w);
	free(a);
	free(b);
}

int main(int argc, char **argv)
{
	int first = 1;
	if (argc > 1 && strcmp(argv[1], "-v") == 0)
		verbose = true, first = 2;
	ThBrk *brk = th_brk_new(NULL);
	char why[200];
	const char *dir = getenv("LIBTHAI_DICTDIR");
	char path[1024];
	snprintf(path, sizeof path, "%s/thbrk.tri", dir && *dir ? dir : "/usr/share/libthai");
	rl_thdict *d;
	rl_thdict_read(&d, path, why, sizeof why);
	if (!brk || !d) {
		fprintf(stderr, "thai_oracle: no dictionary (%s)\n", d ? "libthai" : why);
		return 2;
	}
	if (argc > first + 1 && strcmp(argv[first], "-r") == 0) {
		/* random texts over Thai letters, marks, digits, ๆ ฯ, Latin and punctuation */
		long count = atol(argv[first + 1]);
		uint64_t x = 88172645463325252ULL;
		int32_t cp[300];
		for (long t = 0; t < count; t++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			size_t n = 1 + x % 299;
			for (size_t i = 0; i < n; i++) {
				x ^= x << 13, x ^= x >> 7, x ^= x << 17;
				unsigned r = (unsigned)(x >> 20) % 100;
				if (r < 70)
					cp[i] = 0x0E01 + (int32_t)((x >> 40) % 0x5B);
				else if (r < 90)
					cp[i] = 0x20 + (int32_t)((x >> 40) % 0x5F);
				else if (r < 95)
					cp[i] = " .\n\r\t"[(x >> 40) % 5];
				else
					cp[i] = (int32_t[]){0x0E00, 0x0E3B, 0x0E5C, 0xA0, 0x300, 0x200B, 0xE9,
					                    0x0E2F, 0x0E46, 0x0E50}[(x >> 40) % 10];
			}
			compare(brk, d, cp, n);
		}
		printf("random texts: %ld (%ld code points), differing %ld\n", texts, chars, differ);
		return differ != 0;
	}
	long lines_differ = 0, lines = 0;
	int mutate = 0;
	uint64_t rnd = 2463534242ULL;
	if (argc > first + 1 && strcmp(argv[first], "-m") == 0) {
		mutate = atoi(argv[first + 1]);
		first += 2;
	}
	for (int f = first; f < argc; f++) {
		FILE *fp = fopen(argv[f], "rb");
		if (!fp) {
			perror(argv[f]);
			return 2;
		}
		char *line = NULL;
		size_t cap = 0;
		ssize_t len;
		while ((len = getline(&line, &cap, fp)) > 0) {
			if (line[len - 1] == '\n')
				len--;
			int32_t *cp = malloc(((size_t)len + 1) * sizeof *cp);
			size_t n = decode(line, (size_t)len, cp);
			bool thai = false;
			for (size_t i = 0; i < n && !thai; i++)
				thai = cp[i] >= 0x0E00 && cp[i] <= 0x0E7F;
			if (thai && mutate) {
				/* the line with a few random edits: misspellings, joins, stray marks */
				for (int round = 0; round < mutate; round++) {
					int32_t *m = malloc(((size_t)n + 8) * sizeof *m);
					memcpy(m, cp, n * sizeof *m);
					size_t k = n;
					for (int ed = 0; ed < 3 && k > 0; ed++) {
						rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
						size_t at = (rnd >> 8) % k;
						int32_t c = 0x0E01 + (int32_t)((rnd >> 30) % 0x5B);
						switch ((rnd >> 50) % 3) {
						case 0: m[at] = c; break;
						case 1: memmove(m + at + 1, m + at, (k - at) * sizeof *m), m[at] = c, k++; break;
						default: memmove(m + at, m + at + 1, (k - at - 1) * sizeof *m), k--; break;
						}
					}
					compare(brk, d, m, k);
					free(m);
				}
				free(cp);
				continue;
			}
			if (thai) {
				long before = differ;
				compare(brk, d, cp, n);
				lines++;
				lines_differ += differ > before;
				texts--;  /* lines are counted apart */
				chars -= (long)n;
				differ = before;
				for (size_t i = 0; i < n;) {
					size_t j = i;
					while (j < n && cp[j] >= 0x0E00 && cp[j] <= 0x0E7F)
						j++;
					if (j - i > 1)
						compare(brk, d, cp + i, j - i);
					i = j > i ? j : i + 1;
				}
			}
			free(cp);
		}
		free(line);
		fclose(fp);
	}
	if (mutate)
		printf("edited lines: %ld (%ld code points), differing %ld\n", texts, chars, differ);
	else
		printf("lines with Thai: %ld, differing %ld; Thai runs: %ld (%ld code points), differing %ld\n",
	       lines, lines_differ, texts, chars, differ);
	rl_thdict_free(d);
	th_brk_delete(brk);
	return lines_differ || differ;
}
