/* wordbreak.c: merging the graphemes of a run of Thai (Lao, Khmer, Myanmar) into the words the
 * caller's breaker finds. */
#include "wordbreak.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "status.h"
#include "text.h"

#define RUN_MAX RL_WB_RUN_MAX

int rl_wordbreak_script(int32_t cp)
{
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

/* The script of a grapheme token the tokenizer made a word of its own, or -1: that of its first
 * code point, read from its bytes (rl_wordbreak_script_at; a token shorter than three bytes
 * starts with a code point below U+0800, of none). */
static inline int script_of(const rl_token *tk, const char *text)
{
	if (!(tk->flags & RL_TF_SOLO))
		return -1;
	return rl_wordbreak_script_at(text + tk->off, tk->len);
}

/* End of the run of script sc that starts at token i: touching tokens of the same script. */
static size_t run_end(const rl_token *v, size_t n, size_t i, int sc, const char *text)
{
	size_t j = i + 1;
	while (j < n && j - i < RUN_MAX && v[j].gap == RL_GAP_NONE && script_of(&v[j], text) == sc)
		j++;
	return j;
}

/* What find_starts found: the breaker does not handle the run, word starts marked, no break
 * (the run is one word: a phrase both texts share, wordbreak.h, the commonest answer on a
 * revision). */
enum { RUN_UNHANDLED, RUN_STARTS, RUN_WHOLE };

/* Mark in starts[0..j-i) the tokens of run [i, j) where the breaker says a word begins. Returns
 * RUN_* (RUN_WHOLE: starts is not written), or RL_WORDBREAK_NOMEM. */
static int find_starts(const rl_token *v, size_t i, size_t j, int sc, const char *text,
                       const rl_wordbreak *wb, uint32_t *breaks, bool *starts)
{
	uint32_t base = v[i].off, len = v[j - 1].off + v[j - 1].len - base;
	int k = wb->fn(wb->ctx, (rl_script)sc, text + base, len, breaks, j - i);

	if (k < 0)
		return k == RL_WORDBREAK_NOMEM ? k : RUN_UNHANDLED;
	if (k == 0)
		return RUN_WHOLE;  /* merge_whole: as merge_run with no start but the first */
	size_t nb = (size_t)k < j - i ? (size_t)k : j - i, b = 0;
	starts[0] = true;
	for (size_t t = i + 1; t < j; t++) {
		uint32_t at = v[t].off - base;
		while (b < nb && breaks[b] < at)
			b++;  /* inside a grapheme, or out of order: ignored */
		starts[t - i] = b < nb && breaks[b] == at;
	}
	return RUN_STARTS;
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
		word->width = rl_width_field((uint32_t)word->width + v[t].width);  /* RL_TOK_WIDE stays */
		*words -= 1;  /* each grapheme counted one word; the merged word counts once */
	}
	return w;
}

/* Write run [i, j) at v[w] as one word; returns the new write position. The same token as
 * merge_run's with only the first start: its width is the sum of the graphemes', held at
 * RL_TOK_WIDE (where merge_run's running sum stays once it gets there). */
static size_t merge_whole(rl_token *v, size_t w, size_t i, size_t j, size_t *words)
{
	uint32_t width = v[i].width;
	for (size_t t = i + 1; t < j && width < RL_TOK_WIDE; t++)
		width += v[t].width;
	rl_token word = v[i];
	word.len = v[j - 1].off + v[j - 1].len - word.off;
	word.width = rl_width_field(width);
	v[w] = word;
	*words -= j - i - 1;  /* each grapheme counted one word; the merged word counts once */
	return w + 1;
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
			if (w != i)
				memmove(v + w, v + i, k * sizeof *v);
			runs[r++].t0 = (uint32_t)w;
			w += k, i += k;
			continue;
		}
		size_t lim = r < nruns ? runs[r].t0 : *n;
		if (!(v[i].flags & RL_TF_SOLO)) {
			/* No run starts at a token of none of those scripts (script_of): such tokens up
			 * to the next copied run kept as they are, in a loop of their own (a text's
			 * spaces, marks and words of other scripts, read once a token), and not
			 * moved while nothing before them merged. */
			size_t k = i + 1;
			while (k < lim && !(v[k].flags & RL_TF_SOLO))
				k++;
			if (w != i)
				memmove(v + w, v + i, (k - i) * sizeof *v);
			w += k - i, i = k;
			continue;
		}
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
		else if (found == RUN_WHOLE)
			w = merge_whole(v, w, i, j, words);
		else if (found == RUN_STARTS)
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

/* Lines and runs shared by the two texts (wordbreak.h). */

#define NONE UINT32_MAX

/* A piece of a text, found by its bytes: a line (its ASCII whitespace at both ends left out) or
 * a run of one script. */
typedef struct piece {
	uint32_t off, len;
	uint64_t hash;
	uint32_t entry;  /* in the table, or NONE (empty, or a NEW piece OLD lacks) */
	uint32_t hunk;   /* a run: the stretch of changed lines it is in */
} piece;

/* A distinct piece of OLD: how often each side has it, and where (the last one seen). */
typedef struct entry {
	uint32_t piece;     /* an OLD piece with these bytes */
	uint32_t count[2];
	uint32_t at[2];     /* its index on each side (meaningful when counted once) */
	bool chained;       /* in the longest in-order chain of pieces found once on each side */
} entry;

/* The pieces of both texts, OLD's distinct ones in an open-addressing table. */
typedef struct table {
	piece *p[2];
	size_t n[2], cap[2];
	entry *e;
	size_t ne;
	uint32_t *slots;
	size_t mask;
} table;

/* A line is shared (its runs are phrases, but for those the changed lines hold unequally),
 * moved (found once on each side, out of order: its runs are broken, so that its words are found
 * as a move), or changed (a run of it is a phrase when each stretch of changed lines holds it as
 * often in OLD as in NEW, else broken). */
enum { LINE_CHANGED, LINE_SHARED, LINE_MOVED };

/* A distinct run: its bytes (on side `side`), the stretch counted in (NONE: all), how often
 * each side has it there, and whether some stretch has it more often on one side. */
typedef struct run_entry {
	uint64_t hash;
	uint32_t off, len, hunk;
	uint8_t side;
	bool unequal;
	uint32_t count[2];
} run_entry;

typedef struct run_table {
	run_entry *e;
	size_t n;
	uint32_t *slots;
	size_t mask;
} run_table;

struct rl_wb_shared {
	uint32_t *starts[2];  /* first byte of each line */
	uint8_t *shared[2];   /* of each line: LINE_* */
	uint64_t *keys[2];    /* of each line: the first byte and length of its key */
	uint32_t *hunk[2];    /* of each line: the in-order lines found once on each side before it
	                       * (a stretch between two of them is the same on both sides) */
	size_t nlines[2];
	size_t last[2];       /* the line of the last run asked about (line_at) */
	run_table runs;       /* the runs of the changed lines, by their bytes alone */
};

static void table_free(table *t)
{
	free(t->p[0]), free(t->p[1]), free(t->e), free(t->slots);
	*t = (table){0};
}

static bool table_add(table *t, int s, size_t off, size_t len, const char *text)
{
	if (t->n[s] == t->cap[s]) {
		size_t cap = t->cap[s] ? 2 * t->cap[s] : 64;
		piece *p = realloc(t->p[s], cap * sizeof *p);
		if (!p)
			return false;
		t->p[s] = p, t->cap[s] = cap;
	}
	t->p[s][t->n[s]++] = (piece){(uint32_t)off, (uint32_t)len,
	                             len ? rl_hash_bytes(text + off, len) : 0, NONE, 0};
	return true;
}

/* The entry of the bytes s[0..len) (hash h), or NONE; with add, a new entry for OLD's piece k. */
static uint32_t table_find(table *t, const char *old_text, const char *s, size_t len, uint64_t h,
                           size_t add)
{
	for (size_t j = (size_t)h & t->mask;; j = (j + 1) & t->mask) {
		uint32_t k = t->slots[j];
		if (k == NONE) {
			if (add == NONE)
				return NONE;
			t->e[t->ne] = (entry){(uint32_t)add, {0, 0}, {0, 0}, false};
			t->slots[j] = (uint32_t)t->ne;
			return (uint32_t)t->ne++;
		}
		const piece *o = &t->p[0][t->e[k].piece];
		if (o->hash == h && o->len == len && memcmp(old_text + o->off, s, len) == 0)
			return k;
	}
}

/* Mark the longest chain of pieces found once on each side whose OLD order is their NEW order
 * (patience: the longest increasing subsequence of OLD indexes in NEW's order). */
static int chain(table *t)
{
	entry *e = t->e;
	size_t m = 0;
	for (size_t i = 0; i < t->n[1]; i++) {
		uint32_t x = t->p[1][i].entry;
		m += x != NONE && e[x].count[0] == 1 && e[x].count[1] == 1;
	}
	if (m == 0)
		return RL_OK;
	uint32_t *seq = malloc(m * sizeof *seq), *tail = malloc(m * sizeof *tail),
	         *prev = malloc(m * sizeof *prev);
	if (!seq || !tail || !prev) {
		free(seq), free(tail), free(prev);
		return RL_ENOMEM;
	}
	size_t k = 0, len = 0;
	for (size_t i = 0; i < t->n[1]; i++) {
		uint32_t x = t->p[1][i].entry;
		if (x != NONE && e[x].count[0] == 1 && e[x].count[1] == 1)
			seq[k++] = x;
	}
	for (size_t i = 0; i < m; i++) {
		uint32_t at = e[seq[i]].at[0];
		size_t lo = 0, hi = len;  /* the first tail whose OLD index is not before this one */
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
	for (uint32_t i = tail[len - 1]; i != NONE; i = prev[i])
		e[seq[i]].chained = true;
	free(seq), free(tail), free(prev);
	return RL_OK;
}

/* Count the pieces of both sides against OLD's distinct ones, then chain them. */
static int table_build(table *t, const char *const text[2])
{
	size_t nslots = 16;
	while (nslots < 2 * t->n[0])
		nslots *= 2;
	t->e = malloc((t->n[0] ? t->n[0] : 1) * sizeof *t->e);
	t->slots = malloc(nslots * sizeof *t->slots);
	if (!t->e || !t->slots)
		return RL_ENOMEM;
	t->mask = nslots - 1;
	memset(t->slots, 0xff, nslots * sizeof *t->slots);
	for (int s = 0; s < 2; s++)
		for (size_t i = 0; i < t->n[s]; i++) {
			piece *x = &t->p[s][i];
			if (x->len == 0)
				continue;
			x->entry = table_find(t, text[0], text[s] + x->off, x->len, x->hash,
			                      s == 0 ? i : NONE);
			if (x->entry != NONE) {
				t->e[x->entry].count[s]++;
				t->e[x->entry].at[s] = (uint32_t)i;
			}
		}
	return chain(t);
}

/* Shared: as often on each side, and in order when once on each side. */
static bool entry_shared(const entry *e)
{
	return e->count[0] == e->count[1] && (e->count[0] > 1 || e->chained);
}

/* The runs of text[a..b), one script each, into side s of t, in stretch hunk. */
static bool add_runs(table *t, int s, const char *text, size_t a, size_t b, uint32_t hunk)
{
	const unsigned char *u = (const unsigned char *)text;
	for (size_t i = a; i < b;) {
		int sc = rl_wordbreak_script_at((const char *)u + i, b - i);
		if (sc < 0) {
			i++;
			continue;
		}
		size_t j = i + 3;
		while (j < b && rl_wordbreak_script_at((const char *)u + j, b - j) == sc)
			j += 3;
		if (j - i > 3) {
			if (!table_add(t, s, i, j - i, text))
				return false;
			t->p[s][t->n[s] - 1].hunk = hunk;
		}
		i = j;
	}
	return true;
}

static int find_runs(rl_wb_lines *l);

static int find_shared(rl_wb_lines *l)
{
	rl_wb_shared *sh = calloc(1, sizeof *sh);
	table lines = {0};
	int rc = RL_ENOMEM;

	if (!sh)
		return RL_ENOMEM;
	l->shared = sh;
	for (int s = 0; s < 2; s++) {
		const char *text = l->text[s];
		size_t len = l->len[s], n = 1;
		for (const char *p = text, *e = text + len; len && (p = memchr(p, '\n', (size_t)(e - p)));
		     p++)
			n++;
		sh->nlines[s] = n;
		sh->starts[s] = malloc(n * sizeof *sh->starts[s]);
		sh->shared[s] = malloc(n);
		sh->keys[s] = malloc(n * sizeof *sh->keys[s]);
		sh->hunk[s] = malloc(n * sizeof *sh->hunk[s]);
		lines.p[s] = malloc(n * sizeof *lines.p[s]);
		if (!sh->starts[s] || !sh->shared[s] || !sh->keys[s] || !sh->hunk[s] || !lines.p[s])
			goto out;
		lines.cap[s] = n;
		for (size_t at = 0, k = 0;; k++) {
			const char *nl = at < len ? memchr(text + at, '\n', len - at) : NULL;
			size_t end = nl ? (size_t)(nl - text) : len, a = at, b = end;
			while (a < b && rl_ascii_space(text[a]))
				a++;
			while (b > a && rl_ascii_space(text[b - 1]))
				b--;
			sh->starts[s][k] = (uint32_t)at;
			(void)table_add(&lines, s, a, b - a, text);  /* room made above */
			if (!nl)
				break;
			at = end + 1;
		}
	}
	if ((rc = table_build(&lines, l->text)) != RL_OK)
		goto out;
	rc = RL_ENOMEM;
	for (int s = 0; s < 2; s++)
		for (size_t i = 0; i < sh->nlines[s]; i++) {
			const piece *x = &lines.p[s][i];
			const entry *e = x->entry != NONE ? &lines.e[x->entry] : NULL;
			sh->shared[s][i] = e && entry_shared(e) ? LINE_SHARED
			                 : e && e->count[0] == 1 && e->count[1] == 1 ? LINE_MOVED
			                 : LINE_CHANGED;
			sh->keys[s][i] = (uint64_t)x->off << 32 | x->len;
			sh->hunk[s][i] = (uint32_t)(i ? sh->hunk[s][i - 1] : 0) +
			                 (e && e->count[0] == 1 && e->count[1] == 1 && e->chained);
		}
	rc = find_runs(l);
out:
	table_free(&lines);
	if (rc != RL_OK)
		rl_wb_lines_free(l);
	return rc;
}

/* The entry of run[0..len) (hash h) counted in stretch hunk, added when missing (from side s at
 * off) unless add is false; NONE when missing. */
static uint32_t run_find(run_table *t, const char *const text[2], const char *run, size_t len,
                         uint64_t h, uint32_t hunk, bool add, int s, size_t off)
{
	uint64_t hh = h ^ (hunk * 0x9E3779B97F4A7C15u);
	for (size_t j = (size_t)hh & t->mask;; j = (j + 1) & t->mask) {
		uint32_t k = t->slots[j];
		if (k == NONE) {
			if (!add)
				return NONE;
			t->e[t->n] = (run_entry){h, (uint32_t)off, (uint32_t)len, hunk, (uint8_t)s, false,
			                         {0, 0}};
			t->slots[j] = (uint32_t)t->n;
			return (uint32_t)t->n++;
		}
		const run_entry *e = &t->e[k];
		if (e->hash == h && e->hunk == hunk && e->len == len &&
		    memcmp(text[e->side] + e->off, run, len) == 0)
			return k;
	}
}

static bool run_table_new(run_table *t, size_t n)
{
	size_t nslots = 16;
	while (nslots < 2 * n)
		nslots *= 2;
	t->e = malloc((n ? n : 1) * sizeof *t->e);
	t->slots = malloc(nslots * sizeof *t->slots);
	if (!t->e || !t->slots)
		return false;
	t->mask = nslots - 1;
	memset(t->slots, 0xff, nslots * sizeof *t->slots);
	return true;
}

static void run_table_free(run_table *t)
{
	free(t->e), free(t->slots);
	*t = (run_table){0};
}

/* The runs of the changed lines, counted per stretch, then by their bytes alone. */
static int find_runs(rl_wb_lines *l)
{
	rl_wb_shared *sh = l->shared;
	table pieces = {0};
	run_table by_hunk = {0};
	int rc = RL_ENOMEM;

	for (int s = 0; s < 2; s++)
		for (size_t i = 0; i < sh->nlines[s]; i++) {
			size_t off = (size_t)(sh->keys[s][i] >> 32), len = (uint32_t)sh->keys[s][i];
			if (sh->shared[s][i] == LINE_CHANGED &&
			    !add_runs(&pieces, s, l->text[s], off, off + len, sh->hunk[s][i]))
				goto out;
		}
	size_t n = pieces.n[0] + pieces.n[1];
	if (!run_table_new(&by_hunk, n) || !run_table_new(&sh->runs, n))
		goto out;
	for (int s = 0; s < 2; s++)
		for (size_t i = 0; i < pieces.n[s]; i++) {
			const piece *x = &pieces.p[s][i];
			uint32_t k = run_find(&by_hunk, l->text, l->text[s] + x->off, x->len, x->hash,
			                      x->hunk, true, s, x->off);
			by_hunk.e[k].count[s]++;
		}
	for (size_t k = 0; k < by_hunk.n; k++) {
		const run_entry *e = &by_hunk.e[k];
		uint32_t b = run_find(&sh->runs, l->text, l->text[e->side] + e->off, e->len, e->hash,
		                      NONE, true, e->side, e->off);
		sh->runs.e[b].unequal |= e->count[0] != e->count[1];
	}
	rc = RL_OK;
out:
	table_free(&pieces);
	run_table_free(&by_hunk);
	if (rc != RL_OK)
		run_table_free(&sh->runs);
	return rc;
}

/* The LINE_* of the line holding byte `at` of side s. */
static int line_at(rl_wb_shared *sh, int s, size_t at)
{
	/* The tokenizer asks about the runs in the order of the text: the line is the last one
	 * asked about or one of the next few; a binary search only when a run comes before it (a
	 * search for every run was a fortieth of tokenizing a Thai revision). */
	const uint32_t *st = sh->starts[s];
	size_t lo = sh->last[s], hi = sh->nlines[s];
	if (st[lo] <= at) {
		for (size_t k = 0; k < 4 && lo + 1 < hi && st[lo + 1] <= at; k++)
			lo++;
		if (lo + 1 < hi && st[lo + 1] <= at)
			lo++;
		else
			hi = lo + 1;
	} else {
		lo = 0;
	}
	while (hi - lo > 1) {  /* the last line starting at or before `at` */
		size_t mid = lo + (hi - lo) / 2;
		if (st[mid] <= at)
			lo = mid;
		else
			hi = mid;
	}
	sh->last[s] = lo;
	return sh->shared[s][lo];
}

/* Is the run one word by the shared lines alone (1), is the breaker to be asked (0), or
 * RL_WORDBREAK_NOMEM? */
static int run_phrase(rl_wb_side *sd, const char *run, size_t len)
{
	rl_wb_lines *l = sd->lines;

	if (!l->shared && find_shared(l) != RL_OK)
		return RL_WORDBREAK_NOMEM;
	rl_wb_shared *sh = l->shared;
	int line = line_at(sh, sd->side, (size_t)(run - l->text[sd->side]));
	bool phrase = false;
	if (line != LINE_MOVED) {
		/* A run of a shared line is a phrase unless the changed lines have it unequally
		 * (then its words are wanted there, and here to match them: text copied from a
		 * line that stayed); a run of a changed line is a phrase when they have it equally. */
		uint32_t x = sh->runs.n ? run_find(&sh->runs, l->text, run, len, rl_hash_bytes(run, len),
		                                   NONE, false, 0, 0)
		                        : NONE;
		phrase = line == LINE_SHARED ? x == NONE || !sh->runs.e[x].unequal
		                             : x != NONE && !sh->runs.e[x].unequal;
	}
	l->phrases += phrase;
	return phrase;
}

static int side_breaks(void *ctx, rl_script script, const char *run, size_t len,
                       uint32_t *breaks, size_t max)
{
	rl_wb_side *sd = ctx;
	int phrase = run_phrase(sd, run, len);
	if (phrase != 0)
		return phrase == 1 ? 0 : phrase;  /* no break: the run is one word */
	sd->lines->asked++;
	return sd->lines->inner.fn(sd->lines->inner.ctx, script, run, len, breaks, max);
}

bool rl_wb_phrases(const rl_wordbreak *wb)
{
	return wb && wb->fn == side_breaks;
}

int rl_wb_phrase(const rl_wordbreak *wb, const char *run, size_t len)
{
	return rl_wb_phrases(wb) ? run_phrase(wb->ctx, run, len) : 0;
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
	rl_wb_shared *sh = l->shared;
	if (!sh)
		return;
	for (int s = 0; s < 2; s++)
		free(sh->starts[s]), free(sh->shared[s]), free(sh->keys[s]), free(sh->hunk[s]);
	run_table_free(&sh->runs);
	free(sh);
	l->shared = NULL;
}
