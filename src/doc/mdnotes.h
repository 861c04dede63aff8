/* mdnotes.h: GitHub's footnotes gathered at the end of a Markdown file's text (internal to
 * src/doc/). GitHub shows a file's notes after its last paragraph, in the order they are first
 * referred to, wherever they are written; two drafts whose notes stand in different places then
 * read the same, and compare by their content.
 *
 * The Markdown reader writes each note where it is written, telling this module where its text
 * begins and ends in the output, and which labels the text refers to, in order; at the end, the
 * notes are moved after the rest, with the formatting spans of their text. */
#ifndef REDLINE_DOC_MDNOTES_H
#define REDLINE_DOC_MDNOTES_H

#include <stdbool.h>
#include <stddef.h>

#include "input/input.h"
#include "textbuf.h"

typedef struct rl_md_label {
	const char *s;  /* borrowed: the note's or the mark's label, in the parser's text */
	size_t n;
	size_t seq;     /* the order it was met in */
	size_t start, end;  /* a note's text in the output ([start, end): its paragraph break first) */
	size_t key;         /* where the note goes: its first reference's seq, or SIZE_MAX */
} rl_md_label;

/* Where a note lies in the text, in lines as cmark counts them (1 the first): its definition's
 * and its last (a blank line after it aside). */
typedef struct rl_md_note_lines {
	size_t first, last;
} rl_md_note_lines;

typedef struct rl_md_notes {
	rl_md_label *note, *ref;
	size_t nnote, nref, note_cap, ref_cap;
	rl_md_note_lines *lines;  /* where each definition's note lies, in the order written */
	size_t nlines;
	bool open;   /* the last note's text is being written */
	bool nomem;
} rl_md_notes;

/* Before parsing: a copy of data where every note's definition line outside fenced code opens
 * with an escaped bracket (`\[^1]: Cheap.`), or NULL (no memory). CommonMark reads a one-word
 * note, `[^1]: Cheap.`, as a link's reference definition: the note vanished and its marks became
 * links ("plan^1"); escaped, it is the paragraph the reader knows as a note.
 * A note goes on, as GitHub reads it, over the lines indented four columns after it (blank ones
 * between): those lose the four columns, so that a note's second paragraph is a paragraph (to
 * CommonMark it was code, and read where it was written); nt->lines says where each note lies. */
char *rl_md_escape_note_definitions(rl_md_notes *nt, const char *data, size_t len,
                                    size_t *out_len);

/* The last line of the note defined last in a top-level paragraph of lines [first, last] (last
 * at least), or 0 if it defines none: the note goes on to there. */
size_t rl_md_notes_until(const rl_md_notes *nt, size_t first, size_t last);

/* A mark referring to label[0, n) was read. */
void rl_md_notes_ref(rl_md_notes *nt, const char *label, size_t n);
/* A note labelled label[0, n) begins at the output's offset at (closing the one open). */
void rl_md_notes_open(rl_md_notes *nt, const char *label, size_t n, size_t at);
/* The open note, if any, ends at the output's offset at. */
void rl_md_notes_close(rl_md_notes *nt, size_t at);

/* Move the notes after the rest of tb's text, referred ones first in the order of their first
 * reference, then the others as written, each a paragraph; styles (or NULL) move with the text.
 * Returns false when out of memory (tb and styles are then as they were). */
bool rl_md_notes_gather(rl_md_notes *nt, rl_textbuf *tb, rl_doc_styles *styles);

void rl_md_notes_release(rl_md_notes *nt);

#endif
