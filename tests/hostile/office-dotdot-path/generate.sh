#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  A .docx holding an entry
# named ../../tmp/evil.sh beside a readable document part.
set -eu
python3 - "$1/climb.docx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>')
    z.writestr("../../tmp/evil.sh", "echo gotcha\n")
PY
