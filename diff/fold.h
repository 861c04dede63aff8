/* fold.h: typography folding of one code point, as the keys fold it under the default options:
 * curly single quotes and primes to ', curly double quotes and guillemets to ", hyphens, dashes
 * and minus signs to -. One table for the interner (intern.c), its test and the generator of
 * nfc_stable.h (scripts/nfc_stable_gen.c), which must agree on it. */
#ifndef REDLINE_FOLD_H
#define REDLINE_FOLD_H

#include <stdint.h>

static inline int32_t rl_fold_typography(int32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2039: case 0x203A:
		return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0xAB: case 0xBB:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
	case 0xFE58: case 0xFE63: case 0xFF0D:
		return '-';
	default:
		return cp;
	}
}

#endif
