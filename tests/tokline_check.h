/* tokline_check.h: the lines the tokenizer reports (rl_tokens_lines, token.h) checked against the
 * tokens themselves, the slow way: a line starts at the first token and at each token after a
 * line end; its hash is of its bytes, its width its tokens' widths and a column per space gap;
 * and when the text's only line ends are LF (CR LF), its lines are the tokens between two LFs. */
#ifndef REDLINE_TESTS_TOKLINE_CHECK_H
#define REDLINE_TESTS_TOKLINE_CHECK_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "bytes.h"
#include "text.h"
#include "token.h"

/* NULL when the lines of t are right, else what is wrong (in a static buffer). */
static inline const char *tokline_error(const rl_tokens *t)
{
	static char msg[160];
	const rl_token *v = rl_tokens_array(t);
	const char *text = rl_tokens_text(t);
	size_t n = rl_tokens_count(t), len = rl_tokens_text_len(t), nl;
	bool lf_only;
	const rl_tokline *l = rl_tokens_lines(t, &nl, &lf_only);

	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && v[i].gap < RL_GAP_LINE)
			continue;
		if (k >= nl || l[k].t0 != i) {
			snprintf(msg, sizeof msg, "line %zu: starts at token %u, not %zu", k,
			         k < nl ? l[k].t0 : 0u, i);
			return msg;
		}
		size_t t1 = i + 1;
		/* The columns as drawn: a token's record holds RL_TOK_WIDE for wider (token.h). */
		uint32_t w = (uint32_t)rl_token_width(text, &v[i]);
		for (; t1 < n && v[t1].gap < RL_GAP_LINE; t1++)
			w += (uint32_t)rl_token_width(text, &v[t1]) + (v[t1].gap == RL_GAP_SPACE);
		size_t off = v[i].off, end = (size_t)v[t1 - 1].off + v[t1 - 1].len;
		if (l[k].h != rl_hash_bytes(text + off, end - off)) {
			snprintf(msg, sizeof msg, "line %zu: hash not of its bytes", k);
			return msg;
		}
		if (l[k].width != w) {
			snprintf(msg, sizeof msg, "line %zu: width %u, not %u", k, l[k].width, w);
			return msg;
		}
		k++;
	}
	if (k != nl) {
		snprintf(msg, sizeof msg, "%zu lines reported, %zu found", nl, k);
		return msg;
	}
	/* Only LF and CR LF end lines: whitespace graphemes say. */
	bool only = true;
	for (size_t pos = 0; pos < len;) {
		rl_grapheme g;
		rl_grapheme_next(text + pos, len - pos, &g);
		if ((g.kind == RL_G_NEWLINE || g.kind == RL_G_PARA) && g.cp != '\n' &&
		    !(g.cp == '\r' && g.len == 2))
			only = false;
		pos += g.len;
	}
	if (only != lf_only) {
		snprintf(msg, sizeof msg, "lf_only %d, the text says %d", lf_only, only);
		return msg;
	}
	/* Then the lines are the tokens between two LFs. */
	for (size_t j = 0; lf_only && j < nl; j++) {
		const char *lf = memchr(text + v[l[j].t0].off, '\n', len - v[l[j].t0].off);
		size_t next = j + 1 < nl ? v[l[j + 1].t0].off : len;
		bool ends = j + 1 < nl ? lf && (size_t)(lf - text) < next : !lf || (size_t)(lf - text) >= v[n - 1].off;
		if (!ends) {
			snprintf(msg, sizeof msg, "line %zu: not the tokens up to the next LF", j);
			return msg;
		}
	}
	return NULL;
}

#endif
