/* expect.h: checks on a captured run (run.h) that the end-to-end tests share. */
#ifndef REDLINE_TEST_EXPECT_H
#define REDLINE_TEST_EXPECT_H

#include <criterion/criterion.h>
#include <string.h>

#include "run.h"

/* needle is in standard output (shown whole when it is not). */
static inline void out_has(const run_result *r, const char *needle)
{
	cr_assert_not_null(strstr(r->out, needle), "%s", r->out);
}

#endif
