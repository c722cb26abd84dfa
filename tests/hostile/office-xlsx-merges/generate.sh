#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  A UHRI export whose sheet
# merges 20,000 ranges of cells, one the whole of Excel's grid: refused
# at once, not looked through at every empty cell (office_sheet_cell), and
# nothing made of what a range declares.
set -eu
python3 - "$1/merges.xlsx" <<'PY'
import sys, zipfile
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
head = ["Text", "Countries Concerned", "Reccomending Body", "UPR Reccomending States", "UPR Position", "Themes", "UPR Session"]
row = ["110.1 Ratify the Convention against Torture (Chile);", "- Peru", "- UPR", "- Chile", "- Supported", "- Torture", "42"]
def cells(r, values):
    return '<row r="%d">%s</row>' % (r, "".join(
        '<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (chr(65 + i), r, v)
        for i, v in enumerate(values)))
merges = ['<mergeCell ref="A1:XFD1048576"/>'] + [
    '<mergeCell ref="H%d:I%d"/>' % (r, r) for r in range(3, 20002)]
sheet = ('<worksheet xmlns="%s"><sheetData>%s%s</sheetData><mergeCells count="%d">%s</mergeCells></worksheet>'
         % (S, cells(1, head), cells(2, row), len(merges), "".join(merges)))
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' % (S, R))
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' % R)
    z.writestr("xl/worksheets/sheet1.xml", sheet)
PY
