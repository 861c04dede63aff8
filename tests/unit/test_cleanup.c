/* Tests for cleanup.c: coincidental equalities dissolved, true anchors kept, edits slid to
 * sentence boundaries, sentences deleted as a whole. */
#include <criterion/criterion.h>
#include <string.h>

#include "align.h"
#include "ops_text.h"

static char *run(const char *a, const char *b, unsigned off)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.stages &= ~off;
	return diff_text(a, b, &o);
}

Test(cleanup, a_rewritten_sentence_is_one_rewrite)
{
	const char *a = "The council finally agreed on the sale of the old lighthouse after years of "
	                "the debate.";
	const char *b = "Members approved selling the historic beacon to a developer in the end of a "
	                "long dispute.";
	char *got = run(a, b, 0);
	cr_assert_str_eq(got, "r The council finally agreed on the sale of the old lighthouse after "
	                      "years of the debate > Members approved selling the historic beacon to a "
	                      "developer in the end of a long dispute | = .");
	free(got);
	/* The exact script is a comb of "the" and "of". */
	got = run(a, b, RL_STAGE_CLEANUP);
	cr_assert_not_null(strstr(got, "| = the |"), "%s", got);
	free(got);
}

Test(cleanup, function_words_between_swaps_stay)
{
	char *got = run("Top members of the board met on Monday.",
	                "High members of the panel met on Monday.", 0);
	cr_assert_not_null(strstr(got, "| = members of the |"), "%s", got);
	free(got);
	/* Names and numbers are anchors even when short. */
	got = run("The plan of Okafor was rejected by the old council in March.",
	          "A proposal from Okafor got turned down at last by members in March.", 0);
	cr_assert_not_null(strstr(got, "= Okafor"), "%s", got);
	cr_assert_not_null(strstr(got, "= in March ."), "%s", got);
	free(got);
}

Test(cleanup, a_deleted_sentence_is_deleted_whole)
{
	char *got = run("The cat sat on the mat. The dog ran in the park. The bird sang a song.",
	                "The cat sat on the mat. The bird sang a song.", 0);
	cr_assert_str_eq(got, "= The cat sat on the mat . | d The dog ran in the park . | "
	                      "= The bird sang a song .");
	free(got);
}

Test(cleanup, a_coincidence_inside_a_deleted_sentence_is_mended)
{
	const char *a = "It holds three volumes. We are going to use these physical disks to build two "
	                "volumes for the array. The metadata is stored on the disks themselves.";
	const char *b = "It holds three volume. The metadata is stored on the disks themselves.";
	char *got = run(a, b, 0);
	cr_assert_str_eq(got, "= It holds three | r volumes > volume | = . | d We are going to use "
	                      "these physical disks to build two volumes for the array . | = The "
	                      "metadata is stored on the disks themselves .");
	free(got);
	/* The exact script pairs "volume" with the "volumes" of the deleted sentence. */
	got = run(a, b, RL_STAGE_CLEANUP);
	cr_assert_null(strstr(got, "r volumes > volume"), "%s", got);
	free(got);
}

Test(cleanup, a_short_spun_sentence_keeps_its_place)
{
	/* Almost nothing of it is kept, but it faces a sentence of the same length: rewritten in
	 * place, not deleted. */
	char *got = run("It is green. See also feature (sense 6). A computer follows.",
	                "It is green. View as well function (sense six). A computer follows.", 0);
	cr_assert_str_eq(got, "= It is green . | r See also feature > View as well function | "
	                      "= ( sense | r 6 > six | = ) . A computer follows .");
	free(got);
}
