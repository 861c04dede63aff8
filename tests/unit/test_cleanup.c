/* Tests for cleanup.c: coincidental equalities dissolved, true anchors kept, edits slid to
 * sentence boundaries, sentences deleted as a whole. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "align.h"
#include "cleanup.h"
#include "cleanup_units.h"
#include "fixtures.h"
#include "ops_text.h"
#include "opvec.h"
#include "script_check.h"
#include "pipeline.h"
#include "refine.h"
#include "status.h"
#include "structure.h"
#include "text_ctx.h"

Test(cleanup, a_rewritten_sentence_is_one_rewrite)
{
	const char *a = "The council finally agreed on the sale of the old lighthouse after years of "
	                "the debate.";
	const char *b = "Members approved selling the historic beacon to a developer in the end of a "
	                "long dispute.";
	script_is(a, b, NULL, "r The council finally agreed on the sale of the old lighthouse after "
	                      "years of the debate > Members approved selling the historic beacon to a "
	                      "developer in the end of a long dispute | = .");
	/* The exact script is a comb of "the" and "of". */
	script_has(a, b, without(RL_STAGE_CLEANUP), "| = the |");
}

Test(cleanup, function_words_between_swaps_stay)
{
	script_has("Top members of the board met on Monday.",
	           "High members of the panel met on Monday.", NULL, "| = members of the |");
	/* Names and numbers are anchors even when short. */
	const char *a = "The plan of Okafor was rejected by the old council in March.";
	const char *b = "A proposal from Okafor got turned down at last by members in March.";
	script_has(a, b, NULL, "= Okafor");
	script_has(a, b, NULL, "= in March .");
}

/* Issue 10: a stop that ends a sentence on one side only (the dot of "Dr." against the end of
 * a deleted sentence) is a coincidence: it joins the rewrite, and the title keeps its dot. */
Test(cleanup, a_stop_ending_a_sentence_on_one_side_only_is_no_anchor)
{
	const char *a = "Not everyone welcomed it.\nThe anglers said the works would harm the river for "
	                "two seasons.";
	const char *b = "Dr. Helen Marsh, a hydrologist at the university, said the glass was sound.";
	script_lacks(a, b, NULL, "| = . |");
	script_has(a, b, NULL, "Dr . Helen Marsh");
	/* A stop ending a sentence on both sides stays. */
	script_has(a, b, NULL, "= .");
}

Test(cleanup, a_deleted_sentence_is_deleted_whole)
{
	script_is("The cat sat on the mat. The dog ran in the park. The bird sang a song.",
	          "The cat sat on the mat. The bird sang a song.", NULL,
	          "= The cat sat on the mat . | d The dog ran in the park . | "
	          "= The bird sang a song .");
}

Test(cleanup, a_coincidence_inside_a_deleted_sentence_is_mended)
{
	const char *a = "It holds three volumes. We are going to use these physical disks to build two "
	                "volumes for the array. The metadata is stored on the disks themselves.";
	const char *b = "It holds three volume. The metadata is stored on the disks themselves.";
	script_is(a, b, NULL, "= It holds three | r volumes > volume | = . | d We are going to use "
	                      "these physical disks to build two volumes for the array . | = The "
	                      "metadata is stored on the disks themselves .");
	/* The exact script pairs "volume" with the "volumes" of the deleted sentence. */
	script_lacks(a, b, without(RL_STAGE_CLEANUP), "r volumes > volume");
}

Test(cleanup, a_short_spun_sentence_keeps_its_place)
{
	/* Almost nothing of it is kept, but it faces a sentence of the same length: rewritten in
	 * place, not deleted. */
	script_is("It is green. See also feature (sense 6). A computer follows.",
	          "It is green. View as well function (sense six). A computer follows.", NULL,
	          "= It is green . | r See also feature > View as well function | "
	          "= ( sense | r 6 > six | = ) . A computer follows .");
}

/* Issue 10 point 4: a sentence of NEW that joins a kept sentence of OLD with the end of the
 * next one ("… to work. If they cannot park, …," she said." -> "… to work," she said.") keeps
 * the words the exact diff kept at that end: the attribution is no coincidence, though most of
 * its OLD sentence is gone. */
Test(cleanup, two_sentences_joined_keep_the_end_of_the_second)
{
	const char *a = "Anna sells bread near the market. \"People come for bread on the way to work. "
	                "If they cannot park they will go somewhere else,\" she said. Others were more "
	                "hopeful about the plan.";
	const char *b = "Anna sells bread near the market. \"People come for bread on the way to "
	                "work,\" she said.";
	script_has(a, b, NULL, "| = , \" she said |");
}

/* ops becomes v[0..n) cut at units by rl_split_at_units. */
static void split_ops(rl_ctx *c, rl_opvec *ops, const rl_op *v, size_t n)
{
	ops->n = 0;
	cr_assert_eq(rl_opvec_append(ops, v, n), RL_OK);
	cr_assert_eq(rl_split_at_units(c, ops), RL_OK);
}

/* The token of side s that starts at the first occurrence of needle in text. */
static uint32_t tok_of(const rl_ctx *c, int s, const char *text, const char *needle)
{
	uint32_t off = (uint32_t)(strstr(text, needle) - text);
	for (uint32_t t = 0; t < c->side[s].n; t++)
		if (c->side[s].tok[t].off == off)
			return t;
	cr_assert_fail("no token at \"%s\"", needle);
	return 0;
}

/* Issue 10: a deleted dateline and the rewrite of the next paragraph's first word are two ops, so
 * that the paragraph starts on the row of its original. On a whole document the earlier stages
 * can hand over one replace for both ("[-| May 3 Despite-]{+Regardless of+}"): it is cut where
 * the paragraph starts. */
Test(cleanup, deleted_lines_and_a_following_rewrite_are_apart)
{
	const char *a = "The ferry ran late.\n\nPier Road\n|\nMay 3\n\nDespite the fog, it sailed.";
	const char *b = "The ferry ran late.\nRegardless of the fog, it sailed.";
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x, a, b);
	uint32_t despite = tok_of(c, RL_OLD, a, "Despite");
	uint32_t the_a = tok_of(c, RL_OLD, a, "the fog"), the_b = tok_of(c, RL_NEW, b, "the fog");
	uint32_t pier = tok_of(c, RL_OLD, a, "Pier"), regardless = tok_of(c, RL_NEW, b, "Regardless");
	rl_op v[] = {
		{0, pier, 0, regardless, 0, RL_OP_EQUAL, 0},
		{pier, the_a, regardless, the_b, 0, RL_OP_REPLACE, 0},
		{the_a, c->side[0].n, the_b, c->side[1].n, 0, RL_OP_EQUAL, 0},
	};
	rl_opvec ops = {0};
	split_ops(c, &ops, v, 3);
	cr_assert_eq(ops.n, 4);
	cr_assert(ops.v[1].kind == RL_OP_DELETE && ops.v[1].a0 == pier && ops.v[1].a1 == despite &&
	          ops.v[1].b0 == regardless && ops.v[1].b1 == regardless, "the dateline alone");
	cr_assert(ops.v[2].kind == RL_OP_REPLACE && ops.v[2].a0 == despite && ops.v[2].a1 == the_a &&
	          ops.v[2].b0 == regardless && ops.v[2].b1 == the_b, "Despite > Regardless of");
	/* A replace that starts inside a unit ("3 Despite" -> "Regardless of", as when two
	 * sentences are joined) keeps its pairing: what comes before the cut is no whole unit. */
	rl_op j[] = {{despite - 1, the_a, regardless, the_b, 0, RL_OP_REPLACE, 0},
	             {the_a, c->side[0].n, the_b, c->side[1].n, 0, RL_OP_EQUAL, 0}};
	split_ops(c, &ops, j, 2);
	cr_assert_eq(ops.n, 2);
	cr_assert_eq(ops.v[0].kind, RL_OP_REPLACE);
	/* A replace inside one sentence on both sides is left alone. */
	rl_op w[] = {{despite, the_a, regardless, the_b, 0, RL_OP_REPLACE, 0},
	             {the_a, c->side[0].n, the_b, c->side[1].n, 0, RL_OP_EQUAL, 0}};
	split_ops(c, &ops, w, 2);
	cr_assert_eq(ops.n, 2);
	rl_opvec_free(&ops);
	text_ctx_close(&x);
}

/* Issue 10: a replace pairs text only where its sides share a content word or stand in the same
 * sentence slot; a page's menu lines facing a sentence are a deletion and an insertion. */
Test(cleanup, unrelated_text_is_no_rewrite)
{
	const char *a = "Home\n\nNews\n\nToggle search form\n\nThe fleet grew. Top crews sailed.";
	const char *b = "That habit earned the ferry a loyal crowd of riders and crews.\n\nThe fleet "
	                "grew. Best crews sailed.";
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x, a, b);
	uint32_t fa = tok_of(c, RL_OLD, a, "The fleet"), fb = tok_of(c, RL_NEW, b, "The fleet");
	uint32_t top = tok_of(c, RL_OLD, a, "Top"), best = tok_of(c, RL_NEW, b, "Best");
	rl_op v[] = {
		{0, fa, 0, fb, 0, RL_OP_REPLACE, 0},
		{fa, top, fb, best, 0, RL_OP_EQUAL, 0},
		{top, top + 1, best, best + 1, 0, RL_OP_REPLACE, 0},
		{top + 1, c->side[0].n, best + 1, c->side[1].n, 0, RL_OP_EQUAL, 0},
	};
	rl_opvec ops = {0};
	split_ops(c, &ops, v, 4);
	cr_assert_eq(ops.n, 5);
	cr_assert(ops.v[0].kind == RL_OP_DELETE && ops.v[0].a1 == fa, "the menu deleted");
	cr_assert(ops.v[1].kind == RL_OP_INSERT && ops.v[1].b0 == 0 && ops.v[1].b1 == fb,
	          "the sentence inserted");
	/* A one-word swap inside a sentence stands in its slot: still a replace. */
	cr_assert_eq(ops.v[3].kind, RL_OP_REPLACE);
	/* So does a sentence reworded in place, sharing no word. */
	const char *s1 = "Storms came.", *s2 = "Gales arrived.";
	text_ctx_close(&x);
	c = text_ctx_pair(&x, s1, s2);
	rl_op w[] = {{0, 2, 0, 2, 0, RL_OP_REPLACE, 0}, {2, 3, 2, 3, 0, RL_OP_EQUAL, 0}};
	split_ops(c, &ops, w, 2);
	cr_assert_eq(ops.n, 2);
	cr_assert_eq(ops.v[0].kind, RL_OP_REPLACE);
	rl_opvec_free(&ops);
	text_ctx_close(&x);
}

/* Issue 10: adjacent swaps come out of the exact script as one replace ("can open" -> "is able to
 * unlock"); that is no heavy change, and the function word beside it is the text's own. */
Test(cleanup, function_words_beside_a_chain_of_swaps_stay)
{
	script_has("The keeper can open a small door in the tower.",
	           "The keeper is able to unlock a tiny gate in the tower.", NULL,
	           "r can open > is able to unlock | = a | r small > tiny");
	/* A clause rewritten at length still takes the "the" beside it. */
	script_has("The fleet grew. Top crews of the port sailed at dawn.",
	           "The fleet grew. High crews of the harbour town and all its many boats sailed at "
	           "dawn.", NULL, "r port > harbour town and all its many boats");
}

/* Issue 10: a bullet that restates the new sentence above it (its words come from there) matched
 * the old sentence more closely than the rewrite did, and took it: the rewrite was drawn as
 * inserted whole and the old sentence beside the bullet. The old sentence pairs with its rewrite. */
Test(cleanup, a_bullet_restating_the_rewrite_leaves_the_old_sentence_to_it)
{
	const char *a = "Sailors trusted the old tower for many decades. The keepers painted railings, "
	                "repaired windows and polished brass lamps every year.\n";
	const char *b = "For ages mariners relied on the ancient beacon. Annually the wardens painted "
	                "railings, fixed windows and shined brass lamps.\n"
	                "- Wardens painted railings, repaired windows and shined brass lamps annually\n";
	script_has(a, b, NULL, "r The keepers > Annually the wardens | = painted railings , |");
	script_has(a, b, NULL, "i - Wardens painted railings , repaired windows and shined "
	                       "brass lamps annually");
	/* A summary's bullet restating OLD, with no sentence of NEW above that it restates, still
	 * pairs with the old sentence. */
	script_has(a, "- Mariners trusted the tower\n"
	              "- Keepers painted railings, repaired windows and polished brass lamps yearly\n",
	           0, "= painted railings , repaired windows and polished brass lamps");
}

/* Issue 10 (stop 36): bullets that restate the rewrite above them in overlapping pieces, each piece
 * matching the old sentence as well as the rewrite does (or by a word more: "but" where the
 * rewrite says "yet"). Mended one bullet at a time, the old sentence's tail went from the first
 * bullet to the last ("- Is presented at the gate but the crews checks no luggage"), and the
 * rewrite's tail stayed inserted. All the bullets that restate it are set aside at once. */
Test(cleanup, overlapping_bullets_restating_the_rewrite_leave_the_old_sentence_to_it)
{
	const char *a = "The ferry leaves the pier at dawn. It can be boarded when a ticket is shown at "
	                "the gate but the crew checks no bags. For example:\n\n"
	                "This is commonly done for small groups.\n";
	const char *b = "The ferry departs the pier at sunrise. It is able to be boarded when a tickets "
	                "is presented at the gate yet the crews checks no luggage. For illustration:\n\n"
	                "- Presented at the gate but the crews checks no luggage. For\n"
	                "- The ferry departs the pier at sunrise. It is\n"
	                "- It is able to be boarded when a tickets is presented\n"
	                "- Is presented at the gate but the crews checks no luggage. For illustration\n\n"
	                "This is often done for little groups.\n";
	script_has(a, b, NULL, "= at the gate | r but > yet | = the |");
	script_lacks(a, b, NULL, "i yet the crews checks no luggage");
}

/* A title page revised, then a long body: "2011" is found once on each side, in the edition line
 * of OLD and in NEW's copyright line, and the exact engine's unique-word anchors fixed it there
 * ("Edition 4, May [2011]" beside "Copyright 2009, 2010, [2011], ..."), which drew the copyright
 * lines apart. A word or two kept alone that carry a line into another line are diffed again
 * with the region around them. */
Test(cleanup, a_year_kept_alone_does_not_pull_a_line_into_another)
{
	char body[16384];
	size_t n = 0;
	for (int i = 0; i < 60; i++)
		n += (size_t)snprintf(body + n, sizeof body - n,
		                      "Clause %d. Each member keeps a berth in section %d of the inner "
		                      "basin.\n\n",
		                      i + 1, i + 1);
	char *a = malloc(n + 256), *b = malloc(n + 256);
	snprintf(a, n + 256, "Harbour Charter\nEdition 4, May 2011\n\n\nCopyright 2009,2010,2011 The "
	                     "Harbour Trust.\nQuay Street, Polwenna\n\n%s", body);
	snprintf(b, n + 256, "Harbour Charter\nEdition 5, 2 May 2016\n\n\nCopyright 2009, 2010, "
	                     "2011, 2015, 2016 The Harbour Trust.\n<https://trust.example/>\n\n%s",
	         body);
	char *got = diff_text(a, b, NULL);
	cr_assert_not_null(strstr(got, "= Copyright |"), "%.400s", got);
	cr_assert_null(strstr(got, "= 2011 |"), "%.400s", got);
	free(got);
	free(a);
	free(b);
}

/* A heading's last words found again at the start of the next paragraph ("About Harbour Grid
 * Cooperative" over "Harbour Grid Cooperative is owned ..."): NEW rewrites both, and the exact
 * diff kept the heading's "Harbour Grid" with the sentence, which drew the heading's first word
 * and the sentence's words on one row and deleted the sentence's subject with the heading. */
Test(cleanup, a_heading_gives_no_words_to_the_next_paragraph)
{
	const char *a = "The partnership covers three sites and about 400 megawatt-hours of storage."
	                "\n\nAbout Harbour Grid Cooperative\n\nHarbour Grid Cooperative is owned by its "
	                "members and runs twelve wind farms along the coast.\n";
	const char *b = "The partnership covers three sites and about 420 megawatt-hours of storage."
	                "\n\nAbout the partners\n\nFounded in 2009, Harbour Grid now runs twelve wind "
	                "farms and is owned by its members.\n";
	script_lacks(a, b, NULL, "Cooperative Harbour Grid");
	script_has(a, b, NULL, "About | d Harbour Grid Cooperative |");
}

/* Issue 10, swaps paired: NEW is prose wrapped at 110 columns, and one of its lines, begun in the
 * middle of a sentence, is nearly all swapped words. Taken for a line a reader sees, it was a
 * unit of its own that kept two words in twenty, "gone", and was cut out as an insertion, its OLD
 * words left to pair with the next line's. It is a run of swaps where it stands. */
Test(cleanup, a_line_of_swaps_in_wide_wrapped_prose_is_no_insertion)
{
	const char *a = "The harbour committee met on Tuesday to discuss the state of the\n"
	                "northern pier and its lamps. Its members agreed that the old\n"
	                "timber supports serve a very different purpose from the steel\n"
	                "ones, and they said the town should consider several options\n"
	                "before spending money on repairs. The chair asked the engineer\n"
	                "to report back in a month with the costs of each plan for the\n"
	                "winter.\n";
	const char *b = "The harbour committee met on Tuesday to discuss the state of the northern pier "
	                "and its lamps. Its members agreed that the old timber\n"
	                "props fulfil a rather distinct function than the iron beams, so everyone "
	                "reckoned the borough ought to weigh\n"
	                "numerous choices prior to spending money on repairs. The chair asked the "
	                "engineer to report back in\n"
	                "a month with the costs of each plan for the winter.\n";
	script_has(a, b, NULL, "| r supports > props | r serve > fulfil | = a |");
	script_lacks(a, b, NULL, "| i ");
}

/* Does an op of kind k cover exactly [lo, hi) of side s (and nothing of the other side)? */
static bool has_alone(const rl_opvec *ops, int kind, int s, uint32_t lo, uint32_t hi)
{
	for (size_t k = 0; k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		if (op->kind == kind && rl_lo(op, s) == lo && rl_hi(op, s) == hi &&
		    rl_lo(op, !s) == rl_hi(op, !s))
			return true;
	}
	return false;
}

/* The op of ops holding token t of side s. */
static size_t op_of(const rl_opvec *ops, int s, uint32_t t)
{
	for (size_t k = 0; k < ops->n; k++)
		if (rl_lo(&ops->v[k], s) <= t && t < rl_hi(&ops->v[k], s))
			return k;
	cr_assert_fail("token %u of side %d in no op", t, s);
	return ops->n;
}

/* The script of a against b under ignore_punct with NEW's hole [from, to) (needles of b). */
static void punct_hole(const char *a, const char *b, const char *from, const char *to,
                       text_ctx *x, rl_opvec *ops)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.key.ignore_punct = true;
	cr_assert_eq(rl_tokenize(&x->toks[0], a, strlen(a)), RL_OK);
	cr_assert_eq(rl_tokenize(&x->toks[1], b, strlen(b)), RL_OK);
	cr_assert_eq(rl_pipeline_ctx(&x->c, x->toks[0], x->toks[1], &o), RL_OK);
	rl_ctx *c = &x->c;
	rl_hole h = {RL_NEW, tok_of(c, RL_NEW, b, from), tok_of(c, RL_NEW, b, to)};
	*ops = (rl_opvec){0};
	cr_assert_eq(rl_ctx_refine_holes(c, 0, c->side[RL_OLD].n, 0, c->side[RL_NEW].n, &h, 1, ops),
	             RL_OK);
}

/* Issue 10: under ignore_punct the marks of the other side beside a hole, not compared, go where
 * the hole's side has its own: the stop that ends the line before the hole stays with its word
 * (it was cut off after the hole, a row apart), and a line of marks that the hole's side lacks
 * faces the hole (a table's empty cell "|" against the filled one) instead of pushing the
 * rows after it down. */
Test(cleanup, marks_beside_a_hole_under_ignore_punct_go_with_their_lines)
{
	const char *a = "Boats stay ashore in fog.\n\n8.4 Damage goes in the book.\n";
	const char *b = "Boats stay ashore in fog.\n\n8.4 Every member locks the door.\n\n"
	                "8.5 Damage goes in the book.\n";
	text_ctx x;
	rl_opvec ops;
	punct_hole(a, b, "8.4", "8.5", &x, &ops);
	rl_ctx *c = &x.c;
	uint32_t fog = tok_of(c, RL_OLD, a, "fog");
	cr_assert_eq(op_of(&ops, RL_OLD, fog + 1), op_of(&ops, RL_OLD, fog), "the stop left its word");
	rl_opvec_free(&ops);
	text_ctx_close(&x);

	a = "Totals 62 and 9\n|\n|-\n! Next row here\n";
	b = "Totals 62 and 9\n| 136,000 sold\n|-\n! Next row here\n";
	punct_hole(a, b, "| 136", "|-", &x, &ops);
	c = &x.c;
	uint32_t cell = tok_of(c, RL_OLD, a, "|\n"), row = tok_of(c, RL_OLD, a, "|-");
	cr_assert_eq(op_of(&ops, RL_OLD, cell), op_of(&ops, RL_OLD, cell - 1),
	             "OLD's empty cell went below the hole");
	cr_assert_eq(op_of(&ops, RL_OLD, row), op_of(&ops, RL_NEW, tok_of(c, RL_NEW, b, "|-")));
	rl_opvec_free(&ops);
	text_ctx_close(&x);
}

/* Issue 10: a short page (a redirect) rewritten from a long one that shares no word with it keeps
 * facing the long page's start under ignore_punct: the units cleanup found the start's units gone,
 * but a region that kept nothing has no coincidence to cut out, and its mend only moved the short
 * page down to face the long one's end (wikidiff2's en17: 4 -> 555 words rewritten, not 29). */
Test(cleanup, a_region_that_keeps_nothing_is_left_as_it_is_under_ignore_punct)
{
	const char *a = "Harbour notes for the week, with tide tables and weather for sailors.\n"
	                "The ferry timetable changes on Monday morning for the winter months.\n"
	                "Fishing boats unload at the north wall between six and nine.\n}}\n"
	                "Visitors may hire bicycles near the pier.\n"
	                "The lighthouse museum opens at ten each day.\n";
	const char *b = "#REDIRECT [[Quay office hours]]\n";
	text_ctx x;
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.key.ignore_punct = true;
	cr_assert_eq(rl_tokenize(&x.toks[0], a, strlen(a)), RL_OK);
	cr_assert_eq(rl_tokenize(&x.toks[1], b, strlen(b)), RL_OK);
	cr_assert_eq(rl_pipeline_ctx(&x.c, x.toks[0], x.toks[1], &o), RL_OK);
	rl_ctx *c = &x.c;
	uint32_t na = c->side[RL_OLD].n, nb = c->side[RL_NEW].n;
	const rl_op script[] = {{0, na, 0, nb, 0, RL_OP_REPLACE, 0}};
	rl_opvec ops;
	text_ctx_stage(&x, rl_cleanup_units, script, 1, &ops);
	char got[256];
	text_ctx_ranges(&ops, got, sizeof got);
	cr_assert_eq(ops.v[op_of(&ops, RL_NEW, 0)].a0, 0, "the redirect moved down: %s", got);
	rl_opvec_free(&ops);
	text_ctx_close(&x);
}

/* Issue 10: a region mended on both sides keeps every hole out of each re-diff (mending NEW's
 * side once gave an OLD heading its coincidences back): each hole is an op of its own and no
 * equal op reaches into one. */
Test(cleanup, holes_on_both_sides_stay_out_of_the_diff)
{
	const char *a = "The ferry ran late today. Harbour news and notes. The crew waited for the tide.";
	const char *b = "The ferry ran late today. The news came. Notes on harbour news. The crew waited "
	                "for the tide.";
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x, a, b);
	uint32_t na = c->side[RL_OLD].n, nb = c->side[RL_NEW].n;
	rl_hole holes[2] = {
		{RL_OLD, tok_of(c, RL_OLD, a, "Harbour"), tok_of(c, RL_OLD, a, "The crew")},
		{RL_NEW, tok_of(c, RL_NEW, b, "Notes"), tok_of(c, RL_NEW, b, "The crew")},
	};
	rl_opvec ops = {0};
	/* NEW's hole alone: OLD's sentence finds "news" in the sentence before it. */
	cr_assert_eq(rl_ctx_refine_holes(c, 0, na, 0, nb, holes + 1, 1, &ops), RL_OK);
	bool kept = false;
	for (size_t k = 0; k < ops.n; k++)
		kept |= ops.v[k].kind == RL_OP_EQUAL && ops.v[k].a0 < holes[0].h1 &&
		        ops.v[k].a1 > holes[0].h0;
	cr_assert(kept, "with NEW's hole alone, OLD's sentence keeps a word");
	ops.n = 0;
	cr_assert_eq(rl_ctx_refine_holes(c, 0, na, 0, nb, holes, 2, &ops), RL_OK);
	cr_assert(has_alone(&ops, RL_OP_DELETE, RL_OLD, holes[0].h0, holes[0].h1));
	cr_assert(has_alone(&ops, RL_OP_INSERT, RL_NEW, holes[1].h0, holes[1].h1));
	for (size_t k = 0; k < ops.n; k++) {
		const rl_op *op = &ops.v[k];
		if (op->kind != RL_OP_EQUAL)
			continue;
		cr_assert(op->a1 <= holes[0].h0 || op->a0 >= holes[0].h1, "op %zu in OLD's hole", k);
		cr_assert(op->b1 <= holes[1].h0 || op->b0 >= holes[1].h1, "op %zu in NEW's hole", k);
	}
	rl_opvec_free(&ops);
	text_ctx_close(&x);
}

/* The ops of a hand-made script over OLD and NEW, after rl_slide, as text. */
static void slid(const char *a, const char *b, const rl_op *in, size_t n, char *out, size_t cap)
{
	stage_ranges(a, b, rl_slide, in, n, out, cap);
}

Test(cleanup, an_equality_shifted_away_joins_two_changes)
{
	/* "在" kept at the start of a long insertion that ends with it: the insertion is one, the
	 * 在 before 中巴 is the one kept (the insertion ends at the sentence's end). */
	char got[256];
	const rl_op script[] = {
		{0, 0, 0, 2, 0, RL_OP_INSERT, 0},  /* 胜利 */
		{0, 1, 2, 3, 0, RL_OP_EQUAL, 0},   /* 在 */
		{1, 1, 3, 9, 0, RL_OP_INSERT, 0},  /* 行内厂房。在 */
		{1, 3, 9, 11, 0, RL_OP_EQUAL, 0},  /* 中巴 */
	};
	slid("在中巴", "胜利在行内厂房。在中巴", script, 4, got, sizeof got);
	cr_assert_str_eq(got, "i 0-0 0-8 | = 0-3 8-11");
	/* Not across a deletion and an insertion: that would pair two texts nothing paired. */
	const rl_op apart[] = {
		{0, 2, 0, 0, 0, RL_OP_DELETE, 0},  /* 胜利 */
		{2, 3, 0, 1, 0, RL_OP_EQUAL, 0},   /* 在 */
		{3, 3, 1, 4, 0, RL_OP_INSERT, 0},  /* 行内在 */
		{3, 5, 4, 6, 0, RL_OP_EQUAL, 0},   /* 中巴 */
	};
	slid("胜利在中巴", "在行内在中巴", apart, 4, got, sizeof got);
	cr_assert_str_eq(got, "d 0-2 0-0 | = 2-3 0-1 | i 3-3 1-4 | = 3-5 4-6");
}

Test(cleanup, an_equality_at_a_line_start_is_not_shifted_away)
{
	/* "id:" kept at the start of the third paragraph: the two deleted before it stay whole, not
	 * one deletion from the first "id:" on. */
	char got[256];
	const char *a = "x\n\nid: a\n\nid: b\n\nid: c", *b = "x\n\nid: d";
	const rl_op script[] = {
		{0, 1, 0, 1, 0, RL_OP_EQUAL, 0},    /* x */
		{1, 7, 1, 1, 0, RL_OP_DELETE, 0},   /* id: a id: b */
		{7, 9, 1, 3, 0, RL_OP_EQUAL, 0},    /* id: */
		{9, 10, 3, 4, 0, RL_OP_REPLACE, 0}, /* c -> d */
	};
	slid(a, b, script, 4, got, sizeof got);
	cr_assert_str_eq(got, "= 0-1 0-1 | d 1-7 1-1 | = 7-9 1-3 | r 9-10 3-4");
}

/* A template's line whose value was rewritten, longer, keeps its parameter name ("| clubs1 =")
 * and nothing else: its words are few against the new value's, which another line of OLD holds
 * ("| clubs2 = [[Holmby Athletic|Holmby]]"). It is one line rewritten in place, not a line
 * deleted beside a line inserted (cleanup_units.c, keeps_markup_head). */
Test(cleanup, a_markup_line_that_keeps_its_name_is_rewritten_in_place)
{
	const char *a = "{{Infobox football biography\n"
	                "| name = Mara Quell\n"
	                "| youthclubs1 = [[Fenwick Rovers]]\n"
	                "| youthclubs2 = [[Port Authority]]\n"
	                "| years1 = 2001–2003\n"
	                "| clubs1 = [[Port Authority]]\n"
	                "| caps1 = 54\n"
	                "| years2 = 2004–2018\n"
	                "| clubs2 = [[Holmby Athletic|Holmby]]\n"
	                "| caps2 = 300\n"
	                "}}\n"
	                "'''Mara Quell''' (born 1984) is a footballer who played for Holmby Athletic "
	                "for fourteen years.\n";
	const char *b = "{{Infobox football biography\n"
	                "| name = Mara Quell\n"
	                "| youthclubs1 = [[Fenwick Rovers]]\n"
	                "| youthclubs2 = [[Holmby Athletic|Holmby]]\n"
	                "| years1 = 2001–2003\n"
	                "| clubs1 = [[Holmby Athletic Reserves|Holmby Reserves]]\n"
	                "| caps1 = 54\n"
	                "| years2 = 2004–2018\n"
	                "| clubs2 = [[Holmby Athletic|Holmby]]\n"
	                "| caps2 = 300\n"
	                "}}\n"
	                "'''Mara Quell''' (born 1984) is a footballer who played for Holmby Athletic "
	                "for fourteen years.\n";
	script_has(a, b, NULL, "| r Port Authority > Holmby Athletic Reserves | Holmby Reserves |");
	script_lacks(a, b, NULL, "d | clubs1 = [ [ Port Authority ] ]");
}

/* A reference's citation replaced by a named reference: the "tools" of the deleted URL
 * (http://tools.holmby.org/tools-listing) was paired with the "tools" of the added
 * name="tools", a coincidence that pulled the rewrite apart around it. A word of a URL whose
 * other words all changed, matched outside a URL, joins the rewrite (rl_url_strays); one in a
 * URL that keeps its other parts stays, as do a number's parts and a URL rewritten part by
 * part. */
Test(cleanup, a_word_matched_out_of_a_changed_url_joins_the_rewrite)
{
	const char *a = "The keepers use many tools, such as:<ref>{{Cite web|url = "
	                "http://tools.holmby.org/tools-listing|title = Holmby Tools Listing "
	                "|publisher =Holmby Trust}}</ref>\n* lamps\n* ropes\n";
	const char *b = "The keepers use many tools, such as:<ref name=\"tools\" />\n* lamps\n* ropes\n";
	script_lacks(a, b, NULL, "| = tools |");
	script_has(a, b, NULL, "> \" tools \" |");
	script_has(a, b, without(RL_STAGE_CLEANUP), "| = tools |");
	script_has("See http://www.holmby.org/a/tools/b for the list.",
	           "See http://www.holmby.org/c/tools/d for the list.", NULL, "| = / tools / |");
	script_has("Version five.26.1 is out.", "Version six.26.1 is out.", NULL, "| = . 26 . 1 is out");
	/* A URL rewritten part by part, a URL on both sides, keeps what it kept. */
	script_has("Ask the community at https://raku.org/community/ for help.",
	           "Ask the communities at http://rakus.org/communities/ for help.", NULL,
	           "| = . org / |");
}

/* Issue 10: under ignore_punct too, a word of a URL whose other words all changed, matched
 * outside a URL, joins the rewrite: the stage reads the words and the URL's glue on each side, not
 * the marks' pairing, so it runs under -p (it was off there, and "tools" of the deleted URL stayed
 * kept against the named reference). A URL that keeps its other parts keeps its word. */
Test(cleanup, a_word_matched_out_of_a_changed_url_joins_the_rewrite_under_ignore_punct)
{
	static rl_diff_opts o;
	o = (rl_diff_opts)RL_DIFF_OPTS_INIT;
	o.key.ignore_punct = true;
	const char *a = "Boats are listed:<ref>{{Cite web|url = "
	                "http://boats.fenmere.org/boats-register|title = Fenmere Boats Register "
	                "|publisher =Fenmere Society}}</ref>\n* punts\n* skiffs\n";
	const char *b = "Boats are listed:<ref name=\"boats\" />\n* punts\n* skiffs\n";
	script_lacks(a, b, &o, "| = boats");
	script_has("See http://www.fenmere.org/a/boats/b for the list.",
	           "See http://www.fenmere.org/c/boats/d for the list.", &o, "= boats");
}

/* An equality inside a quotation is not shifted out of it (nor one outside into one): which copy
 * of a word the quotation keeps decides whether it was removed. */
Test(cleanup, an_equality_is_not_shifted_out_of_a_quotation)
{
	char got[256];
	const char *a = "x \"y\" z y", *b = "x q y";
	const rl_op script[] = {
		{0, 1, 0, 1, 0, RL_OP_EQUAL, 0},   /* x */
		{1, 2, 1, 2, 0, RL_OP_REPLACE, 0}, /* " -> q */
		{2, 3, 2, 3, 0, RL_OP_EQUAL, 0},   /* y, inside the quotation */
		{3, 6, 3, 3, 0, RL_OP_DELETE, 0},  /* " z y */
	};
	slid(a, b, script, 4, got, sizeof got);
	cr_assert_str_eq(got, "= 0-1 0-1 | r 1-2 1-2 | = 2-3 2-3 | d 3-6 3-3");
	/* Without the marks the same script shifts: the two changes become one. */
	const char *c = "x , y , z y";
	slid(c, b, script, 4, got, sizeof got);
	cr_assert_str_eq(got, "= 0-1 0-1 | r 1-5 1-2 | = 5-6 2-3");
}

/* A word's tail kept alone while its head changed on both sides ("-hull" of "closed-hull" and
 * "open-hull", between two rewrites) is a coincidence of spelling: it joins the rewrite. A
 * compound whose head alone is swapped keeps its tail, and so does one swapped between two
 * one-word swaps. */
Test(cleanup, a_word_tail_kept_alone_joins_the_rewrite)
{
	const char *a = "Boats left at six.\n\nThe yard builds costly closed-hull boats for export "
	                "and the town rests.\n\nThe fleet grew.\n";
	const char *b = "Boats left at six.\n\nThe mayor dismissed every plan for cheaper open-hull "
	                "designs on Friday.\n\nThe fleet grew.\n";
	script_lacks(a, b, NULL, "= - hull");
	script_has(a, b, without(RL_STAGE_CLEANUP), "= - hull");
	script_has("The yard builds closed-hull boats today.", "The yard builds open-hull boats today.",
	           NULL, "= - hull boats today .");
	script_has("The yard builds closed-hull boats today.", "The yard builds open-hull ships today.",
	           NULL, "= - hull |");
}

/* Issue 10: OLD's headings mended as gone stay out when NEW's side is mended. A bullet summary's
 * title, standfirst and first section heading (its first three lines) are gone whole against the
 * spun article; mending OLD's side cut them out, and mending a sentence of NEW gone whole re-diffed
 * a region that reached back over them, which gave the title its company name back against the
 * article's first sentence (and the heading two names), one rewrite running over four lines. Now
 * every token of those three lines is deleted. The case is the corpus's summary against its spun
 * copy: a text of our own with the same script needs the exact diff's choice among equals. */
Test(cleanup, headings_mended_stay_out_when_new_is_mended)
{
	size_t la, lb;
	char *a = shared_read("corpus/002_e2a3f2d9f00da069.txt", &la);
	char *b = shared_read("corpus/001_60d1663690d02111.txt", &lb);
	if (!a || !b) {
		free(a), free(b);
		cr_skip_test("no shared corpus at %s", SHARED_DIR);
	}
	uint32_t third_line = 0;
	for (int lines = 0; third_line < la && lines < 3; third_line++)
		lines += a[third_line] == '\n';
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a, la, b, lb, &o), RL_OK);
	const rl_token *tok = rl_tokens_array(rl_alignment_tokens(al, RL_OLD));
	size_t n;
	const rl_op *ops = rl_alignment_ops(al, &n);
	size_t altered = 0;
	for (size_t k = 0; k < n; k++) {
		altered += ops[k].quote == RL_QUOTE_ALTERED;
		for (uint32_t t = ops[k].a0; t < ops[k].a1 && tok[t].off < third_line; t++)
			cr_assert(ops[k].kind == RL_OP_DELETE && !ops[k].move,
			          "token %u of the first three lines in an op of kind %d", t, ops[k].kind);
	}
	/* The word diff stands (the headings back in it made the sentence pairing look better than
	 * it is): the summary's bullet quoting the company's plan still faces the spun quotation,
	 * one altered quotation, not one removed and one added. */
	cr_assert_gt(altered, 0);
	rl_alignment_free(al);
	free(a);
	free(b);
}

/* The kept words of each unit, counted token by token: what rl_count_kept finds by ranges. */
static void kept_by_token(const rl_ctx *c, const rl_op *v, size_t n, int s, uint32_t u0,
                          uint32_t *kept)
{
	const rl_side *sd = &c->side[s];
	for (size_t k = 0; k < n; k++) {
		uint8_t kind = v[k].kind;
		if (kind != RL_OP_EQUAL && kind != RL_OP_MOVE && kind != RL_OP_TYPO)
			continue;
		for (uint32_t t = rl_lo(&v[k], s); t < rl_hi(&v[k], s); t++)
			kept[rl_unit_of(sd, t) - u0] += rl_words(c, s, t, t + 1);
	}
}

/* Ops of every kind and length over short sentences and one of 1,000 words: inside one unit,
 * across two, across many, over the long one (more than 256 tokens), empty on a side. */
Test(cleanup, the_kept_words_per_unit_match_a_count_by_token)
{
	static char text[24576];
	size_t len = 0;
	for (int i = 0; i < 120; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, "Rain fell on day %d. ", i);
	len += (size_t)snprintf(text + len, sizeof text - len, "Then the road");
	for (int i = 0; i < 500; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, " went on");
	len += (size_t)snprintf(text + len, sizeof text - len, ".\n\n");
	for (int i = 0; i < 150; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, "Yes, %d, it did. ", i);
	cr_assert(len < sizeof text - 1);
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x, text, text);
	for (int s = 0; s < 2; s++)
		if (!rl_has_units(&c->side[s]))
			cr_assert_eq(rl_units_find(c, s), RL_OK);
	uint32_t n = c->side[RL_OLD].n, nu = c->side[RL_OLD].nunits;
	cr_assert(n > 2500 && nu > 250, "%u tokens, %u units", n, nu);
	static rl_op v[4096];
	static const uint32_t lens[] = {1, 3, 0, 7, 40, 2, 300, 11, 5, 90, 1, 600, 13};
	static const uint8_t kinds[] = {RL_OP_EQUAL, RL_OP_DELETE, RL_OP_MOVE, RL_OP_REPLACE,
	                                RL_OP_TYPO, RL_OP_INSERT, RL_OP_EQUAL};
	size_t nv = 0;
	uint32_t a = 17, b = 17;  /* from inside the first unit */
	for (size_t k = 0; a < n && b < n && nv < 4096; k++) {
		uint8_t kind = kinds[k % 7];
		uint32_t la = kind == RL_OP_INSERT ? 0 : lens[k % 13];
		uint32_t lb = kind == RL_OP_DELETE ? 0 : lens[(k + 5) % 13];
		if (kind != RL_OP_REPLACE && kind != RL_OP_DELETE && kind != RL_OP_INSERT)
			lb = la;
		la = a + la > n ? n - a : la;
		lb = b + lb > n ? n - b : lb;
		v[nv++] = (rl_op){.a0 = a, .a1 = a + la, .b0 = b, .b1 = b + lb, .kind = kind};
		a += la, b += lb;
	}
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c->side[s];
		uint32_t u0 = rl_unit_of(sd, 17);
		static uint32_t want[2048], got[2048];
		memset(want, 0, sizeof want);
		memset(got, 0, sizeof got);
		kept_by_token(c, v, nv, s, u0, want);
		rl_count_kept(c, v, nv, s, u0, got);
		for (uint32_t u = u0; u < sd->nunits; u++)
			cr_assert_eq(got[u - u0], want[u - u0], "side %d, unit %u: %u words, not %u", s, u,
			             got[u - u0], want[u - u0]);
	}
	text_ctx_close(&x);
}

/* rl_heavy_op, inline in cleanup.h: a replace is heavy past RL_SWAP_WORDS words on a side, a
 * one-sided change with any word; punctuation alone is no weight. (A guard of the move.) */
Test(cleanup, a_change_is_heavy_past_the_words_of_a_swap)
{
	const char *a = "one two three four five , six";
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x, a, a);
	struct {
		rl_op op;
		bool heavy;
	} cases[] = {
		{{0, 3, 0, 3, 0, RL_OP_REPLACE, 0}, false},  /* three words a side: a swap */
		{{0, 4, 0, 1, 0, RL_OP_REPLACE, 0}, true},   /* four on OLD */
		{{0, 1, 1, 5, 0, RL_OP_REPLACE, 0}, true},   /* four on NEW */
		{{5, 6, 5, 5, 0, RL_OP_DELETE, 0}, false},   /* a comma alone */
		{{5, 7, 5, 5, 0, RL_OP_DELETE, 0}, true},    /* a word with it */
		{{0, 0, 6, 7, 0, RL_OP_INSERT, 0}, true},    /* one word inserted */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		cr_assert_eq(rl_heavy_op(c, &cases[i].op), cases[i].heavy, "case %zu", i);
	text_ctx_close(&x);
}

/* A rewrite whose other side is whole units is no rewrite: the head of OLD's next sentence ("A",
 * which goes on in the kept "Port") against NEW's whole sentence, in the slot of OLD's deleted
 * sentence, is an insertion and the head deleted on its own, by its sentence (stop 31, s31row's
 * shape with NEW the short sentence). */
Test(cleanup, a_sentence_head_against_whole_units_is_no_rewrite)
{
	const char *a = "The ferry left at noon.\n\nIt must be said that these are for now no more "
	                "than hopes. A Port spokesman said the fares stay low.\n";
	const char *b = "The ferry left at noon.\n\nThe hopes are only that \xe2\x80\x93 hopes. Port "
	                "chief Ben Hale would still need to sign, and a city spokesman said the fares "
	                "stay low.\n";
	script_has(a, b, NULL, "| i The hopes are only that \xe2\x80\x93 hopes . | d A | = Port |");
	script_lacks(a, b, NULL, "r A >");
}

/* A unit that a line break alone ends is no whole sentence: "Additionally" at the end of a line
 * of NEW, against OLD's "Also" that starts the sentence going on after it, stays their rewrite
 * (fresh seed 2718281828 p2's shape, our own words). */
Test(cleanup, a_word_ended_by_a_line_break_is_no_whole_sentence)
{
	const char *a = "1. To lose a thread of talk or a line of thought. Also said as a cry at the "
	                "point of doubt.\n\n2. To find the way home.\n";
	const char *b = "1. To loses a thread of talk or a line of thought. Additionally\nsaid as a "
	                "cries at the level of doubts.\n\n2. To find the way home.\n";
	script_has(a, b, NULL, "| r Also > Additionally |");
}

/* Two of the examples that are no versions of each other (a lighthouse story against a council's
 * bike-lane draft, NEW opening with an inserted title): the units cleanup's mend_splits compared a
 * region's ops with the op before it, here that insertion at OLD's start, whose OLD range is
 * empty, and read the unit of token -1 (a crash on main a025cff). */
Test(cleanup, unrelated_examples_with_an_inserted_opening_do_not_crash)
{
	size_t la, lb;
	char *a = fixture_read("examples/lighthouse-2-spun.txt", &la);
	char *b = fixture_read("examples/council-1-draft.md", &lb);
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a, la, b, lb, &o), RL_OK);
	rl_alignment_free(al);
	free(a);
	free(b);
}

/* Issue 10 (cleanup_strays.c): a bullet that sums up two paragraphs side by side keeps their
 * names; the chain of the exact diff then went on down OLD and kept its "the public" with a dock
 * three paragraphs further on, its one stray drawn there. The stray is inserted with the rest of
 * the bullet's new words; the words kept one paragraph on stay. */
Test(cleanup, a_word_or_two_kept_paragraphs_past_their_unit_are_inserted)
{
	const char *a = "The county board voted to close the river bridge after a long public "
	                "hearing on Tuesday.\n\n"
	                "Engineer Marta Lindqvist, who inspected it in May, said the beams had "
	                "rusted through.\n\n"
	                "Captain Tomas Reyes spoke near the end and asked who would pay for a "
	                "ferry.\n\n"
	                "The bridge will stay closed until October.\n\n"
	                "Trucks will be sent through Mill Street instead.\n\n"
	                "We will fix the public dock.\n";
	const char *b = "Bridge closed\n\n- Engineer Marta Lindqvist and captain Tomas Reyes "
	                "spoke against the closure during the public hearing.\n";
	script_lacks(a, b, NULL, "= the public");
	script_has(a, b, NULL, "= Engineer Marta Lindqvist |");
	script_has(a, b, NULL, "= Tomas Reyes spoke |");
	script_has(a, b, NULL, "> closure during the public hearing . |");
	/* Without the cleanup stages, the stray stands. */
	script_has(a, b, without(RL_STAGE_CLEANUP), "= the public");
}
