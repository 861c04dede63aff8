/* fuzz_diff.c: the engine on two arbitrary texts, in every mode.
 *
 * Each input is diffed four ways: as its flags ask, minimal, without anchors, and with a cost
 * bound of 1 to 8 edits (so that the bound is hit all the time) and, for half the inputs, a work
 * budget of under 64 steps (so that most searches are greedy). For every alignment:
 *   - the ops tile both texts: every token lies in exactly one op on each side, and ops outside
 *     moves advance through both texts in step;
 *   - each kind has the ranges it should (a delete nothing in NEW, ...);
 *   - equal ranges hold equal comparison keys, in order (checked on the keys themselves, not on
 *     the interned ids the engine compared);
 *   - the statistics add up, and a minimal run never reports a bound hit;
 *   - on small inputs, a minimal run keeps exactly as many tokens as a longest common
 *     subsequence (an O(nm) brute force), and no run keeps more in place (moved passages are
 *     kept out of order: they are not counted against it);
 *   - copying NEW's lines that OLD has (skip.h) changes nothing: the same tokens, ops and
 *     statistics as tokenizing them, on the input and on OLD with NEW spliced into it.
 * Most inputs are tokenized with a word breaker of the harness's own (fuzz_wordbreak, chosen by
 * the parameter), as the program does Thai with libthai: each word it makes is a run of the
 * plain tokenizer's graphemes of one script, touching, with their bytes, widths and word count.
 * A comparison asks it only about the runs the two texts do not share (wordbreak.h): the oracle
 * tokenizes the same way, and as the breaker itself for the minimal run, which asks about all. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "fuzz_input.h"
#include "intern.h"
#include "lexicon.h"
#include "status.h"
#include "wordbreak.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Largest compared-token count per side for the brute-force LCS. */
#define ORACLE_MAX 400

typedef struct side {
	const rl_tokens *toks;
	uint32_t *ids;  /* per token, RL_ID_NONE when not compared */
	size_t n;
} side;

static size_t lcs(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
	size_t *prev = calloc(m + 1, sizeof *prev), *cur = calloc(m + 1, sizeof *cur);
	FUZZ_CHECK(prev && cur, "out of memory in the oracle");
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++)
			cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1
			                               : (prev[j] > cur[j - 1] ? prev[j] : cur[j - 1]);
		size_t *t = prev;
		prev = cur;
		cur = t;
	}
	size_t r = prev[m];
	free(prev);
	free(cur);
	return r;
}

/* List markers are compared under keys of their own (diff/ctx_init.c): a bullet's "-" pairs with a
 * bullet, never with a hyphen. The oracle's ids of marker tokens are set apart the same way. */
#define MARKER_ID (UINT32_C(1) << 30)

static void marker_ids(const rl_tokens *toks, uint32_t *ids)
{
	const rl_token *v = rl_tokens_array(toks);
	const char *text = rl_tokens_text(toks);
	uint32_t n = (uint32_t)rl_tokens_count(toks);

	for (uint32_t t = 0; t < n; t++) {
		if (t > 0 && v[t].gap == RL_GAP_NONE)
			continue;  /* a marker follows whitespace (or starts the text) */
		bool unordered;
		uint32_t m = rl_list_marker(v, text, n, t, &unordered);
		for (uint32_t i = t; i < t + m; i++)
			if (ids[i] != RL_ID_NONE)
				ids[i] |= MARKER_ID;
		t += m ? m - 1 : 0;
	}
}

/* The compared ids of one side, in order; returns their count. */
static size_t compared(const side *s, uint32_t *out)
{
	size_t k = 0;
	for (size_t i = 0; i < s->n; i++)
		if (s->ids[i] != RL_ID_NONE)
			out[k++] = s->ids[i];
	return k;
}

static size_t compared_in(const side *s, uint32_t lo, uint32_t hi)
{
	size_t k = 0;
	for (uint32_t i = lo; i < hi; i++)
		k += s->ids[i] != RL_ID_NONE;
	return k;
}

/* The next compared token at or after *i below hi, or false. */
static bool next_compared(const side *s, uint32_t *i, uint32_t hi)
{
	while (*i < hi && s->ids[*i] == RL_ID_NONE)
		(*i)++;
	return *i < hi;
}

/* Is token t a hyphen joining two words of a compound ("open-source"): - U+2010 U+2011 after a
 * word, touching the second part (RL_TF_GLUED)? */
static bool joining_hyphen(const rl_tokens *toks, uint32_t t)
{
	const rl_token *v = rl_tokens_array(toks);
	const unsigned char *b = (const unsigned char *)rl_tokens_text(toks) + v[t].off;
	if (t == 0 || t + 1 >= rl_tokens_count(toks) || v[t - 1].cls != RL_TOK_WORD ||
	    v[t].cls != RL_TOK_PUNCT || v[t].gap != RL_GAP_NONE || !(v[t + 1].flags & RL_TF_GLUED))
		return false;
	return (v[t].len == 1 && b[0] == '-') ||
	       (v[t].len == 3 && b[0] == 0xE2 && b[1] == 0x80 && (b[2] == 0x90 || b[2] == 0x91));
}

/* The end of an op's compared range on each side: under typography folding (not minimal) an
 * equal op may end with a joining hyphen on one side only, a compound the other side writes
 * apart ("open-source" / "open source", diff/typo.h). */
static void equal_ends(const rl_diff_opts *o, const side sd[2], const rl_op *op, uint32_t hi[2])
{
	hi[0] = op->a1, hi[1] = op->b1;
	if (o->minimal || !o->key.fold_typography || op->kind != RL_OP_EQUAL || op->move)
		return;
	size_t na = compared_in(&sd[0], op->a0, op->a1), nb = compared_in(&sd[1], op->b0, op->b1);
	int s = na == nb + 1 ? 0 : nb == na + 1 ? 1 : -1;
	if (s >= 0 && hi[s] > (s ? op->b0 : op->a0) && sd[s].ids[hi[s] - 1] != RL_ID_NONE &&
	    joining_hyphen(sd[s].toks, hi[s] - 1))
		hi[s]--;
}

/* An equal (or moved) op: the same keys in the same order on both sides. */
static void check_equal_keys(const rl_diff_opts *o, const side sd[2], const rl_op *op, size_t k)
{
	char *ka = NULL, *kb = NULL;
	size_t ca = 0, cb = 0;
	uint32_t i = op->a0, j = op->b0, hi[2];
	equal_ends(o, sd, op, hi);
	const rl_token *va = rl_tokens_array(sd[0].toks), *vb = rl_tokens_array(sd[1].toks);
	const char *ta = rl_tokens_text(sd[0].toks), *tb = rl_tokens_text(sd[1].toks);

	for (;; i++, j++) {
		bool more_a = next_compared(&sd[0], &i, hi[0]), more_b = next_compared(&sd[1], &j, hi[1]);
		FUZZ_CHECK(more_a == more_b, "op %zu (equal): compared tokens left on one side only", k);
		if (!more_a)
			break;
		long la = rl_key(&o->key, ta + va[i].off, va[i].len, va[i].cls, &ka, &ca);
		long lb = rl_key(&o->key, tb + vb[j].off, vb[j].len, vb[j].cls, &kb, &cb);
		FUZZ_CHECK(la >= 0 && lb >= 0, "out of memory");
		FUZZ_CHECK(la == lb && memcmp(ka, kb, (size_t)la) == 0,
		           "op %zu (equal): token %u of OLD and %u of NEW have different keys", k, i, j);
	}
	free(ka);
	free(kb);
}

static void check_kind(const rl_diff_opts *o, const side sd[2], const rl_op *op, size_t k)
{
	uint32_t hi[2];
	equal_ends(o, sd, op, hi);
	size_t na = compared_in(&sd[0], op->a0, hi[0]), nb = compared_in(&sd[1], op->b0, hi[1]);
	switch (op->kind) {
	case RL_OP_EQUAL: case RL_OP_MOVE:
		FUZZ_CHECK(na == nb, "op %zu: equal with %zu and %zu compared tokens", k, na, nb);
		break;
	case RL_OP_DELETE:
		FUZZ_CHECK(op->b0 == op->b1 && op->a1 > op->a0, "op %zu: a delete must hold OLD only", k);
		break;
	case RL_OP_INSERT:
		FUZZ_CHECK(op->a0 == op->a1 && op->b1 > op->b0, "op %zu: an insert must hold NEW only", k);
		break;
	case RL_OP_REPLACE:
		FUZZ_CHECK(op->a1 > op->a0 && op->b1 > op->b0, "op %zu: a replace needs both sides", k);
		break;
	case RL_OP_TYPO:
		FUZZ_CHECK(op->a1 > op->a0 && op->b1 > op->b0 && !op->move && !o->minimal &&
		           o->key.fold_typography, "op %zu: a compound written otherwise needs both "
		           "sides, outside moves, under typography folding", k);
		break;
	default:
		FUZZ_CHECK(0, "op %zu: kind %d", k, op->kind);
	}
}

/* Every token in exactly one op per side; ops outside moves in step, stepping over the tokens of
 * moved passages (wherever in the list their ops stand). */
static void check_tiling(const rl_alignment *al, const side sd[2], const rl_diff_opts *o)
{
	size_t nops;
	const rl_op *ops = rl_alignment_ops(al, &nops);
	uint8_t *seen[2] = {calloc(sd[0].n + 1, 1), calloc(sd[1].n + 1, 1)};
	uint8_t *moved[2] = {calloc(sd[0].n + 1, 1), calloc(sd[1].n + 1, 1)};
	uint32_t at[2] = {0, 0};

	FUZZ_CHECK(seen[0] && seen[1] && moved[0] && moved[1], "out of memory");
	for (size_t k = 0; k < nops; k++) {
		const rl_op *op = &ops[k];
		if (!op->move)
			continue;
		FUZZ_CHECK(op->a1 <= sd[0].n && op->b1 <= sd[1].n, "op %zu: past the end", k);
		memset(moved[0] + op->a0, 1, op->a1 > op->a0 ? op->a1 - op->a0 : 0);
		memset(moved[1] + op->b0, 1, op->b1 > op->b0 ? op->b1 - op->b0 : 0);
	}
	for (size_t k = 0; k < nops; k++) {
		const rl_op *op = &ops[k];
		uint32_t lo[2] = {op->a0, op->b0}, hi[2] = {op->a1, op->b1};
		for (int s = 0; s < 2; s++) {
			FUZZ_CHECK(lo[s] <= hi[s] && hi[s] <= sd[s].n, "op %zu side %d: [%u, %u) of %zu", k,
			           s, lo[s], hi[s], sd[s].n);
			for (uint32_t t = lo[s]; t < hi[s]; t++) {
				FUZZ_CHECK(!seen[s][t], "token %u of side %d in two ops", t, s);
				seen[s][t] = 1;
			}
			if (!op->move) {
				while (at[s] < sd[s].n && moved[s][at[s]])
					at[s]++;
				FUZZ_CHECK(hi[s] == lo[s] || lo[s] == at[s],
				           "op %zu side %d starts at %u, the text is at %u", k, s, lo[s], at[s]);
				if (hi[s] > lo[s])
					at[s] = hi[s];
			}
			size_t bs, be;
			rl_op_bytes(al, op, s, &bs, &be);
			FUZZ_CHECK(bs <= be && be <= rl_tokens_text_len(sd[s].toks), "op %zu bytes", k);
		}
		check_kind(o, sd, op, k);
	}
	for (int s = 0; s < 2; s++)
		for (size_t t = 0; t < sd[s].n; t++)
			FUZZ_CHECK(seen[s][t], "token %zu of side %d in no op", t, s);
	free(seen[0]);
	free(seen[1]);
	free(moved[0]);
	free(moved[1]);
}

/* Returns the compared tokens kept in place (in equal ops) on OLD's side. */
static size_t check_stats(const rl_alignment *al, const side sd[2], const rl_diff_opts *o)
{
	const rl_stats *st = rl_alignment_stats(al);
	size_t nops, kept = 0, counts[RL_OP_KINDS] = {0};
	const rl_op *ops = rl_alignment_ops(al, &nops);
	bool same = true;

	for (size_t k = 0; k < nops; k++) {
		counts[ops[k].kind]++;
		uint32_t hi[2];
		equal_ends(o, sd, &ops[k], hi);
		if (ops[k].kind == RL_OP_EQUAL)
			kept += compared_in(&sd[0], ops[k].a0, hi[0]);  /* kept in place */
		same &= ops[k].kind == RL_OP_EQUAL || ops[k].kind == RL_OP_TYPO;
	}
	for (int kd = 0; kd < RL_OP_KINDS; kd++)
		FUZZ_CHECK(counts[kd] == st->ops[kd], "ops of kind %d: %zu, stats say %zu", kd,
		           counts[kd], st->ops[kd]);
	FUZZ_CHECK(same == rl_alignment_same(al), "rl_alignment_same");
	for (int s = 0; s < 2; s++)
		FUZZ_CHECK(st->words[s] == rl_tokens_words(sd[s].toks), "word count of side %d", s);
	FUZZ_CHECK(st->kept + st->deleted + st->replaced[0] == st->words[0],
	           "OLD words: kept %zu + deleted %zu + replaced %zu != %zu", st->kept, st->deleted,
	           st->replaced[0], st->words[0]);
	FUZZ_CHECK(st->inserted + st->replaced[1] <= st->words[1], "NEW words");
	if (o->minimal)
		FUZZ_CHECK(st->bound_hits == 0 && st->anchors == 0, "a minimal run took a shortcut");
	return kept;
}

static void check_alignment(const fuzz_input *in, const rl_diff_opts *o, side sd[2],
                            size_t lcs_len)
{
	rl_alignment *al;
	int rc = rl_diff(&al, in->text[0], in->len[0], in->text[1], in->len[1], o);
	FUZZ_CHECK(rc == RL_OK, "rl_diff returned %d", rc);
	for (int s = 0; s < 2; s++) {
		sd[s].toks = rl_alignment_tokens(al, s);
		FUZZ_CHECK(rl_tokens_count(sd[s].toks) == sd[s].n, "token count of side %d", s);
	}
	check_tiling(al, sd, o);
	size_t nops;
	const rl_op *ops = rl_alignment_ops(al, &nops);
	for (size_t k = 0; k < nops; k++)
		if (ops[k].kind == RL_OP_EQUAL || ops[k].kind == RL_OP_MOVE)
			check_equal_keys(o, sd, &ops[k], k);
	size_t kept = check_stats(al, sd, o);
	if (lcs_len != SIZE_MAX && o->minimal)
		FUZZ_CHECK(kept == lcs_len, "a minimal run keeps %zu tokens, a longest common "
		           "subsequence has %zu", kept, lcs_len);
	FUZZ_CHECK(lcs_len == SIZE_MAX || kept <= lcs_len, "keeps more than the LCS");
	rl_alignment_free(al);
}

/* The tokens of a text under a word breaker, against the same text without one: each token is
 * one plain token, or several solo graphemes that touch merged into one word. */
static void check_wordbreak(const char *text, size_t len, const rl_tokens *wb)
{
	rl_tokens *plain;
	FUZZ_CHECK(rl_tokenize(&plain, text, len) == RL_OK, "tokenize");
	const rl_token *v = rl_tokens_array(plain), *w = rl_tokens_array(wb);
	size_t n = rl_tokens_count(plain), m = rl_tokens_count(wb), p = 0;

	FUZZ_CHECK(m <= n, "%zu tokens with the breaker, %zu without", m, n);
	for (size_t k = 0; k < m; k++) {
		FUZZ_CHECK(p < n && v[p].off == w[k].off && v[p].gap == w[k].gap,
		           "token %zu (at %u) starts no plain token", k, w[k].off);
		uint32_t end = w[k].off + w[k].len;
		size_t width = rl_token_width(text, &v[p]);
		size_t q = p + 1;
		for (; q < n && v[q].off < end; q++) {
			FUZZ_CHECK((v[q].flags & RL_TF_SOLO) && (v[p].flags & RL_TF_SOLO) &&
			           v[q].gap == RL_GAP_NONE, "token %zu merges plain token %zu, which is no "
			           "touching grapheme of a script without spaces", k, q);
			width += rl_token_width(text, &v[q]);
		}
		FUZZ_CHECK(v[q - 1].off + v[q - 1].len == end, "token %zu ends inside a plain token", k);
		FUZZ_CHECK(rl_token_width(text, &w[k]) == width, "token %zu: width %zu, its graphemes %zu",
		           k, rl_token_width(text, &w[k]), width);
		p = q;
	}
	FUZZ_CHECK(p == n, "plain tokens past the last word");
	FUZZ_CHECK(rl_tokens_words(plain) - rl_tokens_words(wb) == n - m,
	           "words: %zu plain, %zu merged, %zu tokens merged away", rl_tokens_words(plain),
	           rl_tokens_words(wb), n - m);
	rl_tokens_free(plain);
}

/* The same alignment with and without the tokens NEW copies from OLD (skip.h): the same tokens,
 * word counts, ops and statistics. NEW is also compared with a copy of OLD with the input's
 * second text spliced in, so that most of its lines are shared. */
static void check_skip_pair(const char *a, size_t na, const char *b, size_t nb,
                            const rl_diff_opts *o)
{
	rl_diff_opts off = *o;
	off.no_skip = true;
	rl_alignment *x, *y;
	FUZZ_CHECK(rl_diff(&x, a, na, b, nb, o) == RL_OK, "rl_diff");
	FUZZ_CHECK(rl_diff(&y, a, na, b, nb, &off) == RL_OK, "rl_diff without skipping");
	for (int s = 0; s < 2; s++) {
		const rl_tokens *tx = rl_alignment_tokens(x, s), *ty = rl_alignment_tokens(y, s);
		size_t n = rl_tokens_count(tx);
		FUZZ_CHECK(n == rl_tokens_count(ty), "side %d: %zu tokens with the copies, %zu without",
		           s, n, rl_tokens_count(ty));
		FUZZ_CHECK(rl_tokens_words(tx) == rl_tokens_words(ty), "side %d: word counts differ", s);
		const rl_token *vx = rl_tokens_array(tx), *vy = rl_tokens_array(ty);
		for (size_t t = 0; t < n; t++)
			FUZZ_CHECK(vx[t].off == vy[t].off && vx[t].len == vy[t].len &&
			           vx[t].width == vy[t].width && vx[t].cls == vy[t].cls &&
			           vx[t].gap == vy[t].gap && vx[t].flags == vy[t].flags,
			           "side %d token %zu differs when copied", s, t);
	}
	size_t nx, ny;
	const rl_op *ox = rl_alignment_ops(x, &nx), *oy = rl_alignment_ops(y, &ny);
	FUZZ_CHECK(nx == ny, "%zu ops with the copies, %zu without", nx, ny);
	for (size_t k = 0; k < nx; k++)
		FUZZ_CHECK(ox[k].a0 == oy[k].a0 && ox[k].a1 == oy[k].a1 && ox[k].b0 == oy[k].b0 &&
		           ox[k].b1 == oy[k].b1 && ox[k].kind == oy[k].kind &&
		           ox[k].move == oy[k].move && ox[k].quote == oy[k].quote,
		           "op %zu differs with the copies", k);
	FUZZ_CHECK(memcmp(rl_alignment_stats(x), rl_alignment_stats(y), sizeof(rl_stats)) == 0,
	           "statistics differ with the copies");
	rl_alignment_free(x);
	rl_alignment_free(y);
}

static void check_skip_exact(const fuzz_input *in, const rl_diff_opts *o)
{
	check_skip_pair(in->text[0], in->len[0], in->text[1], in->len[1], o);
	/* OLD with NEW put in at a line start of it (param picks which): many lines shared. */
	size_t at = 0, lines = 0, want = in->param % 8;
	while (at < in->len[0] && lines < want) {
		const char *nl = memchr(in->text[0] + at, '\n', in->len[0] - at);
		if (!nl)
			break;
		at = (size_t)(nl - in->text[0]) + 1, lines++;
	}
	size_t n = in->len[0] + in->len[1];
	char *b = malloc(n ? n : 1);
	FUZZ_CHECK(b, "out of memory");
	memcpy(b, in->text[0], at);
	memcpy(b + at, in->text[1], in->len[1]);
	memcpy(b + at + in->len[1], in->text[0] + at, in->len[0] - at);
	check_skip_pair(in->text[0], in->len[0], b, n, o);
	check_skip_pair(b, n, in->text[0], in->len[0], o);
	free(b);
}

/* The oracle's tokens and ids of both texts, and their LCS (SIZE_MAX: too long to find). */
typedef struct oracle {
	side sd[2];
	rl_tokens *toks[2];
	size_t lcs_len;
} oracle;

static void oracle_new(oracle *o, const fuzz_input *in, const rl_wordbreak *wb, bool by_line,
                       rl_interner *intern)
{
	rl_wb_lines lines;
	rl_wordbreak w[2] = {*wb, *wb};
	by_line &= wb->fn != NULL;
	if (by_line) {
		rl_wb_lines_init(&lines, wb, in->text[0], in->len[0], in->text[1], in->len[1]);
		w[0] = rl_wb_lines_side(&lines, 0);
		w[1] = rl_wb_lines_side(&lines, 1);
	}
	for (int s = 0; s < 2; s++) {
		FUZZ_CHECK(rl_tokenize_wb(&o->toks[s], in->text[s], in->len[s], &w[s]) == RL_OK,
		           "tokenize");
		if (wb->fn)
			check_wordbreak(in->text[s], in->len[s], o->toks[s]);
		o->sd[s] = (side){NULL, NULL, rl_tokens_count(o->toks[s])};
		FUZZ_CHECK(rl_intern(intern, o->toks[s], &o->sd[s].ids) == RL_OK, "intern");
		marker_ids(o->toks[s], o->sd[s].ids);
	}
	if (by_line)
		rl_wb_lines_free(&lines);
	o->lcs_len = SIZE_MAX;
	uint32_t *ca = malloc((o->sd[0].n + 1) * sizeof *ca), *cb = malloc((o->sd[1].n + 1) * sizeof *cb);
	FUZZ_CHECK(ca && cb, "out of memory");
	size_t na = compared(&o->sd[0], ca), nb = compared(&o->sd[1], cb);
	if (na <= ORACLE_MAX && nb <= ORACLE_MAX)
		o->lcs_len = lcs(ca, na, cb, nb);
	free(ca);
	free(cb);
}

static void oracle_free(oracle *o)
{
	for (int s = 0; s < 2; s++) {
		free(o->sd[s].ids);
		rl_tokens_free(o->toks[s]);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input in;
	if (fuzz_input_split(&in, data, size) != 0)
		return 0;
	rl_diff_opts base = fuzz_diff_opts(&in);

	/* The ids the engine will compare, from an interner of our own, for the oracle: with a
	 * word breaker, the tokens of the comparison's own breaker, which leaves the runs both texts
	 * share as phrases (wordbreak.h), and of the breaker itself for a minimal run, which breaks
	 * them all. */
	oracle or[2];
	rl_interner *intern;
	FUZZ_CHECK(rl_interner_new(&intern, &base.key) == RL_OK, "interner");
	for (int v = 0; v < 2; v++)
		oracle_new(&or[v], &in, &base.wordbreak, v == 1, intern);

	rl_diff_opts modes[4] = {base, base, base, base};
	modes[1].minimal = true;
	modes[2].minimal = false, modes[2].myers.anchors = false;
	modes[3].minimal = false, modes[3].myers.max_cost = 1 + in.param % 8;
	modes[3].myers.max_work = in.param & 0x80 ? in.param & 0x3F : 0;
	for (int m = 0; m < 4; m++) {
		oracle *o = &or[modes[m].wordbreak.fn && !modes[m].minimal];
		check_alignment(&in, &modes[m], o->sd, o->lcs_len);
	}
	check_skip_exact(&in, &modes[0]);
	check_skip_exact(&in, &modes[2]);

	for (int v = 0; v < 2; v++)
		oracle_free(&or[v]);
	rl_interner_free(intern);
	fuzz_input_free(&in);
	return 0;
}
