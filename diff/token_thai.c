/* token_thai.c: Thai phrases as they are scanned (token_scan.h). With the breaker of two compared
 * texts (rl_wb_phrases), a run of Thai both texts share is one word: the scanner makes it one
 * token at once instead of a token per grapheme merged after (rl_wordbreak_merge). */
#include "token_scan.h"

#include "status.h"
#include "wordbreak.h"

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
	first_read g = *f;  /* each grapheme read from the code point the one before read past it */
	for (at.pos = f->end; at.pos < at.n && (unsigned char)s[at.pos] >= 0x80; at.pos = g.end) {
		if (!read_fast_as(&at, &g, g.next_kind, g.next_width))
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

/* After a phrase that ends at c->pos: f's next code point read there, for next_fast. */
static inline void phrase_next(const cursor *c, first_read *f)
{
	f->next_kind = RL_FAST_NONE;
	if (c->pos < c->n && (unsigned char)c->s[c->pos] >= 0x80)
		f->next_kind = fast_at(c, c->pos, &f->next_width);
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
int rl_tk_take_thai(rl_tokens *t, cursor *c, const gap_state *gs, first_read *f)
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
	if (end)
		phrase_next(c, f);
	while (next_fast(c, f)) {
		if (t->n == t->cap && rl_tk_grow(t) != RL_OK)
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
			phrase_next(c, f);
			continue;
		}
		push_fast(t, c, f);
	}
	return RL_OK;
}
