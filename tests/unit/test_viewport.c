/* Tests for rows.c, viewport.c and model.c: lazy lines, scroll arithmetic, block lookups. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "viewfix.h"
#include "viewport.h"

/* Blocks tile each side in order: the lookups from a byte to its block depend on it. */
Test(model, blocks_tile_both_sides_in_order)
{
	const char *pairs[][3] = {{ORIGINAL, SPUN, NULL}, {ORIGINAL, SUMMARY, NULL},
	                          {ORIGINAL, REWRITE, NULL}, {SUMMARY, REWRITE, NULL}};
	for (size_t k = 0; k < 4; k++) {
		vfix f;
		vfix_files(&f, pairs[k], 120, 40);
		const rl_layout *lay = rl_model_layout(f.model);
		const rl_alignment *al = rl_model_alignment(f.model);
		uint32_t next[2] = {0, 0};
		for (size_t b = 0; b < rl_layout_blocks(lay); b++) {
			const rl_block *blk = rl_layout_block(lay, b);
			uint32_t lo[2] = {blk->a0, blk->b0}, hi[2] = {blk->a1, blk->b1};
			for (int s = 0; s < 2; s++) {
				if (hi[s] == lo[s])
					continue;
				cr_assert_eq(lo[s], next[s], "pair %zu block %zu side %d", k, b, s);
				next[s] = hi[s];
				/* and the lookup finds it back */
				cr_assert_eq(rl_model_block_of(f.model, s, lo[s]), b);
				cr_assert_eq(rl_model_block_of(f.model, s, hi[s] - 1), b);
			}
		}
		for (int s = 0; s < 2; s++)
			cr_assert_eq(next[s], rl_tokens_count(rl_alignment_tokens(al, s)));
		vfix_free(&f);
	}
}

Test(model, token_at_finds_the_token_or_the_next)
{
	vfix f;
	vfix_texts(&f, (const char *[]){"alpha  beta gamma", "alpha beta", NULL}, 100, 30, false);
	cr_assert_eq(rl_model_token_at(f.model, RL_OLD, 0), 0);
	cr_assert_eq(rl_model_token_at(f.model, RL_OLD, 4), 0);
	cr_assert_eq(rl_model_token_at(f.model, RL_OLD, 5), 1, "whitespace maps to the next token");
	cr_assert_eq(rl_model_token_at(f.model, RL_OLD, 7), 1);
	cr_assert_eq(rl_model_token_at(f.model, RL_OLD, 17), 3, "past the end: the count");
	vfix_free(&f);
}

Test(model, summary_and_verdict)
{
	vfix f;
	vfix_files(&f, (const char *[]){ORIGINAL, SPUN, SPUN, NULL}, 120, 40);
	const rl_summary *s = rl_model_summary(f.model);
	cr_assert_gt(s->rewrites, 40, "the spun copy swaps ~47 words");
	cr_assert(s->similarity > 800 && s->similarity < 1000, "%u", s->similarity);
	bool differ;
	cr_assert_eq(rl_model_verdict(f.model, &differ), RL_OK);
	cr_assert(differ);
	vfix_free(&f);

	vfix_files(&f, (const char *[]){SPUN, SPUN, NULL}, 120, 40);
	cr_assert_eq(rl_model_verdict(f.model, &differ), RL_OK);
	cr_assert_not(differ);
	cr_assert_eq(f.view.nchanges, 0);
	vfix_free(&f);
}

/* Walking the document one line at a time meets every line once, in both directions, and
 * agrees with the lines the cache reports per block. */
Test(viewport, stepping_visits_every_line)
{
	vfix f;
	vfix_files(&f, (const char *[]){ORIGINAL, REWRITE, NULL}, 100, 30);
	rl_rows *r = f.view.rows;
	size_t total = 0;
	for (size_t b = 0; b < rl_rows_blocks(r); b++) {
		const rl_blockrows *br;
		cr_assert_eq(rl_rows_get(r, b, &br), RL_OK);
		cr_assert_gt(br->nlines, 0);
		total += br->nlines;
	}
	rl_pos p = {0, 0}, last;
	cr_assert_eq(rl_pos_last(r, &last), RL_OK);
	size_t steps = 0;
	long moved;
	while (rl_pos_cmp(p, last) < 0) {
		cr_assert_eq(rl_pos_step(r, &p, 1, &moved), RL_OK);
		cr_assert_eq(moved, 1);
		steps++;
	}
	cr_assert_eq(steps + 1, total);
	cr_assert_eq(rl_pos_step(r, &p, 5, &moved), RL_OK);
	cr_assert_eq(moved, 0, "the last line is the last");
	cr_assert_eq(rl_pos_step(r, &p, -(long)total - 10, &moved), RL_OK);
	cr_assert_eq(moved, -(long)(total - 1));
	cr_assert_eq(p.block, 0);
	cr_assert_eq(p.line, 0);
	vfix_free(&f);
}

Test(viewport, scrolling_clamps_to_the_document)
{
	vfix f;
	vfix_files(&f, (const char *[]){ORIGINAL, SPUN, NULL}, 120, 25);
	rl_view *v = &f.view;
	vfix_act(&f, RL_ACT_LINE_UP);
	cr_assert_eq(v->vp.top.block, 0);
	cr_assert_eq(v->vp.top.line, 0);
	cr_assert_not(v->frame.at_end);
	cr_assert_eq(v->frame.n, 24, "a full screen of body lines");
	vfix_act(&f, RL_ACT_PAGE_DOWN);
	rl_pos after = v->vp.top;
	vfix_act(&f, RL_ACT_PAGE_UP);
	cr_assert_eq(v->vp.top.block, 0);
	cr_assert_eq(v->vp.top.line, 0);
	vfix_act(&f, RL_ACT_PAGE_DOWN);
	cr_assert_eq(rl_pos_cmp(v->vp.top, after), 0, "page down is repeatable");
	vfix_act(&f, RL_ACT_BOTTOM);
	cr_assert(v->frame.at_end);
	cr_assert_eq(v->frame.n, 24, "the last screen is full");
	rl_pos end = v->vp.top;
	vfix_act(&f, RL_ACT_LINE_DOWN);
	vfix_act(&f, RL_ACT_PAGE_DOWN);
	cr_assert_eq(rl_pos_cmp(v->vp.top, end), 0, "nothing below the end");
	vfix_act(&f, RL_ACT_TOP);
	cr_assert_eq(v->vp.top.block, 0);
	vfix_free(&f);
}

Test(viewport, a_short_document_stays_at_the_top)
{
	vfix f;
	vfix_texts(&f, (const char *[]){"One line.", "One short line.", NULL}, 100, 30, false);
	vfix_act(&f, RL_ACT_BOTTOM);
	cr_assert_eq(f.view.vp.top.block, 0);
	cr_assert_eq(f.view.vp.top.line, 0);
	cr_assert_eq(f.view.frame.n, 1);
	cr_assert(f.view.frame.at_end);
	vfix_free(&f);
}

Test(viewport, empty_documents)
{
	vfix f;
	vfix_texts(&f, (const char *[]){"", "", NULL}, 100, 30, false);
	cr_assert_eq(rl_rows_blocks(f.view.rows), 0);
	const rl_action all[] = {RL_ACT_LINE_DOWN, RL_ACT_PAGE_DOWN, RL_ACT_BOTTOM, RL_ACT_NEXT,
	                         RL_ACT_PREV, RL_ACT_MOVE_END, RL_ACT_UNIFIED, RL_ACT_FOLD_CASE};
	for (size_t i = 0; i < sizeof all / sizeof *all; i++)
		vfix_act(&f, all[i]);
	cr_assert_eq(rl_view_search(&f.view, "x", 1, false), RL_OK);
	cr_assert_eq(rl_view_click(&f.view, 3, 3), RL_OK);
	cr_assert_eq(f.view.frame.n, 0);
	vfix_free(&f);
}

/* A large document, made here: paragraphs of numbered sentences with a few edits. */
static char *big_text(size_t paragraphs, bool edited)
{
	size_t cap = paragraphs * 400 + 1, len = 0;
	char *s = malloc(cap);
	for (size_t p = 0; p < paragraphs; p++) {
		len += (size_t)snprintf(s + len, cap - len,
		                        "Paragraph %zu opens here. It carries %s words about harbor %zu, "
		                        "and the tide that comes twice a day.\n\n",
		                        p, edited && p % 97 == 5 ? "altered" : "ordinary", p * 7);
	}
	return s;
}

/* Opening a large document and paging through it lays out what is shown and what is walked
 * past, never the whole document. */
Test(viewport, scrolling_a_large_document_lays_out_only_what_it_shows)
{
	char *a = big_text(20000, false), *b = big_text(20000, true);
	vfix f;
	vfix_texts(&f, (const char *[]){a, b, NULL}, 160, 50, false);
	free(a);
	free(b);
	size_t nblocks = rl_rows_blocks(f.view.rows);
	cr_assert_geq(nblocks, 20000, "%zu blocks", nblocks);
	size_t first = rl_rows_laid_out(f.view.rows);
	cr_assert_leq(first, 60, "the first screen laid out %zu blocks", first);
	for (int i = 0; i < 10; i++)
		vfix_act(&f, RL_ACT_PAGE_DOWN);
	size_t paged = rl_rows_laid_out(f.view.rows) - first;
	cr_assert_leq(paged, 10 * 50, "ten pages laid out %zu blocks", paged);
	size_t before = rl_rows_laid_out(f.view.rows);
	vfix_act(&f, RL_ACT_BOTTOM);
	size_t end = rl_rows_laid_out(f.view.rows) - before;
	cr_assert_leq(end, 60, "the end laid out %zu blocks", end);
	before = rl_rows_laid_out(f.view.rows);
	vfix_act(&f, RL_ACT_LINE_UP);
	vfix_act(&f, RL_ACT_LINE_DOWN);
	cr_assert_leq(rl_rows_laid_out(f.view.rows) - before, 2, "a line costs at most a block");
	vfix_free(&f);
}

Test(rows, unified_lines_show_each_byte_once)
{
	vfix f;
	vfix_files(&f, (const char *[]){ORIGINAL, REWRITE, NULL}, 60, 30);
	cr_assert(f.view.geom.unified, "60 columns are unified");
	rl_rows *r = f.view.rows;
	const rl_layout *lay = rl_model_layout(f.model);
	size_t len[2];
	rl_model_text(f.model, 0, &len[0]);
	rl_model_text(f.model, 1, &len[1]);
	unsigned char *seen[2] = {calloc(len[0] + 1, 1), calloc(len[1] + 1, 1)};
	for (size_t b = 0; b < rl_rows_blocks(r); b++) {
		const rl_blockrows *br;
		cr_assert_eq(rl_rows_get(r, b, &br), RL_OK);
		for (size_t l = 0; l < br->nlines; l++) {
			const rl_row *row = &br->buf.rows[br->lines[l].row];
			for (int s = 0; s < 2; s++) {
				if (!rl_line_shows(&br->lines[l], s) || br->lines[l].side == RL_LINE_BOTH)
					continue;
				cr_assert_leq(row->cols[s], rl_rows_width(r));
				for (uint16_t k = 0; k < row->nrun[s]; k++) {
					const rl_run *run = &br->buf.runs[row->run[s] + k];
					for (uint32_t x = run->off; run->type == RL_RUN_TEXT && x < run->off + run->len; x++) {
						cr_assert_eq(seen[s][x], 0);
						seen[s][x] = 1;
					}
				}
			}
		}
	}
	/* NEW is shown whole; OLD wherever its block changed. */
	const rl_token *t[2] = {rl_tokens_array(rl_alignment_tokens(rl_model_alignment(f.model), 0)),
	                        rl_tokens_array(rl_alignment_tokens(rl_model_alignment(f.model), 1))};
	for (size_t b = 0; b < rl_layout_blocks(lay); b++) {
		const rl_block *blk = rl_layout_block(lay, b);
		bool old_shown = blk->b1 == blk->b0 || (blk->flags & RL_BLOCK_CHANGE);
		for (uint32_t i = blk->a0; i < blk->a1; i++)
			cr_assert_eq(seen[0][t[0][i].off], old_shown, "block %zu token %u", b, i);
		for (uint32_t i = blk->b0; i < blk->b1; i++)
			cr_assert_eq(seen[1][t[1][i].off], 1);
	}
	free(seen[0]);
	free(seen[1]);
	vfix_free(&f);
}

Test(rows, the_cache_keeps_what_a_screen_needs)
{
	vfix f;
	vfix_files(&f, (const char *[]){ORIGINAL, SUMMARY, NULL}, 120, 30);
	rl_rows *r = f.view.rows;
	size_t n = rl_rows_blocks(r);
	cr_assert_eq(rl_rows_reserve(r, n), RL_OK);
	const rl_blockrows *all[64];
	cr_assert_leq(n, 64);
	for (size_t b = 0; b < n; b++)
		cr_assert_eq(rl_rows_get(r, b, &all[b]), RL_OK);
	size_t laid = rl_rows_laid_out(r);
	for (size_t b = 0; b < n; b++) {
		const rl_blockrows *again;
		cr_assert_eq(rl_rows_get(r, b, &again), RL_OK);
		cr_assert_eq(again, all[b], "still cached");
		cr_assert_eq(again->block, b);
	}
	cr_assert_eq(rl_rows_laid_out(r), laid, "nothing laid out twice");
	const rl_blockrows *br;
	cr_assert_eq(rl_rows_get(r, n, &br), RL_EINVAL);
	vfix_free(&f);
}
