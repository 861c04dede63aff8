/* out.h: writing text to stdout safely, with colour by role.
 *
 * Every byte of a document that reaches an output goes through rl_out_text, which draws controls,
 * escape sequences, bidi overrides and invalid bytes as visible escapes. Nothing from a document
 * can act on the terminal. */
#ifndef REDLINE_OUT_H
#define REDLINE_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "theme.h"

typedef struct rl_out {
	FILE *fp;
	bool color;    /* SGR colour sequences */
	bool ascii;    /* the terminal cannot show UTF-8: ASCII stand-ins of the same width */
	rl_role role;  /* the colour in force */
} rl_out;

void rl_out_init(rl_out *o, FILE *fp, bool color, bool ascii);
/* Bytes redline itself produced (markers, padding, JSON): written as they are. */
void rl_out_raw(rl_out *o, const char *s, size_t n);
void rl_out_str(rl_out *o, const char *s);
void rl_out_spaces(rl_out *o, unsigned n);
/* Document text: escapes for anything that is not plain printable text. */
void rl_out_text(rl_out *o, const char *s, size_t n);
/* Switch to a role's colour (nothing without colour). */
void rl_out_role(rl_out *o, rl_role role);
/* Flush fp. Returns 0, or -1 when any write to it failed (now or earlier). */
int rl_out_flush(FILE *fp);
/* Back to plain, flush. Returns 0, or -1 when writing failed. */
int rl_out_finish(rl_out *o);

/* A document-derived string (a file name, say) made safe for a message: escapes as rl_out_text
 * draws them, truncated to fit buf. Returns buf. */
char *rl_sanitize(const char *s, char *buf, size_t len);

#endif
