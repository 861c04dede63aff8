/* Tests for quote.c, quote_flag.c and quote_gone.c: quotations found in every style, and the
 * flags of the ops that change them. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "align.h"
#include "fixtures.h"
#include "ops_text.h"
#include "pipeline.h"
#include "quote.h"
#include "script_check.h"
#include "status.h"
#include "text_ctx.h"

/* The quotations of a text, as "depth:text" joined by " || ". */
static char *quotes_of(const char *text)
{
	static char out[2048];
	text_ctx x;
	const rl_side *sd = text_ctx_open(&x, text);
	size_t len = 0;
	out[0] = '\0';
	for (size_t k = 0; k < sd->nquotes; k++) {
		const rl_quotation *q = &sd->quotes[k];
		uint32_t s = sd->tok[q->t0].off, e = sd->tok[q->t1 - 1].off + sd->tok[q->t1 - 1].len;
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%u:%.*s", k ? " || " : "",
		                        (unsigned)q->depth, (int)(e - s), text + s);
	}
	text_ctx_close(&x);
	return out;
}

Test(quote, marks_of_every_style)
{
	cr_assert_str_eq(quotes_of("He said \xe2\x80\x9cno\xe2\x80\x9d twice."),
	                 "0:\xe2\x80\x9cno\xe2\x80\x9d");
	cr_assert_str_eq(quotes_of("He said \"no more\" twice."), "0:\"no more\"");
	cr_assert_str_eq(quotes_of("Sie sagte \xe2\x80\x9eja\xe2\x80\x9c dazu."),
	                 "0:\xe2\x80\x9eja\xe2\x80\x9c");
	cr_assert_str_eq(quotes_of("Il a dit \xc2\xab oui \xc2\xbb hier."), "0:\xc2\xab oui \xc2\xbb");
	cr_assert_str_eq(quotes_of("\xe3\x80\x8c\xe5\xa5\xbd\xe3\x80\x8d"),
	                 "0:\xe3\x80\x8c\xe5\xa5\xbd\xe3\x80\x8d");
}

Test(quote, nesting_and_apostrophes)
{
	const char *t = "\xe2\x80\x9cMy grandfather said, \xe2\x80\x98The lamp is ours.\xe2\x80\x99 "
	                "I\xe2\x80\x99" "d keep it,\xe2\x80\x9d he said.";
	cr_assert_str_eq(quotes_of(t),
	                 "0:\xe2\x80\x9cMy grandfather said, \xe2\x80\x98The lamp is ours.\xe2\x80\x99 "
	                 "I\xe2\x80\x99" "d keep it,\xe2\x80\x9d || 1:\xe2\x80\x98The lamp is ours.\xe2\x80\x99");
	/* A one-word quotation in single marks ends at its mark, though the word ends in s and
	 * another word follows (no plural possessive). */
	cr_assert_str_eq(quotes_of("It makes them \xe2\x80\x98walks\xe2\x80\x99 across a room, as "
	                           "the sailors\xe2\x80\x99 boats did."),
	                 "0:\xe2\x80\x98walks\xe2\x80\x99");
	cr_assert_str_eq(quotes_of("It is not \xe2\x80\x98" "Frequency Modulations\xe2\x80\x99 but a "
	                           "tone, as the sailors\xe2\x80\x99 charts say."),
	                 "0:\xe2\x80\x98" "Frequency Modulations\xe2\x80\x99");
	/* Apostrophes, possessives and a lone inch mark are no quotations. */
	cr_assert_str_eq(quotes_of("The students\xe2\x80\x99 union didn't meet; it's a 5\" screen."), "");
	cr_assert_str_eq(quotes_of("Meta AI \xe2\x80\x98s strategy is Meta\xe2\x80\x99s own."), "");
}

/* A straight mark glued after an opening bracket or a slash opens a quotation (sprintf("%d"),
 * perlvar/"$0") when none is open for it to close. */
Test(quote, a_straight_mark_after_a_bracket_opens)
{
	cr_assert_str_eq(quotes_of("It prints sprintf(\"%d\", 7) and stops."), "0:\"%d\"");
	cr_assert_str_eq(quotes_of("Can't do %s(\"%s\") here; it is \"%s\"."),
	                 "0:\"%s\" || 0:\"%s\"");
	cr_assert_str_eq(quotes_of("See perlvar/\"$0\" and [\"tab\"] too."),
	                 "0:\"$0\" || 0:\"tab\"");
	cr_assert_str_eq(quotes_of("Set TASK=\"-m test\" to run it."), "0:\"-m test\"");
	/* A name that starts with a dot or a colon, quoted in brackets. */
	cr_assert_str_eq(quotes_of("Files (\".txt\") and regions (\":extra\") stay."),
	                 "0:\".txt\" || 0:\":extra\"");
	/* A mark named in brackets is no opening mark. */
	cr_assert_str_eq(quotes_of("Use double quotes (\"). They may also be tripled (\"\"\"). "
	                           "A backslash (\\) escapes. A colon (\":\") or a dot (\".\")."),
	                 "");
	/* After a bracket or a slash, a mark still closes the quotation open before it. */
	cr_assert_str_eq(quotes_of("He said \"go (now)\" twice."), "0:\"go (now)\"");
	cr_assert_str_eq(quotes_of("Then \"/tmp/\" is used, or \"\\B{\" is."),
	                 "0:\"/tmp/\" || 0:\"\\B{\"");
}

Test(quote, across_paragraphs_and_unclosed)
{
	/* Each paragraph of a long quotation reopens it; only the last closes it. */
	cr_assert_str_eq(quotes_of("\xe2\x80\x9c" "First part.\n\n\xe2\x80\x9cSecond part.\xe2\x80\x9d"
	                           " she said."),
	                 "0:\xe2\x80\x9c" "First part.\n\n\xe2\x80\x9cSecond part.\xe2\x80\x9d");
	/* An opening mark never closed in its paragraph is not a quotation. */
	cr_assert_str_eq(quotes_of("\xe2\x80\x9cNever closed.\n\nA new paragraph \xe2\x80\x9d here."),
	                 "");
}

Test(quote, a_paragraph_after_he_said)
{
	cr_assert_str_eq(quotes_of("On a podcast, he said:\n\nWe will see. It is hard.\n\nThe end."),
	                 "0:We will see. It is hard.");
	cr_assert_str_eq(quotes_of("It includes the following:\n\nA list of things.\n"), "");
}

/* Occurrences of needle in hay. */
static int count_of(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static char *run(const char *a, const char *b)
{
	return diff_text(a, b, NULL);
}

Test(quote, flags_removed_added_altered_elided)
{
	char *got = run("The mayor spoke. \xe2\x80\x9cWe must sell the tower now,\xe2\x80\x9d she said. "
	                "The vote followed.",
	                "The mayor spoke. The vote followed.");
	/* The flag covers the quotation, not its attribution. */
	cr_assert_str_eq(got, "= The mayor spoke . | d \xe2\x80\x9c We must sell the tower now , "
	                      "\xe2\x80\x9d !removed | d she said . | = The vote followed .");
	free(got);
	script_has("The mayor spoke. The vote followed.",
	           "The mayor spoke. \xe2\x80\x9cWe must sell the tower now,\xe2\x80\x9d she said. "
	           "The vote followed.", NULL, "!added");
	script_is("\xe2\x80\x9cWe must sell the tower now,\xe2\x80\x9d she said.",
	          "\xe2\x80\x9cWe should sell the tower now,\xe2\x80\x9d she said.", NULL,
	          "= \xe2\x80\x9c We | r must > should !altered | "
	          "= sell the tower now , \xe2\x80\x9d she said .");
	const char *a = "\xe2\x80\x9cOur plan is to keep the light running, keep the grounds open "
	                "and make this the best landmark.\xe2\x80\x9d";
	const char *b = "\xe2\x80\x9cOur plan is to keep the light running \xe2\x80\xa6 and make this "
	                "the best landmark.\xe2\x80\x9d";
	script_has(a, b, NULL, "!elided");
	script_lacks(a, b, NULL, "!altered");
}

Test(quote, the_rewrite_example)
{
	size_t la, lb;
	char *a = fixture_read("examples/lighthouse-1-original.txt", &la);
	char *b = fixture_read("examples/lighthouse-4-rewrite.txt", &lb);
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a, la, b, lb, &o), RL_OK);
	char *got = ops_text(al);
	/* Abernathy's quotation removed (its attribution goes with it, unflagged); Solberg's
	 * elided; a new one added. */
	cr_assert_not_null(strstr(got, "d \xe2\x80\x9c We are trading a public landmark"), "%s", got);
	cr_assert_not_null(strstr(got, "\xe2\x80\x9d !removed | d she said ."), "%s", got);
	cr_assert_not_null(strstr(got, "!elided"), "%s", got);
	cr_assert_not_null(strstr(got, "\xe2\x80\x9c We have thirty days"), "%s", got);
	const rl_stats *st = rl_alignment_stats(al);
	cr_assert_eq(st->quote_ops[RL_QUOTE_REMOVED], 1);
	cr_assert_eq(st->quote_ops[RL_QUOTE_ADDED], 1);
	cr_assert_eq(st->quote_ops[RL_QUOTE_ELIDED], 1);
	free(got);
	rl_alignment_free(al);
	free(a);
	free(b);

	/* With the stage off, nothing is flagged. */
	o.stages &= ~(unsigned)RL_STAGE_QUOTES;
	a = fixture_read("examples/lighthouse-1-original.txt", &la);
	b = fixture_read("examples/lighthouse-4-rewrite.txt", &lb);
	cr_assert_eq(rl_diff(&al, a, la, b, lb, &o), RL_OK);
	cr_assert_eq(rl_alignment_stats(al)->quotes, 0);
	rl_alignment_free(al);
	free(a);
	free(b);
}

/* Issue 10: an apostrophe inside or at the end of a word never opens or closes a quotation. */
Test(quote, apostrophes_inside_quotations)
{
	/* Inside a word: "keeper’s" does not close the quotation it stands in. */
	cr_assert_str_eq(quotes_of("\xe2\x80\x98Ours is the keeper\xe2\x80\x99s lamp,\xe2\x80\x99 she "
	                           "said."),
	                 "0:\xe2\x80\x98Ours is the keeper\xe2\x80\x99s lamp,\xe2\x80\x99");
	cr_assert_str_eq(quotes_of("\xe2\x80\x98They\xe2\x80\x99re late again,\xe2\x80\x99 he said."),
	                 "0:\xe2\x80\x98They\xe2\x80\x99re late again,\xe2\x80\x99");
	/* An elision between spaces. */
	cr_assert_str_eq(quotes_of("\xe2\x80\x98We played rock \xe2\x80\x99n\xe2\x80\x99 roll all "
	                           "night,\xe2\x80\x99 he said."),
	                 "0:\xe2\x80\x98We played rock \xe2\x80\x99n\xe2\x80\x99 roll all "
	                 "night,\xe2\x80\x99");
	/* A plural possessive, when a later mark closes the quotation. */
	cr_assert_str_eq(quotes_of("\xe2\x80\x98The sailors\xe2\x80\x99 hut is shut,\xe2\x80\x99 she "
	                           "said."),
	                 "0:\xe2\x80\x98The sailors\xe2\x80\x99 hut is shut,\xe2\x80\x99");
	/* A left mark typed inside a word for an apostrophe opens nothing. */
	cr_assert_str_eq(quotes_of("We don\xe2\x80\x98t know. \xe2\x80\x98Maybe,\xe2\x80\x99 he said."),
	                 "0:\xe2\x80\x98Maybe,\xe2\x80\x99");
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

/* Issue 10: the value of a markup attribute glued after "name=" is no quotation (wiki text and
 * HTML source: <ref name=":0" />, |rowspan="2" style="text-align:left"|), while a quotation in
 * the prose around it, and a value quoted in a sentence, still are. */
Test(quote, attribute_values_are_no_quotations)
{
	cr_assert_str_eq(quotes_of("The ferry ran daily.<ref name=\":0\" /> She said \"not on "
	                           "Sundays\" at the pier."),
	                 "0:\"not on Sundays\"");
	cr_assert_str_eq(quotes_of("{| class=\"wikitable\"\n|rowspan=\"2\" "
	                           "style=\"text-align:left\"|Gull Point\n! style=\"width:50%\" | "
	                           "Tides\n| bgcolor =\"#b6fcb6\" | Ebb\n|}"), "");
	cr_assert_str_eq(quotes_of("<span class='note'>Tide \"low\"</span> and alt=\"\">"),
	                 "0:\"low\"");
	/* A stray attribute mark no longer closes a quotation opened in the prose. */
	cr_assert_str_eq(quotes_of("He wrote \"see <a href=\"tides.html\">the table</a> first\" "
	                           "and left."),
	                 "0:\"see <a href=\"tides.html\">the table</a> first\"");
	/* An inserted reference with a name adds no quotation. */
	script_lacks("The ferry ran daily. It stopped in 1990.",
	             "The ferry ran daily.<ref name=\"harbour\">Port log, 1990.</ref> It stopped in "
	             "1990.", NULL, "!");
}

/* Issue 10: marks put around words that were not quoted before (a translation that quotes the
 * speech its original gave without marks) change no quotation: no op is flagged altered or
 * added. */
Test(quote, marks_added_around_unquoted_speech)
{
	script_lacks("Then the keeper told them, Bring ye the lamp unto the tower at dusk. "
	             "And they went.\n\nAnd he said, Weep not.",
	             "Then the keeper told them, \xe2\x80\x9c" "Bring the lamp to the tower by "
	             "dusk.\xe2\x80\x9d And they went.\n\nHe said, \xe2\x80\x9c" "Don\xe2\x80\x99t "
	             "cry.\xe2\x80\x9d", NULL, "!");
	/* New words quoted where nothing stood are an added quotation. */
	script_has("The keeper left.",
	           "The keeper left. \xe2\x80\x9cGood night, all of you,\xe2\x80\x9d he called.", NULL,
	           "!added");
}

/* Marks put around speech that NEW rewords, its new words more than the ones it keeps of OLD,
 * which had no marks there: the quotation is added, not altered (there was none to alter: on a
 * text with no quotation at all, "--changes" read "quotation altered: (nothing) → “I would be
 * glad to help you,"). Only its new words are flagged. */
Test(quote, speech_put_in_marks_with_new_words_is_an_added_quotation)
{
	const char *a = "The ferry left at noon. And the clerk also said, Sir, I will sign the form; "
	                "but let me first go and read it, which I can do at my desk. The office "
	                "closed early.";
	const char *b = "The ferry left at noon. The clerk also said, \xe2\x80\x9cI would be glad to "
	                "help you, Sir, yet allow me to study the papers kept at my desk.\xe2\x80\x9d "
	                "The office closed early.";
	script_has(a, b, NULL, "i \xe2\x80\x9c I would be glad to help you , !added");
	script_lacks(a, b, NULL, "!altered");
	script_count(a, b, NULL, "!", 1);
}

/* Issue 10: a scare quote removed counts once, however the diff cut the text around it. */
Test(quote, a_removed_scare_quote_counts_once)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	const char *a = "The firm now chases what it calls \xe2\x80\x9c" "deep harbours.\xe2\x80\x9d\n\n"
	                "Costs rose.";
	const char *b = "The firm now chases growth.\n- Costs rose.";
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a, strlen(a), b, strlen(b), &o), RL_OK);
	char *got = ops_text(al);
	cr_assert_eq(rl_alignment_stats(al)->quote_ops[RL_QUOTE_REMOVED], 1, "%s", got);
	free(got);
	rl_alignment_free(al);
}

/* A quotation whose content words are all gone is removed, though a function word or two of it
 * ("a", "of") found a partner by coincidence. */
Test(quote, coincidental_function_words_do_not_save_a_quotation)
{
	const char *a = "The manual says so that we can say \xe2\x80\x9cGCC is a full implementation "
	                "of the standard,\xe2\x80\x9d not because there is any reason to use it.";
	const char *b = "The manual says so that we could state, not as a result of this, that "
	                "there is any reason to use it.";
	script_has(a, b, NULL, "!removed");
	script_lacks(a, b, NULL, "!altered");
}

/* Issue 10: a short quotation reworded where it stood, every word of it changed but still in
 * marks (a Simplified → Traditional conversion of a quoted term, a paraphrased slogan), is one
 * altered quotation, not a removed one and an added one. */
Test(quote, a_quotation_reworded_in_place_is_altered)
{
	const char *a = "\xe8\xaf\xb7\xe9\x98\x85\xe8\xaf\xbb\xe2\x80\x9c\xe7\x94\xa8\xe6\x88\xb7"
	                "\xe5\x92\x8c\xe7\xbb\x84\xe2\x80\x9d\xe4\xb8\x80\xe8\x8a\x82\xe3\x80\x82";
	const char *b = "\xe8\xab\x8b\xe9\x96\xb1\xe8\xae\x80\xe3\x80\x8c\xe4\xbd\xbf\xe7\x94\xa8"
	                "\xe8\x80\x85\xe5\x92\x8c\xe7\xb5\x84\xe3\x80\x8d\xe4\xb8\x80\xe7\xaf\x80"
	                "\xe3\x80\x82";
	script_lacks(a, b, NULL, "!removed");
	script_lacks(a, b, NULL, "!added");
	script_has(a, b, NULL, "!altered");
	char *got = run("The sign over the door read \xe2\x80\x9cKeep the lamp lit\xe2\x80\x9d in red.",
	          "The sign over the door read \xe2\x80\x9cNever let darkness win\xe2\x80\x9d in red.");
	cr_assert_null(strstr(got, "!removed"), "%s", got);
	cr_assert_not_null(strstr(got, "!altered"), "%s", got);
	free(got);
	/* Dropped without a quotation in its place, it is still removed. */
	script_has("The sign over the door read \xe2\x80\x9cKeep the lamp lit\xe2\x80\x9d in red.",
	           "The sign over the door was painted in red.", NULL, "!removed");
}

/* Issue 10: a quotation in another edition's spelling ("organised" in the British edition,
 * "organized" in the American one, its marks changed too) keeps its words: the respelt word is a
 * change, the quotation is not altered. A word replaced by another still alters it. */
#define WARDEN(w) "The warden said, \xe2\x80\x9cWe " w " the rota.\xe2\x80\x9d Then she left."
Test(quote, a_word_respelt_for_another_edition_alters_no_quotation)
{
	const char *a = "The warden said, \xe2\x80\x98We organised the rota and the colour of the "
	                "flags, and we analysed every tide.\xe2\x80\x99 Then she left.";
	const char *b = "The warden said, \xe2\x80\x9cWe organized the rota and the color of the "
	                "flags, and we analyzed every tide.\xe2\x80\x9d Then she left.";
	script_lacks(a, b, NULL, "!altered");
	script_has(a, b, NULL, "organised");
	script_has(WARDEN("organised"), WARDEN("organized"), NULL, "organized");
	script_lacks(WARDEN("organised"), WARDEN("organized"), NULL, "!altered");
	/* "four" / "for" is no -our / -or; "rise" / "rose" is another word */
	script_has(WARDEN("four kept"), WARDEN("for kept"), NULL, "!altered");
	script_has(WARDEN("rise with"), WARDEN("rose with"), NULL, "!altered");
}

/* Issue 10: a summary that quotes part of a quotation and rewrites the words around it: the
 * words of the quotation it dropped are flagged (elided) on OLD's side, and the new clause
 * before the quotation is never flagged as quotation. (The defect showed where the quoted part moved and a
 * dropped word of the quotation was paired with the new clause: the example's summary, in the
 * golden files summary.*; this text keeps its order and guards the rule.) */
Test(quote, new_text_outside_the_quotation_is_not_flagged)
{
	const char *a = "The vote was close.\n\nThe harbour master, who led the campaign, spoke "
	                "first. \xe2\x80\x9cWe have scraped the hull for ten winters with paint we "
	                "borrowed. This sale finally hands the boat to people who can keep it "
	                "afloat,\xe2\x80\x9d she said after the meeting.\n\nOthers were less sure.";
	const char *b = "- Others were less sure.\n- The vote was close.\n- The harbour master, who "
	                "backed the plan, said the sale \xe2\x80\x9chands the boat to people who can "
	                "keep it afloat.\xe2\x80\x9d";
	script_lacks(a, b, NULL, "backed the plan , said the !");
	script_lacks(a, b, NULL, "the plan !");
	/* cut short at its start, the rest quoted word for word: elided (altered until stop 34) */
	script_has(a, b, NULL, "!elided");
	script_lacks(a, b, NULL, "!altered");
}

/* A quotation dropped where a bullet below repeats its one word: the word matched in the bullet,
 * among new text, is coincidence. The quotation is removed, and the bullet's text is new, with no
 * quotation flag. */
Test(quote, a_word_stranded_among_new_text_does_not_save_a_quotation)
{
	const char *a = "A format whose rules are public, fit for text and for plain editors, is "
	                "plain. A copy that is not \xe2\x80\x9cPlain\xe2\x80\x9d is called "
	                "\xe2\x80\x9cOpaque\xe2\x80\x9d.\n\nExamples of such formats follow here.\n";
	const char *b = "A format whose rules are public, fit for text and for plain editors, is "
	                "plain. A copy that is not is named.\n- Whose rules, fit for text\n- Plain. A "
	                "public format\n\nExamples of such formats follow here.\n";
	script_has(a, b, NULL, "d \xe2\x80\x9c Plain \xe2\x80\x9d !removed");
	script_lacks(a, b, NULL, "= Plain");
	script_count(a, b, NULL, "!removed", 2);
	/* Marks taken from a word that stays where it stood change no quotation. */
	script_lacks("A copy that is not \xe2\x80\x9cPlain\xe2\x80\x9d is called opaque.",
	             "A copy that is not Plain is called opaque.", NULL, "!");
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

/* A straight mark glued after an ellipsis and before text opens a second quotation when none is
 * open for it to close ("a"..."b", a range of two quoted names). */
Test(quote, a_straight_mark_after_an_ellipsis_opens)
{
	cr_assert_str_eq(quotes_of("Each \"=start list\"...\"=stop list\" region holds items."),
	                 "0:\"=start list\" || 0:\"=stop list\"");
	cr_assert_str_eq(quotes_of("From \"10\"..\"-2\" it counts down."), "0:\"10\" || 0:\"-2\"");
	cr_assert_str_eq(quotes_of("Say \"a\"\xe2\x80\xa6\"z\" aloud."), "0:\"a\" || 0:\"z\"");
	/* After an ellipsis, a mark still closes the quotation open before it. */
	cr_assert_str_eq(quotes_of("She said \"wait...\"-and left."), "0:\"wait...\"");
}

/* A sentence deleted with the opening mark of the quotation it starts, the rest of the
 * quotation kept with its closing mark: the quotation lost words, and the deletion is flagged.
 * A mark taken alone from kept words flags nothing. */
Test(quote, a_mark_taken_with_words_alters_the_quotation)
{
	const char *a = "The pump failed. \xe2\x80\x9cThe valve is stuck again. We will need the "
	                "crane to lift it out.\xe2\x80\x9d Then the crew left.";
	const char *b = "The pump failed. We will need the crane to lift it out.\xe2\x80\x9d Then "
	                "the crew left.";
	script_has(a, b, NULL, "d \xe2\x80\x9c The valve is stuck again . !altered");
	script_count(a, b, NULL, "!", 1);
	script_lacks("The pump failed. \xe2\x80\x9cWe will need the crane.\xe2\x80\x9d Then the crew "
	             "left.",
	             "The pump failed. We will need the crane.\xe2\x80\x9d Then the crew left.", NULL,
	             "!");
}

/* A short quotation dropped where a bullet list below restates the paragraph: its words matched
 * at the start of a bullet, in another paragraph than the one where its changed opening mark
 * went, are coincidence (and the full stop inside "G.3" says nothing). The quotation is removed. */
Test(quote, words_matched_in_another_paragraph_do_not_save_a_quotation)
{
	const char *a = "Most offices send paper through G.3 faxes over copper lines and plain modems. "
	                "See part 4.1, \xe2\x80\x9cG.3 faxes\xe2\x80\x9d for the details.\n\n"
	                "The next part covers printers.\n";
	const char *b = "Most bureaus send paper through G.3 faxes over copper line and plain modem. "
	                "See part four.1, for the detail.\n\n- 3 faxes over copper line and plain "
	                "modem\n- 3 faxes over copper line\n\nThe next part covers printers.\n";
	script_has(a, b, NULL, "d \xe2\x80\x9c G . 3 faxes \xe2\x80\x9d !removed");
	script_count(a, b, NULL, "!", 1);
	/* Marks taken from words kept in their own paragraph change nothing. */
	script_lacks("See part 4.1, \xe2\x80\x9cG.3 faxes\xe2\x80\x9d for the details.\n\nThe end.\n",
	             "See part four.1, G.3 faxes for the detail.\n\nThe end.\n", NULL, "!");
}

/* Marks put around speech that was reworded, the old words taken by a deletion of their own beside
 * the quotation rather than by the change that holds it ("answered him[-and said, Thou sayest
 * it-] {+,+} [-.-]{+“So you say.”+}"), change no quotation: nothing is flagged. */
Test(quote, speech_reworded_into_marks_beside_a_deletion_flags_nothing)
{
	script_lacks("And the keeper asked him, saying, Art thou the warden of the light? And he "
	             "answered him and said, Thou sayest it.\n",
	             "The keeper asked him, \xe2\x80\x9c" "Are you the warden of the light?"
	             "\xe2\x80\x9d He answered him, \xe2\x80\x9cSo you say.\xe2\x80\x9d\n", NULL, "!");
	/* A long passage deleted beside a new scare quote is no speech put in marks. */
	script_count("The keeper had made the light a central part of the harbour for years, a way "
	             "to keep every boat moving faster. He loudly praised it at every meeting.\n",
	             "The keeper admitted he might close lights deemed "
	             "\xe2\x80\x9cobsolete\xe2\x80\x9d.\n",
	             NULL, "!added", 1);
}

/* A new quotation nested in one that only gained marks is flagged over its own span, not with the
 * words inserted around it. */
Test(quote, a_nested_quotation_is_flagged_over_its_own_span)
{
	const char *a = "The keeper said to the boy, Go to the tower before dusk and light the lamp.\n";
	const char *b = "The keeper said to the boy, \xe2\x80\x9cGo to the tower before dusk and light "
	                "the lamp, and if the mayor asks, tell him \xe2\x80\x98The light is lit."
	                "\xe2\x80\x99\xe2\x80\x9d\n";
	script_count(a, b, NULL, "!added", 1);
	script_has(a, b, NULL, "\xe2\x80\x98 The light is lit . \xe2\x80\x99 !added");
	script_lacks(a, b, NULL, "mayor asks , tell him !");
	script_lacks(a, b, NULL, "him \xe2\x80\x98");
}

/* New words the diff paired with a removed quotation's closing mark only (a bullet that follows
 * the sentence it stood in) are no rewording of it: a change of their own, not flagged. */
Test(quote, text_paired_with_a_removed_quotation_by_its_mark_is_not_flagged)
{
	const char *a = "The costs of building general intelligence, or "
	                "\xe2\x80\x9csuperintelligence.\xe2\x80\x9d\n";
	const char *b = "The costs of building general intelligence.\n- Signing bonuses and big pay "
	                "packages for top talent\n";
	script_count(a, b, NULL, "!removed", 1);
	script_lacks(a, b, NULL, "talent !");
}

/* A quotation gone from where it stood and quoted with the same words a line away, where the diff
 * matched it with nothing (a summary bullet that restates it), is neither removed nor added. */
Test(quote, a_quotation_restated_nearby_is_neither_removed_nor_added)
{
	script_lacks("A city spokesperson told the paper that the city\xe2\x80\x99s position on the "
	             "lighthouse is \xe2\x80\x9cunchanged.\xe2\x80\x9d The mayor would still need to "
	             "sign off on any sale of the lighthouse to the trust.\n",
	             "- The mayor still controls any final decision on the sale of the lighthouse "
	             "to the trust\n- A spokesperson insists the stance remains "
	             "\xe2\x80\x9cunchanged\xe2\x80\x9d\n", NULL, "!");
	/* A term quoted again and again ("outer") is no one quotation restated. */
	script_count("The region is \xe2\x80\x9couter\xe2\x80\x9d here. A region called "
	       "\xe2\x80\x9couter\xe2\x80\x9d holds X. It is not \xe2\x80\x9couter\xe2\x80\x9d "
	       "there.\n",
	       "The region is \xe2\x80\x9couter\xe2\x80\x9d here. A region holds X. It is not "
	       "\xe2\x80\x9couter\xe2\x80\x9d there.\n- It is \xe2\x80\x9couter\xe2\x80\x9d\n", NULL,
	             "!removed", 1);
	/* A few words apart (a quoted term moved inside a table cell), the words need not be rare. */
	script_lacks("| which | shows \xe2\x80\x9cname\xe2\x80\x9d the place of the file |\n"
	             "| name | shows \xe2\x80\x9cname\xe2\x80\x9d its type |\n",
	             "| which | shows the place of the file \xe2\x80\x9cname\xe2\x80\x9d |\n"
	             "| name | shows \xe2\x80\x9cname\xe2\x80\x9d its type |\n", NULL, "!");
}

/* A quotation of NEW that rewrites another quotation of OLD in its place ("https" -> "http") is
 * that one altered: it does not restate a second quotation with its words, which the copy dropped
 * a few words on, so that one is removed. */
Test(quote, a_quotation_altered_into_the_words_of_a_dropped_one_is_no_restatement)
{
	char *got = run("The helper returns \xe2\x80\x9chttps\xe2\x80\x9d when the flag is found, "
	                "and \xe2\x80\x9chttp\xe2\x80\x9d otherwise.\n",
	                "The helper returns \xe2\x80\x9chttp\xe2\x80\x9d when the flag is "
	                "discovered, and otherwise.\n");
	cr_assert_eq(count_of(got, "!altered"), 1, "%s", got);
	cr_assert_eq(count_of(got, "!removed"), 1, "%s", got);
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

/* A quotation that lost both marks and most of its words, the word it keeps standing between two
 * changes where NEW has it (the diff paired it with the one that replaced a word after the
 * quotation, where it could as well have paired the comma), was removed whole: the word kept is
 * coincidence, and every word of the quotation is flagged. */
Test(quote, a_word_left_between_changes_when_the_marks_went_does_not_save_a_quotation)
{
	const char *a = "In the first designs, after the model of a \xe2\x80\x9cstored program "
	                "computer\xe2\x80\x9d, code is also kept in memory.\n";
	const char *b = "In the first designs, after the pattern of a, program text is also kept in "
	                "memory.\n";
	script_has(a, b, NULL, "d \xe2\x80\x9c stored program computer \xe2\x80\x9d !removed");
	script_lacks(a, b, NULL, "= program");
	/* Kept words with their neighbours kept too: the quotation lost words and marks, and
	 * stays, altered. */
	char *got = run("In the first designs, after a \xe2\x80\x9cstored program computer\xe2\x80\x9d "
	                "model, code is also kept in memory.\n",
	                "In the first designs, after a computer model, code is also kept in memory.\n");
	cr_assert_geq(count_of(got, "!altered"), 1, "%s", got);
	cr_assert_null(strstr(got, "!removed"), "%s", got);
	free(got);
}

/* A quotation that is a paragraph of its own, dropped, with a bullet below the quotation before it
 * standing in its place: the diff kept a quarter of its words ("the PORT", "the", "MOON") as
 * islands among rewordings of the bullet. Its marks went, and no kept word keeps a neighbour: it
 * was removed whole, the bullet inserted (the cleanup, off here, dissolves these islands in a
 * short text, not among a long reworded passage). A quotation reworded in place keeps its marks,
 * and stays altered. */
Test(quote, a_quoted_paragraph_dropped_keeps_no_islands_of_the_bullet_in_its_place)
{
	const char *a = "\"Tide.pm reads the harbour tables of the PORT format and the related MOON "
	                "almanac.\"\n\n\"Moon.pm gives an account of the PORT format. Tide.pm reads the "
	                "related MOON almanac.\"\n\nThis means that a sailor who only needs the almanac "
	                "leaves the tables out.\n";
	const char *b = "\"Tides.pm scans the port charts of the PORT formats and the associated MOON "
	                "calendar.\"\n\n- Of the PORT formats and the associated MOON calendar\n\nThis "
	                "means that a sailor who only needs the almanac leaves the tables out.\n";
	const rl_diff_opts *o = without(RL_STAGE_CLEANUP);
	script_has(a, b, o, "d \" Moon . pm gives an account of the PORT format . Tide . pm reads the "
	                    "related MOON almanac . \" !removed | i - Of the PORT formats");
	/* Reworded where it stood, its marks kept: altered, as before. */
	char *got = diff_text("Intro line.\n\n\"Moon.pm gives an account of the PORT format.\"\n\nEnd "
	                      "line here.\n",
	                      "Intro line.\n\n\"Of the PORT formats and the associated MOON "
	                      "calendar.\"\n\nEnd line here.\n", o);
	cr_assert_geq(count_of(got, "!altered"), 1, "%s", got);
	cr_assert_null(strstr(got, "!removed"), "%s", got);
	free(got);
}

/* A straight double mark glued after a bracket opens a string that starts with an apostrophe
 * (printf("'%e'")), unless the apostrophe is all the brackets hold ("'"): a mark named. */
Test(quote, a_straight_mark_after_a_bracket_opens_before_an_apostrophe)
{
	cr_assert_str_eq(quotes_of("The routine printf(\"'%e'\", 0.) prints it."), "0:\"'%e'\"");
	cr_assert_str_eq(quotes_of("Its call f(\"'name'\") is right."), "0:\"'name'\"");
	cr_assert_str_eq(quotes_of("Use an apostrophe (\"'\") or a mark (\"\"\") here."), "");
	/* Its removal is flagged. */
	script_has("The routine printf(\"'%e'\", 0.) prints the value.\n",
	           "The routine printf(, 0.) prints the value.\n", NULL, "!removed");
}

/* Double marks do not nest in their own kind: a second opening double mark while one is open
 * drops the first (a stray mark), which would otherwise run to a closing mark far away. */
Test(quote, a_second_opening_double_mark_drops_the_stray_one)
{
	cr_assert_str_eq(quotes_of("Execute \"setup.rc -a. Read \"perldoc perlpod\" first. Then run "
	                           "make\" twice."),
	                 "0:\"perldoc perlpod\"");
	cr_assert_str_eq(quotes_of("He wrote \xe2\x80\x9cone. Then \xe2\x80\x9ctwo\xe2\x80\x9d and "
	                           "three\xe2\x80\x9d done."),
	                 "0:\xe2\x80\x9ctwo\xe2\x80\x9d");
	/* Nested quotations of the other kind still nest. */
	cr_assert_str_eq(quotes_of("\"He said 'no' twice,\" she wrote."),
	                 "0:\"He said 'no' twice,\" || 1:'no'");
}

/* A straight mark glued after a bracket or a slash that could close a quotation opened far before
 * it (150 words and more) opens one instead: the old one was a stray mark. */
Test(quote, a_mark_that_could_close_a_far_quotation_opens)
{
	char text[4096] = "Docs are not \"dual-life. ";
	for (int k = 0; k < 20; k++)
		strcat(text, "The keeper lit the lamp at dusk every day. ");
	strcat(text, "Some functions differ on ports (/\"PERFORM IMPLEMENTATIONS\").");
	cr_assert_str_eq(quotes_of(text), "0:\"PERFORM IMPLEMENTATIONS\"");
	/* Near, it closes the quotation open before it. */
	cr_assert_str_eq(quotes_of("See \"/tmp/\" and go."), "0:\"/tmp/\"");
}

/* A straight ' that would close a quotation opened 150 words and more before it closes nothing,
 * and the mark that opened it was an apostrophe ("count 'em!"): in a text run into one line no
 * paragraph break ends such a quotation, and every change inside it was flagged altered, each
 * swap cut into a deletion and an insertion. Near, the marks still quote. */
Test(quote, a_straight_apostrophe_far_from_its_closer_quotes_nothing)
{
	char a[4096] = "Mend the nets and count 'em! ", b[4096];
	for (int k = 0; k < 20; k++)
		strcat(a, "The keeper lit the lamp at dusk every day. ");
	strcpy(b, a);
	strcat(a, "The sailors' boats came home late.");
	strcat(b, "The sailors' boats came back late.");
	cr_assert_str_eq(quotes_of(a), "");
	script_has(a, b, NULL, "r home > back");
	script_lacks(a, b, NULL, "!altered");
	cr_assert_str_eq(quotes_of("She called it 'the old lamp' twice, as the sailors' wives did."),
	                 "0:'the old lamp'");
}

/* A quotation never runs from one list item into another (a bullet that quotes half a sentence
 * leaves a stray mark), and a list after "as one hacker commented:" is a list, not a quotation
 * set as a paragraph. A mark that starts a line while a quotation of its kind is open reopens
 * it, as a new paragraph does (a letter's signature lines). */
Test(quote, list_items_and_lines)
{
	cr_assert_str_eq(quotes_of("- It is \xe2\x80\x9c" "a plan\n- The vote\xe2\x80\x9d was close.\n"),
	                 "");
	cr_assert_str_eq(quotes_of("- Docs are not \"dual-life\n- They changed \"twice\" since.\n"),
	                 "0:\"twice\"");
	cr_assert_str_eq(quotes_of("As one keeper once commented:\n\n- A list item here.\n"), "");
	const char *letter = "\"I leave a photograph which he might care to possess; and I remain, "
	                     "dear\nMr. Holmes, with every good wish for the keeper and his light on "
	                     "the\nhill above the harbour.\n\n                                      "
	                     "\"Very truly yours,\n                                   \"IRENE NORTON."
	                     "\"\n\nThen she left.";
	char want[1024];
	snprintf(want, sizeof want, "0:%.*s", (int)(strstr(letter, "\n\nThen") - letter), letter);
	cr_assert_str_eq(quotes_of(letter), want);
	/* A third level nests again: “a ‘b “c” b’ a”. */
	cr_assert_str_eq(quotes_of("\xe2\x80\x9cTell him, \xe2\x80\x98The keeper says, \xe2\x80\x9c"
	                           "Stay.\xe2\x80\x9d\xe2\x80\x99\xe2\x80\x9d"),
	                 "0:\xe2\x80\x9cTell him, \xe2\x80\x98The keeper says, \xe2\x80\x9cStay."
	                 "\xe2\x80\x9d\xe2\x80\x99\xe2\x80\x9d || 1:\xe2\x80\x98The keeper says, "
	                 "\xe2\x80\x9cStay.\xe2\x80\x9d\xe2\x80\x99 || 2:\xe2\x80\x9cStay.\xe2\x80\x9d");
}

/* A quotation removed whose words the diff paired with the sentence after it (no quotation there)
 * is a deletion, flagged, and the new sentence an insertion of its own, not flagged. */
Test(quote, a_removed_quotation_replaced_by_unquoted_text_is_split)
{
	const char *a = "The keeper wrote: \xe2\x80\x9cIt containeth that which aideth the growth of "
	                "plants, and it is very strong.\xe2\x80\x9d\n";
	const char *b = "The keeper wrote: In-place upgrade of a supplied value to a version.\n";
	script_count(a, b, NULL, "!removed", 1);
	script_lacks(a, b, NULL, "version . !");
	script_lacks(a, b, NULL, "> In");
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

/* A sentence gone as a whole, its scare quote with it, that the diff pairs with a new bullet and
 * keeps one quoted word of by coincidence ("Writes X into the entry kept in row j of the “warm
 * buckets” table." against "- First check the buckets index earlier than consulting the
 * entries": rewordings on either side of "buckets", nothing else of the sentence kept): the
 * quotation is removed, the bullet's word new. Found on a generated pair (a two-word quotation
 * flagged half). */
Test(quote, a_sentence_gone_with_its_quotation_does_not_keep_it_by_one_word)
{
	const char *old = "Reads the entry kept in row j of the \xe2\x80\x9cwarm buckets\xe2\x80\x9d "
	                  "table. Puts a pointer to the object the entry holds on the heap.\n"
	                  "Writes X into the entry kept in row j of the \xe2\x80\x9cwarm "
	                  "buckets\xe2\x80\x9d table.\n"
	                  "Clears the entry kept in row j of the \xe2\x80\x9cwarm buckets\xe2\x80\x9d "
	                  "table. Called by the drop command.\n"
	                  "Copies the k spare names from the scope into the frame. Saves the need for "
	                  "extra code on the caller side when calling scopes.\n";
	const char *a = old;
	const char *b = "- First check the buckets index earlier than consulting the entries\n"
	                "- Called by the drop commands\n"
	                "Copy the k spare name from the scopes in to the frame. See the manual for "
	                "the list of options. Save the need for special program text on the "
	                "caller sides when calling scope.\n"
	                "Write X in to the entry kept in rows j of the \xe2\x80\x9chot "
	                "bucket\xe2\x80\x9d tables.\n";
	script_count(a, b, NULL, "!removed", 2);
	script_lacks(a, b, NULL, "= buckets |");
	/* A sentence reworded around a scare quote that keeps its words: nothing removed. */
	script_lacks("Clears the item held in row j of the \xe2\x80\x9cquick cache\xe2\x80\x9d store.\n",
	             "Wipes an entry kept at slot k in our \xe2\x80\x9cquick cache\xe2\x80\x9d pool.\n",
	             NULL, "!");
	/* Marks taken from words that stay, the sentence kept: nothing. */
	script_lacks("Clears the item held in row j of the \xe2\x80\x9cquick cache\xe2\x80\x9d store.\n",
	             "Clears the item held in row j of the quick cache store.\n", NULL,
	             "!");
}

/* An interview revised as editors do (my own text): two quotations cut short at their end ("I will
 * not pretend otherwise …" dropped from the end; "because nobody wants to pay …" cut), one turned
 * into the reporter's paraphrase, one kept, one added. Each quotation's fate is right, and no
 * flag lies outside a quotation. */
Test(quote, an_interview_revised_has_every_quotation_fate_right)
{
	static const char old[] =
	        "The new head of the river trust, Mara Lindqvist, spoke to us a week after taking"
	        " the post.\n\nAsked about the flood of last spring, she was blunt. "
	        "\xe2\x80\x9cWe were not ready, and the people of the lower town paid for it. I"
	        " will not pretend otherwise, and I will not let it happen twice,\xe2\x80\x9d she"
	        " said.\n\nOn the budget, she was careful. \xe2\x80\x9cThe money is there, but "
	        "it is spread over too many small schemes that nobody checks,\xe2\x80\x9d she said,"
	        " adding that a review would start in June.\n\nShe described the old weir as "
	        "\xe2\x80\x9c" "a relic we keep patching because nobody wants to pay for a new one.\xe2\x80\x9d\n\nOf"
	        " her predecessor she said only: \xe2\x80\x9cHe did what he could with what he "
	        "had.\xe2\x80\x9d\n";
	static const char new[] =
	        "The new head of the river trust, Mara Lindqvist, spoke to us a week after taking"
	        " the post.\n\nAsked about the flood of last spring, she was blunt. "
	        "\xe2\x80\x9cWe were not ready, and the people of the lower town paid for it,\xe2\x80\x9d"
	        " she said.\n\nOn the budget, she was careful: in her view funding is adequate "
	        "but thinly spread across projects no one audits, and a review starts in June.\n\nShe"
	        " described the old weir as \xe2\x80\x9c" "a relic we keep patching.\xe2\x80\x9d\n\nOf"
	        " her predecessor she said only: \xe2\x80\x9cHe did what he could with what he "
	        "had.\xe2\x80\x9d\n\nShe ended on the volunteers. \xe2\x80\x9cWithout them, the"
	        " lower town would have gone under twice over,\xe2\x80\x9d she said.\n";
	char *got = run(old, new);
	/* cut short twice at its end, the rest quoted word for word: elided (shortened, not
	 * misquoted; until stop 34 altered), on the cut words only */
	cr_assert_not_null(strstr(got, "d I will not pretend otherwise , and I will not let "
	                                "it happen twice , \xe2\x80\x9d !elided"), "%s", got);
	cr_assert_not_null(strstr(got, "d because nobody wants to pay for a new one !elided"),
	                   "%s", got);
	/* paraphrased: the quotation removed whole, the reporter's words no part of it */
	cr_assert_not_null(strstr(got, "d \xe2\x80\x9c The money is there , but it is spread "
	                                "over too many small schemes that nobody checks , "
	                                "\xe2\x80\x9d !removed"), "%s", got);
	/* added */
	cr_assert_not_null(strstr(got, "\xe2\x80\x9c Without them , the lower town would have "
	                                "gone under twice over , \xe2\x80\x9d !added"), "%s", got);
	cr_assert_eq(count_of(got, "!"), 4, "kept, no flag (\"He did what he could\"): %s", got);
	free(got);
}

/* A translated article whose next version puts the reported speech and the names it quotes in
 * the marks of its language (« » „ “ 「」) around words that were already there (my own text):
 * no quotation changed; the one sentence of new quoted speech is the only flag, `added`. */
Test(quote, marks_of_a_translation_put_around_unchanged_words_flag_nothing)
{
	static const char old[] =
	        "Le maire a d\xc3\xa9" "clar\xc3\xa9 que la digue tiendra cet hiver. Les p"
	        "\xc3\xaa" "cheurs"
	        " appellent ce mur le vieux rempart depuis un si\xc3\xa8" "cle.\n\nDer B"
	        "\xc3\xbcrgermeister"
	        " sagte, der Deich werde halten. Die Fischer nennen die Mauer seit hundert Jahren"
	        " den alten Wall.\n\n\xe5\xb8\x82\xe9\x95\xb7\xe3\x81\xaf\xe5\xa0\xa4"
	        "\xe9\x98\xb2\xe3\x81\xaf\xe3\x81\x93\xe3\x81\xae\xe5\x86\xac\xe3\x82\x82"
	        "\xe6\x8c\x81\xe3\x81\xa4\xe3\x81\xa8\xe8\xbf\xb0\xe3\x81\xb9\xe3\x81\x9f"
	        "\xe3\x80\x82\xe6\xbc\x81\xe5\xb8\xab\xe3\x81\x9f\xe3\x81\xa1\xe3\x81\xaf"
	        "\xe3\x81\x93\xe3\x81\xae\xe5\xa3\x81\xe3\x82\x92\xe7\x99\xbe\xe5\xb9\xb4"
	        "\xe5\x89\x8d\xe3\x81\x8b\xe3\x82\x89\xe5\x8f\xa4\xe3\x81\x84\xe7\xa0\xa6"
	        "\xe3\x81\xa8\xe5\x91\xbc\xe3\x82\x93\xe3\x81\xa7\xe3\x81\x84\xe3\x82\x8b"
	        "\xe3\x80\x82\n\nThe"
	        " article ends with a note on the tides.\n";
	static const char new[] =
	        "Le maire a d\xc3\xa9" "clar\xc3\xa9 : \xc2\xab la digue tiendra cet hiver "
	        "\xc2\xbb. Les p\xc3\xaa" "cheurs appellent ce mur \xc2\xab le vieux rempart "
	        "\xc2\xbb depuis un si\xc3\xa8" "cle.\n\nDer B\xc3\xbcrgermeister sagte: "
	        "\xe2\x80\x9e" "Der Deich werde halten.\xe2\x80\x9c Die Fischer nennen die"
	        " Mauer seit"
	        " hundert Jahren den \xe2\x80\x9e" "alten Wall\xe2\x80\x9c.\n\n\xe5\xb8\x82"
	        "\xe9\x95\xb7\xe3\x81\xaf\xe3\x80\x8c\xe5\xa0\xa4\xe9\x98\xb2\xe3\x81\xaf"
	        "\xe3\x81\x93\xe3\x81\xae\xe5\x86\xac\xe3\x82\x82\xe6\x8c\x81\xe3\x81\xa4"
	        "\xe3\x80\x8d\xe3\x81\xa8\xe8\xbf\xb0\xe3\x81\xb9\xe3\x81\x9f\xe3\x80\x82"
	        "\xe6\xbc\x81\xe5\xb8\xab\xe3\x81\x9f\xe3\x81\xa1\xe3\x81\xaf\xe3\x81\x93"
	        "\xe3\x81\xae\xe5\xa3\x81\xe3\x82\x92\xe7\x99\xbe\xe5\xb9\xb4\xe5\x89\x8d"
	        "\xe3\x81\x8b\xe3\x82\x89\xe3\x80\x8c\xe5\x8f\xa4\xe3\x81\x84\xe7\xa0\xa6"
	        "\xe3\x80\x8d\xe3\x81\xa8\xe5\x91\xbc\xe3\x82\x93\xe3\x81\xa7\xe3\x81\x84"
	        "\xe3\x82\x8b\xe3\x80\x82\n\nThe"
	        " article ends with a note on the tides, and the harbour master adds: \xc2\xab "
	        "Nous serons pr\xc3\xaats. \xc2\xbb\n";
	script_count(old, new, NULL, "!", 1);
	script_has(old, new, NULL, "\xc2\xab Nous serons pr\xc3\xaats . \xc2\xbb !added");
}

/* A quoted message dropped from a link, with paragraphs moved in below the link and bullets
 * after them that restate part of the message: the diff pairs the quoted words with a bullet
 * across the moved paragraphs. Words of a quotation restated only in another paragraph than
 * where it stood, under half of them, do not keep it: it is removed, and the bullet's words
 * are new (a generated pair, `perldiag/"Switch condition not recognized …"`). */
Test(quote, a_quotation_restated_by_a_bullet_below_moved_text_is_removed)
{
	static const char mid[] = "Several modules were updated to fix bugs found by the test suite "
	                          "and to speed up the build on older systems.\n\n";
	char old[2048], new[2048];
	snprintf(old, sizeof old,
	         "The error will now point to the correct spot in the pattern.\n\n"
	         "L<Bad anchor found in pattern; marked by HERE in m/%%s/|diag/\"Bad anchor found in "
	         "pattern; marked by HERE in m/%%s/\">:\n\n"
	         "The description for this warning has been extended to cover all cases.\n\n%s%s%s"
	         "Loader is no longer confused when the caller returns undef for a package that has "
	         "been deleted.\n\nNet::Tool 0.29 has been added to the Perl core.\n\n"
	         "The end of the notes comes here.\n", mid, mid, mid);
	snprintf(new, sizeof new,
	         "The error will now point to the correct spot in the pattern.\n\n"
	         "L<Bad anchors found in patterns; marked by HERE in m/%%s/|diags/>:\n\n"
	         "Loaders is no longer confused when caller provides back undefs for a package deal "
	         "that has been erased.\n\nspecial zero.007 has been added to the Perls core.\n\n"
	         "- Marked by HERE in\n- State not recognised in patterns; marked by HERE\n\n"
	         "The description for this warning has been extended to cover all cases.\n\n%s%s%s"
	         "The end of the notes comes here.\n", mid, mid, mid);
	script_lacks(old, new, NULL, "= ; marked by HERE |");
	script_has(old, new, NULL, "d ; marked by HERE !removed");
	script_has(old, new, NULL, "d in m / % s / \" !removed");
}

/* A hard-wrapped line that happens to start with "*" or "-" inside a quotation is no list item:
 * the line before breaks off after a word and is no item itself ("calculated by "1000⏎* (the
 * runs …)/(all runs)""). Found on a generated pair: the formula's 16 words were no quotation, so
 * its removal was not flagged. A list after a clause's end, or after an item, is still a list. */
Test(quote, a_wrapped_line_starting_with_a_star_is_no_list_item)
{
	cr_assert_str_eq(quotes_of("The score is calculated by \"1000\n* (the runs of the package seen "
	                           "lately)/(all runs)\".\n"),
	                 "0:\"1000\n* (the runs of the package seen lately)/(all runs)\"");
	cr_assert_str_eq(quotes_of("It goes as follows:\n* \"a plan\n* the vote\" was close.\n"), "");
	cr_assert_str_eq(quotes_of("- It is \"a plan\n- The vote\" was close.\n"), "");
	script_has("The score is calculated by \"1000\n* (the runs of the package seen lately)/"
	           "(all runs)\".\n\nNext.\n",
	           "The score is calculated by.\n\nNext.\n", NULL, "!removed");
}

/* Site chrome deleted whole (a "Latest" box of headlines, one of which quotes someone) is no
 * quotation of the article: the box is one deletion, unflagged; a dropped paragraph of prose
 * that quotes someone stays a removed quotation; the box inserted is no added one. */
Test(quote, a_quotation_in_deleted_site_chrome_is_not_flagged)
{
	const char *a = "The ferry resumed service on Monday.\n\n"
	                "\xe2\x80\x9cWe are glad to sail again,\xe2\x80\x9d the captain said.\n\n"
	                "Latest\n\n"
	                "\xe2\x80\xa2 \xe2\x80\x98Too slow and too late\xe2\x80\x99: riders mock the timetable\n"
	                "\xe2\x80\xa2 Harbour fair draws record crowds\n"
	                "\xe2\x80\xa2 Lighthouse keeper retires after forty years\n";
	const char *b = "The ferry resumed service on Monday.\n";
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a, strlen(a), b, strlen(b), &o), RL_OK);
	char *got = ops_text(al);
	cr_assert_eq(rl_alignment_stats(al)->quote_ops[RL_QUOTE_REMOVED], 1, "%s", got);
	cr_assert(strstr(got, "glad to sail again , \xe2\x80\x9d !removed"), "%s", got);
	free(got);
	rl_alignment_free(al);
	cr_assert_eq(rl_diff(&al, b, strlen(b), a, strlen(a), &o), RL_OK);
	got = ops_text(al);
	cr_assert_eq(rl_alignment_stats(al)->quote_ops[RL_QUOTE_ADDED], 1, "%s", got);
	free(got);
	rl_alignment_free(al);
	/* A box one of whose lines the other side keeps is no chrome shared with nothing. */
	const char *c = "The ferry resumed service on Monday.\n\n"
	                "Harbour fair draws record crowds\n";
	script_has(a, c, NULL, "\xe2\x80\x98 Too slow and too late \xe2\x80\x99 !removed");
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

/* rl_quote_innermost_walk is rl_quote_innermost for a walk that goes forward: from any count of
 * quotations opening before its first token, over nested quotations, an apostrophe and a
 * quotation across a paragraph; and where a token is asked again or the walk goes back. */
Test(quote, the_innermost_quotation_of_a_walk_is_the_searched_one)
{
	const char *t = "He said \xe2\x80\x9cthe \xe2\x80\x98old\xe2\x80\x99 lamp, "
	                "\xe2\x80\x98ours\xe2\x80\x99 and \xe2\x80\x98" "bright\xe2\x80\x99\xe2\x80\x9d "
	                "then \"no\" and it\xe2\x80\x99s \xe2\x80\x9c" "done.\n\nReally\xe2\x80\x9d he said.";
	text_ctx x;
	const rl_side *sd = text_ctx_open(&x, t);
	cr_assert_geq(sd->nquotes, 5u);
	for (uint32_t from = 0; from < sd->n; from++) {
		size_t before = 0;  /* the quotations opening before `from`, or fewer */
		while (before < sd->nquotes && sd->quotes[before].t0 < from)
			before++;
		for (size_t start = 0; start <= before; start++) {
			size_t opened = start;
			for (uint32_t t1 = from; t1 < sd->n; t1 += 1 + (t1 % 3 == 0))
				cr_assert_eq(rl_quote_innermost_walk(sd, t1, &opened),
				             rl_quote_innermost(sd, t1), "token %u from %u (%zu)", t1, from,
				             start);
		}
		size_t opened = sd->nquotes;  /* then back to the start: searched again */
		cr_assert_eq(rl_quote_innermost_walk(sd, from, &opened), rl_quote_innermost(sd, from));
	}
	text_ctx_close(&x);
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
