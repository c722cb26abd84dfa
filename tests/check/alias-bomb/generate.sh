#!/usr/bin/env bash
# Writes a report project into "$1"; see ../run.sh.
set -eu
d=$1
mkdir -p "$d/content"
cp -R "$(dirname "$0")/../valid-minimal/content/." "$d/content/"
# "Billion laughs": 30 bytes a line, each line doubling the last.
{
	echo "a0: &a0 [lol, lol]"
	for i in $(seq 1 40); do echo "a$i: &a$i [*a$((i - 1)), *a$((i - 1))]"; done
} > "$d/content/statistics.yaml"
