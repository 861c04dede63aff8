/* token_lines.c: the token array and its lines (token_scan.h): the array grown, a line started
 * as a token starts one, the paragraphs NEW has of OLD's copied (skip.h), the lines finished, and
 * the pass that tells soft line ends from hard ones. */
#include "token_scan.h"

#include <stdlib.h>
#include <string.h>

#include "bigmem.h"
#include "bytes.h"
#include "skip.h"
#include "status.h"
#include "token.h"

/* The token array's first capacity, so that a text's array is seldom copied as it grows (each
 * copy also touches fresh pages): a text tokenized like another has about its density (NEW is
 * mostly OLD), plus a sixteenth; any other a token every 2 bytes (wiki markup has one every 2.2
 * to 4, prose 3 to 6, ideographs and Thai 9 to 12). What is never written is no resident memory. At
 * most 4 Mi tokens (48 MiB): an array that large is mapped on its own, and grows without a copy. */
#define FIRST_CAP_MAX ((size_t)1 << 22)
static size_t first_cap(const rl_tokens *t)
{
	size_t cap = t->len / 2;
	if (t->src && t->src->len) {
		cap = (size_t)((uint64_t)t->src->n * t->len / t->src->len);
		cap += cap / 16;
	}
	return cap < 256 ? 256 : cap > FIRST_CAP_MAX ? FIRST_CAP_MAX : cap;
}

/* Room for more tokens: the array doubled. */
int rl_tk_grow(rl_tokens *t)
{
	size_t cap = t->cap ? t->cap * 2 : first_cap(t);
	rl_token *v = rl_big_realloc(t->v, cap * sizeof *v);
	if (!v)
		return RL_ENOMEM;
	t->v = v;
	t->cap = cap;
	return RL_OK;
}

/* put_token when the array is full (grown, then put_token again) or the token starts a line. */
int rl_tk_put_rare(rl_tokens *t, const gap_state *gs, size_t off, size_t end, uint32_t width,
                   uint8_t cls, uint16_t flags)
{
	if (t->n == t->cap && rl_tk_grow(t) != RL_OK)
		return RL_ENOMEM;
	if (gs->gap < RL_GAP_LINE)
		return put_token(t, gs, off, end, width, cls, flags);
	if (rl_tk_push_line(t, 0) != RL_OK)
		return RL_ENOMEM;
	t->lw = width;
	write_token(t, gs, off, end, width, cls, flags);
	t->n++;
	return RL_OK;
}

/* A line starts at the next token (t->n), its hash h (0: not known yet); the line before it
 * ends, its width t->lw. The first token starts one whatever its gap: a line end before it
 * starts none more. */
int rl_tk_push_line(rl_tokens *t, uint64_t h)
{
	if (t->nline && t->line[t->nline - 1].t0 == t->n) {
		t->line[t->nline - 1].h = h;
		return RL_OK;
	}
	if (t->nline)
		t->line[t->nline - 1].width = t->lw;
	if (t->nline == t->line_cap) {
		size_t cap = t->line_cap ? t->line_cap * 2 : 64;
		rl_tokline *l = rl_big_realloc(t->line, cap * sizeof *l);
		if (!l)
			return RL_ENOMEM;
		t->line = l, t->line_cap = cap;
	}
	t->line[t->nline++] = (rl_tokline){h, (uint32_t)t->n, 0};
	return RL_OK;
}

/* Copy OLD's tokens [t0, t1) of a paragraph found again at NEW's byte `at` (skip.h): the same
 * tokens, moved; the first takes its gap and indent from NEW's whitespace, and a line end the
 * line-end pass made hard goes back to what the scanner makes of it (that pass runs on NEW). */
static int copy_para(rl_tokens *t, const gap_state *gs, size_t at, size_t line)
{
	const rl_token *sv = t->src->v;
	const rl_tokline *sl = &t->src->line[line];
	uint32_t t0 = sl->t0;
	uint32_t t1 = line + 1 < t->src->nline ? sl[1].t0 : (uint32_t)t->src->n;
	size_t k = t1 - t0;
	if (t->n + k > t->cap) {
		size_t cap = t->cap ? t->cap : first_cap(t);
		while (cap < t->n + k)
			cap *= 2;
		rl_token *v = rl_big_realloc(t->v, cap * sizeof *v);
		if (!v)
			return RL_ENOMEM;
		t->v = v, t->cap = cap;
	}
	if (t->nruns == t->runs_cap) {
		size_t cap = t->runs_cap ? t->runs_cap * 2 : 64;
		rl_tokrun *r = realloc(t->runs, cap * sizeof *r);
		if (!r)
			return RL_ENOMEM;
		t->runs = r, t->runs_cap = cap;
	}
	if (rl_tk_push_line(t, sl->h) != RL_OK)
		return RL_ENOMEM;
	t->lw = sl->width;
	t->runs[t->nruns++] = (rl_tokrun){(uint32_t)t->n, t0, (uint32_t)k};
	uint32_t shift = (uint32_t)at - sv[t0].off;  /* modulo 2^32: offsets move either way */
	rl_token *d = t->v + t->n;
	memcpy(d, sv + t0, k * sizeof *d);
	/* A line: no line end but before its first token, whose gap is NEW's. */
	size_t words = 0;
	for (size_t i = 0; i < k; i++) {
		d[i].off += shift;
		words += d[i].cls == RL_TOK_WORD && !(d[i].flags & RL_TF_GLUED);
	}
	t->words += words;
	d[0].gap = gs->gap;
	d[0].flags = (uint16_t)((d[0].flags & ~RL_TF_INDENT) | (gs->indent ? RL_TF_INDENT : 0));
	t->solo += t->src->solo ? k : 0;
	t->n += k;
	return RL_OK;
}

/* When fewer than one lookup of rl_tk_take_para in PARA_RARE has found its line, over the last
 * PARA_SPAN or more, rl_tk_take_para passes PARA_WAIT line starts after each miss (none after a
 * hit, whose next line is often OLD's too). A text much edited has few lines of OLD's (4,070 of 235,386 on the
 * 10 MB generated pair at rate 0.3), where looking each up (a pass over the line for its hash, the
 * index) cost a fifth of tokenizing NEW; a revised document finds most of its lines and looks every
 * one up. (Passing lines after each run of misses instead cost the real revisions 4 % more
 * tokenizing: a paragraph after an edited one is often unchanged.) The tokens are the same either
 * way: only the work differs. */
#define PARA_RARE 8
#define PARA_SPAN 64
#define PARA_WAIT 8

int rl_tk_take_para(rl_tokens *t, cursor *c, gap_state *gs, const rl_paras *paras)
{
	size_t line, plen;
	if (t->wait) {
		t->wait--;
		return 0;
	}
	bool found = rl_paras_find(paras, c->s, c->n, c->pos, &line, &plen);
	t->looked++;
	t->found += found;
	if (t->looked >= 2 * PARA_SPAN)  /* the recent lookups weigh most */
		t->looked /= 2, t->found /= 2;
	if (!found) {
		if (t->looked >= PARA_SPAN && t->found * PARA_RARE < t->looked)
			t->wait = PARA_WAIT;
		return 0;
	}
	if (copy_para(t, gs, c->pos, line) != RL_OK)
		return RL_ENOMEM;
	c->pos += plen;
	*gs = GAP_AFTER_TOKEN;
	return 1;
}

static bool is_bullet_cp(int32_t cp)
{
	switch (cp) {
	case '-': case '*': case '+': case '>': case 0x2022: case 0x2023: case 0x25E6: case 0x2043:
	case 0x2013: case 0x2014: case 0x25AA: case 0x25CF:
		return true;
	default:
		return false;
	}
}

/* Can a word of at most 3 bytes number a list item: digits ("12"), one character of any script
 * ("b", "б", "一") or a roman numeral of i, v and x in one case ("iv", "XII")? A short word of
 * prose ("do", "Mr", "so") cannot: hard-wrapped prose often starts a line with a sentence's last
 * word and its stop ("do. I held"), and taking that for "1. " made the line end before it hard,
 * the paragraph drawn with its own line ends. */
static bool item_number(const char *w, size_t len)
{
	bool digits = true, lower = true, upper = true;
	for (size_t k = 0; k < len; k++) {
		digits &= w[k] >= '0' && w[k] <= '9';
		lower &= w[k] == 'i' || w[k] == 'v' || w[k] == 'x';
		upper &= w[k] == 'I' || w[k] == 'V' || w[k] == 'X';
	}
	int32_t cp;
	return digits || lower || upper || rl_utf8_decode(w, len, &cp) == len;
}

/* Does the line starting at token i begin like a list item: "- ", "* ", "• ", "1. ", "b) "? The
 * tokens after the first are looked at before its bytes: most lines of a text are no list item,
 * and this is asked of every line of a wrapped one (rl_tk_mark_breaks). */
static bool starts_list_item(const rl_tokens *t, size_t i)
{
	const rl_token *tk = &t->v[i];

	if (tk->cls == RL_TOK_PUNCT) {
		if (i + 1 >= t->n || t->v[i + 1].gap != RL_GAP_SPACE)
			return false;
		int32_t cp = (unsigned char)t->text[tk->off];
		if (tk->len > 1 || cp >= 0x80)
			rl_utf8_decode(t->text + tk->off, tk->len, &cp);
		return is_bullet_cp(cp);
	}
	if (tk->len > 3 || i + 2 >= t->n || t->v[i + 1].gap != RL_GAP_NONE ||
	    t->v[i + 1].len != 1 || t->v[i + 2].gap != RL_GAP_SPACE)
		return false;
	char c = t->text[t->v[i + 1].off];
	return (c == '.' || c == ')') && item_number(t->text + tk->off, tk->len);
}

/* Does the line starting at token i begin with a mark of markup that makes its line a unit of its
 * own, as a list item is: a wiki table's "|", "|-", "|}", "{|" and "!" (Markdown's "|" too), a
 * template's "{{" and "}}", a heading's "=", an indent's ":" and a definition's ";", a wiki
 * list's "#", a line of links ("[[Category:…]]")? A wrapper never starts a line of prose with
 * "|"; it may start one with any of the others, set apart by a space ("copied_list\n=
 * original_list[:]", French "Bonjour\n! Comment") or not ("the\n[[Holmby Light]]"), so those
 * count only after a line that did not stop inside a sentence (a word or a comma), or under a
 * line of markup (under: a run of rows, "!Role" under "!Year"). Without this, a wiki page whose
 * table rows outnumber its paragraphs (one a line, hundreds of columns wide) looks wrapped at the
 * rows' width, and a row as wide as most joins the row before it. */
static bool starts_markup_line(const rl_tokens *t, size_t i, bool under)
{
	const rl_token *tk = &t->v[i];
	if (tk->cls != RL_TOK_PUNCT)
		return false;
	switch (t->text[tk->off]) {
	case '|':
		return true;
	case '[':  /* a wiki link first: "[[Category:...]]", "[[File:...]]" */
		if (tk->len == 1 && (i + 1 >= t->n || t->v[i + 1].gap != RL_GAP_NONE ||
		                     t->text[t->v[i + 1].off] != '['))
			return false;
		break;
	case '{': case '}': case '=': case '!': case ':': case ';': case '#':
		break;
	default:
		return false;
	}
	if (i == 0)
		return true;
	const rl_token *p = &t->v[i - 1];
	if (!(p->cls == RL_TOK_WORD || (p->len == 1 && t->text[p->off] == ',')))
		return true;
	return under;
}

/* Hard-wrapped prose has line ends that mean nothing; other text (one paragraph per line, lists,
 * headings) has line ends a reader sees. Decide which each single line end is, from the line
 * lengths of the whole text: a line that stops well short of the text's wrap width ended on
 * purpose, and so did a list item or a line of markup (unless the next line is indented,
 * continuing it) and the line before one. Text whose lines run past any plausible wrap width is
 * not hard-wrapped, so all of its line ends are kept, unless most of them fall inside a sentence:
 * prose wrapped wide (at 105 or 120 columns) is still prose, and a line of it that starts in the
 * middle of a sentence is no unit of its own (a rewritten clause on such a line was taken for a
 * line inserted whole). */
#define WRAP_WIDTH_MAX 100      /* wider lines than this were not wrapped by hand */
#define WRAP_PERCENTILE 90      /* the wrap width is this percentile of wrapped line widths */
#define SHORT_LINE_PERCENT 70   /* a line this much shorter than the wrap width ended on purpose */
#define RUN_ON_PERCENT 50       /* this share of the single line ends inside sentences: wrapped */

/* The WRAP_PERCENTILE percentile of the lines' widths, by counting (a sort would cost more than
 * all the rest of this pass): any width past WRAP_WIDTH_MAX counts as WRAP_WIDTH_MAX + 1, which
 * is all the caller needs to know of it. */
static uint32_t percentile_width(const rl_tokline *l, size_t n)
{
	size_t count[WRAP_WIDTH_MAX + 2] = {0};
	for (size_t i = 0; i < n; i++)
		count[l[i].width <= WRAP_WIDTH_MAX ? l[i].width : WRAP_WIDTH_MAX + 1]++;
	size_t rank = (n - 1) * WRAP_PERCENTILE / 100, seen = 0;
	uint32_t w = 0;
	while ((seen += count[w]) <= rank)
		w++;
	return w;
}

/* Does the line starting at token i (i > 0) go on with the sentence of the line before: that
 * line ends with a word or a comma, and this one starts with a lower-case word (ASCII: a script
 * without case would look lower-case everywhere)? Lines a reader sees (paragraphs one per line,
 * list items, headings, a wiki's template lines) almost never do. */
static bool runs_on(const rl_tokens *t, size_t i)
{
	const rl_token *p = &t->v[i - 1], *n = &t->v[i];
	bool open = p->cls == RL_TOK_WORD ||
	            (p->cls == RL_TOK_PUNCT && p->len == 1 && t->text[p->off] == ',');
	return open && n->cls == RL_TOK_WORD &&
	       (n->flags & (RL_TF_ASCII | RL_TF_UPPER | RL_TF_DIGIT | RL_TF_SOLO)) == RL_TF_ASCII;
}

/* The line ends' pass, over the lines the scanner found and measured (no token walked). */
void rl_tk_mark_breaks(rl_tokens *t)
{
	const rl_tokline *l = t->line;
	size_t nl = t->nline, single = 0, run_on = 0;
	for (size_t k = 1; k < nl; k++)
		if (t->v[l[k].t0].gap == RL_GAP_LINE) {
			single++;
			run_on += runs_on(t, l[k].t0);
		}
	if (single == 0)
		return;

	/* The last lines of paragraphs count in the wrap width too: hard-wrapped text has none
	 * wider than it, while text written one paragraph per line with a few short lines between
	 * (a heading, a "[[Category:…]]" line above a paragraph) is not wrapped at their width. */
	uint32_t wrap = percentile_width(l, nl);
	bool wrapped = wrap <= WRAP_WIDTH_MAX || run_on * 100 >= single * RUN_ON_PERCENT;

	bool markup = starts_markup_line(t, 0, false);  /* line k begins with markup */
	for (size_t k = 0; k + 1 < nl; k++) {
		size_t i = l[k + 1].t0;
		bool next = starts_markup_line(t, i, markup);
		if (t->v[i].gap == RL_GAP_LINE) {
			uint32_t prev = l[k].width;
			bool item_ends = (markup || starts_list_item(t, l[k].t0)) &&
			                 !(t->v[i].flags & RL_TF_INDENT);
			if (!wrapped || starts_list_item(t, i) || item_ends || next ||
			    (uint64_t)prev * 100 < (uint64_t)wrap * SHORT_LINE_PERCENT)
				t->v[i].gap = RL_GAP_BREAK;
		}
		markup = next;
	}
}

/* After a word breaker merged tokens: the lines' first tokens numbered again. A merge joins
 * touching tokens alone (a run of one script, RL_GAP_NONE inside: wordbreak.h), each merged token
 * as wide as its graphemes, so every line keeps its bytes, its hash and its width as the scanner
 * measured them; only the tokens that start lines (the first, and each after a line end) moved.
 * (Found and measured again from the tokens, th00's lines cost 7 % of its instructions.) */
static void renumber_lines(rl_tokens *t)
{
	size_t k = 0;
	for (size_t i = 0; i < t->n && k < t->nline; i++)
		if (i == 0 || t->v[i].gap >= RL_GAP_LINE)
			t->line[k++].t0 = (uint32_t)i;
}

/* The lines as the scanner found them, finished: the last one's width, and the hashes not known;
 * when a word breaker merged tokens, their first tokens numbered again (renumber_lines). */
int rl_tk_finish_lines(rl_tokens *t, bool merged)
{
	if (merged)
		renumber_lines(t);
	if (t->n && t->v[0].gap == RL_GAP_SPACE) {
		t->lw -= t->nline == 1;  /* put_token counted the first token's gap */
		if (t->nline > 1)
			t->line[0].width--;
	}
	if (t->n == 0)
		t->nline = 0;
	if (t->nline)
		t->line[t->nline - 1].width = t->lw;
	for (size_t k = 0; k < t->nline; k++) {
		rl_tokline *l = &t->line[k];
		if (!l->h) {
			size_t t1 = k + 1 < t->nline ? l[1].t0 : t->n;
			size_t off = t->v[l->t0].off, end = (size_t)t->v[t1 - 1].off + t->v[t1 - 1].len;
			l->h = rl_hash_bytes(t->text + off, end - off);
		}
	}
	return RL_OK;
}
