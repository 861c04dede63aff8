/* dirs.c: two directories, walked and paired. */
#include "dirs.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "changes.h"
#include "status.h"

/* Directories nested deeper than this are not entered: a bound, not a feature. */
#define MAX_DEPTH 64

typedef struct names {
	char **v;
	size_t n, cap;
} names;

static void names_release(names *ns)
{
	for (size_t i = 0; i < ns->n; i++)
		free(ns->v[i]);
	free(ns->v);
}

static char *join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	while (la > 1 && a[la - 1] == '/')
		la--;
	char *s = malloc(la + lb + 2);
	if (!s)
		return NULL;
	memcpy(s, a, la);
	size_t k = la;
	if (la > 0 && lb > 0 && a[la - 1] != '/')
		s[k++] = '/';
	memcpy(s + k, b, lb + 1);
	return s;
}

static int names_add(names *ns, char *name)
{
	if (ns->n == ns->cap) {
		size_t c = ns->cap ? ns->cap * 2 : 64;
		char **p = realloc(ns->v, c * sizeof *p);
		if (!p)
			return -1;
		ns->v = p;
		ns->cap = c;
	}
	ns->v[ns->n++] = name;
	return 0;
}

bool rl_dirs_both(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && S_ISDIR(sa.st_mode) && stat(b, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* Collect the regular files below root/rel into ns, as paths relative to root. */
static int collect(const char *root, const char *rel, int depth, names *ns, char *err,
                   size_t errlen)
{
	char *dir = *rel ? join(root, rel) : join(root, "");
	DIR *d = dir ? opendir(dir) : NULL;
	struct dirent *de;
	int rc = 0;

	if (!d) {
		snprintf(err, errlen, "%s: %s", dir ? dir : root, strerror(dir ? errno : ENOMEM));
		free(dir);
		return -1;
	}
	while (rc == 0 && (errno = 0, de = readdir(d))) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		char *sub = *rel ? join(rel, de->d_name) : join("", de->d_name);
		char *full = sub ? join(root, sub) : NULL;
		struct stat lst, st;
		if (!sub || !full) {
			snprintf(err, errlen, "out of memory");
			rc = -1;
		} else if (lstat(full, &lst) != 0) {
			snprintf(err, errlen, "%s: %s", full, strerror(errno));
			rc = -1;
		} else if (S_ISDIR(lst.st_mode) && depth < MAX_DEPTH) {
			rc = collect(root, sub, depth + 1, ns, err, errlen);
		} else if ((S_ISREG(lst.st_mode) || (S_ISLNK(lst.st_mode) && stat(full, &st) == 0 &&
		                                     S_ISREG(st.st_mode)))) {
			if (names_add(ns, sub) == 0)
				sub = NULL;
			else
				rc = (snprintf(err, errlen, "out of memory"), -1);
		}
		free(sub);
		free(full);
	}
	if (rc == 0 && errno != 0) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		rc = -1;
	}
	closedir(d);
	free(dir);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Do the two files hold the same bytes? Unreadable files count as different: showing them
 * reports the error. */
static bool same_bytes(const char *a, const char *b, size_t max_size)
{
	rl_source sa, sb;
	char err[256];
	bool same = false;

	if (rl_source_read_file(&sa, a, a, max_size, err, sizeof err) != 0)
		return false;
	if (rl_source_read_file(&sb, b, b, max_size, err, sizeof err) == 0) {
		same = sa.len == sb.len && memcmp(sa.data, sb.data, sa.len) == 0;
		rl_source_release(&sb);
	}
	rl_source_release(&sa);
	return same;
}

/* One side of a pair: the file rel under dirs[s], or absent. */
static int add_side(rl_pairs *list, size_t *idx, const char *const dirs[2],
                    const char *const labels[2], int s, const char *rel)
{
	if (!rel)
		return rl_pairs_add_absent(list, idx);
	char *file = join(dirs[s], rel);
	char *name = labels[s] ? join(labels[s], rel) : join(dirs[s], rel);
	int rc = file && name ? rl_pairs_add_file(list, idx, name, rel, file) : RL_ENOMEM;
	free(file);
	free(name);
	return rc;
}

static int add_pair(rl_pairs *list, const char *const dirs[2], const char *const labels[2],
                    const char *left, const char *right, bool renamed, size_t max_size)
{
	size_t a, b;

	if (left && right && !renamed) {
		char *fa = join(dirs[0], left), *fb = join(dirs[1], right);
		bool same = fa && fb && same_bytes(fa, fb, max_size);
		free(fa);
		free(fb);
		if (!fa || !fb)
			return RL_ENOMEM;
		if (same)
			return RL_OK;
	}
	int rc = add_side(list, &a, dirs, labels, 0, left);
	if (rc == RL_OK)
		rc = add_side(list, &b, dirs, labels, 1, right);
	if (rc == RL_OK)
		rc = rl_pairs_add(list, a, b,
		                  renamed ? RL_CHANGE_RENAMED
		                  : !left ? RL_CHANGE_ADDED
		                  : !right ? RL_CHANGE_DELETED
		                           : RL_CHANGE_MODIFIED,
		                  false);
	return rc;
}

/* A line of the list before it is made: a path on both sides, or on one side only. */
typedef struct entry {
	const char *left, *right;  /* NULL: absent on that side */
	bool renamed;              /* left and right are different paths */
	bool gone;                 /* a deleted file that became the old side of a rename */
} entry;

/* A file on one side only, read for rename detection. */
typedef struct candidate {
	size_t entry;
	rl_source src;
	rl_textsig *sig;
	bool read, taken;
} candidate;

static void candidates_release(candidate *c, size_t n)
{
	for (size_t i = 0; c && i < n; i++) {
		if (c[i].read)
			rl_source_release(&c[i].src);
		rl_textsig_free(c[i].sig);
	}
	free(c);
}

/* Read candidate c (a file of dirs[s]) and make its signature. Returns RL_OK (an unreadable
 * file is left out: showing it reports the error), RL_EINVAL (no libgit2) or RL_ENOMEM. */
static int candidate_read(candidate *c, const char *dir, const char *rel, size_t max_size)
{
	char err[256];
	char *file = join(dir, rel);
	if (!file)
		return RL_ENOMEM;
	c->read = rl_source_read_file(&c->src, file, file, max_size, err, sizeof err) == 0;
	free(file);
	return c->read ? rl_textsig_new(&c->sig, c->src.data, c->src.len) : RL_OK;
}

/* Pair each added file with the most similar deleted one, when they are alike enough by the
 * measure and threshold of --git (changes.h), as git diff's rename detection does. Skipped
 * beyond RL_RENAME_LIMIT deleted files times added ones, and without libgit2. */
#define RL_RENAME_LIMIT (200 * 200)
static int find_renames(entry *e, size_t n, const char *const dirs[2], size_t max_size)
{
	size_t nd = 0, na = 0;
	for (size_t i = 0; i < n; i++) {
		nd += e[i].left && !e[i].right;
		na += e[i].right && !e[i].left;
	}
	if (!nd || !na || nd * na > RL_RENAME_LIMIT)
		return RL_OK;
	candidate *del = calloc(nd, sizeof *del), *add = calloc(na, sizeof *add);
	int rc = del && add ? RL_OK : RL_ENOMEM;
	nd = na = 0;
	for (size_t i = 0; i < n && rc == RL_OK; i++) {
		if (e[i].left && !e[i].right) {
			del[nd].entry = i;
			rc = candidate_read(&del[nd++], dirs[0], e[i].left, max_size);
		} else if (e[i].right && !e[i].left) {
			add[na].entry = i;
			rc = candidate_read(&add[na++], dirs[1], e[i].right, max_size);
		}
	}
	for (size_t j = 0; j < na && rc == RL_OK; j++) {
		int best = RL_RENAME_THRESHOLD - 1;
		size_t pick = nd;
		for (size_t i = 0; i < nd && add[j].read; i++) {
			if (del[i].taken || !del[i].read)
				continue;
			int score = rl_similarity(del[i].sig, del[i].src.data, del[i].src.len, add[j].sig,
			                          add[j].src.data, add[j].src.len);
			if (score > best) {
				best = score;
				pick = i;
			}
		}
		if (pick < nd) {
			del[pick].taken = true;
			e[add[j].entry].left = e[del[pick].entry].left;
			e[add[j].entry].renamed = true;
			e[del[pick].entry].gone = true;
		}
	}
	candidates_release(del, nd);
	candidates_release(add, na);
	return rc == RL_EINVAL ? RL_OK : rc;  /* without libgit2: no renames, as before */
}

/* Walk both sorted lists together, then find the renames among the files on one side only. */
static int merge(rl_pairs *list, const names ns[2], const char *const dirs[2],
                 const char *const labels[2], size_t max_size)
{
	size_t i = 0, j = 0, n = 0;
	entry *e = calloc(ns[0].n + ns[1].n + 1, sizeof *e);
	int rc = e ? RL_OK : RL_ENOMEM;

	while (rc == RL_OK && (i < ns[0].n || j < ns[1].n)) {
		int c = i == ns[0].n ? 1 : j == ns[1].n ? -1 : strcmp(ns[0].v[i], ns[1].v[j]);
		e[n++] = (entry){c <= 0 ? ns[0].v[i] : NULL, c >= 0 ? ns[1].v[j] : NULL, false, false};
		i += c <= 0;
		j += c >= 0;
	}
	if (rc == RL_OK)
		rc = find_renames(e, n, dirs, max_size);
	for (size_t k = 0; k < n && rc == RL_OK; k++) {
		if (!e[k].gone)
			rc = add_pair(list, dirs, labels, e[k].left, e[k].right, e[k].renamed, max_size);
	}
	free(e);
	return rc;
}

int rl_dirs_list(rl_pairs **out, const char *const dirs[2], const char *const labels[2],
                 size_t max_size, char *err, size_t errlen)
{
	names ns[2] = {{0}, {0}};
	rl_pairs *list = NULL;
	int rc = -1;

	for (int s = 0; s < 2; s++) {
		if (collect(dirs[s], "", 0, &ns[s], err, errlen) != 0)
			goto out;
		if (ns[s].n)
			qsort(ns[s].v, ns[s].n, sizeof *ns[s].v, by_name);
	}
	if (rl_pairs_new(&list, NULL) != RL_OK || merge(list, ns, dirs, labels, max_size) != RL_OK) {
		snprintf(err, errlen, "out of memory");
		rl_pairs_free(list);
		goto out;
	}
	*out = list;
	rc = 0;
out:
	names_release(&ns[0]);
	names_release(&ns[1]);
	return rc;
}
