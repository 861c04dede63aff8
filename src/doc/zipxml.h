/* zipxml.h: what the DOCX, ODT and EPUB readers share (internal to src/doc/): a zip archive opened
 * from memory with its members read under a size cap, and their XML parsed without the network,
 * external entities or DTD loading. */
#ifndef REDLINE_DOC_ZIPXML_H
#define REDLINE_DOC_ZIPXML_H

#include <stddef.h>
#include <libxml/tree.h>
#include <zip.h>

#include "docbuf.h"

/* The most members an archive may have, and the most bytes one member may inflate to: a document's
 * XML is far smaller, and the cap bounds what a zip bomb can cost (bytes are counted while they
 * are inflated, so a lying header does not help it). */
#define RL_ZIP_MAX_MEMBERS 10000
#define RL_ZIP_MAX_MEMBER (64u << 20)

/* Open data as a zip archive (borrowed: it must outlive the archive). Returns NULL with the
 * reason in err ("not a valid zip archive", "the document is encrypted"). */
zip_t *rl_zip_open(const char *data, size_t len, char *err, size_t errlen);
/* Does the archive have a member of that name? */
int rl_zip_has(zip_t *za, const char *name);
/* Read member name into a malloc'd NUL-terminated buffer. Returns -1 with the reason in err when
 * it is missing, encrypted, over the cap or damaged. */
int rl_zip_read(zip_t *za, const char *name, char **out, size_t *out_len, char *err, size_t errlen);
/* How a reader writes the text of an archive into b: 0, or -1 with the reason in err. */
typedef int rl_zip_text_fn(zip_t *za, rl_docbuf *b, char *err, size_t errlen);
/* A zip document read as formats.h says: data opened as an archive, its text written by text into
 * a buffer of at most max_out bytes, and handed over. */
int rl_zip_read_text(const char *data, size_t len, size_t max_out, rl_zip_text_fn *text,
                     char **out, size_t *out_len, char *err, size_t errlen);
/* Read and parse member name as XML. Returns NULL with the reason in err. */
xmlDoc *rl_zip_xml(zip_t *za, const char *name, char *err, size_t errlen);
/* The same for the member that makes the archive a document of its kind: when it is missing, the
 * reason is "not WHAT (no NAME)" (what: "a Word document"). */
xmlDoc *rl_zip_xml_required(zip_t *za, const char *name, const char *what, char *err,
                            size_t errlen);
/* Is node an element with that local name (any namespace)? */
int rl_xml_is(const xmlNode *node, const char *local);
/* Is node an element with one of the n local names? */
int rl_xml_is_any(const xmlNode *node, const char *const *locals, size_t n);
/* The value of attribute local (any namespace) of node, or NULL; free with xmlFree. */
char *rl_xml_attr(const xmlNode *node, const char *local);

/* Is the table row (w:tr, table:table-row) a row of data, read as one paragraph (formats.h)?
 * Not when a table is nested in it or its text runs past RL_XML_ROW_TEXT bytes: a page laid
 * out in a table (a form, a CV, a newsletter's columns) keeps its paragraphs. */
int rl_xml_data_row(const xmlNode *tr);
/* Attribute local as a number from 0 to 10^9, else dflt (absent, not a number, out of range). */
long rl_xml_attr_long(const xmlNode *node, const char *local, long dflt);

/* Nodes kept for later (a paragraph's text boxes, a document's notes), in order. Under memory
 * pressure a node is lost, nothing else: the text buffer has failed too by then, or soon will. */
typedef struct {
	const xmlNode **v;
	size_t n, cap;
} rl_xml_nodes;

void rl_xml_nodes_push(rl_xml_nodes *s, const xmlNode *node);

#endif
