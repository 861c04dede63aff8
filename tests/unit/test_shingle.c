/* Tests for shingle.c: which ops may give words to a move, and the candidate passages found among
 * their words (what move.c then verifies: test_move.c). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "move.h"
#include "shingle.h"
#include "pipeline.h"
#include "refine.h"
#include "status.h"
#include "stems.h"

#include "move_fixtures.h"  /* the harbour paragraphs P1 to P5 */


/* Two texts in a stage context, with the script the move stage starts from. */
typedef struct fixture {
	rl_tokens *toks[2];
	rl_ctx c;
	rl_opvec ops;
	uint8_t *orphan;
	rl_span *cand;
	size_t ncand;
} fixture;

static void fixture_open(fixture *f, const char *a, const char *b)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_opvec exact = {0};

	memset(f, 0, sizeof *f);
	cr_assert_eq(rl_tokenize(&f->toks[0], a, strlen(a)), RL_OK);
	cr_assert_eq(rl_tokenize(&f->toks[1], b, strlen(b)), RL_OK);
	cr_assert_eq(rl_pipeline_ctx(&f->c, f->toks[0], f->toks[1], &o), RL_OK);
	cr_assert_eq(rl_ctx_refine(&f->c, 0, f->c.side[0].n, 0, f->c.side[1].n, &exact), RL_OK);
	/* As rl_moves does: equal ops cut at unit starts. */
	cr_assert_eq(rl_split_equals(&f->c, &exact, &f->ops), RL_OK);
	rl_opvec_free(&exact);
	cr_assert_eq(rl_orphan_ops(&f->c, &f->ops, &f->orphan), RL_OK);
}

static void fixture_search(fixture *f, uint32_t min_words)
{
	free(f->cand);
	f->cand = NULL;
	f->ncand = 0;
	cr_assert_eq(rl_move_candidates(&f->c, &f->ops, f->orphan, min_words, &f->cand, &f->ncand),
	             RL_OK);
}

static void fixture_close(fixture *f)
{
	free(f->cand);
	free(f->orphan);
	rl_opvec_free(&f->ops);
	rl_ctx_release(&f->c);
	rl_tokens_free(f->toks[0]);
	rl_tokens_free(f->toks[1]);
}

/* The text of tokens [t0, t1) of side s. */
static char *span_text(const fixture *f, int s, uint32_t t0, uint32_t t1)
{
	static char buf[2][8192];
	const rl_side *sd = &f->c.side[s];
	cr_assert_lt(t0, t1);
	uint32_t b0 = sd->tok[t0].off, b1 = sd->tok[t1 - 1].off + sd->tok[t1 - 1].len;
	snprintf(buf[s], sizeof buf[s], "%.*s", (int)(b1 - b0), sd->text + b0);
	return buf[s];
}

/* How many ops are marked as ones that may give words to a move. */
static size_t marked(const fixture *f)
{
	size_t n = 0;
	for (size_t k = 0; k < f->ops.n; k++)
		n += f->orphan[k] != 0;
	return n;
}

Test(shingle, a_paragraph_moved_verbatim_is_one_candidate)
{
	fixture f;
	fixture_open(&f, P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\n" P5 "\n",
	             P1 "\n\n" P3 "\n\n" P4 "\n\n" P2 "\n\n" P5 "\n");
	cr_assert_gt(marked(&f), 0);
	fixture_search(&f, RL_MOVE_MIN_WORDS);
	cr_assert_eq(f.ncand, 1);
	/* From the first word of the paragraph to its last, on both sides (the stop is no word). */
	const rl_span *sp = &f.cand[0];
	const char *want = "A storm had broken three moorings during the night, and two skiffs were "
	                   "missing from the north pier";
	cr_assert_str_eq(span_text(&f, RL_OLD, sp->a0, sp->a1), want);
	cr_assert_str_eq(span_text(&f, RL_NEW, sp->b0, sp->b1), want);
	fixture_close(&f);
}

Test(shingle, the_biggest_candidate_comes_first)
{
	fixture f;
	fixture_open(&f, P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\n" P5 "\n",
	             P3 "\n\n" P1 "\n\n" P4 "\n\n" P2 "\n\n" P5 "\n");
	fixture_search(&f, RL_MOVE_MIN_WORDS);
	/* The exact diff keeps P1, P2 and P5 (40 words): P3 (14 words) and P4 (13) moved, and P1
	 * (12), kept between two insertions, may have. Largest first. */
	cr_assert_eq(f.ncand, 3);
	cr_assert_str_eq(span_text(&f, RL_OLD, f.cand[0].a0, f.cand[0].a1),
	                 "By noon the fishermen had gathered at the cooperative to sell the morning "
	                 "catch");
	cr_assert_str_eq(span_text(&f, RL_NEW, f.cand[1].b0, f.cand[1].b1),
	                 "Prices were low again this week because the cannery bought less than usual");
	cr_assert_str_eq(span_text(&f, RL_OLD, f.cand[2].a0, f.cand[2].a1),
	                 "The harbor master opened the gates at dawn and counted the boats");
	fixture_close(&f);
}

Test(shingle, a_shared_short_phrase_is_no_candidate)
{
	/* "the old stone bridge" is in a deleted sentence and in an inserted one: two shingle hits on
	 * one diagonal, four words, fewer than a move needs. */
	fixture f;
	fixture_open(&f,
	             P1 " Carts crossed the old stone bridge before sunrise every market day. " P3,
	             P1 " " P3 " Children fished from the old stone bridge until their mothers "
	                "called.");
	fixture_search(&f, RL_MOVE_MIN_WORDS);
	cr_assert_eq(f.ncand, 0);
	/* The hits are there: asked for passages of four words, the phrase is one. */
	fixture_search(&f, 4);
	cr_assert_eq(f.ncand, 1);
	cr_assert_str_eq(span_text(&f, RL_OLD, f.cand[0].a0, f.cand[0].a1), "the old stone bridge");
	cr_assert_str_eq(span_text(&f, RL_NEW, f.cand[0].b0, f.cand[0].b1), "the old stone bridge");
	fixture_close(&f);
}

#define PHRASE "Copper kettles rattled loudly on hooks."

/* OLD: a paragraph of six words, then P1 and n short paragraphs; NEW: the same without the six
 * words, which follow each short paragraph instead (each copy an insertion of its own). */
static void repeated(fixture *f, int n)
{
	static char a[4096], b[4096];
	size_t la = (size_t)snprintf(a, sizeof a, "%s\n\n%s\n\n", PHRASE, P1);
	size_t lb = (size_t)snprintf(b, sizeof b, "%s\n\n", P1);
	for (int k = 1; k <= n; k++) {
		la += (size_t)snprintf(a + la, sizeof a - la, "The keeper logged entry %d.\n\n", k);
		lb += (size_t)snprintf(b + lb, sizeof b - lb, "The keeper logged entry %d.\n\n%s\n\n",
		                       k, PHRASE);
	}
	fixture_open(f, a, b);
}

Test(shingle, a_phrase_too_common_to_place_is_not_followed)
{
	/* Six words deleted once and inserted in three places: each place is a candidate (move.c
	 * picks one). */
	fixture f;
	repeated(&f, 3);
	fixture_search(&f, RL_MOVE_MIN_WORDS);
	cr_assert_eq(f.ncand, 3);
	for (size_t k = 0; k < f.ncand; k++)
		cr_assert_str_eq(span_text(&f, RL_NEW, f.cand[k].b0, f.cand[k].b1),
		                 "Copper kettles rattled loudly on hooks");
	fixture_close(&f);
	/* Inserted in ten places: where it came from cannot be told, and following every copy of
	 * every shingle would make the search quadratic. */
	repeated(&f, 10);
	fixture_search(&f, RL_MOVE_MIN_WORDS);
	cr_assert_eq(f.ncand, 0);
	fixture_close(&f);
}

/* The index keeps no count of a shingle's positions (a slot is 12 bytes): the search walks the
 * chain of positions, as far as one more than it follows. At exactly that many (eight copies),
 * every copy is a candidate; at one more, none is. */
Test(shingle, a_phrase_is_followed_up_to_eight_copies_and_not_at_nine)
{
	fixture f;
	repeated(&f, 8);
	fixture_search(&f, RL_MOVE_MIN_WORDS);
	cr_assert_eq(f.ncand, 8);
	for (size_t k = 0; k < f.ncand; k++)
		cr_assert_str_eq(span_text(&f, RL_NEW, f.cand[k].b0, f.cand[k].b1),
		                 "Copper kettles rattled loudly on hooks");
	fixture_close(&f);
	repeated(&f, 9);
	fixture_search(&f, RL_MOVE_MIN_WORDS);
	cr_assert_eq(f.ncand, 0);
	fixture_close(&f);
}

Test(shingle, a_paragraph_spun_in_place_gives_no_words)
{
	/* One-word swaps between kept runs: rewritten where it stands, nothing there may move. */
	fixture f;
	fixture_open(&f, P1 "\n\n" P3 "\n",
	             "The harbor chief opened the doors at dawn and counted the ships.\n\n" P3 "\n");
	cr_assert_gt(f.ops.n, 1);
	cr_assert_eq(marked(&f), 0);
	fixture_search(&f, RL_MOVE_MIN_WORDS);
	cr_assert_eq(f.ncand, 0);
	cr_assert_null(f.cand);
	fixture_close(&f);
	/* A paragraph deleted is a big change: its op is marked. */
	fixture_open(&f, P1 "\n\n" P2 "\n\n" P3 "\n", P1 "\n\n" P3 "\n");
	cr_assert_gt(marked(&f), 0);
	fixture_search(&f, RL_MOVE_MIN_WORDS);
	cr_assert_eq(f.ncand, 0, "nothing inserted: nowhere to move to");
	fixture_close(&f);
}

/* A made-up word for number k: four syllables, distinct for k < 10000. */
static void coined(char *out, unsigned k)
{
	static const char *const syl[10] = {"ka", "lo", "mi", "ru", "te", "sa", "po", "ne", "vi", "do"};
	snprintf(out, 16, "%s%s%s%s", syl[k / 1000 % 10], syl[k / 100 % 10], syl[k / 10 % 10],
	         syl[k % 10]);
}

/* Append the coined words [k0, k1) to buf at *n, in paragraphs of 30. */
static void coin_run(char *buf, size_t *n, unsigned k0, unsigned k1)
{
	char w[16];
	for (unsigned k = k0; k < k1; k++) {
		coined(w, k);
		*n += (size_t)sprintf(buf + *n, "%s%s", w, k + 1 == k1 || (k - k0) % 30 == 29 ? ".\n\n" : " ");
	}
}

Test(shingle, a_passage_moved_among_thousands_of_stray_phrases_is_found_whole)
{
	/* OLD: 300 kept words, 1950 deleted ones, a passage of 300 words in one paragraph with three
	 * deleted words after each five of it, the rest of 3000 deleted words, 300 kept; NEW: the
	 * kept words, the passage alone, then the 1000 triples of the deleted words, three times
	 * each in a shuffled order. Each triple in OLD is a stray shingle hit in three places: about
	 * a chain a deleted word, and the list of chains is pruned when it reaches 2048, while the
	 * passage's chain is open (it grows past the stray triples inside it). The largest candidate
	 * is still the passage, whole. */
	enum { KEPT = 300, GONE = 3000, CUT = 1950, PASSAGE = 300, EVERY = 5, COPIES = 3 };
	size_t cap = (KEPT * 2 + GONE * (COPIES + 1) + PASSAGE * 2) * 16 + 64;
	char *a = malloc(cap), *b = malloc(cap), w[16];
	size_t na = 0, nb = 0;
	unsigned gone = CUT;
	cr_assert(a && b);
	coin_run(a, &na, 8000, 8000 + KEPT);
	coin_run(a, &na, 0, CUT);
	for (unsigned p = 0; p < PASSAGE; p++) {
		coined(w, 5000 + p);
		na += (size_t)sprintf(a + na, "%s ", w);
		for (unsigned i = 0; p % EVERY == EVERY - 1 && p + 1 < PASSAGE && i < 3; i++) {
			coined(w, gone++);
			na += (size_t)sprintf(a + na, "%s ", w);
		}
	}
	na += (size_t)sprintf(a + na - 1, ".\n\n") - 1;
	coin_run(a, &na, gone, GONE);
	coin_run(a, &na, 8500, 8500 + KEPT);
	coin_run(b, &nb, 8000, 8000 + KEPT);
	coin_run(b, &nb, 8500, 8500 + KEPT);
	for (unsigned p = 0; p < PASSAGE; p++) {
		coined(w, 5000 + p);
		nb += (size_t)sprintf(b + nb, "%s%s", w, p + 1 < PASSAGE ? " " : ".\n\n");
	}
	unsigned x = 12345;
	for (unsigned c = 0; c < COPIES * GONE / 3; c++) {
		x = x * 1103515245u + 12345u;
		unsigned t = (x >> 8) % (GONE / 3);
		for (unsigned i = 0; i < 3; i++) {
			coined(w, t * 3 + i);
			nb += (size_t)sprintf(b + nb, "%s%s", w, i < 2 ? " " : c % 10 == 9 ? ".\n\n" : " ");
		}
	}
	fixture f;
	fixture_open(&f, a, b);
	fixture_search(&f, RL_MOVE_MIN_WORDS);
	cr_assert_geq(f.ncand, 1);
	/* The passage but its first five words, which end before the first stray triple (the
	 * chains of the first hits are given to the exact diff's ops otherwise), on both sides; in
	 * OLD, the stray triples inside it included. A chain lost or cut where the list was pruned
	 * would leave the largest candidate a part of it. */
	const rl_span *sp = &f.cand[0];
	char first[16], last[16];
	coined(first, 5000 + EVERY);
	coined(last, 5000 + PASSAGE - 1);
	for (int s = 0; s < 2; s++) {
		const char *got = span_text(&f, s, s ? sp->b0 : sp->a0, s ? sp->b1 : sp->a1);
		cr_assert(strncmp(got, first, strlen(first)) == 0, "%s", got);
		cr_assert_str_eq(got + strlen(got) - strlen(last), last);
	}
	cr_assert_eq(rl_words(&f.c, RL_NEW, sp->b0, sp->b1), PASSAGE - EVERY);
	fixture_close(&f);
	free(a);
	free(b);
}

Test(shingle, a_paragraph_moved_past_a_long_inserted_chorus_is_found)
{
	/* NEW inserts a chorus of 40 words sung 60 times (2,400 orphan words, some 40 distinct
	 * shingles, each too common to place) and moves P2 after it. The index of NEW's shingles
	 * starts at a sixteenth of the slots its positions could need and grows only when its
	 * distinct shingles fill it: here it never grows, and P2 is still the one candidate, whole.
	 * (The test above, with thousands of distinct shingles, makes it grow.) */
	enum { CHORUS = 40, SUNG = 60 };
	size_t cap = CHORUS * SUNG * 16 + 1024;
	char *b = malloc(cap), w[16];
	size_t nb = (size_t)sprintf(b, "%s\n\n%s\n\n%s\n\n", P1, P3, P4);
	cr_assert(b);
	for (unsigned r = 0; r < SUNG; r++)
		for (unsigned k = 0; k < CHORUS; k++) {
			coined(w, 100 + k);
			nb += (size_t)sprintf(b + nb, "%s%s", w, k + 1 < CHORUS ? " " : ".\n\n");
		}
	sprintf(b + nb, "%s\n", P2);
	fixture f;
	fixture_open(&f, P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n", b);
	fixture_search(&f, RL_MOVE_MIN_WORDS);
	cr_assert_eq(f.ncand, 1);
	const char *want = "A storm had broken three moorings during the night, and two skiffs were "
	                   "missing from the north pier";
	cr_assert_str_eq(span_text(&f, RL_OLD, f.cand[0].a0, f.cand[0].a1), want);
	cr_assert_str_eq(span_text(&f, RL_NEW, f.cand[0].b0, f.cand[0].b1), want);
	fixture_close(&f);
	free(b);
}

/* A made-up word for any k: "q" and five letters. */
static size_t lettered(char *out, unsigned k)
{
	out[0] = 'q';
	for (int i = 5; i > 0; i--, k /= 26)
		out[i] = (char)('a' + k % 26);
	out[6] = '\0';
	return 6;
}

/* OLD: `phrases` three-word phrases of distinct words, ten a paragraph; NEW: the same phrases in
 * a shuffled order. Asked for passages of three words, every phrase the exact diff did not keep
 * is a candidate of its own. The texts are the fixture's (its tokens point into them): freed by
 * the caller after fixture_close. */
static void shuffled_phrases(fixture *f, unsigned phrases, char *text[2])
{
	unsigned *order = malloc(phrases * sizeof *order);
	char *a = text[0] = malloc(phrases * 24 + 64), *b = text[1] = malloc(phrases * 24 + 64), w[8];
	size_t na = 0, nb = 0;
	cr_assert(order && a && b);
	for (unsigned p = 0; p < phrases; p++)
		order[p] = p;
	unsigned x = 777;
	for (unsigned p = phrases; p > 1; p--) {
		x = x * 1103515245u + 12345u;
		unsigned j = (x >> 8) % p, t = order[p - 1];
		order[p - 1] = order[j], order[j] = t;
	}
	for (unsigned p = 0; p < phrases; p++)
		for (unsigned i = 0; i < 3; i++) {
			lettered(w, order[p] * 3 + i);
			nb += (size_t)sprintf(b + nb, "%s%s", w, i < 2 || p % 10 != 9 ? " " : ".\n\n");
			lettered(w, p * 3 + i);
			na += (size_t)sprintf(a + na, "%s%s", w, i < 2 || p % 10 != 9 ? " " : ".\n\n");
		}
	fixture_open(f, a, b);
	fixture_search(f, 3);
	free(order);
}

/* The chains are kept in blocks while the hits are read, then sorted (largest first, equals in
 * the order they were made) with more chains than a block holds. */
Test(shingle, more_chains_than_a_block_come_back_largest_first_then_in_order)
{
	fixture f;
	char *text[2];
	shuffled_phrases(&f, 20000, text);
	cr_assert_gt(f.ncand, 16384, "%zu candidates, %zu ops marked of %zu", f.ncand, marked(&f),
	             f.ops.n);
	/* A chain of one hit (three words) is the smallest there is, and such chains come last, in
	 * the order of their OLD words. */
	for (size_t k = 1; k < f.ncand; k++) {
		uint32_t before = rl_words(&f.c, RL_OLD, f.cand[k - 1].a0, f.cand[k - 1].a1),
		         now = rl_words(&f.c, RL_OLD, f.cand[k].a0, f.cand[k].a1);
		if (before == 3)
			cr_assert(now == 3 && f.cand[k - 1].a0 < f.cand[k].a0, "candidate %zu", k);
	}
	cr_assert_eq(rl_words(&f.c, RL_OLD, f.cand[f.ncand - 1].a0, f.cand[f.ncand - 1].a1), 3);
	fixture_close(&f);
	free(text[0]);
	free(text[1]);
}

/* A slot of the index holds its chain's first position, not its key: a probe that meets a full
 * slot works that slot's key out again and goes on when it is another's. With 20,000 distinct
 * shingles in NEW (the table seven eighths full, probes meeting other keys' slots all the time)
 * every phrase of OLD still finds its own copy and no other: each candidate of one hit (three
 * words) has the same words on both sides. (A larger one may join phrases that happen to be
 * neighbours on both sides, or close, with other words between.) */
Test(shingle, a_probe_past_other_keys_finds_each_phrase_its_own_copy)
{
	fixture f;
	char *text[2];
	shuffled_phrases(&f, 20000, text);
	size_t one_hit = 0;
	for (size_t k = 0; k < f.ncand; k++) {
		const rl_span *sp = &f.cand[k];
		if (rl_words(&f.c, RL_OLD, sp->a0, sp->a1) != 3)
			continue;
		/* (span_text keeps each side's text in a buffer of its own) */
		const char *old = span_text(&f, RL_OLD, sp->a0, sp->a1);
		cr_assert_str_eq(span_text(&f, RL_NEW, sp->b0, sp->b1), old, "candidate %zu", k);
		one_hit++;
	}
	cr_assert_gt(one_hit, 16384);
	fixture_close(&f);
	free(text[0]);
	free(text[1]);
}

/* rl_stem_hash as it was written before stop 35: the word's first 64 bytes copied in lower case,
 * an ending cut, the first seven bytes hashed (FNV-1a, 0 made 1). */
static uint32_t stem_hash_before(const char *text, const rl_token *tk)
{
	unsigned char low[64];
	size_t len = tk->len < sizeof low ? tk->len : sizeof low;
	for (size_t k = 0; k < len; k++) {
		unsigned char ch = (unsigned char)text[tk->off + k];
		low[k] = ch >= 'A' && ch <= 'Z' ? (unsigned char)(ch - 'A' + 'a') : ch;
	}
	const char *sufs[] = {"ing", "ed", "ly", "ment", "s", "ss", "es"};
	bool end[7];
	for (int i = 0; i < 7; i++) {
		size_t k = strlen(sufs[i]);
		end[i] = len >= k && memcmp(low + len - k, sufs[i], k) == 0;
	}
	bool verb = false;
	if (len > 5 && end[0])
		len -= 3, verb = true;
	else if (len > 4 && end[1])
		len -= 2, verb = true;
	else if (len > 5 && end[2])
		len -= 2;
	else if (len > 7 && end[3])
		len -= 4;
	else if (len > 3 && end[4] && !end[5])
		len -= 1 + (len > 4 && end[6] && strchr("sxzh", low[len - 3]));
	if (verb && len > 3 && low[len - 1] == low[len - 2] && strchr("bdgkmnprt", low[len - 1]))
		len--;
	uint32_t h = 2166136261u;
	for (size_t k = 0; k < len && k < 7; k++)
		h = (h ^ low[k]) * 16777619u;
	return h ? h : 1;
}

/* Issue 13 (stop 35): rl_stem_hash lowers only the bytes it reads (the ending's, the stem's
 * first seven), and gives every word the hash it gave before: words of every ending it cuts, in
 * both cases, of Cyrillic and Chinese letters, longer than 64 bytes, and random bytes (a NUL
 * among them: strchr finds the terminator). A guard: it passes before the change as well. */
Test(shingle, a_stem_is_hashed_as_before)
{
	const char *words[] = {"tests", "Testing", "COMMITTING", "commitment", "boxes", "Buses",
	                       "kisses", "quickly", "jammed", "ran", "is", "ss", "es", "ing", "Xing",
	                       "bless", "wishes", "wHeEleD", "Москвы", "москва", "渡船", "ａｂｃ",
	                       "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkling",
	                       "STOPPED", "hopping", "a", ""};
	char buf[80];
	for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
		rl_token tk = {.off = 0, .len = (uint32_t)strlen(words[k])};
		cr_assert_eq(rl_stem_hash(words[k], &tk), stem_hash_before(words[k], &tk), "%s", words[k]);
	}
	uint32_t seed = 12345;
	for (int n = 0; n < 20000; n++) {
		uint32_t len = (seed = seed * 1103515245u + 12345u) % 72;
		for (uint32_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			/* letters of both cases and the endings' own, mostly; any byte now and then */
			static const char pool[] = "aAbBdDeEgGhHiIlLmMnNpPrRsStTxXyYzZ";
			buf[i] = seed >> 28 ? pool[(seed >> 8) % (sizeof pool - 1)] : (char)(seed >> 16);
		}
		rl_token tk = {.off = 0, .len = len};
		cr_assert_eq(rl_stem_hash(buf, &tk), stem_hash_before(buf, &tk), "random word %d", n);
	}
}
