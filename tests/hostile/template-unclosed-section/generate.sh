#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
d=$1
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$d/content" "$d/templates"
cp -R "$here/../../check/valid-minimal/content/." "$d/content/"
printf '# {{report.title}}\n\n{{#recommendations}}\n* {{id}}\n' >"$d/templates/report.md"
