#!/usr/bin/env bash
# A project that follows 2 of the 10 recommendations the State received
# says so in the report (the built-in introduction) as on the dashboard:
# the report said "received 2 recommendations".
set -eu
. "$(dirname "$0")/../project.sh" "$1"
echo "received: 10" >>"$d/content/report.yaml"
