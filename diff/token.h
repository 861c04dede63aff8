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

typedef enum rl_tclass {
	RL_TOK_WORD,   /* letters, digits and marks, with inner . , where they join parts (4.5,
	                * 900,000, U.S.); an apostrophe or a hyphen is a token of its own */
	RL_TOK_PUNCT,  /* punctuation, symbols, emoji; a run of "--" or "..." is one token */
} rl_tclass;

/* The whitespace that precedes a token. */
typedef enum rl_gap {
	RL_GAP_NONE,   /* touching the previous token (or the first token, at the start of text) */
	RL_GAP_SPACE,  /* spaces or tabs, nothing more */
	RL_GAP_LINE,   /* one line end inside a hard-wrapped paragraph: a soft break */
	RL_GAP_BREAK,  /* one line end that a reader sees as a new line (a list item, a heading,
	                  text that is not hard-wrapped) */
	RL_GAP_PARA,   /* a blank line, or a form feed / paragraph separator */
} rl_gap;

/* Token flags. */
enum {
	RL_TF_ASCII = 1 << 0,   /* every byte is printable ASCII: the fast paths apply */
	RL_TF_ESCAPE = 1 << 1,  /* holds graphemes drawn as escapes (controls, format, invalid) */
	RL_TF_INVALID = 1 << 2, /* an invalid UTF-8 byte, alone */
	RL_TF_SOLO = 1 << 3,    /* a word of a script written without spaces: one grapheme (Han,
	                         * Kana, Lao, Khmer, Myanmar), or a dictionary word (Thai, when the
	                         * caller gives a word breaker: rl_wordbreak) */
	RL_TF_UPPER = 1 << 4,   /* a word starting with an upper-case letter */
	RL_TF_DIGIT = 1 << 5,   /* a word starting with a digit */
	RL_TF_INDENT = 1 << 6,  /* first on its line, after leading whitespace */
	RL_TF_GLUED = 1 << 7,   /* the second part of a compound: a word glued by an apostrophe or a
	                         * hyphen (', -, ’, ‐, ‑) to the word before ("keeper’s",
	                         * "century-old"). The tokenizer splits compounds, so that a swap
	                         * inside one is one word; word counts count them once. */
};

typedef struct rl_token {
	uint32_t off;    /* first byte in the text */
	uint32_t len;    /* bytes */
	uint32_t width;  /* display columns as drawn, escapes included */
	uint8_t cls;     /* rl_tclass */
	uint8_t gap;     /* rl_gap before this token */
	uint16_t flags;  /* RL_TF_* */
} rl_token;

/* The tokens of one text. Opaque: read it through the functions below. */
typedef struct rl_tokens rl_tokens;

/* Scripts written without spaces between words, whose words a dictionary can find. */
typedef enum rl_script {
	RL_SCRIPT_THAI,
	RL_SCRIPT_LAO,
	RL_SCRIPT_KHMER,
	RL_SCRIPT_MYANMAR,
} rl_script;

/* A word breaker for such scripts, supplied by the caller: a dictionary is data loaded from disk,
 * and this library does no I/O. Given run[0..len), a run of one script's graphemes with no space
 * (UTF-8), write to breaks[] the byte offsets, ascending, in (0, len), where a word begins, at
 * most max of them; return how many, or -1 when this script or run is not handled (the run then
 * stays one word per grapheme), or RL_WORDBREAK_NOMEM when out of memory (the tokenizer then
 * fails with RL_ENOMEM). Offsets that do not fall on a grapheme boundary are ignored. */
#define RL_WORDBREAK_NOMEM (-2)
typedef int (*rl_wordbreak_fn)(void *ctx, rl_script script, const char *run, size_t len,
                               uint32_t *breaks, size_t max);

typedef struct rl_wordbreak {
	rl_wordbreak_fn fn;  /* NULL: every grapheme of these scripts is a word */
	void *ctx;           /* passed to fn as is */
} rl_wordbreak;

#define RL_WORDBREAK_INIT {NULL, NULL}

/* Tokenize text[0..len), which the caller keeps alive and unchanged while *out lives.
 * Returns RL_OK and sets *out, or RL_ENOMEM / RL_ETOOBIG (len ≥ 4 GiB) leaving *out untouched.
 * Never fails on content: invalid UTF-8 bytes become tokens of their own. */
int rl_tokenize(rl_tokens **out, const char *text, size_t len);
/* The same, with the words of Thai (and the other scripts above) found by wb (NULL or no fn: one
 * word per grapheme). A breaker that cannot handle a run is no error: the run stays one word per
 * grapheme. */
int rl_tokenize_wb(rl_tokens **out, const char *text, size_t len, const rl_wordbreak *wb);
/* The same for a text compared with `like` (NULL: as rl_tokenize_wb): the paragraphs it has byte for
 * byte get like's tokens, copied (skip.h). The tokens are exactly those rl_tokenize_wb makes; only
 * the work differs. like must outlive *out (the runs below point into it). */
int rl_tokenize_like(rl_tokens **out, const char *text, size_t len, const rl_wordbreak *wb,
                     const rl_tokens *like);
void rl_tokens_free(rl_tokens *toks);

/* Tokens [t0, t0 + n) copied from the source's tokens [s0, s0 + n), in order. */
typedef struct rl_tokrun {
	uint32_t t0, s0, n;
} rl_tokrun;

/* The runs rl_tokenize_like copied, and their source in *src (NULL and none otherwise). */
const rl_tokrun *rl_tokens_runs(const rl_tokens *toks, const rl_tokens **src, size_t *n);

size_t rl_tokens_count(const rl_tokens *toks);
/* The token array, borrowed: valid while toks lives. */
const rl_token *rl_tokens_array(const rl_tokens *toks);
/* The text the tokens point into, borrowed from the caller of rl_tokenize. */
const char *rl_tokens_text(const rl_tokens *toks);
size_t rl_tokens_text_len(const rl_tokens *toks);
/* Number of words as a reader counts them: word tokens, the second part of a compound
 * (RL_TF_GLUED) not counted again. */
size_t rl_tokens_words(const rl_tokens *toks);

#endif
