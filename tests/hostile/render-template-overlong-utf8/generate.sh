#!/usr/bin/env bash
set -eu
printf 'x: 1\n' >"$1/data.yaml"
printf 'line one\n..\300\257{{x}}\n' >"$1/t.mustache"
