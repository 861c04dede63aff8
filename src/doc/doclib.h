/* doclib.h: the document readers, loaded when a side first needs one (internal to src/doc/).
 *
 * The readers (formats.h) link libxml2, cmark, libzip and poppler-glib; poppler-glib alone brings
 * glib, cairo, libstdc++ and some forty more shared objects. Linked into the program, the dynamic
 * loader made every run pay for them (10 ms of CPU on two four-word files, ten times git's). So
 * the readers are built as two modules (src/doc/CMakeLists.txt) that the program opens with
 * dlopen() on the first side that needs one, as src/gitlib.h does for libgit2:
 *   - redline-doc.so: HTML, Markdown, DOCX, ODT, EPUB (libxml2, cmark, libzip);
 *   - redline-pdf.so: PDF (poppler-glib), apart so that a web page does not load poppler's
 *     dependencies (3.7 ms instead of 11 ms for two small pages; doc/performance.md).
 * Detecting a format needs no library and stays in the program (doc.c).
 *
 * A module is, in this order: the file its environment variable names when it is set
 * (REDLINE_DOCLIB, REDLINE_PDFLIB); the module next to the running executable (the build tree,
 * found through /proc/self/exe); where `make install` puts it (LIBDIR/redline/), first relative
 * to the executable's directory, then at the path compiled in.
 *
 * Include this header after formats.h, only in doc.c: it turns every rl_read_* call into a call
 * through the table. The unit tests and the fuzz harnesses link the readers statically instead
 * (doclib_static.c fills the same table with the functions themselves). */
#ifndef REDLINE_DOC_DOCLIB_H
#define REDLINE_DOC_DOCLIB_H

#include <stddef.h>

#include "formats.h"

/* The functions of each module. */
#define RL_DOC_FUNCTIONS(X) \
	X(rl_read_html) X(rl_read_markdown) X(rl_read_markdown_styled) X(rl_read_docx) X(rl_read_odt) X(rl_read_epub)
#define RL_PDF_FUNCTIONS(X) X(rl_read_pdf)

#define RL_DOC_MEMBER(f) __typeof__(f) *f;
typedef struct rl_doclib {
	RL_DOC_FUNCTIONS(RL_DOC_MEMBER)
	RL_PDF_FUNCTIONS(RL_DOC_MEMBER)
} rl_doclib;
#undef RL_DOC_MEMBER

/* The table: a module's pointers are NULL until rl_doclib_load has loaded it. */
extern const rl_doclib *const rl_doc;

typedef enum rl_docmod {
	RL_DOCMOD_DOC,  /* redline-doc.so */
	RL_DOCMOD_PDF,  /* redline-pdf.so */
} rl_docmod;

/* Load a module (once; later calls return 0 at once). what names the format for the message
 * ("PDF"). Returns 0, or -1 with one line in err: "reading PDF needs redline-pdf.so, which cannot
 * be loaded (...)". The module stays loaded until the process exits. */
int rl_doclib_load(rl_docmod m, const char *what, char *err, size_t errlen);

#ifndef RL_DOCLIB_TABLE_ONLY
#define rl_read_html (rl_doc->rl_read_html)
#define rl_read_markdown (rl_doc->rl_read_markdown)
#define rl_read_markdown_styled (rl_doc->rl_read_markdown_styled)
#define rl_read_docx (rl_doc->rl_read_docx)
#define rl_read_odt (rl_doc->rl_read_odt)
#define rl_read_epub (rl_doc->rl_read_epub)
#define rl_read_pdf (rl_doc->rl_read_pdf)
#endif

#endif
