/* main.c: the program: parse the command line, run it, exit. The only place that exits.
 *
 * The runners (rl_run_cli in run/run.h picks one) compare and show, print their own one-line
 * errors and return an exit status; main turns it into the exit, or re-raises the signal that
 * ended the viewer once everything is released. */
#include <locale.h>
#include <signal.h>
#include <stdio.h>

#include "cli/cli.h"
#include "input/input.h"
#include "print/print.h"
#include "run/run.h"

/* The exit, after everything is released: by the signal that ended the viewer, when one did. */
static int finish(int status, int sig)
{
	if (sig) {
		signal(sig, SIG_DFL);
		raise(sig);
		return 128 + sig;
	}
	return status;
}

/* Everything written to stdout reached it: exit 0; a failed write (a full disk, a closed pipe)
 * is trouble. */
static int flushed(void)
{
	if (rl_out_flush(stdout) == 0)
		return RL_EXIT_SAME;
	rl_error_line("write error on standard output");
	return RL_EXIT_TROUBLE;
}

int main(int argc, char **argv)
{
	rl_cli cli;
	char err[512];
	int sig = 0;

	/* The character type only: UTF-8 or not (nl_langinfo), widths (wcwidth), curses. Numbers stay
	 * in the C locale (--json's "0.9380", never "0,9380"), messages in English like redline's own;
	 * and one category is found faster than twelve (LANG=C.UTF-8: 430 K -> 326 K instructions for
	 * `redline --stat a b` on two small files, doc/performance.md). */
	setlocale(LC_CTYPE, "");
	if (rl_cli_parse(&cli, argc, argv, err, sizeof err) != 0) {
		rl_error_line(err);
		fputs("Try 'redline --help' for more information.\n", stderr);
		return RL_EXIT_TROUBLE;
	}
	if (cli.help) {
		fputs(rl_cli_usage, stdout);
		return flushed();
	}
	if (cli.version) {
		printf("redline %s\n", REDLINE_VERSION);
		return flushed();
	}
	if (cli.mode == RL_MODE_UNMERGED) {
		char path[512];
		printf("* Unmerged path %s\n", rl_sanitize(cli.ext.path, path, sizeof path));
		return flushed();
	}
	if (cli.list && cli.mode == RL_MODE_PAIR && cli.noperands <= 2 &&
	    !rl_dirs_both(cli.paths[0], cli.paths[1])) {
		rl_error_line("--list lists the files of --git, --history or two directories");
		return RL_EXIT_TROUBLE;
	}
	regex_t ignore[RL_MAX_IGNORE];
	if (rl_cli_compile_ignore(&cli, ignore, err, sizeof err) != 0) {
		rl_error_line(err);
		return RL_EXIT_TROUBLE;
	}
	/* The runner sets sig (the signal that ended the viewer) before finish reads it: a separate
	 * statement, since the order in which one call's arguments are evaluated is unspecified. */
	int status = rl_run_cli(&cli, &sig);
	rl_cli_free_ignore(&cli, ignore);
	return finish(status, sig);
}
