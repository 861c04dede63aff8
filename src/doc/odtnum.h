/* odtnum.h: the list numbering of an OpenDocument text, for odt.c: which lists are numbered, in
 * which shape, and the running number of each item (internal to src/doc/). The counterpart of
 * docxnum.h for Word.
 *
 * A list (text:list) names a list style (text:list-style, in content.xml's automatic styles or in
 * styles.xml) with one definition per level: text:list-level-style-number gives the number's
 * format (style:num-format "1", "a", "A", "i", "I"), what is written before and after it
 * (style:num-prefix, style:num-suffix), the first number (text:start-value) and how many levels'
 * numbers are shown (text:display-levels: "2.1."); text:list-level-style-bullet is a bullet. A
 * nested list is the next level of the list that holds it, and takes its style unless it names
 * one. An item may restart the count (text:start-value); a list may go on counting where an
 * earlier one stopped (text:continue-numbering: the last list of the same style;
 * text:continue-list: the list with that xml:id). */
#ifndef REDLINE_DOC_ODTNUM_H
#define REDLINE_DOC_ODTNUM_H

#include <stddef.h>
#include <libxml/tree.h>
#include <zip.h>

typedef struct rl_odt_numbering rl_odt_numbering;

/* The list styles of content (content.xml's root) and of the archive's styles.xml. NULL when out
 * of memory: every list item is then a bullet, and the calls below accept NULL. */
rl_odt_numbering *rl_odt_numbering_load(zip_t *za, const xmlNode *content);
void rl_odt_numbering_free(rl_odt_numbering *nb);
/* A text:list opens, one level deeper; and closes. */
void rl_odt_list_enter(rl_odt_numbering *nb, const xmlNode *list);
void rl_odt_list_leave(rl_odt_numbering *nb);
/* The mark of list item item (a text:list-item of the innermost open list) into buf: "- " for a
 * bullet, "1. ", "a) ", "2.1. " for a numbered one, as the document shows it. Call it once per
 * item, in the order of the document: it counts. */
void rl_odt_item_mark(rl_odt_numbering *nb, const xmlNode *item, char *buf, size_t n);

#endif
