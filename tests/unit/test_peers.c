/* The peer projects' test vectors (../shared/peers/vectors, see its README), run on our engine.
 *
 * For every vector that states a minimal edit distance: the exact engine (--minimal) must return a
 * valid script (the kept tokens are equal, in order, so applying the script rebuilds both sides)
 * whose distance is that minimum, and the default mode must return a valid script no shorter.
 * Where a vector states no distance, a brute-force LCS is the oracle. Scripts are never compared
 * literally: several scripts are minimal, and the vectors pin other tools' tie-breaks.
 * Without ../shared the tests skip. */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "json.h"
#include "myers.h"
#include "status.h"
#include "text.h"

/* ---- reading a vector file */

static json *load_vectors(const char *name, const json **vectors)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/peers/vectors/%s", SHARED_DIR, name);
	FILE *fp = fopen(path, "rb");
	if (!fp)
		cr_skip_test("no peer vectors at %s", path);
	char *text = NULL;
	size_t len = 0, cap = 0, got;
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 1 << 16;
			text = realloc(text, cap);
			cr_assert_not_null(text);
		}
		got = fread(text + len, 1, cap - len, fp);
		len += got;
	} while (got > 0);
	fclose(fp);
	char err[256];
	json *doc = json_parse(text, len, err, sizeof err);
	cr_assert_not_null(doc, "%s: %s", name, err);
	free(text);
	*vectors = json_get(doc, "vectors");
	cr_assert_not_null(*vectors, "%s: no \"vectors\" list", name);
	cr_assert_eq((*vectors)->type, JSON_ARRAY);
	const json *count = json_get(doc, "count");
	if (count)
		cr_assert_eq((size_t)count->i, (*vectors)->nkids, "%s: count disagrees with the list",
		             name);
	return doc;
}

static const char *vector_id(const json *v, size_t k)
{
	static char buf[64];
	const char *id = json_str(json_get(v, "id"));
	if (id)
		return id;
	snprintf(buf, sizeof buf, "vector %zu", k);
	return buf;
}

/* ---- token sequences: strings mapped to dense ids, the same string the same id */

typedef struct dict {
	char **keys;
	size_t *lens;
	size_t n, cap;
} dict;

static uint32_t dict_id(dict *d, const char *s, size_t len)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->lens[i] == len && memcmp(d->keys[i], s, len) == 0)
			return (uint32_t)i;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->keys = realloc(d->keys, d->cap * sizeof *d->keys);
		d->lens = realloc(d->lens, d->cap * sizeof *d->lens);
		cr_assert(d->keys && d->lens);
	}
	d->keys[d->n] = malloc(len + 1);
	cr_assert_not_null(d->keys[d->n]);
	memcpy(d->keys[d->n], s, len);
	d->lens[d->n] = len;
	return (uint32_t)d->n++;
}

static void dict_free(dict *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->keys[i]);
	free(d->keys);
	free(d->lens);
	*d = (dict){0};
}

typedef struct seq {
	uint32_t *v;
	size_t n, cap;
} seq;

static void seq_push(seq *s, uint32_t id)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = realloc(s->v, s->cap * sizeof *s->v);
		cr_assert_not_null(s->v);
	}
	s->v[s->n++] = id;
}

/* A JSON array of strings as tokens. */
static seq tokens_of_list(dict *d, const json *list)
{
	seq s = {0};
	cr_assert(list && list->type == JSON_ARRAY);
	for (size_t i = 0; i < list->nkids; i++) {
		cr_assert_eq(list->kids[i].type, JSON_STRING);
		seq_push(&s, dict_id(d, list->kids[i].str, list->kids[i].len));
	}
	return s;
}

/* One token per code point (diff-match-patch's unit, "1 character = 1 token"). */
static seq tokens_of_chars(dict *d, const json *str)
{
	seq s = {0};
	cr_assert(str && str->type == JSON_STRING);
	for (size_t pos = 0; pos < str->len;) {
		int32_t cp;
		size_t len = rl_utf8_decode(str->str + pos, str->len - pos, &cp);
		cr_assert_geq(cp, 0, "the JSON reader only yields valid UTF-8");
		seq_push(&s, dict_id(d, str->str + pos, len));
		pos += len;
	}
	return s;
}

/* Runs of non-whitespace (git's default word regex, wdiff's words). */
static seq tokens_of_ws(dict *d, const json *str)
{
	seq s = {0};
	cr_assert(str && str->type == JSON_STRING);
	const char *t = str->str;
	for (size_t pos = 0; pos < str->len;) {
		while (pos < str->len && strchr(" \t\n\r\f\v", t[pos]) && t[pos])
			pos++;
		size_t start = pos;
		while (pos < str->len && !(strchr(" \t\n\r\f\v", t[pos]) && t[pos]))
			pos++;
		if (pos > start)
			seq_push(&s, dict_id(d, t + start, pos - start));
	}
	return s;
}

/* ---- the engine and the oracle */

/* Length of a longest common subsequence: the O(nm) dynamic programme, two rows. */
static size_t lcs(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
	size_t *prev = calloc(m + 1, sizeof *prev), *cur = calloc(m + 1, sizeof *cur);
	cr_assert(prev && cur);
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++)
			cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1
			       : prev[j] > cur[j - 1] ? prev[j] : cur[j - 1];
		size_t *t = prev;
		prev = cur;
		cur = t;
	}
	size_t r = prev[m];
	free(prev);
	free(cur);
	return r;
}

static size_t oracle_distance(const seq *a, const seq *b)
{
	return a->n + b->n - 2 * lcs(a->v, a->n, b->v, b->n);
}

/* Diff a against b with rl_myers; check the script is valid (the kept elements of a and b are
 * equal, in order: deleting and inserting the marked ones turns a into b) and return its edit
 * distance (deleted + inserted). */
static size_t diff_checked(const seq *a, const seq *b, size_t nids, bool minimal, const char *what)
{
	rl_myers_opts o = RL_MYERS_OPTS_INIT;
	o.minimal = minimal;
	uint8_t *ca = malloc(a->n + 1), *cb = malloc(b->n + 1);
	cr_assert(ca && cb);
	cr_assert_eq(rl_myers(a->v, a->n, b->v, b->n, nids, &o, ca, cb, NULL), RL_OK, "%s", what);
	size_t i = 0, j = 0, d = 0;
	for (;;) {
		while (i < a->n && ca[i])
			i++, d++;
		while (j < b->n && cb[j])
			j++, d++;
		if (i == a->n || j == b->n)
			break;
		cr_assert_eq(a->v[i], b->v[j], "%s: kept tokens differ at %zu/%zu", what, i, j);
		i++, j++;
	}
	cr_assert(i == a->n && j == b->n, "%s: kept tokens left over on one side", what);
	free(ca);
	free(cb);
	return d;
}

/* The check of the README: minimal mode valid and exactly `want`; default mode valid and no
 * shorter than `want`. */
static void check_pair(const seq *a, const seq *b, size_t nids, size_t want, const char *what)
{
	cr_assert_eq(diff_checked(a, b, nids, true, what), want, "%s: --minimal distance", what);
	cr_assert_geq(diff_checked(a, b, nids, false, what), want, "%s: default mode", what);
}

/* The whole pipeline on two texts, --minimal: the alignment's changed tokens must be as few as
 * the oracle allows on redline's own tokens, and its equal ops must pair equal keys. */
static void check_pipeline(const json *old, const json *new, const char *what)
{
	cr_assert(old && old->type == JSON_STRING && new && new->type == JSON_STRING, "%s", what);
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.minimal = true;
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, old->str, old->len, new->str, new->len, &o), RL_OK, "%s", what);

	rl_interner *in;
	cr_assert_eq(rl_interner_new(&in, &o.key), RL_OK);
	uint32_t *ids[2];
	for (int side = 0; side < 2; side++)
		cr_assert_eq(rl_intern(in, rl_alignment_tokens(al, side), &ids[side]), RL_OK);
	seq a = {ids[0], rl_tokens_count(rl_alignment_tokens(al, RL_OLD)), 0};
	seq b = {ids[1], rl_tokens_count(rl_alignment_tokens(al, RL_NEW)), 0};

	size_t nops, changed = 0;
	const rl_op *ops = rl_alignment_ops(al, &nops);
	for (size_t k = 0; k < nops; k++) {
		const rl_op *op = &ops[k];
		if (op->kind != RL_OP_EQUAL) {
			changed += (op->a1 - op->a0) + (op->b1 - op->b0);
			continue;
		}
		cr_assert_eq(op->a1 - op->a0, op->b1 - op->b0, "%s: equal op %zu", what, k);
		for (uint32_t t = 0; t < op->a1 - op->a0; t++)
			cr_assert_eq(a.v[op->a0 + t], b.v[op->b0 + t], "%s: equal op %zu", what, k);
	}
	cr_assert_eq(changed, oracle_distance(&a, &b), "%s: the pipeline's distance", what);
	free(ids[0]);
	free(ids[1]);
	rl_interner_free(in);
	rl_alignment_free(al);
}

static size_t distance_field(const json *v, const char *key, const char *what)
{
	const json *f = json_get(v, key);
	cr_assert(f && f->type == JSON_NUMBER && f->is_int && f->i >= 0, "%s: %s", what, key);
	return (size_t)f->i;
}

/* ---- the files */

Test(peers, jsdiff_word_vectors)
{
	const json *vs;
	json *doc = load_vectors("jsdiff_word_vectors.json", &vs);
	size_t ran = 0, pipeline = 0;
	for (size_t k = 0; k < vs->nkids; k++) {
		const json *v = &vs->kids[k];
		const char *what = vector_id(v, k);
		if (json_get(v, "old") && json_get(v, "new")) {
			check_pipeline(json_get(v, "old"), json_get(v, "new"), what);
			pipeline++;
		}
		if (!json_get(v, "min_edit_distance"))
			continue;  /* tokenizer vectors and sentence diffs state no distance */
		dict d = {0};
		seq a = tokens_of_list(&d, json_get(v, "tokens_old"));
		seq b = tokens_of_list(&d, json_get(v, "tokens_new"));
		size_t want = distance_field(v, "min_edit_distance", what);
		cr_assert_eq(oracle_distance(&a, &b), want, "%s: the vector disagrees with the oracle",
		             what);
		check_pair(&a, &b, d.n, want, what);
		free(a.v);
		free(b.v);
		dict_free(&d);
		ran++;
	}
	cr_log_info("jsdiff: %zu of %zu vectors with a distance; %zu through the pipeline", ran,
	            vs->nkids, pipeline);
	cr_assert_gt(ran, 0);
	json_free(doc);
}

Test(peers, dmp_diff_vectors)
{
	const json *vs;
	json *doc = load_vectors("dmp_diff_vectors.json", &vs);
	size_t ran = 0;
	for (size_t k = 0; k < vs->nkids; k++) {
		const json *v = &vs->kids[k];
		const char *what = vector_id(v, k);
		const char *fn = json_str(json_get(v, "function"));
		/* diff_main and diff_bisect carry the distance; the rest test dmp's own helpers
		 * (common prefix, half match, cleanups, deltas), which have no counterpart here. */
		if (!fn || (strcmp(fn, "diff_main") != 0 && strcmp(fn, "diff_bisect") != 0))
			continue;
		const json *in = json_get(v, "input");
		cr_assert(in && in->type == JSON_ARRAY && in->nkids >= 2, "%s: input", what);
		dict d = {0};
		seq a = tokens_of_chars(&d, json_at(in, 0));
		seq b = tokens_of_chars(&d, json_at(in, 1));
		size_t want = distance_field(v, "min_edit_distance_chars", what);
		cr_assert_eq(oracle_distance(&a, &b), want, "%s: the vector disagrees with the oracle",
		             what);
		check_pair(&a, &b, d.n, want, what);
		free(a.v);
		free(b.v);
		dict_free(&d);
		ran++;
	}
	cr_log_info("dmp: %zu of %zu vectors (diff_main, diff_bisect)", ran, vs->nkids);
	cr_assert_gt(ran, 0);
	json_free(doc);
}

/* Does hay[0..n) contain needle[0..k)? */
static bool contains(const char *hay, size_t n, const char *needle, size_t k)
{
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(hay + i, needle, k) == 0)
			return true;
	return false;
}

/* dwdiff's smoke test pins words it must report as changed, as "[-old-] {+new+}" substrings. Our
 * alignment must change exactly those places: every changed op lies inside one of the pinned
 * changes (we may split finer, e.g. one ideograph), and every pinned change is touched. */
static void check_pinned_changes(const json *v, const char *what)
{
	const char *old = json_str(json_get(v, "old")), *new = json_str(json_get(v, "new"));
	const json *subs = json_get(v, "expected_substrings");
	cr_assert(old && new && subs && subs->type == JSON_ARRAY, "%s", what);
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.minimal = true;
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, old, strlen(old), new, strlen(new), &o), RL_OK);
	size_t nops;
	const rl_op *ops = rl_alignment_ops(al, &nops);
	bool *touched = calloc(subs->nkids, sizeof *touched);
	for (size_t k = 0; k < nops; k++) {
		if (ops[k].kind == RL_OP_EQUAL)
			continue;
		size_t s[2], e[2];
		rl_op_bytes(al, &ops[k], RL_OLD, &s[0], &e[0]);
		rl_op_bytes(al, &ops[k], RL_NEW, &s[1], &e[1]);
		bool inside = false;
		for (size_t p = 0; p < subs->nkids && !inside; p++) {
			/* "[-x-] {+y+}" or "[-x-]{+y+}" */
			const char *sub = json_str(&subs->kids[p]);
			const char *x = strstr(sub, "[-"), *xe = strstr(sub, "-]");
			const char *y = strstr(sub, "{+"), *ye = strstr(sub, "+}");
			cr_assert(x && xe && y && ye, "%s: cannot read %s", what, sub);
			x += 2, y += 2;
			/* the changed bytes of each side must occur inside the pinned words */
			bool in_a = contains(x, (size_t)(xe - x), old + s[0], e[0] - s[0]);
			bool in_b = contains(y, (size_t)(ye - y), new + s[1], e[1] - s[1]);
			if (in_a && in_b)
				inside = touched[p] = true;
		}
		cr_assert(inside, "%s: op %zu changes %.*s -> %.*s, not a pinned change", what, k,
		          (int)(e[0] - s[0]), old + s[0], (int)(e[1] - s[1]), new + s[1]);
	}
	for (size_t p = 0; p < subs->nkids; p++)
		cr_assert(touched[p], "%s: %s is not reported", what, json_str(&subs->kids[p]));
	free(touched);
	rl_alignment_free(al);
}

Test(peers, wordiff_tools_vectors)
{
	const json *vs;
	json *doc = load_vectors("wordiff_tools_vectors.json", &vs);
	size_t git = 0, wdiff = 0, dwdiff = 0, paper = 0;
	for (size_t k = 0; k < vs->nkids; k++) {
		const json *v = &vs->kids[k];
		char what[96];
		const char *suite = json_str(json_get(v, "suite"));
		cr_assert_not_null(suite);
		snprintf(what, sizeof what, "%.60s #%zu", suite, k);
		dict d = {0};
		seq a, b;
		const json *old = json_get(v, "old"), *new = json_get(v, "new");
		if (old && old->type == JSON_ARRAY) {
			/* The Myers paper: the sequences themselves, D = 5. */
			a = tokens_of_list(&d, old);
			b = tokens_of_list(&d, new);
			check_pair(&a, &b, d.n, distance_field(v, "min_edit_distance", what), what);
			cr_assert_eq(a.n + b.n - 2 * distance_field(v, "lcs_length", what),
			             distance_field(v, "min_edit_distance", what));
			paper++;
		} else {
			/* git, wdiff, dwdiff: words are runs of non-whitespace. The oracle gives the
			 * minimum; where the vector states it (git t4034, wdiff's -s statistics), the
			 * two must agree. */
			a = tokens_of_ws(&d, old);
			b = tokens_of_ws(&d, new);
			size_t want = oracle_distance(&a, &b);
			if (json_get(v, "ws_tokens_min_edit_distance"))
				cr_assert_eq(want, distance_field(v, "ws_tokens_min_edit_distance", what),
				             "%s: the vector disagrees with the oracle", what);
			const json *counts = json_get(v, "ws_tokens");
			if (counts) {
				cr_assert_eq(a.n, (size_t)json_at(counts, 0)->i, "%s: words of OLD", what);
				cr_assert_eq(b.n, (size_t)json_at(counts, 1)->i, "%s: words of NEW", what);
			}
			check_pair(&a, &b, d.n, want, what);
			check_pipeline(old, new, what);
			if (strstr(suite, "git"))
				git++;
			else if (strstr(suite, "wdiff") && !strstr(suite, "dwdiff"))
				wdiff++;
			else
				dwdiff++;
			if (json_get(v, "expected_substrings"))
				check_pinned_changes(v, what);
		}
		free(a.v);
		free(b.v);
		dict_free(&d);
	}
	cr_log_info("wordiff tools: git t4034 %zu, wdiff %zu, dwdiff %zu, Myers paper %zu (of %zu)",
	            git, wdiff, dwdiff, paper, vs->nkids);
	cr_assert_eq(git + wdiff + dwdiff + paper, vs->nkids);
	json_free(doc);
}

Test(peers, random_min_distance_vectors)
{
	const json *vs;
	json *doc = load_vectors("random_min_distance_vectors.json", &vs);
	size_t ran = 0;
	for (size_t k = 0; k < vs->nkids; k++) {
		const json *v = &vs->kids[k];
		const char *what = vector_id(v, k);
		dict d = {0};
		seq a = tokens_of_list(&d, json_get(v, "a"));
		seq b = tokens_of_list(&d, json_get(v, "b"));
		check_pair(&a, &b, d.n, distance_field(v, "min_edit_distance", what), what);
		free(a.v);
		free(b.v);
		dict_free(&d);
		ran++;
	}
	cr_log_info("random: %zu of %zu vectors", ran, vs->nkids);
	cr_assert_eq(ran, vs->nkids);
	json_free(doc);
}
