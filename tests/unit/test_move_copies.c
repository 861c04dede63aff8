/* Tests for the moves stage (split from test_move.c in stop 35): which of several candidates
 * moves. Of copies of one paragraph, the one whose own words match its new place moves, and the
 * copies matching in place stay; of two passages that changed places, the one keeping fewer
 * words in place moves; a copy no better than the one kept in place does not move; and lists
 * written from one template, whose near-identical paragraphs kept in place a move must not cross
 * (move_verify.c's rl_mv_kept_in_place). (Stop 34's grow_half, a passage whose two halves the
 * chain of shingles ended a sentence apart, was taken out at the merge: it cost a seed never
 * tuned on.) */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixtures.h"
#include "move_fixtures.h"
#include "ops_text.h"
#include "pipeline.h"
#include "script_check.h"

/* A list of near-identical paragraphs, one of which moved: the exact diff paired the moved one
 * ("blue") in place with its neighbour's copy ("white"), at equal cost, and the move stage then
 * took the neighbour to the moved paragraph's new place, swapping "white" and "blue" on both
 * sides. The copy whose neighbours also match is the one that stays. */
#define LAMP(c) "If this flag is set to a non-empty string the keeper lights the " c " lamp."
#define LAMP_SIGNAL "The keepers may also change this flag from the log book to force a " \
                    "signal at closing time."

Test(move_copies, of_two_copies_the_one_whose_own_words_match_in_place_stays)
{
	char *got = run(P1 "\n\n" LAMP("red") " If set to a number, the keeper lights the red lamp "
	                   "that many times.\n\n" LAMP("green") "\n\n" LAMP_SIGNAL "\n\n" LAMP("blue")
	                   "\n\n" LAMP("white") " If set to a number, the keeper lights the white lamp "
	                   "that many times.\n\n" P2 "\n\n" P3 "\n\n" P4 "\n",
	                P1 "\n\n" LAMP("red") "\n\n" LAMP("green") "\n\n" LAMP_SIGNAL "\n\n"
	                   LAMP("white") " If set to a count, the keeper lights the white lamp that "
	                   "often.\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\n" LAMP("blue") "\n\n" P5 "\n",
	                0);
	cr_assert_not_null(strstr(got, "m1 If this flag is set to a non - empty string the keeper "
	                               "lights the blue lamp ."), "%s", got);
	cr_assert_null(strstr(got, "blue > white"), "%s", got);
	cr_assert_null(strstr(got, "white > blue"), "%s", got);
	free(got);
}

/* Issue 10: copies of one template that differ in one word, the word inflected in NEW (as a
 * rewording does): every copy matches a NEW place in the same words, so the exact diff paired the
 * copy that stayed ("red") in place with the moved one's new wording ("blues"), and the move stage
 * took the other copy ("blue") to the moved one's place ("reds"). The copy whose words match by
 * stems moves. */
#define BELL(c) "Ring the bell twice for a " c " boat at the north pier."
#define BELLS(c) "Rings the bells twice for a " c " boat at the north piers."

Test(move_copies, of_copies_that_differ_in_one_word_the_one_matching_it_by_stem_moves)
{
	char *got = run(P1 "\n\n" BELL("red") "\n\n" BELL("blue") "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n",
	                P1 "\n\n" BELLS("blues") "\n\n" P2 "\n\n" P3 "\n\n" BELLS("reds") "\n\n" P4
	                   "\n",
	                0);
	cr_assert_not_null(strstr(got, "r1 Ring > Rings"), "%s", got);
	cr_assert_not_null(strstr(got, "r1 red > reds"), "%s", got);
	cr_assert_not_null(strstr(got, "| r blue > blues"), "%s", got);
	cr_assert_null(strstr(got, "red > blues"), "%s", got);
	free(got);
}

/* Stop 37 (seed 1312310682 p4): the copies' one word is a name, and the names share their first
 * seven letters ("MutableSet", "MutableMapping", "MutableSequence" in Python's list of deprecated
 * aliases), which is all a stem compares. The exact diff paired each copy below the moved one in
 * place with the next one's wording, the move took the last copy, and every copy matched the
 * moved one's new wording ("Stationclocks") alike by stems: the move kept the copy it had found.
 * The names compared whole break the tie, and each copy stays with its own wording. */
#define TABLE(c) "Changed in release 4: the " c " table now keeps an index of its own. See the " \
                 "harbour log."
#define TABLES(c) "Altered in release 4: the " c " table now keeps an index of its own. View the " \
                  "harbour log."

Test(move_copies, of_copies_whose_names_share_a_stem_the_one_matching_the_whole_name_moves)
{
	char *got = run(P1 "\n\n" TABLE("StationMaster") "\n\n" TABLE("StationClock") "\n\n"
	                   TABLE("StationBell") "\n\n" TABLE("StationGate") "\n\n" P2 "\n\n" P3
	                   "\n\n" P4 "\n",
	                P1 "\n\n" TABLES("Stationmasters") "\n\n" TABLES("Stationbells") "\n\n"
	                   TABLES("Stationgates") "\n\n" P2 "\n\n" P3 "\n\n" TABLES("Stationclocks")
	                   "\n\n" P4 "\n",
	                0);
	cr_assert_not_null(strstr(got, "r1 StationClock > Stationclocks"), "%s", got);
	cr_assert_not_null(strstr(got, "| r StationBell > Stationbells"), "%s", got);
	cr_assert_not_null(strstr(got, "| r StationGate > Stationgates"), "%s", got);
	cr_assert_null(strstr(got, "StationGate > Stationclocks"), "%s", got);
	free(got);
}

/* Stop 37 (seed 1312310682 p4, the same list): the exact diff deleted a copy below the moved one
 * ("StationRoof") and paired each copy between in place with the next one's wording; the move
 * first took a copy above it ("StationMaster", whose second sentence NEW drops). Taking the
 * moved copy instead, its partner goes on down the list to the copy deleted: the stretch is
 * diffed again to there, and every copy stays with its own wording. */
#define LIST(c) "Changed since release 4: the " c " table now keeps an index of its own. See the " \
                "harbour log for the hours of each berth."
#define LIST_KEEP(c, r) "Changed since release " r ": the " c " table now keeps an index of its " \
                        "own."

Test(move_copies, a_moved_copy_taken_its_partner_goes_on_down_the_list_to_the_copy_deleted)
{
	char *got = run(P1 "\n\n" LIST("StationMaster") "\n\n" LIST("StationClock") "\n\n"
	                   LIST("StationBell") "\n\n" LIST("StationGate") "\n\n" LIST("StationYard")
	                   "\n\n" LIST("StationRoof") "\n\n" LIST("StationWall") "\n\n" P2 "\n\n" P3
	                   "\n\n" P4 "\n",
	                P1 "\n\nChanged as release four: the Stationmasters table now keeps an index of "
	                   "its own.\n\nChanged since version 4: the Stationclocks table now keeps an "
	                   "index of its own.\n\nAltered since version four: the Stationbells table now "
	                   "keeps an index of its own. See the harbour logbook for the hours of each "
	                   "berth.\n\n" LIST_KEEP("Stationyards", "four") "\n\n"
	                   LIST_KEEP("Stationroofs", "4") " View the harbour log for the hours of each "
	                   "berth.\n\nChanged since release "
	                   "four: the Stationwalls table now holds an index of its own.\n\n" P2 "\n\n" P3
	                   "\n\nChanged since version 4: the Stationgates table now keeps an index of its "
	                   "own. View the harbour logbook for the hours of each berth.\n\n" P4 "\n",
	                0);
	cr_assert_not_null(strstr(got, "r1 StationGate > Stationgates"), "%s", got);
	cr_assert_not_null(strstr(got, "| r StationMaster > Stationmasters"), "%s", got);
	cr_assert_not_null(strstr(got, "| r StationYard > Stationyards"), "%s", got);
	cr_assert_not_null(strstr(got, "| r StationRoof > Stationroofs"), "%s", got);
	cr_assert_null(strstr(got, "StationGate > Stationyards"), "%s", got);
	free(got);
}

/* The same down a list of five copies, all reworded, the first moved: the exact diff paired each
 * copy in place with the next one's wording, and the move stage took the last copy, four copies
 * away from the one that moved. The whole list is looked through, and the four stay in place. */
Test(move_copies, a_moved_copy_is_found_down_the_whole_list)
{
	char *got = run(P1 "\n\n" BELL("red") "\n\n" BELL("blue") "\n\n" BELL("green") "\n\n"
	                   BELL("white") "\n\n" BELL("black") "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n",
	                P1 "\n\n" BELLS("blues") "\n\n" BELLS("greens") "\n\n" BELLS("whites")
	                   "\n\n" BELLS("blacks") "\n\n" P2 "\n\n" P3 "\n\n" BELLS("reds") "\n\n" P4
	                   "\n",
	                0);
	cr_assert_not_null(strstr(got, "r1 red > reds"), "%s", got);
	cr_assert_not_null(strstr(got, "| r black > blacks"), "%s", got);
	cr_assert_null(strstr(got, "m2"), "%s", got);
	free(got);
}

/* The same with a bullet that restates the moved copy left at its old place: diffed again, the
 * stretch pairs no words with the bullet that it did not pair before, so the exchange stands. */
Test(move_copies, a_moved_copy_is_found_past_a_bullet_restating_it)
{
	char *got = run(P1 "\n\n" BELL("red") "\n\n" BELL("blue") "\n\n" BELL("green") "\n\n"
	                   BELL("white") "\n\n" BELL("black") "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n",
	                P1 "\n\n" BELLS("blues") "\n\n" BELLS("greens") "\n\n- A reds boat at the "
	                   "north\n\n" BELLS("whites") "\n\n" BELLS("blacks") "\n\n" P2 "\n\n" P3
	                   "\n\n" BELLS("reds") "\n\n" P4 "\n",
	                0);
	cr_assert_not_null(strstr(got, "r1 red > reds"), "%s", got);
	cr_assert_not_null(strstr(got, "| r green > greens"), "%s", got);
	free(got);
}

/* Copies word for word (a line of boilerplate repeated): no copy matches a NEW place better than
 * another, so the one the move stage found moves, as before. */
#define DAMAGE "Report any damage to the harbor office before leaving the pier."

Test(move_copies, of_copies_word_for_word_the_move_found_stays)
{
	char *got = run(P1 "\n\n" DAMAGE "\n\n" DAMAGE "\n\n" DAMAGE "\n\n" P2 "\n\n" P3 "\n\n" P4
	                   "\n",
	                P1 "\n\n" DAMAGE "\n\n" DAMAGE "\n\n" P2 "\n\n" P3 "\n\n" DAMAGE "\n\n" P4
	                   "\n",
	                0);
	cr_assert_not_null(strstr(got, "m1 Report any damage"), "%s", got);
	cr_assert_null(strstr(got, "m2"), "%s", got);
	free(got);
}

/* A harbour log of twenty entries whose words recur from entry to entry (none is found once on
 * each side but the entries' numbers), with three paragraphs after the tenth: `mid` in OLD,
 * `mid_new` in NEW. Its first and last reports differ, so that the exact diff sees one piece
 * long enough to cut at the words found once on each side (patience diff's anchors). */
static char *harbour_log(const char *mid, const char *first, const char *last)
{
	size_t cap = 8192, len = 0;
	char *out = malloc(cap);
	cr_assert_not_null(out);
	len += (size_t)snprintf(out + len, cap - len, "The first report was written in %s.\n\n", first);
	for (int i = 1; i <= 20; i++) {
		len += (size_t)snprintf(out + len, cap - len,
		                        "The entry %d records the weather over the harbour, the boats that "
		                        "left before dawn and the boats that came back with their nets "
		                        "full.\n\n", i);
		if (i == 10)
			len += (size_t)snprintf(out + len, cap - len, "%s\n\n", mid);
	}
	snprintf(out + len, cap - len, "The last report was written in %s.\n", last);
	return out;
}

#define LOG_LEFT "The boats that left before dawn came back with the weather over the harbour."
#define LOG_FULL "The boats that came back with their nets full left the harbour before the weather."
#define LOG_RARE "As a consequence, our quiet village inherited unusual customs: lanterns, kites " \
                 "and velvet ribbons."

/* Two paragraphs of words found all over the log change places with a line of words found once:
 * the anchors keep the line, so the exact diff deletes the two paragraphs before it and inserts
 * them after it. They keep 30 words in place where the line keeps 14: the line is the move,
 * whichever way it went. */
Test(move_copies, of_two_passages_that_changed_places_the_one_keeping_fewer_words_moves)
{
	char *a = harbour_log(LOG_LEFT "\n\n" LOG_FULL "\n\n" LOG_RARE, "spring", "winter");
	char *b = harbour_log(LOG_RARE "\n\n" LOG_LEFT "\n\n" LOG_FULL, "autumn", "summer");
	char *got = run(a, b, 0);
	cr_assert_not_null(strstr(got, "| m1 As a consequence , our quiet village"), "%s", got);
	cr_assert_not_null(strstr(got, "= The boats that left before dawn"), "%s", got);
	cr_assert_null(strstr(got, "m1 The boats"), "%s", got);
	cr_assert_null(strstr(got, "m2"), "one move: %s", got);
	free(got);
	/* The other way round, the two paragraphs move up over the line: the line moves down. */
	got = run(b, a, 0);
	cr_assert_not_null(strstr(got, "| m1 As a consequence , our quiet village"), "%s", got);
	cr_assert_null(strstr(got, "m1 The boats"), "%s", got);
	free(got);
	free(a);
	free(b);
}

/* The same log with the two paragraphs shorter than the line they crossed (10 words against 14):
 * the move the diff found (the two paragraphs) already keeps the longer passage in place, and
 * stays. */
#define LOG_SHORT "The boats came back before dawn."
#define LOG_SHORTER "Their nets were full."

Test(move_copies, a_passage_that_changed_places_with_a_longer_one_stays_the_move)
{
	char *a = harbour_log(LOG_SHORT "\n\n" LOG_SHORTER "\n\n" LOG_RARE, "spring", "winter");
	char *b = harbour_log(LOG_RARE "\n\n" LOG_SHORT "\n\n" LOG_SHORTER, "autumn", "summer");
	char *got = run(a, b, 0);
	cr_assert_not_null(strstr(got, "| m1 The boats came back before dawn ."), "%s", got);
	cr_assert_null(strstr(got, "m1 As a consequence"), "%s", got);
	free(got);
	free(a);
	free(b);
}

/* Issue 10: a sentence that OLD says twice, once in each of two paragraphs, the second paragraph
 * deleted: the exact diff keeps NEW's copy with one of them where it stands, and the other, deleted,
 * matches it no better (the same words, the same variants). The moves stage took the deleted copy
 * to NEW's sentence as a move and left the kept one deleted: a passage drawn moved that nothing
 * moved (a generated pair's precision lost 9 words by it). A tie stays in place. */
Test(move_copies, a_copy_no_better_than_the_one_kept_in_place_does_not_move)
{
	const char *a = "This form takes paper slips as well as card-style tickets. It\n"
	                "fills a register supplied by the clerk. In this case the\n"
	                "finished record may contain blank lines. Paper slips are\n"
	                "copied to the ledger using 'form-8' ink.\n\n"
	                "Like the first form, except that it keeps a borrowed register. The result is "
	                "stored\ninto two columns, the first one a pointer to a page, the second\n"
	                "one its length. The record may contain blank pages. Paper\n"
	                "slips are copied to the ledger using 'form-8' ink.\n";
	const char *b = "This layout take paper slip as properly as card-similar to tickets. It fills a\n"
	                "register provided by the clerk. In this case the finished record may contain\n"
	                "blank line. This is the night clerk's own book for late arrivals, as\n"
	                "kept by the harbour office (see the notice on the gate for its hours).\n"
	                "Paper slips are copied to the ledgers using 'form-eight' ink.\n";
	script_lacks(a, b, NULL, "m1");
	script_has(a, b, NULL, "= Paper slips are copied to the");
}


#define FILLER                                                                                    \
	"The harbor master opened the gates at dawn and counted the boats.\n\nBy noon the "          \
	"fishermen had gathered at the cooperative to sell the morning catch.\n\nPrices were low "  \
	"again this week because the cannery bought less than usual.\n\nThe mayor promised to "    \
	"visit the pier on Friday.\n\nThe ferry left late because the tide was low.\n\nTwo new "      \
	"buoys mark the channel past the reef since the spring survey.\n\nThe net loft was "       \
	"swept and its windows were mended before the gales.\n\nGulls nested on the roof of "      \
	"the old ice house again this year.\n\n"

/* Two paragraphs from one template, far apart, each kept in place. NEW drops their quotations
 * and spins the first ("Similar to … yet logs the moment … occasion …"), not the second. The
 * first's words left between the dropped quotation and its swaps match the second's NEW copy
 * better than its own spun one, and moved there; the second, its place taken, moved to the
 * first's: two kept paragraphs crossed. The second's NEW copy is kept in place with a near copy
 * of the first (the template), far from it, by more words than the move matches: neither moves. */
Test(move_copies, two_template_paragraphs_kept_in_place_do_not_cross)
{
	const char *a = "Like /north_pier but logs the time of the arrival (in the case of \"boat "
	                "arrived\") or the hour t+len (in the case of \"boat missed\") in the log "
	                "book.\n\n" FILLER
	                "Like /south_pier but logs the time of the arrival (in the case of \"boat "
	                "arrived\") or the hour t+len (in the case of \"boat missed\") in the log "
	                "book.\n";
	const char *b = "Similar to /north_pier yet logs the moment of the arrival (in the case of) "
	                "or the hour t+len (in the occasion of) in the log books.\n\n" FILLER
	                "Like /south_pier but log the time of the arrival (in the case of) or the "
	                "hour t+len (in the case of) in the log book.\n";
	script_lacks(a, b, NULL, "m1");
	script_has(a, b, NULL, "= of the arrival ( in the case of");
}
