/* print_stat.c: one line of figures. */
#include "print.h"
#include "quote_changes.h"
#include "status.h"

/* num of den in percent, for one decimal: 100.0 only when num is all of den (a rounded
 * "100.0%" for texts that differ would say they do not); `none` when den is 0. */
static double percent(size_t num, size_t den, double none)
{
	double p = den ? 100.0 * (double)num / (double)den : none;
	return num < den && p > 99.9 ? 99.9 : p;
}

static int print_stat(rl_out *o, const rl_alignment *al, const rl_source *src)
{
	const rl_stats *st = rl_alignment_stats(al);
	/* Quotations counted as --changes lists them, one each: a quotation with forty synonyms
	 * swapped inside is one altered quotation, not forty (the ops it holds). Counted by the
	 * grouping the list itself uses (quote_changes.h), without building the list: its words,
	 * sentences and paragraphs were 2% of a 1 MB comparison's instructions, for four numbers. */
	size_t quotes[RL_QUOTE_KINDS];
	rl_quote_changes_count(al, quotes);

	fprintf(o->fp,
	        "old %zu words, new %zu words: kept %zu (%.1f%% of old), rewritten %zu -> %zu, "
	        "deleted %zu, inserted %zu, moved %zu in %zu passage%s; quotes: %zu removed, "
	        "%zu added, %zu altered, %zu elided; ops: %zu equal, %zu replace, %zu delete, "
	        "%zu insert, %zu move; similarity %.1f%%",
	        st->words[0], st->words[1], st->kept,
	        /* nothing of an empty OLD is kept: an added file keeps 0.0%, not 100 */
	        percent(st->kept, st->words[0], 0.0),
	        st->replaced[0], st->replaced[1], st->deleted, st->inserted, st->moved, st->moves,
	        st->moves == 1 ? "" : "s", quotes[RL_QUOTE_REMOVED], quotes[RL_QUOTE_ADDED],
	        quotes[RL_QUOTE_ALTERED], quotes[RL_QUOTE_ELIDED], st->ops[RL_OP_EQUAL],
	        st->ops[RL_OP_REPLACE] + st->ops[RL_OP_TYPO],
	        st->ops[RL_OP_DELETE], st->ops[RL_OP_INSERT], st->ops[RL_OP_MOVE],
	        percent(st->kept + st->kept_new, st->words[0] + st->words[1], 100.0));
	/* Formatting of punctuation only (a link moved onto an arrow) changes no word: said so, as
	 * --changes says it, never "0 words". */
	if (st->ops[RL_OP_FORMAT] && st->formatted)
		fprintf(o->fp, "; formatting changed: %zu word%s in %zu place%s", st->formatted,
		        st->formatted == 1 ? "" : "s", st->ops[RL_OP_FORMAT],
		        st->ops[RL_OP_FORMAT] == 1 ? "" : "s");
	else if (st->ops[RL_OP_FORMAT])
		fprintf(o->fp, "; formatting changed in %zu place%s (no whole word)",
		        st->ops[RL_OP_FORMAT], st->ops[RL_OP_FORMAT] == 1 ? "" : "s");
	if (st->typographic)
		fprintf(o->fp, "; compounds written otherwise (no change; --strict shows them): %zu",
		        st->typographic);
	if (st->bound_hits)
		fprintf(o->fp, " (coarse: %zu searches hit the cost bound)", st->bound_hits);
	if (src && (src[0].doc.dropped_lines || src[1].doc.dropped_lines))
		fprintf(o->fp, "; furniture dropped: %zu lines old, %zu new",
		        src[0].doc.dropped_lines, src[1].doc.dropped_lines);
	rl_out_raw(o, "\n", 1);
	return RL_OK;
}

int rl_print_stat(rl_out *o, const rl_alignment *al)
{
	return print_stat(o, al, NULL);
}

int rl_print_stat_sources(rl_out *o, const rl_alignment *al, const rl_source src[2])
{
	return print_stat(o, al, src);
}
