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

/* Rename detection outside a repository (two directories, git difftool --dir-diff), by the
 * measure --git's renames use: libgit2's similarity signature (line hashes, whitespace at line
 * ends ignored). A text's signature: RL_OK with *out NULL when the text is too small to have one
 * (libgit2 then sees no similarity but sameness); RL_EINVAL when libgit2 cannot be loaded (no
 * rename detection then); RL_ENOMEM. */
typedef struct rl_textsig rl_textsig;
int rl_textsig_new(rl_textsig **out, const char *text, size_t len);
void rl_textsig_free(rl_textsig *sig);
/* How alike two texts are, 0 to 100, as --git measures it: 100 for the same bytes; 0 when either
 * has no signature or one is over 8 times the size of the other (both over 127 bytes). */
int rl_similarity(const rl_textsig *a, const char *ta, size_t la, const rl_textsig *b,
                  const char *tb, size_t lb);
/* The score from which --git (libgit2's default) calls a deleted and an added file a rename. */
#define RL_RENAME_THRESHOLD 50

#endif
