/* Tests for quote.c: the quotations of a text, found in every style (marks of every language,
 * nesting, apostrophes, straight marks after brackets and ellipses, quotations across paragraphs,
 * list items and lines), and the innermost quotation of a walk. What a comparison flags is
 * test_quote_flags.c's; the ops at a quotation's edges, test_quote_edges.c's. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "quote.h"
#include "script_check.h"
#include "text_ctx.h"

/* The quotations of a text, as "depth:text" joined by " || ". */
static char *quotes_of(const char *text)
{
	static char out[2048];
	text_ctx x;
	const rl_side *sd = text_ctx_open(&x, text);
	size_t len = 0;
	out[0] = '\0';
	for (size_t k = 0; k < sd->nquotes; k++) {
		const rl_quotation *q = &sd->quotes[k];
		uint32_t s = sd->tok[q->t0].off, e = sd->tok[q->t1 - 1].off + sd->tok[q->t1 - 1].len;
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%u:%.*s", k ? " || " : "",
		                        (unsigned)q->depth, (int)(e - s), text + s);
	}
	text_ctx_close(&x);
	return out;
}

Test(quote, marks_of_every_style)
{
	cr_assert_str_eq(quotes_of("He said \xe2\x80\x9cno\xe2\x80\x9d twice."),
	                 "0:\xe2\x80\x9cno\xe2\x80\x9d");
	cr_assert_str_eq(quotes_of("He said \"no more\" twice."), "0:\"no more\"");
	cr_assert_str_eq(quotes_of("Sie sagte \xe2\x80\x9eja\xe2\x80\x9c dazu."),
	                 "0:\xe2\x80\x9eja\xe2\x80\x9c");
	cr_assert_str_eq(quotes_of("Il a dit \xc2\xab oui \xc2\xbb hier."), "0:\xc2\xab oui \xc2\xbb");
	cr_assert_str_eq(quotes_of("\xe3\x80\x8c\xe5\xa5\xbd\xe3\x80\x8d"),
	                 "0:\xe3\x80\x8c\xe5\xa5\xbd\xe3\x80\x8d");
}

Test(quote, nesting_and_apostrophes)
{
	const char *t = "\xe2\x80\x9cMy grandfather said, \xe2\x80\x98The lamp is ours.\xe2\x80\x99 "
	                "I\xe2\x80\x99" "d keep it,\xe2\x80\x9d he said.";
	cr_assert_str_eq(quotes_of(t),
	                 "0:\xe2\x80\x9cMy grandfather said, \xe2\x80\x98The lamp is ours.\xe2\x80\x99 "
	                 "I\xe2\x80\x99" "d keep it,\xe2\x80\x9d || 1:\xe2\x80\x98The lamp is ours.\xe2\x80\x99");
	/* A one-word quotation in single marks ends at its mark, though the word ends in s and
	 * another word follows (no plural possessive). */
	cr_assert_str_eq(quotes_of("It makes them \xe2\x80\x98walks\xe2\x80\x99 across a room, as "
	                           "the sailors\xe2\x80\x99 boats did."),
	                 "0:\xe2\x80\x98walks\xe2\x80\x99");
	cr_assert_str_eq(quotes_of("It is not \xe2\x80\x98" "Frequency Modulations\xe2\x80\x99 but a "
	                           "tone, as the sailors\xe2\x80\x99 charts say."),
	                 "0:\xe2\x80\x98" "Frequency Modulations\xe2\x80\x99");
	/* Apostrophes, possessives and a lone inch mark are no quotations. */
	cr_assert_str_eq(quotes_of("The students\xe2\x80\x99 union didn't meet; it's a 5\" screen."), "");
	cr_assert_str_eq(quotes_of("Meta AI \xe2\x80\x98s strategy is Meta\xe2\x80\x99s own."), "");
}

/* A straight mark glued after an opening bracket or a slash opens a quotation (sprintf("%d"),
 * perlvar/"$0") when none is open for it to close. */
Test(quote, a_straight_mark_after_a_bracket_opens)
{
	cr_assert_str_eq(quotes_of("It prints sprintf(\"%d\", 7) and stops."), "0:\"%d\"");
	cr_assert_str_eq(quotes_of("Can't do %s(\"%s\") here; it is \"%s\"."),
	                 "0:\"%s\" || 0:\"%s\"");
	cr_assert_str_eq(quotes_of("See perlvar/\"$0\" and [\"tab\"] too."),
	                 "0:\"$0\" || 0:\"tab\"");
	cr_assert_str_eq(quotes_of("Set TASK=\"-m test\" to run it."), "0:\"-m test\"");
	/* A name that starts with a dot or a colon, quoted in brackets. */
	cr_assert_str_eq(quotes_of("Files (\".txt\") and regions (\":extra\") stay."),
	                 "0:\".txt\" || 0:\":extra\"");
	/* A mark named in brackets is no opening mark. */
	cr_assert_str_eq(quotes_of("Use double quotes (\"). They may also be tripled (\"\"\"). "
	                           "A backslash (\\) escapes. A colon (\":\") or a dot (\".\")."),
	                 "");
	/* After a bracket or a slash, a mark still closes the quotation open before it. */
	cr_assert_str_eq(quotes_of("He said \"go (now)\" twice."), "0:\"go (now)\"");
	cr_assert_str_eq(quotes_of("Then \"/tmp/\" is used, or \"\\B{\" is."),
	                 "0:\"/tmp/\" || 0:\"\\B{\"");
}

Test(quote, across_paragraphs_and_unclosed)
{
	/* Each paragraph of a long quotation reopens it; only the last closes it. */
	cr_assert_str_eq(quotes_of("\xe2\x80\x9c" "First part.\n\n\xe2\x80\x9cSecond part.\xe2\x80\x9d"
	                           " she said."),
	                 "0:\xe2\x80\x9c" "First part.\n\n\xe2\x80\x9cSecond part.\xe2\x80\x9d");
	/* An opening mark never closed in its paragraph is not a quotation. */
	cr_assert_str_eq(quotes_of("\xe2\x80\x9cNever closed.\n\nA new paragraph \xe2\x80\x9d here."),
	                 "");
}

Test(quote, a_paragraph_after_he_said)
{
	cr_assert_str_eq(quotes_of("On a podcast, he said:\n\nWe will see. It is hard.\n\nThe end."),
	                 "0:We will see. It is hard.");
	cr_assert_str_eq(quotes_of("It includes the following:\n\nA list of things.\n"), "");
}

/* Issue 10: an apostrophe inside or at the end of a word never opens or closes a quotation. */
Test(quote, apostrophes_inside_quotations)
{
	/* Inside a word: "keeper’s" does not close the quotation it stands in. */
	cr_assert_str_eq(quotes_of("\xe2\x80\x98Ours is the keeper\xe2\x80\x99s lamp,\xe2\x80\x99 she "
	                           "said."),
	                 "0:\xe2\x80\x98Ours is the keeper\xe2\x80\x99s lamp,\xe2\x80\x99");
	cr_assert_str_eq(quotes_of("\xe2\x80\x98They\xe2\x80\x99re late again,\xe2\x80\x99 he said."),
	                 "0:\xe2\x80\x98They\xe2\x80\x99re late again,\xe2\x80\x99");
	/* An elision between spaces. */
	cr_assert_str_eq(quotes_of("\xe2\x80\x98We played rock \xe2\x80\x99n\xe2\x80\x99 roll all "
	                           "night,\xe2\x80\x99 he said."),
	                 "0:\xe2\x80\x98We played rock \xe2\x80\x99n\xe2\x80\x99 roll all "
	                 "night,\xe2\x80\x99");
	/* A plural possessive, when a later mark closes the quotation. */
	cr_assert_str_eq(quotes_of("\xe2\x80\x98The sailors\xe2\x80\x99 hut is shut,\xe2\x80\x99 she "
	                           "said."),
	                 "0:\xe2\x80\x98The sailors\xe2\x80\x99 hut is shut,\xe2\x80\x99");
	/* A left mark typed inside a word for an apostrophe opens nothing. */
	cr_assert_str_eq(quotes_of("We don\xe2\x80\x98t know. \xe2\x80\x98Maybe,\xe2\x80\x99 he said."),
	                 "0:\xe2\x80\x98Maybe,\xe2\x80\x99");
}

/* Issue 10: the value of a markup attribute glued after "name=" is no quotation (wiki text and
 * HTML source: <ref name=":0" />, |rowspan="2" style="text-align:left"|), while a quotation in
 * the prose around it, and a value quoted in a sentence, still are. */
Test(quote, attribute_values_are_no_quotations)
{
	cr_assert_str_eq(quotes_of("The ferry ran daily.<ref name=\":0\" /> She said \"not on "
	                           "Sundays\" at the pier."),
	                 "0:\"not on Sundays\"");
	cr_assert_str_eq(quotes_of("{| class=\"wikitable\"\n|rowspan=\"2\" "
	                           "style=\"text-align:left\"|Gull Point\n! style=\"width:50%\" | "
	                           "Tides\n| bgcolor =\"#b6fcb6\" | Ebb\n|}"), "");
	cr_assert_str_eq(quotes_of("<span class='note'>Tide \"low\"</span> and alt=\"\">"),
	                 "0:\"low\"");
	/* A stray attribute mark no longer closes a quotation opened in the prose. */
	cr_assert_str_eq(quotes_of("He wrote \"see <a href=\"tides.html\">the table</a> first\" "
	                           "and left."),
	                 "0:\"see <a href=\"tides.html\">the table</a> first\"");
	/* An inserted reference with a name adds no quotation. */
	script_lacks("The ferry ran daily. It stopped in 1990.",
	             "The ferry ran daily.<ref name=\"harbour\">Port log, 1990.</ref> It stopped in "
	             "1990.", NULL, "!");
}

/* A straight mark glued after an ellipsis and before text opens a second quotation when none is
 * open for it to close ("a"..."b", a range of two quoted names). */
Test(quote, a_straight_mark_after_an_ellipsis_opens)
{
	cr_assert_str_eq(quotes_of("Each \"=start list\"...\"=stop list\" region holds items."),
	                 "0:\"=start list\" || 0:\"=stop list\"");
	cr_assert_str_eq(quotes_of("From \"10\"..\"-2\" it counts down."), "0:\"10\" || 0:\"-2\"");
	cr_assert_str_eq(quotes_of("Say \"a\"\xe2\x80\xa6\"z\" aloud."), "0:\"a\" || 0:\"z\"");
	/* After an ellipsis, a mark still closes the quotation open before it. */
	cr_assert_str_eq(quotes_of("She said \"wait...\"-and left."), "0:\"wait...\"");
}

/* A straight double mark glued after a bracket opens a string that starts with an apostrophe
 * (printf("'%e'")), unless the apostrophe is all the brackets hold ("'"): a mark named. */
Test(quote, a_straight_mark_after_a_bracket_opens_before_an_apostrophe)
{
	cr_assert_str_eq(quotes_of("The routine printf(\"'%e'\", 0.) prints it."), "0:\"'%e'\"");
	cr_assert_str_eq(quotes_of("Its call f(\"'name'\") is right."), "0:\"'name'\"");
	cr_assert_str_eq(quotes_of("Use an apostrophe (\"'\") or a mark (\"\"\") here."), "");
	/* Its removal is flagged. */
	script_has("The routine printf(\"'%e'\", 0.) prints the value.\n",
	           "The routine printf(, 0.) prints the value.\n", NULL, "!removed");
}

/* Double marks do not nest in their own kind: a second opening double mark while one is open
 * drops the first (a stray mark), which would otherwise run to a closing mark far away. */
Test(quote, a_second_opening_double_mark_drops_the_stray_one)
{
	cr_assert_str_eq(quotes_of("Execute \"setup.rc -a. Read \"perldoc perlpod\" first. Then run "
	                           "make\" twice."),
	                 "0:\"perldoc perlpod\"");
	cr_assert_str_eq(quotes_of("He wrote \xe2\x80\x9cone. Then \xe2\x80\x9ctwo\xe2\x80\x9d and "
	                           "three\xe2\x80\x9d done."),
	                 "0:\xe2\x80\x9ctwo\xe2\x80\x9d");
	/* Nested quotations of the other kind still nest. */
	cr_assert_str_eq(quotes_of("\"He said 'no' twice,\" she wrote."),
	                 "0:\"He said 'no' twice,\" || 1:'no'");
}

/* A straight mark glued after a bracket or a slash that could close a quotation opened far before
 * it (150 words and more) opens one instead: the old one was a stray mark. */
Test(quote, a_mark_that_could_close_a_far_quotation_opens)
{
	char text[4096] = "Docs are not \"dual-life. ";
	for (int k = 0; k < 20; k++)
		strcat(text, "The keeper lit the lamp at dusk every day. ");
	strcat(text, "Some functions differ on ports (/\"PERFORM IMPLEMENTATIONS\").");
	cr_assert_str_eq(quotes_of(text), "0:\"PERFORM IMPLEMENTATIONS\"");
	/* Near, it closes the quotation open before it. */
	cr_assert_str_eq(quotes_of("See \"/tmp/\" and go."), "0:\"/tmp/\"");
}

/* A straight ' that would close a quotation opened 150 words and more before it closes nothing,
 * and the mark that opened it was an apostrophe ("count 'em!"): in a text run into one line no
 * paragraph break ends such a quotation, and every change inside it was flagged altered, each
 * swap cut into a deletion and an insertion. Near, the marks still quote. */
Test(quote, a_straight_apostrophe_far_from_its_closer_quotes_nothing)
{
	char a[4096] = "Mend the nets and count 'em! ", b[4096];
	for (int k = 0; k < 20; k++)
		strcat(a, "The keeper lit the lamp at dusk every day. ");
	strcpy(b, a);
	strcat(a, "The sailors' boats came home late.");
	strcat(b, "The sailors' boats came back late.");
	cr_assert_str_eq(quotes_of(a), "");
	script_has(a, b, NULL, "r home > back");
	script_lacks(a, b, NULL, "!altered");
	cr_assert_str_eq(quotes_of("She called it 'the old lamp' twice, as the sailors' wives did."),
	                 "0:'the old lamp'");
}

/* A quotation never runs from one list item into another (a bullet that quotes half a sentence
 * leaves a stray mark), and a list after "as one hacker commented:" is a list, not a quotation
 * set as a paragraph. A mark that starts a line while a quotation of its kind is open reopens
 * it, as a new paragraph does (a letter's signature lines). */
Test(quote, list_items_and_lines)
{
	cr_assert_str_eq(quotes_of("- It is \xe2\x80\x9c" "a plan\n- The vote\xe2\x80\x9d was close.\n"),
	                 "");
	cr_assert_str_eq(quotes_of("- Docs are not \"dual-life\n- They changed \"twice\" since.\n"),
	                 "0:\"twice\"");
	cr_assert_str_eq(quotes_of("As one keeper once commented:\n\n- A list item here.\n"), "");
	const char *letter = "\"I leave a photograph which he might care to possess; and I remain, "
	                     "dear\nMr. Holmes, with every good wish for the keeper and his light on "
	                     "the\nhill above the harbour.\n\n                                      "
	                     "\"Very truly yours,\n                                   \"IRENE NORTON."
	                     "\"\n\nThen she left.";
	char want[1024];
	snprintf(want, sizeof want, "0:%.*s", (int)(strstr(letter, "\n\nThen") - letter), letter);
	cr_assert_str_eq(quotes_of(letter), want);
	/* A third level nests again: “a ‘b “c” b’ a”. */
	cr_assert_str_eq(quotes_of("\xe2\x80\x9cTell him, \xe2\x80\x98The keeper says, \xe2\x80\x9c"
	                           "Stay.\xe2\x80\x9d\xe2\x80\x99\xe2\x80\x9d"),
	                 "0:\xe2\x80\x9cTell him, \xe2\x80\x98The keeper says, \xe2\x80\x9cStay."
	                 "\xe2\x80\x9d\xe2\x80\x99\xe2\x80\x9d || 1:\xe2\x80\x98The keeper says, "
	                 "\xe2\x80\x9cStay.\xe2\x80\x9d\xe2\x80\x99 || 2:\xe2\x80\x9cStay.\xe2\x80\x9d");
}

/* A hard-wrapped line that happens to start with "*" or "-" inside a quotation is no list item:
 * the line before breaks off after a word and is no item itself ("calculated by "1000⏎* (the
 * runs …)/(all runs)""). Found on a generated pair: the formula's 16 words were no quotation, so
 * its removal was not flagged. A list after a clause's end, or after an item, is still a list. */
Test(quote, a_wrapped_line_starting_with_a_star_is_no_list_item)
{
	cr_assert_str_eq(quotes_of("The score is calculated by \"1000\n* (the runs of the package seen "
	                           "lately)/(all runs)\".\n"),
	                 "0:\"1000\n* (the runs of the package seen lately)/(all runs)\"");
	cr_assert_str_eq(quotes_of("It goes as follows:\n* \"a plan\n* the vote\" was close.\n"), "");
	cr_assert_str_eq(quotes_of("- It is \"a plan\n- The vote\" was close.\n"), "");
	script_has("The score is calculated by \"1000\n* (the runs of the package seen lately)/"
	           "(all runs)\".\n\nNext.\n",
	           "The score is calculated by.\n\nNext.\n", NULL, "!removed");
}

/* rl_quote_innermost_walk is rl_quote_innermost for a walk that goes forward: from any count of
 * quotations opening before its first token, over nested quotations, an apostrophe and a
 * quotation across a paragraph; and where a token is asked again or the walk goes back. */
Test(quote, the_innermost_quotation_of_a_walk_is_the_searched_one)
{
	const char *t = "He said \xe2\x80\x9cthe \xe2\x80\x98old\xe2\x80\x99 lamp, "
	                "\xe2\x80\x98ours\xe2\x80\x99 and \xe2\x80\x98" "bright\xe2\x80\x99\xe2\x80\x9d "
	                "then \"no\" and it\xe2\x80\x99s \xe2\x80\x9c" "done.\n\nReally\xe2\x80\x9d he said.";
	text_ctx x;
	const rl_side *sd = text_ctx_open(&x, t);
	cr_assert_geq(sd->nquotes, 5u);
	for (uint32_t from = 0; from < sd->n; from++) {
		size_t before = 0;  /* the quotations opening before `from`, or fewer */
		while (before < sd->nquotes && sd->quotes[before].t0 < from)
			before++;
		for (size_t start = 0; start <= before; start++) {
			size_t opened = start;
			for (uint32_t t1 = from; t1 < sd->n; t1 += 1 + (t1 % 3 == 0))
				cr_assert_eq(rl_quote_innermost_walk(sd, t1, &opened),
				             rl_quote_innermost(sd, t1), "token %u from %u (%zu)", t1, from,
				             start);
		}
		size_t opened = sd->nquotes;  /* then back to the start: searched again */
		cr_assert_eq(rl_quote_innermost_walk(sd, from, &opened), rl_quote_innermost(sd, from));
	}
	text_ctx_close(&x);
}
