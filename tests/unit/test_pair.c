/* Tests for pair.c: bullets beside the sentences they summarize; unrelated sentences unpaired. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "align.h"
#include "fixtures.h"
#include "ops_text.h"
#include "opvec.h"
#include "pair.h"
#include "script_check.h"
#include "status.h"

static char *run(const char *a, const char *b, unsigned off)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.stages &= ~off;
	return diff_text(a, b, &o);
}

#define SOURCE "Top members of the harbor board discussed selling the tower, the Brannock " \
	"Light, and instead leasing it, reports the Ledger.\n\n"                                  \
	"Officials told the Ledger that the board had finished the survey of the Brannock Light, " \
	"but postponed the vote due to disappointing repair estimates.\n"
#define BULLETS "Top members of the harbor board have paused work on the sale of the tower.\n" \
	"- Brannock Light had finished its initial survey before the vote\n"                      \
	"- Repair estimates came in disappointing\n"

Test(pair, a_bullet_beside_its_source_sentence)
{
	char *got = run(SOURCE, BULLETS, 0);
	/* Each bullet stands beside the sentence it restates: the first opens where the second
	 * sentence opens, the second shares words with "disappointing repair estimates"... */
	cr_assert_not_null(strstr(got, "| = . | r Officials told the Ledger that the board > - "
	                               "Brannock Light | = had finished |"), "%s", got);
	cr_assert_null(strstr(got, "i - Repair estimates"), "%s", got);
	free(got);
	/* ...where the word diff alone runs the first bullet into the sentence before it and leaves
	 * the second an insertion. */
	script_has(SOURCE, BULLETS, without(RL_STAGE_SENTENCES),
	           "= Brannock Light | d , and instead leasing it");
	script_has(SOURCE, BULLETS, without(RL_STAGE_SENTENCES),
	           "i - Repair estimates came in disappointing");
}

Test(pair, the_summary_example)
{
	size_t la, lb;
	char *a = fixture_read("examples/lighthouse-1-original.txt", &la);
	char *b = fixture_read("examples/lighthouse-3-summary.txt", &lb);
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a, la, b, lb, &o), RL_OK);
	char *got = ops_text(al);
	/* The last bullet stands beside the last paragraph's first sentence, the referendum. */
	cr_assert_not_null(strstr(got, "= Opponents"), "%s", got);
	cr_assert_not_null(strstr(got, "= signatures from 10 % of registered voters within 30 days ."),
	                   "%s", got);
	/* The opening bullet beside the opening sentence. */
	cr_assert_not_null(strstr(got, "The Town Council voted 5 - 2 on Monday |"), "%s", got);
	free(got);
	rl_alignment_free(al);
	free(a);
	free(b);
}

Test(pair, unrelated_sentences_share_no_word)
{
	/* One sentence replaced by an unrelated one: a rewrite of the whole sentence, with no word
	 * ("the", "it") matched across. */
	script_is("The ferry left at noon. Gulls followed it out of the bay as the tide turned. "
	          "The captain waved. Nobody on the quay waved back.",
	          "The ferry left at noon. Taxes on fuel went up again in March as the price of "
	          "oil rose. The captain waved. Nobody on the quay waved back.", NULL,
	          "= The ferry left at noon . | r Gulls followed it out of the bay as the "
	          "tide turned > Taxes on fuel went up again in March as the price of oil "
	          "rose | = . The captain waved . Nobody on the quay waved back .");
}

/* One long OLD sentence of distinct words; NEW many short paragraphs of four of its words each, in
 * the reverse order, so that the word diff keeps almost nothing and every paragraph joins the
 * group of the one paired with the long sentence. Each join tested the paragraph against the whole
 * long sentence again: quadratic, 15 s of CPU here. Its words are now marked once per group and
 * side: half a second. Bounded by CPU time, never by the clock; the bound grows with
 * $REDLINE_ROUNDS_DIVISOR, which the valgrind run sets, being that much slower. */
Test(pair, many_short_units_joining_one_long_one_stay_linear, .timeout = 1200)
{
	enum { WORDS = 800000, UNITS = 80000, STEP = WORDS / UNITS };
	size_t cap = (size_t)WORDS * 9 + 16, la = 0, lb = 0;
	char *a = malloc(cap), *b = malloc(cap);
	cr_assert(a && b);
	for (int i = 0; i < WORDS; i++)
		la += (size_t)snprintf(a + la, cap - la, i ? " w%d" : "w%d", i);
	la += (size_t)snprintf(a + la, cap - la, ".\n");
	for (int u = UNITS - 1; u >= 0; u--)
		lb += (size_t)snprintf(b + lb, cap - lb, "w%d w%d w%d w%d.\n\n", u * STEP, u * STEP + 1,
		                       u * STEP + 2, u * STEP + 3);
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_alignment *al;
	clock_t t0 = clock();
	cr_assert_eq(rl_diff(&al, a, la, b, lb, &o), RL_OK);
	double cpu = (double)(clock() - t0) / CLOCKS_PER_SEC;
	double bound = 8.0 * (test_rounds(1000000) > 0 ? 1000000.0 / test_rounds(1000000) : 1.0);
	cr_assert_lt(cpu, bound, "%.1f s of CPU (bound %.0f s)", cpu, bound);
	rl_alignment_free(al);
	free(a);
	free(b);
}

/* An old-fashioned passage against a modern rendering (our own text): the middle sentence has no
 * content word in common with its new form ("days were accomplished" / "day had come"), only
 * "while they were there, the", which the word diff keeps. Sentence pairing left it unpaired
 * between its two neighbours' pairs, a deletion beside an insertion, and lost those kept words. */
#define NATIVITY_OLD \
	"And Martha also went down from the hills, out of the village of Elmwood, into the valley,\n" \
	"unto the town of the miller, which is called Ashford; (because she was of the house and\n" \
	"lineage of the miller:) To be counted with Tom her espoused husband, being great with\n" \
	"child. And so it was, that, while they were there, the days were accomplished that she\n" \
	"should be delivered. And she brought forth her firstborn daughter, and wrapped her in\n" \
	"blankets, and laid her in a crib; because there was no room for them in the inn.\n"
#define NATIVITY_NEW \
	"Martha also went down from the hills, out of the village of Elmwood, into the valley, to " \
	"the miller\u2019s town, which is called Ashford, because she was of the house and family of " \
	"the miller, to register herself with Tom, who was pledged to be married to her as husband, " \
	"being pregnant. While they were there, the day had come for her to give birth. She gave " \
	"birth to her firstborn daughter. She wrapped her in blankets, and laid her in a crib, " \
	"because there was no room for them in the inn.\n"

Test(pair, pairing_keeps_the_words_the_word_diff_kept)
{
	script_has(NATIVITY_OLD, NATIVITY_NEW, NULL, "= they were there , the");
	script_lacks(NATIVITY_OLD, NATIVITY_NEW, NULL,
	             "d And so it was , that , while they were there");
}

/* A modern rendering with quotations against an old one without (our own text): "All were crying
 * and mourning him, but she said, “Don’t cry. He isn’t drowned, but sleeping.”" is three
 * units, split at the quotation, and the old sentence is one. Only the last piece shares enough
 * with it to pair; the first, one content word in common, was left in the gap before the pair and
 * deleted whole, and the word diff of the pair alone kept too little to stand: the sentence was
 * drawn as a deletion and an insertion, losing "and", "him", "but she said", "drowned, but", which
 * the word diff kept. A unit next to a pair joins it when the word diff kept words between them. */
#define FERRY_OLD \
	"While she was still speaking, a servant came from the miller\u2019s house, saying to her, " \
	"\u201cYour son has drowned. Don\u2019t trouble the ferryman.\u201d But Marta, hearing it, " \
	"answered him, \u201cDon\u2019t be afraid. Only trust, and he will be saved.\u201d When the old " \
	"ferryman finally reached the new wooden landing below the mill, he let no one board his " \
	"little boat with him except Anna, Piet, and the boy\u2019s father and mother, who were " \
	"waiting on the muddy shore in the cold rain with the two fishermen from the far northern " \
	"village. All were crying and mourning him, but she said, \u201cDon\u2019t cry. He isn\u2019t " \
	"drowned, but sleeping.\u201d They were mocking her, knowing that he was drowned. But she " \
	"sent them all away, and taking him by the arm, she called, saying, \u201cBoy, wake!\u201d\n"
#define FERRY_NEW \
	"While she yet spake, there cometh one from the miller\u2019s house, saying to her, Thy son " \
	"is drowned; trouble not the ferryman. But when Marta heard it, she answered him, saying, " \
	"Fear not: trust only, and he shall be saved. And when the aged ferryman at last came unto " \
	"the fresh timber landing beneath the mill, he suffered no man to go into his small vessel " \
	"with him, save Anna, and Piet, and the father and the mother of the lad, which tarried upon " \
	"the miry bank in the bitter storm with the twain fishers out of the distant northern town. " \
	"And all wept, and bewailed him: but she said, Weep not; he is not drowned, but sleepeth. And " \
	"they laughed her to scorn, knowing that he was drowned. And she put them all out, and took " \
	"him by the arm, and called, saying, Lad, arise.\n"

Test(pair, a_sentence_split_at_a_quotation_keeps_its_words)
{
	script_has(FERRY_OLD, FERRY_NEW, NULL, "= but she said ,");
	script_has(FERRY_OLD, FERRY_NEW, NULL, "= drowned , but");
	script_lacks(FERRY_OLD, FERRY_NEW, NULL, "d All were crying and mourning him , but she said");
}

/* Sentences pair by the stems of their content words, their first five characters: the plural of
 * a short word ("boats", "nets", "hulls") kept its "s" there and met nothing, so a bullet that
 * restates a sentence in plurals shared too few words with it and was left an insertion. */
Test(pair, a_bullet_in_plurals_beside_its_source)
{
	const char *a = "Top members of the harbor board discussed selling the tower, the Brannock "
	                "Light, and instead leasing it, reports the Ledger.\n\n"
	                "Officials told the Ledger that the crews had checked every hull and deck of "
	                "the fleet, but the boat sheds and the net lofts still need paint before "
	                "winter.\n";
	const char *b = "Top members of the harbor board have paused work on the sale of the tower.\n"
	                "- Hulls and decks were checked by crews\n"
	                "- Boats, nets and lofts wait for paint\n";
	script_lacks(a, b, NULL, "i - Boats");
	script_has(a, b, NULL, "= lofts");
	script_has(a, b, NULL, "= paint");
}

/* A short sentence rewritten in its slot, every noun and verb swapped, between two sentences
 * that pair ("Close the gate." -> "Shut the door."): pairing left it unpaired, and with one word
 * kept ("the", a possible coincidence) the gap was a deletion and an insertion. One unit on each
 * side, of about the same length, in the same slot is a sentence rewritten: diffed word by word. */
Test(pair, a_sentence_rewritten_in_its_slot_between_pairs)
{
	char *got = run("Changed in spring 2024: The new harbor gates are now locked at night. Close the "
	                "gate. Return a pair of keys (front, back) usable for opening and closing, "
	                "respectively. The new harbor gate is locked.",
	                "Modified in spring 2024: The new harbor gate are now locked at night.\n\nShut "
	                "the door. Give back a pairs of key (front, back) usable for unlocking and "
	                "shutting, respectively. fees have been raised since June.", 0);
	cr_assert_not_null(strstr(got, "| r Close > Shut | = the | r gate > door | = . |"), "%s", got);
	cr_assert_null(strstr(got, "d Close"), "%s", got);
	free(got);
}

/* A sentence rewritten in its slot at the edge of a gap between pairs, with more beside it: OLD
 * deletes a sentence before it, NEW puts list lines there. The gap is no single slot, so it was
 * all deleted and inserted, the rewritten sentence's swaps and kept words ("that", "equal to oil"
 * kept further on) with it. The sentences at the gap's edges, about as long and with a word the
 * word diff kept between them, are diffed word by word; the rest is deleted and inserted. */
#define LEDGER_OLD "Keepers MUST log every lamp change, visitors of the upper gallery SHOULD be " \
	"able to climb\nup to the MAX_FLOOR landing.\n\nA ledger of lamp hours of length days "        \
	"recording the burn of the lamp as a daily table. Note that hours[0] * ... * "                  \
	"hours[days-1] *\nwick MUST be equal to oil.\n\nLamp values are limited to hours[n] >= 0.\n"
#define LEDGER_NEW "Keepers MUST\nlogs every lamps change, visitor of the upper gallerys OUGHT TO " \
	"be able to ascend\nup to the MAX_FLOORS landing.\n\n- OUGHT TO be able to\n- To 64. "        \
	"Keepers SHOULD logs every lamps change, visitor of the upper\n- To 64. Keepers MUST logs "     \
	"every lamps change\n\nNotice that hour[zero] * ... * hour[day-1] * wicks SHOULD be equal to " \
	"oil.\n\nLamp figures are limited to hours[n] >= zero.\n"

Test(pair, a_sentence_rewritten_at_the_edge_of_a_gap)
{
	script_has(LEDGER_OLD, LEDGER_NEW, NULL, "r Note > Notice | = that |");
	script_has(LEDGER_OLD, LEDGER_NEW, NULL,
	           "d A ledger of lamp hours of length days recording the burn of the lamp as a daily "
	           "table . |");
	script_lacks(LEDGER_OLD, LEDGER_NEW, NULL, "i Notice");
}

/* The bullets of a_bullet_beside_its_source_sentence in other cases, plurals and accents
 * ("BRANNOCK", "surveys", "Répair"): pairing's stems fold ASCII case and a short word's plural
 * whether a word is ASCII or not, so that the first bullet still stands beside the sentence it
 * restates. */
#define BULLETS_CASED "TOP MEMBERS of the harbor board have paused work on the sale of the tower.\n" \
	"- BRANNOCK LIGHT had finished its initial SURVEYS before the VOTES\n"                  \
	"- Répair ESTIMATES came in disappointing\n"

Test(pair, bullets_in_other_cases_beside_their_source)
{
	const char *beside = "| = . | r Officials told the Ledger that the board > - BRANNOCK LIGHT "
	                     "| = had finished |";
	script_has(SOURCE, BULLETS_CASED, NULL, beside);
	/* (The word diff alone runs the sentence and both bullets into one replace.) */
	script_lacks(SOURCE, BULLETS_CASED, without(RL_STAGE_SENTENCES), beside);
}

/* The stems table is sized by the ids (stems_init): under fold_case one id may hold words whose
 * stems differ (a stem folds ASCII letters only: "kdé" and "kdÉ" share an id, not a stem), so a
 * text whose every word comes in both forms has twice as many stems as ids and must grow the
 * table rather than fill it (a full table would never find a free slot). OLD one long sentence,
 * NEW short paragraphs of its words in the reverse order, as above, so that the sentences stage
 * indexes the long sentence. */
Test(pair, more_stems_than_ids_under_fold_case)
{
	enum { IDS = 600, UNITS = IDS / 2 };
	static char a[IDS * 16], b[IDS * 16];
	size_t la = 0, lb = 0;
	char w[IDS][8];
	for (int i = 0; i < IDS; i++)
		snprintf(w[i], sizeof w[i], "%c%c%c", 'a' + i / 26 / 26 % 26, 'a' + i / 26 % 26,
		         'a' + i % 26);
	for (int i = 0; i < IDS; i++)
		la += (size_t)snprintf(a + la, sizeof a - la, "%s%sé %sÉ", i ? " " : "", w[i], w[i]);
	la += (size_t)snprintf(a + la, sizeof a - la, ".\n");
	for (int u = UNITS - 1; u >= 0; u--)
		lb += (size_t)snprintf(b + lb, sizeof b - lb, "%sÉ %sé.\n\n", w[2 * u + 1], w[2 * u]);
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.key.fold_case = true;
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a, la, b, lb, &o), RL_OK);
	size_t n;
	const rl_op *ops = rl_alignment_ops(al, &n);
	size_t words = 0;
	for (size_t k = 0; k < n; k++)
		words += ops[k].b1 - ops[k].b0;
	cr_assert_gt(words, 0);
	rl_alignment_free(al);
}

/* A paragraph rewritten in place, nearly every noun and number swapped. OLD's "CREW_TEAMS - 1"
 * reads as a list item run into the text (a dash before a number), NEW's "- one" does not, so
 * the units are out of step; pairing them turned the sentence "The value of team_number must be
 * between 1 and" into a deletion and an insertion, losing its swaps and kept words. */
#define SWAPPED_OLD "Change the layout of a crew-team. It takes three values: the number of the " \
	"crew-team to be changed,\nthe front shade number, and the rear shade number. The value of " \
	"team_number must be between 1 and\nCREW_TEAMS - 1 (the 0 crew team is bolted to red on " \
	"blue and cannot be changed). The value of up and dn\nvalues must be between 0 and SHADES - " \
	"1, or, after calling use_plain_shades(), -1. If the crew-team was\npreviously prepared, the " \
	"board is repainted and all copies of that crew-team are changed to the new\nlayout.\n"
#define SWAPPED_NEW "Modify the layouts of a crew-teams. The worth of teams_quantity\nshould " \
	"be amongst one and CREW_TEAM - one (the zero crew teams is\nbolted to reds on blues and " \
	"can not be modified). The worth of up and\ndn inputs should be betwixt zero and SHADES - " \
	"one, or, following\ncalling utilize_normal_shades(), -one.\n"

Test(pair, swaps_in_place_stay_swaps)
{
	char *got = run(SWAPPED_OLD, SWAPPED_NEW, 0);
	cr_assert_not_null(strstr(got, "= The | r value > worth | = of | r team > teams | = _ | "
	                               "r number > quantity | r must > should | = be"), "%s", got);
	cr_assert_null(strstr(got, "i The worth of teams"), "%s", got);
	free(got);
}

/* Issue 10: insertions that follow each other in NEW are one op wherever each stood in OLD: the
 * OLD tokens between their places belong to a moved passage listed elsewhere, whose OLD half the
 * viewer would draw between the pieces of one new sentence. Flags still keep ops apart. */
Test(pair, insertions_in_a_row_are_one_wherever_they_stood)
{
	rl_opvec ops = {0};
	const rl_op v[] = {
		{0, 2, 0, 2, 0, RL_OP_EQUAL, 0},
		{2, 4, 9, 11, 1, RL_OP_MOVE, 0},   /* moved: OLD 2-4 went to NEW 9-11 */
		{2, 2, 2, 5, 0, RL_OP_INSERT, 0},  /* a new sentence in three inserts... */
		{4, 4, 5, 6, 0, RL_OP_INSERT, 0},  /* ...placed in OLD on either side of the move */
		{4, 4, 6, 7, 0, RL_OP_INSERT, RL_QUOTE_ADDED},
		{4, 6, 7, 9, 0, RL_OP_EQUAL, 0},
	};
	cr_assert_eq(rl_opvec_append(&ops, v, sizeof v / sizeof *v), RL_OK);
	cr_assert_eq(rl_normalize(&ops), RL_OK);
	cr_assert_eq(ops.n, 5);
	const rl_op *ins = &ops.v[2];
	cr_assert(ins->kind == RL_OP_INSERT && ins->b0 == 2 && ins->b1 == 6 && ins->a0 == 2 &&
	          ins->a1 == 2, "one insertion, at its first place: b %u-%u a %u", ins->b0, ins->b1,
	          ins->a0);
	cr_assert_eq(ops.v[3].quote, RL_QUOTE_ADDED, "the added quotation stays an op of its own");
	rl_opvec_free(&ops);
}

/* Issue 10: a heading faces a sentence only through words beyond names. A summary's section
 * heading names the craft and the lab its section is about; the sentence of OLD that its bullets
 * restate names both too. The heading was paired with that sentence through the names alone, and
 * its word diff put the heading beside the sentence's first words ("the" kept between them); it
 * stands alone now, above the bullets. */
#define NAMES_OLD "The yard’s crews spent the winter on repairs to the old slipway and the " \
	"harbour wall, and the work is now done.\nSources told the Courier that the Tidewater Lab had " \
	"finished sea trials on Gannet, but delayed its launch because of weak hull speeds.\nThe "   \
	"talks are simply that, talks, and nothing has been signed.\n"
#define NAMES_NEW "Winter repairs finished on the slipway and harbour wall.\n\nBackground on "    \
	"Gannet and the Tidewater Lab\n\n- Tidewater Lab finished its sea trials before holding "    \
	"Gannet back\n- Weak hull speeds were blamed for the delay\n"

Test(pair, a_heading_faces_no_sentence_through_names_alone)
{
	script_has(NAMES_OLD, NAMES_NEW, NULL, "i Background on Gannet and the Tidewater Lab |");
	script_lacks(NAMES_OLD, NAMES_NEW, NULL, "> Background on Gannet and | = the |");
}

/* A heading that shares words beyond names with a sentence still faces it: a page's headline
 * restated by the standfirst of the other side ("lighthouse", "hotel", "developer"). */
#define HEADLINE_OLD "Council votes to sell old lighthouse to hotel developer\n\nBy Ann Reed, "  \
	"The Bay Ledger\n\nBAY TOWN — The Town Council voted on Monday night to sell the Point "     \
	"Light to a hotel developer for two million dollars, ending a long fight over the tower.\n"
#define HEADLINE_NEW "Bay Town agrees to sell Point Light for two million dollars\n\nA split "  \
	"Town Council hands the old lighthouse to a hotel developer, but opponents may still force " \
	"a vote.\n\nThe Town Council voted on Monday night to sell the Point Light to a hotel "      \
	"developer, ending a long fight over the tower.\n"

Test(pair, a_heading_faces_a_sentence_that_restates_it)
{
	script_has(HEADLINE_OLD, HEADLINE_NEW, NULL,
	           "= Council | r votes to sell > hands the | = old lighthouse to |");
}

/* Stop 30: a heading that shares two words with a sentence faces it only if they are whole words,
 * not stems alone. A summary's section title names its subject in nouns ("Dredging Pressures")
 * that the sentence it sums up writes as a verb and an inflection ("under pressure to dredge"):
 * it was paired with that sentence as a rewrite, the heading's words beside the sentence's first
 * ones; it is inserted (a summary's line, which provenance links), the sentence deleted. */
#define STEMS_OLD "The harbour board has spent two years arguing over whether to keep the old "   \
	"ferry pier open to the public.\n\nOfficials told the Courier that the board had finished " \
	"its survey of the pier, but delayed the vote because of weak tide readings.\n\nBut the "    \
	"board is under pressure to dredge beyond the channel as it pours money into new berths.\n" \
	"\nThat includes paying large fees to hire engineers, building new storage sheds and "       \
	"buying a second crane for the yard.\n"
#define STEMS_NEW "Harbour Board Weighs Closing the Ferry Pier\n\n- Board finished its pier "     \
	"survey before delaying the vote\n- Weak tide readings were blamed for the delay\n\n"       \
	"Dredging Pressures and Marina Spending\n\nThe board faces large costs from engineers, "    \
	"storage sheds and a second crane for the yard.\n- Critics say the marina is a poor use of " \
	"harbour money\n"

Test(pair, a_heading_faces_no_sentence_through_stems_alone)
{
	script_has(STEMS_OLD, STEMS_NEW, NULL, "i Dredging Pressures and Marina Spending |");
	script_lacks(STEMS_OLD, STEMS_NEW, NULL, "> Dredging");
	/* A headline that shares whole words with the opening sentence still faces it. */
	script_has(STEMS_OLD, STEMS_NEW, NULL, "> Harbour Board Weighs Closing the Ferry Pier");
}

/* Units left unpaired between two pairs are diffed word by word only where the word diff kept two
 * words between one unit of each side: two digests of different stories, each a heading and three
 * bullets, kept a heading's "What" and the bullets' dashes, a word a pair, and the gap's word
 * diff combed the two lists together row by row; they are a deletion and an insertion. */
Test(pair, two_lists_side_by_side_are_not_combed)
{
	size_t la, lb;
	char *a = fixture_read("examples/lighthouse-5-digest.txt", &la);
	char *b = fixture_read("examples/ferry-2-digest.txt", &lb);
	char *got = diff_text(a, b, NULL);
	cr_assert_null(strstr(got, "= What |"), "%s", got);
	cr_assert_not_null(strstr(got, "d What happens next | d - Opponents"), "%s", got);
	cr_assert_not_null(strstr(got, "i What replaces it | i - A private water taxi"), "%s", got);
	free(got);
	free(a);
	free(b);
}

/* A digest on one line in OLD (a headline and a heading run into their lists, no full stops),
 * every line reworded in NEW and two bullets added that repeat parts of the reworded lines. The
 * pairing set OLD's lines beside the bullets and left NEW's own rewordings of them inserted,
 * losing the words the word diff kept ("its", "in", "will", "a", "Urgent doctor"). NEW is no
 * shorter than OLD, so this is no summary: the pairing stands only where it keeps as many
 * content words, and here the word diff stays. */
#define TARN_OLD "The parish board said it would ask the harbour office to review the plan. A "   \
	"letter against the change has gathered more than 1,800 names, nearly five times the "      \
	"isle\xe2\x80\x99s population. Tarn Isle loses its launch in April What replaces it - A "    \
	"private motor boat will make two runs a week on request - Residents get a reduced fare of " \
	"\xc2\xa3" "3 each way - Urgent doctor visits will be carried at any hour, Hale said Why "   \
	"the board acted - The service loses about \xc2\xa3" "0.9 million a year, with under 60 "  \
	"riders a day - The Tarn Belle would need a new motor and deck repairs worth more than the " \
	"boat - No spare boat could be hired at a fair price\n"
#define TARN_NEW "The parishes boards saids it may request the harbours offices to\nreviews the "  \
	"scheme. A letters versus the changes has gathered\nextra than one,800 name, nearly 5 "      \
	"instances the isles\xe2\x80\x99s\npopulations. Tarns Isles lose its launches in Aprils\n\n" \
	"What replace it - A privates motors boats will create 2 run a weeks\non ask - Resident "   \
	"obtain a reduced fares of \xc2\xa3three every method -\nUrgent doctor visit will be "      \
	"carried at any hours, Hales saids\n\n- What replace it - A privates motors boats will "    \
	"make 2 run\n- Weeks on ask - Resident get hold of a reduced fares of\n\nWhy the boards "   \
	"acted - The service lose regarding \xc2\xa3zero.nine millions a\nyr, with beneath 60 "    \
	"rider a date - The Tarns Belles may want a\nbrand new motors and decks repair worths "     \
	"extra than the boats - No\nspares boats might be hired at a fair prices\n"

Test(pair, a_reworded_line_stays_beside_its_own_not_a_bullet_repeating_it)
{
	script_has(TARN_OLD, TARN_NEW, NULL, "r loses > lose | = its | r launch > launches | = in |");
	script_has(TARN_OLD, TARN_NEW, NULL, "= - Urgent doctor |");
	script_lacks(TARN_OLD, TARN_NEW, NULL, "i Tarns Isles");
}
