h=$2/site/en/report.html
# (the mark typed before the full stop goes after it: the English rule,
# document_place_notes)
n=$(grep -o 'Outer note\.<sup class="fnref"><a href="#fn-[0-9]*"' "$h" | grep -o '[0-9]*"$' | tr -d '"')
[[ -n $n ]] || { echo "the outer note has no mark"; exit 1; }
tr '\n' ' ' <"$h" | grep -q "<li id=\"fn-$n\"> *<p>Inner note." || { echo "note $n is not the inner note"; exit 1; }
[[ $(grep -o '<li id="fn-[0-9]*">' "$h" | wc -l) -eq 4 ]] || { echo "not four notes"; exit 1; }
t=$(pdftotext "$2/report-en.pdf" - 2>/dev/null)
grep -q 'Inner note.' <<<"$t" || { echo "the inner note is not in the PDF"; exit 1; }
exit 0
