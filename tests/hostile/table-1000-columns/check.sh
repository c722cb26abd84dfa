# The site holds all 1,000 columns; the PDF has a sane page count.
site=$2/site/en/report.html
[[ -s $site ]] || { echo "no $site"; exit 1; }
n=$(grep -o '<th[ >]' "$site" | wc -l)
((n >= 1000)) || { echo "$n header cells in the site, want 1000"; exit 1; }
pages=$(pdfinfo "$2/report-en.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
((pages >= 1 && pages <= 200)) || { echo "the PDF has '$pages' pages"; exit 1; }
