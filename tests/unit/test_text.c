/* Tests for text.c: UTF-8 decoding, grapheme clusters, widths and escapes. */
#include <criterion/criterion.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"

static rl_grapheme first(const char *s)
{
	rl_grapheme g;
	rl_grapheme_next(s, strlen(s), &g);
	return g;
}

static const char *escape_of(const char *s)
{
	static char out[RL_ESCAPE_MAX + 1];
	rl_grapheme g;
	rl_grapheme_next(s, strlen(s), &g);
	cr_assert_eq(g.kind, RL_G_ESCAPE, "expected an escape for %02x", (unsigned char)s[0]);
	size_t n = rl_grapheme_escape(&g, s, out);
	out[n] = '\0';
	cr_assert_eq(n, g.width);
	return out;
}

Test(utf8, decodes_valid_sequences)
{
	int32_t cp;
	cr_assert_eq(rl_utf8_decode("A", 1, &cp), 1);
	cr_assert_eq(cp, 'A');
	cr_assert_eq(rl_utf8_decode("\xc3\xa9", 2, &cp), 2);
	cr_assert_eq(cp, 0xE9);
	cr_assert_eq(rl_utf8_decode("\xe2\x80\x99", 3, &cp), 3);
	cr_assert_eq(cp, 0x2019);
	cr_assert_eq(rl_utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	cr_assert_eq(cp, 0x1F600);
}

Test(utf8, rejects_every_class_of_invalid_input)
{
	const char *bad[] = {
		"\x80",              /* stray continuation */
		"\xc0\xaf",          /* overlong '/' */
		"\xe0\x80\xaf",      /* overlong, 3 bytes */
		"\xed\xa0\x80",      /* UTF-16 surrogate */
		"\xf4\x90\x80\x80",  /* past U+10FFFF */
		"\xf5\x80\x80\x80",  /* invalid lead */
		"\xff",
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		int32_t cp;
		cr_assert_eq(rl_utf8_decode(bad[i], strlen(bad[i]), &cp), 1, "case %zu", i);
		cr_assert_eq(cp, -1, "case %zu", i);
	}
	int32_t cp;
	cr_assert_eq(rl_utf8_decode("\xe2\x80", 2, &cp), 1, "truncated sequence");
	cr_assert_eq(cp, -1);
}

Test(utf8, encode_round_trips)
{
	int32_t cps[] = {0x41, 0xE9, 0x2019, 0x4E2D, 0x1F600, 0x10FFFF};
	for (size_t i = 0; i < sizeof cps / sizeof *cps; i++) {
		char buf[4];
		int32_t back;
		size_t n = rl_utf8_encode(cps[i], buf);
		cr_assert(n > 0);
		cr_assert_eq(rl_utf8_decode(buf, n, &back), n);
		cr_assert_eq(back, cps[i]);
	}
	char buf[4];
	cr_assert_eq(rl_utf8_encode(0xD800, buf), 0);
}

Test(grapheme, combining_marks_stay_with_their_base)
{
	rl_grapheme g = first("e\xcc\x81x");  /* e + COMBINING ACUTE */
	cr_assert_eq(g.len, 3);
	cr_assert_eq(g.width, 1);
	cr_assert_eq(g.kind, RL_G_PRINT);
}

Test(grapheme, emoji_zwj_sequence_is_one_cluster_two_columns)
{
	/* man, ZWJ, woman, ZWJ, girl */
	const char *family = "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7";
	rl_grapheme g = first(family);
	cr_assert_eq(g.len, strlen(family));
	cr_assert_eq(g.width, 2);
}

Test(grapheme, flags_are_one_cluster)
{
	rl_grapheme g = first("\xf0\x9f\x87\xab\xf0\x9f\x87\xb7!");  /* FR flag */
	cr_assert_eq(g.len, 8);
	cr_assert_eq(g.width, 2);
}

Test(grapheme, cjk_is_two_columns)
{
	rl_grapheme g = first("\xe4\xb8\xad");  /* 中 */
	cr_assert_eq(g.width, 2);
	cr_assert_eq(rl_text_width("\xe4\xb8\xad\xe6\x96\x87", 6), 4);
}

Test(grapheme, whitespace_kinds)
{
	cr_assert_eq(first(" ").kind, RL_G_SPACE);
	cr_assert_eq(first("\t").kind, RL_G_SPACE);
	cr_assert_eq(first("\xc2\xa0").kind, RL_G_SPACE, "NBSP");
	cr_assert_eq(first("\xe2\x80\x89").kind, RL_G_SPACE, "thin space");
	cr_assert_eq(first("\xe3\x80\x80").kind, RL_G_SPACE, "ideographic space");
	cr_assert_eq(first("\n").kind, RL_G_NEWLINE);
	rl_grapheme crlf = first("\r\n");
	cr_assert_eq(crlf.kind, RL_G_NEWLINE);
	cr_assert_eq(crlf.len, 2);
	cr_assert_eq(first("\r").kind, RL_G_NEWLINE, "CR-only line end");
	cr_assert_eq(first("\xe2\x80\xa9").kind, RL_G_PARA, "PARAGRAPH SEPARATOR");
}

Test(grapheme, a_space_never_swallows_a_mark)
{
	rl_grapheme g = first(" \xcc\x81");
	cr_assert_eq(g.len, 1);
	rl_grapheme mark = first("\xcc\x81");
	cr_assert_eq(mark.kind, RL_G_ESCAPE, "a lone combining mark is shown, not hidden");
}

Test(escape, controls_and_terminal_sequences_become_visible)
{
	cr_assert_str_eq(escape_of("\x1b[2J"), "^[");
	cr_assert_str_eq(escape_of("\x07"), "^G");
	cr_assert_str_eq(escape_of("\x7f"), "^?");
	cr_assert_str_eq(escape_of("\x9b"), "\\x9b", "a raw C1 CSI byte is invalid UTF-8");
	cr_assert_str_eq(escape_of("\xc2\x9b"), "<U+009B>", "an encoded C1 control");
	cr_assert_str_eq(escape_of("\xe2\x80\xae"), "<U+202E>", "RIGHT-TO-LEFT OVERRIDE");
	cr_assert_str_eq(escape_of("\xe2\x81\xa6"), "<U+2066>", "LEFT-TO-RIGHT ISOLATE");
	cr_assert_str_eq(escape_of("\xe2\x80\x8b"), "<U+200B>", "ZERO WIDTH SPACE");
	cr_assert_str_eq(escape_of("\xf4\x8f\xbf\xbf"), "<U+10FFFF>", "a noncharacter");
}

Test(escape, the_widest_escape_fits_the_buffer)
{
	rl_grapheme g = first("\xf4\x8f\xbf\xbf");
	cr_assert_leq(g.width, RL_ESCAPE_MAX);
}

Test(escape, ascii_stand_ins_keep_the_width)
{
	/* The dashes and quotes typography folds have the stand-ins it folds them to: the small
	 * em dash U+FE58, the small and fullwidth hyphen-minus U+FE63 U+FF0D (all two columns wide). */
	const char *cases[] = {"\xe2\x80\x9c", "\xe2\x80\x94", "\xe4\xb8\xad", "\xc3\xa9",
	                       "\xef\xb9\x98", "\xef\xb9\xa3", "\xef\xbc\x8d", "\xef\xbc\x82"};
	const char *want[] = {"\"", "-", "??", "?", "- ", "- ", "- ", "\" "};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		rl_grapheme g = first(cases[i]);
		char buf[RL_ESCAPE_MAX + 1];
		size_t n = rl_grapheme_ascii(&g, buf);
		buf[n] = '\0';
		cr_assert_eq(n, g.width);
		cr_assert_str_eq(buf, want[i]);
	}
}

Test(grapheme, a_joiner_between_letters_stands_alone)
{
	/* r ZWJ x: terminals disagree on such a joiner, so it is its own escaped grapheme */
	rl_grapheme g = first("r\xe2\x80\x8dx");
	cr_assert_eq(g.len, 1);
	cr_assert_str_eq(escape_of("\xe2\x80\x8dx"), "<U+200D>");
	/* after a virama (Devanagari KA + VIRAMA + ZWJ) it is part of the conjunct */
	rl_grapheme k = first("\xe0\xa4\x95\xe0\xa5\x8d\xe2\x80\x8d\xe0\xa4\xb7");
	cr_assert_geq(k.len, 9, "KA VIRAMA ZWJ stay together");
}

/* Letters of Latin, Greek, Cyrillic, kana and Han take a short way (no utf8proc) when what
 * follows is ASCII, the end, or another such letter: it must give what the rules give, for every
 * code point of those blocks, before each kind of neighbour (a letter of each block, ASCII, a
 * line end, and the marks and joiners that do join). Expected: utf8proc's break and width. */
Test(grapheme, letters_of_common_alphabets_are_clusters_as_the_rules_say)
{
	static const int32_t blocks[][2] = {
		{0xC0, 0x24F}, {0x370, 0x3FF}, {0x400, 0x52F}, {0x3040, 0x30FF}, {0x4E00, 0x9FFF},
		{0x900, 0x97F}, {0xE00, 0xE7F},
	};
	static const int32_t next[] = {
		'a', ' ', '\n', 0xE9, 0x3B1, 0x436, 0x304B, 0x4E2D, 0x301, 0x483, 0x200D, 0xFE0F, 0x93F, -1,
	};
	char buf[16];
	for (size_t b = 0; b < sizeof blocks / sizeof *blocks; b++)
		for (int32_t cp = blocks[b][0]; cp <= blocks[b][1]; cp++) {
			const utf8proc_property_t *p = utf8proc_get_property(cp);
			if (p->category == UTF8PROC_CATEGORY_CN || p->category == UTF8PROC_CATEGORY_MN ||
			    p->category == UTF8PROC_CATEGORY_MC || p->category == UTF8PROC_CATEGORY_ME)
				continue;  /* unassigned, or a mark with nothing before it: escapes */
			for (size_t k = 0; k < sizeof next / sizeof *next; k++) {
				size_t n = rl_utf8_encode(cp, buf), first = n;
				if (next[k] >= 0)
					n += rl_utf8_encode(next[k], buf + n);
				rl_grapheme g;
				rl_grapheme_next(buf, n, &g);
				utf8proc_int32_t state = 0;
				bool breaks = next[k] < 0 || utf8proc_grapheme_break_stateful(cp, next[k], &state);
				cr_assert_eq(g.cp, cp);
				cr_assert_eq(g.kind, RL_G_PRINT, "U+%04X", (unsigned)cp);
				if (breaks)
					cr_assert_eq(g.len, first, "U+%04X before U+%04X", (unsigned)cp,
					             (unsigned)next[k]);
				else if (next[k] != 0x200D)
					cr_assert_eq(g.len, n, "U+%04X joins U+%04X", (unsigned)cp, (unsigned)next[k]);
				cr_assert_eq(g.width, utf8proc_charwidth(cp), "U+%04X", (unsigned)cp);
			}
		}
}

/* The code points the tokenizer reads by a table (rl_fast_kind) are, to utf8proc, what its slow
 * path would find by asking: a base of grapheme class Other, assigned, not combining, neither
 * whitespace, control, format nor mark, of the width given, of three UTF-8 bytes; a Thai, Han or
 * kana word of its own (the scripts written without spaces), a letter or digit of a spaced script
 * (Devanagari) or punctuation and symbols (neither letter nor digit); a mark of class Extend or
 * SpacingMark, not a format character, of combining class 9 when it is the virama. */
Test(grapheme, table_read_code_points_are_what_utf8proc_says)
{
	size_t seen[6] = {0};
	for (int32_t cp = -1; cp <= 0x10FFFF; cp++) {
		uint8_t w = 99;
		int k = rl_fast_kind(cp, &w);
		seen[k]++;
		if (k == RL_FAST_NONE)
			continue;
		const utf8proc_property_t *p = utf8proc_get_property(cp);
		cr_assert(cp >= 0x800 && cp <= 0xFFFF && (cp < 0xD800 || cp > 0xDFFF), "U+%04X", (unsigned)cp);
		cr_assert_neq(p->category, UTF8PROC_CATEGORY_CN, "U+%04X", (unsigned)cp);
		if (k == RL_FAST_MARK || k == RL_FAST_VIRAMA) {
			cr_assert(p->boundclass == UTF8PROC_BOUNDCLASS_EXTEND ||
			          p->boundclass == UTF8PROC_BOUNDCLASS_SPACINGMARK, "U+%04X", (unsigned)cp);
			cr_assert_neq(p->category, UTF8PROC_CATEGORY_CF, "U+%04X", (unsigned)cp);
			cr_assert_eq(p->combining_class == 9, k == RL_FAST_VIRAMA, "U+%04X", (unsigned)cp);
			continue;
		}
		cr_assert_eq(p->boundclass, UTF8PROC_BOUNDCLASS_OTHER, "U+%04X", (unsigned)cp);
		cr_assert_eq(p->combining_class, 0, "U+%04X", (unsigned)cp);
		cr_assert_eq(utf8proc_charwidth(cp), w, "U+%04X", (unsigned)cp);
		cr_assert(p->category < UTF8PROC_CATEGORY_MN || p->category > UTF8PROC_CATEGORY_ME,
		          "U+%04X", (unsigned)cp);
		cr_assert(p->category < UTF8PROC_CATEGORY_ZS, "U+%04X", (unsigned)cp);
		bool solo = (cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x3040 && cp <= 0x31FF) ||
		            (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF);
		if (k == RL_FAST_SOLO) {
			cr_assert(solo, "U+%04X", (unsigned)cp);
		} else if (k == RL_FAST_LETTER) {
			/* a word base of a spaced script (token_scan.h's word_base) */
			cr_assert(!solo && !(cp >= 0x2E80 && cp <= 0x2FDF) && !(cp >= 0xF900 && cp <= 0xFAFF) &&
			          !(cp >= 0xFF66 && cp <= 0xFF9F), "U+%04X", (unsigned)cp);
			cr_assert((p->category >= UTF8PROC_CATEGORY_LU && p->category <= UTF8PROC_CATEGORY_LO) ||
			          (p->category >= UTF8PROC_CATEGORY_ND && p->category <= UTF8PROC_CATEGORY_NO),
			          "U+%04X", (unsigned)cp);
			cr_assert_gt(w, 0, "U+%04X", (unsigned)cp);
		} else {
			cr_assert(!solo && !(cp >= 0x2E80 && cp <= 0x2FDF) && !(cp >= 0xF900 && cp <= 0xFAFF) &&
			          !(cp >= 0xFF66 && cp <= 0xFF9F), "U+%04X", (unsigned)cp);
			cr_assert(p->category >= UTF8PROC_CATEGORY_PC && p->category <= UTF8PROC_CATEGORY_SO,
			          "U+%04X", (unsigned)cp);
		}
	}
	cr_assert_geq(seen[RL_FAST_SOLO], 27000, "Thai, Han and kana: %zu", seen[RL_FAST_SOLO]);
	cr_assert_geq(seen[RL_FAST_PUNCT], 40, "CJK punctuation: %zu", seen[RL_FAST_PUNCT]);
	cr_assert_geq(seen[RL_FAST_LETTER], 90, "Devanagari letters: %zu", seen[RL_FAST_LETTER]);
	cr_assert_geq(seen[RL_FAST_MARK], 16 + 30, "Thai and Devanagari marks: %zu", seen[RL_FAST_MARK]);
	cr_assert_eq(seen[RL_FAST_VIRAMA], 1, "the Devanagari virama: %zu", seen[RL_FAST_VIRAMA]);
}

/* The letters the tokenizer reads without utf8proc (rl_plain_letter): each is, to utf8proc, a
 * letter of grapheme class Other, one column wide, not combining, of a spaced script. */
Test(grapheme, plain_letters_are_what_utf8proc_says)
{
	size_t seen = 0;
	for (int32_t cp = -1; cp <= 0x10FFFF; cp++) {
		if (!rl_plain_letter(cp))
			continue;
		const utf8proc_property_t *p = utf8proc_get_property(cp);
		cr_assert(p->category >= UTF8PROC_CATEGORY_LU && p->category <= UTF8PROC_CATEGORY_LO,
		          "U+%04X", (unsigned)cp);
		cr_assert_eq(p->boundclass, UTF8PROC_BOUNDCLASS_OTHER, "U+%04X", (unsigned)cp);
		cr_assert_eq(utf8proc_charwidth(cp), 1, "U+%04X", (unsigned)cp);
		cr_assert_eq(p->combining_class, 0, "U+%04X", (unsigned)cp);
		seen++;
	}
	cr_assert_geq(seen, 800, "Latin, Greek and Cyrillic letters: %zu", seen);
	cr_assert(rl_plain_letter(0xE9) && rl_plain_letter(0x436) && rl_plain_letter(0x3B1));
	cr_assert(!rl_plain_letter(0xD7) && !rl_plain_letter(0x301) && !rl_plain_letter(0x483));
}
