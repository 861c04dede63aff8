/* doclib.c: the document readers' module opened with dlopen() on first use (see doclib.h). */
#define RL_DOCLIB_TABLE_ONLY
#include "doclib.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The module's file name, its installed path, and that path relative to the installed program
 * (src/doc/CMakeLists.txt sets them). */
#ifndef REDLINE_DOCLIB_NAME
#error "REDLINE_DOCLIB_NAME must name the readers' module (src/doc/CMakeLists.txt sets it)"
#endif
#if !defined REDLINE_DOCLIB_INSTALLED || !defined REDLINE_DOCLIB_RELATIVE
#error "REDLINE_DOCLIB_INSTALLED and _RELATIVE must say where the module is installed"
#endif

const rl_doclib *rl_doc;

static rl_doclib table;

/* The directory of the running executable, with its final slash, in buf; "" when unknown. */
static void exe_dir(char *buf, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", buf, size - 1);
	buf[n > 0 ? (size_t)n : 0] = '\0';
	char *slash = strrchr(buf, '/');
	if (slash)
		slash[1] = '\0';
	else
		buf[0] = '\0';
}

/* Open the module: REDLINE_DOCLIB alone when it is set, else the first that exists of the
 * executable's directory, the installed place relative to the executable, the installed path. On failure, the reason in why. */
static void *open_module(char *path, size_t pathlen, char *why, size_t whylen)
{
	const char *env = getenv("REDLINE_DOCLIB");
	if (env && *env) {
		snprintf(path, pathlen, "%s", env);
	} else {
		/* Next to the program (the build tree), where `make install` puts it relative to the
		 * program (an installation moved or staged elsewhere), where it puts it. */
		char dir[4096];
		exe_dir(dir, sizeof dir);
		const char *const places[] = {"", REDLINE_DOCLIB_RELATIVE "/"};
		bool found = false;
		for (size_t i = 0; *dir && !found && i < sizeof places / sizeof *places; i++) {
			int n = snprintf(path, pathlen, "%s%s%s", dir, places[i], REDLINE_DOCLIB_NAME);
			found = n > 0 && (size_t)n < pathlen && access(path, F_OK) == 0;
		}
		if (!found) {
			snprintf(path, pathlen, "%s", REDLINE_DOCLIB_INSTALLED);
			if (access(path, F_OK) != 0) {
				snprintf(why, whylen, "not next to the program in %s, nor at %s: %s",
				         *dir ? dir : "its directory", path, strerror(errno));
				return NULL;
			}
		}
	}
	void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		const char *e = dlerror();
		snprintf(why, whylen, "%s", e ? e : "unknown reason");
	}
	return lib;
}

#define RL_DOC_LOOKUP(f)                                       \
	if (!(sym = dlsym(lib, #f))) {                             \
		missing = #f;                                          \
		goto fail;                                             \
	}                                                          \
	table.f = (__typeof__(table.f))sym;

int rl_doclib_load(const char *what, char *err, size_t errlen)
{
	if (rl_doc)
		return 0;
	char path[4096 + 64], why[2 * sizeof path + 256];
	void *lib = open_module(path, sizeof path, why, sizeof why);
	if (!lib) {
		snprintf(err, errlen, "reading %s needs %s, which cannot be loaded (%s)", what,
		         REDLINE_DOCLIB_NAME, why);
		return -1;
	}
	/* A module of another build of redline may read differently, or not at all. */
	const char *version = dlsym(lib, "rl_doclib_version");
	if (!version || strcmp(version, REDLINE_VERSION) != 0) {
		if (version)
			snprintf(err, errlen, "reading %s needs %s of redline %s, and %s is of redline %s",
			         what, REDLINE_DOCLIB_NAME, REDLINE_VERSION, path, version);
		else
			snprintf(err, errlen, "reading %s needs %s, and %s is not redline's module", what,
			         REDLINE_DOCLIB_NAME, path);
		dlclose(lib);
		return -1;
	}
	void *sym;
	const char *missing;
	RL_DOC_FUNCTIONS(RL_DOC_LOOKUP)
	rl_doc = &table;
	return 0;
fail:
	snprintf(err, errlen, "reading %s needs %s, and %s has no %s (another version?)", what,
	         REDLINE_DOCLIB_NAME, path, missing);
	dlclose(lib);
	return -1;
}
