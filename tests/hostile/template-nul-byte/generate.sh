#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
mkdir -p "$d/templates"
printf '# Report\n\nab\000c\n' >"$d/templates/report.md"
