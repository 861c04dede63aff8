/* run.h: running the real redline binary from a test, with a timeout. */
#ifndef REDLINE_TEST_RUN_H
#define REDLINE_TEST_RUN_H

#include <stddef.h>

typedef struct run_result {
	char *out, *err;    /* captured stdout and stderr, NUL-terminated (owned) */
	size_t out_len, err_len;
	int status;         /* exit status, or 128 + signal when killed */
	int timed_out;
	double cpu;         /* the CPU time (user + system) the program used, in seconds */
	long maxrss_kib;    /* its peak resident memory (wait4's ru_maxrss), KiB */
} run_result;

/* Run argv (argv[0] is replaced by the redline binary) with stdin fed from `in` (NULL: empty),
 * extra environment entries env ("NAME=value", NULL-terminated, may be NULL), in the project's
 * source directory. Kills it after timeout_s seconds, or 300 if that is more: a hang bound, never
 * a speed (test a speed with `cpu`). */
void run_redline(run_result *r, const char *const *argv, const char *in, size_t in_len,
                 const char *const *env, int timeout_s);
/* Run any program (found on PATH when argv[0] has no slash) in directory cwd, otherwise as
 * run_redline. An env entry without "=" removes that variable. */
void run_program(run_result *r, const char *const *argv, const char *cwd, const char *in,
                 size_t in_len, const char *const *env, int timeout_s);
void run_free(run_result *r);

/* A growing byte buffer, NUL-terminated after its n bytes (what a run prints; a text a test
 * builds). Aborts when memory runs out. Free v. */
typedef struct run_buf {
	char *v;
	size_t n, cap;
} run_buf;
void run_buf_add(run_buf *b, const char *p, size_t n);

#endif
