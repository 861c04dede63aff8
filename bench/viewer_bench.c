/* viewer_bench.c: the viewer's speed and its traffic to the terminal. A benchmark, not a test.
 *
 *   viewer_bench [--cols N] [--lines N] [--keys N] [--search PAT] OLD NEW [LABEL]
 *
 * Runs the real viewer in this process on a pseudo-terminal of its own (TERM=xterm-256color) and
 * reports, for one pair:
 *   - compare: the diff and the block layout (rl_viewer_new), before the screen is touched;
 *   - first frame: taking the terminal and painting the first screen (rl_viewer_start);
 *   - per key: the time to handle a key and redraw, for line down, page down, next change, end,
 *     start, with the bytes each sends to the terminal and the blocks it laid out;
 *   - with --search: "/PAT" Enter, then n (next match) and N (previous), per key.
 * A thread drains the terminal's other end and counts the bytes, as a terminal (or ssh) would. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "status.h"
#include "viewer.h"

/* The reader counts what the viewer sends. After each action the main thread writes a sentinel
 * through the same terminal and waits until the reader has seen it: the terminal delivers in
 * order, so everything the action sent has been counted by then (a pseudo-terminal passes data
 * on asynchronously, so waiting for quiet would not do). */
static const char sentinel[] = "\033_redline-bench\033\\";
#define SENTINEL_LEN (sizeof sentinel - 1)

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t seen_cond = PTHREAD_COND_INITIALIZER;
static size_t bytes_seen, sentinels_seen;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The main thread's CPU time: on a busy machine the wall clock measures the machine. */
static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *drain(void *arg)
{
	int fd = *(int *)arg;
	char buf[65536];
	size_t matched = 0;
	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		pthread_mutex_lock(&lock);
		for (ssize_t i = 0; i < n; i++) {
			bytes_seen++;
			matched = buf[i] == sentinel[matched] ? matched + 1 : buf[i] == sentinel[0];
			if (matched == SENTINEL_LEN) {
				bytes_seen -= SENTINEL_LEN;
				sentinels_seen++;
				matched = 0;
				pthread_cond_broadcast(&seen_cond);
			}
		}
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

/* Everything written so far, counted: the total. */
static size_t settled(int slave)
{
	pthread_mutex_lock(&lock);
	size_t want = sentinels_seen + 1;
	pthread_mutex_unlock(&lock);
	if (write(slave, sentinel, SENTINEL_LEN) != (ssize_t)SENTINEL_LEN) {
		perror("viewer_bench: write");
		exit(2);
	}
	pthread_mutex_lock(&lock);
	while (sentinels_seen < want)
		pthread_cond_wait(&seen_cond, &lock);
	size_t total = bytes_seen;
	pthread_mutex_unlock(&lock);
	return total;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		perror(path);
		exit(2);
	}
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, fp) != (size_t)n) {
		fprintf(stderr, "viewer_bench: cannot read %s\n", path);
		exit(2);
	}
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

typedef struct keystat {
	const char *name;
	rl_action action;
	rl_action from;  /* where the run starts (the start or the end), or RL_ACT_NONE: here */
	int repeat;      /* at most this many; a scrolling key stops where the screen stops moving */
	double total, worst;
	size_t bytes, blocks;
	int done;
} keystat;

static void act(rl_viewer *vw, rl_action a)
{
	if (rl_viewer_act(vw, a) != RL_OK) {
		fprintf(stderr, "viewer_bench: action failed\n");
		exit(2);
	}
}

static void run_key(rl_viewer *vw, int slave, keystat *k)
{
	if (k->from != RL_ACT_NONE)
		act(vw, k->from);
	for (int i = 0; i < k->repeat; i++) {
		size_t b0 = settled(slave), l0 = rl_viewer_laid_out(vw);
		double t0 = now();
		act(vw, k->action);
		double dt = now() - t0;
		size_t sent = settled(slave) - b0, l1 = rl_viewer_laid_out(vw);
		if (sent == 0 && k->repeat > 1)
			break;  /* the screen stopped moving: the end of the document */
		k->total += dt;
		if (dt > k->worst)
			k->worst = dt;
		k->bytes += sent;
		k->blocks += l1 >= l0 ? l1 - l0 : l1;  /* a new layout counts from zero */
		k->done++;
	}
}

int main(int argc, char **argv)
{
	unsigned cols = 160, lines = 48;
	int keys = 50, a = 1;
	const char *pattern = NULL;
	for (; a + 1 < argc && strncmp(argv[a], "--", 2) == 0; a += 2) {
		if (strcmp(argv[a], "--cols") == 0)
			cols = (unsigned)atoi(argv[a + 1]);
		else if (strcmp(argv[a], "--lines") == 0)
			lines = (unsigned)atoi(argv[a + 1]);
		else if (strcmp(argv[a], "--keys") == 0)
			keys = atoi(argv[a + 1]);
		else if (strcmp(argv[a], "--search") == 0)
			pattern = argv[a + 1];
	}
	if (argc - a < 2) {
		fputs("usage: viewer_bench [--cols N] [--lines N] [--keys N] [--search PAT] OLD NEW "
		      "[LABEL]\n", stderr);
		return 2;
	}
	const char *label = argc - a > 2 ? argv[a + 2] : argv[a + 1];
	size_t len[2];
	char *text[2] = {slurp(argv[a], &len[0]), slurp(argv[a + 1], &len[1])};
	rl_pair pair = {{{.data = text[0], .len = len[0], .name = argv[a]},
	                 {.data = text[1], .len = len[1], .name = argv[a + 1]}},
	                NULL};

	int master, slave;
	struct winsize ws = {(unsigned short)lines, (unsigned short)cols, 0, 0};
	if (openpty(&master, &slave, NULL, NULL, &ws) != 0) {
		perror("openpty");
		return 2;
	}
	setenv("TERM", "xterm-256color", 1);
	pthread_t th;
	pthread_create(&th, NULL, drain, &master);
	FILE *out = fdopen(slave, "w"), *in = fdopen(dup(slave), "r");

	rl_viewer_opts o = {RL_DIFF_OPTS_INIT, 256, false, false, true, NULL, NULL, NULL};
	rl_viewer *vw;
	double t0 = now();
	if (rl_viewer_new(&vw, &pair, 1, 0, &o) != RL_OK)
		return 2;
	double t_compare = now() - t0;
	size_t b0 = settled(slave);
	t0 = now();
	if (rl_viewer_start(vw, out, in) != RL_OK)
		return 2;
	double t_first = now() - t0;
	size_t first_bytes = settled(slave) - b0, first_blocks = rl_viewer_laid_out(vw);

	keystat ks[] = {
		{"j (line down)", RL_ACT_LINE_DOWN, RL_ACT_TOP, keys, 0, 0, 0, 0, 0},
		{"k (line up)", RL_ACT_LINE_UP, RL_ACT_BOTTOM, keys, 0, 0, 0, 0, 0},
		{"space (page down)", RL_ACT_PAGE_DOWN, RL_ACT_TOP, keys, 0, 0, 0, 0, 0},
		{"b (page up)", RL_ACT_PAGE_UP, RL_ACT_BOTTOM, keys, 0, 0, 0, 0, 0},
		{"n (next change)", RL_ACT_NEXT, RL_ACT_TOP, keys, 0, 0, 0, 0, 0},
		{"G (end)", RL_ACT_BOTTOM, RL_ACT_TOP, 1, 0, 0, 0, 0, 0},
		{"g (start)", RL_ACT_TOP, RL_ACT_NONE, 1, 0, 0, 0, 0, 0},
		{"u (unified: re-wrap)", RL_ACT_UNIFIED, RL_ACT_NONE, 1, 0, 0, 0, 0, 0},
		{"u (back: re-wrap)", RL_ACT_UNIFIED, RL_ACT_NONE, 1, 0, 0, 0, 0, 0},
		{"z (fold)", RL_ACT_FOLD, RL_ACT_TOP, 1, 0, 0, 0, 0, 0},
		{"z (unfold)", RL_ACT_FOLD, RL_ACT_NONE, 1, 0, 0, 0, 0, 0},
	};
	for (size_t i = 0; i < sizeof ks / sizeof *ks; i++)
		run_key(vw, slave, &ks[i]);
	double t_search = 0;
	keystat sk[] = {
		{"n (next match)", RL_ACT_NEXT, RL_ACT_NONE, keys, 0, 0, 0, 0, 0},
		{"N (previous match)", RL_ACT_PREV, RL_ACT_NONE, keys, 0, 0, 0, 0, 0},
	};
	double c_search = 0;
	if (pattern) {
		act(vw, RL_ACT_TOP);
		t0 = now();
		double c0 = cpu_now();
		if (rl_viewer_search(vw, pattern, strlen(pattern)) != RL_OK)
			return 2;
		t_search = now() - t0;
		c_search = cpu_now() - c0;
		for (size_t i = 0; i < sizeof sk / sizeof *sk; i++)
			run_key(vw, slave, &sk[i]);
	}
	rl_viewer_stop(vw);
	rl_viewer_free(vw);
	fclose(out);
	fclose(in);  /* the last of the terminal's side: the reader's read ends */
	pthread_join(th, NULL);
	close(master);

	printf("%s (%zu + %zu bytes) on %ux%u\n", label, len[0], len[1], cols, lines);
	printf("  compare (diff + blocks)  %8.1f ms\n", t_compare * 1e3);
	printf("  first frame              %8.2f ms  %7zu bytes  %4zu blocks laid out\n",
	       t_first * 1e3, first_bytes, first_blocks);
	for (size_t i = 0; i < sizeof ks / sizeof *ks; i++) {
		keystat *k = &ks[i];
		if (!k->done)
			continue;
		printf("  %-22s %8.2f ms avg %7.2f ms max  %7.0f bytes/key  %5.1f blocks/key  (%d keys)\n",
		       k->name, k->total / k->done * 1e3, k->worst * 1e3, (double)k->bytes / k->done,
		       (double)k->blocks / k->done, k->done);
	}
	if (pattern)
		printf("  /%-21s %8.2f ms  (%.2f ms of this thread's CPU)\n", pattern, t_search * 1e3,
		       c_search * 1e3);
	for (size_t i = 0; pattern && i < sizeof sk / sizeof *sk; i++) {
		keystat *k = &sk[i];
		if (k->done)
			printf("  %-22s %8.2f ms avg %7.2f ms max  (%d keys)\n", k->name,
			       k->total / k->done * 1e3, k->worst * 1e3, k->done);
	}
	free(text[0]);
	free(text[1]);
	return 0;
}
