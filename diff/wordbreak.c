/* wordbreak.c: merging the graphemes of a run of Thai (Lao, Khmer, Myanmar) into the words the
 * caller's breaker finds. */
#include "wordbreak.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"
#include "text.h"

/* A run handed to the breaker is cut after this many graphemes (the cut is a word break): real
 * text has a space or a mark every sentence or so, and a dictionary breaker may cost more than
 * linear time on one huge run of hostile input. */
#define RUN_MAX 4096

/* The script of a grapheme token the tokenizer made a word of its own, or -1. */
static int script_of(const rl_token *tk, const char *text)
{
	int32_t cp;

	if (!(tk->flags & RL_TF_SOLO))
		return -1;
	rl_utf8_decode(text + tk->off, tk->len, &cp);
	if (cp >= 0x0E00 && cp <= 0x0E7F)
		return RL_SCRIPT_THAI;
	if (cp >= 0x0E80 && cp <= 0x0EFF)
		return RL_SCRIPT_LAO;
	if (cp >= 0x1780 && cp <= 0x17FF)
		return RL_SCRIPT_KHMER;
	if (cp >= 0x1000 && cp <= 0x109F)
		return RL_SCRIPT_MYANMAR;
	return -1;
}

/* End of the run of script sc that starts at token i: touching tokens of the same script. */
static size_t run_end(const rl_token *v, size_t n, size_t i, int sc, const char *text)
{
	size_t j = i + 1;
	while (j < n && j - i < RUN_MAX && v[j].gap == RL_GAP_NONE && script_of(&v[j], text) == sc)
		j++;
	return j;
}

/* Mark in starts[0..j-i) the tokens of run [i, j) where the breaker says a word begins. Returns
 * 1, 0 when the breaker does not handle the run, or RL_WORDBREAK_NOMEM. */
static int find_starts(const rl_token *v, size_t i, size_t j, int sc, const char *text,
                       const rl_wordbreak *wb, uint32_t *breaks, bool *starts)
{
	uint32_t base = v[i].off, len = v[j - 1].off + v[j - 1].len - base;
	int k = wb->fn(wb->ctx, (rl_script)sc, text + base, len, breaks, j - i);

	if (k < 0)
		return k == RL_WORDBREAK_NOMEM ? k : 0;
	size_t nb = (size_t)k < j - i ? (size_t)k : j - i, b = 0;
	starts[0] = true;
	for (size_t t = i + 1; t < j; t++) {
		uint32_t at = v[t].off - base;
		while (b < nb && breaks[b] < at)
			b++;  /* inside a grapheme, or out of order: ignored */
		starts[t - i] = b < nb && breaks[b] == at;
	}
	return 1;
}

/* Write the words of run [i, j) at v[w...]; returns the new write position. */
static size_t merge_run(rl_token *v, size_t w, size_t i, size_t j, const bool *starts,
                        size_t *words)
{
	for (size_t t = i; t < j; t++) {
		if (starts[t - i]) {
			v[w++] = v[t];
			continue;
		}
		rl_token *word = &v[w - 1];
		word->len = v[t].off + v[t].len - word->off;
		word->width += v[t].width;
		*words -= 1;  /* each grapheme counted one word; the merged word counts once */
	}
	return w;
}

int rl_wordbreak_merge(rl_token *v, size_t *n, size_t *words, const char *text,
                       const rl_wordbreak *wb, rl_tokrun *runs, size_t nruns)
{
	uint32_t *breaks = NULL;
	bool *starts = NULL;
	size_t w = 0, r = 0;
	int rc = RL_OK;

	for (size_t i = 0; i < *n && rc == RL_OK;) {
		if (r < nruns && runs[r].t0 == i) {
			/* Copied from OLD, merged there: kept. */
			size_t k = runs[r].n;
			memmove(v + w, v + i, k * sizeof *v);
			runs[r++].t0 = (uint32_t)w;
			w += k, i += k;
			continue;
		}
		size_t lim = r < nruns ? runs[r].t0 : *n;
		int sc = script_of(&v[i], text);
		size_t j = sc < 0 ? i + 1 : run_end(v, lim, i, sc, text);
		if (j - i < 2) {
			v[w++] = v[i++];
			continue;
		}
		if (!breaks) {
			breaks = malloc(RUN_MAX * sizeof *breaks);
			starts = malloc(RUN_MAX * sizeof *starts);
			if (!breaks || !starts) {
				free(breaks);
				free(starts);
				return RL_ENOMEM;
			}
		}
		int found = find_starts(v, i, j, sc, text, wb, breaks, starts);
		if (found == RL_WORDBREAK_NOMEM)
			rc = RL_ENOMEM;  /* the tokens are freed with the half-merged array */
		else if (found)
			w = merge_run(v, w, i, j, starts, words);
		else
			while (i < j)  /* not handled: one word per grapheme, as without a breaker */
				v[w++] = v[i++];
		i = j;
	}
	free(breaks);
	free(starts);
	*n = w;
	return rc;
}

/* Lines shared by the two texts (wordbreak.h). */

static bool ascii_space(char ch)
{
	return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
}

static uint64_t line_hash(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15u ^ n;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		h = (h ^ x) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 32;
	}
	uint64_t x = 0;
	memcpy(&x, s + i, n - i);
	h = (h ^ x) * 0xC4CEB9FE1A85EC53u;
	return h ^ (h >> 29);
}

/* One line: its key (the bytes without the ASCII whitespace at its ends) and its entry. */
typedef struct line {
	uint32_t key, len;
	uint64_t hash;
	uint32_t entry;  /* in the table, or NONE (an empty line, or a NEW line OLD lacks) */
} line;

/* A distinct line of OLD: how often each side has it, and where (the last one seen). */
typedef struct entry {
	uint32_t line;      /* an OLD line with these bytes */
	uint32_t count[2];
	uint32_t at[2];     /* its line number on each side (meaningful when counted once) */
	bool chained;       /* in the longest in-order chain of lines found once on each side */
} entry;

#define NONE UINT32_MAX

/* The lines of text[0..len): starts[] and keys, into ln[] (sized by count_lines). */
static size_t count_lines(const char *text, size_t len)
{
	size_t n = 1;
	if (len == 0)
		return n;
	for (const char *p = text, *e = text + len; (p = memchr(p, '\n', (size_t)(e - p))); p++)
		n++;
	return n;
}

static void split_lines(const char *text, size_t len, uint32_t *starts, line *ln)
{
	size_t k = 0;
	for (size_t at = 0;;) {
		const char *nl = at < len ? memchr(text + at, '\n', len - at) : NULL;
		size_t end = nl ? (size_t)(nl - text) : len, a = at, b = end;
		while (a < b && ascii_space(text[a]))
			a++;
		while (b > a && ascii_space(text[b - 1]))
			b--;
		starts[k] = (uint32_t)at;
		ln[k++] = (line){(uint32_t)a, (uint32_t)(b - a), b > a ? line_hash(text + a, b - a) : 0,
		                 NONE};
		if (!nl)
			break;
		at = end + 1;
	}
}

/* The entry of line l of side s, added for OLD. */
static uint32_t find_entry(entry *e, size_t *ne, uint32_t *slots, size_t mask, const line *old,
                           const char *old_text, const char *text, const line *l, int add)
{
	for (size_t j = (size_t)l->hash & mask;; j = (j + 1) & mask) {
		uint32_t k = slots[j];
		if (k == NONE) {
			if (!add)
				return NONE;
			e[*ne] = (entry){(uint32_t)(l - old), {0, 0}, {0, 0}, false};
			slots[j] = (uint32_t)*ne;
			return (uint32_t)(*ne)++;
		}
		const line *o = &old[e[k].line];
		if (o->hash == l->hash && o->len == l->len &&
		    memcmp(old_text + o->key, text + l->key, l->len) == 0)
			return k;
	}
}

/* Mark the longest chain of lines found once on each side whose OLD order is their NEW order
 * (patience: the longest increasing subsequence of OLD line numbers in NEW's order). */
static int chain(entry *e, const line *nl, size_t nn)
{
	size_t m = 0;
	for (size_t i = 0; i < nn; i++)
		m += nl[i].entry != NONE && e[nl[i].entry].count[0] == 1 && e[nl[i].entry].count[1] == 1;
	if (m == 0)
		return RL_OK;
	uint32_t *seq = malloc(m * sizeof *seq), *tail = malloc(m * sizeof *tail),
	         *prev = malloc(m * sizeof *prev);
	if (!seq || !tail || !prev) {
		free(seq), free(tail), free(prev);
		return RL_ENOMEM;
	}
	size_t k = 0, len = 0;
	for (size_t i = 0; i < nn; i++) {
		uint32_t x = nl[i].entry;
		if (x != NONE && e[x].count[0] == 1 && e[x].count[1] == 1)
			seq[k++] = x;
	}
	for (size_t i = 0; i < m; i++) {
		uint32_t at = e[seq[i]].at[0];
		size_t lo = 0, hi = len;  /* the first tail whose OLD line is not before this one */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (e[seq[tail[mid]]].at[0] < at)
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo ? tail[lo - 1] : NONE;
		tail[lo] = (uint32_t)i;
		len += lo == len;
	}
	for (uint32_t i = len ? tail[len - 1] : NONE; i != NONE; i = prev[i])
		e[seq[i]].chained = true;
	free(seq), free(tail), free(prev);
	return RL_OK;
}

static int read_lines(rl_wb_lines *l)
{
	line *ln[2] = {NULL, NULL};
	entry *e = NULL;
	uint32_t *slots = NULL;
	int rc = RL_ENOMEM;

	for (int s = 0; s < 2; s++) {
		l->nlines[s] = count_lines(l->text[s], l->len[s]);
		l->starts[s] = malloc(l->nlines[s] * sizeof *l->starts[s]);
		l->shared[s] = malloc(l->nlines[s]);
		ln[s] = malloc(l->nlines[s] * sizeof *ln[s]);
		if (!l->starts[s] || !l->shared[s] || !ln[s])
			goto out;
		split_lines(l->text[s], l->len[s], l->starts[s], ln[s]);
	}
	size_t nslots = 16, ne = 0;
	while (nslots < 2 * l->nlines[0])
		nslots *= 2;
	e = malloc(l->nlines[0] * sizeof *e);
	slots = malloc(nslots * sizeof *slots);
	if (!e || !slots)
		goto out;
	memset(slots, 0xff, nslots * sizeof *slots);
	for (int s = 0; s < 2; s++)
		for (size_t i = 0; i < l->nlines[s]; i++) {
			line *x = &ln[s][i];
			if (x->len == 0)
				continue;
			x->entry = find_entry(e, &ne, slots, nslots - 1, ln[0], l->text[0], l->text[s], x,
			                      s == 0);
			if (x->entry != NONE) {
				e[x->entry].count[s]++;
				e[x->entry].at[s] = (uint32_t)i;
			}
		}
	if ((rc = chain(e, ln[1], l->nlines[1])) != RL_OK)
		goto out;
	for (int s = 0; s < 2; s++)
		for (size_t i = 0; i < l->nlines[s]; i++) {
			uint32_t x = ln[s][i].entry;
			l->shared[s][i] = x != NONE && e[x].count[0] == e[x].count[1] &&
			                  (e[x].count[0] > 1 || e[x].chained);
		}
	l->read = true;
	rc = RL_OK;
out:
	free(ln[0]), free(ln[1]), free(e), free(slots);
	if (rc != RL_OK)
		rl_wb_lines_free(l);
	return rc;
}

/* Is the byte `at` of side s in a shared line? */
static bool in_shared(const rl_wb_lines *l, int s, size_t at)
{
	size_t lo = 0, hi = l->nlines[s];  /* the last line starting at or before `at` */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->starts[s][mid] <= at)
			lo = mid;
		else
			hi = mid;
	}
	return l->shared[s][lo];
}

static int side_breaks(void *ctx, rl_script script, const char *run, size_t len,
                       uint32_t *breaks, size_t max)
{
	rl_wb_side *sd = ctx;
	rl_wb_lines *l = sd->lines;

	if (!l->read && read_lines(l) != RL_OK)
		return RL_WORDBREAK_NOMEM;
	if (in_shared(l, sd->side, (size_t)(run - l->text[sd->side]))) {
		l->phrases++;
		return 0;  /* no break: the run is one word */
	}
	l->asked++;
	return l->inner.fn(l->inner.ctx, script, run, len, breaks, max);
}

void rl_wb_lines_init(rl_wb_lines *l, const rl_wordbreak *inner, const char *old_text,
                      size_t old_len, const char *new_text, size_t new_len)
{
	*l = (rl_wb_lines){0};
	l->inner = *inner;
	l->text[0] = old_text, l->len[0] = old_len;
	l->text[1] = new_text, l->len[1] = new_len;
	for (int s = 0; s < 2; s++)
		l->sides[s] = (rl_wb_side){l, s};
}

rl_wordbreak rl_wb_lines_side(rl_wb_lines *l, int side)
{
	return (rl_wordbreak){side_breaks, &l->sides[side ? 1 : 0]};
}

void rl_wb_lines_free(rl_wb_lines *l)
{
	for (int s = 0; s < 2; s++) {
		free(l->starts[s]);
		free(l->shared[s]);
		l->starts[s] = NULL, l->shared[s] = NULL;
	}
	l->read = false;
}
