#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
d=$1
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$d/content" "$d/templates"
cp -R "$here/../../check/valid-minimal/content/." "$d/content/"
# report.md includes itself: stopped at 100 levels, not a stack overflow.
printf '# Report\n\n{{>report}}\n' >"$d/templates/report.md"
