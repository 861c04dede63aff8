/* docx.c: Word documents (DOCX, Office Open XML) to text.
 *
 * The text is word/document.xml's body, then the footnotes and endnotes: paragraphs, headings and
 * table cells one a paragraph, list items with "- ", text boxes after the paragraph that anchors
 * them. Tracked changes are taken as accepted: insertions are kept, deletions dropped. Headers,
 * footers, comments and field codes are dropped. */
#include "formats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docbuf.h"
#include "docxnum.h"
#include "zipxml.h"

typedef struct {
	rl_docbuf *b;
	rl_docx_numbering *nb;  /* may be NULL: every list item a bullet */
} docx_ctx;

static void walk_blocks(const xmlNode *first, docx_ctx *c);

/* The list mark of a paragraph ("- ", "3. "), or "" when it is not a list item: numbered by
 * w:numPr (w:numId 0 takes a numbering away), or in a list style. */
static void list_mark(const xmlNode *p, docx_ctx *c, char *mark, size_t n)
{
	mark[0] = '\0';
	for (const xmlNode *pr = p->children; pr; pr = pr->next) {
		if (!rl_xml_is(pr, "pPr"))
			continue;
		for (const xmlNode *d = pr->children; d; d = d->next) {
			if (rl_xml_is(d, "numPr")) {
				long num_id = -1, ilvl = 0;
				for (const xmlNode *e = d->children; e; e = e->next) {
					char *v = rl_xml_is(e, "numId") || rl_xml_is(e, "ilvl") ? rl_xml_attr(e, "val") : NULL;
					if (v && rl_xml_is(e, "numId"))
						num_id = strtol(v, NULL, 10);
					else if (v)
						ilvl = strtol(v, NULL, 10);
					xmlFree(v);
				}
				if (num_id != 0)
					rl_docx_numbering_mark(c->nb, num_id, ilvl, mark, n);
				return;
			}
			if (rl_xml_is(d, "pStyle")) {
				char *v = rl_xml_attr(d, "val");
				if (v && (!strncmp(v, "List", 4) || !strncmp(v, "list", 4)) &&
				    strcmp(v, "ListParagraph") != 0)
					snprintf(mark, n, "- ");
				xmlFree(v);
			}
		}
	}
}

/* Elements whose content is not part of the text: deletions, field codes, properties, the
 * fallback copy of a drawing (its text box is in the choice), comments' anchors. */
static int skipped(const xmlNode *n)
{
	static const char *const names[] = {"del", "moveFrom", "delText", "delInstrText", "instrText",
	                                    "pPr", "rPr", "sectPr", "tblPr", "trPr", "tcPr",
	                                    "Fallback", "commentReference", "footnoteReference",
	                                    "endnoteReference", "annotationRef"};
	return rl_xml_is_any(n, names, sizeof names / sizeof *names);
}

/* The inline content of a paragraph: runs, insertions, hyperlinks, fields; its text boxes, met
 * inside it, go to bx to be written after it. */
static void walk_inline(const xmlNode *first, rl_docbuf *b, rl_xml_nodes *bx)
{
	for (const xmlNode *n = first; n && !rl_docbuf_failed(b); n = n->next) {
		if (n->type != XML_ELEMENT_NODE || skipped(n))
			continue;
		if (rl_xml_is(n, "t")) {
			xmlChar *t = xmlNodeGetContent(n);
			if (t)
				rl_docbuf_text(b, (const char *)t, strlen((const char *)t));
			xmlFree(t);
		} else if (rl_xml_is(n, "tab") || rl_xml_is(n, "ptab")) {
			rl_docbuf_space(b);
		} else if (rl_xml_is(n, "br") || rl_xml_is(n, "cr")) {
			char *type = rl_xml_attr(n, "type");
			/* A page or column break inside a paragraph is only a space to a reader. */
			if (type && strcmp(type, "textWrapping") != 0)
				rl_docbuf_space(b);
			else
				rl_docbuf_line(b);
			xmlFree(type);
		} else if (rl_xml_is(n, "noBreakHyphen")) {
			rl_docbuf_glue(b, "-", 1);
		} else if (rl_xml_is(n, "txbxContent")) {
			rl_xml_nodes_push(bx, n);
		} else {
			walk_inline(n->children, b, bx);
		}
	}
}

static void walk_paragraph(const xmlNode *p, docx_ctx *c)
{
	rl_xml_nodes bx = {0};
	char mark[128];
	list_mark(p, c, mark, sizeof mark);
	rl_docbuf_para(c->b);
	rl_docbuf_text(c->b, mark, strlen(mark));
	walk_inline(p->children, c->b, &bx);
	rl_docbuf_para(c->b);
	for (size_t i = 0; i < bx.n; i++)
		walk_blocks(bx.v[i]->children, c);
	free(bx.v);
}

/* Block content: paragraphs, tables, content controls, insertions around whole paragraphs. */
static void walk_blocks(const xmlNode *first, docx_ctx *c)
{
	for (const xmlNode *n = first; n && !rl_docbuf_failed(c->b); n = n->next) {
		if (n->type != XML_ELEMENT_NODE || skipped(n))
			continue;
		if (rl_xml_is(n, "p"))
			walk_paragraph(n, c);
		else
			walk_blocks(n->children, c);
	}
}

/* The footnotes or endnotes part, if any: each real note's paragraphs (the separator notes that
 * Word writes carry a w:type and are skipped). */
static int add_notes(zip_t *za, const char *name, docx_ctx *c, char *err, size_t errlen)
{
	if (!rl_zip_has(za, name))
		return 0;
	xmlDoc *doc = rl_zip_xml(za, name, err, errlen);
	if (!doc)
		return -1;
	const xmlNode *root = xmlDocGetRootElement(doc);
	for (const xmlNode *n = root ? root->children : NULL; n; n = n->next) {
		char *type = rl_xml_is(n, "footnote") || rl_xml_is(n, "endnote") ? rl_xml_attr(n, "type") : NULL;
		if (type && strcmp(type, "normal") != 0) {
			xmlFree(type);
			continue;
		}
		xmlFree(type);
		if (rl_xml_is(n, "footnote") || rl_xml_is(n, "endnote"))
			walk_blocks(n->children, c);
	}
	xmlFreeDoc(doc);
	return 0;
}

/* The body, then the notes (rl_zip_text_fn). */
static int docx_text(zip_t *za, rl_docbuf *b, char *err, size_t errlen)
{
	int rc = -1;
	docx_ctx c = {.b = b, .nb = rl_docx_numbering_load(za)};
	xmlDoc *doc = rl_zip_xml_required(za, "word/document.xml", "a Word document", err, errlen);
	if (!doc)
		goto done;
	const xmlNode *root = xmlDocGetRootElement(doc);
	if (!root || !rl_xml_is(root, "document")) {
		snprintf(err, errlen, "not a Word document (word/document.xml holds no w:document)");
		goto done;
	}
	walk_blocks(root->children, &c);
	if (add_notes(za, "word/footnotes.xml", &c, err, errlen) == 0 &&
	    add_notes(za, "word/endnotes.xml", &c, err, errlen) == 0)
		rc = 0;
done:
	rl_docx_numbering_free(c.nb);
	xmlFreeDoc(doc);
	return rc;
}

int rl_read_docx(const char *data, size_t len, size_t max_out, char **out, size_t *out_len,
                 char *err, size_t errlen)
{
	return rl_zip_read_text(data, len, max_out, docx_text, out, out_len, err, errlen);
}
