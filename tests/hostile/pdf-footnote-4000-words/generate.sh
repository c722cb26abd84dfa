#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
# A footnote of 4,000 words (about five pages of notes): it starts at the
# foot of its reference's page and continues at the foot of the next ones,
# as TeX splits notes; the paragraph after it is set too.  The PDF used to
# lose the 1,839 words that had no page left to go to.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
seq -f 'fn%g' 4000 >"$d/words"
printf "Referenced\nzz1.\n" >>"$d/words"
printf '# Notes\n\nReferenced here.[^1]\n\n[^1]: %s\n\nLast paragraph zz1.\n' \
	"$(head -n 4000 "$d/words" | tr '\n' ' ')" >"$c"
