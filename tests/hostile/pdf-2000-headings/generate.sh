#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
# 2000 headings in a row, then a paragraph: each heading in the body and in
# the table of contents, and the paragraph.  Headings waited to be placed
# with what follows them, all on one page: after 700 only 17 appeared and
# the paragraph was lost; 2,000 failed the PDF (libharu error 0x1025).
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
seq -f 'H%g' 2000 >"$d/words"
{
	echo '# Many'
	sed 's/^/\n## /' "$d/words"
	printf '\nParagraph after zz3.\n'
} >"$c"
