/* pipeline.c: the stages in order, from two tokenized texts to the ops of their alignment.
 *
 * tokens -> ids (ctx) -> units and quotations (structure, quote) -> exact script (myers) -> swaps
 * and cleanup (refine: rewrite, cleanup, cjk) -> whole units (cleanup_units) -> a unit's strays
 * (cleanup_strays) -> moves (move) ->
 * sentence pairing (pair) -> quotation flags (quote) -> compounds written otherwise (typo). Each stage after the exact script is
 * switched by rl_diff_opts.stages; --minimal stops at the exact script. This is the one file that
 * knows every stage; the stages know only the context (ctx.h) and refine.h. */
#include "pipeline.h"

#include <stdlib.h>
#include <string.h>

#include "cleanup.h"
#include "cleanup_strays.h"
#include "cleanup_units.h"
#include "move.h"
#include "pair.h"
#include "provenance.h"
#include "quote.h"
#include "refine.h"
#include "restyle.h"
#include "shingle.h"
#include "slot.h"
#include "status.h"
#include "structure.h"
#include "typo.h"

/* The figures, from the ops and the contexts' word counts (a compound's parts are one word). */
static void count_stats(rl_stats *st, const rl_op *ops, size_t nops, const rl_ctx *c)
{
	uint32_t last_move = 0;

	st->words[0] = rl_words(c, RL_OLD, 0, c->side[RL_OLD].n);
	st->words[1] = rl_words(c, RL_NEW, 0, c->side[RL_NEW].n);
	for (size_t k = 0; k < nops; k++) {
		const rl_op *op = &ops[k];
		size_t wa = rl_op_words(c, op, RL_OLD), wb = rl_op_words(c, op, RL_NEW);
		st->ops[op->kind]++;
		st->quotes += op->quote != RL_QUOTE_NONE;
		st->quote_ops[op->quote < RL_QUOTE_KINDS ? op->quote : 0]++;
		if (op->move) {
			st->moved += wa;
			/* The ops of one move are listed together. */
			st->moves += op->move != last_move;
			last_move = op->move;
		}
		switch (op->kind) {
		case RL_OP_EQUAL: case RL_OP_MOVE: st->kept += wa, st->kept_new += wb; break;
		case RL_OP_FORMAT: st->kept += wa, st->kept_new += wb, st->formatted += wa; break;
		/* the same words, written otherwise */
		case RL_OP_TYPO: st->kept += wa, st->kept_new += wb; break;
		case RL_OP_DELETE: st->deleted += wa; break;
		case RL_OP_INSERT: st->inserted += wb; break;
		case RL_OP_REPLACE: st->replaced[0] += wa, st->replaced[1] += wb; break;
		default: break;
		}
	}
}

/* RL_ECANCELED when the caller asked to stop (checked between stages; the exact engine, where
 * the time goes, also checks as it works). */
static int go_on(const rl_diff_opts *o)
{
	const rl_cancel *k = o->myers.cancel;
	return k && k->asked(k->ctx) ? RL_ECANCELED : RL_OK;
}

/* Which tokens of side s are code (an exact span of styles), for the quotation finder: a new
 * array, or NULL when none is (or out of memory: *rc says). */
static uint8_t *code_tokens(const rl_ctx *c, int s, const rl_styles *styles, int *rc)
{
	bool any = false;
	for (size_t k = 0; styles && k < styles[s].n && !any; k++)
		any = styles[s].v[k].exact;
	if (!any)
		return NULL;
	const rl_side *sd = &c->side[s];
	uint32_t *sty = malloc(((size_t)sd->n + 1) * sizeof *sty);
	uint8_t *code = malloc((size_t)sd->n + 1);
	if (sty && code) {
		rl_token_styles(c, s, &styles[s], sty);
		for (uint32_t t = 0; t < sd->n; t++)
			code[t] = (sty[t] & RL_STYLE_EXACT) != 0;
	} else {
		free(code), code = NULL;
		*rc = RL_ENOMEM;
	}
	free(sty);
	return code;
}

/* Side s's quotations, none of them in code. */
static int quotes_find(rl_ctx *c, int s, const rl_styles *styles)
{
	int rc = RL_OK;
	uint8_t *code = code_tokens(c, s, styles, &rc);
	if (rc != RL_OK)
		return rc;
	c->side[s].code = code;
	rc = rl_quotes_find(c, s);
	c->side[s].code = NULL;
	free(code);
	return rc;
}

/* rl_pipeline_ctx on tokens span[0..4) (ctx.h, rl_ctx_init_span), or the whole texts (NULL),
 * with the caller's styles (NULL: none). */
static int pipeline_ctx(rl_ctx *c, const rl_tokens *old_toks, const rl_tokens *new_toks,
                        const uint32_t *span, const rl_diff_opts *opts, const rl_styles *styles)
{
	int rc = span ? rl_ctx_init_span(c, old_toks, new_toks, span, opts)
	              : rl_ctx_init(c, old_toks, new_toks, opts);

	if (rc == RL_OK)
		rc = rl_ctx_count(c);
	if (rc == RL_OK)
		rl_interner_seal(c->in);  /* the stages read keys, they intern nothing */
	if (rc != RL_OK || c->stages == 0)
		return rc;  /* the exact script needs no structure */
	for (int s = 0; s < 2; s++) {
		if ((rc = rl_units_find(c, s)) != RL_OK)
			return rc;
		if ((c->stages & RL_STAGE_QUOTES) && (rc = quotes_find(c, s, styles)) != RL_OK)
			return rc;
		rl_ctx_unlist(&c->side[s]);  /* their last reader was above */
	}
	return RL_OK;
}

int rl_pipeline_ctx(rl_ctx *c, const rl_tokens *old_toks, const rl_tokens *new_toks,
                    const rl_diff_opts *opts)
{
	return pipeline_ctx(c, old_toks, new_toks, NULL, opts, NULL);
}

bool rl_styled(const rl_styles *styles)
{
	for (int s = 0; styles && s < 2; s++)
		for (size_t k = 0; k < styles[s].n; k++)
			if (styles[s].v[k].style || styles[s].v[k].exact)
				return true;
	return false;
}

/* The restyled stretches of equal ops (restyle.h), when the caller gave styles. */
static int restyle(rl_ctx *c, const rl_styles *styles, rl_opvec *ops)
{
	if (!rl_styled(styles))
		return RL_OK;
	uint32_t *sty[2];
	sty[0] = malloc(((size_t)c->side[0].n + 1) * sizeof *sty[0]);
	sty[1] = malloc(((size_t)c->side[1].n + 1) * sizeof *sty[1]);
	int rc = sty[0] && sty[1] ? RL_OK : RL_ENOMEM;
	if (rc == RL_OK) {
		rl_token_styles(c, 0, &styles[0], sty[0]);
		rl_token_styles(c, 1, &styles[1], sty[1]);
		rc = rl_restyle(c, (const uint32_t *const *)sty, ops);
	}
	free(sty[0]);
	free(sty[1]);
	return rc;
}

/* The sources stage on a window (by not NULL, the whole texts: NULL) is left to the caller: a
 * unit of NEW that wants sources may find them anywhere in OLD (provenance.h). by->far says
 * whether one wants them (when none does, the stage would link nothing: it is skipped). */
static bool beyond(rl_ctx *c, const rl_opvec *ops, rl_beyond *by, int *rc)
{
	if (!by)
		return false;
	by->far = (c->stages & RL_STAGE_SOURCES) && rl_sources_wanted(c, ops, rc);
	return true;
}

/* The words of each side in the ops the moves stage may take (its orphans), into by->orphans,
 * on a window (by not NULL): what a passage moved to or from another window would be made of. */
static int orphan_words(const rl_ctx *c, const rl_opvec *ops, rl_beyond *by)
{
	uint8_t *orphan;
	if (!by)
		return RL_OK;
	int rc = rl_orphan_ops(c, ops, &orphan);
	if (rc != RL_OK)
		return rc;
	for (size_t k = 0; k < ops->n; k++) {
		if (!orphan[k])
			continue;
		by->orphans[RL_OLD] += rl_op_words(c, &ops->v[k], RL_OLD);
		if (orphan[k] != RL_ORPHAN_OLD)
			by->orphans[RL_NEW] += rl_op_words(c, &ops->v[k], RL_NEW);
	}
	free(orphan);
	return RL_OK;
}

int rl_pipeline(rl_tokens *const toks[2], const rl_diff_opts *opts, const rl_styles *styles,
                rl_op **out, size_t *nout, rl_link **srcs, size_t *nsrcs, rl_stats *stats)
{
	return rl_pipeline_span(toks, NULL, opts, styles, out, nout, srcs, nsrcs, stats, NULL);
}

int rl_pipeline_span(rl_tokens *const toks[2], const uint32_t *span, const rl_diff_opts *opts,
                     const rl_styles *styles, rl_op **out, size_t *nout, rl_link **srcs,
                     size_t *nsrcs, rl_stats *stats, rl_beyond *by)
{
	rl_ctx c;
	rl_opvec ops = {0};
	size_t folded = 0;
	int rc = pipeline_ctx(&c, toks[0], toks[1], span, opts, styles);

	if (rc == RL_OK)
		rc = rl_ctx_refine(&c, 0, c.side[0].n, 0, c.side[1].n, &ops);
	if (rc == RL_OK && (c.stages & RL_STAGE_CLEANUP) && (rc = go_on(opts)) == RL_OK)
		rc = rl_cleanup_units(&c, &ops);
	if (rc == RL_OK && (c.stages & RL_STAGE_CLEANUP))
		rc = rl_cleanup_strays(&c, &ops);
	/* The moves stage takes its lists as it needs them; the units stage's spares and scratch
	 * would lie under the song's peak (0.25 MiB). */
	rl_ctx_trim(&c, 1);
	if (rc == RL_OK && (c.stages & RL_STAGE_MOVES) && (rc = go_on(opts)) == RL_OK &&
	    (rc = orphan_words(&c, &ops, by)) == RL_OK)
		rc = rl_moves(&c, &ops);
	/* The sentences stage holds the ops and one list: the moves stage's other spares and its
	 * diffs' scratch would be resident under its peak (1.2 MiB of the 1 MB cumulative song's). */
	rl_ctx_trim(&c, 1);
	if (rc == RL_OK && (c.stages & RL_STAGE_SENTENCES) && (rc = go_on(opts)) == RL_OK)
		rc = rl_pair_sentences(&c, &ops);
	if (rc == RL_OK && (c.stages & RL_STAGE_CLEANUP))
		rc = rl_url_strays(&c, &ops);
	if (rc == RL_OK && c.stages)
		rc = rl_markers_apart(&c, &ops);
	if (rc == RL_OK)  /* minimal too: its script pairs markers by their place as well */
		rc = rl_ordinals_apart(&c, &ops);
	if (rc == RL_OK && c.stages)
		rc = rl_edges_tidy(&c, &ops);
	rl_ctx_trim(&c, 1);  /* the stages below hold one list besides the ops */
	if (rc == RL_OK && (c.stages & RL_STAGE_QUOTES) && (rc = go_on(opts)) == RL_OK)
		rc = rl_quotes_flag(&c, &ops);
	if (rc == RL_OK && c.stages && c.opts.key.ignore_punct)
		rl_bare_equal(&c, &ops);
	if (rc == RL_OK && c.stages)
		rc = rl_normalize(&ops);
	if (rc == RL_OK && c.stages)
		rc = rl_items_apart(&c, &ops);
	if (rc == RL_OK && c.stages)
		rc = rl_tails_first(&c, &ops);
	if (rc == RL_OK && (c.stages & RL_STAGE_CLEANUP))
		rc = rl_slot_rewrites(&c, &ops);
	if (rc == RL_OK && c.stages && c.opts.key.fold_typography)
		rc = rl_typo_fold(&c, &ops, &folded);
	rl_ctx_trim(&c, 0);  /* provenance's search peaks before it takes a list */
	if (rc == RL_OK && !beyond(&c, &ops, by, &rc) && (c.stages & RL_STAGE_SOURCES) &&
	    (rc = go_on(opts)) == RL_OK)
		rc = rl_sources_find(&c, &ops, srcs, nsrcs);
	if (rc == RL_OK)
		rc = restyle(&c, styles, &ops);
	if (rc == RL_OK) {
		*out = ops.v;
		*nout = ops.n;
		ops.v = NULL;
		stats->anchors = c.anchors;
		stats->bound_hits = c.bound_hits;
		stats->quotations[0] = c.side[0].nquotes;
		stats->quotations[1] = c.side[1].nquotes;
		count_stats(stats, *out, *nout, &c);
		stats->typographic = folded;
	}
	rl_opvec_free(&ops);
	rl_ctx_release(&c);
	return rc;
}

int rl_pipeline_sources(rl_tokens *const toks[2], const uint32_t span[4],
                        const rl_diff_opts *opts, rl_opvec *ops, rl_link **srcs, size_t *nsrcs)
{
	rl_ctx c;
	int rc = rl_ctx_init_span(&c, toks[0], toks[1], span, opts);

	if (rc == RL_OK)
		rl_interner_seal(c.in);
	for (int s = 0; s < 2 && rc == RL_OK; s++) {
		rc = rl_units_find(&c, s);
		rl_ctx_unlist(&c.side[s]);
	}
	if (rc == RL_OK)
		rc = go_on(opts);
	if (rc == RL_OK)
		rc = rl_sources_find(&c, ops, srcs, nsrcs);
	rl_ctx_release(&c);
	return rc;
}
