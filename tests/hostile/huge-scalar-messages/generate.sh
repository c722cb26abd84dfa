#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
# Values of 100 kB (under the 128 KiB limit of a text field) where an id, a position, a cluster, a status, an SDG and
# a date go: each is an error, and each message must stay short.
set -eu
d=$1
mkdir -p "$d/content"
cp -R "$(dirname "$0")/../../check/valid-minimal/content/." "$d/content/"
python3 - "$d/content/recommendations.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
big = "x" * 100000
s = s.replace('id: "110.2"', f'id: "{big}"').replace(
    "position: noted", f"position: {big}").replace(
    "cluster: justice", f'cluster: {big}\n  status: {big}\n  sdgs: ["{big}"]\n'
    f'  actions: [{{date: "{big}", text: a}}]')
open(p, "w").write(s)
PY
