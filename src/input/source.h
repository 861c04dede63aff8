/* source.h: the bytes of a side. A source is read from a file, standard input or a blob of the
 * git repository (repo.h); whatever it is, it ends as a byte buffer and a display name, and nothing
 * after it knows more. Which of them a command-line operand names is decided by rl_source_read
 * (input.h), so that this file and repo.h need not know each other. */
#ifndef REDLINE_SOURCE_H
#define REDLINE_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "align.h"

/* A document's formatting that is not words (Markdown's emphasis, code, a link's target), as
 * style spans of its compared text for the engine (align.h: rl_diff_styled). A span's style is
 * a hash of its description ("strong, link https://example.org/"), so that the same formatting
 * has the same number on both sides; names[name[k]] is span k's description. */
typedef struct rl_doc_styles {
	rl_style_span *v;  /* sorted, disjoint (owned) */
	uint32_t *name;    /* per span: the offset of its description in names (owned) */
	size_t n;
	char *names;       /* descriptions, each NUL-terminated (owned) */
	size_t names_len;
} rl_doc_styles;

/* What src/doc/ (doc.h) made of a side's bytes; all zero for bytes as read. */
typedef struct rl_source_doc {
	const char *format;    /* "text", "html", ... (static); NULL until prepared */
	bool extracted;        /* the text was extracted from a document */
	size_t full_len;       /* the extracted text's length, dropped lines included */
	size_t *dropped;       /* furniture dropped: pairs [start, end) in that text (owned) */
	size_t ndropped;       /* pairs */
	size_t dropped_lines;  /* the lines of text (not blank) in them */
	size_t *furniture;     /* per dropped range, pairs: the byte of the compared text where it
	                          stood, and its lines of text (owned; what the viewer folds) */
	bool styled;           /* its formatting was read (Markdown) into styles */
	rl_doc_styles styles;  /* formatting (Markdown only; empty otherwise) */
} rl_source_doc;

typedef struct rl_source {
	char *data;        /* the bytes (owned; NUL-terminated for convenience): as read, or the text
	                    * compared once rl_doc_prepare has run */
	size_t len;
	char *name;        /* the display name (owned) */
	rl_source_doc doc;
} rl_source;

/* Read standard input ("-"). On failure returns -1 and writes "NAME: reason" to err; never
 * exits. */
int rl_source_read_stdin(rl_source *src, size_t max_size, char *err, size_t errlen);

/* Read a file (never a revision, never standard input) named `name` in messages and output. */
int rl_source_read_file(rl_source *src, const char *path, const char *name, size_t max_size,
                        char *err, size_t errlen);

/* A source holding a copy of len bytes, or nothing (len 0, data may be NULL): an absent side. */
int rl_source_from_bytes(rl_source *src, const char *data, size_t len, const char *name,
                         size_t max_size, char *err, size_t errlen);

/* Give src another display name. Returns -1 when out of memory (src unchanged). */
int rl_source_rename(rl_source *src, const char *name);
void rl_source_release(rl_source *src);

/* A copy of src (for "-" given twice: standard input can be read only once). Returns -1 when out
 * of memory. */
int rl_source_copy(rl_source *dst, const rl_source *src);

/* The name the viewer shows for src: its name, and the lines of page furniture dropped from it
 * when there were any ("page.html (12 lines of furniture dropped)"). malloc'd; NULL when out
 * of memory. */
char *rl_source_title(const rl_source *src);

/* The styles the engine gets for a pair (borrowed from the sources): each side's when both sides
 * had their formatting read, else none (a Markdown file against plain text or a web page, whose
 * formatting is not read, would otherwise show every emphasised word as restyled). */
void rl_source_pair_styles(const rl_source *old, const rl_source *new_, rl_styles out[2]);
/* Compare two sides, with those styles (rl_diff_styled: RL_OK, or the engine's status). */
int rl_source_diff(rl_alignment **out, const rl_source *old, const rl_source *new_,
                   const rl_diff_opts *opts);

/* The description of the formatting at byte off of src's compared text ("" for none). */
const char *rl_source_style_at(const rl_source *src, size_t off);

/* Release styles (and zero them). Inline: the Markdown reader, in a module that cannot call the
 * program (doclib.h), releases what it gathered on failure with it too. */
static inline void rl_doc_styles_release(rl_doc_styles *st)
{
	free(st->v);
	free(st->name);
	free(st->names);
	*st = (rl_doc_styles){0};
}
/* Copy styles (-1 when out of memory, dst then empty). */
int rl_doc_styles_copy(rl_doc_styles *dst, const rl_doc_styles *src);

/* Does the buffer look binary: a NUL byte in its first 8 KiB (as diff decides)? */
bool rl_source_is_binary(const rl_source *src);

#endif
