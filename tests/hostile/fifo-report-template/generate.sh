#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  templates/report.md is a
# named pipe: it was silently replaced by the built-in report template.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
mkdir -p "$d/templates"
mkfifo "$d/templates/report.md"
