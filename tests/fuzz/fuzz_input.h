/* fuzz_input.h: one fuzz input cut into options and two texts.
 *
 *   byte 0     option bits (FUZZ_*)
 *   byte 1     a parameter: pane width, cost bound, ...
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

/* The comparison options the flags ask for. */
static inline rl_diff_opts fuzz_diff_opts(const fuzz_input *in)
{
	rl_diff_opts o = RL_DIFF_OPTS_INIT;
	o.key.fold_case = in->flags & FUZZ_FOLD_CASE;
	o.key.ignore_punct = in->flags & FUZZ_IGNORE_PUNCT;
	o.key.nfkc = in->flags & FUZZ_NFKC;
	o.key.fold_typography = !(in->flags & FUZZ_STRICT);
	o.minimal = in->flags & FUZZ_MINIMAL;
	o.myers.anchors = !(in->flags & FUZZ_NO_ANCHORS);
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
