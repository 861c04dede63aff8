/* epub.c: EPUB books to text.
 *
 * META-INF/container.xml names the package document (OPF); its spine lists the chapters in
 * reading order (items marked linear="no", such as a table of contents, are left out). Each
 * chapter is XHTML, parsed as XML, or with libxml2's HTML parser when it is not well-formed (an
 * HTML entity such as &nbsp; without a DTD). The text is the body's: headings, paragraphs, a
 * table's row a paragraph (its cells apart, formats.h), list items with "- " (or "1. " in a
 * numbered list), block quotations in “ ”, <br> a line break; scripts, styles and navigation
 * are dropped. */
#include "formats.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docbuf.h"
#include "zipxml.h"

/* All the chapters together may inflate to this much: a spine that names one large member a
 * thousand times must not cost a thousand inflations. */
#define RL_EPUB_MAX_TOTAL ((size_t)4 * RL_ZIP_MAX_MEMBER)

typedef struct {
	rl_docbuf *b;
	int pre;          /* inside <pre>: line ends are kept */
	int quote;        /* blockquote depth */
	int quote_open;   /* a “ is owed before the quotation's first text (0) or was written (1) */
	int quote_owed;
} xhtml_ctx;

static int is_block(const xmlNode *n)
{
	static const char *const names[] = {
		"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main", "header",
		"footer", "aside", "figure", "figcaption", "table", "tr", "td", "th", "caption", "dl", "dt",
		"dd", "ul", "ol", "pre", "hr", "address", "body", "center"};
	return rl_xml_is_any(n, names, sizeof names / sizeof *names);
}

static int is_dropped(const xmlNode *n)
{
	static const char *const names[] = {"head", "script", "style", "nav", "noscript", "template",
	                                    "svg", "math", "object", "iframe", "button", "select"};
	return rl_xml_is_any(n, names, sizeof names / sizeof *names);
}

/* Does the text start with a quotation mark (then no “ is added)? */
static int starts_quoted(const char *s)
{
	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	return *s == '"' || *s == '\'' || !strncmp(s, "\xE2\x80\x9C", 3) ||
	       !strncmp(s, "\xE2\x80\x98", 3) || !strncmp(s, "\xC2\xAB", 2);
}

static int has_text(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r')
			return 1;
	return 0;
}

static void text_node(xhtml_ctx *c, const char *s)
{
	if (c->quote_owed && has_text(s)) {
		c->quote_owed = 0;
		if (!starts_quoted(s)) {
			rl_docbuf_text(c->b, "\xE2\x80\x9C", 3);
			c->quote_open = 1;
			while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
				s++;
			rl_docbuf_glue(c->b, "", 0);
		}
	}
	if (!c->pre) {
		rl_docbuf_text(c->b, s, strlen(s));
		return;
	}
	for (const char *line = s; *line;) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);
		rl_docbuf_text(c->b, line, n);
		if (!nl)
			break;
		rl_docbuf_line(c->b);
		line = nl + 1;
	}
}

static void walk(xhtml_ctx *c, const xmlNode *first, int ordered);

static void list_item(xhtml_ctx *c, const xmlNode *li, int ordered, int *number)
{
	char mark[24];
	rl_docbuf_para(c->b);
	if (ordered)
		snprintf(mark, sizeof mark, "%d. ", ++*number);
	else
		snprintf(mark, sizeof mark, "- ");
	rl_docbuf_text(c->b, mark, strlen(mark));
	walk(c, li->children, 0);
	rl_docbuf_para(c->b);
}

static void blockquote(xhtml_ctx *c, const xmlNode *q)
{
	rl_docbuf_para(c->b);
	if (c->quote++ == 0) {
		c->quote_owed = 1;
		c->quote_open = 0;
	}
	walk(c, q->children, 0);
	if (--c->quote == 0) {
		if (c->quote_open)
			rl_docbuf_glue(c->b, "\xE2\x80\x9D", 3);
		c->quote_owed = c->quote_open = 0;
	}
	rl_docbuf_para(c->b);
}

static void walk(xhtml_ctx *c, const xmlNode *first, int ordered)
{
	int number = 0;
	for (const xmlNode *n = first; n && !rl_docbuf_failed(c->b); n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				text_node(c, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || is_dropped(n))
			continue;
		if (rl_xml_is(n, "br")) {
			rl_docbuf_line(c->b);
		} else if (rl_xml_is(n, "li")) {
			list_item(c, n, ordered, &number);
		} else if (rl_xml_is(n, "blockquote")) {
			blockquote(c, n);
		} else if (rl_xml_is(n, "tr") && rl_xml_data_row(n)) {
			rl_breaks_row_enter(&c->b->br);
			walk(c, n->children, 0);
			rl_breaks_row_leave(&c->b->br);
		} else if (is_block(n)) {
			if (rl_xml_is(n, "td") || rl_xml_is(n, "th"))
				rl_breaks_cell(&c->b->br);
			int pre = rl_xml_is(n, "pre");
			rl_docbuf_para(c->b);
			c->pre += pre;
			walk(c, n->children, rl_xml_is(n, "ol"));
			c->pre -= pre;
			rl_docbuf_para(c->b);
		} else {
			/* Inline elements (em, a, span...): their text in place. A cell or a list nested
			 * in one is still a block of its own, through the recursion. */
			walk(c, n->children, 0);
		}
	}
}

/* A chapter's bytes as a tree: XML first, HTML when it is not well-formed. */
static xmlDoc *parse_chapter(const char *buf, size_t len, const char *name)
{
	xmlDoc *doc = xmlReadMemory(buf, (int)len, name, NULL,
	                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc)
		return doc;
	return htmlReadMemory(buf, (int)len, name, "UTF-8",
	                      HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                      HTML_PARSE_RECOVER | HTML_PARSE_NOBLANKS);
}

/* ---- the package ---- */

/* The directory part of path, with its slash ("OEBPS/"), or "". */
static void dir_of(const char *path, char *dir, size_t n)
{
	const char *slash = strrchr(path, '/');
	size_t k = slash ? (size_t)(slash - path + 1) : 0;
	snprintf(dir, n, "%.*s", (int)k, path);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* dir + href as a member name: percent-escapes decoded, the fragment dropped, "./" and "../"
 * resolved. Returns -1 when it does not fit or climbs out of the archive. */
static int member_name(const char *dir, const char *href, char *out, size_t n)
{
	char joined[2048];
	size_t k = 0;
	int len = snprintf(joined, sizeof joined, "%s%s", dir, href);
	if (len < 0 || (size_t)len >= sizeof joined)
		return -1;
	char *hash = strchr(joined, '#');
	if (hash)
		*hash = '\0';
	for (const char *seg = joined; *seg;) {
		const char *end = strchr(seg, '/');
		size_t sl = end ? (size_t)(end - seg) : strlen(seg);
		if (sl == 2 && !strncmp(seg, "..", 2)) {
			if (k == 0)
				return -1;
			k--;  /* the slash that ends the previous segment */
			while (k && out[k - 1] != '/')
				k--;
		} else if (!(sl == 1 && seg[0] == '.') && sl) {
			for (size_t i = 0; i < sl; i++) {
				char ch = seg[i];
				if (ch == '%' && i + 2 < sl && hexval(seg[i + 1]) >= 0 &&
				    hexval(seg[i + 2]) >= 0) {
					ch = (char)(hexval(seg[i + 1]) * 16 + hexval(seg[i + 2]));
					i += 2;
				}
				if (k + 2 >= n)
					return -1;
				out[k++] = ch;
			}
			if (end) {
				if (k + 2 >= n)
					return -1;
				out[k++] = '/';
			}
		}
		seg += sl + (end != NULL);
	}
	out[k] = '\0';
	return k ? 0 : -1;
}

/* The first element named local in the tree under n (depth first), or NULL. */
static const xmlNode *find(const xmlNode *n, const char *local)
{
	for (; n; n = n->next) {
		if (rl_xml_is(n, local))
			return n;
		const xmlNode *in = n->type == XML_ELEMENT_NODE ? find(n->children, local) : NULL;
		if (in)
			return in;
	}
	return NULL;
}

/* The package document's name, from META-INF/container.xml. */
static int find_opf(zip_t *za, char *opf, size_t n, char *err, size_t errlen)
{
	xmlDoc *doc = rl_zip_xml_required(za, "META-INF/container.xml", "an EPUB", err, errlen);
	if (!doc)
		return -1;
	const xmlNode *rf = find(xmlDocGetRootElement(doc), "rootfile");
	char *path = rf ? rl_xml_attr(rf, "full-path") : NULL;
	int rc = path && member_name("", path, opf, n) == 0 ? 0 : -1;
	if (rc != 0)
		snprintf(err, errlen, "not an EPUB (container.xml names no package document)");
	xmlFree(path);
	xmlFreeDoc(doc);
	return rc;
}

/* The manifest item whose id is idref, or NULL. */
static const xmlNode *manifest_item(const xmlNode *manifest, const char *idref)
{
	for (const xmlNode *it = manifest ? manifest->children : NULL; it; it = it->next) {
		if (!rl_xml_is(it, "item"))
			continue;
		char *id = rl_xml_attr(it, "id");
		int same = id && !strcmp(id, idref);
		xmlFree(id);
		if (same)
			return it;
	}
	return NULL;
}

/* One chapter's text, appended. *total counts the bytes inflated so far. */
static int read_chapter(zip_t *za, const char *name, rl_docbuf *b, size_t *total, char *err,
                        size_t errlen)
{
	char *buf;
	size_t len;
	if (rl_zip_read(za, name, &buf, &len, err, errlen) != 0)
		return -1;
	*total += len;
	if (*total > RL_EPUB_MAX_TOTAL) {
		free(buf);
		snprintf(err, errlen, "the chapters inflate to over %zu MiB", RL_EPUB_MAX_TOTAL >> 20);
		return -1;
	}
	xmlDoc *doc = parse_chapter(buf, len, name);
	free(buf);
	if (!doc) {
		snprintf(err, errlen, "%s is neither XHTML nor HTML", name);
		return -1;
	}
	xhtml_ctx c = {.b = b};
	const xmlNode *root = xmlDocGetRootElement(doc);
	const xmlNode *body = root ? find(root, "body") : NULL;
	rl_docbuf_para(b);
	walk(&c, body ? body->children : root, 0);
	rl_docbuf_para(b);
	xmlFreeDoc(doc);
	return 0;
}

/* Every linear spine item of the package document opf, in order. */
static int read_spine(zip_t *za, const char *opf, rl_docbuf *b, char *err, size_t errlen)
{
	xmlDoc *doc = rl_zip_xml(za, opf, err, errlen);
	if (!doc)
		return -1;
	const xmlNode *root = xmlDocGetRootElement(doc);
	const xmlNode *manifest = root ? find(root->children, "manifest") : NULL;
	const xmlNode *spine = root ? find(root->children, "spine") : NULL;
	char dir[1024], name[2048];
	size_t total = 0;
	int rc = 0;
	dir_of(opf, dir, sizeof dir);
	if (!spine) {
		snprintf(err, errlen, "not an EPUB (%s has no spine)", opf);
		rc = -1;
	}
	for (const xmlNode *ref = spine ? spine->children : NULL; ref && rc == 0; ref = ref->next) {
		if (!rl_xml_is(ref, "itemref") || rl_docbuf_failed(b))
			continue;
		char *idref = rl_xml_attr(ref, "idref"), *linear = rl_xml_attr(ref, "linear");
		const xmlNode *item = idref ? manifest_item(manifest, idref) : NULL;
		char *href = item ? rl_xml_attr(item, "href") : NULL;
		if (!href || member_name(dir, href, name, sizeof name) != 0) {
			snprintf(err, errlen, "the spine names a chapter the manifest does not hold");
			rc = -1;
		} else if (!linear || strcmp(linear, "no") != 0) {
			rc = read_chapter(za, name, b, &total, err, errlen);
		}
		xmlFree(idref);
		xmlFree(linear);
		xmlFree(href);
	}
	xmlFreeDoc(doc);
	return rc;
}

/* The spine's chapters (rl_zip_text_fn). A spine stopped by the size limit is read: the buffer
 * says why it failed. */
static int epub_text(zip_t *za, rl_docbuf *b, char *err, size_t errlen)
{
	char opf[1024];
	if (find_opf(za, opf, sizeof opf, err, errlen) != 0)
		return -1;
	return read_spine(za, opf, b, err, errlen) == 0 || rl_docbuf_failed(b) ? 0 : -1;
}

int rl_read_epub(const char *data, size_t len, size_t max_out, char **out, size_t *out_len,
                 char *err, size_t errlen)
{
	return rl_zip_read_text(data, len, max_out, epub_text, out, out_len, err, errlen);
}
