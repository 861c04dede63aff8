/* structure.h: how a text is built of its tokens (units: sentences, list items, headings).
 * Internal to diff/; what the tokens are (function words, stops, list markers) is lexicon.h.
 *
 * Units come from punctuation and from the tokenizer's gaps: a line a reader sees (a list item, a
 * heading, a paragraph of its own) always starts a unit, and so does a sentence after its stop. */
#ifndef REDLINE_STRUCTURE_H
#define REDLINE_STRUCTURE_H

#include <stdbool.h>
#include <stddef.h>

#include "ctx.h"

/* Issue 10: a list marker is structure, never paired with text: a replace whose one side is a
 * list marker and nothing else is cut into the marker inserted (or deleted) on its own, glued
 * to the words it starts, and the other side deleted (or inserted). Moves are left as they
 * are. */
int rl_markers_apart(rl_ctx *c, rl_opvec *ops);

/* Issue 10: a renumbered list keeps its items (an ordered marker's number is keyed by its place,
 * ctx_init.c), but an equal or a moved op never holds two numbers that differ: each such pair
 * ("1." now "2.") is cut out as a replace of the number alone. Runs after every stage that pairs. */
int rl_ordinals_apart(rl_ctx *c, rl_opvec *ops);

/* Issue 10: edges a reader sees, after the stages that pair and move (before quotations are
 * flagged):
 * - a deletion that a moved passage's place cut in two (a quotation's opening mark deleted on
 *   its own above the passage, its words below it) is one deletion again, after the passage;
 * - a rewrite that starts at the hyphen of a compound whose first part stayed ("closed" kept,
 *   "-source models" rewritten as "ones") takes that first part with it, and one that ends at
 *   the hyphen of a compound whose second part stayed ("its long-" rewritten, "delayed" kept)
 *   takes that second part: a word is not cut at its hyphen;
 * - a change that meets a number written in digits takes the rest of it on both sides, and two
 *   changes meeting inside one are one: "[-1,260-] {+1,520+}", "[-3.5-] {+4.6+}", never
 *   "1,[-260-] {+520+}" (the parts stay tokens for the diff: "[-5-] {+five+}.26" keeps ".26");
 * - a mark glued to a kept word in NEW ("87.") that the ops put after deletions running past a
 *   sentence of OLD is inserted right after its word: "87{+.+}[-, most … fitted.-]". */
int rl_edges_tidy(rl_ctx *c, rl_opvec *ops);

/* Issue 10: a unit is not drawn apart from its own ends (after the quotations are flagged,
 * rl_normalize and rl_items_apart: cutting a quotation out of a rewrite leaves such a tail, cutting
 * items such a head). Where a deletion (insertion) of whole units of one side stands between two
 * ops of one unit of the other side (or a run of them: a summary's inserted sentences, a passage
 * moved in among them):
 * - the insertion (deletion) that continues the change before it is listed before the units, and
 *   a rewrite takes it as its own: "{+alongside+}[-“A quotation.”-]{+closed ones+}" reads
 *   "{+alongside closed ones+}[-“A quotation.”-]", one row;
 * - the insertion (deletion) that heads the op after it is listed after the units: an inserted
 *   list marker stands with its item's words, a deleted "But" with its sentence's kept words;
 *   a head whose unit goes on in a change of its kind after the units joins that change;
 * - a mark inserted (deleted) alone and glued to the word of the op after next is listed after
 *   the one-sided change of the other side between them: "[-- Ann-] {+“+}{!We!}";
 * - where a deletion (insertion) of whole blocks (a heading, paragraphs, items) follows the end
 *   of a paragraph of its side while the other side's paragraph goes on in an insertion
 *   (deletion), that paragraph's end is listed first, with its paragraph: "barriers.{+ It was
 *   turned down.+}[-## Next-]{+## Steps+}", not NEW's sentence below OLD's heading. */
int rl_tails_first(rl_ctx *c, rl_opvec *ops);

/* Issue 10: an insertion or a deletion of several list items is cut at each item's marker, one
 * change an item (after rl_normalize, which joins what continues). */
int rl_items_apart(rl_ctx *c, rl_opvec *ops);

/* A list item run into a line (RL_UNIT_RUN_IN) ends within this many tokens of its marker: a
 * bullet is short, and looking no farther keeps the units' walk bounded. */
#define RL_RUN_IN_TOKENS 48

/* Find the units of side s (c->side[s].ids and c->idf must be set). Fills unit, ustart, uflags and
 * nunits. A list item run into a line is a unit of its own, whatever stage asks: it ends at its
 * stop or line, or (one without a stop, flattened from a list) before the first capital word
 * after a lower-case one (not all capitals), where the sentence it runs on into starts
 * (RL_UNIT_RUN_ON); within RL_RUN_IN_TOKENS, or it is taken for no item. */
int rl_units_find(rl_ctx *c, int s);

/* The most words a heading has (rl_unit_heading): a title or a standfirst is a line, not a
 * paragraph (the corpus's longest standfirst is 13 words). */
#define RL_HEADING_WORDS 20

/* Is unit u of side s a heading: a line of its own, of at most RL_HEADING_WORDS words, no list
 * item, not ended by a stop, comma, semicolon or colon; or, wherever its line breaks, a title
 * asked as a question (its content words capitalized, ending in "?")? */
bool rl_unit_heading(const rl_ctx *c, int s, uint32_t u);

/* What an id is as a name (rl_names_find). */
enum { RL_NAME_SEEN = 1, RL_NAME_LOWER = 2 };

/* Per id, into names[0, c->nids) (zeroed by the caller): RL_NAME_SEEN when the word is a name,
 * capitalized inside a sentence and never in lower case, on either side; RL_NAME_LOWER when seen
 * in lower case. */
void rl_names_find(const rl_ctx *c, uint8_t *names);
/* The same for the ids that asked[0, c->nids) flags alone (names[id] of any other id is left
 * as it was): rl_names_find's answer for each of them, without the tests of every unit's
 * heading and every word of both sides (the sources stage reads the names of a few words of
 * NEW, over its own context of the whole of OLD). */
void rl_names_find_some(const rl_ctx *c, uint8_t *names, const uint8_t *asked);
/* The context's table of names (c->names), found by rl_names_find the first time it is asked
 * for and kept until the context is released; NULL without memory for it. */
const uint8_t *rl_ctx_names(rl_ctx *c);

/* Does a sentence end just before token t of side s (t itself starts a new unit)? */
bool rl_unit_starts(const rl_ctx *c, int s, uint32_t t);

#endif
