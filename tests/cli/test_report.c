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
		"section ", "/section>", "h3>", "/h3>", "h2 ", "br>", "code>", "/code>",
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
	/* eight changes listed, each linked (the inserted sentences around the added quotation, its
	 * attribution among them, are one passage, the quotation an entry of its own) */
	size_t items = 0;
	for (const char *p = r.out; (p = strstr(p, "<li><a href=\"#c")); p++)
		items++;
	cr_assert_eq(items, 8);
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

/* Every id of the page is given once. */
static void ids_unique(const char *html)
{
	size_t n = 0;
	for (const char *p = html; (p = strstr(p, " id=\"")); p++)
		n++;
	char **ids = calloc(n ? n : 1, sizeof *ids);
	size_t k = 0;
	for (const char *p = html; (p = strstr(p, " id=\"")); p++)
		ids[k++] = strndup(p + 5, strcspn(p + 5, "\"") + 1);
	for (size_t i = 0; i < n; i++) {
		for (size_t j = i + 1; j < n; j++)
			cr_assert_str_neq(ids[i], ids[j], "id %s given twice", ids[i]);
	}
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}

static size_t count(const char *s, const char *what)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, what)); p++)
		n++;
	return n;
}

#define SPUN "examples/lighthouse-2-spun.txt"
#define SUMMARY "examples/lighthouse-3-summary.txt"

/* --base: one page, a section per copy, the contents linking each with its counts. */
/* The legend of a list's report names formatting changes when a section has any, and only then. */
Test(report, a_lists_legend_names_formatting_changes_when_a_section_has_them)
{
	run_result r;
	run_redline(&r, (const char *const[]){"redline", "--html", "--base",
	                                      "tests/documents/readme-v1.md",
	                                      "tests/documents/readme-v2.md",
	                                      "tests/documents/readme-v1.md", NULL},
	            NULL, 0, NULL, 60);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_eq(count(r.out, "<p class=\"legend\">"), 1);
	cr_assert_eq(count(r.out, "<span class=\"fm\">the same words, formatting changed"), 1);
	run_free(&r);
	run_redline(&r, (const char *const[]){"redline", "--html", "--base", ORIGINAL, SPUN, REWRITE,
	                                      NULL},
	            NULL, 0, NULL, 60);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_null(strstr(r.out, "formatting changed"));
	run_free(&r);
}

Test(report, base_is_one_page_with_a_section_per_pair)
{
	run_result r;
	run_redline(&r, (const char *const[]){"redline", "--html", "--base", ORIGINAL, SPUN, SUMMARY,
	                                      REWRITE, NULL},
	            NULL, 0, NULL, 60);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_eq(count(r.out, "<!DOCTYPE html>"), 1);
	cr_assert_eq(count(r.out, "</html>"), 1);
	cr_assert_eq(count(r.out, "<p class=\"legend\">"), 1, "the legend once");
	cr_assert_eq(count(r.out, "<input type=\"checkbox\" id=\"only\">"), 1, "one switch");
	cr_assert_not_null(strstr(r.out, "#only:checked~section table.diff tbody tr:not(.k)"
	                                 "{display:none}"), "the switch governs every section");
	cr_assert_eq(count(r.out, "<section id=\"s"), 3);
	cr_assert_eq(count(r.out, "<table class=\"diff\">"), 3);
	cr_assert_eq(count(r.out, "<ol class=\"changes\">"), 3, "a change list per pair");
	cr_assert_eq(count(r.out, "<table class=\"stats\">"), 3, "statistics per pair");
	/* the contents come first and link each section, with the pair's counts (the rewrite: nine
	 * changes, 28 words deleted, 86 inserted, 17 rewritten, 121 moved, 94.0% kept) */
	const char *toc = strstr(r.out, "<h2 id=\"contents\">");
	cr_assert_not_null(toc);
	cr_assert_lt(toc, strstr(r.out, "<section"));
	for (int k = 1; k <= 3; k++) {
		char link[32];
		snprintf(link, sizeof link, "<a href=\"#s%d\">", k);
		cr_assert_not_null(strstr(toc, link), "%s", link);
	}
	cr_assert_not_null(strstr(toc, "lighthouse-4-rewrite.txt</a></td><td class=\"n\">8</td>"
	                                "<td class=\"n\">28</td><td class=\"n\">86</td>"
	                                "<td class=\"n\">17</td><td class=\"n\">121</td>"
	                                "<td class=\"n\">94.0%</td>"), "%.2000s", toc);
	/* ids prefixed by their section: the rewrite's moves link both ways inside section 3 */
	for (int id = 1; id <= 2; id++) {
		char from[32], to[32];
		snprintf(from, sizeof from, "href=\"#s3-mv%do\"", id);
		snprintf(to, sizeof to, "href=\"#s3-mv%dn\"", id);
		cr_assert_not_null(strstr(r.out, from), "%s", from);
		cr_assert_not_null(strstr(r.out, to), "%s", to);
	}
	cr_assert_not_null(strstr(r.out, "<li><a href=\"#s3-c7\">"), "eight changes in section 3");
	cr_assert_null(strstr(r.out, "href=\"#c0\""), "no unprefixed link");
	cr_assert_null(strstr(r.out, "href=\"#mv1o\""), "no unprefixed link");
	links_resolve(r.out);
	ids_unique(r.out);
	only_our_tags(r.out, "--base");
	run_free(&r);

	/* several versions, each against the one before: two sections */
	run_redline(&r, (const char *const[]){"redline", "--html", ORIGINAL, SPUN, REWRITE, NULL},
	            NULL, 0, NULL, 60);
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_eq(count(r.out, "<section id=\"s"), 2);
	links_resolve(r.out);
	ids_unique(r.out);
	run_free(&r);
}

/* The hostile corpus as one list (--base): every file a section or a line of the contents, nothing
 * from any of them markup, every id once. */
Test(report, hostile_corpus_as_a_list)
{
	size_t n;
	char **v = hostile_files(&n);
	const char **argv = calloc(n + 6, sizeof *argv);
	size_t k = 0;
	argv[k++] = "redline";
	argv[k++] = "-a";
	argv[k++] = "--html";
	argv[k++] = "--base";
	argv[k++] = ORIGINAL;
	for (size_t i = 0; i < n; i++)
		argv[k++] = v[i];
	argv[k] = NULL;
	run_result r;
	run_redline(&r, argv, NULL, 0, NULL, 300);
	cr_assert(r.status == 1 || r.status == 2, "status %d %s", r.status, r.err);
	cr_assert_eq(count(r.out, "</html>"), 1, "%s", r.err);
	only_our_tags(r.out, "hostile list");
	links_resolve(r.out);
	ids_unique(r.out);
	cr_assert_null(strchr(r.out, '\x1b'));
	run_free(&r);
	free(argv);
	free_files(v, n);
}

/* The single-pair report keeps its plain ids. */
Test(report, single_pair_ids_unique)
{
	run_result r;
	run_redline(&r, (const char *const[]){"redline", "--html", ORIGINAL, REWRITE, NULL}, NULL, 0,
	            NULL, 60);
	ids_unique(r.out);
	cr_assert_null(strstr(r.out, "<section"));
	run_free(&r);
}

/* ------------------------------------------------------------------ a repository */

/* A repository in a new temporary directory (root, 64 bytes), made by a shell script run there
 * with git isolated from the user's configuration. */
static const char *const git_env[] = {
	"GIT_CONFIG_NOSYSTEM=1", "GIT_AUTHOR_NAME=Ann \"Writer\" & Co",
	"GIT_AUTHOR_EMAIL=ann@example.org", "GIT_COMMITTER_NAME=Ann", "GIT_COMMITTER_EMAIL=a@b.c",
	"GIT_AUTHOR_DATE=2026-01-01T10:00:00+0100", "GIT_COMMITTER_DATE=2026-01-01T10:00:00+0100",
	"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "LC_ALL", NULL,
};

static bool have_git(void)
{
	return system("command -v git >/dev/null 2>&1") == 0;
}

static void repo_make(char root[64], const char *script)
{
	char home[96];
	run_result r;
	snprintf(root, 64, "/tmp/redline-reportgit-XXXXXX");
	cr_assert_not_null(mkdtemp(root));
	snprintf(home, sizeof home, "HOME=%s", root);
	const char *env[16];
	size_t n = 0;
	env[n++] = home;
	for (size_t i = 0; git_env[i]; i++)
		env[n++] = git_env[i];
	env[n] = NULL;
	run_program(&r, (const char *const[]){"sh", "-ec", script, NULL}, root, NULL, 0, env, 60);
	cr_assert_eq(r.status, 0, "%s\n%s", r.err, script);
	run_free(&r);
}

static void repo_run(run_result *r, const char root[64], const char *const *argv)
{
	char home[96], dir[96];
	snprintf(home, sizeof home, "HOME=%s", root);
	snprintf(dir, sizeof dir, "%s/repo", root);
	const char *env[16];
	size_t n = 0;
	env[n++] = home;
	for (size_t i = 0; git_env[i]; i++)
		env[n++] = git_env[i];
	env[n] = NULL;
	run_program(r, argv, dir, NULL, 0, env, 60);
}

static void repo_remove(const char root[64])
{
	char rm[128];
	snprintf(rm, sizeof rm, "rm -rf '%s'", root);
	cr_assert_eq(system(rm), 0);
}

/* Two commits: a story rewritten, a file named as markup edited, a binary file changed, a file
 * renamed and edited; the second commit's subject is markup. */
static const char repo_script[] =
	"git init -q -b main repo\n"
	"cd repo\n"
	"cp '" SOURCE_DIR "/" ORIGINAL "' story.md\n"
	"printf 'A short note on the harbor.\\nIt has four lines.\\nThe third one.\\nThe end.\\n' "
	"> '<script>alert(1)<\\script>.txt'\n"
	"printf 'Minutes of the meeting, kept by the clerk.\\nThe council met at noon.\\n"
	"It voted on the budget.\\nIt adjourned at two.\\nNobody objected.\\n' > minutes.md\n"
	"printf 'GIF\\000\\001' > logo.gif\n"
	"git add . && git commit -qm 'First <b>draft</b>'\n"
	"cp '" SOURCE_DIR "/" REWRITE "' story.md\n"
	"printf 'A short note on the harbour.\\nIt has four lines.\\nThe third one.\\nThe end.\\n' "
	"> '<script>alert(1)<\\script>.txt'\n"
	"git mv minutes.md record.md\n"
	"printf 'Minutes of the meeting, kept by the clerk.\\nThe council met at one.\\n"
	"It voted on the budget.\\nIt adjourned at two.\\nNobody objected.\\n' > record.md\n"
	"printf 'GIF\\000\\002' > logo.gif\n"
	"git add . && git commit -qm 'Edit <img src=x onerror=alert(1)> & more'\n";

Test(report, git_report)
{
	if (!have_git())
		cr_skip_test("git is not installed");
	char root[64];
	run_result r;
	repo_make(root, repo_script);
	repo_run(&r, root, (const char *const[]){REDLINE_BIN, "--html", "--git", "HEAD~1", NULL});
	cr_assert_eq(r.status, 1, "%s", r.err);
	/* four files: the markup-named one, the binary, the rename, the story */
	const char *toc = strstr(r.out, "<h2 id=\"contents\">");
	cr_assert_not_null(toc, "%s", r.out);
	cr_assert_not_null(strstr(toc, "HEAD~1:logo.gif \xe2\x86\x92 logo.gif</td><td colspan=\"6\" "
	                                "class=\"mark\">binary, not compared</td>"), "%.3000s", toc);
	cr_assert_not_null(strstr(toc, "HEAD~1:minutes.md \xe2\x86\x92 record.md</a>"), "a rename");
	cr_assert_eq(count(r.out, "<section id=\"s"), 3, "the binary file has no section");
	cr_assert_null(strstr(r.out, "id=\"s2\""), "section numbers follow the contents");
	cr_assert_not_null(strstr(r.out, "&lt;script&gt;alert(1)&lt;\\script&gt;.txt"), "%.3000s",
	                   r.out);
	cr_assert_null(strstr(r.out, "<script"));
	links_resolve(r.out);
	ids_unique(r.out);
	only_our_tags(r.out, "--git");
	run_free(&r);

	/* --history: a section per version, under its commit (subject escaped) */
	repo_run(&r, root, (const char *const[]){REDLINE_BIN, "--html", "--history", "story.md", NULL});
	cr_assert_eq(r.status, 1, "%s", r.err);
	cr_assert_eq(count(r.out, "<section id=\"s"), 1);
	cr_assert_not_null(strstr(r.out, "<p class=\"commit\">"), "%s", r.out);
	cr_assert_not_null(strstr(r.out, " 2026-01-01 Ann &quot;Writer&quot; &amp; Co: Edit &lt;img src=x "
	                                 "onerror=alert(1)&gt; &amp; more</p>"), "%.3000s", r.out);
	links_resolve(r.out);
	ids_unique(r.out);
	only_our_tags(r.out, "--history");
	run_free(&r);
	repo_remove(root);
}

/* ------------------------------------------------------------------ in a real browser */

static bool have_chromium(void)
{
	return system("command -v chromium >/dev/null 2>&1") == 0;
}

/* The DOM Chromium builds from a page (owned). */
static char *page_dom(const run_result *report)
{
	run_result r;
	char page[64], profile[] = "/tmp/redline-chromium-XXXXXX";
	temp_file_as(page, ".html", report->out, report->out_len);
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

/* The DOM Chromium builds from the report redline writes when run with argv, which must find
 * differences (owned). */
static char *browser_dom_of(const char *const *argv)
{
	run_result r;
	run_redline(&r, argv, NULL, 0, NULL, 60);
	cr_assert_eq(r.status, 1, "%s", r.err);
	char *dom = page_dom(&r);
	run_free(&r);
	return dom;
}

/* The same for the report of a against b. */
static char *browser_dom(const char *a, const char *b)
{
	return browser_dom_of((const char *const[]){"redline", "--html", a, b, NULL});
}

static void require_chromium(void)
{
	if (!have_chromium())
		cr_skip_test("chromium is not installed (scripts/deps.sh test installs it)");
}

Test(report, in_chromium, .timeout = 900)
{
	require_chromium();
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

/* A list's report as the browser reads it: the sections, the contents' links, nothing from a
 * file name or a subject turned into an element. */
Test(report, lists_in_chromium, .timeout = 900)
{
	require_chromium();
	const char *argv[] = {"redline", "--html", "--base", ORIGINAL, SPUN, REWRITE, NULL};
	char *dom = browser_dom_of(argv);
	cr_assert_eq(count(dom, "<section id=\"s"), 2, "%.500s", dom);
	cr_assert_eq(count(dom, "<table class=\"diff\">"), 2);
	cr_assert_not_null(strstr(dom, "<a href=\"#s2\">"), "the contents");
	cr_assert_not_null(strstr(dom, "<li><a href=\"#s2-c7\">"), "the rewrite's change list");
	cr_assert_not_null(strstr(dom, "<p class=\"legend\">"));
	cr_assert_not_null(strstr(dom, "<input type=\"checkbox\" id=\"only\">"));
	links_resolve(dom);
	free(dom);

	if (!have_git())
		return;
	char root[64];
	run_result r;
	repo_make(root, repo_script);
	repo_run(&r, root, (const char *const[]){REDLINE_BIN, "--html", "--git", "HEAD~1", NULL});
	cr_assert_eq(r.status, 1, "%s", r.err);
	dom = page_dom(&r);
	run_free(&r);
	cr_assert_eq(count(dom, "<section id=\"s"), 3, "%.500s", dom);
	cr_assert_null(strstr(dom, "<script"), "%s", dom);
	cr_assert_null(strstr(dom, "<img"), "%s", dom);
	cr_assert_not_null(strstr(dom, "&lt;script&gt;alert(1)"), "the file name is text");
	cr_assert_not_null(strstr(dom, "binary, not compared"));
	cr_assert_not_null(strstr(dom, "<title>redline: --git HEAD~1</title>"), "%.300s", dom);
	links_resolve(dom);
	free(dom);
	repo_remove(root);
}

/* A Markdown pair whose formatting alone changed in places: the browser's DOM has the quiet
 * spans on both sides, the legend names them, the change list lists them. */
Test(report, formatting_changes_in_chromium, .timeout = 900)
{
	require_chromium();
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
