/* text.c: UTF-8 decoding, grapheme clusters and their visible forms. */
#include "text.h"

#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "fold.h"

size_t rl_utf8_decode(const char *s, size_t n, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char c = u[0];
	size_t len;
	int32_t v, min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, v = c & 0x07, min = 0x10000;
	} else {
		*cp = -1;  /* stray continuation byte, C0/C1 overlong lead, or 0xF5..0xFF */
		return 1;
	}
	if (len > n) {
		*cp = -1;
		return 1;
	}
	for (size_t i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = -1;
			return 1;
		}
		v = (v << 6) | (u[i] & 0x3F);
	}
	/* Overlong forms, UTF-16 surrogates and values past U+10FFFF are not text. */
	if (v < min || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF) {
		*cp = -1;
		return 1;
	}
	*cp = v;
	return len;
}

size_t rl_utf8_encode(int32_t cp, char buf[4])
{
	unsigned char *u = (unsigned char *)buf;

	if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xC0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xE0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (unsigned char)(0xF0 | (cp >> 18));
	u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	u[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Whitespace and line structure, decided on the first code point of a cluster. */
static rl_gkind space_kind(int32_t cp, int category)
{
	switch (cp) {
	case '\n': case '\r': case '\v': case 0x85: case 0x2028:
		return RL_G_NEWLINE;
	case '\f': case 0x2029:
		return RL_G_PARA;
	case ' ': case '\t':
		return RL_G_SPACE;
	default:
		break;
	}
	if (cp >= 0x80 && category == UTF8PROC_CATEGORY_ZS)
		return RL_G_SPACE;  /* NBSP, thin space, ideographic space, ... */
	return RL_G_PRINT;
}

/* Code points a terminal could act on, or that draw as nothing: shown as escapes. Bidi controls
 * are format characters (Cf), so they are caught here too. */
static bool must_escape(int category)
{
	switch (category) {
	case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_CS:
	case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		/* Marks reach here only when nothing precedes them to combine with. */
		return true;
	default:
		return false;
	}
}

static bool is_regional_indicator(int32_t cp)
{
	return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

/* A zero width joiner stays inside its cluster only where terminals join too: in an emoji
 * sequence and after a virama (Indic conjuncts). Between letters terminals disagree about it (tmux
 * glues the next character into the joiner's cell), so there it stands alone and is shown as an
 * escape, which keeps every column where the layout put it. */
static bool joiner_joins(int32_t prev)
{
	const utf8proc_property_t *p = utf8proc_get_property(prev);
	return p->boundclass == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC || prev == 0xFE0F ||
	       (prev >= 0x1F3FB && prev <= 0x1F3FF) || p->combining_class == 9;
}

/* Letters of the common alphabets that stand alone: a letter (or sign) of its own, drawn, never
 * joined to a neighbour that is one of them or ASCII by any rule of UAX #29 (grapheme break
 * class Other). Returns its width, or 0 for any other code point. Latin-1 and Latin Extended,
 * Greek, Cyrillic (without its combining marks), kana and CJK ideographs: checked against
 * utf8proc (category, width, break class) for every code point listed. */
static int alone_width(int32_t cp)
{
	if (cp < 0xC0)
		return 0;
	if (cp < 0x530)
		return cp <= 0x24F || (cp >= 0x391 && cp <= 0x3A1) || (cp >= 0x3A3 && cp <= 0x481) ||
		       cp >= 0x48A;
	if (cp < 0x3041 || cp > 0x9FFF)
		return 0;  /* Indic, Thai, Arabic ... go by the rules */
	return (cp >= 0x4E00 || cp <= 0x3096 || (cp >= 0x30A1 && cp <= 0x30FA)) ? 2 : 0;
}

void rl_grapheme_next(const char *s, size_t n, rl_grapheme *g)
{
	unsigned char c = (unsigned char)s[0];

	/* Printable ASCII followed by ASCII (or nothing) is a cluster of one byte: no rule of UAX #29
	 * joins two ASCII characters but CR LF. Most prose is this, so it skips utf8proc. */
	if (c >= 0x20 && c < 0x7F && (n == 1 || (unsigned char)s[1] < 0x80)) {
		g->cp = c;
		g->len = 1;
		g->width = 1;
		g->kind = c == ' ' ? RL_G_SPACE : RL_G_PRINT;
		return;
	}

	int32_t cp;
	size_t len = rl_utf8_decode(s, n, &cp);

	/* A letter of those alphabets before ASCII, the end or another of them: a cluster of its
	 * own, as the rules below would find, without asking utf8proc. */
	int aw = alone_width(cp);
	if (aw) {
		int32_t next = 0;
		if (len == n || (unsigned char)s[len] < 0x80 ||
		    (rl_utf8_decode(s + len, n - len, &next) && alone_width(next))) {
			g->cp = cp;
			g->len = (uint32_t)len;
			g->width = (uint8_t)aw;
			g->kind = RL_G_PRINT;
			return;
		}
	}

	g->cp = cp;
	g->len = (uint32_t)len;
	g->width = 0;
	if (cp < 0) {
		g->kind = RL_G_ESCAPE;
		g->width = 4;  /* \xNN */
		return;
	}
	/* Its properties, read once (utf8proc_category and utf8proc_charwidth read the same). */
	const utf8proc_property_t *prop = utf8proc_get_property(cp);
	g->kind = (uint8_t)space_kind(cp, prop->category);
	if (g->kind != RL_G_PRINT) {
		if (cp == '\r' && n > 1 && s[1] == '\n')
			g->len = 2;
		/* A space never absorbs the marks after it: a stray combining mark stays visible. */
		g->width = g->kind == RL_G_SPACE ? 1 : 0;
		return;
	}
	if (must_escape(prop->category)) {
		char buf[RL_ESCAPE_MAX];
		g->kind = RL_G_ESCAPE;
		g->width = (uint8_t)rl_grapheme_escape(g, s, buf);
		return;
	}

	/* Extend the cluster by the Unicode rules (UAX #29) as utf8proc implements them. An escaped
	 * code point always stands alone, so it ends the cluster whatever the rules say. */
	utf8proc_int32_t state = 0, prev = cp;
	size_t pos = len;
	while (pos < n) {
		int32_t next;
		size_t l = rl_utf8_decode(s + pos, n - pos, &next);
		if (next < 0 || utf8proc_grapheme_break_stateful(prev, next, &state))
			break;
		if (next != 0x200D && next != 0x200C && utf8proc_category(next) == UTF8PROC_CATEGORY_CF)
			break;
		if (next == 0x200D && !joiner_joins(prev))
			break;
		prev = next;
		pos += l;
	}
	g->len = (uint32_t)pos;
	int w = prop->charwidth;
	if (is_regional_indicator(cp))
		w = 2;  /* a flag pair draws two columns wide */
	if (w <= 0) {
		/* Nothing visible to draw: show the code point instead of a zero-width glyph that would
		 * shift every column after it. */
		char buf[RL_ESCAPE_MAX];
		g->kind = RL_G_ESCAPE;
		g->len = (uint32_t)len;
		g->width = (uint8_t)rl_grapheme_escape(g, s, buf);
		return;
	}
	g->width = (uint8_t)w;
}

size_t rl_grapheme_escape(const rl_grapheme *g, const char *s, char buf[RL_ESCAPE_MAX])
{
	char tmp[16];
	int n;

	if (g->cp < 0)
		n = snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)(unsigned char)s[0]);
	else if (g->cp < 0x20)
		n = snprintf(tmp, sizeof tmp, "^%c", (char)(g->cp + '@'));
	else if (g->cp == 0x7F)
		n = snprintf(tmp, sizeof tmp, "^?");
	else
		n = snprintf(tmp, sizeof tmp, "<U+%04X>", (unsigned)g->cp);
	if (n < 0)
		n = 0;
	if (n > RL_ESCAPE_MAX)
		n = RL_ESCAPE_MAX;
	memcpy(buf, tmp, (size_t)n);
	return (size_t)n;
}

/* ASCII look-alikes for common typography: the quotes and dashes that typography folding makes
 * ASCII (fold.h, one table), then bullets, the ellipsis and spaces. */
static char ascii_lookalike(int32_t cp)
{
	int32_t folded = rl_fold_typography(cp);
	if (folded != cp)
		return (char)folded;  /* always ASCII */
	switch (cp) {
	case 0x2022: case 0x2023: case 0x25E6: case 0x2043: case 0x2219:
		return '*';
	case 0x2026:
		return '.';
	case 0xA0: case 0x2009: case 0x202F: case 0x2007: case 0x2008: case 0x200A:
		return ' ';
	default:
		return '?';
	}
}

size_t rl_grapheme_ascii(const rl_grapheme *g, char buf[RL_ESCAPE_MAX])
{
	size_t w = g->width > RL_ESCAPE_MAX ? RL_ESCAPE_MAX : g->width;

	if (w == 0)
		return 0;
	if (g->cp >= 0 && g->cp < 0x80) {
		buf[0] = (char)g->cp;
		return 1;
	}
	buf[0] = ascii_lookalike(g->cp);
	for (size_t i = 1; i < w; i++)
		buf[i] = buf[0] == '?' ? '?' : ' ';
	return w;
}

size_t rl_text_width(const char *s, size_t n)
{
	size_t w = 0, pos = 0;

	while (pos < n) {
		rl_grapheme g;
		rl_grapheme_next(s + pos, n - pos, &g);
		w += g.width;
		pos += g.len;
	}
	return w;
}
