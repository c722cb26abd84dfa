html=$2/site/en/report.html
grep -q '```chart status-by-cluster' "$html" || { echo "the code is not shown"; exit 1; }
[[ $(grep -c "id=\"chart-status-by-cluster\"" "$html") -eq 1 ]] || { echo "not exactly one status chart in the HTML"; exit 1; }
t=$(pdftotext "$2/report-en.pdf" - 2>/dev/null)
grep -q '```chart status-by-cluster' <<<"$t" || { echo "the code is not in the PDF"; exit 1; }
exit 0
