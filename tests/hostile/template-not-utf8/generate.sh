#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
mkdir -p "$d/templates"
# A Latin-1 byte (0xE9) on line 3, column 5.
printf '# Report\n\nLa r\351publique\n' >"$d/templates/report.md"
