#!/usr/bin/env bash
# Writes a report project into "$1"; see ../run.sh.
set -eu
d=$1
mkdir -p "$d/content"
cp -R "$(dirname "$0")/../valid-minimal/content/." "$d/content/"
# 200,000 keys in one mapping, two of them equal: found without n² work.
{
	cat "$d/content/statistics.yaml"
	echo '    - label: many'
	echo '      values:'
	seq -f '        k%.0f: 1' 1 200000
	echo '        k777: 1'
} > "$d/content/s.tmp"
mv "$d/content/s.tmp" "$d/content/statistics.yaml"
