/* fuzz_thdict.c: libthai's dictionary format read from arbitrary bytes (src/run/thdict.h), and
 * Thai broken with whatever was read.
 *
 * Input: a 16-bit little-endian length L, L bytes of dictionary (fewer if the input ends), then a
 * text (UTF-8; a fixed Thai text when empty). Invariants: the dictionary is read or refused with
 * a reason on one line; when read, the breaks of the text (with room for all, and for a few) are
 * ascending, inside the text and no more than asked for; no read outside the bytes (ASan). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_input.h"
#include "run/thdict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char fixed[] = "ฉันชอบกินข้าวผัด ก.พ. เด็กๆ กรุงเทพฯ Thaiไทย๑๒๓ 10% www.example.org "
                            "โรงเรีนย ฤๅษี ศักดิ์สิทธิ์ เก็บ แกล้ง";

/* Code points of UTF-8 s[0..n) (invalid bytes as themselves, above Latin-1: anything goes). */
static size_t decode(const uint8_t *s, size_t n, int32_t *cp)
{
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		uint8_t c = s[i];
		if ((c & 0xF0) == 0xE0 && i + 2 < n) {
			cp[k++] = (c & 0x0F) << 12 | (s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
			i += 3;
		} else if ((c & 0xE0) == 0xC0 && i + 1 < n) {
			cp[k++] = (c & 0x1F) << 6 | (s[i + 1] & 0x3F);
			i += 2;
		} else {
			cp[k++] = c;
			i++;
		}
	}
	return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	size_t len = (size_t)data[0] | (size_t)data[1] << 8;
	if (len > size - 2)
		len = size - 2;
	/* an exact-size copy of the dictionary: ASan sees a read past it */
	uint8_t *dict = malloc(len ? len : 1);
	if (!dict)
		return 0;
	memcpy(dict, data + 2, len);
	rl_thdict *d;
	char why[160] = "";
	int rc = rl_thdict_parse(&d, dict, len, why, sizeof why);
	FUZZ_CHECK(rc == RL_THDICT_OK || rc == RL_THDICT_BAD || rc == RL_THDICT_NOMEM, "rc %d", rc);
	if (rc != RL_THDICT_OK) {
		FUZZ_CHECK(d == NULL, "refused yet given");
		FUZZ_CHECK(why[0] && !strchr(why, '\n'), "no reason on one line: \"%s\"", why);
		free(dict);
		return 0;
	}
	const uint8_t *text = data + 2 + len;
	size_t tlen = size - 2 - len;
	if (tlen == 0)
		text = (const uint8_t *)fixed, tlen = sizeof fixed - 1;
	int32_t *cp = malloc((tlen + 1) * sizeof *cp);
	int *pos = malloc((tlen + 1) * sizeof *pos);
	if (cp && pos) {
		size_t n = decode(text, tlen, cp);
		size_t maxes[] = {n + 1, 3, 1};
		for (size_t m = 0; m < 3; m++) {
			int k = rl_thdict_breaks(d, cp, n, pos, maxes[m]);
			FUZZ_CHECK(k >= -1 && k <= (int)maxes[m], "%d breaks of at most %zu", k, maxes[m]);
			for (int i = 0; i < k; i++)
				FUZZ_CHECK(pos[i] > (i ? pos[i - 1] : 0) && (size_t)pos[i] < n,
				           "break %d at %d of %zu", i, pos[i], n);
		}
		rl_thdict_has_word(d, cp, n < 40 ? n : 40);
	}
	free(cp);
	free(pos);
	rl_thdict_free(d);
	free(dict);
	return 0;
}
