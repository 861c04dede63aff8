/* htmlnode.c: what an element of a web page is, as the HTML reader (html.c) and its article's
 * furniture (htmlmeta.c) ask it (htmlnode.h): code, furniture, blocks; hidden, a site's widget
 * by its class or id, a note's reference, a permalink's mark, a "Read more:" line, an image in
 * running text; and the walk in document order that they all take. */
#include "htmlnode.h"

#include <string.h>
#include <strings.h>
#include <utf8proc.h>

xmlNode *rl_html_next(const xmlNode *top, const xmlNode *n, bool down)
{
	if (down && n->type == XML_ELEMENT_NODE && n->children)
		return n->children;
	while (n && n != top && !n->next)
		n = n->parent;
	return n && n != top ? n->next : NULL;
}

/* A row of data holds a few words a cell (a long note now and then); a page laid out in a
 * table holds its article in a cell. 1,000 bytes is four cells of 250 characters: a long row
 * of a real table, a short article. RL_HTML_ROW_NODES bounds the look. */
#define RL_HTML_ROW_TEXT 1000
#define RL_HTML_ROW_NODES 2000

bool rl_html_data_row(const xmlNode *tr)
{
	static const char *const layout[] = {
		"table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "pre", "blockquote",
		"li", "dt", "dd", "section", "article", "main", "header", "footer", "nav", "aside", "form",
		NULL};
	size_t text = 0, seen = 0;
	for (const xmlNode *n = tr->children ? tr->children : NULL; n;
	     n = rl_html_next(tr, n, true)) {
		if (++seen > RL_HTML_ROW_NODES || name_in(n, layout))
			return false;
		if (n->type == XML_TEXT_NODE && n->content &&
		    (text += strlen((const char *)n->content)) > RL_HTML_ROW_TEXT)
			return false;
	}
	return true;
}

/* Code and metadata, never text. */
const char *const rl_html_code_elements[] = {
	"script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object",
	"embed", "canvas", "audio", "video", "map", NULL};
/* The page's furniture, dropped in reader mode. */
const char *const rl_html_furniture_elements[] = {
	"nav", "aside", "form", "button", "select", "input", "textarea", "dialog", "menu", NULL};
const char *const rl_html_block_elements[] = {
	"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "table", "tr",
	"td", "th", "caption", "thead", "tbody", "tfoot", "section", "article", "main", "figure",
	"figcaption", "address", "hr", "header", "footer", "body", "html", "center", "details",
	"summary", "fieldset", "legend", "nav", "aside", "form", "hgroup", NULL};

static bool attr_is(xmlNode *n, const char *name, const char *value)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	bool is = v && strcasecmp((const char *)v, value) == 0;
	xmlFree(v);
	return is;
}

/* style="display: none" or "visibility:hidden", spaces and case aside. */
static bool style_hides(xmlNode *n)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)"style");
	if (!v)
		return false;
	char squeezed[256];
	size_t k = 0;
	for (const xmlChar *p = v; *p && k + 1 < sizeof squeezed; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			squeezed[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	squeezed[k] = '\0';
	xmlFree(v);
	return strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden");
}

/* ------------------------------------------------------------------ class and id words */

/* The words a page's class and id attributes use for its furniture, as parts of a name split at
 * '-' and '_' ("sd-sharing-enabled", "jp-relatedposts", "cookie_banner", "ad-slot"): a part that
 * begins with one of the first list, or is one of the second. Sites name their widgets so for
 * their style sheets; reader modes (Mozilla's Readability) read the same names. Not here: words
 * that name an article's own parts too ("meta", "byline", "media", "comment", "banner"). */
static const char *const chrome_prefixes[] = {
	"share", "sharing", "social", "related", "newsletter", "subscribe", "signup", "cookie",
	"consent", "gdpr", "promo", "sponsor", "advert", "breadcrumb", NULL};
static const char *const chrome_parts[] = {"ad", "ads", "like", "likes", "tag", "tags", "comments",
                                           NULL};
/* Text set apart for screen readers alone ("Posted on", "Continue reading"): never seen. */
static const char *const unseen_names[] = {"screen-reader-text", "sr-only", "visually-hidden",
                                           "visuallyhidden", NULL};

/* A class or id name [s, s + n) of a furniture widget: one of its parts is chrome's. */
bool rl_html_chrome_name(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t k = strcspn(s + i, "-_");
		k = k < n - i ? k : n - i;
		for (const char *const *w = chrome_prefixes; *w && k; w++)
			if (k >= strlen(*w) && strncasecmp(s + i, *w, strlen(*w)) == 0)
				return true;
		for (const char *const *w = chrome_parts; *w && k; w++)
			if (k == strlen(*w) && strncasecmp(s + i, *w, k) == 0)
				return true;
		i += k + 1;
	}
	return false;
}

/* A class name [s, s + n) of text for screen readers alone. */
static bool unseen_name(const char *s, size_t n)
{
	for (const char *const *w = unseen_names; *w; w++)
		if (n == strlen(*w) && strncasecmp(s, *w, n) == 0)
			return true;
	return false;
}

/* Does attribute attr of n hold a name (they are separated by spaces) that match takes? */
bool rl_html_attr_names(xmlNode *n, const char *attr, bool (*match)(const char *s, size_t n))
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
	bool found = false;
	for (const char *s = (const char *)v; s && *s && !found;) {
		s += strspn(s, " \t\r\n\f");
		size_t len = strcspn(s, " \t\r\n\f");
		found = len > 0 && match(s, len);
		s += len;
	}
	xmlFree(v);
	return found;
}

bool rl_html_hidden(xmlNode *n)
{
	return xmlHasProp(n, (const xmlChar *)"hidden") || attr_is(n, "aria-hidden", "true") ||
	       style_hides(n) || rl_html_attr_names(n, "class", unseen_name);
}

/* A link within the page ("#n1"): a note's reference, a back link. */
static bool links_within(xmlNode *n)
{
	xmlChar *v = name_is(n, "a") ? xmlGetProp(n, (const xmlChar *)"href") : NULL;
	bool in = v && v[0] == '#';
	xmlFree(v);
	return in;
}

/* The text under n, or up to `max` bytes of it into buf (NUL-terminated); returns its length,
 * which may be more than was copied. Only text in or out of links: links 1 only inside them, 0
 * only outside, -1 both. */
static size_t text_under(xmlNode *n, int links, char *buf, size_t max)
{
	size_t len = 0;
	xmlNode *top = n;
	bool inside = false;
	for (xmlNode *p = n; p; p = p->parent)
		inside |= name_is(p, "a");
	buf[0] = '\0';
	while (n) {
		if (n->type == XML_TEXT_NODE && n->content) {
			bool in = inside;
			for (xmlNode *p = n->parent; p && p != top->parent; p = p->parent)
				in |= name_is(p, "a");
			if (links < 0 || in == (links == 1)) {
				size_t k = strlen((const char *)n->content);
				if (len + k < max)
					memcpy(buf + len, n->content, k + 1);
				len += k;
			}
		}
		n = rl_html_next(top, n, true);
	}
	return len;
}

/* A note's reference: a <sup> holding a link within the page ("<sup><a href=#n1>1</a></sup>",
 * "<a href=#fn1><sup>1</sup></a>") with a short mark ("1", "[2]", "*"). The note itself is text;
 * its mark in the sentence is not a word (the DOCX and ODT readers leave it out too). */
bool rl_html_note_reference(xmlNode *n)
{
	if (!name_is(n, "sup"))
		return false;
	bool link = n->parent && links_within(n->parent);
	for (xmlNode *c = n->children; c && !link; c = c->next)
		link = links_within(c);
	char mark[16];
	return link && text_under(n, -1, mark, sizeof mark) < 8;
}

/* A permalink's mark: a link within the page whose text is one or two signs and no letter or
 * digit, the "¶" Sphinx puts after every heading, Node's and rustdoc's "#" and "§", a note's
 * back link "↩" (GitHub's "↩<sup>2</sup>"). It is drawn faintly or shown on hovering, points at
 * where it stands, and is no word: before, it was read stuck to the heading ("Abstract¶",
 * "Path#"), so the heading differed from the same heading in another format. */
bool rl_html_permalink_mark(xmlNode *n)
{
	if (!links_within(n))
		return false;
	char mark[16];
	size_t len = text_under(n, -1, mark, sizeof mark);
	if (len >= sizeof mark)
		return false;
	/* GitHub numbers a note's second and later back links: "↩<sup>2</sup>". */
	for (xmlNode *c = n->children; c; c = c->next)
		if (name_is(c, "sup"))
			while (len && mark[len - 1] >= '0' && mark[len - 1] <= '9')
				len--;
	size_t signs = 0;
	for (utf8proc_ssize_t i = 0, k; i < (utf8proc_ssize_t)len; i += k) {
		utf8proc_int32_t cp;
		k = utf8proc_iterate((const utf8proc_uint8_t *)mark + i, (utf8proc_ssize_t)len - i, &cp);
		if (k <= 0)
			return false;
		utf8proc_category_t cat = utf8proc_category(cp);
		if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO)
			return false;
		if (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO)
			return false;
		bool space = cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\f' ||
		             cp == 0xA0;
		signs += !space && cat != UTF8PROC_CATEGORY_MN && cat != UTF8PROC_CATEGORY_CF;
	}
	return signs >= 1 && signs <= 2;
}

/* Has the element a block among its children (is it more than a paragraph)? */
static bool holds_blocks(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (name_in(c, rl_html_block_elements) || name_is(c, "li") || name_is(c, "pre") ||
		    name_is(c, "blockquote"))
			return true;
	return false;
}

/* A "Read more: <a>…</a>" paragraph (or a division holding no block): a short label ending with
 * a colon and a link, the page
 * pointing at another story from inside this one. */
bool rl_html_read_more(xmlNode *n)
{
	if (!name_is(n, "p") && !(name_is(n, "div") && !holds_blocks(n)))
		return false;
	char label[48], link[8];
	size_t len = text_under(n, 0, label, sizeof label);
	if (len >= sizeof label || text_under(n, 1, link, sizeof link) == 0)
		return false;
	while (len && strchr(" \t\r\n\xa0", label[len - 1]))
		label[--len] = '\0';
	size_t words = 0;
	for (size_t i = 0; i < len; i++)
		words += label[i] != ' ' && (i == 0 || label[i - 1] == ' ');
	return len > 1 && label[len - 1] == ':' && words <= 3;
}

/* Elements inside a line of text, which an image in running text may stand in. */
static const char *const inline_elements[] = {
	"a", "span", "picture", "em", "strong", "b", "i", "u", "small", "sup", "sub", "abbr",
	"mark", "q", "cite", "time", "s", "del", "ins", "code", "kbd", "font", NULL};

/* Does the image stand in a line of text, as a word does (an emoji a site draws as an image,
 * a formula, an icon between words)? Only then is its description read in reader mode: a
 * picture standing alone between paragraphs, captioned or not, is seen, not read, and its
 * description read as a paragraph paired with whatever the other copy had there (a
 * standfirst, a caption). Text beside it, or beside the inline elements around it, decides. */
bool rl_html_in_running_text(const xmlNode *img)
{
	const xmlNode *n = img;
	for (int up = 0; n && up < 8; up++, n = n->parent) {
		for (const xmlNode *sib = n->parent ? n->parent->children : NULL; sib; sib = sib->next) {
			if (sib == n || (sib->type != XML_TEXT_NODE && sib->type != XML_CDATA_SECTION_NODE))
				continue;
			for (const char *c = (const char *)sib->content; c && *c; c++)
				if (!strchr(" \t\r\n\f", *c))
					return true;
		}
		if (!n->parent || !name_in(n->parent, inline_elements))
			return false;
	}
	return false;
}
