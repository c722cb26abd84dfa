h=$2/site/en/report.html
grep -q $'Adopt a law \ue0000\ue001 now' "$h" || { echo "the text is not shown as written"; exit 1; }
[[ $(grep -o 'The <strong>only</strong> challenge.' "$h" | wc -l) -eq 1 ]] || { echo "the field is not exactly once"; exit 1; }
exit 0
