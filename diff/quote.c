/* quote.c: finding quotations (the marks that open and close them, and paragraphs quoted after
 * "he said:"). quote_flag.c flags the ops that change them. */
#include "quote.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "status.h"
#include "text.h"

/* Quotations open deeper than this are not followed (and an endless run of opening marks costs
 * nothing). */
#define QUOTE_DEPTH_MAX 16
/* A "quotation" longer than this many words is more likely a stray mark that found a partner far
 * away: it is not one. */
#define QUOTE_MAX_WORDS 2000

/* Families of quotation marks: which closing mark answers which opening one. */
enum {
	F_NONE,
	F_DOUBLE,      /* “ ” */
	F_SINGLE,      /* ‘ ’ */
	F_LOW_DOUBLE,  /* „ “ (or „ ”) */
	F_LOW_SINGLE,  /* ‚ ‘ (or ‚ ’) */
	F_GUIL,        /* « » */
	F_GUIL_REV,    /* » « */
	F_SGUIL,       /* ‹ › */
	F_SGUIL_REV,   /* › ‹ */
	F_CORNER,      /* 「 」 */
	F_WCORNER,     /* 『 』 */
	F_STRAIGHT2,   /* " " */
	F_STRAIGHT1,   /* ' ' */
};

#define BIT(f) (1u << (f))

typedef struct markinfo {
	uint8_t opens;    /* family it can open, or F_NONE */
	unsigned closes;  /* families it can close */
} markinfo;

static markinfo mark_of(int32_t cp)
{
	switch (cp) {
	case 0x201C: return (markinfo){F_DOUBLE, BIT(F_LOW_DOUBLE)};
	case 0x201D: return (markinfo){F_NONE, BIT(F_DOUBLE) | BIT(F_LOW_DOUBLE)};
	case 0x201E: return (markinfo){F_LOW_DOUBLE, 0};
	case 0x2018: return (markinfo){F_SINGLE, BIT(F_LOW_SINGLE)};
	case 0x2019: return (markinfo){F_NONE, BIT(F_SINGLE) | BIT(F_LOW_SINGLE)};
	case 0x201A: return (markinfo){F_LOW_SINGLE, 0};
	case 0xAB: return (markinfo){F_GUIL, BIT(F_GUIL_REV)};
	case 0xBB: return (markinfo){F_GUIL_REV, BIT(F_GUIL)};
	case 0x2039: return (markinfo){F_SGUIL, BIT(F_SGUIL_REV)};
	case 0x203A: return (markinfo){F_SGUIL_REV, BIT(F_SGUIL)};
	case 0x300C: return (markinfo){F_CORNER, 0};
	case 0x300D: return (markinfo){F_NONE, BIT(F_CORNER)};
	case 0x300E: return (markinfo){F_WCORNER, 0};
	case 0x300F: return (markinfo){F_NONE, BIT(F_WCORNER)};
	case '"': return (markinfo){F_STRAIGHT2, BIT(F_STRAIGHT2)};
	case '\'': return (markinfo){F_STRAIGHT1, BIT(F_STRAIGHT1)};
	default: return (markinfo){F_NONE, 0};
	}
}

typedef struct open_mark {
	uint32_t tok;
	uint8_t fam;
} open_mark;

typedef struct finder {
	rl_ctx *c;
	int s;
	open_mark stack[QUOTE_DEPTH_MAX];
	size_t depth;
	rl_quotation *v;
	size_t n, cap;
	uint32_t skip_to;  /* the closing mark of the last attribute value met (0: none) */
} finder;

static int32_t cp_of(const rl_side *sd, uint32_t t)
{
	const rl_token *tk = &sd->tok[t];
	int32_t cp;
	if (tk->cls != RL_TOK_PUNCT || rl_utf8_decode(sd->text + tk->off, tk->len, &cp) != tk->len)
		return -1;
	return cp;
}

/* Spacing around token t: does it touch the token before it, the one after it? */
static bool touches_prev(const rl_side *sd, uint32_t t)
{
	return t > 0 && sd->tok[t].gap == RL_GAP_NONE;
}

static bool touches_next(const rl_side *sd, uint32_t t)
{
	return t + 1 < sd->n && sd->tok[t + 1].gap == RL_GAP_NONE;
}

static bool word_at(const rl_side *sd, uint32_t t)
{
	return t < sd->n && sd->tok[t].cls == RL_TOK_WORD;
}

/* Is code point cp one of the ASCII characters of set? */
static bool ascii_in(int32_t cp, const char *set)
{
	return cp > 0 && cp <= 0x7f && strchr(set, cp);
}

/* Does token t open a bracket, join alternatives or assign ("(", "[", "{", "/", "=", a dash)?
 * A straight double mark glued after it and before text may open a quotation (sprintf("%d"),
 * perlvar/"$0", TASK="-m test"), or close one ("/tmp/", "\\B{"): the stack decides. */
static bool opens_before(const rl_side *sd, uint32_t t)
{
	int32_t cp = cp_of(sd, t);
	return cp == '(' || cp == '[' || cp == '{' || cp == '/' || cp == '=' || cp == 0x2013 ||
	       cp == 0x2014;
}

/* Does the mark at t follow an ellipsis glued to it ("...", "..", "…")? */
static bool after_ellipsis(const rl_side *sd, uint32_t t)
{
	if (t < 1 || !touches_prev(sd, t) || sd->tok[t - 1].cls != RL_TOK_PUNCT)
		return false;
	const rl_token *p = &sd->tok[t - 1];
	const char *x = sd->text + p->off;
	if (p->len == 3 && memcmp(x, "\xE2\x80\xA6", 3) == 0)
		return true;
	size_t dots = 0;
	while (dots < p->len && x[dots] == '.')
		dots++;
	if (dots != p->len)
		return false;
	return dots >= 2 || (t >= 2 && touches_prev(sd, t - 1) && cp_of(sd, t - 2) == '.');
}

/* Can a straight mark at t open (it leans on what follows) or close (it leans on what
 * precedes)? A mark touching both sides (don't, "quoted"word) is decided by the stack. */
static void straight_roles(const rl_side *sd, uint32_t t, bool single, bool *open, bool *close)
{
	bool prev = touches_prev(sd, t), next = touches_next(sd, t);
	if (!single && prev && next && after_ellipsis(sd, t)) {
		*open = *close = true;  /* "=begin x"..."=end x", "0".."-1": a second quotation */
		return;
	}
	if (!single && prev && next && opens_before(sd, t - 1)) {
		int32_t after = cp_of(sd, t + 1);  /* ("): a mark named in brackets opens nothing */
		*close = true;
		*open = after <= 0 || after > 0x7f || !strchr(")]}.,;:!?\"'", after) ||
		        ((after == '.' || after == ':') && touches_next(sd, t + 1) && word_at(sd, t + 2)) ||
		        (after == '\'' && touches_next(sd, t + 1) && t + 2 < sd->n &&
		         !ascii_in(cp_of(sd, t + 2), ")]}\"'"));
		/* (".txt"), (":name"): a quoted name that starts with a dot or a colon; printf("'%e'"):
		 * a string that starts with an apostrophe, though ("'") names one */
		return;
	}
	bool next_punct = t + 1 < sd->n && sd->tok[t + 1].cls == RL_TOK_PUNCT;
	*open = next && !prev;
	*close = prev && (!next || next_punct);
	if (!single && prev && next && !next_punct)
		*open = *close = true;
	if (single && *open && (t + 1 >= sd->n || sd->tok[t + 1].cls != RL_TOK_WORD))
		*open = false;  /* '90s, 'tis: rare enough; a lone ' before punctuation is no quote */
}

/* Is the curly mark at t glued inside a word ("they’re", "Singerman’s", "don‘t")? */
static bool inside_word(const rl_side *sd, uint32_t t)
{
	return touches_prev(sd, t) && touches_next(sd, t) && word_at(sd, t - 1) && word_at(sd, t + 1);
}

/* Is the ’ at t the second mark of an elision set between spaces ("rock ’n’ roll", "’em’")? The
 * word before it starts with an apostrophe that follows a space. */
static bool closes_elision(const rl_side *sd, uint32_t t)
{
	if (t < 2 || !word_at(sd, t - 1) || !touches_prev(sd, t) || !touches_prev(sd, t - 1))
		return false;
	return cp_of(sd, t - 2) == 0x2019 && (t - 2 == 0 || sd->tok[t - 2].gap != RL_GAP_NONE);
}

/* Tokens looked ahead for a better closing mark than a plural possessive. */
#define POSSESSIVE_LOOKAHEAD 400

/* Can the ’ at t close a quotation for sure (it ends a word and nothing glued follows it but
 * punctuation)? */
static bool plain_closer(const rl_side *sd, uint32_t t)
{
	return cp_of(sd, t) == 0x2019 && touches_prev(sd, t) && !inside_word(sd, t) &&
	       !closes_elision(sd, t);
}

/* The ’ at t ends a word in s and a word follows after a space ("the students’ union"): a plural
 * possessive, unless no other mark closes the open quotation later in the paragraph ("‘Ask the
 * students’ she said" keeps it as the closing mark). */
static bool plural_possessive(const rl_side *sd, uint32_t t)
{
	const rl_token *w = &sd->tok[t - 1];
	char last = sd->text[w->off + w->len - 1];
	if ((last | 0x20) != 's' || !word_at(sd, t + 1) || sd->tok[t + 1].gap != RL_GAP_SPACE)
		return false;
	const rl_token *n = &sd->tok[t + 1];
	if (rl_is_function_word(sd->text + n->off, n->len))
		return false;  /* "‘Frequency Modulations’ but": a possessive owns a noun */
	for (uint32_t k = t + 1; k < sd->n && k - t < POSSESSIVE_LOOKAHEAD; k++) {
		if (sd->tok[k].gap == RL_GAP_PARA)
			return false;
		if (plain_closer(sd, k))
			return true;
	}
	return false;
}

/* Does the ’ at t end a quotation of one word, opened by the innermost open ‘ right before that
 * word ("‘walks’ across a room", "‘news’ that…")? It closes it, though a word follows. */
static bool one_word_quote(const finder *f, uint32_t t)
{
	const rl_side *sd = &f->c->side[f->s];
	return f->depth > 0 && t >= 2 && f->stack[f->depth - 1].tok == t - 2 &&
	       f->stack[f->depth - 1].fam == F_SINGLE && word_at(sd, t - 1) && touches_prev(sd, t - 1);
}

/* Roles of a curly single mark at t (’ when `right`, else ‘). The right mark is also the
 * apostrophe: inside a word, at the end of a plural possessive or around an elision it never
 * closes a quotation. A left mark glued inside a word was typed for an apostrophe ("don‘t"). */
static void curly_single_roles(const finder *f, uint32_t t, bool right, bool *open, bool *close)
{
	const rl_side *sd = &f->c->side[f->s];
	if (!right) {
		*open = *open && !inside_word(sd, t);
		return;
	}
	if (!touches_prev(sd, t) || !word_at(sd, t - 1))
		*close = touches_prev(sd, t);  /* after punctuation ("sleepy,’"); else a stray mark */
	else
		*close = plain_closer(sd, t) &&
		         (f->depth == 0 || one_word_quote(f, t) || !plural_possessive(sd, t));
}

static int record(finder *f, uint32_t t0, uint32_t t1, size_t depth)
{
	const rl_side *sd = &f->c->side[f->s];
	if (rl_side_words(sd, t0, t1) > QUOTE_MAX_WORDS)
		return RL_OK;
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 32;
		rl_quotation *v = realloc(f->v, cap * sizeof *v);
		if (!v)
			return RL_ENOMEM;
		f->v = v;
		f->cap = cap;
	}
	f->v[f->n++] = (rl_quotation){t0, t1, (uint16_t)depth};
	return RL_OK;
}

/* Tokens looked back for the start of the line before a list marker. */
#define LINE_REACH 200

/* Is the list marker at token t a hard wrap's accident: the line before it breaks off after a
 * word, inside a sentence, and is no list item itself ("calculated by "1000⏎* (the runs …)"")?
 * A list follows a line that ends a clause ("as follows:") or is an item of its own. */
static bool wrapped_marker(const rl_side *sd, uint32_t t)
{
	bool unordered;
	if (t == 0 || sd->tok[t].gap == RL_GAP_PARA || sd->tok[t - 1].cls != RL_TOK_WORD)
		return false;
	uint32_t x = t - 1, stop = t > LINE_REACH ? t - LINE_REACH : 0;
	while (x > stop && sd->tok[x].gap < RL_GAP_LINE)
		x--;
	if (x > 0 && sd->tok[x].gap < RL_GAP_LINE)
		return false;  /* a long line: the marker is too far from its start to judge */
	return !(sd->tok[x].cls == RL_TOK_PUNCT && rl_list_marker(sd->tok, sd->text, sd->n, x,
	                                                          &unordered) > 0);
}

/* Does a list item start between tokens t0 and t1 of a side (on a new line, after t0)? */
static bool item_between(const rl_side *sd, uint32_t t0, uint32_t t1)
{
	bool unordered;
	if (rl_has_units(sd) && sd->ustart && sd->uflags) {  /* items start units that start a line */
		for (uint32_t u = rl_unit_of(sd, t0) + 1, ulast = rl_unit_of(sd, t1); u <= ulast; u++) {
			uint32_t t = sd->ustart[u];
			if ((sd->uflags[u] & RL_UNIT_LINE) && t > t0 && t < t1 &&
			    sd->tok[t].cls == RL_TOK_PUNCT &&
			    rl_list_marker(sd->tok, sd->text, sd->n, t, &unordered) > 0 &&
			    !wrapped_marker(sd, t))
				return true;
		}
		return false;
	}
	for (uint32_t t = t0 + 1; t < t1; t++) {
		if (sd->tok[t].gap >= RL_GAP_BREAK && sd->tok[t].cls == RL_TOK_PUNCT &&
		    rl_list_marker(sd->tok, sd->text, sd->n, t, &unordered) > 0 && !wrapped_marker(sd, t))
			return true;
	}
	return false;
}

/* Close the innermost open quotation of a family in `fams`, if any. A quotation never runs from
 * one list item into another: an opening mark left open in an item before was a stray mark (a
 * bullet that quotes half a sentence), dropped with the marks opened after it. */
static int try_close(finder *f, uint32_t t, unsigned fams, bool *closed)
{
	*closed = false;
	for (size_t d = f->depth; d-- > 0;) {
		if (!(fams & BIT(f->stack[d].fam)))
			continue;
		if (item_between(&f->c->side[f->s], f->stack[d].tok, t)) {
			f->depth = d;
			return RL_OK;
		}
		*closed = true;
		f->depth = d;  /* unclosed marks inside it were not quotations */
		return record(f, f->stack[d].tok, t + 1, d);
	}
	return RL_OK;
}

static void push_open(finder *f, uint32_t t, uint8_t fam)
{
	/* Quotation marks do not nest in their own kind (a quotation inside “…” takes ‘…’, and the
	 * other way round): a second opening mark of a family right inside one means the first was
	 * a stray mark that would otherwise run to a closing mark far away ("Execute "setup.rc -a …
	 * like "perldoc perlpod""). It and the marks opened after it are dropped. At the start of a
	 * line the mark reopens the quotation instead, as a new paragraph does (a letter's
	 * signature lines: "Very truly yours, / "IRENE NORTON."). */
	if (fam == F_DOUBLE || fam == F_STRAIGHT2 || fam == F_LOW_DOUBLE || fam == F_SINGLE ||
	    fam == F_STRAIGHT1 || fam == F_LOW_SINGLE) {
		size_t d = f->depth - 1;  /* only the innermost: “a ‘b “c” b’ a” nests */
		if (f->depth > 0 && f->stack[d].fam == fam) {
			if (f->c->side[f->s].tok[t].gap >= RL_GAP_BREAK)
				return;
			f->depth = d;
		}
	}
	if (f->depth == QUOTE_DEPTH_MAX) {
		memmove(f->stack, f->stack + 1, (QUOTE_DEPTH_MAX - 1) * sizeof *f->stack);
		f->depth--;
	}
	f->stack[f->depth++] = (open_mark){t, fam};
}

/* A new paragraph: a quotation still open continues only when the paragraph starts with another
 * opening mark of its family (the English way of quoting across paragraphs). */
static bool continues_quote(const finder *f, const markinfo *m)
{
	return f->depth > 0 && m->opens != F_NONE && f->stack[f->depth - 1].fam == m->opens;
}

/* Words between an open straight double mark and a mark that could close it or open a quotation
 * of its own ("(/"x")", "perlvar/"$0""): further apart, the open one was a stray mark (a
 * quotation cut in two, a mark typed alone) and the second one opens. The same reach bounds a
 * quotation between straight single marks, which are apostrophes as often (stray_single). */
#define STRAY_REACH 150

/* Is the innermost open quotation of family `fam` further than STRAY_REACH words before t? */
static bool far_open(const finder *f, uint32_t t, uint8_t fam)
{
	const rl_side *sd = &f->c->side[f->s];
	for (size_t d = f->depth; d-- > 0;)
		if (f->stack[d].fam == fam)
			return rl_side_words(sd, f->stack[d].tok, t) > STRAY_REACH;
	return false;
}

/* A straight ' that would close a quotation opened further than STRAY_REACH words before: the
 * opening mark was an apostrophe ("Count 'em!", "'tis") and this one is another ("the
 * students' union"). In a text run into one line no paragraph break ends the stray quotation,
 * which would otherwise flag every change over thousands of words as an altered quotation and
 * cut each swap inside it into a deletion and an insertion. The stray mark is dropped, with the
 * marks opened after it, and the closer closes nothing. */
static bool stray_single(finder *f, uint32_t t)
{
	if (!far_open(f, t, F_STRAIGHT1))
		return false;
	size_t d = f->depth;
	while (d-- > 0 && f->stack[d].fam != F_STRAIGHT1)
		;
	f->depth = d;
	return true;
}

/* Tokens looked ahead for the closing mark of a markup attribute's value. */
#define ATTR_REACH 160  /* a long inline style: "width:50%; background:#FFFFE0; border:…" */

/* Does the token after an attribute value's closing mark at k end it as markup does: the line
 * ends, a tag or a template goes on glued (">", "/>", "|", "}}", "]"), a tag or a table cell's
 * attributes close after a space (" />", " | text"), or another attribute follows (" style=")?
 * Prose goes on after a quotation instead ("Set TASK="-m test" to run it"). */
static bool ends_attribute(const rl_side *sd, uint32_t k)
{
	if (k + 1 >= sd->n || sd->tok[k + 1].gap >= RL_GAP_LINE)
		return true;
	int32_t next = cp_of(sd, k + 1);
	if (sd->tok[k + 1].gap == RL_GAP_NONE)
		return next > 0 && next < 0x80 && strchr(">/|}]", next);
	if (sd->tok[k + 1].gap != RL_GAP_SPACE)
		return false;
	if (next == '/' || next == '>' || next == '|')
		return true;
	return word_at(sd, k + 1) && k + 2 < sd->n && sd->tok[k + 2].gap == RL_GAP_NONE &&
	       cp_of(sd, k + 2) == '=';
}

/* Is the straight mark at t the opening mark of a markup attribute's value, glued after a name
 * and "=" (<ref name=":0" />, |rowspan="2" style="text-align:left"|, | bgcolor ="#b6fcb6" |)?
 * Wiki text and HTML source are full of them, and none is a quotation. Sets *end to its closing mark. */
static bool attribute_value(const rl_side *sd, uint32_t t, uint32_t *end)
{
	if (t < 2 || !touches_prev(sd, t) || cp_of(sd, t - 1) != '=' ||
	    sd->tok[t - 1].gap > RL_GAP_SPACE || !word_at(sd, t - 2))
		return false;
	int32_t cp = cp_of(sd, t);
	for (uint32_t k = t + 1; k < sd->n && k - t <= ATTR_REACH; k++) {
		if (sd->tok[k].gap == RL_GAP_PARA)
			return false;
		if (cp_of(sd, k) != cp)
			continue;
		if (!ends_attribute(sd, k))
			return false;
		*end = k;
		return true;
	}
	return false;
}

static int mark_at(finder *f, uint32_t t)
{
	const rl_side *sd = &f->c->side[f->s];
	int32_t cp = cp_of(sd, t);
	markinfo m = cp < 0 ? (markinfo){F_NONE, 0} : mark_of(cp);

	if (t > 0 && sd->tok[t].gap == RL_GAP_PARA) {
		if (continues_quote(f, &m))
			return RL_OK;
		f->depth = 0;
	}
	if (m.opens == F_NONE && m.closes == 0)
		return RL_OK;
	bool can_open = m.opens != F_NONE, can_close = m.closes != 0;
	if ((cp == '"' || cp == '\'') && attribute_value(sd, t, &f->skip_to))
		return RL_OK;  /* its marks and whatever they hold are markup */
	if (cp == '"' || cp == '\'')
		straight_roles(sd, t, cp == '\'', &can_open, &can_close);
	else if (cp == 0x2019 || cp == 0x2018)
		curly_single_roles(f, t, cp == 0x2019, &can_open, &can_close);
	if (can_open && (m.opens == F_SINGLE || m.opens == F_STRAIGHT1) && t + 2 < sd->n &&
	    sd->tok[t + 1].cls == RL_TOK_WORD && sd->tok[t + 1].len == 1 &&
	    sd->tok[t + 2].gap != RL_GAP_NONE)
		can_open = false;  /* "AI ‘s strategy": an apostrophe typed as a quote */
	if (can_close && can_open && cp == '"' && far_open(f, t, F_STRAIGHT2))
		can_close = false;  /* "dual-life … 800 words … (/"PERFORM"): it opens a quotation */
	if (can_close && cp == '\'' && stray_single(f, t))
		can_close = false;
	if (can_close) {
		bool closed;
		int rc = try_close(f, t, m.closes, &closed);
		if (rc != RL_OK || closed)
			return rc;
	}
	if (can_open)
		push_open(f, t, m.opens);
	return RL_OK;
}

/* Verbs that introduce speech: a paragraph that ends "he said:" is followed by what he said, a
 * quotation set as a paragraph of its own (marks are often lost on the way to a web page). */
static const char *const speech_verbs[] = {
	"added", "adds", "announced", "argued", "asked", "commented", "continued", "declared",
	"explained", "insisted", "noted", "posted", "recalled", "remarked", "replied", "said",
	"says", "stated", "tells", "testified", "told", "tweeted", "warned", "wrote", "writes",
};

static bool is_speech_verb(const char *w, size_t n)
{
	for (size_t k = 0; k < sizeof speech_verbs / sizeof *speech_verbs; k++) {
		size_t len = strlen(speech_verbs[k]);
		if (len != n)
			continue;
		size_t i = 0;
		while (i < n && (w[i] | 0x20) == speech_verbs[k][i])
			i++;
		if (i == n)
			return true;
	}
	return false;
}

/* Words looked at before the colon for the speech verb ("he told reporters:"). */
#define SPEECH_VERB_REACH 3

/* Does the paragraph that ends just before token t end with a speech verb and a colon? */
static bool introduces_speech(const rl_side *sd, uint32_t t)
{
	if (t < 2)
		return false;
	const rl_token *colon = &sd->tok[t - 1];
	if (colon->cls != RL_TOK_PUNCT || colon->len != 1 || sd->text[colon->off] != ':')
		return false;
	uint32_t seen = 0;
	for (uint32_t k = t - 1; k-- > 0 && seen < SPEECH_VERB_REACH;) {
		const rl_token *w = &sd->tok[k];
		if (w->cls != RL_TOK_WORD)
			break;
		if (is_speech_verb(sd->text + w->off, w->len))
			return true;
		seen++;
		if (w->gap >= RL_GAP_BREAK)
			break;
	}
	return false;
}

static int cmp_quotation(const void *x, const void *y)
{
	const rl_quotation *p = x, *q = y;
	if (p->t0 != q->t0)
		return (p->t0 > q->t0) - (p->t0 < q->t0);
	return (p->t1 < q->t1) - (p->t1 > q->t1);
}

/* Paragraphs quoted without marks after "he said:", when no marked quotation overlaps them. */
static int block_quotes(finder *f)
{
	const rl_side *sd = &f->c->side[f->s];
	size_t marked = f->n, seen = 0;
	uint32_t reach = 0;  /* the furthest end of the marked quotations starting before `end` */

	/* In reading order, swept once along the paragraphs (never a scan of all of them per
	 * paragraph). */
	if (marked > 1)
		qsort(f->v, marked, sizeof *f->v, cmp_quotation);
	/* Paragraphs start at candidates (ctx.h) when rl_ctx_init listed them. */
	const uint32_t *cand = sd->listed ? sd->qcand.v : NULL;
	uint32_t ncand = sd->listed ? sd->qcand.n : sd->n;
	for (uint32_t i = 0; i < ncand; i++) {
		uint32_t t = cand ? cand[i] : i;
		if (t == 0 || sd->tok[t].gap != RL_GAP_PARA || (sd->code && sd->code[t]) ||
		    !introduces_speech(sd, t))
			continue;  /* code after "he said:" is no quotation either */
		int32_t cp = cp_of(sd, t);
		if (cp >= 0 && mark_of(cp).opens != F_NONE)
			continue;  /* marked: the marks tell where it ends */
		bool unordered;
		if (rl_list_marker(sd->tok, sd->text, sd->n, t, &unordered) > 0)
			continue;  /* a list after "as one hacker commented:" is a list */
		uint32_t end = t + 1;
		while (end < sd->n && sd->tok[end].gap != RL_GAP_PARA)
			end++;
		for (; seen < marked && f->v[seen].t0 < end; seen++)
			if (f->v[seen].t1 > reach)
				reach = f->v[seen].t1;
		if (reach <= t && record(f, t, end, 0) != RL_OK)
			return RL_ENOMEM;
	}
	return RL_OK;
}

int rl_quotes_find(rl_ctx *c, int s)
{
	finder f = {c, s, {{0, 0}}, 0, NULL, 0, 0, 0};
	const rl_side *sd = &c->side[s];

	/* The candidates (ctx.h) hold every token this looks at, when rl_ctx_init listed them. */
	const uint32_t *cand = sd->listed ? sd->qcand.v : NULL;
	uint32_t ncand = sd->listed ? sd->qcand.n : sd->n;
	for (uint32_t i = 0; i < ncand; i++) {
		uint32_t t = cand ? cand[i] : i;
		const rl_token *tk = &sd->tok[t];
		if (t <= f.skip_to && f.skip_to > 0)
			continue;  /* inside an attribute value, or its closing mark */
		if (sd->code && sd->code[t]) {
			/* Code is not prose: its marks are strings and characters, and a code block
			 * ends any quotation that ran up to it. */
			f.depth = tk->gap == RL_GAP_PARA ? 0 : f.depth;
			continue;
		}
		if (tk->gap != RL_GAP_PARA) {
			/* Quotation marks start with " ' or the lead bytes of « » “ ” ‘ ’ „ ‹ › 「 」. */
			unsigned char b0 = (unsigned char)sd->text[tk->off];
			if (tk->cls != RL_TOK_PUNCT ||
			    !(b0 == '"' || b0 == '\'' || b0 == 0xC2 || b0 == 0xE2 || b0 == 0xE3))
				continue;
		}
		if (mark_at(&f, t) != RL_OK) {
			free(f.v);
			return RL_ENOMEM;
		}
	}
	if (block_quotes(&f) != RL_OK) {
		free(f.v);
		return RL_ENOMEM;
	}
	if (f.n > 1)
		qsort(f.v, f.n, sizeof *f.v, cmp_quotation);
	c->side[s].quotes = f.v;
	c->side[s].nquotes = f.n;
	return RL_OK;
}

/* The quotations are in order of their opening marks, a nested one inside its outer one: the
 * last opening at or before t (of the first `opened`) that has not ended holds it, and an
 * outermost one that ended before t ends the search (nothing earlier holds t). */
static int32_t innermost_below(const rl_side *sd, uint32_t t, size_t opened)
{
	for (size_t i = opened; i-- > 0;) {
		if (t < sd->quotes[i].t1)
			return (int32_t)i;
		if (sd->quotes[i].depth == 0)
			return -1;
	}
	return -1;
}

int32_t rl_quote_innermost(const rl_side *sd, uint32_t t)
{
	size_t lo = 0, hi = sd->nquotes;
	while (lo < hi) {  /* the first quotation opening after t */
		size_t mid = lo + (hi - lo) / 2;
		if (sd->quotes[mid].t0 <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return innermost_below(sd, t, lo);
}

int32_t rl_quote_innermost_walk(const rl_side *sd, uint32_t t, size_t *opened)
{
	size_t lo = *opened;
	if (lo > sd->nquotes || (lo > 0 && sd->quotes[lo - 1].t0 > t))
		return rl_quote_innermost(sd, t);  /* went back: not a walk (*opened left as it was) */
	while (lo < sd->nquotes && sd->quotes[lo].t0 <= t)
		lo++;
	*opened = lo;
	return innermost_below(sd, t, lo);
}
