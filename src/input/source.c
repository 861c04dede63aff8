/* source.c: reading files and standard input. */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bigmem.h"
#include "dupstr.h"

/* How much of a file decides whether it is binary, as GNU diff does. */
#define BINARY_PROBE 8192

/* Read all of fd into a growing buffer, refusing more than max bytes. */
static int read_all(int fd, size_t hint, size_t max, char **out, size_t *len, int *err_no)
{
	size_t cap = hint + 1 > 4096 ? hint + 1 : 4096, n = 0;
	/* Sized to the file, so written whole: advised for large pages from BIGMEM_FULL_MIN, the
	 * kernel then maps it 2 MiB at a time as read() fills it (reading the 10 MB pair faulted
	 * 5,100 pages of 4 KiB, a third of the first phase's faults: bench/phase). */
	char *buf = rl_big_alloc_full(cap + 1);

	if (!buf) {
		*err_no = ENOMEM;
		return -1;
	}
	for (;;) {
		if (n == cap) {
			size_t c = cap * 2;
			char *b = realloc(buf, c + 1);
			if (!b) {
				free(buf);
				*err_no = ENOMEM;
				return -1;
			}
			buf = b;
			cap = c;
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*err_no = errno;
			free(buf);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > max) {
			*err_no = EFBIG;
			free(buf);
			return -1;
		}
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

static void size_text(size_t bytes, char *buf, size_t len)
{
	if (bytes >= (1u << 30) && bytes % (1u << 30) == 0)
		snprintf(buf, len, "%zuG", bytes >> 30);
	else if (bytes >= (1u << 20) && bytes % (1u << 20) == 0)
		snprintf(buf, len, "%zuM", bytes >> 20);
	else if (bytes >= 1024 && bytes % 1024 == 0)
		snprintf(buf, len, "%zuK", bytes >> 10);
	else
		snprintf(buf, len, "%zu bytes", bytes);
}

static void fail_message(char *err, size_t errlen, const char *name, int err_no, size_t max_size)
{
	if (err_no == EFBIG) {
		char lim[32];
		size_text(max_size, lim, sizeof lim);
		snprintf(err, errlen, "%s: larger than the input limit of %s (see --max-size)", name,
		         lim);
	} else {
		snprintf(err, errlen, "%s: %s", name, strerror(err_no));
	}
}

/* Read an open descriptor (a file, or standard input) into src. */
static int read_fd(rl_source *src, int fd, const char *name, size_t max_size, char *err,
                   size_t errlen)
{
	struct stat st;
	int err_no = 0;

	if (fstat(fd, &st) != 0)
		err_no = errno;
	else if (S_ISDIR(st.st_mode))
		err_no = EISDIR;
	else if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max_size)
		err_no = EFBIG;
	else if (read_all(fd, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0, max_size, &src->data,
	                  &src->len, &err_no) == 0 && !(src->name = rl_dupstr(name))) {
		rl_source_release(src);
		err_no = ENOMEM;
	}
	if (err_no) {
		fail_message(err, errlen, name, err_no, max_size);
		return -1;
	}
	return 0;
}

int rl_source_read_file(rl_source *src, const char *path, const char *name, size_t max_size,
                        char *err, size_t errlen)
{
	memset(src, 0, sizeof *src);
	int fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		fail_message(err, errlen, name, errno, max_size);
		return -1;
	}
	int rc = read_fd(src, fd, name, max_size, err, errlen);
	close(fd);
	return rc;
}

int rl_source_read_stdin(rl_source *src, size_t max_size, char *err, size_t errlen)
{
	memset(src, 0, sizeof *src);
	return read_fd(src, STDIN_FILENO, "-", max_size, err, errlen);
}

int rl_source_from_bytes(rl_source *src, const char *data, size_t len, const char *name,
                         size_t max_size, char *err, size_t errlen)
{
	memset(src, 0, sizeof *src);
	if (len > max_size) {
		fail_message(err, errlen, name, EFBIG, max_size);
		return -1;
	}
	src->data = malloc(len + 1);
	src->name = rl_dupstr(name);
	if (!src->data || !src->name) {
		rl_source_release(src);
		fail_message(err, errlen, name, ENOMEM, max_size);
		return -1;
	}
	if (len)
		memcpy(src->data, data, len);
	src->data[len] = '\0';
	src->len = len;
	return 0;
}

int rl_source_rename(rl_source *src, const char *name)
{
	char *n = rl_dupstr(name);
	if (!n)
		return -1;
	free(src->name);
	src->name = n;
	return 0;
}

void rl_source_release(rl_source *src)
{
	free(src->doc.dropped);
	free(src->doc.furniture);
	rl_doc_styles_release(&src->doc.styles);
	free(src->data);
	free(src->name);
	memset(src, 0, sizeof *src);
}

int rl_source_copy(rl_source *dst, const rl_source *src)
{
	memset(dst, 0, sizeof *dst);
	dst->data = malloc(src->len + 1);
	dst->name = rl_dupstr(src->name);
	if (!dst->data || !dst->name) {
		rl_source_release(dst);
		return -1;
	}
	memcpy(dst->data, src->data, src->len + 1);
	dst->len = src->len;
	dst->doc = src->doc;
	dst->doc.dropped = dst->doc.furniture = NULL;
	if (src->doc.ndropped) {
		size_t bytes = 2 * src->doc.ndropped * sizeof *src->doc.dropped;
		dst->doc.dropped = malloc(bytes);
		dst->doc.furniture = src->doc.furniture ? malloc(bytes) : NULL;
		if (!dst->doc.dropped || (src->doc.furniture && !dst->doc.furniture)) {
			dst->doc.ndropped = 0;
			rl_source_release(dst);
			return -1;
		}
		memcpy(dst->doc.dropped, src->doc.dropped, bytes);
		if (src->doc.furniture)
			memcpy(dst->doc.furniture, src->doc.furniture, bytes);
	}
	if (rl_doc_styles_copy(&dst->doc.styles, &src->doc.styles) != 0) {
		rl_source_release(dst);
		return -1;
	}
	return 0;
}

static void *dup_bytes(const void *p, size_t n)
{
	void *d = n ? malloc(n) : NULL;
	if (d)
		memcpy(d, p, n);
	return d;
}

int rl_doc_styles_copy(rl_doc_styles *dst, const rl_doc_styles *src)
{
	memset(dst, 0, sizeof *dst);
	if (!src->n)
		return 0;
	dst->v = dup_bytes(src->v, src->n * sizeof *src->v);
	dst->name = dup_bytes(src->name, src->n * sizeof *src->name);
	dst->names = dup_bytes(src->names, src->names_len);
	if (!dst->v || !dst->name || !dst->names) {
		rl_doc_styles_release(dst);
		return -1;
	}
	dst->n = src->n;
	dst->names_len = src->names_len;
	return 0;
}

void rl_source_pair_styles(const rl_source *old, const rl_source *new_, rl_styles out[2])
{
	bool both = old->doc.styled && new_->doc.styled;
	out[0] = both ? (rl_styles){old->doc.styles.v, old->doc.styles.n} : (rl_styles){NULL, 0};
	out[1] = both ? (rl_styles){new_->doc.styles.v, new_->doc.styles.n} : (rl_styles){NULL, 0};
}

int rl_source_diff(rl_alignment **out, const rl_source *old, const rl_source *new_,
                   const rl_diff_opts *opts)
{
	rl_styles styles[2];
	rl_source_pair_styles(old, new_, styles);
	return rl_diff_styled(out, old->data, old->len, new_->data, new_->len, opts, styles);
}

const char *rl_source_style_at(const rl_source *src, size_t off)
{
	const rl_doc_styles *st = &src->doc.styles;
	size_t lo = 0, hi = st->n;
	while (lo < hi) {  /* the first span ending after off */
		size_t mid = lo + (hi - lo) / 2;
		if (st->v[mid].end <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < st->n && st->v[lo].start <= off && st->name[lo] < st->names_len)
		return st->names + st->name[lo];
	return "";
}

char *rl_source_title(const rl_source *src)
{
	size_t k = src->doc.dropped_lines, n = strlen(src->name) + 64;
	char *t = malloc(n);
	if (!t)
		return NULL;
	if (k)
		snprintf(t, n, "%s (%zu line%s of furniture dropped)", src->name, k, k == 1 ? "" : "s");
	else
		snprintf(t, n, "%s", src->name);
	return t;
}

bool rl_source_is_binary(const rl_source *src)
{
	size_t n = src->len < BINARY_PROBE ? src->len : BINARY_PROBE;
	return memchr(src->data, '\0', n) != NULL;
}
