#!/usr/bin/env bash
set -u
html=$(cmark-gfm -e footnotes "$2/md/report-en.md" | tr '\n' ' ')
grep -Eq 'Trained 200 judges<sup[^>]*>.{0,120}</sup>\.<sup' <<<"$html" ||
	{ echo "build/md/: the source's mark is not after the measure's text"; exit 1; }
grep -Eq '<p>In Lima\. <a [^>]*backref' <<<"$html" ||
	{ echo "build/md/: the measure's note holds more than its text"; exit 1; }
t=$(pdftotext "$2/report-en.pdf" - 2>/dev/null | tr '\n' ' ')
grep -q 'In Lima.' <<<"$t" && grep -q 'Ministry report' <<<"$t" || { echo "PDF: a note is lost"; exit 1; }
exit 0
