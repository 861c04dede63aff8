/* End-to-end tests of documents: web pages, Markdown and page furniture through the real binary,
 * in every output format. The fixtures are in tests/documents/. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../fuzz/json_contract.h"
#include "expect.h"
#include "fixtures.h"
#include "json.h"
#include "run.h"
#include "temp.h"

#define NEWS1 "tests/documents/news-v1.html"
#define NEWS2 "tests/documents/news-v2.html"
#define NOTES1 "tests/documents/notes-v1.md"
#define NOTES2 "tests/documents/notes-v2.md"
#define NOTES3 "tests/documents/notes-v3.md"
#define README1 "tests/documents/readme-v1.md"
#define README2 "tests/documents/readme-v2.md"
#define MINUTES1 "tests/documents/minutes-v1.md"
#define MINUTES2 "tests/documents/minutes-v2.md"
#define GULLS1 "tests/documents/gulls-v1.md"
#define GULLS2 "tests/documents/gulls-v2.md"
#define PAGE1 "tests/documents/page-v1.txt"
#define PAGE2 "tests/documents/page-v2.txt"
#define HARBOUR1 "tests/documents/harbour-v1.html"
#define HARBOUR2 "tests/documents/harbour-v2.html"
#define MEMO1 "tests/documents/memo-v1.md"
#define MEMO2 "tests/documents/memo-v2.md"
#define WALKWAY1 "tests/documents/walkway-v1.html"
#define SEAWALL1 "tests/documents/seawall-v1.html"
#define SEAWALL2 "tests/documents/seawall-v2.txt"
#define SEAWALL3 "tests/documents/seawall-v3.html"
#define WALKWAY2 "tests/documents/walkway-v2.html"
#define LOCKKEEPER1 "tests/documents/lockkeeper-v1.html"
#define LOCKKEEPER2 "tests/documents/lockkeeper-v2.txt"
#define LOCKKEEPER3 "tests/documents/lockkeeper-v3.html"
#define PARISH1 "tests/documents/parish-v1.pdf"
#define PARISH2 "tests/documents/parish-v2.pdf"
#define PEAR1 "tests/documents/pear-v1.html"
#define PEAR2 "tests/documents/pear-v2.html"
#define FENWICK1 "tests/documents/fenwick-v1.html"
#define FENWICK2 "tests/documents/fenwick-v2.html"

#define QUAY1 "tests/documents/quay-v1.html"
#define QUAY2 "tests/documents/quay-v2.html"
#define HALL1 "tests/documents/hall-v1.md"
#define HALL2 "tests/documents/hall-v2.md"
#define POST1 "tests/documents/post-v1.md"
#define POST2 "tests/documents/post-v2.md"
#define ALMANAC1 "tests/documents/almanac-v1.md"
#define ALMANAC2 "tests/documents/almanac-v2.md"
#define HANDBOOK1 "tests/documents/handbook-v1.html"
#define HANDBOOK2 "tests/documents/handbook-v2.html"

#define RUN(r, ...) run_redline((r), (const char *const[]){"redline", __VA_ARGS__, NULL}, NULL, 0, NULL, 60)

static bool holds(const char *s, size_t n, const char *word)
{
	size_t w = strlen(word);
	for (size_t i = 0; i + w <= n; i++)
		if (memcmp(s + i, word, w) == 0)
			return true;
	return false;
}

/* The page's furniture changed between the versions too: none of it may show. */
static const char *const furniture_changes[] = {"Weather", "cycle lane", "2027", "SECRET",
                                                "Most read", "Subscribe", "Skip to content"};

Test(documents, web_pages_in_every_format)
{
	const char *formats[] = {"--side-by-side", "--inline", "--stat"};
	for (size_t f = 0; f < 3; f++) {
		run_result r;
		RUN(&r, formats[f], "--color=never", "-W", "200", NEWS1, NEWS2);
		cr_assert_eq(r.status, 1, "%s: status %d: %s", formats[f], r.status, r.err);
		cr_assert_eq(r.err_len, 0);
		for (size_t k = 0; k < sizeof furniture_changes / sizeof *furniture_changes; k++)
			cr_assert_null(strstr(r.out, furniture_changes[k]), "%s shows %s", formats[f],
			               furniture_changes[k]);
		if (f < 2) {
			out_has(&r, "nearly four");
			cr_assert_not_null(strstr(r.out, "A ramp at the side entrance"));
			cr_assert_null(strstr(r.out, "<p>"));
		} else {
			cr_assert_not_null(strstr(r.out, "similarity"));
		}
		run_free(&r);
	}
}

/* The line of out that starts with `left` (OLD's side of a side-by-side row): it must show
 * `right` on NEW's side, after the left part. */
static void same_row(const char *out, const char *left, const char *right)
{
	const char *line = out;
	while (line && strncmp(line, left, strlen(left)) != 0)
		line = (line = strchr(line, '\n')) ? line + 1 : NULL;
	cr_assert_not_null(line, "no row starts with \"%s\":\n%s", left, out);
	const char *end = strchr(line, '\n');
	size_t n = end ? (size_t)(end - line) : strlen(line);
	char row[1024];
	snprintf(row, sizeof row, "%.*s", (int)n, line);
	cr_assert_not_null(strstr(row + strlen(left), right), "row \"%s\" lacks \"%s\"", row, right);
}

/* same_row for each {left, right} pair given. */
#define SAME_ROWS(out, ...)                                                  \
	do {                                                                 \
		static const char *const rows_[][2] = {__VA_ARGS__};         \
		for (size_t k_ = 0; k_ < sizeof rows_ / sizeof *rows_; k_++) \
			same_row((out), rows_[k_][0], rows_[k_][1]);         \
	} while (0)

/* a against b side by side, 160 columns, no colour: the first screen as a reader sees it. */
static void side_by_side_160(run_result *r, const char *a, const char *b)
{
	RUN(r, "-y", "-W", "160", "--color=never", a, b);
	cr_assert_eq(r->status, 1, "%s", r->err);
}

/* The first screen of real documents as a reader sees it (hand truth for the fixtures written for
 * issue 10): a news page with site chrome around an edited article, and a Markdown memo with a
 * numbered list, reordered bullets and a table. No chrome on either side; each paragraph beside
 * its counterpart; the table read cell by cell (before: its lines were one paragraph of pipes). */
Test(documents, real_documents_first_screen)
{
	run_result r;
	side_by_side_160(&r, HARBOUR1, HARBOUR2);
	const char *chrome[] = {"Skip to content", "SALTMARSH", "cookies", "Related stories",
	                        "Lifeboat crew", "All rights reserved", "Contact us", "Search"};
	for (size_t k = 0; k < sizeof chrome / sizeof *chrome; k++)
		cr_assert_null(strstr(r.out, chrome[k]), "shows \"%s\":\n%s", chrome[k], r.out);
	cr_assert_eq(strncmp(r.out, "Ferry timetable [-to change this winter-]", 41), 0, "%s", r.out);
	SAME_ROWS(r.out,
		{"Ferry timetable", "| Ferry timetable {+cut from December+}"},
		{"The island ferry will run", "The island ferry will run"},
		{"The board said the change", "The board said the change"},
		{"The board\xe2\x80\x99s chair", "The board\xe2\x80\x99s chair"},
		{"Mary Jory, who runs", "Mary Jory, who runs"},
		{"The board will hold", "The board will hold"},
		{"- The 10.00 crossing", "- The 10.00 crossing"});
	run_free(&r);

	side_by_side_160(&r, MEMO1, MEMO2);
	cr_assert_null(strstr(r.out, "|---"), "%s", r.out);
	cr_assert_null(strstr(r.out, "#"), "%s", r.out);
	SAME_ROWS(r.out,
		{"Branch | Hours now | Hours proposed", "Branch | Hours now | Hours proposed"},
		{"Eastfold | 20 | [-17-]", "| Eastfold | 20 | {+18+}"},
		{"Millbrook | 18 | [-14-]", "| Millbrook | 18 | {+15+}"},
		{"3. Move the Thursday", "3. Move the Thursday"},
		{"Staff costs are", "Staff costs are"});
	run_free(&r);

	/* one inserted list item is one sentence; a paragraph number per blank-line paragraph */
	RUN(&r, "--changes", MEMO1, MEMO2);
	out_has(&r, "sentence inserted (8 words): \xe2\x80\x9c" "4. Add a Tuesday");
	run_free(&r);
}

/* Two more real kinds (issue 10, fixtures written for it): a news story and its syndicated copy
 * on another site's template (different chrome, a byline between the headline and the article
 * block, a "Read more:" link, no footnote), and a two-column newsletter printed by Chromium with
 * its revision (headings in a larger type, list items whose bullets are drawn shapes). Hand
 * truth: no chrome; no note mark or image description read as a word; the paragraphs and items
 * beside their counterparts; only the edited words marked. */
Test(documents, syndicated_page_and_printed_newsletter_first_screen)
{
	run_result r;
	side_by_side_160(&r, WALKWAY1, WALKWAY2);
	const char *chrome[] = {"cookies", "Upland Times in your inbox", "Related stories",
	                        "Comments", "hillwalker", "Share on", "Trending", "Tags:", "Read more",
	                        "Curlew numbers", "Northern Dales Post", "All rights reserved",
	                        "Advertisement", "Log in", "crossing a marsh", "repairs.[-1-]"};
	for (size_t k = 0; k < sizeof chrome / sizeof *chrome; k++)
		cr_assert_null(strstr(r.out, chrome[k]), "shows \"%s\":\n%s", chrome[k], r.out);
	same_row(r.out, "The boardwalk round", "The boardwalk round");
	same_row(r.out, "The rebuilt boardwalk", "| The rebuilt boardwalk");
	same_row(r.out, "The water company, which owns the land, spent \xc2\xa3" "1.2m on the repairs. The",
	         "  The water company");
	SAME_ROWS(r.out,
		{"What has changed", "What has changed"},
		{"- Dogs must be kept", "- Dogs must be kept"},
		{"Not everyone is pleased", "Not everyone is pleased"},
		{"Season | Path | Visitor hut", "Season | Path | Visitor hut"},
		{"November to February | Dawn", "November to February | Dawn"});
	/* The copy's byline, after its headline, is its article's furniture and the original's
	 * is a stamp (furniture.c): shown inserted before stop 34, dropped now (htmlmeta.c). */
	cr_assert_null(strstr(r.out, "Isla Mardon, The Upland Times"), "the copy's byline:\n%s",
	               r.out);
	run_free(&r);

	side_by_side_160(&r, PARISH1, PARISH2);
	SAME_ROWS(r.out,
		{"The village hall roof  ", "The village hall roof"},
		{"Bookings while the hall is shut  ", "Bookings while the hall is shut"},
		{"- Pilates moves to the school gym.", "- Pilates moves to the school gym."},
		{"- The parish council meets", "- The parish council meets"},
		{"- Plant sale at the school, Sunday [-10-] May.", "{+17+} May."},
		{"Items for the summer issue", "Items for the summer issue"});
	run_free(&r);
	RUN(&r, "--stat", PARISH1, PARISH2);
	out_has(&r, "rewritten 3 -> 4, deleted 0, inserted 13");
	run_free(&r);
}

/* Site widgets inside the article block (stop 22, fixtures written for it): a blog post saved
 * from a WordPress site, whose share buttons, likes and related posts sit inside the post's
 * content and whose related posts changed between the saves; and a news story republished by
 * another site, a share bar between the byline and the story on one side, a "READ MORE:" promo
 * on the other. Before, the print showed "Share this:", "- Twitter", a lone "- ", "Like
 * Loading...", the related posts (one of them as a change) and "Share this article" with its
 * four links; in every output format they are gone now, and the edits are still shown. */
Test(documents, site_widgets_inside_the_article_are_not_shown)
{
	static const char *const widgets[] = {"Share", "Twitter", "Facebook", "Like", "Loading",
	                                      "Related", "garlic", "plums", "apples", "Copy link",
	                                      "READ MORE", "Footbridge", "Advertisement", "cookies"};
	const char *const pairs[][2] = {{PEAR1, PEAR2}, {FENWICK1, FENWICK2}};
	const char *formats[] = {"--side-by-side", "--inline", "--json"};
	for (size_t p = 0; p < 2; p++)
		for (size_t f = 0; f < 3; f++) {
			run_result r;
			RUN(&r, formats[f], "--color=never", "-W", "160", pairs[p][0], pairs[p][1]);
			cr_assert_eq(r.status, 1, "%s %s: status %d: %s", pairs[p][0], formats[f],
			             r.status, r.err);
			for (size_t k = 0; k < sizeof widgets / sizeof *widgets; k++)
				cr_assert_null(strstr(r.out, widgets[k]), "%s %s shows \"%s\":\n%s",
				               pairs[p][0], formats[f], widgets[k], r.out);
			cr_assert_null(strstr(r.out, "\n- \n"), "a lone bullet:\n%s", r.out);
			if (f == 1)
				out_has(&r, p == 0 ? "It took [-two-] {+three+} afternoons"
				                   : "9am to [-4pm-] {+5pm+}");
			/* NEW's "docu&shy;ments" is OLD's "documents" (before: a replace). */
			if (f == 1 && p == 1)
				out_has(&r, "rescued documents will");
			run_free(&r);
		}
	run_result x;
	RUN(&x, "--extract", PEAR1);
	cr_assert_eq(x.status, 0);
	cr_assert(x.out_len > 0 && strstr(x.out, "the blackbirds have already claimed it.\n") ==
	          x.out + x.out_len - 40, "the post ends with its last paragraph:\n%s", x.out);
	run_free(&x);
}

/* Every range of --json, checked against what --extract prints. */
static void check_json_against_extract(const char *a, const char *b, const char *opt,
                                       const char *format)
{
	run_result r, x[2];
	char why[256], err[128];
	const char *paths[2] = {a, b};
	if (opt)
		RUN(&r, "--json", opt, a, b);
	else
		RUN(&r, "--json", a, b);
	cr_assert_eq(r.status, 1, "%s", r.err);
	size_t sizes[2];
	for (int s = 0; s < 2; s++) {
		RUN(&x[s], "--extract", paths[s]);
		cr_assert_eq(x[s].status, 0);
		sizes[s] = x[s].out_len;
	}
	cr_assert_null(json_contract_check(r.out, r.out_len, sizes, why, sizeof why), "%s", why);
	json *doc = json_parse(r.out, r.out_len, err, sizeof err);
	cr_assert_not_null(doc, "%s", err);
	const char *keys[2] = {"old", "new"};
	for (int s = 0; s < 2; s++) {
		const json *side = json_get(doc, keys[s]);
		cr_assert_str_eq(json_str(json_get(side, "format")), format);
		cr_assert_eq(json_get(side, "extracted")->type,
		             strcmp(format, "text") ? JSON_TRUE : JSON_FALSE);
	}
	/* A replaced word is the same word in the extracted text. */
	const json *ops = json_get(doc, "ops");
	size_t replaced = 0;
	for (size_t k = 0; k < ops->nkids; k++) {
		const json *op = json_at(ops, k);
		if (strcmp(json_str(json_get(op, "kind")), "replace") != 0)
			continue;
		const json *ra = json_get(op, "a"), *rb = json_get(op, "b");
		long a0 = json_at(ra, 0)->i, a1 = json_at(ra, 1)->i;
		long b0 = json_at(rb, 0)->i, b1 = json_at(rb, 1)->i;
		if (a1 - a0 == 15 && memcmp(x[0].out + a0, "more than three", 15) == 0 &&
		    b1 - b0 == 11 && memcmp(x[1].out + b0, "nearly four", 11) == 0)
			replaced += 2;
		if (a1 - a0 == 14 && memcmp(x[0].out + a0, "twenty minutes", 14) == 0 &&
		    b1 - b0 == 12 && memcmp(x[1].out + b0, "half an hour", 12) == 0)
			replaced += 2;
	}
	cr_assert_geq(replaced, 2, "the replaced words are where the ranges say");
	json_free(doc);
	run_free(&r);
	run_free(&x[0]);
	run_free(&x[1]);
}

Test(documents, json_ranges_point_into_the_extracted_text)
{
	check_json_against_extract(NEWS1, NEWS2, NULL, "html");
}

Test(documents, extract_prints_the_article)
{
	run_result r;
	RUN(&r, "--extract", NEWS1);
	cr_assert_eq(r.status, 0);
	cr_assert_eq(strncmp(r.out, "Library reopens after flood repairs\n\n", 37), 0);
	cr_assert_null(strstr(r.out, "SECRET"));
	run_free(&r);
	/* --no-extract: every text node; --format=text: the markup itself. */
	RUN(&r, "--extract", "--no-extract", NEWS1);
	cr_assert_not_null(strstr(r.out, "Most read"));
	cr_assert_null(strstr(r.out, "SECRET"));
	run_free(&r);
	RUN(&r, "--extract", "--format=text", NEWS1);
	cr_assert_not_null(strstr(r.out, "<!DOCTYPE html>"));
	run_free(&r);
	/* From standard input, as from a file. */
	size_t len;
	char *page = fixture_read(NEWS1, &len);
	run_result s;
	run_redline(&s, (const char *const[]){"redline", "--extract", "-", NULL}, page, len, NULL, 60);
	RUN(&r, "--extract", NEWS1);
	cr_assert_eq(s.status, 0);
	cr_assert_eq(s.out_len, r.out_len);
	cr_assert(memcmp(s.out, r.out, r.out_len) == 0);
	free(page);
	run_free(&s);
	run_free(&r);
}

Test(documents, markdown_structure_is_not_compared)
{
	/* Only emphasis and a link's target changed: the words are all kept, and the changes are
	 * formatting changes, counted apart (no rewrite, no deletion, no insertion). */
	run_result r;
	RUN(&r, "--stat", NOTES1, NOTES2);
	cr_assert_eq(r.status, 1, "%s%s", r.out, r.err);
	out_has(&r, "kept 67 (100.0% of old), rewritten 0 -> 0, deleted 0, "
	            "inserted 0");
	out_has(&r, "; formatting changed: 4 words in 3 places");
	run_free(&r);
	RUN(&r, "--inline", "--color=never", NOTES1, NOTES3);
	cr_assert_eq(r.status, 1);
	out_has(&r, "forty-[-two-] {+four+}");
	out_has(&r, "[-2025-] {+2026+}");
	cr_assert_null(strstr(r.out, "**"));
	cr_assert_null(strstr(r.out, "## "));
	run_free(&r);
	RUN(&r, "--json", NOTES1, NOTES3);
	cr_assert_not_null(strstr(r.out, "\"format\": \"markdown\", \"extracted\": true"));
	run_free(&r);
}

/* The formatting of each op flagged in a --json document, "old>new;" one after another, and
 * the words it covers in NEW's extracted text. */
static void json_formatting(const char *out, size_t n, const char *extracted, char *buf,
                            size_t cap)
{
	char err[128];
	json *doc = json_parse(out, n, err, sizeof err);
	cr_assert_not_null(doc, "%s", err);
	const json *ops = json_get(doc, "ops");
	size_t len = 0;
	buf[0] = '\0';
	for (size_t k = 0; k < ops->nkids; k++) {
		const json *op = json_at(ops, k), *f = json_get(op, "formatting");
		if (!f)
			continue;
		cr_assert_str_eq(json_str(json_get(op, "kind")), "equal", "a formatting change is equal");
		const json *rb = json_get(op, "b");
		long b0 = json_at(rb, 0)->i, b1 = json_at(rb, 1)->i;
		len += (size_t)snprintf(buf + len, cap - len, "%.*s: %s > %s; ", (int)(b1 - b0),
		                        extracted + b0, json_str(json_get(f, "old")),
		                        json_str(json_get(f, "new")));
	}
	json_free(doc);
}

/* A README whose link targets and emphasis changed, with a word rewritten and a dash changed
 * in a code block: in every output format, the formatting changes are their own kind, drawn
 * quietly, counted apart; the rewrite stays a rewrite; the code is compared verbatim. */
Test(documents, markdown_formatting_changes_in_every_format)
{
	run_result r, x;
	RUN(&r, "--inline", "--color=never", README1, README2);
	cr_assert_eq(r.status, 1, "%s", r.err);
	out_has(&r, "prints the {*next*} high");
	out_has(&r, "from the {*project page*} and");
	out_has(&r, "go to the {*tracker*}.");
	cr_assert_not_null(strstr(r.out, "the [-mailing list-] {+forum+};"), "a rewrite: %s", r.out);
	/* "--" against "—" in code is a change (prose folds them); the changelog's link is not */
	out_has(&r, "Wick [----] {+\xe2\x80\x94+}days");
	out_has(&r, "Read the changelog before");
	run_free(&r);

	RUN(&r, "--side-by-side", "--color=never", "-W", "140", README1, README2);
	cr_assert_eq(r.status, 1);
	out_has(&r, "from the [*project page*] and");
	out_has(&r, "from the {*project page*} and");
	run_free(&r);
	/* In colour: dim underline, no marker. */
	RUN(&r, "--inline", "--color=always", README1, README2);
	out_has(&r, "\x1b[0;2;4mproject page");
	cr_assert_null(strstr(r.out, "{*"));
	run_free(&r);

	RUN(&r, "--stat", README1, README2);
	out_has(&r, "rewritten 2 -> 1, deleted 0, inserted 0");
	out_has(&r, "; formatting changed: 4 words in 3 places\n");
	run_free(&r);

	RUN(&r, "--changes", README1, README2);
	out_has(&r, "- \xc2\xb6" "4: formatting changed (2 words): "
	            "\xe2\x80\x9cproject page\xe2\x80\x9d (link "
	            "https://example.org/tidewatch/releases \xe2\x86\x92 link "
	            "https://tidewatch.example.net/download)\n");
	out_has(&r, "\xe2\x80\x9cnext\xe2\x80\x9d (emphasis \xe2\x86\x92 strong)"
	            "\n");
	out_has(&r, "\xe2\x80\x9ctracker\xe2\x80\x9d (plain \xe2\x86\x92 link "
	            "https://example.org/tidewatch/issues)\n");
	out_has(&r, "Formatting changed in 3 places (4 words), the words the "
	            "same.");
	run_free(&r);

	RUN(&r, "--html", README1, README2);
	cr_assert_not_null(strstr(r.out, "<span class=\"fm\">project page</span>"));
	cr_assert_not_null(strstr(r.out, ".fm{text-decoration:underline dotted"));
	cr_assert_not_null(strstr(r.out, "formatting changed (2 words): \xe2\x80\x9cproject page"));
	cr_assert_not_null(strstr(r.out, "\xe2\x80\x9cnext\xe2\x80\x9d (emphasis \xe2\x86\x92 strong)"));
	cr_assert_not_null(strstr(r.out, "<td>words formatted otherwise</td><td class=\"n\">4</td>"));
	run_free(&r);

	RUN(&r, "--json", README1, README2);
	RUN(&x, "--extract", README2);
	char got[1024];
	json_formatting(r.out, r.out_len, x.out, got, sizeof got);
	cr_assert_str_eq(got, "next: emphasis > strong; "
	                      "project page: link https://example.org/tidewatch/releases > "
	                      "link https://tidewatch.example.net/download; "
	                      "tracker:  > link https://example.org/tidewatch/issues; ");
	cr_assert_not_null(strstr(r.out, "\"formatting\": {\"ops\": 3, \"words\": 4}"));
	cr_assert_not_null(strstr(r.out, "{\"type\": \"format\", \"para\": [4, 4]"));
	/* The contract holds, the sizes those of the extracted texts. */
	run_result x1;
	RUN(&x1, "--extract", README1);
	size_t sizes[2] = {x1.out_len, x.out_len};
	char why[256];
	cr_assert_null(json_contract_check(r.out, r.out_len, sizes, why, sizeof why), "%s", why);
	run_free(&x1);
	run_free(&x);
	run_free(&r);

	/* Against its own extracted text (formatting not read on that side): no formatting
	 * change, as between any document and plain text. */
	RUN(&x, "--extract", README1);
	char path[64];
	temp_file(path, x.out, x.out_len);
	RUN(&r, "--stat", path, README1);
	cr_assert_eq(r.status, 0, "%s", r.out);
	cr_assert_null(strstr(r.out, "formatting"));
	unlink(path);
	run_free(&r);
	run_free(&x);
}

/* Minutes whose only changes are a heading's level and emphasis: found Markdown without
 * --format (a heading and emphasis), the heading's level a formatting change like the
 * emphasis, each listed with what it was and what it became; *less* against _less_ is the
 * same emphasis. */
/* Write `text` to dir/name; the path into path. */
static const char *md_file(char path[128], const char *dir, const char *name, const char *text)
{
	snprintf(path, 128, "%s/%s", dir, name);
	FILE *fp = fopen(path, "w");
	cr_assert_not_null(fp, "%s", path);
	cr_assert_eq(fputs(text, fp) >= 0, 1);
	fclose(fp);
	return path;
}

/* A full stop pulled into a code span changes the formatting of no word: the change list says
 * "punctuation only", never "0 words", in Markdown, --stat and the HTML report; beside a word whose
 * formatting changed too, the summary counts the places and the words. */
Test(documents, punctuation_pulled_into_a_code_span_is_no_word)
{
	char dir[] = "/tmp/redline-mdpunct-XXXXXX", a[128], b[128], c[128], cmd[128];
	cr_assert_not_null(mkdtemp(dir));
	md_file(a, dir, "a.md", "# Setting up\n\nType `make check`. The checks take a minute or two "
	                        "on a quiet laptop.\n\nNothing else changes in this paragraph.\n");
	md_file(b, dir, "b.md", "# Setting up\n\nType `make check.` The checks take a minute or two "
	                        "on a quiet laptop.\n\nNothing else changes in this paragraph.\n");
	md_file(c, dir, "c.md", "# Setting up\n\nType `make check.` The checks take a minute or two "
	                        "on a *quiet* laptop.\n\nNothing else changes in this paragraph.\n");
	run_result r;
	RUN(&r, "--changes", a, b);
	cr_assert_eq(r.status, 1, "%s", r.err);
	out_has(&r, "- \xc2\xb6" "2: formatting changed (punctuation only): "
	            "\xe2\x80\x9c.\xe2\x80\x9d (plain \xe2\x86\x92 code)\n");
	out_has(&r, "Formatting changed in 1 place (no whole word), the words "
	            "the same.\n");
	cr_assert_null(strstr(r.out, "0 words"), "%s", r.out);
	run_free(&r);
	RUN(&r, "--html", a, b);
	out_has(&r, "formatting changed (punctuation only): ");
	cr_assert_null(strstr(r.out, "(0 words)"));
	out_has(&r, "in 1 place (punctuation only)</td>");
	run_free(&r);
	/* --stat said "formatting changed: 0 words in 1 place" */
	RUN(&r, "--stat", a, b);
	out_has(&r, "; formatting changed in 1 place (no whole word)\n");
	cr_assert_null(strstr(r.out, "0 words"), "%s", r.out);
	run_free(&r);
	RUN(&r, "--changes", a, c);
	out_has(&r, "formatting changed (punctuation only): \xe2\x80\x9c.");
	out_has(&r, "formatting changed (1 word): \xe2\x80\x9cquiet");
	out_has(&r, "Formatting changed in 2 places (1 word), the words the "
	            "same.\n");
	run_free(&r);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(documents, markdown_heading_level_and_emphasis_detected)
{
	run_result r;
	RUN(&r, "--stat", MINUTES1, MINUTES2);
	cr_assert_eq(r.status, 1, "%s%s", r.out, r.err);
	out_has(&r, "; formatting changed: 7 words in 2 places\n");
	run_free(&r);
	RUN(&r, "--changes", MINUTES1, MINUTES2);
	out_has(&r, "- \xc2\xb6" "2: formatting changed (5 words): \xe2\x80\x9c"
	            "Minutes of the spring meeting\xe2\x80\x9d (heading 2 "
	            "\xe2\x86\x92 heading 3)\n");
	out_has(&r, "- \xc2\xb6" "3: formatting changed (2 words): \xe2\x80\x9c"
	            "potting shed\xe2\x80\x9d (emphasis \xe2\x86\x92 strong)\n");
	cr_assert_null(strstr(r.out, "less"), "%s", r.out);
	run_free(&r);
	RUN(&r, "--html", MINUTES1, MINUTES2);
	out_has(&r, "(heading 2 \xe2\x86\x92 heading 3)</a></li>");
	run_free(&r);
	RUN(&r, "--json", MINUTES1, MINUTES2);
	cr_assert_not_null(strstr(r.out, "\"format\": \"markdown\", \"extracted\": true"));
	out_has(&r, "\"new\": \"Minutes of the spring meeting\", \"formatting\": "
	            "{\"old\": \"heading 2\", \"new\": \"heading 3\"}}");
	run_free(&r);

	/* Prose with stars that are not emphasis, beside a line like a heading, stays text. */
	static const char prose[] = "# 3 rooms booked for the weekend\n\nThe fee* is 5 * 3 euros a "
	                            "night.\n\n* terms apply\n";
	char path[64];
	temp_file(path, prose, sizeof prose - 1);
	RUN(&r, "--json", path, path);
	out_has(&r, "\"format\": \"text\"");
	unlink(path);
	run_free(&r);
}

/* A paragraph moved, one word of it re-emphasised: the move is unchanged in its words, the word
 * a formatting change of its own, flagged where the passage left and where it arrived. */
Test(documents, formatting_changed_inside_a_moved_passage)
{
	run_result r;
	RUN(&r, "--changes", GULLS1, GULLS2);
	cr_assert_eq(r.status, 1);
	out_has(&r, "- \xc2\xb6" "3 \xe2\x86\x92 \xc2\xb6" "5: passage moved (24 "
	            "words, unchanged): ");
	out_has(&r, "- \xc2\xb6" "5: formatting changed (1 word): \xe2\x80\x9c"
	            "green\xe2\x80\x9d (emphasis \xe2\x86\x92 strong)\n");
	run_free(&r);
	RUN(&r, "--inline", "--color=never", GULLS1, GULLS2);
	out_has(&r, "in a [*green*] notebook");
	out_has(&r, "in a {*green*} notebook");
	run_free(&r);
	RUN(&r, "--stat", GULLS1, GULLS2);
	out_has(&r, "moved 24 in 1 passage");
	out_has(&r, "formatting changed: 1 word in 1 place");
	run_free(&r);
	/* To the contract the restyled words are part of the move: a move op, flagged. */
	RUN(&r, "--json", GULLS1, GULLS2);
	out_has(&r, "\"move\": 1, \"formatting\": {\"old\": \"emphasis\", "
	            "\"new\": \"strong\"}}");
	out_has(&r, "{\"kind\": \"move\", \"a\": [206, 211], \"b\": [389, 394]");
	out_has(&r, "\"replace\": 0, \"move\": 3}");
	run_result x[2];
	RUN(&x[0], "--extract", GULLS1);
	RUN(&x[1], "--extract", GULLS2);
	size_t sizes[2] = {x[0].out_len, x[1].out_len};
	char why[256];
	cr_assert_null(json_contract_check(r.out, r.out_len, sizes, why, sizeof why), "%s", why);
	run_free(&x[0]);
	run_free(&x[1]);
	run_free(&r);
	RUN(&r, "--html", GULLS1, GULLS2);
	out_has(&r, "(emphasis \xe2\x86\x92 strong)</a></li>");
	run_free(&r);
}

/* The bench's scorer reads a formatting change as the equal op it is. */
Test(documents, markdown_json_validates_with_the_scorer)
{
	char scorer[1024];
	if (!scorer_found(scorer))
		cr_skip_test("no scorer (%s) or no python3", scorer);
	run_result r, x[2];
	char files[3][64];
	RUN(&r, "--json", README1, README2);
	RUN(&x[0], "--extract", README1);
	RUN(&x[1], "--extract", README2);
	temp_pair(files[0], files[1], x[0].out, x[0].out_len, x[1].out, x[1].out_len);
	temp_file(files[2], r.out, r.out_len);
	char cmd[4096];
	snprintf(cmd, sizeof cmd, "python3 %s --check %s %s %s >/dev/null", scorer, files[0], files[1],
	         files[2]);
	cr_assert_eq(system(cmd), 0, "score.py --check fails on the Markdown README pair");
	for (int k = 0; k < 3; k++)
		unlink(files[k]);
	run_free(&r);
	run_free(&x[0]);
	run_free(&x[1]);
}

/* A plain-text manual page with `quotations' and "$foo[10]('foo')" is compared as read: it used
 * to be taken for Markdown, and --json's OLD ranges pointed into the rewritten text (shifted
 * against the file: "$foo[1" for "$foo[10]"). */
Test(documents, manual_page_quotes_stay_plain_text)
{
	static const char old_text[] = "It can now be written $foo[10]('foo'). This is how\n"
	                               "the sequence `caret' plus `X' works. When done\n";
	static const char new_text[] = "It can now be written $foo[10]('foo'). This is how\n"
	                               "the sequence `caret' plus `Y' works. When finished\n";
	char files[2][64], size[32];
	temp_pair(files[0], files[1], old_text, sizeof old_text - 1, new_text, sizeof new_text - 1);
	run_result r;
	RUN(&r, "--json", files[0], files[1]);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert(!strstr(r.out, "\"extracted\": true"), "%s", r.out);
	snprintf(size, sizeof size, "\"size\": %zu,", sizeof old_text - 1);
	cr_assert(strstr(r.out, size), "%s", r.out);
	/* The first op is equal up to the X: its OLD range ends where the X is in the file. */
	char first[64];
	size_t x = (size_t)(strstr(old_text, "X' works") - old_text);
	snprintf(first, sizeof first, "{\"kind\": \"equal\", \"a\": [0, %zu]", x);
	cr_assert(strstr(r.out, first), "want %s in %s", first, r.out);
	unlink_pair(files[0], files[1]);
	run_free(&r);
}

/* Two copies of one plain text, one of which gained a second kind of Markdown sign (a word in
 * bold beside the code spans both have): both are read as plain text, so "<STDIN>", which
 * Markdown takes for raw HTML, stays a word on both sides. A Markdown file against its text as
 * rendered (no sign at all) is still read as Markdown: no difference. */
Test(documents, plain_text_copies_are_read_alike)
{
	static const char old_text[] = "Changes in this release\n\n"
	                               "The `open` call now reads <STDIN> before the\n"
	                               "configuration file.\n";
	static const char new_text[] = "Changes in this release\n\n"
	                               "The `open` call now reads <STDIN> **before** the configuration file.\n";
	char files[2][64];
	temp_pair(files[0], files[1], old_text, sizeof old_text - 1, new_text, sizeof new_text - 1);
	run_result r;
	RUN(&r, "--json", files[0], files[1]);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert(!strstr(r.out, "\"extracted\": true"), "both sides plain text: %s", r.out);
	run_free(&r);
	RUN(&r, "--inline", "--color=never", files[0], files[1]);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert(strstr(r.out, "<STDIN>") && !strstr(r.out, "[-<STDIN>-]"), "%s", r.out);
	run_free(&r);
	unlink_pair(files[0], files[1]);

	static const char md[] = "# Ferry times\n\nThe **early** boat leaves at six. See [the table](t.html).\n";
	static const char rendered[] = "Ferry times\n\nThe early boat leaves at six. See the table.\n";
	temp_pair(files[0], files[1], md, sizeof md - 1, rendered, sizeof rendered - 1);
	RUN(&r, "--stat", files[0], files[1]);
	cr_assert_eq(r.status, 0, "the Markdown side read as Markdown: %s%s", r.out, r.err);
	run_free(&r);
	unlink_pair(files[0], files[1]);
}

Test(documents, body_drops_page_furniture_in_plain_text)
{
	run_result r;
	/* Without --body, plain text is compared whole: the furniture's changes show. */
	RUN(&r, "--inline", "--color=never", PAGE1, PAGE2);
	cr_assert_not_null(strstr(r.out, "Lifeboat"));
	run_free(&r);
	RUN(&r, "--inline", "--color=never", "--body", PAGE1, PAGE2);
	cr_assert_eq(r.status, 1);
	cr_assert_null(strstr(r.out, "Lifeboat"));
	cr_assert_null(strstr(r.out, "Copyright"));
	cr_assert_null(strstr(r.out, "March 2"));
	out_has(&r, "[-twenty minutes-] {+half an hour+}");
	/* The first change is the article's. */
	cr_assert(strstr(r.out, "[-") == strstr(r.out, "[-twenty"));
	run_free(&r);
	RUN(&r, "--stat", "--body", PAGE1, PAGE2);
	out_has(&r, "furniture dropped: 16 lines old, 16 new");
	run_free(&r);
	check_json_against_extract(PAGE1, PAGE2, "--body", "text");
}

Test(documents, dropped_ranges_in_json)
{
	run_result r, x;
	char err[128];
	RUN(&r, "--json", "--body", PAGE1, PAGE2);
	RUN(&x, "--extract", PAGE1);
	json *doc = json_parse(r.out, r.out_len, err, sizeof err);
	cr_assert_not_null(doc, "%s", err);
	const json *dropped = json_get(json_get(doc, "old"), "dropped");
	cr_assert_not_null(dropped);
	size_t end = 0;
	bool copyright = false;
	for (size_t k = 0; k < dropped->nkids; k++) {
		long s = json_at(json_at(dropped, k), 0)->i, e = json_at(json_at(dropped, k), 1)->i;
		cr_assert((size_t)s >= end && e > s && (size_t)e <= x.out_len);
		/* Whole lines. */
		cr_assert(s == 0 || x.out[s - 1] == '\n');
		cr_assert(x.out[e - 1] == '\n');
		copyright |= holds(x.out + s, (size_t)(e - s), "Copyright");
		cr_assert(!holds(x.out + s, (size_t)(e - s), "ferry"));
		end = (size_t)e;
	}
	cr_assert(copyright);
	/* No change op lies in the furniture. */
	const json *ops = json_get(doc, "ops");
	for (size_t k = 0; k < ops->nkids; k++) {
		const json *op = json_at(ops, k), *a = json_get(op, "a");
		if (strcmp(json_str(json_get(op, "kind")), "equal") == 0 || !a)
			continue;
		for (size_t d = 0; d < dropped->nkids; d++)
			cr_assert(json_at(a, 1)->i <= json_at(json_at(dropped, d), 0)->i ||
			          json_at(a, 0)->i >= json_at(json_at(dropped, d), 1)->i);
	}
	json_free(doc);
	run_free(&r);
	run_free(&x);
}

Test(documents, ignore_lines)
{
	run_result r;
	RUN(&r, "--inline", "--color=never", "-I", "Lifeboat|Market", "--ignore-lines=^Copyright",
	    "-I", "^March", PAGE1, PAGE2);
	cr_assert_eq(r.status, 1);
	cr_assert_null(strstr(r.out, "Lifeboat"));
	cr_assert_null(strstr(r.out, "Copyright"));
	cr_assert_not_null(strstr(r.out, "Related Posts"));
	run_free(&r);
	/* All the differences are on ignored lines: no difference. */
	RUN(&r, "--stat", "-I", "^(Lifeboat|Market|Copyright|March)", "-I", "minutes|hour", PAGE1, PAGE2);
	cr_assert_eq(r.status, 0, "%s", r.out);
	run_free(&r);
}

Test(documents, errors_one_line_exit_2)
{
	const char *const cases[][5] = {
		{"--format=word", "-a", NEWS1, NEWS2, "invalid --format"},
		{"-I", "(", NEWS1, NEWS2, "invalid -I expression"},
		{"--extract", "-a", NEWS1, NEWS2, "--extract takes one FILE"},
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		run_result r;
		RUN(&r, cases[k][0], cases[k][1], cases[k][2], cases[k][3]);
		cr_assert_eq(r.status, 2, "%s", cases[k][0]);
		cr_assert_not_null(strstr(r.err, cases[k][4]), "%s", r.err);
		run_free(&r);
	}
	/* A document that cannot be read: its name and the reason, on one line. */
	char path[] = "/tmp/redline-doc-XXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	FILE *fp = fdopen(fd, "w");
	fputs("<!DOCTYPE html><body>", fp);
	for (int k = 0; k < 100000; k++)
		fputs("<div>", fp);
	fclose(fp);
	run_result r;
	RUN(&r, path, NEWS1);
	cr_assert_eq(r.status, 2);
	cr_assert_not_null(strstr(r.err, path));
	cr_assert_not_null(strstr(r.err, "nested more than 256 deep"));
	cr_assert_eq(strchr(r.err, '\n'), r.err + r.err_len - 1);
	run_free(&r);
	unlink(path);
}

/* Stop 34: a news page (its article's header holds a kicker, a byline and a <time>) compared
 * with the plain article pasted into a text file, either way round, opens on the headline: the
 * three lines are dropped as furniture (and counted so), not shown deleted. The page's next
 * version keeps them, and its changed date shows. */
Test(documents, an_article_s_byline_and_date_are_dropped_against_the_plain_article)
{
	const char *sides[2][2] = {{SEAWALL1, SEAWALL2}, {SEAWALL2, SEAWALL1}};
	for (int k = 0; k < 2; k++) {
		run_result r;
		side_by_side_160(&r, sides[k][0], sides[k][1]);
		const char *unseen[] = {"Coast  ", "Morwenna", "30 November", "[-Coast", "{+Coast"};
		for (size_t u = 0; u < sizeof unseen / sizeof *unseen; u++)
			cr_assert_null(strstr(r.out, unseen[u]), "shows \"%s\":\n%s", unseen[u],
			               r.out);
		cr_assert_eq(strncmp(r.out, "Harbour wall to be rebuilt", 26), 0, "%s", r.out);
		run_free(&r);
		RUN(&r, "--stat", sides[k][0], sides[k][1]);
		out_has(&r, k ? "furniture dropped: 0 lines old, 3 new" :
		                "furniture dropped: 3 lines old, 0 new");
		run_free(&r);
	}
	run_result r;
	side_by_side_160(&r, SEAWALL1, SEAWALL3);
	same_row(r.out, "By Morwenna Tallis, Coast correspondent", "By Morwenna Tallis");
	same_row(r.out, "[-30-] [-November-] 2026", "| {+1+} {+December+} 2026");
	run_free(&r);
}

/* Stop 35: a page whose <article> sets its byline right after the headline and standfirst, with
 * no <header> (walkway-v1.html's shape), against the plain article either way round: the byline
 * is dropped as furniture, not shown deleted on the first screen. Against the page's next
 * version it stays, and its change shows. */
Test(documents, a_byline_after_the_headline_is_dropped_against_the_plain_article)
{
	const char *sides[2][2] = {{LOCKKEEPER1, LOCKKEEPER2}, {LOCKKEEPER2, LOCKKEEPER1}};
	for (int k = 0; k < 2; k++) {
		run_result r;
		side_by_side_160(&r, sides[k][0], sides[k][1]);
		cr_assert_null(strstr(r.out, "Owen Treloar"), "shows the byline:\n%s", r.out);
		run_free(&r);
		RUN(&r, "--stat", sides[k][0], sides[k][1]);
		out_has(&r, k ? "furniture dropped: 0 lines old, 1 new" :
		                "furniture dropped: 1 lines old, 0 new");
		run_free(&r);
	}
	run_result r;
	side_by_side_160(&r, LOCKKEEPER1, LOCKKEEPER3);
	same_row(r.out, "By Owen Treloar, Waterways [-reporter-]", "| By Owen Treloar, Waterways");
	run_free(&r);
}

/* The spun example as a web page: compared with the original text, exactly as its plain copy. */
Test(documents, mixed_formats_compare_as_their_text)
{
	run_result a, b;
	RUN(&a, "--stat", "examples/lighthouse-1-original.txt", "examples/lighthouse-2-spun.txt");
	RUN(&b, "--stat", "examples/lighthouse-1-original.txt", "examples/lighthouse-2-spun.html");
	cr_assert_eq(b.status, 1);
	cr_assert_str_eq(a.out, b.out);
	run_free(&a);
	run_free(&b);
	RUN(&a, "--stat", "examples/lighthouse-2-spun.txt", "examples/lighthouse-2-spun.html");
	cr_assert_eq(a.status, 0, "%s", a.out);
	run_free(&a);
}

/* Documents in git: a blob read as REV:path, and --git, go through the same readers. */
Test(documents, web_pages_in_git)
{
	if (system("command -v git >/dev/null 2>&1") != 0)
		cr_skip_test("git is not installed");
	char root[] = "/tmp/redline-docgit-XXXXXX", script[2048];
	cr_assert_not_null(mkdtemp(root));
	snprintf(script, sizeof script,
	         "set -e; cd %s; git init -q -b main repo; cd repo; cp '%s/" NEWS1 "' page.html; "
	         "git add page.html; git commit -qm one; cp '%s/" NEWS2 "' page.html",
	         root, SOURCE_DIR, SOURCE_DIR);
	const char *env[] = {"HOME=/nonexistent", "GIT_CONFIG_NOSYSTEM=1", "GIT_AUTHOR_NAME=A",
	                     "GIT_AUTHOR_EMAIL=a@example.org", "GIT_COMMITTER_NAME=A",
	                     "GIT_COMMITTER_EMAIL=a@example.org", "GIT_DIR", "GIT_WORK_TREE", NULL};
	run_result r;
	run_program(&r, (const char *const[]){"sh", "-c", script, NULL}, root, NULL, 0, env, 60);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	char repo[64];
	snprintf(repo, sizeof repo, "%s/repo", root);
	run_program(&r, (const char *const[]){REDLINE_BIN, "--inline", "--color=never",
	                                      "HEAD:page.html", "page.html", NULL},
	            repo, NULL, 0, env, 60);
	cr_assert_eq(r.status, 1, "%s", r.err);
	out_has(&r, "{+nearly four+}");
	cr_assert_null(strstr(r.out, "Weather"));
	run_free(&r);
	run_program(&r, (const char *const[]){REDLINE_BIN, "--git", "--json", NULL}, repo, NULL, 0,
	            env, 60);
	cr_assert_eq(r.status, 1, "%s", r.err);
	out_has(&r, "\"format\": \"html\", \"extracted\": true");
	run_free(&r);
	snprintf(script, sizeof script, "rm -rf '%s'", root);
	cr_assert_eq(system(script), 0);
}

/* Stop 23: a news page saved twice (quay-v1/v2.html), a day apart: its reading time, its
 * "Updated" stamp and an audio player's label changed or stand on both, a map without a caption
 * was taken out, an emoji drawn as an image stands in a sentence. Before, the print showed
 * "[-3-] {+4+} min read", the stamp's figures rewritten, "Listen to this article" and the
 * map's description as a deleted paragraph; now only the two edits of the story show, and the
 * emoji is read where it stands. A Jekyll post saved twice (hall-v1/v2.md): its front matter
 * (date, tags) and an HTML comment changed, its notes were relabelled ([^1] now [^storm]).
 * Before, it was read as plain text: the YAML and every "[^1]" compared as words. */
Test(documents, page_stamps_images_front_matter_and_notes_are_not_words)
{
	static const char *const unseen[] = {"min read", "Updated", "Listen", "A plan of the harbour",
	                                     "title:", "tags", "---", "[^", "TODO", "<!--"};
	const char *const pairs[][2] = {{QUAY1, QUAY2}, {HALL1, HALL2}};
	const char *formats[] = {"--side-by-side", "--inline"};
	for (size_t p = 0; p < 2; p++)
		for (size_t f = 0; f < 2; f++) {
			run_result r;
			RUN(&r, formats[f], "--color=never", "-W", "160", pairs[p][0], pairs[p][1]);
			cr_assert_eq(r.status, 1, "%s %s: status %d: %s", pairs[p][0], formats[f],
			             r.status, r.err);
			char what[512];
			snprintf(what, sizeof what, "%s %s", pairs[p][0], formats[f]);
			out_lacks(&r, unseen, sizeof unseen / sizeof *unseen, what);
			if (f == 1 && p == 0) {
				out_has(&r, "work began and [-six-] {+eight+} months later");
				out_has(&r, "four hours a day \xe2\x8f\xb3 in winter.");
			}
			if (f == 1 && p == 1) {
				out_has(&r, "choose on [-14-] {+21+} March");
				out_has(&r, "\n\nThe storm of 12 January, which also brought down the oak on the green.\n");
			}
			run_free(&r);
		}
}

/* A document pair compared side by side and inline at 160 columns: it differs (exit 1), nothing
 * of unseen shows in either, all of shown shows in both, and the inline print holds
 * inline_text (unless NULL). */
static void pair_shows(const char *old, const char *new, const char *const *unseen, size_t nunseen,
                       const char *const *shown, size_t nshown, const char *inline_text)
{
	const char *formats[] = {"--side-by-side", "--inline"};
	for (size_t f = 0; f < 2; f++) {
		run_result r;
		RUN(&r, formats[f], "--color=never", "-W", "160", old, new);
		cr_assert_eq(r.status, 1, "%s: status %d: %s", formats[f], r.status, r.err);
		out_lacks(&r, unseen, nunseen, formats[f]);
		for (size_t k = 0; k < nshown; k++)
			out_has(&r, shown[k]);
		if (f == 1 && inline_text)
			out_has(&r, inline_text);
		run_free(&r);
	}
}

/* Stop 25: a Jekyll post saved twice (post-v1/v2.md): its front matter's title lengthened (its
 * date and tags changed too), its notes written under their paragraphs in one draft and at the
 * end, relabelled, in the other, one of them a single word ("[^cost]: Quoted."), and one edit
 * of the story. Before: the title's change showed nowhere, the first note showed as moved
 * ([<…>] and {>…<}), the one-word note vanished from the first draft (CommonMark read it as a
 * link's definition) and its mark read "^cost". Now the title's change and the edit show, and
 * nothing else. */
Test(documents, a_post_title_shows_and_its_notes_read_at_the_end)
{
	static const char *const unseen[] = {"{>", "[<", "^", "date", "tags", "{+Quoted"};
	static const char *const shown[] = {"what the divers found{+, and what comes next+}",
	                                    "[-winter-]"};
	pair_shows(POST1, POST2, unseen, sizeof unseen / sizeof *unseen, shown,
	           sizeof shown / sizeof *shown,
	           "closed.\n\nLow water was at 11:40; they had about forty minutes.\n\n"
	           "The west steps, by the lifeboat slip.\n\nQuoted.\n");
}

/* Stop 27: notes of two paragraphs, the second indented under the first as GitHub writes it
 * (almanac-v1/v2.md); the second draft moved the notes to the end and changed a word in each
 * second paragraph. Before, those paragraphs were code to CommonMark, read where they were
 * written, and showed as moved passages, apart from their notes; now each note is read whole
 * after the text, and the edits are words changed in place. */
Test(documents, a_note_of_paragraphs_reads_whole_at_the_end)
{
	static const char *const unseen[] = {"{>", "[<", "^"};
	static const char *const shown[] = {"[-easterly-]", "{+three+}"};
	pair_shows(ALMANAC1, ALMANAC2, unseen, sizeof unseen / sizeof *unseen, shown,
	           sizeof shown / sizeof *shown,
	           "- Neap tides fall between them.\n\nHeights are above chart datum, the "
	           "lowest tide one can expect in ordinary weather.\n\nOn a spring tide");
}

/* Stop 27: a documentation page and its Markdown source, as npm ships them: the page's title
 * stands in a header before the article (<header class="title"><h1>), the source's in its
 * front matter. Before, the page's header was furniture, its title never read, and the title
 * showed deleted; now both read alike. */
Test(documents, a_page_title_in_its_header_reads_as_its_source_s)
{
	static const char md[] = "---\ntitle: ferry-times\nsection: 1\n---\n\n### Synopsis\n\n"
	                         "The early boat leaves at six and the late one at nine, every day "
	                         "of the week but Sunday.\n\nTickets are sold on board; a return "
	                         "costs the same as two singles, and children travel free.\n";
	static const char page[] =
		"<!DOCTYPE html><html><body><nav><a href=\"/\">Docs</a> <a href=\"/cli\">CLI</a></nav>"
		"<section id=\"content\"><header class=\"title\"><h1><span>ferry-times</span></h1>"
		"</header><div id=\"_content\"><h3>Synopsis</h3><p>The early boat leaves at six and "
		"the late one at nine, every day of the week but Sunday.</p><p>Tickets are sold on "
		"board; a return costs the same as two singles, and children travel free.</p></div>"
		"</section><footer>Copyright the ferry company</footer></body></html>";
	char files[2][64];
	temp_pair(files[0], files[1], md, sizeof md - 1, page, sizeof page - 1);
	run_result r;
	RUN(&r, "--inline", "--color=never", files[0], files[1]);
	cr_assert_eq(r.status, 0, "%s%s", r.out, r.err);
	out_has(&r, "ferry-times\n\nSynopsis");
	run_free(&r);
	unlink_pair(files[0], files[1]);
}

/* Stop 36: a report's table edited (a figure and a note changed, a row added) between an .odt
 * and a .docx, and between a web page and the .docx: the first screen shows the table row by
 * row, the edited row beside its new version, the added row one inserted line. Before, each
 * cell was a paragraph: 32 rows of one cell each, the row added four inserted paragraphs. */
Test(documents, a_table_edited_across_formats_shows_row_by_row)
{
	static const char *const olds[] = {"tests/documents/hedges-v1.odt",
	                                   "tests/documents/hedges-v1.html"};
	for (size_t k = 0; k < sizeof olds / sizeof *olds; k++) {
		run_result r;
		side_by_side_160(&r, olds[k], "tests/documents/hedges-v2.docx");
		SAME_ROWS(r.out,
			{"Stretch | Plants | Cost | Notes", "Stretch | Plants | Cost | Notes"},
			{"School field | Hazel | \xc2\xa3[-180-]", "| School field | Hazel | \xc2\xa3{+215+}"},
			{"Pound corner | Hawthorn", "Pound corner | Hawthorn"});
		cr_assert_not_null(strstr(r.out, "> {+Old quarry | Blackthorn and wild rose | \xc2\xa3"
		                                 "230 | Planted"), "%s", r.out);
		cr_assert_null(strstr(r.out, "\nHazel "), "%s", r.out);
		run_free(&r);
	}
}

/* Stop 26: a handbook saved as a documentation generator writes it (handbook-v1/v2.html): one
 * page of sections, a "¶" permalink after every heading, list items written <li><p>, a sidebar
 * and a footer. Before, its longest section alone was read as the article: the three edits
 * (a paragraph rewritten, a key holder added, a sentence changed) were in the sections left out
 * and the comparison said nothing changed (exit 0). Now every section is read, the edits show,
 * each item reads on its mark's line, and no "¶" is read. */
Test(documents, a_document_in_sections_is_read_whole)
{
	static const char *const unseen[] = {"\xc2\xb6", "Navigation", "Table of Contents",
	                                     "Copyright", "-\n"};
	static const char *const shown[] = {"[-describes-]",
	                                    "{+- The chair of the committee, for emergencies.+}",
	                                    "[-telephone-]"};
	pair_shows(HANDBOOK1, HANDBOOK2, unseen, sizeof unseen / sizeof *unseen, shown,
	           sizeof shown / sizeof *shown, "\n\n- The clerk, who keeps the register.\n\n");
}
