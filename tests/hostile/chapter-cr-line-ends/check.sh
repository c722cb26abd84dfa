grep -q '<h[1-6][^>]*>Intro</h' "$2/site/en/report.html" || { echo "no Intro heading"; exit 1; }
grep -q '<li>item</li>' "$2/site/en/report.html" || { echo "no list item"; exit 1; }
