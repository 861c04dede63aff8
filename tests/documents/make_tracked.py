#!/usr/bin/env python3
"""make_tracked.py: writes tracked-v1.docx (a committee's note, clean) and tracked-v2.docx (the
same note sent back with its edits pending as tracked changes), written for stop 23. The second
holds what a reviewer's Word file holds: insertions and deletions, a paragraph mark deleted (two
paragraphs joined), a numbered item deleted whole, a sentence moved (w:moveFrom / w:moveTo), a
comment, a hidden run, a table of contents whose page numbers moved, a "Page N" field, fields
nested in a TOC, a footnote. Read with the changes accepted, the pair differs only by the edits.
Standard library only; fixed zip timestamps, so the output is stable.

    python3 tests/documents/make_tracked.py
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = (2020, 1, 1, 0, 0, 0)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
AUTH = 'w:author="R. Quill" w:date="2024-03-02T10:00:00Z"'


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def r(t):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % esc(t)


def ins(t, i=1):
    return '<w:ins w:id="%d" %s>%s</w:ins>' % (i, AUTH, r(t))


def dele(t, i=2):
    return ('<w:del w:id="%d" %s><w:r><w:delText xml:space="preserve">%s</w:delText></w:r></w:del>'
            % (i, AUTH, esc(t)))


def hidden(t):
    return '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">%s</w:t></w:r>' % esc(t)


def field(instr, result):
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
            ' %s </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>%s'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>' % (esc(instr), r(result)))


def p(inner, style=None, num=False, mark_deleted=False):
    ppr = ""
    if style:
        ppr += '<w:pStyle w:val="%s"/>' % style
    if num:
        ppr += '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>'
    if mark_deleted:
        ppr += '<w:rPr><w:del w:id="3" %s/></w:rPr>' % AUTH
    return '<w:p>%s%s</w:p>' % ('<w:pPr>%s</w:pPr>' % ppr if ppr else "", inner)


def toc(pages):
    entries = "".join(
        p('<w:hyperlink w:anchor="_Toc%d">%s<w:r><w:tab/></w:r>%s</w:hyperlink>'
          % (k, r(title), field("PAGEREF _Toc%d \\h" % k, str(page))), "TOC1")
        for k, (title, page) in enumerate(pages))
    first = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
             ' TOC \\o "1-3" \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>')
    return ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
            '<w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>%s%s%s</w:sdtContent></w:sdt>'
            % (p(r("Contents"), "TOCHeading"), p(first) + entries,
               p('<w:r><w:fldChar w:fldCharType="end"/></w:r>')))


def body(tracked):
    b = [p(r("Village Hall Roof: Note for the Committee"), "Title")]
    b.append(toc([("Background", 1), ("Options", 1 if not tracked else 2), ("Next steps", 2)]))
    b.append(p(r("Background"), "Heading1"))
    if not tracked:
        b.append(p(r("The hall roof has leaked over the stage since the storm in January. "
                     "A surveyor inspected it in February and found slipped slates and a "
                     "cracked valley gutter.")))
        b.append(p(r("The insurer will not pay for wear.")))
        b.append(p(r("Repairs must wait for dry weather.")))
    else:
        b.append(p(r("The hall roof has leaked over the stage since the storm in January. "
                     "A surveyor inspected it in ") + dele("February") + ins("early March") +
                   r(" and found slipped slates and a cracked valley gutter.") +
                   '<w:commentRangeStart w:id="0"/>' +
                   '<w:r><w:commentReference w:id="0"/></w:r><w:commentRangeEnd w:id="0"/>'))
        # the mark of this paragraph deleted: it runs on into the next one
        b.append(p(r("The insurer will not pay for wear,") + dele("."), mark_deleted=True))
        b.append(p(ins(" so the committee must fund the work. ") +
                   r("Repairs must wait for dry weather.")))
    b.append(p(r("Options"), "Heading1"))
    items = ["Patch the valley gutter and refix the slates.",
             "Reroof the stage end only.",
             "Reroof the whole hall."]
    for k, t in enumerate(items):
        if tracked and k == 1:
            # the second option deleted, its paragraph mark with it: gone, and so is its number
            b.append(p(dele(t, 5), num=True, mark_deleted=True))
        else:
            b.append(p(r(t), num=True))
    if tracked:
        b.append(p(ins("Apply to the heritage fund for half of the cost.", 6), num=True))
    note = ('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r>')
    b.append(p(r("Quotes were sought from three roofers.") + note +
               (hidden(" Check the third quote before the meeting.") if tracked else "")))
    b.append(p(r("Next steps"), "Heading1"))
    moved = "The treasurer will report on reserves."
    if not tracked:
        b.append(p(r("The committee will choose an option on 14 March. ") + r(moved)))
        b.append(p(r("Work could start in May.")))
    else:
        b.append(p(r("The committee will choose an option on 14 March. ") +
                   '<w:moveFrom w:id="7" %s>%s</w:moveFrom>' % (AUTH, r(moved))))
        b.append(p(r("Work could start in May. ") +
                   '<w:moveTo w:id="8" %s>%s</w:moveTo>' % (AUTH, r(moved))))
    b.append(p(r("Page ") + field("PAGE", "2" if tracked else "1") + r(" of ") +
               field("NUMPAGES", "2")))
    return "".join(b)


def document(tracked):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="%s"><w:body>%s<w:sectPr/></w:body></w:document>'
            % (W, body(tracked)))


NUMBERING = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="%s">'
             '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
             '<w:numFmt w:val="decimal"/><w:lvlText w:val="%%1."/></w:lvl></w:abstractNum>'
             '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>' % W)
FOOTNOTES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="%s">'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>%s</w:p></w:footnote></w:footnotes>'
             % (W, r(" Each quote is kept by the secretary.")))
COMMENTS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="%s">'
            '<w:comment w:id="0" %s><w:p>%s</w:p></w:comment></w:comments>'
            % (W, AUTH, r("Was it not the second week of March?")))


def joined_body():
    """Stop 25: numbered items whose paragraph marks were deleted (joined.docx). Accepted, a
    joined paragraph keeps the first part's properties, as Word 2013 and later keep them: item
    two runs on with the third's words under its own number, and a plain paragraph that takes in
    item five stays plain, the items after it numbered on from four. Stop 28: a paragraph with a
    text box in it, joined to the next."""
    return "".join([
        p(r("Item one."), num=True),
        p(r("Item two, ") + dele("and"), num=True, mark_deleted=True),
        p(r("joined to the third."), num=True),
        p(r("Item four."), num=True),
        p(r("A plain sentence, "), mark_deleted=True),
        p(r("and what was item five."), num=True),
        p(r("Item six."), num=True),
        # stop 28: a paragraph holding a text box, its mark deleted: it still runs on into the
        # next one, and the box follows the joined paragraph
        p(r("The hall is booked, ") + text_box("Keys from the clerk.") + r("as agreed, "),
          mark_deleted=True),
        p(r("for the whole of May.")),
    ])


def text_box(t):
    """A text box as VML writes it (the reader keeps w:txbxContent wherever it stands)."""
    return ('<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
            '<w:txbxContent>%s</w:txbxContent></v:textbox></v:shape></w:pict></w:r>' % p(r(t)))


def write(path, tracked, doc=None):
    members = [("word/document.xml", doc or document(tracked)), ("word/numbering.xml", NUMBERING),
               ("word/footnotes.xml", FOOTNOTES)]
    if tracked:
        members.append(("word/comments.xml", COMMENTS))
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


write(os.path.join(HERE, "tracked-v1.docx"), False)
write(os.path.join(HERE, "tracked-v2.docx"), True)
write(os.path.join(HERE, "joined.docx"), False,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="%s">'
      '<w:body>%s<w:sectPr/></w:body></w:document>' % (W, joined_body()))
