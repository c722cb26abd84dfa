#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
mkdir -p "$d/templates"
# Two partials that include each other without end.
printf '# Report\n\n{{>a}}\n' >"$d/templates/report.md"
printf 'A {{>b}}\n' >"$d/templates/a.md"
printf 'B\n  {{>a}}\n' >"$d/templates/b.md"
