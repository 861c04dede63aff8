/* Tests for wordbreak.c: Thai (and the other scripts written without spaces) merged into the
 * words a caller's breaker finds, and what the diff makes of them. The breaker here is a real
 * one on a small dictionary: the longest word of the list at each position, else one grapheme. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "align.h"
#include "ops_text.h"
#include "status.h"
#include "text.h"
#include "token.h"
#include "tokline_check.h"
#include "wordbreak.h"

/* The words of our Thai sentences. */
static const char *const dict[] = {
	"น้อง", "ชาย", "เป็น", "นักเรียน", "ที่", "โรงเรียน", "ใกล้", "ไกล", "บ้าน", "นักศึกษา",
	"วัน", "นี้", "อากาศ", "ดี", "มาก", "ร้อน",
};

typedef struct breaker {
	int calls;                /* runs it was asked about */
	rl_script last_script;
	size_t longest;           /* bytes of the longest run seen */
	int answer;               /* >= 0: the breaker's answer is replaced by these fixed breaks */
	uint32_t fixed[4];
} breaker;

static int longest_match(void *ctx, rl_script script, const char *run, size_t len,
                         uint32_t *breaks, size_t max)
{
	breaker *b = ctx;
	b->calls++;
	b->last_script = script;
	if (len > b->longest)
		b->longest = len;
	if (b->answer >= 0) {
		memcpy(breaks, b->fixed, (size_t)b->answer * sizeof *breaks);
		return b->answer;
	}
	if (script != RL_SCRIPT_THAI)
		return -1;
	size_t k = 0;
	for (size_t at = 0; at < len;) {
		size_t best = 0;
		for (size_t w = 0; w < sizeof dict / sizeof *dict; w++) {
			size_t n = strlen(dict[w]);
			if (n > best && n <= len - at && memcmp(run + at, dict[w], n) == 0)
				best = n;
		}
		at += best ? best : 3;  /* unknown: one Thai code point (3 bytes) */
		if (at < len && k < max)
			breaks[k++] = (uint32_t)at;
	}
	return (int)k;
}

/* The tokens of s under breaker b (NULL: none) joined with '|'. */
static const char *split_wb(const char *s, breaker *b, size_t *words)
{
	static char out[4096];
	rl_wordbreak wb = {longest_match, b};
	rl_tokens *t;
	cr_assert_eq(rl_tokenize_wb(&t, s, strlen(s), b ? &wb : NULL), RL_OK);
	const rl_token *v = rl_tokens_array(t);
	size_t k = 0;
	for (size_t i = 0; i < rl_tokens_count(t); i++) {
		if (i)
			out[k++] = '|';
		memcpy(out + k, s + v[i].off, v[i].len);
		k += v[i].len;
		cr_assert_eq(rl_token_width(s, &v[i]), rl_text_width(s + v[i].off, v[i].len));
	}
	out[k] = '\0';
	if (words)
		*words = rl_tokens_words(t);
	rl_tokens_free(t);
	return out;
}

#define SENTENCE "น้องชายเป็นนักเรียนที่โรงเรียนใกล้บ้าน"

Test(wordbreak, thai_runs_become_the_breakers_words)
{
	breaker b = {.answer = -1};
	size_t words;
	cr_assert_str_eq(split_wb("ดี " SENTENCE ".", &b, &words),
	                 "ดี|น้อง|ชาย|เป็น|นักเรียน|ที่|โรงเรียน|ใกล้|บ้าน|.");
	cr_assert_eq(words, 9, "one word per dictionary word, not per grapheme");
	cr_assert_eq(b.calls, 1, "a lone grapheme is not asked about");
	cr_assert_eq(b.last_script, RL_SCRIPT_THAI);
}

Test(wordbreak, without_a_breaker_thai_is_one_word_per_grapheme)
{
	size_t words;
	/* ใกล้ is three graphemes: ใ, ก, ล้ (the tone mark stays on its consonant). */
	cr_assert_str_eq(split_wb("ใกล้บ้าน", NULL, &words), "ใ|ก|ล้|บ้|า|น");
	cr_assert_eq(words, 6);
}

Test(wordbreak, a_failing_breaker_leaves_graphemes)
{
	breaker b = {.answer = -1};
	/* Lao: this breaker handles Thai only, so the run stays one word per grapheme. */
	cr_assert_str_eq(split_wb("ສະບາຍດີ", &b, NULL), "ສ|ະ|ບ|າ|ຍ|ດີ");
	cr_assert_eq(b.last_script, RL_SCRIPT_LAO);
}

Test(wordbreak, other_scripts_are_asked_with_their_name_and_never_one_phrase)
{
	breaker b = {.answer = -1};
	/* Khmer and Myanmar, without a dictionary: one word per grapheme cluster. */
	cr_assert_str_eq(split_wb("សួស្តី", &b, NULL), "សួ|ស្|តី");
	cr_assert_eq(b.last_script, RL_SCRIPT_KHMER);
	cr_assert_str_eq(split_wb("မင်္ဂလာ", &b, NULL), "မ|င်္|ဂ|လ|ာ");
	cr_assert_eq(b.last_script, RL_SCRIPT_MYANMAR);
}

Test(wordbreak, breaks_inside_a_grapheme_or_out_of_order_are_ignored)
{
	/* ใกล้บ้าน: graphemes start at bytes 0 ใ, 3 ก, 6 ล้, 12 บ้, 18 า, 21 น. */
	breaker b = {.answer = 4, .fixed = {9, 12, 6, 40}};
	size_t words;
	cr_assert_str_eq(split_wb("ใกล้บ้าน", &b, &words), "ใกล้|บ้าน");
	cr_assert_eq(words, 2);
	/* No break at all: the run is one word. */
	b = (breaker){.answer = 0};
	cr_assert_str_eq(split_wb("ใกล้บ้าน ดี", &b, &words), "ใกล้บ้าน|ดี");
	cr_assert_eq(words, 2);
}

Test(wordbreak, runs_stop_at_spaces_punctuation_and_other_scripts)
{
	breaker b = {.answer = -1};
	cr_assert_str_eq(split_wb("วันนี้ (อากาศดี)มากOK中文", &b, NULL),
	                 "วัน|นี้|(|อากาศ|ดี|)|มาก|OK|中|文");
	cr_assert_eq(b.calls, 3);
}

Test(wordbreak, a_huge_run_is_cut_for_the_breaker)
{
	/* 10,000 graphemes of Thai without a space: the breaker never sees more than 4,096. */
	size_t n = 10000;
	char *s = malloc(3 * n + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(s + 3 * i, "ก", 3);
	s[3 * n] = '\0';
	breaker b = {.answer = 0};
	rl_wordbreak wb = {longest_match, &b};
	rl_tokens *t;
	cr_assert_eq(rl_tokenize_wb(&t, s, 3 * n, &wb), RL_OK);
	cr_assert_eq(b.longest, 3 * 4096);
	cr_assert_eq(rl_tokens_count(t), 3, "4096 + 4096 + 1808 graphemes, each run one word");
	cr_assert_eq(rl_tokens_words(t), 3);
	rl_tokens_free(t);
	free(s);
}

/* The ops of a diff of a and b with the breaker (or without, b NULL). */
static char *diff_ops(const char *a, const char *bb, breaker *b)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	if (b)
		o.wordbreak = (rl_wordbreak){longest_match, b};
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a, strlen(a), bb, strlen(bb), &o), RL_OK);
	char *s = ops_text(al);
	rl_alignment_free(al);
	return s;
}

Test(wordbreak, one_changed_thai_word_is_one_change)
{
	breaker b = {.answer = -1};
	char *s = diff_ops("วันนี้อากาศดีมาก " SENTENCE,
	                   "วันนี้อากาศร้อนมาก น้องชายเป็นนักศึกษาที่โรงเรียนไกลบ้าน", &b);
	cr_assert_str_eq(s, "= วัน นี้ อากาศ | r ดี > ร้อน | = มาก น้อง ชาย เป็น | "
	                    "r นักเรียน > นักศึกษา | = ที่ โรงเรียน | r ใกล้ > ไกล | = บ้าน");
	free(s);
	/* Without a breaker the graphemes the words share are kept: นัก of นักเรียน stays, and
	 * ก of ใกล้, so a word is split over three ops. */
	s = diff_ops(SENTENCE, "น้องชายเป็นนักเรียนที่โรงเรียนไกลบ้าน", NULL);
	cr_assert_not_null(strstr(s, "= ก"), "%s", s);
	free(s);
}

/* The dictionary only where lines changed (wordbreak.h): a run of a line both texts share, in
 * order, is one word, a phrase, and the breaker is not asked about it. */

/* The ops of a diff of a and bb with the breaker, and the runs it was asked about. */
static char *diff_lines(const char *a, const char *bb, bool minimal, int *calls)
{
	breaker b = {.answer = -1};
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.minimal = minimal;
	o.wordbreak = (rl_wordbreak){longest_match, &b};
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a, strlen(a), bb, strlen(bb), &o), RL_OK);
	char *s = ops_text(al);
	rl_alignment_free(al);
	*calls = b.calls;
	return s;
}

#define ENGLISH "The weather was fine and the whole family went out to the market early."
#define THAI2 "วันนี้อากาศดีมาก"

Test(wordbreak, an_edit_in_an_english_line_asks_the_breaker_nothing)
{
	int calls;
	char *s = diff_lines(SENTENCE "\n" ENGLISH "\n  " THAI2 " ดี\n",
	                     SENTENCE "\n" ENGLISH " Then it rained.\n  " THAI2 " ดี\n", false, &calls);
	cr_assert_eq(calls, 0, "no Thai line changed, yet the breaker was asked %d times", calls);
	/* The shared Thai lines are phrases, the same on both sides. */
	cr_assert(strncmp(s, "= " SENTENCE " The weather", strlen("= " SENTENCE " The weather")) == 0,
	          "%s", s);
	cr_assert_not_null(strstr(s, "| i Then it rained . | = " THAI2 " ดี"), "%s", s);
	free(s);
	/* Trailing whitespace and indentation do not unshare a line. */
	s = diff_lines(SENTENCE "  \nold\n", "\t" SENTENCE "\nnew\n", false, &calls);
	cr_assert_eq(calls, 0);
	cr_assert_str_eq(s, "= " SENTENCE " | r old > new");
	free(s);
}

Test(wordbreak, a_thai_edit_is_still_word_by_word_beside_shared_lines)
{
	int calls;
	char *s = diff_lines(THAI2 "\n" SENTENCE "\n" ENGLISH "\n",
	                     THAI2 "\nน้องชายเป็นนักเรียนที่โรงเรียนไกลบ้าน\n" ENGLISH "\n", false,
	                     &calls);
	cr_assert_eq(calls, 2, "the changed line, once a side: %d", calls);
	cr_assert(strncmp(s, "= " THAI2 " น้อง ชาย เป็น นักเรียน ที่ โรงเรียน | r ใกล้ > ไกล | = บ้าน",
	                  strlen("= " THAI2 " น้อง ชาย เป็น นักเรียน ที่ โรงเรียน | r ใกล้ > ไกล | = บ้าน")) == 0,
	          "%s", s);
	free(s);
	/* In a changed line, a run both texts have is a phrase too; the run that changed is
	 * broken. */
	s = diff_lines(THAI2 " " SENTENCE "\n", THAI2 " น้องชายเป็นนักเรียนที่โรงเรียนไกลบ้าน\n",
	               false, &calls);
	cr_assert_eq(calls, 2);
	cr_assert_str_eq(s, "= " THAI2 " น้อง ชาย เป็น นักเรียน ที่ โรงเรียน | r ใกล้ > ไกล | = บ้าน");
	free(s);
	/* A run split over two lines: neither is shared, so the words still match across the new
	 * line end. */
	s = diff_lines(THAI2 SENTENCE "\n", THAI2 "\n" SENTENCE "\n", false, &calls);
	cr_assert_eq(calls, 3);
	cr_assert_str_eq(s, "= วัน นี้ อากาศ ดี มาก น้อง ชาย เป็น นักเรียน ที่ โรงเรียน ใกล้ บ้าน");
	free(s);
}

Test(wordbreak, a_moved_or_repeated_thai_line_is_not_shared)
{
	/* Moved: out of the order of the lines found once on each side, so broken into words and
	 * found as a moved passage of words. */
	const char *e1 = "The first paragraph of English text is here and it is long enough to count.";
	const char *e2 = "A second paragraph of English stays where it was, as long as the first one.";
	char a[1024], b[1024];
	snprintf(a, sizeof a, "%s\n%s %s\n%s\n%s\n", e1, THAI2, SENTENCE, e2, ENGLISH);
	snprintf(b, sizeof b, "%s\n%s\n%s\n%s %s\n", e1, e2, ENGLISH, THAI2, SENTENCE);
	int calls;
	char *s = diff_lines(a, b, false, &calls);
	cr_assert_eq(calls, 2, "%d", calls);
	cr_assert_not_null(strstr(s, "m1 วัน นี้ อากาศ ดี มาก น้อง ชาย เป็น นักเรียน ที่ โรงเรียน ใกล้ บ้าน"),
	                   "%s", s);
	free(s);
	/* A run moved from one changed line to another past lines both texts share: broken on
	 * both sides, so its words are found as a move too. */
	snprintf(a, sizeof a, "ร้อน %s%s\n%s\n%s\n%s\nดีมาก\n", THAI2, SENTENCE, e1, e2, ENGLISH);
	snprintf(b, sizeof b, "ร้อน\n%s\n%s\n%s\nดีมาก %s%s\n", e1, e2, ENGLISH, THAI2, SENTENCE);
	s = diff_lines(a, b, false, &calls);
	cr_assert_eq(calls, 2, "%d: %s", calls, s);
	cr_assert_not_null(strstr(s, "m1 วัน นี้ อากาศ ดี มาก น้อง ชาย เป็น นักเรียน ที่ โรงเรียน ใกล้ บ้าน"),
	                   "%s", s);
	free(s);
	/* Repeated in NEW only: not shared (its count differs), so the copy is words on both
	 * sides and the inserted one is an insertion of words (asked about twice: NEW's last line
	 * takes OLD's tokens, skip.h). */
	s = diff_lines(ENGLISH "\n" SENTENCE "\n", ENGLISH "\n" SENTENCE "\n" SENTENCE "\n", false,
	               &calls);
	cr_assert_eq(calls, 2, "%d: %s", calls, s);
	cr_assert_str_eq(s, "= The weather was fine and the whole family went out to the market "
	                    "early . น้อง ชาย เป็น นักเรียน ที่ โรงเรียน ใกล้ บ้าน | "
	                    "i น้อง ชาย เป็น นักเรียน ที่ โรงเรียน ใกล้ บ้าน");
	free(s);
	/* Repeated as often on both sides: shared. */
	s = diff_lines(SENTENCE "\nx\n" SENTENCE "\n", SENTENCE "\ny\n" SENTENCE "\n", false, &calls);
	cr_assert_eq(calls, 0, "%d", calls);
	cr_assert_str_eq(s, "= " SENTENCE " | r x > y | = " SENTENCE);
	free(s);
}

/* A run a changed line copies from a line that stayed is broken in both: the copy's words are
 * the kept line's words. */
Test(wordbreak, a_run_copied_from_a_shared_line_is_broken_there_too)
{
	int calls;
	char *s = diff_lines(SENTENCE "\nold\n", SENTENCE "\nnew " SENTENCE "\n", false, &calls);
	cr_assert_geq(calls, 2, "%d", calls);
	cr_assert_str_eq(s, "= น้อง ชาย เป็น นักเรียน ที่ โรงเรียน ใกล้ บ้าน | r old > new น้อง ชาย "
	                    "เป็น นักเรียน ที่ โรงเรียน ใกล้ บ้าน");
	free(s);
}

Test(wordbreak, minimal_breaks_every_line)
{
	int calls;
	char *s = diff_lines(SENTENCE "\nold\n", SENTENCE "\nnew\n", true, &calls);
	cr_assert_eq(calls, 2, "--minimal is exact: every run broken (%d)", calls);
	cr_assert_str_eq(s, "= น้อง ชาย เป็น นักเรียน ที่ โรงเรียน ใกล้ บ้าน | r old > new");
	free(s);
}

/* The token of s (one run of Thai) under breaker b, which must make it one token. */
static rl_token one_token(const char *s, breaker *b, size_t *words)
{
	rl_wordbreak wb = {longest_match, b};
	rl_tokens *t;
	cr_assert_eq(rl_tokenize_wb(&t, s, strlen(s), &wb), RL_OK);
	cr_assert_eq(rl_tokens_count(t), 1);
	rl_token tk = rl_tokens_array(t)[0];
	*words = rl_tokens_words(t);
	rl_tokens_free(t);
	return tk;
}

/* A run the breaker finds no break in (a phrase both texts share) is merged whole, as a run
 * whose breaks all fall inside graphemes: the same token, its width the graphemes' sum, held at
 * RL_TOK_WIDE on a run wider than that. */
Test(wordbreak, a_run_without_a_break_is_the_token_a_merge_by_graphemes_makes)
{
	char wide[9 * 150 + 1] = "";
	for (size_t i = 0; i < 150; i++)
		strcat(wide, "ล้ก");  /* ล้: a consonant and its tone mark, one column */
	const char *runs[] = {"ใกล้บ้าน", SENTENCE, wide};
	for (size_t k = 0; k < sizeof runs / sizeof *runs; k++) {
		breaker whole = {.answer = 0}, inside = {.answer = 1, .fixed = {1}};
		size_t w1, w2;
		rl_token a = one_token(runs[k], &whole, &w1), b = one_token(runs[k], &inside, &w2);
		cr_assert(a.off == b.off && a.len == b.len && a.width == b.width && a.cls == b.cls &&
		          a.gap == b.gap && a.flags == b.flags, "run %zu", k);
		cr_assert_eq(w1, 1);
		cr_assert_eq(w2, 1);
		cr_assert_eq(a.len, strlen(runs[k]));
		cr_assert_eq(rl_token_width(runs[k], &a), rl_text_width(runs[k], a.len));
	}
}

/* The shared lines' breaker answers each run by the line it is in, whatever the order it is
 * asked in (it remembers the line of the last run asked about). */
Test(wordbreak, a_run_is_answered_by_its_line_in_any_order)
{
	const char *a = SENTENCE "\n" THAI2 "\nx\n" SENTENCE "\n" THAI2 " วันนี้ดีมาก\n";
	const char *b = SENTENCE "\n" THAI2 "\ny\n" SENTENCE "\n" THAI2 " ร้อน\n";
	/* The runs of OLD, by their byte offsets (each line's first run, then the last run). */
	size_t at[5], len[5], n = 0;
	for (const char *p = a; *p; p = strchr(p, '\n') + 1) {
		size_t l = strcspn(p, " \n");
		if (l > 1)
			at[n] = (size_t)(p - a), len[n++] = l;
	}
	at[n] = strlen(a) - strlen("วันนี้ดีมาก\n"), len[n++] = strlen("วันนี้ดีมาก");
	cr_assert_eq(n, 5);
	int first[5];
	const size_t order[2][5] = {{0, 1, 2, 3, 4}, {4, 2, 0, 3, 1}};
	for (int o = 0; o < 2; o++) {
		breaker inner = {.answer = -1};
		rl_wordbreak wb = {longest_match, &inner};
		rl_wb_lines lines;
		rl_wb_lines_init(&lines, &wb, a, strlen(a), b, strlen(b));
		rl_wordbreak side = rl_wb_lines_side(&lines, 0);
		for (size_t k = 0; k < n; k++) {
			size_t r = order[o][k];
			uint32_t breaks[64];
			int got = side.fn(side.ctx, RL_SCRIPT_THAI, a + at[r], len[r], breaks, 64);
			if (o == 0)
				first[r] = got;
			cr_assert_eq(got, first[r], "run %zu asked %zu-th", r, k);
		}
		rl_wb_lines_free(&lines);
	}
	cr_assert_eq(first[0], 0, "a shared line's run is one phrase");
	cr_assert_gt(first[4], 0, "a changed line's changed run is broken");
}

/* The breaker of a side of rl_wb_lines under another name: the tokenizer does not know it for
 * one (rl_wb_phrases), so every run goes through the merge, as before runs were made phrases in
 * the scan. */
static int side_proxy(void *ctx, rl_script script, const char *run, size_t len, uint32_t *breaks,
                      size_t max)
{
	const rl_wordbreak *wb = ctx;
	return wb->fn(wb->ctx, script, run, len, breaks, max);
}

/* Side s of a and b tokenized with the shared lines' breaker, phrases made in the scan or by the
 * merge: the same tokens, words and lines. */
static void same_both_ways(const char *a, const char *b, int s)
{
	rl_tokens *t[2];
	for (int way = 0; way < 2; way++) {
		breaker inner = {.answer = -1};
		rl_wordbreak wb = {longest_match, &inner};
		rl_wb_lines lines;
		rl_wb_lines_init(&lines, &wb, a, strlen(a), b, strlen(b));
		rl_wordbreak side = rl_wb_lines_side(&lines, s);
		rl_wordbreak proxy = {side_proxy, &side};
		const char *x = s ? b : a;
		cr_assert(rl_wb_phrases(&side) && !rl_wb_phrases(&proxy));
		cr_assert_eq(rl_tokenize_wb(&t[way], x, strlen(x), way ? &proxy : &side), RL_OK);
		rl_wb_lines_free(&lines);
	}
	size_t n = rl_tokens_count(t[0]), nl[2];
	bool lf[2];
	cr_assert_eq(n, rl_tokens_count(t[1]), "%s", s ? b : a);
	cr_assert_eq(rl_tokens_words(t[0]), rl_tokens_words(t[1]));
	cr_assert_eq(memcmp(rl_tokens_array(t[0]), rl_tokens_array(t[1]), n * sizeof(rl_token)), 0,
	             "%s", s ? b : a);
	const rl_tokline *l0 = rl_tokens_lines(t[0], &nl[0], &lf[0]);
	const rl_tokline *l1 = rl_tokens_lines(t[1], &nl[1], &lf[1]);
	cr_assert_eq(nl[0], nl[1]);
	cr_assert_eq(lf[0], lf[1]);
	for (size_t k = 0; k < nl[0]; k++)
		cr_assert(l0[k].t0 == l1[k].t0 && l0[k].width == l1[k].width && l0[k].h == l1[k].h);
	rl_tokens_free(t[0]);
	rl_tokens_free(t[1]);
}

/* Runs both texts share are made one token as they are scanned (token_thai.c, phrase_end): the
 * tokens the merge makes of their graphemes, whatever ends or starts the run: spaces,
 * punctuation, Thai's own signs (ๆ, ฯ), digits, Latin letters glued on, a mark of another script,
 * a hyphen joining two runs, a line start, the text's end, a run too long for the breaker. */
Test(wordbreak, a_phrase_made_as_scanned_is_the_token_the_merge_makes)
{
	static char longrun[6 * 4200 + 1];
	for (size_t i = 0; i < 4200; i++)
		strcat(longrun, i % 3 ? "ก" : "ล้");  /* 4,200 graphemes: past RL_WB_RUN_MAX */
	const char *shared[] = {
		SENTENCE, THAI2 " " SENTENCE ".", "  " THAI2 "ๆ" SENTENCE, "(" THAI2 ")ฯ" SENTENCE "ๆ",
		THAI2 "2026" SENTENCE, "ABC" THAI2 "def", THAI2 "\xCC\x81" SENTENCE, THAI2 "-" SENTENCE,
		"\xE2\x80\x99" THAI2 "\xE2\x80\x99s", THAI2 "中文" SENTENCE, "๑๒๓" THAI2, "ก", "กข",
		THAI2 "\xE2\x80\x8B" SENTENCE, "สวัสดีຄັບ" THAI2, longrun,
	};
	for (size_t k = 0; k < sizeof shared / sizeof *shared; k++) {
		static char a[4 * sizeof longrun], b[4 * sizeof longrun];
		snprintf(a, sizeof a, "%s\nold line\n%s\n" THAI2 "ดี\n", shared[k], shared[k]);
		snprintf(b, sizeof b, "%s\nnew line\n%s\n" THAI2 "ร้อน", shared[k], shared[k]);
		same_both_ways(a, b, 0);
		same_both_ways(a, b, 1);
	}
}

/* After a merge (or runs made phrases as scanned) the lines are renumbered, not measured again
 * (token_lines.c, rl_tk_finish_lines): they must still be the lines the tokens make, hashed and
 * measured alike (tokline_check.h), whatever the merge joined: a text starting with spaces,
 * a run wider than a token's width field holds (RL_TOK_WIDE), lines NEW copies from OLD,
 * Thai at a line's start and end, a blank line, CR LF. Tokenized with the plain breaker, with
 * the shared lines' breaker (phrases as scanned), and NEW like OLD with each. */
Test(wordbreak, the_lines_after_a_merge_are_the_lines_of_the_tokens)
{
	static char wide[3 * 300 + 1];
	for (size_t i = 0; i < 300; i++)
		strcat(wide, "ก");  /* 300 columns of Thai without a break: one token when a phrase */
	static char a[8192], b[8192];
	snprintf(a, sizeof a, "  " SENTENCE " x\n%s\n\n" THAI2 "ดี\r\nold " SENTENCE "\n%s.\n  "
	         THAI2, wide, wide);
	snprintf(b, sizeof b, "  " SENTENCE " x\n%s\n\n" THAI2 "ร้อน\r\nnew " SENTENCE "\n%s.\n"
	         "  " THAI2 " " SENTENCE, wide, wide);
	for (int way = 0; way < 2; way++) {
		breaker inner = {.answer = -1};
		rl_wordbreak plain = {longest_match, &inner};
		rl_wb_lines lines;
		rl_wb_lines_init(&lines, &plain, a, strlen(a), b, strlen(b));
		rl_wordbreak side[2] = {rl_wb_lines_side(&lines, 0), rl_wb_lines_side(&lines, 1)};
		rl_tokens *ta, *tb;
		cr_assert_eq(rl_tokenize_wb(&ta, a, strlen(a), way ? &side[0] : &plain), RL_OK);
		cr_assert_eq(rl_tokenize_like(&tb, b, strlen(b), way ? &side[1] : &plain, ta), RL_OK);
		const char *err = tokline_error(ta);
		cr_assert_null(err, "OLD, way %d: %s", way, err);
		err = tokline_error(tb);
		cr_assert_null(err, "NEW, way %d: %s", way, err);
		const rl_tokrun *runs;
		const rl_tokens *src;
		size_t nruns;
		runs = rl_tokens_runs(tb, &src, &nruns);
		cr_assert(runs && nruns > 0 && src == ta, "NEW copies lines of OLD");
		rl_tokens_free(tb);
		rl_tokens_free(ta);
		rl_wb_lines_free(&lines);
	}
}

/* The merge keeps the tokens no run starts at (none of the scripts a breaker splits) in a loop of
 * their own, moved only once a run before them merged, and the runs NEW copied from OLD land
 * where the merge puts them: NEW tokenized like OLD is, token for token, NEW scanned alone, and
 * each copied run's tokens are OLD's. Runs merge before English words, spaces and marks, before
 * a copied line, between two copied lines, and after the last one. */
Test(wordbreak, the_tokens_a_merge_keeps_and_the_runs_it_moves)
{
	const char *a = "kept line one\n\n" SENTENCE " kept two.\n\nold " THAI2 "\n\nlast kept\n";
	const char *b = SENTENCE " and words, then marks!\n\nkept line one\n\n" SENTENCE
	                " kept two.\n\nnew " SENTENCE " x\n\nlast kept\n\n" THAI2 " end";
	breaker inner = {.answer = -1};
	rl_wordbreak plain = {longest_match, &inner};
	rl_tokens *ta, *tb, *fresh;
	cr_assert_eq(rl_tokenize_wb(&ta, a, strlen(a), &plain), RL_OK);
	cr_assert_eq(rl_tokenize_like(&tb, b, strlen(b), &plain, ta), RL_OK);
	cr_assert_eq(rl_tokenize_wb(&fresh, b, strlen(b), &plain), RL_OK);
	size_t n = rl_tokens_count(fresh);
	cr_assert_eq(rl_tokens_count(tb), n);
	cr_assert_eq(rl_tokens_words(tb), rl_tokens_words(fresh));
	cr_assert_eq(memcmp(rl_tokens_array(tb), rl_tokens_array(fresh), n * sizeof(rl_token)), 0);
	const rl_tokens *src;
	size_t nruns;
	const rl_tokrun *runs = rl_tokens_runs(tb, &src, &nruns);
	cr_assert(runs && nruns >= 2 && src == ta, "NEW copies two stretches of OLD");
	const rl_token *va = rl_tokens_array(ta), *vb = rl_tokens_array(tb);
	for (size_t r = 0; r < nruns; r++)
		for (size_t k = 0; k < runs[r].n; k++) {
			const rl_token *x = &va[runs[r].s0 + k], *y = &vb[runs[r].t0 + k];
			cr_assert(x->len == y->len && x->cls == y->cls && x->flags == y->flags &&
			          memcmp(a + x->off, b + y->off, x->len) == 0, "run %zu, token %zu", r, k);
		}
	cr_assert_gt(inner.calls, 0, "runs were merged");
	const char *err = tokline_error(tb);
	cr_assert_null(err, "%s", err);
	rl_tokens_free(fresh);
	rl_tokens_free(tb);
	rl_tokens_free(ta);
}
