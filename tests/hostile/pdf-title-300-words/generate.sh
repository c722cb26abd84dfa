#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
# A title of 300 words: the title page goes on over a second one, and the
# preparing body and the date come after the title instead of over it
# (the title's end used to run off the foot of the page).
set -eu
. "$(dirname "$0")/../project.sh" "$1"
seq -f 'tw%g' 300 >"$d/words"
sed -i "s/^title: {en: Mid-term report/title: {en: Mid-term report $(tr '\n' ' ' <"$d/words")/" \
	"$d/content/report.yaml"
echo 'prepared_by: Ministry zz4' >>"$d/content/report.yaml"
echo zz4 >>"$d/words"
