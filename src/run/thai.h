/* thai.h: Thai words from libthai's dictionary, as the diff library's word breaker.
 *
 * Thai is written without spaces between words. The diff library asks its rl_wordbreak callback
 * where the words of each run of Thai begin; this one answers with libthai's dictionary breaker,
 * as MediaWiki's diff splits Thai with a dictionary. The dictionary is loaded from disk on the
 * first run of Thai, so texts without Thai never load it; when it cannot be loaded, Thai stays one
 * word per grapheme. Lao, Khmer and Myanmar are not handled here (libthai has no dictionary for
 * them): they stay one word per grapheme cluster. */
#ifndef REDLINE_THAI_H
#define REDLINE_THAI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "align.h"

typedef struct rl_thai {
	void *brk;    /* libthai's ThBrk, loaded on first use */
	bool failed;  /* loading failed once: not tried again */
} rl_thai;

#define RL_THAI_INIT {NULL, false}

/* Make opts break Thai into words through th (which must outlive every diff made with opts). */
void rl_thai_attach(rl_thai *th, rl_diff_opts *opts);
/* Free the dictionary, if it was loaded. */
void rl_thai_release(rl_thai *th);

/* The rl_wordbreak_fn itself (ctx: an rl_thai). */
int rl_thai_breaks(void *ctx, rl_script script, const char *run, size_t len, uint32_t *breaks,
                   size_t max);

#endif
