#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
# A 2 MB chapter: over the 1 MiB limit of one chapter file.
{ printf '# Big\n\n'; head -c 2000000 /dev/zero | tr '\0' 'x'; echo; } >"$c"
