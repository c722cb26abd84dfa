#!/usr/bin/env bash
# Text that looks like what the report's template writes where a Markdown
# field goes (U+E000, digits, U+E001, the form it once had): it is text,
# shown as written, and no field is put in its place or twice.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
python3 - "$d/content/recommendations.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("{en: Adopt a law, es: Adoptar una ley}",
              '"Adopt a law \ue0000\ue001 now"', 1)
s = s.replace("  cluster: justice",
              "  cluster: justice\n  challenges: \"The **only** challenge.\"", 1)
open(p, "w", encoding="utf-8").write(s)
PY
