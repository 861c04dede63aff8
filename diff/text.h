/* text.h: UTF-8 decoding, grapheme clusters and how each one is drawn.
 *
 * Every module that measures or shows text goes through here, so the tokenizer, the layout and the
 * printers agree on what a column is and on which bytes must never reach a terminal raw. */
#ifndef REDLINE_TEXT_H
#define REDLINE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a grapheme is, for tokenizing and drawing. */
typedef enum rl_gkind {
	RL_G_PRINT,    /* ordinary visible text, drawn as its own bytes */
	RL_G_SPACE,    /* horizontal whitespace: space, tab, NBSP, thin space, ideographic space */
	RL_G_NEWLINE,  /* a line end: LF, CR, CRLF, NEL, LINE SEPARATOR, VT */
	RL_G_PARA,     /* an explicit paragraph end: FF, PARAGRAPH SEPARATOR */
	RL_G_ESCAPE,   /* must never be sent raw: controls, bidi and other format characters,
	                  invalid bytes; drawn as a visible escape such as ^[ or <U+202E> */
} rl_gkind;

/* One grapheme cluster (or one invalid byte) at some position of a text. */
typedef struct rl_grapheme {
	uint32_t len;   /* bytes it occupies in the text */
	int32_t cp;     /* its first code point, or -1 for an invalid byte */
	uint8_t kind;   /* rl_gkind */
	uint8_t width;  /* display columns as drawn (the escape's width for RL_G_ESCAPE) */
} rl_grapheme;

/* Longest escape text rl_grapheme_escape writes, without a terminator. */
#define RL_ESCAPE_MAX 10

/* The soft hyphen: where a word may break, drawn as an escape; inside a word it is part of the
 * word (token_word.c), and its key leaves it out under typography folding (intern_key.c). */
#define RL_SOFT_HYPHEN 0x00AD

/* Where the first soft hyphen (its UTF-8 bytes C2 AD) of s[0, n) starts, or n. */
static inline size_t rl_soft_hyphen(const char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xAD)
			return i;
	return n;
}

/* Decode one code point from s[0..n), n > 0. Returns its length in bytes (1 to 4) and sets *cp;
 * an invalid, overlong, surrogate or truncated sequence yields length 1 and *cp = -1. */
size_t rl_utf8_decode(const char *s, size_t n, int32_t *cp);

/* Encode a code point as UTF-8 into buf (4 bytes); returns the length, 0 for an invalid cp. */
size_t rl_utf8_encode(int32_t cp, char buf[4]);

/* Read the grapheme cluster that starts at s[0..n), n > 0. Never splits a cluster, never reads
 * past n. A CR LF pair is one RL_G_NEWLINE grapheme. */
void rl_grapheme_next(const char *s, size_t n, rl_grapheme *g);

/* Is cp a letter of Latin-1, Latin Extended, Greek or Cyrillic that the grapheme rules (UAX #29)
 * call Other, one column wide, not combining: a grapheme of its own before ASCII, the end, or any
 * code point of class Other, and a letter (category L). The tokenizer reads those without asking
 * utf8proc; test_text checks each against utf8proc. */
static inline bool rl_plain_letter(int32_t cp)
{
	if (cp < 0x386)
		return cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
	if (cp < 0x3A3)
		return cp == 0x386 || (cp >= 0x388 && cp <= 0x3A1 && cp != 0x38B && cp != 0x38D);
	return (cp <= 0x481 && cp != 0x3F6) || (cp >= 0x48A && cp <= 0x52F);
}

/* What the tokenizer reads by a table instead of utf8proc and the grapheme rules (token.c): for
 * the scripts whose every character is a token of its own, RL_FAST_SOLO a letter, digit or sign
 * of Thai, a Han ideograph or a kana (a word of its own, RL_TF_SOLO) and RL_FAST_PUNCT a CJK or
 * full-width punctuation mark; RL_FAST_LETTER a Devanagari letter or digit (it starts a word
 * grapheme of a spaced script). All three are of grapheme class Other, assigned, not combining,
 * *width columns wide. RL_FAST_MARK a Thai or Devanagari mark of class Extend or SpacingMark,
 * not a virama: it continues the grapheme before it; RL_FAST_VIRAMA the Devanagari virama (a
 * mark of combining class 9, which may join the next letter: the rules decide there).
 * RL_FAST_NONE anything else, read by utf8proc. Every such code point is of three UTF-8 bytes;
 * test_text checks each against utf8proc. */
enum { RL_FAST_NONE, RL_FAST_SOLO, RL_FAST_PUNCT, RL_FAST_LETTER, RL_FAST_MARK, RL_FAST_VIRAMA };

static inline int rl_fast_kind(int32_t cp, uint8_t *width)
{
	/* U+0900..U+097F and U+0E00..U+0E7F: each one's kind, as a digit (the value of its RL_FAST_*) */
	static const char deva[] = "4444333333333333333333333333333333333333333333333333333333444344"
	                           "4444444444444544344444443333333333440033333333330333333333333333";
	static const char thai[] = "0111111111111111111111111111111111111111111111111414444444000001"
	                           "1111111444444441111111111111000000000000000000000000000000000000";
	if (cp < 0x3001) {
		*width = 1;
		if (cp >= 0x0E00 && cp <= 0x0E7F)
			return thai[cp - 0x0E00] - '0';
		if (cp >= 0x0900 && cp <= 0x097F)
			return deva[cp - 0x0900] - '0';
		return RL_FAST_NONE;
	}
	*width = 2;
	if (cp >= 0x4E00 ? cp <= 0x9FFF
	    : cp >= 0x3400 ? cp <= 0x4DBF
	                   : (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30A1 && cp <= 0x30FA))
		return RL_FAST_SOLO;
	if (cp <= 0x3003 || (cp >= 0x3008 && cp <= 0x3011) || (cp >= 0x3014 && cp <= 0x301B) ||
	    (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20))
		return RL_FAST_PUNCT;
	return RL_FAST_NONE;
}

/* The visible form of an RL_G_ESCAPE grapheme: "^[" for C0 controls and DEL, "\x9b" for an invalid
 * byte, "<U+202E>" for other code points. Writes at most RL_ESCAPE_MAX bytes of ASCII into buf and
 * returns how many; g->width equals that count. */
size_t rl_grapheme_escape(const rl_grapheme *g, const char *s, char buf[RL_ESCAPE_MAX]);

/* For a terminal whose locale cannot show Unicode: an ASCII stand-in for a printable grapheme, exactly
 * g->width columns wide so that layouts do not depend on the locale (curly quotes, dashes and bullets
 * get look-alikes, anything else '?'). Writes g->width bytes into buf and returns that count. */
size_t rl_grapheme_ascii(const rl_grapheme *g, char buf[RL_ESCAPE_MAX]);

/* Display columns of s[0..n) as drawn, escapes included. */
size_t rl_text_width(const char *s, size_t n);

#endif
