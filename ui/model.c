/* model.c: the pairs, the comparison on view, and the facts derived from it. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "status.h"
#include "theme.h"

/* Per-pair verdicts, known once a pair has been compared. */
enum { VERDICT_UNKNOWN, VERDICT_SAME, VERDICT_DIFFER };

struct rl_model {
	const rl_pair *pairs;
	size_t npairs, cur;
	uint8_t *verdict;          /* per pair */
	rl_diff_opts opts;
	rl_layout_opts lopts;
	rl_alignment *al;
	rl_layout *lay;
	uint8_t *roles;            /* per block: role bits of its changes */
	rl_summary summary;
	uint32_t *changes;         /* change blocks under changes_mask */
	size_t nchanges;
	unsigned changes_mask;
	bool changes_valid;
};

/* The role bits of one piece's changes: each side it covers, coloured as its runs will be. */
static unsigned piece_roles(const rl_op *op, const rl_piece *p)
{
	if (op->kind == RL_OP_EQUAL && !op->move)
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

static int summarize(const rl_alignment *al, rl_summary *s)
{
	const rl_stats *st = rl_alignment_stats(al);
	size_t nops;
	const rl_op *ops = rl_alignment_ops(al, &nops);

	memset(s, 0, sizeof *s);
	s->rewrites = st->ops[RL_OP_REPLACE];
	s->deletions = st->ops[RL_OP_DELETE];
	s->insertions = st->ops[RL_OP_INSERT];
	s->quotes = st->quotes;
	size_t words = st->words[0] + st->words[1];
	s->similarity = words ? (unsigned)((2000.0 * (double)st->kept) / (double)words + 0.5) : 1000;
	return count_moves(ops, nops, &s->moves);
}

/* Compare pair i under opts into fresh alignment, layout and roles; install them on success. */
static int compare(rl_model *m, size_t i, const rl_diff_opts *opts)
{
	const rl_pair *p = &m->pairs[i];
	rl_alignment *al = NULL;
	rl_layout *lay = NULL;
	uint8_t *roles = NULL;
	rl_summary summary;
	int rc = rl_diff(&al, p->doc[0].data, p->doc[0].len, p->doc[1].data, p->doc[1].len, opts);
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
	m->opts = *opts;
	m->changes_valid = false;
	m->summary = summary;
	m->verdict[i] = rl_alignment_same(al) ? VERDICT_SAME : VERDICT_DIFFER;
	return RL_OK;
}

int rl_model_new(rl_model **out, const rl_pair *pairs, size_t npairs, size_t first,
                 const rl_diff_opts *opts, bool markers)
{
	if (npairs == 0 || first >= npairs)
		return RL_EINVAL;
	rl_model *m = calloc(1, sizeof *m);
	if (!m)
		return RL_ENOMEM;
	m->pairs = pairs;
	m->npairs = npairs;
	m->lopts.markers = markers;
	m->verdict = calloc(npairs, 1);
	int rc = m->verdict ? compare(m, first, opts) : RL_ENOMEM;
	if (rc != RL_OK) {
		rl_model_free(m);
		return rc;
	}
	*out = m;
	return RL_OK;
}

void rl_model_free(rl_model *m)
{
	if (!m)
		return;
	free(m->changes);
	free(m->roles);
	rl_layout_free(m->lay);
	rl_alignment_free(m->al);
	free(m->verdict);
	free(m);
}

int rl_model_open(rl_model *m, size_t i)
{
	if (i >= m->npairs)
		return RL_EINVAL;
	rl_diff_opts opts = m->opts;
	return compare(m, i, &opts);
}

int rl_model_set_keyopts(rl_model *m, const rl_keyopts *key)
{
	rl_diff_opts opts = m->opts;
	opts.key = *key;
	int rc = compare(m, m->cur, &opts);
	if (rc == RL_OK) {
		/* Other pairs were judged under the old options. */
		memset(m->verdict, VERDICT_UNKNOWN, m->npairs);
		m->verdict[m->cur] = rl_alignment_same(m->al) ? VERDICT_SAME : VERDICT_DIFFER;
	}
	return rc;
}

size_t rl_model_npairs(const rl_model *m)
{
	return m->npairs;
}

size_t rl_model_current(const rl_model *m)
{
	return m->cur;
}

const rl_pair *rl_model_pair(const rl_model *m, size_t i)
{
	return &m->pairs[i];
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
	*len = m->pairs[m->cur].doc[side].len;
	return m->pairs[m->cur].doc[side].data;
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

int rl_model_verdict(rl_model *m, bool *differ)
{
	for (size_t i = 0; i < m->npairs; i++) {
		if (m->verdict[i] != VERDICT_UNKNOWN)
			continue;
		const rl_pair *p = &m->pairs[i];
		if (p->doc[0].len == p->doc[1].len &&
		    (p->doc[0].data == p->doc[1].data ||
		     memcmp(p->doc[0].data, p->doc[1].data, p->doc[0].len) == 0)) {
			m->verdict[i] = VERDICT_SAME;
			continue;
		}
		rl_alignment *al;
		int rc = rl_diff(&al, p->doc[0].data, p->doc[0].len, p->doc[1].data, p->doc[1].len,
		                 &m->opts);
		if (rc != RL_OK)
			return rc;
		m->verdict[i] = rl_alignment_same(al) ? VERDICT_SAME : VERDICT_DIFFER;
		rl_alignment_free(al);
	}
	*differ = false;
	for (size_t i = 0; i < m->npairs; i++)
		*differ |= m->verdict[i] == VERDICT_DIFFER;
	return RL_OK;
}
