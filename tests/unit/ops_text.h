/* ops_text.h: an alignment's ops as one line of text, for readable assertions.
 *
 * Each op is its kind, its move id and quote flag when it has them, and its words:
 *   = the cat            equal
 *   r sat > stood        replace (OLD > NEW)
 *   d quietly            delete
 *   i loudly             insert
 *   m2 a moved passage   move (m, then the move id)
 *   r2 x > y             an edit inside move 2
 *   t e - mail > email   a compound written otherwise (RL_OP_TYPO)
 * with " !removed" (or added, altered, elided) after a flagged op, and " | " between ops. Tokens
 * are joined by one space whatever the whitespace between them. */
#ifndef REDLINE_TEST_OPS_TEXT_H
#define REDLINE_TEST_OPS_TEXT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"

static inline void ops_text_add(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		*buf = realloc(*buf, *cap);
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = '\0';
}

static inline void ops_text_tokens(char **buf, size_t *len, size_t *cap, const rl_alignment *al,
                                   int side, uint32_t lo, uint32_t hi)
{
	const rl_tokens *t = rl_alignment_tokens(al, side);
	const rl_token *v = rl_tokens_array(t);
	const char *text = rl_tokens_text(t);
	for (uint32_t i = lo; i < hi; i++) {
		if (i > lo)
			ops_text_add(buf, len, cap, " ", 1);
		ops_text_add(buf, len, cap, text + v[i].off, v[i].len);
	}
}

/* The ops of al as text; the caller frees it. */
static inline char *ops_text(const rl_alignment *al)
{
	size_t n, len = 0, cap = 256;
	const rl_op *ops = rl_alignment_ops(al, &n);
	char *buf = malloc(cap), head[32];
	buf[0] = '\0';
	for (size_t k = 0; k < n; k++) {
		const rl_op *op = &ops[k];
		if (k > 0)
			ops_text_add(&buf, &len, &cap, " | ", 3);
		const char kinds[] = "=dirmft";
		if (op->move)
			snprintf(head, sizeof head, "%c%u ", kinds[op->kind], (unsigned)op->move);
		else
			snprintf(head, sizeof head, "%c ", kinds[op->kind]);
		ops_text_add(&buf, &len, &cap, head, strlen(head));
		if (op->kind == RL_OP_INSERT) {
			ops_text_tokens(&buf, &len, &cap, al, RL_NEW, op->b0, op->b1);
		} else {
			ops_text_tokens(&buf, &len, &cap, al, RL_OLD, op->a0, op->a1);
			if (op->kind == RL_OP_REPLACE || op->kind == RL_OP_TYPO) {
				ops_text_add(&buf, &len, &cap, " > ", 3);
				ops_text_tokens(&buf, &len, &cap, al, RL_NEW, op->b0, op->b1);
			}
		}
		if (op->quote) {
			ops_text_add(&buf, &len, &cap, " !", 2);
			const char *q = rl_quote_name((rl_quote)op->quote);
			ops_text_add(&buf, &len, &cap, q, strlen(q));
		}
	}
	return buf;
}

/* Align two strings with the default options (or opts) and return the ops as text. */
static inline char *diff_text(const char *a, const char *b, const rl_diff_opts *opts)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_alignment *al;
	if (rl_diff(&al, a, strlen(a), b, strlen(b), opts ? opts : &o) != 0)
		return NULL;
	char *s = ops_text(al);
	rl_alignment_free(al);
	return s;
}

#endif
