#!/usr/bin/env bash
# Writes a report project into "$1"; see ../run.sh.
set -eu
d=$1
mkdir -p "$d/content"
cp -R "$(dirname "$0")/../valid-minimal/content/." "$d/content/"
printf -- '- id: women\n  title: {en: W\000omen}\n' > "$d/content/clusters.yaml"
