/* run.c: spawn, feed, capture, time out. */
#include "run.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

void run_buf_add(run_buf *b, const char *p, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->v = realloc(b->v, b->cap);
		if (!b->v)
			abort();
	}
	memcpy(b->v + b->n, p, n);
	b->n += n;
	b->v[b->n] = '\0';
}

/* The environment with extra "NAME=value" entries replacing or adding to it, and "NAME" entries
 * removing it. The extra entries are owned copies at the end of the array, from *owned on; free
 * them with free_env. */
static char **make_env(const char *const *extra, size_t *owned)
{
	size_t n = 0, k = 0, m = 0;
	while (environ[n])
		n++;
	while (extra && extra[m])
		m++;
	char **env = calloc(n + m + 1, sizeof *env);
	for (size_t i = 0; i < n; i++) {
		bool overridden = false;
		for (size_t j = 0; j < m; j++) {
			size_t eq = strcspn(extra[j], "=");
			if (strncmp(environ[i], extra[j], eq) == 0 && environ[i][eq] == '=')
				overridden = true;
		}
		if (!overridden)
			env[k++] = environ[i];
	}
	*owned = k;
	for (size_t j = 0; j < m; j++)
		if (strchr(extra[j], '='))
			env[k++] = strdup(extra[j]);
	return env;
}

static void free_env(char **env, size_t owned)
{
	for (size_t i = owned; env[i]; i++)
		free(env[i]);
	free(env);
}

#define RUN_HANG_MIN_S 300

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void run_redline(run_result *r, const char *const *argv, const char *in, size_t in_len,
                 const char *const *env, int timeout_s)
{
	size_t argc = 0;
	while (argv[argc])
		argc++;
	const char **args = calloc(argc + 1, sizeof *args);
	args[0] = REDLINE_BIN;
	for (size_t i = 1; i < argc; i++)
		args[i] = argv[i];
	run_program(r, args, SOURCE_DIR, in, in_len, env, timeout_s);
	free(args);
}

void run_program(run_result *r, const char *const *argv, const char *cwd, const char *in,
                 size_t in_len, const char *const *env, int timeout_s)
{
	int pin[2], pout[2], perr[2];
	posix_spawn_file_actions_t fa;
	size_t argc = 0;

	memset(r, 0, sizeof *r);
	signal(SIGPIPE, SIG_IGN);  /* the child may stop reading early */
	while (argv[argc])
		argc++;
	char **args = calloc(argc + 1, sizeof *args);
	for (size_t i = 0; i < argc; i++)
		args[i] = strdup(argv[i]);

	if (pipe(pin) || pipe(pout) || pipe(perr))
		abort();
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, pin[0], 0);
	posix_spawn_file_actions_adddup2(&fa, pout[1], 1);
	posix_spawn_file_actions_adddup2(&fa, perr[1], 2);
	posix_spawn_file_actions_addclose(&fa, pin[1]);
	posix_spawn_file_actions_addclose(&fa, pout[0]);
	posix_spawn_file_actions_addclose(&fa, perr[0]);
	size_t owned;
	char **envp = make_env(env, &owned);
	pid_t pid;
	/* posix_spawnp searches the caller's PATH: the child's PATH from env applies only inside it. */
	if (chdir(cwd) != 0 || posix_spawnp(&pid, args[0], &fa, NULL, args, envp) != 0)
		abort();
	posix_spawn_file_actions_destroy(&fa);
	free_env(envp, owned);
	for (size_t i = 0; i < argc; i++)
		free(args[i]);
	free(args);
	close(pin[0]);
	close(pout[1]);
	close(perr[1]);
	fcntl(pin[1], F_SETFL, O_NONBLOCK);

	run_buf out = {0}, err = {0};
	run_buf_add(&out, "", 0);
	run_buf_add(&err, "", 0);
	size_t fed = 0;
	if (!in || in_len == 0) {
		close(pin[1]);
		pin[1] = -1;
	}
	/* A hang bound, not a speed: at least RUN_HANG_MIN_S whatever the caller asks (a loaded
	 * machine, a sanitizer build); a run that ends is never waited for. */
	double deadline = now() + (timeout_s > RUN_HANG_MIN_S ? timeout_s : RUN_HANG_MIN_S);
	int open_fds = 2;
	while (open_fds > 0) {
		struct pollfd p[3] = {{pout[0], POLLIN, 0}, {perr[0], POLLIN, 0}, {pin[1], POLLOUT, 0}};
		int left = (int)((deadline - now()) * 1000);
		if (left <= 0) {
			r->timed_out = 1;
			kill(pid, SIGKILL);
			break;
		}
		if (poll(p, 3, left) < 0 && errno != EINTR)
			break;
		for (int k = 0; k < 2; k++) {
			if (p[k].fd < 0 || !(p[k].revents & (POLLIN | POLLHUP)))
				continue;
			char chunk[65536];
			ssize_t n = read(p[k].fd, chunk, sizeof chunk);
			if (n > 0) {
				run_buf_add(k ? &err : &out, chunk, (size_t)n);
			} else {
				close(p[k].fd);
				if (k)
					perr[0] = -1;
				else
					pout[0] = -1;
				open_fds--;
			}
		}
		if (pin[1] >= 0 && (p[2].revents & (POLLOUT | POLLERR | POLLHUP))) {
			ssize_t n = write(pin[1], in + fed, in_len - fed);
			if (n > 0)
				fed += (size_t)n;
			if (n < 0 || fed == in_len) {
				close(pin[1]);
				pin[1] = -1;
			}
		}
	}
	if (pin[1] >= 0)
		close(pin[1]);
	if (pout[0] >= 0)
		close(pout[0]);
	if (perr[0] >= 0)
		close(perr[0]);
	int st = 0;
	struct rusage ru;
	if (wait4(pid, &st, 0, &ru) == pid) {
		r->cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
		         (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
		r->maxrss_kib = ru.ru_maxrss;
	}
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
	r->out = out.v, r->out_len = out.n;
	r->err = err.v, r->err_len = err.n;
}

void run_free(run_result *r)
{
	free(r->out);
	free(r->err);
	memset(r, 0, sizeof *r);
}
