/* repo.c: the repository around the current directory, REV:path, blobs, paths. */
#include "repo.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dupstr.h"
#include "gitlib.h"

struct rl_repo {
	git_repository *git;
	char *prefix;   /* the current directory from the top ("docs/", ""); NULL when outside */
	char *workdir;  /* the top of the working tree, with a trailing slash; NULL when bare */
	char *where;    /* the repository for messages: the working tree, or the git directory */
};

const char *rl_repo_last_error(const char *fallback)
{
	const git_error *e = git_error_last();
	return e && e->message && *e->message ? e->message : fallback;
}

/* A directory name without its trailing slash, for messages. */
static char *without_slash(const char *dir)
{
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	return rl_dupstr_n(dir, n);
}

/* The current directory relative to the top of the working tree, with a trailing slash unless
 * empty; NULL (and *outside set) when it is not inside. Both are compared as real paths, so a
 * symbolic link on the way does not matter. */
static int cwd_prefix(const char *workdir, char **out, bool *outside)
{
	char cwd[PATH_MAX], top[PATH_MAX];

	*outside = false;
	if (!getcwd(cwd, sizeof cwd) || !realpath(workdir, top)) {
		*outside = true;
		return 0;
	}
	size_t n = strlen(top);
	if (strcmp(top, "/") == 0)
		n = 0;
	if (strncmp(cwd, top, n) != 0 || (cwd[n] != '/' && cwd[n] != '\0')) {
		*outside = true;
		return 0;
	}
	const char *rest = cwd[n] == '/' ? cwd + n + 1 : cwd + n;
	size_t len = strlen(rest);
	char *p = malloc(len + 2);
	if (!p)
		return -1;
	memcpy(p, rest, len);
	if (len)
		p[len++] = '/';
	p[len] = '\0';
	*out = p;
	return 0;
}

static int open_git(git_repository **git)
{
	const char *dir = getenv("GIT_DIR"), *tree = getenv("GIT_WORK_TREE");

	/* libgit2 refuses GIT_WORK_TREE with OPEN_FROM_ENV; git difftool sets it. */
	if (!tree || !*tree)
		return git_repository_open_ext(git, NULL, GIT_REPOSITORY_OPEN_FROM_ENV, NULL);
	int rc = dir && *dir ? git_repository_open_ext(git, dir, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL)
	                     : git_repository_open_ext(git, ".", 0, getenv("GIT_CEILING_DIRECTORIES"));
	if (rc == 0 && (rc = git_repository_set_workdir(*git, tree, 0)) != 0) {
		git_repository_free(*git);
		*git = NULL;
	}
	return rc;
}

static int fill_paths(rl_repo *r)
{
	const char *wd = git_repository_workdir(r->git);
	bool outside = false;

	if (wd) {
		r->workdir = rl_dupstr(wd);
		if (!r->workdir || cwd_prefix(wd, &r->prefix, &outside) != 0)
			return -1;
	} else {
		r->prefix = rl_dupstr("");
		if (!r->prefix)
			return -1;
	}
	r->where = without_slash(wd ? wd : git_repository_path(r->git));
	return r->where ? 0 : -1;
}

int rl_repo_open(rl_repo **out, char *err, size_t errlen)
{
	git_repository *git = NULL;
	char cwd[PATH_MAX];

	if (rl_gitlib_load(err, errlen) != 0)
		return -1;
	git_libgit2_init();
	int rc = open_git(&git);
	if (rc != 0) {
		if (rc == GIT_ENOTFOUND) {
			snprintf(err, errlen, "%s is not inside a git repository",
			         getcwd(cwd, sizeof cwd) ? cwd : "the current directory");
			rc = RL_REPO_NONE;
		} else {
			snprintf(err, errlen, "%s", rl_repo_last_error("cannot open the git repository"));
			rc = -1;
		}
		git_libgit2_shutdown();
		return rc;
	}
	rl_repo *r = calloc(1, sizeof *r);
	if (!r) {
		git_repository_free(git);
		git_libgit2_shutdown();
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	r->git = git;
	if (fill_paths(r) != 0) {
		rl_repo_free(r);  /* frees git and shuts libgit2 down */
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	*out = r;
	return 0;
}

void rl_repo_free(rl_repo *repo)
{
	if (!repo)
		return;
	git_repository_free(repo->git);
	free(repo->prefix);
	free(repo->workdir);
	free(repo->where);
	free(repo);
	git_libgit2_shutdown();
}

git_repository *rl_repo_git(rl_repo *repo)
{
	return repo->git;
}

bool rl_repo_is_bare(const rl_repo *repo)
{
	return repo->workdir == NULL;
}

int rl_repo_need_worktree(const rl_repo *repo, const char *what, const char *hint, char *err,
                          size_t errlen)
{
	if (!rl_repo_is_bare(repo))
		return 0;
	snprintf(err, errlen, "%s: %s is a bare repository: no working tree (%s)", what, repo->where,
	         hint);
	return -1;
}

bool rl_repo_is_revspec(const char *spec, size_t *colon)
{
	int depth = 0;

	for (size_t i = 0; spec[i]; i++) {
		if ((spec[i] == '@' || spec[i] == '^') && spec[i + 1] == '{') {
			depth++;
			i++;
		} else if (spec[i] == '}' && depth > 0) {
			depth--;
		} else if (spec[i] == ':' && depth == 0) {
			*colon = i;
			return true;
		}
	}
	return false;
}

/* Join prefix and path and resolve "." and ".." and repeated slashes. Fails when ".." climbs
 * above the top. */
static int normalize(const char *prefix, const char *path, char **out)
{
	size_t plen = strlen(prefix), len = plen + strlen(path);
	char *joined = malloc(len + 1), *res = malloc(len + 1);
	size_t k = 0;
	int rc = 0;

	if (!joined || !res) {
		free(joined);
		free(res);
		return -2;
	}
	memcpy(joined, prefix, plen);
	strcpy(joined + plen, path);
	for (char *seg = joined, *next; seg && rc == 0; seg = next) {
		char *slash = strchr(seg, '/');
		next = slash ? slash + 1 : NULL;
		size_t n = slash ? (size_t)(slash - seg) : strlen(seg);
		if (n == 0 || (n == 1 && seg[0] == '.'))
			continue;
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			if (k == 0)
				rc = -1;
			while (k > 0 && res[--k] != '/')
				;
			continue;
		}
		if (k)
			res[k++] = '/';
		memcpy(res + k, seg, n);
		k += n;
	}
	free(joined);
	res[k] = '\0';
	if (rc != 0) {
		free(res);
		return rc;
	}
	*out = res;
	return 0;
}

int rl_repo_top_path(const rl_repo *repo, const char *arg, char **out, char *err, size_t errlen)
{
	const char *rel = arg;
	int rc;

	if (arg[0] == '/') {
		/* An absolute name must lead into the working tree. */
		char real[PATH_MAX], top[PATH_MAX];
		if (!repo->workdir || !realpath(repo->workdir, top)) {
			snprintf(err, errlen, "%s: outside the repository %s", arg, repo->where);
			return -1;
		}
		size_t n = strlen(top);
		const char *want = realpath(arg, real) ? real : arg;
		if (strncmp(want, top, n) != 0 || (want[n] != '/' && want[n] != '\0')) {
			snprintf(err, errlen, "%s: outside the repository %s", arg, repo->where);
			return -1;
		}
		rel = want + n;
		rc = normalize("", rel, out);
	} else if (!repo->prefix) {
		snprintf(err, errlen, "%s: the current directory is outside the working tree %s", arg,
		         repo->where);
		return -1;
	} else {
		rc = normalize(repo->prefix, rel, out);
	}
	if (rc == -2)
		snprintf(err, errlen, "out of memory");
	else if (rc != 0)
		snprintf(err, errlen, "%s: outside the repository %s", arg, repo->where);
	return rc ? -1 : 0;
}

char *rl_repo_cwd_path(const rl_repo *repo, const char *top_path)
{
	if (!repo->prefix)
		return rl_repo_work_file(repo, top_path);
	/* Skip the directories the current directory and the path share, climb out of the rest. */
	const char *p = repo->prefix, *t = top_path;
	size_t common = 0;
	for (size_t i = 0; p[i] && p[i] == t[i]; i++)
		if (p[i] == '/')
			common = i + 1;
	size_t ups = 0;
	for (size_t i = common; p[i]; i++)
		ups += p[i] == '/';
	size_t rest = strlen(t + common);
	char *s = malloc(ups * 3 + rest + 1);
	if (!s)
		return NULL;
	for (size_t i = 0; i < ups; i++)
		memcpy(s + 3 * i, "../", 3);
	memcpy(s + ups * 3, t + common, rest + 1);
	return s;
}

char *rl_repo_work_file(const rl_repo *repo, const char *top_path)
{
	const char *base = repo->workdir ? repo->workdir : "";
	size_t a = strlen(base), b = strlen(top_path);
	char *s = malloc(a + b + 1);
	if (s) {
		memcpy(s, base, a);
		memcpy(s + a, top_path, b + 1);
	}
	return s;
}

int rl_repo_commit(rl_repo *repo, git_commit **out, const char *rev, char *err, size_t errlen)
{
	git_object *obj = NULL, *commit = NULL;

	if (git_revparse_single(&obj, repo->git, rev) != 0) {
		if (git_repository_head_unborn(repo->git) == 1)
			snprintf(err, errlen, "unknown revision '%s' (the repository has no commits yet)",
			         rev);
		else
			snprintf(err, errlen, "unknown revision '%s'", rev);
		return -1;
	}
	int rc = git_object_peel(&commit, obj, GIT_OBJECT_COMMIT);
	git_object_free(obj);
	if (rc != 0) {
		snprintf(err, errlen, "'%s' is not a commit", rev);
		return -1;
	}
	*out = (git_commit *)commit;
	return 0;
}

int rl_repo_blob_size(rl_repo *repo, const git_oid *id, size_t *size)
{
	git_odb *odb = NULL;
	size_t len = 0;
	git_object_t type;
	int rc = git_repository_odb(&odb, repo->git);
	if (rc == 0)
		rc = git_odb_read_header(&len, &type, odb, id);
	git_odb_free(odb);
	if (rc != 0 || type != GIT_OBJECT_BLOB)
		return -1;
	*size = len;
	return 0;
}

int rl_repo_read_blob(rl_repo *repo, rl_source *src, const git_oid *id, const char *name,
                      size_t max_size, char *err, size_t errlen)
{
	git_blob *blob = NULL;

	if (git_blob_lookup(&blob, repo->git, id) != 0) {
		char hex[GIT_OID_HEXSZ + 1];
		git_oid_tostr(hex, sizeof hex, id);
		snprintf(err, errlen, "%s: cannot read blob %s: %s", name, hex,
		         rl_repo_last_error("not found"));
		return -1;
	}
	git_object_size_t size = git_blob_rawsize(blob);
	int rc = rl_source_from_bytes(src, git_blob_rawcontent(blob),
	                              size > (git_object_size_t)SIZE_MAX ? SIZE_MAX : (size_t)size,
	                              name, max_size, err, errlen);
	git_blob_free(blob);
	return rc;
}

/* What a tree or index entry is, as a reason when it is not a file. */
static const char *not_a_file(git_filemode_t mode)
{
	if (mode == GIT_FILEMODE_TREE)
		return "a directory";
	if (mode == GIT_FILEMODE_COMMIT)
		return "a submodule";
	return NULL;
}

/* The path of a REV:path from the top: as written, unless it starts with ./ or ../, which are
 * relative to the current directory (git's rule). */
static int spec_path(const rl_repo *repo, const char *spec, const char *path, char **top,
                     char *err, size_t errlen)
{
	if (strncmp(path, "./", 2) == 0 || strncmp(path, "../", 3) == 0 || strcmp(path, ".") == 0 ||
	    strcmp(path, "..") == 0) {
		if (rl_repo_top_path(repo, path, top, err, errlen) == 0)
			return 0;
		snprintf(err, errlen, "%s: '%s' leads outside the working tree %s", spec, path,
		         repo->where);
		return -1;
	}
	int rc = normalize("", path, top);
	if (rc == -2)
		snprintf(err, errlen, "out of memory");
	else if (rc != 0)
		snprintf(err, errlen, "%s: invalid path '%s'", spec, path);
	return rc ? -1 : 0;
}

/* ":path" or ":N:path": the blob in the index, at merge stage N (0 when not given). */
static int index_blob(rl_repo *repo, const char *spec, const char *path, git_oid *id, char *err,
                      size_t errlen)
{
	git_index *index = NULL;
	int stage = 0;

	if (path[0] >= '0' && path[0] <= '3' && path[1] == ':') {
		stage = path[0] - '0';
		path += 2;
	}
	if (rl_repo_is_bare(repo)) {
		snprintf(err, errlen, "%s: %s is a bare repository: no index", spec, repo->where);
		return -1;
	}
	char *top = NULL;
	if (spec_path(repo, spec, path, &top, err, errlen) != 0)
		return -1;
	if (git_repository_index(&index, repo->git) != 0) {
		snprintf(err, errlen, "%s: %s", spec, rl_repo_last_error("cannot read the index"));
		free(top);
		return -1;
	}
	const git_index_entry *e = git_index_get_bypath(index, top, stage);
	int rc = -1;
	if (!e && stage == 0 && git_index_get_bypath(index, top, 2))
		snprintf(err, errlen, "%s: '%s' is unmerged in the index (name a stage: :1:, :2: or :3:)",
		         spec, top);
	else if (!e)
		snprintf(err, errlen, "%s: path '%s' is not in the index", spec, top);
	else if (not_a_file(e->mode))
		snprintf(err, errlen, "%s: '%s' is %s in the index, not a file", spec, top,
		         not_a_file(e->mode));
	else {
		git_oid_cpy(id, &e->id);
		rc = 0;
	}
	git_index_free(index);
	free(top);
	return rc;
}

int rl_repo_peel_tree(git_object **tree, git_object *obj, const char *rev, char *err,
                      size_t errlen)
{
	if (git_object_peel(tree, obj, GIT_OBJECT_TREE) == 0)
		return 0;
	/* A commit (or a tag of one) whose tree cannot be read is a damaged repository, not a
	 * mistyped revision: name the object that is broken and what is wrong with it. */
	char why[256];
	snprintf(why, sizeof why, "%s", rl_repo_last_error("cannot be read"));
	git_object *commit = NULL;
	if (git_object_peel(&commit, obj, GIT_OBJECT_COMMIT) == 0) {
		char hex[GIT_OID_HEXSZ + 1];
		const git_oid *id = git_commit_tree_id((git_commit *)commit);
		git_tree *t = NULL;
		/* The lookup says what is wrong with it ("failed to parse tree: ..."); the peel
		 * only that it failed. */
		if (git_tree_lookup(&t, git_object_owner(obj), id) != 0)
			snprintf(why, sizeof why, "%s", rl_repo_last_error("cannot be read"));
		git_tree_free(t);
		git_oid_tostr(hex, sizeof hex, id);
		snprintf(err, errlen, "'%s': its tree %s is corrupt (%s)", rev, hex, why);
		git_object_free(commit);
	} else if (git_object_type(obj) == GIT_OBJECT_TREE) {
		snprintf(err, errlen, "'%s': the tree is corrupt (%s)", rev, why);
	} else {
		snprintf(err, errlen, "'%s' is not a commit or a tree", rev);
	}
	return -1;
}

/* "REV:path": the blob at path in REV's tree. */
static int tree_blob(rl_repo *repo, const char *spec, const char *rev, const char *path,
                     git_oid *id, char *err, size_t errlen)
{
	git_object *obj = NULL, *tree = NULL;
	git_tree_entry *e = NULL;
	char *top = NULL;
	int rc = -1;

	if (git_revparse_single(&obj, repo->git, rev) != 0) {
		snprintf(err, errlen, "%s: unknown revision '%s'%s", spec, rev,
		         git_repository_head_unborn(repo->git) == 1 ? " (the repository has no commits yet)"
		                                                    : "");
		return -1;
	}
	char why[512];
	if (rl_repo_peel_tree(&tree, obj, rev, why, sizeof why) != 0) {
		snprintf(err, errlen, "%s: %s", spec, why);
		goto out;
	}
	if (spec_path(repo, spec, path, &top, err, errlen) != 0)
		goto out;
	if (!*top) {
		snprintf(err, errlen, "%s: the top of '%s' is a directory", spec, rev);
		goto out;
	}
	if (git_tree_entry_bypath(&e, (git_tree *)tree, top) != 0) {
		snprintf(err, errlen, "%s: path '%s' does not exist in '%s'", spec, top, rev);
		goto out;
	}
	if (not_a_file(git_tree_entry_filemode(e))) {
		snprintf(err, errlen, "%s: '%s' is %s in '%s', not a file", spec, top,
		         not_a_file(git_tree_entry_filemode(e)), rev);
		goto out;
	}
	git_oid_cpy(id, git_tree_entry_id(e));
	rc = 0;
out:
	git_tree_entry_free(e);
	git_object_free(tree);
	git_object_free(obj);
	free(top);
	return rc;
}

int rl_repo_read_spec(rl_repo *repo, rl_source *src, const char *spec, size_t max_size,
                      char *err, size_t errlen)
{
	size_t colon;
	git_oid id;
	int rc;

	if (!rl_repo_is_revspec(spec, &colon)) {
		snprintf(err, errlen, "%s: not of the form REV:path", spec);
		return -1;
	}
	if (colon == 0) {
		rc = index_blob(repo, spec, spec + 1, &id, err, errlen);
	} else {
		char *rev = rl_dupstr_n(spec, colon);
		if (!rev) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
		rc = tree_blob(repo, spec, rev, spec + colon + 1, &id, err, errlen);
		free(rev);
	}
	if (rc != 0)
		return -1;
	return rl_repo_read_blob(repo, src, &id, spec, max_size, err, errlen);
}
