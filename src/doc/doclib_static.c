/* doclib_static.c: the readers linked into the program itself, for the unit tests and the fuzz
 * harnesses (see doclib.h): the table holds the functions, nothing is loaded. */
#define RL_DOCLIB_TABLE_ONLY
#include "doclib.h"

const rl_doclib *rl_doc;

int rl_doclib_load(const char *what, char *err, size_t errlen)
{
	(void)what;
	(void)err;
	(void)errlen;
#define RL_DOC_INIT(f) .f = f,
	static const rl_doclib table = {RL_DOC_FUNCTIONS(RL_DOC_INIT)};
#undef RL_DOC_INIT
	rl_doc = &table;
	return 0;
}
