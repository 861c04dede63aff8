/* bigmem.h: the engine's largest arrays (tokens, lines, ids), allocated so that filling them costs
 * fewer page faults.
 *
 * A comparison of two 10 MB texts writes some 60 MB of fresh arrays, one page fault every 4 KB:
 * the faults cost as much CPU as tokenizing (measured: OLD's tokens alone 94 ms with their 6,548
 * faults, 60 ms with 722). An array of BIGMEM_MIN bytes or more is marked for the kernel's large
 * pages (Linux, madvise MADV_HUGEPAGE), which are mapped a block at a time as it is written; what
 * is never written is still no memory, and a large page is at most 2 MB more than the array
 * needs. Elsewhere the call is realloc alone. */
#ifndef REDLINE_BIGMEM_H
#define REDLINE_BIGMEM_H

#include <stddef.h>

/* Arrays smaller than this are left as malloc maps them: a large page is up to 2 MB more than an
 * array needs, and test_memory's 4 MB of ideographs peaked at 11.7 times the input (not 11.5)
 * with its 8 MB token array in them. */
#define BIGMEM_MIN ((size_t)16 << 20)

/* realloc(p, bytes), the result marked as above when it is BIGMEM_MIN bytes or more. Its arrays
 * hold no pointers, so the result aliases nothing the caller holds: told to the compiler, which
 * otherwise reloads through every store into them (intern_tokens' loop, the tokenizer's). */
#if defined(__GNUC__)
__attribute__((malloc))
#endif
void *rl_big_realloc(void *p, size_t bytes);

/* A new array of `bytes` that its caller writes whole (the ids of a text; a file's bytes, read by
 * src/input/source.c): marked as above from BIGMEM_FULL_MIN bytes, since a large page inside an
 * array written whole is memory the array takes anyway (BIGMEM_MIN's margin is for arrays with
 * room left unwritten). The ids of two 10 MB texts, 8 MB a side, took 4,100 of the first phase's
 * 14,000 page faults, reading them 5,100. */
#define BIGMEM_FULL_MIN ((size_t)4 << 20)
#if defined(__GNUC__)
__attribute__((malloc))
#endif
void *rl_big_alloc_full(size_t bytes);

/* A scratch array of a stage, zero-filled, mapped on its own when it is RL_MAP_MIN bytes or more
 * (Linux: mmap), so that freeing it gives its pages back at once. From malloc, a freed block that
 * malloc had mapped raises malloc's own threshold to its size, and the blocks of that size after it
 * come from the heap, where they stay resident once freed: on two unrelated 1 MB texts the moves
 * stage's first pass left its index and chains (3.2 MiB) resident under the second pass's, the
 * row's peak. Free with rl_map_free and the same size. NULL when out of memory. */
#define RL_MAP_MIN ((size_t)256 << 10)
void *rl_map_alloc(size_t bytes);
void rl_map_free(void *p, size_t bytes);
/* The same, mapped on its own from min bytes (free with the same size and min). */
void *rl_map_alloc_from(size_t bytes, size_t min);
void rl_map_free_from(void *p, size_t bytes, size_t min);

#endif
