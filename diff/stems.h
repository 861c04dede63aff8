/* stems.h: the word stems the sources stage (provenance.c) compares words by, and the move
 * stage's narrow shingles (internal to diff/).
 *
 * A stem is a word in lower case with a plural, verb, "-ly" or "-ment" ending cut and a consonant
 * doubled before "-ing" or "-ed" undoubled, at most a few bytes: "tests" and "testing",
 * "committing" and "commitment" meet. Each distinct stem gets a number. */
#ifndef REDLINE_STEMS_H
#define REDLINE_STEMS_H

#include "ctx.h"

#define RL_STEM_NONE UINT32_MAX

typedef struct rl_stems {
	uint32_t *of[2];   /* per token of each side: its stem, or RL_STEM_NONE (and its key: word_key) */
	uint32_t *slot;    /* hash table: stem + 1, or 0 (rl_stems_init's own: NULL after it) */
	uint32_t *hash;    /* per stem: its hash (likewise) */
	uint32_t mask;
	uint32_t n;        /* stems */
} rl_stems;

/* The stem of token t of side s, or RL_STEM_NONE. st.of holds every word's key for phrase runs: a word
 * without a stem holds the hash of its letters with the top bit set, which no stem number has
 * (fewer than 2^31 stems). */
static inline uint32_t rl_stem_at(const rl_stems *st, int s, uint32_t t)
{
	uint32_t m = st->of[s][t];
	return m & 0x80000000u ? RL_STEM_NONE : m;
}

/* Every word's key, in one walk over each side: the stem number of every weighed word of OLD,
 * and of NEW's words in the units `want` marks (by unit number; the others keep RL_STEM_NONE);
 * every other word of those its key for phrase runs, punctuation RL_STEM_NONE. Free with
 * rl_stems_free (also after a failure). RL_ENOMEM. */
int rl_stems_init(rl_ctx *c, rl_stems *st, const uint8_t *want);
void rl_stems_free(rl_stems *st);

/* Is token t of side s a word the sources stage weighs: a content word, not glued to the word
 * before it, not markup's own (an attribute's name, a template's)? (Inside an attribute's quoted
 * value it is not either; rl_stems_init knows, walking the tokens.) */
bool rl_stem_weighed(const rl_ctx *c, int s, uint32_t t);

/* The hash of a word's stem. */
uint32_t rl_stem_hash(const char *text, const rl_token *tk);

#endif
