# Ten replacement characters in the PDF's text where the ten characters
# were (nine in the paragraph, one in the code), none of them drawn
# otherwise (nor as spaces).
t=$(pdftotext -q "$2/report-en.pdf" -)
n=$(grep -o $'\uFFFD' <<<"$t" | wc -l)
((n == 10)) || { echo "$n replacement characters, want 10"; exit 1; }
grep -q $'^Emoji \uFFFD here, Chinese \uFFFD\uFFFD, Arabic \uFFFD\uFFFD\uFFFD\uFFFD and Devanagari \uFFFD\uFFFD\.$' <<<"$t" ||
	{ echo "the paragraph reads: $(grep Emoji <<<"$t")"; exit 1; }
