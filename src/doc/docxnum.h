/* docxnum.h: the list numbering of a Word document (word/numbering.xml), for docx.c: which lists
 * are numbered and the running number of each item (internal to src/doc/). */
#ifndef REDLINE_DOC_DOCXNUM_H
#define REDLINE_DOC_DOCXNUM_H

#include <stddef.h>
#include <zip.h>

typedef struct rl_docx_numbering rl_docx_numbering;

/* The numbering definitions of the archive, or NULL when it has none (or they cannot be read:
 * every list item is then a bullet). */
rl_docx_numbering *rl_docx_numbering_load(zip_t *za);
void rl_docx_numbering_free(rl_docx_numbering *nb);
/* The mark of the next item of list num_id at level ilvl, into buf: "- " for a bullet, the level's
 * w:lvlText with its numbers for a numbered list ("3. ", "c) ", "2.1. "; the number counts that
 * list's items at that level from w:start, restarting below a new item of a higher level). nb may
 * be NULL. */
void rl_docx_numbering_mark(rl_docx_numbering *nb, long num_id, long ilvl, char *buf, size_t n);

#endif
