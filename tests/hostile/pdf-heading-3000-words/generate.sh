#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
# A heading of 3,000 words (four pages): set whole, over as many pages as
# it needs, in the body and in the table of contents, and the paragraph
# after it too.  The PDF used to lose its end and the paragraph after it
# (the heading was kept for what follows it, and put on one page).
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
seq -f 'hd%g' 3000 >"$d/words"
printf '# Long\n\nBefore.\n\n## %s\n\nFollowing paragraph zz2.\n' \
	"$(tr '\n' ' ' <"$d/words")" >"$c"
