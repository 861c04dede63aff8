/* run.c: the runner a command line asks for. */
#include "run.h"

#include <stdio.h>

#include "input/input.h"

int rl_run_cli(const rl_cli *cli, int *sig)
{
	rl_cli c = *cli;
	rl_thai thai = RL_THAI_INIT;
	int status;

	rl_thai_attach(&thai, &c.diff);
	if (c.extract)
		status = rl_run_extract(&c);
	else if (c.mode == RL_MODE_PAIR && (c.noperands > 2 || c.base))
		status = rl_run_versions(&c, sig);
	else if (c.mode != RL_MODE_PAIR || rl_dirs_both(c.paths[0], c.paths[1]))
		status = rl_run_list(&c, sig);
	else
		status = rl_run_pair(&c, sig);
	/* Said once, after the comparisons (never over the viewer's screen): they are still right,
	 * with Thai one word per grapheme. */
	const char *missing = rl_thai_missing(&thai);
	if (missing)
		fprintf(stderr, "redline: %s\n", missing);
	rl_thai_release(&thai);
	return status;
}
