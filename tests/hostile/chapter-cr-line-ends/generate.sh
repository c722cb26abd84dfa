#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
printf '# Intro\r\rFirst paragraph.\r\r* item\r' >"$c"
