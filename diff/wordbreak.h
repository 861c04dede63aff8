/* wordbreak.h: words of the scripts written without spaces, from the caller's word breaker
 * (internal to diff/; the public type rl_wordbreak is in token.h).
 *
 * The tokenizer makes every grapheme of Thai, Lao, Khmer and Myanmar a word of its own. With a
 * breaker, each run of one such script is handed to it and its graphemes are merged into the
 * words it finds, so that one changed Thai word is one changed token, as MediaWiki's diff does
 * with its dictionary. */
#ifndef REDLINE_WORDBREAK_H
#define REDLINE_WORDBREAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "token_types.h"

/* The script (rl_script) a breaker is asked about of a word the tokenizer made of grapheme cp alone
 * (RL_TF_SOLO), or -1: without any such word, merging has nothing to do. */
int rl_wordbreak_script(int32_t cp);

/* The same of the code point at s[0..n), by its UTF-8 bytes (Thai, Lao, Khmer, Myanmar: three
 * bytes each). Inline: the merge asks it of every grapheme of a run. */
static inline int rl_wordbreak_script_at(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	if (n < 3 || (s[2] & 0xC0) != 0x80)
		return -1;
	if (s[0] == 0xE0 && s[1] >= 0xB8 && s[1] <= 0xBB)
		return s[1] <= 0xB9 ? RL_SCRIPT_THAI : RL_SCRIPT_LAO;
	if (s[0] == 0xE1 && s[1] >= 0x9E && s[1] <= 0x9F)
		return RL_SCRIPT_KHMER;
	if (s[0] == 0xE1 && (s[1] == 0x80 || s[1] == 0x81 || (s[1] == 0x82 && s[2] <= 0x9F)))
		return RL_SCRIPT_MYANMAR;
	return -1;
}

/* A run handed to the breaker is cut after this many graphemes (the cut is a word break): real
 * text has a space or a mark every sentence or so, and a dictionary breaker may cost more than
 * linear time on one huge run of hostile input. */
#define RL_WB_RUN_MAX 4096

/* Merge the per-grapheme tokens v[0..*n) of text into words as wb finds them, in place: *n and
 * *words (the word count) shrink accordingly. The tokens of runs[0..nruns) (copied from OLD's
 * tokens, already merged: token.h) are kept as they are, and their t0 moved to where they land.
 * Returns RL_OK, or RL_ENOMEM (v is then half merged, only fit to be freed). */
int rl_wordbreak_merge(rl_token *v, size_t *n, size_t *words, const char *text,
                       const rl_wordbreak *wb, rl_tokrun *runs, size_t nruns);

/* The dictionary only where lines changed (issue 13), as MediaWiki's diff breaks Thai only inside
 * the lines it compares word by word. A comparison hands each side's tokenizer a breaker of its
 * own (rl_wb_lines_side) that answers for a run both texts share without asking the caller's
 * breaker: the run is one word, a phrase, the same on both sides. Shared means found as often
 * in OLD as in NEW and, when once on each side, in the order of the others found once on each
 * side (the longest such chain, as patience diff finds it), first for whole lines (their ASCII
 * whitespace at both ends left out), then, in the other lines, for each run: a phrase when
 * every stretch of changed lines between two in-order shared lines holds it as often in OLD as
 * in NEW. A line found once on each side but out of order has its runs broken, so that a moved
 * line's words are still found as a move; a run that changed is broken, so that an edit is
 * still shown word by word, and so is the same run in a shared line (text copied from a line
 * that stayed matches word by word). The decision depends on the bytes of
 * a line and of a run alone, so NEW's lines copied from OLD (skip.h) are the tokens a fresh
 * scan makes. The texts are read on the first run the tokenizer asks about: a text without
 * such runs costs nothing, and a revision whose changed lines hold no changed run never asks
 * the caller's breaker (never loads its dictionary). */
typedef struct rl_wb_lines rl_wb_lines;
typedef struct rl_wb_side {
	rl_wb_lines *lines;
	int side;  /* 0: OLD, 1: NEW */
} rl_wb_side;

typedef struct rl_wb_shared rl_wb_shared;  /* what is shared (wordbreak.c) */

struct rl_wb_lines {
	rl_wordbreak inner;      /* the caller's breaker, asked about the other runs */
	const char *text[2];
	size_t len[2];
	rl_wb_shared *shared;    /* found on the first run asked about */
	rl_wb_side sides[2];
	size_t phrases;          /* runs answered as one phrase */
	size_t asked;            /* runs handed to inner */
};

/* Is wb a side's breaker of rl_wb_lines (which answers some runs as phrases, without asking the
 * caller's breaker)? */
bool rl_wb_phrases(const rl_wordbreak *wb);
/* Is the run (its bytes in the side's text) a phrase, one word by the shared lines alone (1), or
 * not (0: also for another breaker), or RL_WORDBREAK_NOMEM? The tokenizer makes such a run one
 * token as it scans (token_thai.c, phrase_end): the token the merge would make. */
int rl_wb_phrase(const rl_wordbreak *wb, const char *run, size_t len);

void rl_wb_lines_init(rl_wb_lines *l, const rl_wordbreak *inner, const char *old_text,
                      size_t old_len, const char *new_text, size_t new_len);
/* The breaker of side 0 (OLD) or 1 (NEW); valid while l lives. */
rl_wordbreak rl_wb_lines_side(rl_wb_lines *l, int side);
void rl_wb_lines_free(rl_wb_lines *l);

#endif
