# Both series are drawn whole: the last key of each is in the report page.
grep -q 'k39999' "$2/site/en/report.html" || { echo "k39999 is not in the report"; exit 1; }
