#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
d=$1
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$d/content/chapters"
cp -R "$here/../../check/valid-minimal/content/." "$d/content/"
echo "chapters: [chapters/c.md]" >>"$d/content/report.yaml"
c=$d/content/chapters/c.md
# A 2 MB chapter: over the 1 MiB limit of one chapter file.
{ printf '# Big\n\n'; head -c 2000000 /dev/zero | tr '\0' 'x'; echo; } >"$c"
