/* gitlib.h: libgit2, loaded when a command first needs a repository (a REV:path operand, --git,
 * --history, git difftool), never at start-up.
 *
 * Linking libgit2 made every run pay for it and its 16 dependencies (TLS, SSH, Kerberos): the
 * dynamic loader's relocations were two thirds of the CPU of `redline --stat a b` on two small
 * files. Instead the library is opened with dlopen() by its soname (found at configure time, see
 * src/input/CMakeLists.txt) and the functions the program calls are looked up once into a table.
 *
 * Include this header, after <git2.h>, only in the .c files that call libgit2 (repo.c, history.c,
 * changes.c): it turns every git_* name of RL_GIT_FUNCTIONS into a call through the table, so those
 * files read as plain libgit2 code. A git_* call missing from the list fails at link time (the
 * program does not link libgit2), never at run time. */
#ifndef REDLINE_GITLIB_H
#define REDLINE_GITLIB_H

#include <git2.h>
#include <git2/sys/hashsig.h>
#include <stddef.h>

/* Every libgit2 function the program calls. */
#define RL_GIT_FUNCTIONS(X)                                                                     \
	X(git_blob_free) X(git_blob_lookup) X(git_blob_rawcontent) X(git_blob_rawsize)             \
	X(git_buf_dispose) X(git_commit_author) X(git_commit_dup) X(git_commit_free)               \
	X(git_commit_id) X(git_commit_parent) X(git_commit_parentcount) X(git_commit_summary)      \
	X(git_commit_tree) X(git_diff_find_options_init) X(git_diff_find_similar) X(git_diff_free) \
	X(git_diff_get_delta) X(git_diff_index_to_workdir) X(git_diff_num_deltas)                  \
	X(git_diff_options_init) X(git_diff_tree_to_index) X(git_diff_tree_to_tree)               \
	X(git_diff_tree_to_workdir_with_index) X(git_error_last) X(git_index_free)                 \
	X(git_index_get_bypath) X(git_libgit2_init) X(git_libgit2_shutdown) X(git_merge_base)      \
	X(git_object_free) X(git_object_id) X(git_object_lookup) X(git_object_peel)               \
	X(git_object_short_id) X(git_oid_cpy) X(git_oid_equal) X(git_oid_tostr)                   \
	X(git_repository_free) X(git_repository_head_unborn) X(git_repository_index)              \
	X(git_repository_open_ext) X(git_repository_path) X(git_repository_set_workdir)           \
	X(git_repository_workdir) X(git_revparse) X(git_revparse_single) X(git_tree_entry_bypath) \
	X(git_tree_entry_filemode) X(git_tree_entry_free) X(git_tree_entry_id)                    \
	X(git_tree_entry_type) X(git_tree_free) X(git_commit_tree_id) X(git_object_owner)           \
	X(git_object_type) X(git_odb_free) X(git_odb_read_header) X(git_oid_fromstr)             \
	X(git_repository_commondir) X(git_repository_odb) X(git_tree_lookup)                    \
	X(git_hashsig_create) X(git_hashsig_compare) X(git_hashsig_free)

/* One pointer per function, with the function's own type (GCC and Clang's __typeof__, C23's
 * typeof), so each call through the table is type-checked against libgit2's headers. */
#define RL_GIT_MEMBER(f) __typeof__(f) *f;
typedef struct rl_gitlib {
	RL_GIT_FUNCTIONS(RL_GIT_MEMBER)
} rl_gitlib;
#undef RL_GIT_MEMBER

/* The table, NULL until rl_gitlib_load has succeeded. */
extern const rl_gitlib *rl_git;

/* Load libgit2 (once; later calls return 0 at once). The library is the soname the program was
 * built against, or the file named by the environment variable REDLINE_LIBGIT2. Returns 0, or -1
 * with a one-line reason in err ("git support needs libgit2.so.1.5, which cannot be loaded:
 * ..."). The library stays loaded until the process exits. */
int rl_gitlib_load(char *err, size_t errlen);

/* The calls: an object-like macro whose expansion names itself is not expanded again, so
 * `git_commit_free(c)` becomes `(rl_git->git_commit_free)(c)`. gitlib.c, which fills the table by
 * name, defines RL_GITLIB_TABLE_ONLY to keep the plain names. */
#ifndef RL_GITLIB_TABLE_ONLY
#define git_blob_free (rl_git->git_blob_free)
#define git_blob_lookup (rl_git->git_blob_lookup)
#define git_blob_rawcontent (rl_git->git_blob_rawcontent)
#define git_blob_rawsize (rl_git->git_blob_rawsize)
#define git_buf_dispose (rl_git->git_buf_dispose)
#define git_commit_author (rl_git->git_commit_author)
#define git_commit_dup (rl_git->git_commit_dup)
#define git_commit_free (rl_git->git_commit_free)
#define git_commit_id (rl_git->git_commit_id)
#define git_commit_parent (rl_git->git_commit_parent)
#define git_commit_parentcount (rl_git->git_commit_parentcount)
#define git_commit_summary (rl_git->git_commit_summary)
#define git_commit_tree (rl_git->git_commit_tree)
#define git_diff_find_options_init (rl_git->git_diff_find_options_init)
#define git_diff_find_similar (rl_git->git_diff_find_similar)
#define git_diff_free (rl_git->git_diff_free)
#define git_diff_get_delta (rl_git->git_diff_get_delta)
#define git_diff_index_to_workdir (rl_git->git_diff_index_to_workdir)
#define git_diff_num_deltas (rl_git->git_diff_num_deltas)
#define git_diff_options_init (rl_git->git_diff_options_init)
#define git_diff_tree_to_index (rl_git->git_diff_tree_to_index)
#define git_diff_tree_to_tree (rl_git->git_diff_tree_to_tree)
#define git_diff_tree_to_workdir_with_index (rl_git->git_diff_tree_to_workdir_with_index)
#define git_error_last (rl_git->git_error_last)
#define git_index_free (rl_git->git_index_free)
#define git_index_get_bypath (rl_git->git_index_get_bypath)
#define git_libgit2_init (rl_git->git_libgit2_init)
#define git_libgit2_shutdown (rl_git->git_libgit2_shutdown)
#define git_merge_base (rl_git->git_merge_base)
#define git_object_free (rl_git->git_object_free)
#define git_object_id (rl_git->git_object_id)
#define git_object_lookup (rl_git->git_object_lookup)
#define git_object_peel (rl_git->git_object_peel)
#define git_object_short_id (rl_git->git_object_short_id)
#define git_oid_cpy (rl_git->git_oid_cpy)
#define git_oid_equal (rl_git->git_oid_equal)
#define git_oid_tostr (rl_git->git_oid_tostr)
#define git_repository_free (rl_git->git_repository_free)
#define git_repository_head_unborn (rl_git->git_repository_head_unborn)
#define git_repository_index (rl_git->git_repository_index)
#define git_repository_open_ext (rl_git->git_repository_open_ext)
#define git_repository_path (rl_git->git_repository_path)
#define git_repository_set_workdir (rl_git->git_repository_set_workdir)
#define git_repository_workdir (rl_git->git_repository_workdir)
#define git_revparse (rl_git->git_revparse)
#define git_revparse_single (rl_git->git_revparse_single)
#define git_tree_entry_bypath (rl_git->git_tree_entry_bypath)
#define git_tree_entry_filemode (rl_git->git_tree_entry_filemode)
#define git_tree_entry_free (rl_git->git_tree_entry_free)
#define git_tree_entry_id (rl_git->git_tree_entry_id)
#define git_tree_entry_type (rl_git->git_tree_entry_type)
#define git_tree_free (rl_git->git_tree_free)
#define git_commit_tree_id (rl_git->git_commit_tree_id)
#define git_object_owner (rl_git->git_object_owner)
#define git_object_type (rl_git->git_object_type)
#define git_odb_free (rl_git->git_odb_free)
#define git_odb_read_header (rl_git->git_odb_read_header)
#define git_oid_fromstr (rl_git->git_oid_fromstr)
#define git_repository_commondir (rl_git->git_repository_commondir)
#define git_repository_odb (rl_git->git_repository_odb)
#define git_tree_lookup (rl_git->git_tree_lookup)
#define git_hashsig_create (rl_git->git_hashsig_create)
#define git_hashsig_compare (rl_git->git_hashsig_compare)
#define git_hashsig_free (rl_git->git_hashsig_free)
#endif

#endif
