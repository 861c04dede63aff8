/* pair_index.c: a heavy region's units, the inverted index of OLD's content words by stem, each
 * NEW unit's candidates and the heaviest chain of them (sentence pairing's search; pair.c makes
 * groups and ops of the chain). */
#include "pair_region.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"
#include "structure.h"

/* A content word found in more OLD units of a region than this is too common to point anywhere. */
#define POSTING_MAX 48
/* Candidates kept per NEW unit, best first. */
#define CANDIDATES 6
/* Characters of a word that make its stem when pairing sentences. */
#define STEM_CHARS 5
/* Names and numbers weigh more than other content words when pairing. */
#define ANCHOR_WEIGHT 1.5
/* What the search for groups reads and emitting them does not: the index, the weights, the
 * candidates. Freed before the groups are emitted, whose diffs of the gaps and groups peak on
 * their own (on the cumulative song the index was 3 MiB under a diff of a whole region, the
 * comparison's peak). */
void rl_pr_index_free(region *r)
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

void rl_pr_region_free(region *r)
{
	rl_pr_index_free(r);
	free(r->ua);
	free(r->ub);
	free(r->head[0]);
	free(r->head[1]);
}

/* Which units of the region are headings (whole units: a region clipped inside one is no
 * heading's). */
int rl_pr_heads_of(region *r)
{
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &r->c->side[s];
		const urange *ur = s == RL_OLD ? r->ua : r->ub;
		uint32_t nu = s == RL_OLD ? r->na : r->nb;
		r->head[s] = calloc((size_t)nu + 1, 1);
		if (!r->head[s])
			return RL_ENOMEM;
		for (uint32_t x = 0; x < nu; x++) {
			uint32_t u = ur[x].hi > ur[x].lo ? rl_unit_of(sd, ur[x].lo) : 0;
			r->head[s][x] = ur[x].hi > ur[x].lo && ur[x].lo == sd->ustart[u] &&
			                ur[x].hi == sd->ustart[u + 1] && rl_unit_heading(r->c, s, u);
		}
	}
	return RL_OK;
}

int rl_pr_units_of(const rl_ctx *c, int s, uint32_t lo, uint32_t hi, urange **out, uint32_t *n)
{
	const rl_side *sd = &c->side[s];
	uint32_t u0 = hi > lo ? rl_unit_of(sd, lo) : 0, u1 = hi > lo ? rl_unit_of(sd, hi - 1) + 1 : 0;
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
bool rl_pr_counted(const rl_ctx *c, int s, uint32_t t)
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

/* NEW's local numbers, once OLD's are all made. */
static int locals_new(region *r)
{
	const rl_ctx *c = r->c;
	r->loc[RL_NEW] = malloc(((size_t)(r->b1 - r->b0) + 1) * sizeof *r->loc[RL_NEW]);
	if (!r->loc[RL_NEW])
		return RL_ENOMEM;
	for (uint32_t t = r->b0; t < r->b1; t++) {
		uint32_t l = RL_ID_NONE;
		if (rl_pr_counted(c, RL_NEW, t)) {
			size_t j = stem_slot(r, stem(c, RL_NEW, t));
			l = r->stem_key[j] ? r->stem_val[j] : RL_ID_NONE;
		}
		r->loc[RL_NEW][t - r->b0] = l;
	}
	return RL_OK;
}

float rl_pr_id_weight(const rl_ctx *c, uint32_t id, const rl_token *tk)
{
	float w = 1.0f / (1.0f + log2f((float)c->freq[id]));
	return tk->flags & (RL_TF_UPPER | RL_TF_DIGIT) ? w * (float)ANCHOR_WEIGHT : w;
}

/* Number the content words of OLD's units locally and list, for each, the units that hold it. */
int rl_pr_build_index(region *r)
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
			if (!rl_pr_counted(c, RL_OLD, t))
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
				r->weight[r->nloc] = rl_pr_id_weight(c, id, &sa->tok[t]);
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
			uint32_t l = rl_pr_local_of(r, RL_OLD, t);
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
int rl_pr_candidates(region *r, uint32_t j, float *acc, uint32_t *shared, uint32_t *touched,
                      uint32_t *seen_stamp, uint32_t stamp)
{
	rl_ctx *c = r->c;
	const rl_side *sb = &c->side[RL_NEW];
	uint32_t nt = 0;
	float wv = 0;

	for (uint32_t t = r->ub[j].lo; t < r->ub[j].hi; t++) {
		if (!rl_pr_counted(c, RL_NEW, t))
			continue;
		uint32_t l = rl_pr_local_of(r, RL_NEW, t);
		if (l == RL_ID_NONE) {
			wv += rl_pr_id_weight(c, sb->ids[t], &sb->tok[t]);
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
	return (s ? r->nb : r->na) > 0 && sd->ustart[rl_unit_of(sd, lo)] < lo;
}

static bool clipped_end(const region *r, int s)
{
	const rl_side *sd = &r->c->side[s];
	uint32_t hi = s ? r->b1 : r->a1;
	return (s ? r->nb : r->na) > 0 && sd->ustart[rl_unit_of(sd, hi - 1) + 1] > hi;
}

int rl_pr_force_clipped(region *r)
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
int32_t rl_pr_best_chain(region *r)
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
