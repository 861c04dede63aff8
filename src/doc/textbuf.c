/* textbuf.c: the readers' output text. */
#include "textbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats.h"
#include "shy.h"

void rl_textbuf_init(rl_textbuf *tb, size_t max)
{
	*tb = (rl_textbuf){.max = max};
}

static void append(rl_textbuf *tb, const char *s, size_t n)
{
	if (tb->over || tb->nomem || n == 0)
		return;
	if (n > tb->max - tb->len) {
		tb->over = true;
		return;
	}
	if (tb->len + n + 1 > tb->cap) {
		size_t cap = tb->cap ? tb->cap : 4096;
		while (cap < tb->len + n + 1)
			cap *= 2;
		char *d = realloc(tb->data, cap);
		if (!d) {
			tb->nomem = true;
			return;
		}
		tb->data = d;
		tb->cap = cap;
	}
	memcpy(tb->data + tb->len, s, n);
	tb->len += n;
}

/* The pending break, written before text (none at the very start). */
static void flush_break(rl_textbuf *tb)
{
	const char *sep = rl_breaks_take(&tb->br, tb->len > 0);
	append(tb, sep, strlen(sep));
}

#define QUOTE_MARKS 64

void rl_textbuf_attach(rl_textbuf *tb, const char *s, size_t n);

static bool starts_with_quote(const char *s, size_t n)
{
	static const char *const marks[] = {"\"", "\xe2\x80\x9c", "\xe2\x80\x98", "\xc2\xab", "'",
	                                    "\xe2\x80\x9e"};
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
		if (n >= strlen(marks[k]) && memcmp(s, marks[k], strlen(marks[k])) == 0)
			return true;
	return false;
}

/* Before a quotation's first text: its opening mark, unless the text has its own. */
static void open_quotes(rl_textbuf *tb, const char *s, size_t n)
{
	for (unsigned d = 0; tb->quote_opening && d < tb->quote_depth && d < QUOTE_MARKS; d++) {
		unsigned long long bit = 1ULL << d;
		if (!(tb->quote_opening & bit))
			continue;
		tb->quote_opening &= ~bit;
		if (!starts_with_quote(s, n)) {
			flush_break(tb);
			append(tb, "\xe2\x80\x9c", 3);
			tb->quote_opened |= bit;
		}
	}
}

void rl_textbuf_quote_enter(rl_textbuf *tb)
{
	rl_textbuf_break(tb, RL_BREAK_PARAGRAPH);
	if (tb->quote_depth < QUOTE_MARKS)
		tb->quote_opening |= 1ULL << tb->quote_depth;
	tb->quote_depth++;
}

void rl_textbuf_quote_leave(rl_textbuf *tb)
{
	if (tb->quote_depth == 0)
		return;
	tb->quote_depth--;
	if (tb->quote_depth < QUOTE_MARKS) {
		unsigned long long bit = 1ULL << tb->quote_depth;
		if (tb->quote_opened & bit)
			rl_textbuf_attach(tb, "\xe2\x80\x9d", 3);
		tb->quote_opened &= ~bit;
		tb->quote_opening &= ~bit;
	}
	rl_textbuf_break(tb, RL_BREAK_PARAGRAPH);
}

static bool is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Append the word s[0, n) without its soft hyphens (shy.h). */
static void append_word(rl_textbuf *tb, const char *s, size_t n)
{
	for (size_t k; (k = rl_soft_hyphen(s, n)) < n; s += k + 2, n -= k + 2)
		append(tb, s, k);
	append(tb, s, n);
}

/* U+00A0 (no-break space) stays: it is a character of the text, not layout. A soft hyphen is
 * layout (shy.h): kept, "docu&shy;ment" differed from "document" and printed as a code. */
void rl_textbuf_text(rl_textbuf *tb, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (is_ws((unsigned char)s[i])) {
			while (i < n && is_ws((unsigned char)s[i]))
				i++;
			rl_textbuf_break(tb, RL_BREAK_SPACE);
			continue;
		}
		size_t j = i;
		while (j < n && !is_ws((unsigned char)s[j]))
			j++;
		if (!rl_soft_hyphens_only(s + i, j - i)) {
			open_quotes(tb, s + i, j - i);
			flush_break(tb);
			append_word(tb, s + i, j - i);
		}
		i = j;
	}
}

void rl_textbuf_verbatim(rl_textbuf *tb, const char *s, size_t n)
{
	if (n == 0)
		return;
	open_quotes(tb, s, n);
	flush_break(tb);
	append(tb, s, n);
}

void rl_textbuf_attach(rl_textbuf *tb, const char *s, size_t n)
{
	if (tb->len)
		append(tb, s, n);
}

bool rl_textbuf_at_paragraph_start(const rl_textbuf *tb)
{
	return tb->len == 0 || tb->br.pending == RL_BREAK_PARAGRAPH;
}

void rl_textbuf_release(rl_textbuf *tb)
{
	free(tb->data);
	*tb = (rl_textbuf){0};
}

int rl_textbuf_finish(rl_textbuf *tb, char **out, size_t *out_len, char *err, size_t errlen)
{
	if (!tb->over && !tb->nomem && tb->len)
		append(tb, "\n", 1);  /* a text ends with its last line's end */
	if (tb->over || tb->nomem) {
		snprintf(err, errlen, "%s",
		         tb->over ? "extracted text is over the size limit (see --max-size)" : "out of memory");
		rl_textbuf_release(tb);
		return -1;
	}
	if (!tb->data && !(tb->data = malloc(1))) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	tb->data[tb->len] = '\0';
	*out = tb->data;
	*out_len = tb->len;
	*tb = (rl_textbuf){0};
	return 0;
}

bool rl_list_numbers_next(rl_list_numbers *ln, const void *list, size_t *n)
{
	for (unsigned k = 0; k < RL_LISTS_KEPT; k++) {
		if (ln->list[k] == list && list) {
			*n = ln->next[k]++;
			return true;
		}
	}
	return false;
}

void rl_list_numbers_add(rl_list_numbers *ln, const void *list, size_t next)
{
	ln->list[ln->slot] = list;
	ln->next[ln->slot] = next;
	ln->slot = (ln->slot + 1) % RL_LISTS_KEPT;
}
