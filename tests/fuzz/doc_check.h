/* doc_check.h: the reader contract of src/doc/formats.h, checked on one reader's result (the
 * document harnesses fuzz_zipdoc and fuzz_pdf share it). */
#ifndef REDLINE_FUZZ_DOC_CHECK_H
#define REDLINE_FUZZ_DOC_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc/formats.h"
#include "fuzz_input.h"

typedef int (*fuzz_reader)(const char *, size_t, size_t, char **, size_t *, char *, size_t);

/* Run the reader on data (an exact-size copy) under limit max and check: 0 with a NUL-terminated
 * text of out_len bytes within the limit, shaped as formats.h says (no blank line at its ends, no
 * two blank lines in a row, one line end at its end), or -1 with a one-line reason and *out
 * untouched. */
static inline void doc_check(fuzz_reader read, const char *name, const char *data, size_t size,
                             size_t max)
{
	char *out = (char *)1, err[256] = "";
	size_t len = 0;
	int rc = read(data, size, max, &out, &len, err, sizeof err);
	if (rc != 0) {
		FUZZ_CHECK(rc == -1, "%s returned %d", name, rc);
		FUZZ_CHECK(out == (char *)1, "%s: *out set on failure", name);
		FUZZ_CHECK(err[0] && !strchr(err, '\n'), "%s: reason \"%s\"", name, err);
		return;
	}
	FUZZ_CHECK(out && out[len] == '\0' && strlen(out) == len, "%s: text length", name);
	FUZZ_CHECK(len <= max, "%s: %zu bytes over the limit of %zu", name, len, max);
	if (len) {
		FUZZ_CHECK(out[len - 1] == '\n' && (len < 2 || out[len - 2] != '\n'),
		           "%s: the text must end with one line end", name);
		FUZZ_CHECK(out[0] != '\n' && out[0] != ' ', "%s: the text starts with white space", name);
		FUZZ_CHECK(!strstr(out, "\n\n\n"), "%s: two blank lines in a row", name);
		FUZZ_CHECK(!strstr(out, "  ") && !strstr(out, " \n") && !strstr(out, "\n "),
		           "%s: white space not collapsed", name);
	}
	free(out);
}

#endif
