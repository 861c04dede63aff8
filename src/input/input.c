/* input.c: an operand of the command line read as a side: "-", a file, or REV:path. The one place
 * that knows all three, so that source.c (files, standard input) and repo.c (git objects) do not
 * know each other. */
#include "input.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* REV:path, through the repository around the current directory. */
static int read_revision(rl_source *src, const char *spec, size_t max_size, char *err,
                         size_t errlen)
{
	rl_repo *repo;
	char why[512];

	int rc = rl_repo_open(&repo, why, sizeof why);
	if (rc == RL_REPO_NONE) {
		snprintf(err, errlen, "%s: no such file, and %s to read it as REV:path", spec, why);
		return -1;
	}
	if (rc != 0) {
		snprintf(err, errlen, "%s: %s", spec, why);
		return -1;
	}
	rc = rl_repo_read_spec(repo, src, spec, max_size, err, errlen);
	rl_repo_free(repo);
	return rc;
}

int rl_source_read(rl_source *src, const char *spec, size_t max_size, char *err, size_t errlen)
{
	struct stat st;
	size_t colon;

	memset(src, 0, sizeof *src);
	if (strcmp(spec, "-") == 0)
		return rl_source_read_stdin(src, max_size, err, errlen);
	if (lstat(spec, &st) != 0 && (errno == ENOENT || errno == ENOTDIR) &&
	    rl_repo_is_revspec(spec, &colon))
		return read_revision(src, spec, max_size, err, errlen);
	return rl_source_read_file(src, spec, spec, max_size, err, errlen);
}
