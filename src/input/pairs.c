/* pairs.c: lists of sides and pairs, read on demand. */
#include "pairs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dupstr.h"
#include "status.h"

typedef enum side_kind { SIDE_ABSENT, SIDE_FILE, SIDE_LINK, SIDE_BLOB } side_kind;

typedef struct side {
	rl_side_info info;
	side_kind kind;
	char *file;   /* SIDE_FILE, SIDE_LINK: the file name to read */
	git_oid id;   /* SIDE_BLOB */
} side;

struct rl_pairs {
	rl_repo *repo;  /* borrowed */
	side *sides;
	size_t nsides, capsides;
	rl_pair_info *pairs;
	size_t npairs, cappairs;
	char *note;
};

/* Grow an array of `size`-byte elements to hold one more. */
static int grow(void **arr, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return RL_OK;
	size_t c = *cap ? *cap * 2 : 16;
	if (c > SIZE_MAX / size)
		return RL_ENOMEM;
	void *p = realloc(*arr, c * size);
	if (!p)
		return RL_ENOMEM;
	*arr = p;
	*cap = c;
	return RL_OK;
}

static char *dup_or_null(const char *s, bool *failed)
{
	if (!s)
		return NULL;
	char *d = rl_dupstr(s);
	if (!d)
		*failed = true;
	return d;
}

int rl_pairs_new(rl_pairs **out, rl_repo *repo)
{
	rl_pairs *list = calloc(1, sizeof *list);
	if (!list)
		return RL_ENOMEM;
	list->repo = repo;
	*out = list;
	return RL_OK;
}

static void side_release(side *s)
{
	free(s->info.name);
	free(s->info.path);
	free(s->info.version.commit);
	free(s->info.version.date);
	free(s->info.version.author);
	free(s->info.version.subject);
	free(s->file);
}

void rl_pairs_free(rl_pairs *list)
{
	if (!list)
		return;
	for (size_t i = 0; i < list->nsides; i++)
		side_release(&list->sides[i]);
	free(list->sides);
	free(list->pairs);
	free(list->note);
	free(list);
}

/* Append a side; on success *idx is its index. Strings are copied. */
static int add_side(rl_pairs *list, size_t *idx, side_kind kind, const char *name,
                    const char *path, const char *file, const git_oid *id,
                    const rl_version *version)
{
	if (grow((void **)&list->sides, &list->capsides, list->nsides, sizeof *list->sides) != RL_OK)
		return RL_ENOMEM;
	side s = {.kind = kind};
	bool failed = false;
	s.info.name = dup_or_null(name, &failed);
	s.info.path = dup_or_null(path, &failed);
	s.info.absent = kind == SIDE_ABSENT;
	s.file = dup_or_null(file, &failed);
	if (id)
		s.id = *id;  /* not git_oid_cpy: listing directories must not need libgit2 */
	if (version) {
		s.info.version.commit = dup_or_null(version->commit, &failed);
		s.info.version.date = dup_or_null(version->date, &failed);
		s.info.version.author = dup_or_null(version->author, &failed);
		s.info.version.subject = dup_or_null(version->subject, &failed);
	}
	if (failed) {
		side_release(&s);
		return RL_ENOMEM;
	}
	list->sides[list->nsides] = s;
	*idx = list->nsides++;
	return RL_OK;
}

int rl_pairs_add_absent(rl_pairs *list, size_t *idx)
{
	return add_side(list, idx, SIDE_ABSENT, "/dev/null", NULL, NULL, NULL, NULL);
}

int rl_pairs_add_file(rl_pairs *list, size_t *idx, const char *name, const char *path,
                      const char *file)
{
	return add_side(list, idx, SIDE_FILE, name, path, file, NULL, NULL);
}

int rl_pairs_add_link(rl_pairs *list, size_t *idx, const char *name, const char *path,
                      const char *file)
{
	return add_side(list, idx, SIDE_LINK, name, path, file, NULL, NULL);
}

int rl_pairs_add_blob(rl_pairs *list, size_t *idx, const char *name, const char *path,
                      const git_oid *id, const rl_version *version)
{
	return add_side(list, idx, SIDE_BLOB, name, path, NULL, id, version);
}

int rl_pairs_add(rl_pairs *list, size_t old_side, size_t new_side, rl_change change,
                 bool submodule)
{
	if (old_side >= list->nsides || new_side >= list->nsides)
		return RL_EINVAL;
	if (grow((void **)&list->pairs, &list->cappairs, list->npairs, sizeof *list->pairs) != RL_OK)
		return RL_ENOMEM;
	list->pairs[list->npairs++] = (rl_pair_info){
		.side = {old_side, new_side}, .change = change, .submodule = submodule};
	return RL_OK;
}

int rl_pairs_set_note(rl_pairs *list, const char *note)
{
	size_t n = strlen(note) + 1;
	char *copy = malloc(n);
	if (!copy)
		return RL_ENOMEM;
	memcpy(copy, note, n);
	free(list->note);
	list->note = copy;
	return RL_OK;
}

const char *rl_pairs_note(const rl_pairs *list)
{
	return list->note;
}

size_t rl_pairs_count(const rl_pairs *list)
{
	return list->npairs;
}

const rl_pair_info *rl_pairs_pair(const rl_pairs *list, size_t i)
{
	return i < list->npairs ? &list->pairs[i] : NULL;
}

size_t rl_pairs_sides(const rl_pairs *list)
{
	return list->nsides;
}

const rl_side_info *rl_pairs_side(const rl_pairs *list, size_t i)
{
	return i < list->nsides ? &list->sides[i].info : NULL;
}

/* A symbolic link of a working tree reads as its target, as git stores and diffs it. */
static int read_link(rl_source *src, const side *s, size_t max_size, char *err, size_t errlen)
{
	struct stat st;
	char *buf;
	size_t cap;
	ssize_t n;

	if (lstat(s->file, &st) != 0) {
		snprintf(err, errlen, "%s: %s", s->info.name, strerror(errno));
		return -1;
	}
	cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096;
	buf = malloc(cap);
	if (!buf) {
		snprintf(err, errlen, "%s: %s", s->info.name, strerror(ENOMEM));
		return -1;
	}
	n = readlink(s->file, buf, cap);
	if (n < 0) {
		snprintf(err, errlen, "%s: %s", s->info.name, strerror(errno));
		free(buf);
		return -1;
	}
	int rc = rl_source_from_bytes(src, buf, (size_t)n, s->info.name, max_size, err, errlen);
	free(buf);
	return rc;
}

int rl_pairs_size(const rl_pairs *list, size_t i, unsigned long long *size)
{
	struct stat st;
	size_t sz;
	if (i >= list->nsides)
		return -1;
	const side *s = &list->sides[i];
	switch (s->kind) {
	case SIDE_FILE:
		if (stat(s->file, &st) != 0)
			return -1;
		*size = S_ISREG(st.st_mode) ? (unsigned long long)st.st_size : 0;
		return 0;
	case SIDE_LINK:
		if (lstat(s->file, &st) != 0)
			return -1;
		*size = (unsigned long long)st.st_size;
		return 0;
	case SIDE_BLOB:
		if (!list->repo || rl_repo_blob_size(list->repo, &s->id, &sz) != 0)
			return -1;
		*size = sz;
		return 0;
	default:
		*size = 0;
		return 0;
	}
}

int rl_pairs_read(const rl_pairs *list, size_t i, rl_source *src, size_t max_size, char *err,
                  size_t errlen)
{
	if (i >= list->nsides) {
		snprintf(err, errlen, "no side %zu in the list", i);
		return -1;
	}
	const side *s = &list->sides[i];
	switch (s->kind) {
	case SIDE_FILE:
		return rl_source_read_file(src, s->file, s->info.name, max_size, err, errlen);
	case SIDE_LINK:
		return read_link(src, s, max_size, err, errlen);
	case SIDE_BLOB:
		if (!list->repo) {
			snprintf(err, errlen, "%s: no repository to read it from", s->info.name);
			return -1;
		}
		return rl_repo_read_blob(list->repo, src, &s->id, s->info.name, max_size, err, errlen);
	default:
		return rl_source_from_bytes(src, NULL, 0, s->info.name, max_size, err, errlen);
	}
}
