/* pair.c: heavy regions, sentence pairs inside them, and word diffs inside the pairs. */
#include "pair.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cleanup.h"
#include "lexicon.h"
#include "pair_region.h"
#include "refine.h"
#include "status.h"
#include "structure.h"

/* A unit that keeps less than this share of its words in place was rewritten; equal ops in a
 * unit that keeps more are anchors that bound the regions. */
#define REWRITTEN_SHARE 0.5
/* A region is re-aligned when it changes at least this many words on each side and touches at
 * least this many units on a side. */
#define REGION_MIN_WORDS 12
#define REGION_MIN_UNITS 3
/* The pairing replaces the word diff of a region unless it keeps fewer content words matched than
 * this share of what the word diff matched (content matches are rarely coincidences). */
#define KEEP_CONTENT_SHARE 0.8
/* ...and unless it faces fewer words than this share of those the word diff faced (kept words and
 * swaps), losing more than this many words. Swaps are what a spun sentence keeps: pairing that
 * turned them into deletions and insertions cost up to 1.5 points of swaps paired on densely
 * rewritten generated pairs (issue 10). Not where NEW has list items (a summary's bullets, which
 * pairing is for). 0.9 and 2 words: no real-text figure moves but for the better. */
#define FACING_KEEP_SHARE 0.9
#define FACING_LOSS_WORDS 2
/* A unit next to a pair joins it when this share of its content comes from the pair's other side. */
#define ATTACH_SHARE 0.4
/* Units left unpaired between two pairs are diffed word by word when the word diff before pairing
 * kept at least this many words between one unit of each side (one kept word is often a
 * coincidence, and so are words kept here and there between two lists side by side). */
#define GAP_MIN_KEPT 2

/* ------------------------------------------------------------------ normalizing */

static bool continues(const rl_op *x, const rl_op *y)
{
	if (x->move != y->move || x->quote != y->quote)
		return false;
	/* Insertions that follow each other in NEW are one, wherever each stood in OLD: OLD's
	 * tokens between their places belong to moved passages, listed elsewhere, which would
	 * otherwise be drawn between the pieces of one new sentence. Deletions likewise. */
	if (!x->move && x->kind == y->kind &&
	    ((x->kind == RL_OP_INSERT && x->b1 == y->b0) || (x->kind == RL_OP_DELETE && x->a1 == y->a0)))
		return true;
	if (x->a1 != y->a0 || x->b1 != y->b0)
		return false;
	return (x->kind == RL_OP_EQUAL || x->kind == RL_OP_MOVE || x->kind == RL_OP_DELETE ||
	        x->kind == RL_OP_INSERT) && x->kind == y->kind;
}

int rl_normalize(rl_opvec *ops)
{
	size_t w = 0;
	/* Where the ops have reached: in OLD the ops outside moves; in NEW every op, since the list
	 * is in NEW's reading order, move groups included (a deletion listed after a moved passage
	 * stands after it in NEW: the viewer finds blocks by their NEW ends, in order). */
	uint32_t at_a = 0, at_b = 0;
	for (size_t k = 0; k < ops->n; k++) {
		rl_op *op = &ops->v[k];
		if (op->a0 == op->a1 && op->b0 == op->b1)
			continue;
		if (!op->move) {
			if (op->a0 == op->a1 && op->a0 < at_a)
				op->a0 = op->a1 = at_a;
			if (op->b0 == op->b1 && op->b0 < at_b)
				op->b0 = op->b1 = at_b;
			at_a = op->a1 > at_a ? op->a1 : at_a;
		}
		at_b = op->b1 > at_b ? op->b1 : at_b;
		if (w > 0 && continues(&ops->v[w - 1], op)) {
			rl_op *x = &ops->v[w - 1];
			if (x->kind == RL_OP_INSERT)
				x->b1 = op->b1;  /* keeps its own place in OLD */
			else if (x->kind == RL_OP_DELETE)
				x->a1 = op->a1;
			else
				x->a1 = op->a1, x->b1 = op->b1;
			continue;
		}
		ops->v[w++] = *op;
	}
	ops->n = w;
	return RL_OK;
}

/* Does side s hold no compared token in [lo, hi) (punctuation only, under ignore_punct)? */
static bool uncompared(const rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	for (uint32_t t = lo; t < hi; t++)
		if (c->side[s].ids[t] != RL_ID_NONE)
			return false;
	return true;
}

void rl_bare_equal(const rl_ctx *c, rl_opvec *ops)
{
	for (size_t k = 0; k < ops->n; k++) {
		rl_op *op = &ops->v[k];
		if (op->move || op->kind == RL_OP_EQUAL || op->kind == RL_OP_TYPO ||
		    !uncompared(c, RL_OLD, op->a0, op->a1) || !uncompared(c, RL_NEW, op->b0, op->b1))
			continue;
		op->kind = RL_OP_EQUAL;
		op->quote = RL_QUOTE_NONE;
	}
}

/* ------------------------------------------------------------------ units kept */

typedef struct kept {
	uint32_t *words[2];  /* per unit: words kept in place (equal and move ops) */
} kept;

static int kept_init(const rl_ctx *c, const rl_opvec *ops, kept *kp)
{
	for (int s = 0; s < 2; s++) {
		kp->words[s] = calloc((size_t)c->side[s].nunits + 1, sizeof *kp->words[s]);
		if (!kp->words[s])
			return RL_ENOMEM;
	}
	for (int s = 0; s < 2; s++)
		rl_count_kept(c, ops->v, ops->n, s, 0, kp->words[s]);
	return RL_OK;
}

static bool rewritten(const rl_ctx *c, const kept *kp, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	uint32_t u = rl_unit_of(sd, t);
	uint32_t total = rl_words(c, s, sd->ustart[u], sd->ustart[u + 1]);
	return total > 0 && kp->words[s][u] < REWRITTEN_SHARE * total;
}

/* A group: OLD units [i0, i1] facing NEW units [j0, j1]. */
typedef struct group {
	uint32_t i0, i1, j0, j1;
} group;

/* The content words of units [x0, x1] of one side, marked for the attach tests against them.
 * The marks are kept while a group grows on the other side (every test of the same loop faces the
 * same units), so a long unit is marked once, not once per unit that tries to join it: a long
 * sentence facing many short ones made this quadratic. */
typedef struct marks {
	uint32_t *mark;     /* per local id: `tag` when units [x0, x1] of side `s` hold it */
	uint32_t *seen;     /* per local id: `seen_tag` once counted for the unit being tested */
	uint32_t tag, seen_tag;
	int s;
	uint32_t x0, x1;
} marks;

static void mark_range(region *r, marks *m, int s, uint32_t x0, uint32_t x1)
{
	const urange *ur = s == RL_OLD ? r->ua : r->ub;
	for (uint32_t x = x0; x <= x1; x++)
		for (uint32_t t = ur[x].lo; t < ur[x].hi; t++) {
			uint32_t l = rl_pr_local_of(r, s, t);
			if (l != RL_ID_NONE)
				m->mark[l] = m->tag;
		}
}

static void mark_units(region *r, marks *m, int s, uint32_t x0, uint32_t x1)
{
	if (m->tag > 0 && m->s == s && x0 <= m->x0 && x1 >= m->x1) {
		/* The same side's units, or more of them (a group that grew by a unit): only the new
		 * ones are marked. */
		if (x0 < m->x0)
			mark_range(r, m, s, x0, m->x0 - 1);
		if (x1 > m->x1)
			mark_range(r, m, s, m->x1 + 1, x1);
		m->x0 = x0, m->x1 = x1;
		return;
	}
	m->tag++;
	m->s = s, m->x0 = x0, m->x1 = x1;
	mark_range(r, m, s, x0, x1);
}

/* Weight of the content of unit u (side s) that also occurs in units [x0, x1] of the other
 * side, and how many distinct words that is. Uses the region's local numbering (only OLD's
 * content words are numbered: nothing else can be shared). */
static float shared_with(region *r, int s, uint32_t u, uint32_t x0, uint32_t x1, marks *m,
                         uint32_t *words)
{
	const urange *mine = s == RL_OLD ? r->ua : r->ub;
	float w = 0;

	mark_units(r, m, !s, x0, x1);
	m->seen_tag++;
	*words = 0;
	for (uint32_t t = mine[u].lo; t < mine[u].hi; t++) {
		uint32_t l = rl_pr_local_of(r, s, t);
		if (l == RL_ID_NONE || m->mark[l] != m->tag || m->seen[l] == m->seen_tag)
			continue;
		m->seen[l] = m->seen_tag;  /* once per word */
		w += r->weight[l];
		(*words)++;
	}
	return w;
}

/* Does unit u of side s cross the line between headings and sentences to units [x0, x1] of the
 * other side: a heading facing a sentence, or a sentence facing headings only? */
static bool crosses(const region *r, int s, uint32_t u, uint32_t x0, uint32_t x1)
{
	bool any_sentence = false, any_heading = false;
	for (uint32_t x = x0; x <= x1; x++)
		r->head[!s][x] ? (any_heading = true) : (any_sentence = true);
	return r->head[s][u] ? any_sentence : !any_sentence && any_heading;
}

/* Are token t of side s and token v of the other side one word, case aside ("Global", "global";
 * ASCII letters folded, other bytes compared as they are)? */
static bool same_word(const rl_ctx *c, int s, uint32_t t, uint32_t v)
{
	const rl_token *x = &c->side[s].tok[t], *y = &c->side[!s].tok[v];
	if (c->side[s].ids[t] == c->side[!s].ids[v])
		return true;
	if (x->len != y->len)
		return false;
	const char *p = c->side[s].text + x->off, *q = c->side[!s].text + y->off;
	for (uint32_t i = 0; i < x->len; i++) {
		unsigned a = (unsigned char)p[i], b = (unsigned char)q[i];
		a |= (unsigned)(a - 'A' < 26u) << 5;
		b |= (unsigned)(b - 'A' < 26u) << 5;
		if (a != b)
			return false;
	}
	return true;
}

/* Do units [x0, x1] of the other side hold token t of side s (local number l) as a whole word,
 * not only its stem? */
static bool word_in_units(const region *r, int s, uint32_t t, uint32_t l, uint32_t x0, uint32_t x1)
{
	const urange *other = s == RL_OLD ? r->ub : r->ua;
	for (uint32_t x = x0; x <= x1; x++)
		for (uint32_t v = other[x].lo; v < other[x].hi; v++)
			if (rl_pr_local_of(r, !s, v) == l && same_word(r->c, s, t, v))
				return true;
	return false;
}

/* The content of unit u of side s shared with units [x0, x1] of the other side, names left out
 * (a word capitalized inside a sentence: the company's, the product's): its weight (*w), its words
 * (a compound's tail is no word of its own: "closed-source" shares one word with "closed model"),
 * and the weight of u's own content that is no name (*own). A page's title shares the names of
 * its story with many of its sentences, a section's name those of its subject ("Background on
 * <product> and <lab>"): across the line between headings and sentences, only the rest counts.
 * Its words that stand whole on the other side, not by stem alone, case aside: *whole, their
 * weight *w_whole. */
static uint32_t shared_beyond_names(region *r, int s, uint32_t u, uint32_t x0, uint32_t x1,
                                    marks *m, float *w, float *own, uint32_t *whole,
                                    float *w_whole)
{
	const rl_ctx *c = r->c;
	const urange *mine = s == RL_OLD ? r->ua : r->ub;
	uint32_t words = 0;

	*w = 0, *own = 0, *whole = 0, *w_whole = 0;
	mark_units(r, m, !s, x0, x1);
	m->seen_tag++;
	for (uint32_t t = mine[u].lo; t < mine[u].hi; t++) {
		if (!rl_pr_counted(c, s, t))
			continue;
		if (r->names[c->side[s].ids[t]] == RL_NAME_SEEN)
			continue;  /* a name */
		uint32_t l = rl_pr_local_of(r, s, t);
		if (l == RL_ID_NONE) {  /* a word OLD's units do not have: the unit's own */
			*own += rl_pr_id_weight(c, c->side[s].ids[t], &c->side[s].tok[t]);
			continue;
		}
		if (m->seen[l] == m->seen_tag)
			continue;
		m->seen[l] = m->seen_tag;  /* once per word */
		*own += r->weight[l];
		if (m->mark[l] != m->tag)
			continue;
		uint32_t word = !(c->side[s].tok[t].flags & RL_TF_GLUED);
		words += word;
		*w += r->weight[l];
		if (word_in_units(r, s, t, l, x0, x1)) {
			*w_whole += r->weight[l];
			*whole += word;
		}
	}
	return words;
}

/* The most words (names and all) of a heading that names a section: a title, not a line of a
 * sentence wrapped short and taken for a heading. */
#define TITLE_WORDS 5

/* Is the heading side of a crossing (unit u of side s, or units [x0, x1] of the other side when u
 * is the sentence) a title of at most TITLE_WORDS words? */
static bool title_side(const region *r, int s, uint32_t u, uint32_t x0, uint32_t x1)
{
	const urange *ur = s == RL_OLD ? r->ua : r->ub;
	int hs = s;
	if (!r->head[s][u])
		ur = s == RL_OLD ? r->ub : r->ua, hs = !s;
	else
		x0 = x1 = u;
	uint32_t words = 0;
	for (uint32_t x = x0; x <= x1; x++)
		for (uint32_t t = ur[x].lo; t < ur[x].hi; t++)
			words += rl_pr_counted(r->c, hs, t);
	return words <= TITLE_WORDS;
}

/* Does a heading facing a sentence (or a sentence facing headings) share enough words beyond
 * names with it: PAIR_SURE_SHARED, or PAIR_MIN_SHARED making up `share` of its own content; and,
 * where the heading is a title (title_side), whole words for the latter, not stems alone. A
 * section's title names its subject in nouns ("Monetization Pressures and AGI Investments") that
 * the sentence it sums up writes as a verb and an inflection ("under pressure to monetize"): two
 * stems, a summary's link (provenance), not a sentence rewritten as a heading. On the corpus, the
 * examples and the real pairs (1,036 comparisons), every title paired with a sentence on two
 * words, one or none of them whole, was wrong (section titles beside a sentence, a wiki template's
 * first line); the right ones (a headline beside the standfirst restating it) share 3 and more
 * whole words. A longer line taken for a heading is often a wrapped line of a list item
 * ("one. Describe a machine architectures in which, inside a supplied", generated pairs that
 * spell the markers out): stems count there as in sentences. */
static bool crossing_shares(uint32_t words, uint32_t whole, float w, float w_whole, float own,
                            bool title, double share)
{
	if (words >= PAIR_SURE_SHARED)
		return true;
	if (title)
		return whole >= PAIR_MIN_SHARED && own > 0 && w_whole >= share * own;
	return words >= PAIR_MIN_SHARED && own > 0 && w >= share * own;
}

/* Can unit u of side s join a group whose other side is [x0, x1]: does it draw enough of its
 * content from there (a long sentence summarized by two bullets, two sentences merged in one)?
 * A heading joins sentences (a sentence joins headings) only through words beyond names. */
static bool attaches(region *r, int s, uint32_t u, uint32_t x0, uint32_t x1, marks *m)
{
	uint32_t words, whole;
	float w, own, w_whole;
	if (crosses(r, s, u, x0, x1)) {
		words = shared_beyond_names(r, s, u, x0, x1, m, &w, &own, &whole, &w_whole);
		return crossing_shares(words, whole, w, w_whole, own, title_side(r, s, u, x0, x1),
		                       ATTACH_SHARE);
	}
	w = shared_with(r, s, u, x0, x1, m, &words);
	own = r->unit_w[s][u];
	return words >= PAIR_SURE_SHARED ||
	       (words >= PAIR_MIN_SHARED && own > 0 && w >= ATTACH_SHARE * own);
}

/* A candidate that pairs a heading with a sentence stands when it passes rl_pr_candidates()'s test
 * with names left out, as the heading shares them, and on whole words where a title passes on
 * two (crossing_shares). stamp and seen are scratch arrays of r->nloc + 1 entries, zero on
 * entry. */
static void drop_name_pairs(region *r, uint32_t *stamp, uint32_t *seen)
{
	marks m = {.mark = stamp, .seen = seen};
	size_t n = 0;
	for (size_t k = 0; k < r->ncand; k++) {
		const cand *cd = &r->cands[k];
		if (r->head[RL_OLD][cd->i] != r->head[RL_NEW][cd->j]) {
			int s = r->head[RL_OLD][cd->i] ? RL_OLD : RL_NEW;
			uint32_t u = s == RL_OLD ? cd->i : cd->j, x = s == RL_OLD ? cd->j : cd->i;
			float w, own, w_whole;
			uint32_t whole,
			    words = shared_beyond_names(r, s, u, x, x, &m, &w, &own, &whole, &w_whole);
			if (!crossing_shares(words, whole, w, w_whole, own, title_side(r, s, u, x, x),
			                     PAIR_MIN_SHARE))
				continue;
		}
		r->cands[n++] = *cd;
	}
	r->ncand = n;
}

/* Words the region's ops before pairing (v[0, n)) kept inside OLD [a0, a1) x NEW [b0, b1). */
static uint32_t kept_inside(const rl_ctx *c, const rl_op *v, size_t n, uint32_t a0, uint32_t a1,
                            uint32_t b0, uint32_t b1)
{
	uint32_t w = 0;
	for (size_t k = 0; k < n; k++)
		if (v[k].kind == RL_OP_EQUAL && v[k].a0 >= a0 && v[k].a1 <= a1 && v[k].b0 >= b0 &&
		    v[k].b1 <= b1)
			w += rl_op_words(c, &v[k], RL_OLD);
	return w;
}

/* Are OLD unit i and NEW unit j of about the same length? */
static bool same_length(const region *r, uint32_t i, uint32_t j)
{
	double wa = rl_words(r->c, RL_OLD, r->ua[i].lo, r->ua[i].hi);
	double wb = rl_words(r->c, RL_NEW, r->ub[j].lo, r->ub[j].hi);
	return wa > 0 && wb > 0 && wa >= RL_FACING_RATIO * wb && wb >= RL_FACING_RATIO * wa;
}

/* Where unit i of side s starts in the region (its end when i is past the last). */
static uint32_t unit_lo(const region *r, int s, uint32_t i)
{
	if (s == RL_OLD)
		return i < r->na ? r->ua[i].lo : r->a1;
	return i < r->nb ? r->ub[i].lo : r->b1;
}

/* Are OLD unit i and NEW unit j, at one edge of a gap, a sentence rewritten in its slot: about
 * as long, and a word the word diff kept between them? The gap holds more beside it, a sentence
 * deleted or lines inserted ("A ledger of lamp hours. Note that hours[0] ..." -> "- To 64. ...
 * Notice that hour[zero] ..."): the slot is diffed word by word, the rest deleted and inserted. */
static bool edge_slot(const region *r, uint32_t i, uint32_t j, const rl_op *v, size_t nv)
{
	return same_length(r, i, j) &&
	       kept_inside(r->c, v, nv, unit_lo(r, RL_OLD, i), unit_lo(r, RL_OLD, i + 1),
	                   unit_lo(r, RL_NEW, j), unit_lo(r, RL_NEW, j + 1)) > 0;
}

/* The most words the region's ops before pairing (v[0, n)) kept inside OLD [a0, a1) x NEW
 * [b0, b1) between one unit of OLD and one of NEW: a sentence rewritten in place keeps its words
 * together, words kept here and there between a summary's bullets and a page's links do not. */
static uint32_t kept_in_one_pair(const rl_ctx *c, const rl_op *v, size_t n, uint32_t a0,
                                 uint32_t a1, uint32_t b0, uint32_t b1)
{
	uint32_t best = 0, run = 0, ua = UINT32_MAX, ub = UINT32_MAX;
	/* The ops follow each other on both sides: none before the first that starts at a0 and b0
	 * or later lies inside, nor any after one that starts past a1 or b1. kept_joins asks this of
	 * every unit tried against a group: a scan of the whole region each time was quadratic. */
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].a0 >= a0 && v[mid].b0 >= b0)
			hi = mid;
		else
			lo = mid + 1;
	}
	for (size_t k = lo; k < n && v[k].a0 <= a1 && v[k].b0 <= b1; k++) {
		if (v[k].kind != RL_OP_EQUAL || v[k].a0 < a0 || v[k].a1 > a1 || v[k].b0 < b0 ||
		    v[k].b1 > b1 || v[k].a1 == v[k].a0)
			continue;
		uint32_t xa = rl_unit_of(&c->side[RL_OLD], v[k].a0), xb = rl_unit_of(&c->side[RL_NEW], v[k].b0);
		run = xa == ua && xb == ub ? run : 0;
		ua = xa, ub = xb;
		run += rl_op_words(c, &v[k], RL_OLD);
		best = run > best ? run : best;
	}
	return best;
}

/* Does side s of the region hold a list item? */
static bool side_has_items(const region *r, int s)
{
	const rl_side *sd = &r->c->side[s];
	const urange *ur = s == RL_OLD ? r->ua : r->ub;
	uint32_t n = s == RL_OLD ? r->na : r->nb;
	bool unordered;
	for (uint32_t x = 0; x < n; x++)
		if (rl_list_marker(sd->tok, sd->text, sd->n, ur[x].lo, &unordered) > 0)
			return true;
	return false;
}

/* Words of side s in units [x0, x1] of the region. */
static uint32_t units_words(const region *r, int s, uint32_t x0, uint32_t x1)
{
	const urange *ur = s == RL_OLD ? r->ua : r->ub;
	return rl_words(r->c, s, ur[x0].lo, ur[x1].hi);
}

/* Does unit u of side s, left unpaired next to group g, join it for the words the region's ops
 * before pairing (v[0, nv)) kept between them: at least GAP_MIN_KEPT between u and one unit of
 * the group's other side, more than between u and the units [y0, y1) of the other side in the gap
 * beside it (emit_gap diffs those with u), and the group's side, u added, nearer the other's
 * length? A sentence split at a quotation ("All wept and mourned her, but he said, “Weep not.
 * She is asleep.”") shares a content word or so per piece with its unquoted rewording, too
 * little to attach (attaches): its piece left in the gap was deleted whole beside its pair, losing
 * the words the word diff kept ("and her, but he said"). The length test keeps a paragraph of
 * another story out, whose "The", "cost" and "million" the word diff kept by chance. */
static bool kept_joins(const region *r, int s, uint32_t u, const group *g, uint32_t y0,
                       uint32_t y1, const rl_op *v, size_t nv)
{
	uint32_t x0 = s == RL_OLD ? g->j0 : g->i0, x1 = s == RL_OLD ? g->j1 : g->i1;
	uint32_t m0 = s == RL_OLD ? g->i0 : g->j0, m1 = s == RL_OLD ? g->i1 : g->j1;
	if (nv == 0 || crosses(r, s, u, x0, x1))
		return false;
	double other = units_words(r, !s, x0, x1), mine = units_words(r, s, m0, m1);
	double more = mine + units_words(r, s, u, u);
	if (fabs(more - other) >= fabs(mine - other))
		return false;
	const urange *mu = s == RL_OLD ? r->ua : r->ub, *ou = s == RL_OLD ? r->ub : r->ua;
	uint32_t lo = mu[u].lo, hi = mu[u].hi, glo = ou[x0].lo, ghi = ou[x1].hi;
	uint32_t with_group = s == RL_OLD ? kept_in_one_pair(r->c, v, nv, lo, hi, glo, ghi)
	                                  : kept_in_one_pair(r->c, v, nv, glo, ghi, lo, hi);
	if (with_group < GAP_MIN_KEPT)
		return false;
	if (y1 <= y0)
		return true;
	uint32_t ylo = ou[y0].lo, yhi = ou[y1 - 1].hi;
	uint32_t with_gap = s == RL_OLD ? kept_in_one_pair(r->c, v, nv, lo, hi, ylo, yhi)
	                                : kept_in_one_pair(r->c, v, nv, ylo, yhi, lo, hi);
	return with_group > with_gap;
}

/* Does unit u of side s join group g, units [y0, y1) of the other side left in the gap beside
 * it: attaches, or kept_joins? */
static bool joins(region *r, int s, uint32_t u, const group *g, uint32_t y0, uint32_t y1,
                  const rl_op *v, size_t nv, marks *m)
{
	uint32_t x0 = s == RL_OLD ? g->j0 : g->i0, x1 = s == RL_OLD ? g->j1 : g->i1;
	return attaches(r, s, u, x0, x1, m) || kept_joins(r, s, u, g, y0, y1, v, nv);
}

/* Groups from the chain ending at candidate `end`: each pair a group, then units left unpaired
 * right next to a group join it when they draw enough from its other side, or keep words with it
 * in the word diff before pairing (v[0, nv), kept_joins). stamp and seen are scratch arrays of
 * r->nloc + 1 entries, zero on entry. */
static int make_groups(region *r, int32_t end, const rl_op *v, size_t nv, uint32_t *stamp,
                       uint32_t *seen, group **out, size_t *ng)
{
	size_t n = 0;
	for (int32_t k = end; k >= 0; k = r->cands[k].prev)
		n++;
	group *g = malloc((n + 1) * sizeof *g);
	if (!g)
		return RL_ENOMEM;
	size_t x = n;
	for (int32_t k = end; k >= 0; k = r->cands[k].prev)
		x--, g[x] = (group){r->cands[k].i, r->cands[k].i, r->cands[k].j, r->cands[k].j};
	marks m = {.mark = stamp, .seen = seen};
	/* Bullets beside a summary's sentences keep words here and there by chance in the word diff
	 * (the corpus's 002 -> 001): only attaches joins units there. */
	if (side_has_items(r, RL_OLD) || side_has_items(r, RL_NEW))
		nv = 0;
	for (size_t k = 0; k < n; k++) {
		uint32_t lim_i = k > 0 ? g[k - 1].i1 + 1 : 0, lim_j = k > 0 ? g[k - 1].j1 + 1 : 0;
		uint32_t next_i = k + 1 < n ? g[k + 1].i0 : r->na, next_j = k + 1 < n ? g[k + 1].j0 : r->nb;
		group *gk = &g[k];
		while (gk->i0 > lim_i &&
		       joins(r, RL_OLD, gk->i0 - 1, gk, lim_j, gk->j0, v, nv, &m))
			gk->i0--;
		while (gk->j0 > lim_j &&
		       joins(r, RL_NEW, gk->j0 - 1, gk, lim_i, gk->i0, v, nv, &m))
			gk->j0--;
		while (gk->i1 + 1 < next_i &&
		       joins(r, RL_OLD, gk->i1 + 1, gk, gk->j1 + 1, next_j, v, nv, &m))
			gk->i1++;
		while (gk->j1 + 1 < next_j &&
		       joins(r, RL_NEW, gk->j1 + 1, gk, gk->i1 + 1, next_i, v, nv, &m))
			gk->j1++;
	}
	*out = g;
	*ng = n;
	return RL_OK;
}

/* Ops for the units left unpaired between two groups, OLD [i0, i1) and NEW [j0, j1): deleted
 * and inserted, unless the word diff before pairing kept words between two of them (a verse
 * rewritten in place with no content word in common, "while they were there, the"), or they are
 * one unit on each side of about the same length ("Create a pipe." -> "Generate a pipes.", every
 * noun and verb swapped): pairing never loses those, the gap is diffed word by word like the
 * sentences around it. Else a slot at either edge of the gap is diffed so, the rest deleted and
 * inserted. v[0, nv) are the region's ops before pairing. */
static int emit_gap(region *r, uint32_t i0, uint32_t i1, uint32_t j0, uint32_t j1, const rl_op *v,
                    size_t nv, rl_opvec *out)
{
	uint32_t ta = unit_lo(r, RL_OLD, i0), ga = unit_lo(r, RL_OLD, i1);
	uint32_t tb = unit_lo(r, RL_NEW, j0), gb = unit_lo(r, RL_NEW, j1);
	if (ga > ta && gb > tb &&
	    (kept_in_one_pair(r->c, v, nv, ta, ga, tb, gb) >= GAP_MIN_KEPT ||
	     (i1 == i0 + 1 && j1 == j0 + 1 && same_length(r, i0, j0))))
		return rl_ctx_refine(r->c, ta, ga, tb, gb, out);
	int rc = RL_OK;
	bool head = i1 > i0 && j1 > j0 && edge_slot(r, i0, j0, v, nv);
	if (head) {
		rc = rl_ctx_refine(r->c, ta, unit_lo(r, RL_OLD, i0 + 1), tb, unit_lo(r, RL_NEW, j0 + 1),
		                   out);
		i0++, j0++;
		ta = unit_lo(r, RL_OLD, i0), tb = unit_lo(r, RL_NEW, j0);
	}
	bool tail = i1 > i0 && j1 > j0 && edge_slot(r, i1 - 1, j1 - 1, v, nv);
	uint32_t ea = tail ? unit_lo(r, RL_OLD, i1 - 1) : ga;
	uint32_t eb = tail ? unit_lo(r, RL_NEW, j1 - 1) : gb;
	if (rc == RL_OK && ea > ta) {
		rl_op del = {ta, ea, tb, tb, 0, RL_OP_DELETE, 0};
		rc = rl_opvec_push(out, &del);
	}
	if (rc == RL_OK && eb > tb) {
		rl_op ins = {ea, ea, tb, eb, 0, RL_OP_INSERT, 0};
		rc = rl_opvec_push(out, &ins);
	}
	if (rc == RL_OK && tail)
		rc = rl_ctx_refine(r->c, ea, ga, eb, gb, out);
	return rc;
}

/* Ops for the region from its groups, each group diffed word by word, the units between them as
 * emit_gap says. v[0, n) are the region's ops before pairing. */
static int emit_region(region *r, const group *g, size_t n, const rl_op *v, size_t nv,
                       rl_opvec *out)
{
	int rc = RL_OK;
	uint32_t pi = 0, pj = 0;  /* next unit not yet emitted */
	for (size_t k = 0; k <= n && rc == RL_OK; k++) {
		uint32_t gi0 = k < n ? g[k].i0 : r->na, gj0 = k < n ? g[k].j0 : r->nb;
		rc = emit_gap(r, pi, gi0, pj, gj0, v, nv, out);
		if (k == n || rc != RL_OK)
			break;
		rc = rl_ctx_refine(r->c, unit_lo(r, RL_OLD, gi0), r->ua[g[k].i1].hi,
		                   unit_lo(r, RL_NEW, gj0), r->ub[g[k].j1].hi, out);
		pi = g[k].i1 + 1, pj = g[k].j1 + 1;
	}
	return rc;
}

/* Content words matched (equal or move) in a list of ops. */
static uint32_t content_kept(const rl_ctx *c, const rl_op *v, size_t n)
{
	uint32_t w = 0;
	for (size_t k = 0; k < n; k++) {
		if (v[k].kind != RL_OP_EQUAL && v[k].kind != RL_OP_MOVE)
			continue;
		for (uint32_t t = v[k].a0; t < v[k].a1; t++)
			w += rl_pr_counted(c, RL_OLD, t);
	}
	return w;
}

/* Does op lie inside one unit on each side (a swap inside a sentence, not a rewrite that runs a
 * heading into the paragraph after it)? */
static bool in_one_unit(const rl_ctx *c, const rl_op *op)
{
	for (int s = 0; s < 2; s++) {
		uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s);
		if (hi > lo && rl_unit_of(&c->side[s], lo) != rl_unit_of(&c->side[s], hi - 1))
			return false;
	}
	return true;
}

/* Words of OLD in a list of ops that face their counterparts in NEW: kept words, and the words of
 * swaps (replace ops no bigger than a chain of swaps, inside one unit on each side). */
static uint32_t words_facing(const rl_ctx *c, const rl_op *v, size_t n)
{
	uint32_t w = 0;
	for (size_t k = 0; k < n; k++)
		if (v[k].kind == RL_OP_EQUAL || v[k].kind == RL_OP_MOVE ||
		    (v[k].kind == RL_OP_REPLACE && !rl_heavy_op(c, &v[k]) && in_one_unit(c, &v[k])))
			w += rl_op_words(c, &v[k], RL_OLD);
	return w;
}

/* Does the pairing, facing `after` words of OLD with NEW where the word diff faced `before`, undo
 * the word diff's alignment: a sentence rewritten in place, every noun swapped, turned into a
 * deletion and an insertion because a spurious unit boundary on one side ("BUOY_COUNT - 1", a
 * minus read as a list item run into the text) put the pairs out of step? */
static bool loses_facing(uint32_t before, uint32_t after)
{
	return after + FACING_LOSS_WORDS < before && after < FACING_KEEP_SHARE * before;
}

/* Does NEW's side of the region hold a list item: bullets restating sentences, what pairing is
 * for (they face words of the paragraph beside them in the word diff, out of order)? */
static bool has_items(const region *r)
{
	return side_has_items(r, RL_NEW);
}

/* Does NEW's side of the region hold fewer words than OLD's: a summary, whose bullets restate
 * sentences in fewer words, rather than a text that keeps its sentences (reworded) and adds
 * bullets beside them? */
static bool summarizes(const region *r)
{
	return rl_words(r->c, RL_NEW, r->b0, r->b1) < rl_words(r->c, RL_OLD, r->a0, r->a1);
}

/* Does the pairing do better than the word diff of the region (v[0, n) before, mine after)? It
 * must keep most of the content words (KEEP_CONTENT_SHARE), and face OLD's words with NEW's as
 * well (loses_facing), unless NEW holds list items: bullets restating sentences face words of
 * the paragraph beside them in the word diff, out of order. That leave holds for a summary, or
 * where the pairing keeps as many content words: a text that keeps its sentences and adds
 * bullets has its own sentences' words to keep, and pairing a sentence with a bullet that
 * repeats its reworded copy ("Tarn Isle loses its launch" against "Tarns Isles lose its
 * launches" and a bullet below) lost them (713298631 p10, 1822065096 p3). */
static bool pairing_better(const rl_ctx *c, const region *r, const rl_op *v, size_t n,
                           const rl_opvec *mine)
{
	uint32_t before = content_kept(c, v, n), after = content_kept(c, mine->v, mine->n);
	if (after < KEEP_CONTENT_SHARE * before)
		return false;
	if (has_items(r) && (summarizes(r) || after >= before))
		return true;
	return !loses_facing(words_facing(c, v, n), words_facing(c, mine->v, mine->n));
}

/* Re-align the region covered by ops[k0, k1) sentence by sentence; append the result (or the
 * original ops, when pairing does not do better) to out. */
static int pair_region(rl_ctx *c, const uint8_t *names, const rl_op *v, size_t n, rl_opvec *out)
{
	region r;
	memset(&r, 0, sizeof r);
	r.c = c;
	r.names = names;
	r.a0 = v[0].a0, r.a1 = v[n - 1].a1, r.b0 = v[0].b0, r.b1 = v[n - 1].b1;
	float *acc = NULL;
	uint32_t *shared = NULL, *touched = NULL, *stamp = NULL, *seen = NULL;
	rl_opvec mine = {0};
	group *groups = NULL;
	size_t ngroups = 0;
	int rc = RL_ENOMEM;

	if (rl_pr_units_of(c, RL_OLD, r.a0, r.a1, &r.ua, &r.na) != RL_OK ||
	    rl_pr_units_of(c, RL_NEW, r.b0, r.b1, &r.ub, &r.nb) != RL_OK)
		goto out;
	r.unit_w[0] = calloc((size_t)r.na + 1, sizeof *r.unit_w[0]);
	r.unit_w[1] = calloc((size_t)r.nb + 1, sizeof *r.unit_w[1]);
	acc = calloc((size_t)r.na + 1, sizeof *acc);
	shared = calloc((size_t)r.na + 1, sizeof *shared);
	touched = malloc(((size_t)r.na + 1) * sizeof *touched);
	if (!r.unit_w[0] || !r.unit_w[1] || !acc || !shared || !touched)
		goto out;
	rc = rl_pr_heads_of(&r);
	if (rc == RL_OK)
		rc = rl_pr_build_index(&r);
	if (rc == RL_OK) {
		stamp = calloc((size_t)r.nloc + 1, sizeof *stamp);
		seen = calloc((size_t)r.nloc + 1, sizeof *seen);
		rc = stamp && seen ? RL_OK : RL_ENOMEM;
	}
	for (uint32_t j = 0; j < r.nb && rc == RL_OK; j++)
		rc = rl_pr_candidates(&r, j, acc, shared, touched, stamp, j + 1);
	if (rc == RL_OK) {
		memset(stamp, 0, ((size_t)r.nloc + 1) * sizeof *stamp);
		drop_name_pairs(&r, stamp, seen);
		memset(stamp, 0, ((size_t)r.nloc + 1) * sizeof *stamp);
		memset(seen, 0, ((size_t)r.nloc + 1) * sizeof *seen);
		rc = rl_pr_force_clipped(&r);
	}
	int32_t end = rc == RL_OK ? rl_pr_best_chain(&r) : -1;
	if (end == -2)
		rc = RL_ENOMEM;
	if (rc == RL_OK) {
		memset(stamp, 0, ((size_t)r.nloc + 1) * sizeof *stamp);
		rc = make_groups(&r, end, v, n, stamp, seen, &groups, &ngroups);
	}
	rl_pr_index_free(&r);
	free(acc), free(shared), free(touched), free(stamp), free(seen);
	acc = NULL, shared = touched = stamp = seen = NULL;
	if (rc != RL_OK || (rc = emit_region(&r, groups, ngroups, v, n, &mine)) != RL_OK)
		goto out;
	if (pairing_better(c, &r, v, n, &mine))
		rc = rl_opvec_append(out, mine.v, mine.n);
	else
		rc = rl_opvec_append(out, v, n);
out:
	rl_pr_region_free(&r);
	free(groups);
	free(acc);
	free(shared);
	free(touched);
	free(stamp);
	free(seen);
	rl_opvec_free(&mine);
	return rc;
}

/* Units that side s of [lo, hi) touches. */
static uint32_t units_in(const rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	return hi > lo ? rl_unit_of(&c->side[s], hi - 1) - rl_unit_of(&c->side[s], lo) + 1 : 0;
}

/* Does the region ops[0, n) deserve pairing: enough changed words on both sides, and more units
 * than a sentence and its neighbours (a small region is a rewritten sentence or two, which the
 * word diff already reads well; pairing is for summaries and restructured passages)? */
static bool heavy(const rl_ctx *c, const rl_op *v, size_t n)
{
	uint32_t ch[2] = {0, 0};
	for (size_t k = 0; k < n; k++)
		if (v[k].kind != RL_OP_EQUAL)
			for (int s = 0; s < 2; s++)
				ch[s] += rl_op_words(c, &v[k], s);
	if (ch[0] < REGION_MIN_WORDS || ch[1] < REGION_MIN_WORDS)
		return false;
	return units_in(c, RL_OLD, v[0].a0, v[n - 1].a1) >= REGION_MIN_UNITS ||
	       units_in(c, RL_NEW, v[0].b0, v[n - 1].b1) >= REGION_MIN_UNITS;
}

/* An op that bounds regions: a move, or an equal op between units mostly kept on both sides. */
static bool anchor_op(const rl_ctx *c, const kept *kp, const rl_op *op)
{
	if (op->move)
		return true;
	if (op->kind != RL_OP_EQUAL)
		return false;
	return !(op->a1 > op->a0 && rewritten(c, kp, RL_OLD, op->a0)) &&
	       !(op->b1 > op->b0 && rewritten(c, kp, RL_NEW, op->b0));
}

int rl_pair_sentences(rl_ctx *c, rl_opvec *ops)
{
	kept kp = {{NULL, NULL}};
	rl_opvec split = {0}, out = {0};
	const uint8_t *names = NULL;
	int rc = RL_ENOMEM;

	if (c->side[0].n == 0 || c->side[1].n == 0)
		return RL_OK;
	split = rl_ctx_scratch(c, ops->n);
	if (kept_init(c, ops, &kp) != RL_OK || rl_split_equals(c, ops, &split) != RL_OK)
		goto out;
	/* The ops are not read again: their memory takes the result (two lists at once, not
	 * three; on a densely rewritten text a list is a tenth of the peak). */
	out = *ops;
	out.n = 0;
	*ops = (rl_opvec){0};
	rc = RL_OK;
	for (size_t k = 0; k < split.n && rc == RL_OK;) {
		const rl_op *op = &split.v[k];
		if (anchor_op(c, &kp, op)) {
			rc = rl_opvec_push(&out, op);
			k++;
			continue;
		}
		size_t e = k + 1;
		while (e < split.n && !anchor_op(c, &kp, &split.v[e]) &&
		       split.v[e].a0 == split.v[e - 1].a1 && split.v[e].b0 == split.v[e - 1].b1)
			e++;
		if (heavy(c, split.v + k, e - k)) {
			/* The names of both texts, found when a first region is paired: a pass over
			 * every token that most comparisons (a few edits, no region rewritten) need not
			 * make. */
			names = names ? names : rl_ctx_names(c);
			rc = names ? pair_region(c, names, split.v + k, e - k, &out) : RL_ENOMEM;
		} else
			rc = rl_opvec_append(&out, split.v + k, e - k);
		k = e;
	}
	if (rc == RL_OK) {
		rl_opvec_swap(ops, &out);
		rc = rl_normalize(ops);
	}
out:
	free(kp.words[0]);
	free(kp.words[1]);
	rl_ctx_recycle(c, &split);
	rl_ctx_recycle(c, &out);
	return rc;
}
