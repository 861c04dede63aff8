/* print_inline.c: one column, wdiff style, in the order the layout reads the pieces. */
#include "layout.h"
#include "print.h"
#include "status.h"

typedef struct inline_state {
	rl_out *o;
	const rl_token *tok[2];
	const char *text[2];
	bool started;  /* something was printed: gaps apply */
} inline_state;

/* The whitespace before a token, as its own text has it: NEW's line structure is kept; inside
 * deleted OLD text a soft line end is just a space. */
static void print_gap(inline_state *st, int side, const rl_token *tk)
{
	if (!st->started)
		return;
	switch (tk->gap) {
	case RL_GAP_NONE: break;
	case RL_GAP_SPACE: rl_out_raw(st->o, " ", 1); break;
	case RL_GAP_LINE: rl_out_raw(st->o, side == RL_NEW ? "\n" : " ", 1); break;
	case RL_GAP_BREAK: rl_out_raw(st->o, "\n", 1); break;
	default: rl_out_raw(st->o, "\n\n", 2); break;
	}
}

/* Print tokens [lo, hi) of a side; `gap` is the whitespace of NEW to print before the first one
 * (-1: the token's own). */
static void print_span(inline_state *st, int side, uint32_t lo, uint32_t hi, const rl_op *op,
                       bool changed, int gap)
{
	rl_run probe = {.kind = changed ? op->kind : RL_OP_EQUAL,
	                .quote = changed ? rl_op_side_quote(op, side) : RL_QUOTE_NONE,
	                .moved = op->move != 0};
	rl_role role = rl_role_of_run(&probe);
	bool markers = changed && !st->o->color;

	for (uint32_t t = lo; t < hi; t++) {
		const rl_token *tk = &st->tok[side][t];
		if (t == lo && gap >= 0) {
			rl_token g = *tk;
			g.gap = (uint8_t)gap;
			print_gap(st, RL_NEW, &g);  /* NEW's whitespace, read NEW's way */
		} else {
			print_gap(st, side, tk);
		}
		if (t == lo) {
			if (markers) {
				probe.type = RL_RUN_OPEN;
				rl_out_str(st->o, rl_marker_text(side, &probe));
			}
			rl_out_role(st->o, role);
		}
		rl_out_text(st->o, st->text[side] + tk->off, tk->len);
		st->started = true;
	}
	if (hi > lo) {
		rl_out_role(st->o, RL_ROLE_PLAIN);
		if (markers) {
			probe.type = RL_RUN_CLOSE;
			rl_out_str(st->o, rl_marker_text(side, &probe));
		}
	}
}

int rl_print_inline(rl_out *o, const rl_alignment *al)
{
	rl_layout_opts lo = {.markers = false};
	rl_layout *lay;
	inline_state st = {o, {NULL, NULL}, {NULL, NULL}, false};
	size_t nops;
	const rl_op *ops = rl_alignment_ops(al, &nops);
	int rc;

	if ((rc = rl_layout_new(&lay, al, &lo)) != RL_OK)
		return rc;
	for (int s = 0; s < 2; s++) {
		st.tok[s] = rl_tokens_array(rl_alignment_tokens(al, s));
		st.text[s] = rl_tokens_text(rl_alignment_tokens(al, s));
	}
	size_t nblocks = rl_layout_blocks(lay);
	size_t npieces = nblocks ? rl_layout_block(lay, nblocks - 1)->piece1 : 0;
	for (size_t k = 0; k < npieces; k++) {
		const rl_piece *p = rl_layout_piece(lay, k);
		const rl_op *op = &ops[p->op];
		if (op->kind == RL_OP_EQUAL && !op->move) {
			print_span(&st, RL_NEW, p->b0, p->b1, op, false, -1);
			continue;
		}
		/* A rewrite reads in NEW's order: NEW's whitespace before it, then the old words, a
		 * space, the new words. */
		bool both = p->a1 > p->a0 && p->b1 > p->b0;
		print_span(&st, RL_OLD, p->a0, p->a1, op, true, both ? st.tok[RL_NEW][p->b0].gap : -1);
		print_span(&st, RL_NEW, p->b0, p->b1, op, true, both ? RL_GAP_SPACE : -1);
	}
	if (st.started)
		rl_out_raw(o, "\n", 1);
	rl_layout_free(lay);
	return RL_OK;
}
