/* model.h: what the viewer shows, independent of any terminal: a list of pairs of documents, the
 * alignment and layout of the pair on view, and the facts the status line and the change
 * navigation need.
 *
 * Pure: no curses, no I/O. The documents are byte buffers with display names; nothing here knows
 * whether they came from files, standard input or git. A list of versions v1 v2 v3 becomes the
 * pairs (v1, v2), (v2, v3); git can hand over any list of pairs with labels. */
#ifndef REDLINE_MODEL_H
#define REDLINE_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "align.h"
#include "layout.h"

/* One document: borrowed bytes and a display name (which may hold anything: it is drawn through
 * the same escaping as document text). */
typedef struct rl_doc {
	const char *data;
	size_t len;
	const char *name;
} rl_doc;

/* Two documents to compare, OLD and NEW, and an optional label for the status line (NULL: the
 * pair's number). Two pairs may share a document (the same data pointer): stepping between them
 * then keeps the view on the same text. */
typedef struct rl_pair {
	rl_doc doc[2];
	const char *label;
} rl_pair;

/* Counts for the status line. */
typedef struct rl_summary {
	size_t rewrites, deletions, insertions;  /* ops of each kind */
	size_t moves;                            /* moved passages (move groups) */
	size_t quotes;                           /* ops touching a quotation */
	unsigned similarity;                     /* per mille: twice the kept words over all words */
} rl_summary;

typedef struct rl_model rl_model;

/* Compare pairs[first] and lay it out. pairs (and the documents) are borrowed and must outlive
 * the model. markers: lay out with [- -] {+ +} change markers (for screens without colour). */
int rl_model_new(rl_model **out, const rl_pair *pairs, size_t npairs, size_t first,
                 const rl_diff_opts *opts, bool markers);
void rl_model_free(rl_model *m);

/* Compare pair i instead. On failure the model keeps the pair it had. */
int rl_model_open(rl_model *m, size_t i);
/* Compare again under other comparison options (what makes two words equal). On failure the
 * model keeps its alignment and options. */
int rl_model_set_keyopts(rl_model *m, const rl_keyopts *key);

size_t rl_model_npairs(const rl_model *m);
size_t rl_model_current(const rl_model *m);
const rl_pair *rl_model_pair(const rl_model *m, size_t i);
const rl_diff_opts *rl_model_opts(const rl_model *m);
const rl_alignment *rl_model_alignment(const rl_model *m);
const rl_layout *rl_model_layout(const rl_model *m);
const rl_summary *rl_model_summary(const rl_model *m);
/* The text of a side of the pair on view. */
const char *rl_model_text(const rl_model *m, int side, size_t *len);

/* The roles (bit 1 << rl_role) of the changes in block b. */
unsigned rl_model_block_roles(const rl_model *m, size_t b);

/* The blocks holding a change of a role in `mask`, in order; borrowed until the next call or the
 * next comparison. */
int rl_model_changes(rl_model *m, unsigned mask, const uint32_t **blocks, size_t *n);

/* The token of a side that holds byte `byte`, or the first one after it (the token count when
 * none follows). */
uint32_t rl_model_token_at(const rl_model *m, int side, size_t byte);
/* The block that shows token t of a side (the last block when t is past the end). */
size_t rl_model_block_of(const rl_model *m, int side, uint32_t t);

/* Do any of the pairs differ under the comparison options? Compares the pairs not compared yet. */
int rl_model_verdict(rl_model *m, bool *differ);

#endif
