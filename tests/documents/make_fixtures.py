#!/usr/bin/env python3
"""make_fixtures.py: writes the document fixtures of tests/documents/ (and the hostile documents of
tests/hostile/) from the text below, which was written for these tests. Python's standard library
only: the DOCX, ODT and EPUB files are zip archives of hand-written XML, the PDF files come from a
small PDF writer at the end of this file. The output is deterministic (fixed zip timestamps), so
running it again changes nothing; the files it writes are committed, so the tests need no tools.

    python3 tests/documents/make_fixtures.py
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
HOSTILE = os.path.join(HERE, "..", "hostile")
STAMP = (2020, 1, 1, 0, 0, 0)


def write_zip(path, members, stored_first=None):
    """members: list of (name, text or bytes); stored_first names a member written uncompressed
    first (the EPUB and ODT mimetype)."""
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_STORED if name == stored_first else zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------------------------------------
# DOCX: a draft and its edit; the edit holds one tracked change (a deletion and an insertion).

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
</Types>"""
DOCX_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>"""


def run(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % esc(text)


def para(inner, style=None, numbered=False, num_id=1):
    """numbered: a list item of list num_id (1: bullets, 2: numbers, see DOCX_NUMBERING)."""
    ppr = ""
    if style or numbered:
        ppr = "<w:pPr>%s%s</w:pPr>" % (
            '<w:pStyle w:val="%s"/>' % style if style else "",
            '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr>' % num_id if numbered else "")
    return "<w:p>%s%s</w:p>" % (ppr, inner)


def text_box(text):
    """A text box the way Word writes it: a DrawingML choice and a VML fallback, both holding the
    same paragraph (the reader must keep one)."""
    content = "<w:txbxContent>%s</w:txbxContent>" % para(run(text))
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
            '<a:graphicData><wps:wsp><wps:txbx>%s</wps:txbx></wps:wsp></a:graphicData></a:graphic>'
            '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>%s'
            '</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
            % (content, content))


def docx_document(body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="%s" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:v="urn:schemas-microsoft-com:vml"><w:body>%s'
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
            % (W, body))


def docx_footnotes(text):
    sep = '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="%s">%s'
            '<w:footnote w:id="1">%s</w:footnote></w:footnotes>' % (W, sep, para(run(text))))


DOCX_NUMBERING = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="%s">'
                  '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
                  '<w:lvlText w:val="\u2022"/></w:lvl></w:abstractNum>'
                  '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                  '<w:numFmt w:val="decimal"/><w:lvlText w:val="%%1."/></w:lvl></w:abstractNum>'
                  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
                  '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>' % W)


def docx(path, body, footnote, numbering=None):
    write_zip(path, [("[Content_Types].xml", DOCX_TYPES), ("_rels/.rels", DOCX_RELS),
                     ("word/_rels/document.xml.rels", DOC_RELS),
                     ("word/numbering.xml", numbering or DOCX_NUMBERING),
                     ("word/document.xml", docx_document(body)),
                     ("word/footnotes.xml", docx_footnotes(footnote))])


# Word numbering in its shapes: letters with a bracket under decimals, two levels shown ("%1.%2."),
# roman numerals from w:start 4, and a bullet level.
def docx_level(ilvl, fmt, text, start=None):
    return ('<w:lvl w:ilvl="%d">%s<w:numFmt w:val="%s"/><w:lvlText w:val="%s"/></w:lvl>'
            % (ilvl, '<w:start w:val="%d"/>' % start if start else "", fmt, text))


DOCX_SHAPES_NUMBERING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="%s">'
    '<w:abstractNum w:abstractNumId="5">%s%s%s</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="6">%s%s</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="7">%s</w:abstractNum>'
    '<w:num w:numId="3"><w:abstractNumId w:val="5"/></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="6"/></w:num>'
    '<w:num w:numId="5"><w:abstractNumId w:val="7"/></w:num></w:numbering>'
    % (W, docx_level(0, "decimal", "%1."), docx_level(1, "lowerLetter", "%2)"),
       docx_level(2, "bullet", "\u2022"),
       docx_level(0, "upperLetter", "%1."), docx_level(1, "decimal", "%1.%2."),
       docx_level(0, "lowerRoman", "(%1)", 4)))


def docx_item(text, num_id, ilvl=0):
    return ('<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr>%s</w:p>'
            % (ilvl, num_id, run(text)))


def docx_shapes_body():
    return "".join([
        para(run("Packing the tent")),
        docx_item("Shake out the groundsheet.", 3),
        docx_item("Fold the flysheet.", 3),
        docx_item("Along the seams.", 3, 1),
        docx_item("Never when wet.", 3, 1),
        docx_item("Dry it at home.", 3, 2),
        docx_item("Count the pegs.", 3),
        docx_item("Lakeside pitches", 4),
        docx_item("Near the jetty.", 4, 1),
        docx_item("Behind the boathouse.", 4, 1),
        docx_item("Hill pitches", 4),
        docx_item("the poles,", 5),
        docx_item("the mallet.", 5),
    ])


FOOTREF = '<w:r><w:footnoteReference w:id="1"/></w:r>'


def sym(font, code):
    return '<w:r><w:sym w:font="%s" w:char="%s"/></w:r>' % (font, code)


def docx_symbols_body():
    """Symbols inserted from symbol fonts (stop 24): Word writes them as w:sym, a font and the
    character's code in it, not as text."""
    return "".join([
        para(run("Before the fete")),
        para(run("Hall booked ") + sym("Wingdings", "F0FC")),
        para(run("Caterer confirmed ") + sym("Wingdings", "F0FB")),
        para(run("Keep the urn at 90 ") + sym("Symbol", "F0B0") + run("C or more.")),
        para(run("Raffle prizes ") + sym("Wingdings", "F04A")),
    ])



def docx_checklist_body(edited):
    """A checklist with the symbols of four more symbol fonts (stop 25): Wingdings 2's tick and
    cross, Wingdings 3's triangle, Zapf Dingbats' pointing hand, and Webdings' pictures, which
    are decorations (a different picture in the second version is no change)."""
    return "".join([
        para(run("Fete checklist")),
        para(sym("Wingdings 3", "F075") + run(" Tables from the school")),
        para(run("Hall booked ") + sym("Wingdings 2", "F050")),
        para(run("Caterer confirmed ") + sym("Wingdings 2", "F050" if edited else "F04F")),
        para(sym("Zapf Dingbats", "F02B") + run(" Raffle tickets ") + sym("Wingdings 2", "F052")),
        para(run("Weather ") + sym("Webdings", "F0D6" if edited else "F0D5") + run(" to be checked")),
    ])

def docx_body(edited):
    closed = ('<w:r><w:t xml:space="preserve">will close its reading room for </w:t></w:r>'
              + ('<w:del w:id="7" w:author="Editor"><w:r><w:delText>six</w:delText></w:r></w:del>'
                 '<w:ins w:id="8" w:author="Editor"><w:r><w:t>eight</w:t></w:r></w:ins>'
                 if edited else run("six"))
              + run(" weeks while the roof is repaired."))
    return "".join([
        para(run("Library Roof Repairs Begin"), style="Heading1"),
        para(run("The county library on Mill Street ") + closed),
        para(run("Volunteers will move the local history shelves."), numbered=True),
        para(run("The children" + "\u2019" + "s corner stays open."), numbered=True),
        para(run("Return all loans by Friday."), numbered=True, num_id=2),
        para(run("Collect reservations from the front desk."), numbered=True, num_id=2),
        para(run("Opening hours are posted at the door.") + text_box(
            "Notice: returns go to the side entrance." if not edited
            else "Notice: returns go to the side door.")),
        "<w:tbl><w:tr><w:tc>%s</w:tc><w:tc>%s</w:tc></w:tr></w:tbl>"
        % (para(run("Monday")), para(run("Closed" if not edited else "Open until noon"))),
        para(run("The work is paid for by a grant of forty thousand pounds.") + FOOTREF),
        para(run("Readers can " + ("borrow" if not edited else "still borrow")
                 + " e-books\tfrom home.")),
    ])


DOCX_FOOTNOTE = "Figures from the council\u2019s budget report."


# ---------------------------------------------------------------------------------------------
# ODT: the same story in OpenDocument, the edit with a tracked deletion.

ODT_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/"')
ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def odt_content(edited):
    tracked = ""
    removed = ""
    if edited:
        tracked = ('<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion>'
                   '<office:change-info><dc:creator>Editor</dc:creator></office:change-info>'
                   '<text:p>quietly </text:p></text:deletion></text:changed-region></text:tracked-changes>')
        removed = '<text:change text:change-id="ct1"/>'
    else:
        removed = "quietly "
    body = "".join([
        tracked,
        '<text:h text:outline-level="1">Ferry Timetable Changes</text:h>',
        "<text:p>The harbour ferry will %sleave at seven%s from the first of May.</text:p>"
        % (removed, "" if not edited else " and at nine"),
        "<text:list><text:list-item><text:p>Tickets are sold on board.</text:p></text:list-item>"
        "<text:list-item><text:p>Bicycles travel<text:s text:c=\"3\"/>free.</text:p></text:list-item></text:list>",
        '<text:p>The crossing takes forty minutes.<text:note text:id="n1" text:note-class="footnote">'
        "<text:note-citation>1</text:note-citation><text:note-body><text:p>In calm weather.</text:p>"
        "</text:note-body></text:note> Dogs must stay on a lead.</text:p>",
        '<text:p><draw:frame><draw:text-box><text:p>Timetables are free at the kiosk.</text:p>'
        "</draw:text-box></draw:frame>Winter sailings are %s.</text:p>"
        % ("unchanged" if not edited else "reduced"),
        "<table:table><table:table-row><table:table-cell><text:p>Weekdays</text:p></table:table-cell>"
        "<table:table-cell><text:p>Hourly</text:p></table:table-cell></table:table-row></table:table>",
        "<text:p>Questions go to the harbour office.<text:line-break/>Telephone after noon.</text:p>",
    ])
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s office:version="1.2">'
            "<office:body><office:text>%s</office:text></office:body></office:document-content>"
            % (ODT_NS, body))


def odt(path, edited):
    write_zip(path, [("mimetype", "application/vnd.oasis.opendocument.text"),
                     ("META-INF/manifest.xml", ODT_MANIFEST), ("content.xml", odt_content(edited))],
              stored_first="mimetype")


# ---------------------------------------------------------------------------------------------
# ODT numbered lists: the numbers live in list styles (text:list-style), some in content.xml's
# automatic styles, one in styles.xml; a list continues another's numbering by style
# (continue-numbering) and by id (continue-list); an item restarts the count (start-value).

ODT_STYLE_NS = (ODT_NS + ' xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
                'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
                'xmlns:xml="http://www.w3.org/XML/1998/namespace"')


def odt_number_level(level, fmt, suffix=".", prefix="", extra=""):
    return ('<text:list-level-style-number text:level="%d" style:num-format="%s" '
            'style:num-suffix="%s"%s%s/>'
            % (level, fmt, suffix, ' style:num-prefix="%s"' % prefix if prefix else "", extra))


def odt_bullet_level(level):
    return '<text:list-level-style-bullet text:level="%d" text:bullet-char="\u2022"/>' % level


ODT_LIST_STYLES = "".join([
    # Steps: 1. with a) below and bullets below that.
    '<text:list-style style:name="L1">', odt_number_level(1, "1"), odt_number_level(2, "a", ")"),
    odt_bullet_level(3), "</text:list-style>",
    '<text:list-style style:name="L3">', odt_bullet_level(1), "</text:list-style>",
    # Roman numbers in brackets.
    '<text:list-style style:name="L4">', odt_number_level(1, "i", ")", "("), "</text:list-style>",
])
# In styles.xml: A. with A.1. below (two levels shown), starting at B.
ODT_COMMON_LIST_STYLE = "".join([
    '<text:list-style style:name="Places">',
    odt_number_level(1, "A", ".", "", ' text:start-value="2"'),
    odt_number_level(2, "1", ".", "", ' text:display-levels="2"'), "</text:list-style>"])


def odt_items(*items, **attrs):
    out = "<text:list%s>" % "".join(' %s="%s"' % (k.replace("_", ":", 1).replace("_", "-"), v)
                                      for k, v in attrs.items())
    for item in items:
        if isinstance(item, tuple):  # (attributes, paragraph text, nested list or "")
            a, text, nested = item
            out += "<text:list-item%s><text:p>%s</text:p>%s</text:list-item>" % (a, esc(text), nested)
        elif item.startswith("<"):
            out += item
        else:
            out += "<text:list-item><text:p>%s</text:p></text:list-item>" % esc(item)
    return out + "</text:list>"


def odt_steps_content(edited):
    body = "".join([
        '<text:h text:outline-level="1">Repotting a Fern</text:h>',
        "<text:p>A fern outgrows its pot every second year or so.</text:p>",
        odt_items("Water the fern the day before.",
                  ("", "Choose a pot %s larger." % ("one size" if not edited else "two sizes"),
                   odt_items("Clay keeps the roots cool.",
                             ("", "Plastic holds water longer.",
                              odt_items("Drill more holes in it.")))),
                  "Loosen the root ball gently.", text_style_name="L1"),
        "<text:p>Once the old pot is off:</text:p>",
        odt_items("Set the fern at the same depth.", "Fill around it with fresh compost.",
                  text_style_name="L1", text_continue_numbering="true"),
        "<text:p>Where it grows best:</text:p>",
        odt_items(("", "In bright shade.", odt_items("A north window will do.",
                                                       "Morning sun is fine.")),
                  "Away from radiators.", text_style_name="Places"),
        odt_items("<text:list-header><text:p>Care through the year.</text:p></text:list-header>",
                  (' text:start-value="10"', "Feed it in %sspring." % ("" if not edited else "late "), ""),
                  "Cut brown fronds at the base.", text_style_name="L1", xml_id="care"),
        odt_items("Wear gloves: some ferns irritate the skin.", text_style_name="L3"),
        odt_items("Repot again when roots show at the holes.", text_style_name="L1",
                  text_continue_list="care"),
        odt_items("the pot,", "the compost,", "the fern.", text_style_name="L4"),
    ])
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s office:version="1.2">'
            "<office:automatic-styles>%s</office:automatic-styles>"
            "<office:body><office:text>%s</office:text></office:body></office:document-content>"
            % (ODT_STYLE_NS, ODT_LIST_STYLES, body))


def odt_steps(path, edited):
    styles = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles %s office:version="1.2">'
              "<office:styles>%s</office:styles></office:document-styles>"
              % (ODT_STYLE_NS, ODT_COMMON_LIST_STYLE))
    write_zip(path, [("mimetype", "application/vnd.oasis.opendocument.text"),
                     ("META-INF/manifest.xml", ODT_MANIFEST), ("content.xml", odt_steps_content(edited)),
                     ("styles.xml", styles)],
              stored_first="mimetype")


def odt_deep_lists(path, depth):
    """A numbered list nested depth deep (ODF has ten levels), each level with one item."""
    body = "<text:p>Deep.</text:p>" + "<text:list text:style-name=\"L1\"><text:list-item><text:p>x</text:p>" * depth
    body += "</text:list-item></text:list>" * depth
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s office:version="1.2">'
               "<office:automatic-styles>%s</office:automatic-styles>"
               "<office:body><office:text>%s</office:text></office:body></office:document-content>"
               % (ODT_STYLE_NS, ODT_LIST_STYLES, body))
    write_zip(path, [("mimetype", "application/vnd.oasis.opendocument.text"),
                     ("META-INF/manifest.xml", ODT_MANIFEST), ("content.xml", content)],
              stored_first="mimetype")


# ---------------------------------------------------------------------------------------------
# EPUB: two chapters; the manifest lists them in the wrong order, the spine in the right one.

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"""


def epub_opf():
    return """<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">redline-test</dc:identifier>
<dc:title>The Orchard Year</dc:title><dc:language>en</dc:language></metadata>
<manifest>
<item id="c2" href="text/chapter%202.xhtml" media-type="application/xhtml+xml"/>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="c1" href="text/one.xhtml" media-type="application/xhtml+xml"/>
</manifest>
<spine><itemref idref="nav" linear="no"/><itemref idref="c1"/><itemref idref="c2"/></spine>
</package>"""


def xhtml(title, body):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>%s</title>'
            "<style>p { margin: 0 }</style></head><body>%s</body></html>" % (title, body))


def epub_chapters(edited):
    one = xhtml("Spring", "".join([
        "<h1>Spring</h1>",
        "<p>The apple trees flowered late this year, after a cold March.</p>",
        "<p>We counted %s hives along the <em>south</em> wall.</p>" % ("twelve" if not edited else "fourteen"),
        "<blockquote><p>Bees do not hurry for anyone.</p></blockquote>",
        "<ul><li>Prune before the buds open.</li><li>Mulch the young trees.</li></ul>",
    ]))
    two = xhtml("Autumn", "".join([
        "<h1>Autumn</h1>",
        "<div><p>The harvest filled %s crates.<br/>Most went to the cider press.</p></div>"
        % ("ninety" if not edited else "a hundred"),
        "<script>var hidden = 1;</script>",
        "<p>The last pears were picked in&nbsp;October.</p>",  # not XML: read as HTML
    ]))
    nav = xhtml("Contents", '<nav><ol><li><a href="text/one.xhtml">Spring</a></li></ol></nav>')
    return one, two, nav


def epub(path, edited):
    one, two, nav = epub_chapters(edited)
    write_zip(path, [("mimetype", "application/epub+zip"), ("META-INF/container.xml", CONTAINER),
                     ("OEBPS/content.opf", epub_opf()), ("OEBPS/nav.xhtml", nav),
                     ("OEBPS/text/chapter 2.xhtml", two), ("OEBPS/text/one.xhtml", one)],
              stored_first="mimetype")


# ---------------------------------------------------------------------------------------------
# PDF: a small writer (Helvetica text placed line by line), two columns and a running header
# and footer on every page.

def pdf_string(s):
    return "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def pdf_file(pages, extra_objects=None, trailer_extra=""):
    """pages: list of content streams (str). Returns the bytes of a PDF with one Helvetica font."""
    objs = []  # index i holds object i+1
    objs.append("<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(None)  # the page tree, filled in below
    objs.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for content in pages:
        data = content.encode("cp1252")
        objs.append("<< /Length %d >>\nstream\n%s\nendstream" % (len(data), content))
        objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                    "/Resources << /Font << /F1 3 0 R >> >> >>" % len(objs))
        kids.append("%d 0 R" % len(objs))
    objs[1] = "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join(kids), len(kids))
    for o in extra_objects or []:
        objs.append(o)
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += ("%d 0 obj\n%s\nendobj\n" % (i + 1, o)).encode("cp1252")
    xref = len(out)
    out += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)).encode()
    for off in offsets:
        out += ("%010d 00000 n \n" % off).encode()
    out += ("trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, trailer_extra, xref)).encode()
    return out


def text_at(x, y, s, size=10):
    return "BT /F1 %d Tf %d %d Td %s Tj ET\n" % (size, x, y, pdf_string(s))


LEADING = 13
COLUMNS = (60, 320)
TOP, BOTTOM = 770, 70


def layout_pages(paragraphs):
    """paragraphs: lists of lines already broken (a paragraph's first line is indented). Fills the
    left column, then the right one, then the next page."""
    pages, page, col, y = [], [], 0, TOP
    for lines in paragraphs:
        item = lines[0].startswith("\u2022")
        for k, line in enumerate(lines):
            if y < BOTTOM:
                col += 1
                y = TOP
                if col == len(COLUMNS):
                    pages.append(page)
                    page, col = [], 0
            # A paragraph's first line is indented; a list item's second line hangs under its text.
            dx = (0 if k == 0 else 9) if item else (14 if k == 0 else 0)
            page.append(text_at(COLUMNS[col] + dx, y, line))
            y -= LEADING
        if not item:
            y -= LEADING // 2  # the space between paragraphs (list items have none)
    pages.append(page)
    out = []
    for n, body in enumerate(pages, 1):
        furniture = (text_at(60, 805, "The Valley Courier \u2014 Council Report", 9)
                     + text_at(280, 40, "Page %d" % n, 9))
        out.append(furniture + "".join(body))
    return out


def pdf_paragraphs(edited, nfill):
    filler = [
        ["Residents asked whether buses would still run", "while the bridge is closed, and were told that",
         "a diversion through the hill farms is planned."],
        ["Shop owners on the east bank fear a quiet", "summer; the council offered to put up signs."],
        ["A petition with four hundred names asked for", "a footbridge to be built first, so that the",
         "school walk is not cut off during the works."],
        ["The river board will check fish stocks before", "and after the work on the foundations."],
    ]
    ps = [
        ["Bridge Plan Goes to Consultation"],
        ["The council will ask residents for their views",
         "before any work on the old stone bridge begins,",
         "and the consultation will run for %s weeks." % ("six" if not edited else "ten")],
        ["Engineers said the bridge carries more traffic",
         "than it was built for. A full survey gave infor-",
         "mation on every arch and the state of the piers."],
        ["\u2022 The arches need new mortar, and the", "parapet must be raised by a foot."],
        ["\u2022 Two piers are to be %s." % ("strengthened" if not edited else "rebuilt")],
    ]
    # Enough filler paragraphs to fill the first page's two columns, so that a sentence runs on
    # from the bottom of page one to the top of page two.
    for i in range(nfill):
        ps.append(filler[i % len(filler)])
    ps.append(["The long sentence that crosses the page break",
               "starts at the bottom of the right column and",
               "ends on the next page after a few more words",
               "about the bridge."])
    ps.append(["A final decision is expected in %s." % ("the spring" if not edited else "the summer")])
    return ps


def pdf_with_pagebreak(edited):
    """As many filler paragraphs as make the long sentence start on page one and end on page
    two."""
    for nfill in range(100):
        pages = layout_pages(pdf_paragraphs(edited, nfill))
        if "crosses the page break" in pages[0] and "about the bridge." in pages[-1] and len(pages) == 2:
            return pdf_file(pages)
    raise AssertionError("no filler count puts the sentence across the page break")


def rows_page(title, rows):
    """One page: a title, then rows (x, text) set from y 740 down, None a half line's gap."""
    body = [text_at(60, 770, title, 16)]
    y = 740
    for row in rows:
        if row:
            body.append(text_at(row[0], y, row[1]))
        y -= LEADING if row else LEADING // 2
    return pdf_file(["".join(body)])


def rota_pdf():
    """One page as a browser prints an HTML page: a list whose bullets are drawn, not written
    (each item a sentence ending short of the column), and a table whose cells are placed apart
    with no space between them in the text."""
    body = [text_at(60, 770, "Lifeboat Station Rota", 16)]
    y = 740
    for line in ["The crew rota for the spring term is set out below, with the tractor drivers",
                 "for each launch. Please tell the coxswain of any change before Friday."]:
        body.append(text_at(60, y, line))
        y -= LEADING
    y -= LEADING
    for line in ["Pagers are tested every Sunday at noon.",
                 "The boathouse key is kept at the harbour office.",
                 "Volunteers under eighteen do not go to sea."]:
        body.append(text_at(75, y, line))  # a bullet drawn left of here, as a shape
        y -= LEADING
    y -= LEADING
    for row in [("Day", "Helm", "Tractor"), ("Monday", "Ann", "Peter"), ("Tuesday", "Bryn", "Carys")]:
        for x, cell in zip((60, 160, 260), row):
            body.append(text_at(x, y, cell))
        y -= LEADING
    return pdf_file(["".join(body)])


def stalls_pdf():
    """Stop 25: a table of one-word cells alone under its heading, the right cells in lower case
    and the widest one reaching the column's edge (no wider line near it), as a justified line of
    two words does. Before, each row was read as one line, "Cakes kitchen"."""
    body = [text_at(60, 770, "Fete stalls", 16)]
    y = 740
    for left, right in [("Cakes", "kitchen"), ("Books", "porch"), ("Plants", "greenhouse"),
                        ("Raffle", "hall")]:
        body.append(text_at(60, y, left))
        body.append(text_at(160, y, right))
        y -= LEADING
    y -= 2 * LEADING
    body.append(text_at(60, y, "Stallholders should arrive by nine."))
    return pdf_file(["".join(body)])


def bullets_pdf():
    """Stop 26: a list whose bullets are set smaller than their items (as DocBook's stylesheets
    print them: a 7 pt bullet raised a point, its item a cell's gap to the right), the bullet's
    box standing lower than the item's capitals. Before, each bullet sorted after its item and
    was read as a bullet alone under it."""
    body = [text_at(60, 770, "What the hall offers", 16)]
    y = 740
    body.append(text_at(60, y, "Hirers may use:"))
    for item in ["The main hall, seating a hundred and twenty.",
                 "The kitchen, with its new cooker.",
                 "The garden, in summer only."]:
        y -= LEADING + 4
        body.append("BT /F1 7 Tf 64 %d Td %s Tj ET\n" % (y + 1, pdf_string("\u2022")))
        body.append(text_at(76, y, item))
    y -= 2 * LEADING
    body.append(text_at(60, y, "Ask the clerk for anything else."))
    return pdf_file(["".join(body)])


def circle_path(cx, cy, r):
    """A circle as four Bezier curves, stroked thin: the ring LaTeX and Texinfo draw around the c
    of their copyright sign."""
    k = 0.5523 * r
    return ("0.4 w %.2f %.2f m %.2f %.2f %.2f %.2f %.2f %.2f c %.2f %.2f %.2f %.2f %.2f %.2f c "
            "%.2f %.2f %.2f %.2f %.2f %.2f c %.2f %.2f %.2f %.2f %.2f %.2f c S\n"
            % (cx + r, cy, cx + r, cy + k, cx + k, cy + r, cx, cy + r,
               cx - k, cy + r, cx - r, cy + k, cx - r, cy,
               cx - r, cy - k, cx - k, cy - r, cx, cy - r,
               cx + k, cy - r, cx + r, cy - k, cx + r, cy))


def circled_pdf():
    """Stop 29: a copyright sign as LaTeX and Texinfo print it: a c a little smaller, and a circle
    drawn around it (no character of the text), under a centred version line; then a c alone in
    a table's cell and a c in a drawn square, which stay c. Before, the sign read as three
    paragraphs, "Copyright", "c" and the rest of its line."""
    body = [text_at(60, 770, "Terms of hire", 16)]
    body.append(text_at(150, 740, "Version 2, 5 December 2026"))
    body.append(text_at(60, 724, "Copyright"))
    body.append("BT /F1 9 Tf 111 725 Td (c) Tj ET\n")
    body.append(circle_path(113.25, 727.2, 5.2))
    body.append(text_at(124, 724, "2026 The Ferncombe Hall Trust. All rights kept."))
    body.append(text_at(60, 700, "The hall may be hired by the hour, the day or the week."))
    body.append(text_at(60, 676, "Plans"))
    body.append("BT /F1 7 Tf 93 679 Td (c) Tj ET\n")
    body.append(circle_path(94.75, 680.6, 3.6))
    body.append(text_at(106, 676, "2025 Ann Lee."))
    for x, cell in ((60, "Rate"), (120, "a"), (160, "b"), (200, "c")):
        body.append(text_at(x, 640, cell))
    body.append(text_at(60, 600, "Form"))
    body.append(text_at(121, 600, "c"))
    body.append("0.4 w 117.5 596.5 10 10 re S\n")
    body.append(text_at(140, 600, "is the form to sign."))
    return pdf_file(["".join(body)])


def hyphens_pdf():
    """Stop 30: a line that ends with a compound's own hyphen ("long-" / "standing", a compound
    the text writes whole on a line before; "state-of-" / "the-art", one of several parts), as a
    browser prints a column (it hyphenates no word), and a word TeX broke ("infor-" / "mation").
    Before, every such hyphen was dropped: "longstanding", "state-ofthe-art". Stop 31: "up-" /
    "to-date", a compound of three broken at its first hyphen (before: "upto-date")."""
    body = [text_at(60, 770, "Shed rota", 16)]
    lines = ["The long-standing rota for the garden shed was",
             "kept by hand. Volunteers asked for a long-",
             "standing fix, so the committee tried a state-of-",
             "the-art booking book, which gave infor-",
             "mation on every slot of the week in an up-",
             "to-date table."]
    for k, line in enumerate(lines):
        body.append(text_at(60, 740 - k * LEADING, line))
    return pdf_file(["".join(body)])


def numbered_pdf():
    """Stop 30: a numbered list whose numbers are text, as a browser or a word processor prints
    one: the numbers at the column's edge, an item's next line hanging under its text, items
    ending sentences at the column's edge and items of a few words. Before, an item went on into
    the next: "... by the stage. 2. Lock the side door ...", "4. Tea towels 5. A mop"."""
    rows = [(60, "Hirers agree to the points below, which the trust"),
            (60, "may change from one season to the next."),
            None,
            (60, "1. Leave the hall as you found it, with the chairs"),
            (74, "stacked against the back wall by the old stage."),
            (60, "2. Lock the side door and the kitchen hatch, and"),
            (74, "switch off the urn and the lights in the porch."),
            (60, "3. Hand the key back to the clerk by the morning."),
            None,
            (60, "Bring your own:"),
            (60, "4. Tea towels"),
            (60, "5. A mop"),
            None,
            (60, "Thank you for looking after the hall for us all.")]
    return rows_page("Hall rules", rows)


def list_start_pdf():
    """Stop 31: a numbered list as a word processor sets it, each number at the column's edge,
    right after a paragraph whose last line runs to that edge and ends a sentence (no gap, no
    indent, no short line before "1."). Before, the first item was read inside the paragraph
    ("... an hour later. 1. Fill the urn ...")."""
    rows = [(60, "Whoever opens the hall on a Saturday morning"),
            (60, "should come at nine and leave an hour later."),
            (60, "1. Fill the urn from the tap by the hatch and"),
            (74, "switch it on at the wall."),
            (60, "2. Set out the chairs in rows of ten."),
            None,
            (60, "The caretaker locks up again at noon.")]
    return rows_page("Opening up", rows)


def page_notes_pdf():
    """Stop 31: a paragraph that runs on over a page break, the first page's notes, set smaller,
    at its foot between the paragraph's last line there and its next on the second page. Before,
    the notes were read inside the sentence ("... the volunteers who" / "1 The pond ..." /
    "carried the soil ...")."""
    first = [text_at(60, 770, "Pond report", 16)]
    lines = ["The pond by the shed was dug out in the spring,",
             "and the frogs came back within a week of the",
             "rain. The committee thanks the volunteers who"]
    for k, line in enumerate(lines):
        first.append(text_at(60, 740 - k * LEADING, line))
    notes = ["1 The pond was first dug in the year the hut was built.",
             "2 Frogspawn was seen again in March."]
    for k, line in enumerate(notes):
        first.append(text_at(60, 90 - k * 10, line, 8))
    second = [text_at(60, 770, "carried the soil away in barrows, and the"),
              text_at(60, 770 - LEADING, "neighbours who lent their hoses."),
              text_at(60, 770 - 2 * LEADING - 6, "The next work day is in May.")]
    return pdf_file(["".join(first), "".join(second)])


def caption_pdf():
    """Stop 30: a paragraph that flows around a picture (a float, as a browser prints one), the
    picture's caption set smaller beside the paragraph's short lines. Before, the caption was
    read inside the paragraph's sentence ("... fitted the" / "Figure 1. ..." / "cupboards ...")."""
    body = [text_at(60, 770, "Kitchen news", 16)]
    left = ["The new kitchen in the hall opened last week, after",
            "a long winter of work by the",
            "volunteers, who fitted the",
            "cupboards and the sink by",
            "hand and painted the walls",
            "a pale green. The urn is now on the side by the",
            "hatch, and the old cooker has gone for scrap."]
    for k, line in enumerate(left):
        body.append(text_at(60, 740 - k * LEADING, line))
    body.append("0.8 g 200 700 80 24 re f 0 g\n")  # the picture, a grey box
    for k, line in enumerate(["Figure 1. The kitchen,", "seen from the hatch."]):
        body.append("BT /F1 8 Tf 200 %d Td %s Tj ET\n" % (690 - k * 9, pdf_string(line)))
    body.append(text_at(60, 740 - 8 * LEADING, "Tea is served from ten on Saturdays."))
    return pdf_file(["".join(body)])


def terms_pdf():
    """Stop 31: a list of terms and their definitions (a <dl>, as a browser prints one): each
    term at the column's edge, its definition's lines indented below it, the last stopping short
    with no sentence end. Before, a definition ran into the next term ("... by the gate Half
    plot"), and a term shorter than the indent into its definition ("Plot a strip ...")."""
    rows = [(60, "New members ask about these words at every"),
            (60, "meeting of the society, so here they are:"),
            None,
            (60, "Plot"),
            (90, "a strip of ground let for a year at a time,"),
            (90, "marked with a post at each corner and a"),
            (90, "number on the side by the gate"),
            (60, "Half plot"),
            (90, "the same strip cut in two"),
            (60, "Seed swap"),
            (90, "held in the hut each March, after the"),
            (90, "meeting of the whole society"),
            None,
            (60, "Ask the secretary about any other word.")]
    return rows_page("Allotment words", rows)


def margins_pdf():
    """One page as a browser prints it with its header and footer (stop 24): a date and time
    stamp and the title on one baseline at the top, the page's address and "Page 1 of 1" at the
    foot, and two columns of text whose gutter (17 pt) is narrower than two line heights."""
    body = [text_at(20, 825, "05.12.26, 05:21", 8), text_at(260, 825, "Harbour notice", 8),
            text_at(20, 15, "https://example.org/harbour/notice.html", 8),
            text_at(520, 15, "Page 1 of 1", 8)]
    left = ["The harbour master asks every owner of a",
            "mooring on the north wall to move their",
            "boat to the visitors' pontoon by Friday.",
            "The wall is to be repointed next week."]
    right = ["Boats left on the wall will be moved by",
             "the harbour staff at the owner's risk.",
             "Moorings will be free again from the",
             "first Monday of next month."]
    for k, (a, b) in enumerate(zip(left, right)):
        body.append(text_at(40, 760 - k * LEADING, a))
        body.append(text_at(245, 760 - k * LEADING, b))
    return pdf_file(["".join(body)])


def encrypted_pdf():
    """A PDF with a standard security handler whose user password is not empty: no reader can
    open it without the password."""
    enc = ("<< /Filter /Standard /V 1 /R 2 /P -44 /O <%s> /U <%s> >>"
           % ("6f" * 32, "55" * 32))
    pages = [text_at(60, 700, "A secret paragraph.")]
    body = pdf_file(pages, extra_objects=[enc],
                    trailer_extra="/Encrypt 6 0 R /ID [<0123456789abcdef0123456789abcdef> "
                                  "<0123456789abcdef0123456789abcdef>] ")
    return body


# ---------------------------------------------------------------------------------------------

def main():
    docx(os.path.join(HERE, "draft1.docx"), docx_body(False), DOCX_FOOTNOTE)
    docx(os.path.join(HERE, "draft2.docx"), docx_body(True), DOCX_FOOTNOTE)
    odt(os.path.join(HERE, "ferry1.odt"), False)
    odt(os.path.join(HERE, "ferry2.odt"), True)
    docx(os.path.join(HERE, "shapes.docx"), docx_shapes_body(), DOCX_FOOTNOTE,
         DOCX_SHAPES_NUMBERING)
    docx(os.path.join(HERE, "symbols.docx"), docx_symbols_body(), DOCX_FOOTNOTE)
    docx(os.path.join(HERE, "checklist-v1.docx"), docx_checklist_body(False), DOCX_FOOTNOTE)
    docx(os.path.join(HERE, "checklist-v2.docx"), docx_checklist_body(True), DOCX_FOOTNOTE)
    odt_steps(os.path.join(HERE, "steps1.odt"), False)
    odt_steps(os.path.join(HERE, "steps2.odt"), True)
    epub(os.path.join(HERE, "orchard1.epub"), False)
    epub(os.path.join(HERE, "orchard2.epub"), True)
    with open(os.path.join(HERE, "bridge1.pdf"), "wb") as f:
        f.write(pdf_with_pagebreak(False))
    with open(os.path.join(HERE, "bridge2.pdf"), "wb") as f:
        f.write(pdf_with_pagebreak(True))
    with open(os.path.join(HERE, "rota.pdf"), "wb") as f:
        f.write(rota_pdf())
    with open(os.path.join(HERE, "stalls.pdf"), "wb") as f:
        f.write(stalls_pdf())
    with open(os.path.join(HERE, "bullets.pdf"), "wb") as f:
        f.write(bullets_pdf())
    for path in (os.path.join(HERE, "circled.pdf"),
                 os.path.join(HERE, "..", "fuzz", "corpus", "fuzz_pdf", "circled.pdf")):
        with open(path, "wb") as f:
            f.write(circled_pdf())
    for path in (os.path.join(HERE, "hyphens.pdf"),
                 os.path.join(HERE, "..", "fuzz", "corpus", "fuzz_pdf", "hyphens.pdf")):
        with open(path, "wb") as f:
            f.write(hyphens_pdf())
    for path in (os.path.join(HERE, "numbered.pdf"),
                 os.path.join(HERE, "..", "fuzz", "corpus", "fuzz_pdf", "numbered.pdf")):
        with open(path, "wb") as f:
            f.write(numbered_pdf())
    for path in (os.path.join(HERE, "caption.pdf"),
                 os.path.join(HERE, "..", "fuzz", "corpus", "fuzz_pdf", "caption.pdf")):
        with open(path, "wb") as f:
            f.write(caption_pdf())
    for path in (os.path.join(HERE, "list-start.pdf"),
                 os.path.join(HERE, "..", "fuzz", "corpus", "fuzz_pdf", "list-start.pdf")):
        with open(path, "wb") as f:
            f.write(list_start_pdf())
    for path in (os.path.join(HERE, "page-notes.pdf"),
                 os.path.join(HERE, "..", "fuzz", "corpus", "fuzz_pdf", "page-notes.pdf")):
        with open(path, "wb") as f:
            f.write(page_notes_pdf())
    for path in (os.path.join(HERE, "terms.pdf"),
                 os.path.join(HERE, "..", "fuzz", "corpus", "fuzz_pdf", "terms.pdf")):
        with open(path, "wb") as f:
            f.write(terms_pdf())
    for path in (os.path.join(HERE, "margins.pdf"),
                 os.path.join(HERE, "..", "fuzz", "corpus", "fuzz_pdf", "margins.pdf")):
        with open(path, "wb") as f:
            f.write(margins_pdf())

    # A small file of much text: 2,000 copies of one paragraph (some 100 KB of text in a few KB),
    # for --max-size on the extracted text.
    docx(os.path.join(HERE, "long.docx"),
         para(run("This paragraph is written many times to make a long text from a small file.")) * 2000,
         DOCX_FOOTNOTE)

    # Hostile documents.
    with open(os.path.join(HERE, "draft1.docx"), "rb") as f:
        whole = f.read()
    with open(os.path.join(HOSTILE, "truncated.docx"), "wb") as f:
        f.write(whole[: len(whole) // 2])
    with open(os.path.join(HERE, "bridge1.pdf"), "rb") as f:
        pdf = f.read()
    with open(os.path.join(HOSTILE, "truncated.pdf"), "wb") as f:
        f.write(pdf[: len(pdf) // 2])
    with open(os.path.join(HOSTILE, "encrypted.pdf"), "wb") as f:
        f.write(encrypted_pdf())
    # A zip bomb: 80 MiB of zeros deflate to some 80 KB (the reader's cap is 64 MiB a member).
    write_zip(os.path.join(HOSTILE, "zip-bomb.docx"),
              [("[Content_Types].xml", DOCX_TYPES), ("word/document.xml", bytes(80 << 20))])
    write_zip(os.path.join(HOSTILE, "invalid-xml.docx"),
              [("[Content_Types].xml", DOCX_TYPES),
               ("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="%s"><w:body>'
                '<w:p><w:r><w:t>Unclosed</w:r></w:p></w:body>' % W)])
    # Numbered lists nested 60 deep: ODF has ten levels, the deeper ones stay at the tenth.
    odt_deep_lists(os.path.join(HOSTILE, "deep-lists.odt"), 60)
    write_zip(os.path.join(HOSTILE, "no-document.docx"),
              [("[Content_Types].xml", DOCX_TYPES), ("_rels/.rels", DOCX_RELS)])


if __name__ == "__main__":
    main()
