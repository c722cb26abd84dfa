#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  An .xlsx whose sheet inflates
# from a few kilobytes to 16 MB (within the size limit, not the ratio).
set -eu
python3 - "$1/ratio.xlsx" <<'PY'
import sys, zipfile
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", '<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' % (S, R))
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="%s/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' % R)
    z.writestr("xl/worksheets/sheet1.xml", '<worksheet xmlns="%s"><sheetData>' % S + " " * (16 << 20) + "</sheetData></worksheet>")
PY
