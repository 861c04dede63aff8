/* formats.h: the document readers behind doc.h, one per format family (internal to src/doc/).
 *
 * Every reader has the same contract, so that the dispatcher in doc.c treats them alike:
 *   - data/len: the document's bytes exactly as read (never modified, never written anywhere);
 *   - max_out: the most bytes of text it may produce (--max-size applies to extracted text too);
 *     past it the reader stops and fails with "extracted text is over the size limit";
 *   - on success *out is a malloc'd NUL-terminated UTF-8 text (owned by the caller), *out_len its
 *     length, and 0 is returned;
 *   - on failure -1 is returned, *out is untouched, and err holds the reason without the file's name
 *     ("not a valid zip archive", "the PDF is encrypted"): the caller prefixes the name.
 *
 * The text they produce is plain text shaped for the diff engine: one paragraph a line, paragraphs
 * (and headings, list items, a table's rows) separated by a blank line, a row's cells apart by
 * RL_CELL_SEP; a list item starts with "- " (numbered ones with their number as the document
 * shows it: "1. ", "a) "); a block quotation is wrapped in “ ” unless it already starts with a
 * quotation mark. Nothing else of the markup survives. */
#ifndef REDLINE_DOC_FORMATS_H
#define REDLINE_DOC_FORMATS_H

#include <stddef.h>

#include "input/input.h"

/* A table reads a row a paragraph, its cells in order with RL_CELL_SEP between them (stop 36): a
 * row of figures reads as a row, a row added is one line, and a cell edited shows in its row.
 * The pipe is how tables are typed in plain text and Markdown, and it is a word of its own to
 * the comparison, so two readings of one table align cell by cell. */
#define RL_CELL_SEP " | "

/* The readers are the module's interface (doclib.h): everything else in it stays hidden. */
#define RL_DOC_EXPORT __attribute__((visibility("default")))

/* extract_body: 0 every text node, 1 reader mode (the article), 2 reader mode without the
 * article's kicker, byline and date (htmlmeta.h; rl_doc_prepare_pair asks for it). */
RL_DOC_EXPORT
int rl_read_html(const char *data, size_t len, int extract_body, size_t max_out, char **out,
                 size_t *out_len, char *err, size_t errlen);
RL_DOC_EXPORT
int rl_read_markdown(const char *data, size_t len, size_t max_out, char **out, size_t *out_len,
                     char *err, size_t errlen);
RL_DOC_EXPORT
/* The same, with the formatting that is not words (emphasis, code, links and their targets) as
 * style spans of the text in *styles (when not NULL; released on failure). */
int rl_read_markdown_styled(const char *data, size_t len, size_t max_out, char **out,
                            size_t *out_len, rl_doc_styles *styles, char *err, size_t errlen);
RL_DOC_EXPORT
int rl_read_docx(const char *data, size_t len, size_t max_out, char **out, size_t *out_len,
                 char *err, size_t errlen);
RL_DOC_EXPORT
int rl_read_odt(const char *data, size_t len, size_t max_out, char **out, size_t *out_len,
                char *err, size_t errlen);
RL_DOC_EXPORT
int rl_read_epub(const char *data, size_t len, size_t max_out, char **out, size_t *out_len,
                 char *err, size_t errlen);
RL_DOC_EXPORT
int rl_read_pdf(const char *data, size_t len, size_t max_out, char **out, size_t *out_len,
                char *err, size_t errlen);

#endif
