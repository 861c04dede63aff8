/* The HTML report (--html): its structure, that nothing from a document becomes markup, and the
 * page as a real browser reads it (headless Chromium's DOM; skipped when chromium is missing). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "large.h"
#include "run.h"

#define ORIGINAL "examples/lighthouse-1-original.txt"
#define REWRITE "examples/lighthouse-4-rewrite.txt"

/* A pair whose new side is made of what a page must never run or load. */
static const char hostile_old[] = "The council met on Monday to discuss the harbor.\n";
static const char hostile_new[] =
	"The council met on Monday <script>document.title='owned'</script> to discuss "
	"<img src=x onerror=\"document.title='owned'\"> the harbor "
	"<a href=\"javascript:alert(1)\">click</a> and </td></tr></table><iframe "
	"src=\"http://example.com/\"></iframe> &lt;b&gt; &amp; <style>body{display:none}</style>"
	" \x1b]0;title\x07 \xe2\x80\xae reversed.\n";

/* A temporary file holding data, its name ending in suffix (".html": a browser reads it as HTML,
 * not as text). */
static void temp_file_as(char path[64], const char *suffix, const char *data, size_t len)
{
	snprintf(path, 64, "/tmp/redline-report-XXXXXX%s", suffix);
	int fd = mkstemps(path, (int)strlen(suffix));
	cr_assert_geq(fd, 0);
	cr_assert_eq(write(fd, data, len), (ssize_t)len);
	close(fd);
}

static void temp_file(char path[64], const char *data, size_t len)
{
	temp_file_as(path, "", data, len);
}

/* The only tags a report holds: a '<' anywhere else came from a document. */
static void only_our_tags(const char *html, const char *what)
{
	static const char *const tags[] = {
		"!DOCTYPE html>", "html ", "/html>", "head>", "/head>", "meta ", "title>", "/title>",
		"style>", "/style>", "body>", "/body>", "h1>", "/h1>", "h2>", "/h2>", "p>", "p ",
		"/p>", "span ", "span>", "/span>", "a ", "/a>", "table ", "/table>", "thead>", "/thead>",
		"tbody>", "/tbody>", "tr>", "tr ", "/tr>", "td>", "td ", "/td>", "th>", "/th>", "ol ",
		"/ol>", "li>", "/li>", "main>", "/main>", "input ", "label ", "/label>",
	};
	for (const char *lt = html; (lt = strchr(lt, '<')); lt++) {
		bool ours = false;
		for (size_t k = 0; k < sizeof tags / sizeof *tags && !ours; k++)
			ours = strncmp(lt + 1, tags[k], strlen(tags[k])) == 0;
		cr_assert(ours, "%s: a tag that is not the report's: %.40s", what, lt);
		/* inside a tag: links go to anchors of the page only, nothing is loaded, no handler */
		size_t len = strcspn(lt, ">");
		char *tag = strndup(lt, len);
		for (const char *h = tag; (h = strstr(h, "href=\"")); h++)
			cr_assert_eq(h[6], '#', "%s: a link out of the page: %s", what, tag);
		cr_assert_null(strstr(tag, "src="), "%s: %s", what, tag);
		cr_assert_null(strstr(tag, " on"), "%s: %s", what, tag);
		free(tag);
	}
	/* the style sheet is the report's: nothing in it loads */
	cr_assert_null(strstr(html, "url("), "%s", what);
	cr_assert_null(strstr(html, "@import"), "%s", what);
}

/* Every link of the page has its anchor. */
static void links_resolve(const char *html)
{
	for (const char *h = html; (h = strstr(h, "href=\"#")); h++) {
		char id[64];
		size_t n = strcspn(h + 7, "\"");
		cr_assert_lt(n, sizeof id - 8);
		snprintf(id, sizeof id, "id=\"%.*s\"", (int)n, h + 7);
		cr_assert_not_null(strstr(html, id), "no anchor for %s", id);
	}
}

Test(report, structure)
{
	run_result r;
	run_redline(&r, (const char *const[]){"redline", "--html", ORIGINAL, REWRITE, NULL}, NULL, 0,
	            NULL, 60);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_eq(strncmp(r.out, "<!DOCTYPE html>\n", 16), 0);
	cr_assert_not_null(strstr(r.out, "Content-Security-Policy\" content=\"default-src 'none'"));
	cr_assert_not_null(strstr(r.out, "<table class=\"diff\">"));
	cr_assert_not_null(strstr(r.out, "<p class=\"legend\">"));
	cr_assert_not_null(strstr(r.out, "<ol id=\"changes\">"));
	cr_assert_not_null(strstr(r.out, "<table class=\"stats\" id=\"stats\">"));
	/* the CSS-only switch: a checkbox before the table, a rule that hides unchanged rows */
	cr_assert_not_null(strstr(r.out, "<input type=\"checkbox\" id=\"only\">"));
	cr_assert_not_null(strstr(r.out, "#only:checked~table.diff tbody tr:not(.k){display:none}"));
	/* both moves of the example link both ways */
	for (int id = 1; id <= 2; id++) {
		char from[32], to[32];
		snprintf(from, sizeof from, "href=\"#mv%do\"", id);
		snprintf(to, sizeof to, "href=\"#mv%dn\"", id);
		cr_assert_not_null(strstr(r.out, from), "%s", from);
		cr_assert_not_null(strstr(r.out, to), "%s", to);
	}
	/* nine changes listed, each linked (the attribution after the added quotation is a sentence
	 * of its own now that a quotation's flag covers only its own span) */
	size_t items = 0;
	for (const char *p = r.out; (p = strstr(p, "<li><a href=\"#c")); p++)
		items++;
	cr_assert_eq(items, 9);
	links_resolve(r.out);
	only_our_tags(r.out, "example");
	run_free(&r);
}

Test(report, hostile_text_stays_text)
{
	char pa[64], pb[64];
	temp_file(pa, hostile_old, sizeof hostile_old - 1);
	temp_file(pb, hostile_new, sizeof hostile_new - 1);
	run_result r;
	run_redline(&r, (const char *const[]){"redline", "--html", pa, pb, NULL}, NULL, 0, NULL, 60);
	cr_assert_eq(r.status, 1, "%s", r.err);
	only_our_tags(r.out, "hostile pair");
	cr_assert_not_null(strstr(r.out, "&lt;script&gt;document.title=&#39;owned&#39;&lt;/script&gt;"));
	cr_assert_not_null(strstr(r.out, "&amp;lt;b&amp;gt;"), "an entity in a document is text");
	cr_assert_null(strchr(r.out, '\x1b'));
	cr_assert_null(strstr(r.out, "\xe2\x80\xae"), "no bidi override reaches the page raw");
	links_resolve(r.out);
	run_free(&r);
	unlink(pa);
	unlink(pb);

	/* the hostile corpus, each file against an ordinary text, both ways */
	size_t n;
	char **v = hostile_files(&n);
	for (size_t i = 0; i < n; i++) {
		for (int way = 0; way < 2; way++) {
			const char *a = way ? v[i] : ORIGINAL, *b = way ? ORIGINAL : v[i];
			run_redline(&r, (const char *const[]){"redline", "-a", "--html", a, b, NULL}, NULL, 0,
			            NULL, 120);
			cr_assert(r.status == 1 || r.status == 0, "%s: status %d %s", v[i], r.status, r.err);
			only_our_tags(r.out, v[i]);
			links_resolve(r.out);
			run_free(&r);
		}
	}
	free_files(v, n);
}

Test(report, lists_are_refused)
{
	run_result r;
	run_redline(&r, (const char *const[]){"redline", "--html", ORIGINAL, REWRITE, ORIGINAL, NULL},
	            NULL, 0, NULL, 60);
	cr_assert_eq(r.status, 2);
	cr_assert_not_null(strstr(r.err, "--html reports on one pair"), "%s", r.err);
	run_free(&r);
}

/* ------------------------------------------------------------------ in a real browser */

static bool have_chromium(void)
{
	return system("command -v chromium >/dev/null 2>&1") == 0;
}

/* The DOM Chromium builds from the report of a against b (owned). */
static char *browser_dom(const char *a, const char *b)
{
	run_result r;
	char page[64], profile[] = "/tmp/redline-chromium-XXXXXX";
	run_redline(&r, (const char *const[]){"redline", "--html", a, b, NULL}, NULL, 0, NULL, 60);
	cr_assert_eq(r.status, 1, "%s", r.err);
	temp_file_as(page, ".html", r.out, r.out_len);
	run_free(&r);
	cr_assert_not_null(mkdtemp(profile));
	char url[128], dir[128];
	snprintf(url, sizeof url, "file://%s", page);
	snprintf(dir, sizeof dir, "--user-data-dir=%s", profile);
	run_program(&r,
	            (const char *const[]){"chromium", "--headless", "--no-sandbox", "--disable-gpu",
	                                  "--disable-quic", "--no-first-run",
	                                  "--disable-background-networking",
	                                  "--disable-component-update", "--disable-sync", dir,
	                                  "--dump-dom", url, NULL},
	            "/tmp", NULL, 0, NULL, 300);
	cr_assert_eq(r.status, 0, "chromium: %s", r.err);
	char *dom = strdup(r.out);
	run_free(&r);
	unlink(page);
	char rm[160];
	snprintf(rm, sizeof rm, "rm -rf '%s'", profile);
	cr_assert_eq(system(rm), 0);
	return dom;
}

Test(report, in_chromium, .timeout = 900)
{
	if (!have_chromium())
		cr_skip_test("chromium is not installed (scripts/deps.sh test installs it)");
	char *dom = browser_dom(ORIGINAL, REWRITE);
	cr_assert_not_null(strstr(dom, "<table class=\"diff\">"), "the columns: %.300s", dom);
	cr_assert_not_null(strstr(dom, "<td class=\"o\">"), "the old column");
	cr_assert_not_null(strstr(dom, "<td class=\"n\">"), "the new column");
	cr_assert_not_null(strstr(dom, "<p class=\"legend\">"), "the legend");
	cr_assert_not_null(strstr(dom, "<ol id=\"changes\">"), "the change list");
	cr_assert_not_null(strstr(dom, "<li><a href=\"#c7\">"), "eight changes");
	cr_assert_null(strstr(dom, "<script"));
	free(dom);

	char pa[64], pb[64];
	temp_file(pa, hostile_old, sizeof hostile_old - 1);
	temp_file(pb, hostile_new, sizeof hostile_new - 1);
	dom = browser_dom(pa, pb);
	/* the browser made text of it all: no element from the document exists */
	cr_assert_null(strstr(dom, "<script"), "%s", dom);
	cr_assert_null(strstr(dom, "<img"), "%s", dom);
	cr_assert_null(strstr(dom, "<iframe"), "%s", dom);
	cr_assert_null(strstr(dom, "<a href=\"javascript"), "%s", dom);
	cr_assert_not_null(strstr(dom, "&lt;script&gt;"), "%s", dom);
	/* the title is the report's, not one a script set */
	cr_assert_null(strstr(dom, "<title>owned"), "%s", dom);
	cr_assert_not_null(strstr(dom, "<table class=\"diff\">"), "the table survived </table>");
	free(dom);
	unlink(pa);
	unlink(pb);
}

/* A Markdown pair whose formatting alone changed in places: the browser's DOM has the quiet
 * spans on both sides, the legend names them, the change list lists them. */
Test(report, formatting_changes_in_chromium, .timeout = 900)
{
	if (!have_chromium())
		cr_skip_test("chromium is not installed (scripts/deps.sh test installs it)");
	char *dom = browser_dom("tests/documents/readme-v1.md", "tests/documents/readme-v2.md");
	const char *span = "<span class=\"fm\">project page</span>";
	const char *first = strstr(dom, span);
	cr_assert_not_null(first, "%.400s", dom);
	cr_assert_not_null(strstr(first + 1, span), "on both sides");
	cr_assert_not_null(strstr(dom, "<span class=\"fm\">the same words, formatting changed"));
	cr_assert_not_null(strstr(dom, "formatting changed (2 words): \xe2\x80\x9cproject page"));
	cr_assert_not_null(strstr(dom, "<td>words formatted otherwise</td>"));
	/* the rewritten words stay a rewrite */
	cr_assert_not_null(strstr(dom, "<span class=\"r\">mailing list</span>"), "%.2000s",
	                   strstr(dom, "mailing") ? strstr(dom, "mailing") - 200 : dom);
	free(dom);
}
