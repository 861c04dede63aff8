/* dirs.h: two directories compared file by file, as diff -r does (and as git difftool --dir-diff
 * needs). The regular files below each directory are paired by their path below it; a file on one
 * side only pairs with an absent side (added or deleted). Symbolic links to files are followed;
 * links to directories, and special files (fifos, devices, sockets), are never opened. Files with
 * the same bytes on both sides are left out. A side's display name is its directory (or the label
 * given for it, "a/" say) joined with the path. A file on one side only that is like enough to one
 * on the other side only (--git's measure and threshold, changes.h) pairs with it as a rename,
 * as git diff detects renames; without libgit2, no renames are detected. */
#ifndef REDLINE_DIRS_H
#define REDLINE_DIRS_H

#include <stdbool.h>
#include <stddef.h>

#include "pairs.h"

/* Are both paths directories (after following symbolic links)? */
bool rl_dirs_both(const char *a, const char *b);

/* The list of files that differ. labels[s] may be NULL (the directory's own name is used). On
 * failure returns -1 with a one-line message in err. */
int rl_dirs_list(rl_pairs **out, const char *const dirs[2], const char *const labels[2],
                 size_t max_size, char *err, size_t errlen);

#endif
