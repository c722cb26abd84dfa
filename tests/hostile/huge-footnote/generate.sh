#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
d=$1
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$d/content/chapters"
cp -R "$here/../../check/valid-minimal/content/." "$d/content/"
echo "chapters: [chapters/c.md]" >>"$d/content/report.yaml"
c=$d/content/chapters/c.md
# One footnote longer than a page, and a table row taller than a page:
# they must be split or overflow, never loop.
w=$(for i in $(seq 6000); do printf 'word%d ' "$i"; done)
printf '# Notes\n\nText.[^1]\n\n[^1]: %s\n\n| a | b |\n|---|---|\n| %s | x |\n' "$w" "$w" >"$c"
