/* Tests for quote_flag.c and quote_gone.c: each quotation's fate in a comparison (removed, added,
 * altered or elided; restated nearby; not saved by words a diff matched by coincidence; marks put
 * around words that were there) and the flags of the ops that change it. */
#include <criterion/criterion.h>
#include <string.h>

#include "align.h"
#include "fixtures.h"
#include "ops_text.h"
#include "script_check.h"
#include "status.h"

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
