/* token_word.c: the tokenizer's general path (token_scan.h): a word of a spaced script or
 * punctuation read grapheme by grapheme, with the runs of letters whose grapheme ends the classes
 * alone decide (ASCII, letters of two bytes, Devanagari) read from their bytes. */
#include "token_scan.h"

#include <stdbool.h>
#include <utf8proc.h>

#include "status.h"
#include "text.h"
#include "wordbreak.h"

static bool is_ascii_alnum(unsigned char ch)
{
	return ascii_class[ch] & A_WORD;
}

static bool is_word_cp(int32_t cp)
{
	if (cp < 0)
		return false;
	if (cp < 0x80)
		return is_ascii_alnum((unsigned char)cp);
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
		return true;
	default:
		return false;
	}
}

static bool is_digit_cp(int32_t cp)
{
	return cp >= 0 && (cp < 0x80 ? (cp >= '0' && cp <= '9')
	                             : utf8proc_category(cp) == UTF8PROC_CATEGORY_ND);
}

static bool is_upper_cp(int32_t cp)
{
	if (cp < 0)
		return false;
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

/* A grapheme that can continue a word of ordinary (spaced) script. */
static bool is_word_grapheme(const rl_grapheme *g)
{
	return g->kind == RL_G_PRINT && is_word_cp(g->cp) && !is_solo(g->cp);
}

/* Is the grapheme at `at` a lone letter: a word grapheme with no word grapheme right after it? */
static bool lone_letter_at(const cursor *c, size_t at)
{
	rl_grapheme g, after;

	if (at >= c->n)
		return false;
	peek(c, at, &g);
	if (!is_word_grapheme(&g) || is_digit_cp(g.cp))
		return false;
	if (at + g.len >= c->n)
		return true;
	peek(c, at + g.len, &after);
	return !is_word_grapheme(&after);
}

/* Would the joiner grapheme j at position `at` glue the word so far to what follows? last_cp is the
 * word's last code point and seg_len the graphemes since its last joiner. Words keep the dots of
 * initialisms (U.S., e.g.). Apostrophes, hyphens and the marks of a number split (Meta ’ s,
 * open - source, 3 . 5, 1 , 000, 10 : 30): a swap inside a compound ("century-old" ->
 * "centuries-old") is then one word, not the whole compound, and a number keeps the parts that
 * did not change ("5.26" -> "5.28" keeps "5."). They touch their neighbours (RL_GAP_NONE), so a
 * compound or a number is still drawn and wrapped as one piece. A soft hyphen (U+00AD, a format
 * character drawn as an escape) between word graphemes is part of the word: it marks where the
 * word may break, and a copy of a page that has them ("jig<U+00AD>saw") is the same text as one
 * without (the key leaves it out, intern_key.c). */
static bool joins(const cursor *c, size_t at, const rl_grapheme *j, int32_t last_cp, size_t seg_len)
{
	rl_grapheme next;

	if (at + j->len >= c->n)
		return false;
	bool shy = j->kind == RL_G_ESCAPE && j->cp == RL_SOFT_HYPHEN;
	if (j->kind != RL_G_PRINT && !shy)
		return false;
	peek(c, at + j->len, &next);
	if (!is_word_grapheme(&next))
		return false;
	if (shy)
		return true;
	return j->cp == '.' && !is_digit_cp(last_cp) && seg_len == 1 && lone_letter_at(c, at + j->len);
}

/* A word read so far: its width, last code point, graphemes since its last joiner, and whether
 * all of it is printable ASCII. */
typedef struct word_acc {
	uint32_t width;
	int32_t last_cp;
	size_t seg_len;
	bool ascii;
} word_acc;

/* One more grapheme of the word: text[at, end), first code point cp, width w. */
static inline void word_add(word_acc *w, size_t at, size_t end, int32_t cp, uint32_t width)
{
	w->width += width;
	w->last_cp = cp;
	w->seg_len++;
	w->ascii = w->ascii && end - at == 1 && cp < 0x80;
}

/* Is text[at..) a letter of two bytes that stands alone (rl_plain_letter)? Then its code point. */
static inline bool plain2_at(const unsigned char *s, size_t n, size_t at, int32_t *cp)
{
	if (at + 1 >= n || s[at] < 0xC2 || s[at] > 0xDF || (s[at + 1] & 0xC0) != 0x80)
		return false;
	*cp = (s[at] & 0x1F) << 6 | (s[at + 1] & 0x3F);
	return rl_plain_letter(*cp);
}

/* The run of letters of two bytes that stand alone at pos (Latin-1 and Latin Extended, Greek,
 * Cyrillic: rl_plain_letter), each a grapheme of its own because what follows it is ASCII, the
 * end or another of them, added to *w as word_run adds them (word_add: one column each, not
 * ASCII). Returns where it stops: at the first letter followed by anything else (a mark may
 * join it), which word_run then reads. */
static inline size_t plain_run(const cursor *c, size_t pos, word_acc *w)
{
	const unsigned char *s = (const unsigned char *)c->s;
	size_t n = c->n, p = pos;
	int32_t cp, next;
	if (!plain2_at(s, n, p, &cp))
		return pos;
	for (;;) {
		size_t q = p + 2;
		if (q < n && s[q] >= 0x80) {
			if (!plain2_at(s, n, q, &next))
				break;
			p = q, w->last_cp = cp, cp = next;
			continue;
		}
		p = q, w->last_cp = cp;
		break;
	}
	size_t k = (p - pos) / 2;
	w->width += (uint32_t)k;
	w->seg_len += k;
	w->ascii = w->ascii && k == 0;
	return p;
}

/* The kind (rl_fast_kind) of the code point at `at` when it is of Devanagari (U+0900..U+097F, read
 * from its bytes), else RL_FAST_NONE. */
static inline int deva_at(const cursor *c, size_t at, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)c->s + at;
	if (c->n - at < 3 || u[0] != 0xE0 || (u[1] & 0xFE) != 0xA4 || (u[2] & 0xC0) != 0x80)
		return RL_FAST_NONE;
	uint8_t w;
	*cp = 0x900 | (u[1] & 1) << 6 | (u[2] & 0x3F);
	return rl_fast_kind(*cp, &w);
}

/* The end of the grapheme of Devanagari at pos, a letter whose marks end with a virama before a
 * letter, as rl_grapheme_next finds it: where the rules of UAX #29 (utf8proc) break first, which
 * newer Unicode does after the next letter (a conjunct), older before it. 0 when the grapheme
 * does not end before a Devanagari letter (rl_grapheme_next reads it then); *next its letter. */
static size_t conjunct_end(const cursor *c, size_t pos, int32_t cp, int32_t *next)
{
	utf8proc_int32_t state = 0, prev = cp;
	for (size_t at = pos + 3;; at += 3) {
		int k = deva_at(c, at, next);
		if (k == RL_FAST_NONE)
			return 0;
		if (utf8proc_grapheme_break_stateful(prev, *next, &state))
			return k == RL_FAST_LETTER ? at : 0;
		prev = *next;
	}
}

/* Devanagari graphemes from pos read by the table, as word_run reads them (added to *w): a letter
 * and the marks after it, ended by another letter, ASCII or the end; returns where they end. It
 * stops at a grapheme what follows needs more for (a code point of another script, a danda), for
 * word_run to read from there as before. */
static size_t deva_run(const cursor *c, size_t pos, word_acc *w)
{
	int32_t cp = 0, next = 0;
	if (deva_at(c, pos, &cp) != RL_FAST_LETTER)
		return pos;
	for (;;) {
		size_t end = pos + 3;
		bool linker = false;
		int k;
		while ((k = deva_at(c, end, &next)) == RL_FAST_MARK || k == RL_FAST_VIRAMA) {
			linker |= k == RL_FAST_VIRAMA;
			end += 3;
		}
		if (k == RL_FAST_LETTER && linker && !(end = conjunct_end(c, pos, cp, &next)))
			return pos;
		bool ascii_next = end == c->n || (unsigned char)c->s[end] < 0x80;
		if (k != RL_FAST_LETTER && !ascii_next)
			return pos;
		word_add(w, pos, end, cp, 1);
		if (ascii_next)
			return end;
		pos = end, cp = next;
	}
}

/* Word graphemes from pos whose ends the rules of UAX #29 decide from the classes alone: a letter
 * or a digit (word_base) and the marks after it (Extend, SpacingMark), each ended by a code point
 * of class Other, ASCII, or the end. Added to *w; returns where they end: at the first grapheme
 * that is not one of them, read there by the caller as before (each grapheme added here is
 * exactly what rl_grapheme_next reads, and a word grapheme to is_word_grapheme). */
static size_t word_run(const cursor *c, size_t pos, word_acc *w)
{
	unsigned char ch = (unsigned char)c->s[pos];
	cp_read cur = {ch, 1, 1, RL_FAST_NONE};
	if (ch >= 0xC2 && ch <= 0xDF) {
		size_t end = plain_run(c, pos, w);
		if (end > pos)
			return end;
	}
	if (ch == 0xE0) {
		size_t end = deva_run(c, pos, w);
		if (end > pos)
			return end;
	}
	if (ch < 0x80) {
		if (!(ascii_class[ch] & A_WORD))
			return pos;
	} else {
		const utf8proc_property_t *p;
		read_cp(c, pos, &cur, &p);
		if (!cur.base_width)
			return pos;
	}
	for (;;) {
		cp_read next;
		size_t end = word_cluster_end(c, pos + cur.len, &next);
		if (!end)
			return pos;
		word_add(w, pos, end, cur.cp, cur.base_width);
		if (!next.base_width)
			return end;
		pos = end, cur = next;
	}
}

/* Scan a word starting at c->pos; returns its end and sets *width, and *ascii when the word is all
 * printable ASCII (and so is the grapheme that ended it, when one was read). */
size_t rl_tk_scan_word(const cursor *c, uint32_t *width, bool *ascii)
{
	size_t pos = c->pos;
	word_acc w = {0, -1, 0, true};
	int dots = 0;
	rl_grapheme g;

	while (pos < c->n) {
		/* Runs of ASCII letters and digits: one column each, no grapheme to read. */
		size_t run = ascii_run(c, pos);
		if (run > pos) {
			w.width += (uint32_t)(run - pos);
			w.seg_len += run - pos;
			w.last_cp = (unsigned char)c->s[run - 1];
			pos = run;
			if (pos == c->n)
				break;
		}
		/* A space or a line feed is a grapheme of its own that neither joins nor closes a
		 * word: the word ends here (what the general path below makes of it). */
		unsigned char ch = (unsigned char)c->s[pos];
		if (ch == ' ' || ch == '\n')
			break;
		/* Letters and their marks, read without rl_grapheme_next. */
		size_t letters = word_run(c, pos, &w);
		if (letters > pos) {
			pos = letters;
			continue;
		}
		peek(c, pos, &g);
		/* Whatever joins the word below is printable: one byte means ASCII. */
		w.ascii = w.ascii && g.len == 1 && g.cp < 0x80;
		if (is_word_grapheme(&g)) {
			w.width += g.width;
			w.last_cp = g.cp;
			w.seg_len++;
			pos += g.len;
			continue;
		}
		if (joins(c, pos, &g, w.last_cp, w.seg_len)) {
			if (g.cp == '.' && !is_digit_cp(w.last_cp))
				dots++;
			w.width += g.width;
			w.seg_len = g.cp == RL_SOFT_HYPHEN ? w.seg_len : 0;  /* no joiner: inside a part */
			pos += g.len;
			continue;
		}
		/* The closing dot of an initialism: "U.S." keeps its last dot. */
		if (g.cp == '.' && g.len == 1 && dots > 0 && w.seg_len == 1) {
			w.width += 1;
			pos += 1;
		}
		break;
	}
	*width = w.width;
	*ascii = w.ascii;
	return pos;
}

/* Scan punctuation at c->pos: one grapheme, or a run of hyphens or dots ("--", "...") that
 * typography folding can then equate with a dash or an ellipsis. */
static size_t scan_punct(const cursor *c, const rl_grapheme *first, uint32_t *width)
{
	size_t pos = c->pos + first->len;

	*width = first->width;
	if ((first->cp == '-' || first->cp == '.') && first->len == 1) {
		while (pos < c->n && c->s[pos] == (char)first->cp) {
			rl_grapheme g;
			peek(c, pos, &g);
			if (g.len != 1)
				break;
			*width += 1;
			pos++;
		}
	}
	return pos;
}

/* What scan_token finds of a token (its width whole: put_token narrows it into the record). */
typedef struct scanned {
	uint32_t width;
	uint8_t cls;
	uint16_t flags;
} scanned;

/* The token starting with grapheme g at c->pos: sets its class, flags and width, returns its
 * end. */
static size_t scan_token(const cursor *c, const rl_grapheme *g, scanned *tok)
{
	if (g->kind == RL_G_ESCAPE) {
		tok->cls = RL_TOK_PUNCT;
		tok->flags = RL_TF_ESCAPE | (g->cp < 0 ? RL_TF_INVALID : 0);
		tok->width = g->width;
		return c->pos + g->len;
	}
	if ((uint32_t)g->cp < 0x80) {
		unsigned a = ascii_class[g->cp];
		if (a & A_WORD) {
			bool ascii;
			size_t end = rl_tk_scan_word(c, &tok->width, &ascii);
			tok->cls = RL_TOK_WORD;
			tok->flags = (a & A_UPPER ? RL_TF_UPPER : 0) | (a & A_DIGIT ? RL_TF_DIGIT : 0) |
			             (ascii ? RL_TF_ASCII : 0);
			return end;
		}
		/* Punctuation: all printable ASCII when its first grapheme is one such byte (a run
		 * of hyphens or dots goes on only over single bytes). */
		tok->cls = RL_TOK_PUNCT;
		tok->flags = g->len == 1 && (a & A_PUNCT) ? RL_TF_ASCII : 0;
		return scan_punct(c, g, &tok->width);
	}
	if (is_solo(g->cp)) {
		tok->cls = RL_TOK_WORD;
		tok->flags = RL_TF_SOLO;
		tok->width = g->width;
		return c->pos + g->len;
	}
	if (is_word_cp(g->cp)) {
		bool ascii;
		size_t end = rl_tk_scan_word(c, &tok->width, &ascii);
		tok->cls = RL_TOK_WORD;
		tok->flags = (is_upper_cp(g->cp) ? RL_TF_UPPER : 0) | (is_digit_cp(g->cp) ? RL_TF_DIGIT : 0) |
		             (ascii ? RL_TF_ASCII : 0);
		return end;
	}
	tok->cls = RL_TOK_PUNCT;
	tok->flags = 0;
	return scan_punct(c, g, &tok->width);
}

/* The token at c->pos starting with grapheme g, read by the general path: appended, c->pos moved
 * past it. */
int rl_tk_take_token(rl_tokens *t, cursor *c, const gap_state *gs, const rl_grapheme *g)
{
	scanned tok;
	size_t end = scan_token(c, g, &tok);
	t->breakable += (tok.flags & RL_TF_SOLO) && rl_wordbreak_script(g->cp) >= 0;
	t->solo += (tok.flags & RL_TF_SOLO) != 0;
	if (put_token(t, gs, c->pos, end, tok.width, tok.cls, tok.flags) != RL_OK)
		return RL_ENOMEM;
	c->pos = end;
	return RL_OK;
}
