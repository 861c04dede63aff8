/* Tests for ctx.c's shared work budget: the diffs of ranges that the stages ask for (moves
 * verified and realigned, regions, passages) draw on one budget, linear in the texts, besides the
 * whole diff's own; past it they stay valid and cost little. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pipeline.h"
#include "status.h"

/* Words drawn from "a" and "b" only: every word common, no anchor, short matching runs (the
 * exact engine's worst case). */
static char *two_words(uint64_t seed, size_t words)
{
	char *t = malloc(2 * words + 1);
	cr_assert_not_null(t);
	for (size_t i = 0; i < words; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		t[2 * i] = (seed >> 33) & 1 ? 'a' : 'b';
		t[2 * i + 1] = ' ';
	}
	t[2 * words] = '\0';
	return t;
}

/* The ops tile [a0, a1) and [b0, b1) in order. */
static void assert_tiles(const rl_opvec *ops, size_t first, uint32_t a0, uint32_t a1, uint32_t b0,
                         uint32_t b1)
{
	for (size_t k = first; k < ops->n; k++) {
		cr_assert_eq(ops->v[k].a0, a0);
		cr_assert_eq(ops->v[k].b0, b0);
		a0 = ops->v[k].a1, b0 = ops->v[k].b1;
	}
	cr_assert_eq(a0, a1);
	cr_assert_eq(b0, b1);
}

Test(stage, diffs_of_ranges_share_one_budget, .timeout = 600)
{
	char *a = two_words(1, 20000), *b = two_words(2, 20000);
	rl_tokens *ta, *tb;
	rl_ctx c;
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	cr_assert_eq(rl_tokenize(&ta, a, strlen(a)), RL_OK);
	cr_assert_eq(rl_tokenize(&tb, b, strlen(b)), RL_OK);
	cr_assert_eq(rl_pipeline_ctx(&c, ta, tb, &o), RL_OK);
	uint32_t na = c.side[0].n, nb = c.side[1].n;
	uint64_t budget = c.rediff_work;
	cr_assert_gt(budget, 16 * (uint64_t)(na + nb), "a budget linear in the texts");

	/* The whole diff has its own budget. */
	rl_opvec ops = {0};
	cr_assert_eq(rl_ctx_exact(&c, 0, na, 0, nb, &ops), RL_OK);
	assert_tiles(&ops, 0, 0, na, 0, nb);
	cr_assert_eq(c.rediff_work, budget);

	/* The same hard range again and again, as a stage re-diffing without end would: each diff
	 * spends from the shared budget until none is left... */
	int calls = 0;
	while (c.rediff_work > 0 && calls < 10000) {
		size_t first = ops.n;
		cr_assert_eq(rl_ctx_exact(&c, 2, na - 2, 2, nb - 2, &ops), RL_OK);
		assert_tiles(&ops, first, 2, na - 2, 2, nb - 2);
		calls++;
	}
	cr_assert_eq(c.rediff_work, 0, "still %llu after %d diffs",
	             (unsigned long long)c.rediff_work, calls);
	/* ...and past it a diff is still a valid script, its searches cut short (counted). */
	size_t hits = c.bound_hits, first = ops.n;
	cr_assert_eq(rl_ctx_exact(&c, 2, na - 2, 2, nb - 2, &ops), RL_OK);
	assert_tiles(&ops, first, 2, na - 2, 2, nb - 2);
	cr_assert_gt(c.bound_hits, hits);

	rl_opvec_free(&ops);
	rl_ctx_release(&c);
	rl_tokens_free(ta);
	rl_tokens_free(tb);
	free(a);
	free(b);
}
