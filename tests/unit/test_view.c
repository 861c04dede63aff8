/* Tests for view.c and view_nav.c: what each action does, without a terminal. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "search.h"
#include "viewfix.h"

/* The first line on screen that shows text of `side`, as a string. */
static const char *top_text(vfix *f, int side, char *buf, size_t n)
{
	for (size_t y = 0; y < f->view.frame.n; y++)
		if (*vfix_line(f, y, side, buf, n))
			return buf;
	return "";
}

static bool screen_has(vfix *f, const char *needle)
{
	char buf[1024];
	for (size_t y = 0; y < f->view.frame.n; y++)
		for (int s = 0; s < 2; s++)
			if (strstr(vfix_line(f, y, s, buf, sizeof buf), needle))
				return true;
	return false;
}

Test(view, both_panes_start_with_the_headlines)
{
	vfix f;
	char buf[512];
	vfix_files(&f, (const char *[]){ORIGINAL, SPUN, NULL}, 160, 40);
	cr_assert(!f.view.geom.unified);
	cr_assert_eq(f.view.geom.pane, (160 - RL_VIEW_GUTTER) / 2);
	cr_assert_str_eq(vfix_line(&f, 0, RL_OLD, buf, sizeof buf),
	                 "Council votes 5-2 to sell century-old lighthouse to hotel developer");
	cr_assert_str_eq(vfix_line(&f, 0, RL_NEW, buf, sizeof buf),
	                 "Board votes 5-2 to sell century-old beacon to hotel designer");
	vfix_free(&f);
}

Test(view, n_walks_the_changes_in_order_and_N_walks_back)
{
	vfix f;
	vfix_files(&f, (const char *[]){ORIGINAL, SPUN, NULL}, 160, 40);
	rl_view *v = &f.view;
	cr_assert_gt(v->nchanges, 5);
	rl_status_info s;
	for (size_t k = 0; k < v->nchanges; k++) {
		vfix_act(&f, RL_ACT_NEXT);
		cr_assert(v->selected);
		cr_assert_eq(v->sel_block, v->changes[k], "n #%zu", k + 1);
		rl_view_status(v, &s);
		cr_assert_eq(s.change, k + 1);
		bool visible;
		cr_assert_eq(rl_vp_visible(&v->vp, v->rows, (rl_pos){v->changes[k], 0}, &visible), RL_OK);
		cr_assert(visible);
	}
	vfix_act(&f, RL_ACT_NEXT);
	cr_assert_str_eq(v->msg, "no more changes below");
	for (size_t k = v->nchanges - 1; k-- > 0;) {
		vfix_act(&f, RL_ACT_PREV_CHANGE);
		cr_assert_eq(v->sel_block, v->changes[k]);
	}
	vfix_act(&f, RL_ACT_PREV);
	cr_assert_str_eq(v->msg, "no more changes above");
	vfix_free(&f);
}

/* The first change far down a document: n brings it to the top of the screen. */
Test(view, n_lands_on_a_change_below_the_screen)
{
	char a[8192] = "", b[8192] = "";
	for (int i = 0; i < 60; i++) {
		char p[128];
		snprintf(p, sizeof p, "Paragraph %d stays the same in both versions.\n\n", i);
		strcat(a, p);
		if (i == 45)
			snprintf(p, sizeof p, "Paragraph %d was rewritten entirely for the second draft.\n\n", i);
		strcat(b, p);
	}
	vfix f;
	char buf[256];
	vfix_texts(&f, (const char *[]){a, b, NULL}, 120, 20, false);
	cr_assert_eq(f.view.nchanges, 1);
	cr_assert_not(screen_has(&f, "rewritten"));
	vfix_act(&f, RL_ACT_NEXT);
	cr_assert(screen_has(&f, "rewritten"));
	cr_assert_str_eq(vfix_line(&f, 0, RL_OLD, buf, sizeof buf), "", "a blank line above");
	cr_assert_str_eq(vfix_line(&f, 1, RL_NEW, buf, sizeof buf),
	                 "Paragraph 45 was rewritten entirely for the second draft.");
	vfix_free(&f);
}

Test(view, search_finds_words_and_repeats)
{
	vfix f;
	vfix_files(&f, (const char *[]){ORIGINAL, SPUN, NULL}, 160, 30);
	rl_view *v = &f.view;
	size_t len;
	cr_assert_eq(rl_view_search(v, "prentiss", 8, false), RL_OK);
	cr_assert_eq(rl_view_frame(v), RL_OK);
	cr_assert(v->match.on);
	const char *text = rl_model_text(f.model, v->match.side, &len);
	cr_assert_eq(strncmp(text + v->match.off, "Prentiss", 8), 0, "smart case: lower matches upper");
	cr_assert(screen_has(&f, "Prentiss"));
	/* n goes on to the next match, in reading order: left pane, then right */
	size_t first = v->match.off;
	int side = v->match.side;
	cr_assert_eq(side, RL_OLD);
	vfix_act(&f, RL_ACT_NEXT);
	cr_assert(v->match.side == RL_NEW || v->match.off > first);
	/* N comes back */
	vfix_act(&f, RL_ACT_PREV);
	cr_assert_eq(v->match.side, side);
	cr_assert_eq(v->match.off, first);
	/* upper case is exact */
	cr_assert_eq(rl_view_search(v, "PRENTISS", 8, false), RL_OK);
	cr_assert_not(v->match.on);
	cr_assert_str_eq(v->msg, "not found: PRENTISS");
	/* Esc: n is change navigation again */
	vfix_act(&f, RL_ACT_CLEAR);
	cr_assert_not(v->searching);
	vfix_act(&f, RL_ACT_NEXT);
	cr_assert(v->selected);
	vfix_free(&f);
}

Test(view, search_wraps_around)
{
	vfix f;
	vfix_files(&f, (const char *[]){ORIGINAL, SPUN, NULL}, 160, 30);
	rl_view *v = &f.view;
	vfix_act(&f, RL_ACT_BOTTOM);
	cr_assert_eq(rl_view_search(v, "Castellane", 10, false), RL_OK);
	cr_assert_eq(rl_view_frame(v), RL_OK);
	cr_assert(v->match.on);
	cr_assert_str_eq(v->msg, "search wrapped to the start");
	cr_assert(screen_has(&f, "Castellane"));
	/* backward from the top wraps to the end */
	vfix_act(&f, RL_ACT_TOP);
	cr_assert_eq(rl_view_search(v, "the", 3, true), RL_OK);
	cr_assert(v->match.on);
	cr_assert_str_eq(v->msg, "search wrapped to the end");
	vfix_free(&f);
}

Test(view, the_prompt_edits_utf8)
{
	vfix f;
	vfix_files(&f, (const char *[]){ORIGINAL, SPUN, NULL}, 160, 30);
	rl_view *v = &f.view;
	vfix_act(&f, RL_ACT_SEARCH);
	cr_assert(v->prompt);
	rl_view_prompt_insert(v, "keeper", 6);
	rl_view_prompt_insert(v, "\xe2\x80\x99", 3);  /* ’ */
	rl_view_prompt_insert(v, "x", 1);
	rl_view_prompt_erase(v);
	cr_assert_eq(v->ilen, 9);
	cr_assert_eq(rl_view_prompt_submit(v), RL_OK);
	cr_assert_not(v->prompt);
	cr_assert(v->match.on, "keeper’ is in the text");
	/* an empty pattern repeats the last search */
	vfix_act(&f, RL_ACT_SEARCH);
	size_t off = v->match.off;
	int side = v->match.side;
	cr_assert_eq(rl_view_prompt_submit(v), RL_OK);
	cr_assert(v->match.off != off || v->match.side != side);
	vfix_act(&f, RL_ACT_SEARCH_BACK);
	rl_view_prompt_insert(v, "q", 1);
	rl_view_prompt_cancel(v);
	cr_assert_not(v->prompt);
	vfix_free(&f);
}

Test(view, toggles_compare_again_and_keep_the_text_in_view)
{
	vfix f;
	char before[512], after[512];
	vfix_files(&f, (const char *[]){ORIGINAL, SPUN, NULL}, 160, 30);
	rl_view *v = &f.view;
	for (int i = 0; i < 30; i++)
		vfix_act(&f, RL_ACT_LINE_DOWN);
	top_text(&f, RL_NEW, before, sizeof before);
	size_t n0 = v->nchanges;
	rl_summary s0 = *rl_model_summary(f.model);
	vfix_act(&f, RL_ACT_FOLD_TYPO);
	cr_assert_not(rl_model_opts(f.model)->key.fold_typography);
	cr_assert_not_null(strstr(v->msg, "folding typography: off"));
	cr_assert_gt(rl_model_summary(f.model)->rewrites, s0.rewrites,
	             "straight quotes are rewrites under --strict");
	top_text(&f, RL_NEW, after, sizeof after);
	cr_assert_str_eq(after, before, "the same text stays at the top");
	vfix_act(&f, RL_ACT_FOLD_TYPO);
	cr_assert_eq(v->nchanges, n0);
	vfix_act(&f, RL_ACT_FOLD_CASE);
	cr_assert(rl_model_opts(f.model)->key.fold_case);
	vfix_act(&f, RL_ACT_FOLD_PUNCT);
	cr_assert(rl_model_opts(f.model)->key.ignore_punct);
	top_text(&f, RL_NEW, after, sizeof after);
	cr_assert_str_eq(after, before);
	vfix_free(&f);
}

Test(view, tab_cycles_the_highlighted_kinds)
{
	vfix f;
	vfix_files(&f, (const char *[]){ORIGINAL, SUMMARY, NULL}, 160, 30);
	rl_view *v = &f.view;
	size_t all = v->nchanges;
	unsigned mask0 = rl_view_mask(v);
	size_t seen = 0;
	do {
		vfix_act(&f, RL_ACT_FILTER);
		cr_assert_leq(v->nchanges, all);
		seen++;
		if (rl_view_mask(v) == 0) {
			cr_assert_eq(v->nchanges, 0);
			vfix_act(&f, RL_ACT_NEXT);
			cr_assert_not_null(strstr(v->msg, "Tab"));
		}
	} while (rl_view_mask(v) != mask0 && seen < 20);
	cr_assert_eq(seen, 7, "seven steps come back to everything");
	cr_assert_eq(v->nchanges, all);
	vfix_free(&f);
}

Test(view, narrow_terminals_are_unified_and_resize_keeps_the_top)
{
	vfix f;
	char before[512], after[512];
	vfix_files(&f, (const char *[]){ORIGINAL, SPUN, NULL}, 160, 30);
	rl_view *v = &f.view;
	for (int i = 0; i < 40; i++)
		vfix_act(&f, RL_ACT_LINE_DOWN);
	top_text(&f, RL_NEW, before, sizeof before);
	cr_assert_eq(rl_view_resize(v, 70, 30), RL_OK);
	cr_assert(v->geom.unified);
	cr_assert_eq(v->geom.pane, 70 - RL_VIEW_UGUTTER);
	cr_assert_eq(rl_view_frame(v), RL_OK);
	top_text(&f, RL_NEW, after, sizeof after);
	/* Re-wrapped, the top line holds the words that started it before. */
	before[20] = '\0';
	cr_assert_not_null(strstr(after, before), "'%s' vs '%s'", before, after);
	cr_assert_eq(rl_view_resize(v, 200, 50), RL_OK);
	cr_assert_not(v->geom.unified);
	vfix_act(&f, RL_ACT_UNIFIED);
	cr_assert(v->geom.unified);
	vfix_act(&f, RL_ACT_UNIFIED);
	cr_assert_not(v->geom.unified);
	cr_assert_eq(rl_view_resize(v, 70, 30), RL_OK);
	vfix_act(&f, RL_ACT_UNIFIED);
	vfix_act(&f, RL_ACT_UNIFIED);
	cr_assert(v->geom.unified);
	cr_assert_not_null(strstr(v->msg, "80 columns"));
	vfix_free(&f);
}

Test(view, too_small_and_back)
{
	vfix f;
	vfix_files(&f, (const char *[]){ORIGINAL, SPUN, NULL}, 100, 30);
	cr_assert_eq(rl_view_resize(&f.view, 19, 30), RL_OK);
	cr_assert(f.view.too_small);
	cr_assert_eq(rl_view_resize(&f.view, 40, 5), RL_OK);
	cr_assert(f.view.too_small);
	vfix_act(&f, RL_ACT_PAGE_DOWN);
	cr_assert_eq(rl_view_resize(&f.view, 20, 6), RL_OK);
	cr_assert_not(f.view.too_small);
	cr_assert_eq(rl_view_frame(&f.view), RL_OK);
	cr_assert_eq(f.view.frame.n, 5);
	cr_assert_eq(rl_view_resize(&f.view, 1, 1), RL_OK);
	cr_assert_eq(rl_view_resize(&f.view, 0, 0), RL_OK);
	vfix_free(&f);
}

Test(view, brackets_step_through_pairs_keeping_the_shared_text)
{
	vfix f;
	char before[512], after[512];
	vfix_files(&f, (const char *[]){ORIGINAL, SPUN, REWRITE, NULL}, 160, 30);
	rl_view *v = &f.view;
	cr_assert_eq(rl_model_npairs(f.model), 2);
	vfix_act(&f, RL_ACT_PREV_PAIR);
	cr_assert_str_eq(v->msg, "this is the first pair");
	for (int i = 0; i < 20; i++)
		vfix_act(&f, RL_ACT_LINE_DOWN);
	top_text(&f, RL_NEW, before, sizeof before);
	vfix_act(&f, RL_ACT_NEXT_PAIR);
	cr_assert_eq(rl_model_current(f.model), 1);
	rl_status_info s;
	rl_view_status(v, &s);
	cr_assert_eq(s.pair, 1);
	cr_assert_str_eq(s.p->doc[0].name, "v2");
	cr_assert_str_eq(s.p->doc[1].name, "v3");
	/* v2 was on the right; now it is on the left, at the same place. */
	top_text(&f, RL_OLD, after, sizeof after);
	before[12] = '\0';
	cr_assert_not_null(strstr(after, before), "'%s' vs '%s'", before, after);
	vfix_act(&f, RL_ACT_NEXT_PAIR);
	cr_assert_str_eq(v->msg, "this is the last pair");
	vfix_act(&f, RL_ACT_PREV_PAIR);
	cr_assert_eq(rl_model_current(f.model), 0);
	vfix_free(&f);

	vfix_files(&f, (const char *[]){ORIGINAL, SPUN, NULL}, 160, 30);
	vfix_act(&f, RL_ACT_NEXT_PAIR);
	cr_assert_not_null(strstr(f.view.msg, "one pair"));
	vfix_free(&f);
}

Test(view, a_click_selects_the_change_under_it)
{
	vfix f;
	vfix_files(&f, (const char *[]){ORIGINAL, SPUN, NULL}, 160, 30);
	rl_view *v = &f.view;
	/* "Council" starts the left pane; "Board" the right one. */
	cr_assert_eq(rl_view_click(v, 0, 2), RL_OK);
	cr_assert(v->selected);
	cr_assert_eq(v->sel_block, 0);
	cr_assert_neq(v->sel_op, UINT32_MAX);
	size_t nops;
	const rl_op *op = &rl_alignment_ops(rl_model_alignment(f.model), &nops)[v->sel_op];
	cr_assert_eq(op->kind, RL_OP_REPLACE);
	cr_assert_eq(strncmp(v->msg, "change 1 of ", 12), 0, "%s", v->msg);
	cr_assert_eq(rl_view_click(v, 0, v->geom.right + 1), RL_OK);
	cr_assert_eq(v->sel_block, 0);
	/* a blank line selects nothing new */
	v->selected = false;
	cr_assert_eq(rl_view_click(v, 1, 5), RL_OK);
	cr_assert_not(v->selected);
	vfix_free(&f);
}

Test(view, m_jumps_between_the_ends_of_a_move)
{
	vfix f;
	vfix_files(&f, (const char *[]){ORIGINAL, REWRITE, NULL}, 160, 30);
	rl_view *v = &f.view;
	size_t nops;
	const rl_op *ops = rl_alignment_ops(rl_model_alignment(f.model), &nops);
	size_t k = 0;
	while (k < nops && !ops[k].move)
		k++;
	if (k == nops) {
		vfix_free(&f);
		cr_skip_test("the engine reports no moves yet");
	}
	/* Select the OLD end of the move, then jump. */
	uint32_t from = (uint32_t)rl_model_block_of(f.model, RL_OLD, ops[k].a0);
	v->selected = true;
	v->sel_block = from;
	v->sel_op = (uint32_t)k;
	vfix_act(&f, RL_ACT_MOVE_END);
	uint32_t to = (uint32_t)rl_model_block_of(f.model, RL_NEW, ops[k].b0);
	cr_assert_eq(v->sel_block, to);
	vfix_act(&f, RL_ACT_MOVE_END);
	cr_assert_eq(v->sel_block, from, "and back");
	vfix_free(&f);
}

Test(view, m_says_when_there_is_no_move)
{
	vfix f;
	vfix_files(&f, (const char *[]){ORIGINAL, SPUN, NULL}, 160, 30);
	vfix_act(&f, RL_ACT_MOVE_END);
	cr_assert_str_eq(f.view.msg, "no moved passage here");
	vfix_free(&f);
}

Test(view, help_opens_scrolls_and_closes)
{
	vfix f;
	vfix_files(&f, (const char *[]){ORIGINAL, SPUN, NULL}, 160, 30);
	rl_view *v = &f.view;
	rl_pos top = v->vp.top;
	vfix_act(&f, RL_ACT_HELP);
	cr_assert(v->help);
	vfix_act(&f, RL_ACT_LINE_DOWN);
	cr_assert_eq(v->help_top, 1);
	cr_assert_eq(rl_pos_cmp(v->vp.top, top), 0, "the document did not scroll");
	vfix_act(&f, RL_ACT_LINE_UP);
	vfix_act(&f, RL_ACT_LINE_UP);
	cr_assert_eq(v->help_top, 0);
	vfix_act(&f, RL_ACT_QUIT);
	cr_assert_not(v->help);
	cr_assert_not(v->quit, "q closes the help first");
	vfix_act(&f, RL_ACT_HELP);
	vfix_act(&f, RL_ACT_NEXT);
	cr_assert_not(v->help, "another action closes the help and happens");
	cr_assert(v->selected);
	vfix_act(&f, RL_ACT_QUIT);
	cr_assert(v->quit);
	/* the help lists every action */
	cr_assert_eq(rl_view_help_count() > RL_ACT_COUNT - 1, true);
	vfix_free(&f);
}

Test(view, the_status_line_says_where_we_are)
{
	vfix f;
	char buf[256];
	vfix_files(&f, (const char *[]){ORIGINAL, SPUN, SUMMARY, NULL}, 160, 30);
	rl_status_info s;
	rl_view_status(&f.view, &s);
	cr_assert_eq(s.npairs, 2);
	cr_assert(s.at_top);
	cr_assert_eq(s.change, 1, "the headline changed and is on screen");
	rl_status_format(&s, 0, buf, sizeof buf);
	cr_assert_eq(strncmp(buf, "change 1/", 9), 0, "%s", buf);
	cr_assert_not_null(strstr(buf, "sim 90%"), "%s", buf);
	cr_assert_not_null(strstr(buf, "Top"));
	rl_status_format(&s, 3, buf, sizeof buf);
	cr_assert_null(strstr(buf, "sim"));
	/* 99.5% and more of the words kept, but not all: never shown as 100% */
	rl_status_info near = s;
	near.summary.similarity = 996;
	rl_status_format(&near, 0, buf, sizeof buf);
	cr_assert_not_null(strstr(buf, "sim 99%"), "%s", buf);
	near.summary.similarity = 1000;
	rl_status_format(&near, 0, buf, sizeof buf);
	cr_assert_not_null(strstr(buf, "sim 100%"), "%s", buf);
	vfix_act(&f, RL_ACT_PAGE_DOWN);
	rl_view_status(&f.view, &s);
	rl_status_format(&s, 0, buf, sizeof buf);
	cr_assert(s.percent > 0 && s.percent < 100, "%u", s.percent);
	vfix_act(&f, RL_ACT_UNIFIED);
	vfix_act(&f, RL_ACT_FOLD_CASE);
	vfix_act(&f, RL_ACT_FILTER);
	rl_view_status(&f.view, &s);
	rl_status_format(&s, 0, buf, sizeof buf);
	cr_assert_eq(strncmp(buf, "[unified deletions and insertions only -i] ", 43), 0, "%s", buf);
	vfix_act(&f, RL_ACT_BOTTOM);
	rl_view_status(&f.view, &s);
	cr_assert(s.at_end);
	cr_assert_eq(s.percent, 100);
	cr_assert_eq(s.summary.bound_hits, 0, "an ordinary text is aligned exactly");
	rl_status_format(&s, 0, buf, sizeof buf);
	cr_assert_null(strstr(buf, "coarse"), "%s", buf);
	vfix_free(&f);
}

/* q on the status line counts quotations as --changes and --stat list them: one altered
 * quotation with three words changed inside and one removed are q2, not the four ops flagged. */
Test(view, the_status_line_counts_quotations_not_their_ops)
{
	vfix f;
	char buf[256];
	rl_status_info s;
	vfix_texts(&f,
	           (const char *[]){
	               "The harbour master spoke first. \xe2\x80\x9cWe have patched that sea wall "
	               "for years, and this grant finally pays for a proper repair,\xe2\x80\x9d she "
	               "told the meeting.\n\nThe treasurer was brief. \xe2\x80\x9cNot one penny "
	               "more than we budgeted,\xe2\x80\x9d he said, and sat down.\n",
	               "The harbour master spoke first. \xe2\x80\x9cWe have mended that sea wall "
	               "for decades, and this award finally pays for a proper repair,\xe2\x80\x9d "
	               "she told the meeting.\n\nThe treasurer was brief, and sat down.\n",
	               NULL},
	           120, 20, false);
	rl_view_status(&f.view, &s);
	cr_assert_eq(s.summary.quotes, 2);
	rl_status_format(&s, 0, buf, sizeof buf);
	cr_assert_not_null(strstr(buf, " q2 "), "%s", buf);
	vfix_free(&f);
}

/* Two random texts over the words "a" and "b": no word is unique, matching runs are short, and
 * the searches pass the cost bound (long enough that the exact bit-parallel split, 70,000² / 64
 * word operations, is beyond the work budget). The status line says the alignment is coarse (as
 * --stat does) until the narrowest screens. */
Test(view, the_status_line_says_when_the_cost_bound_was_hit)
{
	enum { WORDS = 70000 };
	char *t[2];
	unsigned seed = 7;
	for (int k = 0; k < 2; k++) {
		t[k] = malloc(2 * WORDS + 1);
		for (int i = 0; i < WORDS; i++) {
			seed = seed * 1103515245u + 12345u;
			t[k][2 * i] = (seed >> 16) & 1 ? 'a' : 'b';
			t[k][2 * i + 1] = ' ';
		}
		t[k][2 * WORDS] = '\0';
	}
	vfix f;
	char buf[256];
	vfix_texts(&f, (const char *[]){t[0], t[1], NULL}, 120, 30, false);
	rl_status_info s;
	rl_view_status(&f.view, &s);
	cr_assert_gt(s.summary.bound_hits, 0);
	for (unsigned d = 0; d < RL_STATUS_DETAILS; d++) {
		rl_status_format(&s, d, buf, sizeof buf);
		if (d < 3)
			cr_assert_not_null(strstr(buf, "  coarse"), "detail %u: %s", d, buf);
		else
			cr_assert_null(strstr(buf, "coarse"), "detail %u: %s", d, buf);
	}
	vfix_free(&f);
	free(t[0]);
	free(t[1]);
}

Test(search, smart_case_and_both_directions)
{
	const char *t = "The tide, the TIDE and the harbor.";
	size_t n = strlen(t), at;
	cr_assert(rl_search_smartcase("tide", 4));
	cr_assert_not(rl_search_smartcase("Tide", 4));
	cr_assert(rl_search_find(t, n, "tide", 4, 0, true, true, &at));
	cr_assert_eq(at, 4);
	cr_assert(rl_search_find(t, n, "tide", 4, 5, true, true, &at));
	cr_assert_eq(at, 14);
	cr_assert(rl_search_find(t, n, "tide", 4, n, false, true, &at));
	cr_assert_eq(at, 14);
	cr_assert(rl_search_find(t, n, "tide", 4, 13, false, true, &at));
	cr_assert_eq(at, 4);
	cr_assert_not(rl_search_find(t, n, "tide", 4, 3, false, true, &at));
	cr_assert_not(rl_search_find(t, n, "TIDE", 4, 15, true, false, &at));
	cr_assert_not(rl_search_find(t, n, "", 0, 0, true, true, &at));
	cr_assert_not(rl_search_find(t, 3, "tide", 4, 0, true, true, &at), "longer than the text");
	cr_assert(rl_search_find(t, n, "harbor.", 7, 0, true, true, &at));
	cr_assert_eq(at, n - 7, "at the very end");
}

/* ------------------------------------------------------------------ folds, matches, the current
 * change */

/* A long text of our own: n paragraphs alike but for their numbers, and the same with a word
 * changed in paragraphs `a` and `b` (malloc'd; free both). */
static void fold_texts(size_t n, size_t a, size_t b, char **old, char **new)
{
	size_t cap = n * 160 + 1, lo = 0, ln = 0;
	*old = malloc(cap);
	*new = malloc(cap);
	for (size_t i = 0; i < n; i++) {
		const char *w = i == a || i == b ? "ferry" : "tide";
		lo += (size_t)snprintf(*old + lo, cap - lo, "Section %zu: the tide turned at the pier "
		                       "before the gulls came back.\n\n", i);
		ln += (size_t)snprintf(*new + ln, cap - ln, "Section %zu: the %s turned at the pier "
		                       "before the gulls came back.\n\n", i, w);
	}
}

static size_t fold_lines_on_screen(const vfix *f, uint32_t *lines)
{
	size_t n = 0;
	for (size_t y = 0; y < f->view.frame.n; y++)
		if (f->view.frame.v[y].side == RL_LINE_FOLD) {
			if (lines && n == 0)
				*lines = f->view.frame.v[y].br->fold_lines;
			n++;
		}
	return n;
}

Test(view, z_folds_long_unchanged_stretches_and_enter_unfolds)
{
	char *a, *b;
	fold_texts(200, 2, 150, &a, &b);
	vfix f;
	vfix_texts(&f, (const char *[]){a, b, NULL}, 120, 30, false);
	rl_view *v = &f.view;
	size_t laid = rl_rows_laid_out(v->rows);
	vfix_act(&f, RL_ACT_FOLD);
	cr_assert_not_null(strstr(v->msg, "folded 2 unchanged stretches"), "%s", v->msg);
	cr_assert_leq(rl_rows_laid_out(v->rows), laid + v->vp.height,
	              "folding lays out only the screen");
	uint32_t lines = 0;
	cr_assert_eq(fold_lines_on_screen(&f, &lines), 2, "both folds fit one screen");
	/* sections 4 to 148 are folded (3 and 149 stay as context): 145 sections, 290 lines */
	cr_assert_eq(lines, 290, "%u", lines);
	cr_assert(screen_has(&f, "Section 2:"));
	cr_assert(screen_has(&f, "Section 150:"));
	cr_assert_not(screen_has(&f, "Section 77:"));
	rl_status_info s;
	char st[256];
	rl_view_status(v, &s);
	rl_status_format(&s, 0, st, sizeof st);
	cr_assert_not_null(strstr(st, "2 folded"), "%s", st);
	/* n reaches both changes across the fold, and the end of the document folds too */
	vfix_act(&f, RL_ACT_NEXT);
	vfix_act(&f, RL_ACT_NEXT);
	cr_assert_eq(v->cur_change, 2);
	cr_assert(screen_has(&f, "Section 150:"));
	vfix_act(&f, RL_ACT_BOTTOM);
	cr_assert(f.view.frame.at_end);
	cr_assert_eq(fold_lines_on_screen(&f, NULL), 2, "the whole document on one screen");
	/* Enter unfolds the first fold on screen; z unfolds them all */
	vfix_act(&f, RL_ACT_OPEN);
	cr_assert_not_null(strstr(v->msg, "unfolded 290 unchanged lines"), "%s", v->msg);
	cr_assert_eq(rl_rows_folds(v->rows), 1);
	cr_assert(screen_has(&f, "Section 4:"));
	vfix_act(&f, RL_ACT_TOP);
	vfix_act(&f, RL_ACT_FOLD);
	cr_assert_eq(rl_rows_folds(v->rows), 0);
	cr_assert_eq(fold_lines_on_screen(&f, NULL), 0);
	/* walking down line by line meets every section once the folds are gone */
	vfix_act(&f, RL_ACT_FOLD);
	long total = 0;
	for (rl_pos p = {0, 0};;) {
		long moved;
		cr_assert_eq(rl_pos_step(v->rows, &p, 1, &moved), RL_OK);
		if (!moved)
			break;
		total++;
	}
	cr_assert_lt(total, 60, "folded, the document is short: %ld lines", total);
	vfix_free(&f);
	free(a);
	free(b);
}

Test(view, search_counts_matches_and_unfolds_a_match_in_a_fold)
{
	char *a, *b;
	fold_texts(200, 2, 150, &a, &b);
	vfix f;
	vfix_texts(&f, (const char *[]){a, b, NULL}, 120, 30, false);
	rl_view *v = &f.view;
	vfix_act(&f, RL_ACT_FOLD);
	cr_assert_eq(rl_view_search(v, "Section 77:", 11, false), RL_OK);
	cr_assert_eq(rl_view_frame(v), RL_OK);
	cr_assert(v->match.on);
	cr_assert_eq(v->match.side, RL_OLD, "left pane first");
	cr_assert_eq(v->match_n, 2);
	cr_assert_eq(v->match_k, 1);
	cr_assert(screen_has(&f, "Section 77:"), "the fold around the match is open");
	cr_assert_eq(rl_rows_folds(v->rows), 1);
	vfix_act(&f, RL_ACT_NEXT);
	cr_assert_eq(v->match.side, RL_NEW);
	cr_assert_eq(v->match_k, 2);
	rl_status_info s;
	char st[256];
	rl_view_status(v, &s);
	rl_status_format(&s, 0, st, sizeof st);
	cr_assert_not_null(strstr(st, "match 2/2"), "%s", st);
	/* every match on screen is highlighted: a word on every line */
	cr_assert_eq(rl_view_search(v, "gulls", 5, false), RL_OK);
	cr_assert_eq(rl_view_frame(v), RL_OK);
	cr_assert_eq(v->match_n, 400);
	size_t sides[2] = {0, 0};
	for (size_t i = 0; i < v->nhits; i++)
		sides[v->hits[i].side]++;
	cr_assert_geq(sides[RL_OLD], 5, "%zu", sides[RL_OLD]);
	cr_assert_eq(sides[RL_OLD], sides[RL_NEW]);
	/* The matches are found once per search (v->mc); the unified view, which shows an unchanged
	 * passage once, counts again, and so does the side-by-side view after it. */
	vfix_act(&f, RL_ACT_UNIFIED);
	cr_assert_eq(rl_view_frame(v), RL_OK);
	cr_assert_lt(v->match_n, 400, "%zu", v->match_n);
	cr_assert_gt(v->match_n, 0);
	vfix_act(&f, RL_ACT_UNIFIED);
	cr_assert_eq(rl_view_frame(v), RL_OK);
	cr_assert_eq(v->match_n, 400);
	vfix_act(&f, RL_ACT_CLEAR);
	cr_assert_eq(v->nhits, 0);
	vfix_free(&f);
	free(a);
	free(b);
}

/* n from the first match walks every match once, k counting 1, 2, ... N: the matches of both
 * sides are kept in reading order, a moved paragraph's on each side included. */
Test(view, search_steps_count_every_match_in_order)
{
	static const char a[] =
		"The gulls came early to the harbour that spring, and the boats stayed in.\n\n"
		"Old Marten counted the gulls on the breakwater every morning before tea.\n\n"
		"Nobody believed his numbers, though the gulls were certainly louder.\n\n"
		"By June the harbour master had put up a sign about feeding the gulls.\n";
	static const char b[] =
		"The gulls came early to the harbour that spring, and the boats stayed out.\n\n"
		"Nobody believed his numbers, though the gulls were certainly louder.\n\n"
		"By June the harbour master had put up a sign about feeding the gulls.\n\n"
		"Old Marten counted the gulls on the breakwater every morning before tea.\n";
	for (int unified = 0; unified < 2; unified++) {
		vfix f;
		vfix_texts(&f, (const char *[]){a, b, NULL}, 120, 40, false);
		rl_view *v = &f.view;
		if (unified)
			vfix_act(&f, RL_ACT_UNIFIED);
		cr_assert_eq(rl_view_search(v, "gulls", 5, false), RL_OK);
		cr_assert_eq(rl_view_frame(v), RL_OK);
		size_t n = v->match_n;
		cr_assert_geq(n, unified ? 4 : 8, "%zu", n);
		for (size_t k = 1; k <= n; k++) {
			cr_assert_eq(v->match_k, k, "unified %d: match %zu of %zu counted %zu", unified, k,
			             n, v->match_k);
			vfix_act(&f, RL_ACT_NEXT);
			cr_assert_eq(rl_view_frame(v), RL_OK);
		}
		cr_assert_eq(v->match_k, 1, "wrapped to the first");
		vfix_free(&f);
	}
}

Test(view, the_current_change_is_the_one_counted_and_leaves_filtered_kinds)
{
	vfix f;
	vfix_files(&f, (const char *[]){ORIGINAL, SUMMARY, NULL}, 160, 30);
	rl_view *v = &f.view;
	vfix_act(&f, RL_ACT_NEXT);
	vfix_act(&f, RL_ACT_NEXT);
	cr_assert(v->selected);
	cr_assert_eq(v->cur_block, v->sel_block);
	cr_assert_eq(v->changes[v->cur_change - 1], v->cur_block);
	unsigned roles = rl_model_block_roles(f.model, v->sel_block);
	/* Tab until a filter leaves the selected change's kinds out */
	for (int i = 0; i < 6 && (rl_view_mask(v) & roles); i++)
		vfix_act(&f, RL_ACT_FILTER);
	cr_assert_eq(rl_view_mask(v) & roles, 0);
	cr_assert_not(v->selected, "the highlight leaves a kind filtered out");
	cr_assert(v->cur_block == UINT32_MAX ||
	          (rl_model_block_roles(f.model, v->cur_block) & rl_view_mask(v)));
	vfix_free(&f);
}

Test(view, p_on_and_off_comes_back_to_the_same_place)
{
	vfix f;
	vfix_files(&f, (const char *[]){ORIGINAL, SPUN, NULL}, 120, 30);
	rl_view *v = &f.view;
	for (int k = 0; k < 6; k++) {
		for (int i = 0; i < 17; i++)
			vfix_act(&f, RL_ACT_LINE_DOWN);
		rl_pos top = v->vp.top;
		for (int i = 0; i < 4; i++)
			vfix_act(&f, RL_ACT_FOLD_PUNCT);
		cr_assert_eq(rl_pos_cmp(v->vp.top, top), 0, "step %d: (%u,%u) vs (%u,%u)", k,
		             v->vp.top.block, v->vp.top.line, top.block, top.line);
	}
	vfix_free(&f);
}

Test(view, resize_keeps_the_selected_change_counted)
{
	vfix f;
	vfix_files(&f, (const char *[]){ORIGINAL, SPUN, NULL}, 160, 40);
	rl_view *v = &f.view;
	for (int i = 0; i < 5; i++)
		vfix_act(&f, RL_ACT_NEXT);
	/* scroll so that the selected change sits low on the screen */
	for (int i = 0; i < 30; i++)
		vfix_act(&f, RL_ACT_LINE_UP);
	if (v->cur_block != v->sel_block)
		for (int i = 0; i < 30 && v->cur_block != v->sel_block; i++)
			vfix_act(&f, RL_ACT_LINE_DOWN);
	cr_assert_eq(v->cur_block, v->sel_block);
	size_t k = v->cur_change;
	cr_assert_eq(rl_view_resize(v, 90, 12), RL_OK);
	cr_assert_eq(rl_view_frame(v), RL_OK);
	cr_assert_eq(v->cur_change, k, "after a resize the status line still counts change %zu", k);
	cr_assert_eq(rl_view_resize(v, 200, 50), RL_OK);
	cr_assert_eq(rl_view_frame(v), RL_OK);
	cr_assert_eq(v->cur_change, k);
	vfix_free(&f);
}

Test(names, the_new_name_says_only_what_differs)
{
	char out[128];
	cr_assert(rl_name_shorten("drafts/chapter-one/story-v1.md", "drafts/chapter-one/story-v2.md",
	                          "...", out, sizeof out));
	cr_assert_str_eq(out, "...v2.md");
	cr_assert(rl_name_shorten("reports/2025/notes.txt", "reports/2025/story.txt", "...", out,
	                          sizeof out));
	cr_assert_str_eq(out, "...story.txt");
	/* nothing shared, or nothing to gain: the name whole */
	cr_assert_not(rl_name_shorten("old.txt", "new.txt", "...", out, sizeof out));
	cr_assert_str_eq(out, "new.txt");
	cr_assert_not(rl_name_shorten("ab.txt", "ab.txt", "...", out, sizeof out));
	/* descriptions (versions) are not cut here: terminal.c says the old one by its commit */
	cr_assert(rl_name_is_description("3f2a1c9 2025-03-02 Ann Lee: Tighten the lede"));
	cr_assert_not(rl_name_is_description("drafts/story.md"));
	cr_assert_not(rl_name_shorten("3f2a1c9 2025-03-02 Ann", "4e5b6d7 2025-03-02 Ann", "...", out,
	                              sizeof out));
	cr_assert_eq(rl_name_first_word("3f2a1c9 2025-03-02 Ann"), 7);
}

/* Page furniture the program dropped (rl_doc.furniture) is one line where it stood: before the
 * block it preceded, and after the text for a footer. */
Test(view, dropped_page_furniture_is_a_line_where_it_was)
{
	const char *old = "Headline of the day\n\nFirst paragraph of the story.\n\nLast one.\n";
	const char *new = "Headline of the day\n\nFirst paragraph of the tale.\n\nLast one.\n";
	/* NEW lost 3 lines before "First" (byte 21) and 2 after the end; OLD 4 before "Last" */
	size_t fnew[] = {21, 3, strlen(new), 2}, fold[] = {52, 4};
	rl_pair pair = {{{.data = old, .len = strlen(old), .name = "old", .furniture = fold, .nfurniture = 1},
	                 {.data = new, .len = strlen(new), .name = "new", .furniture = fnew, .nfurniture = 2}},
	                NULL};
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_model *m;
	rl_view v;
	cr_assert_eq(strncmp(old + 52, "Last", 4), 0);
	cr_assert_eq(rl_model_new(&m, &pair, 1, 0, &o, false), RL_OK);
	size_t total;
	rl_model_furniture(m, RL_NEW, &total);
	cr_assert_eq(total, 5);
	cr_assert_eq(rl_view_init(&v, m, 120, 30), RL_OK);
	cr_assert_eq(rl_view_frame(&v), RL_OK);
	rl_status_info st;
	char line[256];
	rl_view_status(&v, &st);
	rl_status_format(&st, 0, line, sizeof line);
	cr_assert_not_null(strstr(line, "furniture 4|5"), "the status line counts it: %s", line);
	int seen = 0;
	for (size_t y = 0; y < v.frame.n; y++) {
		const rl_frame_line *fl = &v.frame.v[y];
		if (fl->side == RL_LINE_FURNITURE && fl->br->furniture[RL_NEW][0] == 3) {
			cr_assert_eq(fl->br->furniture[RL_OLD][0], 0);
			seen |= 1;
		}
		if (fl->side == RL_LINE_FURNITURE && fl->br->furniture[RL_OLD][0] == 4)
			seen |= 2;
		if (fl->side == RL_LINE_FURNITURE_END) {
			cr_assert_eq(fl->br->furniture[RL_NEW][1], 2);
			cr_assert_eq(y, v.frame.n - 1, "the footer's line is the last");
			seen |= 4;
		}
	}
	cr_assert_eq(seen, 7, "%d", seen);
	/* n still lands on the change; clicking a furniture line says what it is */
	cr_assert_eq(rl_view_act(&v, RL_ACT_NEXT), RL_OK);
	cr_assert(v.selected);
	cr_assert_eq(rl_view_frame(&v), RL_OK);
	for (size_t y = 0; y < v.frame.n; y++)
		if (v.frame.v[y].side == RL_LINE_FURNITURE) {
			cr_assert_eq(rl_view_click(&v, (unsigned)y, 2), RL_OK);
			cr_assert_not_null(strstr(v.msg, "page furniture"));
			break;
		}
	/* the unified view shows the same lines */
	cr_assert_eq(rl_view_resize(&v, 60, 30), RL_OK);
	cr_assert_eq(rl_view_frame(&v), RL_OK);
	size_t notes = 0;
	for (size_t y = 0; y < v.frame.n; y++)
		notes += RL_LINE_NOTE(v.frame.v[y].side);
	cr_assert_eq(notes, 3);
	rl_view_release(&v);
	rl_model_free(m);
}
