/* docxsym.c: Word writes a symbol inserted from a symbol font (Insert > Symbol: a Greek letter
 * from Symbol, a tick from Wingdings) as w:sym, a font and the character's code in that font
 * (F0xx: the font's byte xx in the private use area), not as text. Read as its Unicode
 * character, a tick changed to a cross, or "5 °C" to "5 ±C", is a change of the text as it
 * reads; a symbol this table does not know is its code point as Word stores it (U+F0xx), so
 * that the same symbol is the same word on both sides and another one differs. */
#include "docxsym.h"

#include <stdlib.h>
#include <strings.h>

/* Symbol's Greek letters, from 'A' to 'Z' and from 'a' to 'z' (Adobe's Symbol encoding). */
static const unsigned short greek_upper[26] = {
	0x391, 0x392, 0x3A7, 0x394, 0x395, 0x3A6, 0x393, 0x397, 0x399, 0x3D1, 0x39A, 0x39B, 0x39C,
	0x39D, 0x39F, 0x3A0, 0x398, 0x3A1, 0x3A3, 0x3A4, 0x3A5, 0x3C2, 0x3A9, 0x39E, 0x3A8, 0x396};
static const unsigned short greek_lower[26] = {
	0x3B1, 0x3B2, 0x3C7, 0x3B4, 0x3B5, 0x3C6, 0x3B3, 0x3B7, 0x3B9, 0x3D5, 0x3BA, 0x3BB, 0x3BC,
	0x3BD, 0x3BF, 0x3C0, 0x3B8, 0x3C1, 0x3C3, 0x3C4, 0x3C5, 0x3D6, 0x3C9, 0x3BE, 0x3C8, 0x3B6};

typedef struct {
	unsigned char byte;
	unsigned short cp;
} glyph;

/* Symbol's other characters a document uses, where they are not ASCII's. */
static const glyph symbol_font[] = {
	{0x22, 0x2200}, {0x24, 0x2203}, {0x27, 0x220B}, {0x2A, 0x2217}, {0x2D, 0x2212},
	{0x40, 0x2245}, {0x5C, 0x2234}, {0x5E, 0x22A5}, {0x7E, 0x223C}, {0xA2, 0x2032},
	{0xA3, 0x2264}, {0xA5, 0x221E}, {0xAC, 0x2190}, {0xAD, 0x2191}, {0xAE, 0x2192},
	{0xAF, 0x2193}, {0xB0, 0x00B0}, {0xB1, 0x00B1}, {0xB2, 0x2033}, {0xB3, 0x2265},
	{0xB4, 0x00D7}, {0xB5, 0x221D}, {0xB6, 0x2202}, {0xB7, 0x2022}, {0xB8, 0x00F7},
	{0xB9, 0x2260}, {0xBA, 0x2261}, {0xBB, 0x2248}, {0xBC, 0x2026}, {0xC7, 0x2229},
	{0xC8, 0x222A}, {0xCE, 0x2208}, {0xD1, 0x2207}, {0xD6, 0x221A}, {0xD7, 0x22C5},
	{0xDE, 0x21D2}, {0xE5, 0x2211}, {0xF2, 0x222B}};

/* Wingdings: the ticks, crosses, boxes and bullets of checklists and Word's bullet library. */
static const glyph wingdings[] = {
	{0x6F, 0x25A1}, {0x6E, 0x25A0}, {0x76, 0x2756}, {0x9F, 0x2022}, {0xA7, 0x25AA},
	{0xA8, 0x25FB}, {0xD8, 0x27A2}, {0xFB, 0x2717}, {0xFC, 0x2713}, {0xFD, 0x2612},
	{0xFE, 0x2611}};

static unsigned find(const glyph *t, size_t n, unsigned byte)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].byte == byte)
			return t[i].cp;
	return 0;
}

static unsigned symbol_char(unsigned byte)
{
	if (byte >= 'A' && byte <= 'Z')
		return greek_upper[byte - 'A'];
	if (byte >= 'a' && byte <= 'z')
		return greek_lower[byte - 'a'];
	unsigned cp = find(symbol_font, sizeof symbol_font / sizeof *symbol_font, byte);
	return cp ? cp : byte < 0x7F ? byte : 0;
}

static size_t utf8(unsigned cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	out[0] = (char)(0xE0 | cp >> 12);
	out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

size_t rl_docx_sym(const char *font, const char *code, char *out)
{
	char *end;
	unsigned long v = code ? strtoul(code, &end, 16) : 0;
	if (!code || !*code || *end || v == 0 || v > 0xFFFF || (v >= 0xD800 && v < 0xE000))
		return 0;
	/* A symbol font's byte, written F0xx (or xx). */
	unsigned byte = v <= 0xFF ? (unsigned)v : v >= 0xF000 && v <= 0xF0FF ? (unsigned)v - 0xF000 : 0;
	unsigned cp = 0;
	if ((byte && byte < 0x20) || v < 0x20)
		return 0;  /* a control character draws nothing */
	if (byte >= 0x20 && font && !strcasecmp(font, "Symbol"))
		cp = symbol_char(byte);
	else if (byte >= 0x20 && font && !strcasecmp(font, "Wingdings"))
		cp = find(wingdings, sizeof wingdings / sizeof *wingdings, byte);
	if (!cp)
		cp = byte ? 0xF000 + byte : (unsigned)v;
	return utf8(cp, out);
}
