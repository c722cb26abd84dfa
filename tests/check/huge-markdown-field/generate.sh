#!/usr/bin/env bash
# Writes a report project into "$1"; see ../run.sh.
set -eu
d=$1
mkdir -p "$d/content"
cp -R "$(dirname "$0")/../valid-minimal/content/." "$d/content/"
# A 70 KB Markdown field, over the 64 KiB limit of one field.
{
	cat "$d/content/recommendations.yaml"
	printf '  challenges: "'
	head -c 70000 /dev/zero | tr '\0' 'x'
	echo '"'
} > "$d/content/r.tmp"
mv "$d/content/r.tmp" "$d/content/recommendations.yaml"
