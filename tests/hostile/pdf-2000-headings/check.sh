# Each heading twice (contents and body), and the paragraph after them.
. "$(dirname "$0")/../pdfwords.sh"
echo zz3. >"$1/after"
for l in en es; do
	pdf_words "$2/report-$l.pdf" "$1/words" 2 || exit 1
	pdf_words "$2/report-$l.pdf" "$1/after" 1 || exit 1
done
