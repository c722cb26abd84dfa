#!/usr/bin/env bash
# A link reference definition in one chapter does not make a link in
# another: each chapter is a document of its own.
set -eu
. "$(dirname "$0")/../project.sh" "$1"
mkdir -p "$1/content/chapters"
echo "chapters: [chapters/a.md, chapters/b.md]" >>"$1/content/report.yaml"
printf '# First\n\nSee [the law].\n\n[the law]: https://example.org/law\n' >"$1/content/chapters/a.md"
printf '# Second\n\nAnd [the law] again.\n' >"$1/content/chapters/b.md"
