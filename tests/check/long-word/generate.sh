#!/usr/bin/env bash
# Writes a report project into "$1"; see ../run.sh.
set -eu
d=$1
mkdir -p "$d/content"
cp -R "$(dirname "$0")/../valid-minimal/content/." "$d/content/"
# A 100,000-character word in a plain text field is fine.
{
	cat "$d/content/recommendations.yaml"
	printf '  themes: ["'
	head -c 100000 /dev/zero | tr '\0' 'w'
	echo '"]'
} > "$d/content/r.tmp"
mv "$d/content/r.tmp" "$d/content/recommendations.yaml"
