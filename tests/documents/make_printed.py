#!/usr/bin/env python3
"""make_printed.py: writes tests/documents/parish-v1.pdf and parish-v2.pdf, a two-column parish
newsletter and its revision as headless Chromium prints a web page: headings in a larger type,
list items whose bullets Chromium draws as shapes (not text), one item that fills its column and
ends a sentence, a figure caption in a smaller type; and printed-lists.pdf: a numbered list
(numbers Chromium writes as text), square bullets, a nested list, and a quotation with a rule
down its left side (ink that is no bullet). The text was written for these tests. The
PDFs are committed, so the tests need no Chromium; run this again only to change them:

    python3 tests/documents/make_printed.py
"""
import os

from chromium_print import print_pdf

HERE = os.path.dirname(os.path.abspath(__file__))

CSS = """
body { font-family: "DejaVu Serif", serif; font-size: 10.5pt; margin: 0; }
h1 { font-size: 20pt; margin: 0 0 6pt 0; }
.cols { column-count: 2; column-gap: 24pt; }
h2 { font-size: 13pt; margin: 10pt 0 4pt 0; }
p { margin: 0 0 6pt 0; }
ul { margin: 0 0 6pt 0; padding-left: 16pt; }
li { margin: 0; }
figure { margin: 0 0 6pt 0; }
figure div { height: 60pt; background: #ccc; }
figcaption { font-size: 8.5pt; font-style: italic; }
"""


def page(edited):
    def pick(a, b):
        return b if edited else a
    return "".join([
        '<!doctype html><html><head><meta charset="utf-8"><title>Brackenford Parish News</title>',
        "<style>%s</style></head><body>" % CSS,
        "<h1>Brackenford Parish News \u2014 %s</h1>" % pick("Spring", "Spring (revised)"),
        '<div class="cols">',
        "<h2>The village hall roof</h2>",
        "<p>After three winters of buckets in the kitchen, the hall committee has agreed a price "
        "with a roofer from Oakley. The work will start after the Easter fair and should take %s "
        "weeks, during which the hall will be closed to all bookings.</p>" % pick("five", "six"),
        "<p>The committee thanks everyone who gave to the roof fund. The quiz night alone raised "
        "\u00a3640, and a grant from the district council covers %s of the cost.</p>"
        % pick("half", "a third"),
        "<h2>Bookings while the hall is shut</h2><ul>",
        "<li>The toddler group will meet in the church vestry on Tuesday and Thursday mornings.</li>",
        "<li>Pilates moves to the school gym.</li>",
        "<li>The parish council meets in the Red Lion back room%s.</li></ul>"
        % pick("", " by kind permission of the landlord"),
        "<figure><div></div><figcaption>The hall in 1952, the year the roof was last replaced."
        "</figcaption></figure>",
        "<h2>Footpaths and stiles</h2>",
        "<p>The footpath from Mill Lane to the common has been cleared of brambles by the volunteer "
        "group, who meet on the first Saturday of each month. New members are always welcome and "
        "tools are provided.</p>",
        "<p>Two stiles on the bridleway to Hollins Farm have been replaced with kissing gates, which "
        "are easier for walkers with dogs%s.</p>" % pick("", " and for anyone with a pushchair"),
        "<h2>Dates for the diary</h2><ul>",
        "<li>Easter fair on the green, Saturday 4 April, from ten o\u2019clock until four.</li>",
        "<li>Annual parish meeting, Thursday 23 April.</li>",
        "<li>Plant sale at the school, Sunday %s May.</li></ul>" % pick("10", "17"),
        "<p>Items for the summer issue should reach the editor by the end of May.</p>",
        "</div></body></html>",
    ])


LISTS = """<!doctype html><html><head><meta charset="utf-8"><style>
body { font-family: "DejaVu Serif", serif; font-size: 11pt; width: 420pt; }
blockquote { border-left: 3pt solid #888; padding-left: 10pt; margin-left: 20pt; }
</style></head><body>
<p>The allotment rules were revised at the spring meeting. The changes are listed below, with
the committee's reasons where it gave them.</p>
<ol><li>Every plot holder must keep the path beside their plot clear and cut the grass on it.</li>
<li>Bonfires are allowed on Sundays only.</li></ol>
<ul style="list-style: square"><li>Water butts are to be emptied and turned over before the frost.</li>
<li>The shed key stays in the box by the gate.</li>
<li>Compost bays<ul><li>Green waste only in the left bay.</li><li>Woody waste in the right.</li></ul></li></ul>
<blockquote><p>We want the site to be tidy without being fussy. Nobody will be asked to leave over a
few weeds. The rules are there for the plots that are left for a whole season.</p>
<p>The chair, at the meeting.</p></blockquote>
<p>The new rules apply from the first of May.</p>
</body></html>"""


def main():
    for v, edited in ((1, False), (2, True)):
        print_pdf(page(edited), os.path.join(HERE, "parish-v%d.pdf" % v))
    print_pdf(LISTS, os.path.join(HERE, "printed-lists.pdf"))


if __name__ == "__main__":
    main()
