/* token.c: the tokenizer and the pass that tells soft line ends from hard ones. */
#include "token.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "bigmem.h"
#include "skip.h"
#include "bytes.h"
#include "status.h"
#include "text.h"
#include "wordbreak.h"

struct rl_tokens {
	const char *text;
	size_t len;
	rl_token *v;
	size_t n, cap;
	size_t words;
	size_t breakable;  /* RL_TF_SOLO tokens scanned of a script a breaker splits (wordbreak.h):
	                    * without any, merging words has nothing to do */
	size_t solo;         /* tokens that may be RL_TF_SOLO words: none, no line is looked at
	                      * for one (skip.h) */
	rl_tokline *line;    /* the lines (token.h), some hashes set at the end */
	size_t nline, line_cap;
	uint32_t lw;         /* the last line's width so far */
	bool lf_only;        /* no line end but LF and CR LF (rl_tokens_lines) */
	/* Made by rl_tokenize_like: the paragraphs copied from src (skip.h). */
	const rl_tokens *src;
	rl_tokrun *runs;
	size_t nruns, runs_cap;
	uint32_t looked, found;  /* take_para's recent lookups, and those that found a line */
	uint32_t wait;       /* line starts take_para passes before its next lookup */
	/* The breaker of a side of two compared texts (wordbreak.h, rl_wb_phrases), or NULL: a run
	 * it answers as a phrase is made one token as it is scanned (take_thai). */
	const rl_wordbreak *phrase_wb;
	size_t phrased;      /* runs made one token so */
};

/* Scripts written without spaces between words: each grapheme is a word of its own, so Chinese or
 * Japanese text gets a word-level diff instead of one token per sentence. */
static bool is_solo(int32_t cp)
{
	if (cp < 0x0E00)
		return false;
	return (cp >= 0x0E00 && cp <= 0x0EFF)      /* Thai, Lao */
	    || (cp >= 0x0F00 && cp <= 0x0FFF)      /* Tibetan */
	    || (cp >= 0x1000 && cp <= 0x109F)      /* Myanmar */
	    || (cp >= 0x1780 && cp <= 0x17FF)      /* Khmer */
	    || (cp >= 0x2E80 && cp <= 0x2FDF)      /* CJK radicals */
	    || (cp >= 0x3040 && cp <= 0x31FF)      /* Hiragana, Katakana, Bopomofo, ... */
	    || (cp >= 0x3400 && cp <= 0x4DBF)      /* CJK extension A */
	    || (cp >= 0x4E00 && cp <= 0x9FFF)      /* CJK unified ideographs */
	    || (cp >= 0xF900 && cp <= 0xFAFF)      /* CJK compatibility ideographs */
	    || (cp >= 0xFF66 && cp <= 0xFF9F)      /* half-width Katakana */
	    || (cp >= 0x20000 && cp <= 0x3FFFF);   /* CJK extensions B and later */
}

/* What an ASCII byte is to the scanner, read from one table instead of a chain of comparisons:
 * A_WORD letters and digits (A_UPPER, A_DIGIT telling which), A_PUNCT the other printable bytes
 * but the space. Controls, the space and every byte ≥ 0x80 are none of these: whitespace and
 * UTF-8 go through the grapheme reader (text.h), which asks utf8proc only past ASCII. */
enum { A_WORD = 1, A_UPPER = 2, A_DIGIT = 4, A_PUNCT = 8 };

#define A_OF(c) ((c) >= 'A' && (c) <= 'Z'   ? A_WORD | A_UPPER                        \
                 : (c) >= 'a' && (c) <= 'z' ? A_WORD                                  \
                 : (c) >= '0' && (c) <= '9' ? A_WORD | A_DIGIT                        \
                 : (c) > ' ' && (c) < 0x7F  ? A_PUNCT : 0)
#define A_ROW4(c) A_OF(c), A_OF((c) + 1), A_OF((c) + 2), A_OF((c) + 3)
#define A_ROW16(c) A_ROW4(c), A_ROW4((c) + 4), A_ROW4((c) + 8), A_ROW4((c) + 12)
#define A_ROW64(c) A_ROW16(c), A_ROW16((c) + 16), A_ROW16((c) + 32), A_ROW16((c) + 48)

static const unsigned char ascii_class[256] = {A_ROW64(0), A_ROW64(64)};  /* the rest: 0 */

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

/* Cursor over the text, one grapheme at a time. */
typedef struct cursor {
	const char *s;
	size_t n, pos;
} cursor;

/* The grapheme at `at`. Printable ASCII followed by ASCII (or the end) is a grapheme of one byte:
 * read here without a call, exactly as rl_grapheme_next would read it. */
static inline void peek(const cursor *c, size_t at, rl_grapheme *g)
{
	unsigned char ch = (unsigned char)c->s[at];
	if (ch >= 0x20 && ch < 0x7F && (at + 1 == c->n || (unsigned char)c->s[at + 1] < 0x80)) {
		*g = (rl_grapheme){1, ch, ch == ' ' ? RL_G_SPACE : RL_G_PRINT, 1};
		return;
	}
	rl_grapheme_next(c->s + at, c->n - at, g);
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
 * compound or a number is still drawn and wrapped as one piece. */
static bool joins(const cursor *c, size_t at, const rl_grapheme *j, int32_t last_cp, size_t seg_len)
{
	rl_grapheme next;

	if (j->kind != RL_G_PRINT || at + j->len >= c->n)
		return false;
	peek(c, at + j->len, &next);
	if (!is_word_grapheme(&next))
		return false;
	return j->cp == '.' && !is_digit_cp(last_cp) && seg_len == 1 && lone_letter_at(c, at + j->len);
}

/* The end of the run of ASCII letters and digits at pos, each a grapheme of its own: the last
 * one stays out of the run when a byte ≥ 0x80 follows it, which may be a mark joining it. (Eight
 * bytes at a time through SWAR arithmetic costs more instructions than this loop on words of
 * prose, five bytes long on average: measured with callgrind.) */
static inline size_t ascii_run(const cursor *c, size_t pos)
{
	const unsigned char *s = (const unsigned char *)c->s;
	size_t p = pos;
	while (p < c->n && (ascii_class[s[p]] & A_WORD))
		p++;
	if (p > pos && p < c->n && s[p] >= 0x80)
		p--;
	return p;
}

/* The code point at `at`, a byte >= 0x80 (rl_utf8_decode, with letters of two and three bytes
 * read here). */
static inline size_t decode_at(const cursor *c, size_t at, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)c->s + at;
	size_t left = c->n - at;
	if (u[0] >= 0xC2 && u[0] <= 0xDF && left >= 2 && (u[1] & 0xC0) == 0x80) {
		*cp = (u[0] & 0x1F) << 6 | (u[1] & 0x3F);
		return 2;
	}
	if ((u[0] & 0xF0) == 0xE0 && left >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
		int32_t v = (u[0] & 0x0F) << 12 | (u[1] & 0x3F) << 6 | (u[2] & 0x3F);
		if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
			*cp = v;
			return 3;
		}
	}
	return rl_utf8_decode(c->s + at, left, cp);
}

/* Can code point cp, of properties p, start a grapheme that is a word grapheme by what it is
 * alone: a letter or digit that the grapheme rules call Other, drawn (width > 0), of a spaced
 * script. Such a grapheme is the code point and the marks after it (below). */
static inline bool word_base(int32_t cp, const utf8proc_property_t *p)
{
	int cat = p->category;
	return ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
	        (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO)) &&
	       p->boundclass == UTF8PROC_BOUNDCLASS_OTHER && p->charwidth > 0 && !is_solo(cp);
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

/* A code point read by word_run: its value, its bytes, its width when it starts a word grapheme
 * (word_base), 0 when it does not, and its kind when the table reads it (rl_fast_kind). */
typedef struct cp_read {
	int32_t cp;
	size_t len;
	uint32_t base_width;
	int fast;
} cp_read;

/* The code point at `at`, a byte >= 0x80 (r->cp < 0: an invalid byte), and its properties when
 * neither a plain letter nor read by the table (*p, else NULL). */
static inline void read_cp(const cursor *c, size_t at, cp_read *r, const utf8proc_property_t **p)
{
	r->len = decode_at(c, at, &r->cp);
	r->fast = RL_FAST_NONE;
	*p = NULL;
	if (rl_plain_letter(r->cp)) {
		r->base_width = 1;
		return;
	}
	r->base_width = 0;
	if (r->cp < 0)
		return;
	if (r->cp >= 0x0900 && r->cp <= 0xFFFF) {
		uint8_t w;
		r->fast = rl_fast_kind(r->cp, &w);
		if (r->fast != RL_FAST_NONE) {
			r->base_width = r->fast == RL_FAST_LETTER ? w : 0;
			return;
		}
	}
	*p = utf8proc_get_property(r->cp);
	if (word_base(r->cp, *p))
		r->base_width = (*p)->charwidth;
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

/* The end of the grapheme whose first code point, a word base, ends at `end`, and in *next the
 * code point after it (base_width 0 for ASCII, the end or an invalid byte: the caller reads
 * those). Returns 0 when the rules need more than the classes to decide (a joiner, a prefix,
 * Hangul, emoji, or a letter after a virama, which newer Unicode joins into one conjunct): the
 * full reader (rl_grapheme_next) decides there. The grapheme is what rl_grapheme_next reads: a
 * format character other than a non-joiner ends it. */
static inline size_t word_cluster_end(const cursor *c, size_t end, cp_read *next)
{
	bool linker = false;
	for (;;) {
		next->base_width = 0;
		if (end == c->n || (unsigned char)c->s[end] < 0x80)
			return end;  /* no rule joins ASCII or the end to a letter or its marks */
		const utf8proc_property_t *p;
		read_cp(c, end, next, &p);
		if (next->fast == RL_FAST_MARK || next->fast == RL_FAST_VIRAMA) {
			linker |= next->fast == RL_FAST_VIRAMA;
			end += next->len;
			continue;
		}
		if (next->fast != RL_FAST_NONE)  /* class Other */
			return linker ? 0 : end;
		if (!p)  /* a plain letter (class Other) or an invalid byte: a new grapheme */
			return next->base_width && linker ? 0 : end;
		int bc = p->boundclass;
		if (bc == UTF8PROC_BOUNDCLASS_OTHER)
			return linker ? 0 : end;
		if (bc != UTF8PROC_BOUNDCLASS_EXTEND && bc != UTF8PROC_BOUNDCLASS_SPACINGMARK)
			return 0;
		if (p->category == UTF8PROC_CATEGORY_CF && next->cp != 0x200C) {
			next->base_width = 0;
			return end;
		}
		linker |= p->combining_class == 9;
		end += next->len;
	}
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
static size_t scan_word(const cursor *c, uint32_t *width, bool *ascii)
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
			w.seg_len = 0;
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

/* Whitespace seen since the last token: the gap it makes so far (a space, then a line end, then
 * a second one or a paragraph end, each raising it) and where it stands on its line. */
typedef struct gap_state {
	uint8_t gap;  /* rl_gap */
	bool bol;     /* at the beginning of a line */
	bool indent;  /* whitespace between the beginning of the line and the token */
} gap_state;

#define GAP_AFTER_TOKEN ((gap_state){RL_GAP_NONE, false, false})

static void gap_space(gap_state *gs)
{
	if (gs->gap == RL_GAP_NONE)
		gs->gap = RL_GAP_SPACE;
	gs->indent |= gs->bol;
}

static void gap_newline(gap_state *gs)
{
	gs->gap = gs->gap >= RL_GAP_LINE ? RL_GAP_PARA : RL_GAP_LINE;
	gs->bol = true, gs->indent = false;
}

/* Is token t of v, after a word and a mark . , or : that touch it, a later part of a number
 * (the "26" of "5.26", the "000" of "1,000")? Digits, whatever the word before ends with: a
 * number whose first part was written out ("five.26") keeps its later parts. */
static bool number_part(const rl_token *v, size_t t)
{
	return (v[t].flags & RL_TF_DIGIT) != 0;
}

/* Is token t of v the second part of a compound (RL_TF_GLUED)? */
static bool continues_word(const rl_token *v, const char *text, size_t t)
{
	if (t < 2 || v[t].cls != RL_TOK_WORD || v[t].gap != RL_GAP_NONE ||
	    v[t - 1].gap != RL_GAP_NONE || v[t - 1].cls != RL_TOK_PUNCT || v[t - 2].cls != RL_TOK_WORD)
		return false;
	const char *j = text + v[t - 1].off;
	size_t n = v[t - 1].len;
	if (n == 1 && (*j == '.' || *j == ',' || *j == ':'))
		return number_part(v, t);
	return (n == 1 && (*j == '\'' || *j == '-')) ||
	       (n == 3 && (memcmp(j, "\xE2\x80\x99", 3) == 0 || memcmp(j, "\xE2\x80\x90", 3) == 0 ||
	                   memcmp(j, "\xE2\x80\x91", 3) == 0));
}

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

/* A line starts at the next token (t->n), its hash h (0: not known yet); the line before it
 * ends, its width t->lw. The first token starts one whatever its gap: a line end before it
 * starts none more. */
static int push_line(rl_tokens *t, uint64_t h)
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
	if (push_line(t, sl->h) != RL_OK)
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

/* Whitespace: is g some (a space, a line end, a paragraph end, or a byte-order mark at the very
 * start, an encoding signature and not text)? If so, note it in *gs. */
static bool take_space(gap_state *gs, const rl_grapheme *g, size_t at)
{
	switch (g->kind) {
	case RL_G_SPACE:
		gap_space(gs);
		return true;
	case RL_G_NEWLINE:
		gap_newline(gs);
		return true;
	case RL_G_PARA:
		gs->gap = RL_GAP_PARA;
		gs->bol = true, gs->indent = false;
		return true;
	default:
		if (at != 0 || g->cp != 0xFEFF)
			return false;
		if (gs->gap == RL_GAP_NONE)
			gs->gap = RL_GAP_SPACE;
		gs->bol = true, gs->indent = false;
		return true;
	}
}

/* What scan_token finds of a token (its width whole: put_token narrows it into the record). */
typedef struct scanned {
	uint32_t width;
	uint8_t cls;
	uint16_t flags;
} scanned;

/* The token starting with grapheme g at c->pos: sets its class, flags and width, returns its end. */
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
			size_t end = scan_word(c, &tok->width, &ascii);
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
		size_t end = scan_word(c, &tok->width, &ascii);
		tok->cls = RL_TOK_WORD;
		tok->flags = (is_upper_cp(g->cp) ? RL_TF_UPPER : 0) | (is_digit_cp(g->cp) ? RL_TF_DIGIT : 0) |
		             (ascii ? RL_TF_ASCII : 0);
		return end;
	}
	tok->cls = RL_TOK_PUNCT;
	tok->flags = 0;
	return scan_punct(c, g, &tok->width);
}

/* Room for more tokens: the array doubled. */
static int grow_tokens(rl_tokens *t)
{
	size_t cap = t->cap ? t->cap * 2 : first_cap(t);
	rl_token *v = rl_big_realloc(t->v, cap * sizeof *v);
	if (!v)
		return RL_ENOMEM;
	t->v = v;
	t->cap = cap;
	return RL_OK;
}

/* The record of the token text[off, end) scanned after whitespace gs, at t->n (room made). */
static inline rl_token *write_token(rl_tokens *t, const gap_state *gs, size_t off, size_t end,
                                    uint32_t width, uint8_t cls, uint16_t flags)
{
	rl_token *d = &t->v[t->n];
	*d = (rl_token){(uint32_t)off, (uint32_t)(end - off), rl_width_field(width), cls, gs->gap,
	                (uint8_t)(flags | (gs->indent ? RL_TF_INDENT : 0))};
	t->words += cls == RL_TOK_WORD;
	return d;
}

static int put_token_rare(rl_tokens *t, const gap_state *gs, size_t off, size_t end,
                          uint32_t width, uint8_t cls, uint16_t flags);

/* Append the token text[off, end) scanned after whitespace gs, written once in place: marks the
 * second part of a compound, counts words and line ends. A token inside a line with room for it
 * calls nothing but continues_word (put_token_rare does the rest), so that inlined in the
 * scanner's loops it saves and restores no registers of its own: out of line, with the calls of
 * the rare cases in it, its entry and exit were some 22 of its 64 instructions a token. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int put_token(rl_tokens *t, const gap_state *gs, size_t off, size_t end,
                            uint32_t width, uint8_t cls, uint16_t flags)
{
	uint8_t gap = gs->gap;
	if (t->n == t->cap || gap >= RL_GAP_LINE)
		return put_token_rare(t, gs, off, end, width, cls, flags);
	rl_token *d = write_token(t, gs, off, end, width, cls, flags);
	t->lw += width + (gap == RL_GAP_SPACE);
	if (gap == RL_GAP_NONE && cls == RL_TOK_WORD && continues_word(t->v, t->text, t->n)) {
		d->flags |= RL_TF_GLUED;
		t->words--;  /* counted once, with the word before */
	}
	t->n++;
	return RL_OK;
}

/* put_token when the array is full (grown, then put_token again) or the token starts a line. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int put_token_rare(rl_tokens *t, const gap_state *gs, size_t off, size_t end,
                          uint32_t width, uint8_t cls, uint16_t flags)
{
	if (t->n == t->cap && grow_tokens(t) != RL_OK)
		return RL_ENOMEM;
	if (gs->gap < RL_GAP_LINE)
		return put_token(t, gs, off, end, width, cls, flags);
	if (push_line(t, 0) != RL_OK)
		return RL_ENOMEM;
	t->lw = width;
	write_token(t, gs, off, end, width, cls, flags);
	t->n++;
	return RL_OK;
}

/* The token at c->pos starting with grapheme g, read by the general path: appended, c->pos moved
 * past it. */
static int take_token(rl_tokens *t, cursor *c, const gap_state *gs, const rl_grapheme *g)
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

/* A token starting at a byte >= 0x80 whose first grapheme needs no state to read: a word of a
 * spaced script (read by scan_word from its start), a grapheme of a script without spaces
 * (RL_TF_SOLO), or one grapheme of punctuation or a symbol; its class, flags, end and width,
 * exactly as rl_grapheme_next and scan_token would find them. */
typedef struct first_read {
	bool word;  /* a word of a spaced script, its end and width not read yet */
	uint8_t cls;
	uint16_t flags;
	size_t end;
	uint32_t width;
} first_read;

/* Is the grapheme at c->pos, a byte >= 0x80, one of a first_read (set in *f)? Not when it is
 * whitespace, drawn as an escape, or of a class the rules need state for (rl_grapheme_next reads
 * it then). */
static bool read_first(const cursor *c, first_read *f)
{
	cp_read r, next;
	const utf8proc_property_t *p;
	read_cp(c, c->pos, &r, &p);
	if (r.cp < 0)
		return false;
	if (!p)
		p = utf8proc_get_property(r.cp);
	int cat = p->category;
	if (p->boundclass != UTF8PROC_BOUNDCLASS_OTHER || p->charwidth == 0 ||
	    cat == UTF8PROC_CATEGORY_CN || (cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME) ||
	    cat >= UTF8PROC_CATEGORY_ZS)
		return false;  /* Z* spaces and separators, C* controls, format, surrogates, private */
	f->word = r.base_width != 0;
	if (f->word) {
		f->cls = RL_TOK_WORD;
		f->flags = (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT ? RL_TF_UPPER : 0) |
		           (cat == UTF8PROC_CATEGORY_ND ? RL_TF_DIGIT : 0);
		return true;
	}
	f->end = word_cluster_end(c, c->pos + r.len, &next);
	if (!f->end)
		return false;
	f->width = p->charwidth;
	f->cls = is_solo(r.cp) ? RL_TOK_WORD : RL_TOK_PUNCT;
	f->flags = is_solo(r.cp) ? RL_TF_SOLO : 0;
	return true;
}

/* The token read_first found at c->pos: appended, c->pos moved past it. */
static int take_first(rl_tokens *t, cursor *c, const gap_state *gs, first_read *f)
{
	if (f->word) {
		bool ascii;  /* false: the first grapheme is not ASCII */
		f->end = scan_word(c, &f->width, &ascii);
	} else if (f->flags & RL_TF_SOLO) {
		int32_t cp;
		t->solo++;
		decode_at(c, c->pos, &cp);
		t->breakable += cp < 0x2E80 && rl_wordbreak_script(cp) >= 0;  /* not Han, Kana */
	}
	if (put_token(t, gs, c->pos, f->end, f->width, f->cls, f->flags) != RL_OK)
		return RL_ENOMEM;
	c->pos = f->end;
	return RL_OK;
}

/* The kind (rl_fast_kind) of the code point at `at`, of three bytes, and its width in *w. */
static inline int fast_at(const cursor *c, size_t at, uint8_t *w)
{
	const unsigned char *u = (const unsigned char *)c->s + at;
	if (c->n - at < 3 || (u[0] & 0xF0) != 0xE0 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
		return RL_FAST_NONE;
	return rl_fast_kind((u[0] & 0x0F) << 12 | (u[1] & 0x3F) << 6 | (u[2] & 0x3F), w);
}

/* Is the token at c->pos, a byte 0xE0..0xEF, one grapheme read by the table (rl_fast_kind): a
 * base and the marks after it, ended by ASCII, the end or a code point of class Other it reads
 * (no virama: the rules decide what follows one)? If so, set *f as read_first would (no grapheme
 * rule joins those: each is what rl_grapheme_next reads). */
#if defined(__GNUC__)
__attribute__((always_inline))  /* in the scanner's loops (phrase_end made a third caller) */
#endif
static inline bool read_fast(const cursor *c, first_read *f)
{
	uint8_t w, wn;
	int k = fast_at(c, c->pos, &w), kn = RL_FAST_NONE;
	if (k != RL_FAST_SOLO && k != RL_FAST_PUNCT)
		return false;
	size_t end = c->pos + 3;
	while (end < c->n && (unsigned char)c->s[end] >= 0x80 &&
	       (kn = fast_at(c, end, &wn)) == RL_FAST_MARK)
		end += 3;
	if (end < c->n && (unsigned char)c->s[end] >= 0x80 &&
	    (kn == RL_FAST_NONE || kn == RL_FAST_VIRAMA))
		return false;
	f->word = false;
	f->cls = k == RL_FAST_SOLO ? RL_TOK_WORD : RL_TOK_PUNCT;
	f->flags = k == RL_FAST_SOLO ? RL_TF_SOLO : 0;
	f->end = end;
	f->width = w;
	return true;
}

/* Is the grapheme at p (read_fast's, three bytes or more) Thai: is its first code point in
 * U+0E00..U+0E7F (rl_wordbreak_script_at's RL_SCRIPT_THAI)? */
static inline bool thai_at(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	return u[0] == 0xE0 && (u[1] == 0xB8 || u[1] == 0xB9);
}

/* A phrase (wordbreak.h) to scan as one token: the run of Thai that starts at c->pos (f: its
 * first grapheme, read_fast's; the token before it, when it touches it, no Thai grapheme the
 * tokenizer made a word of its own), when t->phrase_wb says it is one word. Then its end is
 * returned, *width the sum of its graphemes' and *graphemes their count; else 0 (the tokens
 * are scanned one by one and merged as before; *rc RL_ENOMEM when the breaker ran out). The
 * run is the one rl_wordbreak_merge finds (run_end): graphemes the table reads (of the scripts
 * a breaker splits, it reads Thai alone), RL_TF_SOLO, Thai, touching, fewer than RL_WB_RUN_MAX,
 * at least two; its end must be one the grapheme tokens would show too (the text's, an ASCII
 * byte, a grapheme the table reads of another kind or script). Its token is then the merge's
 * (merge_whole): the first grapheme's, to the run's end, as wide as its graphemes. */
#if defined(__GNUC__)
__attribute__((noinline))  /* once a run: out of the scanner's loops */
#endif
static size_t phrase_end(const rl_tokens *t, const cursor *c, const first_read *f,
                         uint32_t *width, size_t *graphemes, int *rc)
{
	const char *s = c->s;
	uint32_t w = f->width;
	size_t k = 1;
	cursor at = *c;
	first_read g;
	for (at.pos = f->end; at.pos < at.n && (unsigned char)s[at.pos] >= 0x80; at.pos = g.end) {
		unsigned char b = (unsigned char)s[at.pos];
		if (b < 0xE0 || b > 0xEF || !read_fast(&at, &g))
			return 0;  /* read another way: whether it is of the run is not known here */
		if (!(g.flags & RL_TF_SOLO) || !thai_at(s + at.pos))
			break;
		if (++k >= RL_WB_RUN_MAX)
			return 0;  /* the merge cuts it */
		w += g.width;
	}
	int phrase = k < 2 ? 0 : rl_wb_phrase(t->phrase_wb, s + c->pos, at.pos - c->pos);
	if (phrase != 1) {
		*rc = phrase == RL_WORDBREAK_NOMEM ? RL_ENOMEM : RL_OK;
		return 0;
	}
	*width = w, *graphemes = k;
	return at.pos;
}

/* Is the grapheme read_fast read at c->pos (f) the first of a run of Thai a phrase may be: Thai,
 * RL_TF_SOLO, and the token before it, if it touches it (touching), not a Thai grapheme the
 * tokenizer made a word of its own (rl_wordbreak_merge's run would start before)? */
static inline bool thai_run_starts(const rl_tokens *t, const cursor *c, const first_read *f,
                                   bool touching)
{
	if (!t->phrase_wb || !(f->flags & RL_TF_SOLO) || !thai_at(c->s + c->pos))
		return false;
	if (!touching || t->n == 0)
		return true;
	const rl_token *p = &t->v[t->n - 1];
	return !(p->flags & RL_TF_SOLO) || !thai_at(t->text + p->off);
}

/* take_fast on Thai when a breaker of shared lines is in use: a run of Thai that is a phrase is
 * one token (phrase_end), as the merge would make it. Out of line: inline, it cost the scanner's
 * ASCII loop its registers (+1 % of tokenizing English). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int take_thai(rl_tokens *t, cursor *c, const gap_state *gs, first_read *f)
{
	uint32_t width = f->width;
	int rc = RL_OK;
	size_t n = 1, end = thai_run_starts(t, c, f, gs->gap == RL_GAP_NONE)
	                        ? phrase_end(t, c, f, &width, &n, &rc) : 0;
	if (rc != RL_OK)
		return rc;
	t->phrased += end != 0;
	t->breakable += !end && (f->flags & RL_TF_SOLO);
	t->solo += (f->flags & RL_TF_SOLO) ? n : 0;
	if (put_token(t, gs, c->pos, end ? end : f->end, width, f->cls, f->flags) != RL_OK)
		return RL_ENOMEM;
	c->pos = end ? end : f->end;
	while (c->pos < c->n && (unsigned char)c->s[c->pos] >= 0xE0 &&
	       (unsigned char)c->s[c->pos] <= 0xEF && read_fast(c, f)) {
		if (t->n == t->cap && grow_tokens(t) != RL_OK)
			return RL_ENOMEM;
		end = thai_run_starts(t, c, f, true) ? phrase_end(t, c, f, &width, &n, &rc) : 0;
		if (rc != RL_OK)
			return rc;
		if (end) {
			t->v[t->n++] = (rl_token){(uint32_t)c->pos, (uint32_t)(end - c->pos),
			                          rl_width_field(width), f->cls, RL_GAP_NONE,
			                          (uint8_t)f->flags};
			t->lw += width;
			t->words++, t->solo += n, t->phrased++;
			c->pos = end;
			continue;
		}
		t->v[t->n++] = (rl_token){(uint32_t)c->pos, (uint32_t)(f->end - c->pos),
		                          rl_width_field(f->width), f->cls, RL_GAP_NONE, (uint8_t)f->flags};
		t->lw += f->width;
		bool solo = f->flags & RL_TF_SOLO;
		t->words += solo;
		t->solo += solo;
		t->breakable += solo && (unsigned char)c->s[c->pos] == 0xE0;
		c->pos = f->end;
	}
	return RL_OK;
}

/* The token read_fast found at c->pos, and those it reads right after it: appended, c->pos moved
 * past them. Those after the first touch the token before them (RL_GAP_NONE) and none is the
 * second part of a compound (no punctuation the table reads glues one: continues_word). Of the
 * scripts a breaker splits, only Thai is read by the table (lead byte 0xE0): with a breaker of
 * shared lines, take_thai. */
static int take_fast(rl_tokens *t, cursor *c, const gap_state *gs, first_read *f)
{
	if (t->phrase_wb && (unsigned char)c->s[c->pos] == 0xE0)
		return take_thai(t, c, gs, f);
	t->breakable += (f->flags & RL_TF_SOLO) && (unsigned char)c->s[c->pos] == 0xE0;
	t->solo += (f->flags & RL_TF_SOLO) != 0;
	if (put_token(t, gs, c->pos, f->end, f->width, f->cls, f->flags) != RL_OK)
		return RL_ENOMEM;
	c->pos = f->end;
	while (c->pos < c->n && (unsigned char)c->s[c->pos] >= 0xE0 &&
	       (unsigned char)c->s[c->pos] <= 0xEF && read_fast(c, f)) {
		if (t->n == t->cap && grow_tokens(t) != RL_OK)
			return RL_ENOMEM;
		t->v[t->n++] = (rl_token){(uint32_t)c->pos, (uint32_t)(f->end - c->pos),
		                          rl_width_field(f->width), f->cls, RL_GAP_NONE, (uint8_t)f->flags};
		t->lw += f->width;
		bool solo = f->flags & RL_TF_SOLO;
		t->words += solo;
		t->solo += solo;
		t->breakable += solo && (unsigned char)c->s[c->pos] == 0xE0;
		c->pos = f->end;
	}
	return RL_OK;
}

/* Does a grapheme the table reads as a base of a script without spaces or as CJK punctuation
 * (rl_fast_kind) start at `at`? Class Other: nothing before it joins it. */
static inline bool fast_base_at(const cursor *c, size_t at)
{
	uint8_t w;
	int k = (unsigned char)c->s[at] >= 0xE0 ? fast_at(c, at, &w) : RL_FAST_NONE;
	return k == RL_FAST_SOLO || k == RL_FAST_PUNCT;
}

/* The end of a word of ASCII letters and digits at c->pos when what ends it needs no grapheme
 * read by the rules (scan_word would stop there, with the same width and ASCII flag, in *ascii):
 * a space, a line feed, the end, a mark that never joins a word followed by ASCII, or one that
 * may (.) followed by ASCII that is not a letter or a digit; or a grapheme the table reads
 * (fast_base_at), which scan_word reads and so the word is not all ASCII. 0 otherwise. */
static size_t ascii_word_end(const cursor *c, bool *ascii)
{
	size_t end = ascii_run(c, c->pos);
	*ascii = true;
	if (end == c->n)
		return end;
	unsigned char ch = (unsigned char)c->s[end];
	if ((ascii_class[ch] & A_WORD) && fast_base_at(c, end + 1)) {
		*ascii = false;  /* ascii_run left the letter before a byte >= 0x80 out */
		return end + 1;
	}
	if (ch == ' ' || ch == '\n')
		return end;
	if (!(ascii_class[ch] & A_PUNCT))
		return 0;
	if (end + 1 == c->n)
		return end;
	unsigned char after = (unsigned char)c->s[end + 1];
	if (ch != '.')
		return after < 0x80 ? end : 0;
	/* A dot joins only an initialism's letters, and only when a word grapheme follows it:
	 * never one starting with ASCII other than a letter or a digit. */
	return after < 0x80 && !(ascii_class[after] & A_WORD) ? end : 0;
}

/* The end of punctuation at c->pos, a printable ASCII byte other than a letter or a digit, when
 * no grapheme needs reading (scan_punct would stop there): the byte, or a run of hyphens or dots,
 * followed by ASCII or the end. 0 otherwise (a mark after it may join the last byte). */
static size_t ascii_punct_end(const cursor *c)
{
	const unsigned char *s = (const unsigned char *)c->s;
	unsigned char ch = s[c->pos];
	size_t p = c->pos + 1;
	if (ch == '-' || ch == '.')
		while (p < c->n && s[p] == ch)
			p++;
	return p == c->n || s[p] < 0x80 || fast_base_at(c, p) ? p : 0;
}

/* The token at c->pos starting with the printable ASCII byte of class a (ascii_class): appended,
 * c->pos moved past it. */
static int take_ascii_token(rl_tokens *t, cursor *c, const gap_state *gs, unsigned a)
{
	size_t end;
	uint16_t flags;
	if (a & A_WORD) {
		bool ascii;
		end = ascii_word_end(c, &ascii);
		flags = (a & A_UPPER ? RL_TF_UPPER : 0) | (a & A_DIGIT ? RL_TF_DIGIT : 0) |
		        (ascii ? RL_TF_ASCII : 0);
		if (end) {
			if (put_token(t, gs, c->pos, end, (uint32_t)(end - c->pos), RL_TOK_WORD, flags))
				return RL_ENOMEM;
			c->pos = end;
			return RL_OK;
		}
	} else if ((end = ascii_punct_end(c)) != 0) {
		if (put_token(t, gs, c->pos, end, (uint32_t)(end - c->pos), RL_TOK_PUNCT, RL_TF_ASCII))
			return RL_ENOMEM;
		c->pos = end;
		return RL_OK;
	}
	/* What follows needs graphemes read: the general path. A word's first byte is a grapheme
	 * of its own for scan_token, which reads the word from c->pos. */
	unsigned char ch = (unsigned char)c->s[c->pos];
	rl_grapheme g = {1, ch, RL_G_PRINT, 1};
	if (!(a & A_WORD))
		peek(c, c->pos, &g);
	return take_token(t, c, gs, &g);
}

/* When fewer than one lookup of take_para in PARA_RARE has found its line, over the last
 * PARA_SPAN or more, take_para passes PARA_WAIT line starts after each miss (none after a hit, whose
 * next line is often OLD's too). A text much edited has few lines of OLD's (4,070 of 235,386 on the
 * 10 MB generated pair at rate 0.3), where looking each up (a pass over the line for its hash, the
 * index) cost a fifth of tokenizing NEW; a revised document finds most of its lines and looks every
 * one up. (Passing lines after each run of misses instead cost the real revisions 4 % more
 * tokenizing: a paragraph after an edited one is often unchanged.) The tokens are the same either
 * way: only the work differs. */
#define PARA_RARE 8
#define PARA_SPAN 64
#define PARA_WAIT 8

/* A paragraph OLD has byte for byte, at a line start (skip.h): its tokens copied, c->pos moved
 * past it. Returns 1 if so, 0 if not, or RL_ENOMEM. */
static int take_para(rl_tokens *t, cursor *c, gap_state *gs, const rl_paras *paras);

/* take_para where it may find a line: the cheap tests first, inline in the scanner's loop; the
 * lookup out of it, which kept the loop's cursor out of registers (8 M instructions more over the
 * 250 real pairs when it was inline). */
static inline int take_para_at(rl_tokens *t, cursor *c, gap_state *gs, const rl_paras *paras)
{
	if (!paras || c->pos == 0 || gs->gap < RL_GAP_LINE)
		return 0;
	return take_para(t, c, gs, paras);
}

#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int take_para(rl_tokens *t, cursor *c, gap_state *gs, const rl_paras *paras)
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

static int scan(rl_tokens *t, const rl_paras *paras)
{
	cursor c = {t->text, t->len, 0};
	gap_state gs = {RL_GAP_NONE, true, false};
	if (push_line(t, 0) != RL_OK)  /* the first token's */
		return RL_ENOMEM;

	while (c.pos < c.n) {
		/* The common bytes of prose first, each what the general path below would make of
		 * it: a space and a line feed are always one grapheme. */
		unsigned char ch = (unsigned char)c.s[c.pos];
		if (ch == ' ') {
			gap_space(&gs);
			c.pos++;
			continue;
		}
		if (ch == '\n') {
			gap_newline(&gs);
			c.pos++;
			continue;
		}
		/* Printable ASCII is never whitespace, nor is a letter; the rest may be. */
		unsigned a = ascii_class[ch];
		rl_grapheme g;
		first_read f;
		bool fast = ch >= 0xE0 && ch <= 0xEF && read_fast(&c, &f);
		bool first = !a && !fast && ch >= 0x80 && read_first(&c, &f);
		if (!a && !fast && !first) {
			peek(&c, c.pos, &g);
			if (take_space(&gs, &g, c.pos)) {
				/* A line end the lines between two LFs do not see (rl_tokens_lines). */
				if ((g.kind == RL_G_NEWLINE || g.kind == RL_G_PARA) && g.cp != '\n' &&
				    !(g.cp == '\r' && g.len == 2))
					t->lf_only = false;
				c.pos += g.len;
				continue;
			}
		}
		int rc = take_para_at(t, &c, &gs, paras);
		if (rc == 0)
			rc = a        ? take_ascii_token(t, &c, &gs, a)
			     : fast   ? take_fast(t, &c, &gs, &f)
			     : first  ? take_first(t, &c, &gs, &f)
			              : take_token(t, &c, &gs, &g);
		if (rc < 0)
			return rc;
		gs = GAP_AFTER_TOKEN;
	}
	return RL_OK;
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

/* Does the line starting at token i begin like a list item: "- ", "* ", "• ", "1. ", "b) "? */
static bool starts_list_item(const rl_tokens *t, size_t i)
{
	const rl_token *tk = &t->v[i];

	if (tk->cls == RL_TOK_PUNCT) {
		int32_t cp;
		rl_utf8_decode(t->text + tk->off, tk->len, &cp);
		return is_bullet_cp(cp) && i + 1 < t->n && t->v[i + 1].gap == RL_GAP_SPACE;
	}
	if (tk->len > 3 || i + 2 >= t->n || t->v[i + 1].gap != RL_GAP_NONE)
		return false;
	char c = t->text[t->v[i + 1].off];
	return t->v[i + 1].len == 1 && (c == '.' || c == ')') && t->v[i + 2].gap == RL_GAP_SPACE;
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
static void mark_breaks(rl_tokens *t)
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

/* The lines as the scanner found them, finished: the last one's width, and the hashes not known.
 * When a word breaker merged tokens, found and measured again from the tokens. */
static int finish_lines(rl_tokens *t, bool merged)
{
	if (merged) {
		t->nline = 0;
		for (size_t i = 0; i < t->n; i++) {
			uint8_t gap = t->v[i].gap;
			if (i > 0 && gap < RL_GAP_LINE) {
				t->lw += (uint32_t)rl_token_width(t->text, &t->v[i]) + (gap == RL_GAP_SPACE);
				continue;
			}
			size_t n = t->n;
			t->n = i;  /* push_line starts a line at t->n */
			int rc = push_line(t, 0);
			t->n = n;
			if (rc != RL_OK)
				return rc;
			t->lw = (uint32_t)rl_token_width(t->text, &t->v[i]);
		}
	} else if (t->n && t->v[0].gap == RL_GAP_SPACE) {
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

int rl_tokenize(rl_tokens **out, const char *text, size_t len)
{
	return rl_tokenize_wb(out, text, len, NULL);
}

int rl_tokenize_wb(rl_tokens **out, const char *text, size_t len, const rl_wordbreak *wb)
{
	return rl_tokenize_like(out, text, len, wb, NULL);
}

int rl_tokenize_like(rl_tokens **out, const char *text, size_t len, const rl_wordbreak *wb,
                     const rl_tokens *like)
{
	if (len >= UINT32_MAX)
		return RL_ETOOBIG;
	rl_tokens *t = calloc(1, sizeof *t);
	if (!t)
		return RL_ENOMEM;
	t->text = text;
	t->len = len;
	t->lf_only = true;
	rl_paras *paras = NULL;
	int rc = RL_OK;
	if (like && (rc = rl_paras_new(&paras, like->v, like->n, like->text, like->len, like->line,
	                               like->nline, wb && wb->fn && like->solo)) == RL_OK)
		t->src = like;
	t->phrase_wb = wb && wb->fn && rl_wb_phrases(wb) ? wb : NULL;
	if (rc == RL_OK)
		rc = scan(t, paras);
	rl_paras_free(paras);
	size_t before_merge = t->n;
	if (rc == RL_OK && wb && wb->fn && t->breakable)
		rc = rl_wordbreak_merge(t->v, &t->n, &t->words, text, wb, t->runs, t->nruns);
	/* The lines measured again as after a merge when runs were made phrases as scanned. */
	if (rc == RL_OK)
		rc = finish_lines(t, t->n != before_merge || t->phrased);
	if (rc == RL_OK)
		mark_breaks(t);
	if (rc != RL_OK) {
		rl_tokens_free(t);
		return rc;
	}
	*out = t;
	return RL_OK;
}

void rl_tokens_free(rl_tokens *toks)
{
	if (!toks)
		return;
	free(toks->v);
	free(toks->runs);
	free(toks->line);
	free(toks);
}

size_t rl_tokens_count(const rl_tokens *toks)
{
	return toks->n;
}

const rl_token *rl_tokens_array(const rl_tokens *toks)
{
	return toks->v;
}

const char *rl_tokens_text(const rl_tokens *toks)
{
	return toks->text;
}

size_t rl_tokens_text_len(const rl_tokens *toks)
{
	return toks->len;
}

size_t rl_tokens_words(const rl_tokens *toks)
{
	return toks->words;
}

const rl_tokrun *rl_tokens_runs(const rl_tokens *toks, const rl_tokens **src, size_t *n)
{
	*src = toks->src;
	*n = toks->nruns;
	return toks->runs;
}

const rl_tokline *rl_tokens_lines(const rl_tokens *toks, size_t *n, bool *lf_only)
{
	*n = toks->nline;
	*lf_only = toks->lf_only;
	return toks->line;
}
