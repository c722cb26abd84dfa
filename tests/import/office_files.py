#!/usr/bin/python3
"""Makes the Office files the import tests read, byte by byte (zipfile and
hand-written XML: what no library would write, hostile parts included).

  office_files.py docx OUT.docx ROWS.json   a matrix: [header cells], then
        rows; a row is a list of cells (a cell: list of paragraphs), or
        {"theme": "..."} for a "Theme:" row across the table;
        optional {"modified": "2016-05-04"} first sets docProps/core.xml,
        {"headers": {"word/header2.xml": [paragraphs]}} the page headers
  office_files.py xlsx OUT.xlsx IN.csv [ROWS_PER_SHEET]  the CSV's rows
        spread over sheets (each with the header row), strings written
        inline, shared, and as rich text runs in turn, numbers as numbers,
        empty cells left out, a last sheet with notes and no header, a
        date column in the 1904 system
  office_files.py part OUT.zip NAME FILE [NAME FILE...]   parts as given
  office_files.py count FILE.docx   "TOTAL SUPPORTED NOTED" read from the
        document's table: paragraphs opening with a number, and the
        positions (an independent reader, for the counts to compare)
"""
import csv
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
FIXED = (2020, 1, 1, 0, 0, 0)


def write_zip(out, parts):
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def para(text):
    runs = []
    for i, piece in enumerate(text.split("\t")):
        if i:
            runs.append("<w:r><w:tab/></w:r>")
        runs.append('<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(piece))
    return "<w:p>%s</w:p>" % "".join(runs)


def docx(out, rows_file):
    rows = json.load(open(rows_file, encoding="utf-8"))
    opts = {}
    if rows and isinstance(rows[0], dict) and "theme" not in rows[0]:
        opts = rows.pop(0)
    modified = opts.get("modified")
    width = len(rows[0])
    body = ["<w:tbl><w:tblGrid>%s</w:tblGrid>" % ('<w:gridCol w:w="2000"/>' * width)]
    for row in rows:
        body.append("<w:tr>")
        if isinstance(row, dict):
            body.append('<w:tc><w:tcPr><w:gridSpan w:val="%d"/></w:tcPr>%s</w:tc>'
                        % (width, para("Theme: " + row["theme"])))
        else:
            for cell in row:
                paras = cell if isinstance(cell, list) else [cell]
                body.append("<w:tc>%s</w:tc>" % "".join(para(p) for p in paras or [""]))
        body.append("</w:tr>")
    body.append("</w:tbl>")
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="%s"><w:body>%s<w:p/></w:body></w:document>'
           % (W, "".join(body)))
    parts = [
        ("[Content_Types].xml",
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" '
         'Target="word/document.xml"/></Relationships>' % (PR, R)),
        ("word/document.xml", doc),
    ]
    for name, paras in opts.get("headers", {}).items():
        parts.append((name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                      '<w:hdr xmlns:w="%s">%s</w:hdr>' % (W, "".join(para(p) for p in paras))))
    if modified:
        parts.append(("docProps/core.xml",
                      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                      'xmlns:dcterms="http://purl.org/dc/terms/">'
                      '<dcterms:modified>%sT09:00:00Z</dcterms:modified></cp:coreProperties>' % modified))
    write_zip(out, parts)


def col_name(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def xlsx(out, csv_file, per_sheet=3):
    rows = list(csv.reader(open(csv_file, newline="", encoding="utf-8-sig")))
    header, data = rows[0], rows[1:]
    date_cols = {i for i, h in enumerate(header) if "Date" in h}
    shared, index = [], {}
    sheets = []
    turn = 0

    def cell(ref, value, col):
        nonlocal turn
        if value == "":
            return ""
        if re.fullmatch(r"-?\d+(\.\d+)?", value):
            if col in date_cols:
                # the 1904 system: 1462 days fewer than 1900's serials
                return '<c r="%s" s="1"><v>%s</v></c>' % (ref, float(value) - 1462)
            return '<c r="%s"><v>%s</v></c>' % (ref, value)
        turn += 1
        if turn % 3 == 0:
            return '<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, escape(value))
        if turn % 3 == 1:
            runs = "<t xml:space=\"preserve\">%s</t>" % escape(value)
        else:  # the same text as two runs, the second bold
            half = len(value) // 2
            runs = ('<r><t xml:space="preserve">%s</t></r><r><rPr><b/></rPr>'
                    '<t xml:space="preserve">%s</t></r>' % (escape(value[:half]), escape(value[half:])))
        if runs not in index:
            index[runs] = len(shared)
            shared.append(runs)
        return '<c r="%s" t="s"><v>%d</v></c>' % (ref, index[runs])

    for start in range(0, len(data), per_sheet):
        chunk = [header] + data[start:start + per_sheet]
        xml_rows = []
        for r, row in enumerate(chunk, 1):
            cells = "".join(cell("%s%d" % (col_name(c + 1), r), v, c) for c, v in enumerate(row))
            xml_rows.append('<row r="%d">%s</row>' % (r, cells))
        sheets.append(("Export %d" % (len(sheets) + 1), "".join(xml_rows)))
    sheets.append(("Notes", '<row r="2"><c r="B2" t="inlineStr"><is><t>Exported from uhri.ohchr.org</t></is></c></row>'))
    parts = [
        ("[Content_Types].xml",
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="xml" ContentType="application/xml"/></Types>'),
        ("_rels/.rels",
         '<Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" '
         'Target="xl/workbook.xml"/></Relationships>' % (PR, R)),
        ("xl/workbook.xml",
         '<workbook xmlns="%s" xmlns:r="%s"><workbookPr date1904="1"/><sheets>%s</sheets></workbook>'
         % (S, R, "".join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(n), i + 1, i + 10)
                          for i, (n, _) in enumerate(sheets)))),
        ("xl/_rels/workbook.xml.rels",
         '<Relationships xmlns="%s">%s<Relationship Id="rId1" Type="%s/sharedStrings" Target="sharedStrings.xml"/>'
         '<Relationship Id="rId2" Type="%s/styles" Target="styles.xml"/></Relationships>'
         % (PR, "".join('<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>'
                        % (i + 10, R, i + 1) for i in range(len(sheets))), R, R)),
        ("xl/sharedStrings.xml",
         '<sst xmlns="%s">%s</sst>' % (S, "".join("<si>%s</si>" % s for s in shared))),
        ("xl/styles.xml",
         '<styleSheet xmlns="%s"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>' % S),
    ]
    for i, (_, rows_xml) in enumerate(sheets):
        parts.append(("xl/worksheets/sheet%d.xml" % (i + 1),
                      '<worksheet xmlns="%s"><dimension ref="A1:XFD1048576"/><sheetData>%s</sheetData></worksheet>'
                      % (S, rows_xml)))
    write_zip(out, parts)


def count(path):
    root = ET.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    total = supported = noted = 0
    for tr in root.iter("{%s}tr" % W):
        cells = tr.findall("{%s}tc" % W)
        texts = [["".join(t.text or "" for t in p.iter("{%s}t" % W)) for p in tc.iter("{%s}p" % W)]
                 for tc in cells]
        n = sum(1 for p in texts[0] if re.match(r"\s*\d+\.\d+\s+\S", p)) if texts else 0
        if not n:
            continue
        total += n
        position = " ".join(" ".join(t) for t in texts[1:2]).strip().lower()
        if position.startswith("supported"):
            supported += n
        elif position.startswith("noted"):
            noted += n
    print(total, supported, noted)


def main():
    what = sys.argv[1]
    if what == "docx":
        docx(sys.argv[2], sys.argv[3])
    elif what == "xlsx":
        xlsx(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 3)
    elif what == "part":
        args = sys.argv[3:]
        parts = []
        for name, file in zip(args[::2], args[1::2]):
            parts.append((name, open(file, "rb").read()))
        write_zip(sys.argv[2], parts)
    elif what == "count":
        count(sys.argv[2])


if __name__ == "__main__":
    main()
