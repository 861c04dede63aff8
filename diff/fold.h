/* fold.h: typography folding of one code point, as the keys fold it under the default options:
 * curly single quotes and primes to ', curly double quotes and guillemets to ", hyphens, dashes
 * and minus signs to - (their small, vertical and fullwidth forms too: a key folds them without
 * --nfkc). The ASCII stand-ins of a terminal without Unicode (text.c) start from it. One table
 * for the keys (intern_key.c), their test and the generator of nfc_stable.h
 * (scripts/nfc_stable_gen.c), which must agree on it. */
#ifndef REDLINE_FOLD_H
#define REDLINE_FOLD_H

#include <stdint.h>

static inline int32_t rl_fold_typography(int32_t cp)
{
	switch (cp) {
	/* single quotes, primes and angle quotes; the reversed prime; the fullwidth apostrophe */
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035: case 0x2039:
	case 0x203A: case 0xFF07:
		return '\'';
	/* double quotes, double primes and guillemets; the low reversed-9 mark; the double prime
	 * quotation marks of CJK text; the fullwidth quotation mark */
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x2036: case 0xAB:
	case 0xBB: case 0x2E42: case 0x301D: case 0x301E: case 0x301F: case 0xFF02:
		return '"';
	/* hyphens, dashes (the two- and three-em dash, the vertical and small forms), the minus
	 * sign, the small and fullwidth hyphen-minus */
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
	case 0x2E3A: case 0x2E3B: case 0xFE31: case 0xFE32: case 0xFE58: case 0xFE63: case 0xFF0D:
		return '-';
	default:
		return cp;
	}
}

#endif
