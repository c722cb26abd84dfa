# The word is in the site and in the PDF (as text), in a sane number of
# pages: 100,000 characters are about 25 pages of text, three times.
grep -q 'wwwwwwwwwwwwwwwwwwww' "$2/site/en/report.html" || { echo "word not in the site"; exit 1; }
pages=$(pdfinfo "$2/report-en.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
((pages >= 3 && pages <= 400)) || { echo "the PDF has '$pages' pages"; exit 1; }
n=$(pdftotext -q "$2/report-en.pdf" - | tr -cd w | wc -c)
((n >= 300000)) || { echo "only $n w's in the PDF text, want 300,000"; exit 1; }
