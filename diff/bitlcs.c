/* bitlcs.c: Hirschberg's split of a piece by bit-parallel LCS rows (see bitlcs.h). */
#include "bitlcs.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"

static int grow(void **p, size_t *cap, size_t want, size_t elem)
{
	if (want <= *cap)
		return RL_OK;
	size_t c = *cap ? *cap : 64;
	while (c < want)
		c *= 2;
	void *q = realloc(*p, c * elem);
	if (!q)
		return RL_ENOMEM;
	*p = q;
	*cap = c;
	return RL_OK;
}

uint64_t rl_bitlcs_cost(int32_t n, int32_t m)
{
	uint64_t words = ((uint64_t)m + 63) / 64;
	/* Each row: its id's mask looked up, then the words; the masks are built twice. */
	return (uint64_t)n * (words + 1) + 4 * (uint64_t)m;
}

/* The masks of b[0..m): bit j (bit m-1-j when reversed) of the row of id b[j]. The slots are
 * already given. */
static void set_masks(rl_bitlcs *w, const uint32_t *b, int32_t m, size_t words, size_t nsym,
                      bool reversed)
{
	memset(w->pm, 0, nsym * words * sizeof *w->pm);
	for (int32_t j = 0; j < m; j++) {
		int32_t p = reversed ? m - 1 - j : j;
		w->pm[(size_t)(w->slot[b[j]] - 1) * words + (size_t)p / 64] |= UINT64_C(1) << (p % 64);
	}
}

/* The DP row after the rows a[i] for i = i0, i0 + step, ... up to i1 (excluded): a zero bit at
 * column j where the LCS grows by one from column j to j + 1. Columns past m stay 1. */
static void rows(rl_bitlcs *w, const uint32_t *a, int32_t i0, int32_t i1, int32_t step,
                 size_t words)
{
	uint64_t *v = w->v;
	for (size_t k = 0; k < words; k++)
		v[k] = ~UINT64_C(0);
	if (words == 1) {
		uint64_t x = v[0];
		for (int32_t i = i0; i != i1; i += step) {
			uint32_t sl = w->slot[a[i]];
			if (sl == 0)
				continue;
			uint64_t pm = w->pm[sl - 1];
			x = (x + (x & pm)) | (x & ~pm);
		}
		v[0] = x;
		return;
	}
	for (int32_t i = i0; i != i1; i += step) {
		uint32_t sl = w->slot[a[i]];
		if (sl == 0)
			continue;  /* an id absent from b: the row is unchanged */
		const uint64_t *pm = w->pm + (size_t)(sl - 1) * words;
		uint64_t carry = 0;
		for (size_t k = 0; k < words; k++) {
			uint64_t x = v[k], u = x & pm[k];
			uint64_t s = x + u;
			uint64_t c1 = s < x;
			s += carry;
			carry = c1 | (s < carry);
			v[k] = s | (x & ~pm[k]);
		}
	}
}

static int bit_of(const uint64_t *v, int32_t j)
{
	return (int)((v[j / 64] >> (j % 64)) & 1);
}

int rl_bitlcs_split(rl_bitlcs *w, const uint32_t *a, int32_t n, const uint32_t *b, int32_t m,
                    size_t max_words, int32_t *sx, int32_t *sy, int32_t *lcs, uint64_t *work)
{
	const size_t words = ((size_t)m + 63) / 64;
	if (!w->slot) {
		w->slot = calloc(w->nids ? w->nids : 1, sizeof *w->slot);
		if (!w->slot)
			return RL_ENOMEM;
	}
	size_t nsym = 0;
	for (int32_t j = 0; j < m; j++)
		if (w->slot[b[j]] == 0)
			w->slot[b[j]] = (uint32_t)++nsym;
	int rc = RL_EINVAL;
	if (nsym * words > max_words)
		goto out;
	rc = grow((void **)&w->pm, &w->cappm, nsym * words, sizeof *w->pm);
	if (rc == RL_OK)
		rc = grow((void **)&w->v, &w->capv, words, sizeof *w->v);
	if (rc == RL_OK)
		rc = grow((void **)&w->pre, &w->cappre, (size_t)m + 1, sizeof *w->pre);
	if (rc != RL_OK)
		goto out;

	/* The first half of a against each prefix of b. */
	const int32_t mid = n / 2;
	set_masks(w, b, m, words, nsym, false);
	rows(w, a, 0, mid, 1, words);
	w->pre[0] = 0;
	for (int32_t j = 0; j < m; j++)
		w->pre[j + 1] = w->pre[j] + !bit_of(w->v, j);

	/* The second half, read backwards, against each suffix of b read backwards. */
	set_masks(w, b, m, words, nsym, true);
	rows(w, a, n - 1, mid - 1, -1, words);

	/* The column where the two sum to the most; among ties the last (the first half takes as
	 * much of b as it can): of the 500 comparisons of the wikidiff2 pairs, 20 then align
	 * differently from Myers alone, 28 with the first. */
	int32_t best = -1, at = 0, suf = 0;
	for (int32_t j = m;; j--) {
		int32_t sum = w->pre[j] + suf;
		if (sum > best)
			best = sum, at = j;
		if (j == 0)
			break;
		suf += !bit_of(w->v, m - j);
	}
	*sx = mid;
	*sy = at;
	*lcs = best;
	*work += rl_bitlcs_cost(n, m);
out:
	for (int32_t j = 0; j < m; j++)
		w->slot[b[j]] = 0;
	return rc;
}

void rl_bitlcs_free(rl_bitlcs *w)
{
	free(w->slot);
	free(w->pm);
	free(w->v);
	free(w->pre);
	*w = (rl_bitlcs){0};
}
