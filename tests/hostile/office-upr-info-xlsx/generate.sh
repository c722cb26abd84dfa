#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  An Excel file given to the
# UPR Info importer, which reads CSV.
set -eu
python3 - "$1/upr.xlsx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", "<workbook/>")
PY
