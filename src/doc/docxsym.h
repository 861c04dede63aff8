/* docxsym.h: a Word symbol (w:sym) as the character it draws. */
#ifndef REDLINE_DOCXSYM_H
#define REDLINE_DOCXSYM_H

#include <stddef.h>

/* The character w:sym's w:font and w:char (hex) draw, in UTF-8 into out (at least 4 bytes):
 * its length, or 0 when it writes nothing: the code is no number or a control, or it is a
 * picture of Wingdings 2 or 3, Webdings or Zapf Dingbats that is a decoration (docxsym.c). */
size_t rl_docx_sym(const char *font, const char *code, char *out);

#endif
