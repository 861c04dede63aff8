/* token.h: UTF-8 text to word tokens with byte spans, classes, widths and the whitespace between.
 *
 * Only content is a token: words and punctuation (symbols, escapes and invalid bytes count as
 * punctuation). The whitespace before a token is recorded on it as a gap, which is all the layout
 * needs to know of it; a blank line is the paragraph gap. Keeping whitespace out of the array
 * halves its size, and the diff never compares it anyway. */
#ifndef REDLINE_TOKEN_H
#define REDLINE_TOKEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text.h"
#include "token_types.h"

/* The tokens of one text. Opaque: read it through the functions below. */
typedef struct rl_tokens rl_tokens;

/* Tokenize text[0..len), which the caller keeps alive and unchanged while *out lives.
 * Returns RL_OK and sets *out, or RL_ENOMEM / RL_ETOOBIG (len ≥ 4 GiB) leaving *out untouched.
 * Never fails on content: invalid UTF-8 bytes become tokens of their own. */
int rl_tokenize(rl_tokens **out, const char *text, size_t len);
/* The same, with the words of Thai (and the other scripts of rl_script) found by wb (NULL or no fn: one
 * word per grapheme). A breaker that cannot handle a run is no error: the run stays one word per
 * grapheme. */
int rl_tokenize_wb(rl_tokens **out, const char *text, size_t len, const rl_wordbreak *wb);
/* The same for a text compared with `like` (NULL: as rl_tokenize_wb): the paragraphs it has byte for
 * byte get like's tokens, copied (skip.h). The tokens are exactly those rl_tokenize_wb makes; only
 * the work differs. like must outlive *out (the runs below point into it). */
int rl_tokenize_like(rl_tokens **out, const char *text, size_t len, const rl_wordbreak *wb,
                     const rl_tokens *like);
void rl_tokens_free(rl_tokens *toks);

/* The lines of toks, in order (none without tokens), found, hashed and measured as the
 * tokenizer went: the lines rl_tokenize_like copied keep those of the lines they came from.
 * *lf_only: every line end of the text is a line feed (CR LF counted as one), so that a line is
 * also the tokens between two line feeds; false when a CR alone, VT, FF, NEL, LS or PS ends one. */
const rl_tokline *rl_tokens_lines(const rl_tokens *toks, size_t *n, bool *lf_only);

/* The runs rl_tokenize_like copied, and their source in *src (NULL and none otherwise). */
const rl_tokrun *rl_tokens_runs(const rl_tokens *toks, const rl_tokens **src, size_t *n);
/* The runs of toks copied from src that lie whole in toks' tokens [t0, t1) with their source in
 * src's [s0, s1) (a window of NEW and the window of OLD beside it), numbered from t0 and s0, into
 * *out (malloc'd, *n of them; NULL and 0 when none). Each is a line, whole, as in the texts. */
int rl_tokens_runs_inside(const rl_tokens *toks, size_t t0, size_t t1, const rl_tokens *src,
                          size_t s0, size_t s1, rl_tokrun **out, size_t *n);

size_t rl_tokens_count(const rl_tokens *toks);
/* The display columns of token tk of text (escapes included): the record's width, measured from
 * the text for a token of RL_TOK_WIDE columns or more. */
static inline size_t rl_token_width(const char *text, const rl_token *tk)
{
	return tk->width < RL_TOK_WIDE ? tk->width : rl_text_width(text + tk->off, tk->len);
}

/* The token array, borrowed: valid while toks lives. */
const rl_token *rl_tokens_array(const rl_tokens *toks);
/* The text the tokens point into, borrowed from the caller of rl_tokenize. */
const char *rl_tokens_text(const rl_tokens *toks);
size_t rl_tokens_text_len(const rl_tokens *toks);
/* Number of words as a reader counts them: word tokens, the second part of a compound
 * (RL_TF_GLUED) not counted again. */
size_t rl_tokens_words(const rl_tokens *toks);
/* Are tokens [lo, hi) marks alone (punctuation), glued to a token after them ("“We")? The layout
 * and the inline printer put such a mark, when it starts a line, beside a one-sided change on the
 * other side's row instead of on a row of its own. */
bool rl_tokens_glued_marks(const rl_tokens *toks, uint32_t lo, uint32_t hi);

#endif
