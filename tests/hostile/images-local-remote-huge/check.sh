site=$2/site
[[ -f $site/media/images/ok.png ]] || { echo "the picture is not copied into the site"; exit 1; }
grep -q '<img src="../media/images/ok.png" width="40" height="20" alt="A blue band">' "$site/en/report.html" || { echo "no picture in the report page"; exit 1; }
grep -rq 'example.org' "$site" && { echo "a picture from another host"; exit 1; }
grep -q 'From elsewhere' "$site/en/report.html" || { echo "a refused picture lost its description"; exit 1; }
t=$(pdftotext "$2/report-en.pdf" - 2>/dev/null)
grep -q 'From elsewhere' <<<"$t" && grep -q 'Huge' <<<"$t" || { echo "descriptions missing from the PDF"; exit 1; }
exit 0
