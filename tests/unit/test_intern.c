/* Tests for intern_key.c and intern.c: comparison keys under each option, and id assignment. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fold.h"
#include "intern.h"
#include "smaps.h"
#include "status.h"

static char *key_buf;
static size_t key_cap;

static void teardown(void)
{
	free(key_buf);
	key_buf = NULL;
	key_cap = 0;
}

/* Do a and b get the same key under opts? */
static bool same(rl_keyopts o, const char *a, const char *b, unsigned cls)
{
	long la = rl_key(&o, a, strlen(a), cls, &key_buf, &key_cap);
	cr_assert_geq(la, 0);
	char *ka = malloc((size_t)la + 1);
	memcpy(ka, key_buf, (size_t)la);
	long lb = rl_key(&o, b, strlen(b), cls, &key_buf, &key_cap);
	bool eq = la == lb && memcmp(ka, key_buf, (size_t)la) == 0;
	free(ka);
	return eq;
}

static const rl_keyopts defaults = RL_KEYOPTS_INIT;

TestSuite(key, .fini = teardown);

Test(key, typography_is_folded_by_default)
{
	cr_assert(same(defaults, "Meta\xe2\x80\x99s", "Meta's", RL_TOK_WORD), "curly apostrophe");
	cr_assert(same(defaults, "\xe2\x80\x9c", "\"", RL_TOK_PUNCT), "curly double quote");
	cr_assert(same(defaults, "\xc2\xab", "\"", RL_TOK_PUNCT), "guillemet");
	cr_assert(same(defaults, "\xe2\x80\x94", "--", RL_TOK_PUNCT), "em dash vs --");
	cr_assert(same(defaults, "\xe2\x80\x93", "-", RL_TOK_PUNCT), "en dash vs hyphen");
	cr_assert(same(defaults, "\xe2\x80\xa6", "...", RL_TOK_PUNCT), "ellipsis");
	cr_assert(same(defaults, "open\xe2\x80\x90source", "open-source", RL_TOK_WORD), "hyphen");
}

/* The whole family folds, small, vertical and fullwidth forms too, without --nfkc. */
Test(key, every_dash_and_quote_form_is_folded)
{
	static const char *const dashes[] = {
		"\xef\xb9\x98", "\xef\xb9\xa3", "\xef\xbc\x8d",  /* U+FE58 U+FE63 U+FF0D */
		"\xe2\xb8\xba", "\xe2\xb8\xbb",                   /* U+2E3A U+2E3B two-, three-em */
		"\xef\xb8\xb1", "\xef\xb8\xb2",                   /* U+FE31 U+FE32 vertical */
	};
	for (size_t i = 0; i < sizeof dashes / sizeof *dashes; i++)
		cr_assert(same(defaults, dashes[i], "-", RL_TOK_PUNCT), "dash %zu", i);
	static const char *const doubles[] = {
		"\xef\xbc\x82", "\xe3\x80\x9d", "\xe3\x80\x9e", "\xe3\x80\x9f",  /* U+FF02 U+301D-F */
		"\xe2\xb9\x82", "\xe2\x80\xb6",                                        /* U+2E42 U+2036 */
	};
	for (size_t i = 0; i < sizeof doubles / sizeof *doubles; i++)
		cr_assert(same(defaults, doubles[i], "\"", RL_TOK_PUNCT), "double %zu", i);
	cr_assert(same(defaults, "\xef\xbc\x87", "'", RL_TOK_PUNCT), "U+FF07");
	cr_assert(same(defaults, "\xe2\x80\xb5", "'", RL_TOK_PUNCT), "U+2035");
	cr_assert(same(defaults, "well\xef\xb9\xa3known", "well-known", RL_TOK_WORD), "in a word");
}

Test(key, strict_keeps_typography)
{
	rl_keyopts o = defaults;
	o.fold_typography = false;
	cr_assert_not(same(o, "Meta\xe2\x80\x99s", "Meta's", RL_TOK_WORD));
	cr_assert_not(same(o, "\xe2\x80\x94", "--", RL_TOK_PUNCT));
	cr_assert_not(same(o, "\xe2\x80\xa6", "...", RL_TOK_PUNCT));
}

Test(key, case_is_kept_unless_folded)
{
	cr_assert_not(same(defaults, "Open", "open", RL_TOK_WORD));
	rl_keyopts o = defaults;
	o.fold_case = true;
	cr_assert(same(o, "Open", "open", RL_TOK_WORD));
	cr_assert(same(o, "STRASSE", "stra\xc3\x9f" "e", RL_TOK_WORD), "Unicode case folding");
	cr_assert(same(o, "\xc3\x89T\xc3\x89", "\xc3\xa9t\xc3\xa9", RL_TOK_WORD));
}

Test(key, composed_and_decomposed_forms_are_equal)
{
	cr_assert(same(defaults, "caf\xc3\xa9", "cafe\xcc\x81", RL_TOK_WORD), "NFC always");
}

Test(key, nfkc_equates_compatibility_forms)
{
	cr_assert_not(same(defaults, "\xef\xbc\xa1\xef\xbc\xa2", "AB", RL_TOK_WORD));
	rl_keyopts o = defaults;
	o.nfkc = true;
	cr_assert(same(o, "\xef\xac\x81" "le", "file", RL_TOK_WORD), "fi ligature");
	cr_assert(same(o, "\xef\xbc\xa1\xef\xbc\xa2", "AB", RL_TOK_WORD), "full-width");
}

/* The Latin ligatures U+FB00..U+FB06 are their letters under typography folding (stop 22):
 * text copied out of a PDF carries them, and "\xef\xac\x81ne" was another word than "fine"
 * unless --nfkc was given. Each of the seven, at a word's start, inside and at its end, next to
 * other letters that are not ASCII, under a mark, and with case folded; --strict keeps them. */
/* A word's soft hyphens (U+00AD) mark where it may break: under typography folding its key leaves
 * them out ("jig<U+00AD>saw" is "jigsaw", a copy of a page with them against one without), with
 * case folded too; --strict (no typography folding) tells them apart, and a soft hyphen that is
 * a token of its own (punctuation) keeps its key. */
Test(key, a_words_soft_hyphens_are_left_out_under_typography_folding)
{
	cr_assert(same(defaults, "jig\xc2\xadsaw", "jigsaw", RL_TOK_WORD));
	cr_assert(same(defaults, "Stra\xc2\xad\xc3\x9f" "e", "Stra\xc3\x9f" "e", RL_TOK_WORD));
	cr_assert(same(defaults, "d\xc3\xa9\xc2\xad" "cor", "de\xcc\x81" "cor", RL_TOK_WORD), "NFC");
	rl_keyopts o = defaults;
	o.fold_case = true;
	cr_assert(same(o, "JIG\xc2\xadSAW", "jigsaw", RL_TOK_WORD), "case folded");
	o = defaults;
	o.fold_typography = false;
	cr_assert_not(same(o, "jig\xc2\xadsaw", "jigsaw", RL_TOK_WORD), "--strict");
	cr_assert_not(same(defaults, "\xc2\xad", "", RL_TOK_PUNCT), "alone, punctuation");
}

Test(key, ligatures_are_their_letters_under_typography_folding)
{
	static const char *const lig[][2] = {
		{"\xef\xac\x80", "ff"}, {"\xef\xac\x81", "fi"}, {"\xef\xac\x82", "fl"},
		{"\xef\xac\x83", "ffi"}, {"\xef\xac\x84", "ffl"}, {"\xef\xac\x85", "st"},
		{"\xef\xac\x86", "st"}};
	for (size_t i = 0; i < sizeof lig / sizeof *lig; i++) {
		char a[64], b[64];
		snprintf(a, sizeof a, "%sa%s\xc3\xa9%s", lig[i][0], lig[i][0], lig[i][0]);
		snprintf(b, sizeof b, "%sa%s\xc3\xa9%s", lig[i][1], lig[i][1], lig[i][1]);
		cr_assert(same(defaults, a, b, RL_TOK_WORD), "ligature %zu", i);
	}
	cr_assert(same(defaults, "o\xef\xac\x83" "ce", "office", RL_TOK_WORD));
	cr_assert(same(defaults, "\xef\xac\x81\xcc\x81ne", "f\xc3\xadne", RL_TOK_WORD), "a mark");
	rl_keyopts o = defaults;
	o.fold_case = true;
	cr_assert(same(o, "\xef\xac\x82OOD", "flood", RL_TOK_WORD), "case folded");
	o = defaults;
	o.fold_typography = false;
	cr_assert_not(same(o, "\xef\xac\x81ne", "fine", RL_TOK_WORD), "--strict");
	cr_assert_not(same(defaults, "\xef\xac\x81ne", "fane", RL_TOK_WORD));
}

Test(key, invalid_bytes_keep_their_identity)
{
	cr_assert(same(defaults, "\xff", "\xff", RL_TOK_PUNCT));
	cr_assert_not(same(defaults, "\xff", "\xfe", RL_TOK_PUNCT));
}

/* Found by valgrind on a fuzz seed: the dash-run test read the key buffer as a C string, past
 * the key's end (and past the buffer when the bytes after the key were hyphens too). The buffer
 * here is exactly as large as the key needs, and its last byte is a hyphen: ASan and valgrind
 * see a read beyond it. */
Test(key, a_dash_run_is_read_within_the_key)
{
	rl_keyopts o = RL_KEYOPTS_INIT;
	size_t cap = 3;
	char *buf = malloc(cap);
	memset(buf, '-', cap);
	long len = rl_key(&o, "--", 2, RL_TOK_PUNCT, &buf, &cap);
	cr_assert_eq(len, 1, "-- folds to one dash");
	cr_assert_eq(buf[0], '-');
	free(buf);
}

Test(intern, equal_keys_get_equal_ids_across_texts)
{
	rl_interner *in;
	rl_tokens *a, *b;
	uint32_t *ia, *ib;
	const char *ta = "the cat\xe2\x80\x99s hat", *tb = "The cat's hat!";
	cr_assert_eq(rl_interner_new(&in, &defaults), RL_OK);
	cr_assert_eq(rl_tokenize(&a, ta, strlen(ta)), RL_OK);
	cr_assert_eq(rl_tokenize(&b, tb, strlen(tb)), RL_OK);
	cr_assert_eq(rl_intern(in, a, &ia), RL_OK);
	cr_assert_eq(rl_intern(in, b, &ib), RL_OK);
	cr_assert_neq(ia[0], ib[0], "the / The differ without -i");
	for (int i = 1; i <= 4; i++)
		cr_assert_eq(ia[i], ib[i], "token %d: cat ’ s hat (the apostrophe folded)", i);
	cr_assert_eq(rl_interner_count(in), 7, "the The cat ' s hat !");
	size_t len;
	const char *k = rl_interner_key(in, ia[2], &len);
	cr_assert_eq(len, 1);
	cr_assert(memcmp(k, "'", 1) == 0);
	free(ia);
	free(ib);
	rl_tokens_free(a);
	rl_tokens_free(b);
	rl_interner_free(in);
}

Test(intern, ignored_punctuation_gets_no_id)
{
	rl_keyopts o = defaults;
	o.ignore_punct = true;
	rl_interner *in;
	rl_tokens *a;
	uint32_t *ia;
	const char *ta = "yes, no";
	cr_assert_eq(rl_interner_new(&in, &o), RL_OK);
	cr_assert_eq(rl_tokenize(&a, ta, strlen(ta)), RL_OK);
	cr_assert_eq(rl_intern(in, a, &ia), RL_OK);
	cr_assert_eq(ia[1], RL_ID_NONE);
	cr_assert_neq(ia[0], RL_ID_NONE);
	free(ia);
	rl_tokens_free(a);
	rl_interner_free(in);
}

Test(intern, many_distinct_keys_grow_the_table)
{
	rl_interner *in;
	rl_tokens *a;
	uint32_t *ia;
	size_t n = 20000;
	char *text = malloc(n * 8);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += (size_t)sprintf(text + k, "w%zu ", i);
	cr_assert_eq(rl_interner_new(&in, &defaults), RL_OK);
	cr_assert_eq(rl_tokenize(&a, text, k), RL_OK);
	cr_assert_eq(rl_intern(in, a, &ia), RL_OK);
	cr_assert_eq(rl_interner_count(in), n);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(ia[i], i);
	free(ia);
	free(text);
	rl_tokens_free(a);
	rl_interner_free(in);
}

/* Sealed (the lookup table and caches freed, the keys fitted to their number: what the pipeline
 * does once both texts are interned), the interner still gives every id's key and the count, for
 * ASCII keys and keys built by utf8proc alike. */
Test(intern, a_sealed_interner_keeps_every_key)
{
	rl_interner *in;
	rl_tokens *a;
	uint32_t *ia;
	size_t n = 5000, cap = n * 16, k = 0;
	char *text = malloc(cap);
	for (size_t i = 0; i < n; i++)
		k += (size_t)snprintf(text + k, cap - k, i % 2 ? "w%zu " : "\xd0\xb6%zu ", i);
	cr_assert_eq(rl_interner_new(&in, &defaults), RL_OK);
	cr_assert_eq(rl_tokenize(&a, text, k), RL_OK);
	cr_assert_eq(rl_intern(in, a, &ia), RL_OK);
	rl_interner_seal(in);
	cr_assert_eq(rl_interner_count(in), n);
	const rl_token *v = rl_tokens_array(a);
	for (size_t t = 0; t < n; t++) {
		size_t len;
		const char *key = rl_interner_key(in, ia[t], &len);
		cr_assert_eq(ia[t], t);
		cr_assert_eq(len, v[t].len, "token %zu", t);
		cr_assert(memcmp(key, text + v[t].off, len) == 0, "token %zu", t);
	}
	free(ia);
	free(text);
	rl_tokens_free(a);
	rl_interner_free(in);
}

/* Tokenize and intern text[0..len) under o, and check that every token got the id its own key
 * gets from an interner handed the keys one by one, and that both made as many ids. Returns the
 * ids (the caller frees them). */
static uint32_t *expect_ids_of_keys(const rl_keyopts *o, const char *text, size_t len)
{
	rl_interner *in, *check;
	rl_tokens *a;
	uint32_t *ia;
	cr_assert_eq(rl_interner_new(&in, o), RL_OK);
	cr_assert_eq(rl_interner_new(&check, o), RL_OK);
	cr_assert_eq(rl_tokenize(&a, text, len), RL_OK);
	cr_assert_eq(rl_intern(in, a, &ia), RL_OK);
	const rl_token *v = rl_tokens_array(a);
	for (size_t t = 0; t < rl_tokens_count(a); t++) {
		long n = rl_key(o, text + v[t].off, v[t].len, v[t].cls, &key_buf, &key_cap);
		uint32_t id;
		cr_assert_geq(n, 0);
		cr_assert_eq(rl_intern_key(check, key_buf, (size_t)n, &id), RL_OK);
		cr_assert_eq(ia[t], id, "token %zu", t);
	}
	cr_assert_eq(rl_interner_count(in), rl_interner_count(check));
	rl_tokens_free(a);
	rl_interner_free(in);
	rl_interner_free(check);
	return ia;
}

/* Words that are not ASCII are looked up by their bytes before their key is built (once per
 * distinct word): every token, first sight or repeat, over enough distinct words to grow that
 * table, gets the id its own key gets; forms that fold together (composed and decomposed, curly
 * and straight, a dash run) share an id, and the same bytes as a word and as punctuation do not
 * mix. */
Test(intern, words_keyed_once_get_the_ids_of_their_keys)
{
	rl_keyopts o = defaults;
	o.fold_case = true;
	size_t n = 3000, cap = n * 64, k = 0;
	char *text = malloc(cap);
	for (size_t r = 0; r < 3; r++)
		for (size_t i = 0; i < n; i++)
			k += (size_t)snprintf(text + k, cap - k, "%s%zu %s \xe2\x80\x94 ",
			                      i % 2 ? "\xd0\x96\xd0\xb0\xd1\x80" : "\xd0\xb6\xd0\xb0\xd1\x80",
			                      i % 25, i % 3 ? "Cafe\xcc\x81" : "caf\xc3\xa9");
	uint32_t *ia = expect_ids_of_keys(&o, text, k);
	cr_assert_eq(ia[0], ia[75], "жар0 and Жар0 fold together under -i");
	cr_assert_neq(ia[0], ia[3], "жар0 and Жар1 do not");
	cr_assert_eq(ia[1], ia[4], "café composed and Café decomposed");
	free(ia);
	free(text);
}

/* The interner carries, from one key it builds to the next, the ranges of nfc_stable.h its code
 * points fell in (stop 28: a word keeps to a script, and Devanagari's or Thai's letters, vowel
 * signs and marks sit in ranges side by side), and reads a word's ligatures and soft hyphens in
 * the same pass. Every word after every other, whatever ranges the one before left, gets the id
 * of the key rl_key builds for it alone; a word with a soft hyphen or a ligature meets its plain
 * form under typography folding and not without it. */
Test(intern, keys_built_one_after_another_are_their_own)
{
	static const char *const words[] = {
		u8"\u0939\u093F\u0928\u094D\u0926\u0940", u8"\u0915\u093C\u0940", u8"\u0928\u0939\u0940\u0902",
		u8"\u0E19\u0E49\u0E33", u8"\u0E1B\u0E39\u0E48", u8"\u0E40\u0E1B\u0E47\u0E19", u8"\u0E19\u0E49\u0E39",
		"\xd0\xbf\xd1\x80\xd0\xb8\xc2\xad\xd0\xbc\xd0\xb5\xd1\x80", "\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80",
		"\xef\xac\x81ne", u8"caf\u00E9\uFB02", u8"\u03BB\u03CC\u03B3\u03BF\u03C2", u8"\u4E2D\u6587", u8"\u00C5ngstr\u00F6m",
	};
	const size_t nw = sizeof words / sizeof *words;
	size_t cap = nw * nw * 64, k = 0;
	char *text = malloc(cap);
	for (size_t i = 0; i < nw; i++)
		for (size_t j = 0; j < nw; j++)
			k += (size_t)snprintf(text + k, cap - k, "%s %s\n", words[i], words[j]);
	rl_keyopts strict = defaults;
	strict.fold_typography = false;
	uint32_t *ia = expect_ids_of_keys(&defaults, text, k), *is = expect_ids_of_keys(&strict, text, k);
	/* The word with a soft hyphen and its plain form, wherever the tokenizer put them. */
	rl_tokens *t;
	cr_assert_eq(rl_tokenize(&t, text, k), RL_OK);
	const rl_token *v = rl_tokens_array(t);
	size_t shy = SIZE_MAX, plain = SIZE_MAX;
	for (size_t x = 0; x < rl_tokens_count(t); x++) {
		if (v[x].len == 14 && memcmp(text + v[x].off, words[7], 14) == 0)
			shy = x;
		if (v[x].len == 12 && memcmp(text + v[x].off, words[8], 12) == 0)
			plain = x;
	}
	cr_assert(shy != SIZE_MAX && plain != SIZE_MAX);
	cr_assert_eq(ia[shy], ia[plain], "a soft hyphen is no difference under typography folding");
	cr_assert_neq(is[shy], is[plain], "and one without it");
	rl_tokens_free(t);
	free(ia);
	free(is);
	free(text);
}

/* Words of every length around the cache's whole-key limits (8 and 16 bytes), in the middle of a
 * text and at its very end (where fewer than 16 bytes can be read past a word's start), get one id
 * per key, the same across texts, whichever way they were looked up; under -i the folded ASCII
 * words (short ones folded as whole words, long ones through rl_key) meet their lower-case forms. */
Test(intern, short_and_long_keys_at_any_position)
{
	static const char *words[] = {"a", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmno",
	                              "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopqrstuvwxyz"};
	size_t nw = sizeof words / sizeof *words;
	for (int fold = 0; fold < 2; fold++) {
		rl_keyopts o = defaults;
		o.fold_case = fold;
		rl_interner *in;
		cr_assert_eq(rl_interner_new(&in, &o), RL_OK);
		uint32_t first[8];
		for (size_t w = 0; w < nw; w++) {
			/* The word alone (read at the end), then after a longer text, then upper-cased. */
			char text[3][64];
			size_t len = strlen(words[w]);
			snprintf(text[0], sizeof text[0], "%s", words[w]);
			snprintf(text[1], sizeof text[1], "zz %s yy xx ww vv uu tt", words[w]);
			snprintf(text[2], sizeof text[2], "%s", words[w]);
			for (size_t i = 1; i < len; i += 2)
				text[2][i] = (char)(words[w][i] - 'a' + 'A');
			for (int k = 0; k < 3; k++) {
				rl_tokens *t;
				uint32_t *ids;
				cr_assert_eq(rl_tokenize(&t, text[k], strlen(text[k])), RL_OK);
				cr_assert_eq(rl_intern(in, t, &ids), RL_OK);
				uint32_t id = ids[k == 1 ? 1 : 0];
				if (k == 0)
					first[w] = id;
				else if (k == 1 || fold || len == 1)
					cr_assert_eq(id, first[w], "%s (text %d, fold %d)", words[w], k, fold);
				else
					cr_assert_neq(id, first[w], "%s upper-cased without -i", words[w]);
				size_t kl;
				const char *key = rl_interner_key(in, id, &kl);
				cr_assert(kl == len && (k == 2 && !fold ? memcmp(key, text[2], len) : memcmp(key, words[w], len)) == 0);
				free(ids);
				rl_tokens_free(t);
			}
			for (size_t v = 0; v < w; v++)
				cr_assert_neq(first[v], first[w], "%s and %s", words[v], words[w]);
		}
		rl_interner_free(in);
	}
}

/* More distinct words than the recent cache has entries, seen again in another order: every repeat
 * finds the id of its first sight (cache entries evicted and refilled from the table). */
Test(intern, repeats_find_their_ids_past_the_cache)
{
	rl_interner *in;
	rl_tokens *a, *b;
	uint32_t *ia, *ib;
	size_t n = 30000;
	char *ta = malloc(n * 24), *tb = malloc(n * 24);
	size_t ka = 0, kb = 0;
	for (size_t i = 0; i < n; i++) {
		ka += (size_t)sprintf(ta + ka, "%s%zu ", i % 3 ? "w" : "longerword", i);
		size_t j = (i * 7919) % n;
		kb += (size_t)sprintf(tb + kb, "%s%zu ", j % 3 ? "w" : "longerword", j);
	}
	cr_assert_eq(rl_interner_new(&in, &defaults), RL_OK);
	cr_assert_eq(rl_tokenize(&a, ta, ka), RL_OK);
	cr_assert_eq(rl_tokenize(&b, tb, kb), RL_OK);
	cr_assert_eq(rl_intern(in, a, &ia), RL_OK);
	cr_assert_eq(rl_intern(in, b, &ib), RL_OK);
	cr_assert_eq(rl_interner_count(in), n);
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(ib[i], ia[(i * 7919) % n], "repeat %zu", i);
	free(ia);
	free(ib);
	free(ta);
	free(tb);
	rl_tokens_free(a);
	rl_tokens_free(b);
	rl_interner_free(in);
}

/* The next of a 64-bit LCG's states in *st, and its top 31 bits. */
static unsigned next_random(unsigned long long *st)
{
	*st = *st * 6364136223846793005ull + 1442695040888963407ull;
	return (unsigned)(*st >> 33);
}

/* Many distinct short words and marks of 1 to 20 bytes, seen again and again at random (the cache's
 * entries of short and long keys overwrite one another), and the text ending in a short word: under
 * the default options every token gets the id of its key, as an interner that is given the keys
 * one by one hands them out. */
Test(intern, cached_ids_are_the_ids_of_their_keys)
{
	size_t n = 40000, cap = n * 24, k = 0;
	char *text = malloc(cap);
	unsigned long long st = 7;
	for (size_t i = 0; i < n; i++) {
		unsigned r = next_random(&st), len = 1 + r % 20, w = (r >> 8) % 600;
		if (r % 7 == 0) {
			text[k++] = ",.;:!?()"[w % 8];
		} else {
			for (unsigned j = 0; j < len; j++)
				text[k++] = (char)('a' + (w * (j + 3)) % 26);
		}
		text[k++] = ' ';
	}
	k += (size_t)snprintf(text + k, cap - k, "end");
	free(expect_ids_of_keys(&defaults, text, k));
	free(text);
}

/* Many distinct words that are not ASCII, of 1 to 8 letters (2 to 16 bytes, and longer ones past
 * the cache of the last such tokens), Cyrillic in both cases and Chinese, thousands of them seen
 * again and again at random so that the cache's entries overwrite one another (it has 4096), the
 * text ending in a short one: under -i and without it, every token gets the id of its key. */
Test(intern, cached_raw_ids_are_the_ids_of_their_keys)
{
	static const char *letters[] = {"\xd0\xb0", "\xd0\x91", "\xd0\xb2", "\xd0\x93", "\xd0\xb4",
	                                "\xd0\x95", "\xd0\xb6", "\xd0\x97", "\xe4\xb8\xad",
	                                "\xe6\x96\x87"};
	size_t n = 20000, cap = n * 64, k = 0;
	char *text = malloc(cap);
	unsigned long long st = 11;
	for (size_t i = 0; i < n; i++) {
		unsigned r = next_random(&st), len = 1 + r % 8, w = (r >> 8) % 6000;
		for (unsigned j = 0, d = w; j < len; j++, d /= 10)  /* w's digits, then its first again */
			k += (size_t)snprintf(text + k, cap - k, "%s", letters[(d ? d : w) % 10]);
		text[k++] = r % 5 ? ' ' : ',';
	}
	k += (size_t)snprintf(text + k, cap - k, "\xd0\xb6");
	rl_keyopts o = defaults;
	free(expect_ids_of_keys(&defaults, text, k));
	o.fold_case = true;
	free(expect_ids_of_keys(&o, text, k));
	free(text);
}

/* utf8proc's key under the default options, as intern.c made every non-ASCII key before it knew
 * which code points no step changes (nfc_stable.h): NFC with typography folded, the ligatures
 * U+FB00..U+FB06 written out as their letters and a word's soft hyphens left out (after
 * decomposition, before composition). */
static utf8proc_int32_t fold_typography(utf8proc_int32_t cp, void *data)
{
	(void)data;
	return rl_fold_typography(cp);
}

static void check_key(const utf8proc_int32_t *cps, size_t ncp)
{
	utf8proc_uint8_t text[64];
	size_t n = 0;
	for (size_t i = 0; i < ncp; i++)
		n += (size_t)utf8proc_encode_char(cps[i], text + n);
	utf8proc_int32_t u[256];
	utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_DECOMPOSE;
	utf8proc_ssize_t k = utf8proc_decompose_custom(text, (utf8proc_ssize_t)n, u, 256, opt,
	                                               fold_typography, NULL);
	cr_assert(k > 0 && k <= 256);
	static const char *const ligatures[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
	utf8proc_int32_t w[768];
	utf8proc_ssize_t m = 0;
	for (utf8proc_ssize_t i = 0; i < k; i++) {
		if (u[i] == 0xAD)
			continue;
		if (u[i] < 0xFB00 || u[i] > 0xFB06) {
			w[m++] = u[i];
			continue;
		}
		for (const char *l = ligatures[u[i] - 0xFB00]; *l; l++)
			w[m++] = (unsigned char)*l;
	}
	cr_assert(m <= 256);
	memcpy(u, w, (size_t)m * sizeof *u);
	k = m;
	utf8proc_ssize_t len = utf8proc_reencode(u, k, opt | UTF8PROC_COMPOSE);
	cr_assert_geq(len, 0);
	long got = rl_key(&defaults, (const char *)text, n, RL_TOK_WORD, &key_buf, &key_cap);
	cr_assert(got == len && memcmp(key_buf, u, (size_t)len) == 0, "U+%04X (%zu code points)",
	          (unsigned)cps[0], ncp);
}

/* Every code point of the Basic Multilingual Plane alone and between ASCII letters, and every
 * canonical decomposition (what composes, in the order NFC composes it), get utf8proc's key. */
Test(key, keys_left_as_they_are_are_utf8procs)
{
	for (utf8proc_int32_t c = 0x80; c < 0x10000; c++) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		utf8proc_int32_t one[1] = {c}, three[3] = {'a', c, 'Z'};
		check_key(one, 1);
		check_key(three, 3);
		utf8proc_int32_t d[32];
		int last;
		utf8proc_ssize_t k = utf8proc_decompose_char(c, d, 32, UTF8PROC_DECOMPOSE, &last);
		if (k >= 2)
			check_key(d, (size_t)k);
		/* A code point after itself and after a letter that composes (Hangul too). */
		utf8proc_int32_t twice[2] = {c, c}, after_e[2] = {'e', c}, after_ga[2] = {0xAC00, c};
		check_key(twice, 2);
		check_key(after_e, 2);
		check_key(after_ga, 2);
	}
}

/* Marks (nfc_stable.h's second table) are left as they are only in canonical order: every code
 * point of the plane after a Thai consonant, before and after marks of classes 9, 103, 107, 220
 * and 230, gets utf8proc's key; and Thai words written with a tone mark before the vowel below
 * (class 107 before 103: NFC moves the vowel first) get the reordered key, the same as the word
 * written in order. */
Test(key, marks_are_kept_in_canonical_order_only)
{
	const utf8proc_int32_t marks[] = {0x0E3A, 0x0E38, 0x0E49, 0x0316, 0x0300, 0x05B8};
	const size_t nm = sizeof marks / sizeof *marks;
	for (utf8proc_int32_t c = 0x80; c < 0x10000; c++) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		for (size_t k = 0; k < nm; k++) {
			utf8proc_int32_t before[3] = {0x0E19, marks[k], c}, after[3] = {0x0E19, c, marks[k]};
			check_key(before, 3);
			check_key(after, 3);
		}
	}
	/* นู้ (U+0E19 U+0E39 U+0E49) and the same with the tone mark first. */
	const char *in_order = "\xE0\xB8\x99\xE0\xB8\xB9\xE0\xB9\x89";
	const char *tone_first = "\xE0\xB8\x99\xE0\xB9\x89\xE0\xB8\xB9";
	long n = rl_key(&defaults, in_order, 9, RL_TOK_WORD, &key_buf, &key_cap);
	cr_assert(n == 9 && memcmp(key_buf, in_order, 9) == 0, "a word in order is its own key");
	n = rl_key(&defaults, tone_first, 9, RL_TOK_WORD, &key_buf, &key_cap);
	cr_assert(n == 9 && memcmp(key_buf, in_order, 9) == 0, "a tone mark first is moved after");
}

/* Each id knows the class of the token that brought its key (ctx_init.c reads a word's flags by
 * it); a key given as is has none. */
Test(intern, an_id_knows_its_tokens_class)
{
	rl_interner *in;
	rl_tokens *t;
	uint32_t *ids, given;
	const char *text = "Caf\xc3\xa9 ... said \xe2\x80\x94 \xe2\x80\x9cno\xe2\x80\x9d, said the";
	cr_assert_eq(rl_interner_new(&in, &defaults), RL_OK);
	cr_assert_eq(rl_intern_key(in, "\x01-", 2, &given), RL_OK);
	cr_assert_eq(rl_tokenize(&t, text, strlen(text)), RL_OK);
	cr_assert_eq(rl_intern(in, t, &ids), RL_OK);
	const rl_token *v = rl_tokens_array(t);
	for (size_t k = 0; k < rl_tokens_count(t); k++)
		cr_assert_eq(rl_interner_cls(in, ids[k]), v[k].cls, "token %zu", k);
	cr_assert_eq(rl_interner_cls(in, given), UINT32_MAX);
	free(ids);
	rl_tokens_free(t);
	rl_interner_free(in);
}

/* The recent cache starts zeroed, and a zeroed entry reads as a key of length 0: an empty key
 * given first or after others is a key of its own, never the id of whatever the entry last held;
 * a text of a few tokens (the smallest cache) still finds each repeat's id. */
Test(intern, an_empty_key_is_not_an_empty_cache_entry)
{
	rl_interner *in;
	uint32_t empty, a, again;
	cr_assert_eq(rl_interner_new(&in, &defaults), RL_OK);
	cr_assert_eq(rl_intern_key(in, "", 0, &empty), RL_OK);
	cr_assert_eq(rl_intern_key(in, "a", 1, &a), RL_OK);
	cr_assert_neq(a, empty);
	cr_assert_eq(rl_intern_key(in, "", 0, &again), RL_OK);
	cr_assert_eq(again, empty);
	cr_assert_eq(rl_interner_count(in), 2);
	rl_interner_free(in);

	rl_tokens *t;
	uint32_t *ids;
	const char *text = "to be or not to be";
	cr_assert_eq(rl_interner_new(&in, &defaults), RL_OK);
	cr_assert_eq(rl_intern_key(in, "x", 1, &a), RL_OK);
	cr_assert_eq(rl_intern_key(in, "", 0, &empty), RL_OK);
	cr_assert_neq(empty, a, "an empty key after another is new too");
	cr_assert_eq(rl_tokenize(&t, text, strlen(text)), RL_OK);
	cr_assert_eq(rl_intern(in, t, &ids), RL_OK);
	cr_assert_eq(ids[4], ids[0], "to");
	cr_assert_eq(ids[5], ids[1], "be");
	cr_assert_eq(rl_interner_count(in), 6, "x, the empty key, to be or not");
	free(ids);
	rl_tokens_free(t);
	rl_interner_free(in);
}

/* The ids of a long text are written whole, so they are advised for large pages from
 * BIGMEM_FULL_MIN bytes (bigmem.h), not only from BIGMEM_MIN as arrays with room to spare: the
 * ids of two 10 MB texts were 4,100 of the first phase's 14,000 page faults (stop 36). The advice
 * shows as "hg" in the mapping's VmFlags (Linux with transparent huge pages; skipped elsewhere). */
Test(intern, the_ids_of_a_long_text_are_advised_for_large_pages)
{
	if (!large_pages_here())
		cr_skip_test("no transparent huge pages here");
	size_t n = 1500000;  /* 6 MB of ids: over BIGMEM_FULL_MIN, under BIGMEM_MIN */
	char *text = malloc(2 * n);
	for (size_t i = 0; i < n; i++)
		text[2 * i] = "abc"[i % 3], text[2 * i + 1] = ' ';
	rl_interner *in;
	rl_tokens *t;
	uint32_t *ids;
	cr_assert_eq(rl_interner_new(&in, &defaults), RL_OK);
	cr_assert_eq(rl_tokenize(&t, text, 2 * n), RL_OK);
	cr_assert_eq(rl_tokens_count(t), n);
	cr_assert_eq(rl_intern(in, t, &ids), RL_OK);
	char flags[256];
	mapping_flags(ids + n / 2, flags, sizeof flags);
	cr_assert(strstr(flags, " hg") != NULL, "the ids' mapping: %s", flags);
	cr_assert_eq(ids[n - 1], ids[2], "abc over and over");
	free(ids);
	rl_tokens_free(t);
	rl_interner_free(in);
	free(text);
}

/* Forms that one option or another folds together, as words of a text (each form's first bytes
 * differ from its partner's, or its case does, or its length). */
static const char *const folded_forms[][2] = {
	{"caf\xc3\xa9", "cafe\xcc\x81"},                       /* NFC: always one */
	{"\xd0\x96\xd0\xb0\xd1\x80", "\xd0\xb6\xd0\xb0\xd1\x80"},  /* Жар жар: case */
	{"ABCDEFGHIJKL", "abcdefghijkl"},                    /* case, ASCII of 9 to 16 bytes */
	{"Extraordinarily", "extraordinarily"},              /* case, 15 bytes */
	{"Internationalization", "internationalization"},  /* case, over 16 bytes */
	{"\xef\xbc\xa1\xef\xbc\xa2", "AB"},                  /* ＡＢ AB: NFKC */
	{"\xef\xac\x81ne", "fine"},                          /* ligature: typography */
	{"jig\xc2\xadsaw", "jigsaw"},                        /* soft hyphen: typography */
	{"\xe2\x80\x9c", "\""},                              /* curly quote: typography */
	{"\xe2\x80\x94", "--"},                              /* em dash, a dash run: typography */
};
#define NFORMS (sizeof folded_forms / sizeof *folded_forms)

/* Under each of the 16 combinations of the key options, a text of the forms above among
 * thousands of distinct words of every script the caches take apart (ASCII, Cyrillic, Han,
 * over and under 8 and 16 bytes) seen again and again at random, so that every cache before the
 * table (the recent keys, the raw bytes, the last raw tokens) is filled, hit and overwritten:
 * every token gets the id its own key gets from an interner handed the keys one by one (no
 * cache can hand a token another key's id), and two forms share an id exactly when their keys
 * are equal under those options. */
Test(intern, cached_ids_under_every_option_are_the_ids_of_their_keys)
{
	static const char *const letters[] = {"a", "B", "\xd0\xb0", "\xd0\x91", "\xe4\xb8\xad",
	                                      "\xc3\xa9", "e\xcc\x81", "\xef\xac\x81"};
	size_t n = 12000, cap = n * 80, k = 0;
	char *text = malloc(cap);
	unsigned long long st = 5;
	for (size_t i = 0; i < n; i++) {
		unsigned r = next_random(&st), len = 1 + r % 12, w = (r >> 8) % 3000;
		if (r % 11 == 0) {
			k += (size_t)snprintf(text + k, cap - k, "%s ", folded_forms[w % NFORMS][r % 2]);
			continue;
		}
		if (r % 11 < 3) {
			/* One of 1,024 words of one length whose first 8 bytes are the same (жжжж, or
			 * "Overlaps"), told apart by the rest alone: the caches hold such words whole. */
			unsigned a = w % 32, b = w / 32 % 32;
			if (r % 11 == 1)
				k += (size_t)snprintf(text + k, cap - k, "\xd0\xb6\xd0\xb6\xd0\xb6\xd0\xb6%c%c%c%c ",
				                      a < 16 ? 0xd0 : 0xd1, 0xb0 + a % 16 - (a < 16 ? 0 : 0x30),
				                      b < 16 ? 0xd0 : 0xd1, 0xb0 + b % 16 - (b < 16 ? 0 : 0x30));
			else
				k += (size_t)snprintf(text + k, cap - k, "Overlaps%c%c ", 'A' + a, 'a' + b % 26);
			continue;
		}
		for (unsigned j = 0, d = w; j < len; j++, d /= 8)
			k += (size_t)snprintf(text + k, cap - k, "%s", letters[(d ? d : w + j) % 8]);
		text[k++] = r % 3 ? ' ' : ',';
	}
	for (size_t f = 0; f < NFORMS; f++)
		k += (size_t)snprintf(text + k, cap - k, " %s %s", folded_forms[f][0], folded_forms[f][1]);
	for (unsigned bits = 0; bits < 16; bits++) {
		rl_keyopts o = {bits & 1, bits & 2, bits & 4, bits & 8};
		rl_interner *in, *check;
		rl_tokens *t;
		uint32_t *ids;
		cr_assert_eq(rl_interner_new(&in, &o), RL_OK);
		cr_assert_eq(rl_interner_new(&check, &o), RL_OK);
		cr_assert_eq(rl_tokenize(&t, text, k), RL_OK);
		cr_assert_eq(rl_intern(in, t, &ids), RL_OK);
		const rl_token *v = rl_tokens_array(t);
		size_t nt = rl_tokens_count(t);
		for (size_t x = 0; x < nt; x++) {
			if (o.ignore_punct && v[x].cls == RL_TOK_PUNCT) {
				cr_assert_eq(ids[x], RL_ID_NONE, "options %u, token %zu", bits, x);
				continue;
			}
			long kl = rl_key(&o, text + v[x].off, v[x].len, v[x].cls, &key_buf, &key_cap);
			uint32_t id;
			cr_assert_geq(kl, 0);
			cr_assert_eq(rl_intern_key(check, key_buf, (size_t)kl, &id), RL_OK);
			cr_assert_eq(ids[x], id, "options %u, token %zu", bits, x);
		}
		/* The forms, the text's last 2 * NFORMS tokens but for the em dash's partner, whose
		 * two hyphens are one token ("--"): found by their bytes. */
		for (size_t f = 0; f < NFORMS; f++) {
			uint32_t id[2] = {RL_ID_NONE, RL_ID_NONE};
			for (size_t x = nt > 4 * NFORMS ? nt - 4 * NFORMS : 0; x < nt; x++)
				for (int s = 0; s < 2; s++)
					if (v[x].len == strlen(folded_forms[f][s]) &&
					    memcmp(text + v[x].off, folded_forms[f][s], v[x].len) == 0)
						id[s] = ids[x];
			bool equal = same(o, folded_forms[f][0], folded_forms[f][1],
			                  f >= 8 ? RL_TOK_PUNCT : RL_TOK_WORD);
			if (o.ignore_punct && f >= 8)
				continue;  /* neither has an id */
			cr_assert(id[0] != RL_ID_NONE && id[1] != RL_ID_NONE, "form %zu found", f);
			cr_assert((id[0] == id[1]) == equal, "options %u, form %zu: ids %u %u", bits, f,
			          id[0], id[1]);
		}
		free(ids);
		rl_tokens_free(t);
		rl_interner_free(in);
		rl_interner_free(check);
	}
	/* What the options must do to the forms, so that the test sees each fold at work. */
	rl_keyopts none = {false, false, false, false}, all = {true, false, true, true};
	for (size_t f = 1; f < NFORMS; f++)
		cr_assert(!same(none, folded_forms[f][0], folded_forms[f][1],
		                f >= 8 ? RL_TOK_PUNCT : RL_TOK_WORD), "form %zu unfolded", f);
	for (size_t f = 0; f < NFORMS; f++)
		cr_assert(same(all, folded_forms[f][0], folded_forms[f][1],
		               f >= 8 ? RL_TOK_PUNCT : RL_TOK_WORD), "form %zu folded", f);
	free(text);
}
