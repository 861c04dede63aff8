/* module.c: what the readers' module says of itself (see doclib.h): the version of redline it
 * was built with, checked by the program before it calls a reader. */
#include "formats.h"

RL_DOC_EXPORT const char rl_doclib_version[] = REDLINE_VERSION;
