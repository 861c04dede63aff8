/* pair_region.h: one heavy region of sentence pairing, its index and its chain (internal to
 * diff/pair*.c).
 *
 * pair.c finds the regions and turns a chain of pairs into groups and ops; pair_index.c builds
 * what the search reads: the region's units, an inverted index of OLD's content words by stem,
 * each NEW unit's best candidates among OLD's units, and the heaviest chain of candidates. */
#ifndef REDLINE_PAIR_REGION_H
#define REDLINE_PAIR_REGION_H

#include <stdbool.h>
#include <stdint.h>

#include "ctx.h"

/* A pair shares at least this many content words... */
#define PAIR_MIN_SHARED 2
/* ...making up at least this share of the (weighted) content of one of its two units. */
#define PAIR_MIN_SHARE 0.34
/* ...or at least this many content words, whatever their share (a bullet that restates a clause
 * of a long sentence). */
#define PAIR_SURE_SHARED 3

typedef struct urange {
	uint32_t lo, hi;  /* tokens of the unit inside the region */
} urange;

typedef struct cand {
	uint32_t i, j;   /* OLD unit, NEW unit (indices in the region) */
	float score;     /* shared weight */
	float best;      /* best chain ending here */
	int32_t prev;    /* previous candidate in that chain, or -1 */
} cand;

typedef struct region {
	rl_ctx *c;
	uint32_t a0, a1, b0, b1;
	urange *ua, *ub;
	uint32_t na, nb;
	/* inverted index of OLD units' content words, by stem, numbered locally */
	uint64_t *stem_key;         /* hash table: stem -> local number */
	uint32_t *stem_val;
	size_t stem_mask;
	uint32_t nloc;
	uint32_t *post_off, *post;  /* CSR: local id -> OLD units */
	float *weight;              /* per local id */
	float *unit_w[2];           /* per unit: its content weight */
	uint8_t *head[2];           /* per unit: a heading (rl_unit_heading) */
	const uint8_t *names;       /* per id: RL_NAME_* (rl_names_find) */
	uint32_t *loc[2];           /* per token of the region, from its first token on: its local
	                             * number, RL_ID_NONE when no content word or not in OLD's units
	                             * (each stem hashed once, not at every look) */
	cand *cands;
	size_t ncand, capcand;
} region;

/* The local number of token t's stem: RL_ID_NONE when t is no content word or when OLD's units
 * do not have its stem. */
static inline uint32_t rl_pr_local_of(const region *r, int s, uint32_t t)
{
	return r->loc[s][t - (s == RL_OLD ? r->a0 : r->b0)];
}

/* Units of side s that [lo, hi) touches, each clipped to it, into a new array. */
int rl_pr_units_of(const rl_ctx *c, int s, uint32_t lo, uint32_t hi, urange **out, uint32_t *n);
/* Which of the region's units are whole headings (r->head). */
int rl_pr_heads_of(region *r);
/* Is token t of side s a word pairing counts? */
bool rl_pr_counted(const rl_ctx *c, int s, uint32_t t);
/* A word's weight for pairing: rarer words and names weigh more. */
float rl_pr_id_weight(const rl_ctx *c, uint32_t id, const rl_token *tk);
/* OLD's content words numbered locally by stem, the units holding each, and NEW's numbers. */
int rl_pr_build_index(region *r);
/* NEW unit j's best candidates among OLD's units, appended to r->cands (scratch arrays of r->na
 * entries, zero on entry and return; seen_stamp per local number). */
int rl_pr_candidates(region *r, uint32_t j, float *acc, uint32_t *shared, uint32_t *touched,
                     uint32_t *seen_stamp, uint32_t stamp);
/* The pieces of one sentence the anchors clip on both sides, forced to a pair. */
int rl_pr_force_clipped(region *r);
/* The heaviest chain of candidates: its last one's index, -1 for none, -2 out of memory. */
int32_t rl_pr_best_chain(region *r);
/* Free what the search reads and the groups' emitting does not (rl_pr_region_free frees all). */
void rl_pr_index_free(region *r);
void rl_pr_region_free(region *r);

#endif
