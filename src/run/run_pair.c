/* run_pair.c: one pair of files, in the viewer or printed. */
#include "run_pair.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "align.h"
#include "doc/doc.h"
#include "input/input.h"
#include "print/print.h"
#include "show.h"
#include "status.h"
#include "tty.h"

/* Both sides, each read once (standard input too), then prepared alike (doc.h). */
static int read_sources(const rl_cli *cli, rl_source src[2])
{
	char err[1024];

	for (int s = 0; s < 2; s++) {
		if (s == 1 && strcmp(cli->paths[0], "-") == 0 && strcmp(cli->paths[1], "-") == 0) {
			/* Standard input can be read once: "- -" compares it with itself. */
			if (rl_source_copy(&src[1], &src[0]) != 0) {
				rl_error_line("out of memory");
				return -1;
			}
			continue;
		}
		if (rl_source_read(&src[s], cli->paths[s], cli->max_size, err, sizeof err) != 0) {
			rl_error_line(err);
			return -1;
		}
	}
	if (rl_doc_prepare_pair(src, &cli->doc, err, sizeof err) != 0) {
		rl_error_line(err);
		return -1;
	}
	return 0;
}

/* Two files when git runs redline once per file (difftool; GIT_DIFF_PATH_TOTAL says so): each
 * comparison gets a header, as in a list, so that a stream of them can be told apart. */
static int show_one_of_many(const rl_cli *cli, const rl_source src[2])
{
	rl_listing run = rl_listing_start(cli);

	rl_listing_show(&run, src, NULL);
	if (cli->format == RL_FMT_JSON && run.shown)
		fputs("]\n", stdout);
	if (rl_out_flush(stdout) != 0) {
		rl_error_line("write error on standard output");
		return RL_EXIT_TROUBLE;
	}
	return run.status;
}

/* git difftool runs redline once per file and says which: "3/5" for the status line, or NULL. */
static const char *difftool_label(char *buf, size_t n)
{
	const char *counter = getenv("GIT_DIFF_PATH_COUNTER"), *total = getenv("GIT_DIFF_PATH_TOTAL");
	if (!counter || !total)
		return NULL;
	char *e1, *e2;
	long c = strtol(counter, &e1, 10), t = strtol(total, &e2, 10);
	if (*e1 || *e2 || c < 1 || t < c || t > 10000000)
		return NULL;
	snprintf(buf, n, "%ld/%ld", c, t);
	return buf;
}

int rl_run_pair(const rl_cli *cli, int *sig)
{
	rl_source src[2] = {{0}, {0}};
	rl_alignment *al = NULL;
	int status = RL_EXIT_TROUBLE;
	rl_vterm vt;

	if (read_sources(cli, src) != 0)
		goto out;
	/* A label names a file; /dev/null (git's absent side) stays /dev/null. */
	for (unsigned s = 0; s < cli->nlabels; s++) {
		if (strcmp(cli->paths[s], "/dev/null") != 0 &&
		    rl_source_rename(&src[s], cli->labels[s]) != 0) {
			rl_error_line("out of memory");
			goto out;
		}
	}
	/* The viewer on a terminal that can show it. This comes before the header that git
	 * difftool's runs get when printed: difftool runs redline once per file, on the terminal. */
	if (!rl_binary_pair(cli, &src[0], &src[1]) && rl_vterm_open(&vt, cli)) {
		char label[64];
		status = rl_show_view(cli, src, 2, difftool_label(label, sizeof label), &vt, sig);
		rl_vterm_close(&vt);
		if (status >= 0)
			goto out;
		status = RL_EXIT_TROUBLE;
	}
	if (getenv("GIT_DIFF_PATH_TOTAL")) {
		status = show_one_of_many(cli, src);
		goto out;
	}
	if (rl_binary_pair(cli, &src[0], &src[1])) {
		status = rl_show_binary(cli, src);
		goto out;
	}
	int rc = rl_source_diff(&al, &src[0], &src[1], &cli->diff);
	if (rc != RL_OK) {
		rl_error_line(rl_strerror(rc));
		goto out;
	}
	if (rl_show_alignment(cli, al, src) != 0)
		goto out;
	status = rl_alignment_same(al) ? RL_EXIT_SAME : RL_EXIT_DIFFERENT;
out:
	rl_alignment_free(al);
	rl_source_release(&src[0]);
	rl_source_release(&src[1]);
	return status;
}

/* Bytes for a terminal: C0 and C1 controls (but line feeds and tabs) and DEL become '?'. */
static void put_safe(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] < 0xA0) {
			putchar('?');
			i++;
		} else {
			putchar((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F ? '?' : c);
		}
	}
}

int rl_run_extract(const rl_cli *cli)
{
	rl_source src;
	char err[1024];
	rl_doc_opts o = cli->doc;

	/* The extracted text whole: the ranges --json gives (dropped ones too) point into it. */
	o.body = RL_BODY_OFF;
	o.nignore = 0;
	if (rl_source_read(&src, cli->operands[0], cli->max_size, err, sizeof err) != 0 ||
	    rl_doc_prepare(&src, &o, err, sizeof err) != 0) {
		rl_source_release(&src);
		rl_error_line(err);
		return RL_EXIT_TROUBLE;
	}
	if (isatty(STDOUT_FILENO))
		put_safe(src.data, src.len);
	else
		fwrite(src.data, 1, src.len, stdout);
	rl_source_release(&src);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		rl_error_line("write error on standard output");
		return RL_EXIT_TROUBLE;
	}
	return RL_EXIT_SAME;
}
