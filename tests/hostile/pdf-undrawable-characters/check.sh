# Eleven replacement characters in the PDF's text where the eleven
# characters were (nine in the paragraph, one in the code, one in the
# code block), none of them drawn otherwise (nor as spaces).
t=$(pdftotext -q "$2/report-en.pdf" -)
n=$(grep -o $'\uFFFD' <<<"$t" | wc -l)
((n == 11)) || { echo "$n replacement characters, want 11"; exit 1; }
grep -q $'^Emoji \uFFFD here, Chinese \uFFFD\uFFFD, Arabic \uFFFD\uFFFD\uFFFD\uFFFD and Devanagari \uFFFD\uFFFD\.$' <<<"$t" ||
	{ echo "the paragraph reads: $(grep Emoji <<<"$t")"; exit 1; }
