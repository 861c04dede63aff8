/* rewrite.c: cutting replaces into swaps. */
#include "rewrite.h"

#include <stdlib.h>
#include <string.h>

#include "status.h"

/* Replaces longer than this on either side are rewrites, not lists of swaps: they are not
 * searched for variant words (and the search stays a small table). */
#define SWAP_SCAN_MAX 32
/* Shortest words compared for a shared stem, in bytes: "the" and "they" are not variants. */
#define STEM_MIN_LEN 4
/* Stem: the shared beginning is at least this long... */
#define STEM_MIN_PREFIX 3
/* ...and the shared beginning and end cover at least this share of the longer word. */
#define STEM_SHARE 0.7

static unsigned char lower(unsigned char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch - 'A' + 'a') : ch;
}

bool rl_similar_words(const char *x, size_t nx, const char *y, size_t ny)
{
	if (nx < STEM_MIN_LEN || ny < STEM_MIN_LEN)
		return false;
	size_t shorter = nx < ny ? nx : ny, longer = nx < ny ? ny : nx, p = 0, s = 0;
	while (p < shorter && lower((unsigned char)x[p]) == lower((unsigned char)y[p]))
		p++;
	if (p == shorter && nx == ny)
		return false;  /* the same word: not a variant (and never in a replace) */
	while (s < shorter - p &&
	       lower((unsigned char)x[nx - 1 - s]) == lower((unsigned char)y[ny - 1 - s]))
		s++;
	return p >= STEM_MIN_PREFIX && (double)(p + s) >= STEM_SHARE * (double)longer;
}

/* Similar words share their first STEM_MIN_PREFIX bytes, A-Z folded: three at least, packed
 * here with a tag bit so that a word too short to be compared (head 0) meets no other. */
_Static_assert(STEM_MIN_PREFIX >= 3, "rl_word_head packs the first three bytes");

uint32_t rl_word_head(const char *x, size_t nx)
{
	if (!x || nx < STEM_MIN_LEN)
		return 0;
	return (uint32_t)lower((unsigned char)x[0]) | (uint32_t)lower((unsigned char)x[1]) << 8 |
	       (uint32_t)lower((unsigned char)x[2]) << 16 | UINT32_C(1) << 24;
}

/* The compared tokens of one side of an op. */
typedef struct toklist {
	uint32_t pos[SWAP_SCAN_MAX + 1];
	size_t n;
	bool overflow;
} toklist;

static void collect(const rl_ctx *c, int s, uint32_t lo, uint32_t hi, toklist *l)
{
	l->n = 0;
	l->overflow = false;
	for (uint32_t t = lo; t < hi; t++) {
		if (c->side[s].ids[t] == RL_ID_NONE)
			continue;
		if (l->n == SWAP_SCAN_MAX) {
			l->overflow = true;
			return;
		}
		l->pos[l->n++] = t;
	}
}

/* Token range of compared positions [i0, i1) of a list inside [lo, hi): uncompared tokens go with
 * the position before them, leading ones with the first. */
static uint32_t tok_at(const toklist *l, size_t i, uint32_t lo, uint32_t hi)
{
	return i == 0 ? lo : i >= l->n ? hi : l->pos[i];
}

typedef struct cutter {
	const rl_ctx *c;
	const rl_op *op;
	const toklist *la, *lb;
	rl_opvec *out;
} cutter;

/* Do the n tokens from positions i0 and j0 pair one to one as words with words and punctuation
 * with punctuation? ("built its" -> "’s" paired "built" with an apostrophe.) */
static bool same_classes(const cutter *k, size_t i0, size_t j0, size_t n)
{
	for (size_t d = 0; d < n; d++)
		if (k->c->side[RL_OLD].tok[k->la->pos[i0 + d]].cls !=
		    k->c->side[RL_NEW].tok[k->lb->pos[j0 + d]].cls)
			return false;
	return true;
}

/* Emit the piece of the replace between compared positions (i0, j0) and (i1, j1): pairs one to
 * one when both sides have as many tokens of the same classes, up to RL_SWAP_SPLIT_MAX, else one
 * op. */
static int emit_piece(cutter *k, size_t i0, size_t i1, size_t j0, size_t j1)
{
	const rl_op *op = k->op;
	size_t n = i1 - i0, m = j1 - j0;

	if (n == m && n > 1 && n <= RL_SWAP_SPLIT_MAX && same_classes(k, i0, j0, n)) {
		for (size_t d = 0; d < n; d++)
			if (emit_piece(k, i0 + d, i0 + d + 1, j0 + d, j0 + d + 1) != RL_OK)
				return RL_ENOMEM;
		return RL_OK;
	}
	rl_op p = {tok_at(k->la, i0, op->a0, op->a1), tok_at(k->la, i1, op->a0, op->a1),
	           tok_at(k->lb, j0, op->b0, op->b1), tok_at(k->lb, j1, op->b0, op->b1), 0, 0, 0};
	p.kind = rl_change_kind(p.a1 > p.a0, p.b1 > p.b0);
	if (n == 1 && m == 1 &&
	    k->c->side[RL_OLD].ids[k->la->pos[i0]] == k->c->side[RL_NEW].ids[k->lb->pos[j0]])
		p.kind = RL_OP_EQUAL;
	return rl_opvec_push(k->out, &p);
}

/* The keys of a list's tokens, looked up once for the n x m cells of variant_anchors: a word's
 * key and length, length 0 for any other token (rl_similar_words finds no variant in it), and
 * its head (rl_word_head). */
static void list_keys(const rl_ctx *c, int s, const toklist *l, const char **key, size_t *len,
                      uint32_t *head)
{
	for (size_t i = 0; i < l->n; i++) {
		uint32_t t = l->pos[i];
		key[i] = NULL, len[i] = 0;
		if (c->side[s].tok[t].cls == RL_TOK_WORD)
			key[i] = rl_interner_key(c->in, c->side[s].ids[t], &len[i]);
		head[i] = rl_word_head(key[i], len[i]);
	}
}

/* A head's bit among 64 (heads that differ may share one). */
static inline uint64_t head_bit(uint32_t head)
{
	return UINT64_C(1) << ((head * 2654435761u) >> 26);
}

/* Which words of the two lists are variants (sim[i + 1][j + 1]); false when none is. Words of
 * different heads are never variants: one compare of two integers for most of the n x m cells,
 * not a call (on two unrelated texts each long replace was 1,024 calls, a sixteenth of the
 * comparison's instructions). */
static bool variant_cells(const rl_ctx *c, const toklist *la, const toklist *lb,
                          uint8_t sim[][SWAP_SCAN_MAX + 1])
{
	const char *ka[SWAP_SCAN_MAX], *kb[SWAP_SCAN_MAX];
	size_t na[SWAP_SCAN_MAX], nb[SWAP_SCAN_MAX];
	uint32_t ha[SWAP_SCAN_MAX], hb[SWAP_SCAN_MAX];
	bool any = false;

	list_keys(c, RL_OLD, la, ka, na, ha);
	list_keys(c, RL_NEW, lb, kb, nb, hb);
	/* OLD's heads as bits of one word first: most long replaces (rewrites) have no NEW head
	 * among them, and are done in n + m steps. */
	uint64_t heads = 0;
	bool met = false;
	for (size_t i = 0; i < la->n; i++)
		heads |= ha[i] ? head_bit(ha[i]) : 0;
	for (size_t j = 0; j < lb->n && !met; j++)
		met = hb[j] && (heads & head_bit(hb[j]));
	if (!met)
		return false;
	for (size_t i = 1; i <= la->n; i++)
		for (size_t j = 1; j <= lb->n; j++) {
			uint32_t h = ha[i - 1];
			sim[i][j] = h && h == hb[j - 1] &&
			            rl_similar_words(ka[i - 1], na[i - 1], kb[j - 1], nb[j - 1]);
			any |= sim[i][j];
		}
	return any;
}

/* The most pairs of variant words in order (a longest common subsequence under similarity).
 * Writes them to ai/aj and returns their count. */
static size_t variant_anchors(const rl_ctx *c, const toklist *la, const toklist *lb, size_t *ai,
                              size_t *aj)
{
	enum { W = SWAP_SCAN_MAX + 1 };
	uint8_t best[W][W], sim[W][W];
	size_t n = la->n, m = lb->n, count = 0;

	if (!variant_cells(c, la, lb, sim))
		return 0;  /* no pair: the table below would find none */
	for (size_t j = 0; j <= m; j++)
		best[0][j] = 0;
	for (size_t i = 1; i <= n; i++) {
		best[i][0] = 0;
		for (size_t j = 1; j <= m; j++) {
			uint8_t v = best[i - 1][j] > best[i][j - 1] ? best[i - 1][j] : best[i][j - 1];
			if (sim[i][j] && best[i - 1][j - 1] + 1 > v)
				v = (uint8_t)(best[i - 1][j - 1] + 1);
			best[i][j] = v;
		}
	}
	for (size_t i = n, j = m; i > 0 && j > 0;) {
		if (sim[i][j] && best[i][j] == best[i - 1][j - 1] + 1) {
			ai[count] = i - 1, aj[count] = j - 1, count++;
			i--, j--;
		} else if (best[i - 1][j] >= best[i][j - 1]) {
			i--;
		} else {
			j--;
		}
	}
	/* Found back to front: reverse. */
	for (size_t x = 0; x < count / 2; x++) {
		size_t t = ai[x];
		ai[x] = ai[count - 1 - x], ai[count - 1 - x] = t;
		t = aj[x];
		aj[x] = aj[count - 1 - x], aj[count - 1 - x] = t;
	}
	return count;
}

/* Cut points between anchors. A gap with tokens on both sides is a piece of its own; a gap with
 * tokens on one side only joins the anchor before it (the first anchor, for a leading gap). */
static int cut_at_anchors(cutter *k, const size_t *ai, const size_t *aj, size_t na)
{
	size_t ci[2 * SWAP_SCAN_MAX + 4], cj[2 * SWAP_SCAN_MAX + 4], nc = 0;
	size_t n = k->la->n, m = k->lb->n;

	ci[nc] = 0, cj[nc] = 0, nc++;
	for (size_t x = 0; x <= na; x++) {
		size_t gi0 = x == 0 ? 0 : ai[x - 1] + 1, gj0 = x == 0 ? 0 : aj[x - 1] + 1;
		size_t gi1 = x == na ? n : ai[x], gj1 = x == na ? m : aj[x];
		bool has_a = gi1 > gi0, has_b = gj1 > gj0;
		if (has_a == has_b) {
			ci[nc] = gi0, cj[nc] = gj0, nc++;
			ci[nc] = gi1, cj[nc] = gj1, nc++;
		} else if (x > 0) {
			ci[nc] = gi1, cj[nc] = gj1, nc++;  /* joins the anchor before */
		}
	}
	ci[nc] = n, cj[nc] = m, nc++;
	for (size_t x = 0, last = 0; x + 1 < nc; x++) {
		size_t y = x + 1;
		if (ci[y] == ci[last] && cj[y] == cj[last])
			continue;
		if (emit_piece(k, ci[last], ci[y], cj[last], cj[y]) != RL_OK)
			return RL_ENOMEM;
		last = y;
	}
	return RL_OK;
}

static int split_replace(const rl_ctx *c, const rl_op *op, rl_opvec *out)
{
	toklist la, lb;
	collect(c, RL_OLD, op->a0, op->a1, &la);
	collect(c, RL_NEW, op->b0, op->b1, &lb);
	cutter k = {c, op, &la, &lb, out};

	if (la.overflow || lb.overflow || la.n == 0 || lb.n == 0)
		return rl_opvec_push(out, op);
	if (la.n == lb.n && la.n <= RL_SWAP_SPLIT_MAX)
		return emit_piece(&k, 0, la.n, 0, lb.n);
	size_t ai[SWAP_SCAN_MAX], aj[SWAP_SCAN_MAX];
	size_t na = variant_anchors(c, &la, &lb, ai, aj);
	if (na == 0)
		return rl_opvec_push(out, op);
	return cut_at_anchors(&k, ai, aj, na);
}

/* The word a one-word neighbour of an insertion may be rewritten into: a content word (a
 * function word, name or number is never the word a phrase replaced). */
static bool modifiable(const rl_ctx *c, uint32_t ta)
{
	if (!rl_is_content(c, RL_OLD, ta))
		return false;
	if (!rl_is_anchor(c, RL_OLD, ta))
		return true;
	/* A capital that starts a sentence is the sentence's, not a name's ("Software {+program+}
	 * covered" grew from "Software", not from "covered"). */
	const rl_side *sd = &c->side[RL_OLD];
	if (sd->tok[ta].flags & RL_TF_DIGIT)
		return false;
	for (uint32_t t = sd->ustart[rl_unit_of(sd, ta)]; t < ta; t++)
		if (sd->tok[t].cls == RL_TOK_WORD)
			return false;
	return true;
}

/* Is op an insertion of one or two words and nothing else? (A deleted modifier stays a deletion:
 * "the [-old-] lighthouse" reads better than a rewrite of "old lighthouse".) */
static bool small_insertion(const rl_ctx *c, const rl_op *op)
{
	if (op->move || op->kind != RL_OP_INSERT)
		return false;
	int s = RL_NEW;
	uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s);
	if (hi - lo < 1 || hi - lo > 2)
		return false;
	for (uint32_t t = lo; t < hi; t++)
		if (c->side[s].tok[t].cls != RL_TOK_WORD)
			return false;
	return rl_unit_of(&c->side[s], lo) == rl_unit_of(&c->side[s], hi - 1);
}

/* A word or two inserted right next to a word, inside a sentence reworded elsewhere, is that
 * word rewritten as a phrase ("red" -> "deep red", "software" -> "software program", "debate" ->
 * "heated debate"): the word joins the edit, which becomes one replace. Only when exactly one
 * neighbour is a content word that the phrase can have grown from; otherwise (and in a sentence
 * otherwise kept, unit_reworded) the insertion stays an insertion. */
/* Tokens of a sentence looked at on each side of a phrase, and ops of its unit (beyond them, a
 * unit is taken to hold other insertions): a text of one huge unit (two words repeated over
 * megabytes) made each insertion scan it whole. */
#define PHRASE_SCAN 256
#define PHRASE_OPS 64

/* Does the NEW unit of op k hold another insertion, and no word rewritten? A sentence that
 * gained several pieces was added to ("voted {+five+} to {+two to+} sell the {+old+} lighthouse"),
 * not reworded. One whose words were also swapped was reworded, the insertion with them ("its
 * [-behaviour-] may [-change-]" -> "its {+habits+} may {+adjustment+}", "these {+brand+} new"). */
static bool unit_has_other_insertion(const rl_ctx *c, const rl_opvec *ops, size_t k, size_t skip,
                                      bool reworded)
{
	const rl_side *usd = &c->side[RL_NEW];
	uint32_t u = rl_unit_of(usd, ops->v[k].b0);
	bool other = false;
	for (size_t d = 1; d <= k; d++) {
		const rl_op *op = &ops->v[k - d];
		if (op->b1 > op->b0 && rl_unit_of(usd, op->b1 - 1) != u)
			break;
		if (d > PHRASE_OPS)
			return true;
		if (reworded && op->kind == RL_OP_REPLACE)
			return false;
		other |= op->kind == RL_OP_INSERT && k - d != skip;
	}
	for (size_t j = k + 1; j < ops->n; j++) {
		const rl_op *op = &ops->v[j];
		if (op->b1 > op->b0 && rl_unit_of(usd, op->b0) != u)
			break;
		if (j - k > PHRASE_OPS)
			return true;
		if (reworded && op->kind == RL_OP_REPLACE)
			return false;
		other |= op->kind == RL_OP_INSERT && j != skip;
	}
	return other;
}

/* Are the words of side s in [lo, hi) figures only (words that start with a digit)? */
static bool figures_only(const rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	for (uint32_t t = lo; t < hi; t++)
		if (c->side[s].tok[t].cls == RL_TOK_WORD && !(c->side[s].tok[t].flags & RL_TF_DIGIT))
			return false;
	return true;
}

/* A change that rewords its sentence: a rewrite or a deletion of a word at least, not moved (a
 * list marker changed is no rewording), nor a figure edited ("cost [-180-] {+215+}": the
 * sentence says the same of a new amount). */
static bool reworded_op(const rl_ctx *c, const rl_op *op)
{
	return !op->move && (op->kind == RL_OP_REPLACE || op->kind == RL_OP_DELETE) &&
	       rl_op_words(c, op, RL_OLD) > 0 &&
	       !(figures_only(c, RL_OLD, op->a0, op->a1) && figures_only(c, RL_NEW, op->b0, op->b1));
}

/* Is NEW's token t a table's cell separator, " | " (a document's row reads a line, its cells
 * apart by it: doc/documents.md)? */
static bool cell_bar(const rl_side *sd, uint32_t t)
{
	const rl_token *tk = &sd->tok[t];
	return tk->cls == RL_TOK_PUNCT && tk->len == 1 && sd->text[tk->off] == '|' &&
	       tk->gap == RL_GAP_SPACE && t + 1 < sd->n && sd->tok[t + 1].gap == RL_GAP_SPACE;
}

/* Does a cell separator stand in NEW's [lo, hi) (within PHRASE_SCAN tokens of hi: the ops
 * asked about are those of one unit)? */
static bool bar_between(const rl_side *sd, uint32_t lo, uint32_t hi)
{
	for (uint32_t t = hi; t > lo && hi - t < PHRASE_SCAN; t--)
		if (cell_bar(sd, t - 1))
			return true;
	return false;
}

/* Was the NEW unit of op k reworded elsewhere, besides op k and op skip? A word or two added to
 * a sentence that is otherwise kept word for word were added ("walked to the harbour
 * {+today+}"), not a word grown into a phrase: a real edit adds words far more often than a
 * rewording swaps one for a phrase and leaves the rest of its sentence alone. In a table's row
 * only op k's cell counts: another cell's change ("Field [-180-] {+190+} | Guards needed
 * against rabbits {+today+}") is no rewording of it (looked for only past a rewording found:
 * most units have none). */
static bool unit_reworded(const rl_ctx *c, const rl_opvec *ops, size_t k, size_t skip)
{
	const rl_side *usd = &c->side[RL_NEW];
	const rl_op *x = &ops->v[k];
	uint32_t u = rl_unit_of(usd, x->b0);
	for (size_t d = 1; d <= k && d <= PHRASE_OPS; d++) {
		const rl_op *op = &ops->v[k - d];
		if (op->b1 > op->b0 && rl_unit_of(usd, op->b1 - 1) != u)
			break;
		if (reworded_op(c, op)) {
			if (!bar_between(usd, op->b1, x->b0))
				return true;
			break;  /* in another cell, as is all before it */
		}
	}
	for (size_t j = k + 1; j < ops->n && j - k <= PHRASE_OPS; j++) {
		const rl_op *op = &ops->v[j];
		if (op->b1 > op->b0 && rl_unit_of(usd, op->b0) != u)
			break;
		if (j != skip && reworded_op(c, op))
			return !bar_between(usd, x->b1, op->b0);
	}
	return false;
}

/* Does NEW's unit holding op k keep most of its words in place (two in three), the ops around k
 * within PHRASE_OPS counted: a sentence edited, not rewritten? The equal ops that run into the
 * unit from before it or on past its end count with their words inside it. */
static bool unit_mostly_kept(const rl_ctx *c, const rl_opvec *ops, size_t k)
{
	const rl_side *sb = &c->side[RL_NEW];
	uint32_t u = rl_unit_of(sb, ops->v[k].b0), kept = 0;
	uint32_t ulo = sb->ustart[u], uhi = sb->ustart[u + 1];
	size_t lo = k, hi = k + 1;
	while (lo > 0 && k - lo < PHRASE_OPS && ops->v[lo - 1].b1 > ulo)
		lo--;
	while (hi < ops->n && hi - k <= PHRASE_OPS && ops->v[hi].b0 < uhi)
		hi++;
	for (size_t j = lo; j < hi; j++) {
		const rl_op *op = &ops->v[j];
		if (op->kind == RL_OP_EQUAL && !op->move)
			kept += rl_words(c, RL_NEW, op->b0 > ulo ? op->b0 : ulo, op->b1 < uhi ? op->b1 : uhi);
	}
	return 3 * kept >= 2 * rl_words(c, RL_NEW, ulo, uhi);
}

/* Are the tokens of NEW [lo, hi) function words only ("up", "of", "or not")? */
static bool function_words(const rl_ctx *c, uint32_t lo, uint32_t hi)
{
	for (uint32_t t = lo; t < hi; t++)
		if (rl_is_content(c, RL_NEW, t))
			return false;
	return true;
}

/* Does NEW [lo, hi) hold a name or a number? */
static bool anchors_in(const rl_ctx *c, uint32_t lo, uint32_t hi)
{
	for (uint32_t t = lo; t < hi; t++)
		if (rl_is_anchor(c, RL_NEW, t))
			return true;
	return false;
}

/* Is NEW's token t a coordinating conjunction, "and" or "or" (any case)? */
static bool conjunction(const rl_ctx *c, uint32_t t)
{
	const rl_token *tk = &c->side[RL_NEW].tok[t];
	const char *w = c->side[RL_NEW].text + tk->off;
	return tk->cls == RL_TOK_WORD &&
	       ((tk->len == 3 && (w[0] | 0x20) == 'a' && w[1] == 'n' && w[2] == 'd') ||
	        (tk->len == 2 && (w[0] | 0x20) == 'o' && w[1] == 'r'));
}

/* Is the insertion x a conjunction and a function word ("or not", "and every"), right after a
 * function word that ends the equal op prev? */
static bool coordinated(const rl_ctx *c, const rl_op *prev, const rl_op *x)
{
	if (x->b1 - x->b0 != 2 || prev->b1 <= prev->b0 ||
	    c->side[RL_NEW].tok[prev->b1 - 1].cls != RL_TOK_WORD || rl_is_content(c, RL_NEW, prev->b1 - 1) ||
	    rl_is_content(c, RL_NEW, x->b0 + 1))
		return false;
	return conjunction(c, x->b0);
}

/* Does a word of the insertion x stand in OLD's sentence around token ta? Then it moved within
 * its sentence ("weighing a petition to force a referendum" -> "weighing a referendum
 * petition"): no word grew into a phrase. */
static bool from_the_sentence(const rl_ctx *c, const rl_op *x, uint32_t ta)
{
	const rl_side *sa = &c->side[RL_OLD], *sb = &c->side[RL_NEW];
	uint32_t u = rl_unit_of(sa, ta);
	/* (A sentence's length around ta at most: a text of one huge unit is no sentence.) */
	uint32_t lo = sa->ustart[u], hi = sa->ustart[u + 1];
	lo = ta - lo > PHRASE_SCAN ? ta - PHRASE_SCAN : lo;
	hi = hi - ta > PHRASE_SCAN ? ta + PHRASE_SCAN : hi;
	for (uint32_t t = x->b0; t < x->b1; t++)
		for (uint32_t o = lo; o < hi; o++)
			if (sa->ids[o] == sb->ids[t])
				return true;
	return false;
}

/* The insertion x, right after (left) or before the equal op e whose edge word it takes, becomes
 * a replace of that word. An equal op of that one word is emptied (removed by the caller). */
static void grow_phrase(rl_op *e, rl_op *x, bool left)
{
	if (left) {
		e->a1--, e->b1--;
		x->a0 = e->a1, x->b0 = e->b1;
	} else {
		e->a0++, e->b0++;
		x->a1 = e->a0, x->b1 = e->b0;
	}
	x->kind = RL_OP_REPLACE;
}

bool rl_grown_phrase(const rl_ctx *c, const rl_op *op)
{
	if (op->kind != RL_OP_REPLACE || op->a1 - op->a0 != 1 || op->b1 - op->b0 < 2 ||
	    c->side[RL_OLD].tok[op->a0].cls != RL_TOK_WORD)
		return false;
	uint32_t id = c->side[RL_OLD].ids[op->a0];
	return c->side[RL_NEW].ids[op->b0] == id || c->side[RL_NEW].ids[op->b1 - 1] == id ||
	       (op->b1 - op->b0 == 3 && c->side[RL_NEW].ids[op->b0 + 1] == id);
}

static void phrases(const rl_ctx *c, rl_opvec *ops)
{
	bool emptied = false;
	for (size_t k = 1; k + 1 < ops->n; k++) {
		rl_op *prev = &ops->v[k - 1], *x = &ops->v[k], *next = &ops->v[k + 1];
		if (prev->kind != RL_OP_EQUAL || next->kind != RL_OP_EQUAL || prev->move || next->move ||
		    !small_insertion(c, x))
			continue;
		/* A name or a number added next to a word is news added to it, not the word reworded:
		 * "next spring" -> "in the spring of 2026" keeps "spring" and inserts "of 2026". */
		if (anchors_in(c, x->b0, x->b1))
			continue;
		int s = RL_NEW;
		const rl_side *usd = &c->side[s];
		bool left = prev->a1 > prev->a0 && modifiable(c, prev->a1 - 1) &&
		            rl_unit_of(usd, rl_hi(prev, s) - 1) == rl_unit_of(usd, rl_lo(x, s));
		bool right = next->a1 > next->a0 && modifiable(c, next->a0) &&
		             rl_unit_of(usd, rl_lo(next, s)) == rl_unit_of(usd, rl_hi(x, s) - 1);
		/* Function words grow a word only after it, a particle or a preposition following its
		 * verb ("open {+up+} files", "set {+up+} the flags"); before it they are an article
		 * or the like added ("to {+a+} hotel"). A content word may modify either neighbour. */
		if (right && function_words(c, x->b0, x->b1))
			right = false;
		/* Before it, two words led by a function word are a verb's or a noun's own words added
		 * ("{+have reportedly+} discussed", "{+a scorching+} heat"): the word is kept as it
		 * was, and they grow no word before them either ("man {+has ever+} sat"). */
		if (right && x->b1 - x->b0 == 2 && !rl_is_content(c, RL_NEW, x->b0))
			left = right = false;
		/* After it, in a sentence edited rather than rewritten, two words led by a function
		 * word are a phrase of their own added ("ring the caretaker {+at once+}"), not the word
		 * before them rewritten; in a rewritten passage the grown phrase holds the sentence's
		 * words together ("talks" -> "talks for now"). */
		if (left && x->b1 - x->b0 == 2 && !rl_is_content(c, RL_NEW, x->b0) &&
		    unit_mostly_kept(c, ops, k))
			left = false;
		/* After a content word, a conjunction and what follows it coordinate a new word with
		 * it ("rabbits {+and deer+}", "goats {+or sheep+}"): a sibling added, the word itself
		 * kept, however much of the sentence changed (a table's row, a figure changed in
		 * another cell, drew "[-rabbits-] {+rabbits and deer+}"). */
		if (left && conjunction(c, x->b0))
			left = false;
		/* Between two content words, a phrase grew from the word before it when that word
		 * stands alone between it and another change ("[-describe-]{+explain+} software
		 * {+program+} distributed in"), and the next word does not, and the phrase is no name
		 * ("foundation {+AI+} models"). (Not from the word after it: "swing {+power+} back
		 * [-toward-]" took a word from elsewhere in its sentence.) */
		if (left && right && prev->a1 - prev->a0 == 1 && k >= 2 &&
		    ops->v[k - 2].kind != RL_OP_EQUAL && !ops->v[k - 2].move &&
		    !(next->a1 - next->a0 == 1 && k + 2 < ops->n && ops->v[k + 2].kind != RL_OP_EQUAL) &&
		    !anchors_in(c, x->b0, x->b1))
			right = false;
		/* ...and the word after it when it grew on both sides ("universal {+make+} use {+of+}",
		 * below). */
		rl_op *after = k + 2 < ops->n ? &ops->v[k + 2] : NULL;
		if (left && right && next->a1 - next->a0 == 1 && after && small_insertion(c, after) &&
		    rl_unit_of(usd, after->b0) == rl_unit_of(usd, x->b0))
			left = false;
		/* A function word grown into an idiom by a conjunction and a function word after it
		 * ("whether {+or not+}", "each {+and every+}", "more {+or less+}") is that word
		 * rewritten. */
		bool coord = !left && !right && coordinated(c, prev, x) &&
		             rl_unit_of(usd, rl_hi(prev, s) - 1) == rl_unit_of(usd, rl_lo(x, s));
		left |= coord;
		/* A word that grew on both sides ("{+make+} use {+of+}") is one rewrite: the equal word
		 * alone between two small insertions of its sentence. */
		bool both = right && !left && next->a1 - next->a0 == 1 && after &&
		            small_insertion(c, after) && rl_unit_of(usd, after->b0) == rl_unit_of(usd, x->b0);
		if (left == right || !unit_reworded(c, ops, k, both ? k + 2 : k) ||
		    unit_has_other_insertion(c, ops, k, both ? k + 2 : k,
		                                           coord || !function_words(c, x->b0, x->b1)) ||
		    (!coord && from_the_sentence(c, x, left ? prev->a1 - 1 : next->a0)))
			continue;
		/* The word taken must leave its equal op something (else it is no equality), but for an
		 * equal op of that one word between two changes. */
		rl_op *e = left ? prev : next;
		if (e->a1 - e->a0 < 2 && !both && (left ? k < 2 : k + 2 >= ops->n))
			continue;
		grow_phrase(e, x, left);
		if (both) {
			x->b1 = after->b1;
			after->a0 = after->a1 = x->a1;
			after->b0 = after->b1 = x->b1;
		}
		emptied |= e->a1 == e->a0 || both;
	}
	if (!emptied)
		return;
	size_t w = 0;
	for (size_t k = 0; k < ops->n; k++)
		if (ops->v[k].a1 > ops->v[k].a0 || ops->v[k].b1 > ops->v[k].b0)
			ops->v[w++] = ops->v[k];
	ops->n = w;
}

/* A phrase that ends with the word after it ("use of X" -> "make use of of Y") is matched by the
 * exact diff with its own last word: "{+make+} use of [-X-]{+of Y+}". The repeated word's match
 * slides to its second copy, "{+make+} use {+of+} of [-X-]{+Y+}", for phrases() to read: only
 * after an insertion and one word, where the word grew on both sides. */
static bool slides_rest(const rl_ctx *c, const rl_op *ins, const rl_op *e, const rl_op *x)
{
	const uint32_t *ia = c->side[RL_OLD].ids, *ib = c->side[RL_NEW].ids;
	return small_insertion(c, ins) && x->b1 > x->b0 && ib[x->b0] == ib[e->b1 - 1] &&
	       ib[x->b0] != RL_ID_NONE && (x->a1 == x->a0 || ia[x->a0] != ia[e->a1 - 1]) &&
	       c->side[RL_NEW].tok[x->b0].cls == RL_TOK_WORD;
}

/* The tests on the ops' kinds and e's length inline, in the walk over every op of the list: an
 * equal op of two tokens a side between an insertion and a change is rare, and a call per op to
 * find that out was most of the pass (185,607 calls on a 1 MB wrapped pair). */
static inline bool slides(const rl_ctx *c, const rl_op *ins, const rl_op *e, const rl_op *x)
{
	return e->kind == RL_OP_EQUAL && !e->move && e->a1 - e->a0 == 2 && e->b1 - e->b0 == 2 &&
	       !x->move && (x->kind == RL_OP_REPLACE || x->kind == RL_OP_INSERT) &&
	       slides_rest(c, ins, e, x);
}

static int repeated_word_slides(rl_ctx *c, rl_opvec *ops)
{
	size_t n = 0;
	for (size_t k = 2; k < ops->n; k++)
		n += slides(c, &ops->v[k - 2], &ops->v[k - 1], &ops->v[k]);
	if (n == 0)
		return RL_OK;
	rl_opvec out = rl_ctx_scratch(c, ops->n + 2 * n);
	for (size_t k = 0; k < ops->n; k++) {
		rl_op x = ops->v[k];
		if (out.n >= 2 && slides(c, &out.v[out.n - 2], &out.v[out.n - 1], &x)) {
			rl_op *e = &out.v[out.n - 1];
			/* e's last pair of tokens becomes the inserted copy and the kept one. */
			rl_op add[2] = {{e->a1 - 1, e->a1 - 1, e->b1 - 1, e->b1, 0, RL_OP_INSERT, 0},
			                {e->a1 - 1, e->a1, x.b0, x.b0 + 1, 0, RL_OP_EQUAL, 0}};
			e->a1--, e->b1--;
			x.b0++;
			x.kind = rl_change_kind(x.a1 > x.a0, x.b1 > x.b0);
			if (rl_opvec_append(&out, add, 2) != RL_OK) {
				rl_ctx_recycle(c, &out);
				return RL_ENOMEM;
			}
		}
		if (rl_opvec_push(&out, &x) != RL_OK) {
			rl_ctx_recycle(c, &out);
			return RL_ENOMEM;
		}
	}
	rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	return RL_OK;
}

int rl_swaps(rl_ctx *c, rl_opvec *ops)
{
	rl_opvec out = rl_ctx_scratch(c, ops->n);

	for (size_t k = 0; k < ops->n; k++) {
		const rl_op *op = &ops->v[k];
		int rc = op->kind == RL_OP_REPLACE && !op->move ? split_replace(c, op, &out)
		                                                : rl_opvec_push(&out, op);
		if (rc != RL_OK) {
			rl_opvec_free(&out);
			return rc;
		}
	}
	rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	/* Equal ops pair tokens one to one only when every token is compared. */
	if (c->opts.key.ignore_punct)
		return RL_OK;
	int rc = repeated_word_slides(c, ops);
	if (rc == RL_OK)
		phrases(c, ops);
	return rc;
}
