#!/usr/bin/env bash
# A Markdown field with headings (ATX and setext), a note and a code fence
# it never closes: its headings go under the section it is in, in every
# output (the report had them as chapters, the website one level below
# the page's); build/md/ writes them so too, and closes the fence at the
# field's end (the report's text after it was swallowed into the code).
set -eu
. "$(dirname "$0")/../project.sh" "$1"
python3 - "$d/content/recommendations.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("  cluster: justice",
              '  cluster: justice\n  challenges: "# Budget\\n\\nThe budget was cut[^1].\\n\\n'
              'Second title\\n------------\\n\\n[^1]: By half.\\n\\n```\\nnever closed"', 1)
open(p, "w", encoding="utf-8").write(s)
PY
