#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  A UHRI export whose sheet
# declares every cell of Excel in use (A1:XFD1048576) and holds one in
# the last corner: read from what it holds, quickly, nothing allocated
# from what it declares.
set -eu
python3 - "$1/dim.xlsx" <<'PY'
import sys, zipfile
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
head = ["Text", "Countries Concerned", "Reccomending Body", "UPR Reccomending States", "UPR Position", "Themes", "UPR Session"]
row = ["110.1 Ratify the Convention against Torture (Chile);", "- Peru", "- UPR", "- Chile", "- Supported", "- Torture", "42"]
def cells(r, values):
    out = []
    for i, v in enumerate(values):
        ref = "%s%d" % (chr(65 + i), r)
        if v.isdigit():
            out.append('<c r="%s"><v>%s</v></c>' % (ref, v))
        else:
            out.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, v))
    return '<row r="%d">%s</row>' % (r, "".join(out))
sheet = ('<worksheet xmlns="%s"><dimension ref="A1:XFD1048576"/><sheetData>%s%s'
         '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>corner</t></is></c></row></sheetData></worksheet>'
         % (S, cells(1, head), cells(2, row)))
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' % (S, R))
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' % R)
    z.writestr("xl/worksheets/sheet1.xml", sheet)
PY
