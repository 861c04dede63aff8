/* Tests for structure.c: function words, sentence stops, and units. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "stage.h"
#include "status.h"
#include "text_ctx.h"
#include "structure.h"

/* The units of a text, joined by " / ". */
static char *units_of(const char *text)
{
	static char out[2048];
	text_ctx x;
	const rl_side *sd = text_ctx_open(&x, text);
	size_t len = 0;
	out[0] = '\0';
	for (uint32_t u = 0; u < sd->nunits; u++) {
		uint32_t t0 = sd->ustart[u], t1 = sd->ustart[u + 1] - 1;
		uint32_t s = sd->tok[t0].off, e = sd->tok[t1].off + sd->tok[t1].len;
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%.*s", u ? " / " : "",
		                        (int)(e - s), text + s);
	}
	text_ctx_close(&x);
	return out;
}

Test(structure, function_words)
{
	const char *yes[] = {"the", "The", "OF", "and", "would", "don't", "don\xe2\x80\x99t", "its"};
	const char *no[] = {"lighthouse", "Okafor", "5-2", "thee", "", "caf\xc3\xa9"};
	for (size_t k = 0; k < sizeof yes / sizeof *yes; k++)
		cr_assert(rl_is_function_word(yes[k], strlen(yes[k])), "%s", yes[k]);
	for (size_t k = 0; k < sizeof no / sizeof *no; k++)
		cr_assert_not(rl_is_function_word(no[k], strlen(no[k])), "%s", no[k]);
}

Test(structure, stops_and_ellipses)
{
	cr_assert(rl_key_flags(".", 1, RL_TOK_PUNCT) & RL_IDF_STOP);
	cr_assert(rl_key_flags("?", 1, RL_TOK_PUNCT) & RL_IDF_STOP);
	cr_assert(rl_key_flags("...", 3, RL_TOK_PUNCT) & RL_IDF_ELLIPSIS);
	cr_assert(rl_key_flags("\xe2\x80\xa6", 3, RL_TOK_PUNCT) & RL_IDF_ELLIPSIS);
	cr_assert_not(rl_key_flags(",", 1, RL_TOK_PUNCT) & RL_IDF_STOP);
	cr_assert(rl_key_flags("of", 2, RL_TOK_WORD) & RL_IDF_FUNCTION);
}

Test(structure, sentences)
{
	cr_assert_str_eq(units_of("One went. Two came! Three? Four."),
	                 "One went. / Two came! / Three? / Four.");
	/* Closing quotes and brackets stay with their sentence. */
	cr_assert_str_eq(units_of("He left.\xe2\x80\x9d Then (it rained.) Again."),
	                 "He left.\xe2\x80\x9d / Then (it rained.) / Again.");
	/* Titles, initials and initialisms do not end a sentence; nor does a stop before lower case. */
	cr_assert_str_eq(units_of("Dr. Evelyn Marchetti met J. Smith in the U.S. on Monday, approx. "
	                          "five times."),
	                 "Dr. Evelyn Marchetti met J. Smith in the U.S. on Monday, approx. five times.");
}

Test(structure, lines_items_and_headings)
{
	cr_assert_str_eq(units_of("The plan\n- Sell the tower\n- Keep the light\n\nThe money\n"
	                          "1. Four million\n"),
	                 "The plan / - Sell the tower / - Keep the light / The money / 1. Four million");
	/* Items run onto one line still part. */
	cr_assert_str_eq(units_of("Sold for cash. - Buyer pays fees - New owner keeps the light"),
	                 "Sold for cash. / - Buyer pays fees / - New owner keeps the light");
	/* A hard-wrapped paragraph is one sentence across its lines. */
	cr_assert_str_eq(units_of("The town council voted on Monday to sell the lighthouse to a\n"
	                          "developer, ending two years of debate over its future and upkeep.\n"),
	                 "The town council voted on Monday to sell the lighthouse to a\n"
	                 "developer, ending two years of debate over its future and upkeep.");
}
