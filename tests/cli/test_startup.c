/* Start-up: libgit2 is loaded only when a command needs a repository (src/input/gitlib.h), libthai
 * only when Thai is to be broken into words (src/run/thai.h), ncursesw only for the viewer.
 * Comparing two files must neither load it nor fail without it; a REV:path operand loads it, and
 * says in one line what is missing when it cannot. glibc's LD_DEBUG=files lists every shared
 * object the loader opens, at start-up and through dlopen, on standard error. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "run.h"

#define OLD SOURCE_DIR "/examples/lighthouse-1-original.txt"
#define NEW SOURCE_DIR "/examples/lighthouse-2-spun.txt"

/* Run redline in a fresh empty directory outside any repository (sources named from SOURCE_DIR). */
static void run_outside(run_result *r, const char *const *argv, const char *const *env)
{
	char dir[] = "/tmp/redline-startup-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	const char *args[8] = {REDLINE_BIN};
	for (size_t i = 1; argv[i]; i++)
		args[i] = argv[i];
	const char *envs[8] = {"GIT_CEILING_DIRECTORIES=/tmp"};
	for (size_t i = 0; env && env[i]; i++)
		envs[i + 1] = env[i];
	run_program(r, args, dir, NULL, 0, envs, 60);
	rmdir(dir);
	cr_assert_not(r->timed_out);
}

/* redline --stat a b, run outside, under env0 and env1 ("NAME=value", or NULL): they differ. */
static void stat_outside(run_result *r, const char *a, const char *b, const char *env0,
                         const char *env1)
{
	const char *argv[] = {"redline", "--stat", a, b, NULL};
	const char *env[] = {env0, env1, NULL};
	run_outside(r, argv, env);
	cr_assert_eq(r->status, 1, "stderr: %s", r->err);
}

Test(startup, two_files_do_not_load_libgit2)
{
	run_result r;
	stat_outside(&r, OLD, NEW, "LD_DEBUG=files", NULL);
	/* The loader's log is there (so its silence about libgit2 means something)... */
	cr_assert_not_null(strstr(r.err, "libc.so"), "no loader log: %s", r.err);
	cr_assert_null(strstr(r.err, "libgit2"), "libgit2 loaded for two files");
	run_free(&r);
}

Test(startup, two_files_need_no_libgit2)
{
	run_result r;
	stat_outside(&r, OLD, NEW, "REDLINE_LIBGIT2=/nonexistent/libgit2.so.0", NULL);
	cr_assert_eq(r.err_len, 0, "stderr: %s", r.err);
	run_free(&r);
}

Test(startup, revision_loads_libgit2)
{
	run_result r;
	const char *argv[] = {"redline", "HEAD:story.txt", NEW, NULL};
	const char *env[] = {"LD_DEBUG=files", NULL};
	run_outside(&r, argv, env);
	cr_assert_eq(r.status, 2);
	cr_assert_not_null(strstr(r.err, "libgit2"), "libgit2 not loaded: %s", r.err);
	cr_assert_not_null(strstr(r.err, "is not inside a git repository"), "%s", r.err);
	run_free(&r);
}

/* Without the library: one line naming the operand and the library, exit 2. */
static void missing_library(const char *const *argv, const char *subject)
{
	run_result r;
	const char *env[] = {"REDLINE_LIBGIT2=/nonexistent/libgit2.so.0", NULL};
	run_outside(&r, argv, env);
	cr_assert_eq(r.status, 2);
	char want[256];
	snprintf(want, sizeof want,
	         "redline: %s: git support needs /nonexistent/libgit2.so.0, which cannot be loaded (",
	         subject);
	cr_assert_eq(strncmp(r.err, want, strlen(want)), 0, "stderr: %s", r.err);
	cr_assert_eq(strchr(r.err, '\n'), r.err + r.err_len - 1, "not one line: %s", r.err);
	cr_assert_eq(r.out_len, 0);
	run_free(&r);
}

Test(startup, revision_without_libgit2)
{
	const char *argv[] = {"redline", "HEAD:story.txt", NEW, NULL};
	missing_library(argv, "HEAD:story.txt");
}

Test(startup, git_mode_without_libgit2)
{
	const char *argv[] = {"redline", "--git", NULL};
	missing_library(argv, "--git");
}

Test(startup, history_without_libgit2)
{
	const char *argv[] = {"redline", "--history", "story.txt", NULL};
	missing_library(argv, "--history");
}

/* A library that is there but is not libgit2: the first function looked up is missing. */
Test(startup, wrong_library)
{
	run_result r;
	const char *argv[] = {"redline", "--git", NULL};
	const char *env[] = {"REDLINE_LIBGIT2=libm.so.6", NULL};
	run_outside(&r, argv, env);
	cr_assert_eq(r.status, 2);
	cr_assert_not_null(strstr(r.err, "libm.so.6 has no git_"), "stderr: %s", r.err);
	run_free(&r);
}

/* ncursesw (and libtinfo) are opened when the viewer is about to start (ui/curseslib.h): printed
 * output asks terminfo nothing. (The viewer without it: tests/tui/test_tui.c.) */
Test(startup, printed_output_does_not_load_ncurses)
{
	const char *const formats[] = {"--stat", "--json", "-y", "--changes", "--inline"};
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		run_result r;
		const char *argv[] = {"redline", formats[i], OLD, NEW, NULL};
		const char *env[] = {"LD_DEBUG=files", NULL};
		run_outside(&r, argv, env);
		cr_assert_eq(r.status, 1, "%s: stderr: %s", formats[i], r.err);
		cr_assert_not_null(strstr(r.err, "libc.so"), "no loader log: %s", r.err);
		cr_assert_null(strstr(r.err, "libncursesw"), "ncursesw loaded for %s", formats[i]);
		cr_assert_null(strstr(r.err, "libtinfo"), "libtinfo loaded for %s", formats[i]);
		run_free(&r);
	}
}

/* ------------------------------------------------------------------ Thai
 * Thai words come from libthai's dictionary file, read by our own breaker (src/run/thdict.h) on
 * the first run of Thai the comparison breaks into words: libthai and libdatrie are never loaded.
 * Without the dictionary the comparison still runs, Thai one word per grapheme, and one line says
 * why. */

#define THAI_OLD SOURCE_DIR "/tests/scripts/thai-old.txt"
#define THAI_NEW SOURCE_DIR "/tests/scripts/thai-new.txt"
#define NO_DICT "REDLINE_THAI_DICT=/nonexistent/thbrk.tri"
#define LIBTHAI_DICT "/usr/share/libthai/thbrk.tri"

Test(startup, two_files_do_not_load_libthai)
{
	run_result r;
	stat_outside(&r, OLD, NEW, "LD_DEBUG=files", NULL);
	cr_assert_not_null(strstr(r.err, "libc.so"), "no loader log: %s", r.err);
	cr_assert_null(strstr(r.err, "libthai"), "libthai loaded for two English files");
	cr_assert_null(strstr(r.err, "libdatrie"), "libdatrie loaded for two English files");
	run_free(&r);
}

Test(startup, unchanged_thai_needs_no_dictionary)
{
	run_result r;
	const char *argv[] = {"redline", "--stat", THAI_OLD, THAI_OLD, NULL};
	const char *env[] = {NO_DICT, NULL};
	run_outside(&r, argv, env);
	cr_assert_eq(r.status, 0, "stderr: %s", r.err);
	cr_assert_eq(r.err_len, 0, "stderr: %s", r.err);
	run_free(&r);
}

/* A Thai edit is split into words without libthai or libdatrie in the process. */
Test(startup, a_thai_edit_loads_no_libthai)
{
	run_result r;
	stat_outside(&r, THAI_OLD, THAI_NEW, "LD_DEBUG=files", NULL);
	cr_assert_not_null(strstr(r.err, "libc.so"), "no loader log: %s", r.err);
	cr_assert_null(strstr(r.err, "libthai"), "libthai loaded: %s", r.err);
	cr_assert_null(strstr(r.err, "libdatrie"), "libdatrie loaded: %s", r.err);
	run_free(&r);
}

/* --inline under env: exit 1, the Thai line's change as printed, and standard error. */
static void thai_inline(run_result *r, const char *env0, const char *env1)
{
	const char *argv[] = {"redline", "--inline", THAI_OLD, THAI_NEW, NULL};
	const char *env[] = {env0, env1, NULL};
	run_outside(r, argv, env);
	cr_assert_eq(r->status, 1, "stderr: %s", r->err);
}

/* The per-grapheme comparison doc/scripts-and-provenance.md describes (ก and ล kept), and the one
 * line that says why, whole. */
static void expect_per_grapheme(const run_result *r, const char *why)
{
	cr_assert_not_null(strstr(r->out, "โรงเรียน[-ใ-]{+ไ+}ก[-ล้-]{+ล+}บ้าน"), "%s", r->out);
	cr_assert_str_eq(r->err, why);
}

static void expect_words(const run_result *r)
{
	cr_assert_not_null(strstr(r->out, "โรงเรียน[-ใกล้-]{+ไกล+}บ้าน"), "%s", r->out);
	cr_assert_eq(r->err_len, 0, "stderr: %s", r->err);
}

Test(startup, thai_without_the_dictionary_is_per_grapheme_with_one_line)
{
	run_result r;
	if (access(LIBTHAI_DICT, R_OK) == 0) {
		thai_inline(&r, NULL, NULL);
		expect_words(&r);
		run_free(&r);
	}
	thai_inline(&r, NO_DICT, NULL);
	expect_per_grapheme(&r, "redline: Thai words need libthai's dictionary /nonexistent/thbrk.tri, "
	                        "which cannot be read (No such file or directory): Thai is compared "
	                        "one grapheme at a time\n");
	run_free(&r);
	/* A name with an escape in it is shown without it. */
	thai_inline(&r, "REDLINE_THAI_DICT=/nonexistent/\x1b[2Jx.tri", NULL);
	expect_per_grapheme(&r, "redline: Thai words need libthai's dictionary /nonexistent/?[2Jx.tri, "
	                        "which cannot be read (No such file or directory): Thai is compared "
	                        "one grapheme at a time\n");
	run_free(&r);
}

/* A file that is not a dictionary, and libthai's dictionary cut short or damaged (written here
 * from the installed one): per grapheme, one line, never a crash. */
Test(startup, thai_with_a_file_that_is_no_dictionary)
{
	run_result r;
	thai_inline(&r, "REDLINE_THAI_DICT=" THAI_OLD, NULL);
	expect_per_grapheme(&r, "redline: Thai words need libthai's dictionary " THAI_OLD ", which "
	                        "cannot be read (not a libdatrie trie (no alphabet)): Thai is "
	                        "compared one grapheme at a time\n");
	run_free(&r);

	FILE *fp = fopen(LIBTHAI_DICT, "rb");
	if (!fp)
		cr_skip_test("no " LIBTHAI_DICT " (libthai-data) to cut short");
	static unsigned char dict[1 << 20];
	size_t n = fread(dict, 1, sizeof dict, fp);
	fclose(fp);
	char path[] = "/tmp/redline-thbrk-XXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	cr_assert_gt(n, 1000);
	cr_assert_eq(write(fd, dict, n - 1000), (ssize_t)(n - 1000));
	close(fd);
	char env[64];
	snprintf(env, sizeof env, "REDLINE_THAI_DICT=%s", path);
	thai_inline(&r, env, NULL);
	char want[256];
	snprintf(want, sizeof want, "redline: Thai words need libthai's dictionary %s, which cannot be "
	         "read (truncated in its tail): Thai is compared one grapheme at a time\n", path);
	expect_per_grapheme(&r, want);
	run_free(&r);
	unlink(path);
}

/* libthai's own search: LIBTHAI_DICTDIR/thbrk.tri first, then its installed folder. */
Test(startup, thai_dictionary_from_libthai_dictdir)
{
	if (access(LIBTHAI_DICT, R_OK) != 0)
		cr_skip_test("no " LIBTHAI_DICT " (libthai-data)");
	run_result r;
	char dir[] = "/tmp/redline-dictdir-XXXXXX", path[64];
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/thbrk.tri", dir);
	/* A broken file there: the installed dictionary, as libthai does. */
	FILE *fp = fopen(path, "wb");
	cr_assert_not_null(fp);
	fputs("not a trie", fp);
	fclose(fp);
	char env[80];
	snprintf(env, sizeof env, "LIBTHAI_DICTDIR=%s", dir);
	thai_inline(&r, env, NULL);
	expect_words(&r);
	run_free(&r);
	/* A dictionary of no words there (libdatrie's empty trie): it is the one read, so each run of
	 * Thai is one unknown word. */
	static const unsigned char empty[] = {
		0xD9, 0xFC, 0xD9, 0xFC, 0, 0, 0, 1, 0, 0, 0x0E, 0x01, 0, 0, 0x0E, 0x5B,  /* alphabet */
		0xDA, 0xFC, 0xDA, 0xFC, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
		0, 0, 0, 3, 0, 0, 0, 0,                                          /* the root's cell */
		0xDF, 0xFC, 0xDF, 0xFC, 0, 0, 0, 0, 0, 0, 0, 0,                  /* an empty tail */
	};
	fp = fopen(path, "wb");
	cr_assert_not_null(fp);
	cr_assert_eq(fwrite(empty, 1, sizeof empty, fp), sizeof empty);
	fclose(fp);
	thai_inline(&r, env, NULL);
	cr_assert_not_null(strstr(r.out, "[-น้องชายเป็นนักเรียนที่โรงเรียนใกล้บ้าน-]"), "%s", r.out);
	cr_assert_eq(r.err_len, 0, "stderr: %s", r.err);
	run_free(&r);
	thai_inline(&r, env, NO_DICT);
	expect_per_grapheme(&r, "redline: Thai words need libthai's dictionary /nonexistent/thbrk.tri, "
	                        "which cannot be read (No such file or directory): Thai is compared "
	                        "one grapheme at a time\n");
	run_free(&r);
	unlink(path);
	rmdir(dir);
}

/* ------------------------------------------------------------------ the document readers
 * The readers and their libraries are two modules loaded on the first side that needs one
 * (src/doc/doclib.h): redline-doc.so (libxml2, cmark, libzip) and redline-pdf.so (poppler-glib and
 * its glib, cairo...). Plain text loads none of them and needs none of them. */

#define PAGE1 SOURCE_DIR "/tests/documents/news-v1.html"
#define PAGE2 SOURCE_DIR "/tests/documents/news-v2.html"
#define DRAFT SOURCE_DIR "/tests/documents/draft1.docx"
#define PDF1 SOURCE_DIR "/tests/documents/bridge1.pdf"
#define PDF2 SOURCE_DIR "/tests/documents/bridge2.pdf"

static const char *const doc_libraries[] = {"redline-doc", "libxml2", "libcmark", "libzip"};
/* (libstdc++ is not poppler's alone: libxml2 brings it with ICU.) */
static const char *const pdf_libraries[] = {"redline-pdf", "libpoppler", "libglib", "libcairo"};

static void assert_loaded(const char *log, const char *const *libs, size_t n, bool loaded,
                          const char *what)
{
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(strstr(log, libs[i]) != NULL, loaded, "%s %sloaded for %s", libs[i],
		             loaded ? "not " : "", what);
}
#define ASSERT_LOADED(log, libs, loaded, what) \
	assert_loaded(log, libs, sizeof libs / sizeof *libs, loaded, what)

Test(startup, two_files_do_not_load_the_document_readers)
{
	run_result r;
	stat_outside(&r, OLD, NEW, "LD_DEBUG=files", NULL);
	cr_assert_not_null(strstr(r.err, "libc.so"), "no loader log: %s", r.err);
	ASSERT_LOADED(r.err, doc_libraries, false, "two text files");
	ASSERT_LOADED(r.err, pdf_libraries, false, "two text files");
	run_free(&r);
}

Test(startup, two_files_need_no_document_readers)
{
	run_result r;
	stat_outside(&r, OLD, NEW, "REDLINE_DOCLIB=/nonexistent/redline-doc.so",
	             "REDLINE_PDFLIB=/nonexistent/redline-pdf.so");
	cr_assert_eq(r.err_len, 0, "stderr: %s", r.err);
	run_free(&r);
}

/* A web page loads redline-doc.so next to the program (the build tree), and libxml2 with it, but
 * not poppler; a PDF loads redline-pdf.so and poppler. */
Test(startup, web_page_loads_the_document_readers_but_not_poppler)
{
	run_result r;
	stat_outside(&r, PAGE1, PAGE2, "LD_DEBUG=files", NULL);
	ASSERT_LOADED(r.err, doc_libraries, true, "a web page");
	ASSERT_LOADED(r.err, pdf_libraries, false, "a web page");
	cr_assert_not_null(strstr(r.out, "old "), "no --stat line: %s", r.out);
	run_free(&r);
}

Test(startup, pdf_loads_poppler_only)
{
	run_result r;
	stat_outside(&r, PDF1, PDF2, "LD_DEBUG=files", NULL);
	ASSERT_LOADED(r.err, pdf_libraries, true, "a PDF");
	ASSERT_LOADED(r.err, doc_libraries, false, "a PDF");
	run_free(&r);
}

/* Without the module: one line naming the file, the format and the module, exit 2. */
static void missing_module(const char *file, const char *format, const char *module,
                           const char *reason)
{
	run_result r;
	const char *argv[] = {"redline", "--stat", file, NEW, NULL};
	bool pdf = strcmp(format, "PDF") == 0;
	char var[512];
	snprintf(var, sizeof var, "%s=%s", pdf ? "REDLINE_PDFLIB" : "REDLINE_DOCLIB", module);
	const char *env[] = {var, NULL};
	run_outside(&r, argv, env);
	cr_assert_eq(r.status, 2, "stderr: %s", r.err);
	char want[1024];
	snprintf(want, sizeof want, "redline: %s: reading %s needs %s, %s", file, format,
	         pdf ? "redline-pdf.so" : "redline-doc.so", reason);
	cr_assert_eq(strncmp(r.err, want, strlen(want)), 0, "stderr: %s", r.err);
	cr_assert_eq(strchr(r.err, '\n'), r.err + r.err_len - 1, "not one line: %s", r.err);
	cr_assert_eq(r.out_len, 0);
	run_free(&r);
}

Test(startup, web_page_without_the_module)
{
	missing_module(PAGE1, "HTML", "/nonexistent/redline-doc.so",
	               "which cannot be loaded (/nonexistent/redline-doc.so: ");
}

Test(startup, word_file_without_the_module)
{
	missing_module(DRAFT, "DOCX", "/nonexistent/redline-doc.so", "which cannot be loaded (");
}

Test(startup, pdf_without_its_module)
{
	missing_module(PDF1, "PDF", "/nonexistent/redline-pdf.so", "which cannot be loaded (");
}

/* A library that is not the module (it has no version mark). */
Test(startup, wrong_module)
{
	missing_module(DRAFT, "DOCX", "libm.so.6", "and libm.so.6 is not redline's module");
}

/* The modules are looked for next to the executable (/proc/self/exe), wherever that is: a copy of
 * the program and the module in another directory loads that copy of the module. */
Test(startup, module_next_to_the_program)
{
	char dir[] = "/tmp/redline-startup-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	char bin[256], module[256], from[1024], cmd[2048];
	snprintf(bin, sizeof bin, "%s/redline", dir);
	snprintf(module, sizeof module, "%s/redline-doc.so", dir);
	snprintf(from, sizeof from, "%s", REDLINE_BIN);
	*strrchr(from, '/') = '\0';
	snprintf(cmd, sizeof cmd, "cp '%s' '%s' && cp '%s/redline-doc.so' '%s'", REDLINE_BIN, bin,
	         from, module);
	cr_assert_eq(system(cmd), 0, "%s", cmd);
	run_result r;
	const char *argv[] = {bin, "--stat", PAGE1, PAGE2, NULL};
	const char *env[] = {"LD_DEBUG=files", "REDLINE_DOCLIB", "REDLINE_PDFLIB", NULL};
	run_program(&r, argv, dir, NULL, 0, env, 60);
	unlink(bin);
	unlink(module);
	rmdir(dir);
	cr_assert_not(r.timed_out);
	cr_assert_eq(r.status, 1, "stderr: %s", r.err);
	char want[300];
	snprintf(want, sizeof want, "file=%s ", module);
	cr_assert_not_null(strstr(r.err, want), "%s not loaded: %s", module, r.err);
	run_free(&r);
}
