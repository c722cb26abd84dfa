#!/usr/bin/env bash
# A measure whose text ends with its own note, and a source: the source's
# note mark follows the measure's first paragraph in build/md/ as in the
# tree (it was written inside the measure's note definition there).
set -eu
. "$(dirname "$0")/../project.sh" "$1"
python3 - "$d/content/recommendations.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("  cluster: justice",
              '  cluster: justice\n  actions:\n    - date: 2024-03-12\n'
              '      text: "Trained 200 judges[^1].\\n\\n[^1]: In Lima."\n'
              '      source: Ministry report', 1)
open(p, "w", encoding="utf-8").write(s)
PY
