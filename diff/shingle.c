/* shingle.c: candidate passages for the move stage: orphan words, their shingles, chains of
 * hits along a diagonal. */
#include "shingle.h"

#include <stdlib.h>
#include <string.h>

#include "bigmem.h"
#include "lexicon.h"
#include "stems.h"
#include "status.h"

/* Words per shingle: three words in a row rarely recur by chance once one is a content word. A
 * second pass over what the first left takes two (RL_SHINGLE_NARROW): a paragraph moved with
 * half its words swapped keeps few runs of three. */
#define SHINGLE 3
/* A shingle found more often than this among the inserted words is too common to place. */
#define SHINGLE_MAX_OCC 8
/* Two hits chain into one passage when they are at most this many orphan words apart on each
 * side... */
#define CHAIN_GAP 24
/* ...and their diagonals differ by at most this many words (the net of the edits between). */
#define CHAIN_DRIFT 8
/* Equal runs of at most this many words between two changes can be claimed by a move: a "two"
 * matched by chance across a moved paragraph, or a bullet that repeats a clause of a paragraph
 * which moved away. */
#define ISLAND_WORDS 12
#define SHORT_ISLAND 3  /* words of an island that lets the swap past it join a passage */
/* A replace of at most this many words a side is a swap, not a big change. */
#define SWAP_WORDS 3

/* The words of one side that are not kept in place, in order. */
typedef struct orphans {
	uint32_t *tok;  /* token index of each orphan word */
	uint64_t *start; /* a bit per orphan word, set on the first of a run (orphan tokens with no
	                  * kept token between share a run): a bit, not a byte of a run number, a
	                  * word (both sides' were 0.3 MiB of the moves stage's peak on two unrelated
	                  * 1 MB texts) */
	uint32_t *stem; /* per id, shared by both sides: 0, or a content word's key in the
	                 * shingles, its stem with the top bit set (which no id has); NULL: ids */
	size_t n;
	size_t width;   /* words per shingle */
} orphans;

static void orphans_free(orphans *o)
{
	free(o->tok);
	free(o->start);
}

/* Are orphan words a <= b of one run: does none of a + 1 .. b start one? (A word of the bits at a
 * time.) */
static inline bool same_run(const orphans *o, size_t a, size_t b)
{
	for (size_t lo = a + 1; lo <= b;) {
		size_t w = lo >> 6, hi = b < (w << 6) + 63 ? b : (w << 6) + 63;
		uint64_t bits = (~0ULL >> (63 - (hi & 63))) & (~0ULL << (lo & 63));
		if (o->start[w] & bits)
			return false;
		lo = hi + 1;
	}
	return true;
}

/* The key of token t (id id, a word) of side s in a shingle: a content word's stem, worked out
 * once per id (per id, not per orphan word: on a text whose every word is an orphan an array of
 * keys beside the orphans was 8 bytes a word), or the id. */
static inline uint32_t word_key(const rl_ctx *c, const orphans *o, int s, uint32_t t, uint32_t id)
{
	if (!o->stem || (c->idf[id] & (RL_IDF_FUNCTION | RL_IDF_NUMBER)))
		return id;  /* a number's part: by its role in it, not its digits alone */
	if (!o->stem[id])
		o->stem[id] = rl_stem_hash(c->side[s].text, &c->side[s].tok[t]) | 0x80000000u;
	return o->stem[id];
}

/* A change bigger than a swap: an insertion, a deletion, or a replace of more than a few words. */
static bool big_change(const rl_ctx *c, const rl_op *op)
{
	if (op->kind == RL_OP_EQUAL)
		return false;
	if (op->kind != RL_OP_REPLACE)
		return true;
	return rl_op_words(c, op, RL_OLD) > SWAP_WORDS || rl_op_words(c, op, RL_NEW) > SWAP_WORDS;
}

#define ITEM_UNITS 32

uint32_t rl_item_of(const rl_ctx *c, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	uint32_t u = rl_unit_of(sd, t);
	bool unordered;
	/* (Sentences of one item at most ITEM_UNITS: a text on one line is no list item, and walking
	 * back to its start from every op was quadratic.) */
	for (uint32_t k = 0; u > 0 && !(sd->uflags[u] & (RL_UNIT_LINE | RL_UNIT_PARA)); k++, u--)
		if (k == ITEM_UNITS)
			return UINT32_MAX;
	return (sd->uflags[u] & RL_UNIT_LINE) &&
	       rl_list_marker(sd->tok, sd->text, sd->n, sd->ustart[u], &unordered) > 0 ? u : UINT32_MAX;
}

/* rl_item_of's last answers on each side, by unit (it depends on t's unit only): the ops in
 * order ask of the same few units again and again. */
#define ITEM_MEMO 4
typedef struct item_memo {
	uint32_t uid[2][ITEM_MEMO], item[2][ITEM_MEMO];
} item_memo;

static uint32_t item_of(const rl_ctx *c, item_memo *m, int s, uint32_t t)
{
	uint32_t u = rl_unit_of(&c->side[s], t), x = u % ITEM_MEMO;
	if (m->uid[s][x] != u) {
		m->uid[s][x] = u;
		m->item[s][x] = rl_item_of(c, s, t);
	}
	return m->item[s][x];
}

/* Does op pair OLD prose with a list item of NEW (a bullet that restates a clause of a paragraph,
 * matched with that paragraph where it stood)? Such a pairing is weak: when the paragraph moved
 * away, its OLD words belong to the move that finds its copy. An item run into a line is a unit of
 * its own (RL_UNIT_RUN_IN), not the sentence it runs on into. */
static bool prose_to_item(const rl_ctx *c, item_memo *m, const rl_op *op)
{
	if (op->a1 <= op->a0 || op->b1 <= op->b0)
		return false;
	const rl_side *sd = &c->side[RL_NEW];
	uint32_t item = item_of(c, m, RL_NEW, op->b0);
	bool in_item = item != UINT32_MAX ? item_of(c, m, RL_NEW, op->b1 - 1) == item
	                                  : rl_unit_of(sd, op->b1 - 1) == rl_unit_of(sd, op->b0) &&
	                                        (sd->uflags[rl_unit_of(sd, op->b0)] & RL_UNIT_RUN_IN);
	return in_item && item_of(c, m, RL_OLD, op->a0) == UINT32_MAX &&
	       item_of(c, m, RL_OLD, op->a1 - 1) == UINT32_MAX;
}

/* Which ops may give tokens to a move: big changes and the swaps next to them, and the equal
 * islands between two changes one of which is big (never the runs between the swaps of a spun
 * paragraph, which stays where it is). A swap that joins a passage past a short island is marked
 * 2 while the marks are made (the equal run after it looks for that). */
int rl_orphan_ops(const rl_ctx *c, const rl_opvec *ops, uint8_t **out)
{
	uint8_t *o = calloc(ops->n + 1, 1);
	if (!o)
		return RL_ENOMEM;
	/* (Each op's bigness worked out once, carried along as the one before and the one itself.) */
	bool big_prev = false, big_here = ops->n > 0 && big_change(c, &ops->v[0]);
	for (size_t k = 0; k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		bool before = big_prev, here = big_here;
		bool after = k + 1 < ops->n && big_change(c, &ops->v[k + 1]);
		big_prev = here, big_here = after;
		if (op->kind != RL_OP_EQUAL) {
			/* A swap between two equal runs is a word rewritten in place, no part of a
			 * passage that moved: leaving the swaps of a spun text out keeps the index of
			 * what may have moved small. */
			o[k] = here || before || after;
			continue;
		}
		uint32_t words = rl_op_words(c, op, RL_OLD);
		bool prev_change = k > 0 && ops->v[k - 1].kind != RL_OP_EQUAL;
		bool next_change = k + 1 < ops->n && ops->v[k + 1].kind != RL_OP_EQUAL;
		/* Between two changes, one of them big; or punctuation next to a big change (the stop
		 * of a moved paragraph). */
		o[k] = (words <= ISLAND_WORDS && prev_change && next_change && (before || after)) ||
		       (words == 0 && (before || after));
	}
	/* A swap just past such an island belongs to the passage too: the exact diff often pins a
	 * moved paragraph's first words to a stray "the" of what took its place ("by the town
	 * last" against "one of the station's last"), leaving the swap between two islands. */
	for (size_t k = 1; k + 1 < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		if (o[k] || op->kind == RL_OP_EQUAL)
			continue;
		bool prev_island = o[k - 1] && ops->v[k - 1].kind == RL_OP_EQUAL &&
		                   rl_op_words(c, &ops->v[k - 1], RL_OLD) <= SHORT_ISLAND;
		bool next_island = o[k + 1] && ops->v[k + 1].kind == RL_OP_EQUAL &&
		                   rl_op_words(c, &ops->v[k + 1], RL_OLD) <= SHORT_ISLAND;
		if (prev_island || next_island)
			o[k] = 2;
	}
	/* ...and an equal run just after that swap, short as well, when a big change follows. */
	for (size_t k = 1; k + 1 < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		if (o[k] || op->kind != RL_OP_EQUAL || rl_op_words(c, op, RL_OLD) > SHORT_ISLAND)
			continue;
		if ((o[k - 1] == 2 && (o[k + 1] || big_change(c, &ops->v[k + 1]))) ||
		    (o[k + 1] == 2 && (o[k - 1] || big_change(c, &ops->v[k - 1]))))
			o[k] = 1;
	}
	item_memo m;
	memset(m.uid, 0xFF, sizeof m.uid);  /* (no unit is UINT32_MAX) */
	for (size_t k = 0; k < ops->n; k++)
		if (!o[k] && prose_to_item(c, &m, &ops->v[k]))
			o[k] = RL_ORPHAN_OLD;
	*out = o;
	return RL_OK;
}

/* Does op k of the list give orphan words to side s? */
static inline bool orphan_on(const uint8_t *orphan, size_t k, int s)
{
	return orphan[k] && (s == RL_OLD || orphan[k] != RL_ORPHAN_OLD);
}

static int orphans_find(const rl_ctx *c, const rl_opvec *ops, const uint8_t *orphan,
                        const uint8_t *free_tok, int s, orphans *o)
{
	const rl_side *sd = &c->side[s];

	/* Arrays of the orphan ops' tokens (a bound from the ops alone, with no per-token work),
	 * filled in one walk over those tokens, then cut to the orphan words they hold: room for
	 * every token of the side was twice the memory of the orphan words of a rewrite at rate
	 * 0.3, and a first walk to count them cost as much as the walk that lists them. */
	size_t bound = 0;
	for (size_t k = 0; k < ops->n; k++)
		if (orphan_on(orphan, k, s))
			bound += rl_hi(&ops->v[k], s) - rl_lo(&ops->v[k], s);
	o->n = 0;
	o->tok = malloc((bound + 1) * sizeof *o->tok);
	o->start = calloc((bound >> 6) + 1, sizeof *o->start);
	if (!o->tok || !o->start)
		return RL_ENOMEM;
	uint32_t run = 0, last = 0;
	bool in_run = false;
	for (size_t k = 0; k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s);
		if (lo == hi)
			continue;
		if (!orphan_on(orphan, k, s)) {
			in_run = false;
			continue;
		}
		if (!in_run)
			run++, in_run = true;
		for (uint32_t t = lo; t < hi; t++) {
			if (sd->tok[t].cls != RL_TOK_WORD || sd->ids[t] == RL_ID_NONE ||
			    (free_tok && !free_tok[t]))
				continue;
			if (run != last)  /* (the first of its words) */
				o->start[o->n >> 6] |= 1ULL << (o->n & 63), last = run;
			o->tok[o->n++] = t;
		}
	}
	uint32_t *tok = realloc(o->tok, (o->n + 1) * sizeof *o->tok);
	o->tok = tok ? tok : o->tok;  /* (freed by the caller either way) */
	uint64_t *st = tok ? realloc(o->start, ((o->n >> 6) + 1) * sizeof *o->start) : NULL;
	o->start = st ? st : o->start;
	return tok && st ? RL_OK : RL_ENOMEM;
}

/* The shingle starting at orphan word i: its hash, or 0 when it has no content word or crosses a
 * run. (Every orphan is a word with an id: orphans_find keeps no other, so that a content word is
 * one whose id is no function word's. The width a constant, for the compiler to unroll.) */
static inline uint64_t shingle_of(const rl_ctx *c, int s, const orphans *o, size_t i, size_t width)
{
	if (i + width > o->n || !same_run(o, i, i + width - 1))
		return 0;
	const uint32_t *ids = c->side[s].ids;
	uint64_t h = 0x9E3779B97F4A7C15ULL;
	unsigned function = RL_IDF_FUNCTION;
	for (size_t k = 0; k < width; k++) {
		uint32_t t = o->tok[i + k], id = ids[t];
		function &= c->idf[id];
		h = (h ^ word_key(c, o, s, t, id)) * 0x100000001B3ULL;
		h ^= h >> 29;
	}
	/* Mixed whole (murmur's finaliser): the table probes linearly. */
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDULL;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ULL;
	h ^= h >> 33;
	return function ? 0 : h | 1;
}

/* Whether the shingle at orphan word i is one (shingle() not 0), without its hash. */
static bool has_shingle(const rl_ctx *c, int s, const orphans *o, size_t i)
{
	if (i + o->width > o->n || !same_run(o, i, i + o->width - 1))
		return false;
	const uint32_t *ids = c->side[s].ids;
	for (size_t k = 0; k < o->width; k++)
		if (!(c->idf[ids[o->tok[i + k]]] & RL_IDF_FUNCTION))
			return true;
	return false;
}

static uint64_t shingle(const rl_ctx *c, int s, const orphans *o, size_t i)
{
	return o->width == 3   ? shingle_of(c, s, o, i, 3)
	       : o->width == 2 ? shingle_of(c, s, o, i, 2)
	                       : shingle_of(c, s, o, i, o->width);
}

/* The shingles of NEW's orphans: a hash table of chains of positions. A slot is 4 bytes: its
 * chain's first position plus one in the low pos_bits (0 empty), and above them as many of its
 * key's top bits as fit (its tag). Every position of a chain has its slot's shingle, so a probe
 * that meets a full slot with the tag it looks for works the slot's key out again from that
 * position. A 12-byte slot that kept the whole key was 2.0 MiB of the moves stage's peak on two
 * unrelated texts of 1 MB (175,278 slots); 4 bytes a slot, 7/8 full, is 0.57 MiB. How many
 * positions a key has is found by walking its chain (at most SHINGLE_MAX_OCC + 1 steps). */
typedef struct shingle_index {
	uint32_t *slot;      /* linear probing */
	uint32_t *next;      /* per position: the next with the same shingle, or UINT32_MAX */
	size_t nslots;       /* any size, not a power of two: a hash maps to slot h * nslots / 2^32 */
	size_t nnext;        /* entries of next */
	uint32_t pos_mask;   /* the low pos_bits of a slot, 2^pos_bits - 1 */
	const rl_ctx *c;     /* what a slot's key is worked out from */
	const orphans *ob;
} shingle_index;

/* The index, its chains' blocks and the chains kept are mapped on their own (rl_map_alloc): the
 * narrow pass's follow the wide pass's, each larger, and from malloc the first pass's stayed
 * resident under the second's. */
static void index_free(shingle_index *x)
{
	rl_map_free(x->slot, x->nslots * sizeof *x->slot);
	rl_map_free(x->next, x->nnext * sizeof *x->next);
	x->slot = NULL, x->next = NULL;
}

/* A full slot's first position, and its key: the shingle there. */
static inline uint32_t slot_head(const shingle_index *x, uint32_t sl)
{
	return (sl & x->pos_mask) - 1;
}

static inline uint64_t slot_key(const shingle_index *x, uint32_t sl)
{
	return shingle(x->c, RL_NEW, x->ob, slot_head(x, sl));
}

/* Key h's tag: its top bits above pos_bits. */
static inline uint32_t slot_tag(const shingle_index *x, uint64_t h)
{
	return (uint32_t)(h >> 32) & ~x->pos_mask;
}

/* Where a probe for key h stops: its slot, or the empty one it would take. */
static inline uint32_t *slot_of(const shingle_index *x, uint64_t h)
{
	size_t j = (size_t)(((h ^ (h >> 32)) & 0xFFFFFFFFu) * x->nslots >> 32);
	uint32_t tag = slot_tag(x, h);
	while (x->slot[j] && ((x->slot[j] & ~x->pos_mask) != tag || slot_key(x, x->slot[j]) != h))
		j = j + 1 < x->nslots ? j + 1 : 0;
	return &x->slot[j];
}

/* The table starts at this fraction of the slots the positions could need, and moves to those
 * slots (a rehash) only when its distinct shingles fill seven eighths of it (the tags keep the
 * longer probes cheap). A text that
 * repeats itself (a song, a chorus, boilerplate) has far fewer distinct shingles than positions:
 * on the cumulative song the table sized by positions was 4.4 MiB of the moves stage's peak for
 * some thousand shingles. On a text whose shingles are all distinct the small table is freed
 * before the chains grow, so the peak is the same as sizing by positions from the start. */
#define INDEX_FIRST 16

/* Move x's keys to a table of `slots` slots. Each key keeps its chain (head and next): which
 * slot holds a key changes nothing a lookup returns. */
static int index_grow(shingle_index *x, size_t slots)
{
	shingle_index to = *x;
	to.nslots = slots;
	if (!(to.slot = rl_map_alloc(slots * sizeof *to.slot)))
		return RL_ENOMEM;
	for (size_t j = 0; j < x->nslots; j++)
		if (x->slot[j])
			*slot_of(&to, slot_key(x, x->slot[j])) = x->slot[j];
	rl_map_free(x->slot, x->nslots * sizeof *x->slot);
	x->slot = to.slot;
	x->nslots = slots;
	return RL_OK;
}

/* The index of NEW's shingles. They are looked at twice, to count them and to place them,
 * rather than kept in an array beside the table (8 bytes an orphan word, at the moves stage's
 * peak). (Prefetching the slots of the hashes a few positions ahead was tried: no difference
 * beyond noise, 1.25-1.54 s against 1.34-1.44 s on a 10 MB text against itself with every
 * paragraph in reverse order.) */
static int index_build(const rl_ctx *c, const orphans *ob, shingle_index *x)
{
	/* At most seven eighths full, counting the shingles there are (positions without one, at a
	 * run's end or made of function words only, take no slot): on a text whose every word is an
	 * orphan (shuffled paragraphs) this table is part of the moves stage's peak. */
	size_t keys = 0;
	for (size_t j = 0; j < ob->n; j++)
		keys += has_shingle(c, RL_NEW, ob, j);
	size_t slots = keys + keys / 7 + 16, distinct = 0;
	unsigned pos_bits = 1;
	while (pos_bits < 32 && ob->n >> pos_bits)  /* (positions plus one: 1 to ob->n) */
		pos_bits++;
	x->pos_mask = (uint32_t)(((uint64_t)1 << pos_bits) - 1);
	x->c = c, x->ob = ob;
	x->nslots = slots / INDEX_FIRST + 16;
	x->slot = rl_map_alloc(x->nslots * sizeof *x->slot);
	x->nnext = ob->n + 1;
	x->next = rl_map_alloc(x->nnext * sizeof *x->next);
	if (!x->slot || !x->next)
		return RL_ENOMEM;
	/* Backwards, so that each chain lists its positions in increasing order. */
	for (size_t j = ob->n; j-- > 0;) {
		uint64_t h = shingle(c, RL_NEW, ob, j);
		if (!h)
			continue;
		uint32_t *sl = slot_of(x, h);
		bool empty = !*sl;
		if (empty && (distinct + 1) * 8 > x->nslots * 7 && x->nslots < slots) {
			if (index_grow(x, slots) != RL_OK)
				return RL_ENOMEM;
			sl = slot_of(x, h);
		}
		distinct += empty;
		x->next[j] = empty ? UINT32_MAX : slot_head(x, *sl);
		*sl = slot_tag(x, h) | ((uint32_t)j + 1);
	}
	return RL_OK;
}

/* A chain of shingle hits along one diagonal: a candidate passage. */
typedef struct chain {
	uint32_t i0, i1, j0, j1;  /* first and last hit, in orphan words of OLD and NEW */
	uint32_t hits;
} chain;

/* While the hits are read, the chains are kept in blocks of CHAIN_BLOCK, not one array grown by
 * doubling: a grown array is copied with the old one still there, and on two unrelated texts,
 * whose narrow pass keeps every chain (thousands of stray pairs of words), that copy was 10 MiB
 * of the comparison's peak at 4 MB a side, above the shingle index. keep_wide reads them block by
 * block once the index is freed, freeing each block as it goes. */
#define CHAIN_BITS 14
#define CHAIN_BLOCK ((size_t)1 << CHAIN_BITS)

typedef struct chains {
	chain **blk;     /* the blocks, blk[k >> CHAIN_BITS] holding chain k */
	size_t nblk;     /* blocks allocated */
	size_t n, cap;   /* cap: the chains the list may hold before it is pruned or grows */
	uint32_t *open;  /* per diagonal bucket: the chain last extended there, or UINT32_MAX */
	size_t nbuckets;
	uint32_t min_words, width;  /* what keep_wide keeps */
} chains;

/* Drop the chains that are done and too thin for keep_wide to keep. Hits come in increasing i,
 * and a hit more than CHAIN_GAP words past a chain's last one cannot extend it (extends), so such
 * a chain is final; a bucket that pointed at a dropped one points at none, which is the same for
 * add_hit (a chain that cannot be extended is passed over). On two texts that share no passage
 * nearly every chain is one stray hit, and their list was the moves stage's peak (20 MiB at a
 * million chains, on two unrelated 4 MB texts). The others keep their order: keep_wide sorts the
 * same list. */
static inline chain *chain_at(const chains *cs, size_t k)
{
	return &cs->blk[k >> CHAIN_BITS][k & (CHAIN_BLOCK - 1)];
}

static int chains_prune(chains *cs, uint32_t i)
{
	uint32_t *to = malloc((cs->n + 1) * sizeof *to);  /* old index -> new, or UINT32_MAX */
	size_t w = 0;

	if (!to)
		return RL_ENOMEM;
	for (size_t k = 0; k < cs->n; k++) {
		const chain *ch = chain_at(cs, k);
		if (i - ch->i1 > CHAIN_GAP && (ch->i1 + cs->width - ch->i0 < cs->min_words ||
		                               ch->j1 + cs->width - ch->j0 < cs->min_words)) {
			to[k] = UINT32_MAX;
			continue;
		}
		to[k] = (uint32_t)w;
		*chain_at(cs, w++) = *ch;
	}
	cs->n = w;
	for (size_t d = 0; d < cs->nbuckets; d++)
		if (cs->open[d] != UINT32_MAX)
			cs->open[d] = to[cs->open[d]];
	free(to);
	return RL_OK;
}

/* The list is pruned once it holds as many chains as a PRUNE_AT-th of the buckets: the pruning
 * reads every bucket, so it costs at most PRUNE_AT times the chains it makes room for, and on
 * shuffled paragraphs a list as long as the buckets (stray hits waiting to be pruned) was 6 MiB
 * of the moves stage's peak at 4 MB a side. */
#define PRUNE_AT 4

/* Append a chain started at OLD orphan word i. A full list is pruned first (once it is long
 * enough, above), and grows only when that frees less than half of it. */
static int chain_push(chains *cs, const chain *ch, uint32_t i)
{
	bool full = cs->n == cs->cap;
	if (full && cs->cap * PRUNE_AT >= cs->nbuckets) {
		if (chains_prune(cs, i) != RL_OK)
			return RL_ENOMEM;
		full = cs->n > cs->cap / 2;
	}
	if (full)
		cs->cap = cs->cap ? cs->cap * 2 : 64;
	if (cs->n == cs->nblk * CHAIN_BLOCK) {  /* a block more */
		chain **blk = realloc(cs->blk, (cs->nblk + 1) * sizeof *blk);
		if (!blk)
			return RL_ENOMEM;
		cs->blk = blk;
		if (!(blk[cs->nblk] = rl_map_alloc(CHAIN_BLOCK * sizeof **blk)))
			return RL_ENOMEM;
		cs->nblk++;
	}
	*chain_at(cs, cs->n++) = *ch;
	return RL_OK;
}

/* Does a paragraph start in tokens (t0, t1] of side s? */
static bool para_between(const rl_ctx *c, int s, uint32_t t0, uint32_t t1)
{
	const rl_side *sd = &c->side[s];
	for (uint32_t u = rl_unit_of(sd, t0) + 1, ulast = rl_unit_of(sd, t1); u <= ulast; u++)
		if (sd->uflags[u] & RL_UNIT_PARA)
			return true;
	return false;
}

static bool extends(const rl_ctx *c, const chain *ch, const orphans *oa, const orphans *ob,
                    uint32_t i, uint32_t j)
{
	if (i <= ch->i1 && j <= ch->j1)
		return false;
	if (i < ch->i1 || j < ch->j1 || i - ch->i1 > CHAIN_GAP || j - ch->j1 > CHAIN_GAP)
		return false;
	int64_t drift = ((int64_t)j - ch->j1) - ((int64_t)i - ch->i1);
	if (drift > CHAIN_DRIFT || drift < -CHAIN_DRIFT || !same_run(oa, ch->i1, i) ||
	    !same_run(ob, ch->j1, j))
		return false;
	/* Over a paragraph edge only without a gap: two paragraphs that moved together share the
	 * shingles across their edge; a chain that leaps over one is two passages (or a stray
	 * phrase, "file describes a", and a paragraph that happens to sit on its diagonal). */
	if (i - ch->i1 > 1 || j - ch->j1 > 1)
		return !para_between(c, RL_OLD, oa->tok[ch->i1], oa->tok[i]) &&
		       !para_between(c, RL_NEW, ob->tok[ch->j1], ob->tok[j]);
	return true;
}

/* Add hit (i, j) to a chain on a nearby diagonal, or start one. */
static int add_hit(const rl_ctx *c, chains *cs, const orphans *oa, const orphans *ob, uint32_t i,
                   uint32_t j)
{
	size_t diag = (size_t)((int64_t)j - (int64_t)i + (int64_t)oa->n);
	size_t b = diag / CHAIN_DRIFT;
	for (size_t d = b ? b - 1 : 0; d <= b + 1 && d < cs->nbuckets; d++) {
		uint32_t k = cs->open[d];
		if (k == UINT32_MAX || !extends(c, chain_at(cs, k), oa, ob, i, j))
			continue;
		chain *ch = chain_at(cs, k);
		ch->i1 = i > ch->i1 ? i : ch->i1;
		ch->j1 = j > ch->j1 ? j : ch->j1;
		ch->hits++;
		cs->open[b] = k;
		return RL_OK;
	}
	chain ch = {i, i, j, j, 1};
	if (chain_push(cs, &ch, i) != RL_OK)
		return RL_ENOMEM;
	cs->open[b] = (uint32_t)(cs->n - 1);
	return RL_OK;
}

static int find_chains(const rl_ctx *c, const orphans *oa, const orphans *ob, chains *cs)
{
	shingle_index x = {0};
	int rc = index_build(c, ob, &x);

	cs->nbuckets = (oa->n + ob->n) / CHAIN_DRIFT + 3;
	cs->open = malloc(cs->nbuckets * sizeof *cs->open);
	if (rc != RL_OK || !cs->open) {
		index_free(&x);
		return RL_ENOMEM;
	}
	for (size_t d = 0; d < cs->nbuckets; d++)
		cs->open[d] = UINT32_MAX;
	/* OLD's shingles one at a time, in order (not an array of them beside the index). */
	for (size_t i = 0; i < oa->n && rc == RL_OK; i++) {
		uint64_t h = shingle(c, RL_OLD, oa, i);
		if (!h)
			continue;
		uint32_t head = *slot_of(&x, h);
		if (!head)
			continue;
		uint32_t at[SHINGLE_MAX_OCC + 1], n = 0;
		for (uint32_t j = slot_head(&x, head); j != UINT32_MAX && n <= SHINGLE_MAX_OCC; j = x.next[j])
			at[n++] = j;
		if (n > SHINGLE_MAX_OCC)
			continue;  /* too common to place */
		for (uint32_t k = 0; k < n && rc == RL_OK; k++)
			rc = add_hit(c, cs, oa, ob, (uint32_t)i, at[k]);
	}
	index_free(&x);
	return rc;
}

static void chains_blocks_free(chains *cs)
{
	for (size_t b = 0; b < cs->nblk; b++)
		rl_map_free(cs->blk[b], CHAIN_BLOCK * sizeof *cs->blk[b]);
	free(cs->blk);
	cs->blk = NULL;
	cs->nblk = 0;
}

static void chains_free(chains *cs)
{
	chains_blocks_free(cs);
	free(cs->open);
}

/* The order keep_wide gives the chains: largest first by this score, those of one score in the
 * order they were found (as glibc's merge sort gave them when qsort sorted them). */
static inline uint32_t chain_score(const chain *ch)
{
	return ch->i1 - ch->i0 + ch->hits;
}

static bool wide(const chain *ch, uint32_t min_words, size_t width)
{
	return ch->i1 + width - ch->i0 >= min_words && ch->j1 + width - ch->j0 >= min_words;
}

/* Each chain as the tokens it covers: from its first hit's first word to its last hit's last. */
static inline rl_span span_of(const chain *ch, const orphans *oa, const orphans *ob)
{
	return (rl_span){oa->tok[ch->i0], oa->tok[ch->i1 + oa->width - 1] + 1, ob->tok[ch->j0],
	                 ob->tok[ch->j1 + ob->width - 1] + 1};
}

/* Put v[k] at place to[k], for every k, by the permutation's cycles (each swap puts one span
 * where it belongs). */
static void permute(rl_span *v, uint32_t *to, size_t n)
{
	for (size_t k = 0; k < n; k++)
		while (to[k] != k) {
			uint32_t j = to[k], tj = to[j];
			rl_span t = v[k];
			v[k] = v[j], v[j] = t;
			to[k] = tj, to[j] = j;
		}
}

/* Where each chain goes: per score (of `top` at most), the place of its first chain, largest
 * scores first (a counting sort, stable). */
static uint32_t *score_places(const chains *cs, uint32_t min_words, size_t width, uint32_t top)
{
	uint32_t *at = rl_map_alloc(((size_t)top + 1) * sizeof *at);
	if (!at)
		return NULL;
	for (size_t k = 0; k < cs->n; k++)
		if (wide(chain_at(cs, k), min_words, width))
			at[chain_score(chain_at(cs, k))]++;
	uint32_t sum = 0;
	for (size_t s = top + 1; s-- > 0;) {
		uint32_t here = at[s];
		at[s] = sum;
		sum += here;
	}
	return at;
}

/* The chains wide enough to make a passage of min_words (thin ones are most of them: stray shared
 * phrases) as spans, largest first. The spans are written in the chains' order, each block freed
 * once read, with each one's place beside it (4 bytes), then moved to their places: the chains
 * gathered into an array and sorted by qsort took three times the chains' memory at once (the
 * array, qsort's buffer as large, then the spans beside the array), 5.6 MiB of the moves stage's
 * peak on two unrelated 1 MB texts, where every chain of the narrow pass is kept. */
static int keep_wide(chains *cs, const orphans *oa, const orphans *ob, uint32_t min_words,
                     rl_span **out, size_t *n)
{
	size_t w = 0;
	uint32_t top = 0;
	for (size_t k = 0; k < cs->n; k++) {
		const chain *ch = chain_at(cs, k);
		if (wide(ch, min_words, oa->width)) {
			w++;
			top = chain_score(ch) > top ? chain_score(ch) : top;
		}
	}
	*n = 0;
	if (w == 0)
		return RL_OK;
	/* (The spans first: the scratch after them, freed before the stage goes on, leaves no hole
	 * under them in malloc's heap.) */
	rl_span *v = malloc(w * sizeof *v);
	uint32_t *at = v ? score_places(cs, min_words, oa->width, top) : NULL;
	uint32_t *to = at ? rl_map_alloc(w * sizeof *to) : NULL;
	if (!at || !to || !v) {
		rl_map_free(at, ((size_t)top + 1) * sizeof *at);
		rl_map_free(to, w * sizeof *to);
		free(v);
		return RL_ENOMEM;
	}
	w = 0;
	for (size_t k = 0; k < cs->n; k++) {
		const chain *ch = chain_at(cs, k);
		if (wide(ch, min_words, oa->width)) {
			to[w] = at[chain_score(ch)]++;
			v[w++] = span_of(ch, oa, ob);
		}
		if ((k + 1) % CHAIN_BLOCK == 0 || k + 1 == cs->n) {
			rl_map_free(cs->blk[k >> CHAIN_BITS], CHAIN_BLOCK * sizeof *ch);
			cs->blk[k >> CHAIN_BITS] = NULL;
		}
	}
	rl_map_free(at, ((size_t)top + 1) * sizeof *at);
	permute(v, to, w);
	rl_map_free(to, w * sizeof *to);
	*out = v;
	*n = w;
	return RL_OK;
}

int rl_move_candidates(const rl_ctx *c, const rl_opvec *ops, const uint8_t *orphan,
                       uint32_t min_words, rl_span **out, size_t *n)
{
	return rl_move_candidates_in(c, ops, orphan, NULL, SHINGLE, true, min_words, out, n);
}

int rl_move_candidates_in(const rl_ctx *c, const rl_opvec *ops, const uint8_t *orphan,
                          const uint8_t *const free_tok[2], unsigned width, bool stems,
                          uint32_t min_words, rl_span **out, size_t *n)
{
	orphans oa = {.width = width}, ob = {.width = width};
	chains cs = {.min_words = min_words, .width = width};
	rl_span *v = NULL;
	int rc = RL_ENOMEM;

	if (stems && !(oa.stem = ob.stem = calloc(c->nids + 1, sizeof *oa.stem)))
		return RL_ENOMEM;
	if (orphans_find(c, ops, orphan, free_tok ? free_tok[RL_OLD] : NULL, RL_OLD, &oa) != RL_OK ||
	    orphans_find(c, ops, orphan, free_tok ? free_tok[RL_NEW] : NULL, RL_NEW, &ob) != RL_OK)
		goto out;
	size_t nv = 0;
	rc = RL_OK;
	if (oa.n >= min_words && ob.n >= min_words && (rc = find_chains(c, &oa, &ob, &cs)) == RL_OK)
		rc = keep_wide(&cs, &oa, &ob, min_words, &v, &nv);
	if (rc == RL_OK) {
		*out = v;
		*n = nv;
	}
out:
	orphans_free(&oa);
	orphans_free(&ob);
	free(oa.stem);
	chains_free(&cs);
	return rc;
}
