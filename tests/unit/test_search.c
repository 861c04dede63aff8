/* ui/search.c against a naive oracle, and on a large text: the search is one linear pass, so
 * counting every match of a pattern in 8 MB takes moments (the old search, which looked for an
 * upper-case first byte from each candidate to the end of the text, took minutes here). */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "search.h"

static unsigned char fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

static bool oracle_at(const char *t, const char *p, size_t plen, bool icase)
{
	for (size_t k = 0; k < plen; k++)
		if (icase ? fold((unsigned char)t[k]) != fold((unsigned char)p[k]) : t[k] != p[k])
			return false;
	return true;
}

static bool oracle(const char *t, size_t n, const char *p, size_t plen, size_t from, bool fwd,
                   bool icase, size_t *at)
{
	if (plen == 0 || plen > n)
		return false;
	if (fwd) {
		for (size_t i = from; i + plen <= n; i++)
			if (oracle_at(t + i, p, plen, icase))
				return *at = i, true;
		return false;
	}
	for (size_t i = from < n - plen ? from : n - plen;; i--) {
		if (oracle_at(t + i, p, plen, icase))
			return *at = i, true;
		if (i == 0)
			return false;
	}
}

static uint32_t next_rand(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(*s >> 33);
}

/* rl_search_find from `from`, both ways, with and without case, finds what the oracle finds. */
static void expect_as_oracle(const char *t, size_t n, const char *p, size_t plen, size_t from,
                             int round)
{
	for (int mode = 0; mode < 4; mode++) {
		bool fwd = mode & 1, icase = mode & 2;
		size_t a = SIZE_MAX, b = SIZE_MAX;
		bool x = rl_search_find(t, n, p, plen, from, fwd, icase, &a);
		bool y = oracle(t, n, p, plen, from, fwd, icase, &b);
		cr_assert_eq(x, y, "round %d from %zu mode %d: %d, oracle %d", round, from, mode, x, y);
		cr_assert_eq(a, b, "round %d from %zu mode %d: at %zu, oracle %zu", round, from, mode, a,
		             b);
	}
}

/* A random text of 0 to 39 bytes and a pattern of 1 to 6 over a tiny alphabet with both cases
 * (borders, overlaps and near-misses everywhere). */
static void tiny_case(uint64_t *rng, char t[64], size_t *n, char p[8], size_t *plen)
{
	static const char alpha[] = "aAbB ";
	*n = next_rand(rng) % 40;
	*plen = 1 + next_rand(rng) % 6;
	for (size_t i = 0; i < *n; i++)
		t[i] = alpha[next_rand(rng) % 5];
	for (size_t i = 0; i < *plen; i++)
		p[i] = alpha[next_rand(rng) % 5];
}

/* Random texts and patterns over a tiny alphabet with both cases (borders, overlaps and
 * near-misses everywhere), from every start, both directions, with and without case. */
Test(search, agrees_with_a_naive_oracle)
{
	uint64_t rng = 15;
	char t[64], p[8];
	for (int round = 0; round < 3000; round++) {
		size_t n, plen;
		tiny_case(&rng, t, &n, p, &plen);
		for (size_t from = 0; from <= n + 1; from++) {
			expect_as_oracle(t, n, p, plen, from, round);
		}
	}
}

/* Long texts where a match's first letter is rare (one byte in a few hundred, either case), so
 * that a backward search crosses the short first chunks and the long ones before it finds a
 * place to start (ui/search.c's start_before), from random starts both ways. */
Test(search, agrees_with_the_oracle_across_chunks)
{
	enum { N = 9000 };
	static char t[N];
	uint64_t rng = 21;
	for (int round = 0; round < 60; round++) {
		unsigned rare = 1 + next_rand(&rng) % 2000;  /* about one first letter in `rare` */
		for (size_t i = 0; i < N; i++) {
			uint32_t r = next_rand(&rng);
			t[i] = r % rare ? "xby "[r / rare % 4] : "aA"[r / rare % 2];
		}
		size_t n = 1 + next_rand(&rng) % N;
		const char *p = round % 3 ? "ab" : "a";
		for (int k = 0; k < 40; k++) {
			size_t from = next_rand(&rng) % (n + 2);
			expect_as_oracle(t, n, p, strlen(p), from, round);
		}
	}
}

typedef struct hits {
	size_t at[64], n, stop;
} hits;

static bool record(void *ctx, size_t at)
{
	hits *h = ctx;
	h->at[h->n++] = at;
	return h->n != h->stop;
}

/* rl_search_each reports what rl_search_find finds from each match's next byte, in order,
 * overlapping matches included, and stops when told. */
Test(search, each_agrees_with_find)
{
	uint64_t rng = 29;
	char t[64], p[8];
	for (int round = 0; round < 3000; round++) {
		size_t n, plen;
		tiny_case(&rng, t, &n, p, &plen);
		for (int icase = 0; icase < 2; icase++) {
			hits h = {.stop = SIZE_MAX};
			size_t got = rl_search_each(t, n, p, plen, icase, record, &h), k = 0, at;
			for (size_t pos = 0; rl_search_find(t, n, p, plen, pos, true, icase, &at);
			     pos = at + 1) {
				cr_assert_lt(k, h.n, "round %d: a match missed", round);
				cr_assert_eq(h.at[k], at, "round %d: match %zu", round, k);
				k++;
			}
			cr_assert_eq(k, h.n, "round %d: %zu matches, find %zu", round, h.n, k);
			cr_assert_eq(got, h.n);
			if (h.n > 1) {
				hits one = {.stop = 1};
				cr_assert_eq(rl_search_each(t, n, p, plen, icase, record, &one), 1);
				cr_assert_eq(one.at[0], h.at[0]);
			}
		}
	}
}

static double cpu_seconds(void)
{
	return (double)clock() / CLOCKS_PER_SEC;
}

/* 8 MB of words without a "z": every match of "the" counted forward and backward, and "tz"
 * (a frequent first letter, ignoring case, never matching) from every 64 KiB. A bound of a
 * minute of CPU: this takes about a second, 25 s under valgrind; the old search took minutes,
 * and a backward search that read 4 KiB before each match took 5 s (10 minutes under
 * valgrind). */
Test(search, counts_matches_in_a_large_text, .timeout = 600)
{
	static const char *words[] = {"the ", "lighthouse ", "keeper ", "THE ", "voted ", "at ",
	                              "night ", "then ", "sea "};
	enum { N = 8 << 20 };
	char *t = malloc(N);
	size_t n = 0, want = 0;
	uint64_t rng = 3;
	while (n + 16 < N) {
		const char *w = words[next_rand(&rng) % 9];
		want += strncmp(w, "the", 3) == 0 || strncmp(w, "THE", 3) == 0;
		memcpy(t + n, w, strlen(w));
		n += strlen(w);
	}
	double c0 = cpu_seconds();
	size_t fwd = 0, back = 0, at;
	for (size_t pos = 0; rl_search_find(t, n, "the", 3, pos, true, true, &at); pos = at + 1)
		fwd++;
	for (size_t pos = n; rl_search_find(t, n, "the", 3, pos, false, true, &at) && at > 0;
	     pos = at - 1)
		back++;
	cr_assert_eq(fwd, want);
	cr_assert_eq(back + (strncmp(t, "the", 3) == 0 || strncmp(t, "THE", 3) == 0), want);
	for (size_t pos = 0; pos < n; pos += 65536)
		cr_assert_not(rl_search_find(t, n, "tz", 2, pos, true, true, &at));
	cr_assert_not(rl_search_find(t, n, "tz", 2, n, false, true, &at));
	double used = cpu_seconds() - c0;
	cr_assert_lt(used, 60.0, "%.1f s of CPU", used);
	free(t);
}
