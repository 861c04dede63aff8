/* main.c: the program. The only place that prints errors and the only place that exits. */
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "align.h"
#include "changes.h"
#include "cli.h"
#include "dirs.h"
#include "history.h"
#include "out.h"
#include "pairs.h"
#include "pairsrc.h"
#include "print.h"
#include "repo.h"
#include "source.h"
#include "status.h"
#include "viewer.h"

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

/* git sets GIT_PAGER_IN_USE when it pipes its output (and an external diff's) to its pager, and
 * colours that output itself: the pager shows colour (less -R). */
static bool git_pager(void)
{
	const char *in_use = getenv("GIT_PAGER_IN_USE");
	return in_use && (strcmp(in_use, "true") == 0 || strcmp(in_use, "1") == 0);
}

static bool use_color(const rl_cli *cli)
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

/* A terminal whose locale is not UTF-8 gets ASCII stand-ins; files and pipes get UTF-8. */
static bool use_ascii(void)
{
	return isatty(STDOUT_FILENO) && !utf8_locale();
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

static bool same_bytes(const rl_source src[2])
{
	return src[0].len == src[1].len && memcmp(src[0].data, src[1].data, src[0].len) == 0;
}

/* Binary inputs are not diffed, as diff does: a one-line verdict, exit 0 or 1. --json gets a
 * JSON document saying so (print.h), whether or not the bytes differ. */
static int binary_verdict(const rl_cli *cli, const rl_source src[2])
{
	char a[512], b[512];
	bool same = same_bytes(src);

	if (cli->format == RL_FMT_JSON) {
		rl_out o;
		const char *names[2] = {src[0].name, src[1].name};
		size_t sizes[2] = {src[0].len, src[1].len};
		rl_out_init(&o, stdout, false, false);
		rl_print_json_binary(&o, names, sizes, same);
		if (rl_out_finish(&o) != 0)
			return EXIT_TROUBLE;
	} else if (!same) {
		printf("Binary files %s and %s differ\n", rl_sanitize(src[0].name, a, sizeof a),
		       rl_sanitize(src[1].name, b, sizeof b));
	}
	if (fflush(stdout) != 0)
		return EXIT_TROUBLE;
	return same ? EXIT_SAME : EXIT_DIFFERENT;
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

/* ------------------------------------------------------------------ the viewer */

/* The viewer's colours: none under --color=never or NO_COLOR (with auto). */
static bool viewer_no_color(const rl_cli *cli)
{
	const char *no = getenv("NO_COLOR");
	if (cli->color != RL_COLOR_AUTO)
		return cli->color == RL_COLOR_NEVER;
	return no && *no;
}

/* The terminal the viewer runs on: standard output, or (--viewer) the controlling terminal. */
typedef struct viewer_term {
	FILE *out, *in;  /* NULL: standard output, keys from stdin or /dev/tty */
	int colors;
	bool ascii;
} viewer_term;

static void viewer_term_close(viewer_term *vt)
{
	if (vt->out)
		fclose(vt->out);
	if (vt->in)
		fclose(vt->in);
	vt->out = vt->in = NULL;
}

/* Should this comparison open the viewer: no output format asked for, a terminal that can show
 * it? With --viewer, the terminal is /dev/tty when standard output is not one (git's external
 * diff writes into git), unless git's pager holds the terminal. */
static bool want_viewer(const rl_cli *cli, viewer_term *vt)
{
	*vt = (viewer_term){.ascii = use_ascii()};
	if (cli->format != RL_FMT_AUTO)
		return false;
	if (rl_viewer_usable(&vt->colors))
		return true;
	if (!cli->viewer || git_pager() || dumb_terminal())
		return false;
	vt->out = fopen("/dev/tty", "w");
	vt->in = fopen("/dev/tty", "r");
	if (vt->out && vt->in && rl_viewer_usable_on(vt->out, &vt->colors)) {
		vt->ascii = !utf8_locale();
		return true;
	}
	viewer_term_close(vt);
	return false;
}

static rl_viewer_opts viewer_opts(const rl_cli *cli, const viewer_term *vt)
{
	return (rl_viewer_opts){cli->diff, vt->colors, viewer_no_color(cli), vt->ascii, true,
	                        vt->out, vt->in};
}

/* The viewer's result as an exit status, or -1 when curses could not start on this terminal or
 * the first pair cannot be compared (the caller prints instead). */
static int viewer_status(int rc, bool differ)
{
	if (rc == RL_EINVAL || rc == RL_MODEL_CLOSED)
		return -1;
	if (rc != RL_OK) {
		error_line(rl_strerror(rc));
		return EXIT_TROUBLE;
	}
	return differ ? EXIT_DIFFERENT : EXIT_SAME;
}

/* The pairs in the viewer, opening on pairs[first]. Returns the exit status, or -1 (the caller
 * prints instead). *sig: a signal that ended it. */
static int view_pairs(const rl_cli *cli, const rl_pair *pairs, size_t n, size_t first,
                      const viewer_term *vt, int *sig)
{
	rl_viewer_opts vo = viewer_opts(cli, vt);
	bool differ = false;
	int rc = rl_viewer_run(pairs, n, first, &vo, &differ, sig);
	return viewer_status(rc, differ);
}

static bool binary_pair(const rl_cli *cli, const rl_source *a, const rl_source *b)
{
	return !cli->text && (rl_source_is_binary(a) || rl_source_is_binary(b));
}

/* Consecutive sources as pairs of documents: (0, 1), (1, 2), ...; label: the status line's
 * name for a single pair (NULL: none). */
static int view_sources(const rl_cli *cli, const rl_source *src, size_t n, const char *label,
                        const viewer_term *vt, int *sig)
{
	rl_pair *pairs = calloc(n - 1, sizeof *pairs);
	if (!pairs) {
		error_line("out of memory");
		return EXIT_TROUBLE;
	}
	for (size_t i = 0; i + 1 < n; i++)
		for (int s = 0; s < 2; s++)
			pairs[i].doc[s] = (rl_doc){src[i + s].data, src[i + s].len, src[i + s].name};
	pairs[0].label = n == 2 ? label : NULL;
	int status = view_pairs(cli, pairs, n - 1, 0, vt, sig);
	free(pairs);
	return status;
}

/* A list being printed: JSON documents need separators, and the exit status is the worst
 * pair's. */
typedef struct list_run {
	const rl_cli *cli;
	size_t shown;    /* JSON documents written */
	size_t headers;  /* pair headers written (a blank line goes before all but the first) */
	int status;      /* EXIT_SAME, EXIT_DIFFERENT or EXIT_TROUBLE */
} list_run;

/* A list run. When git runs redline once per file, the files after the first (its counter says
 * which) also get a blank line before their header. */
static list_run list_start(const rl_cli *cli)
{
	const char *counter = getenv("GIT_DIFF_PATH_COUNTER");
	bool later = counter && strtol(counter, NULL, 10) > 1;
	return (list_run){.cli = cli, .headers = later, .status = EXIT_SAME};
}

static void worst(list_run *run, int status)
{
	if (status > run->status)
		run->status = status;
}

/* One pair of a list, read: its header, then its comparison in the chosen format; texts that do
 * not differ get one line saying so. */
static void show_sources(list_run *run, const rl_source src[2], const rl_version *version)
{
	const rl_cli *cli = run->cli;
	rl_alignment *al = NULL;
	rl_out o;

	if (!cli->text && (rl_source_is_binary(&src[0]) || rl_source_is_binary(&src[1]))) {
		/* JSON lists every pair compared as a document, binary ones too; the text formats
		 * give a line only to binary files that differ. */
		if (cli->format == RL_FMT_JSON)
			fputs(run->shown++ ? ",\n" : "[\n", stdout);
		else if (!same_bytes(src) && run->headers++)
			putchar('\n');
		worst(run, binary_verdict(cli, src));
		return;
	}
	int rc = rl_diff(&al, src[0].data, src[0].len, src[1].data, src[1].len, &cli->diff);
	if (rc != RL_OK) {
		error_line(rl_strerror(rc));
		worst(run, EXIT_TROUBLE);
		return;
	}
	bool same = rl_alignment_same(al);
	if (cli->format == RL_FMT_JSON) {
		fputs(run->shown++ ? ",\n" : "[\n", stdout);
	} else {
		rl_out_init(&o, stdout, use_color(cli), use_ascii());
		if (run->headers++)
			rl_out_raw(&o, "\n", 1);
		rl_print_pair_header(&o, src[0].name, src[1].name, version);
		if (same && cli->format != RL_FMT_STAT)
			rl_print_no_difference(&o);
		rl_out_finish(&o);
	}
	if ((!same || cli->format == RL_FMT_JSON || cli->format == RL_FMT_STAT) &&
	    print_alignment(cli, al, src) != 0)
		worst(run, EXIT_TROUBLE);
	else
		worst(run, same ? EXIT_SAME : EXIT_DIFFERENT);
	rl_alignment_free(al);
}

static void show_pair(list_run *run, const rl_pairs *list, size_t i)
{
	const rl_pair_info *p = rl_pairs_pair(list, i);
	const rl_side_info *a = rl_pairs_side(list, p->side[0]), *b = rl_pairs_side(list, p->side[1]);
	rl_source src[2] = {{0}, {0}};
	char err[1024], x[512], y[512];

	if (p->change == RL_CHANGE_UNMERGED || p->submodule) {
		if (run->cli->format == RL_FMT_JSON)
			return;
		if (run->headers++)
			putchar('\n');
		if (p->submodule)
			printf("Submodules %s and %s differ\n", rl_sanitize(a->name, x, sizeof x),
			       rl_sanitize(b->name, y, sizeof y));
		else
			printf("* Unmerged path %s\n", rl_sanitize(b->path ? b->path : b->name, x, sizeof x));
		worst(run, p->submodule ? EXIT_DIFFERENT : EXIT_SAME);
		return;
	}
	for (int s = 0; s < 2; s++) {
		if (rl_pairs_read(list, p->side[s], &src[s], run->cli->max_size, err, sizeof err) != 0) {
			error_line(err);
			worst(run, EXIT_TROUBLE);
			goto out;
		}
	}
	show_sources(run, src, b->version.commit ? &b->version : NULL);
out:
	rl_source_release(&src[0]);
	rl_source_release(&src[1]);
}

/* Every pair of a list, one after the other. */
static int show_list(const rl_cli *cli, const rl_pairs *list)
{
	list_run run = list_start(cli);

	for (size_t i = 0; i < rl_pairs_count(list); i++)
		show_pair(&run, list, i);
	if (cli->format == RL_FMT_JSON)
		fputs(run.shown ? "]\n" : "[]\n", stdout);
	if (fflush(stdout) != 0) {
		error_line("write error on standard output");
		return EXIT_TROUBLE;
	}
	return run.status;
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
		snprintf(buf, sizeof buf, "%s %s %s", a, use_ascii() ? "->" : "\xe2\x86\x92", b);
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
static int view_list(const rl_cli *cli, const rl_pairs *list, const viewer_term *vt, int *sig)
{
	size_t np = rl_pairs_count(list);
	bool files = cli->mode == RL_MODE_GIT || cli->mode == RL_MODE_PAIR;
	if (np == 0)
		return -1;
	char *title = files ? list_title(cli) : NULL;
	rl_listsrc_opts o = {cli->max_size, cli->text, files,
	                     cli->mode == RL_MODE_HISTORY ? np - 1 : 0, title};
	rl_listsrc *ls = NULL;
	int rc = files && !title ? RL_ENOMEM : rl_listsrc_new(&ls, list, &o);
	free(title);
	if (rc != RL_OK) {
		error_line(rl_strerror(rc));
		return EXIT_TROUBLE;
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
		rl_viewer_opts vo = viewer_opts(cli, vt);
		bool differ = false;
		rc = rl_viewer_run_src(src, &vo, &differ, sig);
		status = viewer_status(rc, differ);
	}
	rl_listsrc_free(ls);
	return status;
}

/* --list: the files (binary ones marked) or the versions, without comparing them. Exit status 1
 * when the list holds a change. */
static int print_list(const rl_cli *cli, const rl_pairs *list)
{
	int status = rl_pairs_count(list) ? EXIT_DIFFERENT : EXIT_SAME;
	rl_out o;
	char err[1024];

	rl_out_init(&o, stdout, false, use_ascii());
	if (cli->mode == RL_MODE_HISTORY) {
		rl_print_versions(&o, list);
	} else {
		for (size_t i = 0; i < rl_pairs_count(list); i++) {
			const rl_pair_info *p = rl_pairs_pair(list, i);
			bool binary = false;
			for (int s = 0; s < 2 && !binary && !p->submodule && p->change != RL_CHANGE_UNMERGED;
			     s++) {
				rl_source src;
				if (rl_pairs_read(list, p->side[s], &src, cli->max_size, err, sizeof err) != 0) {
					error_line(err);
					status = EXIT_TROUBLE;
					break;
				}
				binary = !cli->text && rl_source_is_binary(&src);
				rl_source_release(&src);
			}
			rl_print_list_entry(&o, list, i, binary);
		}
	}
	if (rl_out_finish(&o) != 0) {
		error_line("write error on standard output");
		return EXIT_TROUBLE;
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
			error_line(rl_strerror(rc));
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
		error_line(err);
	return rc;
}

static int run_list(const rl_cli *cli, int *sig)
{
	rl_repo *repo = NULL;
	rl_pairs *list = NULL;
	int status = EXIT_TROUBLE;
	viewer_term vt;

	if (build_list(cli, &repo, &list) == 0) {
		/* git's external diff prints (git runs it once per file, often into its pager), unless
		 * asked for the viewer. */
		status = -1;
		if (!cli->list && (cli->mode != RL_MODE_EXTDIFF || cli->viewer) && want_viewer(cli, &vt)) {
			status = view_list(cli, list, &vt, sig);
			viewer_term_close(&vt);
		}
		if (status < 0)
			status = cli->list ? print_list(cli, list) : show_list(cli, list);
		/* git stops at an external diff that exits non-zero: differing is not trouble. */
		if (cli->mode == RL_MODE_EXTDIFF && status == EXIT_DIFFERENT)
			status = EXIT_SAME;
	}
	rl_pairs_free(list);
	rl_repo_free(repo);
	return status;
}

/* Two files when git runs redline once per file (difftool; GIT_DIFF_PATH_TOTAL says so): each
 * comparison gets a header, as in a list, so that a stream of them can be told apart. */
static int show_one_of_many(const rl_cli *cli, const rl_source src[2])
{
	list_run run = list_start(cli);

	show_sources(&run, src, NULL);
	if (cli->format == RL_FMT_JSON && run.shown)
		fputs("]\n", stdout);
	if (fflush(stdout) != 0) {
		error_line("write error on standard output");
		return EXIT_TROUBLE;
	}
	return run.status;
}

/* More than two files: versions, each read once ("-" once too, standing for every "-"). */
static int read_versions(const rl_cli *cli, rl_source *src)
{
	char err[1024];
	const rl_source *stdin_src = NULL;

	for (size_t i = 0; i < cli->noperands; i++) {
		const char *spec = cli->operands[i];
		if (stdin_src && strcmp(spec, "-") == 0) {
			if (rl_source_copy(&src[i], stdin_src) != 0) {
				error_line("out of memory");
				return -1;
			}
			continue;
		}
		if (rl_source_read(&src[i], spec, cli->max_size, err, sizeof err) != 0) {
			error_line(err);
			return -1;
		}
		if (strcmp(spec, "-") == 0)
			stdin_src = &src[i];
	}
	for (unsigned s = 0; s < cli->nlabels; s++) {
		if (rl_source_rename(&src[s], cli->labels[s]) != 0) {
			error_line("out of memory");
			return -1;
		}
	}
	return 0;
}

/* Versions printed: each pair under its header, as a list prints them. */
static int print_versions(const rl_cli *cli, const rl_source *src)
{
	list_run run = list_start(cli);

	for (size_t i = 0; i + 1 < cli->noperands; i++)
		show_sources(&run, &src[i], NULL);
	if (cli->format == RL_FMT_JSON)
		fputs(run.shown ? "]\n" : "[]\n", stdout);
	if (fflush(stdout) != 0) {
		error_line("write error on standard output");
		return EXIT_TROUBLE;
	}
	return run.status;
}

static int run_versions(const rl_cli *cli, int *sig)
{
	size_t n = cli->noperands;
	rl_source *src = calloc(n, sizeof *src);
	int status = EXIT_TROUBLE;
	viewer_term vt;

	if (!src) {
		error_line("out of memory");
		return EXIT_TROUBLE;
	}
	if (read_versions(cli, src) == 0) {
		bool binary = false;
		for (size_t i = 0; i + 1 < n; i++)
			binary |= binary_pair(cli, &src[i], &src[i + 1]);
		status = -1;
		if (!binary && want_viewer(cli, &vt)) {
			status = view_sources(cli, src, n, NULL, &vt, sig);
			viewer_term_close(&vt);
		}
		if (status < 0)
			status = print_versions(cli, src);
	}
	for (size_t i = 0; i < n; i++)
		rl_source_release(&src[i]);
	free(src);
	return status;
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

int main(int argc, char **argv)
{
	rl_cli cli;
	rl_source src[2] = {{0}, {0}};
	rl_alignment *al = NULL;
	char err[512];
	int status = EXIT_TROUBLE, sig = 0;
	viewer_term vt;

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
	if (cli.mode == RL_MODE_UNMERGED) {
		char path[512];
		printf("* Unmerged path %s\n", rl_sanitize(cli.ext.path, path, sizeof path));
		return fflush(stdout) == 0 ? EXIT_SAME : EXIT_TROUBLE;
	}
	if (cli.mode == RL_MODE_PAIR && cli.noperands > 2)
		return finish(run_versions(&cli, &sig), sig);
	if (cli.mode != RL_MODE_PAIR || rl_dirs_both(cli.paths[0], cli.paths[1]))
		return finish(run_list(&cli, &sig), sig);
	if (cli.list) {
		error_line("--list lists the files of --git, --history or two directories");
		return EXIT_TROUBLE;
	}
	if (read_sources(&cli, src) != 0)
		goto out;
	/* A label names a file; /dev/null (git's absent side) stays /dev/null. */
	for (unsigned s = 0; s < cli.nlabels; s++) {
		if (strcmp(cli.paths[s], "/dev/null") != 0 &&
		    rl_source_rename(&src[s], cli.labels[s]) != 0) {
			error_line("out of memory");
			goto out;
		}
	}
	/* The viewer on a terminal that can show it. This comes before the header that git
	 * difftool's runs get when printed: difftool runs redline once per file, on the terminal. */
	if (!binary_pair(&cli, &src[0], &src[1]) && want_viewer(&cli, &vt)) {
		char label[64];
		status = view_sources(&cli, src, 2, difftool_label(label, sizeof label), &vt, &sig);
		viewer_term_close(&vt);
		if (status >= 0)
			goto out;
		status = EXIT_TROUBLE;
	}
	if (getenv("GIT_DIFF_PATH_TOTAL")) {
		status = show_one_of_many(&cli, src);
		goto out;
	}
	if (!cli.text && (rl_source_is_binary(&src[0]) || rl_source_is_binary(&src[1]))) {
		status = binary_verdict(&cli, src);
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
	return finish(status, sig);
}
