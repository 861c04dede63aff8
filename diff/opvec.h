/* opvec.h: a growable list of ops, as the stages read and write them (internal to diff/). */
#ifndef REDLINE_OPVEC_H
#define REDLINE_OPVEC_H

#include <stddef.h>

#include "ops.h"

/* A growable list of ops. */
typedef struct rl_opvec {
	rl_op *v;
	size_t n, cap;
} rl_opvec;

int rl_opvec_append(rl_opvec *ov, const rl_op *ops, size_t n);
/* Append one op (inline: every stage copies lists op by op). */
static inline int rl_opvec_push(rl_opvec *ov, const rl_op *op)
{
	if (ov->n < ov->cap) {
		ov->v[ov->n++] = *op;
		return 0;
	}
	return rl_opvec_append(ov, op, 1);
}
void rl_opvec_free(rl_opvec *ov);
/* Exchange the contents of two lists (a stage writes into a fresh list, then swaps it in). */
void rl_opvec_swap(rl_opvec *x, rl_opvec *y);

#endif
