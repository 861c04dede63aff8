/* smaps.h: what Linux says of a test's own memory (/proc/self/smaps), for the tests that check
 * which arrays are advised for large pages (bigmem.h, src/input/source.c). */
#ifndef REDLINE_TEST_SMAPS_H
#define REDLINE_TEST_SMAPS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The VmFlags line of the mapping of /proc/self/smaps that holds p, into flags (empty when none
 * is found). */
static inline void mapping_flags(const void *p, char *flags, size_t cap)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char line[512];
	bool inside = false;
	flags[0] = '\0';
	while (f && fgets(line, sizeof line, f)) {
		unsigned long lo, hi;
		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2 && strchr(line, '-') < strchr(line, ' '))
			inside = (uintptr_t)p >= lo && (uintptr_t)p < hi;
		else if (inside && strncmp(line, "VmFlags:", 8) == 0) {
			size_t n = strlen(line + 8);
			n = n < cap ? n : cap - 1;
			memcpy(flags, line + 8, n);
			flags[n] = '\0';
			break;
		}
	}
	if (f)
		fclose(f);
}

/* Can an array be advised for transparent huge pages here (Linux, THP always or madvise)? */
static inline bool large_pages_here(void)
{
	FILE *thp = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	char mode[128] = "";
	if (thp) {
		if (!fgets(mode, sizeof mode, thp))
			mode[0] = '\0';
		fclose(thp);
	}
	return strstr(mode, "[always]") || strstr(mode, "[madvise]");
}

#endif
