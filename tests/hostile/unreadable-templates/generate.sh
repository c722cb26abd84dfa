#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  The project's templates/
# cannot be read: it was silently replaced by the built-in templates.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
mkdir -p "$d/templates"
cp "$(dirname "$0")/../../../templates/cover.md" "$d/templates/"
chmod 000 "$d/templates"
