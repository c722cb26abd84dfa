#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
# Soft hyphens (U+00AD) are places where a line may break, with a hyphen
# drawn there only; zero-width and bidi controls are not drawn.  The PDF
# used to draw every soft hyphen as a hyphen, in the middle of lines, and
# the controls as glyphs.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
s=$(printf 'Zer\xc2\xadti\xc2\xadfi\xc2\xadka\xc2\xadti\xc2\xadons\xc2\xadver\xc2\xadfah\xc2\xadren')
{
	printf '# Soft\n\nThe in\xc2\xadter\xc2\xadna\xc2\xadtio\xc2\xadnal word.\n\n'
	printf 'Start'
	for i in $(seq 40); do printf ' %s' "$s"; done
	printf ' end.\n\n'
	printf 'Controls: a\xe2\x80\x8bb c\xe2\x80\x8cd e\xe2\x80\x8df g\xe2\x80\x8eh i\xe2\x80\x8fj '
	printf 'k\xe2\x80\xaal\xe2\x80\xabm\xe2\x80\xacn\xe2\x80\xado\xe2\x80\xaep '
	printf 'q\xe2\x81\xa0r\xe2\x81\xa1s\xe2\x81\xa2t\xe2\x81\xa3u\xe2\x81\xa4v '
	printf 'w\xe2\x81\xa6x\xe2\x81\xa7y\xe2\x81\xa8z\xe2\x81\xa9A B\xef\xbb\xbfC.\n'
} >"$c"
