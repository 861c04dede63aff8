/* model.h: what the viewer shows, independent of any terminal: a list of pairs of documents, the
 * alignment and layout of the pair on view, and the facts the status line and the change
 * navigation need.
 *
 * Pure: no curses, no I/O. The documents are byte buffers with display names; nothing here knows
 * whether they came from files, standard input or git. A list of versions v1 v2 v3 becomes the
 * pairs (v1, v2), (v2, v3); git hands over its lists through a pair source (below). */
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
	/* Page furniture the program dropped before comparing (--body): pairs of the byte of data
	 * where the dropped lines stood and how many lines of text they were, in order; borrowed,
	 * may be NULL. The viewer shows each as one line ("12 lines of page furniture"). */
	const size_t *furniture;
	size_t nfurniture;
	rl_styles styles;  /* its formatting (align.h), borrowed; none for plain text */
} rl_doc;

/* Two documents to compare, OLD and NEW, and an optional label for the status line (NULL: the
 * pair's number). Two pairs may share a document (the same data pointer): stepping between them
 * then keeps the view on the same text. */
typedef struct rl_pair {
	rl_doc doc[2];
	const char *label;
} rl_pair;

/* Counts for the status line (and a file list's line for a file). */
typedef struct rl_summary {
	size_t rewrites, deletions, insertions;  /* ops of each kind */
	size_t moves;                            /* moved passages (move groups) */
	size_t quotes;                           /* quotations changed (as --changes counts) */
	size_t formats;                          /* words kept, formatted otherwise (ops) */
	size_t words[2];                         /* words of OLD and NEW */
	unsigned similarity;                     /* per mille: twice the kept words over all words */
	bool same;                               /* no difference under the comparison options */
	size_t bound_hits;                       /* searches the engine's cost bound cut short: the
	                                            alignment is coarser than the exact one */
} rl_summary;

/* ------------------------------------------------------------------ pair sources
 *
 * Where the pairs come from. The program (src/) hands the viewer a list of pairs through these
 * callbacks, so that nothing in ui/ reads a file or knows git, and a list of a thousand files
 * costs nothing until a file is shown: a pair is loaded when it is opened (or measured for the
 * file list) and released after. */

/* Why a pair of a list is listed but not compared. */
typedef enum rl_mark {
	RL_MARK_NONE,
	RL_MARK_BINARY,      /* a NUL byte in the first 8 KiB of a side */
	RL_MARK_SUBMODULE,   /* a submodule on a side: a commit, not a file */
	RL_MARK_UNMERGED,    /* a conflict in the index */
	RL_MARK_UNREADABLE,  /* a side could not be read (opening it says why) */
} rl_mark;

/* What a file list shows about a pair without comparing it. Strings are borrowed from the source
 * and stay valid while it lives. */
typedef struct rl_entry {
	const char *path;      /* the file: its path on the new side (the old one when deleted) */
	const char *old_path;  /* the path it had, when it moved (renamed or copied); else NULL */
	char change;           /* git's letter: 'M' 'A' 'D' 'R' 'C' 'T' 'U'; 0 when not known */
	rl_mark mark;
} rl_entry;

typedef struct rl_pairsrc {
	size_t count;        /* how many pairs (at least one) */
	size_t start;        /* the pair the viewer opens on, unless it opens on the file list */
	bool file_list;      /* open on a list of the pairs (files): Enter opens one, q comes back */
	const char *title;   /* what the pairs are, for the list's status line; may be NULL */
	void *ctx;           /* the source's own state, passed to every callback */
	/* Pair i as a list shows it. probe: read the files if that is what it takes to tell a binary
	 * or unreadable one (called for the lines on screen); without it, mark says only what is
	 * known without reading. Cannot fail: a side that cannot be read is marked. */
	void (*describe)(void *ctx, size_t i, bool probe, rl_entry *out);
	/* Read pair i: its documents, names and label, borrowed until release(ctx, i). A document
	 * two loaded pairs share has the same data pointer in both (what keeps the view on the same
	 * text across [ and ]). Returns 0, or -1 with a one-line message in err. */
	int (*load)(void *ctx, size_t i, rl_pair *out, char *err, size_t errlen);
	void (*release)(void *ctx, size_t i);
} rl_pairsrc;

typedef struct rl_model rl_model;

/* A positive result of rl_model_open: the pair cannot be compared (marked, or a side could not be
 * read); rl_model_error says why, and the model keeps the pair it had. */
#define RL_MODEL_CLOSED 1

/* A model over the pairs of src (copied; its ctx is borrowed and must outlive the model). It
 * compares src->start at once, unless src->file_list: then no pair is open until one is asked
 * for. markers: lay out with [- -] {+ +} change markers (for screens without colour).
 * RL_MODEL_CLOSED: the start pair cannot be compared (nothing was made). */
int rl_model_new_src(rl_model **out, const rl_pairsrc *src, const rl_diff_opts *opts,
                     bool markers);
/* The same over pairs already in memory (borrowed), opening on pairs[first]. */
int rl_model_new(rl_model **out, const rl_pair *pairs, size_t npairs, size_t first,
                 const rl_diff_opts *opts, bool markers);
void rl_model_free(rl_model *m);

/* Compare pair i instead. carry (may be NULL) gets, for each side of the pair that was open, the
 * side of pair i that shows the same document, or -1. RL_MODEL_CLOSED, or an error: the model
 * keeps the pair it had. */
int rl_model_open(rl_model *m, size_t i, int carry[2]);
/* Compare again under other comparison options (what makes two words equal). On failure the
 * model keeps its alignment and options. With no pair open, the options are kept for later. */
int rl_model_set_keyopts(rl_model *m, const rl_keyopts *key);

size_t rl_model_npairs(const rl_model *m);
/* Is a pair open (compared and laid out)? Everything below about "the pair on view" needs one. */
bool rl_model_is_open(const rl_model *m);
size_t rl_model_current(const rl_model *m);
const rl_pair *rl_model_pair(const rl_model *m);
const rl_diff_opts *rl_model_opts(const rl_model *m);
const rl_alignment *rl_model_alignment(const rl_model *m);
const rl_layout *rl_model_layout(const rl_model *m);
const rl_summary *rl_model_summary(const rl_model *m);
/* The text of a side of the pair on view. */
const char *rl_model_text(const rl_model *m, int side, size_t *len);
/* Why the last rl_model_open returned RL_MODEL_CLOSED. */
const char *rl_model_error(const rl_model *m);

/* The list: is it one, its title (NULL if none), and pair i as it shows it (probe: as the source's
 * describe). */
bool rl_model_file_list(const rl_model *m);
const char *rl_model_title(const rl_model *m);
void rl_model_entry(const rl_model *m, size_t i, bool probe, rl_entry *out);
/* The summary of pair i when it has been compared (opened or measured) under the current
 * options: true and *out; else false. */
bool rl_model_measured(const rl_model *m, size_t i, rl_summary *out);
/* Compare pair i for its summary alone, unless known, marked, unreadable or larger than
 * RL_MODEL_MEASURE_MAX bytes (those stay unknown until opened): what the file list shows while
 * the viewer waits for a key. */
#define RL_MODEL_MEASURE_MAX ((size_t)4 << 20)
int rl_model_measure(rl_model *m, size_t i);
/* Is there nothing more rl_model_measure can learn about pair i? */
bool rl_model_settled(const rl_model *m, size_t i);

/* The page furniture of a side of the pair on view (rl_doc): per block, the lines dropped just
 * before it, and at index rl_layout_blocks the lines dropped after the text; NULL when the side
 * has none. *total (may be NULL) gets the side's lines dropped. */
const uint32_t *rl_model_furniture(const rl_model *m, int side, size_t *total);

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

/* Do any of the pairs differ under the comparison options? Compares pairs not compared yet,
 * until one differs. A binary file or a submodule in a list differs; an unmerged path or an
 * unreadable file does not count. */
int rl_model_verdict(rl_model *m, bool *differ);

#endif
