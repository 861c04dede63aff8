/* run_list.c: lists of pairs and several versions, in the viewer or printed. */
#include "run_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "input/input.h"
#include "pairsrc.h"
#include "print/print.h"
#include "show.h"
#include "status.h"
#include "tty.h"
#include "viewer.h"

/* One pair of a list: an unmerged path or a submodule gets a line, the others are read and
 * shown. */
static void show_pair(rl_listing *run, const rl_pairs *list, size_t i)
{
	const rl_pair_info *p = rl_pairs_pair(list, i);
	const rl_side_info *a = rl_pairs_side(list, p->side[0]), *b = rl_pairs_side(list, p->side[1]);
	rl_source src[2] = {{0}, {0}};
	char err[1024], x[512], y[512];

	if (p->change == RL_CHANGE_UNMERGED || p->submodule) {
		if (run->cli->format == RL_FMT_JSON)
			return;
		if (run->cli->format == RL_FMT_HTML) {
			rl_listing_note(run, a->name, b->name, NULL,
			                p->submodule ? "submodule, not compared" : "unmerged, not compared");
			rl_listing_worst(run, p->submodule ? RL_EXIT_DIFFERENT : RL_EXIT_SAME);
			return;
		}
		if (run->headers++)
			putchar('\n');
		if (p->submodule)
			printf("Submodules %s and %s differ\n", rl_sanitize(a->name, x, sizeof x),
			       rl_sanitize(b->name, y, sizeof y));
		else
			printf("* Unmerged path %s\n", rl_sanitize(b->path ? b->path : b->name, x, sizeof x));
		rl_listing_worst(run, p->submodule ? RL_EXIT_DIFFERENT : RL_EXIT_SAME);
		return;
	}
	bool read = true;
	for (int s = 0; s < 2 && read; s++)
		read = rl_pairs_read(list, p->side[s], &src[s], run->cli->max_size, err, sizeof err) == 0;
	if (!read || rl_doc_prepare_pair(src, &run->cli->doc, err, sizeof err) != 0) {
		rl_error_line(err);
		rl_listing_note(run, a->name, b->name, b->version.commit ? &b->version : NULL,
		                "not read (see the error message)");
		rl_listing_worst(run, RL_EXIT_TROUBLE);
		goto out;
	}
	rl_listing_show(run, src, b->version.commit ? &b->version : NULL);
out:
	rl_source_release(&src[0]);
	rl_source_release(&src[1]);
}

/* Every pair of a list, one after the other. */
static int show_list(const rl_cli *cli, const rl_pairs *list)
{
	rl_listing run = rl_listing_start(cli);

	for (size_t i = 0; i < rl_pairs_count(list); i++)
		show_pair(&run, list, i);
	return rl_listing_end(&run);
}

/* What a file list compares, for its status line: the command line's words (--git HEAD~3), or
 * the two directories (or their labels). */
static char *list_title(const rl_cli *cli)
{
	char buf[1024];
	size_t len = 0;
	if (cli->mode == RL_MODE_PAIR) {
		const char *a = cli->nlabels > 0 ? cli->labels[0] : cli->paths[0];
		const char *b = cli->nlabels > 1 ? cli->labels[1] : cli->paths[1];
		snprintf(buf, sizeof buf, "%s %s %s", a, rl_tty_ascii() ? "->" : "\xe2\x86\x92", b);
	} else {
		len = (size_t)snprintf(buf, sizeof buf, "--git%s", cli->cached ? " --cached" : "");
		for (size_t i = 0; i < cli->noperands && len < sizeof buf; i++)
			len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s",
			                        cli->dashdash && i == cli->nbefore ? " -- " : " ",
			                        cli->operands[i]);
	}
	char *t = malloc(strlen(buf) + 1);
	if (t)
		strcpy(t, buf);
	return t;
}

/* A list in the viewer, each side read when shown (consecutive pairs of a history share sides,
 * which keeps the view on the same text as [ and ] step). --git and two directories open on the
 * file list; --history on its latest change. Returns -1 when the list is better printed: a
 * history (or git's one file) with a binary or unreadable version, or a terminal curses cannot
 * use. */
static int view_list(const rl_cli *cli, const rl_pairs *list, const rl_vterm *vt, int *sig)
{
	size_t np = rl_pairs_count(list);
	bool files = cli->mode == RL_MODE_GIT || cli->mode == RL_MODE_PAIR;
	if (np == 0)
		return -1;
	char *title = files ? list_title(cli) : NULL;
	rl_listsrc_opts o = {cli->max_size, cli->text, files,
	                     cli->mode == RL_MODE_HISTORY ? np - 1 : 0, title, &cli->doc};
	rl_listsrc *ls = NULL;
	int rc = files && !title ? RL_ENOMEM : rl_listsrc_new(&ls, list, &o);
	free(title);
	if (rc != RL_OK) {
		rl_error_line(rl_strerror(rc));
		return RL_EXIT_TROUBLE;
	}
	const rl_pairsrc *src = rl_listsrc_pairsrc(ls);
	int status = -1;
	bool marked = false;
	for (size_t i = 0; i < np && !files && !marked; i++) {
		rl_entry e;
		src->describe(src->ctx, i, true, &e);
		marked = e.mark != RL_MARK_NONE;
	}
	if (!marked) {
		rl_viewer_opts vo = rl_vterm_opts(vt, cli);
		vo.notice = rl_pairs_note(list);
		bool differ = false;
		rc = rl_viewer_run_src(src, &vo, &differ, sig);
		status = rl_show_view_status(rc, differ);
	}
	rl_listsrc_free(ls);
	return status;
}

/* What --list says after a file's path: NULL, "binary" (a NUL in its first 8 KiB), or "over
 * --max-size" (not read: a file the limit keeps out of a comparison is still listed). A side
 * that cannot be read is trouble. */
static int list_mark(const rl_cli *cli, const rl_pairs *list, const rl_pair_info *p,
                     const char **mark)
{
	char err[1024];
	*mark = NULL;
	if (p->submodule || p->change == RL_CHANGE_UNMERGED)
		return 0;
	for (int s = 0; s < 2; s++) {
		unsigned long long size;
		if (rl_pairs_size(list, p->side[s], &size) == 0 && size > cli->max_size) {
			*mark = "over --max-size";
			return 0;
		}
	}
	for (int s = 0; s < 2 && !*mark; s++) {
		rl_source src = {0};
		/* A document (a .docx is a zip) is binary only if its text cannot be extracted. */
		if (rl_pairs_read(list, p->side[s], &src, cli->max_size, err, sizeof err) != 0 ||
		    rl_doc_prepare(&src, &cli->doc, err, sizeof err) != 0) {
			rl_source_release(&src);
			rl_error_line(err);
			return -1;
		}
		if (!cli->text && rl_source_is_binary(&src))
			*mark = "binary";
		rl_source_release(&src);
	}
	return 0;
}

/* --list: the files (binary and oversized ones marked) or the versions, without comparing
 * them. Exit status 1 when the list holds a change. */
static int print_list(const rl_cli *cli, const rl_pairs *list)
{
	int status = rl_pairs_count(list) ? RL_EXIT_DIFFERENT : RL_EXIT_SAME;
	rl_out o;

	rl_out_init(&o, stdout, false, rl_tty_ascii());
	if (cli->mode == RL_MODE_HISTORY) {
		rl_print_versions(&o, list);
	} else {
		for (size_t i = 0; i < rl_pairs_count(list); i++) {
			const char *mark;
			if (list_mark(cli, list, rl_pairs_pair(list, i), &mark) != 0)
				status = RL_EXIT_TROUBLE;
			rl_print_list_entry(&o, list, i, mark);
		}
	}
	if (rl_out_finish(&o) != 0) {
		rl_error_line("write error on standard output");
		return RL_EXIT_TROUBLE;
	}
	return status;
}

/* git's external diff: one pair named a/PATH and b/PATH as git names them, /dev/null when
 * absent. */
static int extdiff_list(const rl_cli *cli, rl_pairs **out)
{
	const rl_extdiff *e = &cli->ext;
	rl_pairs *list;
	size_t side[2];
	int rc;

	if ((rc = rl_pairs_new(&list, NULL)) != RL_OK)
		return rc;
	for (int s = 0; s < 2 && rc == RL_OK; s++) {
		const char *path = s && e->new_path ? e->new_path : e->path;
		if (strcmp(e->hex[s], ".") == 0) {
			rc = rl_pairs_add_absent(list, &side[s]);
			continue;
		}
		size_t n = strlen(path) + 3;
		char *name = malloc(n);
		if (!name) {
			rc = RL_ENOMEM;
			break;
		}
		snprintf(name, n, "%c/%s", s ? 'b' : 'a', path);
		rc = rl_pairs_add_file(list, &side[s], name, path, e->file[s]);
		free(name);
	}
	if (rc == RL_OK)
		rc = rl_pairs_add(list, side[0], side[1],
		                  strcmp(e->hex[0], ".") == 0   ? RL_CHANGE_ADDED
		                  : strcmp(e->hex[1], ".") == 0 ? RL_CHANGE_DELETED
		                  : e->new_path                 ? RL_CHANGE_RENAMED
		                                                : RL_CHANGE_MODIFIED,
		                  false);
	if (rc != RL_OK) {
		rl_pairs_free(list);
		return rc;
	}
	*out = list;
	return RL_OK;
}

/* The list a mode compares. *repo is opened for --git and --history (the list borrows it). */
static int build_list(const rl_cli *cli, rl_repo **repo, rl_pairs **list)
{
	char err[1024], why[512];
	const char *what = cli->mode == RL_MODE_GIT ? "--git" : "--history";
	int rc;

	if (cli->mode == RL_MODE_EXTDIFF) {
		rc = extdiff_list(cli, list);
		if (rc != RL_OK)
			rl_error_line(rl_strerror(rc));
		return rc == RL_OK ? 0 : -1;
	}
	if (cli->mode == RL_MODE_PAIR) {
		const char *dirs[2] = {cli->paths[0], cli->paths[1]};
		rc = rl_dirs_list(list, dirs, cli->labels, cli->max_size, err, sizeof err);
	} else if (rl_repo_open(repo, why, sizeof why) != 0) {
		snprintf(err, sizeof err, "%s: %s", what, why);
		rc = -1;
	} else if (cli->mode == RL_MODE_GIT) {
		rl_changes_opts o = {.args = cli->operands, .nargs = cli->nbefore,
		                     .paths = cli->operands + cli->nbefore,
		                     .npaths = cli->noperands - cli->nbefore,
		                     .dashdash = cli->dashdash, .cached = cli->cached};
		rc = rl_changes_list(list, *repo, &o, err, sizeof err);
	} else {
		rc = rl_history_list(list, *repo, cli->operands[0], err, sizeof err);
	}
	if (rc != 0)
		rl_error_line(err);
	return rc;
}

int rl_run_list(const rl_cli *cli, int *sig)
{
	rl_repo *repo = NULL;
	rl_pairs *list = NULL;
	int status = RL_EXIT_TROUBLE;
	rl_vterm vt;

	if (build_list(cli, &repo, &list) == 0) {
		/* git's external diff prints (git runs it once per file, often into its pager), unless
		 * asked for the viewer. */
		status = -1;
		if (!cli->list && (cli->mode != RL_MODE_EXTDIFF || cli->viewer) && rl_vterm_open(&vt, cli)) {
			status = view_list(cli, list, &vt, sig);
			rl_vterm_close(&vt);
		}
		if (status < 0) {
			/* Printed: the note goes to stderr, keeping stdout (a list, JSON) as it is. */
			if (rl_pairs_note(list))
				fprintf(stderr, "redline: --history: %s\n", rl_pairs_note(list));
			status = cli->list ? print_list(cli, list) : show_list(cli, list);
		}
		/* git stops at an external diff that exits non-zero: differing is not trouble. */
		if (cli->mode == RL_MODE_EXTDIFF && status == RL_EXIT_DIFFERENT)
			status = RL_EXIT_SAME;
	}
	rl_pairs_free(list);
	rl_repo_free(repo);
	return status;
}

/* How many sources the versions are: with --base, ORIG and then the operands. */
static size_t count_versions(const rl_cli *cli)
{
	return cli->noperands + (cli->base != NULL);
}

/* Source i's command-line operand. */
static const char *version_spec(const rl_cli *cli, size_t i)
{
	if (cli->base)
		return i ? cli->operands[i - 1] : cli->base;
	return cli->operands[i];
}

/* The old side of pair k (whose new side is source k + 1): ORIG with --base, else the version
 * before. */
static size_t old_side(const rl_cli *cli, size_t k)
{
	return cli->base ? 0 : k;
}

/* The versions, each read once ("-" once too, standing for every "-"). */
static int read_versions(const rl_cli *cli, rl_source *src)
{
	char err[1024];
	const rl_source *stdin_src = NULL;

	for (size_t i = 0; i < count_versions(cli); i++) {
		const char *spec = version_spec(cli, i);
		if (stdin_src && strcmp(spec, "-") == 0) {
			if (rl_source_copy(&src[i], stdin_src) != 0) {
				rl_error_line("out of memory");
				return -1;
			}
			continue;
		}
		if (rl_source_read(&src[i], spec, cli->max_size, err, sizeof err) != 0 ||
		    rl_doc_prepare(&src[i], &cli->doc, err, sizeof err) != 0) {
			rl_error_line(err);
			return -1;
		}
		if (strcmp(spec, "-") == 0)
			stdin_src = &src[i];
	}
	for (unsigned s = 0; s < cli->nlabels; s++) {
		if (rl_source_rename(&src[s], cli->labels[s]) != 0) {
			rl_error_line("out of memory");
			return -1;
		}
	}
	return 0;
}

/* Versions printed: each pair under its header, as a list prints them (--base --stat: one line
 * a pair, named by its version, so that the copies can be ranked). */
static int print_versions(const rl_cli *cli, const rl_source *src)
{
	rl_listing run = rl_listing_start(cli);

	run.one_line_stat = cli->base != NULL;
	for (size_t k = 0; k + 1 < count_versions(cli); k++) {
		rl_source pair[2] = {src[old_side(cli, k)], src[k + 1]};
		rl_listing_show(&run, pair, NULL);
	}
	return rl_listing_end(&run);
}

int rl_run_versions(const rl_cli *cli, int *sig)
{
	size_t n = count_versions(cli);
	rl_source *src = calloc(n, sizeof *src);
	int status = RL_EXIT_TROUBLE;
	rl_vterm vt;

	if (!src) {
		rl_error_line("out of memory");
		return RL_EXIT_TROUBLE;
	}
	if (read_versions(cli, src) == 0) {
		bool binary = false;
		for (size_t k = 0; k + 1 < n; k++)
			binary |= rl_binary_pair(cli, &src[old_side(cli, k)], &src[k + 1]);
		status = -1;
		if (!binary && rl_vterm_open(&vt, cli)) {
			status = cli->base ? rl_show_view_base(cli, src, n, &vt, sig)
			                   : rl_show_view(cli, src, n, NULL, &vt, sig);
			rl_vterm_close(&vt);
		}
		if (status < 0)
			status = print_versions(cli, src);
	}
	for (size_t i = 0; i < n; i++)
		rl_source_release(&src[i]);
	free(src);
	return status;
}
