/* json_check.h: a strict JSON validator (RFC 8259) for tests and fuzzers.
 *
 * It only answers "is this exactly one well-formed JSON text?": no tree is built. Strict means
 * what the RFC says and a little more: UTF-8 must be valid (no overlong forms, no surrogates), a
 * \u escape must not leave a lone surrogate, no trailing commas, no leading zeros, nothing but
 * whitespace after the value. Nesting deeper than JSON_CHECK_MAX_DEPTH is refused, so a hostile
 * document cannot exhaust the stack of the checker either. */
#ifndef REDLINE_JSON_CHECK_H
#define REDLINE_JSON_CHECK_H

#include <stddef.h>

#define JSON_CHECK_MAX_DEPTH 256

/* Returns NULL when s[0..n) is one valid JSON text, else a short reason, with *at set to the
 * offset of the first byte that is wrong (at may be NULL). */
const char *json_check(const char *s, size_t n, size_t *at);

#endif
