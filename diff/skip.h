/* skip.h: the paragraphs NEW shares with OLD byte for byte, found while NEW is tokenized, so that
 * their tokens and ids are copied from OLD's instead of being made again (issue 13).
 *
 * A long document with a few edits is mostly paragraphs that did not change. Tokenizing one (UTF-8
 * graphemes, widths, classes) and interning its words cost most of a comparison; copying OLD's
 * tokens of the same bytes costs a memcmp and a memcpy. The copy is exact: the tokens of a
 * paragraph depend only on its bytes, given that it starts after a blank line and ends before
 * whitespace (the first token's gap and indent are taken from NEW's own whitespace, and the
 * line-end pass that looks at the whole text runs again on NEW). So every later stage sees the
 * very tokens and ids it would have seen: the alignment cannot change. */
#ifndef REDLINE_SKIP_H
#define REDLINE_SKIP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "token_types.h"

/* OLD's paragraphs, indexed by their first bytes. */
typedef struct rl_paras rl_paras;

/* Index the paragraphs of OLD, its tokens v[0..n) over text[0..len) in its lines l[0..nl)
 * (token_types.h: tokens after a line end up to the next one, with the hash of their bytes).
 * solo_lines: a paragraph holding RL_TF_SOLO words (which a word breaker merged, and NEW's merge
 * keeps as they are) is copied only when it is a whole line on both sides, ASCII whitespace at
 * its ends aside: the breaker a comparison uses answers by the line a run is in (wordbreak.h), so
 * the same line gets the same words. (false when OLD has no such word: then no line is looked
 * at token by token.) */
int rl_paras_new(rl_paras **out, const rl_token *v, size_t n, const char *text, size_t len,
                 const rl_tokline *l, size_t nl, bool solo_lines);
void rl_paras_free(rl_paras *p);

/* Is text[at..) an OLD paragraph followed by whitespace or the end of text[0..n)? Then true, with
 * its OLD line l[*line] and its length in bytes *len. */
bool rl_paras_find(const rl_paras *p, const char *text, size_t n, size_t at, size_t *line,
                   size_t *len);

#endif
