/* print_changes.c: --changes, the change list as Markdown: one line per change of substance, in
 * reading order, then a summary line. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "changelist.h"
#include "print.h"
#include "status.h"

/* The list's own symbols, and their ASCII stand-ins for a terminal whose locale cannot show
 * UTF-8 (o->ascii; HTML and pipes get UTF-8). */
#define OPEN_Q(o) ((o)->ascii ? "\"" : "\xe2\x80\x9c")
#define CLOSE_Q(o) ((o)->ascii ? "\"" : "\xe2\x80\x9d")
#define MORE(o) ((o)->ascii ? " ..." : " \xe2\x80\xa6")
#define ARROW(o) ((o)->ascii ? " -> " : " \xe2\x86\x92 ")
#define PARA(o) ((o)->ascii ? "para " : "\xc2\xb6")
/* "1 word", "2 words": "(1 words)" reads as a slip. */
#define WORDS(n) ((n) == 1 ? "word" : "words")

/* An excerpt shows at most this many words, then "…". */
#define EXCERPT_WORDS 12

/* Document text made inert for Markdown: its syntax characters escaped with a backslash, so no
 * link, image, emphasis or HTML from a document becomes active where the list is pasted; the rest
 * goes through rl_out_text (no control reaches the terminal). */
static void md_text(rl_out *o, const char *s, size_t n)
{
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		if (!strchr("\\`*_[]<>|~#!()", s[i]) || s[i] == '\0')
			continue;
		rl_out_text(o, s + start, i - start);
		char esc[2] = {'\\', s[i]};
		rl_out_raw(o, esc, 2);
		start = i + 1;
	}
	rl_out_text(o, s + start, n - start);
}

/* Does token t of n open a quotation (“ " ‘ « „ ')? Only a mark glued to the word after it and
 * not to a word before it does: the apostrophe of "Meta's" or "the boys' " opens nothing. */
static bool opens_quote(const char *text, const rl_token *tk, uint32_t t, size_t n)
{
	static const char *const marks[] = {"\xe2\x80\x9c", "\"", "\xe2\x80\x98", "\xc2\xab",
	                                    "\xe2\x80\x9e", "'"};
	const rl_token *m = &tk[t];
	if (t + 1 >= n || tk[t + 1].gap != RL_GAP_NONE ||
	    (t > 0 && m->gap == RL_GAP_NONE && tk[t - 1].cls == RL_TOK_WORD))
		return false;
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
		if (m->len == strlen(marks[k]) && memcmp(text + m->off, marks[k], m->len) == 0)
			return true;
	return false;
}

/* Tokens [t0, t1) of a side in curly quotes (none when the text starts with its own), one space
 * where the text has any whitespace, cut after EXCERPT_WORDS words; "(nothing)" for none. */
static void excerpt(rl_out *o, const rl_alignment *al, int side, uint32_t t0, uint32_t t1,
                    bool html)
{
	const rl_tokens *tks = rl_alignment_tokens(al, side);
	const rl_token *tk = rl_tokens_array(tks);
	const char *text = rl_tokens_text(tks);
	unsigned words = 0;

	if (t1 <= t0) {
		rl_out_str(o, "(nothing)");
		return;
	}
	bool own = opens_quote(text, tk, t0, rl_tokens_count(tks));
	if (!own)
		rl_out_str(o, OPEN_Q(o));
	for (uint32_t t = t0; t < t1; t++) {
		if (tk[t].cls == RL_TOK_WORD && !(tk[t].flags & RL_TF_GLUED) &&
		    ++words > EXCERPT_WORDS) {
			rl_out_str(o, MORE(o));
			break;
		}
		if (t > t0 && tk[t].gap != RL_GAP_NONE)
			rl_out_raw(o, " ", 1);
		if (html)
			rl_html_text(o, text + tk[t].off, tk[t].len);
		else
			md_text(o, text + tk[t].off, tk[t].len);
	}
	if (!own)
		rl_out_str(o, CLOSE_Q(o));
}

static void where(rl_out *o, const rl_edit *ch)
{
	if (ch->kind == RL_CH_MOVED)
		fprintf(o->fp, "%s%u%s%s%u", PARA(o), (unsigned)ch->para[0], ARROW(o), PARA(o),
		        (unsigned)ch->para[1]);
	else if (ch->b1 > ch->b0)
		fprintf(o->fp, "%s%u", PARA(o), (unsigned)ch->para[1]);
	else
		fprintf(o->fp, "old %s%u", PARA(o), (unsigned)ch->para[0]);
}

/* "sentence deleted", "3 sentences inserted", "passage deleted" (no sentence end in it). */
static void sentences_label(rl_out *o, const rl_edit *ch, int side)
{
	uint32_t n = ch->sentences[side];
	const char *what = ch->kind == RL_CH_DELETED ? "deleted" : "inserted";
	if (n > 1)
		fprintf(o->fp, "%u sentences %s", (unsigned)n, what);
	else
		fprintf(o->fp, "%s %s", n ? "sentence" : "passage", what);
	fprintf(o->fp, " (%u %s): ", (unsigned)ch->words[side], WORDS(ch->words[side]));
}

/* Words a change beside a flagged one may hold and still be read with it as one edit ("plans"
 * deleted before "We plan" inserted in a new quotation: “plans” → “We plan”). */
#define QUOTE_EDIT_WORDS 3

/* Words of tokens [t0, t1) of a side. */
static uint32_t words_of(const rl_alignment *al, int side, uint32_t t0, uint32_t t1)
{
	const rl_token *tk = rl_tokens_array(rl_alignment_tokens(al, side));
	uint32_t n = 0;
	for (uint32_t t = t0; t < t1; t++)
		n += tk[t].cls == RL_TOK_WORD && !(tk[t].flags & RL_TF_GLUED);
	return n;
}

/* An altered or elided quotation: each edit inside it, old words → new words; a flagged change
 * and the short changes right beside it are one edit. */
static void quote_edits(rl_out *o, const rl_alignment *al, const rl_edit *ch, bool html)
{
	size_t nops;
	const rl_op *ops = rl_alignment_ops(al, &nops);
	bool first = true;

	for (uint32_t k = ch->op0; k < ch->op1;) {
		/* the run of changes from k: flagged ones and short ones beside them */
		uint32_t j = k;
		bool flagged = false;
		while (j < ch->op1 && !rl_op_unchanged(&ops[j]) &&
		       (ops[j].quote != RL_QUOTE_NONE ||
		        (words_of(al, RL_OLD, ops[j].a0, ops[j].a1) <= QUOTE_EDIT_WORDS &&
		         words_of(al, RL_NEW, ops[j].b0, ops[j].b1) <= QUOTE_EDIT_WORDS))) {
			flagged |= ops[j].quote != RL_QUOTE_NONE;
			j++;
		}
		if (j == k) {
			k++;
			continue;
		}
		if (flagged) {
			rl_out_str(o, first ? "" : "; ");
			first = false;
			excerpt(o, al, RL_OLD, ops[k].a0, ops[j - 1].a1, html);
			if (ch->kind == RL_CH_QUOTE_ELIDED && ops[k].b0 == ops[j - 1].b1) {
				rl_out_str(o, " cut");  /* shortened at an end: no "→ (nothing)" */
			} else {
				rl_out_str(o, ARROW(o));
				excerpt(o, al, RL_NEW, ops[k].b0, ops[j - 1].b1, html);
			}
		}
		k = j;
	}
}

/* After an inserted or rewritten unit drawn from OLD's text elsewhere: " (from old ¶N)", the
 * paragraph of its first source. */
static void derived_from(rl_out *o, const rl_alignment *al, const rl_edit *ch)
{
	const rl_link *ln = NULL;
	for (uint32_t t = ch->b0; t < ch->b1 && !ln; t++)
		ln = rl_source_at(al, t);
	if (ln && ln->para)
		fprintf(o->fp, " (from old %s%u)", PARA(o), (unsigned)ln->para);
}

/* A formatting description as the list shows it: "plain" for none, a long one (a link's target)
 * cut at FORMAT_BYTES on a character boundary. */
#define FORMAT_BYTES 60
static void format_name(rl_out *o, const char *d, bool html)
{
	size_t n = strlen(d), cut = n;
	if (!n) {
		rl_out_str(o, "plain");
		return;
	}
	if (n > FORMAT_BYTES) {
		cut = FORMAT_BYTES;
		while (cut > 0 && ((unsigned char)d[cut] & 0xC0) == 0x80)
			cut--;
	}
	if (html)
		rl_html_text(o, d, cut);
	else
		md_text(o, d, cut);
	if (cut < n)
		rl_out_str(o, MORE(o) + 1);
}

/* A formatting change of no whole word, as the list says it (never "0 words"): punctuation alone
 * taken into or out of a span (a full stop pulled into a code span), or the end of a word glued
 * to it ("'s" taken into a strong span). */
static const char *no_word(const rl_alignment *al, const rl_edit *ch)
{
	const rl_token *tk = rl_tokens_array(rl_alignment_tokens(al, RL_NEW));
	for (uint32_t t = ch->b0; t < ch->b1; t++)
		if (tk[t].cls == RL_TOK_WORD)
			return "part of a word";
	return "punctuation only";
}

/* After a formatting change: " (emphasis → strong)", each side's formatting at its start. */
static void format_change(rl_out *o, const rl_alignment *al, const rl_edit *ch,
                          const rl_source *src, bool html)
{
	if (!src)
		return;
	rl_out_str(o, " (");
	for (int side = 0; side < 2; side++) {
		size_t lo, hi;
		rl_range_bytes(al, side, side ? ch->b0 : ch->a0, side ? ch->b1 : ch->a1, &lo, &hi);
		if (side)
			rl_out_str(o, ARROW(o));
		format_name(o, rl_source_style_at(&src[side], lo), html);
	}
	rl_out_str(o, ")");
}

void rl_print_change_text(rl_out *o, const rl_alignment *al, const rl_edit *ch,
                          const rl_source *src, bool html)
{
	where(o, ch);
	rl_out_str(o, ": ");
	switch (ch->kind) {
	case RL_CH_QUOTE_ALTERED:
	case RL_CH_QUOTE_ELIDED:
		fprintf(o->fp, "%s: ", rl_edit_label(ch->kind));
		quote_edits(o, al, ch, html);
		break;
	case RL_CH_QUOTE_REMOVED:
		fprintf(o->fp, "%s (%u %s): ", rl_edit_label(ch->kind), (unsigned)ch->words[0],
		        WORDS(ch->words[0]));
		excerpt(o, al, RL_OLD, ch->a0, ch->a1, html);
		break;
	case RL_CH_QUOTE_ADDED:
		fprintf(o->fp, "%s (%u %s): ", rl_edit_label(ch->kind), (unsigned)ch->words[1],
		        WORDS(ch->words[1]));
		excerpt(o, al, RL_NEW, ch->b0, ch->b1, html);
		break;
	case RL_CH_MOVED:
		fprintf(o->fp, "passage moved (%u %s, %s): ", (unsigned)ch->words[0],
		        WORDS(ch->words[0]), ch->reworded ? "reworded" : "unchanged");
		excerpt(o, al, RL_OLD, ch->a0, ch->a1, html);
		break;
	case RL_CH_DELETED:
		sentences_label(o, ch, RL_OLD);
		excerpt(o, al, RL_OLD, ch->a0, ch->a1, html);
		break;
	case RL_CH_INSERTED:
		sentences_label(o, ch, RL_NEW);
		excerpt(o, al, RL_NEW, ch->b0, ch->b1, html);
		derived_from(o, al, ch);
		break;
	case RL_CH_FORMAT:
		if (ch->words[1])
			fprintf(o->fp, "%s (%u %s): ", rl_edit_label(ch->kind), (unsigned)ch->words[1],
			        WORDS(ch->words[1]));
		else
			fprintf(o->fp, "%s (%s): ", rl_edit_label(ch->kind), no_word(al, ch));
		excerpt(o, al, RL_NEW, ch->b0, ch->b1, html);
		format_change(o, al, ch, src, html);
		break;
	default:
		fprintf(o->fp, "rewritten (%u%s%u %s): ", (unsigned)ch->words[0], ARROW(o),
		        (unsigned)ch->words[1], WORDS(ch->words[1]));
		excerpt(o, al, RL_OLD, ch->a0, ch->a1, html);
		rl_out_str(o, ARROW(o));
		excerpt(o, al, RL_NEW, ch->b0, ch->b1, html);
		derived_from(o, al, ch);
		break;
	}
}

/* The summary: the share of the original kept, then the counts. */
static void summary(rl_out *o, const rl_alignment *al, const rl_changelist *cl)
{
	const rl_stats *st = rl_alignment_stats(al);
	double share = st->words[0] ? 100.0 * (double)st->kept / (double)st->words[0] : 0.0;
	if (st->kept < st->words[0] && share > 99.9)
		share = 99.9;  /* a rounded 100.0% would say nothing changed */
	fprintf(o->fp,
	        "\n**Kept %zu of %zu words of the original (%.1f%%)**; rewritten %zu%s%zu, "
	        "deleted %zu, inserted %zu, moved %zu in %zu passage%s; %zu word edit%s not listed.\n",
	        st->kept, st->words[0], share, st->replaced[0], ARROW(o), st->replaced[1], st->deleted,
	        st->inserted, st->moved, st->moves, st->moves == 1 ? "" : "s", cl->minor,
	        cl->minor == 1 ? "" : "s");
	if (st->ops[RL_OP_FORMAT] && st->formatted)
		fprintf(o->fp, "Formatting changed in %zu place%s (%zu word%s), the words the same.\n",
		        st->ops[RL_OP_FORMAT], st->ops[RL_OP_FORMAT] == 1 ? "" : "s", st->formatted,
		        st->formatted == 1 ? "" : "s");
	else if (st->ops[RL_OP_FORMAT])
		fprintf(o->fp, "Formatting changed in %zu place%s (no whole word), the words the same.\n",
		        st->ops[RL_OP_FORMAT], st->ops[RL_OP_FORMAT] == 1 ? "" : "s");
	if (st->typographic)
		fprintf(o->fp, "%zu compound%s written otherwise (open source / open-source, e-mail / "
		        "email), no change (--strict shows them).\n", st->typographic,
		        st->typographic == 1 ? "" : "s");
}

int rl_print_changes(rl_out *o, const rl_alignment *al, const rl_source *src)
{
	rl_changelist cl;
	int rc = rl_changelist_build(&cl, al);

	if (rc != RL_OK)
		return rc;
	if (rl_alignment_same(al))
		rl_out_str(o, "No changes.\n");
	for (size_t k = 0; k < cl.n; k++) {
		rl_out_str(o, "- ");
		rl_print_change_text(o, al, &cl.items[k], src, false);
		rl_out_raw(o, "\n", 1);
	}
	if (!rl_alignment_same(al))
		summary(o, al, &cl);
	rl_changelist_free(&cl);
	return RL_OK;
}
