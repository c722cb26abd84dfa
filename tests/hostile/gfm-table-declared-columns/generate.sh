#!/usr/bin/env bash
# A table whose delimiter row declares 5,000 columns over 4,000 short
# rows: cmark-gfm 0.29 pads every row (11 s and 4.7 GB for the HTML, the
# PDF never finished); refused before the parse, at its line.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
{
	printf '# Table\n\n| a |\n'
	for ((i = 0; i < 5000; i++)); do printf '|-'; done
	printf '|\n'
	for ((i = 0; i < 4000; i++)); do printf 'x\n'; done
} >"$c"
