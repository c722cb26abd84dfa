#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  --out names a folder where
# clusters.yaml is a folder: said as such (it was "already holds entries;
# give --force", which --force could not do), and nothing is written.
set -eu
printf '%s\n' \
	'To,Text,From,Response,Issue,Session' \
	'Chad,Abolish the death penalty,Chile,Accepted,Death penalty,7' \
	>"$1/upr.csv"
mkdir -p "$1/o/clusters.yaml"
