#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  A document part with 100,000
# nested elements.
set -eu
python3 - "$1/deep.docx" <<'PY'
import sys, zipfile
doc = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' + "<w:tbl>" * 100000
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", doc)
PY
