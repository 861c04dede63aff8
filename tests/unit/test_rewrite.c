/* Tests for rewrite.c: replaces cut into one-word swaps where the structure allows, phrases kept
 * whole, a word grown into a phrase shown as one rewrite. */
#include <criterion/criterion.h>
#include <string.h>

#include "align.h"
#include "ops_text.h"
#include "rewrite.h"

static void expect(const char *a, const char *b, const char *want, unsigned off)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.stages &= ~off;
	char *got = diff_text(a, b, &o);
	cr_assert_str_eq(got, want);
	free(got);
}

Test(rewrite, variants_share_a_stem)
{
	const char *yes[][2] = {{"time", "times"}, {"color", "colour"}, {"organize", "organise"},
	                        {"Chapter", "chapters"}, {"availability", "availabilities"},
	                        {"volume", "volumes"}};
	const char *no[][2] = {{"the", "they"}, {"house", "horse"}, {"rope", "cable"},
	                       {"same", "same"}, {"cat", "cats"}, {"this", "then"}};
	for (size_t k = 0; k < sizeof yes / sizeof *yes; k++)
		cr_assert(rl_similar_words(yes[k][0], strlen(yes[k][0]), yes[k][1], strlen(yes[k][1])),
		          "%s ~ %s", yes[k][0], yes[k][1]);
	for (size_t k = 0; k < sizeof no / sizeof *no; k++)
		cr_assert_not(rl_similar_words(no[k][0], strlen(no[k][0]), no[k][1], strlen(no[k][1])),
		              "%s !~ %s", no[k][0], no[k][1]);
}

/* rl_word_head is the test before rl_similar_words on a long replace: variants always have the same
 * head, never 0. Words of one to seven letters of a small alphabet, so that many pairs share
 * their beginnings and ends (every pair of 300: 90,000 calls). */
Test(rewrite, variants_share_a_head)
{
	enum { N = 300 };
	static const char letters[] = "eEsSdi";
	char w[N][8];
	size_t len[N], similar = 0;
	uint32_t seed = 7;
	for (size_t k = 0; k < N; k++) {
		seed = seed * 1103515245u + 12345u;
		len[k] = 1 + (seed >> 16) % 7;
		for (size_t i = 0; i < len[k]; i++) {
			seed = seed * 1103515245u + 12345u;
			w[k][i] = letters[(seed >> 16) % (sizeof letters - 1)];
		}
	}
	for (size_t x = 0; x < N; x++)
		for (size_t y = 0; y < N; y++) {
			if (!rl_similar_words(w[x], len[x], w[y], len[y]))
				continue;
			similar++;
			uint32_t hx = rl_word_head(w[x], len[x]);
			cr_assert(hx != 0 && hx == rl_word_head(w[y], len[y]), "%.*s ~ %.*s", (int)len[x],
			          w[x], (int)len[y], w[y]);
		}
	cr_assert_gt(similar, 100);  /* the property was put to the test */
	cr_assert_eq(rl_word_head("Colour", 6), rl_word_head("color", 5));
	cr_assert_eq(rl_word_head("cat", 3), 0);
	cr_assert_eq(rl_word_head(NULL, 0), 0);
}

Test(rewrite, swaps_read_one_word_at_a_time)
{
	expect("Senior keepers of the harbor met on Monday.", "Veteran keepers of the port met on Monday.",
	       "r Senior > Veteran | = keepers of the | r harbor > port | = met on Monday .", 0);
	/* Two swaps side by side are two replaces, not one block. */
	expect("We will study deployment systems today.", "We will study deployments methods today.",
	       "= We will study | r deployment > deployments | r systems > methods | = today .", 0);
}

Test(rewrite, a_phrase_for_a_word_is_one_replace)
{
	/* "instead" -> "in the place" is one rewrite, never a swap and two insertions; variants
	 * (tide / tides) anchor the cuts between the rest. */
	expect("Instead of tarring hulls at low tide, we rest.",
	       "In the place of varnishing hulls at slack water tides, we rest.",
	       "r Instead > In the place | = of | r tarring > varnishing | = hulls at | "
	       "r low > slack water | r tide > tides | = , we rest .", 0);
	/* Without evidence of where to cut, a rewrite stays whole. */
	expect("Two drives can fail without loss.", "Two drives could break down without loss.",
	       "= Two drives | r can fail > could break down | = without loss .", 0);
}

/* In a sentence reworded elsewhere, a word or two inserted next to a content word is that word
 * grown into a phrase. */
Test(rewrite, a_word_grown_into_a_phrase)
{
	expect("When sanding a red door, wet it.", "When sanding a deep red door, soak it.",
	       "= When sanding a | r red > deep red | = door , | r wet > soak | = it .", 0);
	/* A dropped modifier stays a deletion; an insertion between two content words (or next to
	 * a name) stays an insertion. */
	expect("We saw the old lighthouse.", "We saw the lighthouse.",
	       "= We saw the | d old | = lighthouse .", 0);
	expect("Ask Ana Ruiz now.", "Ask Captain Ana Ruiz now.", "= Ask | i Captain | = Ana Ruiz now .", 0);
}

/* Words added to a sentence that is otherwise kept word for word are an insertion: the word
 * beside them stays kept. The commonest real edit ("We walked to the harbour {+today+}.") was
 * drawn as "[-harbour-] {+harbour today+}", a kept word shown deleted and added again. */
Test(rewrite, words_added_to_a_kept_sentence_are_an_insertion)
{
	expect("We walked to the harbour.", "We walked to the harbour today.",
	       "= We walked to the harbour | i today | = .", 0);
	expect("- the pier repairs go out to tender;\n- the kiosk stays.",
	       "1. the pier repairs go out to tender in spring;\n2. the kiosk stays.",
	       "r - > 1 . | = the pier repairs go out to tender | i in spring | = ; | r - > 2 . | "
	       "= the kiosk stays .", 0);
	expect("When sanding a red door, wet it.", "When sanding a deep red door, wet it.",
	       "= When sanding a | i deep | = red door , wet it .", 0);
	expect("Check whether the name is right.", "Check whether or not the name is right.",
	       "= Check whether | i or not | = the name is right .", 0);
	expect("Boats that need to open gates must call.", "Boats that need to open up gates must call.",
	       "= Boats that need to open | i up | = gates must call .", 0);
}

/* In a sentence whose words were swapped as well, a word grown into a phrase is still one
 * rewrite: the rule that keeps the pieces added to a sentence apart ("voted {+five+} to ...
 * {+old+}") reads no rewording there. The word may be an equal op of its own between two
 * changes, or grow on both sides. */
Test(rewrite, a_word_grown_into_a_phrase_in_a_reworded_sentence)
{
	expect("Ship the new lamp to the keeper at once.",
	       "Ship the brand new lantern to the keeper at once.",
	       "= Ship the | r new > brand new | r lamp > lantern | = to the keeper at once .", 0);
	expect("For a quicker passage, use the north channel.",
	       "For a faster passage, make use of the north channel.",
	       "= For a | r quicker > faster | = passage , | r use > make use of | = the north channel .",
	       0);
	/* A particle follows its verb, between two content words too. */
	expect("Boats that need to open gates must call.", "Boats that need to open up gates must ring.",
	       "= Boats that need to | r open > open up | = gates must | r call > ring | = .", 0);
	/* In a sentence edited, not rewritten, two words led by a function word after a word are a
	 * phrase of their own added, the word kept. */
	expect("Please telephone the caretaker if the boiler stops again tonight.",
	       "Please ring the caretaker at once if the boiler stops again tonight.",
	       "= Please | r telephone > ring | = the caretaker | i at once | = if the boiler stops "
	       "again tonight .", 0);
	/* An article added before a word is no phrase; nor is a word that moved within its
	 * sentence. */
	expect("The crew will sail to harbor and rest.", "The crew will sail to a harbor and sleep.",
	       "= The crew will sail to | i a | = harbor and | r rest > sleep | = .", 0);
	expect("They are weighing a petition to force a vote, which would require signatures.",
	       "They are weighing a vote petition, which needs signatures.",
	       "= They are weighing a | i vote | = petition | d to force a vote | = , which | "
	       "r would require > needs | = signatures .", 0);
}

/* Two words led by a function word before a word ("{+have reportedly+} discussed") are the
 * verb's own words added, not the word rewritten into a phrase: the word stays kept, in a
 * reworded sentence too; nor do they grow the word before them ("man {+has ever+} sat"). */
Test(rewrite, words_led_by_a_function_word_leave_the_next_word_kept)
{
	expect("The crew discussed leaving the harbour at dawn.",
	       "The crew have reportedly discussed quitting the harbour at dawn.",
	       "= The crew | i have reportedly | = discussed | r leaving > quitting | = the harbour "
	       "at dawn .", 0);
	expect("Whereon yet never man sat, they said.", "On which no man has ever sat, they said.",
	       "r Whereon > On | r yet > which | r never > no | = man | i has ever | = sat , they "
	       "said .", 0);
}

Test(rewrite, switched_off)
{
	expect("We will study deployment systems today.", "We will study deployments methods today.",
	       "= We will study | r deployment systems > deployments methods | = today .",
	       RL_STAGE_SWAPS);
	expect("When sanding a red door, wet it.", "When sanding a deep red door, wet it.",
	       "= When sanding a | i deep | = red door , wet it .", RL_STAGE_SWAPS);
}

Test(rewrite, words_pair_only_with_words)
{
	/* "built his" -> "’s": as many tokens each side, but a word is no swap for an apostrophe. */
	expect("The keeper built his cottage.", "The keeper’s cottage.",
	       "= The keeper | r built his > ’ s | = cottage .", 0);
}

/* A phrase inserted between two content words grew from the one that stands alone between it
 * and another change: "software" here, not "distributed in". */
Test(rewrite, a_phrase_between_two_content_words_grows_from_the_lone_one)
{
	expect("We describe software distributed in kits.",
	       "We explain software program distributed in kits.",
	       "= We | r describe > explain | r software > software program | = distributed in kits .", 0);
}

/* In a reworded sentence, a capital that starts a sentence is no name: the phrase grows from that word ("Software" ->
 * "Software program"), never from the word after it ("covered" -> "program covered" lost a
 * kept word). */
Test(rewrite, a_sentence_initial_capital_can_grow_into_a_phrase)
{
	expect("The list is long. Software is free.", "The list is long. Software program is gratis.",
	       "= The list is long . | r Software > Software program | = is | r free > gratis | = .", 0);
	expect("The list is long. Software covered by it is free.",
	       "The list is long. Software program covered by it is free.",
	       "= The list is long . Software | i program | = covered by it is free .", 0);
}

/* "use of" -> "make use of of": the exact diff matches the phrase's own "of"; the match slides
 * to the second copy and the word reads as grown on both sides. */
Test(rewrite, a_phrase_that_ends_with_the_next_word_grows_once)
{
	expect("The universal use of compilers made it rare.",
	       "The universal make use of of compiler made it rare.",
	       "= The universal | r use > make use of | = of | r compilers > compiler | = made it rare .",
	       0);
}

/* In a reworded sentence, a function word grown into an idiom by a conjunction ("whether or
 * not", "each and every") is that word rewritten; an article added before a word is still an
 * insertion. */
Test(rewrite, a_function_word_grown_into_an_idiom)
{
	expect("Check whether the name is right.", "Check whether or not the name is correct.",
	       "= Check | r whether > whether or not | = the name is | r right > correct | = .", 0);
	expect("Paint each door of the shed.", "Paint each and every door of the barn.",
	       "= Paint | r each > each and every | = door of the | r shed > barn | = .", 0);
	expect("Walk to hotel and rest.", "Walk to a hotel and rest.",
	       "= Walk to | i a | = hotel and rest .", 0);
}

/* A number or a name added after a word is news added to it, not the word rewritten: "spring"
 * stays kept when "next spring" becomes "the spring of 2026" (it was "[-spring-] {+spring of
 * 2026+}", a kept word lost). */
Test(rewrite, a_number_added_after_a_word_leaves_it_kept)
{
	expect("Work on the quay starts next spring.", "Work on the quay starts in the spring of 2026.",
	       "= Work on the quay starts | r next > in the | = spring | i of 2026 | = .", 0);
	expect("The ferry runs on Sundays.", "The ferry runs on Sundays in August.",
	       "= The ferry runs on Sundays | i in August | = .", 0);
}

/* Stop 37: a conjunction and a new word after a content word coordinate a sibling with it, they
 * do not rewrite it: the word stays kept in a sentence reworded elsewhere too (it was "[-rabbits-]
 * {+rabbits and deer+}", a kept word shown deleted and added again). */
Test(rewrite, a_word_coordinated_with_a_new_one_stays_kept)
{
	expect("The fence stops rabbits.", "This fence stops rabbits and deer.",
	       "r The > This | = fence stops rabbits | i and deer | = .", 0);
	expect("The fence stops rabbits.", "This fence stops rabbits or goats.",
	       "r The > This | = fence stops rabbits | i or goats | = .", 0);
	/* A table's row (a document's, its cells apart by " | "), a figure changed in another
	 * cell: the hedges report's row as Word gives it. */
	expect("Lane | Hawthorn | £412 | Planted in January\n\nSchool field | Hazel | £180 | Guards "
	       "needed against rabbits\n\nMill path | Maple | £655 | Ditch cleared",
	       "Lane | Hawthorn | £412 | Planted in January\n\nSchool field | Hazel | £215 | Guards "
	       "needed against rabbits and deer\n\nMill path | Maple | £655 | Ditch cleared",
	       "= Lane | Hawthorn | £ 412 | Planted in January School field | Hazel | £ | r 180 > 215 | "
	       "= | Guards needed against rabbits | i and deer | = Mill path | Maple | £ 655 | Ditch "
	       "cleared", 0);
}

/* A figure edited ("[-180-] {+190+}") or a change in another cell of a table's row is no
 * rewording of the words around a word added: the word beside it stays kept ("against {+wild+}
 * rabbits" was "[-rabbits-] {+wild rabbits+}", and "[-180 stop-] {+190 stop wild+}"). */
Test(rewrite, a_figure_or_another_cell_changed_rewords_no_clause)
{
	expect("Pens of 180 stop rabbits.", "Pens of 190 stop wild rabbits.",
	       "= Pens of | r 180 > 190 | = stop | i wild | = rabbits .", 0);
	expect("Field A | Guards needed against rabbits.", "Pitch B | Guards needed against wild rabbits.",
	       "r Field > Pitch | r A > B | = | Guards needed against | i wild | = rabbits .", 0);
	expect("Field 180 | Guards needed against rabbits.",
	       "Field 190 | Guards needed against rabbits today.",
	       "= Field | r 180 > 190 | = | Guards needed against rabbits | i today | = .", 0);
	/* A change in the same cell still rewords it. */
	expect("Field | When sanding a red door, wet it.", "Field | When sanding a deep red door, soak it.",
	       "= Field | When sanding a | r red > deep red | = door , | r wet > soak | = it .", 0);
}

/* Whether a sentence is mostly kept counts its words kept in the equal op that runs into it
 * from the sentence before: a sentence after a kept one was read as rewritten (its first words
 * not counted), and "the caretaker {+at once+}" drawn "[-caretaker-] {+caretaker at once+}"
 * there, though kept as the first sentence of a text. */
Test(rewrite, a_sentence_after_a_kept_one_counts_all_its_kept_words)
{
	expect("The gate is shut. Please telephone the caretaker if the boiler stops tonight.",
	       "The gate is shut. Please ring the caretaker at once if the boiler stops tonight.",
	       "= The gate is shut . Please | r telephone > ring | = the caretaker | i at once | = if the "
	       "boiler stops tonight .", 0);
}
