#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  A UPR Info export whose rows
# of one session have an empty Text, a Text "...", a Text "." and a real
# one: the empty one was merged with "..." into `text: ""` (with both
# States), "." with them too.
set -eu
printf '%s\r' \
	'To,Text,From,Response,Issue,Session' \
	'Chad,,Spain,Accepted,Justice,7' \
	'Chad,...,Italy,Noted,Justice,7' \
	'Chad,.,France,Noted,Justice,7' \
	'Chad,Abolish the death penalty,Chile,Accepted,Death penalty,7' \
	>"$1/upr.csv"
