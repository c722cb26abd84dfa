# Every word of the title and the preparing body, on the title pages (three).
. "$(dirname "$0")/../pdfwords.sh"
pdf_words "$2/report-en.pdf" "$1/words" 1 -l 3
