/* shy.h: the soft hyphen (U+00AD) in a document's text (internal to src/doc/). It marks where a
 * word may be broken at a line's end and is shown only there: a reader sees "docu&shy;ment" as
 * "document". The text buffers leave it out of words, so that such a word equals the same word
 * written without it (the PDF reader drops one at a line's end as it rejoins the word). */
#ifndef REDLINE_DOC_SHY_H
#define REDLINE_DOC_SHY_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"  /* rl_soft_hyphen: where the first one of a text starts */

/* Is s[0, n) soft hyphens alone (no word to write)? */
static inline bool rl_soft_hyphens_only(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i += 2)
		if (i + 1 >= n || (unsigned char)s[i] != 0xC2 || (unsigned char)s[i + 1] != 0xAD)
			return false;
	return true;
}

#endif
