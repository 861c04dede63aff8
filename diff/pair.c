/* pair.c: heavy regions, sentence pairs inside them, and word diffs inside the pairs. */
#include "pair.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cleanup.h"
#include "lexicon.h"
#include "refine.h"
#include "status.h"
#include "structure.h"

/* What an id is as a name (names_find). */
enum { NAME_SEEN = 1, NAME_LOWER = 2 };

/* A unit that keeps less than this share of its words in place was rewritten; equal ops in a
 * unit that keeps more are anchors that bound the regions. */
#define REWRITTEN_SHARE 0.5
/* A region is re-aligned when it changes at least this many words on each side and touches at
 * least this many units on a side. */
#define REGION_MIN_WORDS 12
#define REGION_MIN_UNITS 3
/* A pair shares at least this many content words... */
#define PAIR_MIN_SHARED 2
/* ...making up at least this share of the (weighted) content of one of its two units. */
#define PAIR_MIN_SHARE 0.34
/* ...or at least this many content words, whatever their share (a bullet that restates a clause
 * of a long sentence). */
#define PAIR_SURE_SHARED 3
/* A content word found in more OLD units of a region than this is too common to point anywhere. */
#define POSTING_MAX 48
/* Candidates kept per NEW unit, best first. */
#define CANDIDATES 6
/* The pairing replaces the word diff of a region unless it keeps fewer content words matched than
 * this share of what the word diff matched (content matches are rarely coincidences). */
#define KEEP_CONTENT_SHARE 0.8
/* ...and unless it faces fewer words than this share of those the word diff faced (kept words and
 * swaps), losing more than this many words. Swaps are what a spun sentence keeps: pairing that
 * turned them into deletions and insertions cost up to 1.5 points of swaps paired on densely
 * rewritten generated pairs (issue 10). Not where NEW has list items (a summary's bullets, which
 * pairing is for). 0.9 and 2 words: no real-text figure moves but for the better. */
#define FACING_KEEP_SHARE 0.9
#define FACING_LOSS_WORDS 2
/* A unit next to a pair joins it when this share of its content comes from the pair's other side. */
#define ATTACH_SHARE 0.4
/* Units left unpaired between two pairs are diffed word by word when the word diff before pairing
 * kept at least this many words between one unit of each side (one kept word is often a
 * coincidence, and so are words kept here and there between two lists side by side). */
#define GAP_MIN_KEPT 2
/* Characters of a word that make its stem when pairing sentences. */
#define STEM_CHARS 5
/* Names and numbers weigh more than other content words when pairing. */
#define ANCHOR_WEIGHT 1.5

/* ------------------------------------------------------------------ normalizing */

static bool continues(const rl_op *x, const rl_op *y)
{
	if (x->move != y->move || x->quote != y->quote)
		return false;
	/* Insertions that follow each other in NEW are one, wherever each stood in OLD: OLD's
	 * tokens between their places belong to moved passages, listed elsewhere, which would
	 * otherwise be drawn between the pieces of one new sentence. Deletions likewise. */
	if (!x->move && x->kind == y->kind &&
	    ((x->kind == RL_OP_INSERT && x->b1 == y->b0) || (x->kind == RL_OP_DELETE && x->a1 == y->a0)))
		return true;
	if (x->a1 != y->a0 || x->b1 != y->b0)
		return false;
	return (x->kind == RL_OP_EQUAL || x->kind == RL_OP_MOVE || x->kind == RL_OP_DELETE ||
	        x->kind == RL_OP_INSERT) && x->kind == y->kind;
}

int rl_normalize(rl_opvec *ops)
{
	size_t w = 0;
	/* Where the ops have reached: in OLD the ops outside moves; in NEW every op, since the list
	 * is in NEW's reading order, move groups included (a deletion listed after a moved passage
	 * stands after it in NEW: the viewer finds blocks by their NEW ends, in order). */
	uint32_t at_a = 0, at_b = 0;
	for (size_t k = 0; k < ops->n; k++) {
		rl_op *op = &ops->v[k];
		if (op->a0 == op->a1 && op->b0 == op->b1)
			continue;
		if (!op->move) {
			if (op->a0 == op->a1 && op->a0 < at_a)
				op->a0 = op->a1 = at_a;
			if (op->b0 == op->b1 && op->b0 < at_b)
				op->b0 = op->b1 = at_b;
			at_a = op->a1 > at_a ? op->a1 : at_a;
		}
		at_b = op->b1 > at_b ? op->b1 : at_b;
		if (w > 0 && continues(&ops->v[w - 1], op)) {
			rl_op *x = &ops->v[w - 1];
			if (x->kind == RL_OP_INSERT)
				x->b1 = op->b1;  /* keeps its own place in OLD */
			else if (x->kind == RL_OP_DELETE)
				x->a1 = op->a1;
			else
				x->a1 = op->a1, x->b1 = op->b1;
			continue;
		}
		ops->v[w++] = *op;
	}
	ops->n = w;
	return RL_OK;
}

/* ------------------------------------------------------------------ units kept */

typedef struct kept {
	uint32_t *words[2];  /* per unit: words kept in place (equal and move ops) */
} kept;

static int kept_init(const rl_ctx *c, const rl_opvec *ops, kept *kp)
{
	for (int s = 0; s < 2; s++) {
		kp->words[s] = calloc((size_t)c->side[s].nunits + 1, sizeof *kp->words[s]);
		if (!kp->words[s])
			return RL_ENOMEM;
	}
	for (int s = 0; s < 2; s++)
		rl_count_kept(c, ops->v, ops->n, s, 0, kp->words[s]);
	return RL_OK;
}

static bool rewritten(const rl_ctx *c, const kept *kp, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	uint32_t u = sd->unit[t];
	uint32_t total = rl_words(c, s, sd->ustart[u], sd->ustart[u + 1]);
	return total > 0 && kp->words[s][u] < REWRITTEN_SHARE * total;
}

/* ------------------------------------------------------------------ one region */

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
	const uint8_t *names;       /* per id: NAME_* (names_find) */
	uint32_t *loc[2];           /* per token of the region, from its first token on: its local
	                             * number, RL_ID_NONE when no content word or not in OLD's units
	                             * (each stem hashed once, not at every look) */
	cand *cands;
	size_t ncand, capcand;
} region;

/* What the search for groups reads and emitting them does not: the index, the weights, the
 * candidates. Freed before the groups are emitted, whose diffs of the gaps and groups peak on
 * their own (on the cumulative song the index was 3 MiB under a diff of a whole region, the
 * comparison's peak). */
static void region_index_free(region *r)
{
	free(r->stem_key);
	free(r->stem_val);
	free(r->post_off);
	free(r->post);
	free(r->weight);
	free(r->unit_w[0]);
	free(r->unit_w[1]);
	free(r->loc[0]);
	free(r->loc[1]);
	free(r->cands);
	r->stem_key = NULL, r->stem_val = NULL, r->post_off = NULL, r->post = NULL;
	r->weight = NULL, r->unit_w[0] = NULL, r->unit_w[1] = NULL, r->loc[0] = NULL;
	r->loc[1] = NULL, r->cands = NULL;
}

static void region_free(region *r)
{
	region_index_free(r);
	free(r->ua);
	free(r->ub);
	free(r->head[0]);
	free(r->head[1]);
}

/* Which units of the region are headings (whole units: a region clipped inside one is no
 * heading's). */
static int heads_of(region *r)
{
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &r->c->side[s];
		const urange *ur = s == RL_OLD ? r->ua : r->ub;
		uint32_t nu = s == RL_OLD ? r->na : r->nb;
		r->head[s] = calloc((size_t)nu + 1, 1);
		if (!r->head[s])
			return RL_ENOMEM;
		for (uint32_t x = 0; x < nu; x++) {
			uint32_t u = ur[x].hi > ur[x].lo ? sd->unit[ur[x].lo] : 0;
			r->head[s][x] = ur[x].hi > ur[x].lo && ur[x].lo == sd->ustart[u] &&
			                ur[x].hi == sd->ustart[u + 1] && rl_unit_heading(r->c, s, u);
		}
	}
	return RL_OK;
}

static int units_of(const rl_ctx *c, int s, uint32_t lo, uint32_t hi, urange **out, uint32_t *n)
{
	const rl_side *sd = &c->side[s];
	uint32_t u0 = hi > lo ? sd->unit[lo] : 0, u1 = hi > lo ? sd->unit[hi - 1] + 1 : 0;
	urange *v = malloc(((size_t)(u1 - u0) + 1) * sizeof *v);
	if (!v)
		return RL_ENOMEM;
	for (uint32_t u = u0; u < u1; u++) {
		v[u - u0].lo = sd->ustart[u] > lo ? sd->ustart[u] : lo;
		v[u - u0].hi = sd->ustart[u + 1] < hi ? sd->ustart[u + 1] : hi;
	}
	*out = v;
	*n = u1 - u0;
	return RL_OK;
}

/* Is token t of side s a word pairing counts: a content word, a number once (by its first
 * part: "2.2" weighs as much as it did as one word)? */
static bool counted(const rl_ctx *c, int s, uint32_t t)
{
	return rl_is_content(c, s, t) &&
	       !((c->side[s].tok[t].flags & RL_TF_GLUED) && (rl_tok_idf(c, s, t) & RL_IDF_NUMBER));
}

/* A word's stem for pairing: its first STEM_CHARS characters, ASCII letters lower-cased, so that
 * the plural and the singular, most conjugated forms and spelling variants fall together (a spun
 * sentence may keep none of its content words exactly). Never 0. */
static uint64_t stem(const rl_ctx *c, int s, uint32_t t)
{
	const rl_token *tk = &c->side[s].tok[t];
	const char *w = c->side[s].text + tk->off;
	uint64_t h = 0xcbf29ce484222325ULL;
	/* A part of a number is its id (its role in it, its digits): the "5" of "4.5" is not the
	 * "5" of "5-2". */
	if (rl_tok_idf(c, s, t) & RL_IDF_NUMBER)
		return ((uint64_t)c->side[s].ids[t] * 0x9E3779B97F4A7C15ULL) | 1;
	size_t chars = 0;
	uint32_t len = tk->len;
	/* A short word's plural is its stem too ("loops", "cores"): its first STEM_CHARS characters
	 * would keep the "s". Not "ss" ("class"). */
	if (len > 3 && len <= STEM_CHARS && (w[len - 1] == 's' || w[len - 1] == 'S') &&
	    w[len - 2] != 's' && w[len - 2] != 'S')
		len--;
	if (tk->flags & RL_TF_ASCII) {  /* a byte a character: the same, counted more simply */
		for (uint32_t i = 0, n = len < STEM_CHARS ? len : STEM_CHARS; i < n; i++) {
			unsigned ch = (unsigned char)w[i];
			ch |= (unsigned)(ch - 'A' < 26u) << 5;
			h = (h ^ ch) * 0x100000001b3ULL;
		}
		return h | 1;
	}
	for (uint32_t i = 0; i < len && chars < STEM_CHARS; i++) {
		unsigned char ch = (unsigned char)w[i];
		if (ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch - 'A' + 'a');
		h = (h ^ ch) * 0x100000001b3ULL;
		chars += (ch & 0xC0) != 0x80;
	}
	return h | 1;
}

/* The table for about `most` stems, at most three quarters full (stems_room grows it past that).
 * Sized by the stems there can be, not by the tokens: on a text of distinct words (the cumulative
 * song) a table for twice the tokens was 12 bytes a token more at the comparison's peak. */
static int stems_init(region *r, size_t most)
{
	size_t n = 16;
	while (n < most + most / 3 + 16)
		n *= 2;
	r->stem_mask = n - 1;
	r->stem_key = calloc(n, sizeof *r->stem_key);
	r->stem_val = malloc(n * sizeof *r->stem_val);
	return r->stem_key && r->stem_val ? RL_OK : RL_ENOMEM;
}

/* About as many stems as OLD's tokens [a0, a1) have: a stem per distinct word, and no more than
 * the region's tokens (the table grows if case folding makes more stems than ids). */
static size_t stems_most(const region *r)
{
	size_t toks = r->a1 - r->a0;
	return toks < r->c->nids ? toks : r->c->nids;
}

static size_t stem_slot(const region *r, uint64_t h);

/* Room for one more stem: the table doubled when it would be over three quarters full (the
 * local numbers stay, so nothing else changes). */
static int stems_room(region *r)
{
	size_t n = r->stem_mask + 1;
	if ((size_t)r->nloc + 1 <= n - n / 4)
		return RL_OK;
	region big = *r;
	if (stems_init(&big, n) != RL_OK) {
		free(big.stem_key), free(big.stem_val);
		return RL_ENOMEM;
	}
	for (size_t j = 0; j < n; j++) {
		if (!r->stem_key[j])
			continue;
		size_t k = stem_slot(&big, r->stem_key[j]);
		big.stem_key[k] = r->stem_key[j], big.stem_val[k] = r->stem_val[j];
	}
	free(r->stem_key), free(r->stem_val);
	r->stem_key = big.stem_key, r->stem_val = big.stem_val, r->stem_mask = big.stem_mask;
	return RL_OK;
}

/* The slot of a stem in the table (where it is, or where it would go). */
static size_t stem_slot(const region *r, uint64_t h)
{
	size_t j = (size_t)(h ^ (h >> 29)) & r->stem_mask;
	while (r->stem_key[j] && r->stem_key[j] != h)
		j = (j + 1) & r->stem_mask;
	return j;
}

/* The local number of token t's stem: RL_ID_NONE when t is no content word or when OLD's units
 * do not have its stem. */
static uint32_t local_of(const region *r, int s, uint32_t t)
{
	return r->loc[s][t - (s == RL_OLD ? r->a0 : r->b0)];
}

/* NEW's local numbers, once OLD's are all made. */
static int locals_new(region *r)
{
	const rl_ctx *c = r->c;
	r->loc[RL_NEW] = malloc(((size_t)(r->b1 - r->b0) + 1) * sizeof *r->loc[RL_NEW]);
	if (!r->loc[RL_NEW])
		return RL_ENOMEM;
	for (uint32_t t = r->b0; t < r->b1; t++) {
		uint32_t l = RL_ID_NONE;
		if (counted(c, RL_NEW, t)) {
			size_t j = stem_slot(r, stem(c, RL_NEW, t));
			l = r->stem_key[j] ? r->stem_val[j] : RL_ID_NONE;
		}
		r->loc[RL_NEW][t - r->b0] = l;
	}
	return RL_OK;
}

static float id_weight(const rl_ctx *c, uint32_t id, const rl_token *tk)
{
	float w = 1.0f / (1.0f + log2f((float)c->freq[id]));
	return tk->flags & (RL_TF_UPPER | RL_TF_DIGIT) ? w * (float)ANCHOR_WEIGHT : w;
}

/* Number the content words of OLD's units locally and list, for each, the units that hold it. */
static int build_index(region *r)
{
	rl_ctx *c = r->c;
	const rl_side *sa = &c->side[RL_OLD];
	int rc = RL_ENOMEM;

	/* First pass: local numbers and posting counts (a unit counted once per stem). */
	uint32_t *cnt = NULL, *last = NULL;
	size_t capl = 256;
	cnt = calloc(capl, sizeof *cnt);
	last = malloc(capl * sizeof *last);
	r->weight = malloc(capl * sizeof *r->weight);
	r->loc[RL_OLD] = malloc(((size_t)(r->a1 - r->a0) + 1) * sizeof *r->loc[RL_OLD]);
	if (!cnt || !last || !r->weight || !r->loc[RL_OLD] || stems_init(r, stems_most(r)) != RL_OK)
		goto out;
	for (uint32_t t = r->a0; t < r->a1; t++)
		r->loc[RL_OLD][t - r->a0] = RL_ID_NONE;
	for (uint32_t u = 0; u < r->na; u++) {
		for (uint32_t t = r->ua[u].lo; t < r->ua[u].hi; t++) {
			if (!counted(c, RL_OLD, t))
				continue;
			uint32_t id = sa->ids[t];
			uint64_t h = stem(c, RL_OLD, t);
			size_t slot = stem_slot(r, h);
			if (!r->stem_key[slot]) {
				if (stems_room(r) != RL_OK)
					goto out;
				slot = stem_slot(r, h);
				if (r->nloc == capl) {
					capl *= 2;
					uint32_t *nc = realloc(cnt, capl * sizeof *nc);
					if (nc)
						cnt = nc;
					uint32_t *nl = realloc(last, capl * sizeof *nl);
					if (nl)
						last = nl;
					float *nw = realloc(r->weight, capl * sizeof *nw);
					if (nw)
						r->weight = nw;
					if (!nc || !nl || !nw)
						goto out;
				}
				r->stem_key[slot] = h;
				r->stem_val[slot] = r->nloc;
				cnt[r->nloc] = 0;
				last[r->nloc] = UINT32_MAX;
				r->weight[r->nloc] = id_weight(c, id, &sa->tok[t]);
				r->nloc++;
			}
			uint32_t l = r->stem_val[slot];
			r->loc[RL_OLD][t - r->a0] = l;
			if (last[l] != u) {
				last[l] = u;
				cnt[l]++;
				r->unit_w[0][u] += r->weight[l];
			}
		}
	}
	r->post_off = malloc(((size_t)r->nloc + 1) * sizeof *r->post_off);
	if (!r->post_off)
		goto out;
	uint32_t total = 0;
	for (uint32_t l = 0; l < r->nloc; l++) {
		r->post_off[l] = total;
		total += cnt[l];
		cnt[l] = 0;
		last[l] = UINT32_MAX;
	}
	r->post_off[r->nloc] = total;
	r->post = malloc(((size_t)total + 1) * sizeof *r->post);
	if (!r->post)
		goto out;
	for (uint32_t u = 0; u < r->na; u++) {
		for (uint32_t t = r->ua[u].lo; t < r->ua[u].hi; t++) {
			uint32_t l = local_of(r, RL_OLD, t);
			if (l == RL_ID_NONE)
				continue;
			if (last[l] != u) {
				last[l] = u;
				r->post[r->post_off[l] + cnt[l]++] = u;
			}
		}
	}
	rc = locals_new(r);
out:
	free(cnt);
	free(last);
	return rc;
}

static int push_cand(region *r, const cand *cd)
{
	if (r->ncand == r->capcand) {
		size_t cap = r->capcand ? r->capcand * 2 : 64;
		cand *v = realloc(r->cands, cap * sizeof *v);
		if (!v)
			return RL_ENOMEM;
		r->cands = v;
		r->capcand = cap;
	}
	r->cands[r->ncand++] = *cd;
	return RL_OK;
}

/* Candidates of NEW unit j: the OLD units sharing enough of its content. acc and shared are
 * scratch arrays of r->na entries, zero on entry and on return. */
static int candidates(region *r, uint32_t j, float *acc, uint32_t *shared, uint32_t *touched,
                      uint32_t *seen_stamp, uint32_t stamp)
{
	rl_ctx *c = r->c;
	const rl_side *sb = &c->side[RL_NEW];
	uint32_t nt = 0;
	float wv = 0;

	for (uint32_t t = r->ub[j].lo; t < r->ub[j].hi; t++) {
		if (!counted(c, RL_NEW, t))
			continue;
		uint32_t l = local_of(r, RL_NEW, t);
		if (l == RL_ID_NONE) {
			wv += id_weight(c, sb->ids[t], &sb->tok[t]);
			continue;
		}
		if (seen_stamp[l] == stamp)
			continue;  /* a word counts once per unit */
		seen_stamp[l] = stamp;
		wv += r->weight[l];
		uint32_t from = r->post_off[l], to = r->post_off[l + 1];
		if (to - from > POSTING_MAX)
			continue;
		for (uint32_t p = from; p < to; p++) {
			uint32_t u = r->post[p];
			if (shared[u] == 0)
				touched[nt++] = u;
			acc[u] += r->weight[l];
			shared[u]++;
		}
	}
	r->unit_w[1][j] = wv;
	/* Keep the best few that pass the thresholds. */
	cand best[CANDIDATES];
	size_t nbest = 0;
	for (uint32_t x = 0; x < nt; x++) {
		uint32_t u = touched[x];
		float ov = acc[u];
		float share_new = wv > 0 ? ov / wv : 0, share_old = r->unit_w[0][u] > 0 ? ov / r->unit_w[0][u] : 0;
		bool ok = shared[u] >= PAIR_SURE_SHARED ||
		          (shared[u] >= PAIR_MIN_SHARED &&
		           (share_new >= PAIR_MIN_SHARE || share_old >= PAIR_MIN_SHARE));
		acc[u] = 0;
		shared[u] = 0;
		if (!ok)
			continue;
		cand cd = {u, j, ov, 0, -1};
		size_t at = nbest < CANDIDATES ? nbest++ : CANDIDATES;
		if (at == CANDIDATES) {
			if (best[CANDIDATES - 1].score >= ov)
				continue;
			at = CANDIDATES - 1;
		}
		while (at > 0 && best[at - 1].score < ov) {
			best[at] = best[at - 1];
			at--;
		}
		best[at] = cd;
	}
	for (size_t x = 0; x < nbest; x++)
		if (push_cand(r, &best[x]) != RL_OK)
			return RL_ENOMEM;
	return RL_OK;
}

/* A region that starts (ends) inside a unit on both sides starts (ends) inside one sentence that
 * the anchor before (after) it ties together: those two pieces are a pair, whatever their words. */
#define FORCED_SCORE 1e6f

static bool clipped_start(const region *r, int s)
{
	const rl_side *sd = &r->c->side[s];
	uint32_t lo = s ? r->b0 : r->a0;
	return (s ? r->nb : r->na) > 0 && sd->ustart[sd->unit[lo]] < lo;
}

static bool clipped_end(const region *r, int s)
{
	const rl_side *sd = &r->c->side[s];
	uint32_t hi = s ? r->b1 : r->a1;
	return (s ? r->nb : r->na) > 0 && sd->ustart[sd->unit[hi - 1] + 1] > hi;
}

static int force_clipped(region *r)
{
	if (clipped_start(r, RL_OLD) && clipped_start(r, RL_NEW)) {
		cand cd = {0, 0, FORCED_SCORE, 0, -1};
		if (push_cand(r, &cd) != RL_OK)
			return RL_ENOMEM;
	}
	if (clipped_end(r, RL_OLD) && clipped_end(r, RL_NEW) && (r->na > 1 || r->nb > 1)) {
		cand cd = {r->na - 1, r->nb - 1, FORCED_SCORE, 0, -1};
		if (push_cand(r, &cd) != RL_OK)
			return RL_ENOMEM;
	}
	return RL_OK;
}

static int cmp_cand(const void *x, const void *y)
{
	const cand *p = x, *q = y;
	if (p->i != q->i)
		return (p->i > q->i) - (p->i < q->i);
	return (p->j > q->j) - (p->j < q->j);
}

/* The heaviest chain of candidates, strictly increasing on both sides (a Fenwick tree of prefix
 * maxima over NEW units; candidates of one OLD unit are looked up before any of them is added).
 * Returns the index of its last candidate, -1 for none, -2 when out of memory. */
static int32_t best_chain(region *r)
{
	size_t nf = (size_t)r->nb + 1;
	int32_t *tree = malloc(nf * sizeof *tree);
	if (!tree)
		return -2;
	for (size_t x = 0; x < nf; x++)
		tree[x] = -1;
	if (r->ncand > 1)
		qsort(r->cands, r->ncand, sizeof *r->cands, cmp_cand);
	int32_t end = -1;
	for (size_t k0 = 0, k1; k0 < r->ncand; k0 = k1) {
		for (k1 = k0; k1 < r->ncand && r->cands[k1].i == r->cands[k0].i; k1++) {
			cand *cd = &r->cands[k1];
			int32_t prev = -1;
			for (size_t x = cd->j; x > 0; x -= x & (~x + 1))  /* NEW units before j */
				if (tree[x] >= 0 && (prev < 0 || r->cands[tree[x]].best > r->cands[prev].best))
					prev = tree[x];
			cd->prev = prev;
			cd->best = cd->score + (prev >= 0 ? r->cands[prev].best : 0);
		}
		for (size_t k = k0; k < k1; k++) {
			const cand *cd = &r->cands[k];
			for (size_t x = cd->j + 1; x < nf; x += x & (~x + 1))
				if (tree[x] < 0 || r->cands[tree[x]].best < cd->best)
					tree[x] = (int32_t)k;
			if (end < 0 || cd->best > r->cands[end].best)
				end = (int32_t)k;
		}
	}
	free(tree);
	return end;
}

/* A group: OLD units [i0, i1] facing NEW units [j0, j1]. */
typedef struct group {
	uint32_t i0, i1, j0, j1;
} group;

/* The content words of units [x0, x1] of one side, marked for the attach tests against them.
 * The marks are kept while a group grows on the other side (every test of the same loop faces the
 * same units), so a long unit is marked once, not once per unit that tries to join it: a long
 * sentence facing many short ones made this quadratic. */
typedef struct marks {
	uint32_t *mark;     /* per local id: `tag` when units [x0, x1] of side `s` hold it */
	uint32_t *seen;     /* per local id: `seen_tag` once counted for the unit being tested */
	uint32_t tag, seen_tag;
	int s;
	uint32_t x0, x1;
} marks;

static void mark_range(region *r, marks *m, int s, uint32_t x0, uint32_t x1)
{
	const urange *ur = s == RL_OLD ? r->ua : r->ub;
	for (uint32_t x = x0; x <= x1; x++)
		for (uint32_t t = ur[x].lo; t < ur[x].hi; t++) {
			uint32_t l = local_of(r, s, t);
			if (l != RL_ID_NONE)
				m->mark[l] = m->tag;
		}
}

static void mark_units(region *r, marks *m, int s, uint32_t x0, uint32_t x1)
{
	if (m->tag > 0 && m->s == s && x0 <= m->x0 && x1 >= m->x1) {
		/* The same side's units, or more of them (a group that grew by a unit): only the new
		 * ones are marked. */
		if (x0 < m->x0)
			mark_range(r, m, s, x0, m->x0 - 1);
		if (x1 > m->x1)
			mark_range(r, m, s, m->x1 + 1, x1);
		m->x0 = x0, m->x1 = x1;
		return;
	}
	m->tag++;
	m->s = s, m->x0 = x0, m->x1 = x1;
	mark_range(r, m, s, x0, x1);
}

/* Weight of the content of unit u (side s) that also occurs in units [x0, x1] of the other
 * side, and how many distinct words that is. Uses the region's local numbering (only OLD's
 * content words are numbered: nothing else can be shared). */
static float shared_with(region *r, int s, uint32_t u, uint32_t x0, uint32_t x1, marks *m,
                         uint32_t *words)
{
	const urange *mine = s == RL_OLD ? r->ua : r->ub;
	float w = 0;

	mark_units(r, m, !s, x0, x1);
	m->seen_tag++;
	*words = 0;
	for (uint32_t t = mine[u].lo; t < mine[u].hi; t++) {
		uint32_t l = local_of(r, s, t);
		if (l == RL_ID_NONE || m->mark[l] != m->tag || m->seen[l] == m->seen_tag)
			continue;
		m->seen[l] = m->seen_tag;  /* once per word */
		w += r->weight[l];
		(*words)++;
	}
	return w;
}

/* Does unit u of side s cross the line between headings and sentences to units [x0, x1] of the
 * other side: a heading facing a sentence, or a sentence facing headings only? */
static bool crosses(const region *r, int s, uint32_t u, uint32_t x0, uint32_t x1)
{
	bool any_sentence = false, any_heading = false;
	for (uint32_t x = x0; x <= x1; x++)
		r->head[!s][x] ? (any_heading = true) : (any_sentence = true);
	return r->head[s][u] ? any_sentence : !any_sentence && any_heading;
}

/* The content of unit u of side s shared with units [x0, x1] of the other side, names left out
 * (a word capitalized inside a sentence: the company's, the product's): its weight (*w), its words
 * (a compound's tail is no word of its own: "closed-source" shares one word with "closed model"),
 * and the weight of u's own content that is no name (*own). A page's title shares the names of
 * its story with many of its sentences, a section's name those of its subject ("Background on
 * <product> and <lab>"): across the line between headings and sentences, only the rest counts. */
static uint32_t shared_beyond_names(region *r, int s, uint32_t u, uint32_t x0, uint32_t x1,
                                    marks *m, float *w, float *own)
{
	const rl_ctx *c = r->c;
	const urange *mine = s == RL_OLD ? r->ua : r->ub;
	uint32_t words = 0;

	*w = 0, *own = 0;
	mark_units(r, m, !s, x0, x1);
	m->seen_tag++;
	for (uint32_t t = mine[u].lo; t < mine[u].hi; t++) {
		if (!counted(c, s, t))
			continue;
		if (r->names[c->side[s].ids[t]] == NAME_SEEN)
			continue;  /* a name */
		uint32_t l = local_of(r, s, t);
		if (l == RL_ID_NONE) {  /* a word OLD's units do not have: the unit's own */
			*own += id_weight(c, c->side[s].ids[t], &c->side[s].tok[t]);
			continue;
		}
		if (m->seen[l] == m->seen_tag)
			continue;
		m->seen[l] = m->seen_tag;  /* once per word */
		*own += r->weight[l];
		if (m->mark[l] == m->tag) {
			*w += r->weight[l];
			words += !(c->side[s].tok[t].flags & RL_TF_GLUED);
		}
	}
	return words;
}

/* Can unit u of side s join a group whose other side is [x0, x1]: does it draw enough of its
 * content from there (a long sentence summarized by two bullets, two sentences merged in one)?
 * A heading joins sentences (a sentence joins headings) only through words beyond names. */
static bool attaches(region *r, int s, uint32_t u, uint32_t x0, uint32_t x1, marks *m)
{
	uint32_t words;
	float w, own;
	if (crosses(r, s, u, x0, x1)) {
		words = shared_beyond_names(r, s, u, x0, x1, m, &w, &own);
	} else {
		w = shared_with(r, s, u, x0, x1, m, &words);
		own = r->unit_w[s][u];
	}
	return words >= PAIR_SURE_SHARED ||
	       (words >= PAIR_MIN_SHARED && own > 0 && w >= ATTACH_SHARE * own);
}

/* A candidate that pairs a heading with a sentence stands when it passes candidates()'s test
 * with names left out, as the heading shares them. stamp and seen are scratch arrays of
 * r->nloc + 1 entries, zero on entry. */
static void drop_name_pairs(region *r, uint32_t *stamp, uint32_t *seen)
{
	marks m = {.mark = stamp, .seen = seen};
	size_t n = 0;
	for (size_t k = 0; k < r->ncand; k++) {
		const cand *cd = &r->cands[k];
		if (r->head[RL_OLD][cd->i] != r->head[RL_NEW][cd->j]) {
			int s = r->head[RL_OLD][cd->i] ? RL_OLD : RL_NEW;
			uint32_t u = s == RL_OLD ? cd->i : cd->j, x = s == RL_OLD ? cd->j : cd->i;
			float w, own;
			uint32_t words = shared_beyond_names(r, s, u, x, x, &m, &w, &own);
			if (words < PAIR_SURE_SHARED &&
			    (words < PAIR_MIN_SHARED || w < PAIR_MIN_SHARE * own))
				continue;
		}
		r->cands[n++] = *cd;
	}
	r->ncand = n;
}

/* Groups from the chain ending at candidate `end`: each pair a group, then units left unpaired
 * right next to a group join it when they draw enough from its other side. stamp and seen are
 * scratch arrays of r->nloc + 1 entries, zero on entry. */
static int make_groups(region *r, int32_t end, uint32_t *stamp, uint32_t *seen, group **out,
                       size_t *ng)
{
	size_t n = 0;
	for (int32_t k = end; k >= 0; k = r->cands[k].prev)
		n++;
	group *g = malloc((n + 1) * sizeof *g);
	if (!g)
		return RL_ENOMEM;
	size_t x = n;
	for (int32_t k = end; k >= 0; k = r->cands[k].prev)
		x--, g[x] = (group){r->cands[k].i, r->cands[k].i, r->cands[k].j, r->cands[k].j};
	marks m = {.mark = stamp, .seen = seen};
	for (size_t k = 0; k < n; k++) {
		uint32_t lim_i = k > 0 ? g[k - 1].i1 + 1 : 0, lim_j = k > 0 ? g[k - 1].j1 + 1 : 0;
		uint32_t next_i = k + 1 < n ? g[k + 1].i0 : r->na, next_j = k + 1 < n ? g[k + 1].j0 : r->nb;
		while (g[k].i0 > lim_i && attaches(r, RL_OLD, g[k].i0 - 1, g[k].j0, g[k].j1, &m))
			g[k].i0--;
		while (g[k].j0 > lim_j && attaches(r, RL_NEW, g[k].j0 - 1, g[k].i0, g[k].i1, &m))
			g[k].j0--;
		while (g[k].i1 + 1 < next_i && attaches(r, RL_OLD, g[k].i1 + 1, g[k].j0, g[k].j1, &m))
			g[k].i1++;
		while (g[k].j1 + 1 < next_j && attaches(r, RL_NEW, g[k].j1 + 1, g[k].i0, g[k].i1, &m))
			g[k].j1++;
	}
	*out = g;
	*ng = n;
	return RL_OK;
}

/* Words the region's ops before pairing (v[0, n)) kept inside OLD [a0, a1) x NEW [b0, b1). */
static uint32_t kept_inside(const rl_ctx *c, const rl_op *v, size_t n, uint32_t a0, uint32_t a1,
                            uint32_t b0, uint32_t b1)
{
	uint32_t w = 0;
	for (size_t k = 0; k < n; k++)
		if (v[k].kind == RL_OP_EQUAL && v[k].a0 >= a0 && v[k].a1 <= a1 && v[k].b0 >= b0 &&
		    v[k].b1 <= b1)
			w += rl_op_words(c, &v[k], RL_OLD);
	return w;
}

/* Are OLD unit i and NEW unit j of about the same length? */
static bool same_length(const region *r, uint32_t i, uint32_t j)
{
	double wa = rl_words(r->c, RL_OLD, r->ua[i].lo, r->ua[i].hi);
	double wb = rl_words(r->c, RL_NEW, r->ub[j].lo, r->ub[j].hi);
	return wa > 0 && wb > 0 && wa >= RL_FACING_RATIO * wb && wb >= RL_FACING_RATIO * wa;
}

/* Where unit i of side s starts in the region (its end when i is past the last). */
static uint32_t unit_lo(const region *r, int s, uint32_t i)
{
	if (s == RL_OLD)
		return i < r->na ? r->ua[i].lo : r->a1;
	return i < r->nb ? r->ub[i].lo : r->b1;
}

/* Are OLD unit i and NEW unit j, at one edge of a gap, a sentence rewritten in its slot: about
 * as long, and a word the word diff kept between them? The gap holds more beside it, a sentence
 * deleted or lines inserted ("A ledger of lamp hours. Note that hours[0] ..." -> "- To 64. ...
 * Notice that hour[zero] ..."): the slot is diffed word by word, the rest deleted and inserted. */
static bool edge_slot(const region *r, uint32_t i, uint32_t j, const rl_op *v, size_t nv)
{
	return same_length(r, i, j) &&
	       kept_inside(r->c, v, nv, unit_lo(r, RL_OLD, i), unit_lo(r, RL_OLD, i + 1),
	                   unit_lo(r, RL_NEW, j), unit_lo(r, RL_NEW, j + 1)) > 0;
}

/* The most words the region's ops before pairing (v[0, n)) kept inside OLD [a0, a1) x NEW
 * [b0, b1) between one unit of OLD and one of NEW: a sentence rewritten in place keeps its words
 * together, words kept here and there between a summary's bullets and a page's links do not. */
static uint32_t kept_in_one_pair(const rl_ctx *c, const rl_op *v, size_t n, uint32_t a0,
                                 uint32_t a1, uint32_t b0, uint32_t b1)
{
	uint32_t best = 0, run = 0, ua = UINT32_MAX, ub = UINT32_MAX;
	for (size_t k = 0; k < n; k++) {
		if (v[k].kind != RL_OP_EQUAL || v[k].a0 < a0 || v[k].a1 > a1 || v[k].b0 < b0 ||
		    v[k].b1 > b1 || v[k].a1 == v[k].a0)
			continue;
		uint32_t xa = c->side[RL_OLD].unit[v[k].a0], xb = c->side[RL_NEW].unit[v[k].b0];
		run = xa == ua && xb == ub ? run : 0;
		ua = xa, ub = xb;
		run += rl_op_words(c, &v[k], RL_OLD);
		best = run > best ? run : best;
	}
	return best;
}

/* Ops for the units left unpaired between two groups, OLD [i0, i1) and NEW [j0, j1): deleted
 * and inserted, unless the word diff before pairing kept words between two of them (a verse
 * rewritten in place with no content word in common, "while they were there, the"), or they are
 * one unit on each side of about the same length ("Create a pipe." -> "Generate a pipes.", every
 * noun and verb swapped): pairing never loses those, the gap is diffed word by word like the
 * sentences around it. Else a slot at either edge of the gap is diffed so, the rest deleted and
 * inserted. v[0, nv) are the region's ops before pairing. */
static int emit_gap(region *r, uint32_t i0, uint32_t i1, uint32_t j0, uint32_t j1, const rl_op *v,
                    size_t nv, rl_opvec *out)
{
	uint32_t ta = unit_lo(r, RL_OLD, i0), ga = unit_lo(r, RL_OLD, i1);
	uint32_t tb = unit_lo(r, RL_NEW, j0), gb = unit_lo(r, RL_NEW, j1);
	if (ga > ta && gb > tb &&
	    (kept_in_one_pair(r->c, v, nv, ta, ga, tb, gb) >= GAP_MIN_KEPT ||
	     (i1 == i0 + 1 && j1 == j0 + 1 && same_length(r, i0, j0))))
		return rl_ctx_refine(r->c, ta, ga, tb, gb, out);
	int rc = RL_OK;
	bool head = i1 > i0 && j1 > j0 && edge_slot(r, i0, j0, v, nv);
	if (head) {
		rc = rl_ctx_refine(r->c, ta, unit_lo(r, RL_OLD, i0 + 1), tb, unit_lo(r, RL_NEW, j0 + 1),
		                   out);
		i0++, j0++;
		ta = unit_lo(r, RL_OLD, i0), tb = unit_lo(r, RL_NEW, j0);
	}
	bool tail = i1 > i0 && j1 > j0 && edge_slot(r, i1 - 1, j1 - 1, v, nv);
	uint32_t ea = tail ? unit_lo(r, RL_OLD, i1 - 1) : ga;
	uint32_t eb = tail ? unit_lo(r, RL_NEW, j1 - 1) : gb;
	if (rc == RL_OK && ea > ta) {
		rl_op del = {ta, ea, tb, tb, 0, RL_OP_DELETE, 0};
		rc = rl_opvec_push(out, &del);
	}
	if (rc == RL_OK && eb > tb) {
		rl_op ins = {ea, ea, tb, eb, 0, RL_OP_INSERT, 0};
		rc = rl_opvec_push(out, &ins);
	}
	if (rc == RL_OK && tail)
		rc = rl_ctx_refine(r->c, ea, ga, eb, gb, out);
	return rc;
}

/* Ops for the region from its groups, each group diffed word by word, the units between them as
 * emit_gap says. v[0, n) are the region's ops before pairing. */
static int emit_region(region *r, const group *g, size_t n, const rl_op *v, size_t nv,
                       rl_opvec *out)
{
	int rc = RL_OK;
	uint32_t pi = 0, pj = 0;  /* next unit not yet emitted */
	for (size_t k = 0; k <= n && rc == RL_OK; k++) {
		uint32_t gi0 = k < n ? g[k].i0 : r->na, gj0 = k < n ? g[k].j0 : r->nb;
		rc = emit_gap(r, pi, gi0, pj, gj0, v, nv, out);
		if (k == n || rc != RL_OK)
			break;
		rc = rl_ctx_refine(r->c, unit_lo(r, RL_OLD, gi0), r->ua[g[k].i1].hi,
		                   unit_lo(r, RL_NEW, gj0), r->ub[g[k].j1].hi, out);
		pi = g[k].i1 + 1, pj = g[k].j1 + 1;
	}
	return rc;
}

/* Content words matched (equal or move) in a list of ops. */
static uint32_t content_kept(const rl_ctx *c, const rl_op *v, size_t n)
{
	uint32_t w = 0;
	for (size_t k = 0; k < n; k++) {
		if (v[k].kind != RL_OP_EQUAL && v[k].kind != RL_OP_MOVE)
			continue;
		for (uint32_t t = v[k].a0; t < v[k].a1; t++)
			w += counted(c, RL_OLD, t);
	}
	return w;
}

/* Does op lie inside one unit on each side (a swap inside a sentence, not a rewrite that runs a
 * heading into the paragraph after it)? */
static bool in_one_unit(const rl_ctx *c, const rl_op *op)
{
	for (int s = 0; s < 2; s++) {
		uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s);
		if (hi > lo && c->side[s].unit[lo] != c->side[s].unit[hi - 1])
			return false;
	}
	return true;
}

/* Words of OLD in a list of ops that face their counterparts in NEW: kept words, and the words of
 * swaps (replace ops no bigger than a chain of swaps, inside one unit on each side). */
static uint32_t words_facing(const rl_ctx *c, const rl_op *v, size_t n)
{
	uint32_t w = 0;
	for (size_t k = 0; k < n; k++)
		if (v[k].kind == RL_OP_EQUAL || v[k].kind == RL_OP_MOVE ||
		    (v[k].kind == RL_OP_REPLACE && !rl_heavy_op(c, &v[k]) && in_one_unit(c, &v[k])))
			w += rl_op_words(c, &v[k], RL_OLD);
	return w;
}

/* Does the pairing, facing `after` words of OLD with NEW where the word diff faced `before`, undo
 * the word diff's alignment: a sentence rewritten in place, every noun swapped, turned into a
 * deletion and an insertion because a spurious unit boundary on one side ("BUOY_COUNT - 1", a
 * minus read as a list item run into the text) put the pairs out of step? */
static bool loses_facing(uint32_t before, uint32_t after)
{
	return after + FACING_LOSS_WORDS < before && after < FACING_KEEP_SHARE * before;
}

/* Does NEW's side of the region hold a list item: bullets restating sentences, what pairing is
 * for (they face words of the paragraph beside them in the word diff, out of order)? */
static bool has_items(const region *r)
{
	const rl_side *sd = &r->c->side[RL_NEW];
	bool unordered;
	for (uint32_t j = 0; j < r->nb; j++)
		if (rl_list_marker(sd->tok, sd->text, sd->n, r->ub[j].lo, &unordered) > 0)
			return true;
	return false;
}

/* Re-align the region covered by ops[k0, k1) sentence by sentence; append the result (or the
 * original ops, when pairing does not do better) to out. */
static int pair_region(rl_ctx *c, const uint8_t *names, const rl_op *v, size_t n, rl_opvec *out)
{
	region r;
	memset(&r, 0, sizeof r);
	r.c = c;
	r.names = names;
	r.a0 = v[0].a0, r.a1 = v[n - 1].a1, r.b0 = v[0].b0, r.b1 = v[n - 1].b1;
	float *acc = NULL;
	uint32_t *shared = NULL, *touched = NULL, *stamp = NULL, *seen = NULL;
	rl_opvec mine = {0};
	group *groups = NULL;
	size_t ngroups = 0;
	int rc = RL_ENOMEM;

	if (units_of(c, RL_OLD, r.a0, r.a1, &r.ua, &r.na) != RL_OK ||
	    units_of(c, RL_NEW, r.b0, r.b1, &r.ub, &r.nb) != RL_OK)
		goto out;
	r.unit_w[0] = calloc((size_t)r.na + 1, sizeof *r.unit_w[0]);
	r.unit_w[1] = calloc((size_t)r.nb + 1, sizeof *r.unit_w[1]);
	acc = calloc((size_t)r.na + 1, sizeof *acc);
	shared = calloc((size_t)r.na + 1, sizeof *shared);
	touched = malloc(((size_t)r.na + 1) * sizeof *touched);
	if (!r.unit_w[0] || !r.unit_w[1] || !acc || !shared || !touched)
		goto out;
	rc = heads_of(&r);
	if (rc == RL_OK)
		rc = build_index(&r);
	if (rc == RL_OK) {
		stamp = calloc((size_t)r.nloc + 1, sizeof *stamp);
		seen = calloc((size_t)r.nloc + 1, sizeof *seen);
		rc = stamp && seen ? RL_OK : RL_ENOMEM;
	}
	for (uint32_t j = 0; j < r.nb && rc == RL_OK; j++)
		rc = candidates(&r, j, acc, shared, touched, stamp, j + 1);
	if (rc == RL_OK) {
		memset(stamp, 0, ((size_t)r.nloc + 1) * sizeof *stamp);
		drop_name_pairs(&r, stamp, seen);
		memset(stamp, 0, ((size_t)r.nloc + 1) * sizeof *stamp);
		memset(seen, 0, ((size_t)r.nloc + 1) * sizeof *seen);
		rc = force_clipped(&r);
	}
	int32_t end = rc == RL_OK ? best_chain(&r) : -1;
	if (end == -2)
		rc = RL_ENOMEM;
	if (rc == RL_OK) {
		memset(stamp, 0, ((size_t)r.nloc + 1) * sizeof *stamp);
		rc = make_groups(&r, end, stamp, seen, &groups, &ngroups);
	}
	region_index_free(&r);
	free(acc), free(shared), free(touched), free(stamp), free(seen);
	acc = NULL, shared = touched = stamp = seen = NULL;
	if (rc != RL_OK || (rc = emit_region(&r, groups, ngroups, v, n, &mine)) != RL_OK)
		goto out;
	if (content_kept(c, mine.v, mine.n) >= KEEP_CONTENT_SHARE * content_kept(c, v, n) &&
	    (has_items(&r) || !loses_facing(words_facing(c, v, n), words_facing(c, mine.v, mine.n))))
		rc = rl_opvec_append(out, mine.v, mine.n);
	else
		rc = rl_opvec_append(out, v, n);
out:
	region_free(&r);
	free(groups);
	free(acc);
	free(shared);
	free(touched);
	free(stamp);
	free(seen);
	rl_opvec_free(&mine);
	return rc;
}

/* Per id: NAME_SEEN when the word is a name, capitalized where it is not its sentence's first
 * word, in a unit that is no heading (a title capitalizes every word), and never in lower case
 * (with -i an id holds both cases), on either side; NAME_LOWER when seen in lower case. Ids are
 * words, not pairing's stems: "Light" of "Point Light" is a name, "lighthouse" with the same
 * stem is not. Into names[0, c->nids). */
static void names_find(const rl_ctx *c, uint8_t *names)
{
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c->side[s];
		for (uint32_t u = 0; u < sd->nunits; u++) {
			if (rl_unit_heading(c, s, u))
				continue;
			bool first = true;
			for (uint32_t t = sd->ustart[u]; t < sd->ustart[u + 1]; t++) {
				const rl_token *tk = &sd->tok[t];
				uint32_t id = sd->ids[t];
				if (tk->cls != RL_TOK_WORD || id == RL_ID_NONE)
					continue;
				if (rl_is_lower_word(tk, sd->text))
					names[id] = NAME_LOWER;
				else if (!first && (tk->flags & RL_TF_UPPER) && names[id] != NAME_LOWER)
					names[id] = NAME_SEEN;
				first = false;
			}
		}
	}
}

/* Units that side s of [lo, hi) touches. */
static uint32_t units_in(const rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	return hi > lo ? c->side[s].unit[hi - 1] - c->side[s].unit[lo] + 1 : 0;
}

/* Does the region ops[0, n) deserve pairing: enough changed words on both sides, and more units
 * than a sentence and its neighbours (a small region is a rewritten sentence or two, which the
 * word diff already reads well; pairing is for summaries and restructured passages)? */
static bool heavy(const rl_ctx *c, const rl_op *v, size_t n)
{
	uint32_t ch[2] = {0, 0};
	for (size_t k = 0; k < n; k++)
		if (v[k].kind != RL_OP_EQUAL)
			for (int s = 0; s < 2; s++)
				ch[s] += rl_op_words(c, &v[k], s);
	if (ch[0] < REGION_MIN_WORDS || ch[1] < REGION_MIN_WORDS)
		return false;
	return units_in(c, RL_OLD, v[0].a0, v[n - 1].a1) >= REGION_MIN_UNITS ||
	       units_in(c, RL_NEW, v[0].b0, v[n - 1].b1) >= REGION_MIN_UNITS;
}

/* An op that bounds regions: a move, or an equal op between units mostly kept on both sides. */
static bool anchor_op(const rl_ctx *c, const kept *kp, const rl_op *op)
{
	if (op->move)
		return true;
	if (op->kind != RL_OP_EQUAL)
		return false;
	return !(op->a1 > op->a0 && rewritten(c, kp, RL_OLD, op->a0)) &&
	       !(op->b1 > op->b0 && rewritten(c, kp, RL_NEW, op->b0));
}

int rl_pair_sentences(rl_ctx *c, rl_opvec *ops)
{
	kept kp = {{NULL, NULL}};
	rl_opvec split = {0}, out = {0};
	uint8_t *names = NULL;
	int rc = RL_ENOMEM;

	if (c->side[0].n == 0 || c->side[1].n == 0)
		return RL_OK;
	split = rl_ctx_scratch(c, ops->n);
	if (kept_init(c, ops, &kp) != RL_OK || rl_split_equals(c, ops, &split) != RL_OK)
		goto out;
	/* The ops are not read again: their memory takes the result (two lists at once, not
	 * three; on a densely rewritten text a list is a tenth of the peak). */
	out = *ops;
	out.n = 0;
	*ops = (rl_opvec){0};
	rc = RL_OK;
	for (size_t k = 0; k < split.n && rc == RL_OK;) {
		const rl_op *op = &split.v[k];
		if (anchor_op(c, &kp, op)) {
			rc = rl_opvec_push(&out, op);
			k++;
			continue;
		}
		size_t e = k + 1;
		while (e < split.n && !anchor_op(c, &kp, &split.v[e]) &&
		       split.v[e].a0 == split.v[e - 1].a1 && split.v[e].b0 == split.v[e - 1].b1)
			e++;
		if (heavy(c, split.v + k, e - k)) {
			/* The names of both texts, found when a first region is paired: a pass over
			 * every token that most comparisons (a few edits, no region rewritten) need not
			 * make. */
			if (!names && (names = calloc(c->nids + 1, 1)) != NULL)
				names_find(c, names);
			rc = names ? pair_region(c, names, split.v + k, e - k, &out) : RL_ENOMEM;
		} else
			rc = rl_opvec_append(&out, split.v + k, e - k);
		k = e;
	}
	if (rc == RL_OK) {
		rl_opvec_swap(ops, &out);
		rc = rl_normalize(ops);
	}
out:
	free(names);
	free(kp.words[0]);
	free(kp.words[1]);
	rl_ctx_recycle(c, &split);
	rl_ctx_recycle(c, &out);
	return rc;
}
