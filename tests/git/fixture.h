/* fixture.h: real git repositories in temporary directories, made with libgit2, for tests.
 *
 * fx_init isolates the test process from the user's git setup first: HOME, the XDG directory and
 * libgit2's config search paths point into the temporary directory, GIT_DIR and friends are
 * unset, and discovery stops at the temporary directory's parent. Every helper fails the test on
 * error. */
#ifndef REDLINE_TEST_FIXTURE_H
#define REDLINE_TEST_FIXTURE_H

#include <git2.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct fx_repo {
	char root[128];  /* the temporary directory (home, scratch files) */
	char dir[160];   /* the working tree: root/repo */
	git_repository *git;
} fx_repo;

/* A new repository with branch main in a fresh temporary directory. */
void fx_init(fx_repo *r);
/* Remove the directory and close the repository. */
void fx_free(fx_repo *r);

/* Write (len bytes, or strlen when len is (size_t)-1) path in the working tree, creating its
 * directories; NULL content deletes it. */
void fx_write(fx_repo *r, const char *path, const char *content, size_t len);
/* Bring path (added, changed or deleted in the working tree) into the index. */
void fx_stage(fx_repo *r, const char *path);
/* Commit the index as `author` at unix time t. hex (may be NULL) gets the commit id. */
void fx_commit(fx_repo *r, const char *author, long long t, const char *msg, char hex[41]);
/* Write and stage each "path", "content" pair (content NULL deletes), then commit. */
void fx_commit_files(fx_repo *r, const char *author, long long t, const char *msg, ...);
/* The commit id of HEAD. */
void fx_head(fx_repo *r, char hex[41]);
/* A lightweight tag at HEAD. */
void fx_tag(fx_repo *r, const char *name);
/* A submodule entry (gitlink) at path in the index, pointing at commit hex. */
void fx_gitlink(fx_repo *r, const char *path, const char *hex);
/* A bare repository at root/bare.git with the same history (its path goes to out, 160 bytes). */
void fx_bare_clone(fx_repo *r, char *out);

/* Change into the working tree (or a directory below it). */
void fx_chdir(const fx_repo *r, const char *sub);

#endif
