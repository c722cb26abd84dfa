#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  A .docx whose document part
# inflates to 300 MB of spaces from 300 KB: refused before inflating.
set -eu
python3 - "$1/bomb.docx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        chunk = b" " * (1 << 20)
        for _ in range(300):
            f.write(chunk)
PY
