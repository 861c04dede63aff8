/* structure.c: units (sentences, list items, headings). */
#include "structure.h"

#include <stdlib.h>
#include <string.h>

#include "status.h"
#include "text.h"

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
