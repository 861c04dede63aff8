/* Tests for layout.c: panes in step, rows within width, every byte shown exactly once. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "fixtures.h"
#include "layout.h"
#include "status.h"
#include "text.h"

/* a against b (minimal search or not), laid out with or without markers; free with unlay. */
static rl_layout *lay_out(rl_alignment **al, const char *a, size_t alen, const char *b,
                          size_t blen, bool markers, bool minimal)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.minimal = minimal;
	cr_assert_eq(rl_diff(al, a, alen, b, blen, &o), RL_OK);
	rl_layout_opts lo = {.markers = markers};
	rl_layout *lay;
	cr_assert_eq(rl_layout_new(&lay, *al, &lo), RL_OK);
	return lay;
}

static void unlay(rl_layout *lay, rl_alignment *al)
{
	rl_layout_free(lay);
	rl_alignment_free(al);
}

/* Lay out a against b at pane width w (both marker styles), checking every invariant. */
static void check_layout(const char *a, size_t alen, const char *b, size_t blen, unsigned w,
                         bool markers, bool minimal)
{
	rl_alignment *al;
	rl_layout *lay = lay_out(&al, a, alen, b, blen, markers, minimal);
	const char *text[2] = {a, b};
	size_t len[2] = {alen, blen};
	unsigned char *seen[2] = {calloc(alen + 1, 1), calloc(blen + 1, 1)};
	unsigned eff = w < RL_LAYOUT_MIN_WIDTH ? RL_LAYOUT_MIN_WIDTH : w;
	rl_rowbuf buf = {0};

	for (size_t bi = 0; bi < rl_layout_blocks(lay); bi++) {
		const rl_block *blk = rl_layout_block(lay, bi);
		rl_rowbuf_clear(&buf);
		cr_assert_eq(rl_layout_rows(lay, bi, w, &buf), RL_OK);
		long first[2] = {-1, -1};
		for (size_t r = 0; r < buf.nrows; r++) {
			const rl_row *row = &buf.rows[r];
			cr_assert_eq(row->block, bi);
			for (int s = 0; s < 2; s++) {
				unsigned cols = 0;
				for (uint16_t k = 0; k < row->nrun[s]; k++) {
					const rl_run *run = &buf.runs[row->run[s] + k];
					cols += run->cols;
					if (run->type != RL_RUN_TEXT)
						continue;
					cr_assert_eq(rl_text_width(text[s] + run->off, run->len), run->cols);
					for (uint32_t x = run->off; x < run->off + run->len; x++) {
						cr_assert_eq(seen[s][x], 0, "byte %u of side %d shown twice", x, s);
						seen[s][x] = 1;
					}
				}
				cr_assert_eq(cols, row->cols[s]);
				cr_assert_leq(cols, eff, "row %zu side %d is %u columns, pane %u", r, s, cols, eff);
				if (first[s] < 0 && row->nrun[s] > 0)
					first[s] = (long)r;
			}
		}
		bool has[2] = {blk->a1 > blk->a0, blk->b1 > blk->b0};
		if (has[0] && has[1] && first[0] >= 0 && first[1] >= 0)
			cr_assert_eq(first[0], first[1], "block %zu starts on rows %ld and %ld", bi,
			             first[0], first[1]);
	}
	/* Every byte of every token shown; nothing else. */
	for (int s = 0; s < 2; s++) {
		const rl_tokens *t = rl_alignment_tokens(al, s);
		const rl_token *v = rl_tokens_array(t);
		unsigned char *want = calloc(len[s] + 1, 1);
		for (size_t i = 0; i < rl_tokens_count(t); i++)
			memset(want + v[i].off, 1, v[i].len);
		for (size_t x = 0; x < len[s]; x++)
			cr_assert_eq(seen[s][x], want[x], "side %d byte %zu shown %d, token byte %d", s, x,
			             seen[s][x], want[x]);
		free(want);
		free(seen[s]);
	}
	rl_rowbuf_free(&buf);
	unlay(lay, al);
}

static void check_all_widths(const char *a, const char *b)
{
	const unsigned widths[] = {1, 9, 10, 11, 13, 20, 37, 80, 200};
	for (size_t k = 0; k < sizeof widths / sizeof *widths; k++)
		for (int m = 0; m < 2; m++)
			check_layout(a, strlen(a), b, strlen(b), widths[k], m, false);
}

Test(layout, examples_at_many_widths, .timeout = 900)
{
	const char *names[] = {"examples/lighthouse-1-original.txt", "examples/lighthouse-2-spun.txt",
	                       "examples/lighthouse-3-summary.txt", "examples/lighthouse-4-rewrite.txt"};
	size_t len[4];
	char *text[4];
	for (int i = 0; i < 4; i++)
		text[i] = fixture_read(names[i], &len[i]);
	const unsigned widths[] = {10, 23, 40, 78};
	for (int i = 1; i < 4; i++)
		for (size_t k = 0; k < 4; k++)
			for (int m = 0; m < 2; m++)
				check_layout(text[0], len[0], text[i], len[i], widths[k], m, m == 1);
	for (int i = 0; i < 4; i++)
		free(text[i]);
}

Test(layout, wide_and_combining_characters)
{
	check_all_widths("\xe4\xb8\xad\xe6\x96\x87\xe6\xaf\x94\xe8\xbe\x83\xe7\x9a\x84\xe7\xbb\x93\xe6\x9e\x9c",
	                 "\xe4\xb8\xad\xe6\x96\x87\xe6\xaf\x94\xe8\xbe\x83\xe7\x9a\x84\xe7\xb5\x90\xe6\x9e\x9c");
	check_all_widths("we \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 met "
	                 "cafe\xcc\x81 owners",
	                 "we \xf0\x9f\x87\xab\xf0\x9f\x87\xb7 met caf\xc3\xa9 owners");
}

Test(layout, words_longer_than_the_pane_are_cut_at_graphemes)
{
	char a[600], b[600];
	memset(a, 'x', 300);
	strcpy(a + 300, " tail");
	memset(b, 0, sizeof b);
	for (int i = 0; i < 100; i++)
		memcpy(b + 3 * i, "\xe4\xb8\xad", 3);
	strcat(b, " tail");
	check_all_widths(a, b);
}

Test(layout, escapes_and_invalid_bytes)
{
	check_all_widths("title \x1b]0;pwned\x07 and \xe2\x80\xae evil \xff\xfe end",
	                 "title \x1b[2J and \xc2\x9b evil end");
}

Test(layout, paragraphs_and_lists_start_rows_together)
{
	const char *a = "Intro line of the story.\n\nSecond paragraph with words.\n\nThird one.";
	const char *b = "Intro line of the story.\n- a bullet\n- another bullet\nSecond paragraph with words. Third one.";
	check_all_widths(a, b);
}

Test(layout, a_long_deletion_faces_padding)
{
	const char *a = "Keep this. Then a long passage that the new version dropped entirely from "
	                "the story. Keep that.";
	const char *b = "Keep this. Keep that.";
	rl_alignment *al;
	rl_layout *lay = lay_out(&al, a, strlen(a), b, strlen(b), true, false);
	bool padded = false;
	for (size_t bi = 0; bi < rl_layout_blocks(lay); bi++) {
		const rl_block *blk = rl_layout_block(lay, bi);
		if (blk->a1 > blk->a0 && blk->b1 == blk->b0)
			padded = true;
	}
	cr_assert(padded, "the deletion is a block of its own, facing nothing");
	unlay(lay, al);
	check_all_widths(a, b);
}

/* The rows of a against b at pane width w, side `side`, as plain strings (no markers). */
static void side_rows(const char *a, const char *b, unsigned w, int side, char out[][256],
                      size_t *nrows)
{
	rl_alignment *al;
	rl_layout *lay = lay_out(&al, a, strlen(a), b, strlen(b), false, false);
	rl_rowbuf buf = {0};
	const char *text = side ? b : a;
	*nrows = 0;
	for (size_t bi = 0; bi < rl_layout_blocks(lay); bi++)
		cr_assert_eq(rl_layout_rows(lay, bi, w, &buf), RL_OK);
	for (size_t r = 0; r < buf.nrows; r++) {
		size_t k = 0;
		const rl_row *row = &buf.rows[r];
		for (uint16_t i = 0; i < row->nrun[side]; i++) {
			const rl_run *run = &buf.runs[row->run[side] + i];
			if (run->type == RL_RUN_TEXT)
				memcpy(out[*nrows] + k, text + run->off, run->len), k += run->len;
			else if (run->type == RL_RUN_SPACE)
				out[*nrows][k++] = ' ';
		}
		out[(*nrows)++][k] = '\0';
	}
	rl_rowbuf_free(&buf);
	unlay(lay, al);
}

Test(layout, a_soft_line_end_between_ideographs_is_no_space)
{
	char rows[16][256];
	size_t n;
	side_rows("\xe4\xb8\xad\xe6\x96\x87\n\xe6\xaf\x94\xe8\xbe\x83", "x", 40, RL_OLD, rows, &n);
	cr_assert_str_eq(rows[0], "\xe4\xb8\xad\xe6\x96\x87\xe6\xaf\x94\xe8\xbe\x83");
}

Test(layout, ideographs_break_anywhere_but_before_closing_punctuation)
{
	/* ten ideographs and a full stop in a pane of 10 columns: five per row, and the full stop
	 * stays with the last ideograph */
	const char *s = "\xe4\xb8\x80\xe4\xba\x8c\xe4\xb8\x89\xe5\x9b\x9b\xe4\xba\x94"
	                "\xe5\x85\xad\xe4\xb8\x83\xe5\x85\xab\xe4\xb9\x9d\xe5\x8d\x81\xe3\x80\x82";
	char rows[16][256];
	size_t n;
	side_rows(s, "x", 10, RL_OLD, rows, &n);
	cr_assert_eq(n, 3, "%zu rows", n);
	cr_assert_eq(strlen(rows[0]), 15, "five ideographs on the first row");
	cr_assert_eq(strlen(rows[2]), 6, "the last ideograph and its full stop together");
}

Test(layout, a_long_change_glued_to_punctuation_stays_inline)
{
	const char *a = "Keep it, and then a very long clause that was cut from the copy entirely. Next.";
	const char *b = "Keep it. Next.";
	char rows[16][256];
	size_t n;
	side_rows(a, b, 200, RL_OLD, rows, &n);
	cr_assert_eq(n, 1, "one row: the deletion is inline, not a block of its own");
	side_rows(a, b, 200, RL_NEW, rows, &n);
	cr_assert_str_eq(rows[0], "Keep it. Next.");
}

/* Rows of a block on one side as text: runs joined, markers included. */
static void side_text(const rl_rowbuf *buf, const char *text, int side, char *out, size_t cap)
{
	size_t len = 0;
	out[0] = '\0';
	for (size_t r = 0; r < buf->nrows; r++) {
		const rl_row *row = &buf->rows[r];
		for (uint16_t k = 0; k < row->nrun[side]; k++) {
			const rl_run *run = &buf->runs[row->run[side] + k];
			const char *s = run->type == RL_RUN_TEXT ? text + run->off
			                : run->type == RL_RUN_SPACE ? " " : rl_marker_text(side, run);
			size_t n = run->type == RL_RUN_TEXT ? run->len : strlen(s);
			if (len + n + 1 < cap) {
				memcpy(out + len, s, n);
				len += n;
				out[len] = '\0';
			}
		}
	}
}

/* Lays out OLD `a` against NEW `b` and checks that the one block line holding `word` reads
 * `old` on OLD's side and `new` on NEW's (the moved passage whole, in one pair of brackets). */
static void moved_block_reads(const char *a, const char *b, const char *word, const char *old,
                              const char *new)
{
	rl_alignment *al;
	rl_layout *lay = lay_out(&al, a, strlen(a), b, strlen(b), true, false);
	rl_rowbuf buf = {0};
	int found[2] = {0, 0};
	char line[1024];
	for (size_t bi = 0; bi < rl_layout_blocks(lay); bi++) {
		rl_rowbuf_clear(&buf);
		cr_assert_eq(rl_layout_rows(lay, bi, 200, &buf), RL_OK);
		for (int s = 0; s < 2; s++) {
			side_text(&buf, s ? b : a, s, line, sizeof line);
			if (!strstr(line, word))
				continue;
			found[s]++;
			cr_assert_str_eq(line, s ? new : old);
		}
	}
	cr_assert_eq(found[0], 1, "one block holds \"%s\" on OLD's side", word);
	cr_assert_eq(found[1], 1, "one block holds \"%s\" on NEW's side", word);
	rl_rowbuf_free(&buf);
	unlay(lay, al);
	check_all_widths(a, b);
}

/* The whole paragraph in one block, the swapped word marked as an edit inside. */
Test(layout, a_moved_passage_reads_as_one_with_its_edits_marked)
{
	const char *p1 = "The harbor master opened the gates at dawn and counted the boats.";
	const char *p2 = "A storm had broken three moorings during the night, and two skiffs were "
	                 "missing from the north pier.";
	const char *p2b = "A storm had broken four moorings during the night, and two skiffs were "
	                  "missing from the north pier.";
	const char *p3 = "By noon the fishermen had gathered at the cooperative to sell the catch.";
	const char *p4 = "Prices were low again this week because the cannery bought less than usual.";
	char a[1024], b[1024];
	snprintf(a, sizeof a, "%s\n\n%s\n\n%s\n\n%s\n", p1, p2, p3, p4);
	snprintf(b, sizeof b, "%s\n\n%s\n\n%s\n\n%s\n", p1, p3, p4, p2b);
	moved_block_reads(a, b, "storm",
	                  "[<A storm had broken [-three-] moorings during the night, and two skiffs "
	                  "were missing from the north pier.>]",
	                  "{>A storm had broken {+four+} moorings during the night, and two skiffs "
	                  "were missing from the north pier.<}");
}

/* A numbered step moved up and renumbered: the new number is an edit at the passage's edge, drawn
 * inside its brackets, not as an insertion beside a moved passage ("{+1+} {>. Check …<}"). */
Test(layout, an_edit_at_the_edge_of_a_moved_passage_is_inside_its_brackets)
{
	const char *a = "Before the trip\n\n1. Pack the tent and the poles in the long bag.\n"
	                "2. Fill the water bottles at the kitchen tap.\n"
	                "3. Check the forecast for the whole weekend and the wind on the ridge.\n"
	                "4. Leave a note with the route for the neighbours.\n";
	const char *b = "Before the trip\n\n"
	                "1. Check the forecast for the whole weekend and the wind on the ridge.\n"
	                "2. Pack the tent and the poles in the long bag.\n"
	                "3. Fill the water bottles at the kitchen tap.\n"
	                "4. Leave a note with the route for the neighbours.\n";
	moved_block_reads(a, b, "forecast",
	                  "[<[-3-]. Check the forecast for the whole weekend and the wind on the "
	                  "ridge.>]",
	                  "{>{+1+}. Check the forecast for the whole weekend and the wind on the "
	                  "ridge.<}");
}

Test(layout, quote_changes_have_markers_of_their_own)
{
	rl_run run = {0};
	run.type = RL_RUN_OPEN;
	run.quote = RL_QUOTE_REMOVED;
	run.kind = RL_OP_DELETE;
	cr_assert_str_eq(rl_marker_text(RL_OLD, &run), "[!");
	run.type = RL_RUN_CLOSE;
	cr_assert_str_eq(rl_marker_text(RL_NEW, &run), "!}");
	run.quote = RL_QUOTE_NONE;
	run.kind = RL_OP_MOVE;
	cr_assert_str_eq(rl_marker_text(RL_OLD, &run), ">]");
	run.kind = RL_OP_REPLACE;
	run.moved = 1;
	cr_assert_str_eq(rl_marker_text(RL_NEW, &run), "+}", "an edit inside a move is an edit");
}

Test(layout, a_quote_flag_marks_only_the_side_it_is_on)
{
	rl_op added = {.kind = RL_OP_REPLACE, .quote = RL_QUOTE_ADDED};
	rl_op removed = {.kind = RL_OP_REPLACE, .quote = RL_QUOTE_REMOVED};
	rl_op altered = {.kind = RL_OP_REPLACE, .quote = RL_QUOTE_ALTERED};
	cr_assert_eq(rl_op_side_quote(&added, RL_OLD), RL_QUOTE_NONE, "OLD's words were no quotation");
	cr_assert_eq(rl_op_side_quote(&added, RL_NEW), RL_QUOTE_ADDED);
	cr_assert_eq(rl_op_side_quote(&removed, RL_OLD), RL_QUOTE_REMOVED);
	cr_assert_eq(rl_op_side_quote(&removed, RL_NEW), RL_QUOTE_NONE);
	cr_assert_eq(rl_op_side_quote(&altered, RL_OLD), RL_QUOTE_ALTERED);
	cr_assert_eq(rl_op_side_quote(&altered, RL_NEW), RL_QUOTE_ALTERED);
}

/* Issue 10: a quotation mark added before the word that starts a paragraph is drawn with that
 * word, not on a row of its own above it. */
Test(layout, an_added_mark_stays_with_its_word)
{
	const char *a = "He said:\n\nWe will keep the light on.";
	const char *b = "He said:\n\n\xe2\x80\x9cWe will keep the light on.\xe2\x80\x9d";
	rl_alignment *al;
	rl_layout *lay = lay_out(&al, a, strlen(a), b, strlen(b), true, false);
	size_t we = 0;  /* the block that holds NEW's "We" (token 4: He said : “ We) */
	for (size_t bi = 0; bi < rl_layout_blocks(lay); bi++) {
		const rl_block *blk = rl_layout_block(lay, bi);
		if (blk->b0 <= 4 && blk->b1 > 4)
			we = bi;
	}
	const rl_block *blk = rl_layout_block(lay, we);
	cr_assert_eq(blk->b0, 3, "the mark (token 3) opens the block of its word");
	cr_assert_eq(blk->a0, 3, "facing OLD's \"We\"");
	unlay(lay, al);
	check_all_widths(a, b);
}

/* A list marker added before the words of a paragraph that was there ("- The company" for "The
 * company", "4. The company"), or removed from them, is drawn with those words, not on a row of
 * its own above them ("{+-+}" alone, then the paragraph). */
Test(layout, an_added_list_marker_stays_with_its_words)
{
	const char *a = "The council met on Monday.\n\nThe company said the reservoir would recover.";
	const char *bs[] = {"The council met on Monday.\n\n- The company said the reservoir would "
	                    "recover.",
	                    "The council met on Monday.\n\n4. The company said the reservoir would "
	                    "recover."};
	for (size_t k = 0; k < 2; k++) {
		for (int flip = 0; flip < 2; flip++) {
			const char *x = flip ? bs[k] : a, *y = flip ? a : bs[k];
			rl_alignment *al;
			rl_layout *lay = lay_out(&al, x, strlen(x), y, strlen(y), true, false);
			/* the marker is token 6 of its side (The council met on Monday . - The), and the
			 * block that starts with it holds the paragraph's first word too */
			for (size_t bi = 0; bi < rl_layout_blocks(lay); bi++) {
				const rl_block *blk = rl_layout_block(lay, bi);
				uint32_t lo6 = flip ? blk->a0 : blk->b0, hi6 = flip ? blk->a1 : blk->b1;
				if (lo6 == 6 && hi6 > lo6)
					cr_assert_gt(hi6, k ? 8u : 7u, "pair %zu%s: the marker alone in block %zu",
					             k, flip ? " flipped" : "", bi);
			}
			unlay(lay, al);
			check_all_widths(x, y);
		}
	}
}

/* The row of a side whose text starts with `start`, or -1. */
static long row_starting(char rows[][256], size_t n, const char *start)
{
	for (size_t r = 0; r < n; r++)
		if (strncmp(rows[r], start, strlen(start)) == 0)
			return (long)r;
	return -1;
}

Test(layout, a_long_rewritten_paragraph_keeps_its_sentences_in_step)
{
	/* A wordy old rendering against a plain new one, in one paragraph: every OLD sentence is
	 * half again as long as its NEW one. Without sync points inside the paragraph, NEW would run
	 * a sentence ahead of OLD by its end. */
	const char *a = "And it came to pass in the winter, that the keeper of the light went up unto "
	                "the lantern room with his lamp. And he trimmed the wick thereof, and he made "
	                "the glass clean and bright before the sun went down. And the ships that were "
	                "in the harbour saw the light, and they came safely unto the shore that night.";
	const char *b = "In the winter the keeper climbed to the lantern room with his lamp. He trimmed "
	                "the wick and cleaned the glass before sunset. The ships in the harbour saw "
	                "the light and came safely ashore that night.";
	char ra[32][256], rb[32][256];
	size_t na, nb;
	side_rows(a, b, 38, RL_OLD, ra, &na);
	side_rows(a, b, 38, RL_NEW, rb, &nb);
	long a2 = row_starting(ra, na, "And he trimmed"), b2 = row_starting(rb, nb, "He trimmed");
	long a3 = row_starting(ra, na, "And the ships"), b3 = row_starting(rb, nb, "The ships");
	cr_assert(a2 > 0 && a2 == b2, "second sentence on rows %ld and %ld", a2, b2);
	cr_assert(a3 > a2 && a3 == b3, "third sentence on rows %ld and %ld", a3, b3);
	/* A short paragraph beside a long one is not cut: the two sentences of NEW stay on one row. */
	side_rows("Keep it, and then a very long clause that was cut from the copy entirely. Next.",
	          "Keep it. Next.", 200, RL_NEW, rb, &nb);
	cr_assert_eq(nb, 1);
	check_all_widths(a, b);
}

/* A definition added with its term in quotes: the quotes stage cuts the insertion at the
 * quotation ({!"Harbour Log"!} then {+means the record …+}), and the quotation is drawn on the
 * row of the words it begins, not on a row of its own above them. Seen on the GNU FDL 1.2 ->
 * 1.3 pair ("CC-BY-SA", "Incorporate"). */
Test(layout, an_added_quotation_stays_on_the_row_of_its_sentence)
{
	const char *a = "A \"Keeper\" means any person who tends the light.\n\n"
	                "Each keeper signs the book.\n";
	const char *b = "A \"Keeper\" means any person who tends the light.\n\n"
	                "\"Harbour Log\" means the record of every ship that passes the light, kept "
	                "by the keeper on duty and signed at the end of each watch.\n\n"
	                "Each keeper signs the book.\n";
	char rows[16][256];
	size_t n;
	side_rows(a, b, 200, RL_NEW, rows, &n);
	cr_assert_gt(n, 2);
	cr_assert_not_null(strstr(rows[0], "Keeper"), "%s", rows[0]);
	size_t k = 1;
	while (k < n && !strstr(rows[k], "Harbour"))
		k++;
	cr_assert_lt(k, n);
	cr_assert_not_null(strstr(rows[k], "\"Harbour Log\" means the record"), "row %zu: %s", k,
	                   rows[k]);
	/* Two sentences, a quotation ending the first: the next one starts its own row. */
	const char *b2 = "A \"Keeper\" means any person who tends the light.\n\n"
	                 "He wrote: \"The log is kept.\" Every entry of the harbour record is then "
	                 "signed by the keeper on duty at the end of each watch.\n\n"
	                 "Each keeper signs the book.\n";
	side_rows(a, b2, 200, RL_NEW, rows, &n);
	for (k = 0; k < n; k++)
		cr_assert_null(strstr(rows[k], "kept.\" Every"), "row %zu: %s", k, rows[k]);
	check_all_widths(a, b);
}

/* A numbered heading after a long rewrite ("1. Who may hold a plot" after a line that lost a
 * sentence): the drift sync read the stop of "1." as a sentence end and cut the heading after
 * its number, so "1." stood on a row of its own above its words (seen on a .docx draft). */
Test(layout, a_numbered_heading_is_not_cut_after_its_number)
{
	const char *a = "Draft for the committee meeting of 14 February. Comments to the secretary by "
	                "7 February.\n\n1. Who may hold a plot\n\nPlots are let to residents.";
	const char *b = "Agreed by the committee on 14 February 2025.\n\n1. Who may hold a plot\n\n"
	                "Plots are let to residents.";
	for (int side = 0; side < 2; side++) {
		char rows[32][256];
		size_t n;
		side_rows(a, b, 46, side, rows, &n);
		cr_assert_geq(row_starting(rows, n, "1. Who may"), 0, "side %d: \"1.\" alone", side);
	}
	check_all_widths(a, b);
}

/* At this width, OLD's row starting so is NEW's row starting sn. */
static void starts_on_one_row(const char *a, const char *b, int width, const char *so,
                              const char *sn)
{
	char ro[24][256], rn[24][256];
	size_t no, nn;
	side_rows(a, b, width, RL_OLD, ro, &no);
	side_rows(a, b, width, RL_NEW, rn, &nn);
	long wo = row_starting(ro, no, so), wn = row_starting(rn, nn, sn);
	cr_assert(wo > 0 && wo == wn, "\"%s\" on row %ld, \"%s\" on row %ld", so, wo, sn, wn);
}

/* In both directions (OLD `a` against NEW `b`, then `b` against `a`) at width 60, the row that
 * starts with `in_a` on a's side is the row that starts with `in_b` on b's side, and not the
 * first. */
static void both_ways_one_row(const char *a, const char *b, const char *in_a, const char *in_b)
{
	for (int flip = 0; flip < 2; flip++) {
		const char *x = flip ? b : a, *y = flip ? a : b;
		starts_on_one_row(x, y, 60, flip ? in_b : in_a, flip ? in_a : in_b);
		check_all_widths(x, y);
	}
}

/* A change alone on one side at the start of a paragraph ("By" of a byline deleted, "The trust's
 * chair," deleted before the name it described): it leads that paragraph, in either direction.
 * Before: it stood on a row of its own above the paragraph, whose start on the other side faced
 * padding. */
Test(layout, a_change_that_leads_a_paragraph_shares_its_row)
{
	const char *a = "Title\n\nThe trust chair, Wendy Farraday, said volunteers kept it open.\n\nEnd.";
	const char *b = "Title\n\nWendy Farraday, who chairs the trust, said volunteers kept it open."
	                "\n\nEnd.";
	both_ways_one_row(a, b, "The trust", "Wendy");
}

/* Issue 10: words kept on both sides that start a paragraph on one side only, with a mark added
 * before them on the other ("he said:" then a paragraph "We're …", against "he once stated,
 * “We're …" on one line), start one row on both sides: the mark leads the row, instead of
 * the kept words running on after "once stated," on one side and two rows lower on the other. */
Test(layout, kept_words_after_an_added_mark_face_their_paragraph)
{
	const char *a = "On the radio last week, the keeper said:\n\nWe can keep the lamp lit for "
	                "years yet. Nobody has asked us to stop.";
	const char *b = "On the radio, the keeper once stated, \xe2\x80\x9cWe can keep the lamp lit "
	                "for years yet.\xe2\x80\x9d Nobody has asked us to stop.";
	both_ways_one_row(a, b, "We can", "\xe2\x80\x9cWe can");
}

/* Issue 10: a list item's head deleted ("- Staff") and a quotation's opening mark inserted where
 * NEW's paragraph starts ("“We"), the mark listed after the deletion: both lines start on one row,
 * the mark with its word, instead of the deletion (or the mark) on a row of its own. */
Test(layout, a_mark_that_starts_a_line_shares_the_row_of_the_line_beside_it)
{
	const char *a = "The board met on Monday.\n\nA spokesperson said the plan stays "
	                "\xe2\x80\x9c" "firm\xe2\x80\x9d\n- Staff plans to \xe2\x80\x9ckeep the "
	                "ferry running\xe2\x80\x9d all winter\n- Fares rise in May\n";
	const char *b = "The board met on Monday.\n\nA spokesperson said the plan stays "
	                "\xe2\x80\x9c" "firm.\xe2\x80\x9d\n\n\xe2\x80\x9cWe plan to keep the ferry "
	                "running,\xe2\x80\x9d the spokesperson said.\n";
	starts_on_one_row(a, b, 40, "- Staff", "\xe2\x80\x9cWe plan");
	check_all_widths(a, b);
	check_all_widths(b, a);
}

/* At 50 columns, OLD's row starting "Harbour" is NEW's row starting "A Harbour" (a sentence's
 * head kept on both sides, "{+A+}" added before it on NEW's), and every row fits both ways. */
static void harbour_head_on_one_row(const char *a, const char *b)
{
	starts_on_one_row(a, b, 50, "Harbour", "A Harbour");
	check_all_widths(a, b);
	check_all_widths(b, a);
}

/* Issue 10: an insertion of whole sentences that ends with the first word of the next one ("…
 * talks for now. A") before a kept word ("Harbour") was drawn with that word at the end of its
 * last row, and the sentence it starts on the row below. The head goes with its sentence. */
Test(layout, a_sentence_head_at_the_end_of_a_passage_goes_with_its_sentence)
{
	const char *a = "The crew painted the hull. The talks are simply that, talks. Harbour chief "
	                "Ann Lowe would still need to sign off on any changes, and a council "
	                "spokesperson said the fares stay low.\n";
	const char *b = "The crew painted the hull. It is worth noting that these are only early "
	                "talks for now. A Harbour spokesperson said the fares stay low.\n";
	harbour_head_on_one_row(a, b);
}

/* Issue 10, the same head before a passage: a sentence kept in place ends ("… just talks."), the
 * next one starts with a kept word ("Harbour", "{+A+} Harbour" in NEW) and goes on after a
 * deletion of whole clauses ("[-chief Ann Lowe would … a council-] spokesperson"). The head was
 * left at the end of the row of the sentence before on OLD's side, and on a row of its own on
 * NEW's, which wrapped. It starts a row of its own on both sides (corpus 000 -> 003). */
Test(layout, a_sentence_head_before_a_passage_starts_its_own_row)
{
	const char *a = "The crew painted the hull. The talks are just that, talks. Harbour chief "
	                "Ann Lowe would still need to sign off on any changes, and a council "
	                "spokesperson said the fares stay low.\n";
	const char *b = "The crew painted the hull. It is worth noting that these are currently "
	                "just talks. A Harbour spokesperson said the fares stay low.\n";
	harbour_head_on_one_row(a, b);
}

/* Issue 10 point 7: a sentence deleted and the sentence inserted in its slot, between the same
 * kept neighbours (the paragraph before, "Harbour" after), one sharing a word with the other: a
 * deletion and an insertion. They were drawn one below the other, each beside padding; they are
 * drawn side by side, starting one row (corpus 001 -> 003, and back). */
Test(layout, a_sentence_deleted_and_one_inserted_in_its_slot_share_a_row)
{
	const char *a = "Work on the new hull stopped when the yard closed.\n\nThe plans are only "
	                "that \xe2\x80\x93 plans. Harbour chief Ann Lowe would still need to approve "
	                "any changes, and a council spokesperson said the fares stay low.\n";
	const char *b = "Work on the new hull stopped when the yard closed.\n\nIt should be stressed "
	                "that these are so far nothing more than plans. A Harbour spokesperson said "
	                "the fares stay low.\n";
	starts_on_one_row(a, b, 60, "The plans", "It should");
	check_all_widths(a, b);
	check_all_widths(b, a);
}

/* Issue 10 point 7: a list item deleted and the item inserted in its slot (both "- ", the item
 * before and after kept), or a heading for a heading ("## "), share a row even where a change
 * stands before them (the last words of the item above, a sentence that ends the paragraph
 * above on one side). */
Test(layout, an_item_or_heading_replaced_in_its_slot_shares_a_row)
{
	const char *a = "The lanes open in spring.\n\n## What happens next\n\n- A meeting is held on "
	                "the design in January.\n- Residents can send comments by e-mail until the "
	                "end of January.\n- The final design is published in February.\n";
	const char *b = "The lanes open in spring. The council turned a trial down.\n\n## Next "
	                "steps\n\n- A meeting on the design\n- Until 31 January: comments by email\n"
	                "- The final design is published in February.\n";
	starts_on_one_row(a, b, 60, "## What", "## Next");
	starts_on_one_row(a, b, 60, "- Residents", "- Until");
	check_all_widths(a, b);
	check_all_widths(b, a);
}
