/* token_types.h: the types of a token and of the caller's word breaker (part of the public
 * model, through token.h and align.h). Apart from token.h so that the tokenizer (token.c) and the
 * word-break merge (wordbreak.c) both use them without depending on each other. */
#ifndef REDLINE_TOKEN_TYPES_H
#define REDLINE_TOKEN_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum rl_tclass {
	RL_TOK_WORD,   /* letters, digits and marks, with the inner dots of initials (U.S.); an
	                * apostrophe, a hyphen or the mark . , : of a number (4.5, 900,000, 10:30)
	                * is a token of its own */
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
	                         * "century-old"), or digits by a number's mark . , : ("5.26").
	                         * The tokenizer splits compounds, so that a swap inside one is
	                         * one word; word counts count them once. */
	/* rl_token.flags is a byte: eight flags at most. */
};

/* A token: 12 bytes, the largest array of a comparison after the text itself (about a token
 * every 3 bytes of Chinese, every 6 of English). Its width is kept in a byte: a token of
 * RL_TOK_WIDE columns or more (a long URL, a line of letters without a space) has RL_TOK_WIDE
 * there, and rl_token_width (token.h) measures it from its text. */
typedef struct rl_token {
	uint32_t off;    /* first byte in the text */
	uint32_t len;    /* bytes */
	uint8_t width;   /* display columns as drawn, escapes included; RL_TOK_WIDE: that many or
	                  * more (rl_token_width) */
	uint8_t cls;     /* rl_tclass */
	uint8_t gap;     /* rl_gap before this token */
	uint8_t flags;   /* RL_TF_* */
} rl_token;

/* The record must not grow back (test_token checks the bytes a token costs). */
_Static_assert(sizeof(rl_token) == 12, "rl_token is 12 bytes");

#define RL_TOK_WIDE 255u

/* A width as the record holds it. */
static inline uint8_t rl_width_field(uint32_t w)
{
	return w < RL_TOK_WIDE ? (uint8_t)w : (uint8_t)RL_TOK_WIDE;
}

/* Tokens [t0, t0 + n) copied from the source's tokens [s0, s0 + n), in order (token.h,
 * rl_tokens_runs; kept as they are by the word-break merge, wordbreak.h). */
typedef struct rl_tokrun {
	uint32_t t0, s0, n;
} rl_tokrun;

/* A line of a text (rl_tokens_lines, token.h): its tokens from t0, after a line end
 * (RL_GAP_LINE or more) or the first token, up to the next line's t0 (or the count); h,
 * rl_hash_bytes (bytes.h) of its bytes from its first token's first byte to its last token's
 * last; width, its columns (its tokens' widths and a column for each RL_GAP_SPACE between them). */
typedef struct rl_tokline {
	uint64_t h;
	uint32_t t0, width;
} rl_tokline;

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

#endif
