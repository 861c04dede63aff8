/* cleanup_strays.c: a word or two of a unit kept far from the rest of its kept words.
 *
 * The exact diff is one chain, in order on both sides. A summary's bullet that sums up two
 * paragraphs side by side and a third one above them ("- Historian Dr. Evelyn Marchetti and
 * retired lobsterman Walt Prentiss spoke against the sale during nearly three hours of public
 * comment.") keeps the names of the two, in order, and then the chain goes on down OLD to the
 * next "public" it finds, a paragraph on the town's pier three paragraphs further: the bullet is
 * drawn in three pieces beside three paragraphs. A word or two kept that far past the run that
 * carries their unit are a coincidence of the chain; they become inserted, drawn with the rest
 * of the unit's new words, and the sources stage may then link those words to where they came
 * from.
 *
 * Why here, after the units cleanup and before moves: the ops are still one script in order on
 * both sides (the moves stage takes passages out of order), so what follows a unit's carrying
 * run in NEW is one stretch of ops that can be given back whole; and the moves and sentences
 * stages then see the stray's words as what they are, new words and deleted ones. The units
 * cleanup (cleanup_units.c) mends units kept by coincidence as a whole, which this bullet is not:
 * seven of its twenty words are kept, three and four in a row. */
#include "cleanup_strays.h"

#include "cleanup.h"
#include "refine.h"
#include "status.h"

/* Kept words this many paragraphs of OLD or more past the word kept before them in the same unit
 * of NEW start a new group: the next paragraph is a neighbour (a bullet summing up two paragraphs
 * side by side), two further is a paragraph skipped. */
#define STRAY_PARAS 2
/* A unit kept in more groups than this is left as it is: its words are scattered, not one run and
 * its strays. */
#define GROUPS_MAX 8

/* Words of a unit and of an OLD unit compared for a copy (copy_of()), at most: past it the unit
 * is left as it is. */
#define COPY_WORK 65536

typedef struct group {
	uint32_t words;  /* the words it keeps */
	uint32_t unit;   /* the OLD unit of its first word's partner */
	size_t last;     /* the op that keeps its last word */
} group;

/* The op holding token t of NEW (the ops are in order on NEW: a binary search). */
static size_t op_at_new(const rl_opvec *ops, uint32_t t)
{
	size_t lo = 0, hi = ops->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ops->v[mid].b1 <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Does a paragraph of OLD start in units (u0, u1] at least STRAY_PARAS times? */
static bool paras_apart(const rl_side *sd, uint32_t u0, uint32_t u1)
{
	uint32_t n = 0;
	for (uint32_t u = u0 + 1; u <= u1 && n < STRAY_PARAS; u++)
		n += (sd->uflags[u] & RL_UNIT_PARA) != 0;
	return n >= STRAY_PARAS;
}

/* The groups of the words kept in unit u of NEW, in order, into g: how many (0: leave the unit,
 * when it keeps none, has more than GROUPS_MAX or its partners go back in OLD). */
static size_t groups_of(const rl_ctx *c, const rl_opvec *ops, uint32_t u, group *g)
{
	const rl_side *sn = &c->side[RL_NEW], *so = &c->side[RL_OLD];
	uint32_t t0 = sn->ustart[u], t1 = sn->ustart[u + 1], prev = 0;
	size_t n = 0;
	for (size_t k = op_at_new(ops, t0); k < ops->n && ops->v[k].b0 < t1; k++) {
		const rl_op *op = &ops->v[k];
		if (op->kind != RL_OP_EQUAL)
			continue;
		uint32_t lo = op->b0 > t0 ? op->b0 : t0, hi = op->b1 < t1 ? op->b1 : t1, p;
		for (uint32_t x = lo; x < hi; x++) {
			if (sn->tok[x].cls != RL_TOK_WORD || !rl_partner(c, op, RL_NEW, x, &p))
				continue;
			uint32_t v = rl_unit_of(so, p);
			if (n > 0 && v < prev)
				return 0;
			if (n == 0 || paras_apart(so, prev, v)) {
				if (n == GROUPS_MAX)
					return 0;
				g[n++] = (group){0, v, k};
			}
			g[n - 1].words++, g[n - 1].last = k;
			prev = v;
		}
	}
	return n;
}

/* Does OLD unit v hold at least `most` of the words of NEW unit u (each word of u counted when
 * its id is in v)? Then v may be u's own counterpart, a near copy of the sentence its carrying
 * run stands in ("A class method called after tests …" two paragraphs past "A class method
 * called before tests …"), which the moves stage's copies weigh: no stray. Too long to compare:
 * true, the unit left as it is. */
static bool copy_of(const rl_ctx *c, uint32_t u, uint32_t v, uint32_t most)
{
	const rl_side *sn = &c->side[RL_NEW], *so = &c->side[RL_OLD];
	uint32_t t0 = sn->ustart[u], t1 = sn->ustart[u + 1];
	uint32_t v0 = so->ustart[v], v1 = so->ustart[v + 1];
	if ((uint64_t)(t1 - t0) * (v1 - v0) > COPY_WORK)
		return true;
	uint32_t found = 0;
	for (uint32_t t = t0; t < t1 && found < most; t++) {
		if (sn->tok[t].cls != RL_TOK_WORD || sn->ids[t] == RL_ID_NONE)
			continue;
		for (uint32_t x = v0; x < v1; x++)
			if (so->ids[x] == sn->ids[t]) {
				found++;
				break;
			}
	}
	return found >= most;
}

/* The ops [*r0, *r1) that hold unit u's strays: after its last group of more than a weak run's
 * words (the run that carries it, and the marks kept right after it), groups of a word or two
 * each, up to the unit's last new words. None before `next` (ops already given back). */
static bool strays_of(const rl_ctx *c, const rl_opvec *ops, uint32_t u, size_t next, size_t *r0,
                      size_t *r1)
{
	group g[GROUPS_MAX];
	size_t n = groups_of(c, ops, u, g), carry = n;
	for (size_t i = 0; i < n; i++)
		if (g[i].words > RL_WEAK_WORDS)
			carry = i;
	if (carry + 1 >= n)
		return false;  /* no carrying run, or nothing after it */
	for (size_t i = carry + 1; i < n; i++)
		if (copy_of(c, u, g[i].unit, g[carry].words))
			return false;
	uint32_t t1 = c->side[RL_NEW].ustart[u + 1];
	size_t k0 = g[carry].last + 1, k1 = g[n - 1].last;
	if (ops->v[k1].b1 > t1)
		return false;  /* the last group runs on into the next unit: a run of its own */
	while (k0 < k1 && ops->v[k0].kind == RL_OP_EQUAL &&
	       rl_op_words(c, &ops->v[k0], RL_NEW) == 0)
		k0++;  /* marks kept right after the run stay with it */
	for (size_t j = k1 + 1; j < ops->n && ops->v[j].b0 < t1 && ops->v[j].b1 <= t1; j++)
		if (ops->v[j].b1 > ops->v[j].b0)
			k1 = j;  /* the unit's new words after the last stray (its "comment.") */
	if (k0 < next || k0 > k1)
		return false;
	*r0 = k0, *r1 = k1 + 1;
	return true;
}

/* Ops [r0, r1) given back as NEW's tokens in one change where they start, OLD's deleted after
 * it: a first op that has NEW tokens of its own (a replace) keeps its OLD tokens beside them,
 * else NEW's are inserted before it. */
static int give_back(const rl_opvec *ops, size_t r0, size_t r1, rl_opvec *out)
{
	const rl_op *f = &ops->v[r0], *l = &ops->v[r1 - 1];
	uint32_t a = f->kind != RL_OP_EQUAL && f->b1 > f->b0 ? f->a1 : f->a0;
	rl_op x = {f->a0, a, f->b0, l->b1, 0, rl_change_kind(a > f->a0, l->b1 > f->b0), 0};
	rl_op d = {a, l->a1, l->b1, l->b1, 0, RL_OP_DELETE, 0};
	int rc = rl_opvec_push(out, &x);
	return rc == RL_OK && d.a1 > d.a0 ? rl_opvec_push(out, &d) : rc;
}

int rl_cleanup_strays(rl_ctx *c, rl_opvec *ops)
{
	const rl_side *sn = &c->side[RL_NEW];
	rl_opvec out = {0};
	size_t next = 0, r0, r1;
	int rc = RL_OK;
	for (uint32_t u = 0; rc == RL_OK && u < sn->nunits; u++) {
		if (!strays_of(c, ops, u, next, &r0, &r1))
			continue;
		if (!out.v)
			out = rl_ctx_scratch(c, ops->n);
		rc = rl_opvec_append(&out, ops->v + next, r0 - next);
		if (rc == RL_OK)
			rc = give_back(ops, r0, r1, &out);
		next = r1;
	}
	if (rc == RL_OK && next > 0) {
		rc = rl_opvec_append(&out, ops->v + next, ops->n - next);
		if (rc == RL_OK)
			rl_opvec_swap(ops, &out);
	}
	if (out.v)
		rl_ctx_recycle(c, &out);
	return rc;
}
