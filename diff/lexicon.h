/* lexicon.h: what a token is, from its text or its comparison key: a function word, punctuation,
 * a sentence stop, a list marker. Internal to diff/. Apart from the units (structure.h) because the
 * context (ctx_init.c) needs it to number the tokens before there is any structure to find. */
#ifndef REDLINE_LEXICON_H
#define REDLINE_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "token.h"

/* What the stages know of an id, from its key. */
enum {
	RL_IDF_FUNCTION = 1 << 0,  /* a function word (article, preposition, pronoun, auxiliary...) */
	RL_IDF_PUNCT = 1 << 1,     /* punctuation or a symbol */
	RL_IDF_STOP = 1 << 2,      /* ends a sentence: . ! ? … */
	RL_IDF_ELLIPSIS = 1 << 3,  /* … or ... (marks an elision inside a quotation) */
	RL_IDF_ORDINAL = 1 << 4,   /* the number or letter of an ordered list marker (its place) */
	RL_IDF_NUMBER = 1 << 5,    /* a part or a mark of a number split at its marks (RL_NUMBER_KEY) */
};

/* RL_IDF_* flags of a comparison key (the text of an id) of class cls. */
unsigned rl_key_flags(const char *key, size_t len, unsigned cls);

/* Is this word (any case, straight or curly apostrophe) a function word of English? */
bool rl_is_function_word(const char *s, size_t len);

/* List markers are compared under keys of their own, which start with this byte: a bullet's "-"
 * is never the hyphen of "closed-source", nor "1." the number of a sentence. */
#define RL_MARKER_KEY '\x01'
/* The key every ordered marker's number or letter shares ("1." pairs with "2." of a renumbered
 * list); the ops that pair two of them that differ hold them as a replace (rl_ordinals_apart). */
#define RL_ORDINAL_KEY "\x01#"

/* The parts of a number split at its marks ("5" "." "26" of "5.26") are compared under keys of
 * their own, which start with this byte and their role (ctx_init.c): a part never pairs with a
 * number standing alone, nor a number's dot with a sentence's stop. */
#define RL_NUMBER_KEY '\x02'

/* Is s[0..len) a closing mark that stays with the sentence it follows: a quotation mark or a
 * bracket (" ' ) ] } ’ ” » ›)? */
bool rl_is_closer(const char *s, size_t len);

/* The tokens of the list marker that starts at token t of a text (0 when there is none): "*",
 * "+", "•" and the like after whitespace and before a space, "-" too where it starts a line,
 * follows a stop or colon or continues a list so run into a line; "1." "12)" "a)" at the start of a line or after a stop or colon (a
 * list run into the text). *unordered tells a bullet from a
 * numbered marker. */
uint32_t rl_list_marker(const rl_token *tok, const char *text, uint32_t n, uint32_t t,
                        bool *unordered);

/* Is token t of a text (n tokens) a dash that breaks a sentence, as opposed to a hyphen or an en
 * dash that joins ("closed-source", "1990–1995") or a minus sign? An em dash,
 * a horizontal bar, the two- and three-em dashes; a run of hyphens ("so -- if", "that--and"),
 * not in "<!--"; a hyphen or an en dash with a space before it and none glued after ("Boston -
 * The", "that – and"; not between two numbers: "2 - 1"), or glued to a mark after ("(1903-)"). Every dash has the same key under the typography folding (ctx_init.c): "Boston - The" against "Boston – The" is
 * typography, "openness — that" against "openness—that" spacing; a dash pairs neither with a
 * word's hyphen nor with a bullet. */
bool rl_is_dash(const rl_token *tok, const char *text, uint32_t n, uint32_t t);

/* May token t, a lower-case word after a space, start a sentence all the same? It follows a full
 * stop glued to a word of five letters or more (in any script with case) that is no abbreviation
 * ("… an input stream. podselect is a script": a name that keeps its case, an identifier). After
 * a short word ("etc. and", "Inc. shares", "U.S. army"), another mark ("so... then", "Really?
 * yes") or a known long abbreviation ("approx. five") the sentence goes on. */
bool rl_lower_starts(const rl_token *tok, const char *text, uint32_t t);

/* Is token tk a word that starts with a lower-case letter (ASCII, or Cyrillic, Greek...: a
 * script with case)? A word of a script without case (Chinese, Thai, Arabic...) is not. */
bool rl_is_lower_word(const rl_token *tk, const char *text);

/* Are words a (na bytes) and b (nb) one word as British and American English spell it: -ise
 * against -ize and -yse against -yze ("organised" / "organized", "analyse" / "analyze"), -our
 * against -or in a word of six letters or more ("colour" / "color", "harbours" / "harbors"; not
 * "four" / "for")? Either may be the British one. */
bool rl_spelling_variant(const char *a, size_t na, const char *b, size_t nb);

#endif
