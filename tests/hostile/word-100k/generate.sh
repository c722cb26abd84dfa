#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
# A word of 100,000 characters in a paragraph, a heading and a table
# cell: it must build, the word broken where it has to be.
w=$(head -c 100000 /dev/zero | tr '\0' 'w')
printf '# Long\n\nBefore %s after.\n\n## %s\n\n| a | b |\n|---|---|\n| %s | x |\n' "$w" "$w" "$w" >"$c"
