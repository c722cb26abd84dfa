#!/usr/bin/env bash
# Writes a report project into "$1"; see ../run.sh.  clusters.yaml is
# UTF-32 (little endian, with a byte order mark): named as such.
set -eu
d=$1
mkdir -p "$d/content"
cp -R "$(dirname "$0")/../valid-minimal/content/." "$d/content/"
printf -- '\377\376\000\000-\000\000\000 \000\000\000i\000\000\000' > "$d/content/clusters.yaml"
