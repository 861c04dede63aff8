/* align.h: the engine's public interface. Two texts in, one alignment out.
 *
 * An alignment is a list of ops in reading order. Each op covers a token range of OLD and of NEW;
 * together the ops tile both texts (every token lies in exactly one op on its side), and apart from
 * moves they advance through both texts in step. The ops of a moved passage share a move id: its
 * kept runs are RL_OP_MOVE ops, the edits inside it ordinary ops with the id; they are listed
 * where the passage stands in NEW. This is the model: the JSON printer writes it, the layout lays
 * it out, the viewer walks it. */
#ifndef REDLINE_ALIGN_H
#define REDLINE_ALIGN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "intern.h"
#include "myers.h"
#include "token.h"

typedef enum rl_kind {
	RL_OP_EQUAL,    /* the same words on both sides */
	RL_OP_DELETE,   /* words of OLD only; its NEW range is empty, at the place they left */
	RL_OP_INSERT,   /* words of NEW only; its OLD range is empty */
	RL_OP_REPLACE,  /* OLD's words rewritten as NEW's */
	RL_OP_MOVE,     /* the same words, at another place in NEW (part of a moved passage) */
	RL_OP_KINDS
} rl_kind;

typedef enum rl_quote {
	RL_QUOTE_NONE,
	RL_QUOTE_REMOVED,  /* a quotation of OLD that NEW dropped */
	RL_QUOTE_ADDED,    /* a quotation new in NEW */
	RL_QUOTE_ALTERED,  /* a quotation whose words were changed */
	RL_QUOTE_ELIDED,   /* a quotation shortened with an ellipsis */
	RL_QUOTE_KINDS
} rl_quote;

enum { RL_OLD = 0, RL_NEW = 1 };

typedef struct rl_op {
	uint32_t a0, a1;  /* token range of OLD, half-open */
	uint32_t b0, b1;  /* token range of NEW, half-open */
	uint32_t move;    /* 0, or the id shared by every op of one moved passage */
	uint8_t kind;     /* rl_kind */
	uint8_t quote;    /* rl_quote */
} rl_op;

/* The readability stages that turn the exact script into what a reader needs. Each runs after the
 * exact diff, in this order, and can be switched off on its own; `minimal` switches off them all. */
enum {
	RL_STAGE_SWAPS = 1 << 0,      /* rewrites paired word by word: one swapped word, one replace */
	RL_STAGE_CLEANUP = 1 << 1,    /* coincidental short equalities dissolved, edges slid to
	                                 sentence and word boundaries */
	RL_STAGE_MOVES = 1 << 2,      /* passages deleted in one place and inserted in another */
	RL_STAGE_SENTENCES = 1 << 3,  /* heavily rewritten regions re-aligned sentence by sentence */
	RL_STAGE_QUOTES = 1 << 4,     /* quotations found and their changes flagged */
	RL_STAGES_ALL = (1 << 5) - 1,
};

typedef struct rl_diff_opts {
	rl_keyopts key;      /* what makes two tokens equal */
	rl_myers_opts myers; /* the exact engine's shortcuts */
	bool minimal;        /* exact minimal script: every shortcut and every readability stage off */
	unsigned stages;     /* RL_STAGE_* to run (ignored, all off, when minimal) */
	rl_wordbreak wordbreak;  /* words of Thai and other scripts without spaces (token.h); none:
	                          * one word per grapheme */
	bool no_skip;        /* tokenize NEW's lines that OLD has byte for byte instead of copying
	                      * OLD's tokens (skip.h): the same alignment, slower; for the tests */
} rl_diff_opts;

#define RL_DIFF_OPTS_INIT \
	{RL_KEYOPTS_INIT, RL_MYERS_OPTS_INIT, false, RL_STAGES_ALL, RL_WORDBREAK_INIT, false}

typedef struct rl_stats {
	size_t words[2];          /* word tokens of OLD and NEW */
	size_t kept;              /* OLD words in equal and move ops: what survives in NEW */
	size_t deleted;           /* OLD words deleted */
	size_t inserted;          /* NEW words inserted */
	size_t replaced[2];       /* OLD and NEW words inside replace ops */
	size_t moved;             /* OLD words inside moved passages */
	size_t moves;             /* moved passages (distinct move ids) */
	size_t ops[RL_OP_KINDS];  /* ops of each kind */
	size_t quotes;            /* ops flagged as touching a quotation */
	size_t quote_ops[RL_QUOTE_KINDS];  /* ops with each rl_quote flag (index 0: none) */
	size_t quotations[2];     /* quotations found in OLD and NEW (0 when the stage is off) */
	size_t anchors;           /* anchors that cut the exact diff (0 when minimal) */
	size_t bound_hits;        /* searches cut short by the cost bound (0 when minimal) */
} rl_stats;

typedef struct rl_alignment rl_alignment;

/* Align old_text[0..old_len) with new_text[0..new_len). Both buffers are borrowed and must outlive
 * *out. Returns RL_OK and sets *out, or an error status leaving *out untouched. */
int rl_diff(rl_alignment **out, const char *old_text, size_t old_len, const char *new_text,
            size_t new_len, const rl_diff_opts *opts);
void rl_alignment_free(rl_alignment *al);

/* The tokens of RL_OLD or RL_NEW, borrowed from the alignment. */
const rl_tokens *rl_alignment_tokens(const rl_alignment *al, int side);
/* The ops in reading order, borrowed; *n receives their count. */
const rl_op *rl_alignment_ops(const rl_alignment *al, size_t *n);
const rl_stats *rl_alignment_stats(const rl_alignment *al);
/* The options the alignment was made with. */
const rl_diff_opts *rl_alignment_opts(const rl_alignment *al);
/* True when the texts do not differ under the comparison options (every op is equal). */
bool rl_alignment_same(const rl_alignment *al);

/* The bytes an op covers on one side: [*start, *end). Empty ranges give start == end. */
void rl_op_bytes(const rl_alignment *al, const rl_op *op, int side, size_t *start, size_t *end);

/* Name of a kind as the JSON contract spells it: "equal", "delete", ... */
const char *rl_kind_name(rl_kind kind);
/* Name of a quote flag: "removed", "added", "altered", "elided" (NULL for none). */
const char *rl_quote_name(rl_quote quote);
/* The quote flag of op as drawn on one side (RL_OLD or RL_NEW): an added quotation is not one on
 * OLD's side of a replace, a removed one not on NEW's. */
rl_quote rl_op_side_quote(const rl_op *op, int side);

#endif
