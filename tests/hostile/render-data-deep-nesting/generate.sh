#!/usr/bin/env bash
# 10,000 nested flow mappings in the data.
set -eu
cp "$(dirname "$0")/t.mustache" "$1/"
{ printf 'x: '; for i in $(seq 10000); do printf '{a: '; done; printf '1'; for i in $(seq 10000); do printf '}'; done; echo; } >"$1/data.yaml"
