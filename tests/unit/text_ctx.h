/* text_ctx.h: texts in a stage context, for tests of what the context finds in a text (units,
 * quotations) and of one stage run over a hand-made script. */
#ifndef REDLINE_TEST_TEXT_CTX_H
#define REDLINE_TEST_TEXT_CTX_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "pipeline.h"
#include "status.h"

typedef struct text_ctx {
	rl_tokens *toks[2];
	rl_ctx c;
} text_ctx;

/* Tokenize a as OLD and b as NEW and build the context with the default options; the texts must
 * outlive x. Returns the context. */
static inline rl_ctx *text_ctx_pair(text_ctx *x, const char *a, const char *b)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	cr_assert_eq(rl_tokenize(&x->toks[0], a, strlen(a)), RL_OK);
	cr_assert_eq(rl_tokenize(&x->toks[1], b, strlen(b)), RL_OK);
	cr_assert_eq(rl_pipeline_ctx(&x->c, x->toks[0], x->toks[1], &o), RL_OK);
	return &x->c;
}

/* One text as OLD, against an empty NEW. Returns OLD's side. */
static inline const rl_side *text_ctx_open(text_ctx *x, const char *text)
{
	return &text_ctx_pair(x, text, "")->side[RL_OLD];
}

static inline void text_ctx_close(text_ctx *x)
{
	rl_ctx_release(&x->c);
	rl_tokens_free(x->toks[0]);
	rl_tokens_free(x->toks[1]);
}

/* A stage of the pipeline that rewrites a script in place (rl_slide, rl_quotes_flag, ...). */
typedef int (*text_ctx_stage_fn)(rl_ctx *c, rl_opvec *ops);

/* ops becomes the hand-made script in[0..n) run through stage; the caller frees ops. */
static inline void text_ctx_stage(text_ctx *x, text_ctx_stage_fn stage, const rl_op *in, size_t n,
                                  rl_opvec *ops)
{
	*ops = (rl_opvec){0};
	cr_assert_eq(rl_opvec_append(ops, in, n), RL_OK);
	cr_assert_eq(stage(&x->c, ops), RL_OK);
}

/* The ops as "k a0-a1 b0-b1" joined by " | " (k: = d i r m f t by kind, as ops_text.h), into out. */
static inline void text_ctx_ranges(const rl_opvec *ops, char *out, size_t cap)
{
	size_t w = 0;
	out[0] = '\0';
	for (size_t k = 0; k < ops->n && w < cap; k++) {
		const rl_op *op = &ops->v[k];
		w += (size_t)snprintf(out + w, cap - w, "%s%c %u-%u %u-%u", k ? " | " : "",
		                      "=dirmft"[op->kind], op->a0, op->a1, op->b0, op->b1);
	}
}

/* The ranges (text_ctx_ranges) of the script in[0..n) of a against b run through stage. */
static inline void stage_ranges(const char *a, const char *b, text_ctx_stage_fn stage,
                                const rl_op *in, size_t n, char *out, size_t cap)
{
	text_ctx x;
	rl_opvec ops;
	text_ctx_pair(&x, a, b);
	text_ctx_stage(&x, stage, in, n, &ops);
	text_ctx_ranges(&ops, out, cap);
	rl_opvec_free(&ops);
	text_ctx_close(&x);
}

#endif
