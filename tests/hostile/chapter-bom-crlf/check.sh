# The heading is a heading (the BOM did not make it text).
grep -q '<h[1-6][^>]*>Intro</h' "$2/site/en/report.html" || { echo "no Intro heading"; exit 1; }
! grep -q $'\r' "$2/site/en/report.html" || { echo "a CR in the site"; exit 1; }
