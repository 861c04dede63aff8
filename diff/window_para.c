/* window_para.c: the windows of two texts whose paragraphs were re-wrapped (window_para.h).
 *
 * An editor that fills paragraphs to another width, a document against its plain-text export,
 * Markdown re-flowed: no line is the same byte for byte, so window.c's match keeps little and
 * the whole texts went through every stage. Here the texts are cut where a reader sees a new
 * line (RL_GAP_BREAK or a blank line: a paragraph, a list item, a heading, a line of a text not
 * hard-wrapped), not at soft line breaks, and these blocks compared by their tokens: the same
 * bytes, classes and flags in each, and the same gap before each, a soft line break
 * (RL_GAP_LINE) counting as a space. The tokens are what every stage reads; between a soft break
 * and a space only the gap differs, and the stages that read it look at the text around a
 * change, which the windows keep (two paragraphs of context, cut where both sides start a
 * paragraph, as for lines). */
#include "window_para.h"

#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "status.h"

/* A block (a paragraph, or a line a reader sees): tokens [t0, t1), and its hash (para_hash). */
typedef struct para {
	uint64_t h;
	uint32_t t0, t1;
} para;

/* A side: its tokens, its text and its blocks. rough: the blocks' hashes are their sketches
 * (para_sketch), and blocks of equal sketches and lengths count as equal (the rough match). */
typedef struct pside {
	const rl_token *v;
	const char *text;
	size_t len;
	uint32_t n;
	para *p;
	uint32_t np;
	bool rough;
	bool wrapped;  /* hard-wrapped: a quarter of its lines, or more, continue after a soft break */
} pside;

/* A gap as blocks compare it: a soft line break is a space. */
static inline unsigned gap_of(const rl_token *t)
{
	return t->gap == RL_GAP_LINE ? RL_GAP_SPACE : t->gap;
}

/* What of token t a block's hash and comparison take besides its bytes. */
static inline unsigned facts_of(const rl_token *t)
{
	return gap_of(t) << 16 | (unsigned)t->cls << 8 | t->flags;
}

void rl_win_in_order(rl_win_pair *p, uint32_t np, uint32_t *prev, uint32_t *tail,
                     uint8_t *keep)
{
	uint32_t len = 0;
	for (uint32_t k = 0; k < np; k++) {
		uint32_t lo = 0, hi = len;  /* the first tail whose line comes after p[k]'s */
		/* Mostly p[k] extends the longest run (the texts keep their order): no search. */
		if (len > 0 && p[tail[len - 1]].i < p[k].i)
			lo = hi;
		while (lo < hi) {
			uint32_t mid = lo + (hi - lo) / 2;
			if (p[tail[mid]].i < p[k].i)
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[k] = lo ? tail[lo - 1] : RL_WIN_NONE;
		tail[lo] = k;
		len += lo == len;
		keep[k] = 0;
	}
	for (uint32_t k = len ? tail[len - 1] : RL_WIN_NONE; k != RL_WIN_NONE; k = prev[k])
		keep[k] = 1;
}

void rl_win_core(rl_win_cut cut, const void *a, uint32_t na, const void *b, uint32_t nb,
                 uint32_t i0, uint32_t j0, uint32_t len, uint32_t *m0, uint32_t *m1)
{
	uint32_t lo = 0, hi = len;
	if (i0 > 0 || j0 > 0) {
		lo = len;
		for (uint32_t m = 1, cuts = 0; m < len; m++)
			if (cut(a, i0 + m, b, j0 + m) && ++cuts > RL_WINDOW_CONTEXT) {
				lo = m;
				break;
			}
	}
	if (i0 + len < na || j0 + len < nb) {
		hi = 0;
		for (uint32_t m = len - 1, cuts = 0; m > 0; m--)
			if (cut(a, i0 + m, b, j0 + m) && ++cuts > RL_WINDOW_CONTEXT) {
				hi = m;
				break;
			}
	}
	*m0 = lo, *m1 = hi > lo ? hi : lo;
}

/* Mix w into h. */
static inline uint64_t mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0xFF51AFD7ED558CCDu;
	return h ^ (h >> 32);
}

/* Token t's first bytes, up to eight (fewer: the word masked to its length, little-endian;
 * the text's last bytes are copied). */
static inline uint64_t head_bytes(const pside *s, const rl_token *tk)
{
	const char *p = s->text + tk->off;
	uint64_t w = 0;
	if (tk->len >= 8 || (size_t)tk->off + 8 <= s->len) {
		memcpy(&w, p, 8);
		return tk->len >= 8 ? w : w & (~(uint64_t)0 >> (64 - 8 * tk->len));
	}
	memcpy(&w, p, tk->len);
	return w;
}

/* A block's sketch: its length in tokens, the lengths of its first, second, middle and last
 * tokens and the first bytes of the first three (part of what para_eq compares, so that equal
 * blocks have equal sketches; the second, for paragraphs that open alike: "Section 4"). A block with a word
 * changed in it may keep its sketch, but seldom its length when it lost or gained a sentence
 * or a phrase; the rough match that reads it only judges whether the windows could pay. A
 * few loads a block, where a hash of its bytes reads them all (40 instructions a token). */
static uint64_t para_sketch(const pside *s, uint32_t t0, uint32_t t1)
{
	if (t1 == t0)  /* (no block is empty, but for an empty text) */
		return 0;
	const rl_token *first = &s->v[t0], *mid = &s->v[t0 + (t1 - 1 - t0) / 2];
	const rl_token *second = &s->v[t0 + (t1 - t0 > 1)];
	uint64_t lens = (uint64_t)(t1 - t0) << 40 | (uint64_t)s->v[t1 - 1].len << 20 | mid->len;
	uint64_t h = mix(mix(0x9E3779B97F4A7C15u, lens), head_bytes(s, first) + first->len);
	return mix(mix(h, head_bytes(s, second) + second->len), head_bytes(s, mid));
}

/* A hash of a block: its tokens' bytes and gaps as para_eq compares them. A token's bytes are
 * read eight at a time, its last word masked to its length (little-endian: elsewhere the mask
 * keeps other bytes, and equal blocks may hash apart, which only loses a match); the text's
 * last bytes are copied. rl_hash_bytes a token, a call and a finish each, cost three times as
 * much. */
static uint64_t para_hash(const pside *s, uint32_t t0, uint32_t t1)
{
	size_t len = s->len;
	uint64_t h = 0x9E3779B97F4A7C15u;
	for (uint32_t t = t0; t < t1; t++) {
		const rl_token *tk = &s->v[t];
		const char *p = s->text + tk->off;
		uint32_t n = tk->len;
		uint64_t w = gap_of(tk);
		for (; n >= 8; n -= 8, p += 8) {
			h = mix(h, w);
			memcpy(&w, p, 8);
		}
		h = mix(h, w);
		if (n > 0 && (size_t)(p - s->text) + 8 <= len) {
			memcpy(&w, p, 8);
			h = mix(h, w & (~(uint64_t)0 >> (64 - 8 * n)));
		} else if (n > 0) {
			w = 0;
			memcpy(&w, p, n);
			h = mix(h, w);
		}
	}
	return h;
}

/* The blocks of a side: a new one at each line whose first token a reader sees start a line
 * (and the first), found over the tokenizer's lines (every such token starts one); whether it
 * is hard-wrapped, from the same walk. */
static int paras_of(pside *s, const rl_tokens *toks)
{
	s->v = rl_tokens_array(toks);
	s->text = rl_tokens_text(toks);
	s->n = (uint32_t)rl_tokens_count(toks);
	s->len = rl_tokens_text_len(toks);
	size_t nl;
	bool lf_only;
	const rl_tokline *l = rl_tokens_lines(toks, &nl, &lf_only);
	if (!(s->p = malloc((nl + 1) * sizeof *s->p)))
		return RL_ENOMEM;
	/* The first line starts the first block; a later one starts after RL_GAP_LINE or more. */
	s->np = nl > 0;
	if (nl > 0)
		s->p[0] = (para){0, l[0].t0, s->n};
	size_t soft = 0;  /* lines after a soft break */
	for (size_t k = 1; k < nl; k++) {
		uint32_t t = l[k].t0;
		if (s->v[t].gap < RL_GAP_BREAK) {
			soft++;
			continue;
		}
		s->p[s->np - 1].t1 = t;
		s->p[s->np++] = (para){0, t, s->n};
	}
	s->wrapped = soft * 4 >= nl && soft > 0;
	return RL_OK;
}

/* The blocks' hashes their sketches, for the rough match. */
static void sketch_paras(pside *s)
{
	for (uint32_t k = 0; k < s->np; k++)
		s->p[k].h = para_sketch(s, s->p[k].t0, s->p[k].t1);
	s->rough = true;
}

/* The blocks' hashes made whole (para_hash), for the match that decides. */
static void hash_paras(pside *s)
{
	for (uint32_t k = 0; k < s->np; k++)
		s->p[k].h = para_hash(s, s->p[k].t0, s->p[k].t1);
	s->rough = false;
}

/* Are block i of a and j of b the same once whitespace is collapsed? */
static bool para_eq(const pside *a, uint32_t i, const pside *b, uint32_t j)
{
	const para *x = &a->p[i], *y = &b->p[j];
	if (x->h != y->h || x->t1 - x->t0 != y->t1 - y->t0)
		return false;
	if (a->rough)
		return true;
	for (uint32_t k = 0; k < x->t1 - x->t0; k++) {
		const rl_token *p = &a->v[x->t0 + k], *q = &b->v[y->t0 + k];
		if (p->len != q->len || facts_of(p) != facts_of(q) ||
		    memcmp(a->text + p->off, b->text + q->off, p->len) != 0)
			return false;
	}
	return true;
}

/* Are they the same bytes too (then nothing was re-wrapped)? */
static bool same_bytes(const pside *a, uint32_t i, const pside *b, uint32_t j)
{
	const rl_token *p0 = &a->v[a->p[i].t0], *p1 = &a->v[a->p[i].t1 - 1];
	const rl_token *q0 = &b->v[b->p[j].t0], *q1 = &b->v[b->p[j].t1 - 1];
	size_t n = (size_t)p1->off + p1->len - p0->off;
	return (size_t)q1->off + q1->len - q0->off == n &&
	       memcmp(a->text + p0->off, b->text + q0->off, n) == 0;
}

/* OLD's blocks by hash: how often each occurs on each side. */
typedef struct entry {
	uint64_t h;
	uint32_t para;     /* OLD's block with it (the last one) */
	uint32_t na, nb;   /* occurrences in OLD and NEW */
} entry;

/* The slot of each of NEW's blocks in tab (OLD's by hash, counted on both sides). */
static void count_paras(const pside *a, const pside *b, entry *tab, size_t mask, uint32_t *slot)
{
	for (uint32_t i = 0; i < a->np; i++) {
		size_t k = a->p[i].h & mask;
		while (tab[k].na && tab[k].h != a->p[i].h)
			k = (k + 1) & mask;
		tab[k].h = a->p[i].h, tab[k].para = i, tab[k].na++;
	}
	for (uint32_t j = 0; j < b->np; j++) {
		size_t k = b->p[j].h & mask;
		while (tab[k].na && tab[k].h != b->p[j].h)
			k = (k + 1) & mask;
		slot[j] = tab[k].na ? (uint32_t)k : RL_WIN_NONE;
		tab[k].nb += tab[k].na > 0;
	}
}

/* Is NEW's block j, in slot[j] of tab, once on each side? */
static bool unique(const entry *tab, const uint32_t *slot, uint32_t j)
{
	return slot[j] != RL_WIN_NONE && tab[slot[j]].na == 1 && tab[slot[j]].nb == 1;
}

/* The blocks matched as window.c matches lines (mo[j]: NEW's j is OLD's mo[j], or
 * RL_WIN_NONE): the unique ones that keep their order, extended over their equal neighbours;
 * those out of order into p[0..*nmv) (p: room for NEW's blocks). *dups: NEW's blocks whose hash
 * is on both sides, but not once on each. */
static int match_paras(const pside *a, const pside *b, uint32_t *mo, rl_win_pair *p,
                       uint32_t *nmv, uint32_t *dups)
{
	size_t cap = 16;
	while (cap < 2 * (size_t)a->np)
		cap *= 2;
	size_t m = (size_t)b->np + 1;
	entry *tab = calloc(cap, sizeof *tab);
	uint32_t *slot = malloc(m * sizeof *slot), *prev = malloc(m * sizeof *prev);
	uint32_t *tail = malloc(m * sizeof *tail);
	uint8_t *keep = malloc(m);
	int rc = tab && slot && prev && tail && keep ? RL_OK : RL_ENOMEM;
	uint32_t np = 0, pi = 0, pj = 0, n = 0;
	if (rc != RL_OK)
		goto done;
	count_paras(a, b, tab, cap - 1, slot);
	*dups = 0;
	for (uint32_t j = 0; j < b->np; j++) {
		mo[j] = RL_WIN_NONE;
		if (unique(tab, slot, j) && para_eq(a, tab[slot[j]].para, b, j))
			p[np++] = (rl_win_pair){tab[slot[j]].para, j};
		else
			*dups += slot[j] != RL_WIN_NONE && tab[slot[j]].nb > 0;
	}
	rl_win_in_order(p, np, prev, tail, keep);
	for (uint32_t k = 0; k < np; k++) {
		uint32_t i = p[k].i, j = p[k].j;
		if (!keep[k] || mo[j] != RL_WIN_NONE || i < pi) {
			keep[k] = 0;
			continue;
		}
		mo[j] = i;
		for (uint32_t x = i, y = j; x > pi && y > pj && mo[y - 1] == RL_WIN_NONE &&
		                            para_eq(a, x - 1, b, y - 1); x--, y--)
			mo[y - 1] = x - 1;
		uint32_t x = i + 1, y = j + 1;
		for (; x < a->np && y < b->np && !unique(tab, slot, y) && para_eq(a, x, b, y); x++, y++)
			mo[y] = x;
		pi = x, pj = y;
	}
	for (uint32_t k = 0; k < np; k++)
		if (!keep[k] && mo[p[k].j] != p[k].i)
			p[n++] = (rl_win_pair){a->p[p[k].i].t0, b->p[p[k].j].t0};
	*nmv = n;
done:
	free(tab), free(slot), free(prev), free(tail), free(keep);
	return rc;
}

/* May a window start at block i of a and block j of b (both start a paragraph)? */
static bool cut_at(const void *sa, uint32_t i, const void *sb, uint32_t j)
{
	const pside *a = sa, *b = sb;
	return a->v[a->p[i].t0].gap >= RL_GAP_PARA && b->v[b->p[j].t0].gap >= RL_GAP_PARA;
}

/* The windows between the kept parts of the runs of matched blocks. *rewrapped: a kept block
 * differs from its match in its whitespace. */
static size_t windows_between(const pside *a, const pside *b, const uint32_t *mo, rl_window *w,
                              bool *rewrapped)
{
	size_t nw = 0;
	uint32_t wa = 0, wb = 0;  /* where the next window starts */
	*rewrapped = false;
	for (uint32_t j = 0; j < b->np;) {
		if (mo[j] == RL_WIN_NONE) {
			j++;
			continue;
		}
		uint32_t i0 = mo[j], j0 = j, len = 1, lo, hi;
		while (j0 + len < b->np && mo[j0 + len] == i0 + len)
			len++;
		j = j0 + len;
		rl_win_core(cut_at, a, a->np, b, b->np, i0, j0, len, &lo, &hi);
		if (lo == hi)
			continue;
		for (uint32_t m = lo; m < hi && !*rewrapped; m++)
			*rewrapped = !same_bytes(a, i0 + m, b, j0 + m);
		uint32_t ka0 = a->p[i0 + lo].t0, kb0 = b->p[j0 + lo].t0;
		if (ka0 > wa || kb0 > wb)
			w[nw++] = (rl_window){wa, ka0, wb, kb0};
		wa = a->p[i0 + hi - 1].t1, wb = b->p[j0 + hi - 1].t1;
	}
	if (wa < a->n || wb < b->n)
		w[nw++] = (rl_window){wa, a->n, wb, b->n};
	return nw;
}

/* Is a quarter of toks' lines, or more, continued after a soft break: a hard-wrapped text (as
 * paras_of finds, without the blocks)? */
static bool wrapped(const rl_tokens *toks)
{
	size_t nl, soft = 0;
	bool lf_only;
	const rl_tokline *l = rl_tokens_lines(toks, &nl, &lf_only);
	const rl_token *v = rl_tokens_array(toks);
	for (size_t k = 1; k < nl; k++)
		soft += v[l[k].t0].gap == RL_GAP_LINE;
	return soft * 4 >= nl && soft > 0;
}

bool rl_win_keeps(const rl_window *w, size_t nw, uint32_t na, uint32_t nb, uint32_t num,
                  uint32_t den)
{
	uint64_t kept = na;
	for (size_t k = 0; k < nw; k++)
		kept -= w[k].a1 - w[k].a0;
	return nw > 0 && kept * den >= (uint64_t)na * num && kept * den >= (uint64_t)nb * num;
}

/* The blocks matched and the windows between them, into w (*n of them) and p (*nmv moved);
 * *use false when they are no use: nothing kept differs from its match in its whitespace, or
 * (with the sketches, a.rough) they keep less than RL_WIN_PARA_KEEP_NUM/DEN of a text, unless
 * the sketches cannot say: a quarter of NEW's blocks or more share theirs with other blocks
 * (paragraphs written from one template), and no anchor ties them. A sketch misses most
 * changes of a word or two: the rough windows are mostly fewer and smaller than the real
 * ones, and none at all is no reason to stop. */
static int match_windows(const pside *a, const pside *b, uint32_t *mo, rl_win_pair *p,
                         rl_window *w, size_t *n, uint32_t *nmv, bool *use)
{
	bool rewrapped = false;
	uint32_t dups = 0;
	int rc = match_paras(a, b, mo, p, nmv, &dups);
	*n = rc == RL_OK ? windows_between(a, b, mo, w, &rewrapped) : 0;
	if (rc != RL_OK)
		*use = false;
	else if (!a->rough)
		*use = rewrapped && *n > 0;
	else  /* (no window: the change lies where no sketch looks, the windows keep nearly all) */
		*use = ((uint64_t)dups * 4 >= b->np && dups > 0) ||
		       (rewrapped && (*n == 0 || rl_win_keeps(w, *n, a->n, b->n, RL_WIN_PARA_KEEP_NUM,
		                                               RL_WIN_PARA_KEEP_DEN)));
	return rc;
}

int rl_windows_paras(const rl_tokens *old_toks, const rl_tokens *new_toks, rl_window **out,
                     size_t *n, rl_win_pair **mv, uint32_t *nmv)
{
	pside a = {0}, b = {0};
	uint32_t *mo = NULL;
	rl_window *w = NULL;
	rl_win_pair *p = NULL;
	bool use = false;
	*out = NULL, *n = 0, *mv = NULL, *nmv = 0;
	/* Neither text hard-wrapped: its blocks are its lines, which window.c compared (the real
	 * revisions that fall back to the whole texts paid 5-8 % for nothing). */
	int rc = paras_of(&a, old_toks);
	if (rc != RL_OK || (!a.wrapped && !wrapped(new_toks))) {
		free(a.p);
		return rc;
	}
	if ((rc = paras_of(&b, new_toks)) == RL_OK)
		sketch_paras(&a), sketch_paras(&b);
	size_t m = (size_t)b.np + 2;
	if (rc == RL_OK && (!(mo = malloc(m * sizeof *mo)) || !(p = malloc(m * sizeof *p)) ||
	                    !(w = malloc(m * sizeof *w))))
		rc = RL_ENOMEM;
	/* The rough match first, from the blocks' sketches: when its windows would not pay, the
	 * blocks are never hashed whole nor compared token by token (on the bench's wrapped pairs,
	 * where every paragraph changed, that was 17-18 M instructions a megabyte). */
	if (rc == RL_OK)
		rc = match_windows(&a, &b, mo, p, w, n, nmv, &use);
	if (rc == RL_OK && use) {
		hash_paras(&a), hash_paras(&b);
		rc = match_windows(&a, &b, mo, p, w, n, nmv, &use);
	}
	if (rc == RL_OK && use) {
		*out = w, w = NULL;
		if (*nmv)
			*mv = p, p = NULL;
	} else {
		*n = 0, *nmv = 0;
	}
	free(a.p), free(b.p), free(mo), free(w), free(p);
	return rc;
}
