#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
# A byte order mark and CRLF line ends: read as if neither were there.
printf '\357\273\277# Intro\r\n\r\nFirst paragraph.\r\nSame paragraph.\r\n\r\n* item\r\n' >"$c"
