/* bitlcs.h: an exact split point of a heavily edited piece, by bit-parallel LCS.
 *
 * Myers' search costs O((N+M)·D): where two passages differ almost everywhere (a section deleted
 * and a few sentences written in its place) D is near N+M and it costs N·M comparisons. The
 * longest common subsequence's dynamic programme can instead be run 64 cells at a time: one
 * machine word holds 64 columns of a row as bits, and a row costs ceil(M/64) word operations
 * with a per-id match mask (L. Allison and T. Dix, "A bit-string longest-common-subsequence
 * algorithm", 1986; H. Hyyrö, "Bit-parallel LCS-length computation revisited", 2004:
 * V' = (V + (V & PM[c])) | (V & ~PM[c])). Hirschberg's split (1975) turns that length into a
 * point of a minimal alignment in linear space: the LCS of the first half of A against every
 * prefix of B, of the second half against every suffix, and the column where the two sum to the
 * whole LCS. rl_myers (myers.c) asks for such a point where its own search grew dearer than this
 * one; the two halves go back to it. */
#ifndef REDLINE_BITLCS_H
#define REDLINE_BITLCS_H

#include <stddef.h>
#include <stdint.h>

/* The scratch of the splits of one rl_myers call: allocated on first use, reused, freed once. */
typedef struct rl_bitlcs {
	uint32_t *slot;   /* per id below nids: 1 + its row of masks while a split runs, else 0 */
	size_t nids;
	uint64_t *pm;     /* the match masks, one row of ceil(M/64) words per distinct id of B */
	size_t cappm;
	uint64_t *v;      /* the DP row as bits */
	size_t capv;
	int32_t *pre;     /* LCS of the first half against each prefix of B */
	size_t cappre;
} rl_bitlcs;

/* Word operations a split of an n × m piece costs, roughly (both passes, masks included): the
 * caller compares it with the work Myers' search has done. */
uint64_t rl_bitlcs_cost(int32_t n, int32_t m);

/* A point (*sx, *sy) on a minimal alignment of a[0..n) against b[0..m), every id below w->nids,
 * with 0 < *sx < n: a[0..*sx) aligned with b[0..*sy) and the rest with the rest; *lcs the
 * length of their longest common subsequence. n >= 2, m >= 1.
 * The masks take (distinct ids of b) × ceil(m/64) words; past max_words nothing is done and
 * RL_EINVAL is returned (the caller searches on its own way). *work is increased by the
 * operations done. Returns RL_OK, RL_ENOMEM or RL_EINVAL. */
int rl_bitlcs_split(rl_bitlcs *w, const uint32_t *a, int32_t n, const uint32_t *b, int32_t m,
                    size_t max_words, int32_t *sx, int32_t *sy, int32_t *lcs, uint64_t *work);

void rl_bitlcs_free(rl_bitlcs *w);

#endif
