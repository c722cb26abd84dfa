#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  SDG 99 and target 16.99 do
# not exist: a filter on them would silently draw an empty matrix.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
printf '# Annex\n\n```matrix sdg=99\n```\n\n```matrix sdg=16.99\n```\n\n```matrix sdg=16.10\n```\n' >"$c"
