[[ -e $2/site/media/linked.png ]] && { echo "the linked file was published"; exit 1; }
grep -q 'A pipe' "$2/site/en/report.html" && grep -q 'A link' "$2/site/en/report.html" || { echo "descriptions missing"; exit 1; }
exit 0
