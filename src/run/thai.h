/* thai.h: Thai words from libthai's dictionary, as the diff library's word breaker.
 *
 * Thai is written without spaces between words. The diff library asks its rl_wordbreak callback
 * where the words of each run of Thai begin; this one answers with a dictionary breaker that finds
 * libthai's breaks (thdict.h), as MediaWiki's diff splits Thai with a dictionary. libthai itself is
 * not used at run time, only its dictionary file (libthai-data's thbrk.tri; REDLINE_THAI_DICT names
 * another file, LIBTHAI_DICTDIR another folder, as for libthai), read on the first run of Thai the
 * diff asks about, once per process; texts without Thai, or whose Thai did not change, never read
 * it. When it cannot be read, Thai stays one word per grapheme and rl_thai_missing says why.
 * Lao, Khmer and Myanmar are not handled here (libthai has no dictionary for them): they stay one
 * word per grapheme cluster. */
#ifndef REDLINE_THAI_H
#define REDLINE_THAI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "align.h"

/* A run already broken, found again by its bytes (thai.c). */
typedef struct rl_thai_seen rl_thai_seen;

typedef struct rl_thai {
	const struct rl_thdict *dict;  /* the dictionary (shared by the process), once used */
	bool failed;  /* the dictionary is missing or unreadable: Thai stays per grapheme */
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
/* Free the runs kept (the dictionary stays in memory until the process exits). */
void rl_thai_release(rl_thai *th);
/* NULL, or the one-line reason (no "redline: ", no newline) why th broke Thai one word per
 * grapheme: the dictionary could not be read. */
const char *rl_thai_missing(const rl_thai *th);

/* The rl_wordbreak_fn itself (ctx: an rl_thai). */
int rl_thai_breaks(void *ctx, rl_script script, const char *run, size_t len, uint32_t *breaks,
                   size_t max);

#endif
