/* Tests for typo.c: a compound written apart, hyphenated or joined is no change under the
 * default typography folding ("open source" / "open-source", "e-mail" / "email"); --strict
 * (fold_typography off) and --minimal show the edit. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "align.h"
#include "ops_text.h"
#include "status.h"

static rl_alignment *align_with(const char *a, const char *b, bool fold, bool minimal)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.key.fold_typography = fold;
	o.minimal = minimal;
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a, strlen(a), b, strlen(b), &o), RL_OK);
	return al;
}

/* The ops of a and b as text (ops_text.h), under the default options or --strict. */
static char *run(const char *a, const char *b, bool fold)
{
	rl_alignment *al = align_with(a, b, fold, false);
	char *s = ops_text(al);
	rl_alignment_free(al);
	return s;
}

/* The bytes of side s of op k. */
static void op_text(const rl_alignment *al, size_t k, int s, char *buf, size_t cap)
{
	size_t n, lo, hi;
	const rl_op *ops = rl_alignment_ops(al, &n);
	cr_assert_lt(k, n);
	rl_op_bytes(al, &ops[k], s, &lo, &hi);
	snprintf(buf, cap, "%.*s", (int)(hi - lo), rl_tokens_text(rl_alignment_tokens(al, s)) + lo);
}

/* Does an ops text hold a typographic op? */
static bool has_typo(const char *got)
{
	return strncmp(got, "t ", 2) == 0 || strstr(got, "| t ") != NULL;
}

Test(typo, a_compound_written_apart_or_hyphenated_is_kept)
{
	const char *a = "The lab ships open source tools to every school.";
	const char *b = "The lab ships open-source tools to every school.";
	rl_alignment *al = align_with(a, b, true, false);
	char *got = ops_text(al), buf[128];
	/* two equal ops: the hyphen ends the first one on NEW's side */
	cr_assert_str_eq(got, "= The lab ships open | = source tools to every school .");
	op_text(al, 0, RL_OLD, buf, sizeof buf);
	cr_assert_str_eq(buf, "The lab ships open");
	op_text(al, 0, RL_NEW, buf, sizeof buf);
	cr_assert_str_eq(buf, "The lab ships open-");
	const rl_stats *st = rl_alignment_stats(al);
	cr_assert_eq(st->typographic, 1);
	cr_assert_eq(st->ops[RL_OP_TYPO], 0, "the same words: no replace");
	/* "open source" is two words, "open-source" one: each side's words all kept */
	cr_assert_eq(st->words[0], st->words[1] + 1);
	cr_assert_eq(st->kept, st->words[0]);
	cr_assert_eq(st->kept_new, st->words[1]);
	cr_assert(rl_alignment_same(al));
	free(got);
	rl_alignment_free(al);

	/* the other way round: the hyphen in OLD */
	got = run(b, a, true);
	cr_assert_str_eq(got, "= The lab ships open - | = source tools to every school .");
	free(got);
	/* --strict: the hyphen is an insertion */
	got = run(a, b, false);
	cr_assert_str_eq(got, "= The lab ships open | i - | = source tools to every school .");
	free(got);
}

Test(typo, every_hyphen_of_a_long_compound)
{
	char *got = run("A state of the art harbour crane.", "A state-of-the-art harbour crane.",
	                true);
	cr_assert_str_eq(got, "= A state | = of | = the | = art harbour crane .");
	free(got);
}

Test(typo, a_joined_compound_is_a_typographic_replace)
{
	const char *a = "Send an e-mail to co-operate with the ferry office to-day.";
	const char *b = "Send an email to cooperate with the ferry office today.";
	rl_alignment *al = align_with(a, b, true, false);
	char *got = ops_text(al);
	cr_assert_str_eq(got, "= Send an | t e - mail > email | = to | t co - operate > cooperate | "
	                      "= with the ferry office | t to - day > today | = .");
	const rl_stats *st = rl_alignment_stats(al);
	cr_assert_eq(st->typographic, 3);
	cr_assert_eq(st->ops[RL_OP_TYPO], 3);
	cr_assert_eq(st->kept, st->words[0], "every word is kept, written otherwise");
	cr_assert_eq(st->replaced[0] + st->replaced[1], 0);
	cr_assert(rl_alignment_same(al), "no change under folding");
	free(got);
	rl_alignment_free(al);

	/* --strict and --minimal: ordinary rewrites */
	got = run(a, b, false);
	cr_assert_not(has_typo(got), "%s", got);
	cr_assert_not_null(strstr(got, "r e - mail > email"), "%s", got);
	free(got);
	al = align_with(a, b, true, true);
	cr_assert_not(rl_alignment_same(al));
	cr_assert_eq(rl_alignment_stats(al)->typographic, 0);
	rl_alignment_free(al);
}

Test(typo, joined_the_other_way_and_with_a_non_breaking_hyphen)
{
	char *got = run("The online timetable.", "The on-line timetable.", true);
	cr_assert_str_eq(got, "= The | t online > on - line | = timetable .");
	free(got);
	got = run("Write an e\u2011mail first.", "Write an email first.", true);
	cr_assert_str_eq(got, "= Write an | t e \u2011 mail > email | = first .");
	free(got);
}

Test(typo, a_real_edit_beside_it_stays_an_edit)
{
	/* The compound at the edge of a rewrite is cut off it; the rewrite stays. */
	char *got = run("Please e-mail the draft tonight.", "Please email a draft tonight.", true);
	cr_assert_not_null(strstr(got, "t e - mail > email"), "%s", got);
	cr_assert_not_null(strstr(got, "r the > a"), "%s", got);
	free(got);
	/* a different word is no spelling: e-mail / e-mails, re-cover / uncover */
	got = run("One e-mail arrived.", "One emails arrived.", true);
	cr_assert_not(has_typo(got), "%s", got);
	free(got);
	/* case is compared unless -i */
	got = run("An E-mail came.", "An email came.", true);
	cr_assert_not(has_typo(got), "%s", got);
	free(got);
	/* an apostrophe is no hyphen: its / it's */
	got = run("The dog wags its tail.", "The dog wags it's tail.", true);
	cr_assert_not(has_typo(got), "%s", got);
	free(got);
}

Test(typo, a_dash_or_a_paragraph_break_is_no_compound)
{
	/* a paragraph ends after "open": the hyphen joining the next one is an edit */
	char *got = run("It is open\n\nsource code.", "It is open-source code.", true);
	cr_assert_not_null(strstr(got, "i -"), "%s", got);
	free(got);
	/* a spaced dash is punctuation, not a hyphen */
	got = run("A quiet harbour town.", "A quiet - harbour town.", true);
	cr_assert_not_null(strstr(got, "i -"), "%s", got);
	free(got);
	/* words joined with no hyphen on either side are two words against one */
	got = run("We can not leave.", "We cannot leave.", true);
	cr_assert_not(has_typo(got), "%s", got);
	free(got);
}

/* A compound written apart inside a moved paragraph: the hyphen joins the move op before it, as it
 * joins an equal op outside moves, instead of a deletion that split the move in three. */
Test(typo, a_compound_written_apart_inside_a_move)
{
	const char *moved_old = "The council chose a private water-taxi company to run the crossing "
	                        "to the island every hour in summer.";
	const char *moved_new = "The council chose a private water taxi company to run the crossing "
	                        "to the island every hour in summer.";
	const char *rest = "The harbor master opened the gates at dawn and counted the boats.\n\n"
	                   "A storm had broken three moorings during the night, and two skiffs were "
	                   "missing from the north pier.\n\nBy noon the fishermen had gathered at the "
	                   "cooperative to sell the morning catch.\n\nPrices were low again this week "
	                   "because the cannery bought less than usual.";
	char a[1024], b[1024];
	snprintf(a, sizeof a, "%s\n\n%s\n", moved_old, rest);
	snprintf(b, sizeof b, "%s\n\n%s\n", rest, moved_new);
	char *got = run(a, b, true);
	cr_assert_not_null(strstr(got, "m1 The council chose a private water - | m1 taxi company"),
	                   "%s", got);
	cr_assert_null(strstr(got, "d -"), "%s", got);
	free(got);
	/* --strict: the hyphen is a deletion inside the move */
	got = run(a, b, false);
	cr_assert_not_null(strstr(got, "m1 The council chose a private water | d1 - | m1 taxi"), "%s",
	                   got);
	free(got);
}

/* A list whose bullets were restyled ("-" to "•") is the same list under folding: each marker is
 * a typographic op, not a change; --strict shows the markers changed. A bullet against a number
 * is a change still. */
Test(typo, a_bullet_restyled_is_no_change)
{
	const char *a = "Jobs for the weekend:\n\n- paint the shed\n- mend the gate\n";
	const char *b = "Jobs for the weekend:\n\n• paint the shed\n• mend the gate\n";
	char *got = run(a, b, true);
	cr_assert_str_eq(got, "= Jobs for the weekend : | t - > • | = paint the shed | t - > • | "
	                      "= mend the gate");
	free(got);
	got = run(a, b, false);
	cr_assert_not_null(strstr(got, "r - > •"), "%s", got);
	free(got);
	got = run(a, "Jobs for the weekend:\n\n1. paint the shed\n2. mend the gate\n", true);
	cr_assert_null(strstr(got, "t - >"), "%s", got);
	free(got);
}
