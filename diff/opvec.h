/* opvec.h: a growable list of ops, as the stages read and write them (internal to diff/). */
#ifndef REDLINE_OPVEC_H
#define REDLINE_OPVEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ops.h"

/* A growable list of ops. */
typedef struct rl_opvec {
	rl_op *v;
	size_t n, cap;
} rl_opvec;

/* Room for want ops in all (capacity doubled as needed); the ops are kept. */
int rl_opvec_reserve(rl_opvec *ov, size_t want);
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
/* Cut op at OLD token a and NEW token b: append its part before them to ov and leave *op as the
 * rest, from (a, b). A replace whose rest has no OLD words left is an insertion (a cut of NEW
 * alone, a = op->a1). The stages that cut ops at units, line breaks or links write their pieces
 * this way. */
static inline int rl_opvec_cut(rl_opvec *ov, rl_op *op, uint32_t a, uint32_t b)
{
	rl_op head = *op;
	head.a1 = a, head.b1 = b;
	op->a0 = a, op->b0 = b;
	if (op->kind == RL_OP_REPLACE && op->a0 == op->a1)
		op->kind = RL_OP_INSERT;
	return rl_opvec_push(ov, &head);
}
/* Append op (a replace) as what it was before pairing: its deletion, then its insertion. The
 * stages that find a pairing wrong (unrelated text, a quotation's words against text outside it)
 * undo it this way. */
static inline int rl_opvec_push_split(rl_opvec *ov, const rl_op *op)
{
	rl_op del = *op, ins = *op;
	del.b1 = del.b0, del.kind = RL_OP_DELETE;
	ins.a0 = ins.a1, ins.kind = RL_OP_INSERT;
	int rc = rl_opvec_push(ov, &del);
	return rc ? rc : rl_opvec_push(ov, &ins);
}
/* Does an equal op among v[0..n) keep anything, a word or a mark? */
static inline bool rl_opvec_keeps(const rl_op *v, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (v[k].kind == RL_OP_EQUAL)
			return true;
	return false;
}
void rl_opvec_free(rl_opvec *ov);
/* Exchange the contents of two lists (a stage writes into a fresh list, then swaps it in). */
void rl_opvec_swap(rl_opvec *x, rl_opvec *y);

#endif
