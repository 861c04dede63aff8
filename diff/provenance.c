/* provenance.c: provenance links from units of NEW to the OLD sentences they restate elsewhere.
 *
 * Words are compared as stems (lower case, a plural, verb, "-ly" or "-ment" ending cut, a
 * consonant doubled before "-ing" or "-ed" undoubled, at most STEM_BYTES bytes: "tests" and
 * "testing", "committing" and "commitment" meet), content words only, each weighted by its
 * rarity among OLD's units: a stem in few sentences says more than one in many. OLD's units are
 * indexed by their stems; a NEW unit finds its candidates through the postings of its rarer stems
 * (at most DF_CAP units each), and the best few are scored exactly by reading them. A unit is
 * linked when the best OLD unit covers at least LINK_SHARE of its weight with three stems or more
 * (PAIR_SHARE with two, both rare in OLD: PAIR_DF), and that unit is not one the unit already
 * stands beside (shares an op with) nor beaten by one it stands beside. A phrase of PHRASE_WORDS words restated in order
 * counts its stems twice. Units that keep most of their words in place are not looked at. A link
 * on fewer than SURE_STEMS stems and no phrase is weak: it stands only in NEW's body (up to its
 * last unit that restates OLD, drop_unsupported()). The
 * thresholds were set on the corpus summary (scripts/summary_sources.py), checked on the project's
 * own digests (examples/), and keep a spun copy and a retranslation free of links.
 *
 * The search is built in provenance_index.c and a unit's sources are found in provenance_link.c
 * (the thresholds are there), over provenance_search.h; this file runs the stage: every unit
 * linked in turn, the links that restate nothing dropped, the words kept by chance found, the ops
 * cut at the links. */
#include "provenance.h"
#include "provenance_search.h"

#include <stdlib.h>
#include <string.h>

#include "status.h"
#include "stems.h"
#include "structure.h"

enum { EV_NONE, EV_WEAK, EV_SURE };

/* Does NEW unit u restate OLD text, so that the weak links before it are in the body of NEW: is
 * it linked surely, or does it stand beside OLD text, keeping a quarter of its words in place
 * (two at least: "the" kept alone is a coincidence)? A sentence rewritten beside its source
 * keeps about that much ("The fishing fleet returned in May after the spring dredging" beside
 * "… the fishing boats came back in May"). */
static bool vouches(const search *x, const uint8_t *ev, uint32_t u)
{
	const rl_side *sb = &x->c->side[RL_NEW];
	uint32_t words = rl_words(x->c, RL_NEW, sb->ustart[u], sb->ustart[u + 1]);
	return ev[u] == EV_SURE || (x->kept[u] >= 2 && 4 * x->kept[u] >= words);
}

/* Drop the weak links that restate nothing. A couple of words shared with an OLD sentence are a
 * restatement in the body of NEW (a summary's bullet among bullets that restate their sentences
 * or keep them in place, a headline above them) and a coincidence after it: the headlines of
 * other stories, a newsletter box, a copyright line, which name the site, a street or the town
 * as the article does. The body ends with the last unit that vouches (vouches()). (Dropping a
 * weak link to a sentence that still stands in NEW as well lost true ones: a "key points" box
 * restates an article that it keeps whole, and the generated pairs' bullets restate paragraphs
 * kept beside them, 37 links on five pairs.) When the budget ran out (spent), the units not
 * looked at may hold sure links: the body is taken to run to the end. */
static void drop_unsupported(const search *x, const uint8_t *ev, bool spent, rl_link *v,
                             size_t *n)
{
	const rl_side *sb = &x->c->side[RL_NEW];
	uint32_t last = spent ? sb->nunits : NONE;  /* the units not looked at may vouch */
	for (uint32_t u = 0; u < sb->nunits && !spent; u++)
		if (vouches(x, ev, u))
			last = u;
	size_t k = 0;
	for (size_t i = 0; i < *n; i++) {
		uint32_t u = rl_unit_of(sb, v[i].b0);
		if (ev[u] == EV_WEAK && (last == NONE || u > last))
			continue;
		v[k++] = v[i];
	}
	*n = k;
}

/* Is the NEW unit of link a a heading that the unit of link b gives again, word for word? */
static bool repeated_heading(const rl_ctx *c, const rl_link *a, const rl_link *b)
{
	const rl_side *sb = &c->side[RL_NEW];
	uint32_t len = a->b1 - a->b0;
	if (len == 0 || b->b1 - b->b0 != len || !rl_unit_heading(c, RL_NEW, rl_unit_of(sb, a->b0)))
		return false;
	for (uint32_t i = 0; i < len; i++)
		if (sb->ids[a->b0 + i] != sb->ids[b->b0 + i])
			return false;
	return true;
}

/* A heading given twice, the second copy the next unit linked to the same OLD sentence (a web
 * page's title in its header, then again as its article's headline), restates that sentence
 * once: the copy that heads the article, the later one, keeps the link, and the page's title is
 * an insertion of its own, as the other lines of the header are. */
static void drop_repeated_headings(const rl_ctx *c, rl_link *v, size_t *n)
{
	size_t w = 0;
	for (size_t k = 0; k < *n; k++)
		if (!(k + 1 < *n && v[k].a0[0] == v[k + 1].a0[0] && repeated_heading(c, &v[k], &v[k + 1])))
			v[w++] = v[k];
	*n = w;
}

/* Link each unit of NEW in turn while the budget lasts; the links in *v[0..*n). When the budget
 * runs out, the links found so far stand. */
static int link_units(search *x, rl_link **v, size_t *n)
{
	const rl_side *sb = &x->c->side[RL_NEW];
	size_t cap = 0;
	uint32_t pass = 0;
	uint8_t *ev = calloc((size_t)sb->nunits + 1, 1);
	if (!ev)
		return RL_ENOMEM;
	for (uint32_t u = 0; u < sb->nunits && x->c->rediff_work > 0; u++) {
		rl_link ln;
		bool sure = false;
		if (!rl_pv_link_unit(x, u, &pass, &ln, &sure)) {
			if (!x->oom)
				continue;
			free(ev);
			return RL_ENOMEM;
		}
		ev[u] = sure ? EV_SURE : EV_WEAK;
		if (*n == cap) {
			size_t nc = cap ? 2 * cap : 16;
			rl_link *nv = realloc(*v, nc * sizeof *nv);
			if (!nv) {
				free(ev);
				return RL_ENOMEM;
			}
			*v = nv, cap = nc;
		}
		(*v)[(*n)++] = ln;
	}
	drop_unsupported(x, ev, x->c->rediff_work == 0, *v, n);
	drop_repeated_headings(x->c, *v, n);
	free(ev);
	return RL_OK;
}

/* A linked unit that keeps fewer content words than this where it stands (distinct stems, a
 * compound's tail no word of its own) may keep them by chance: see kept_by_chance(). */
#define CHANCE_STEMS 3

/* What a linked unit keeps where it stands (chance_counts). */
typedef struct held_by {
	uint32_t stems;   /* distinct content stems kept; CHANCE_STEMS when it cannot be chance */
	uint32_t lo, hi;  /* the OLD units its kept words stand in, or lo > hi */
	uint32_t swapped; /* its words in one-for-one swaps (SWAP_WORDS a side at most) */
	uint32_t words;   /* its words kept, but for the names the story repeats */
	bool any;         /* a word kept */
} held_by;

/* A replace op of this many words a side at most is a swap (a synonym for a word, "built" for
 * "constructed"), not a passage rewritten. */
#define SWAP_WORDS 2

/* Count op, a replace, in h[i] when it is a swap inside link i's unit. */
static void count_swap(const rl_ctx *c, const rl_op *op, const rl_link *ln, held_by *h)
{
	uint32_t wa = rl_op_words(c, op, RL_OLD), wb = rl_op_words(c, op, RL_NEW);
	if (op->b0 >= ln->b0 && op->b1 <= ln->b1 && wa && wb && wa <= SWAP_WORDS && wb <= SWAP_WORDS)
		h->swapped += wb;
}

/* Fill h[0..n) from the equal and typo ops over each linked unit: one walk over the ops and the
 * links, both in NEW's order. A passage moved into the unit, or a word of a script written
 * without spaces (one character a word: the sentence's characters kept are no few words), is
 * no chance. */
static void chance_counts(search *x, const rl_opvec *ops, const rl_link *v, size_t n, held_by *h)
{
	const rl_side *sa = &x->c->side[RL_OLD];
	const rl_token *tok = x->c->side[RL_NEW].tok;
	const uint32_t *ids = x->c->side[RL_NEW].ids;
	for (size_t j = 0; j < n; j++)
		h[j].lo = NONE, h[j].hi = 0;
	size_t i = 0;
	x->stamp++;
	for (size_t k = 0; k < ops->n && i < n; k++) {
		const rl_op *op = &ops->v[k];
		while (i < n && v[i].b1 <= op->b0)
			i++, x->stamp++;  /* a fresh stamp: each unit counts its own stems */
		if (i == n || op->b1 <= v[i].b0)
			continue;  /* before the next linked unit: most ops of a long text */
		if (!op->move && op->kind == RL_OP_REPLACE)
			count_swap(x->c, op, &v[i], &h[i]);
		if (!op->move && op->kind != RL_OP_EQUAL && op->kind != RL_OP_TYPO)
			continue;
		for (uint32_t t = op->b0; t < op->b1 && i < n; t++) {
			while (i < n && v[i].b1 <= t)
				i++, x->stamp++;
			if (i == n || t < v[i].b0)
				continue;
			if (op->move || (tok[t].flags & RL_TF_SOLO))
				h[i].stems = CHANCE_STEMS;
			h[i].any |= tok[t].cls == RL_TOK_WORD;
			uint32_t m = rl_stem_at(&x->st, RL_NEW, t), ua = rl_unit_of(sa, op->a0);
			h[i].words += tok[t].cls == RL_TOK_WORD && !(tok[t].flags & RL_TF_GLUED) &&
			              !(m != NONE && x->df[m] > 1 && x->names[ids[t]] == RL_NAME_SEEN);
			h[i].lo = ua < h[i].lo ? ua : h[i].lo;
			h[i].hi = ua > h[i].hi ? ua : h[i].hi;
			if (m != NONE && x->mark[m] != x->stamp && h[i].stems < CHANCE_STEMS) {
				x->mark[m] = x->stamp;
				h[i].stems++;
			}
		}
	}
}

/* Which linked units keep words in place by chance, into *apart (n flags, set only on success,
 * NULL when none): those whose kept words (equal and typo ops) hold fewer than CHANCE_STEMS
 * content stems and are less than a quarter of the unit's words (the names the story repeats left
 * out: they say who a line is about, not which sentence it restates, as for a heading's link,
 * beyond_names), beside OLD sentences that keep less than a quarter of theirs in all, the unit's
 * words kept and swapped one for one less than half of them. Their words come mostly from the
 * linked OLD text elsewhere, and the sentence they stand beside shares little more with them than
 * the story's common words ("models", "open source" beside an unrelated sentence of the article,
 * the bullet restating a quotation six paragraphs on): a reader takes a unit drawn beside a
 * sentence, its words kept, for a restatement of that sentence, and then reads a link that says
 * otherwise. A quarter of the unit kept is a restatement beside it (vouches()); a sentence beside
 * that keeps a quarter of its words, with this unit or the units around it, stayed where it was,
 * and the unit stands in its place: a verse retranslated as two sentences ("But Jesus answered, …
 * and healed him." / "And Jesus answered and said, Suffer ye thus far. And he touched …", the
 * first linked to a verse on suffering), an infobox's field given a value; and a sentence spun
 * word for word in its place ("Perl only provides method inheritance as a built-in feature" /
 * "Perls solely gives methodology inheritances as a constructed-in function") keeps few words but
 * swaps most. RL_ENOMEM. */
static int kept_by_chance(search *x, const rl_opvec *ops, const rl_link *v, size_t n,
                          uint8_t **apart)
{
	held_by *h = calloc(n + 1, sizeof *h);
	uint8_t *out = calloc(n + 1, 1);
	if (!h || !out) {
		free(h), free(out);
		return RL_ENOMEM;
	}
	if (!rl_pv_names_table(x)) {
		free(h), free(out);
		return RL_ENOMEM;
	}
	chance_counts(x, ops, v, n, h);
	const rl_side *sa = &x->c->side[RL_OLD], *sb = &x->c->side[RL_NEW];
	bool any = false;
	for (size_t j = 0; j < n; j++) {
		if (!h[j].any || h[j].stems >= CHANCE_STEMS)
			continue;
		uint32_t kept = x->kept[rl_unit_of(sb, v[j].b0)], okept = 0;
		for (uint32_t u = h[j].lo; u <= h[j].hi; u++)
			okept += x->okept[u];
		uint32_t words = rl_words(x->c, RL_NEW, v[j].b0, v[j].b1);
		uint32_t beside = rl_words(x->c, RL_OLD, sa->ustart[h[j].lo], sa->ustart[h[j].hi + 1]);
		out[j] = 4 * h[j].words < words && 4 * okept < beside &&
		         2 * (kept + h[j].swapped) < words;
		any |= out[j];
	}
	free(h);
	if (!any)
		free(out), out = NULL;
	*apart = out;
	return RL_OK;
}

/* Paragraph numbers of the first sources: one walk over OLD's units, the links by source. */
static int number_paras(const rl_ctx *c, rl_link *v, size_t n)
{
	const rl_side *sa = &c->side[RL_OLD];
	uint32_t *para = malloc(((size_t)sa->nunits + 1) * sizeof *para);
	if (!para)
		return RL_ENOMEM;
	/* A text with no blank line is one paragraph a line (src/print/hunks.c). */
	uint8_t starts = RL_UNIT_LINE;
	for (uint32_t u = 1; u < sa->nunits; u++)
		if (sa->uflags[u] & RL_UNIT_PARA) {
			starts = RL_UNIT_PARA;
			break;
		}
	uint32_t p = 0;
	for (uint32_t u = 0; u < sa->nunits; u++) {
		p += u == 0 || (sa->uflags[u] & starts);
		para[u] = p;
	}
	for (size_t k = 0; k < n; k++)
		v[k].para = para[rl_unit_of(sa, v[k].a0[0])];
	free(para);
	return RL_OK;
}

/* Could NEW unit u, which keeps `kept` of its words in place, be linked (rl_pv_link_unit)? Not
 * when it keeps most of its words, nor with fewer than MIN_STEMS weighed words (mark_stems
 * wants as many stems, and only a weighed word has one). */
static bool enough_words(const rl_ctx *c, uint32_t u, uint32_t kept)
{
	const rl_side *sb = &c->side[RL_NEW];
	uint32_t t0 = sb->ustart[u], t1 = sb->ustart[u + 1], weighs = 0;
	if (2 * kept >= rl_words(c, RL_NEW, t0, t1))
		return false;
	for (uint32_t t = t0; t < t1 && weighs < MIN_STEMS; t++)
		weighs += rl_stem_weighed(c, RL_NEW, t);
	return weighs >= MIN_STEMS;
}

/* Nor when fewer than two of its weighed words lie outside the ops that hold it in place (held:
 * a bit per NEW token, equal and moved ops): free_shared wants two such stems shared with the
 * source. A revision's edited unit is most often a few words changed in a sentence that keeps
 * the rest, and then the stage's set-up over the whole of OLD (its context on a window, its
 * stems and index) was built for nothing (wd2's pairs: 16 of the 500 comparisons). */
static bool two_free(const rl_ctx *c, uint32_t u, const uint8_t *held)
{
	const rl_side *sb = &c->side[RL_NEW];
	uint32_t nfree = 0;
	for (uint32_t t = sb->ustart[u]; t < sb->ustart[u + 1] && nfree < 2; t++)
		nfree += !(held[t / 8] >> (t % 8) & 1) && rl_stem_weighed(c, RL_NEW, t);
	return nfree >= 2;
}

/* Is any unit `want` marks one that enough_words and two_free allow? */
static bool any_may_link(const rl_ctx *c, const uint32_t *kept, const uint8_t *held,
                         const uint8_t *want)
{
	for (uint32_t u = 0; u < c->side[RL_NEW].nunits; u++)
		if (want[u] && two_free(c, u, held) && enough_words(c, u, kept[u]))
			return true;
	return false;
}

static int find(rl_ctx *c, const rl_opvec *ops, rl_link **out, size_t *nout, uint8_t **apart)
{
	search x;
	memset(&x, 0, sizeof x);
	x.c = c;
	uint8_t *want = NULL;
	rl_link *v = NULL;
	size_t n = 0;
	int rc = rl_pv_beside(&x, ops);
	if (rc == RL_OK)
		rc = rl_pv_wanted_units(&x, &want);
	if (rc == RL_OK && want && any_may_link(c, x.kept, x.held, want)) {
		rc = rl_pv_setup(&x, want);
		if (rc == RL_OK)
			rc = link_units(&x, &v, &n);
		if (rc == RL_OK && n > 0)
			rc = number_paras(c, v, n);
		if (rc == RL_OK && n > 0)
			rc = kept_by_chance(&x, ops, v, n, apart);
		if (rc == RL_ECANCELED)
			rc = RL_OK;  /* the budget ran out while indexing OLD: no links */
	}
	free(want);
	rl_pv_free(&x);
	if (rc != RL_OK) {
		free(v);
		return rc;
	}
	*out = v;
	*nout = n;
	return RL_OK;
}

/* The first link that ends after token t of NEW. */
static size_t link_after(const rl_link *v, size_t n, uint32_t t)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].b1 <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Only insert and replace ops are cut at the links. */
static inline bool cuttable(const rl_op *op)
{
	return (op->kind == RL_OP_INSERT || op->kind == RL_OP_REPLACE) && !op->move;
}

/* The pieces op is cut into where a linked unit starts or ends in NEW (1: it is not cut), written
 * to out when out is not NULL. Only insert and replace ops are cut, so that each op over a linked
 * unit covers that unit only and carries its own link; a replace keeps its OLD words in its first
 * piece, the other pieces are insertions. */
static size_t pieces_at_links(rl_op op, const rl_link *v, size_t n, size_t *hint, rl_op *out)
{
	if (!cuttable(&op)) {
		if (out)
			*out = op;
		return 1;
	}
	/* link_after(op.b0): the ops come in NEW's order, so it is most often the last answer or
	 * the one next to it (a search over all the links for each op, twice, cost 25 M instructions
	 * on the 1 MB pair). */
	size_t i = *hint, np = 0;
	bool at = (i == n || v[i].b1 > op.b0) && (i == 0 || v[i - 1].b1 <= op.b0);
	if (!at && i < n && v[i].b1 <= op.b0 && (i + 1 == n || v[i + 1].b1 > op.b0))
		i++;
	else if (!at && i > 0 && v[i - 1].b1 > op.b0 && (i == 1 || v[i - 2].b1 <= op.b0))
		i--;
	else if (!at)
		i = link_after(v, n, op.b0);
	*hint = i;
	bool splits = i < n &&
	              ((v[i].b0 > op.b0 && v[i].b0 < op.b1) || (v[i].b1 > op.b0 && v[i].b1 < op.b1));
	for (; splits && i < n && op.b0 < op.b1; i++) {
		uint32_t cut[2] = {v[i].b0, v[i].b1};
		for (int j = 0; j < 2; j++) {
			if (cut[j] <= op.b0 || cut[j] >= op.b1)
				continue;
			if (out) {
				out[np] = op;
				out[np].b1 = cut[j];
			}
			np++;
			op.a0 = op.a1, op.b0 = cut[j];  /* the rest has no OLD words: an insertion */
			op.kind = RL_OP_INSERT;
		}
	}
	if (out)
		out[np] = op;
	return np + 1;
}

/* Cut the ops at the links, in place: the list grows by the pieces added and is filled from its
 * end (a copy of it, at the end of the comparison, was its peak and thousands of page faults). */
static int split_at_links(rl_opvec *ops, const rl_link *v, size_t n)
{
	size_t extra = 0, hint = 0;
	for (size_t k = 0; k < ops->n; k++)
		if (cuttable(&ops->v[k]))
			extra += pieces_at_links(ops->v[k], v, n, &hint, NULL) - 1;
	if (extra == 0)
		return RL_OK;
	if (ops->n + extra > ops->cap) {
		rl_op *nv = realloc(ops->v, (ops->n + extra) * sizeof *nv);
		if (!nv)
			return RL_ENOMEM;
		ops->v = nv, ops->cap = ops->n + extra;
	}
	/* Op k's pieces go at or after k: the ops after it are already in place past them. */
	size_t end = ops->n + extra;
	for (size_t k = ops->n; k-- > 0;) {
		rl_op op = ops->v[k];
		size_t np = cuttable(&op) ? pieces_at_links(op, v, n, &hint, NULL) : 1;
		end -= np;
		if (np == 1)
			ops->v[end] = op;  /* not cut: itself (its pieces worked out once, not twice) */
		else
			pieces_at_links(op, v, n, &hint, ops->v + end);
	}
	ops->n += extra;
	return RL_OK;
}

int rl_sources_find(rl_ctx *c, rl_opvec *ops, rl_link **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (c->side[RL_OLD].nunits == 0 || c->side[RL_NEW].nunits == 0)
		return RL_OK;
	uint8_t *apart = NULL;
	int rc = find(c, ops, out, n, &apart);
	if (rc == RL_OK && *n)
		rc = split_at_links(ops, *out, *n);
	if (rc == RL_OK && apart)
		rc = rl_sources_apart(c, ops, *out, *n, apart);
	free(apart);
	if (rc != RL_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

/* The held bits of NEW's tokens (as rl_pv_beside finds them), or NULL without memory. */
static uint8_t *held_tokens(const rl_ctx *c, const rl_opvec *ops)
{
	uint8_t *held = calloc((size_t)c->side[RL_NEW].n / 8 + 1, 1);
	for (size_t k = 0; held && k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		if (op->kind == RL_OP_EQUAL || op->kind == RL_OP_MOVE)
			rl_pv_hold(held, op->b0, op->b1);
	}
	return held;
}

bool rl_sources_wanted(const rl_ctx *c, const rl_opvec *ops, int *rc)
{
	const rl_side *sb = &c->side[RL_NEW];
	uint32_t *kept = calloc((size_t)sb->nunits + 1, sizeof *kept);
	uint8_t *held = NULL;  /* made for the first unit that passes enough_words */
	bool wanted = false;
	if (!kept) {
		*rc = RL_ENOMEM;
		return false;
	}
	rl_count_kept(c, ops->v, ops->n, RL_NEW, 0, kept);
	for (uint32_t u = 0; u < sb->nunits && !wanted && *rc == RL_OK; u++) {
		if (!enough_words(c, u, kept[u]))
			continue;
		if (!held && !(held = held_tokens(c, ops)))
			*rc = RL_ENOMEM;
		else
			wanted = two_free(c, u, held);
	}
	free(kept), free(held);
	return wanted;
}
