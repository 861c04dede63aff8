/* docbuf.c: the reader's text buffer (see docbuf.h). */
#include "docbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats.h"
#include "shy.h"

void rl_docbuf_init(rl_docbuf *b, size_t max)
{
	*b = (rl_docbuf){.max = max};
}

void rl_docbuf_release(rl_docbuf *b)
{
	free(b->s);
	*b = (rl_docbuf){.max = b->max};
}

bool rl_docbuf_failed(const rl_docbuf *b)
{
	return b->over || b->oom;
}

/* Room for n more bytes and a NUL, within the limit. */
static int reserve(rl_docbuf *b, size_t n)
{
	if (rl_docbuf_failed(b))
		return -1;
	if (n > b->max || b->len > b->max - n) {
		b->over = true;
		return -1;
	}
	if (b->len + n + 1 <= b->cap)
		return 0;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + n + 1)
		cap *= 2;
	char *s = realloc(b->s, cap);
	if (!s) {
		b->oom = true;
		return -1;
	}
	b->s = s;
	b->cap = cap;
	return 0;
}

static int put(rl_docbuf *b, const char *s, size_t n)
{
	if (reserve(b, n) != 0)
		return -1;
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

/* Write the owed break, if any text came before it. */
static int flush_break(rl_docbuf *b)
{
	const char *sep = rl_breaks_take(&b->br, b->len > 0);
	return *sep ? put(b, sep, strlen(sep)) : 0;
}

bool rl_docbuf_at_para(const rl_docbuf *b)
{
	return b->len == 0 || b->br.pending == RL_BREAK_PARAGRAPH;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

int rl_docbuf_text(rl_docbuf *b, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (is_space(s[i])) {
			rl_docbuf_space(b);
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && !is_space(s[j]))
			j++;
		/* Soft hyphens are left out of words (shy.h). */
		if (!rl_soft_hyphens_only(s + i, j - i)) {
			if (flush_break(b) != 0)
				return -1;
			for (size_t k; (k = rl_soft_hyphen(s + i, j - i)) < j - i; i += k + 2)
				if (put(b, s + i, k) != 0)
					return -1;
			if (put(b, s + i, j - i) != 0)
				return -1;
		}
		i = j;
	}
	return rl_docbuf_failed(b) ? -1 : 0;
}

int rl_docbuf_glue(rl_docbuf *b, const char *s, size_t n)
{
	b->br.pending = RL_BREAK_NONE;
	return put(b, s, n);
}

int rl_docbuf_finish(rl_docbuf *b, char **out, size_t *out_len, char *err, size_t errlen)
{
	if (b->over) {
		snprintf(err, errlen, "extracted text is over the size limit");
		return -1;
	}
	if (b->oom || (b->len && put(b, "\n", 1) != 0) || reserve(b, 0) != 0) {
		snprintf(err, errlen, b->over ? "extracted text is over the size limit" : "out of memory");
		return -1;
	}
	b->s[b->len] = '\0';
	*out = b->s;
	*out_len = b->len;
	b->s = NULL;
	rl_docbuf_release(b);
	return 0;
}
