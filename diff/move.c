/* move.c: finding moved passages among deletions and insertions: candidates (shingle.h) verified
 * with an exact diff (move_verify.c), the ops carved around the accepted moves (move_carve.c), the
 * groups put in place (order.h). */
#include "move.h"

#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "cleanup.h"
#include "cleanup_units.h"
#include "lexicon.h"
#include "move_stage.h"
#include "order.h"
#include "refine.h"
#include "shingle.h"
#include "status.h"


/* ------------------------------------------------------------------ verifying candidates */


/* Widen the candidate to the start of its first unit and the end of its last, on both sides,
 * through tokens still free: a moved paragraph whose first words were also rewritten is still
 * one passage. */
static void widen_run(const rl_ctx *c, const taken *tk, rl_span *sp)
{
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c->side[s];
		uint32_t *lo = s ? &sp->b0 : &sp->a0, *hi = s ? &sp->b1 : &sp->a1;
		uint32_t start = sd->ustart[rl_unit_of(sd, *lo)], end = sd->ustart[rl_unit_of(sd, *hi - 1) + 1];
		while (*lo > start && tk->free_tok[s][*lo - 1])
			(*lo)--;
		while (*hi < end && tk->free_tok[s][*hi])
			(*hi)++;
	}
}

bool rl_mv_all_free(const taken *tk, int s, uint32_t lo, uint32_t hi)
{
	for (uint32_t t = lo; t < hi; t++)
		if (!tk->free_tok[s][t])
			return false;
	return true;
}

bool rl_mv_any_moved(const taken *tk, int s, uint32_t lo, uint32_t hi)
{
	for (uint32_t t = lo; t < hi; t++)
		if (tk->moved[s][t])
			return true;
	return false;
}

static bool unit_edge(const rl_ctx *c, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	return t == 0 || t >= sd->n || sd->ustart[rl_unit_of(sd, t)] == t;
}

/* Is token t a closing mark glued to the token before it: ")" or a closing quote? */
bool rl_mv_glued_closer(const rl_side *sd, uint32_t t)
{
	const rl_token *tk = &sd->tok[t];
	const unsigned char *p = (const unsigned char *)sd->text + tk->off;
	if (tk->cls != RL_TOK_PUNCT || tk->gap != RL_GAP_NONE)
		return false;
	if (tk->len == 1)
		return *p == ')' || *p == ']' || *p == '"' || *p == '\'';
	/* ’ (U+2019) and ” (U+201D) */
	return tk->len == 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x99 || p[2] == 0x9D);
}

/* The token a stop follows, past the closing marks between them ("(sh, zsh):", "section)."). */
static uint32_t word_before(const rl_side *sd, uint32_t t)
{
	for (int k = 0; k < 2 && t > 0 && rl_mv_glued_closer(sd, t); k++)
		t--;
	return t;
}

/* Does a sentence end before token t of side s, unit or not: t follows a stop (. ! ?) glued to
 * the word before it (or to a closing mark after one: "(sh, zsh): For ..."), with space between,
 * or a colon with a capital after it. The units take no lower-case word for a sentence start
 * ("approx. five"), nor a colon for a stop; but in a text run into one line a sentence that
 * starts with a name in lower case ("leoAst.py unifies ...") or follows a line that ended in a
 * colon ("... as follows: The ...") is a unit only there. (A colon before a lower-case word goes
 * on with its sentence, as most of the King James Bible's do.) */
bool rl_mv_soft_edge(const rl_ctx *c, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	if (t == 0 || t >= sd->n)
		return true;
	const rl_token *stop = &sd->tok[t - 1], *next = &sd->tok[t];
	if (stop->cls == RL_TOK_PUNCT && stop->len == 1 && stop->gap == RL_GAP_NONE &&
	    next->gap != RL_GAP_NONE && t >= 2 && sd->tok[word_before(sd, t - 2)].cls == RL_TOK_WORD) {
		char ch = sd->text[stop->off];
		if (ch == '.' || ch == '!' || ch == '?' || (ch == ':' && (next->flags & RL_TF_UPPER)))
			return true;
	}
	return unit_edge(c, s, t);
}

/* Bring a widened span sp back to the sentences (as soft_edge finds them) that its hits hit
 * stand in: a thin hit widened through free tokens may take in the end of the sentence before
 * it (the few words kept around a moved sentence are free), which leaves it no whole unit. */
static void soften(const rl_ctx *c, const rl_span *hit, rl_span *sp)
{
	for (int s = 0; s < 2; s++) {
		uint32_t *lo = s ? &sp->b0 : &sp->a0, *hi = s ? &sp->b1 : &sp->a1;
		uint32_t a = s ? hit->b0 : hit->a0, b = s ? hit->b1 : hit->a1;
		while (a > *lo && !rl_mv_soft_edge(c, s, a))
			a--;
		while (b < *hi && !rl_mv_soft_edge(c, s, b))
			b++;
		*lo = a, *hi = b;
	}
}

/* Is token t of side s an edge of the words of a sentence: an edge as soft_edge finds them, or
 * only a few marks between it and one ("implementation" with the stop after it still matched in
 * place; a passage that starts with the stop of the sentence before it)? end: t ends a range. */
#define EDGE_MARKS 3

static bool word_edge(const rl_ctx *c, int s, uint32_t t, bool end)
{
	const rl_side *sd = &c->side[s];
	if (rl_mv_soft_edge(c, s, t))
		return true;
	uint32_t lo = end ? t : sd->ustart[rl_unit_of(sd, t)], hi = end ? sd->ustart[rl_unit_of(sd, t - 1) + 1] : t;
	if (hi - lo <= EDGE_MARKS && rl_words(c, s, lo, hi) == 0)
		return true;
	uint32_t u = t;
	while (!end && u < sd->n && u - t < EDGE_MARKS && sd->tok[u].cls != RL_TOK_WORD)
		u++;
	return u > t && u < sd->n && rl_mv_soft_edge(c, s, u);
}

/* Is a short candidate whole: units, or whole lines of markup on both sides (an image, a template
 * or a category line moved to the top of a wiki page, which the tokenizer may take for a wrapped
 * line inside a paragraph). A line end inside a paragraph counts only where the candidate's
 * token next to it is no word ("]]", "|"): a hard-wrapped sentence breaks its lines between
 * words anywhere, and a few words that end a line on both sides are no evidence. */
bool rl_mv_whole_lines(const rl_ctx *c, const rl_span *sp)
{
	const uint32_t end[4] = {sp->a0, sp->a1, sp->b0, sp->b1};
	for (int k = 0; k < 4; k++) {
		int s = k / 2;
		const rl_side *sd = &c->side[s];
		uint32_t t = end[k], in = k % 2 ? t - 1 : t;
		if (word_edge(c, s, t, k % 2))
			continue;
		if (sd->tok[t].gap < RL_GAP_LINE || sd->tok[in].cls == RL_TOK_WORD)
			return false;
	}
	return true;
}

/* A paragraph start in tokens (lo, hi) of side s with fewer than RL_MOVE_MIN_WORDS words before
 * it in the range (after it, when from the end), or 0. Only a few units are looked at. */
static uint32_t spill_start(const rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	const rl_side *sd = &c->side[s];
	for (uint32_t u = rl_unit_of(sd, lo) + 1; u < sd->nunits && sd->ustart[u] < hi; u++) {
		if (rl_words(c, s, lo, sd->ustart[u]) >= RL_MOVE_MIN_WORDS)
			break;
		if (sd->uflags[u] & RL_UNIT_PARA)
			return sd->ustart[u];
	}
	return 0;
}

static uint32_t spill_end(const rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	const rl_side *sd = &c->side[s];
	for (uint32_t u = rl_unit_of(sd, hi - 1), ufirst = rl_unit_of(sd, lo); u > ufirst; u--) {
		if (rl_words(c, s, sd->ustart[u], hi) >= RL_MOVE_MIN_WORDS)
			break;
		if (sd->uflags[u] & RL_UNIT_PARA)
			return sd->ustart[u];
	}
	return 0;
}

/* Trim a candidate on each side: a few words spilt over a paragraph edge (a chain runs on
 * through "file describes a" into the next paragraph, which moved elsewhere) are no part of
 * it, nor are tokens another move has taken at its ends. */
static void trim(const rl_ctx *c, const taken *tk, rl_span *sp)
{
	for (int s = 0; s < 2; s++) {
		uint32_t *lo = s ? &sp->b0 : &sp->a0, *hi = s ? &sp->b1 : &sp->a1;
		while (*lo < *hi && !tk->free_tok[s][*lo])
			(*lo)++;
		while (*hi > *lo && !tk->free_tok[s][*hi - 1])
			(*hi)--;
		if (*hi <= *lo)
			return;
		uint32_t p = spill_start(c, s, *lo, *hi);
		if (p)
			*lo = p;
		p = spill_end(c, s, *lo, *hi);
		if (p)
			*hi = p;
	}
}

/* Do two ranges share enough words to belong to one moved passage? */
static int alike(rl_ctx *c, const rl_span *u, bool *ok)
{
	rl_opvec d = {0};
	uint32_t eq = 0;
	int rc = rl_ctx_exact(c, u->a0, u->a1, u->b0, u->b1, &d);
	for (size_t k = 0; rc == RL_OK && k < d.n; k++)
		if (d.v[k].kind == RL_OP_EQUAL)
			eq += rl_op_words(c, &d.v[k], RL_OLD);
	uint32_t wa = rl_words(c, RL_OLD, u->a0, u->a1), wb = rl_words(c, RL_NEW, u->b0, u->b1);
	/* (A unit kept whole is alike however short: the one-word heading of a moved section.) */
	*ok = (eq >= 2 || (eq > 0 && eq == wa && eq == wb)) && eq >= RL_MV_SHARE * (wa > wb ? wa : wb);
	rl_opvec_free(&d);
	return rc;
}

/* Grow a passage that ends (or starts) at unit edges on both sides by the units next to it, while
 * they are free on both sides and alike: a moved paragraph whose middle sentence was rewritten
 * more than the rest moves whole. */
static int grow(rl_ctx *c, const taken *tk, rl_span *sp)
{
	const rl_side *sa = &c->side[RL_OLD], *sb = &c->side[RL_NEW];
	for (int back = 0; back < 2; back++) {
		for (;;) {
			rl_span u;
			if (!back) {
				if (sp->a1 >= sa->n || sp->b1 >= sb->n || !unit_edge(c, RL_OLD, sp->a1) ||
				    !unit_edge(c, RL_NEW, sp->b1))
					break;
				u = (rl_span){sp->a1, sa->ustart[rl_unit_of(sa, sp->a1) + 1], sp->b1,
				              sb->ustart[rl_unit_of(sb, sp->b1) + 1]};
			} else {
				if (sp->a0 == 0 || sp->b0 == 0 || !unit_edge(c, RL_OLD, sp->a0) ||
				    !unit_edge(c, RL_NEW, sp->b0))
					break;
				u = (rl_span){sa->ustart[rl_unit_of(sa, sp->a0 - 1)], sp->a0,
				              sb->ustart[rl_unit_of(sb, sp->b0 - 1)], sp->b0};
			}
			if (!rl_mv_all_free(tk, RL_OLD, u.a0, u.a1) ||
			    !rl_mv_all_free(tk, RL_NEW, u.b0, u.b1))
				break;
			bool ok;
			int rc = alike(c, &u, &ok);
			if (rc != RL_OK)
				return rc;
			if (!ok)
				break;
			if (!back)
				sp->a1 = u.a1, sp->b1 = u.b1;
			else
				sp->a0 = u.a0, sp->b0 = u.b0;
		}
	}
	return RL_OK;
}

/* ------------------------------------------------------------------ moved, or rewritten in place */

/* A candidate whose two halves lie within this many times their own words of each other is
 * also diffed in place (below); farther apart, the stretch between them is left alone. */
#define IN_PLACE_SPAN 3

/* The first op of a list (no moves yet: the ops advance on both sides) that ends after token t
 * of side s, and the last one that starts before t. */
size_t rl_mv_first_op_after(const rl_opvec *ops, int s, uint32_t t)
{
	size_t lo = 0, hi = ops->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (rl_hi(&ops->v[mid], s) <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t rl_mv_last_op_before(const rl_opvec *ops, int s, uint32_t t)
{
	size_t lo = 0, hi = ops->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (rl_lo(&ops->v[mid], s) < t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? lo - 1 : 0;
}

/* Words an equal op keeps outside a candidate's halves (it keeps them with or without it). */
static uint32_t kept_outside(const rl_ctx *c, const rl_op *op, const rl_span *sp)
{
	uint32_t n = 0;
	for (uint32_t i = op->a0; i < op->a1; i++) {
		uint32_t j = op->b0 + (i - op->a0);
		if ((i < sp->a0 || i >= sp->a1) && (j < sp->b0 || j >= sp->b1))
			n += rl_words(c, RL_OLD, i, i + 1);
	}
	return n;
}

/* The stretch of ops (no moves yet) from the first that a candidate's halves reach to the last:
 * *lo, *hi. Whether its halves stand in it close together, within IN_PLACE_SPAN times their own
 * words. */
static bool in_one_stretch(const rl_ctx *c, const rl_opvec *ops, const rl_span *sp, size_t *lo,
                           size_t *hi)
{
	size_t l = rl_mv_first_op_after(ops, RL_OLD, sp->a0);
	size_t lo_b = rl_mv_first_op_after(ops, RL_NEW, sp->b0);
	size_t h = rl_mv_last_op_before(ops, RL_OLD, sp->a1);
	size_t hi_b = rl_mv_last_op_before(ops, RL_NEW, sp->b1);
	*lo = l < lo_b ? l : lo_b;
	*hi = h > hi_b ? h : hi_b;
	if (*lo >= ops->n || *hi >= ops->n || *hi < *lo)
		return false;
	const rl_op *first = &ops->v[*lo], *last = &ops->v[*hi];
	uint64_t span = (uint64_t)rl_words(c, RL_OLD, first->a0, last->a1) +
	                rl_words(c, RL_NEW, first->b0, last->b1);
	uint64_t own = (uint64_t)rl_words(c, RL_OLD, sp->a0, sp->a1) +
	               rl_words(c, RL_NEW, sp->b0, sp->b1);
	return span <= IN_PLACE_SPAN * own;
}

/* The candidate's OLD prose words that the in-place reading v[0, n) keeps, when it keeps them only
 * in list items of NEW while the move lands on prose; else 0. NEW that says a sentence twice, as
 * prose and as the bullet after it, ties: the exact diff may pair the sentence with the bullet,
 * and the move with the prose copy keeps as many of its words. A bullet restating prose is weak
 * (shingle.c's prose_to_item), so there the prose copy wins the tie, weighed on the sentence's own
 * words: the stretch around it may keep a word more or less either way (a reworded bullet after it
 * shares "relations" with it). */
static uint32_t in_place_on_items(const rl_ctx *c, const rl_op *v, size_t n, const rl_span *sp)
{
	if (rl_mv_list_item(c, RL_OLD, sp->a0) || rl_mv_list_item(c, RL_NEW, sp->b0) ||
	    rl_mv_list_item(c, RL_NEW, sp->b1 - 1))
		return 0;
	uint32_t on_items = 0;
	for (size_t k = 0; k < n; k++) {
		const rl_op *op = &v[k];
		if (op->kind != RL_OP_EQUAL)
			continue;
		uint32_t lo = op->a0 > sp->a0 ? op->a0 : sp->a0, hi = op->a1 < sp->a1 ? op->a1 : sp->a1;
		for (uint32_t i = lo; i < hi; i++) {
			if (!rl_words(c, RL_OLD, i, i + 1))
				continue;
			if (!rl_mv_list_item(c, RL_NEW, op->b0 + (i - op->a0)))
				return 0;
			on_items++;
		}
	}
	return on_items;
}

/* A move is a passage that leaves its place. When its two halves stand in one stretch of the
 * ops (a verse rewritten where it stood, whose words the exact diff scattered), the exact diff
 * of that stretch is the other reading: if it keeps as many words as the move plus the equal
 * ops around it, nothing moved, unless it keeps the candidate's words on bullets and the move
 * keeps as many on prose (in_place_on_items). ops is the list before moves; eq the words the move
 * keeps. */
int rl_mv_moved_away(rl_ctx *c, const rl_opvec *ops, const rl_span *sp, uint32_t eq, bool *away)
{
	size_t lo, hi;
	*away = true;
	if (!in_one_stretch(c, ops, sp, &lo, &hi))
		return RL_OK;
	uint32_t ra0 = ops->v[lo].a0, ra1 = ops->v[hi].a1, rb0 = ops->v[lo].b0, rb1 = ops->v[hi].b1;
	uint32_t with_move = eq;
	for (size_t k = lo; k <= hi; k++)
		if (ops->v[k].kind == RL_OP_EQUAL)
			with_move += kept_outside(c, &ops->v[k], sp);
	rl_opvec d = {0};
	uint32_t in_place = 0;
	int rc = rl_ctx_exact(c, ra0, ra1, rb0, rb1, &d);
	for (size_t k = 0; rc == RL_OK && k < d.n; k++)
		if (d.v[k].kind == RL_OP_EQUAL)
			in_place += rl_op_words(c, &d.v[k], RL_OLD);
	/* Either in-place reading: the exact diff of the stretch, or the ops as they stand, whose
	 * cleanup may have kept the sentence on its bullet copy where the exact diff chose the prose
	 * copy (and keeps a word more there, so that the first is no tie). */
	uint32_t own = rc == RL_OK ? in_place_on_items(c, d.v, d.n, sp) : 0;
	if (rc == RL_OK && !own)
		own = in_place_on_items(c, ops->v + lo, hi + 1 - lo, sp);
	*away = in_place < with_move || (own && own <= eq);
	rl_opvec_free(&d);
	return rc;
}

/* An equal op inside a moved passage that is only a fragment, between two changes: punctuation
 * or a one-letter piece of a word (the "’s" of "the family’s" matched with that of
 * "Halloway’s" in a reworded sentence). Drawn as a moved piece on its own it splits the
 * passage's rewrite in two; it joins the changes around it instead. */
#define ISLAND_MAX_TOKENS 3

static bool fragment(const rl_ctx *c, const rl_op *op)
{
	if (op->kind != RL_OP_EQUAL || op->a1 - op->a0 > ISLAND_MAX_TOKENS)
		return false;
	for (uint32_t t = op->a0; t < op->a1; t++) {
		const rl_token *tk = &c->side[RL_OLD].tok[t];
		if (tk->cls == RL_TOK_WORD && tk->len > 1)
			return false;
	}
	return true;
}

/* Merge each fragment with the changes on both sides of it into one replace (the ops of a
 * refined stretch follow each other on both sides), and changes next to each other into one: the
 * words swapped one for one in a moved passage stand apart from their partners, and drawn one
 * bracket each ("[-He-] [-loudly-] [-positioned-]") the passage read as fragments. */
void rl_mv_dissolve_fragments(const rl_ctx *c, rl_opvec *v)
{
	size_t w = 0;
	for (size_t k = 0; k < v->n; k++) {
		rl_op *prev = w ? &v->v[w - 1] : NULL;
		if (prev && prev->kind != RL_OP_EQUAL && v->v[k].kind != RL_OP_EQUAL) {
			prev->a1 = v->v[k].a1;
			prev->b1 = v->v[k].b1;
			prev->kind = rl_change_kind(prev->a1 > prev->a0, prev->b1 > prev->b0);
			continue;
		}
		if (prev && prev->kind != RL_OP_EQUAL && k + 1 < v->n && fragment(c, &v->v[k]) &&
		    v->v[k + 1].kind != RL_OP_EQUAL) {
			prev->a1 = v->v[k + 1].a1;
			prev->b1 = v->v[k + 1].b1;
			prev->kind = RL_OP_REPLACE;
			k++;
			continue;
		}
		v->v[w++] = v->v[k];
	}
	v->n = w;
}

/* Does token t's unit start with a list marker? A bullet that keeps a third of a sentence word for
 * word is a summary line derived from it (provenance links it), not the sentence moved. */
bool rl_mv_list_item(const rl_ctx *c, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	bool unordered;
	return rl_list_marker(sd->tok, sd->text, sd->n, sd->ustart[rl_unit_of(sd, t)], &unordered) > 0;
}

/* A sentence at the edge of a moved passage that was reworded whole ("(See also windoid.)" ->
 * "(View likewise windoids.)") shares no word with its new wording, but stands in the same slot:
 * the unit next to the passage on both sides, inside its paragraph on both sides (a paragraph
 * start between them is another paragraph's), no list item on one side only, about as long
 * (at most SLOT_WORDS words, SLOT_RATIO times the other's) and with a content word each. One
 * such unit a side joins the passage. */
#define SLOT_WORDS 16
#define SLOT_RATIO 1.5

static bool same_slot(const rl_ctx *c, const rl_span *u, bool back)
{
	const rl_side *sa = &c->side[RL_OLD], *sb = &c->side[RL_NEW];
	/* The unit after the passage (or the passage, for the one before it) starts no paragraph. */
	uint32_t ta = back ? u->a1 : u->a0, tb = back ? u->b1 : u->b0;
	if ((sa->uflags[rl_unit_of(sa, ta)] & (RL_UNIT_PARA | RL_UNIT_LINE)) ||
	    (sb->uflags[rl_unit_of(sb, tb)] & (RL_UNIT_PARA | RL_UNIT_LINE)))
		return false;
	if (rl_mv_list_item(c, RL_OLD, u->a0) != rl_mv_list_item(c, RL_NEW, u->b0))
		return false;
	uint32_t wa = rl_words(c, RL_OLD, u->a0, u->a1), wb = rl_words(c, RL_NEW, u->b0, u->b1);
	if (wa == 0 || wb == 0 || wa > SLOT_WORDS || wb > SLOT_WORDS || wa > SLOT_RATIO * wb ||
	    wb > SLOT_RATIO * wa)
		return false;
	bool ca = false, cb = false;
	for (uint32_t t = u->a0; t < u->a1 && !ca; t++)
		ca = rl_is_content(c, RL_OLD, t);
	for (uint32_t t = u->b0; t < u->b1 && !cb; t++)
		cb = rl_is_content(c, RL_NEW, t);
	return ca && cb;
}

/* Insert the ops of d into moved before index pos. */
int rl_mv_insert_ops(rl_opvec *moved, size_t pos, const rl_opvec *d)
{
	size_t at = moved->n;
	if (d->n == 0)
		return RL_OK;
	if (rl_opvec_append(moved, d->v, d->n) != RL_OK)
		return RL_ENOMEM;
	memmove(moved->v + pos + d->n, moved->v + pos, (at - pos) * sizeof *moved->v);
	memcpy(moved->v + pos, d->v, d->n * sizeof *moved->v);
	return RL_OK;
}



int rl_mv_accepted_push(accepts *l, const rl_span *sp, size_t first, size_t count)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		accepted *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return RL_ENOMEM;
		l->v = v, l->cap = cap;
	}
	l->v[l->n++] = (accepted){*sp, first, count};
	return RL_OK;
}

/* Join the units in the same slot next to an accepted move to it, on each side where there is one
 * and it is free on both sides (once every move is found: a unit taken early was a passage of
 * its own). */
static int add_slots(rl_ctx *c, taken *tk, accepted *m, rl_opvec *moved)
{
	const rl_side *sa = &c->side[RL_OLD], *sb = &c->side[RL_NEW];
	rl_span *sp = &m->sp;
	uint32_t id = moved->v[m->first].move;
	for (int back = 0; back < 2; back++) {
		rl_span u;
		if (!back) {
			if (sp->a1 >= sa->n || sp->b1 >= sb->n || !unit_edge(c, RL_OLD, sp->a1) ||
			    !unit_edge(c, RL_NEW, sp->b1))
				continue;
			u = (rl_span){sp->a1, sa->ustart[rl_unit_of(sa, sp->a1) + 1], sp->b1,
			              sb->ustart[rl_unit_of(sb, sp->b1) + 1]};
		} else {
			if (sp->a0 == 0 || sp->b0 == 0 || !unit_edge(c, RL_OLD, sp->a0) ||
			    !unit_edge(c, RL_NEW, sp->b0))
				continue;
			u = (rl_span){sa->ustart[rl_unit_of(sa, sp->a0 - 1)], sp->a0,
			              sb->ustart[rl_unit_of(sb, sp->b0 - 1)], sp->b0};
		}
		if (!rl_mv_all_free(tk, RL_OLD, u.a0, u.a1) ||
		    !rl_mv_all_free(tk, RL_NEW, u.b0, u.b1) || !same_slot(c, &u, back))
			continue;
		rl_opvec d = {0};
		int rc = rl_ctx_refine(c, u.a0, u.a1, u.b0, u.b1, &d);
		for (size_t k = 0; k < d.n; k++) {
			d.v[k].move = id;
			if (d.v[k].kind == RL_OP_EQUAL)
				d.v[k].kind = RL_OP_MOVE;
		}
		if (rc == RL_OK)
			rc = rl_mv_insert_ops(moved, back ? m->first : m->first + m->count, &d);
		m->count += d.n;
		rl_opvec_free(&d);
		if (rc != RL_OK)
			return rc;
		memset(tk->free_tok[RL_OLD] + u.a0, 0, u.a1 - u.a0);
		memset(tk->free_tok[RL_NEW] + u.b0, 0, u.b1 - u.b0);
		memset(tk->moved[RL_OLD] + u.a0, 1, u.a1 - u.a0);
		memset(tk->moved[RL_NEW] + u.b0, 1, u.b1 - u.b0);
		if (!back)
			sp->a1 = u.a1, sp->b1 = u.b1;
		else
			sp->a0 = u.a0, sp->b0 = u.b0;
	}
	return RL_OK;
}


/* The narrow pass tries no candidate that widens past this many tokens on a side: its hits are
 * common enough that in a text of one huge sentence (a 10 MB line against a page) every one
 * widened to the whole line and was diffed there (12 s instead of 0.8). A paragraph that long
 * keeps runs of three words for the first pass. */
#define NARROW_MAX_TOKENS 1000

/* The narrow pass proposes every chain, even one hit of two words: a one-sentence paragraph
 * moved at a swap rate of 0.4 keeps mostly function words ("if the", "is not a", "as it is"),
 * whose runs make no shingle, and a single shared pair ("OP is") is all that places it. Widened
 * to its units and verified like any candidate (six words matched, whole units, not in place),
 * it moves; a stray pair verifies as nothing. */
#define NARROW_MIN_WORDS RL_SHINGLE_NARROW

/* Tokens of the unit that token t of side s is in. */
static uint32_t unit_tokens(const rl_ctx *c, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	return sd->ustart[rl_unit_of(sd, t) + 1] - sd->ustart[rl_unit_of(sd, t)];
}

/* Candidates that only the long-run share would make moves, for a last pass. */
typedef struct spans {
	rl_span *v;
	size_t n, cap;
} spans;

static int spans_push(spans *l, const rl_span *sp)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		rl_span *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return RL_ENOMEM;
		l->v = v, l->cap = cap;
	}
	l->v[l->n++] = *sp;
	return RL_OK;
}

/* Try the candidates, largest first; the accepted ones take their tokens. max_tokens (0: no
 * limit) skips a candidate wider than that once widened. With later, the ones only the long-run
 * share would accept go there; without it (the last pass), that share applies. */
static int accept_moves(rl_ctx *c, const rl_opvec *ops, const rl_span *cand, size_t n, taken *tk,
                        uint32_t max_tokens, rl_opvec *moved, spans *later, accepts *acc)
{
	for (size_t k = 0; k < n && c->rediffed < tk->tries_end; k++) {
		rl_span sp = cand[k];
		size_t lo, hi;
		bool thin = rl_words(c, RL_OLD, sp.a0, sp.a1) < RL_MOVE_MIN_WORDS;
		/* (Nor, with a bound, in a unit longer than it: the narrow pass proposes every pair of
		 * words a 10 MB line shares with a page, and widening each alone walked the line.) */
		if (max_tokens && (unit_tokens(c, RL_OLD, sp.a0) > max_tokens ||
		                   unit_tokens(c, RL_NEW, sp.b0) > max_tokens))
			continue;
		trim(c, tk, &sp);
		if (sp.a1 <= sp.a0 || sp.b1 <= sp.b0 || !rl_mv_all_free(tk, RL_OLD, sp.a0, sp.a1) ||
		    !rl_mv_all_free(tk, RL_NEW, sp.b0, sp.b1))
			continue;
		rl_span hit = sp;
		widen_run(c, tk, &sp);
		if (thin && !(unit_edge(c, RL_OLD, sp.a0) && unit_edge(c, RL_OLD, sp.a1) &&
		              unit_edge(c, RL_NEW, sp.b0) && unit_edge(c, RL_NEW, sp.b1)))
			soften(c, &hit, &sp);
		if (max_tokens && (sp.a1 - sp.a0 > max_tokens || sp.b1 - sp.b0 > max_tokens))
			continue;
		/* A chain too thin for a passage (one hit of the narrow pass) is tried only as whole
		 * units that nothing matched in place (widened to their edges through free tokens on
		 * both sides), far from each other: a thin hit inside a sentence rewritten in place
		 * (every verse of a modern translation has a few) is no move, and verifying each one
		 * tripled the stage's time on Luke. */
		int rc = RL_OK;
		if (thin) {
			bool same = word_edge(c, RL_OLD, sp.a0, false) && word_edge(c, RL_OLD, sp.a1, true) &&
			            word_edge(c, RL_NEW, sp.b0, false) && word_edge(c, RL_NEW, sp.b1, true);
			if (same && in_one_stretch(c, ops, &sp, &lo, &hi) &&
			    (rc = rl_mv_same_sentences(c, tk->heads, &sp, &same)) != RL_OK)
				return rc;
			if (!same)
				continue;
		}
		rc = grow(c, tk, &sp);
		if (rc != RL_OK)
			return rc;
		bool ok = false, again = false;
		size_t first = moved->n;
		rl_span wide = sp;
		uint32_t lost = 0, base = 0;
		/* (Not where the two places stand close together: a sentence rewritten in place,
		 * which is all the candidates of a modern translation against an old one.) */
		if (rl_mv_reach(c, tk, ops, &wide, &lost) && !in_one_stretch(c, ops, &wide, &lo, &hi)) {
			/* ...and more than either side of it kept in place: a sentence that the exact
			 * diff kept where it stood is not made whole by reaching into it. */
			uint32_t ka = rl_mv_kept_in(c, ops, RL_OLD, wide.a0, wide.a1);
			uint32_t kb = rl_mv_kept_in(c, ops, RL_NEW, wide.b0, wide.b1);
			uint32_t keep = (ka > kb ? ka : kb) + 1;
			if ((rc = rl_mv_matched(c, &sp, &base)) != RL_OK)
				return rc;
			base += lost + (lost > 0);
			if ((rc = rl_mv_verify(c, tk->heads, ops, &wide, base > keep ? base : keep, !later, moved, &ok,
			                 &again, NULL, NULL)) != RL_OK)
				return rc;
			if (ok)
				sp = wide;
		}
		bool retry = false;
		rl_span tight;
		if (!ok && (rc = rl_mv_verify(c, tk->heads, ops, &sp, 0, !later, moved, &ok, &again, &tight,
		                        &retry)) != RL_OK)
			return rc;
		if (retry && (rc = rl_mv_verify(c, tk->heads, ops, &tight, 0, !later, moved, &ok, &again, NULL,
		                          NULL)) != RL_OK)
			return rc;
		if (retry && ok)
			sp = tight;
		if (ok && (rc = rl_mv_kept_in_place(c, ops, &sp, &ok)) != RL_OK)
			return rc;
		if (!ok && moved->n > first) {  /* (verified, then given up: its ops and its id) */
			moved->n = first;
			c->next_move--;
		}
		if (!ok && again && later && (rc = spans_push(later, &cand[k])) != RL_OK)
			return rc;
		if (!ok)
			continue;
		if (acc && (rc = rl_mv_accepted_push(acc, &sp, first, moved->n - first)) != RL_OK)
			return rc;
		memset(tk->free_tok[RL_OLD] + sp.a0, 0, sp.a1 - sp.a0);
		memset(tk->free_tok[RL_NEW] + sp.b0, 0, sp.b1 - sp.b0);
		memset(tk->moved[RL_OLD] + sp.a0, 1, sp.a1 - sp.a0);
		memset(tk->moved[RL_NEW] + sp.b0, 1, sp.b1 - sp.b0);
	}
	return RL_OK;
}

/* ------------------------------------------------------------------ copies of a moved passage */


static int moves_in(rl_ctx *c, rl_opvec *ops);

int rl_moves(rl_ctx *c, rl_opvec *ops)
{
	/* Equal ops cut at unit starts: the stop that ends a moved paragraph, matched by the exact
	 * diff with the stop of whatever took its place, is then an island a move can take back. */
	rl_opvec split = rl_ctx_scratch(c, ops->n);
	int rc = rl_split_equals(c, ops, &split);
	if (rc == RL_OK) {
		rl_opvec_swap(ops, &split);
		rl_ctx_recycle(c, &split);
		rc = moves_in(c, ops);
	} else {
		rl_ctx_recycle(c, &split);
	}
	return rc;
}

static int moves_in(rl_ctx *c, rl_opvec *ops)
{
	rl_span *cand = NULL;
	size_t ncand = 0;
	heads hd = RL_MV_HEADS_INIT;
	taken tk = {{NULL, NULL}, {NULL, NULL}, &hd,
	            rl_ctx_tries_end(c, RL_MV_TRIES_PER_TOKEN, RL_MV_TRIES_MIN)};
	spans later = {0};
	accepts acc = {0};
	rl_opvec moved = {0}, out = {0}, carved = {0};
	uint8_t *orphan = NULL, *cut = NULL;
	int rc;

	if ((rc = rl_orphan_ops(c, ops, &orphan)) != RL_OK ||
	    (rc = rl_move_candidates(c, ops, orphan, RL_MOVE_MIN_WORDS, &cand, &ncand)) != RL_OK)
		goto out;
	if ((rc = rl_mv_flags_alloc(c, &tk)) != RL_OK)
		goto out;
	for (size_t k = 0; k < ops->n; k++)
		for (int s = 0; s < 2; s++)
			if (orphan[k] && (s == RL_OLD || orphan[k] != RL_ORPHAN_OLD))
				memset(tk.free_tok[s] + rl_lo(&ops->v[k], s), 1,
				       rl_hi(&ops->v[k], s) - rl_lo(&ops->v[k], s));
	if ((rc = accept_moves(c, ops, cand, ncand, &tk, 0, &moved, &later, &acc)) != RL_OK)
		goto out;
	/* A second pass with two-word shingles over the orphans no move took: a paragraph moved
	 * with half its words swapped keeps few runs of three shared words, but runs of two ("the
	 * ferry", "for the"). Narrow shingles recur more, so they only look where the first pass
	 * left nothing: run first, they chained moved paragraphs into their neighbours. */
	free(cand);
	cand = NULL;
	if ((rc = rl_move_candidates_in(c, ops, orphan, (const uint8_t *const *)tk.free_tok,
	                                RL_SHINGLE_NARROW, true, NARROW_MIN_WORDS, &cand, &ncand)) !=
	        RL_OK ||
	    (ncand && (rc = accept_moves(c, ops, cand, ncand, &tk, NARROW_MAX_TOKENS, &moved,
	                                 &later, &acc)) != RL_OK) ||
	    (later.n && (rc = accept_moves(c, ops, later.v, later.n, &tk, 0, &moved, NULL, &acc)) != RL_OK) ||
	    (rc = rl_mv_accept_lines(c, ops, &tk, &moved, &acc)) != RL_OK || moved.n == 0)
		goto out;
	rl_mv_heads_free(&hd);  /* (the candidates are all tried) */
	/* Each step writes a new list and gives the one it read back to the context, so that the
	 * next step reuses its memory: on a densely rewritten text (an op per four tokens) a list
	 * is most of the memory, and four at once were a third of the peak. */
	if ((rc = rl_mv_swap_copies(c, ops, &tk, &acc, &moved)) != RL_OK)
		goto out;
	for (size_t k = acc.n; k-- > 0;)
		if (acc.v[k].count && (rc = add_slots(c, &tk, &acc.v[k], &moved)) != RL_OK)
			goto out;
	carved = rl_ctx_scratch(c, ops->n);
	if ((rc = rl_mv_carve(ops, &tk, &carved, &cut)) != RL_OK)
		goto out;
	rl_opvec_swap(ops, &carved);
	rl_ctx_recycle(c, &carved);
	out = rl_ctx_scratch(c, ops->n);
	if ((rc = rl_mv_realign_cut(c, ops, cut, &tk, &out)) != RL_OK)
		goto out;
	rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	if ((rc = rl_merge_moves(c, ops, &moved)) != RL_OK)
		goto out;
	if ((rc = rl_order_ops(c, ops)) == RL_OK)
		rl_mv_swap_crossed(c, ops);
out:
	free(cand);
	free(later.v);
	free(acc.v);
	rl_mv_flags_free(c, &tk);
	free(orphan);
	free(cut);
	rl_mv_heads_free(&hd);
	rl_ctx_recycle(c, &carved);
	rl_opvec_free(&moved);
	rl_ctx_recycle(c, &out);
	return rc;
}
