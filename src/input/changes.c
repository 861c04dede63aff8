/* changes.c: the files that differ between two states of a repository (redline --git). */
#include "changes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "dupstr.h"
#include "gitlib.h"
#include "status.h"

/* Where a side of the comparison comes from. */
typedef enum state_kind { STATE_TREE, STATE_INDEX, STATE_WORKDIR } state_kind;

typedef struct state {
	state_kind kind;
	git_tree *tree;  /* STATE_TREE: NULL for the empty tree of an unborn HEAD */
	char *label;     /* STATE_TREE: the revision as the user wrote it, or an abbreviated id */
} state;

/* What the command line asked for, once its operands are sorted out. */
typedef struct request {
	state side[2];
	char **pathspec;  /* from the top of the working tree */
	size_t npathspec;
} request;

static void request_release(request *rq)
{
	for (int s = 0; s < 2; s++) {
		git_tree_free(rq->side[s].tree);
		free(rq->side[s].label);
	}
	for (size_t i = 0; i < rq->npathspec; i++)
		free(rq->pathspec[i]);
	free(rq->pathspec);
}

/* A tree state from a commit-ish object, labelled `label` (n bytes). */
static int tree_state(state *st, git_object *obj, const char *label, size_t n, char *err,
                      size_t errlen)
{
	git_object *tree = NULL;
	char rev[256], why[512];

	snprintf(rev, sizeof rev, "%.*s", (int)n, label);
	if (rl_repo_peel_tree(&tree, obj, rev, why, sizeof why) != 0) {
		snprintf(err, errlen, "--git: %s", why);
		return -1;
	}
	st->kind = STATE_TREE;
	st->tree = (git_tree *)tree;
	st->label = rl_dupstr_n(label, n);
	if (!st->label) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	return 0;
}

/* The merge base of two commits as a tree state named by its abbreviated id. */
static int merge_base_state(rl_repo *repo, state *st, const git_object *a, const git_object *b,
                            char *err, size_t errlen)
{
	git_repository *git = rl_repo_git(repo);
	git_object *base = NULL;
	git_buf id = GIT_BUF_INIT;
	git_oid oid;
	int rc = -1;

	if (git_merge_base(&oid, git, git_object_id(a), git_object_id(b)) != 0) {
		snprintf(err, errlen, "--git: the two revisions have no merge base");
		return -1;
	}
	if (git_object_lookup(&base, git, &oid, GIT_OBJECT_COMMIT) == 0 &&
	    git_object_short_id(&id, base) == 0)
		rc = tree_state(st, base, id.ptr, strlen(id.ptr), err, errlen);
	else
		snprintf(err, errlen, "--git: %s", rl_repo_last_error("cannot read the merge base"));
	git_buf_dispose(&id);
	git_object_free(base);
	return rc;
}

/* One end of a range: the text up to `end` (NULL: to its end); an empty end is HEAD, as in git. */
static int end_state(state *st, git_object *obj, const char *text, const char *end, char *err,
                     size_t errlen)
{
	size_t n = end ? (size_t)(end - text) : strlen(text);
	return n ? tree_state(st, obj, text, n, err, errlen)
	         : tree_state(st, obj, "HEAD", 4, err, errlen);
}

/* Try `arg` as one revision or a range (A..B, A...B). Returns 1 when it is one (and fills the
 * states from *n on), 0 when it is not a revision, -1 on failure. */
static int parse_revision(rl_repo *repo, request *rq, size_t *n, const char *arg, char *err,
                          size_t errlen)
{
	git_revspec spec;
	const char *dots = strstr(arg, "..");
	int rc;

	if (git_revparse(&spec, rl_repo_git(repo), arg) != 0)
		return 0;
	if (spec.flags & GIT_REVSPEC_SINGLE) {
		rc = *n < 2 ? tree_state(&rq->side[*n], spec.from, arg, strlen(arg), err, errlen) : -2;
		*n += rc == 0;
	} else if (*n > 0) {
		rc = -2;
	} else if (spec.flags & GIT_REVSPEC_MERGE_BASE) {
		rc = merge_base_state(repo, &rq->side[0], spec.from, spec.to, err, errlen);
		if (rc == 0)
			rc = end_state(&rq->side[1], spec.to, dots + 3, NULL, err, errlen);
		*n = 2;
	} else {
		rc = end_state(&rq->side[0], spec.from, arg, dots, err, errlen);
		if (rc == 0)
			rc = end_state(&rq->side[1], spec.to, dots + 2, NULL, err, errlen);
		*n = 2;
	}
	if (rc == -2)
		snprintf(err, errlen, "--git: too many revisions at '%s' (at most two)", arg);
	git_object_free(spec.from);
	git_object_free(spec.to);
	return rc == 0 ? 1 : -1;
}

/* Does a path exist in the working tree (a bare repository has none)? */
static bool exists(const rl_repo *repo, const char *path)
{
	struct stat st;
	return !rl_repo_is_bare(repo) && lstat(path, &st) == 0;
}

static int add_pathspec(rl_repo *repo, request *rq, const char *arg, char *err, size_t errlen)
{
	char *top, **p;

	if (rl_repo_top_path(repo, arg, &top, err, errlen) != 0)
		return -1;
	if (!*top) {  /* the whole working tree: no restriction */
		free(top);
		return 0;
	}
	p = realloc(rq->pathspec, (rq->npathspec + 1) * sizeof *p);
	if (!p) {
		free(top);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	rq->pathspec = p;
	p[rq->npathspec++] = top;
	return 0;
}

/* Sort the operands into revisions and paths the way git diff does: revisions first; without
 * "--", the first operand that is not a revision starts the paths, which must exist. */
static int sort_operands(rl_repo *repo, request *rq, size_t *nrevs, const rl_changes_opts *o,
                         char *err, size_t errlen)
{
	size_t i = 0;

	for (; i < o->nargs; i++) {
		const char *arg = o->args[i];
		int rc = parse_revision(repo, rq, nrevs, arg, err, errlen);
		if (rc < 0)
			return -1;
		if (rc == 0)
			break;
		if (!o->dashdash && exists(repo, arg)) {
			snprintf(err, errlen, "--git: '%s' is both a revision and a file (put -- before "
			         "the paths)", arg);
			return -1;
		}
	}
	for (; i < o->nargs; i++) {
		if (o->dashdash) {
			snprintf(err, errlen, "--git: unknown revision '%s'", o->args[i]);
			return -1;
		}
		if (!exists(repo, o->args[i])) {
			snprintf(err, errlen, "--git: '%s': unknown revision or path not in the working tree "
			         "(put -- before paths that no longer exist)", o->args[i]);
			return -1;
		}
		if (add_pathspec(repo, rq, o->args[i], err, errlen) != 0)
			return -1;
	}
	for (size_t k = 0; k < o->npaths; k++)
		if (add_pathspec(repo, rq, o->paths[k], err, errlen) != 0)
			return -1;
	return 0;
}

/* HEAD as a tree state; an unborn HEAD is the empty tree. */
static int head_state(rl_repo *repo, state *st, char *err, size_t errlen)
{
	git_object *head = NULL;

	if (git_repository_head_unborn(rl_repo_git(repo)) == 1) {
		st->kind = STATE_TREE;
		st->tree = NULL;
		st->label = rl_dupstr_n("HEAD", 4);
		return st->label ? 0 : (snprintf(err, errlen, "out of memory"), -1);
	}
	if (git_revparse_single(&head, rl_repo_git(repo), "HEAD") != 0) {
		snprintf(err, errlen, "--git: %s", rl_repo_last_error("cannot read HEAD"));
		return -1;
	}
	int rc = tree_state(st, head, "HEAD", 4, err, errlen);
	git_object_free(head);
	return rc;
}

/* Fill in the states the revisions left open, as git diff does. */
static int complete_states(rl_repo *repo, request *rq, size_t nrevs, bool cached, char *err,
                           size_t errlen)
{
	if (cached) {
		if (nrevs > 1) {
			snprintf(err, errlen, "--cached compares the index with one revision, not two");
			return -1;
		}
		if (rl_repo_need_worktree(repo, "--git --cached", "a bare repository has no index", err,
		                          errlen) != 0)
			return -1;
		if (nrevs == 0 && head_state(repo, &rq->side[0], err, errlen) != 0)
			return -1;
		rq->side[1].kind = STATE_INDEX;
		return 0;
	}
	if (nrevs == 2)
		return 0;
	if (rl_repo_need_worktree(repo, "--git", "name two revisions to compare", err, errlen) != 0)
		return -1;
	if (nrevs == 0)
		rq->side[0].kind = STATE_INDEX;
	rq->side[1].kind = STATE_WORKDIR;
	return 0;
}

static int make_diff(rl_repo *repo, git_diff **diff, const request *rq, char *err, size_t errlen)
{
	git_repository *git = rl_repo_git(repo);
	git_diff_options opts;
	git_diff_find_options find;
	int rc;

	/* The _init functions, not the _INIT macros, which leave fields out (-Wextra). */
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);

	opts.pathspec.strings = rq->pathspec;
	opts.pathspec.count = rq->npathspec;
	if (rq->side[1].kind == STATE_INDEX)
		rc = git_diff_tree_to_index(diff, git, rq->side[0].tree, NULL, &opts);
	else if (rq->side[1].kind == STATE_TREE)
		rc = git_diff_tree_to_tree(diff, git, rq->side[0].tree, rq->side[1].tree, &opts);
	else if (rq->side[0].kind == STATE_INDEX)
		rc = git_diff_index_to_workdir(diff, git, NULL, &opts);
	else
		rc = git_diff_tree_to_workdir_with_index(diff, git, rq->side[0].tree, &opts);
	find.flags = GIT_DIFF_FIND_RENAMES;
	if (rc == 0 && (rc = git_diff_find_similar(*diff, &find)) != 0) {
		git_diff_free(*diff);
		*diff = NULL;
	}
	if (rc != 0)
		snprintf(err, errlen, "--git: %s", rl_repo_last_error("cannot compare"));
	return rc ? -1 : 0;
}

/* One side of a delta in the list, named as a redline operand. */
static int add_side(rl_pairs *list, rl_repo *repo, size_t *idx, const state *st,
                    const git_diff_file *f, bool absent)
{
	char *name = NULL, *file = NULL;
	int rc = RL_ENOMEM;

	if (absent)
		return rl_pairs_add_absent(list, idx);
	switch (st->kind) {
	case STATE_TREE:
	case STATE_INDEX: {
		const char *label = st->kind == STATE_TREE ? st->label : "";
		size_t n = strlen(label) + strlen(f->path) + 2;
		if ((name = malloc(n))) {
			snprintf(name, n, "%s:%s", label, f->path);
			rc = rl_pairs_add_blob(list, idx, name, f->path, &f->id, NULL);
		}
		break;
	}
	default:
		name = rl_repo_cwd_path(repo, f->path);
		file = rl_repo_work_file(repo, f->path);
		if (name && file)
			rc = f->mode == GIT_FILEMODE_LINK ? rl_pairs_add_link(list, idx, name, f->path, file)
			                                  : rl_pairs_add_file(list, idx, name, f->path, file);
		break;
	}
	free(name);
	free(file);
	return rc;
}

static rl_change change_of(git_delta_t status)
{
	switch (status) {
	case GIT_DELTA_ADDED: return RL_CHANGE_ADDED;
	case GIT_DELTA_DELETED: return RL_CHANGE_DELETED;
	case GIT_DELTA_RENAMED: return RL_CHANGE_RENAMED;
	case GIT_DELTA_COPIED: return RL_CHANGE_COPIED;
	case GIT_DELTA_TYPECHANGE: return RL_CHANGE_TYPE;
	case GIT_DELTA_CONFLICTED: return RL_CHANGE_UNMERGED;
	default: return RL_CHANGE_MODIFIED;
	}
}

static int add_delta(rl_pairs *list, rl_repo *repo, const request *rq, const git_diff_delta *d)
{
	size_t old_side, new_side;
	rl_change change = change_of(d->status);
	bool submodule = d->old_file.mode == GIT_FILEMODE_COMMIT ||
	                 d->new_file.mode == GIT_FILEMODE_COMMIT;
	int rc;

	/* An unmerged path has no one old version: only its name is listed. */
	rc = add_side(list, repo, &old_side, &rq->side[0], &d->old_file,
	              change == RL_CHANGE_ADDED || change == RL_CHANGE_UNMERGED);
	if (rc == RL_OK)
		rc = add_side(list, repo, &new_side, &rq->side[1], &d->new_file,
		              change == RL_CHANGE_DELETED);
	if (rc == RL_OK)
		rc = rl_pairs_add(list, old_side, new_side, change, submodule);
	return rc;
}

static int fill_list(rl_pairs *list, rl_repo *repo, const request *rq, git_diff *diff)
{
	size_t n = git_diff_num_deltas(diff);

	for (size_t i = 0; i < n; i++) {
		const git_diff_delta *d = git_diff_get_delta(diff, i);
		switch (d->status) {
		case GIT_DELTA_ADDED:
		case GIT_DELTA_DELETED:
		case GIT_DELTA_MODIFIED:
		case GIT_DELTA_RENAMED:
		case GIT_DELTA_COPIED:
		case GIT_DELTA_TYPECHANGE:
		case GIT_DELTA_CONFLICTED:
			if (add_delta(list, repo, rq, d) != RL_OK)
				return -1;
			break;
		default:
			break;
		}
	}
	return 0;
}

int rl_changes_list(rl_pairs **out, rl_repo *repo, const rl_changes_opts *opts, char *err,
                    size_t errlen)
{
	request rq = {0};
	git_diff *diff = NULL;
	rl_pairs *list = NULL;
	size_t nrevs = 0;
	int rc = -1;

	if (sort_operands(repo, &rq, &nrevs, opts, err, errlen) != 0 ||
	    complete_states(repo, &rq, nrevs, opts->cached, err, errlen) != 0 ||
	    make_diff(repo, &diff, &rq, err, errlen) != 0)
		goto out;
	if (rl_pairs_new(&list, repo) != RL_OK || fill_list(list, repo, &rq, diff) != 0) {
		snprintf(err, errlen, "out of memory");
		rl_pairs_free(list);
		goto out;
	}
	*out = list;
	rc = 0;
out:
	git_diff_free(diff);
	request_release(&rq);
	return rc;
}

/* ------------------------------------------------------------------ similarity */

int rl_textsig_new(rl_textsig **out, const char *text, size_t len)
{
	char why[512];
	git_hashsig *sig = NULL;

	*out = NULL;
	if (rl_gitlib_load(why, sizeof why) != 0)
		return RL_EINVAL;
	/* libgit2 counts its initialisations: one per signature alive, ended when it is freed */
	git_libgit2_init();
	/* the options git_diff_find_similar uses by default */
	int rc = git_hashsig_create(&sig, text, len, GIT_HASHSIG_SMART_WHITESPACE);
	if (rc != 0) {
		git_libgit2_shutdown();
		/* too small: no signature, as libgit2 decides for its renames */
		return rc == GIT_EBUFS ? RL_OK : RL_ENOMEM;
	}
	*out = (rl_textsig *)sig;
	return RL_OK;
}

void rl_textsig_free(rl_textsig *sig)
{
	if (sig) {
		git_hashsig_free((git_hashsig *)sig);
		git_libgit2_shutdown();
	}
}

int rl_similarity(const rl_textsig *a, const char *ta, size_t la, const rl_textsig *b,
                  const char *tb, size_t lb)
{
	if (la == lb && memcmp(ta, tb, la) == 0)
		return 100;
	if (la > 127 && lb > 127 && (la > lb * 8 || lb > la * 8))
		return 0;
	if (!a || !b)
		return 0;
	int score = git_hashsig_compare((const git_hashsig *)a, (const git_hashsig *)b);
	return score < 0 ? 0 : score > 100 ? 100 : score;
}
