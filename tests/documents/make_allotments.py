#!/usr/bin/env python3
"""make_allotments.py: writes allot-v1.docx (a draft) and allot-v2.docx (its edit, with tracked
changes) from the text below, written for stop 17: a title, numbered headings, a numbered list,
a table and a footnote. Standard library only; fixed zip timestamps, so the output is stable.

    python3 tests/documents/make_allotments.py tests/documents/allot
"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_fixtures import W, DOCX_TYPES, DOCX_RELS as RELS, DOC_RELS, esc, write_zip  # shared
# make_fixtures.py's package with a numbering part added (the numbered list and headings).
TYPES = DOCX_TYPES.replace("</Types>", '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\n</Types>')
DOCRELS = DOC_RELS.replace("</Relationships>", '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>\n</Relationships>')
NUMBERING = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="%s">'
  '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
  '<w:numFmt w:val="decimal"/><w:lvlText w:val="%%1."/></w:lvl>'
  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%%2)"/></w:lvl></w:abstractNum>'
  '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>' % W)
def r(t, b=False, i=False):
    rpr = "<w:rPr>%s%s</w:rPr>" % ("<w:b/>" if b else "", "<w:i/>" if i else "") if (b or i) else ""
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, esc(t))
def ins(t, n=[100]):
    n[0]+=1
    return '<w:ins w:id="%d" w:author="Priya Dhillon" w:date="2025-03-02T10:00:00Z">%s</w:ins>' % (n[0], r(t))
def dele(t, n=[200]):
    n[0]+=1
    return ('<w:del w:id="%d" w:author="Priya Dhillon" w:date="2025-03-02T10:00:00Z"><w:r><w:delText xml:space="preserve">%s</w:delText></w:r></w:del>' % (n[0], esc(t)))
def fnref(): return '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
def p(*runs, style=None, num=None):
    ppr = ""
    if style: ppr += '<w:pStyle w:val="%s"/>' % style
    if num is not None: ppr += '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="2"/></w:numPr>' % num
    return "<w:p>%s%s</w:p>" % ("<w:pPr>%s</w:pPr>" % ppr if ppr else "", "".join(runs))
def cell(t): return "<w:tc><w:p>%s</w:p></w:tc>" % r(t)
def row(*cs): return "<w:tr>%s</w:tr>" % "".join(cell(c) for c in cs)
def table(rows): return "<w:tbl><w:tblPr/>%s</w:tbl>" % "".join(row(*x) for x in rows)
def doc(body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="%s"><w:body>%s'
            '<w:sectPr/></w:body></w:document>' % (W, body))
def foot(t):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="%s">'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:id="1"><w:p>%s</w:p></w:footnote></w:footnotes>' % (W, r(t)))
def write(path, body, fn):
    write_zip(path, [("[Content_Types].xml", TYPES), ("_rels/.rels", RELS),
                     ("word/_rels/document.xml.rels", DOCRELS), ("word/numbering.xml", NUMBERING),
                     ("word/document.xml", doc(body)), ("word/footnotes.xml", foot(fn))])

v1 = "".join([
 p(r("Harrow Lane Allotments: Tenancy Rules 2025")  , style="Title"),
 p(r("Draft for the committee meeting of 14 February. Comments to the secretary by 7 February.", i=True)),
 p(r("1. Who may hold a plot"), style="Heading1"),
 p(r("Plots are let to residents of the parish of Harrow and to people who work within two miles of the site. A tenant may hold one full plot or two half plots, but not both."), ),
 p(r("The waiting list is kept by the secretary and offered in order of application"), fnref(), r(". A tenant who gives up a plot keeps no place on the list.")),
 p(r("2. Keeping the plot"), style="Heading1"),
 p(r("Each tenant agrees to:")),
 p(r("cultivate at least three quarters of the plot between April and October;"), num=0),
 p(r("keep paths next to the plot clear and cut to a height of no more than 10 cm;"), num=0),
 p(r("use no carpet, tyres or asbestos sheeting as mulch or edging;"), num=0),
 p(r("put up no building larger than a shed of 2.4 m by 1.8 m without written consent."), num=0),
 p(r("Bonfires are allowed only between 1 November and 31 March, and never on a Sunday."), ),
 p(r("3. Rents"), style="Heading1"),
 p(r("Rents for the year from 1 April are as follows:")),
 table([("Plot", "Size", "Rent", "Concession"),
        ("Full plot", "250 m²", "£48.00", "£24.00"),
        ("Half plot", "125 m²", "£26.00", "£13.00"),
        ("Raised bed", "6 m²", "£8.00", "£4.00")]),
 p(r("Rent is due on 1 April. A tenant whose rent is unpaid after 28 days will receive a notice to quit.")),
 p(r("4. Ending a tenancy"), style="Heading1"),
 p(r("A tenant may end the tenancy at any time by writing to the secretary. The committee may end a tenancy after two written warnings in one season.")),
])
v2 = "".join([
 p(r("Harrow Lane Allotments: Tenancy Rules 2025")  , style="Title"),
 p(r("Agreed by the committee on 14 February 2025.", i=True)),
 p(r("1. Who may hold a plot"), style="Heading1"),
 p(r("Plots are let to residents of the parish of Harrow and to people who work within "), dele("two"), ins("three"), r(" miles of the site. A tenant may hold one full plot or two half plots, but not both.")),
 p(r("The waiting list is kept by the secretary and offered in order of application"), fnref(), r(". "), dele("A tenant who gives up a plot keeps no place on the list."), ins("A tenant who gives up a plot may rejoin the list at the end.")),
 p(r("2. Keeping the plot"), style="Heading1"),
 p(r("Each tenant agrees to:")),
 p(r("cultivate at least three quarters of the plot between April and October;"), num=0),
 p(r("keep paths next to the plot clear and cut to a height of no more than 10 cm;"), num=0),
 p(r("keep a water butt on the plot"), ins(" where it has a shed or greenhouse"), r(";"), num=0),
 p(r("use no carpet, tyres or asbestos sheeting as mulch or edging;"), num=0),
 p(r("put up no building larger than a shed of 2.4 m by 1.8 m without written consent."), num=0),
 p(r("Bonfires are allowed only between 1 November and 31 March"), dele(", and never on a Sunday"), r(".")),
 p(r("3. Rents"), style="Heading1"),
 p(r("Rents for the year from 1 April are as follows:")),
 table([("Plot", "Size", "Rent", "Concession"),
        ("Full plot", "250 m²", "£52.00", "£26.00"),
        ("Half plot", "125 m²", "£28.00", "£14.00"),
        ("Raised bed", "6 m²", "£8.00", "£4.00")]),
 p(r("Rent is due on 1 April. A tenant whose rent is unpaid after "), dele("28"), ins("42"), r(" days will receive a notice to quit.")),
 p(r("4. Ending a tenancy"), style="Heading1"),
 p(r("A tenant may end the tenancy at any time by writing to the secretary. The committee may end a tenancy after two written warnings in one season.")),
])
FN1 = "The list is reviewed every January; applicants who do not reply within a month are removed."
FN2 = "The list is reviewed every January. Applicants who do not reply within six weeks are removed."
write(sys.argv[1] + "-v1.docx", v1, FN1)
write(sys.argv[1] + "-v2.docx", v2, FN2)
