pages=$(pdfinfo "$2/report-en.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
((pages >= 2 && pages <= 200)) || { echo "the PDF has '$pages' pages"; exit 1; }
n=$(pdftotext -q "$2/report-en.pdf" - | grep -c 'word5999')
((n >= 1)) || { echo "the end of the long texts is lost"; exit 1; }
