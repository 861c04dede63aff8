/* Tests for pair.c: bullets beside the sentences they summarize; unrelated sentences unpaired. */
#include <criterion/criterion.h>
#include <string.h>

#include "align.h"
#include "fixtures.h"
#include "ops_text.h"
#include "status.h"

static char *run(const char *a, const char *b, unsigned off)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.stages &= ~off;
	return diff_text(a, b, &o);
}

#define SOURCE "Members of the harbor board discussed selling the historic lighthouse of the town, " \
	"the Brannock Light, and instead leasing the grounds, reports the Ledger.\n\n"               \
	"Officials told the Ledger that the board had finished the inspection of the tower, but "    \
	"postponed the vote due to disappointing repair estimates. When the new harbor office "     \
	"opened, work on the tower reportedly stopped.\n\n"                                         \
	"The talks are only that, talks. The mayor would still need to approve any sale.\n"
#define BULLETS "Harbor board members have reportedly paused plans for the Brannock Light, the " \
	"historic lighthouse of the town.\n"                                                       \
	"- The board had finished its initial inspection before the vote was postponed\n"          \
	"- Repair estimates reportedly came in disappointing compared to hopes\n"                  \
	"Officials say the board is now weighing a lease instead.\n"

Test(pair, a_bullet_beside_its_source_sentence)
{
	char *got = run(SOURCE, BULLETS, 0);
	/* The second bullet is aligned with the sentence it restates... */
	cr_assert_not_null(strstr(got, "| = estimates |"), "%s", got);
	free(got);
	/* ...where the word diff alone leaves it an insertion. */
	got = run(SOURCE, BULLETS, RL_STAGE_SENTENCES);
	cr_assert_null(strstr(got, "| = estimates |"), "%s", got);
	cr_assert_not_null(strstr(got, "i - Repair estimates"), "%s", got);
	free(got);
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
	char *got = run("The ferry left at noon. Gulls followed it out of the bay as the tide turned. "
	                "The captain waved. Nobody on the quay waved back.",
	                "The ferry left at noon. Taxes on fuel went up again in March as the price of "
	                "oil rose. The captain waved. Nobody on the quay waved back.", 0);
	cr_assert_str_eq(got, "= The ferry left at noon . | r Gulls followed it out of the bay as the "
	                      "tide turned > Taxes on fuel went up again in March as the price of oil "
	                      "rose | = . The captain waved . Nobody on the quay waved back .");
	free(got);
}
