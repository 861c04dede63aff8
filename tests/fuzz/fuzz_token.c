/* fuzz_token.c: the tokenizer on arbitrary bytes.
 *
 * Invariants: tokens are in order, do not overlap and lie inside the buffer; every byte outside
 * the tokens is whitespace (or the byte-order mark that opens the text); each token's width is
 * rl_text_width of its bytes; the word count and the flags agree with the tokens; the lines
 * (rl_tokens_lines) are those the tokens make (tokline_check.h), and the text tokenized again
 * copying its own lines (rl_tokenize_like) has the same tokens and lines. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_input.h"
#include "status.h"
#include "text.h"
#include "token.h"
#include "tokline_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The bytes between two tokens, [lo, hi), must all be whitespace graphemes. Returns the gap
 * they make, as the tokenizer should have recorded it (a single line end as RL_GAP_LINE). */
static rl_gap check_gap(const char *text, size_t lo, size_t hi)
{
	size_t pos = lo, newlines = 0;
	bool para = false;
	while (pos < hi) {
		rl_grapheme g;
		rl_grapheme_next(text + pos, hi - pos, &g);
		bool bom = pos == 0 && g.cp == 0xFEFF;
		FUZZ_CHECK(g.kind == RL_G_SPACE || g.kind == RL_G_NEWLINE || g.kind == RL_G_PARA || bom,
		           "byte %zu (kind %d, cp %d) is in no token", pos, g.kind, (int)g.cp);
		newlines += g.kind == RL_G_NEWLINE;
		para |= g.kind == RL_G_PARA;
		pos += g.len;
	}
	FUZZ_CHECK(pos == hi, "a whitespace grapheme runs into a token at %zu", hi);
	if (para || newlines >= 2)
		return RL_GAP_PARA;
	if (newlines == 1)
		return RL_GAP_LINE;
	return hi > lo ? RL_GAP_SPACE : RL_GAP_NONE;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size ? size : 1);
	rl_tokens *toks;

	if (!text)
		return 0;
	if (size)
		memcpy(text, data, size);
	int rc = rl_tokenize(&toks, text, size);
	FUZZ_CHECK(rc == RL_OK, "rl_tokenize returned %d", rc);
	FUZZ_CHECK(rl_tokens_text(toks) == text && rl_tokens_text_len(toks) == size, "text borrowed");

	const rl_token *v = rl_tokens_array(toks);
	size_t n = rl_tokens_count(toks), words = 0, end = 0;
	for (size_t i = 0; i < n; i++) {
		const rl_token *t = &v[i];
		FUZZ_CHECK(t->len > 0, "token %zu is empty", i);
		FUZZ_CHECK(t->off >= end, "token %zu at %u overlaps the previous one ending at %zu", i,
		           t->off, end);
		FUZZ_CHECK((size_t)t->off + t->len <= size, "token %zu runs past the text", i);
		rl_gap gap = check_gap(text, end, t->off);
		FUZZ_CHECK(t->gap == gap || (gap == RL_GAP_LINE && t->gap == RL_GAP_BREAK),
		           "token %zu: gap %d, the whitespace before it makes %d", i, t->gap, gap);
		FUZZ_CHECK(t->width == rl_width_field((uint32_t)rl_text_width(text + t->off, t->len)),
		           "token %zu: width %u, its text is %zu columns", i, t->width,
		           rl_text_width(text + t->off, t->len));
		FUZZ_CHECK(t->cls == RL_TOK_WORD || t->cls == RL_TOK_PUNCT, "token %zu: class %d", i,
		           t->cls);
		FUZZ_CHECK(t->gap <= RL_GAP_PARA, "token %zu: gap %d", i, t->gap);
		if (t->flags & RL_TF_INVALID)
			FUZZ_CHECK(t->len == 1 && (t->flags & RL_TF_ESCAPE), "token %zu: invalid byte", i);
		if (t->flags & RL_TF_ASCII)
			for (uint32_t k = 0; k < t->len; k++)
				FUZZ_CHECK(text[t->off + k] >= 0x20 && text[t->off + k] < 0x7F,
				           "token %zu flagged ASCII holds byte %02x", i,
				           (unsigned char)text[t->off + k]);
		/* A reader's words: the second part of a compound (a word glued by ' - ’ ‐ ‑ to the
		 * word before) or of a number (digits glued by . , : to the word before: "5.26") is
		 * not counted again. */
		bool glued = i >= 2 && t->cls == RL_TOK_WORD && t->gap == RL_GAP_NONE && v[i - 1].gap == RL_GAP_NONE &&
		             v[i - 1].cls == RL_TOK_PUNCT && v[i - 2].cls == RL_TOK_WORD &&
		             ((v[i - 1].len == 1 &&
		               (text[v[i - 1].off] == '\'' || text[v[i - 1].off] == '-')) ||
		              (v[i - 1].len == 1 && (t->flags & RL_TF_DIGIT) &&
		               (text[v[i - 1].off] == '.' || text[v[i - 1].off] == ',' ||
		                text[v[i - 1].off] == ':')) ||
		              (v[i - 1].len == 3 && (!memcmp(text + v[i - 1].off, "\xE2\x80\x99", 3) ||
		                                     !memcmp(text + v[i - 1].off, "\xE2\x80\x90", 3) ||
		                                     !memcmp(text + v[i - 1].off, "\xE2\x80\x91", 3))));
		FUZZ_CHECK(glued == ((t->flags & RL_TF_GLUED) != 0), "token %zu: compound part %d", i,
		           glued);
		words += t->cls == RL_TOK_WORD && !glued;
		end = (size_t)t->off + t->len;
	}
	check_gap(text, end, size);
	FUZZ_CHECK(words == rl_tokens_words(toks), "%zu words counted, %zu reported", words,
	           rl_tokens_words(toks));
	/* The lines (token.h), and those of the text tokenized again copying its own lines. */
	const char *err = tokline_error(toks);
	FUZZ_CHECK(!err, "lines: %s", err);
	rl_tokens *again;
	FUZZ_CHECK(rl_tokenize_like(&again, text, size, NULL, toks) == RL_OK, "rl_tokenize_like");
	FUZZ_CHECK(rl_tokens_count(again) == n &&
	           (n == 0 || !memcmp(rl_tokens_array(again), v, n * sizeof *v)),
	           "copied tokens differ");
	err = tokline_error(again);
	FUZZ_CHECK(!err, "copied lines: %s", err);
	rl_tokens_free(again);
	rl_tokens_free(toks);
	free(text);
	return 0;
}
