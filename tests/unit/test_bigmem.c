/* Tests for bigmem.c: realloc with the large-page advice keeps what realloc promises; a mapped
 * scratch array is zeroed and given back. */
#if defined(__linux__)
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE  /* mincore */
#endif
#include <sys/mman.h>
#endif
#include <criterion/criterion.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bigmem.h"

/* Grown from nothing past BIGMEM_MIN and beyond, the array keeps every value written before each
 * growth, and all of it can be written. */
Test(bigmem, growing_past_the_large_size_keeps_the_contents)
{
	uint32_t *v = NULL;
	size_t n = 0;
	for (size_t cap = 1000; cap <= 4 * BIGMEM_MIN / sizeof *v; cap *= 4) {
		v = rl_big_realloc(v, cap * sizeof *v);
		cr_assert_not_null(v);
		for (size_t i = 0; i < n; i++)
			cr_assert_eq(v[i], (uint32_t)(i * 2654435761u), "value %zu lost at %zu", i, cap);
		for (size_t i = n; i < cap; i++)
			v[i] = (uint32_t)(i * 2654435761u);
		n = cap;
	}
	cr_assert_geq(n * sizeof *v, BIGMEM_MIN);
	free(v);
}

/* Shrunk below the large size, an array is an ordinary one: realloc's contents, freed by free. */
Test(bigmem, shrinking_keeps_the_head)
{
	char *v = rl_big_realloc(NULL, BIGMEM_MIN + 123);
	cr_assert_not_null(v);
	for (size_t i = 0; i < 4096; i++)
		v[i] = (char)i;
	v = rl_big_realloc(v, 4096);
	cr_assert_not_null(v);
	for (size_t i = 0; i < 4096; i++)
		cr_assert_eq(v[i], (char)i);
	free(v);
}

/* A stage's scratch array: zero-filled and writable below and above RL_MAP_MIN; one of RL_MAP_MIN bytes
 * or more is its own mapping, whose pages are gone once freed (on Linux: mincore fails on them),
 * not left resident in malloc's heap. */
Test(bigmem, a_mapped_array_is_zeroed_and_given_back_when_freed)
{
	const size_t sizes[] = {100, RL_MAP_MIN - 1, RL_MAP_MIN, 3 * RL_MAP_MIN + 17};
	for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
		unsigned char *v = rl_map_alloc(sizes[k]);
		cr_assert_not_null(v);
		for (size_t i = 0; i < sizes[k]; i++)
			cr_assert_eq(v[i], 0, "byte %zu of %zu not zero", i, sizes[k]);
		memset(v, 0xA5, sizes[k]);
		rl_map_free(v, sizes[k]);
#if defined(__linux__)
		if (sizes[k] >= RL_MAP_MIN) {
			unsigned char in[1];
			errno = 0;
			cr_assert_eq(mincore(v, 4096, in), -1, "%zu bytes still mapped", sizes[k]);
			cr_assert_eq(errno, ENOMEM);
		}
#endif
	}
	rl_map_free(NULL, RL_MAP_MIN);  /* nothing, as free(NULL) */
}
