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
	/* Each word's stem, or RL_STEM_NONE (and its key: word_key): of[RL_OLD] per token of OLD;
	 * of[RL_NEW] per token of NEW's wanted units alone, unit after unit (nfrom), nnew entries.
	 * A per-token array of NEW was 4 bytes a token at the sources stage's peak, for the few
	 * units a revision rewrites (1.5 MB of 1 MB of Chinese against its edit, for 28 tokens). */
	uint32_t *of[2];
	uint32_t *nfrom;   /* per NEW unit: its first token's entry in of[RL_NEW], or RL_STEM_NONE */
	size_t nnew;
	const rl_side *nside;     /* NEW (its unit of each token: rl_unit_of) */
	const uint32_t *nstart;   /* NEW's first token of each unit */
	uint32_t *slot;    /* hash table: stem + 1, or 0 (rl_stems_init's own: NULL after it) */
	uint32_t *hash;    /* per stem: its hash (likewise) */
	uint32_t mask;
	uint32_t n;        /* stems */
} rl_stems;

/* The keys of side s from token t on, to the end of t's unit on NEW (key[i] is token t + i's):
 * NULL for a NEW unit that is not wanted, whose words have none. */
static inline uint32_t *rl_stem_keys(const rl_stems *st, int s, uint32_t t)
{
	if (s == RL_OLD)
		return st->of[RL_OLD] + t;
	uint32_t u = rl_unit_of(st->nside, t), from = st->nfrom[u];
	return from == RL_STEM_NONE ? NULL : st->of[RL_NEW] + from + (t - st->nstart[u]);
}

/* The stem a key stands for, or RL_STEM_NONE. st.of holds every word's key for phrase runs: a
 * word without a stem holds the hash of its letters with the top bit set, which no stem number
 * has (fewer than 2^31 stems). */
static inline uint32_t rl_stem_of_key(uint32_t key)
{
	return key & 0x80000000u ? RL_STEM_NONE : key;
}

/* The stem of token t of side s, or RL_STEM_NONE. */
static inline uint32_t rl_stem_at(const rl_stems *st, int s, uint32_t t)
{
	if (s == RL_OLD)  /* (no test for an entry: OLD has every token's) */
		return rl_stem_of_key(st->of[RL_OLD][t]);
	const uint32_t *k = rl_stem_keys(st, RL_NEW, t);
	return k ? rl_stem_of_key(*k) : RL_STEM_NONE;
}

/* Every word's key, in one walk over each side: the stem number of every weighed word of OLD,
 * and of NEW's words in the units `want` marks (by unit number, not NULL; the others have none:
 * RL_STEM_NONE);
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

/* The hash of a word's whole stem: the ending cut as rl_stem_hash cuts it, then every byte of
 * the rest hashed, not its first seven: the copies of a template that differ in one name told
 * apart where the names share their head ("MutableSet", "MutableMapping", "MutableSequence";
 * "Mutablesets" is the first). */
uint32_t rl_stem_hash_whole(const char *text, const rl_token *tk);

#endif
