/* quote_gone.c: the judging of the quote flag stage (quote_stage.h): is a quotation gone as a
 * whole (removed or added: few words kept, or kept only by coincidence, stranded among new text),
 * does it stand in site chrome, or was it reworded where it stood (requoted, speech put in marks)?
 * quote_flag.c folds, splits and flags the ops by these answers. */
#include "quote.h"

#include "quote_stage.h"

/* A quotation that keeps less than one word in this many was removed (or added) as a whole; the
 * odd word matched by coincidence inside it does not save it. */
#define GONE_RATIO 5

/* Words of quotation q (side s) that are kept in NEW (or come from OLD); *content: how many of
 * them are content words, *has_content: whether q holds any. */
static uint32_t kept_words(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, int s,
                           const rl_quotation *q, uint32_t *content, bool *has_content)
{
	uint32_t k = 0;
	*content = 0;
	*has_content = false;
	for (uint32_t t = q->t0; t < q->t1; t++) {
		if (c->side[s].tok[t].cls != RL_TOK_WORD)
			continue;
		bool is_content = rl_is_content(c, s, t);
		*has_content |= is_content;
		if (rl_qo_kept(&ops->v[rl_qo_op_of(ow, s, t)]))
			k++, *content += is_content;
	}
	return k;
}

/* Is quotation q of side s a quotation on the other side too: do the words it keeps stand inside
 * a quotation there? When they do not, marks were only added (or dropped) around kept words: a
 * translation that quotes speech its original gave without marks changes no quotation. */
bool rl_qo_quoted_there(const rl_qowner *ow, const rl_opvec *ops, int s, const rl_quotation *q)
{
	int o = !s;
	rl_qo_walk w = {q->t0, UINT32_MAX};
	for (uint32_t k; (k = rl_qo_next_op(ow, ops, s, q, true, &w)) != UINT32_MAX;) {
		const rl_op *op = &ops->v[k];
		uint32_t lo = rl_lo(op, s) > q->t0 ? rl_lo(op, s) : q->t0;
		uint32_t hi = rl_hi(op, s) < q->t1 ? rl_hi(op, s) : q->t1;
		uint32_t olo = rl_lo(op, o), ohi = rl_hi(op, o);
		uint32_t x0 = olo + (lo - rl_lo(op, s)), x1 = olo + (hi - rl_lo(op, s));
		x0 = x0 < ohi ? x0 : ohi;  /* an equal op under ignore_punct may differ in length */
		x1 = x1 < ohi ? x1 : ohi;
		if (rl_qo_inq(ow, o, x1) > rl_qo_inq(ow, o, x0))
			return true;
	}
	return false;
}

/* The word nearest to token t of side o, looking back (dir < 0, from the token before t) or
 * ahead (from t), inside its paragraph: 0 there is none, 1 it is kept, 2 it is in a rewording, 3
 * it is new text (a change that holds no word of the other side). */
static int near_word(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, int o, uint32_t t,
                     int dir)
{
	const rl_side *sd = &c->side[o];
	uint32_t x = t;
	if (dir < 0) {
		while (x > 0 && sd->tok[x].gap != RL_GAP_PARA && sd->tok[x - 1].cls != RL_TOK_WORD)
			x--;
		if (x == 0 || sd->tok[x].gap == RL_GAP_PARA)
			return 0;
		x--;
	} else {
		while (x < sd->n && (x == 0 || sd->tok[x].gap != RL_GAP_PARA) &&
		       sd->tok[x].cls != RL_TOK_WORD)
			x++;
		if (x == sd->n || (x > 0 && sd->tok[x].gap == RL_GAP_PARA))
			return 0;
	}
	const rl_op *op = &ops->v[rl_qo_op_of(ow, o, x)];
	return rl_qo_kept(op) ? 1 : rl_op_words(c, op, !o) > 0 ? 2 : 3;
}

/* Are tokens [lo, hi) of a side glued between two words ("." in "X.509", "-" in "e-mail")? */
static bool glued_inside(const rl_side *sd, uint32_t lo, uint32_t hi)
{
	return lo > 0 && hi < sd->n && hi > lo && sd->tok[lo].gap == RL_GAP_NONE &&
	       sd->tok[hi].gap == RL_GAP_NONE && sd->tok[lo - 1].cls == RL_TOK_WORD &&
	       sd->tok[hi].cls == RL_TOK_WORD;
}

/* Tokens looked at for a paragraph break between two places: further apart, they are apart. */
#define PARA_REACH 2000

/* Does a paragraph start between tokens t0 and t1 of a side (t0 < t1, or none is)? */
static bool para_apart(const rl_side *sd, uint32_t t0, uint32_t t1)
{
	if (t1 <= t0)
		return false;
	if (t1 - t0 > PARA_REACH)
		return true;
	for (uint32_t t = t0 + 1; t <= t1 && t < sd->n; t++)
		if (sd->tok[t].gap == RL_GAP_PARA)
			return true;
	return false;
}

/* The paragraph of a side around the place before token t (t itself when it starts none),
 * [*p0, *p1), looked for inside [lo, hi) only (the tokens the caller counts). */
static void para_around(const rl_side *sd, uint32_t t, uint32_t lo, uint32_t hi, uint32_t *p0,
                        uint32_t *p1)
{
	uint32_t x = t < sd->n ? t : sd->n;
	while (x > lo && (x == sd->n || sd->tok[x].gap != RL_GAP_PARA))
		x--;
	*p0 = x;
	x = t + 1;
	while (x < hi && x < sd->n && sd->tok[x].gap != RL_GAP_PARA)
		x++;
	*p1 = x < sd->n ? x : sd->n;
}

/* Words a quotation may keep by coincidence and still be gone (see rl_qo_stranded()). */
#define STRANDED_WORDS 3

/* Tokens of a sentence looked at for its kept words: a longer one is no sentence to judge. */
#define SENTENCE_REACH 400

/* Is the sentence around quotation q of OLD gone: does the text of the units it stands in keep
 * less than one word in GONE_RATIO outside the quotation, of four at least? The few words the
 * quotation keeps are then coincidence whatever stands around them on the other side ("Writes X
 * into the entry of the “warm buckets” table." against "- First check the buckets index": two
 * rewordings around "buckets", or "the" kept before it, and nothing else of the sentence). */
static bool sentence_gone(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, int s,
                          const rl_quotation *q)
{
	const rl_side *sd = &c->side[s];
	if (s != RL_OLD || !rl_has_units(sd) || !sd->ustart || sd->nunits == 0)
		return false;
	uint32_t lo = sd->ustart[rl_unit_of(sd, q->t0)], hi = sd->ustart[rl_unit_of(sd, q->t1 - 1) + 1];
	if (hi - lo > SENTENCE_REACH)
		return false;
	uint32_t words = 0, kept = 0;
	for (uint32_t t = lo; t < hi; t++) {
		if (t == q->t0)
			t = q->t1;
		if (t >= hi)
			break;
		if (sd->tok[t].cls != RL_TOK_WORD)
			continue;
		words++;
		kept += rl_qo_kept(&ops->v[rl_qo_op_of(ow, s, t)]);
	}
	return words >= 4 && kept * GONE_RATIO < words;
}

/* Are the few words quotation q of side s keeps (STRANDED_WORDS at most, in runs that do not
 * reach past its marks; more, under half its words, when all stand in another paragraph than
 * where it stood) matched by coincidence: does each run stand on the other side between
 * changed words, inserted ones on one side at least, outside every quotation ("not “Transparent”
 * is called" against a bullet "- Transparent. An image format"), or in another paragraph than
 * the one where the quotation's changed opening mark went (a bullet list below that repeats
 * "509 certificates" of "“X.509 certificates”"), or anywhere when the sentence around the
 * quotation is gone too (sentence_gone)? Punctuation kept inside a word ("X.509")
 * counts for nothing. Marks taken from words that stay have those words' neighbours kept around
 * them, and a quotation reworded where it stood (a translation that quotes speech) has
 * rewordings around them. */
bool rl_qo_stranded(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, int s,
                     const rl_quotation *q)
{
	int o = !s;
	uint32_t kept = 0, near = 0;  /* words kept; of them, in the paragraph where it stood */
	/* Where the quotation starts on the other side, when its opening mark was changed. */
	const rl_op *first = &ops->v[rl_qo_op_of(ow, s, q->t0)];
	uint32_t from_o = rl_qo_kept(first) ? UINT32_MAX : rl_lo(first, o);
	bool one_para = !para_apart(&c->side[s], q->t0, q->t1 - 1);
	rl_qo_walk w = {q->t0, UINT32_MAX};
	for (uint32_t k; (k = rl_qo_next_op(ow, ops, s, q, true, &w)) != UINT32_MAX;) {
		const rl_op *op = &ops->v[k];
		if (op->move || !rl_qo_op_inside(op, s, q))
			return false;
		uint32_t words = rl_op_words(c, op, s);
		if (words == 0 && glued_inside(&c->side[s], rl_lo(op, s), rl_hi(op, s)))
			continue;  /* the full stop of "X.509" kept tells nothing */
		kept += words;
		if (one_para && from_o != UINT32_MAX && para_apart(&c->side[o], from_o, rl_lo(op, o)))
			continue;  /* matched in another paragraph than where the quotation stood */
		near += words;
		if (kept > STRANDED_WORDS)
			return false;
		int before = near_word(c, ow, ops, o, rl_lo(op, o), -1);
		int after = near_word(c, ow, ops, o, rl_hi(op, o), 1);
		if ((before < 2 || after < 2 || (before < 3 && after < 3)) &&
		    !sentence_gone(c, ow, ops, s, q))
			return false;
	}
	/* More words, all restated in another paragraph (a bullet below that repeats part of a
	 * quoted message the link above lost): the quotation left its place, when it kept less than
	 * half its words. */
	if (kept > STRANDED_WORDS && (near > 0 || kept * 2 >= rl_words(c, s, q->t0, q->t1)))
		return false;
	return kept > 0 && !rl_qo_quoted_there(ow, ops, s, q);
}

/* Does token t of side s stand in a change (an op that keeps nothing)? */
static bool changed_at(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, int s,
                       uint32_t t)
{
	return t < c->side[s].n && !rl_qo_kept(&ops->v[rl_qo_op_of(ow, s, t)]);
}

/* A quotation that fills its sentences and lost both marks, whose kept words each stand between
 * changes, was removed whole when it keeps less than one word in this many (whole_stray). */
#define WHOLE_STRAY_RATIO 3

/* Is quotation q of side s all the words of the sentences it stands in (a quoted paragraph, a
 * quoted example line)? */
static bool fills_units(const rl_ctx *c, int s, const rl_quotation *q)
{
	const rl_side *sd = &c->side[s];
	if (!rl_has_units(sd) || !sd->ustart || sd->nunits == 0)
		return false;
	uint32_t lo = sd->ustart[rl_unit_of(sd, q->t0)], hi = sd->ustart[rl_unit_of(sd, q->t1 - 1) + 1];
	return rl_words(c, s, lo, q->t0) == 0 && rl_words(c, s, q->t1, hi) == 0;
}

/* The words quotation q of OLD keeps, each run of them standing in NEW right between two changes;
 * UINT32_MAX when a run does not, or is moved, or reaches past the quotation. */
static uint32_t kept_between_changes(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops,
                                     const rl_quotation *q)
{
	const int s = RL_OLD, o = RL_NEW;
	uint32_t kept = 0;
	rl_qo_walk w = {q->t0, UINT32_MAX};
	for (uint32_t k; (k = rl_qo_next_op(ow, ops, s, q, true, &w)) != UINT32_MAX;) {
		const rl_op *op = &ops->v[k];
		if (op->move || !rl_qo_op_inside(op, s, q))
			return UINT32_MAX;
		uint32_t words = rl_op_words(c, op, s);
		if (words == 0)
			continue;  /* a mark or sign kept inside tells nothing */
		if (rl_lo(op, o) == 0 || !changed_at(c, ow, ops, o, rl_lo(op, o) - 1) ||
		    !changed_at(c, ow, ops, o, rl_hi(op, o)))
			return UINT32_MAX;
		kept += words;
	}
	return kept;
}

/* Did quotation q of OLD lose both marks, and does each run of the words it keeps stand in NEW
 * right between two changes, outside every quotation there, with
 * - few words kept (STRANDED_WORDS at most), fewer than it lost taken away or replaced by
 *   punctuation alone ("“stored" → ","): "a “stored program computer”, code is" against "a,
 *   program text is", where the diff paired "program" of the quotation with the one that
 *   replaced "code" rather than the comma, at equal cost; or
 * - the quotation all of its sentences (fills_units) and less than one word in
 *   WHOLE_STRAY_RATIO kept: a quoted paragraph dropped, a bullet restating the paragraph before
 *   it in its place, read as rewordings around "the FOO", "the", "BAR" matched by coincidence
 *   (a quoted paragraph reworded in place keeps its marks)?
 * Then the quotation went as a whole and those words are coincidence; one whose kept words keep
 * their neighbours ("the “quick brown fox” ran" → "the fox ran") lost words and marks but stays,
 * altered (cut_unmarked). */
static bool unmarked_stray(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops,
                           const rl_quotation *q)
{
	const int s = RL_OLD, o = RL_NEW;
	if (q->t1 - q->t0 < 2 || rl_qo_kept(&ops->v[rl_qo_op_of(ow, s, q->t0)]) ||
	    rl_qo_kept(&ops->v[rl_qo_op_of(ow, s, q->t1 - 1)]))
		return false;
	uint32_t kept = kept_between_changes(c, ow, ops, q);
	if (kept == 0 || kept == UINT32_MAX || rl_qo_quoted_there(ow, ops, s, q))
		return false;
	if (fills_units(c, s, q) && kept * WHOLE_STRAY_RATIO < rl_words(c, s, q->t0, q->t1))
		return true;
	if (kept > STRANDED_WORDS)
		return false;
	uint32_t taken = 0;
	rl_qo_walk w = {q->t0, UINT32_MAX};
	for (uint32_t k; (k = rl_qo_next_op(ow, ops, s, q, false, &w)) != UINT32_MAX;) {
		const rl_op *op = &ops->v[k];
		uint32_t lo = op->a0 > q->t0 ? op->a0 : q->t0, hi = op->a1 < q->t1 ? op->a1 : q->t1;
		if (rl_op_words(c, op, o) == 0)
			taken += rl_words(c, s, lo, hi);
	}
	return taken > kept;
}

/* Is quotation q gone as a whole: less than one word in GONE_RATIO kept, or, for a quotation of
 * OLD, only function words ("a", "of") matched by coincidence where it had content words, or a
 * few words stranded among new text on the other side, or left between changes once its marks
 * went with most of its words (unmarked_stray)? (A quotation of NEW that keeps "here" of
 * "Lo here" is a rewording, not a new quotation.) */
bool rl_qo_gone(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, int s,
                 const rl_quotation *q)
{
	uint32_t w = rl_words(c, s, q->t0, q->t1), content;
	bool has_content;
	uint32_t kept = kept_words(c, ow, ops, s, q, &content, &has_content);
	return w > 0 && (kept * GONE_RATIO < w || (s == RL_OLD && has_content && content == 0) ||
	                 rl_qo_stranded(c, ow, ops, s, q) ||
	                 (s == RL_OLD && unmarked_stray(c, ow, ops, q)));
}

/* Site chrome: at least CHROME_LINES lines a reader sees (list items, headline links), none of
 * more than CHROME_LINE_WORDS words, at most one in three ending with a sentence stop. */
#define CHROME_LINES 3
#define CHROME_LINE_WORDS 20

/* Do tokens [first, last] of a side, a line, end with a sentence stop (before a closing mark or
 * bracket: "… said.”")? */
static bool line_ends_sentence(const rl_ctx *c, int s, uint32_t first, uint32_t last)
{
	for (uint32_t t = last + 1; t-- > first;) {
		if (c->side[s].tok[t].cls == RL_TOK_WORD)
			return false;
		if (rl_tok_idf(c, s, t) & RL_IDF_STOP)
			return true;
	}
	return false;
}

/* Does quotation q of side s stand in site chrome that shares nothing with the other side: a
 * paragraph of short lines that are no sentences (a "Latest" box of headlines, one of which
 * quotes someone; a menu), every token of it deleted (inserted) and none moved? Such a quotation
 * is no quotation of the article: it is not flagged (the box is one deletion like any other). A
 * dropped paragraph of prose that quotes someone is a sentence, and stays flagged; so does a
 * quotation in a box one of whose words the other side kept. */
bool rl_qo_in_chrome(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, int s,
                      const rl_quotation *q)
{
	const rl_side *sd = &c->side[s];
	uint32_t p0, p1;
	para_around(sd, q->t0, 0, sd->n, &p0, &p1);
	if (p1 - p0 > PARA_REACH)
		return false;
	uint32_t lines = 0, sentences = 0, line0 = p0;
	for (uint32_t t = p0; t <= p1; t++) {
		if (t == p1 || (t > p0 && sd->tok[t].gap >= RL_GAP_BREAK)) {
			if (rl_words(c, s, line0, t) > CHROME_LINE_WORDS)
				return false;
			lines++;
			sentences += t > line0 && line_ends_sentence(c, s, line0, t - 1);
			line0 = t;
			if (t == p1)
				break;
		}
		const rl_op *op = &ops->v[rl_qo_op_of(ow, s, t)];
		if (op->move || rl_hi(op, !s) > rl_lo(op, !s))
			return false;
	}
	return lines >= CHROME_LINES && sentences * 3 <= lines;
}

/* Old words a rewording may stand for, at most, per new word (and a few more): a long passage
 * deleted beside a short quotation is no speech put in marks. */
#define REWORD_SPREAD 2
#define REWORD_SLACK 2

/* Does NEW quotation q, gone as a whole, stand where OLD had about as many words, none of them
 * quoted? Then speech given without marks was reworded and put in marks ("Weep not." → "“Don’t
 * cry.”"): no quotation was added. The place is the run of changes around the quotation, from
 * the kept words before it to those after it, inside the paragraph of OLD where it stands: the
 * diff often takes the old words in a deletion of their own beside the quotation ("answered
 * him[-and said, Thou sayest it-] {+,+} [-.-]{+“So you say.”+}"). */
bool rl_qo_rewords_unquoted(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops,
                             const rl_quotation *q)
{
	const rl_side *old = &c->side[RL_OLD];
	size_t k0 = rl_qo_op_of(ow, RL_NEW, q->t0), k1 = rl_qo_op_of(ow, RL_NEW, q->t1 - 1);
	while (k0 > 0 && !rl_qo_kept(&ops->v[k0 - 1]))
		k0--;
	while (k1 + 1 < ops->n && !rl_qo_kept(&ops->v[k1 + 1]))
		k1++;
	uint32_t u0 = 0, u1 = 0, v0 = 0, v1 = 0;
	para_around(old, ops->v[rl_qo_op_of(ow, RL_NEW, q->t0)].a0, ops->v[k0].a0, ops->v[k1].a1,
	            &u0, &v0);
	para_around(old, ops->v[rl_qo_op_of(ow, RL_NEW, q->t1 - 1)].a1, ops->v[k0].a0,
	            ops->v[k1].a1, &v1, &u1);
	uint32_t old_words = 0, new_words = 0;
	for (size_t x = k0; x <= k1; x++) {
		const rl_op *op = &ops->v[x];
		if (rl_qo_kept(op))
			continue;
		new_words += rl_op_words(c, op, RL_NEW);
		uint32_t a0 = op->a0 > u0 ? op->a0 : u0, a1 = op->a1 < u1 ? op->a1 : u1;
		if (a1 <= a0)
			continue;
		if (rl_qo_inq(ow, RL_OLD, a1) > rl_qo_inq(ow, RL_OLD, a0))
			return false;
		old_words += rl_words(c, RL_OLD, a0, a1);
	}
	return old_words > 0 && 2 * old_words >= new_words &&
	       old_words <= REWORD_SPREAD * new_words + REWORD_SLACK;
}

/* Was quotation q of side s, gone as a whole, reworded where it stood: do the changes that took
 * its words put at least as many quoted words there on the other side ("“用户和组”" →
 * "「使用者和組」", a conversion that leaves no character of a short quotation)? Then one
 * quotation was altered, not one removed and another added. */
bool rl_qo_requoted(const rl_ctx *c, const rl_qowner *ow, const rl_opvec *ops, int s,
                     const rl_quotation *q)
{
	int o = !s;
	uint32_t quoted = 0, words = 0;
	rl_qo_walk w = {q->t0, UINT32_MAX};
	for (uint32_t k; (k = rl_qo_next_op(ow, ops, s, q, false, &w)) != UINT32_MAX;) {
		const rl_op *op = &ops->v[k];
		for (uint32_t x = rl_lo(op, o); x < rl_hi(op, o); x++)
			if (rl_qo_quoted_tok(ow, o, x) && c->side[o].tok[x].cls == RL_TOK_WORD)
				quoted++;
		words += rl_words(c, s, rl_lo(op, s), rl_hi(op, s));
	}
	return quoted > 0 && 2 * quoted >= words;
}
