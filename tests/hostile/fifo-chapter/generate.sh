#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  The chapter is a named pipe
# no one writes to: reading it would block for ever.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
mkfifo "$c"
