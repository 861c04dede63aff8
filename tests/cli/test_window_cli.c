/* End-to-end: a long text whose paragraphs were filled to another width, with one word changed,
 * is compared on a window around the change (the JSON's "windows") and its ops are the few a
 * reader expects: the text kept, the word replaced, the text kept. The text is made here. */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"
#include "temp.h"

static const char *const words[] = {
	"the", "survey", "crossed", "river", "valley", "northern", "stone", "bridge", "before",
	"winter", "mapped", "every", "quarry", "along", "old", "road", "with", "careful", "notes",
};
#define NWORDS (sizeof words / sizeof *words)
#define NPARA 150
#define CHANGED 75

/* The text: NPARA paragraphs of numbered sentences, each on one line (width 0) or filled to
 * width columns; in paragraph CHANGED the word "river" made "canal" when `edit`. */
static run_buf text(unsigned width, bool edit)
{
	run_buf t = {0};
	uint32_t st = 12345;
	for (unsigned p = 0; p < NPARA; p++) {
		size_t col = 0;
		char first[40];
		snprintf(first, sizeof first, "Section %u.", p);
		for (unsigned k = 0; k < 40; k++) {
			st = st * 1103515245u + 12345u;
			const char *w = k == 0 ? first : words[(st >> 16) % NWORDS];
			if (edit && p == CHANGED && !strcmp(w, "river"))
				w = "canal", edit = false;
			size_t n = strlen(w);
			if (col && width && col + 1 + n > width)
				run_buf_add(&t, "\n", 1), col = 0;
			else if (col)
				run_buf_add(&t, " ", 1), col++;
			run_buf_add(&t, w, n);
			col += n;
		}
		run_buf_add(&t, ".\n\n", 3);
	}
	return t;
}

Test(window_cli, a_rewrapped_text_with_one_edit)
{
	run_buf a = text(0, false), b = text(66, true);
	cr_assert(strstr(b.v, "canal"), "the edit was made");
	char pa[64], pb[64];
	temp_pair(pa, pb, a.v, a.n, b.v, b.n);
	run_result r;
	run_redline(&r, (const char *const[]){"redline", "--json", pa, pb, NULL}, NULL, 0, NULL, 120);
	cr_assert_eq(r.status, 1, "exit %d: %s", r.status, r.err);
	/* On a window (it was the whole texts, none of whose lines is the same byte for byte). */
	cr_assert(strstr(r.out, "\"windows\": 1"), "%.2000s", r.out);
	const char *ops = strstr(r.out, "\"ops\": [");
	cr_assert_not_null(ops);
	const char *end = strstr(ops, "\n  ]");
	cr_assert_not_null(end);
	size_t kinds = 0;
	for (const char *k = strstr(ops, "\"kind\""); k && k < end; k = strstr(k + 1, "\"kind\""))
		kinds++;
	cr_assert_eq(kinds, 3, "%.*s", (int)(end - ops), ops);
	const char *k1 = strstr(ops, "\"kind\": \"equal\"");
	const char *k2 = k1 ? strstr(k1 + 1, "\"kind\": \"replace\"") : NULL;
	const char *k3 = k2 ? strstr(k2 + 1, "\"kind\": \"equal\"") : NULL;
	cr_assert(k1 && k2 && k3 && k3 < end, "%.*s", (int)(end - ops), ops);
	run_free(&r);
	/* And the change a reader sees, printed inline: the one word. */
	run_redline(&r, (const char *const[]){"redline", "--inline", "-U0", "--color=never", pa, pb,
	                                      NULL}, NULL, 0, NULL, 120);
	cr_assert(strstr(r.out, "[-river-] {+canal+}"), "%s", r.out);
	cr_assert_null(strstr(strstr(r.out, "{+canal+}") + 1, "{+"), "%s", r.out);
	run_free(&r);
	unlink_pair(pa, pb);
	free(a.v);
	free(b.v);
}
