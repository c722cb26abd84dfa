#!/usr/bin/env bash
# A note that refers to another note: both are notes, numbered 1 and 2
# (the inner one was lost, and its mark pointed at another chapter's note).
set -eu
. "$(dirname "$0")/../project.sh" "$1"
mkdir -p "$1/content/chapters"
echo "chapters: [chapters/c.md, chapters/d.md]" >>"$1/content/report.yaml"
printf 'Intro text[^a].\n\n[^a]: Outer note[^b].\n\n[^b]: Inner note.\n' >"$1/content/chapters/c.md"
printf 'Second[^1] and third[^2].\n\n[^1]: D one.\n\n[^2]: D two.\n' >"$1/content/chapters/d.md"
