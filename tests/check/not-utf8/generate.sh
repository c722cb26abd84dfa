#!/usr/bin/env bash
# Writes a report project into "$1"; see ../run.sh.
set -eu
d=$1
mkdir -p "$d/content"
cp -R "$(dirname "$0")/../valid-minimal/content/." "$d/content/"
# A Latin-1 byte (0xE9, é) on line 3.
printf -- '- id: women\n  title: {en: Women}\n- id: justice\n  title: {en: Justicia \351}\n' > "$d/content/clusters.yaml"
