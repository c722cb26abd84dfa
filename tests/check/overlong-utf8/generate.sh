#!/usr/bin/env bash
# Writes a report project into "$1"; see ../run.sh.
set -eu
d=$1
mkdir -p "$d/content"
cp -R "$(dirname "$0")/../valid-minimal/content/." "$d/content/"
# An overlong encoding of '/' (0xC0 0xAF), a classic filter bypass.
printf -- '- id: women\n  title: {en: a\300\257b}\n' > "$d/content/clusters.yaml"
