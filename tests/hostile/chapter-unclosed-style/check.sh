t=$(pdftotext "$2/report-en.pdf" - 2>/dev/null)
[[ $(grep -c 'Second chapter' <<<"$t") -ge 2 ]] || { echo "the second chapter is missing from the PDF or its contents"; exit 1; }
grep -q 'Its words are here.' <<<"$t" || { echo "the second chapter's text is missing"; exit 1; }
grep -q 'Its words are here.' "$2/site/en/report.html" || { echo "missing from the website"; exit 1; }
exit 0
