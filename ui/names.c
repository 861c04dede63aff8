/* names.c: the part two names share, said once. */
#include "names.h"

#include <stdio.h>
#include <string.h>

bool rl_name_is_description(const char *name)
{
	return strchr(name, ' ') != NULL;
}

size_t rl_name_first_word(const char *name)
{
	return strcspn(name, " ");
}

/* Append s[0..len) to out (bounded); false when it did not fit. */
static bool put(char *out, size_t n, size_t *at, const char *s, size_t len)
{
	if (*at + len + 1 > n)
		return false;
	memcpy(out + *at, s, len);
	*at += len;
	out[*at] = '\0';
	return true;
}

static bool shorten_path(const char *old_name, const char *new_name, const char *mark,
                         char *out, size_t n)
{
	size_t i = 0, cut = 0;
	while (old_name[i] && old_name[i] == new_name[i]) {
		if (strchr("/\\:_-. ", old_name[i]))
			cut = i + 1;
		i++;
	}
	if (cut == 0 || !new_name[cut])
		return false;
	size_t at = 0;
	out[0] = '\0';
	return put(out, n, &at, mark, strlen(mark)) &&
	       put(out, n, &at, new_name + cut, strlen(new_name + cut));
}

bool rl_name_shorten(const char *old_name, const char *new_name, const char *mark, char *out,
                     size_t n)
{
	if (n == 0)
		return false;
	bool ok = !rl_name_is_description(new_name) && shorten_path(old_name, new_name, mark, out, n);
	if (!ok || strlen(out) >= strlen(new_name)) {
		snprintf(out, n, "%s", new_name);
		return false;
	}
	return true;
}
