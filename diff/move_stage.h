/* move_stage.h: the parts of the move stage, rl_moves (move.h), internal to its four files:
 *
 *   move.c         candidates widened and grown into moves, the moves put in place
 *   move_heads.c   a short sentence moved word for word, found once on each side
 *   move_verify.c  whether a candidate is a move: the shares of its words its exact diff matches
 *   move_copies.c  each move tried against the near-identical copies next to its OLD place
 *   move_carve.c   the ops carved around the moves, the leftovers aligned again
 *   move_cross.c   of two passages that changed places, the one keeping fewer words moved
 *   move_lines.c   a short line moved whole, found once on each side
 *
 * Not a public face: only these files include it. */
#ifndef REDLINE_MOVE_STAGE_H
#define REDLINE_MOVE_STAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctx.h"
#include "opvec.h"
#include "shingle.h"

/* The units of each side by the hash of their first ids (move_heads.c's, for a short sentence
 * moved whole): built on first use, per side; freed when the stage ends. */
typedef struct heads {
	uint64_t *v[2];  /* hash << 32 | unit, ascending; NULL until built */
	uint32_t n[2];
} heads;
#define RL_MV_HEADS_INIT {{NULL, NULL}, {0, 0}}

/* The candidates tried (widened, grown, verified: each a few diffs of its ranges) may diff this
 * many tokens for each token of both texts, and RL_MV_TRIES_MIN more; the rest are not tried
 * (largest first: the wide pass's before the narrow pass's). The exact engine bounds each search,
 * not the clean-up of each script, nor how many there are: two unrelated 1 MB texts on one
 * vocabulary share 147,000 pairs of words, whose tries diffed 48 tokens a token (1.3 s). The most
 * any real pair diffed is 2.5 a token on long texts (Luke, KJV against WEB, 149,000 tokens) and
 * 11 on a short one (the corpus's rewrite, 22,000 tokens): a third of this budget or less. */
#define RL_MV_TRIES_PER_TOKEN 8
#define RL_MV_TRIES_MIN (UINT64_C(1) << 18)

/* A candidate is kept when its exact diff matches at least this share of its words on each
 * side. 0.4 is MediaWiki's threshold for a moved line; a paragraph moved and reworded at a swap
 * rate of 0.45 keeps about half its words (at 0.5, fresh generated pairs found 0.67 of moved
 * words, at 0.4 0.70; no move appeared on the real pairs of ../shared/peers/real). */
#define RL_MV_SHARE 0.4

/* Which tokens of each side are taken: orphan tokens not yet part of a move. */
typedef struct taken {
	uint8_t *free_tok[2];  /* 1 where a token is an orphan still free */
	uint8_t *moved[2];     /* 1 where a move took a token */
	heads *heads;          /* move.c's index of units, built when first asked */
	uint64_t tries_end;    /* c->rediffed past which no candidate is tried (move.c) */
} taken;

/* An accepted move: its span and its ops in the moved list. */
typedef struct accepted {
	rl_span sp;
	size_t first, count;
} accepted;

typedef struct accepts {
	accepted *v;
	size_t n, cap;
} accepts;

/* ---------------------------------------------------------------- move.c, for move_copies.c and move_verify.c */

/* Is every token of side s in [lo, hi) free? */
bool rl_mv_all_free(const taken *tk, int s, uint32_t lo, uint32_t hi);
/* Insert the ops of d into moved before index pos. RL_ENOMEM. */
int rl_mv_insert_ops(rl_opvec *moved, size_t pos, const rl_opvec *d);
/* Add an accepted move: its span and its ops moved[first, first + count). RL_ENOMEM. */
int rl_mv_accepted_push(accepts *l, const rl_span *sp, size_t first, size_t count);
/* Did a move take a token of side s in [lo, hi)? */
bool rl_mv_any_moved(const taken *tk, int s, uint32_t lo, uint32_t hi);
/* The first op of a list (no moves yet: the ops advance on both sides) that ends after token t
 * of side s, and the last one that starts before t. */
size_t rl_mv_first_op_after(const rl_opvec *ops, int s, uint32_t t);
size_t rl_mv_last_op_before(const rl_opvec *ops, int s, uint32_t t);
/* Did passage sp leave its place? Not when the exact diff of the stretch of ops (the list before
 * moves) its two halves stand in keeps as many words as the move (eq) plus the equal ops around
 * it. */
int rl_mv_moved_away(rl_ctx *c, const rl_opvec *ops, const rl_span *sp, uint32_t eq, bool *away);
/* The fragments of a moved passage's diff merged with the changes around them into one replace,
 * so that it does not read as one bracket a word. */
void rl_mv_dissolve_fragments(const rl_ctx *c, rl_opvec *v);
/* Does token t's unit (side s) start with a list marker? */
bool rl_mv_list_item(const rl_ctx *c, int s, uint32_t t);
/* Words an exact refinement of a candidate's two places matches (*eq). */
int rl_mv_matched(rl_ctx *c, const rl_span *sp, uint32_t *eq);

/* Is token t of side s an edge of a sentence, its units' or one the units do not take (a stop
 * and a word after it in a text run into one line)? */
bool rl_mv_soft_edge(const rl_ctx *c, int s, uint32_t t);
/* Is a short candidate whole: units, or whole lines of markup on both sides? */
bool rl_mv_whole_lines(const rl_ctx *c, const rl_span *sp);
/* Is token t a closing mark glued to the token before it: ")" or a closing quote? */
bool rl_mv_glued_closer(const rl_side *sd, uint32_t t);

/* ---------------------------------------------------------------- move_heads.c */

/* The heads' memory freed (they may be built again). */
void rl_mv_heads_free(heads *hd);
/* Are the two halves of a candidate the same tokens, one for one, ending a sentence, found once
 * on each side (*same)? */
int rl_mv_same_sentences(const rl_ctx *c, heads *hd, const rl_span *sp, bool *same);
/* Is a candidate shorter than a move still one: whole units on both sides, every word matched
 * (eq of them, content of them content words), the same sentences nowhere else (*whole)? */
int rl_mv_whole_and_same(const rl_ctx *c, heads *hd, const rl_span *sp, uint32_t eq,
                         uint32_t content, bool *whole);

/* ---------------------------------------------------------------- move_carve.c, for move.c */

/* Rebuild the ops outside moves without the moved tokens. A change op that lost tokens to a move
 * keeps what is left, the k-th stretch of OLD facing the k-th stretch of NEW; (*cut)[k] (made
 * here, the caller frees it) marks the ops of out that are such leftovers. */
int rl_mv_carve(const rl_opvec *ops, const taken *tk, rl_opvec *out, uint8_t **cut);
/* The runs of changes of ops (rl_mv_carve's out) that hold a leftover (cut, which it changes),
 * aligned again into out; the others copied as they are. */
int rl_mv_realign_cut(rl_ctx *c, const rl_opvec *ops, uint8_t *cut, const taken *tk,
                      rl_opvec *out);
/* One run of leftovers, OLD [a0, a1) against NEW [b0, b1), diffed anew and cleaned as the whole
 * texts were before moves, into out (move_copies.c too). */
int rl_mv_realign_run(rl_ctx *c, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1, rl_opvec *out);

/* ---------------------------------------------------------------- move_verify.c, for move.c */

/* Diff the two places of candidate sp; *ok when it is a move (its ops, with a new id, appended to
 * moved; sp narrowed to it). min_eq: words it must match at least. relax: the long-run share
 * applies; without it, *later says that it would have. When it fails for its share or its units,
 * *retry says whether the narrower *cut is worth a try (retry NULL: no retry wanted). */
int rl_mv_verify(rl_ctx *c, heads *hd, const rl_opvec *ops, rl_span *sp, uint32_t min_eq,
                 bool relax, rl_opvec *moved, bool *ok, bool *later, rl_span *cut, bool *retry);
/* Words of equal ops in tokens [lo, hi) of side s (ops: no moves yet). */
uint32_t rl_mv_kept_in(const rl_ctx *c, const rl_opvec *ops, int s, uint32_t lo, uint32_t hi);
/* Whether a verified candidate sp may move (*ok, else left as it is) when NEW's half is kept in
 * place with a copy of its OLD half: only if it matches more words there (move_verify.c). */
int rl_mv_kept_in_place(rl_ctx *c, const rl_opvec *ops, const rl_span *sp, bool *ok);
/* Reach each end of sp over a few free words to its unit's edge; *lost gets the words kept in
 * place there. Whether sp changed. */
bool rl_mv_reach(const rl_ctx *c, const taken *tk, const rl_opvec *ops, rl_span *sp,
                 uint32_t *lost);

/* ---------------------------------------------------------------- move_copies.c */

/* Try the copies around each accepted move (acc), down their whole list; the one matching the
 * move's NEW place best by stems is taken (tk and moved updated, ops re-diffed where it stood). */
int rl_mv_swap_copies(rl_ctx *c, rl_opvec *ops, taken *tk, accepts *acc, rl_opvec *moved);

/* ---------------------------------------------------------------- move_lines.c */

/* Each short line moved whole (a word to five, no list item, no table cell, the same ids on both
 * sides, found once as a line on each side, free), after both passes: a move when it left its
 * place, joined to a move that ends (or starts) a few deleted or inserted lines from it on both
 * sides. tk, moved and acc updated. RL_ENOMEM. */
int rl_mv_accept_lines(rl_ctx *c, const rl_opvec *ops, taken *tk, rl_opvec *moved, accepts *acc);

/* ---------------------------------------------------------------- move_cross.c */

/* In the ordered list (moves in place), a move group that crossed exactly one stretch of ops
 * outside moves, which could be a move itself and keeps fewer words than the group moves, gives
 * it the move: the stretch becomes the group (same id), the group's ops stay in place. */
void rl_mv_swap_crossed(const rl_ctx *c, rl_opvec *ops);

/* The flags of every token (tk->free_tok and tk->moved: zeroed, a byte a token a side), mapped
 * on their own when large (rl_map_alloc, bigmem.h), and freed (also after a failure, the ones
 * not made NULL). From malloc, freed after the stage, their pages stayed in the heap (1.5 MiB on
 * 1 MB of Chinese) under the sources stage's peak: the exact diff's work area, mapped by malloc
 * and freed, had raised malloc's threshold above them. RL_ENOMEM. */
int rl_mv_flags_alloc(const rl_ctx *c, taken *tk);
void rl_mv_flags_free(const rl_ctx *c, taken *tk);

#endif
