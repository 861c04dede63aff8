/* rewrite.h: rewrites paired word by word (internal to diff/).
 *
 * The exact script gives one replace for each stretch of changed words, so three swaps in a row
 * ("deployment systems ; instead" -> "deployments methods ; in the place") come out as one
 * block. rl_swaps cuts a replace where its structure allows: as many tokens on each side pair one
 * to one; otherwise words that are variants of each other (time / times, color / colour) anchor
 * the cuts, and what lies between two anchors stays one rewrite ("instead" -> "in the
 * place" is one replace, never a swap plus two insertions). Without such evidence the
 * replace stays whole. */
#ifndef REDLINE_REWRITE_H
#define REDLINE_REWRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctx.h"

/* Replaces of at most this many tokens a side, as many on each side, pair one to one. */
#define RL_SWAP_SPLIT_MAX 4

/* Split the replace ops of a list into swaps. */
int rl_swaps(rl_ctx *c, rl_opvec *ops);

/* Is op a word grown into a phrase ("use" -> "make use of", rl_swaps makes these): a replace
 * of one OLD word whose NEW side holds that word? It keeps that one word, as an equal op would. */
bool rl_grown_phrase(const rl_ctx *c, const rl_op *op);

/* Are two words variants of one another: a shared stem that makes up most of both (plural,
 * conjugation, British and American spelling)? Case is ignored. */
bool rl_similar_words(const char *x, size_t nx, const char *y, size_t ny);

/* What two words that rl_similar_words calls variants have in common, as one integer: their
 * first bytes, A-Z folded; 0 for a word too short to have variants (or NULL). Words of different
 * heads, or of head 0, are never variants (the test before the call on a long replace). */
uint32_t rl_word_head(const char *x, size_t nx);

#endif
