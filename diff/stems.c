/* stems.c: word stems for the sources stage and the move stage's narrow shingles (stems.h). */
#include "stems.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"

/* Bytes of a stem compared. */
#define STEM_BYTES 7
/* Words whose keys word_key() remembers (by id, modulo this). */
#define WORD_MEMO 4096


/* Byte ch with A-Z made a-z. */
static inline unsigned char lower_byte(unsigned char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch - 'A' + 'a') : ch;
}

/* Do the first len bytes at s, A-Z made a-z, end in suf (lower case)? */
static inline bool ends(const unsigned char *s, size_t len, const char *suf)
{
	size_t k = strlen(suf);
	if (len < k)
		return false;
	for (size_t i = 0; i < k; i++)
		if (lower_byte(s[len - k + i]) != (unsigned char)suf[i])
			return false;
	return true;
}

/* The hash of a word's stem: its first 64 bytes at most, A-Z made a-z, an ending cut, then its
 * first keep bytes hashed. Only the bytes read are lowered, where they are read: the
 * ending's few and the stem's first seven (a copy of the whole word made lower case first was
 * most of this function's instructions, on the sources stage's words of OLD that its memo has not
 * seen, a Russian word's every inflected form). */
static uint32_t stem_hash(const char *text, const rl_token *tk, size_t keep)
{
	const unsigned char *w = (const unsigned char *)text + tk->off;
	size_t len = tk->len < 64 ? tk->len : 64;
	bool verb = false;
	if (len > 5 && ends(w, len, "ing"))
		len -= 3, verb = true;
	else if (len > 4 && ends(w, len, "ed"))
		len -= 2, verb = true;
	else if (len > 5 && ends(w, len, "ly"))
		len -= 2;
	else if (len > 7 && ends(w, len, "ment"))
		len -= 4;
	else if (len > 3 && ends(w, len, "s") && !ends(w, len, "ss"))
		len -= 1 + (len > 4 && ends(w, len, "es") && strchr("sxzh", lower_byte(w[len - 3])));
	/* "committ(ing)" meets "commit(ment)". */
	if (verb && len > 3 && lower_byte(w[len - 1]) == lower_byte(w[len - 2]) &&
	    strchr("bdgkmnprt", lower_byte(w[len - 1])))
		len--;
	uint32_t h = 2166136261u;
	for (size_t k = 0; k < len && k < keep; k++)
		h = (h ^ lower_byte(w[k])) * 16777619u;
	return h ? h : 1;
}

uint32_t rl_stem_hash(const char *text, const rl_token *tk)
{
	return stem_hash(text, tk, STEM_BYTES);
}

uint32_t rl_stem_hash_whole(const char *text, const rl_token *tk)
{
	return stem_hash(text, tk, SIZE_MAX);
}

/* Markup's own words carry no content: the names of a table's or a tag's attributes, of a
 * template and of its parameters, and the attributes' values
 * ("|style="text-align:center" bgcolor=#C0C0C0|0", "<ref name="tools" />"). Two rows of a
 * table share them by the dozen, so that a row inserted was linked to an OLD row, or to a
 * sentence, through "style", "text", "align" and "center". */

/* Is token t of side s the one-character mark ch? */
static bool mark_is(const rl_side *sd, uint32_t t, char ch)
{
	return t < sd->n && sd->tok[t].cls == RL_TOK_PUNCT && sd->tok[t].len == 1 &&
	       sd->text[sd->tok[t].off] == ch;
}

/* Is token tk of text the one-byte mark ch? */
static inline bool one_mark(const rl_token *tk, const char *text, char ch)
{
	return tk->cls == RL_TOK_PUNCT && tk->len == 1 && text[tk->off] == ch;
}

/* Is word t of side s a name before "=" (a space allowed: "| bgcolor ="; not a heading's last
 * word, before "=="), a value glued after "=#" (a colour, an anchor) or a template's name, glued
 * after "{{" ("{{flagicon|BRA}}")? (mark_is's tests on the tokens at hand: each word of OLD is
 * asked, and the calls and bounds read again were half of this test's instructions.) */
static bool markup_word(const rl_side *sd, uint32_t t)
{
	const rl_token *tk = &sd->tok[t];
	const char *text = sd->text;
	if (t + 1 < sd->n && tk[1].gap <= RL_GAP_SPACE && one_mark(&tk[1], text, '='))
		return !(t + 2 < sd->n && tk[2].gap == RL_GAP_NONE && one_mark(&tk[2], text, '='));
	if (t < 2 || tk->gap != RL_GAP_NONE || tk[-1].gap != RL_GAP_NONE)
		return false;
	/* The mark before read once: most words glued to the token before (Chinese, Thai) follow
	 * a word. */
	const rl_token *p = &tk[-1];
	if (p->cls != RL_TOK_PUNCT || p->len != 1)
		return false;
	char ch = text[p->off];
	return (ch == '#' && one_mark(&tk[-2], text, '=')) || (ch == '{' && one_mark(&tk[-2], text, '{'));
}

/* Tokens looked ahead for the closing mark of an attribute's value (quote.c's reach). */
#define ATTR_REACH 160

/* May a one-byte mark open an attribute's quoted value (attribute_value_end)? */
static inline bool may_open_value(char ch)
{
	return ch == '"' || ch == '\'';
}

/* When token t of side s opens a quoted attribute value (a straight mark glued after "=", which
 * follows a word), the token of its closing mark on the same line; else t. */
static uint32_t attribute_value_end(const rl_side *sd, uint32_t t)
{
	const rl_token *tk = &sd->tok[t];
	if (tk->cls != RL_TOK_PUNCT || tk->len != 1 || tk->gap != RL_GAP_NONE || t < 2 ||
	    !mark_is(sd, t - 1, '=') || sd->tok[t - 1].gap > RL_GAP_SPACE ||
	    sd->tok[t - 2].cls != RL_TOK_WORD)
		return t;
	char q = sd->text[tk->off];
	if (q != '"' && q != '\'')
		return t;
	for (uint32_t k = t + 1; k < sd->n && k - t <= ATTR_REACH; k++) {
		if (sd->tok[k].gap >= RL_GAP_LINE)
			return t;
		if (mark_is(sd, k, q))
			return k;
	}
	return t;
}

/* Is token t of side s a word this stage weighs? (Inside an attribute's quoted value too: the
 * caller walking the tokens knows, stems_init.) */
bool rl_stem_weighed(const rl_ctx *c, int s, uint32_t t)
{
	const rl_token *tk = &c->side[s].tok[t];
	return !(tk->flags & RL_TF_GLUED) && rl_is_content(c, s, t) &&
	       !markup_word(&c->side[s], t);
}

/* A table of cap slots, kept at most three quarters full (the hash array holds one per slot).
 * Sized from the distinct ids, not the tokens: a text has far fewer distinct words than words,
 * and a table sized by the tokens had every one of its pages touched (64 MiB on a 10 MB pair).
 * (At most half full it was 2 MiB of the sources stage's peak on the 1 MB cumulative song, 139 k
 * distinct words; which slot holds a stem changes no stem's number.) */
static int stems_grow(rl_stems *st, uint32_t cap)
{
	uint32_t *slot = calloc(cap, sizeof *slot);
	uint32_t *hash = slot ? realloc(st->hash, (size_t)cap * sizeof *hash) : NULL;
	if (!hash) {
		free(slot);
		return RL_ENOMEM;
	}
	st->hash = hash;
	free(st->slot);
	st->slot = slot;
	st->mask = cap - 1;
	for (uint32_t i = 0; i < st->n; i++) {
		uint32_t k = st->hash[i] & st->mask;
		while (st->slot[k])
			k = (k + 1) & st->mask;
		st->slot[k] = i + 1;
	}
	return RL_OK;
}

/* Are the len bytes at p and q the same? Words are short: a loop, not a call (memcmp was a
 * tenth of this stage's set-up on Chinese, a call for every character). */
static inline bool same_bytes(const char *p, const char *q, uint32_t len)
{
	for (uint32_t k = 0; k < len; k++)
		if (p[k] != q[k])
			return false;
	return true;
}

/* Per id: 1 + the stem of the first word seen with it, and that word. A word with the same id
 * and the same bytes has the same stem: it is worked out once per distinct word. (Words of one
 * id may differ in their bytes, a key folds case or compatibility forms, an ordered list
 * marker's number has the id of every other: those are worked out on their own.) An ASCII
 * word's key is its bytes, A-Z folded or not (intern.c), and stem_hash folds A-Z itself: two
 * ASCII words of an id that no list marker made (`plain`) have the same stem unread. */
typedef struct stem_memo {
	uint32_t stem;  /* 1 + the stem (0: none yet), and STEM_PLAIN: the id's key is plain */
	uint32_t len;   /* the word's bytes, and STEM_NEW when it is on NEW */
	uint32_t off;   /* the word's first byte in its side's text (12 bytes an id, not 24 with a
	                 * pointer: on a text of distinct words this array was the sources stage's
	                 * peak, 3.3 MiB on the 1 MB cumulative song) */
} stem_memo;
#define STEM_PLAIN 0x80000000u
#define STEM_NEW 0x80000000u

/* Does id's key stand for an ASCII token's own bytes (no list marker's)? */
static bool plain_key(const rl_ctx *c, uint32_t id, const rl_token *tk)
{
	size_t len;
	if (!(tk->flags & RL_TF_ASCII))
		return false;
	const char *key = rl_interner_key(c->in, id, &len);
	return len > 0 && key[0] != RL_MARKER_KEY;
}

/* The last word seen of each id modulo WORD_MEMO, and its key (phrase runs): the function words
 * are most of these words, and few distinct (an array per id was the peak of a text of distinct
 * words). */
typedef struct key_memo {
	uint32_t id, key, len;
	const char *word;
} key_memo;

/* The word a memo entry remembers. */
static inline const char *memo_word(const rl_ctx *c, const stem_memo *mm)
{
	/* (Both texts' addresses are the same for every word: the walk keeps them in registers.) */
	return (mm->len & STEM_NEW ? c->side[RL_NEW].text : c->side[RL_OLD].text) + mm->off;
}

/* The stem of weighed token t of side s (its number, added when new). */
static int stem_of(rl_ctx *c, rl_stems *st, stem_memo *memo, int s, uint32_t t, uint32_t *out)
{
	const rl_side *sd = &c->side[s];
	const rl_token *tk = &sd->tok[t];
	const char *word = sd->text + tk->off;
	uint32_t id = sd->ids[t];
	stem_memo *mm = id < c->nids ? &memo[id] : NULL;
	if (mm && mm->stem && (mm->len & ~STEM_NEW) == tk->len &&
	    (((mm->stem & STEM_PLAIN) && (tk->flags & RL_TF_ASCII)) ||
	     same_bytes(memo_word(c, mm), word, tk->len))) {
		*out = (mm->stem & ~STEM_PLAIN) - 1;
		return RL_OK;
	}
	uint32_t h = rl_stem_hash(sd->text, tk), k = h & st->mask;
	while (st->slot[k] && st->hash[st->slot[k] - 1] != h)
		k = (k + 1) & st->mask;
	if (!st->slot[k]) {
		if (4 * ((size_t)st->n + 1) > 3 * ((size_t)st->mask + 1)) {
			if (stems_grow(st, 2 * (st->mask + 1)) != RL_OK)
				return RL_ENOMEM;
			for (k = h & st->mask; st->slot[k]; k = (k + 1) & st->mask)
				;
		}
		st->hash[st->n] = h;
		st->slot[k] = ++st->n;
	}
	*out = st->slot[k] - 1;
	if (mm && !mm->stem && tk->len < STEM_NEW)  /* (a word of 2 GiB is not remembered) */
		*mm = (stem_memo){st->slot[k] | (plain_key(c, id, tk) ? STEM_PLAIN : 0),
		                  tk->len | (s == RL_NEW ? STEM_NEW : 0), tk->off};
	return RL_OK;
}

/* The key of word token t of side s that has no stem (phrase runs): the hash of its lower-case
 * letters with the top bit set, which no stem number has (fewer than 2^31 stems). */
static uint32_t word_key(const rl_side *sd, key_memo *memo, uint32_t t)
{
	const rl_token *tk = &sd->tok[t];
	const char *word = sd->text + tk->off;
	uint32_t id = sd->ids[t];
	key_memo *mm = &memo[id % WORD_MEMO];
	if (id != RL_ID_NONE && mm->id == id && mm->len == tk->len &&
	    same_bytes(mm->word, word, tk->len))
		return mm->key;
	uint32_t key = rl_stem_hash(sd->text, tk) | 0x80000000u;
	if (id != RL_ID_NONE)
		*mm = (key_memo){id, key, tk->len, word};
	return key;
}

/* The keys of side s's tokens [t0, t1) into out[0..t1 - t0) (rl_stems_init), or when out is
 * NULL none: the attribute values alone are followed (*value_end: the closing mark of the one
 * the walk is in). */
static int keys_of(rl_ctx *c, rl_stems *st, stem_memo *memo, key_memo *kmemo, int s, uint32_t t0,
                   uint32_t t1, uint32_t *out, uint32_t *value_end)
{
	const rl_side *sd = &c->side[s];
	uint32_t vend = *value_end;
	int rc = RL_OK;
	for (uint32_t t = t0; t < t1 && rc == RL_OK; t++) {
		const rl_token *tk = &sd->tok[t];
		if (out)
			out[t - t0] = RL_STEM_NONE;
		/* Only a one-byte quotation mark glued to what is before it may open a value
		 * (attribute_value_end; any other token leaves the value's end behind t). */
		if (t >= vend && tk->cls == RL_TOK_PUNCT && tk->len == 1 && tk->gap == RL_GAP_NONE &&
		    may_open_value(sd->text[tk->off]))
			vend = attribute_value_end(sd, t);
		if (tk->cls != RL_TOK_WORD || !out)
			continue;
		/* rl_stem_weighed, its cheap tests first (most words are function words or plain
		 * content words far from any markup). */
		if (t >= vend && !(tk->flags & RL_TF_GLUED) && !(rl_tok_idf(c, s, t) & RL_IDF_FUNCTION) &&
		    !markup_word(sd, t))
			rc = stem_of(c, st, memo, s, t, &out[t - t0]);
		else
			out[t - t0] = word_key(sd, kmemo, t);
	}
	*value_end = vend;
	return rc;
}

/* NEW's entries (st->of[RL_NEW]): where each wanted unit's start in them (st->nfrom), and room
 * for those units' tokens; NULL when out of memory. */
static uint32_t *new_entries(const rl_ctx *c, rl_stems *st, const uint8_t *want)
{
	const rl_side *sd = &c->side[RL_NEW];
	st->nside = sd;
	st->nstart = sd->ustart;
	st->nfrom = malloc(((size_t)sd->nunits + 1) * sizeof *st->nfrom);
	if (!st->nfrom)
		return NULL;
	size_t n = 0;
	for (uint32_t u = 0; u < sd->nunits; u++) {
		st->nfrom[u] = want[u] ? (uint32_t)n : RL_STEM_NONE;
		n += want[u] ? sd->ustart[u + 1] - sd->ustart[u] : 0;
	}
	st->nnew = n;
	return malloc((n + 1) * sizeof *st->of[RL_NEW]);
}

/* Every word's key, in one walk over each side: the stem of every weighed word of OLD, and of
 * NEW's words in the units `want` marks (the only ones a search reads: the others keep RL_STEM_NONE);
 * every other word of those its key for phrase runs (word_key), punctuation RL_STEM_NONE. One walk, not
 * a walk for the stems and another for the keys: on a long OLD with a few edits, this stage's
 * set-up is these walks over all of OLD. */
int rl_stems_init(rl_ctx *c, rl_stems *st, const uint8_t *want)
{
	uint32_t cap = 16;
	while (cap < c->nids + c->nids / 3 + 16 && cap < (1u << 31))
		cap *= 2;
	st->of[0] = malloc(((size_t)c->side[0].n + 1) * sizeof *st->of[0]);
	st->of[1] = new_entries(c, st, want);
	stem_memo *memo = calloc(c->nids + 1, sizeof *memo);
	key_memo *kmemo = malloc(WORD_MEMO * sizeof *kmemo);
	int rc = st->of[0] && st->of[1] && st->nfrom && memo && kmemo ? stems_grow(st, cap)
	                                                                : RL_ENOMEM;
	for (size_t i = 0; rc == RL_OK && i < WORD_MEMO; i++)
		kmemo[i].id = RL_ID_NONE;
	uint32_t value_end = 0;
	if (rc == RL_OK)
		rc = keys_of(c, st, memo, kmemo, RL_OLD, 0, c->side[RL_OLD].n, st->of[RL_OLD],
		             &value_end);
	/* NEW unit by unit: the words of a unit not wanted have no entry, but its marks may open
	 * an attribute value that a wanted unit after it is in. */
	const rl_side *sb = &c->side[RL_NEW];
	value_end = 0;
	for (uint32_t u = 0; u < sb->nunits && rc == RL_OK; u++)
		rc = keys_of(c, st, memo, kmemo, RL_NEW, sb->ustart[u], sb->ustart[u + 1],
		             want[u] ? st->of[RL_NEW] + st->nfrom[u] : NULL, &value_end);
	free(memo);
	free(kmemo);
	/* The table finds a stem's number while the words are walked; the stage reads the numbers
	 * alone (st.of, st.n): freed before its index of OLD (2 MiB of its peak on the song). */
	free(st->slot), free(st->hash);
	st->slot = st->hash = NULL;
	return rc;
}

void rl_stems_free(rl_stems *st)
{
	free(st->slot), free(st->hash), free(st->of[0]), free(st->of[1]), free(st->nfrom);
}
