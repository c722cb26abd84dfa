#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
# Characters no font of the PDF can draw: an emoji (above U+FFFF, which
# libharu cannot take at all), Chinese, Arabic, Devanagari, in a paragraph
# (line 3 of the chapter), in code and in a fenced code block.  Each text
# gets a warning with its line and column (the code block, drawn without
# positions, one warning quoting it), and the PDF shows U+FFFD for them:
# they used to become empty boxes or spaces without a word.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
printf '# Scripts\n\nEmoji \xf0\x9f\x98\x80 here, Chinese \xe4\xb8\xad\xe6\x96\x87, Arabic \xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a and Devanagari \xe0\xa4\xb9\xe0\xa4\xbf.\n\nIn `code \xe4\xb8\xad`.\n\n```\nfenced \xe0\xa4\xb9\n```\n' >"$c"
