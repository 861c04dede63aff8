/* quote.h: quotations, and the changes that touch them (internal to diff/).
 *
 * A removed direct quote looks like any other deletion in a word diff, and it is the edit a
 * journalist must never miss. rl_quotes_find (quote.c) finds the quotations of a text: “…” ‘…’
 * «…» ‹…› „…“ ‚…‘ 「…」 『…』 and straight "…" '…' (told open from close by the spacing around them),
 * nested, and spanning paragraphs the English way (each new paragraph reopens the quote, only
 * the last closes it). An opening mark that is never closed is not a quotation.
 *
 * A right single mark is also the apostrophe: inside a word (keeper’s), at the end of a plural
 * possessive (the sailors’ hut) or around an elision (rock ’n’ roll) it closes nothing.
 *
 * rl_quotes_flag (quote_flag.c) then flags the ops, each change first cut at the edges of the
 * quotations it covers in part (a flag marks the quotation, never the text around it): a
 * quotation of OLD whose words are (almost) all gone is `removed`; one of NEW with (almost)
 * nothing from OLD is `added`, unless it rewords unquoted text that stood in its place; either
 * counts once (its ops folded into one). Changed words inside a quotation that survives, and is a
 * quotation on the other side too, make the ops that change them `altered`, or `elided` when the
 * new text puts an ellipsis ("…", "...") where words were. Marks merely put around (or taken
 * from) kept words flag nothing. */
#ifndef REDLINE_QUOTE_H
#define REDLINE_QUOTE_H

#include "ctx.h"

/* Find the quotations of side s into c->side[s].quotes (ids, units must be set). quote.c */
int rl_quotes_find(rl_ctx *c, int s);

/* The innermost quotation of sd holding token t (marks included: the one that opens last), or
 * -1. quote.c */
int32_t rl_quote_innermost(const rl_side *sd, uint32_t t);
/* The same for a walk whose t never goes back: *opened counts the quotations opening at or before
 * the t asked last (0 at first, or any count of those opening before t), and is moved on past
 * those opening up to t, so a walk over a range pays for the quotations it passes, not a search
 * for each token. quote.c */
int32_t rl_quote_innermost_walk(const rl_side *sd, uint32_t t, size_t *opened);

/* Break the exact script's ties around quotations by the marks: among the scripts that keep as
 * many tokens, the one that pairs a quotation's words with words of one quotation (or none) on
 * the other side. ops[first..] is the exact script of a range, every token compared, none left
 * out (no hole: refine.h). quote_ties.c */
int rl_quote_ties(rl_ctx *c, rl_opvec *ops, size_t first);

/* Flag the ops that touch quotations. quote_flag.c */
int rl_quotes_flag(rl_ctx *c, rl_opvec *ops);

#endif
