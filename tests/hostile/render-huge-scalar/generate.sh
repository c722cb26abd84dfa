#!/usr/bin/env bash
# One scalar of 20 MB in the data, interpolated 20 times: over the output
# bound (256 MiB) at once, not after filling the memory.
set -eu
printf '{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}{{x}}\n' >"$1/t.mustache"
{ printf 'x: '; head -c 20000000 /dev/zero | tr '\0' 'x'; echo; } >"$1/data.yaml"
