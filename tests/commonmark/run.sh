#!/usr/bin/env bash
# The CommonMark specification typeset with one chapter per example: no
# chapter can change another (an unclosed <style> block, a link reference
# definition, a fence stay in their chapter), and the PDF loses no word of
# any example: each chapter's text is compared with what cmark-gfm reads
# in the same file (words.py).  A project made here: the minimal valid
# project of tests/check, its report template listing the chapters, each
# after a marker that words.py splits the PDF's text at.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/tests/commonmark
: "${UPRGEN:?}"
: "${SHARED:?}"
spec=$SHARED/conformance/commonmark/spec.txt
for tool in cmark-gfm pdftotext python3; do
	if ! command -v $tool >/dev/null; then
		echo "$tool is missing (make test-deps installs it)"
		echo "commonmark: 0 passed, 1 failed"
		exit 1
	fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
p=$tmp/project
mkdir -p "$p/content/chapters" "$p/templates"
cp -R "$root/tests/check/valid-minimal/content/." "$p/content/"
n=$(python3 "$here/words.py" --split "$spec" "$p/content/chapters")
{
	echo "chapters:"
	for ((i = 1; i <= n; i++)); do
		printf '  - chapters/ex%04d.md\n' "$i"
	done
} >>"$p/content/report.yaml"
cat >"$p/templates/report.md" <<'TEMPLATE'
{{#chapters}}
@@@{{id}}@@@

{{{body}}}

{{/chapters}}
TEMPLATE
# The fast build: hundreds of chapters under the sanitizers take minutes;
# the same code runs under them in the other suites.
bin=${UPRGEN_FAST:-$UPRGEN}
if ! "$bin" build -C "$p" --format pdf --out "$tmp/out" >"$tmp/log" 2>&1; then
	cat "$tmp/log"
	echo "commonmark: 0 passed, 1 failed"
	exit 1
fi
pdftotext -layout -enc UTF-8 "$tmp/out/report-en.pdf" "$tmp/text" 2>/dev/null
python3 "$here/words.py" "$spec" "$p/content/chapters" "$tmp/text" "$tmp/log"
