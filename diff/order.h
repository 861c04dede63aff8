/* order.h: where the groups of a move stand in an op list (internal to diff/).
 *
 * The move stage (move.h) ends with two lists: the ops outside moves, which advance through both
 * texts together, and the move groups it accepted, each group's ops contiguous and sharing a move
 * id. This module puts them back into one list that reads in order: it is apart from move.c
 * because it knows nothing of how moves are found, only of the ops' places, and the rules for
 * where a group stands are the model's (align.h: ops in NEW's reading order, a moved passage
 * where it stands in NEW). Both functions rewrite the lists they are given; the caller keeps
 * owning them. The context lends the lists they write (rl_ctx_scratch) and gets back the ones
 * they replace. */
#ifndef REDLINE_ORDER_H
#define REDLINE_ORDER_H

#include "ctx.h"

/* Add the groups of `moved` (in the order they were accepted) to `rest` (the ops outside moves,
 * in order). A group whose two halves stand at the same place among `rest` did not move: it is
 * text rewritten in place that the exact diff had scattered, and its ops join `rest` there as
 * ordinary ops. The others are appended, sorted by their NEW start; rl_order_ops then puts them
 * in place. `moved` is left holding those others. */
int rl_merge_moves(rl_ctx *c, rl_opvec *rest, rl_opvec *moved);

/* Put a list of ops in reading order: ops outside moves keep their order (they advance through
 * both texts together); each move group stands before the first op that starts after it in NEW. */
int rl_order_ops(rl_ctx *c, rl_opvec *ops);

#endif
