/* Tests for token.c: word boundaries, classes, gaps and line structure. */
#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"
#include "text.h"
#include "token.h"
#include "tokline_check.h"

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

Test(token, apostrophes_hyphens_and_number_marks_split_initials_join)
{
	/* A swap inside a compound ("century-old" -> "centuries-old") is one word: the parts are
	 * tokens of their own, glued by RL_GAP_NONE. */
	cr_assert_str_eq(split("Meta\xe2\x80\x99s open-source model"),
	                 "Meta|\xe2\x80\x99|s|open|-|source|model");
	cr_assert_str_eq(split("don't stop"), "don|'|t|stop");
	/* A number too: "5.26" -> "5.28" keeps "5."; its later parts are glued (below). */
	cr_assert_str_eq(split("grew 3.5 percent to 1,000 at 10:30"),
	                 "grew|3|.|5|percent|to|1|,|000|at|10|:|30");
	cr_assert_str_eq(split("the U.S. and e.g. this"), "the|U.S.|and|e.g.|this");
	cr_assert_str_eq(split("end. Next"), "end|.|Next");
	cr_assert_str_eq(split("www.example.com"), "www|.|example|.|com");
	cr_assert_str_eq(split("rock-"), "rock|-", "a trailing hyphen is not inner");
	cr_assert_str_eq(split("'quoted'"), "'|quoted|'");
	cr_assert_str_eq(split("students\xe2\x80\x99 union"), "students|\xe2\x80\x99|union");
}

/* A soft hyphen (U+00AD) between letters is part of the word, so that a copy of a page with
 * them is the same text as one without (the key leaves it out, test_intern); elsewhere it stays
 * an escape of its own. The word is as wide as drawn: the escape "<U+00AD>" inside it. */
Test(token, a_soft_hyphen_inside_a_word_is_part_of_it)
{
	cr_assert_str_eq(split("a jig\xc2\xadsaw puzzle"), "a|jig\xc2\xadsaw|puzzle");
	cr_assert_str_eq(split("Str\xc3\xa4\xc2\xadn\xc2\xad" "de"), "Str\xc3\xa4\xc2\xadn\xc2\xad" "de",
	                 "after a letter of two bytes, twice");
	cr_assert_str_eq(split("jig\xc2\xad saw"), "jig|\xc2\xad|saw", "at a word's end");
	cr_assert_str_eq(split("\xc2\xadsaw"), "\xc2\xad|saw", "at a word's start");
	cr_assert_str_eq(split("jig\xc2\xad\xc2\xadsaw"), "jig|\xc2\xad|\xc2\xad|saw", "two");
	cr_assert_str_eq(split("jig\xc2\xad-saw"), "jig|\xc2\xad|-|saw", "before a hyphen");
	rl_tokens *t;
	const char *s = "jig\xc2\xadsaw";
	cr_assert_eq(rl_tokenize(&t, s, strlen(s)), RL_OK);
	const rl_token *v = rl_tokens_array(t);
	cr_assert_eq(rl_tokens_count(t), 1);
	cr_assert_eq(v[0].cls, RL_TOK_WORD);
	cr_assert_eq(v[0].flags & RL_TF_ASCII, 0);
	cr_assert_eq(rl_token_width(s, &v[0]), 6 + strlen("<U+00AD>"));
	cr_assert_eq(rl_token_width(s, &v[0]), rl_text_width(s, strlen(s)));
	cr_assert_eq(rl_tokens_words(t), 1);
	rl_tokens_free(t);
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

Test(token, prose_wrapped_wide_has_soft_line_ends)
{
	/* Wrapped past 100 columns, but every line end falls inside a sentence (a word before it, a
	 * lower-case word after it): prose, whose line ends mean nothing. */
	const char *s =
		"The harbour committee met on Tuesday to discuss the state of the northern pier and its "
		"lamps. Its members agreed that the old\n"
		"timber props fulfil a rather distinct function than the iron beams, so everyone reckoned "
		"the borough ought to weigh\n"
		"numerous choices prior to spending money on repairs. The chair asked the engineer to "
		"report back to the board in\n"
		"a month.\n";
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

Test(token, a_short_word_and_its_stop_starting_a_line_are_no_list_marker)
{
	/* Hard-wrapped prose whose lines start with a sentence's last short word and its stop
	 * ("do. I", "Mr. Penrose"): no "1. " or "b) " marker, so no line end here is hard. A
	 * number, a letter or a roman numeral before its stop still starts an item. */
	const char *s =
		"The keeper said that the lamp had been lit every night since the war, and\n"
		"so. It was a long time, and there was nothing left in the house to burn or\n"
		"do. She held the lantern while the keeper climbed the stair to the gallery\n"
		"Mr. Penrose of the harbour board had sent a boy with oil and a note that\n"
		"said the ship would come on the morning tide if the weather held for them.\n";
	const char *g = gaps(s);
	cr_assert_null(strchr(g, '3'), "%s", g);
	const char *items =
		"The lines of the rule that the committee agreed at its meeting are these,\n"
		"ii. members shall pay their fees before the first day of the new season\n"
		"b. no boat shall leave the boathouse after dark without a lamp aboard it\n"
		"12. the captain may close the river to juniors when the water runs high\n";
	g = gaps(items);
	size_t hard = 0;
	for (const char *c = g; *c; c++)
		hard += *c == '3';
	cr_assert_eq(hard, 3, "%s", g);
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

/* The gap before the first token of each line of s that starts with `mark`, as digits. */
static const char *line_gaps(const char *s, char mark)
{
	static char out[256];
	rl_tokens *t;
	cr_assert_eq(rl_tokenize(&t, s, strlen(s)), RL_OK);
	const rl_token *v = rl_tokens_array(t);
	size_t k = 0;
	for (size_t i = 1; i < rl_tokens_count(t) && k + 1 < sizeof out; i++)
		if (v[i].gap >= RL_GAP_LINE && s[v[i].off] == mark)
			out[k++] = (char)('0' + v[i].gap);
	out[k] = '\0';
	rl_tokens_free(t);
	return out;
}

Test(token, wiki_table_rows_are_lines_of_their_own)
{
	/* A wiki page whose table rows (short lines) outnumber its paragraphs (one a line, past any
	 * wrap width): the lines look wrapped at the rows' width, and a row as wide as most of them
	 * (the first cell of each row, ending in two spaces) once made the line end after it soft:
	 * the next row was drawn on its line. Every row starts a line a reader sees. */
	const char *s =
		"'''Mara Quell''' (born 1931) was a stage and screen actor best known for playing "
		"lighthouse keepers, ferry captains and, late in her career, a long run of grandmothers.\n"
		"\n"
		"==Television==\n"
		"{| class=\"wikitable\"\n"
		"!Title\n"
		"!Year\n"
		"!Role\n"
		"|-\n"
		"|''[[The Harbour Light (TV series)|The Harbour Light]]''  \n"
		"|1958 \n"
		"|Keeper Anna Vell\n"
		"|\"The Long Night\"\n"
		"|-\n"
		"|''[[Ferry Crossing (TV series)|Ferry Crossing]]''  \n"
		"|1961 \n"
		"|Captain Mags Orrin\n"
		"|12 episodes\n"
		"|-\n"
		"|''[[Northern Lights (1966 TV series)|Northern Lights]]''\n"
		"|1966\n"
		"|Grandmother\n"
		"|\n"
		"|}\n";
	cr_assert_str_eq(line_gaps(s, '|'), "3333333333333333", "every row: a hard line end");
	cr_assert_str_eq(line_gaps(s, '!'), "333");
}

Test(token, link_and_indent_lines_start_hard_after_a_line_that_ends_a_sentence)
{
	/* Category and indented lines under one-paragraph-per-line text start lines of their own;
	 * a link that carries a hard-wrapped sentence on ("... the\n[[Lake ...]]") does not, nor
	 * does a mark wrapped onto the next line ("Bonjour\n! Comment", "copied_list\n= original"). */
	const char *wiki =
		"The stage names of the stories, as one actor told them:\n"
		": Stage one: \"Who is Mara Quell?\"\n"
		": Stage two: \"Get me Mara Quell.\"\n"
		"[[Category:Stage actors of the northern coast]]\n"
		"[[Category:Screen actors of the northern coast]]\n"
		"[[Category:People from Holmby]]\n"
		"[[Category:Lighthouse keepers in fiction]]\n"
		"[[Category:1931 births]]\n";
	cr_assert_str_eq(line_gaps(wiki, ':'), "33");
	cr_assert_str_eq(line_gaps(wiki, '['), "33333");
	const char *prose =
		"The ferry left the quay at dawn and crossed to the island where the\n"
		"[[Holmby Light]] stands above the old harbour wall, and the crew said\n"
		"bonjour to the keeper who waved at them from the gallery: Bonjour\n"
		"! Comment allez-vous ce matin, dit-il, et le vent est-il bon pour vous? The log\n"
		"keeps a copy of the list of ships that called, for example, copied_list\n"
		"= original_list[:], which the harbour master reads out every evening.\n";
	cr_assert_str_eq(line_gaps(prose, '['), "2");
	cr_assert_str_eq(line_gaps(prose, '!'), "2");
	cr_assert_str_eq(line_gaps(prose, '='), "2");
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
	/* The marks of a number split it, its later parts glued (0x80) and counted with the first;
	 * the dots of initials are read by the general path. */
	cr_assert_str_eq(described("10:30,5 U.S.", 12),
	                 "10:0:2:21|::1:1:1|30:0:2:a1|,:1:1:1|5:0:1:a1|U.S.:0:4:11");
	cr_assert_str_eq(described("five.26", 7), "five:0:4:1|.:1:1:1|26:0:2:a1",
	                 "a number's first part written out keeps its later parts");
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
	cr_assert_eq(rl_tokens_array(t)[0].width, RL_TOK_WIDE, "too wide for the record");
	cr_assert_eq(rl_token_width(s, &rl_tokens_array(t)[0]), n, "measured from the text");
	rl_tokens_free(t);
	free(s);
}

/* The token array's first capacity is 256 tokens on a text of at most 513 bytes: the token that
 * finds it full (put_token's rare path grows it) is the second part of a compound in one text
 * and starts a line in the other; each is recorded as when there is room. */
Test(token, the_token_that_fills_the_array_is_glued_or_starts_a_line_as_any_other)
{
	char s[600];
	size_t n = 0;
	for (int i = 0; i < 254; i++)
		n += (size_t)sprintf(s + n, "a ");
	n += (size_t)sprintf(s + n, "b's");  /* tokens 254, 255, 256: b ' s */
	rl_tokens *t;
	cr_assert_eq(rl_tokenize(&t, s, n), RL_OK);
	const rl_token *v = rl_tokens_array(t);
	cr_assert_eq(rl_tokens_count(t), 257);
	cr_assert_eq(rl_tokens_words(t), 255, "b's is one word");
	cr_assert(v[256].flags & RL_TF_GLUED);
	cr_assert(v[256].flags & RL_TF_ASCII);
	cr_assert_eq(v[256].gap, RL_GAP_NONE);
	cr_assert_eq(v[256].off, n - 1);
	size_t nl;
	bool lf_only;
	rl_tokens_lines(t, &nl, &lf_only);
	cr_assert_eq(nl, 1);
	rl_tokens_free(t);

	n = 0;
	for (int i = 0; i < 256; i++)
		n += (size_t)sprintf(s + n, i < 255 ? "a " : "a");
	n += (size_t)sprintf(s + n, "\nZ");  /* token 256 starts the second line */
	cr_assert_eq(rl_tokenize(&t, s, n), RL_OK);
	v = rl_tokens_array(t);
	cr_assert_eq(rl_tokens_count(t), 257);
	cr_assert_eq(rl_tokens_words(t), 257);
	cr_assert_geq(v[256].gap, RL_GAP_LINE);
	cr_assert(v[256].flags & RL_TF_UPPER);
	const rl_tokline *l = rl_tokens_lines(t, &nl, &lf_only);
	cr_assert_eq(nl, 2);
	cr_assert_eq(l[1].t0, 256);
	cr_assert_eq(l[1].width, 1);
	cr_assert_eq(l[0].width, 511);
	rl_tokens_free(t);
}

/* Letters of two bytes that stand alone (Latin-1, Greek, Cyrillic) are read in runs without the
 * grapheme rules: a mark after the last one still joins it, a sign that is not a letter still
 * ends the word, and widths and flags are those of the general path. */
Test(token, runs_of_two_byte_letters_stop_where_a_mark_or_a_sign_follows)
{
	cr_assert_str_eq(split("\xd0\xbc\xd0\xb8\xd1\x80\xcc\x81\xd0\xbe\xd0\xb2 next"),
	                 "\xd0\xbc\xd0\xb8\xd1\x80\xcc\x81\xd0\xbe\xd0\xb2|next");
	cr_assert_str_eq(split("\xc3\xa9t\xc3\xa9\xc3\x97\xce\xb1\xce\xb2"),
	                 "\xc3\xa9t\xc3\xa9|\xc3\x97|\xce\xb1\xce\xb2");
	cr_assert_str_eq(split("\xd0\x96\xd0\xb8\xd0\xb7\xd0\xbd\xd1\x8c, \xce\xa9\xce\xb1.\xce\xb2"),
	                 "\xd0\x96\xd0\xb8\xd0\xb7\xd0\xbd\xd1\x8c|,|\xce\xa9\xce\xb1|.|\xce\xb2");
	cr_assert_str_eq(split("\xd0\xb0\xd2\x83\xd0\xb1 \xc3\xbf\xd4\xb1"),
	                 "\xd0\xb0\xd2\x83\xd0\xb1|\xc3\xbf\xd4\xb1");
	rl_tokens *t;
	const char *s = "\xd0\x96\xd0\xb8\xd0\xb7\xd0\xbd\xd1\x8c \xd0\xbc\xd0\xb8\xd1\x80\xcc\x81";
	cr_assert_eq(rl_tokenize(&t, s, strlen(s)), RL_OK);
	const rl_token *v = rl_tokens_array(t);
	cr_assert_eq(rl_tokens_count(t), 2);
	cr_assert(v[0].width == 5 && v[0].flags == RL_TF_UPPER, "width %u flags %x", v[0].width,
	          v[0].flags);
	cr_assert(v[1].width == 3 && v[1].flags == 0, "width %u flags %x", v[1].width, v[1].flags);
	rl_tokens_free(t);
}

/* The lines the tokenizer finds, hashes and measures as it goes (rl_tokens_lines) are those its
 * tokens make, on texts with every kind of line end and on random bytes; and a text tokenized
 * copying the lines of another has the lines, widths and hashes it has tokenized afresh. */
static void expect_lines(const char *s, size_t n, size_t nlines, bool lf_only)
{
	rl_tokens *t, *u;
	cr_assert_eq(rl_tokenize(&t, s, n), RL_OK);
	const char *err = tokline_error(t);
	cr_assert_null(err, "%s in \"%s\"", err, described(s, n));
	size_t nl;
	bool lf;
	rl_tokens_lines(t, &nl, &lf);
	if (nlines != SIZE_MAX)
		cr_assert(nl == nlines && lf == lf_only, "%zu lines (LF only %d) in \"%s\"", nl, lf,
		          described(s, n));
	cr_assert_eq(rl_tokenize_like(&u, s, n, NULL, t), RL_OK);
	err = tokline_error(u);
	cr_assert_null(err, "copied: %s in \"%s\"", err, described(s, n));
	rl_tokens_free(u);
	rl_tokens_free(t);
}

Test(token, lines_are_found_hashed_and_measured_as_the_tokens_say)
{
	static const char *const texts[] = {
		"", "   ", "\n\n", "one", " one leading space", "\n\nafter two line feeds",
		"a wrapped paragraph that goes on\nand on for a second line\n\nthen another one here\n",
		"CR LF lines that are long enough\r\nare one line end each\r\n\r\nand a blank line\r\n",
		"a CR alone\rends a line\n", "vertical\vtab", "form\ffeed", "next\xc2\x85line",
		"line\xe2\x80\xa8separator", "para\xe2\x80\xa9separator",
		"  indented   spaces\tand tabs   \n  count one column a gap\n",
		"wide \xe7\x81\xaf\xe5\xa1\x94 Han and \xe0\xb8\xaa\xe0\xb8\xa7\xe0\xb8\xb1 Thai\nnext",
		"\xef\xbb\xbf" "a byte-order mark, then a line\nand the next",
		"bad \xff bytes \x1b[1m and escapes\n\x01\n",
	};
	static const size_t nlines[] = {0, 0, 0, 1, 1, 1, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
	static const bool lf[] = {true, true, true, true, true, true, true, true, false, false,
	                          false, false, false, false, true, true, true, true};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		expect_lines(texts[i], strlen(texts[i]), nlines[i], lf[i]);

	/* Random bytes weighted to line ends, spaces, letters and UTF-8. */
	static const char *const bits[] = {"\n", "\r\n", "\r", " ", "\t", "word", "Ab", "\xc3\xa9",
	                                   "\xe0\xb8\xaa", "\xe7\x81\xaf", "\xe2\x80\xa8", "\x0c",
	                                   "\xff", "-", ".", "1,0", "\xcc\x81", "\n\n", "long words"};
	char buf[512];
	uint32_t x = 12345;
	for (int round = 0; round < 2000; round++) {
		size_t n = 0;
		while (n < sizeof buf - 16) {
			x = x * 1103515245u + 12345u;
			uint32_t r = x >> 16;
			if (r % 11 == 0) {
				buf[n++] = (char)(r >> 4);  /* any byte */
			} else {
				const char *b = bits[(r >> 4) % (sizeof bits / sizeof *bits)];
				memcpy(buf + n, b, strlen(b));
				n += strlen(b);
			}
			if ((r >> 8) % 97 == 0)
				break;
		}
		expect_lines(buf, n, SIZE_MAX, false);
	}
}

/* The paths past ASCII that read no grapheme through rl_grapheme_next (letters of Latin, Greek,
 * Cyrillic and the Indic scripts with their marks, graphemes of Han and Thai, symbols) give
 * what the grapheme reader gives, and hand over to it where the rules need more: marks after
 * ASCII and Cyrillic, a joiner between letters and in an emoji, a virama before a joiner,
 * invalid bytes, format characters. flags: 1 ASCII, 2 escape, 4 invalid, 8 solo, 0x10 upper,
 * 0x20 digit, 0x80 glued. */
Test(token, non_ascii_fast_paths_read_what_the_grapheme_reader_reads)
{
#define DESCRIBED(s) described(s, sizeof s - 1)
	/* Latin-1: Café naïve Über été-à */
	cr_assert_str_eq(DESCRIBED("Caf\xc3\xa9 na\xc3\xafve \xc3\x9c" "ber \xc3\xa9t\xc3\xa9-\xc3\xa0"),
	                 "Caf\xc3\xa9:0:4:10|na\xc3\xafve:0:5:0|\xc3\x9c" "ber:0:4:10|"
	                 "\xc3\xa9t\xc3\xa9:0:3:0|-:1:1:1|\xc3\xa0:0:1:80");
	/* Cyrillic and Greek, upper-case first letters. */
	cr_assert_str_eq(DESCRIBED("\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0, "
	                           "\xd1\x91\xd0\xbb\xd0\xba\xd0\xb0."),
	                 "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0:0:6:10|,:1:1:1|"
	                 "\xd1\x91\xd0\xbb\xd0\xba\xd0\xb0:0:4:0|.:1:1:1");
	cr_assert_str_eq(DESCRIBED("\xce\x86\xce\xbb\xcf\x86\xce\xb1 \xcf\x89\xcf\x82"),
	                 "\xce\x86\xce\xbb\xcf\x86\xce\xb1:0:4:10|\xcf\x89\xcf\x82:0:2:0");
	/* Combining marks after Cyrillic and ASCII letters: one column per base. */
	cr_assert_str_eq(DESCRIBED("\xd0\xb8\xcc\x86 a\xcc\x81\xcc\x80z \xd0\x96\xcc\x81"),
	                 "\xd0\xb8\xcc\x86:0:1:0|a\xcc\x81\xcc\x80z:0:2:0|\xd0\x96\xcc\x81:0:1:10");
	/* A no-break space separates. */
	cr_assert_str_eq(DESCRIBED("one\xc2\xa0two\xc2\xa0\xd0\xb4\xd0\xb0"),
	                 "one:0:3:0|two:0:3:0|\xd0\xb4\xd0\xb0:0:2:0");
	cr_assert_str_eq(gaps("one\xc2\xa0two\xc2\xa0\xd0\xb4\xd0\xb0"), "011");
	/* A ZWJ emoji sequence is one symbol; a joiner between letters is an escape of its own. */
	cr_assert_str_eq(DESCRIBED("hi \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
	                           "\xf0\x9f\x91\xa7 ok"),
	                 "hi:0:2:1|\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
	                 "\xf0\x9f\x91\xa7:1:2:0|ok:0:2:1");
	cr_assert_str_eq(DESCRIBED("ab\xe2\x80\x8d" "cd \xd0\xb0\xe2\x80\x8d\xd0\xb1"),
	                 "ab:0:2:0|\xe2\x80\x8d:1:8:2|cd:0:2:1|\xd0\xb0:0:1:0|\xe2\x80\x8d:1:8:2|"
	                 "\xd0\xb1:0:1:0");
	/* Invalid bytes, alone and inside a Cyrillic word or a cut sequence. */
	cr_assert_str_eq(DESCRIBED("x\xff y\xc3 \xd0\xb0\x80\xd0\xb1 \xe0\xa4"),
	                 "x:0:1:1|\xff:1:4:6|y:0:1:1|\xc3:1:4:6|\xd0\xb0:0:1:0|\x80:1:4:6|"
	                 "\xd0\xb1:0:1:0|\xe0:1:4:6|\xa4:1:4:6");
	/* Devanagari: a conjunct (virama) and a virama before a joiner. */
	cr_assert_str_eq(DESCRIBED("\xe0\xa4\xb9\xe0\xa4\xbf\xe0\xa4\xa8\xe0\xa5\x8d\xe0\xa4\xa6"
	                           "\xe0\xa5\x80 \xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8d\xe0\xa4\xb7"),
	                 "\xe0\xa4\xb9\xe0\xa4\xbf\xe0\xa4\xa8\xe0\xa5\x8d\xe0\xa4\xa6\xe0\xa5\x80:0:3:0|"
	                 "\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8d\xe0\xa4\xb7:0:2:0");
	/* Han one word per ideograph, full-width punctuation two columns. */
	cr_assert_str_eq(DESCRIBED("\xe4\xb8\xad\xe6\x96\x87\xef\xbc\x8c\xe3\x80\x8c\xe6\x97\xa5"
	                           "\xe3\x80\x8d\xe3\x80\x82"),
	                 "\xe4\xb8\xad:0:2:8|\xe6\x96\x87:0:2:8|\xef\xbc\x8c:1:2:0|\xe3\x80\x8c:1:2:0|"
	                 "\xe6\x97\xa5:0:2:8|\xe3\x80\x8d:1:2:0|\xe3\x80\x82:1:2:0");
	/* Quotes and dashes past ASCII; x and / signs of Latin-1 are not letters. */
	cr_assert_str_eq(DESCRIBED("\xc2\xab\xd0\x94\xd0\xb0\xc2\xbb \xe2\x80\x94 \xe2\x80\x9cWord"
	                           "\xe2\x80\x9d"),
	                 "\xc2\xab:1:1:0|\xd0\x94\xd0\xb0:0:2:10|\xc2\xbb:1:1:0|\xe2\x80\x94:1:1:0|"
	                 "\xe2\x80\x9c:1:1:0|Word:0:4:10|\xe2\x80\x9d:1:1:0");
	cr_assert_str_eq(DESCRIBED("\xc3\x97\xc3\xb7 a\xc3\x97" "b"),
	                 "\xc3\x97:1:1:0|\xc3\xb7:1:1:0|a:0:1:0|\xc3\x97:1:1:0|b:0:1:1");
	/* Digits and the joiners of initials after Cyrillic letters. */
	cr_assert_str_eq(DESCRIBED("\xd0\x90\xd0\x91\xd0\x92 \xd0\x90" "1 1\xd0\xb0 \xd0\xb0.\xd0\xb1."),
	                 "\xd0\x90\xd0\x91\xd0\x92:0:3:10|\xd0\x90" "1:0:2:10|1\xd0\xb0:0:2:20|"
	                 "\xd0\xb0.\xd0\xb1.:0:4:0");
	/* Thai without a word breaker: one word per grapheme. */
	cr_assert_str_eq(DESCRIBED("\xe0\xb8\xa0\xe0\xb8\xb2\xe0\xb8\xa9\xe0\xb8\xb2 \xe0\xb9\x84"),
	                 "\xe0\xb8\xa0:0:1:8|\xe0\xb8\xb2:0:1:8|\xe0\xb8\xa9:0:1:8|\xe0\xb8\xb2:0:1:8|"
	                 "\xe0\xb9\x84:0:1:8");
	/* A byte-order mark, a zero-width space, a bidi override, a mark after a capital. */
	cr_assert_str_eq(DESCRIBED("\xef\xbb\xbf" "a\xe2\x80\x8b" "b\xe2\x80\xaeX\xcc\x81"),
	                 "a:0:1:0|\xe2\x80\x8b:1:8:2|b:0:1:0|\xe2\x80\xae:1:8:2|X\xcc\x81:0:1:10");
#undef DESCRIBED
}

/* Against the grapheme reader on a long mixed text (pieces of many scripts, marks, joiners,
 * spaces, controls and invalid bytes in a fixed pseudo-random order): every token is whole
 * graphemes, as wide as they are, the first of them deciding its class, and only whitespace lies
 * between tokens. Whatever a fast path reads, the grapheme reader reads the same. */
Test(token, tokens_are_whole_graphemes_as_the_reader_reads_them)
{
	static const char *const pieces[] = {
		"a", "Zq", "word", "42", "3.5", "U.S.", "it's", "well-known", "\xc3\xa9t\xc3\xa9",
		"\xc3\x9c", "e\xcc\x81", "\xd0\x96\xcc\x81", "\xd0\xbc\xd0\xb8\xd1\x80",
		"\xce\xb1\xce\xb2", "\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xb7", "\xe0\xa4\xa8\xe0\xa4\xbf",
		"\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8d", "\xe0\xa5\x8d", "\xe0\xb8\x81\xe0\xb8\xb4",
		"\xe4\xb8\xad", "\xe3\x81\x8b", "\xea\xb0\x80", "\xe1\x84\x80\xe1\x85\xa1", "\xd8\xb9\xd8\xb1",
		"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", "\xe2\x9d\xa4\xef\xb8\x8f", "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7",
		"\xe2\x80\x8d", "\xe2\x80\x8c", "\xe2\x80\x8b", "\xe2\x80\xae", "\xcc\x81", "\xef\xbb\xbf",
		" ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "\xc2\xa0", "\xe3\x80\x80", "\xe2\x80\xa8",
		".", ",", ":", "-", "--", "...", "'", "\xe2\x80\x99", "\xe2\x80\x94", "(", "\xc2\xab",
		"\xef\xbc\x8c", "\x01", "\x7f", "\x1b[1m", "\xff", "\xc3", "\xe2\x80", "\xed\xa0\x80",
		"\xc0\xaf", "\xf0\x9f", "\xd7\x90\xd7\x91", "\xe1\x83\x90", "\xe0\xb8\xb3",
	};
	size_t npieces = sizeof pieces / sizeof *pieces, cap = 200000, n = 0;
	char *s = malloc(cap);
	uint32_t x = 2463534242u;
	while (n + 16 < cap) {
		x ^= x << 13, x ^= x >> 17, x ^= x << 5;
		const char *p = pieces[x % npieces];
		memcpy(s + n, p, strlen(p));
		n += strlen(p);
	}
	rl_tokens *t;
	cr_assert_eq(rl_tokenize(&t, s, n), RL_OK);
	const rl_token *v = rl_tokens_array(t);
	size_t pos = 0;
	for (size_t i = 0; i <= rl_tokens_count(t); i++) {
		size_t start = i < rl_tokens_count(t) ? v[i].off : n;
		while (pos < start) {  /* whitespace (or the byte-order mark at the start) */
			rl_grapheme g;
			rl_grapheme_next(s + pos, n - pos, &g);
			cr_assert(g.kind == RL_G_SPACE || g.kind == RL_G_NEWLINE || g.kind == RL_G_PARA ||
			          (pos == 0 && g.cp == 0xFEFF), "byte %zu before token %zu", pos, i);
			pos += g.len;
		}
		cr_assert_eq(pos, start, "token %zu starts inside a grapheme", i);
		if (i == rl_tokens_count(t))
			break;
		uint32_t width = 0;
		rl_grapheme first;
		rl_grapheme_next(s + pos, n - pos, &first);
		while (pos < v[i].off + v[i].len) {
			rl_grapheme g;
			rl_grapheme_next(s + pos, n - pos, &g);
			width += g.width;
			pos += g.len;
		}
		cr_assert_eq(pos, v[i].off + v[i].len, "token %zu ends inside a grapheme", i);
		cr_assert_eq(width, rl_token_width(s, &v[i]), "token %zu at byte %u", i, v[i].off);
		if (first.kind == RL_G_ESCAPE)
			cr_assert(v[i].cls == RL_TOK_PUNCT && (v[i].flags & RL_TF_ESCAPE), "token %zu", i);
		else
			cr_assert_eq(first.kind, RL_G_PRINT, "token %zu", i);
	}
	rl_tokens_free(t);
	free(s);
}

/* Check the tokens of s[0..n) against the grapheme reader: a token whose first code point the
 * tokenizer reads by its table (rl_fast_kind) as a base of a script without spaces is that one
 * grapheme, as wide as the reader says, a word of its own (RL_TF_SOLO) for Thai, Han and kana,
 * punctuation otherwise; every token starts and ends where a grapheme does and is as wide as
 * they are. */
static void expect_table_tokens(const char *s, size_t n)
{
	rl_tokens *t;
	cr_assert_eq(rl_tokenize(&t, s, n), RL_OK);
	const rl_token *v = rl_tokens_array(t);
	size_t pos = 0, i = 0;
	while (pos < n) {
		rl_grapheme g;
		rl_grapheme_next(s + pos, n - pos, &g);
		if (i < rl_tokens_count(t) && v[i].off == pos) {
			int32_t cp;
			rl_utf8_decode(s + pos, n - pos, &cp);
			uint8_t w;
			int k = rl_fast_kind(cp, &w);
			if (k == RL_FAST_SOLO || k == RL_FAST_PUNCT) {
				cr_assert_eq(v[i].len, g.len, "%zu bytes: token at %zu", n, pos);
				cr_assert_eq(v[i].width, g.width, "%zu bytes: token at %zu", n, pos);
				cr_assert_eq(v[i].cls, k == RL_FAST_SOLO ? RL_TOK_WORD : RL_TOK_PUNCT);
				cr_assert_eq(v[i].flags & ~RL_TF_INDENT, k == RL_FAST_SOLO ? RL_TF_SOLO : 0,
				             "U+%04X: flags %x", (unsigned)cp, v[i].flags);
			}
			i++;
		}
		cr_assert(i == rl_tokens_count(t) || v[i].off >= pos + g.len,
		          "%zu bytes: a token starts inside the grapheme at %zu", n, pos);
		pos += g.len;
	}
	cr_assert_eq(i, rl_tokens_count(t));
	for (i = 0; i < rl_tokens_count(t); i++) {
		uint32_t width = 0;
		for (pos = v[i].off; pos < v[i].off + v[i].len;) {
			rl_grapheme g;
			rl_grapheme_next(s + pos, n - pos, &g);
			width += g.width;
			pos += g.len;
		}
		cr_assert_eq(pos, v[i].off + v[i].len, "%zu bytes: token %zu ends inside a grapheme", n, i);
		cr_assert_eq(width, rl_token_width(s, &v[i]), "%zu bytes: token %zu", n, i);
	}
	rl_tokens_free(t);
}

/* Devanagari by the table: a letter, then any two code points of the block. Letters, marks and
 * the virama make one word whatever the rules make of a virama before a letter (each grapheme
 * the reader reads starts with a letter, a word grapheme); the others, whole graphemes. */
static void expect_devanagari(int32_t x, int32_t y, int32_t z)
{
	char buf[16];
	size_t l = rl_utf8_encode(x, buf);
	l += rl_utf8_encode(y, buf + l);
	if (z)
		l += rl_utf8_encode(z, buf + l);
	expect_table_tokens(buf, l);
	uint8_t w;
	if (rl_fast_kind(y, &w) == RL_FAST_NONE || (z && rl_fast_kind(z, &w) == RL_FAST_NONE))
		return;
	rl_tokens *t;
	cr_assert_eq(rl_tokenize(&t, buf, l), RL_OK);
	cr_assert_eq(rl_tokens_count(t), 1, "U+%04X U+%04X U+%04X", (unsigned)x, (unsigned)y, (unsigned)z);
	const rl_token *v = rl_tokens_array(t);
	cr_assert_eq(v[0].len, l);
	cr_assert_eq(v[0].cls, RL_TOK_WORD);
	cr_assert_eq(v[0].flags, x >= 0x0966 && x <= 0x096F ? RL_TF_DIGIT : 0, "U+%04X", (unsigned)x);
	rl_tokens_free(t);
}

Test(token, devanagari_read_by_the_table_is_what_the_reader_reads)
{
	size_t tried = 0;
	for (int32_t x = 0x0900; x <= 0x097F; x++) {
		uint8_t w;
		if (rl_fast_kind(x, &w) != RL_FAST_LETTER)
			continue;
		/* every letter before every code point of the block, and with two after it for two
		 * letters (one before the virama's letters), then each letter before the pairs
		 * virama-letter, mark-virama, mark-letter, virama-joiner */
		for (int32_t y = 0x0900; y <= 0x097F; y++) {
			expect_devanagari(x, y, 0);
			tried++;
			if (x == 0x0915 || x == 0x0939)
				for (int32_t z = 0x0900; z <= 0x097F; z++, tried++)
					expect_devanagari(x, y, z);
		}
		expect_devanagari(x, 0x094D, 0x0937);
		expect_devanagari(x, 0x093F, 0x094D);
		expect_devanagari(x, 0x0902, 0x0928);
		expect_devanagari(x, 0x094D, 0x200D);
		expect_devanagari(x, 0x094D, 'a');
		expect_devanagari(x, 0x0964, 0x0915);
		tried += 6;
	}
	cr_assert_geq(tried, 40000u);
}

/* The table (rl_fast_kind) against the grapheme reader the general path asks: every code point it
 * reads, before each kind of code point that may follow (ASCII, the end, a space, another base,
 * its marks, a virama, marks of other scripts, joiners, a variation selector, an invalid byte,
 * Devanagari), and every Thai code point before every other, and after each Thai mark before
 * one in five. */
Test(token, table_read_graphemes_are_what_the_reader_reads)
{
	static const char *const after[] = {
		"", "a", " ", "\n", ".", "\xe0\xb8\x81", "\xe0\xb8\xb4", "\xe0\xb8\xb3", "\xe0\xb8\xba",
		"\xe0\xb8\xba\xe0\xb8\x81", "\xe4\xb8\xad", "\xe3\x80\x82", "\xe3\x80\xaa", "\xe3\x82\x99",
		"\xcc\x81", "\xe2\x80\x8d", "\xe2\x80\x8c", "\xef\xb8\x8f", "\xff", "\xe0\xa4\x95",
		"\xe0\xa5\x8d", "\xe0\xb8", "\xe2\x80\x8b", "\xd0\xb0", "\xe0\xb8\xb4\xe0\xb9\x88x",
	};
	char buf[64];
	size_t tried = 0;
	for (int32_t cp = 0x800; cp <= 0xFFFF; cp++) {
		uint8_t w;
		int k = rl_fast_kind(cp, &w);
		/* Han ideographs are all read alike (a range): one in 61 of them and the first and last
		 * of each range, every other code point the table reads */
		bool han = (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF);
		if (k == RL_FAST_NONE || (han && cp % 61 && cp != 0x3400 && cp != 0x4DBF && cp != 0x4E00 &&
		                          cp != 0x9FFF))
			continue;
		size_t l = rl_utf8_encode(cp, buf);
		for (size_t a = 0; a < sizeof after / sizeof *after; a++) {
			size_t m = strlen(after[a]);
			memcpy(buf + l, after[a], m);
			expect_table_tokens(buf, l + m);
			tried++;
		}
	}
	for (int32_t x = 0x0E00; x <= 0x0E7F; x++)
		for (int32_t mark = 0; mark <= 0x0E7F; mark += mark ? 1 : 0x0E00) {
			uint8_t w;
			if (mark && rl_fast_kind(mark, &w) != RL_FAST_MARK)
				continue;
			for (int32_t y = 0x0E00; y <= 0x0E7F; y += mark ? 5 : 1) {
				size_t l = rl_utf8_encode(x, buf);
				if (mark)
					l += rl_utf8_encode(mark, buf + l);
				l += rl_utf8_encode(y, buf + l);
				expect_table_tokens(buf, l);
				tried++;
			}
		}
	cr_assert_geq(tried, 50000u);
}

/* Graphemes the table reads one after another (take_fast's loop, which reads each grapheme's first
 * code point once, where the grapheme before it ended: next_fast): three of any of these pieces
 * after a Han ideograph, each token what the grapheme reader reads. */
Test(token, table_read_graphemes_in_a_row_are_what_the_reader_reads)
{
	static const char *const piece[] = {
		"\xe4\xb8\xad", "\xe3\x80\x82", "\xe0\xb8\x81", "\xe0\xb8\x81\xe0\xb8\xb4",
		"\xe0\xb8\xb4", "\xe0\xb8\xba", "\xe0\xa4\x95", "\xe0\xa5\x8d", "\xe3\x82\x99",
		"\xcc\x81", "\xe2\x80\x8d", "\xd0\xb0", "\xff", "\xe0\xb8", "a", " ", "\xef\xbc\x8c",
	};
	size_t np = sizeof piece / sizeof *piece;
	char buf[64];
	for (size_t a = 0; a < np; a++)
		for (size_t b = 0; b < np; b++)
			for (size_t c = 0; c < np; c++) {
				int l = snprintf(buf, sizeof buf, "\xe4\xb8\xad%s%s%s", piece[a], piece[b],
				                 piece[c]);
				expect_table_tokens(buf, (size_t)l);
			}
}

/* ASCII words and marks before a grapheme of its own that is no part of a word (an en dash, a
 * curly quote, a no-break space, an arrow; ascii_word_end and ascii_punct_end's other_at), or a
 * comma before Han: where the general path ends them, with its flags (a word ended by such a
 * grapheme is not all ASCII; a mark before it is). Before a mark that joins, a letter of two
 * bytes or a soft hyphen, the general path still decides. flags: 1 ASCII, 8 solo, 0x10 upper,
 * 0x20 digit, 0x80 glued; cls 0 word, 1 punctuation. */
Test(token, ascii_before_a_grapheme_of_its_own)
{
#define DESCRIBED(s) described(s, sizeof s - 1)
	cr_assert_str_eq(DESCRIBED("2018\xe2\x80\x93" "19 Word\xe2\x80\x9d (\xe2\x80\x9cx"),
	                 "2018:0:4:20|\xe2\x80\x93:1:1:0|19:0:2:21|Word:0:4:10|\xe2\x80\x9d:1:1:0|"
	                 "(:1:1:1|\xe2\x80\x9c:1:1:0|x:0:1:1");
	cr_assert_str_eq(DESCRIBED("a,\xe4\xb8\xad b)\xe2\x86\x92" "c --\xc2\xa0" "d"),
	                 "a:0:1:1|,:1:1:1|\xe4\xb8\xad:0:2:8|b:0:1:1|):1:1:1|\xe2\x86\x92:1:1:0|"
	                 "c:0:1:1|--:1:2:1|d:0:1:1");
	/* a mark, a letter of two bytes and a soft hyphen after ASCII: read by the rules */
	cr_assert_str_eq(DESCRIBED("ab\xcc\x81 ab\xc3\xa9 ab\xc2\xad" "cd (\xcc\x81"),
	                 "ab\xcc\x81:0:2:0|ab\xc3\xa9:0:3:0|ab\xc2\xad" "cd:0:12:0|(\xcc\x81:1:1:0");
#undef DESCRIBED
}

/* ASCII before a grapheme the table reads (Han, Thai, CJK punctuation): a word ends there, not all
 * ASCII (the grapheme that ends it is not), punctuation keeps its ASCII flag, and runs of hyphens
 * and dots stay one token; as the general path reads them. flags: 1 ASCII, 8 solo, 0x10 upper,
 * 0x20 digit; cls 0 word, 1 punctuation. */
Test(token, ascii_before_table_read_graphemes)
{
#define DESCRIBED(s) described(s, sizeof s - 1)
	cr_assert_str_eq(DESCRIBED("ab\xe4\xb8\xad Q\xe0\xb8\x81 2018\xe5\xb9\xb4"),
	                 "ab:0:2:0|\xe4\xb8\xad:0:2:8|Q:0:1:10|\xe0\xb8\x81:0:1:8|2018:0:4:20|"
	                 "\xe5\xb9\xb4:0:2:8");
	cr_assert_str_eq(DESCRIBED("(\xe4\xb8\xad)\xe3\x80\x82--\xe6\x96\x87...\xef\xbc\x8c"),
	                 "(:1:1:1|\xe4\xb8\xad:0:2:8|):1:1:1|\xe3\x80\x82:1:2:0|--:1:2:1|"
	                 "\xe6\x96\x87:0:2:8|...:1:3:1|\xef\xbc\x8c:1:2:0");
	/* marks still go by the rules: 3.5 before Han, a letter before a Thai mark */
	cr_assert_str_eq(DESCRIBED("3.5\xe5\xb9\xb4 a\xe0\xb8\xb4"),
	                 "3:0:1:21|.:1:1:1|5:0:1:a0|\xe5\xb9\xb4:0:2:8|a\xe0\xb8\xb4:0:1:0");
#undef DESCRIBED
}

/* The token record is the largest array of a comparison (a token every 3 bytes of Chinese): 12
 * bytes, its width in a byte; a token of 255 columns or more is measured from its text. */
Test(token, the_record_is_twelve_bytes_and_wide_tokens_are_measured)
{
	cr_assert_eq(sizeof(rl_token), 12, "a token costs %zu bytes", sizeof(rl_token));
	/* 254 columns fit the record; 300 accented letters (600 bytes) do not. */
	char s[1536];
	size_t n = 0;
	for (int i = 0; i < 254; i++)
		s[n++] = 'x';
	s[n++] = ' ';
	for (int i = 0; i < 300; i++)
		s[n++] = '\xC3', s[n++] = '\xA9';
	s[n++] = ' ';
	for (int i = 0; i < 200; i++)  /* 200 ideographs: one token each, two columns */
		s[n++] = '\xE4', s[n++] = '\xB8', s[n++] = '\x80';
	rl_tokens *t;
	cr_assert_eq(rl_tokenize(&t, s, n), RL_OK);
	const rl_token *v = rl_tokens_array(t);
	cr_assert_eq(rl_tokens_count(t), 202);
	cr_assert_eq(v[0].width, 254);
	cr_assert_eq(rl_token_width(s, &v[0]), 254);
	cr_assert_eq(v[1].width, RL_TOK_WIDE);
	cr_assert_eq(rl_token_width(s, &v[1]), 300);
	cr_assert_eq(rl_token_width(s, &v[2]), 2);
	rl_tokens_free(t);
}
