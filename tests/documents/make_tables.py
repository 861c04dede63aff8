#!/usr/bin/env python3
"""make_tables.py: writes the table fixtures of stop 36, one short report with a table of four
columns (some cells wrapping over two lines) in two versions (v2 adds a row and edits a cell),
as a user has it in each format: `hedges-v1/v2.docx` (zip of hand-written XML, as
make_fixtures.py writes one), `.odt`, `.html`, `.md` and `.pdf` (the page printed by headless
Chromium, as make_columns_table.py does). The text was written for the project. The files are
committed, so the tests need no Chromium; run this again only to change them:

    python3 tests/documents/make_tables.py [OUTDIR]
"""
import os
import sys

from make_fixtures import esc, write_zip  # the zip and XML helpers, shared

HERE = os.path.dirname(os.path.abspath(__file__))

TITLE = "Hedge planting on the common"
INTRO = ("The parish council planted four stretches of new hedge this winter. The table below "
         "gives each stretch, what was planted and what it cost.")
HEAD = ("Stretch", "Plants", "Cost", "Notes")
ROWS = [
    ("Church lane", "Hawthorn and blackthorn", "£412",
     "Planted by volunteers over two wet Saturdays in January"),
    ("School field", "Hazel", "£180", "Guards needed against rabbits"),
    ("Mill path", "Field maple, dogwood and holly", "£655",
     "The ditch was cleared first, which took longer than planned"),
    ("Pound corner", "Hawthorn", "£96", "Gap filled"),
]
ADDED = ("Old quarry", "Blackthorn and wild rose", "£230", "Planted in March after the frost")
OUTRO = ("Next winter the council hopes to link the school field to the mill path, so that "
         "birds can move along the whole length of the common.")


def rows(edited):
    r = list(ROWS)
    if edited:
        r[1] = ("School field", "Hazel", "£215", "Guards needed against rabbits and deer")
        r.insert(3, ADDED)
    return r


# --------------------------------------------------------------------------------------------
# DOCX

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
DOCX_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""


def w_para(text, style=None):
    ppr = '<w:pPr><w:pStyle w:val="%s"/></w:pPr>' % style if style else ""
    return '<w:p>%s<w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (ppr, esc(text))


def w_table(all_rows):
    widths = (1800, 2600, 1000, 3600)
    grid = "".join('<w:gridCol w:w="%d"/>' % w for w in widths)
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
           '</w:tblPr><w:tblGrid>%s</w:tblGrid>' % grid]
    for row in all_rows:
        out.append("<w:tr>")
        for w, cell in zip(widths, row):
            out.append('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/></w:tcPr>%s</w:tc>'
                       % (w, w_para(cell)))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


LAYOUT_TEXT = ("Ann Lee keeps the parish hedges and has planted most of the new ones on the "
               "common. ") * 14


def docx_layout(path):
    """A page laid out in a table, as a CV or a form is: a row whose cell holds more text than a
    row of data does, read a paragraph at a time, not as one line (rl_xml_data_row)."""
    body = w_para("Warden") + w_table([("Name", "Ann Lee", "", ""),
                                        ("Profile", LAYOUT_TEXT.strip(), "", "")])
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="%s">'
           '<w:body>%s</w:body></w:document>' % (W, body))
    write_zip(path, [("[Content_Types].xml", DOCX_TYPES), ("_rels/.rels", DOCX_RELS),
                     ("word/document.xml", doc)])


def docx(path, edited):
    body = (w_para(TITLE, "Title") + w_para(INTRO) + w_table([HEAD] + rows(edited))
            + w_para(OUTRO))
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="%s">'
           '<w:body>%s<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body>'
           '</w:document>' % (W, body))
    write_zip(path, [("[Content_Types].xml", DOCX_TYPES), ("_rels/.rels", DOCX_RELS),
                     ("word/document.xml", doc)])


# --------------------------------------------------------------------------------------------
# ODT

ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"')
ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def odt(path, edited):
    cells = lambda row: "".join('<table:table-cell office:value-type="string"><text:p>%s'
                                '</text:p></table:table-cell>' % esc(c) for c in row)
    table = ('<table:table table:name="Table1"><table:table-column table:number-columns-repeated='
             '"4"/><table:table-header-rows><table:table-row>%s</table:table-row>'
             '</table:table-header-rows>%s</table:table>'
             % (cells(HEAD), "".join("<table:table-row>%s</table:table-row>" % cells(r)
                                     for r in rows(edited))))
    body = ('<text:h text:outline-level="1">%s</text:h><text:p>%s</text:p>%s<text:p>%s</text:p>'
            % (esc(TITLE), esc(INTRO), table, esc(OUTRO)))
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s '
               'office:version="1.2"><office:body><office:text>%s</office:text></office:body>'
               '</office:document-content>' % (ODT_NS, body))
    write_zip(path, [("mimetype", "application/vnd.oasis.opendocument.text"),
                     ("META-INF/manifest.xml", ODT_MANIFEST), ("content.xml", content)],
              stored_first="mimetype")


# --------------------------------------------------------------------------------------------
# HTML (and the PDF printed from it), Markdown

def html(edited):
    head = "".join("<th>%s</th>" % esc(c) for c in HEAD)
    body = "\n".join("<tr>%s</tr>" % "".join("<td>%s</td>" % esc(c) for c in r)
                     for r in rows(edited))
    return ("""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%s</title>
<style>body { font-family: "DejaVu Sans", sans-serif; font-size: 11pt; margin: 0; }
table { border-collapse: collapse; width: 100%%; }
th, td { border: 1px solid #444; padding: 3px; vertical-align: top; text-align: left; }
th:nth-child(1) { width: 18%%; } th:nth-child(2) { width: 27%%; } th:nth-child(3) { width: 10%%; }
</style></head><body>
<h1>%s</h1>
<p>%s</p>
<table>
<thead><tr>%s</tr></thead>
<tbody>
%s
</tbody>
</table>
<p>%s</p>
</body></html>
""" % (esc(TITLE), esc(TITLE), esc(INTRO), head, body, esc(OUTRO)))


def markdown(edited):
    line = lambda r: "| " + " | ".join(r) + " |"
    return "\n".join(["# " + TITLE, "", INTRO, "", line(HEAD), "|" + "---|" * len(HEAD)]
                     + [line(r) for r in rows(edited)] + ["", OUTRO, ""])


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else HERE
    docx_layout(os.path.join(out, "warden-layout.docx"))
    for v, edited in (("v1", False), ("v2", True)):
        stem = os.path.join(out, "hedges-" + v)
        docx(stem + ".docx", edited)
        odt(stem + ".odt", edited)
        with open(stem + ".html", "w", encoding="utf-8") as f:
            f.write(html(edited))
        with open(stem + ".md", "w", encoding="utf-8") as f:
            f.write(markdown(edited))
        sys.path.insert(0, HERE)
        from chromium_print import print_pdf
        print_pdf(html(edited), stem + ".pdf")


if __name__ == "__main__":
    main()
