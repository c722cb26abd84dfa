h=$2/site/en/report.html
grep -q 'Title note.' "$h" || { echo "the title's note is lost"; exit 1; }
grep -q '\[^1\]' "$h" && { echo "a note label printed as text"; exit 1; }
pdftotext "$2/report-en.pdf" - 2>/dev/null | grep -q 'Title note.' || { echo "the note is not in the PDF"; exit 1; }
exit 0
