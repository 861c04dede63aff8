/* text_ctx.h: one text in a stage context (NEW empty), for tests of what the context finds in a
 * text: units, quotations. */
#ifndef REDLINE_TEST_TEXT_CTX_H
#define REDLINE_TEST_TEXT_CTX_H

#include <criterion/criterion.h>
#include <string.h>

#include "pipeline.h"
#include "status.h"

typedef struct text_ctx {
	rl_tokens *toks[2];
	rl_ctx c;
} text_ctx;

/* Tokenize text as OLD (against an empty NEW) and build the context with the default options;
 * the text must outlive x. Returns OLD's side. */
static inline const rl_side *text_ctx_open(text_ctx *x, const char *text)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	cr_assert_eq(rl_tokenize(&x->toks[0], text, strlen(text)), RL_OK);
	cr_assert_eq(rl_tokenize(&x->toks[1], "", 0), RL_OK);
	cr_assert_eq(rl_pipeline_ctx(&x->c, x->toks[0], x->toks[1], &o), RL_OK);
	return &x->c.side[RL_OLD];
}

static inline void text_ctx_close(text_ctx *x)
{
	rl_ctx_release(&x->c);
	rl_tokens_free(x->toks[0]);
	rl_tokens_free(x->toks[1]);
}

#endif
