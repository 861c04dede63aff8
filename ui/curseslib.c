/* curseslib.c: ncursesw opened with dlopen() when the viewer is about to start (see curseslib.h). */
#define RL_CURSESLIB_TABLE_ONLY
#include <term.h>

#include "curseslib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

/* The soname the program was built against (ui/CMakeLists.txt reads it from the library). */
#ifndef REDLINE_LIBNCURSES_SONAME
#error "REDLINE_LIBNCURSES_SONAME must name ncursesw's shared object (ui/CMakeLists.txt sets it)"
#endif

const rl_curseslib *rl_curses;

/* Filled once, then published through rl_curses: a failed load leaves rl_curses NULL. */
static rl_curseslib table;
static char why[320];  /* a failed load's reason, given again to later calls */

/* POSIX guarantees that a function's address survives the round trip through void *. */
#define RL_CURSES_LOOKUP(f)                                    \
	if (!(sym = dlsym(lib, #f))) {                             \
		missing = #f;                                          \
		goto fail;                                             \
	}                                                          \
	table.f = (__typeof__(table.f))sym;

int rl_curses_load(char *err, size_t errlen)
{
	if (rl_curses)
		return 0;
	if (!*why) {
		const char *name = getenv("REDLINE_LIBNCURSES");
		if (!name || !*name)
			name = REDLINE_LIBNCURSES_SONAME;
		/* Lazily bound: the viewer calls some forty of the library's functions. */
		void *lib = dlopen(name, RTLD_LAZY | RTLD_LOCAL);
		if (!lib) {
			const char *reason = dlerror();
			snprintf(why, sizeof why, "the viewer needs %s, which cannot be loaded (%s)", name,
			         reason ? reason : "unknown reason");
		} else {
			void *sym;
			const char *missing;
			RL_CURSES_FUNCTIONS(RL_CURSES_LOOKUP)
			RL_CURSES_VARIABLES(RL_CURSES_LOOKUP)
			RL_CURSES_LOOKUP(setupterm)
			RL_CURSES_LOOKUP(set_curterm)
			RL_CURSES_LOOKUP(del_curterm)
			rl_curses = &table;
			return 0;
		fail:
			snprintf(why, sizeof why, "the viewer needs %s, and %s has no %s (another version?)",
			         REDLINE_LIBNCURSES_SONAME, name, missing);
			dlclose(lib);
		}
	}
	if (err && errlen)
		snprintf(err, errlen, "%s", why);
	return -1;
}

const char *rl_curses_missing(void)
{
	return *why ? why : NULL;
}
