#!/usr/bin/env bash
# Back-end goldens, in the manner of lowdown's regress/: each NAME.md here
# is parsed as a document of its own and rendered by the HTML and the PDF
# back ends (render_case.c; the minimal valid project of tests/check is
# the report its charts and matrices draw from), and compared with
#   NAME.html     the HTML fragment,
#   NAME.pdf.txt  the PDF's text (pdftotext -layout),
#   NAME.err      the messages, each with its place,
#   NAME.docx.xml the Word document's word/document.xml (indented),
#   NAME.docx.err the Word back end's messages;
# and pdftotext must read the PDF without a warning (its text layer).
# A case is a new NAME.md; UPDATE=1 (`make golden`) writes the three
# files from what the back ends do now: review them in the diff.
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${RENDER_CASE:?RENDER_CASE must name the render_case binary}"
project=$here/../check/valid-minimal
. "$(dirname "$0")/../lib.sh"
export LSAN_OPTIONS=suppressions=$here/../fuzz/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}
cd "$here" || exit 1
compare() { # case, kind, got, want
	if [[ ${UPDATE:-} == 1 ]]; then
		cp "$3" "$4"
	fi
	if [[ -f $4 ]] && cmp -s "$3" "$4"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $1: $2 differs from $(basename "$4")"
		diff "$4" "$3" 2>&1 | head -20
	fi
}
for md in *.md; do
	[[ $md == README.md ]] && continue
	name=${md%.md}
	"$RENDER_CASE" "$project" "$md" "$tmp/$name.html" "$tmp/$name.pdf" \
		"$tmp/$name.docx" 2>"$tmp/$name.err"
	status=$?
	if ((status > 1)); then
		fail=$((fail + 1))
		echo "FAIL $name: render_case exit $status"
		cat "$tmp/$name.err"
		continue
	fi
	pdftotext -layout -enc UTF-8 "$tmp/$name.pdf" "$tmp/$name.pdf.txt" \
		2>"$tmp/$name.poppler" || : >"$tmp/$name.pdf.txt"
	# the text layer is one poppler reads without a complaint
	if [[ -f $tmp/$name.pdf && -s $tmp/$name.poppler ]]; then
		fail=$((fail + 1))
		echo "FAIL $name: pdftotext warns:"
		sort "$tmp/$name.poppler" | uniq -c | head -5
	fi
	compare "$name" HTML "$tmp/$name.html" "$here/$name.html"
	compare "$name" "PDF text" "$tmp/$name.pdf.txt" "$here/$name.pdf.txt"
	compare "$name" messages "$tmp/$name.err" "$here/$name.err"
	python3 -c 'import sys, zipfile, xml.dom.minidom as m
x = zipfile.ZipFile(sys.argv[1]).read("word/document.xml")
sys.stdout.write(m.parseString(x).toprettyxml(indent=" "))' \
		"$tmp/$name.docx" >"$tmp/$name.docx.xml" 2>&1
	compare "$name" "Word document.xml" "$tmp/$name.docx.xml" \
		"$here/$name.docx.xml"
	compare "$name" "Word messages" "$tmp/$name.docx.err" \
		"$here/$name.docx.err"
done
echo "render: $pass passed, $fail failed"
((fail == 0))
