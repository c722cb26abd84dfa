#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
d=$1
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$d/content/chapters"
cp -R "$here/../../check/valid-minimal/content/." "$d/content/"
echo "chapters: [chapters/c.md]" >>"$d/content/report.yaml"
c=$d/content/chapters/c.md
# A byte order mark and CRLF line ends: read as if neither were there.
printf '\357\273\277# Intro\r\n\r\nFirst paragraph.\r\nSame paragraph.\r\n\r\n* item\r\n' >"$c"
