/* Tests for restyle.c through rl_diff_styled: words kept whose formatting changed become format
 * ops, code (exact spans) is compared byte for byte, and nothing else of the alignment moves.
 * The styles here are made by hand: the engine knows nothing of Markdown. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "status.h"

/* Up to 8 spans a side, each over the first occurrence of a phrase. */
typedef struct spans {
	rl_style_span v[8];
	size_t n;
} spans;

static void span(spans *s, const char *text, const char *phrase, uint32_t style, bool exact)
{
	const char *p = strstr(text, phrase);
	cr_assert_not_null(p, "%s", phrase);
	size_t start = (size_t)(p - text);
	/* kept sorted: insert in place */
	size_t k = s->n++;
	while (k > 0 && s->v[k - 1].start > start) {
		s->v[k] = s->v[k - 1];
		k--;
	}
	s->v[k] = (rl_style_span){start, start + strlen(phrase), style, exact};
}

static rl_alignment *styled(const char *a, const char *b, const spans *sa, const spans *sb)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	rl_styles st[2] = {{sa->v, sa->n}, {sb->v, sb->n}};
	rl_alignment *al;
	cr_assert_eq(rl_diff_styled(&al, a, strlen(a), b, strlen(b), &o, st), RL_OK);
	return al;
}

/* The ops as "kind:old words|new words" joined by spaces (e f r d i m). */
static const char *ops_text(const rl_alignment *al, char *out, size_t cap)
{
	size_t n, len = 0;
	const rl_op *ops = rl_alignment_ops(al, &n);
	out[0] = '\0';
	for (size_t k = 0; k < n; k++) {
		size_t s0, e0, s1, e1;
		rl_op_bytes(al, &ops[k], RL_OLD, &s0, &e0);
		rl_op_bytes(al, &ops[k], RL_NEW, &s1, &e1);
		const char *ta = rl_tokens_text(rl_alignment_tokens(al, RL_OLD));
		const char *tb = rl_tokens_text(rl_alignment_tokens(al, RL_NEW));
		char kind = "edirmf"[ops[k].kind];
		if (kind == 'e')
			continue;  /* the kept text, left out for brevity */
		len += (size_t)snprintf(out + len, cap - len, "%s%c:%.*s|%.*s", len ? " " : "", kind,
		                        (int)(e0 - s0), ta + s0, (int)(e1 - s1), tb + s1);
	}
	return out;
}

/* The styled diff of a and b is the ops want (as ops_text writes them). */
static void assert_ops(const char *a, const char *b, const spans *sa, const spans *sb,
                       const char *want)
{
	rl_alignment *al = styled(a, b, sa, sb);
	char buf[512];
	cr_assert_str_eq(ops_text(al, buf, sizeof buf), want);
	rl_alignment_free(al);
}

#define EMPH 11u
#define STRONG 12u
#define LINK_A 21u
#define LINK_B 22u
#define CODE 31u

Test(restyle, only_emphasis_changed_is_a_format_change)
{
	const char *a = "The ferry leaves at seven sharp from the north quay.";
	spans sa = {0}, sb = {0};
	span(&sa, a, "seven sharp", EMPH, false);
	span(&sb, a, "seven sharp", STRONG, false);
	rl_alignment *al = styled(a, a, &sa, &sb);
	char buf[512];
	cr_assert_str_eq(ops_text(al, buf, sizeof buf), "f:seven sharp|seven sharp");
	const rl_stats *st = rl_alignment_stats(al);
	cr_assert_eq(st->ops[RL_OP_FORMAT], 1);
	cr_assert_eq(st->formatted, 2);
	cr_assert_eq(st->kept, st->words[0], "the words are all kept");
	cr_assert_not(rl_alignment_same(al), "a formatting change is a difference");
	rl_alignment_free(al);
	/* Emphasis added (none before) is one too; the same emphasis both sides is none. */
	spans none = {0};
	al = styled(a, a, &none, &sb);
	cr_assert_str_eq(ops_text(al, buf, sizeof buf), "f:seven sharp|seven sharp");
	rl_alignment_free(al);
	al = styled(a, a, &sb, &sb);
	cr_assert(rl_alignment_same(al));
	rl_alignment_free(al);
}

Test(restyle, only_a_link_target_changed)
{
	const char *a = "Read the harbour timetable before you travel.";
	spans sa = {0}, sb = {0};
	span(&sa, a, "harbour timetable", LINK_A, false);
	span(&sb, a, "harbour timetable", LINK_B, false);
	assert_ops(a, a, &sa, &sb, "f:harbour timetable|harbour timetable");
}

Test(restyle, a_word_change_stays_a_rewrite_beside_a_format_change)
{
	const char *a = "The ferry leaves at seven from the north quay, see the timetable.";
	const char *b = "The ferry leaves at eight from the north quay, see the timetable.";
	spans sa = {0}, sb = {0};
	span(&sa, a, "seven", EMPH, false);       /* the rewritten word was re-emphasised too */
	span(&sb, b, "eight", STRONG, false);
	span(&sa, a, "timetable", LINK_A, false);  /* and a link's target changed elsewhere */
	span(&sb, b, "timetable", LINK_B, false);
	rl_alignment *al = styled(a, b, &sa, &sb);
	char buf[512];
	cr_assert_str_eq(ops_text(al, buf, sizeof buf), "r:seven|eight f:timetable|timetable");
	const rl_stats *st = rl_alignment_stats(al);
	cr_assert_eq(st->replaced[0], 1);
	cr_assert_eq(st->ops[RL_OP_FORMAT], 1);
	rl_alignment_free(al);
	/* Without styles the same texts give the plain alignment. */
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	cr_assert_eq(rl_diff_styled(&al, a, strlen(a), b, strlen(b), &o, NULL), RL_OK);
	cr_assert_str_eq(ops_text(al, buf, sizeof buf), "r:seven|eight");
	rl_alignment_free(al);
}

Test(restyle, punctuation_glued_after_a_restyled_word_stays_kept)
{
	const char *a = "Boats run daily, weather permitting.";
	spans sa = {0}, sb = {0};
	span(&sb, a, "daily", EMPH, false);
	assert_ops(a, a, &sa, &sb, "f:daily|daily");
}

Test(restyle, code_is_compared_verbatim)
{
	/* Typography is folded in prose ("--" = "—", straight = curly quotes), not in code. */
	const char *a = "Run tally --year \"2026\" now -- or \"later\".";
	const char *b = "Run tally \xe2\x80\x94year \xe2\x80\x9c" "2026\xe2\x80\x9d now \xe2\x80\x94 "
	                "or \xe2\x80\x9clater\xe2\x80\x9d.";
	rl_alignment *al = styled(a, b, &(spans){0}, &(spans){0});
	cr_assert(rl_alignment_same(al), "prose: folded");
	rl_alignment_free(al);
	spans sa = {0}, sb = {0};
	span(&sa, a, "tally --year \"2026\"", CODE, true);
	span(&sb, b, "tally \xe2\x80\x94year \xe2\x80\x9c" "2026\xe2\x80\x9d", CODE, true);
	al = styled(a, b, &sa, &sb);
	char buf[512];
	cr_assert_str_eq(ops_text(al, buf, sizeof buf),
	                 "r:--|\xe2\x80\x94 r:\"|\xe2\x80\x9c r:\"|\xe2\x80\x9d", "%s", buf);
	rl_alignment_free(al);
	/* The same code on both sides is no difference. */
	al = styled(a, a, &sa, &sa);
	cr_assert(rl_alignment_same(al));
	rl_alignment_free(al);
}

/* Code is not prose: a string in a code block changed is a change of the code, never an altered
 * quotation; code after "she said:" is no quotation either. The quotation of the prose beside
 * it is found as ever. */
Test(restyle, code_holds_no_quotation)
{
	const char *a = "The guide said \"set the port\" first.\n\nThe admin said:\n\n"
	                "port = \"north gate\" # the old one";
	const char *b = "The guide said \"set the dock\" first.\n\nThe admin said:\n\n"
	                "port = \"south gate\" # the new one";
	spans sa = {0}, sb = {0};
	span(&sa, a, "port = \"north gate\" # the old one", CODE, true);
	span(&sb, b, "port = \"south gate\" # the new one", CODE, true);
	rl_alignment *al = styled(a, b, &sa, &sb);
	const rl_stats *st = rl_alignment_stats(al);
	cr_assert_eq(st->quotations[0], 1, "%zu", st->quotations[0]);
	cr_assert_eq(st->quotations[1], 1, "%zu", st->quotations[1]);
	size_t n;
	const rl_op *ops = rl_alignment_ops(al, &n);
	size_t flagged = 0;
	for (size_t k = 0; k < n; k++) {
		size_t s0, e0;
		rl_op_bytes(al, &ops[k], RL_OLD, &s0, &e0);
		if (ops[k].quote != RL_QUOTE_NONE) {
			flagged++;
			cr_assert_lt(e0, strlen("The guide said \"set the port\""), "a flag in the code");
		}
	}
	cr_assert_eq(flagged, 1, "%zu", flagged);
	rl_alignment_free(al);
}

/* A restyled stretch inside a moved passage is a formatting change too: a format op carrying the
 * passage's move id, as an edit inside it does; the rest of the passage stays moved. */
Test(restyle, restyled_words_inside_a_moved_passage)
{
	const char *a = "Alpha one two three four five six seven eight nine ten eleven twelve. Beta "
	                "words here now and then some more of them. Gamma closes the text.";
	const char *b = "Beta words here now and then some more of them. Alpha one two three four "
	                "five six seven eight nine ten eleven twelve. Gamma closes the text.";
	spans sa = {0}, sb = {0};
	span(&sb, b, "words here", EMPH, false);  /* inside the moved passage (Beta's) */
	span(&sb, b, "four", EMPH, false);        /* in kept text */
	rl_alignment *al = styled(a, b, &sa, &sb);
	char got[512];
	cr_assert_str_eq(ops_text(al, got, sizeof got),
	                 "m:Beta|Beta f:words here|words here "
	                 "m:now and then some more of them.|now and then some more of them. "
	                 "f:four|four");
	size_t n;
	const rl_op *ops = rl_alignment_ops(al, &n);
	uint32_t moves[2] = {0, 0};
	size_t f = 0;
	for (size_t k = 0; k < n; k++)
		if (ops[k].kind == RL_OP_FORMAT) {
			moves[f++] = ops[k].move;
			if (ops[k].move)
				cr_assert_eq(ops[k - 1].move, ops[k].move, "the passage's own id");
		}
	cr_assert_neq(moves[0], 0, "inside the passage: an edit of the move");
	cr_assert_eq(moves[1], 0, "in kept text: none");
	rl_alignment_free(al);
}
