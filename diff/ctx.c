/* ctx.c: the context the stages share, and exact diffs of token ranges. */
#include "ctx.h"

#include <stdlib.h>
#include <string.h>

#include "myers.h"
#include "status.h"

/* ------------------------------------------------------------------ context */

/* Token i of side sd takes the id of its own key with the bytes pre[0..npre) before it. */
static int prefixed_id(rl_ctx *c, rl_side *sd, uint32_t i, const char *pre, size_t npre,
                       char **key, size_t *cap)
{
	const rl_token *x = &sd->tok[i];
	/* The token's key, written npre bytes in, after the prefix. */
	long len = rl_key(&c->opts.key, sd->text + x->off, x->len, x->cls, key, cap);
	char *k = len < 0 ? NULL : realloc(*key, (size_t)len + npre);
	if (!k)
		return RL_ENOMEM;
	*key = k, *cap = (size_t)len + npre;
	memmove(k + npre, k, (size_t)len);
	memcpy(k, pre, npre);
	return rl_intern_key(c->in, k, (size_t)len + npre, &sd->ids[i]);
}

/* List markers get ids of their own (RL_MARKER_KEY before the marker's own key), so that the diff
 * pairs a bullet with a bullet and never with a hyphen or a word: the tokens of the marker that
 * starts at t (m of them) take the marker's ids. */
static int marker_ids(rl_ctx *c, rl_side *sd, uint32_t t, uint32_t m, char **key, size_t *cap)
{
	static const char pre[1] = {RL_MARKER_KEY};
	for (uint32_t i = t; i < t + m; i++) {
		if (sd->ids[i] == RL_ID_NONE)
			continue;
		if (m == 2 && i == t) {
			/* An ordered marker's number (or letter) is its place, not its words: a list
			 * renumbered around an inserted item ("1." now "2.") keeps its items (and shows
			 * the new number as a replace, rl_ordinals_apart). */
			int rc = rl_intern_key(c->in, RL_ORDINAL_KEY, 2, &sd->ids[i]);
			if (rc != RL_OK)
				return rc;
			continue;
		}
		int rc = prefixed_id(c, sd, i, pre, sizeof pre, key, cap);
		if (rc != RL_OK)
			return rc;
	}
	return RL_OK;
}

/* Is token t (punctuation touching the token before it) the mark . , or : inside a number, whose
 * next part the tokenizer glued to it (the "." of "5.26", the "," of "1,000")? */
static inline bool number_mark(const rl_side *sd, const rl_token *tk, uint32_t t)
{
	if (tk->len != 1 || t == 0 || t + 1 >= sd->n || !(sd->tok[t + 1].flags & RL_TF_GLUED))
		return false;
	char ch = sd->text[tk->off];
	return ch == '.' || ch == ',' || ch == ':';
}

/* The parts of a number get ids of their own (RL_NUMBER_KEY and their role before their keys):
 * the first part, a mark, a later part. "5.26" -> "five.26" keeps ".26", but a number's part is
 * never paired with a number standing alone ("$4.5 million" shares no "5" with "5-2"), nor its
 * dot with a sentence's stop. Token t is the mark (number_mark). */
static int number_ids(rl_ctx *c, rl_side *sd, uint32_t t, char **key, size_t *cap)
{
	static const char first[2] = {RL_NUMBER_KEY, 'f'}, mark[2] = {RL_NUMBER_KEY, 'm'},
	                  later[2] = {RL_NUMBER_KEY, 'l'};
	const char *pre[3] = {sd->tok[t - 1].flags & RL_TF_GLUED ? later : first, mark, later};
	for (uint32_t k = 0; k < 3; k++) {
		uint32_t i = t - 1 + k;
		if (sd->ids[i] == RL_ID_NONE)
			continue;
		int rc = prefixed_id(c, sd, i, pre[k], 2, key, cap);
		if (rc != RL_OK)
			return rc;
	}
	return RL_OK;
}

/* tlist_push on a full list: doubled, then t appended. */
static int tlist_grow_push(rl_tlist *l, uint32_t t)
{
	uint32_t cap = l->cap ? l->cap * 2 : 256;
	uint32_t *v = realloc(l->v, (size_t)cap * sizeof *v);
	if (!v)
		return RL_ENOMEM;
	l->v = v, l->cap = cap;
	l->v[l->n++] = t;
	return RL_OK;
}

/* Append token t to a list of candidates: inline in the walk's loops, a store when there is
 * room (a call for every candidate was a sixth of the walk on en00, a wiki page: callgrind). */
static inline int tlist_push(rl_tlist *l, uint32_t t)
{
	if (l->n == l->cap)
		return tlist_grow_push(l, t);
	l->v[l->n++] = t;
	return RL_OK;
}

/* Does the first byte of a punctuation token say it may be a list's bullet (- * + or one of
 * U+2022 U+2023 U+2043 U+25AA U+25CF U+25E6, all led by 0xE2; lexicon.c decides)? */
static bool may_be_bullet(unsigned char b0)
{
	return b0 == '-' || b0 == '*' || b0 == '+' || b0 == 0xE2;
}

/* Does a punctuation token glued to the one before (tk, its text s) say it may be a dash
 * (rl_is_dash: hyphens, or a dash led by 0xE2 or, in its small and vertical forms U+FE31,
 * U+FE32 and U+FE58, by 0xEF 0xB8 or 0xEF 0xB9)? The other marks led by 0xEF are the full-width
 * forms, Chinese's commas and brackets ("，" is EF BC 8C): each asked rl_list_marker and
 * rl_is_dash for nothing. */
static bool may_be_dash(const rl_token *tk, const char *s)
{
	unsigned char b0 = (unsigned char)s[0];
	if (b0 != 0xEF)
		return b0 == '-' || b0 == 0xE2;
	/* (The length first: a lone 0xEF, malformed, may end the text.) */
	return tk->len == 3 && ((unsigned char)s[1] == 0xB8 || (unsigned char)s[1] == 0xB9);
}

/* Does it say it may be a quotation mark (" ' or the lead bytes of « » “ ” ‘ ’ „ ‹ › 「 」,
 * quote.c)? */
static bool may_be_quote(unsigned char b0)
{
	if (b0 < 0x80)
		return b0 == '"' || b0 == '\'';
	return b0 == 0xC2 || (b0 & 0xFE) == 0xE2;
}

/* Does the token before t (t > 0) end in a stop, a colon or a semicolon: may a numbered list
 * run into the text start at t (rl_list_marker, whose numbers and letters are three bytes at
 * most)? */
static bool after_stop(const rl_token *tok, const char *text, uint32_t t)
{
	const rl_token *p = &tok[t - 1];
	if (p->cls != RL_TOK_PUNCT)
		return false;
	char ch = text[p->off + p->len - 1];
	return ch == '.' || ch == ':' || ch == ';' || ch == '!' || ch == '?';
}

/* A lower-case word (t > 0, after a space) that may start a sentence all the same
 * (rl_lower_starts): only after a full stop alone, so that the common cases (after a word, a
 * comma) cost two tests and no call. */
static inline bool lower_starts(const rl_token *tok, const char *text, uint32_t t)
{
	const rl_token *p = &tok[t - 1];
	return p->cls == RL_TOK_PUNCT && p->len == 1 && text[p->off] == '.' &&
	       rl_lower_starts(tok, text, t);
}

/* What the walk below makes of token t. */
enum {
	W_UCAND = 1 << 0,   /* may start a unit */
	W_QCAND = 1 << 1,   /* may be a quotation mark or start a paragraph */
	W_MARKER = 1 << 2,  /* may start a list marker: rl_list_marker is asked */
};

static inline unsigned walk_bits(const rl_token *tok, const char *text, uint32_t t)
{
	const rl_token *tk = &tok[t];
	unsigned gap = tk->gap, flags = tk->flags;
	if (tk->cls == RL_TOK_WORD) {
		if (t > 0 && gap < RL_GAP_BREAK) {
			/* Inside a line: a lower-case word after a word, the most common token, or a
			 * word glued to the token before, is neither. */
			if (gap == RL_GAP_NONE)
				return 0;
			bool cand = (flags & (RL_TF_ASCII | RL_TF_UPPER | RL_TF_DIGIT | RL_TF_SOLO)) !=
			            RL_TF_ASCII || lower_starts(tok, text, t);
			bool marker = tk->len <= 3 && after_stop(tok, text, t);
			return (cand ? W_UCAND : 0) | (marker ? W_MARKER : 0);
		}
		/* Starts the text or a line. */
		return W_UCAND | (tk->len <= 3 ? W_MARKER : 0) | (gap == RL_GAP_PARA ? W_QCAND : 0);
	}
	unsigned char b0 = (unsigned char)text[tk->off];
	bool spaced = t == 0 || gap != RL_GAP_NONE;
	bool marker = spaced ? may_be_bullet(b0) : may_be_dash(tk, text + tk->off);
	return (spaced ? W_UCAND : 0) | (marker ? W_MARKER : 0) |
	       (gap == RL_GAP_PARA || may_be_quote(b0) ? W_QCAND : 0);
}

/* The walk over one side. */
typedef struct walk {
	rl_ctx *c;
	rl_side *sd;
	bool cands;      /* list the candidates */
	uint32_t w;      /* words so far */
	char *key;       /* marker_ids' scratch */
	size_t kcap;
} walk;

/* Give the list marker that may start at token t its ids, or a dash its own (rl_is_dash: under
 * the typography folding "—" pairs with " - ", never with a word's hyphen nor with a bullet). */
static int walk_marker(walk *k, uint32_t t)
{
	static const char dash[2] = {RL_MARKER_KEY, '~'};
	bool unordered;
	rl_side *sd = k->sd;
	uint32_t m = rl_list_marker(sd->tok, sd->text, sd->n, t, &unordered);
	if (m)
		return marker_ids(k->c, sd, t, m, &k->key, &k->kcap);
	if (sd->ids[t] != RL_ID_NONE && rl_is_dash(sd->tok, sd->text, sd->n, t))
		return prefixed_id(k->c, sd, t, dash, sizeof dash, &k->key, &k->kcap);
	return RL_OK;
}

/* Tokens [lo, hi), each on its own. */
static int walk_tokens(walk *k, uint32_t lo, uint32_t hi)
{
	rl_side *sd = k->sd;
	const rl_token *tok = sd->tok;
	const char *text = sd->text;
	uint32_t *wbase = sd->wbase, w = k->w;
	uint8_t *wlow = sd->wlow;
	bool cands = k->cands;
	int rc = RL_OK;

	for (uint32_t t = lo; t < hi; t++) {
		/* walk_bits, written out: this is the walk's hot loop. */
		const rl_token *tk = &tok[t];
		unsigned gap = tk->gap, flags = tk->flags;
		bool marker, cand, quote = false, num = false;
		wlow[t] = (uint8_t)w;
		if (!(t & 255))
			wbase[t >> 8] = w;
		if (tk->cls == RL_TOK_WORD) {
			w += !(flags & RL_TF_GLUED);
			if (t > 0 && gap < RL_GAP_BREAK) {
				if (gap == RL_GAP_NONE)
					continue;  /* the most common token (bits 0) */
				marker = tk->len <= 3 && after_stop(tok, text, t);
				cand = (flags & (RL_TF_ASCII | RL_TF_UPPER | RL_TF_DIGIT | RL_TF_SOLO)) !=
				       RL_TF_ASCII || lower_starts(tok, text, t);
				if (!marker && !cand)
					continue;
			} else {
				marker = tk->len <= 3;
				cand = true;
				quote = gap == RL_GAP_PARA;
			}
		} else {
			unsigned char b0 = (unsigned char)text[tk->off];
			bool spaced = t == 0 || gap != RL_GAP_NONE;
			marker = spaced ? may_be_bullet(b0) : may_be_dash(tk, text + tk->off);
			cand = spaced;
			quote = gap == RL_GAP_PARA || may_be_quote(b0);
			num = !spaced && number_mark(sd, tk, t);
		}
		if (cands && ((cand && (rc = tlist_push(&sd->ucand, t)) != RL_OK) ||
		              (quote && (rc = tlist_push(&sd->qcand, t)) != RL_OK)))
			break;
		if (marker && (rc = walk_marker(k, t)) != RL_OK)
			break;
		if (num && (rc = number_ids(k->c, sd, t, &k->key, &k->kcap)) != RL_OK)
			break;
	}
	k->w = w;
	return rc;
}

/* Tokens [t0 + 1, t0 + n) of NEW, copied with their ids from OLD's [s0 + 1, s0 + n) (skip.h:
 * run r is one line, whose first token alone has whitespace of NEW's own), given OLD's walk
 * (old, its bits obits): the results there are OLD's. Each fact above of a token reads that
 * token and the one before it, both copies; the list marker also reads the two tokens after it,
 * so it is asked again for the last two. Where OLD's was asked, NEW's ids are OLD's already,
 * marker ids included (rl_intern_from). */
static int walk_copied(walk *k, const rl_side *old, const uint8_t *obits, const rl_tokrun *r)
{
	rl_side *sd = k->sd;
	uint32_t a = r->t0 + 1, b = r->t0 + r->n, shift = r->t0 - r->s0;  /* modulo 2^32 */
	uint32_t delta = k->w - rl_words_before(old, r->s0 + 1);
	int rc = RL_OK;

	for (uint32_t t = a; t < b; t++) {
		uint32_t s = t - shift;
		sd->wlow[t] = (uint8_t)(old->wlow[s] + delta);  /* the low byte of the count */
		if (!(t & 255))
			sd->wbase[t >> 8] = rl_words_before(old, s) + delta;
		unsigned bits = obits[s];
		if (bits && k->cands &&
		    (((bits & W_UCAND) && (rc = tlist_push(&sd->ucand, t)) != RL_OK) ||
		     ((bits & W_QCAND) && (rc = tlist_push(&sd->qcand, t)) != RL_OK)))
			return rc;
	}
	k->w = rl_words_before(old, r->s0 + r->n) + delta;
	for (uint32_t t = b >= a + 2 ? b - 2 : a; t < b && rc == RL_OK; t++)
		if (walk_bits(sd->tok, sd->text, t) & W_MARKER)
			rc = walk_marker(k, t);
	return rc;
}

/* The runs of a window of NEW copied from the window of OLD beside it (rl_tokens_runs_inside). */
typedef struct span_runs {
	const rl_tokrun *v;
	size_t n;
} span_runs;

/* The runs of NEW whose ids rl_intern_from copied from OLD (the same test: in order, each after
 * the one before). */
static size_t copied_runs(const rl_ctx *c, const rl_tokens *new_toks, const rl_tokrun **runs)
{
	const rl_tokens *from;
	size_t nruns, k = 0;
	const rl_tokrun *v = rl_tokens_runs(new_toks, &from, &nruns);
	uint32_t n = c->side[RL_NEW].n;
	if (from != c->old_toks)
		return 0;
	for (uint32_t i = 0; k < nruns && v[k].t0 >= i && v[k].t0 < n; k++)
		i = v[k].t0 + v[k].n;
	*runs = v;
	return k;
}

uint32_t rl_side_words_far(const rl_side *sd, uint32_t lo, uint32_t hi)
{
	return rl_words_before(sd, hi) - rl_words_before(sd, lo);
}

/* One walk over the tokens of a side, for every pass that looks at each token once: the words
 * before each token; the list markers' ids (rl_list_marker is asked only where a marker may
 * start: punctuation that may be a bullet after whitespace, a short word that starts a line or
 * follows a stop); and, when the stages want structure, the candidates (ctx.h) of units
 * (structure.c) and of quotations (quote.c). Those passes then visit the candidates alone.
 * On OLD, *bits (when not NULL) receives what it made of each token; on NEW, the lines copied
 * from OLD take OLD's results from there (walk_copied). */
static int side_walk(rl_ctx *c, int s, const rl_tokens *toks, uint8_t **bits,
                     const span_runs *sr)
{
	rl_side *sd = &c->side[s];
	walk k = {c, sd, c->stages != 0, 0, NULL, 0};
	const rl_tokrun *runs = sr ? sr->v : NULL;
	size_t nruns = s != RL_NEW || !*bits ? 0 : sr ? sr->n : copied_runs(c, toks, &runs);
	uint32_t i = 0;
	int rc = RL_OK;

	sd->listed = k.cands;
	for (size_t r = 0; r < nruns && rc == RL_OK; r++) {
		/* The tokens before the run, and its first one, on their own. */
		if ((rc = walk_tokens(&k, i, runs[r].t0 + 1)) == RL_OK)
			rc = walk_copied(&k, &c->side[RL_OLD], *bits, &runs[r]);
		i = runs[r].t0 + runs[r].n;
	}
	if (rc == RL_OK)
		rc = walk_tokens(&k, i, sd->n);
	sd->wlow[sd->n] = (uint8_t)k.w;
	if (!(sd->n & 255))
		sd->wbase[sd->n >> 8] = k.w;
	free(k.key);
	if (rc == RL_OK && s == RL_OLD && bits && k.cands) {
		/* Which tokens are candidates, for NEW's copies: from the lists. */
		uint8_t *v = calloc((size_t)sd->n + 1, 1);
		if (!v)
			return RL_ENOMEM;
		for (uint32_t j = 0; j < sd->ucand.n; j++)
			v[sd->ucand.v[j]] = W_UCAND;
		for (uint32_t j = 0; j < sd->qcand.n; j++)
			v[sd->qcand.v[j]] |= W_QCAND;
		*bits = v;
	}
	return rc;
}

/* The ids of side s, tokens [lo, hi) of toks: NEW's paragraphs copied from OLD take OLD's ids
 * (skip.h), after OLD's walk (the ids of list markers and numbers included: side_walk does not
 * ask again for them): over the whole texts, or the runs sr of a window of NEW (numbered from lo
 * and from the start of the window of OLD beside it). */
static int side_ids(rl_ctx *c, int s, const rl_tokens *toks, uint32_t lo, uint32_t hi,
                    bool whole, const span_runs *sr)
{
	rl_side *sd = &c->side[s];
	if (sr)
		return rl_intern_span_runs(c->in, toks, lo, hi, sr->v, sr->n, c->side[RL_OLD].ids,
		                           &sd->ids);
	if (!whole)
		return rl_intern_span(c->in, toks, lo, hi, &sd->ids);
	return s == RL_NEW ? rl_intern_from(c->in, toks, c->old_toks, c->side[RL_OLD].ids, &sd->ids)
	                   : rl_intern(c->in, toks, &sd->ids);
}

/* Side s: tokens [lo, hi) of toks (the whole text, or a window of it: window.h). */
static int side_init(rl_ctx *c, int s, const rl_tokens *toks, uint32_t lo, uint32_t hi,
                     uint8_t **bits, const span_runs *sr)
{
	rl_side *sd = &c->side[s];
	bool whole = lo == 0 && hi == rl_tokens_count(toks);
	sd->tok = rl_tokens_array(toks) + lo;
	sd->text = rl_tokens_text(toks);
	sd->n = hi - lo;
	int rc = side_ids(c, s, toks, lo, hi, whole, sr);
	if (rc != RL_OK)
		return rc;
	sd->wbase = malloc((((size_t)sd->n >> 8) + 1) * sizeof *sd->wbase);
	sd->wlow = malloc((size_t)sd->n + 1);
	if (!sd->wbase || !sd->wlow)
		return RL_ENOMEM;
	return side_walk(c, s, toks, bits, sr);
}

/* Flags per id, once both texts are interned, from its key and the class of the token that made
 * it (every token with the id is of that class: a key is made of the token's own characters; a
 * list marker's key, made as is, says what it is itself). An id that no token has (a word made a
 * list marker) gets the flags of its key as well: nothing reads them. */
static int ids_init(rl_ctx *c)
{
	c->nids = rl_interner_count(c->in);
	c->idf = calloc(c->nids + 1, 1);
	if (!c->idf)
		return RL_ENOMEM;
	for (int s = 0; s < 2; s++) {
		rl_side *sd = &c->side[s];
		bool all = true;
		/* Every token has an id, but punctuation under ignore_punct. */
		for (uint32_t t = 0, n = sd->n; t < n && all && c->opts.key.ignore_punct; t++)
			all = sd->ids[t] != RL_ID_NONE;
		sd->all_compared = all;
	}
	for (size_t id = 0; id < c->nids; id++) {
		size_t len;
		const char *key = rl_interner_key(c->in, (uint32_t)id, &len);
		unsigned cls = rl_interner_cls(c->in, (uint32_t)id);
		c->idf[id] = (uint8_t)rl_key_flags(key, len, cls == UINT32_MAX ? RL_TOK_PUNCT : cls);
	}
	return RL_OK;
}

int rl_ctx_count(rl_ctx *c)
{
	uint32_t *freq = c->freq = calloc(c->nids + 1, sizeof *c->freq);
	if (!freq)
		return RL_ENOMEM;
	for (int s = 0; s < 2; s++) {
		const uint32_t *ids = c->side[s].ids;
		uint32_t n = c->side[s].n;
		if (c->side[s].all_compared) {
			for (uint32_t t = 0; t < n; t++)
				freq[ids[t]]++;  /* every token has an id: no test in the loop */
			continue;
		}
		for (uint32_t t = 0; t < n; t++)
			if (ids[t] != RL_ID_NONE)
				freq[ids[t]]++;
	}
	return RL_OK;
}

/* The renumbering of the ids in the diffs of ranges (gather), made for the first such diff: the
 * sources stage diffs no range. */
static int local_ready(rl_ctx *c)
{
	if (c->local)
		return RL_OK;
	c->local = malloc((c->nids + 1) * sizeof *c->local);
	if (!c->local)
		return RL_ENOMEM;
	for (size_t id = 0; id < c->nids; id++)
		c->local[id] = RL_ID_NONE;
	return RL_OK;
}

/* The scratch of one exact diff, for ranges of up to na and nb tokens (their contents need not
 * survive: every diff fills them afresh). */
static int scratch_reserve(rl_ctx *c, size_t na, size_t nb)
{
	if (na + 1 > c->scratch_na) {
		free(c->xa), free(c->pa), free(c->ma);
		c->xa = malloc((na + 1) * sizeof *c->xa);
		c->pa = malloc((na + 1) * sizeof *c->pa);
		c->ma = malloc(na + 1);
		c->scratch_na = c->xa && c->pa && c->ma ? na + 1 : 0;
	}
	if (nb + 1 > c->scratch_nb) {
		free(c->xb), free(c->pb), free(c->mb);
		c->xb = malloc((nb + 1) * sizeof *c->xb);
		c->pb = malloc((nb + 1) * sizeof *c->pb);
		c->mb = malloc(nb + 1);
		c->scratch_nb = c->xb && c->pb && c->mb ? nb + 1 : 0;
	}
	return c->scratch_na > na && c->scratch_nb > nb ? RL_OK : RL_ENOMEM;
}

/* Give the scratch back. After the diff of the whole texts: the diffs the stages run later are
 * of passages, and the pages of a scratch as large as the texts would otherwise stay resident
 * through every stage (9 bytes a token, a seventh of the peak). */
static void scratch_release(rl_ctx *c)
{
	free(c->xa), free(c->pa), free(c->ma);
	free(c->xb), free(c->pb), free(c->mb);
	c->xa = c->pa = c->xb = c->pb = NULL;
	c->ma = c->mb = NULL;
	c->scratch_na = c->scratch_nb = 0;
}

/* The work all diffs of ranges may share: the exact engine's own budget for the whole texts (16
 * per element and 2^26, myers.c), counted in tokens here. */
#define REDIFF_WORK_PER_TOKEN 16
#define REDIFF_WORK_MIN (UINT64_C(1) << 26)

int rl_ctx_init(rl_ctx *c, const rl_tokens *old_toks, const rl_tokens *new_toks,
                const rl_diff_opts *opts)
{
	const uint32_t whole[4] = {0, (uint32_t)rl_tokens_count(old_toks), 0,
	                           (uint32_t)rl_tokens_count(new_toks)};
	return rl_ctx_init_span(c, old_toks, new_toks, whole, opts);
}

int rl_ctx_init_span(rl_ctx *c, const rl_tokens *old_toks, const rl_tokens *new_toks,
                     const uint32_t span[4], const rl_diff_opts *opts)
{
	int rc;

	memset(c, 0, sizeof *c);
	c->opts = *opts;
	c->stages = opts->minimal ? 0 : opts->stages & RL_STAGES_ALL;
	c->next_move = 1;
	/* What OLD's walk made of each token, for NEW's lines copied from OLD (side_walk), when
	 * NEW has any: over the whole texts, or those of a window of NEW copied from the window of
	 * OLD beside it (renumbered from their starts). */
	bool whole = span[0] == 0 && span[1] == rl_tokens_count(old_toks) && span[2] == 0 &&
	             span[3] == rl_tokens_count(new_toks);
	c->old_toks = whole ? old_toks : NULL;
	const rl_tokens *from;
	size_t nruns;
	rl_tokens_runs(new_toks, &from, &nruns);
	rl_tokrun *sv = NULL;
	size_t nsv = 0;
	if (!whole && from == old_toks && nruns > 0 &&
	    (rc = rl_tokens_runs_inside(new_toks, span[2], span[3], old_toks, span[0], span[1], &sv,
	                                &nsv)) != RL_OK)
		return rc;
	span_runs sr = {sv, nsv};
	uint8_t *bits = NULL, **keep = (whole && from == old_toks && nruns > 0) || nsv ? &bits : NULL;
	if ((rc = rl_interner_new(&c->in, &opts->key)) == RL_OK &&
	    (rc = side_init(c, RL_OLD, old_toks, span[0], span[1], keep, NULL)) == RL_OK)
		rc = side_init(c, RL_NEW, new_toks, span[2], span[3], &bits, nsv ? &sr : NULL);
	free(bits);
	free(sv);
	if (rc != RL_OK || (rc = ids_init(c)) != RL_OK)
		return rc;
	c->rediff_work = REDIFF_WORK_PER_TOKEN * ((uint64_t)c->side[0].n + c->side[1].n) +
	                 REDIFF_WORK_MIN;
	return RL_OK;
}

#define NSPARE (sizeof ((rl_ctx *)0)->spare / sizeof ((rl_ctx *)0)->spare[0])

/* Below this many ops a list is cheap to make afresh. */
#define SCRATCH_SMALL 4096

uint64_t rl_ctx_tries_end(const rl_ctx *c, uint32_t per_token, uint64_t min)
{
	return c->rediffed + (uint64_t)per_token * ((uint64_t)c->side[0].n + c->side[1].n) + min;
}

rl_opvec rl_ctx_scratch(rl_ctx *c, size_t want)
{
	size_t x = NSPARE, big = 0;
	bool small = want < SCRATCH_SMALL;
	for (size_t k = 0; k < NSPARE; k++) {
		size_t cap = c->spare[k].cap;
		if (cap >= want && (!small || cap <= 4 * SCRATCH_SMALL) &&
		    (x == NSPARE || cap < c->spare[x].cap))
			x = k;  /* the smallest that holds them */
		if (c->spare[k].cap > c->spare[big].cap)
			big = k;
	}
	if (x == NSPARE && small)
		return (rl_opvec){NULL, 0, 0};
	if (x == NSPARE)
		x = big;
	rl_opvec ov = c->spare[x];
	memset(&c->spare[x], 0, sizeof c->spare[x]);
	ov.n = 0;
	return ov;
}

void rl_ctx_recycle(rl_ctx *c, rl_opvec *ov)
{
	size_t x = 0;  /* the smallest spare */
	for (size_t k = 1; k < NSPARE; k++)
		if (c->spare[k].cap < c->spare[x].cap)
			x = k;
	if (ov->cap > c->spare[x].cap)
		rl_opvec_swap(ov, &c->spare[x]);
	rl_opvec_free(ov);
}

void rl_ctx_trim(rl_ctx *c, size_t keep)
{
	bool drop[NSPARE];
	for (size_t k = 0; k < NSPARE; k++) {
		size_t bigger = 0;  /* spares ranked before this one (ties by position) */
		for (size_t j = 0; j < NSPARE; j++)
			bigger += c->spare[j].cap > c->spare[k].cap ||
			          (c->spare[j].cap == c->spare[k].cap && j < k);
		drop[k] = bigger >= keep;
	}
	for (size_t k = 0; k < NSPARE; k++)
		if (drop[k])
			rl_opvec_free(&c->spare[k]);
	scratch_release(c);
}

void rl_ctx_unlist(rl_side *sd)
{
	free(sd->ucand.v);
	free(sd->qcand.v);
	memset(&sd->ucand, 0, sizeof sd->ucand);
	memset(&sd->qcand, 0, sizeof sd->qcand);
	sd->listed = false;
}

void rl_ctx_release(rl_ctx *c)
{
	for (size_t k = 0; k < NSPARE; k++)
		rl_opvec_free(&c->spare[k]);
	for (int s = 0; s < 2; s++) {
		rl_side *sd = &c->side[s];
		free(sd->ids);
		free(sd->wbase);
		free(sd->wlow);
		free(sd->ubase);
		free(sd->ulow);
		free(sd->ustart);
		free(sd->uflags);
		free(sd->quotes);
		rl_ctx_unlist(sd);
	}
	free(c->idf);
	free(c->freq);
	free(c->names);
	free(c->local);
	scratch_release(c);
	rl_interner_free(c->in);
	memset(c, 0, sizeof *c);
}

/* Cut equal ops where a unit starts on either side, so that each lies in one unit a side. */
/* An equal op pairs its tokens one to one (every token compared): cut it at the unit starts of
 * both sides, found unit by unit rather than token by token. */
static int split_equal_fast(const rl_ctx *c, rl_op op, rl_opvec *out)
{
	const rl_side *sa = &c->side[0], *sb = &c->side[1];
	uint32_t ua = rl_unit_of(sa, op.a0) + 1, ub = rl_unit_of(sb, op.b0) + 1;  /* next unit starts */
	for (;;) {
		uint32_t ca = ua <= sa->nunits ? sa->ustart[ua] - op.a0 : UINT32_MAX;
		uint32_t cb = ub <= sb->nunits ? sb->ustart[ub] - op.b0 : UINT32_MAX;
		uint32_t d = ca < cb ? ca : cb;  /* offset of the next cut */
		if (d >= op.a1 - op.a0)
			break;
		if (rl_opvec_cut(out, &op, op.a0 + d, op.b0 + d) != RL_OK)
			return RL_ENOMEM;
		ua += ca == d, ub += cb == d;
	}
	return rl_opvec_push(out, &op);
}

/* Does token t start a unit of sd? *next is where the unit after the last token asked of starts
 * (0 at first): tokens are asked of in order, and one before *next starts none. */
static bool starts_unit(const rl_side *sd, uint32_t t, uint32_t *next)
{
	if (t < *next)
		return false;
	uint32_t u = rl_unit_of(sd, t);
	*next = sd->ustart[u + 1];
	return sd->ustart[u] == t;
}

int rl_split_equals(const rl_ctx *c, const rl_opvec *ops, rl_opvec *out)
{
	for (size_t k = 0; k < ops->n; k++) {
		rl_op op = ops->v[k];
		if (op.kind != RL_OP_EQUAL || op.move) {
			if (rl_opvec_push(out, &op) != RL_OK)
				return RL_ENOMEM;
			continue;
		}
		if (!c->opts.key.ignore_punct && op.a1 > op.a0 && op.a1 - op.a0 == op.b1 - op.b0) {
			if (split_equal_fast(c, op, out) != RL_OK)
				return RL_ENOMEM;
			continue;
		}
		/* Walk the compared tokens of both sides in step; na, nb: where the unit after the
		 * last token looked at starts. */
		uint32_t i = op.a0, j = op.b0, na = 0, nb = 0;
		for (;;) {
			while (i < op.a1 && c->side[0].ids[i] == RL_ID_NONE)
				i++;
			while (j < op.b1 && c->side[1].ids[j] == RL_ID_NONE)
				j++;
			if (i >= op.a1 || j >= op.b1)
				break;
			bool cut = (i > op.a0 && starts_unit(&c->side[0], i, &na)) ||
			           (j > op.b0 && starts_unit(&c->side[1], j, &nb));
			if (cut && rl_opvec_cut(out, &op, i, j) != RL_OK)
				return RL_ENOMEM;
			i++, j++;
		}
		if (rl_opvec_push(out, &op) != RL_OK)
			return RL_ENOMEM;
	}
	return RL_OK;
}

/* rl_count_kept for one side, s a constant where it is inlined (the op's bounds are then read
 * without a test of the side per op: the whole list is walked, on a long text 2 x 0.5 M ops).
 * An op inside one unit (most of them) adds its words at once; one over several adds its part of
 * the first and the last unit and the whole of those between, without clamping each. */
__attribute__((always_inline))
static inline void count_kept_side(const rl_side *sd, const rl_op *v, size_t n, int s, uint32_t u0,
                                   uint32_t *kept)
{
	for (size_t k = 0; k < n; k++) {
		const rl_op *op = &v[k];
		uint32_t lo = rl_lo(op, s), hi = rl_hi(op, s);
		if (lo == hi || (op->kind != RL_OP_EQUAL && op->kind != RL_OP_MOVE &&
		                 op->kind != RL_OP_TYPO))
			continue;
		uint32_t u = rl_unit_of(sd, lo), ulast = rl_unit_of(sd, hi - 1);
		if (u == ulast) {
			kept[u - u0] += rl_side_words(sd, lo, hi);
			continue;
		}
		kept[u - u0] += rl_side_words(sd, lo, sd->ustart[u + 1]);
		for (u++; u < ulast; u++)
			kept[u - u0] += rl_side_words(sd, sd->ustart[u], sd->ustart[u + 1]);
		kept[ulast - u0] += rl_side_words(sd, sd->ustart[ulast], hi);
	}
}

void rl_count_kept(const rl_ctx *c, const rl_op *v, size_t n, int s, uint32_t u0, uint32_t *kept)
{
	if (s == RL_OLD)
		count_kept_side(&c->side[RL_OLD], v, n, RL_OLD, u0, kept);
	else
		count_kept_side(&c->side[RL_NEW], v, n, RL_NEW, u0, kept);
}

/* ------------------------------------------------------------------ exact diffs of ranges */

/* Collect the compared tokens of side s in [lo, hi) into x (ids) and p (token positions). Unless
 * `whole`, ids are renumbered densely from *nlocal on, so that the engine's per-id tables stay as
 * small as the ranges. Returns the count. */
static size_t gather(rl_ctx *c, int s, uint32_t lo, uint32_t hi, bool whole, uint32_t *nlocal)
{
	const uint32_t *ids = c->side[s].ids;
	uint32_t *x = s ? c->xb : c->xa, *p = s ? c->pb : c->pa;
	size_t k = 0;

	for (uint32_t t = lo; t < hi; t++) {
		uint32_t id = ids[t];
		if (id == RL_ID_NONE)
			continue;
		if (!whole) {
			if (c->local[id] == RL_ID_NONE)
				c->local[id] = (*nlocal)++;
			id = c->local[id];
		}
		x[k] = id;
		p[k] = t;
		k++;
	}
	return k;
}

static void forget_local(rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	const uint32_t *ids = c->side[s].ids;
	for (uint32_t t = lo; t < hi; t++)
		if (ids[t] != RL_ID_NONE)
			c->local[ids[t]] = RL_ID_NONE;
}

/* A range with nothing compared on at least one side. An uncompared side (only punctuation, under
 * ignore_punct) gets an equal op of its own in front: there was nothing to compare. */
static int exact_bare(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1, size_t na, size_t nb,
                      rl_opvec *out)
{
	bool bare_a = na == 0 && a1 > a0, bare_b = nb == 0 && b1 > b0;
	rl_op eq = {a0, bare_a ? a1 : a0, b0, bare_b ? b1 : b0, 0, RL_OP_EQUAL, 0};

	if ((bare_a || bare_b) && rl_opvec_push(out, &eq) != RL_OK)
		return RL_ENOMEM;
	if (na > 0 || nb > 0) {
		rl_op ch = {eq.a1, a1, eq.b1, b1, 0, rl_change_kind(na > 0, nb > 0), 0};
		if (rl_opvec_push(out, &ch) != RL_OK)
			return RL_ENOMEM;
	}
	return RL_OK;
}

/* Change marks over compared positions -> ops over those positions (kept runs are equal; the
 * changes between two kept runs form one op). */
static int marks_to_ops(const rl_ctx *c, size_t na, size_t nb, rl_opvec *out)
{
	size_t i = 0, j = 0;

	while (i < na || j < nb) {
		rl_op op = {(uint32_t)i, 0, (uint32_t)j, 0, 0, RL_OP_EQUAL, 0};
		if (i < na && j < nb && !c->ma[i] && !c->mb[j]) {
			/* Kept runs are long: eight marks a side at a time first. */
			uint64_t x, y;
			for (; i + 8 <= na && j + 8 <= nb; i += 8, j += 8) {
				memcpy(&x, c->ma + i, 8);
				memcpy(&y, c->mb + j, 8);
				if (x | y)
					break;
			}
			while (i < na && j < nb && !c->ma[i] && !c->mb[j])
				i++, j++;
		} else {
			while (i < na && c->ma[i])
				i++;
			while (j < nb && c->mb[j])
				j++;
			op.kind = rl_change_kind(i > op.a0, j > op.b0);
		}
		op.a1 = (uint32_t)i, op.b1 = (uint32_t)j;
		if (rl_opvec_push(out, &op) != RL_OK)
			return RL_ENOMEM;
	}
	return RL_OK;
}

/* Where the equal op whose first compared token is t starts on side s: at t, or, under
 * ignore_punct, at the punctuation before t past the last line end among it ("2024.\n\n## 1.
 * Name": the "##" of a heading, the "-" of a list item, a line's opening mark). Drawn with the op
 * before, such a mark stood on that op's row, away from its words, and took that op's change (an
 * insertion before a heading drew the heading's "##" inserted). Only an equal op takes them, and
 * only when it starts a line on both sides: in a change, a mark the same on both sides (a wiki
 * heading's "===" before a changed word) would be drawn changed, and a line that starts with a
 * deleted word on one side only (": [-word-] kept" against ": kept") drew its kept words a row
 * below the deleted one. */
static uint32_t line_head(const rl_ctx *c, int s, uint32_t lo, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	uint32_t x = t;
	if (!c->opts.key.ignore_punct)
		return t;
	while (x > lo && sd->ids[x - 1] == RL_ID_NONE && sd->tok[x - 1].cls == RL_TOK_PUNCT)
		x--;
	for (uint32_t y = t; y > x; y--)
		if (sd->tok[y].gap >= RL_GAP_LINE)
			return y;
	return x < t && sd->tok[x].gap >= RL_GAP_LINE ? x : t;
}

/* Ops over compared positions -> ops over token ranges that tile [a0, a1) and [b0, b1). Each op
 * starts at its first compared token (an op with nothing on a side starts where the next one
 * does) and runs to where the next op starts, so uncompared tokens join the op before them,
 * but those that start a line join an equal op after (line_head); those before the first
 * compared token join the first op that has tokens on their side. */
static void to_tokens(const rl_ctx *c, rl_op *v, size_t n, uint32_t a0, uint32_t a1, uint32_t b0,
                      uint32_t b1)
{
	uint32_t next_a = a1, next_b = b1;

	for (size_t k = n; k-- > 0;) {
		rl_op *op = &v[k];
		/* No positions: the compared positions are the tokens' (marks_reserve). */
		uint32_t sa = op->a1 > op->a0 ? (c->pa ? c->pa[op->a0] : op->a0) : next_a;
		uint32_t sb = op->b1 > op->b0 ? (c->pb ? c->pb[op->b0] : op->b0) : next_b;
		if (k > 0 && op->kind == RL_OP_EQUAL) {
			/* Both sides start a line here, or neither moves (line_head). */
			uint32_t ha = line_head(c, RL_OLD, a0, sa), hb = line_head(c, RL_NEW, b0, sb);
			if (ha < sa && hb < sb)
				sa = ha, sb = hb;
		}
		op->a0 = sa, op->a1 = next_a;
		op->b0 = sb, op->b1 = next_b;
		next_a = sa, next_b = sb;
	}
	for (size_t k = 0; k < n && next_a > a0; k++) {
		bool has = v[k].a1 > v[k].a0;
		v[k].a0 = a0;
		if (has)
			break;
		v[k].a1 = a0;
	}
	for (size_t k = 0; k < n && next_b > b0; k++) {
		bool has = v[k].b1 > v[k].b0;
		v[k].b0 = b0;
		if (has)
			break;
		v[k].b1 = b0;
	}
}

/* The change marks alone, for the diff of the whole texts when every token is compared: the
 * engine then reads the ids in place and compared positions are token positions, so the copies
 * of the ids and of the positions (8 bytes a token, at the peak of the comparison) are not made. */
static int marks_reserve(rl_ctx *c, size_t na, size_t nb)
{
	scratch_release(c);
	c->ma = malloc(na + 1);
	c->mb = malloc(nb + 1);
	return c->ma && c->mb ? RL_OK : RL_ENOMEM;
}

int rl_ctx_exact(rl_ctx *c, uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1, rl_opvec *out)
{
	bool whole = a0 == 0 && b0 == 0 && a1 == c->side[0].n && b1 == c->side[1].n;
	bool direct = whole && c->side[RL_OLD].all_compared && c->side[RL_NEW].all_compared;
	uint32_t nlocal = 0;
	int rc = direct ? marks_reserve(c, a1, b1) : scratch_reserve(c, a1 - a0, b1 - b0);
	if (rc == RL_OK && !whole)
		rc = local_ready(c);
	if (rc != RL_OK)
		return rc;
	size_t na = direct ? a1 : gather(c, RL_OLD, a0, a1, whole, &nlocal);
	size_t nb = direct ? b1 : gather(c, RL_NEW, b0, b1, whole, &nlocal);
	size_t first = out->n;

	if (!whole) {
		c->rediffed += (uint64_t)(a1 - a0) + (b1 - b0);
		forget_local(c, RL_OLD, a0, a1);
		forget_local(c, RL_NEW, b0, b1);
	}
	if (na == 0 || nb == 0) {
		if (whole)
			scratch_release(c);
		return exact_bare(a0, a1, b0, b1, na, nb, out);
	}

	rl_myers_opts mo = c->opts.myers;
	rl_myers_stats ms;
	mo.minimal = mo.minimal || c->opts.minimal;
	if (!whole) {
		/* What is left of the shared budget (1, not 0: 0 asks for the automatic one). */
		uint64_t left = c->rediff_work > 0 ? c->rediff_work : 1;
		mo.max_work = mo.max_work && mo.max_work < left ? mo.max_work : left;
	}
	rc = rl_myers(direct ? c->side[RL_OLD].ids : c->xa, na, direct ? c->side[RL_NEW].ids : c->xb,
	              nb, whole ? c->nids : nlocal, &mo, c->ma, c->mb, &ms);
	if (rc != RL_OK)
		return rc;
	if (whole)
		c->anchors = ms.anchors;
	else
		c->rediff_work -= ms.work < c->rediff_work ? ms.work : c->rediff_work;
	c->bound_hits += ms.bound_hits;
	if ((rc = marks_to_ops(c, na, nb, out)) != RL_OK)
		return rc;
	to_tokens(c, out->v + first, out->n - first, a0, a1, b0, b1);
	if (whole)
		scratch_release(c);
	return RL_OK;
}
