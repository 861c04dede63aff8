/* phase.c: redline's first phase alone, to set beside `wc -w` (make bench, issue 13).
 *
 *   phase OLD NEW   ->  "<tokens of OLD> <tokens of NEW> <distinct keys>" on stdout
 *
 * Reads both files, tokenizes them as a comparison does (OLD, then NEW against OLD, so that the
 * paragraphs NEW has byte for byte are copied rather than scanned: skip.h) and interns both
 * through one table with the default comparison keys (typography folded), then stops. The
 * benchmark runs it under bench/measure and sets its CPU time beside `wc -w OLD NEW`: reading
 * and counting words is the floor no word diff can go under, and the target is this
 * phase within twice that floor. No word breaker is loaded (the Thai dictionary is the program's,
 * not the library's): the generated pairs it is run on are English. Exit status: 0, or 2 with a
 * one-line message. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bigmem.h"
#include "intern.h"
#include "token.h"

/* The whole of path in a new buffer (*len bytes, NUL after them), or NULL with errno set. Sized
 * to the file at once and advised for large pages as redline's reader does (src/input/source.c,
 * read_all). */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct stat st;
	size_t cap = 1 << 16, n = 0;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size + 1 > cap)
		cap = (size_t)st.st_size + 1;
	char *buf = rl_big_alloc_full(cap + 1);
	while (buf) {
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap)
			break;
		char *more = realloc(buf, cap * 2 + 1);
		if (!more) {
			free(buf);
			buf = NULL;
			errno = ENOMEM;
			break;
		}
		buf = more;
		cap *= 2;
	}
	if (buf && ferror(f)) {
		free(buf);
		buf = NULL;
		errno = EIO;
	}
	fclose(f);
	if (buf) {
		buf[n] = '\0';
		*len = n;
	}
	return buf;
}

/* Tokenize and intern both texts; the counts go to *counts (tokens of OLD, of NEW, keys). */
static int tokenize_intern(const char *text[2], const size_t len[2], size_t counts[3])
{
	rl_tokens *toks[2] = {NULL, NULL};
	rl_interner *in = NULL;
	uint32_t *ids[2] = {NULL, NULL};
	rl_keyopts keys = RL_KEYOPTS_INIT;
	int rc = rl_tokenize_wb(&toks[0], text[0], len[0], NULL);
	if (rc == RL_OK)
		rc = rl_tokenize_like(&toks[1], text[1], len[1], NULL, toks[0]);
	if (rc == RL_OK)
		rc = rl_interner_new(&in, &keys);
	if (rc == RL_OK)
		rc = rl_intern(in, toks[0], &ids[0]);
	if (rc == RL_OK)
		rc = rl_intern_from(in, toks[1], toks[0], ids[0], &ids[1]);
	if (rc == RL_OK) {
		counts[0] = rl_tokens_count(toks[0]);
		counts[1] = rl_tokens_count(toks[1]);
		counts[2] = rl_interner_count(in);
	}
	free(ids[1]);
	free(ids[0]);
	rl_interner_free(in);
	rl_tokens_free(toks[1]);
	rl_tokens_free(toks[0]);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: phase OLD NEW\n", stderr);
		return 2;
	}
	const char *text[2];
	size_t len[2] = {0, 0};
	char *buf[2] = {NULL, NULL};
	for (int s = 0; s < 2; s++) {
		if (!(buf[s] = slurp(argv[1 + s], &len[s]))) {
			fprintf(stderr, "phase: %s: %s\n", argv[1 + s], strerror(errno));
			free(buf[0]);
			return 2;
		}
		text[s] = buf[s];
	}
	size_t counts[3] = {0, 0, 0};
	int rc = tokenize_intern(text, len, counts);
	free(buf[1]);
	free(buf[0]);
	if (rc != RL_OK) {
		fprintf(stderr, "phase: %s\n", rc == RL_ENOMEM ? "out of memory" : "input too large");
		return 2;
	}
	printf("%zu %zu %zu\n", counts[0], counts[1], counts[2]);
	return 0;
}
