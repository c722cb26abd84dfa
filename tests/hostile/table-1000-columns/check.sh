# The site holds all 1,000 columns; the PDF sets the table in parts that
# fit the page (the first column repeated), every column in it.
site=$2/site/en/report.html
[[ -s $site ]] || { echo "no $site"; exit 1; }
n=$(grep -o '<th[ >]' "$site" | wc -l)
((n >= 1000)) || { echo "$n header cells in the site, want 1000"; exit 1; }
pdf=$2/report-en.pdf
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
((pages >= 1 && pages <= 40)) || { echo "the PDF has '$pages' pages"; exit 1; }
text=$(pdftotext "$pdf" - 2>/dev/null)
for w in c2 c500 c1000 3.1000; do
	grep -qw -- "$w" <<<"$text" || { echo "'$w' is not in the PDF"; exit 1; }
done
parts=$(grep -cx 'c1' <<<"$text")
((parts >= 50)) || { echo "$parts parts starting with c1, want the table in parts"; exit 1; }
