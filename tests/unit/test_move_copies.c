/* Tests for the moves stage on lists written from one template: near-identical paragraphs, each
 * kept in place, that a move must not cross (move_verify.c's rl_mv_kept_in_place). test_move.c
 * holds the rest of the stage's tests. */
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
	"visit the pier on Friday.\n\n"

/* Two paragraphs from one template, far apart, each kept in place. NEW drops their quotations
 * and spins the first ("Similar to … yet logs the moment … occasion …"), not the second. The
 * first's words left between the dropped quotation and its swaps match the second's NEW copy
 * better than its own spun one, and moved there; the second, its place taken, moved to the
 * first's: two kept paragraphs crossed. The second's NEW copy is kept in place with a near copy
 * of the first (the template), by more words than the move matches: neither moves. */
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
