#!/usr/bin/env python3
"""Write the small hostile inputs of tests/hostile/ (run it after editing; commit the .txt files).

Each file is a short text of our own carrying one kind of hostile content. The large hostile
inputs (a 10 MB line, 100,000 paragraphs, a 1 MB word) are never committed: the test writes them
into the build directory when it runs (tests/cli/test_hostile.c)."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ESC, BEL, ST = "\x1b", "\x07", "\x1b\\"

FILES = {
    # Terminal control sequences
    "osc-title.txt": f"The title {ESC}]0;pwned by a document{BEL} and {ESC}]2;also pwned{ST} end.\n"
                     f"Icon {ESC}]1;icon{BEL} and a hyperlink {ESC}]8;;http://example.invalid{ST}here"
                     f"{ESC}]8;;{ST}.\n",
    "osc-clipboard.txt": f"Copy this {ESC}]52;c;ZWNobyBwd25lZA=={BEL} into the clipboard, "
                         f"and this {ESC}]52;p;?{ST} out of it.\n",
    "csi-screen.txt": f"Clear {ESC}[2J{ESC}[3J{ESC}[H home, move {ESC}[10;20H there, up {ESC}[5A, "
                      f"erase {ESC}[K, scroll {ESC}[1;5r, {ESC}[?1049h alternate screen, "
                      f"{ESC}[?25l hidden cursor, {ESC}[31;1mred{ESC}[0m, {ESC}c reset, "
                      f"{ESC}7save{ESC}8 restore, report {ESC}[6n, title {ESC}[21t.\n",
    "dcs-apc-pm.txt": f"Device control {ESC}P1$qm{ST}, APC {ESC}_payload{ST}, PM {ESC}^privacy{ST}, "
                      f"SOS {ESC}Xstring{ST} and a bare ESC {ESC} at the end {ESC}",
    "controls.txt": "".join(chr(c) for c in range(0x20)) + " all C0 controls, then DEL \x7f, "
                    "backspace over\x08\x08\x08text, bell\x07, vertical\x0btab.\n",
    # C1 controls: raw bytes (invalid UTF-8) and encoded (U+0080..U+009F)
    "c1-encoded.txt": "Encoded C1: CSI \u009b2J, OSC \u009d0;title\u009c, NEL \u0085, "
                      "all: " + "".join(chr(c) for c in range(0x80, 0xA0)) + ".\n",
    # Bidirectional controls and invisible characters
    "bidi-controls.txt": "Override \u202etxet desrever\u202c, embed \u202aLTR\u202c \u202bRTL\u202c "
                         "\u202dLRO\u202c, isolates \u2066LRI\u2069 \u2067RLI\u2069 \u2068FSI\u2069, "
                         "marks \u200eLRM \u200fRLM \u061cALM.\n"
                         "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 mixed with "
                         "English \u202e)evil(\u202c.\n",
    "zero-width.txt": "Zero\u200bwidth space, non\u200cjoiner, joiner\u200dhere, word\u2060joiner, "
                      "BOM\ufeffinside, soft\u00adhyphen, family "
                      "\U0001F468\u200d\U0001F469\u200d\U0001F467, flag \U0001F1EB\U0001F1F7, "
                      "\u200d lone joiner, e\u0301 and \u0301 lone accent, "
                      "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035a" * 3 + ".\n",
    "widest-escapes.txt": "Noncharacters \U0010ffff \U0010fffe \ufffe \uffff, private use "
                          "\U000f0000 \ue000, tags \U000e0041\U000e0042, variation \ufe0f alone.\n",
    # Line structure
    "cr-only.txt": "Old Mac line ends.\rSecond line of it.\r\rA paragraph after a blank line.\r",
    "crlf.txt": "Windows line ends.\r\nSecond line of it.\r\n\r\nA paragraph after a blank line.\r\n",
    "mixed-line-ends.txt": "LF\nCRLF\r\nCR\rNEL\u0085LS\u2028PS\u2029FF\x0cVT\x0bend",
    "bom.txt": "\ufeffA UTF-8 byte-order mark opens this file.\n",
    "whitespace-only.txt": " \t \n\n\t\t   \r\n \u00a0\u2009\u3000 \n",
    "empty.txt": "",
    "no-final-newline.txt": "One line without a final newline",
    # Quotation
    "nested-quotes.txt": "He said \u201cshe said \u2018they said \u201cwe said \u2018no\u2019\u201d\u2019\u201d"
                         " and \"" * 1 + "a \"b 'c \"d 'e \"f 'g\"' \"' \"' end\"" + "\n"
                         + "\u201c" * 200 + "deep" + "\u201d" * 200 + "\n" + "\u00ab" * 100
                         + "guillemets" + "\u00bb" * 100 + "\n",
    "unbalanced-quotes.txt": "\u201cOpened and never closed. \u2018Single too. \"Straight, "
                             "'and straight. Closed twice\u201d\u201d\u2019\u2019\"\" here.\n"
                             "\u00bbReversed guillemets\u00ab and \u201eGerman\u201c style.\n",
    # Scripts and widths
    "wide-and-rtl.txt": "\u4e2d\u6587\u6bd4\u8f83\u7684\u7ed3\u679c\u3002\u65e5\u672c\u8a9e"
                        "\u306e\u6587\u7ae0\u3002\uff26\uff55\uff4c\uff4c\uff57\uff49\uff44\uff54"
                        "\uff48 \u0e20\u0e32\u0e29\u0e32\u0e44\u0e17\u0e22 "
                        "\u05e2\u05d1\u05e8\u05d9\u05ea \u0627\u0644\u0639\u0631\u0628\u064a\u0629\n",
    # Documents (read as documents whatever their name: the format is told from the content)
    "html-script.txt": "<!DOCTYPE html><html><head><script>document.write('SCRIPT-TEXT-MUST-NOT-"
                       "APPEAR')</script><style>body { content: 'STYLE-TEXT-MUST-NOT-APPEAR' }</style>"
                       "</head><body><p>A page whose code must not be read as its text.</p>"
                       "<script>alert('SCRIPT-TEXT-MUST-NOT-APPEAR')</script><noscript>"
                       "NOSCRIPT-TEXT</noscript></body></html>\n",
    "html-truncated.txt": "<!DOCTYPE html>\n<html><body><h1>Cut short</h1><p>The page stops in "
                          "the middle of <a href=\"http://example.invalid/a?b=",
    "html-escapes.txt": f"<!DOCTYPE html><html><body><p>References to controls: &#27;]0;pwned&#7; "
                        f"&#x1b;[2J &#155;2J &#x9d;0;t&#x9c; &#0; &#xD800; &#x110000; &bogus; and "
                        f"a raw {ESC}]2;raw title{BEL} in the text.</p><p title=\"{ESC}[31m\">"
                        f"attribute</p><pre>{ESC}[?1049h pre</pre></body></html>\n",
    "html-tag-soup.txt": "<!doctype html><table><tr><td><p>unclosed <b>bold <i>both</b> end</i>"
                         "<li>stray item</table></td><div></span></p><blockquote>open"
                         "<blockquote>nested</p><h1>heading in a quote<ul><li>" * 20 + "\n",
    "markdown-hostile.txt": f"# Heading with {ESC}]0;a title{BEL} in it\n\nA [link](javascript:x) "
                            f"and **strong** text, `code {ESC}[2J span`, [unclosed(\n\n"
                            + ">" * 3000 + " deep quote\n\n" + "- " * 2000 + "deep list\n\n"
                            + f"```\n{ESC}[31mfenced{ESC}[0m\n",
}

# Raw bytes: invalid UTF-8 of every class, NUL bytes, UTF-16.
RAW = {
    "c1-raw.txt": b"Raw C1 bytes: CSI \x9b2J, OSC \x9d0;title\x9c, NEL \x85, all: "
                  + bytes(range(0x80, 0xA0)) + b".\n",
    "invalid-overlong.txt": b"Overlong slash \xc0\xaf \xe0\x80\xaf \xf0\x80\x80\xaf, overlong NUL "
                            b"\xc0\x80, overlong ESC \xc0\x9b[2J, \xc1\xbf.\n",
    "invalid-surrogates.txt": b"Surrogates \xed\xa0\x80 \xed\xbf\xbf \xed\xa0\xbd\xed\xb8\x80 "
                              b"(a CESU-8 pair), beyond U+10FFFF \xf4\x90\x80\x80 \xf7\xbf\xbf\xbf.\n",
    "invalid-truncated.txt": b"Truncated \xe2\x82 euro, \xf0\x9f\x98 face, \xc3 e-acute, "
                             b"at the very end \xe2\x80",
    "invalid-stray.txt": b"Stray continuation \x80\x81\xbf, bytes never in UTF-8 \xf5\xf8\xfc\xfe\xff, "
                         b"Latin-1 caf\xe9 na\xefve \xabquoted\xbb.\n",
    "nul-bytes.txt": b"NUL\x00inside\x00\x00a text line.\nAnd \x00 again.\n",
    "utf16le.txt": "UTF-16 text with a BOM.\n".encode("utf-16"),
    "html-invalid-bytes.txt": b"<!DOCTYPE html><html><body><p>Invalid \xff\xfe bytes, Latin-1 "
                              b"caf\xe9, a stray \x80 and a cut \xe2\x82</p><p>\xc0\xaf end</p>"
                              b"</body></html>\n",
}


def main():
    for name, text in FILES.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(text.encode("utf-8"))
    for name, data in RAW.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
