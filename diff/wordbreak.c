/* wordbreak.c: merging the graphemes of a run of Thai (Lao, Khmer, Myanmar) into the words the
 * caller's breaker finds. */
#include "wordbreak.h"

#include <stdbool.h>
#include <stdlib.h>

#include "status.h"
#include "text.h"

/* A run handed to the breaker is cut after this many graphemes (the cut is a word break): real
 * text has a space or a mark every sentence or so, and a dictionary breaker may cost more than
 * linear time on one huge run of hostile input. */
#define RUN_MAX 4096

/* The script of a grapheme token the tokenizer made a word of its own, or -1. */
static int script_of(const rl_token *tk, const char *text)
{
	int32_t cp;

	if (!(tk->flags & RL_TF_SOLO))
		return -1;
	rl_utf8_decode(text + tk->off, tk->len, &cp);
	if (cp >= 0x0E00 && cp <= 0x0E7F)
		return RL_SCRIPT_THAI;
	if (cp >= 0x0E80 && cp <= 0x0EFF)
		return RL_SCRIPT_LAO;
	if (cp >= 0x1780 && cp <= 0x17FF)
		return RL_SCRIPT_KHMER;
	if (cp >= 0x1000 && cp <= 0x109F)
		return RL_SCRIPT_MYANMAR;
	return -1;
}

/* End of the run of script sc that starts at token i: touching tokens of the same script. */
static size_t run_end(const rl_token *v, size_t n, size_t i, int sc, const char *text)
{
	size_t j = i + 1;
	while (j < n && j - i < RUN_MAX && v[j].gap == RL_GAP_NONE && script_of(&v[j], text) == sc)
		j++;
	return j;
}

/* Mark in starts[0..j-i) the tokens of run [i, j) where the breaker says a word begins. Returns
 * 1, 0 when the breaker does not handle the run, or RL_WORDBREAK_NOMEM. */
static int find_starts(const rl_token *v, size_t i, size_t j, int sc, const char *text,
                       const rl_wordbreak *wb, uint32_t *breaks, bool *starts)
{
	uint32_t base = v[i].off, len = v[j - 1].off + v[j - 1].len - base;
	int k = wb->fn(wb->ctx, (rl_script)sc, text + base, len, breaks, j - i);

	if (k < 0)
		return k == RL_WORDBREAK_NOMEM ? k : 0;
	size_t nb = (size_t)k < j - i ? (size_t)k : j - i, b = 0;
	starts[0] = true;
	for (size_t t = i + 1; t < j; t++) {
		uint32_t at = v[t].off - base;
		while (b < nb && breaks[b] < at)
			b++;  /* inside a grapheme, or out of order: ignored */
		starts[t - i] = b < nb && breaks[b] == at;
	}
	return 1;
}

/* Write the words of run [i, j) at v[w...]; returns the new write position. */
static size_t merge_run(rl_token *v, size_t w, size_t i, size_t j, const bool *starts,
                        size_t *words)
{
	for (size_t t = i; t < j; t++) {
		if (starts[t - i]) {
			v[w++] = v[t];
			continue;
		}
		rl_token *word = &v[w - 1];
		word->len = v[t].off + v[t].len - word->off;
		word->width += v[t].width;
		*words -= 1;  /* each grapheme counted one word; the merged word counts once */
	}
	return w;
}

int rl_wordbreak_merge(rl_token *v, size_t *n, size_t *words, const char *text,
                       const rl_wordbreak *wb)
{
	uint32_t *breaks = NULL;
	bool *starts = NULL;
	size_t w = 0;
	int rc = RL_OK;

	for (size_t i = 0; i < *n && rc == RL_OK;) {
		int sc = script_of(&v[i], text);
		size_t j = sc < 0 ? i + 1 : run_end(v, *n, i, sc, text);
		if (j - i < 2) {
			v[w++] = v[i++];
			continue;
		}
		if (!breaks) {
			breaks = malloc(RUN_MAX * sizeof *breaks);
			starts = malloc(RUN_MAX * sizeof *starts);
			if (!breaks || !starts) {
				free(breaks);
				free(starts);
				return RL_ENOMEM;
			}
		}
		int found = find_starts(v, i, j, sc, text, wb, breaks, starts);
		if (found == RL_WORDBREAK_NOMEM)
			rc = RL_ENOMEM;  /* the tokens are freed with the half-merged array */
		else if (found)
			w = merge_run(v, w, i, j, starts, words);
		else
			while (i < j)  /* not handled: one word per grapheme, as without a breaker */
				v[w++] = v[i++];
		i = j;
	}
	free(breaks);
	free(starts);
	*n = w;
	return rc;
}
