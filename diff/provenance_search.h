/* provenance_search.h: the sources stage's search, shared by its three files (internal to
 * provenance.c, provenance_index.c and provenance_link.c; nothing else includes it).
 *
 * provenance_index.c builds the search: OLD's units indexed by their stems, each stem weighed,
 * what each NEW unit stands beside and keeps. provenance_link.c looks for one NEW unit's sources:
 * its candidates through the postings, scored exactly (phrases restated in order count twice),
 * the best kept when they beat what the unit stands beside. provenance.c runs the stage: every
 * unit linked in turn, the weak links that restate nothing dropped, the words kept by chance
 * found, the ops cut at the links. */
#ifndef REDLINE_PROVENANCE_SEARCH_H
#define REDLINE_PROVENANCE_SEARCH_H

#include <stdbool.h>
#include <stdint.h>

#include "ctx.h"
#include "stems.h"

#define NONE UINT32_MAX
/* Stems in more OLD units than this find no candidates (they still count in the scores). */
#define DF_CAP 64
/* Units with fewer content stems are too short to tell. */
#define MIN_STEMS 3
/* OLD units longer than this (tokens) are read from the NEW unit's side when it is much
 * shorter (exact_long): a text without sentence ends is one unit, read whole for every NEW unit
 * (a third of the cumulative song's comparison). */
#define LONG_UNIT 1024

/* Everything the search holds. */
typedef struct search {
	rl_ctx *c;
	rl_stems st;
	uint32_t *df;      /* per stem: OLD units holding it */
	uint32_t *post0;   /* per stem: first posting; n + 1 entries */
	uint32_t *post;    /* OLD units, stem by stem, each as the first token of the stem in it
	                    * (rl_unit_of it is the unit) */
	double *w;         /* per stem: its weight */
	uint32_t *vseen;   /* per stem: 1 + the OLD unit whose weight counted it (rl_pv_unit_weight) */
	double *pvw;       /* per OLD unit: its weight (rl_pv_unit_weight) to the power OLD_LEAN, or 0
	                    * (cosine) */
	double total, ptotal;  /* the last unit's weight seen by cosine, to the power 1 - OLD_LEAN */
	uint32_t *mark;    /* per stem: 1 + the NEW unit whose stems are marked */
	uint32_t *seen;    /* per stem: 1 + the OLD unit (or pass) that counted it */
	double *acc;       /* per OLD unit: weight found through the postings */
	uint32_t *touched; /* OLD units with acc > 0 */
	uint32_t ntouched;
	uint32_t *lo, *hi; /* per NEW unit: the OLD units it stands beside, [lo, hi], or lo > hi */
	uint32_t *kept;    /* per NEW unit: words kept in place */
	uint8_t *stands;   /* per OLD unit: 1 when it keeps nearly all its words (it did not leave) */
	uint32_t *okept;   /* per OLD unit: its words kept (equal, move and typo ops) */
	uint8_t *held;     /* per NEW token, a bit: kept in place or in a move (free_shared()) */
	uint32_t *key;     /* per word token of OLD: its stem, or its lower-case hash with the top
	                    * bit set (st.of, where no stem was: 4 bytes a token less); NEW's are
	                    * read a unit at a time (rl_stem_keys) */
	uint32_t *run;     /* phrase()'s scratch: five arrays of rcells cells (pos, val, row, next,
	                    * used), then 2^rbits slots of a key and of a head */
	uint32_t rcells, rbits;
	uint32_t row;      /* phrase()'s rows so far (the stamp of run's cells) */
	uint32_t (*firsts)[2];  /* when OLD has a long unit, exact()'s scratch for one:
	                         * (first token, stem) */
	const uint8_t *names;   /* per id: RL_NAME_* (rl_ctx_names), asked for when a link first
	                         * crosses the line between headings and sentences */
	uint8_t *own_names;     /* x->names when the context had none: the words asked about */
	uint32_t ut0, ut1;      /* the NEW unit marked (mark_stems) */
	bool oom;               /* an allocation failed where a bool is returned (beyond_names) */
	uint32_t stamp;
} search;

/* Bill the shared budget; false when it is spent. */
static inline bool bill(rl_ctx *c, uint64_t work)
{
	if (c->rediff_work < work) {
		c->rediff_work = 0;
		return false;
	}
	c->rediff_work -= work;
	return true;
}

/* Is OLD unit v read from the NEW unit's side? */
static inline bool is_long(const search *x, uint32_t v)
{
	const rl_side *sd = &x->c->side[RL_OLD];
	uint32_t len = sd->ustart[v + 1] - sd->ustart[v];
	if (!x->firsts || len <= LONG_UNIT || len / 8 <= x->ut1 - x->ut0)
		return false;
	/* Each marked stem must have its postings (df <= DF_CAP), where its first token is. */
	for (uint32_t t = x->ut0; t < x->ut1; t++) {
		uint32_t m = rl_stem_at(&x->st, RL_NEW, t);
		if (m != NONE && x->mark[m] == x->stamp && x->df[m] > DF_CAP)
			return false;
	}
	return true;
}

/* provenance_index.c */

/* The weight of OLD unit v's distinct stems (summed in the order of the text). */
double rl_pv_unit_weight(search *x, uint32_t v);

/* Set the bits of tokens [t0, t1) in bits (a bit per token, x->held's form): whole bytes
 * at a time between the ends (a bit at a time, the held bits of a window's tokens cost 0.2 %
 * of en00's run). */
static inline void rl_pv_hold(uint8_t *bits, uint32_t t0, uint32_t t1)
{
	for (; t0 < t1 && t0 % 8; t0++)
		bits[t0 / 8] |= (uint8_t)(1u << (t0 % 8));
	for (; t0 < t1 && t1 - t0 >= 8; t0 += 8)  /* (memset's call cost more: most ops are short) */
		bits[t0 / 8] = 0xff;
	for (; t0 < t1; t0++)
		bits[t0 / 8] |= (uint8_t)(1u << (t0 % 8));
}

/* What each NEW unit stands beside, and what it keeps, from the ops. RL_ENOMEM. */
int rl_pv_beside(search *x, const rl_opvec *ops);
/* The units rl_pv_link_unit looks at: those that do not keep most of their words in place
 * (rl_pv_beside() has counted them). Sets *want (NULL when none is wanted) or returns RL_ENOMEM. */
int rl_pv_wanted_units(search *x, uint8_t **want);
/* Stems, OLD's index and the word keys of the wanted units; the per-unit accumulators. */
int rl_pv_setup(search *x, const uint8_t *want);
void rl_pv_free(search *x);

/* provenance_link.c */

/* phrase()'s scratch, and its keys (rl_pv_setup). RL_ENOMEM. */
int rl_pv_phrase_init(search *x);
/* The table of names (x->names), found the first time it is asked for; false, with x->oom,
 * when there is no memory for it. */
bool rl_pv_names_table(search *x);
/* Look for the sources of NEW unit u; fills *ln and returns true when it has some. */
bool rl_pv_link_unit(search *x, uint32_t u, uint32_t *pass, rl_link *ln, bool *sure);

#endif
