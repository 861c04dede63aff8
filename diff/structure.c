/* structure.c: units (sentences, list items, headings). */
#include "structure.h"

#include <stdlib.h>
#include <string.h>

#include "bigmem.h"
#include "lexicon.h"
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
	if (len > 4)
		return false;  /* the longest is four letters */
	for (size_t k = 0; k < sizeof abbreviations / sizeof *abbreviations; k++) {
		const char *a = abbreviations[k];
		size_t i = 0;
		while (i < len && a[i] && a[i] == s[i])
			i++;
		if (i == len && a[i] == '\0')
			return true;
	}
	return false;
}

/* Is word w an initial of any script with case: one upper-case letter ("J. Smith",
 * "Ф. М. Герштейн")? A Cyrillic initial once ended a sentence, and a list item of NEW was cut in
 * two units at "Ф. М.", its second half drawn as derived from OLD. */
static bool is_initial(const char *text, const rl_token *w)
{
	int32_t cp;
	return (w->flags & RL_TF_UPPER) && rl_utf8_decode(text + w->off, w->len, &cp) == w->len;
}

/* Is token t a dash ("-", "–", "—")? */
static bool is_dash(const rl_side *sd, uint32_t t)
{
	const rl_token *tk = &sd->tok[t];
	int32_t cp;
	return tk->cls == RL_TOK_PUNCT && rl_utf8_decode(sd->text + tk->off, tk->len, &cp) == tk->len &&
	       (cp == '-' || cp == 0x2013 || cp == 0x2014);
}

/* Can token t begin a sentence? Not a lower-case word ("approx. five", "в 2004 г. этот" go on),
 * but after the full stop of a long word (rl_lower_starts: "stream. podselect is"); not a dash
 * inside a line, which goes on after a question in brackets ("брат (двоюродный?) — Ф. М.
 * Герштейн"; a line that opens with one, dialogue, starts a unit anyway). */
static bool can_begin(const rl_side *sd, uint32_t t)
{
	if (is_dash(sd, t))
		return false;
	return !rl_is_lower_word(&sd->tok[t], sd->text) || rl_lower_starts(sd->tok, sd->text, t);
}

/* A list item run into the text (lists flowed onto one line): a bullet mark standing alone
 * between spaces, before a capitalized word or a number ("-" only after a stop or a colon). */
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
	bool unordered;
	if (rl_utf8_decode(sd->text + tk->off, tk->len, &cp) != tk->len)
		return false;
	if (cp == '-')  /* an item after a stop or colon; else a dash ("Boston - The") */
		return rl_list_marker(sd->tok, sd->text, sd->n, t, &unordered) > 0;
	return cp == '*' || cp == 0x2022 || cp == 0x2023 || cp == 0x25E6 || cp == 0x25AA;
}

/* Is token t the first of its line but for marks ("##", ">", "-")? A Markdown heading's number
 * ("## 4. Subscriptions and fees") is its line's number as much as "4." at the line's start: the
 * heading is one unit, so that it is told a heading (rl_unit_heading) and the sources stage sees
 * it whole. At most RL_RUN_IN_TOKENS marks are looked at. */
static bool line_head(const rl_side *sd, uint32_t t)
{
	for (uint32_t k = 0; k < RL_RUN_IN_TOKENS; k++, t--) {
		if (t == 0 || sd->tok[t].gap >= RL_GAP_BREAK)
			return true;
		if (sd->tok[t - 1].cls != RL_TOK_PUNCT)
			return false;
	}
	return false;
}

bool rl_unit_starts(const rl_ctx *c, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];

	if (t == 0 || sd->tok[t].gap >= RL_GAP_BREAK || inline_item(sd, t))
		return true;
	if (sd->tok[t].gap == RL_GAP_NONE)
		return false;
	uint32_t j = t - 1;
	while (j > 0 && sd->tok[j].gap == RL_GAP_NONE && rl_is_closer(sd->text + sd->tok[j].off, sd->tok[j].len))
		j--;
	if (!(rl_tok_idf(c, s, j) & RL_IDF_STOP)) {
		/* Under ignore_punct a stop has no id: read the byte. */
		const rl_token *p = &sd->tok[j];
		char ch = sd->text[p->off + p->len - 1];
		if (p->cls != RL_TOK_PUNCT || !(ch == '.' || ch == '!' || ch == '?'))
			return false;
	}
	/* After the stop, as it reads the word's first letter (utf8proc, beyond ASCII). */
	if (!can_begin(sd, t))
		return false;
	if (j > 0 && sd->tok[j].gap == RL_GAP_NONE && sd->tok[j].len == 1 && sd->text[sd->tok[j].off] == '.') {
		const rl_token *w = &sd->tok[j - 1];
		if (w->cls == RL_TOK_WORD &&
		    (is_initial(sd->text, w) || is_abbreviation(sd->text + w->off, w->len)))
			return false;
		/* "1. Four million" at the start of a line, or after its marks only ("## 4. Fees"):
		 * a number, not a sentence. */
		if (w->cls == RL_TOK_WORD && w->len <= 3 && line_head(sd, j - 1))
			return false;
	}
	return true;
}

/* May the token at s[0..len) be a closing mark (rl_is_closer), by its first byte? */
static bool may_close(const char *s, size_t len)
{
	unsigned char b0 = (unsigned char)s[0];
	if (len == 1)
		return b0 == '"' || b0 == '\'' || b0 == ')' || b0 == ']' || b0 == '}';
	return b0 == 0xC2 || b0 == 0xE2;
}

/* Is token t (t > 0, after a space or a soft line end) no unit's start for sure, without the
 * whole of rl_unit_starts? It is no bullet mark (- * or one led by 0xE2) run into the text, and
 * the token before it is no stop and no closing mark glued after one: rl_unit_starts would stop
 * at that token and find no sentence's end. */
static bool surely_inside(const rl_ctx *c, int s, uint32_t t)
{
	const rl_side *sd = &c->side[s];
	const rl_token *tk = &sd->tok[t], *p = &sd->tok[t - 1];
	if (tk->cls == RL_TOK_PUNCT) {
		unsigned char b0 = (unsigned char)sd->text[tk->off];
		if (b0 == '-' || b0 == '*' || b0 == 0xE2)
			return false;
	}
	if (t - 1 > 0 && p->gap == RL_GAP_NONE && may_close(sd->text + p->off, p->len))
		return false;
	if (rl_tok_idf(c, s, t - 1) & RL_IDF_STOP)
		return false;
	if (p->cls != RL_TOK_PUNCT)
		return true;
	char ch = sd->text[p->off + p->len - 1];
	return !(ch == '.' || ch == '!' || ch == '?');
}

/* Is a capitalized word s[0..len) one a sentence may start with, not a name by its look: no
 * capital after its first letter ("PEP", "AMD64", "TypeError", "NotRequired"), and of one letter
 * only "A" or "I" (not the "D" of a formula)? */
static bool sentence_like_capital(const char *s, size_t len)
{
	if (len == 1)
		return s[0] == 'A' || s[0] == 'I';
	for (size_t i = 1; i < len; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			return false;
	return true;
}

/* A list item run into a line (a list flowed onto one line: "... a stop. - Item words") has no end
 * the stops give: one without a stop runs on into the sentence after it ("- Opened by the module
 * Group ID of the person ..."). Token t may start such a sentence when it is a capital word that
 * looks like no name (sentence_like_capital), after a lower-case word (and any closing marks
 * glued to it: "is returned) You"). */
static bool run_on_capital(const rl_side *sd, uint32_t t)
{
	const rl_token *tk = &sd->tok[t];
	if (t < 2 || tk->cls != RL_TOK_WORD || !(tk->flags & RL_TF_UPPER) || tk->gap == RL_GAP_NONE)
		return false;
	if (!sentence_like_capital(sd->text + tk->off, tk->len))
		return false;
	uint32_t p = t - 1;  /* the word before, past closing marks glued to it */
	for (int k = 0; k < 2 && p > 0 && sd->tok[p].gap == RL_GAP_NONE &&
	                sd->tok[p].cls == RL_TOK_PUNCT &&
	                rl_is_closer(sd->text + sd->tok[p].off, sd->tok[p].len);
	     k++)
		p--;
	return rl_is_lower_word(&sd->tok[p], sd->text);
}

/* The tokens of the list marker run into a line (no line start) at unit start t0, or 0. */
static uint32_t run_in_marker(const rl_side *sd, uint32_t t0)
{
	const rl_token *tk = sd->tok;
	bool unordered;
	/* (A marker is a mark, or a number or letter with one mark glued after it: the other unit
	 * starts, most of them, are not asked further.) */
	if (t0 == 0 || t0 + 1 >= sd->n || tk[t0].gap >= RL_GAP_BREAK ||
	    (tk[t0].cls != RL_TOK_PUNCT && (tk[t0 + 1].gap != RL_GAP_NONE || tk[t0 + 1].len != 1)))
		return 0;
	return rl_list_marker(tk, sd->text, sd->n, t0, &unordered);
}

/* The list item run into a line that rl_units_find is in: its unit, where its words start (past
 * the marker) and the token its end must come before (RL_RUN_IN_TOKENS); unit UINT32_MAX when
 * the unit being found is none. */
typedef struct run_in {
	uint32_t unit, from, lim;
	bool stopless;  /* the item before it ended at its marker without a stop */
} run_in;

/* Does a stop (. ! ?) end the text before token t (past closing marks glued to it)? */
static bool stop_before(const rl_side *sd, uint32_t t)
{
	uint32_t j = t - 1;
	while (j > 0 && sd->tok[j].gap == RL_GAP_NONE && sd->tok[j].cls == RL_TOK_PUNCT &&
	       rl_is_closer(sd->text + sd->tok[j].off, sd->tok[j].len))
		j--;
	const rl_token *p = &sd->tok[j];
	char ch = sd->text[p->off + p->len - 1];
	return p->cls == RL_TOK_PUNCT && (ch == '.' || ch == '!' || ch == '?');
}

/* A unit starts at t (unit k; k UINT32_MAX: the sentence an item runs on into, or the text's
 * end): the item before it, ended within its limit, is one (RL_UNIT_RUN_IN; past the limit it is
 * taken for no item: a bullet is short); a marker run into a line starts the next run_in. An item
 * after one that ended at its marker without a stop is of a list without stops: a stop that ends
 * it and no capital before is the stop of a sentence it ran on into, which starts in lower case
 * ("- Item of the list t_origin should be ..."); where the item ends is not known, and it is taken
 * for no item. */
static void run_in_next(rl_side *sd, run_in *ri, uint32_t t, uint32_t k)
{
	bool at_stop = (t == sd->n || (k != UINT32_MAX && sd->tok[t].gap < RL_GAP_BREAK &&
	                               run_in_marker(sd, t) == 0)) &&
	               t > 0 && stop_before(sd, t);
	bool item = ri->unit != UINT32_MAX && t <= ri->lim && !(ri->stopless && at_stop);
	if (item)
		sd->uflags[ri->unit] |= RL_UNIT_RUN_IN;
	uint32_t mk = k != UINT32_MAX ? run_in_marker(sd, t) : 0;
	bool stopless = item && mk > 0 && !stop_before(sd, t);
	ri->unit = UINT32_MAX;
	if (mk > 0)
		*ri = (run_in){k, t + mk, t + RL_RUN_IN_TOKENS, stopless};
}

/* The names of side s by their look in its prose: a bit per id of each word that stands
 * capitalized after a lower-case word (run_on_capital) beyond RL_RUN_IN_TOKENS of any list marker
 * run into a line. In a flattened bullet such a word is the name again ("... deals with Microsoft
 * and ...", "... a Turtles occasion ..."), not the start of the sentence the item runs on into;
 * NULL when out of memory. cand: the candidates (or NULL, every token). */
static uint8_t *names_in_prose(const rl_ctx *c, int s, const uint32_t *cand, uint32_t ncand)
{
	const rl_side *sd = &c->side[s];
	uint8_t *names = calloc(c->nids / 8 + 1, 1);
	if (!names)
		return NULL;
	uint32_t clear = 0;  /* the first token past the reach of the last marker run in */
	for (uint32_t i = 0; i < ncand; i++) {
		uint32_t t = cand ? cand[i] : i, id = sd->ids[t];
		if (inline_item(sd, t))
			clear = t + RL_RUN_IN_TOKENS;
		else if (t >= clear && id != RL_ID_NONE && run_on_capital(sd, t))
			names[id / 8] |= (uint8_t)(1u << (id % 8));
	}
	return names;
}

/* Does the list item run into a line end before candidate t, a sentence without a stop after it
 * starting there (a capital after a lower-case word, a function word or no name of the prose)?
 * The names (names_in_prose over the candidates cand[0..ncand)) are found the first time they
 * are read, into *names: most texts run no list item into a line, and the pass over every
 * candidate for them was two fifths of the units' cost on a long article (the sources stage finds
 * the units of the whole of OLD). *oom when there is no memory for them. */
static bool runs_on_at(const rl_ctx *c, int s, uint8_t **names, const uint32_t *cand,
                       uint32_t ncand, const run_in *ri, uint32_t t, bool *oom)
{
	const rl_side *sd = &c->side[s];
	if (ri->unit == UINT32_MAX || t < ri->from || t >= ri->lim || !run_on_capital(sd, t))
		return false;
	uint32_t id = sd->ids[t];
	if (id == RL_ID_NONE || (rl_tok_idf(c, s, t) & RL_IDF_FUNCTION))
		return true;
	if (!*names && !(*names = names_in_prose(c, s, cand, ncand))) {
		*oom = true;
		return false;
	}
	return !((*names)[id / 8] & (1u << (id % 8)));
}

/* Tokens [from, to) are of unit u: u itself for each block of 256 tokens it starts, and its
 * distance from the block's unit for each group of 8 it starts. (Called in order of the tokens:
 * a block's first token has its unit before the rest of the block.) */
static void fill_units(rl_side *sd, uint32_t from, uint32_t to, uint32_t u)
{
	for (uint64_t t = ((uint64_t)from + 7) & ~(uint64_t)7; t < to; t += 8) {
		if (!(t & 255))
			sd->ubase[t >> 8] = u;
		sd->ugrp[t >> 3] = (uint8_t)(u - sd->ubase[t >> 8]);
	}
}

/* Cut the per-unit arrays, allocated for a unit a token, down to the units found: the unit
 * flags came from the heap, where the rest of a token's byte stayed for the whole comparison
 * (0.36 MiB a side on 1 MB of Chinese, 30 tokens a unit) and the exact diff's lists were put
 * above it. A failed realloc keeps the larger array (freed with the context) and says so, as
 * every allocation that fails does. */
static int units_fit(rl_side *sd)
{
	uint32_t *ustart = realloc(sd->ustart, ((size_t)sd->nunits + 2) * sizeof *ustart);
	if (ustart)
		sd->ustart = ustart;
	uint8_t *uflags = ustart ? realloc(sd->uflags, (size_t)sd->nunits + 1) : NULL;
	if (uflags)
		sd->uflags = uflags;
	return ustart && uflags ? RL_OK : RL_ENOMEM;
}

int rl_units_find(rl_ctx *c, int s)
{
	rl_side *sd = &c->side[s];
	uint32_t n = sd->n, k = 0, filled = 0;
	/* The candidates (ctx.h) when rl_ctx_init listed them, else every token. */
	const uint32_t *cand = sd->listed ? sd->ucand.v : NULL;
	uint32_t ncand = sd->listed ? sd->ucand.n : n;
	run_in ri = {UINT32_MAX, 0, 0, false};

	sd->ugrp = rl_map_alloc_from(rl_ugrp_bytes(n), rl_side_map_from(n));
	sd->ubase = malloc(((n >> 8) + 1) * sizeof *sd->ubase);
	sd->ustart = malloc((n + 2) * sizeof *sd->ustart);
	sd->uflags = malloc(n + 1);
	uint8_t *names = NULL;  /* runs_on_at's, found when first read */
	bool oom = false;
	if (!sd->ugrp || !sd->ubase || !sd->ustart || !sd->uflags)
		return RL_ENOMEM;
	for (uint32_t i = 0; i < ncand; i++) {
		uint32_t t = cand ? cand[i] : i;
		const rl_token *tk = &sd->tok[t];
		/* Most tokens: a lower-case word inside a line, or a token glued to the one before (a
		 * comma, a stop), never starts a unit (rl_unit_starts says false at once); those are
		 * not candidates. */
		bool plain = t > 0 && tk->gap < RL_GAP_BREAK &&
		             (tk->gap == RL_GAP_NONE ||
		              (tk->cls == RL_TOK_WORD &&
		               (tk->flags & (RL_TF_ASCII | RL_TF_UPPER | RL_TF_DIGIT | RL_TF_SOLO)) ==
		                   RL_TF_ASCII &&
		               !rl_lower_starts(sd->tok, sd->text, t)) ||
		              surely_inside(c, s, t));
		bool run_on = runs_on_at(c, s, &names, cand, ncand, &ri, t, &oom);
		if (oom) {
			free(names);
			return RL_ENOMEM;
		}
		if (!run_on && (plain || !rl_unit_starts(c, s, t)))
			continue;
		fill_units(sd, filled, t, k - 1);
		filled = t;
		uint8_t gap = tk->gap;
		sd->ustart[k] = t;
		sd->uflags[k] = (uint8_t)((t == 0 || gap == RL_GAP_PARA ? RL_UNIT_PARA : 0) |
		                          (t == 0 || gap >= RL_GAP_BREAK ? RL_UNIT_LINE : 0));
		run_in_next(sd, &ri, t, run_on ? UINT32_MAX : k);
		if (run_on)
			sd->uflags[k] |= RL_UNIT_RUN_ON;
		k++;
	}
	run_in_next(sd, &ri, n, UINT32_MAX);
	free(names);
	fill_units(sd, filled, n, k - 1);
	sd->ustart[k] = n;
	sd->ustart[k + 1] = UINT32_MAX;  /* rl_unit_of's stop */
	sd->nunits = k;
	return units_fit(sd);
}

/* Is [lo, hi) of side s, which ends in a question mark (at j), a title asked as a question
 * ("Will the Ferry Sail Again?"): every word that starts one in lower case is a function word,
 * and two words or more are capitalized (a sentence lowers its verbs and nouns: "What does this
 * mean for the harbour?")? A compound's tail ("Open-Source", "Keeper's") is its head's. */
static bool title_question(const rl_ctx *c, int s, uint32_t lo, uint32_t j)
{
	const rl_side *sd = &c->side[s];
	if (sd->text[sd->tok[j].off + sd->tok[j].len - 1] != '?')
		return false;
	uint32_t upper = 0;
	for (uint32_t t = lo; t < j; t++) {
		const rl_token *tk = &sd->tok[t];
		if (tk->cls != RL_TOK_WORD || (tk->flags & RL_TF_GLUED))
			continue;
		if (tk->flags & RL_TF_UPPER)
			upper++;
		else if (rl_is_lower_word(tk, sd->text) && !(rl_tok_idf(c, s, t) & RL_IDF_FUNCTION))
			return false;
	}
	return upper >= 2;
}

/* Is unit u of side s a heading: a title, a standfirst, a section's name? A line a reader sees
 * of its own (it starts a line, the next unit starts the next), no list item, of at most
 * RL_HEADING_WORDS words, that ends in a word or a mark that is no stop nor a comma, semicolon or
 * colon (a sentence ends in a stop; a line ending in a colon leads into the lines after it); or a
 * title asked as a question (title_question), wherever its line breaks: a page flattened to one
 * line keeps its section names inside its paragraphs ("… the economy? The Fleet's Future: Is the
 * Ferry Done? For years, …"). */
bool rl_unit_heading(const rl_ctx *c, int s, uint32_t u)
{
	const rl_side *sd = &c->side[s];
	uint32_t lo = sd->ustart[u], hi = sd->ustart[u + 1];
	bool unordered;
	if (hi <= lo)
		return false;
	/* The count of words first: most units are sentences longer than a heading, and the
	 * list marker's test reads several tokens (both say no alike; neither changes a thing). */
	uint32_t words = rl_side_words(sd, lo, hi);
	if (words == 0 || words > RL_HEADING_WORDS ||
	    rl_list_marker(sd->tok, sd->text, sd->n, lo, &unordered) > 0)
		return false;
	bool own_line = (sd->uflags[u] & RL_UNIT_LINE) &&
	                !(hi < sd->n && sd->tok[hi].gap < RL_GAP_BREAK);
	uint32_t j = hi - 1;  /* the last token, closing marks after a stop left out: "… said.”" */
	while (j > lo && sd->tok[j].gap == RL_GAP_NONE &&
	       rl_is_closer(sd->text + sd->tok[j].off, sd->tok[j].len))
		j--;
	const rl_token *last = &sd->tok[j];
	if (last->cls == RL_TOK_WORD)
		return own_line;
	char ch = sd->text[last->off + last->len - 1];
	if (ch == '?')
		return title_question(c, s, lo, j);
	return own_line && !(rl_tok_idf(c, s, j) & RL_IDF_STOP) && ch != '.' && ch != '!' &&
	       ch != ',' && ch != ';' && ch != ':';
}

/* What one word of a unit that is no heading tells of its id: a capital after the unit's first
 * word is a name seen; a word in lower case is no name, for good. A word of a script without
 * case, or a number, is neither (rl_is_lower_word's tests of the flags, inline: a call for each
 * character of Chinese was a sixth of the walk). */
static inline void name_note(uint8_t *names, uint32_t id, const rl_token *tk, const char *text,
                             bool first)
{
	unsigned f = tk->flags;
	if (f & RL_TF_UPPER) {
		if (!first)
			names[id] = RL_NAME_SEEN;
	} else if (!(f & (RL_TF_DIGIT | RL_TF_SOLO)) &&
	           ((f & RL_TF_ASCII) || rl_is_lower_word(tk, text))) {
		names[id] = RL_NAME_LOWER;
	}
}

/* Per id: RL_NAME_SEEN when the word is a name, capitalized where it is not its sentence's first
 * word, in a unit that is no heading (a title capitalizes every word), and never in lower case
 * (with -i an id holds both cases), on either side; RL_NAME_LOWER when seen in lower case. Ids are
 * words, not pairing's stems: "Light" of "Point Light" is a name, "lighthouse" with the same
 * stem is not. Into names[0, c->nids). */
void rl_names_find(const rl_ctx *c, uint8_t *names)
{
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c->side[s];
		for (uint32_t u = 0; u < sd->nunits; u++) {
			if (rl_unit_heading(c, s, u))
				continue;
			bool first = true;
			for (uint32_t t = sd->ustart[u]; t < sd->ustart[u + 1]; t++) {
				const rl_token *tk = &sd->tok[t];
				uint32_t id = sd->ids[t];
				if (tk->cls != RL_TOK_WORD || id == RL_ID_NONE)
					continue;
				/* A word seen in lower case stays so: most words need no test. */
				if (names[id] != RL_NAME_LOWER)
					name_note(names, id, tk, sd->text, first);
				first = false;
			}
		}
	}
}

/* The first word with an id of side sd's tokens [t0, t1), or t1. */
static uint32_t first_word(const rl_side *sd, uint32_t t0, uint32_t t1)
{
	while (t0 < t1 && (sd->tok[t0].cls != RL_TOK_WORD || sd->ids[t0] == RL_ID_NONE))
		t0++;
	return t0;
}

/* rl_names_find's walk over the tokens themselves, not unit by unit: a word asked about is rare
 * (those of the few units of NEW that want sources), and the loop over every unit of both texts
 * (the sources stage's context holds the whole of OLD) cost more than the test of each token. Its
 * unit, whether that is a heading and its first word are found at such a word, once a unit. */
void rl_names_find_some(const rl_ctx *c, uint8_t *names, const uint8_t *asked)
{
	for (int s = 0; s < 2; s++) {
		const rl_side *sd = &c->side[s];
		uint32_t end = sd->nunits ? sd->ustart[sd->nunits] : 0;
		uint32_t hu = UINT32_MAX, hfirst = 0;  /* the last unit looked at, its first word */
		for (uint32_t t = sd->nunits ? sd->ustart[0] : 0; t < end; t++) {
			uint32_t id = sd->ids[t];
			if (id == RL_ID_NONE || !asked[id] || names[id] == RL_NAME_LOWER ||
			    sd->tok[t].cls != RL_TOK_WORD)
				continue;
			uint32_t u = rl_unit_of(sd, t);
			if (u != hu) {
				hu = u;
				if (rl_unit_heading(c, s, u)) {  /* rl_names_find skips a heading whole */
					t = sd->ustart[u + 1] - 1;
					continue;
				}
				hfirst = first_word(sd, sd->ustart[u], t);
			}
			name_note(names, id, &sd->tok[t], sd->text, t == hfirst);
		}
	}
}

const uint8_t *rl_ctx_names(rl_ctx *c)
{
	if (!c->names && (c->names = calloc(c->nids + 1, 1)) != NULL)
		rl_names_find(c, c->names);
	return c->names;
}
