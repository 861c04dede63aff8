#!/usr/bin/env python3
"""make_columns_table.py: writes tests/documents/columns-table.pdf (stop 33), a page printed by
headless Chromium as a user prints an article set in two CSS columns: a title over both, four
short paragraphs in two columns, then a table across the page whose middle column's lines cross
the columns' gutter. Before stop 33 no gutter split the page whole and the columns were read
across, row by row. The text was written for the project. The PDF is committed, so the tests
need no Chromium; run this again only to change it:

    python3 tests/documents/make_columns_table.py
"""
import os
import shutil

from chromium_print import print_pdf

HERE = os.path.dirname(os.path.abspath(__file__))

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rota</title>
<style>body { font-family: "DejaVu Sans", sans-serif; font-size: 11pt; margin: 0; }
.cols { column-count: 2; column-gap: 1cm; }
table { border-collapse: collapse; width: 100%; }
td { border: 1px solid #444; padding: 3px; vertical-align: top; }
td.day { width: 20%; } td.job { width: 45%; }</style></head><body>
<h1>The ferry rota</h1>
<div class="cols">
<p>Each member of the club crews the small ferry for one weekend in the spring, and the duties
are light enough for anyone who can tie a knot.</p>
<p>The rota is pinned inside the boathouse door, and the secretary sends a reminder by post a
week before each turn comes round.</p>
<p>If you cannot take your turn, swap with another member and write both names on the sheet,
so that the harbour master knows whom to call.</p>
<p>The life jackets hang on the pegs by the slipway, and the spare oars are kept under the bench
in the boathouse.</p>
</div>
<table>
<tr><td class="day">Saturday</td>
<td class="job">Ferry members across to the island and back</td><td>Flask</td></tr>
<tr><td class="day">Sunday</td>
<td class="job">Bail out the boat and coil the ropes</td><td>Gloves</td></tr>
</table>
</body></html>"""


def main():
    out = os.path.join(HERE, "columns-table.pdf")
    print_pdf(PAGE, out)
    seed = os.path.join(HERE, "..", "fuzz", "corpus", "fuzz_pdf", "columns-table.pdf")
    shutil.copyfile(out, seed)


if __name__ == "__main__":
    main()
