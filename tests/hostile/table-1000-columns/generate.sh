#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
d=$1
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$d/content/chapters"
cp -R "$here/../../check/valid-minimal/content/." "$d/content/"
echo "chapters: [chapters/c.md]" >>"$d/content/report.yaml"
c=$d/content/chapters/c.md
# A GFM table of 1,000 columns and 3 rows: it must build, with the table
# in the site and a PDF of a sane number of pages.
{
	printf '# Wide\n\n'
	for r in h s 1 2 3; do
		for i in $(seq 1000); do
			case $r in h) printf '| c%d ' "$i" ;; s) printf '|---' ;; *) printf '| %d.%d ' "$r" "$i" ;; esac
		done
		printf '|\n'
	done
	printf '\nAfter the table.\n'
} >"$c"
