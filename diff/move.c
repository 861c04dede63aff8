/* move.c: finding moved passages among deletions and insertions. */
#include "move.h"

#include <stdlib.h>
#include <string.h>

#include "status.h"

/* Words per shingle: three words in a row rarely recur by chance once one is a content word. */
#define SHINGLE 3
/* A shingle found more often than this among the inserted words is too common to place. */
#define SHINGLE_MAX_OCC 8
/* Two hits chain into one passage when they are at most this many orphan words apart on each
 * side... */
#define CHAIN_GAP 24
/* ...and their diagonals differ by at most this many words (the net of the edits between). */
#define CHAIN_DRIFT 8
/* A candidate is kept when its exact diff matches at least this share of its words on each
 * side ("most of the passage"). */
#define MOVE_SHARE 0.5
/* A short move (fewer than RL_MOVE_SHORT_WORDS matched) must match this share of its words. */
#define SHORT_MOVE_SHARE 0.7
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
	uint32_t *run;  /* its run: orphan tokens with no kept token between share a run */
	size_t n;
} orphans;

static void orphans_free(orphans *o)
{
	free(o->tok);
	free(o->run);
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

/* Which ops may give tokens to a move: big changes and the swaps next to them, and the equal
 * islands between two changes one of which is big (never the runs between the swaps of a spun
 * paragraph, which stays where it is). */
static int orphan_ops(const rl_ctx *c, const rl_opvec *ops, uint8_t **out)
{
	uint8_t *o = calloc(ops->n + 1, 1);
	if (!o)
		return RL_ENOMEM;
	for (size_t k = 0; k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		bool before = k > 0 && big_change(c, &ops->v[k - 1]);
		bool after = k + 1 < ops->n && big_change(c, &ops->v[k + 1]);
		if (op->kind != RL_OP_EQUAL) {
			/* A swap between two equal runs is a word rewritten in place, no part of a
			 * passage that moved: leaving the swaps of a spun text out keeps the index of
			 * what may have moved small. */
			o[k] = big_change(c, op) || before || after;
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
	*out = o;
	return RL_OK;
}

static int orphans_find(const rl_ctx *c, const rl_opvec *ops, const uint8_t *orphan, int s,
                        orphans *o)
{
	const rl_side *sd = &c->side[s];
	uint32_t run = 0;
	bool in_run = false;

	o->n = 0;
	/* Room for every word token (parts of compounds included: the counts in sd->words skip
	 * them). */
	o->tok = malloc(((size_t)sd->n + 1) * sizeof *o->tok);
	o->run = malloc(((size_t)sd->n + 1) * sizeof *o->run);
	if (!o->tok || !o->run)
		return RL_ENOMEM;
	for (size_t k = 0; k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s);
		if (lo == hi)
			continue;
		if (!orphan[k]) {
			in_run = false;
			continue;
		}
		if (!in_run)
			run++, in_run = true;
		for (uint32_t t = lo; t < hi; t++) {
			if (sd->tok[t].cls != RL_TOK_WORD || sd->ids[t] == RL_ID_NONE)
				continue;
			o->tok[o->n] = t;
			o->run[o->n] = run;
			o->n++;
		}
	}
	return RL_OK;
}

/* The shingle starting at orphan word i: its hash, or 0 when it has no content word or crosses a
 * run. */
static uint64_t shingle(const rl_ctx *c, int s, const orphans *o, size_t i)
{
	if (i + SHINGLE > o->n || o->run[i] != o->run[i + SHINGLE - 1])
		return 0;
	uint64_t h = 0x9E3779B97F4A7C15ULL;
	bool content = false;
	for (size_t k = 0; k < SHINGLE; k++) {
		uint32_t t = o->tok[i + k];
		content |= rl_is_content(c, s, t);
		h = (h ^ c->side[s].ids[t]) * 0x100000001B3ULL;
		h ^= h >> 29;
	}
	/* Mixed whole (murmur's finaliser): the table probes linearly. */
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDULL;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ULL;
	h ^= h >> 33;
	return content ? h | 1 : 0;
}

/* The shingles of NEW's orphans: a hash table of chains of positions. */
typedef struct slot {
	uint64_t key;    /* 0 empty */
	uint32_t head;   /* first position */
	uint32_t count;  /* positions */
} slot;

typedef struct shingle_index {
	slot *slot;      /* one cache line holds a slot whole: a probe is one miss */
	uint32_t *next;  /* per position: the next with the same shingle, or UINT32_MAX */
	size_t mask;
} shingle_index;

static void index_free(shingle_index *x)
{
	free(x->slot);
	free(x->next);
}

static slot *slot_of(const shingle_index *x, uint64_t h)
{
	size_t j = (size_t)(h ^ (h >> 32)) & x->mask;
	while (x->slot[j].key && x->slot[j].key != h)
		j = (j + 1) & x->mask;
	return &x->slot[j];
}

/* The shingle hashes of one side's orphans, all at once: the table is then probed with the
 * slots of the hashes a few positions ahead already on their way to the cache (on a long
 * document the table is far bigger than the cache and each probe would otherwise wait for
 * memory). */
#define PREFETCH 16

static uint64_t *shingles_of(const rl_ctx *c, int s, const orphans *o)
{
	uint64_t *h = malloc((o->n + 1) * sizeof *h);
	if (h)
		for (size_t i = 0; i < o->n; i++)
			h[i] = shingle(c, s, o, i);
	return h;
}

static inline void prefetch_slot(const shingle_index *x, uint64_t h)
{
	if (!h)
		return;
	const void *p = &x->slot[(size_t)(h ^ (h >> 32)) & x->mask];
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
	/* In asm: GCC 12 at -O2 left no trace of __builtin_prefetch in these loops. */
	__asm__ volatile("prefetcht0 %0" : : "m"(*(const char *)p));
#elif defined(__GNUC__)
	__builtin_prefetch(p, 0, 3);
#else
	(void)p;
#endif
}

static int index_build(const orphans *ob, const uint64_t *hb, shingle_index *x)
{
	size_t slots = 16;
	while (slots < 2 * ob->n + 16)
		slots *= 2;
	x->mask = slots - 1;
	x->slot = calloc(slots, sizeof *x->slot);
	x->next = malloc((ob->n + 1) * sizeof *x->next);
	if (!x->slot || !x->next)
		return RL_ENOMEM;
	/* Backwards, so that each chain lists its positions in increasing order. */
	for (size_t j = ob->n; j-- > 0;) {
		if (j >= PREFETCH)
			prefetch_slot(x, hb[j - PREFETCH]);
		uint64_t h = hb[j];
		if (!h)
			continue;
		slot *sl = slot_of(x, h);
		x->next[j] = sl->key ? sl->head : UINT32_MAX;
		sl->key = h;
		sl->head = (uint32_t)j;
		sl->count++;
	}
	return RL_OK;
}

/* A chain of shingle hits along one diagonal: a candidate passage. */
typedef struct chain {
	uint32_t i0, i1, j0, j1;  /* first and last hit, in orphan words of OLD and NEW */
	uint32_t hits;
} chain;

typedef struct chains {
	chain *v;
	size_t n, cap;
	uint32_t *open;  /* per diagonal bucket: the chain last extended there, or UINT32_MAX */
	size_t nbuckets;
} chains;

static int chain_push(chains *cs, const chain *ch)
{
	if (cs->n == cs->cap) {
		size_t cap = cs->cap ? cs->cap * 2 : 64;
		chain *v = realloc(cs->v, cap * sizeof *v);
		if (!v)
			return RL_ENOMEM;
		cs->v = v;
		cs->cap = cap;
	}
	cs->v[cs->n++] = *ch;
	return RL_OK;
}

/* Does a paragraph start in tokens (t0, t1] of side s? */
static bool para_between(const rl_ctx *c, int s, uint32_t t0, uint32_t t1)
{
	const rl_side *sd = &c->side[s];
	for (uint32_t u = sd->unit[t0] + 1; u <= sd->unit[t1]; u++)
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
	if (drift > CHAIN_DRIFT || drift < -CHAIN_DRIFT || oa->run[i] != oa->run[ch->i1] ||
	    ob->run[j] != ob->run[ch->j1])
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
		if (k == UINT32_MAX || !extends(c, &cs->v[k], oa, ob, i, j))
			continue;
		chain *ch = &cs->v[k];
		ch->i1 = i > ch->i1 ? i : ch->i1;
		ch->j1 = j > ch->j1 ? j : ch->j1;
		ch->hits++;
		cs->open[b] = k;
		return RL_OK;
	}
	chain ch = {i, i, j, j, 1};
	if (chain_push(cs, &ch) != RL_OK)
		return RL_ENOMEM;
	cs->open[b] = (uint32_t)(cs->n - 1);
	return RL_OK;
}

static int find_chains(const rl_ctx *c, const orphans *oa, const orphans *ob, chains *cs)
{
	shingle_index x = {0};
	uint64_t *ha = shingles_of(c, RL_OLD, oa), *hb = shingles_of(c, RL_NEW, ob);
	int rc = ha && hb ? index_build(ob, hb, &x) : RL_ENOMEM;

	free(hb);
	cs->nbuckets = (oa->n + ob->n) / CHAIN_DRIFT + 3;
	cs->open = malloc(cs->nbuckets * sizeof *cs->open);
	if (rc != RL_OK || !cs->open) {
		index_free(&x);
		free(ha);
		return RL_ENOMEM;
	}
	for (size_t d = 0; d < cs->nbuckets; d++)
		cs->open[d] = UINT32_MAX;
	for (size_t i = 0; i < oa->n && rc == RL_OK; i++) {
		if (i + PREFETCH < oa->n)
			prefetch_slot(&x, ha[i + PREFETCH]);
		uint64_t h = ha[i];
		if (!h)
			continue;
		const slot *sl = slot_of(&x, h);
		if (!sl->key || sl->count > SHINGLE_MAX_OCC)
			continue;
		uint32_t j = sl->head;
		for (uint32_t n = 0; n < sl->count && rc == RL_OK; n++) {
			if (n > 0)
				j = x.next[j];  /* read only for shingles that recur */
			rc = add_hit(c, cs, oa, ob, (uint32_t)i, j);
		}
	}
	index_free(&x);
	free(ha);
	return rc;
}

/* ------------------------------------------------------------------ verifying candidates */

typedef struct span {
	uint32_t a0, a1, b0, b1;
} span;

/* Which tokens of each side are taken: orphan tokens not yet part of a move. */
typedef struct taken {
	uint8_t *free_tok[2];  /* 1 where a token is an orphan still free */
} taken;

/* Widen the candidate to the start of its first unit and the end of its last, on both sides,
 * through tokens still free: a moved paragraph whose first words were also rewritten is still
 * one passage. */
static void widen(const rl_ctx *c, const taken *tk, span *sp)
{
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c->side[s];
		uint32_t *lo = s ? &sp->b0 : &sp->a0, *hi = s ? &sp->b1 : &sp->a1;
		uint32_t start = sd->ustart[sd->unit[*lo]], end = sd->ustart[sd->unit[*hi - 1] + 1];
		while (*lo > start && tk->free_tok[s][*lo - 1])
			(*lo)--;
		while (*hi < end && tk->free_tok[s][*hi])
			(*hi)++;
	}
}

static bool all_free(const taken *tk, int s, uint32_t lo, uint32_t hi)
{
	for (uint32_t t = lo; t < hi; t++)
		if (!tk->free_tok[s][t])
			return false;
	return true;
}

static bool unit_edge(const rl_ctx *c, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	return t == 0 || t >= sd->n || sd->ustart[sd->unit[t]] == t;
}

/* A paragraph start in tokens (lo, hi) of side s with fewer than RL_MOVE_MIN_WORDS words before
 * it in the range (after it, when from the end), or 0. Only a few units are looked at. */
static uint32_t spill_start(const rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	const rl_side *sd = &c->side[s];
	for (uint32_t u = sd->unit[lo] + 1; u < sd->nunits && sd->ustart[u] < hi; u++) {
		if (rl_words(c, s, lo, sd->ustart[u]) >= RL_MOVE_MIN_WORDS)
			break;
		if (sd->uflags[u] & RL_UNIT_PARA)
			return sd->ustart[u];
	}
	return 0;
}

static uint32_t spill_end(const rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	const rl_side *sd = &c->side[s];
	for (uint32_t u = sd->unit[hi - 1]; u > sd->unit[lo]; u--) {
		if (rl_words(c, s, sd->ustart[u], hi) >= RL_MOVE_MIN_WORDS)
			break;
		if (sd->uflags[u] & RL_UNIT_PARA)
			return sd->ustart[u];
	}
	return 0;
}

/* Trim a candidate on each side: a few words spilt over a paragraph edge (a chain runs on
 * through "file describes a" into the next paragraph, which moved elsewhere) are no part of
 * it, nor are tokens another move has taken at its ends. */
static void trim(const rl_ctx *c, const taken *tk, span *sp)
{
	for (int s = 0; s < 2; s++) {
		uint32_t *lo = s ? &sp->b0 : &sp->a0, *hi = s ? &sp->b1 : &sp->a1;
		while (*lo < *hi && !tk->free_tok[s][*lo])
			(*lo)++;
		while (*hi > *lo && !tk->free_tok[s][*hi - 1])
			(*hi)--;
		if (*hi <= *lo)
			return;
		uint32_t p = spill_start(c, s, *lo, *hi);
		if (p)
			*lo = p;
		p = spill_end(c, s, *lo, *hi);
		if (p)
			*hi = p;
	}
}

/* Do two ranges share enough words to belong to one moved passage? */
static int alike(rl_ctx *c, const span *u, bool *ok)
{
	rl_opvec d = {0};
	uint32_t eq = 0;
	int rc = rl_ctx_exact(c, u->a0, u->a1, u->b0, u->b1, &d);
	for (size_t k = 0; rc == RL_OK && k < d.n; k++)
		if (d.v[k].kind == RL_OP_EQUAL)
			eq += rl_op_words(c, &d.v[k], RL_OLD);
	uint32_t wa = rl_words(c, RL_OLD, u->a0, u->a1), wb = rl_words(c, RL_NEW, u->b0, u->b1);
	*ok = eq >= 2 && eq >= MOVE_SHARE * (wa > wb ? wa : wb);
	rl_opvec_free(&d);
	return rc;
}

/* Grow a passage that ends (or starts) at unit edges on both sides by the units next to it, while
 * they are free on both sides and alike: a moved paragraph whose middle sentence was rewritten
 * more than the rest moves whole. */
static int grow(rl_ctx *c, const taken *tk, span *sp)
{
	const rl_side *sa = &c->side[RL_OLD], *sb = &c->side[RL_NEW];
	for (int back = 0; back < 2; back++) {
		for (;;) {
			span u;
			if (!back) {
				if (sp->a1 >= sa->n || sp->b1 >= sb->n || !unit_edge(c, RL_OLD, sp->a1) ||
				    !unit_edge(c, RL_NEW, sp->b1))
					break;
				u = (span){sp->a1, sa->ustart[sa->unit[sp->a1] + 1], sp->b1,
				           sb->ustart[sb->unit[sp->b1] + 1]};
			} else {
				if (sp->a0 == 0 || sp->b0 == 0 || !unit_edge(c, RL_OLD, sp->a0) ||
				    !unit_edge(c, RL_NEW, sp->b0))
					break;
				u = (span){sa->ustart[sa->unit[sp->a0 - 1]], sp->a0,
				           sb->ustart[sb->unit[sp->b0 - 1]], sp->b0};
			}
			if (!all_free(tk, RL_OLD, u.a0, u.a1) || !all_free(tk, RL_NEW, u.b0, u.b1))
				break;
			bool ok;
			int rc = alike(c, &u, &ok);
			if (rc != RL_OK)
				return rc;
			if (!ok)
				break;
			if (!back)
				sp->a1 = u.a1, sp->b1 = u.b1;
			else
				sp->a0 = u.a0, sp->b0 = u.b0;
		}
	}
	return RL_OK;
}

/* Diff the two places of a candidate; keep it as a move when enough matches. */
static int verify(rl_ctx *c, const span *sp, rl_opvec *moved, bool *ok)
{
	rl_opvec inner = {0};
	uint32_t eq = 0;
	int rc = rl_ctx_refine(c, sp->a0, sp->a1, sp->b0, sp->b1, &inner);

	*ok = false;
	if (rc != RL_OK)
		goto out;
	for (size_t k = 0; k < inner.n; k++)
		if (inner.v[k].kind == RL_OP_EQUAL)
			eq += rl_op_words(c, &inner.v[k], RL_OLD);
	uint32_t wa = rl_words(c, RL_OLD, sp->a0, sp->a1), wb = rl_words(c, RL_NEW, sp->b0, sp->b1);
	if (eq < RL_MOVE_MIN_WORDS || eq < MOVE_SHARE * wa || eq < MOVE_SHARE * wb)
		goto out;
	if (eq < RL_MOVE_SHORT_WORDS &&
	    (eq < SHORT_MOVE_SHARE * wa || eq < SHORT_MOVE_SHARE * wb || !unit_edge(c, RL_OLD, sp->a0) ||
	     !unit_edge(c, RL_OLD, sp->a1) || !unit_edge(c, RL_NEW, sp->b0) ||
	     !unit_edge(c, RL_NEW, sp->b1)))
		goto out;
	uint32_t id = c->next_move++;
	for (size_t k = 0; k < inner.n; k++) {
		inner.v[k].move = id;
		if (inner.v[k].kind == RL_OP_EQUAL)
			inner.v[k].kind = RL_OP_MOVE;
	}
	rc = rl_opvec_append(moved, inner.v, inner.n);
	*ok = rc == RL_OK;
out:
	rl_opvec_free(&inner);
	return rc;
}

static int cmp_chain(const void *x, const void *y)
{
	const chain *p = x, *q = y;
	uint32_t sp = p->i1 - p->i0 + p->hits, sq = q->i1 - q->i0 + q->hits;
	return (sp < sq) - (sp > sq);
}

/* Try the chains, largest first; the accepted ones take their tokens. */
static int accept_moves(rl_ctx *c, const orphans *oa, const orphans *ob, chains *cs, taken *tk,
                        rl_opvec *moved)
{
	/* Chains too thin to make a move (most of them: stray shared phrases) are dropped before
	 * sorting. */
	size_t w = 0;
	for (size_t k = 0; k < cs->n; k++)
		if (cs->v[k].i1 + SHINGLE - cs->v[k].i0 >= RL_MOVE_MIN_WORDS &&
		    cs->v[k].j1 + SHINGLE - cs->v[k].j0 >= RL_MOVE_MIN_WORDS)
			cs->v[w++] = cs->v[k];
	cs->n = w;
	if (cs->n > 1)
		qsort(cs->v, cs->n, sizeof *cs->v, cmp_chain);
	for (size_t k = 0; k < cs->n; k++) {
		const chain *ch = &cs->v[k];
		if (ch->i1 + SHINGLE - ch->i0 < RL_MOVE_MIN_WORDS ||
		    ch->j1 + SHINGLE - ch->j0 < RL_MOVE_MIN_WORDS)
			break;  /* sorted by size: the rest are smaller (or thin) */
		span sp = {oa->tok[ch->i0], oa->tok[ch->i1 + SHINGLE - 1] + 1, ob->tok[ch->j0],
		           ob->tok[ch->j1 + SHINGLE - 1] + 1};
		trim(c, tk, &sp);
		if (sp.a1 <= sp.a0 || sp.b1 <= sp.b0 || !all_free(tk, RL_OLD, sp.a0, sp.a1) ||
		    !all_free(tk, RL_NEW, sp.b0, sp.b1))
			continue;
		widen(c, tk, &sp);
		int rc = grow(c, tk, &sp);
		if (rc != RL_OK)
			return rc;
		bool ok;
		rc = verify(c, &sp, moved, &ok);
		if (rc != RL_OK)
			return rc;
		if (!ok)
			continue;
		memset(tk->free_tok[RL_OLD] + sp.a0, 0, sp.a1 - sp.a0);
		memset(tk->free_tok[RL_NEW] + sp.b0, 0, sp.b1 - sp.b0);
	}
	return RL_OK;
}

/* ------------------------------------------------------------------ carving */

/* The next stretch of [*t, hi) on side s that no move took: [*start, *end). */
static bool next_piece(const taken *tk, int s, uint32_t *t, uint32_t hi, uint32_t *start,
                       uint32_t *end)
{
	while (*t < hi && !tk->free_tok[s][*t])
		(*t)++;
	if (*t >= hi)
		return false;
	*start = *t;
	while (*t < hi && tk->free_tok[s][*t])
		(*t)++;
	*end = *t;
	return true;
}

/* Rebuild the ops outside moves without the moved tokens. A change op that lost tokens to a
 * move keeps what is left, the k-th stretch of OLD facing the k-th stretch of NEW; cut[k] marks
 * the ops of out that are such leftovers. */
static int carve(const rl_opvec *ops, const uint8_t *orphan, const taken *tk, rl_opvec *out,
                 uint8_t **cut)
{
	*cut = calloc(ops->n * 2 + 16, 1);
	size_t capcut = ops->n * 2 + 16;
	if (!*cut)
		return RL_ENOMEM;
	for (size_t k = 0; k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		bool touched = orphan[k] && (!all_free(tk, RL_OLD, op->a0, op->a1) ||
		                             !all_free(tk, RL_NEW, op->b0, op->b1));
		if (!touched) {
			if (rl_opvec_push(out, op) != RL_OK)
				return RL_ENOMEM;
			continue;
		}
		uint32_t ta = op->a0, tb = op->b0, at_a = op->a0, at_b = op->b0;
		for (;;) {
			uint32_t sa, ea, sb, eb;
			bool has_a = next_piece(tk, RL_OLD, &ta, op->a1, &sa, &ea);
			bool has_b = next_piece(tk, RL_NEW, &tb, op->b1, &sb, &eb);
			if (!has_a && !has_b)
				break;
			rl_op piece = {has_a ? sa : at_a, has_a ? ea : at_a, has_b ? sb : at_b,
			               has_b ? eb : at_b, 0, rl_change_kind(has_a, has_b), 0};
			at_a = piece.a1, at_b = piece.b1;
			if (out->n >= capcut) {
				uint8_t *nc = realloc(*cut, capcut * 2);
				if (!nc)
					return RL_ENOMEM;
				memset(nc + capcut, 0, capcut);
				*cut = nc;
				capcut *= 2;
			}
			(*cut)[out->n] = 1;
			if (rl_opvec_push(out, &piece) != RL_OK)
				return RL_ENOMEM;
		}
	}
	return RL_OK;
}

/* The leftovers of ops that gave tokens to a move are aligned again with their neighbours: the
 * run of changes they belong to is diffed anew ("This level" -> "This degree" is a swap again
 * once the moved paragraph that the exact diff had aligned with it is gone). */
static int realign_cut(rl_ctx *c, const rl_opvec *ops, const uint8_t *cut, rl_opvec *out)
{
	for (size_t k = 0; k < ops->n;) {
		const rl_op *op = &ops->v[k];
		if (op->kind == RL_OP_EQUAL) {
			if (rl_opvec_push(out, op) != RL_OK)
				return RL_ENOMEM;
			k++;
			continue;
		}
		size_t e = k + 1;
		bool any = cut[k];
		while (e < ops->n && ops->v[e].kind != RL_OP_EQUAL && ops->v[e].a0 == ops->v[e - 1].a1 &&
		       ops->v[e].b0 == ops->v[e - 1].b1)
			any |= cut[e++];
		int rc = any ? rl_ctx_refine(c, op->a0, ops->v[e - 1].a1, op->b0, ops->v[e - 1].b1, out)
		             : rl_opvec_append(out, ops->v + k, e - k);
		if (rc != RL_OK)
			return rc;
		k = e;
	}
	return RL_OK;
}

/* ------------------------------------------------------------------ order */

/* Ops outside moves advance through both texts together. A move group goes before the first of
 * them that starts after the group in NEW (its NEW half is read there). */
int rl_order_ops(rl_opvec *ops)
{
	size_t nm = 0;
	for (size_t k = 0; k < ops->n; k++)
		nm += ops->v[k].move != 0;
	if (nm == 0)
		return RL_OK;
	rl_opvec out = {malloc(ops->n * sizeof *ops->v), 0, ops->n};  /* the same ops, reordered */
	rl_op *mv = malloc(nm * sizeof *mv);
	if (!mv || !out.v) {
		free(mv);
		free(out.v);
		return RL_ENOMEM;
	}
	size_t m = 0, mi = 0;
	for (size_t k = 0; k < ops->n; k++)
		if (ops->v[k].move)
			mv[m++] = ops->v[k];
	int rc = RL_OK;
	for (size_t k = 0; k <= ops->n && rc == RL_OK; k++) {
		const rl_op *op = k < ops->n ? &ops->v[k] : NULL;
		if (op && op->move)
			continue;
		/* Groups whose NEW start lies before this op's: their whole group, in order. */
		while (mi < m && rc == RL_OK && (!op || mv[mi].b0 < op->b0 ||
		                                 (mv[mi].b0 == op->b0 && op->b1 > op->b0))) {
			uint32_t id = mv[mi].move;
			while (mi < m && mv[mi].move == id && rc == RL_OK)
				rc = rl_opvec_push(&out, &mv[mi++]);
		}
		if (op && rc == RL_OK)
			rc = rl_opvec_push(&out, op);
	}
	free(mv);
	if (rc == RL_OK)
		rl_opvec_swap(ops, &out);
	rl_opvec_free(&out);
	return rc;
}

/* Ops outside moves before which a move's OLD (NEW) half stands: the number of them that end
 * at or before its start on that side (binary search; they advance on both sides). */
static size_t place_of(const rl_opvec *ops, int s, uint32_t at)
{
	size_t lo = 0, hi = ops->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (rl_hi(&ops->v[mid], s) <= at && rl_lo(&ops->v[mid], s) < at + 1)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* A "move" whose two halves stand at the same place among the other ops did not move: it is
 * text rewritten in place that the exact diff had scattered. Its ops join the others there, as
 * ordinary ops. `moved` holds the groups, each contiguous; `rest` the other ops in order. The
 * settled groups are merged into `rest` in one pass (their places found in `rest` as it was). */
typedef struct settled {
	size_t at;            /* place in rest */
	uint32_t a0;          /* OLD start: groups at one place go in reading order */
	size_t first, count;  /* its ops in the copy */
} settled;

static int cmp_settled(const void *x, const void *y)
{
	const settled *p = x, *q = y;
	if (p->at != q->at)
		return (p->at > q->at) - (p->at < q->at);
	if (p->a0 != q->a0)
		return (p->a0 > q->a0) - (p->a0 < q->a0);
	return (p->first > q->first) - (p->first < q->first);
}

static int settle_in_place(rl_opvec *rest, rl_opvec *moved)
{
	size_t w = 0, ns = 0, nops = 0;
	settled *sv = malloc((moved->n + 1) * sizeof *sv);
	rl_op *keep = malloc((moved->n + 1) * sizeof *keep);
	if (!sv || !keep) {
		free(sv);
		free(keep);
		return RL_ENOMEM;
	}
	for (size_t k = 0; k < moved->n;) {
		size_t e = k;
		while (e < moved->n && moved->v[e].move == moved->v[k].move)
			e++;
		size_t pa = place_of(rest, RL_OLD, moved->v[k].a0);
		size_t pb = place_of(rest, RL_NEW, moved->v[k].b0);
		if (pa != pb) {
			memmove(moved->v + w, moved->v + k, (e - k) * sizeof *moved->v);
			w += e - k;
		} else {
			sv[ns++] = (settled){pa, moved->v[k].a0, nops, e - k};
			for (size_t x = k; x < e; x++) {
				rl_op op = moved->v[x];
				op.move = 0;
				if (op.kind == RL_OP_MOVE)
					op.kind = RL_OP_EQUAL;
				keep[nops++] = op;
			}
		}
		k = e;
	}
	moved->n = w;
	int rc = RL_OK;
	if (ns > 0) {
		qsort(sv, ns, sizeof *sv, cmp_settled);
		rl_opvec out = {0};
		size_t from = 0;
		/* (rest may be empty, its array NULL: no pointer arithmetic on it then) */
		for (size_t g = 0; rc == RL_OK && g < ns; g++) {
			if (sv[g].at > from)
				rc = rl_opvec_append(&out, rest->v + from, sv[g].at - from);
			if (rc == RL_OK)
				rc = rl_opvec_append(&out, keep + sv[g].first, sv[g].count);
			from = sv[g].at;
		}
		if (rc == RL_OK && rest->n > from)
			rc = rl_opvec_append(&out, rest->v + from, rest->n - from);
		if (rc == RL_OK)
			rl_opvec_swap(rest, &out);
		rl_opvec_free(&out);
	}
	free(sv);
	free(keep);
	return rc;
}

/* Move groups were appended in the order they were accepted: sort the groups by NEW start. */
typedef struct group {
	uint32_t b0;          /* NEW start */
	size_t first, count;  /* its ops */
} group;

static int cmp_group(const void *x, const void *y)
{
	const group *p = x, *q = y;
	return (p->b0 > q->b0) - (p->b0 < q->b0);
}

static int sort_groups(rl_opvec *moved)
{
	size_t ng = 0;
	for (size_t k = 0; k < moved->n; k++)
		ng += k == 0 || moved->v[k].move != moved->v[k - 1].move;
	group *g = malloc((ng + 1) * sizeof *g);
	rl_op *copy = malloc((moved->n + 1) * sizeof *copy);
	if (!g || !copy) {
		free(g);
		free(copy);
		return RL_ENOMEM;
	}
	ng = 0;
	for (size_t k = 0; k < moved->n; k++) {
		if (k == 0 || moved->v[k].move != moved->v[k - 1].move)
			g[ng++] = (group){moved->v[k].b0, k, 0};
		g[ng - 1].count++;
	}
	if (ng > 1)
		qsort(g, ng, sizeof *g, cmp_group);
	if (moved->n)
		memcpy(copy, moved->v, moved->n * sizeof *copy);
	size_t at = 0;
	for (size_t x = 0; x < ng; x++)
		for (size_t k = 0; k < g[x].count; k++)
			moved->v[at++] = copy[g[x].first + k];
	free(g);
	free(copy);
	return RL_OK;
}

static int moves_in(rl_ctx *c, rl_opvec *ops);

int rl_moves(rl_ctx *c, rl_opvec *ops)
{
	/* Equal ops cut at unit starts: the stop that ends a moved paragraph, matched by the exact
	 * diff with the stop of whatever took its place, is then an island a move can take back. */
	rl_opvec split = rl_ctx_scratch(c, ops->n);
	int rc = rl_split_equals(c, ops, &split);
	if (rc == RL_OK) {
		rl_opvec_swap(ops, &split);
		rl_ctx_recycle(c, &split);
		rc = moves_in(c, ops);
	} else {
		rl_ctx_recycle(c, &split);
	}
	return rc;
}

static int moves_in(rl_ctx *c, rl_opvec *ops)
{
	orphans oa = {0}, ob = {0};
	chains cs = {0};
	taken tk = {{NULL, NULL}};
	rl_opvec moved = {0}, out = {0}, carved = {0};
	uint8_t *orphan = NULL, *cut = NULL;
	int rc = RL_ENOMEM;

	if (orphan_ops(c, ops, &orphan) != RL_OK || orphans_find(c, ops, orphan, RL_OLD, &oa) != RL_OK ||
	    orphans_find(c, ops, orphan, RL_NEW, &ob) != RL_OK)
		goto out;
	rc = RL_OK;
	if (oa.n < RL_MOVE_MIN_WORDS || ob.n < RL_MOVE_MIN_WORDS)
		goto out;
	rc = RL_ENOMEM;
	for (int s = 0; s < 2; s++) {
		tk.free_tok[s] = calloc((size_t)c->side[s].n + 1, 1);
		if (!tk.free_tok[s])
			goto out;
	}
	for (size_t k = 0; k < ops->n; k++)
		for (int s = 0; s < 2; s++)
			if (orphan[k])
				memset(tk.free_tok[s] + rl_lo(&ops->v[k], s), 1,
				       rl_hi(&ops->v[k], s) - rl_lo(&ops->v[k], s));
	if ((rc = find_chains(c, &oa, &ob, &cs)) != RL_OK ||
	    (rc = accept_moves(c, &oa, &ob, &cs, &tk, &moved)) != RL_OK || moved.n == 0)
		goto out;
	carved = rl_ctx_scratch(c, ops->n);
	out = rl_ctx_scratch(c, ops->n);
	if ((rc = carve(ops, orphan, &tk, &carved, &cut)) != RL_OK ||
	    (rc = realign_cut(c, &carved, cut, &out)) != RL_OK ||
	    (rc = settle_in_place(&out, &moved)) != RL_OK || (rc = sort_groups(&moved)) != RL_OK ||
	    (rc = rl_opvec_append(&out, moved.v, moved.n)) != RL_OK)
		goto out;
	rl_opvec_swap(ops, &out);
	rc = rl_order_ops(ops);
out:
	orphans_free(&oa);
	orphans_free(&ob);
	free(cs.v);
	free(cs.open);
	free(tk.free_tok[0]);
	free(tk.free_tok[1]);
	free(orphan);
	free(cut);
	rl_ctx_recycle(c, &carved);
	rl_opvec_free(&moved);
	rl_ctx_recycle(c, &out);
	return rc;
}
