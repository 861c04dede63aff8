/* move.h: passages that moved (internal to diff/).
 *
 * A paragraph that moved comes out of the exact diff as a deletion in one place and an insertion
 * in another. rl_moves finds such pairs: it indexes the inserted words by shingles (runs of three
 * words, one at least a content word, content words by their stems), looks up the deleted words' shingles, chains the hits that
 * keep to one diagonal into candidate passages, and verifies each candidate with an exact diff of
 * the two places; then once more with runs of two words over the orphans no move took. A passage of RL_MOVE_MIN_WORDS or more whose words mostly match becomes a move:
 * its matched runs are `move` ops and its inner edits ordinary ops, all carrying one move id.
 * Everything stays linear in the size of the changed text: a shingle too common to place (more
 * than a few occurrences) is not used.
 *
 * Three files: shingle.c proposes the candidates (orphan words, the shingle index, the chains);
 * move.c verifies them (widen, trim, grow, an exact diff) and carves the other ops around the
 * moves it accepts; order.c puts the move groups in their places among those ops. Of two
 * passages that changed places, the one keeping fewer words is the move (move_cross.c). A short
 * line found once on each side, whole, moves alone (move_lines.c). */
#ifndef REDLINE_MOVE_H
#define REDLINE_MOVE_H

#include "ctx.h"

/* A move has at least this many matched words; below RL_MOVE_SHORT_WORDS it must also be whole
 * units (a sentence, a one-line paragraph) on both sides and match most of them. */
#define RL_MOVE_MIN_WORDS 6
#define RL_MOVE_SHORT_WORDS 12

/* Find the moves in a list of ops (no moves yet) and rewrite it: moved passages become move
 * groups, listed where they stand in NEW; the ops around them keep the rest of both texts. */
int rl_moves(rl_ctx *c, rl_opvec *ops);

/* May the line of a text (n tokens) that is tokens [t0, t1) move alone, under RL_MOVE_MIN_WORDS
 * words, when it is found once on each side: a line of markup (it starts with a mark), a word or
 * more, eight bytes or more, no list item nor table cell (move_lines.c)? The windows (window.h)
 * ask it of a moved line. */
bool rl_move_line_alone(const rl_token *tok, const char *text, uint32_t n, uint32_t t0,
                        uint32_t t1);

#endif
