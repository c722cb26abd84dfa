#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.  Two series of 40,000 keys
# each: every key was looked up by comparing it with every other one
# (8 s, quadratic); now hashed.  The second series lists the keys in
# another order, so that its lookups cannot take the shortcut.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
awk 'BEGIN {
	print "- id: budget"
	print "  title: {en: Budget, es: Presupuesto}"
	print "  chart: table"
	print "  series:"
	print "    - label: {en: A, es: A}"
	print "      values:"
	for (i = 0; i < 40000; i++) printf "        \"k%d\": %d\n", i, i
	print "    - label: {en: B, es: B}"
	print "      values:"
	for (i = 39999; i >= 0; i--) printf "        \"k%d\": %d\n", i, 2 * i
}' >"$d/content/statistics.yaml"
chapter
printf '# Figures\n\n```chart budget\n```\n' >"$c"
