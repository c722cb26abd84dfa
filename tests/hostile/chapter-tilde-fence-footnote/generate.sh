#!/usr/bin/env bash
# A ~~~~ fence holding a ``` line, then a footnote: the note is a note
# (it was once printed as "[^ch-methodology-1]" with its text lost).
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
printf '# Methodology\n\nA claim.[^1]\n\n~~~~\n```\nnot a fence end\n~~~~\n\n[^1]: The source of the claim.\n' >"$c"
