/* model.c: the pairs, the comparison on view, and the facts derived from it. */
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quote_changes.h"
#include "status.h"
#include "theme.h"

/* Per-pair verdicts, known once a pair has been compared. */
enum { VERDICT_UNKNOWN, VERDICT_SAME, VERDICT_DIFFER };

/* No pair open (a file list before Enter). */
#define NO_PAIR SIZE_MAX

/* What is known about one pair under the current options. */
typedef struct pair_state {
	uint8_t verdict;     /* VERDICT_* */
	bool measured;       /* summary holds its counts */
	bool unmeasurable;   /* marked, unreadable or too big: only opening it tells */
	rl_summary summary;
} pair_state;

/* The source of a model made from pairs already in memory. */
typedef struct pair_array {
	const rl_pair *pairs;
	size_t n;
} pair_array;

struct rl_model {
	rl_pairsrc src;
	pair_array array;          /* src.ctx for rl_model_new */
	size_t cur;                /* the pair on view, or NO_PAIR */
	rl_pair pair;              /* its documents, as loaded */
	pair_state *state;         /* per pair */
	rl_diff_opts opts;
	rl_layout_opts lopts;
	rl_alignment *al;
	rl_layout *lay;
	uint8_t *roles;            /* per block: role bits of its changes */
	uint32_t *furniture[2];    /* per block and side: page furniture lines before it (NULL) */
	size_t furniture_total[2];
	rl_summary summary;
	uint32_t *changes;         /* change blocks under changes_mask */
	size_t nchanges;
	unsigned changes_mask;
	bool changes_valid;
	char error[512];           /* why the last open failed */
};

/* The role bits of one piece's changes: each side it covers, coloured as its runs will be. */
static unsigned piece_roles(const rl_op *op, const rl_piece *p)
{
	if (rl_op_unchanged(op))
		return 0;
	rl_run run = {.kind = op->kind, .quote = op->quote, .moved = op->move != 0};
	unsigned bits = 0;
	if (p->a1 > p->a0 || p->b1 > p->b0)
		bits |= 1u << rl_role_of_run(&run);
	return bits;
}

static int compute_roles(const rl_layout *lay, uint8_t **out)
{
	size_t nb = rl_layout_blocks(lay), nops;
	const rl_op *ops = rl_alignment_ops(rl_layout_alignment(lay), &nops);
	uint8_t *roles = malloc(nb + 1);
	if (!roles)
		return RL_ENOMEM;
	for (size_t b = 0; b < nb; b++) {
		const rl_block *blk = rl_layout_block(lay, b);
		unsigned bits = 0;
		for (uint32_t p = blk->piece0; p < blk->piece1; p++) {
			const rl_piece *pc = rl_layout_piece(lay, p);
			bits |= piece_roles(&ops[pc->op], pc);
		}
		roles[b] = (uint8_t)bits;
	}
	*out = roles;
	return RL_OK;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* Moved passages: distinct move ids (the ops of one group need not be adjacent). */
static int count_moves(const rl_op *ops, size_t nops, size_t *out)
{
	size_t m = 0;
	for (size_t k = 0; k < nops; k++)
		m += ops[k].move != 0;
	*out = 0;
	if (m == 0)
		return RL_OK;
	uint32_t *ids = malloc(m * sizeof *ids);
	if (!ids)
		return RL_ENOMEM;
	m = 0;
	for (size_t k = 0; k < nops; k++)
		if (ops[k].move)
			ids[m++] = ops[k].move;
	qsort(ids, m, sizeof *ids, cmp_u32);
	for (size_t k = 0; k < m; k++)
		*out += k == 0 || ids[k] != ids[k - 1];
	free(ids);
	return RL_OK;
}

/* Compare a pair's documents, with their formatting. */
static int diff_pair(rl_alignment **al, const rl_pair *p, const rl_diff_opts *opts)
{
	rl_styles styles[2] = {p->doc[0].styles, p->doc[1].styles};
	return rl_diff_styled(al, p->doc[0].data, p->doc[0].len, p->doc[1].data, p->doc[1].len, opts,
	                      styles);
}

static int summarize(const rl_alignment *al, rl_summary *s)
{
	const rl_stats *st = rl_alignment_stats(al);
	size_t nops;
	const rl_op *ops = rl_alignment_ops(al, &nops);

	memset(s, 0, sizeof *s);
	s->rewrites = st->ops[RL_OP_REPLACE];
	s->deletions = st->ops[RL_OP_DELETE];
	s->insertions = st->ops[RL_OP_INSERT];
	s->formats = st->ops[RL_OP_FORMAT];
	/* quotations changed, as --changes lists them (not the ops flagged inside them) */
	size_t per_kind[RL_QUOTE_KINDS];
	s->quotes = rl_quote_changes_count(al, per_kind);
	s->words[0] = st->words[0];
	s->words[1] = st->words[1];
	s->same = rl_alignment_same(al);
	s->bound_hits = st->bound_hits;
	size_t words = st->words[0] + st->words[1];
	size_t kept = st->kept + st->kept_new;
	s->similarity = words ? (unsigned)((1000.0 * (double)kept) / (double)words + 0.5) : 1000;
	if (kept < words && s->similarity > 999)
		s->similarity = 999;  /* 1000 only when every word was kept */
	return count_moves(ops, nops, &s->moves);
}

/* What is known about pair i now that it has been compared. */
static void learn(rl_model *m, size_t i, const rl_summary *s)
{
	m->state[i].summary = *s;
	m->state[i].measured = true;
	m->state[i].verdict = s->same ? VERDICT_SAME : VERDICT_DIFFER;
}

/* Where a side's page furniture stands among the blocks: the block holding the first token at
 * or after each dropped passage (nblocks: after the last token). */
static int place_furniture(rl_model *m, const rl_pair *p, int side)
{
	const rl_doc *d = &p->doc[side];
	size_t nb = rl_layout_blocks(m->lay);
	free(m->furniture[side]);
	m->furniture[side] = NULL;
	m->furniture_total[side] = 0;
	if (!d->furniture || d->nfurniture == 0)
		return RL_OK;
	uint32_t *f = calloc(nb + 1, sizeof *f);
	if (!f)
		return RL_ENOMEM;
	const rl_tokens *toks = rl_alignment_tokens(m->al, side);
	size_t ntok = rl_tokens_count(toks);
	for (size_t k = 0; k < d->nfurniture; k++) {
		size_t lines = d->furniture[2 * k + 1];
		uint32_t t = rl_model_token_at(m, side, d->furniture[2 * k]);
		size_t b = t >= ntok || nb == 0 ? nb : rl_model_block_of(m, side, t);
		f[b] = lines > UINT32_MAX - f[b] ? UINT32_MAX : f[b] + (uint32_t)lines;
		m->furniture_total[side] += lines;
	}
	m->furniture[side] = f;
	return RL_OK;
}

const uint32_t *rl_model_furniture(const rl_model *m, int side, size_t *total)
{
	if (total)
		*total = m->furniture_total[side];
	return m->furniture[side];
}

/* Compare the loaded pair p (pair i) under opts into fresh alignment, layout and roles; install
 * them on success (the caller releases what was open before). */
static int compare(rl_model *m, size_t i, const rl_pair *p, const rl_diff_opts *opts)
{
	rl_alignment *al = NULL;
	rl_layout *lay = NULL;
	uint8_t *roles = NULL;
	rl_summary summary;
	int rc = diff_pair(&al, p, opts);
	if (rc == RL_OK)
		rc = rl_layout_new(&lay, al, &m->lopts);
	if (rc == RL_OK)
		rc = compute_roles(lay, &roles);
	if (rc == RL_OK)
		rc = summarize(al, &summary);
	if (rc != RL_OK) {
		free(roles);
		rl_layout_free(lay);
		rl_alignment_free(al);
		return rc;
	}
	free(m->roles);
	rl_layout_free(m->lay);
	rl_alignment_free(m->al);
	m->al = al;
	m->lay = lay;
	m->roles = roles;
	m->cur = i;
	m->pair = *p;
	m->opts = *opts;
	m->changes_valid = false;
	m->summary = summary;
	learn(m, i, &summary);
	for (int side = 0; side < 2; side++)
		if ((rc = place_furniture(m, p, side)) != RL_OK)
			return rc;
	return RL_OK;
}

/* ------------------------------------------------------------------ pairs in memory */

static void array_describe(void *ctx, size_t i, bool probe, rl_entry *out)
{
	const pair_array *a = ctx;
	(void)probe;
	memset(out, 0, sizeof *out);
	if (i < a->n)
		out->path = a->pairs[i].doc[1].name;
}

static int array_load(void *ctx, size_t i, rl_pair *out, char *err, size_t errlen)
{
	const pair_array *a = ctx;
	(void)err, (void)errlen;
	*out = a->pairs[i];
	return 0;
}

static void array_release(void *ctx, size_t i)
{
	(void)ctx, (void)i;
}

/* ------------------------------------------------------------------ life */

static const char *mark_reason(rl_mark mark)
{
	switch (mark) {
	case RL_MARK_BINARY: return "a binary file: not compared";
	case RL_MARK_SUBMODULE: return "a submodule: not compared";
	case RL_MARK_UNMERGED: return "unmerged (a conflict in the index): not compared";
	default: return "cannot be read";
	}
}

/* Pair i loaded into *p, or RL_MODEL_CLOSED with the reason in m->error. */
static int load(rl_model *m, size_t i, rl_pair *p)
{
	rl_entry e;
	m->src.describe(m->src.ctx, i, true, &e);
	if (e.mark != RL_MARK_NONE && e.mark != RL_MARK_UNREADABLE) {
		snprintf(m->error, sizeof m->error, "%s: %s", e.path ? e.path : "this pair",
		         mark_reason(e.mark));
		return RL_MODEL_CLOSED;
	}
	if (m->src.load(m->src.ctx, i, p, m->error, sizeof m->error) != 0)
		return RL_MODEL_CLOSED;
	return RL_OK;
}

static int create(rl_model **out, const rl_pairsrc *src, const pair_array *array,
                  const rl_diff_opts *opts, bool markers)
{
	if (src->count == 0 || (!src->file_list && src->start >= src->count))
		return RL_EINVAL;
	rl_model *m = calloc(1, sizeof *m);
	if (!m)
		return RL_ENOMEM;
	m->src = *src;
	if (array) {
		m->array = *array;
		m->src.ctx = &m->array;
	}
	m->cur = NO_PAIR;
	m->opts = *opts;
	m->lopts.markers = markers;
	m->state = calloc(src->count, sizeof *m->state);
	int rc = m->state ? RL_OK : RL_ENOMEM;
	if (rc == RL_OK && !src->file_list)
		rc = rl_model_open(m, src->start, NULL);
	if (rc != RL_OK) {
		rl_model_free(m);
		return rc;
	}
	*out = m;
	return RL_OK;
}

int rl_model_new_src(rl_model **out, const rl_pairsrc *src, const rl_diff_opts *opts,
                     bool markers)
{
	return create(out, src, NULL, opts, markers);
}

int rl_model_new(rl_model **out, const rl_pair *pairs, size_t npairs, size_t first,
                 const rl_diff_opts *opts, bool markers)
{
	rl_pairsrc src = {.count = npairs, .start = first, .describe = array_describe,
	                  .load = array_load, .release = array_release};
	pair_array array = {pairs, npairs};
	return create(out, &src, &array, opts, markers);
}

void rl_model_free(rl_model *m)
{
	if (!m)
		return;
	if (m->cur != NO_PAIR)
		m->src.release(m->src.ctx, m->cur);
	free(m->changes);
	free(m->roles);
	rl_layout_free(m->lay);
	rl_alignment_free(m->al);
	free(m->furniture[0]);
	free(m->furniture[1]);
	free(m->state);
	free(m);
}

/* Which side of `to` shows the document side s of `from` shows (-1: neither). */
static int same_doc(const rl_pair *from, int s, const rl_pair *to)
{
	const char *data = from->doc[s].data;
	if (!data)
		return -1;
	return to->doc[RL_NEW].data == data ? RL_NEW : to->doc[RL_OLD].data == data ? RL_OLD : -1;
}

int rl_model_open(rl_model *m, size_t i, int carry[2])
{
	if (i >= m->src.count)
		return RL_EINVAL;
	rl_pair p;
	int rc = load(m, i, &p);
	if (rc != RL_OK)
		return rc;
	size_t was = m->cur;
	if (carry) {
		for (int s = 0; s < 2; s++)
			carry[s] = was == NO_PAIR ? -1 : same_doc(&m->pair, s, &p);
	}
	rl_diff_opts opts = m->opts;
	rc = compare(m, i, &p, &opts);
	/* Released after the new pair is loaded, so that a document both share is read once. */
	if (rc != RL_OK)
		m->src.release(m->src.ctx, i);
	else if (was != NO_PAIR)
		m->src.release(m->src.ctx, was);
	return rc;
}

int rl_model_set_keyopts(rl_model *m, const rl_keyopts *key)
{
	rl_diff_opts opts = m->opts;
	opts.key = *key;
	if (m->cur != NO_PAIR) {
		rl_pair p = m->pair;
		int rc = compare(m, m->cur, &p, &opts);
		if (rc != RL_OK)
			return rc;
	}
	m->opts = opts;
	/* Other pairs were judged under the old options. */
	for (size_t i = 0; i < m->src.count; i++)
		if (i != m->cur)
			m->state[i] = (pair_state){0};
	return RL_OK;
}

size_t rl_model_npairs(const rl_model *m)
{
	return m->src.count;
}

bool rl_model_is_open(const rl_model *m)
{
	return m->cur != NO_PAIR;
}

size_t rl_model_current(const rl_model *m)
{
	return m->cur;
}

const rl_pair *rl_model_pair(const rl_model *m)
{
	return &m->pair;
}

const rl_diff_opts *rl_model_opts(const rl_model *m)
{
	return &m->opts;
}

const rl_alignment *rl_model_alignment(const rl_model *m)
{
	return m->al;
}

const rl_layout *rl_model_layout(const rl_model *m)
{
	return m->lay;
}

const rl_summary *rl_model_summary(const rl_model *m)
{
	return &m->summary;
}

const char *rl_model_text(const rl_model *m, int side, size_t *len)
{
	*len = m->pair.doc[side].len;
	return m->pair.doc[side].data;
}

const char *rl_model_error(const rl_model *m)
{
	return m->error;
}

/* ------------------------------------------------------------------ the list */

bool rl_model_file_list(const rl_model *m)
{
	return m->src.file_list;
}

const char *rl_model_title(const rl_model *m)
{
	return m->src.title;
}

void rl_model_entry(const rl_model *m, size_t i, bool probe, rl_entry *out)
{
	m->src.describe(m->src.ctx, i, probe, out);
}

bool rl_model_measured(const rl_model *m, size_t i, rl_summary *out)
{
	if (i >= m->src.count || !m->state[i].measured)
		return false;
	*out = m->state[i].summary;
	return true;
}

bool rl_model_settled(const rl_model *m, size_t i)
{
	return i >= m->src.count || m->state[i].measured || m->state[i].unmeasurable;
}

int rl_model_measure(rl_model *m, size_t i)
{
	if (rl_model_settled(m, i))
		return RL_OK;
	rl_pair p;
	if (load(m, i, &p) != RL_OK) {
		m->state[i].unmeasurable = true;
		return RL_OK;
	}
	rl_alignment *al = NULL;
	rl_summary s;
	int rc = RL_OK;
	if (p.doc[0].len + p.doc[1].len > RL_MODEL_MEASURE_MAX) {
		m->state[i].unmeasurable = true;
	} else {
		rc = diff_pair(&al, &p, &m->opts);
		if (rc == RL_OK)
			rc = summarize(al, &s);
		if (rc == RL_OK)
			learn(m, i, &s);
	}
	rl_alignment_free(al);
	m->src.release(m->src.ctx, i);
	return rc;
}

unsigned rl_model_block_roles(const rl_model *m, size_t b)
{
	return b < rl_layout_blocks(m->lay) ? m->roles[b] : 0;
}

int rl_model_changes(rl_model *m, unsigned mask, const uint32_t **blocks, size_t *n)
{
	if (!m->changes_valid || m->changes_mask != mask) {
		size_t nb = rl_layout_blocks(m->lay), k = 0;
		uint32_t *v = realloc(m->changes, (nb + 1) * sizeof *v);
		if (!v)
			return RL_ENOMEM;
		for (size_t b = 0; b < nb; b++)
			if (m->roles[b] & mask)
				v[k++] = (uint32_t)b;
		m->changes = v;
		m->nchanges = k;
		m->changes_mask = mask;
		m->changes_valid = true;
	}
	*blocks = m->changes;
	*n = m->nchanges;
	return RL_OK;
}

uint32_t rl_model_token_at(const rl_model *m, int side, size_t byte)
{
	const rl_tokens *toks = rl_alignment_tokens(m->al, side);
	const rl_token *t = rl_tokens_array(toks);
	size_t lo = 0, hi = rl_tokens_count(toks);
	/* The first token that ends after byte. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if ((size_t)t[mid].off + t[mid].len <= byte)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (uint32_t)lo;
}

size_t rl_model_block_of(const rl_model *m, int side, uint32_t t)
{
	size_t nb = rl_layout_blocks(m->lay), lo = 0, hi = nb;
	if (nb == 0)
		return 0;
	/* Blocks tile each side in order: the first block whose range on that side ends after t. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const rl_block *b = rl_layout_block(m->lay, mid);
		if ((side ? b->b1 : b->a1) <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nb ? lo : nb - 1;
}

/* The verdict on pair i, comparing it if need be (VERDICT_UNKNOWN: it does not count). */
static int judge(rl_model *m, size_t i, uint8_t *out)
{
	rl_entry e;
	rl_pair p;
	*out = m->state[i].verdict;
	if (*out != VERDICT_UNKNOWN)
		return RL_OK;
	m->src.describe(m->src.ctx, i, true, &e);
	if (e.mark == RL_MARK_BINARY || e.mark == RL_MARK_SUBMODULE) {
		*out = VERDICT_DIFFER;
		return RL_OK;
	}
	if (e.mark != RL_MARK_NONE || m->src.load(m->src.ctx, i, &p, m->error, sizeof m->error) != 0)
		return RL_OK;
	int rc = RL_OK;
	if (p.doc[0].len == p.doc[1].len &&
	    (p.doc[0].len == 0 || p.doc[0].data == p.doc[1].data ||
	     memcmp(p.doc[0].data, p.doc[1].data, p.doc[0].len) == 0)) {
		*out = VERDICT_SAME;
	} else {
		rl_alignment *al;
		rc = diff_pair(&al, &p, &m->opts);
		if (rc == RL_OK) {
			*out = rl_alignment_same(al) ? VERDICT_SAME : VERDICT_DIFFER;
			rl_alignment_free(al);
		}
	}
	m->src.release(m->src.ctx, i);
	m->state[i].verdict = *out;
	return rc;
}

int rl_model_verdict(rl_model *m, bool *differ)
{
	/* One pair that differs settles it: those already known first. */
	for (size_t i = 0; i < m->src.count; i++) {
		if (m->state[i].verdict == VERDICT_DIFFER) {
			*differ = true;
			return RL_OK;
		}
	}
	for (size_t i = 0; i < m->src.count; i++) {
		uint8_t v;
		int rc = judge(m, i, &v);
		if (rc != RL_OK)
			return rc;
		if (v == VERDICT_DIFFER) {
			*differ = true;
			return RL_OK;
		}
	}
	*differ = false;
	return RL_OK;
}
