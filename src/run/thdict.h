/* thdict.h: libthai's Thai dictionary (thbrk.tri) read and walked in place, and a word breaker
 * over it that finds the breaks libthai finds.
 *
 * The file is libdatrie's trie format: an alphabet map (ranges of code points), a double array
 * of base/check cells and a tail of suffixes, every number a big-endian int32 (a suffix's length
 * an int16). libthai's own loader (libdatrie's trie_fread) reads it one 4-byte fread at a time
 * and allocates every suffix: about 31 M instructions before the first Thai word. Here the file
 * is read with one read() and walked where it lies; only an index of the suffixes (one pass over
 * them) is built. Every index read from the file is checked: a truncated or corrupt file is
 * refused when it is read, or, where a cell points outside the file, is a word the walk does not
 * find, never a read outside the bytes.
 *
 * The breaker does what libthai 0.1.29's th_brk_wc_find_breaks does: the text as TIS-620, split
 * into Thai chunks by the line-break classes of its characters (acronyms such as ก.พ. kept whole,
 * no break before ๆ, ฯ), and each chunk cut by maximal matching against the dictionary, with
 * the same recovery over unknown words and the same tie-breaking, so the breaks are the same. */
#ifndef REDLINE_THDICT_H
#define REDLINE_THDICT_H

#include <stddef.h>
#include <stdint.h>

typedef struct rl_thdict rl_thdict;

#define RL_THDICT_OK 0
#define RL_THDICT_BAD (-1)    /* no such file, unreadable, not libdatrie's format, truncated, corrupt */
#define RL_THDICT_NOMEM (-2)  /* out of memory */

/* The dictionary in bytes[0..n) (borrowed: they must outlive it) into *out; or NULL and the
 * reason on one line (no newline) in why[0..why_len). */
int rl_thdict_parse(rl_thdict **out, const unsigned char *bytes, size_t n, char *why,
                    size_t why_len);

/* The dictionary in the file at path, read whole with one read(), into *out; or NULL and the
 * reason in why (the system's for a file that cannot be read, or rl_thdict_parse's). Its memory
 * is mapped apart from the heap (mmap): a dictionary kept until the process ends is no
 * allocation of the comparisons (test_alloc counts those). */
int rl_thdict_read(rl_thdict **out, const char *path, char *why, size_t why_len);

void rl_thdict_free(rl_thdict *d);

/* Where words begin in the text cp[0..n) (code points; the text ends early at a 0), as indexes
 * in (0, n), ascending, at most max of them in pos; returns how many, or -1 when out of memory.
 * The same breaks as libthai's th_brk_wc_find_breaks over the same dictionary. */
int rl_thdict_breaks(const rl_thdict *d, const int32_t *cp, size_t n, int *pos, size_t max);

/* 1 when cp[0..n) is a word of the dictionary, else 0 (tests). */
int rl_thdict_has_word(const rl_thdict *d, const int32_t *cp, size_t n);

#endif
