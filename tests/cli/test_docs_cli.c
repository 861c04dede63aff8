/* End-to-end tests of the binary for issue 11's part here: `--base ORIG v1 v2...`, and the
 * DOCX, ODT, EPUB and PDF pairs of tests/documents/ in every output format. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expect.h"
#include "json.h"
#include "run.h"

#define ORIGINAL "examples/lighthouse-1-original.txt"
#define SPUN "examples/lighthouse-2-spun.txt"
#define SUMMARY "examples/lighthouse-3-summary.txt"
#define REWRITE "examples/lighthouse-4-rewrite.txt"

#define RUN(r, ...) run_redline((r), (const char *const[]){"redline", __VA_ARGS__, NULL}, NULL, 0, NULL, 120)

static size_t count_lines(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* ---- --base ---- */

Test(base, each_version_is_compared_with_the_original)
{
	run_result r;
	RUN(&r, "--inline", "--color=never", "--base", ORIGINAL, SUMMARY, REWRITE);
	cr_assert_eq(r.status, 1, "%s", r.err);
	const char first[] = "redline " ORIGINAL " " SUMMARY "\n";
	cr_assert_eq(strncmp(r.out, first, sizeof first - 1), 0, "%s", r.out);
	/* The second pair is ORIG against the second version, not the first version against it. */
	cr_assert_not_null(strstr(r.out, "\n\nredline " ORIGINAL " " REWRITE "\n"), "%s", r.out);
	cr_assert_null(strstr(r.out, "redline " SUMMARY " " REWRITE), "%s", r.out);
	run_free(&r);
	/* --base=ORIG is the same. */
	RUN(&r, "--inline", "--color=never", "--base=" ORIGINAL, SUMMARY);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_eq(strncmp(r.out, first, sizeof first - 1), 0, "%s", r.out);
	run_free(&r);
}

Test(base, stat_is_one_line_per_version_to_rank_the_copies)
{
	run_result r;
	RUN(&r, "--stat", "--color=never", "--base", ORIGINAL, SPUN, SUMMARY, ORIGINAL);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_eq(count_lines(r.out), 3, "%s", r.out);
	cr_assert_eq(strncmp(r.out, SPUN ": old 753 words, new ", strlen(SPUN) + 21), 0, "%s", r.out);
	cr_assert_not_null(strstr(r.out, "\n" SUMMARY ": old 753 words, "), "%s", r.out);
	/* The original against itself: all of it kept. */
	cr_assert_not_null(strstr(r.out, "\n" ORIGINAL ": old 753 words, new 753 words: kept 753 "
	                                 "(100.0% of old)"), "%s", r.out);
	run_free(&r);
	/* A version identical to the original: no difference, exit 0. */
	RUN(&r, "--stat", "--base", ORIGINAL, ORIGINAL);
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(count_lines(r.out), 1, "%s", r.out);
	run_free(&r);
}

Test(base, json_is_an_array_of_the_pairs)
{
	run_result r;
	RUN(&r, "--json", "--base", ORIGINAL, SPUN, SUMMARY);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_eq(strncmp(r.out, "[\n{", 3), 0, "%s", r.out);
	/* Both documents name ORIG as their old side. */
	const char *second = strstr(r.out, "}\n,\n{");
	cr_assert_not_null(second, "%s", r.out);
	cr_assert_not_null(strstr(r.out, "\"" ORIGINAL "\""));
	cr_assert_not_null(strstr(second, "\"" ORIGINAL "\""), "%s", second);
	cr_assert_null(strstr(second, "\"" SPUN "\""), "%s", second);
	run_free(&r);
}

Test(base, errors)
{
	run_result r;
	RUN(&r, "--base", ORIGINAL);
	cr_assert_eq(r.status, 2);
	cr_assert_not_null(strstr(r.err, "redline: missing operand: --base ORIG needs a VERSION"), "%s", r.err);
	run_free(&r);
	RUN(&r, "--base", ORIGINAL, "--git");
	cr_assert_eq(r.status, 2);
	cr_assert_not_null(strstr(r.err, "--base compares files"), "%s", r.err);
	run_free(&r);
	RUN(&r, "--stat", "--base", "no-such-original.txt", SPUN);
	cr_assert_eq(r.status, 2);
	cr_assert_str_eq(r.err, "redline: no-such-original.txt: No such file or directory\n");
	cr_assert_eq(r.out_len, 0);
	run_free(&r);
}

/* ---- documents end to end ---- */

typedef struct {
	const char *old, *new_, *format;
	const char *deleted, *inserted;  /* one word the edit replaced, and its replacement */
} doc_pair;

static const doc_pair pairs[] = {
	{"tests/documents/draft1.docx", "tests/documents/draft2.docx", "docx", "six", "eight"},
	{"tests/documents/ferry1.odt", "tests/documents/ferry2.odt", "odt", "unchanged", "reduced"},
	{"tests/documents/steps1.odt", "tests/documents/steps2.odt", "odt", "one", "two"},
	{"tests/documents/orchard1.epub", "tests/documents/orchard2.epub", "epub", "twelve", "fourteen"},
	{"tests/documents/bridge1.pdf", "tests/documents/bridge2.pdf", "pdf", "six", "ten"},
	{"tests/documents/toolshed-v1.docx", "tests/documents/toolshed-v2.docx", "docx", "small",
	 "modest"},
};
#define NPAIRS (sizeof pairs / sizeof *pairs)

Test(documents, every_pair_in_every_output_format, .timeout = 600)
{
	for (size_t i = 0; i < NPAIRS; i++) {
		const doc_pair *p = &pairs[i];
		run_result r;
		char want[128];
		RUN(&r, "--inline", "--color=never", p->old, p->new_);
		cr_assert_eq(r.status, 1, "%s: %s", p->old, r.err);
		/* (A rewrite next to another prints with it: "[-one size-] {+two sizes+}".) */
		snprintf(want, sizeof want, "[-%s", p->deleted);
		cr_assert_not_null(strstr(r.out, want), "%s: %s", p->old, r.out);
		snprintf(want, sizeof want, "{+%s", p->inserted);
		cr_assert_not_null(strstr(r.out, want), "%s: %s", p->old, r.out);
		cr_assert_null(strstr(r.out, "PK"), "%s: zip bytes were compared: %s", p->old, r.out);
		run_free(&r);

		RUN(&r, "--side-by-side", "--color=never", "--width=100", p->old, p->new_);
		cr_assert_eq(r.status, 1, "%s: %s", p->old, r.err);
		cr_assert_eq(r.err_len, 0, "%s", r.err);
		cr_assert_not_null(strstr(r.out, p->inserted), "%s", r.out);
		run_free(&r);

		RUN(&r, "--stat", p->old, p->new_);
		cr_assert_eq(r.status, 1, "%s: %s", p->old, r.err);
		cr_assert_eq(count_lines(r.out), 1, "%s", r.out);
		run_free(&r);

		/* Each document against itself: no difference. */
		RUN(&r, "--stat", p->old, p->old);
		cr_assert_eq(r.status, 0, "%s: %s", p->old, r.err);
		run_free(&r);
	}
}

/* --json's ranges point into the extracted text, which --extract prints: the replaced word is
 * there, at the range --json gives. */
static void check_json_ranges(const doc_pair *p)
{
	run_result r, ex[2];
	RUN(&r, "--json", p->old, p->new_);
	cr_assert_eq(r.status, 1, "%s: %s", p->old, r.err);
	RUN(&ex[0], "--extract", p->old);
	RUN(&ex[1], "--extract", p->new_);
	cr_assert(ex[0].status == 0 && ex[1].status == 0, "%s%s", ex[0].err, ex[1].err);
	char err[256];
	json *doc = json_parse(r.out, r.out_len, err, sizeof err);
	cr_assert_not_null(doc, "%s: %s", p->old, err);
	for (int s = 0; s < 2; s++) {
		const json *side = json_get(doc, s ? "new" : "old");
		cr_assert_str_eq(json_str(json_get(side, "format")), p->format, "%s", r.out);
		const json *extracted = json_get(side, "extracted");
		cr_assert(extracted && extracted->type == JSON_TRUE, "%s", r.out);
	}
	const json *ops = json_get(doc, "ops");
	bool found = false;
	for (size_t k = 0; json_at(ops, k) && !found; k++) {
		const json *op = json_at(ops, k);
		if (strcmp(json_str(json_get(op, "kind")), "replace") != 0)
			continue;
		const json *a = json_get(op, "a"), *b = json_get(op, "b");
		long long a0 = json_at(a, 0)->i, a1 = json_at(a, 1)->i;
		long long b0 = json_at(b, 0)->i, b1 = json_at(b, 1)->i;
		cr_assert(a1 <= (long long)ex[0].out_len && b1 <= (long long)ex[1].out_len);
		found = (size_t)(a1 - a0) == strlen(p->deleted) &&
		        !memcmp(ex[0].out + a0, p->deleted, (size_t)(a1 - a0)) &&
		        (size_t)(b1 - b0) == strlen(p->inserted) &&
		        !memcmp(ex[1].out + b0, p->inserted, (size_t)(b1 - b0));
	}
	cr_assert(found, "%s: no replace op of \"%s\" by \"%s\" in\n%s", p->old, p->deleted,
	          p->inserted, r.out);
	json_free(doc);
	run_free(&r);
	run_free(&ex[0]);
	run_free(&ex[1]);
}

/* A Word draft and its revision (stop 22, make_toolshed.py): the draft's "jig<soft hyphen>saw"
 * is the revision's "jigsaw" (before: a replace printed "[-jig<U+00AD>saw-]"); the edits,
 * the inserted list items and the renumbered steps are shown. */
Test(documents, word_draft_soft_hyphen_is_no_change)
{
	run_result r;
	RUN(&r, "--inline", "--color=never", "tests/documents/toolshed-v1.docx",
	    "tests/documents/toolshed-v2.docx");
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_null(strstr(r.out, "U+00AD"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "- power tools: drills, sanders and a jigsaw;\n"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "{+- a repair bench for bicycles.+}"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "\u00a3[-350-] {+420+}"), "%s", r.out);
	run_free(&r);
}

/* Stop 23: a committee's note (make_tracked.py) against the reviewer's copy sent back with its
 * edits pending as tracked changes: compared as it reads once they are accepted. Before, the
 * print showed the table of contents' page number moving ("Options [-1-] {+2+}"), "Page [-1-]
 * {+2+}", a deleted numbered item as a lone "2." with the next items renumbered, the hidden
 * note to self, and the joined paragraphs still apart. */
Test(documents, word_tracked_changes_compare_as_accepted)
{
	run_result r;
	RUN(&r, "--inline", "--color=never", "tests/documents/tracked-v1.docx",
	    "tests/documents/tracked-v2.docx");
	cr_assert_eq(r.status, 1, "%s", r.err);
	static const char *const unseen[] = {"Contents", "Check the third quote", "Was it not",
	                                     "Page [-", "\n2.\n", "\n\n4. "};
	out_lacks(&r, unseen, sizeof unseen / sizeof *unseen, "the comparison");
	cr_assert_not_null(strstr(r.out, "inspected it in [-February-] {+early March+}"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "[-stage end only-]"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "{+3. Apply to the heritage fund for half of the cost.+}"),
	                   "%s", r.out);
	cr_assert_not_null(strstr(r.out, "The insurer will not pay for wear{+, so the committee "
	                                 "must fund the work+}. Repairs"), "%s", r.out);
	run_free(&r);
}

/* Stop 24: a one-page note printed by Chromium a minute apart with its default header and footer,
 * in three columns whose gutters are narrower than two line heights (make_margins.py). Before,
 * the header's stamp was a change ("12/5/26, 5:[-27-] {+28+} AM"), the title, address and "1/1"
 * were read as text, and the columns were read across, line by line; now the edit alone. */
Test(documents, a_printed_page_of_one_shows_only_its_edit)
{
	run_result r;
	RUN(&r, "--inline", "--color=never", "tests/documents/kiosk-v1.pdf",
	    "tests/documents/kiosk-v2.pdf");
	cr_assert_eq(r.status, 1, "%s", r.err);
	static const char *const unseen[] = {" AM", "Kiosk note", "file:", "1/1"};
	out_lacks(&r, unseen, sizeof unseen / sizeof *unseen, "the comparison");
	cr_assert_not_null(strstr(r.out, "Kiosk on the green\n\nThe parish council"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "paint the frame on [-two-] {+three+} Saturdays in "
	                                 "[-April-] {+May+}, weather permitting."), "%s", r.out);
	run_free(&r);
	RUN(&r, "--stat", "tests/documents/kiosk-v1.pdf", "tests/documents/kiosk-v1.pdf");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
}

/* Stop 24: Word's symbols (w:sym, symbols.docx) are read as the characters they draw: a tick and
 * a cross are words of their lines, and the document against itself is no difference. */
Test(documents, word_symbols_are_read)
{
	run_result r;
	RUN(&r, "--extract", "tests/documents/symbols.docx");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_not_null(strstr(r.out, "Hall booked \u2713\n"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "Caterer confirmed \u2717\n"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "at 90 \u00b0C or more."), "%s", r.out);
	run_free(&r);
	RUN(&r, "--stat", "tests/documents/symbols.docx", "tests/documents/symbols.docx");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
}

/* Stop 25: a checklist with the symbols of Wingdings 2, Wingdings 3, Zapf Dingbats and Webdings
 * (checklist-v1/v2.docx): a tick changed for a cross shows, and a Webdings picture changed for
 * another (a decoration) does not. Before, each was its U+F0xx code: the cross and the tick were
 * two unreadable codes, and the picture's change showed as one. */
Test(documents, symbols_of_four_more_fonts_are_read)
{
	run_result r;
	RUN(&r, "--inline", "--color=never", "tests/documents/checklist-v1.docx",
	    "tests/documents/checklist-v2.docx");
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_not_null(strstr(r.out, "\u25b6 Tables from the school\n"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "Caterer confirmed [-\U0001F5F4-] {+\U0001F5F8+}\n"), "%s",
	                   r.out);
	cr_assert_not_null(strstr(r.out, "\u261e Raffle tickets \u2611\n"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "\nWeather to be checked\n"), "%s", r.out);
	cr_assert_null(strstr(r.out, "\xef\x80"), "a U+F0xx code is shown:\n%s", r.out);
	run_free(&r);
}

/* Stop 25: a PDF's table of one-word cells (stalls.pdf) is read cell by cell, not as lines of
 * two words; since stop 36 a row a paragraph, its cells apart by " | " as every reader's. */
Test(documents, a_pdf_table_of_one_word_cells_is_read_by_cells)
{
	run_result r;
	RUN(&r, "--extract", "tests/documents/stalls.pdf");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_not_null(strstr(r.out, "\n\nCakes | kitchen\n\nBooks | porch\n\n"), "%s", r.out);
	run_free(&r);
}

/* Stop 36: one report with a table (make_tables.py) as Word, LibreOffice, a web page and
 * Markdown give it reads the same text in all four, each row a paragraph, its cells apart by
 * " | ". Before, the Markdown file (a heading and a pipe table) was read as plain text, its
 * table as lines of pipes and its delimiter row a line of dashes. */
Test(documents, one_report_s_table_reads_alike_in_four_formats)
{
	static const char *const files[] = {"tests/documents/hedges-v2.odt",
	                                    "tests/documents/hedges-v2.html",
	                                    "tests/documents/hedges-v2.md"};
	run_result docx;
	RUN(&docx, "--extract", "tests/documents/hedges-v2.docx");
	cr_assert_eq(docx.status, 0, "%s", docx.err);
	cr_assert_not_null(strstr(docx.out, "\n\nSchool field | Hazel | \xc2\xa3" "215 | Guards "
	                                    "needed against rabbits and deer\n\n"), "%s", docx.out);
	for (size_t k = 0; k < sizeof files / sizeof *files; k++) {
		run_result r;
		RUN(&r, "--extract", files[k]);
		cr_assert_eq(r.status, 0, "%s: %s", files[k], r.err);
		cr_assert_str_eq(r.out, docx.out, "%s:\n%s", files[k], r.out);
		run_free(&r);
	}
	run_free(&docx);
}

/* The same report printed by a browser to PDF: the gap before its last column (sentences,
 * "Notes") is wider than two line heights, and it was taken for the page's gutter: the other
 * cells read first and then every note together under the table. Each note now ends its row.
 * And a cell that fills its column runs into the next on one baseline with a space poppler
 * writes between them ("blackthorn £412"): the cell after it starts where the column's other
 * cells do, so the line is cut there. */
Test(documents, a_printed_table_s_last_column_stays_in_its_rows)
{
	run_result r;
	RUN(&r, "--extract", "tests/documents/hedges-v2.pdf");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_not_null(strstr(r.out, "\n\nStretch | Plants | Cost | Notes\n\n"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "\n\nChurch lane | Hawthorn and blackthorn | \xc2\xa3" "412 | "
	                                 "Planted by volunteers over two wet Saturdays in "
	                                 "January\n\n"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "\n\nSchool field | Hazel | \xc2\xa3" "215 | Guards "
	                                 "needed against rabbits and deer\n\n"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "\n\nPound corner | Hawthorn | \xc2\xa3" "96 | Gap "
	                                 "filled\n\n"), "%s", r.out);
	run_free(&r);
}

/* Stop 37: the report's edited row as a reader sees it, the .odt against the .docx: the note's
 * "rabbits" stays kept beside the words added after it. Before, the figure changed in another
 * cell made the note "reworded" and the swaps stage drew "against [-rabbits-] {+rabbits and
 * deer+}". */
Test(documents, an_edited_row_keeps_the_word_a_phrase_is_added_to)
{
	run_result r;
	RUN(&r, "--inline", "--color=never", "tests/documents/hedges-v1.odt",
	    "tests/documents/hedges-v2.docx");
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_not_null(strstr(r.out, "School field | Hazel | \xc2\xa3[-180-] {+215+} | Guards "
	                                 "needed against rabbits {+and deer+}\n"), "%s", r.out);
	run_free(&r);
}

Test(documents, json_ranges_point_into_the_extracted_text, .timeout = 600)
{
	for (size_t i = 0; i < NPAIRS; i++)
		check_json_ranges(&pairs[i]);
}

Test(documents, extract_prints_the_readers_text)
{
	run_result r;
	RUN(&r, "--extract", "tests/documents/draft2.docx");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_eq(strncmp(r.out, "Library Roof Repairs Begin\n\nThe county library", 45), 0, "%s", r.out);
	cr_assert_not_null(strstr(r.out, "reading room for eight weeks"), "tracked change accepted: %s", r.out);
	run_free(&r);
	RUN(&r, "--extract", "tests/documents/bridge2.pdf");
	cr_assert_eq(r.status, 0, "%s", r.err);
	cr_assert_not_null(strstr(r.out, "gave information on every arch"), "%s", r.out);
	cr_assert_null(strstr(r.out, "Valley Courier"), "%s", r.out);
	run_free(&r);
}

Test(documents, two_formats_compare)
{
	run_result r;
	/* The same story as a DOCX and as its own extracted text: no difference. */
	RUN(&r, "--extract", "tests/documents/draft1.docx");
	cr_assert_eq(r.status, 0);
	run_result d;
	run_redline(&d, (const char *const[]){"redline", "--stat", "tests/documents/draft1.docx", "-", NULL},
	            r.out, r.out_len, NULL, 120);
	cr_assert_eq(d.status, 0, "%s%s", d.out, d.err);
	run_free(&d);
	run_free(&r);
	/* --base across formats. */
	RUN(&r, "--stat", "--base", "tests/documents/draft1.docx", "tests/documents/draft2.docx",
	    "tests/documents/ferry1.odt", "tests/documents/bridge1.pdf");
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_eq(count_lines(r.out), 3, "%s", r.out);
	run_free(&r);
}

/* Bad documents: one line naming the file and the reason, exit 2, nothing on standard output. */
Test(documents, bad_documents_give_one_line_and_exit_2)
{
	static const char *const cases[][3] = {
		{"tests/hostile/truncated.docx", "not a valid zip archive", NULL},
		{"tests/hostile/zip-bomb.docx", "word/document.xml inflates to over 64 MiB", NULL},
		{"tests/hostile/invalid-xml.docx", "word/document.xml is not valid XML", NULL},
		{"tests/hostile/no-document.docx", "not a Word document", "--format=docx"},
		{"tests/hostile/encrypted.pdf", "the PDF is encrypted", NULL},
		{"tests/hostile/truncated.pdf", "the PDF is truncated", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		run_result r;
		const char *fmt = cases[i][2] ? cases[i][2] : "--color=never";
		RUN(&r, "--stat", fmt, cases[i][0], "tests/documents/draft1.docx");
		cr_assert_eq(r.status, 2, "%s: exit %d\n%s", cases[i][0], r.status, r.out);
		cr_assert_eq(r.out_len, 0, "%s: %s", cases[i][0], r.out);
		char want[256];
		snprintf(want, sizeof want, "redline: %s: %s", cases[i][0], cases[i][1]);
		cr_assert_eq(strncmp(r.err, want, strlen(want)), 0, "%s", r.err);
		cr_assert_eq(strchr(r.err, '\n'), r.err + r.err_len - 1, "one line: %s", r.err);
		run_free(&r);
	}
}

/* --max-size applies to the extracted text too. */
Test(documents, size_limit_applies_to_the_extracted_text)
{
	run_result r;
	/* long.docx is a few KB holding some 150 KB of text. */
	RUN(&r, "--stat", "--max-size=64K", "tests/documents/long.docx", "tests/documents/draft1.docx");
	cr_assert_eq(r.status, 2, "%s", r.out);
	cr_assert_str_eq(r.err, "redline: tests/documents/long.docx: extracted text is over the size limit\n");
	run_free(&r);
	RUN(&r, "--stat", "--max-size=1M", "tests/documents/long.docx", "tests/documents/draft1.docx");
	cr_assert_eq(r.status, 1, "%s", r.err);
	run_free(&r);
}

/* A Markdown list renumbered around an inserted item: the item that moved down one number keeps
 * its words, only its number is a change (never an equal op holding "4" against "5"), and the
 * inserted item is inserted whole, as in plain text. */
Test(documents, a_renumbered_markdown_list_keeps_its_items)
{
	run_result r;
	RUN(&r, "--side-by-side", "--color=never", "--width=160", "tests/documents/memo-v1.md",
	    "tests/documents/memo-v2.md");
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_not_null(strstr(r.out, "[-4-]. Review the pattern after twelve months."), "%s",
	                   r.out);
	cr_assert_not_null(strstr(r.out, "{+5+}. Review the pattern after twelve months."), "%s",
	                   r.out);
	cr_assert_not_null(strstr(r.out, "{+4. Add a Tuesday"), "%s", r.out);
	run_free(&r);
}
