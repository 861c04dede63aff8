/* gitlib.c: libgit2 opened with dlopen() on first use (see gitlib.h). */
#define RL_GITLIB_TABLE_ONLY
#include "gitlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

/* The soname the program was built against (src/input/CMakeLists.txt reads it from the library). */
#ifndef REDLINE_LIBGIT2_SONAME
#error "REDLINE_LIBGIT2_SONAME must name libgit2's shared object (src/input/CMakeLists.txt sets it)"
#endif

const rl_gitlib *rl_git;

/* Filled once, then published through rl_git: a failed load leaves rl_git NULL. */
static rl_gitlib table;

/* The pointer dlsym returns is converted to the function's type: POSIX guarantees that a
 * function's address survives the round trip through void *. */
#define RL_GIT_LOOKUP(f)                                       \
	if (!(sym = dlsym(lib, #f))) {                             \
		missing = #f;                                          \
		goto fail;                                             \
	}                                                          \
	table.f = (__typeof__(table.f))sym;

int rl_gitlib_load(char *err, size_t errlen)
{
	if (rl_git)
		return 0;
	const char *name = getenv("REDLINE_LIBGIT2");
	if (!name || !*name)
		name = REDLINE_LIBGIT2_SONAME;
	void *lib = dlopen(name, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		const char *why = dlerror();
		snprintf(err, errlen, "git support needs %s, which cannot be loaded (%s)", name,
		         why ? why : "unknown reason");
		return -1;
	}
	void *sym;
	const char *missing;
	RL_GIT_FUNCTIONS(RL_GIT_LOOKUP)
	rl_git = &table;
	return 0;
fail:
	snprintf(err, errlen, "git support needs %s, and %s has no %s (another version?)",
	         REDLINE_LIBGIT2_SONAME, name, missing);
	dlclose(lib);
	return -1;
}
