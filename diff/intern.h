/* intern.h: tokens interned to dense integer ids.
 *
 * Two tokens compare equal when their keys do; the key is the token's text after the comparison
 * options in force (intern_key.h). Interning both texts through one table turns the diff into a
 * comparison of integers (the Myers core never sees text). */
#ifndef REDLINE_INTERN_H
#define REDLINE_INTERN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "intern_key.h"
#include "token.h"

/* The id of a token that is not compared (punctuation under ignore_punct). */
#define RL_ID_NONE UINT32_MAX

typedef struct rl_interner rl_interner;

int rl_interner_new(rl_interner **out, const rl_keyopts *opts);
void rl_interner_free(rl_interner *in);

/* Give every token of toks its id: equal keys, equal ids, across every text interned here.
 * On success *ids_out is a new array of rl_tokens_count(toks) ids, which the caller frees. */
int rl_intern(rl_interner *in, const rl_tokens *toks, uint32_t **ids_out);
/* The same, where toks was made by rl_tokenize_like from src, already interned here as src_ids:
 * the copied tokens take src's ids without a lookup (their keys are the same). */
int rl_intern_from(rl_interner *in, const rl_tokens *toks, const rl_tokens *src,
                   const uint32_t *src_ids, uint32_t **ids_out);

/* The same for tokens [t0, t1) of toks alone (a window of a long text: window.h); ids_out gets
 * t1 - t0 ids. */
int rl_intern_span(rl_interner *in, const rl_tokens *toks, size_t t0, size_t t1,
                   uint32_t **ids_out);

/* The same for tokens [t0, t1) of toks, where runs[0..nruns) (rl_tokens_runs_inside, numbered
 * from t0) were copied from tokens of a source interned here whose ids are src_ids (numbered as
 * the runs' s0): those take their ids without a lookup (a window of NEW whose unchanged lines
 * were copied from the window of OLD beside it). */
int rl_intern_span_runs(rl_interner *in, const rl_tokens *toks, size_t t0, size_t t1,
                        const rl_tokrun *runs, size_t nruns, const uint32_t *src_ids,
                        uint32_t **ids_out);

/* The id of a key given as is (not made from a token's text): a key that no token can have, such
 * as one starting with a control byte, gives ids of its own (list markers, see ctx_init.c). */
int rl_intern_key(rl_interner *in, const char *key, size_t len, uint32_t *id);

/* Done interning: free the lookup table and caches (the keys stay). Only
 * rl_interner_count, rl_interner_key and rl_interner_free may be called after it. */
void rl_interner_seal(rl_interner *in);

/* Number of distinct ids handed out so far (ids are 0 .. count-1). */
size_t rl_interner_count(const rl_interner *in);

/* The class (rl_tclass) of the token whose key made the id (every token with the id is of that
 * class: a key is made of its token's own characters), or UINT32_MAX for a key given as is. */
unsigned rl_interner_cls(const rl_interner *in, uint32_t id);

/* The key of an id, borrowed from the interner: *len bytes, not NUL-terminated. */
const char *rl_interner_key(const rl_interner *in, uint32_t id, size_t *len);

#endif
