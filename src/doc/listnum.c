/* listnum.c: list numbers as documents show them (see listnum.h). */
#include "listnum.h"

#include <stdio.h>
#include <string.h>

void rl_list_number(long k, char f, bool sync, char out[RL_LISTNUM_MAX])
{
	if (k >= 1 && (f == 'a' || f == 'A')) {
		char base = f == 'a' ? 'a' : 'A';
		if (sync) {  /* a ... z, aa, bb ... zz, aaa */
			long reps = (k - 1) / 26 + 1;
			if (reps < 40) {
				memset(out, base + (k - 1) % 26, (size_t)reps);
				out[reps] = '\0';
				return;
			}
		} else {  /* a ... z, aa, ab ... az, ba (bijective base 26) */
			char tmp[16];
			size_t len = 0;
			for (long v = k; v > 0 && len < sizeof tmp; v = (v - 1) / 26)
				tmp[len++] = (char)(base + (v - 1) % 26);
			for (size_t i = 0; i < len; i++)
				out[i] = tmp[len - 1 - i];
			out[len] = '\0';
			return;
		}
	}
	if (k >= 1 && k < 4000 && (f == 'i' || f == 'I')) {
		static const struct {
			int v;
			const char *s;
		} roman[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
		             {50, "l"},   {40, "xl"},  {10, "x"},  {9, "ix"},   {5, "v"},   {4, "iv"},
		             {1, "i"}};
		size_t len = 0;
		long v = k;
		for (size_t i = 0; i < sizeof roman / sizeof *roman; i++)
			for (; v >= roman[i].v; v -= roman[i].v)
				for (const char *p = roman[i].s; *p; p++)
					out[len++] = f == 'I' ? (char)(*p - 'a' + 'A') : *p;
		out[len] = '\0';
		return;
	}
	snprintf(out, RL_LISTNUM_MAX, "%ld", k);
}

