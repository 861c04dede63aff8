/* provenance_index.c: the sources stage's search built (provenance_search.h): OLD's units indexed
 * by the stems a search looks up, each stem weighed by its rarity, the units longer than
 * LONG_UNIT read from the other side, what each NEW unit stands beside and keeps. */
#include "provenance_search.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"

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
 * over all of OLD: an OLD unit's weight is worked out when a search scores it,
 * rl_pv_unit_weight.) */
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
double rl_pv_unit_weight(search *x, uint32_t v)
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
int rl_pv_beside(search *x, const rl_opvec *ops)
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
			rl_pv_hold(x->held, op->b0, op->b1);
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

/* The units rl_pv_link_unit looks at: those that do not keep most of their words in place
 * (rl_pv_beside() has counted them). On a revision with a few edits they are few, or none. Sets
 * *want (NULL when none is wanted) or returns RL_ENOMEM. */
int rl_pv_wanted_units(search *x, uint8_t **want)
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
int rl_pv_setup(search *x, const uint8_t *want)
{
	const rl_side *sa = &x->c->side[RL_OLD];
	int rc = rl_stems_init(x->c, &x->st, want);
	if (rc == RL_OK)
		rc = index_old(x);
	if (rc == RL_OK)
		rc = rl_pv_phrase_init(x);
	if (rc == RL_OK)
		rc = index_long(x);
	if (rc != RL_OK)
		return rc;
	x->acc = calloc((size_t)sa->nunits + 1, sizeof *x->acc);
	x->touched = malloc(((size_t)sa->nunits + 1) * sizeof *x->touched);
	return x->acc && x->touched ? RL_OK : RL_ENOMEM;
}

void rl_pv_free(search *x)
{
	rl_stems_free(&x->st);
	free(x->df), free(x->post0), free(x->post), free(x->w), free(x->vseen), free(x->pvw);
	free(x->mark);
	free(x->seen), free(x->acc), free(x->touched), free(x->lo), free(x->hi), free(x->kept);
	free(x->held), free(x->stands), free(x->okept);
	free(x->run);
	free(x->firsts);
	free(x->own_names);
}
