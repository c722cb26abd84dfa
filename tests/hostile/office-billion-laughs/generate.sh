#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  The "billion laughs": ten
# entities each ten times the one before, in a .docx's document part.
set -eu
python3 - "$1/laughs.docx" <<'PY'
import sys, zipfile
ents = '<!ENTITY lol "lol">' + "".join('<!ENTITY lol%d "%s">' % (i, ("&lol%s;" % (i - 1 if i > 1 else "")) * 10) for i in range(1, 10))
doc = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [%s]>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
       '<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>' % ents)
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", doc)
PY
