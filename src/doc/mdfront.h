/* mdfront.h: the title of a Markdown file's front matter (internal to src/doc/). Jekyll and Hugo
 * show `title:` as the page's headline, so a changed title is a change a reader sees; the other
 * keys (date, tags, layout) are the page's metadata and stay unread (doc/documents.md, stop 25). */
#ifndef REDLINE_DOC_MDFRONT_H
#define REDLINE_DOC_MDFRONT_H

#include <stdbool.h>
#include <stddef.h>

/* The value of the front matter's title, fm[0, len) being the whole block from its opening
 * `---` (or `+++`, TOML) line to its closing one: a YAML plain, quoted or block scalar, or a
 * TOML string, its escapes read and its lines joined by spaces. Written NUL-terminated to out
 * (at most cap - 1 bytes, cut there); returns false when there is no title or it is empty. */
bool rl_md_front_title(const char *fm, size_t len, char *out, size_t cap);

/* Do a and b hold the same words, letters and digits compared without case, whatever the
 * punctuation and spacing between them ("Roof: where we are" and "Roof — where we are")? */
bool rl_md_same_words(const char *a, size_t alen, const char *b, size_t blen);

#endif
