/* Tests for the moves stage, continued (test_move.c is past 850 lines): lists written from one
 * template, whose near-identical paragraphs kept in place a move must not cross (move_verify.c's
 * rl_mv_kept_in_place). (Stop 34's grow_half, a passage whose two halves the chain of shingles
 * ended a sentence apart, was taken out at the merge: it cost a seed never tuned on.) */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "fixtures.h"
#include "ops_text.h"
#include "pipeline.h"
#include "script_check.h"

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
