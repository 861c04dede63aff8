/* Tests for token.c: word boundaries, classes, gaps and line structure. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "status.h"
#include "token.h"

/* The tokens of s joined with '|', for compact assertions. */
static const char *split(const char *s)
{
	static char out[4096];
	rl_tokens *t;
	cr_assert_eq(rl_tokenize(&t, s, strlen(s)), RL_OK);
	const rl_token *v = rl_tokens_array(t);
	size_t k = 0;
	for (size_t i = 0; i < rl_tokens_count(t); i++) {
		if (i)
			out[k++] = '|';
		memcpy(out + k, s + v[i].off, v[i].len);
		k += v[i].len;
	}
	out[k] = '\0';
	rl_tokens_free(t);
	return out;
}

/* The gaps before each token, as digits. */
static const char *gaps(const char *s)
{
	static char out[1024];
	rl_tokens *t;
	cr_assert_eq(rl_tokenize(&t, s, strlen(s)), RL_OK);
	const rl_token *v = rl_tokens_array(t);
	size_t n = rl_tokens_count(t);
	for (size_t i = 0; i < n; i++)
		out[i] = (char)('0' + v[i].gap);
	out[n] = '\0';
	rl_tokens_free(t);
	return out;
}

Test(token, words_and_punctuation)
{
	cr_assert_str_eq(split("Hello, world!"), "Hello|,|world|!");
	cr_assert_str_eq(split("  leading and trailing  "), "leading|and|trailing");
	cr_assert_str_eq(split(""), "");
	cr_assert_str_eq(split(" \n\t "), "");
}

Test(token, apostrophes_and_hyphens_split_numbers_and_initials_join)
{
	/* A swap inside a compound ("century-old" -> "centuries-old") is one word: the parts are
	 * tokens of their own, glued by RL_GAP_NONE. */
	cr_assert_str_eq(split("Meta\xe2\x80\x99s open-source model"),
	                 "Meta|\xe2\x80\x99|s|open|-|source|model");
	cr_assert_str_eq(split("don't stop"), "don|'|t|stop");
	cr_assert_str_eq(split("grew 3.5 percent to 1,000 at 10:30"), "grew|3.5|percent|to|1,000|at|10:30");
	cr_assert_str_eq(split("the U.S. and e.g. this"), "the|U.S.|and|e.g.|this");
	cr_assert_str_eq(split("end. Next"), "end|.|Next");
	cr_assert_str_eq(split("www.example.com"), "www|.|example|.|com");
	cr_assert_str_eq(split("rock-"), "rock|-", "a trailing hyphen is not inner");
	cr_assert_str_eq(split("'quoted'"), "'|quoted|'");
	cr_assert_str_eq(split("students\xe2\x80\x99 union"), "students|\xe2\x80\x99|union");
}

Test(token, dash_and_dot_runs_are_one_token)
{
	cr_assert_str_eq(split("wait--no... yes"), "wait|--|no|...|yes");
	cr_assert_str_eq(split("a \xe2\x80\x94 b \xe2\x80\xa6"), "a|\xe2\x80\x94|b|\xe2\x80\xa6");
}

Test(token, classes_and_flags)
{
	rl_tokens *t;
	const char *s = "Alpha 42 , \xe4\xb8\xad";
	cr_assert_eq(rl_tokenize(&t, s, strlen(s)), RL_OK);
	const rl_token *v = rl_tokens_array(t);
	cr_assert_eq(rl_tokens_count(t), 4);
	cr_assert_eq(v[0].cls, RL_TOK_WORD);
	cr_assert(v[0].flags & RL_TF_UPPER);
	cr_assert(v[0].flags & RL_TF_ASCII);
	cr_assert(v[1].flags & RL_TF_DIGIT);
	cr_assert_eq(v[2].cls, RL_TOK_PUNCT);
	cr_assert(v[3].flags & RL_TF_SOLO);
	cr_assert_eq(v[3].width, 2);
	cr_assert_eq(rl_tokens_words(t), 3);
	rl_tokens_free(t);
}

Test(token, cjk_is_split_per_ideograph)
{
	/* 中文文本比较 */
	cr_assert_str_eq(split("\xe4\xb8\xad\xe6\x96\x87\xe6\xaf\x94\xe8\xbe\x83"),
	                 "\xe4\xb8\xad|\xe6\x96\x87|\xe6\xaf\x94|\xe8\xbe\x83");
	/* Kana too, and Latin inside stays a word. */
	cr_assert_str_eq(split("\xe3\x81\x82\xe3\x81\x84OK"), "\xe3\x81\x82|\xe3\x81\x84|OK");
}

Test(token, combining_marks_and_rtl_scripts_are_words)
{
	cr_assert_str_eq(split("cafe\xcc\x81 noir"), "cafe\xcc\x81|noir");
	/* Hebrew and Arabic words are ordinary words */
	cr_assert_str_eq(split("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd8\xb3\xd9\x84\xd8\xa7\xd9\x85"),
	                 "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d|\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85");
}

Test(token, emoji_zwj_sequences_are_one_token)
{
	const char *fam = "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7";
	char s[64];
	snprintf(s, sizeof s, "we %s ok", fam);
	char want[64];
	snprintf(want, sizeof want, "we|%s|ok", fam);
	cr_assert_str_eq(split(s), want);
}

Test(token, unicode_whitespace_separates)
{
	cr_assert_str_eq(split("a\xc2\xa0" "b\xe2\x80\x89" "c\xe3\x80\x80" "d"), "a|b|c|d");
}

Test(token, invalid_bytes_are_tokens_of_their_own)
{
	rl_tokens *t;
	const char s[] = "ab\xff\xfe" "cd";
	cr_assert_eq(rl_tokenize(&t, s, sizeof s - 1), RL_OK);
	const rl_token *v = rl_tokens_array(t);
	cr_assert_eq(rl_tokens_count(t), 4);
	cr_assert(v[1].flags & RL_TF_INVALID);
	cr_assert_eq(v[1].len, 1);
	cr_assert_eq(v[1].width, 4, "drawn as \\xff");
	size_t covered = 0;
	for (size_t i = 0; i < 4; i++)
		covered += v[i].len;
	cr_assert_eq(covered, sizeof s - 1, "nothing dropped");
	rl_tokens_free(t);
}

Test(token, nul_and_controls_are_escaped_tokens)
{
	rl_tokens *t;
	const char s[] = "a\0b\x1b[2Jc";
	cr_assert_eq(rl_tokenize(&t, s, sizeof s - 1), RL_OK);
	const rl_token *v = rl_tokens_array(t);
	cr_assert(v[1].flags & RL_TF_ESCAPE);
	cr_assert_eq(v[1].width, 2, "^@");
	rl_tokens_free(t);
}

Test(token, gaps_record_spaces_lines_and_paragraphs)
{
	/* 0 none, 1 space, 2 soft line, 3 hard line, 4 paragraph */
	cr_assert_str_eq(gaps("a b,c\n\nd"), "01004");
	cr_assert_str_eq(gaps("a\r\n\r\nb"), "04", "CRLF blank line");
	cr_assert_str_eq(gaps("a\r\rb"), "04", "CR-only blank line");
	cr_assert_str_eq(gaps("a\n  \t\nb"), "04", "a line of spaces is blank");
	cr_assert_str_eq(gaps("a\fb"), "04", "form feed");
}

Test(token, a_leading_bom_is_not_text)
{
	cr_assert_str_eq(split("\xef\xbb\xbfHello"), "Hello");
	cr_assert_str_eq(split("a \xef\xbb\xbf b"), "a|\xef\xbb\xbf|b", "a BOM inside text is shown");
}

Test(token, hard_wrapped_prose_has_soft_line_ends)
{
	const char *s =
		"The quick brown fox jumps over the lazy dog and keeps running far\n"
		"away from the farm where it was born, past the river and the mill,\n"
		"until the night falls.\n";
	/* every line end inside the paragraph is soft (2) */
	const char *g = gaps(s);
	cr_assert_null(strchr(g, '3'), "%s", g);
	cr_assert_not_null(strchr(g, '2'));
}

Test(token, list_items_and_short_lines_are_hard_line_ends)
{
	const char *s =
		"Results of the meeting held today at the town hall were\n"
		"- the budget passed after a long and difficult debate\n"
		"- the library will open on Sundays from next month onwards\n"
		"Short heading\n"
		"The quick brown fox jumps over the lazy dog and keeps running far\n";
	rl_tokens *t;
	cr_assert_eq(rl_tokenize(&t, s, strlen(s)), RL_OK);
	const rl_token *v = rl_tokens_array(t);
	size_t hard = 0;
	for (size_t i = 0; i < rl_tokens_count(t); i++)
		hard += v[i].gap == RL_GAP_BREAK;
	cr_assert_eq(hard, 4, "two bullets, the line after a short heading, the line after the list");
	rl_tokens_free(t);
}

Test(token, long_lines_are_not_hard_wrapped)
{
	char s[2048] = "";
	for (int i = 0; i < 3; i++) {
		strcat(s, "This line is one whole paragraph and it runs much longer than any wrap width a "
		          "person would choose for prose, so its end is a real line end.\n");
	}
	const char *g = gaps(s);
	cr_assert_null(strchr(g, '2'), "no soft line ends: %s", g);
}

Test(token, a_short_line_above_long_paragraphs_is_a_hard_line_end)
{
	/* Wiki text: a category line on its own above one-paragraph-per-line text. The only lines
	 * that end in a single line break are short, but the paragraphs run past any wrap width:
	 * the text is not hard-wrapped, and the category line ends where it stands. */
	const char *s =
		"[[Category:Lakes of the northern fells]]\n"
		"'''Fenwick Tarn''' is a small upland lake in the northern fells, fed by two becks and "
		"drained by a third.\n\n"
		"== History ==\n"
		"The tarn was dammed in 1884 to supply the mills at Holmby, and the dam was raised again "
		"in 1921 after a dry summer.\n";
	const char *g = gaps(s);
	cr_assert_null(strchr(g, '2'), "no soft line ends: %s", g);
}

/* The tokens of s with each one's class, width and flags, as "text:cls:width:flags" joined with
 * '|', for the byte-level fast paths below. */
static const char *described(const char *s, size_t n)
{
	static char out[4096];
	rl_tokens *t;
	cr_assert_eq(rl_tokenize(&t, s, n), RL_OK);
	const rl_token *v = rl_tokens_array(t);
	size_t k = 0;
	for (size_t i = 0; i < rl_tokens_count(t); i++) {
		if (i)
			out[k++] = '|';
		memcpy(out + k, s + v[i].off, v[i].len);
		k += v[i].len;
		k += (size_t)snprintf(out + k, sizeof out - k, ":%u:%u:%x", v[i].cls, v[i].width,
		                      v[i].flags);
	}
	out[k] = '\0';
	rl_tokens_free(t);
	return out;
}

/* The ASCII fast paths (a run of letters and digits read from the class table, a word ended by a
 * space or a mark that never joins, one-byte graphemes read inline) stop where the grapheme rules
 * must decide: before a byte >= 0x80 that may be a combining mark, at the joiners . , : and at the
 * end of the text. flags: 1 ASCII, 0x10 upper, 0x20 digit, 0x80 glued; cls 0 word, 1 punctuation. */
Test(token, ascii_fast_paths_stop_where_graphemes_decide)
{
	cr_assert_str_eq(described("Word;", 5), "Word:0:4:11|;:1:1:1");
	cr_assert_str_eq(described("x", 1), "x:0:1:1", "a word at the very end");
	cr_assert_str_eq(described("42)", 3), "42:0:2:21|):1:1:1");
	/* e + COMBINING ACUTE: the mark joins the last letter, and the word is no longer ASCII. */
	cr_assert_str_eq(described("cafe\xcc\x81 bar", 10), "cafe\xcc\x81:0:4:0|bar:0:3:1");
	/* A letter before a precomposed é: both in the word, the ASCII run cut before it. */
	cr_assert_str_eq(described("ab\xc3\xa9z", 5), "ab\xc3\xa9z:0:4:0");
	/* Joiners between digits and after initials are read by the general path. */
	cr_assert_str_eq(described("10:30,5 U.S.", 12), "10:30,5:0:7:21|U.S.:0:4:11");
	cr_assert_str_eq(described("end.", 4), "end:0:3:1|.:1:1:1");
	/* An apostrophe and a hyphen split, the second part glued. */
	cr_assert_str_eq(described("it's ok-go", 10), "it:0:2:1|':1:1:1|s:0:1:81|ok:0:2:1|-:1:1:1|go:0:2:81");
	/* A tab, a CR LF and a control byte are read as graphemes, not as ASCII text. */
	cr_assert_str_eq(gaps("a\tb\r\nc\x01"), "0120");
	cr_assert_str_eq(described("a\x01", 2), "a:0:1:1|\x01:1:2:2");
	/* Punctuation followed by a combining mark is one grapheme, not ASCII. */
	cr_assert_str_eq(described("(\xcc\x81", 3), "(\xcc\x81:1:1:0");
	cr_assert_str_eq(described("--\xcc\x81", 4), "-:1:1:1|-\xcc\x81:1:1:0");
}

/* A token array of 20,000 tokens, and a word as long as the text: the array grows, widths add up. */
Test(token, long_texts_and_long_words)
{
	size_t n = 60000;
	char *s = malloc(n);
	for (size_t i = 0; i < n; i++)
		s[i] = i % 3 == 2 ? ' ' : (char)('a' + i % 26);
	rl_tokens *t;
	cr_assert_eq(rl_tokenize(&t, s, n), RL_OK);
	cr_assert_eq(rl_tokens_count(t), 20000);
	cr_assert_eq(rl_tokens_words(t), 20000);
	rl_tokens_free(t);
	memset(s, 'q', n);
	cr_assert_eq(rl_tokenize(&t, s, n), RL_OK);
	cr_assert_eq(rl_tokens_count(t), 1);
	cr_assert_eq(rl_tokens_array(t)[0].width, n);
	rl_tokens_free(t);
	free(s);
}
