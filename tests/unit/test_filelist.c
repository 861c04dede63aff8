/* Tests for filelist.c (the list's cursor, scrolling and words) and for the file list screen of
 * the view over a pair source (view_list.c, the model's lazy pairs): what Enter, q, [ ], the
 * search, a click and idle time do, and that files are read only when shown. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "filelist.h"
#include "model.h"
#include "status.h"
#include "view.h"

/* ------------------------------------------------------------------ navigation */

Test(listnav, the_cursor_stops_at_both_ends_and_the_screen_follows)
{
	rl_listnav l;
	rl_listnav_init(&l, 30, 10);
	cr_assert_eq(rl_listnav_move(&l, -1), 0);
	cr_assert_eq(l.cursor, 0);
	cr_assert_eq(rl_listnav_move(&l, 9), 9);
	cr_assert_eq(l.top, 0, "the tenth line is still on a screen of ten");
	rl_listnav_move(&l, 1);
	cr_assert_eq(l.cursor, 10);
	cr_assert_eq(l.top, 1, "one line down, the screen scrolls by one");
	cr_assert_eq(rl_listnav_move(&l, 100), 19);
	cr_assert_eq(l.cursor, 29);
	cr_assert_eq(l.top, 20);
	rl_listnav_move(&l, -15);
	cr_assert_eq(l.cursor, 14);
	cr_assert_eq(l.top, 14, "going up, the cursor's line becomes the top");
	rl_listnav_goto(&l, 0);
	cr_assert_eq(l.top, 0);
	rl_listnav_goto(&l, 1000);
	cr_assert_eq(l.cursor, 29);
}

Test(listnav, pages_move_the_cursor_and_the_screen_together)
{
	rl_listnav l;
	rl_listnav_init(&l, 30, 10);
	rl_listnav_move(&l, 2);
	rl_listnav_page(&l, 1);
	cr_assert_eq(l.top, 9, "a page keeps one line of the last");
	cr_assert_eq(l.cursor, 11, "and the cursor keeps its place on the screen");
	rl_listnav_page(&l, 1);
	rl_listnav_page(&l, 1);
	cr_assert_eq(l.top, 20, "no page starts below the last full screen");
	cr_assert_eq(l.cursor, 29);
	rl_listnav_page(&l, -1);
	cr_assert_eq(l.top, 11);
	cr_assert_eq(l.cursor, 20);
	rl_listnav_page(&l, -1);
	rl_listnav_page(&l, -1);
	cr_assert_eq(l.top, 0);
	cr_assert_eq(l.cursor, 2);
	rl_listnav_page(&l, -1);
	cr_assert_eq(l.cursor, 0, "at the top, a page up goes to the first line");
}

Test(listnav, the_wheel_scrolls_and_pulls_the_cursor_along)
{
	rl_listnav l;
	rl_listnav_init(&l, 30, 10);
	rl_listnav_scroll(&l, RL_LIST_WHEEL);
	cr_assert_eq(l.top, 3);
	cr_assert_eq(l.cursor, 3, "the cursor stays on the screen");
	rl_listnav_scroll(&l, 100);
	cr_assert_eq(l.top, 20);
	cr_assert_eq(l.cursor, 20);
	rl_listnav_goto(&l, 29);
	rl_listnav_scroll(&l, -100);
	cr_assert_eq(l.top, 0);
	cr_assert_eq(l.cursor, 9, "pulled up to the screen's last line");
}

Test(listnav, screen_lines_map_to_entries)
{
	rl_listnav l;
	size_t i;
	rl_listnav_init(&l, 12, 10);
	rl_listnav_goto(&l, 11);
	cr_assert_eq(l.top, 2);
	cr_assert(rl_listnav_at(&l, 0, &i));
	cr_assert_eq(i, 2);
	cr_assert(rl_listnav_at(&l, 9, &i));
	cr_assert_eq(i, 11);
	cr_assert_not(rl_listnav_at(&l, 10, &i), "below the screen");
	rl_listnav_init(&l, 3, 10);
	cr_assert_not(rl_listnav_at(&l, 3, &i), "below the last entry");
}

Test(listnav, resizing_keeps_the_cursor_in_view_and_empty_lists_are_calm)
{
	rl_listnav l;
	rl_listnav_init(&l, 50, 20);
	rl_listnav_goto(&l, 19);
	rl_listnav_resize(&l, 5);
	cr_assert_geq(l.cursor, l.top);
	cr_assert_lt(l.cursor, l.top + 5);
	rl_listnav_resize(&l, 0);
	cr_assert_eq(l.height, 1);
	cr_assert_eq(l.top, l.cursor);
	rl_listnav_resize(&l, 100);
	cr_assert_eq(l.top, 0, "a screen taller than the list shows it all");

	rl_listnav_init(&l, 0, 10);
	cr_assert_eq(rl_listnav_move(&l, 3), 0);
	rl_listnav_page(&l, 1);
	rl_listnav_scroll(&l, 2);
	rl_listnav_goto(&l, 5);
	cr_assert_eq(l.cursor, 0);
	cr_assert_eq(l.top, 0);
}

/* ------------------------------------------------------------------ words */

Test(listnote, marks_and_counts)
{
	char buf[96];
	rl_entry e = {"a.md", NULL, 'M', RL_MARK_NONE};
	rl_summary s = {.rewrites = 3, .deletions = 1, .insertions = 2, .words = {100, 101},
	                .similarity = 874};
	cr_assert_eq(rl_list_note(&e, NULL, buf, sizeof buf), 0, "nothing known yet");
	rl_list_note(&e, &s, buf, sizeof buf);
	cr_assert_str_eq(buf, "~3 -1 +2  sim 87%");
	s.same = true;
	rl_list_note(&e, &s, buf, sizeof buf);
	cr_assert_str_eq(buf, "same words");
	rl_summary added = {.insertions = 1, .words = {0, 412}};
	rl_list_note(&e, &added, buf, sizeof buf);
	cr_assert_str_eq(buf, "+412 words");
	rl_summary deleted = {.deletions = 1, .words = {1, 0}};
	rl_list_note(&e, &deleted, buf, sizeof buf);
	cr_assert_str_eq(buf, "-1 word");
	const struct {
		rl_mark mark;
		const char *note;
	} marks[] = {{RL_MARK_BINARY, "binary"}, {RL_MARK_SUBMODULE, "submodule"},
	             {RL_MARK_UNMERGED, "unmerged"}, {RL_MARK_UNREADABLE, "unreadable"}};
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
		e.mark = marks[k].mark;
		rl_list_note(&e, &s, buf, sizeof buf);
		cr_assert_str_eq(buf, marks[k].note, "a mark wins over counts");
	}
	cr_assert_eq(rl_list_note(&e, NULL, buf, 4), 3);
	cr_assert_str_eq(buf, "unr", "truncated to fit");
}

Test(listnote, names_match_with_smart_case)
{
	rl_entry e = {"docs/Intro.md", "notes/old-intro.md", 'R', RL_MARK_NONE};
	cr_assert(rl_list_match(&e, "intro", 5));
	cr_assert(rl_list_match(&e, "Intro", 5));
	cr_assert_not(rl_list_match(&e, "INTRO", 5), "a capital letter matches exactly");
	cr_assert(rl_list_match(&e, "old-", 4), "the old path too");
	cr_assert_not(rl_list_match(&e, "story", 5));
}

/* ------------------------------------------------------------------ a file list in the view */

/* A pair source over texts in memory that counts what the model asks of it. */
#define TS_MAX 8
typedef struct tsrc {
	size_t n;
	rl_entry entry[TS_MAX];
	const char *text[TS_MAX][2];
	int loads[TS_MAX], releases[TS_MAX], probes;
	int held;  /* pairs loaded and not released */
} tsrc;

static void ts_describe(void *ctx, size_t i, bool probe, rl_entry *out)
{
	tsrc *t = ctx;
	*out = t->entry[i];
	t->probes += probe;
	/* Without probing, a binary file is not known to be one. */
	if (!probe && out->mark == RL_MARK_BINARY)
		out->mark = RL_MARK_NONE;
}

static int ts_load(void *ctx, size_t i, rl_pair *out, char *err, size_t errlen)
{
	tsrc *t = ctx;
	if (t->entry[i].mark == RL_MARK_UNREADABLE) {
		snprintf(err, errlen, "%s: Permission denied", t->entry[i].path);
		return -1;
	}
	t->loads[i]++;
	t->held++;
	for (int s = 0; s < 2; s++)
		out->doc[s] = (rl_doc){.data = t->text[i][s], .len = strlen(t->text[i][s]),
		                       .name = t->entry[i].path};
	out->label = NULL;
	return 0;
}

static void ts_release(void *ctx, size_t i)
{
	tsrc *t = ctx;
	t->releases[i]++;
	t->held--;
}

typedef struct lfix {
	tsrc ts;
	rl_pairsrc src;
	rl_model *model;
	rl_view view;
} lfix;

/* Five files: two that differ, a binary one between them, an unreadable one and a submodule; the
 * view over them, framed once. */
static rl_view *lfix_init(lfix *f, unsigned cols, unsigned lines)
{
	memset(f, 0, sizeof *f);
	tsrc *t = &f->ts;
	t->n = 5;
	t->entry[0] = (rl_entry){"story.md", NULL, 'M', RL_MARK_NONE};
	t->text[0][0] = "The harbor council met on Monday.\n";
	t->text[0][1] = "The town council met on Monday night.\n";
	t->entry[1] = (rl_entry){"logo.png", NULL, 'M', RL_MARK_BINARY};
	t->text[1][0] = t->text[1][1] = "";
	t->entry[2] = (rl_entry){"docs/intro.md", "intro.md", 'R', RL_MARK_NONE};
	t->text[2][0] = "Welcome to the harbor.\n";
	t->text[2][1] = "Welcome to the harbor.\n\n";
	t->entry[3] = (rl_entry){"secret.md", NULL, 'M', RL_MARK_UNREADABLE};
	t->entry[4] = (rl_entry){"lib", NULL, 'M', RL_MARK_SUBMODULE};
	f->src = (rl_pairsrc){.count = t->n, .file_list = true, .title = "--git HEAD~1",
	                      .ctx = t, .describe = ts_describe, .load = ts_load,
	                      .release = ts_release};
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	cr_assert_eq(rl_model_new_src(&f->model, &f->src, &o, false), RL_OK);
	cr_assert_eq(rl_view_init(&f->view, f->model, cols, lines), RL_OK);
	cr_assert_eq(rl_view_frame(&f->view), RL_OK);
	return &f->view;
}

static void lfix_free(lfix *f)
{
	rl_view_release(&f->view);
	rl_model_free(f->model);
	cr_assert_eq(f->ts.held, 0, "every pair loaded was released");
}

static void act(lfix *f, rl_action a)
{
	cr_assert_eq(rl_view_act(&f->view, a), RL_OK);
	cr_assert_eq(rl_view_frame(&f->view), RL_OK);
}

Test(filelist, it_opens_on_the_list_and_reads_nothing_yet)
{
	lfix f;
	rl_view *v = lfix_init(&f, 100, 20);
	cr_assert(v->listing);
	cr_assert_not(rl_model_is_open(f.model));
	cr_assert_eq(v->nlframe, 5);
	cr_assert_str_eq(v->lframe[2].entry.path, "docs/intro.md");
	cr_assert_str_eq(v->lframe[2].entry.old_path, "intro.md");
	cr_assert_eq(v->lframe[1].entry.mark, RL_MARK_BINARY, "lines on screen are probed");
	cr_assert_not(v->lframe[0].known);
	for (size_t i = 0; i < 5; i++)
		cr_assert_eq(f.ts.loads[i], 0, "no file is read before it is shown or measured");
	rl_status_info s;
	char buf[128];
	rl_view_status(v, &s);
	cr_assert(s.listing);
	cr_assert_str_eq(s.title, "--git HEAD~1");
	rl_status_format(&s, 0, buf, sizeof buf);
	cr_assert_str_eq(buf, "file 1/5  All");
	lfix_free(&f);
}

Test(filelist, enter_opens_q_comes_back_and_q_quits)
{
	lfix f;
	rl_view *v = lfix_init(&f, 100, 20);
	act(&f, RL_ACT_OPEN);
	cr_assert_not(v->listing);
	cr_assert(rl_model_is_open(f.model));
	cr_assert_eq(rl_model_current(f.model), 0);
	cr_assert_gt(v->nchanges, 0);
	rl_status_info s;
	rl_view_status(v, &s);
	cr_assert_not(s.listing);
	cr_assert_str_eq(s.p->doc[1].name, "story.md");
	act(&f, RL_ACT_QUIT);
	cr_assert(v->listing, "q in a file goes back to the list");
	cr_assert_not(v->quit);
	cr_assert_eq(v->list.cursor, 0);
	cr_assert(v->lframe[0].known, "the file opened has its counts");
	act(&f, RL_ACT_QUIT);
	cr_assert(v->quit, "q on the list quits");
	lfix_free(&f);
}

Test(filelist, files_that_cannot_be_compared_say_why)
{
	lfix f;
	rl_view *v = lfix_init(&f, 100, 20);
	act(&f, RL_ACT_LINE_DOWN);
	act(&f, RL_ACT_OPEN);
	cr_assert(v->listing, "a binary file is not opened");
	cr_assert(v->msg_error);
	cr_assert_str_eq(v->msg, "logo.png: a binary file: not compared");
	act(&f, RL_ACT_BOTTOM);
	act(&f, RL_ACT_OPEN);
	cr_assert(v->listing);
	cr_assert_str_eq(v->msg, "lib: a submodule: not compared");
	act(&f, RL_ACT_LINE_UP);
	act(&f, RL_ACT_OPEN);
	cr_assert(v->listing);
	cr_assert_str_eq(v->msg, "secret.md: Permission denied", "the reading error itself");
	cr_assert_not(rl_model_is_open(f.model));
	lfix_free(&f);
}

Test(filelist, brackets_in_a_file_step_over_what_cannot_be_compared)
{
	lfix f;
	rl_view *v = lfix_init(&f, 100, 20);
	act(&f, RL_ACT_OPEN);
	act(&f, RL_ACT_NEXT_PAIR);
	cr_assert_not(v->listing);
	cr_assert_eq(rl_model_current(f.model), 2, "the binary file is passed over");
	cr_assert_str_eq(v->msg, "passed over 1 file that cannot be compared");
	act(&f, RL_ACT_NEXT_PAIR);
	cr_assert_eq(rl_model_current(f.model), 2);
	cr_assert_str_eq(v->msg, "no file after this one can be compared");
	act(&f, RL_ACT_PREV_PAIR);
	cr_assert_eq(rl_model_current(f.model), 0);
	act(&f, RL_ACT_PREV_PAIR);
	cr_assert_str_eq(v->msg, "this is the first file");
	act(&f, RL_ACT_NEXT_PAIR);
	act(&f, RL_ACT_QUIT);
	cr_assert(v->listing);
	cr_assert_eq(v->list.cursor, 2, "back on the list at the file last shown");
	/* Reopening the file shown last keeps its place; each file was read once per opening. */
	act(&f, RL_ACT_OPEN);
	cr_assert_eq(f.ts.loads[2], 2);
	cr_assert_eq(f.ts.loads[1], 0, "the binary file was probed, never loaded for the model");
	lfix_free(&f);
}

Test(filelist, the_list_moves_with_the_usual_keys_and_the_mouse)
{
	lfix f;
	rl_view *v = lfix_init(&f, 100, 20);
	act(&f, RL_ACT_BOTTOM);
	cr_assert_eq(v->list.cursor, 4);
	act(&f, RL_ACT_LINE_DOWN);
	cr_assert_str_eq(v->msg, "this is the last file");
	act(&f, RL_ACT_TOP);
	cr_assert_eq(v->list.cursor, 0);
	act(&f, RL_ACT_NEXT_PAIR);
	cr_assert_eq(v->list.cursor, 1, "] on the list moves the cursor");
	act(&f, RL_ACT_NEXT_CHANGE);
	cr_assert_not_null(strstr(v->msg, "Enter opens"), "%s", v->msg);
	/* A click selects; a second click opens. */
	cr_assert_eq(rl_view_click(v, 2, 10), RL_OK);
	cr_assert_eq(v->list.cursor, 2);
	cr_assert(v->listing);
	cr_assert_eq(rl_view_click(v, 2, 10), RL_OK);
	cr_assert_not(v->listing);
	cr_assert_eq(rl_model_current(f.model), 2);
	act(&f, RL_ACT_QUIT);
	cr_assert_eq(rl_view_click(v, 15, 10), RL_OK, "below the last file: nothing");
	cr_assert_eq(v->list.cursor, 2);
	lfix_free(&f);
}

Test(filelist, search_finds_file_names)
{
	lfix f;
	rl_view *v = lfix_init(&f, 100, 20);
	int probes = f.ts.probes;
	cr_assert_eq(rl_view_search(v, "intro", 5, false), RL_OK);
	cr_assert_eq(v->list.cursor, 2);
	cr_assert_eq(f.ts.probes, probes, "a name search reads no file");
	cr_assert_eq(rl_view_search(v, "md", 2, false), RL_OK);
	cr_assert_eq(v->list.cursor, 3);
	act(&f, RL_ACT_NEXT);
	cr_assert_eq(v->list.cursor, 0);
	cr_assert_str_eq(v->msg, "search wrapped to the start");
	act(&f, RL_ACT_PREV);
	cr_assert_eq(v->list.cursor, 3);
	cr_assert_eq(rl_view_search(v, "nothing", 7, false), RL_OK);
	cr_assert(v->msg_error);
	cr_assert_eq(v->list.cursor, 3);
	/* Opening a file leaves the name search behind: n walks the changes there. */
	act(&f, RL_ACT_TOP);
	act(&f, RL_ACT_OPEN);
	cr_assert_not(v->searching);
	lfix_free(&f);
}

Test(filelist, idle_time_fills_in_the_counts_of_the_files_on_screen)
{
	lfix f;
	rl_view *v = lfix_init(&f, 100, 20);
	size_t steps = 0;
	while (rl_view_idle_work(v) && steps < 20) {
		cr_assert_eq(rl_view_idle(v), RL_OK);
		steps++;
	}
	cr_assert_lt(steps, 20);
	cr_assert_eq(rl_view_frame(v), RL_OK);
	cr_assert(v->lframe[0].known);
	cr_assert_eq(v->lframe[0].summary.rewrites, 1);
	cr_assert(v->lframe[2].known);
	cr_assert(v->lframe[2].summary.same, "re-wrapped: the same words");
	cr_assert_not(v->lframe[1].known, "binary: never measured");
	cr_assert_not(v->lframe[3].known);
	cr_assert_eq(f.ts.held, 0, "measuring releases what it read");
	/* New comparison options: the counts are made again. */
	act(&f, RL_ACT_FOLD_CASE);
	cr_assert_not(v->lframe[0].known);
	cr_assert(rl_view_idle_work(v));
	bool differ;
	cr_assert_eq(rl_model_verdict(f.model, &differ), RL_OK);
	cr_assert(differ);
	lfix_free(&f);
}

Test(filelist, a_small_screen_and_the_help_still_work)
{
	lfix f;
	rl_view *v = lfix_init(&f, 100, 4);
	cr_assert(v->too_small);
	cr_assert_not(rl_view_idle_work(v), "nothing is measured for a screen that shows nothing");
	cr_assert_eq(rl_view_resize(v, 100, 4 + 2), RL_OK);
	cr_assert_eq(rl_view_frame(v), RL_OK);
	cr_assert_eq(v->nlframe, 5);
	cr_assert_eq(v->list.height, 5);
	act(&f, RL_ACT_BOTTOM);
	cr_assert_eq(v->list.top, 0);
	cr_assert_eq(rl_view_resize(v, 100, 3 + 1), RL_OK);
	cr_assert_eq(rl_view_frame(v), RL_OK);
	act(&f, RL_ACT_HELP);
	cr_assert(v->help);
	act(&f, RL_ACT_QUIT);
	cr_assert_not(v->help);
	cr_assert_not(v->quit, "q closes the help first");
	act(&f, RL_ACT_EXIT);
	cr_assert(v->quit);
	lfix_free(&f);
}

/* A list of versions (not files) with an unreadable one: [ stops there and says why. */
Test(filelist, versions_stop_at_a_pair_that_cannot_be_read)
{
	lfix f;
	lfix_init(&f, 100, 20);
	rl_view_release(&f.view);
	rl_model_free(f.model);
	f.ts.entry[1].mark = RL_MARK_UNREADABLE;
	f.src.file_list = false;
	f.src.start = 2;
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	cr_assert_eq(rl_model_new_src(&f.model, &f.src, &o, false), RL_OK);
	cr_assert_eq(rl_view_init(&f.view, f.model, 100, 20), RL_OK);
	cr_assert_not(f.view.listing);
	act(&f, RL_ACT_PREV_PAIR);
	cr_assert_eq(rl_model_current(f.model), 2);
	cr_assert(f.view.msg_error);
	cr_assert_str_eq(f.view.msg, "logo.png: Permission denied");
	act(&f, RL_ACT_QUIT);
	cr_assert(f.view.quit, "q quits a list of versions");
	lfix_free(&f);

	/* A start pair that cannot be compared: nothing is made. */
	memset(&f, 0, sizeof f);
	lfix_init(&f, 100, 20);
	rl_view_release(&f.view);
	rl_model_free(f.model);
	f.src.file_list = false;
	f.src.start = 1;
	rl_model *m = NULL;
	cr_assert_eq(rl_model_new_src(&m, &f.src, &o, false), RL_MODEL_CLOSED);
	cr_assert_null(m);
	cr_assert_eq(f.ts.held, 0);
}
