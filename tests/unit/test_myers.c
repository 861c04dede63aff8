/* Tests for myers.c: minimal against a brute-force LCS oracle, valid in every mode. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "myers.h"
#include "status.h"

/* xorshift64*: a seeded generator, so every failure reproduces. */
static uint64_t next_rand(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545F4914F6CDD1DULL;
}

static uint32_t rand_below(uint64_t *s, uint32_t n)
{
	return (uint32_t)(next_rand(s) % n);
}

/* Length of a longest common subsequence: the O(nm) dynamic programme, two rows. */
static size_t lcs(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
	size_t *prev = calloc(m + 1, sizeof *prev), *cur = calloc(m + 1, sizeof *cur);
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			if (a[i - 1] == b[j - 1])
				cur[j] = prev[j - 1] + 1;
			else
				cur[j] = prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
		}
		size_t *t = prev;
		prev = cur;
		cur = t;
	}
	size_t r = prev[m];
	free(prev);
	free(cur);
	return r;
}

/* Run the engine; check the script is valid (the kept elements of a and b are equal, in order);
 * return the edit distance (deletions + insertions). */
static size_t diff_checked(const uint32_t *a, size_t n, const uint32_t *b, size_t m, size_t nids,
                           rl_myers_opts o, const char *what)
{
	uint8_t *ca = malloc(n + 1), *cb = malloc(m + 1);
	cr_assert_eq(rl_myers(a, n, b, m, nids, &o, ca, cb, NULL), RL_OK, "%s", what);
	size_t i = 0, j = 0, d = 0;
	for (;;) {
		while (i < n && ca[i])
			i++, d++;
		while (j < m && cb[j])
			j++, d++;
		if (i == n || j == m)
			break;
		cr_assert_eq(a[i], b[j], "%s: kept elements differ at %zu/%zu", what, i, j);
		i++, j++;
	}
	cr_assert(i == n && j == m, "%s: kept elements left over on one side", what);
	free(ca);
	free(cb);
	return d;
}

static const rl_myers_opts minimal = {.minimal = true, .anchors = false};

Test(myers, the_papers_example)
{
	/* A = ABCABBA, B = CBABAC: D = 5 (Myers 1986, figure 1) */
	uint32_t a[] = {0, 1, 2, 0, 1, 1, 0}, b[] = {2, 1, 0, 1, 0, 2};
	cr_assert_eq(diff_checked(a, 7, b, 6, 3, minimal, "paper"), 5);
}

Test(myers, empty_and_identical_inputs)
{
	uint32_t a[] = {1, 2, 3};
	cr_assert_eq(diff_checked(a, 0, a, 0, 4, minimal, "empty"), 0);
	cr_assert_eq(diff_checked(a, 3, a, 0, 4, minimal, "all deleted"), 3);
	cr_assert_eq(diff_checked(a, 0, a, 3, 4, minimal, "all inserted"), 3);
	cr_assert_eq(diff_checked(a, 3, a, 3, 4, minimal, "same"), 0);
}

/* A random pair: alphabet 2..max_alpha, lengths 0..300; half the time b is a mutation of a, so
 * that both near-equal and unrelated inputs are covered. */
static void random_pair_over(uint64_t *rng, uint32_t *a, size_t *n, uint32_t *b, size_t *m,
                             uint32_t *alpha, uint32_t max_alpha)
{
	*alpha = 2 + rand_below(rng, max_alpha - 1);
	*n = rand_below(rng, 301);
	for (size_t i = 0; i < *n; i++)
		a[i] = rand_below(rng, *alpha);
	if (rand_below(rng, 2)) {
		*m = rand_below(rng, 301);
		for (size_t j = 0; j < *m; j++)
			b[j] = rand_below(rng, *alpha);
		return;
	}
	size_t k = 0;
	for (size_t i = 0; i < *n && k < 300; i++) {
		uint32_t r = rand_below(rng, 10);
		if (r == 0)
			continue;                               /* delete */
		if (r == 1 && k < 299)
			b[k++] = rand_below(rng, *alpha);       /* insert */
		b[k++] = r == 2 ? rand_below(rng, *alpha) : a[i];
	}
	*m = k;
}

static void random_pair(uint64_t *rng, uint32_t *a, size_t *n, uint32_t *b, size_t *m,
                        uint32_t *alpha)
{
	random_pair_over(rng, a, n, b, m, alpha, 30);
}

Test(myers, minimal_against_the_oracle_on_10000_random_pairs, .timeout = 300)
{
	uint64_t rng = 0x5EED0001ULL;
	uint32_t a[301], b[301];
	const int rounds = test_rounds(10000);
	for (int round = 0; round < rounds; round++) {
		size_t n, m;
		uint32_t alpha;
		char what[64];
		random_pair(&rng, a, &n, b, &m, &alpha);
		snprintf(what, sizeof what, "round %d (n=%zu m=%zu alphabet=%u)", round, n, m, alpha);
		size_t want = n + m - 2 * lcs(a, n, b, m);
		cr_assert_eq(diff_checked(a, n, b, m, alpha, minimal, what), want, "%s", what);
	}
}

/* A piece is searched where it lies when every id of a side occurs on the other, and compacted
 * (its one-sided ids set aside, their marks spread back) when not: one side each way, both
 * compacted, neither, each against the oracle, with the one-sided ids at the ends, in runs and
 * alone between shared ones. */
Test(myers, pieces_in_place_and_compacted_agree_with_the_oracle, .timeout = 300)
{
	uint64_t rng = 0x5EED0004ULL;
	uint32_t a[401], b[401];
	const int rounds = test_rounds(4000);
	for (int round = 0; round < rounds; round++) {
		size_t n = 1 + rand_below(&rng, 300), m = 1 + rand_below(&rng, 300);
		uint32_t alpha = 2 + rand_below(&rng, 12);
		int own = round % 4;  /* bit 0: a has ids of its own; bit 1: b has */
		for (size_t i = 0; i < n; i++)
			a[i] = (own & 1) && rand_below(&rng, 5) == 0 ? alpha + rand_below(&rng, 8)
			                                             : rand_below(&rng, alpha);
		for (size_t j = 0; j < m; j++)
			b[j] = (own & 2) && rand_below(&rng, 5) == 0 ? alpha + 8 + rand_below(&rng, 8)
			                                             : rand_below(&rng, alpha);
		char what[80];
		snprintf(what, sizeof what, "round %d (n=%zu m=%zu alphabet=%u own=%d)", round, n, m,
		         alpha, own);
		size_t want = n + m - 2 * lcs(a, n, b, m);
		cr_assert_eq(diff_checked(a, n, b, m, alpha + 16, minimal, what), want, "%s", what);
	}
}

/* The bit-parallel split (bitlcs.c) asked for at every search of two rows or more: minimal
 * against the oracle, both in --minimal and in the default mode (pieces this small are searched
 * exactly), over alphabets of 2 to 50 ids; and it was taken. */
Test(myers, the_bit_parallel_split_is_minimal_against_the_oracle, .timeout = 300)
{
	uint64_t rng = 0x5EED0005ULL;
	uint32_t a[301], b[301];
	const int rounds = test_rounds(6000);
	size_t splits = 0;
	for (int round = 0; round < rounds; round++) {
		size_t n, m;
		uint32_t alpha;
		char what[80];
		random_pair_over(&rng, a, &n, b, &m, &alpha, 50);
		size_t want = n + m - 2 * lcs(a, n, b, m);
		rl_myers_opts o = minimal;
		o.bitlcs = 1;
		snprintf(what, sizeof what, "round %d (n=%zu m=%zu alphabet=%u) minimal", round, n, m,
		         alpha);
		cr_assert_eq(diff_checked(a, n, b, m, alpha, o, what), want, "%s", what);
		o = (rl_myers_opts)RL_MYERS_OPTS_INIT;
		o.bitlcs = 1;
		snprintf(what, sizeof what, "round %d (n=%zu m=%zu alphabet=%u) default", round, n, m,
		         alpha);
		cr_assert_eq(diff_checked(a, n, b, m, alpha, o, what), want, "%s", what);
		rl_myers_stats st;
		uint8_t ca[301], cb[301];
		cr_assert_eq(rl_myers(a, n, b, m, alpha, &o, ca, cb, &st), RL_OK);
		splits += st.bitlcs_splits;
	}
	cr_assert_gt(splits, (size_t)rounds, "the split was taken %zu times", splits);
}

/* Automatic choice: two unrelated passages of 2,500 words (a rewrite: D near N + M) turn to the
 * bit-parallel split, and the script is still minimal in --minimal; the same passage with a few words changed
 * never does (Myers meets at once); with the split turned off, the same minimal distance. */
Test(myers, the_bit_parallel_split_is_taken_where_the_search_grows_dear, .timeout = 300)
{
	enum { L = 2500, ALPHA = 400 };
	uint32_t *a = malloc(L * sizeof *a), *b = malloc(L * sizeof *b), *c = malloc(L * sizeof *c);
	uint8_t *ca = malloc(L), *cb = malloc(L);
	uint64_t rng = 0x5EED0006ULL;
	for (int i = 0; i < L; i++) {
		/* Zipf-like ids, as words are: small ids far more often. */
		uint32_t r1 = rand_below(&rng, ALPHA), r2 = rand_below(&rng, ALPHA);
		a[i] = rand_below(&rng, r1 + 1);
		b[i] = rand_below(&rng, r2 + 1);
		c[i] = i % 97 == 5 ? rand_below(&rng, ALPHA) : a[i];
	}
	size_t want = 2 * (size_t)L - 2 * lcs(a, L, b, L);
	rl_myers_opts o = RL_MYERS_OPTS_INIT;
	rl_myers_stats st;
	cr_assert_eq(rl_myers(a, L, b, L, ALPHA, &o, ca, cb, &st), RL_OK);
	cr_assert_gt(st.bitlcs_splits, 0, "a rewrite never took the bit-parallel split");
	cr_assert_eq(st.bound_hits, 0);
	cr_assert_geq(diff_checked(a, L, b, L, ALPHA, o, "rewrite"), want);  /* cut at anchors */
	o.minimal = true;
	cr_assert_eq(rl_myers(a, L, b, L, ALPHA, &o, ca, cb, &st), RL_OK);
	cr_assert_gt(st.bitlcs_splits, 0, "--minimal never took the bit-parallel split");
	cr_assert_eq(diff_checked(a, L, b, L, ALPHA, o, "rewrite, minimal"), want);
	o.bitlcs = -1;
	cr_assert_eq(rl_myers(a, L, b, L, ALPHA, &o, ca, cb, &st), RL_OK);
	cr_assert_eq(st.bitlcs_splits, 0, "taken when turned off");
	cr_assert_eq(diff_checked(a, L, b, L, ALPHA, o, "rewrite, Myers only"), want);
	o = (rl_myers_opts)RL_MYERS_OPTS_INIT;
	cr_assert_eq(rl_myers(a, L, c, L, ALPHA, &o, ca, cb, &st), RL_OK);
	cr_assert_eq(st.bitlcs_splits, 0, "a light edit took the bit-parallel split");
	free(a), free(b), free(c), free(ca), free(cb);
}

/* Where the search is near its own point, the split is left unused (myers.c, search_meets): a
 * passage with a tenth of its words changed, dropped or given a few words before it is most often
 * met by the search at about the split's cost, and the script is then Myers' own (the split's
 * point is one of the minimal ones, and the pieces it leaves align otherwise: a word kept beside
 * its twin a line away). Taken at every turn, 460 of these 500 passages aligned otherwise. */
Test(myers, the_split_leaves_a_light_edit_to_the_search, .timeout = 300)
{
	uint64_t rng = 0x5EED0007ULL;
	uint32_t a[400], b[6 * 400];  /* each word of a: at most six in b */
	uint8_t ca[400], cb[6 * 400], ma[400], mb[6 * 400];
	const int rounds = test_rounds(500);
	int other = 0;
	size_t splits = 0;
	for (int round = 0; round < rounds; round++) {
		size_t n = 100 + rand_below(&rng, 300), m = 0;
		uint32_t alpha = 4 + rand_below(&rng, 40);
		for (size_t i = 0; i < n; i++)
			a[i] = rand_below(&rng, alpha);
		for (size_t i = 0; i < n; i++) {
			uint32_t r = rand_below(&rng, 10);
			if (r == 0) {
				b[m++] = alpha + rand_below(&rng, 8);  /* a word changed */
			} else if (r == 1) {
				for (uint32_t k = rand_below(&rng, 6); k > 0; k--)
					b[m++] = rand_below(&rng, alpha);  /* words added before it */
				b[m++] = a[i];
			} else if (r != 2) {  /* 2: dropped */
				b[m++] = a[i];
			}
		}
		rl_myers_opts o = RL_MYERS_OPTS_INIT;
		rl_myers_stats st;
		cr_assert_eq(rl_myers(a, n, b, m, alpha + 8, &o, ca, cb, &st), RL_OK);
		splits += st.bitlcs_splits;
		o.bitlcs = -1;
		cr_assert_eq(rl_myers(a, n, b, m, alpha + 8, &o, ma, mb, NULL), RL_OK);
		other += memcmp(ca, ma, n) != 0 || memcmp(cb, mb, m) != 0;
	}
	cr_assert_leq(other * 10, rounds, "%d of %d light edits aligned otherwise than Myers alone",
	              other, rounds);
	cr_assert_gt(splits, 0, "the split was never taken");
}

Test(myers, every_mode_returns_a_valid_script, .timeout = 300)
{
	uint64_t rng = 0x5EED0002ULL;
	uint32_t a[301], b[301];
	const rl_myers_opts modes[] = {
		{false, true, 0, 0, NULL, 0},   /* the default: anchors, automatic bound and budget */
		{false, false, 0, 0, NULL, 0},  /* bound only */
		{false, true, 1, 0, NULL, 0},   /* anchors and the tightest bound */
		{false, false, 1, 0, NULL, 0},
		{false, false, 3, 0, NULL, 0},
		{false, false, 17, 0, NULL, 0},
		{false, false, 0, 1, NULL, 0},  /* the budget spent at once: greedy all the way */
		{false, true, 0, 50, NULL, 0},
		{false, true, 0, 0, NULL, 1},   /* the bit-parallel split at every search */
		{false, false, 3, 0, NULL, 1},
		{false, true, 0, 50, NULL, 1},
	};
	const int rounds = test_rounds(2000);
	for (int round = 0; round < rounds; round++) {
		size_t n, m;
		uint32_t alpha;
		random_pair(&rng, a, &n, b, &m, &alpha);
		size_t best = n + m - 2 * lcs(a, n, b, m);
		for (size_t k = 0; k < sizeof modes / sizeof *modes; k++) {
			char what[64];
			snprintf(what, sizeof what, "round %d mode %zu", round, k);
			size_t d = diff_checked(a, n, b, m, alpha, modes[k], what);
			cr_assert_geq(d, best, "%s: shorter than the minimum?", what);
		}
	}
}

/* A caller's rl_cancel that says stop on its n-th question (never when n is 0). */
typedef struct asker {
	int calls, stop_at;
} asker;

static bool ask(void *ctx)
{
	asker *k = ctx;
	return ++k->calls == k->stop_at || (k->stop_at > 0 && k->calls > k->stop_at);
}

/* A long comparison stops when the caller asks (a viewer's key or signal), with RL_ECANCELED and
 * nothing leaked; a caller that never asks gets the same script as one without a cancel. */
Test(myers, a_comparison_stops_when_asked)
{
	enum { N = 200000 };
	uint32_t *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b);
	uint8_t *ca = malloc(N), *cb = malloc(N), *ca2 = malloc(N), *cb2 = malloc(N);
	uint64_t rng = 29;
	for (int i = 0; i < N; i++)
		a[i] = rand_below(&rng, 2), b[i] = rand_below(&rng, 2);
	rl_myers_opts o = RL_MYERS_OPTS_INIT;
	rl_myers_stats st;
	asker never = {0, 0}, first = {0, 1};
	rl_cancel c = {ask, &never};
	o.cancel = &c;
	cr_assert_eq(rl_myers(a, N, b, N, 2, &o, ca, cb, &st), RL_OK);
	cr_assert_gt(never.calls, 10, "asked only %d times in a long comparison", never.calls);
	o.cancel = NULL;
	cr_assert_eq(rl_myers(a, N, b, N, 2, &o, ca2, cb2, &st), RL_OK);
	cr_assert(memcmp(ca, ca2, N) == 0 && memcmp(cb, cb2, N) == 0, "asking changed the script");
	c.ctx = &first;
	o.cancel = &c;
	cr_assert_eq(rl_myers(a, N, b, N, 2, &o, ca, cb, &st), RL_ECANCELED);
	cr_assert_eq(first.calls, 1, "went on after the answer: %d questions", first.calls);
	free(a), free(b), free(ca), free(cb), free(ca2), free(cb2);
}

Test(myers, the_bound_is_counted_when_it_cuts)
{
	uint32_t a[200], b[200];
	uint64_t rng = 7;
	for (int i = 0; i < 200; i++)
		a[i] = rand_below(&rng, 4), b[i] = rand_below(&rng, 4);
	rl_myers_opts o = {.minimal = false, .anchors = false, .max_cost = 2};
	rl_myers_stats st;
	uint8_t ca[200], cb[200];
	cr_assert_eq(rl_myers(a, 200, b, 200, 4, &o, ca, cb, &st), RL_OK);
	cr_assert_gt(st.bound_hits, 0);
	o.minimal = true;
	cr_assert_eq(rl_myers(a, 200, b, 200, 4, &o, ca, cb, &st), RL_OK);
	cr_assert_eq(st.bound_hits, 0, "--minimal never takes the bound");
}

/* Long random texts over a tiny alphabet are the worst case of the cost bound (each bounded
 * search costs its bound squared); the work budget makes the rest greedy. The script stays valid
 * and every search cut short is counted. (The time it saves is measured, not asserted: see the
 * README's Safety section.) */
Test(myers, the_work_budget_keeps_scripts_valid)
{
	enum { N = 20000 };
	uint32_t *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b);
	uint64_t rng = 11;
	for (int i = 0; i < N; i++)
		a[i] = rand_below(&rng, 2), b[i] = rand_below(&rng, 2);
	rl_myers_opts o = RL_MYERS_OPTS_INIT;
	o.max_work = 1000;
	rl_myers_stats st;
	uint8_t *ca = malloc(N), *cb = malloc(N);
	cr_assert_eq(rl_myers(a, N, b, N, 2, &o, ca, cb, &st), RL_OK);
	size_t greedy = diff_checked(a, N, b, N, 2, o, "budget of 1000");
	cr_assert_gt(st.bound_hits, 100, "a greedy walk splits many times: %zu", st.bound_hits);
	o.max_work = 0;
	size_t normal = diff_checked(a, N, b, N, 2, o, "automatic budget");
	cr_assert_leq(normal, greedy, "the automatic budget is never worse than greedy");
	cr_assert_leq(greedy, (size_t)N * 2);
	free(ca);
	free(cb);
	free(a);
	free(b);
}

Test(myers, anchors_cut_large_inputs)
{
	/* Unique ids shared in order are anchors; the script stays valid. */
	enum { N = 5000 };
	uint32_t *a = malloc(N * sizeof *a), *b = malloc(N * sizeof *b);
	for (uint32_t i = 0; i < N; i++) {
		a[i] = i % 7 == 0 ? 100 + i : i % 5;
		b[i] = i % 11 == 3 ? 3 : a[i];
	}
	rl_myers_opts o = RL_MYERS_OPTS_INIT;
	rl_myers_stats st;
	uint8_t *ca = malloc(N), *cb = malloc(N);
	cr_assert_eq(rl_myers(a, N, b, N, 100 + N, &o, ca, cb, &st), RL_OK);
	cr_assert_gt(st.anchors, 0);
	diff_checked(a, N, b, N, 100 + N, o, "anchored");
	free(a);
	free(b);
	free(ca);
	free(cb);
}

/* A stray anchor: an id found once on each side, at the head of OLD (a word of a deleted
 * sentence) and at the tail of NEW (the same word in a sentence inserted far away), with no
 * neighbour matching. Cut there, the 1,200 shared ids in between would all be lost; ignored,
 * they are all kept. */
Test(myers, a_stray_unique_id_is_no_anchor)
{
	enum { S = 1200 };
	uint32_t *a = malloc((S + 1) * sizeof *a), *b = malloc((S + 1) * sizeof *b);
	a[0] = 999;
	for (uint32_t i = 0; i < S; i++)
		a[1 + i] = b[i] = i % 50;  /* every id 24 times on each side: none unique */
	b[S] = 999;
	rl_myers_opts o = RL_MYERS_OPTS_INIT;
	uint8_t *ca = malloc(S + 1), *cb = malloc(S + 1);
	cr_assert_eq(rl_myers(a, S + 1, b, S + 1, 1000, &o, ca, cb, NULL), RL_OK);
	size_t kept = 0;
	for (size_t i = 0; i <= S; i++)
		kept += !ca[i];
	cr_assert_eq(kept, S, "kept %zu of %d", kept, S);
	diff_checked(a, S + 1, b, S + 1, 1000, o, "stray");
	free(a);
	free(b);
	free(ca);
	free(cb);
}

/* One id unique in the whole input (the middle); every other id occurs once in each half, so
 * only the halves have anchors of their own; every seventh id of NEW is replaced. */
enum { H = 700, N = 2 * H + 1 };
static void two_halves(uint32_t **a, uint32_t **b)
{
	*a = malloc(N * sizeof **a), *b = malloc(N * sizeof **b);
	for (uint32_t i = 0; i < H; i++)
		(*a)[i] = (*a)[H + 1 + i] = i;
	(*a)[H] = 5000;
	for (uint32_t i = 0; i < N; i++)
		(*b)[i] = i % 7 == 3 && i != H ? 6000 + i : (*a)[i];
}

Test(myers, large_pieces_are_cut_again_at_their_own_anchors)
{
	/* The cut must go on inside the halves. */
	uint32_t *a, *b;
	two_halves(&a, &b);
	rl_myers_opts o = RL_MYERS_OPTS_INIT;
	rl_myers_stats st;
	uint8_t *ca = malloc(N), *cb = malloc(N);
	cr_assert_eq(rl_myers(a, N, b, N, 6000 + N, &o, ca, cb, &st), RL_OK);
	cr_assert_gt(st.anchors, H, "only %zu anchors", st.anchors);
	size_t d = diff_checked(a, N, b, N, 6000 + N, o, "cut again");
	cr_assert_eq(d, 2 * (size_t)(N / 7), "each swapped id costs two edits, nothing more");
	free(a);
	free(b);
	free(ca);
	free(cb);
}

/* A text whose every paragraph recurs (make bench's long rows are copies of one 15 MB text): OLD
 * is one passage C times, NEW the same C copies, copy r with the ids i % (C + 1) == r replaced by
 * new ones. No id occurs once on a side; the ids kept in every copy occur C times on each side,
 * and the r-th occurrence paired with the r-th cuts the input into the copies: the script is the
 * shortest one, with no bound hit. (Without those anchors the search passed its cost bound.) */
static void recurring(uint32_t copies, uint32_t len)
{
	uint32_t n = copies * len;
	uint32_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
	for (uint32_t r = 0; r < copies; r++)
		for (uint32_t i = 0; i < len; i++) {
			a[r * len + i] = i;
			b[r * len + i] = i % (copies + 1) == r ? len * (r + 1) + i : i;
		}
	size_t nids = (size_t)len * (copies + 1);
	rl_myers_opts o = RL_MYERS_OPTS_INIT;
	rl_myers_stats st;
	uint8_t *ca = malloc(n), *cb = malloc(n);
	cr_assert_eq(rl_myers(a, n, b, n, nids, &o, ca, cb, &st), RL_OK);
	cr_assert_gt(st.anchors, 0, "%u copies", copies);
	cr_assert_eq(st.bound_hits, 0, "%u copies: %zu bound hits", copies, st.bound_hits);
	size_t d = diff_checked(a, n, b, n, nids, o, "recurring");
	cr_assert_eq(d, 2 * (size_t)n - 2 * lcs(a, n, b, n), "%u copies: shortest script", copies);
	free(a);
	free(b);
	free(ca);
	free(cb);
}

Test(myers, ids_found_as_often_on_each_side_anchor_a_text_that_recurs, .timeout = 300)
{
	recurring(2, 2000);
	recurring(7, 900);
}

Test(myers, the_work_is_reported_and_anchor_passes_count_against_the_budget)
{
	/* Cut at anchors two levels deep, each level counting its piece. */
	uint32_t *a, *b;
	two_halves(&a, &b);
	rl_myers_opts o = RL_MYERS_OPTS_INIT;
	rl_myers_stats st;
	uint8_t *ca = malloc(N), *cb = malloc(N);
	cr_assert_eq(rl_myers(a, N, b, N, 6000 + N, &o, ca, cb, &st), RL_OK);
	/* The whole input and its two halves were each counted once at least. */
	cr_assert_geq(st.work, 2 * (uint64_t)2 * N, "work %llu", (unsigned long long)st.work);
	/* With a budget already spent by the first pass, no piece is cut at anchors (each cut would
	 * count its piece again), and the script is still valid. */
	o.max_work = 1;
	cr_assert_eq(rl_myers(a, N, b, N, 6000 + N, &o, ca, cb, &st), RL_OK);
	cr_assert_eq(st.anchors, 0, "%zu anchors past the budget", st.anchors);
	diff_checked(a, N, b, N, 6000 + N, o, "past the budget");
	free(a);
	free(b);
	free(ca);
	free(cb);
}

/* ---- the peer vectors (../shared/peers/vectors/min_distance_vectors.tsv), when present */

typedef struct dict {
	char **words;
	size_t n, cap;
} dict;

static uint32_t dict_id(dict *d, const char *w)
{
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->words[i], w) == 0)
			return (uint32_t)i;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->words = realloc(d->words, d->cap * sizeof *d->words);
	}
	d->words[d->n] = strdup(w);
	return (uint32_t)d->n++;
}

static size_t parse_tokens(dict *d, char *field, uint32_t *out, size_t max)
{
	size_t n = 0;
	for (char *save, *w = strtok_r(field, " ", &save); w && n < max; w = strtok_r(NULL, " ", &save))
		out[n++] = dict_id(d, w);
	return n;
}

Test(myers, peer_vectors_minimal_distance)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/peers/vectors/min_distance_vectors.tsv", SHARED_DIR);
	FILE *fp = fopen(path, "r");
	if (!fp)
		cr_skip_test("no peer vectors at %s", path);
	static char line[1 << 20];
	static uint32_t a[1 << 16], b[1 << 16];
	size_t cases = 0;
	while (fgets(line, sizeof line, fp)) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		char *f[4] = {line, NULL, NULL, NULL};
		for (int k = 1; k < 4; k++) {
			f[k] = strchr(f[k - 1], '\t');
			cr_assert_not_null(f[k], "malformed line");
			*f[k]++ = '\0';
		}
		dict d = {0};
		size_t n = parse_tokens(&d, f[1], a, 1 << 16), m = parse_tokens(&d, f[2], b, 1 << 16);
		size_t want = strtoul(f[3], NULL, 10);
		cr_assert_eq(diff_checked(a, n, b, m, d.n + 1, minimal, f[0]), want, "%s", f[0]);
		rl_myers_opts def = RL_MYERS_OPTS_INIT;
		diff_checked(a, n, b, m, d.n + 1, def, f[0]);
		for (size_t i = 0; i < d.n; i++)
			free(d.words[i]);
		free(d.words);
		cases++;
	}
	fclose(fp);
	cr_assert_gt(cases, 300, "read %zu vectors", cases);
}

/* Issue 13 (stop 30): the arrays of a call come in two blocks (the counts, and the sequences,
 * diagonals, anchors' piles and marks cut from one more). Every shape of call keeps them apart:
 * sides of unequal lengths, ids sparse in a range far larger than the tokens (the per-id arrays
 * longer than the rest), with anchors and without; minimal scripts as short as the oracle's. */
Test(myers, the_arrays_cut_from_one_block_keep_apart_in_every_shape)
{
	uint64_t rng = 0x5EED0030ULL;
	uint32_t a[90], b[90];
	const rl_myers_opts anchored = {false, true, 0, 0, NULL, 0};
	for (int round = 0; round < 600; round++) {
		size_t n = rand_below(&rng, 90), m = rand_below(&rng, 90);
		uint32_t alpha = 2 + rand_below(&rng, 12), spread = round % 2 ? 100003 : 1;
		for (size_t i = 0; i < n; i++)
			a[i] = rand_below(&rng, alpha) * spread % 200000;
		for (size_t j = 0; j < m; j++)
			b[j] = (j < n && rand_below(&rng, 3) ? a[j] : rand_below(&rng, alpha) * spread) %
			       200000;
		char what[64];
		snprintf(what, sizeof what, "round %d (%zu, %zu)", round, n, m);
		size_t best = n + m - 2 * lcs(a, n, b, m);
		cr_assert_eq(diff_checked(a, n, b, m, 200000, minimal, what), best, "%s", what);
		cr_assert_geq(diff_checked(a, n, b, m, 200000, anchored, what), best, "%s", what);
	}
}
