/* htmlnode.h: what an element of a web page is, for the HTML reader's files (html.c, htmlmeta.c):
 * its name, whether it is hidden, a site's widget, a note's reference, a permalink's mark, a
 * "Read more:" line or an image in running text; and the walk in document order. Not a face of
 * the readers: only these files include it. */
#ifndef REDLINE_HTMLNODE_H
#define REDLINE_HTMLNODE_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

static inline bool name_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

static inline bool name_in(const xmlNode *n, const char *const *names)
{
	for (; *names; names++)
		if (name_is(n, *names))
			return true;
	return false;
}

/* An <article> or <main>: the page's own word for its article. */
static inline bool is_article(const xmlNode *n)
{
	return name_is(n, "article") || name_is(n, "main");
}

/* The elements (NULL-terminated lists) that are code and metadata, never text; the page's
 * furniture, dropped in reader mode; and the blocks, each a paragraph of its own. */
extern const char *const rl_html_code_elements[];
extern const char *const rl_html_furniture_elements[];
extern const char *const rl_html_block_elements[];

/* The node after n in document order (pre-order) under top, without recursion: n's first child
 * when down and n is an element with children, else the next sibling of n or of its nearest
 * ancestor below top that has one; NULL past top's last node (and for n == top not gone down).
 * Every walk of the reader's that needs no leaving step goes through it (a page nested 100,000
 * deep costs no stack). */
xmlNode *rl_html_next(const xmlNode *top, const xmlNode *n, bool down);

/* A table's row of data, read as one paragraph (formats.h, RL_CELL_SEP), not a row of a page
 * laid out in a table: no table, heading, list or item, quotation, <pre> or section inside it, and
 * less text than RL_HTML_ROW_TEXT bytes. */
bool rl_html_data_row(const xmlNode *tr);

/* A class or id name [s, s + n) of a site's widget (share, related, cookie, ad...). */
bool rl_html_chrome_name(const char *s, size_t n);

/* Does attribute attr of n hold a name (they are separated by spaces) that match takes? */
bool rl_html_attr_names(xmlNode *n, const char *attr, bool (*match)(const char *s, size_t n));

/* hidden, aria-hidden, style="display: none", or a class for screen readers alone. */
bool rl_html_hidden(xmlNode *n);

/* A note's reference: a <sup> holding a short link within the page ("<sup><a href=#n1>1</a>"). */
bool rl_html_note_reference(xmlNode *n);

/* A permalink's mark: a link within the page whose text is one or two signs ("¶", "#"). */
bool rl_html_permalink_mark(xmlNode *n);

/* A "Read more: <a>…</a>" paragraph: a short label ending with a colon, and a link. */
bool rl_html_read_more(xmlNode *n);

/* Does the image stand in a line of text, as a word does (then its description is read)? */
bool rl_html_in_running_text(const xmlNode *img);

#endif
