/* Tests for shingle.c: which ops may give words to a move, and the candidate passages found among
 * their words (what move.c then verifies: test_move.c). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "move.h"
#include "shingle.h"
#include "pipeline.h"
#include "refine.h"
#include "status.h"

#define P1 "The harbor master opened the gates at dawn and counted the boats."
#define P2 "A storm had broken three moorings during the night, and two skiffs were missing from " \
           "the north pier."
#define P3 "By noon the fishermen had gathered at the cooperative to sell the morning catch."
#define P4 "Prices were low again this week because the cannery bought less than usual."
#define P5 "The mayor promised to visit the pier on Friday."

/* Two texts in a stage context, with the script the move stage starts from. */
typedef struct fixture {
	rl_tokens *toks[2];
	rl_ctx c;
	rl_opvec ops;
	uint8_t *orphan;
	rl_span *cand;
	size_t ncand;
} fixture;

static void fixture_open(fixture *f, const char *a, const char *b)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_opvec exact = {0};

	memset(f, 0, sizeof *f);
	cr_assert_eq(rl_tokenize(&f->toks[0], a, strlen(a)), RL_OK);
	cr_assert_eq(rl_tokenize(&f->toks[1], b, strlen(b)), RL_OK);
	cr_assert_eq(rl_pipeline_ctx(&f->c, f->toks[0], f->toks[1], &o), RL_OK);
	cr_assert_eq(rl_ctx_refine(&f->c, 0, f->c.side[0].n, 0, f->c.side[1].n, &exact), RL_OK);
	/* As rl_moves does: equal ops cut at unit starts. */
	cr_assert_eq(rl_split_equals(&f->c, &exact, &f->ops), RL_OK);
	rl_opvec_free(&exact);
	cr_assert_eq(rl_orphan_ops(&f->c, &f->ops, &f->orphan), RL_OK);
}

static void fixture_search(fixture *f, uint32_t min_words)
{
	free(f->cand);
	f->cand = NULL;
	f->ncand = 0;
	cr_assert_eq(rl_move_candidates(&f->c, &f->ops, f->orphan, min_words, &f->cand, &f->ncand),
	             RL_OK);
}

static void fixture_close(fixture *f)
{
	free(f->cand);
	free(f->orphan);
	rl_opvec_free(&f->ops);
	rl_ctx_release(&f->c);
	rl_tokens_free(f->toks[0]);
	rl_tokens_free(f->toks[1]);
}

/* The text of tokens [t0, t1) of side s. */
static char *span_text(const fixture *f, int s, uint32_t t0, uint32_t t1)
{
	static char buf[2][1024];
	const rl_side *sd = &f->c.side[s];
	cr_assert_lt(t0, t1);
	uint32_t b0 = sd->tok[t0].off, b1 = sd->tok[t1 - 1].off + sd->tok[t1 - 1].len;
	snprintf(buf[s], sizeof buf[s], "%.*s", (int)(b1 - b0), sd->text + b0);
	return buf[s];
}

/* How many ops are marked as ones that may give words to a move. */
static size_t marked(const fixture *f)
{
	size_t n = 0;
	for (size_t k = 0; k < f->ops.n; k++)
		n += f->orphan[k] != 0;
	return n;
}

Test(shingle, a_paragraph_moved_verbatim_is_one_candidate)
{
	fixture f;
	fixture_open(&f, P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\n" P5 "\n",
	             P1 "\n\n" P3 "\n\n" P4 "\n\n" P2 "\n\n" P5 "\n");
	cr_assert_gt(marked(&f), 0);
	fixture_search(&f, RL_MOVE_MIN_WORDS);
	cr_assert_eq(f.ncand, 1);
	/* From the first word of the paragraph to its last, on both sides (the stop is no word). */
	const rl_span *sp = &f.cand[0];
	const char *want = "A storm had broken three moorings during the night, and two skiffs were "
	                   "missing from the north pier";
	cr_assert_str_eq(span_text(&f, RL_OLD, sp->a0, sp->a1), want);
	cr_assert_str_eq(span_text(&f, RL_NEW, sp->b0, sp->b1), want);
	fixture_close(&f);
}

Test(shingle, the_biggest_candidate_comes_first)
{
	fixture f;
	fixture_open(&f, P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\n" P5 "\n",
	             P3 "\n\n" P1 "\n\n" P4 "\n\n" P2 "\n\n" P5 "\n");
	fixture_search(&f, RL_MOVE_MIN_WORDS);
	/* The exact diff keeps P1, P2 and P5 (40 words): P3 (14 words) and P4 (13) moved, and P1
	 * (12), kept between two insertions, may have. Largest first. */
	cr_assert_eq(f.ncand, 3);
	cr_assert_str_eq(span_text(&f, RL_OLD, f.cand[0].a0, f.cand[0].a1),
	                 "By noon the fishermen had gathered at the cooperative to sell the morning "
	                 "catch");
	cr_assert_str_eq(span_text(&f, RL_NEW, f.cand[1].b0, f.cand[1].b1),
	                 "Prices were low again this week because the cannery bought less than usual");
	cr_assert_str_eq(span_text(&f, RL_OLD, f.cand[2].a0, f.cand[2].a1),
	                 "The harbor master opened the gates at dawn and counted the boats");
	fixture_close(&f);
}

Test(shingle, a_shared_short_phrase_is_no_candidate)
{
	/* "the old stone bridge" is in a deleted sentence and in an inserted one: two shingle hits on
	 * one diagonal, four words, fewer than a move needs. */
	fixture f;
	fixture_open(&f,
	             P1 " Carts crossed the old stone bridge before sunrise every market day. " P3,
	             P1 " " P3 " Children fished from the old stone bridge until their mothers "
	                "called.");
	fixture_search(&f, RL_MOVE_MIN_WORDS);
	cr_assert_eq(f.ncand, 0);
	/* The hits are there: asked for passages of four words, the phrase is one. */
	fixture_search(&f, 4);
	cr_assert_eq(f.ncand, 1);
	cr_assert_str_eq(span_text(&f, RL_OLD, f.cand[0].a0, f.cand[0].a1), "the old stone bridge");
	cr_assert_str_eq(span_text(&f, RL_NEW, f.cand[0].b0, f.cand[0].b1), "the old stone bridge");
	fixture_close(&f);
}

#define PHRASE "Copper kettles rattled loudly on hooks."

/* OLD: a paragraph of six words, then P1 and n short paragraphs; NEW: the same without the six
 * words, which follow each short paragraph instead (each copy an insertion of its own). */
static void repeated(fixture *f, int n)
{
	static char a[4096], b[4096];
	size_t la = (size_t)snprintf(a, sizeof a, "%s\n\n%s\n\n", PHRASE, P1);
	size_t lb = (size_t)snprintf(b, sizeof b, "%s\n\n", P1);
	for (int k = 1; k <= n; k++) {
		la += (size_t)snprintf(a + la, sizeof a - la, "The keeper logged entry %d.\n\n", k);
		lb += (size_t)snprintf(b + lb, sizeof b - lb, "The keeper logged entry %d.\n\n%s\n\n",
		                       k, PHRASE);
	}
	fixture_open(f, a, b);
}

Test(shingle, a_phrase_too_common_to_place_is_not_followed)
{
	/* Six words deleted once and inserted in three places: each place is a candidate (move.c
	 * picks one). */
	fixture f;
	repeated(&f, 3);
	fixture_search(&f, RL_MOVE_MIN_WORDS);
	cr_assert_eq(f.ncand, 3);
	for (size_t k = 0; k < f.ncand; k++)
		cr_assert_str_eq(span_text(&f, RL_NEW, f.cand[k].b0, f.cand[k].b1),
		                 "Copper kettles rattled loudly on hooks");
	fixture_close(&f);
	/* Inserted in ten places: where it came from cannot be told, and following every copy of
	 * every shingle would make the search quadratic. */
	repeated(&f, 10);
	fixture_search(&f, RL_MOVE_MIN_WORDS);
	cr_assert_eq(f.ncand, 0);
	fixture_close(&f);
}

Test(shingle, a_paragraph_spun_in_place_gives_no_words)
{
	/* One-word swaps between kept runs: rewritten where it stands, nothing there may move. */
	fixture f;
	fixture_open(&f, P1 "\n\n" P3 "\n",
	             "The harbor chief opened the doors at dawn and counted the ships.\n\n" P3 "\n");
	cr_assert_gt(f.ops.n, 1);
	cr_assert_eq(marked(&f), 0);
	fixture_search(&f, RL_MOVE_MIN_WORDS);
	cr_assert_eq(f.ncand, 0);
	cr_assert_null(f.cand);
	fixture_close(&f);
	/* A paragraph deleted is a big change: its op is marked. */
	fixture_open(&f, P1 "\n\n" P2 "\n\n" P3 "\n", P1 "\n\n" P3 "\n");
	cr_assert_gt(marked(&f), 0);
	fixture_search(&f, RL_MOVE_MIN_WORDS);
	cr_assert_eq(f.ncand, 0, "nothing inserted: nowhere to move to");
	fixture_close(&f);
}
