/* Tests for ctx.c's shared work budget: the diffs of ranges that the stages ask for (moves
 * verified and realigned, regions, passages) draw on one budget, linear in the texts, besides the
 * whole diff's own; past it they stay valid and cost little. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cleanup_units.h"
#include "move.h"
#include "pipeline.h"
#include "refine.h"
#include "status.h"

/* Words drawn from "a" and "b" only: every word common, no anchor, short matching runs (the
 * exact engine's worst case). */
static char *two_words(uint64_t seed, size_t words)
{
	char *t = malloc(2 * words + 1);
	cr_assert_not_null(t);
	for (size_t i = 0; i < words; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		t[2 * i] = (seed >> 33) & 1 ? 'a' : 'b';
		t[2 * i + 1] = ' ';
	}
	t[2 * words] = '\0';
	return t;
}

/* Texts of two_words (seeds sa and sb), their tokens, and a pipeline context over them. */
static void open_two(uint64_t sa, uint64_t sb, size_t words, char *text[2], rl_tokens *toks[2],
                     rl_ctx *c)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	text[0] = two_words(sa, words), text[1] = two_words(sb, words);
	for (int s = 0; s < 2; s++)
		cr_assert_eq(rl_tokenize(&toks[s], text[s], strlen(text[s])), RL_OK);
	cr_assert_eq(rl_pipeline_ctx(c, toks[0], toks[1], &o), RL_OK);
}

/* Release what open_two made. */
static void close_two(char *text[2], rl_tokens *toks[2], rl_ctx *c)
{
	rl_ctx_release(c);
	for (int s = 0; s < 2; s++) {
		rl_tokens_free(toks[s]);
		free(text[s]);
	}
}

/* The ops tile [a0, a1) and [b0, b1) in order. */
static void assert_tiles(const rl_opvec *ops, size_t first, uint32_t a0, uint32_t a1, uint32_t b0,
                         uint32_t b1)
{
	for (size_t k = first; k < ops->n; k++) {
		cr_assert_eq(ops->v[k].a0, a0);
		cr_assert_eq(ops->v[k].b0, b0);
		a0 = ops->v[k].a1, b0 = ops->v[k].b1;
	}
	cr_assert_eq(a0, a1);
	cr_assert_eq(b0, b1);
}

Test(stage, diffs_of_ranges_share_one_budget, .timeout = 600)
{
	char *text[2];
	rl_tokens *toks[2];
	rl_ctx c;
	open_two(1, 2, 20000, text, toks, &c);
	uint32_t na = c.side[0].n, nb = c.side[1].n;
	uint64_t budget = c.rediff_work;
	cr_assert_gt(budget, 16 * (uint64_t)(na + nb), "a budget linear in the texts");

	/* The whole diff has its own budget. */
	rl_opvec ops = {0};
	cr_assert_eq(rl_ctx_exact(&c, 0, na, 0, nb, &ops), RL_OK);
	assert_tiles(&ops, 0, 0, na, 0, nb);
	cr_assert_eq(c.rediff_work, budget);

	/* The same hard range again and again, as a stage re-diffing without end would: each diff
	 * spends from the shared budget until none is left... */
	int calls = 0;
	while (c.rediff_work > 0 && calls < 10000) {
		size_t first = ops.n;
		cr_assert_eq(rl_ctx_exact(&c, 2, na - 2, 2, nb - 2, &ops), RL_OK);
		assert_tiles(&ops, first, 2, na - 2, 2, nb - 2);
		calls++;
	}
	cr_assert_eq(c.rediff_work, 0, "still %llu after %d diffs",
	             (unsigned long long)c.rediff_work, calls);
	/* ...and past it a diff is still a valid script, its searches cut short (counted). */
	size_t hits = c.bound_hits, first = ops.n;
	cr_assert_eq(rl_ctx_exact(&c, 2, na - 2, 2, nb - 2, &ops), RL_OK);
	assert_tiles(&ops, first, 2, na - 2, 2, nb - 2);
	cr_assert_gt(c.bound_hits, hits);

	rl_opvec_free(&ops);
	close_two(text, toks, &c);
}

/* The words before token t counted one token at a time: word tokens not glued to the one before
 * (rl_words reads them from blocks of 64 tokens: ctx.h). */
static uint32_t words_by_hand(const rl_side *sd, uint32_t t)
{
	uint32_t w = 0;
	for (uint32_t k = 0; k < t; k++)
		w += sd->tok[k].cls == RL_TOK_WORD && !(sd->tok[k].flags & RL_TF_GLUED);
	return w;
}

/* A paragraph of words, compounds ("keeper’s", "well-known") and punctuation, long enough to fill
 * a few blocks. */
static void prose_paragraph(char *out, size_t cap, unsigned seed)
{
	static const char *const w[] = {"the", "keeper’s", "lamp,", "well-known", "shone;", "over",
	                                "(grey)", "water", "and", "stone."};
	size_t n = 0;
	for (unsigned k = 0; k < 90 && n + 16 < cap; k++)
		n += (size_t)snprintf(out + n, cap - n, "%s ", w[(k * 7 + seed) % 10]);
	snprintf(out + n, cap - n, "\n\n");
}

Test(stage, words_before_every_token_match_a_count_by_hand_on_both_sides)
{
	/* NEW copies two of OLD's paragraphs byte for byte (their tokens and words are OLD's: the
	 * copied walk) around one of its own. */
	char p1[2048], p2[2048], p3[2048], old[8192], new_[8192];
	prose_paragraph(p1, sizeof p1, 1), prose_paragraph(p2, sizeof p2, 4);
	prose_paragraph(p3, sizeof p3, 8);
	snprintf(old, sizeof old, "%s%s%s", p1, p2, p3);
	snprintf(new_, sizeof new_, "%s%s%s", p1, p3, p3);
	rl_tokens *toks[2];
	cr_assert_eq(rl_tokenize(&toks[0], old, strlen(old)), RL_OK);
	cr_assert_eq(rl_tokenize_like(&toks[1], new_, strlen(new_), NULL, toks[0]), RL_OK);
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_ctx c;
	cr_assert_eq(rl_pipeline_ctx(&c, toks[0], toks[1], &o), RL_OK);
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c.side[s];
		cr_assert_gt(sd->n, 200);
		for (uint32_t t = 0; t <= sd->n; t++)
			cr_assert_eq(rl_words(&c, s, 0, t), words_by_hand(sd, t), "side %d token %u", s, t);
		cr_assert_eq(rl_words(&c, s, 63, 129), words_by_hand(sd, 129) - words_by_hand(sd, 63));
	}
	rl_ctx_release(&c);
	rl_tokens_free(toks[0]);
	rl_tokens_free(toks[1]);
}

/* The scratch of the diffs of ranges keeps the size of the largest range diffed; rl_ctx_trim,
 * called before the stages that diff little, gives it back (it was 3 MiB of the peak of a 1 MB
 * cumulative song, resident through the sources stage), and a diff after it is the same. */
Test(stage, trimming_gives_back_the_scratch_of_range_diffs)
{
	char *text[2];
	rl_tokens *toks[2];
	rl_ctx c;
	open_two(3, 4, 3000, text, toks, &c);
	uint32_t na = c.side[0].n, nb = c.side[1].n;
	rl_opvec before = {0}, after = {0};
	cr_assert_eq(rl_ctx_exact(&c, 1, na - 1, 1, nb - 1, &before), RL_OK);
	cr_assert_geq(c.scratch_na, (size_t)na - 2);
	cr_assert_not_null(c.xa);

	rl_ctx_trim(&c, 0);
	cr_assert_eq(c.scratch_na, 0);
	cr_assert_eq(c.scratch_nb, 0);
	cr_assert_null(c.xa);
	cr_assert_null(c.pb);

	cr_assert_eq(rl_ctx_exact(&c, 1, na - 1, 1, nb - 1, &after), RL_OK);
	cr_assert_eq(after.n, before.n);
	for (size_t k = 0; k < after.n; k++) {  /* (field by field: the record has padding) */
		const rl_op *x = &after.v[k], *y = &before.v[k];
		cr_assert(x->a0 == y->a0 && x->a1 == y->a1 && x->b0 == y->b0 && x->b1 == y->b1 &&
		          x->kind == y->kind, "op %zu", k);
	}
	rl_opvec_free(&before);
	rl_opvec_free(&after);
	close_two(text, toks, &c);
}

/* Prose-like text: made-up words drawn with a skew (a few common, many rare), sentences of 6 to 17
 * words, four sentences to a paragraph; each word with what follows it ("lo", "lo.", "lo.\n\n")
 * into words[]. */
static size_t prose_words(uint64_t seed, size_t n, char (*words)[16])
{
	static const char *const syl[] = {"ka", "lo", "mi", "ter", "san", "vo", "ril", "pen"};
	size_t k = 0;
	for (unsigned sent = 0; k < n; sent++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		size_t len = 6 + (seed >> 40) % 12;
		for (size_t w = 0; w < len && k < n; w++, k++) {
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			double u = (double)(seed >> 11) / (double)(1ULL << 53);
			unsigned id = (unsigned)(600 * u * u * u);  /* skewed: id 0 is the most common */
			int m = snprintf(words[k], 16, "%s%s%s", syl[id % 8], syl[id / 8 % 8],
			                 id >= 64 ? syl[id / 64 % 8] : "");
			if (w + 1 == len)
				snprintf(words[k] + m, 16 - (size_t)m, sent % 4 == 3 ? ".\n\n" : ".");
		}
	}
	return k;
}

static char *join_words(char (*words)[16], size_t n)
{
	char *t = malloc(16 * n + 1), *p = t;
	cr_assert_not_null(t);
	for (size_t k = 0; k < n; k++)
		p += sprintf(p, "%s%s", words[k], k + 1 < n && !strchr(words[k], '\n') ? " " : "");
	*p = '\0';
	return t;
}

/* Two unrelated texts on one vocabulary (a text against its own words shuffled: the bench's
 * `unrelated` row): the moves stage has a candidate for every pair of words they share, and the
 * units stage a weak run everywhere, whose regions overlap. Each stage's tries (the tokens of
 * the ranges it diffs) stay within its linear budget (cleanup_units.c, move_stage.h): without
 * it, the units stage diffed 11 tokens a token and the moves stage 48 on the bench's 1 MB pair,
 * and both grew faster than the text. */
Test(stage, the_units_and_moves_stages_bound_their_tries, .timeout = 600)
{
	enum { WORDS = 60000 };
	char (*words)[16] = malloc(WORDS * sizeof *words);
	cr_assert_not_null(words);
	size_t n = prose_words(7, WORDS, words);
	char *text[2];
	text[0] = join_words(words, n);
	uint64_t seed = 11;
	for (size_t k = n; k > 1; k--) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		size_t j = (seed >> 33) % k;
		char tmp[16];
		memcpy(tmp, words[k - 1], 16), memcpy(words[k - 1], words[j], 16), memcpy(words[j], tmp, 16);
	}
	text[1] = join_words(words, n);
	free(words);

	rl_tokens *toks[2];
	rl_ctx c;
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	for (int s = 0; s < 2; s++)
		cr_assert_eq(rl_tokenize(&toks[s], text[s], strlen(text[s])), RL_OK);
	cr_assert_eq(rl_pipeline_ctx(&c, toks[0], toks[1], &o), RL_OK);
	uint64_t tokens = (uint64_t)c.side[0].n + c.side[1].n, min = UINT64_C(1) << 18;
	rl_opvec ops = {0};
	cr_assert_eq(rl_ctx_refine(&c, 0, c.side[0].n, 0, c.side[1].n, &ops), RL_OK);

	/* A region or a candidate started before the end is finished: a few thousand tokens more. */
	uint64_t before = c.rediffed;
	cr_assert_eq(rl_cleanup_units(&c, &ops), RL_OK);
	uint64_t units = c.rediffed - before;
	cr_assert_leq(units, 16 * tokens + min + 65536, "units: %llu tokens diffed for %llu",
	              (unsigned long long)units, (unsigned long long)tokens);
	before = c.rediffed;
	cr_assert_eq(rl_moves(&c, &ops), RL_OK);
	uint64_t moves = c.rediffed - before;
	cr_assert_leq(moves, 8 * tokens + min + 65536, "moves: %llu tokens diffed for %llu",
	              (unsigned long long)moves, (unsigned long long)tokens);

	rl_opvec_free(&ops);
	close_two(text, toks, &c);
}
