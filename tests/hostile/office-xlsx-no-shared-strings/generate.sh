#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  A workbook whose cells name
# shared strings but which has none (xl/sharedStrings.xml left out, as a
# broken export does): one error, at the first such cell, not one a cell.
set -eu
python3 - "$1/nosst.xlsx" <<'PY'
import sys, zipfile
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
rows = "".join('<row r="%d"><c r="A%d" t="s"><v>%d</v></c><c r="B%d" t="s"><v>%d</v></c></row>' % (r, r, 2 * r, r, 2 * r + 1) for r in range(1, 30))
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>' % (S, R))
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' % R)
    z.writestr("xl/worksheets/sheet1.xml", '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (S, rows))
PY
