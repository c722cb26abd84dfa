#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  A Word file with paragraphs
# only: the letter, not the matrix.
set -eu
python3 - "$1/letter.docx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Excellency,</w:t></w:r></w:p></w:body></w:document>')
PY
