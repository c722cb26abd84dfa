#!/usr/bin/env bash
# Writes a report project into "$1"; see ../run.sh.
set -eu
d=$1
mkdir -p "$d/content"
cp -R "$(dirname "$0")/../valid-minimal/content/." "$d/content/"
# A mapping key of 2 MB on line 13: libyaml takes at most 1,024
# characters for a key written without '?', and says where.
{
	cat "$d/content/recommendations.yaml"
	printf '  '
	head -c 2000000 /dev/zero | tr '\0' 'k'
	echo ': 1'
} > "$d/content/r.tmp"
mv "$d/content/r.tmp" "$d/content/recommendations.yaml"
