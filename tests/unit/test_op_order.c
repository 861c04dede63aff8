/* Tests for op_order.c (rl_tails_first, structure.h): the order of the ops where one side's
 * change stands beside whole units or blocks of the other, and a mark listed next to its word. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "script_check.h"
#include "structure.h"
#include "text_ctx.h"

/* Ops of a text pair, run through rl_tails_first, as "kind a0-a1 b0-b1" joined by " | ". */
static void tails_first_of(const char *a, const char *b, const rl_op *in, size_t n, char *out,
                           size_t len)
{
	stage_ranges(a, b, rl_tails_first, in, n, out, len);
}

/* Issue 10: a unit's head or tail is not drawn apart from it by several inserted sentences (a
 * summary's, with a passage moved in among them): "[-But-]" deleted before its sentence's kept
 * words goes after them, and a deletion cut in two around them ("…akin to Ann" / "’s
 * fleet…") is one again, before them. */
Test(op_order, a_head_or_tail_is_not_cut_off_by_several_inserted_sentences)
{
	char got[256];
	const char *a = "Intro. But Ann stayed home.";
	const char *b = "Intro. Rails got paint. Tickets sold out. Ann stayed home.";
	const rl_op head[] = {
		{0, 2, 0, 2, 0, RL_OP_EQUAL, 0},  {2, 3, 2, 2, 0, RL_OP_DELETE, 0},
		{3, 3, 2, 6, 0, RL_OP_INSERT, 0}, {3, 3, 6, 10, 0, RL_OP_INSERT, 0},
		{3, 7, 10, 14, 0, RL_OP_EQUAL, 0},
	};
	tails_first_of(a, b, head, 5, got, sizeof got);
	cr_assert_str_eq(got, "= 0-2 0-2 | i 2-2 2-6 | i 2-2 6-10 | d 2-3 10-10 | = 3-7 10-14");
	const char *c = "Intro. Ann sold boats. Kim left.";
	const char *d = "Intro. Rails got paint. Tickets sold out. Kim left.";
	const rl_op tail[] = {
		{0, 2, 0, 2, 0, RL_OP_EQUAL, 0},  {2, 4, 2, 2, 0, RL_OP_DELETE, 0},
		{4, 4, 2, 6, 0, RL_OP_INSERT, 0}, {4, 4, 6, 10, 0, RL_OP_INSERT, 0},
		{4, 6, 10, 10, 0, RL_OP_DELETE, 0}, {6, 9, 10, 13, 0, RL_OP_EQUAL, 0},
	};
	tails_first_of(c, d, tail, 6, got, sizeof got);
	cr_assert_str_eq(got, "= 0-2 0-2 | d 2-6 2-2 | i 6-6 2-6 | i 6-6 6-10 | = 6-9 10-13");
	/* A tail that goes on over whole units gives only its unit's end: "Kim left." stays. */
	const char *e = "Intro. Ann sold boats. Kim left. Jo ran.";
	const char *f = "Intro. Rails got paint. Tickets sold out. Jo ran.";
	const rl_op over[] = {
		{0, 2, 0, 2, 0, RL_OP_EQUAL, 0},  {2, 4, 2, 2, 0, RL_OP_DELETE, 0},
		{4, 4, 2, 6, 0, RL_OP_INSERT, 0}, {4, 4, 6, 10, 0, RL_OP_INSERT, 0},
		{4, 9, 10, 10, 0, RL_OP_DELETE, 0}, {9, 12, 10, 13, 0, RL_OP_EQUAL, 0},
	};
	tails_first_of(e, f, over, 6, got, sizeof got);
	cr_assert_str_eq(got, "= 0-2 0-2 | d 2-6 2-2 | i 6-6 2-6 | i 6-6 6-10 | d 6-9 10-10 | "
	                      "= 9-12 10-13");
}

/* Issue 10: a quotation's opening mark inserted on its own, glued to a word that a rewrite of
 * the quotation brings ("“We"), is listed after a deletion of OLD that stood between them (a
 * list item's dash and name): "[-- Staff-] {+“+}{!We!}", not the mark before the deletion, where
 * the printers drew it on a line of its own. Either side. */
Test(op_order, a_mark_is_listed_next_to_its_word)
{
	char got[256];
	/* OLD: It is “ firm ” - Staff plans to go .  NEW: It is “ firm . ” “ We plan to go . */
	const char *a = "It is \xe2\x80\x9c" "firm\xe2\x80\x9d\n- Staff plans to go.";
	const char *b = "It is \xe2\x80\x9c" "firm.\xe2\x80\x9d\n\n\xe2\x80\x9cWe plan to go.";
	const rl_op in[] = {
		{0, 4, 0, 4, 0, RL_OP_EQUAL, 0},  {4, 4, 4, 5, 0, RL_OP_INSERT, 0},
		{4, 5, 5, 6, 0, RL_OP_EQUAL, 0},  {5, 5, 6, 7, 0, RL_OP_INSERT, 0},
		{5, 7, 7, 7, 0, RL_OP_DELETE, 0}, {7, 7, 7, 8, 0, RL_OP_INSERT, RL_QUOTE_ALTERED},
		{7, 8, 8, 8, 0, RL_OP_DELETE, 0}, {8, 8, 8, 9, 0, RL_OP_INSERT, RL_QUOTE_ALTERED},
		{8, 11, 9, 12, 0, RL_OP_EQUAL, 0},
	};
	tails_first_of(a, b, in, 9, got, sizeof got);
	cr_assert_str_eq(got, "= 0-4 0-4 | i 4-4 4-5 | = 4-5 5-6 | d 5-7 6-6 | i 7-7 6-7 | "
	                      "i 7-7 7-8 | d 7-8 8-8 | i 8-8 8-9 | = 8-11 9-12");
	/* the other way round: the mark deleted, the dash and name inserted */
	const rl_op out[] = {
		{0, 4, 0, 4, 0, RL_OP_EQUAL, 0},  {4, 5, 4, 4, 0, RL_OP_DELETE, 0},
		{5, 6, 4, 5, 0, RL_OP_EQUAL, 0},  {6, 7, 5, 5, 0, RL_OP_DELETE, 0},
		{7, 7, 5, 7, 0, RL_OP_INSERT, 0}, {7, 8, 7, 7, 0, RL_OP_DELETE, RL_QUOTE_REMOVED},
		{8, 9, 7, 8, 0, RL_OP_REPLACE, 0}, {9, 12, 8, 11, 0, RL_OP_EQUAL, 0},
	};
	tails_first_of(b, a, out, 8, got, sizeof got);
	cr_assert_str_eq(got, "= 0-4 0-4 | d 4-5 4-4 | = 5-6 4-5 | i 6-6 5-7 | d 6-7 7-7 | "
	                      "d 7-8 7-7 | r 8-9 7-8 | = 9-12 8-11");
	/* a mark that is not glued to the word after the deletion stays where it was */
	const char *c = "It is firm\n- Staff plans to go.";
	const char *d = "It is firm\n\n\xe2\x80\x9c We plan to go.";
	const rl_op apart[] = {
		{0, 3, 0, 3, 0, RL_OP_EQUAL, 0},  {3, 3, 3, 4, 0, RL_OP_INSERT, 0},
		{3, 5, 4, 4, 0, RL_OP_DELETE, 0}, {5, 6, 4, 6, 0, RL_OP_REPLACE, 0},
		{6, 9, 6, 9, 0, RL_OP_EQUAL, 0},
	};
	tails_first_of(c, d, apart, 5, got, sizeof got);
	cr_assert_str_eq(got, "= 0-3 0-3 | i 3-3 3-4 | d 3-5 4-4 | r 5-6 4-6 | = 6-9 6-9");
}

/* Issue 10: where OLD's paragraph ends and a deletion opens its next block (a heading) while
 * NEW's paragraph goes on in an insertion, NEW's sentence is listed first, with its paragraph,
 * and the rest of the insertion (its own heading) after the deletion. Either side. */
Test(op_order, a_paragraph_that_goes_on_is_listed_before_a_block_the_other_side_opens)
{
	char got[256];
	/* OLD: Jo asked for a trial , which we refused . Plans End .
	 * NEW: Jo asked for a trial . We said no . Steps End . */
	const char *a = "Jo asked for a trial, which we refused.\n\nPlans\n\nEnd.";
	const char *b = "Jo asked for a trial. We said no.\n\nSteps\n\nEnd.";
	const rl_op in[] = {
		{0, 5, 0, 5, 0, RL_OP_EQUAL, 0},   {5, 9, 5, 5, 0, RL_OP_DELETE, 0},
		{9, 10, 5, 6, 0, RL_OP_EQUAL, 0},  {10, 11, 6, 6, 0, RL_OP_DELETE, 0},
		{11, 11, 6, 11, 0, RL_OP_INSERT, 0}, {11, 13, 11, 13, 0, RL_OP_EQUAL, 0},
	};
	tails_first_of(a, b, in, 6, got, sizeof got);
	cr_assert_str_eq(got, "= 0-5 0-5 | d 5-9 5-5 | = 9-10 5-6 | i 10-10 6-10 | d 10-11 10-10 | "
	                      "i 11-11 10-11 | = 11-13 11-13");
	const rl_op out[] = {
		{0, 5, 0, 5, 0, RL_OP_EQUAL, 0},   {5, 5, 5, 9, 0, RL_OP_INSERT, 0},
		{5, 6, 9, 10, 0, RL_OP_EQUAL, 0},  {6, 6, 10, 11, 0, RL_OP_INSERT, 0},
		{6, 11, 11, 11, 0, RL_OP_DELETE, 0}, {11, 13, 11, 13, 0, RL_OP_EQUAL, 0},
	};
	tails_first_of(b, a, out, 6, got, sizeof got);
	cr_assert_str_eq(got, "= 0-5 0-5 | i 5-5 5-9 | = 5-6 9-10 | d 6-10 10-10 | i 10-10 10-11 | "
	                      "d 10-11 11-11 | = 11-13 11-13");
	/* NEW's sentence in a paragraph of its own, or OLD's deletion not a whole block (its
	 * paragraph goes on, kept): the deletion stays first */
	const char *own = "Jo asked for a trial.\n\nWe said no.\n\nSteps\n\nEnd.";
	const char *want = "= 0-5 0-5 | d 5-9 5-5 | = 9-10 5-6 | d 10-11 6-6 | i 11-11 6-11 | "
	                   "= 11-13 11-13";
	tails_first_of(a, own, in, 6, got, sizeof got);
	cr_assert_str_eq(got, want);
	const char *on = "Jo asked for a trial, which we refused.\n\nPlans. End.";
	const rl_op head[] = {
		{0, 5, 0, 5, 0, RL_OP_EQUAL, 0},   {5, 9, 5, 5, 0, RL_OP_DELETE, 0},
		{9, 10, 5, 6, 0, RL_OP_EQUAL, 0},  {10, 12, 6, 6, 0, RL_OP_DELETE, 0},
		{12, 12, 6, 11, 0, RL_OP_INSERT, 0}, {12, 14, 11, 13, 0, RL_OP_EQUAL, 0},
	};
	tails_first_of(on, b, head, 6, got, sizeof got);
	cr_assert_str_eq(got, "= 0-5 0-5 | d 5-9 5-5 | = 9-10 5-6 | d 10-12 6-6 | i 12-12 6-11 | "
	                      "= 12-14 11-13");
}

/* Issue 10 point 3: a closing mark glued to a kept word ("plan.{+”+}") is listed right after it,
 * not after a paragraph of the other side listed between them (drawn so, the mark stood on a row
 * of its own below that paragraph); when the mark leads an insertion that goes on to lines of
 * its own, it is cut off it. Either side; a mark that does not end a word ("’s") stays. */
Test(op_order, a_closing_mark_is_listed_right_after_its_word)
{
	char got[256];
	/* OLD: She said : “ We plan . Gone para here . Rest .
	 * NEW: She said : “ We plan . ” [New para .] Rest . */
	const char *a = "She said: \xe2\x80\x9cWe plan.\n\nGone para here.\n\nRest.";
	const char *b = "She said: \xe2\x80\x9cWe plan.\xe2\x80\x9d\n\nNew para.\n\nRest.";
	const char *c = "She said: \xe2\x80\x9cWe plan.\xe2\x80\x9d\n\nRest.";
	const rl_op lead[] = {
		{0, 7, 0, 7, 0, RL_OP_EQUAL, 0},    {7, 11, 7, 7, 0, RL_OP_DELETE, 0},
		{11, 11, 7, 11, 0, RL_OP_INSERT, 0}, {11, 13, 11, 13, 0, RL_OP_EQUAL, 0},
	};
	tails_first_of(a, b, lead, 4, got, sizeof got);
	cr_assert_str_eq(got, "= 0-7 0-7 | i 7-7 7-8 | d 7-11 8-8 | i 11-11 8-11 | = 11-13 11-13");
	const rl_op alone[] = {
		{0, 7, 0, 7, 0, RL_OP_EQUAL, 0},   {7, 11, 7, 7, 0, RL_OP_DELETE, 0},
		{11, 11, 7, 8, 0, RL_OP_INSERT, 0}, {11, 13, 8, 10, 0, RL_OP_EQUAL, 0},
	};
	tails_first_of(a, c, alone, 4, got, sizeof got);
	cr_assert_str_eq(got, "= 0-7 0-7 | i 7-7 7-8 | d 7-11 8-8 | = 11-13 8-10");
	const rl_op old[] = {
		{0, 7, 0, 7, 0, RL_OP_EQUAL, 0},   {7, 7, 7, 11, 0, RL_OP_INSERT, 0},
		{7, 8, 11, 11, 0, RL_OP_DELETE, 0}, {8, 10, 11, 13, 0, RL_OP_EQUAL, 0},
	};
	tails_first_of(c, a, old, 4, got, sizeof got);
	cr_assert_str_eq(got, "= 0-7 0-7 | d 7-8 7-7 | i 8-8 7-11 | = 8-10 11-13");
	/* with nothing between, an insertion on the mark's own line stays whole */
	const rl_op inline_[] = {
		{0, 7, 0, 7, 0, RL_OP_EQUAL, 0}, {7, 7, 7, 8, 0, RL_OP_INSERT, 0},
		{7, 9, 8, 10, 0, RL_OP_EQUAL, 0},
	};
	tails_first_of("She said: \xe2\x80\x9cWe plan. Rest.",
	               "She said: \xe2\x80\x9cWe plan.\xe2\x80\x9d Rest.", inline_, 3, got, sizeof got);
	cr_assert_str_eq(got, "= 0-7 0-7 | i 7-7 7-8 | = 7-9 8-10");
	/* "’s" does not end a word: it stays after the deleted paragraph */
	const char *d = "Ann\n\nGone para here.\n\nboat.";
	const char *e = "Ann\xe2\x80\x99s boat.";
	const rl_op apos[] = {
		{0, 1, 0, 1, 0, RL_OP_EQUAL, 0}, {1, 5, 1, 1, 0, RL_OP_DELETE, 0},
		{5, 5, 1, 3, 0, RL_OP_INSERT, 0}, {5, 7, 3, 5, 0, RL_OP_EQUAL, 0},
	};
	tails_first_of(d, e, apos, 4, got, sizeof got);
	cr_assert_str_eq(got, "= 0-1 0-1 | d 1-5 1-1 | i 5-5 1-3 | = 5-7 3-5");
}

/* Issue 10 point 3: a stop kept between two changes, glued on one side to an inserted sentence
 * listed before deleted paragraphs and on the other to the last of those paragraphs, stood on a
 * row of its own below them, apart from both words. Each side's stop goes with its own word:
 * "{+She said.+}" and "[-… more here.-]". Either side; with the deletion inside a line (not one
 * of its own) the stop stays kept. */
Test(op_order, a_stop_kept_between_two_changes_goes_with_its_word_on_each_side)
{
	char got[256];
	/* OLD: Jo came . Gone para more here . Rest .
	 * NEW: Jo came . She said . New one . Rest . */
	const char *a = "Jo came.\n\nGone para\n\nmore here.\n\nRest.";
	const char *b = "Jo came. She said.\n\nNew one.\n\nRest.";
	const rl_op in[] = {
		{0, 3, 0, 3, 0, RL_OP_EQUAL, 0}, {3, 3, 3, 5, 0, RL_OP_INSERT, 0},
		{3, 7, 5, 5, 0, RL_OP_DELETE, 0}, {7, 8, 5, 6, 0, RL_OP_EQUAL, 0},
		{8, 8, 6, 9, 0, RL_OP_INSERT, 0}, {8, 10, 9, 11, 0, RL_OP_EQUAL, 0},
	};
	tails_first_of(a, b, in, 6, got, sizeof got);
	cr_assert_str_eq(got, "= 0-3 0-3 | i 3-3 3-6 | d 3-8 6-6 | i 8-8 6-9 | = 8-10 9-11");
	const rl_op out[] = {
		{0, 3, 0, 3, 0, RL_OP_EQUAL, 0}, {3, 5, 3, 3, 0, RL_OP_DELETE, 0},
		{5, 5, 3, 7, 0, RL_OP_INSERT, 0}, {5, 6, 7, 8, 0, RL_OP_EQUAL, 0},
		{6, 9, 8, 8, 0, RL_OP_DELETE, 0}, {9, 11, 8, 10, 0, RL_OP_EQUAL, 0},
	};
	tails_first_of(b, a, out, 6, got, sizeof got);
	cr_assert_str_eq(got, "= 0-3 0-3 | d 3-6 3-3 | i 6-6 3-8 | d 6-9 8-8 | = 9-11 8-10");
	/* the deleted words on the stop's row: it stays kept */
	const char *near = "Jo came. Gone here.\n\nRest.";
	const rl_op row[] = {
		{0, 3, 0, 3, 0, RL_OP_EQUAL, 0}, {3, 3, 3, 5, 0, RL_OP_INSERT, 0},
		{3, 5, 5, 5, 0, RL_OP_DELETE, 0}, {5, 6, 5, 6, 0, RL_OP_EQUAL, 0},
		{6, 6, 6, 9, 0, RL_OP_INSERT, 0}, {6, 8, 9, 11, 0, RL_OP_EQUAL, 0},
	};
	tails_first_of(near, b, row, 6, got, sizeof got);
	cr_assert_str_eq(got, "= 0-3 0-3 | i 3-3 3-5 | d 3-5 5-5 | = 5-6 5-6 | i 6-6 6-9 | "
	                      "= 6-8 9-11");
}

/* The pipeline: a quotation's closing mark inserted, glued to its last word, with the next
 * paragraph of OLD moved to the end of NEW and a new paragraph in its place: the mark is an
 * insertion of its own right after its word, not the head of the new paragraph's insertion. */
Test(op_order, a_closing_mark_before_a_moved_paragraph_stays_with_its_word)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	const char *a = "The keeper spoke about the old lighthouse. She said: \xe2\x80\x9cWe will "
	                "paint the tower before the autumn gales arrive. It is all very hard to "
	                "plan.\n\nThe trust would gain more say over the money and more ways to "
	                "raise funds if it trusts the painters it has hired to finish on time.\n\n"
	                "The ferry runs twice a day from the pier in summer.\n\nTickets are sold "
	                "at the kiosk next to the car park.\n";
	const char *b = "The keeper spoke about the old lighthouse. She said: \xe2\x80\x9cWe will "
	                "paint the tower before the autumn gales arrive. It is all very hard to "
	                "plan.\xe2\x80\x9d\n\nThis shows a careful view of the island's future."
	                "\n\nThe ferry runs twice a day from the pier in summer.\n\nTickets are "
	                "sold at the kiosk next to the car park.\n\nThe trust would gain more say "
	                "over the money and more ways to raise funds if it trusts the painters it "
	                "has hired to finish on time.\n";
	script_has(a, b, &o, "plan . | i \xe2\x80\x9d | i This shows");
}

/* Stop 35's 100 MB bench row: pass 1 asked again, from each op of a long run of inserted units
 * (one op each), where the run ends: n^2 on the run, over ten minutes of CPU. Here 500,000
 * inserted sentences between two kept ones, each its own op, and nothing for the pass to move:
 * scanned once, this is a second or two (ten under ASan); scanned from each op, 1.25e11 steps.
 * Bounded by CPU time, not by the clock (SIGXCPU ends the test, which fails it). */
#define LONG_RUN 500000

Test(op_order, a_long_run_of_inserted_units_is_scanned_once)
{
	const struct rlimit cpu = {120, 120};
	cr_assert_eq(setrlimit(RLIMIT_CPU, &cpu), 0);
	static const char head[] = "Intro. ", unit[] = "Go. ", tail[] = "Kim left.";
	size_t len = sizeof head - 1 + LONG_RUN * (sizeof unit - 1) + sizeof tail;
	char *b = malloc(len), *w = b;
	cr_assert_not_null(b);
	w += sprintf(w, "%s", head);
	for (size_t i = 0; i < LONG_RUN; i++)
		w += sprintf(w, "%s", unit);
	sprintf(w, "%s", tail);
	rl_op *in = malloc((LONG_RUN + 2) * sizeof *in);
	cr_assert_not_null(in);
	in[0] = (rl_op){0, 2, 0, 2, 0, RL_OP_EQUAL, 0};
	for (uint32_t i = 0; i < LONG_RUN; i++)
		in[i + 1] = (rl_op){2, 2, 2 + 2 * i, 4 + 2 * i, 0, RL_OP_INSERT, 0};
	const uint32_t end = 2 + 2 * LONG_RUN;
	in[LONG_RUN + 1] = (rl_op){2, 5, end, end + 3, 0, RL_OP_EQUAL, 0};
	text_ctx x;
	rl_opvec ops;
	text_ctx_pair(&x, "Intro. Kim left.", b);
	text_ctx_stage(&x, rl_tails_first, in, LONG_RUN + 2, &ops);
	/* nothing moved: the same ops, in the same order */
	cr_assert_eq(ops.n, (size_t)LONG_RUN + 2);
	for (size_t k = 0; k < ops.n; k++)
		cr_assert(ops.v[k].a0 == in[k].a0 && ops.v[k].a1 == in[k].a1 &&
		          ops.v[k].b0 == in[k].b0 && ops.v[k].b1 == in[k].b1 &&
		          ops.v[k].kind == in[k].kind, "op %zu moved", k);
	rl_opvec_free(&ops);
	text_ctx_close(&x);
	free(in);
	free(b);
}
