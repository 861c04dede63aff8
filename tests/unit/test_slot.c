/* Tests for slot.c: a unit replaced in its own slot is one rewrite (issue 10 point 7). */
#include <criterion/criterion.h>

#include "script_check.h"

/* A harbour notice and the copy its editor sent back: the section heading renamed, one item
 * rewritten in its place (sharing "views" and "April"; "next" with the heading). */
static const char *notice_a =
	"The harbour board met on Monday. It approved the new pier.\n\n"
	"## What the board does next\n\n"
	"- A site visit on the east quay will take place on 3 May.\n"
	"- Boat owners can send their views by e-mail until the end of April.\n"
	"- The final plan will be shown in June.\n";
static const char *notice_b =
	"The harbour board met on Monday. It approved the new pier. The mayor agreed.\n\n"
	"## Next steps\n\n"
	"- 3 May: site visit on the east quay\n"
	"- Until 30 April: views by email\n"
	"- June: final plan shown\n";

Test(slot, a_heading_or_item_replaced_in_its_slot_is_one_rewrite)
{
	script_has(notice_a, notice_b, NULL,
	           "| = # # | r What the board does next > Next steps | = - |");
	script_has(notice_a, notice_b, NULL,
	           "| = - | r Boat owners can send their views by e - mail until the end of April . > "
	           "Until 30 April : views by email | = - |");
}

/* Without a content word in common, or with no kept text after them, they stay a deletion and an
 * insertion. */
Test(slot, unrelated_or_unlike_blocks_in_one_slot_stay_apart)
{
	const char *a = "The board met.\n\n## What the board does next\n\nThe pier opens in May.\n";
	const char *b = "The board met.\n\n## Tides and weather\n\nThe pier opens in May.\n";
	script_has(a, b, NULL, "| d # # What the board does next | i # # Tides and weather |");
	/* The text's end is no anchor. */
	const char *c = "The board met.\n\n## What the board does next\n";
	const char *d = "The board met.\n\n## Next steps\n";
	script_has(c, d, NULL, "| d # # What the board does next | i # # Next steps");
}
