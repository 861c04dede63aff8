/* doclib.c: the document readers' modules opened with dlopen() on first use (see doclib.h). */
#define RL_DOCLIB_TABLE_ONLY
#include "doclib.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Where `make install` puts the modules, and that directory relative to the installed program
 * (src/doc/CMakeLists.txt sets both). */
#if !defined REDLINE_DOCLIB_DIR || !defined REDLINE_DOCLIB_RELATIVE
#error "REDLINE_DOCLIB_DIR and REDLINE_DOCLIB_RELATIVE must say where the modules are installed"
#endif

static rl_doclib table;
const rl_doclib *const rl_doc = &table;

static const struct module {
	const char *file, *env;
} modules[] = {
	[RL_DOCMOD_DOC] = {"redline-doc.so", "REDLINE_DOCLIB"},
	[RL_DOCMOD_PDF] = {"redline-pdf.so", "REDLINE_PDFLIB"},
};
static bool loaded[sizeof modules / sizeof *modules];

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

/* Open a module: the file its variable names alone when it is set, else the first that exists of
 * the executable's directory, the installed place relative to the executable, the installed
 * path. On failure, the reason in why. */
static void *open_module(const struct module *mod, char *path, size_t pathlen, char *why,
                         size_t whylen)
{
	const char *env = getenv(mod->env);
	if (env && *env) {
		snprintf(path, pathlen, "%s", env);
	} else {
		/* Next to the program (the build tree); where `make install` puts it, found from the
		 * program (an installation moved or staged elsewhere), then as built. */
		char dir[4096];
		exe_dir(dir, sizeof dir);
		const char *const places[] = {"", REDLINE_DOCLIB_RELATIVE "/"};
		bool found = false;
		for (size_t i = 0; *dir && !found && i < sizeof places / sizeof *places; i++) {
			int n = snprintf(path, pathlen, "%s%s%s", dir, places[i], mod->file);
			found = n > 0 && (size_t)n < pathlen && access(path, F_OK) == 0;
		}
		if (!found) {
			snprintf(path, pathlen, "%s/%s", REDLINE_DOCLIB_DIR, mod->file);
			if (access(path, F_OK) != 0) {
				snprintf(why, whylen, "not next to the program in %s, nor at %s: %s",
				         *dir ? dir : "its directory", path, strerror(errno));
				return NULL;
			}
		}
	}
	void *lib = dlopen(path, RTLD_LAZY | RTLD_LOCAL);
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
	t.f = (__typeof__(t.f))sym;

int rl_doclib_load(rl_docmod m, const char *what, char *err, size_t errlen)
{
	if (loaded[m])
		return 0;
	const struct module *mod = &modules[m];
	char path[4096 + 64], why[2 * sizeof path + 256];
	void *lib = open_module(mod, path, sizeof path, why, sizeof why);
	if (!lib) {
		snprintf(err, errlen, "reading %s needs %s, which cannot be loaded (%s)", what, mod->file,
		         why);
		return -1;
	}
	/* A module of another build of redline may read differently, or not at all. */
	const char *version = dlsym(lib, "rl_doclib_version");
	if (!version || strcmp(version, REDLINE_VERSION) != 0) {
		if (version)
			snprintf(err, errlen, "reading %s needs %s of redline %s, and %s is of redline %s",
			         what, mod->file, REDLINE_VERSION, path, version);
		else
			snprintf(err, errlen, "reading %s needs %s, and %s is not redline's module", what,
			         mod->file, path);
		dlclose(lib);
		return -1;
	}
	/* Filled into a copy, published only when every function was found. */
	rl_doclib t = table;
	void *sym;
	const char *missing;
	if (m == RL_DOCMOD_DOC) {
		RL_DOC_FUNCTIONS(RL_DOC_LOOKUP)
	} else {
		RL_PDF_FUNCTIONS(RL_DOC_LOOKUP)
	}
	table = t;
	loaded[m] = true;
	return 0;
fail:
	snprintf(err, errlen, "reading %s needs %s, and %s has no %s (another version?)", what,
	         mod->file, path, missing);
	dlclose(lib);
	return -1;
}
