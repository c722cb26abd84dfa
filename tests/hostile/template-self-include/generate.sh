#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
mkdir -p "$d/templates"
# report.md includes itself: stopped at 100 levels, not a stack overflow.
printf '# Report\n\n{{>report}}\n' >"$d/templates/report.md"
