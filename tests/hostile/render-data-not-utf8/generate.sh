#!/usr/bin/env bash
set -eu
cp "$(dirname "$0")/t.mustache" "$1/"
printf 'y: 1\nx: caf\351\n' >"$1/data.yaml"
