#!/usr/bin/env bash
# Writes a report project into "$1"; see ../run.sh.
set -eu
d=$1
mkdir -p "$d/content"
cp -R "$(dirname "$0")/../valid-minimal/content/." "$d/content/"
# A 50 MB recommendations file: refused before it is parsed.
head -c 50000000 /dev/zero | tr '\0' '#' > "$d/content/recommendations.yaml"
