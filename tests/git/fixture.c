/* fixture.c: repositories for tests, made with libgit2. */
#include "fixture.h"

#include <criterion/criterion.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define GIT_OK(call)                                                                    \
	do {                                                                                \
		int rc_ = (call);                                                               \
		const git_error *e_ = git_error_last();                                         \
		cr_assert_eq(rc_, 0, "%s: %s", #call, e_ && e_->message ? e_->message : "?"); \
	} while (0)

/* Keep the test away from whatever git setup the machine and the user have. */
static void isolate(const fx_repo *r)
{
	char path[256], parent[128];

	setenv("HOME", r->root, 1);
	snprintf(path, sizeof path, "%s/.config", r->root);
	setenv("XDG_CONFIG_HOME", path, 1);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	snprintf(parent, sizeof parent, "%s", r->root);
	*strrchr(parent, '/') = '\0';
	setenv("GIT_CEILING_DIRECTORIES", parent, 1);
	const char *unset[] = {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
	                       "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_COMMON_DIR",
	                       "GIT_DIFF_PATH_COUNTER", "GIT_DIFF_PATH_TOTAL", "GIT_PAGER_IN_USE"};
	for (size_t i = 0; i < sizeof unset / sizeof *unset; i++)
		unsetenv(unset[i]);
	int levels[] = {GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL,
	                GIT_CONFIG_LEVEL_PROGRAMDATA};
	for (size_t i = 0; i < sizeof levels / sizeof *levels; i++)
		GIT_OK(git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, levels[i], r->root));
}

void fx_init(fx_repo *r)
{
	git_repository_init_options opts;

	memset(r, 0, sizeof *r);
	snprintf(r->root, sizeof r->root, "/tmp/redline-git-XXXXXX");
	cr_assert_not_null(mkdtemp(r->root));
	snprintf(r->dir, sizeof r->dir, "%s/repo", r->root);
	/* Stays initialised until fx_free, so that the search paths hold for the code under test. */
	git_libgit2_init();
	isolate(r);
	GIT_OK(git_repository_init_options_init(&opts, GIT_REPOSITORY_INIT_OPTIONS_VERSION));
	opts.flags = GIT_REPOSITORY_INIT_MKPATH;
	opts.initial_head = "main";
	GIT_OK(git_repository_init_ext(&r->git, r->dir, &opts));
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

void fx_free(fx_repo *r)
{
	git_repository_free(r->git);
	r->git = NULL;
	if (chdir("/") == 0 && r->root[0])
		nftw(r->root, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	git_libgit2_shutdown();
}

static void make_parents(const char *file)
{
	char buf[512];
	snprintf(buf, sizeof buf, "%s", file);
	for (char *p = buf + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		mkdir(buf, 0755);
		*p = '/';
	}
}

void fx_write(fx_repo *r, const char *path, const char *content, size_t len)
{
	char file[512];
	snprintf(file, sizeof file, "%s/%s", r->dir, path);
	if (!content) {
		cr_assert_eq(unlink(file), 0, "cannot delete %s", file);
		return;
	}
	make_parents(file);
	FILE *fp = fopen(file, "wb");
	cr_assert_not_null(fp, "cannot write %s", file);
	if (len == (size_t)-1)
		len = strlen(content);
	cr_assert_eq(fwrite(content, 1, len, fp), len);
	cr_assert_eq(fclose(fp), 0);
}

void fx_stage(fx_repo *r, const char *path)
{
	git_index *index;
	char file[512];
	struct stat st;

	snprintf(file, sizeof file, "%s/%s", r->dir, path);
	GIT_OK(git_repository_index(&index, r->git));
	if (lstat(file, &st) == 0)
		GIT_OK(git_index_add_bypath(index, path));
	else
		GIT_OK(git_index_remove_bypath(index, path));
	GIT_OK(git_index_write(index));
	git_index_free(index);
}

void fx_commit(fx_repo *r, const char *author, long long t, const char *msg, char hex[41])
{
	git_index *index;
	git_oid tree_id, id;
	git_tree *tree;
	git_signature *sig;
	git_object *head = NULL;
	char email[128];

	snprintf(email, sizeof email, "%.60s@example.org", author);
	for (char *p = email; *p; p++)
		if (*p == ' ')
			*p = '.';
	GIT_OK(git_repository_index(&index, r->git));
	GIT_OK(git_index_write_tree(&tree_id, index));
	GIT_OK(git_tree_lookup(&tree, r->git, &tree_id));
	GIT_OK(git_signature_new(&sig, author, email, (git_time_t)t, 60));
	bool has_head = git_revparse_single(&head, r->git, "HEAD") == 0;
	const git_commit *parents[1] = {(const git_commit *)head};
	GIT_OK(git_commit_create(&id, r->git, "HEAD", sig, sig, NULL, msg, tree, has_head ? 1 : 0,
	                         parents));
	if (hex)
		git_oid_tostr(hex, 41, &id);
	git_object_free(head);
	git_signature_free(sig);
	git_tree_free(tree);
	git_index_free(index);
}

void fx_commit_files(fx_repo *r, const char *author, long long t, const char *msg, ...)
{
	va_list ap;
	va_start(ap, msg);
	for (const char *path; (path = va_arg(ap, const char *));) {
		const char *content = va_arg(ap, const char *);
		fx_write(r, path, content, (size_t)-1);
		fx_stage(r, path);
	}
	va_end(ap);
	fx_commit(r, author, t, msg, NULL);
}

void fx_head(fx_repo *r, char hex[41])
{
	git_object *head;
	GIT_OK(git_revparse_single(&head, r->git, "HEAD"));
	git_oid_tostr(hex, 41, git_object_id(head));
	git_object_free(head);
}

void fx_tag(fx_repo *r, const char *name)
{
	git_object *head;
	git_oid id;
	GIT_OK(git_revparse_single(&head, r->git, "HEAD"));
	GIT_OK(git_tag_create_lightweight(&id, r->git, name, head, 0));
	git_object_free(head);
}

void fx_gitlink(fx_repo *r, const char *path, const char *hex)
{
	git_index *index;
	git_index_entry e;

	memset(&e, 0, sizeof e);
	e.path = path;
	e.mode = GIT_FILEMODE_COMMIT;
	GIT_OK(git_oid_fromstr(&e.id, hex));
	GIT_OK(git_repository_index(&index, r->git));
	GIT_OK(git_index_add(index, &e));
	GIT_OK(git_index_write(index));
	git_index_free(index);
}

void fx_bare_clone(fx_repo *r, char *out)
{
	git_repository_init_options opts;
	git_repository *bare;
	git_reference *ref;
	git_object *head;
	char alt[300];

	/* Not git_clone: its remote setup leaks inside libgit2 1.5 under LeakSanitizer. A bare
	 * repository borrowing the objects (alternates) and pointing main at the same commit is the
	 * same thing to a reader. */
	snprintf(out, 160, "%s/bare.git", r->root);
	GIT_OK(git_repository_init_options_init(&opts, GIT_REPOSITORY_INIT_OPTIONS_VERSION));
	opts.flags = GIT_REPOSITORY_INIT_MKPATH | GIT_REPOSITORY_INIT_BARE;
	opts.initial_head = "main";
	GIT_OK(git_repository_init_ext(&bare, out, &opts));
	snprintf(alt, sizeof alt, "%s/objects/info/alternates", out);
	FILE *fp = fopen(alt, "w");
	cr_assert_not_null(fp);
	fprintf(fp, "%s/.git/objects\n", r->dir);
	cr_assert_eq(fclose(fp), 0);
	GIT_OK(git_revparse_single(&head, r->git, "HEAD"));
	GIT_OK(git_reference_create(&ref, bare, "refs/heads/main", git_object_id(head), 1, NULL));
	git_reference_free(ref);
	git_object_free(head);
	git_repository_free(bare);
}

void fx_chdir(const fx_repo *r, const char *sub)
{
	char path[512];
	snprintf(path, sizeof path, "%s%s%s", r->dir, sub ? "/" : "", sub ? sub : "");
	cr_assert_eq(chdir(path), 0, "cannot enter %s", path);
}
