/* fuzz_input.h: one fuzz input cut into options and two texts.
 *
 *   byte 0     option bits (FUZZ_*)
 *   byte 1     a parameter: pane width, cost bound, ...; bits 3-5 also choose the word breaker
 *              (fuzz_wordbreak)
 *   bytes 2-3  where to split the rest (little-endian, modulo its length + 1)
 *   the rest   OLD then NEW
 *
 * Each text is copied into a buffer of its exact size, so that AddressSanitizer catches a read one
 * byte past the end of either. */
#ifndef REDLINE_FUZZ_INPUT_H
#define REDLINE_FUZZ_INPUT_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"

enum {
	FUZZ_FOLD_CASE = 1 << 0,
	FUZZ_IGNORE_PUNCT = 1 << 1,
	FUZZ_NFKC = 1 << 2,
	FUZZ_STRICT = 1 << 3,
	FUZZ_MINIMAL = 1 << 4,
	FUZZ_MARKERS = 1 << 5,  /* layout: change markers; printers: no colour */
	FUZZ_ASCII = 1 << 6,    /* printers: a terminal without UTF-8 */
	FUZZ_NO_ANCHORS = 1 << 7,
};

typedef struct fuzz_input {
	uint8_t flags, param;
	char *text[2];
	size_t len[2];
} fuzz_input;

/* Returns 0, or -1 when the input is too short to hold the header (or out of memory). */
static inline int fuzz_input_split(fuzz_input *in, const uint8_t *data, size_t size)
{
	if (size < 4)
		return -1;
	size_t rest = size - 4;
	size_t cut = ((size_t)data[2] | (size_t)data[3] << 8) % (rest + 1);
	in->flags = data[0];
	in->param = data[1];
	in->len[0] = cut;
	in->len[1] = rest - cut;
	/* malloc(0) may return NULL: allocate one byte more, but let nothing read it. */
	in->text[0] = malloc(in->len[0] ? in->len[0] : 1);
	in->text[1] = malloc(in->len[1] ? in->len[1] : 1);
	if (!in->text[0] || !in->text[1]) {
		free(in->text[0]);
		free(in->text[1]);
		return -1;
	}
	if (in->len[0])
		memcpy(in->text[0], data + 4, in->len[0]);
	if (in->len[1])
		memcpy(in->text[1], data + 4 + cut, in->len[1]);
	return 0;
}

static inline void fuzz_input_free(fuzz_input *in)
{
	free(in->text[0]);
	free(in->text[1]);
}

/* A word breaker of our own for the scripts written without spaces (the program's is libthai,
 * src/thai.c, which a harness cannot use), so that the tokenizer's merge of graphemes into words
 * and everything downstream of it are fuzzed. Deterministic; ctx holds the mode (1-7):
 *   1-4  a word starts every `mode` code points (an offset inside a grapheme is to be ignored)
 *   5    declines Thai (-1: one word per grapheme), breaks the other scripts every 2 code points
 *   6    hostile within the contract: up to max offsets from a hash of the run, out of order,
 *        repeated, 0 or past the end
 *   7    an offset at every byte (mostly inside code points) */
static inline int fuzz_wordbreak(void *ctx, rl_script script, const char *run, size_t len,
                                 uint32_t *breaks, size_t max)
{
	unsigned mode = (unsigned)(uintptr_t)ctx;
	size_t k = 0;

	if (mode == 5 && script == RL_SCRIPT_THAI)
		return -1;
	if (mode == 6) {
		uint32_t h = 2166136261u;
		for (size_t i = 0; i < len; i++)
			h = (h ^ (uint8_t)run[i]) * 16777619u;
		size_t want = h % (max + 1);
		for (; k < want; k++) {
			h = h * 1103515245u + 12345u;
			breaks[k] = (h >> 8) % (uint32_t)(len + 2);
		}
		return (int)k;
	}
	if (mode == 7) {
		for (size_t i = 1; i < len && k < max; i++)
			breaks[k++] = (uint32_t)i;
		return (int)k;
	}
	size_t every = mode == 5 ? 2 : mode, cps = 0;
	for (size_t i = 0; i < len && k < max; i++) {
		if (((uint8_t)run[i] & 0xC0) == 0x80)
			continue;  /* inside a code point */
		if (cps > 0 && cps % every == 0)
			breaks[k++] = (uint32_t)i;
		cps++;
	}
	return (int)k;
}

/* The comparison options the flags ask for; the parameter's bits 3-5 pick fuzz_wordbreak's mode
 * (0: no breaker). */
static inline rl_diff_opts fuzz_diff_opts(const fuzz_input *in)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.key.fold_case = in->flags & FUZZ_FOLD_CASE;
	o.key.ignore_punct = in->flags & FUZZ_IGNORE_PUNCT;
	o.key.nfkc = in->flags & FUZZ_NFKC;
	o.key.fold_typography = !(in->flags & FUZZ_STRICT);
	o.minimal = in->flags & FUZZ_MINIMAL;
	o.myers.anchors = !(in->flags & FUZZ_NO_ANCHORS);
	if ((in->param >> 3) & 7) {
		o.wordbreak.fn = fuzz_wordbreak;
		o.wordbreak.ctx = (void *)(uintptr_t)((in->param >> 3) & 7);
	}
	return o;
}

/* A broken invariant: say which and where, then abort so that libFuzzer keeps the input. */
#define FUZZ_CHECK(cond, ...)                                                          \
	do {                                                                           \
		if (!(cond)) {                                                         \
			fprintf(stderr, "invariant broken: %s (%s:%d): ", #cond, __FILE__, \
			        __LINE__);                                             \
			fprintf(stderr, __VA_ARGS__);                                  \
			fputc('\n', stderr);                                           \
			abort();                                                       \
		}                                                                      \
	} while (0)

#endif
