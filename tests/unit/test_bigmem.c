/* Tests for bigmem.c: realloc with the large-page advice keeps what realloc promises. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>

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
