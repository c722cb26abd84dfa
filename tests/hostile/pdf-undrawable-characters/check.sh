# The eleven characters (nine in the paragraph, one in the code, one in
# the code block) are drawn with U+FFFD's glyph under codes of their own
# (stand-ins from <D800>) whose ToUnicode entries give the characters
# back: the PDF's text has them, and no U+FFFD.
t=$(pdftotext -q "$2/report-en.pdf" -)
n=$(grep -o $'\uFFFD' <<<"$t" | wc -l)
((n == 0)) || { echo "$n replacement characters in the text, want 0"; exit 1; }
for want in $'Emoji \U1F600 here, Chinese \u4E2D\u6587, Arabic ' \
	$'and Devanagari \u0939\u093F.' $'In code \u4E2D.' $'fenced \u0939'; do
	grep -qF "$want" <<<"$t" || { echo "the text lacks: $want"; exit 1; }
done
for c in $'\u0639' $'\u0631' $'\u0628' $'\u064A'; do
	grep -qF "$c" <<<"$t" || { echo "the text lacks the Arabic $c"; exit 1; }
done
qpdf --qdf --object-streams=disable "$2/report-en.pdf" - |
	grep -aqi '^<D800> <D83DDE00>$' ||
	{ echo "no stand-in code maps to U+1F600 in a ToUnicode map"; exit 1; }
grep -q "Invalid 'begincidrange'" < <(pdftotext "$2/report-en.pdf" - 2>&1 >/dev/null) &&
	{ echo "poppler warns about a ToUnicode map"; exit 1; }
exit 0
