#!/usr/bin/env python3
"""make_toolshed.py: writes toolshed-v1.docx (a proposal) and toolshed-v2.docx (its revision,
edited without tracked changes) from the text below, written for stop 22: headings, a bulleted
and a numbered list, a table, curly quotes, a link, and runs split inside words as Word splits
them (proofing marks, bookmarks); a soft hyphen (U+00AD) in "jig-saw", a non-breaking hyphen and
no-break spaces. Standard library only; fixed zip timestamps, so the output is stable.

    python3 tests/documents/make_toolshed.py
"""
import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
STAMP = (2020, 1, 1, 0, 0, 0)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
def esc(s): return s.replace("&","&amp;").replace("<","&lt;").replace(">","&gt;")
def r(t, rpr=""):
    return '<w:r w:rsidR="00A1B2C3">%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, esc(t))
def runs(text):
    # Word splits runs at odd places (proofing, rsids): split every ~17 chars, mid-word
    out=[]; i=0; k=0
    while i < len(text):
        n = 7 + (k*5)%13; k+=1
        out.append(r(text[i:i+n]))
        if k%3==0: out.append('<w:proofErr w:type="spellStart"/>')
        if k%4==0: out.append('<w:bookmarkStart w:id="%d" w:name="_Hlk%d"/><w:bookmarkEnd w:id="%d"/>'%(k,k,k))
        i+=n
    return "".join(out)
def p(inner, style=None, num=None):
    ppr=""
    if style or num:
        ppr='<w:pPr>%s%s<w:spacing w:after="120"/><w:rPr><w:lang w:val="en-GB"/></w:rPr></w:pPr>'%(
          '<w:pStyle w:val="%s"/>'%style if style else "",
          '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr>'%num if num else "")
    return '<w:p w:rsidR="00112233" w:rsidRDefault="00445566">%s%s</w:p>'%(ppr,inner)
def cell(t): return '<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>%s</w:tc>'%p(runs(t))
def table(rows):
    return '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/></w:tblGrid>%s</w:tbl>'%"".join(
        '<w:tr>%s</w:tr>'%"".join(cell(c) for c in row) for row in rows)
def doc(body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="%s" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>%s<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'%(W,body))
NUMBERING = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="%s">
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/><w:lvlJc w:val="left"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>'''%W
STYLES='''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="%s"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style></w:styles>'''%W
CT='''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'''
RELS='''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'''
def write(path, body):
    members = [("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("word/document.xml", doc(body)),
               ("word/numbering.xml", NUMBERING), ("word/styles.xml", STYLES)]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))

SHY="\u00ad"; NB="\u00a0"
def v(ed):
    b=[]
    b.append(p(runs("Proposal for a Community Tool Library"),"Title"))
    b.append(p(runs("Background"),"Heading1"))
    b.append(p(runs("Most households own a drill that is used for a few minutes a year. A tool library lends such things to members for a small annual fee, so that fewer are bought and more are shared." if not ed else
                    "Most households own a drill that is used for only a few minutes a year. A tool library lends such things to members for a modest annual fee, so that fewer are bought and more are shared.")))
    b.append(p(r("The idea was raised at the residents’ meeting in March, where ")+r("“")+r("broad support")+r("”")+r(" was recorded in the minutes. Several people offered to donate tools they no longer need, and the parish council has said it would consider a small grant."+( "" if not ed else " Two local builders have since offered advice."))))
    b.append(p(runs("What we propose"),"Heading1"))
    b.append(p(runs("We would start with a single room and a modest stock:")))
    items = ["power tools: drills, sanders and a jig"+SHY+"saw;",
             "garden tools, including a lawn"+"\u2011"+"aerator and two wheelbarrows;",
             "decorating kit: ladders, pasting tables, a wallpaper steamer;"]
    if ed: items = ["power tools: drills, sanders and a jigsaw;",
             "garden tools, including a lawn"+"\u2011"+"aerator and three wheelbarrows;",
             "decorating kit: ladders, pasting tables, a wallpaper steamer;",
             "a repair bench for bicycles."]
    for it in items: b.append(p(runs(it),"ListParagraph",1))
    b.append(p(runs("Running costs"),"Heading1"))
    b.append(p(runs("Our estimate of the first year’s costs is set out below."+(" Figures are rounded to the nearest ten pounds." if ed else ""))))
    rows=[["Item","Cost"],["Room hire","£1"+NB+"200"],["Insurance","£"+("350" if not ed else "420")],["Shelving and tags","£180"]]
    b.append(table(rows))
    b.append(p(runs("Next steps"),"Heading1"))
    steps=["Agree a name and a constitution.","Apply for the parish grant by 30"+NB+"June.","Hold a launch day on the green."]
    if ed: steps=["Agree a name and a constitution.","Find a treasurer.","Apply for the parish grant by 30"+NB+"June.","Hold a launch day on the green."]
    for s in steps: b.append(p(runs(s),"ListParagraph",2))
    b.append(p(r("Contact: ")+'<w:hyperlink r:id="rId9" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>toollibrary@example.org</w:t></w:r></w:hyperlink>'))
    return "".join(b)
if __name__ == "__main__":
    write(os.path.join(HERE, "toolshed-v1.docx"), v(False))
    write(os.path.join(HERE, "toolshed-v2.docx"), v(True))
