#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
# One footnote longer than a page, and a table row taller than a page:
# they must be split or overflow, never loop.
w=$(for i in $(seq 6000); do printf 'word%d ' "$i"; done)
printf '# Notes\n\nText.[^1]\n\n[^1]: %s\n\n| a | b |\n|---|---|\n| %s | x |\n' "$w" "$w" >"$c"
