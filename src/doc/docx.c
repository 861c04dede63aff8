/* docx.c: Word documents (DOCX, Office Open XML) to text.
 *
 * The text is word/document.xml's body, then the footnotes and endnotes: paragraphs, headings,
 * a table's row a paragraph (its cells apart, formats.h), list items with "- ", text boxes
 * after the paragraph that anchors them. Tracked changes are taken as accepted: insertions are
 * kept, deletions dropped, and a paragraph whose mark was deleted runs on into the next (a
 * deleted paragraph is gone, its list number too). Headers, footers, comments, field codes and
 * hidden text are dropped; so are the fields Word generates from the layout (a table of
 * contents, page numbers), whose text changes when the pages do, never by the author's hand. */
#include "formats.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "docbuf.h"
#include "docxnum.h"
#include "docxsym.h"
#include "zipxml.h"

/* The complex fields open where the text is being read (w:fldChar begin ... separate ... end,
 * which may span runs and paragraphs), deepest last; deeper ones are counted, not kept. */
#define FIELD_DEPTH 16
#define FIELD_WORD 16  /* the instruction's first word: PAGE, TOC, PAGEREF */

typedef struct {
	char word[FIELD_WORD];
	size_t len;
	bool result;  /* past w:fldChar separate: its shown result is being read */
} docx_field;

typedef struct {
	rl_docbuf *b;
	rl_docx_numbering *nb;  /* may be NULL: every list item a bullet */
	docx_field field[FIELD_DEPTH];
	unsigned fields, deep;   /* open fields kept, and those past FIELD_DEPTH */
	bool joined;             /* the last paragraph's mark was deleted: this one goes on from it */
	rl_xml_nodes boxes;      /* the text boxes of the paragraphs joined so far (stop 28) */
} docx_ctx;

static void walk_blocks(const xmlNode *first, docx_ctx *c);
static void end_joined(docx_ctx *c);

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

/* The elements that write text. */
static const char *const text_leaves[] = {"t", "tab", "ptab", "br", "cr", "noBreakHyphen",
                                           "sym"};
#define NTEXT_LEAVES (sizeof text_leaves / sizeof *text_leaves)

/* The first child of node with that local name, or NULL. */
static const xmlNode *child(const xmlNode *node, const char *local)
{
	for (const xmlNode *n = node->children; n; n = n->next)
		if (rl_xml_is(n, local))
			return n;
	return NULL;
}

/* Is an on/off property (w:vanish, w:del in a paragraph mark's w:rPr) on? Present without a
 * w:val, or with one other than false. */
static bool prop_on(const xmlNode *props, const char *local)
{
	const xmlNode *p = props ? child(props, local) : NULL;
	if (!p)
		return false;
	char *v = rl_xml_attr(p, "val");
	bool on = !v || (strcmp(v, "0") != 0 && strcmp(v, "false") != 0 && strcmp(v, "off") != 0);
	xmlFree(v);
	return on;
}

/* A run of hidden text (w:vanish): Word does not show it, nor prints it. */
static bool hidden_run(const xmlNode *r)
{
	return prop_on(child(r, "rPr"), "vanish");
}

/* Was the paragraph's mark deleted (a tracked change: accepted, the paragraph joins the next)? */
static bool mark_deleted(const xmlNode *p)
{
	const xmlNode *pr = child(p, "pPr");
	const xmlNode *rpr = pr ? child(pr, "rPr") : NULL;
	return rpr && (child(rpr, "del") || child(rpr, "moveFrom"));
}

/* Is a field of this instruction one Word generates from the layout, whose result is not the
 * author's text: a table of contents (of authorities, an index; the page references in it go
 * with it) or the page's number ("Page 3 of 10")? Its result changes wherever the pages break
 * differently, and a TOC repeats the headings. A cross-reference's page ("see page 12",
 * PAGEREF) is kept: the reader is sent there. */
static bool generated_field(const char *instr)
{
	static const char *const kinds[] = {"TOC", "TOA", "INDEX", "PAGE", "NUMPAGES",
	                                    "SECTIONPAGES"};
	while (*instr == ' ' || *instr == '\t')
		instr++;
	size_t n = strcspn(instr, " \t\\");
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (strlen(kinds[i]) == n && !strncasecmp(instr, kinds[i], n))
			return true;
	return false;
}

/* w:fldChar: a complex field opens, shows its result, or closes. */
static void field_char(const xmlNode *n, docx_ctx *c)
{
	char *type = rl_xml_attr(n, "fldCharType");
	if (type && !strcmp(type, "begin")) {
		if (c->fields < FIELD_DEPTH)
			c->field[c->fields++] = (docx_field){{0}, 0, false};
		else
			c->deep++;
	} else if (type && !strcmp(type, "separate")) {
		if (!c->deep && c->fields)
			c->field[c->fields - 1].result = true;
	} else if (type && !strcmp(type, "end")) {
		if (c->deep)
			c->deep--;
		else if (c->fields)
			c->fields--;
	}
	xmlFree(type);
}

/* w:instrText: the instruction of the innermost open field, whose first word is kept. */
static void field_instr(const xmlNode *n, docx_ctx *c)
{
	if (c->deep || !c->fields)
		return;
	docx_field *f = &c->field[c->fields - 1];
	xmlChar *t = xmlNodeGetContent(n);
	for (const char *s = t ? (const char *)t : ""; *s && f->len < FIELD_WORD - 1; s++)
		if (f->len || (*s != ' ' && *s != '\t'))
			f->word[f->len++] = *s;
	xmlFree(t);
}

/* Is the text being read shown? Not inside a field's instruction (a field nested there gives
 * the instruction a value), nor inside a generated field's result. */
static bool field_shown(const docx_ctx *c)
{
	if (c->deep)
		return false;
	for (unsigned i = 0; i < c->fields; i++)
		if (!c->field[i].result || generated_field(c->field[i].word))
			return false;
	return true;
}

/* Is the block a table of contents in a content control (Word's "Table of Contents" building
 * block, its heading included)? */
static bool toc_block(const xmlNode *sdt)
{
	const xmlNode *pr = child(sdt, "sdtPr");
	const xmlNode *obj = pr ? child(pr, "docPartObj") : NULL;
	const xmlNode *g = obj ? child(obj, "docPartGallery") : NULL;
	char *v = g ? rl_xml_attr(g, "val") : NULL;
	bool toc = v && !strncmp(v, "Table of Contents", 17);
	xmlFree(v);
	return toc;
}

/* Does the paragraph hold text that is read (not deleted, not hidden)? Field results count:
 * what a generated field hides is found only while reading. */
static bool has_text(const xmlNode *first)
{
	for (const xmlNode *n = first; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || skipped(n) || (rl_xml_is(n, "r") && hidden_run(n)))
			continue;
		if (rl_xml_is(n, "t") || rl_xml_is(n, "noBreakHyphen") || rl_xml_is(n, "sym") ||
		    rl_xml_is(n, "txbxContent") || has_text(n->children))
			return true;
	}
	return false;
}

/* A symbol from a symbol font (w:sym), as the character it draws. */
static void write_sym(const xmlNode *n, rl_docbuf *b)
{
	char *font = rl_xml_attr(n, "font"), *code = rl_xml_attr(n, "char"), s[4];
	size_t len = rl_docx_sym(font, code, s);
	if (len)
		rl_docbuf_text(b, s, len);
	xmlFree(font);
	xmlFree(code);
}

/* The inline content of a paragraph: runs, insertions, hyperlinks, fields; its text boxes, met
 * inside it, go to bx to be written after it. */
static void walk_inline(const xmlNode *first, docx_ctx *c, rl_xml_nodes *bx)
{
	rl_docbuf *b = c->b;
	for (const xmlNode *n = first; n && !rl_docbuf_failed(b); n = n->next) {
		if (rl_xml_is(n, "fldChar"))
			field_char(n, c);
		else if (rl_xml_is(n, "instrText"))
			field_instr(n, c);
		if (n->type != XML_ELEMENT_NODE || skipped(n) || (rl_xml_is(n, "r") && hidden_run(n)))
			continue;
		if (rl_xml_is(n, "txbxContent")) {
			rl_xml_nodes_push(bx, n);
		} else if (rl_xml_is(n, "fldSimple")) {
			char *instr = rl_xml_attr(n, "instr");
			if (!instr || !generated_field(instr))
				walk_inline(n->children, c, bx);
			xmlFree(instr);
		} else if (!field_shown(c) && rl_xml_is_any(n, text_leaves, NTEXT_LEAVES)) {
			continue;  /* (what holds runs is walked: a w:fldChar in it may end the field) */
		} else if (rl_xml_is(n, "t")) {
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
		} else if (rl_xml_is(n, "sym")) {
			write_sym(n, b);
		} else {
			walk_inline(n->children, c, bx);
		}
	}
}

/* A paragraph, as it reads with its tracked changes accepted. One whose mark was deleted runs
 * on into the next paragraph (which then adds no list mark of its own), or, when none of its
 * text is left either, is gone with its list number. An empty list item counts in its list, as
 * Word numbers it, but its lone mark is not written. */
static void walk_paragraph(const xmlNode *p, docx_ctx *c)
{
	rl_xml_nodes bx = {0};
	char mark[128] = "";
	bool text = has_text(p->children), joins = mark_deleted(p);
	if (!text && joins) {
		walk_inline(p->children, c, &bx);  /* nothing to write, but fields may open or close */
		free(bx.v);
		return;
	}
	if (!c->joined) {
		list_mark(p, c, mark, sizeof mark);
		rl_docbuf_para(c->b);
		if (text)
			rl_docbuf_text(c->b, mark, strlen(mark));
	}
	walk_inline(p->children, c, &c->boxes);
	c->joined = joins && text;
	if (!c->joined)
		end_joined(c);
}

/* The paragraph being written ends: then the text boxes met in it and in the paragraphs joined
 * to it. Before stop 28 a text box ended a join, the joined paragraph's second part read as a
 * paragraph of its own after the box. */
static void end_joined(docx_ctx *c)
{
	rl_xml_nodes bx = c->boxes;
	c->joined = false;
	c->boxes = (rl_xml_nodes){0};
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
		if (rl_xml_is(n, "p")) {
			walk_paragraph(n, c);
			continue;
		}
		if (c->joined && (rl_xml_is(n, "tbl") || rl_xml_is(n, "tc")))
			end_joined(c);  /* a paragraph runs on only into the next one */
		int row = rl_xml_is(n, "tr") && rl_xml_data_row(n);
		if (row)
			rl_breaks_row_enter(&c->b->br);
		else if (rl_xml_is(n, "tc"))
			rl_breaks_cell(&c->b->br);
		if (!(rl_xml_is(n, "sdt") && toc_block(n)))
			walk_blocks(n->children, c);
		if (row) {
			if (c->joined)
				end_joined(c);  /* a row's last paragraph runs on into no paragraph after it */
			rl_breaks_row_leave(&c->b->br);
		}
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
		if (rl_xml_is(n, "footnote") || rl_xml_is(n, "endnote")) {
			end_joined(c);  /* each note its own text, whatever a damaged file left open */
			c->fields = c->deep = 0;
			walk_blocks(n->children, c);
			rl_docbuf_para(c->b);
		}
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
	end_joined(&c);  /* a last paragraph whose mark was deleted, and its boxes */
	if (add_notes(za, "word/footnotes.xml", &c, err, errlen) == 0 &&
	    add_notes(za, "word/endnotes.xml", &c, err, errlen) == 0)
		rc = 0;
done:
	free(c.boxes.v);
	rl_docx_numbering_free(c.nb);
	xmlFreeDoc(doc);
	return rc;
}

int rl_read_docx(const char *data, size_t len, size_t max_out, char **out, size_t *out_len,
                 char *err, size_t errlen)
{
	return rl_zip_read_text(data, len, max_out, docx_text, out, out_len, err, errlen);
}
