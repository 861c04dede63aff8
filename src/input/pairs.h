/* pairs.h: a list of sources and of pairs of them to compare. `--git` (the files that differ
 * between two trees), `--history` (consecutive versions of a file), two directories and git's
 * external diff all produce one; the printers (and the viewer) step through its pairs.
 *
 * Sides are read only when asked (rl_pairs_read), so a list of a thousand files costs nothing until
 * a file is shown. A side is a file, a symbolic link in a working tree (its target, as git stores
 * it), a blob in a repository, or absent (an added or deleted file: it reads as empty and is named
 * /dev/null). Consecutive pairs share sides: history version k is the new side of pair k-1 and the
 * old side of pair k. */
#ifndef REDLINE_PAIRS_H
#define REDLINE_PAIRS_H

#include <stdbool.h>
#include <stddef.h>

#include "repo.h"
#include "source.h"

typedef struct rl_pairs rl_pairs;

/* The commit a side comes from (history only). Strings are owned by the list. */
typedef struct rl_version {
	char *commit;   /* abbreviated commit id, unique in the repository */
	char *date;     /* author date, YYYY-MM-DD in the author's time zone */
	char *author;   /* author name */
	char *subject;  /* the first line of the message */
} rl_version;

typedef struct rl_side_info {
	char *name;          /* the display name: "HEAD~1:story.md", "story.md", "/dev/null" */
	char *path;          /* the path in its tree, working tree or directory; NULL when absent */
	rl_version version;  /* all NULL unless the side is a version from --history */
	bool absent;         /* no such file on this side: it reads as empty */
} rl_side_info;

/* What happened to a file between the two sides, as git's --name-status letters. */
typedef enum rl_change {
	RL_CHANGE_MODIFIED = 'M',
	RL_CHANGE_ADDED = 'A',
	RL_CHANGE_DELETED = 'D',
	RL_CHANGE_RENAMED = 'R',
	RL_CHANGE_COPIED = 'C',
	RL_CHANGE_TYPE = 'T',      /* a file became a symbolic link, or the reverse */
	RL_CHANGE_UNMERGED = 'U',  /* a conflict in the index: not compared */
} rl_change;

typedef struct rl_pair_info {
	size_t side[2];      /* the old and the new side */
	rl_change change;
	bool submodule;      /* a submodule on either side: listed, never read */
} rl_pair_info;

/* An empty list. repo (may be NULL) is borrowed for reading blobs and must outlive the list. */
int rl_pairs_new(rl_pairs **out, rl_repo *repo);
void rl_pairs_free(rl_pairs *list);

/* Adding sides; each sets *idx to the new side's index. name and path are copied; path NULL for
 * an absent side. All return RL_OK or RL_ENOMEM. */
int rl_pairs_add_absent(rl_pairs *list, size_t *idx);
int rl_pairs_add_file(rl_pairs *list, size_t *idx, const char *name, const char *path,
                      const char *file);
int rl_pairs_add_link(rl_pairs *list, size_t *idx, const char *name, const char *path,
                      const char *file);
int rl_pairs_add_blob(rl_pairs *list, size_t *idx, const char *name, const char *path,
                      const git_oid *id, const rl_version *version);
int rl_pairs_add(rl_pairs *list, size_t old_side, size_t new_side, rl_change change,
                 bool submodule);

/* A note on the whole list (a --history cut short by a shallow clone), copied; NULL if none. */
int rl_pairs_set_note(rl_pairs *list, const char *note);
const char *rl_pairs_note(const rl_pairs *list);
size_t rl_pairs_count(const rl_pairs *list);
const rl_pair_info *rl_pairs_pair(const rl_pairs *list, size_t i);
size_t rl_pairs_sides(const rl_pairs *list);
const rl_side_info *rl_pairs_side(const rl_pairs *list, size_t i);

/* The size of side i in bytes, without reading it (a file's size from stat, a blob's from the
 * object's header; 0 for an absent side). Returns 0, or -1 when it cannot be told; then reading
 * it tells why. */
int rl_pairs_size(const rl_pairs *list, size_t i, unsigned long long *size);
/* Read side i into src (named by the side's display name). Errors as rl_source_read. */
int rl_pairs_read(const rl_pairs *list, size_t i, rl_source *src, size_t max_size, char *err,
                  size_t errlen);

#endif
