#!/usr/bin/env bash
# Writes the case into "$1"; see ../run.sh.
# The text of a recommendation (plain text, no limit of its own) of 10 MB,
# within the 32 MiB of a file.
set -eu
d=$1
mkdir -p "$d/content"
cp -R "$(dirname "$0")/../../check/valid-minimal/content/." "$d/content/"
python3 - "$d/content/recommendations.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
big = "lorem ipsum dolor " * 555556
s = s.replace("text: {en: Train judges, es: Capacitar a jueces}", f'text: "{big}"')
open(p, "w").write(s)
PY
