# The first, a middle and the last State in the PDF.
pdftotext -q "$2/report-en.pdf" "$1/text"
for s in S1, S200000, S400000; do
	grep -q "$s" "$1/text" || { echo "$s is not in the PDF"; exit 1; }
done
