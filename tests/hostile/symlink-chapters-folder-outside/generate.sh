#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  content/chapters/ is a
# symbolic link to a folder outside the project.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
mkdir -p "$d.outside"
printf '# Secret\n\nNot part of this project.\n' >"$d.outside/c.md"
rm -rf "$d/content/chapters"
ln -s "$d.outside" "$d/content/chapters"
