#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  A chapter saved as UTF-32
# was called a file with a NUL byte.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
printf '\377\376\000\000#\000\000\000 \000\000\000A\000\000\000\n\000\000\000' >"$c"
