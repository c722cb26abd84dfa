#!/usr/bin/env bash
set -eu
cp "$(dirname "$0")/t.mustache" "$1/"
printf 'x: "a\\0b"\ny: c\000d\n' >"$1/data.yaml"
