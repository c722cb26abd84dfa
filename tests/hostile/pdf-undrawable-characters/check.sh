# The characters no font has (two in the paragraph, one in the code, one
# in the code block) are drawn with U+FFFD's glyph under codes of their
# own whose ToUnicode entries give the characters back; the others are
# drawn from the fallback fonts.  The PDF's text has them all, and no
# U+FFFD.
t=$(pdftotext -q "$2/report-en.pdf" -)
n=$(grep -o $'\uFFFD' <<<"$t" | wc -l)
((n == 0)) || { echo "$n replacement characters in the text, want 0"; exit 1; }
for want in $'Emoji \U1F600 \U1F914 here, \U1D465, Chinese \u4E2D\u6587, Arabic ' \
	$'and Devanagari \u0939\u093F.' $'In code \u4E2D \U000F0000.' \
	$'fenced \u0939'; do
	grep -qF "$want" <<<"$t" || { echo "the text lacks: $want"; exit 1; }
done
for c in $'\u0639' $'\u0631' $'\u0628' $'\u064A'; do
	grep -qF "$c" <<<"$t" || { echo "the text lacks the Arabic $c"; exit 1; }
done
qpdf --qdf --object-streams=disable "$2/report-en.pdf" - |
	grep -aqi '^<[0-9A-F]*> <DB80DC00>$' ||
	{ echo "no code maps to U+F0000 in a ToUnicode map"; exit 1; }
fonts=$(pdffonts "$2/report-en.pdf")
for f in Symbola NotoSansMath NotoNaskhArabic NotoSerifCJK; do
	grep -q "+$f" <<<"$fonts" || { echo "no $f embedded"; exit 1; }
done
grep -q "Invalid 'begincidrange'" < <(pdftotext "$2/report-en.pdf" - 2>&1 >/dev/null) &&
	{ echo "poppler warns about a ToUnicode map"; exit 1; }
exit 0
