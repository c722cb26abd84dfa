#!/usr/bin/env bash
# The Word back end end to end, read by real readers: the example's
# documents and small cases built by $UPRGEN (the ASan build in `make
# test`), then
#  - python3 zipfile + xml.etree (check.py): well-formed parts, styles
#    used by name and defined, Word numbering for the numbered paragraphs,
#    as many Word notes as the Markdown has, repeated header rows, the
#    landscape annex, w:lang on every run, the TOC field, bookmarks and
#    links, native charts, properties, header and footer;
#  - order.py: every property element's children in the order of the
#    schema (ECMA-376 wml.xsd), which Word holds a document to
#  - python-docx (Debian python3-docx, pydocx.py): headings, numbered
#    paragraphs, notes, header rows as that library reads them;
#  - pandoc -f docx -t plain: every recommendation's text and every
#    note's text, in the Markdown's order (in_order.py);
#  - LibreOffice (soffice --headless --convert-to pdf, a private profile)
#    then pdftotext: every chapter heading and recommendation id of the
#    Markdown is in Word's rendering, as in uprgen's PDF;
#  - endnotes (notes: endnotes), `check` refusing a wrong notes: or
#    word_limit:, hostile text that must come out literally, a huge table,
#    byte-identical rebuilds in two time zones.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
here=$root/tests/docx
: "${UPRGEN:?}"
. "$(dirname "$0")/../lib.sh"

expect() { if eval "$2"; then ok; else ko "$1"; fi; }

for tool in python3 soffice pdftotext pandoc; do
	command -v "$tool" >/dev/null || ko "$tool is not installed"
done

# check.py's lines counted: "ok X" passes, "FAIL X" fails.
structure() {
	local out
	out=$(python3 "$here/check.py" "$@" 2>&1)
	local p f
	p=$(grep -c '^ok ' <<<"$out")
	f=$(grep -vc '^ok ' <<<"$out")
	pass=$((pass + p))
	fail=$((fail + f))
	grep -v '^ok ' <<<"$out" | sed "s|^|$(basename "$1"): |"
	((p > 0)) || ko "check.py ran no check on $1"
}

# Lines "ok X" pass, any other line fails (and is shown).
lines() {
	pass=$((pass + $(grep -c '^ok ' <<<"$1")))
	fail=$((fail + $(grep -vc '^ok ' <<<"$1")))
	grep -v '^ok ' <<<"$1"
}

# Word's rendering as LibreOffice makes it: DIR/NAME.txt (no hyphens, no
# blanks, so that lines broken or hyphenated by LibreOffice still match).
render() {
	local docx=$1 out=$2
	HOME=$tmp/home timeout 120 soffice \
		-env:UserInstallation=file://$tmp/lo-profile --headless \
		--convert-to pdf --outdir "$out" "$docx" >"$out/soffice.log" 2>&1
	local pdf=$out/$(basename "${docx%.docx}").pdf
	[[ -s $pdf ]] || { ko "LibreOffice did not convert $docx"; return 1; }
	pdftotext -enc UTF-8 "$pdf" - 2>/dev/null | flatten >"${pdf%.pdf}.flat"
}

# Text without blanks, hyphens and soft hyphens, its quotes straight
# (cmark-gfm curls the quotes of text, not those written escaped).
flatten() { sed "s/\xc2\xad//g; s/\xe2\x80\x99/'/g" | tr -d ' \t\n\r\f-'; }
flat() { flatten <<<"$1"; }

# Every line of $2 (texts) found in the flat rendering $1.
all_in() {
	local flatfile=$1 list=$2 what=$3 missing=0 first=
	while IFS= read -r t; do
		[[ -z $t ]] && continue
		if ! grep -qF -- "$(flat "$t")" "$flatfile"; then
			missing=$((missing + 1))
			[[ -z $first ]] && first=$t
		fi
	done <<<"$list"
	expect "$what (missing $missing, first: $first)" '((missing == 0))'
}

# --- the example ----------------------------------------------------------------
"$UPRGEN" build -C "$root" --out "$tmp/ex" >/dev/null 2>"$tmp/ex.err" ||
	{ ko "example build"; cat "$tmp/ex.err"; }
for l in en es; do
	d=$tmp/ex/report-$l.docx
	md=$tmp/ex/md/report-$l.md
	expect "example has report-$l.docx" '[[ -s $d ]]'
	[[ -s $d ]] || continue
	structure "$d" "$md"
	# a contents field: Word fills in its page numbers on opening
	expect "$l: settings.xml asks Word to update the contents" \
		"unzip -p '$d' word/settings.xml | grep -q '<w:updateFields w:val=\"true\"/>'"
	# python-docx (Debian's, for Debian's python3): the structure
	lines "$(/usr/bin/python3 "$here/pydocx.py" "$d" "$md" 2>&1)"
	# Word's own strictness: properties in the schema's order
	lines "$(python3 "$here/order.py" "$d" 2>&1)"
	# pandoc reads Word documents: the texts and notes, in order
	if pandoc -f docx -t plain --wrap=none "$d" -o "$tmp/pandoc-$l.txt" 2>"$tmp/pandoc.err"; then
		lines "$(python3 "$here/in_order.py" "$tmp/pandoc-$l.txt" "$md")"
	else
		ko "pandoc cannot read report-$l.docx: $(head -c 300 "$tmp/pandoc.err")"
	fi
	mkdir -p "$tmp/lo-$l"
	render "$d" "$tmp/lo-$l" || continue
	word=$tmp/lo-$l/report-$l.flat
	pdftotext -enc UTF-8 "$tmp/ex/report-$l.pdf" - 2>/dev/null | flatten >"$tmp/pdf-$l.flat"
	# the charts' figures as the text and the PDF write them: no
	# "221.012" under "S/ 221 012" in Spanish, no "73.0" for 73 (review
	# 17), the figures themselves there
	if [[ $l == es ]]; then
		expect "es: Word's charts group thousands with a space, as the text (221 012, not 221.012)" \
			"grep -q '221012' '$word' && ! grep -q '221\.012' '$word'"
	else
		expect "en: Word's charts write a whole figure whole beside decimal ones (73, not 73.0)" \
			"grep -q '73' '$word' && ! grep -q '73\.0' '$word'"
	fi
	# the chapter headings (the cover's title is the title page's)
	heads=$(grep -E '^#{1,2} ' "$md" | tail -n +2 | sed -E 's/^#+ //; s/\\(.)/\1/g; s/\*//g')
	all_in "$word" "$heads" "$l: every chapter heading in Word's rendering"
	all_in "$tmp/pdf-$l.flat" "$heads" "$l: every chapter heading in the PDF"
	ids=$(grep -E '^### ' "$md" | awk '{print $NF}')
	expect "$l: recommendations listed" '[[ $(wc -l <<<"$ids") -ge 40 ]]'
	all_in "$word" "$ids" "$l: every recommendation id in Word's rendering"
	# the recommendations' texts (the quotes under their headings)
	texts=$(grep -E '^> ' "$md" | sed -E 's/^> //; s/\\(.)/\1/g' | cut -c1-60)
	all_in "$word" "$texts" "$l: every recommendation's text in Word's rendering"
	# the notes: the first words of each note's text
	notes=$(grep -E '^\[\^[^]]+\]: ' "$md" | sed -E 's/^\[\^[^]]+\]: //; s/\\(.)/\1/g' |
		cut -c1-40)
	all_in "$word" "$notes" "$l: every note's text in Word's rendering"
	# the numbered paragraphs: as many numbers in Word as in the PDF (a
	# number of at most three figures and its full stop, alone or before a
	# space: a line may open with a year and its note mark, "2023" and
	# "14" read as "202314.", or with a chart's "300.000")
	last_pdf=$(pdftotext -enc UTF-8 "$tmp/ex/report-$l.pdf" - 2>/dev/null |
		grep -oE '^[0-9]{1,3}\.([[:space:]]|$)' | tr -dc '0-9\n' |
		sort -n | tail -n 1)
	last_word=$(pdftotext -enc UTF-8 "$tmp/lo-$l/report-$l.pdf" - 2>/dev/null |
		grep -oE '^[0-9]{1,3}\.([[:space:]]|$)' | tr -dc '0-9\n' |
		sort -n | tail -n 1)
	expect "$l: Word numbers the paragraphs to $last_pdf as the PDF ($last_word)" \
		'[[ -n $last_pdf && $last_pdf == "$last_word" ]]'
	# the contents page's folio, "ii", in both (the PDF drew none)
	expect "$l: the contents page is numbered ii in the PDF and in Word" \
		"pdftotext -f 2 -l 2 '$tmp/ex/report-$l.pdf' - | grep -qx ' *ii *' &&
		 pdftotext -f 2 -l 2 '$tmp/lo-$l/report-$l.pdf' - | grep -qx ' *ii *'"
	expect "$l: LibreOffice shows the landscape annex" \
		"pdfinfo -f 1 -l 999 '$tmp/lo-$l/report-$l.pdf' | grep -q 'size: *841.* x 595'"
done

# --- --format docx writes the Word documents and nothing else new --------------
"$UPRGEN" build -C "$root" --out "$tmp/only" --format docx >/dev/null 2>&1 ||
	ko "build --format docx"
expect "--format docx: the documents" '[[ -s $tmp/only/report-en.docx && -s $tmp/only/report-es.docx ]]'
expect "--format docx: no PDF, no site" '[[ ! -e $tmp/only/report-en.pdf && ! -e $tmp/only/site ]]'
"$UPRGEN" build -C "$root" --out "$tmp/only" --format pdf --lang en >"$tmp/keep.out" 2>&1
expect "--format pdf keeps the Word documents" \
	"[[ -s $tmp/only/report-en.docx ]] && grep -q 'report-en.docx' '$tmp/keep.out'"

# --- reproducible: the same bytes, in any time zone ------------------------------
TZ=Pacific/Kiritimati "$UPRGEN" build -C "$root" --out "$tmp/tz" --format docx >/dev/null 2>&1
expect "two builds are byte-identical (another time zone)" \
	"cmp -s '$tmp/ex/report-en.docx' '$tmp/tz/report-en.docx'"

# --- notes: endnotes; check refuses wrong values ---------------------------------
mkdir -p "$tmp/end"
cp -R "$root/content" "$tmp/end/content"
printf 'notes: endnotes\nword_limit: 10700\n' >>"$tmp/end/content/report.yaml"
"$UPRGEN" build -C "$tmp/end" --format docx >/dev/null 2>"$tmp/end.err" ||
	{ ko "endnotes build"; cat "$tmp/end.err"; }
if [[ -s $tmp/end/build/report-en.docx ]]; then
	structure "$tmp/end/build/report-en.docx" "$tmp/end/build/md/report-en.md" --endnotes
	lines "$(/usr/bin/python3 "$here/pydocx.py" "$tmp/end/build/report-en.docx" \
		"$tmp/end/build/md/report-en.md" --endnotes 2>&1)"
fi
mkdir -p "$tmp/lo-end"
if render "$tmp/end/build/report-en.docx" "$tmp/lo-end"; then
	notes=$(grep -E '^\[\^[^]]+\]: ' "$tmp/end/build/md/report-en.md" |
		sed -E 's/^\[\^[^]]+\]: //; s/\\(.)/\1/g' | cut -c1-40)
	all_in "$tmp/lo-end/report-en.flat" "$notes" "endnotes in Word's rendering"
	count=$(wc -l <<<"$notes")
	last=$(flat "$(tail -n 1 <<<"$notes")")
	expect "endnotes numbered 1, 2, 3 (the last, $count, with its text)" \
		"grep -qF -- '$count$last' '$tmp/lo-end/report-en.flat'"
fi
# the word count (word_limit: 10700 above): printed, a warning past it
"$UPRGEN" check -C "$tmp/end" >"$tmp/words.out" 2>"$tmp/words.err"
expect "check passes with notes: and word_limit:" '[[ $? == 0 ]]'
en_words=$(sed -nE 's/^words \(en\): ([0-9]+) .*/\1/p' "$tmp/words.out")
es_words=$(sed -nE 's/^words \(es\): ([0-9]+) .*/\1/p' "$tmp/words.out")
expect "check prints the word count of each language ($en_words, $es_words)" \
	'[[ -n $en_words && -n $es_words ]]'
# the English example: `wc -w` of its Markdown up to the annex, without
# the notes, directives and fences, is 9,727 (with some Markdown marks)
expect "the count is the body's, without the notes and the annex" \
	'(( en_words > 9000 && en_words < 10500 ))'
expect "past word_limit: a warning naming the count and the limit, at its line" \
	"grep -q \"report.yaml:[0-9][0-9]*:[0-9][0-9]*: warning: the es report has $es_words words, more than its word_limit of 10700\" '$tmp/words.err'"
# Chinese: each character a word, as Word and LibreOffice count it (a
# sentence without blanks was one word: 355 for the Chinese report of
# tests/projects/zh-ru, which holds about 2,900 Chinese characters)
"$UPRGEN" check -C "$root/tests/projects/zh-ru" >"$tmp/zh-words.out" 2>&1
zh_words=$(sed -nE 's/^words \(zh\): ([0-9]+) .*/\1/p' "$tmp/zh-words.out")
expect "Chinese: each character a word ($zh_words)" '(( zh_words > 2500 && zh_words < 4000 ))'
expect "under word_limit: no warning" "! grep -q 'the en report has' '$tmp/words.err'"
for bad in 'notes: sidenotes' 'word_limit: many' 'word_limit: -3'; do
	mkdir -p "$tmp/bad"
	rm -rf "$tmp/bad/content"
	cp -R "$root/content" "$tmp/bad/content"
	printf '%s\n' "$bad" >>"$tmp/bad/content/report.yaml"
	"$UPRGEN" check -C "$tmp/bad" >"$tmp/bad.out" 2>&1
	st=$?
	key=${bad%%:*}
	expect "check refuses '$bad'" \
		"[[ $st == 1 ]] && grep -q \"report.yaml:.*error:.*$key\" '$tmp/bad.out'"
done

# --- hostile text comes out literally ---------------------------------------------
hostile=$root/tests/build/hostile
"$UPRGEN" build -C "$hostile" --out "$tmp/h" --format docx >/dev/null 2>"$tmp/h.err" ||
	{ ko "hostile build"; cat "$tmp/h.err"; }
if [[ -s $tmp/h/report-en.docx ]]; then
	structure "$tmp/h/report-en.docx" "$tmp/h/md/report-en.md" --no-matrix
	python3 "$here/check.py" --text "$tmp/h/report-en.docx" >"$tmp/h.txt"
	expect "hostile: markup in a field is text in Word" \
		"grep -qF \"<script>alert(‘text’)</script>\" '$tmp/h.txt'"
	expect "hostile: Markdown in a plain field is text in Word" \
		"grep -qF '**not bold**' '$tmp/h.txt'"
	mkdir -p "$tmp/lo-h"
	render "$tmp/h/report-en.docx" "$tmp/lo-h" &&
		expect "hostile: LibreOffice shows the markup as text" \
			"grep -qF \"$(flat "<script>alert(‘text’)</script>")\" '$tmp/lo-h/report-en.flat'"
fi

# --- a huge table and XML's special characters in a chapter -------------------------
big=$tmp/big
mkdir -p "$big"
cp -R "$root/content" "$big/content"
mkdir -p "$big/content/images"
python3 - "$big/content/images/red.png" <<'EOF'
import struct, sys, zlib
w, h = 40, 20
raw = b''.join(b'\0' + b'\xc0\x10\x10' * w for _ in range(h))
def chunk(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d))
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR',
    struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) +
    chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
EOF
{
	echo 'A picture: ![A red & square](images/red.png) and one elsewhere:'
	echo '![far away](https://example.org/x.png).'
	echo
	echo '# A huge table'
	echo
	echo '| Id | Text & <markup> | "Quoted" |'
	echo '|---|---|---|'
	for i in $(seq 1 4000); do echo "| $i | a & b < c > d ]]> | 'x' \"y\" |"; done
	echo
	echo 'Closing & <b>not bold</b> ]]> text.'
	echo
	echo 'A cross-reference: [back to the table](#a-huge-table).'
} >"$big/content/chapters/overview.en.md"
"$UPRGEN" build -C "$big" --format docx --lang en >/dev/null 2>"$tmp/big.err" ||
	{ ko "huge table build"; cat "$tmp/big.err"; }
if [[ -s $big/build/report-en.docx ]]; then
	rows=$(python3 - "$big/build/report-en.docx" <<'EOF'
import sys, zipfile, xml.etree.ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
d = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read('word/document.xml'))
print(max(len(t.findall(W + 'tr')) for t in d.iter(W + 'tbl')))
EOF
)
	expect "huge table: 4,001 rows in Word (found $rows)" '[[ $rows == 4001 ]]'
	python3 "$here/check.py" --text "$big/build/report-en.docx" >"$tmp/big.txt"
	pics=$(python3 - "$big/build/report-en.docx" <<'EOF'
import sys, zipfile, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
d = ET.fromstring(z.read('word/document.xml'))
P = '{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}'
descr = [p.get('descr') for p in d.iter(P + 'docPr') if p.get('name', '').startswith('Picture')]
png = z.read('word/media/image1.png')[:8] == b'\x89PNG\r\n\x1a\n'
print(len(descr), descr[0] if descr else '', png)
EOF
)
	expect "a picture of the content folder embedded, its description its alternative ($pics)" \
		'[[ $pics == "1 A red & square True" ]]'
	expect "a picture from another host: a warning, not fetched" \
		"grep -q 'example.org/x.png.*another host' '$tmp/big.err'"
	link=$(python3 - "$big/build/report-en.docx" <<'EOF'
import sys, zipfile, xml.etree.ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
d = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read('word/document.xml'))
marks = {}
for p in d.iter(W + 'p'):
    for b in p.iter(W + 'bookmarkStart'):
        marks[b.get(W + 'name')] = ''.join(t.text or '' for t in p.iter(W + 't'))
for h in d.iter(W + 'hyperlink'):
    if ''.join(t.text or '' for t in h.iter(W + 't')) == 'back to the table':
        print(marks.get(h.get(W + 'anchor')))
EOF
)
	expect "a #heading link goes to that heading's bookmark ($link)" '[[ $link == "A huge table" ]]'
	expect "XML special characters come out as text" \
		"grep -qF 'a & b < c > d ]]>' '$tmp/big.txt' && grep -qF 'Closing & not bold ]]> text.' '$tmp/big.txt'"
fi

# --- 5,000 recommendations ----------------------------------------------------------
if cc -O2 -std=c17 -o "$tmp/gencorpus" "$root/tests/bench/gencorpus.c" &&
	"$tmp/gencorpus" 5000 "$tmp/n5000" >/dev/null; then
	start=$SECONDS
	"$UPRGEN" build -C "$tmp/n5000" --format docx >/dev/null 2>"$tmp/n5000.err" ||
		{ ko "5,000 recommendations: build"; tail -n 5 "$tmp/n5000.err"; }
	took=$((SECONDS - start))
	got=$(python3 - "$tmp/n5000/build/report-en.docx" <<'EOF'
import sys, zipfile, xml.etree.ElementTree as ET
W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
d = ET.fromstring(z.read('word/document.xml'))
recs = {b.get(W + 'name') for b in d.iter(W + 'bookmarkStart')
        if b.get(W + 'name').startswith('rec')}
links = {h.get(W + 'anchor') for h in d.iter(W + 'hyperlink')
         if (h.get(W + 'anchor') or '').startswith('rec')}
print(len(recs), len(links), links <= recs)
EOF
)
	expect "5,000 recommendations: each bookmarked, the matrix links to each ($got, ${took} s)" \
		'[[ $got == "5000 5000 True" ]]'
else
	ko "5,000 recommendations: the corpus generator"
fi

echo "docx: $pass passed, $fail failed"
((fail == 0))
