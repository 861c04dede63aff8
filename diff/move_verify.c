/* move_verify.c: whether a candidate span is a move (move.c's candidates, verified with an exact
 * diff of its two places): the shares of its words it must match, a narrower retry, the reach of
 * a moved sentence to its unit's edges. */
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "move.h"
#include "move_stage.h"
#include "refine.h"
#include "rewrite.h"
#include "status.h"

/* A short move (fewer than RL_MOVE_SHORT_WORDS matched) must be whole units on both sides and
 * match this share of its words (0.7 missed every one-sentence paragraph moved with a few words
 * swapped; 0.5 missed those moved at a swap rate near 0.5, which keep just under half their
 * words; the in-place test, moved_away, is what keeps rewritten sentences from moving). */
#define SHORT_MOVE_SHARE 0.4
/* A passage moved and reworded around a phrase it keeps word for word ("can ship a fast,
 * state-of-the-art engine" kept inside a new sentence) shares a quarter to a third of its words:
 * a run of LONG_RUN_WORDS words or more in a row, LONG_RUN_CONTENT of them content words, is
 * evidence enough for LONG_RUN_SHARE (a run of function words, or "one of the most important",
 * is not; nor is a list item, list_item below). Such a candidate is tried again only once
 * both passes are done (later, below): taken first, one over two sentences matched at a quarter
 * took a paragraph's first sentence with the next one's words, and the moves the usual shares
 * would have found in it were lost. */
#define LONG_RUN_WORDS 5
#define LONG_RUN_CONTENT 3
#define LONG_RUN_SHARE 0.25
/* A move that matches fewer than MOVE_MIN_CONTENT content words matches mostly function words:
 * it must match FEW_CONTENT_SHARE of its words on each side. A sentence moved with every noun and
 * verb swapped ("if the ... OP is not a ... and if it is of the ...", 12 of 17) still moves; one
 * that shares runs of function words and one noun with another ("the end of it and then ... the",
 * 7 of 14) does not. */
#define MOVE_MIN_CONTENT 2
/* Share of its OLD words that prose moved into a NEW list item keeps at least (verify). */
#define ITEM_MOVE_SHARE 0.5
#define FEW_CONTENT_SHARE 0.6

static uint32_t content_words(const rl_ctx *c, const rl_op *op)
{
	uint32_t n = 0;
	for (uint32_t t = op->a0; t < op->a1; t++)
		n += rl_is_content(c, RL_OLD, t);
	return n;
}

/* Does a cut that starts at token t of side s (lo: the candidate's start) lie in a list item? Not
 * when it starts the sentence that an item run into a line runs on into (RL_UNIT_RUN_ON). */
static bool in_item(const rl_ctx *c, int s, uint32_t lo, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	bool run_on = t > lo && t < sd->n && sd->ustart[rl_unit_of(sd, t)] == t &&
	              (sd->uflags[rl_unit_of(sd, t)] & RL_UNIT_RUN_ON);
	return rl_mv_list_item(c, s, lo) && !run_on;
}

/* A candidate that failed for its share or for want of whole units, cut to the sentences that
 * its matched words (the equal ops of its exact diff, inner) stand in, on each side: a unit that
 * runs on past a colon or into a sentence that starts in lower case (one line of text holding the
 * moved paragraph and its new neighbours) dilutes the share of a move, or leaves it no whole
 * unit. Sentences as soft_edge finds them. Whether that changes sp (into *cut). */
static bool cut_to_matched(const rl_ctx *c, const rl_opvec *inner, const rl_span *sp,
                           rl_span *cut)
{
	uint32_t first[2] = {UINT32_MAX, UINT32_MAX}, last[2] = {0, 0};
	for (size_t k = 0; k < inner->n; k++) {
		const rl_op *op = &inner->v[k];
		if (op->kind != RL_OP_EQUAL || rl_op_words(c, op, RL_OLD) == 0)
			continue;
		for (int s = 0; s < 2; s++) {
			first[s] = first[s] < rl_lo(op, s) ? first[s] : rl_lo(op, s);
			last[s] = rl_hi(op, s);
		}
	}
	*cut = *sp;
	if (first[0] == UINT32_MAX)
		return false;
	for (int s = 0; s < 2; s++) {
		uint32_t *lo = s ? &cut->b0 : &cut->a0, *hi = s ? &cut->b1 : &cut->a1;
		uint32_t a = first[s], b = last[s];
		while (a > *lo && !rl_mv_soft_edge(c, s, a))
			a--;
		while (b < *hi && !rl_mv_soft_edge(c, s, b))
			b++;
		*lo = a, *hi = b;
	}
	if (in_item(c, RL_OLD, sp->a0, cut->a0) || in_item(c, RL_NEW, sp->b0, cut->b0))
		return false;  /* (a bullet restating a sentence is provenance's, not a move) */
	return memcmp(cut, sp, sizeof *cut) != 0;
}

/* Words of one op side looked at for variants (a swap is a few words; a long change is no
 * evidence word for word). */
#define VARIANT_SCAN 8

/* The same word but for the case of its ASCII letters. */
static bool same_folded(const char *x, size_t nx, const char *y, size_t ny)
{
	if (nx != ny)
		return false;
	for (size_t i = 0; i < nx; i++) {
		unsigned char p = (unsigned char)x[i], q = (unsigned char)y[i];
		if (p != q && (p | 0x20) != (q | 0x20))
			return false;
		if (p != q && !((p | 0x20) >= 'a' && (p | 0x20) <= 'z'))
			return false;
	}
	return true;
}

/* Content words of a change op's OLD side that stand on its NEW side as a variant of themselves:
 * an inflection, a respelling or another case ("substitution operator" -> "substitutions
 * operators", "ElementTree" -> "Elementtree"). A moved sentence reworded that way keeps only its
 * function words word for word, and those alone are no evidence of a move; each such pair is. */
static uint32_t variant_words(const rl_ctx *c, const rl_op *op)
{
	const rl_side *sa = &c->side[RL_OLD], *sb = &c->side[RL_NEW];
	if (op->a1 <= op->a0 || op->b1 <= op->b0 || rl_op_words(c, op, RL_OLD) > VARIANT_SCAN ||
	    rl_op_words(c, op, RL_NEW) > VARIANT_SCAN || op->b1 - op->b0 > 32)
		return 0;  /* (used below has a bit per NEW token) */
	uint32_t n = 0, used = 0;
	for (uint32_t t = op->a0; t < op->a1; t++) {
		if (!rl_is_content(c, RL_OLD, t))
			continue;
		const char *x = sa->text + sa->tok[t].off;
		size_t nx = sa->tok[t].len;
		for (uint32_t u = op->b0; u < op->b1; u++) {
			if ((used & (1u << (u - op->b0))) || sb->tok[u].cls != RL_TOK_WORD)
				continue;
			const char *y = sb->text + sb->tok[u].off;
			size_t ny = sb->tok[u].len;
			if (rl_similar_words(x, nx, y, ny) || same_folded(x, nx, y, ny)) {
				used |= 1u << (u - op->b0);
				n++;
				break;
			}
		}
	}
	return n;
}

/* First and last tokens on each side of the ops of inner that match: equal ops with a word, and
 * changes with a variant (variant_words). Whether there are any. */
static bool matched_extent(const rl_ctx *c, const rl_opvec *inner, uint32_t first[2],
                           uint32_t last[2])
{
	first[0] = first[1] = UINT32_MAX;
	last[0] = last[1] = 0;
	for (size_t k = 0; k < inner->n; k++) {
		const rl_op *op = &inner->v[k];
		if (op->kind == RL_OP_EQUAL ? rl_op_words(c, op, RL_OLD) == 0 : !variant_words(c, op))
			continue;
		for (int s = 0; s < 2; s++) {
			first[s] = first[s] < rl_lo(op, s) ? first[s] : rl_lo(op, s);
			last[s] = rl_hi(op, s);
		}
	}
	return first[0] != UINT32_MAX;
}

/* A passage widened to its units may take in, on one side only, whole sentences next to it that
 * match nothing: on a text run into one line, a moved paragraph's unit runs on past a colon into
 * the next moved paragraph ("... (sh, ksh, bash, zsh): For locale available ..."), which then
 * lost its place to it. Such sentences (as soft_edge finds them) are cut off when the other side
 * has no unmatched words at that end (where both have some, they may be one sentence reworded
 * in the same slot). Whether sp changed (into *cut). */
static bool cut_one_sided(const rl_ctx *c, const rl_opvec *inner, const rl_span *sp, rl_span *cut)
{
	uint32_t first[2], last[2], head[2], tail[2], lo[2], hi[2];
	*cut = *sp;
	if (!matched_extent(c, inner, first, last))
		return false;
	for (int s = 0; s < 2; s++) {
		uint32_t from = s ? sp->b0 : sp->a0, to = s ? sp->b1 : sp->a1;
		lo[s] = first[s], hi[s] = last[s];
		while (lo[s] > from && !rl_mv_soft_edge(c, s, lo[s]))
			lo[s]--;
		while (hi[s] < to && !rl_mv_soft_edge(c, s, hi[s]))
			hi[s]++;
		head[s] = rl_words(c, s, from, lo[s]);
		tail[s] = rl_words(c, s, hi[s], to);
	}
	if (head[RL_OLD] && !head[RL_NEW])
		cut->a0 = lo[RL_OLD];
	if (head[RL_NEW] && !head[RL_OLD])
		cut->b0 = lo[RL_NEW];
	if (tail[RL_OLD] && !tail[RL_NEW])
		cut->a1 = hi[RL_OLD];
	if (tail[RL_NEW] && !tail[RL_OLD])
		cut->b1 = hi[RL_NEW];
	return memcmp(cut, sp, sizeof *cut) != 0;
}

/* Diff the two places of a candidate; keep it as a move when enough matches (and at least min_eq
 * words). relax: the long-run share applies; without it, *later says that it would have. When it
 * fails for its share or its units and a narrower candidate is worth a try (cut_to_matched),
 * *retry says so and *cut holds it (retry NULL: no retry is wanted). A move found may be narrower
 * than sp (cut_one_sided): sp is then narrowed to it. */
int rl_mv_verify(rl_ctx *c, heads *hd, const rl_opvec *ops, rl_span *sp, uint32_t min_eq,
                 bool relax, rl_opvec *moved, bool *ok, bool *later, rl_span *cut, bool *retry)
{
	rl_opvec inner = {0};
	uint32_t eq = 0;
	int rc = rl_ctx_refine(c, sp->a0, sp->a1, sp->b0, sp->b1, &inner);

	*ok = false;
	if (rc != RL_OK)
		goto out;
	uint32_t run = 0, content = 0, near = 0;
	/* A word grown into a phrase keeps its word in a moved passage; not in a list item, which
	 * restating a sentence is provenance's (list_item above), however many words it keeps. */
	bool items = rl_mv_list_item(c, RL_OLD, sp->a0) || rl_mv_list_item(c, RL_NEW, sp->b0);
	for (size_t k = 0; k < inner.n; k++)
		if (inner.v[k].kind == RL_OP_EQUAL) {
			uint32_t w = rl_op_words(c, &inner.v[k], RL_OLD), cw = content_words(c, &inner.v[k]);
			eq += w;
			content += cw;
			if (w >= LONG_RUN_WORDS && cw >= LONG_RUN_CONTENT)
				run = w;
		} else if (!items && rl_grown_phrase(c, &inner.v[k])) {
			eq++;  /* "use" -> "make use of" */
			content += content_words(c, &inner.v[k]);
		} else if (!items) {
			uint32_t v = variant_words(c, &inner.v[k]);
			eq += v, content += v, near += v;
		}
	uint32_t wa = rl_words(c, RL_OLD, sp->a0, sp->a1), wb = rl_words(c, RL_NEW, sp->b0, sp->b1);
	bool long_run = run >= LONG_RUN_WORDS && !rl_mv_list_item(c, RL_OLD, sp->a0) &&
	                !rl_mv_list_item(c, RL_NEW, sp->b0);
	if (eq < RL_MOVE_MIN_WORDS) {
		bool whole;
		if ((rc = rl_mv_whole_and_same(c, hd, sp, eq, content, &whole)) != RL_OK || !whole)
			goto out;
	}
	if (eq < min_eq)
		goto out;
	/* A list item that restates part of a sentence is derived from it (provenance links it): prose
	 * moved into a list item keeps half its words or more ("- The last barrels will be poured at
	 * the October harvest fair" keeps 8 of 19, a summary line; a sentence quoted whole in a bullet
	 * moved, and "The council votes next month on how the first $1 million" 10 of 17). */
	uint32_t wa_all = rl_words(c, RL_OLD, sp->a0, sp->a1);
	if (rl_item_of(c, RL_NEW, sp->b0) != UINT32_MAX && rl_item_of(c, RL_OLD, sp->a0) == UINT32_MAX &&
	    eq < ITEM_MOVE_SHARE * wa_all)
		goto out;
	if (eq < RL_MOVE_SHORT_WORDS && !rl_mv_whole_lines(c, sp)) {
		if (retry)
			*retry = cut_to_matched(c, &inner, sp, cut);
		goto out;
	}
	double share = content < MOVE_MIN_CONTENT ? FEW_CONTENT_SHARE
	               : eq < RL_MOVE_SHORT_WORDS ? SHORT_MOVE_SHARE
	                                          : RL_MV_SHARE;
	if (eq < share * wa || eq < share * wb) {
		if (!relax && long_run && content >= MOVE_MIN_CONTENT && eq >= LONG_RUN_SHARE * wa &&
		    eq >= LONG_RUN_SHARE * wb)
			*later = true;
		if (!relax || !long_run || content < MOVE_MIN_CONTENT || eq < LONG_RUN_SHARE * wa ||
		    eq < LONG_RUN_SHARE * wb) {
			if (retry)
				*retry = cut_to_matched(c, &inner, sp, cut);
			goto out;
		}
	}
	rl_span narrow;
	if (cut_one_sided(c, &inner, sp, &narrow)) {
		bool dummy = false;
		size_t at = moved->n;
		if ((rc = rl_mv_verify(c, hd, ops, &narrow, min_eq, relax, moved, ok, &dummy, NULL, NULL)) != RL_OK)
			goto out;
		if (*ok) {
			*sp = narrow;
			goto out;
		}
		moved->n = at;
	}
	/* (In place, the exact diff counts no variant either.) */
	bool away;
	if ((rc = rl_mv_moved_away(c, ops, sp, eq - near, &away)) != RL_OK || !away)
		goto out;
	rl_mv_dissolve_fragments(c, &inner);
	uint32_t id = c->next_move++;
	for (size_t k = 0; k < inner.n; k++) {
		inner.v[k].move = id;
		if (inner.v[k].kind == RL_OP_EQUAL)
			inner.v[k].kind = RL_OP_MOVE;
	}
	rc = rl_opvec_append(moved, inner.v, inner.n);
	*ok = rc == RL_OK;
out:
	rl_opvec_free(&inner);
	return rc;
}

/* A moved sentence whose first or last words the exact diff matched where it stood, with a
 * restatement left there ("those operations" with a bullet that repeats them), is blocked there
 * on its way to the unit's edge: it reaches on over tokens no move took, at most REACH_WORDS
 * words, and the move is taken with them when it matches as many more words as they kept in
 * place (more, if they kept any: a tie stays where it stood). */
#define REACH_WORDS 12
#define REACH_TOKENS (16 * REACH_WORDS)  /* (and tokens: a run of punctuation is no reach) */

/* Words of equal ops in tokens [lo, hi) of side s (ops: no moves yet). */
uint32_t rl_mv_kept_in(const rl_ctx *c, const rl_opvec *ops, int s, uint32_t lo, uint32_t hi)
{
	uint32_t n = 0;
	size_t k0 = rl_mv_first_op_after(ops, s, lo);
	for (size_t k = k0; k < ops->n && rl_lo(&ops->v[k], s) < hi; k++) {
		const rl_op *op = &ops->v[k];
		if (op->kind != RL_OP_EQUAL)
			continue;
		uint32_t a = rl_lo(op, s) > lo ? rl_lo(op, s) : lo;
		uint32_t b = rl_hi(op, s) < hi ? rl_hi(op, s) : hi;
		n += rl_words(c, s, a, b);
	}
	return n;
}

/* Words of side s's tokens [lo, hi) that ops (no moves yet) keep, equal or as a variant of
 * themselves in a change that lies inside [lo, hi) (variant_words): what a passage keeps
 * where it stands, weighed as a move's own match is. */
static uint32_t held_in(const rl_ctx *c, const rl_opvec *ops, int s, uint32_t lo, uint32_t hi)
{
	uint32_t n = rl_mv_kept_in(c, ops, s, lo, hi);
	size_t k0 = rl_mv_first_op_after(ops, s, lo);
	for (size_t k = k0; k < ops->n && rl_lo(&ops->v[k], s) < hi; k++) {
		const rl_op *op = &ops->v[k];
		if (op->kind == RL_OP_REPLACE && rl_lo(op, s) >= lo && rl_hi(op, s) <= hi)
			n += variant_words(c, op);
	}
	return n;
}


/* Reach each end of sp to its unit's edge as above; *lost: the words kept in place there.
 * Whether sp changed. */
bool rl_mv_reach(const rl_ctx *c, const taken *tk, const rl_opvec *ops, rl_span *sp,
                 uint32_t *lost)
{
	bool changed = false;
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c->side[s];
		uint32_t *lo = s ? &sp->b0 : &sp->a0, *hi = s ? &sp->b1 : &sp->a1;
		uint32_t start = sd->ustart[rl_unit_of(sd, *lo)], end = sd->ustart[rl_unit_of(sd, *hi - 1) + 1];
		if (start < *lo && *lo - start <= REACH_TOKENS && rl_words(c, s, start, *lo) <= REACH_WORDS &&
		    !rl_mv_any_moved(tk, s, start, *lo)) {
			*lost += rl_mv_kept_in(c, ops, s, start, *lo);
			*lo = start;
			changed = true;
		}
		if (*hi < end && end - *hi <= REACH_TOKENS && rl_words(c, s, *hi, end) <= REACH_WORDS &&
		    !rl_mv_any_moved(tk, s, *hi, end)) {
			*lost += rl_mv_kept_in(c, ops, s, *hi, end);
			*hi = end;
			changed = true;
		}
	}
	return changed;
}

/* Words an exact refinement of a candidate's two places matches, and with variants (the count
 * rl_mv_verify weighs): the words of changes that stand as variants of themselves added. */
static int matched(rl_ctx *c, const rl_span *sp, bool variants, uint32_t *n)
{
	rl_opvec d = {0};
	int rc = rl_ctx_refine(c, sp->a0, sp->a1, sp->b0, sp->b1, &d);
	*n = 0;
	for (size_t k = 0; rc == RL_OK && k < d.n; k++)
		*n += d.v[k].kind == RL_OP_EQUAL ? rl_op_words(c, &d.v[k], RL_OLD)
		      : variants                 ? variant_words(c, &d.v[k])
		                                 : 0;
	rl_opvec_free(&d);
	return rc;
}

int rl_mv_matched(rl_ctx *c, const rl_span *sp, uint32_t *eq)
{
	return matched(c, sp, false, eq);
}

/* The OLD tokens that the equal ops over NEW's tokens [b0, b1) keep them with, first to last:
 * [*lo, *hi). Whether there are any. */
static bool kept_partner(const rl_opvec *ops, uint32_t b0, uint32_t b1, uint32_t *lo, uint32_t *hi)
{
	*lo = UINT32_MAX, *hi = 0;
	for (size_t k = rl_mv_first_op_after(ops, RL_NEW, b0); k < ops->n && ops->v[k].b0 < b1; k++) {
		const rl_op *op = &ops->v[k];
		if (op->kind != RL_OP_EQUAL || op->move)
			continue;
		uint32_t x = op->b0 > b0 ? op->b0 : b0, y = op->b1 < b1 ? op->b1 : b1;
		if (x >= y)
			continue;
		if (op->a0 + (x - op->b0) < *lo)
			*lo = op->a0 + (x - op->b0);
		*hi = op->a0 + (y - op->b0);
	}
	return *lo < *hi;
}

/* Do OLD's tokens [lo, hi) stand, word for word, inside [a0, a1) (the same ids in a row)? */
static bool copy_word_for_word(const rl_side *sd, uint32_t lo, uint32_t hi, uint32_t a0,
                               uint32_t a1)
{
	uint32_t n = hi - lo;
	for (uint32_t at = a0; at + n <= a1; at++) {
		uint32_t i = 0;
		while (i < n && sd->ids[at + i] != RL_ID_NONE && sd->ids[at + i] == sd->ids[lo + i])
			i++;
		if (i == n)
			return true;
	}
	return false;
}

static int cmp_id(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return (a > b) - (a < b);
}

/* The ids of the words of OLD tokens [lo, hi), sorted, into *v (*n of them). RL_ENOMEM. */
static int word_bag(const rl_ctx *c, uint32_t lo, uint32_t hi, uint32_t **v, size_t *n)
{
	const rl_side *sd = &c->side[RL_OLD];
	*n = 0;
	*v = malloc((size_t)(hi - lo) * sizeof **v + sizeof **v);
	if (!*v)
		return RL_ENOMEM;
	for (uint32_t t = lo; t < hi; t++)
		if (sd->ids[t] != RL_ID_NONE && rl_words(c, RL_OLD, t, t + 1))
			(*v)[(*n)++] = sd->ids[t];
	qsort(*v, *n, sizeof **v, cmp_id);
	return RL_OK;
}

/* Is OLD's [lo, hi) a copy of [a0, a1): are at least half its words among [a0, a1)'s, each
 * counted as often as both hold it? Not word for word: two paragraphs of a list written from
 * one template ("Like /x but stores the location of the failure (in the case of ...)") differ
 * by a name each, and the generator's spinning and dropped quotations change more words of one
 * than of the other. */
static int near_copy(const rl_ctx *c, uint32_t lo, uint32_t hi, uint32_t a0, uint32_t a1,
                     bool *yes)
{
	uint32_t *x = NULL, *y = NULL;
	size_t nx = 0, ny = 0, i = 0, j = 0, shared = 0;
	int rc = word_bag(c, lo, hi, &x, &nx);
	if (rc == RL_OK)
		rc = word_bag(c, a0, a1, &y, &ny);
	while (rc == RL_OK && i < nx && j < ny)
		if (x[i] == y[j])
			shared++, i++, j++;
		else if (x[i] < y[j])
			i++;
		else
			j++;
	*yes = rc == RL_OK && 2 * shared >= nx;
	free(x);
	free(y);
	return rc;
}

/* A passage of NEW that the ops keep where it stands with a copy of the candidate's OLD half (the
 * same sentence written twice in OLD, the other copy deleted; or two paragraphs of a template
 * list, near_copy) moves only if it matches more words than they keep there, variants counted on
 * both: else *ok becomes false. A tie is no evidence that it left its place. (Kept with other
 * text, in place it is a coincidence or a bullet's restatement, which a move rightly undoes.)
 * Without it, a template paragraph kept in place but spun there (OLD1 against NEW1) moved to
 * the unspun copy of its sibling (NEW2), which matches it better than NEW1 does, and the sibling
 * OLD2, its place taken, moved to NEW1: two kept paragraphs crossed. */
int rl_mv_kept_in_place(rl_ctx *c, const rl_opvec *ops, const rl_span *sp, bool *ok)
{
	uint32_t lo, hi, score = 0;
	bool copy = false;
	if (!kept_partner(ops, sp->b0, sp->b1, &lo, &hi) || (lo < sp->a1 && hi > sp->a0))
		return RL_OK;
	/* (A near copy only far from the OLD half: items of a list a line apart, each a near copy of
	 * the next, are what the exact diff pairs out of step, and a move puts back.) */
	uint32_t gap_lo = hi <= sp->a0 ? hi : sp->a1, gap_hi = hi <= sp->a0 ? sp->a0 : lo;
	bool far = gap_lo <= gap_hi &&
	           rl_words(c, RL_OLD, gap_lo, gap_hi) >= 3 * rl_words(c, RL_OLD, sp->a0, sp->a1);
	int rc = RL_OK;
	if (!copy_word_for_word(&c->side[RL_OLD], lo, hi, sp->a0, sp->a1) &&
	    (!far || (rc = near_copy(c, lo, hi, sp->a0, sp->a1, &copy)) != RL_OK || !copy))
		return rc;
	uint32_t kb = held_in(c, ops, RL_NEW, sp->b0, sp->b1);
	rc = matched(c, sp, true, &score);
	*ok = score > kb;
	return rc;
}
