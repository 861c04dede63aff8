/* htmlmeta.h: an article's own furniture in a web page (html.c): the kicker, byline and date an
 * article's <header> holds beside its headline. */
#ifndef REDLINE_HTMLMETA_H
#define REDLINE_HTMLMETA_H

#include <libxml/tree.h>
#include <stdbool.h>

/* Is the element n, inside an article's own <header> (or between a headline and its article),
 * a line of the article's furniture: its kicker ("Coast", a link alone), its byline ("By Morwenna
 * Tallis, Coast correspondent") or its date (a <time>)? Only a line standing alone (its parent
 * holds no text of its own), short, no sentence, no heading in it, and saying so by its markup
 * (a <time>, an <address>, a link alone, a class or id such as "byline" or "kicker") or by its
 * "By ". A standfirst is a sentence and is read. */
bool rl_html_header_meta(xmlNode *n);

/* Is n inside a <header> that is inside an <article> or <main> (an article's own header)? */
bool rl_html_in_article_header(const xmlNode *n);

/* Is n one of the few elements (HEADLINE_AFTER) that follow the page's headline among its
 * siblings (an article that sets its byline below its headline with no <header> around them:
 * <h1>, a standfirst, <p class="byline">)? */
bool rl_html_after_headline(const xmlNode *n, const xmlNode *headline);

#endif
