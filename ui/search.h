/* search.h: finding a typed pattern in document text.
 *
 * Pure. Matching is byte-wise, with ASCII letters folded when the pattern has no upper-case
 * letter ("smart case", as less -i and vim's smartcase do). One search is one pass over the
 * text (Knuth-Morris-Pratt, with memchr to reach each place a match can start): linear in the
 * text whatever the pattern. */
#ifndef REDLINE_SEARCH_H
#define REDLINE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

/* Should pat be matched ignoring ASCII case: has it no upper-case ASCII letter? */
bool rl_search_smartcase(const char *pat, size_t plen);

/* Forward: the first match starting at or after `from`. Backward: the last match starting at or
 * before `from`. Returns false when there is none (or plen is 0). A pattern of up to 256 bytes
 * (the viewer's limit) needs no memory; a longer one finds nothing when none can be had. */
bool rl_search_find(const char *text, size_t len, const char *pat, size_t plen, size_t from,
                    bool forward, bool icase, size_t *at);

/* Every match, forward from the start, overlapping ones included (as rl_search_find from each
 * match's next byte finds them), in one pass: found(ctx, at) for each, until it returns false.
 * Returns the matches reported. A pattern longer than 256 bytes finds nothing. */
size_t rl_search_each(const char *text, size_t len, const char *pat, size_t plen, bool icase,
                      bool (*found)(void *ctx, size_t at), void *ctx);

#endif
