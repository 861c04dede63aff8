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

typedef struct rl_md_notes {
	rl_md_label *note, *ref;
	size_t nnote, nref, note_cap, ref_cap;
	bool open;   /* the last note's text is being written */
	bool nomem;
} rl_md_notes;

/* Before parsing: a copy of data where every note's definition line outside fenced code opens
 * with an escaped bracket (`\[^1]: Cheap.`), or NULL (no memory). CommonMark reads a one-word
 * note, `[^1]: Cheap.`, as a link's reference definition: the note vanished and its marks became
 * links ("plan^1"); escaped, it is the paragraph the reader knows as a note. */
char *rl_md_escape_note_definitions(const char *data, size_t len, size_t *out_len);

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
