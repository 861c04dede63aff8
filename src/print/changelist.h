/* changelist.h: the changes of substance in an alignment, in reading order: what an editor asks
 * first. Quotations removed, added, altered or elided; passages moved; sentences deleted, inserted
 * or rewritten; words whose formatting alone changed (a Markdown link's target, emphasis), each
 * listed as such. Word-level edits (one word for another) are left to the counts.
 *
 * The list is a view of the alignment, like the printers: --changes prints it as Markdown, --json
 * as its "changes" array. */
#ifndef REDLINE_CHANGELIST_H
#define REDLINE_CHANGELIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "align.h"

typedef enum rl_edit_kind {
	RL_CH_QUOTE_REMOVED,
	RL_CH_QUOTE_ADDED,
	RL_CH_QUOTE_ALTERED,
	RL_CH_QUOTE_ELIDED,
	RL_CH_MOVED,
	RL_CH_DELETED,
	RL_CH_INSERTED,
	RL_CH_REWRITTEN,
	RL_CH_FORMAT,     /* the same words, formatted otherwise (RL_OP_FORMAT): listed apart */
	RL_CH_KINDS
} rl_edit_kind;

/* A delete, insert or replace of fewer words than this on both sides is a word edit, not listed. */
#define RL_EDIT_MIN_WORDS 5

typedef struct rl_edit {
	uint32_t op0, op1;        /* the ops it covers, [op0, op1) (a move: those with its id) */
	uint32_t a0, a1, b0, b1;  /* token ranges of OLD and NEW it spans (empty: none) */
	uint32_t para[2];         /* paragraph of its start in OLD and in NEW, from 1; 0: none */
	uint32_t words[2];        /* words of OLD and NEW it spans */
	uint32_t sentences[2];    /* sentence ends (. ! ?) in them */
	uint32_t move;            /* RL_CH_MOVED: the move id */
	uint8_t kind;             /* rl_edit_kind */
	bool reworded;            /* RL_CH_MOVED: words changed inside the passage (a restyled
	                           * stretch inside it is not a word changed: it has its own entry) */
} rl_edit;

typedef struct rl_changelist {
	rl_edit *items;
	size_t n;
	size_t minor;  /* word edits not listed */
} rl_changelist;

/* List the changes of al. Returns RL_OK or RL_ENOMEM (*out untouched). */
int rl_changelist_build(rl_changelist *out, const rl_alignment *al);
void rl_changelist_free(rl_changelist *cl);

/* "quotation removed", "passage moved", ... */
const char *rl_edit_label(rl_edit_kind kind);
/* The JSON name: "quote_removed", "moved", ... */
const char *rl_edit_name(rl_edit_kind kind);

#endif
