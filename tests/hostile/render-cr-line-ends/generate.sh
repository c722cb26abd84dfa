#!/usr/bin/env bash
# Old-Mac CR line ends in the data: line numbers still right.
set -eu
printf '{{a}}\n' >"$1/t.mustache"
printf 'a: 1\rb: 2\rb: 3\r' >"$1/data.yaml"
