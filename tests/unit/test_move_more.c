/* Tests for the moves stage, continued (test_move.c is past 850 lines): lists written from one
 * template, whose near-identical paragraphs kept in place a move must not cross (move_verify.c's
 * rl_mv_kept_in_place); a passage whose two halves the chain of shingles ended a sentence apart
 * (move.c's grow_half). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "fixtures.h"
#include "ops_text.h"
#include "pipeline.h"
#include "script_check.h"

/* (test_move.c's paragraphs) */
#define P1 "The harbor master opened the gates at dawn and counted the boats."
#define P3 "By noon the fishermen had gathered at the cooperative to sell the morning catch."
#define P4 "Prices were low again this week because the cannery bought less than usual."
#define P5 "The mayor promised to visit the pier on Friday."

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

/* A paragraph of two sentences moved down, its quotations dropped, into a text run into one
 * line. Its first sentence ends "of a harbour signal."; the second's "a harbour signal" is what
 * the chain of shingles hit in NEW, so the candidate was OLD's first sentence against NEW's two,
 * and growing both halves by a sentence at a time found nothing alike after them: OLD's second
 * sentence was deleted and NEW's inserted inside the move, its "signal" paired with the first's
 * last word. The OLD half, a sentence short, grows alone by the sentence that matches. */
Test(move_grow, a_half_a_sentence_short_grows_by_the_sentence_that_matches)
{
	const char *moved_a = "This flag's value is either \"bell\" or \"horn\", corresponding to the "
	                      "appropriate warning type of a harbour signal.\nThus, you can raise a "
	                      "harbour signal using \"Sig_t (*signal)()\", and define the signal using "
	                      "\"Sig_t\nsignal(n)\".";
	const char *moved_b = "This flag's value is either or \"horn\", corresponding to the "
	                      "appropriate give warning type of a harbour signal. Thus, you could raise "
	                      "a harbour signal using, and define the signal using.";
	char a[2048], b[2048];
	snprintf(a, sizeof a, "%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n", P1, moved_a, P3, P4,
	         "A storm had broken three moorings during the night, and two skiffs were missing.",
	         "The keeper painted the lantern room and replaced the brass fittings.", P5);
	snprintf(b, sizeof b, "%s %s %s %s %s %s %s\n", P1, P3, P4,
	         "A storm had broken three moorings during the night, and two skiffs were missing.",
	         "The keeper painted the lantern room and replaced the brass fittings.", moved_b, P5);
	script_has(a, b, NULL, "m1 raise a harbour signal using");
	script_lacks(a, b, NULL, "d Thus");
	script_lacks(a, b, NULL, "m2");
}
