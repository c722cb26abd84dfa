#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  An empty file given as the
# matrix (a download that failed): "the file is empty", as the other
# importers say, not "no recommendation found".
set -eu
: >"$1/matrix.docx"
