#!/usr/bin/env python3
"""ansi2svg.py: a terminal screen captured with `tmux capture-pane -p -e` as an SVG picture.

    ansi2svg.py [--title TEXT] [--cols N] SCREEN.ans OUT.svg

Reads the text and its SGR attributes (the 8 and 256 colours, bold, dim, underline, reverse),
lays every cell on a grid of a monospace font, and writes one <rect> per background run and one
<text> per foreground run, each stretched to its exact number of columns so that nothing drifts.
Standard library only; the picture is turned into PNG by rsvg-convert (scripts/screenshots.sh).
"""
import argparse
import re
import unicodedata
from xml.sax.saxutils import escape

FONT = "DejaVu Sans Mono"
SIZE = 15            # font size, px
CELL_W = 9.04        # DejaVu Sans Mono advance: 0.6025 em
CELL_H = 19          # line height, px
PAD = 14             # margin around the screen
BAR = 28             # window title bar
FG = "#d4d4d4"
BG = "#1b1d22"

# The 16 base colours (xterm defaults, a little softened), then the 6x6x6 cube and the greys.
BASE16 = ["#1b1d22", "#d75f5f", "#87af5f", "#d7af5f", "#5f87d7", "#af87d7", "#5fafaf", "#d4d4d4",
          "#5c6370", "#ff8787", "#afd787", "#ffd787", "#87afff", "#d7afff", "#87d7d7", "#ffffff"]


def palette(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        r, g, b = steps[n // 36], steps[(n // 6) % 6], steps[n % 6]
        return "#%02x%02x%02x" % (r, g, b)
    v = 8 + 10 * (n - 232)
    return "#%02x%02x%02x" % (v, v, v)


class Pen:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = self.dim = self.under = self.rev = False

    def key(self):
        return (self.fg, self.bg, self.bold, self.dim, self.under, self.rev)

    def sgr(self, params):
        ps = [int(p) if p else 0 for p in params.split(";")] if params else [0]
        i = 0
        while i < len(ps):
            p = ps[i]
            if p == 0:
                self.reset()
            elif p == 1:
                self.bold = True
            elif p == 2:
                self.dim = True
            elif p == 4:
                self.under = True
            elif p == 7:
                self.rev = True
            elif p == 22:
                self.bold = self.dim = False
            elif p == 24:
                self.under = False
            elif p == 27:
                self.rev = False
            elif 30 <= p <= 37:
                self.fg = p - 30
            elif 90 <= p <= 97:
                self.fg = p - 90 + 8
            elif p == 39:
                self.fg = None
            elif 40 <= p <= 47:
                self.bg = p - 40
            elif 100 <= p <= 107:
                self.bg = p - 100 + 8
            elif p == 49:
                self.bg = None
            elif p in (38, 48) and i + 2 < len(ps) and ps[i + 1] == 5:
                if p == 38:
                    self.fg = ps[i + 2]
                else:
                    self.bg = ps[i + 2]
                i += 2
            i += 1


def width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


# The DEC line-drawing set (what "\x0e" or ESC ( 0 switch to): box corners and lines.
DEC = dict(zip("jklmnqtuvwx`afgy", "┘┐┌└┼─├┤┴┬│◆▒°±≤"))


def parse(text):
    """Lines of cells: (char, columns, pen key)."""
    pen = Pen()
    lines = []
    dec = False
    for raw in text.split("\n"):
        cells = []
        for m in re.finditer(r"\x1b\[([0-9;]*)m|\x1b\(([0B])|\x1b[^\x1b]*?[A-Za-z]|([\x0e\x0f])|(.)",
                             raw, re.S):
            if m.group(2) is not None:
                dec = m.group(2) == "0"
            elif m.group(3) is not None:
                dec = m.group(3) == "\x0e"
            elif m.group(4) is not None:
                ch = m.group(4)
                if dec:
                    ch = DEC.get(ch, ch)
                if ch < " ":
                    continue
                w = width(ch)
                if w == 0 and cells:
                    c, cw, k = cells[-1]
                    cells[-1] = (c + ch, cw, k)
                else:
                    cells.append((ch, w, pen.key()))
            elif m.group(1) is not None:
                pen.sgr(m.group(1))
        lines.append(cells)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def colours(key):
    fg, bg, bold, dim, under, rev = key
    f = palette(fg) if fg is not None else FG
    b = palette(bg) if bg is not None else None
    if rev:
        f, b = (b or BG), f
    return f, b


def svg(lines, cols, rows, title):
    w = int(PAD * 2 + cols * CELL_W)
    h = int(BAR + PAD * 2 + rows * CELL_H)
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">'
           % (w, h, w, h),
           '<rect width="%d" height="%d" rx="8" fill="%s"/>' % (w, h, BG),
           '<rect width="%d" height="%d" rx="8" fill="#2b2e35"/>' % (w, BAR + 8),
           '<rect y="%d" width="%d" height="8" fill="%s"/>' % (BAR, w, BG)]
    for i, c in enumerate(["#ff5f57", "#febc2e", "#28c840"]):
        out.append('<circle cx="%d" cy="%d" r="6" fill="%s"/>' % (18 + 20 * i, BAR // 2 + 1, c))
    if title:
        out.append('<text x="%d" y="%d" font-family="%s" font-size="13" fill="#9da5b4" '
                   'text-anchor="middle">%s</text>' % (w // 2, BAR // 2 + 5, FONT, escape(title)))
    out.append('<g font-family="%s" font-size="%d" xml:space="preserve">' % (FONT, SIZE))
    top = BAR + PAD
    for y, cells in enumerate(lines[:rows]):
        base = top + y * CELL_H
        x = 0
        runs = []  # (x, cols, key, text)
        for ch, cw, key in cells:
            if runs and runs[-1][2] == key:
                rx, rc, rk, rt = runs[-1]
                runs[-1] = (rx, rc + cw, rk, rt + ch)
            else:
                runs.append((x, cw, key, ch))
            x += cw
        for rx, rc, key, rt in runs:
            f, b = colours(key)
            px = PAD + rx * CELL_W
            if b:
                out.append('<rect x="%.2f" y="%d" width="%.2f" height="%d" fill="%s"/>'
                           % (px, base, rc * CELL_W, CELL_H, b))
            if not rt.strip():
                continue
            attrs = ' font-weight="bold"' if key[2] else ""
            attrs += ' opacity="0.6"' if key[3] else ""
            attrs += ' text-decoration="underline"' if key[4] else ""
            out.append('<text x="%.2f" y="%.2f" fill="%s" textLength="%.2f" '
                       'lengthAdjust="spacingAndGlyphs"%s>%s</text>'
                       % (px, base + CELL_H - 5, f, rc * CELL_W, attrs, escape(rt)))
    out.append("</g></svg>")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--title", default="")
    ap.add_argument("--cols", type=int, default=0)
    ap.add_argument("--rows", type=int, default=0)
    ap.add_argument("screen")
    ap.add_argument("out")
    a = ap.parse_args()
    with open(a.screen, encoding="utf-8", errors="replace") as f:
        lines = parse(f.read())
    cols = a.cols or max((sum(c[1] for c in l) for l in lines), default=80)
    rows = a.rows or len(lines)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(svg(lines, cols, rows, a.title))


if __name__ == "__main__":
    main()
