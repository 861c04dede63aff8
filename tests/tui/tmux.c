/* tmux.c: spawning tmux commands and reading what they print. */
#include "tmux.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* Everything fd has to say, NUL-terminated; closes fd. */
static char *read_all(int fd)
{
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap);
	for (;;) {
		ssize_t k = read(fd, buf + len, cap - len - 1);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		len += (size_t)k;
		if (cap - len < 1024)
			buf = realloc(buf, cap *= 2);
	}
	buf[len] = '\0';
	close(fd);
	return buf;
}

/* Run argv, capture stdout (NULL: discard). Returns the exit status. Without a capture, stdout
 * is /dev/null: a tmux server started here would otherwise hold the pipe open for good. */
static int run(const char *const *argv, char **out)
{
	int p[2] = {-1, -1};
	posix_spawn_file_actions_t fa;
	pid_t pid;
	posix_spawn_file_actions_init(&fa);
	if (out) {
		cr_assert_eq(pipe(p), 0);
		posix_spawn_file_actions_adddup2(&fa, p[1], STDOUT_FILENO);
		posix_spawn_file_actions_addclose(&fa, p[0]);
	} else {
		posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
	}
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	/* posix_spawn takes char *const[]: owned copies rather than casting const away. */
	size_t n = 0;
	while (argv[n])
		n++;
	char **args = malloc((n + 1) * sizeof *args);
	cr_assert_not_null(args);
	for (size_t i = 0; i < n; i++)
		args[i] = strdup(argv[i]);
	args[n] = NULL;
	int rc = posix_spawnp(&pid, args[0], &fa, NULL, args, environ);
	for (size_t i = 0; i < n; i++)
		free(args[i]);
	free(args);
	posix_spawn_file_actions_destroy(&fa);
	if (out)
		close(p[1]);
	cr_assert_eq(rc, 0, "cannot run %s", argv[0]);
	if (out)
		*out = read_all(p[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		continue;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

#define TMUX(t, ...) run((const char *const[]){"tmux", "-f", "/dev/null", "-L", (t)->sock, __VA_ARGS__, NULL}, NULL)

/* Copies of the servers started and not stopped yet (a failed assertion leaves the test's own
 * variables behind). A test process runs one test, so these are its own. */
static tmux running[8];

static void track(const tmux *t, bool on)
{
	for (size_t i = 0; i < sizeof running / sizeof *running; i++) {
		if (on && !running[i].sock[0]) {
			running[i] = *t;
			return;
		}
		if (!on && strcmp(running[i].dir, t->dir) == 0)
			memset(&running[i], 0, sizeof running[i]);
	}
}

bool tmux_available(void)
{
	return run((const char *const[]){"tmux", "-V", NULL}, NULL) == 0;
}

void tmux_suite_init(void)
{
	if (!tmux_available())
		cr_skip_test("tmux is not installed");
}

void tmux_suite_fini(void)
{
	tmux_stop_all();
}

void tmux_prepare(tmux *t)
{
	static unsigned serial;  /* several servers in one test get names of their own */
	snprintf(t->sock, sizeof t->sock, "redline-test-%ld-%u", (long)getpid(), serial++);
	snprintf(t->dir, sizeof t->dir, "/tmp/redline-tui-XXXXXX");
	cr_assert_not_null(mkdtemp(t->dir));
	track(t, true);
}

void tmux_start(tmux *t, unsigned w, unsigned h, const char *cmd)
{
	tmux_start_in(t, w, h, SOURCE_DIR, cmd);
}

void tmux_start_in(tmux *t, unsigned w, unsigned h, const char *dir, const char *cmd)
{
	char ws[16], hs[16], env[128];
	if (!t->dir[0])
		tmux_prepare(t);
	snprintf(ws, sizeof ws, "%u", w);
	snprintf(hs, sizeof hs, "%u", h);
	snprintf(env, sizeof env, "D=%s", t->dir);
	/* In the same command list, before any output of the pane is read: a known title, which an
	 * OSC 0 or 2 would change, and the clipboard taken from applications (by default tmux ignores
	 * OSC 52), so that a document's attempt would leave a paste buffer behind. */
	int rc = TMUX(t, "new-session", "-d", "-x", ws, "-y", hs, "-s", "t", "-c", dir, "-e",
	              env, "/bin/sh", "-c", cmd, ";", "set-option", "-g", "set-clipboard", "on", ";",
	              "select-pane", "-t", "t", "-T", TMUX_TITLE);
	cr_assert_eq(rc, 0, "tmux new-session failed");
}

void tmux_stop(tmux *t)
{
	track(t, false);
	TMUX(t, "kill-server");
	/* tmux may leave its socket behind: remove it (where tmux puts it for -L). */
	char sock[256];
	const char *tmp = getenv("TMUX_TMPDIR");
	snprintf(sock, sizeof sock, "%s/tmux-%ld/%s", tmp && *tmp ? tmp : "/tmp", (long)getuid(),
	         t->sock);
	unlink(sock);
	/* The pane's processes end on the server's SIGHUP after kill-server has returned, and may
	 * still write in the directory meanwhile: try again for a while. A directory left behind is
	 * said on stderr, not with cr_log_warn, which makes Criterion's exit status 1 for a test
	 * that passed. */
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s' 2>/dev/null", t->dir);
	for (int tries = 0; system(cmd) != 0; tries++) {
		if (tries == 50) {
			fprintf(stderr, "tmux_stop: could not remove %s\n", t->dir);
			break;
		}
		nanosleep(&(struct timespec){.tv_nsec = 100 * 1000 * 1000}, NULL);
	}
}

void tmux_stop_all(void)
{
	for (size_t i = 0; i < sizeof running / sizeof *running; i++) {
		if (running[i].sock[0]) {
			tmux t = running[i];
			tmux_stop(&t);
		}
	}
}

/* Not inlined: inlined at -O3, GCC's dangling-pointer analysis takes the buffer it returns
 * through run()'s out parameter for the local variable itself (-Werror in Release builds). */
__attribute__((noinline)) char *tmux_screen(const tmux *t, bool escapes)
{
	char *out;
	if (escapes)
		run((const char *const[]){"tmux", "-L", t->sock, "capture-pane", "-p", "-e", "-t", "t", NULL},
		    &out);
	else
		run((const char *const[]){"tmux", "-L", t->sock, "capture-pane", "-p", "-t", "t", NULL}, &out);
	return out;
}

char *tmux_line(const tmux *t, int y)
{
	char *s = tmux_screen(t, false), *p = s;
	for (int i = 0; i < y && p; i++) {
		p = strchr(p, '\n');
		p = p ? p + 1 : NULL;
	}
	char *line = strdup(p ? p : "");
	char *nl = strchr(line, '\n');
	if (nl)
		*nl = '\0';
	free(s);
	return line;
}

char *tmux_format(const tmux *t, const char *fmt)
{
	char *out;
	run((const char *const[]){"tmux", "-L", t->sock, "display-message", "-p", "-t", "t", fmt, NULL},
	    &out);
	size_t n = strlen(out);
	if (n && out[n - 1] == '\n')
		out[n - 1] = '\0';
	return out;
}

char *tmux_buffers(const tmux *t)
{
	char *out;
	run((const char *const[]){"tmux", "-L", t->sock, "list-buffers", NULL}, &out);
	return out;
}

const char *tmux_pane_tty(const tmux *t, char *buf, size_t n)
{
	char *tty = tmux_format(t, "#{pane_tty}");
	cr_assert_eq(strncmp(tty, "/dev/", 5), 0, "pane_tty: %s", tty);
	snprintf(buf, n, "%s", tty);
	free(tty);
	return buf;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void nap(void)
{
	struct timespec ts = {0, 40 * 1000 * 1000};
	nanosleep(&ts, NULL);
}

/* Every wait is a hang bound, never a speed: whatever a test asks for, at least this long (the
 * machine may be loaded, the viewer built with sanitizers). A test that passes waits only as
 * long as the viewer takes. */
#ifndef HANG_MIN_S
#define HANG_MIN_S 300.0
#endif

static double deadline_after(double timeout_s)
{
	return now() + (timeout_s > HANG_MIN_S ? timeout_s : HANG_MIN_S);
}

/* What a wait reads, and what it waits for in it. */
typedef enum { FROM_SCREEN, FROM_ESCAPED, FROM_LINE, FROM_BUFFERS, FROM_FORMAT } source;

typedef struct probe {
	source from;
	int y;                 /* FROM_LINE: the line */
	const char *fmt;       /* FROM_FORMAT: the format */
	bool (*ok)(const char *got, const struct probe *p);
	const char *a, *b;     /* the texts the test compares with */
	bool want;             /* has(): present (true) or gone (false) */
	unsigned w, h;         /* frame(): the size */
} probe;

static char *fetch(const tmux *t, const probe *p)
{
	switch (p->from) {
	case FROM_ESCAPED:
		return tmux_screen(t, true);
	case FROM_LINE:
		return tmux_line(t, p->y);
	case FROM_BUFFERS:
		return tmux_buffers(t);
	case FROM_FORMAT:
		return tmux_format(t, p->fmt);
	case FROM_SCREEN:
		break;
	}
	return tmux_screen(t, false);
}

static bool starts(const char *got, const probe *p);
static bool after(const char *got, const probe *p);
static bool frame(const char *got, const probe *p);

/* What p waits for, in words. */
static void describe(const probe *p, char *buf, size_t n)
{
	const char *what = p->from == FROM_ESCAPED ? "the screen with its escapes"
	                   : p->from == FROM_BUFFERS ? "the paste buffers"
	                                             : "the screen";
	if (p->from == FROM_LINE)
		snprintf(buf, n, "line %d %s '%s'", p->y, p->ok == starts ? "starting with" : "equal to",
		         p->a);
	else if (p->from == FROM_FORMAT)
		snprintf(buf, n, "%s equal to '%s'", p->fmt, p->a);
	else if (p->ok == frame)
		snprintf(buf, n, "a frame of %ux%u on the screen", p->w, p->h);
	else if (p->ok == after)
		snprintf(buf, n, "'%s' then '%s' on the screen", p->a, p->b);
	else
		snprintf(buf, n, "'%s' %s %s", p->a, p->want ? "on" : "gone from", what);
}

/* A wait that gave up says so itself, whatever its caller asserts: what it waited for, how
 * long, what it read last, the screen and the pane's state (its command, dead or alive). */
static void report_timeout(const tmux *t, const probe *p, double waited, const char *last)
{
	char what[512];
	describe(p, what, sizeof what);
	char *screen = tmux_screen(t, false);
	char *pane = tmux_format(t, "#{pane_current_command} pid=#{pane_pid} dead=#{pane_dead} "
	                            "size=#{pane_width}x#{pane_height}");
	fprintf(stderr,
	        "tmux wait (%s): gave up after %.1f s waiting for %s\n"
	        "--- read last:\n%s\n--- the screen:\n%s\n--- the pane: %s\n",
	        t->sock, waited, what, last, screen, pane);
	fflush(stderr);
	free(pane);
	free(screen);
}

/* Has the shell of tmux_wrapped printed its last line: the command ended, nothing will draw a
 * frame any more (it sleeps)? Only when that line is the last one written: a test that stops
 * the viewer (Ctrl-Z) and types `fg` has the same line above the resumed command. */
static bool wrapper_done(const char *screen)
{
	bool done = false;
	for (const char *l = screen; l; l = strchr(l, '\n'), l = l ? l + 1 : NULL) {
		if (strncmp(l, "modes-same", 10) == 0 || strncmp(l, "modes-differ", 12) == 0)
			done = true;
		else if (*l != '\n' && *l != '\0' && strspn(l, " ") != strcspn(l, "\n"))
			done = false;  /* something written after it */
	}
	return done;
}

/* Read until p->ok says yes, or the hang bound passes (then say what was awaited). A frame is
 * not waited for once the wrapped command has ended: a viewer that could not start or crashed
 * fails at once, with the screen that says why. */
static bool poll(const tmux *t, const probe *p, double timeout_s)
{
	double start = now(), end = deadline_after(timeout_s);
	for (;;) {
		char *got = fetch(t, p);
		bool ok = p->ok(got, p);
		if (!ok && (now() > end || (p->ok == frame && wrapper_done(got)))) {
			report_timeout(t, p, now() - start, got);
			free(got);
			return false;
		}
		free(got);
		if (ok)
			return true;
		nap();
	}
}

static bool has(const char *got, const probe *p)
{
	return (strstr(got, p->a) != NULL) == p->want;
}

static bool starts(const char *got, const probe *p)
{
	return strncmp(got, p->a, strlen(p->a)) == 0;
}

static bool equal(const char *got, const probe *p)
{
	return strcmp(got, p->a) == 0;
}

static bool after(const char *got, const probe *p)
{
	const char *x = strstr(got, p->a);
	return x && strstr(x + strlen(p->a), p->b);
}

bool tmux_wait(const tmux *t, const char *needle, double timeout_s)
{
	return poll(t, &(probe){.from = FROM_SCREEN, .ok = has, .a = needle, .want = true}, timeout_s);
}

bool tmux_wait_gone(const tmux *t, const char *needle, double timeout_s)
{
	return poll(t, &(probe){.from = FROM_SCREEN, .ok = has, .a = needle, .want = false}, timeout_s);
}

bool tmux_wait_escaped(const tmux *t, const char *needle, double timeout_s)
{
	return poll(t, &(probe){.from = FROM_ESCAPED, .ok = has, .a = needle, .want = true}, timeout_s);
}

bool tmux_wait_line_starts(const tmux *t, int y, const char *prefix, double timeout_s)
{
	return poll(t, &(probe){.from = FROM_LINE, .y = y, .ok = starts, .a = prefix}, timeout_s);
}

bool tmux_wait_line(const tmux *t, int y, const char *want, double timeout_s)
{
	return poll(t, &(probe){.from = FROM_LINE, .y = y, .ok = equal, .a = want}, timeout_s);
}

bool tmux_wait_buffer(const tmux *t, const char *needle, double timeout_s)
{
	return poll(t, &(probe){.from = FROM_BUFFERS, .ok = has, .a = needle, .want = true}, timeout_s);
}

bool tmux_wait_after(const tmux *t, const char *first, const char *then, double timeout_s)
{
	return poll(t, &(probe){.from = FROM_SCREEN, .ok = after, .a = first, .b = then}, timeout_s);
}

bool tmux_wait_format(const tmux *t, const char *fmt, const char *want, double timeout_s)
{
	return poll(t, &(probe){.from = FROM_FORMAT, .fmt = fmt, .ok = equal, .a = want}, timeout_s);
}

/* Columns of a captured line: code points (the status line holds no wide character). */
static size_t columns(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* Is the screen s a frame of the viewer at w×h: h lines, the last a status line that ends one
 * column before the edge with the position? */
static bool is_frame(const char *s, unsigned w, unsigned h)
{
	const char *line = s, *end;
	unsigned y = 0;
	for (; (end = strchr(line, '\n')) && y + 1 < h; y++)
		line = end + 1;
	if (y + 1 != h || !end || strchr(end + 1, '\n'))
		return false;
	size_t n = (size_t)(end - line);
	static const char *const places[] = {"Top", "End", "All", "%"};
	for (size_t i = 0; i < sizeof places / sizeof *places; i++) {
		size_t k = strlen(places[i]);
		if (n >= k && memcmp(end - k, places[i], k) == 0)
			return columns(line, n) == w - 1;
	}
	return false;
}

static bool frame(const char *got, const probe *p)
{
	return is_frame(got, p->w, p->h);
}

bool tmux_wait_frame(const tmux *t, unsigned w, unsigned h, double timeout_s)
{
	return poll(t, &(probe){.from = FROM_SCREEN, .ok = frame, .w = w, .h = h}, timeout_s);
}

void tmux_expect_frame(const tmux *t, unsigned w, unsigned h, double timeout_s)
{
	if (!tmux_wait_frame(t, w, h, timeout_s)) {
		char *s = tmux_screen(t, false);
		cr_assert_fail("no frame of %ux%u on the screen:\n%s", w, h, s);
	}
}

void tmux_keys(const tmux *t, bool literal, const char *keys)
{
	if (literal)
		TMUX(t, "send-keys", "-t", "t", "-l", keys);
	else
		TMUX(t, "send-keys", "-t", "t", keys);
}

void tmux_bytes(const tmux *t, const char *bytes, size_t n)
{
	const char *argv[64] = {"tmux", "-L", t->sock, "send-keys", "-t", "t", "-H"};
	char hex[56][4];
	size_t k = 7;
	for (size_t i = 0; i < n && i < 56; i++) {
		snprintf(hex[i], sizeof hex[i], "%02x", (unsigned char)bytes[i]);
		argv[k++] = hex[i];
	}
	argv[k] = NULL;
	run(argv, NULL);
}

void tmux_resize(const tmux *t, unsigned w, unsigned h)
{
	char ws[16], hs[16];
	snprintf(ws, sizeof ws, "%u", w);
	snprintf(hs, sizeof hs, "%u", h);
	TMUX(t, "resize-window", "-t", "t", "-x", ws, "-y", hs);
}

void tmux_resize_many(const tmux *t, const unsigned (*sizes)[2], size_t n)
{
	enum { PER = 9 };  /* words per command: "resize-window -t t -x W -y H ;" */
	const char **argv = malloc((5 + n * PER + 1) * sizeof *argv);
	char (*num)[2][16] = malloc((n ? n : 1) * sizeof *num);
	cr_assert(argv && num);
	size_t k = 0;
	argv[k++] = "tmux";
	argv[k++] = "-f";
	argv[k++] = "/dev/null";
	argv[k++] = "-L";
	argv[k++] = t->sock;
	for (size_t i = 0; i < n; i++) {
		snprintf(num[i][0], sizeof num[i][0], "%u", sizes[i][0]);
		snprintf(num[i][1], sizeof num[i][1], "%u", sizes[i][1]);
		const char *cmd[PER] = {"resize-window", "-t", "t", "-x", num[i][0], "-y", num[i][1],
		                        i + 1 < n ? ";" : NULL, NULL};
		for (size_t j = 0; j < PER && cmd[j]; j++)
			argv[k++] = cmd[j];
	}
	argv[k] = NULL;
	run(argv, NULL);
	free(num);
	free(argv);
}

const char *tmux_file(const tmux *t, const char *name, const char *data, size_t len, char *buf,
                      size_t n)
{
	snprintf(buf, n, "%s/%s", t->dir, name);
	FILE *fp = fopen(buf, "wb");
	cr_assert_not_null(fp);
	cr_assert_eq(fwrite(data, 1, len, fp), len);
	fclose(fp);
	return buf;
}

char *tmux_read(const tmux *t, const char *name)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", t->dir, name);
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	char *buf = calloc(1, 65536);
	size_t n = fread(buf, 1, 65535, fp);
	buf[n] = '\0';
	fclose(fp);
	return buf;
}

/* The shell around a command: remember the terminal modes, run, say how it ended, compare the
 * modes, and stay so that the screen can be read. Ctrl-C reaches the command, not this shell. */
static const char wrapper[] =
	"trap '' INT; stty -g > \"$D/before\"; %s; echo \"exit=$?\"; stty -g > \"$D/after\"; "
	"if cmp -s \"$D/before\" \"$D/after\"; then echo modes-same; else echo modes-differ; fi; "
	"exec sleep 600";

void tmux_wrapped(tmux *t, unsigned w, unsigned h, const char *dir, const char *cmd)
{
	char full[8192];
	cr_assert_lt((size_t)snprintf(full, sizeof full, wrapper, cmd), sizeof full);
	tmux_start_in(t, w, h, dir, full);
}

void tmux_redline(tmux *t, unsigned w, unsigned h, const char *dir, const char *env,
                  const char *args)
{
	char inner[4096];
	/* $$ is this subshell, which becomes redline: its pid, for the signal tests. */
	cr_assert_lt((size_t)snprintf(inner, sizeof inner,
	                              "sh -c 'echo $$ > \"$D/pid\"; exec env %s %s %s'", env,
	                              REDLINE_BIN, args),
	             sizeof inner);
	tmux_wrapped(t, w, h, dir, inner);
}

void tmux_expect(const tmux *t, const char *needle, double timeout_s)
{
	if (!tmux_wait(t, needle, timeout_s)) {
		char *s = tmux_screen(t, false);
		cr_assert_fail("no '%s' on the screen:\n%s", needle, s);
	}
}

void tmux_expect_restored(const tmux *t, const char *exit_line, double timeout_s)
{
	tmux_expect(t, exit_line, timeout_s);
	tmux_expect(t, "modes-", timeout_s);
	char *s = tmux_screen(t, false);
	cr_assert_not_null(strstr(s, "modes-same"), "terminal modes changed:\n%s", s);
	free(s);
	tmux_expect_modes(t);
}

void tmux_expect_modes(const tmux *t)
{
	/* The scrolling region is the whole screen again: the bottom line's number is one less
	 * than the height. */
	char *h = tmux_format(t, "#{pane_height}"), lower[32];
	snprintf(lower, sizeof lower, "%d", atoi(h) - 1);
	free(h);
	const char *formats[][2] = {{"#{alternate_on}", "0"}, {"#{cursor_flag}", "1"},
	                            {"#{keypad_flag}", "0"}, {"#{keypad_cursor_flag}", "0"},
	                            {"#{mouse_any_flag}", "0"}, {"#{mouse_sgr_flag}", "0"},
	                            {"#{mouse_standard_flag}", "0"}, {"#{mouse_button_flag}", "0"},
	                            {"#{mouse_all_flag}", "0"}, {"#{insert_flag}", "0"},
	                            {"#{origin_flag}", "0"}, {"#{wrap_flag}", "1"},
	                            {"#{scroll_region_upper}", "0"}, {"#{scroll_region_lower}", lower}};
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		char *v = tmux_format(t, formats[i][0]);
		cr_assert_str_eq(v, formats[i][1], "%s", formats[i][0]);
		free(v);
	}
	/* What the shell prints afterwards comes in the terminal's plain attributes. */
	char *s = tmux_screen(t, true), *e = strstr(s, "exit=");
	if (e) {
		char *line = e;
		while (line > s && line[-1] != '\n')
			line--;
		cr_assert_null(memchr(line, '\033', (size_t)(e - line)), "attributes left on:\n%s", s);
	}
	free(s);
}
