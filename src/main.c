/* main.c: the program. The only place that prints errors and the only place that exits. */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "align.h"
#include "cli.h"
#include "out.h"
#include "print.h"
#include "source.h"
#include "status.h"

#define EXIT_SAME 0
#define EXIT_DIFFERENT 1
#define EXIT_TROUBLE 2

#define DEFAULT_WIDTH 160

static void error_line(const char *msg)
{
	char safe[1024];
	fprintf(stderr, "redline: %s\n", rl_sanitize(msg, safe, sizeof safe));
}

/* Columns for printed output: --width, the terminal's, $COLUMNS, or DEFAULT_WIDTH. */
static unsigned output_width(const rl_cli *cli)
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
	return DEFAULT_WIDTH;
}

static bool dumb_terminal(void)
{
	const char *term = getenv("TERM");
	return !term || !*term || strcmp(term, "dumb") == 0;
}

static bool use_color(const rl_cli *cli)
{
	if (cli->color != RL_COLOR_AUTO)
		return cli->color == RL_COLOR_ALWAYS;
	const char *no = getenv("NO_COLOR");
	if (no && *no)
		return false;
	return isatty(STDOUT_FILENO) && !dumb_terminal();
}

/* A terminal whose locale is not UTF-8 gets ASCII stand-ins; files and pipes get UTF-8. */
static bool use_ascii(void)
{
	const char *cs = nl_langinfo(CODESET);
	return isatty(STDOUT_FILENO) && !(cs && strcmp(cs, "UTF-8") == 0);
}

static int read_sources(const rl_cli *cli, rl_source src[2])
{
	char err[1024];

	for (int s = 0; s < 2; s++) {
		if (s == 1 && strcmp(cli->paths[0], "-") == 0 && strcmp(cli->paths[1], "-") == 0) {
			/* Standard input can be read once: "- -" compares it with itself. */
			if (rl_source_copy(&src[1], &src[0]) != 0) {
				error_line("out of memory");
				return -1;
			}
			continue;
		}
		if (rl_source_read(&src[s], cli->paths[s], cli->max_size, err, sizeof err) != 0) {
			error_line(err);
			return -1;
		}
	}
	return 0;
}

/* Binary inputs are not diffed, as diff does: a one-line verdict, exit 0 or 1. */
static int binary_verdict(const rl_source src[2])
{
	char a[512], b[512];

	if (src[0].len == src[1].len && memcmp(src[0].data, src[1].data, src[0].len) == 0)
		return EXIT_SAME;
	printf("Binary files %s and %s differ\n", rl_sanitize(src[0].name, a, sizeof a),
	       rl_sanitize(src[1].name, b, sizeof b));
	return fflush(stdout) == 0 ? EXIT_DIFFERENT : EXIT_TROUBLE;
}

static int print_alignment(const rl_cli *cli, const rl_alignment *al, const rl_source src[2])
{
	rl_out o;
	int rc;

	rl_out_init(&o, stdout, cli->format != RL_FMT_JSON && use_color(cli), use_ascii());
	switch (cli->format) {
	case RL_FMT_INLINE:
		rc = rl_print_inline(&o, al);
		break;
	case RL_FMT_JSON: {
		const char *names[2] = {src[0].name, src[1].name};
		size_t sizes[2] = {src[0].len, src[1].len};
		rc = rl_print_json(&o, al, names, sizes);
		break;
	}
	case RL_FMT_STAT:
		rc = rl_print_stat(&o, al);
		break;
	default:
		rc = rl_print_side_by_side(&o, al, output_width(cli));
		break;
	}
	if (rc != RL_OK) {
		rl_out_finish(&o);
		error_line(rl_strerror(rc));
		return -1;
	}
	if (rl_out_finish(&o) != 0) {
		error_line("write error on standard output");
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	rl_cli cli;
	rl_source src[2] = {{0}, {0}};
	rl_alignment *al = NULL;
	char err[512];
	int status = EXIT_TROUBLE;

	setlocale(LC_ALL, "");
	if (rl_cli_parse(&cli, argc, argv, err, sizeof err) != 0) {
		error_line(err);
		fputs("Try 'redline --help' for more information.\n", stderr);
		return EXIT_TROUBLE;
	}
	if (cli.help) {
		fputs(rl_cli_usage, stdout);
		return fflush(stdout) == 0 ? EXIT_SAME : EXIT_TROUBLE;
	}
	if (cli.version) {
		printf("redline %s\n", REDLINE_VERSION);
		return fflush(stdout) == 0 ? EXIT_SAME : EXIT_TROUBLE;
	}
	if (read_sources(&cli, src) != 0)
		goto out;
	if (!cli.text && (rl_source_is_binary(&src[0]) || rl_source_is_binary(&src[1]))) {
		status = binary_verdict(src);
		goto out;
	}
	int rc = rl_diff(&al, src[0].data, src[0].len, src[1].data, src[1].len, &cli.diff);
	if (rc != RL_OK) {
		snprintf(err, sizeof err, "%s", rl_strerror(rc));
		error_line(err);
		goto out;
	}
	if (print_alignment(&cli, al, src) != 0)
		goto out;
	status = rl_alignment_same(al) ? EXIT_SAME : EXIT_DIFFERENT;
out:
	rl_alignment_free(al);
	rl_source_release(&src[0]);
	rl_source_release(&src[1]);
	return status;
}
