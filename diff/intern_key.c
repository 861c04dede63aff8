/* intern_key.c: comparison keys, a text under the comparison options (intern_key.h). ASCII is
 * copied, other text goes through utf8proc unless no step of it would change the text. */
#include "intern_key.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "fold.h"
#include "nfc_stable.h"
#include "status.h"
#include "text.h"
#include "token_types.h"

/* Typography folding, one code point at a time (called by utf8proc before decomposition). */
static utf8proc_int32_t fold_typography(utf8proc_int32_t cp, void *data)
{
	(void)data;
	return rl_fold_typography(cp);
}

/* Is s[0..n) two or more hyphens? (s is a key buffer, not NUL-terminated: no str* function.) */
static bool is_dash_run(const char *s, size_t n)
{
	if (n < 2)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] != '-')
			return false;
	return true;
}

int rl_key_grow(char **buf, size_t *cap, size_t need)
{
	size_t c = *cap ? *cap : 64;
	while (c < need)
		c *= 2;
	char *b = realloc(*buf, c);
	if (!b)
		return RL_ENOMEM;
	*buf = b;
	*cap = c;
	return RL_OK;
}

static bool is_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/* Is cp in range r of nfc_stable.h's nr ranges (r may be one past either end)? */
static inline bool in_stable_range(uint32_t cp, size_t r, size_t nr)
{
	return r < nr && cp >= nfc_stable_ranges[r][0] && cp <= nfc_stable_ranges[r][1];
}

/* Is cp one of nfc_stable.h's code points? *at is the range that held the last one (a word keeps
 * to one script): tried first, then the ranges beside it, where a script's letters and vowel
 * signs alternate (Devanagari's consonants are one range, its vowel signs the next: a binary
 * search at each sign was most of a Hindi word's key). */
static bool stable_cp(uint32_t cp, size_t *at)
{
	const size_t nr = sizeof nfc_stable_ranges / sizeof *nfc_stable_ranges;
	if (in_stable_range(cp, *at, nr))
		return true;
	if (in_stable_range(cp, *at + 1, nr) || in_stable_range(cp, *at - 1, nr)) {
		*at += cp > nfc_stable_ranges[*at][1] ? 1 : (size_t)-1;
		return true;
	}
	size_t lo = 0, hi = nr;  /* the first range that ends at or after cp */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (nfc_stable_ranges[mid][1] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == nr || cp < nfc_stable_ranges[lo][0])
		return false;
	*at = lo;
	return true;
}

/* Is cp in entry r of nfc_stable.h's nr marks (r may be one past either end)? */
static inline bool in_stable_marks(uint32_t cp, size_t r, size_t nr)
{
	return r < nr && cp >= nfc_stable_marks[r][0] && cp <= nfc_stable_marks[r][1];
}

/* The combining class of cp when it is one of nfc_stable.h's marks, else 0; *at as above (Thai's
 * vowel signs below and its tone marks are entries side by side). */
static unsigned stable_mark(uint32_t cp, size_t *at)
{
	const size_t nr = sizeof nfc_stable_marks / sizeof *nfc_stable_marks;
	if (in_stable_marks(cp, *at, nr))
		return nfc_stable_marks[*at][2];
	if (in_stable_marks(cp, *at + 1, nr) || in_stable_marks(cp, *at - 1, nr)) {
		*at += cp > nfc_stable_marks[*at][1] ? 1 : (size_t)-1;
		return nfc_stable_marks[*at][2];
	}
	size_t lo = 0, hi = nr;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (nfc_stable_marks[mid][1] < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == nr || cp < nfc_stable_marks[lo][0])
		return 0;
	*at = lo;
	return nfc_stable_marks[lo][2];
}

/* What stable_text refuses besides: a ligature (U+FB00..U+FB06), a soft hyphen (U+00AD). */
enum { REFUSE_LIGATURE = 1, REFUSE_SHY = 2 };

/* Is s[0..n) valid UTF-8 of printable ASCII and nfc_stable.h's code points alone, its marks in
 * canonical order (each of a class no lower than the mark right before it), and none of what
 * `refuse` names? Then its key under NFC with typography folded, case kept, is itself. In valid
 * UTF-8 the bytes of U+00AD (C2 AD) and U+FB00..U+FB06 (EF AC 80..86) are those code points
 * wherever they stand, so this pass answers for has_ligature and rl_soft_hyphen too, which were
 * two more passes over every word's bytes. hint[0] and hint[1] are the ranges of nfc_stable.h's
 * two tables that held the last code points seen (the last word's: a text keeps to a script),
 * tried first; they change no answer. */
static bool stable_text(const char *s, size_t n, unsigned refuse, size_t hint[2])
{
	const unsigned char *u = (const unsigned char *)s;
	size_t at = hint[0], mat = hint[1];
	unsigned last = 0;  /* the class of the code point before: 0 for any but a mark */
	for (size_t i = 0; i < n;) {
		uint32_t cp = u[i];
		if (cp < 0x80) {
			if (cp < 0x20 || cp == 0x7F)
				return false;
			i++;
			last = 0;
			continue;
		}
		if (cp >= 0xC2 && cp < 0xE0 && i + 1 < n && (u[i + 1] & 0xC0) == 0x80) {
			cp = (cp & 0x1F) << 6 | (u[i + 1] & 0x3F);
			if (cp == RL_SOFT_HYPHEN && (refuse & REFUSE_SHY))
				return false;
			i += 2;
		} else if (cp >= 0xE0 && cp < 0xF0 && i + 2 < n && (u[i + 1] & 0xC0) == 0x80 &&
		           (u[i + 2] & 0xC0) == 0x80) {
			cp = (cp & 0x0F) << 12 | (uint32_t)(u[i + 1] & 0x3F) << 6 | (u[i + 2] & 0x3F);
			if (cp < 0x800)
				return false;  /* overlong (surrogates are in no range) */
			if (cp >= 0xFB00 && cp <= 0xFB06 && (refuse & REFUSE_LIGATURE))
				return false;
			i += 3;
		} else {
			return false;  /* beyond the plane, or not UTF-8: utf8proc decides */
		}
		if (stable_cp(cp, &at)) {
			last = 0;
			continue;
		}
		unsigned cls = stable_mark(cp, &mat);
		if (cls == 0 || cls < last)
			return false;  /* canonical ordering would move it */
		last = cls;
	}
	hint[0] = at, hint[1] = mat;
	return true;
}

/* The Latin ligatures U+FB00..U+FB06 are their letters under typography folding ("<U+FB01>ne"
 * is "fine"): text copied out of a PDF or a typeset page carries them, and before this each made
 * a word differ from itself (only --nfkc, which folds far more, equated them). Is there one in
 * s[0, n) (U+FB00..U+FB06 are EF AC 80..86)? */
static bool has_ligature(const char *s, size_t n)
{
	for (size_t i = 0; i + 2 < n; i++)
		if ((unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xAC &&
		    (unsigned char)s[i + 2] >= 0x80 && (unsigned char)s[i + 2] <= 0x86)
			return true;
	return false;
}

/* The letters of ligature cp (U+FB00..U+FB06), or NULL. */
static const char *ligature_letters(utf8proc_int32_t cp)
{
	static const char *const letters[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
	return cp >= 0xFB00 && cp <= 0xFB06 ? letters[cp - 0xFB00] : NULL;
}

/* Write out the ligatures among the k code points of u, which has room for `room` (a ligature,
 * 3 bytes, grows to at most 3 code points: the room made for the text's bytes holds them).
 * Returns the new count. */
static utf8proc_ssize_t write_out_ligatures(utf8proc_int32_t *u, utf8proc_ssize_t k, size_t room)
{
	utf8proc_ssize_t grown = 0;
	for (utf8proc_ssize_t i = 0; i < k; i++) {
		const char *l = ligature_letters(u[i]);
		grown += l ? (utf8proc_ssize_t)strlen(l) - 1 : 0;
	}
	if ((size_t)(k + grown) > room)
		return k;  /* cannot happen (see above); the ligatures are then left as they are */
	/* From the end, so that nothing is overwritten before it is read. */
	for (utf8proc_ssize_t i = k - 1, j = k + grown - 1; i >= 0; i--) {
		const char *l = ligature_letters(u[i]);
		if (!l) {
			u[j--] = u[i];
			continue;
		}
		for (size_t c = strlen(l); c-- > 0;)
			u[j--] = (utf8proc_int32_t)(unsigned char)l[c];
	}
	return k + grown;
}

/* A word's soft hyphens (U+00AD, C2 AD) mark where it may break, not what it says: under
 * typography folding its key leaves them out, so that "jig<U+00AD>saw" is "jigsaw" (a copy of a
 * page with them against one without; --strict tells them apart, as it does ligatures). Whether a
 * word holds one is rl_soft_hyphen's (text.h). The k code points of u without its soft hyphens;
 * returns the new count. */
static utf8proc_ssize_t drop_soft_hyphens(utf8proc_int32_t *u, utf8proc_ssize_t k)
{
	utf8proc_ssize_t j = 0;
	for (utf8proc_ssize_t i = 0; i < k; i++)
		if (u[i] != RL_SOFT_HYPHEN)
			u[j++] = u[i];
	return j;
}

/* The key of a non-ASCII text: NFC (or NFKC), case folding and typography folding by utf8proc.
 * Falls back to the raw bytes for input utf8proc rejects (an invalid byte token). Under the
 * default options a text of code points that no step changes is its own key (nfc_stable.h, whose
 * ranges hold the ligatures: a text with one is written out first, has_ligature; a word's soft
 * hyphens are left out, shy): most words of Cyrillic, Greek, Han, Kana, Hangul, accented Latin
 * are, and utf8proc's decomposition and recomposition (about a thousand instructions a word) is
 * spared. */
static long unicode_key(const rl_keyopts *o, const char *s, size_t n, bool word, char **buf,
                        size_t *cap, size_t hint[2])
{
	unsigned refuse = o->fold_typography ? REFUSE_LIGATURE | (word ? REFUSE_SHY : 0) : 0;
	if (!o->nfkc && !o->fold_case && stable_text(s, n, refuse, hint)) {
		if (rl_key_reserve(buf, cap, n + 1) != RL_OK)
			return -1;
		memcpy(*buf, s, n);
		return (long)n;
	}
	bool ligatures = o->fold_typography && has_ligature(s, n);
	bool shy = o->fold_typography && word && rl_soft_hyphen(s, n) < n;
	utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_DECOMPOSE;
	if (o->nfkc)
		opt |= UTF8PROC_COMPAT;
	if (o->fold_case)
		opt |= UTF8PROC_CASEFOLD;
	utf8proc_custom_func fn = o->fold_typography ? fold_typography : NULL;

	/* A decomposition rarely exceeds 4 code points per byte; retry with the exact size if so. */
	size_t room = n * 4 + 16;
	for (;;) {
		if (rl_key_reserve(buf, cap, room * sizeof(utf8proc_int32_t)) != RL_OK)
			return -1;
		utf8proc_int32_t *u = (utf8proc_int32_t *)(void *)*buf;
		utf8proc_ssize_t k = utf8proc_decompose_custom((const utf8proc_uint8_t *)s,
		                                               (utf8proc_ssize_t)n, u,
		                                               (utf8proc_ssize_t)room, opt, fn, NULL);
		if (k < 0) {
			if (rl_key_reserve(buf, cap, n) != RL_OK)
				return -1;
			memcpy(*buf, s, n);
			return (long)n;
		}
		if ((size_t)k > room) {
			room = (size_t)k;
			continue;
		}
		if (ligatures)
			k = write_out_ligatures(u, k, room);
		if (shy)
			k = drop_soft_hyphens(u, k);
		/* Compose back (the NFC/NFKC step) and re-encode to UTF-8 in place. */
		utf8proc_ssize_t len = utf8proc_reencode(u, k, opt | UTF8PROC_COMPOSE);
		if (len < 0)
			return -1;
		return (long)len;
	}
}

long rl_key_hinted(const rl_keyopts *o, const char *s, size_t n, unsigned cls, char **buf,
                   size_t *cap, size_t hint[2])
{
	long len;

	if (is_ascii(s, n)) {
		if (rl_key_reserve(buf, cap, n + 1) != RL_OK)
			return -1;
		for (size_t i = 0; i < n; i++) {
			char c = s[i];
			(*buf)[i] = o->fold_case && c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
		}
		len = (long)n;
	} else {
		len = unicode_key(o, s, n, cls == RL_TOK_WORD, buf, cap, hint);
		if (len < 0)
			return -1;
	}
	if (o->fold_typography && cls == RL_TOK_PUNCT) {
		/* "--" and "---" stand for dashes in plain text; "…" is "..." after NFKC. */
		if (is_dash_run(*buf, (size_t)len))
			len = 1;
		else if (len == 3 && memcmp(*buf, "\xE2\x80\xA6", 3) == 0)
			memcpy(*buf, "...", 3);
	}
	return len;
}

long rl_key(const rl_keyopts *o, const char *s, size_t n, unsigned cls, char **buf, size_t *cap)
{
	size_t hint[2] = {0, 0};
	return rl_key_hinted(o, s, n, cls, buf, cap, hint);
}
