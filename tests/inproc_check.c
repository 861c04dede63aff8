/* inproc_check.c: tests/inproc.c's own check, linked with it (not with Criterion).
 * Suites good and signal must pass; each test of suite planted must fail, alone (--filter), and
 * planted/leak and planted/invalid_read only under valgrind (tests/CMakeLists.txt, inproc_*). */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int suite_ready, test_ready;

static void suite_init(void)
{
	suite_ready = 1;
}

static void test_init(void)
{
	test_ready = 1;
}

static void says_fini_ran(void)
{
	fprintf(stderr, "fini ran\n");
}

TestSuite(good, .init = suite_init);

Test(good, passes_with_its_fixtures, .init = test_init)
{
	cr_assert(suite_ready && test_ready);
	cr_expect_eq(1 + 1, 2);
}

Test(good, skips)
{
	cr_skip_test("skipped on purpose");
	cr_assert_fail("not reached");
}

Test(good, exits_as_expected, .exit_code = 3)
{
	exit(3);
}

Test(good, off, .disabled = true)
{
	cr_assert_fail("a disabled test is not run");
}

/* Apart from good: valgrind reports a process killed by a signal in its log. */
Test(signal, raised_as_expected, .signal = SIGABRT)
{
	abort();
}

Test(planted, assertion)
{
	cr_assert_eq(1 + 1, 3, "planted");
}

Test(planted, expectation)
{
	cr_expect_str_eq("one", "two");
}

Test(planted, crash)
{
	raise(SIGSEGV);
}

Test(planted, exit)
{
	exit(2);
}

Test(planted, no_signal, .signal = SIGABRT) {}

Test(planted, spins, .timeout = 1)
{
	for (volatile unsigned long i = 0;; i++)
		continue;
}

Test(planted, assertion_then_fini, .fini = says_fini_ran)
{
	cr_assert(0);
}

Test(planted, leak)
{
	char *lost = malloc(64);
	cr_assert_not_null(lost);
	strcpy(lost, "never freed");
	lost = NULL;
}

Test(planted, invalid_read)
{
	char *p = malloc(8);
	cr_assert_not_null(p);
	memset(p, 'x', 8);
	volatile size_t at = 8;  /* one past the end, unseen by the compiler's bounds warning */
	volatile char past = p[at];
	(void)past;
	free(p);
}
