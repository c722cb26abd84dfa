for l in en es; do
	pages=$(pdfinfo "$2/report-$l.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	((pages >= 2 && pages <= 100)) || { echo "report-$l.pdf has '$pages' pages"; exit 1; }
done
