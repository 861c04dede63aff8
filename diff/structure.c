/* structure.c: function words, sentence stops, and units. */
#include "structure.h"

#include <stdlib.h>
#include <string.h>

#include "status.h"
#include "text.h"

/* The closed classes of English: articles, pronouns, prepositions, conjunctions, auxiliaries and
 * the commonest quantifiers and adverbs. A coincidental match of one of these inside rewritten text
 * means nothing; a match of any other word may. Sorted for bsearch; apostrophes are straight. */
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

static int cmp_word(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

bool rl_is_function_word(const char *s, size_t len)
{
	char low[FUNCTION_WORD_MAX + 1];
	size_t k = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (k >= FUNCTION_WORD_MAX)
			return false;
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
	return bsearch(low, function_words, sizeof function_words / sizeof *function_words,
	               sizeof *function_words, cmp_word) != NULL;
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
	if (len > 0 && key[0] == RL_MARKER_KEY)
		return RL_IDF_PUNCT | RL_IDF_FUNCTION;  /* structure: never content, never a stop */
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

/* ------------------------------------------------------------------ units */

/* Titles and abbreviations whose dot does not end a sentence before a capitalized word. */
static const char *const abbreviations[] = {
	"Capt", "Co", "Col", "Corp", "Dr", "Fig", "Gen", "Gov", "Inc", "Jr", "Lt", "Ltd", "Mr",
	"Mrs", "Ms", "Mt", "No", "Prof", "Rep", "Rev", "Sen", "Sgt", "Sr", "St", "vs",
};

static bool is_abbreviation(const char *s, size_t len)
{
	if (len == 1 && s[0] >= 'A' && s[0] <= 'Z')
		return true;  /* an initial: "J. Smith" */
	for (size_t k = 0; k < sizeof abbreviations / sizeof *abbreviations; k++)
		if (strlen(abbreviations[k]) == len && memcmp(abbreviations[k], s, len) == 0)
			return true;
	return false;
}

/* Closing marks that stay with the sentence they follow: quotes and brackets. */
static bool is_closer(const char *s, size_t len)
{
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

/* Can token t begin a sentence? Not a lower-case word: "approx. five" goes on. */
static bool can_begin(const rl_side *sd, uint32_t t)
{
	const rl_token *tk = &sd->tok[t];
	return tk->cls != RL_TOK_WORD || (tk->flags & (RL_TF_UPPER | RL_TF_DIGIT | RL_TF_SOLO)) ||
	       !(tk->flags & RL_TF_ASCII);
}

/* A list item run into the text (lists flowed onto one line): a bullet mark standing alone
 * between spaces, before a capitalized word or a number. */
static bool inline_item(const rl_side *sd, uint32_t t)
{
	const rl_token *tk = &sd->tok[t];
	if (tk->cls != RL_TOK_PUNCT || tk->gap == RL_GAP_NONE || t + 1 >= sd->n)
		return false;
	const rl_token *next = &sd->tok[t + 1];
	if (next->gap == RL_GAP_NONE || next->cls != RL_TOK_WORD ||
	    !(next->flags & (RL_TF_UPPER | RL_TF_DIGIT)))
		return false;
	int32_t cp;
	if (rl_utf8_decode(sd->text + tk->off, tk->len, &cp) != tk->len)
		return false;
	return cp == '-' || cp == '*' || cp == 0x2022 || cp == 0x2023 || cp == 0x25E6 || cp == 0x25AA;
}

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
		*unordered = true;
		return 1;  /* a spaced "-" used as a dash is one too: never the hyphen of a word */
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

bool rl_unit_starts(const rl_ctx *c, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];

	if (t == 0 || sd->tok[t].gap >= RL_GAP_BREAK || inline_item(sd, t))
		return true;
	if (sd->tok[t].gap == RL_GAP_NONE || !can_begin(sd, t))
		return false;
	uint32_t j = t - 1;
	while (j > 0 && sd->tok[j].gap == RL_GAP_NONE && is_closer(sd->text + sd->tok[j].off, sd->tok[j].len))
		j--;
	if (!(rl_tok_idf(c, s, j) & RL_IDF_STOP)) {
		/* Under ignore_punct a stop has no id: read the byte. */
		const rl_token *p = &sd->tok[j];
		char ch = sd->text[p->off + p->len - 1];
		if (p->cls != RL_TOK_PUNCT || !(ch == '.' || ch == '!' || ch == '?'))
			return false;
	}
	if (j > 0 && sd->tok[j].gap == RL_GAP_NONE && sd->tok[j].len == 1 && sd->text[sd->tok[j].off] == '.') {
		const rl_token *w = &sd->tok[j - 1];
		if (w->cls == RL_TOK_WORD && is_abbreviation(sd->text + w->off, w->len))
			return false;
		/* "1. Four million" at the start of a line: a list marker, not a sentence. */
		if (w->cls == RL_TOK_WORD && w->len <= 3 && (j == 1 || w->gap >= RL_GAP_BREAK))
			return false;
	}
	return true;
}

int rl_units_find(rl_ctx *c, int s)
{
	rl_side *sd = &c->side[s];
	uint32_t n = sd->n, k = 0;

	sd->unit = malloc((n + 1) * sizeof *sd->unit);
	sd->ustart = malloc((n + 2) * sizeof *sd->ustart);
	sd->uflags = malloc(n + 1);
	if (!sd->unit || !sd->ustart || !sd->uflags)
		return RL_ENOMEM;
	for (uint32_t t = 0; t < n; t++) {
		const rl_token *tk = &sd->tok[t];
		/* Most tokens: a lower-case word inside a line never starts a unit. */
		bool plain = t > 0 && tk->gap < RL_GAP_BREAK && tk->cls == RL_TOK_WORD &&
		             (tk->flags & (RL_TF_ASCII | RL_TF_UPPER | RL_TF_DIGIT | RL_TF_SOLO)) ==
		                 RL_TF_ASCII;
		if (!plain && rl_unit_starts(c, s, t)) {
			uint8_t gap = sd->tok[t].gap;
			sd->ustart[k] = t;
			sd->uflags[k] = (uint8_t)((t == 0 || gap == RL_GAP_PARA ? RL_UNIT_PARA : 0) |
			                          (t == 0 || gap >= RL_GAP_BREAK ? RL_UNIT_LINE : 0));
			k++;
		}
		sd->unit[t] = k - 1;
	}
	sd->ustart[k] = n;
	sd->nunits = k;
	return RL_OK;
}

/* ------------------------------------------------------------------ list markers apart */

/* Tokens of the list marker that starts side s's range [lo, hi), or 0. */
static uint32_t marker_at(const rl_ctx *c, int s, uint32_t lo, uint32_t hi)
{
	const rl_side *sd = &c->side[s];
	if (hi <= lo || (lo > 0 && sd->tok[lo].gap == RL_GAP_NONE))
		return 0;
	bool unordered;
	uint32_t m = rl_list_marker(sd->tok, sd->text, sd->n, lo, &unordered);
	return m <= hi - lo ? m : 0;
}

/* A change that pairs a list marker with text (a dateline with the "-" of a bullet, a deleted
 * clause with a summary's dash) puts the marker beside words it has nothing to do with: the
 * marker (ma tokens of OLD or mb of NEW, one of them 0) is inserted or deleted on its own,
 * before the rest of the change. */
static int split_markers(const rl_op *op, uint32_t ma, uint32_t mb, rl_opvec *out)
{
	rl_op mark = *op, rest = *op;
	mark.a1 = op->a0 + ma, mark.b1 = op->b0 + mb;
	rest.a0 = mark.a1, rest.b0 = mark.b1;
	mark.kind = rl_change_kind(mark.a1 > mark.a0, mark.b1 > mark.b0);
	rest.kind = rl_change_kind(rest.a1 > rest.a0, rest.b1 > rest.b0);
	if (rest.a1 == rest.a0 && rest.b1 == rest.b0)
		return rl_opvec_push(out, &mark);
	/* The marker stays glued to the words it starts: when the rest of the change has nothing on
	 * the marker's side (a dateline deleted where a bullet starts), the rest comes first and the
	 * marker right before the text that follows it. */
	bool rest_first = ma ? rest.a1 == rest.a0 : rest.b1 == rest.b0;
	if (rest_first) {
		rest.a0 = op->a0, rest.b0 = op->b0;
		rest.a1 = ma ? op->a0 : op->a1, rest.b1 = mb ? op->b0 : op->b1;
		mark.a0 = rest.a1, mark.b0 = rest.b1;
		mark.a1 = mark.a0 + ma, mark.b1 = mark.b0 + mb;
	}
	int rc = rl_opvec_push(out, rest_first ? &rest : &mark);
	return rc == RL_OK ? rl_opvec_push(out, rest_first ? &mark : &rest) : rc;
}

int rl_markers_apart(rl_ctx *c, rl_opvec *ops)
{
	rl_opvec out = rl_ctx_scratch(c, ops->n);
	int rc = RL_OK;
	bool any = false;
	for (size_t k = 0; k < ops->n && rc == RL_OK; k++) {
		const rl_op *op = &ops->v[k];
		uint32_t ma = 0, mb = 0;
		if (op->kind == RL_OP_REPLACE && !op->move) {
			ma = marker_at(c, RL_OLD, op->a0, op->a1);
			mb = marker_at(c, RL_NEW, op->b0, op->b1);
			/* Markers on both sides pair as they are (a bullet for a bullet); a marker that
			 * starts a rewrite ("- Only" for "A survey found that") is drawn with its words.
			 * Only a side that is a marker and nothing else is cut off. */
			if ((ma && mb) || (ma && ma < op->a1 - op->a0) || (mb && mb < op->b1 - op->b0))
				ma = mb = 0;
		}
		if (ma || mb) {
			rc = split_markers(op, ma, mb, &out);
			any = true;
		} else {
			rc = rl_opvec_push(&out, op);
		}
	}
	if (rc == RL_OK && any)
		rl_opvec_swap(ops, &out);
	rl_ctx_recycle(c, &out);
	return rc;
}
