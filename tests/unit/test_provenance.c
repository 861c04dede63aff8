/* Tests for provenance.c: summary lines linked to the sentences of OLD they restate elsewhere;
 * none on a copy whose sentences stand beside their own. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "fixtures.h"
#include "provenance.h"
#include "status.h"
#include "stems.h"
#include "text_ctx.h"

/* An article, and a summary that restates its sentences in another order. */
#define ARTICLE                                                                                  \
	"The village of Wexcombe voted on Tuesday to close its cider mill after ninety years.\n\n" \
	"The mill's owner, Agatha Penhallow, said the presses were worn out and the orchards had " \
	"shrunk to a third of their size since the drought.\n\n"                                   \
	"A survey of residents found that most would rather see the building turned into a "      \
	"library than sold to a developer.\n\n"                                                   \
	"Penhallow promised that the last barrels, pressed from the surviving orchards, would be "  \
	"poured at the harvest fair in October.\n"
#define SUMMARY                                                                               \
	"Wexcombe cider mill to close\n"                                                       \
	"- Worn presses and shrunken orchards since the drought, says owner Agatha Penhallow\n" \
	"- The last barrels will be poured at the October harvest fair\n"                     \
	"- Residents in the survey would rather see a library than a developer in the building\n"

static rl_alignment *diff(const char *a, const char *b, bool sources)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	if (!sources)
		o.stages &= ~(unsigned)RL_STAGE_SOURCES;
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a, strlen(a), b, strlen(b), &o), RL_OK);
	return al;
}

/* The text of tokens [t0, t1) of one side. */
static char *text(const rl_alignment *al, int side, uint32_t t0, uint32_t t1, const char *src)
{
	size_t s, e;
	rl_range_bytes(al, side, t0, t1, &s, &e);
	char *out = malloc(e - s + 1);
	memcpy(out, src + s, e - s);
	out[e - s] = '\0';
	return out;
}

/* The link whose NEW unit starts with `line`, or NULL. */
static const rl_link *link_of(const rl_alignment *al, const char *new_text, const char *line)
{
	size_t n;
	const rl_link *v = rl_alignment_sources(al, &n);
	for (size_t k = 0; k < n; k++) {
		char *t = text(al, RL_NEW, v[k].b0, v[k].b1, new_text);
		bool hit = strncmp(t, line, strlen(line)) == 0;
		free(t);
		if (hit)
			return &v[k];
	}
	return NULL;
}

/* Does an equal op pair words of NEW's unit starting with `line` with OLD's sentence starting
 * with `sentence` (the bullet stands beside its source)? */
static bool beside(const rl_alignment *al, const char *line, const char *sentence)
{
	size_t n;
	const rl_op *ops = rl_alignment_ops(al, &n);
	const char *l = strstr(SUMMARY, line), *s = strstr(ARTICLE, sentence);
	size_t l1 = (size_t)(strchr(l, '\n') - SUMMARY), s1 = (size_t)(strchr(s, '\n') - ARTICLE);
	for (size_t k = 0; k < n; k++) {
		size_t a0, a1, b0, b1;
		if (ops[k].kind != RL_OP_EQUAL)
			continue;
		rl_op_bytes(al, &ops[k], RL_OLD, &a0, &a1);
		rl_op_bytes(al, &ops[k], RL_NEW, &b0, &b1);
		if (b0 >= (size_t)(l - SUMMARY) && b1 <= l1 && a0 >= (size_t)(s - ARTICLE) && a1 <= s1)
			return true;
	}
	return false;
}

/* a against b with sources on: NEW's unit starting with `line` has no link. */
static void assert_no_link(const char *a, const char *b, const char *line)
{
	rl_alignment *al = diff(a, b, true);
	cr_assert_null(link_of(al, b, line), "\"%s\" is linked", line);
	rl_alignment_free(al);
}

/* The bullet starting with `line` stands beside the sentence starting with `sentence` and has no
 * link, or is linked to it first. */
static void assert_source(const rl_alignment *al, const char *line, const char *sentence,
                          size_t *linked)
{
	const rl_link *ln = link_of(al, SUMMARY, line);
	if (!ln) {
		cr_assert(beside(al, line, sentence), "\"%s\" neither linked nor beside", line);
		return;
	}
	char *t = text(al, RL_OLD, ln->a0[0], ln->a1[0], ARTICLE);
	cr_assert(strncmp(t, sentence, strlen(sentence)) == 0, "\"%s\" linked to \"%s\"", line, t);
	cr_assert(ln->share > 0 && ln->share <= 100);
	free(t);
	++*linked;
}

/* The ops of al tile both texts in order, each starting where the one before ended. With
 * skip_moves, a move's ops are passed over (they are listed together, where it lands). */
static void assert_tiles(const rl_alignment *al, bool skip_moves)
{
	size_t n;
	const rl_op *ops = rl_alignment_ops(al, &n);
	uint32_t a = 0, b = 0;
	for (size_t k = 0; k < n; k++) {
		if (skip_moves && ops[k].move)
			continue;
		cr_assert(ops[k].a0 == a && ops[k].b0 == b, "op %zu does not follow the one before", k);
		a = ops[k].a1, b = ops[k].b1;
	}
	cr_assert_eq(a, rl_tokens_count(rl_alignment_tokens(al, RL_OLD)));
	cr_assert_eq(b, rl_tokens_count(rl_alignment_tokens(al, RL_NEW)));
}

Test(provenance, reordered_bullets_link_to_their_sentences)
{
	rl_alignment *al = diff(ARTICLE, SUMMARY, true);
	size_t linked = 0;
	assert_source(al, "- Residents in the survey", "A survey of residents", &linked);
	assert_source(al, "- The last barrels", "Penhallow promised", &linked);
	assert_source(al, "- Worn presses", "The mill's owner", &linked);
	cr_assert_geq(linked, 1);
	/* Without the stage, some bullet is neither. */
	rl_alignment *off = diff(ARTICLE, SUMMARY, false);
	cr_assert(!beside(off, "- Residents in the survey", "A survey of residents") ||
	          !beside(off, "- The last barrels", "Penhallow promised") ||
	          !beside(off, "- Worn presses", "The mill's owner"));
	rl_alignment_free(off);
	/* Each op over a linked bullet carries that bullet's link, and only it. */
	size_t n, nl;
	const rl_op *ops = rl_alignment_ops(al, &n);
	const rl_link *links = rl_alignment_sources(al, &nl);
	for (size_t i = 0; i < nl; i++) {
		size_t with = 0;
		for (size_t k = 0; k < n; k++) {
			const rl_link *first;
			size_t m = rl_op_sources(al, &ops[k], &first);
			cr_assert(m <= 1, "op %zu covers %zu linked units", k, m);
			if (m && first == &links[i]) {
				with++;
				cr_assert(ops[k].b0 >= links[i].b0 && ops[k].b1 <= links[i].b1);
			}
		}
		cr_assert_gt(with, 0);
	}
	/* The ops, cut at the links where they were (in place), still tile both texts in order. */
	assert_tiles(al, true);
	rl_alignment_free(al);
}

Test(provenance, switched_off)
{
	rl_alignment *al = diff(ARTICLE, SUMMARY, false);
	size_t n;
	rl_alignment_sources(al, &n);
	cr_assert_eq(n, 0);
	rl_alignment_free(al);
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.minimal = true;
	cr_assert_eq(rl_diff(&al, ARTICLE, strlen(ARTICLE), SUMMARY, strlen(SUMMARY), &o), RL_OK);
	rl_alignment_sources(al, &n);
	cr_assert_eq(n, 0);
	rl_alignment_free(al);
}

/* A closing line that restates a phrase of one sentence in order ("a mix of rye and sourdough
 * loaves") and shares as many words, scattered, with another: the phrase decides. */
Test(provenance, a_phrase_restated_in_order_beats_scattered_words)
{
	const char *a =
		"The bakery on Mill Street will close in June after forty years.\n\n"
		"Its owner, Hal Brennan, said rising flour prices and a new lease made the shop "
		"unprofitable. He said he would keep baking a mix of rye and sourdough loaves for the "
		"Saturday market.\n\n"
		"If Brennan gives up for good, regulars fear the takeaway will be that baking was a "
		"sideline for him, not his strength.\n\n"
		"The building's landlord said a cafe would take over the lease in the autumn.\n";
	const char *b =
		"Mill Street bakery to close in June\n\n"
		"- Flour prices and a new lease made the shop unprofitable, says owner Hal Brennan\n"
		"- A cafe will take over the lease in the autumn\n\n"
		"For regulars, the takeaway is that Brennan may settle on a mixed offering of rye and "
		"sourdough loaves, a sideline that plays to his strength.\n";
	rl_alignment *al = diff(a, b, true);
	const rl_link *ln = link_of(al, b, "For regulars");
	size_t s0 = (size_t)(strstr(a, "He said he would") - a);
	size_t s1 = (size_t)(strstr(a, "If Brennan") - a);
	if (ln) {
		size_t x0, x1;
		rl_range_bytes(al, RL_OLD, ln->a0[0], ln->a1[0], &x0, &x1);
		cr_assert(x0 >= s0 && x0 < s1, "linked first to OLD bytes %zu..%zu", x0, x1);
	} else {
		/* No link: then it stands beside the sentence of the phrase. */
		size_t n;
		const rl_op *ops = rl_alignment_ops(al, &n);
		size_t l0 = (size_t)(strstr(b, "For regulars") - b), hit = 0;
		for (size_t k = 0; k < n; k++) {
			size_t a0, a1, b0, b1;
			if (ops[k].kind == RL_OP_INSERT || ops[k].kind == RL_OP_DELETE)
				continue;
			rl_op_bytes(al, &ops[k], RL_OLD, &a0, &a1);
			rl_op_bytes(al, &ops[k], RL_NEW, &b0, &b1);
			hit += b0 >= l0 && a0 >= s0 && a1 <= s1;
		}
		cr_assert_gt(hit, 0, "the line stands beside the sentence of the phrase");
	}
	rl_alignment_free(al);
}

/* A copy with words swapped: every sentence stands beside its own, and none is linked. */
Test(provenance, no_link_where_sentences_stand_beside_their_source)
{
	const char *spun =
		"The hamlet of Wexcombe voted on Tuesday to shut its cider mill after ninety years.\n\n"
		"The mill's proprietor, Agatha Penhallow, said the presses were worn out and the "
		"orchards had shrunk to a third of their size since the dry spell.\n\n"
		"A poll of residents found that most would rather see the building turned into a "
		"library than sold to a builder.\n\n"
		"Penhallow pledged that the final barrels, pressed from the surviving orchards, would "
		"be poured at the harvest fair in October.\n";
	rl_alignment *al = diff(ARTICLE, spun, true);
	size_t n;
	rl_alignment_sources(al, &n);
	cr_assert_eq(n, 0);
	rl_alignment_free(al);
	/* Nor on the summary against itself, nor on a text with nothing in common. */
	al = diff(SUMMARY, SUMMARY, true);
	rl_alignment_sources(al, &n);
	cr_assert_eq(n, 0);
	rl_alignment_free(al);
	al = diff(ARTICLE, "Tide tables for the estuary follow on the next page.\n", true);
	rl_alignment_sources(al, &n);
	cr_assert_eq(n, 0);
	rl_alignment_free(al);
}

/* Hostile input: empty texts, NUL bytes, invalid UTF-8, a unit of one word repeated. */
Test(provenance, hostile_input)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_alignment *al;
	static const char odd[] = "cider\0mill \xff\xfe presses orchards\n- orchards presses cider";
	cr_assert_eq(rl_diff(&al, "", 0, SUMMARY, strlen(SUMMARY), &o), RL_OK);
	rl_alignment_free(al);
	cr_assert_eq(rl_diff(&al, odd, sizeof odd - 1, ARTICLE, strlen(ARTICLE), &o), RL_OK);
	rl_alignment_free(al);
	cr_assert_eq(rl_diff(&al, ARTICLE, strlen(ARTICLE), odd, sizeof odd - 1, &o), RL_OK);
	rl_alignment_free(al);
	char big[8192];
	size_t k = 0;
	while (k + 8 < sizeof big)
		memcpy(big + k, "orchard ", 8), k += 8;
	big[k] = '\0';
	cr_assert_eq(rl_diff(&al, big, k, ARTICLE, strlen(ARTICLE), &o), RL_OK);
	rl_alignment_free(al);
}

Test(provenance, an_insertion_is_cut_where_a_linked_unit_starts_and_ends)
{
	/* Three new bullets in one insertion (or replace), the middle one restating a sentence of
	 * the article: the op is cut at its edges, and the pieces still tile the texts. */
	const char *b = "Wexcombe cider mill to close\n"
	                "- Worn presses and shrunken orchards since the drought, says owner Agatha "
	                "Penhallow\n"
	                "- Trains along the estuary will stop less often from next spring\n"
	                "- The last barrels will be poured at the October harvest fair\n"
	                "- Cyclists want a proper lane beside the estuary road before summer\n"
	                "- Residents in the survey would rather see a library than a developer in the "
	                "building\n";
	rl_alignment *al = diff(ARTICLE, b, true);
	const rl_link *ln = link_of(al, b, "- The last barrels");
	cr_assert(ln, "the restated sentence is not linked");
	size_t n;
	const rl_op *ops = rl_alignment_ops(al, &n);
	bool starts = false, ends = false;
	for (size_t k = 0; k < n; k++) {
		starts |= ops[k].b0 == ln->b0 && ops[k].b1 > ops[k].b0;
		ends |= ops[k].b1 == ln->b1 && ops[k].b1 > ops[k].b0;
	}
	cr_assert(starts && ends);
	assert_tiles(al, true);
	rl_alignment_free(al);
}

/* Issue 10: two words in common make no link when they are found all over OLD: a heading that
 * names the harbour and its boats restates none of the sentences that all speak of them. A
 * name found in one sentence still links to it. */
Test(provenance, two_common_words_make_no_link)
{
	const char *a =
	    "The harbour at Polwenna was dredged in the spring, and the fishing boats came back in "
	    "May.\n\nHarbour dues rose by a tenth to pay for the work, and the boats that moor there "
	    "all year were charged first.\n\nThe harbour master, Tamsin Rowe, said the council had "
	    "waited eleven years for the money.\n\nSome owners moved their boats to Fowey rather "
	    "than pay the new harbour dues.\n\nA new crane on the harbour wall lifts the boats out "
	    "for the winter.\n\nThe harbour festival in August raised money for the lifeboat crew.\n";
	const char *b = "Tamsin Rowe stays on as master\n\nBoats and harbour for sale\n\nThe fishing "
	                "fleet returned in May after the spring dredging.\n\nDues went up by a tenth, "
	                "with year-round moorings charged first.\n";
	rl_alignment *al = diff(a, b, true);
	cr_assert_null(link_of(al, b, "Boats and harbour"));
	const rl_link *ln = link_of(al, b, "Tamsin Rowe");
	cr_assert_not_null(ln);
	char *t = text(al, RL_OLD, ln->a0[0], ln->a1[0], a);
	cr_assert(strncmp(t, "The harbour master, Tamsin Rowe", 31) == 0, "%s", t);
	free(t);
	rl_alignment_free(al);
}

/* Issue 10: a summary's section name links to no sentence through the names its story repeats
 * ("Background on <ferry> and the <yard>", both named in several sentences): a heading is
 * derived from a sentence only through two words beyond them, as pairing asks. */
Test(provenance, a_heading_links_through_no_repeated_names)
{
	const char *a =
	    "Engineers at the Trevose Yard have quietly stopped work on Gullrock, the company's "
	    "largest ferry.\n\nThe hull of Gullrock was finished in the spring, but sea trials were "
	    "put off after the engines ran hot.\n\nWhen the Trevose Yard took on its new owners, the "
	    "trials on Gullrock were halted for good.\n\nA spokesperson said the company still means "
	    "to launch ferries on the northern crossing.\n\nHarbour councillors have asked for a "
	    "date, and the owners have not given one.\n";
	const char *b = "Ferry Plans in Doubt\nBackground on Gullrock and the Trevose Yard\n"
	                "- Gullrock's hull done in spring, trials put off after hot engines\n"
	                "- Trials halted for good under the yard's new owners\n"
	                "- Spokesperson: launches on the northern crossing still planned\n";
	rl_alignment *al = diff(a, b, true);
	cr_assert_null(link_of(al, b, "Background on Gullrock"));
	rl_alignment_free(al);
}

/* OLD one long unit (no sentence ends: 1,500 words on one line), NEW the same line and a short
 * paragraph after it of words from its middle, out of order and one of them twice: the paragraph
 * is linked to the long unit, all of its stems found there (the long unit is read from the short
 * one's side, provenance_link.c's exact_long). */
Test(provenance, a_short_paragraph_restating_words_of_one_long_unit)
{
	size_t cap = 16384, n = 0;
	char *a = malloc(cap), *b = malloc(cap + 256);
	for (int i = 0; i < 1500; i++)
		n += (size_t)snprintf(a + n, cap - n, "%sgrain%d", i ? " " : "", i);
	a[n++] = '\n';
	a[n] = '\0';
	const char *para = "\ngrain905 grain703 grain1201 grain700 grain12 grain704 grain905 grain3.\n";
	memcpy(b, a, n);
	strcpy(b + n, para);
	rl_alignment *al = diff(a, b, true);
	size_t nl;
	const rl_link *v = rl_alignment_sources(al, &nl);
	cr_assert_eq(nl, 1, "%zu links", nl);
	cr_assert_eq(v[0].n, 1);
	cr_assert_eq(v[0].a0[0], 0, "linked to OLD token %u", v[0].a0[0]);
	cr_assert_eq(v[0].share, 100);
	char *t = text(al, RL_NEW, v[0].b0, v[0].b1, b);
	cr_assert(strncmp(t, "grain905 grain703", 17) == 0, "linked \"%s\"", t);
	free(t);
	rl_alignment_free(al);
	free(a);
	free(b);
}

/* A heading that keeps its first words in place and rewrites the rest: the two words it keeps
 * ("Northfield Energy", rare in OLD) are no evidence that it restates the "About Northfield
 * Energy" line further down; only words that are not kept in place count toward a source. */
Test(provenance, words_kept_in_place_link_nothing)
{
	const char *a = "Northfield Energy Announces Partnership With Harbour Grid\n\n"
	                "Northfield Energy today announced a ten-year partnership to build battery "
	                "storage along the coast. The first site opens next spring.\n\n"
	                "The partnership covers three sites and about 400 megawatt-hours.\n\n"
	                "About Northfield Energy\nThe company supplies power to a million homes.\n";
	const char *b = "Northfield Energy Signs Storage Deal\n\n"
	                "Northfield Energy today signed a ten-year agreement to build battery "
	                "storage along the coast. The first site opens next spring.\n\n"
	                "The agreement covers three sites and about 420 megawatt-hours.\n\n"
	                "About Northfield Energy\nThe company supplies power to a million homes.\n";
	assert_no_link(a, b, "Northfield Energy Signs");
}

/* "fares" is the plural of "fare", not of "far": the stem cuts "-es" only after s, x, z, ch or
 * sh, and a sentence that shares "islanders" and "far" with one elsewhere is not its
 * restatement. */
Test(provenance, a_plural_in_es_is_cut_only_where_english_adds_it)
{
	const char *a = "The harbour board met on Tuesday to discuss the ferry.\n\n"
	                "Members heard that the route lost money again this year.\n\n"
	                "The council praised the timetable, a lifeline for islanders, for keeping "
	                "fares low after the storms.\n";
	const char *b = "The harbour board met on Tuesday to discuss the ferry.\n\n"
	                "For islanders who rely on it, the boat is far more than a way across.\n\n"
	                "Members heard that the route lost money again this year.\n\n"
	                "The council praised the timetable, a lifeline for islanders, for keeping "
	                "fares low after the storms.\n";
	assert_no_link(a, b, "For islanders");
}

/* A revised charter: its opening note is rewritten in place, and the new wording shares a phrase
 * ("Harbour Trust Charter, edition 3") with a clause that is kept word for word further down.
 * That clause never left, so the note restates nothing that moved: no link (the LGPL 2.0 -> 2.1
 * preamble was linked to its section 3 this way). */
Test(provenance, a_sentence_kept_in_place_is_no_source)
{
	const char *a =
	    "[This is the first printed edition of the trust's charter. It is numbered 3 because it "
	    "follows the rules of the old port.]\n\n"
	    "Members may moor at the quay from April to October, and must pay their dues before the "
	    "first tide of the season.\n\n"
	    "The board meets twice a year in the chapel hall to set the dues and hear the members' "
	    "complaints.\n\n"
	    "To amend it, the board must rewrite every notice that names this charter, so that each "
	    "names the Harbour Trust Charter, edition 3, in its place.\n";
	const char *b =
	    "[This is the first printed edition of the trust's charter. It also counts as the "
	    "successor of the Harbour Trust Charter, edition 3, hence the number 3.1.]\n\n"
	    "Boats may moor at the quay from April to October, and must pay their dues before the "
	    "first tide of the season.\n\n"
	    "The board meets twice a year in the church hall to set the dues and hear the members' "
	    "complaints.\n\n"
	    "To amend it, the board must rewrite every notice that names this charter, so that each "
	    "names the Harbour Trust Charter, edition 3, in its place.\n";
	assert_no_link(a, b, "It also counts");
}

/* A story of our own for the weak-link tests below: a fish pass opened at a weir. */
#define WEIR                                                                                      \
	"Anglers on the River Tamber welcomed a new fish pass at Pellow Weir on Monday, the first "   \
	"change to the weir since it was built in 1820.\n\n"                                          \
	"The pass cost £310,000 and lets salmon and sea trout climb past the weir through a ladder "  \
	"of twelve concrete pools.\n\n"                                                               \
	"Engineers from the Tamber Rivers Trust spent four months on the work, diverting the river " \
	"through a temporary channel.\n\n"                                                            \
	"Counts at the weir last autumn found only forty salmon, against more than six hundred in "   \
	"the 1990s.\n\n"                                                                              \
	"The trust's director, Bronwen Hale, told the Tamber Gazette that the numbers should "        \
	"recover within ten years if the water stays clean.\n\n"                                      \
	"Volunteers will count fish from a viewing platform on Saturday mornings until the end of "   \
	"November.\n"

/* A web page's summary of the story, then the site's furniture: other stories' headlines and a
 * copyright line that share two or three words with one sentence each ("Rivers Trust" and
 * "director", "autumn" and "counts", "Tamber Gazette"). They restate nothing: no link after the
 * last line that restates the story; the summary's bullet keeps its link. */
Test(provenance, headlines_and_copyright_after_the_body_link_nothing)
{
	const char *b =
	    "Fish pass opens at Pellow Weir\n\n"
	    "- Salmon and sea trout can now climb past the weir through twelve concrete pools, built "
	    "for £310,000.\n"
	    "- Bronwen Hale expects the numbers to recover within ten years if the water stays "
	    "clean.\n"
	    "- Only forty salmon were counted last autumn, down from over six hundred in the 1990s.\n"
	    "- Volunteers count fish from a viewing platform on Saturday mornings.\n\n"
	    "More from the Tamber Gazette\n"
	    "- Rivers Trust names new director after a year\n"
	    "- Concrete plant plan for the old channel returns to council\n"
	    "- Saturday market moves to the weir car park\n"
	    "- Autumn counts: garden birds in decline\n\n"
	    "© 2026 Tamber Gazette. Contact the newsroom.\n";
	rl_alignment *al = diff(WEIR, b, true);
	cr_assert_not_null(link_of(al, b, "- Only forty salmon"));
	cr_assert_null(link_of(al, b, "- Rivers Trust"));
	cr_assert_null(link_of(al, b, "- Autumn counts"));
	cr_assert_null(link_of(al, b, "© 2026"));
	rl_alignment_free(al);
}

/* A bullet that shares three scattered words with its sentence ("Hale", "recover", "clean") is a
 * restatement among bullets that restate the story: it keeps its link. */
Test(provenance, a_weak_restatement_among_restatements_keeps_its_link)
{
	const char *b =
	    "The weir in brief\n\n"
	    "- Volunteers will count fish from a viewing platform on Saturday mornings.\n"
	    "- Hale sees a recovery in a decade, provided the river is kept clean.\n"
	    "- Twelve concrete pools let salmon and sea trout climb past the weir, at a cost of "
	    "£310,000.\n";
	rl_alignment *al = diff(WEIR, b, true);
	const rl_link *ln = link_of(al, b, "- Hale sees");
	cr_assert_not_null(ln);
	char *t = text(al, RL_OLD, ln->a0[0], ln->a1[0], WEIR);
	cr_assert(strncmp(t, "The trust's director", 20) == 0, "%s", t);
	free(t);
	rl_alignment_free(al);
}

/* A wiki table row inserted into one table shares only markup with the rows of another, far
 * away ("style", "text", "align", "center"): the names and values of attributes, a template's
 * name, are no content words, and the row links to nothing. */
Test(provenance, markup_words_link_nothing)
{
	const char *a = "{| class=\"wikitable\"\n|-\n!Champion\n!Date\n!Defences\n|-\n"
	                "|[[Mara Quell]]\n|style=\"text-align:center;\" | 0\n"
	                "|style=\"text-align:center;\" | 12 days\n|-\n"
	                "|[[Anna Vell]]\n|style=\"text-align:center;\" | 3\n"
	                "|style=\"text-align:center;\" | 400 days\n|}\n\n"
	                "The lighthouse league was founded in 1931 by the keepers of the northern "
	                "coast, who met each winter at Holmby to settle their titles.\n\n"
	                "{| class=\"wikitable\"\n|-\n!Keeper\n!Light\n|-\n"
	                "|[[Mags Orrin]]\n|Holmby Light\n|-\n|[[Tam Rowe]]\n|Fenwick Light\n|}\n";
	const char *b = "{| class=\"wikitable\"\n|-\n!Champion\n!Date\n!Defences\n|-\n"
	                "|[[Mara Quell]]\n|style=\"text-align:center;\" | 0\n"
	                "|style=\"text-align:center;\" | 12 days\n|-\n"
	                "|[[Anna Vell]]\n|style=\"text-align:center;\" | 3\n"
	                "|style=\"text-align:center;\" | 400 days\n|}\n\n"
	                "The lighthouse league was founded in 1931 by the keepers of the northern "
	                "coast, who met each winter at Holmby to settle their titles.\n\n"
	                "{| class=\"wikitable\"\n|-\n!Keeper\n!Light\n|-\n"
	                "|[[Mags Orrin]]\n|Holmby Light\n|-\n|[[Tam Rowe]]\n|Fenwick Light\n"
	                "|style=\"text-align:center\" bgcolor=#C0C0C0|0\n|}\n";
	rl_alignment *al = diff(a, b, true);
	size_t n;
	rl_alignment_sources(al, &n);
	cr_assert_eq(n, 0);
	rl_alignment_free(al);
	/* A row with words of its own restating a sentence of OLD below it is linked. */
	const char *c = "{| class=\"wikitable\"\n|-\n!Keeper\n!Light\n|-\n"
	                "|[[Mags Orrin]]\n|Holmby Light\n|}\n\n"
	                "The lighthouse league was founded in 1931 by the keepers of the northern "
	                "coast, who met each winter at Holmby to settle their titles.\n\n"
	                "Rain fell on the harbour all week.\n";
	const char *d = "{| class=\"wikitable\"\n|-\n!Keeper\n!Light\n|-\n"
	                "|[[Mags Orrin]]\n|Holmby Light\n|-\n"
	                "|style=\"text-align:center\"|League of northern keepers, founded 1931, "
	                "winter titles at Holmby\n|}\n\n"
	                "The lighthouse league was founded in 1931 by the keepers of the northern "
	                "coast, who met each winter at Holmby to settle their titles.\n\n"
	                "Rain fell on the harbour all week.\n";
	al = diff(c, d, true);
	cr_assert_not_null(link_of(al, d, "|style="));
	rl_alignment_free(al);
}

/* Issue 13 (stop 35): markup's own words are told by the marks beside them (markup_word reads
 * the tokens at hand, once): a name before "=" (a space allowed), not a heading's last word
 * before "=="; a value glued after "=#"; a template's name glued after "{{". A guard: it passes
 * before the change as well. */
Test(provenance, markup_words_are_told_by_the_marks_beside_them)
{
	const char *a = "|align = left bgcolor=#C0FFEE| {{flagicon|Norway}} ==Ferries== rowing",
	           *b = "";
	const char *markup[] = {"align", "bgcolor", "C0FFEE", "flagicon"};
	const char *content[] = {"left", "Norway", "Ferries", "rowing"};
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x, a, b);
	const rl_side *sd = &c->side[RL_OLD];
	for (int k = 0; k < 8; k++) {
		const char *w = k < 4 ? markup[k] : content[k - 4];
		uint32_t t = 0;
		while (t < sd->n && (sd->tok[t].len != strlen(w) || memcmp(sd->text + sd->tok[t].off, w,
		                                                           sd->tok[t].len)))
			t++;
		cr_assert_lt(t, sd->n, "%s", w);
		cr_assert_eq(rl_stem_weighed(c, RL_OLD, t), k >= 4, "%s", w);
	}
	text_ctx_close(&x);
}

/* Issue 10: a heading given twice in a row (a web page's title in its header, then as its
 * article's headline) restates its OLD sentence once: only the later copy is linked. The case is
 * the corpus's rewrite against the original page, whose headline is twice at its top and whose
 * rewrite restates it in a sentence of its first paragraph; both copies were drawn as derived
 * lines linked to that paragraph. No two links may now be one line's copies with one source. */
Test(provenance, a_heading_given_twice_is_linked_once)
{
	size_t la, lb;
	char *a = shared_read("corpus/003_d709fa2a2d466f04.txt", &la);
	char *b = shared_read("corpus/000_3fa101df193a3c06.txt", &lb);
	if (!a || !b) {
		free(a), free(b);
		cr_skip_test("no shared corpus at %s", SHARED_DIR);
	}
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_alignment *al;
	cr_assert_eq(rl_diff(&al, a, la, b, lb, &o), RL_OK);
	const rl_token *tok = rl_tokens_array(rl_alignment_tokens(al, RL_NEW));
	size_t n;
	const rl_link *v = rl_alignment_sources(al, &n);
	cr_assert_gt(n, 0);
	for (size_t k = 0; k + 1 < n; k++) {
		uint32_t s0 = tok[v[k].b0].off, e0 = tok[v[k].b1 - 1].off + tok[v[k].b1 - 1].len;
		uint32_t s1 = tok[v[k + 1].b0].off, e1 = tok[v[k + 1].b1 - 1].off + tok[v[k + 1].b1 - 1].len;
		cr_assert(!(e0 - s0 == e1 - s1 && memcmp(b + s0, b + s1, e0 - s0) == 0 &&
		            v[k].a0[0] == v[k + 1].a0[0]),
		          "links %zu and %zu are one line's copies with one source", k, k + 1);
	}
	rl_alignment_free(al);
	free(a);
	free(b);
}

/* A council's story and its digest: the bullet on what the leader admitted restates the last
 * paragraph, but stands where the word diff put it, against the paragraph on the depot's
 * heritage plan, and kept two of its words there by chance ("leader", "town's"). It was drawn
 * as a rewrite of that paragraph with those words kept, and linked to the last one as well (the
 * corpus's summary showed it so: a bullet on what the chief executive admitted on a podcast,
 * beside an unrelated paragraph through "models" and "open source"). Its ops now keep nothing:
 * the paragraph beside it deleted whole before it, the bullet inserted whole with its link. */
#define COUNCIL                                                                                    \
	"The council of Marlow Fen has paused the sale of the old tram depot, the local paper "      \
	"reported on Friday.\n\nWhile the council runs newer garages for its buses, the leader had "  \
	"made the tram depot a central part of the town's heritage plan, a way to bring visitors "   \
	"back to the high street.\n\nBut the council is under pressure to balance its budget as "     \
	"repair bills grow.\n\nLast winter, on a radio phone-in, the leader said she would not "     \
	"promise to keep every building the council owns if the repairs became too costly.\n"
#define DIGEST                                                                                   \
	"Tram Depot Sale Paused\n- Council of Marlow Fen pauses the sale of the old tram depot\n"  \
	"- The leader admitted last winter that the town's buildings might be sold if repairs "    \
	"grew too costly\nBudget Pressure\nThe council faces pressure to balance its budget as "   \
	"repair bills grow.\n"

/* The words of NEW tokens [b0, b1) kept in place (equal ops). */
static size_t kept_in(const rl_alignment *al, uint32_t b0, uint32_t b1)
{
	size_t n, kept = 0;
	const rl_op *ops = rl_alignment_ops(al, &n);
	for (size_t k = 0; k < n; k++)
		if (ops[k].kind == RL_OP_EQUAL && ops[k].b0 < b1 && ops[k].b1 > b0)
			kept++;
	return kept;
}

Test(provenance, a_linked_bullet_keeps_no_words_by_chance_beside_another_sentence)
{
	rl_alignment *al = diff(COUNCIL, DIGEST, true);
	const rl_link *ln = link_of(al, DIGEST, "- The leader admitted");
	cr_assert_not_null(ln);
	char *t = text(al, RL_OLD, ln->a0[0], ln->a1[0], COUNCIL);
	cr_assert(strncmp(t, "Last winter", 11) == 0, "linked to \"%s\"", t);
	free(t);
	cr_assert_eq(kept_in(al, ln->b0, ln->b1), 0, "the bullet keeps words beside another sentence");
	/* The sentence it stood beside is deleted whole, in one op, listed before the bullet. */
	size_t n;
	const rl_op *ops = rl_alignment_ops(al, &n);
	const char *s = strstr(COUNCIL, "While the council");
	bool whole = false;
	for (size_t k = 0; k < n && !whole; k++) {
		size_t a0, a1;
		if (ops[k].kind != RL_OP_DELETE)
			continue;
		rl_op_bytes(al, &ops[k], RL_OLD, &a0, &a1);
		whole = a0 <= (size_t)(s - COUNCIL) && a1 >= (size_t)(strstr(s, "street.") + 7 - COUNCIL) &&
		        ops[k].b0 <= ln->b0;
	}
	cr_assert(whole, "the heritage sentence is not deleted whole before the bullet");
	/* A bullet beside its own sentence, which keeps three content words or more, stays. */
	cr_assert_gt(kept_in(al, ln->b1, UINT32_MAX), 0);
	/* The ops still tile both texts in order, a move's included. */
	assert_tiles(al, false);
	rl_alignment_free(al);
}

/* The same story naming its leader, Ann Penhallow, in the heritage paragraph and the last one: a
 * shorter bullet on what she admitted, linked to the last paragraph, kept her name, "the" and
 * "town's" beside the heritage paragraph, a quarter of its twelve words. A name the story
 * repeats says who the line is about, not which sentence it restates (as for a heading's link,
 * beyond_names): it does not count among the words kept, and the bullet is set apart. */
Test(provenance, a_repeated_name_kept_beside_another_sentence_is_chance)
{
	const char *a =
	    "The council of Marlow Fen has paused the sale of the old tram depot, the local paper "
	    "reported on Friday.\n\nWhile the council runs newer garages for its buses, leader Ann "
	    "Penhallow had made the tram depot a central part of the town's heritage plan, a way to "
	    "bring visitors back to the high street.\n\nBut the council is under pressure to balance "
	    "its budget as repair bills grow.\n\nLast winter, on a radio phone-in, Penhallow said she "
	    "would not promise to keep every building the council owns if the repairs became too "
	    "costly.\n";
	const char *b = "Tram Depot Sale Paused\n- Council of Marlow Fen pauses the sale of the old "
	                "tram depot\n- Penhallow admitted the town's buildings might go if repairs "
	                "grew costly\nBudget Pressure\nThe council faces pressure to balance its "
	                "budget as repair bills grow.\n";
	rl_alignment *al = diff(a, b, true);
	const rl_link *ln = link_of(al, b, "- Penhallow admitted");
	cr_assert_not_null(ln);
	cr_assert_eq(kept_in(al, ln->b0, ln->b1), 0, "the bullet keeps words beside another sentence");
	rl_alignment_free(al);
}

/* The stems of NEW are kept for the units the stage looks at alone (its wanted units): the
 * entries are those units' tokens and no more, and each of their words has the key it has when
 * every unit is wanted (the words are all OLD's, so that the stems have the same numbers either
 * way); the other units' words have none. */
Test(provenance, new_stems_are_kept_for_the_wanted_units_alone)
{
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x,
	                          "The ferry crossed the harbour at dawn. Gulls followed the boat home.\n",
	                          "Gulls followed the ferry. The boat crossed the harbour at dawn.\n");
	const rl_side *sb = &c->side[RL_NEW];
	cr_assert_eq(sb->nunits, 2);
	uint8_t all[2] = {1, 1}, second[2] = {0, 1};
	rl_stems whole = {0}, one = {0};
	cr_assert_eq(rl_stems_init(c, &whole, all), RL_OK);
	cr_assert_eq(rl_stems_init(c, &one, second), RL_OK);
	cr_assert_eq(one.nnew, sb->n - sb->ustart[1], "the second unit's tokens, not NEW's %u",
	             sb->n);
	for (uint32_t t = 0; t < sb->n; t++) {
		if (t < sb->ustart[1]) {
			cr_assert_null(rl_stem_keys(&one, RL_NEW, t));
			cr_assert_eq(rl_stem_at(&one, RL_NEW, t), RL_STEM_NONE);
			continue;
		}
		cr_assert_eq(*rl_stem_keys(&one, RL_NEW, t), *rl_stem_keys(&whole, RL_NEW, t), "token %u",
		             t);
		cr_assert_eq(rl_stem_at(&one, RL_NEW, t), rl_stem_at(&whole, RL_NEW, t), "token %u", t);
	}
	for (uint32_t t = 0; t < c->side[RL_OLD].n; t++)
		cr_assert_eq(rl_stem_at(&one, RL_OLD, t), rl_stem_at(&whole, RL_OLD, t), "token %u", t);
	rl_stems_free(&whole);
	rl_stems_free(&one);
	text_ctx_close(&x);
}

/* A sentence rewritten beside its own source keeps four of its words there (swing, toward,
 * families, moorings); another sentence that NEW also rewrites shares more stems with it, but by
 * chance ("shift" in "shifting", "power" in "powering", "maintain", "board"). The words kept in
 * place restate the sentence beside in order and count twice, so the rewrite is no restatement of
 * the other (corpus 001 -> 003 drew such a sentence as derived from one two paragraphs up). */
Test(provenance, words_kept_beside_outweigh_stems_met_by_chance_elsewhere)
{
	const char *old =
		"The harbour board met on Friday to settle the mooring fees for the coming season.\n\n"
		"Whereas the board runs its own pumps internally, like those powering the harbour "
		"lights, Fenwick had made the outer quay a central part of the town's plans, a way to "
		"maintain the shifting channel.\n\n"
		"Trade may swing again toward the old families with moorings, whereas newcomers could "
		"stay on the outer quay.\n\n"
		"The fees will be reviewed again in the spring.\n";
	const char *new =
		"The harbour board met on Friday to settle the mooring fees for the coming season.\n\n"
		"The board keeps its pumps in house for the lights, and Fenwick built the town's plans "
		"around the quay.\n\n"
		"A shift by the board could swing power back toward the major families that maintain "
		"robust harbour moorings.\n\n"
		"The fees will be reviewed again in the spring.\n";
	assert_no_link(old, new, "A shift by the board");
}

/* Does the stage want sources for NEW (one unit) against OLD, under the script: OLD's first three
 * tokens kept as NEW's, the rest of both sides replaced? */
static bool wanted_after_three_kept(const char *a, const char *b)
{
	text_ctx x;
	rl_ctx *c = text_ctx_pair(&x, a, b);
	cr_assert_eq(c->side[RL_NEW].nunits, 1);
	uint32_t na = c->side[RL_OLD].n, nb = c->side[RL_NEW].n;
	rl_op in[2] = {{0, 3, 0, 3, 0, RL_OP_EQUAL, RL_QUOTE_NONE},
	               {3, na, 3, nb, 0, RL_OP_REPLACE, RL_QUOTE_NONE}};
	rl_opvec ops = {0};
	cr_assert_eq(rl_opvec_append(&ops, in, 2), RL_OK);
	int rc = RL_OK;
	bool wanted = rl_sources_wanted(c, &ops, &rc);
	cr_assert_eq(rc, RL_OK);
	rl_opvec_free(&ops);
	text_ctx_close(&x);
	return wanted;
}

/* A unit that keeps less than half its words may still have nothing to link by: a link shares
 * two stems with its source through words the unit does not keep in place (free_shared), so a
 * unit whose other words are function words and one content word wants no sources, and the
 * stage over the whole of OLD is not built for it. With two such content words it still does. */
Test(provenance, a_unit_with_one_content_word_outside_its_kept_words_wants_no_sources)
{
	const char *old = "Keeper lamp harbour.\n";
	cr_assert_not(wanted_after_three_kept(
	    old, "Keeper lamp harbour, and so it was that all of it was in the fog.\n"));
	cr_assert(wanted_after_three_kept(
	    old, "Keeper lamp harbour, and so it was that all of it was in the fog and gale.\n"));
}

/* A chess club's rules, an added clause under section 1 whose second sentence names two words of
 * section 2's heading (fee, subscription). */
#define CHESS_OLD(h)                                                                              \
	"# Rules of the Fenwick Chess Club\n\n## 1. Membership\n\n"                              \
	"1.1 Membership is open to anyone who enjoys the game and agrees to keep these rules.\n\n"  \
	"1.2 An application shall be made in writing to the Secretary.\n\n" h "\n\n"               \
	"2.1 The yearly subscription for an adult member is £30, payable by 1 October. Juniors "   \
	"pay half.\n\n2.2 A visitor pays £2 for each club night.\n"
#define CHESS_NEW(h)                                                                              \
	"# Rules of the Fenwick Chess Club\n\n## 1. Membership\n\n"                              \
	"1.1 Membership is open to anyone who enjoys the game and agrees to keep these rules.\n\n"  \
	"1.2 Every member who plays in the county league must be graded by the federation. The "    \
	"Club collects the grading fee with the subscription.\n\n"                                  \
	"1.3 An application shall be made in writing to the Secretary.\n\n" h "\n\n"               \
	"2.1 The yearly subscription for an adult member is £30, payable by 1 October. Juniors "   \
	"pay half.\n\n2.2 A visitor pays £2 for each club night.\n"

/* Issue 10 (stop 33): a heading kept in NEW where it stood (it stands) is what the sentences
 * under it are about, not what an added sentence restates: "The Club collects the grading fee
 * with the subscription." takes no source from "Fees and subscriptions", numbered or not; nor an
 * added sentence from a title kept in place. The number of "## 2. Fees and subscriptions" is
 * the heading's own (it is one unit, structure.c), or its words were a sentence and linked. */
Test(provenance, a_sentence_takes_no_source_from_a_heading_that_stands)
{
	assert_no_link(CHESS_OLD("## 2. Fees and subscriptions"),
	               CHESS_NEW("## 2. Fees and subscriptions"), "The Club collects");
	assert_no_link(CHESS_OLD("## Fees and subscriptions"), CHESS_NEW("## Fees and subscriptions"),
	               "The Club collects");
	const char *a = "# Pellow Yard built its name on open ferries and now wants closed cabins\n\n"
	                "Pellow Yard has launched open-decked boats for the island crossing since "
	                "1950.\n\nThe owners say passengers now expect shelter from the spray.\n";
	char b[512];
	snprintf(b, sizeof b, "%s\nFor decades, the yard has been known for open ferries, and its "
	                      "reputation was built on them.\n", a);
	assert_no_link(a, b, "For decades");
}

/* ...but a title that did not stay (rewritten, its words gone) may be restated by an added
 * sentence: the link stays (corpus 000 -> 003's "For years, <company> has built a strong
 * reputation ..." from 000's title). */
Test(provenance, an_added_sentence_restates_a_title_that_left)
{
	const char *a = "# Pellow Yard built its name on open ferries and now wants closed cabins\n\n"
	                "Pellow Yard has launched open-decked boats for the island crossing since "
	                "1950.\n\nThe owners say passengers now expect shelter from the spray.\n";
	const char *b = "# A shipyard changes course\n\n"
	                "Pellow Yard has launched open-decked boats for the island crossing since "
	                "1950.\n\nThe owners say passengers now expect shelter from the spray.\n\n"
	                "For decades, the yard has been known for open ferries, and its reputation "
	                "was built on them.\n";
	rl_alignment *al = diff(a, b, true);
	const rl_link *ln = link_of(al, b, "For decades");
	cr_assert_not_null(ln);
	char *t = text(al, RL_OLD, ln->a0[0], ln->a1[0], a);
	cr_assert(strstr(t, "built its name on open ferries") != NULL, "%s", t);
	free(t);
	rl_alignment_free(al);
}
