/* structure.h: what the tokens are (function words, sentence stops) and how a text is built of them
 * (units: sentences, list items, headings). Internal to diff/.
 *
 * Units come from punctuation and from the tokenizer's gaps: a line a reader sees (a list item, a
 * heading, a paragraph of its own) always starts a unit, and so does a sentence after its stop. */
#ifndef REDLINE_STRUCTURE_H
#define REDLINE_STRUCTURE_H

#include <stdbool.h>
#include <stddef.h>

#include "stage.h"

/* RL_IDF_* flags of a comparison key (the text of an id) of class cls. */
unsigned rl_key_flags(const char *key, size_t len, unsigned cls);

/* Is this word (any case, straight or curly apostrophe) a function word of English? */
bool rl_is_function_word(const char *s, size_t len);

/* List markers are compared under keys of their own, which start with this byte: a bullet's "-"
 * is never the hyphen of "closed-source", nor "1." the number of a sentence. */
#define RL_MARKER_KEY '\x01'

/* The tokens of the list marker that starts at token t of a text (0 when there is none): "-",
 * "*", "+", "•" and the like after whitespace and before a space; "1." "12)" "a)" at the start of a
 * line or after a stop or colon (a list run into the text). *unordered tells a bullet from a
 * numbered marker. */
uint32_t rl_list_marker(const rl_token *tok, const char *text, uint32_t n, uint32_t t,
                        bool *unordered);

/* Issue 10: a list marker is structure, never paired with text: a replace whose one side is a
 * list marker and nothing else is cut into the marker inserted (or deleted) on its own, glued
 * to the words it starts, and the other side deleted (or inserted). Moves are left as they
 * are. */
int rl_markers_apart(rl_ctx *c, rl_opvec *ops);

/* Find the units of side s (c->side[s].ids and c->idf must be set). Fills unit, ustart, uflags and
 * nunits. */
int rl_units_find(rl_ctx *c, int s);

/* Does a sentence end just before token t of side s (t itself starts a new unit)? */
bool rl_unit_starts(const rl_ctx *c, int s, uint32_t t);

#endif
