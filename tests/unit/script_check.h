/* script_check.h: assertions on the script of two strings (ops_text.h's one line of text), for
 * the tests that diff a pair and check what the script says or does not say. */
#ifndef REDLINE_TEST_SCRIPT_CHECK_H
#define REDLINE_TEST_SCRIPT_CHECK_H

#include <criterion/criterion.h>

#include "ops_text.h"

/* The default options with the stages `off` (RL_STAGE_*) switched off. One copy for all calls:
 * use it in the call it is made for. */
static inline const rl_diff_opts *without(unsigned off)
{
	static rl_diff_opts o;
	o = (rl_diff_opts)RL_DIFF_OPTS_INIT;
	o.stages &= ~off;
	return &o;
}

/* The script of a against b under opts (NULL: the defaults) is `want`. */
static inline void script_is(const char *a, const char *b, const rl_diff_opts *opts,
                             const char *want)
{
	char *got = diff_text(a, b, opts);
	cr_assert_str_eq(got, want, "%s", got);
	free(got);
}

/* The script of a against b under opts (NULL: the defaults) holds `needle`. */
static inline void script_has(const char *a, const char *b, const rl_diff_opts *opts,
                              const char *needle)
{
	char *got = diff_text(a, b, opts);
	cr_assert_not_null(strstr(got, needle), "%s", got);
	free(got);
}

/* The script of a against b under opts (NULL: the defaults) does not hold `needle`. */
static inline void script_lacks(const char *a, const char *b, const rl_diff_opts *opts,
                                const char *needle)
{
	char *got = diff_text(a, b, opts);
	cr_assert_null(strstr(got, needle), "%s", got);
	free(got);
}

/* Occurrences of needle in hay. */
static inline int count_in(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* The script of a against b under opts (NULL: the defaults) holds `needle` n times. */
static inline void script_count(const char *a, const char *b, const rl_diff_opts *opts,
                                const char *needle, int n)
{
	char *got = diff_text(a, b, opts);
	cr_assert_eq(count_in(got, needle), n, "%s", got);
	free(got);
}

#endif
