h=$2/site/en/report.html
grep -q 'id="same-32000"' "$h" || { echo "no id same-32000"; exit 1; }
[[ $(grep -o 'id="same-[0-9]*"' "$h" | sort -u | wc -l) -eq 31999 ]] || { echo "ids not unique"; exit 1; }
exit 0
