#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  An Excel workbook saved with
# a .docx name, given as the matrix.
set -eu
python3 - "$1/matrix.docx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')
PY
