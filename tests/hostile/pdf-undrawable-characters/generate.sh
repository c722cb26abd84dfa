#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
# Characters in scripts the report's own faces lack: two emoji and a
# mathematical letter (above U+FFFF), Chinese, Arabic, Devanagari and a
# private-use character of plane 15, in a paragraph (line 3 of the
# chapter), in code and in a fenced code block.  The emoji, the letter,
# Chinese and Arabic come from the fallback fonts (DejaVu Sans and
# Symbola, Noto Sans Math, Noto CJK, Noto Naskh Arabic) without a word; what no font has
# (Devanagari, U+F0000) gets a warning with its line and column (the code
# block, drawn without positions, one warning quoting it), and the PDF
# shows U+FFFD for it: such characters used to become empty boxes or
# spaces without a word.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
printf '# Scripts\n\nEmoji \xf0\x9f\x98\x80 \xf0\x9f\xa4\x94 here, \xf0\x9d\x91\xa5, Chinese \xe4\xb8\xad\xe6\x96\x87, Arabic \xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a and Devanagari \xe0\xa4\xb9\xe0\xa4\xbf.\n\nIn `code \xe4\xb8\xad \xf3\xb0\x80\x80`.\n\n```\nfenced \xe0\xa4\xb9\n```\n' >"$c"
