#!/usr/bin/env bash
set -u
out=$2
md=$(cmark-gfm -e table -e footnotes "$out/md/report-en.md")
grep -q '<h4>Budget</h4>' <<<"$md" || { echo "build/md/: the field's heading is not under its recommendation's"; exit 1; }
grep -q '<h5>Second title</h5>' <<<"$md" || { echo "build/md/: the setext heading is not one level under"; exit 1; }
grep -q '<h1>Follow-up to noted recommendations</h1>' <<<"$md" || { echo "build/md/: the chapter after the field is swallowed"; exit 1; }
# the report page: one level under its recommendation's heading
rec=$(grep -o '<h[1-6][^>]*>Recommendation 110.2' "$out/site/en/report.html" | head -1 | cut -c3)
bud=$(grep -o '<h[1-6] id="budget">Budget' "$out/site/en/report.html" | cut -c3)
[[ -n $rec && $bud == $((rec + 1)) ]] || { echo "report page: Budget is h$bud under an h$rec"; exit 1; }
grep -q '<h3 id="f1-budget">Budget' "$out/site/en/recommendations/110.2.html" || { echo "recommendation page: heading level"; exit 1; }
t=$(pdftotext "$out/report-en.pdf" - 2>/dev/null)
grep -q 'never closed' <<<"$t" && grep -q 'Follow-up to noted recommendations' <<<"$t" || { echo "PDF: text lost"; exit 1; }
exit 0
