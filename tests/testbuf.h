/* testbuf.h: a growing NUL-terminated string, for the unit tests that build their texts in code
 * (test_skip's edited pairs, test_window's long texts). Fails the test when memory runs out. */
#ifndef REDLINE_TEST_TESTBUF_H
#define REDLINE_TEST_TESTBUF_H

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

typedef struct buf {
	char *s;
	size_t n, cap;
} buf;

static inline void put(buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		cr_assert_not_null(b->s);
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static inline void puts_(buf *b, const char *s)
{
	put(b, s, strlen(s));
}

#endif
