/* bigmem.c: large arrays in large pages (bigmem.h). */
#ifdef __linux__
#define _DEFAULT_SOURCE  /* madvise and MADV_HUGEPAGE, outside POSIX */
#endif
#include "bigmem.h"

#include <stdint.h>
#include <stdlib.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

/* realloc(p, bytes), marked for large pages from min bytes. */
static void *big_realloc_from(void *p, size_t bytes, size_t min)
{
	void *v = realloc(p, bytes);
#ifdef MADV_HUGEPAGE
	if (v && bytes >= min) {
		/* The whole pages inside the block: a failure (no large pages here) changes nothing. */
		const uintptr_t page = 4096;
		uintptr_t lo = ((uintptr_t)v + page - 1) & ~(page - 1);
		uintptr_t hi = ((uintptr_t)v + bytes) & ~(page - 1);
		(void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
	}
#else
	(void)min;
#endif
	return v;
}

void *rl_big_realloc(void *p, size_t bytes)
{
	return big_realloc_from(p, bytes, BIGMEM_MIN);
}

void *rl_big_alloc_full(size_t bytes)
{
	return big_realloc_from(NULL, bytes, BIGMEM_FULL_MIN);
}

void *rl_map_alloc_from(size_t bytes, size_t min)
{
#if defined(MAP_ANONYMOUS)
	if (bytes >= min) {
		void *v = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		return v == MAP_FAILED ? NULL : v;
	}
#endif
	(void)min;
	return calloc(bytes ? bytes : 1, 1);
}

void rl_map_free_from(void *p, size_t bytes, size_t min)
{
	if (!p)
		return;
#if defined(MAP_ANONYMOUS)
	if (bytes >= min) {
		(void)munmap(p, bytes);
		return;
	}
#endif
	(void)min;
	free(p);
}

void *rl_map_alloc(size_t bytes)
{
	return rl_map_alloc_from(bytes, RL_MAP_MIN);
}

void rl_map_free(void *p, size_t bytes)
{
	rl_map_free_from(p, bytes, RL_MAP_MIN);
}
