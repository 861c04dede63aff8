/* show.c: one comparison shown, printed or in the viewer; a list's printing state. */
#include "show.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "model.h"
#include "print/print.h"
#include "status.h"
#include "viewer.h"

void rl_error_line(const char *msg)
{
	char safe[1024];
	fprintf(stderr, "redline: %s\n", rl_sanitize(msg, safe, sizeof safe));
}

bool rl_binary_pair(const rl_cli *cli, const rl_source *a, const rl_source *b)
{
	return !cli->text && (rl_source_is_binary(a) || rl_source_is_binary(b));
}

static bool same_bytes(const rl_source src[2])
{
	return src[0].len == src[1].len && memcmp(src[0].data, src[1].data, src[0].len) == 0;
}

int rl_show_binary(const rl_cli *cli, const rl_source src[2])
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
			return RL_EXIT_TROUBLE;
	} else if (!same) {
		printf("Binary files %s and %s differ\n", rl_sanitize(src[0].name, a, sizeof a),
		       rl_sanitize(src[1].name, b, sizeof b));
	}
	if (rl_out_flush(stdout) != 0)
		return RL_EXIT_TROUBLE;
	return same ? RL_EXIT_SAME : RL_EXIT_DIFFERENT;
}

/* The context the printers get: -U's, else everything for one pair and hunks in a list, as
 * git diff shows a list of files. */
static int context_of(const rl_cli *cli, bool list)
{
	if (cli->context == RL_CLI_CONTEXT_ALL ||
	    (cli->context == RL_CLI_CONTEXT_DEFAULT && !list))
		return RL_CONTEXT_ALL;
	if (cli->context == RL_CLI_CONTEXT_DEFAULT)
		return RL_CLI_CONTEXT_LIST;
	return cli->context;
}

/* The report's pane width: -W's halves, else 72 columns, a comfortable line of prose. */
static unsigned html_pane(const rl_cli *cli)
{
	unsigned pane = cli->width > 3 ? (cli->width - 3) / 2 : 72;
	if (pane < RL_LAYOUT_MIN_WIDTH)
		return RL_LAYOUT_MIN_WIDTH;
	return pane > RL_LAYOUT_MAX_WIDTH ? RL_LAYOUT_MAX_WIDTH : pane;
}

static int show_alignment(const rl_cli *cli, const rl_alignment *al, const rl_source src[2],
                          bool list)
{
	rl_out o;
	int rc;

	bool text = cli->format != RL_FMT_JSON && cli->format != RL_FMT_HTML;
	rl_out_init(&o, stdout, text && rl_tty_color(cli), text && rl_tty_ascii());
	switch (cli->format) {
	case RL_FMT_INLINE:
		rc = rl_print_inline_context(&o, al, context_of(cli, list), cli->width);
		break;
	case RL_FMT_JSON:
		rc = rl_print_json_sources(&o, al, src);
		break;
	case RL_FMT_STAT:
		rc = rl_print_stat_sources(&o, al, src);
		break;
	case RL_FMT_CHANGES:
		rc = rl_print_changes(&o, al, src);
		break;
	case RL_FMT_HTML: {
		const char *names[2] = {src[0].name, src[1].name};
		rc = rl_print_html(&o, al, names, src, html_pane(cli));
		break;
	}
	default:
		rc = rl_print_side_by_side_context(&o, al, rl_tty_width(cli), context_of(cli, list));
		break;
	}
	if (rc != RL_OK) {
		rl_out_finish(&o);
		rl_error_line(rl_strerror(rc));
		return -1;
	}
	if (rl_out_finish(&o) != 0) {
		rl_error_line("write error on standard output");
		return -1;
	}
	return 0;
}

int rl_show_alignment(const rl_cli *cli, const rl_alignment *al, const rl_source src[2])
{
	return show_alignment(cli, al, src, false);
}

/* ------------------------------------------------------------------ the viewer */

int rl_show_view_status(int rc, bool differ)
{
	if (rc == RL_EINVAL || rc == RL_MODEL_CLOSED)
		return -1;
	if (rc != RL_OK) {
		rl_error_line(rl_strerror(rc));
		return RL_EXIT_TROUBLE;
	}
	return differ ? RL_EXIT_DIFFERENT : RL_EXIT_SAME;
}

/* The pairs in the viewer, opening on pairs[first]. */
static int view_pairs(const rl_cli *cli, const rl_pair *pairs, size_t n, size_t first,
                      const rl_vterm *vt, int *sig)
{
	rl_viewer_opts vo = rl_vterm_opts(vt, cli);
	bool differ = false;
	int rc = rl_viewer_run(pairs, n, first, &vo, &differ, sig);
	return rl_show_view_status(rc, differ);
}

/* Sources as pairs in the viewer: pair i is (0, i + 1) with base, else (i, i + 1). */
static int view_sources(const rl_cli *cli, const rl_source *src, size_t n, const char *label,
                        bool base, const rl_vterm *vt, int *sig)
{
	rl_pair *pairs = calloc(n - 1, sizeof *pairs);
	char **titles = calloc(n, sizeof *titles);
	int status = RL_EXIT_TROUBLE;
	bool failed = !pairs || !titles;
	for (size_t i = 0; i < n && !failed; i++)
		failed = !(titles[i] = rl_source_title(&src[i]));
	if (failed) {
		rl_error_line("out of memory");
		goto out;
	}
	for (size_t i = 0; i + 1 < n; i++) {
		const rl_source *old = &src[base ? 0 : i], *new_ = &src[i + 1];
		rl_styles styles[2];
		rl_source_pair_styles(old, new_, styles);
		pairs[i].doc[0] = (rl_doc){old->data, old->len, titles[base ? 0 : i],
		                           old->doc.furniture, old->doc.ndropped, styles[0]};
		pairs[i].doc[1] = (rl_doc){new_->data, new_->len, titles[i + 1], new_->doc.furniture,
		                           new_->doc.ndropped, styles[1]};
	}
	pairs[0].label = n == 2 ? label : NULL;
	status = view_pairs(cli, pairs, n - 1, 0, vt, sig);
out:
	for (size_t i = 0; titles && i < n; i++)
		free(titles[i]);
	free(titles);
	free(pairs);
	return status;
}

int rl_show_view(const rl_cli *cli, const rl_source *src, size_t n, const char *label,
                 const rl_vterm *vt, int *sig)
{
	return view_sources(cli, src, n, label, false, vt, sig);
}

int rl_show_view_base(const rl_cli *cli, const rl_source *src, size_t n, const rl_vterm *vt,
                      int *sig)
{
	return view_sources(cli, src, n, NULL, true, vt, sig);
}

/* ------------------------------------------------------------------ a list, printed */

rl_listing rl_listing_start(const rl_cli *cli)
{
	const char *counter = getenv("GIT_DIFF_PATH_COUNTER");
	bool later = counter && strtol(counter, NULL, 10) > 1;
	return (rl_listing){.cli = cli, .headers = later, .status = RL_EXIT_SAME};
}

void rl_listing_worst(rl_listing *run, int status)
{
	if (status > run->status)
		run->status = status;
}

void rl_listing_show(rl_listing *run, const rl_source src[2], const rl_version *version)
{
	const rl_cli *cli = run->cli;
	rl_alignment *al = NULL;
	rl_out o;

	if (cli->format == RL_FMT_HTML && rl_binary_pair(cli, &src[0], &src[1])) {
		rl_listing_note(run, src[0].name, src[1].name, version,
		                same_bytes(src) ? "binary, the same bytes" : "binary, not compared");
		rl_listing_worst(run, same_bytes(src) ? RL_EXIT_SAME : RL_EXIT_DIFFERENT);
		return;
	}
	if (rl_binary_pair(cli, &src[0], &src[1])) {
		/* JSON lists every pair compared as a document, binary ones too; the text formats
		 * give a line only to binary files that differ. */
		if (cli->format == RL_FMT_JSON)
			fputs(run->shown++ ? ",\n" : "[\n", stdout);
		else if (!same_bytes(src) && run->headers++)
			putchar('\n');
		rl_listing_worst(run, rl_show_binary(cli, src));
		return;
	}
	int rc = rl_source_diff(&al, &src[0], &src[1], &cli->diff);
	if (rc != RL_OK) {
		rl_error_line(rl_strerror(rc));
		rl_listing_worst(run, RL_EXIT_TROUBLE);
		return;
	}
	bool same = rl_alignment_same(al);
	if (cli->format == RL_FMT_HTML) {
		const char *names[2] = {src[0].name, src[1].name};
		if (!run->report)
			rc = rl_report_new(&run->report, html_pane(cli));
		if (rc == RL_OK)
			rc = rl_report_pair(run->report, al, names, src, version);
		if (rc != RL_OK)
			rl_error_line(rl_strerror(rc));
		rl_listing_worst(run, rc != RL_OK ? RL_EXIT_TROUBLE
		                      : same      ? RL_EXIT_SAME
		                                  : RL_EXIT_DIFFERENT);
		rl_alignment_free(al);
		return;
	}
	if (cli->format == RL_FMT_JSON) {
		fputs(run->shown++ ? ",\n" : "[\n", stdout);
	} else {
		rl_out_init(&o, stdout, rl_tty_color(cli), rl_tty_ascii());
		if (run->one_line_stat && cli->format == RL_FMT_STAT) {
			rl_out_text(&o, src[1].name, strlen(src[1].name));
			rl_out_raw(&o, ": ", 2);
		} else {
			if (run->headers++)
				rl_out_raw(&o, "\n", 1);
			rl_print_pair_header(&o, src[0].name, src[1].name, version);
			if (same && cli->format != RL_FMT_STAT)
				rl_print_no_difference(&o);
		}
		rl_out_finish(&o);
	}
	if ((!same || cli->format == RL_FMT_JSON || cli->format == RL_FMT_STAT) &&
	    show_alignment(cli, al, src, true) != 0)
		rl_listing_worst(run, RL_EXIT_TROUBLE);
	else
		rl_listing_worst(run, same ? RL_EXIT_SAME : RL_EXIT_DIFFERENT);
	rl_alignment_free(al);
}

void rl_listing_note(rl_listing *run, const char *old_name, const char *new_name,
                     const rl_version *version, const char *what)
{
	const char *names[2] = {old_name, new_name};
	int rc = RL_OK;
	if (run->cli->format != RL_FMT_HTML)
		return;
	if (!run->report)
		rc = rl_report_new(&run->report, html_pane(run->cli));
	if (rc == RL_OK)
		rc = rl_report_note(run->report, names, version, what);
	if (rc != RL_OK) {
		rl_error_line(rl_strerror(rc));
		rl_listing_worst(run, RL_EXIT_TROUBLE);
	}
}

/* The report's title: what the command line compared. */
static void report_title(const rl_cli *cli, char *buf, size_t size)
{
	size_t len = 0;
	if (cli->mode == RL_MODE_GIT || cli->mode == RL_MODE_HISTORY) {
		len = (size_t)snprintf(buf, size, "%s%s", cli->mode == RL_MODE_GIT ? "--git" : "--history",
		                       cli->cached ? " --cached" : "");
		for (size_t i = 0; i < cli->noperands && len < size; i++)
			len += (size_t)snprintf(buf + len, size - len, "%s%s",
			                        cli->dashdash && i == cli->nbefore ? " -- " : " ",
			                        cli->operands[i]);
	} else if (cli->mode == RL_MODE_PAIR && cli->base) {
		snprintf(buf, size, "--base %s, %zu version%s", cli->base, cli->noperands,
		         cli->noperands == 1 ? "" : "s");
	} else if (cli->mode == RL_MODE_PAIR && cli->noperands > 2) {
		snprintf(buf, size, "%zu versions, each against the one before", cli->noperands);
	} else if (cli->mode == RL_MODE_PAIR) {
		snprintf(buf, size, "%s \xe2\x86\x92 %s", cli->nlabels > 0 ? cli->labels[0] : cli->paths[0],
		         cli->nlabels > 1 ? cli->labels[1] : cli->paths[1]);
	} else {
		snprintf(buf, size, "%s", cli->ext.path ? cli->ext.path : "git diff");
	}
}

int rl_listing_end(rl_listing *run)
{
	if (run->cli->format == RL_FMT_HTML) {
		char title[1024];
		rl_report *empty = NULL;
		rl_out o;
		int rc = RL_OK;
		report_title(run->cli, title, sizeof title);
		if (!run->report)
			rc = rl_report_new(&empty, html_pane(run->cli));
		rl_out_init(&o, stdout, false, false);
		if (rc == RL_OK)
			rc = rl_report_write(run->report ? run->report : empty, &o, title);
		rl_report_free(run->report);
		rl_report_free(empty);
		run->report = NULL;
		if (rc != RL_OK) {
			rl_error_line(rl_strerror(rc));
			rl_listing_worst(run, RL_EXIT_TROUBLE);
		}
	}
	if (run->cli->format == RL_FMT_JSON)
		fputs(run->shown ? "]\n" : "[]\n", stdout);
	if (rl_out_flush(stdout) != 0) {
		rl_error_line("write error on standard output");
		return RL_EXIT_TROUBLE;
	}
	return run->status;
}
