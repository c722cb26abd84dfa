# the note's text is in the website and the PDF, its label nowhere
html=$2/site/en/report.html
grep -q 'The source of the claim.' "$html" || { echo "note text lost in HTML"; exit 1; }
grep -q '\[\^' "$html" && { echo "a note label printed as text"; exit 1; }
t=$(pdftotext "$2/report-en.pdf" - 2>/dev/null)
grep -q 'The source of the claim.' <<<"$t" || { echo "note text lost in PDF"; exit 1; }
grep -q 'not a fence end' <<<"$t" || { echo "code lost in PDF"; exit 1; }
exit 0
