/* token.c: the tokenizer's loop and its public functions (token.h). The loop reads whitespace,
 * printable ASCII and the graphemes of the scripts without spaces itself; the rest goes to the
 * general path (token_word.c), Thai phrases to token_thai.c, and the lines and the line-end pass
 * are token_lines.c's (token_scan.h). */
#include "token.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "skip.h"
#include "status.h"
#include "text.h"
#include "token_scan.h"
#include "wordbreak.h"

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
		f->end = rl_tk_scan_word(c, &f->width, &ascii);
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

/* The token read_fast found at c->pos, and those it reads right after it: appended, c->pos moved
 * past them. Those after the first touch the token before them (RL_GAP_NONE) and none is the
 * second part of a compound (no punctuation the table reads glues one: continues_word). Of the
 * scripts a breaker splits, only Thai is read by the table (lead byte 0xE0): with a breaker of
 * shared lines, rl_tk_take_thai. */
static int take_fast(rl_tokens *t, cursor *c, const gap_state *gs, first_read *f)
{
	if (t->phrase_wb && (unsigned char)c->s[c->pos] == 0xE0)
		return rl_tk_take_thai(t, c, gs, f);
	t->breakable += (f->flags & RL_TF_SOLO) && (unsigned char)c->s[c->pos] == 0xE0;
	t->solo += (f->flags & RL_TF_SOLO) != 0;
	if (put_token(t, gs, c->pos, f->end, f->width, f->cls, f->flags) != RL_OK)
		return RL_ENOMEM;
	c->pos = f->end;
	while (next_fast(c, f)) {
		if (t->n == t->cap && rl_tk_grow(t) != RL_OK)
			return RL_ENOMEM;
		push_fast(t, c, f);
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

/* Does the code point at `at` (a byte >= 0x80) start a grapheme of its own after any ASCII byte:
 * valid, of grapheme class Other (no rule joins it to what is before it), and when `word` is
 * false, no letter, digit or mark (never part of a word: a dash, a quotation mark, a no-break
 * space)? Of the code points the table reads, only its bases (fast_base_at), and only when `word`
 * is true (a word's letter before one is fast_base_at's). Then an ASCII word or mark before it
 * ends where the general path would end it (rl_tk_scan_word, scan_punct), which reads it with
 * utf8proc's grapheme rules (an en dash in "2018–19", a curly quote after a word: 13,276 calls
 * of 473 instructions on en10; a comma before Han). Out of line: rare. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static bool other_at(const cursor *c, size_t at, bool word)
{
	int32_t cp;
	uint8_t w;
	decode_at(c, at, &cp);
	if (cp < 0)
		return false;
	int k = cp >= 0x0900 && cp <= 0xFFFF ? rl_fast_kind(cp, &w) : RL_FAST_NONE;
	if (k != RL_FAST_NONE)  /* a base the table reads is of class Other (fast_base_at) */
		return word && (k == RL_FAST_SOLO || k == RL_FAST_PUNCT);
	const utf8proc_property_t *p = utf8proc_get_property(cp);
	if (p->boundclass != UTF8PROC_BOUNDCLASS_OTHER)
		return false;
	return word || p->category < UTF8PROC_CATEGORY_LU || p->category > UTF8PROC_CATEGORY_NO;
}

/* The end of a word of ASCII letters and digits at c->pos when what ends it needs no grapheme
 * read by the rules (rl_tk_scan_word would stop there, with the same width and ASCII flag, in
 * *ascii): a space, a line feed, the end, a mark that never joins a word followed by ASCII or by
 * a grapheme of its own (other_at), or one that may (.) followed by ASCII that is not a letter
 * or a digit; or a grapheme the table reads (fast_base_at) or one of its own that is no part of
 * a word (other_at), which rl_tk_scan_word reads and so the word is not all ASCII. 0
 * otherwise. */
static size_t ascii_word_end(const cursor *c, bool *ascii)
{
	size_t end = ascii_run(c, c->pos);
	*ascii = true;
	if (end == c->n)
		return end;
	unsigned char ch = (unsigned char)c->s[end];
	if ((ascii_class[ch] & A_WORD) && (fast_base_at(c, end + 1) || other_at(c, end + 1, false))) {
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
		return after < 0x80 || other_at(c, end + 1, true) ? end : 0;
	/* A dot joins only an initialism's letters, and only when a word grapheme follows it:
	 * never one starting with ASCII other than a letter or a digit. */
	return after < 0x80 && !(ascii_class[after] & A_WORD) ? end : 0;
}

/* The end of punctuation at c->pos, a printable ASCII byte other than a letter or a digit, when
 * no grapheme needs reading (scan_punct would stop there): the byte, or a run of hyphens or dots,
 * followed by ASCII, the end, or a grapheme of its own (fast_base_at, other_at). 0 otherwise (a
 * mark after it may join the last byte). */
static size_t ascii_punct_end(const cursor *c)
{
	const unsigned char *s = (const unsigned char *)c->s;
	unsigned char ch = s[c->pos];
	size_t p = c->pos + 1;
	if (ch == '-' || ch == '.')
		while (p < c->n && s[p] == ch)
			p++;
	return p == c->n || s[p] < 0x80 || fast_base_at(c, p) || other_at(c, p, true) ? p : 0;
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
	return rl_tk_take_token(t, c, gs, &g);
}

/* The paragraph lookup (rl_tk_take_para) where it may find a line: the cheap tests first, inline
 * in the scanner's loop; the lookup out of it, which kept the loop's cursor out of registers (8 M
 * instructions more over the 250 real pairs when it was inline). */
static inline int take_para_at(rl_tokens *t, cursor *c, gap_state *gs, const rl_paras *paras)
{
	if (!paras || c->pos == 0 || gs->gap < RL_GAP_LINE)
		return 0;
	return rl_tk_take_para(t, c, gs, paras);
}

static int scan(rl_tokens *t, const rl_paras *paras)
{
	cursor c = {t->text, t->len, 0};
	gap_state gs = {RL_GAP_NONE, true, false};
	if (rl_tk_push_line(t, 0) != RL_OK)  /* the first token's */
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
		/* Printable ASCII is never whitespace, nor is a letter; the rest may be. Its tokens,
		 * most of most texts, take the shortest way through the loop. */
		unsigned a = ascii_class[ch];
		int rc;
		if (a) {
			if ((rc = take_para_at(t, &c, &gs, paras)) == 0)
				rc = take_ascii_token(t, &c, &gs, a);
			if (rc < 0)
				return rc;
			gs = GAP_AFTER_TOKEN;
			continue;
		}
		rl_grapheme g;
		first_read f;
		bool fast = ch >= 0xE0 && ch <= 0xEF && read_fast(&c, &f);
		bool first = !fast && ch >= 0x80 && read_first(&c, &f);
		if (!fast && !first) {
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
		rc = take_para_at(t, &c, &gs, paras);
		if (rc == 0)
			rc = fast    ? take_fast(t, &c, &gs, &f)
			     : first ? take_first(t, &c, &gs, &f)
			             : rl_tk_take_token(t, &c, &gs, &g);
		if (rc < 0)
			return rc;
		gs = GAP_AFTER_TOKEN;
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
	/* The lines' first tokens numbered again after a merge; runs made phrases as scanned count
	 * as one (rl_tk_finish_lines). */
	if (rc == RL_OK)
		rc = rl_tk_finish_lines(t, t->n != before_merge || t->phrased);
	if (rc == RL_OK)
		rl_tk_mark_breaks(t);
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

bool rl_tokens_glued_marks(const rl_tokens *toks, uint32_t lo, uint32_t hi)
{
	if (hi <= lo || hi >= toks->n || toks->v[hi].gap != RL_GAP_NONE)
		return false;
	for (uint32_t t = lo; t < hi; t++)
		if (toks->v[t].cls != RL_TOK_PUNCT)
			return false;
	return true;
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

int rl_tokens_runs_inside(const rl_tokens *toks, size_t t0, size_t t1, const rl_tokens *src,
                          size_t s0, size_t s1, rl_tokrun **out, size_t *n)
{
	const rl_tokens *from;
	size_t nruns, lo = 0, hi, k = 0;
	const rl_tokrun *runs = rl_tokens_runs(toks, &from, &nruns);
	*out = NULL, *n = 0;
	if (from != src || !nruns)
		return RL_OK;
	for (hi = nruns; lo < hi;) {  /* the first run that starts at or after t0 */
		size_t mid = lo + (hi - lo) / 2;
		if (runs[mid].t0 < t0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (hi = lo; hi < nruns && (size_t)runs[hi].t0 + runs[hi].n <= t1; hi++)
		;
	if (hi == lo)
		return RL_OK;
	rl_tokrun *v = malloc((hi - lo) * sizeof *v);
	if (!v)
		return RL_ENOMEM;
	for (size_t r = lo; r < hi; r++)
		if (runs[r].s0 >= s0 && (size_t)runs[r].s0 + runs[r].n <= s1)
			v[k++] = (rl_tokrun){(uint32_t)(runs[r].t0 - t0), (uint32_t)(runs[r].s0 - s0),
			                     runs[r].n};
	*out = v, *n = k;
	return RL_OK;
}
