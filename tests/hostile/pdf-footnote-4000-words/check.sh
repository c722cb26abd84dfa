# Every word of the note, and the paragraphs around it, in both PDFs.
. "$(dirname "$0")/../pdfwords.sh"
pdf_words "$2/report-en.pdf" "$1/words" 1 && pdf_words "$2/report-es.pdf" "$1/words" 1
