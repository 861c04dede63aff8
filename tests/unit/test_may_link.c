/* test_may_link.c: rl_sources_may_link (provenance.h), the test on the tokens alone that spares
 * the sources stage its set-up over the whole of OLD when no unit of NEW could be linked. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "provenance.h"
#include "status.h"
#include "token.h"

/* OLD, and NEW as OLD with `added` after it: one equal op over OLD's tokens, one insertion of
 * the rest (or, with held, the rest kept in place as well: an equal op over it). */
static bool may_link(const char *old, const char *added, bool held)
{
	char neu[1024];
	snprintf(neu, sizeof neu, "%s%s", old, added);
	rl_tokens *a, *b;
	cr_assert_eq(rl_tokenize(&a, old, strlen(old)), RL_OK);
	cr_assert_eq(rl_tokenize(&b, neu, strlen(neu)), RL_OK);
	uint32_t na = (uint32_t)rl_tokens_count(a), nb = (uint32_t)rl_tokens_count(b);
	rl_op ops[2] = {{0, na, 0, na, 0, RL_OP_EQUAL, RL_QUOTE_NONE},
	                {na, na, na, nb, 0, held ? RL_OP_MOVE : RL_OP_INSERT, RL_QUOTE_NONE}};
	int rc = RL_OK;
	bool may = rl_sources_may_link(rl_tokens_array(a), na, old, rl_tokens_array(b), nb, neu, 0,
	                               nb, ops, 2, &rc);
	cr_assert_eq(rc, RL_OK);
	rl_tokens_free(a);
	rl_tokens_free(b);
	return may;
}

#define OLD_TEXT                                                                                 \
	"The harbour board of Killmarten approved a new breakwater on Monday.\n\n"               \
	"Engineers said the granite blocks would arrive from the quarry at Pellow by barge.\n\n"

/* Issue 13 (stop 34): a sentence added that shares fewer than two stems of its words with OLD,
 * function words aside, cannot be linked; one that restates OLD's words, stems met in other
 * forms ("blocks" / "block", "engineers" / "engineer"), may. Fails before: there was no test. */
Test(may_link, an_added_sentence_needs_two_stems_of_old)
{
	cr_assert_not(may_link(OLD_TEXT, "Swallows nest under its eaves every spring.\n", false));
	cr_assert_not(may_link(OLD_TEXT, "Swallows nest by the quarry every spring.\n", false));
	cr_assert_not(may_link(OLD_TEXT, "They said it would be on the way to them.\n", false));
	cr_assert(may_link(OLD_TEXT, "An engineer expects each granite block by barge.\n", false));
	cr_assert(may_link(OLD_TEXT, "Quarry BARGES are late.\n", false));
}

/* Words kept in place (an equal or a moved op) share nothing with a source: free_shared leaves
 * them out, and so does this test. */
Test(may_link, words_kept_in_place_do_not_count)
{
	cr_assert(may_link(OLD_TEXT, "The granite came by barge.\n", false));
	cr_assert_not(may_link(OLD_TEXT, "The granite came by barge.\n", true));
}

/* A word glued to a number's mark after it ("the,3") has a number part's id, not a function
 * word's, and weighs in the stage: it counts here too. */
Test(may_link, a_word_before_a_number_mark_counts)
{
	cr_assert_not(may_link("Only the,3 was left.\n\n", "Some with granite.\n", false));
	cr_assert(may_link("Only the,3 granite was left.\n\n", "Some the,3 with granite.\n", false));
}
