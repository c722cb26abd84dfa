# Every w of the long words is set (issue 14: nothing runs off a page),
# whatever the pages it takes: in English the title, the preparing body,
# the heading in the contents and in the body, and the link's address
# shown as text make 500,000 w's; the Spanish title has none.
for l in en:500000 es:400000; do
	pdf=$2/report-${l%:*}.pdf
	pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	((pages >= 2 && pages <= 600)) || { echo "$pdf has '$pages' pages"; exit 1; }
	n=$(pdftotext -q "$pdf" - | tr -cd w | wc -c)
	((n >= ${l#*:})) || { echo "$pdf: $n w's in the text, want ${l#*:}"; exit 1; }
done
