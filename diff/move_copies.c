/* move_copies.c: a move tried against the near-identical copies around its OLD place
 * (move_stage.h). */
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "move_stage.h"
#include "refine.h"
#include "status.h"
#include "stems.h"

/* A list of near-identical paragraphs ("If this is set to a non-empty string it is equivalent to
 * specifying the -u option.", then -v, -d ...) of which one moved: the exact diff may pair the
 * moved one in place with its neighbour's new wording (at equal cost: the copy's words match as
 * well), which orphans the neighbour, and the move stage then takes the neighbour to the moved
 * paragraph's new place (and what the neighbour faced to a passage of its own elsewhere). Once
 * every move is found, each is tried against the copies around its OLD place (groups of as many
 * units as it has, on each side, as far as the list of copies goes: COPY_REACH groups past the
 * last copy seen, at most COPY_LIST): the copy that matches the move's NEW place best takes it,
 * its words compared by stems (a template's copies differ in one word, which the rewording
 * inflects: "unsigned char" against "unsigned chars"), then letter for letter, ties to the
 * nearest; and the move's OLD words go back in place, when that matches no fewer words, moved
 * and in place counted together (the moves that took NEW words of that stretch, at most
 * COPY_DROP, are given up for it). Where the exact diff went on pairing each copy with the next
 * one's wording past the copy taken, to a copy it deleted there, the stretch reaches that far
 * (far_side). */
#define COPY_REACH 3
#define COPY_LIST 64
#define COPY_DROP 2
/* A group is one of the list's copies when it shares with the move's NEW place, by stems, at
 * least this share of the words the move's own OLD words match there (the shared stems, not
 * their diff: a list of a thousand copies is walked without diffing each). */
#define COPY_SHARE 0.75
/* Of a replace op, at most this many OLD words are compared by stems. */
#define STEM_SIDE 32

/* How well OLD words match a NEW place: words equal letter for letter, and those with words
 * that share a stem only ("chars" for "char") added; and the same with whole stems, which tell
 * apart the names that share their first seven bytes (rl_stem_hash_whole). */
typedef struct match {
	uint32_t eq, stem, whole;
} match;

/* Is a better than b: more words by stems, then by whole stems, then letter for letter? The
 * whole stems only break the ties of the stems: a template's copies that differ in
 * "MutableSet" and "MutableMapping" match "Mutablesets" alike by their first seven bytes. */
static bool match_better(match a, match b)
{
	if (a.stem != b.stem)
		return a.stem > b.stem;
	return a.whole != b.whole ? a.whole > b.whole : a.eq > b.eq;
}

typedef uint32_t (*stem_fn)(const char *text, const rl_token *tk);

/* Words of a replace op's two sides that share a stem by hash, each word paired once. */
static uint32_t stem_pairs(const rl_ctx *c, const rl_op *op, stem_fn hash)
{
	const rl_side *so = &c->side[RL_OLD], *sn = &c->side[RL_NEW];
	uint32_t h[STEM_SIDE], n = 0, got = 0;
	for (uint32_t t = op->a0; t < op->a1 && n < STEM_SIDE; t++)
		if (rl_words(c, RL_OLD, t, t + 1))
			h[n++] = hash(so->text, &so->tok[t]);
	for (uint32_t t = op->b0; t < op->b1 && n; t++) {
		if (!rl_words(c, RL_NEW, t, t + 1))
			continue;
		uint32_t x = hash(sn->text, &sn->tok[t]);
		for (uint32_t k = 0; k < n; k++)
			if (h[k] == x) {
				h[k] = h[--n];
				got++;
				break;
			}
	}
	return got;
}

/* How well OLD [sp.a0, sp.a1) matches NEW [sp.b0, sp.b1): their exact diff's equal words, and
 * with the words its replaces pair by stems. */
static int stem_match(rl_ctx *c, const rl_span *sp, match *m)
{
	rl_opvec d = {0};
	int rc = rl_ctx_refine(c, sp->a0, sp->a1, sp->b0, sp->b1, &d);
	m->eq = m->stem = m->whole = 0;
	for (size_t k = 0; rc == RL_OK && k < d.n; k++)
		if (d.v[k].kind == RL_OP_EQUAL) {
			m->eq += rl_op_words(c, &d.v[k], RL_OLD);
		} else if (d.v[k].kind == RL_OP_REPLACE) {
			m->stem += stem_pairs(c, &d.v[k], rl_stem_hash);
			m->whole += stem_pairs(c, &d.v[k], rl_stem_hash_whole);
		}
	m->stem += m->eq;
	m->whole += m->eq;
	rl_opvec_free(&d);
	return rc;
}

/* The stems of a stretch's words, sorted: a bound on how well two stretches can match (each word
 * of one paired with a word of the other that shares its stem, at most once), cheaper than their
 * diff, which only a copy that may beat the best one so far needs. */
typedef struct stem_bag {
	uint32_t *v;
	size_t n, cap;
} stem_bag;

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return (a > b) - (a < b);
}

/* The stems of side s's words in tokens [lo, hi) into b, sorted. RL_ENOMEM. */
static int bag_fill(const rl_ctx *c, int s, uint32_t lo, uint32_t hi, stem_bag *b)
{
	const rl_side *sd = &c->side[s];
	size_t want = rl_words(c, s, lo, hi);
	if (want > b->cap) {
		uint32_t *v = realloc(b->v, want * sizeof *v);
		if (!v)
			return RL_ENOMEM;
		b->v = v, b->cap = want;
	}
	b->n = 0;
	for (uint32_t t = lo; t < hi && b->n < want; t++)
		if (rl_words(c, s, t, t + 1))
			b->v[b->n++] = rl_stem_hash(sd->text, &sd->tok[t]);
	if (b->n > 1)  /* an empty bag may have no array yet: qsort's is declared non-null */
		qsort(b->v, b->n, sizeof *b->v, cmp_u32);
	return RL_OK;
}

/* Stems two bags share, each as often as both hold it. */
static uint32_t bag_shared(const stem_bag *a, const stem_bag *b)
{
	uint32_t n = 0;
	for (size_t i = 0, j = 0; i < a->n && j < b->n;)
		if (a->v[i] < b->v[j])
			i++;
		else if (a->v[i] > b->v[j])
			j++;
		else
			n++, i++, j++;
	return n;
}

/* A move weighed against its copies: how well its own OLD words match its NEW place, how well a
 * copy must match it to be weighed further (the move's own words, or the best copy so far: the
 * stretch to a far copy is long to diff again), the stems of that place, and room for a group's. */
typedef struct walk {
	match own, bar;
	stem_bag place, group;
} walk;

/* Words of the equal ops in OLD tokens [lo, hi) whose tokens no move took (ops: no moves yet;
 * an equal op pairs its tokens one to one). */
static uint32_t kept_free(const rl_ctx *c, const rl_opvec *ops, const taken *tk, uint32_t lo,
                          uint32_t hi)
{
	uint32_t n = 0;
	size_t k0 = rl_mv_first_op_after(ops, RL_OLD, lo);
	for (size_t k = k0; k < ops->n && ops->v[k].a0 < hi; k++) {
		const rl_op *op = &ops->v[k];
		if (op->kind != RL_OP_EQUAL)
			continue;
		for (uint32_t i = op->a0 > lo ? op->a0 : lo; i < op->a1 && i < hi; i++)
			if (!tk->moved[RL_OLD][i] && !tk->moved[RL_NEW][op->b0 + (i - op->a0)])
				n += rl_words(c, RL_OLD, i, i + 1);
	}
	return n;
}

/* Words of the equal ops of a list. */
static uint32_t equal_words(const rl_ctx *c, const rl_opvec *d)
{
	uint32_t n = 0;
	for (size_t k = 0; k < d->n; k++)
		if (d->v[k].kind == RL_OP_EQUAL)
			n += rl_op_words(c, &d->v[k], RL_OLD);
	return n;
}

/* A copy weighed: how well it matches the move's NEW place, the stretch of ops it stands in (ops
 * k0 to k1), the moves it gives up, the stretch diffed again without the copy, and whether the
 * exchange is worth it (it matches no fewer words letter for letter, and more with the stems). */
typedef struct copy_try {
	bool copy;  /* one of the list's copies */
	match m;
	size_t k0, k1;
	size_t drop[COPY_DROP], ndrop;
	rl_opvec alt;
	bool gain;
} copy_try;

/* The accepted moves by their NEW places, for move_at: looking through every move for each NEW
 * token moved made this step quadratic in moves (6,400 short sentences moved to other paragraphs:
 * 37 % of the instructions). The NEW places do not change while copies are tried, and a move
 * given up (count 0) stays listed; so when the places of the moves live as the index is made do
 * not overlap, the one that starts last at or before a token is the only one that can hold it.
 * Else (places that overlap, or more moves than 32 bits count) every move is looked at. */
typedef struct by_new {
	uint64_t *v;  /* sp.b0 << 32 | index of a live move, ascending */
	size_t n;
	bool all;     /* look at every move */
} by_new;

static int by_new_build(const accepts *acc, by_new *ix)
{
	ix->n = 0;
	if ((ix->all = acc->n > UINT32_MAX))
		return RL_OK;
	if (!(ix->v = malloc((acc->n + 1) * sizeof *ix->v)))
		return RL_ENOMEM;
	for (size_t j = 0; j < acc->n; j++)
		if (acc->v[j].count)
			ix->v[ix->n++] = (uint64_t)acc->v[j].sp.b0 << 32 | j;
	qsort(ix->v, ix->n, sizeof *ix->v, rl_cmp_u64);
	for (size_t k = 1; k < ix->n && !ix->all; k++)
		ix->all = acc->v[(uint32_t)ix->v[k - 1]].sp.b1 > (ix->v[k] >> 32);
	return RL_OK;
}

/* The accepted move other than m that took NEW token t, or acc->n. */
static size_t move_at(const accepts *acc, const by_new *ix, size_t m, uint32_t t)
{
	if (ix->all) {
		for (size_t j = 0; j < acc->n; j++)
			if (j != m && acc->v[j].count && acc->v[j].sp.b0 <= t && t < acc->v[j].sp.b1)
				return j;
		return acc->n;
	}
	uint64_t key = (uint64_t)t << 32 | UINT32_MAX;
	size_t lo = 0, hi = ix->n;
	while (lo < hi) {  /* the first entry past t */
		size_t mid = lo + (hi - lo) / 2;
		if (ix->v[mid] <= key)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return acc->n;
	size_t j = (uint32_t)ix->v[lo - 1];
	return j != m && acc->v[j].count && t < acc->v[j].sp.b1 ? j : acc->n;
}

/* Is move j listed in ct->drop? */
static bool dropped(const copy_try *ct, size_t j)
{
	for (size_t k = 0; k < ct->ndrop; k++)
		if (ct->drop[k] == j)
			return true;
	return false;
}

/* The moves that took NEW words of the stretch listed in ct->drop (at most COPY_DROP, each with
 * its NEW place inside the stretch, widened to its end on the copy's far side). Whether they
 * could be. */
static bool drops_in(const rl_opvec *ops, const taken *tk, const accepts *acc, const by_new *ix,
                     size_t m, bool before, copy_try *ct)
{
	for (uint32_t t = ops->v[ct->k0].b0; t < ops->v[ct->k1].b1; t++) {
		if (!tk->moved[RL_NEW][t])
			continue;
		size_t j = move_at(acc, ix, m, t);
		if (j == acc->n || acc->v[j].sp.b0 < ops->v[ct->k0].b0)
			return false;
		if (!dropped(ct, j)) {
			if (ct->ndrop == COPY_DROP)
				return false;
			ct->drop[ct->ndrop++] = j;
		}
		if (acc->v[j].sp.b1 > ops->v[ct->k1].b1) {
			size_t l = rl_mv_last_op_before(ops, RL_NEW, acc->v[j].sp.b1);
			if (!before || ops->v[l].b1 != acc->v[j].sp.b1)
				return false;  /* (the stretch ends at that move's end) */
			ct->k1 = l;
		}
		t = acc->v[j].sp.b1 - 1;
	}
	return true;
}

/* Widen the stretch in OLD over the OLD place of a move given up that lies past its end on the
 * move's side: the next copy down a list, which that move took where the exact diff shifted the
 * list by one ("unsigned int" kept with "unsigned long" and "unsigned long" moved to "unsigned
 * int"), goes back in place with the rest. Whether it widened. */
static bool widen_over_drops(const rl_opvec *ops, const accepts *acc, bool before, copy_try *ct)
{
	bool wider = false;
	for (size_t k = 0; k < ct->ndrop; k++) {
		const rl_span *d = &acc->v[ct->drop[k]].sp;
		if (before && d->a1 > ops->v[ct->k1].a1) {
			ct->k1 = rl_mv_last_op_before(ops, RL_OLD, d->a1);
			wider = true;
		} else if (!before && d->a0 < ops->v[ct->k0].a0) {
			ct->k0 = rl_mv_first_op_after(ops, RL_OLD, d->a0);
			wider = true;
		}
	}
	return wider;
}

/* The stretch of ops from copy [u0, u1) to move m's OLD place, widened over the NEW places of the
 * moves that took NEW words in it (listed in ct->drop) and over their OLD places. Whether it can
 * be tried: the copy at one edge of it, and no other move's OLD words in it. */
static bool copy_stretch(const rl_opvec *ops, const taken *tk, const accepts *acc,
                         const by_new *ix, size_t m, uint32_t u0, uint32_t u1, copy_try *ct)
{
	const rl_span *sp = &acc->v[m].sp;
	bool before = u1 <= sp->a0;
	ct->ndrop = 0;
	ct->k0 = rl_mv_first_op_after(ops, RL_OLD, before ? u0 : sp->a0);
	ct->k1 = rl_mv_last_op_before(ops, RL_OLD, before ? sp->a1 : u1);
	if (ct->k0 >= ops->n || ct->k1 < ct->k0 ||
	    (before ? ops->v[ct->k0].a0 != u0 : ops->v[ct->k1].a1 != u1))
		return false;
	do {
		if (!drops_in(ops, tk, acc, ix, m, before, ct))
			return false;
	} while (widen_over_drops(ops, acc, before, ct));
	uint32_t ra0 = ops->v[ct->k0].a0, ra1 = ops->v[ct->k1].a1;
	for (uint32_t t = ra0; t < ra1; t++)
		if (tk->moved[RL_OLD][t] && (t < sp->a0 || t >= sp->a1)) {
			size_t k = 0;
			while (k < ct->ndrop && (t < acc->v[ct->drop[k]].sp.a0 || t >= acc->v[ct->drop[k]].sp.a1))
				k++;
			if (k == ct->ndrop)
				return false;
			t = acc->v[ct->drop[k]].sp.a1 - 1;
		}
	return true;
}

/* Does an equal op of d pair words with a list item of NEW? */
static bool pairs_items(const rl_ctx *c, const rl_opvec *d)
{
	for (size_t k = 0; k < d->n; k++) {
		const rl_op *op = &d->v[k];
		if (op->kind != RL_OP_EQUAL)
			continue;
		for (uint32_t t = op->b0; t < op->b1; t++)
			if (rl_words(c, RL_NEW, t, t + 1) && rl_mv_list_item(c, RL_NEW, t))
				return true;
	}
	return false;
}

/* Does side s hold a list item in tokens [lo, hi)? A bullet that restates one of the copies is
 * derived from it (provenance's), and diffed again in place it would pair with it. */
static bool items_in(const rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	const rl_side *sd = &c->side[s];
	for (uint32_t t = lo; t < hi; t = sd->ustart[rl_unit_of(sd, t) + 1])
		if (rl_mv_list_item(c, s, t))
			return true;
	return false;
}

/* The delete op that ends the list's shift on the copy's far side (past ops k1 when the copy
 * comes after the move's OLD place, else before ops k0), or ops->n: the ops between are pairs
 * (equal or replace) of no move's tokens, and no more of them than the copy has tokens, COPY_REACH
 * times over. The exact diff that deleted one copy of a list where another moved away paired each
 * copy between the two with its neighbour's wording ("MutableSet" kept with "Sequences",
 * "Sequence" with "ValuesViews", "ValuesView" deleted): the copy taken by the move, its partner
 * goes on down the list to that deletion. */
static size_t far_delete(const rl_opvec *ops, const taken *tk, const copy_try *ct, bool before,
                         uint32_t span)
{
	uint32_t reach = 0;
	size_t n = before ? ct->k0 : ops->n - ct->k1 - 1;
	for (size_t i = 0; i < n; i++) {
		size_t k = before ? ct->k0 - 1 - i : ct->k1 + 1 + i;
		const rl_op *op = &ops->v[k];
		if (op->kind == RL_OP_DELETE && !rl_mv_any_moved(tk, RL_OLD, op->a0, op->a1))
			return k;
		reach += op->a1 - op->a0;
		if ((op->kind != RL_OP_EQUAL && op->kind != RL_OP_REPLACE) || reach > COPY_REACH * span ||
		    rl_mv_any_moved(tk, RL_OLD, op->a0, op->a1) || rl_mv_any_moved(tk, RL_NEW, op->b0, op->b1))
			return ops->n;
	}
	return ops->n;
}

/* The NEW token that faces OLD token t in the ops (the end of a replace or deletion, within an
 * equal op the token it pairs with). */
static uint32_t facing(const rl_opvec *ops, uint32_t t)
{
	size_t k = rl_mv_first_op_after(ops, RL_OLD, t);
	if (k >= ops->n)
		return ops->n ? ops->v[ops->n - 1].b1 : 0;
	const rl_op *op = &ops->v[k];
	if (op->kind == RL_OP_EQUAL && op->a0 <= t)
		return op->b0 + (t - op->a0);
	return op->a0 >= t ? op->b0 : op->b1;
}

/* The stretch's two sides diffed apart at the copy, the copy's deletion between them: OLD
 * [a0, u0) against NEW [b0, pb), OLD [u1, a1) against NEW [pb, b1), into out. */
static int realign_around(rl_ctx *c, uint32_t a0, uint32_t u0, uint32_t u1, uint32_t a1,
                          uint32_t b0, uint32_t pb, uint32_t b1, rl_opvec *out)
{
	rl_op gone = {u0, u1, pb, pb, 0, RL_OP_DELETE, 0};
	int rc = rl_mv_realign_run(c, a0, u0, b0, pb, out);
	if (rc == RL_OK)
		rc = rl_opvec_push(out, &gone);
	return rc == RL_OK ? rl_mv_realign_run(c, u1, a1, pb, b1, out) : rc;
}

/* The copy's stretch widened to its far side's deletion (far_delete) and diffed apart at the
 * copy, the copy's partner with the far side: taken instead when it keeps more words than ct's
 * stretch. */
static int far_side(rl_ctx *c, const rl_opvec *ops, const taken *tk, uint32_t u0, uint32_t u1,
                    bool before, int64_t base, int64_t *gain, copy_try *ct)
{
	size_t kf = far_delete(ops, tk, ct, before, u1 - u0);
	if (kf == ops->n || items_in(c, RL_OLD, ops->v[kf].a0, ops->v[kf].a1))
		return RL_OK;
	size_t k0 = before ? kf : ct->k0, k1 = before ? ct->k1 : kf;
	uint32_t a0 = ops->v[k0].a0, a1 = ops->v[k1].a1, b0 = ops->v[k0].b0, b1 = ops->v[k1].b1;
	uint32_t pb = facing(ops, before ? u1 : u0);
	if (pb < b0 || pb > b1)
		return RL_OK;
	rl_opvec far = {0};
	int rc = realign_around(c, a0, u0, u1, a1, b0, pb, b1, &far);
	int64_t g = (int64_t)equal_words(c, &far) + base - kept_free(c, ops, tk, a0, a1);
	if (rc == RL_OK && g > *gain && !pairs_items(c, &far)) {
		rl_opvec t = ct->alt;
		ct->alt = far, far = t;
		ct->k0 = k0, ct->k1 = k1;
		*gain = g;
	}
	rl_opvec_free(&far);
	return rc;
}

/* One copy tried: OLD units [u0, u1) move to move m's NEW place instead of its OLD words, when
 * it matches better than w->bar (ct->m, computed first). ct->gain: false when it cannot be tried
 * or gains nothing. */
static int copy_gain(rl_ctx *c, const rl_opvec *ops, const taken *tk, const accepts *acc,
                     const by_new *ix, size_t m, uint32_t u0, uint32_t u1, walk *w, copy_try *ct)
{
	const rl_span *sp = &acc->v[m].sp;
	match own = w->own;
	ct->gain = false;
	ct->alt.n = 0;
	int rc = bag_fill(c, RL_OLD, u0, u1, &w->group);
	uint32_t bound = rc == RL_OK ? bag_shared(&w->group, &w->place) : 0;
	ct->copy = bound >= COPY_SHARE * own.stem;
	/* Strictly better: a copy that matches the NEW place only as well as the move's own words
	 * has nothing of its own there ("during decoding" and "during translating" against "during
	 * encoding"), and taking it trades one guess for another. */
	if (rc != RL_OK || !ct->copy || bound < w->bar.stem || rl_mv_any_moved(tk, RL_OLD, u0, u1) ||
	    2 * kept_free(c, ops, tk, u0, u1) < rl_words(c, RL_OLD, u0, u1))
		return rc;  /* (no copy, or one kept in place only in part) */
	if ((rc = stem_match(c, &(rl_span){u0, u1, sp->b0, sp->b1}, &ct->m)) != RL_OK ||
	    !match_better(ct->m, w->bar) || !copy_stretch(ops, tk, acc, ix, m, u0, u1, ct) ||
	    items_in(c, RL_OLD, ops->v[ct->k0].a0, ops->v[ct->k1].a1))
		return rc;  /* (no better, or no stretch to diff again: other moves' words, a list) */
	uint32_t drop_eq = 0, eq;
	for (size_t k = 0; k < ct->ndrop; k++) {
		if ((rc = rl_mv_matched(c, &acc->v[ct->drop[k]].sp, &eq)) != RL_OK)
			return rc;
		drop_eq += eq;
	}
	bool before = u1 <= sp->a0;
	uint32_t ra0 = ops->v[ct->k0].a0, ra1 = ops->v[ct->k1].a1;
	uint32_t nb0 = ops->v[ct->k0].b0, nb1 = ops->v[ct->k1].b1;
	rl_op gone = {u0, u1, before ? nb0 : nb1, before ? nb0 : nb1, 0, RL_OP_DELETE, 0};
	if ((before && (rc = rl_opvec_push(&ct->alt, &gone)) != RL_OK) ||
	    (rc = rl_mv_realign_run(c, before ? u1 : ra0, before ? ra1 : u0, nb0, nb1, &ct->alt)) !=
	        RL_OK ||
	    (!before && (rc = rl_opvec_push(&ct->alt, &gone)) != RL_OK))
		return rc;
	/* A bullet that restates one of the copies is derived from it (provenance's): the stretch
	 * diffed again may hold bullets (the generator's stand where the moved copy stood), but may
	 * not pair words with one (a copy kept with a bullet restating it, the paragraph that the
	 * bullet restates left out: 1664300104 p10). */
	if (pairs_items(c, &ct->alt))
		return RL_OK;
	int64_t base = (int64_t)ct->m.eq - own.eq - drop_eq;
	int64_t gain = (int64_t)equal_words(c, &ct->alt) + base - kept_free(c, ops, tk, ra0, ra1);
	if ((rc = far_side(c, ops, tk, u0, u1, before, base, &gain, ct)) != RL_OK)
		return rc;
	/* (the stretch's own stems left out: its copies pair by the same template either way; the
	 * whole stems decide a tie of the stems) */
	int64_t by_stem = gain + (int64_t)(ct->m.stem - ct->m.eq) - (own.stem - own.eq);
	bool by_whole = ct->m.whole - ct->m.eq > own.whole - own.eq;
	ct->gain = gain >= 0 && (by_stem > 0 || (by_stem == 0 && by_whole));
	return RL_OK;
}

/* Put the ops of d in place of moved's ops [first, first + count), and shift the accepted moves
 * listed after them. */
static int replace_ops(rl_opvec *moved, accepts *acc, size_t m, const rl_opvec *d)
{
	size_t first = acc->v[m].first, count = acc->v[m].count, tail = moved->n - first - count;
	if (d->n > count && rl_opvec_append(moved, d->v, d->n - count) != RL_OK)
		return RL_ENOMEM;
	memmove(moved->v + first + d->n, moved->v + first + count, tail * sizeof *moved->v);
	if (d->n)
		memcpy(moved->v + first, d->v, d->n * sizeof *moved->v);
	moved->n = first + d->n + tail;
	for (size_t j = 0; j < acc->n; j++)
		if (acc->v[j].first > first)
			acc->v[j].first = acc->v[j].first + d->n - count;
	acc->v[m].count = d->n;
	return RL_OK;
}

/* Give up accepted move j: its ops leave moved, its tokens go back to the ops they stand in. */
static int drop_move(taken *tk, accepts *acc, size_t j, rl_opvec *moved)
{
	rl_span sp = acc->v[j].sp;
	rl_opvec none = {0};
	int rc = replace_ops(moved, acc, j, &none);
	memset(tk->moved[RL_OLD] + sp.a0, 0, sp.a1 - sp.a0);
	memset(tk->moved[RL_NEW] + sp.b0, 0, sp.b1 - sp.b0);
	return rc;
}

/* Put alt's ops (the copy's deletion among them) in place of ops [k0, k1), in place: a copy of
 * the whole list (24 bytes an op) grown by doubling was the moves stage's peak on a text rewritten
 * at rate 0.3 (+27 MiB at 10 MB, the new list and the old at once). ops is unchanged when out of
 * memory. */
static int splice(rl_opvec *ops, size_t k0, size_t k1, const rl_opvec *alt)
{
	size_t put = alt->n, tail = ops->n - k1;
	if (rl_opvec_reserve(ops, k0 + put + tail) != RL_OK)
		return RL_ENOMEM;
	memmove(ops->v + k0 + put, ops->v + k1, tail * sizeof *ops->v);
	if (alt->n)
		memcpy(ops->v + k0, alt->v, alt->n * sizeof *ops->v);
	ops->n = k0 + put + tail;
	return RL_OK;
}

/* Make the exchange copy_gain weighed: copy [u0, u1) becomes accepted move m (its ops diffed
 * anew), the moves that took NEW words of the stretch are given up, ops k0 to k1 become the
 * copy's deletion and the stretch diffed again, and the tokens change hands. */
static int take_copy(rl_ctx *c, rl_opvec *ops, taken *tk, accepts *acc, size_t m, rl_opvec *moved,
                     uint32_t u0, uint32_t u1, const copy_try *ct)
{
	rl_span sp = acc->v[m].sp, to = {u0, u1, sp.b0, sp.b1};
	uint32_t id = moved->v[acc->v[m].first].move;
	rl_opvec inner = {0};
	int rc = rl_ctx_refine(c, to.a0, to.a1, to.b0, to.b1, &inner);
	if (rc != RL_OK)
		goto out;
	rl_mv_dissolve_fragments(c, &inner);
	for (size_t k = 0; k < inner.n; k++) {
		inner.v[k].move = id;
		if (inner.v[k].kind == RL_OP_EQUAL)
			inner.v[k].kind = RL_OP_MOVE;
	}
	if ((rc = replace_ops(moved, acc, m, &inner)) != RL_OK)
		goto out;
	acc->v[m].sp = to;
	for (size_t k = 0; k < ct->ndrop; k++)
		if ((rc = drop_move(tk, acc, ct->drop[k], moved)) != RL_OK)
			goto out;
	if ((rc = splice(ops, ct->k0, ct->k1 + 1, &ct->alt)) != RL_OK)
		goto out;
	memset(tk->moved[RL_OLD] + sp.a0, 0, sp.a1 - sp.a0);
	memset(tk->free_tok[RL_OLD] + sp.a0, 0, sp.a1 - sp.a0);
	memset(tk->moved[RL_OLD] + u0, 1, u1 - u0);
	memset(tk->free_tok[RL_OLD] + u0, 0, u1 - u0);
out:
	rl_opvec_free(&inner);
	return rc;
}

/* The OLD units of the group j groups away from sp's OLD place (j < 0: before it), as many units
 * as it spans, in *u0, *u1. Whether there is one. */
static bool copy_units(const rl_ctx *c, const rl_span *sp, int j, uint32_t *u0, uint32_t *u1)
{
	const rl_side *sd = &c->side[RL_OLD];
	uint32_t first = rl_unit_of(sd, sp->a0), last = rl_unit_of(sd, sp->a1 - 1), n = last - first + 1;
	int64_t lo = j < 0 ? (int64_t)first + (int64_t)j * n : (int64_t)last + 1 + (int64_t)(j - 1) * n;
	if (lo < 0 || lo + n > sd->nunits)
		return false;
	*u0 = sd->ustart[lo];
	*u1 = sd->ustart[lo + n];
	return *u0 < *u1 && (j < 0 ? *u1 <= sp->a0 : *u0 >= sp->a1);
}

/* Group j of the list of copies around move m tried (*more: whether the list goes on there,
 * a copy or not COPY_REACH groups from the last); better than *best, it is kept there. */
static int try_group(rl_ctx *c, rl_opvec *ops, taken *tk, accepts *acc, const by_new *ix,
                     size_t m, walk *w, int j, int *last, copy_try *try, copy_try *best,
                     uint32_t *b, bool *more)
{
	uint32_t u0, u1;
	rl_span sp = acc->v[m].sp;
	if (!(*more = abs(j) - *last <= COPY_REACH && abs(j) <= COPY_LIST &&
	              copy_units(c, &sp, j, &u0, &u1)))
		return RL_OK;
	int rc = copy_gain(c, ops, tk, acc, ix, m, u0, u1, w, try);
	if (rc != RL_OK)
		return rc;
	if (try->copy)
		*last = abs(j);
	if (!try->gain)
		return RL_OK;  /* (ties to the nearest: the one tried first, w->bar after it) */
	bool away;
	rl_span copy = {u0, u1, sp.b0, sp.b1};
	if ((rc = rl_mv_moved_away(c, ops, &copy, w->own.eq, &away)) != RL_OK || !away)
		return rc;
	b[0] = u0, b[1] = u1;
	w->bar = try->m;
	copy_try t = *best;
	*best = *try, *try = t;
	return RL_OK;
}

/* Try the copies around each accepted move; the best is taken. Moves given up stay in the list
 * with no ops (count 0), which the steps after this one pass over. */
int rl_mv_swap_copies(rl_ctx *c, rl_opvec *ops, taken *tk, accepts *acc, rl_opvec *moved)
{
	copy_try try = {0}, best = {0};
	by_new ix = {NULL, 0, false};
	walk w = {{0, 0, 0}, {0, 0, 0}, {NULL, 0, 0}, {NULL, 0, 0}};
	int rc = by_new_build(acc, &ix);
	for (size_t m = 0; m < acc->n && rc == RL_OK; m++) {
		const rl_span *sp = &acc->v[m].sp;
		uint32_t b[2] = {0, 0};
		if (!acc->v[m].count || (rc = stem_match(c, sp, &w.own)) != RL_OK ||
		    (rc = bag_fill(c, RL_NEW, sp->b0, sp->b1, &w.place)) != RL_OK)
			continue;
		w.bar = w.own;
		best.gain = false;
		int last[2] = {0, 0};
		bool more[2] = {true, true};
		for (int d = 1; (more[0] || more[1]) && rc == RL_OK; d++)
			for (int e = 0; e < 2 && rc == RL_OK; e++)
				if (more[e])
					rc = try_group(c, ops, tk, acc, &ix, m, &w, e ? d : -d, &last[e],
					               &try, &best, b, &more[e]);
		if (rc == RL_OK && best.gain)
			rc = take_copy(c, ops, tk, acc, m, moved, b[0], b[1], &best);
	}
	rl_opvec_free(&try.alt);
	rl_opvec_free(&best.alt);
	free(w.place.v);
	free(w.group.v);
	free(ix.v);
	return rc;
}
