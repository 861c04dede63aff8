/* inproc.c: a Criterion suite's tests run by one process, each test in a fork of it.
 *
 * Why: under valgrind (the valgrind_* ctest entries), Criterion 2.4.1 starts every test by
 * executing the suite again (BoxFort), and each execution is a fresh valgrind: about 1 s of CPU
 * to start, some 700 s of phase one's 944 s of valgrind CPU (doc/testing.md, stop 31). A fork of
 * a process already running under valgrind starts nothing again: memcheck goes on in the child,
 * which writes a log of its own (scripts/valgrind.sh, %p) and checks its leaks when it exits.
 * So every test is still a process of its own: a crash, a leak or a memory error is that test's.
 *
 * How: the suite's own object files are linked again with this file instead of libcriterion
 * (tests/CMakeLists.txt). The Test() macro puts a pointer to each test in the section cr_tst
 * (TestSuite() to each suite in cr_sts), and its trampoline and the cr_assert and cr_expect
 * macros call the few functions defined here. Parameterized tests and theories are refused, not
 * skipped: no suite run this way has one.
 *
 *   SUITE_inproc [--filter GLOB]   GLOB (fnmatch) against "suite/name"; exit 1 if a test failed
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <fnmatch.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

/* The linker's bounds of the two sections; weak: a suite without TestSuite() has no cr_sts. */
extern struct criterion_test *__start_cr_tst[] __attribute__((weak));
extern struct criterion_test *__stop_cr_tst[] __attribute__((weak));
extern struct criterion_suite *__start_cr_sts[] __attribute__((weak));
extern struct criterion_suite *__stop_cr_sts[] __attribute__((weak));

/* Read by the assertion macros (full_stats: false, report failed assertions only). */
struct criterion_options criterion_options;

enum { EXIT_SKIPPED = 77 };  /* a child's status for cr_skip_test */

/* The test running in this process (a child), and where a fatal assertion lands. */
static const struct criterion_test *current;
static const struct criterion_suite *current_suite;
static jmp_buf after_assert;
static int failed;

static void nothing(void) {}

void cri_asserts_passed_incr(void) {}

void criterion_continue_test(void) {}

void criterion_abort_test(void)
{
	longjmp(after_assert, 1);
}

void criterion_skip_test(const char *format, ...)
{
	va_list ap;
	va_start(ap, format);
	fprintf(stderr, "[SKIP] %s/%s: ", current->category, current->name);
	vfprintf(stderr, format, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(EXIT_SKIPPED);
}

void criterion_test_die(const char *msg, ...)
{
	va_list ap;
	va_start(ap, msg);
	vfprintf(stderr, msg, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

void criterion_send_assert(struct criterion_assert_stats *stats)
{
	if (stats->passed)
		return;
	failed = 1;
	fprintf(stderr, "%s:%u: Assertion failed: %s\n", stats->file, stats->line,
		stats->message ? stats->message : "");
}

int cr_vasprintf(char **strp, const char *fmt, va_list ap)
{
	return vasprintf(strp, fmt, ap);
}

int cr_asprintf(char **strp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vasprintf(strp, fmt, ap);
	va_end(ap);
	if (n < 0)
		*strp = NULL;
	return n;
}

void cr_asprintf_free(char *buf)
{
	free(buf);
}

void cr_log(enum criterion_severity severity, const char *msg, ...)
{
	static const char *const tag[] = {"[----]", "[WARN]", "[ERR ]"};
	va_list ap;
	va_start(ap, msg);
	fprintf(stderr, "%s ", tag[severity <= CR_LOG_ERROR ? severity : CR_LOG_ERROR]);
	vfprintf(stderr, msg, ap);
	fputc('\n', stderr);
	va_end(ap);
}

/* The default message of a failed assertion, with the arguments the macros pass for each kind. */
char *cr_translate_assert_msg(int msg_index, ...)
{
	static const char *const fmt[] = {
		[CRITERION_ASSERT_MSG_FAIL] = "The conditions for this assertion were not met.",
		[CRITERION_ASSERT_MSG_EXPR_FALSE] = "The expression %s is false.",
		[CRITERION_ASSERT_MSG_EXPR_AS_STRINGS_FALSE] =
			"The expression (as strings) %s is false: actual=`%s` expected=`%s`.",
		[CRITERION_ASSERT_MSG_IS_NULL] = "%s is null.",
		[CRITERION_ASSERT_MSG_IS_NOT_NULL] = "%s is not null.",
		[CRITERION_ASSERT_MSG_IS_EMPTY] = "%s is empty.",
		[CRITERION_ASSERT_MSG_IS_NOT_EMPTY] = "%s is not empty.",
	};
	char *out = NULL;
	va_list ap;
	va_start(ap, msg_index);
	if (msg_index >= 0 && (size_t)msg_index < sizeof fmt / sizeof *fmt && fmt[msg_index]) {
		if (vasprintf(&out, fmt[msg_index], ap) < 0)
			out = NULL;
	} else if (asprintf(&out, "Assertion of kind %d failed.", msg_index) < 0) {
		out = NULL;
	}
	va_end(ap);
	return out;
}

/* The trampoline of Test(): setup, main, teardown. A fatal assertion in the fixtures or in the
 * test jumps back here; the teardown still runs after a failed test, as Criterion's does. */
void criterion_internal_test_setup(void)
{
	const struct criterion_test_extra_data *sd = current_suite ? current_suite->data : NULL;
	if (setjmp(after_assert))
		exit(1);  /* a fixture failed: the test did not run */
	((sd && sd->init) ? sd->init : nothing)();
	(current->data->init ? current->data->init : nothing)();
}

void criterion_internal_test_main(void (*fn)(void))
{
	if (!setjmp(after_assert))
		fn();
	else
		failed = 1;
}

void criterion_internal_test_teardown(void)
{
	const struct criterion_test_extra_data *sd = current_suite ? current_suite->data : NULL;
	if (!setjmp(after_assert)) {
		(current->data->fini ? current->data->fini : nothing)();
		((sd && sd->fini) ? sd->fini : nothing)();
	} else {
		failed = 1;
	}
}

static const struct criterion_suite *suite_of(const struct criterion_test *t)
{
	if (!__start_cr_sts)
		return NULL;
	for (struct criterion_suite **s = __start_cr_sts; s < __stop_cr_sts; s++)
		if (*s && strcmp((*s)->name, t->category) == 0)
			return *s;
	return NULL;
}

/* In the child: the test, then its verdict as the exit status. .timeout is counted in seconds
 * of the process's CPU (SIGPROF), not of real time as Criterion's runner counts it: the same
 * bound against a test that spins, but one that the load of a shared machine cannot trip (a
 * 240 s limit fell on a test that takes 90 s under memcheck at a load of 26). */
static void run_child(const struct criterion_test *t)
{
	current = t;
	current_suite = suite_of(t);
	if (t->data->timeout > 0) {
		struct itimerval limit = {.it_value = {.tv_sec = (time_t)t->data->timeout + 1}};
		setitimer(ITIMER_PROF, &limit, NULL);
	}
	t->test();
	exit(failed ? 1 : 0);
}

/* How a child ended, against what the test expects (.exit_code, .signal): 0 passed, 1 failed,
 * 2 skipped. */
static int verdict(const struct criterion_test *t, int status)
{
	const struct criterion_test_extra_data *d = t->data;
	if (WIFSIGNALED(status)) {
		if (WTERMSIG(status) == d->signal && d->signal != 0)
			return 0;
		int sig = WTERMSIG(status);
		fprintf(stderr, "%s/%s: killed by signal %d%s\n", t->category, t->name, sig,
			sig == SIGPROF ? " (past its .timeout, in seconds of CPU)" : "");
		return 1;
	}
	int code = WEXITSTATUS(status);
	if (d->signal != 0) {
		fprintf(stderr, "%s/%s: exited %d, expected signal %d\n", t->category, t->name,
			code, d->signal);
		return 1;
	}
	if (code == EXIT_SKIPPED && d->exit_code != EXIT_SKIPPED)
		return 2;
	if (code != d->exit_code)
		fprintf(stderr, "%s/%s: exited %d\n", t->category, t->name, code);
	return code != d->exit_code;
}

/* One test in a child process: 0 passed, 1 failed, 2 skipped. */
static int run_one(const struct criterion_test *t)
{
	if (t->data->kind_ != CR_TEST_NORMAL || t->data->param_) {
		fprintf(stderr, "%s/%s: parameterized, not run by tests/inproc.c\n", t->category,
			t->name);
		return 1;
	}
	if (t->data->disabled || (suite_of(t) && suite_of(t)->data->disabled))
		return 2;
	fflush(NULL);  /* nothing buffered twice */
	pid_t pid = fork();
	if (pid < 0) {
		perror("fork");
		return 1;
	}
	if (pid == 0)
		run_child(t);
	int status;
	if (waitpid(pid, &status, 0) < 0) {
		perror("waitpid");
		return 1;
	}
	return verdict(t, status);
}

int main(int argc, char **argv)
{
	const char *filter = (argc == 3 && strcmp(argv[1], "--filter") == 0) ? argv[2] : NULL;
	if (argc != 1 && !filter) {
		fprintf(stderr, "usage: %s [--filter GLOB]\n", argv[0]);
		return 2;
	}
	static const char *const word[] = {"PASS", "FAIL", "SKIP"};
	int count[3] = {0, 0, 0};
	for (struct criterion_test **p = __start_cr_tst; p && p < __stop_cr_tst; p++) {
		const struct criterion_test *t = *p;
		char id[512];
		if (!t)
			continue;
		snprintf(id, sizeof id, "%s/%s", t->category, t->name);
		if (filter && fnmatch(filter, id, 0) != 0)
			continue;
		int v = run_one(t);
		count[v]++;
		fprintf(stderr, "[%s] %s\n", word[v], id);
	}
	fprintf(stderr, "[====] Synthesis: Tested: %d | Passing: %d | Failing: %d | Skipped: %d\n",
		count[0] + count[1], count[0], count[1], count[2]);
	return count[1] > 0 || count[0] + count[1] + count[2] == 0;
}
