/* Tests for window_para.c: a text whose paragraphs were re-wrapped (filled to another width) is
 * compared on windows around its edits, as lines equal byte for byte are (test_window.c), and
 * gives the whole-text pipeline's alignment. The texts are made here: paragraphs of sentences
 * drawn from a word list with a fixed generator (each paragraph numbered, so none repeats unless
 * a test repeats it), OLD one line a paragraph, NEW filled to a width. No word of one letter:
 * "a." filled to the start of a line is a list item's number, a line a reader sees. */
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
	"orchard", "miller", "kettle", "thatch", "meadow", "cart", "barley", "hedge", "brook",
	"lantern", "weaver", "cottage", "stile", "plough", "harvest", "sheaf", "wagon", "well",
	"the", "of", "and", "in", "to", "was", "had", "slowly", "late", "green", "dusty",
	"along", "beside", "under", "narrow", "golden", "quiet",
};
#define NVOCAB (sizeof vocab / sizeof *vocab)
#define NPARA 120

static uint32_t next(uint64_t *st)
{
	*st = *st * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(*st >> 33);
}

/* The words of paragraph p (of text `text`), one string with single spaces; `changed`: its
 * seventh word replaced by "windmill". */
static buf words_of(unsigned p, unsigned text, bool changed)
{
	uint64_t st = (text + 1) * 0x9E3779B97F4A7C15ULL ^ (p * 0xBF58476D1CE4E5B9ULL);
	buf b = {0};
	char num[48];
	snprintf(num, sizeof num, "Field %u was walked", p);
	puts_(&b, num);
	unsigned sentences = 3 + next(&st) % 3, w = 0;
	for (unsigned k = 0; k < sentences; k++) {
		unsigned n = 8 + next(&st) % 8;
		for (unsigned i = 0; i < n; i++) {
			const char *word = vocab[next(&st) % NVOCAB];
			puts_(&b, " ");
			puts_(&b, changed && ++w == 7 ? "windmill" : word);
		}
		puts_(&b, k + 1 < sentences ? ". Then" : ".");
	}
	return b;
}

/* Paragraph text s filled to `width` columns (0: one line), then a blank line. */
static void fill(buf *out, const char *s, unsigned width)
{
	size_t col = 0;
	for (const char *w = s; *w;) {
		size_t n = strcspn(w, " ");
		if (col > 0 && width > 0 && col + 1 + n > width) {
			puts_(out, "\n");
			col = 0;
		} else if (col > 0) {
			puts_(out, " ");
			col++;
		}
		put(out, w, n);
		col += n;
		w += n + (w[n] == ' ');
	}
	puts_(out, "\n\n");
}

/* A text of NPARA paragraphs filled to width; paragraph `changed` with a word changed (NPARA:
 * none); `twice`: paragraph p + NPARA / 2 is paragraph p's words again. */
static buf text(unsigned width, unsigned changed, bool twice)
{
	buf out = {0};
	for (unsigned p = 0; p < NPARA; p++) {
		unsigned q = twice && p >= NPARA / 2 ? p - NPARA / 2 : p;
		buf w = words_of(q, 0, p == changed);
		fill(&out, w.s, width);
		free(w.s);
	}
	return out;
}

/* The windows of a and b (rl_windows_find on their tokens), *tb the count of b's tokens. */
static void windows_of(const buf *a, const buf *b, rl_window **w, size_t *n, size_t *ta,
                       size_t *tb)
{
	rl_tokens *x, *y;
	cr_assert_eq(rl_tokenize(&x, a->s, a->n), RL_OK);
	cr_assert_eq(rl_tokenize(&y, b->s, b->n), RL_OK);
	cr_assert_eq(rl_windows_find(x, y, w, n, NULL, NULL, true), RL_OK);
	*ta = rl_tokens_count(x), *tb = rl_tokens_count(y);
	rl_tokens_free(x);
	rl_tokens_free(y);
}

/* Where paragraph p starts in OLD's tokens (the tokens before it counted by tokenizing them). */
static size_t tokens_before(const buf *t, unsigned p)
{
	const char *s = t->s;
	for (unsigned k = 0; k < p; k++)
		s = strstr(s, "\n\n") + 2;
	rl_tokens *x;
	cr_assert_eq(rl_tokenize(&x, t->s, (size_t)(s - t->s)), RL_OK);
	size_t n = rl_tokens_count(x);
	rl_tokens_free(x);
	return n;
}

Test(window_para, a_rewrapped_text_is_compared_on_windows)
{
	/* OLD one line a paragraph; NEW filled to 64 columns, a word changed in paragraph 60. */
	buf a = text(0, NPARA, false), b = text(64, 60, false);
	rl_diff_opts o = RL_DIFF_OPTS_INIT, off = RL_DIFF_OPTS_INIT;
	off.no_window = true;
	rl_alignment *win, *whole;
	cr_assert_eq(rl_diff(&win, a.s, a.n, b.s, b.n, &o), RL_OK);
	cr_assert_eq(rl_diff(&whole, a.s, a.n, b.s, b.n, &off), RL_OK);
	cr_assert_eq(rl_alignment_stats(win)->windows, 1, "%zu windows",
	             rl_alignment_stats(win)->windows);
	expect_same(win, whole);
	size_t n;
	const rl_op *ops = rl_alignment_ops(win, &n);
	cr_assert_eq(n, 3, "%zu ops", n);  /* kept, the word replaced, kept */
	cr_assert_eq(ops[1].kind, RL_OP_REPLACE);
	rl_alignment_free(win);
	rl_alignment_free(whole);
	/* The same the other way round, and --minimal on the whole texts. */
	cr_assert_eq(rl_diff(&win, b.s, b.n, a.s, a.n, &o), RL_OK);
	cr_assert_eq(rl_diff(&whole, b.s, b.n, a.s, a.n, &off), RL_OK);
	cr_assert_eq(rl_alignment_stats(win)->windows, 1);
	expect_same(win, whole);
	rl_alignment_free(win);
	rl_alignment_free(whole);
	o.minimal = true;
	cr_assert_eq(rl_diff(&win, a.s, a.n, b.s, b.n, &o), RL_OK);
	cr_assert_eq(rl_alignment_stats(win)->windows, 0);
	rl_alignment_free(win);
	free(a.s);
	free(b.s);
}

Test(window_para, a_rewrapped_paragraph_matches_a_changed_one_does_not)
{
	/* Both filled, to 50 and 72 columns: the one window holds paragraph 60 (changed) on both
	 * sides, with paragraphs of context before it and after (the paragraph of the change and
	 * RL_WINDOW_CONTEXT more: here three, the change's own being none of the kept run's),
	 * and the rest is kept. */
	buf a = text(50, NPARA, false), b = text(72, 60, false);
	rl_window *w;
	size_t n, ta, tb;
	windows_of(&a, &b, &w, &n, &ta, &tb);
	cr_assert_eq(n, 1, "%zu windows", n);
	size_t a57 = tokens_before(&a, 57), a64 = tokens_before(&a, 64);
	size_t b57 = tokens_before(&b, 57), b64 = tokens_before(&b, 64);
	cr_assert(w[0].a0 <= tokens_before(&a, 60) && w[0].a1 >= tokens_before(&a, 61));
	cr_assert(w[0].a0 >= a57 && w[0].a1 <= a64, "OLD's window [%u, %u)", w[0].a0, w[0].a1);
	cr_assert(w[0].b0 >= b57 && w[0].b1 <= b64, "NEW's window [%u, %u)", w[0].b0, w[0].b1);
	cr_assert(w[0].a1 - w[0].a0 < ta / 10 && w[0].b1 - w[0].b0 < tb / 10);
	free(w);
	free(a.s);
	free(b.s);
}

Test(window_para, a_repeated_paragraph_is_no_anchor)
{
	/* Every paragraph twice (the second half of each text repeats the first): no paragraph is
	 * unique once whitespace is collapsed, so nothing ties the texts, and the whole texts are
	 * compared. */
	buf a = text(0, NPARA, true), b = text(64, 60, true);
	rl_window *w;
	size_t n, ta, tb;
	windows_of(&a, &b, &w, &n, &ta, &tb);
	cr_assert_eq(n, 0, "%zu windows", n);
	cr_assert_null(w);
	free(a.s);
	free(b.s);
	/* Unique ones, the same texts otherwise: windows. */
	a = text(0, NPARA, false), b = text(64, 60, false);
	windows_of(&a, &b, &w, &n, &ta, &tb);
	cr_assert_eq(n, 1);
	free(w);
	free(a.s);
	free(b.s);
}

Test(window_para, a_line_a_reader_sees_is_no_soft_break)
{
	/* Paragraph 30 of NEW written a word a line: lines that short end on purpose (breaks a
	 * reader sees, not a space), and it is in a window of its own besides paragraph 60's. */
	buf a = text(0, NPARA, false), b = {0};
	for (unsigned p = 0; p < NPARA; p++) {
		buf w = words_of(p, 0, p == 60);
		if (p == 30)
			for (char *s = strchr(w.s, ' '); s; s = strchr(s, ' '))
				*s = '\n';
		fill(&b, w.s, p == 30 ? 0 : 64);
		free(w.s);
	}
	rl_window *w;
	size_t n, ta, tb;
	windows_of(&a, &b, &w, &n, &ta, &tb);
	cr_assert_eq(n, 2, "%zu windows", n);
	cr_assert(w[0].a0 <= tokens_before(&a, 30) && w[0].a1 >= tokens_before(&a, 31));
	free(w);
	free(a.s);
	free(b.s);
}

/* A text of NPARA paragraphs filled to width, a word changed in each paragraph p with
 * p % step == step / 2. */
static buf text_every(unsigned width, unsigned step)
{
	buf out = {0};
	for (unsigned p = 0; p < NPARA; p++) {
		buf w = words_of(p, 0, p % step == step / 2);
		fill(&out, w.s, width);
		free(w.s);
	}
	return out;
}

Test(window_para, windows_that_would_not_pay_are_not_run)
{
	/* A word changed in every 16th paragraph: 7 windows of about six paragraphs each keep
	 * well over half of each text, which the lines' windows ask for, but under the two thirds
	 * (RL_WIN_PARA_KEEP_NUM/DEN) that the windows of re-wrapped paragraphs must keep to cost
	 * less than the whole texts: the whole texts are compared. */
	buf a = text(0, NPARA, false), b = text_every(64, 16);
	rl_window *w;
	size_t n, ta, tb;
	windows_of(&a, &b, &w, &n, &ta, &tb);
	cr_assert_eq(n, 0, "%zu windows", n);
	cr_assert_null(w);
	free(b.s);
	/* Every 40th (three changes): the windows keep more than two thirds, and are run. */
	b = text_every(64, 40);
	windows_of(&a, &b, &w, &n, &ta, &tb);
	cr_assert_eq(n, 3, "%zu windows", n);
	size_t kept = ta;
	for (size_t k = 0; k < n; k++)
		kept -= w[k].a1 - w[k].a0;
	cr_assert(3 * kept >= 2 * ta && 3 * kept >= 2 * tb, "kept %zu of %zu", kept, ta);
	free(w);
	free(a.s);
	free(b.s);
}
