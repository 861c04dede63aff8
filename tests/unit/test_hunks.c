/* Tests for hunks.c: which units -U N shows, and where a byte stands (line, paragraph). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "print/print.h"
#include "status.h"

enum { S = RL_UNIT_SAME, C = RL_UNIT_CHANGED, B = RL_UNIT_BLANK };

/* Select and compare with the expected [lo, hi) pairs (want: 2 * nwant numbers). */
static void check(const uint8_t *u, size_t n, unsigned ctx, const size_t *want, size_t nwant)
{
	rl_hunk *h = NULL;
	size_t nh = 99;
	cr_assert_eq(rl_hunks_select(&h, &nh, u, n, ctx), RL_OK);
	cr_assert_eq(nh, nwant, "ctx %u: %zu hunks, want %zu", ctx, nh, nwant);
	for (size_t k = 0; k < nh; k++) {
		cr_assert_eq(h[k].lo, want[2 * k], "ctx %u hunk %zu lo %zu", ctx, k, h[k].lo);
		cr_assert_eq(h[k].hi, want[2 * k + 1], "ctx %u hunk %zu hi %zu", ctx, k, h[k].hi);
	}
	free(h);
}

Test(hunks, context_around_each_change)
{
	/*                  0  1  2  3  4  5  6  7  8  9 10 11 */
	const uint8_t u[] = {S, S, S, C, S, S, S, S, S, S, C, S};
	check(u, 12, 0, (size_t[]){3, 4, 10, 11}, 2);
	check(u, 12, 1, (size_t[]){2, 5, 9, 12}, 2);
	check(u, 12, 2, (size_t[]){1, 6, 8, 12}, 2);
	/* 3 lines after the first and 3 before the second touch: one hunk, as git joins them */
	check(u, 12, 3, (size_t[]){0, 12}, 1);
	check(u, 12, 1000, (size_t[]){0, 12}, 1);
}

Test(hunks, blank_units_are_not_context)
{
	/* a blank row between paragraphs is shown when inside, but -U1 reaches the text past it */
	const uint8_t u[] = {S, S, B, C, B, S, S};
	check(u, 7, 1, (size_t[]){1, 6}, 1);
	check(u, 7, 0, (size_t[]){3, 4}, 1);
}

Test(hunks, no_change_no_hunk)
{
	const uint8_t u[] = {S, B, S};
	check(u, 3, 3, NULL, 0);
	check(u, 0, 3, NULL, 0);
}

Test(hunks, lines_and_paragraphs)
{
	/* lines end in \n, \r\n or a lone \r; a blank line starts a paragraph */
	const char text[] = "one two\r\nthree\rfour\n\nfive\nsix";
	rl_tokens *tk;
	rl_where w;
	cr_assert_eq(rl_tokenize(&tk, text, strlen(text)), RL_OK);
	cr_assert_eq(rl_where_init(&w, tk), RL_OK);
	const char *five = strstr(text, "five"), *six = strstr(text, "six");
	cr_assert_eq(rl_where_line(&w, 0), 1);
	cr_assert_eq(rl_where_line(&w, (uint32_t)(strstr(text, "three") - text)), 2);
	cr_assert_eq(rl_where_line(&w, (uint32_t)(strstr(text, "four") - text)), 3);
	cr_assert_eq(rl_where_line(&w, (uint32_t)(five - text)), 5);
	cr_assert_eq(rl_where_line(&w, (uint32_t)(six - text)), 6);
	cr_assert_eq(rl_where_para(&w, (uint32_t)(strstr(text, "four") - text)), 1);
	cr_assert_eq(rl_where_para(&w, (uint32_t)(five - text)), 2);
	cr_assert_eq(rl_where_para(&w, (uint32_t)(six - text)), 2);
	rl_where_release(&w);
	rl_tokens_free(tk);
}

/* The line of each byte as a byte-by-byte reading finds it (\n, \r\n, a lone \r). */
static uint32_t line_by_bytes(const char *text, size_t len, size_t off)
{
	uint32_t line = 1;
	for (size_t i = 0; i < off && i + 1 < len; i++)
		line += text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n');
	return line;
}

Test(hunks, line_starts_found_by_memchr_are_the_byte_loops)
{
	/* LF lines (found by memchr) before the first CR, then the byte loop: every offset gets the
	 * line a byte-by-byte reading gives it, with and without a CR, with a last line end */
	const char *texts[] = {"a\nb\n\nc", "a\nb\n", "\n\n", "a\nbb\r\ncc\rdd\n\ne\r",
	                       "\r\n\ra\nb", "no line end", "x\n\ry\n\r\n\nz\n"};
	for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
		const char *text = texts[k];
		size_t len = strlen(text);
		rl_tokens *tk;
		rl_where w;
		cr_assert_eq(rl_tokenize(&tk, text, len), RL_OK);
		cr_assert_eq(rl_where_init(&w, tk), RL_OK);
		for (size_t off = 0; off < len; off++)
			cr_assert_eq(rl_where_line(&w, (uint32_t)off), line_by_bytes(text, len, off),
			             "text %zu offset %zu", k, off);
		rl_where_release(&w);
		rl_tokens_free(tk);
	}
}

Test(hunks, a_text_without_blank_lines_is_a_paragraph_a_line)
{
	/* Written one paragraph a line (lines far wider than any wrap width), no blank line: each
	 * line is a paragraph. Before: every change of such a text was in "¶1". */
	char text[1024];
	const char *line = "The long line of a paragraph that nobody wrapped by hand, as a saved page or a "
	                   "copy from the web has them, one after another without a blank line";
	snprintf(text, sizeof text, "first %s.\nsecond %s.\nthird %s.", line, line, line);
	rl_tokens *tk;
	rl_where w;
	cr_assert_eq(rl_tokenize(&tk, text, strlen(text)), RL_OK);
	cr_assert_eq(rl_where_init(&w, tk), RL_OK);
	cr_assert_eq(rl_where_para(&w, (uint32_t)(strstr(text, "second") - text)), 2);
	cr_assert_eq(rl_where_para(&w, (uint32_t)(strstr(text, "third") - text)), 3);
	cr_assert_eq(rl_where_line(&w, (uint32_t)(strstr(text, "third") - text)), 3);
	rl_where_release(&w);
	rl_tokens_free(tk);

	/* with one blank line, only blank lines start paragraphs (a list's lines are one) */
	snprintf(text, sizeof text, "first %s.\nsecond %s.\n\nthird %s.", line, line, line);
	cr_assert_eq(rl_tokenize(&tk, text, strlen(text)), RL_OK);
	cr_assert_eq(rl_where_init(&w, tk), RL_OK);
	cr_assert_eq(rl_where_para(&w, (uint32_t)(strstr(text, "second") - text)), 1);
	cr_assert_eq(rl_where_para(&w, (uint32_t)(strstr(text, "third") - text)), 2);
	rl_where_release(&w);
	rl_tokens_free(tk);
}

/* The header, read back. */
static char *header(const char *text, rl_extent e[2], bool ascii)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	rl_tokens *tk;
	rl_where w[2];
	rl_out o;
	cr_assert_eq(rl_tokenize(&tk, text, strlen(text)), RL_OK);
	cr_assert_eq(rl_where_init(&w[0], tk), RL_OK);
	rl_tokens *empty;
	cr_assert_eq(rl_tokenize(&empty, "", 0), RL_OK);
	cr_assert_eq(rl_where_init(&w[1], e[1].text ? tk : empty), RL_OK);
	rl_out_init(&o, fp, false, ascii);
	rl_print_hunk_header(&o, w, e);
	fclose(fp);
	rl_where_release(&w[0]);
	rl_where_release(&w[1]);
	rl_tokens_free(tk);
	rl_tokens_free(empty);
	return buf;
}

Test(hunks, header)
{
	const char text[] = "a\nb\n\nc\nd\n";
	rl_extent e[2] = {RL_EXTENT_INIT, RL_EXTENT_INIT};
	rl_extent_add(&e[0], 2, 3, true);   /* "b" */
	rl_extent_add(&e[0], 5, 5, false);  /* a filler row: no text, does not widen */
	rl_extent_add(&e[0], 7, 8, true);   /* "d" */
	rl_extent_add(&e[1], 0, 1, true);
	char *h = header(text, e, false);
	cr_assert_str_eq(h, "@@ \xc2\xb6" "1\xe2\x80\x93" "2 \xc2\xb7 lines 2\xe2\x80\x93" "5 | \xc2\xb6"
	                    "1 \xc2\xb7 line 1 @@\n");
	free(h);
	rl_extent one[2] = {RL_EXTENT_INIT, RL_EXTENT_INIT};
	rl_extent_add(&one[0], 2, 3, true);
	rl_extent_add(&one[1], 0, 0, false);
	h = header(text, one, true);
	cr_assert_str_eq(h, "@@ para 1, line 2 | empty @@\n");
	free(h);
}
