/* token_scan.h: the parts of the tokenizer (rl_tokenize_like, token.h), internal to its four files:
 *
 *   token.c        the scanner's loop: whitespace, printable ASCII read from a table, the
 *                  graphemes of the scripts without spaces read from another (rl_fast_kind), a
 *                  first grapheme past ASCII that needs no state; the public functions
 *   token_word.c   the general path: a word or punctuation read grapheme by grapheme, with the
 *                  runs of letters whose ends need no grapheme rules read from their bytes
 *   token_thai.c   a run of Thai that the breaker of two compared texts calls a phrase, made one
 *                  token as it is scanned
 *   token_lines.c  the token array and its lines: growing the array, a line started, paragraphs
 *                  copied from OLD, the lines finished, and the pass that tells soft line ends from
 *                  hard ones
 *
 * What the scanner's loops run for every token is here, inline, so that each file compiles it
 * into its own loops: as calls across files those would cost the loops their registers (the
 * scanner is most of tokenizing, and tokenizing half of a comparison: doc/performance.md). */
#ifndef REDLINE_TOKEN_SCAN_H
#define REDLINE_TOKEN_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "skip.h"
#include "status.h"
#include "text.h"
#include "token_types.h"
#include "wordbreak.h"

/* token.h's opaque type, whose fields the four files share. token.h itself is not included: it is
 * token.c's, which includes this header, and the two would make a circle of modules
 * (scripts/check-includes.py). */
typedef struct rl_tokens rl_tokens;

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
	uint32_t looked, found;  /* rl_tk_take_para's recent lookups, and those that found a line */
	uint32_t wait;       /* line starts rl_tk_take_para passes before its next lookup */
	/* The breaker of a side of two compared texts (wordbreak.h, rl_wb_phrases), or NULL: a run
	 * it answers as a phrase is made one token as it is scanned (rl_tk_take_thai). */
	const rl_wordbreak *phrase_wb;
	size_t phrased;      /* runs made one token so */
};

/* Scripts written without spaces between words: each grapheme is a word of its own, so Chinese or
 * Japanese text gets a word-level diff instead of one token per sentence. */
static inline bool is_solo(int32_t cp)
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

/* Whitespace seen since the last token: the gap it makes so far (a space, then a line end, then
 * a second one or a paragraph end, each raising it) and where it stands on its line. */
typedef struct gap_state {
	uint8_t gap;  /* rl_gap */
	bool bol;     /* at the beginning of a line */
	bool indent;  /* whitespace between the beginning of the line and the token */
} gap_state;

#define GAP_AFTER_TOKEN ((gap_state){RL_GAP_NONE, false, false})

/* Is token t of v, after a word and a mark . , or : that touch it, a later part of a number
 * (the "26" of "5.26", the "000" of "1,000")? Digits, whatever the word before ends with: a
 * number whose first part was written out ("five.26") keeps its later parts. */
static inline bool number_part(const rl_token *v, size_t t)
{
	return (v[t].flags & RL_TF_DIGIT) != 0;
}

/* Is token t of v the second part of a compound (RL_TF_GLUED)? */
static inline bool continues_word(const rl_token *v, const char *text, size_t t)
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

/* put_token when the array is full (grown, then put_token again) or the token starts a line
 * (token_lines.c). */
int rl_tk_put_rare(rl_tokens *t, const gap_state *gs, size_t off, size_t end, uint32_t width,
                   uint8_t cls, uint16_t flags);

/* Append the token text[off, end) scanned after whitespace gs, written once in place: marks the
 * second part of a compound, counts words and line ends. A token inside a line with room for it
 * calls nothing but continues_word (rl_tk_put_rare does the rest), so that inlined in the
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
		return rl_tk_put_rare(t, gs, off, end, width, cls, flags);
	rl_token *d = write_token(t, gs, off, end, width, cls, flags);
	t->lw += width + (gap == RL_GAP_SPACE);
	if (gap == RL_GAP_NONE && cls == RL_TOK_WORD && continues_word(t->v, t->text, t->n)) {
		d->flags |= RL_TF_GLUED;
		t->words--;  /* counted once, with the word before */
	}
	t->n++;
	return RL_OK;
}

/* A token starting at a byte >= 0x80 whose first grapheme needs no state to read: a word of a
 * spaced script (read by rl_tk_scan_word from its start), a grapheme of a script without spaces
 * (RL_TF_SOLO), or one grapheme of punctuation or a symbol; its class, flags, end and width,
 * exactly as rl_grapheme_next and scan_token would find them. */
typedef struct first_read {
	bool word;  /* a word of a spaced script, its end and width not read yet */
	uint8_t cls;
	uint16_t flags;
	size_t end;
	uint32_t width;
	/* Set by read_fast: the kind (rl_fast_kind) and width of the code point at end when it is
	 * not ASCII (RL_FAST_NONE at the end or ASCII), read to know where the grapheme ends; the
	 * next grapheme's first code point, not decoded twice (next_fast). */
	int next_kind;
	uint8_t next_width;
} first_read;

/* The kind (rl_fast_kind) of the code point at `at`, of three bytes, and its width in *w. */
static inline int fast_at(const cursor *c, size_t at, uint8_t *w)
{
	const unsigned char *u = (const unsigned char *)c->s + at;
	if (c->n - at < 3 || (u[0] & 0xF0) != 0xE0 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
		return RL_FAST_NONE;
	return rl_fast_kind((u[0] & 0x0F) << 12 | (u[1] & 0x3F) << 6 | (u[2] & 0x3F), w);
}

/* read_fast with the kind k and width w of the code point at c->pos already known (fast_at's). */
#if defined(__GNUC__)
__attribute__((always_inline))  /* in the scanner's loops */
#endif
static inline bool read_fast_as(const cursor *c, first_read *f, int k, uint8_t w)
{
	if (k != RL_FAST_SOLO && k != RL_FAST_PUNCT)
		return false;
	size_t end = c->pos + 3;
	int kn = RL_FAST_NONE;
	uint8_t wn = 0;
	while (end < c->n && (unsigned char)c->s[end] >= 0x80) {
		kn = fast_at(c, end, &wn);
		if (kn != RL_FAST_MARK)
			break;
		end += 3;
		kn = RL_FAST_NONE;
	}
	if (kn == RL_FAST_NONE ? end < c->n && (unsigned char)c->s[end] >= 0x80
	                       : kn == RL_FAST_VIRAMA)
		return false;
	f->word = false;
	f->cls = k == RL_FAST_SOLO ? RL_TOK_WORD : RL_TOK_PUNCT;
	f->flags = k == RL_FAST_SOLO ? RL_TF_SOLO : 0;
	f->end = end;
	f->width = w;
	f->next_kind = kn;
	f->next_width = wn;
	return true;
}

/* Is the token at c->pos, a byte 0xE0..0xEF, one grapheme read by the table (rl_fast_kind): a
 * base and the marks after it, ended by ASCII, the end or a code point of class Other it reads
 * (no virama: the rules decide what follows one)? If so, set *f as read_first would (no grapheme
 * rule joins those: each is what rl_grapheme_next reads). */
static inline bool read_fast(const cursor *c, first_read *f)
{
	uint8_t w;
	int k = fast_at(c, c->pos, &w);
	return read_fast_as(c, f, k, w);
}

/* Is the token at c->pos, right after the one read_fast read into f (c->pos is f->end), one it
 * reads (set in *f)? take_fast's and rl_tk_take_thai's loops go on while it is. The first code
 * point is the one read_fast read past the last (f->next_kind: RL_FAST_NONE for a byte not of
 * 0xE0..0xEF, as fast_at reads it), not decoded again: a third of the instructions a grapheme of
 * Chinese cost. */
static inline bool next_fast(const cursor *c, first_read *f)
{
	return c->pos < c->n && (unsigned char)c->s[c->pos] >= 0x80 &&
	       read_fast_as(c, f, f->next_kind, f->next_width);
}

/* Append the token read_fast found at c->pos (f), touching the one before it (RL_GAP_NONE), and
 * move c->pos past it: the tokens after the first of take_fast and rl_tk_take_thai, written
 * directly (room made; no line starts and no compound continues at one: continues_word). */
static inline void push_fast(rl_tokens *t, cursor *c, const first_read *f)
{
	t->v[t->n++] = (rl_token){(uint32_t)c->pos, (uint32_t)(f->end - c->pos),
	                          rl_width_field(f->width), f->cls, RL_GAP_NONE, (uint8_t)f->flags};
	t->lw += f->width;
	bool solo = f->flags & RL_TF_SOLO;
	t->words += solo;
	t->solo += solo;
	t->breakable += solo && (unsigned char)c->s[c->pos] == 0xE0;
	c->pos = f->end;
}

/* ---------------------------------------------------------------- across the files */

/* Room for more tokens: the array doubled (token_lines.c). */
int rl_tk_grow(rl_tokens *t);
/* A line starts at the next token (t->n), its hash h (0: not known yet) (token_lines.c). */
int rl_tk_push_line(rl_tokens *t, uint64_t h);
/* A paragraph OLD has byte for byte, at a line start (skip.h): its tokens copied, c->pos moved
 * past it. Returns 1 if so, 0 if not, or RL_ENOMEM (token_lines.c). */
int rl_tk_take_para(rl_tokens *t, cursor *c, gap_state *gs, const rl_paras *paras);
/* The lines finished (token_lines.c): their last width and hashes; when a word breaker merged
 * tokens (merged), their first tokens numbered again (a merge keeps each line's bytes, width). */
int rl_tk_finish_lines(rl_tokens *t, bool merged);
/* The line ends' pass: a single line end a reader sees made RL_GAP_BREAK (token_lines.c). */
void rl_tk_mark_breaks(rl_tokens *t);

/* A word starting at c->pos: its end, *width, and *ascii when all of it is printable ASCII
 * (token_word.c). */
size_t rl_tk_scan_word(const cursor *c, uint32_t *width, bool *ascii);
/* The token at c->pos starting with grapheme g, read by the general path: appended, c->pos moved
 * past it (token_word.c). */
int rl_tk_take_token(rl_tokens *t, cursor *c, const gap_state *gs, const rl_grapheme *g);

/* take_fast on Thai when a breaker of shared lines is in use (token_thai.c). */
int rl_tk_take_thai(rl_tokens *t, cursor *c, const gap_state *gs, first_read *f);

#endif
