#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  An ESC sequence (clear the
# screen) in a chapter reached the HTML raw.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
printf '# Intro\n\nab\033[2Jc\n' >"$c"
