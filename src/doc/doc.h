/* doc.h: documents (HTML, Markdown, DOCX, ODT, EPUB, PDF) turned into the text redline compares,
 * and page furniture kept out of the comparison. The one public header of src/doc/.
 *
 * A side's bytes go through rl_doc_prepare once they are read (a file, standard input, a git
 * blob): its format is detected from the content (never the file name) unless --format says,
 * a document's text is extracted by its reader (formats.h), and with --body or -I the lines that
 * are page furniture are dropped from what is compared. Plain text stays exactly as read.
 *
 * Two kinds of text, so that every byte range printed can be checked:
 *   - the extracted text: what `redline --extract FILE` prints (the file's bytes for plain text);
 *   - the compared text: the extracted text without the dropped lines.
 * --json gives its ranges (and the dropped ranges) in the extracted text; rl_doc_map_offset maps
 * an offset of the compared text back into it. */
#ifndef REDLINE_DOC_H
#define REDLINE_DOC_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>

#include "input/input.h"

typedef enum rl_docfmt {
	RL_DOCFMT_AUTO,   /* detect from the content */
	RL_DOCFMT_TEXT,
	RL_DOCFMT_HTML,
	RL_DOCFMT_MARKDOWN,
	RL_DOCFMT_DOCX,
	RL_DOCFMT_ODT,
	RL_DOCFMT_EPUB,
	RL_DOCFMT_PDF,
} rl_docfmt;

/* --body: furniture lines dropped by default for HTML only, or always, or never. */
typedef enum rl_body {
	RL_BODY_DEFAULT,
	RL_BODY_ON,
	RL_BODY_OFF,
} rl_body;

/* How every side is read. The regular expressions are borrowed (compiled by the caller). */
typedef struct rl_doc_opts {
	rl_docfmt format;        /* RL_DOCFMT_AUTO: detect */
	bool no_extract;         /* --no-extract: HTML keeps every text node, no reader mode */
	rl_body body;
	const regex_t *ignore;   /* -I: lines matching any of these are dropped */
	size_t nignore;
	size_t max_size;         /* --max-size: the extracted text's limit too */
} rl_doc_opts;

/* What the content looks like. Conservative: text that is not clearly a document is text. */
rl_docfmt rl_doc_detect(const char *data, size_t len);

/* "text", "html", "markdown", "docx", "odt", "epub", "pdf". */
const char *rl_doc_format_name(rl_docfmt f);

/* --format=NAME. Returns -1 for an unknown name. */
int rl_doc_format_parse(const char *name, rl_docfmt *out);

/* The extracted text of data in format f (not AUTO): a malloc'd NUL-terminated copy for plain
 * text. Returns 0, or -1 with the reason in err (without the file's name). */
int rl_doc_extract(const char *data, size_t len, rl_docfmt f, bool reader_mode, size_t max_out,
                   char **out, size_t *out_len, char *err, size_t errlen);

/* Make a side read from its bytes into the text compared: detect, extract, drop furniture.
 * src->data becomes the compared text, src->doc says what was done. On failure returns -1 with
 * "NAME: reason" in err, src unchanged. */
int rl_doc_prepare(rl_source *src, const rl_doc_opts *o, char *err, size_t errlen);

/* The two sides of one comparison prepared (rl_doc_prepare each), read alike: where no format is
 * forced, one side looks like Markdown and the other is plain text with a sign of Markdown of
 * its own (one kind of construct, where Markdown needs two), both are read as plain text. Two
 * copies of one plain text (release notes with `code` and a **bold** word, wrapped anew) were
 * read one as text and the other as Markdown, whose markup and raw HTML then changed one side
 * only. A text with no sign at all (empty, or a Markdown file's text as rendered) leaves the
 * Markdown side read as Markdown. */
int rl_doc_prepare_pair(rl_source src[2], const rl_doc_opts *o, char *err, size_t errlen);

/* Which rules find furniture (rl_doc_furniture). */
enum {
	RL_FURN_PATTERNS = 1,  /* lines that say what they are: "Related posts", "Copyright ©"... */
	RL_FURN_POSITION = 2,  /* short lines outside the article body, menus (plain text only) */
};

/* The furniture of a text, and the lines -I matches: ranges [start, end) of whole lines (their
 * newline included; blank lines between two dropped lines too), sorted, disjoint. On success
 * *ranges is a malloc'd array of 2 * *n offsets (NULL when *n is 0). Returns -1 when out of
 * memory. */
int rl_doc_furniture(const char *text, size_t len, const regex_t *ignore, size_t nignore,
                     unsigned rules, size_t **ranges, size_t *n);

/* The same, and the lines starting at the offsets also[0..nalso) (sorted: an HTML side's article
 * furniture the other side lacks, rl_doc_prepare_pair). */
int rl_doc_furniture_also(const char *text, size_t len, const regex_t *ignore, size_t nignore,
                          unsigned rules, const size_t *also, size_t nalso, size_t **ranges,
                          size_t *n);

/* Does the line [s, s + n) say it is furniture (a stamp, a byline with a reading time, "Share
 * this"...), as the pattern rules of rl_doc_furniture find it wherever it stands? */
bool rl_doc_says_furniture(const char *s, size_t n);

/* An offset of src's compared text as an offset of its extracted text. at_end: the offset ends a
 * range (a dropped passage there is not crossed). */
size_t rl_doc_map_offset(const rl_source *src, size_t off, bool at_end);

#endif
