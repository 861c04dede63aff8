/* cli_examples.h: the examples test_cli and test_print_cli compare, and one run of the real
 * binary on them (a hang bound, not a speed: run.c waits at least 300 s). */
#ifndef REDLINE_TEST_CLI_EXAMPLES_H
#define REDLINE_TEST_CLI_EXAMPLES_H

#include <string.h>

#include "run.h"

#define ORIGINAL "examples/lighthouse-1-original.txt"
#define SPUN "examples/lighthouse-2-spun.txt"
#define SUMMARY "examples/lighthouse-3-summary.txt"
#define README1 "tests/documents/readme-v1.md"
#define README2 "tests/documents/readme-v2.md"
#define REWRITE "examples/lighthouse-4-rewrite.txt"

#define RUN(r, ...) run_redline((r), (const char *const[]){"redline", __VA_ARGS__, NULL}, NULL, 0, NULL, 20)
/* RUN with `in` (NUL-terminated) on standard input. */
#define RUN_IN(r, in, ...)                                                                        \
	run_redline((r), (const char *const[]){"redline", __VA_ARGS__, NULL}, (in), strlen(in), NULL, 20)

#endif
