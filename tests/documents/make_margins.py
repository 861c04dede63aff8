#!/usr/bin/env python3
"""make_margins.py: writes tests/documents/kiosk-v1.pdf and kiosk-v2.pdf, a one-page note printed
by headless Chromium with its default header and footer (the date and time, the page's title, its
address, "1/1") in three columns of 9 pt type whose gutters are 12 pt wide (under two line
heights). Stop 24: a page of one cannot tell its running head by its coming back on most pages,
and the columns were read across. v2 is printed later, with one edit. It writes wordy.pdf too: a column of 9 pt justified so narrow that lines
hold two long words, whose one space grows wide (poppler writes each word as a line of its own,
and two words are too few to see equal gaps). The text was written for
stop 24. The PDFs are committed, so the tests need no Chromium; run this again only to change
them:

    python3 tests/documents/make_margins.py
"""
import os
import time

from chromium_print import print_pdf

HERE = os.path.dirname(os.path.abspath(__file__))

CSS = """
body { font-family: "DejaVu Serif", serif; font-size: 9pt; text-align: justify;
       column-count: 3; column-gap: 12pt; margin: 0; }
h1 { font-size: 15pt; text-align: left; } h2 { font-size: 11pt; text-align: left; }
"""

PARAS = [
    ("h1", "Kiosk on the green"),
    ("p", "The parish council has agreed to let the old telephone kiosk on the green to the "
          "village society for a peppercorn rent. The society plans to turn it into a small "
          "lending library, with shelves for paperbacks and a box for seeds that gardeners "
          "can swap through the spring and summer."),
    ("h2", "Repairs"),
    ("p", "The kiosk needs new glass in four of its panes and a coat of paint. A local "
          "builder has offered to replace the glass at cost, and volunteers will paint the "
          "frame on two Saturdays in April, weather permitting. The door hinge, which has "
          "rusted through, will be made by the blacksmith at Holt Farm."),
    ("h2", "Opening"),
    ("p", "The library will be open from dawn to dusk every day. A rota of volunteers will "
          "tidy the shelves once a week and take away any books that have been damaged by "
          "damp. Donations of books are welcome and can be left at the village shop, which "
          "has kindly agreed to store them until the shelves are fitted."),
]

EDIT = ("on two Saturdays in April", "on three Saturdays in May")


WORDY_CSS = """
body { font-family: "DejaVu Serif", serif; font-size: 9pt; text-align: justify; width: 130pt;
       margin: 0; }
"""

WORDY = [
    ("p", "The interdepartmental subcommittee's recommendations concerning telecommunications "
          "infrastructure were characteristically uncontroversial, notwithstanding considerable "
          "administrative disagreements about responsibilities."),
    ("p", "Representatives acknowledged extraordinarily comprehensive documentation, "
          "particularly regarding environmental considerations and accessibility improvements "
          "throughout neighbourhoods."),
]


def write(name, paras, css=CSS, margins=True):
    body = "".join("<%s>%s</%s>" % (k, v, k) for k, v in paras)
    html = ('<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Kiosk note'
            '</title><style>%s</style></head><body>%s</body></html>' % (css, body))
    print_pdf(html, os.path.join(HERE, name), margins=margins)


def main():
    write("wordy.pdf", WORDY, WORDY_CSS, margins=False)
    write("kiosk-v1.pdf", PARAS)
    time.sleep(61)  # another minute in the header's stamp
    write("kiosk-v2.pdf", [(k, v.replace(*EDIT)) for k, v in PARAS])


if __name__ == "__main__":
    main()
