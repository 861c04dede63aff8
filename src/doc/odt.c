/* odt.c: OpenDocument text (ODT) to text.
 *
 * The text is content.xml's office:text: paragraphs, headings, a table's row a paragraph (its
 * cells apart, formats.h), the first paragraph of a list item with its mark ("- ", or its
 * number as the list's style shows it: "1. ", "a) ", see odtnum.h), frames' text boxes after
 * the paragraph that anchors them, notes (footnotes and endnotes) at the end. Tracked changes
 * are taken as accepted: the deleted text, which ODF keeps apart in text:tracked-changes, is
 * dropped; inserted text is in place and kept. Annotations (comments), forms and page
 * headers/footers (in styles.xml) are dropped. */
#include "formats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docbuf.h"
#include "odtnum.h"
#include "zipxml.h"

typedef struct {
	rl_docbuf *b;
	rl_xml_nodes notes;     /* the document's notes, written at its end */
	rl_odt_numbering *lists;
	const xmlNode *item;  /* the next paragraph starts this list item */
} odt_ctx;

static void walk_blocks(odt_ctx *c, const xmlNode *first);

/* Content that is not text: the deleted text of tracked changes, comments, the number shown for
 * a note, forms, declarations. */
static int skipped(const xmlNode *n)
{
	static const char *const names[] = {"tracked-changes", "annotation", "annotation-end",
	                                    "note-citation", "forms", "sequence-decls",
	                                    "variable-decls", "user-field-decls", "change"};
	return rl_xml_is_any(n, names, sizeof names / sizeof *names);
}

/* A paragraph's content; its text boxes go to boxes, to be written after it. */
static void walk_inline(odt_ctx *c, const xmlNode *first, rl_xml_nodes *boxes)
{
	for (const xmlNode *n = first; n && !rl_docbuf_failed(c->b); n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				rl_docbuf_text(c->b, (const char *)n->content, strlen((const char *)n->content));
		} else if (n->type != XML_ELEMENT_NODE || skipped(n)) {
			continue;
		} else if (rl_xml_is(n, "s") || rl_xml_is(n, "tab")) {
			rl_docbuf_space(c->b);
		} else if (rl_xml_is(n, "line-break")) {
			rl_docbuf_line(c->b);
		} else if (rl_xml_is(n, "note")) {
			for (const xmlNode *k = n->children; k; k = k->next)
				if (rl_xml_is(k, "note-body"))
					rl_xml_nodes_push(&c->notes, k);
		} else if (rl_xml_is(n, "text-box")) {
			rl_xml_nodes_push(boxes, n);
		} else {
			walk_inline(c, n->children, boxes);
		}
	}
}

static void walk_paragraph(odt_ctx *c, const xmlNode *p)
{
	rl_xml_nodes boxes = {0};
	rl_docbuf_para(c->b);
	if (c->item) {
		char mark[128];
		rl_odt_item_mark(c->lists, c->item, mark, sizeof mark);
		rl_docbuf_text(c->b, mark, strlen(mark));
	}
	c->item = NULL;
	walk_inline(c, p->children, &boxes);
	rl_docbuf_para(c->b);
	for (size_t i = 0; i < boxes.n; i++)
		walk_blocks(c, boxes.v[i]->children);
	free(boxes.v);
}

static void walk_blocks(odt_ctx *c, const xmlNode *first)
{
	for (const xmlNode *n = first; n && !rl_docbuf_failed(c->b); n = n->next) {
		if (n->type != XML_ELEMENT_NODE || skipped(n))
			continue;
		if (rl_xml_is(n, "p") || rl_xml_is(n, "h")) {
			walk_paragraph(c, n);
		} else if (rl_xml_is(n, "list")) {
			/* An item whose first child is a nested list only holds that list's items. */
			c->item = NULL;
			rl_odt_list_enter(c->lists, n);
			walk_blocks(c, n->children);
			rl_odt_list_leave(c->lists);
		} else if (rl_xml_is(n, "list-item")) {
			c->item = n;
			walk_blocks(c, n->children);
			c->item = NULL;
		} else if (rl_xml_is(n, "number")) {
			continue;  /* an item's number as last shown, read by rl_odt_item_mark */
		} else if (rl_xml_is(n, "table-row") && rl_xml_data_row(n)) {
			rl_breaks_row_enter(&c->b->br);
			walk_blocks(c, n->children);
			rl_breaks_row_leave(&c->b->br);
		} else {
			if (rl_xml_is(n, "table-cell"))
				rl_breaks_cell(&c->b->br);
			walk_blocks(c, n->children);
		}
	}
}

/* office:document-content/office:body/office:text, or NULL. */
static const xmlNode *office_text(const xmlNode *root)
{
	for (const xmlNode *b = root ? root->children : NULL; b; b = b->next)
		if (rl_xml_is(b, "body"))
			for (const xmlNode *t = b->children; t; t = t->next)
				if (rl_xml_is(t, "text"))
					return t;
	return NULL;
}

/* office:text, then the notes (rl_zip_text_fn). */
static int odt_text(zip_t *za, rl_docbuf *b, char *err, size_t errlen)
{
	int rc = -1;
	odt_ctx c = {.b = b};
	xmlDoc *doc = rl_zip_xml_required(za, "content.xml", "an OpenDocument text", err, errlen);
	if (!doc)
		goto done;
	const xmlNode *text = office_text(xmlDocGetRootElement(doc));
	if (!text) {
		snprintf(err, errlen, "not an OpenDocument text (content.xml holds no office:text)");
		goto done;
	}
	c.lists = rl_odt_numbering_load(za, xmlDocGetRootElement(doc));
	walk_blocks(&c, text->children);
	/* Notes may hold notes of their own: the list grows while it is read. */
	for (size_t i = 0; i < c.notes.n && !rl_docbuf_failed(b); i++)
		walk_blocks(&c, c.notes.v[i]->children);
	rc = 0;
done:
	free(c.notes.v);
	rl_odt_numbering_free(c.lists);
	xmlFreeDoc(doc);
	return rc;
}

int rl_read_odt(const char *data, size_t len, size_t max_out, char **out, size_t *out_len,
                char *err, size_t errlen)
{
	return rl_zip_read_text(data, len, max_out, odt_text, out, out_len, err, errlen);
}
