/* ctx_init.c: a context made (rl_ctx_init, ctx.h): each side's tokens walked once (their ids,
 * the ids of list markers and numbers, the words before each token, the candidates of units and
 * quotations the structure passes visit), the flags of each id, and the ids counted when asked.
 * ctx.c diffs its ranges, lends its scratch lists and frees it. */
#include "ctx.h"
#include "bigmem.h"

#include <stdlib.h>
#include <string.h>

#include "status.h"

/* Token i of side sd takes the id of its own key with the bytes pre[0..npre) before it. */
static int prefixed_id(rl_ctx *c, rl_side *sd, uint32_t i, const char *pre, size_t npre,
                       char **key, size_t *cap)
{
	const rl_token *x = &sd->tok[i];
	/* The token's key, written npre bytes in, after the prefix. The scratch grows only when
	 * it must (a realloc for every dash and list marker was a quarter of this function on a
	 * long article, whose every dash the sources stage's context over OLD walks). */
	long len = rl_key(&c->opts.key, sd->text + x->off, x->len, x->cls, key, cap);
	if (len < 0 || rl_key_reserve(key, cap, (size_t)len + npre) != RL_OK)
		return RL_ENOMEM;
	char *k = *key;
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
	sd->wlow = rl_map_alloc_from((size_t)sd->n + 1, rl_side_map_from(sd->n));
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
