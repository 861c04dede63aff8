/* test_ctx.c: what a context holds per id, and when it makes it: the names table
 * (rl_ctx_names, structure.h; the names of some ids alone, rl_names_find_some), the occurrences
 * of each id (rl_ctx_count). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "pipeline.h"
#include "provenance.h"
#include "refine.h"
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

/* Issue 13 (stop 35): the names of the ids asked about alone (rl_names_find_some) are the whole
 * table's, and the others are left as they were: a name inside a sentence, a word in lower case
 * and capitalized, a heading's words (a heading counts for nothing, even where its word is a name
 * elsewhere), a sentence's first word, a number. */
Test(ctx, the_names_of_some_words_are_those_of_the_whole_table)
{
	const char *a = "Harbour News\n\nThe pilot boat met the Kestrel off Dunmore at dawn.\n\n"
	                "Boats from Dunmore follow the pilot boat into the harbour.\n",
	           *b = "Kestrel Returns\n\nThe Kestrel came home to Dunmore with 40 crates.\n";
	const char *words[] = {"Harbour", "News", "pilot", "Kestrel", "Dunmore", "Boats", "boat",
	                       "The", "40", "Returns", "harbour"};
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x, a, b);
	uint8_t *whole = calloc(c->nids + 1, 1), *some = malloc(c->nids + 1);
	uint8_t *asked = calloc(c->nids + 1, 1);
	cr_assert(whole && some && asked);
	rl_names_find(c, whole);
	for (size_t k = 0; k < sizeof words / sizeof *words; k += 2) {  /* every other word */
		uint32_t id = RL_ID_NONE;
		for (int s = 0; s < 2 && id == RL_ID_NONE; s++)
			for (uint32_t t = 0; t < c->side[s].n && id == RL_ID_NONE; t++) {
				const rl_token *tk = &c->side[s].tok[t];
				if (tk->len == strlen(words[k]) &&
				    !memcmp(c->side[s].text + tk->off, words[k], tk->len))
					id = c->side[s].ids[t];
			}
		cr_assert_neq(id, RL_ID_NONE, "%s", words[k]);
		asked[id] = 1;
	}
	memset(some, 0x7f, c->nids + 1);
	for (uint32_t id = 0; id < c->nids; id++)
		some[id] = asked[id] ? 0 : some[id];
	rl_names_find_some(c, some, asked);
	for (uint32_t id = 0; id < c->nids; id++)
		cr_assert_eq(some[id], asked[id] ? whole[id] : 0x7f, "id %u", id);
	cr_assert_eq(whole[id_of_word(c, "Dunmore")], RL_NAME_SEEN);
	cr_assert_eq(whole[id_of_word(c, "Harbour")], 0, "a heading's word is no name");
	free(whole), free(some), free(asked);
	text_ctx_close(&x);
}

/* Issue 13 (stop 35): the sources stage asks the names of the words it weighs in the units that
 * want sources alone, and makes no table of every word of both texts (the stage's context is over
 * the whole of OLD, a long text, for a few units of NEW): after the stage has linked a bullet,
 * the context has no names table. */
Test(ctx, the_sources_stage_makes_no_names_table_of_every_word)
{
	const char *a = "The lock keepers met in Dunmore on Tuesday to talk about the canal.\n\n"
	                "Repairs to the upper gates will cost the trust nine thousand crowns this "
	                "spring.\n\nBarges carrying timber now wait two days at the lower basin "
	                "before the water rises.\n\nVolunteers repainted the bridge rails last "
	                "month.\n",
	           *b = "- Timber barges wait two days at the lower basin for the water\n"
	                "- The upper gates need repairs costing nine thousand crowns\n";
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x, a, b);
	rl_opvec ops = {0};
	rl_link *links = NULL;
	size_t n = 0;
	cr_assert_eq(rl_ctx_refine(c, 0, c->side[0].n, 0, c->side[1].n, &ops), RL_OK);
	cr_assert_eq(rl_sources_find(c, &ops, &links, &n), RL_OK);
	cr_assert_gt(n, 0, "a bullet is linked (the stage asked for names)");
	cr_assert_null(c->names);
	free(links);
	rl_opvec_free(&ops);
	text_ctx_close(&x);
}

/* The units of OLD's side of x, each as its first word, joined by " / " into out. */
static void unit_heads(const rl_side *sd, char *out, size_t cap)
{
	size_t w = 0;
	out[0] = '\0';
	for (uint32_t u = 0; u < sd->nunits && w < cap; u++) {
		const rl_token *tk = &sd->tok[sd->ustart[u]];
		w += (size_t)snprintf(out + w, cap - w, "%s%.*s", u ? " / " : "", (int)tk->len,
		                      sd->text + tk->off);
	}
}

/* Issue 13 (stop 36): the units find the names of the prose (a word written capitalized after a
 * lower-case word) only when a list item run into a line first needs them, and then over the
 * whole side: a name the prose gives only after the item still keeps the item whole, for the
 * first item and for a later one that reads the same names; a capital that is no name of the
 * prose still starts the sentence the item runs on into. (A table made of the text before the
 * item would end the first item at "Marlowe".) */
Test(ctx, the_units_find_the_names_of_the_prose_when_an_item_asks_and_over_the_whole_text)
{
	const char *a = "Sold for cash. - Buyer deals with Marlowe and the council\n\n"
	                "The harbour board met on a wet Tuesday in the old customs house by the "
	                "quay and talked for three long hours about the price of oil for the lamp, "
	                "the cost of new glass for the lantern room and the rent of the boathouse.\n\n"
	                "The keeper wrote to Marlowe about the lamp. Sold again. - Owner pays "
	                "Marlowe and the trust The lamp stays lit.\n";
	const char *none = "The keeper wrote about the lamp. Sold for cash. - Buyer pays fees "
	                   "The lamp stays lit.\n";
	char heads[256];
	text_ctx x;
	unit_heads(text_ctx_open(&x, a), heads, sizeof heads);
	cr_assert_str_eq(heads, "Sold / - / The / The / Sold / - / The");
	text_ctx_close(&x);
	unit_heads(text_ctx_open(&x, none), heads, sizeof heads);
	cr_assert_str_eq(heads, "The / Sold / - / The");
	text_ctx_close(&x);
}

/* Issue 13 (stop 36): rl_names_find_some walks the tokens, not the units, and finds a word's unit,
 * its heading and its first word where a word asked about stands. A guard: with every id asked it
 * gives the whole table, on units whose first word follows a quotation mark, a bullet or an
 * ordered marker's number, a heading between sentences, a name twice in one sentence and a word
 * capitalized only where it starts its sentence. */
Test(ctx, the_names_of_every_word_asked_are_the_whole_table)
{
	const char *a = "\"Tollmere boats sail at dawn,\" the pilot said. Boats from Dunmore wait.\n\n"
	                "- Kestrel crews and Marlowe crews meet the Kestrel at the quay\n"
	                "1. Marlowe pays the crews\n\nHarbour Rules\n\n"
	                "The harbour master keeps the Rules in the office with the Kestrel log.\n",
	           *b = "Kestrel Returns\n\n\xe2\x80\x9cMarlowe sold it,\xe2\x80\x9d said the pilot "
	                "of the Kestrel.\n";
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x, a, b);
	uint8_t *whole = calloc(c->nids + 1, 1), *some = calloc(c->nids + 1, 1);
	uint8_t *asked = malloc(c->nids + 1);
	cr_assert(whole && some && asked);
	memset(asked, 1, c->nids + 1);
	rl_names_find(c, whole);
	rl_names_find_some(c, some, asked);
	for (uint32_t id = 0; id < c->nids; id++)
		cr_assert_eq(some[id], whole[id], "id %u", id);
	cr_assert_eq(whole[id_of_word(c, "Kestrel")], RL_NAME_SEEN);
	cr_assert_eq(whole[id_of_word(c, "Marlowe")], RL_NAME_SEEN);
	cr_assert_eq(whole[id_of_word(c, "Dunmore")], RL_NAME_SEEN);
	cr_assert_eq(whole[id_of_word(c, "Boats")], 0, "a sentence's first word");
	cr_assert_eq(whole[id_of_word(c, "Tollmere")], 0, "the first word, after a quotation mark");
	free(whole), free(some), free(asked);
	text_ctx_close(&x);
}
