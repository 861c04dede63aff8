/* quote_flag.c: flagging the ops that change quotations (rl_quotes_flag, quote.h): each
 * quotation judged (quote_gone.c: gone as a whole, stranded, reworded), the ops refolded and
 * split to match, quotations restated found, and the flags set. The quotations were found by
 * quote.c; the ops were cut at their marks by quote_edges.c; quote_owner.c is the index this
 * file asks (quote_stage.h). */
#include "quote.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "quote_stage.h"
#include "status.h"

/* How much a flag matters: a stronger one wins when an op touches several quotations. */
static int strength(uint8_t q)
{
	static const int rank[RL_QUOTE_KINDS] = {
		[RL_QUOTE_NONE] = 0, [RL_QUOTE_ADDED] = 1, [RL_QUOTE_ALTERED] = 2,
		[RL_QUOTE_ELIDED] = 3, [RL_QUOTE_REMOVED] = 4,
	};
	return q < RL_QUOTE_KINDS ? rank[q] : 0;
}

static void flag(rl_op *op, uint8_t q)
{
	if (strength(q) > strength(op->quote))
		op->quote = q;
}

/* A quotation gone as a whole is one removed (or added) quotation, and counts once: the ops
 * inside it (a word matched by coincidence, "the", among them, or a deletion and a replace that
 * the diff cut apart) are folded into one change. The ops [*k0, *k1] inside quotation q of side
 * s, when there are several, none moved, each continuing the one before. */
static bool gone_run(const rl_ctx *c, const rl_opvec *ops, const rl_qowner *ow, int s,
                     const rl_quotation *q, size_t *out0, size_t *out1, bool *apart,
                     bool *clean_out)
{
	if (!rl_qo_gone(c, ow, ops, s, q))
		return false;
	*apart = rl_qo_stranded(c, ow, ops, s, q);
	size_t k0 = rl_qo_op_of(ow, s, q->t0), k1 = rl_qo_op_of(ow, s, q->t1 - 1);
	while (k0 < k1 && !rl_qo_op_inside(&ops->v[k0], s, q))
		k0++;
	while (k1 > k0 && !rl_qo_op_inside(&ops->v[k1], s, q))
		k1--;
	/* Marks and signs kept at its edges ("“-" of "“-64”") stay kept: no word of it is there. */
	while (k0 < k1 && rl_qo_kept(&ops->v[k0]) && rl_op_words(c, &ops->v[k0], s) == 0)
		k0++;
	while (k1 > k0 && rl_qo_kept(&ops->v[k1]) && rl_op_words(c, &ops->v[k1], s) == 0)
		k1--;
	bool clean = k0 < k1;
	for (size_t k = k0; k <= k1 && clean; k++) {
		const rl_op *op = &ops->v[k];
		clean = !op->move && rl_qo_op_inside(op, s, q) &&
		        (k == k0 || (op->a0 == ops->v[k - 1].a1 && op->b0 == ops->v[k - 1].b1));
	}
	*out0 = k0, *out1 = k1;
	*clean_out = clean;
	if (!clean)  /* other changes between its ops: its stranded words are split one by one */
		return *apart && k0 < k1;
	/* New words the diff paired only with the quotation's marks or punctuation (“x.” against
	 * ".\n- A bullet below") are no rewording of it: a change of their own. */
	uint32_t new_words = 0, reworded = 0;
	for (size_t k = k0; k <= k1 && clean; k++) {
		uint32_t nw = rl_op_words(c, &ops->v[k], !s);
		new_words += nw;
		if (!rl_qo_kept(&ops->v[k]) && rl_op_words(c, &ops->v[k], s) > 0)
			reworded += nw;
	}
	if (new_words > 0 && reworded == 0)
		*apart = true;
	return true;
}

/* Edges of the other side's quotations looked for in the new text around a quotation folded. */
#define FOLD_CUTS 16

/* Push op (a change of side o only) cut at the edges of o's quotations inside it: the other
 * side's text folded with a quotation gone may hold a quotation of its own and text after it
 * ("“a quoted phrase” and more words"), which are no part of one flag. */
static int push_cut_at_quotes(const rl_qowner *ow, rl_op op, int o, rl_opvec *out)
{
	uint32_t cut[FOLD_CUTS];
	size_t n = rl_qo_edges_in(ow, o, rl_lo(&op, o), rl_hi(&op, o), cut, FOLD_CUTS);
	if (n == FOLD_CUTS)
		n = 0;
	uint32_t hi = rl_hi(&op, o);
	for (size_t i = 0; i <= n; i++) {
		rl_op p = op;
		uint32_t lo = i == 0 ? rl_lo(&op, o) : cut[i - 1], end = i < n ? cut[i] : hi;
		if (o == RL_NEW)
			p.b0 = lo, p.b1 = end;
		else
			p.a0 = lo, p.a1 = end;
		int rc = rl_opvec_push(out, &p);
		if (rc != RL_OK)
			return rc;
	}
	return RL_OK;
}

/* Fold ops [k0, k1] of quotation q of side s, gone as a whole, into out: into one change, or,
 * when other changes stand between them (!clean), each kept op of the quotation into its
 * deletion and an insertion. */
static int fold_one(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, int s,
                    const rl_quotation *q, size_t k0, size_t k1, bool apart, bool clean,
                    rl_opvec *out)
{
	int rc = RL_OK;
	if (!clean) {
		/* Words restated in another paragraph, with moved or new text between. */
		for (size_t k = k0; k <= k1 && rc == RL_OK; k++) {
			const rl_op *op = &ops->v[k];
			if (rl_qo_kept(op) && !op->move && rl_qo_op_inside(op, s, q) &&
			    rl_op_words(c, op, s) > 0)
				rc = rl_opvec_push_split(out, op);
			else
				rc = rl_opvec_push(out, op);
		}
		return rc;
	}
	rl_op m = {ops->v[k0].a0, ops->v[k1].a1, ops->v[k0].b0, ops->v[k1].b1, 0, 0, 0};
	m.kind = rl_change_kind(m.a1 > m.a0, m.b1 > m.b0);
	if (apart && m.a1 > m.a0 && m.b1 > m.b0) {
		/* The other side's words were new text around a coincidence: no part of the
		 * quotation, a change of their own, cut where a quotation of theirs ends. */
		rl_op del = m, ins = m;
		del.b1 = del.b0, del.kind = RL_OP_DELETE;
		ins.a0 = ins.a1, ins.kind = RL_OP_INSERT;
		rc = s == RL_NEW ? push_cut_at_quotes(ow, del, RL_OLD, out)
		                 : rl_opvec_push(out, &del);
		if (rc != RL_OK)
			return rc;
		return s == RL_OLD ? push_cut_at_quotes(ow, ins, RL_NEW, out) : rl_opvec_push(out, &ins);
	}
	return rl_opvec_push(out, &m);
}

/* The quotations of side s gone as a whole, each folded into one change (gone_run, fold_one);
 * the index rebuilt when any was. */
static int fold_side(rl_ctx *c, rl_opvec *ops, rl_qowner *ow, int s)
{
	const rl_side *sd = &c->side[s];
	rl_opvec out = rl_ctx_scratch(c, ops->n);
	size_t next = 0;  /* ops before it are in out */
	int rc = RL_OK;
	for (size_t x = 0; x < sd->nquotes && rc == RL_OK; x++) {
		size_t k0, k1;
		bool apart, clean;
		const rl_quotation *q = &sd->quotes[x];
		if (!gone_run(c, ops, ow, s, q, &k0, &k1, &apart, &clean) || k0 < next)
			continue;
		rc = rl_opvec_append(&out, ops->v + next, k0 - next);
		if (rc == RL_OK)
			rc = fold_one(c, ow, ops, s, q, k0, k1, apart, clean, &out);
		next = k1 + 1;
	}
	if (rc == RL_OK && next > 0) {
		rc = rl_opvec_append(&out, ops->v + next, ops->n - next);
		if (rc == RL_OK) {
			rl_opvec_swap(ops, &out);
			rc = rl_qo_build(ops, ow);
		}
	}
	rl_ctx_recycle(c, &out);
	return rc;
}

static int fold_gone(rl_ctx *c, rl_opvec *ops, rl_qowner *ow)
{
	for (int s = 0; s < 2; s++) {
		int rc = fold_side(c, ops, ow, s);
		if (rc != RL_OK)
			return rc;
	}
	return RL_OK;
}

/* Does op put an ellipsis in NEW where OLD had words? */
static bool has_ellipsis(const rl_ctx *c, const rl_op *op)
{
	for (uint32_t t = op->b0; t < op->b1; t++)
		if (rl_tok_idf(c, RL_NEW, t) & RL_IDF_ELLIPSIS)
			return true;
	return false;
}

/* Do op k and the changes right next to it drop words of OLD and put an ellipsis in NEW (the
 * ellipsis may stand in a neighbouring op: "we do[.]{…} [I'm basically ... innovations.]")? */
static bool elides(const rl_ctx *c, const rl_opvec *ops, size_t k)
{
	size_t lo = k > 0 && !rl_qo_kept(&ops->v[k - 1]) ? k - 1 : k;
	size_t hi = k + 1 < ops->n && !rl_qo_kept(&ops->v[k + 1]) ? k + 1 : k;
	bool dropped = false, ellipsis = false;
	for (size_t x = lo; x <= hi; x++) {
		dropped |= rl_op_words(c, &ops->v[x], RL_OLD) > 0;
		ellipsis |= has_ellipsis(c, &ops->v[x]);
	}
	return dropped && ellipsis;
}

/* The quotation of the other side that holds the first word quotation q of side s keeps inside
 * one (a word kept outside, "deal" of "This deal finally puts …" before "“puts …", is passed
 * over), or NULL. */
static const rl_quotation *kept_in(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops,
                                   int s, const rl_quotation *q)
{
	int o = !s;
	rl_qo_walk w = {q->t0, UINT32_MAX};
	for (uint32_t k; (k = rl_qo_next_op(ow, ops, s, q, true, &w)) != UINT32_MAX;) {
		const rl_op *op = &ops->v[k];
		uint32_t from = rl_lo(op, s) > q->t0 ? rl_lo(op, s) : q->t0;
		uint32_t t = rl_lo(op, o) + (from - rl_lo(op, s));
		if (rl_hi(op, o) == rl_lo(op, o) || rl_words(c, s, from, rl_hi(op, s)) == 0)
			continue;
		uint32_t x = rl_qo_qix(c, ow, o, t < rl_hi(op, o) ? t : rl_hi(op, o) - 1);
		if (x != UINT32_MAX)
			return &c->side[o].quotes[x];
	}
	return NULL;
}

/* Change ops of a quotation of NEW looked at by reworded_in(), at most: many quotations of OLD
 * may ask of one long quotation of NEW (a text quoted whole around quotations of its own), so
 * past this the answer is yes, the cut judged altered as before stop 34, and no input asks more
 * than this per quotation. */
#define REWORD_WALK_OPS 4096

/* Does a change put words inside quotation there of side o (words reworded or added in it: "open
 * [supply fashions,”]" against "“… open {source models}. We …”"; "1250 [The Light]" against
 * "{Praise 99.1 &} 1250")? Asked of that quotation's own ops, so that a move (whose ops stand
 * apart in the list) and other quotations around do not count. */
static bool reworded_in(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, int o,
                        const rl_quotation *there)
{
	rl_qo_walk w = {there->t0, UINT32_MAX};
	uint32_t seen = 0;
	for (uint32_t k; (k = rl_qo_next_op(ow, ops, o, there, false, &w)) != UINT32_MAX;) {
		if (++seen > REWORD_WALK_OPS)
			return true;
		const rl_op *op = &ops->v[k];
		uint32_t lo = rl_lo(op, o) > there->t0 ? rl_lo(op, o) : there->t0;
		uint32_t hi = rl_hi(op, o) < there->t1 ? rl_hi(op, o) : there->t1;
		if (lo < hi && rl_words(c, o, lo, hi) > 0)
			return true;
	}
	return false;
}

/* Where a quotation of OLD is kept word for word inside its quotation of NEW: the tokens from its
 * first such word to the end of its last (ok), worked out once per quotation (known). */
typedef struct trim_ends {
	bool known, ok;
	uint32_t first, end;
} trim_ends;

static void trim_prepare(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, int s,
                         const rl_quotation *q, trim_ends *te)
{
	int o = !s;
	*te = (trim_ends){.known = true, .first = UINT32_MAX};
	const rl_quotation *there = kept_in(c, ow, ops, s, q);
	if (!there || reworded_in(c, ow, ops, o, there))
		return;
	rl_qo_walk w = {q->t0, UINT32_MAX};
	for (uint32_t k; (k = rl_qo_next_op(ow, ops, s, q, true, &w)) != UINT32_MAX;) {
		const rl_op *op = &ops->v[k];
		uint32_t a = rl_lo(op, s) > q->t0 ? rl_lo(op, s) : q->t0;
		uint32_t b = rl_hi(op, s) < q->t1 ? rl_hi(op, s) : q->t1;
		if (rl_hi(op, o) <= there->t0 || rl_lo(op, o) >= there->t1 || rl_words(c, s, a, b) == 0)
			continue;  /* kept outside the quotation there ("deal" before "“puts …") */
		te->first = a < te->first ? a : te->first;
		te->end = b > te->end ? b : te->end;
	}
	te->ok = te->first < te->end;
}

/* Does op k, tokens [lo, hi) of quotation q of OLD, drop words before or after all that the
 * quotation keeps word for word in its quotation of NEW ("[We plan to] continue releasing
 * leading models", "[This] deal [finally] “puts the light …"), no word reworded or added there?
 * A quotation cut short at its start or end, the rest quoted word for word, is elided: shortened,
 * not misquoted (only a cut in its middle asks for an ellipsis). */
static bool trims(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, size_t k, int s,
                  const rl_quotation *q, uint32_t lo, uint32_t hi, trim_ends *te)
{
	const rl_op *op = &ops->v[k];
	if (s != RL_OLD || rl_op_words(c, op, !s) > 0)
		return false;
	if (!te->known)
		trim_prepare(c, ow, ops, s, q, te);
	return te->ok && (hi <= te->first || lo >= te->end);
}

/* Does op take words of a quotation of side s that the other side keeps as a quotation, and put
 * text outside every quotation there in their place? ("This" of a quotation whose other words a
 * summary still quotes, against "- Mayor Okafor, who backed the sale, said the" before it.) */
static bool leaves_quotation(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops,
                             const rl_op *op, int s, uint8_t *kept_quoted)
{
	int o = !s;
	uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s), olo = rl_lo(op, o), ohi = rl_hi(op, o);
	if (hi <= lo || ohi <= olo)
		return false;
	/* (Most replaces are in no quotation: that is asked first.) */
	uint32_t x = rl_qo_qix(c, ow, s, lo);
	if (x == UINT32_MAX || rl_qo_qix(c, ow, s, hi - 1) != x || rl_words(c, o, olo, ohi) == 0 ||
	    rl_qo_inq(ow, o, ohi) > rl_qo_inq(ow, o, olo))
		return false;
	/* Whether the quotation is kept and quoted on the other side reads all of it: once per
	 * quotation (kept_quoted[x]: 0 not known yet, 1 yes, 2 no), not once per op inside it. */
	if (!kept_quoted[x]) {
		const rl_quotation *q = &c->side[s].quotes[x];
		kept_quoted[x] = !rl_qo_gone(c, ow, ops, s, q) && rl_qo_quoted_there(ow, ops, s, q) ? 1 : 2;
	}
	return kept_quoted[x] == 1;
}

/* Each op marked in cut[] split into a deletion and an insertion; the index rebuilt. */
static int split_marked(rl_ctx *c, rl_qowner *ow, rl_opvec *ops, const uint8_t *cut)
{
	rl_opvec out = rl_ctx_scratch(c, ops->n + 16);
	int rc = RL_OK;
	for (size_t k = 0; k < ops->n && rc == RL_OK; k++)
		rc = cut[k] ? rl_opvec_push_split(&out, &ops->v[k]) : rl_opvec_push(&out, &ops->v[k]);
	if (rc == RL_OK) {
		rl_opvec_swap(ops, &out);
		rc = rl_qo_build(ops, ow);
	}
	rl_ctx_recycle(c, &out);
	return rc;
}

/* A replace that pairs words of a quotation with text outside the other side's quotation is a
 * deletion and an insertion: the quotation lost words (a flag on its side), and the new text is
 * no part of it (no flag there). */
static int split_leaving(rl_ctx *c, rl_qowner *ow, rl_opvec *ops)
{
	uint8_t *kept_quoted[2] = {calloc(c->side[0].nquotes + 1, 1),
	                           calloc(c->side[1].nquotes + 1, 1)};
	uint8_t *cut = calloc(ops->n + 1, 1);
	int rc = RL_ENOMEM;
	if (kept_quoted[0] && kept_quoted[1] && cut) {
		bool any = false;
		for (size_t k = 0; k < ops->n; k++) {
			const rl_op *op = &ops->v[k];
			cut[k] = op->kind == RL_OP_REPLACE &&
			         (leaves_quotation(c, ow, ops, op, RL_OLD, kept_quoted[RL_OLD]) ||
			          leaves_quotation(c, ow, ops, op, RL_NEW, kept_quoted[RL_NEW]));
			any |= cut[k];
		}
		rc = any ? split_marked(c, ow, ops, cut) : RL_OK;
	}
	free(cut);
	free(kept_quoted[0]);
	free(kept_quoted[1]);
	return rc;
}

/* Mark in cut[] the replaces inside quotation q of side s, gone as a whole, that pair its words
 * with words outside every quotation of the other side, unless q was reworded in marks or is
 * speech put in them (split_gone); returns whether it marked any. */
static bool cuts_in(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, int s,
                    const rl_quotation *q, uint8_t *cut)
{
	int o = !s;
	bool first = true, any = false;
	rl_qo_walk w = {q->t0, UINT32_MAX};
	for (uint32_t k; (k = rl_qo_next_op(ow, ops, s, q, false, &w)) != UINT32_MAX;) {
		const rl_op *op = &ops->v[k];
		if (op->kind != RL_OP_REPLACE || !rl_qo_op_inside(op, s, q) || rl_op_words(c, op, o) == 0 ||
		    rl_qo_inq(ow, o, rl_hi(op, o)) > rl_qo_inq(ow, o, rl_lo(op, o)))
			continue;
		if (first) {  /* neither reworded in marks nor put in them? */
			first = false;
			if (rl_qo_requoted(c, ow, ops, s, q) ||
			    (s == RL_NEW && rl_qo_rewords_unquoted(c, ow, ops, q)))
				break;
		}
		cut[k] = 1;
		any = true;
	}
	return any;
}

/* A quotation gone as a whole (judged[s][x] & 2) whose words a replace pairs with words outside
 * every quotation of the other side ("“It containeth that which aideth the growth of plants.”"
 * against the next sentence, "In-place upgrade of the value."): the quotation was removed (or
 * added), and the other side's words are a change of their own, no part of it. Such replaces
 * become a deletion and an insertion, so that the flag stays on the quotation. (A quotation
 * reworded in marks, rl_qo_requoted(), or speech put in marks, rl_qo_rewords_unquoted(), keeps its
 * replaces.) */
static int split_gone(rl_ctx *c, rl_qowner *ow, rl_opvec *ops, uint8_t *const judged[2])
{
	uint8_t *cut = calloc(ops->n + 1, 1);
	if (!cut)
		return RL_ENOMEM;
	bool any = false;
	for (int s = 0; s < 2; s++)
		for (size_t x = 0; x < c->side[s].nquotes; x++)
			if (judged[s][x] & 2)
				any |= cuts_in(c, ow, ops, s, &c->side[s].quotes[x], cut);
	int rc = any ? split_marked(c, ow, ops, cut) : RL_OK;
	free(cut);
	return rc;
}

/* The change that took one mark of quotation q of side s away with words of it, the other mark
 * kept ("“I can’t boot it. We’ll wait for Greg.”" → "We’ll wait for Greg.”": the first
 * sentence went with the opening mark), or UINT32_MAX. Part of the quotation was removed, though
 * what stays of it is quoted no more. A mark taken alone, or with words the other side rewords
 * (a translation that drops the marks of speech), is no such cut. */
static uint32_t cut_with_mark(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, int s,
                              const rl_quotation *q)
{
	if (q->t1 - q->t0 < 2)
		return UINT32_MAX;
	uint32_t ends[2] = {q->t0, q->t1 - 1};
	for (int e = 0; e < 2; e++) {
		uint32_t k = rl_qo_op_of(ow, s, ends[e]);
		const rl_op *op = &ops->v[k];
		uint32_t lo = rl_lo(op, s) > q->t0 ? rl_lo(op, s) : q->t0;
		uint32_t hi = rl_hi(op, s) < q->t1 ? rl_hi(op, s) : q->t1;
		if (!rl_qo_kept(op) && rl_hi(op, !s) == rl_lo(op, !s) && rl_words(c, s, lo, hi) > 0 &&
		    rl_qo_kept(&ops->v[rl_qo_op_of(ow, s, ends[!e])]))
			return k;
	}
	return UINT32_MAX;
}

/* Did the changes take both marks of quotation q of side s and more of its words than they kept
 * ("undef for error; "0 but true" for zero" -> "undef for fault; for 0": the "0" kept is a
 * coincidence)? Then the quotation lost its marks with most of its words, which is no mark only
 * taken from words that stay: it was altered. */
static bool cut_unmarked(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, int s,
                         const rl_quotation *q)
{
	if (q->t1 - q->t0 < 2 || rl_qo_kept(&ops->v[rl_qo_op_of(ow, s, q->t0)]) ||
	    rl_qo_kept(&ops->v[rl_qo_op_of(ow, s, q->t1 - 1)]))
		return false;
	uint32_t kept = 0, cut = 0;
	rl_qo_walk w = {q->t0, UINT32_MAX};
	for (int pass = 0; pass < 2; pass++, w = (rl_qo_walk){q->t0, UINT32_MAX})
		for (uint32_t k; (k = rl_qo_next_op(ow, ops, s, q, pass == 0, &w)) != UINT32_MAX;) {
			const rl_op *op = &ops->v[k];
			if (pass == 1 && rl_hi(op, !s) > rl_lo(op, !s))
				continue;  /* only words taken away count; rewordings are the other rule's */
			uint32_t lo = rl_lo(op, s) > q->t0 ? rl_lo(op, s) : q->t0;
			uint32_t hi = rl_hi(op, s) < q->t1 ? rl_hi(op, s) : q->t1;
			*(pass == 0 ? &kept : &cut) += rl_words(c, s, lo, hi);
		}
	return cut > kept;
}

/* Flag each op that takes words of quotation q of side s away: altered in OLD (the quotation was
 * there and lost them), added in NEW, where the quotation was not there (cut_unmarked: its marks
 * went around words that are new, beside words OLD had unquoted: "Lord, I will follow thee" →
 * "“I want to follow you, Lord"; "altered", on a text with no quotation at all, read as
 * "(nothing) → “I want to follow you,”"). */
static void flag_cuts(const rl_ctx *c, const rl_qowner *ow, rl_opvec *ops, int s,
                      const rl_quotation *q)
{
	const rl_quote fate = s == RL_OLD ? RL_QUOTE_ALTERED : RL_QUOTE_ADDED;
	rl_qo_walk w = {q->t0, UINT32_MAX};
	for (uint32_t k; (k = rl_qo_next_op(ow, ops, s, q, false, &w)) != UINT32_MAX;) {
		rl_op *op = &ops->v[k];
		uint32_t lo = rl_lo(op, s) > q->t0 ? rl_lo(op, s) : q->t0;
		uint32_t hi = rl_hi(op, s) < q->t1 ? rl_hi(op, s) : q->t1;
		if (rl_hi(op, !s) == rl_lo(op, !s) && rl_words(c, s, lo, hi) > 0)
			flag(op, fate);
	}
}

/* Is op one word replaced by the same word as another edition spells it (rl_spelling_variant)? */
static bool respelt(const rl_ctx *c, const rl_op *op)
{
	if (op->kind != RL_OP_REPLACE || op->a1 != op->a0 + 1 || op->b1 != op->b0 + 1)
		return false;
	const rl_token *x = &c->side[RL_OLD].tok[op->a0], *y = &c->side[RL_NEW].tok[op->b0];
	return x->cls == RL_TOK_WORD && y->cls == RL_TOK_WORD &&
	       rl_spelling_variant(c->side[RL_OLD].text + x->off, x->len,
	                           c->side[RL_NEW].text + y->off, y->len);
}

/* Flag the ops touching quotation q of side s (gone as a whole when `whole`). */
static void flag_quotation(const rl_ctx *c, const rl_qowner *ow, rl_opvec *ops, int s,
                           const rl_quotation *q, bool whole)
{
	if (!whole && !rl_qo_quoted_there(ow, ops, s, q)) {
		/* Marks put around (or taken from) words that stay change no quotation; a mark taken
		 * with words of it alters it. */
		uint32_t k = cut_with_mark(c, ow, ops, s, q);
		if (k != UINT32_MAX)
			flag(&ops->v[k], RL_QUOTE_ALTERED);
		else if (cut_unmarked(c, ow, ops, s, q))
			flag_cuts(c, ow, ops, s, q);
		return;
	}
	if (whole && s == RL_NEW && rl_qo_rewords_unquoted(c, ow, ops, q))
		return;
	bool reworded = whole && rl_qo_requoted(c, ow, ops, s, q);
	if (reworded && s == RL_NEW)
		return;  /* the quotation of OLD it rewords counts it, once */
	trim_ends te = {0};
	rl_qo_walk w = {q->t0, UINT32_MAX};
	for (uint32_t k; (k = rl_qo_next_op(ow, ops, s, q, false, &w)) != UINT32_MAX;) {
		rl_op *op = &ops->v[k];
		if ((whole || reworded) && q->depth > 0 && !rl_qo_op_inside(op, s, q))
			continue;  /* ops are cut at the outermost quotations only: the text around a
			            * nested one is the business of the quotation holding it */
		if (reworded) {
			flag(op, RL_QUOTE_ALTERED);
			continue;
		}
		if (whole) {
			flag(op, s == RL_OLD ? RL_QUOTE_REMOVED : RL_QUOTE_ADDED);
			continue;
		}
		/* Only a change of words inside the quotation alters it; one word respelt for
		 * another edition ("organised" / "organized") is the same word. */
		if (respelt(c, op))
			continue;
		uint32_t lo = rl_lo(op, s) > q->t0 ? rl_lo(op, s) : q->t0;
		uint32_t hi = rl_hi(op, s) < q->t1 ? rl_hi(op, s) : q->t1;
		bool elided = elides(c, ops, k) || trims(c, ow, ops, k, s, q, lo, hi, &te);
		if (rl_words(c, s, lo, hi) > 0 || (elided && has_ellipsis(c, op)))
			flag(op, elided ? RL_QUOTE_ELIDED : RL_QUOTE_ALTERED);
	}
}

/* ------------------------------------------------------------------ quotations restated */

/* Tokens of NEW looked at, each way, for the restatement of a quotation gone from OLD. */
#define RESTATE_REACH 64
/* Nearer than this on the same line, the words need not be rare. */
#define RESTATE_NEAR 12

/* Do quotations qo of OLD and qn of NEW hold the same words, one of them found in neither text
 * but there (a term quoted again and again, "outer", is no one quotation restated), unless they
 * stand `near` (a quoted term moved a few characters inside a table cell, not a bullet below
 * that happens to quote it too)? */
static bool same_words(const rl_ctx *c, const rl_quotation *qo, const rl_quotation *qn,
                       bool near)
{
	const rl_side *so = &c->side[RL_OLD], *sn = &c->side[RL_NEW];
	uint32_t t = qo->t0, u = qn->t0;
	bool rare = near;  /* a word of it found nowhere else in either text */
	for (;;) {
		while (t < qo->t1 && so->tok[t].cls != RL_TOK_WORD)
			t++;
		while (u < qn->t1 && sn->tok[u].cls != RL_TOK_WORD)
			u++;
		if (t == qo->t1 || u == qn->t1)
			return rare && t == qo->t1 && u == qn->t1;
		if (so->ids[t] == RL_ID_NONE || so->ids[t] != sn->ids[u])
			return false;
		rare |= c->freq[so->ids[t]] <= 2;
		t++, u++;
	}
}

/* Does a change inside quotation qn of NEW rewrite the words of another quotation of OLD, one
 * apart from qo ("returns “https” …, and “http” otherwise" against "returns “http” …, and
 * otherwise": NEW's “http” is the first quotation altered, not the second one restated)? */
static bool rewrites_other(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops,
                           const rl_quotation *qo, const rl_quotation *qn)
{
	rl_qo_walk w = {qn->t0, UINT32_MAX};
	for (uint32_t k; (k = rl_qo_next_op(ow, ops, RL_NEW, qn, false, &w)) != UINT32_MAX;) {
		const rl_op *op = &ops->v[k];
		if (op->a1 <= op->a0)
			continue;
		uint32_t z = rl_qo_qix(c, ow, RL_OLD, op->a0);
		if (z == UINT32_MAX)
			continue;
		const rl_quotation *qz = &c->side[RL_OLD].quotes[z];
		if (qz->t1 <= qo->t0 || qz->t0 >= qo->t1)
			return true;
	}
	return false;
}

/* Mark in skip[s][x] the quotations gone from OLD that NEW quotes a few words away, where the
 * diff matched nothing of that one either (nor paired it with this one in a replace), with the
 * same words (under the active comparison
 * options): the quotation stands in another sentence of NEW (a summary that restates
 * “unchanged.” a line below), neither removed nor added. */
static int restated(const rl_ctx *c, const rl_opvec *ops, const rl_qowner *ow, uint8_t *skip[2])
{
	const rl_side *so = &c->side[RL_OLD], *sn = &c->side[RL_NEW];
	for (size_t x = 0; x < so->nquotes; x++) {
		const rl_quotation *q = &so->quotes[x];
		if ((skip[RL_OLD][x] & 3) != 2)
			continue;
		uint32_t p = rl_lo(&ops->v[rl_qo_op_of(ow, RL_OLD, q->t0)], RL_NEW);
		uint32_t lo = p > RESTATE_REACH ? p - RESTATE_REACH : 0;
		size_t y = 0, hi = sn->nquotes;
		while (y < hi) {  /* the first quotation of NEW starting at lo or after */
			size_t mid = y + (hi - y) / 2;
			if (sn->quotes[mid].t0 < lo)
				y = mid + 1;
			else
				hi = mid;
		}
		for (; y < sn->nquotes && sn->quotes[y].t0 <= p + RESTATE_REACH; y++) {
			uint32_t t0 = sn->quotes[y].t0, dist = t0 > p ? t0 - p : p - t0;
			bool near = dist <= RESTATE_NEAR;
			for (uint32_t t = (t0 < p ? t0 : p) + 1; near && t <= (t0 > p ? t0 : p); t++)
				near = t >= sn->n || sn->tok[t].gap < RL_GAP_BREAK;  /* on the same line */
			if ((skip[RL_NEW][y] & 1) || !(skip[RL_NEW][y] & 2) ||
			    rl_qo_op_of(ow, RL_NEW, t0) == rl_qo_op_of(ow, RL_OLD, q->t0) ||
			    !same_words(c, q, &sn->quotes[y], near) ||
			    rewrites_other(c, ow, ops, q, &sn->quotes[y]))
				continue;  /* (a replace that pairs the two found them different) */
			skip[RL_OLD][x] |= 1;
			skip[RL_NEW][y] |= 1;
			break;
		}
	}
	return RL_OK;
}

/* Judge each quotation once and flag the ops that touch it. skip[s][x]: bit 2 the quotation is
 * gone as a whole, bit 4 it is not, bit 1 it is restated or stands in site chrome (not flagged:
 * in_chrome). Splitting a replace in
 * two (split_gone) keeps every word kept or changed as it was, so the judgement stands. */
static int judge_and_flag(rl_ctx *c, rl_qowner *ow, rl_opvec *ops)
{
	uint8_t *skip[2] = {calloc(c->side[0].nquotes + 1, 1), calloc(c->side[1].nquotes + 1, 1)};
	int rc = RL_ENOMEM;
	if (!skip[0] || !skip[1])
		goto out;
	for (int s = 0; s < 2; s++)
		for (size_t x = 0; x < c->side[s].nquotes; x++)
			skip[s][x] = !rl_qo_gone(c, ow, ops, s, &c->side[s].quotes[x]) ? 4
			             : rl_qo_in_chrome(c, ow, ops, s, &c->side[s].quotes[x]) ? 2 | 1 : 2;
	if ((rc = split_gone(c, ow, ops, skip)) != RL_OK || (rc = restated(c, ops, ow, skip)) != RL_OK)
		goto out;
	for (int s = 0; s < 2; s++)
		for (size_t x = 0; x < c->side[s].nquotes; x++)
			if (!(skip[s][x] & 1))
				flag_quotation(c, ow, ops, s, &c->side[s].quotes[x], skip[s][x] & 2);
out:
	free(skip[0]);
	free(skip[1]);
	return rc;
}

int rl_quotes_flag(rl_ctx *c, rl_opvec *ops)
{
	if (c->side[0].nquotes + c->side[1].nquotes == 0 || ops->n == 0)
		return RL_OK;
	rl_qowner *ow = NULL;
	int rc = rl_qo_new(c, &ow);
	if (rc == RL_OK)
		rc = rl_qo_marks_in_role(c, ops);
	if (rc == RL_OK) {
		rl_qo_slide_out(c, ow, ops);
		rc = rl_qo_slide_past(c, ow, ops);
	}
	if (rc == RL_OK)
		rc = rl_qo_cut_at_quotes(c, ow, ops);
	if (rc == RL_OK && (rc = rl_qo_build(ops, ow)) == RL_OK &&
	    (rc = fold_gone(c, ops, ow)) == RL_OK && (rc = split_leaving(c, ow, ops)) == RL_OK)
		rc = judge_and_flag(c, ow, ops);
	rl_qo_free(ow);
	return rc;
}
