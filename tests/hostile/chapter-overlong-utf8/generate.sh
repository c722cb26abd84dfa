#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
# An overlong '/' (0xC0 0xAF) on line 2, column 4.
printf '# Intro\n../\300\257etc\n' >"$c"
