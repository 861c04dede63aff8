/* cleanup_units.c: whole units deleted or inserted, cut out of the coincidences that hold them
 * (the first pass, lines split by a stray, is cleanup_splits.c: cleanup_units_stage.h). */
#include "cleanup_units.h"
#include "cleanup_units_stage.h"

#include <stdlib.h>
#include <string.h>

#include "cleanup.h"
#include "refine.h"
#include "status.h"
#include "structure.h"

/* ------------------------------------------------------------------ units gone */

/* A unit that keeps none of its words, or one of at least this many words that keeps at most one
 * word in this many, was deleted (or inserted) as a whole. */
#define GONE_UNIT_WORDS 4
#define GONE_UNIT_RATIO 5
/* The regions re-diffed (splits mended, gone units mended, neighbours paired) may diff this many
 * tokens for each token of both texts (the exact engine's 16 per element), and TRIES_MIN more;
 * past it the script is left as it is. A region is bounded in ops, not in tokens, and the regions
 * of weak runs next to each other overlap: on two unrelated texts, whose every run is weak and
 * whose script the engine's budget made coarse, the regions diffed 11 tokens a token at 1 MB and
 * 24 at 4 MB; on a text against itself with its paragraphs shuffled, 7.8 and 15.3. The most any
 * real pair diffed is 0.3 a token on long texts (Luke, 60,000 tokens) and 78,500 tokens on a
 * short one (ru30 of wikidiff2's pairs with -i -p, 4,200 tokens). */
#define TRIES_PER_TOKEN 16
#define TRIES_MIN (UINT64_C(1) << 18)

typedef struct unit_info {
	const rl_opvec *ops;
	uint32_t *kept;     /* per unit of the side: words inside equal ops */
	uint8_t *long_run;  /* per unit: an equal op holds more than RL_WEAK_WORDS of its words */
	uint8_t *big;       /* per unit: a change bigger than a swap touches it */
	uint8_t *clean;     /* per unit: every op touching it is one-sided (a plain deletion or
	                       insertion), nothing to mend */
} unit_info;

static void unit_info_free(unit_info *ui)
{
	free(ui->kept);
	free(ui->long_run);
	free(ui->big);
	free(ui->clean);
}

/* The op holding token t of side s (ops outside moves advance on both sides: a binary search). */
static size_t op_at(const rl_opvec *ops, int s, uint32_t t)
{
	size_t lo = 0, hi = ops->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (rl_hi(&ops->v[mid], s) <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ops->n ? lo : ops->n - 1;
}

/* Per unit: kept words, long runs, big changes, cleanliness. One pass over the ops, touching each
 * unit an op overlaps (no per-token work: this runs on the whole texts). */
static int unit_info_init(const rl_ctx *c, const rl_opvec *ops, int s, unit_info *ui)
{
	const rl_side *sd = &c->side[s];
	ui->ops = ops;
	ui->kept = calloc((size_t)sd->nunits + 1, sizeof *ui->kept);
	ui->long_run = calloc((size_t)sd->nunits + 1, 1);
	ui->big = calloc((size_t)sd->nunits + 1, 1);
	ui->clean = malloc((size_t)sd->nunits + 1);
	if (!ui->kept || !ui->long_run || !ui->big || !ui->clean)
		return RL_ENOMEM;
	memset(ui->clean, 1, (size_t)sd->nunits + 1);
	uint8_t one_sided = s == RL_OLD ? RL_OP_DELETE : RL_OP_INSERT;
	for (size_t k = 0; k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s);
		if (lo == hi)
			continue;
		bool big = op->kind != RL_OP_EQUAL && rl_heavy_op(c, op);
		for (uint32_t u = rl_unit_of(sd, lo), ulast = rl_unit_of(sd, hi - 1); u <= ulast; u++) {
			if (op->kind != one_sided)
				ui->clean[u] = 0;
			ui->big[u] |= big;
			if (op->kind != RL_OP_EQUAL)
				continue;
			uint32_t from = sd->ustart[u] > lo ? sd->ustart[u] : lo;
			uint32_t to = sd->ustart[u + 1] < hi ? sd->ustart[u + 1] : hi;
			uint32_t w = rl_words(c, s, from, to);
			ui->kept[u] += w;
			if (w > RL_WEAK_WORDS)
				ui->long_run[u] = 1;
		}
	}
	return RL_OK;
}

/* Content words kept inside [h0, h1) of side s. */
static uint32_t kept_content_in(const rl_ctx *c, const rl_opvec *ops, int s, uint32_t h0,
                                uint32_t h1)
{
	uint32_t n = 0;
	for (size_t k = op_at(ops, s, h0); k < ops->n && rl_lo(&ops->v[k], s) < h1; k++) {
		const rl_op *op = &ops->v[k];
		if (op->kind != RL_OP_EQUAL)
			continue;
		uint32_t lo = rl_lo(op, s) > h0 ? rl_lo(op, s) : h0, hi = rl_hi(op, s) < h1 ? rl_hi(op, s) : h1;
		for (uint32_t t = lo; t < hi; t++)
			n += rl_is_content(c, s, t);
	}
	return n;
}

static bool unit_gone(const rl_ctx *c, const unit_info *ui, int s, uint32_t u)
{
	const rl_side *sd = &c->side[s];
	uint32_t w = rl_words(c, s, sd->ustart[u], sd->ustart[u + 1]);
	if (ui->kept[u] == 0)
		return w > 0 && ui->big[u];  /* a heading or menu line dropped (not one whose every
		                                word was swapped: that is a small replace) */
	return w >= GONE_UNIT_WORDS && ui->kept[u] * GONE_UNIT_RATIO <= w && !ui->long_run[u];
}

/* Where the point before token t of side s falls on the other side, through the op that holds t:
 * inside an equal op, at the same offset; at the start of a change op, at its other start. Returns
 * false when t is inside a change (the point has no counterpart). */
static bool counterpart(const rl_ctx *c, const rl_opvec *ops, int s, uint32_t t, uint32_t *out)
{
	int os = !s;
	if (t >= c->side[s].n) {
		*out = c->side[os].n;
		return true;
	}
	const rl_op *op = &ops->v[op_at(ops, s, t)];
	if (op->kind == RL_OP_EQUAL) {
		*out = rl_point_across(c, op, s, t);
		return true;
	}
	if (t == rl_lo(op, s)) {
		*out = rl_lo(op, os);
		return true;
	}
	return false;
}

static bool unit_edge_at(const rl_ctx *c, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	return t >= sd->n || sd->ustart[rl_unit_of(sd, t)] == t;
}

/* Does unit u of side s, a line of markup (a template's "| name = value", a table's "| cell"),
 * keep its head in place: its mark and the word after it matched, one op? Its value was
 * rewritten, however long the new one ("| clubs1 = [[A]]" -> "| clubs1 = [[B C|B C]]"): the
 * line is not a deletion beside an insertion. */
static bool keeps_markup_head(const rl_ctx *c, const rl_opvec *ops, int s, uint32_t u)
{
	const rl_side *sd = &c->side[s];
	uint32_t t = sd->ustart[u];
	if (t + 1 >= sd->ustart[u + 1] || sd->tok[t].cls != RL_TOK_PUNCT || sd->tok[t].len != 1 ||
	    (sd->text[sd->tok[t].off] != '|' && sd->text[sd->tok[t].off] != '!') ||
	    sd->tok[t + 1].cls != RL_TOK_WORD)
		return false;
	const rl_op *op = &ops->v[op_at(ops, s, t)];
	return op->kind == RL_OP_EQUAL && rl_hi(op, s) > t + 1;
}

/* Does unit u of side s face a whole unit of the other side (its two ends fall on unit edges
 * there)? Then its words, however few survived, were rewritten in place, not dropped: a short
 * spun sentence ("See also feature (sense 6)." -> "View as well function (sense six).") keeps
 * its alignment; so does a line of markup that keeps its head (keeps_markup_head). */
static bool faces_unit(const rl_ctx *c, const rl_opvec *ops, int s, uint32_t u0, uint32_t u1)
{
	const rl_side *sd = &c->side[s];
	uint32_t x0, x1;
	if (!counterpart(c, ops, s, sd->ustart[u0], &x0) ||
	    !counterpart(c, ops, s, sd->ustart[u1 + 1], &x1) || x1 <= x0 ||
	    !unit_edge_at(c, !s, x0) || !unit_edge_at(c, !s, x1))
		return false;
	if (u0 == u1 && keeps_markup_head(c, ops, s, u0))
		return true;
	/* A rewritten sentence keeps roughly its length; a page of site furniture facing a template
	 * line does not. */
	double mine = rl_words(c, s, sd->ustart[u0], sd->ustart[u1 + 1]), theirs = rl_words(c, !s, x0, x1);
	return theirs >= RL_FACING_RATIO * mine && mine >= RL_FACING_RATIO * theirs;
}

/* The word tokens of side !s in a range that equal ops keep, counted by where their partners on
 * side s lie: inside a hole [h0, h1) or outside it (a unit's words matched into a hole, or from
 * elsewhere: coincidental and stray below); the lowest partner, whether one lies after the
 * hole, and the first word kept into the hole with its partner (joins_neighbour). */
typedef struct kept_words {
	uint32_t inside, outside, lowest, first, first_back;
	bool after;
} kept_words;

static void kept_back(const rl_ctx *c, const rl_opvec *ops, int s, uint32_t x0, uint32_t x1,
                      uint32_t h0, uint32_t h1, kept_words *k)
{
	int o = !s;
	const rl_side *so = &c->side[o];
	*k = (kept_words){0, 0, UINT32_MAX, UINT32_MAX, 0, false};
	for (size_t q = op_at(ops, o, x0); q < ops->n && rl_lo(&ops->v[q], o) < x1; q++) {
		const rl_op *e = &ops->v[q];
		if (e->kind != RL_OP_EQUAL)
			continue;
		uint32_t lo = rl_lo(e, o) > x0 ? rl_lo(e, o) : x0, hi = rl_hi(e, o) < x1 ? rl_hi(e, o) : x1;
		for (uint32_t x = lo; x < hi; x++) {
			uint32_t back;
			if (so->tok[x].cls != RL_TOK_WORD || !rl_partner(c, e, o, x, &back))
				continue;
			bool in = back >= h0 && back < h1;
			k->inside += in;
			k->outside += !in;
			k->lowest = back < k->lowest ? back : k->lowest;
			k->after |= back >= h1;
			if (in && k->first == UINT32_MAX)
				k->first = x, k->first_back = back;
		}
	}
}

/* Do the words of side !s in [x0, x1) (a unit, its kept words counted in k) that equal ops keep
 * outside the hole [h0, h1) of side s all stand in the unit just before the hole, in its
 * paragraph, and those kept inside the hole end both the hole's unit that holds them and [x0,
 * x1)? Then that unit of !s is the hole's neighbour joined with the end of the hole's sentence,
 * in order: two sentences made one ("work. If they can't park, they'll go," she said." ->
 * "work," she said."), not a coincidence. */
static bool joins_neighbour(const rl_ctx *c, const rl_opvec *ops, int s, uint32_t x1,
                            uint32_t h0, const kept_words *k)
{
	const rl_side *sd = &c->side[s];
	/* a title, a byline and the first sentence are no sentences to join */
	if (h0 == 0 || h0 >= sd->n || sd->tok[h0].gap >= RL_GAP_BREAK || k->first == UINT32_MAX ||
	    k->after || k->lowest < sd->ustart[rl_unit_of(sd, h0 - 1)])
		return false;
	/* the kept words of the hole are all the words from the first of them to the end of [x0,
	 * x1), and to the end of its unit of side s, one run kept (no mark kept alone before it:
	 * "[-… park-], [-they'll …-]" is a comb, not a join) */
	uint32_t back0 = k->first_back, end = sd->ustart[rl_unit_of(sd, back0) + 1];
	uint32_t run = back0;  /* the start of the kept run: its marks before the first word */
	while (run > h0 && ops->v[op_at(ops, s, run - 1)].kind == RL_OP_EQUAL)
		run--;
	for (uint32_t t = h0; t < run; t++)
		if (ops->v[op_at(ops, s, t)].kind == RL_OP_EQUAL)
			return false;
	return rl_words(c, !s, k->first, x1) == k->inside && rl_words(c, s, back0, end) == k->inside;
}

/* Are the words kept inside the hole [h0, h1) of side s coincidences? Each of them is matched in
 * a unit of the other side that owes most of its matched words to text outside the hole (the
 * "volumes" of a deleted sentence matched with the "volume" of a kept one), or that is mostly
 * not matched at all. A unit made mostly of the hole's words is its own counterpart, shortened
 * ("Keep it, and a long clause." -> "Keep it."). A hole with nothing kept is only worth mending
 * when a change ties it to text outside it. */
static bool coincidental(const rl_ctx *c, const rl_opvec *ops, int s, uint32_t h0, uint32_t h1)
{
	int o = !s;
	const rl_side *so = &c->side[o];
	bool any = false;
	uint32_t last_v = UINT32_MAX;

	for (uint32_t t = h0; t < h1; t++) {
		const rl_op *op = &ops->v[op_at(ops, s, t)];
		uint32_t p;
		if (op->kind != RL_OP_EQUAL) {
			if (rl_lo(op, s) < h0 || rl_hi(op, s) > h1)
				any = true;  /* a change reaching out of the hole */
			continue;
		}
		if (!rl_partner(c, op, s, t, &p))
			continue;  /* punctuation under ignore_punct: not compared */
		uint32_t v = rl_unit_of(so, p);
		if (v == last_v)
			continue;
		last_v = v;
		uint32_t words = 0;
		kept_words k;
		for (uint32_t x = so->ustart[v]; x < so->ustart[v + 1]; x++)
			words += so->tok[x].cls == RL_TOK_WORD;
		kept_back(c, ops, s, so->ustart[v], so->ustart[v + 1], h0, h1, &k);
		uint32_t inside = k.inside, outside = k.outside;
		/* A unit mostly made of the hole's words is its counterpart; one that shares a word
		 * or two with it and nothing else ("{lighthouse sale|hotel news}") is not. */
		if (inside >= outside && 2 * inside >= words)
			return false;
		/* two words or more of the hole end (or start) a unit of the other side, kept for
		 * half of it or more, that two words or more of the hole's neighbour begin (end): the
		 * two were joined */
		if (inside >= RL_WEAK_WORDS && outside >= RL_WEAK_WORDS && 2 * (inside + outside) >= words &&
		    joins_neighbour(c, ops, s, so->ustart[v + 1], h0, &k))
			return false;
		any = true;
	}
	return any;
}

/* OLD's headings mended so far (a title, a standfirst, a section's name, gone whole): they stay
 * out of the regions re-diffed after them. Mending NEW's side re-diffs a region that reaches back
 * over them, which gave a summary's title its coincidences back (a name kept from it against the
 * first sentence of the text it sums up), as rl_cleanup_region knows. Only headings: a sentence
 * of a text written from a template, mended as gone, may be a copy whose words the re-diff on
 * NEW's side rightly takes back (a generated pair's "If set to an integer, ..." lines). */
typedef struct holes_out {
	rl_hole *v;
	size_t n, cap;
} holes_out;

static int hole_push(holes_out *v, rl_hole h)
{
	if (v->n == v->cap) {
		size_t cap = v->cap ? 2 * v->cap : 8;
		rl_hole *nv = realloc(v->v, cap * sizeof *nv);
		if (!nv)
			return RL_ENOMEM;
		v->v = nv, v->cap = cap;
	}
	v->v[v->n++] = h;
	return RL_OK;
}

/* Are the units of side s in [h0, h1) all headings? */
static bool headings(const rl_ctx *c, int s, uint32_t h0, uint32_t h1)
{
	const rl_side *sd = &c->side[s];
	for (uint32_t u = rl_unit_of(sd, h0); u < sd->nunits && sd->ustart[u] < h1; u++)
		if (!rl_unit_heading(c, s, u))
			return false;
	return true;
}

/* The holes of `done` inside OLD [a0, a1) (and clear of the new one), then [h0, h1) of side s,
 * into *v. */
static int holes_for(const holes_out *done, uint32_t a0, uint32_t a1, int s, uint32_t h0,
                     uint32_t h1, holes_out *v)
{
	int rc = RL_OK;
	for (size_t i = 0; i < done->n && rc == RL_OK; i++) {
		rl_hole h = done->v[i];
		if (h.h0 >= a0 && h.h1 <= a1 && !(h.s == s && h.h0 < h1 && h0 < h.h1))
			rc = hole_push(v, h);
	}
	return rc == RL_OK ? hole_push(v, (rl_hole){s, h0, h1}) : rc;
}

/* Re-diff the region around the hole [h0, h1) of side s, ops k0..k1 touching it, with the hole
 * (and OLD's holes mended before, `done`) left out; the result replaces ops [*r0, *r1) of the
 * list. A hole of OLD mended joins `done`. */
static int mend(rl_ctx *c, const rl_opvec *ops, int s, uint32_t h0, uint32_t h1, size_t k0,
                size_t k1, size_t floor, uint32_t coincidences, rl_opvec *out, size_t *next,
                holes_out *done)
{
	size_t r0 = k0, r1 = k1 + 1;
	while (r0 > floor && k0 - r0 < RL_CU_REGION_OPS_MAX && !rl_cu_solid(c, &ops->v[r0 - 1]))
		r0--;
	while (r1 < ops->n && r1 - k1 < RL_CU_REGION_OPS_MAX && !rl_cu_solid(c, &ops->v[r1]))
		r1++;
	if (rl_opvec_append(out, ops->v + *next, r0 - *next) != RL_OK)
		return RL_ENOMEM;
	*next = r1;
	rl_opvec mended = {0};
	holes_out here = {NULL, 0, 0};
	int rc = holes_for(done, ops->v[r0].a0, ops->v[r1 - 1].a1, s, h0, h1, &here);
	if (rc == RL_OK)
		rc = rl_ctx_refine_holes(c, ops->v[r0].a0, ops->v[r1 - 1].a1, ops->v[r0].b0,
		                         ops->v[r1 - 1].b1, here.v, here.n, &mended);
	free(here.v);
	/* Mended, the region must match as many content words as before, but for the coincidences
	 * inside the unit. Under ignore_punct a region that kept nothing had no coincidence to cut:
	 * unless its mend keeps a word, it only moves the other side's text along the change (a
	 * redirect that faced a page's start drawn against its end). Default mode: as before (on
	 * the examples such mends were as often better as worse). */
	if (rc == RL_OK) {
		uint32_t now = rl_cu_content_kept(c, mended.v, mended.n);
		bool moot = now == 0 && c->opts.key.ignore_punct &&
		            !rl_opvec_keeps(ops->v + r0, r1 - r0);
		bool better = !moot &&
		              now + coincidences >= rl_cu_content_kept(c, ops->v + r0, r1 - r0);
		rc = better ? rl_opvec_append(out, mended.v, mended.n)
		            : rl_opvec_append(out, ops->v + r0, r1 - r0);
		if (rc == RL_OK && better && s == RL_OLD && headings(c, s, h0, h1))
			rc = hole_push(done, (rl_hole){s, h0, h1});
	}
	rl_opvec_free(&mended);
	return rc;
}

/* Sentences of NEW looked at above a list for the words an item of it restates, tokens at most,
 * and the share of the item's content words that must be there. */
#define RESTATED_UNITS 3
#define RESTATED_TOKENS 400
#define RESTATED_SHARE 0.6

static bool item_on(const rl_ctx *c, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	bool unordered;
	return rl_list_marker(sd->tok, sd->text, sd->n, t, &unordered) > 0;
}

static bool item_at(const rl_ctx *c, uint32_t t)
{
	return item_on(c, RL_NEW, t);
}

/* Does an equal op among ops [k0, k1] pair words with a list item of OLD (a list kept as a list,
 * not a sentence restated by a bullet)? */
static bool kept_from_items(const rl_ctx *c, const rl_opvec *ops, size_t k0, size_t k1)
{
	const rl_side *sa = &c->side[RL_OLD];
	for (size_t k = k0; k <= k1 && k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		if (op->kind != RL_OP_EQUAL || op->a1 == op->a0)
			continue;
		for (uint32_t u = rl_unit_of(sa, op->a0), ulast = rl_unit_of(sa, op->a1 - 1); u <= ulast; u++)
			if ((sa->uflags[u] & RL_UNIT_LINE) && item_on(c, RL_OLD, sa->ustart[u]))
				return true;
	}
	return false;
}

/* The first unit of the line that NEW unit u stands on. */
static uint32_t line_start(const rl_ctx *c, uint32_t u)
{
	const rl_side *sd = &c->side[RL_NEW];
	while (u > 0 && !(sd->uflags[u] & (RL_UNIT_LINE | RL_UNIT_PARA)))
		u--;
	return u;
}

/* Does NEW unit u stand on a list item's line: the item, or a sentence after it there? */
static bool on_item(const rl_ctx *c, uint32_t u)
{
	const rl_side *sd = &c->side[RL_NEW];
	uint32_t l = line_start(c, u);
	return (sd->uflags[l] & RL_UNIT_LINE) && item_at(c, sd->ustart[l]);
}

/* Is NEW unit u a list item restating the sentences of NEW just above its list ("- Brass lamps
 * polished" under "...and polished the brass lamps.")? Its words come from there: an OLD sentence
 * matched with it has its partner in those sentences. A summary's bullets that restate OLD are
 * not: the sentences they restate are gone from NEW. */
static bool restates_new(const rl_ctx *c, uint32_t u)
{
	const rl_side *sd = &c->side[RL_NEW];
	if (!(sd->uflags[u] & RL_UNIT_LINE) || !item_at(c, sd->ustart[u]))
		return false;  /* a list item is a line of its own (a dash inside a line is no bullet) */
	uint32_t p = u;
	while (p > 0 && on_item(c, p - 1))
		p--;  /* (an item of two sentences is one item: "- The ferry departs. It is") */
	uint32_t lo = p, prose = 0;
	while (lo > 0 && prose < RESTATED_UNITS && !on_item(c, lo - 1) &&
	       sd->ustart[p] - sd->ustart[lo - 1] <= RESTATED_TOKENS)
		lo--, prose++;
	uint32_t words = 0, found = 0;
	for (uint32_t t = sd->ustart[u]; prose > 0 && t < sd->ustart[u + 1]; t++) {
		if (!rl_is_content(c, RL_NEW, t) || (sd->tok[t].flags & RL_TF_SOLO))
			continue;  /* words between spaces: a Han character alone says little */
		words++;
		for (uint32_t x = sd->ustart[lo]; x < sd->ustart[p]; x++)
			if (sd->ids[x] == sd->ids[t]) {
				found++;
				break;
			}
	}
	return words >= 2 && found >= RESTATED_SHARE * words;
}

/* Is NEW unit u part of a list item that restates_new: the item's first unit, or a sentence after
 * it on the item's line ("- Is presented at the gate. For illustration")? */
static bool in_restating_item(const rl_ctx *c, uint32_t u)
{
	return restates_new(c, line_start(c, u));
}

/* The list items around unit u that restate the sentences above their list, as one hole
 * [*h0, *h1): the generator's bullets, and a reader's, often restate one sentence in several
 * overlapping items ("- The ferry departs the pier at sunrise. It is", "- It is able to be
 * boarded when ..."). Mended one at a time, the OLD sentence whose words the first item held
 * takes them from the next instead (each item matches it as well as the sentence's own rewrite,
 * or by a word more: "but" where the rewrite says "yet"), and the rewrite stays inserted. The
 * hole reaches back no further than the ops already written (from op `next` on). Returns the
 * last unit of the hole. */
static uint32_t restating_items(const rl_ctx *c, const rl_opvec *ops, uint32_t u, size_t next,
                                uint32_t *h0, uint32_t *h1)
{
	const rl_side *sd = &c->side[RL_NEW];
	uint32_t first = u, last = u;
	while (first > 0 && in_restating_item(c, first - 1) &&
	       op_at(ops, RL_NEW, sd->ustart[first - 1]) >= next)
		first--;
	while (last + 1 < sd->nunits && in_restating_item(c, last + 1))
		last++;
	*h0 = sd->ustart[first];
	*h1 = sd->ustart[last + 1];
	return last;
}

/* Units gone on side s whose words were still matched here and there by coincidence (or merged
 * into a neighbouring rewrite): mend the region around each so that the unit stands alone as a
 * deletion (insertion) and its neighbours find their true partners. With `items` (NEW only), the
 * list items that restate NEW's sentences above them instead: an OLD sentence matched with such a
 * bullet finds its rewrite, which the bullet had left looking inserted whole. */
static int mend_side(rl_ctx *c, rl_opvec *ops, int s, bool items, unit_info *keep, uint64_t end,
                     holes_out *done)
{
	const rl_side *sd = &c->side[s];
	unit_info ui = {NULL, NULL, NULL, NULL, NULL};
	rl_opvec out = rl_ctx_scratch(c, ops->n);
	size_t next = 0;
	int rc = RL_OK;
	if (keep && keep->ops)
		ui = *keep, *keep = (unit_info){NULL, NULL, NULL, NULL, NULL};  /* taken over */
	else
		rc = unit_info_init(c, ops, s, &ui);

	for (uint32_t u = 0; rc == RL_OK && u < sd->nunits && c->rediffed < end; u++) {
		if (items) {
			if (ui.kept[u] == 0 || ui.clean[u] || !restates_new(c, u))
				continue;
			uint32_t h0, h1, v = restating_items(c, ops, u, next, &h0, &h1);
			size_t k0 = op_at(ops, s, h0), k1 = op_at(ops, s, h1 - 1);
			if (k0 >= next && !kept_from_items(c, ops, k0, k1))
				rc = mend(c, ops, s, h0, h1, k0, k1, next, kept_content_in(c, ops, s, h0, h1),
				          &out, &next, done);
			u = v;
			continue;
		}
		if (!unit_gone(c, &ui, s, u))
			continue;
		uint32_t v = u;
		bool clean = ui.clean[u];
		while (v + 1 < sd->nunits && unit_gone(c, &ui, s, v + 1))
			clean &= ui.clean[++v];
		uint32_t h0 = sd->ustart[u], h1 = sd->ustart[v + 1];
		size_t k0 = op_at(ops, s, h0), k1 = op_at(ops, s, h1 - 1);
		if (!clean && k0 >= next && !faces_unit(c, ops, s, u, v) &&
		    coincidental(c, ops, s, h0, h1))
			rc = mend(c, ops, s, h0, h1, k0, k1, next, kept_content_in(c, ops, s, h0, h1), &out,
			          &next, done);
		u = v;
	}
	if (rc == RL_OK && next > 0) {
		rc = rl_opvec_append(&out, ops->v + next, ops->n - next);
		if (rc == RL_OK)
			rl_opvec_swap(ops, &out);
	}
	rl_ctx_recycle(c, &out);
	if (rc == RL_OK && next == 0 && keep)
		*keep = ui;  /* the ops did not change: the next pass over this side starts from it */
	else
		unit_info_free(&ui);
	return rc;
}

/* A deletion right next to an insertion may be one sentence rewritten, not one sentence dropped
 * and another added: diff them; when they share enough words in order, that is the better
 * reading. */
#define REWORDED_SHARE 0.4
#define REWORDED_MIN_WORDS 3

/* Are ops k and k+1 a deletion and an insertion side by side? */
static bool neighbours(const rl_opvec *ops, size_t k)
{
	if (k + 1 >= ops->n)
		return false;
	const rl_op *x = &ops->v[k], *y = &ops->v[k + 1];
	return !x->move && !y->move && x->a1 == y->a0 && x->b1 == y->b0 &&
	       ((x->kind == RL_OP_DELETE && y->kind == RL_OP_INSERT) ||
	        (x->kind == RL_OP_INSERT && y->kind == RL_OP_DELETE));
}

static int pair_neighbours(rl_ctx *c, rl_opvec *ops, uint64_t end)
{
	rl_opvec out, d = {0};
	int rc = RL_OK;
	size_t first = 0;

	while (first < ops->n && !neighbours(ops, first))
		first++;
	if (first == ops->n)
		return RL_OK;  /* nothing to pair: no copy */
	out = rl_ctx_scratch(c, ops->n);
	rc = rl_opvec_append(&out, ops->v, first);
	for (size_t k = first; k < ops->n && rc == RL_OK;) {
		const rl_op *x = &ops->v[k], *y = k + 1 < ops->n ? &ops->v[k + 1] : NULL;
		if (!neighbours(ops, k) || c->rediffed >= end) {
			rc = rl_opvec_push(&out, x);
			k++;
			continue;
		}
		d.n = 0;
		rc = rl_ctx_refine(c, x->a0, y->a1, x->b0, y->b1, &d);
		uint32_t eq = 0, content = 0;
		for (size_t i = 0; rc == RL_OK && i < d.n; i++) {
			if (d.v[i].kind != RL_OP_EQUAL)
				continue;
			eq += rl_op_words(c, &d.v[i], RL_OLD);
			for (uint32_t t = d.v[i].a0; t < d.v[i].a1; t++)
				content += rl_is_content(c, RL_OLD, t);
		}
		uint32_t wa = rl_words(c, RL_OLD, x->a0, y->a1), wb = rl_words(c, RL_NEW, x->b0, y->b1);
		bool reworded = eq >= REWORDED_MIN_WORDS && content > 0 &&
		                eq >= REWORDED_SHARE * (wa > wb ? wa : wb);
		if (rc == RL_OK)
			rc = reworded ? rl_opvec_append(&out, d.v, d.n) : rl_opvec_append(&out, x, 2);
		k += 2;
	}
	if (rc == RL_OK)
		rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	rl_opvec_free(&d);
	return rc;
}

int rl_cleanup_units(rl_ctx *c, rl_opvec *ops)
{
	unit_info keep = {NULL, NULL, NULL, NULL, NULL};
	holes_out done = {NULL, 0, 0};
	uint64_t end = rl_ctx_tries_end(c, TRIES_PER_TOKEN, TRIES_MIN);
	int rc = rl_cu_mend_splits(c, ops, end);
	if (rc == RL_OK)
		rc = mend_side(c, ops, RL_OLD, false, NULL, end, &done);
	if (rc == RL_OK)
		rc = mend_side(c, ops, RL_NEW, true, &keep, end, &done);
	if (rc == RL_OK)
		rc = mend_side(c, ops, RL_NEW, false, &keep, end, &done);
	unit_info_free(&keep);
	free(done.v);
	return rc == RL_OK ? pair_neighbours(c, ops, end) : rc;
}

/* ------------------------------------------------------------------ a region re-diffed */

/* Units (or the parts of units) that a region's re-diff may have matched by coincidence are
 * mended at most this many times per region: each mend diffs the region again. */
#define REGION_MENDS 4

/* Words of equal ops kept in [p0, p1) of side s, and whether one op keeps more than a weak run of
 * them. */
static uint32_t kept_part(const rl_ctx *c, const rl_opvec *ops, int s, uint32_t p0, uint32_t p1,
                          bool *run)
{
	uint32_t n = 0;
	*run = false;
	for (size_t k = op_at(ops, s, p0); k < ops->n && rl_lo(&ops->v[k], s) < p1; k++) {
		const rl_op *op = &ops->v[k];
		if (op->kind != RL_OP_EQUAL)
			continue;
		uint32_t lo = rl_lo(op, s) > p0 ? rl_lo(op, s) : p0, hi = rl_hi(op, s) < p1 ? rl_hi(op, s) : p1;
		uint32_t w = rl_words(c, s, lo, hi);
		n += w;
		*run |= w > RL_WEAK_WORDS;
	}
	return n;
}

/* Are the words kept in [h0, h1) of side s matched into units of the other side that are not its
 * counterpart: units that keep most of their matched words from outside the hole, or keep few at
 * all (coincidental above, within the region's ranges [olo, ohi) of the other side)? */
static bool stray(const rl_ctx *c, const rl_opvec *ops, int s, uint32_t h0, uint32_t h1,
                  uint32_t olo, uint32_t ohi)
{
	int o = !s;
	const rl_side *so = &c->side[o];
	bool any = false;
	for (size_t k = op_at(ops, s, h0); k < ops->n && rl_lo(&ops->v[k], s) < h1; k++) {
		const rl_op *op = &ops->v[k];
		if (op->kind != RL_OP_EQUAL || rl_op_words(c, op, s) == 0)
			continue;
		uint32_t t = rl_lo(op, s) > h0 ? rl_lo(op, s) : h0;
		uint32_t v = rl_unit_of(so, rl_lo(op, o) + (t - rl_lo(op, s)));
		uint32_t x0 = so->ustart[v] > olo ? so->ustart[v] : olo;
		uint32_t x1 = so->ustart[v + 1] < ohi ? so->ustart[v + 1] : ohi;
		uint32_t words = rl_words(c, o, so->ustart[v], so->ustart[v + 1]);
		kept_words kw;
		kept_back(c, ops, s, x0, x1, h0, h1, &kw);
		if (kw.inside >= kw.outside && 2 * kw.inside >= words)
			return false;
		any = true;
	}
	return any;
}

/* The first part of a unit of side s in the region that keeps its words only by coincidence, as
 * unit_gone above judges a whole unit: *h0, *h1; *kept its content words kept. */
static bool gone_part(const rl_ctx *c, const rl_opvec *ops, int s, const uint32_t lo[2],
                      const uint32_t hi[2], uint32_t *h0, uint32_t *h1)
{
	const rl_side *sd = &c->side[s];
	if (hi[s] <= lo[s])
		return false;
	for (uint32_t u = rl_unit_of(sd, lo[s]), ulast = rl_unit_of(sd, hi[s] - 1); u <= ulast; u++) {
		uint32_t p0 = sd->ustart[u] > lo[s] ? sd->ustart[u] : lo[s];
		uint32_t p1 = sd->ustart[u + 1] < hi[s] ? sd->ustart[u + 1] : hi[s];
		bool run;
		uint32_t w = rl_words(c, s, p0, p1), kept = kept_part(c, ops, s, p0, p1, &run);
		if (kept == 0 || run || w < GONE_UNIT_WORDS || kept * GONE_UNIT_RATIO > w)
			continue;
		if (p0 == sd->ustart[u] && p1 == sd->ustart[u + 1] && faces_unit(c, ops, s, u, u))
			continue;  /* a sentence rewritten in place */
		if (!stray(c, ops, s, p0, p1, lo[!s], hi[!s]))
			continue;
		*h0 = p0, *h1 = p1;
		return true;
	}
	return false;
}

int rl_cleanup_region(rl_ctx *c, rl_opvec *ops)
{
	if (ops->n == 0 || !(c->stages & RL_STAGE_CLEANUP) || c->opts.key.ignore_punct)
		return RL_OK;
	const uint32_t lo[2] = {ops->v[0].a0, ops->v[0].b0};
	const uint32_t hi[2] = {ops->v[ops->n - 1].a1, ops->v[ops->n - 1].b1};
	rl_opvec mended = {0};
	int rc = RL_OK;
	/* The holes mended so far stay out of the next re-diff: mending NEW's side must not give an
	 * OLD heading its coincidences back. */
	rl_hole holes[REGION_MENDS];
	size_t nholes = 0;
	for (int round = 0, s = 0; rc == RL_OK && round < REGION_MENDS && s < 2; round++) {
		uint32_t h0, h1;
		if (!gone_part(c, ops, s, lo, hi, &h0, &h1)) {
			s++;
			continue;
		}
		mended.n = 0;
		if (h0 == lo[s] && h1 == hi[s]) {
			/* The whole side is the hole: a deletion beside an insertion. */
			rl_op x = {lo[0], s == RL_OLD ? hi[0] : lo[0], lo[1], s == RL_NEW ? hi[1] : lo[1],
			           0, s == RL_OLD ? RL_OP_DELETE : RL_OP_INSERT, 0};
			rl_op y = {x.a1, hi[0], x.b1, hi[1], 0, 0, 0};
			y.kind = rl_change_kind(y.a1 > y.a0, y.b1 > y.b0);
			rc = rl_opvec_push(&mended, &x);
			if (rc == RL_OK && (y.a1 > y.a0 || y.b1 > y.b0))
				rc = rl_opvec_push(&mended, &y);
		} else {
			holes[nholes] = (rl_hole){s, h0, h1};
			rc = rl_ctx_refine_holes(c, lo[0], hi[0], lo[1], hi[1], holes, nholes + 1, &mended);
		}
		if (rc != RL_OK)
			break;
		if (rl_cu_content_kept(c, mended.v, mended.n) + kept_content_in(c, ops, s, h0, h1) <
		    rl_cu_content_kept(c, ops->v, ops->n)) {
			s++;  /* the coincidences held more than themselves: leave this side */
			continue;
		}
		rl_opvec_swap(ops, &mended);
		holes[nholes++] = (rl_hole){s, h0, h1};
	}
	rl_opvec_free(&mended);
	return rc;
}
