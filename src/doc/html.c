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
#include "htmlnode.h"
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
	const xmlNode *headline; /* the page's headline, when an article was found (htmlmeta.c) */
	const xmlNode *row;   /* the table row being read as one paragraph (rl_html_data_row) */
} html_reader;

/* An element's stats (reader mode), or NULL. */
static node_stat *stat_of(const html_reader *r, const xmlNode *n)
{
	size_t i = n && n->type == XML_ELEMENT_NODE ? (size_t)(uintptr_t)n->_private : 0;
	return i && r->stats ? &r->stats[i - 1] : NULL;
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
	return rl_html_attr_names(n, "class", rl_html_chrome_name) ||
	       rl_html_attr_names(n, "id", rl_html_chrome_name);
}

/* Is the element (and all it holds) left out? */
static bool skipped(const html_reader *r, xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE)
		return n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE;
	if (name_in(n, rl_html_code_elements))
		return true;
	if (!r->reader)
		return false;
	if (name_in(n, rl_html_furniture_elements) || rl_html_hidden(n) ||
	    rl_html_note_reference(n) || rl_html_permalink_mark(n) || rl_html_read_more(n) ||
	    chrome(r, n))
		return true;
	/* An article's kicker, byline and date (htmlmeta.c), in its header or right after its
	 * headline, once the article is found. */
	if (r->meta && r->read_text &&
	    (rl_html_in_article_header(n) || rl_html_after_headline(n, r->headline)) &&
	    rl_html_header_meta(n))
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
	while (n) {
		bool inside = false;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			for (const char *c = (const char *)n->content; c && *c; c++)
				if (!strchr(" \t\r\n\f", *c))
					return true;
		} else if (n->type == XML_ELEMENT_NODE && !skipped(r, n) && !name_is(n, "li")) {
			xmlChar *alt = name_is(n, "img") && (!r->reader || rl_html_in_running_text(n))
			                   ? xmlGetProp(n, (const xmlChar *)"alt") : NULL;
			bool described = alt && alt[0];
			xmlFree(alt);
			if (described)
				return true;
			inside = n->children != NULL;
		}
		n = rl_html_next(top, n, inside);
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
	r->tb.br.pending = RL_BREAK_NONE;
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
		else if (c->type == XML_ELEMENT_NODE && !name_in(c, rl_html_furniture_elements))
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
	} else if (name_is(n, "tr") && !r->row && rl_html_data_row(n)) {
		r->row = n;
		rl_breaks_row_enter(&r->tb.br);
	} else if ((name_is(n, "td") || name_is(n, "th")) && r->row && n->parent == r->row) {
		rl_breaks_cell(&r->tb.br);
	} else if (name_is(n, "pre")) {
		if (!after_item_mark(r))
			rl_textbuf_break(&r->tb, RL_BREAK_PARAGRAPH);
		if (!r->in_pre++)
			r->pre_listings = listings(n);
	} else if (name_in(n, rl_html_block_elements)) {
		if (!after_item_mark(r))
			rl_textbuf_break(&r->tb, RL_BREAK_PARAGRAPH);
	} else if (r->in_pre && name_is(n, "code") && n->parent && name_is(n->parent, "pre") &&
	           r->pre_listings) {
		rl_textbuf_break(&r->tb, RL_BREAK_PARAGRAPH);
	} else if (name_is(n, "img")) {
		/* An image in a line of text is its description; one standing alone is not read in
		 * reader mode (in_running_text). */
		xmlChar *alt = r->reader && !rl_html_in_running_text(n)
		                   ? NULL : xmlGetProp(n, (const xmlChar *)"alt");
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
	if (n == r->row) {
		rl_breaks_row_leave(&r->tb.br);
		r->row = NULL;
	} else if (name_is(n, "blockquote")) {
		rl_textbuf_quote_leave(&r->tb);
	} else if (name_is(n, "pre")) {
		r->in_pre -= r->in_pre > 0;
		rl_textbuf_break(&r->tb, RL_BREAK_PARAGRAPH);
	} else if (name_is(n, "li") || name_in(n, rl_html_block_elements)) {
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
	       opens_with_heading(n) && !rl_html_attr_names(n, "class", rl_html_chrome_name) &&
	       !rl_html_attr_names(n, "id", rl_html_chrome_name);
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
		n = rl_html_next(root, n, true);
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
		}
		n = rl_html_next(root, n, true);
	}
	return NULL;
}

/* A title block's bounds: a page header of more nodes than this is a masthead, not a title. */
#define TITLE_NODES 2048
#define TITLE_HEADERS 8  /* page headers looked at for a title */

/* Is n inside a link below top? */
static bool in_link(const xmlNode *n, const xmlNode *top)
{
	for (n = n->parent; n && n != top; n = n->parent)
		if (name_is(n, "a"))
			return true;
	return false;
}

/* A page header's title (stop 27): its first <h1>, when the header holds no menu (a <nav>: a
 * site's masthead) and the heading is not mostly a link (a site's name linking home); walked
 * TITLE_NODES nodes at most. */
static xmlNode *header_title(xmlNode *header)
{
	xmlNode *h1 = NULL;
	size_t text = 0, linked = 0, k = 0;
	for (xmlNode *n = header->children; n; n = rl_html_next(header, n, true)) {
		if (++k > TITLE_NODES || name_in(n, rl_html_furniture_elements))
			return NULL;
		if (!h1 && name_is(n, "h1")) {
			h1 = n;
		} else if (h1 && n->type == XML_TEXT_NODE && n->content && is_inside(n, h1)) {
			size_t c = text_chars((const char *)n->content);
			text += c;
			linked += in_link(n, header) ? c : 0;
		}
	}
	return h1 && text > 0 && 2 * linked < text ? h1 : NULL;
}

/* The title of a page whose headline stands in a header outside the article (a documentation
 * page's title block: <header class="title"><h1>): the page's header is furniture, so its
 * <h1> was never read. The first header before the article, not in furniture, with a title. */
static xmlNode *title_before(html_reader *r, xmlNode *root, const xmlNode *article)
{
	unsigned headers = 0;
	for (xmlNode *n = root->children; n && n != article && headers < TITLE_HEADERS;) {
		bool down = n->type == XML_ELEMENT_NODE;
		if (down && (name_in(n, rl_html_furniture_elements) || name_is(n, "footer") ||
		             rl_html_hidden(n) || name_in(n, rl_html_code_elements) || chrome(r, n)))
			down = false;
		else if (down && name_is(n, "header")) {
			xmlNode *h1 = header_title(n);
			if (h1)
				return h1;
			headers++;
			down = false;
		}
		n = rl_html_next(root, n, down);
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
			r.headline = h1;
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
