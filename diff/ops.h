/* ops.h: the types of the engine's model: the op (what an alignment is made of), the options a
 * diff is asked with, the figures it answers with. Part of the public interface through align.h;
 * apart from it so that the stages (which work on ops under these options) depend on these types
 * and not on align.c, which runs the pipeline (pipeline.c) that calls them. */
#ifndef REDLINE_OPS_H
#define REDLINE_OPS_H

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
	RL_OP_FORMAT,   /* the same words, formatted otherwise (emphasis, a link's target): only
	                 * when the caller gives the texts' styles (rl_diff_styled) */
	RL_OP_TYPO,     /* one compound written otherwise, hyphenated against joined ("e-mail" /
	                 * "email", "to-day" / "today"): no change under typography folding, which
	                 * alone makes it (typo.h); a replace flagged "typographic" to the JSON */
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
	RL_STAGE_SOURCES = 1 << 5,    /* units of NEW drawn from OLD text elsewhere linked to it */
	RL_STAGES_ALL = (1 << 6) - 1,
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
	bool no_window;      /* run the stages on the whole texts, not on the windows around their
	                      * changes (window.h); for the tests */
} rl_diff_opts;

#define RL_DIFF_OPTS_INIT \
	{RL_KEYOPTS_INIT, RL_MYERS_OPTS_INIT, false, RL_STAGES_ALL, RL_WORDBREAK_INIT, false, false}

typedef struct rl_stats {
	size_t words[2];          /* word tokens of OLD and NEW */
	size_t kept;              /* OLD words in equal and move ops: what survives in NEW */
	size_t kept_new;          /* their NEW words: the same but where a compound is written
	                           * apart on one side, hyphenated on the other ("open source",
	                           * two words; "open-source", one); similarity counts both */
	size_t deleted;           /* OLD words deleted */
	size_t inserted;          /* NEW words inserted */
	size_t replaced[2];       /* OLD and NEW words inside replace ops */
	size_t moved;             /* OLD words inside moved passages */
	size_t moves;             /* moved passages (distinct move ids) */
	size_t ops[RL_OP_KINDS];  /* ops of each kind */
	size_t quotes;            /* ops flagged as touching a quotation */
	size_t quote_ops[RL_QUOTE_KINDS];  /* ops with each rl_quote flag (index 0: none) */
	size_t quotations[2];     /* quotations found in OLD and NEW (0 when the stage is off; in
	                           * the windows alone when `windows`) */
	size_t formatted;         /* OLD words in RL_OP_FORMAT ops */
	size_t typographic;       /* compounds written apart, hyphenated or joined, folded as no
	                           * change (typo.h; 0 under --strict or minimal); the joined ones
	                           * are the RL_OP_TYPO ops */
	size_t anchors;           /* anchors that cut the exact diff (0 when minimal; the windows'
	                           * diffs' when `windows`) */
	size_t bound_hits;        /* searches cut short by the cost bound (0 when minimal) */
	size_t windows;           /* windows the stages ran on (window.h), 0 for the whole texts */
} rl_stats;

/* Styles: what the caller knows of a text's formatting that is not its words (a document's
 * emphasis, a link's target). The engine knows nothing of what they mean: a style is an opaque
 * number, 0 for none, and the caller gives the same number for the same formatting on both
 * sides. A span gives bytes [start, end) of a text its style; spans are sorted by start and do
 * not overlap. A token takes the style of the span holding its first byte (0 outside them).
 * An exact span (code) is compared byte for byte: the key options' folding (typography, case,
 * compatibility forms) does not apply to its words. */
typedef struct rl_style_span {
	size_t start, end;
	uint32_t style;
	bool exact;
} rl_style_span;

typedef struct rl_styles {
	const rl_style_span *v;  /* borrowed */
	size_t n;
} rl_styles;

/* Provenance: a unit of NEW (sentence, list item, heading) whose words come mostly from OLD text
 * other than the text it stands beside (a summary line restating a sentence out of order), with
 * the OLD sentences it draws from. */
#define RL_LINK_MAX 3
typedef struct rl_link {
	uint32_t b0, b1;                 /* token range of the NEW unit */
	uint32_t a0[RL_LINK_MAX];      /* token ranges of the OLD sentences, best first */
	uint32_t a1[RL_LINK_MAX];
	uint32_t para;                   /* OLD paragraph of the first, from 1 (as the change list
	                                  * numbers them: a blank line starts one) */
	uint8_t n;                       /* how many (1..RL_LINK_MAX) */
	uint8_t share;                   /* percent of the unit's word weight found in them */
} rl_link;

#endif
