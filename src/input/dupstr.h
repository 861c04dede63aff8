/* dupstr.h: copies of strings, made with the program's own malloc. Not strdup and strndup: they
 * allocate inside libc, where test_alloc's link-time wrapper of malloc does not reach, so a failure
 * of theirs would go untested. */
#ifndef REDLINE_DUPSTR_H
#define REDLINE_DUPSTR_H

#include <stddef.h>

/* A copy of s; NULL when out of memory. */
char *rl_dupstr(const char *s);
/* A copy of the n bytes at s, NUL-terminated; NULL when out of memory. */
char *rl_dupstr_n(const char *s, size_t n);

#endif
