#!/usr/bin/env bash
# "Billion laughs" as the data of a template.
set -eu
cp "$(dirname "$0")/t.mustache" "$1/"
{
	echo "a0: &a0 [lol, lol]"
	for i in $(seq 1 40); do echo "a$i: &a$i [*a$((i - 1)), *a$((i - 1))]"; done
} >"$1/data.yaml"
