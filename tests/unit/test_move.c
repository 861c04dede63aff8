/* Tests for move.c: paragraphs that moved, with or without edits, and what is not a move. */
#if defined(__linux__)
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE  /* mincore */
#endif
#include <sys/mman.h>
#endif
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "bigmem.h"
#include "move_stage.h"
#include "order.h"
#include "opvec.h"
#include "pipeline.h"
#include "fixtures.h"
#include "move_fixtures.h"
#include "ops_text.h"
#include "script_check.h"
#include "status.h"
#include "text_ctx.h"

#define P2B "A storm had broken four moorings during the night, and two boats were missing from " \
            "the north pier."

/* p, then P1 to P4, as paragraphs in out (1024 bytes). */
static void first_of_five(char out[1024], const char *p)
{
	snprintf(out, 1024, "%s\n\n%s\n\n%s\n\n%s\n\n%s\n", p, P1, P2, P3, P4);
}

/* P1 to P4, then p, as paragraphs in out (1024 bytes). */
static void last_of_five(char out[1024], const char *p)
{
	snprintf(out, 1024, "%s\n\n%s\n\n%s\n\n%s\n\n%s\n", P1, P2, P3, P4, p);
}

/* A paragraph moved from the top (old) to the end (as new), P1 to P4 between. */
static void moved_down(char a[1024], char b[1024], const char *old, const char *new_)
{
	first_of_five(a, old);
	last_of_five(b, new_);
}

/* A paragraph moved from the end (old) to the top (as new). */
static void moved_up(char a[1024], char b[1024], const char *old, const char *new_)
{
	last_of_five(a, old);
	first_of_five(b, new_);
}

/* a against b has one moved passage at most (no "m2"). */
static void one_move(const char *a, const char *b)
{
	char *got = run(a, b, 0);
	cr_assert_null(strstr(got, "m2"), "one move: %s", got);
	free(got);
}

Test(move, a_paragraph_moved_verbatim)
{
	script_is(P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\n" P5 "\n",
	          P1 "\n\n" P3 "\n\n" P4 "\n\n" P2 "\n\n" P5 "\n", NULL,
	          "= The harbor master opened the gates at dawn and counted the boats . | "
	          "= By noon the fishermen had gathered at the cooperative to sell the "
	          "morning catch . Prices were low again this week because the cannery "
	          "bought less than usual . | m1 A storm had broken three moorings during "
	          "the night , and two skiffs were missing from the north pier . | "
	          "= The mayor promised to visit the pier on Friday .");
	char *got = run(P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\n" P5 "\n",
	          P1 "\n\n" P3 "\n\n" P4 "\n\n" P2 "\n\n" P5 "\n", RL_STAGE_MOVES);
	cr_assert_null(strstr(got, "m1"), "no move with the stage off: %s", got);
	cr_assert_not_null(strstr(got, "d A storm had broken"), "%s", got);
	free(got);
}

Test(move, edits_inside_a_move_carry_its_id)
{
	script_has(P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\n" P5 "\n",
	           P1 "\n\n" P3 "\n\n" P4 "\n\n" P2B "\n\n" P5 "\n", NULL,
	           "| m1 A storm had broken | r1 three > four | m1 moorings during "
	           "the night , and two | r1 skiffs > boats | m1 were missing");
}

Test(move, what_is_not_a_move)
{
	/* A short phrase that recurs is no passage. */
	script_lacks("The boats left early. Later the boats came back with fish.",
	             "Later the boats came back. The boats left early with fish.", NULL, "m1");
	/* Text rewritten in place is not moved, however the exact diff scattered it. */
	script_lacks(P1 " " P3 " " P5, P1 " " P3 " Anyway, " P5, NULL, "m1");
}

Test(move, the_rewrite_example_has_two_moves)
{
	size_t la, lb;
	char *a = fixture_read("examples/lighthouse-1-original.txt", &la);
	char *b = fixture_read("examples/lighthouse-4-rewrite.txt", &lb);
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a, la, b, lb, &o), RL_OK);
	const rl_stats *st = rl_alignment_stats(al);
	cr_assert_eq(st->moves, 2, "block 6 (verbatim) and block 10 (edited) moved");
	cr_assert_gt(st->moved, 110);
	/* Block 10's three word changes are edits inside its move. */
	char *got = ops_text(al);
	cr_assert_not_null(strstr(got, "r2 retired > former"), "%s", got);
	cr_assert_not_null(strstr(got, "r2 end > close"), "%s", got);
	cr_assert_not_null(strstr(got, "r2 loud > long"), "%s", got);
	free(got);
	rl_alignment_free(al);
	free(a);
	free(b);
}

#define S1 "A systemd service file describes a process managed by systemd, its dependencies on " \
           "other units and the way it is started and stopped by the system."
#define S2 "The unit section contains generic information about the service, like its " \
           "description and manual page resources, as well as relations to other services."
#define S3 "A systemd target file describes a state of the system, a set of units that must be " \
           "active together for that state to be reached at boot."
#define S4 "Keeper logs record every storm, every ship sighted and every repair made to the lamp, " \
           "the lens and the clockwork that turned it, written each night in the same brown ink " \
           "by whoever held the post that year, and kept in a tin box in the watch room."

Test(move, paragraphs_in_reverse_order_all_move)
{
	/* S2 sits between S1 and S3 on both sides, and the shingles of S1 and S3 share a phrase
	 * ("file describes a") on its diagonal: the chain of S2 must not leap over the paragraph
	 * edge into them, nor run on into their first words. */
	const char *a = S1 "\n\n" S2 "\n\n" S3 "\n\n" S4 "\n";
	const char *b = S4 "\n\n" S3 "\n\n" S2 "\n\n" S1 "\n";
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a, strlen(a), b, strlen(b), &o), RL_OK);
	const rl_stats *st = rl_alignment_stats(al);
	char *got = ops_text(al);
	cr_expect_eq(st->moves, 3, "%s", got);
	cr_expect_eq(st->deleted + st->inserted + st->replaced[0] + st->replaced[1], 0,
	             "every word kept: %s", got);
	free(got);
	rl_alignment_free(al);
}

/* An archaic parable against a modern rendering of it, sentence for sentence (our own text, in
 * the manner of a King James verse beside a modern translation): nothing moved. The exact diff
 * scatters the rewritten sentences; a move taking "I will pull down my shelves … my heart"
 * across them (a move inside one sentence pair) lost the in-place "said", "This", "do" and
 * broke the side-by-side. */
#define PARABLE_OLD \
	"And the elder said unto them, Take heed, and beware of greed: for a baker's life\n" \
	"consisteth not in the number of the loaves which he selleth. And he spake a story\n" \
	"unto them, saying, The oven of a certain rich baker brought forth plentifully: And he\n" \
	"thought within himself, saying, What shall I do, because I have no room where to\n" \
	"bestow my loaves? And he said, This will I do: I will pull down my shelves, and build\n" \
	"greater; and there will I bestow all my loaves and my flour. And I will say to my\n" \
	"heart, Heart, thou hast much flour laid up for many winters; take thine ease, sleep,\n" \
	"sing, and be glad. But the elder said unto him, Thou dreamer, this winter thy heart\n" \
	"shall be asked of thee: then whose shall those loaves be, which thou hast baked?\n"
#define PARABLE_NEW \
	"The elder said to them, \u201cBeware! Keep yourselves from greed, for a baker\u2019s life " \
	"doesn\u2019t consist of the number of the loaves which he sells.\u201d He spoke a story to " \
	"them, saying, \u201cThe oven of a certain rich baker produced abundantly. He reasoned " \
	"within himself, saying, \u2018What will I do, because I don\u2019t have room to store my " \
	"rolls?\u2019 He said, \u2018This is what I will do. I will pull down my shelves, build " \
	"bigger ones, and there I will store all my bread and my flour. I will tell my heart, " \
	"\u201cHeart, you have much flour laid up for many winters. Take your ease, sleep, sing, " \
	"and be glad.\u201d\u2019 \u201cBut the elder said to him, \u2018You dreamer, this winter " \
	"your heart is asked of you. The loaves which you have baked\u2014whose will they be?\u2019\n"

Test(move, a_verse_rewritten_in_place_does_not_move)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, PARABLE_OLD, strlen(PARABLE_OLD), PARABLE_NEW, strlen(PARABLE_NEW),
	                     &o), RL_OK);
	const rl_stats *st = rl_alignment_stats(al);
	char *got = ops_text(al);
	cr_expect_eq(st->moves, 0, "%s", got);
	/* The sentence keeps its words where it stands. */
	cr_expect_not_null(strstr(got, "= This"), "%s", got);
	cr_expect_not_null(strstr(got, "= I will pull down my shelves ,"), "%s", got);
	free(got);
	rl_alignment_free(al);
}

/* A one-sentence paragraph moved from the top to the end with five of its fourteen words
 * swapped is still a move (it matched under 0.7 of its words, the old bar for a short move). */
Test(move, a_short_paragraph_moved_and_reworded)
{
	const char *moved_old = "The keeper's daughter painted the lantern room red every spring for "
	                        "thirty years.";
	const char *moved_new = "The keeper's girl coated the lamp room crimson every spring for "
	                        "thirty summers.";
	char a[1024], b[1024];
	moved_down(a, b, moved_old, moved_new);
	script_has(a, b, NULL, "m1 The keeper ' s");
	script_has(a, b, NULL, "m1 every spring for thirty");
}

/* A sentence moved and reworded: the possessive "’s" of "the Brannock family’s" and of
 * "Halloway’s" match, but drawn as a moved piece on its own it split the rewrite in two; it
 * joins the changes around it. */
Test(move, no_fragment_moves_alone)
{
	const char *moved_old = "He loudly praised the Brannock family\u2019s openness as a model for "
	                        "the other harbor towns, which the critics along the coast called naive "
	                        "and costly.";
	const char *moved_new = "Through the Brannock family of keepers, the mayor openly praised "
	                        "Halloway\u2019s welcome as a model for the other harbor towns, which the "
	                        "critics along the coast called naive and costly.";
	char a[1024], b[1024];
	moved_down(a, b, moved_old, moved_new);
	script_has(a, b, NULL, "m1 the Brannock family");
	script_lacks(a, b, NULL, "m1 \u2019 s |");
	script_has(a, b, NULL, "r1 \u2019 s openness > of keepers");
}

/* A one-sentence paragraph moved from the top to the end with half its words swapped: it shares
 * runs of two words ("winter the", "the ferry", "for the") but no run of three with a content
 * word, so only the second, two-word shingle pass proposes it; it matches 10 of its 21 words,
 * under the half a short move once needed. */
Test(move, a_paragraph_moved_with_half_its_words_swapped)
{
	const char *moved_old = "Each winter the crew hauled the ferry onto the slipway and scraped "
	                        "its keel before painting it blue for the tourists.";
	const char *moved_new = "Every winter the team dragged the ferry up the ramp and scrubbed its "
	                        "hull ahead of coating it navy for the visitors.";
	char a[1024], b[1024];
	moved_down(a, b, moved_old, moved_new);
	script_has(a, b, NULL, "m1 winter the");
	script_has(a, b, NULL, "m1 the ferry");
	script_has(a, b, NULL, "m1 for the");
	one_move(a, b);
}

Test(move, a_line_moved_from_the_end_to_the_top)
{
	/* A wiki category line moved from the foot of the article to its head: a move of one line,
	 * not a deletion and an insertion. */
	const char *line = "[[Category:Lakes of the northern fells]]";
	const char *body = "'''Fenwick Tarn''' is a small upland lake in the northern fells, fed by "
	                   "two becks and drained by a third.\n\n== History ==\nThe tarn was dammed in "
	                   "1884 to supply the mills at Holmby, and the dam was raised again in 1921 "
	                   "after a dry summer left the town without water.\n";
	char a[1024], b[1024];
	snprintf(a, sizeof a, "%s\n%s\n", body, line);
	snprintf(b, sizeof b, "%s\n%s", line, body);
	script_has(a, b, NULL, "m1 [ [ Category : Lakes of the northern fells ] ]");
	script_lacks(a, b, NULL, "i [ [ Category");
}

/* A one-word template line moved from the foot of a note to its head: a line alone on its line on
 * both sides, found once in each text, moves, under every floor of a passage (stop 35; a real
 * revision moved its `{{...}}` line from the end of a long article to its top). Not a line found
 * twice on a side (which copy went where is a guess), nor a list item of one word, nor a line of
 * prose. */
#define FERRY "The ferry to Holmby leaves the north pier at seven and returns at noon.\n\n" \
              "Tickets are sold on board, and bicycles travel free on weekdays.\n\n"          \
              "In winter the crossing is cancelled when the wind is strong.\n"

Test(move, a_one_word_line_moved_from_the_foot_to_the_head)
{
	script_has(FERRY "\n{{Stub notice}}\n", "{{Stub notice}}\n" FERRY, NULL,
	           "m1 { { Stub notice } }");
	script_lacks(FERRY "\n{{Stub notice}}\n", "{{Stub notice}}\n" FERRY, NULL, "i {");
	script_has("{{Stub notice}}\n" FERRY, FERRY "\n{{Stub notice}}\n", NULL,
	           "m1 { { Stub notice } }");
	/* Found twice in OLD: no move. */
	script_lacks("{{Stub notice}}\n" FERRY "\n{{Stub notice}}\n", "{{Stub notice}}\n" FERRY
	             "\n{{Stub notice}}\n{{Stub notice}}\n", NULL, "m1");
	/* A list item of one word moved from one list to another. */
	script_lacks("- Harbour\n- Lighthouse\n\n" FERRY "\n- Cannery\n- Boatyard\n",
	             "- Harbour\n\n" FERRY "\n- Cannery\n- Lighthouse\n- Boatyard\n", NULL, "m1");
	/* A short heading of prose, no markup: two texts may share one by chance. */
	script_lacks(FERRY "\nThe timetable\n", "The timetable\n" FERRY, NULL, "m1");
}

/* A gallery moved above the notes with its last two files deleted and its third re-named: the
 * heading, `<gallery>` and the three files moved, and the closing line after the deleted files,
 * where the passage stopped growing, was drawn deleted and inserted (stop 35; a real revision's
 * `</gallery>`). It moves with the gallery, one passage, the deleted files inside it; so does
 * the opening line before files deleted at its start. (Lines
 * over 100 columns: the text is one paragraph a line, each file line a line of its own.) */
#define TARN "'''Fenwick Tarn''' is a small upland lake in the northern fells, fed by two becks " \
             "and drained by a third.\n\n==History==\nThe tarn was dammed in 1884 to supply "    \
             "the mills at Holmby, and the dam was raised again in 1921 after a dry summer.\n\n"
#define TARN_NOTES "==Notes==\nThe boathouse on the east shore is open to walkers on Sundays " \
                   "from May to September.\n\nThe path along the west shore was rebuilt in "   \
                   "1990 after the spring floods washed out the old causeway and the "          \
                   "footbridge below it.\n\nFishing is allowed from the north bank only, with a " \
                   "permit sold at the post office in Holmby.\n\n==References==\n{{Reflist}}\n"
#define TARN_PHOTOS "==Photos==\n<gallery>\n"                                                 \
                    "File:Fenwick Tarn from the east shore in winter.jpg|The east shore\n"     \
                    "File:Fenwick Tarn dam and spillway 1921.jpg|The dam\n"

Test(move, a_moved_gallery_takes_its_closing_line_past_its_deleted_files)
{
	const char *a = TARN TARN_NOTES "\n" TARN_PHOTOS
	                "File:Holmby mill race above the old bridge.jpg|The mill race\n"
	                "File:Boathouse on Fenwick Tarn at dusk.jpg|The boathouse\n"
	                "File:Walkers on the ridge above the tarn.jpg|The ridge\n</gallery>\n";
	const char *b = TARN TARN_PHOTOS
	                "File:Holmby mill race below the new bridge.jpg|The mill race in spate\n"
	                "</gallery>\n\n" TARN_NOTES;
	script_has(a, b, NULL, "| d1 File : Boathouse on Fenwick Tarn at dusk . jpg | The boathouse "
	                       "File : Walkers on the ridge above the tarn . jpg | The ridge | "
	                       "m1 < / gallery > |");
	script_lacks(a, b, NULL, "m2");
	/* The same with its first two files deleted: its opening line moves with it. */
	const char *c = TARN TARN_NOTES "\n<gallery mode=packed>\n"
	                "File:Boathouse on Fenwick Tarn at dusk.jpg|The boathouse\n"
	                "File:Walkers on the ridge above the tarn.jpg|The ridge\n"
	                "File:Fenwick Tarn from the east shore in winter.jpg|The east shore\n"
	                "File:Fenwick Tarn dam and spillway 1921.jpg|The dam\n</gallery>\n";
	const char *d = TARN "<gallery mode=packed>\n"
	                "File:Fenwick Tarn from the east shore in winter.jpg|The east shore\n"
	                "File:Fenwick Tarn dam and spillway 1921.jpg|The dam\n</gallery>\n\n" TARN_NOTES;
	script_has(c, d, NULL, "| m1 < gallery mode = packed > | d1 File : Boathouse");
	script_lacks(c, d, NULL, "m2");
}

/* A sentence moved and reworded around a phrase it keeps word for word: it shares under a third
 * of its words (9 of 28), below the 0.4 a move needs, but five words in a row ("run fast, year-round
 * water-taxi crossings", all content words) are evidence enough. */
Test(move, a_sentence_reworded_around_a_long_run_moves)
{
	const char *moved_old = "A private operator would give the town more money and more routes, "
	                        "above all if it trusts the crews it has trained to run fast, "
	                        "year-round water-taxi crossings.";
	const char *moved_new = "This might appeal most if the council believes that the crews it has "
	                        "hired can run fast, year-round water-taxi crossings that justify a "
	                        "higher fare.";
	char a[1024], b[1024];
	moved_up(a, b, moved_old, moved_new);
	script_has(a, b, NULL, "m1 run fast , year - round water - taxi crossings");
	one_move(a, b);
	/* A run of function words, or a short one, is no such evidence. */
	script_lacks(P1 "\n\n" P2 "\n\n" P3 "\n\nWe went out to the end of it and then came back in "
	                "the boat.\n",
	             "All of it was for the end of it and then some of it, said the keeper.\n\n" P1
	             "\n\n" P2 "\n\n" P3 "\n", NULL, "m1");
}

/* An image line of a wiki page, inside a hard-wrapped paragraph, moved to the top with one
 * parameter changed: nine words matched, a short move, whole lines on both sides though not whole
 * sentences (its line ends are soft breaks inside the paragraph). */
Test(move, a_markup_line_inside_a_paragraph_moved_to_the_top)
{
	const char *a = "'''Fenwick Tarn''' is a small upland lake in the northern fells, fed by\n"
	                "two becks and drained by a third, and it lies above the village of\n"
	                "[[File:Fenwick Tarn east shore in winter.jpg|thumb|220px|Fenwick Tarn]]\n"
	                "Holmby, where the old mill road ends at a stone bridge over the outflow\n"
	                "and the walkers leave their cars for the climb to the ridge above it.\n\n"
	                "== History ==\nThe tarn was dammed in 1884 to supply the mills at Holmby.\n";
	const char *b = "[[File:Fenwick Tarn east shore in winter.jpg|center|thumb|Fenwick Tarn]]\n"
	                "'''Fenwick Tarn''' is a small upland lake in the northern fells, fed by\n"
	                "two becks and drained by a third, and it lies above the village of\n"
	                "Holmby, where the old mill road ends at a stone bridge over the outflow\n"
	                "and the walkers leave their cars for the climb to the ridge above it.\n\n"
	                "== History ==\nThe tarn was dammed in 1884 to supply the mills at Holmby.\n";
	script_has(a, b, NULL, "m1 [ [ File : Fenwick Tarn east shore in winter");
	script_lacks(a, b, NULL, "i [ [ File");
}

/* A paragraph moved to the end with a bullet left where it stood that restates its first words:
 * the exact diff keeps "bell script rings those" with the bullet, which stopped the move there
 * and left "It is worth noting that the harbor bell" out of it. It reaches its sentence's start,
 * taking more words than the bullet kept in place (far from where it stood: close by, a
 * sentence reaching into words kept in place is a rewrite in place). */
Test(move, a_moved_sentence_reaches_past_a_restatement_left_in_place)
{
	const char *moved_old = "It is worth noting that the harbor bell script rings those chimes "
	                        "twice at noon and once at dusk, so that the boats out past the point "
	                        "can hear them.";
	const char *moved_new = "It is worths noting that the harbour bell scripts ring those chime "
	                        "twice at noon and once at sunset, so that the boats out past the point "
	                        "can hear them.";
	const char *more = "The lifeboat crew trained on Thursdays, rowing out to the buoy and back "
	                   "while the coxswain timed them from the slipway with his father's watch.\n\n"
	                   "In the autumn the council paid for a new roof on the boathouse, and the "
	                   "old slates were sold to a builder from the next valley for a good price.";
	char a[2048], b[2048];
	snprintf(a, sizeof a, "%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n", P1, moved_old, P2, P3, P4,
	         more);
	snprintf(b, sizeof b, "%s\n\n- Bell scripts ring those chime twice at noon\n\n%s\n\n%s\n\n%s"
	                      "\n\n%s\n\n%s\n", P1, P2, P3, P4, more, moved_new);
	script_has(a, b, NULL, "m1 It is | r1 worth > worths | m1 noting that the");
	script_has(a, b, NULL, "m1 those");
	one_move(a, b);
}

/* A one-sentence paragraph moved with its nouns and verbs swapped keeps mostly function words:
 * no run of three shared words has a content word, and one pair does ("the light"). The narrow
 * pass proposes a chain of that one hit; widened to the sentence, it matches 13 of 19 words. */
Test(move, a_sentence_moved_with_one_shared_pair)
{
	const char *moved_old = "She said that the keeper was not at the light when it went out, and "
	                        "that no one knew why.";
	const char *moved_new = "She claimed that the warden was not at the light when it failed, and "
	                        "that nobody understood why.";
	char a[1024], b[1024];
	moved_down(a, b, moved_old, moved_new);
	script_has(a, b, NULL, "m1 was not at the light when it");
	one_move(a, b);
}

/* A one-line NEW text (every paragraph run into one line) hides the edges of a moved sentence:
 * one that starts with a name in lower case ("tidewatch.py ...") is no unit there, so the move's
 * NEW half ran on into the sentence before it and was no whole unit. The move stage reads a
 * stop followed by a space as an edge of its own. */
Test(move, a_sentence_moved_into_one_line_starting_in_lower_case)
{
	const char *moved_old = "tidewatch.py must be a callable returning an hourly table of the "
	                        "tides.";
	const char *moved_new = "tidewatchers.py must be a callable returning an hourly chart of the "
	                        "tide.";
	char a[1024], b[1024];
	first_of_five(a, moved_old);
	snprintf(b, sizeof b, "%s %s %s %s %s\n", P1, P2, P3, moved_new, P4);
	script_has(a, b, NULL, "m1 . py must be a callable returning an hourly");
	script_lacks(a, b, NULL, "d tidewatch");
}

/* A paragraph that ends with a colon, moved into a one-line text: there the sentence after it
 * is part of its unit, and an eleven-word move must be a whole unit. */
Test(move, a_line_ending_in_a_colon_moved_into_one_line)
{
	const char *moved = "Example of how to check the tides before the ferry leaves:";
	char a[1024], b[1024];
	first_of_five(a, moved);
	snprintf(b, sizeof b, "%s %s %s %s %s\n", P1, P2, moved, P3, P4);
	script_has(a, b, NULL, "m1 Example of how to check the tides before the ferry leaves :");
	one_move(a, b);
}

/* A paragraph moved away whose bullets stayed where it stood: the bullet restates its last
 * sentence with a word or two swapped, and the exact diff keeps "the engine . You will" and
 * "a note each" with it, islands between swaps, which held those words in place and cut the
 * move short after "to repair". A pairing of prose with a list item is weak: the move that
 * finds the paragraph's copy takes those words. */
Test(move, a_moved_paragraph_takes_back_words_its_bullet_kept_in_place)
{
	const char *moved_old = "Every fault report is read by a mechanic who decides what must be "
	                        "done to repair the engine. You will receive a note each time work "
	                        "is done on the boat.";
	const char *moved_new = "Every fault report is read by a fitter who decides what must be "
	                        "done to mend the engine. You will receive a note each time work "
	                        "is done on the boat.";
	char a[2048], b[2048];
	snprintf(a, sizeof a, "%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n", P1, moved_old, P2, P3, P4, P5);
	snprintf(b, sizeof b, "%s\n\n- Fix the engine. You will get hold of a note each and\n"
	                      "- A fitter who decides\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n", P1, P2, P3,
	         P4, moved_new, P5);
	script_has(a, b, NULL, "m1 the engine . You will receive a note each time work is "
	                       "done on the boat .");
	script_lacks(a, b, NULL, "= the engine");
}

/* The same with every paragraph of NEW run into one line: the bullets run into the text ("...
 * the boats. - Fix the engine. You will ..."), no item starts a line, and the words the exact
 * diff kept with the first bullet ("the engine .") were no orphans: the move stopped short of
 * them. A list item run into a line is an item for its own words. */
Test(move, a_moved_paragraph_takes_back_words_its_run_in_bullet_kept_in_place)
{
	const char *moved_old = "Every fault report is read by a mechanic who decides what must be "
	                        "done to repair the engine. You will receive a note each time work "
	                        "is done on the boat.";
	const char *moved_new = "Every fault report is read by a fitter who decides what must be "
	                        "done to mend the engine. You will receive a note each time work "
	                        "is done on the boat.";
	char a[2048], b[2048];
	snprintf(a, sizeof a, "%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n", P1, moved_old, P2, P3, P4, P5);
	snprintf(b, sizeof b, "%s - Fix the engine. You will get hold of a note each and - A fitter "
	                      "who decides %s %s %s %s %s\n", P1, P2, P3, P4, moved_new, P5);
	script_has(a, b, NULL, "r1 repair > mend | m1 the engine .");
	script_lacks(a, b, NULL, "= the engine");
}

/* A bullet without a stop, run into a one-line text, runs on into the sentence after it: there
 * a short moved sentence reworded ("The keeper notes the title of the vessel ...") is no whole
 * unit, and the bullet's words counted against its share. A capital after a lower-case word in
 * such an item is where a sentence may start: the move is the sentence alone. */
Test(move, a_sentence_moved_behind_a_bullet_without_a_stop_moves_alone)
{
	const char *moved_old = "The keeper writes down the name of the boat that last used each "
	                        "berth.";
	const char *moved_new = "The keeper notes the title of the vessel that last occupied each "
	                        "berth.";
	char a[1024], b[1024];
	snprintf(a, sizeof a, "%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n", P1, P2, moved_old, P3, P4, P5);
	snprintf(b, sizeof b, "%s %s %s %s - Low prices at the cannery this week, with buyers "
	                      "staying away from the market and the fleet waiting %s %s\n", P1, P2,
	         P3, P4, moved_new, P5);
	script_has(a, b, NULL, "the fleet waiting | m1 The keeper");
	script_lacks(a, b, NULL, "d The keeper");
	one_move(a, b);
}

/* NEW says a sentence as prose, then restates it in bullets, all run into one line; the sentence
 * before it in OLD was dropped but shares "used to", "for", "boats" with it. The exact diff pairs
 * the dropped sentence with the prose copy and the kept one with its bullets ("- Is used to
 * check ..."), and keeping it in place there keeps as many of its words as the move to the prose
 * copy: a tie went to the bullets. A bullet restating prose is weak; the prose copy wins. */
Test(move, a_sentence_said_as_prose_and_as_a_bullet_keeps_the_prose)
{
	const char *kept = "This is used to check that the harbour meets insurance rules for covering "
	                   "crews on all boats.";
	char a[1024], b[1024];
	snprintf(a, sizeof a, "%s\n\nThe old quay rules were dropped in spring.\n\nA new ledger "
	                      "column, which must be used to record the insurance owners for any boats "
	                      "that are moored in this harbour at winter time. %s\n\n%s\n", P1, kept,
	         P3);
	snprintf(b, sizeof b, "%s - Old quay rules - The old quay rules were dropped in spring. %s - Is "
	                      "used to check that the harbour meets insurance rules - That the harbour "
	                      "meets insurance rules for covering crews %s\n", P1, kept, P3);
	script_has(a, b, NULL, "m1 This is used to check that the harbour meets insurance rules for "
	                       "covering crews on all boats .");
	one_move(a, b);
}

/* The same tie where the script before the moves stage, not the exact diff, keeps the sentence
 * with its bullet copy: NEW runs a reworded line ("- Dock-fees … harbour/guides"), the sentence
 * as prose, then as a bullet, into one line. The exact diff of the stretch pairs the sentence with
 * the prose copy and keeps a word more than the move (no tie by the exact diff); the cleanup kept
 * it on the bullet. Asked of the ops as they stand, the tie goes to the prose copy as well. */
Test(move, a_sentence_kept_on_its_bullet_copy_by_the_cleanup_keeps_the_prose)
{
	const char *a = "berth-fees and dock-fees are now due before sailing in harbour/rules.\n\n"
	                "The old signals red and green now must not be flown.\n";
	const char *b = "Boats should carry a spare rope. - Dock-fees are now due before sailing in "
	                "harbour/guides The old signals red and green now must not be flown. - The "
	                "old signals red and green now must not be flown\n";
	script_has(a, b, NULL, "m1 The old signals red and green now must not be flown . |");
	script_lacks(a, b, NULL, "= The old signals");
	one_move(a, b);
}

/* A moved paragraph's last sentence reworded whole shares no word with its new wording, but it
 * stands in the same slot (next to the passage, inside its paragraph, on both sides): it moves
 * with the passage as a rewrite. In a paragraph of its own it is an insertion. */
Test(move, a_sentence_reworded_whole_at_the_edge_of_a_move_moves_with_it)
{
	script_has(P1 "\n\n" P2 " Ask the keeper for details.\n\n" P3 "\n\n" P4 "\n\n" P5 "\n",
	           P1 "\n\n" P3 "\n\n" P4 "\n\n" P2 " Consult any warden regarding specifics.\n\n" P5
	              "\n",
	           NULL, "from the north pier . | r1 Ask the keeper for details > "
	                 "Consult any warden regarding specifics | m1 . |");
	char *got = run(P1 "\n\n" P2 " Ask the keeper for details.\n\n" P3 "\n\n" P4 "\n\n" P5 "\n",
	          P1 "\n\n" P3 "\n\n" P4 "\n\n" P2 "\n\nConsult any warden regarding specifics.\n\n" P5
	             "\n",
	          0);
	cr_assert_not_null(strstr(got, "| i Consult any warden regarding specifics . |"), "%s", got);
	cr_assert_null(strstr(got, "r1"), "%s", got);
	free(got);
}

/* A heading whose first words stay in place while the paragraph that the exact diff set beside
 * its last words moves away: the leftovers, diffed anew, kept the heading's "route" in a sentence
 * inserted four rows below, which split the heading over those rows. They are cleaned as the
 * whole texts are before moves. */
#define HB_OLD_HEAD "Harbour board weighs closing the ferry route to the islands\n\n" \
                    "Posted on 3 May 2024 by the desk\n\n"
#define HB_NEW_HEAD "Harbour board: Will the Island Ferry Survive?\n\n" \
                    "For islanders who rely on it, the boat is far more than transport. Many see " \
                    "it as the reason the villages still have schools, and losing it would mean " \
                    "the end of a route that generations have depended on.\n\n" \
                    "In recent years the board has described the service as essential to island " \
                    "life.\n\n"
#define HB_BODY "The harbour board met on Tuesday to discuss the future of the ferry. Members " \
                "heard that the route lost money for the fourth year in a row.\n\n" \
                "Fuel prices rose sharply over the winter, and the older of the two boats needs " \
                "a new engine before the summer season.\n\n" \
                "A decision is expected next month, after a public meeting in the village hall.\n\n"
#define HB_MOVED "firmly described the ferry’s timetable as a lifeline for islanders, which the " \
                 "council praised for keeping fares low after the storms of last spring.\n"

Test(move, a_heading_keeps_no_word_in_a_sentence_below_once_its_neighbour_moved)
{
	char *got = run(HB_OLD_HEAD HB_BODY "She " HB_MOVED,
	                HB_NEW_HEAD "Through her report the chair " HB_MOVED "\n" HB_BODY, 0);
	cr_assert_not_null(strstr(got, "m1 firmly described"), "%s", got);
	cr_assert_null(strstr(got, "= route |"), "the heading's last word stays in it: %s", got);
	cr_assert_not_null(strstr(got, "d Posted on 3 May 2024 by the desk"), "%s", got);
	free(got);
}

/* Words swapped one for one next to each other inside a moved passage are one change: their
 * partners stand at the other place, and one bracket per word read as fragments. */
Test(move, swaps_next_to_each_other_in_a_move_are_one_change)
{
	script_has(P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\n" P5 "\n",
	           P1 "\n\n" P3 "\n\n" P4 "\n\n"
	           "A storm had broken three moorings during the night, and two skiffs were "
	           "missing from the old jetty.\n\n" P5 "\n", NULL, "| r1 north pier > old jetty |");
}

/* A section moved with its one-word heading: the heading, a unit kept whole on both sides right
 * before the moved paragraph, moves with it instead of being deleted at one place and inserted
 * at the other. */
Test(move, a_moved_section_takes_its_one_word_heading)
{
	char *got = run("Moorings\n\n" P1 "\n\n" P2 "\n\n" P3 "\n\nRepairs\n\n" P5 "\n\n" P4 "\n",
	                "Moorings\n\n" P1 "\n\nRepairs\n\n" P5 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n", 0);
	cr_assert_not_null(strstr(got, "m1 Repairs The mayor promised"), "%s", got);
	cr_assert_null(strstr(got, "i Repairs"), "%s", got);
	cr_assert_null(strstr(got, "d Repairs"), "%s", got);
	free(got);
}

/* A short sentence moved whose content words were all inflected ("Tables" -> "Table") keeps only
 * its function words word for word, too few to place it; the variants are evidence too. */
Test(move, a_sentence_moved_with_its_words_inflected_moves)
{
	char *got = run(P1 "\n\nTables of tides are printed in almanacs.\n\n" P2 "\n\n" P3 "\n\n" P4
	                   "\n\n" P5 "\n",
	                P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\nTable of tide are printed in almanac.\n\n"
	                   P5 "\n",
	                0);
	cr_assert_not_null(strstr(got, "m1 of"), "%s", got);
	cr_assert_not_null(strstr(got, "m1 are printed in"), "%s", got);
	free(got);
}

/* A moved paragraph run into one line ends in a colon after a bracket, and a new sentence follows
 * it in the same unit: the sentence matches nothing and has no counterpart at the other place,
 * so it is inserted, not part of the move. */
#define BUOY_A "You can try these tide tables for a week, and if the new times seem right, copy " \
               "them into your logbook. For coastal towns (Dover, Hull, Leith):"
#define BUOY_X "Every buoy shows a light code printed beside its number."

Test(move, a_sentence_after_a_moved_one_in_its_unit_is_no_part_of_it)
{
	char *got = run(P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\n" BUOY_A "\n\n" P5 "\n",
	                P1 " " BUOY_A " " BUOY_X " " P2 " " P3 " " P4 " " P5 "\n", 0);
	cr_assert_not_null(strstr(got, "m1 You can try"), "%s", got);
	cr_assert_not_null(strstr(got, "| i Every buoy shows"), "%s", got);
	free(got);
}

/* A sentence moved with every noun and verb inflected otherwise shares no two words in a row that
 * hold a content word ("keeper records" -> "keepers record"): only the narrow pass's shingles of
 * stems place it. */
Test(move, a_sentence_moved_with_every_content_word_inflected_moves)
{
	char *got = run(P1 "\n\nThe keeper records each storm in a ledger that lists the damage to "
	                   "every hull.\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\n" P5 "\n",
	                P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\nThe keepers record each storms in a "
	                   "ledgers that list the damages to every hulls.\n\n" P5 "\n",
	                0);
	cr_assert_not_null(strstr(got, "m1 The"), "%s", got);
	cr_assert_not_null(strstr(got, "m1 in a"), "%s", got);
	cr_assert_null(strstr(got, "| d The keeper"), "%s", got);
	free(got);
}

/* A short sentence moved word for word (five words, under a move's six) is a move: it was drawn
 * deleted and inserted, and provenance linked the insertion to its own words as a summary line.
 * Also where it only changed places with the sentence before it (the two places close together).
 * Not a sentence of one content word, nor when punctuation is not compared. */
Test(move, a_short_sentence_moved_word_for_word_moves)
{
	const char *a = "The ferry sails daily. It stops at the north pier. Tickets are sold on board.";
	const char *b = "The ferry sails daily. Tickets are sold on board. It stops at the north pier.";
	script_has(a, b, NULL, "m1 Tickets are sold on board .");
	script_lacks(a, b, NULL, "i Tickets");
	const char *c = "The ferry sails daily.\n\nIt stops at the north pier.\n\nTickets are sold on board.";
	const char *d = "Tickets are sold on board.\n\nThe ferry sails daily.\n\nIt stops at the north pier.";
	script_has(c, d, NULL, "m1 Tickets are sold on board .");
	script_lacks("The ferry sails daily. It stops at the north pier. It is here.",
	             "It is here. The ferry sails daily. It stops at the north pier.", NULL, "m1");
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.key.ignore_punct = true;
	script_lacks(a, b, &o, "m1");
}

/* Issue 10: a passage that stands where it stood, with only new sentences inserted before it
 * (a summary's opening, or a rewrite's), did not move, though the insertion's place in OLD was
 * left after the passage's start by an earlier diff: it settles in place, an ordinary rewrite
 * beside its counterpart, not a move drawn as two rows of cyan one after the other. */
Test(move, a_passage_behind_inserted_sentences_settles_in_place)
{
	const char *a = "Top crews met. Ann left.";
	const char *b = "New words here now. Top crews met. Ann left.";
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x, a, b);
	/* OLD: Top crews met . (0-4) Ann left . (4-7); NEW: New words here now . (0-5), then 5-12 */
	const rl_op rest_in[] = {
		{4, 4, 0, 5, 0, RL_OP_INSERT, 0},
		{4, 7, 9, 12, 0, RL_OP_EQUAL, 0},
	};
	const rl_op moved_in[] = {{0, 4, 5, 9, 1, RL_OP_MOVE, 0}};
	rl_opvec rest = {0}, moved = {0};
	cr_assert_eq(rl_opvec_append(&rest, rest_in, 2), RL_OK);
	cr_assert_eq(rl_opvec_append(&moved, moved_in, 1), RL_OK);
	cr_assert_eq(rl_merge_moves(c, &rest, &moved), RL_OK);
	cr_assert_eq(rest.n, 3);
	cr_assert(rest.v[0].kind == RL_OP_INSERT && rest.v[0].a0 == 0 && rest.v[0].a1 == 0);
	cr_assert(rest.v[1].kind == RL_OP_EQUAL && rest.v[1].move == 0 && rest.v[1].a0 == 0 &&
	          rest.v[1].b0 == 5);
	cr_assert(rest.v[2].a0 == 4 && rest.v[2].b0 == 9);
	rl_opvec_free(&rest);
	rl_opvec_free(&moved);
	text_ctx_close(&x);
}

/* Issue 10: a stop inserted after a kept clause was given, by the exact diff, the place of the
 * stop of the sentence that moved away from there: inside the passage's OLD half, so the
 * printers drew the passage's words, then the new stop alone on a row, then the passage's own
 * stop alone on another. An op with no OLD tokens inside a moved passage's OLD half stands at
 * the half's start. */
Test(move, an_insertion_inside_a_moved_passage_stands_before_it)
{
	const char *a = "Crews met Rails might rust. Ann left.";
	const char *b = "Crews met. Ann left. Rails might rust.";
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x, a, b);
	/* OLD: Crews met (0-2) Rails might rust . (2-6) Ann left . (6-9);
	 * NEW: Crews met . (0-3) Ann left . (3-6) Rails might rust . (6-10) */
	const rl_op rest_in[] = {
		{0, 2, 0, 2, 0, RL_OP_EQUAL, 0},
		{5, 5, 2, 3, 0, RL_OP_INSERT, 0},  /* "." given the place of the moved stop */
		{6, 9, 3, 6, 0, RL_OP_EQUAL, 0},
	};
	const rl_op moved_in[] = {{2, 5, 6, 9, 1, RL_OP_MOVE, 0}, {5, 6, 9, 10, 1, RL_OP_MOVE, 0}};
	rl_opvec rest = {0}, moved = {0};
	cr_assert_eq(rl_opvec_append(&rest, rest_in, 3), RL_OK);
	cr_assert_eq(rl_opvec_append(&moved, moved_in, 2), RL_OK);
	cr_assert_eq(rl_merge_moves(c, &rest, &moved), RL_OK);
	cr_assert_eq(rest.n, 5);
	cr_assert(rest.v[1].kind == RL_OP_INSERT && rest.v[1].a0 == 2 && rest.v[1].a1 == 2,
	          "the insertion stands at %u", rest.v[1].a0);
	cr_assert(rest.v[3].move && rest.v[4].move);
	rl_opvec_free(&rest);
	rl_opvec_free(&moved);
	text_ctx_close(&x);
}

/* The exact diff pairs words of a sentence rewritten in place ("Marens begans Harbour as a result
 * of") with the paragraph before it ("Harbour", "as"), which moved away: once the move takes the
 * paragraph, the words on either side of its old place are diffed together, so "Harbour" is kept
 * in its sentence and the swaps pair Maren with Marens, not with "as". The sentence before the
 * moved paragraph keeps its own swaps. */
Test(move, the_words_around_a_paragraph_that_moved_away_are_diffed_together)
{
	const char *ferry = "A famous old ferry called the Harbour Queen, known along the coast for "
	                    "its red funnel, carried as many as forty passengers and their bicycles "
	                    "every summer morning.";
	char a[1024], b[1024];
	snprintf(a, sizeof a, "The harbor master opened the gates at dawn. See also the pier. %s "
	                      "Maren began Harbour because she had grown tired of the noisy ferries "
	                      "on the north pier. %s %s %s\n", ferry, P3, P4, P5);
	snprintf(b, sizeof b, "The harbor master opened the gates at dawn. View as well the piers.\n\n"
	                      "Marens begans Harbour as a result of she had grown tired of the noisy "
	                      "ferries on the north pier.\n\n%s\n\n%s\n\n%s\n\n%s\n", P3, P4, ferry, P5);
	script_has(a, b, NULL, "r Maren > Marens | r began > begans | = Harbour | "
	                       "r because > as a result of | = she had");
	script_has(a, b, NULL, "r See also > View as well | = the |");
	one_move(a, b);
}

/* The stage's flags of a long text (a byte a token a side, RL_MAP_MIN bytes or more) are zeroed,
 * and mapped on their own: freed, their pages are gone (mincore fails on them), not left in
 * malloc's heap under the stages after this one. */
Test(move, the_token_flags_of_a_long_text_are_given_back)
{
	size_t words = RL_MAP_MIN + 1000, len = 0;
	char *text = malloc(3 * words + 1);
	cr_assert_not_null(text);
	for (size_t w = 0; w < words; w++, len += 3)
		memcpy(text + len, "on ", 3);
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_tokens *toks[2];
	rl_ctx c;
	cr_assert_eq(rl_tokenize(&toks[0], text, len), RL_OK);
	cr_assert_eq(rl_tokenize(&toks[1], "on", 2), RL_OK);
	cr_assert_eq(rl_ctx_init(&c, toks[0], toks[1], &o), RL_OK);
	cr_assert_geq(c.side[RL_OLD].n, RL_MAP_MIN);
	taken tk = {{NULL, NULL}, {NULL, NULL}, NULL, 0};
	cr_assert_eq(rl_mv_flags_alloc(&c, &tk), RL_OK);
	uint8_t *flags[2] = {tk.free_tok[RL_OLD], tk.moved[RL_OLD]};
	for (int k = 0; k < 2; k++) {
		for (uint32_t t = 0; t <= c.side[RL_OLD].n; t++)
			cr_assert_eq(flags[k][t], 0, "array %d, token %u", k, t);
		memset(flags[k], 1, c.side[RL_OLD].n + 1);
	}
	cr_assert_eq(tk.moved[RL_NEW][0] | tk.free_tok[RL_NEW][1], 0);
	rl_mv_flags_free(&c, &tk);
#if defined(__linux__)
	for (int k = 0; k < 2; k++) {
		unsigned char in[1];
		errno = 0;
		cr_assert_eq(mincore(flags[k], 4096, in), -1, "array %d still mapped", k);
		cr_assert_eq(errno, ENOMEM);
	}
#endif
	rl_ctx_release(&c);
	rl_tokens_free(toks[0]);
	rl_tokens_free(toks[1]);
	free(text);
}
