#!/usr/bin/env python3
"""Write the fuzzers' seed corpus into tests/fuzz/corpus/<harness>/ (run it after editing).

Small texts of our own, ordinary and hostile. The tokenizer takes one text; the other harnesses
take a header (option bits, a parameter, a 16-bit split point) and two texts (fuzz_input.h)."""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))

TEXTS = {
    "prose": b"The harbor board voted 5-2 on Monday to sell the old light.\n",
    "wrapped": b"Keepers lived at the point until 1962,\nwhen the lamp was automated and the\n"
               b"house shut.\n\nA second paragraph, short.\n",
    "list": b"Findings:\n- the roof leaks\n- the lens is cracked\n1. first\n2) second\n",
    "numbers": b"U.S. officials said 3.5% of $1,000 at 10:30 e.g. Meta\xe2\x80\x99s open-source plan.",
    "typography": b"\xe2\x80\x9cQuoted,\xe2\x80\x9d she said \xe2\x80\x94 then -- and ... and \xe2\x80\xa6",
    "quotes": b"He said \"she said 'they said \"no\" twice' once\" and left. \"Unbalanced 'quote",
    "cjk": "\u4e2d\u6587\u6bd4\u8f83\u7684\u7ed3\u679c\u3002\u65e5\u672c\u8a9e\u306e\u6587\u3002".encode(),
    "rtl": "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 mixed".encode(),
    "emoji": "we \U0001F468\u200d\U0001F469\u200d\U0001F467 met \U0001F1EB\U0001F1F7 cafe\u0301".encode(),
    "osc": b"Title \x1b]0;pwned\x07 and \x1b]2;x\x1b\\ and \x1b]52;c;ZXZpbA==\x07 end",
    "csi": b"clear \x1b[2J\x1b[H\x1b[31mred\x1b[0m \x1b[10;10H moved",
    "c1": b"raw \x9b31m \x85 encoded \xc2\x9b31m \xc2\x85 \xc2\x90",
    "bidi": "a \u202eevil\u202c b \u2066iso\u2069 c \u200f d \u061c".encode(),
    "zero_width": "zero\u200bwidth\u200cjoin\u200dend \ufeffbom \u00adsoft".encode(),
    "invalid": b"over \xc0\xaf \xe0\x80\xaf \xf0\x80\x80\xaf surr \xed\xa0\x80 trunc \xe2\x82 \xf0\x9f "
               b"stray \x80\xbf high \xf5\xff\xfe",
    "nul": b"nul\x00byte\x00\x00 end",
    "cr_only": b"line one\rline two\r\rpara\r",
    "crlf": b"line one\r\nline two\r\n\r\npara\r\n",
    "bom": b"\xef\xbb\xbfStarts with a BOM.",
    "whitespace": b" \t\n \r\n\x0c\xc2\xa0\xe2\x80\xa8\xe2\x80\xa9\xe3\x80\x80 ",
    "empty": b"",
    "nested": b"\"" * 40 + b"deep" + b"\"" * 40 + b" (((([[[[{{{{x}}}}]]]])))) \xc2\xab\xc2\xbb",
    "long_word": b"x" * 600 + b" tail " + "\u4e2d".encode() * 100,
    "controls": bytes(range(0, 32)) + b"\x7f",
    "dashes": b"a--b---c - d \xe2\x80\x93 e ..... f .",
    "thai": "ฉันชอบกินข้าวผัดกับไข่ดาวทุกวัน".encode(),
    "thai2": "ฉันชอบกินก๋วยเตี๋ยว แต่น้องชอบชาเย็น".encode(),
    "lao": "ຂ້ອຍມັກກິນເຂົ້າຈີ່".encode(),
    "khmer": "ខ្ញុំចូលចិត្តអានសៀវភៅ".encode(),
    "myanmar": "ကျွန်တော်စာအုပ်ဖတ်တာကြိုက်တယ်".encode(),
}

# Pairs for the two-text harnesses: (flags, param, OLD, NEW).
PAIRS = [
    (0, 80, TEXTS["prose"], b"The harbour council voted 5-2 on Monday to sell the old lighthouse.\n"),
    (0x10, 40, TEXTS["wrapped"], TEXTS["wrapped"].replace(b"\n", b" ")),
    (0x01, 9, TEXTS["list"], b"findings:\n\n- The roof leaks\n- the lens\n"),
    (0x02, 23, TEXTS["numbers"], b"US officials said 3.5 percent of $1000 at 10:30"),
    (0x08, 120, TEXTS["typography"], b"\"Quoted,\" she said -- then - and ... and ..."),
    (0x04, 60, "\ufb01ne \uff21\uff22".encode(), b"fine AB"),
    (0x20, 1, TEXTS["osc"], TEXTS["csi"]),
    (0x40, 30, TEXTS["c1"], TEXTS["bidi"]),
    (0x60, 200, TEXTS["invalid"], TEXTS["nul"]),
    (0x80, 10, TEXTS["cr_only"], TEXTS["crlf"]),
    (0x00, 255, TEXTS["bom"], TEXTS["whitespace"]),
    (0x10, 3, TEXTS["empty"], TEXTS["prose"]),
    (0x00, 17, TEXTS["nested"], TEXTS["quotes"]),
    (0x30, 12, TEXTS["long_word"], TEXTS["long_word"][300:]),
    (0x02, 50, TEXTS["cjk"], TEXTS["cjk"][::-1][3:].decode("utf-8", "ignore").encode()),
    (0x00, 44, TEXTS["emoji"], TEXTS["zero_width"]),
    (0x80, 7, b"a b a b a b a b c", b"b a b a b a b a c"),
    (0x00, 2, b"x y z " * 30, b"z y x " * 30),
    (0x10, 99, TEXTS["controls"], TEXTS["dashes"]),
    (0x00, 70, TEXTS["rtl"], TEXTS["rtl"] + b" more"),
    # Scripts without spaces, under the harness's word breaker (parameter bits 3-5: its mode,
    # fuzz_input.h): Thai, Lao, Khmer, Myanmar, with the marks that a break inside a grapheme hits.
    (0x00, 1 << 3 | 2, TEXTS["thai"], TEXTS["thai2"]),
    (0x10, 2 << 3 | 5, TEXTS["thai"], TEXTS["thai2"].replace(" ".encode(), b"")),
    (0x00, 3 << 3 | 1, TEXTS["lao"], TEXTS["lao"][:-6] + "ສະບາຍ".encode()),
    (0x02, 5 << 3 | 4, TEXTS["thai"] + b" " + TEXTS["khmer"], TEXTS["khmer"] + b" " + TEXTS["thai2"]),
    (0x80, 6 << 3 | 0x80 | 3, TEXTS["myanmar"], TEXTS["myanmar"][:20] + TEXTS["thai"]),
    (0x00, 7 << 3 | 6, TEXTS["thai2"] + TEXTS["lao"], TEXTS["lao"] + TEXTS["thai"]),
    (0x01, 4 << 3 | 7, TEXTS["khmer"] + b"\n\n" + TEXTS["thai"], TEXTS["thai"] * 3),
]

# Documents for fuzz_doc: (format byte, limit byte, bytes). Format: bits 0-2 auto, text, html,
# markdown, docx, odt, epub, pdf; bit 3 no reader mode; bit 4 --body.
DOCS = {
    "page": (0, 0, b"<!DOCTYPE html><html><head><script>x()</script></head><body><nav>Home</nav>"
                   b"<article><h1>Title</h1><p>A paragraph of prose, long enough to count.</p>"
                   b"<blockquote><p>Quoted.</p></blockquote><ul><li>one</li></ul><ol><li>two</li>"
                   b"</ol><table><tr><td>a</td></tr></table><pre>x  y</pre></article>"
                   b"<footer>Copyright \xc2\xa9</footer></body></html>"),
    "page_all": (8 | 16, 0, b"<html><body><p hidden>h</p><p style='display:none'>n</p>a<br>b"
                           b"&amp;&#27;&#x9b;&bogus;</body></html>"),
    "soup": (2, 0, b"<table><tr><td><p>unclosed <b>bold <i>both</b> end</i><li>stray</table>"
                   b"</td><div></span></p><blockquote>open<blockquote>nested"),
    "truncated": (2, 1, b"<!DOCTYPE html><p>Cut <a href=\"http://exa"),
    "deep": (2, 0, b"<html><body>" + b"<div>" * 300 + b"deep"),
    "markdown": (3, 0, b"# Head\n\nSome *em* and **strong** [link](http://x) `code`.\n\n"
                       b"- a\n- b\n\n1. c\n\n> quote\n\n```\nfenced\n```\n<div>html</div>\n"),
    "markdown_deep": (3 | 16, 2, b">" * 500 + b" q\n" + b"- " * 300 + b"x\n"),
    # stop 23: front matter, footnote marks and notes, a note's label in code, a TOML block cut
    "markdown_notes": (3, 0, b"---\ntitle: \"T\"\ndate: 2024\n---\n# H\n\nA[^1] *b*[^x-2] `c[^1]`.\n"
                             b"<!-- c -->\n\n[^1]: One.\n[^x-2]: Two\n    more.\n[^]: [^\n"),
    "markdown_toml": (0, 0, b"+++\ntitle = \"T\"\n\n# Head\n\n[a](b) and **c**[^1]\n"),
    # stop 25: front matter titles (quoted, block, escapes; one a heading repeats), notes
    # gathered at the end (defined first, twice, never referred to, in a list, in code, one word)
    "markdown_title": (3, 0, b"---\ntitle: >\n  A *t*\n  \\u00e9\nseo:\n  title: x\n---\n"
                             b"<!-- c -->\n# A t \xc3\xa9\n\nText.\n"),
    "markdown_title_toml": (3, 1, b"+++\ntitle = '''two\nlines'''\n+++\nA \"\\u12\"\n"),
    "markdown_gathered": (3, 0, b"[^z]: First.\n\nA[^b] *b*[^A] c[^a].\n\n[^a]: *One* of\n"
                                b"[^A]: two.\n\n- i[^n]\n\n  [^n]: In.\n\n```\n[^b]: c\n```\n"
                                b"[^b]: Word.\n\n[^b]: Again.\n[^]: [^\n"),
    # stop 27: a note of paragraphs (indented four columns, a tab, a lazy line, code, a fence,
    # a list, a heading ending it, a definition in a fence with indented lines under it)
    "markdown_note_paragraphs": (3, 0, b"A[^a] b[^b].\n\n[^a]: One\nlazy.\n\n    Two.\n\n"
                                       b"        code\n\n\t- i\n    ```\n    f\n    ```\n\n"
                                       b"Back.\n[^b]: x\n# H\n\n```\n[^c]: y\n\n    z\n```\n"),
    # stop 28: notes in a list item and in quotations (ending one, opening one, alone in one,
    # two in one paragraph, nested quotations)
    "markdown_nested_notes": (3, 0, b"A[^a] b[^b] c[^c] d[^d].\n\n- i[^a]\n\n  [^a]: In it.\n\n"
                                    b"> q\n>\n> [^b]: End\n> [^e]: two.\n\n> [^c]: Alone.\n\n"
                                    b"> > [^d]: Deep.\n> >\n> > after\n"),
    # stop 29: a list item holding only a note (bulleted, numbered), a one-word note in a
    # quotation, notes of paragraphs in a list item and a quotation, a tab among the columns
    "markdown_container_notes": (3, 0, b"A[^a] b[^b] c[^c] d[^d].\n\n- x\n- [^a]: Alone.\n"
                                       b"2) [^b]: Numbered.\n\n> q\n>\n> [^c]: One.\n>\n>     Two.\n"
                                       b"\n- i\n\n  [^d]: In it,\n  lazy.\n\n  \t  Second.\n\n"
                                       b"      Third.\n- next\n"),
    # stop 27: a title in a header before the article (read), a masthead with a menu and a
    # heading linking home (not read), with and without an article block
    "page_title_header": (2, 0, b"<body><header><h1><a href=/>S</a></h1></header><section>"
                                b"<header class=title><h1><span>t</span> <a>x</a></h1></header>"
                                b"<div><p>A paragraph of prose, long enough to count.</p>"
                                b"<p>More of it.</p></div></section><header><h1>n</h1><nav>m"),
    # stop 27: a title block (title, authors going on, date, a BOM before it)
    "markdown_title_block": (3, 0, b"\xef\xbb\xbf% T *e*\n% A;\n  B\n% D\n%\n# H\n\nx[^1]\n\n[^1]: n\n"),
    # stop 27: two listings in one <pre> (Node's code toggle), and code spans in a <pre> of text
    "page_listings": (2, 0, b"<pre><input type=checkbox><code>a;</code> <code>b;</code></pre>"
                            b"<pre>x <code>y</code><code>z</code><pre><code>n</code></pre></pre>"),
    # stop 23: images in running text and alone, stamps and a reading time (--body)
    "page_images": (2 | 16, 0, b"<article><h1>T</h1><p>2 May 2024 \xc2\xb7 3 min read</p>"
                                b"<p>Updated 3 May, 09:14</p><p>Out <img alt=\"x\"> now "
                                b"<a><span><img alt=y></span></a>.</p><img alt=\"alone\">"
                                b"<li><img alt=z></li></article>"),
    # stop 26: a page of sections (read whole), permalinks after headings, items written
    # <li><p>, a back link numbered in a sup
    "page_sections": (2, 0, b"<div><section><h1>A<a href=\"#a\">\xc2\xb6</a></h1><p>Short one.</p>"
                            b"</section><section><h1>B</h1><div><span id=x></span><section>"
                            b"<h2>C</h2><p>A paragraph long enough to score in the page.</p>"
                            b"<p>Another paragraph long enough to score here.</p></section>"
                            b"</div></section></div><ul><li>\n<p>item</p><p>more</p></li>"
                            b"<li><pre>x</pre></li></ul><a href=\"#r\">\xe2\x86\xa9<sup>2</sup></a>"),
    # stop 35: an article's own furniture (htmlmeta.c, read twice when paired, --body): a
    # kicker, a byline and a <time> in its <header>; a byline after a headline and a standfirst
    # with no header, a stamp with a reading time beside it, a heading "By ..." kept
    "page_article_meta": (2 | 16, 0, b"<main><article><header><a class=kicker>K</a><h1>T</h1>"
                                     b"<time>1 May</time></header><p>x</p></article><article>"
                                     b"<h1>U</h1><p class=standfirst>A standfirst.</p>"
                                     b"<p class=byline>By <a>A B</a>, c</p><p>By C \xc2\xb7 2 min"
                                     b" read</p><h2>By D</h2><p>A paragraph of prose, long "
                                     b"enough to count.</p></article></main>"),
    "furniture": (1 | 16, 0, b"Skip to content\n\nMENU\n\nA headline for the piece\n\n"
                             b"The first sentence of the article is here now.\nEvent\nCity\n"
                             b"|\nThe last sentence of it.\n- a list item that ends it\n"
                             b"Related Posts\nCopyright \xc2\xa9 2026\n"),
    "zip_odt": (0, 0, b"PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"
                      b"\x27\x00\x00\x00\x27\x00\x00\x00\x08\x00\x00\x00mimetype"
                      b"application/vnd.oasis.opendocument.text"),
    "zip_docx": (0, 0, b"PK\x03\x04 truncated word/document.xml"),
    # stop 36: a table's rows read a paragraph each: a row of data (an empty cell, a cell of two
    # paragraphs, a <br>), a page laid out in a table (a heading in a cell), a row never closed;
    # a pipe table whose delimiter row makes the text Markdown, an org-mode rule that does not
    "page_table_rows": (2, 0, b"<table><tr><th>A</th><th></th><th>C</th></tr><tr><td><p>one</p>"
                              b"<p>two</p></td><td>x<br>y</td><td></td></tr><tr><td><h2>Lay"
                              b"</h2><p>out</p></td><td>z</td></tr><tr><td>open<td>cells"),
    "markdown_table_rows": (0, 0, b"# Report\n\n| a | | `c` |\n|---|:-:|--:|\n| 1 | 2 |\n"
                                  b"\n|x|y|\n|---+---|\n"),
    "pdf": (0, 0, b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer\n%%EOF"),
    "binary": (0, 0, b"\x00\x01\x02<html>"),
    "empty": (0, 0, b""),
}


# Thai dictionaries in libthai's format (libdatrie's trie, src/run/thdict.h): an alphabet of
# U+0E01..U+0E5B, a double array branching while words share a prefix, each word's rest in a tail
# block. Words of our own.
THAI_WORDS = ["ฉัน", "ชอบ", "กิน", "ข้าว", "ข้าวผัด", "ผัด", "กับ", "ไข่", "ดาว", "ทุก", "วัน",
              "โรง", "เรียน", "โรงเรียน", "เด็ก", "เล่น"]


def thai_dict(words):
    keys = sorted(bytes(ord(c) - 0x0E00 for c in w) + b"\0" for w in words)
    base, check, tails = {1: -1}, {1: -1}, []

    def node(s, ws, depth):
        if len(ws) == 1:
            tails.append(ws[0][depth:-1])
            base[s] = -len(tails)
            return
        chars = sorted({w[depth] for w in ws})
        b = 1
        while not all(b + c >= 3 and b + c not in check for c in chars):
            b += 1
        base[s] = b
        for c in chars:
            check[b + c] = s
        for c in chars:
            group = [w for w in ws if w[depth] == c]
            if c == 0:
                tails.append(b"")
                base[b] = -len(tails)
            else:
                node(b + c, group, depth + 1)

    check[2] = 0
    node(2, keys, 0)
    ncells = max(check) + 1
    out = struct.pack(">IIII", 0xD9FCD9FC, 1, 0x0E01, 0x0E5B) + struct.pack(">II", 0xDAFCDAFC, ncells)
    for i in range(1, ncells):
        out += struct.pack(">ii", base.get(i, 0), check.get(i, -1))
    out += struct.pack(">Iii", 0xDFFCDFFC, 0, len(tails))
    for t in tails:
        out += struct.pack(">iih", -1, 0, len(t)) + t
    return out


def write(harness, name, data):
    d = os.path.join(HERE, "corpus", harness)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main():
    for name, text in TEXTS.items():
        write("fuzz_token", name, text)
    for i, (flags, param, a, b) in enumerate(PAIRS):
        data = struct.pack("<BBH", flags, param, len(a)) + a + b
        for harness in ("fuzz_diff", "fuzz_layout", "fuzz_print"):
            write(harness, "pair%02d" % i, data)
    for name, (fmt, limit, doc) in DOCS.items():
        write("fuzz_doc", name, bytes([fmt, limit]) + doc)
    small = thai_dict(THAI_WORDS)
    for name, d, text in [("dict", small, b""),
                          ("dict_text", small, "เด็กๆ ชอบกินข้าวผัด ก.พ. Thaiไทย".encode()),
                          ("one_word", thai_dict(["กา"]), b""),
                          ("cut", small[:len(small) // 2], b""),
                          ("empty", b"", "ไทย".encode())]:
        write("fuzz_thdict", name, struct.pack("<H", len(d)) + d + text)


if __name__ == "__main__":
    main()
