#!/usr/bin/env bash
# A 10 MB template: over the 8 MiB a template may have.
set -eu
printf 'x: 1\n' >"$1/data.yaml"
head -c 10000000 /dev/zero | tr '\0' 'x' >"$1/t.mustache"
