/* Tests for window.c: two long texts with few edits are compared on windows around the changes
 * alone, and the result is the whole-text pipeline's. The texts are made here: paragraphs of
 * sentences drawn from a word list with a fixed generator (every sentence different), separated
 * by blank lines, some hard-wrapped; NEW is OLD with a few edits far apart. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "status.h"
#include "testbuf.h"
#include "window.h"

#include "same_ops.h"

static const char *const vocab[] = {
	"harbour", "keeper", "lamp", "storm", "ledger", "ship", "tide", "rope", "north", "winter",
	"lantern", "gull", "pier", "boat", "mast", "sail", "reef", "fog", "bell", "night",
	"Captain", "Marsh", "Ellery", "Porthaven", "the", "of", "and", "a", "in", "to",
	"was", "had", "quietly", "early", "grey", "salt", "old", "bright", "wet", "narrow",
};
#define NVOCAB (sizeof vocab / sizeof *vocab)

static uint32_t next(uint64_t *st)
{
	*st = *st * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(*st >> 33);
}

/* Paragraph p of the text: its sentences numbered so that none repeats; every third paragraph
 * hard-wrapped (a line end every eight words). */
static void paragraph(buf *b, unsigned p, uint64_t seed)
{
	uint64_t st = seed ^ (p * 0x9E3779B97F4A7C15ULL);
	unsigned sentences = 3 + next(&st) % 3, w = 0;
	for (unsigned k = 0; k < sentences; k++) {
		char num[32];
		snprintf(num, sizeof num, "%s%u", k ? " Entry " : "Entry ", p * 10 + k);
		puts_(b, num);
		unsigned words = 6 + next(&st) % 8;
		for (unsigned i = 0; i < words; i++) {
			puts_(b, p % 3 == 0 && ++w % 8 == 0 ? "\n" : " ");
			puts_(b, vocab[next(&st) % NVOCAB]);
		}
		puts_(b, k % 4 == 3 ? ", said Marsh." : ".");
	}
	puts_(b, "\n\n");
}

/* A text of n paragraphs; edit(p) may write paragraph p otherwise (true when it did). */
typedef bool (*edit_fn)(buf *b, unsigned p, uint64_t seed);

static buf text(unsigned n, uint64_t seed, edit_fn edit)
{
	buf b = {0};
	for (unsigned p = 0; p < n; p++)
		if (!edit || !edit(&b, p, seed))
			paragraph(&b, p, seed);
	return b;
}

/* A few edits far apart: a word changed, a sentence added, a paragraph dropped, one inserted. */
static bool few_edits(buf *b, unsigned p, uint64_t seed)
{
	switch (p) {
	case 30: {
		buf x = {0};
		paragraph(&x, p, seed);
		char *at = strstr(x.s, " ");
		cr_assert_not_null(at);
		put(b, x.s, (size_t)(at - x.s));
		puts_(b, " foghorn");
		puts_(b, at);
		free(x.s);
		return true;
	}
	case 75:
		paragraph(b, p, seed);
		b->n -= 2;
		puts_(b, " A new sentence, \xe2\x80\x9cquoted\xe2\x80\x9d here, was added.\n\n");
		return true;
	case 120: return true;
	case 160:
		paragraph(b, p, seed);
		puts_(b, "An inserted paragraph about the lighthouse and its keeper.\n\n");
		return true;
	default: return false;
	}
}

/* The alignment of a and b with windows (when they apply) and on the whole texts. */
static void both(const buf *a, const buf *b, const rl_diff_opts *o, rl_alignment **win,
                 rl_alignment **whole)
{
	rl_diff_opts off = *o;
	off.no_window = true;
	cr_assert_eq(rl_diff(win, a->s, a->n, b->s, b->n, o), RL_OK);
	cr_assert_eq(rl_diff(whole, a->s, a->n, b->s, b->n, &off), RL_OK);
}

/* OLD and NEW (each 200 paragraphs of the seed, written otherwise by its edit, NULL for none),
 * compared with windows (win) and without (whole). */
typedef struct compared {
	buf a, b;
	rl_alignment *win, *whole;
} compared;

/* Compare them under o (NULL: the defaults) and check that the windows found are `windows`. */
static compared compare(uint64_t seed, edit_fn old_edit, edit_fn new_edit, const rl_diff_opts *o,
                        size_t windows)
{
	compared c = {text(200, seed, old_edit), text(200, seed, new_edit), NULL, NULL};
	rl_diff_opts def = RL_DIFF_OPTS_INIT;
	both(&c.a, &c.b, o ? o : &def, &c.win, &c.whole);
	cr_assert_eq(rl_alignment_stats(c.win)->windows, windows, "seed %llu: %zu windows",
	             (unsigned long long)seed, rl_alignment_stats(c.win)->windows);
	return c;
}

static void compared_free(compared *c)
{
	rl_alignment_free(c->win);
	rl_alignment_free(c->whole);
	free(c->a.s);
	free(c->b.s);
}

Test(window, few_edits_same_ops_as_whole)
{
	for (uint64_t seed = 1; seed <= 4; seed++) {
		rl_diff_opts o = RL_DIFF_OPTS_INIT;
		/* Moves and provenance look at the whole of the other text (and a paragraph added
		 * makes provenance compare the whole texts): not here. */
		o.stages &= ~(unsigned)(RL_STAGE_MOVES | RL_STAGE_SOURCES);
		/* The four edits, far apart: four windows (the test fails if they stop happening). */
		compared c = compare(seed, NULL, few_edits, &o, 4);
		cr_assert_eq(rl_alignment_stats(c.whole)->windows, 0);
		expect_same(c.win, c.whole);
		/* NEW's copied lines (skip.h) make the same tokens, so the same windows. */
		rl_alignment *copied;
		rl_diff_opts nc = o;
		nc.no_skip = true;
		cr_assert_eq(rl_diff(&copied, c.a.s, c.a.n, c.b.s, c.b.n, &nc), RL_OK);
		cr_assert_eq(rl_alignment_stats(copied)->windows, 4);
		expect_same(copied, c.win);
		rl_alignment_free(copied);
		compared_free(&c);
		/* The same both ways round. */
		c = compare(seed, few_edits, NULL, &o, 4);
		expect_same(c.win, c.whole);
		compared_free(&c);
	}
}

/* Words changed in a few paragraphs far apart, nothing added. */
static bool words_changed(buf *b, unsigned p, uint64_t seed)
{
	if (p != 25 && p != 90 && p != 150)
		return false;
	buf x = {0};
	paragraph(&x, p, seed);
	char *at = strstr(x.s, " the ");
	if (!at)
		at = strstr(x.s, " ");
	put(b, x.s, (size_t)(at - x.s));
	puts_(b, " a");
	puts_(b, at + (strncmp(at, " the ", 5) == 0 ? 4 : 0));
	free(x.s);
	return true;
}

Test(window, every_stage_same_ops_here)
{
	/* With every stage on: words changed in place move nothing, want no provenance and quote
	 * nothing from far away, so the stages find on the windows what they find on the whole. */
	for (uint64_t seed = 11; seed <= 13; seed++) {
		compared c = compare(seed, NULL, words_changed, NULL, 3);
		expect_same(c.win, c.whole);
		compared_free(&c);
	}
}

/* OLD's sentence in paragraph 20, and NEW's sentence restating it, added to paragraph 170. */
#define SURVEYED "The cartographer Wilhelmina Oakridge surveyed the crumbling basalt causeway " \
                 "beyond Porthaven in the drought."
#define RESTATED "Wilhelmina Oakridge, a cartographer, surveyed that crumbling causeway of " \
                 "basalt during a drought."

static bool with_surveyed(buf *b, unsigned p, uint64_t seed)
{
	if (p != 20)
		return false;
	paragraph(b, p, seed);
	b->n -= 2;
	puts_(b, " " SURVEYED "\n\n");
	return true;
}

/* NEW: the same, and paragraph 170 with a sentence restating paragraph 20's. */
static bool restated(buf *b, unsigned p, uint64_t seed)
{
	if (p != 170)
		return with_surveyed(b, p, seed);
	paragraph(b, p, seed);
	b->n -= 2;
	puts_(b, " " RESTATED "\n\n");
	return true;
}

static void expect_same_links(const rl_alignment *x, const rl_alignment *y)
{
	size_t nx, ny;
	const rl_link *lx = rl_alignment_sources(x, &nx), *ly = rl_alignment_sources(y, &ny);
	cr_assert_eq(nx, ny, "%zu links with windows, %zu without", nx, ny);
	for (size_t k = 0; k < nx; k++) {
		cr_assert(lx[k].b0 == ly[k].b0 && lx[k].b1 == ly[k].b1 && lx[k].n == ly[k].n &&
		          lx[k].para == ly[k].para && lx[k].share == ly[k].share, "link %zu", k);
		for (uint8_t i = 0; i < lx[k].n; i++)
			cr_assert(lx[k].a0[i] == ly[k].a0[i] && lx[k].a1[i] == ly[k].a1[i]);
	}
}

Test(window, provenance_searched_over_the_whole_old_text)
{
	/* A sentence added to paragraph 170 restates one of paragraph 20, far outside its window:
	 * the stages run on the window, the sources are searched over the whole of OLD. */
	for (uint64_t seed = 21; seed <= 23; seed++) {
		compared c = compare(seed, with_surveyed, restated, NULL, 1);
		const buf a = c.a, b = c.b;
		const rl_alignment *win = c.win;
		size_t n;
		const rl_link *ln = rl_alignment_sources(win, &n);
		cr_assert_eq(n, 1, "seed %llu: %zu links", (unsigned long long)seed, n);
		/* The link's two ends, in bytes: the added sentence and paragraph 20's. */
		size_t s, e;
		rl_range_bytes(win, RL_NEW, ln[0].b0, ln[0].b1, &s, &e);
		cr_assert(e - s >= strlen(RESTATED) - 1 && memcmp(b.s + s, RESTATED, e - s) == 0,
		          "NEW's unit: %.*s", (int)(e - s), b.s + s);
		rl_range_bytes(win, RL_OLD, ln[0].a0[0], ln[0].a1[0], &s, &e);
		cr_assert(e - s >= strlen(SURVEYED) - 1 && memcmp(a.s + s, SURVEYED, e - s) == 0,
		          "OLD's unit: %.*s", (int)(e - s), a.s + s);
		cr_assert_eq(ln[0].para, 21);  /* the 21st paragraph, counted from 1 */
		expect_same(c.win, c.whole);
		expect_same_links(c.win, c.whole);
		compared_free(&c);
	}
	/* The few edits (a paragraph inserted: a unit that wants sources, and finds none) too. */
	compared c = compare(2, NULL, few_edits, NULL, 4);
	expect_same(c.win, c.whole);
	expect_same_links(c.win, c.whole);
	compared_free(&c);
}

/* Paragraph 130 (one line) moved up before paragraph 110. */
static bool moved_up(buf *b, unsigned p, uint64_t seed)
{
	if (p == 130)
		return true;
	if (p == 110) {
		paragraph(b, 130, seed);
		paragraph(b, p, seed);
		return true;
	}
	return false;
}

/* The last paragraph (one line) moved to the top. */
static bool end_to_top(buf *b, unsigned p, uint64_t seed)
{
	if (p == 199)
		return true;
	if (p == 0) {
		paragraph(b, 199, seed);
		paragraph(b, p, seed);
		return true;
	}
	return false;
}

Test(window, a_line_moved_joins_the_windows_between_its_places)
{
	for (uint64_t seed = 31; seed <= 33; seed++) {
		/* One window from the line's new place to its old one, the move found in it. */
		compared c = compare(seed, NULL, moved_up, NULL, 1);
		cr_assert_eq(rl_alignment_stats(c.win)->moves, 1);
		size_t n, moved_words = 0;
		const rl_op *ops = rl_alignment_ops(c.win, &n);
		for (size_t k = 0; k < n; k++)
			if (ops[k].move && ops[k].kind == RL_OP_MOVE) {
				size_t s, e;
				rl_op_bytes(c.win, &ops[k], RL_NEW, &s, &e);
				cr_assert(memcmp(c.b.s + s, "Entry 1300 ", 11) == 0, "moved: %.*s",
				          (int)(e - s), c.b.s + s);
				moved_words++;
			}
		cr_assert_gt(moved_words, 0);
		expect_same(c.win, c.whole);
		expect_same_links(c.win, c.whole);
		compared_free(&c);
		/* From the end to the top: the window would be the whole text; the whole texts. */
		c = compare(seed, NULL, end_to_top, NULL, 0);
		cr_assert_eq(rl_alignment_stats(c.win)->moves, 1);
		expect_same(c.win, c.whole);
		compared_free(&c);
	}
}

/* A short line moved from the end to the top, and a word changed near the end: a stray line of
 * one short word, too short to move alone (rl_move_line_alone), or a page's template line. */
#define STRAY_LINE "Ahoy!\n\n"
#define TEMPLATE_LINE "{{Lighthousekeeping}}\n\n"

static bool line_to_top(buf *b, unsigned p, uint64_t seed, const char *line)
{
	if (p == 0)
		puts_(b, line);
	if (p == 196) {
		paragraph(b, p, seed);
		b->n -= 3;  /* its last word grown ("storm." -> "stormward.") */
		puts_(b, "ward.\n\n");
		return true;
	}
	if (p == 199)
		return true;
	return false;
}

/* OLD: ... paragraph 199 and the line after it. */
static bool line_at_end(buf *b, unsigned p, uint64_t seed, const char *line)
{
	if (p != 199)
		return false;
	paragraph(b, p, seed);
	puts_(b, line);
	return true;
}

static bool short_line_to_top(buf *b, unsigned p, uint64_t seed)
{
	return line_to_top(b, p, seed, STRAY_LINE);
}

static bool short_line_at_end(buf *b, unsigned p, uint64_t seed)
{
	return line_at_end(b, p, seed, STRAY_LINE);
}

static bool template_line_to_top(buf *b, unsigned p, uint64_t seed)
{
	return line_to_top(b, p, seed, TEMPLATE_LINE);
}

static bool template_line_at_end(buf *b, unsigned p, uint64_t seed)
{
	return line_at_end(b, p, seed, TEMPLATE_LINE);
}

/* The same line moved with a paragraph that OLD has twice (its lines are not unique: only the
 * short line ties the two places). */
static bool twice_at_end(buf *b, unsigned p, uint64_t seed)
{
	if (p == 20 || p == 199) {
		paragraph(b, p, seed);
		paragraph(b, 7, seed);
		if (p == 199)
			puts_(b, STRAY_LINE);
		return true;
	}
	return false;
}

static bool twice_to_top(buf *b, unsigned p, uint64_t seed)
{
	if (p == 0) {
		puts_(b, STRAY_LINE);
		paragraph(b, 7, seed);
	}
	if (p == 20) {
		paragraph(b, p, seed);
		paragraph(b, 7, seed);
		return true;
	}
	return false;
}

Test(window, a_short_moved_line_leaves_its_places_apart)
{
	for (uint64_t seed = 41; seed <= 43; seed++) {
		/* Joined, the window would be the whole text: two windows instead, the line deleted at
		 * the end and inserted at the top as on the whole texts. */
		compared c = compare(seed, short_line_at_end, short_line_to_top, NULL, 2);
		expect_same(c.win, c.whole);
		expect_same_links(c.win, c.whole);
		compared_free(&c);
		/* With a paragraph moved along (its lines not unique), a move between the windows:
		 * the whole texts, which find it. */
		c = compare(seed, twice_at_end, twice_to_top, NULL, 0);
		cr_assert_eq(rl_alignment_stats(c.whole)->moves, 1);
		expect_same(c.win, c.whole);
		compared_free(&c);
		/* A template line, which moves alone (stop 35): the windows joined, here the whole
		 * texts, which find its move. */
		c = compare(seed, template_line_at_end, template_line_to_top, NULL, 0);
		cr_assert_eq(rl_alignment_stats(c.whole)->moves, 1);
		expect_same(c.win, c.whole);
		compared_free(&c);
	}
}

/* The windows of two texts (rl_windows_find on their tokens). */
static int windows_of(const char *a, size_t na, const char *b, size_t nb, rl_window **w, size_t *n)
{
	rl_tokens *ta, *tb;
	cr_assert_eq(rl_tokenize(&ta, a, na), RL_OK);
	cr_assert_eq(rl_tokenize(&tb, b, nb), RL_OK);
	int rc = rl_windows_find(ta, tb, w, n, NULL, NULL, true);
	rl_tokens_free(ta);
	rl_tokens_free(tb);
	return rc;
}

/* Paragraph 40 moved after paragraph 150. */
static bool moved(buf *b, unsigned p, uint64_t seed)
{
	if (p == 40)
		return true;
	if (p == 150) {
		paragraph(b, p, seed);
		paragraph(b, 40, seed);
		return true;
	}
	return false;
}

/* Every other paragraph changed. */
static bool many_edits(buf *b, unsigned p, uint64_t seed)
{
	if (p % 2)
		return false;
	paragraph(b, p, seed + 1);
	return true;
}

Test(window, whole_texts_when_windows_do_not_apply)
{
	buf a = text(200, 3, NULL), b = text(200, 3, few_edits);
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_alignment *al;
	rl_window *w;
	size_t nw;
	/* A unique line matched out of order (a move): the whole texts. */
	buf m = text(200, 3, moved);
	cr_assert_eq(windows_of(a.s, a.n, m.s, m.n, &w, &nw), RL_OK);
	cr_assert_eq(nw, 0);
	cr_assert_eq(rl_diff(&al, a.s, a.n, m.s, m.n, &o), RL_OK);
	cr_assert_eq(rl_alignment_stats(al)->windows, 0);
	rl_alignment_free(al);
	/* Most paragraphs changed. */
	buf e = text(200, 3, many_edits);
	cr_assert_eq(rl_diff(&al, a.s, a.n, e.s, e.n, &o), RL_OK);
	cr_assert_eq(rl_alignment_stats(al)->windows, 0);
	rl_alignment_free(al);
	/* --minimal is exact on the whole texts; styles are applied to the whole. */
	o.minimal = true;
	cr_assert_eq(rl_diff(&al, a.s, a.n, b.s, b.n, &o), RL_OK);
	cr_assert_eq(rl_alignment_stats(al)->windows, 0);
	rl_alignment_free(al);
	o.minimal = false;
	rl_style_span span = {0, 10, 1, false};
	rl_styles styles[2] = {{&span, 1}, {&span, 1}};
	cr_assert_eq(rl_diff_styled(&al, a.s, a.n, b.s, b.n, &o, styles), RL_OK);
	cr_assert_eq(rl_alignment_stats(al)->windows, 0);
	rl_alignment_free(al);
	/* Short texts. */
	cr_assert_eq(rl_diff(&al, a.s, 2000, b.s, 2000, &o), RL_OK);
	cr_assert_eq(rl_alignment_stats(al)->windows, 0);
	rl_alignment_free(al);
	/* And the texts themselves: windows. */
	cr_assert_eq(windows_of(a.s, a.n, b.s, b.n, &w, &nw), RL_OK);
	cr_assert_eq(nw, 4);
	for (size_t k = 1; k < nw; k++)
		cr_assert(w[k].a0 > w[k - 1].a1 && w[k].b0 > w[k - 1].b1);
	free(w);
	free(a.s);
	free(b.s);
	free(m.s);
	free(e.s);
}

Test(window, identical_texts)
{
	buf a = text(200, 5, NULL);
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a.s, a.n, a.s, a.n, &o), RL_OK);
	size_t n;
	const rl_op *ops = rl_alignment_ops(al, &n);
	cr_assert_eq(n, 1);
	cr_assert_eq(ops[0].kind, RL_OP_EQUAL);
	cr_assert(rl_alignment_same(al));
	rl_alignment_free(al);
	free(a.s);
}
