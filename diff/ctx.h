/* ctx.h: the alignment under construction, as the readability stages share it (internal to
 * diff/; the public model is align.h).
 *
 * The stages start from the exact script and rewrite the op list: each reads a list and writes a
 * new one, so any of them can be switched off without the others noticing. What they all need is
 * here: both texts as tokens with comparison ids, what each id is (a function word, punctuation),
 * the sentence structure, and a way to diff any two token ranges exactly (the same engine as the
 * whole texts, on a renumbered alphabet so that a small diff costs a small amount). */
#ifndef REDLINE_CTX_H
#define REDLINE_CTX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "intern.h"
#include "lexicon.h"
#include "opvec.h"
#include "ops.h"
#include "token.h"

/* Units: sentences, list items, headings. Unit flags: */
enum {
	RL_UNIT_PARA = 1 << 0,    /* starts a paragraph (or the text) */
	RL_UNIT_LINE = 1 << 1,    /* starts a line a reader sees (a list item, a heading) */
	RL_UNIT_RUN_IN = 1 << 2,  /* a list item run into a line ("... a stop. - Item words") */
	RL_UNIT_RUN_ON = 1 << 3,  /* the sentence such an item without a stop runs on into */
};

/* Quotation spans, per side. */
typedef struct rl_quotation {
	uint32_t t0, t1;  /* tokens, marks included */
	uint16_t depth;   /* 0 for an outermost quotation */
} rl_quotation;

/* A list of token positions. */
typedef struct rl_tlist {
	uint32_t *v;
	uint32_t n, cap;
} rl_tlist;

/* One text as the stages see it. */
typedef struct rl_side {
	const rl_token *tok;
	const char *text;
	uint32_t n;         /* tokens */
	uint32_t *ids;      /* per token; RL_ID_NONE when not compared */
	/* The words before each token (a compound such as "keeper’s" is one word), a byte a token:
	 * wbase[t >> 8] counts those before token t & ~255, wlow[t] (n + 1 entries) those before t
	 * modulo 256 (rl_words_before). A count per token took four bytes a token at every stage's
	 * peak (24 MiB on two 10 MB texts of Chinese); a bit a token with counts per 64 cost a
	 * popcount in each of the stages' many calls (+12 % of the instructions on a 1 MB pair). */
	uint32_t *wbase;
	uint8_t *wlow;
	/* The unit each token belongs to, a byte for 8 tokens (rl_unit_of): ubase[t >> 8] is the
	 * unit of token t & ~255, ugrp[g] (n / 8 + 1 entries) how many units token 8g's is past that
	 * (a unit has a token at least, so 256 tokens span fewer than 256 units); a token of the
	 * group is of that unit or one that starts after it (ustart). A unit per token took four
	 * bytes a token of both sides at every stage (1.5 MiB a side on 1 MB of Chinese, where the
	 * sources stage peaks), a byte a token still 0.37 MiB a side and Chinese 1M over 10x. */
	uint32_t *ubase;
	uint8_t *ugrp;
	uint32_t *ustart;   /* unit k is tokens [ustart[k], ustart[k + 1]); nunits + 1 entries, and
	                     * UINT32_MAX after them */
	uint8_t *uflags;    /* per unit: RL_UNIT_* */
	uint32_t nunits;
	rl_quotation *quotes;  /* in order of their opening mark */
	size_t nquotes;
	/* Per token, nonzero in code (an exact span of the caller's styles: a Markdown code block
	 * or code span), which holds no quotation: set while the quotations are found (pipeline.c),
	 * else NULL. */
	const uint8_t *code;
	bool all_compared;  /* every token has an id (false while a hole is blanked: refine.h) */
	/* The tokens the structure passes look at, ascending, when `listed` (rl_ctx_init lists them
	 * when the stages want structure; freed once units and quotations are found): the tokens
	 * that may start a unit (ucand: not a lower-case word inside a line, not a token glued to
	 * the one before), and those that may be a quotation mark or start a paragraph (qcand). */
	bool listed;
	rl_tlist ucand, qcand;
} rl_side;

/* The unit token t of a side belongs to. Every read goes through here (scripts/unitconv.py
 * rewrote them), so that how the units are stored is this function's business alone: the unit
 * of t's block of 256 tokens, and how far t's is past it (rl_side). */
static inline uint32_t rl_unit_of(const rl_side *sd, uint32_t t)
{
	uint32_t u = sd->ubase[t >> 8] + sd->ugrp[t >> 3];
	while (sd->ustart[u + 1] <= t)  /* at most 7 steps; ustart[nunits + 1] is UINT32_MAX */
		u++;
	return u;
}

/* The per-token arrays of a side that every stage reads, wlow and ugrp, are mapped on their own
 * from RL_SIDE_MAP tokens (bigmem.h: rl_map_alloc_from with this min, freed with the same), as
 * the tokens and ids are. From the heap, each lay between the exact diff's lists and scratch, and
 * where the holes those left fell depended on them: the sources stage's keys (4 bytes an OLD
 * token) fitted in the holes or grew the heap by as much (on 1 MB of Chinese, ulow cut to ugrp
 * raised the peak by 0.9 MiB from the heap; with both arrays mapped the heap at the plateau is
 * 3.0 MiB, not 5.4, and the cut lowers the peak by 0.6). Below, a mapping's page would be much of
 * the array. */
#define RL_SIDE_MAP ((uint32_t)1 << 17)
static inline size_t rl_side_map_from(uint32_t n)
{
	return n >= RL_SIDE_MAP ? 0 : SIZE_MAX;
}

/* The bytes of a side's ugrp for n tokens. */
static inline size_t rl_ugrp_bytes(uint32_t n)
{
	return (size_t)(n >> 3) + 1;
}

/* Have the side's units been found (rl_units_find)? */
static inline bool rl_has_units(const rl_side *sd)
{
	return sd->ugrp != NULL;
}

typedef struct rl_ctx {
	rl_side side[2];
	const rl_tokens *old_toks;  /* OLD's tokens, which NEW's may copy (skip.h) */
	rl_diff_opts opts;
	unsigned stages;        /* RL_STAGE_* in force (none when minimal) */
	rl_interner *in;
	size_t nids;
	uint8_t *idf;           /* per id: RL_IDF_* */
	uint32_t *freq;         /* per id: occurrences in both texts (rl_ctx_count), else NULL */
	/* Per id: RL_NAME_* (rl_ctx_names, structure.h), found the first time a stage asks (the
	 * sentences stage's pairing, the sources stage), else NULL: a function of the tokens, ids
	 * and units alone, which no stage changes, so one pass serves both. */
	uint8_t *names;
	uint32_t next_move;     /* the next move id to hand out */
	size_t anchors, bound_hits;  /* from the exact engine, for the stats */
	uint64_t rediff_work;   /* work left for the diffs of ranges (see rl_ctx_exact) */
	uint64_t rediffed;      /* tokens of the ranges diffed so far, both sides (rl_ctx_exact) */
	/* Scratch of rl_ctx_exact (one diff at a time). */
	uint32_t *local;        /* per id: its number in the current diff, or RL_ID_NONE (made by
	                         * the first diff of a range) */
	uint32_t *xa, *xb;      /* compared ids of each side, renumbered */
	uint32_t *pa, *pb;      /* compared position -> token */
	uint8_t *ma, *mb;       /* change marks */
	size_t scratch_na, scratch_nb;  /* entries the arrays above hold on each side */
	rl_opvec spare[3];      /* lists a stage gave back, their memory kept for the next ones
	                         * (a stage holds at most three at once: the ops, a copy, its result) */
} rl_ctx;

/* Build the context for two tokenized texts (borrowed; they must outlive it): intern them. The
 * structure (units, quotations) is found by the pipeline (rl_pipeline_ctx, pipeline.h), which
 * calls the stages that know it. */
int rl_ctx_init(rl_ctx *c, const rl_tokens *old_toks, const rl_tokens *new_toks,
                const rl_diff_opts *opts);
/* The same for OLD's tokens [span[0], span[1]) and NEW's [span[2], span[3]) alone (a window of
 * two long texts: window.h): the sides' tokens are numbered from the window's start (side.tok
 * points into the whole array, side.text is the whole text, offsets stay those of the text). */
int rl_ctx_init_span(rl_ctx *c, const rl_tokens *old_toks, const rl_tokens *new_toks,
                     const uint32_t span[4], const rl_diff_opts *opts);
void rl_ctx_release(rl_ctx *c);
/* The occurrences of each id in both texts (c->freq), for the stages that weigh a word by them
 * (the pairing's index, a quotation restated): rl_pipeline_ctx counts them, the sources stage,
 * which reads none, does not (a walk over all of OLD). RL_ENOMEM. */
int rl_ctx_count(rl_ctx *c);
/* Free the side's candidates (then the structure passes visit every token). */
void rl_ctx_unlist(rl_side *sd);

/* An empty list for a stage to write about `want` ops into: the context's smallest spare that
 * holds them, else for a long list the biggest one (on a long document each stage rewrites the
 * whole list; reusing the memory of the last one spares the allocator and the page faults of a
 * fresh one), else a new list. Small lists (the diffs inside a passage) never take a big spare:
 * it would leave with them. */
rl_opvec rl_ctx_scratch(rl_ctx *c, size_t want);
/* Give a list back: the bigger of it and the spare is kept, the other freed. */
void rl_ctx_recycle(rl_ctx *c, rl_opvec *ov);
/* Keep at most `keep` spares (the biggest), before a stage that needs fewer lists at once than
 * those before it: a spare it does not use is resident memory at its peak. The scratch of the
 * diffs of ranges (rl_ctx_exact) goes too: it keeps the size of the largest range diffed so far
 * (the sentences stage's regions: 3.2 MiB of the sources stage's peak on the 1 MB cumulative
 * song), and a later diff of a range allocates what it needs. */
void rl_ctx_trim(rl_ctx *c, size_t keep);

/* The exact script between OLD tokens [a0, a1) and NEW tokens [b0, b1), appended to out as ops
 * that tile both ranges. Tokens that are not compared join the op before them. The diff of the
 * whole texts has the exact engine's work budget (myers.h); the diffs of ranges that the stages
 * ask for (moves verified and realigned, regions, passages) share one more budget of the same
 * size, rediff_work, so that no stage can re-diff its way past O(n) work: past it each search
 * stops after a few edits. The tokens of each range are added to rediffed: what a diff costs
 * besides its search (gathering the range, the clean-up of its script), which a stage that tries
 * many ranges bounds itself (rl_ctx_tries_end). */
int rl_ctx_exact(rl_ctx *c, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1, rl_opvec *out);

/* The value of c->rediffed past which a stage that tries candidates by diffing their ranges stops
 * trying: per_token tokens diffed for each token of both texts, and min more, from now. */
uint64_t rl_ctx_tries_end(const rl_ctx *c, uint32_t per_token, uint64_t min);

/* Copy ops to out with each equal op cut where a unit starts on either side, so that every equal
 * op lies inside one unit a side (a sentence's final stop stays with its sentence). */
int rl_split_equals(const rl_ctx *c, const rl_opvec *ops, rl_opvec *out);

/* Add the words of side s kept by the ops (equal, move and typo ops) to kept[u - u0] for each unit u
 * they fall in: O(ops + units), no per-token work. */
void rl_count_kept(const rl_ctx *c, const rl_op *v, size_t n, int s, uint32_t u0, uint32_t *kept);

/* ------------------------------------------------------------------ small helpers */

static inline uint32_t rl_lo(const rl_op *op, int s)
{
	return s ? op->b0 : op->a0;
}

static inline uint32_t rl_hi(const rl_op *op, int s)
{
	return s ? op->b1 : op->a1;
}

/* The words of a side before token t (t <= n): those before t's block of 256 tokens, and those
 * in it before t (fewer than 256: their count modulo 256 is theirs). */
static inline uint32_t rl_words_before(const rl_side *sd, uint32_t t)
{
	uint32_t base = sd->wbase[t >> 8];
	return base + (uint8_t)(sd->wlow[t] - (uint8_t)base);
}

/* rl_side_words on 256 tokens or more (out of line: the stages call the short case inline, in
 * some forty walks over the ops). */
uint32_t rl_side_words_far(const rl_side *sd, uint32_t lo, uint32_t hi);

/* The words of a side in tokens [lo, hi). Fewer than 256 tokens (most ops) hold fewer than 256
 * words: their count modulo 256 is theirs, without the blocks' counts. */
static inline uint32_t rl_side_words(const rl_side *sd, uint32_t lo, uint32_t hi)
{
	if (hi - lo < 256)
		return (uint8_t)(sd->wlow[hi] - sd->wlow[lo]);
	return rl_side_words_far(sd, lo, hi);
}

/* Word tokens of side s in [lo, hi). */
static inline uint32_t rl_words(const rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	return rl_side_words(&c->side[s], lo, hi);
}

/* Words of an op on side s. */
static inline uint32_t rl_op_words(const rl_ctx *c, const rl_op *op, int s)
{
	return rl_words(c, s, rl_lo(op, s), rl_hi(op, s));
}

/* Flags of token t's id on side s (0 for a token that is not compared). */
static inline unsigned rl_tok_idf(const rl_ctx *c, int s, uint32_t t)
{
	uint32_t id = c->side[s].ids[t];
	return id == RL_ID_NONE ? RL_IDF_PUNCT : c->idf[id];
}

/* A token that carries meaning of its own: a word that is not a function word. */
static inline bool rl_is_content(const rl_ctx *c, int s, uint32_t t)
{
	return c->side[s].tok[t].cls == RL_TOK_WORD && !(rl_tok_idf(c, s, t) & RL_IDF_FUNCTION);
}

/* A token that is never a coincidence: a name (capitalized, not a function word) or a number. */
static inline bool rl_is_anchor(const rl_ctx *c, int s, uint32_t t)
{
	const rl_token *tk = &c->side[s].tok[t];
	return tk->cls == RL_TOK_WORD && (tk->flags & (RL_TF_UPPER | RL_TF_DIGIT)) &&
	       !(rl_tok_idf(c, s, t) & RL_IDF_FUNCTION);
}

/* Is the point before token t of side s inside a unit: not where one starts, nor the text's end? */
static inline bool rl_inside_unit(const rl_ctx *c, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	return t > 0 && t < sd->n && sd->ustart[rl_unit_of(sd, t)] != t;
}

/* The side an op has tokens on, when it has them on one side only and is no move; else -1. */
static inline int rl_one_side(const rl_op *op)
{
	bool a = op->a1 > op->a0, b = op->b1 > op->b0;
	return op->move || a == b ? -1 : a ? RL_OLD : RL_NEW;
}

/* The op kind for ranges with and without tokens on each side. */
static inline uint8_t rl_change_kind(bool has_a, bool has_b)
{
	return has_a && has_b ? RL_OP_REPLACE : has_a ? RL_OP_DELETE : RL_OP_INSERT;
}

#endif
