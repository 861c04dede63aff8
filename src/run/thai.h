/* thai.h: Thai words from libthai's dictionary, as the diff library's word breaker.
 *
 * Thai is written without spaces between words. The diff library asks its rl_wordbreak callback
 * where the words of each run of Thai begin; this one answers with libthai's dictionary breaker,
 * as MediaWiki's diff splits Thai with a dictionary. libthai itself is not linked: it is opened
 * with dlopen() by its soname (or the file REDLINE_LIBTHAI names), with its dictionary, on the
 * first run of Thai the diff asks about, once per process; texts without Thai, or whose Thai did
 * not change, never load either. When either cannot be loaded, Thai stays one word per grapheme
 * and rl_thai_missing says why. Lao, Khmer and Myanmar are not handled here (libthai has no dictionary for
 * them): they stay one word per grapheme cluster. */
#ifndef REDLINE_THAI_H
#define REDLINE_THAI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "align.h"

/* A run already broken, found again by its bytes (thai.c). */
typedef struct rl_thai_seen rl_thai_seen;

typedef struct rl_thai {
	void *brk;    /* libthai's ThBrk (shared by the process), once this breaker has used it */
	bool failed;  /* the library or its dictionary is missing: Thai stays per grapheme */
	/* The runs broken so far and their breaks: the same run (in the other text, a repeated
	 * phrase) is not broken again. */
	rl_thai_seen *seen;  /* nseen_slots slots, a power of two */
	size_t nseen_slots, nseen;
	char *bytes;         /* the runs' bytes */
	size_t nbytes, bytes_cap;
	uint32_t *breaks;    /* their breaks */
	size_t nbreaks, breaks_cap;
	size_t seen_max;     /* bytes of runs kept at most (0: none, every run is broken anew) */
} rl_thai;

#define RL_THAI_SEEN_MAX ((size_t)64 << 20)
#define RL_THAI_INIT {NULL, false, NULL, 0, 0, NULL, 0, 0, NULL, 0, 0, RL_THAI_SEEN_MAX}

/* Make opts break Thai into words through th (which must outlive every diff made with opts). */
void rl_thai_attach(rl_thai *th, rl_diff_opts *opts);
/* Free the runs kept (the dictionary stays loaded until the process exits). */
void rl_thai_release(rl_thai *th);
/* NULL, or the one-line reason (no "redline: ", no newline) why th broke Thai one word per
 * grapheme: libthai or its dictionary could not be loaded. */
const char *rl_thai_missing(const rl_thai *th);

/* The rl_wordbreak_fn itself (ctx: an rl_thai). */
int rl_thai_breaks(void *ctx, rl_script script, const char *run, size_t len, uint32_t *breaks,
                   size_t max);

#endif
