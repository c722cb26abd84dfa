#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  A Word file whose table has
# other columns than the matrix's: the message names the ones it has.
set -eu
here=$(dirname "$0")
cat >"$1/rows.json" <<'JSON'
[["Budget line", "Amount (EUR)", "Ministry"], ["Training of judges", "12000", "Justice"]]
JSON
python3 "$here/../../import/office_files.py" docx "$1/budget.docx" "$1/rows.json"
