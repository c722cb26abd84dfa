# Sourced by a case's check.sh.  pdf_words PDF WORDS N [OPTION...]: every
# word listed in the file WORDS (one a line) comes out of the PDF's text
# (pdftotext, given the options: -l 2 for the first two pages only) at
# least N times; else prints how many do not, and the first of them,
# and returns 1.  Words are what lies between spaces and line ends, so
# the listed words must be ones the PDF does not hyphenate (letters and
# digits: "fn123").
pdf_words() {
	local pdf=$1 words=$2 n=$3 missing
	shift 3
	missing=$(pdftotext -q "$@" "$pdf" - | tr -s ' \n\f\t' '\n' | sort | uniq -c |
		awk -v n="$n" 'NR == FNR { c[$2] = $1; next } (c[$1] < n) { print $1 }' - "$words")
	[[ -z $missing ]] && return 0
	echo "$(basename "$pdf"): $(wc -l <<<"$missing") of $(wc -l <"$words") words come out fewer than $n times: $(head -n 5 <<<"$missing" | tr '\n' ' ')"
	return 1
}
