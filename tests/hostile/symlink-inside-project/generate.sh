#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  A chapter linked to a file
# elsewhere in the project (docs/) is fine: only leaving the project is
# refused.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
mkdir -p "$d/docs"
printf '# Shared\n\nKept in docs/.\n' >"$d/docs/c.md"
ln -s ../../docs/c.md "$c"
