/* myers.h: the exact edit script between two sequences of integer ids.
 *
 * E. Myers, "An O(ND) Difference Algorithm and Its Variations" (1986): the linear-space variant,
 * which finds a middle snake of the edit graph and recurses on the two halves. Before the search
 * the problem is shrunk: the common prefix and suffix are trimmed and ids that occur on one side
 * only are set aside (they can never match), with an index back to the real positions. Both steps
 * keep the result minimal. Where a search grows dear (a passage deleted or rewritten: D near
 * N + M, and Myers costs N·M), the point to split at is found instead by bit-parallel LCS rows,
 * 64 cells a word (bitlcs.h): exact too, and the halves go back to the search. It costs a bounded
 * fraction more than the cheaper of the two, counts against the work budget below, and is used
 * in every mode (rl_myers_opts.bitlcs).
 *
 * Three shortcuts make large, heavily edited inputs fast; all are off when opts->minimal is set,
 * and only then is the script guaranteed shortest:
 *   - anchors: ids that occur exactly once on each side and in the same order (patience diff) cut
 *     the problem into independent pieces (a lone one, with no matching neighbour and off the
 *     diagonal of the anchors around it, is a stray and is not used), and each piece of more
 *     than 1,024 tokens again at its own (smaller pieces are searched exactly); a piece with no
 *     such id is cut at ids that occur as often on each side (2 to 16 times), the r-th
 *     occurrence with the r-th where a neighbour matches too: a text whose paragraphs recur;
 *   - a cost bound: when a search passes max_cost edits, it splits at the furthest point reached
 *     instead of finding the true middle snake (counted in stats->bound_hits);
 *   - a work budget for the whole call, linear in the input: past it, every search stops after a
 *     few edits (a near-greedy walk along matching runs) and no piece is cut at its anchors again
 *     (each cut re-counts the piece: nested anchors could cost O(n) a level), so no input makes
 *     rl_myers run longer than O(n + m) beyond the budget. Each such split counts as a bound hit
 *     too. The work done is reported, so that a caller can share one budget among many calls. */
#ifndef REDLINE_MYERS_H
#define REDLINE_MYERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "status.h"

typedef struct rl_myers_opts {
	bool minimal;       /* no shortcut at all: a shortest edit script */
	bool anchors;       /* split at unique common ids first (ignored when minimal) */
	uint32_t max_cost;  /* edits per search before the bound applies; 0 = automatic (the square
	                       root of the input size, at least 256) */
	uint64_t max_work;  /* work budget of the whole call (diagonals visited and matching steps);
	                       0 = automatic (16 per element, at least 2^26) */
	const rl_cancel *cancel;  /* asked now and then whether to stop (RL_ECANCELED); NULL: never.
	                             Borrowed: it must outlive every call made with these options. */
	int8_t bitlcs;      /* the bit-parallel split (bitlcs.h) of a search that grows dear: 0 =
	                       automatic, -1 = never, 1 = at every search of two rows or more
	                       (for tests) */
} rl_myers_opts;

#define RL_MYERS_OPTS_INIT {false, true, 0, 0, NULL, 0}

typedef struct rl_myers_stats {
	size_t anchors;     /* unique common ids used to cut the problem */
	size_t bound_hits;  /* searches that hit the cost bound: the script may not be minimal */
	uint64_t work;      /* work done, in the units of max_work (anchor passes included) */
	size_t bitlcs_splits;  /* points found by the bit-parallel split instead of a search */
} rl_myers_stats;

/* Diff a[0..n) against b[0..m), every id below nids. On success chg_a[i] is 1 when a[i] is deleted
 * and chg_b[j] is 1 when b[j] is inserted, 0 when kept; the kept elements of a and b are equal in
 * order. chg_a and chg_b are caller-provided arrays of n and m bytes. stats may be NULL.
 * Returns RL_OK, RL_ENOMEM or RL_ETOOBIG (n + m beyond 2^30). */
int rl_myers(const uint32_t *a, size_t n, const uint32_t *b, size_t m, size_t nids,
             const rl_myers_opts *opts, uint8_t *chg_a, uint8_t *chg_b, rl_myers_stats *stats);

#endif
