#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  An export that repeats a row
# (the same text from the same State, as UPR Info's does for Australia in
# session 10): merged into one entry, with a warning naming both rows.
set -eu
printf '%s\n' \
	'To,Text,From,Response,Issue,Session' \
	'Chad,Abolish the death penalty,Chile,Accepted,Death penalty,7' \
	'Chad,Ratify the Optional Protocol,Spain,Accepted,International instruments,7' \
	'Chad,Abolish the death penalty,Chile,Accepted,Death penalty,7' \
	>"$1/upr.csv"
