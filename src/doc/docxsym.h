/* docxsym.h: a Word symbol (w:sym) as the character it draws. */
#ifndef REDLINE_DOCXSYM_H
#define REDLINE_DOCXSYM_H

#include <stddef.h>

/* The character w:sym's w:font and w:char (hex) draw, in UTF-8 into out (at least 4 bytes):
 * its length, or 0 when the code is no number. */
size_t rl_docx_sym(const char *font, const char *code, char *out);

#endif
