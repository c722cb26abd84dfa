#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  The project's copy of a
# partial of the report template is a named pipe: neither a block nor the
# built-in copy in its place without a word.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
mkdir -p "$d/templates"
mkfifo "$d/templates/cover.md"
