/* docxsym.c: Word writes a symbol inserted from a symbol font (Insert > Symbol: a Greek letter
 * from Symbol, a tick from Wingdings) as w:sym, a font and the character's code in that font
 * (F0xx: the font's byte xx in the private use area), not as text. Read as its Unicode
 * character, a tick changed to a cross, or "5 °C" to "5 ±C", is a change of the text as it
 * reads. A symbol of a font not known here is its code point as Word stores it (U+F0xx), so
 * that the same symbol is the same word on both sides and another one differs.
 *
 * Four more symbol fonts (stop 25): Zapf Dingbats is read whole, by the rule of Unicode's own
 * mapping (Unicode's VENDORS/ADOBE/zdingbat.txt; Tcl's dingbats.enc agrees): the Dingbats block
 * is that font's layout, but for the glyphs Unicode had already encoded elsewhere. Of Wingdings 2,
 * Wingdings 3 and Webdings, the glyphs of checklists and bullets are read (ticks, crosses, boxes,
 * circles, squares, triangles, circled numbers), as Unicode 7 encoded those fonts (checked on
 * the public table of github.com/mwilliamson/dingbat-to-unicode); their other glyphs, pictures
 * (a pencil, a clock face, a bicycle), are decorations and are not read.
 *
 * Symbol and Wingdings (stop 26), whose unknown codes were still U+F0xx: Symbol is read whole by
 * the same public table (Adobe's Symbol encoding: arrows, set and logic signs, card suits, ®, ©,
 * ™, €), but for the pieces a tall bracket, integral or radical is drawn from, which are no
 * character of the text; Wingdings gains its faces, hands, stars and circled numbers, and its
 * other glyphs (a mailbox, an aeroplane, a clock face) are decorations, as in the fonts above. */
#include "docxsym.h"

#include <stdlib.h>
#include <string.h>

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
	{0xDE, 0x21D2}, {0xE5, 0x2211}, {0xF2, 0x222B},
	/* Stop 26: the rest of the font (the table cited above), where it is a character. */
	{0xA0, 0x20AC}, {0xA1, 0x03D2}, {0xA4, 0x2044}, {0xA6, 0x0192}, {0xA7, 0x2663},
	{0xA8, 0x2666}, {0xA9, 0x2665}, {0xAA, 0x2660}, {0xAB, 0x2194}, {0xBF, 0x21B5},
	{0xC0, 0x2135}, {0xC1, 0x2111}, {0xC2, 0x211C}, {0xC3, 0x2118}, {0xC4, 0x2297},
	{0xC5, 0x2295}, {0xC6, 0x2205}, {0xC9, 0x2283}, {0xCA, 0x2287}, {0xCB, 0x2284},
	{0xCC, 0x2282}, {0xCD, 0x2286}, {0xCF, 0x2209}, {0xD0, 0x2220}, {0xD2, 0x00AE},
	{0xD3, 0x00A9}, {0xD4, 0x2122}, {0xD5, 0x220F}, {0xD8, 0x00AC}, {0xD9, 0x2227},
	{0xDA, 0x2228}, {0xDB, 0x21D4}, {0xDC, 0x21D0}, {0xDD, 0x21D1}, {0xDF, 0x21D3},
	{0xE0, 0x25CA}, {0xE1, 0x3008}, {0xE2, 0x00AE}, {0xE3, 0x00A9}, {0xE4, 0x2122},
	{0xF1, 0x3009}};

typedef struct {
	unsigned char byte;
	unsigned cp;
} wide_glyph;

/* Wingdings: the ticks, crosses, boxes and bullets of checklists and Word's bullet library;
 * since stop 26 its faces, hands, stars and circled numbers too (the table cited above). */
static const wide_glyph wingdings[] = {
	{0x6F, 0x25A1},  {0x6E, 0x25A0},  {0x76, 0x2756}, {0x9F, 0x2022}, {0xA7, 0x25AA},
	{0xA8, 0x25FB},  {0xD8, 0x27A2},  {0xFB, 0x2717}, {0xFC, 0x2713}, {0xFD, 0x2612},
	{0xFE, 0x2611},  {0x43, 0x1F44D}, {0x44, 0x1F44E}, {0x45, 0x261C}, {0x46, 0x261E},
	{0x47, 0x261D},  {0x48, 0x261F},  {0x4A, 0x263A}, {0x4B, 0x1F610}, {0x4C, 0x2639},
	{0x6C, 0x26AB},  {0x71, 0x2751},  {0x72, 0x2752}, {0x75, 0x25C6}, {0x77, 0x2B29},
	{0x9E, 0x2219},  {0xAB, 0x2605},  {0xB5, 0x272A}, {0xB6, 0x2730}, {0x80, 0x1F10B},
	{0x8B, 0x1F10C}};

static unsigned find(const glyph *t, size_t n, unsigned byte)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].byte == byte)
			return t[i].cp;
	return 0;
}

static unsigned wingdings_char(unsigned byte)
{
	if (byte >= 0x81 && byte <= 0x8A)
		return 0x2780 + (byte - 0x81);  /* circled digits one to ten */
	if (byte >= 0x8C && byte <= 0x95)
		return 0x278A + (byte - 0x8C);  /* the same, white on black */
	for (size_t i = 0; i < sizeof wingdings / sizeof *wingdings; i++)
		if (wingdings[i].byte == byte)
			return wingdings[i].cp;
	return 0;
}

/* Wingdings 2: ticks, crosses and boxes of checklists, bullets, circled numbers (ranges below). */
static const struct {
	unsigned char byte;
	unsigned cp;
} wingdings2[] = {
	{0x4F, 0x1F5F4}, {0x50, 0x1F5F8}, {0x51, 0x1F5F5}, {0x52, 0x2611}, {0x53, 0x2BBD},
	{0x54, 0x2612},  {0x55, 0x2BBE},  {0x56, 0x2BBF},  {0x97, 0x2981}, {0x98, 0x25CF},
	{0x99, 0x25CB},  {0x9D, 0x2299},  {0xA1, 0x25FE},  {0xA2, 0x25A0}, {0xA3, 0x25A1},
	{0xA8, 0x25A3},  {0xAF, 0x25C7},  {0xB1, 0x25C8},  {0xB8, 0x25CA}};

/* Wingdings 3: the four plain arrows and the triangles used as bullets. */
static const glyph wingdings3[] = {
	{0x21, 0x2B60}, {0x22, 0x2B62}, {0x23, 0x2B61}, {0x24, 0x2B63}, {0x70, 0x25B2},
	{0x71, 0x25BC}, {0x72, 0x25B3}, {0x73, 0x25BD}, {0x74, 0x25C0}, {0x75, 0x25B6},
	{0x76, 0x25C1}, {0x77, 0x25B7}, {0x78, 0x25E3}, {0x79, 0x25E2}, {0x7A, 0x25E4},
	{0x7B, 0x25E5}};

/* Webdings: its tick and cross, boxes, a disc, a question mark, the four media triangles. */
static const struct {
	unsigned char byte;
	unsigned cp;
} webdings[] = {
	{0x33, 0x23F4}, {0x34, 0x23F5}, {0x35, 0x23F6}, {0x36, 0x23F7}, {0x61, 0x2714},
	{0x63, 0x2B1C}, {0x67, 0x2B1B}, {0x6E, 0x2B24}, {0x72, 0x1F5D9}, {0x73, 0x2753}};

static unsigned wingdings2_char(unsigned byte)
{
	if (byte >= 0x6A && byte <= 0x73)
		return 0x2460 + (byte - 0x6A);  /* circled digits one to ten */
	if (byte >= 0x75 && byte <= 0x7E)
		return 0x2776 + (byte - 0x75);  /* the same, white on black */
	for (size_t i = 0; i < sizeof wingdings2 / sizeof *wingdings2; i++)
		if (wingdings2[i].byte == byte)
			return wingdings2[i].cp;
	return 0;
}

static unsigned webdings_char(unsigned byte)
{
	for (size_t i = 0; i < sizeof webdings / sizeof *webdings; i++)
		if (webdings[i].byte == byte)
			return webdings[i].cp;
	return 0;
}

/* Zapf Dingbats: byte b is U+2700 + (b - 0x20) below 0x7F, U+2760 + (b - 0xA0) above 0xA0, but
 * for the glyphs Unicode encoded before the Dingbats block (a telephone, pointing hands, a star,
 * geometric shapes, card suits, circled digits, three arrows); 0xF0 and the brackets at
 * 0x80-0x8D are not read. */
static unsigned zapf_char(unsigned byte)
{
	static const glyph before[] = {
		{0x25, 0x260E}, {0x2A, 0x261B}, {0x2B, 0x261E}, {0x48, 0x2605}, {0x6C, 0x25CF},
		{0x6E, 0x25A0}, {0x73, 0x25B2}, {0x74, 0x25BC}, {0x75, 0x25C6}, {0x77, 0x25D7},
		{0xA8, 0x2663}, {0xA9, 0x2666}, {0xAA, 0x2665}, {0xAB, 0x2660}, {0xD5, 0x2192},
		{0xD6, 0x2194}, {0xD7, 0x2195}};
	unsigned cp = find(before, sizeof before / sizeof *before, byte);
	if (cp)
		return cp;
	if (byte >= 0xAC && byte <= 0xB5)
		return 0x2460 + (byte - 0xAC);
	if (byte >= 0x21 && byte <= 0x7E)
		return 0x2700 + (byte - 0x20);
	if (byte >= 0xA1 && byte <= 0xFE && byte != 0xF0)
		return 0x2760 + (byte - 0xA0);
	return 0;
}

typedef enum { FONT_OTHER, FONT_SYMBOL, FONT_WINGDINGS, FONT_WINGDINGS2, FONT_WINGDINGS3,
	       FONT_WEBDINGS, FONT_ZAPF } sym_font;

/* The font by its name, without case or spaces ("Wingdings 2", "ITC Zapf Dingbats"). */
static sym_font font_of(const char *font)
{
	static const struct {
		const char *name;
		sym_font f;
	} names[] = {{"symbol", FONT_SYMBOL},         {"wingdings", FONT_WINGDINGS},
	             {"wingdings2", FONT_WINGDINGS2}, {"wingdings3", FONT_WINGDINGS3},
	             {"webdings", FONT_WEBDINGS},     {"zapfdingbats", FONT_ZAPF},
	             {"itczapfdingbats", FONT_ZAPF}};
	char key[32];
	size_t n = 0;
	for (const char *s = font; s && *s && n + 1 < sizeof key; s++)
		if (*s != ' ' && *s != '-')
			key[n++] = (char)(*s >= 'A' && *s <= 'Z' ? *s | 0x20 : *s);
	key[n] = '\0';
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(key, names[i].name))
			return names[i].f;
	return FONT_OTHER;
}

static unsigned symbol_char(unsigned byte)
{
	if (byte >= 'A' && byte <= 'Z')
		return greek_upper[byte - 'A'];
	if (byte >= 'a' && byte <= 'z')
		return greek_lower[byte - 'a'];
	unsigned cp = find(symbol_font, sizeof symbol_font / sizeof *symbol_font, byte);
	/* 0x60, the radical's extender, is a piece of a drawn formula, as are the pieces of tall
	 * brackets and integrals (0xBD, 0xBE, 0xE6-0xEF, 0xF3-0xFE): left at 0, not read. */
	return cp ? cp : byte < 0x7F && byte != 0x60 ? byte : 0;
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
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* The character of byte in font, or 0 when the table does not know it. */
static unsigned font_char(sym_font f, unsigned byte)
{
	switch (f) {
	case FONT_SYMBOL:
		return symbol_char(byte);
	case FONT_WINGDINGS:
		return wingdings_char(byte);
	case FONT_WINGDINGS2:
		return wingdings2_char(byte);
	case FONT_WINGDINGS3:
		return find(wingdings3, sizeof wingdings3 / sizeof *wingdings3, byte);
	case FONT_WEBDINGS:
		return webdings_char(byte);
	case FONT_ZAPF:
		return zapf_char(byte);
	default:
		return 0;
	}
}

size_t rl_docx_sym(const char *font, const char *code, char *out)
{
	char *end;
	unsigned long v = code ? strtoul(code, &end, 16) : 0;
	if (!code || !*code || *end || v == 0 || v > 0xFFFF || (v >= 0xD800 && v < 0xE000))
		return 0;
	/* A symbol font's byte, written F0xx (or xx). */
	unsigned byte = v <= 0xFF ? (unsigned)v : v >= 0xF000 && v <= 0xF0FF ? (unsigned)v - 0xF000 : 0;
	if ((byte && byte < 0x20) || v < 0x20)
		return 0;  /* a control character draws nothing */
	sym_font f = byte ? font_of(font) : FONT_OTHER;
	unsigned cp = byte == 0x20 && f != FONT_OTHER ? ' ' : byte ? font_char(f, byte) : 0;
	if (!cp && f != FONT_OTHER)
		return 0;  /* a picture or a formula's piece of a symbol font: a decoration, not read */
	if (!cp)
		cp = byte ? 0xF000 + byte : (unsigned)v;
	return utf8(cp, out);
}
