/* End-to-end tests of the redline command's printed comparisons: swaps, moves and quotations
 * in every format, the stages switched off, context hunks, the change list, --stat, inline widths,
 * sources, windows and marks (test_cli.c holds the command line, inputs and the --json contract). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_examples.h"
#include "expect.h"
#include "fixtures.h"
#include "json.h"
#include "run.h"
#include "temp.h"

/* The readability stages seen from the command line: swaps, moves and quote changes, marked in
 * every format, with and without colour. */
Test(cli, swaps_moves_and_quotes_in_every_format)
{
	run_result r;
	RUN(&r, "--inline", "--color=never", ORIGINAL, SPUN);
	cr_assert_not_null(strstr(r.out, "has [-guarded-] {+protected+} the mouth"), "one-word swap");
	cr_assert_not_null(strstr(r.out, "[-public-] {+general public+} at least"), "a phrase");
	run_free(&r);

	RUN(&r, "--inline", "--color=never", ORIGINAL, REWRITE);
	cr_assert_eq(r.status, 1);
	cr_assert_not_null(strstr(r.out, "[<An engineering report commissioned"), "moved from");
	cr_assert_not_null(strstr(r.out, "{>An engineering report commissioned"), "moved to");
	/* the passage in one pair of brackets, its edits marked inside */
	cr_assert_not_null(strstr(r.out, "[<Walt Prentiss, 71, a [-retired-] lobsterman"),
	                   "an edit inside a move, where it left");
	cr_assert_not_null(strstr(r.out, "{>Walt Prentiss, 71, a {+former+} lobsterman"),
	                   "and where it arrived");
	cr_assert_not_null(strstr(r.out, "drawing {+long+} applause from the packed room.<}"),
	                   "closed once, at the passage's end");
	cr_assert_not_null(strstr(r.out, "[!\xe2\x80\x9cWe are trading a public landmark"),
	                   "removed quote");
	cr_assert_not_null(strstr(r.out, "{!\xe2\x80\xa6!}"), "elided quote");
	run_free(&r);

	RUN(&r, "--side-by-side", "--color=never", "--width=160", ORIGINAL, REWRITE);
	cr_assert_not_null(strstr(r.out, "[<An engineering report"));
	cr_assert_not_null(strstr(r.out, "{>An engineering report"));
	cr_assert_not_null(strstr(r.out, "[!\xe2\x80\x9cWe are trading"));
	run_free(&r);

	/* Colour: a rewrite's old words red and its new words green in one column (both yellow,
	 * side by side, they read as one phrase: "Under From the Monday"). */
	{
		char a[64], b[64];
		const char *oa = "We sail under the new timetable today.\n";
		const char *ob = "We sail from Monday to Friday today.\n";
		temp_pair(a, b, oa, strlen(oa), ob, strlen(ob));
		RUN(&r, "--inline", "--color=always", a, b);
		cr_assert_not_null(strstr(r.out, "\x1b[0;31munder"), "%s", r.out);
		cr_assert_not_null(strstr(r.out, "\x1b[0;32mfrom"), "%s", r.out);
		cr_assert_null(strstr(r.out, "\x1b[0;33m"), "%s", r.out);
		run_free(&r);
		RUN(&r, "--side-by-side", "--color=always", "--width=100", a, b);
		cr_assert_not_null(strstr(r.out, "\x1b[0;33munder"), "side by side stays yellow: %s", r.out);
		run_free(&r);
		unlink(a);
		unlink(b);
	}

	/* Colour: moves cyan, quote changes bold magenta, no markers. */
	RUN(&r, "--inline", "--color=always", ORIGINAL, REWRITE);
	cr_assert_not_null(strstr(r.out, "\x1b[0;36mAn engineering report"));
	cr_assert_not_null(strstr(r.out, "\x1b[0;1;35m\xe2\x80\x9cWe are trading"));
	cr_assert_null(strstr(r.out, "[<"));
	cr_assert_null(strstr(r.out, "[!"));
	run_free(&r);

	RUN(&r, "--json", ORIGINAL, REWRITE);
	cr_assert_not_null(strstr(r.out, "\"kind\": \"move\""));
	cr_assert_not_null(strstr(r.out, "\"quote\": \"removed\""));
	cr_assert_not_null(strstr(r.out, "\"quote\": \"elided\""));
	cr_assert_not_null(strstr(r.out, "\"moves\": 2"));
	run_free(&r);

	RUN(&r, "--stat", ORIGINAL, REWRITE);
	out_has(&r, "in 2 passages; quotes: 1 removed, 1 added, 0 altered, "
	            "1 elided");
	run_free(&r);
}

Test(cli, stages_switch_off)
{
	run_result r;
	RUN(&r, "--help");
	const char *opts[] = {"--no-swaps", "--no-cleanup", "--no-moves", "--no-sentences",
	                      "--no-quotes", "--no-sources", "--minimal"};
	for (size_t k = 0; k < sizeof opts / sizeof *opts; k++)
		cr_assert_not_null(strstr(r.out, opts[k]), "--help mentions %s", opts[k]);
	run_free(&r);

	RUN(&r, "--json", "--minimal", ORIGINAL, REWRITE);
	cr_assert_null(strstr(r.out, "\"kind\": \"move\""), "the exact script has no moves");
	cr_assert_null(strstr(r.out, "\"quote\""), "nor quote flags");
	run_free(&r);
	RUN(&r, "--json", "--no-moves", ORIGINAL, REWRITE);
	cr_assert_null(strstr(r.out, "\"kind\": \"move\""));
	cr_assert_not_null(strstr(r.out, "\"quote\": \"removed\""));
	run_free(&r);
	RUN(&r, "--json", "--no-quotes", ORIGINAL, REWRITE);
	cr_assert_not_null(strstr(r.out, "\"kind\": \"move\""));
	cr_assert_null(strstr(r.out, "\"quote\""));
	run_free(&r);
	RUN(&r, "--inline", "--color=never", "--no-swaps", ORIGINAL, SPUN);
	cr_assert_not_null(strstr(r.out, "[-guarded-] {+protected+}"));
	run_free(&r);
	const char *more[] = {"--no-cleanup", "--no-sentences"};
	for (size_t k = 0; k < 2; k++) {
		RUN(&r, "--stat", more[k], ORIGINAL, SUMMARY);
		cr_assert_eq(r.status, 1, "%s", more[k]);
		run_free(&r);
	}
}

/* -U N: only the changes, with N lines around them, under "@@ ¶a–b · lines c–d | ... @@". */
Test(cli, context_hunks)
{
	run_result all, def, r;
	RUN(&all, "-W100", "--context=all", ORIGINAL, SPUN);
	RUN(&def, "-W100", ORIGINAL, SPUN);
	cr_assert_eq(all.status, 1);
	/* one pair: everything by default, and no header */
	cr_assert_eq(all.out_len, def.out_len);
	cr_assert_eq(memcmp(all.out, def.out, def.out_len), 0);
	cr_assert_null(strstr(def.out, "@@"));
	run_free(&def);

	/* -U0: every row printed is a header or shows a change in its gutter */
	RUN(&r, "-W100", "-U0", ORIGINAL, SPUN);
	cr_assert_eq(r.status, 1);
	size_t rows = 0, headers = 0;
	for (char *p = r.out, *nl; (nl = strchr(p, '\n')); p = nl + 1, rows++) {
		if (strncmp(p, "@@ \xc2\xb6", 5) == 0) {
			headers++;
			continue;
		}
		/* the gutter: column 49 (the panes are 48 wide), counting characters not bytes */
		const char *g = p;
		for (int col = 0; g < nl && col < 49; col++)
			for (g++; g < nl && ((unsigned char)*g & 0xc0) == 0x80; g++)
				;
		cr_assert(g < nl && strchr("|<>", *g), "row %zu without a change: %.*s", rows,
		          (int)(nl - p), p);
	}
	cr_assert_gt(headers, 3);
	cr_assert_lt(r.out_len, all.out_len, "-U0 leaves out the unchanged rows");
	run_free(&r);
	run_free(&all);

	/* the positions: the first hunk of SPUN is the headline, line 1 of both */
	RUN(&r, "-W100", "-U0", ORIGINAL, SPUN);
	cr_assert_eq(strncmp(r.out, "@@ \xc2\xb6" "1 \xc2\xb7 line 1 | \xc2\xb6" "1 \xc2\xb7 line 1 @@\n",
	                     strlen("@@ \xc2\xb6" "1 \xc2\xb7 line 1 | \xc2\xb6" "1 \xc2\xb7 line 1 @@\n")),
	             0, "%s", r.out);
	run_free(&r);

	/* texts that do not differ: no hunk, nothing printed, exit 0 */
	RUN(&r, "-U3", ORIGINAL, ORIGINAL);
	cr_assert_eq(r.status, 0);
	cr_assert_eq(r.out_len, 0, "%s", r.out);
	run_free(&r);
	RUN(&r, "--inline", "-U3", ORIGINAL, ORIGINAL);
	cr_assert_eq(r.status, 0);
	cr_assert_eq(r.out_len, 0, "%s", r.out);
	run_free(&r);

	/* a bad value: one line, exit 2 */
	const char *bad[] = {"x", "-1", "3x", ""};
	for (size_t k = 0; k < 4; k++) {
		char opt[32];
		snprintf(opt, sizeof opt, "--context=%s", bad[k]);
		RUN(&r, opt, ORIGINAL, SPUN);
		cr_assert_eq(r.status, 2, "%s", opt);
		cr_assert_not_null(strstr(r.err, "invalid context"), "%s: %s", opt, r.err);
		run_free(&r);
	}
}

/* --changes: Markdown, one line per change; nothing from a document becomes Markdown syntax. */
Test(cli, change_list)
{
	run_result r;
	RUN(&r, "--changes", ORIGINAL, ORIGINAL);
	cr_assert_eq(r.status, 0);
	cr_assert_str_eq(r.out, "No changes.\n");
	run_free(&r);

	RUN(&r, "--changes", ORIGINAL, REWRITE);
	cr_assert_eq(r.status, 1);
	/* what an editor asks first: the elided quotation, the moves, the removed quotation */
	out_has(&r, "quotation elided: \xe2\x80\x9c, keep the grounds open"
	            "\xe2\x80\x9d \xe2\x86\x92 \xe2\x80\x9c\xe2\x80\xa6\xe2\x80\x9d");
	out_has(&r, "- \xc2\xb6" "6 \xe2\x86\x92 \xc2\xb6" "1: passage moved (64 words, "
	            "unchanged)");
	out_has(&r, "- old \xc2\xb6" "7: quotation removed (25 words)");
	out_has(&r, "**Kept 708 of 753 words of the original (94.0%)**");
	run_free(&r);

	/* a document's Markdown and HTML stay text */
	const char a[] = "The page said nothing at all about the sale of the old light.\n";
	const char b[] = "The page said [click here](javascript:alert(1)) <script>x()</script> "
	                 "and ![img](http://example.com/t.png) about the sale of the *old* light.\n";
	char pa[64], pb[64];
	temp_pair(pa, pb, a, sizeof a - 1, b, sizeof b - 1);
	RUN(&r, "--changes", pa, pb);
	cr_assert_eq(r.status, 1);
	out_has(&r, "\\[click here\\]\\(javascript:alert\\(1\\)\\)");
	for (const char *lt = r.out; (lt = strchr(lt, '<')); lt++)
		cr_assert(lt > r.out && lt[-1] == '\\', "a bare < in %s", r.out);
	cr_assert_null(strstr(r.out, "]("), "%s", r.out);
	cr_assert_null(strstr(r.out, "!["), "%s", r.out);
	run_free(&r);

	/* --json has the same facts */
	RUN(&r, "--json", ORIGINAL, REWRITE);
	char err[128];
	json *doc = json_parse(r.out, r.out_len, err, sizeof err);
	cr_assert_not_null(doc, "%s", err);
	const json *ch = json_get(doc, "changes");
	cr_assert_not_null(ch);
	cr_assert_eq(ch->type, JSON_ARRAY);
	size_t moved = 0, elided = 0;
	for (size_t k = 0; k < ch->nkids; k++) {
		const char *type = json_str(json_get(json_at(ch, k), "type"));
		cr_assert_not_null(type);
		moved += strcmp(type, "moved") == 0;
		elided += strcmp(type, "quote_elided") == 0;
	}
	cr_assert_eq(moved, 2);
	cr_assert_eq(elided, 1);
	json_free(doc);
	run_free(&r);
	unlink_pair(pa, pb);
}

/* --changes: an excerpt that starts with an apostrophe ("'s chair", the rest of "board's") is
 * wrapped in quotation marks like any other; the apostrophe is no quotation of its own (before:
 * printed bare, as if it opened one). */
Test(cli, change_list_excerpt_starting_with_an_apostrophe)
{
	const char a[] = "The harbour board met on Tuesday.\n\nThe ferry timetable was read out.\n";
	const char b[] = "The harbour board's chair, elected last week by a narrow vote of the "
	                 "members, met them on Tuesday.\n\nThe ferry timetable was read out.\n";
	char pa[64], pb[64];
	temp_pair(pa, pb, a, sizeof a - 1, b, sizeof b - 1);
	run_result r;
	RUN(&r, "--changes", pa, pb);
	cr_assert_eq(r.status, 1);
	out_has(&r, "passage inserted (11 words): \xe2\x80\x9c's chair, elected "
	            "last week by a narrow vote of the members,\xe2\x80\x9d\n");
	run_free(&r);
	RUN(&r, "--changes", pb, pa);
	out_has(&r, "passage deleted (11 words): \xe2\x80\x9c's chair");
	run_free(&r);
	unlink_pair(pa, pb);
}

/* --changes: a quotation cut short at its start, the rest quoted word for word, is elided, its
 * first words listed as cut (before: "quotation altered: “We mean to” → (nothing)", as if the
 * copy misquoted); a count of one is "1 word". */
Test(cli, a_quotation_cut_short_at_its_start_is_elided)
{
	const char a[] = "The ferry company wrote to the council on Monday.\n\n\xe2\x80\x9cWe mean to "
	                 "keep the winter crossings running for the islanders,\xe2\x80\x9d the "
	                 "manager said. She would not say what fares would cost.\n";
	const char b[] = "The ferry company wrote to the council on Monday.\n\n- The company intends to "
	                 "\xe2\x80\x9ckeep the winter crossings running for the islanders\xe2\x80\x9d\n"
	                 "- Fares are \xe2\x80\x9cuncertain\xe2\x80\x9d\n";
	char pa[64], pb[64];
	temp_pair(pa, pb, a, sizeof a - 1, b, sizeof b - 1);
	run_result r;
	RUN(&r, "--changes", pa, pb);
	cr_assert_eq(r.status, 1);
	out_has(&r, "quotation elided: \xe2\x80\x9cWe mean to\xe2\x80\x9d cut\n");
	out_has(&r, "quotation added (1 word): \xe2\x80\x9cuncertain\xe2\x80\x9d");
	cr_assert_null(strstr(r.out, "quotation altered"), "%s", r.out);
	run_free(&r);
	unlink_pair(pa, pb);
	/* Cut short and reworded inside ("mean" -> "plan"): altered, the cut with it. */
	const char c[] = "The ferry company wrote to the council on Monday.\n\n- The company "
	                 "\xe2\x80\x9cplans to keep the winter crossings running\xe2\x80\x9d\n";
	const char a2[] = "The ferry company wrote to the council on Monday.\n\n\xe2\x80\x9cWe mean "
	                  "to keep the winter crossings running for the islanders,\xe2\x80\x9d the "
	                  "manager said.\n";
	temp_pair(pa, pb, a2, sizeof a2 - 1, c, sizeof c - 1);
	RUN(&r, "--changes", pa, pb);
	out_has(&r, "quotation altered");
	cr_assert_null(strstr(r.out, "quotation elided"), "%s", r.out);
	run_free(&r);
	unlink_pair(pa, pb);
}

/* --stat counts quotations as --changes lists them: one quotation with four words swapped inside
 * is "1 altered", not 4 (the ops flagged; the spun copy of the corpus said "40 altered" for the
 * 3 quotations --changes lists). */
Test(cli, stat_counts_quotations_not_ops)
{
	const char a[] = "The mayor spoke at the harbour on Monday evening.\n\n\xe2\x80\x9cWe will keep "
	                 "the old light burning for every ship that passes the point, and we will paint "
	                 "the tower again in the spring,\xe2\x80\x9d she said.\n";
	const char b[] = "The mayor spoke at the harbour on Monday evening.\n\n\xe2\x80\x9cWe shall keep "
	                 "the old lamp burning for every boat that passes the point, and we will paint "
	                 "the tower again in the summer,\xe2\x80\x9d she said.\n";
	char pa[64], pb[64];
	temp_pair(pa, pb, a, sizeof a - 1, b, sizeof b - 1);
	run_result r;
	RUN(&r, "--stat", pa, pb);
	cr_assert_eq(r.status, 1);
	out_has(&r, "quotes: 0 removed, 0 added, 1 altered, 0 elided;");
	run_free(&r);
	RUN(&r, "--changes", pa, pb);
	out_has(&r, "quotation altered: \xe2\x80\x9cwill\xe2\x80\x9d");
	run_free(&r);
	RUN(&r, "--html", pa, pb);
	out_has(&r, "quotations altered</td><td class=\"n\">1</td>");
	run_free(&r);
	unlink_pair(pa, pb);
}

/* --stat on an added file: nothing of OLD is kept, 0.0%, not 100%. */
Test(cli, stat_of_an_added_file)
{
	char empty[64];
	temp_file(empty, "", 0);
	run_result r;
	RUN(&r, "--stat", empty, ORIGINAL);
	cr_assert_eq(r.status, 1);
	out_has(&r, "old 0 words, new 753 words: kept 0 (0.0% of old)");
	run_free(&r);
	RUN(&r, "--stat", empty, empty);
	cr_assert_eq(r.status, 0);
	out_has(&r, "similarity 100.0%");
	run_free(&r);
	unlink(empty);
}

/* --inline honours -W (wrapping at spaces; a word with the punctuation glued to it stays whole),
 * and two changes side by side keep a space between their markers. */
Test(cli, inline_width_and_marker_spacing)
{
	const char *news[] = {SPUN, SUMMARY, REWRITE};
	for (int k = 0; k < 3; k++) {
		run_result r;
		RUN(&r, "--inline", "-W", "60", ORIGINAL, news[k]);
		cr_assert_eq(r.status, 1);
		size_t lines = 0, over = 0;
		for (char *p = r.out, *nl; (nl = strchr(p, '\n')); p = nl + 1, lines++) {
			size_t w = printed_width(p, (size_t)(nl - p));
			cr_assert_leq(w, 64, "%s: a line of %zu: %.*s", news[k], w, (int)(nl - p), p);
			over += w > 60;
		}
		cr_assert_leq(over * 20, lines, "%s: %zu of %zu lines over 60", news[k], over, lines);
		for (const char *p = r.out + 1; *p && p[1]; p++)
			cr_assert(!(strchr("]}", p[0]) && strchr("[{", p[1]) &&
			            (p[-1] == '-' || p[-1] == '+' || p[-1] == '>' || p[-1] == '<' ||
			             p[-1] == '!')),
			          "%s: markers touch: %.30s", news[k], p - 10);
		run_free(&r);
	}
	/* without -W, NEW's lines as they are: the rewrite is one long line */
	run_result r;
	RUN(&r, "--inline", ORIGINAL, REWRITE);
	cr_assert_gt(strcspn(r.out, "\n"), 1000);
	run_free(&r);
}

/* --inline: between the markers of a rewrite in Chinese or Thai, written without spaces between
 * words, no space ([-x-]{+y+}), as the text has none there; English keeps it ([-a-] {+b+}), and
 * so does colour, where nothing else tells the old words from the new. */
Test(cli, inline_no_space_between_markers_without_spaces)
{
	char a[64], b[64];
	run_result r;
	const char *zh_a = "我每天早上喝一杯咖啡，然后去公园散步。\n";
	const char *zh_b = "我每天晚上喝一杯热茶，然后去河边散步！\n";
	temp_pair(a, b, zh_a, strlen(zh_a), zh_b, strlen(zh_b));
	RUN(&r, "--inline", "--color=never", a, b);
	cr_assert_eq(r.status, 1);
	cr_assert_str_eq(r.out, "我每天[-早-]{+晚+}上喝一杯[-咖啡-]{+热茶+}，然后去[-公园-]{+河边+}"
	                        "散步[-。-]{+！+}\n");
	run_free(&r);
	RUN(&r, "--inline", "--color=always", a, b);
	cr_assert_eq(r.status, 1);
	cr_assert_not_null(strstr(r.out, "\x1b[0m \x1b"), "colour keeps the space: %s", r.out);
	run_free(&r);
	unlink_pair(a, b);

	/* Thai: words from libthai when the build has it, else graphemes; a space either way only
	 * where the text has one */
	const char *th_a = "ฉันชอบกินข้าวผัดกับไข่ดาวทุกวัน แต่น้องชอบกาแฟ\n";
	const char *th_b = "ฉันชอบกินก๋วยเตี๋ยวกับไข่ต้มทุกวัน แต่น้องชอบชาเย็น\n";
	temp_pair(a, b, th_a, strlen(th_a), th_b, strlen(th_b));
	RUN(&r, "--inline", "--color=never", a, b);
	cr_assert_eq(r.status, 1);
	out_has(&r, "-]{+");
	cr_assert_null(strstr(r.out, "-] {+"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, "ทุกวัน แต่น้องชอบ"), "the text's own space stays: %s", r.out);
	run_free(&r);
	unlink_pair(a, b);

	const char *en_a = "The cat sat on the old mat today.\n";
	const char *en_b = "The dog sat on the new rug today.\n";
	temp_pair(a, b, en_a, strlen(en_a), en_b, strlen(en_b));
	RUN(&r, "--inline", "--color=never", a, b);
	cr_assert_eq(r.status, 1);
	/* (Two swaps next to each other read as one rewrite: old words, then new.) */
	cr_assert_str_eq(r.out, "The [-cat-] {+dog+} sat on the [-old mat-] {+new rug+} today.\n");
	run_free(&r);
	unlink_pair(a, b);
}

/* Summary lines drawn from elsewhere: --json ops carry "source" (byte ranges of OLD's sentences),
 * the printed outputs a ⟨¶N⟩ tag, --changes "(from old ¶N)"; --no-sources and --minimal none. */
#define DIGEST "examples/lighthouse-5-digest.txt"
Test(cli, summary_lines_link_to_their_source)
{
	size_t la, lb;
	char *old = fixture_read(ORIGINAL, &la), *new = fixture_read(DIGEST, &lb);
	run_result r;
	RUN(&r, "--json", ORIGINAL, DIGEST);
	char err[256];
	json *doc = json_parse(r.out, r.out_len, err, sizeof err);
	cr_assert_not_null(doc, "%s", err);
	const json *ops = json_get(doc, "ops");
	size_t linked = 0;
	bool opponents = false;
	for (size_t k = 0; json_at(ops, k); k++) {
		const json *op = json_at(ops, k), *src = json_get(op, "source");
		if (!src)
			continue;
		linked++;
		const json *b = json_get(op, "b"), *first = json_at(src, 0);
		cr_assert_not_null(b, "only ops over NEW's text carry a source");
		cr_assert_not_null(first);
		size_t b0 = (size_t)json_at(b, 0)->num, a0 = (size_t)json_at(first, 0)->num;
		size_t a1 = (size_t)json_at(first, 1)->num;
		cr_assert(a0 < a1 && a1 <= la);
		/* The bullet about the referendum petition comes from the last paragraph. */
		if (strncmp(new + b0, "- Opponents have 30 days", 24) == 0) {
			opponents = true;
			cr_assert(strncmp(old + a0, "Opponents said they are weighing", 32) == 0, "%.*s",
			          (int)(a1 - a0), old + a0);
		}
	}
	cr_assert_geq(linked, 2);
	cr_assert(opponents);
	/* The change list says it too: the inserted bullet's change names the same sentence. */
	const json *changes = json_get(doc, "changes");
	size_t listed = 0;
	opponents = false;
	for (size_t k = 0; json_at(changes, k); k++) {
		const json *ch = json_at(changes, k), *src = json_get(ch, "source");
		if (!src)
			continue;
		listed++;
		const json *b = json_get(ch, "b"), *first = json_at(src, 0);
		cr_assert_not_null(b);
		size_t b0 = (size_t)json_at(b, 0)->num, a0 = (size_t)json_at(first, 0)->num;
		if (strncmp(new + b0, "- Opponents have 30 days", 24) == 0) {
			opponents = true;
			cr_assert_str_eq(json_str(json_get(ch, "type")), "inserted");
			cr_assert(strncmp(old + a0, "Opponents said they are weighing", 32) == 0);
		}
	}
	cr_assert_geq(listed, 1);
	cr_assert(opponents, "the change list's entry carries its source");
	json_free(doc);
	run_free(&r);

	RUN(&r, "--inline", "--color=never", ORIGINAL, DIGEST);
	out_has(&r, "{=- Opponents have 30 days");
	cr_assert_not_null(strstr(r.out, "for a referendum.=}\xe2\x9f\xa8\xc2\xb6" "14\xe2\x9f\xa9"));
	run_free(&r);
	RUN(&r, "--side-by-side", "-W", "140", "--color=never", ORIGINAL, DIGEST);
	out_has(&r, "\xe2\x9f\xa8\xc2\xb6" "14\xe2\x9f\xa9");
	run_free(&r);
	/* At every width the tag stays on the row of the words it tags: it follows a word or the
	 * change's closing marker, never the gutter's spaces. */
	for (unsigned w = 40; w <= 120; w++) {
		char width[16];
		snprintf(width, sizeof width, "%u", w);
		RUN(&r, "--side-by-side", "-W", width, "--color=never", ORIGINAL, DIGEST);
		size_t tags = 0;
		for (const char *p = strstr(r.out, "\xe2\x9f\xa8\xc2\xb6"); p;
		     p = strstr(p + 1, "\xe2\x9f\xa8\xc2\xb6")) {
			cr_assert(p > r.out && p[-1] != ' ' && p[-1] != '\n', "-W %u: a tag alone: %s", w,
			          r.out);
			tags++;
		}
		cr_assert_geq(tags, 2, "-W %u", w);
		run_free(&r);
	}
	RUN(&r, "--changes", ORIGINAL, DIGEST);
	out_has(&r, "(from old \xc2\xb6" "14)");
	run_free(&r);
	RUN(&r, "--html", ORIGINAL, DIGEST);
	cr_assert_not_null(strstr(r.out, "<span id=\"s4181\"></span>"));
	cr_assert_not_null(strstr(r.out, "href=\"#s4181\""));
	run_free(&r);

	const char *off[] = {"--no-sources", "--minimal"};
	for (size_t k = 0; k < 2; k++) {
		RUN(&r, "--json", off[k], ORIGINAL, DIGEST);
		cr_assert_null(strstr(r.out, "\"source\""), "%s", off[k]);
		run_free(&r);
		RUN(&r, "--inline", "--color=never", off[k], ORIGINAL, DIGEST);
		cr_assert_null(strstr(r.out, "\xe2\x9f\xa8\xc2\xb6"), "%s", off[k]);
		cr_assert_null(strstr(r.out, "{="), "%s", off[k]);
		run_free(&r);
	}
	/* A spun copy: every line stands beside its own, no link. */
	RUN(&r, "--json", ORIGINAL, SPUN);
	cr_assert_null(strstr(r.out, "\"source\""));
	run_free(&r);
	free(old);
	free(new);
}

/* A long text of numbered paragraphs, each a sentence of its own words (no two lines alike). */
static size_t long_text(char *buf, size_t cap, const char *word_in_60)
{
	static const char *const nouns[] = {"harbour", "ferry", "lantern", "quay", "tide", "gull",
	                                    "rope", "mast", "pier", "buoy", "chart", "keel"};
	size_t n = 0;
	for (int p = 0; p < 240; p++) {
		const char *w = p == 60 ? word_in_60 : "steady";
		n += (size_t)snprintf(buf + n, cap - n,
		                      "Paragraph %d says the %s by the %s stayed %s through week %d.\n\n", p,
		                      nouns[p % 12], nouns[(p / 12) % 12], w, p * 7 + 3);
	}
	return n;
}

Test(cli, a_long_text_with_one_edit_is_compared_around_it)
{
	static char a[64 * 1024], b[64 * 1024];
	size_t na = long_text(a, sizeof a, "steady"), nb = long_text(b, sizeof b, "calm");
	char pa[64], pb[64];
	temp_pair(pa, pb, a, na, b, nb);
	run_result r;
	RUN(&r, "--json", pa, pb);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_not_null(strstr(r.out, "\"windows\": 1"), "the stages ran on one window: %s", r.out);
	/* The one change, at the bytes of "steady" -> "calm" in paragraph 60. */
	const char *at = strstr(a, "Paragraph 60 ");
	size_t off = (size_t)(strstr(at, "steady") - a);
	char want[96];
	snprintf(want, sizeof want, "\"kind\": \"replace\", \"a\": [%zu, %zu], \"b\": [%zu, %zu]", off,
	         off + 6, off, off + 4);
	cr_assert_not_null(strstr(r.out, want), "%s not in %s", want, r.out);
	out_has(&r, "\"delete\": 0, \"insert\": 0, \"replace\": 1");
	run_free(&r);
	RUN(&r, "--json", "--minimal", pa, pb);
	cr_assert_eq(r.status, 1);
	cr_assert_null(strstr(r.out, "\"windows\""), "--minimal compares the whole texts");
	cr_assert_not_null(strstr(r.out, want), "the same change: %s", r.out);
	run_free(&r);
	unlink_pair(pa, pb);
}

#define SURVEYED "The cartographer Wilhelmina Oakridge surveyed the crumbling basalt causeway."
#define RESTATED "Wilhelmina Oakridge, a cartographer, surveyed that crumbling causeway of basalt."

/* long_text's paragraphs, paragraph 30 with SURVEYED after its sentence, and (restated)
 * paragraph 200 with RESTATED. */
static size_t sourced_text(char *buf, size_t cap, bool restated)
{
	static const char *const nouns[] = {"harbour", "ferry", "lantern", "quay", "tide", "gull",
	                                    "rope", "mast", "pier", "buoy", "chart", "keel"};
	size_t n = 0;
	for (int p = 0; p < 240; p++)
		n += (size_t)snprintf(buf + n, cap - n,
		                      "Paragraph %d says the %s by the %s stayed steady through week %d.%s%s"
		                      "\n\n", p, nouns[p % 12], nouns[(p / 12) % 12], p * 7 + 3,
		                      p == 30 ? " " SURVEYED : "",
		                      p == 200 && restated ? " " RESTATED : "");
	return n;
}

Test(cli, a_sentence_added_far_from_its_source_is_linked_on_a_window)
{
	static char a[64 * 1024], b[64 * 1024];
	size_t na = sourced_text(a, sizeof a, false), nb = sourced_text(b, sizeof b, true);
	char pa[64], pb[64];
	temp_pair(pa, pb, a, na, b, nb);
	run_result r;
	RUN(&r, "--json", pa, pb);
	cr_assert_eq(r.status, 1, "%s", r.err);
	/* The stages ran on the window around paragraph 200; the source was searched over the whole
	 * of OLD: paragraph 30's sentence, at its bytes. */
	out_has(&r, "\"windows\": 1");
	size_t off = (size_t)(strstr(a, SURVEYED) - a);
	size_t at = (size_t)(strstr(b, RESTATED) - b);
	char want[128];
	snprintf(want, sizeof want,
	         "{\"kind\": \"insert\", \"b\": [%zu, %zu], \"source\": [[%zu, %zu]]}", at,
	         at + strlen(RESTATED), off, off + strlen(SURVEYED));
	cr_assert_not_null(strstr(r.out, want), "%s not in %s", want, r.out);
	run_free(&r);
	RUN(&r, "--json", "--no-sources", pa, pb);
	cr_assert_null(strstr(r.out, "\"source\""), "%s", r.out);
	out_has(&r, "\"windows\": 1");
	run_free(&r);
	unlink_pair(pa, pb);
}

/* Issue 10: a page's "Latest" box deleted whole is drawn as deletions, no quotation in it
 * flagged; the article's own dropped quotation is. */
Test(cli, a_quotation_in_deleted_site_chrome_is_drawn_as_a_deletion)
{
	static const char old[] =
	    "The ferry resumed service on Monday.\n\n"
	    "\xe2\x80\x9cWe are glad to sail again,\xe2\x80\x9d the captain said.\n\n"
	    "Latest\n\n"
	    "\xe2\x80\xa2 \xe2\x80\x98Too slow and too late\xe2\x80\x99: riders mock the timetable\n"
	    "\xe2\x80\xa2 Harbour fair draws record crowds\n"
	    "\xe2\x80\xa2 Lighthouse keeper retires after forty years\n";
	static const char new[] = "The ferry resumed service on Monday.\n";
	char pa[64], pb[64];
	temp_pair(pa, pb, old, sizeof old - 1, new, sizeof new - 1);
	run_result r;
	RUN(&r, "-y", "--color=never", "--width=100", pa, pb);
	cr_assert_eq(r.status, 1, "%s", r.err);
	out_has(&r, "[!\xe2\x80\x9cWe are glad to sail again,\xe2\x80\x9d!]");
	out_has(&r, "[-\xe2\x80\xa2 \xe2\x80\x98Too slow and too late\xe2\x80\x99: riders mock");
	cr_assert_null(strstr(r.out, "[!\xe2\x80\x98Too slow"), "%s", r.out);
	run_free(&r);
	unlink_pair(pa, pb);
}

/* Issue 10: the same, printed: inline, the deleted list item's head and then the mark with its
 * word on one line ("[-- Staff-] {+“+} {!We!}"), not the mark alone on a line above them. */
Test(cli, a_mark_that_starts_a_line_prints_beside_the_line_it_faces)
{
	char a[96];
	const char *old = "The board met on Monday.\n\nA spokesperson said the plan stays "
	                  "\xe2\x80\x9c" "firm\xe2\x80\x9d\n- Staff plans to \xe2\x80\x9ckeep the "
	                  "ferry running\xe2\x80\x9d all winter\n- Fares rise in May\n";
	const char *new = "The board met on Monday.\n\nA spokesperson said the plan stays "
	                  "\xe2\x80\x9c" "firm.\xe2\x80\x9d\n\n\xe2\x80\x9cWe plan to keep the ferry "
	                  "running,\xe2\x80\x9d the spokesperson said.\n";
	temp_named(a, "mark-a", old, strlen(old));
	run_result r;
	RUN_IN(&r, new, "--inline", "--color=never", a, "-");
	cr_assert_eq(r.status, 1);
	out_has(&r, "\xe2\x80\x9d\n\n[-- Staff-] {+\xe2\x80\x9c+} {!We!}");
	run_free(&r);
	RUN_IN(&r, new, "-y", "-W", "80", "--color=never", a, "-");
	cr_assert_eq(r.status, 1);
	out_has(&r, "\n[-- Staff-] [-plans-] to");
	out_has(&r, "| {+\xe2\x80\x9c+}{!We!} {!plan!}");
	run_free(&r);
	unlink(a);
}
