html=$2/site/en/report.html
[[ $(grep -o 'href="https://example.org/law"' "$html" | wc -l) -eq 1 ]] || { echo "the definition reached the other chapter"; exit 1; }
grep -q 'And \[the law\] again.' "$html" || { echo "the second chapter's brackets are gone"; exit 1; }
exit 0
