#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  A CSV that is not UPR Info's
# export (OHCHR's matrix copied as text): the columns it lacks in one
# message, not one message a column.
set -eu
printf '%s\n' 'Recommendation,Position,Full list of themes' \
	'140.1 Ratify the Convention,Supported,International instruments' \
	>"$1/matrix.csv"
