#!/usr/bin/env bash
# Writes a report project into "$1"; see ../run.sh.
set -eu
d=$1
mkdir -p "$d/content"
cp -R "$(dirname "$0")/../valid-minimal/content/." "$d/content/"
# 100 nested flow lists in a title.
{
	echo "- id: women"
	printf '  title: '
	for i in $(seq 100); do printf '['; done
	printf 'x'
	for i in $(seq 100); do printf ']'; done
	echo
} > "$d/content/clusters.yaml"
