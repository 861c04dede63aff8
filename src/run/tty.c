/* tty.c: the terminal and the environment, as the program reads them. */
#include "tty.h"

#include <fcntl.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define DEFAULT_WIDTH 160

/* The width of the controlling terminal (0: none), for output piped to a pager: what the reader
 * sees is that terminal, as git sizes its output for its pager. */
static unsigned controlling_width(void)
{
	struct winsize ws;
	int fd = open("/dev/tty", O_RDONLY | O_NOCTTY | O_CLOEXEC);
	unsigned cols = 0;

	if (fd < 0)
		return 0;
	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		cols = ws.ws_col;
	close(fd);
	return cols;
}

unsigned rl_tty_width(const rl_cli *cli)
{
	struct winsize ws;

	if (cli->width)
		return cli->width;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *cols = getenv("COLUMNS");
	if (cols && *cols) {
		char *end;
		long v = strtol(cols, &end, 10);
		if (*end == '\0' && v > 0 && v <= 100000)
			return (unsigned)v;
	}
	unsigned tty = controlling_width();
	return tty ? tty : DEFAULT_WIDTH;
}

static bool dumb_terminal(void)
{
	const char *term = getenv("TERM");
	return !term || !*term || strcmp(term, "dumb") == 0;
}

/* git sets GIT_PAGER_IN_USE when it pipes its output (and an external diff's) to its pager, and
 * colours that output itself: the pager shows colour (less -R). */
static bool git_pager(void)
{
	const char *in_use = getenv("GIT_PAGER_IN_USE");
	return in_use && (strcmp(in_use, "true") == 0 || strcmp(in_use, "1") == 0);
}

bool rl_tty_color(const rl_cli *cli)
{
	if (cli->color != RL_COLOR_AUTO)
		return cli->color == RL_COLOR_ALWAYS;
	const char *no = getenv("NO_COLOR");
	if (no && *no)
		return false;
	return (isatty(STDOUT_FILENO) || git_pager()) && !dumb_terminal();
}

static bool utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && strcmp(cs, "UTF-8") == 0;
}

bool rl_tty_ascii(void)
{
	return isatty(STDOUT_FILENO) && !utf8_locale();
}

/* ------------------------------------------------------------------ the viewer's terminal */

/* The viewer's colours: none under --color=never or NO_COLOR (with auto). */
static bool viewer_no_color(const rl_cli *cli)
{
	const char *no = getenv("NO_COLOR");
	if (cli->color != RL_COLOR_AUTO)
		return cli->color == RL_COLOR_NEVER;
	return no && *no;
}

void rl_vterm_close(rl_vterm *vt)
{
	if (vt->out)
		fclose(vt->out);
	if (vt->in)
		fclose(vt->in);
	vt->out = vt->in = NULL;
}

/* Printed output instead of the viewer because ncursesw is missing: say so, once. */
static bool no_viewer(void)
{
	const char *why = rl_viewer_missing();
	if (why)
		fprintf(stderr, "redline: %s: printing instead\n", why);
	return false;
}

bool rl_vterm_open(rl_vterm *vt, const rl_cli *cli)
{
	*vt = (rl_vterm){.ascii = rl_tty_ascii()};
	if (cli->format != RL_FMT_AUTO)
		return false;
	if (rl_viewer_usable(&vt->colors))
		return true;
	if (!cli->viewer || git_pager() || dumb_terminal())
		return no_viewer();
	vt->out = fopen("/dev/tty", "w");
	vt->in = fopen("/dev/tty", "r");
	if (vt->out && vt->in && rl_viewer_usable_on(vt->out, &vt->colors)) {
		vt->ascii = !utf8_locale();
		return true;
	}
	rl_vterm_close(vt);
	return no_viewer();
}

rl_viewer_opts rl_vterm_opts(const rl_vterm *vt, const rl_cli *cli)
{
	return (rl_viewer_opts){cli->diff, vt->colors, viewer_no_color(cli), vt->ascii, true,
	                        vt->out, vt->in, NULL};
}
