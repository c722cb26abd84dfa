#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
d=$1
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$d/content" "$d/templates"
cp -R "$here/../../check/valid-minimal/content/." "$d/content/"
# Two partials that include each other without end.
printf '# Report\n\n{{>a}}\n' >"$d/templates/report.md"
printf 'A {{>b}}\n' >"$d/templates/a.md"
printf 'B\n  {{>a}}\n' >"$d/templates/b.md"
