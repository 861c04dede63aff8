/* changes.h: `redline --git [REV1 [REV2]] [-- PATHSPEC...]`: the files that differ between two
 * states of a repository, as a list of pairs. The states are those `git diff` compares:
 *
 *   no revision           the index (old) and the working tree (new)
 *   REV                   REV (old) and the working tree (new)
 *   REV1 REV2, REV1..REV2 REV1 (old) and REV2 (new)
 *   REV1...REV2           the merge base of REV1 and REV2 (old) and REV2 (new)
 *   --cached [REV]        REV, or HEAD, (old) and the index (new)
 *
 * Untracked files are not listed (as with git diff); renames are detected. Sides are named so that
 * each is a valid redline operand: "REV:path" for a commit, ":path" for the index, the path from
 * the current directory for the working tree, /dev/null for an absent side. */
#ifndef REDLINE_CHANGES_H
#define REDLINE_CHANGES_H

#include <stdbool.h>
#include <stddef.h>

#include "pairs.h"
#include "repo.h"

typedef struct rl_changes_opts {
	char *const *args;         /* the operands before "--": revisions, then (as git allows when
	                              there is no "--") paths of the working tree */
	size_t nargs;
	char *const *paths;        /* the pathspecs after "--", relative to the current directory */
	size_t npaths;
	bool dashdash;             /* "--" was given: every operand before it is a revision */
	bool cached;               /* the index instead of the working tree as the new side */
} rl_changes_opts;

/* The list of files that differ. On failure returns -1 with a one-line message in err. The list
 * borrows repo. */
int rl_changes_list(rl_pairs **out, rl_repo *repo, const rl_changes_opts *opts, char *err,
                    size_t errlen);

#endif
