#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  A cell naming shared string
# 99 of a table of 1: the message names the sheet and the cell.
set -eu
python3 - "$1/sst.xlsx" <<'PY'
import sys, zipfile
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>' % (S, R))
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="%s/sharedStrings" Target="sharedStrings.xml"/></Relationships>' % (R, R))
    z.writestr("xl/sharedStrings.xml", '<sst xmlns="%s"><si><t>Text</t></si></sst>' % S)
    z.writestr("xl/worksheets/sheet1.xml", '<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="7"><c r="B7" t="s"><v>99</v></c></row></sheetData></worksheet>' % S)
PY
