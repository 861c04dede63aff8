/* pairsrc.h: a list of pairs (pairs.h: --git, --history, two directories, git's external diff)
 * as the viewer's pair source (ui/model.h), so that the viewer reads nothing itself.
 *
 * A side is read when a pair that holds it is shown, and kept while any shown pair holds it:
 * stepping from one version of a history to the next reads one new version, and the version both
 * pairs show is the same buffer (which keeps the view on the same text). A file list's lines probe
 * their files for binary content when they are first drawn, and remember the answer. */
#ifndef REDLINE_PAIRSRC_H
#define REDLINE_PAIRSRC_H

#include <stdbool.h>
#include <stddef.h>

#include "doc/doc.h"
#include "input/input.h"
#include "model.h"

typedef struct rl_listsrc rl_listsrc;

typedef struct rl_listsrc_opts {
	size_t max_size;    /* refuse larger sides (--max-size) */
	bool text;          /* -a: no file is binary */
	bool file_list;     /* open on the file list (--git, two directories) */
	size_t start;       /* else the pair to open on */
	const char *title;  /* the list's title (copied); may be NULL */
	const rl_doc_opts *doc;  /* how a side's bytes become its text (borrowed); NULL: as read */
} rl_listsrc_opts;

/* A source over list (borrowed: it must outlive the source). */
int rl_listsrc_new(rl_listsrc **out, const rl_pairs *list, const rl_listsrc_opts *opts);
void rl_listsrc_free(rl_listsrc *s);

/* The viewer's view of it (borrowed from s). */
const rl_pairsrc *rl_listsrc_pairsrc(const rl_listsrc *s);

#endif
