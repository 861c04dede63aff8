/* Tests for changelist.c: which changes --changes and --json list, of which kind, where. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "align.h"
#include "print/changelist.h"
#include "quote_changes.h"
#include "status.h"

typedef struct listed {
	rl_alignment *al;
	rl_changelist cl;
} listed;

static void list(listed *l, const char *a, const char *b)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	cr_assert_eq(rl_diff(&l->al, a, strlen(a), b, strlen(b), &o), RL_OK);
	cr_assert_eq(rl_changelist_build(&l->cl, l->al), RL_OK);
}

static void unlist(listed *l)
{
	rl_changelist_free(&l->cl);
	rl_alignment_free(l->al);
}

/* The kinds listed, in order. */
static void kinds(const listed *l, const int *want, size_t n)
{
	cr_assert_eq(l->cl.n, n, "%zu changes, want %zu", l->cl.n, n);
	for (size_t k = 0; k < n; k++)
		cr_assert_eq(l->cl.items[k].kind, want[k], "change %zu is %s, want %s", k,
		             rl_edit_name(l->cl.items[k].kind), rl_edit_name(want[k]));
}

Test(changelist, same_texts_list_nothing)
{
	listed l;
	list(&l, "One sentence here.\n", "One sentence here.\n");
	kinds(&l, NULL, 0);
	cr_assert_eq(l.cl.minor, 0);
	unlist(&l);
}

Test(changelist, word_edits_are_counted_not_listed)
{
	listed l;
	list(&l, "The harbor council met on Monday night to vote.\n",
	     "The town council met on Tuesday night to vote.\n");
	kinds(&l, NULL, 0);
	cr_assert_eq(l.cl.minor, 2);
	unlist(&l);
}

Test(changelist, sentences_deleted_and_inserted_with_their_paragraphs)
{
	listed l;
	list(&l,
	     "The council met on Monday.\n\nIt voted to sell the lighthouse. The mayor was absent "
	     "from the whole long meeting. The clerk read the minutes.\n\nThe sale closes in June.\n",
	     "The council met on Monday.\n\nIt voted to sell the lighthouse. The clerk read the "
	     "minutes.\n\nThe sale closes in June. A petition against the sale has gathered many "
	     "signatures.\n");
	kinds(&l, (const int[]){RL_CH_DELETED, RL_CH_INSERTED}, 2);
	const rl_edit *del = &l.cl.items[0], *ins = &l.cl.items[1];
	cr_assert_eq(del->para[0], 2);
	cr_assert_eq(del->words[0], 9);
	cr_assert_eq(del->sentences[0], 1);
	cr_assert_eq(ins->para[1], 3);
	cr_assert_eq(ins->words[1], 9);
	unlist(&l);
}

Test(changelist, a_list_items_number_is_no_sentence)
{
	/* "4. Add a session." is one sentence, not two (the number's stop ended one); a sentence
	 * of one letter and a stop ("A.") inside a line still ends one */
	listed l;
	list(&l,
	     "The plan has three steps.\n\n1. Close on Mondays.\n\n2. Open on Saturdays.\n\n"
	     "3. Review after a year.\n\nThat is all.\n",
	     "The plan has three steps.\n\n1. Close on Mondays.\n\n2. Open on Saturdays.\n\n"
	     "3. Add a Tuesday session for the school children of the east end.\n\n"
	     "4. Review after a year.\n\nThat is all.\n");
	cr_assert_eq(l.cl.n, 1);
	const rl_edit *ins = &l.cl.items[0];
	cr_assert_eq(ins->kind, RL_CH_INSERTED);
	cr_assert_eq(ins->sentences[1], 1, "%u sentences", (unsigned)ins->sentences[1]);
	unlist(&l);
	list(&l, "We met.\n", "We met. He voted for plan A. Then we left the hall for home.\n");
	cr_assert_eq(l.cl.n, 1);
	cr_assert_eq(l.cl.items[0].sentences[1], 2, "%u sentences", (unsigned)l.cl.items[0].sentences[1]);
	unlist(&l);
}

Test(changelist, an_altered_quotation_is_one_change_with_its_edits)
{
	listed l;
	list(&l,
	     "The mayor spoke. \xe2\x80\x9cWe have patched that tower for years, and this deal "
	     "finally saves it,\xe2\x80\x9d he said after the vote.\n",
	     "The mayor spoke. \xe2\x80\x9cWe have mended that tower for years, and this bargain "
	     "finally saves it,\xe2\x80\x9d he said after the vote.\n");
	kinds(&l, (const int[]){RL_CH_QUOTE_ALTERED}, 1);
	const rl_edit *q = &l.cl.items[0];
	size_t nops, flagged = 0;
	const rl_op *ops = rl_alignment_ops(l.al, &nops);
	for (uint32_t k = q->op0; k < q->op1; k++)
		flagged += ops[k].quote == RL_QUOTE_ALTERED;
	cr_assert_eq(flagged, 2, "both edits of the quotation in one change");
	cr_assert_eq(q->para[1], 1);
	unlist(&l);
}

/* The quotations an alignment changes, grouped as the change list groups them: the count the
 * viewer's status line shows (rl_quote_changes_count) is the list's, not the ops flagged. */
Test(changelist, quotations_are_counted_as_the_list_groups_them)
{
	listed l;
	list(&l,
	     "The harbour master spoke first. \xe2\x80\x9cWe have patched that sea wall for years, "
	     "and this grant finally pays for a proper repair,\xe2\x80\x9d she told the meeting.\n\n"
	     "The treasurer was brief. \xe2\x80\x9cNot one penny more than we budgeted,\xe2\x80\x9d "
	     "he said, and sat down.\n",
	     "The harbour master spoke first. \xe2\x80\x9cWe have mended that sea wall for decades, "
	     "and this award finally pays for a proper repair,\xe2\x80\x9d she told the meeting.\n\n"
	     "The treasurer was brief, and sat down.\n");
	kinds(&l, (const int[]){RL_CH_QUOTE_ALTERED, RL_CH_QUOTE_REMOVED}, 2);
	size_t counts[RL_QUOTE_KINDS];
	cr_assert_eq(rl_quote_changes_count(l.al, counts), 2);
	cr_assert_eq(counts[RL_QUOTE_ALTERED], 1, "three edits inside one quotation: one altered");
	cr_assert_eq(counts[RL_QUOTE_REMOVED], 1);
	cr_assert_eq(counts[RL_QUOTE_ADDED] + counts[RL_QUOTE_ELIDED] + counts[RL_QUOTE_NONE], 0);
	cr_assert_gt(rl_alignment_stats(l.al)->quotes, 2, "more ops flagged than quotations");
	/* Each listed quotation ends where rl_quote_change_end says. */
	for (size_t k = 0; k < l.cl.n; k++)
		cr_assert_eq(rl_quote_change_end(l.al, l.cl.items[k].op0), l.cl.items[k].op1);
	unlist(&l);

	/* Two altered quotations in two paragraphs are two, even close together. */
	list(&l, "\xe2\x80\x9cThe tide is high,\xe2\x80\x9d she said.\n\n"
	         "\xe2\x80\x9cThe boats are late,\xe2\x80\x9d he said.\n",
	     "\xe2\x80\x9cThe tide is low,\xe2\x80\x9d she said.\n\n"
	     "\xe2\x80\x9cThe boats are early,\xe2\x80\x9d he said.\n");
	cr_assert_eq(rl_quote_changes_count(l.al, counts), 2);
	cr_assert_eq(counts[RL_QUOTE_ALTERED], 2);
	unlist(&l);
}

Test(changelist, a_moved_passage_once_with_both_places)
{
	const char *p1 = "Walt Prentiss, a retired fisherman whose grandfather kept the light, spoke "
	                 "at the very end of the long meeting.";
	const char *p2 = "The council voted five to two to sell the old lighthouse to a developer.";
	const char *p3 = "The sale should close by the end of June, the town clerk said.";
	char a[1024], b[1024];
	snprintf(a, sizeof a, "%s\n\n%s\n\n%s\n", p1, p2, p3);
	snprintf(b, sizeof b, "%s\n\n%s\n\n%s\n", p2, p3, p1);
	listed l;
	list(&l, a, b);
	size_t moves = 0;
	for (size_t k = 0; k < l.cl.n; k++) {
		const rl_edit *m = &l.cl.items[k];
		if (m->kind != RL_CH_MOVED)
			continue;
		moves++;
		cr_assert(!m->reworded);
		cr_assert_neq(m->para[0], m->para[1], "a move goes from one paragraph to another");
		cr_assert_geq(m->words[0], 12);
	}
	cr_assert_eq(moves, 1, "%zu changes", l.cl.n);
	unlist(&l);
}

Test(changelist, names_and_labels)
{
	for (int k = 0; k < RL_CH_KINDS; k++) {
		cr_assert_neq(strcmp(rl_edit_name(k), "?"), 0);
		cr_assert_neq(strcmp(rl_edit_label(k), "?"), 0);
	}
	cr_assert_str_eq(rl_edit_name(RL_CH_KINDS), "?");
}

/* A new quotation that takes words of OLD, with OLD text deleted between its parts (a bullet's
 * "plans" and the end of its sentence): one altered quotation, listed once, and the deletion
 * listed on its own after it (corpus 002 -> 003 listed one quotation on three lines). */
Test(changelist, a_quotation_with_old_text_deleted_inside_is_listed_once)
{
	listed l;
	list(&l,
	     "A spokesman said the line would stay as it is.\n\n- Tern plans to \xe2\x80\x9ckeep "
	     "running its older ferry routes\xe2\x80\x9d alongside new ones\n\nYet cutting the "
	     "harbour route could signal that service was more a slogan than a promise.\n\n"
	     "The board meets in May.\n",
	     "A spokesman said the line would stay as it is. He stated, \xe2\x80\x9cWe plan to keep "
	     "running its older ferry routes. We have not closed every route we ran and we expect "
	     "to keep a mix of old and new ones going forward.\xe2\x80\x9d\n\nThe board meets in "
	     "May.\n");
	size_t quotes = 0, deleted = 0;
	for (size_t k = 0; k < l.cl.n; k++) {
		quotes += l.cl.items[k].kind == RL_CH_QUOTE_ALTERED;
		deleted += l.cl.items[k].kind == RL_CH_DELETED;
	}
	cr_assert_eq(quotes, 1, "one quotation, %zu listed", quotes);
	cr_assert_eq(deleted, 1, "the deleted sentence still listed");
	size_t counts[RL_QUOTE_KINDS];
	cr_assert_eq(rl_quote_changes_count(l.al, counts), 1);
	unlist(&l);
}

/* An inserted line with a quotation added in its middle is one passage and one quotation: the
 * quotation's ops cut the insertion in three, and the words after the quotation were a minor
 * change of their own, missing from the list ("…withhold models deemed" and nothing after). */
Test(changelist, an_insertion_around_a_new_quotation_is_one_passage)
{
	listed l;
	list(&l, "The harbour office opens at eight.\n\nBoats leave at nine.\n",
	     "The harbour office opens at eight.\n\n"
	     "- The keeper said last week that he might close the pier on days deemed \"unsafe\" "
	     "for the small boats\n\nBoats leave at nine.\n");
	int want[] = {RL_CH_INSERTED, RL_CH_QUOTE_ADDED};
	kinds(&l, want, 2);
	cr_assert_eq(l.cl.minor, 0);
	cr_assert_eq(l.cl.items[0].words[1], 19, "the passage's words: %u", l.cl.items[0].words[1]);
	unlist(&l);
}
