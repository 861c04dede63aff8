/* lexicon.c: what a token is: function words, sentence stops, list markers. */
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"

/* The closed classes of English: articles, pronouns, prepositions, conjunctions, auxiliaries and
 * the commonest quantifiers and adverbs. A coincidental match of one of these inside rewritten text
 * means nothing; a match of any other word may. Sorted for a binary search; apostrophes are straight. */
static const char *const function_words[] = {
	"a", "about", "above", "across", "after", "against", "all", "along", "also", "although", "am",
	"among", "an", "and", "another", "any", "are", "aren't", "around", "as", "at", "be",
	"because", "been", "before", "behind", "being", "below", "between", "both", "but", "by",
	"can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't",
	"doing", "don't", "down", "during", "each", "either", "even", "every", "few", "for", "from",
	"had", "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "he's", "her", "here",
	"hers", "herself", "him", "himself", "his", "how", "i", "i'd", "i'll", "i'm", "i've", "if",
	"in", "into", "is", "isn't", "it", "it's", "its", "itself", "just", "least", "less", "let's",
	"many", "may", "me", "might", "mine", "more", "most", "much", "must", "my", "myself",
	"neither", "no", "nor", "not", "of", "off", "on", "once", "only", "onto", "or", "other",
	"our", "ours", "ourselves", "out", "over", "own", "per", "same", "shall", "she", "she's",
	"should", "shouldn't", "since", "so", "some", "such", "than", "that", "that's", "the",
	"their", "theirs", "them", "themselves", "then", "there", "there's", "these", "they",
	"they're", "this", "those", "though", "through", "till", "to", "too", "toward", "towards",
	"under", "until", "up", "upon", "us", "very", "via", "was", "wasn't", "we", "we're", "were",
	"weren't", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose",
	"why", "will", "with", "within", "without", "won't", "would", "wouldn't", "yet", "you",
	"you're", "your", "yours", "yourself", "yourselves",
};

/* Longest function word, in bytes. */
#define FUNCTION_WORD_MAX 12

/* Where the words of each initial letter start in function_words ('a' .. 'z', then the end): a
 * search looks at the words of one letter (test_structure checks every word is found). */
static const uint8_t first_of[27] = {
	0,   21,  32,  37,  46,  50,  53,  53,  70,  84,  85,  85,  88,  99,
	103, 117, 118, 118, 118, 128, 151, 156, 158, 181, 181, 188, 188,
};

/* The lengths in bytes of the words of each initial letter, as bits (an apostrophe may be ’, two
 * bytes more): most words are told by their first byte and length alone. */
static const uint16_t lengths_of[26] = {
	0x01fe, 0x00fc, 0x05e8, 0x03fc, 0x0070, 0x0018, 0x0000, 0x03dc, 0x00fe, 0x0010, 0x0000,
	0x00b0, 0x007c, 0x008c, 0x023c, 0x0008, 0x0000, 0x0000, 0x0afc, 0x07fc, 0x0034, 0x0018,
	0x07fc, 0x0000, 0x0578, 0x0000,
};

/* strcmp, inline: the search below makes a few of these a word. */
static int cmp_word(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

bool rl_is_function_word(const char *s, size_t len)
{
	char low[FUNCTION_WORD_MAX + 1];
	size_t k = 0;

	/* A listed word is at most ten letters and one apostrophe (’ is three bytes), starts with
	 * a letter, and has the length of a word of that letter: most words of a text are told at
	 * once. */
	if (len == 0 || len > FUNCTION_WORD_MAX)
		return false;
	unsigned char c0 = (unsigned char)s[0] | 0x20;  /* A-Z as a-z; nothing else lands there */
	if (c0 < 'a' || c0 > 'z' || !(lengths_of[c0 - 'a'] >> len & 1))
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x99) {
			low[k++] = '\'';  /* ’ as ' */
			i += 2;
			continue;
		}
		if (ch >= 0x80)
			return false;
		low[k++] = (char)(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
	}
	low[k] = '\0';
	size_t lo = first_of[c0 - 'a'], hi = first_of[c0 - 'a' + 1];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int d = cmp_word(low, function_words[mid]);
		if (d == 0)
			return true;
		if (d < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return false;
}

/* "…" or a run of three dots or more (keys are not terminated: only len bytes are read). */
static bool is_ellipsis(const char *s, size_t len)
{
	if (len == 3 && memcmp(s, "\xE2\x80\xA6", 3) == 0)
		return true;
	if (len < 3)
		return false;
	for (size_t k = 0; k < len; k++)
		if (s[k] != '.')
			return false;
	return true;
}

unsigned rl_key_flags(const char *key, size_t len, unsigned cls)
{
	if (len > 0 && key[0] == RL_MARKER_KEY) {
		/* structure: never content, never a stop */
		bool ordinal = len == 2 && memcmp(key, RL_ORDINAL_KEY, 2) == 0;
		return RL_IDF_PUNCT | RL_IDF_FUNCTION | (ordinal ? RL_IDF_ORDINAL : 0);
	}
	if (len > 0 && key[0] == RL_NUMBER_KEY)
		return RL_IDF_NUMBER | (cls == RL_TOK_WORD ? 0 : RL_IDF_PUNCT);  /* never a stop */
	if (cls == RL_TOK_WORD)
		return rl_is_function_word(key, len) ? RL_IDF_FUNCTION : 0;
	unsigned f = RL_IDF_PUNCT;
	if (is_ellipsis(key, len))
		f |= RL_IDF_ELLIPSIS | RL_IDF_STOP;
	else if (len == 1 && (key[0] == '.' || key[0] == '!' || key[0] == '?'))
		f |= RL_IDF_STOP;
	else if (len == 3 && (memcmp(key, "\xE2\x80\xBD", 3) == 0 ||   /* ‽ */
	                      memcmp(key, "\xEF\xBC\x81", 3) == 0 ||   /* ！ */
	                      memcmp(key, "\xEF\xBC\x9F", 3) == 0 ||   /* ？ */
	                      memcmp(key, "\xE3\x80\x82", 3) == 0))    /* 。 */
		f |= RL_IDF_STOP;
	return f;
}

/* ------------------------------------------------------------------ list markers */

static bool is_bullet_cp(int32_t cp)
{
	return cp == '-' || cp == '*' || cp == '+' || cp == 0x2022 || cp == 0x2023 || cp == 0x25E6 ||
	       cp == 0x25AA || cp == 0x25CF || cp == 0x2043;
}

/* Longest number of a numbered list marker, in digits. */
#define MARKER_DIGITS_MAX 3

/* Is token t a stop or a colon (what ends the text before a list run into a paragraph)? */
static bool after_stop(const rl_token *tok, const char *text, uint32_t t)
{
	if (t == 0 || tok[t - 1].cls != RL_TOK_PUNCT)
		return false;
	char ch = text[tok[t - 1].off + tok[t - 1].len - 1];
	return ch == '.' || ch == ':' || ch == ';' || ch == '!' || ch == '?';
}

/* Closing marks that stay with the sentence they follow: quotes and brackets. */
bool rl_is_closer(const char *s, size_t len)
{
	unsigned char b0 = (unsigned char)s[0];
	if (len == 1)
		return b0 == '"' || b0 == '\'' || b0 == ')' || b0 == ']' || b0 == '}';
	if (b0 != 0xC2 && b0 != 0xE2)
		return false;  /* not the lead byte of » or of ’ ” › */
	int32_t cp;
	if (rl_utf8_decode(s, len, &cp) != len)
		return false;
	switch (cp) {
	case '"': case '\'': case ')': case ']': case '}': case 0x2019: case 0x201D: case 0xBB:
	case 0x203A:
		return true;
	default:
		return false;
	}
}

/* Does token t follow a stop or colon, or a closing bracket or quotation mark glued after one
 * ("(Contributed by A. Smith.) - Next")? */
static bool after_stop_closed(const rl_token *tok, const char *text, uint32_t t)
{
	if (after_stop(tok, text, t))
		return true;
	if (t < 2 || tok[t - 1].gap != RL_GAP_NONE || tok[t - 1].cls != RL_TOK_PUNCT)
		return false;
	return rl_is_closer(text + tok[t - 1].off, tok[t - 1].len) && after_stop(tok, text, t - 1);
}

/* Tokens looked back over for the item a spaced "-" continues (flowed_item). */
#define ITEM_REACH 48

/* Does the spaced "-" at t continue a list flowed onto one line: a spaced "-" before it on its
 * line, no stop between, that starts the line or follows a stop or colon ("Sold. - Buyer pays
 * fees - New owner keeps it")? Else it is a dash ("Boston - The", "went - slowly - home"). The
 * look-back stops at the line's first token, whose facts are the same in a line copied from the
 * other text (ctx_init.c walk_copied), and at ITEM_REACH tokens, so a long line costs no more. */
static bool flowed_item(const rl_token *tok, const char *text, uint32_t t)
{
	uint32_t stop = t > ITEM_REACH ? t - ITEM_REACH : 0;
	for (uint32_t k = t; k-- > stop;) {
		const rl_token *p = &tok[k];
		bool first = k == 0 || p->gap >= RL_GAP_LINE;
		if (p->cls == RL_TOK_PUNCT && p->len == 1 && text[p->off] == '-' &&
		    tok[k + 1].gap == RL_GAP_SPACE && (first || (p->gap != RL_GAP_NONE &&
		                                                 after_stop_closed(tok, text, k))))
			return true;
		if (first || after_stop_closed(tok, text, k + 1))
			return false;  /* the line's start, or a sentence's end, with no item */
	}
	return false;
}

/* Whether a token is a marker must not depend on line ends: a list flowed onto one line (its
 * line breaks made spaces) keeps its markers, or they would no longer pair with the markers of a
 * version that kept the lines. */
uint32_t rl_list_marker(const rl_token *tok, const char *text, uint32_t n, uint32_t t,
                        bool *unordered)
{
	const rl_token *tk = &tok[t];
	if (t + 1 >= n || (t > 0 && tk->gap == RL_GAP_NONE))
		return 0;
	int32_t cp;
	if (tk->cls == RL_TOK_PUNCT && rl_utf8_decode(text + tk->off, tk->len, &cp) == tk->len &&
	    is_bullet_cp(cp) && tok[t + 1].gap == RL_GAP_SPACE) {
		/* A spaced "-" inside a sentence is a dash ("Boston - The", rl_is_dash); one that
		 * starts a line, follows a stop or colon, or continues such an item's list flowed
		 * onto one line starts an item (the flowed list keeps its markers). */
		if (cp == '-' && t > 0 && tk->gap < RL_GAP_BREAK && !after_stop_closed(tok, text, t) &&
		    !flowed_item(tok, text, t))
			return 0;
		*unordered = true;
		return 1;
	}
	bool opens = t == 0 || tk->gap >= RL_GAP_BREAK || after_stop(tok, text, t);
	if (!opens || tk->cls != RL_TOK_WORD || t + 2 >= n || tok[t + 1].gap != RL_GAP_NONE ||
	    tok[t + 2].gap == RL_GAP_NONE || tok[t + 1].len != 1)
		return 0;
	char close = text[tok[t + 1].off];
	const char *w = text + tk->off;
	bool digits = tk->len <= MARKER_DIGITS_MAX;
	for (uint32_t i = 0; i < tk->len && digits; i++)
		digits = w[i] >= '0' && w[i] <= '9';
	bool letter = tk->len == 1 && w[0] >= 'a' && w[0] <= 'z';
	*unordered = false;
	return ((digits && (close == '.' || close == ')')) || (letter && close == ')')) ? 2 : 0;
}

bool rl_is_dash(const rl_token *tok, const char *text, uint32_t n, uint32_t t)
{
	const rl_token *tk = &tok[t];
	if (tk->cls != RL_TOK_PUNCT)
		return false;
	const char *s = text + tk->off;
	bool spaced = t == 0 || tk->gap != RL_GAP_NONE;
	const rl_token *next = t + 1 < n ? &tok[t + 1] : NULL;
	bool glued_after = next && next->gap == RL_GAP_NONE;
	/* A hyphen or an en dash joins, unless spaced and free after ("Boston - The") or glued to
	 * a mark after ("1903-)": a range left open); between two numbers it is a minus or a range
	 * ("2 - 1" is "2-1", "10 – 12" is "10–12"). */
	bool numbers = tk->gap == RL_GAP_SPACE && t > 0 && next && next->gap == RL_GAP_SPACE &&
	               tok[t - 1].cls == RL_TOK_WORD && (tok[t - 1].flags & RL_TF_DIGIT) &&
	               next->cls == RL_TOK_WORD && (next->flags & RL_TF_DIGIT);
	bool joins = numbers || (spaced ? glued_after : !(glued_after && next->cls == RL_TOK_PUNCT));
	if (s[0] == '-') {
		size_t k = 0;
		while (k < tk->len && s[k] == '-')
			k++;
		if (k != tk->len || k > 3)
			return false;
		if (k == 1)
			return !joins;  /* not "closed-source", not "-5" */
		/* A run of hyphens is a dash, but in the marks of an HTML comment ("<!--", "-->"). */
		return !(t > 0 && !spaced && text[tok[t - 1].off + tok[t - 1].len - 1] == '!') &&
		       !(glued_after && text[next->off] == '>');
	}
	int32_t cp;
	if ((unsigned char)s[0] < 0x80 || rl_utf8_decode(s, tk->len, &cp) != tk->len)
		return false;
	switch (cp) {
	case 0x2014: case 0x2015: case 0x2E3A: case 0x2E3B: case 0xFE31: case 0xFE58:
		return true;  /* em dashes, the horizontal bar: never a joiner */
	case 0x2013: case 0xFE32:
		return !joins;  /* "1990–1995" joins */
	default:
		return false;
	}
}

/* Lower-case abbreviations of five letters or more, whose full stop may precede a lower-case
 * word inside a sentence ("approx. five"). */
static const char *const long_abbreviations[] = {
	"abbrev", "approx", "assoc", "illus", "transl", "trans", "suppl", "prelim",
};

bool rl_is_lower_word(const rl_token *tk, const char *text)
{
	if (tk->cls != RL_TOK_WORD || (tk->flags & (RL_TF_UPPER | RL_TF_DIGIT | RL_TF_SOLO)))
		return false;
	if (tk->flags & RL_TF_ASCII)
		return true;
	int32_t cp;
	return rl_utf8_decode(text + tk->off, tk->len, &cp) > 0 &&
	       utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

bool rl_lower_starts(const rl_token *tok, const char *text, uint32_t t)
{
	if (t < 2)
		return false;
	const rl_token *stop = &tok[t - 1], *w = &tok[t - 2];
	if (stop->cls != RL_TOK_PUNCT || stop->gap != RL_GAP_NONE || stop->len != 1 ||
	    text[stop->off] != '.' || w->cls != RL_TOK_WORD || w->len < 5 ||
	    (w->flags & (RL_TF_DIGIT | RL_TF_GLUED | RL_TF_SOLO)))
		return false;
	const char *s = text + w->off;
	if (!(w->flags & RL_TF_ASCII)) {
		/* Five letters, not five bytes: "г." (a year, Russian) is an abbreviation. */
		size_t letters = 0;
		for (size_t i = 0; i < w->len; i++)
			letters += ((unsigned char)s[i] & 0xC0) != 0x80;
		return letters >= 5;
	}
	for (size_t k = 0; k < sizeof long_abbreviations / sizeof *long_abbreviations; k++) {
		const char *a = long_abbreviations[k];
		size_t i = 0;
		while (i < w->len && a[i] && (s[i] | 0x20) == a[i])
			i++;
		if (i == w->len && a[i] == '\0')
			return false;
	}
	return true;
}

/* -ise / -ize, -yse / -yze: one byte differs, an s against a z (in one case) after an i or a y,
 * with a vowel after it ("organised", "organising", "organisation") and a stem before. */
static bool ise_ize(const char *a, const char *b, size_t n)
{
	size_t at = n, diff = 0;
	for (size_t k = 0; k < n; k++)
		if (a[k] != b[k])
			at = k, diff++;
	if (diff != 1 || at < 3 || at + 1 >= n)
		return false;
	char x = a[at], y = b[at], before = a[at - 1], after = a[at + 1];
	bool sz = (x == 's' && y == 'z') || (x == 'z' && y == 's') || (x == 'S' && y == 'Z') ||
	          (x == 'Z' && y == 'S');
	bool iy = before == 'i' || before == 'y' || before == 'I' || before == 'Y';
	return sz && iy && strchr("eiaEIA", after) != NULL;
}

/* -our / -or: the longer word (nl bytes, six or more) is the shorter with a u after the o of an
 * "or" that a stem of three letters or more stands before. */
static bool our_or(const char *l, size_t nl, const char *s)
{
	size_t k = 0;
	while (k < nl - 1 && l[k] == s[k])
		k++;
	return nl >= 6 && k >= 4 && k < nl - 1 && (l[k] == 'u' || l[k] == 'U') &&
	       (l[k - 1] == 'o' || l[k - 1] == 'O') && (s[k] == 'r' || s[k] == 'R') &&
	       memcmp(l + k + 1, s + k, nl - k - 1) == 0;
}

bool rl_spelling_variant(const char *a, size_t na, const char *b, size_t nb)
{
	if (na == nb)
		return ise_ize(a, b, na);
	if (na == nb + 1)
		return our_or(a, na, b);
	return nb == na + 1 && our_or(b, nb, a);
}
