/* Tests for quote_edges.c and quote_ties.c: the ops at a quotation's edges. Kept words slid out of
 * a removed quotation, marks kept in their roles, changes cut at the marks so that a flag covers
 * the quotation and nothing around it, and the exact diff's ties around quotations broken by the
 * marks. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "ops_text.h"
#include "pipeline.h"
#include "quote.h"
#include "script_check.h"
#include "status.h"
#include "text_ctx.h"

static char *run(const char *a, const char *b)
{
	return diff_text(a, b, NULL);
}

/* Issue 10: the flag covers the quotation and nothing around it, even when the change that
 * removes it is a replace of a whole line of site furniture. */
Test(quote, flag_only_over_its_span)
{
	const char *a = "Read more: \xe2\x80\x98Gulls take the pier\xe2\x80\x99 and other stories from "
	                "the coast\n\nThe harbour opened.";
	const char *b = "Source: the feed\n\nThe harbour opened.";
	script_has(a, b, NULL, "d \xe2\x80\x98 Gulls take the pier \xe2\x80\x99 !removed");
	script_count(a, b, NULL, "!removed", 1);
	script_lacks(a, b, NULL, "and other stories from the coast !removed");
	script_lacks(a, b, NULL, "Read more : !removed");
}

/* A word kept at the end of a quotation when the same word stands just before it, outside: the
 * diff could keep either copy. The copy outside is kept, and the quotation is removed whole. */
Test(quote, a_kept_word_slides_out_of_a_removed_quotation)
{
	char *got = run("Named values.\n\nAt first, the reader sorts command-line values into "
	                "\xe2\x80\x9cloose values\xe2\x80\x9d and \xe2\x80\x9c" "flags\xe2\x80\x9d when "
	                "printing help pages.\n",
	                "Named inputs. At first, the reader sort command-line values in to and "
	                "\xe2\x80\x9c" "flags\xe2\x80\x9d when printing aid sheets.\n");
	/* The exact diff kept the quotation's "values", the tie around the quotation goes to the copy
	 * outside it (quote_ties.c): "into" -> "in to" is then one change beside the removed
	 * quotation. (A shift never takes a word into a quotation: cleanup.c, crosses_quote.) */
	cr_assert_not_null(strstr(got, "= command - line values | r into > in to | d \xe2\x80\x9c "
	                               "loose values \xe2\x80\x9d !removed | = and"),
	                   "%s", got);
	free(got);
}

/* A word kept at the end of a quotation when the same word stands a few words after it, in the
 * change that follows, outside: the copy outside is kept, and the quotation is removed whole
 * (seed 1664300104 p3 of the generated pairs: "“reusable, but not reentrant” context managers,
 * since reentrant context managers"). */
Test(quote, a_kept_word_slides_past_the_end_of_a_removed_quotation)
{
	const char *a = "Apart from both single run and shared lock holders are\n"
	                "\xe2\x80\x9cportable\xe2\x80\x9d lock holders (or, to be completely precise, "
	                "\xe2\x80\x9cportable,\nbut not shared\xe2\x80\x9d lock holders, since shared "
	                "lock holders\nare also portable). These lock holders allow being taken many\n"
	                "times, but will stop (or otherwise not work correctly) if the specific\n"
	                "lock holder copy has already been taken in an enclosing\nblock.\n";
	const char *b = "Aparts from each one run and shared locks holder are locks holders (or, to be "
	                "completely precises, locks holder, as shared locks holder are also portable). "
	                "These locks holder assist being taken multiples times, however will halt (or "
	                "otherwises not function correctly) if the particular locks holder copy has "
	                "previously been taken in an enclosing blocks.\n";
	char *got = run(a, b);
	/* Without the slide: "r \xe2\x80\x9c portable > locks holder | = , | r but not > as | = shared
	 * | d \xe2\x80\x9d | r lock holders , since shared lock > locks": the quoted "shared" kept,
	 * the quotation not flagged. */
	cr_assert_not_null(strstr(got, "\xe2\x80\x9c portable , but not shared \xe2\x80\x9d "),
	                   "%s", got);
	cr_assert_not_null(strstr(got, "\xe2\x80\x9d !removed"), "%s", got);
	cr_assert_not_null(strstr(got, "= shared | r lock > locks"), "%s", got);
	free(got);
}

/* A quotation that lost both marks and most of its words is flagged. Here the exact diff kept its
 * "0" with NEW's where "for" keeps as many: the tie goes to "for" (quote_ties.c) and the
 * quotation is removed whole; with "0" kept it was altered, the words taken with it flagged. */
Test(quote, a_quotation_losing_its_marks_and_most_words_is_altered)
{
	char *got = run("The call returns undef on failure; \"0 but true\" for zero; and the count "
	                "otherwise.\n",
	                "The call returns undef on fault; for 0; and the count otherwise.\n");
	cr_assert_not_null(strstr(got, "d \" 0 but true \" !removed | = for"), "%s", got);
	free(got);
	/* Marks only taken from words that all stay change no quotation. */
	got = run("The call returns \"zero but true\" on success.\n",
	          "The call returns zero but true on success.\n");
	cr_assert_null(strstr(got, "!"), "%s", got);
	free(got);
}

/* Issue 10: a closing mark is never kept as an opening one (typography folds ” and “ into one
 * key): "“unchanged”" against "“unchanged.” They stated, “We plan" keeps the closing mark
 * closing, and the new opening mark is inserted with the words it opens. */
Test(quote, a_closing_mark_is_not_kept_as_an_opening_one)
{
	char *got = run("- The mayor insists the plan remains \xe2\x80\x9cunchanged\xe2\x80\x9d\n- The town "
	                "plans to \xe2\x80\x9c" "continue selling beach permits\xe2\x80\x9d alongside day "
	                "passes\nHowever, dropping the permits could signal a change.\n",
	                "A town spokesperson clarified that the official plan remains \xe2\x80\x9cunchanged."
	                "\xe2\x80\x9d They stated, \xe2\x80\x9cWe plan to continue selling beach permits. We "
	                "have not sold everything we printed.\xe2\x80\x9d\n");
	/* The closing mark kept closing, after the inserted stop; the new opening mark inserted with
	 * the words it opens (what stands between them depends on how the sentences pair). */
	cr_assert_not_null(strstr(got, "| i . | = \xe2\x80\x9d | "), "%s", got);
	cr_assert_not_null(strstr(got, "| i \xe2\x80\x9c We "), "%s", got);
	cr_assert_null(strstr(got, "= \xe2\x80\x9d They"), "%s", got);
	free(got);
}

/* Issue 10: a quotation whose one word changed keeps the marks and signs at its edges: only the
 * number is altered, not "“-" with it. */
Test(quote, marks_kept_at_the_edges_of_a_quotation_stay_kept)
{
	script_is("\"-40\" on the dial at dawn, said the keeper.\n",
	          "\"-45\" on the dial at dawn, said the keeper.\n", NULL,
	          "= \" - | r 40 > 45 !altered | = \" on the dial at dawn , said the keeper .");
}

/* Issue 10: a quotation of OLD gone as a whole, whose words a replace had paired with NEW's text
 * (a short quoted phrase and the words after its closing mark, "“keep the ferry running”
 * alongside new boats"), is split from that text, and the text is cut where NEW's quotation
 * ends: the added quotation's flag stops at its closing mark, the words after it a plain
 * insertion (before, the flag ran on over them and the list item after). */
Test(quote, an_added_quotation_flag_stops_at_its_closing_mark)
{
	const char *a = "A spokesperson said the plan stays \xe2\x80\x9c" "firm.\xe2\x80\x9d They "
	                "stated, \xe2\x80\x9cWe plan to keep the ferry running through winter. We "
	                "have not sold every boat we built and we expect to keep a mix of old and "
	                "new boats.\xe2\x80\x9d\n\nThe harbour master did not comment on the fares.\n";
	const char *b = "- A spokesperson said the plan stays \xe2\x80\x9c" "firm\xe2\x80\x9d\n- Staff "
	                "plans to \xe2\x80\x9ckeep the ferry running\xe2\x80\x9d alongside new "
	                "boats\n- Fares may rise\n";
	/* "keep the ferry running" and "new boats" are the ends of two sentences of the quotation,
	 * joined (stop 31): the closing mark inserted after "running" ends a quotation whose words
	 * are all kept, and no flag reaches past it */
	script_has(a, b, NULL, "keep the ferry running | i \xe2\x80\x9d | d through winter");
	script_lacks(a, b, NULL, "alongside !added");
	script_lacks(a, b, NULL, "new boats !added");
	script_lacks(a, b, NULL, "Fares may rise !added");
}

/* Token of side sd starting at the first byte of `at` in text. */
static uint32_t tok_of(const rl_side *sd, const char *text, const char *at)
{
	const char *p = strstr(text, at);
	cr_assert_not_null(p, "%s", at);
	for (uint32_t t = 0; t < sd->n; t++)
		if (sd->tok[t].off == (uint32_t)(p - text))
			return t;
	cr_assert_fail("no token at %s", at);
	return 0;
}

/* The quote flags of a hand-made script of a against b, one op a line: its kind, its flag
 * (0 none, then removed, added, altered, elided) and its text on each side. */
static void flagged(const char *a, const char *b, const rl_op *in, size_t n, char *out,
                    size_t cap)
{
	text_ctx x;
	rl_opvec ops;
	const rl_side *sa = &text_ctx_pair(&x, a, b)->side[RL_OLD], *sb = &x.c.side[RL_NEW];
	text_ctx_stage(&x, rl_quotes_flag, in, n, &ops);
	size_t w = 0;
	out[0] = '\0';
	for (size_t k = 0; k < ops.n && w < cap; k++) {
		const rl_op *op = &ops.v[k];
		int la = op->a1 > op->a0 ? (int)(sa->tok[op->a1 - 1].off + sa->tok[op->a1 - 1].len -
		                                 sa->tok[op->a0].off) : 0;
		int lb = op->b1 > op->b0 ? (int)(sb->tok[op->b1 - 1].off + sb->tok[op->b1 - 1].len -
		                                 sb->tok[op->b0].off) : 0;
		w += (size_t)snprintf(out + w, cap - w, "%c%u %.*s | %.*s\n", "=-+r"[op->kind],
		                      (unsigned)op->quote, la, la ? a + sa->tok[op->a0].off : "", lb,
		                      lb ? b + sb->tok[op->b0].off : "");
	}
	rl_opvec_free(&ops);
	text_ctx_close(&x);
}

Test(quote, a_flag_stays_inside_both_quotations_of_one_change)
{
	/* A bullet quoting the crew's plan against the spoken sentence it comes from, the bullet's
	 * closing mark and the words after it (and another bullet with a quotation of its own) in
	 * one replace with the end of the speech and its attribution: OLD has three edges in it,
	 * NEW one. The words after each closing mark are no part of the quotation: no flag there. */
	const char *a = "- Crew plans to \xe2\x80\x9ckeep old boats\xe2\x80\x9d beside new ones\n"
	                "- The mayor called two routes \xe2\x80\x9cunsafe\xe2\x80\x9d today.\n";
	const char *b = "\xe2\x80\x9cWe plan to keep old vessels,\xe2\x80\x9d the master said.\n";
	text_ctx xa, xb;
	const rl_side *sa = text_ctx_open(&xa, a), *sb = text_ctx_open(&xb, b);
	uint32_t a_keep = tok_of(sa, a, "keep"), a_boats = tok_of(sa, a, "boats"), an = sa->n;
	uint32_t b_keep = tok_of(sb, b, "keep"), b_vessels = tok_of(sb, b, "vessels"), bn = sb->n;
	text_ctx_close(&xa);
	text_ctx_close(&xb);
	const rl_op script[] = {
		{0, a_keep, 0, b_keep, 0, RL_OP_REPLACE, 0},
		{a_keep, a_boats, b_keep, b_vessels, 0, RL_OP_EQUAL, 0},  /* keep old */
		{a_boats, an, b_vessels, bn, 0, RL_OP_REPLACE, 0},
	};
	char got[1024];
	flagged(a, b, script, 3, got, sizeof got);
	cr_assert_null(strstr(got, "3 beside new ones"), "%s", got);
	cr_assert_null(strstr(got, "3 the master said"), "%s", got);
	cr_assert_not_null(strstr(got, "boats\xe2\x80\x9d | vessels,\xe2\x80\x9d\n"), "%s", got);
}

/* Tokens kept by the script, and whether OLD's token a is kept with NEW's token b. */
static uint32_t kept_of(const rl_opvec *ops, uint32_t a, uint32_t b, bool *with)
{
	uint32_t n = 0;
	for (size_t k = 0; k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		if (op->kind != RL_OP_EQUAL)
			continue;
		n += op->a1 - op->a0;
		if (a >= op->a0 && a < op->a1 && b - op->b0 == a - op->a0)
			*with = true;
	}
	return n;
}

/* The exact script of a against b, then its ties around quotations broken: as many tokens kept,
 * and OLD's token at `at` kept with NEW's at `to` (the first occurrence of each after `from`). */
static void ties_keep(const char *a, const char *b, const char *at, const char *to)
{
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x, a, b);
	rl_opvec ops = {0};
	uint32_t ta = tok_of(&c->side[RL_OLD], a, at), tb = tok_of(&c->side[RL_NEW], b, to);
	bool before = false, after = false;
	cr_assert_eq(rl_ctx_exact(c, 0, c->side[0].n, 0, c->side[1].n, &ops), RL_OK);
	uint32_t n0 = kept_of(&ops, ta, tb, &before);
	cr_assert_eq(rl_quote_ties(c, &ops, 0), RL_OK);
	uint32_t n1 = kept_of(&ops, ta, tb, &after);
	cr_assert_eq(n0, n1, "the cost changed: %u kept, then %u", n0, n1);
	cr_assert(!before, "the exact script already kept it: no tie to break");
	cr_assert(after, "%s of OLD not kept with %s of NEW", at, to);
	rl_opvec_free(&ops);
	text_ctx_close(&x);
}

/* Two quotations of OLD, the first dropped and the second reworded: the exact diff kept the first
 * one's opening mark and word with the second one's last word and mark (one quotation of NEW made
 * of two), at the cost of keeping the second one whole and "or" outside it. The tie is broken
 * for the second: the first is removed, flagged, and "or" kept. */
Test(quote, a_tie_does_not_merge_two_quotations)
{
	const char *a = "The file keeps the names (known as \xe2\x80\x9ctags\xe2\x80\x9d or "
	                "\xe2\x80\x9ctag lists\xe2\x80\x9d and sorted by date) of every song.\n";
	const char *b = "The file keeps the names (known as or \xe2\x80\x9ctags lists\xe2\x80\x9d "
	                "and sorted by date) of every song.\n";
	ties_keep(a, b, "or \xe2", "or \xe2");
	script_has(a, b, NULL, "d \xe2\x80\x9c tags \xe2\x80\x9d !removed | = or \xe2\x80\x9c");
	/* --minimal keeps the exact diff's choice. */
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.minimal = true;
	script_has(a, b, &o, "i or");
}

/* A quoted sentence dropped before one reworded: the exact diff kept the quotation's last words
 * ("roars.") where the next sentence's "Hear the engine" and its full stop keep as many. The tie
 * goes to the words outside the quotation, and the quotation is removed whole. */
Test(quote, a_tie_keeps_a_quotations_words_with_none_of_another_place)
{
	const char *a = "\xe2\x80\x9cThe old engine really roars.\xe2\x80\x9d Hear the engine roar. "
	                "It stops at noon.\n";
	const char *b = "Hears the engine roars. It stops at noon.\n";
	ties_keep(a, b, "engine roar", "engine");
	script_has(a, b, NULL, "d \xe2\x80\x9c The old engine really roars . \xe2\x80\x9d !removed");
}

/* The ties' splice copies the ops between the stretches it changed at once where they need no
 * joining: a script whose kept run before the stretch is cut in two, with an empty op between,
 * comes out as the script without the cut does (joined again, the empty op dropped). */
Test(quote, a_broken_tie_puts_the_ops_around_it_together_as_before)
{
	const char *a = "A long day ends here at last. The file keeps the names (known as "
	                "\xe2\x80\x9ctags\xe2\x80\x9d or \xe2\x80\x9ctag lists\xe2\x80\x9d and sorted "
	                "by date) of every song.\n";
	const char *b = "A long night ends here at last. The file keeps the names (known as or "
	                "\xe2\x80\x9ctags lists\xe2\x80\x9d and sorted by date) of every song.\n";
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x, a, b);
	rl_opvec whole = {0}, cut = {0};
	cr_assert_eq(rl_ctx_exact(c, 0, c->side[0].n, 0, c->side[1].n, &whole), RL_OK);
	size_t k = 0;
	while (k < whole.n && (whole.v[k].kind != RL_OP_EQUAL || whole.v[k].a1 - whole.v[k].a0 < 4))
		k++;
	cr_assert_lt(k, whole.n);
	for (size_t m = 0; m < whole.n; m++) {
		rl_op op = whole.v[m];
		if (m == k) {  /* "The file keeps the ..." as two equal ops and an empty one */
			rl_op head = op, none = op;
			head.a1 = head.a0 + 2, head.b1 = head.b0 + 2;
			none.a0 = none.a1 = head.a1, none.b0 = none.b1 = head.b1;
			none.kind = RL_OP_INSERT;
			op.a0 = head.a1, op.b0 = head.b1;
			cr_assert_eq(rl_opvec_push(&cut, &head), RL_OK);
			cr_assert_eq(rl_opvec_push(&cut, &none), RL_OK);
		}
		cr_assert_eq(rl_opvec_push(&cut, &op), RL_OK);
	}
	char w0[1024], w[1024], u[1024];
	text_ctx_ranges(&whole, w0, sizeof w0);
	cr_assert_eq(rl_quote_ties(c, &whole, 0), RL_OK);
	cr_assert_eq(rl_quote_ties(c, &cut, 0), RL_OK);
	text_ctx_ranges(&whole, w, sizeof w);
	text_ctx_ranges(&cut, u, sizeof u);
	cr_assert_str_neq(w, w0, "no tie broken: %s", w);
	cr_assert_str_eq(u, w);
	rl_opvec_free(&whole);
	rl_opvec_free(&cut);
	text_ctx_close(&x);
}
