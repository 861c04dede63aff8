/* provenance.c: provenance links from units of NEW to the OLD sentences they restate elsewhere.
 *
 * Words are compared as stems (lower case, a plural, verb, "-ly" or "-ment" ending cut, a
 * consonant doubled before "-ing" or "-ed" undoubled, at most STEM_BYTES bytes: "tests" and
 * "testing", "committing" and "commitment" meet), content words only, each weighted by its
 * rarity among OLD's units: a stem in few sentences says more than one in many. OLD's units are
 * indexed by their stems; a NEW unit finds its candidates through the postings of its rarer stems
 * (at most DF_CAP units each), and the best few are scored exactly by reading them. A unit is
 * linked when the best OLD unit covers at least LINK_SHARE of its weight with three stems or more
 * (PAIR_SHARE with two, both rare in OLD: PAIR_DF), and that unit is not one the unit already
 * stands beside (shares an op with) nor beaten by one it stands beside. A phrase of PHRASE_WORDS words restated in order
 * counts its stems twice. Units that keep most of their words in place are not looked at. A link
 * on fewer than SURE_STEMS stems and no phrase is weak: it stands only in NEW's body (up to its
 * last unit that restates OLD, drop_unsupported()). The
 * thresholds were set on the corpus summary (scripts/summary_sources.py), checked on the project's
 * own digests (examples/), and keep a spun copy and a retranslation free of links. */
#include "provenance.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"
#include "stems.h"
#include "structure.h"

#define NONE UINT32_MAX
/* Stems in more OLD units than this find no candidates (they still count in the scores). */
#define DF_CAP 64
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
/* Units with fewer content stems are too short to tell. */
#define MIN_STEMS 3
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
enum { EV_NONE, EV_WEAK, EV_SURE };

/* Everything the search holds. */
typedef struct search {
	rl_ctx *c;
	rl_stems st;
	uint32_t *df;      /* per stem: OLD units holding it */
	uint32_t *post0;   /* per stem: first posting; n + 1 entries */
	uint32_t *post;    /* OLD units, stem by stem, each as the first token of the stem in it
	                    * (rl_unit_of it is the unit) */
	double *w;         /* per stem: its weight */
	uint32_t *vseen;   /* per stem: 1 + the OLD unit whose weight counted it (unit_weight) */
	double *pvw;       /* per OLD unit: its weight (unit_weight) to the power OLD_LEAN, or 0
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
	uint32_t ut0, ut1;      /* the NEW unit marked (mark_stems) */
	bool oom;               /* an allocation failed where a bool is returned (beyond_names) */
	uint32_t stamp;
} search;

/* Bill the shared budget; false when it is spent. */
static bool bill(rl_ctx *c, uint64_t work)
{
	if (c->rediff_work < work) {
		c->rediff_work = 0;
		return false;
	}
	c->rediff_work -= work;
	return true;
}

/* OLD units longer than this (tokens) are read from the NEW unit's side when it is much
 * shorter (exact_long): a text without sentence ends is one unit, read whole for every NEW unit
 * (a third of the cumulative song's comparison). */
#define LONG_UNIT 1024

/* Is OLD unit v read from the NEW unit's side? */
static bool is_long(const search *x, uint32_t v)
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

/* exact()'s scratch for long units, when OLD has a unit longer than LONG_UNIT. */
static int index_long(search *x)
{
	const rl_side *sd = &x->c->side[RL_OLD], *sb = &x->c->side[RL_NEW];
	uint32_t longest = 0, newest = 0;
	for (uint32_t u = 0; u < sd->nunits; u++)
		if (sd->ustart[u + 1] - sd->ustart[u] > longest)
			longest = sd->ustart[u + 1] - sd->ustart[u];
	if (longest <= LONG_UNIT)
		return RL_OK;
	for (uint32_t u = 0; u < sb->nunits; u++)
		if (sb->ustart[u + 1] - sb->ustart[u] > newest)
			newest = sb->ustart[u + 1] - sb->ustart[u];
	x->firsts = malloc(((size_t)newest + 1) * sizeof *x->firsts);
	return x->firsts ? RL_OK : RL_ENOMEM;
}

/* Each stem's weight, from the OLD units holding it (x->df): the rarer, the heavier. */
static void stem_weights(search *x)
{
	const rl_side *sd = &x->c->side[RL_OLD];
	uint32_t ns = x->st.n;
	double units = (double)sd->nunits + 1;
	/* The weight depends on df alone: worked out once for each small df (most stems). */
	double wdf[DF_CAP + 1];
	for (uint32_t d = 0; d <= DF_CAP; d++)
		wdf[d] = -1;
	for (uint32_t m = 0; m < ns; m++) {
		uint32_t d = x->df[m];
		if (d <= DF_CAP && wdf[d] >= 0) {
			x->w[m] = wdf[d];
			continue;
		}
		x->w[m] = log(units / (d ? d : 0.5)) + 1;
		if (d <= DF_CAP)
			wdf[d] = x->w[m];
	}
}

/* Mark (x->mark[m] = 1) the stems of NEW's words that a search reads: only theirs are looked up
 * in the postings (gather, first_in). */
static void mark_new_stems(search *x)
{
	/* NEW's entries alone: the words of the units not wanted have no stem. */
	for (size_t k = 0; k < x->st.nnew; k++) {
		uint32_t m = rl_stem_of_key(x->st.of[RL_NEW][k]);
		if (m != NONE)
			x->mark[m] = 1;
	}
}

/* Append t to *v (n of them, room for *cap). */
static int push_token(uint32_t **v, size_t *n, size_t *cap, uint32_t t)
{
	if (*n == *cap) {
		size_t nc = *cap ? 2 * *cap : 256;
		uint32_t *nv = realloc(*v, nc * sizeof *nv);
		if (!nv)
			return RL_ENOMEM;
		*v = nv, *cap = nc;
	}
	(*v)[(*n)++] = t;
	return RL_OK;
}

/* The postings of the stems NEW's searched words have (x->mark), from `first`: the first token
 * of each such stem in each OLD unit, in the order of the text. */
static int post_stems(search *x, const uint32_t *first, size_t nfirst)
{
	uint32_t ns = x->st.n;
	for (uint32_t m = 0; m < ns; m++)
		x->post0[m + 1] = x->post0[m] + (x->mark[m] && x->df[m] <= DF_CAP ? x->df[m] : 0);
	x->post = malloc((x->post0[ns] + 1) * sizeof *x->post);
	if (!x->post)
		return RL_ENOMEM;
	uint32_t *fill = x->seen;  /* reused: the next free posting of each stem */
	memcpy(fill, x->post0, (size_t)ns * sizeof *fill);
	for (size_t i = 0; i < nfirst; i++) {
		uint32_t m = rl_stem_at(&x->st, RL_OLD, first[i]);
		if (x->df[m] <= DF_CAP)
			x->post[fill[m]++] = first[i];
	}
	return RL_OK;
}

/* OLD's stems counted in its units (df), weighed, and posted for the stems a search looks up:
 * one walk over OLD. (The postings of the others, and each unit's weight, were a second walk
 * over all of OLD: an OLD unit's weight is worked out when a search scores it, unit_weight.) */
static int index_old(search *x)
{
	rl_ctx *c = x->c;
	const rl_side *sd = &c->side[RL_OLD];
	uint32_t ns = x->st.n;
	x->df = calloc((size_t)ns + 1, sizeof *x->df);
	x->post0 = calloc((size_t)ns + 2, sizeof *x->post0);
	x->w = malloc(((size_t)ns + 1) * sizeof *x->w);
	x->mark = calloc((size_t)ns + 1, sizeof *x->mark);
	x->seen = calloc((size_t)ns + 1, sizeof *x->seen);
	x->vseen = calloc((size_t)ns + 1, sizeof *x->vseen);
	x->pvw = calloc((size_t)sd->nunits + 1, sizeof *x->pvw);
	if (!x->df || !x->post0 || !x->w || !x->mark || !x->seen || !x->vseen || !x->pvw)
		return RL_ENOMEM;
	mark_new_stems(x);
	/* Distinct stems per unit: counted once (seen holds 1 + the unit). */
	size_t total = 0, nfirst = 0, cap = 0;
	uint32_t *first = NULL;
	int rc = RL_OK;
	for (uint32_t u = 0; u < sd->nunits && rc == RL_OK; u++)
		for (uint32_t t = sd->ustart[u]; t < sd->ustart[u + 1] && rc == RL_OK; t++) {
			uint32_t m = rl_stem_at(&x->st, RL_OLD, t);
			if (m == NONE || x->seen[m] == u + 1)
				continue;
			x->seen[m] = u + 1;
			x->df[m]++;
			total++;
			if (x->mark[m])
				rc = push_token(&first, &nfirst, &cap, t);
		}
	if (rc == RL_OK)
		rc = post_stems(x, first, nfirst);
	free(first);
	if (rc != RL_OK)
		return rc;
	stem_weights(x);
	memset(x->seen, 0, ((size_t)ns + 1) * sizeof *x->seen);
	memset(x->mark, 0, ((size_t)ns + 1) * sizeof *x->mark);
	return bill(c, total) ? RL_OK : RL_ECANCELED;
}

/* The weight of OLD unit v's distinct stems (summed in the order of the text). */
static double unit_weight(search *x, uint32_t v)
{
	const rl_side *sd = &x->c->side[RL_OLD];
	double sum = 0;
	for (uint32_t t = sd->ustart[v]; t < sd->ustart[v + 1]; t++) {
		uint32_t m = rl_stem_at(&x->st, RL_OLD, t);
		if (m != NONE && x->vseen[m] != v + 1) {
			x->vseen[m] = v + 1;
			sum += x->w[m];
		}
	}
	return sum;
}

/* What each NEW unit stands beside, and what it keeps, from the ops. */
static int beside(search *x, const rl_opvec *ops)
{
	rl_ctx *c = x->c;
	const rl_side *sa = &c->side[RL_OLD], *sb = &c->side[RL_NEW];
	uint32_t nu = sb->nunits;
	x->lo = malloc(((size_t)nu + 1) * sizeof *x->lo);
	x->hi = malloc(((size_t)nu + 1) * sizeof *x->hi);
	x->kept = calloc((size_t)nu + 1, sizeof *x->kept);
	x->held = calloc((size_t)sb->n / 8 + 1, 1);
	uint32_t *okept = x->okept = calloc((size_t)sa->nunits + 1, sizeof *okept);
	x->stands = calloc((size_t)sa->nunits + 1, 1);
	if (!x->lo || !x->hi || !x->kept || !x->held || !okept || !x->stands)
		return RL_ENOMEM;
	for (uint32_t u = 0; u < nu; u++)
		x->lo[u] = NONE, x->hi[u] = 0;
	for (size_t k = 0; k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		if (op->kind == RL_OP_EQUAL || op->kind == RL_OP_MOVE)
			for (uint32_t t = op->b0; t < op->b1; t++)
				x->held[t / 8] |= (uint8_t)(1u << (t % 8));
		if (op->a1 == op->a0 || op->b1 == op->b0)
			continue;
		uint32_t v0 = rl_unit_of(sa, op->a0), v1 = rl_unit_of(sa, op->a1 - 1);
		for (uint32_t u = rl_unit_of(sb, op->b0), ulast = rl_unit_of(sb, op->b1 - 1); u <= ulast; u++) {
			if (v0 < x->lo[u])
				x->lo[u] = v0;
			if (v1 > x->hi[u])
				x->hi[u] = v1;
		}
	}
	rl_count_kept(c, ops->v, ops->n, RL_NEW, 0, x->kept);
	/* An OLD sentence that keeps nine tenths of its words or more still stands in NEW: a unit
	 * rewritten in place of other OLD text (one that stands beside some) restates nothing that
	 * left when it shares words with it (a licence's rewritten preamble sentence sharing "Public
	 * License, version 2" with a clause kept word for word further down). A sentence added
	 * where nothing stood may still restate it (best_source). Half
	 * was too little: corpus 002 -> 003 lost links of sentences copied whole whose source keeps
	 * half its words in a rewrite. A unit longer than LONG_UNIT is a text without sentence
	 * ends, no sentence: its words may be restated. */
	rl_count_kept(c, ops->v, ops->n, RL_OLD, 0, okept);
	for (uint32_t v = 0; v < sa->nunits; v++)
		x->stands[v] = okept[v] > 0 && sa->ustart[v + 1] - sa->ustart[v] <= LONG_UNIT &&
		               10 * okept[v] >= 9 * rl_words(c, RL_OLD, sa->ustart[v], sa->ustart[v + 1]);
	return RL_OK;
}

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
		x->pvw[v] = pow(unit_weight(x, v), OLD_LEAN);
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
static int phrase_init(search *x)
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
	/* NEW's keys: [t0, t1) is one unit, a wanted one (link_unit), or none has a key. */
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

/* A NEW unit's candidate sources and their scores, while link_unit looks at it. */
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

static bool names_table(search *x);
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
	if (!names_table(x))
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
	    (x->stands[bestv] && x->lo[u] <= x->hi[u]))
		return NONE;
	return bestv;
}

/* More sources after the first, each the candidate adding most of what the ones before did not
 * cover, while it adds MORE_SHARE % of the unit's weight. Returns `found` (the weight found so
 * far) with what they add. */
static double more_sources(search *x, uint32_t u, const cands *cd, uint32_t *pass, rl_link *ln,
                           double found)
{
	bool rewrite = x->lo[u] <= x->hi[u];
	const rl_side *sa = &x->c->side[RL_OLD];
	while (ln->n < RL_LINK_MAX) {
		double more = 0;
		uint32_t mv = NONE, nm = 0;
		for (uint32_t k = 0; k < cd->ntop; k++) {
			bool taken = false;
			for (uint8_t i = 0; i < ln->n; i++)
				taken |= sa->ustart[cd->top[k]] == ln->a0[i];
			if (taken || (rewrite && x->stands[cd->top[k]]))
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
 * is about, not which sentence it restates. x->names must be there (names_table). */
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
static bool names_table(search *x)
{
	if (x->names)
		return true;
	x->names = rl_ctx_names(x->c);  /* pairing may have found it already */
	if (!x->names)
		x->oom = true;
	return x->names != NULL;
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
	if (!names_table(x))
		return false;
	return free_shared(x, cd, v, pass, true) >= 2;
}

/* Look for the sources of NEW unit u; fills *ln and returns true when it has some. */
static bool link_unit(search *x, uint32_t u, uint32_t *pass, rl_link *ln, bool *sure)
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

/* The units link_unit looks at: those that do not keep most of their words in place (beside()
 * has counted them). On a revision with a few edits they are few, or none. Sets *want (NULL when
 * none is wanted) or returns RL_ENOMEM. */
static int wanted_units(search *x, uint8_t **want)
{
	const rl_side *sb = &x->c->side[RL_NEW];
	uint8_t *w = calloc((size_t)sb->nunits + 1, 1);
	if (!w)
		return RL_ENOMEM;
	uint32_t n = 0;
	for (uint32_t u = 0; u < sb->nunits; u++) {
		w[u] = 2 * x->kept[u] < rl_words(x->c, RL_NEW, sb->ustart[u], sb->ustart[u + 1]);
		n += w[u];
	}
	if (n == 0) {
		free(w);
		w = NULL;
	}
	*want = w;
	return RL_OK;
}

/* Stems, OLD's index and the word keys of the wanted units; the per-unit accumulators. */
static int search_setup(search *x, const uint8_t *want)
{
	const rl_side *sa = &x->c->side[RL_OLD];
	int rc = rl_stems_init(x->c, &x->st, want);
	if (rc == RL_OK)
		rc = index_old(x);
	if (rc == RL_OK)
		rc = phrase_init(x);
	if (rc == RL_OK)
		rc = index_long(x);
	if (rc != RL_OK)
		return rc;
	x->acc = calloc((size_t)sa->nunits + 1, sizeof *x->acc);
	x->touched = malloc(((size_t)sa->nunits + 1) * sizeof *x->touched);
	return x->acc && x->touched ? RL_OK : RL_ENOMEM;
}

static void search_free(search *x)
{
	rl_stems_free(&x->st);
	free(x->df), free(x->post0), free(x->post), free(x->w), free(x->vseen), free(x->pvw);
	free(x->mark);
	free(x->seen), free(x->acc), free(x->touched), free(x->lo), free(x->hi), free(x->kept);
	free(x->held), free(x->stands), free(x->okept);
	free(x->run);
	free(x->firsts);
}

/* Does NEW unit u restate OLD text, so that the weak links before it are in the body of NEW: is
 * it linked surely, or does it stand beside OLD text, keeping a quarter of its words in place
 * (two at least: "the" kept alone is a coincidence)? A sentence rewritten beside its source
 * keeps about that much ("The fishing fleet returned in May after the spring dredging" beside
 * "… the fishing boats came back in May"). */
static bool vouches(const search *x, const uint8_t *ev, uint32_t u)
{
	const rl_side *sb = &x->c->side[RL_NEW];
	uint32_t words = rl_words(x->c, RL_NEW, sb->ustart[u], sb->ustart[u + 1]);
	return ev[u] == EV_SURE || (x->kept[u] >= 2 && 4 * x->kept[u] >= words);
}

/* Drop the weak links that restate nothing. A couple of words shared with an OLD sentence are a
 * restatement in the body of NEW (a summary's bullet among bullets that restate their sentences
 * or keep them in place, a headline above them) and a coincidence after it: the headlines of
 * other stories, a newsletter box, a copyright line, which name the site, a street or the town
 * as the article does. The body ends with the last unit that vouches (vouches()). (Dropping a
 * weak link to a sentence that still stands in NEW as well lost true ones: a "key points" box
 * restates an article that it keeps whole, and the generated pairs' bullets restate paragraphs
 * kept beside them, 37 links on five pairs.) When the budget ran out (spent), the units not
 * looked at may hold sure links: the body is taken to run to the end. */
static void drop_unsupported(const search *x, const uint8_t *ev, bool spent, rl_link *v,
                             size_t *n)
{
	const rl_side *sb = &x->c->side[RL_NEW];
	uint32_t last = spent ? sb->nunits : NONE;  /* the units not looked at may vouch */
	for (uint32_t u = 0; u < sb->nunits && !spent; u++)
		if (vouches(x, ev, u))
			last = u;
	size_t k = 0;
	for (size_t i = 0; i < *n; i++) {
		uint32_t u = rl_unit_of(sb, v[i].b0);
		if (ev[u] == EV_WEAK && (last == NONE || u > last))
			continue;
		v[k++] = v[i];
	}
	*n = k;
}

/* Is the NEW unit of link a a heading that the unit of link b gives again, word for word? */
static bool repeated_heading(const rl_ctx *c, const rl_link *a, const rl_link *b)
{
	const rl_side *sb = &c->side[RL_NEW];
	uint32_t len = a->b1 - a->b0;
	if (len == 0 || b->b1 - b->b0 != len || !rl_unit_heading(c, RL_NEW, rl_unit_of(sb, a->b0)))
		return false;
	for (uint32_t i = 0; i < len; i++)
		if (sb->ids[a->b0 + i] != sb->ids[b->b0 + i])
			return false;
	return true;
}

/* A heading given twice, the second copy the next unit linked to the same OLD sentence (a web
 * page's title in its header, then again as its article's headline), restates that sentence
 * once: the copy that heads the article, the later one, keeps the link, and the page's title is
 * an insertion of its own, as the other lines of the header are. */
static void drop_repeated_headings(const rl_ctx *c, rl_link *v, size_t *n)
{
	size_t w = 0;
	for (size_t k = 0; k < *n; k++)
		if (!(k + 1 < *n && v[k].a0[0] == v[k + 1].a0[0] && repeated_heading(c, &v[k], &v[k + 1])))
			v[w++] = v[k];
	*n = w;
}

/* Link each unit of NEW in turn while the budget lasts; the links in *v[0..*n). When the budget
 * runs out, the links found so far stand. */
static int link_units(search *x, rl_link **v, size_t *n)
{
	const rl_side *sb = &x->c->side[RL_NEW];
	size_t cap = 0;
	uint32_t pass = 0;
	uint8_t *ev = calloc((size_t)sb->nunits + 1, 1);
	if (!ev)
		return RL_ENOMEM;
	for (uint32_t u = 0; u < sb->nunits && x->c->rediff_work > 0; u++) {
		rl_link ln;
		bool sure = false;
		if (!link_unit(x, u, &pass, &ln, &sure)) {
			if (!x->oom)
				continue;
			free(ev);
			return RL_ENOMEM;
		}
		ev[u] = sure ? EV_SURE : EV_WEAK;
		if (*n == cap) {
			size_t nc = cap ? 2 * cap : 16;
			rl_link *nv = realloc(*v, nc * sizeof *nv);
			if (!nv) {
				free(ev);
				return RL_ENOMEM;
			}
			*v = nv, cap = nc;
		}
		(*v)[(*n)++] = ln;
	}
	drop_unsupported(x, ev, x->c->rediff_work == 0, *v, n);
	drop_repeated_headings(x->c, *v, n);
	free(ev);
	return RL_OK;
}

/* A linked unit that keeps fewer content words than this where it stands (distinct stems, a
 * compound's tail no word of its own) may keep them by chance: see kept_by_chance(). */
#define CHANCE_STEMS 3

/* What a linked unit keeps where it stands (chance_counts). */
typedef struct held_by {
	uint32_t stems;   /* distinct content stems kept; CHANCE_STEMS when it cannot be chance */
	uint32_t lo, hi;  /* the OLD units its kept words stand in, or lo > hi */
	uint32_t swapped; /* its words in one-for-one swaps (SWAP_WORDS a side at most) */
	uint32_t words;   /* its words kept, but for the names the story repeats */
	bool any;         /* a word kept */
} held_by;

/* A replace op of this many words a side at most is a swap (a synonym for a word, "built" for
 * "constructed"), not a passage rewritten. */
#define SWAP_WORDS 2

/* Count op, a replace, in h[i] when it is a swap inside link i's unit. */
static void count_swap(const rl_ctx *c, const rl_op *op, const rl_link *ln, held_by *h)
{
	uint32_t wa = rl_op_words(c, op, RL_OLD), wb = rl_op_words(c, op, RL_NEW);
	if (op->b0 >= ln->b0 && op->b1 <= ln->b1 && wa && wb && wa <= SWAP_WORDS && wb <= SWAP_WORDS)
		h->swapped += wb;
}

/* Fill h[0..n) from the equal and typo ops over each linked unit: one walk over the ops and the
 * links, both in NEW's order. A passage moved into the unit, or a word of a script written
 * without spaces (one character a word: the sentence's characters kept are no few words), is
 * no chance. */
static void chance_counts(search *x, const rl_opvec *ops, const rl_link *v, size_t n, held_by *h)
{
	const rl_side *sa = &x->c->side[RL_OLD];
	const rl_token *tok = x->c->side[RL_NEW].tok;
	const uint32_t *ids = x->c->side[RL_NEW].ids;
	for (size_t j = 0; j < n; j++)
		h[j].lo = NONE, h[j].hi = 0;
	size_t i = 0;
	x->stamp++;
	for (size_t k = 0; k < ops->n && i < n; k++) {
		const rl_op *op = &ops->v[k];
		while (i < n && v[i].b1 <= op->b0)
			i++, x->stamp++;  /* a fresh stamp: each unit counts its own stems */
		if (i == n || op->b1 <= v[i].b0)
			continue;  /* before the next linked unit: most ops of a long text */
		if (!op->move && op->kind == RL_OP_REPLACE)
			count_swap(x->c, op, &v[i], &h[i]);
		if (!op->move && op->kind != RL_OP_EQUAL && op->kind != RL_OP_TYPO)
			continue;
		for (uint32_t t = op->b0; t < op->b1 && i < n; t++) {
			while (i < n && v[i].b1 <= t)
				i++, x->stamp++;
			if (i == n || t < v[i].b0)
				continue;
			if (op->move || (tok[t].flags & RL_TF_SOLO))
				h[i].stems = CHANCE_STEMS;
			h[i].any |= tok[t].cls == RL_TOK_WORD;
			uint32_t m = rl_stem_at(&x->st, RL_NEW, t), ua = rl_unit_of(sa, op->a0);
			h[i].words += tok[t].cls == RL_TOK_WORD && !(tok[t].flags & RL_TF_GLUED) &&
			              !(m != NONE && x->df[m] > 1 && x->names[ids[t]] == RL_NAME_SEEN);
			h[i].lo = ua < h[i].lo ? ua : h[i].lo;
			h[i].hi = ua > h[i].hi ? ua : h[i].hi;
			if (m != NONE && x->mark[m] != x->stamp && h[i].stems < CHANCE_STEMS) {
				x->mark[m] = x->stamp;
				h[i].stems++;
			}
		}
	}
}

/* Which linked units keep words in place by chance, into *apart (n flags, set only on success,
 * NULL when none): those whose kept words (equal and typo ops) hold fewer than CHANCE_STEMS
 * content stems and are less than a quarter of the unit's words (the names the story repeats left
 * out: they say who a line is about, not which sentence it restates, as for a heading's link,
 * beyond_names), beside OLD sentences that keep less than a quarter of theirs in all, the unit's
 * words kept and swapped one for one less than half of them. Their words come mostly from the
 * linked OLD text elsewhere, and the sentence they stand beside shares little more with them than
 * the story's common words ("models", "open source" beside an unrelated sentence of the article,
 * the bullet restating a quotation six paragraphs on): a reader takes a unit drawn beside a
 * sentence, its words kept, for a restatement of that sentence, and then reads a link that says
 * otherwise. A quarter of the unit kept is a restatement beside it (vouches()); a sentence beside
 * that keeps a quarter of its words, with this unit or the units around it, stayed where it was,
 * and the unit stands in its place: a verse retranslated as two sentences ("But Jesus answered, …
 * and healed him." / "And Jesus answered and said, Suffer ye thus far. And he touched …", the
 * first linked to a verse on suffering), an infobox's field given a value; and a sentence spun
 * word for word in its place ("Perl only provides method inheritance as a built-in feature" /
 * "Perls solely gives methodology inheritances as a constructed-in function") keeps few words but
 * swaps most. RL_ENOMEM. */
static int kept_by_chance(search *x, const rl_opvec *ops, const rl_link *v, size_t n,
                          uint8_t **apart)
{
	held_by *h = calloc(n + 1, sizeof *h);
	uint8_t *out = calloc(n + 1, 1);
	if (!h || !out) {
		free(h), free(out);
		return RL_ENOMEM;
	}
	if (!names_table(x)) {
		free(h), free(out);
		return RL_ENOMEM;
	}
	chance_counts(x, ops, v, n, h);
	const rl_side *sa = &x->c->side[RL_OLD], *sb = &x->c->side[RL_NEW];
	bool any = false;
	for (size_t j = 0; j < n; j++) {
		if (!h[j].any || h[j].stems >= CHANCE_STEMS)
			continue;
		uint32_t kept = x->kept[rl_unit_of(sb, v[j].b0)], okept = 0;
		for (uint32_t u = h[j].lo; u <= h[j].hi; u++)
			okept += x->okept[u];
		uint32_t words = rl_words(x->c, RL_NEW, v[j].b0, v[j].b1);
		uint32_t beside = rl_words(x->c, RL_OLD, sa->ustart[h[j].lo], sa->ustart[h[j].hi + 1]);
		out[j] = 4 * h[j].words < words && 4 * okept < beside &&
		         2 * (kept + h[j].swapped) < words;
		any |= out[j];
	}
	free(h);
	if (!any)
		free(out), out = NULL;
	*apart = out;
	return RL_OK;
}

/* Paragraph numbers of the first sources: one walk over OLD's units, the links by source. */
static int number_paras(const rl_ctx *c, rl_link *v, size_t n)
{
	const rl_side *sa = &c->side[RL_OLD];
	uint32_t *para = malloc(((size_t)sa->nunits + 1) * sizeof *para);
	if (!para)
		return RL_ENOMEM;
	/* A text with no blank line is one paragraph a line (src/print/hunks.c). */
	uint8_t starts = RL_UNIT_LINE;
	for (uint32_t u = 1; u < sa->nunits; u++)
		if (sa->uflags[u] & RL_UNIT_PARA) {
			starts = RL_UNIT_PARA;
			break;
		}
	uint32_t p = 0;
	for (uint32_t u = 0; u < sa->nunits; u++) {
		p += u == 0 || (sa->uflags[u] & starts);
		para[u] = p;
	}
	for (size_t k = 0; k < n; k++)
		v[k].para = para[rl_unit_of(sa, v[k].a0[0])];
	free(para);
	return RL_OK;
}

static int find(rl_ctx *c, const rl_opvec *ops, rl_link **out, size_t *nout, uint8_t **apart)
{
	search x;
	memset(&x, 0, sizeof x);
	x.c = c;
	uint8_t *want = NULL;
	rl_link *v = NULL;
	size_t n = 0;
	int rc = beside(&x, ops);
	if (rc == RL_OK)
		rc = wanted_units(&x, &want);
	if (rc == RL_OK && want) {
		rc = search_setup(&x, want);
		if (rc == RL_OK)
			rc = link_units(&x, &v, &n);
		if (rc == RL_OK && n > 0)
			rc = number_paras(c, v, n);
		if (rc == RL_OK && n > 0)
			rc = kept_by_chance(&x, ops, v, n, apart);
		if (rc == RL_ECANCELED)
			rc = RL_OK;  /* the budget ran out while indexing OLD: no links */
	}
	free(want);
	search_free(&x);
	if (rc != RL_OK) {
		free(v);
		return rc;
	}
	*out = v;
	*nout = n;
	return RL_OK;
}

/* The first link that ends after token t of NEW. */
static size_t link_after(const rl_link *v, size_t n, uint32_t t)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].b1 <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Only insert and replace ops are cut at the links. */
static inline bool cuttable(const rl_op *op)
{
	return (op->kind == RL_OP_INSERT || op->kind == RL_OP_REPLACE) && !op->move;
}

/* The pieces op is cut into where a linked unit starts or ends in NEW (1: it is not cut), written
 * to out when out is not NULL. Only insert and replace ops are cut, so that each op over a linked
 * unit covers that unit only and carries its own link; a replace keeps its OLD words in its first
 * piece, the other pieces are insertions. */
static size_t pieces_at_links(rl_op op, const rl_link *v, size_t n, size_t *hint, rl_op *out)
{
	if (!cuttable(&op)) {
		if (out)
			*out = op;
		return 1;
	}
	/* link_after(op.b0): the ops come in NEW's order, so it is most often the last answer or
	 * the one next to it (a search over all the links for each op, twice, cost 25 M instructions
	 * on the 1 MB pair). */
	size_t i = *hint, np = 0;
	bool at = (i == n || v[i].b1 > op.b0) && (i == 0 || v[i - 1].b1 <= op.b0);
	if (!at && i < n && v[i].b1 <= op.b0 && (i + 1 == n || v[i + 1].b1 > op.b0))
		i++;
	else if (!at && i > 0 && v[i - 1].b1 > op.b0 && (i == 1 || v[i - 2].b1 <= op.b0))
		i--;
	else if (!at)
		i = link_after(v, n, op.b0);
	*hint = i;
	bool splits = i < n &&
	              ((v[i].b0 > op.b0 && v[i].b0 < op.b1) || (v[i].b1 > op.b0 && v[i].b1 < op.b1));
	for (; splits && i < n && op.b0 < op.b1; i++) {
		uint32_t cut[2] = {v[i].b0, v[i].b1};
		for (int j = 0; j < 2; j++) {
			if (cut[j] <= op.b0 || cut[j] >= op.b1)
				continue;
			if (out) {
				out[np] = op;
				out[np].b1 = cut[j];
			}
			np++;
			op.a0 = op.a1, op.b0 = cut[j];  /* the rest has no OLD words: an insertion */
			op.kind = RL_OP_INSERT;
		}
	}
	if (out)
		out[np] = op;
	return np + 1;
}

/* Cut the ops at the links, in place: the list grows by the pieces added and is filled from its
 * end (a copy of it, at the end of the comparison, was its peak and thousands of page faults). */
static int split_at_links(rl_opvec *ops, const rl_link *v, size_t n)
{
	size_t extra = 0, hint = 0;
	for (size_t k = 0; k < ops->n; k++)
		if (cuttable(&ops->v[k]))
			extra += pieces_at_links(ops->v[k], v, n, &hint, NULL) - 1;
	if (extra == 0)
		return RL_OK;
	if (ops->n + extra > ops->cap) {
		rl_op *nv = realloc(ops->v, (ops->n + extra) * sizeof *nv);
		if (!nv)
			return RL_ENOMEM;
		ops->v = nv, ops->cap = ops->n + extra;
	}
	/* Op k's pieces go at or after k: the ops after it are already in place past them. */
	size_t end = ops->n + extra;
	for (size_t k = ops->n; k-- > 0;) {
		rl_op op = ops->v[k];
		size_t np = cuttable(&op) ? pieces_at_links(op, v, n, &hint, NULL) : 1;
		end -= np;
		if (np == 1)
			ops->v[end] = op;  /* not cut: itself (its pieces worked out once, not twice) */
		else
			pieces_at_links(op, v, n, &hint, ops->v + end);
	}
	ops->n += extra;
	return RL_OK;
}

int rl_sources_find(rl_ctx *c, rl_opvec *ops, rl_link **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (c->side[RL_OLD].nunits == 0 || c->side[RL_NEW].nunits == 0)
		return RL_OK;
	uint8_t *apart = NULL;
	int rc = find(c, ops, out, n, &apart);
	if (rc == RL_OK && *n)
		rc = split_at_links(ops, *out, *n);
	if (rc == RL_OK && apart)
		rc = rl_sources_apart(c, ops, *out, *n, apart);
	free(apart);
	if (rc != RL_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

bool rl_sources_wanted(const rl_ctx *c, const rl_opvec *ops, int *rc)
{
	const rl_side *sb = &c->side[RL_NEW];
	uint32_t *kept = calloc((size_t)sb->nunits + 1, sizeof *kept);
	bool wanted = false;
	if (!kept) {
		*rc = RL_ENOMEM;
		return false;
	}
	rl_count_kept(c, ops->v, ops->n, RL_NEW, 0, kept);
	for (uint32_t u = 0; u < sb->nunits && !wanted; u++) {
		uint32_t t0 = sb->ustart[u], t1 = sb->ustart[u + 1], weighs = 0;
		if (2 * kept[u] >= rl_words(c, RL_NEW, t0, t1))
			continue;  /* link_unit: it keeps most of its words */
		for (uint32_t t = t0; t < t1 && weighs < MIN_STEMS; t++)
			weighs += rl_stem_weighed(c, RL_NEW, t);
		wanted = weighs >= MIN_STEMS;  /* mark_stems: as many stems at most */
	}
	free(kept);
	return wanted;
}
