/* history.c: the versions of one file along the first-parent history (redline --history). */
#include "history.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "dupstr.h"
#include "gitlib.h"
#include "status.h"

/* A version found while walking back: the blob, its path then, the commit that introduced it. */
typedef struct found {
	git_oid blob;
	char *path;
	git_commit *commit;
} found;

typedef struct walk {
	found *v;       /* newest first while walking */
	size_t n, cap;
	git_oid *shallow;  /* a shallow clone's boundary commits: their parents were not fetched */
	size_t nshallow;
	bool cut;          /* the walk stopped at that boundary, not at the file's first commit */
} walk;

static void walk_release(walk *w)
{
	for (size_t i = 0; i < w->n; i++) {
		free(w->v[i].path);
		git_commit_free(w->v[i].commit);
	}
	free(w->v);
	free(w->shallow);
}

/* The commits listed in the repository's "shallow" file (a shallow clone: `git clone --depth`,
 * most CI checkouts). libgit2 does not hide their parents, so the walk must stop there itself,
 * as `git log` does. No file: not shallow. Returns 0, or -1 out of memory. */
static int read_shallow(git_repository *git, walk *w)
{
	const char *dir = git_repository_commondir(git);
	size_t n = strlen(dir) + sizeof "shallow";
	char *path = malloc(n), line[128];
	if (!path)
		return -1;
	snprintf(path, n, "%sshallow", dir);
	FILE *fp = fopen(path, "r");
	free(path);
	int rc = 0;
	while (fp && rc == 0 && fgets(line, sizeof line, fp)) {
		git_oid id;
		line[strcspn(line, "\r\n")] = '\0';
		if (git_oid_fromstr(&id, line) != 0)
			continue;
		git_oid *p = realloc(w->shallow, (w->nshallow + 1) * sizeof *p);
		if (!p) {
			rc = -1;
			break;
		}
		w->shallow = p;
		w->shallow[w->nshallow++] = id;
	}
	if (fp)
		fclose(fp);
	return rc;
}

static bool is_boundary(const walk *w, const git_commit *c)
{
	for (size_t i = 0; i < w->nshallow; i++)
		if (git_oid_equal(&w->shallow[i], git_commit_id(c)))
			return true;
	return false;
}

/* Record a version; takes a reference to the commit of its own. */
static int push(walk *w, const git_oid *blob, const char *path, git_commit *commit)
{
	if (w->n == w->cap) {
		size_t c = w->cap ? w->cap * 2 : 16;
		found *p = realloc(w->v, c * sizeof *p);
		if (!p)
			return -1;
		w->v = p;
		w->cap = c;
	}
	found *f = &w->v[w->n];
	f->path = rl_dupstr(path);
	if (!f->path)
		return -1;
	if (git_commit_dup(&f->commit, commit) != 0) {
		free(f->path);
		return -1;
	}
	git_oid_cpy(&f->blob, blob);
	w->n++;
	return 0;
}

/* The entry at path in a commit: 1 and its blob when it is a file, 0 when absent, and the file
 * mode through *mode (0 when absent). */
static int entry_at(git_commit *c, const char *path, git_oid *blob, git_filemode_t *mode)
{
	git_tree *tree = NULL;
	git_tree_entry *e = NULL;
	int is_file = 0;

	*mode = 0;
	if (git_commit_tree(&tree, c) != 0)
		return -1;
	if (git_tree_entry_bypath(&e, tree, path) == 0) {
		*mode = git_tree_entry_filemode(e);
		if (git_tree_entry_type(e) == GIT_OBJECT_BLOB) {
			git_oid_cpy(blob, git_tree_entry_id(e));
			is_file = 1;
		}
	}
	git_tree_entry_free(e);
	git_tree_free(tree);
	return is_file;
}

/* Did `commit` rename another file of `parent` to path? Then *old_path (owned) and *old_blob. */
static int find_rename(git_repository *git, git_commit *parent, git_commit *commit,
                       const char *path, char **old_path, git_oid *old_blob)
{
	git_tree *a = NULL, *b = NULL;
	git_diff *diff = NULL;
	git_diff_find_options find;
	int rc = -1;

	git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);
	find.flags = GIT_DIFF_FIND_RENAMES;
	if (git_commit_tree(&a, parent) != 0 || git_commit_tree(&b, commit) != 0 ||
	    git_diff_tree_to_tree(&diff, git, a, b, NULL) != 0 ||
	    git_diff_find_similar(diff, &find) != 0)
		goto out;
	rc = 0;
	for (size_t i = 0; i < git_diff_num_deltas(diff); i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		if (d->status == GIT_DELTA_RENAMED && strcmp(d->new_file.path, path) == 0 &&
		    d->old_file.mode != GIT_FILEMODE_COMMIT) {
			*old_path = rl_dupstr(d->old_file.path);
			git_oid_cpy(old_blob, &d->old_file.id);
			rc = *old_path ? 1 : -1;
			break;
		}
	}
out:
	git_diff_free(diff);
	git_tree_free(a);
	git_tree_free(b);
	return rc;
}

/* The blob of path in the first parent of `cur`, following a rename made by `cur`: 1 (and
 * *old_path, owned, when renamed), 0 when the file begins at `cur`, -1 on failure. */
static int in_parent(git_repository *git, git_commit *cur, git_commit *parent, const char *path,
                     git_oid *blob, char **old_path)
{
	git_filemode_t mode;
	int at = entry_at(parent, path, blob, &mode);

	*old_path = NULL;
	if (at != 0 || mode != 0)
		return at;  /* a file, an error, or a directory or submodule there: it begins here */
	return find_rename(git, parent, cur, path, old_path, blob);
}

/* Walk the first parents from `start`, collecting each version of path once, newest first. */
static int walk_back(git_repository *git, git_commit *start, const char *start_path,
                     const git_oid *start_blob, walk *w)
{
	git_commit *cur = NULL, *parent = NULL;
	char *path = rl_dupstr(start_path), *old_path = NULL;
	git_oid blob = *start_blob, pblob;
	int rc = -1;

	if (!path || git_commit_dup(&cur, start) != 0)
		goto out;
	for (;;) {
		if (git_commit_parentcount(cur) == 0 || is_boundary(w, cur)) {
			w->cut = git_commit_parentcount(cur) > 0;
			rc = push(w, &blob, path, cur);
			break;
		}
		if (git_commit_parent(&parent, cur, 0) != 0)
			break;
		int at = in_parent(git, cur, parent, path, &pblob, &old_path);
		if (at < 0)
			break;
		if (at == 0) {
			rc = push(w, &blob, path, cur);
			break;
		}
		if (!git_oid_equal(&pblob, &blob) && push(w, &blob, path, cur) != 0)
			break;
		if (old_path) {
			free(path);
			path = old_path;
			old_path = NULL;
		}
		blob = pblob;
		git_commit_free(cur);
		cur = parent;
		parent = NULL;
	}
out:
	git_commit_free(parent);
	git_commit_free(cur);
	free(old_path);
	free(path);
	return rc;
}

static void version_release(rl_version *v)
{
	free(v->commit);
	free(v->date);
	free(v->author);
	free(v->subject);
}

/* The commit facts a version shows (owned copies). */
static int describe(git_commit *c, rl_version *v)
{
	git_buf buf = GIT_BUF_INIT;
	const git_signature *who = git_commit_author(c);
	const char *subject = git_commit_summary(c);
	time_t t = (time_t)(who->when.time + (git_time_t)who->when.offset * 60);
	struct tm tm;
	char date[16];

	memset(v, 0, sizeof *v);
	if (git_object_short_id(&buf, (const git_object *)c) != 0)
		return -1;
	if (!gmtime_r(&t, &tm) || strftime(date, sizeof date, "%Y-%m-%d", &tm) == 0)
		snprintf(date, sizeof date, "?");
	v->commit = rl_dupstr(buf.ptr);
	v->date = rl_dupstr(date);
	v->author = rl_dupstr(who->name ? who->name : "");
	v->subject = rl_dupstr(subject ? subject : "");
	git_buf_dispose(&buf);
	if (!v->commit || !v->date || !v->author || !v->subject) {
		version_release(v);
		return -1;
	}
	return 0;
}

/* The versions as sides, oldest first, and consecutive pairs. */
static int fill_list(rl_pairs *list, const walk *w)
{
	for (size_t k = w->n; k-- > 0;) {
		const found *f = &w->v[k];
		rl_version v;
		size_t idx = 0;
		if (describe(f->commit, &v) != 0)
			return -1;
		size_t n = strlen(v.commit) + strlen(f->path) + 2;
		char *name = malloc(n);
		int rc = RL_ENOMEM;
		if (name) {
			snprintf(name, n, "%s:%s", v.commit, f->path);
			rc = rl_pairs_add_blob(list, &idx, name, f->path, &f->blob, &v);
		}
		free(name);
		version_release(&v);
		if (rc != RL_OK || (idx > 0 && rl_pairs_add(list, idx - 1, idx, RL_CHANGE_MODIFIED,
		                                            false) != RL_OK))
			return -1;
	}
	return 0;
}

/* What the list says when the walk met a shallow clone's boundary. */
static int shallow_note(rl_pairs *list, const walk *w)
{
	char id[16] = "?", note[160];
	git_oid_tostr(id, 8, git_commit_id(w->v[w->n - 1].commit));
	snprintf(note, sizeof note,
	         "shallow clone: the history stops at commit %s (older commits were not fetched)", id);
	return rl_pairs_set_note(list, note);
}

/* Where the walk starts: REV:path, or PATH from the current directory at HEAD. */
static int start_point(rl_repo *repo, const char *arg, git_commit **commit, char **path,
                       char *err, size_t errlen)
{
	struct stat st;
	size_t colon;
	int rc;

	if (lstat(arg, &st) != 0 && rl_repo_is_revspec(arg, &colon) && colon > 0) {
		char *rev = malloc(colon + 1);
		if (!rev)
			return snprintf(err, errlen, "out of memory"), -1;
		memcpy(rev, arg, colon);
		rev[colon] = '\0';
		rc = rl_repo_commit(repo, commit, rev, err, errlen);
		free(rev);
		if (rc != 0)
			return -1;
		const char *p = arg + colon + 1;
		if (strncmp(p, "./", 2) == 0 || strncmp(p, "../", 3) == 0)
			rc = rl_repo_top_path(repo, p, path, err, errlen);
		else if (!(*path = rl_dupstr(p)))
			rc = (snprintf(err, errlen, "out of memory"), -1);
	} else {
		if (rl_repo_commit(repo, commit, "HEAD", err, errlen) != 0)
			return -1;
		rc = rl_repo_top_path(repo, arg, path, err, errlen);
	}
	if (rc != 0) {
		git_commit_free(*commit);
		*commit = NULL;
	}
	return rc;
}

int rl_history_list(rl_pairs **out, rl_repo *repo, const char *arg, char *err, size_t errlen)
{
	git_commit *start = NULL;
	char *path = NULL;
	walk w = {0};
	rl_pairs *list = NULL;
	git_oid blob;
	git_filemode_t mode;
	int rc = -1;

	if (start_point(repo, arg, &start, &path, err, errlen) != 0) {
		char msg[512];
		snprintf(msg, sizeof msg, "%s", err);
		snprintf(err, errlen, "--history: %s", msg);
		return -1;
	}
	int at = entry_at(start, path, &blob, &mode);
	if (at <= 0) {
		char id[64] = "?", why[512];
		git_object *tree = NULL;
		git_oid_tostr(id, 8, git_commit_id(start));
		if (at < 0 && rl_repo_peel_tree(&tree, (git_object *)start, id, why, sizeof why) != 0)
			snprintf(err, errlen, "--history: commit %s", why);
		else if (mode == GIT_FILEMODE_TREE)
			snprintf(err, errlen, "--history: '%s' is a directory, not a file", path);
		else if (mode == GIT_FILEMODE_COMMIT)
			snprintf(err, errlen, "--history: '%s' is a submodule, not a file", path);
		else
			snprintf(err, errlen, "--history: path '%s' does not exist in commit %s", path, id);
		git_object_free(tree);
		goto out;
	}
	if (read_shallow(rl_repo_git(repo), &w) != 0 ||
	    walk_back(rl_repo_git(repo), start, path, &blob, &w) != 0) {
		snprintf(err, errlen, "--history: %s", rl_repo_last_error("cannot walk the history"));
		goto out;
	}
	if (rl_pairs_new(&list, repo) != RL_OK || fill_list(list, &w) != 0 ||
	    (w.cut && shallow_note(list, &w) != RL_OK)) {
		snprintf(err, errlen, "--history: %s", rl_repo_last_error("out of memory"));
		rl_pairs_free(list);
		goto out;
	}
	*out = list;
	rc = 0;
out:
	walk_release(&w);
	git_commit_free(start);
	free(path);
	return rc;
}
