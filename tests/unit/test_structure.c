/* Tests for lexicon.c, structure.c and structure_ops.c: function words, sentence stops, units, and
 * the ops kept true to them. */
#include <criterion/criterion.h>
#ifdef __GLIBC__
#include <malloc.h>  /* malloc_usable_size */
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bigmem.h"
#include "lexicon.h"
#include "ops_text.h"
#include "opvec.h"
#include "pipeline.h"
#include "quote.h"
#include "script_check.h"
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

/* Every listed word is found (lexicon.c searches the words of one initial letter), in capitals and
 * with a curly apostrophe; a listed word with a letter added, or its last one dropped, is found
 * exactly when that too is listed. */
Test(structure, function_words_all)
{
	static const char *const all[] = {
		"a", "about", "above", "across", "after", "against", "all", "along", "also", "although", "am",
		"among", "an", "and", "another", "any", "are", "aren't", "around", "as", "at", "be", "because",
		"been", "before", "behind", "being", "below", "between", "both", "but", "by", "can", "can't",
		"cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't",
		"down", "during", "each", "either", "even", "every", "few", "for", "from", "had", "hadn't",
		"has", "hasn't", "have", "haven't", "having", "he", "he's", "her", "here", "hers", "herself",
		"him", "himself", "his", "how", "i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is",
		"isn't", "it", "it's", "its", "itself", "just", "least", "less", "let's", "many", "may", "me",
		"might", "mine", "more", "most", "much", "must", "my", "myself", "neither", "no", "nor", "not",
		"of", "off", "on", "once", "only", "onto", "or", "other", "our", "ours", "ourselves", "out",
		"over", "own", "per", "same", "shall", "she", "she's", "should", "shouldn't", "since", "so",
		"some", "such", "than", "that", "that's", "the", "their", "theirs", "them", "themselves",
		"then", "there", "there's", "these", "they", "they're", "this", "those", "though", "through",
		"till", "to", "too", "toward", "towards", "under", "until", "up", "upon", "us", "very", "via",
		"was", "wasn't", "we", "we're", "were", "weren't", "what", "when", "where", "whether", "which",
		"while", "who", "whom", "whose", "why", "will", "with", "within", "without", "won't", "would",
		"wouldn't", "yet", "you", "you're", "your", "yours", "yourself", "yourselves",
	};
	size_t n = sizeof all / sizeof *all;
	for (size_t k = 0; k < n; k++) {
		char w[32], v[32];
		size_t len = strlen(all[k]), m = 0;
		cr_assert(rl_is_function_word(all[k], len), "%s", all[k]);
		for (size_t i = 0; i < len; i++)
			w[i] = (char)(all[k][i] >= 'a' && all[k][i] <= 'z' ? all[k][i] - 32 : all[k][i]);
		cr_assert(rl_is_function_word(w, len), "%.*s", (int)len, w);
		for (size_t i = 0; i < len; i++) {
			if (all[k][i] == '\'') {
				memcpy(v + m, "\xe2\x80\x99", 3);
				m += 3;
			} else {
				v[m++] = all[k][i];
			}
		}
		cr_assert(rl_is_function_word(v, m), "%.*s", (int)m, v);
		memcpy(w, all[k], len);
		w[len] = 's';
		bool listed = false, shorter = false;
		for (size_t j = 0; j < n; j++) {
			listed |= strlen(all[j]) == len + 1 && memcmp(all[j], w, len + 1) == 0;
			shorter |= strlen(all[j]) == len - 1 && memcmp(all[j], w, len - 1) == 0;
		}
		cr_assert_eq(rl_is_function_word(w, len + 1), listed, "%.*s", (int)len + 1, w);
		cr_assert_eq(rl_is_function_word(w, len - 1), shorter, "%.*s", (int)len - 1, w);
	}
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

/* A name that keeps its lower case (a command, an identifier) starts a sentence after the full
 * stop of a long word; after an abbreviation, a short word or another mark the sentence goes on.
 * Before, "stream. tidewrap is" was one unit, and a sentence deleted before it could not stand
 * alone: its "tidewrap" kept the next sentence's place. */
Test(structure, a_lower_case_name_starts_a_sentence_after_a_long_word)
{
	cr_assert_str_eq(units_of("It reads tide tables from a stream. tidewrap is a script. It "
	                          "runs on a harbour's clock. dateline then prints the tables."),
	                 "It reads tide tables from a stream. / tidewrap is a script. / It runs on a "
	                 "harbour's clock. / dateline then prints the tables.");
	cr_assert_str_eq(units_of("Boats, nets, buoys etc. are stored. Shares of Harbour Inc. rose "
	                          "and approx. twelve boats or Approx. ten sailed. So... then it "
	                          "rained? yes, it did."),
	                 "Boats, nets, buoys etc. are stored. / Shares of Harbour Inc. rose and approx. "
	                 "twelve boats or Approx. ten sailed. / So... then it rained? yes, it did.");
	/* The same in a script with case beyond ASCII: "г." (a year) is short, the sentence goes on;
	 * a word without case (Chinese) may start one. */
	cr_assert_str_eq(units_of("\xd0\x92 2004 \xd0\xb3. \xd1\x80\xd0\xbe\xd1\x81\xd1\x82 "
	                          "\xd0\xb1\xd1\x8b\xd0\xbb. \xe7\x81\xaf\xe5\xa1\x94"),
	                 "\xd0\x92 2004 \xd0\xb3. \xd1\x80\xd0\xbe\xd1\x81\xd1\x82 "
	                 "\xd0\xb1\xd1\x8b\xd0\xbb. / \xe7\x81\xaf\xe5\xa1\x94");
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

/* The flags of each unit of a text, "i" a list item run into a line, "o" the sentence it runs on
 * into, "." neither. */
static char *run_in_flags_of(const char *text)
{
	static char out[256];
	text_ctx x;
	const rl_side *sd = text_ctx_open(&x, text);
	uint32_t u = 0;
	for (; u < sd->nunits && u + 1 < sizeof out; u++)
		out[u] = (sd->uflags[u] & RL_UNIT_RUN_IN) ? 'i' : (sd->uflags[u] & RL_UNIT_RUN_ON) ? 'o' : '.';
	out[u] = '\0';
	text_ctx_close(&x);
	return out;
}

/* A list item run into a line without a stop (a list flowed from a web page) runs on into the
 * sentence after it: the units end it there, before a capital word after a lower-case one, so
 * that every stage (pairing, moves, provenance, quotations) sees the one item. Not before a name
 * in capitals, nor where no item was run in. */
Test(structure, a_list_item_run_into_a_line_ends_where_the_next_sentence_starts)
{
	cr_assert_str_eq(units_of("Sold for cash. - Buyer pays fees The new owner keeps the light."),
	                 "Sold for cash. / - Buyer pays fees / The new owner keeps the light.");
	cr_assert_str_eq(run_in_flags_of("Sold for cash. - Buyer pays fees The new owner keeps it."),
	                 ".io");
	cr_assert_str_eq(units_of("Sold for cash. - Buyer pays the RNLI fees and leaves."),
	                 "Sold for cash. / - Buyer pays the RNLI fees and leaves.");
	cr_assert_str_eq(run_in_flags_of("Sold for cash. - Buyer pays fees. - Owner stays."), ".ii");
	cr_assert_str_eq(units_of("The keeper met the Harbour Board on Monday."),
	                 "The keeper met the Harbour Board on Monday.");
}

/* A capital after a lower-case word in a flattened bullet is often a name, not the start of the
 * sentence the item runs on into: a word the prose also writes capitalized after a lower-case word
 * (not a function word), one with a capital inside ("TypeError") and a lone letter but "A" and
 * "I" go on with the item. */
Test(structure, a_name_in_a_list_item_run_into_a_line_does_not_end_it)
{
	cr_assert_str_eq(units_of("The keeper wrote to Marlowe about the lamp. Sold for cash. - Buyer "
	                          "deals with Marlowe and the council"),
	                 "The keeper wrote to Marlowe about the lamp. / Sold for cash. / - Buyer "
	                 "deals with Marlowe and the council");
	cr_assert_str_eq(units_of("Sold for cash. - Buyer code raises TypeError at once"),
	                 "Sold for cash. / - Buyer code raises TypeError at once");
	cr_assert_str_eq(units_of("Sold for cash. - Buyer sets the value D at once"),
	                 "Sold for cash. / - Buyer sets the value D at once");
	cr_assert_str_eq(units_of("He read a book called The Sea. Sold for cash. - Buyer pays fees "
	                          "The owner stays."),
	                 "He read a book called The Sea. / Sold for cash. / - Buyer pays fees / "
	                 "The owner stays.");
}

/* Items that end at the next marker without a stop are a list without stops: the last one, run
 * on to a stop with no capital before it, ran on into a sentence that starts in lower case, and
 * its end is not known: it is no item (provenance and moves do not take that sentence for the
 * bullet's words). An item after items with stops keeps its own. */
Test(structure, a_bullet_without_a_stop_run_into_a_lower_case_sentence_is_no_item)
{
	cr_assert_str_eq(run_in_flags_of("Sold for cash. - Buyer pays fees - Owner keeps the lamp "
	                                  "lamps burn oil here."),
	                 ".i.");
	cr_assert_str_eq(run_in_flags_of("Sold for cash. - Buyer pays fees. - Owner keeps the lamp."),
	                 ".ii");
	cr_assert_str_eq(run_in_flags_of("Sold for cash. - Buyer pays fees - Owner keeps the lamp"),
	                 ".ii");
}

/* The headings of a text (rl_unit_heading), joined by " / ". */
static char *headings_of(const char *text)
{
	static char out[1024];
	text_ctx x;
	const rl_side *sd = text_ctx_open(&x, text);
	size_t len = 0;
	out[0] = '\0';
	for (uint32_t u = 0; u < sd->nunits; u++) {
		if (!rl_unit_heading(&x.c, RL_OLD, u))
			continue;
		uint32_t t0 = sd->ustart[u], t1 = sd->ustart[u + 1] - 1;
		uint32_t s = sd->tok[t0].off, e = sd->tok[t1].off + sd->tok[t1].len;
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%.*s", len ? " / " : "",
		                        (int)(e - s), text + s);
	}
	text_ctx_close(&x);
	return out;
}

/* Issue 10: a heading is a line of its own that no stop ends: a title, a standfirst, a
 * section's name, a byline; not a sentence (a stop, a stop inside closing marks), a list item,
 * a line that leads into the next (a colon), nor a line of more than 20 words. */
Test(structure, headings_are_lines_that_no_stop_ends)
{
	cr_assert_str_eq(headings_of("Harbour Ferry Faces a Winter Pause\n\n"
	                             "Crews weigh a shift toward a closed-cabin boat for the season\n\n"
	                             "The ferry stopped on Monday.\n\n"
	                             "Background on the ferry\n\n"
	                             "- Crews finished the trials\n\n"
	                             "The keeper said: “It stays.”\n\n"
	                             "What the keeper said:\n\n"
	                             "By Ann Reed, March 4, 2025\n"),
	                 "Harbour Ferry Faces a Winter Pause / Crews weigh a shift toward a "
	                 "closed-cabin boat for the season / Background on the ferry / By Ann Reed, "
	                 "March 4, 2025");
	cr_assert_str_eq(headings_of("one two three four five six seven eight nine ten eleven twelve "
	                             "thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
	                             "twenty more\n\nShort line\n"),
	                 "Short line");
}

/* Issue 10: a title asked as a question is a heading, on a line of its own or inside a
 * paragraph (a page flattened to one line); a question asked in a sentence is not. */
Test(structure, a_title_asked_as_a_question_is_a_heading)
{
	cr_assert_str_eq(headings_of("Will the Harbour Ferry Sail Again?\n\n"
	                             "Crews are unsure. What does the council want from the yard? "
	                             "The Yard's Future: Is the Old Slipway Done? For years, the yard "
	                             "built boats.\n\n"
	                             "Is it?\n"),
	                 "Will the Harbour Ferry Sail Again? / The Yard's Future: Is the Old "
	                 "Slipway Done?");
}

/* Issue 10 (stop 33): a Markdown heading's number after its marks ("## 4. Fees") is the
 * heading's, as "1." at a line's start is its line's: one unit, told a heading. A number inside
 * a sentence still ends it before a capital. */
Test(structure, a_numbered_heading_after_its_marks_is_one_unit)
{
	const char *t = "## 4. Fees and subscriptions\n\n4.1 The fee is due in May.\n\n"
	                "> 2. Quoted rules\n\nHe counted to 4. Then he left.\n";
	cr_assert_str_eq(units_of(t), "## 4. Fees and subscriptions / 4.1 The fee is due in May. / "
	                              "> 2. Quoted rules / He counted to 4. / Then he left.");
	cr_assert_str_eq(headings_of(t), "## 4. Fees and subscriptions / > 2. Quoted rules");
}

/* The list markers of a text, joined by " / ". */
static char *markers_of(const char *text)
{
	static char out[512];
	rl_tokens *toks;
	cr_assert_eq(rl_tokenize(&toks, text, strlen(text)), RL_OK);
	const rl_token *v = rl_tokens_array(toks);
	uint32_t n = (uint32_t)rl_tokens_count(toks);
	size_t len = 0;
	out[0] = '\0';
	for (uint32_t t = 0; t < n; t++) {
		bool unordered;
		uint32_t m = rl_list_marker(v, text, n, t, &unordered);
		if (m == 0)
			continue;
		uint32_t s = v[t].off, e = v[t + m - 1].off + v[t + m - 1].len;
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%.*s%s", len ? " / " : "",
		                        (int)(e - s), text + s, unordered ? "" : "#");
		t += m - 1;
	}
	rl_tokens_free(toks);
	return out;
}

/* Issue 10: list markers are structure. */
Test(structure, list_markers)
{
	cr_assert_str_eq(markers_of("Notes\n- one\n* two\n\xe2\x80\xa2 three\n1. four\n12) five\n"
	                            "a) six"),
	                 "- / * / \xe2\x80\xa2 / 1.# / 12)# / a)#");
	/* A hyphen inside a word, a number in a sentence: none. */
	cr_assert_str_eq(markers_of("A closed-source plan for 1. Or 2) here."), "");
	/* A list run into the text keeps its markers (and a spaced dash is one: never a hyphen). */
	cr_assert_str_eq(markers_of("Points: - first one - second one. 2. Third"), "- / - / 2.#");
}

/* Issue 10: a bullet is never matched with the hyphen of a compound, not even as a rewrite. */
Test(structure, a_bullet_is_no_hyphen)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	script_is("We ship closed-source tools today.", "We ship closed\n- source tools today.",
	          &o, "= We ship closed | d - | i - | = source tools today .");
	/* Two bullets still pair. */
	const char *a = "Plan:\n- Sell the pier\n- Keep the light";
	const char *b = "Plan:\n- Sell the old pier\n- Keep the light";
	script_has(a, b, &o, "= Plan : - Sell the |");
	script_has(a, b, &o, "= pier - Keep the light");
}

/* The walk asks whether a glued mark led by 0xEF is a dash only for the small and vertical dash
 * forms (U+FE31, U+FE32, U+FE58: EF B8 xx, EF B9 xx): those still take a dash's key, Chinese's
 * full-width commas and brackets (EF BC xx) keep their own. */
static bool dash_keyed(const rl_ctx *c, const rl_side *sd, const char *mark)
{
	for (uint32_t t = 0; t < sd->n; t++) {
		const rl_token *tk = &sd->tok[t];
		if (tk->len != strlen(mark) || memcmp(sd->text + tk->off, mark, tk->len) != 0)
			continue;
		size_t len;
		const char *key = rl_interner_key(c->in, sd->ids[t], &len);
		return len > 0 && key[0] == RL_MARKER_KEY;
	}
	cr_assert_fail("no token %s", mark);
	return false;
}

Test(structure, glued_dash_forms_keyed_and_full_width_marks_not)
{
	text_ctx x;
	const rl_side *sd = text_ctx_open(&x, "\xe6\xb5\xb7\xef\xb9\x98\xe9\xa2\xa8\xef\xbc\x8c"
	                                      "\xe9\x9b\xa8\xef\xb8\xb1\xe9\x9b\xaa\xef\xbc\x88"
	                                      "\xe6\x9c\x88\xef\xbc\x89\xe3\x80\x82");
	cr_assert(dash_keyed(&x.c, sd, "\xef\xb9\x98"), "U+FE58 small em dash");
	cr_assert(dash_keyed(&x.c, sd, "\xef\xb8\xb1"), "U+FE31 vertical em dash");
	cr_assert_not(dash_keyed(&x.c, sd, "\xef\xbc\x8c"), "U+FF0C full-width comma");
	cr_assert_not(dash_keyed(&x.c, sd, "\xef\xbc\x88"), "U+FF08 full-width bracket");
	text_ctx_close(&x);
}

/* A dash is keyed as a spaced hyphen is, whatever its spacing: "PORT ELLEN - The" against
 * "PORT ELLEN – The" is typography (shown under --strict), "sea — and" against "sea—and" no
 * change; a dash never pairs with a word's hyphen, and an en dash that joins is a hyphen. */
Test(structure, a_dash_pairs_with_a_dash_not_a_hyphen)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	script_is("PORT ELLEN - The ferry sailed.", "PORT ELLEN \xe2\x80\x93 The ferry sailed.", &o,
	          "= PORT ELLEN - The ferry sailed .");
	script_is("A calm sea \xe2\x80\x94 and -- then -- rain.", "A calm sea\xe2\x80\x94" "and \xe2\x80\x94 "
	          "then\xe2\x80\x94rain.", &o, "= A calm sea \xe2\x80\x94 and -- then -- rain .");
	script_is("Open 1990\xe2\x80\x93" "1995.", "Open 1990-1995.", &o, "= Open 1990 \xe2\x80\x93 1995 .");
	script_lacks("The closed-source tools.", "The closed \xe2\x80\x94 source tools.", &o,
	             "= The closed -");
	script_is("The score: 2 - 1 to Rovers.", "The score: 2-1 to Rovers.", &o,
	          "= The score : 2 - 1 to Rovers .");
	script_lacks("PORT ELLEN - The ferry sailed.", "Summary\n- The ferry sailed.", &o, "= PORT ELLEN -");
	/* A quotation's hyphen is not the dash after it: "meta" and "information" go with it. */
	script_has("It is called its \xe2\x80\x9cmeta-information\xe2\x80\x9d - information about it.",
	           "It is called its - information.", &o,
	           "d \xe2\x80\x9c meta - information \xe2\x80\x9d !removed | = - information");
	o.key.fold_typography = false;
	script_has("PORT ELLEN - The ferry sailed.", "PORT ELLEN \xe2\x80\x93 The ferry sailed.", &o,
	           "\xe2\x80\x93");
	script_is("A calm sea \xe2\x80\x94 and.", "A calm sea\xe2\x80\x94" "and.", &o,
	          "= A calm sea \xe2\x80\x94 and .");
}

/* Issue 10: a list marker is never paired with text: a dateline deleted where a bullet starts is
 * a deletion, and the bullet's dash an insertion glued to the words it starts. */
Test(structure, a_marker_is_never_paired_with_text)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	const char *a = "PORT ELLEN \xe2\x80\x94 The ferry sailed at dawn with two crew.";
	const char *b = "Summary\n- The ferry sailed at dawn with two crew.";
	script_lacks(a, b, &o, "> -");
	script_has(a, b, &o, "| i - | = The ferry sailed");
	/* A clause replaced by a bullet's dash alone: deleted, and the dash inserted. */
	script_lacks("Open water swimming, once a fringe pastime, grew.\n\nThe club met daily.",
	             "- The club met daily.", &o, "> -");
}

/* A numbered heading and the sentence under it replaced by a bullet's dash alone (a summary's
 * "- Complaints rose" for "5. Safety / There were three collisions. Complaints rose"): the
 * heading's "5." is a marker too, but it starts deleted text, so the pair is no bullet for a
 * bullet: the heading and sentence are deleted and the dash is inserted before its words. */
Test(structure, a_heading_number_is_not_a_bullet_for_a_dash)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	const char *a = "Safety was good.\n\n5. Safety\n\nThere were three minor collisions during the "
	                "year, none of which caused injury. Complaints about noise rose from 58 to 87.";
	const char *b = "Safety was good.\n- Complaints about noise rose from 58 to 87.";
	script_lacks(a, b, &o, "> -");
	script_has(a, b, &o, "| i - | = Complaints about noise");
}

/* A stop glued to a kept word in NEW ("87.") stays beside it when the rest of OLD's sentence and
 * the sentences after it are deleted: inserted after its word, not paired with OLD's last stop
 * (nor inserted after all the deletions), which the side-by-side draws rows below "87". */
Test(structure, a_glued_stop_stays_with_its_word)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	script_has("Complaints about noise rose from 58 to 87, most of them on the two routes "
	           "to Dunmore. Cameras are now fitted on 20 buses.\n\n6. Costs\n\nThe "
	           "service cost a lot, of which fuel was the largest part.\n",
	           "- Complaints about noise rose from 58 to 87.\n- Parents can write.\n", &o,
	           "= Complaints about noise rose from 58 to 87 | i . | d ,");
	/* A short deletion inside the sentence keeps the stop paired. */
	script_is("Noise rose to 87, mostly at night.", "Noise rose to 87.", &o,
	          "= Noise rose to 87 | d , mostly at night | = .");
}

/* Issue 10: a list renumbered around an inserted item keeps its items: each marker pairs with
 * the one at its item's place, the new item is inserted whole, and each new number is a replace
 * of the number alone (an equal op never holds "1" against "2"). */
Test(structure, a_renumbered_list_keeps_its_items)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	script_is("Before you start:\n1. Fill the kettle.\n2. Warm the pot.\n3) Add the leaves.",
	          "Before you start:\n1. Rinse the cups.\n2. Fill the kettle.\n3. Warm the pot."
	          "\n4) Add the leaves.",
	          &o,
	          "= Before you start : | i 1 . Rinse the cups . | r 1 > 2 | = . Fill the kettle . "
	          "| r 2 > 3 | = . Warm the pot . | r 3 > 4 | = ) Add the leaves .");
	/* A marker's close is its own: "3." is not "3)". */
	script_has("Steps\n1. Fill the kettle.", "Steps\n1) Fill the kettle.", &o, "r . > )");
}

/* Issue 10: list numbers and letters that differ are never kept as they are, whatever pairs
 * them: the stages, the minimal script, a list run into a paragraph. */
Test(structure, an_equal_op_never_holds_two_numbers)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	char *got = diff_text("Pack two things: a) a torch. b) a flask of tea.",
	                      "Pack two things: b) a torch. c) a flask of tea.", &o);
	cr_assert_str_eq(got, "= Pack two things : | r a > b | = ) a torch . | r b > c | = ) a flask of tea .",
	                 "%s", got);
	free(got);
	o.minimal = true;
	got = diff_text("Rules\n7. Walk on the left.", "Rules\n8. Walk on the left.", &o);
	cr_assert_str_eq(got, "= Rules | r 7 > 8 | = . Walk on the left .", "%s", got);
	free(got);
}

/* Issue 10: a rewrite never starts at the hyphen of a compound whose first part stayed: the
 * first part goes with it ("closed[--source …-] | closed {+ones+}" read as a bullet). */
Test(structure, a_compound_is_not_cut_at_its_hyphen)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	const char *a = "Our plan is to ship closed-source tools to every customer of the firm.";
	const char *b = "Our plan is to ship closed ones, the board said.";
	script_has(a, b, &o, "= Our plan is to ship | r closed - source tools");
	script_has(a, b, &o, "> closed ones");
	/* A compound whose second part changed keeps its first part and hyphen. */
	script_is("They met behind closed-door rooms.", "They met behind closed-shop rooms.", &o,
	          "= They met behind closed - | r door > shop | = rooms .");
	/* Nor ends at the hyphen of a compound whose second part stayed: the second part goes with
	 * it, both ways ("[-… its long--]delayed" read as a dash deleted). */
	const char *c = "The yard said the council is getting ready to open its long-delayed harbour "
	                "ferry.";
	const char *d = "The yard said the council\xe2\x80\x99s delayed harbour ferry opens soon.";
	script_has(c, d, &o, "r is getting ready to open its long - delayed > \xe2\x80\x99 s delayed |");
	script_has(d, c, &o, "r \xe2\x80\x99 s delayed > is getting ready to open its long - delayed |");
	/* A compound kept whole after a rewrite keeps its parts. */
	script_has("We sold the old long-delayed boats.", "We bought new long-delayed boats.", &o,
	           "= long - delayed boats .");
}

/* A changed number is shown whole: the parts the exact diff keeps ("1," of "1,260" -> "1,520")
 * go into the rewrite on both sides; the parts stay tokens for the diff itself, so --minimal
 * keeps them, and a number written out before its marks ("seven.40") keeps what it shares. */
Test(structure, a_changed_number_is_shown_whole)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	script_is("The depot sold 1,260 tickets at 06:45 for release 4.12.1 today.",
	          "The depot sold 1,520 tickets at 06:50 for release 4.12.3 today.", &o,
	          "= The depot sold | r 1 , 260 > 1 , 520 | = tickets at | r 06 : 45 > 06 : 50 | "
	          "= for release | r 4 . 12 . 1 > 4 . 12 . 3 | = today .");
	/* Both ends of a number changed: one rewrite of it, not two around its kept mark. */
	script_is("Fares rose 3.5 per cent.", "Fares rose 4.6 per cent.", &o,
	          "= Fares rose | r 3 . 5 > 4 . 6 | = per cent .");
	/* A number's head changed, its tail kept. */
	script_is("Fares rose 3.5 per cent.", "Fares rose 4.5 per cent.", &o,
	          "= Fares rose | r 3 . 5 > 4 . 5 | = per cent .");
	/* A year before a stop, a list of numbers, a number written out: no number is cut. */
	script_is("It opened in 2019. Then 3, 4 and 7.40 ran.",
	          "It opened in 2020. Then 3, 5 and seven.40 ran.", &o,
	          "= It opened in | r 2019 > 2020 | = . Then 3 , | r 4 > 5 | = and | r 7 > seven | "
	          "= . 40 ran .");
	o.minimal = true;
	script_is("The depot sold 1,260 tickets.", "The depot sold 1,520 tickets.", &o,
	          "= The depot sold 1 , | r 260 > 520 | = tickets .");
}

/* Issue 10: items added to a list are one change each, not one insertion of the lot. */
Test(structure, list_items_are_changes_of_their_own)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	script_has("Notes on the trip:\n- Pack the tent early\n\nWe left at six.\n",
	           "Notes on the trip:\n- Pack the tent early\n- Check the stove works\n"
	           "- Buy fuel in town\n\nWe left at six.\n",
	           &o, "| i - Check the stove works | i - Buy fuel in town |");
	/* Deleted items too; a deleted paragraph of prose stays one change. */
	script_has("Kit:\n* rope\n* knife\n* map\n\nThe end.", "Kit:\n* rope\n\nThe end.", &o,
	           "| d * knife | d * map |");
}

/* Issue 10: a rewrite that runs into the next list item on one side stops at its marker, and an
 * item's marker is drawn with its words, never left at the end of the item before. */
Test(structure, a_rewrite_stops_at_the_next_item)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	const char *a = "The mayor said the ferry would keep running, the harbour master added.\n\n"
	                "The council met again on Friday.";
	const char *b = "- The mayor said the ferry would keep running alongside a new bus\n"
	                "- The council met again on Friday";
	script_has(a, b, &o, "| r , the harbour master added . > alongside a new bus | i - | "
	                     "= The council met again on Friday");
	/* Without the stages the exact script puts the dash in the rewrite. */
	script_has(a, b, without(~0u), "> alongside a new bus - |");
}

/* Issue 10: a quotation cut out of a rewrite as a removed one leaves the rewrite whole: the NEW
 * words that go on with its sentence are not drawn below the quotation ("{+alongside+}
 * [-“…”-] {+closed ones+}"), and the next item's marker stays with its words. */
Test(structure, a_removed_quotation_does_not_cut_a_rewrite)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	const char *a = "\"We will keep the ferry running,\" the mayor said. \"We have never broken a "
	                "promise to this island and we never will.\"\n\nThe council met again on "
	                "Friday.";
	const char *b = "- The mayor vowed to \"keep the ferry running\" alongside a new harbour bus\n"
	                "- The council met again on Friday";
	script_has(a, b, &o, "| r the mayor said . > alongside a new harbour bus | d \" We have never");
	script_has(a, b, &o, "never will . \" !removed | i - | = The council");
}

/* Issue 10: a deletion that a moved passage's place cut in two (a quotation's opening mark
 * deleted above the passage, its words below it) is one deletion again, after the passage. */
Test(structure, a_deletion_is_not_cut_by_a_move)
{
	const char *a = "Intro. \xe2\x80\x9cGone words,\xe2\x80\x9d she said. Kept passage here.";
	const char *b = "Intro. Kept passage here. Extra.";
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x, a, b);
	cr_assert_eq(c->side[RL_OLD].n, 14);
	cr_assert_eq(c->side[RL_NEW].n, 8);
	const rl_op in[] = {
		{0, 2, 0, 2, 0, RL_OP_EQUAL, 0},   {2, 3, 2, 2, 0, RL_OP_DELETE, 0},
		{10, 14, 2, 6, 1, RL_OP_MOVE, 0},  {3, 10, 6, 6, 0, RL_OP_DELETE, 0},
		{14, 14, 6, 8, 0, RL_OP_INSERT, 0},
	};
	rl_opvec ops;
	text_ctx_stage(&x, rl_edges_tidy, in, 5, &ops);
	cr_assert_eq(ops.n, 4);
	cr_assert(ops.v[1].move == 1 && ops.v[2].kind == RL_OP_DELETE);
	cr_assert(ops.v[2].a0 == 2 && ops.v[2].a1 == 10 && ops.v[2].b0 == 6 && ops.v[2].b1 == 6);
	rl_opvec_free(&ops);
	text_ctx_close(&x);
}

/* The structure passes visit only the candidates the context lists (ctx.h): the units and
 * quotations they find are the ones a visit of every token finds, on a text with a bit of
 * everything (stops before closers, titles, inline and numbered items, marks of every kind, a
 * quotation after "she said:", words of scripts without spaces, text glued to punctuation). */
Test(structure, candidates_find_what_every_token_finds)
{
	const char *text =
	    "Mr. Okafor said the keeper\xe2\x80\x99s lamp (a Fresnel lens.) was sold. \xe2\x80\x9cWe "
	    "wept,\xe2\x80\x9d she wrote; \xe2\x80\x98not once\xe2\x80\x99. Then: 1. Keep it 2. Sell "
	    "it. a) paint b) repair\n\n- First item\n* Second item \xe2\x80\xa2 Third\n\n"
	    "The mayor told reporters:\n\nThe light stays lit. It stays.\n\n"
	    "\xc2\xab Oui \xc2\xbb, dit-il. \"Quoted\"word and 'single' ones.\x0c"
	    "\xe7\x81\xaf\xe5\xa1\x94\xe3\x80\x82\xe3\x80\x8c\xe5\xa5\xbd\xe3\x80\x8d"
	    " Approx. five. J. Smith left!\xe2\x80\x9d Yes? No\xe2\x80\xa6 U.S. troops. 3.5 miles. "
	    "From a stream. tidewrap runs. Sold. - Buyer pays fees The owner stays.";
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_tokens *toks[2];
	rl_ctx c;
	cr_assert_eq(rl_tokenize(&toks[0], text, strlen(text)), RL_OK);
	cr_assert_eq(rl_tokenize(&toks[1], "Mr. Okafor said so.", 19), RL_OK);
	cr_assert_eq(rl_ctx_init(&c, toks[0], toks[1], &o), RL_OK);
	rl_side *sd = &c.side[RL_OLD];
	cr_assert(sd->listed && sd->ucand.n < sd->n && sd->qcand.n < sd->ucand.n,
	          "%u and %u candidates of %u tokens", sd->ucand.n, sd->qcand.n, sd->n);
	cr_assert_eq(rl_units_find(&c, RL_OLD), RL_OK);
	cr_assert_eq(rl_quotes_find(&c, RL_OLD), RL_OK);
	uint32_t nunits = sd->nunits, *ubase = sd->ubase, *ustart = sd->ustart;
	uint8_t *ugrp = sd->ugrp;
	uint8_t *uflags = sd->uflags;
	rl_quotation *quotes = sd->quotes;
	size_t nquotes = sd->nquotes;
	cr_assert(nunits > 10 && nquotes > 4, "%u units, %zu quotations", nunits, nquotes);
	rl_ctx_unlist(sd);  /* every token */
	cr_assert_eq(rl_units_find(&c, RL_OLD), RL_OK);
	cr_assert_eq(rl_quotes_find(&c, RL_OLD), RL_OK);
	cr_assert_eq(sd->nunits, nunits);
	cr_assert_eq(memcmp(sd->ugrp, ugrp, rl_ugrp_bytes(sd->n)), 0);
	cr_assert_eq(memcmp(sd->ubase, ubase, ((sd->n + 255) >> 8) * sizeof *ubase), 0);
	cr_assert_eq(memcmp(sd->ustart, ustart, (nunits + 1) * sizeof *ustart), 0);
	cr_assert_eq(memcmp(sd->uflags, uflags, nunits), 0);
	cr_assert_eq(sd->nquotes, nquotes);
	for (size_t k = 0; k < nquotes; k++)
		cr_assert(sd->quotes[k].t0 == quotes[k].t0 && sd->quotes[k].t1 == quotes[k].t1 &&
		          sd->quotes[k].depth == quotes[k].depth, "quotation %zu", k);
	rl_map_free_from(ugrp, rl_ugrp_bytes(sd->n), rl_side_map_from(sd->n));
	free(ubase), free(ustart), free(uflags), free(quotes);
	rl_ctx_release(&c);
	rl_tokens_free(toks[0]);
	rl_tokens_free(toks[1]);
}

/* Initials of any script with case do not end a sentence ("Ф. М. Герштейн", as "J. Smith"), nor
 * does a question in brackets before a dash ("брат (двоюродный?) — ..."): a list item of NEW was
 * cut in three units there, and the last drawn as derived from an OLD sentence that shared its
 * reference. */
/* A token's unit is kept in a byte for 8 tokens (the unit of each 256th token, and each 8th
 * token's distance from it; the rest from the units' starts): rl_unit_of gives every token the unit
 * whose tokens hold it, across blocks of 256 tokens that start many units (short sentences), one
 * unit (a long sentence), or a unit's middle. */
Test(structure, the_unit_of_each_token_kept_in_a_byte_for_eight)
{
	static char text[16384];
	size_t len = 0;
	for (int i = 0; i < 300; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, "Go. ");
	len += (size_t)snprintf(text + len, sizeof text - len, "The long one");
	for (int i = 0; i < 700; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, " and on");
	len += (size_t)snprintf(text + len, sizeof text - len, ".\n\n");
	for (int i = 0; i < 400; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, "Yes, %d. ", i);
	cr_assert(len < sizeof text - 1);
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_tokens *toks[2];
	rl_ctx c;
	cr_assert_eq(rl_tokenize(&toks[0], text, len), RL_OK);
	cr_assert_eq(rl_tokenize(&toks[1], "Go.", 3), RL_OK);
	cr_assert_eq(rl_ctx_init(&c, toks[0], toks[1], &o), RL_OK);
	cr_assert_eq(rl_units_find(&c, RL_OLD), RL_OK);
	const rl_side *sd = &c.side[RL_OLD];
	cr_assert_eq(sizeof sd->ugrp[0], 1);  /* for 8 tokens */
	cr_assert_eq(rl_ugrp_bytes(sd->n), (sd->n >> 3) + 1);
	cr_assert(sd->n > 3000 && sd->nunits > 600, "%u tokens, %u units", sd->n, sd->nunits);
	uint32_t longest = 0;
	for (uint32_t u = 0; u < sd->nunits; u++) {
		uint32_t span = sd->ustart[u + 1] - sd->ustart[u];
		longest = span > longest ? span : longest;
	}
	cr_assert(longest > 1000, "the long sentence: %u tokens", longest);
	for (uint32_t t = 0; t < sd->n; t++) {
		uint32_t u = rl_unit_of(sd, t);
		cr_assert(u < sd->nunits && sd->ustart[u] <= t && t < sd->ustart[u + 1],
		          "token %u: unit %u of %u", t, u, sd->nunits);
	}
	rl_ctx_release(&c);
	rl_tokens_free(toks[0]);
	rl_tokens_free(toks[1]);
}

/* Issue 13 (stop 35): on a long side (RL_SIDE_MAP tokens, 2^17) the per-token arrays every stage
 * reads, the words before each token and the units, are mapped on their own (page-aligned: a
 * block from malloc never is), out of the heap the stages' lists share, and the units take a byte
 * for 8 tokens; every token still has its unit. (Before: both from malloc, a byte a token.) */
Test(structure, a_long_sides_words_and_units_are_mapped_on_their_own)
{
	size_t cap = (size_t)9 << 17, len = 0;
	char *text = malloc(cap);
	cr_assert(text);
	for (int i = 0; len + 64 < cap && i < (1 << 16) + 4000; i++)
		len += (size_t)snprintf(text + len, cap - len, i % 9 ? "Go on. " : "Yes, go %d.\n\n", i);
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_tokens *toks[2];
	rl_ctx c;
	cr_assert_eq(rl_tokenize(&toks[0], text, len), RL_OK);
	cr_assert_eq(rl_tokenize(&toks[1], "Go.", 3), RL_OK);
	cr_assert_eq(rl_ctx_init(&c, toks[0], toks[1], &o), RL_OK);
	cr_assert_eq(rl_units_find(&c, RL_OLD), RL_OK);
	const rl_side *sd = &c.side[RL_OLD];
	cr_assert(sd->n >= (1u << 17) && sd->nunits > 60000, "%u tokens, %u units", sd->n, sd->nunits);
	cr_assert_eq((uintptr_t)sd->wlow % 4096, 0, "the words before each token: from malloc");
	cr_assert_eq((uintptr_t)sd->ugrp % 4096, 0, "the units: from malloc");
	cr_assert_eq(rl_ugrp_bytes(sd->n), (sd->n >> 3) + 1);
	for (uint32_t t = 0; t < sd->n; t++) {
		uint32_t u = rl_unit_of(sd, t);
		cr_assert(u < sd->nunits && sd->ustart[u] <= t && t < sd->ustart[u + 1],
		          "token %u: unit %u of %u", t, u, sd->nunits);
	}
	rl_ctx_release(&c);
	rl_tokens_free(toks[0]);
	rl_tokens_free(toks[1]);
	free(text);
}

Test(structure, initials_beyond_ascii_and_a_dash_after_a_stop_go_on)
{
	cr_assert_str_eq(units_of("* Сестра — Лия Егорова, брат (двоюродный?) — Ф. М. Герштейн, "
	                          "смотритель маяка. Он жил в Холмби."),
	                 "* Сестра — Лия Егорова, брат (двоюродный?) — Ф. М. Герштейн, смотритель "
	                 "маяка. / Он жил в Холмби.");
	cr_assert_str_eq(units_of("Σ. Παπαδόπουλος kept the light. It never failed."),
	                 "Σ. Παπαδόπουλος kept the light. / It never failed.");
	/* A lower-case letter is no initial: "г." (a year) before a capital ends the sentence. */
	cr_assert_str_eq(units_of("Маяк построен в 1931 г. Он стоит до сих пор."),
	                 "Маяк построен в 1931 г. / Он стоит до сих пор.");
}

/* What the context's names table says of the word `w` (its first token on side s). */
static int name_of(rl_ctx *c, int s, const char *text, const char *w)
{
	const rl_side *sd = &c->side[s];
	for (uint32_t t = 0; t < sd->n; t++)
		if (sd->tok[t].len == strlen(w) && memcmp(text + sd->tok[t].off, w, sd->tok[t].len) == 0)
			return rl_ctx_names(c)[sd->ids[t]];
	cr_assert_fail("no %s", w);
	return -1;
}

/* Issue 13 (stop 30): the names table is found once per context and shared by the stages that
 * read it (pairing, the sources stage): the same table at each ask, equal to a pass of
 * rl_names_find of its own. */
Test(structure, the_names_table_is_found_once_and_matches_a_pass_of_its_own)
{
	const char *a = "The ferry from Tollmere left at noon. Crews said the harbour was calm. "
	                "A Harbour official and Wendeline Quast waved.\n";
	const char *b = "Wendeline Quast said the ferry left Tollmere late. Gulls followed the "
	                "Ferry out. Nobody in the harbour minded.\n";
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x, a, b);
	const uint8_t *names = rl_ctx_names(c);
	cr_assert_not_null(names);
	cr_assert_eq(rl_ctx_names(c), names, "asked again: the same table, not a new pass");
	uint8_t *own = calloc(c->nids + 1, 1);
	cr_assert_not_null(own);
	rl_names_find(c, own);
	for (size_t id = 0; id < c->nids; id++)
		cr_assert_eq(names[id], own[id], "id %zu", id);
	free(own);
	cr_assert_eq(name_of(c, RL_OLD, a, "Tollmere"), RL_NAME_SEEN);
	cr_assert_eq(name_of(c, RL_OLD, a, "Quast"), RL_NAME_SEEN);
	cr_assert_eq(name_of(c, RL_OLD, a, "harbour"), RL_NAME_LOWER);
	cr_assert_eq(name_of(c, RL_NEW, b, "the"), RL_NAME_LOWER);
	cr_assert_eq(name_of(c, RL_NEW, b, "Gulls"), 0, "a sentence's first word");
	text_ctx_close(&x);
}

/* With -i an id holds both cases: a word seen in lower case anywhere, before or after it is seen
 * capitalized inside a sentence, is no name (rl_names_find skips its tests once it is lower case
 * for good); one never seen in lower case is. */
Test(structure, a_word_seen_in_lower_case_is_no_name_with_either_case_first)
{
	const char *a = "Boats left the Harbour at dawn. Later the harbour emptied.\n";
	const char *b = "Crews saw the ferry leave. Then the Ferry and Brannoch turned back.\n";
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.key.fold_case = true;
	text_ctx x;
	cr_assert_eq(rl_tokenize(&x.toks[0], a, strlen(a)), RL_OK);
	cr_assert_eq(rl_tokenize(&x.toks[1], b, strlen(b)), RL_OK);
	cr_assert_eq(rl_pipeline_ctx(&x.c, x.toks[0], x.toks[1], &o), RL_OK);
	cr_assert_eq(name_of(&x.c, RL_OLD, a, "Harbour"), RL_NAME_LOWER, "capitalized first");
	cr_assert_eq(name_of(&x.c, RL_NEW, b, "Ferry"), RL_NAME_LOWER, "lower case first");
	cr_assert_eq(name_of(&x.c, RL_NEW, b, "Brannoch"), RL_NAME_SEEN);
	text_ctx_close(&x);
}

/* Issue 13 (stop 31): rl_unit_heading counts a unit's words before it asks for a list marker
 * (most units are sentences longer than any heading). Either test still says no on its own: a
 * short list item, a long line with a marker or without one; a short line of its own is a
 * heading, a short line ending in a stop is none. A guard of the order (it passes before the
 * change as well). */
Test(structure, a_heading_is_told_by_its_words_and_its_marker_in_either_order)
{
	const char *text = "Harbour Notes From Tollmere\n\n"
	                   "1. Ferry times\n"
	                   "- one two three four five six seven eight nine ten eleven twelve "
	                   "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty "
	                   "twentyone\n"
	                   "one two three four five six seven eight nine ten eleven twelve "
	                   "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty "
	                   "twentyone\n"
	                   "The ferry left.\n"
	                   "Quay Works Begin\n";
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x, text, text);
	const rl_side *sd = &c->side[RL_OLD];
	bool want[6] = {true, false, false, false, false, true};
	cr_assert_eq(sd->nunits, 6, "one unit a line: %u", sd->nunits);
	for (uint32_t u = 0; u < sd->nunits; u++)
		cr_assert_eq(rl_unit_heading(c, RL_OLD, u), want[u], "unit %u", u);
	text_ctx_close(&x);
}

/* The per-unit arrays hold the units found, not a unit a token: allocated for the worst case (a
 * unit a token), the unit flags stayed in malloc's heap at a byte a token through the whole
 * comparison. Long sentences here: 40 units of 150 words. */
Test(structure, the_unit_arrays_are_cut_to_the_units_found)
{
	static char text[65536];
	size_t len = 0;
	for (int s = 0; s < 40; s++) {
		len += (size_t)snprintf(text + len, sizeof text - len, "Then");
		for (int w = 0; w < 150; w++)
			len += (size_t)snprintf(text + len, sizeof text - len, " on");
		len += (size_t)snprintf(text + len, sizeof text - len, ". ");
	}
	cr_assert(len < sizeof text - 1);
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_tokens *toks[2];
	rl_ctx c;
	cr_assert_eq(rl_tokenize(&toks[0], text, len), RL_OK);
	cr_assert_eq(rl_tokenize(&toks[1], "Go.", 3), RL_OK);
	cr_assert_eq(rl_ctx_init(&c, toks[0], toks[1], &o), RL_OK);
	cr_assert_eq(rl_units_find(&c, RL_OLD), RL_OK);
	const rl_side *sd = &c.side[RL_OLD];
	cr_assert(sd->n > 6000 && sd->nunits == 40, "%u tokens, %u units", sd->n, sd->nunits);
	cr_assert_eq(sd->ustart[40], sd->n);
	for (uint32_t u = 0; u < sd->nunits; u++)
		cr_assert_geq(sd->ustart[u + 1] - sd->ustart[u], 150, "unit %u", u);
#ifdef __GLIBC__
	cr_assert_lt(malloc_usable_size(sd->uflags), 1024, "unit flags: %zu bytes",
	             malloc_usable_size(sd->uflags));
	cr_assert_lt(malloc_usable_size(sd->ustart), 1024, "unit starts: %zu bytes",
	             malloc_usable_size(sd->ustart));
#endif
	rl_ctx_release(&c);
	rl_tokens_free(toks[0]);
	rl_tokens_free(toks[1]);
}
