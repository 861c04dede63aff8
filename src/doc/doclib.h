/* doclib.h: the document readers, loaded when a side first needs one (internal to src/doc/).
 *
 * The readers (formats.h) link libxml2, cmark, libzip and poppler-glib; poppler-glib alone brings
 * glib, cairo, libstdc++ and some forty more shared objects. Linked into the program, the dynamic
 * loader made every run pay for them (10 ms of CPU on two four-word files, ten times git's). So
 * the readers are built as a module, redline-doc.so (src/doc/CMakeLists.txt), that the program
 * opens with dlopen() on the first side whose format needs a reader, as src/gitlib.h does for
 * libgit2. Detecting a format needs no library and stays in the program (doc.c).
 *
 * The module is, in this order: the file named by REDLINE_DOCLIB when it is set; redline-doc.so
 * next to the running executable (the build tree: /proc/self/exe); the installed one,
 * REDLINE_DOCLIB_INSTALLED (LIBDIR/redline/redline-doc.so).
 *
 * Include this header after formats.h, only in doc.c: it turns every rl_read_* call into a call
 * through the table. The unit tests and the fuzz harnesses link the readers statically instead
 * (doclib_static.c fills the same table with the functions themselves). */
#ifndef REDLINE_DOC_DOCLIB_H
#define REDLINE_DOC_DOCLIB_H

#include <stddef.h>

#include "formats.h"

/* Every function of the module the program calls. */
#define RL_DOC_FUNCTIONS(X) \
	X(rl_read_html) X(rl_read_markdown) X(rl_read_docx) X(rl_read_odt) X(rl_read_epub) X(rl_read_pdf)

#define RL_DOC_MEMBER(f) __typeof__(f) *f;
typedef struct rl_doclib {
	RL_DOC_FUNCTIONS(RL_DOC_MEMBER)
} rl_doclib;
#undef RL_DOC_MEMBER

/* The table, NULL until rl_doclib_load has succeeded. */
extern const rl_doclib *rl_doc;

/* Load the readers (once; later calls return 0 at once). what names the format for the message
 * ("PDF"). Returns 0, or -1 with one line in err: "reading PDF needs redline-doc.so, which cannot
 * be loaded (...)". The module stays loaded until the process exits. */
int rl_doclib_load(const char *what, char *err, size_t errlen);

#ifndef RL_DOCLIB_TABLE_ONLY
#define rl_read_html (rl_doc->rl_read_html)
#define rl_read_markdown (rl_doc->rl_read_markdown)
#define rl_read_docx (rl_doc->rl_read_docx)
#define rl_read_odt (rl_doc->rl_read_odt)
#define rl_read_epub (rl_doc->rl_read_epub)
#define rl_read_pdf (rl_doc->rl_read_pdf)
#endif

#endif
