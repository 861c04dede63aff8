/* intern_key.h: comparison keys. A token's key is its text under the comparison options in force,
 * and two tokens compare equal when their keys do; the interner (intern.h) gives each distinct key
 * an id, building a token's key here once for each distinct token.
 *
 * ASCII is copied (A-Z folded when case is); other text goes through utf8proc (NFC or NFKC, case
 * and typography folding), unless no step of it would change the text (nfc_stable.h); ligatures
 * are written out and a word's soft hyphens left out under typography folding. */
#ifndef REDLINE_INTERN_KEY_H
#define REDLINE_INTERN_KEY_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

typedef struct rl_keyopts {
	bool fold_case;        /* "Open" = "open" (Unicode case folding) */
	bool ignore_punct;     /* punctuation is not compared at all */
	bool nfkc;             /* compatibility forms are equal: "ﬁ" = "fi", full-width = ASCII */
	bool fold_typography;  /* curly = straight quotes, every dash = "-" and "--", "…" = "..." */
} rl_keyopts;

/* Comparison as a journalist wants it by default: only typography folded. */
#define RL_KEYOPTS_INIT {false, false, false, true}

/* The key of one text under opts, written into *buf (grown with realloc as needed; the caller
 * owns and frees it). Returns the key's length, or -1 when out of memory. Exposed for tests and
 * for modules that compare text outside an interner. */
long rl_key(const rl_keyopts *opts, const char *s, size_t n, unsigned cls, char **buf, size_t *cap);

/* rl_key for the interner, which keys one text after another: hint[0] and hint[1] are the ranges
 * of nfc_stable.h's two tables that held the last key's code points (a text keeps to a script),
 * tried first and updated; they change no key. Start them at 0. */
long rl_key_hinted(const rl_keyopts *opts, const char *s, size_t n, unsigned cls, char **buf,
                   size_t *cap, size_t hint[2]);

/* rl_key_reserve's growth: *buf realloc'd to at least need bytes, doubling from 64. */
int rl_key_grow(char **buf, size_t *cap, size_t need);

/* Make *buf (realloc'd, *cap bytes) hold at least need bytes: RL_OK, or RL_ENOMEM with *buf
 * and *cap as they were. The interner's pools grow by it too. Inline, so that the test for room
 * costs no call: the interner makes it at every new key. */
static inline int rl_key_reserve(char **buf, size_t *cap, size_t need)
{
	return need <= *cap ? RL_OK : rl_key_grow(buf, cap, need);
}

#endif
