#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
d=$1
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$d/content" "$d/templates"
cp -R "$here/../../check/valid-minimal/content/." "$d/content/"
# A Latin-1 byte (0xE9) on line 3, column 5.
printf '# Report\n\nLa r\351publique\n' >"$d/templates/report.md"
