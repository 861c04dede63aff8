/* Tests for src/doc/: format detection, the HTML and Markdown readers, page furniture (--body,
 * -I), and the text a side becomes (rl_doc_prepare, offsets mapped back). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "doc/doc.h"
#include "doc/formats.h"
#include "fixtures.h"
#include "status.h"

#define BIG ((size_t)1 << 30)

static rl_docfmt detect(const char *s)
{
	return rl_doc_detect(s, strlen(s));
}

/* A zip whose first member is a stored file `name` holding `body`, then `tail` bytes. */
static size_t zip_bytes(char *buf, const char *name, const char *body, const char *tail)
{
	size_t nl = strlen(name), bl = strlen(body), tl = strlen(tail);
	unsigned char h[30] = {'P', 'K', 3, 4, 20, 0};
	h[18] = (unsigned char)bl, h[22] = (unsigned char)bl;  /* sizes */
	h[26] = (unsigned char)nl;
	memcpy(buf, h, 30);
	memcpy(buf + 30, name, nl);
	memcpy(buf + 30 + nl, body, bl);
	memcpy(buf + 30 + nl + bl, tail, tl);
	return 30 + nl + bl + tl;
}

Test(detect, containers_by_their_members)
{
	char buf[512];
	size_t n = zip_bytes(buf, "mimetype", "application/vnd.oasis.opendocument.text", "");
	cr_assert_eq(rl_doc_detect(buf, n), RL_DOCFMT_ODT);
	n = zip_bytes(buf, "mimetype", "application/epub+zip", "");
	cr_assert_eq(rl_doc_detect(buf, n), RL_DOCFMT_EPUB);
	n = zip_bytes(buf, "[Content_Types].xml", "<x/>", "PK\3\4....word/document.xml");
	cr_assert_eq(rl_doc_detect(buf, n), RL_DOCFMT_DOCX);
	/* A spreadsheet, a presentation, any other zip: not a document we read. */
	n = zip_bytes(buf, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "");
	cr_assert_eq(rl_doc_detect(buf, n), RL_DOCFMT_TEXT);
	n = zip_bytes(buf, "xl/workbook.xml", "<x/>", "");
	cr_assert_eq(rl_doc_detect(buf, n), RL_DOCFMT_TEXT);
	cr_assert_eq(rl_doc_detect("PK\3\4", 4), RL_DOCFMT_TEXT);
	/* A header cut inside the member's name (found by fuzz_doc): an exact-size copy, so that
	 * AddressSanitizer sees a read past it. */
	n = zip_bytes(buf, "mimetype", "application/epub+zip", "");
	char *cut = malloc(33);
	memcpy(cut, buf, 33);
	cr_assert_eq(rl_doc_detect(cut, 33), RL_DOCFMT_TEXT);
	free(cut);
}

Test(detect, pdf_html_markdown_and_text)
{
	cr_assert_eq(detect("%PDF-1.7\n%\xe2\xe3\n1 0 obj"), RL_DOCFMT_PDF);
	cr_assert_eq(detect("<!DOCTYPE html>\n<p>hi"), RL_DOCFMT_HTML);
	cr_assert_eq(detect("\xef\xbb\xbf  <!-- saved page -->\n<HTML lang=en><body>x"), RL_DOCFMT_HTML);
	cr_assert_eq(detect("<head><title>x</title></head>"), RL_DOCFMT_HTML);
	cr_assert_eq(detect("# Notes\n\nSee [the report](http://example.org).\n"), RL_DOCFMT_MARKDOWN);
	cr_assert_eq(detect("Intro\n=====\n\nSome **bold** words.\n"), RL_DOCFMT_MARKDOWN);
	/* A heading and emphasis alone, with stars or underscores. */
	cr_assert_eq(detect("# Minutes\n\nThe vote was *not* unanimous.\n"), RL_DOCFMT_MARKDOWN);
	cr_assert_eq(detect("## Reading\n\nWe read _Hamlet_, then lunch.\n"), RL_DOCFMT_MARKDOWN);
	/* Plain text stays plain text: one construct alone, or a tag merely mentioned. */
	cr_assert_eq(detect("# a comment\nkey = value\n# another\n"), RL_DOCFMT_TEXT);
	cr_assert_eq(detect("The <html> tag opens a page.\n"), RL_DOCFMT_TEXT);
	cr_assert_eq(detect("<htmlish> is not a tag we know\n"), RL_DOCFMT_TEXT);
	cr_assert_eq(detect("He said [sic] and left (quietly).\n"), RL_DOCFMT_TEXT);
	/* Prose with asterisks that are not emphasis, even beside a heading-like line. */
	cr_assert_eq(detect("# 3 rooms booked\nThe fee* is 5 * 3 euros.\n* terms apply\n"),
	             RL_DOCFMT_TEXT);
	cr_assert_eq(detect("# todo\nrename my_old_name and fix a*b*c\n"), RL_DOCFMT_TEXT);
	/* Emphasis alone is one construct: prose with one *sigh* stays text; beside a heading only. */
	cr_assert_eq(detect("She paused. *sigh* Then she went on.\n"), RL_DOCFMT_TEXT);
	cr_assert_eq(detect("See [the page](x.html) about the *old* light.\n"), RL_DOCFMT_TEXT);
	cr_assert_eq(detect(""), RL_DOCFMT_TEXT);
	/* Stop 23: front matter and a footnote are kinds of construct too (a Jekyll post with
	 * headings and notes was plain text); one of them alone is not enough. */
	cr_assert_eq(detect("---\ntitle: Roof\ndate: 2024-03-01\n---\n\n# Roof\n\nIt leaks.\n"),
	             RL_DOCFMT_MARKDOWN);
	cr_assert_eq(detect("# Roof\n\nIt leaks.[^1]\n\n[^1]: Since January.\n"), RL_DOCFMT_MARKDOWN);
	cr_assert_eq(detect("---\ntitle: Roof\n---\nIt leaks.\n"), RL_DOCFMT_TEXT);
	cr_assert_eq(detect("[^a-z]: one letter\n"), RL_DOCFMT_TEXT);
	/* Binary content is left to the binary check. */
	cr_assert_eq(rl_doc_detect("<html>\0<body>", 13), RL_DOCFMT_TEXT);
	/* Stop 36: a heading and a pipe table (its delimiter row under a line with a pipe) are two
	 * kinds; an org-mode rule ("|---+---|") is no delimiter row, nor is a rule under no pipe. */
	cr_assert_eq(detect("# Report\n\n| Stretch | Cost |\n|---|--:|\n| Mill path | 655 |\n"),
	             RL_DOCFMT_MARKDOWN);
	cr_assert_eq(detect("# Report\n\n| Stretch | Cost |\n|---+---|\n| Mill path | 655 |\n"),
	             RL_DOCFMT_TEXT);
	cr_assert_eq(detect("# Report\n\nStretch and cost\n|---|---|\n"), RL_DOCFMT_TEXT);
}

/* Wikitext (a wiki page's source) is plain text: its "# " lines are a numbered list and a wiki
 * link before a bracket is no Markdown link. Both used to make it Markdown, and the Markdown
 * reader then rewrote the text that was compared. */
Test(detect, wikitext_is_text)
{
	cr_assert_eq(detect("Villages of the parish:\n# North Ford\n# [[Eastwick]] (the mill)\n"
	                    "# Harrow End\n\nThe '''ferry''' runs from [[Harbour]](east quay).\n"),
	             RL_DOCFMT_TEXT);
	cr_assert_eq(detect("== History ==\n# [[Old Quay]](1840)\n# [[New Quay]](1902)\n"),
	             RL_DOCFMT_TEXT);
	/* Headings of one level apart from each other, or of two levels in a row, still count. */
	cr_assert_eq(detect("# Minutes\n## Present\nSee [the list](list.md).\n"), RL_DOCFMT_MARKDOWN);
	cr_assert_eq(detect("# Minutes\n\nText.\n\n# Votes\n\nSee [it](v.md).\n"),
	             RL_DOCFMT_MARKDOWN);
	cr_assert_eq(detect("Intro [a](b.md) then [[Wiki]](x).\n# Notes\n"), RL_DOCFMT_MARKDOWN);
}

/* Plain-text documentation quotes `like this' and writes code inline: "`caret' plus `X'" is no
 * code span and "$foo[10]('foo')" no link. Both made a Perl manual page Markdown, and --json's
 * byte ranges then pointed into the rewritten text, not into the file. */
Test(detect, quotes_and_subscripts_are_text)
{
	cr_assert_eq(detect("It is written $foo[10]('foo'). Then\n"
	                    "the sequence `caret' plus `X'. When\n"),
	             RL_DOCFMT_TEXT);
	cr_assert_eq(detect("Use list_2[0](x) here.\nPress `Q' or `quit', then `y'.\n"),
	             RL_DOCFMT_TEXT);
	/* A real code span or link beside a quotation still counts. */
	cr_assert_eq(detect("Type `q' or `exit` to leave.\nSee [the page](x.html).\n"),
	             RL_DOCFMT_MARKDOWN);
	cr_assert_eq(detect("The `'a'` literal.\nSee $x and [the page](x.html).\n"),
	             RL_DOCFMT_MARKDOWN);
	cr_assert_eq(detect("[Start](a.md) with `it's` quoted.\n"), RL_DOCFMT_MARKDOWN);
	/* A power is no strong emphasis: "2**63" beside a code span is still plain text. */
	cr_assert_eq(detect("It holds from -2**63 to 2**63-1.\nThe `pwd` call.\n"), RL_DOCFMT_TEXT);
	cr_assert_eq(detect("It is **very** big.\nThe `pwd` call.\n"), RL_DOCFMT_MARKDOWN);
}

Test(detect, format_names)
{
	rl_docfmt f;
	const char *names[] = {"text", "html", "markdown", "docx", "odt", "epub", "pdf"};
	for (size_t k = 0; k < 7; k++) {
		cr_assert_eq(rl_doc_format_parse(names[k], &f), 0);
		cr_assert_str_eq(rl_doc_format_name(f), names[k]);
	}
	cr_assert_eq(rl_doc_format_parse("md", &f), 0);
	cr_assert_eq(f, RL_DOCFMT_MARKDOWN);
	cr_assert_eq(rl_doc_format_parse("word", &f), -1);
}

/* ------------------------------------------------------------------ HTML */

static char *markdown(const char *s);
static const char *style_of(const char *text, const rl_doc_styles *st, const char *word);
static char *styled_markdown(const char *md, const char *expected, rl_doc_styles *st);
static void read_alike(const char *a, const char *b, const char *expected);

static char *html(const char *s, int reader)
{
	char *out = NULL, err[256];
	size_t n;
	int rc = rl_read_html(s, strlen(s), reader, BIG, &out, &n, err, sizeof err);
	cr_assert_eq(rc, 0, "%s", err);
	cr_assert_eq(strlen(out), n);
	return out;
}

/* Stop 36: a table's row of data is one paragraph, its cells apart by " | " (an empty cell
 * adds none, a cell's paragraphs and line breaks are spaces), as every reader reads a row; a
 * row of a page laid out in a table (a heading, a list in a cell) keeps its paragraphs. */
Test(html, a_row_of_data_is_a_paragraph_a_row_of_a_page_s_layout_is_not)
{
	char *t = html("<table><tr><th>Stretch</th><th></th><th>Cost</th></tr>"
	               "<tr><td><p>Mill</p><p>path</p></td><td>x<br>y</td><td>\xc2\xa3" "655</td>"
	               "</tr></table><table><tr><td><h2>News</h2><p>First story.</p></td>"
	               "<td><ul><li>Home</li></ul></td></tr></table>", 0);
	cr_assert_str_eq(t, "Stretch | Cost\n\nMill path | x y | \xc2\xa3" "655\n\n"
	                    "News\n\nFirst story.\n\n- Home\n", "%s", t);
	free(t);
}

Test(html, structure_becomes_text)
{
	char *t = html("<html><body><h1>Title</h1><p>One &amp; two&#8217;s <b>bold</b>\n  words"
	               "<br>next line</p><ul><li>first</li><li>second</li></ul>"
	               "<ol start=\"4\"><li>four</li><li>five</li></ol>"
	               "<blockquote><p>Quoted words.</p></blockquote>"
	               "<blockquote><p>\xe2\x80\x9c" "Already quoted.\xe2\x80\x9d</p></blockquote>"
	               "<table><tr><td>a</td><td>b</td></tr></table><pre>x  =\n  1</pre></body></html>",
	               0);
	cr_assert_str_eq(t, "Title\n\nOne & two\xe2\x80\x99s bold words\nnext line\n\n- first\n\n"
	                    "- second\n\n4. four\n\n5. five\n\n\xe2\x80\x9c" "Quoted words.\xe2\x80\x9d\n\n"
	                    "\xe2\x80\x9c" "Already quoted.\xe2\x80\x9d\n\na | b\n\nx  =\n  1\n");
	free(t);
}

Test(html, code_hidden_and_furniture_dropped)
{
	const char *page =
		"<html><head><title>T</title><style>p{}</style></head><body>"
		"<script>var s = 'SCRIPT';</script><nav><a href=/>Home</a></nav>"
		"<header>Site name</header><form>Search</form><aside>Side</aside>"
		"<p hidden>Hidden one</p><p aria-hidden=\"true\">Hidden two</p>"
		"<p style=\"color: red; DISPLAY : none\">Hidden three</p><p>Visible.</p>"
		"<footer>Copyright</footer><noscript>Enable JS</noscript></body></html>";
	char *t = html(page, 1);
	cr_assert_str_eq(t, "Visible.\n");
	free(t);
	/* --no-extract: every text node, but code is never text. */
	t = html(page, 0);
	cr_assert_not_null(strstr(t, "Home"));
	cr_assert_not_null(strstr(t, "Hidden three"));
	cr_assert_not_null(strstr(t, "Copyright"));
	cr_assert_null(strstr(t, "SCRIPT"));
	cr_assert_null(strstr(t, "Enable JS"));
	free(t);
}

Test(html, reader_mode_finds_the_article)
{
	char *page = fixture_read("tests/documents/news-v1.html", NULL);
	char *t = html(page, 1);
	cr_assert_eq(strncmp(t, "Library reopens after flood repairs\n\nBy Dana Whitcombe\n\n", 56), 0,
	             "%s", t);
	cr_assert_not_null(strstr(t, "\xe2\x80\x9cWe lost about four thousand books"));
	cr_assert_not_null(strstr(t, "- Two new study rooms on the first floor\n"));
	cr_assert_not_null(strstr(t, "Saturday | 10 am to 4 pm"));
	const char *absent[] = {"Skip to content", "Sport", "Most read", "Bakery", "Copyright",
	                        "Subscribe", "SECRET", "Hidden text", "Courier"};
	for (size_t k = 0; k < sizeof absent / sizeof *absent; k++)
		cr_assert_null(strstr(t, absent[k]), "%s is in the article", absent[k]);
	free(t);
	free(page);
}

Test(html, headline_outside_the_article_block)
{
	char body[2048] = "<html><body><nav>a b c</nav><h1>The headline</h1><div id=x>";
	for (int k = 0; k < 4; k++)
		strcat(body, "<p>A paragraph of the story, long enough to count as prose in a page.</p>");
	strcat(body, "</div><div><a href=1>Other story one</a> <a href=2>Other two</a></div></body>");
	char *t = html(body, 1);
	cr_assert_eq(strncmp(t, "The headline\n\nA paragraph", 25), 0, "%s", t);
	cr_assert_null(strstr(t, "Other story"));
	free(t);
}

/* Stop 27: a documentation page's title block, <header class="title"><h1>, before the article
 * (npm's pages): a page's header is furniture, so the title was never read, and the page
 * against its own Markdown showed its title deleted. A header that holds a menu is a site's
 * masthead, and a heading that is a link home is a site's name: neither is read. */
Test(html, a_title_in_a_header_before_the_article)
{
	static const char *const heads[] = {
		"<header class=title><h1><span>npm-install</span> <span>@11</span></h1>"
		"<span>Install a package</span></header>",
		"<header><h1>Site name</h1><nav><a href=/>Home</a></nav></header>",
		"<header><h1><a href=/>Site name</a></h1></header>",
	};
	for (size_t h = 0; h < 3; h++) {
		char body[2048] = "<html><body><section>";
		strcat(body, heads[h]);
		strcat(body, "<div id=x>");
		for (int k = 0; k < 4; k++)
			strcat(body, "<p>A paragraph of the page, long enough to count as prose in it.</p>");
		strcat(body, "</div></section></body></html>");
		char *t = html(body, 1);
		if (h == 0)
			cr_assert_eq(strncmp(t, "npm-install @11\n\nA paragraph", 28), 0, "%s", t);
		else
			cr_assert_eq(strncmp(t, "A paragraph", 11), 0, "%zu: %s", h, t);
		cr_assert_null(strstr(t, "Install a package"));
		free(t);
	}
}

/* Stop 27: two listings in one <pre> (Node's pages: an example as ES modules and as CommonJS,
 * a toggle showing one) are two code blocks, as in the Markdown they come from; before, they
 * read glued, "'node:url';const" one word. Code and its spans inside one listing stay one. */
Test(html, two_listings_in_one_pre_are_two_blocks)
{
	char *t = html("<pre><input type=checkbox><code class=mjs>import url from 'node:url';</code>"
	               "<code class=cjs>const url = require('node:url');</code></pre>"
	               "<pre><code>a <b>b</b>  c</code></pre><pre>x <code>y</code> <code>z</code></pre>", 0);
	cr_assert_str_eq(t, "import url from 'node:url';\n\nconst url = require('node:url');\n\n"
	                    "a b  c\n\nx y z\n", "%s", t);
	free(t);
}

/* What a reader of the page does not read as words: a note's reference mark (the note stays),
 * the description of an image standing alone (its figure's caption is read; stop 23: an
 * uncaptioned one's description is not read either, as a reader sees the picture), a "Read
 * more:" link to another story. Kept: a superscript that is not a link (m<sup>2</sup>), a
 * paragraph that is a link with a longer lead. --no-extract keeps them all. */
Test(html, note_marks_captioned_images_and_read_more_links_are_not_words)
{
	const char *page =
	    "<html><body><article><h1>Pond</h1>"
	    "<p>The pond covers 40 m<sup>2</sup> and cost \xc2\xa3" "900.<sup><a href=\"#n1\">1</a></sup> "
	    "It was dug in May.<a href=\"#n2\"><sup>[2]</sup></a></p>"
	    "<figure><img src=p.jpg alt=\"A pond with reeds\"><figcaption>The new pond in June."
	    "</figcaption></figure>"
	    "<p><img src=d.png alt=\"Diagram of the liner\"></p>"
	    "<p><strong>Read more:</strong> <a href=\"/frogs\">Frogs return to the marsh</a></p>"
	    "<p>Our full guide to wildlife ponds is here: <a href=\"/guide\">the guide</a></p>"
	    "<ol><li id=n1>From the invoice.</li><li id=n2>After the frost.</li></ol>"
	    "</article></body></html>";
	char *t = html(page, 1);
	cr_assert_str_eq(t, "Pond\n\nThe pond covers 40 m2 and cost \xc2\xa3" "900. It was dug in May.\n\n"
	                    "The new pond in June.\n\n"
	                    "Our full guide to wildlife ponds is here: the guide\n\n"
	                    "1. From the invoice.\n\n2. After the frost.\n");
	free(t);
	t = html(page, 0);
	cr_assert_not_null(strstr(t, "900.1 It was dug in May.[2]"), "%s", t);
	cr_assert_not_null(strstr(t, "A pond with reeds"), "%s", t);
	cr_assert_not_null(strstr(t, "Diagram of the liner"), "%s", t);
	cr_assert_not_null(strstr(t, "Read more: Frogs return"), "%s", t);
	free(t);
}

/* Stop 23: an image in a line of text stands for a word (an emoji a site draws as an image, a
 * formula, inside a link or emphasis too) and its description is read; one standing alone
 * between paragraphs, in a link or a <picture>, captioned or not, is not: its description
 * was read as a paragraph of its own, paired with a standfirst or caption the other copy had. */
Test(html, only_an_image_in_running_text_is_read_as_its_description)
{
	const char *page =
	    "<html><body><article><h1>Tide tables</h1>"
	    "<p>The new tables are out <img class=emoji alt=\"\xf0\x9f\x8e\x89\" src=e.svg> at last.</p>"
	    "<p>Where <em><img alt=\"h\" src=h.png></em> is the height, in metres.</p>"
	    "<p><a href=\"/big.jpg\"><picture><img alt=\"The harbour wall at high water\" src=w.jpg>"
	    "</picture></a></p>"
	    "<img alt=\"A chart of the spring tides\" src=c.png>"
	    "<ul><li><img alt=\"Tick\" src=t.png></li><li>Printed copies at the library.</li></ul>"
	    "</article></body></html>";
	char *t = html(page, 1);
	cr_assert_str_eq(t, "Tide tables\n\nThe new tables are out \xf0\x9f\x8e\x89 at last.\n\n"
	                    "Where h is the height, in metres.\n\n"
	                    "- Printed copies at the library.\n", "%s", t);
	free(t);
	t = html(page, 0);
	cr_assert_not_null(strstr(t, "The harbour wall at high water"), "%s", t);
	cr_assert_not_null(strstr(t, "A chart of the spring tides"), "%s", t);
	free(t);
}

/* Stop 34: read with 2 (rl_doc_prepare_pair asks so when the other side lacks them), an
 * article's header drops its kicker, byline and date, and keeps its headline, its standfirst (a
 * sentence, though it holds a link), and a heading that begins "By"; a byline between the
 * headline and the article's block goes too. Read with 1, all are read, as before. */
Test(html, an_article_s_kicker_byline_and_date_are_its_furniture)
{
	char page[4096] = "<html><body><main><article><header>"
	                  "<a class=kicker href=/coast>Coast</a><h1>The sea wall</h1>"
	                  "<p>The council found the money for <a href=/w>the wall</a> at last.</p>"
	                  "<div class=story-byline>By <a href=/a>Ann Lee</a>, Coast correspondent"
	                  "</div>"
	                  "<time datetime=2026-11-30>30 November 2026</time></header>";
	for (int k = 0; k < 4; k++)
		strcat(page, "<p>A paragraph of the story, long enough to count as prose in a page.</p>");
	strcat(page, "<h2>By the river</h2><p>The path by the river is shut.</p></article></main>"
	             "</body></html>");
	char *t = html(page, 2);
	const char *opening = "The sea wall\n\nThe council found the money for the wall at last."
	                      "\n\nA paragraph";
	cr_assert_eq(strncmp(t, opening, strlen(opening)), 0, "%s", t);
	cr_assert_not_null(strstr(t, "\nBy the river\n"), "%s", t);
	const char *absent[] = {"Coast", "Ann Lee", "November"};
	for (size_t k = 0; k < sizeof absent / sizeof *absent; k++)
		cr_assert_null(strstr(t, absent[k]), "%s is read:\n%s", absent[k], t);
	free(t);
	t = html(page, 1);
	cr_assert_eq(strncmp(t, "Coast\n\nThe sea wall\n\n", 21), 0, "%s", t);
	cr_assert_not_null(strstr(t, "\nBy Ann Lee, Coast correspondent\n\n30 November 2026\n"),
	                   "%s", t);
	free(t);

	char body[2048] = "<html><body><div class=post><h1>The headline</h1>"
	                  "<div class=meta>Ann Lee, The Courier | 3 May</div><div class=entry>";
	for (int k = 0; k < 4; k++)
		strcat(body, "<p>A paragraph of the story, long enough to count as prose in a page.</p>");
	strcat(body, "</div></div></body>");
	t = html(body, 2);
	cr_assert_eq(strncmp(t, "The headline\n\nA paragraph", 25), 0, "%s", t);
	free(t);
}

/* Stop 35: an article with no <header>, its byline set below its headline and standfirst
 * (walkway-v1.html's shape): read with 2, the byline goes as a header's would; the standfirst
 * (a sentence), a "By" heading and a byline-like line further down the story stay. Read with
 * 1, all are read. Before, only a <header>'s lines were the article's furniture. */
Test(html, a_byline_right_after_the_headline_is_the_article_s_furniture)
{
	char page[4096] = "<html><body><main><article><h1>The lock keeper</h1>"
	                  "<p class=standfirst>She worked the flight for forty years.</p>"
	                  "<p class=byline>By <a href=/o>Owen Tre</a>, Waterways reporter</p>";
	for (int k = 0; k < 4; k++)
		strcat(page, "<p>A paragraph of the story, long enough to count as prose in a page.</p>");
	strcat(page, "<h2>By the top lock</h2><p class=byline>By Ann Lee, a boater</p>"
	             "<p>The end of the story.</p></article></main></body></html>");
	char *t = html(page, 2);
	const char *opening = "The lock keeper\n\nShe worked the flight for forty years.\n\n"
	                      "A paragraph";
	cr_assert_eq(strncmp(t, opening, strlen(opening)), 0, "%s", t);
	cr_assert_null(strstr(t, "Owen"), "%s", t);
	cr_assert_not_null(strstr(t, "\nBy the top lock\n\nBy Ann Lee, a boater\n"), "%s", t);
	free(t);
	t = html(page, 1);
	cr_assert_not_null(strstr(t, "forty years.\n\nBy Owen Tre, Waterways reporter\n\n"), "%s",
	                   t);
	free(t);
}

/* A syndicated copy's template: the headline, then its byline and share buttons, then the
 * article's block. The byline is read (it is the page's), the share links are not. Before:
 * everything between the headline and the block was dropped. */
Test(html, byline_between_the_headline_and_the_article_block)
{
	char body[2048] = "<html><body><div class=post><h1>The headline</h1>"
	                  "<div class=meta>Ann Lee, The Courier | 3 May</div>"
	                  "<div class=share><a href=1>Share on Facebook</a> <a href=2>Email</a></div>"
	                  "<div class=entry>";
	for (int k = 0; k < 4; k++)
		strcat(body, "<p>A paragraph of the story, long enough to count as prose in a page.</p>");
	strcat(body, "</div></div><div><a href=1>Other story one</a></div></body>");
	char *t = html(body, 1);
	cr_assert_eq(strncmp(t, "The headline\n\nAnn Lee, The Courier | 3 May\n\nA paragraph", 55), 0,
	             "%s", t);
	cr_assert_null(strstr(t, "Share"), "%s", t);
	cr_assert_null(strstr(t, "Other story"));
	free(t);
}

/* A site's widgets inside the article block, named so by their class or id (a blog's share
 * buttons, likes, related posts and tags, an advertisement, a newsletter box), text for screen
 * readers alone, an empty list item and a "Read more:" division are not words. Before, each was
 * read as the article's text: "Share this:", "- Twitter", a lone "- ", "Like Loading...", the
 * related posts' titles and dates. A wrapper named so that holds half the text or more (a story
 * filed under "social") is read: the name alone never drops the story. */
Test(html, widgets_named_by_class_are_not_the_article)
{
	char body[4096] = "<html><body><article><h1>Pear tree</h1><div class=entry-content>";
	for (int k = 0; k < 3; k++)
		strcat(body, "<p>A paragraph of the story, long enough to count as prose in a page.</p>");
	strcat(body,
	       "<ul><li>saw;</li><li>loppers.</li></ul>"
	       "<p>Posted <span class=screen-reader-text>Continue reading</span>in May.</p>"
	       "<div class=\"sharedaddy sd-sharing-enabled\"><h3>Share this:</h3><ul>"
	       "<li><a href=t>Twitter</a></li><li class=share-end></li></ul></div>"
	       "<div class=\"sd-block sd-like\"><h3>Like this:</h3>Like Loading...</div>"
	       "<div id=jp-relatedposts><p><a href=g>Planting garlic</a><br>November 2, 2025 in the "
	       "vegetable garden</p></div><div class=ad-slot>Advertisement</div>"
	       "<aside-like class=newsletter-box>Sign up for our letters</aside-like>"
	       "<p class=tags-links>Tagged pear, pruning</p>"
	       "<div><b>READ MORE:</b> <a href=o>Another story</a></div>"
	       "<ul><li><ul><li>nested only</li></ul></li><li> </li></ul>"
	       "</div></article></body></html>");
	char *t = html(body, 1);
	cr_assert_eq(strncmp(t, "Pear tree\n\nA paragraph", 22), 0, "%s", t);
	cr_assert_not_null(strstr(t, "prose in a page.\n\n- saw;\n\n- loppers.\n\nPosted in May."
	                             "\n\n- nested only\n"), "%s", t);
	const char *absent[] = {"Share", "Twitter", "Like", "garlic", "November", "Advertisement",
	                        "Sign up", "Tagged", "READ MORE", "Another", "Continue", "- \n"};
	for (size_t k = 0; k < sizeof absent / sizeof *absent; k++)
		cr_assert_null(strstr(t, absent[k]), "%s is in the article:\n%s", absent[k], t);
	free(t);
	/* --no-extract reads them all. */
	t = html(body, 0);
	cr_assert_not_null(strstr(t, "Share this:"), "%s", t);
	cr_assert_not_null(strstr(t, "Continue reading"), "%s", t);
	free(t);
	/* The story's own wrapper named "social": it holds the text, and is read. */
	char social[2048] = "<html><body><article class=news><div class=\"story category-social\">";
	for (int k = 0; k < 4; k++)
		strcat(social, "<p>A paragraph of the story, long enough to count as prose in a page.</p>");
	strcat(social, "<div class=social-share><a href=f>Facebook</a></div></div></article></body>");
	t = html(social, 1);
	cr_assert_eq(strncmp(t, "A paragraph of the story", 24), 0, "%s", t);
	cr_assert_null(strstr(t, "Facebook"), "%s", t);
	free(t);
}

/* A soft hyphen (U+00AD, "&shy;") is where a browser may break a word, shown only there: it is
 * left out of the word, in pages and in Markdown (not in code, which is compared as written).
 * Before, "docu&shy;ment" was read "docu<U+00AD>ment", another word than "document". */
Test(html, soft_hyphens_are_not_read)
{
	char *t = html("<html><body><p>The docu&shy;ment and the &shy; jig\xc2\xad" "saw&shy;.</p>"
	               "<pre>a\xc2\xad" "b</pre></body></html>", 1);
	cr_assert_str_eq(t, "The document and the jigsaw.\n\na\xc2\xad" "b\n");
	free(t);
	t = markdown("# Docu\xc2\xad" "ments\n\nA *jig\xc2\xad" "saw* and `x\xc2\xady`.\n");
	cr_assert_str_eq(t, "Documents\n\nA jigsaw and x\xc2\xady.\n");
	free(t);
}

/* Stop 26: a list item's first paragraph begins on its mark's line, as a browser shows it
 * (mdBook, Sphinx, DocBook and pandoc write <li><p>); before, "- " stood alone. */
Test(html, a_list_item_s_first_paragraph_is_on_its_mark_s_line)
{
	char *t = html("<html><body><ul>\n<li>\n  <p>Bring a torch.</p>\n<p>And a map.</p></li>"
	               "<li><h3>Spare</h3></li><li>\n plain </li></ul><ol start=\"4\">"
	               "<li><div><p>Fourth</p></div></li><li><pre>x = 1</pre></li></ol>"
	               "<ul><li><ul><li><p>nested</p></li></ul></li></ul></body></html>", 0);
	cr_assert_str_eq(t, "- Bring a torch.\n\nAnd a map.\n\n- Spare\n\n- plain\n\n4. Fourth\n\n"
	                    "5. x = 1\n\n- nested\n");
	free(t);
}

/* Stop 26: a permalink's mark ("¶", "#", "§", a note's back link "↩", GitHub's "↩<sup>2</sup>")
 * is no word; a link within the page with a letter or a digit is read. */
Test(html, permalink_marks_are_not_words)
{
	char *t = html("<html><body><h1>Abstract<a class=\"headerlink\" href=\"#abstract\">\xc2\xb6</a>"
	               "</h1><h2>Path<a class=\"mark\" href=\"#path\">#</a></h2>"
	               "<h3><a href=\"#x\">\xc2\xa7</a>Example</h3>"
	               "<p>A note.<a href=\"#r1\">\xe2\x86\xa9</a> "
	               "<a href=\"#r1-2\">\xe2\x86\xa9<sup>2</sup></a>"
	               " See <a href=\"#intro\">the introduction</a>, <a href=\"#t\">\xc2\xa7 4</a>"
	               " and <a href=\"https://example.org/\">#</a>.</p></body></html>", 1);
	cr_assert_str_eq(t, "Abstract\n\nPath\n\nExample\n\n"
	                    "A note. See the introduction, \xc2\xa7 4 and #.\n");
	free(t);
	/* --no-extract reads every text node. */
	t = html("<html><body><h1>Abstract<a href=\"#abstract\">\xc2\xb6</a></h1></body></html>", 0);
	cr_assert_str_eq(t, "Abstract\xc2\xb6\n");
	free(t);
}

/* Stop 26: a document in sections is read whole, not its longest section alone (Debian's
 * Python policy read its chapter 4 alone); a story's block, which opens with no heading, is not
 * widened to the sections beside it. */
Test(html, a_document_in_sections_is_read_whole)
{
	const char *doc =
		"<html><body><div class=\"related\"><a href=\"i.html\">index</a></div>"
		"<div class=\"body\"><section id=\"a\"><h1>Abstract</h1>"
		"<p>This document describes how the parish hall is booked and kept.</p></section>"
		"<section id=\"c\"><h1>Contents</h1><div class=\"wrapper\"><span id=\"d1\"></span>"
		"<section id=\"s1\"><h2>1. Booking</h2><p>Bookings are made with the clerk at least a "
		"week ahead, in writing or by telephone.</p></section>"
		"<section id=\"s2\"><h2>2. Keys</h2><p>The keys are collected from the shop on the "
		"morning of the booking and returned the next day.</p><p>A lost key costs the "
		"hirer the price of a new lock for the front door.</p><p>Keys are never lent to "
		"anyone under eighteen, whatever the booking says.</p><p>The clerk keeps a list of "
		"who holds which key, and checks it every quarter.</p></section>"
		"</div></section></div><div class=\"footer\">Built with a generator.</div></body></html>";
	char *t = html(doc, 1);
	cr_assert_str_eq(t, "Abstract\n\n"
	                    "This document describes how the parish hall is booked and kept.\n\n"
	                    "Contents\n\n1. Booking\n\nBookings are made with the clerk at least a "
	                    "week ahead, in writing or by telephone.\n\n2. Keys\n\nThe keys are "
	                    "collected from the shop on the morning of the booking and returned the "
	                    "next day.\n\nA lost key costs the hirer the price of a new lock for the "
	                    "front door.\n\nKeys are never lent to anyone under eighteen, whatever "
	                    "the booking says.\n\nThe clerk keeps a list of who holds which key, and "
	                    "checks it every quarter.\n");
	free(t);
	/* A story whose block opens with its paragraphs: the teaser beside it stays out. */
	t = html("<html><body><div id=\"story\"><p>The ferry will run on Sundays from May, the council "
	         "said on Tuesday, after a year of petitions.</p><p>Fares stay as they are, and the "
	         "first boat leaves at nine from the north quay.</p><p>The last returns at six, and "
	         "a second boat is added on bank holidays when the weather allows.</p>"
	         "</div><div><h2>Elsewhere</h2><p>A bakery opens on the high street next week, the "
	         "owners said.</p></div></body></html>", 1);
	cr_assert_null(strstr(t, "bakery"), "%s", t);
	cr_assert_not_null(strstr(t, "north quay"), "%s", t);
	free(t);
}

Test(html, hostile_pages)
{
	char *out = NULL, err[256];
	size_t n;
	/* 100,000 nested elements: refused in one line, no crash, no hang. */
	size_t depth = 100000, len = depth * 5 + 64;
	char *deep = malloc(len);
	strcpy(deep, "<html><body>");
	for (size_t k = 0; k < depth; k++)
		strcat(deep + 12 + 5 * k, "<div>");
	strcat(deep, "deep");
	cr_assert_eq(rl_read_html(deep, strlen(deep), 1, BIG, &out, &n, err, sizeof err), -1);
	cr_assert_not_null(strstr(err, "nested more than"), "%s", err);
	cr_assert_null(strchr(err, '\n'));
	free(deep);
	/* Truncated in a tag, invalid bytes: what can be read is read. */
	char *t = html("<!DOCTYPE html><p>Cut off here <a href=\"", 1);
	cr_assert_str_eq(t, "Cut off here\n");
	free(t);
	t = html("<!DOCTYPE html><p>bad \xff\xfe bytes</p>", 1);
	cr_assert_not_null(strstr(t, "bytes"));
	free(t);
	/* Over the size limit. */
	cr_assert_eq(rl_read_html("<p>twelve chars</p>", 19, 1, 5, &out, &n, err, sizeof err), -1);
	cr_assert_not_null(strstr(err, "size limit"));
}

/* ------------------------------------------------------------------ Markdown */

static char *markdown(const char *s)
{
	char *out = NULL, err[256];
	size_t n;
	cr_assert_eq(rl_read_markdown(s, strlen(s), BIG, &out, &n, err, sizeof err), 0, "%s", err);
	return out;
}

Test(markdown, structure_is_not_words)
{
	char *t = markdown("## Heading *one*\n\nSome _emphasis_ and **strong** and a\n[link](http://x.org)"
	                   " and `code  span`.\n\n* item\n* item **two**\n\n3. three\n4. four\n\n"
	                   "> quoted\n> text\n\n```\nint  x;\n```\n<div>raw html</div>\n");
	cr_assert_str_eq(t, "Heading one\n\nSome emphasis and strong and a link and code  span.\n\n"
	                    "- item\n\n- item two\n\n3. three\n\n4. four\n\n"
	                    "\xe2\x80\x9cquoted text\xe2\x80\x9d\n\nint  x;\n");
	free(t);
}

/* Stop 23: front matter (YAML between --- lines, TOML between +++) is a page's metadata, never
 * shown: before, CommonMark read the YAML as a rule and a setext heading of its keys. A rule over
 * a setext heading without a key is no front matter. */
Test(markdown, front_matter_is_not_text)
{
	char *t = markdown("---\ntitle: \"Tide tables\"\ndate: 2024-05-02\ntags: [harbour]\n---\n\n"
	                   "# Tide tables\n\nOut at *last*.\n");
	cr_assert_str_eq(t, "Tide tables\n\nOut at last.\n", "%s", t);
	free(t);
	/* (since stop 25 its title is read, unless a heading repeats it as above) */
	t = markdown("+++\ntitle = \"Tide tables\"\ndraft = true\n+++\nOut at last.\n");
	cr_assert_str_eq(t, "Tide tables\n\nOut at last.\n", "%s", t);
	free(t);
	t = markdown("---\nChapter one\n---\n\nIt began.\n");
	cr_assert_str_eq(t, "Chapter one\n\nIt began.\n", "%s", t);
	free(t);
	t = markdown("---\ntitle: never closed\n\nText.\n");
	cr_assert_not_null(strstr(t, "never closed"), "%s", t);
	free(t);
}

/* Stop 23: GitHub's footnotes. A mark ([^1], [^note]) is no word, as a note's reference in the
 * other readers; each note ([^1]: text) is a paragraph of its own, its label dropped, where it
 * is written (before: "plan[^1]" was the words "plan[^1]", and notes written one under another
 * were one paragraph). A text that defines no note keeps "[^1]" as it is, as GitHub shows it;
 * code keeps it too. HTML comments were already left out. */
Test(markdown, footnote_marks_are_not_words)
{
	char *t = markdown("The plan[^1] passed, *narrowly*[^vote-2].\n<!-- check -->\n\n"
	                   "Use `a[^1]` here.\n\n"
	                   "[^1]: By seven votes to two.\n[^vote-2]: The chair did not vote.\n"
	                   "    A second line.\n");
	cr_assert_str_eq(t, "The plan passed, narrowly.\n\nUse a[^1] here.\n\n"
	                    "By seven votes to two.\n\nThe chair did not vote. A second line.\n", "%s", t);
	free(t);
	t = markdown("# Notes\n\nArrays are written x[^1] in this *odd* notation.\n");
	cr_assert_not_null(strstr(t, "x[^1] in"), "%s", t);
	free(t);
}

/* Stop 25: the front matter's title is the page's headline (Jekyll and Hugo show it so): read as
 * the first paragraph, unless the text opens with a heading of the same words (then once). The
 * date, the tags and a nested key's title stay metadata. Before, `title: A` → `title: B` was no
 * change at all. */
Test(markdown, front_matter_title_is_the_first_paragraph)
{
	char *t = markdown("---\ntitle: \"The hall roof: an update\"\ndate: 2024-05-02\n"
	                   "tags: [hall]\n---\n\n# Where we are\n\nOut at *last*.\n");
	cr_assert_str_eq(t, "The hall roof: an update\n\nWhere we are\n\nOut at last.\n", "%s", t);
	free(t);
	/* repeated by the opening heading (a comment before it), in other punctuation: read once */
	t = markdown("---\ntitle: 'The hall''s roof: an update'\n---\n<!-- draft -->\n"
	             "## The *hall's* roof — an update\n\nText.\n");
	cr_assert_str_eq(t, "The hall's roof — an update\n\nText.\n", "%s", t);
	free(t);
	/* a block scalar, a plain one with a comment, TOML's strings with their escapes */
	t = markdown("---\nlayout: post\ntitle: >\n  A folded\n  title\nseo:\n  title: Not this\n---\n"
	             "Text.\n");
	cr_assert_str_eq(t, "A folded title\n\nText.\n", "%s", t);
	free(t);
	t = markdown("---\ntitle: Plain words # not these\n---\nText.\n");
	cr_assert_str_eq(t, "Plain words\n\nText.\n", "%s", t);
	free(t);
	t = markdown("+++\ndate = 2024-05-02\ntitle = \"Tide \\\"tables\\\" \\u00e9t\\u00e9\"\n+++\n"
	             "Text.\n");
	cr_assert_str_eq(t, "Tide \"tables\" \xc3\xa9t\xc3\xa9\n\nText.\n", "%s", t);
	free(t);
	/* an escape past Unicode (eight digits overflowed a signed code point) is dropped */
	t = markdown("---\ntitle: \"Tide \\UFFFFFFFF\\U0001F30A\"\n---\nText.\n");
	cr_assert_str_eq(t, "Tide \xf0\x9f\x8c\x8a\n\nText.\n", "%s", t);
	free(t);
	/* no title, an empty one, a key that only begins with "title": nothing read */
	t = markdown("---\ntitle: \"\"\ntitles: [a, b]\ndate: 2024\n---\nText.\n");
	cr_assert_str_eq(t, "Text.\n", "%s", t);
	free(t);
}

/* Stop 25: notes are gathered after the text, as GitHub shows them: in the order they are first
 * referred to, wherever they are written, so two drafts whose notes stand in different places
 * read the same. A note nobody refers to follows, as written; a note inside a list item is
 * gathered too (stop 28; before, it stayed there); a definition in code is code. A one-word note ("[^2]: Cheap.") is a note: CommonMark
 * read it as a link's reference definition, so it vanished and its mark read "^2". The notes'
 * formatting moves with them. */
Test(markdown, notes_are_gathered_at_the_end)
{
	const char *md = "[^lone]: Written first, never referred to.\n\n"
	                 "A roof[^b] and a *gutter*[^a].\n\n[^a]: The *valley* gutter.\n\n"
	                 "## Cost\n\nCheap[^B], **they** say.\n\n- item[^n]\n\n  [^n]: Kept in its item.\n\n"
	                 "```\n[^a]: code\n```\n\n[^b]: Cheap.\n";
	rl_doc_styles st;
	char *out = styled_markdown(md, "A roof and a gutter.\n\nCost\n\nCheap, they say.\n\n- item\n\n"
	                                "[^a]: code\n\nCheap.\n\nThe valley gutter.\n\nKept in its item.\n\n"
	                                "Written first, never referred to.\n", &st);
	cr_assert_str_eq(style_of(out, &st, "gutter"), "emphasis");
	cr_assert_str_eq(style_of(out, &st, "Cost"), "heading 2");
	cr_assert_str_eq(style_of(out, &st, "they"), "strong");
	cr_assert_str_eq(style_of(out, &st, "valley"), "emphasis");
	cr_assert_str_eq(style_of(out, &st, "The valley"), "");
	cr_assert_str_eq(style_of(out, &st, "code"), "code block");
	cr_assert_str_eq(style_of(out, &st, "Written"), "");
	free(out);
	rl_doc_styles_release(&st);
	/* the same notes written elsewhere, relabelled: the same text */
	read_alike("Tide[^1] and wind[^2].\n\n[^1]: High at *noon*.\n\n[^2]: From the west.\n",
	           "Tide[^t] and wind[^w].\n\n[^w]: From the west.\n[^t]: High at *noon*.\n",
	           "Tide and wind.\n\nHigh at noon.\n\nFrom the west.\n");
}

/* Stop 27: a note of paragraphs, as GitHub reads it: the lines indented four columns under a
 * note (blank lines between) go on with it, and are gathered with it. Before, CommonMark read
 * the second paragraph as code, left where it was written (and compared byte for byte), and
 * the note moved to the end without it. A line not indented after a blank line ends the note;
 * one right under its paragraph goes on with that paragraph (a lazy line), unless it opens a
 * block (a heading); in the note, eight columns are code, a fence a fence, a tab four columns. */
Test(markdown, a_note_of_paragraphs_is_gathered_whole)
{
	const char *md = "Tide[^t] and wind[^w].\n\n[^t]: High at *noon*,\nsaid the board.\n\n"
	                 "    Low at six.\n\n        tide --table\n\n\t- a list\n    - in it\n\n"
	                 "    ```\n    fenced\n    ```\n\nBack to the text.\n\n"
	                 "[^w]: From the west.\n# Weather\n\nEnd.\n";
	rl_doc_styles st;
	char *out = styled_markdown(md, "Tide and wind.\n\nBack to the text.\n\nWeather\n\nEnd.\n\n"
	                                "High at noon, said the board.\n\nLow at six.\n\ntide --table\n\n"
	                                "- a list\n\n- in it\n\nfenced\n\nFrom the west.\n", &st);
	cr_assert_str_eq(style_of(out, &st, "noon"), "emphasis");
	cr_assert_str_eq(style_of(out, &st, "tide --table"), "code block");
	cr_assert_str_eq(style_of(out, &st, "Low at six."), "");
	cr_assert_str_eq(style_of(out, &st, "Weather"), "heading 1");
	free(out);
	rl_doc_styles_release(&st);
	/* the same note, its second paragraph moved before the text: the same text; a definition in
	 * a fence is code, and the lines indented under it are the fence's */
	read_alike("Tide[^1].\n\n[^1]: High at noon.\n\n    Low at six.\n",
	           "[^1]: High at noon.\n\n    Low at six.\n\nTide[^1].\n",
	           "Tide.\n\nHigh at noon.\n\nLow at six.\n");
	char *c = markdown("Tide[^1].\n\n[^1]: x\n\n```\n[^1]: code\n\n    indented\n```\n");
	cr_assert_str_eq(c, "Tide.\n\n[^1]: code\n\n    indented\n\nx\n", "%s", c);
	free(c);
}

/* Stop 28: a note written inside a list item or a quotation is gathered after the text as
 * GitHub shows it, like one written at the top level; it ends with its paragraph. Before, it
 * stayed where it was written: two drafts, one with the note under its item and one with it at
 * the end, showed it deleted and added. A quotation's marks stay the quotation's: a note that
 * ends a quotation does not take the closing mark with it, nor one that opens it the opening
 * mark; a quotation holding only a note is no quotation left. */
Test(markdown, a_note_in_a_list_item_or_a_quotation_is_gathered)
{
	read_alike("# Kit\n\nBring a tent[^t] and a stove[^s].\n\n- A tent[^t].\n\n"
	           "  [^t]: The green one.\n\n- A stove.\n\n> Pack light[^q].\n>\n"
	           "> [^q]: The warden's advice,\n> given twice.\n\n> [^s]: Gas, not meths.\n\n"
	           "> [^u]: Opening it.\n>\n> Quoted after.\n\nEnd[^u].\n",
	           "# Kit\n\nBring a tent[^t] and a stove[^s].\n\n- A tent[^t].\n- A stove.\n\n"
	           "> Pack light[^q].\n\n> Quoted after.\n\nEnd[^u].\n\n[^t]: The green one.\n"
	           "[^s]: Gas, not meths.\n[^q]: The warden's advice, given twice.\n"
	           "[^u]: Opening it.\n",
	           "Kit\n\nBring a tent and a stove.\n\n- A tent.\n\n- A stove.\n\n"
	           "\xe2\x80\x9cPack light.\xe2\x80\x9d\n\n\xe2\x80\x9cQuoted after.\xe2\x80\x9d\n\n"
	           "End.\n\nThe green one.\n\nGas, not meths.\n\n"
	           "The warden's advice, given twice.\n\nOpening it.\n");
}

/* Stop 29: a list item holding only a note's definition is no item left (before, its bullet
 * stood alone, "- "); a one-word note in a quotation is a note (CommonMark read it as a link's
 * definition: it vanished and its mark read "^q"); a note written in a list item or a quotation
 * goes on over the paragraphs indented four columns under it there, as at the top level
 * (before, only its first paragraph was gathered, the second read as code where written). */
Test(markdown, a_note_alone_in_an_item_or_of_paragraphs_in_a_container_is_gathered)
{
	read_alike("Camp[^w].\n\n- Boots\n- [^w]: Check the forecast.\n- Tent\n",
	           "Camp[^w].\n\n- Boots\n- Tent\n\n[^w]: Check the forecast.\n",
	           "Camp.\n\n- Boots\n\n- Tent\n\nCheck the forecast.\n");
	/* in a numbered list the items keep their numbers: the one of the note is not given again */
	char *t = markdown("Cook[^c].\n\n1. Light the stove\n2. [^c]: Gas, not meths.\n3. Boil water\n");
	cr_assert_str_eq(t, "Cook.\n\n1. Light the stove\n\n3. Boil water\n\nGas, not meths.\n", "%s", t);
	free(t);
	read_alike("Camp[^t].\n\n- A tent[^t].\n\n  [^t]: The green one,\n  with poles.\n\n"
	           "      Pitch it early.\n\n- A stove.\n\n> Pack light[^q].\n>\n> [^q]: Heard.\n"
	           ">\n>     Twice.\n\n> Said once.\n\nEnd.\n",
	           "Camp[^t].\n\n- A tent[^t].\n- A stove.\n\n> Pack light[^q].\n\n"
	           "> Said once.\n\nEnd.\n\n[^t]: The green one, with poles.\n\n    Pitch it early.\n\n"
	           "[^q]: Heard.\n\n    Twice.\n",
	           "Camp.\n\n- A tent.\n\n- A stove.\n\n\xe2\x80\x9cPack light.\xe2\x80\x9d\n\n"
	           "\xe2\x80\x9cSaid once.\xe2\x80\x9d\n\nEnd.\n\nThe green one, with poles.\n\n"
	           "Pitch it early.\n\nHeard.\n\nTwice.\n");
}

/* Stop 27: a title block (pandoc's, and rustdoc's: Rust's release notes open "% Rust Release
 * Notes") is the page's title, authors and date, not lines of text opening with the word "%". */
Test(markdown, a_title_block_is_its_title)
{
	char *t = markdown("% Rust Release Notes\n% Ann Lee;\n  Bo Chan\n% 2024\n\nVersion 1.95\n"
	                   "============\n\n- [A *change*](https://example.org)\n");
	cr_assert_str_eq(t, "Rust Release Notes\n\nAnn Lee; Bo Chan\n\n2024\n\nVersion 1.95\n\n"
	                    "- A change\n", "%s", t);
	free(t);
	/* one with front matter is not a title block; a % later in the text is a word */
	t = markdown("---\ntitle: T\n---\n% x\n\n# H\n\n50 % off\n");
	cr_assert_str_eq(t, "T\n\n% x\n\nH\n\n50 % off\n", "%s", t);
	free(t);
}

Test(markdown, pipe_table_rows_are_paragraphs)
{
	/* A table as GitHub writes it: each row a paragraph, its cells apart by " | ", as the HTML,
	 * DOCX and ODT readers give a table (stop 36; each cell a paragraph before); the delimiter
	 * row is no text. Before stop 25: its lines joined into one paragraph of pipes and dashes. */
	char *t = markdown("# Rota\n\n| Day | Who *leads* |\n|-----|:----:|\n| Monday | Ann |\n"
	                   "Tuesday | Bo\n\nAnd | so on\n|---|---|---|\n\na | b\n-- | --\n");
	cr_assert_str_eq(t, "Rota\n\nDay | Who leads\n\nMonday | Ann\n\nTuesday | Bo\n\n"
	                    "And | so on |---|---|---|\n\na | b\n");
	free(t);
	/* in a list item the first row follows the bullet; in a quotation the marks wrap the rows */
	t = markdown("# T\n\n- | a *b* c |  d |\n  |---|---|\n  | 1 | 2 |\n- next\n\n"
	             "> | x | y |\n> | - | - |\n");
	cr_assert_str_eq(t, "T\n\n- a b c | d\n\n1 | 2\n\n- next\n\n\xe2\x80\x9cx | y\xe2\x80\x9d\n");
	free(t);
}

Test(markdown, pipe_table_code_cells_stay_apart)
{
	/* A README's option table, each cell a code span: the pipe after a code span ended no cell,
	 * so a row read as one word ("--rate9600baud rate") and a changed default rewrote it all. */
	char *t = markdown("| Option | Default | Meaning |\n|---|---|---|\n"
	                   "| `--rate` | `9600` | baud *rate* |\n| `--out` | x `a.csv` | file |\n");
	cr_assert_str_eq(t, "Option | Default | Meaning\n\n--rate | 9600 | baud rate\n\n"
	                    "--out | x a.csv | file\n");
	free(t);
}

Test(markdown, emphasis_and_link_targets_do_not_count)
{
	char *a = fixture_read("tests/documents/notes-v1.md", NULL);
	char *b = fixture_read("tests/documents/notes-v2.md", NULL);
	char *ta = markdown(a), *tb = markdown(b);
	cr_assert_str_eq(ta, tb);
	cr_assert_null(strstr(ta, "example.org"));
	free(ta), free(tb), free(a), free(b);
}

static rl_source source(const char *s);

/* The formatting of the text at the first occurrence of word ("" for none). */
static const char *style_of(const char *text, const rl_doc_styles *st, const char *word)
{
	const char *p = strstr(text, word);
	cr_assert_not_null(p, "%s", word);
	size_t off = (size_t)(p - text);
	for (size_t k = 0; k < st->n; k++)
		if (st->v[k].start <= off && off < st->v[k].end)
			return st->names + st->name[k];
	return "";
}

/* md read with its formatting into st: the text expected, its spans inside it, sorted and
 * apart. The caller frees the text and releases st. */
static char *styled_markdown(const char *md, const char *expected, rl_doc_styles *st)
{
	char *out = NULL, err[256];
	size_t n;
	cr_assert_eq(rl_read_markdown_styled(md, strlen(md), BIG, &out, &n, st, err, sizeof err), 0,
	             "%s", err);
	cr_assert_str_eq(out, expected, "%s", out);
	cr_assert_eq(n, strlen(out));
	for (size_t k = 0; k < st->n; k++) {
		cr_assert_lt(st->v[k].start, st->v[k].end);
		cr_assert_leq(st->v[k].end, n);
		cr_assert(k == 0 || st->v[k].start >= st->v[k - 1].end, "span %zu", k);
	}
	return out;
}

/* Two Markdown sources that read as the same text, expected. */
static void read_alike(const char *a, const char *b, const char *expected)
{
	char *ta = markdown(a), *tb = markdown(b);
	cr_assert_str_eq(ta, expected, "%s", ta);
	cr_assert_str_eq(tb, expected, "%s", tb);
	free(ta), free(tb);
}

Test(markdown, formatting_recorded_beside_the_text)
{
	const char *md = "Some *soft* and **loud** words, a [harbour map](https://example.org/map?a=1) "
	                 "and ***both*** here, `tide --now` and [**bold link**](/x).\n\n"
	                 "```\nferry  --list\n```\n";
	char *out = NULL, err[256];
	size_t n;
	rl_doc_styles st;
	cr_assert_eq(rl_read_markdown_styled(md, strlen(md), BIG, &out, &n, &st, err, sizeof err), 0);
	cr_assert_str_eq(out, "Some soft and loud words, a harbour map and both here, tide --now and "
	                      "bold link.\n\nferry  --list\n");
	cr_assert_str_eq(style_of(out, &st, "Some"), "");
	cr_assert_str_eq(style_of(out, &st, "soft"), "emphasis");
	cr_assert_str_eq(style_of(out, &st, "loud"), "strong");
	cr_assert_str_eq(style_of(out, &st, "words"), "");
	cr_assert_str_eq(style_of(out, &st, "harbour"), "link https://example.org/map?a=1");
	cr_assert_str_eq(style_of(out, &st, "map"), "link https://example.org/map?a=1");
	cr_assert_str_eq(style_of(out, &st, "both"), "emphasis, strong");
	cr_assert_str_eq(style_of(out, &st, "tide"), "code");
	cr_assert_str_eq(style_of(out, &st, "bold"), "link /x, strong");
	cr_assert_str_eq(style_of(out, &st, "ferry"), "code block");
	/* Spans are sorted and apart; code is exact, the rest not; styles are the same number for
	 * the same description. */
	for (size_t k = 0; k < st.n; k++) {
		cr_assert_lt(st.v[k].start, st.v[k].end);
		cr_assert(k == 0 || st.v[k].start >= st.v[k - 1].end);
		const char *name = st.names + st.name[k];
		cr_assert_eq(st.v[k].exact, strncmp(name, "code", 4) == 0, "%s", name);
		for (size_t j = 0; j < k; j++)
			cr_assert_eq(st.v[j].style == st.v[k].style,
			             strcmp(st.names + st.name[j], name) == 0);
	}
	/* Without a place to put them, no styles: the text is the same. */
	char *plain = markdown(md);
	cr_assert_str_eq(plain, out);
	free(plain);
	free(out);
	rl_doc_styles_release(&st);
}

Test(markdown, heading_level_is_formatting)
{
	const char *md = "# Tides\n\n## When *the* boats leave\n\nEvery hour.\n\nSlack water\n---\n";
	char *out = NULL, err[256];
	size_t n;
	rl_doc_styles st;
	cr_assert_eq(rl_read_markdown_styled(md, strlen(md), BIG, &out, &n, &st, err, sizeof err), 0);
	cr_assert_str_eq(out, "Tides\n\nWhen the boats leave\n\nEvery hour.\n\nSlack water\n");
	cr_assert_str_eq(style_of(out, &st, "Tides"), "heading 1");
	cr_assert_str_eq(style_of(out, &st, "When"), "heading 2");
	cr_assert_str_eq(style_of(out, &st, "the"), "heading 2, emphasis");
	cr_assert_str_eq(style_of(out, &st, "leave"), "heading 2");
	cr_assert_str_eq(style_of(out, &st, "Every"), "");
	cr_assert_str_eq(style_of(out, &st, "water"), "heading 2");
	free(out);
	rl_doc_styles_release(&st);
}

Test(markdown, formatting_follows_dropped_lines)
{
	/* -I drops a line: the spans after it move up with the text. */
	rl_source src = source("# Notes\n\nDRAFT *only* line\n\nThe *tide* turns at [noon](http://t).\n");
	regex_t re;
	cr_assert_eq(regcomp(&re, "^DRAFT", REG_EXTENDED | REG_NOSUB), 0);
	rl_doc_opts o = {.max_size = BIG, .ignore = &re, .nignore = 1};
	char err[256];
	cr_assert_eq(rl_doc_prepare(&src, &o, err, sizeof err), 0, "%s", err);
	cr_assert_str_eq(src.doc.format, "markdown");
	cr_assert(src.doc.styled);
	cr_assert_null(strstr(src.data, "DRAFT"));
	cr_assert_str_eq(style_of(src.data, &src.doc.styles, "tide"), "emphasis");
	cr_assert_str_eq(style_of(src.data, &src.doc.styles, "noon"), "link http://t");
	cr_assert_str_eq(style_of(src.data, &src.doc.styles, "turns"), "");
	cr_assert_eq(src.doc.styles.n, 3, "the dropped line's span went with it");
	const char *tide = strstr(src.data, "tide");
	cr_assert_str_eq(rl_source_style_at(&src, (size_t)(tide - src.data)), "emphasis");
	cr_assert_str_eq(rl_source_style_at(&src, 0), "heading 1");
	cr_assert_str_eq(rl_source_style_at(&src, strlen("Notes")), "");
	/* A copy holds its own styles. */
	rl_source dup;
	cr_assert_eq(rl_source_copy(&dup, &src), 0);
	rl_source_release(&src);
	cr_assert_str_eq(rl_source_style_at(&dup, (size_t)(strstr(dup.data, "tide") - dup.data)),
	                 "emphasis");
	cr_assert_str_eq(rl_source_style_at(&dup, (size_t)(strstr(dup.data, "The") - dup.data)), "");
	rl_source_release(&dup);
	regfree(&re);
}

Test(markdown, restyled_words_found_by_the_engine)
{
	/* From Markdown to the alignment: only emphasis changed; only a link's target; both and a
	 * word (the rewritten word re-emphasised stays a rewrite). */
	static const char *const pairs[][2] = {
		{"# Ferry\n\nBoats leave *hourly* from the quay.\n",
		 "# Ferry\n\nBoats leave **hourly** from the quay.\n"},
		{"# Ferry\n\nSee the [timetable](https://a.example/t) first.\n",
		 "# Ferry\n\nSee the [timetable](https://b.example/t) first.\n"},
		{"# Ferry\n\nBoats leave *hourly* from the [quay](q1).\n",
		 "# Ferry\n\nBoats leave **daily** from the [quay](q2).\n"},
		/* a heading's level (the setext heading is level 2 as ## is) */
		{"# Ferry\n\nTimes\n-----\n\nBoats leave hourly from the quay.\n",
		 "# Ferry\n\n### Times\n\nBoats leave hourly from the quay.\n"},
		{"# Ferry\n\nTimes\n-----\n\nBoats leave hourly from the quay.\n",
		 "# Ferry\n\n## Times\n\nBoats leave hourly from the quay.\n"},
	};
	static const char *const want[] = {"efe", "efe", "erefe", "efe", "e"};
	for (size_t p = 0; p < sizeof pairs / sizeof *pairs; p++) {
		rl_source src[2] = {source(pairs[p][0]), source(pairs[p][1])};
		/* (one heading and emphasis are not enough to tell Markdown from text) */
		rl_doc_opts o = {.max_size = BIG, .format = RL_DOCFMT_MARKDOWN};
		char err[256];
		for (int s = 0; s < 2; s++)
			cr_assert_eq(rl_doc_prepare(&src[s], &o, err, sizeof err), 0, "%s", err);
		rl_styles st[2];
		rl_source_pair_styles(&src[0], &src[1], st);
		rl_diff_opts dopts = RL_DIFF_OPTS_INIT;
		rl_alignment *al;
		cr_assert_eq(rl_diff_styled(&al, src[0].data, src[0].len, src[1].data, src[1].len, &dopts,
		                            st), RL_OK);
		size_t n;
		const rl_op *ops = rl_alignment_ops(al, &n);
		char got[32] = "";
		size_t g = 0;
		for (size_t k = 0; k < n && g + 1 < sizeof got; k++)
			if (g == 0 || got[g - 1] != "edirmf"[ops[k].kind])
				got[g++] = "edirmf"[ops[k].kind];
		got[g] = '\0';
		cr_assert_str_eq(got, want[p], "pair %zu", p);
		rl_alignment_free(al);
		/* Against plain text (formatting not read on one side): no formatting compared. */
		rl_source txt = source("Ferry\n\nBoats leave hourly from the quay.\n");
		o.format = RL_DOCFMT_TEXT;
		cr_assert_eq(rl_doc_prepare(&txt, &o, err, sizeof err), 0);
		rl_source_pair_styles(&src[0], &txt, st);
		cr_assert_eq(st[0].n + st[1].n, 0);
		rl_source_release(&txt);
		rl_source_release(&src[0]);
		rl_source_release(&src[1]);
	}
}

Test(markdown, deep_nesting)
{
	size_t n = 200000;
	char *s = malloc(n + 16);
	memset(s, '>', n);
	strcpy(s + n, " deep\n");
	char *t = markdown(s);
	cr_assert_not_null(strstr(t, "deep"));
	free(t);
	free(s);
}

/* ------------------------------------------------------------------ furniture */

/* The dropped text of a furniture run, joined. */
static char *dropped(const char *text, unsigned rules, const regex_t *re, size_t nre)
{
	size_t *r = NULL, n = 0;
	cr_assert_eq(rl_doc_furniture(text, strlen(text), re, nre, rules, &r, &n), 0);
	char *out = calloc(strlen(text) + 1, 1);
	for (size_t k = 0; k < n; k++) {
		cr_assert(r[2 * k] < r[2 * k + 1]);
		cr_assert(k == 0 || r[2 * k] > r[2 * k - 1], "ranges sorted and apart");
		strncat(out, text + r[2 * k], r[2 * k + 1] - r[2 * k]);
	}
	free(r);
	return out;
}

Test(furniture, patterns)
{
	const char *text = "Skip to content\nA sentence of the story that stays here.\n"
	                   "Related Posts\nPosted on 2 May 2026 by admin\n  \xe2\x80\xa2 Leave a reply\n"
	                   "Copyright \xc2\xa9 2026 Someone\nNews :Another story teaser\n"
	                   "Posted on the wall of the town hall was a notice of the meeting, which many read.\n";
	char *d = dropped(text, RL_FURN_PATTERNS, NULL, 0);
	cr_assert_str_eq(d, "Skip to content\nRelated Posts\nPosted on 2 May 2026 by admin\n"
	                    "  \xe2\x80\xa2 Leave a reply\nCopyright \xc2\xa9 2026 Someone\n"
	                    "News :Another story teaser\n");
	free(d);
}

/* Stop 23: a page's stamps, a reading time and an audio player's label are furniture: they
 * change with each version of a page (the reading time with the text's length), never as its
 * text. A sentence that only begins so, or has no figure, stays. */
Test(furniture, stamps_and_reading_times)
{
	const char *text = "2 May 2024 \xc2\xb7 3 min read\nUpdated 3 May 2024, 09:14\n"
	                   "Last modified: 12/05/2024\nReading time: 4 minutes\n"
	                   "Listen to this article\n"
	                   "Updated guidance on the 12 new berths follows in June from the harbour board.\n"
	                   "Reading time is family time.\nUpdated weekly.\n";
	char *d = dropped(text, RL_FURN_PATTERNS, NULL, 0);
	cr_assert_str_eq(d, "2 May 2024 \xc2\xb7 3 min read\nUpdated 3 May 2024, 09:14\n"
	                    "Last modified: 12/05/2024\nReading time: 4 minutes\n"
	                    "Listen to this article\n", "%s", d);
	free(d);
}

/* Stop 33: a syndicated copy's meta line, its byline, source and date before the reading time,
 * has more words than a stamp (STAMP_MAX_WORDS) and was compared with the original's byline.
 * A reading time ends only such lines; a sentence that names one ends with its stop. */
Test(furniture, a_byline_ending_in_a_reading_time_is_a_stamp)
{
	const char *text = "Ilse Marten, The Valley Post \xc2\xb7 4 March 2025 \xc2\xb7 5 min read\n"
	                   "The walk along the weir path is a 10 min read.\n"
	                   "Notes from the weir: the keeper, the eel pass, the flood of 1947 and "
	                   "the mill's wheel \xc2\xb7 12 min read\n";
	char *d = dropped(text, RL_FURN_PATTERNS, NULL, 0);
	cr_assert_str_eq(d, "Ilse Marten, The Valley Post \xc2\xb7 4 March 2025 \xc2\xb7 5 min read\n",
	                 "%s", d);
	free(d);
}

Test(furniture, position_keeps_the_body)
{
	char *page = fixture_read("tests/documents/page-v1.txt", NULL);
	char *d = dropped(page, RL_FURN_PATTERNS | RL_FURN_POSITION, NULL, 0);
	const char *gone[] = {"THE HARBOUR GAZETTE", "Home", "Sponsored event", "Town Hall",
	                      "March 20", "Lifeboat", "Leave a Reply", "Copyright"};
	for (size_t k = 0; k < sizeof gone / sizeof *gone; k++)
		cr_assert_not_null(strstr(d, gone[k]), "%s kept", gone[k]);
	const char *kept[] = {"Ferry timetable changes", "The island ferry", "Residents had asked",
	                      "The evening crossing"};
	for (size_t k = 0; k < sizeof kept / sizeof *kept; k++)
		cr_assert_null(strstr(d, kept[k]), "%s dropped", kept[k]);
	free(d);
	free(page);
}

Test(furniture, a_list_that_ends_the_article_stays)
{
	const char *text = "Title of the piece here\nThe council met on Monday and agreed the plan.\n"
	                   "- The road closes in May for repairs\n- The bus route moves for a month\n"
	                   "\nMenu\n";
	char *d = dropped(text, RL_FURN_PATTERNS | RL_FURN_POSITION, NULL, 0);
	cr_assert_str_eq(d, "\nMenu\n");
	free(d);
}

Test(furniture, ignore_lines)
{
	regex_t re[2];
	cr_assert_eq(regcomp(&re[0], "^Draft [0-9]+$", REG_EXTENDED | REG_NOSUB), 0);
	cr_assert_eq(regcomp(&re[1], "TODO", REG_EXTENDED | REG_NOSUB), 0);
	char *d = dropped("Draft 3\nText stays.\nTODO: fix\nDraft 3 stays too\n", 0, re, 2);
	cr_assert_str_eq(d, "Draft 3\nTODO: fix\n");
	free(d);
	regfree(&re[0]);
	regfree(&re[1]);
}

/* ------------------------------------------------------------------ a side prepared */

static rl_source source(const char *s)
{
	rl_source src = {0};
	char err[128];
	cr_assert_eq(rl_source_from_bytes(&src, s, strlen(s), "side", BIG, err, sizeof err), 0);
	return src;
}

Test(prepare, text_stays_and_furniture_maps_back)
{
	const char *text = "Menu\n\nThe first sentence of the article is here.\nMenu\nEnd of it all here now.\n";
	rl_source src = source(text);
	rl_doc_opts o = {.body = RL_BODY_ON, .max_size = BIG};
	char err[256];
	cr_assert_eq(rl_doc_prepare(&src, &o, err, sizeof err), 0, "%s", err);
	cr_assert_str_eq(src.doc.format, "text");
	cr_assert(!src.doc.extracted);
	cr_assert_str_eq(src.data, "\nThe first sentence of the article is here.\nEnd of it all here now.\n");
	cr_assert_eq(src.doc.full_len, strlen(text));
	cr_assert_eq(src.doc.dropped_lines, 2);
	/* Every offset of the compared text points at the same byte of the extracted one. */
	for (size_t i = 0; i < src.len; i++)
		cr_assert_eq(text[rl_doc_map_offset(&src, i, false)], src.data[i]);
	size_t second = strlen("\nThe first sentence of the article is here.\n");
	cr_assert_eq(rl_doc_map_offset(&src, second, true), strlen("Menu\n\nThe first sentence of "
	                                                            "the article is here.\n"));
	rl_source_release(&src);
}

Test(prepare, documents_are_extracted_and_errors_named)
{
	rl_source src = source("<!DOCTYPE html><p>Hello <i>there</i></p>");
	rl_doc_opts o = {.max_size = BIG};
	char err[256];
	cr_assert_eq(rl_doc_prepare(&src, &o, err, sizeof err), 0);
	cr_assert_str_eq(src.doc.format, "html");
	cr_assert(src.doc.extracted);
	cr_assert_str_eq(src.data, "Hello there\n");
	rl_source_release(&src);
	/* --format overrides the content. */
	src = source("<p>Hello</p>");
	o.format = RL_DOCFMT_TEXT;
	cr_assert_eq(rl_doc_prepare(&src, &o, err, sizeof err), 0);
	cr_assert_str_eq(src.data, "<p>Hello</p>");
	rl_source_release(&src);
	/* The extracted text is held to the size limit too. */
	src = source("# Title\n\nSome [linked](http://x) words here\n");
	o = (rl_doc_opts){.max_size = 8};
	cr_assert_eq(rl_doc_prepare(&src, &o, err, sizeof err), -1);
	cr_assert_eq(strncmp(err, "side: extracted text is over the size limit", 43), 0, "%s", err);
	cr_assert_str_eq(src.data, "# Title\n\nSome [linked](http://x) words here\n");
	rl_source_release(&src);
}

/* ------------------------------------------------------------------ long lists */

/* Items are numbered in one pass: nested lists keep their own count, and a list of 200,000 items
 * is read in linear time (counting each item's predecessors took minutes). The timeout is
 * generous: a quadratic count takes far longer still. */
Test(lists, numbered_in_one_pass, .timeout = 240)
{
	char *t = html("<ol><li>a<ol><li>x</li><li>y</li></ol></li><li>b</li></ol>"
	               "<ol start=\"7\"><li>g</li></ol>", 0);
	cr_assert_str_eq(t, "1. a\n\n1. x\n\n2. y\n\n2. b\n\n7. g\n");
	free(t);
	t = markdown("1. a\n   1. x\n   2. y\n2. b\n\ntext\n\n0. zero\n1. one\n");
	cr_assert_str_eq(t, "1. a\n\n1. x\n\n2. y\n\n2. b\n\ntext\n\n0. zero\n\n1. one\n");
	free(t);
	size_t n = 200000;
	char *page = malloc(n * 14 + 64), *md = malloc(n * 16 + 64), *p = page, *q = md;
	p += sprintf(p, "<ol>");
	for (size_t k = 0; k < n; k++) {
		p += sprintf(p, "<li>item</li>");
		q += sprintf(q, "%zu. item\n", k + 1);
	}
	strcpy(p, "</ol>");
	t = html(page, 1);
	cr_assert_not_null(strstr(t, "\n\n200000. item\n"));
	free(t);
	t = markdown(md);
	cr_assert_not_null(strstr(t, "\n\n200000. item\n"));
	free(t);
	free(page);
	free(md);
}
