/* dupstr.c: copies of strings (see dupstr.h). */
#include "dupstr.h"

#include <stdlib.h>
#include <string.h>

char *rl_dupstr(const char *s)
{
	return rl_dupstr_n(s, strlen(s));
}

char *rl_dupstr_n(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}
