/* print_html.c: --html, a report to send: one self-contained page with the two texts side by side
 * in the layout's rows, a legend, the statistics and the change list.
 *
 * Safety: every byte of a document goes through rl_html_text, which leaves no markup, no entity
 * and no control of its own; the page holds no script, and its Content-Security-Policy forbids
 * scripts and every external resource, so nothing from a document can act or fetch even if it
 * slipped through. Every link is to an anchor of the page. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "changelist.h"
#include "layout.h"
#include "print.h"
#include "status.h"
#include "text.h"

void rl_html_text(rl_out *o, const char *s, size_t n)
{
	size_t pos = 0;

	while (pos < n) {
		rl_grapheme g;
		char buf[RL_ESCAPE_MAX];
		rl_grapheme_next(s + pos, n - pos, &g);
		if (g.kind == RL_G_ESCAPE) {
			/* its visible form, as on a terminal: ASCII, and may hold '<' */
			rl_out_str(o, "<span class=\"esc\">");
			rl_html_text(o, buf, rl_grapheme_escape(&g, s + pos, buf));
			rl_out_str(o, "</span>");
		} else if (g.kind != RL_G_PRINT) {
			rl_out_raw(o, " ", 1);
		} else {
			for (uint32_t k = 0; k < g.len; k++) {
				switch (s[pos + k]) {
				case '&': rl_out_str(o, "&amp;"); break;
				case '<': rl_out_str(o, "&lt;"); break;
				case '>': rl_out_str(o, "&gt;"); break;
				case '"': rl_out_str(o, "&quot;"); break;
				case '\'': rl_out_str(o, "&#39;"); break;
				default: rl_out_raw(o, s + pos + k, 1); break;
				}
			}
		}
		pos += g.len;
	}
}

static void html_str(rl_out *o, const char *s)
{
	rl_html_text(o, s, strlen(s));
}

/* Colours by role, as the viewer's (theme.c): red deleted, green inserted, yellow rewritten, cyan
 * moved, magenta quotations; strike-through and underline too, so that a print in grey keeps the
 * meaning. */
static const char style[] =
	"body{font:15px/1.45 system-ui,sans-serif;margin:1.5em;color:#222;background:#fff}\n"
	"h1{font-size:1.4em;margin:0 0 .3em}h2{font-size:1.1em;margin:1.2em 0 .4em}\n"
	".names{font-family:monospace;margin:0 0 1em}\n"
	".legend span,.diff span.d,.diff span.i,.diff span.r,.diff a.m,.diff span.q{padding:0 1px}\n"
	".legend span{margin-right:1.2em;white-space:nowrap}\n"
	".d{background:#fdd;color:#900;text-decoration:line-through}\n"
	".i{background:#dfd;color:#060;text-decoration:underline}\n"
	".r{background:#ffc;color:#640}\n"
	".m{background:#dff;color:#055;text-decoration:underline dotted}\n"
	".q{background:#fdf;color:#707;font-weight:bold}\n"
	".fm{text-decoration:underline dotted #68a;text-underline-offset:2px}\n"
	".s{background:#e8e8ff;color:#226;text-decoration:underline}\n"
	".esc{color:#a00;font-style:italic}\n"
	"table.stats{border-collapse:collapse}table.stats td{padding:1px .8em 1px 0}\n"
	"table.stats td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
	"#changes li{margin:.15em 0}\n"
	".switch{margin:1em 0 .5em;font-weight:bold}\n"
	"table.diff{border-collapse:collapse;font:13px/1.35 monospace;width:100%}\n"
	"table.diff td{white-space:pre;vertical-align:top;padding:0 .4em}\n"
	"table.diff tr{height:1.35em}table.diff td.o,table.diff td.n{width:50%}\n"
	"table.diff td.g{color:#888;text-align:center;width:1em}\n"
	"table.diff td.f{background:repeating-linear-gradient(135deg,#f4f4f4 0 4px,#fff 4px 8px)}\n"
	"table.diff th{text-align:left;font:bold 13px monospace;border-bottom:1px solid #ccc}\n"
	"table.diff tr.k td.g{color:#000;font-weight:bold}\n"
	"a.m{color:inherit}:target{outline:2px solid #f80}\n"
	"#only:checked~table.diff tbody tr:not(.k){display:none}\n"
	"#only:checked~table.diff tbody tr.k+tr:not(.k){display:table-row}\n"
	"#only:checked~section table.diff tbody tr:not(.k){display:none}\n"
	"#only:checked~section table.diff tbody tr.k+tr:not(.k){display:table-row}\n"
	"section{border-top:2px solid #ccc;margin-top:2em}section h3{font-size:1em;margin:1em 0 .3em}\n"
	"section .switch{position:sticky;top:0;background:#fff;display:block;padding:.2em 0}\n"
	".commit{font-family:monospace;color:#444}.mark{color:#666;font-style:italic}\n"
	"table.toc{border-collapse:collapse}table.toc td,table.toc th{padding:2px .7em 2px 0;"
	"text-align:left;vertical-align:top}table.toc td.n{text-align:right;"
	"font-variant-numeric:tabular-nums}\n"
	"@media print{.switch,#only,.top{display:none}table.diff tr{break-inside:avoid}"
	"*{print-color-adjust:exact;-webkit-print-color-adjust:exact}body{margin:0}}\n";

/* The CSS class of a run's role ("" for plain text). */
static const char *run_class(const rl_run *run)
{
	switch (rl_role_of_run(run)) {
	case RL_ROLE_DELETE: return "d";
	case RL_ROLE_INSERT: return "i";
	case RL_ROLE_REWRITE: return "r";
	case RL_ROLE_MOVE: return "m";
	case RL_ROLE_QUOTE: return "q";
	case RL_ROLE_FORMAT: return "fm";
	case RL_ROLE_DERIVED: return "s";
	default: return "";
	}
}

typedef struct html_ctx {
	rl_out *o;
	const rl_alignment *al;
	const rl_op *ops;
	const char *text[2];
	int32_t *change_of_op;  /* the change whose first op this is, or -1 */
	uint8_t *anchored;      /* per change: its anchor written */
	uint8_t *move_anchored; /* per move id and side: bit 1 OLD, bit 2 NEW */
	uint32_t max_move;
	const char *pfx;        /* the ids' prefix: "" for a single pair, "s3-" for section 3 */
	uint32_t *src_at;       /* OLD bytes where a first source starts, sorted, distinct */
	uint8_t *src_anchored;  /* per entry of src_at: its anchor written */
	size_t nsrc;
} html_ctx;

/* The index of OLD byte off in src_at, or nsrc. */
static size_t source_index(const html_ctx *h, uint32_t off)
{
	size_t lo = 0, hi = h->nsrc;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (h->src_at[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < h->nsrc && h->src_at[lo] == off ? lo : h->nsrc;
}

/* A tag after a summary line: a link to the OLD sentence it draws from. */
static void html_tag(html_ctx *h, const rl_run *run)
{
	size_t n, s, e;
	const rl_link *v = rl_alignment_sources(h->al, &n);
	char tag[RL_TAG_MAX];
	if (run->off >= n)
		return;
	rl_range_bytes(h->al, RL_OLD, v[run->off].a0[0], v[run->off].a1[0], &s, &e);
	fprintf(h->o->fp, "<a class=\"s\" href=\"#s%zu\" title=\"drawn from old paragraph %u: go to "
	                  "it\">%s</a>", s, (unsigned)run->len, rl_tag_text(run, tag));
}

/* A moved run: a link to the other end of its passage; the first run of each end is its anchor. */
static void open_move(html_ctx *h, int side, uint32_t id)
{
	uint8_t bit = (uint8_t)(side ? 2 : 1);
	fprintf(h->o->fp, "<a class=\"m\" href=\"#%smv%u%c\"", h->pfx, (unsigned)id,
	        side ? 'o' : 'n');
	if (!(h->move_anchored[id] & bit)) {
		h->move_anchored[id] |= bit;
		fprintf(h->o->fp, " id=\"%smv%u%c\"", h->pfx, (unsigned)id, side ? 'n' : 'o');
	}
	rl_out_str(h->o, side ? " title=\"moved here: go to where it was\">"
	                      : " title=\"moved from here: go to where it went\">");
}

/* The highlight a text run gets: its class, and the move it belongs to (0: none). */
static void run_style(const html_ctx *h, const rl_run *run, const char **cls, uint32_t *move)
{
	*cls = run_class(run);
	*move = run->moved ? h->ops[run->op].move : 0;
	if (**cls == 'm' && !*move)
		*cls = "";
}

static void close_style(html_ctx *h, const char *cls, uint32_t move)
{
	if (move)
		rl_out_str(h->o, "</a>");
	else if (*cls)
		rl_out_str(h->o, "</span>");
}

/* Does the next text run of the row's side [k, n) have this style? Spaces between two runs of
 * one highlight are highlighted too, so a changed phrase reads as one stretch. */
static bool next_same(const html_ctx *h, const rl_rowbuf *buf, const rl_row *row, int side,
                      uint16_t k, const char *cls, uint32_t move)
{
	for (; k < row->nrun[side]; k++) {
		const rl_run *run = &buf->runs[row->run[side] + k];
		if (run->type != RL_RUN_TEXT)
			continue;
		const char *c;
		uint32_t m;
		run_style(h, run, &c, &m);
		return strcmp(c, cls) == 0 && m == move;
	}
	return false;
}

static void html_runs(html_ctx *h, const rl_rowbuf *buf, const rl_row *row, int side)
{
	const char *open = "";  /* the highlight open, "" for none */
	uint32_t open_move_id = 0;

	for (uint16_t k = 0; k < row->nrun[side]; k++) {
		const rl_run *run = &buf->runs[row->run[side] + k];
		int32_t ch = h->change_of_op[run->op];
		if (run->type == RL_RUN_SPACE) {
			if (!next_same(h, buf, row, side, k + 1, open, open_move_id)) {
				close_style(h, open, open_move_id);
				open = "";
				open_move_id = 0;
			}
			rl_out_spaces(h->o, run->cols);
			continue;
		}
		if (run->type == RL_RUN_TAG) {
			close_style(h, open, open_move_id);
			open = "";
			open_move_id = 0;
			html_tag(h, run);
			continue;
		}
		if (run->type != RL_RUN_TEXT)
			continue;
		size_t si = side == RL_OLD ? source_index(h, run->off) : h->nsrc;
		if (si < h->nsrc && !h->src_anchored[si]) {
			h->src_anchored[si] = 1;
			fprintf(h->o->fp, "<span id=\"s%u\"></span>", (unsigned)run->off);
		}
		const char *cls;
		uint32_t move;
		run_style(h, run, &cls, &move);
		bool anchor = ch >= 0 && !h->anchored[ch];
		if (anchor || strcmp(cls, open) != 0 || move != open_move_id) {
			close_style(h, open, open_move_id);
			open = "";
			open_move_id = 0;
			if (anchor) {
				h->anchored[ch] = 1;
				fprintf(h->o->fp, "<span id=\"%sc%d\"></span>", h->pfx, (int)ch);
			}
			if (move)
				open_move(h, side, move);
			else if (*cls)
				fprintf(h->o->fp, "<span class=\"%s\">", cls);
			open = cls;
			open_move_id = move;
		}
		rl_html_text(h->o, h->text[side] + run->off, run->len);
	}
	close_style(h, open, open_move_id);
}

static void html_row(html_ctx *h, const rl_rowbuf *buf, const rl_row *row, bool block_changed)
{
	bool l = row->flags[0] & RL_ROW_CHANGE, r = row->flags[1] & RL_ROW_CHANGE;
	const char *mark = l && r ? "|" : l ? "&lt;" : r ? "&gt;" : "";

	rl_out_str(h->o, block_changed ? "<tr class=\"k\">" : "<tr>");
	for (int s = 0; s < 2; s++) {
		rl_out_str(h->o, row->flags[s] & RL_ROW_FILLER ? (s ? "<td class=\"n f\">"
		                                                    : "<td class=\"o f\">")
		                                               : (s ? "<td class=\"n\">" : "<td class=\"o\">"));
		html_runs(h, buf, row, s);
		rl_out_str(h->o, "</td>");
		if (s == 0)
			fprintf(h->o->fp, "<td class=\"g\">%s</td>", mark);
	}
	rl_out_str(h->o, "</tr>\n");
}

static int html_table(html_ctx *h, const rl_layout *lay, unsigned pane, const char *const names[2])
{
	rl_rowbuf buf = {0};
	int rc = RL_OK;

	rl_out_str(h->o, "<table class=\"diff\"><thead><tr><th>");
	html_str(h->o, names[0]);
	rl_out_str(h->o, "</th><th></th><th>");
	html_str(h->o, names[1]);
	rl_out_str(h->o, "</th></tr></thead>\n<tbody>\n");
	for (size_t b = 0; b < rl_layout_blocks(lay) && rc == RL_OK; b++) {
		bool changed = rl_layout_block(lay, b)->flags & RL_BLOCK_CHANGE;
		rl_rowbuf_clear(&buf);
		if ((rc = rl_layout_rows(lay, b, pane, &buf)) != RL_OK)
			break;
		for (size_t r = 0; r < buf.nrows; r++)
			html_row(h, &buf, &buf.rows[r], changed);
	}
	rl_out_str(h->o, "</tbody></table>\n");
	rl_rowbuf_free(&buf);
	return rc;
}

/* The legend names formatting changes when there are any (they come from documents whose
 * formatting is read: Markdown); a list's report passes the sum of its sections. */
static void html_legend(rl_out *o, const rl_stats *st)
{
	rl_out_str(o, "<h2>Legend</h2>\n<p class=\"legend\">"
	              "<span class=\"d\">deleted</span> <span class=\"i\">inserted</span> "
	              "<span class=\"r\">rewritten (old and new)</span> "
	              "<span class=\"m\">moved (a link to its other place)</span> "
	              "<span class=\"q\">quotation removed, added, altered or elided</span> "
	              "<span class=\"s\">summary line drawn from old text elsewhere "
	              "(\xe2\x9f\xa8\xc2\xb6N\xe2\x9f\xa9 links to it)</span> ");
	if (st->ops[RL_OP_FORMAT])
		rl_out_str(o, "<span class=\"fm\">the same words, formatting changed (emphasis, a "
		              "link&#8217;s target)</span> ");
	rl_out_str(o, "gutter: | both sides changed, &lt; old only, &gt; new only</p>\n");
}

static void stat_row(rl_out *o, const char *what, size_t n)
{
	fprintf(o->fp, "<tr><td>%s</td><td class=\"n\">%zu</td></tr>\n", what, n);
}

/* The share of OLD kept, in percent; below 100 whenever a word of OLD went. */
static double kept_share(const rl_stats *st)
{
	double kept = st->words[0] ? 100.0 * (double)st->kept / (double)st->words[0] : 0.0;
	return st->kept < st->words[0] && kept > 99.9 ? 99.9 : kept;
}

/* The statistics; h: the heading's level (2 alone, 3 in a section); id: the table's id or NULL.
 * Quotations are counted as the change list lists them, one each (as --stat does). */
static void html_stats(rl_out *o, const rl_stats *st, const rl_changelist *cl, int h,
                       const char *id)
{
	size_t quotes[4] = {0, 0, 0, 0};
	for (size_t k = 0; k < cl->n; k++)
		if (cl->items[k].kind <= RL_CH_QUOTE_ELIDED)
			quotes[cl->items[k].kind]++;
	fprintf(o->fp, "<h%d>Statistics</h%d>\n<table class=\"stats\"", h, h);
	if (id)
		fprintf(o->fp, " id=\"%s\"", id);
	rl_out_str(o, ">\n");
	stat_row(o, "words in the old version", st->words[0]);
	stat_row(o, "words in the new version", st->words[1]);
	fprintf(o->fp, "<tr><td>words kept</td><td class=\"n\">%zu</td><td>%.1f%% of old</td></tr>\n",
	        st->kept, kept_share(st));
	fprintf(o->fp, "<tr><td>words rewritten</td><td class=\"n\">%zu</td><td>as %zu</td></tr>\n",
	        st->replaced[0], st->replaced[1]);
	stat_row(o, "words deleted", st->deleted);
	stat_row(o, "words inserted", st->inserted);
	fprintf(o->fp, "<tr><td>words moved</td><td class=\"n\">%zu</td><td>in %zu passage%s</td></tr>\n",
	        st->moved, st->moves, st->moves == 1 ? "" : "s");
	stat_row(o, "quotations removed", quotes[RL_CH_QUOTE_REMOVED]);
	stat_row(o, "quotations altered", quotes[RL_CH_QUOTE_ALTERED]);
	stat_row(o, "quotations elided", quotes[RL_CH_QUOTE_ELIDED]);
	stat_row(o, "quotations added", quotes[RL_CH_QUOTE_ADDED]);
	if (st->ops[RL_OP_FORMAT])
		fprintf(o->fp, "<tr><td>words formatted otherwise</td><td class=\"n\">%zu</td>"
		               "<td>in %zu place%s%s</td></tr>\n",
		        st->formatted, st->ops[RL_OP_FORMAT], st->ops[RL_OP_FORMAT] == 1 ? "" : "s",
		        st->formatted ? "" : " (punctuation only)");
	if (st->typographic)
		fprintf(o->fp, "<tr><td>compounds written otherwise</td><td class=\"n\">%zu</td>"
		               "<td>open source / open-source, e-mail / email: no change</td></tr>\n",
		        st->typographic);
	rl_out_str(o, "</table>\n");
}

/* The change list, each item a link to its change (ids prefixed by pfx). */
static void html_changes(rl_out *o, const rl_alignment *al, const rl_changelist *cl,
                         const rl_source *src, const char *pfx, int h)
{
	fprintf(o->fp, "<h%d>Changes</h%d>\n", h, h);
	rl_out_str(o, *pfx ? "<ol class=\"changes\">\n" : "<ol id=\"changes\">\n");
	for (size_t k = 0; k < cl->n; k++) {
		size_t to = k;  /* the anchor: the first change starting at the same op */
		while (to > 0 && cl->items[to - 1].op0 == cl->items[k].op0)
			to--;
		fprintf(o->fp, "<li><a href=\"#%sc%zu\">", pfx, to);
		rl_print_change_text(o, al, &cl->items[k], src, true);
		rl_out_str(o, "</a></li>\n");
	}
	fprintf(o->fp, "</ol>\n<p>%s%zu word edit%s not listed.</p>\n",
	        cl->n ? "" : "No change of substance. ", cl->minor, cl->minor == 1 ? "" : "s");
}

/* The page up to its body's first heading: the title (old → new), the style sheet. */
static void html_head(rl_out *o, const char *const names[2])
{
	rl_out_str(o, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	              "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	              "style-src 'unsafe-inline'\">\n"
	              "<meta name=\"viewport\" content=\"width=device-width\">\n<title>redline: ");
	html_str(o, names[0]);
	if (names[1]) {
		rl_out_str(o, " \xe2\x86\x92 ");
		html_str(o, names[1]);
	}
	fprintf(o->fp, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>redline</h1>\n"
	               "<p class=\"names\">", style);
	html_str(o, names[0]);
	if (names[1]) {
		rl_out_str(o, " \xe2\x86\x92 ");
		html_str(o, names[1]);
	}
	rl_out_str(o, "</p>\n");
}

static void html_ctx_free(html_ctx *h)
{
	free(h->change_of_op);
	free(h->anchored);
	free(h->move_anchored);
	free(h->src_at);
	free(h->src_anchored);
}

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}

static int html_ctx_init(html_ctx *h, rl_out *o, const rl_alignment *al, const rl_changelist *cl,
                         const char *pfx)
{
	size_t nops;
	*h = (html_ctx){.o = o, .al = al, .ops = rl_alignment_ops(al, &nops), .pfx = pfx};
	for (int s = 0; s < 2; s++)
		h->text[s] = rl_tokens_text(rl_alignment_tokens(al, s));
	for (size_t k = 0; k < nops; k++)
		h->max_move = h->ops[k].move > h->max_move ? h->ops[k].move : h->max_move;
	h->change_of_op = malloc((nops ? nops : 1) * sizeof *h->change_of_op);
	h->anchored = calloc(cl->n ? cl->n : 1, 1);
	h->move_anchored = calloc((size_t)h->max_move + 1, 1);
	if (!h->change_of_op || !h->anchored || !h->move_anchored)
		return RL_ENOMEM;
	for (size_t k = 0; k < nops; k++)
		h->change_of_op[k] = -1;
	for (size_t k = 0; k < cl->n; k++)  /* a moved passage and a restyled stretch starting it */
		if (h->change_of_op[cl->items[k].op0] < 0)  /* share the passage's anchor */
			h->change_of_op[cl->items[k].op0] = (int32_t)k;
	/* Where the summary lines' sources start in OLD, for their anchors. */
	size_t nl;
	const rl_link *v = rl_alignment_sources(al, &nl);
	h->src_at = malloc((nl ? nl : 1) * sizeof *h->src_at);
	h->src_anchored = calloc(nl ? nl : 1, 1);
	if (!h->src_at || !h->src_anchored)
		return RL_ENOMEM;
	for (size_t k = 0; k < nl; k++) {
		size_t s, e;
		rl_range_bytes(al, RL_OLD, v[k].a0[0], v[k].a1[0], &s, &e);
		h->src_at[k] = (uint32_t)s;
	}
	qsort(h->src_at, nl, sizeof *h->src_at, cmp_u32);
	for (size_t k = 0; k < nl; k++)
		if (h->nsrc == 0 || h->src_at[h->nsrc - 1] != h->src_at[k])
			h->src_at[h->nsrc++] = h->src_at[k];
	return RL_OK;
}

/* The "changes only" switch: one checkbox before every table it governs (the CSS rules select
 * the tables that follow it), and a label that ticks it. */
static const char switch_input[] = "<input type=\"checkbox\" id=\"only\">";
static const char switch_label[] = "<label class=\"switch\" for=\"only\"> changes only</label>\n";

int rl_print_html(rl_out *o, const rl_alignment *al, const char *const names[2],
                  const rl_source *src, unsigned pane)
{
	rl_layout_opts lo = {.markers = false};
	rl_layout *lay = NULL;
	rl_changelist cl = {0};
	html_ctx h = {0};
	int rc;

	if ((rc = rl_changelist_build(&cl, al)) != RL_OK || (rc = html_ctx_init(&h, o, al, &cl, "")) ||
	    (rc = rl_layout_new(&lay, al, &lo)) != RL_OK)
		goto out;
	html_head(o, names);
	html_legend(o, rl_alignment_stats(al));
	html_stats(o, rl_alignment_stats(al), &cl, 2, "stats");
	html_changes(o, al, &cl, src, "", 2);
	fprintf(o->fp, "<h2>The two versions</h2>\n<main>\n%s%s", switch_input, switch_label);
	rc = html_table(&h, lay, pane, names);
	rl_out_str(o, "</main>\n</body></html>\n");
out:
	rl_layout_free(lay);
	html_ctx_free(&h);
	rl_changelist_free(&cl);
	return rc;
}

/* ------------------------------------------------------------------ a report on a list */

/* A line of the table of contents: a pair with its counts, or a pair listed but not shown. */
typedef struct toc_entry {
	char *names[2];
	char *commit;  /* "ID DATE AUTHOR: SUBJECT" (--history), or NULL */
	char *mark;    /* why it has no section ("binary, not compared"), or NULL */
	bool same;     /* compared, and the words do not differ */
	size_t changes, deleted, inserted, rewritten, moved;
	double kept;
} toc_entry;

struct rl_report {
	unsigned pane;
	toc_entry *toc;
	size_t n, cap;
	char *body;    /* the sections, written as they come */
	size_t len;
	FILE *mem;
	size_t formatted;  /* formatting changes in every section: the legend names them when any */
};

int rl_report_new(rl_report **out, unsigned pane)
{
	rl_report *r = calloc(1, sizeof *r);
	if (!r)
		return RL_ENOMEM;
	r->pane = pane;
	if (!(r->mem = open_memstream(&r->body, &r->len))) {
		free(r);
		return RL_ENOMEM;
	}
	*out = r;
	return RL_OK;
}

static void toc_release(toc_entry *e)
{
	free(e->names[0]);
	free(e->names[1]);
	free(e->commit);
	free(e->mark);
}

void rl_report_free(rl_report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++)
		toc_release(&r->toc[i]);
	free(r->toc);
	if (r->mem)
		fclose(r->mem);
	free(r->body);
	free(r);
}

/* A new line of the table of contents, its names and commit copied; NULL when out of memory. */
static toc_entry *toc_add(rl_report *r, const char *const names[2], const rl_version *v)
{
	if (r->n == r->cap) {
		size_t c = r->cap ? r->cap * 2 : 16;
		toc_entry *t = realloc(r->toc, c * sizeof *t);
		if (!t)
			return NULL;
		r->toc = t;
		r->cap = c;
	}
	toc_entry *e = &r->toc[r->n];
	*e = (toc_entry){0};
	e->names[0] = rl_dupstr(names[0]);
	e->names[1] = rl_dupstr(names[1]);
	if (v && v->commit) {
		size_t n = strlen(v->commit) + strlen(v->date ? v->date : "") +
		           strlen(v->author ? v->author : "") + strlen(v->subject ? v->subject : "") + 8;
		if ((e->commit = malloc(n)))
			snprintf(e->commit, n, "%s %s %s: %s", v->commit, v->date ? v->date : "",
			         v->author ? v->author : "", v->subject ? v->subject : "");
	}
	if (!e->names[0] || !e->names[1] || (v && v->commit && !e->commit)) {
		toc_release(e);
		return NULL;
	}
	r->n++;
	return e;
}

int rl_report_note(rl_report *r, const char *const names[2], const rl_version *version,
                   const char *what)
{
	toc_entry *e = toc_add(r, names, version);
	if (!e || !(e->mark = rl_dupstr(what))) {
		if (e)
			toc_release(&r->toc[--r->n]);
		return RL_ENOMEM;
	}
	return RL_OK;
}

/* old → new, each escaped. */
static void html_names(rl_out *o, char *const names[2])
{
	html_str(o, names[0]);
	rl_out_str(o, " \xe2\x86\x92 ");
	html_str(o, names[1]);
}

int rl_report_pair(rl_report *r, const rl_alignment *al, const char *const names[2],
                   const rl_source *src, const rl_version *version)
{
	rl_layout_opts lo = {.markers = false};
	rl_layout *lay = NULL;
	rl_changelist cl = {0};
	html_ctx h = {0};
	rl_out o;
	char pfx[32];
	int rc;
	toc_entry *e = toc_add(r, names, version);

	if (!e)
		return RL_ENOMEM;
	size_t k = r->n;  /* the section's number, from 1 */
	snprintf(pfx, sizeof pfx, "s%zu-", k);
	rl_out_init(&o, r->mem, false, false);
	if ((rc = rl_changelist_build(&cl, al)) != RL_OK ||
	    (rc = html_ctx_init(&h, &o, al, &cl, pfx)) != RL_OK ||
	    (rc = rl_layout_new(&lay, al, &lo)) != RL_OK)
		goto out;
	const rl_stats *st = rl_alignment_stats(al);
	e->same = rl_alignment_same(al);
	e->changes = cl.n;
	e->deleted = st->deleted;
	e->inserted = st->inserted;
	e->rewritten = st->replaced[0];
	e->moved = st->moved;
	e->kept = kept_share(st);
	r->formatted += st->ops[RL_OP_FORMAT];
	fprintf(r->mem, "<section id=\"s%zu\">\n<h2>%zu. ", k, k);
	html_names(&o, e->names);
	rl_out_str(&o, "</h2>\n");
	if (e->commit) {
		rl_out_str(&o, "<p class=\"commit\">");
		html_str(&o, e->commit);
		rl_out_str(&o, "</p>\n");
	}
	if (e->same) {
		rl_out_str(&o, "<p>No difference in the words (re-wrapped, or only renamed).</p>\n"
		               "</section>\n");
		goto out;
	}
	html_stats(&o, st, &cl, 3, NULL);
	html_changes(&o, al, &cl, src, pfx, 3);
	fprintf(r->mem, "<h3>The two versions</h3>\n%s", switch_label);
	rc = html_table(&h, lay, r->pane, names);
	rl_out_str(&o, "<p class=\"top\"><a href=\"#contents\">contents</a></p>\n</section>\n");
out:
	rl_layout_free(lay);
	html_ctx_free(&h);
	rl_changelist_free(&cl);
	return rc;
}

/* The table of contents: a line per pair, linked to its section, with its counts. */
static void html_toc(rl_out *o, const rl_report *r)
{
	rl_out_str(o, "<h2 id=\"contents\">Contents</h2>\n<table class=\"toc\">\n<thead><tr>"
	              "<th>#</th><th>old \xe2\x86\x92 new</th><th>changes</th><th>deleted</th>"
	              "<th>inserted</th><th>rewritten</th><th>moved</th><th>kept</th></tr></thead>\n"
	              "<tbody>\n");
	for (size_t i = 0; i < r->n; i++) {
		const toc_entry *e = &r->toc[i];
		fprintf(o->fp, "<tr><td class=\"n\">%zu</td><td>", i + 1);
		if (!e->mark)
			fprintf(o->fp, "<a href=\"#s%zu\">", i + 1);
		html_names(o, e->names);
		if (e->commit) {
			rl_out_str(o, "<br><span class=\"commit\">");
			html_str(o, e->commit);
			rl_out_str(o, "</span>");
		}
		rl_out_str(o, e->mark ? "</td>" : "</a></td>");
		if (e->mark) {
			rl_out_str(o, "<td colspan=\"6\" class=\"mark\">");
			html_str(o, e->mark);
			rl_out_str(o, "</td></tr>\n");
		} else if (e->same) {
			rl_out_str(o, "<td colspan=\"6\" class=\"mark\">no difference in the words</td>"
			              "</tr>\n");
		} else {
			fprintf(o->fp, "<td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
			               "<td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
			               "<td class=\"n\">%zu</td><td class=\"n\">%.1f%%</td></tr>\n",
			        e->changes, e->deleted, e->inserted, e->rewritten, e->moved, e->kept);
		}
	}
	rl_out_str(o, "</tbody></table>\n");
}

int rl_report_write(rl_report *r, rl_out *o, const char *title)
{
	const char *names[2] = {title, NULL};
	if (fflush(r->mem) != 0 || ferror(r->mem))
		return RL_ENOMEM;
	html_head(o, names);
	fprintf(o->fp, "<p>%zu pair%s compared; words counted as in <code>--stat</code>; kept: the "
	               "share of the old version's words kept.</p>\n",
	        r->n, r->n == 1 ? "" : "s");
	html_toc(o, r);
	rl_stats all = {0};
	all.ops[RL_OP_FORMAT] = r->formatted;
	html_legend(o, &all);
	fprintf(o->fp, "<main>\n%s%s", switch_input, switch_label);
	fwrite(r->body, 1, r->len, o->fp);
	rl_out_str(o, "</main>\n</body></html>\n");
	return RL_OK;
}
