/* history.h: `redline --history PATH`: every version of one file along the first-parent history,
 * as a list whose sides are the versions, oldest first and newest last, and whose pairs are
 * consecutive versions (pair k compares version k with version k+1).
 *
 * A version is a blob the file held, dated by the commit that introduced it: commits that leave the
 * file alone, and merges' second parents, are passed over. Renames are followed where libgit2
 * detects them (git_diff_find_similar) in the commit that made them. Uncommitted changes are not a
 * version: `redline --git` shows those. PATH is relative to the current directory, as with
 * git log; REV:path starts from REV instead of HEAD (path from the top, as in REV:path). Sides are
 * named "ID:path", each a valid redline operand, and carry their commit's id, date, author and
 * subject. */
#ifndef REDLINE_HISTORY_H
#define REDLINE_HISTORY_H

#include <stddef.h>

#include "pairs.h"
#include "repo.h"

int rl_history_list(rl_pairs **out, rl_repo *repo, const char *arg, char *err, size_t errlen);

#endif
