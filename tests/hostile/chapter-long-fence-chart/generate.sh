#!/usr/bin/env bash
# A ```` fence holding a ```chart line is code; the real chart after it is
# drawn in both outputs, and check and build agree (check once said ok
# while build dropped the real chart).
set -eu
. "$(dirname "$0")/../project.sh" "$1"
chapter
printf '# Charts\n\n````\n```chart status-by-cluster\n````\n\n```chart status-by-cluster\n```\n' >"$c"
