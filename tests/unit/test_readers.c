/* The DOCX, ODT, EPUB and PDF readers (src/doc/formats.h) on the fixtures of tests/documents/
 * (written by tests/documents/make_fixtures.py) and on the hostile documents of tests/hostile/. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/formats.h"
#include "doc/docxsym.h"
#include "doc/listnum.h"

typedef int (*reader)(const char *, size_t, size_t, char **, size_t *, char *, size_t);

/* The bytes of SOURCE_DIR/rel (malloc'd). */
static char *slurp(const char *rel, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", SOURCE_DIR, rel);
	FILE *fp = fopen(path, "rb");
	cr_assert_not_null(fp, "%s", path);
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	char *buf = malloc((size_t)n + 1);
	cr_assert_not_null(buf);
	cr_assert_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

/* Read rel with fn under limit max: the text (malloc'd), or NULL with the reason in err. */
static char *read_doc(reader fn, const char *rel, size_t max, char *err, size_t errlen)
{
	size_t len, out_len = 0;
	char *data = slurp(rel, &len), *out = NULL;
	err[0] = '\0';
	int rc = fn(data, len, max, &out, &out_len, err, errlen);
	free(data);
	if (rc != 0) {
		cr_assert_null(out, "%s: *out set on failure", rel);
		cr_assert_neq(err[0], '\0', "%s: failed without a reason", rel);
		return NULL;
	}
	cr_assert_not_null(out, "%s", rel);
	cr_assert_eq(strlen(out), out_len, "%s: length or NUL", rel);
	return out;
}

static void expect_text(reader fn, const char *rel, const char *want)
{
	char err[256];
	char *got = read_doc(fn, rel, 1 << 20, err, sizeof err);
	cr_assert_not_null(got, "%s: %s", rel, err);
	cr_assert_str_eq(got, want, "%s:\n%s", rel, got);
	free(got);
}

static void expect_error(reader fn, const char *rel, const char *reason)
{
	char err[256];
	char *got = read_doc(fn, rel, 1 << 20, err, sizeof err);
	cr_assert_null(got, "%s: read as\n%s", rel, got);
	cr_assert_not_null(strstr(err, reason), "%s: \"%s\" is not \"%s\"", rel, err, reason);
	cr_assert_null(strchr(err, '\n'), "%s: the reason is one line: %s", rel, err);
}

/* ---- DOCX ---- */

#define DRAFT_END                                                                                  \
	"- Volunteers will move the local history shelves.\n\n"                                   \
	"- The children\u2019s corner stays open.\n\n"                                            \
	"1. Return all loans by Friday.\n\n"                                                     \
	"2. Collect reservations from the front desk.\n\n"                                       \
	"Opening hours are posted at the door.\n\n"

Test(docx, paragraphs_headings_lists_numbered_lists_boxes_cells_and_footnotes)
{
	expect_text(rl_read_docx, "tests/documents/draft1.docx",
	            "Library Roof Repairs Begin\n\n"
	            "The county library on Mill Street will close its reading room for six weeks "
	            "while the roof is repaired.\n\n" DRAFT_END
	            "Notice: returns go to the side entrance.\n\n"
	            "Monday | Closed\n\n"
	            "The work is paid for by a grant of forty thousand pounds.\n\n"
	            "Readers can borrow e-books from home.\n\n"
	            "Figures from the council\u2019s budget report.\n");
}

/* Stop 36: one report's table (make_tables.py), four columns, some cells wrapping when printed,
 * read a row a paragraph, its cells apart by " | ", in DOCX and ODT alike (and HTML and
 * Markdown: documents/one_report_s_table_reads_alike_in_four_formats). Before, each cell was a
 * paragraph: "School field", "Hazel", "\u00a3" "215" one under the other. */
#define HEDGES_V2                                                                              \
	"Hedge planting on the common\n\nThe parish council planted four stretches of new hedge "  \
	"this winter. The table below gives each stretch, what was planted and what it cost.\n\n"  \
	"Stretch | Plants | Cost | Notes\n\nChurch lane | Hawthorn and blackthorn | \u00a3" "412 | " \
	"Planted by volunteers over two wet Saturdays in January\n\nSchool field | Hazel | "      \
	"\u00a3" "215 | Guards needed against rabbits and deer\n\nMill path | Field maple, "      \
	"dogwood and holly | \u00a3" "655 | The ditch was cleared first, which took longer than "   \
	"planned\n\nOld quarry | Blackthorn and wild rose | \u00a3" "230 | Planted in March "     \
	"after the frost\n\nPound corner | Hawthorn | \u00a3" "96 | Gap filled\n\nNext winter "  \
	"the council hopes to link the school field to the mill path, so that birds can move "      \
	"along the whole length of the common.\n"

Test(docx, a_table_reads_a_row_a_paragraph)
{
	expect_text(rl_read_docx, "tests/documents/hedges-v2.docx", HEDGES_V2);
}

Test(odt, a_table_reads_a_row_a_paragraph)
{
	expect_text(rl_read_odt, "tests/documents/hedges-v2.odt", HEDGES_V2);
}

/* A page laid out in a table (warden-layout.docx, make_tables.py): the row whose cell holds a
 * profile of 1,200 bytes keeps its paragraphs; the short row above it is a row of data. */
Test(docx, a_row_of_a_page_s_layout_keeps_its_paragraphs)
{
	char err[256];
	char *got = read_doc(rl_read_docx, "tests/documents/warden-layout.docx", 1 << 20, err,
	                     sizeof err);
	cr_assert_not_null(got, "%s", err);
	cr_assert_eq(strncmp(got, "Warden\n\nName | Ann Lee\n\nProfile\n\nAnn Lee keeps", 46), 0,
	             "%s", got);
	free(got);
}

/* A proposal written for stop 22 (make_toolshed.py) as Word writes one: its runs split inside
 * words at proofing marks and bookmarks, headings, a bulleted and a numbered list, a table, curly
 * quotes, a link, a non-breaking hyphen (kept: it is seen), no-break spaces (kept) and a soft
 * hyphen in "jig\u00adsaw", which is left out: before, the word was "jig<U+00AD>saw" and differed
 * from the revision's "jigsaw". */
Test(docx, split_runs_soft_hyphen_and_no_break_characters)
{
	expect_text(rl_read_docx, "tests/documents/toolshed-v1.docx",
	            "Proposal for a Community Tool Library\n\n"
	            "Background\n\n"
	            "Most households own a drill that is used for a few minutes a year. A tool library "
	            "lends such things to members for a small annual fee, so that fewer are bought and "
	            "more are shared.\n\n"
	            "The idea was raised at the residents\u2019 meeting in March, where \u201c" "broad "
	            "support\u201d was recorded in the minutes. Several people offered to donate tools "
	            "they no longer need, and the parish council has said it would consider a small "
	            "grant.\n\n"
	            "What we propose\n\n"
	            "We would start with a single room and a modest stock:\n\n"
	            "- power tools: drills, sanders and a jigsaw;\n\n"
	            "- garden tools, including a lawn\u2011" "aerator and two wheelbarrows;\n\n"
	            "- decorating kit: ladders, pasting tables, a wallpaper steamer;\n\n"
	            "Running costs\n\n"
	            "Our estimate of the first year\u2019s costs is set out below.\n\n"
	            "Item | Cost\n\nRoom hire | \u00a3" "1\u00a0" "200\n\n"
	            "Insurance | \u00a3" "350\n\nShelving and tags | \u00a3" "180\n\n"
	            "Next steps\n\n"
	            "1. Agree a name and a constitution.\n\n"
	            "2. Apply for the parish grant by 30\u00a0June.\n\n"
	            "3. Hold a launch day on the green.\n\n"
	            "Contact: toollibrary@example.org\n");
}

Test(docx, tracked_changes_are_taken_as_accepted)
{
	char err[256];
	char *got = read_doc(rl_read_docx, "tests/documents/draft2.docx", 1 << 20, err, sizeof err);
	cr_assert_not_null(got, "%s", err);
	cr_assert_not_null(strstr(got, "reading room for eight weeks while"), "%s", got);
	cr_assert_null(strstr(got, "six"), "the deletion is dropped: %s", got);
	/* The text box is written once, though Word stores it twice (choice and fallback). */
	const char *box = strstr(got, "Notice: returns go to the side door.");
	cr_assert_not_null(box, "%s", got);
	cr_assert_null(strstr(box + 1, "Notice:"), "%s", got);
	free(got);
}

/* Stop 23: a reviewer's copy with its edits pending (make_tracked.py) reads as it will once
 * they are accepted: a deleted paragraph mark joins two paragraphs; a numbered item deleted whole
 * is gone with its number (before: a lone "2." and the next items renumbered); moved text only
 * where it went; no comment, no hidden run; no table of contents (its page numbers change when
 * the pages do) and no page-number field; the footnote at the end. */
Test(docx, pending_tracked_changes_read_as_accepted)
{
	expect_text(rl_read_docx, "tests/documents/tracked-v2.docx",
	            "Village Hall Roof: Note for the Committee\n\nBackground\n\n"
	            "The hall roof has leaked over the stage since the storm in January. A surveyor "
	            "inspected it in early March and found slipped slates and a cracked valley gutter.\n\n"
	            "The insurer will not pay for wear, so the committee must fund the work. Repairs "
	            "must wait for dry weather.\n\nOptions\n\n"
	            "1. Patch the valley gutter and refix the slates.\n\n2. Reroof the whole hall.\n\n"
	            "3. Apply to the heritage fund for half of the cost.\n\n"
	            "Quotes were sought from three roofers.\n\nNext steps\n\n"
	            "The committee will choose an option on 14 March.\n\n"
	            "Work could start in May. The treasurer will report on reserves.\n\n"
	            "Page of\n\nEach quote is kept by the secretary.\n");
}

/* Stop 25: which number a joined paragraph shows (joined.docx). Decided: the first part's, as
 * Word 2013 and later keep the first paragraph's properties when a paragraph mark goes; the
 * reader sees the joined paragraph start where its first part started. A plain paragraph that
 * takes in a numbered item stays plain, and the items after it number on without it. Stop 28:
 * a paragraph holding a text box runs on into the next one too, the box after the joined
 * paragraph (before, the box ended the join: "The hall is booked, as agreed," / the box / "for
 * the whole of May."). */
Test(docx, a_joined_paragraph_keeps_its_first_part_s_number)
{
	expect_text(rl_read_docx, "tests/documents/joined.docx",
	            "1. Item one.\n\n2. Item two, joined to the third.\n\n3. Item four.\n\n"
	            "A plain sentence, and what was item five.\n\n4. Item six.\n\n"
	            "The hall is booked, as agreed, for the whole of May.\n\n"
	            "Keys from the clerk.\n\nEach quote is kept by the secretary.\n");
}

Test(docx, over_the_size_limit)
{
	char err[256];
	cr_assert_null(read_doc(rl_read_docx, "tests/documents/draft1.docx", 100, err, sizeof err));
	cr_assert_str_eq(err, "extracted text is over the size limit");
	/* Exactly the text's size fits. */
	char *got = read_doc(rl_read_docx, "tests/documents/draft1.docx", 1 << 20, err, sizeof err);
	size_t n = strlen(got);
	free(got);
	got = read_doc(rl_read_docx, "tests/documents/draft1.docx", n, err, sizeof err);
	cr_assert_not_null(got, "%s", err);
	free(got);
	cr_assert_null(read_doc(rl_read_docx, "tests/documents/draft1.docx", n - 1, err, sizeof err));
}

Test(docx, hostile_documents)
{
	expect_error(rl_read_docx, "tests/hostile/truncated.docx", "not a valid zip archive");
	expect_error(rl_read_docx, "tests/hostile/zip-bomb.docx", "inflates to over 64 MiB");
	expect_error(rl_read_docx, "tests/hostile/invalid-xml.docx", "word/document.xml is not valid XML");
	expect_error(rl_read_docx, "tests/hostile/no-document.docx", "no word/document.xml");
	expect_error(rl_read_docx, "tests/documents/bridge1.pdf", "not a valid zip archive");
	expect_error(rl_read_docx, "tests/hostile/empty.txt", "not a valid zip archive");
}

/* ---- PDF ---- */

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

Test(pdf, two_columns_running_heads_hyphens_and_a_page_break)
{
	char err[256];
	char *got = read_doc(rl_read_pdf, "tests/documents/bridge1.pdf", 1 << 20, err, sizeof err);
	cr_assert_not_null(got, "%s", err);
	/* The title, then the first paragraphs of the left column, each one line, and a list. */
	const char *start = "Bridge Plan Goes to Consultation\n\n"
	                    "The council will ask residents for their views before any work on the old "
	                    "stone bridge begins, and the consultation will run for six weeks.\n\n"
	                    "Engineers said the bridge carries more traffic than it was built for. A full "
	                    "survey gave information on every arch and the state of the piers.\n\n"
	                    /* Bullets, the second line hanging under the text. */
	                    "- The arches need new mortar, and the parapet must be raised by a foot.\n\n"
	                    "- Two piers are to be strengthened.\n\n";
	cr_assert_eq(strncmp(got, start, strlen(start)), 0, "%s", got);
	/* The running header and the page numbers are gone. */
	cr_assert_null(strstr(got, "Valley Courier"), "%s", got);
	cr_assert_null(strstr(got, "Page "), "%s", got);
	/* The sentence that runs from the foot of page one's right column onto page two is one
	 * paragraph, and the text ends with page two's last paragraph. */
	cr_assert_not_null(strstr(got, "\n\nThe long sentence that crosses the page break starts at the "
	                                "bottom of the right column and ends on the next page after a "
	                                "few more words about the bridge.\n\n"
	                                "A final decision is expected in the spring.\n"),
	                   "%s", got);
	/* Columns are read one after the other: every filler paragraph comes out whole. */
	cr_assert_eq(count(got, "Residents asked whether buses would still run while the bridge is "
	                        "closed, and were told that a diversion through the hill farms is "
	                        "planned.\n"),
	             count(got, "Residents asked"), "%s", got);
	/* One paragraph a sentence end (the title has none). */
	cr_assert_eq(count(got, "\n\n"), count(got, ".\n"), "%s", got);
	free(got);
}

Test(pdf, the_edit_differs_only_where_it_was_edited)
{
	char err[256];
	char *a = read_doc(rl_read_pdf, "tests/documents/bridge1.pdf", 1 << 20, err, sizeof err);
	char *b = read_doc(rl_read_pdf, "tests/documents/bridge2.pdf", 1 << 20, err, sizeof err);
	cr_assert(a && b, "%s", err);
	cr_assert_not_null(strstr(b, "will run for ten weeks."));
	cr_assert_not_null(strstr(b, "expected in the summer."));
	cr_assert_eq(count(a, "\n"), count(b, "\n"), "%s\n----\n%s", a, b);
	free(a);
	free(b);
}

/* A page as a browser prints it (tests/documents/rota.pdf): list items whose bullets are drawn
 * shapes, each a sentence ending short of its column, are paragraphs of their own; a table's cells
 * are paragraphs, row by row, as the other readers give them. Before: the items were one
 * paragraph and the table one line ("Day Helm Tractor Monday Ann ..."). */
Test(pdf, drawn_bullets_and_table_cells)
{
	char err[256];
	char *got = read_doc(rl_read_pdf, "tests/documents/rota.pdf", 1 << 20, err, sizeof err);
	cr_assert_not_null(got, "%s", err);
	cr_assert_str_eq(got, "Lifeboat Station Rota\n\n"
	                      "The crew rota for the spring term is set out below, with the tractor "
	                      "drivers for each launch. Please tell the coxswain of any change before "
	                      "Friday.\n\n"
	                      "Pagers are tested every Sunday at noon.\n\n"
	                      "The boathouse key is kept at the harbour office.\n\n"
	                      "Volunteers under eighteen do not go to sea.\n\n"
	                      "Day | Helm | Tractor\n\nMonday | Ann | Peter\n\n"
	                      "Tuesday | Bryn | Carys\n");
	free(got);
}

/* Three justified columns of 9 pt type as Chromium prints them (tests/documents/justified.pdf,
 * make_justified.py, stop 22): where a line's spaces grow wide, poppler writes the line as
 * one-word lines on one baseline. Their gaps are equal (justification spreads a line's spaces
 * evenly), so they are one line: before, each word was read as a table's cell, a paragraph of
 * its own ("subcommittee\n\nin\n\nresponse\n\nto complaints"). The rota's table above keeps its
 * cells. */
Test(pdf, a_justified_line_with_wide_spaces_is_one_line)
{
	expect_text(rl_read_pdf, "tests/documents/justified.pdf",
	            "Community transport review\n\n"
	            "This report reviews the first eighteen months of the community transport scheme, "
	            "which provides door-to-door journeys for residents who cannot use ordinary buses. "
	            "It was commissioned by the transport subcommittee in response to complaints about "
	            "booking difficulties and to questions about the scheme\u2019s long-term financial "
	            "sustainability.\n\n"
	            "Findings\n\n"
	            "Demand has grown steadily since the scheme began. In its first quarter the scheme "
	            "carried 410 passengers; in the most recent quarter it carried 1,260. Most journeys "
	            "are to medical appointments, supermarkets and the day centre in Westbury, and the "
	            "great majority of passengers are over seventy-five years of age.\n\n"
	            "Satisfaction among passengers is high. Of the 212 people who returned the "
	            "questionnaire, 88 per cent rated the drivers as excellent and 79 per cent said the "
	            "scheme had made it possible for them to keep appointments they would otherwise "
	            "have missed. The main complaint concerned the telephone booking line, which is "
	            "staffed only on weekday mornings.\n\n"
	            "Volunteers\n\n"
	            "The scheme depends on its volunteer drivers, of whom there are currently "
	            "twenty-three. Several have driven for the scheme since it started, and their "
	            "knowledge of passengers\u2019 needs is one of its greatest strengths. However, "
	            "recruitment has not kept pace with demand, and on some days journeys have had to "
	            "be refused because no driver was available.\n");
}

/* A note of one page printed by Chromium with its default header and footer (the date and time,
 * the title, the page's address, "1/1") in three columns of 9 pt whose gutters, 12 pt, are under
 * two line heights (tests/documents/kiosk-v1.pdf, make_margins.py, stop 24). The running head of a
 * longer document is found by its coming back on most pages; one page cannot tell, so what a
 * printer writes in the margin is known by what it is: the page's own number, a date and time
 * stamp and the title on its baseline, a lone address. The narrow gutters split the page, which
 * no line crosses. Before: the four marks were paragraphs, and the columns were read across, the
 * three headings first ("Repairs", "Opening" on the title's baseline). */
Test(pdf, a_printed_page_of_one_without_its_margins_in_narrow_columns)
{
	expect_text(rl_read_pdf, "tests/documents/kiosk-v1.pdf",
	            "Kiosk on the green\n\n"
	            "The parish council has agreed to let the old telephone kiosk on the green to the "
	            "village society for a peppercorn rent. The society plans to turn it into a small "
	            "lending library, with shelves for paperbacks and a box for seeds that gardeners "
	            "can swap through the spring and summer.\n\n"
	            "Repairs\n\n"
	            "The kiosk needs new glass in four of its panes and a coat of paint. A local "
	            "builder has offered to replace the glass at cost, and volunteers will paint the "
	            "frame on two Saturdays in April, weather permitting. The door hinge, which has "
	            "rusted through, will be made by the blacksmith at Holt Farm.\n\n"
	            "Opening\n\n"
	            "The library will be open from dawn to dusk every day. A rota of volunteers will "
	            "tidy the shelves once a week and take away any books that have been damaged by "
	            "damp. Donations of books are welcome and can be left at the village shop, which "
	            "has kindly agreed to store them until the shelves are fitted.\n");
}

/* A column of 9 pt justified so narrow that lines hold two long words (tests/documents/wordy.pdf,
 * make_margins.py, stop 24): poppler writes the two words as lines of their own on one baseline,
 * and two are too few to see that the gaps of a justified line are equal. The pair runs to the
 * column's edge, its first word ends no sentence and its second starts in lower case: one line.
 * Before: "The" / "interdepartmental ... infrastructure" / "were" / ... each a paragraph. The
 * rota's table (its cells capitalised) keeps its cells. */
Test(pdf, a_justified_line_of_two_words_is_one_line)
{
	expect_text(rl_read_pdf, "tests/documents/wordy.pdf",
	            "The interdepartmental subcommittee's recommendations concerning "
	            "telecommunications infrastructure were characteristically uncontroversial, "
	            "notwithstanding considerable administrative disagreements about "
	            "responsibilities.\n\n"
	            "Representatives acknowledged extraordinarily comprehensive documentation, "
	            "particularly regarding environmental considerations and accessibility "
	            "improvements throughout neighbourhoods.\n");
}

/* Stop 25: a table of one-word cells alone under its heading (tests/documents/stalls.pdf,
 * make_fixtures.py), the right cells in lower case and reaching the column's edge, as a
 * justified line of two words does: the rows above and below have cells starting where its
 * cells start, so it is a table's row. Before: "Cakes kitchen Books", "porch", ... */
Test(pdf, one_word_cells_of_a_table_are_not_a_justified_line)
{
	expect_text(rl_read_pdf, "tests/documents/stalls.pdf",
	            "Fete stalls\n\nCakes | kitchen\n\nBooks | porch\n\nPlants | greenhouse\n\n"
	            "Raffle | hall\n\nStallholders should arrive by nine.\n");
}

/* Stop 26: bullets set smaller than their items (tests/documents/bullets.pdf, make_fixtures.py),
 * as DocBook prints them: the bullet's box stands lower than the item's capitals. Before, each
 * bullet sorted after its item and was read as a bullet alone under it. */
Test(pdf, a_smaller_bullet_opens_its_item)
{
	expect_text(rl_read_pdf, "tests/documents/bullets.pdf",
	            "What the hall offers\n\nHirers may use:\n\n"
	            "- The main hall, seating a hundred and twenty.\n\n"
	            "- The kitchen, with its new cooker.\n\n- The garden, in summer only.\n\n"
	            "Ask the clerk for anything else.\n");
}

/* Stop 29: a copyright sign as LaTeX and Texinfo print it (tests/documents/circled.pdf,
 * make_fixtures.py): a c and a circle drawn around it, which the page's text does not hold. Read
 * as ©, in its line, whether poppler gives the c inside the line or (set smaller and raised) as a
 * line of its own; a line centred over it is its own paragraph. A c alone in a table's cell, or in
 * a drawn square, stays c. Before: "Copyright c 2026", "Plans", "c", "2025 Ann Lee.", and the
 * version line run into the copyright line. */
Test(pdf, a_c_in_a_drawn_circle_is_the_copyright_sign)
{
	expect_text(rl_read_pdf, "tests/documents/circled.pdf",
	            "Terms of hire\n\nVersion 2, 5 December 2026\n\n"
	            "Copyright \xc2\xa9 2026 The Ferncombe Hall Trust. All rights kept. The hall may be "
	            "hired by the hour, the day or the week. Plans \xc2\xa9 2025 Ann Lee.\n\n"
	            "Rate | a | b | c\n\nForm | c | is the form to sign.\n");
}

/* Stop 30: a hyphen at a line's end is a compound's when the text writes the compound whole on a
 * line ("long-" / "standing" after "long-standing"), or when the word already holds one
 * ("state-of-" / "the-art"), or the word after it does ("up-" / "to-date", stop 31): kept, the
 * lines joined without a space. A word broken ("infor-" / "mation")
 * is still rejoined (tests/documents/hyphens.pdf, make_fixtures.py). Before: "longstanding",
 * "state-ofthe-art". */
Test(pdf, a_compound_s_hyphen_at_a_line_end_is_kept)
{
	expect_text(rl_read_pdf, "tests/documents/hyphens.pdf",
	            "Shed rota\n\nThe long-standing rota for the garden shed was kept by hand. "
	            "Volunteers asked for a long-standing fix, so the committee tried a state-of-the-art "
	            "booking book, which gave information on every slot of the week in an up-to-date "
	            "table.\n");
}

/* Stop 31: a page a browser printed (tests/documents/browser-hyphens.pdf,
 * make_browser_hyphens.py, by Chromium, whose PDF's producer is Skia): a compound broken at its
 * only hyphen and written nowhere else keeps it ("well-" / "known"), and a word broken at a soft
 * hyphen, which Chromium prints as U+2010 after it, is rejoined ("over" / "grown"). Before:
 * "wellknown", "over\u2010 grown". */
Test(pdf, a_browser_s_page_keeps_its_compounds_and_undoes_its_own_breaks)
{
	expect_text(rl_read_pdf, "tests/documents/browser-hyphens.pdf",
	            "The shed by the pond is a well-known place for a chat, and its door has an "
	            "overgrown hedge and a rusty latch that nobody mends, though everybody "
	            "complains.\n\nThe shed by the pond is a fine place for a chat, and its door has "
	            "an overgrown hedge and a rusty latch that nobody mends, though everybody "
	            "complains.\n");
}

/* Stop 33: two columns of prose above a table across the page whose middle cells cross the
 * columns' gutter (tests/documents/columns-table.pdf, make_columns_table.py, printed by
 * Chromium): no gutter splits the page whole, so it is cut where a band in columns ends and each
 * band read alone. Before, the columns were read across, line by line ("If you cannot take your
 * turn, swap with another" / "Each member of the club crews the small ferry" / ...). */
Test(pdf, columns_above_a_table_across_the_page_are_read_down)
{
	expect_text(rl_read_pdf, "tests/documents/columns-table.pdf",
	            "The ferry rota\n\nEach member of the club crews the small ferry for one weekend "
	            "in the spring, and the duties are light enough for anyone who can tie a knot.\n\n"
	            "The rota is pinned inside the boathouse door, and the secretary sends a reminder "
	            "by post a week before each turn comes round.\n\nIf you cannot take your turn, "
	            "swap with another member and write both names on the sheet, so that the harbour "
	            "master knows whom to call.\n\nThe life jackets hang on the pegs by the slipway, "
	            "and the spare oars are kept under the bench in the boathouse.\n\nSaturday | "
	            "Ferry members across to the island and back | Flask\n\nSunday | Bail out the "
	            "boat and coil the ropes | Gloves\n");
}

/* Stop 30: a numbered list whose numbers are text (tests/documents/numbered.pdf,
 * make_fixtures.py): an item after a hanging line that ends a sentence at the column's edge, and
 * an item after the one numbered before it where it stands, is an item of its own. Before, each
 * item went on into the next ("... by the old stage. 2. Lock ...", "4. Tea towels 5. A mop"). */
Test(pdf, a_numbered_item_opens_its_paragraph)
{
	expect_text(rl_read_pdf, "tests/documents/numbered.pdf",
	            "Hall rules\n\nHirers agree to the points below, which the trust may change from "
	            "one season to the next.\n\n1. Leave the hall as you found it, with the chairs "
	            "stacked against the back wall by the old stage.\n\n2. Lock the side door and the "
	            "kitchen hatch, and switch off the urn and the lights in the porch.\n\n3. Hand the "
	            "key back to the clerk by the morning.\n\nBring your own:\n\n4. Tea towels\n\n"
	            "5. A mop\n\nThank you for looking after the hall for us all.\n");
}

/* Stop 31: a numbered list's first item right after a paragraph whose last line runs to the
 * column's edge and ends a sentence, its number where the paragraph's lines start
 * (tests/documents/list-start.pdf, make_fixtures.py): "2." below it tells. Before: "... leave an
 * hour later. 1. Fill the urn ...". */
Test(pdf, a_list_s_first_item_after_a_full_line_opens_its_paragraph)
{
	expect_text(rl_read_pdf, "tests/documents/list-start.pdf",
	            "Opening up\n\nWhoever opens the hall on a Saturday morning should come at nine "
	            "and leave an hour later.\n\n1. Fill the urn from the tap by the hatch and switch "
	            "it on at the wall.\n\n2. Set out the chairs in rows of ten.\n\nThe caretaker "
	            "locks up again at noon.\n");
}

/* Stop 31: a page's notes at its foot, between a paragraph's last line on the page and its next
 * on the next page (tests/documents/page-notes.pdf, make_fixtures.py), are read after the
 * paragraph. Before: "... the volunteers who 1 The pond was ... carried the soil ...". */
Test(pdf, a_page_s_notes_across_a_paragraph_s_page_break_are_read_after_it)
{
	expect_text(rl_read_pdf, "tests/documents/page-notes.pdf",
	            "Pond report\n\nThe pond by the shed was dug out in the spring, and the frogs came "
	            "back within a week of the rain. The committee thanks the volunteers who carried "
	            "the soil away in barrows, and the neighbours who lent their hoses.\n\n1 The pond "
	            "was first dug in the year the hut was built. 2 Frogspawn was seen again in "
	            "March.\n\nThe next work day is in May.\n");
}

/* Stop 30: a picture's caption, set smaller beside the short lines of a paragraph that flows
 * around the picture (tests/documents/caption.pdf, make_fixtures.py), is read after the
 * paragraph. Before, it cut the sentence: "... painted the walls" / "Figure 1. ..." / "a pale
 * green. ...". */
Test(pdf, a_caption_beside_a_paragraph_is_read_after_it)
{
	expect_text(rl_read_pdf, "tests/documents/caption.pdf",
	            "Kitchen news\n\nThe new kitchen in the hall opened last week, after a long winter "
	            "of work by the volunteers, who fitted the cupboards and the sink by hand and painted "
	            "the walls a pale green. The urn is now on the side by the hatch, and the old cooker "
	            "has gone for scrap.\n\nFigure 1. The kitchen, seen from the hatch.\n\n"
	            "Tea is served from ten on Saturdays.\n");
}

/* Stop 31: terms and their definitions (a <dl> printed; tests/documents/terms.pdf,
 * make_fixtures.py): a definition's last line, short and ending no sentence, then the next term
 * left of it, and a term shorter than the definitions' indent, are paragraphs apart. Before:
 * "Plot a strip of ground ... by the gate Half plot", "the same strip cut in two Seed swap". */
Test(pdf, a_term_and_its_definition_are_paragraphs_apart)
{
	expect_text(rl_read_pdf, "tests/documents/terms.pdf",
	            "Allotment words\n\nNew members ask about these words at every meeting of the "
	            "society, so here they are:\n\nPlot\n\na strip of ground let for a year at a "
	            "time, marked with a post at each corner and a number on the side by the gate\n\n"
	            "Half plot\n\nthe same strip cut in two\n\nSeed swap\n\nheld in the hut each "
	            "March, after the meeting of the whole society\n\nAsk the secretary about any "
	            "other word.\n");
}

/* Stop 28: tables whose first cell wraps over lines, the other cells one line each and the
 * figures aligned right (tests/documents/wrapped-cells.pdf, make_wrapped.py, by Chromium): the
 * first with the cells centred on their row, as a browser sets them, the second with them on
 * the row's first line, as a word processor does; the third's right column, aligned right,
 * wraps. Sorted by their tops, the cells beside the wrapped one came between its lines: "Runner
 * beans, a climbing 40", "8.00 kind that wants tall canes Compost, free of peat and made from
 * the garden's", "own waste Netting", "9 in the morning" before "Monday", "Closed 10 until 4,
 * and". Each cell is read whole, the wrapped one too, in its row's order (since stop 36 the row
 * a paragraph, its cells apart by " | "); a one-line
 * cell as wide as its column ("Onion sets, red and white") is no first line of the cell under
 * it, whose row's cells are centred on it. */
Test(pdf, a_wrapped_cell_is_read_whole_before_the_cells_beside_it)
{
	expect_text(rl_read_pdf, "tests/documents/wrapped-cells.pdf",
	            "Seed order\n\nItem | Qty | Price | Total\n\nSeed potatoes | 12 | 2.40 | 28.80\n\n"
	            "Onion sets, red and white | 3 | 1.15 | 3.45\n\n"
	            "Runner beans, a climbing kind that wants tall canes | 40 | 0.20 | 8.00\n\n"
	            "Compost, free of peat and made from the garden's own waste | 6 | 4.99 | 29.94\n\n"
	            "Netting | 1 | 11.50 | 11.50\n\nHire charges\n\nRoom | Per hour\n\n"
	            "Main hall | 18.00\n\n"
	            "Kitchen, with the urn, the cooker and the cups and saucers | 6.50\n\n"
	            "Garden | 4.00\n\nCharges are reviewed each spring.\n\nOpening\n\nMonday | "
	            "9 in the morning until noon, then 2 until 5\n\nWednesday | Closed\n\n"
	            "Saturday | 10 until 4, and until 6 in the summer months\n");
}

/* The same marks as another browser writes them (tests/documents/margins.pdf, make_fixtures.py):
 * "05.12.26, 05:21" and the title on its baseline, an https address, "Page 1 of 1"; two columns
 * 17 pt apart (under two line heights). Before, all four were paragraphs and the columns were
 * read across. */
Test(pdf, page_marks_of_one_page_and_a_narrow_gutter)
{
	expect_text(rl_read_pdf, "tests/documents/margins.pdf",
	            "The harbour master asks every owner of a mooring on the north wall to move their "
	            "boat to the visitors' pontoon by Friday. The wall is to be repointed next week.\n\n"
	            "Boats left on the wall will be moved by the harbour staff at the owner's risk. "
	            "Moorings will be free again from the first Monday of next month.\n");
}

/* A page as headless Chromium prints it (tests/documents/parish-v1.pdf, make_printed.py): the
 * headings, in a larger type, are paragraphs of their own; the list items, whose bullets are drawn
 * as shapes, are list items, even the one that fills its column and ends a sentence, and the
 * last one does not run into the paragraph after the list; the caption, in a smaller type, stands
 * alone. Before: each heading ran into the paragraph under it, items 1 and 2 were one paragraph,
 * and the last two items and the closing paragraph one more (a browser's line boxes overlap, so
 * only the spacing between paragraphs was taken for the leading). */
Test(pdf, a_printed_page_keeps_headings_and_drawn_bullet_items_apart)
{
	expect_text(rl_read_pdf, "tests/documents/parish-v1.pdf",
	            "Brackenford Parish News \xe2\x80\x94 Spring\n\n"
	            "The village hall roof\n\n"
	            "After three winters of buckets in the kitchen, the hall committee has agreed a "
	            "price with a roofer from Oakley. The work will start after the Easter fair and "
	            "should take five weeks, during which the hall will be closed to all bookings.\n\n"
	            "The committee thanks everyone who gave to the roof fund. The quiz night alone "
	            "raised \xc2\xa3" "640, and a grant from the district council covers half of the "
	            "cost.\n\n"
	            "Bookings while the hall is shut\n\n"
	            "- The toddler group will meet in the church vestry on Tuesday and Thursday "
	            "mornings.\n\n"
	            "- Pilates moves to the school gym.\n\n"
	            "- The parish council meets in the Red Lion back room.\n\n"
	            "The hall in 1952, the year the roof was last replaced.\n\n"
	            "Footpaths and stiles\n\n"
	            "The footpath from Mill Lane to the common has been cleared of brambles by the "
	            "volunteer group, who meet on the first Saturday of each month. New members are "
	            "always welcome and tools are provided.\n\n"
	            "Two stiles on the bridleway to Hollins Farm have been replaced with kissing gates, "
	            "which are easier for walkers with dogs.\n\n"
	            "Dates for the diary\n\n"
	            "- Easter fair on the green, Saturday 4 April, from ten o\xe2\x80\x99" "clock until "
	            "four.\n\n"
	            "- Annual parish meeting, Thursday 23 April.\n\n"
	            "- Plant sale at the school, Sunday 10 May.\n\n"
	            "Items for the summer issue should reach the editor by the end of May.\n");
}

/* More of what Chromium prints (tests/documents/printed-lists.pdf): numbers written as text, square
 * bullets and a nested list's circles drawn as shapes (the nested item is an item of its own,
 * not the end of "Compost bays"), and a quotation whose rule down its left side is ink but no
 * bullet. Before: no drawn item was marked, and the nested one ran into its parent. */
Test(pdf, printed_lists_nested_items_and_a_ruled_quotation)
{
	expect_text(rl_read_pdf, "tests/documents/printed-lists.pdf",
	            "The allotment rules were revised at the spring meeting. The changes are listed "
	            "below, with the committee's reasons where it gave them.\n\n"
	            "1. Every plot holder must keep the path beside their plot clear and cut the grass "
	            "on it.\n\n"
	            "2. Bonfires are allowed on Sundays only.\n\n"
	            "- Water butts are to be emptied and turned over before the frost.\n\n"
	            "- The shed key stays in the box by the gate.\n\n"
	            "- Compost bays\n\n"
	            "- Green waste only in the left bay.\n\n"
	            "- Woody waste in the right.\n\n"
	            "We want the site to be tidy without being fussy. Nobody will be asked to leave "
	            "over a few weeds. The rules are there for the plots that are left for a whole "
	            "season.\n\n"
	            "The chair, at the meeting.\n\n"
	            "The new rules apply from the first of May.\n");
}

Test(pdf, hostile_documents)
{
	expect_error(rl_read_pdf, "tests/hostile/encrypted.pdf", "the PDF is encrypted");
	expect_error(rl_read_pdf, "tests/hostile/truncated.pdf", "the PDF is truncated");
	expect_error(rl_read_pdf, "tests/documents/draft1.docx", "not a valid PDF");
	expect_error(rl_read_pdf, "tests/hostile/empty.txt", "not a valid PDF");
	char err[256];
	cr_assert_null(read_doc(rl_read_pdf, "tests/documents/bridge1.pdf", 1000, err, sizeof err));
	cr_assert_str_eq(err, "extracted text is over the size limit");
}

/* Word's numbering shapes (tests/documents/shapes.docx): w:lvlText with each level's number in its
 * own w:numFmt, from w:start; a level restarts under a new item above it. */
Test(docx, numbered_lists_as_word_shows_them)
{
	expect_text(rl_read_docx, "tests/documents/shapes.docx",
	            "Packing the tent\n\n"
	            "1. Shake out the groundsheet.\n\n"
	            "2. Fold the flysheet.\n\n"
	            "a) Along the seams.\n\n"
	            "b) Never when wet.\n\n"
	            "- Dry it at home.\n\n"
	            "3. Count the pegs.\n\n"
	            "A. Lakeside pitches\n\n"
	            "A.1. Near the jetty.\n\n"
	            "A.2. Behind the boathouse.\n\n"
	            "B. Hill pitches\n\n"
	            "(iv) the poles,\n\n"
	            "(v) the mallet.\n\n"
	            "Figures from the council\u2019s budget report.\n");
}

/* Symbols inserted from a symbol font (tests/documents/symbols.docx, stop 24): Word writes them as
 * w:sym (a font, a code in it), which was not read at all ("Hall booked", a tick or a cross
 * gone; "90 C"). Now the character drawn. Wingdings' smiling face (F04A) was its code as Word
 * stores it, U+F04A, until stop 26: now "☺"; a symbol of a font not known is still its code. */
Test(docx, symbols_from_symbol_fonts)
{
	expect_text(rl_read_docx, "tests/documents/symbols.docx",
	            "Before the fete\n\n"
	            "Hall booked \u2713\n\n"
	            "Caterer confirmed \u2717\n\n"
	            "Keep the urn at 90 \u00b0C or more.\n\n"
	            "Raffle prizes \u263a\n\n"
	            "Figures from the council\u2019s budget report.\n");
	char s[4];
	cr_assert_eq(rl_docx_sym("Symbol", "F061", s), 2);
	cr_assert(!memcmp(s, "\u03b1", 2));  /* Symbol's "a" is alpha */
	cr_assert_eq(rl_docx_sym("SYMBOL", "B1", s), 2);
	cr_assert(!memcmp(s, "\u00b1", 2));
	cr_assert_eq(rl_docx_sym("Symbol", "0031", s), 1);
	cr_assert_eq(s[0], '1');
	cr_assert_eq(rl_docx_sym("Wingdings", "zz", s), 0);
	cr_assert_eq(rl_docx_sym("Wingdings", NULL, s), 0);
	cr_assert_eq(rl_docx_sym(NULL, "0007", s), 0);  /* a control: nothing */
	cr_assert_eq(rl_docx_sym("Arial", "2665", s), 3);  /* a code point as it is: a heart */
	cr_assert(!memcmp(s, "\u2665", 3));
	cr_assert_eq(rl_docx_sym("Marlett", "F061", s), 3);  /* a font not known: its code */
	cr_assert(!memcmp(s, "\uf061", 3));
}

/* Stop 26: Symbol read whole (Adobe's Symbol encoding, as the public table of
 * github.com/mwilliamson/dingbat-to-unicode gives it), the pieces of drawn brackets and
 * integrals not read; Wingdings' faces, hands, stars and circled numbers read, its pictures
 * not (they were U+F0xx, a code on a terminal). */
Test(docx, symbol_whole_and_wingdings_pictures_dropped)
{
	static const struct {
		const char *font, *code, *want;
	} cases[] = {
		{"Symbol", "F0A0", "\u20ac"},      {"Symbol", "F0A9", "\u2665"},
		{"Symbol", "F0C6", "\u2205"},      {"Symbol", "F0D3", "\u00a9"},
		{"Symbol", "F0E4", "\u2122"},      {"Symbol", "F0DB", "\u21d4"},
		{"Symbol", "F0E1", "\u3008"},      {"Symbol", "F0F1", "\u3009"},
		{"Symbol", "F060", ""},            {"Symbol", "F0E6", ""},
		{"Symbol", "F0F4", ""},            {"Symbol", "F0FE", ""},
		{"Symbol", "F0BD", ""},            {"Symbol", "F080", ""},
		{"Wingdings", "F04A", "\u263a"},   {"Wingdings", "F04C", "\u2639"},
		{"Wingdings", "F04B", "\U0001F610"}, {"Wingdings", "F043", "\U0001F44D"},
		{"Wingdings", "F046", "\u261e"},   {"Wingdings", "F081", "\u2780"},
		{"Wingdings", "F08A", "\u2789"},   {"Wingdings", "F08C", "\u278a"},
		{"Wingdings", "F095", "\u2793"},   {"Wingdings", "F0AB", "\u2605"},
		{"Wingdings", "F0FC", "\u2713"},   {"Wingdings", "F02A", ""},
		{"Wingdings", "F051", ""},         {"Wingdings", "F0B7", ""},
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		char s[4];
		size_t n = rl_docx_sym(cases[k].font, cases[k].code, s);
		cr_assert_eq(n, strlen(cases[k].want), "%s %s", cases[k].font, cases[k].code);
		cr_assert(!memcmp(s, cases[k].want, n), "%s %s", cases[k].font, cases[k].code);
	}
}

/* Stop 25: four more symbol fonts. Zapf Dingbats by Unicode's rule (its Dingbats block, but
 * for the glyphs encoded before it); of Wingdings 2 and 3 and Webdings the glyphs of checklists
 * and bullets, as Unicode 7 encoded those fonts; their pictures are decorations, not read (0). */
Test(docx, symbols_of_four_more_fonts)
{
	static const struct {
		const char *font, *code, *want;
	} cases[] = {
		{"Wingdings 2", "F050", "\U0001F5F8"}, {"Wingdings 2", "F04F", "\U0001F5F4"},
		{"Wingdings 2", "F052", "\u2611"},     {"wingdings 2", "F054", "\u2612"},
		{"Wingdings 2", "F06A", "\u2460"},     {"Wingdings 2", "F073", "\u2469"},
		{"Wingdings 2", "F07E", "\u277f"},     {"Wingdings 2", "F098", "\u25cf"},
		{"Wingdings 3", "F075", "\u25b6"},     {"Wingdings 3", "F021", "\u2b60"},
		{"Webdings", "F061", "\u2714"},        {"Webdings", "F072", "\U0001F5D9"},
		{"Zapf Dingbats", "F021", "\u2701"},   {"ZapfDingbats", "F025", "\u260e"},
		{"ITC Zapf Dingbats", "F034", "\u2714"}, {"Zapf Dingbats", "F048", "\u2605"},
		{"Zapf Dingbats", "F0A8", "\u2663"},   {"Zapf Dingbats", "F0AC", "\u2460"},
		{"Zapf Dingbats", "F0B6", "\u2776"},   {"Zapf Dingbats", "F0D6", "\u2194"},
		{"Zapf Dingbats", "F0D8", "\u2798"},   {"Zapf Dingbats", "F0FE", "\u27be"},
		{"Zapf Dingbats", "F020", " "},
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		char s[4];
		size_t n = rl_docx_sym(cases[k].font, cases[k].code, s);
		cr_assert_eq(n, strlen(cases[k].want), "%s %s: %zu bytes", cases[k].font, cases[k].code, n);
		cr_assert(!memcmp(s, cases[k].want, n), "%s %s", cases[k].font, cases[k].code);
	}
	/* pictures and unused codes: nothing */
	static const char *const none[][2] = {{"Webdings", "F0D5"}, {"Wingdings 2", "F021"},
	                                      {"Wingdings 3", "F0C0"}, {"Zapf Dingbats", "F0F0"},
	                                      {"Zapf Dingbats", "F080"}};
	for (size_t k = 0; k < sizeof none / sizeof *none; k++) {
		char s[4];
		cr_assert_eq(rl_docx_sym(none[k][0], none[k][1], s), 0, "%s %s", none[k][0], none[k][1]);
	}
}

/* List numbers in each shape, at the edges: past z letters repeat (Word, ODF's letter sync) or
 * count on (ODF); roman numerals stop at 3999; below 1, decimals. */
Test(listnum, shapes_and_edges)
{
	static const struct {
		long k;
		char format;
		bool sync;
		const char *want;
	} cases[] = {
		{1, '1', false, "1"},      {42, '1', true, "42"},     {1, 'a', false, "a"},
		{26, 'a', false, "z"},     {27, 'a', false, "aa"},    {28, 'a', false, "ab"},
		{53, 'A', false, "BA"},    {27, 'a', true, "aa"},     {28, 'a', true, "bb"},
		{53, 'A', true, "AAA"},    {4, 'i', false, "iv"},     {9, 'I', false, "IX"},
		{1994, 'I', false, "MCMXCIV"}, {3999, 'i', false, "mmmcmxcix"}, {4000, 'i', false, "4000"},
		{0, 'a', false, "0"},      {0, 'i', false, "0"},      {5, '?', false, "5"},
		{1000000000L, 'a', true, "1000000000"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char got[RL_LISTNUM_MAX];
		rl_list_number(cases[i].k, cases[i].format, cases[i].sync, got);
		cr_expect_str_eq(got, cases[i].want, "%ld in %c", cases[i].k, cases[i].format);
	}
}

/* ---- ODT ---- */

Test(odt, paragraphs_lists_boxes_cells_line_breaks_and_notes)
{
	expect_text(rl_read_odt, "tests/documents/ferry1.odt",
	            "Ferry Timetable Changes\n\n"
	            "The harbour ferry will quietly leave at seven from the first of May.\n\n"
	            "- Tickets are sold on board.\n\n"
	            "- Bicycles travel free.\n\n"
	            "The crossing takes forty minutes. Dogs must stay on a lead.\n\n"
	            "Winter sailings are unchanged.\n\n"
	            "Timetables are free at the kiosk.\n\n"
	            "Weekdays | Hourly\n\n"
	            "Questions go to the harbour office.\nTelephone after noon.\n\n"
	            "In calm weather.\n");
}

/* Numbered lists (tests/documents/steps1.odt, written by make_fixtures.py): the numbers are those
 * the list styles show, in content.xml's automatic styles or in styles.xml; a nested list counts
 * its own level; a list continues another by style or by id; an item restarts the count; a list
 * header has no number; a list without a style and a bullet level are bullets. */
Test(odt, numbered_lists_as_their_styles_show_them)
{
	expect_text(rl_read_odt, "tests/documents/steps1.odt",
	            "Repotting a Fern\n\n"
	            "A fern outgrows its pot every second year or so.\n\n"
	            "1. Water the fern the day before.\n\n"
	            "2. Choose a pot one size larger.\n\n"
	            "a) Clay keeps the roots cool.\n\n"
	            "b) Plastic holds water longer.\n\n"
	            "- Drill more holes in it.\n\n"
	            "3. Loosen the root ball gently.\n\n"
	            "Once the old pot is off:\n\n"
	            "4. Set the fern at the same depth.\n\n"
	            "5. Fill around it with fresh compost.\n\n"
	            "Where it grows best:\n\n"
	            "B. In bright shade.\n\n"
	            "B.1. A north window will do.\n\n"
	            "B.2. Morning sun is fine.\n\n"
	            "C. Away from radiators.\n\n"
	            "Care through the year.\n\n"
	            "10. Feed it in spring.\n\n"
	            "11. Cut brown fronds at the base.\n\n"
	            "- Wear gloves: some ferns irritate the skin.\n\n"
	            "12. Repot again when roots show at the holes.\n\n"
	            "(i) the pot,\n\n"
	            "(ii) the compost,\n\n"
	            "(iii) the fern.\n");
}

/* Lists nested deeper than ODF's ten levels (and than the style defines): every item is read,
 * the levels without a number are bullets. */
Test(odt, lists_deeper_than_ten_levels)
{
	char err[256];
	char *got = read_doc(rl_read_odt, "tests/hostile/deep-lists.odt", 1 << 20, err, sizeof err);
	cr_assert_not_null(got, "%s", err);
	const char *start = "Deep.\n\n1. x\n\na) x\n\n- x\n\n- x\n\n";
	cr_assert_eq(strncmp(got, start, strlen(start)), 0, "%s", got);
	size_t items = 0;
	for (const char *p = got; (p = strstr(p, " x\n")); p++)
		items++;
	cr_assert_eq(items, 60, "%s", got);
	free(got);
}

Test(odt, tracked_changes_are_taken_as_accepted)
{
	char err[256];
	char *got = read_doc(rl_read_odt, "tests/documents/ferry2.odt", 1 << 20, err, sizeof err);
	cr_assert_not_null(got, "%s", err);
	/* The deleted word lives in text:tracked-changes: it is gone; the insertion is kept. */
	cr_assert_not_null(strstr(got, "The harbour ferry will leave at seven and at nine from"), "%s", got);
	cr_assert_null(strstr(got, "quietly"), "%s", got);
	free(got);
}

Test(odt, hostile_documents)
{
	expect_error(rl_read_odt, "tests/hostile/truncated.docx", "not a valid zip archive");
	expect_error(rl_read_odt, "tests/documents/draft1.docx", "no content.xml");
	expect_error(rl_read_odt, "tests/documents/orchard1.epub", "no content.xml");
	char err[256];
	cr_assert_null(read_doc(rl_read_odt, "tests/documents/ferry1.odt", 50, err, sizeof err));
	cr_assert_str_eq(err, "extracted text is over the size limit");
}

/* ---- EPUB ---- */

Test(epub, chapters_in_spine_order)
{
	expect_text(rl_read_epub, "tests/documents/orchard1.epub",
	            "Spring\n\n"
	            "The apple trees flowered late this year, after a cold March.\n\n"
	            "We counted twelve hives along the south wall.\n\n"
	            "\u201CBees do not hurry for anyone.\u201D\n\n"
	            "- Prune before the buds open.\n\n"
	            "- Mulch the young trees.\n\n"
	            "Autumn\n\n"
	            "The harvest filled ninety crates.\nMost went to the cider press.\n\n"
	            "The last pears were picked in\u00A0October.\n");
}

Test(epub, hostile_documents)
{
	expect_error(rl_read_epub, "tests/hostile/truncated.docx", "not a valid zip archive");
	expect_error(rl_read_epub, "tests/documents/draft1.docx", "no META-INF/container.xml");
	expect_error(rl_read_epub, "tests/hostile/zip-bomb.docx", "no META-INF/container.xml");
	char err[256];
	cr_assert_null(read_doc(rl_read_epub, "tests/documents/orchard1.epub", 50, err, sizeof err));
	cr_assert_str_eq(err, "extracted text is over the size limit");
}

/* A report set by groff's -ms macros (tests/documents/harbour-report-v2.pdf, made with
 * `groff -ms -Tpdf harbour-report-v2.ms`): a numbered heading in the body's type stops short
 * with no sentence end and the paragraph under it starts indented; a list item's bullet is set
 * alone, its text a cell's gap to its right on the same baseline; the page's number in its foot
 * is not text. Before: "1. Summary of the year
 * The harbour handled ...", and each bullet "•" a paragraph of its own above its item. */
Test(pdf, groff_headings_and_bullets_set_apart_from_their_text)
{
	char err[256];
	char *got = read_doc(rl_read_pdf, "tests/documents/harbour-report-v2.pdf", 1 << 20, err,
	                     sizeof err);
	cr_assert_not_null(got, "%s", err);
	cr_assert_not_null(strstr(got, "\n\n1. Summary of the year\n\nThe harbour handled 1,311 "),
	                   "%s", got);
	cr_assert_not_null(strstr(got, "\n\n2. Safety\n\nThere were two"), "%s", got);
	cr_assert_not_null(strstr(got, "for 2025 are:\n\n- replacement of the north pontoon, subject "
	                               "to a successful grant application;\n\n- a review of harbour "
	                               "dues for leisure craft;\n\n- dredging of the inner basin"),
	                   "%s", got);
	cr_assert_null(strstr(got, "\xE2\x80\xA2"), "%s", got);
	/* The macros' foot, "Page 1" (.ds CF Page %), on the report's one page: dropped (stop 24). */
	cr_assert_null(strstr(got, "Page 1"), "%s", got);
	free(got);
}

/* Footnote marks set smaller and raised (tests/documents/weir-notes.pdf, made with
 * `groff -ms -Tpdf weir-notes.ms`): dropped, as the docx reader drops a note's reference, where
 * they ran into the word before them ("1871.1", "later,2", "race3"), and the note's own mark set
 * left of its text (a paragraph "1" above the note); a unit's power after a one-letter unit
 * ("m2") is no note's mark and stays. */
Test(pdf, footnote_marks_are_not_glued_to_their_words)
{
	char err[256];
	char *got = read_doc(rl_read_pdf, "tests/documents/weir-notes.pdf", 1 << 20, err, sizeof err);
	cr_assert_not_null(got, "%s", err);
	cr_assert_not_null(strstr(got, "the flood of 1871. Its fish pass was added a century later, "
	                               "and the keeper"), "%s", got);
	cr_assert_not_null(strstr(got, "about 40 m2 at low water, and the mill race still runs"),
	                   "%s", got);
	cr_assert_not_null(strstr(got, "\n\nCounty records, box 14, minutes of the river board.\n\n"
	                               "A survey of 1978"), "%s", got);
	cr_assert_null(strstr(got, "\n1\n"), "%s", got);
	free(got);
}
