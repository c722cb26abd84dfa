#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
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
