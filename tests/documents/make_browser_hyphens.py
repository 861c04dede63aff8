#!/usr/bin/env python3
"""make_browser_hyphens.py: writes tests/documents/browser-hyphens.pdf (stop 31), two paragraphs
printed by headless Chromium in narrow columns: a compound broken at its only hyphen at a line's
end and written nowhere else ("well-" / "known"), and a word broken at its soft hyphen, which
Chromium prints as U+2010 after the soft hyphen ("over\u00ad\u2010" / "grown"). The text was
written for the project. The PDF is committed, so the tests need no Chromium; run this again only
to change it (check that the breaks still fall at the lines' ends):

    python3 tests/documents/make_browser_hyphens.py
"""
import os
import shutil

from chromium_print import print_pdf

HERE = os.path.dirname(os.path.abspath(__file__))

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shed</title>
<style>body { font-family: "DejaVu Sans", sans-serif; font-size: 12pt; margin: 0; }
p { width: 18em; } p.narrow { width: 13em; }</style></head><body>
<p>The shed by the pond is a well-known place for a chat, and its door has an over&shy;grown
hedge and a rusty latch that nobody mends, though every&shy;body complains.</p>
<p class="narrow">The shed by the pond is a fine place for a chat, and its door has an
over&shy;grown hedge and a rusty latch that nobody mends, though every&shy;body complains.</p>
</body></html>"""


def main():
    out = os.path.join(HERE, "browser-hyphens.pdf")
    print_pdf(PAGE, out)
    seed = os.path.join(HERE, "..", "fuzz", "corpus", "fuzz_pdf", "browser-hyphens.pdf")
    shutil.copyfile(out, seed)


if __name__ == "__main__":
    main()
