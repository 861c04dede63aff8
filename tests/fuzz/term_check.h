/* term_check.h: is a byte string safe to send to a terminal?
 *
 * The rule redline promises for every text output: nothing a document contains can act on the
 * terminal. Safe means valid UTF-8 with no C0 control but the line feed, no DEL, no C1 control,
 * no format character (bidi embeddings, overrides and isolates, BOM, soft hyphen...; only the
 * zero-width joiner and non-joiner, which live inside emoji and Indic clusters, may pass), no
 * line or paragraph separator; and, when colour is allowed, escape sequences only of the one
 * kind redline writes itself: SGR, ESC [ digits/semicolons m. */
#ifndef REDLINE_TERM_CHECK_H
#define REDLINE_TERM_CHECK_H

#include <stdbool.h>
#include <stddef.h>

/* Returns NULL when s[0..n) is safe, else a short reason with *at set to its offset. */
const char *term_check(const char *s, size_t n, bool sgr_allowed, size_t *at);

/* Display columns of the widest line of s[0..n), SGR sequences not counted (s must be safe). */
size_t term_max_line_width(const char *s, size_t n);

#endif
