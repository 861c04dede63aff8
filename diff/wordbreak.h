/* wordbreak.h: words of the scripts written without spaces, from the caller's word breaker
 * (internal to diff/; the public type rl_wordbreak is in token.h).
 *
 * The tokenizer makes every grapheme of Thai, Lao, Khmer and Myanmar a word of its own. With a
 * breaker, each run of one such script is handed to it and its graphemes are merged into the
 * words it finds, so that one changed Thai word is one changed token, as MediaWiki's diff does
 * with its dictionary. */
#ifndef REDLINE_WORDBREAK_H
#define REDLINE_WORDBREAK_H

#include <stddef.h>

#include "token_types.h"

/* Merge the per-grapheme tokens v[0..*n) of text into words as wb finds them, in place: *n and
 * *words (the word count) shrink accordingly. Returns RL_OK, or RL_ENOMEM (v is then half merged,
 * only fit to be freed). */
int rl_wordbreak_merge(rl_token *v, size_t *n, size_t *words, const char *text,
                       const rl_wordbreak *wb);

#endif
