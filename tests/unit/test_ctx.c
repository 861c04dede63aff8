/* test_ctx.c: what a context holds per id, and when it makes it: the names table
 * (rl_ctx_names, structure.h), the occurrences of each id (rl_ctx_count). */
#include <criterion/criterion.h>
#include <string.h>

#include "ctx.h"
#include "pipeline.h"
#include "status.h"
#include "structure.h"
#include "text_ctx.h"

/* The id of OLD's first token whose bytes are word, asserted present. */
static uint32_t id_of_word(const rl_ctx *c, const char *word)
{
	const rl_side *sd = &c->side[RL_OLD];
	size_t len = strlen(word);
	for (uint32_t t = 0; t < sd->n; t++)
		if (sd->tok[t].len == len && memcmp(sd->text + sd->tok[t].off, word, len) == 0)
			return sd->ids[t];
	cr_assert_fail("no token \"%s\"", word);
	return RL_ID_NONE;
}

/* Issue 13 (stop 32): rl_names_find tells a word of a script without case and a number by their
 * flags alone, without asking rl_is_lower_word. A guard (it passes before the change as well): a
 * name capitalized inside a sentence is one, in Latin and Cyrillic letters; a word seen in lower
 * case is none, nor its capitalized copy at a sentence's start; a number, a Chinese character
 * and a sentence's first word are neither name nor lower case. */
Test(ctx, the_names_table_tells_names_lower_case_and_words_without_case)
{
	const char *text = "The old boat from Tollmere left the quay at 1530 with the evening ferry.\n\n"
	                   "Ferry rides to Tollmere cost twelve crowns again this long summer.\n\n"
	                   "Лодка шла в Порт очень быстро сегодня утром.\n\n"
	                   "渡船今天早上很快就开走了。\n";
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x, text, text);
	const uint8_t *names = rl_ctx_names(c);
	cr_assert(names);
	const char *seen[] = {"Tollmere", "Порт"};
	const char *lower[] = {"ferry", "boat", "шла"};
	const char *neither[] = {"The", "Ferry", "1530", "Лодка", "渡", "今"};
	for (size_t k = 0; k < sizeof seen / sizeof *seen; k++)
		cr_assert_eq(names[id_of_word(c, seen[k])], RL_NAME_SEEN, "%s", seen[k]);
	for (size_t k = 0; k < sizeof lower / sizeof *lower; k++)
		cr_assert_eq(names[id_of_word(c, lower[k])], RL_NAME_LOWER, "%s", lower[k]);
	for (size_t k = 0; k < sizeof neither / sizeof *neither; k++)
		cr_assert_eq(names[id_of_word(c, neither[k])], 0, "%s", neither[k]);
	text_ctx_close(&x);
}

/* Issue 13 (stop 32): a context counts the occurrences of its ids only when rl_pipeline_ctx asks
 * (rl_ctx_count: the stages that weigh words by them), and makes the renumbering of the diffs of
 * ranges with the first such diff: the sources stage's context over all of OLD (rl_ctx_init_span)
 * walks OLD for neither. The counts are those of both texts. */
Test(ctx, a_context_counts_its_words_only_when_asked)
{
	const char *a = "The ferry left the quay at noon.", *b = "The ferry left at dawn.";
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_tokens *toks[2];
	rl_ctx c;
	cr_assert_eq(rl_tokenize(&toks[0], a, strlen(a)), RL_OK);
	cr_assert_eq(rl_tokenize(&toks[1], b, strlen(b)), RL_OK);
	cr_assert_eq(rl_ctx_init(&c, toks[0], toks[1], &o), RL_OK);
	cr_assert_null(c.freq);
	cr_assert_null(c.local);
	rl_ctx_release(&c);
	cr_assert_eq(rl_pipeline_ctx(&c, toks[0], toks[1], &o), RL_OK);
	cr_assert_not_null(c.freq);
	cr_assert_eq(c.freq[id_of_word(&c, "ferry")], 2);
	cr_assert_eq(c.freq[id_of_word(&c, "the")], 1);
	cr_assert_eq(c.freq[id_of_word(&c, "noon")], 1);
	rl_opvec ops = {0};
	cr_assert_eq(rl_ctx_exact(&c, 1, 4, 1, 3, &ops), RL_OK);
	cr_assert_not_null(c.local);
	rl_opvec_free(&ops);
	rl_ctx_release(&c);
	rl_tokens_free(toks[0]);
	rl_tokens_free(toks[1]);
}
