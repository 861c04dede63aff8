/* doclib_static.c: the readers linked into the program itself, for the unit tests and the fuzz
 * harnesses (see doclib.h): the table holds the functions, nothing is loaded. */
#define RL_DOCLIB_TABLE_ONLY
#include "doclib.h"

#define RL_DOC_INIT(f) .f = f,
static const rl_doclib table = {RL_DOC_FUNCTIONS(RL_DOC_INIT) RL_PDF_FUNCTIONS(RL_DOC_INIT)};
#undef RL_DOC_INIT

const rl_doclib *const rl_doc = &table;

int rl_doclib_load(rl_docmod m, const char *what, char *err, size_t errlen)
{
	(void)m;
	(void)what;
	(void)err;
	(void)errlen;
	return 0;
}
