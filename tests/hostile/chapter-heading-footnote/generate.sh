#!/usr/bin/env bash
# A note on a chapter's title (its first heading, which the template
# writes apart from the rest): the note goes with the title.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
printf '# Title[^1]\n\nBody text.\n\n[^1]: Title note.\n' >"$c"
