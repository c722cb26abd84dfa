#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
d=$1
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$d/content/chapters"
cp -R "$here/../../check/valid-minimal/content/." "$d/content/"
echo "chapters: [chapters/c.md]" >>"$d/content/report.yaml"
c=$d/content/chapters/c.md
# A word of 100,000 characters in a paragraph, a heading and a table
# cell: it must build, the word broken where it has to be.
w=$(head -c 100000 /dev/zero | tr '\0' 'w')
printf '# Long\n\nBefore %s after.\n\n## %s\n\n| a | b |\n|---|---|\n| %s | x |\n' "$w" "$w" "$w" >"$c"
