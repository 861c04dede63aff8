/* source.h: where the bytes of a side come from. A source is a path or "-" (standard input);
 * whatever it is, it ends as a byte buffer and a display name, and nothing after it knows more. */
#ifndef REDLINE_SOURCE_H
#define REDLINE_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct rl_source {
	char *data;        /* the bytes, exactly as read (owned; NUL-terminated for convenience) */
	size_t len;
	char *name;        /* the display name (owned) */
} rl_source;

/* Read a source. On failure returns -1 and writes "NAME: reason" to err; never exits.
 * Files are opened read-only; nothing is ever written to an input. */
int rl_source_read(rl_source *src, const char *spec, size_t max_size, char *err, size_t errlen);
void rl_source_release(rl_source *src);

/* A copy of src (for "-" given twice: standard input can be read only once). Returns -1 when out
 * of memory. */
int rl_source_copy(rl_source *dst, const rl_source *src);

/* Does the buffer look binary: a NUL byte in its first 8 KiB (as diff decides)? */
bool rl_source_is_binary(const rl_source *src);

#endif
