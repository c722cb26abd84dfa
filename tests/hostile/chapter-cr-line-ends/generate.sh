#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
d=$1
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$d/content/chapters"
cp -R "$here/../../check/valid-minimal/content/." "$d/content/"
echo "chapters: [chapters/c.md]" >>"$d/content/report.yaml"
c=$d/content/chapters/c.md
printf '# Intro\r\rFirst paragraph.\r\r* item\r' >"$c"
