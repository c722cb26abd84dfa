#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
d=$1
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$d/content" "$d/templates"
cp -R "$here/../../check/valid-minimal/content/." "$d/content/"
# Partial names that try to leave templates/: they are no partial at all.
printf '# Report\n\n{{>../../../../etc/passwd}}{{>.hidden}}{{>/etc/hostname}}\n' >"$d/templates/report.md"
