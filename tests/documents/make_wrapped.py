#!/usr/bin/env python3
"""make_wrapped.py: writes tests/documents/wrapped-cells.pdf, tables printed by headless
Chromium whose first column wraps over two lines or more, the other cells one line each: the
first as a browser sets a table (the other cells centred on the row, between the wrapped cell's
lines), the second as a word processor does (the other cells on the row's first line); the
third's right column, aligned right, wraps, its first cells centred beside it. Stop 28: sorted by
their tops, a wrapped cell's second line was read after the cells beside it and ran on into the
next row ("8.00 variety that needs tall canes Compost"), and a right column's first line came
before the row's first cell. The figures are aligned right, as a table of money is. The text was written for stop 28. The PDF is committed, so the
tests need no Chromium; run this again only to change it:

    python3 tests/documents/make_wrapped.py
"""
import os

from chromium_print import print_pdf

HERE = os.path.dirname(os.path.abspath(__file__))

CSS = """
body { font-family: "DejaVu Serif", serif; font-size: 10pt; margin: 30pt; }
table { border-collapse: collapse; margin-bottom: 12pt; }
td, th { padding: 1pt 8pt; } th { text-align: left; } .r { text-align: right; }
td.item { width: 170pt; } table.top td { vertical-align: top; } td.when { width: 110pt; }
"""

ORDER = [
    ("Seed potatoes", "12", "2.40", "28.80"),
    ("Onion sets, red and white", "3", "1.15", "3.45"),
    ("Runner beans, a climbing kind that wants tall canes", "40", "0.20", "8.00"),
    ("Compost, free of peat and made from the garden's own waste", "6", "4.99", "29.94"),
    ("Netting", "1", "11.50", "11.50"),
]

HIRE = [
    ("Main hall", "18.00"),
    ("Kitchen, with the urn, the cooker and the cups and saucers", "6.50"),
    ("Garden", "4.00"),
]


def row(cells):
    first, rest = cells[0], cells[1:]
    return "<tr><td class=item>%s</td>%s</tr>" % (
        first, "".join("<td class=r>%s</td>" % c for c in rest))


OPENING = [
    ("Monday", "9 in the morning until noon, then 2 until 5"),
    ("Wednesday", "Closed"),
    ("Saturday", "10 until 4, and until 6 in the summer months"),
]


def page():
    return ("<html><head><style>%s</style></head><body>"
            "<h2>Seed order</h2><table><tr><th>Item</th><th class=r>Qty</th>"
            "<th class=r>Price</th><th class=r>Total</th></tr>%s</table>"
            "<h2>Hire charges</h2><table class=top><tr><th>Room</th><th class=r>Per hour</th></tr>"
            "%s</table><p>Charges are reviewed each spring.</p><h2>Opening</h2><table>%s</table>"
            "</body></html>"
            % (CSS, "".join(row(r) for r in ORDER), "".join(row(r) for r in HIRE),
               "".join("<tr><td>%s</td><td class='r when'>%s</td></tr>" % r for r in OPENING)))


if __name__ == "__main__":
    print_pdf(page(), os.path.join(HERE, "wrapped-cells.pdf"))
