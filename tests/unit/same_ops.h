/* same_ops.h: two alignments the same, op for op and in their counts: the windows' tests
 * (test_window.c, test_window_para.c) compare a comparison on windows with the whole texts'.
 * Include after criterion/criterion.h. */
#ifndef REDLINE_TEST_SAME_OPS_H
#define REDLINE_TEST_SAME_OPS_H

#include <string.h>

#include "align.h"

static inline void expect_same(const rl_alignment *x, const rl_alignment *y)
{
	size_t nx, ny;
	const rl_op *ox = rl_alignment_ops(x, &nx), *oy = rl_alignment_ops(y, &ny);
	cr_assert_eq(nx, ny, "%zu ops with windows, %zu without", nx, ny);
	for (size_t k = 0; k < nx; k++)
		cr_assert(ox[k].a0 == oy[k].a0 && ox[k].a1 == oy[k].a1 && ox[k].b0 == oy[k].b0 &&
		          ox[k].b1 == oy[k].b1 && ox[k].kind == oy[k].kind &&
		          ox[k].move == oy[k].move && ox[k].quote == oy[k].quote,
		          "op %zu: %s [%u,%u)x[%u,%u) against %s [%u,%u)x[%u,%u)", k,
		          rl_kind_name(ox[k].kind), ox[k].a0, ox[k].a1, ox[k].b0, ox[k].b1,
		          rl_kind_name(oy[k].kind), oy[k].a0, oy[k].a1, oy[k].b0, oy[k].b1);
	const rl_stats *sx = rl_alignment_stats(x), *sy = rl_alignment_stats(y);
	cr_assert_eq(sx->words[0], sy->words[0]);
	cr_assert_eq(sx->words[1], sy->words[1]);
	cr_assert_eq(sx->kept, sy->kept);
	cr_assert_eq(sx->kept_new, sy->kept_new);
	cr_assert_eq(sx->deleted, sy->deleted);
	cr_assert_eq(sx->inserted, sy->inserted);
	cr_assert_eq(sx->replaced[0], sy->replaced[0]);
	cr_assert_eq(sx->replaced[1], sy->replaced[1]);
	cr_assert(memcmp(sx->ops, sy->ops, sizeof sx->ops) == 0);
	cr_assert(memcmp(sx->quote_ops, sy->quote_ops, sizeof sx->quote_ops) == 0);
}

#endif
