/* provenance_link.c: one NEW unit's sources (provenance_search.h): its stems marked, candidates
 * gathered through the postings of its rarer stems, the best TOP scored exactly (a phrase restated
 * in order counts twice, words kept beside a unit count for it), the best source taken when it
 * covers enough of the unit's weight and beats what the unit stands beside, and more sources
 * after it when they add enough. */
#include "provenance_search.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"
#include "structure.h"

/* Candidates scored exactly per unit. */
#define TOP 12
/* Link when the best source covers this share of the unit's weight (percent) with three stems or
 * more... */
#define LINK_SHARE 20
/* ...or this share when it is made of two stems only. */
#define PAIR_SHARE 22
/* ...and each of the two is found in this many OLD units at most (see commonest_df()). */
#define PAIR_DF 4
/* ...and beats what the unit stands beside by this factor (percent). */
#define BEAT 110
/* A second or third source must add this share of the unit's weight. */
#define MORE_SHARE 20
/* A run of this many words shared in order is a phrase restated (see phrase()). */
#define PHRASE_WORDS 4
/* Word pairs compared for phrases per candidate, and OLD words held, at most. */
#define PHRASE_WORK 65536
#define PHRASE_CELLS 4096
/* How sure a unit's link is (link_units): a source sharing this many stems or more through words
 * not kept in place, or a phrase restated in order (phrase()), is a restatement on its own;
 * fewer stems scattered are weak evidence (drop_unsupported()). */
#define SURE_STEMS 4
/* Words kept in place beside an OLD unit count twice for it when they hold this many stems, not
 * the story's names (kept_beside()); one word kept is chance, as "the" is. */
#define KEPT_STEMS 2

/* The weight of the marked stems (those of the current NEW unit, mark == stamp) that OLD unit v
 * holds and that `skip` (a bitmap of NEW-unit stems already covered, by their mark order) does
 * not; counts them in *nshared. Marks each counted stem in seen with `pass`. */
static double exact_long(search *x, uint32_t v, uint32_t pass, uint32_t *nshared);

static double exact(search *x, uint32_t v, uint32_t pass, uint32_t *nshared)
{
	const rl_side *sd = &x->c->side[RL_OLD];
	if (is_long(x, v))
		return exact_long(x, v, pass, nshared);
	double sum = 0;
	*nshared = 0;
	for (uint32_t t = sd->ustart[v]; t < sd->ustart[v + 1]; t++) {
		uint32_t m = rl_stem_at(&x->st, RL_OLD, t);
		if (m == NONE || x->mark[m] != x->stamp || x->seen[m] == pass)
			continue;
		x->seen[m] = pass;
		sum += x->w[m];
		(*nshared)++;
	}
	return sum;
}

/* The first token of OLD unit v with stem m (one that has its postings), or NONE: the
 * postings hold each unit's first token of the stem, in order. */
static uint32_t first_in(const search *x, uint32_t m, uint32_t v)
{
	const rl_side *sd = &x->c->side[RL_OLD];
	uint32_t lo = x->post0[m], hi = x->post0[m + 1];
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (x->post[mid] < sd->ustart[v])
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < x->post0[m + 1] && x->post[lo] < sd->ustart[v + 1] ? x->post[lo] : NONE;
}

static int cmp_first(const void *p, const void *q)
{
	uint32_t a = *(const uint32_t *)p, b = *(const uint32_t *)q;
	return (a > b) - (a < b);
}

/* exact() on a long unit, from the NEW unit's side: its marked stems found in v by their OLD
 * tokens, summed in the order of their first token in v, as exact() reads them. */
static double exact_long(search *x, uint32_t v, uint32_t pass, uint32_t *nshared)
{
	uint32_t n = 0;
	for (uint32_t t = x->ut0; t < x->ut1; t++) {
		uint32_t m = rl_stem_at(&x->st, RL_NEW, t), f;
		if (m == NONE || x->mark[m] != x->stamp || x->seen[m] == pass)
			continue;
		x->seen[m] = pass;
		if ((f = first_in(x, m, v)) != NONE)
			x->firsts[n][0] = f, x->firsts[n][1] = m, n++;
	}
	qsort(x->firsts, n, sizeof *x->firsts, cmp_first);
	double sum = 0;
	for (uint32_t i = 0; i < n; i++)
		sum += x->w[x->firsts[i][1]];
	*nshared = n;
	return sum;
}

/* How alike a NEW unit of weight total and OLD unit v are, sharing weight s: the shared weight
 * over a mean of the two weights leaning to the unit's own (a cosine would lean neither way), so
 * that a long OLD sentence does not win by its length alone, nor a short one by its shortness. */
#define OLD_LEAN 0.4
static double cosine(search *x, double s, double total, uint32_t v)
{
	/* The powers of the last unit's weight and of each OLD unit's, worked out once (pvw: 0 when
	 * not yet, or when it is 0). */
	if (total != x->total)
		x->total = total, x->ptotal = pow(total, 1 - OLD_LEAN);
	if (x->pvw[v] == 0)  /* (again for a unit without stems, whose weight is 0) */
		x->pvw[v] = pow(rl_pv_unit_weight(x, v), OLD_LEAN);
	double d = x->ptotal * x->pvw[v];
	return d > 0 ? s / d : 0;
}

/* Mark the stems counted for v as covered: their mark moves off the stamp. */
static void cover(search *x, uint32_t v)
{
	const rl_side *sd = &x->c->side[RL_OLD];
	if (is_long(x, v)) {  /* the same stems, found from the NEW unit's side */
		for (uint32_t t = x->ut0; t < x->ut1; t++) {
			uint32_t m = rl_stem_at(&x->st, RL_NEW, t);
			if (m != NONE && x->mark[m] == x->stamp && first_in(x, m, v) != NONE)
				x->mark[m] = 0;
		}
		return;
	}
	for (uint32_t t = sd->ustart[v]; t < sd->ustart[v + 1]; t++) {
		uint32_t m = rl_stem_at(&x->st, RL_OLD, t);
		if (m != NONE && x->mark[m] == x->stamp)
			x->mark[m] = 0;
	}
}

/* phrase()'s scratch, and its keys: stems_init wrote every word's (stem_at reads the stems
 * still). */
int rl_pv_phrase_init(search *x)
{
	rl_ctx *c = x->c;
	/* Sized for OLD's longest unit phrase() reads (a short text has no use for 150 KB). */
	const rl_side *sa = &c->side[RL_OLD];
	uint32_t longest = 0;
	for (uint32_t u = 0; u < sa->nunits; u++)
		if (sa->ustart[u + 1] - sa->ustart[u] > longest)
			longest = sa->ustart[u + 1] - sa->ustart[u];
	x->rcells = (longest < PHRASE_CELLS ? longest : PHRASE_CELLS) + 1;
	for (x->rbits = 4; (1u << x->rbits) < 2 * x->rcells; x->rbits++)
		;
	x->run = malloc((5 * (size_t)x->rcells + 2 * ((size_t)1 << x->rbits)) * sizeof *x->run);
	if (!x->run)
		return RL_ENOMEM;
	memset(x->run + 2 * x->rcells, 0, x->rcells * sizeof *x->run);  /* row */
	memset(x->run + 5 * x->rcells + (1u << x->rbits), 0xff, (1u << x->rbits) * sizeof *x->run);
	x->key = x->st.of[RL_OLD];
	return RL_OK;
}

/* A phrase restated in order ("a row of red and white cottages" in "a long row of red and white
 * cottages") says more than the same words scattered: the weight of the content stems in
 * the longest run of PHRASE_WORDS words or more that NEW tokens [t0, t1) and OLD unit v share, in
 * order, punctuation skipped (the first such run, NEW word by NEW word, then OLD word by OLD
 * word, on a tie). 0 when the two are too long to compare word by word.
 *
 * Only the cells where the two words are the same are worked out (a table of OLD's words by key,
 * each key's words in a chain): a run ending at OLD word i and NEW word t is one longer than the
 * one ending at the words before each, when that cell was written for the NEW word before
 * (row[] holds the row each cell was written for); every other cell is 0. The table of all the
 * cells cost a third of this stage's instructions on wrapped text. */
static uint32_t run_slot(const uint32_t *skey, const uint32_t *head, uint32_t bits, uint32_t k)
{
	uint32_t mask = (1u << bits) - 1, h = (k * 2654435761u) >> (32 - bits);
	while (head[h] != NONE && skey[h] != k)
		h = (h + 1) & mask;
	return h;
}

static double phrase(search *x, uint32_t t0, uint32_t t1, uint32_t v)
{
	const rl_side *sa = &x->c->side[RL_OLD];
	uint32_t v0 = sa->ustart[v], v1 = sa->ustart[v + 1];
	if ((uint64_t)(t1 - t0) * (v1 - v0) > PHRASE_WORK || v1 - v0 > PHRASE_CELLS)
		return 0;
	/* NEW's keys: [t0, t1) is one unit, a wanted one (rl_pv_link_unit), or none has a key. */
	const uint32_t *ka = x->key, *kb = rl_stem_keys(&x->st, RL_NEW, t0);
	if (!kb)
		return 0;
	uint32_t nc = x->rcells, bits = x->rbits;
	uint32_t *pos = x->run, *val = pos + nc, *row = val + nc, *next = row + nc, *used = next + nc;
	uint32_t *skey = used + nc, *head = skey + (1u << bits);
	/* OLD's words in order (pos), chained by key from the last; the slots filled (used). */
	uint32_t n = 0, nused = 0;
	for (uint32_t j = v0; j < v1; j++) {
		if (ka[j] == NONE)
			continue;
		uint32_t h = run_slot(skey, head, bits, ka[j]);
		if (head[h] == NONE)
			used[nused++] = h;
		skey[h] = ka[j];
		next[n] = head[h];
		head[h] = n;
		pos[n++] = j;
	}
	if (x->row > UINT32_MAX - (t1 - t0) - 2) {  /* the stamps would wrap: start again */
		memset(row, 0, nc * sizeof *row);
		x->row = 0;
	}
	x->row++;  /* no cell holds the row before this call's first */
	uint32_t best = 0, end = 0;
	for (uint32_t t = t0; t < t1; t++) {
		if (kb[t - t0] == NONE)
			continue;
		uint32_t r = ++x->row, h = run_slot(skey, head, bits, kb[t - t0]), most = 0, at = 0;
		/* Last OLD word first: the cell before each is still the row before's. */
		for (uint32_t i = head[h]; i != NONE; i = next[i]) {
			uint32_t len = (i > 0 && row[i - 1] == r - 1 ? val[i - 1] : 0) + 1;
			val[i] = len, row[i] = r;
			if (len >= most)
				most = len, at = i;
		}
		if (most > best)
			best = most, end = pos[at];
	}
	for (uint32_t i = 0; i < nused; i++)
		head[used[i]] = NONE;
	if (best < PHRASE_WORDS)
		return 0;
	double sum = 0;
	for (uint32_t j = end + 1, k = 0; j-- > v0 && k < best;) {
		if (ka[j] == NONE)
			continue;
		k++;
		uint32_t m = rl_stem_at(&x->st, RL_OLD, j);
		if (m != NONE)
			sum += x->w[m];
	}
	return sum;
}

/* A NEW unit's candidate sources and their scores, while rl_pv_link_unit looks at it. */
typedef struct cands {
	uint32_t t0, t1;        /* the unit's tokens */
	double total;           /* the weight of its distinct stems */
	uint32_t top[TOP], ntop;  /* the best OLD units by the postings' score */
	uint32_t bv[TOP], nb;     /* the OLD units it stands beside (at most TOP) */
	double ts[TOP], tc[TOP];  /* top[k]: shared weight, cosine (with a phrase, if any) */
	uint32_t tn[TOP];         /* top[k]: stems shared */
	double bs[TOP], bc[TOP];  /* bv[k]: the same */
	double most;              /* the best cosine of them all */
} cands;

/* Mark the stems of tokens [t0, t1) of NEW (a fresh stamp) and total their weight; false when
 * they are fewer than MIN_STEMS. */
static bool mark_stems(search *x, cands *cd)
{
	uint32_t nstems = 0;
	x->stamp++;
	cd->total = 0;
	x->ut0 = cd->t0, x->ut1 = cd->t1;
	for (uint32_t t = cd->t0; t < cd->t1; t++) {
		uint32_t m = rl_stem_at(&x->st, RL_NEW, t);
		if (m != NONE && x->mark[m] != x->stamp) {
			x->mark[m] = x->stamp;
			cd->total += x->w[m];
			nstems++;
		}
	}
	return nstems >= MIN_STEMS;
}

/* Through the postings of each marked stem (once each: a second stamp), the weight every OLD unit
 * shares with the unit, in x->acc (x->touched lists them). Returns the work done. */
static uint64_t gather(search *x, const cands *cd)
{
	const rl_side *sd = &x->c->side[RL_OLD];
	uint64_t work = cd->t1 - cd->t0;
	x->ntouched = 0;
	x->stamp++;
	for (uint32_t t = cd->t0; t < cd->t1; t++) {
		uint32_t m = rl_stem_at(&x->st, RL_NEW, t);
		if (m == NONE || x->mark[m] != x->stamp - 1)
			continue;
		x->mark[m] = x->stamp;
		for (uint32_t p = x->post0[m]; p < x->post0[m + 1]; p++) {
			uint32_t v = rl_unit_of(sd, x->post[p]);
			if (x->acc[v] == 0)
				x->touched[x->ntouched++] = v;
			x->acc[v] += x->w[m];
		}
		work += x->post0[m + 1] - x->post0[m];
	}
	return work;
}

/* The best TOP of the touched units by that score (a small insertion selection), then the units
 * the unit stands beside; x->acc is reset on the way. */
static void select_candidates(search *x, uint32_t u, cands *cd)
{
	cd->ntop = 0;
	for (uint32_t i = 0; i < x->ntouched; i++) {
		uint32_t v = x->touched[i];
		uint32_t k = cd->ntop < TOP ? cd->ntop++ : TOP;
		if (k == TOP && x->acc[v] <= x->acc[cd->top[TOP - 1]])
			continue;
		if (k == TOP)
			k = TOP - 1;
		while (k > 0 && x->acc[cd->top[k - 1]] < x->acc[v]) {
			cd->top[k] = cd->top[k - 1];
			k--;
		}
		cd->top[k] = v;
	}
	cd->nb = 0;
	if (x->lo[u] <= x->hi[u])
		for (uint32_t v = x->lo[u]; v <= x->hi[u] && cd->nb < TOP; v++)
			cd->bv[cd->nb++] = v;
	for (uint32_t i = 0; i < x->ntouched; i++)
		x->acc[x->touched[i]] = 0;
}

/* The tokens of OLD unit v. */
static uint32_t unit_len(const search *x, uint32_t v)
{
	const rl_side *sa = &x->c->side[RL_OLD];
	return sa->ustart[v + 1] - sa->ustart[v];
}

static bool is_story_name(const search *x, uint32_t t, uint32_t m);

/* The weight of the stems the unit keeps in place that OLD unit v, which it stands beside and
 * exact() has just read (seen == *pass), holds: words the exact diff kept in order beside v
 * restate v in order, as a phrase does (phrase()), and count twice. Without this, stems met by
 * chance elsewhere ("shifting", "powering", "maintain") outweigh a sentence rewritten beside its
 * own source that keeps four of its words (corpus 001 -> 003), and a verse of one Bible
 * translation is linked to another chapter's verse. Each stem counts once; a name the story
 * repeats, kept beside, says who the unit is about, not what it restates, and does not count
 * (as in free_shared); nor does one stem kept alone (KEPT_STEMS). Without memory for the names, nothing counts and x->oom says so. */
static double kept_beside(search *x, const cands *cd, uint32_t *pass)
{
	double sum = 0;
	uint32_t read = *pass, once = ++*pass, n = 0;
	if (!rl_pv_names_table(x))
		return 0;
	for (uint32_t t = cd->t0; t < cd->t1; t++) {
		uint32_t m = rl_stem_at(&x->st, RL_NEW, t);
		if (m == NONE || !(x->held[t / 8] >> (t % 8) & 1) || x->seen[m] != read ||
		    is_story_name(x, t, m))
			continue;
		x->seen[m] = once;
		sum += x->w[m];
		n++;
	}
	return n >= KEPT_STEMS ? sum : 0;
}

/* Exact scores of every candidate over the stems still marked, then, for those within half of
 * the best (a phrase adds at most the shared weight again), a phrase compared word by word.
 * False when the budget is spent. */
static bool score(search *x, cands *cd, uint32_t *pass)
{
	cd->most = 0;
	for (uint32_t k = 0; k < cd->ntop; k++) {
		cd->ts[k] = exact(x, cd->top[k], ++*pass, &cd->tn[k]);
		cd->tc[k] = cosine(x, cd->ts[k], cd->total, cd->top[k]);
		cd->most = cd->tc[k] > cd->most ? cd->tc[k] : cd->most;
	}
	for (uint32_t k = 0; k < cd->nb; k++) {
		uint32_t n;
		cd->bs[k] = exact(x, cd->bv[k], ++*pass, &n);
		cd->bs[k] += kept_beside(x, cd, pass);
		cd->bc[k] = cosine(x, cd->bs[k], cd->total, cd->bv[k]);
		cd->most = cd->bc[k] > cd->most ? cd->bc[k] : cd->most;
	}
	uint64_t pwork = 0;
	for (uint32_t k = 0; k < cd->ntop + cd->nb; k++) {
		bool top = k < cd->ntop;
		uint32_t v = top ? cd->top[k] : cd->bv[k - cd->ntop];
		double *cs = top ? &cd->tc[k] : &cd->bc[k - cd->ntop];
		double sh = top ? cd->ts[k] : cd->bs[k - cd->ntop];
		if (2 * *cs < cd->most)
			continue;
		pwork += (uint64_t)(cd->t1 - cd->t0) * unit_len(x, v);
		*cs = cosine(x, sh + phrase(x, cd->t0, cd->t1, v), cd->total, v);
	}
	return bill(x->c, pwork);
}

/* The most OLD units holding one of the stems that OLD unit v shares with the unit looked at
 * (marked with the stamp). Two words in common make a link only when both are rare in OLD
 * (PAIR_DF: "last summer" of a podcast, "Anthropic and DeepMind", "Zuckerberg" and "sign off"):
 * a word found all over OLD ("AI" with "shift" in a heading, "male" with "female" in a table)
 * makes a pair that meets by chance. */
static uint32_t commonest_df(const search *x, uint32_t v)
{
	const rl_side *sd = &x->c->side[RL_OLD];
	uint32_t most = 0;
	for (uint32_t t = sd->ustart[v]; t < sd->ustart[v + 1]; t++) {
		uint32_t m = rl_stem_at(&x->st, RL_OLD, t);
		if (m != NONE && x->mark[m] == x->stamp && x->df[m] > most)
			most = x->df[m];
	}
	return most;
}

/* May OLD unit v, which stands (x->stands), be a source of NEW unit u? Not of a unit rewritten
 * in place of other OLD text; not of a sentence when v is a heading: a section's name kept in
 * place is what the sentences under it are about, not what one of them restates (a club's added
 * rule "The Club collects the registration fee with the subscription." under "4. Subscriptions
 * and fees"). A title rewritten does not stand, and an added sentence may restate it. */
static bool standing_source_refused(const search *x, uint32_t u, uint32_t v)
{
	if (!x->stands[v])
		return false;
	return x->lo[u] <= x->hi[u] ||
	       (rl_unit_heading(x->c, RL_OLD, v) && !rl_unit_heading(x->c, RL_NEW, u));
}

/* The best candidate away from the unit: the top one by cosine (the first in OLD on a tie); NONE
 * when it shares too little, or does not beat what the unit stands beside by BEAT %. *best: its
 * shared weight. */
static uint32_t best_source(const search *x, uint32_t u, const cands *cd, double *best)
{
	double bestcos = 0, beside_best = 0;
	uint32_t bestv = NONE, nbest = 0;
	*best = 0;
	for (uint32_t k = 0; k < cd->ntop; k++)
		if (cd->tc[k] > bestcos || (cd->tc[k] == bestcos && bestv != NONE && cd->top[k] < bestv))
			*best = cd->ts[k], bestcos = cd->tc[k], bestv = cd->top[k], nbest = cd->tn[k];
	for (uint32_t k = 0; k < cd->nb; k++)
		if (cd->bc[k] > beside_best)
			beside_best = cd->bc[k];
	if (bestv == NONE || nbest < 2 || *best * 100 < LINK_SHARE * cd->total ||
	    (nbest < 3 &&
	     (*best * 100 < PAIR_SHARE * cd->total || commonest_df(x, bestv) > PAIR_DF)) ||
	    (bestv >= x->lo[u] && bestv <= x->hi[u]) || bestcos * 100 < BEAT * beside_best ||
	    standing_source_refused(x, u, bestv))
		return NONE;
	return bestv;
}

/* More sources after the first, each the candidate adding most of what the ones before did not
 * cover, while it adds MORE_SHARE % of the unit's weight. Returns `found` (the weight found so
 * far) with what they add. */
static double more_sources(search *x, uint32_t u, const cands *cd, uint32_t *pass, rl_link *ln,
                           double found)
{
	const rl_side *sa = &x->c->side[RL_OLD];
	while (ln->n < RL_LINK_MAX) {
		double more = 0;
		uint32_t mv = NONE, nm = 0;
		for (uint32_t k = 0; k < cd->ntop; k++) {
			bool taken = false;
			for (uint8_t i = 0; i < ln->n; i++)
				taken |= sa->ustart[cd->top[k]] == ln->a0[i];
			if (taken || standing_source_refused(x, u, cd->top[k]))
				continue;
			uint32_t n;
			double s = exact(x, cd->top[k], ++*pass, &n);
			if (s > more)
				more = s, mv = cd->top[k], nm = n;
		}
		if (mv == NONE || nm < 2 || more * 100 < MORE_SHARE * cd->total)
			break;
		ln->a0[ln->n] = sa->ustart[mv], ln->a1[ln->n] = sa->ustart[mv + 1];
		ln->n++;
		found += more;
		cover(x, mv);
	}
	return found;
}

/* Is NEW token t (stem m) a name more than one OLD unit holds (x->names: the story's company,
 * its product), or a compound's tail ("open-source" is one word)? Such a word says what a unit
 * is about, not which sentence it restates. x->names must be there (rl_pv_names_table). */
static bool is_story_name(const search *x, uint32_t t, uint32_t m)
{
	const rl_side *sb = &x->c->side[RL_NEW];
	return (sb->tok[t].flags & RL_TF_GLUED) ||
	       (x->df[m] > 1 && sb->ids[t] != RL_ID_NONE && x->names[sb->ids[t]] == RL_NAME_SEEN);
}

/* The stems OLD unit v shares with the unit looked at (marked) through its words that are not
 * kept in place: a heading that keeps "Northfield Energy" and rewrites the rest is no restatement
 * of "About Northfield Energy" further down, however rare the two words are. With names_out,
 * the names that more than one OLD unit holds (x->names: the story's company, its product) and a
 * compound's tails ("open-source" is one word) are left out; a name found in one sentence
 * still points at it. */
static uint32_t free_shared(search *x, const cands *cd, uint32_t v, uint32_t *pass, bool names_out)
{
	uint32_t n, got = 0;
	exact(x, v, ++*pass, &n);  /* seen == *pass: the stems v shares */
	uint32_t shared = *pass, counted = ++*pass;
	for (uint32_t t = cd->t0; t < cd->t1; t++) {
		uint32_t m = rl_stem_at(&x->st, RL_NEW, t);
		if (m == NONE || (x->held[t / 8] >> (t % 8) & 1) || x->seen[m] != shared)
			continue;
		if (names_out && is_story_name(x, t, m))
			continue;
		x->seen[m] = counted;
		got++;
	}
	return got;
}

/* The table of names (x->names), found the first time it is asked for; false, with x->oom,
 * when there is no memory for it. */
bool rl_pv_names_table(search *x)
{
	rl_ctx *c = x->c;
	if (x->names)
		return true;
	if (c->names) {  /* pairing found it already */
		x->names = c->names;
		return true;
	}
	/* Read only of NEW's words that have a stem (is_story_name, chance_counts), all in the
	 * units that want sources (the others have no stems): the table of those words alone. */
	const rl_side *sb = &c->side[RL_NEW];
	uint8_t *asked = calloc(c->nids + 1, 1);
	x->own_names = calloc(c->nids + 1, 1);
	if (!asked || !x->own_names) {  /* (asked again after a failure: nothing kept) */
		free(asked), free(x->own_names);
		x->own_names = NULL;
		x->oom = true;
		return false;
	}
	for (uint32_t u = 0; u < sb->nunits; u++)
		for (uint32_t t = sb->ustart[u]; x->st.nfrom[u] != NONE && t < sb->ustart[u + 1]; t++)
			if (rl_stem_at(&x->st, RL_NEW, t) != NONE && sb->ids[t] != RL_ID_NONE)
				asked[sb->ids[t]] = 1;
	rl_names_find_some(c, x->own_names, asked);
	free(asked);
	x->names = x->own_names;
	return true;
}

/* Does a link of NEW unit u to OLD unit v that crosses the line between headings and sentences
 * share two words beyond the names its story repeats (as pairing asks, pair.c)? A summary's
 * title, standfirst or section name ("Background on <boat> and the <lab>") shares them with many
 * sentences; only a heading that restates more than them is derived from one. Without memory
 * for the names, no link, and x->oom says so (link_units turns it into RL_ENOMEM). */
static bool beyond_names(search *x, uint32_t u, const cands *cd, uint32_t v, uint32_t *pass)
{
	if (rl_unit_heading(x->c, RL_NEW, u) == rl_unit_heading(x->c, RL_OLD, v))
		return true;
	if (!rl_pv_names_table(x))
		return false;
	return free_shared(x, cd, v, pass, true) >= 2;
}

/* Look for the sources of NEW unit u; fills *ln and returns true when it has some. */
bool rl_pv_link_unit(search *x, uint32_t u, uint32_t *pass, rl_link *ln, bool *sure)
{
	const rl_side *sb = &x->c->side[RL_NEW], *sa = &x->c->side[RL_OLD];
	cands cd = {.t0 = sb->ustart[u], .t1 = sb->ustart[u + 1]};
	if (2 * x->kept[u] >= rl_words(x->c, RL_NEW, cd.t0, cd.t1))
		return false;  /* it keeps most of its words where it stands */
	if (!mark_stems(x, &cd))
		return false;
	uint64_t work = gather(x, &cd);
	select_candidates(x, u, &cd);
	for (uint32_t k = 0; k < cd.ntop; k++)
		work += unit_len(x, cd.top[k]);
	for (uint32_t k = 0; k < cd.nb; k++)
		work += unit_len(x, cd.bv[k]);
	if (!bill(x->c, work) || !score(x, &cd, pass))
		return false;
	double best;
	uint32_t bestv = best_source(x, u, &cd, &best);
	uint32_t nfree = bestv == NONE ? 0 : free_shared(x, &cd, bestv, pass, false);
	if (nfree < 2 || !beyond_names(x, u, &cd, bestv, pass))
		return false;
	*sure = nfree >= SURE_STEMS || phrase(x, cd.t0, cd.t1, bestv) > 0;
	memset(ln, 0, sizeof *ln);
	ln->b0 = cd.t0, ln->b1 = cd.t1;
	ln->a0[0] = sa->ustart[bestv], ln->a1[0] = sa->ustart[bestv + 1];
	ln->n = 1;
	cover(x, bestv);
	double found = more_sources(x, u, &cd, pass, ln, best);
	double share = 100 * found / cd.total;
	ln->share = (uint8_t)(share > 100 ? 100 : share);
	return true;
}
