/* html.c: web pages through libxml2's HTML parser, and their main article found as reader modes
 * find it.
 *
 * libxml2's HTML parser takes the tag soup of real pages (unclosed elements, stray end tags,
 * invalid bytes) and recovers a tree, decoding entities and character references; it never
 * fetches anything (HTML_PARSE_NONET). The tree is walked without recursion (node, first child,
 * next sibling, parent), so a page nested 100,000 deep costs no stack.
 *
 * Reader mode (the default): scripts, styles, navigation, forms, asides, hidden elements, and
 * headers and footers outside the article are dropped; every paragraph scores its parent and
 * (half) its grandparent by its length; a block's score is scaled down by its link density; the
 * best block is the article, after the page's first <h1> when the block does not hold it. With
 * too little prose anywhere the whole body is read. --no-extract reads every text node (scripts,
 * styles and templates are still code, not text). */
#include "formats.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "htmlmeta.h"
#include "textbuf.h"

/* A paragraph scores when it has this many characters of text. */
#define PARA_MIN_TEXT 25
/* Below this much paragraph text in the best block, there is no article: the body is read. */
#define ARTICLE_MIN_TEXT 200

/* Per element, for reader mode (indexed through the node's _private). */
typedef struct node_stat {
	size_t text, links;  /* characters of text inside, and inside links */
	double score;        /* from the paragraphs among its children and grandchildren */
} node_stat;

typedef struct html_reader {
	rl_textbuf tb;
	bool reader;          /* reader mode: furniture elements are dropped */
	bool meta;            /* ...and the article's kicker, byline and date (htmlmeta.c) */
	unsigned in_pre, in_article, in_link;
	bool pre_listings;    /* the outermost <pre> holds listings only (listings()) */
	rl_list_numbers numbers;
	node_stat *stats;
	size_t nstats;
	size_t read_text;     /* text in the block read (its stats' unit); 0 while scoring */
	size_t item_end;      /* where the last list item's mark ("- ", "2. ") ends; 0: none */
} html_reader;

/* An element's stats (reader mode), or NULL. */
static node_stat *stat_of(const html_reader *r, const xmlNode *n)
{
	size_t i = n && n->type == XML_ELEMENT_NODE ? (size_t)(uintptr_t)n->_private : 0;
	return i && r->stats ? &r->stats[i - 1] : NULL;
}

static bool name_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

static bool name_in(const xmlNode *n, const char *const *names)
{
	for (; *names; names++)
		if (name_is(n, *names))
			return true;
	return false;
}

/* Code and metadata, never text. */
static const char *const code_elements[] = {
	"script", "style", "noscript", "template", "head", "title", "svg", "math", "iframe", "object",
	"embed", "canvas", "audio", "video", "map", NULL};
/* The page's furniture, dropped in reader mode. */
static const char *const furniture_elements[] = {
	"nav", "aside", "form", "button", "select", "input", "textarea", "dialog", "menu", NULL};
static const char *const block_elements[] = {
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
static bool chrome_name(const char *s, size_t n)
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
static bool attr_names(xmlNode *n, const char *attr, bool (*match)(const char *s, size_t n))
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

static bool hidden(xmlNode *n)
{
	return xmlHasProp(n, (const xmlChar *)"hidden") || attr_is(n, "aria-hidden", "true") ||
	       style_hides(n) || attr_names(n, "class", unseen_name);
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
		if (n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			continue;
		}
		while (n && n != top && !n->next)
			n = n->parent;
		n = n && n != top ? n->next : NULL;
	}
	return len;
}

/* A note's reference: a <sup> holding a link within the page ("<sup><a href=#n1>1</a></sup>",
 * "<a href=#fn1><sup>1</sup></a>") with a short mark ("1", "[2]", "*"). The note itself is text;
 * its mark in the sentence is not a word (the DOCX and ODT readers leave it out too). */
static bool note_reference(xmlNode *n)
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
static bool permalink_mark(xmlNode *n)
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
		if (name_in(c, block_elements) || name_is(c, "li") || name_is(c, "pre") ||
		    name_is(c, "blockquote"))
			return true;
	return false;
}

/* A "Read more: <a>…</a>" paragraph (or a division holding no block): a short label ending with
 * a colon and a link, the page
 * pointing at another story from inside this one. */
static bool read_more(xmlNode *n)
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
static bool in_running_text(const xmlNode *img)
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

static bool is_article(const xmlNode *n)
{
	return name_is(n, "article") || name_is(n, "main");
}

/* A widget of the site's inside the block read (share buttons, related stories, a newsletter
 * box, an advertisement, a list of tags), named so by its class or id. Never one that holds half
 * the text read or more: a story whose wrapper's name happens to say "social" is read. Known once
 * the page is scored (read_text is set then): while scoring, no name drops anything, so the
 * article is found as before. */
static bool chrome(const html_reader *r, xmlNode *n)
{
	if (r->read_text == 0 || is_article(n) || name_is(n, "body") || name_is(n, "html"))
		return false;
	const node_stat *s = stat_of(r, n);
	if (!s || 2 * s->text >= r->read_text)
		return false;
	return attr_names(n, "class", chrome_name) || attr_names(n, "id", chrome_name);
}

/* Is the element (and all it holds) left out? */
static bool skipped(const html_reader *r, xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE)
		return n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE;
	if (name_in(n, code_elements))
		return true;
	if (!r->reader)
		return false;
	if (name_in(n, furniture_elements) || hidden(n) || note_reference(n) || permalink_mark(n) ||
	    read_more(n) || chrome(r, n))
		return true;
	/* An article's kicker, byline and date (htmlmeta.c), once the article is found. */
	if (r->meta && r->read_text && rl_html_in_article_header(n) && rl_html_header_meta(n))
		return true;
	/* A page's header and footer are furniture; an article's own are not (its headline). */
	return (name_is(n, "header") || name_is(n, "footer")) && r->in_article == 0;
}

/* ------------------------------------------------------------------ the walk */

typedef struct walker {
	bool (*enter)(html_reader *r, xmlNode *n);  /* false: do not go inside */
	void (*leave)(html_reader *r, xmlNode *n);
} walker;

/* Every node under top (top too) in document order, entered and left, without recursion. */
static void walk(html_reader *r, xmlNode *top, const walker *w)
{
	xmlNode *n = top;
	while (n && !r->tb.over && !r->tb.nomem) {
		if (w->enter(r, n) && n->children && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			continue;
		}
		for (;;) {
			w->leave(r, n);
			if (n == top) {
				n = NULL;
				break;
			}
			if (n->next) {
				n = n->next;
				break;
			}
			n = n->parent;
		}
	}
}

/* ------------------------------------------------------------------ text */

static size_t list_number(html_reader *r, xmlNode *item)
{
	size_t k = 1;
	xmlNode *list = item->parent;
	if (rl_list_numbers_next(&r->numbers, list, &k))
		return k;
	xmlChar *start = list ? xmlGetProp(list, (const xmlChar *)"start") : NULL;
	if (start) {
		long v = strtol((const char *)start, NULL, 10);
		k = v > 0 && v < 1000000 ? (size_t)v : 1;
		xmlFree(start);
	}
	for (xmlNode *p = item->prev; p; p = p->prev)
		k += name_is(p, "li");
	rl_list_numbers_add(&r->numbers, list, k + 1);
	return k;
}

/* Does the element show a word of its own: a text that is not white space, or an image's
 * description, in what is not left out, outside the items of a list nested in it? A list item
 * without one (a share bar's last, empty <li>; an item holding only a button, or only a nested
 * list) gets no "- " of its own: a bullet alone is no paragraph to compare. */
static bool shows_words(const html_reader *r, xmlNode *top)
{
	xmlNode *n = top->children;
	while (n && n != top) {
		bool inside = false;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			for (const char *c = (const char *)n->content; c && *c; c++)
				if (!strchr(" \t\r\n\f", *c))
					return true;
		} else if (n->type == XML_ELEMENT_NODE && !skipped(r, n) && !name_is(n, "li")) {
			xmlChar *alt = name_is(n, "img") && (!r->reader || in_running_text(n))
			                   ? xmlGetProp(n, (const xmlChar *)"alt") : NULL;
			bool described = alt && alt[0];
			xmlFree(alt);
			if (described)
				return true;
			inside = n->children != NULL;
		}
		if (inside) {
			n = n->children;
			continue;
		}
		while (n != top && !n->next)
			n = n->parent;
		n = n != top ? n->next : top;
	}
	return false;
}

/* Is nothing written since a list item's mark? Then the item's first block (a <p>, a heading,
 * <pre>: mdBook, Sphinx, DocBook and pandoc write <li><p>) begins on the mark's line, as a
 * browser shows it, and white space there is not written (the mark ends with its space). Before,
 * "- " stood alone with the item's text a paragraph below. */
static bool after_item_mark(html_reader *r)
{
	if (r->item_end == 0 || r->tb.len != r->item_end)
		return false;
	r->tb.pending = RL_BREAK_NONE;
	return true;
}

/* Does the <pre> hold listings only: two <code> elements or more, and nothing else but white
 * space and elements without words (a toggle's checkbox)? Node's pages give an example twice in
 * one <pre>, as ES modules and as CommonJS (the toggle shows one), and the two read glued
 * ("'node:url';const" one word); each is then a block of its own, as in the Markdown the page
 * comes from (stop 27). Code spans in a <pre> of text stay in its lines. */
static bool listings(const xmlNode *pre)
{
	unsigned codes = 0;
	for (const xmlNode *c = pre->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE && name_is(c, "code"))
			codes++;
		else if (c->type == XML_ELEMENT_NODE && !name_in(c, furniture_elements))
			return false;
		else if (c->type == XML_TEXT_NODE && c->content &&
		         ((const char *)c->content)[strspn((const char *)c->content, " \t\r\n")])
			return false;
	}
	return codes >= 2;
}

static bool text_enter(html_reader *r, xmlNode *n)
{
	if (skipped(r, n))
		return false;
	if (n->type != XML_ELEMENT_NODE) {
		const char *s = (const char *)n->content;
		if (s && !r->in_pre && after_item_mark(r))
			s += strspn(s, " \t\r\n\f");
		if (s && r->in_pre)
			rl_textbuf_verbatim(&r->tb, s, strlen(s));
		else if (s)
			rl_textbuf_text(&r->tb, s, strlen(s));
		return false;
	}
	r->in_article += is_article(n);
	if (name_is(n, "br")) {
		rl_textbuf_break(&r->tb, RL_BREAK_LINE);
	} else if (name_is(n, "li")) {
		char prefix[32] = "- ";
		if (n->parent && name_is(n->parent, "ol"))
			snprintf(prefix, sizeof prefix, "%zu. ", list_number(r, n));
		rl_textbuf_break(&r->tb, RL_BREAK_PARAGRAPH);
		if (shows_words(r, n)) {
			rl_textbuf_verbatim(&r->tb, prefix, strlen(prefix));
			r->item_end = r->tb.len;
		}
	} else if (name_is(n, "blockquote")) {
		rl_textbuf_quote_enter(&r->tb);
	} else if (name_is(n, "pre")) {
		if (!after_item_mark(r))
			rl_textbuf_break(&r->tb, RL_BREAK_PARAGRAPH);
		if (!r->in_pre++)
			r->pre_listings = listings(n);
	} else if (name_in(n, block_elements)) {
		if (!after_item_mark(r))
			rl_textbuf_break(&r->tb, RL_BREAK_PARAGRAPH);
	} else if (r->in_pre && name_is(n, "code") && n->parent && name_is(n->parent, "pre") &&
	           r->pre_listings) {
		rl_textbuf_break(&r->tb, RL_BREAK_PARAGRAPH);
	} else if (name_is(n, "img")) {
		/* An image in a line of text is its description; one standing alone is not read in
		 * reader mode (in_running_text). */
		xmlChar *alt = r->reader && !in_running_text(n) ? NULL : xmlGetProp(n, (const xmlChar *)"alt");
		if (alt)
			rl_textbuf_text(&r->tb, (const char *)alt, strlen((const char *)alt));
		xmlFree(alt);
	}
	return true;
}

static void text_leave(html_reader *r, xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE || skipped(r, n))
		return;
	r->in_article -= is_article(n) && r->in_article;
	if (name_is(n, "blockquote")) {
		rl_textbuf_quote_leave(&r->tb);
	} else if (name_is(n, "pre")) {
		r->in_pre -= r->in_pre > 0;
		rl_textbuf_break(&r->tb, RL_BREAK_PARAGRAPH);
	} else if (name_is(n, "li") || name_in(n, block_elements)) {
		rl_textbuf_break(&r->tb, RL_BREAK_PARAGRAPH);
	}
}

static const walker text_walker = {text_enter, text_leave};

/* ------------------------------------------------------------------ finding the article */

/* First pass: number the elements (their _private is 1 + their index). */
static bool count_enter(html_reader *r, xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE)
		return false;
	n->_private = (void *)(uintptr_t)++r->nstats;
	return true;
}

static void count_leave(html_reader *r, xmlNode *n)
{
	(void)r, (void)n;
}

static size_t text_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80 && *s != ' ' && *s != '\n' && *s != '\t';
	return n;
}

/* Second pass: text and link text summed up the tree, paragraphs scored. */
static bool score_enter(html_reader *r, xmlNode *n)
{
	if (skipped(r, n))
		return false;
	if (n->type != XML_ELEMENT_NODE) {
		node_stat *p = stat_of(r, n->parent);
		if (p && n->content) {
			size_t c = text_chars((const char *)n->content);
			p->text += c;
			p->links += r->in_link ? c : 0;
		}
		return false;
	}
	r->in_article += is_article(n);
	r->in_link += name_is(n, "a");
	return true;
}

static void score_leave(html_reader *r, xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE || skipped(r, n))
		return;
	r->in_article -= is_article(n) && r->in_article;
	r->in_link -= name_is(n, "a") && r->in_link;
	node_stat *s = stat_of(r, n), *p = stat_of(r, n->parent);
	if (!s || !p)
		return;
	p->text += s->text;
	p->links += s->links;
	if ((name_is(n, "p") || name_is(n, "pre")) && s->text - s->links >= PARA_MIN_TEXT) {
		double score = 1.0 + (double)(s->text / 100 < 3 ? s->text / 100 : 3);
		p->score += score;
		node_stat *g = stat_of(r, n->parent->parent);
		if (g)
			g->score += score / 2;
	}
}

static bool is_heading(const xmlNode *n)
{
	static const char *const headings[] = {"h1", "h2", "h3", "h4", "h5", "h6", NULL};
	return name_in(n, headings);
}

/* Is c nothing to read at the start of an element: white space, a comment, an empty element
 * (an anchor, <span id="document-copyright"></span>)? */
static bool blank(const xmlNode *c)
{
	if (c->type == XML_COMMENT_NODE)
		return true;
	if (c->type == XML_TEXT_NODE)
		return !c->content || !c->content[strspn((const char *)c->content, " \t\r\n\f")];
	return c->type == XML_ELEMENT_NODE && !c->children;
}

/* Does the element open with a heading: is the first thing in it to read, a few wrappers down
 * (DocBook's <div class="titlepage"><div><div><h2>), a heading? */
static bool opens_with_heading(const xmlNode *n)
{
	for (int depth = 0; n && depth < 8; depth++) {
		const xmlNode *c = n->children;
		while (c && blank(c))
			c = c->next;
		if (!c || c->type != XML_ELEMENT_NODE)
			return false;
		if (is_heading(c))
			return true;
		n = c;
	}
	return false;
}

/* A section of a document beside the best block: it opens with a heading, holds prose that
 * scored, is mostly not links, and is not named as a site's widget. */
static bool prose_section(const html_reader *r, xmlNode *n)
{
	const node_stat *s = stat_of(r, n);
	return s && s->score > 0 && s->text > 0 && 2 * s->links < s->text &&
	       opens_with_heading(n) && !attr_names(n, "class", chrome_name) &&
	       !attr_names(n, "id", chrome_name);
}

/* Has n a sibling that is a section of prose? */
static bool among_sections(const html_reader *r, xmlNode *n)
{
	for (xmlNode *s = n->parent->children; s; s = s->next)
		if (s != n && s->type == XML_ELEMENT_NODE && prose_section(r, s))
			return true;
	return false;
}

/* Does n's parent hold nothing to read but n and a heading or a few words (a chapter's
 * <section> around the wrapper of its sections)? */
static bool wraps_only(const html_reader *r, xmlNode *n)
{
	size_t other = 0;
	for (xmlNode *s = n->parent->children; s; s = s->next) {
		const node_stat *st = s != n ? stat_of(r, s) : NULL;
		if (st && st->score > 0)
			return false;
		other += st ? st->text : 0;
	}
	return other < 4 * PARA_MIN_TEXT;
}

/* A document in sections (Sphinx's and DocBook's pages, a manual saved whole) is read whole:
 * its longest section scores best, and alone it was the article, every other section dropped
 * (Debian's Python policy read its chapter 4 alone, 1,564 words of 5,594). While the block read
 * opens with a heading and stands among sections of prose that open with one too, their parent
 * is read (through wrappers that add only a heading). An <article> or <main> is the page's own
 * word for its article and is kept; a block that does not open with a heading (a story's
 * paragraphs) is never widened. */
static xmlNode *whole_document(const html_reader *r, xmlNode *best)
{
	xmlNode *n = best;
	while (!is_article(n) && n->parent && n->parent->type == XML_ELEMENT_NODE &&
	       !name_is(n->parent, "html") && opens_with_heading(n)) {
		if (among_sections(r, n))
			best = n->parent;
		else if (!wraps_only(r, n))
			break;
		n = n->parent;
	}
	return best;
}

/* The element holding the article, or NULL when no block has enough prose. */
static xmlNode *find_article(html_reader *r, xmlNode *root)
{
	static const walker counter = {count_enter, count_leave};
	static const walker scorer = {score_enter, score_leave};
	walk(r, root, &counter);
	r->stats = calloc(r->nstats ? r->nstats : 1, sizeof *r->stats);
	if (!r->stats) {
		r->tb.nomem = true;
		return NULL;
	}
	walk(r, root, &scorer);
	xmlNode *best = NULL, *n = root;
	double best_score = 0;
	/* Every element, in document order (the stats say which were not skipped). */
	while (n) {
		node_stat *s = stat_of(r, n);
		if (s && s->score > 0 && s->text > 0) {
			double score = s->score * (1.0 - (double)s->links / (double)s->text);
			if (score > best_score)
				best = n, best_score = score;
		}
		if (n->children && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			continue;
		}
		while (n && n != root && !n->next)
			n = n->parent;
		n = n && n != root ? n->next : NULL;
	}
	node_stat *b = stat_of(r, best);
	return b && b->text - b->links >= ARTICLE_MIN_TEXT ? whole_document(r, best) : NULL;
}

static bool is_inside(const xmlNode *n, const xmlNode *block)
{
	for (; n; n = n->parent)
		if (n == block)
			return true;
	return false;
}

/* The page's headline: its first <h1> that is read at all. */
static xmlNode *headline(html_reader *r, xmlNode *root)
{
	xmlNode *n = root;
	while (n) {
		if (n->type == XML_ELEMENT_NODE) {
			node_stat *s = stat_of(r, n);
			if (name_is(n, "h1") && s && s->text > 0)
				return n;
			if (n->children) {
				n = n->children;
				continue;
			}
		}
		while (n && n != root && !n->next)
			n = n->parent;
		n = n && n != root ? n->next : NULL;
	}
	return NULL;
}

/* A title block's bounds: a page header of more nodes than this is a masthead, not a title. */
#define TITLE_NODES 2048
#define TITLE_HEADERS 8  /* page headers looked at for a title */

/* A walk in document order under top (from its first child), without recursion; it counts the
 * links it is inside and notes when it leaves the element watched. */
typedef struct order_walk {
	const xmlNode *top, *watch;
	unsigned links;
	bool left_watch;
} order_walk;

/* The node after n (its children first when down), or NULL past top's last. */
static xmlNode *order_next(order_walk *w, xmlNode *n, bool down)
{
	if (down && n->type == XML_ELEMENT_NODE && n->children) {
		w->links += name_is(n, "a");
		return n->children;
	}
	for (;;) {
		w->left_watch = w->left_watch || n == w->watch;
		if (n->next)
			return n->next;
		n = n->parent;
		if (!n || n == w->top)
			return NULL;
		if (name_is(n, "a") && w->links)
			w->links--;
	}
}

/* A page header's title (stop 27): its first <h1>, when the header holds no menu (a <nav>: a
 * site's masthead) and the heading is not mostly a link (a site's name linking home); walked
 * TITLE_NODES nodes at most. */
static xmlNode *header_title(xmlNode *header)
{
	order_walk w = {.top = header};
	xmlNode *h1 = NULL;
	size_t text = 0, linked = 0, k = 0;
	for (xmlNode *n = header->children; n; n = order_next(&w, n, true)) {
		if (++k > TITLE_NODES || name_in(n, furniture_elements))
			return NULL;
		if (!h1 && name_is(n, "h1")) {
			h1 = n;
			w.watch = n;
		} else if (h1 && !w.left_watch && n->type == XML_TEXT_NODE && n->content) {
			size_t c = text_chars((const char *)n->content);
			text += c;
			linked += w.links ? c : 0;
		}
	}
	return h1 && text > 0 && 2 * linked < text ? h1 : NULL;
}

/* The title of a page whose headline stands in a header outside the article (a documentation
 * page's title block: <header class="title"><h1>): the page's header is furniture, so its
 * <h1> was never read. The first header before the article, not in furniture, with a title. */
static xmlNode *title_before(html_reader *r, xmlNode *root, const xmlNode *article)
{
	order_walk w = {.top = root};
	unsigned headers = 0;
	for (xmlNode *n = root->children; n && n != article && headers < TITLE_HEADERS;) {
		bool down = n->type == XML_ELEMENT_NODE;
		if (down && (name_in(n, furniture_elements) || name_is(n, "footer") || hidden(n) ||
		             name_in(n, code_elements) || chrome(r, n)))
			down = false;
		else if (down && name_is(n, "header")) {
			xmlNode *h1 = header_title(n);
			if (h1)
				return h1;
			headers++;
			down = false;
		}
		n = order_next(&w, n, down);
	}
	return NULL;
}

/* Articles nested in an <article> or <main> keep their own header. */
static unsigned articles_above(const xmlNode *n)
{
	unsigned k = 0;
	for (n = n->parent; n; n = n->parent)
		k += is_article(n);
	return k;
}

/* What stands between the headline and the article when they are siblings' (a standfirst):
 * the elements after the headline up to the one holding the article, each read unless it is
 * mostly links (share buttons, tags) or the article's byline or date (htmlmeta.c). */
static void between(html_reader *r, xmlNode *h1, xmlNode *article)
{
	xmlNode *end = h1->next;
	while (end && !is_inside(article, end))
		end = end->next;
	if (!end)
		return;
	for (xmlNode *n = h1->next; n != end; n = n->next) {
		node_stat *st = stat_of(r, n);
		bool meta = r->meta && rl_html_header_meta(n);
		if (st && st->text > 0 && 2 * st->links < st->text && !meta) {
			r->in_article = articles_above(n);
			walk(r, n, &text_walker);
		}
	}
}

static xmlNode *body_of(xmlNode *root)
{
	for (xmlNode *n = root->children; n; n = n->next)
		if (name_is(n, "body"))
			return n;
	return root;
}

/* The encoding to read a page in: the one it declares (libxml2 reads its <meta charset>), else
 * UTF-8 when its bytes are UTF-8 (libxml2 would take them for ISO-8859-1), else libxml2's
 * guess. */
static const char *encoding(const char *data, size_t len)
{
	size_t head = len < 4096 ? len : 4096;
	for (size_t i = 0; i + 8 <= head; i++)
		if (strncasecmp(data + i, "charset=", 8) == 0 ||
		    (i + 9 <= head && strncasecmp(data + i, "encoding=", 9) == 0))
			return NULL;
	for (size_t i = 0; i < len;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)data + i,
		                                      (utf8proc_ssize_t)(len - i), &cp);
		if (n < 0)
			return NULL;
		i += (size_t)n;
	}
	return "UTF-8";
}

/* Parse, or say why not: libxml2 stops at 256 levels of nesting (a page nested deeper is
 * refused rather than read in part); recovering from tag soup is not an error. */
static htmlDocPtr parse(const char *data, size_t len, char *err, size_t errlen)
{
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	if (!ctxt) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	htmlDocPtr doc = htmlCtxtReadMemory(ctxt, data, (int)len, NULL, encoding(data, len),
	                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	                                    HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
	if (doc && ctxt->disableSAX) {
		/* The parser gave up part way: what it built is not the whole page. */
		const xmlError *e = xmlCtxtGetLastError(ctxt);
		const char *why = e && e->message ? e->message : "";
		if (strstr(why, "Excessive depth"))
			snprintf(err, errlen, "HTML elements nested more than %u deep", xmlParserMaxDepth);
		else
			snprintf(err, errlen, "the HTML parser stopped (%.*s)", (int)strcspn(why, "\n"), why);
		xmlFreeDoc(doc);
		doc = NULL;
	} else if (!doc) {
		snprintf(err, errlen, "not an HTML document the parser can read");
	}
	htmlFreeParserCtxt(ctxt);
	return doc;
}

int rl_read_html(const char *data, size_t len, int extract_body, size_t max_out, char **out,
                 size_t *out_len, char *err, size_t errlen)
{
	if (len > INT_MAX) {
		snprintf(err, errlen, "too large for the HTML parser");
		return -1;
	}
	htmlDocPtr doc = NULL;
	if (len && !(doc = parse(data, len, err, errlen)))
		return -1;
	html_reader r = {.reader = extract_body != 0, .meta = extract_body == 2};
	rl_textbuf_init(&r.tb, max_out);
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (root) {
		xmlNode *article = r.reader ? find_article(&r, root) : NULL;
		node_stat *read = stat_of(&r, article ? article : body_of(root));
		r.read_text = read && read->text ? read->text : 0;
		if (article) {
			xmlNode *h1 = headline(&r, root);
			if (!h1)
				h1 = title_before(&r, root, article);
			if (h1 && !is_inside(h1, article)) {
				r.in_article = articles_above(h1);
				walk(&r, h1, &text_walker);
				between(&r, h1, article);
			}
			r.in_article = articles_above(article) + 1;
			walk(&r, article, &text_walker);
		} else {
			r.in_article = 0;
			xmlNode *title = r.reader ? title_before(&r, root, NULL) : NULL;
			if (title)  /* its header is skipped below */
				walk(&r, title, &text_walker);
			walk(&r, body_of(root), &text_walker);
		}
	}
	free(r.stats);
	if (doc)
		xmlFreeDoc(doc);
	return rl_textbuf_finish(&r.tb, out, out_len, err, errlen);
}
