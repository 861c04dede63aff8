#!/usr/bin/env python3
"""make_justified.py: writes tests/documents/justified.pdf, a report set by headless Chromium in
three justified columns of 9 pt type without hyphenation, so that many lines' spaces grow wide:
poppler writes such a line as one-word lines on one baseline (the PDF reader must read them as
one line, not as a table's cells). The text was written for stop 22. The PDF is committed, so the
tests need no Chromium; run this again only to change it:

    python3 tests/documents/make_justified.py
"""
import os

from chromium_print import print_pdf

HERE = os.path.dirname(os.path.abspath(__file__))

CSS = """
body { font-family: "DejaVu Serif", serif; font-size: 9pt; text-align: justify;
       column-count: 3; column-gap: 24pt; margin: 0; }
h1 { font-size: 15pt; text-align: left; } h2 { font-size: 11pt; text-align: left; }
"""

PARAS = [
    ("h1", "Community transport review"),
    ("p", "This report reviews the first eighteen months of the community transport scheme, "
          "which provides door-to-door journeys for residents who cannot use ordinary buses. It "
          "was commissioned by the transport subcommittee in response to complaints about "
          "booking difficulties and to questions about the scheme\u2019s long-term financial "
          "sustainability."),
    ("h2", "Findings"),
    ("p", "Demand has grown steadily since the scheme began. In its first quarter the scheme "
          "carried 410 passengers; in the most recent quarter it carried 1,260. Most journeys "
          "are to medical appointments, supermarkets and the day centre in Westbury, and the "
          "great majority of passengers are over seventy-five years of age."),
    ("p", "Satisfaction among passengers is high. Of the 212 people who returned the "
          "questionnaire, 88 per cent rated the drivers as excellent and 79 per cent said the "
          "scheme had made it possible for them to keep appointments they would otherwise have "
          "missed. The main complaint concerned the telephone booking line, which is staffed "
          "only on weekday mornings."),
    ("h2", "Volunteers"),
    ("p", "The scheme depends on its volunteer drivers, of whom there are currently "
          "twenty-three. Several have driven for the scheme since it started, and their "
          "knowledge of passengers\u2019 needs is one of its greatest strengths. However, "
          "recruitment has not kept pace with demand, and on some days journeys have had to be "
          "refused because no driver was available."),
]


def main():
    body = "".join("<%s>%s</%s>" % (k, v, k) for k, v in PARAS)
    html = ('<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><style>%s</style>'
            "</head><body>%s</body></html>" % (CSS, body))
    print_pdf(html, os.path.join(HERE, "justified.pdf"))


if __name__ == "__main__":
    main()
