/* htmlmeta.c: an article's own furniture in a web page, its kicker, byline and date (htmlmeta.h).
 *
 * The reader keeps an article's own <header> (its headline is there), and with it the lines a
 * site sets around the headline: the section it files the story under, who wrote it, when. A
 * copy of the story elsewhere (syndicated, pasted into a document, the plain text) has none of
 * them, and they were shown deleted above the first paragraph (stop 33). They are dropped in
 * reader mode, as `--body` drops a stamp; the headline and a standfirst (a sentence) are kept.
 * A line "By" and a name is also a heading ("By the river") and a date alone a diary's heading:
 * so only in an article's header, and only what its markup or "By " says is furniture. */
#include "htmlmeta.h"

#include <string.h>
#include <strings.h>

#include "htmlnode.h"

#define META_MAX_WORDS 15   /* a byline with a title and a date, at most (furniture.c's too) */
#define META_TEXT 512       /* bytes of a line looked at */
#define HEADER_DEPTH 6      /* wrappers between a line and its article's header, at most */
#define HEADLINE_AFTER 3    /* elements between an article's headline and its byline, at most (a
                             * standfirst, a picture): walkway-v1.html has one */

static bool named(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->name &&
	       strcmp((const char *)n->name, name) == 0;
}

static bool is_heading(const xmlNode *n)
{
	return n->type == XML_ELEMENT_NODE && n->name && n->name[0] == 'h' &&
	       n->name[1] >= '1' && n->name[1] <= '6' && !n->name[2];
}

bool rl_html_in_article_header(const xmlNode *n)
{
	int depth = 0;
	for (n = n->parent; n && depth < HEADER_DEPTH; n = n->parent, depth++)
		if (named(n, "header")) {
			for (const xmlNode *p = n->parent; p; p = p->parent)
				if (named(p, "article") || named(p, "main"))
					return true;
			return false;
		} else if (named(n, "article") || named(n, "main") || named(n, "body")) {
			return false;
		}
	return false;
}

bool rl_html_after_headline(const xmlNode *n, const xmlNode *headline)
{
	int k = 0;
	const xmlNode *p = n->prev;
	for (; p && k < HEADLINE_AFTER && p != headline; p = p->prev)
		k += p->type == XML_ELEMENT_NODE;
	return headline && p == headline;
}

/* Does n's parent hold text of its own (not white space), beside n? Then n is part of a line. */
static bool in_a_line(const xmlNode *n)
{
	for (const xmlNode *c = n->parent ? n->parent->children : NULL; c; c = c->next)
		if (c->type == XML_TEXT_NODE && c->content &&
		    ((const char *)c->content)[strspn((const char *)c->content, " \t\r\n\f")])
			return true;
	return false;
}

/* What is under n, as the walk meets it: the text (up to max - 1 bytes, NUL-terminated) and
 * whether it holds a heading, a <time>, and text outside links. Returns the text's length,
 * which may be more than was kept. */
typedef struct {
	bool heading, time, unlinked;
} contents;

static size_t look_under(const xmlNode *top, char *buf, size_t max, contents *c)
{
	size_t len = 0;
	buf[0] = '\0';
	const xmlNode *n = top;
	while (n) {
		if (n->type == XML_TEXT_NODE && n->content) {
			const char *s = (const char *)n->content;
			size_t k = strlen(s);
			bool linked = false;
			for (const xmlNode *p = n->parent; p && p != top->parent; p = p->parent)
				linked |= named(p, "a");
			c->unlinked |= !linked && s[strspn(s, " \t\r\n\f")];
			if (len + k < max)
				memcpy(buf + len, s, k + 1);
			len += k;
		}
		if (n->type == XML_ELEMENT_NODE) {
			c->heading |= is_heading(n);
			c->time |= named(n, "time");
		}
		n = rl_html_next(top, n, true);
	}
	return len;
}

static size_t words(const char *s)
{
	size_t k = 0;
	for (bool in = false; *s; s++) {
		bool sp = strchr(" \t\r\n\f", *s) != NULL;
		k += !sp && !in;
		in = !sp;
	}
	return k;
}

/* Does the text end a sentence ('.', '!', '?', perhaps before a closing quotation mark)? */
static bool ends_sentence(const char *s)
{
	size_t n = strlen(s);
	while (n && strchr(" \t\r\n\f", s[n - 1]))
		n--;
	for (;;) {
		if (n && (s[n - 1] == '"' || s[n - 1] == ')'))
			n--;
		else if (n >= 3 && strncmp(s + n - 3, "\xE2\x80\x9D", 3) == 0)  /* a closing ” */
			n -= 3;
		else
			break;
	}
	return n && strchr(".!?", s[n - 1]);
}

/* "By" and a capital: a byline's opening. */
static bool says_by(const char *s)
{
	s += strspn(s, " \t\r\n\f");
	return strncmp(s, "By ", 3) == 0 && s[3 + strspn(s + 3, " ")] >= 'A' &&
	       s[3 + strspn(s + 3, " ")] <= 'Z';
}

/* The parts of class and id names a site gives its article's furniture, split at '-' and '_'
 * ("story-byline", "entry-meta", "c-kicker", "published_date"). */
static const char *const meta_parts[] = {
	"byline", "author", "authors", "kicker", "meta", "date", "dateline", "eyebrow", "category",
	"timestamp", "published", "posted", "updated", "time", "rubric", "overline", NULL};

static bool meta_name(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t k = strcspn(s + i, "-_ \t\r\n\f");
		k = k < n - i ? k : n - i;
		for (const char *const *w = meta_parts; *w && k; w++)
			if (k == strlen(*w) && strncasecmp(s + i, *w, k) == 0)
				return true;
		i += k + 1;
	}
	return false;
}

static bool named_meta(xmlNode *n)
{
	static const char *const attrs[] = {"class", "id", NULL};
	bool found = false;
	for (const char *const *a = attrs; *a && !found; a++) {
		xmlChar *v = xmlGetProp(n, (const xmlChar *)*a);
		found = v && meta_name((const char *)v, strlen((const char *)v));
		xmlFree(v);
	}
	return found;
}

bool rl_html_header_meta(xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE || in_a_line(n))
		return false;
	char text[META_TEXT];
	contents c = {0};
	size_t len = look_under(n, text, sizeof text, &c);
	if (c.heading || len == 0 || len >= sizeof text || words(text) == 0 ||
	    words(text) > META_MAX_WORDS || ends_sentence(text))
		return false;
	return c.time || !c.unlinked || named(n, "address") || says_by(text) || named_meta(n);
}
