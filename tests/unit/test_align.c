/* Tests for align.c: the alignment's invariants and its handling of whitespace and options. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "status.h"
#include "fixtures.h"
#include "ops_text.h"

static rl_alignment *align_opts(const char *a, const char *b, rl_diff_opts o)
{
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a, strlen(a), b, strlen(b), &o), RL_OK);
	return al;
}

static rl_alignment *align(const char *a, const char *b)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	return align_opts(a, b, o);
}

/* The ops tile both token sequences: every token lies in exactly one op on its side; the ops
 * outside moves advance through both texts in order, and what they skip is moved; equal and move
 * ops hold the same number of tokens on both sides (all tokens are compared here). */
static void check_tiling(const rl_alignment *al)
{
	size_t n;
	const rl_op *ops = rl_alignment_ops(al, &n);
	size_t len[2] = {rl_tokens_count(rl_alignment_tokens(al, RL_OLD)),
	                 rl_tokens_count(rl_alignment_tokens(al, RL_NEW))};
	unsigned char *seen[2] = {calloc(len[0] + 1, 1), calloc(len[1] + 1, 1)};
	uint32_t at[2] = {0, 0};
	for (size_t k = 0; k < n; k++) {
		const rl_op *op = &ops[k];
		cr_assert_leq(op->a0, op->a1);
		cr_assert_leq(op->b0, op->b1);
		cr_assert_leq(op->a1, len[0]);
		cr_assert_leq(op->b1, len[1]);
		if (op->kind == RL_OP_INSERT)
			cr_assert_eq(op->a0, op->a1, "an insert has nothing in OLD");
		if (op->kind == RL_OP_DELETE)
			cr_assert_eq(op->b0, op->b1, "a delete has nothing in NEW");
		if (op->kind == RL_OP_MOVE)
			cr_assert_neq(op->move, 0, "a move op has a move id");
		if ((op->kind == RL_OP_EQUAL || op->kind == RL_OP_MOVE) &&
		    !rl_alignment_opts(al)->key.ignore_punct)
			cr_assert_eq(op->a1 - op->a0, op->b1 - op->b0, "op %zu pairs tokens one to one", k);
		for (uint32_t t = op->a0; t < op->a1; t++)
			cr_assert_eq(seen[0][t]++, 0, "OLD token %u in two ops (op %zu)", t, k);
		for (uint32_t t = op->b0; t < op->b1; t++)
			cr_assert_eq(seen[1][t]++, 0, "NEW token %u in two ops (op %zu)", t, k);
		if (op->move)
			continue;
		cr_assert_geq(op->a0, at[0], "op %zu starts at %u, before %u", k, op->a0, at[0]);
		cr_assert_geq(op->b0, at[1], "op %zu", k);
		at[0] = op->a1, at[1] = op->b1;
	}
	for (int s = 0; s < 2; s++) {
		for (size_t t = 0; t < len[s]; t++)
			cr_assert_eq(seen[s][t], 1, "side %d token %zu in no op", s, t);
		free(seen[s]);
	}
}

/* The kinds of the ops as a string: e=equal d=delete i=insert r=replace m=move. */
static const char *kinds(const rl_alignment *al)
{
	static char out[256];
	size_t n;
	const rl_op *ops = rl_alignment_ops(al, &n);
	for (size_t k = 0; k < n && k < sizeof out - 1; k++)
		out[k] = "edirm"[ops[k].kind];
	out[n < sizeof out - 1 ? n : sizeof out - 1] = '\0';
	return out;
}

Test(align, identical_texts_are_one_equal_op)
{
	rl_alignment *al = align("One two three.", "One two three.");
	cr_assert(rl_alignment_same(al));
	cr_assert_str_eq(kinds(al), "e");
	check_tiling(al);
	rl_alignment_free(al);
}

Test(align, rewrapping_is_no_difference)
{
	const char *a = "The council voted on Monday\nto sell the old lighthouse\nto a developer.\n";
	const char *b = "The council voted on Monday to sell the old lighthouse to a developer.";
	const char *c = "The council voted\r\non Monday to sell\r\nthe old lighthouse\r\nto a\r\ndeveloper.\r\n";
	rl_alignment *al = align(a, b);
	cr_assert(rl_alignment_same(al));
	rl_alignment_free(al);
	al = align(a, c);
	cr_assert(rl_alignment_same(al), "CRLF and other wrapping");
	rl_alignment_free(al);
}

Test(align, joining_paragraphs_is_no_difference)
{
	rl_alignment *al = align("First paragraph.\n\nSecond one.\n\n\n\nThird.", "First paragraph. Second one. Third.");
	cr_assert(rl_alignment_same(al), "blank lines are not content");
	rl_alignment_free(al);
}

Test(align, kinds_of_change)
{
	rl_alignment *al = align("a b c d", "a x c d e");
	cr_assert_str_eq(kinds(al), "erei");
	check_tiling(al);
	const rl_stats *st = rl_alignment_stats(al);
	cr_assert_eq(st->words[0], 4);
	cr_assert_eq(st->words[1], 5);
	cr_assert_eq(st->kept, 3);
	cr_assert_eq(st->replaced[0], 1);
	cr_assert_eq(st->inserted, 1);
	rl_alignment_free(al);

	al = align("keep this gone", "keep this");
	cr_assert_str_eq(kinds(al), "ed");
	rl_alignment_free(al);
}

Test(align, empty_inputs)
{
	rl_alignment *al = align("", "");
	cr_assert(rl_alignment_same(al));
	rl_alignment_free(al);
	al = align("", "new words");
	cr_assert_str_eq(kinds(al), "i");
	cr_assert_not(rl_alignment_same(al));
	rl_alignment_free(al);
	al = align("   \n\n  ", "\t");
	cr_assert(rl_alignment_same(al), "whitespace only on both sides");
	rl_alignment_free(al);
}

Test(align, typography_and_case_options)
{
	const char *a = "\xe2\x80\x9cIt\xe2\x80\x99s over\xe2\x80\x9d \xe2\x80\x94 she said\xe2\x80\xa6";
	const char *b = "\"It's over\" -- she said...";
	rl_alignment *al = align(a, b);
	cr_assert(rl_alignment_same(al), "typography folded by default: %s", kinds(al));
	rl_alignment_free(al);

	rl_diff_opts strict = RL_DIFF_OPTS_INIT;
	strict.key.fold_typography = false;
	al = align_opts(a, b, strict);
	cr_assert_not(rl_alignment_same(al), "--strict sees the quotes");
	rl_alignment_free(al);

	rl_diff_opts ci = RL_DIFF_OPTS_INIT;
	ci.key.fold_case = true;
	al = align_opts("The Lighthouse", "the lighthouse", ci);
	cr_assert(rl_alignment_same(al));
	rl_alignment_free(al);
}

Test(align, ignoring_punctuation_still_tiles)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.key.ignore_punct = true;
	rl_alignment *al = align_opts("Yes, she said; no!", "Yes she said no", o);
	cr_assert(rl_alignment_same(al));
	check_tiling(al);
	rl_alignment_free(al);

	al = align_opts("... !!", "words here", o);
	check_tiling(al);
	rl_alignment_free(al);
	al = align_opts(", first", "second .", o);
	check_tiling(al);
	rl_alignment_free(al);
}

/* The op that holds byte off of side s. */
static size_t op_at_byte(const rl_alignment *al, int s, size_t off)
{
	size_t n, st, en;
	const rl_op *ops = rl_alignment_ops(al, &n);
	for (size_t k = 0; k < n; k++) {
		rl_op_bytes(al, &ops[k], s, &st, &en);
		if (st <= off && off < en)
			return k;
	}
	cr_assert_fail("byte %zu of side %d in no op", off, s);
	return n;
}

/* Under ignore_punct a mark that starts a line, not compared, goes with the kept words after it:
 * the "##" of a heading after an insertion was drawn on the row before, inserted, away from its
 * heading, and a kept list item's "-" stayed with the item above (or with an item inserted
 * before it, drawn inserted). */
Test(align, a_line_starting_mark_goes_with_its_words_under_ignore_punct)
{
	const char *a = "Adopted in May 2024.\n\n## Name and objects\n\nThe club is small.\n\n"
	                "- one item;\n- two item;\n";
	const char *b = "Adopted in May 2024 and amended in June 2026.\n\n## Name and objects\n\n"
	                "The club is small.\n\n- new item here;\n- one item;\n- two item;\n";
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.key.ignore_punct = true;
	rl_alignment *al = align_opts(a, b, o);
	check_tiling(al);
	size_t n;
	const rl_op *ops = rl_alignment_ops(al, &n);
	const char *at[2][2] = {{strstr(a, "##"), strstr(a, "- one")},
	                        {strstr(b, "##"), strstr(b, "- one")}};
	for (int s = 0; s < 2; s++) {
		const char *t = s == RL_OLD ? a : b;
		for (int m = 0; m < 2; m++) {
			size_t mark = (size_t)(at[s][m] - t), word = mark + 3;
			cr_assert_eq(op_at_byte(al, s, mark), op_at_byte(al, s, word),
			             "side %d: the mark at %zu apart from its words", s, mark);
		}
	}
	cr_assert_eq(ops[op_at_byte(al, RL_NEW, (size_t)(at[1][0] - b))].kind, RL_OP_EQUAL,
	             "the heading's mark is kept, not inserted");
	rl_alignment_free(al);
}

/* Issue 10: a clause inserted before clauses renumbered after it is an insertion whole, number and
 * all, under ignore_punct as without it: the old "2.2" is replaced by "2.3" on its own clause's
 * row. It was kept against the inserted clause's number (the units cleanup followed no partners
 * under ignore_punct, whose equal ops may differ in length). */
Test(align, a_clause_inserted_before_renumbered_ones_is_inserted_whole_under_ignore_punct)
{
	const char *a = "## 2. Meetings\n\n2.1 The society meets on the first Tuesday of each "
	                "month in the parish hall.\n\n"
	                "2.2 Notice of a meeting is posted on the board by the door a week before.\n\n"
	                "2.3 Minutes are kept by the secretary.\n";
	const char *b = "## 2. Meetings\n\n2.1 The society meets on the first Tuesday of each "
	                "month in the parish hall.\n\n"
	                "2.2 A quorum is five members present in person.\n\n"
	                "2.3 Notice of a meeting is posted on the board by the door a week before.\n\n"
	                "2.4 Minutes are kept by the secretary.\n";
	for (int p = 0; p < 2; p++) {
		rl_diff_opts o = RL_DIFF_OPTS_INIT;
		o.key.ignore_punct = p;
		rl_alignment *al = align_opts(a, b, o);
		check_tiling(al);
		size_t n;
		const rl_op *ops = rl_alignment_ops(al, &n);
		size_t old_num = op_at_byte(al, RL_OLD, (size_t)(strstr(a, "2.2") - a));
		size_t new_num = op_at_byte(al, RL_NEW, (size_t)(strstr(b, "2.2") - b));
		cr_assert_neq(ops[old_num].kind, RL_OP_EQUAL, "-p %d: OLD's 2.2 kept", p);
		cr_assert_eq(ops[new_num].kind, RL_OP_INSERT, "-p %d: the new clause's number", p);
		cr_assert_eq(op_at_byte(al, RL_NEW, (size_t)(strstr(b, "quorum") - b)), new_num,
		             "-p %d: the new clause's number apart from its words", p);
		cr_assert_eq(op_at_byte(al, RL_NEW, (size_t)(strstr(b, "2.3") - b)), old_num,
		             "-p %d: 2.2 -> 2.3 is no replace", p);
		rl_alignment_free(al);
	}
}

Test(align, byte_ranges_point_into_the_inputs)
{
	const char *a = "alpha beta gamma", *b = "alpha BETA gamma";
	rl_alignment *al = align(a, b);
	size_t n;
	const rl_op *ops = rl_alignment_ops(al, &n);
	cr_assert_eq(n, 3);
	size_t s, e;
	rl_op_bytes(al, &ops[1], RL_OLD, &s, &e);
	cr_assert_eq(s, 6);
	cr_assert_eq(e, 10);
	rl_op_bytes(al, &ops[1], RL_NEW, &s, &e);
	cr_assert(memcmp(b + s, "BETA", 4) == 0 && e - s == 4);
	rl_alignment_free(al);
}

/* Every readability stage on, each comparison option: the ops still tile both texts. */
Test(align, the_examples_tile_in_every_mode)
{
	char *a = fixture_read("examples/lighthouse-1-original.txt", NULL);
	for (int v = 2; v <= 4; v++) {
		char name[128];
		snprintf(name, sizeof name, "examples/lighthouse-%d-%s.txt", v,
		         v == 2 ? "spun" : v == 3 ? "summary" : "rewrite");
		char *b = fixture_read(name, NULL);
		for (int mode = 0; mode < 5; mode++) {
			rl_diff_opts o = RL_DIFF_OPTS_INIT;
			o.minimal = mode == 1;
			o.key.ignore_punct = mode == 2;
			o.key.fold_case = mode == 3;
			o.key.fold_typography = mode != 4;
			rl_alignment *al = align_opts(a, b, o);
			check_tiling(al);
			cr_assert_not(rl_alignment_same(al));
			rl_alignment_free(al);
		}
		free(b);
	}
	free(a);
}

/* The ops of a diff of a and b as text (ops_text.h); the caller frees it. */
static char *diffed(const char *a, const char *b)
{
	rl_alignment *al = align(a, b);
	check_tiling(al);
	char *got = ops_text(al);
	rl_alignment_free(al);
	return got;
}

/* A number is split at its marks for the diff (token.c), but a changed number is shown whole
 * (structure_ops.c), and a number whose first part is written out keeps its later parts. */
Test(align, a_changed_number_is_whole_a_written_out_one_keeps_its_parts)
{
	char *got = diffed("The ferry timetable for release 4.12.1 listed 2,350 crossings at 06:45.",
	                   "The ferry timetable for release 4.12.3 listed 2,480 crossings at 06:45.");
	cr_assert_str_eq(got, "= The ferry timetable for release | r 4 . 12 . 1 > 4 . 12 . 3 | = listed | "
	                      "r 2 , 350 > 2 , 480 | = crossings at 06 : 45 .");
	free(got);
	got = diffed("Kiosk firmware 7.40 shipped in May.", "Kiosk firmware seven.40 shipped in May.");
	cr_assert_str_eq(got, "= Kiosk firmware | r 7 > seven | = . 40 shipped in May .");
	free(got);
}

/* A number's parts have keys of their own (ctx_init.c): the "6" of "$2.6" is not the "6" of "6-3",
 * nor a number's dot a sentence's stop. */
Test(align, a_part_of_a_number_never_pairs_with_a_number_alone)
{
	char *got = diffed("The harbour board votes 6-3 to lease the old pier. Work starts soon.",
	                   "The harbour board leases the old pier for $2.6 million. Work starts soon.");
	cr_assert_str_eq(got, "= The harbour board | r votes 6 - 3 to lease > leases | = the old pier | "
	                      "i for $ 2 . 6 million | = . Work starts soon .");
	free(got);
}
