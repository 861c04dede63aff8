/* repo.h: the git repository around the current directory, through libgit2 (never by running
 * git). It resolves REV:path to blobs, reads blobs, and maps paths between the command line
 * (relative to the current directory) and the repository (relative to the top of the working
 * tree).
 *
 * libgit2 stays in src/: diff/ and ui/ never see it. Every function that can fail returns 0, or -1
 * with a one-line reason in err (the program adds "redline: "); *out is set only on success. */
#ifndef REDLINE_REPO_H
#define REDLINE_REPO_H

#include <git2.h>
#include <stdbool.h>
#include <stddef.h>

#include "source.h"

typedef struct rl_repo rl_repo;

/* Open the repository that contains the current directory, as git finds it: GIT_DIR,
 * GIT_WORK_TREE and GIT_CEILING_DIRECTORIES are honoured. Returns 0; RL_REPO_NONE when there is no
 * repository ("/tmp/x is not inside a git repository" in err); -1 on another failure. Messages
 * have no subject: the caller puts the operand or option that needed a repository in front. */
#define RL_REPO_NONE 1
int rl_repo_open(rl_repo **out, char *err, size_t errlen);
void rl_repo_free(rl_repo *repo);

/* The libgit2 handle (borrowed), for the modules that list changes and history. */
git_repository *rl_repo_git(rl_repo *repo);

/* Is it a bare repository (no working tree, no index to compare with)? */
bool rl_repo_is_bare(const rl_repo *repo);

/* Fail with "WHAT: REPO is a bare repository: no working tree (HINT)" unless there is a
 * working tree. */
int rl_repo_need_worktree(const rl_repo *repo, const char *what, const char *hint, char *err,
                          size_t errlen);

/* Does spec have the form REV:path (":path" for the index, ":N:path" for a merge stage)? It does
 * when it holds a colon outside the braces of "@{...}" and "^{...}"; *colon gets its position. */
bool rl_repo_is_revspec(const char *spec, size_t *colon);

/* Read the blob that "REV:path" names into src, with spec as its display name. REV is resolved as
 * git does (HEAD~2, v1.0, a branch, an abbreviated id); an empty REV is the index. A path that
 * starts with ./ or ../ is relative to the current directory, any other from the top of the working
 * tree. Errors name the spec and say what is wrong: unknown revision, path absent at that revision,
 * a directory, a submodule, no index in a bare repository, larger than max_size. */
int rl_repo_read_spec(rl_repo *repo, rl_source *src, const char *spec, size_t max_size,
                      char *err, size_t errlen);

/* The tree of obj (a commit, a tag of one, or a tree) named rev in messages. Returns 0, or -1
 * with err saying whether it is not a commit or a tree, or its tree object is corrupt. */
int rl_repo_peel_tree(git_object **tree, git_object *obj, const char *rev, char *err,
                      size_t errlen);
/* The size of blob id from its object header, without reading its content. Returns 0, or -1
 * when there is no such blob. */
int rl_repo_blob_size(rl_repo *repo, const git_oid *id, size_t *size);
/* Read the blob with this id (hex) into src, with `name` as its display name. */
int rl_repo_read_blob(rl_repo *repo, rl_source *src, const git_oid *id, const char *name,
                      size_t max_size, char *err, size_t errlen);

/* A path given on the command line, relative to the current directory, as a path from the top of
 * the working tree ("docs/intro.md"; "" for the top itself). Fails when it leads outside. */
int rl_repo_top_path(const rl_repo *repo, const char *arg, char **out, char *err, size_t errlen);

/* A path from the top of the working tree as the command line would name it from the current
 * directory ("intro.md" from docs/, "../story.md"), and as an absolute file name. NULL when out of
 * memory. */
char *rl_repo_cwd_path(const rl_repo *repo, const char *top_path);
char *rl_repo_work_file(const rl_repo *repo, const char *top_path);

/* Resolve a revision to a commit (an annotated tag is peeled). Errors name the revision. */
int rl_repo_commit(rl_repo *repo, git_commit **out, const char *rev, char *err, size_t errlen);

/* The message of libgit2's last error, or `fallback`. */
const char *rl_repo_last_error(const char *fallback);

#endif
