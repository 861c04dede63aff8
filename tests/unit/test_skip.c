/* Tests for skip.c: NEW's lines that OLD has byte for byte take OLD's tokens and ids, and nothing
 * downstream can tell. Every text here is generated from lines written for this test, edited at
 * random (words changed, lines dropped, added, moved, re-indented, joined, re-wrapped, quotes
 * opened and closed), and compared with and without the copies: tokens, ids, ops, statistics. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "ctx.h"
#include "intern.h"
#include "status.h"
#include "testbuf.h"
#include "token.h"
#include "tokline_check.h"

/* Lines of every shape the tokenizer treats specially: list items, headings, indentation,
 * compounds, initials, numbers, quotations, tabs, CRLF, non-ASCII space, Thai, Han, escapes. */
static const char *const lines[] = {
	"The harbour master kept a ledger of every ship that came in after dark.",
	"- a bullet item that names the keeper\xe2\x80\x99s three sons",
	"* another item, indented below",
	"  an indented continuation of the item above",
	"1. the first numbered step, with 3.5 percent and 1,000 boats",
	"b) a lettered step from the U.S. manual, e.g. this one",
	"# A Heading About The Lighthouse",
	"\xe2\x80\x9cWe never lost a lamp,\xe2\x80\x9d she said, \xe2\x80\x9cnot in forty winters.\xe2\x80\x9d",
	"He wrote: \"the tide turns at 10:30 and not a minute later\" and closed the book.",
	"A century-old rope, well-worn and don't-touch marked, hung by the door.",
	"tab\tseparated\tcolumns\tof\tfigures 12 14 19",
	"a line ending in a carriage return\r",
	"non\xc2\xa0" "breaking\xc2\xa0spaces between words here",
	"\xe0\xb8\xaa\xe0\xb8\xa7\xe0\xb8\xb1\xe0\xb8\xaa\xe0\xb8\x94\xe0\xb8\xb5\xe0\xb8\x84\xe0\xb8\xa3\xe0\xb8\xb1\xe0\xb8\x9a and Thai",
	"\xe7\x81\xaf\xe5\xa1\x94\xe7\x9a\x84\xe7\x81\xaf\xe5\x85\x89 Han characters in a row",
	"an escape \x1b[31m and a bad byte \xff in the middle of a line",
	"Short.",
	"ok",
	"(Parenthetical remark) \xe2\x80\x94 with a dash \xe2\x80\x94 and an ellipsis\xe2\x80\xa6",
	"\xe2\x80\x98Single quotes open here and close on the next line,",
	"as the keeper said.\xe2\x80\x99 Then the storm came in from the north.",
	"   ",
	"Form\x0c" "feed and line\xe2\x80\xa8separator inside one line",
	"a line that ends with the U.S.",
	"the price went up to 1,000",
	"a line ending with a hyphen well-",
	" \xcc\x81" "a combining mark after a space opens this line",
	"caf\xc3\xa9 ends non-ASCII caf\xc3\xa9",
	"\xef\xbb\xbf" "a byte-order mark that is not at the start",
	"word\xe2\x80\x99s end with an apostrophe\xe2\x80\x99",
	/* Thai lines: the word breaker is asked only about the lines that changed (wordbreak.h),
	 * so a copied Thai line must be a whole line on both sides. */
	"\xe0\xb8\x99\xe0\xb9\x89\xe0\xb8\xad\xe0\xb8\x87\xe0\xb8\x8a\xe0\xb8\xb2\xe0\xb8\xa2\xe0\xb9\x80\xe0\xb8\x9b\xe0\xb9\x87\xe0\xb8\x99",
	"  \xe0\xb8\xa7\xe0\xb8\xb1\xe0\xb8\x99\xe0\xb8\x99\xe0\xb8\xb5\xe0\xb9\x89 indented Thai  ",
	"a line\xe2\x80\xa8\xe0\xb8\xaa\xe0\xb8\xa7\xe0\xb8\xb1\xe0\xb8\xaa\xe0\xb8\x94\xe0\xb8\xb5\xe0\xb8\x84\xe0\xb8\xa3\xe0\xb8\xb1\xe0\xb8\x9a and Thai",
	"\x0c\xe0\xb8\xaa\xe0\xb8\xa7\xe0\xb8\xb1\xe0\xb8\xaa\xe0\xb8\x94\xe0\xb8\xb5\xe0\xb8\x84\xe0\xb8\xa3\xe0\xb8\xb1\xe0\xb8\x9a and Thai",
};
#define NLINES (sizeof lines / sizeof *lines)

static const char *const words[] = {"lamp", "storm", "Keeper", "the", "of", "1,200", "\xe2\x80\x9c",
                                    "\xe2\x80\x9d", "-", "well-known", "north", ".", "U.S.", ""};
#define NWORDS (sizeof words / sizeof *words)

static unsigned rnd(unsigned long long *st)
{
	*st = *st * 6364136223846793005ull + 1442695040888963407ull;
	return (unsigned)(*st >> 33);
}

/* A text of n lines, picked by the seed, separated by one or two line ends (or a form feed). */
static void make_text(buf *b, unsigned long long *st, size_t n, size_t *picks)
{
	for (size_t i = 0; i < n; i++) {
		picks[i] = rnd(st) % NLINES;
		puts_(b, lines[picks[i]]);
		unsigned sep = rnd(st) % 10;
		puts_(b, sep < 6 ? "\n" : sep < 9 ? "\n\n" : "\n\x0c\n");
	}
}

/* NEW from OLD's lines with a few edits: lines dropped, inserted, moved, changed a word, indented,
 * joined with the next, trailing spaces added. */
static void make_edited(buf *b, unsigned long long *st, const size_t *picks, size_t n, int edits)
{
	size_t moved = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		bool edit = (int)(rnd(st) % 100) < edits;
		unsigned what = rnd(st) % 8;
		const char *line = lines[picks[i]];
		if (edit && what == 0)
			continue;  /* dropped */
		if (edit && what == 1)
			puts_(b, lines[rnd(st) % NLINES]), puts_(b, "\n");  /* inserted before */
		if (edit && what == 2 && moved == SIZE_MAX) {
			moved = picks[i];  /* moved further down */
			continue;
		}
		if (edit && what == 3) {
			/* A word changed: the line cut at a space, a word put in. */
			const char *sp = strchr(line + rnd(st) % (strlen(line) + 1), ' ');
			size_t cut = sp ? (size_t)(sp - line) : strlen(line);
			put(b, line, cut);
			puts_(b, " "), puts_(b, words[rnd(st) % NWORDS]);
			puts_(b, line + cut);
		} else if (edit && what == 4) {
			puts_(b, "    "), puts_(b, line);
		} else {
			puts_(b, line);
		}
		if (edit && what == 5)
			puts_(b, "  \t");
		if (edit && what == 6)
			puts_(b, " ");  /* joined with the next line */
		else
			puts_(b, rnd(st) % 4 ? "\n" : "\n\n");
		if (moved != SIZE_MAX && rnd(st) % 5 == 0)
			puts_(b, lines[moved]), puts_(b, "\n"), moved = SIZE_MAX;
	}
	if (moved != SIZE_MAX)
		puts_(b, lines[moved]);
}

/* A word breaker for the Thai line above: a word every two code points. */
static int pairs(void *ctx, rl_script script, const char *run, size_t len, uint32_t *breaks,
                 size_t max)
{
	(void)ctx, (void)run;
	if (script != RL_SCRIPT_THAI)
		return -1;
	size_t k = 0;
	for (size_t at = 6; at < len && k < max; at += 6)
		breaks[k++] = (uint32_t)at;
	return (int)k;
}

static void same_tokens(const rl_tokens *x, const rl_tokens *y)
{
	size_t n = rl_tokens_count(x);
	cr_assert_eq(n, rl_tokens_count(y));
	cr_assert_eq(rl_tokens_words(x), rl_tokens_words(y));
	const rl_token *vx = rl_tokens_array(x), *vy = rl_tokens_array(y);
	for (size_t t = 0; t < n; t++) {
		cr_assert(vx[t].off == vy[t].off && vx[t].len == vy[t].len && vx[t].width == vy[t].width &&
		          vx[t].cls == vy[t].cls && vx[t].gap == vy[t].gap && vx[t].flags == vy[t].flags,
		          "token %zu differs when copied: off %u/%u len %u/%u gap %d/%d flags %x/%x "
		          "in \"%.40s\"", t, vx[t].off, vy[t].off, vx[t].len, vy[t].len, vx[t].gap,
		          vy[t].gap, vx[t].flags, vy[t].flags,
		          rl_tokens_text(x) + (vx[t].off > 20 ? vx[t].off - 20 : 0));
	}
	/* The same lines, hashed and measured alike, as the tokens say (tokline_check.h). */
	size_t nx, ny;
	bool lfx, lfy;
	const rl_tokline *lx = rl_tokens_lines(x, &nx, &lfx), *ly = rl_tokens_lines(y, &ny, &lfy);
	cr_assert(nx == ny && lfx == lfy, "%zu/%zu lines, LF only %d/%d", nx, ny, lfx, lfy);
	for (size_t k = 0; k < nx; k++)
		cr_assert(lx[k].h == ly[k].h && lx[k].t0 == ly[k].t0 && lx[k].width == ly[k].width,
		          "line %zu differs when copied", k);
	const char *err = tokline_error(x);
	cr_assert_null(err, "fresh: %s", err);
	err = tokline_error(y);
	cr_assert_null(err, "copied: %s", err);
}

static void same_list(const rl_tlist *x, const rl_tlist *y, const char *what)
{
	cr_assert_eq(x->n, y->n, "%s: %u candidates, %u with the copies", what, x->n, y->n);
	for (uint32_t k = 0; k < x->n; k++)
		cr_assert_eq(x->v[k], y->v[k], "%s: candidate %u differs with the copies", what, k);
}

/* The context of OLD ta and NEW tb, and of OLD ta and NEW tc (tb's tokens, copied from ta's where
 * they could be): NEW's walk takes OLD's results on the copied lines (ctx_init.c), which must be
 * what it finds on its own: words, ids (list markers' included), candidates of units and
 * quotations. */
static void same_ctx(const rl_tokens *ta, const rl_tokens *tb, const rl_tokens *tc,
                     const rl_diff_opts *o)
{
	rl_ctx x, y;
	cr_assert_eq(rl_ctx_init(&x, ta, tb, o), RL_OK);
	cr_assert_eq(rl_ctx_init(&y, ta, tc, o), RL_OK);
	const rl_side *sx = &x.side[RL_NEW], *sy = &y.side[RL_NEW];
	cr_assert_eq(sx->n, sy->n);
	for (uint32_t t = 0; t <= sx->n; t++)
		cr_assert_eq(rl_words_before(sx, t), rl_words_before(sy, t),
		             "words differ with the copies before token %u", t);
	cr_assert_eq(memcmp(sx->ids, sy->ids, (size_t)sx->n * sizeof *sx->ids), 0,
	             "ids differ with the copies");
	cr_assert_eq(sx->listed, sy->listed);
	same_list(&sx->ucand, &sy->ucand, "units");
	same_list(&sx->qcand, &sy->qcand, "quotations");
	rl_ctx_release(&x);
	rl_ctx_release(&y);
}

/* Token t0 of the line a quarter (q of 4) into toks, or the count. */
static uint32_t line_at(const rl_tokens *toks, unsigned q)
{
	size_t n;
	bool lf;
	const rl_tokline *l = rl_tokens_lines(toks, &n, &lf);
	return n ? l[n * q / 4].t0 : (uint32_t)rl_tokens_count(toks);
}

/* The same for windows (rl_ctx_init_span, as window.c and the sources stage build them): NEW's
 * window takes the ids and the walk of its lines copied from the window of OLD beside it
 * (rl_tokens_runs_inside), which must be what a window of tokens made afresh gets: ids (list
 * markers' and numbers' included), words, candidates. Windows cut at lines (as window.c cuts
 * them) and anywhere, apart, empty, and all of OLD with a window of NEW. */
static void same_span_ctx(const rl_tokens *ta, const rl_tokens *tb, const rl_tokens *tc,
                          const rl_diff_opts *o)
{
	uint32_t na = (uint32_t)rl_tokens_count(ta), nb = (uint32_t)rl_tokens_count(tb);
	uint32_t la[3] = {line_at(ta, 1), line_at(ta, 2), line_at(ta, 3)};
	uint32_t lb[3] = {line_at(tb, 1), line_at(tb, 2), line_at(tb, 3)};
	const uint32_t spans[][4] = {
		{la[0], la[2], lb[0], lb[2]}, {0, la[1], 0, lb[1]}, {la[1], na, lb[0], nb},
		{0, na, lb[0], lb[2]}, {la[0], na, lb[1], nb}, {na / 4, na - na / 4, nb / 4, nb - nb / 4},
		{na / 3, na, 0, nb / 2}, {0, na, nb / 5, nb - nb / 3}, {na / 2, na / 2, 0, nb}};
	for (size_t k = 0; k < sizeof spans / sizeof spans[0]; k++) {
		if (spans[k][0] > spans[k][1] || spans[k][2] > spans[k][3])
			continue;
		rl_ctx x, y;
		cr_assert_eq(rl_ctx_init_span(&x, ta, tb, spans[k], o), RL_OK);
		cr_assert_eq(rl_ctx_init_span(&y, ta, tc, spans[k], o), RL_OK);
		const rl_side *sx = &x.side[RL_NEW], *sy = &y.side[RL_NEW];
		cr_assert_eq(sx->n, sy->n);
		cr_assert_eq(memcmp(sx->ids, sy->ids, (size_t)sx->n * sizeof *sx->ids), 0,
		             "ids of window %zu differ with the copies", k);
		cr_assert_eq(x.nids, y.nids);
		for (uint32_t t = 0; t <= sx->n; t++)
			cr_assert_eq(rl_words_before(sx, t), rl_words_before(sy, t));
		cr_assert_eq(sx->listed, sy->listed);
		same_list(&sx->ucand, &sy->ucand, "units");
		same_list(&sx->qcand, &sy->qcand, "quotations");
		rl_ctx_release(&x);
		rl_ctx_release(&y);
	}
}

/* One pair, every way: tokens and ids directly, then the whole alignment. Returns the tokens of
 * NEW that were copied. */
static size_t check_pair(const buf *a, const buf *b, const rl_diff_opts *o)
{
	rl_tokens *ta, *tb, *tc;
	cr_assert_eq(rl_tokenize_wb(&ta, a->s, a->n, &o->wordbreak), RL_OK);
	cr_assert_eq(rl_tokenize_wb(&tb, b->s, b->n, &o->wordbreak), RL_OK);
	cr_assert_eq(rl_tokenize_like(&tc, b->s, b->n, &o->wordbreak, ta), RL_OK);
	same_tokens(tb, tc);

	const rl_tokens *src;
	size_t nruns, copied = 0;
	const rl_tokrun *runs = rl_tokens_runs(tc, &src, &nruns);
	cr_assert_eq(src, ta);
	rl_interner *i1, *i2;
	uint32_t *ida1, *idb1, *ida2, *idb2;
	cr_assert_eq(rl_interner_new(&i1, &o->key), RL_OK);
	cr_assert_eq(rl_interner_new(&i2, &o->key), RL_OK);
	cr_assert_eq(rl_intern(i1, ta, &ida1), RL_OK);
	cr_assert_eq(rl_intern(i1, tb, &idb1), RL_OK);
	cr_assert_eq(rl_intern(i2, ta, &ida2), RL_OK);
	cr_assert_eq(rl_intern_from(i2, tc, ta, ida2, &idb2), RL_OK);
	cr_assert_eq(memcmp(idb1, idb2, rl_tokens_count(tb) * sizeof *idb1), 0, "ids differ");
	cr_assert_eq(rl_interner_count(i1), rl_interner_count(i2));
	for (size_t r = 0; r < nruns; r++)
		copied += runs[r].n;
	same_ctx(ta, tb, tc, o);
	same_span_ctx(ta, tb, tc, o);
	free(ida1), free(idb1), free(ida2), free(idb2);
	rl_interner_free(i1), rl_interner_free(i2);
	rl_tokens_free(tc), rl_tokens_free(tb), rl_tokens_free(ta);

	rl_diff_opts off = *o;
	off.no_skip = true;
	rl_alignment *x, *y;
	cr_assert_eq(rl_diff(&x, a->s, a->n, b->s, b->n, o), RL_OK);
	cr_assert_eq(rl_diff(&y, a->s, a->n, b->s, b->n, &off), RL_OK);
	for (int s = 0; s < 2; s++)
		same_tokens(rl_alignment_tokens(x, s), rl_alignment_tokens(y, s));
	size_t nx, ny;
	const rl_op *ox = rl_alignment_ops(x, &nx), *oy = rl_alignment_ops(y, &ny);
	cr_assert_eq(nx, ny);
	/* Field by field: an op's padding bytes may be left uninitialized. */
	for (size_t k = 0; k < nx; k++)
		cr_assert(ox[k].a0 == oy[k].a0 && ox[k].a1 == oy[k].a1 && ox[k].b0 == oy[k].b0 &&
		          ox[k].b1 == oy[k].b1 && ox[k].kind == oy[k].kind &&
		          ox[k].move == oy[k].move && ox[k].quote == oy[k].quote,
		          "op %zu differs with the copies", k);
	cr_assert_eq(memcmp(rl_alignment_stats(x), rl_alignment_stats(y), sizeof(rl_stats)), 0);
	rl_alignment_free(x);
	rl_alignment_free(y);
	return copied;
}

static void run_many(rl_diff_opts *o, int rounds, int edits, unsigned long long seed)
{
	unsigned long long st = seed;
	size_t copied = 0, total = 0;
	for (int r = 0; r < rounds; r++) {
		size_t n = 1 + rnd(&st) % 60, picks[64];
		buf a = {0}, b = {0};
		make_text(&a, &st, n, picks);
		make_edited(&b, &st, picks, n, edits);
		if (!b.s)
			puts_(&b, "");
		copied += check_pair(&a, &b, o);
		copied += check_pair(&b, &a, o);
		rl_tokens *t;
		cr_assert_eq(rl_tokenize(&t, a.s, a.n), RL_OK);
		total += 2 * rl_tokens_count(t);
		rl_tokens_free(t);
		free(a.s), free(b.s);
	}
	/* The copies happen: with few edits most of NEW is copied (else this test proves nothing). */
	if (edits <= 10)
		cr_assert_gt(copied * 2, total, "copied %zu tokens of about %zu", copied, total);
}

Test(skip, few_edits_copy_most_lines_and_change_nothing)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	run_many(&o, 1000, 5, 1);
}

Test(skip, many_edits_change_nothing)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	run_many(&o, 1000, 60, 2);
}

Test(skip, comparison_options_change_nothing)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.key.fold_case = true, o.key.ignore_punct = true, o.key.nfkc = true;
	run_many(&o, 150, 10, 3);
	o = (rl_diff_opts)RL_DIFF_OPTS_INIT;
	o.key.fold_typography = false;
	o.stages = RL_STAGE_MOVES | RL_STAGE_QUOTES;
	run_many(&o, 150, 10, 4);
}

Test(skip, a_word_breaker_changes_nothing)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.wordbreak.fn = pairs;
	run_many(&o, 300, 10, 5);
}

/* The first token of a copied line takes its gap and indent from NEW; the line-end pass, which
 * weighs every line of the text, decides NEW's soft and hard breaks again. */
Test(skip, a_copied_line_takes_its_gap_and_indent_from_new)
{
	buf a = {0}, b = {0};
	puts_(&a, "intro\nThe copied line is long enough to be copied.\nend");
	puts_(&b, "intro\n\n    The copied line is long enough to be copied.\nend");
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	cr_assert_gt(check_pair(&a, &b, &o), 0);
	rl_tokens *ta, *tb;
	cr_assert_eq(rl_tokenize(&ta, a.s, a.n), RL_OK);
	cr_assert_eq(rl_tokenize_like(&tb, b.s, b.n, NULL, ta), RL_OK);
	const rl_token *v = rl_tokens_array(tb);
	cr_assert_eq(v[1].gap, RL_GAP_PARA);
	cr_assert(v[1].flags & RL_TF_INDENT);
	cr_assert_eq(v[1].off, strlen("intro\n\n    "));
	rl_tokens_free(ta), rl_tokens_free(tb);
	free(a.s), free(b.s);
}

/* --minimal and no_skip tokenize NEW afresh. */
Test(skip, minimal_copies_nothing)
{
	buf a = {0};
	puts_(&a, "one line that is long enough\nanother line that is long enough\n");
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.minimal = true;
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a.s, a.n, a.s, a.n, &o), RL_OK);
	const rl_tokens *src;
	size_t n;
	rl_tokens_runs(rl_alignment_tokens(al, RL_NEW), &src, &n);
	cr_assert_null(src);
	cr_assert_eq(n, 0);
	rl_alignment_free(al);
	o.minimal = false;
	cr_assert_eq(rl_diff(&al, a.s, a.n, a.s, a.n, &o), RL_OK);
	rl_tokens_runs(rl_alignment_tokens(al, RL_NEW), &src, &n);
	cr_assert_eq(n, 1);  /* the second line: the first starts the text and is tokenized */
	rl_alignment_free(al);
	free(a.s);
}

/* A Thai line both texts have is copied too, with a word breaker: as the phrases the breaker,
 * asked only about the lines that changed, leaves it (wordbreak.h). */
Test(skip, a_shared_thai_line_is_copied_with_a_word_breaker)
{
	buf a = {0}, b = {0};
	puts_(&a, "intro\n\xe0\xb8\xa7\xe0\xb8\xb1\xe0\xb8\x99\xe0\xb8\x99\xe0\xb8\xb5\xe0\xb9\x89"
	          "\xe0\xb8\xad\xe0\xb8\xb2\xe0\xb8\x81\xe0\xb8\xb2\xe0\xb8\xa8\nold end\n");
	puts_(&b, "intro\n\xe0\xb8\xa7\xe0\xb8\xb1\xe0\xb8\x99\xe0\xb8\x99\xe0\xb8\xb5\xe0\xb9\x89"
	          "\xe0\xb8\xad\xe0\xb8\xb2\xe0\xb8\x81\xe0\xb8\xb2\xe0\xb8\xa8\nnew end\n");
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.wordbreak.fn = pairs;
	cr_assert_gt(check_pair(&a, &b, &o), 0);
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a.s, a.n, b.s, b.n, &o), RL_OK);
	const rl_tokens *src, *tb = rl_alignment_tokens(al, RL_NEW);
	size_t n;
	const rl_tokrun *runs = rl_tokens_runs(tb, &src, &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(runs[0].t0, 1);
	cr_assert_eq(runs[0].n, 1, "the Thai line: one phrase");
	cr_assert(rl_tokens_array(tb)[1].flags & RL_TF_SOLO);
	cr_assert_eq(rl_tokens_array(tb)[1].len, 33);
	rl_alignment_free(al);
	free(a.s), free(b.s);
}

/* A long stretch of edited lines, then lines OLD has: the tokenizer stops looking every line up
 * while they miss (token_lines.c, rl_tk_take_para), and must start copying again once they hit,
 * with tokens, ids and ops unchanged all along. */
Test(skip, copies_resume_after_a_long_edited_stretch)
{
	buf a = {0}, b = {0};
	char line[96];
	for (int i = 0; i < 300; i++) {
		snprintf(line, sizeof line, "Line %d of the keeper's log, long enough to copy.\n", i);
		puts_(&a, line);
		if (i < 200)  /* every line of the first two hundred edited */
			snprintf(line, sizeof line, "Line %d of the keeper's new log, long enough to copy.\n", i);
		puts_(&b, line);
	}
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	size_t copied = check_pair(&a, &b, &o);
	/* 100 lines of 13 tokens after the edits: all but the few passed after the last miss. */
	cr_assert_geq(copied, 13 * (100 - 40), "copied %zu tokens", copied);
	free(a.s), free(b.s);
}

/* Edited and unchanged lines taking turns, and runs of each of every length: the misses in a row
 * rise and fall back, and nothing downstream can tell which lines were copied. */
Test(skip, edited_and_unchanged_lines_in_turn_change_nothing)
{
	buf a = {0}, b = {0};
	char line[96];
	unsigned long long st = 7;
	for (int i = 0; i < 400; i++) {
		snprintf(line, sizeof line, "Entry %d: the lamp was lit at dusk, 3.5 hours.\n", i);
		puts_(&a, line);
		if (rnd(&st) % 3 == 0 || (i / 50) % 2)
			snprintf(line, sizeof line, "Entry %d: the lamp was lit at dawn, 3.5 hours.\n", i);
		puts_(&b, line);
	}
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	cr_assert_gt(check_pair(&a, &b, &o), 0);
	free(a.s), free(b.s);
}
