#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
mkdir -p "$d/templates"
# Partial names that try to leave templates/: they are no partial at all.
printf '# Report\n\n{{>../../../../etc/passwd}}{{>.hidden}}{{>/etc/hostname}}\n' >"$d/templates/report.md"
